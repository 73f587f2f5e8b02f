package org.ssmworkbench.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.cli.CliRun;

/** The output folder tells which files this run wrote and which were kept from an earlier command. */
class KeptOutputsTest {

    @TempDir
    Path tmp;

    @Test
    void aRunSaysWhichOutputsItKeptFromAnEarlierCommand() throws IOException {
        String dir = CliRun.copyCase(tmp.resolve("p")).toString();
        String out = tmp.resolve("out").toString();
        CliRun first = CliRun.of("sensitivity", dir, "--out", out, "-q");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).doesNotContain("note:");

        CliRun again = CliRun.of("synthesize", dir, "--out", out, "-q");
        assertThat(again.code()).isZero();
        assertThat(again.err()).contains("note: kept from an earlier command, not rewritten now: sensitivity.csv,"
                + " sensitivity.json (they describe the project as it was then");

        CliRun report = CliRun.of("report", dir, "--out", out);
        assertThat(report.code()).isZero();
        assertThat(report.err()).contains("not rewritten now: sensitivity.csv, sensitivity.json (");

        CliRun all = CliRun.of("sensitivity", dir, "--out", out, "--report", "-q");
        assertThat(all.code()).isZero();
        assertThat(all.err()).doesNotContain("note:");
    }
}
