package org.ssmworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The two error paths, end to end: evidence the method cannot use exits 2 with its location (file, line,
 * field; the core's own check as the cause under --verbose); a bug exits 1 as an internal error, its cause kept.
 */
class ExitPathsTest {

    @TempDir
    Path tmp;

    @Test
    void evidenceTheCoreRefusesExits2WithItsLocationAndKeepsTheCheckAsCause() throws Exception {
        Path dir = CliRun.copy(Path.of("..", "examples", "pair-programming"), tmp.resolve("p"));
        Path study = dir.resolve("studies/ARISHOLM2007.yaml");
        String text = Files.readString(study);
        // two groups whose relative improvement overflows a double: the core's own check, not a crash
        String changed = text.replace("summary: {n: 197, mean: 48.0, iqr: 0.0}    # +48 %: higher is better",
                "groups:\n          baseline: {n: 10, mean: 1.0e-300, sd: 1.0e-301}\n"
                        + "          treated: {n: 10, mean: 1.0e300, sd: 1.0e299}");
        assertThat(changed).isNotEqualTo(text);
        Files.writeString(study, changed);

        CliRun r = CliRun.of("synthesize", dir.toString(), "--out", tmp.resolve("out").toString(), "-q");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("studies/ARISHOLM2007.yaml:23: evidence[0].effects.correctness.groups: the"
                + " relative improvement of 1.0E300 over the baseline 1.0E-300 is too large to compute").doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();

        CliRun v = CliRun.of("synthesize", dir.toString(), "--out", tmp.resolve("out").toString(), "--verbose");
        assertThat(v.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(v.err()).contains("Caused by: java.lang.IllegalArgumentException: the relative improvement of 1.0E300");
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the bug", new ArithmeticException("its cause"));
        }
    }

    @Test
    void aBugExits1AsAnInternalErrorAndVerbosePrintsItsCause() {
        for (boolean verbose : new boolean[] {false, true}) {
            CommandLine cl = Main.commandLine();
            cl.addSubcommand("boom", new CommandLine(new Boom()));
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err, true));
            cl.setOut(new PrintWriter(new StringWriter(), true));
            int code = verbose ? cl.execute("--verbose", "boom") : cl.execute("boom");
            assertThat(code).isEqualTo(ExitCodes.INTERNAL);
            assertThat(err.toString()).contains("internal error: java.lang.IllegalStateException: the bug");
            if (verbose) {
                assertThat(err.toString()).contains("Caused by: java.lang.ArithmeticException: its cause");
            } else {
                assertThat(err.toString()).contains("--verbose").doesNotContain("Caused by");
            }
        }
    }
}
