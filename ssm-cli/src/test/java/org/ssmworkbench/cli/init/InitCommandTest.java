package org.ssmworkbench.cli.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.cli.CliRun;

/** `ssm init`: the scaffold is complete, runs as it is, and never overwrites anything. */
class InitCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES = List.of("synthesis.yaml", "checklist.yaml", "studies/S1.yaml",
            "studies/S2.yaml", "data/S1-runs.csv");

    @TempDir
    Path tmp;

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString();
                files.put(rel, Files.isDirectory(p) ? "<dir>" : Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsTheFiveFilesAsShipped() throws Exception {
        Path dir = tmp.resolve("new");
        CliRun r = CliRun.of("init", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        for (String f : FILES) {
            Path p = dir.resolve(f);
            assertThat(p).isRegularFile();
            try (InputStream in = InitCommand.class.getResourceAsStream("/org/ssmworkbench/cli/init/" + f)) {
                assertThat(in).as(f).isNotNull();
                assertThat(Files.readAllBytes(p)).as(f).isEqualTo(in.readAllBytes());
            }
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.filter(Files::isRegularFile).count()).isEqualTo(FILES.size());
        }
        assertThat(r.out()).contains("created").contains("ssm synthesize");
        assertThat(names(tmp)).containsExactly("new");
    }

    @Test
    void theScaffoldRunsAsItIs() throws Exception {
        Path dir = tmp.resolve("new");
        assertThat(CliRun.of("init", dir.toString()).code()).isZero();
        CliRun r = CliRun.of("synthesize", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).as("no warnings").isEmpty();
        JsonNode j = JSON.readTree(dir.resolve("out/results.json").toFile());
        // neutral: no model-quantization vocabulary
        assertThat(Files.readString(dir.resolve("synthesis.yaml"))).doesNotContainIgnoringCase("quantiz");

        JsonNode quality = null;
        for (JsonNode e : j.get("effects")) {
            if (e.get("effect").asText().equals("quality")) {
                quality = e;
            }
        }
        assertThat(quality).isNotNull();
        assertThat(quality.get("findings").asInt()).isEqualTo(2);
        assertThat(quality.get("studies").asInt()).isEqualTo(2);
        List<String> evidence = new ArrayList<>();
        quality.get("evidence").forEach(n -> evidence.add(n.asText()));
        assertThat(evidence).containsExactly("S1/e1", "S2/e1");

        // the join decision is recorded, and the finding keeps the study's own concept
        JsonNode concepts = j.get("concepts");
        assertThat(concepts).hasSize(1);
        assertThat(concepts.get(0).get("decision").asText()).isEqualTo("join");
        assertThat(concepts.get(0).get("concepts").get(0).asText()).isEqualTo("tests_passed");
        assertThat(concepts.get(0).get("into").asText()).isEqualTo("quality");

        JsonNode raw = null;
        JsonNode direct = null;
        JsonNode summary = null;
        for (JsonNode f : j.get("findings")) {
            String key = f.get("study").asText() + "/" + f.get("evidence").asText() + "/" + f.get("effect").asText();
            switch (key) {
                case "S1/e1/quality" -> raw = f;
                case "S2/e1/quality" -> direct = f;
                case "S1/e1/duration" -> summary = f;
                default -> throw new AssertionError("unexpected finding " + key);
            }
        }
        // raw runs: RI = (treated - baseline) / baseline * 100, quality is higher-is-better
        assertThat(raw.get("source").asText()).isEqualTo("data/S1-runs.csv");
        assertThat(raw.get("n").asInt()).isEqualTo(6);
        double[][] runs = {{0.71, 0.78}, {0.64, 0.70}, {0.80, 0.83}, {0.58, 0.66}, {0.75, 0.79}, {0.69, 0.75}};
        double mean = 0;
        for (double[] run : runs) {
            mean += (run[1] - run[0]) / run[0] * 100.0 / runs.length;
        }
        assertThat(raw.get("mean").asDouble()).isCloseTo(mean, within(1e-9));
        assertThat(direct.get("concept").asText()).isEqualTo("tests_passed");
        assertThat(direct.get("mass").asDouble()).isEqualTo(0.35);
        assertThat(summary.get("mean").asDouble()).isEqualTo(18.5);

        List<String> inputs = new ArrayList<>();
        j.get("provenance").get("inputs").forEach(n -> inputs.add(n.get("path").asText()));
        assertThat(inputs).containsExactlyInAnyOrder("synthesis.yaml", "checklist.yaml", "studies/S1.yaml",
                "studies/S2.yaml", "data/S1-runs.csv");
        JsonNode studies = j.get("studies");
        assertThat(studies.get(0).get("belief_source").asText()).isEqualTo("computed");
        assertThat(studies.get(1).get("belief_source").asText()).isEqualTo("explicit");
    }

    @Test
    void eachExampleDesignRunsAsItIs() throws Exception {
        for (String design : InitCommand.EXAMPLES.keySet()) {
            Path dir = tmp.resolve(design);
            CliRun init = CliRun.of("init", dir.toString(), "--example", design);
            assertThat(init.code()).as(init.err()).isZero();
            CliRun r = CliRun.of("synthesize", dir.toString());
            assertThat(r.code()).as(design + ": " + r.err()).isZero();
            JsonNode j = JSON.readTree(dir.resolve("out/results.json").toFile());
            for (JsonNode e : j.get("effects")) {
                assertThat(e.get("findings").asInt()).as(design + " " + e.get("effect")).isPositive();
            }
        }
        // the groups example: S1's duration is the worked example of docs/method-statistics.md
        JsonNode j = JSON.readTree(tmp.resolve("groups/out/results.json").toFile());
        JsonNode f = j.get("findings").get(0);
        assertThat(f.get("effect").asText()).isEqualTo("duration");
        assertThat(f.get("mean").asDouble()).isCloseTo(25.0, within(1e-12));
        assertThat(f.get("discount").asDouble()).isEqualTo(0.126);
        assertThat(f.get("mass").asDouble()).isEqualTo(0.699);
        assertThat(f.get("derivation").get("design").asText()).isEqualTo("groups");
        assertThat(j.get("policies").get("spread").get("basis").asText()).isEqualTo("sample");
    }

    @Test
    void anUnknownExampleIsBadInputWithANearMiss() {
        CliRun r = CliRun.of("init", tmp.resolve("x").toString(), "--example", "group");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown design 'group'").contains("did you mean 'groups'?");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void intoANonEmptyFolderChangesNothing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("synthesis.yaml"), "my own work\n");
        Files.createDirectories(dir.resolve("studies"));
        Map<String, String> before = snapshot(dir);
        CliRun r = CliRun.of("init", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("busy").contains("not empty");
        assertThat(r.out()).isEmpty();
        assertThat(snapshot(dir)).isEqualTo(before);
        assertThat(names(tmp)).containsExactly("busy");
    }

    @Test
    void twiceIntoTheSameFolderChangesNothingTheSecondTime() throws Exception {
        Path dir = tmp.resolve("new");
        assertThat(CliRun.of("init", dir.toString()).code()).isZero();
        Files.writeString(dir.resolve("synthesis.yaml"), "edited\n");
        Map<String, String> before = snapshot(dir);
        assertThat(CliRun.of("init", dir.toString()).code()).isEqualTo(2);
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void intoAnEmptyFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        CliRun r = CliRun.of("init", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : FILES) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        assertThat(names(tmp)).containsExactly("empty");
    }

    @Test
    void ontoAFileIsBadInput() throws Exception {
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        CliRun r = CliRun.of("init", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not a folder");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void belowAFileIsBadInput() throws Exception {
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        CliRun r = CliRun.of("init", file.resolve("new").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is a file");
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(names(tmp)).containsExactly("file");
    }

    @Test
    void intoANewNestedFolder() throws Exception {
        Path dir = tmp.resolve("a/b/new");
        CliRun r = CliRun.of("init", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("synthesis.yaml")).isRegularFile();
    }
}
