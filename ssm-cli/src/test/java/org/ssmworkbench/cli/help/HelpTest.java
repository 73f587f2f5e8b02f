package org.ssmworkbench.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssmworkbench.cli.CliRun;
import org.ssmworkbench.cli.Main;
import picocli.CommandLine;

/**
 * Help that reads well at any width: every command's summary is a whole sentence, wrapping never
 * splits a word or a file name, the exit-code table keeps one row per code; `ssm` alone is a usage
 * error; the shared options (-q, --verbose, --out) mean the same on every command.
 */
class HelpTest {

    @TempDir
    Path tmp;

    /** Every command's help at the given width, by qualified name ("ssm", "ssm mass", "ssm import mq", …). */
    static Map<String, String> helpAt(int width) {
        CommandLine cl = Main.commandLine();
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(width);
        Map<String, String> out = new LinkedHashMap<>();
        collect(cl, out);
        return out;
    }

    private static void collect(CommandLine cl, Map<String, String> out) {
        StringWriter w = new StringWriter();
        cl.usage(new PrintWriter(w), CommandLine.Help.Ansi.OFF);
        out.put(cl.getCommandSpec().qualifiedName(), w.toString());
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandName().equals("help")) {
                collect(sub, out);
            }
        }
    }

    @Test
    void everyCommandIsCovered() {
        assertThat(helpAt(80).keySet()).contains("ssm", "ssm synthesize", "ssm report", "ssm sensitivity", "ssm init", "ssm serve",
                "ssm mass", "ssm import", "ssm import mq", "ssm export", "ssm export mq");
    }

    /** The command list shows each command's one-sentence summary whole, ending with a full stop. */
    @Test
    void theCommandListShowsWholeSentences() {
        String help = CliRun.of("--help").out();
        String list = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:"));
        Map<String, String> summaries = new LinkedHashMap<>();
        String current = null;
        for (String line : list.lines().skip(1).toList()) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                String[] f = line.strip().split("\\s+", 2);
                current = f[0];
                summaries.put(current, f[1]);
            } else {
                summaries.merge(current, " " + line.strip(), String::concat);
            }
        }
        assertThat(summaries).containsKeys("synthesize", "report", "sensitivity", "init", "serve", "mass", "import", "export");
        CommandLine cl = Main.commandLine();
        summaries.forEach((name, text) -> {
            assertThat(text).as(name).matches("[A-Z].*\\.").doesNotContain("  ");
            if (!name.equals("help")) {
                // the header as declared (the layout swaps in look-alikes for '.', '/', ',' and '-' while wrapping)
                String header = String.join(" ", cl.getSubcommands().get(name).getCommandSpec().usageMessage().header())
                        .replace('\u2024', '.').replace('\u2215', '/').replace('\uFE50', ',').replace('\u2011', '-');
                assertThat(header).as(name).isEqualTo(text);
            }
        });
    }

    /** Wrapping moves words to the next line but never splits one ("checklist. yaml") nor loses one. */
    @ParameterizedTest
    @ValueSource(ints = {55, 64, 80, 100, 132})
    void wrappingNeverSplitsAWord(int width) {
        Map<String, String> wide = helpAt(400);
        helpAt(width).forEach((name, help) -> {
            for (String line : help.lines().toList()) {
                assertThat(line.length()).as(name + " at " + width + ": " + line).isLessThanOrEqualTo(width);
            }
            assertThat(words(help)).as(name + " at width " + width).isEqualTo(words(wide.get(name)));
        });
    }

    private static List<String> words(String s) {
        return List.of(s.strip().split("\\s+"));
    }

    /** One row per exit code; a long explanation wraps inside its row. */
    @ParameterizedTest
    @ValueSource(ints = {55, 80})
    void theExitCodeTableIsIntact(int width) {
        helpAt(width).forEach((name, help) -> {
            int at = help.indexOf("Exit codes:");
            if (at < 0) {
                return;
            }
            List<String> keys = new ArrayList<>();
            for (String line : help.substring(at).lines().skip(1).toList()) {
                if (line.isBlank()) {
                    break;
                }
                if (!line.startsWith("        ")) {
                    assertThat(line).as(name).matches("  [012]   \\S.*");
                    keys.add(line.substring(2, 3));
                }
            }
            assertThat(keys).as(name).containsExactly("0", "1", "2");
        });
        assertThat(CliRun.of("mass", "--help").out()).contains("  2   bad input: malformed JSON")
                .containsPattern("total conflict under\\s+Dempster's rule");
    }

    @Test
    void everyCommandButTheGroupsHasTheExitCodeTable() {
        helpAt(80).forEach((name, help) -> assertThat(help).as(name).contains("Exit codes:"));
    }

    @Test
    void ssmAloneIsAUsageError() {
        CliRun r = CliRun.of();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("name a command").contains("Usage: ssm").contains("Commands:");
    }

    @Test
    void helpAndVersionExit0() {
        assertThat(CliRun.of("--help").code()).isZero();
        assertThat(CliRun.of("help", "mass").code()).isZero();
        assertThat(CliRun.of("help", "mass").out()).contains("Combine mass functions");
        assertThat(CliRun.of("--version").code()).isZero();
    }

    /** -q, --verbose and (on the commands that run a project) --out are listed the same everywhere. */
    @Test
    void sharedOptionsReadTheSameOnEveryCommand() {
        Map<String, String> help = helpAt(80);
        String quiet = optionText(help.get("ssm"), "-q, --quiet");
        String verbose = optionText(help.get("ssm"), "--verbose");
        help.forEach((name, h) -> {
            assertThat(optionText(h, "-q, --quiet")).as(name).isEqualTo(quiet);
            assertThat(optionText(h, "--verbose")).as(name).isEqualTo(verbose);
        });
        String out = optionText(help.get("ssm synthesize"), "--out=OUT");
        assertThat(out).contains("default: DIR/out");
        for (String c : List.of("ssm report", "ssm sensitivity")) {
            assertThat(optionText(help.get(c), "--out=OUT")).as(c).isEqualTo(out);
        }
    }

    /** The option's description, whitespace collapsed (it starts after the option's names). */
    private static String optionText(String help, String names) {
        List<String> lines = help.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith(names + " ") || l.equals(names)) {
                StringBuilder sb = new StringBuilder(l.substring(names.length()).strip());
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("                "); j++) {
                    sb.append(' ').append(lines.get(j).strip());
                }
                return sb.toString().strip();
            }
        }
        return "(missing " + names + ")";
    }

    /** -q (before or after the command's name) leaves one line: where the command wrote. */
    @Test
    void quietLeavesOneLineOnEveryCommand() throws IOException {
        Path project = CliRun.copyCase(tmp.resolve("q"));
        String dir = project.toString();
        Map<String, String[]> runs = new LinkedHashMap<>();
        runs.put("synthesize", new String[] {"synthesize", dir, "-q", "--out", tmp.resolve("o1").toString()});
        runs.put("report", new String[] {"report", dir, "-q", "--out", tmp.resolve("o2").toString()});
        runs.put("-q report", new String[] {"-q", "report", dir, "--out", tmp.resolve("o3").toString()});
        runs.put("sensitivity", new String[] {"sensitivity", dir, "--quiet", "--out", tmp.resolve("o4").toString()});
        runs.put("init", new String[] {"init", tmp.resolve("new").toString(), "-q"});
        runs.put("import", new String[] {"import", "mq", "../examples/replication-packages/case-quantization", "-q",
            "--out", tmp.resolve("imp").toString()});
        runs.put("export", new String[] {"-q", "export", "mq", dir, "--out", tmp.resolve("exp").toString()});
        runs.forEach((name, args) -> {
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(name + ": " + r.err()).isZero();
            assertThat(r.out().lines().toList()).as(name).hasSize(1);
            assertThat(r.out()).as(name).containsPattern("^(wrote|created|imported|exported) ");
        });
        CliRun loud = CliRun.of("sensitivity", dir, "--out", tmp.resolve("o5").toString());
        assertThat(loud.out().lines().count()).isGreaterThan(3);
        try (Stream<Path> s = Files.list(tmp.resolve("o4"))) {
            assertThat(s.count()).isGreaterThan(2);
        }
    }

    @Test
    void verboseWorksOnEveryCommandBeforeOrAfterItsName() {
        CliRun before = CliRun.of("--verbose", "synthesize", tmp.resolve("missing").toString());
        CliRun after = CliRun.of("synthesize", tmp.resolve("missing").toString(), "--verbose");
        assertThat(before.code()).isEqualTo(2);
        assertThat(after.code()).isEqualTo(2);
        assertThat(before.err()).contains("\tat ");
        assertThat(after.err()).contains("\tat ");
        assertThat(CliRun.of("synthesize", tmp.resolve("missing").toString()).err()).doesNotContain("\tat ");
    }
}
