package org.ssmworkbench.cli.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ssmworkbench.cli.mq.ImportCommandTest.EXAMPLE;
import static org.ssmworkbench.cli.mq.ImportCommandTest.EXTENDED;
import static org.ssmworkbench.cli.mq.ImportCommandTest.SMALL;
import static org.ssmworkbench.cli.mq.ImportCommandTest.files;
import static org.ssmworkbench.cli.mq.ImportCommandTest.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.cli.CliRun;

/** `ssm export mq` end to end: the layout comes back, and importing it again gives the same project. */
class ExportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripOfTheExtendedCase() throws IOException {
        roundTrip(EXTENDED, "effects_by_precision.json", "studies.json");
    }

    @Test
    void roundTripOfTheSmallCase() throws IOException {
        roundTrip(SMALL, "effects.json", "README.md");
    }

    private void roundTrip(Path src, String perStudy, String top) throws IOException {
        CliRun a = CliRun.of("import", "mq", pkg(src).toString(), "--out", tmp.resolve("p1").toString());
        assertThat(a.code()).as(a.err()).isZero();
        CliRun e = CliRun.of("export", "mq", tmp.resolve("p1").toString(), "--out", tmp.resolve("src2")
                .toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(tmp.resolve("src2").resolve(top)).exists();
        try (var s = Files.walk(tmp.resolve("src2"))) {
            assertThat(s.filter(p -> p.getFileName().toString().equals(perStudy)).count()).isPositive();
        }
        CliRun b = CliRun.of("import", "mq", tmp.resolve("src2").toString(), "--out", tmp.resolve("p2")
                .toString());
        assertThat(b.code()).as(b.err()).isZero();
        Map<String, String> p1 = files(tmp.resolve("p1"));
        Map<String, String> p2 = files(tmp.resolve("p2"));
        p1.remove("import-log.txt");
        p2.remove("import-log.txt");
        assertThat(p2).isEqualTo(p1);
    }

    @Test
    void theShippedExampleExportsAsLayout2() {
        CliRun e = CliRun.of("export", "mq", EXAMPLE.toString(), "--out", tmp.resolve("pkg").toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("(layout 2): 21 studies, 76 evidence models, 276 findings");
        assertThat(tmp.resolve("pkg/evidence-factory-aggregation-order.txt")).exists();
    }

    @Test
    void theBuiltInHandWrittenExampleExports() {
        CliRun e = CliRun.of("export", "mq", "../examples/quantization", "--out", tmp.resolve("pkg")
                .toString(), "--layout", "1");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("(layout 1): 6 studies, 19 evidence models, 93 findings");
        CliRun i = CliRun.of("import", "mq", tmp.resolve("pkg").toString(), "--out", tmp.resolve("p")
                .toString());
        assertThat(i.code()).as(i.err()).isZero();
    }

    @Test
    void badInputsExit2() throws IOException {
        assertThat(CliRun.of("export").code()).isEqualTo(2);
        CliRun l = CliRun.of("export", "mq", EXAMPLE.toString(), "--out", tmp.resolve("x").toString(),
                "--layout", "3");
        assertThat(l.code()).isEqualTo(2);
        assertThat(l.err()).contains("--layout 3: expected 1 or 2");
        CliRun missing = CliRun.of("export", "mq", tmp.resolve("nothing").toString(), "--out",
                tmp.resolve("x").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such folder");
        Path out = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(out.resolve("a.txt"), "x");
        CliRun full = CliRun.of("export", "mq", EXAMPLE.toString(), "--out", out.toString());
        assertThat(full.code()).isEqualTo(2);
        assertThat(full.err()).contains("exists and is not empty");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
