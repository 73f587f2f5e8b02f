package org.ssmworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comparing and combining against a real server on a free loopback port, over a copy of the case. */
class CompareApiTest extends CaseServerTest {


    static JsonNode row(JsonNode c, String slot) {
        for (JsonNode r : c.get("rows")) {
            if (r.get("slot").asText().equals(slot)) {
                return r;
            }
        }
        throw new AssertionError("no row " + slot);
    }

    /** The comment text of every line that has one, in order. */
    static List<String> comments(String text) {
        return text.lines().filter(l -> l.strip().startsWith("#") || l.contains(" # "))
                .map(l -> l.strip().startsWith("#") ? l.strip() : l.substring(l.indexOf(" # ") + 1)).toList();
    }

    String decision(String json, String version) {
        return json.substring(0, json.length() - 1) + ", \"version\": \"" + version + "\"}";
    }

    @Test
    void twoModelsSideBySideWithEachConceptsState() throws IOException {
        Http.Answer a = http.get("/api/compare?left=S1/e1&right=S6/e1");
        assertThat(a.status()).isEqualTo(200);
        JsonNode c = a.json();
        assertThat(c.get("left").get("title").asText()).isEqualTo("S1/e1 q0.16");
        assertThat(c.get("counts").get("matched").asInt()).isEqualTo(13);
        assertThat(c.get("counts").get("differs").asInt()).isEqualTo(6);
        assertThat(c.get("counts").get("undecided").asInt()).isZero();
        JsonNode acc = row(c, "accuracy");
        assertThat(acc.get("state").asText()).isEqualTo("matched");
        assertThat(acc.get("left").get("code").asText()).isEqualTo("IF");
        assertThat(acc.get("left").get("weight").asDouble()).isEqualTo(0.373);
        assertThat(acc.get("right").get("weight").asDouble()).isEqualTo(0.031);
        JsonNode lat = row(c, "inference_latency");
        assertThat(lat.get("state").asText()).isEqualTo("differs");
        assertThat(lat.get("basis").asText()).isEqualTo("declared-effect");
        assertThat(lat.get("left").isNull()).isTrue();
        assertThat(lat.get("resolvable").asBoolean()).isTrue();
        assertThat(row(c, "gpu_utilization").get("decision").asInt()).isEqualTo(3);
        assertThat(row(c, "gpu_utilization").get("resolvable").asBoolean()).isFalse();
        assertThat(c.get("decisions")).hasSize(4);
        assertThat(c.get("decisions").get(0).get("findings")).hasSize(17);
        assertThat(http.get("/api/compare/models").json().get("models")).hasSize(20);
    }

    @Test
    void resolvingADifferenceAddsTheDecisionToSynthesisYamlWithItsCommentsIntact() throws IOException {
        String before = Files.readString(dir.resolve("synthesis.yaml"));
        String version = http.get("/api/compare?left=S1/e1&right=S6/e1").json().get("version").asText();
        Http.Answer a = http.change("POST", "/api/compare/decisions", decision("{\"decision\": \"keep\", \"concepts\":"
                + " [\"inference_latency\"], \"reason\": \"S6 times whole generations: the same concept as S3's latency\"}",
                version));
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().get("index").asInt()).isEqualTo(4);
        assertThat(a.json().get("written").get(0).asText()).isEqualTo("synthesis.yaml");
        assertThat(a.json().get("version").asText()).isNotEqualTo(version);

