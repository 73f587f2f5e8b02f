package org.ssmworkbench.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.cli.CliRun;

/** `ssm report` on the built-in case: every output in one folder, all or nothing, exit codes. */
class ReportCommandTest {


    @TempDir
    Path tmp;

    /** A copy of the case (without its out/ folder). */
    Path project;

    @BeforeEach
    void copyCase() throws IOException {
        project = CliRun.copyCase(tmp.resolve("case"));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        }
    }

    @Test
    void writesTheResultsTheReportAndItsExportsIntoDirOut() throws IOException {
        CliRun r = CliRun.of("report", project.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path out = project.resolve("out");
        List<String> files = listing(out);
        assertThat(files).contains("report.html", "results.json", "results.csv", "findings.csv", "summary.tex",
                "evidence.tex", "figures/overview.svg", "figures/theory.svg", "figures/forest-accuracy.svg",
                "figures/evidence-S6-e2.svg");
        assertThat(files.stream().filter(f -> f.startsWith("figures/"))).hasSize(32);
        assertThat(files).hasSize(6 + 32);
        assertThat(r.out()).contains("report.html").contains("32 figures");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Model quantization weakly negatively affects accuracy (belief 0.89, 17 findings"
                + " from 5 studies).");
        // the report's results are the results written beside it
        String sha = html.replaceAll("(?s).*SHA-256 ([0-9a-f]{64}).*", "$1");
        assertThat(sha).isEqualTo(sha256(Files.readAllBytes(out.resolve("results.json"))));
    }

    @Test
    void replacesItsOwnOutputAndGivesTheSameBytes() throws IOException {
        // with its own date (decision 12) a project's report is the same bytes at any time
        Path syn = project.resolve("synthesis.yaml");
        Files.writeString(syn, Files.readString(syn).replace("intervention: model quantization\n",
                "intervention: model quantization\ndate: 2025-07-01\n"));
        Path out = tmp.resolve("r");
        assertThat(CliRun.of("report", project.toString(), "--out", out.toString()).code()).isZero();
        byte[] first = Files.readAllBytes(out.resolve("report.html"));
        CliRun again = CliRun.of("report", project.toString(), "--out", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("report.html"))).isEqualTo(first);
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).contains("2025-07-01");
    }

    @Test
    void refusesAFolderHoldingSomeoneElsesFiles() throws IOException {
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "keep me");
        CliRun r = CliRun.of("report", project.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("notes.txt").contains("did not write");
        assertThat(listing(out)).containsExactly("notes.txt");
    }

    @Test
    void badProjectIsBadInputAndWritesNothing() throws IOException {
        Files.writeString(project.resolve("synthesis.yaml"), "format: 1\nid: x\n");
        Path out = tmp.resolve("o");
        CliRun r = CliRun.of("report", project.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("ssm report: ").contains("synthesis.yaml");
        assertThat(out).doesNotExist();
    }

    /**
     * The case cloned 11 times ("S1-1", …; 66 studies, 209 evidence models): more than a page draws, so the
     * diagrams go into pages of their own (decision 0054), and into files of their own only when asked.
     */
    @Test
    void aReportOfMoreThan200EvidenceModelsDrawsThemInPagesAndWritesTheirFilesOnRequest() throws IOException {
        List<String> ids = new java.util.ArrayList<>();
        for (int k = 1; k <= 11; k++) {
            for (int s = 1; s <= 6; s++) {
                String id = "S" + s + "-" + k;
                ids.add(id);
                Files.writeString(project.resolve("studies/" + id + ".yaml"), Files.readString(
                        project.resolve("studies/S" + s + ".yaml")).replaceFirst("(?m)^id: S" + s + "$", "id: " + id));
            }
        }
        Path syn = project.resolve("synthesis.yaml");
        String yaml = Files.readString(syn);
        Files.writeString(syn, yaml.substring(0, yaml.indexOf("\npublished:") + 1).replace(
                "studies: [S1, S2, S3, S4, S5, S6]", "studies: [" + String.join(", ", ids) + "]"));
        Path out = tmp.resolve("big");
        CliRun r = CliRun.of("report", project.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> files = listing(out);
        assertThat(files).contains("figures/evidence-models-1.html", "figures/evidence-models-2.html")
                .doesNotContain("figures/evidence-models-3.html")
                .noneMatch(f -> f.startsWith("figures/evidence-S") && f.endsWith(".svg"));
        assertThat(r.out()).contains("; the evidence-model diagrams in 2 pages of their own"
                + " (figures/evidence-models-*.html; --evidence-files also writes each as a figure file)");
        assertThat(Files.readString(out.resolve("figures/evidence-models-2.html"))).contains("id=\"diagrams-S6-11\" open>");

        Path all = tmp.resolve("all");
        CliRun f = CliRun.of("report", project.toString(), "--out", all.toString(), "--evidence-files");
        assertThat(f.code()).as(f.err()).isZero();
        assertThat(listing(all).stream().filter(x -> x.startsWith("figures/evidence-S") && x.endsWith(".svg")))
                .hasSize(209).contains("figures/evidence-S6-11-e2.svg");
        assertThat(f.out()).contains("; the evidence-model diagrams in 2 pages of their own"
                + " (figures/evidence-models-*.html)");
        // an option of the report only
        CliRun s = CliRun.of("synthesize", project.toString(), "--out", tmp.resolve("s").toString(), "--evidence-files");
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains("--evidence-files only apply with --report");
    }

    @Test
    void isListedInHelp() {
        CliRun r = CliRun.of("--help");
        assertThat(r.out()).contains("report");
        CliRun h = CliRun.of("report", "--help");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("--out").contains("SOURCE_DATE_EPOCH");
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
