package org.ssmworkbench.cli.synthesize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssmworkbench.cli.CliRun;

/** `ssm synthesize` on the built-in case and on broken projects: outputs, exit codes, all-or-nothing writes. */
class SynthesizeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EFFECTS = List.of("accuracy", "f1_score", "storage_size", "gpu_utilization",
            "gpu_memory_utilization", "gpu_power_draw", "gpu_energy_consumption", "inference_latency",
            "inference_power_draw", "inference_energy_consumption", "dsc");

    @TempDir
    Path tmp;

    /** A copy of the case (without its out/ folder). */
    Path project;

    @BeforeEach
    void copyCase() throws IOException {
        project = CliRun.copyCase(tmp.resolve("case"));
    }

    private static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static JsonNode effect(JsonNode results, String id) {
        for (JsonNode e : results.get("effects")) {
            if (e.get("effect").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no effect " + id);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The rows of a CSV file, quotes removed (RFC 4180). */
    private static List<String[]> csv(Path file) throws IOException {
        CsvMapper m = new CsvMapper();
        m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = m.readerFor(String[].class).readValues(file.toFile())) {
            return it.readAll();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Every file below a folder, by relative path, with its bytes as text (a snapshot to compare). */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), sha256Unchecked(p));
            }
        }
        return files;
    }

    private static String sha256Unchecked(Path p) {
        try {
            return sha256(p);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names in a folder that look like the writer's temporary or backup siblings. */
    private static List<String> leftovers(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-") || n.contains(".old-"))
                    .toList();
        }
    }

    private void mutate(String file, String from, String to) throws IOException {
        Path p = project.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ the built-in case

    @Test
    void synthesizesTheCase() throws Exception {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // the only warnings: effects where one study (S3 with its 8 configurations, or S6) carries most findings
        assertThat(r.err().lines()).isNotEmpty().allMatch(l -> l.startsWith("warning: '")
                && l.endsWith("[dominant-study]"));
        assertThat(r.err()).contains("'inference_power_draw': study S3 carries 8 of its 9 findings");
        assertThat(out.resolve("results.json")).isRegularFile();
        assertThat(out.resolve("results.csv")).isRegularFile();
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("results.json",
                    "results.csv");
        }

        JsonNode j = json(out.resolve("results.json"));
        assertThat(j.get("synthesis").asText())
                .isEqualTo("Model quantization: aggregating empirical evidence from data strategy studies");
        assertThat(j.get("id").asText()).isEqualTo("quantization");
        assertThat(j.get("policies").get("rule").asText()).isEqualTo("dempster");
        assertThat(j.get("policies").get("selector").asText()).isEqualTo("ef");
        assertThat(j.get("policies").get("assignment").asText()).isEqualTo("published");
        assertThat(j.get("policies").get("zero_baseline").asText()).isEqualTo("reject");
        assertThat(j.get("effects")).hasSize(11);
        List<String> ids = new ArrayList<>();
        j.get("effects").forEach(e -> ids.add(e.get("effect").asText()));
        assertThat(ids).containsExactlyElementsOf(EFFECTS);
        assertThat(j.get("findings")).hasSize(93);
        assertThat(j.get("studies")).hasSize(6);

        JsonNode acc = effect(j, "accuracy");
        assertThat(acc.get("findings").asInt()).isEqualTo(17);
        assertThat(texts(acc.get("hypothesis"))).containsExactly("WN");
        double belief = acc.get("belief").asDouble();
        assertThat(belief).isCloseTo(0.8858, within(1e-3));
        assertThat(acc.get("plausibility").asDouble()).isBetween(belief, 1.0);
        assertThat(acc.get("conflicts")).hasSize(16);
        acc.get("conflicts").forEach(k -> assertThat(k.asDouble()).isBetween(0.0, 1.0));
        double sum = 0;
        for (JsonNode m : (Iterable<JsonNode>) () -> acc.get("masses").elements()) {
            sum += m.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        assertThat(acc.get("masses").has("WN")).isTrue();
        assertThat(texts(acc.get("published").get("hypothesis"))).containsExactly("WN");
        assertThat(acc.get("published").get("belief").asDouble()).isEqualTo(0.9);
        assertThat(acc.get("published").get("findings").asInt()).isEqualTo(17);
        assertThat(acc.get("published").get("same_hypothesis").asBoolean()).isTrue();
        assertThat(acc.get("published").get("belief_delta").asDouble()).isCloseTo(belief - 0.9, within(1e-12));
        assertThat(acc.get("evidence")).hasSize(17);
        assertThat(acc.get("trace").get("steps")).hasSize(16);

        // dsc is not in the paper's figure: no published value
        assertThat(effect(j, "dsc").has("published")).isFalse();

        JsonNode inputs = j.get("provenance").get("inputs");
        Map<String, String> hashes = new LinkedHashMap<>();
        inputs.forEach(i -> hashes.put(i.get("path").asText(), i.get("sha256").asText()));
        assertThat(hashes).containsEntry("synthesis.yaml", sha256(project.resolve("synthesis.yaml")))
                .containsEntry("checklist.yaml", sha256(project.resolve("checklist.yaml")))
                .containsEntry("studies/S3.yaml", sha256(project.resolve("studies/S3.yaml")));
        assertThat(hashes).hasSize(8);
        for (JsonNode i : inputs) {
            assertThat(i.get("bytes").asLong()).isEqualTo(Files.size(project.resolve(i.get("path").asText())));
        }
        assertThat(j.get("provenance").get("tool").asText()).startsWith("ssm-workbench ");
        assertThat(j.get("warnings")).isEmpty();

        List<String> lines = Files.readAllLines(out.resolve("results.csv"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(12);
        assertThat(lines.get(0)).isEqualTo("effect,findings,studies,hypothesis,intensity,belief,plausibility,"
                + "last_conflict,mean_conflict,change,strongest_finding,strongest_mass,published_hypothesis,"
                + "published_belief,belief_delta");
        List<String[]> csv = csv(out.resolve("results.csv"));
        assertThat(csv).hasSize(12);
        for (int i = 0; i < EFFECTS.size(); i++) {
            assertThat(csv.get(i + 1)).hasSize(15);
            assertThat(csv.get(i + 1)[0]).isEqualTo(EFFECTS.get(i));
        }
        assertThat(csv.get(6)[3]).isEqualTo("IF,WP"); // gpu_power_draw: a two-code hypothesis, quoted
        String[] accRow = csv.get(1);
        assertThat(accRow[1]).isEqualTo("17");
        assertThat(accRow[3]).isEqualTo("WN");
        assertThat(Double.parseDouble(accRow[5])).isEqualTo(belief);
        assertThat(accRow[12]).isEqualTo("WN");
        assertThat(Double.parseDouble(accRow[13])).isEqualTo(0.9);

        for (String e : EFFECTS) {
            assertThat(r.out()).contains(e);
        }
        assertThat(r.out()).contains("0.886").contains("Model quantization").contains("rule dempster")
                .contains("wrote ");
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void theSameInputGivesTheSameBytes() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(CliRun.of("synthesize", project.toString(), "--out", out.toString(), "-q").code()).isZero();
        byte[] json1 = Files.readAllBytes(out.resolve("results.json"));
        byte[] csv1 = Files.readAllBytes(out.resolve("results.csv"));
        // again into the same folder (replacing our own files), and into another one
        assertThat(CliRun.of("synthesize", project.toString(), "--out", out.toString(), "-q").code()).isZero();
        Path other = tmp.resolve("other");
        assertThat(CliRun.of("synthesize", project.toString(), "--out", other.toString(), "-q").code()).isZero();
        assertThat(Files.readAllBytes(out.resolve("results.json"))).isEqualTo(json1);
        assertThat(Files.readAllBytes(other.resolve("results.json"))).isEqualTo(json1);
        assertThat(Files.readAllBytes(other.resolve("results.csv"))).isEqualTo(csv1);
        assertThat(new String(json1, StandardCharsets.UTF_8)).endsWith("}\n");
        assertThat(leftovers(tmp)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --rule       | yager                 | rule
            --rule       | murphy                | rule
            --rule       | dubois-prade          | rule
            --selector   | santos                | selector
            --assignment | equitable-split       | assignment
            --assignment | undiscounted-unsplit  | assignment
            --assignment | mass-preserving-split | assignment
            """)
    void policyOverridesReachTheResults(String option, String value, String key) throws Exception {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", out.toString(), option, value);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = json(out.resolve("results.json"));
        assertThat(j.get("policies").get(key).asText()).isEqualTo(value);
        assertThat(j.get("effects")).hasSize(11);
        assertThat(effect(j, "accuracy").get("findings").asInt()).isEqualTo(17);
        assertThat(effect(j, "accuracy").get("belief").isNumber()).isTrue();
        assertThat(r.out()).contains(value);
        // the project file is not changed by an override
        assertThat(Files.readString(project.resolve("synthesis.yaml"))).contains("rule: dempster");
    }

    @Test
    void anOverrideChangesTheNumbers() throws Exception {
        assertThat(CliRun.of("synthesize", project.toString(), "--out", tmp.resolve("a").toString(), "-q").code())
                .isZero();
        assertThat(CliRun.of("synthesize", project.toString(), "--out", tmp.resolve("b").toString(), "-q",
                "--assignment", "equitable-split").code()).isZero();
        double a = effect(json(tmp.resolve("a/results.json")), "accuracy").get("belief").asDouble();
        double b = effect(json(tmp.resolve("b/results.json")), "accuracy").get("belief").asDouble();
        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void unknownOverrideValueIsBadInput() {
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", tmp.resolve("out").toString(), "--rule", "dempstr");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for option '--rule': unknown rule 'dempstr'")
                .contains("yager").doesNotContain("java.lang");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void theDefaultOutputFolderIsDirOut() throws Exception {
        CliRun r = CliRun.of("synthesize", project.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(project.resolve("out/results.json")).isRegularFile();
        assertThat(project.resolve("out/results.csv")).isRegularFile();
        assertThat(leftovers(project)).isEmpty();
        // and the out/ folder is not read as input next time
        CliRun again = CliRun.of("synthesize", project.toString(), "-q");
        assertThat(again.code()).as(again.err()).isZero();
    }

    @Test
    void quietPrintsOnlyWhereItWrote() {
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).startsWith("wrote ").doesNotContain("accuracy");
    }

    // ------------------------------------------------------------------ errors

    @Test
    void aBadProjectWritesNothing() throws Exception {
        mutate("studies/S3.yaml", "summary: {mean: -1.383, iqr: 0.0}", "summary: {mean: high, iqr: 0.0}");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).matches("(?s)ssm synthesize: .*studies[/\\\\]S3\\.yaml:\\d+: "
                + "evidence\\[1\\]\\.effects\\.accuracy\\.summary\\.mean: expected a number, got 'high'\\R");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
        assertThat(leftovers(tmp)).isEmpty();
        assertThat(project.resolve("out")).doesNotExist();
        assertThat(leftovers(project)).isEmpty();
    }

    @Test
    void aFailedRunLeavesThePreviousResultsUntouched() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(CliRun.of("synthesize", project.toString(), "--out", out.toString()).code()).isZero();
        Map<String, String> before = snapshot(out);
        assertThat(before).containsOnlyKeys("results.json", "results.csv");

        mutate("synthesis.yaml", "rule: dempster", "rule: dempstr");
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("synthesis.yaml:").contains("policies.rule: unknown rule 'dempstr'");
        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void aForeignFileInTheOutputFolderIsNeverDeleted() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "my notes");
        Files.writeString(out.resolve("results.json"), "{}");
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("notes.txt").contains("--out");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("my notes");
        assertThat(Files.readString(out.resolve("results.json"))).isEqualTo("{}");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("notes.txt",
                    "results.json");
        }
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void anOutputPathThatIsAFileIsBadInput() throws Exception {
        Path out = tmp.resolve("out");
        Files.writeString(out, "not a folder");
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not a folder");
        assertThat(Files.readString(out)).isEqualTo("not a folder");
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void anOutputPathBelowAFileIsBadInput() throws Exception {
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", file.resolve("sub/out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is a file").contains("choose another --out").doesNotContain("Exception");
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void aFailedWriteIsAnIoErrorNamingTheOutputFolder() throws Exception {
        Path out = tmp.resolve("o".repeat(300)); // longer than any file system allows a name to be
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("ssm synthesize: I/O error: cannot write ").contains("ooooo")
                .doesNotContain("internal error");
        assertThat(leftovers(tmp)).isEmpty();
    }

    /** One effect, two studies of belief 1.0 with opposite strong findings: K = 1 under Dempster. */
    private Path conflictingProject() throws IOException {
        Path p = tmp.resolve("conflict");
        Files.createDirectories(p.resolve("studies"));
        Files.writeString(p.resolve("synthesis.yaml"), """
                format: 1
                id: conflict
                title: Total conflict
                effects:
                  - id: e1
                    family: correctness
                    better: higher
                studies: [S1, S2]
                """);
        Files.writeString(p.resolve("studies/S1.yaml"), """
                id: S1
                type: controlled-experiment
                belief: 1.0
                evidence:
                  - id: e1
                    effects:
                      e1:
                        summary: {mean: -40, iqr: 0}
                """);
        Files.writeString(p.resolve("studies/S2.yaml"), """
                id: S2
                type: controlled-experiment
                belief: 1.0
                evidence:
                  - id: e1
                    effects:
                      e1:
                        summary: {mean: 40, iqr: 0}
                """);
        return p;
    }

    @Test
    void totalConflictIsBadInputNamingBothFindings() throws Exception {
        Path p = conflictingProject();
        CliRun r = CliRun.of("synthesize", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("total conflict").contains("e1").contains("S1/e1").contains("S2/e1");
        assertThat(r.err()).doesNotContain("internal error");
        assertThat(p.resolve("out")).doesNotExist();
        assertThat(leftovers(p)).isEmpty();
    }

    @Test
    void totalConflictIsResolvedByYagersRule() throws Exception {
        Path p = conflictingProject();
        CliRun r = CliRun.of("synthesize", p.toString(), "--rule", "yager");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode e = effect(json(p.resolve("out/results.json")), "e1");
        assertThat(e.get("conflicts").get(0).asDouble()).isEqualTo(1.0);
        assertThat(texts(e.get("hypothesis"))).containsExactly("SN", "NE", "WN", "IF", "WP", "PO", "SP");
    }

    @Test
    void aMissingProjectFolderIsBadInput() {
        Path missing = tmp.resolve("nowhere");
        CliRun r = CliRun.of("synthesize", missing.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nowhere").contains("no such folder");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aFolderWithoutSynthesisYamlIsBadInput() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun r = CliRun.of("synthesize", empty.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("synthesis.yaml").contains("ssm init");
        try (Stream<Path> s = Files.list(empty)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        CliRun r = CliRun.of("synthesize");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("DIR");
    }

    // ------------------------------------------------------------------ silent-data traps (issue 9)

    @Test
    void aMisspelledEffectColumnIsBadInputAndWritesNothing() throws Exception {
        Files.writeString(project.resolve("data.csv"), "effects,baseline,treated\ninference_latency,10,2\n"
                + "inference_energy_consumption,5,2\n");
        Path s4 = project.resolve("studies/S4.yaml");
        String text = Files.readString(s4).replace("summary: {mean: 52.086, iqr: 0.0}", "measurements: data.csv")
                .replace("summary: {mean: 81.921, iqr: 0.0}", "measurements: data.csv");
        Files.writeString(s4, text);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("studies").contains("S4.yaml").contains("data.csv")
                .contains("column 'effects'").contains("did you mean 'effect'?");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void aPercentTypedAsAFractionIsWarnedAbout() throws Exception {
        // dsc has one finding (S2): 0.24 instead of 24
        String s2 = Files.readString(project.resolve("studies/S2.yaml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("dsc:\\s*\\n\\s*summary: \\{mean: ([-0-9.]+)")
                .matcher(s2);
        assertThat(m.find()).isTrue();
        Files.writeString(project.resolve("studies/S2.yaml"), s2.substring(0, m.start(1)) + "0.24"
                + s2.substring(m.end(1)));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("every mean RI of 'dsc' is below 1").contains("[percent-as-fraction]");
        JsonNode w = json(out.resolve("results.json")).get("sanity_warnings");
        assertThat(w.findValuesAsText("kind")).contains("percent-as-fraction");
    }

    @Test
    void aStudyEnteredTwiceIsWarnedAbout() throws Exception {
        String s1 = Files.readString(project.resolve("studies/S1.yaml"));
        Files.writeString(project.resolve("studies/S7.yaml"), s1.replaceFirst("(?m)^id: S1", "id: S7"));
        mutate("synthesis.yaml", "studies: [", "studies: [S7, ");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("studies S7 and S1 look like one publication entered twice (the same title and year")
                .contains("[duplicate-study]");
        JsonNode w = json(out.resolve("results.json")).get("sanity_warnings").get(0);
        assertThat(w.get("kind").asText()).isEqualTo("duplicate-study");
        assertThat(w.get("studies").toString()).isEqualTo("[\"S7\",\"S1\"]");
    }

    @Test
    void explainPrintsWhatTheColumnsMean() {
        CliRun r = CliRun.of("synthesize", project.toString(), "--out", tmp.resolve("out").toString(), "--explain");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Columns:").contains("  st            distinct studies among them")
                .contains("  last K        conflict of the last combination step");
    }

    @Test
    void thePairProgrammingExampleGivesWhatItsReadmeSays() throws Exception {
        Path out = tmp.resolve("pp");
        CliRun r = CliRun.of("synthesize", Path.of("..", "examples", "pair-programming").toString(), "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = json(out.resolve("results.json"));
        assertThat(effect(j, "duration").get("hypothesis").toString()).isEqualTo("[\"WP\"]");
        assertThat(effect(j, "effort").get("hypothesis").toString()).isEqualTo("[\"SN\"]");
        assertThat(effect(j, "correctness").get("hypothesis").toString()).isEqualTo("[\"SP\"]");
        assertThat(effect(j, "correctness").get("belief").asDouble()).isCloseTo(0.875, within(1e-12));
        // duration: Arisholm et al. {WP} 0.875 against Gomez et al.'s d = -0.6529 (n 7 + 7): J = 1 - 3/47,
        // |g| = 0.6112 -> {PO} on the standardized cuts, discount 0.268, mass 0.75 x 0.732 = 0.549;
        // K = 0.875 x 0.549 = 0.480375, Bel(WP) = 0.875 x 0.451 / (1 - K)
        assertThat(effect(j, "duration").get("last_conflict").asDouble()).isCloseTo(0.480375, within(1e-12));
        assertThat(effect(j, "duration").get("belief").asDouble()).isCloseTo(0.875 * 0.451 / (1 - 0.480375),
                within(1e-12));
        // effort: {SN} 0.875 against d = +0.6431 -> {NE}, discount 0.272, mass 0.546
        assertThat(effect(j, "effort").get("belief").asDouble()).isCloseTo(0.875 * 0.454 / (1 - 0.875 * 0.546),
                within(1e-12));
    }
}
