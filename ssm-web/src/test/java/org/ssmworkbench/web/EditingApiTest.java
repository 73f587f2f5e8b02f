package org.ssmworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The editing API against a real server on a free loopback port over a fresh copy of the case: every
 * change checked before it is written, versions compared, errors located, nothing outside the project.
 */
class EditingApiTest extends CaseServerTest {


    private JsonNode study(String id) throws IOException {
        Http.Answer a = http.get("/api/studies/" + id);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        return a.json();
    }

    private double aggregated(String effect) throws IOException {
        for (JsonNode r : http.get("/api/overview").json().get("summary")) {
            if (r.get("effect").asText().equals(effect)) {
                return r.get("belief").asDouble();
            }
        }
        throw new AssertionError(effect);
    }

    /** S1's e2 with its accuracy as a direct input. */
    private ObjectNode e2WithAccuracy(JsonNode s1, String intensity, double mass) {
        ObjectNode m = (ObjectNode) s1.get("study").get("evidence").get(1).deepCopy();
        ObjectNode acc = (ObjectNode) m.get("effects").get("accuracy");
        acc.remove("summary");
        acc.put("intensity", intensity);
        acc.put("mass", mass);
        return m;
    }

    private String body(Object o) throws IOException {
        return Json.MAPPER.writeValueAsString(o);
    }