        String after = Files.readString(dir.resolve("synthesis.yaml"));
        assertThat(comments(after)).isEqualTo(comments(before));
        // laid out like the decisions before it (a folded reason)
        assertThat(after).contains("  - keep: [inference_latency]\n    reason: >-\n      S6 times whole generations: the"
                + " same concept as S3's latency\n\npolicies:");
        JsonNode c = http.get("/api/compare?left=S1/e1&right=S6/e1").json();
        JsonNode lat = row(c, "inference_latency");
        assertThat(lat.get("basis").asText()).isEqualTo("decision");
        assertThat(lat.get("decision").asInt()).isEqualTo(4);
        JsonNode d = c.get("decisions").get(4);
        assertThat(d.get("findings")).hasSize(13);
        assertThat(d.get("studies").asInt()).isEqualTo(4);
    }

    @Test
    void aPreviewShowsTheFindingsAProposalBringsTogetherAndWritesNothing() throws IOException {
        String before = Files.readString(dir.resolve("synthesis.yaml"));
        Http.Answer a = http.change("POST", "/api/compare/preview",
                "{\"decision\": \"keep\", \"concepts\": [\"inference_latency\"], \"reason\": \"own effect\"}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().get("index").isNull()).isTrue();
        assertThat(a.json().get("findings")).hasSize(13);
        assertThat(a.json().get("findings").get(0).get("study").asText()).isEqualTo("S3");
        assertThat(Files.readString(dir.resolve("synthesis.yaml"))).isEqualTo(before);
    }

    @Test
    void anInvalidDecisionIsRefusedWithItsFieldAndNothingIsWritten() throws IOException {
        byte[] before = Files.readAllBytes(dir.resolve("synthesis.yaml"));
        String version = http.get("/api/compare/models").json().get("version").asText();

        Http.Answer noReason = http.change("POST", "/api/compare/decisions", decision(
                "{\"decision\": \"keep\", \"concepts\": [\"inference_latency\"], \"reason\": \"  \"}", version));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("field").asText()).isEqualTo("reason");

        Http.Answer joinContext = http.change("POST", "/api/compare/decisions", decision(
                "{\"decision\": \"join\", \"concepts\": [\"hardware\"], \"into\": \"accuracy\", \"reason\": \"no\"}",
                version));
        assertThat(joinContext.status()).isEqualTo(422);
        assertThat(joinContext.json().get("field").asText()).isEqualTo("concepts");
        assertThat(joinContext.json().get("error").asText()).contains("can be kept or dropped, not joined");

        Http.Answer dropEffect = http.change("POST", "/api/compare/decisions", decision(
                "{\"decision\": \"drop\", \"concepts\": [\"storage_size\"], \"reason\": \"no\"}", version));
        assertThat(dropEffect.status()).isEqualTo(422);
        assertThat(dropEffect.json().get("error").asText())
                .isEqualTo("'storage_size' is a declared effect and cannot be dropped");

        Http.Answer unknown = http.change("POST", "/api/compare/decisions", decision(
                "{\"decision\": \"keep\", \"concepts\": [\"hardware\"], \"reason\": \"x\", \"reasons\": \"y\"}", version));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("reasons");

        Http.Answer stale = http.change("POST", "/api/compare/decisions", decision(
                "{\"decision\": \"keep\", \"concepts\": [\"hardware\"], \"reason\": \"x\"}", "0".repeat(64)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("theirs").get("version").asText()).isEqualTo(version);

        Http.Answer foreign = http.send("POST", "/api/compare/decisions", java.util.Map.of("Host", http.host(),
                "Origin", "http://attacker.example", "Content-Type", "application/json"),
                decision("{\"decision\": \"keep\", \"concepts\": [\"hardware\"], \"reason\": \"x\"}", version)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(foreign.status()).isEqualTo(403);

        assertThat(Files.readAllBytes(dir.resolve("synthesis.yaml"))).isEqualTo(before);
        assertThat(dir.resolve(".ssm")).doesNotExist();
    }

    @Test
    void anUnknownSideIsNamed() throws IOException {
        Http.Answer a = http.get("/api/compare?left=S1/e9&right=aggregate");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("error").asText()).isEqualTo("study S1 has no evidence model 'e9'");
        assertThat(a.json().get("field").asText()).isEqualTo("left");
        assertThat(http.get("/api/compare?left=S1&right=aggregate").status()).isEqualTo(400);
    }
}
