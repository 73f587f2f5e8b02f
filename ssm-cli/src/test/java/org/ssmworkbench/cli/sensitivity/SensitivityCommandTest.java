package org.ssmworkbench.cli.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.cli.CliRun;

class SensitivityCommandTest {


    @TempDir
    Path tmp;

    private Path copyCase() throws IOException {
        return CliRun.copyCase(tmp.resolve("case"));
    }

    @Test
    void writesSensitivityFilesBesideResultsAndPrintsWhatFlips() throws IOException {
        Path dir = copyCase();
        Path out = tmp.resolve("out");
        assertThat(CliRun.of("synthesize", dir.toString(), "--out", out.toString(), "-q").code()).isZero();
        Files.writeString(out.resolve("report.html"), "<html>an earlier report</html>");
        CliRun r = CliRun.of("sensitivity", dir.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("What flips").contains("accuracy").contains("without S3 → {WN,IF}")
                .contains("957 variants over 11 effects");
        assertThat(out.resolve("results.json")).exists();
        assertThat(out.resolve("report.html")).as("other commands' outputs are kept").hasContent(
                "<html>an earlier report</html>");
        JsonNode j = new ObjectMapper().readTree(out.resolve("sensitivity.json").toFile());
        JsonNode acc = j.get("effects").get(0);
        assertThat(acc.get("effect").asText()).isEqualTo("accuracy");
        assertThat(acc.get("base").get("hypothesis").get(0).asText()).isEqualTo("WN");
        assertThat(acc.get("variants")).hasSize(87);
        JsonNode first = acc.get("variants").get(0);
        assertThat(first.get("analysis").asText()).isEqualTo("leave-one-study-out");
        assertThat(first.get("variant").asText()).isEqualTo("without S1");
        assertThat(first.has("belief") && first.has("plausibility") && first.has("last_conflict") && first.has("steps")
                && first.has("flips")).isTrue();
        assertThat(first.has("conflicts")).as("the per-step list only with --conflicts full").isFalse();
        assertThat(j.get("conflicts").asText()).isEqualTo("summary");
        assertThat(acc.get("order_dependence")).hasSize(4);
        assertThat(acc.get("order_dependence").get(0).get("rule").asText()).isEqualTo("dempster");
        assertThat(acc.get("cumulative")).hasSize(5);
        assertThat(j.get("cumulative_order").get("basis").asText()).startsWith("publication year");
        List<String> csv = Files.readAllLines(out.resolve("sensitivity.csv"));
        assertThat(csv.get(0)).isEqualTo("effect,analysis,variant,status,hypothesis,belief,plausibility,steps,"
                + "last_conflict,mean_conflict,empty_mass,findings,studies,flips,note");
        assertThat(csv).hasSize(1 + 957);
        byte[] once = Files.readAllBytes(out.resolve("sensitivity.json"));
        assertThat(CliRun.of("sensitivity", dir.toString(), "--out", out.toString()).code()).isZero();
        assertThat(Files.readAllBytes(out.resolve("sensitivity.json"))).as("deterministic").isEqualTo(once);
    }

    @Test
    void reportOptionWritesTheReportWithASensitivitySection() throws IOException {
        Path dir = copyCase();
        Path out = tmp.resolve("rep");
        CliRun r = CliRun.of("sensitivity", dir.toString(), "--out", out.toString(), "--report");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("report.html and its exports");
        assertThat(out.resolve("sensitivity.json")).exists();
        assertThat(out.resolve("results.json")).exists();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<section id=\"sensitivity\">").contains("<a href=\"#sensitivity\">Sensitivity</a>")
                .contains("id=\"fig-sensitivity-accuracy\"").contains("subgroup method&#61;PTQ");
        assertThat(out.resolve("figures/sensitivity-accuracy.svg")).exists();
        assertThat(Files.readString(out.resolve("figures/sensitivity-accuracy.svg"))).contains("without S3");
        assertThat(out.resolve("figures/overview.svg")).exists();
    }

    @Test
    void cutFactorsFromTheCommandLineReplaceTheProjects() throws IOException {
        Path dir = copyCase();
        CliRun r = CliRun.of("sensitivity", dir.toString(), "--out", tmp.resolve("o").toString(), "--cut-factors", "0.5,2");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("o/sensitivity.json").toFile());
        assertThat(j.get("cut_factors").toString()).isEqualTo("[0.5,2.0]");
        CliRun bad = CliRun.of("sensitivity", dir.toString(), "--out", tmp.resolve("p").toString(), "--cut-factors", "1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--cut-factors").contains("other than 1");
        assertThat(tmp.resolve("p")).doesNotExist();
    }

    @Test
    void fullConflictsGiveEveryStepAndABadModeIsBadInput() throws IOException {
        Path dir = copyCase();
        CliRun r = CliRun.of("sensitivity", dir.toString(), "--out", tmp.resolve("f").toString(), "--conflicts", "full");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("f/sensitivity.json").toFile());
        JsonNode first = j.get("effects").get(0).get("variants").get(0);
        assertThat(first.get("conflicts").size()).isEqualTo(first.get("steps").asInt());
        assertThat(first.has("mean_conflict")).isTrue();
        CliRun bad = CliRun.of("sensitivity", dir.toString(), "--out", tmp.resolve("g").toString(), "--conflicts", "all");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--conflicts").contains("neither summary nor full");
        assertThat(tmp.resolve("g")).doesNotExist();
    }

    @Test
    void badSubgroupConditionNamesFileLineAndField() throws IOException {
        Path dir = copyCase();
        Path syn = dir.resolve("synthesis.yaml");
        Files.writeString(syn, Files.readString(syn).replace("\"bits<=4\": \"<= 4\"", "\"bits<=4\": \"<= four\""));
        CliRun r = CliRun.of("sensitivity", dir.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("synthesis.yaml:").contains("sensitivity.subgroups[0].groups.bits<=4")
                .contains("needs a number");
    }
}