    @Test
    void editingAFindingChangesTheAggregateAndTheYamlKeepsItsComments() throws IOException {
        double before = aggregated("accuracy");
        JsonNode s1 = study("S1");
        Http.Answer a = http.change("PUT", "/api/studies/S1/evidence/e2", body(Map.of("version",
                s1.get("version").asText(), "model", e2WithAccuracy(s1, "strongly positive", 0.99))));
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().get("written").get(0).asText()).isEqualTo("studies/S1.yaml");
        assertThat(a.json().get("study").get("version").asText()).isNotEqualTo(s1.get("version").asText());
        String yaml = Files.readString(dir.resolve("studies/S1.yaml"));
        assertThat(yaml).contains("# S1: transcribed from the replication package", "# w2a2 vs the fp64 baseline",
                "intensity: strongly positive", "mass: 0.99");
        assertThat(aggregated("accuracy")).isNotEqualTo(before);
        assertThat(dir.resolve(".ssm/history/studies/S1.yaml")).isDirectory();
    }

    @Test
    void aStaleVersionIsAConflictCarryingBothVersions() throws IOException {
        JsonNode s1 = study("S1");
        Path file = dir.resolve("studies/S1.yaml");
        String hand = Files.readString(file).replace("label: \"q0.2\"", "label: \"q0.2 (2 bits)\"");
        Files.writeString(file, hand);
        Http.Answer a = http.change("PUT", "/api/studies/S1/evidence/e2", body(Map.of("version",
                s1.get("version").asText(), "model", e2WithAccuracy(s1, "strongly positive", 0.99))));
        assertThat(a.status()).as(a.text()).isEqualTo(409);
        assertThat(a.json().get("file").asText()).isEqualTo("studies/S1.yaml");
        assertThat(a.json().get("yours").get("version").asText()).isEqualTo(s1.get("version").asText());
        assertThat(a.json().get("theirs").get("version").asText()).isNotEqualTo(s1.get("version").asText());
        assertThat(a.json().get("theirs").get("text").asText()).contains("q0.2 (2 bits)");
        assertThat(a.json().get("yours").get("text").asText()).contains("strongly positive");
        assertThat(Files.readString(file)).isEqualTo(hand);
        // keep mine: the same edit on their version
        String theirs = a.json().get("theirs").get("version").asText();
        Http.Answer b = http.change("PUT", "/api/studies/S1/evidence/e2", body(Map.of("version", theirs,
                "model", e2WithAccuracy(study("S1"), "strongly positive", 0.99))));
        assertThat(b.status()).as(b.text()).isEqualTo(200);
        assertThat(Files.readString(file)).contains("q0.2 (2 bits)", "intensity: strongly positive");
    }

    @Test
    void invalidInputIsLocatedAndNothingIsWritten() throws IOException {
        JsonNode s1 = study("S1");
        String before = Files.readString(dir.resolve("studies/S1.yaml"));
        Http.Answer a = http.change("PUT", "/api/studies/S1/evidence/e2", body(Map.of("version",
                s1.get("version").asText(), "model", e2WithAccuracy(s1, "very positive", 0.99))));
        assertThat(a.status()).as(a.text()).isEqualTo(422);
        assertThat(a.json().get("file").asText()).isEqualTo("studies/S1.yaml");
        assertThat(a.json().get("line").asInt()).isPositive();
        assertThat(a.json().get("field").asText()).isEqualTo("evidence[1].effects.accuracy.intensity");
        assertThat(a.json().get("error").asText()).startsWith("studies/S1.yaml:").contains("very positive");
        assertThat(Files.readString(dir.resolve("studies/S1.yaml"))).isEqualTo(before);
        assertThat(dir.resolve(".ssm")).doesNotExist();
        Http.Answer b = http.change("PUT", "/api/studies/S1/evidence/e2", "{\"version\": ");
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.json().get("error").asText()).contains("not valid JSON");
    }

    @Test
    void createEditAndDeleteAStudyAndUndoTheDelete() throws IOException {
        JsonNode list = http.get("/api/studies").json();
        ObjectNode s7 = (ObjectNode) study("S6").get("study").deepCopy();
        s7.put("id", "S7");
        ((ObjectNode) s7.get("citation")).put("title", "A seventh study <script>alert(1)</script>");
        Http.Answer created = http.change("POST", "/api/studies", body(Map.of("listVersion",
                list.get("listVersion").asText(), "study", s7)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(dir.resolve("studies/S7.yaml")).exists();
        assertThat(Files.readString(dir.resolve("synthesis.yaml"))).contains("S7");
        assertThat(http.get("/api/studies").json().get("studies")).hasSize(7);

        JsonNode got = study("S7");
        ObjectNode edited = (ObjectNode) got.get("study").deepCopy();
        ((ObjectNode) edited.get("citation")).put("year", 2031);
        Http.Answer put = http.change("PUT", "/api/studies/S7", body(Map.of("version", got.get("version").asText(),
                "study", edited)));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(Files.readString(dir.resolve("studies/S7.yaml"))).contains("year: 2031");

        JsonNode now = http.get("/api/studies").json();
        Http.Answer del = http.change("DELETE", "/api/studies/S7?version=" + study("S7").get("version").asText()
                + "&listVersion=" + now.get("listVersion").asText(), null);
        assertThat(del.status()).as(del.text()).isEqualTo(200);
        assertThat(dir.resolve("studies/S7.yaml")).doesNotExist();
        assertThat(http.get("/api/studies").json().get("studies")).hasSize(6);

        assertThat(http.get("/api/history").json().get("next").asText()).isEqualTo("delete study S7");
        Http.Answer undo = http.change("POST", "/api/undo", null);
        assertThat(undo.status()).as(undo.text()).isEqualTo(200);
        assertThat(dir.resolve("studies/S7.yaml")).exists();
        assertThat(http.get("/api/studies").json().get("studies")).hasSize(7);
        assertThat(study("S7").get("study").get("citation").get("year").asInt()).isEqualTo(2031);
    }

    @Test
    void anEvidenceModelIsAddedAndDeleted() throws IOException {
        JsonNode s1 = study("S1");
        ObjectNode e6 = Json.MAPPER.createObjectNode();
        e6.put("id", "e6");
        e6.put("label", "q0.64 <i>new</i>");
        ObjectNode acc = e6.putObject("effects").putObject("accuracy");
        acc.put("intensity", "weakly positive");
        acc.put("mass", 0.3);
        Http.Answer a = http.change("POST", "/api/studies/S1/evidence", body(Map.of("version",
                s1.get("version").asText(), "model", e6)));
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        JsonNode models = a.json().get("study").get("models");
        assertThat(models).hasSize(6);
        assertThat(models.get(5).get("findings").get(0).get("intensity").asText()).isEqualTo("weakly positive");
        assertThat(models.get(5).get("figure").asText()).contains("q0.64 &lt;i&gt;new&lt;/i&gt;");
        String yaml = Files.readString(dir.resolve("studies/S1.yaml"));
        assertThat(yaml).contains("- id: e6", "# S1: transcribed from the replication package");

        Http.Answer again = http.change("POST", "/api/studies/S1/evidence", body(Map.of("version",
                a.json().get("study").get("version").asText(), "model", e6)));
        assertThat(again.status()).isEqualTo(409);

        Http.Answer d = http.change("DELETE", "/api/studies/S1/evidence/e6?version="
                + a.json().get("study").get("version").asText(), null);
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        assertThat(d.json().get("study").get("models")).hasSize(5);
        assertThat(Files.readString(dir.resolve("studies/S1.yaml"))).doesNotContain("e6");
        assertThat(http.change("DELETE", "/api/studies/S1/evidence/e6?version=x", null).status()).isEqualTo(404);
    }

    @Test
    void theChecklistPreviewRecomputesTheStudyBeliefWithoutSaving() throws IOException {
        JsonNode s2 = study("S2");
        String before = Files.readString(dir.resolve("studies/S2.yaml"));
        List<String> items = new ArrayList<>();
        s2.get("checklist").forEach(q -> q.get("items").forEach(i -> items.add(i.get("id").asText())));
        Map<String, String> allYes = new java.util.LinkedHashMap<>();
        items.forEach(i -> allYes.put(i, "yes"));
        Http.Answer p = http.change("POST", "/api/studies/S2/quality/preview", body(Map.of("answers", allYes)));
        assertThat(p.status()).as(p.text()).isEqualTo(200);
        assertThat(p.json().get("quality").asDouble()).isEqualTo(1.0);
        assertThat(p.json().get("computed").asDouble()).isGreaterThan(s2.get("result").get("computed").asDouble());
        assertThat(Files.readString(dir.resolve("studies/S2.yaml"))).isEqualTo(before);
        Map<String, String> bad = new java.util.LinkedHashMap<>(allYes);
        bad.put(items.get(0), "maybe");
        Http.Answer q = http.change("POST", "/api/studies/S2/quality/preview", body(Map.of("answers", bad)));
        assertThat(q.status()).isEqualTo(422);
        assertThat(q.json().get("field").asText()).isEqualTo("quality." + items.get(0));
    }

    @Test
    void pathsNeverLeaveTheProject() throws IOException {
        for (String p : List.of("/api/studies/..%2F..%2Fsynthesis", "/api/studies/..", "/api/studies/%2e%2e",
                "/api/studies/S1%2F..%2F..%2Fsynthesis")) {
            assertThat(http.get(p).status()).as(p).isIn(400, 404);
        }
        Path outside = tmp.resolve("outside.yaml");
        Files.writeString(outside, "id: S9\n");
        Files.createSymbolicLink(dir.resolve("studies/S9.yaml"), outside);
        ObjectNode s9 = (ObjectNode) study("S6").get("study").deepCopy();
        s9.put("id", "S9");
        Http.Answer a = http.change("POST", "/api/studies", body(Map.of("listVersion",
                http.get("/api/studies").json().get("listVersion").asText(), "study", s9)));
        assertThat(a.status()).as(a.text()).isEqualTo(409);
        assertThat(Files.readString(outside)).isEqualTo("id: S9\n");
        Http.Answer bad = http.change("POST", "/api/studies", body(Map.of("listVersion", "x", "study",
                Map.of("id", "../S1"))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("field").asText()).isEqualTo("id");
    }

    @Test
    void aStudyLinkedOutsideTheProjectIsALocatedError() throws IOException {
        Path outside = tmp.resolve("S6-elsewhere.yaml");
        Files.move(dir.resolve("studies/S6.yaml"), outside);
        Files.createSymbolicLink(dir.resolve("studies/S6.yaml"), outside);
        Http.Answer a = http.get("/api/overview");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.json().get("file").asText()).isEqualTo("studies/S6.yaml");
        assertThat(a.json().get("error").asText()).contains("outside the project folder");
    }

    @Test
    void theReportAndResultsDownload() throws IOException {
        Http.Answer r = http.get("/api/download/results.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("effects")).isNotNull();
        Http.Answer z = http.get("/api/download/report.zip");
        assertThat(z.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(z.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("report/results.json", "report/report.html", "report/findings.csv",
                "report/figures/overview.svg");
    }

    @Test
    void numbersTheBrowserSendsAsIntegersKeepTheFilesSpelling() throws IOException {
        JsonNode s1 = study("S1");
        // as a browser's JSON.stringify writes them: 0 for the file's 0.0
        String model = body(e2WithAccuracy(s1, "weakly negative", 0.5)).replace("\"iqr\":0.0", "\"iqr\":0");
        assertThat(model).contains("\"iqr\":0}");
        Http.Answer a = http.change("PUT", "/api/studies/S1/evidence/e2", "{\"version\":\"" + s1.get("version").asText()
                + "\",\"model\":" + model + "}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(Files.readString(dir.resolve("studies/S1.yaml")))
                .contains("summary: {mean: 94.734, iqr: 0.0}", "summary: {mean: 96.875, iqr: 0.0}");
    }

    @Test
    void undoIsRefusedWhenTheFileChangedSinceTheSave() throws IOException {
        JsonNode s1 = study("S1");
        assertThat(http.change("POST", "/api/undo", null).status()).isEqualTo(409);
        assertThat(http.change("PUT", "/api/studies/S1/evidence/e2", body(Map.of("version", s1.get("version").asText(),
                "model", e2WithAccuracy(s1, "strongly positive", 0.99)))).status()).isEqualTo(200);
        Path file = dir.resolve("studies/S1.yaml");
        String hand = Files.readString(file) + "# a note added by hand\n";
        Files.writeString(file, hand);
        Http.Answer a = http.change("POST", "/api/undo", null);
        assertThat(a.status()).as(a.text()).isEqualTo(409);
        assertThat(a.json().get("error").asText()).contains("changed since 'edit evidence model S1/e2'");
        assertThat(Files.readString(file)).isEqualTo(hand);
    }

    @Test
    void aHandEditShowsUpOnTheNextRequest() throws IOException {
        Path syn = dir.resolve("synthesis.yaml");
        Files.writeString(syn, Files.readString(syn).replace("title: \"Model quantization:",
                "title: \"Edited by hand. Model quantization:"));
        assertThat(http.get("/api/overview").json().get("title").asText()).startsWith("Edited by hand.");
    }
}
