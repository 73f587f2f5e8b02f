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
            "studies/S2.yaml", "data/S1-int8.csv");

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

        JsonNode acc = null;
        for (JsonNode e : j.get("effects")) {
            if (e.get("effect").asText().equals("accuracy")) {
                acc = e;
            }
        }
        assertThat(acc).isNotNull();
        assertThat(acc.get("findings").asInt()).isEqualTo(2);
        assertThat(acc.get("studies").asInt()).isEqualTo(2);
        assertThat(acc.get("belief").isNumber()).isTrue();
        List<String> evidence = new ArrayList<>();
        acc.get("evidence").forEach(n -> evidence.add(n.asText()));
        assertThat(evidence).containsExactly("S1/e1", "S2/e1");

        // the join decision is recorded, and the finding keeps the study's own concept
        JsonNode concepts = j.get("concepts");
        assertThat(concepts).hasSize(1);
        assertThat(concepts.get(0).get("decision").asText()).isEqualTo("join");
        assertThat(concepts.get(0).get("concepts").get(0).asText()).isEqualTo("top1_accuracy");
        assertThat(concepts.get(0).get("into").asText()).isEqualTo("accuracy");
        assertThat(concepts.get(0).get("reason").asText()).isNotBlank();

        JsonNode raw = null;
        JsonNode direct = null;
        JsonNode summary = null;
        for (JsonNode f : j.get("findings")) {
            String key = f.get("study").asText() + "/" + f.get("evidence").asText() + "/" + f.get("effect").asText();
            switch (key) {
                case "S1/e1/accuracy" -> raw = f;
                case "S2/e1/accuracy" -> direct = f;
                case "S1/e1/inference_latency" -> summary = f;
                default -> throw new AssertionError("unexpected finding " + key);
            }
        }
        assertThat(raw).isNotNull();
        assertThat(direct).isNotNull();
        assertThat(summary).isNotNull();

        // raw runs: RI = (treated - baseline) / baseline * 100, accuracy is higher-is-better
        assertThat(raw.get("source").asText()).isEqualTo("data/S1-int8.csv");
        assertThat(raw.get("n").asInt()).isEqualTo(8);
        double[][] runs = {{0.912, 0.905}, {0.908, 0.899}, {0.915, 0.911}, {0.910, 0.897}, {0.913, 0.906},
            {0.909, 0.902}, {0.911, 0.903}, {0.914, 0.908}};
        double mean = 0;
        for (double[] run : runs) {
            mean += (run[1] - run[0]) / run[0] * 100.0 / runs.length;
        }
        assertThat(raw.get("mean").asDouble()).isCloseTo(mean, within(1e-9));
        assertThat(raw.has("concept")).isFalse();

        assertThat(direct.get("concept").asText()).isEqualTo("top1_accuracy");
        assertThat(direct.has("mean")).isFalse();
        assertThat(direct.get("mass").asDouble()).isEqualTo(0.35);
        List<String> intensity = new ArrayList<>();
        direct.get("intensity").forEach(n -> intensity.add(n.asText()));
        assertThat(intensity).containsExactly("WN");

        assertThat(summary.get("source").asText()).isEqualTo("summary");
        assertThat(summary.get("mean").asDouble()).isEqualTo(31.5);

        List<String> inputs = new ArrayList<>();
        j.get("provenance").get("inputs").forEach(n -> inputs.add(n.get("path").asText()));
        assertThat(inputs).containsExactlyInAnyOrder("synthesis.yaml", "checklist.yaml", "studies/S1.yaml",
                "studies/S2.yaml", "data/S1-int8.csv");

        // S1's belief comes from band x checklist, S2's is explicit
        JsonNode studies = j.get("studies");
        assertThat(studies.get(0).get("belief_source").asText()).isEqualTo("computed");
        assertThat(studies.get(1).get("belief_source").asText()).isEqualTo("explicit");
        assertThat(studies.get(1).get("belief").asDouble()).isEqualTo(0.4);
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
