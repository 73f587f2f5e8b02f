package org.ssmworkbench.cli.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.cli.CliRun;

/**
 * `ssm import mq` end to end: both shipped packages import (exit 0, the counts printed), the shipped
 * example is exactly what the command makes, synthesize / sensitivity / report run on it, and every
 * malformed input exits 2 naming file and record, with nothing written.
 */
class ImportCommandTest {

    static final Path SMALL = Path.of("..", "examples", "replication-packages", "case-quantization");
    static final Path EXTENDED = Path.of("..", "examples", "replication-packages", "case-quantization-extended");
    static final Path EXAMPLE = Path.of("..", "examples", "quantization-extended");
    static final String TITLE = "Model quantization, journal extension: aggregating empirical evidence from 21"
            + " primary studies";

    @TempDir
    Path tmp;

    static Path pkg(Path p) {
        if (!Files.isDirectory(p)) {
            fail("case package missing: expected " + p.toAbsolutePath().normalize());
        }
        return p;
    }

    @Test
    void importsTheExtendedCaseAndPrintsTheCounts() {
        CliRun r = CliRun.of("import", "mq", pkg(EXTENDED).toString(), "--out", tmp.resolve("p").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(layout 2)").contains("studies:         21")
                .contains("evidence models: 76").contains("findings:        276 on 22 effects")
                .contains("records skipped: 4 (no intensity or no mass; listed in");
        assertThat(tmp.resolve("p/synthesis.yaml")).exists();
        assertThat(tmp.resolve("p/studies/S21.yaml")).exists();
        assertThat(tmp.resolve("p/import-log.txt")).exists();
    }

    @Test
    void importsTheSmallCaseAndItSynthesizesLikeTheBuiltInExample() {
        CliRun r = CliRun.of("import", "mq", pkg(SMALL).toString(), "--out", tmp.resolve("p").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(layout 1)").contains("studies:         6").contains("evidence models: 19")
                .contains("findings:        93 on 11 effects").contains("records skipped: 0");
        CliRun s = CliRun.of("synthesize", tmp.resolve("p").toString());
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).containsPattern("accuracy +17 +5 +\\{WN\\} +0\\.886")
                .containsPattern("inference_energy_consumption +17 +5 +\\{WP\\} +0\\.675");
    }

    /** examples/quantization-extended is what the command makes from the shipped package (plus NOTICE, README). */
    @Test
    void theShippedExampleIsTheImportOfTheShippedPackage() throws IOException {
        CliRun r = CliRun.of("import", "mq", pkg(EXTENDED).toString(), "--out", tmp.resolve("p").toString(), "--id",
                "quantization-extended", "--title", TITLE);
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, String> made = files(tmp.resolve("p"));
        Map<String, String> shipped = files(EXAMPLE);
        assertThat(shipped).containsKeys("NOTICE", "README.md");
        shipped.remove("NOTICE");
        shipped.remove("README.md");
        assertThat(shipped.keySet()).containsExactlyElementsOf(made.keySet());
        for (String f : made.keySet()) {
            if (f.equals("import-log.txt")) {
                // the source folder is named as given (relative to where it ran): compare from the summary on
                assertThat(shipped.get(f).substring(shipped.get(f).indexOf("summary:")))
                        .isEqualTo(made.get(f).substring(made.get(f).indexOf("summary:")));
            } else {
                assertThat(shipped.get(f)).as(f + " (regenerate with the command in"
                        + " examples/quantization-extended/README.md)").isEqualTo(made.get(f));
            }
        }
    }

    @Test
    void synthesizeSensitivityAndReportRunOnTheShippedExample() {
        Path out = tmp.resolve("out");
        CliRun s = CliRun.of("synthesize", EXAMPLE.toString(), "--out", out.toString());
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).contains("21 studies, 276 findings")
                .containsPattern("storage_size +62 +17 +\\{SP\\} +1\\.000");
        CliRun t = CliRun.of("sensitivity", EXAMPLE.toString(), "--out", out.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(out.resolve("sensitivity.json")).exists();
        if (CliRun.of("report", "--help").code() == 0) {
            CliRun rep = CliRun.of("report", EXAMPLE.toString(), "--out", out.toString());
            assertThat(rep.code()).as(rep.err()).isZero();
        }
    }

    @Test
    void aMalformedRecordExits2NamingFileAndRecordAndWritesNothing() throws IOException {
        Path src = copy(pkg(EXTENDED), tmp.resolve("src"));
        Path f = src.resolve("ajiCompressingNeuralMachine2020/effects_by_precision.json");
        Files.writeString(f, Files.readString(f).replaceFirst("\"belief\": 0.327", "\"belief\": 1.5"));
        CliRun r = CliRun.of("import", "mq", src.toString(), "--out", tmp.resolve("p").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ajiCompressingNeuralMachine2020").contains("effects_by_precision.json:13:")
                .contains("[0].bleu.belief").contains("record 0 (ptq-retrain w-log1)")
                .contains("mass 1.5 is outside [0, 1]");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(tmp.resolve("p")).doesNotExist();
    }

    @Test
    void anUnknownLayoutExits2() throws IOException {
        Files.createDirectories(tmp.resolve("src/a"));
        CliRun r = CliRun.of("import", "mq", tmp.resolve("src").toString(), "--out", tmp.resolve("p").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not a replication-package layout this importer knows");
    }

    @Test
    void anUnknownMetricExits2UnlessItsFamilyIsGiven() throws IOException {
        Path src = copy(pkg(SMALL), tmp.resolve("src"));
        Path f = src.resolve("geensEnergyCostModelling2024/effects.json");
        Files.writeString(f, Files.readString(f).replace("\"inference_latency\"", "\"token_latency\""));
        CliRun r = CliRun.of("import", "mq", src.toString(), "--out", tmp.resolve("p").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown metric 'token_latency'").contains("--family token_latency=");
        CliRun bad = CliRun.of("import", "mq", src.toString(), "--out", tmp.resolve("p").toString(), "--family",
                "token_latency=speed");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("expected correctness or resource");
        CliRun ok = CliRun.of("import", "mq", src.toString(), "--out", tmp.resolve("p").toString(), "--family",
                "token_latency=resource", "--better", "token_latency=lower");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(Files.readString(tmp.resolve("p/synthesis.yaml"))).contains("  - id: token_latency\n"
                + "    label: token_latency\n    family: resource\n    better: lower\n");
    }

    @Test
    void refusesANonEmptyOutputFolder() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("p"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliRun r = CliRun.of("import", "mq", pkg(SMALL).toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("exists and is not empty");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    @Test
    void usageErrorsExit2() {
        assertThat(CliRun.of("import").code()).isEqualTo(2);
        assertThat(CliRun.of("import", "mq", pkg(SMALL).toString()).code()).isEqualTo(2); // no --out
        assertThat(CliRun.of("import", "xyz", "a", "--out", "b").code()).isEqualTo(2);
        CliRun help = CliRun.of("import", "mq", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--family").contains("--better").contains("--out");
    }

    static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith("out/")) {
                    out.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
