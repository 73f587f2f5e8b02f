package org.ssmworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.ProjectLoader;

/** What if against a real server on a free loopback port, over a copy of the case. */
class WhatIfApiTest extends CaseServerTest {


    static JsonNode change(JsonNode answer, String effect) {
        for (JsonNode c : answer.get("changes")) {
            if (c.get("effect").asText().equals(effect)) {
                return c;
            }
        }
        throw new AssertionError("no effect " + effect);
    }

    /** The case without S3, computed the way `ssm synthesize` would: S3 taken out of the study list, loaded, run. */
    Selection withoutS3(String effect) throws IOException {
        Path other = CaseCopy.into(tmp.resolve("independent"));
        Path yaml = other.resolve("synthesis.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("studies: [S1, S2, S3, S4, S5, S6]",
                "studies: [S1, S2, S4, S5, S6]"));
        SynthesisResult r = Synthesizer.run(new ProjectLoader(MeasurementReader::summarizeOne).load(other).synthesis());
        return r.effect(effect).orElseThrow().selection().orElseThrow();
    }

    @Test
    void switchingAStudyOffGivesTheBeliefOfTheCaseWithoutIt() throws IOException {
        byte[] before = Files.readAllBytes(dir.resolve("synthesis.yaml"));
        Http.Answer a = http.change("POST", "/api/whatif", "{\"studies_off\": [\"S3\"]}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        JsonNode energy = change(a.json(), "inference_energy_consumption");
        Selection expected = withoutS3("inference_energy_consumption");
        assertThat(energy.get("kind").asText()).isEqualTo("flips");
        assertThat(energy.get("before").get("code").asText()).isEqualTo("WP");
        assertThat(energy.get("after").get("code").asText()).isEqualTo(expected.code()).isEqualTo("SP");
        assertThat(energy.get("after").get("belief").asDouble()).isEqualTo(expected.belief());
        assertThat(energy.get("findingsAfter").asInt()).isEqualTo(9);
        assertThat(change(a.json(), "f1_score").get("kind").asText()).isEqualTo("no-findings");
        assertThat(change(a.json(), "gpu_utilization").get("kind").asText()).isEqualTo("unchanged");
        assertThat(a.json().get("flips").asInt()).isEqualTo(5);
        assertThat(a.json().get("figures").get("forests")).hasSize(11);
        assertThat(a.json().get("figures").get("theory").asText()).startsWith("<svg");
        assertThat(a.header("Server-Timing")).matches("whatif;dur=[0-9.]+, figures;dur=[0-9.]+, app;dur=[0-9.]+");
        // nothing saved
        assertThat(Files.readAllBytes(dir.resolve("synthesis.yaml"))).isEqualTo(before);
    }

    @Test
    void theOptionsListEveryStudyFindingAndPolicy() throws IOException {
        JsonNode o = http.get("/api/whatif").json();
        assertThat(o.get("studies")).hasSize(6);
        assertThat(o.get("studies").get(2).get("evidence")).hasSize(8);
        assertThat(o.get("studies").get(0).get("evidence").get(0).get("findings").get(0).get("key").asText())
                .isEqualTo("S1/e1:accuracy");
        assertThat(o.get("policies").get("cut_points").get("resource").toString()).isEqualTo("[2.0,10.0,20.0,30.0,40.0,50.0]");
        assertThat(o.get("changes")).hasSize(11);
        assertThat(o.get("flips").asInt()).isZero();
    }

    @Test
    void aScenarioNamingWhatTheProjectLacksIsRefusedByField() throws IOException {
        Http.Answer study = http.change("POST", "/api/whatif", "{\"studies_off\": [\"S9\"]}");
        assertThat(study.status()).isEqualTo(422);
        assertThat(study.json().get("error").asText()).isEqualTo("what-if: no study 'S9' in the synthesis");
        Http.Answer finding = http.change("POST", "/api/whatif", "{\"findings_off\": [\"S1-e1-accuracy\"]}");
        assertThat(finding.status()).isEqualTo(400);
        assertThat(finding.json().get("field").asText()).isEqualTo("findings_off[0]");
        Http.Answer rule = http.change("POST", "/api/whatif", "{\"rule\": \"dempsterr\"}");
        assertThat(rule.status()).isEqualTo(422);
        assertThat(rule.json().get("field").asText()).isEqualTo("rule");
        Http.Answer cuts = http.change("POST", "/api/whatif", "{\"cut_points\": {\"resource\": [2, 10, 5, 30, 40, 50]}}");
        assertThat(cuts.status()).isEqualTo(422);
        assertThat(cuts.json().get("field").asText()).isEqualTo("cut_points.resource");
        assertThat(cuts.json().get("error").asText()).contains("c3 = 5.0 must be greater than c2 = 10.0");
        Http.Answer unknown = http.change("POST", "/api/whatif", "{\"study_off\": [\"S3\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("study_off");
    }

    @Test
    void keepThisWritesThePolicyChangeWithTheFilesCommentsKept() throws IOException {
        String before = Files.readString(dir.resolve("synthesis.yaml"));
        String version = http.get("/api/whatif").json().get("version").asText();
        Http.Answer nothing = http.change("POST", "/api/whatif/keep", "{\"studies_off\": [\"S3\"], \"version\": \""
                + version + "\"}");
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(Files.readString(dir.resolve("synthesis.yaml"))).isEqualTo(before);

        Http.Answer a = http.change("POST", "/api/whatif/keep", "{\"studies_off\": [\"S3\"], \"rule\": \"yager\","
                + " \"cut_points\": {\"correctness\": [2.5, 5, 10, 15, 20, 25]}, \"version\": \"" + version + "\"}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().get("not_written").asText()).startsWith("studies and findings switched off are not policies");
        String after = Files.readString(dir.resolve("synthesis.yaml"));
        assertThat(CompareApiTest.comments(after)).isEqualTo(CompareApiTest.comments(before));
        assertThat(after).contains("\n  rule: yager\n").contains("\n    correctness: [2.5, 5, 10, 15, 20, 25]\n")
                .contains("studies: [S1, S2, S3, S4, S5, S6]");
        assertThat(http.get("/api/whatif").json().get("policies").get("rule").asText()).isEqualTo("yager");

        Http.Answer stale = http.change("POST", "/api/whatif/keep", "{\"rule\": \"murphy\", \"version\": \"" + version
                + "\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(Files.readString(dir.resolve("synthesis.yaml"))).isEqualTo(after);
    }
}
