package org.ssmworkbench.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.cli.CliRun;

/**
 * Every code example of the README runs as written, so the README cannot drift: each `./ssm` command
 * of its shell blocks (with the exit code its comment states, 0 unless it says "exits 2"), each JSON
 * request (through `ssm mass`), and the summary excerpt (each row shown is a row of the real output).
 * Output folders go to a temporary folder instead of the examples; nothing else is changed.
 */
class ReadmeExamplesTest {

    static final Path README = Path.of("..", "README.md");
    static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```\\n");
    /** The README's test command; CI must run the same (it cannot run itself inside the tests). */
    static final String TEST_COMMAND = ".ci/install-chromium.sh && mvn -B -ntp verify";

    @TempDir
    Path tmp;

    record Block(String language, String text) {
    }

    static List<Block> blocks() throws IOException {
        String md = Files.readString(README, StandardCharsets.UTF_8);
        List<Block> out = new ArrayList<>();
        Matcher m = FENCE.matcher(md);
        while (m.find()) {
            out.add(new Block(m.group(1), m.group(2)));
        }
        return out;
    }

    @Test
    void theReadmeHasTheExamplesThisTestRuns() throws IOException {
        List<Block> b = blocks();
        assertThat(b.stream().filter(x -> x.language().equals("bash")).count()).isEqualTo(3);
        assertThat(b.stream().filter(x -> x.language().equals("json")).count()).isEqualTo(2);
        assertThat(b.stream().filter(x -> x.language().isEmpty()).count()).isEqualTo(1);
    }

    @Test
    void everyShellCommandRunsWithTheExitCodeItStates() throws IOException {
        Map<String, String> folders = new HashMap<>();
        int ran = 0;
        for (Block b : blocks()) {
            if (!b.language().equals("bash")) {
                continue;
            }
            for (String line : b.text().split("\n")) {
                String comment = line.contains(" #") ? line.substring(line.indexOf(" #") + 2).strip() : "";
                String command = line.contains(" #") ? line.substring(0, line.indexOf(" #")).strip() : line.strip();
                if (command.isEmpty()) {
                    continue;
                }
                if (command.equals(TEST_COMMAND)) {
                    assertThat(Files.readString(Path.of("..", ".ci", "run"))).as("CI runs the README's test command")
                            .contains(TEST_COMMAND);
                    continue;
                }
                int expected = comment.contains("exits 2") ? 2 : 0;
                for (String part : command.split("&&")) {
                    CliRun r = run(part.strip(), folders);
                    assertThat(r.code()).as(part + "\n" + r.err()).isEqualTo(expected);
                    if (expected == 0) {
                        assertThat(r.out()).as(part).isNotBlank();
                    }
                    ran++;
                }
            }
        }
        assertThat(ran).isGreaterThanOrEqualTo(9);
    }

    @Test
    void theBatchExampleAnswersEveryLineAndNamesTheConflictItDescribes() throws IOException {
        CliRun r = run("./ssm mass --batch examples/mass/worked-examples.jsonl", new HashMap<>());
        assertThat(r.code()).isEqualTo(2);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(3)).startsWith("{\"error\":\"line 4: total conflict (K = 1) under Dempster's rule at step 1: ");
        assertThat(r.err()).contains("1 of 5 input lines had errors");
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertThat(readme).contains("{\"error\":\"line 4: total conflict (K = 1) under Dempster's rule at step 1: …\"}")
                .contains("`1 of 5 input lines had errors`");
    }

    @Test
    void everyJsonRequestIsAnsweredBySsmMass() throws IOException {
        for (Block b : blocks()) {
            if (!b.language().equals("json")) {
                continue;
            }
            CliRun r = withStdin(b.text(), () -> CliRun.of("mass"));
            assertThat(r.code()).as(b.text() + "\n" + r.err()).isZero();
            assertThat(r.out()).contains("\"masses\"");
            if (b.text().contains("\"select\"")) {
                assertThat(r.out()).contains("\"selected\":{\"set\":\"PO,SP\"");
            }
        }
    }

    @Test
    void theSummaryExcerptIsWhatSynthesizePrints() throws IOException {
        Block excerpt = blocks().stream().filter(b -> b.language().isEmpty()).findFirst().orElseThrow();
        CliRun r = CliRun.of("synthesize", "../examples/quantization", "--out", tmp.resolve("q").toString());
        assertThat(r.code()).isZero();
        List<String> actual = r.out().lines().map(String::stripTrailing).toList();
        for (String line : excerpt.text().split("\n")) {
            if (!line.strip().equals("...")) {
                assertThat(actual).as("README summary row").contains(line.stripTrailing());
            }
        }
    }

    /** Runs one `./ssm …` command (or `echo '…' | ./ssm …`) the way a shell at the repository root would. */
    private CliRun run(String command, Map<String, String> folders) throws IOException {
        String stdin = null;
        if (command.startsWith("echo ")) {
            int bar = command.indexOf("| ./ssm ");
            stdin = words(command.substring(0, bar).strip()).get(1);
            command = command.substring(bar + 2).strip();
        }
        assertThat(command).as("README commands are ./ssm commands").startsWith("./ssm");
        List<String> args = new ArrayList<>(words(command).subList(1, words(command).size()));
        boolean hasOut = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("examples/")) {
                args.set(i, "../" + a);
            } else if (i > 0 && args.get(i - 1).equals("--out")) {
                hasOut = true;
                args.set(i, folder(a, folders));
            } else if (!a.startsWith("-") && i == 1 && !args.get(0).equals("mass")) {
                args.set(i, folder(a, folders)); // a project folder the README makes (ssm init my-synthesis)
            }
        }
        if (!hasOut && List.of("synthesize", "report", "sensitivity").contains(args.get(0))) {
            args.add("--out");
            args.add(tmp.resolve("out-" + folders.size()).toString());
            folders.put("out-" + folders.size(), "");
        }
        if (args.get(0).equals("serve")) {
            return serveBriefly(args);
        }
        String[] a = args.toArray(String[]::new);
        return stdin == null ? CliRun.of(a) : withStdin(stdin, () -> CliRun.of(a));
    }

    /**
     * `ssm serve` runs until stopped: here on a free port, until its overview has answered; its exit
     * code is the one Ctrl-C gives.
     */
    private static CliRun serveBriefly(List<String> args) {
        List<String> a = new ArrayList<>(args);
        if (!a.contains("--port")) {
            a.add("--port");
            a.add("0");
        }
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        java.util.concurrent.atomic.AtomicInteger code = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread t = new Thread(() -> code.set(org.ssmworkbench.cli.Main.run(a.toArray(String[]::new),
                new java.io.PrintWriter(out), new java.io.PrintWriter(err))));
        t.start();
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)").matcher("");
            for (int i = 0; i < 400 && !m.reset(out.toString()).find() && t.isAlive(); i++) {
                Thread.sleep(50);
            }
            if (m.reset(out.toString()).find()) {
                var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(m.group(1) + "api/overview")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(String.join(" ", args) + ": " + r.body()).isEqualTo(200);
            }
            t.interrupt();
            t.join(20_000);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        return new CliRun(code.get(), out.toString(), err.toString());
    }

    private String folder(String name, Map<String, String> folders) {
        return folders.computeIfAbsent(name, n -> tmp.resolve("f" + folders.size()).toString());
    }

    /** Shell words: spaces separate, single and double quotes group (no escapes in the README). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                any = true;
            } else if (c == ' ') {
                if (any || w.length() > 0) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private static CliRun withStdin(String text, java.util.function.Supplier<CliRun> run) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(saved);
        }
    }
}
