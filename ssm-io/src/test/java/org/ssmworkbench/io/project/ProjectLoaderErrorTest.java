package org.ssmworkbench.io.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.QuantileMethod;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.measurements.MeasurementReader;

/**
 * Every kind of mistake a person can make in a project's files, one mutation of the built-in case at
 * a time: the loader must refuse it with a message naming the file, the line (checked against the
 * line of the mutated text) and the field path.
 */
class ProjectLoaderErrorTest {

    static final Path CASE = Path.of("..", "examples", "quantization");

    @TempDir
    Path tmp;

    /** The copy of the case that each test mutates. */
    Path dir;

    @BeforeEach
    void copyCase() throws IOException {
        dir = tmp.resolve("case");
        try (Stream<Path> s = Files.walk(CASE)) {
            for (Path p : s.toList()) {
                Path rel = CASE.relativize(p);
                if (rel.startsWith("out")) {
                    continue; // results of an earlier run are no input
                }
                Path to = dir.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private Project load() {
        return new ProjectLoader(MeasurementReader::summarizeOne).load(dir);
    }

    private InputException loadFails() {
        InputException e = catchThrowableOfType(InputException.class, this::load);
        assertThat(e).as("loading the mutated project must fail with an InputException").isNotNull();
        return e;
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String file, String text) {
        try {
            Path p = dir.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the one occurrence of {@code from} in {@code file} by {@code to} and returns the
     * 1-based line on which {@code to} starts in the mutated file.
     */
    private int mutate(String file, String from, String to) {
        String text = read(file);
        int at = text.indexOf(from);
        assertThat(at).as("'%s' in %s", from, file).isGreaterThanOrEqualTo(0);
        assertThat(text.indexOf(from, at + 1)).as("'%s' occurs once in %s", from, file).isNegative();
        String mutated = text.substring(0, at) + to + text.substring(at + from.length());
        write(file, mutated);
        return lineAt(mutated, at);
    }

    /** The 1-based line of the one occurrence of {@code needle} in {@code file}. */
    private int lineOf(String file, String needle) {
        String text = read(file);
        int at = text.indexOf(needle);
        assertThat(at).as("'%s' in %s", needle, file).isGreaterThanOrEqualTo(0);
        assertThat(text.indexOf(needle, at + 1)).as("'%s' occurs once in %s", needle, file).isNegative();
        return lineAt(text, at);
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Asserts "FILE:LINE: FIELD: " at the start of the message and the same in the accessors. */
    private static void assertWhere(InputException e, Path file, int line, String field) {
        String where = InputException.display(file) + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ");
        assertThat(e.getMessage()).startsWith(where);
        assertThat(e.file().toAbsolutePath().normalize()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.field()).isEqualTo(field);
    }

    private void assertWhere(InputException e, String file, int line, String field) {
        assertWhere(e, dir.resolve(file), line, field);
        assertThat(e.getMessage()).contains(file);
    }

    // ------------------------------------------------------------------ the unmutated case loads

    @Test
    void theUnmutatedCopyLoads() {
        Project p = load();
        assertThat(p.synthesis().studies()).hasSize(6);
        assertThat(p.warnings()).isEmpty();
    }

    // ------------------------------------------------------------------ malformed YAML

    @Test
    void badIndentationIsMalformedYaml() {
        // a more-indented key after a scalar value: "mapping values are not allowed here"
        int line = mutate("studies/S3.yaml", "  \"1.2\": no\n", "    \"1.2\": no\n");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "");
        assertThat(e.getMessage()).contains("malformed YAML");
    }

    @Test
    void tabIndentationIsMalformedYaml() {
        int line = mutate("studies/S4.yaml", "    label: \"w-int1, a-fp32\"", "\tlabel: \"w-int1, a-fp32\"");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "");
        assertThat(e.getMessage()).contains("malformed YAML").containsIgnoringCase("tab");
    }

    @Test
    void unclosedBracketIsMalformedYamlAtTheBracket() {
        int line = mutate("synthesis.yaml", "studies: [S1, S2, S3, S4, S5, S6]", "studies: [S1, S2, S3, S4, S5, S6");
        InputException e = loadFails();
        // the parser notices only lines later; the message must point at the unclosed bracket
        assertWhere(e, "synthesis.yaml", line, "");
        assertThat(e.getMessage()).contains("malformed YAML").contains("flow sequence");
    }

    @Test
    void unclosedBraceInAStudyIsMalformedYaml() {
        int line = mutate("studies/S3.yaml", "summary: {mean: -1.383, iqr: 0.0}", "summary: {mean: -1.383, iqr: 0.0");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "");
        assertThat(e.getMessage()).contains("malformed YAML").contains("flow mapping");
    }

    @Test
    void unquotedQuestionMarkInAFlowMapping() {
        // SnakeYAML (YAML 1.1) ends a plain scalar at '?' inside {...}
        int line = mutate("checklist.yaml", "      - id: \"1.2\"\n        text: \"Do the authors state hypotheses and their underlying theories?\"\n",
                "      - {id: \"1.2\", text: Do the authors state hypotheses?}\n");
        InputException e = loadFails();
        assertWhere(e, "checklist.yaml", line, "");
        assertThat(e.getMessage()).contains("malformed YAML").contains("must be in quotes");
    }

    @Test
    void duplicateYamlKeyIsRefusedWithItsPath() {
        int line = mutate("studies/S3.yaml", "    label: \"w-fp32, a-q0.8\"",
                "    label: \"w-fp32, a-q0.8\"\n    label: again");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line + 1, "evidence[1].label");
        assertThat(e.getMessage()).contains("duplicate").contains("'label'");
    }

    @Test
    void duplicateTopLevelKeyInSynthesis() {
        int line = mutate("synthesis.yaml", "intervention: model quantization\n",
                "intervention: model quantization\ntitle: again\n");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line + 1, "title");
        assertThat(e.getMessage()).contains("duplicate");
    }

    @Test
    void emptySynthesisFile() {
        write("synthesis.yaml", "# nothing yet\n");
        InputException e = loadFails();
        assertThat(e.getMessage()).startsWith(InputException.display(dir.resolve("synthesis.yaml")) + ": ")
                .contains("empty");
    }

    // ------------------------------------------------------------------ unknown fields, wrong types

    @Test
    void unknownFieldInSynthesisListsTheKnownFields() {
        int line = mutate("synthesis.yaml", "intervention: model quantization", "intervension: model quantization");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "intervension");
        assertThat(e.getMessage()).contains("unknown field 'intervension'")
                .contains("known: ").contains("intervention").contains("effects").contains("published");
    }

    @Test
    void unknownFieldDeepInAStudyListsTheKnownFields() {
        int line = mutate("studies/S3.yaml", "summary: {mean: -1.383, iqr: 0.0}",
                "summary: {mean: -1.383, iqr: 0.0, median: -1.4}");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "evidence[1].effects.accuracy.summary.median");
        assertThat(e.getMessage()).contains("unknown field 'median'").contains("known: ")
                .contains("iqr, mean, n, q1, q3, std");
    }

    @Test
    void unknownTopLevelFieldInAStudy() {
        int line = mutate("studies/S3.yaml", "reported_type: controlled", "reportedType: controlled");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "reportedType");
        assertThat(e.getMessage()).contains("unknown field 'reportedType'").contains("reported_type");
    }

    @Test
    void textWhereANumberBelongs() {
        int line = mutate("studies/S3.yaml", "summary: {mean: -1.383, iqr: 0.0}", "summary: {mean: high, iqr: 0.0}");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "evidence[1].effects.accuracy.summary.mean");
        assertThat(e.getMessage()).contains("'high'").contains("number")
                .doesNotContain("java.").doesNotContain("`").doesNotContain("ProjectFiles");
    }

    @Test
    void textWhereAnIntegerBelongs() {
        int line = mutate("studies/S3.yaml", "  year: 2022", "  year: twenty-two");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "citation.year");
        assertThat(e.getMessage()).contains("expected a whole number, got 'twenty-two'")
                .doesNotContain("java.").doesNotContain("`");
    }

    @Test
    void aListWhereTextBelongs() {
        int line = mutate("synthesis.yaml", "title: \"Model quantization", "title: [\"Model quantization");
        mutate("synthesis.yaml", "data strategy studies\"\n", "data strategy studies\"]\n");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "title");
        assertThat(e.getMessage()).contains("text").contains("list")
                .doesNotContain("java.").doesNotContain("`");
    }

    @Test
    void fractionWhereAWholeNumberBelongs() {
        int line = mutate("synthesis.yaml", "belief: 0.90, findings: 17}", "belief: 0.90, findings: 17.5}");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "published.results.accuracy.findings");
        assertThat(e.getMessage()).contains("expected a whole number, got '17.5'");
    }

    @Test
    void aMappingWhereANumberBelongs() {
        int line = mutate("studies/S3.yaml", "summary: {mean: -1.383, iqr: 0.0}", "summary: {mean: {value: 1}, iqr: 0.0}");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "evidence[1].effects.accuracy.summary.mean");
        assertThat(e.getMessage()).contains("expected a number, got a mapping");
    }

    @Test
    void emptyEvidenceEntry() {
        String s4 = read("studies/S4.yaml");
        write("studies/S4.yaml", s4 + "  -\n");
        int line = (int) s4.lines().count() + 1;
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[2]");
        assertThat(e.getMessage()).contains("expected a mapping of names to values, got nothing");
    }

    @Test
    void emptyPublishedResult() {
        int line = mutate("synthesis.yaml", "    gpu_utilization: {hypothesis: [IF], belief: 0.74, findings: 3}",
                "    gpu_utilization:");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "published.results.gpu_utilization");
        assertThat(e.getMessage()).contains("expected a mapping of names to values, got nothing");
    }

    @Test
    void emptyEffectEntry() {
        int line = mutate("synthesis.yaml", "effects:\n", "effects:\n  - null\n") + 1;
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "effects[0]");
        assertThat(e.getMessage()).contains("empty entry");
    }

    @Test
    void textWhereAListBelongs() {
        int line = mutate("synthesis.yaml", "studies: [S1, S2, S3, S4, S5, S6]", "studies: S1");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "studies");
        assertThat(e.getMessage()).contains("list").doesNotContain("java.").doesNotContain("`");
    }

    // ------------------------------------------------------------------ effects and their inputs

    @Test
    void unknownEffectInAStudy() {
        int line = mutate("studies/S3.yaml", "      f1_score:\n        summary: {mean: 1.506",
                "      f1score:\n        summary: {mean: 1.506");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "evidence[1].effects.f1score");
        assertThat(e.getMessage()).contains("unknown effect 'f1score'").contains("f1_score")
                .contains("concepts");
    }

    @Test
    void labelNotOnTheScale() {
        int line = mutate("studies/S3.yaml", "        summary: {mean: -1.383, iqr: 0.0}\n",
                "        intensity: \"very positive\"\n        mass: 0.5\n");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "evidence[1].effects.accuracy.intensity");
        assertThat(e.getMessage()).contains("'very positive'").contains("not an SSM intensity");
    }

    @Test
    void massOutOfRange() {
        int line = mutate("studies/S3.yaml", "        summary: {mean: -1.383, iqr: 0.0}\n",
                "        intensity: weakly negative\n        mass: 1.5\n");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line + 1, "evidence[1].effects.accuracy.mass");
        assertThat(e.getMessage()).contains("1.5").contains("[0, 1]");
    }

    @Test
    void directInputWithoutMass() {
        int line = mutate("studies/S3.yaml", "        summary: {mean: -1.383, iqr: 0.0}\n",
                "        intensity: weakly negative\n");
        InputException e = loadFails();
        // the mass is missing: point at the effect that lacks it
        assertWhere(e, "studies/S3.yaml", line - 1, "evidence[1].effects.accuracy.mass");
        assertThat(e.getMessage()).contains("missing");
    }

    @Test
    void twoInputsForOneEffect() {
        int line = mutate("studies/S3.yaml", "        summary: {mean: -1.383, iqr: 0.0}\n",
                "        summary: {mean: -1.383, iqr: 0.0}\n        intensity: weakly negative\n        mass: 0.5\n");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line - 1, "evidence[1].effects.accuracy");
        assertThat(e.getMessage()).contains("exactly one of");
    }

    @ParameterizedTest(name = "mean {0}")
    @CsvSource({".nan", ".NaN", ".inf", "-.inf", ".Inf"})
    void notAFiniteMean(String value) {
        int line = mutate("studies/S3.yaml", "summary: {mean: -1.383, iqr: 0.0}",
                "summary: {mean: " + value + ", iqr: 0.0}");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "evidence[1].effects.accuracy.summary.mean");
        assertThat(e.getMessage()).contains("finite number");
    }

    @Test
    void negativeIqr() {
        int line = mutate("studies/S3.yaml", "summary: {mean: -1.383, iqr: 0.0}", "summary: {mean: -1.383, iqr: -0.5}");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "evidence[1].effects.accuracy.summary.iqr");
        assertThat(e.getMessage()).contains("≥ 0").contains("-0.5");
    }

    @Test
    void iqrNotQ3MinusQ1() {
        int line = mutate("studies/S3.yaml", "summary: {mean: -1.383, iqr: 0.0}",
                "summary: {mean: -1.383, q1: -2.0, q3: -1.0, iqr: 0.5}");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "evidence[1].effects.accuracy.summary.iqr");
        assertThat(e.getMessage()).contains("q3 − q1");
    }

    @Test
    void missingMean() {
        int line = mutate("studies/S3.yaml", "summary: {mean: -1.383, iqr: 0.0}", "summary: {iqr: 0.0}");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "evidence[1].effects.accuracy.summary.mean");
        assertThat(e.getMessage()).contains("missing");
    }

    // ------------------------------------------------------------------ checklist answers

    @Test
    void checklistAnswerOutOfRange() {
        int line = mutate("studies/S3.yaml", "  \"1.2\": no\n", "  \"1.2\": maybe\n");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "quality.1.2");
        assertThat(e.getMessage()).contains("'maybe'").contains("yes, no or n.a.");
    }

    @Test
    void unansweredChecklistItem() {
        mutate("studies/S3.yaml", "  \"1.2\": no\n", "");
        int line = lineOf("studies/S3.yaml", "\nquality:") + 1;
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "quality");
        assertThat(e.getMessage()).contains("1.2").contains("not answered");
    }

    @Test
    void answerToAnItemTheChecklistDoesNotHave() {
        int line = mutate("studies/S3.yaml", "  \"1.2\": no\n", "  \"1.2\": no\n  \"1.3\": yes\n");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line + 1, "quality.1.3");
        assertThat(e.getMessage()).contains("unknown checklist item '1.3'");
    }

    // ------------------------------------------------------------------ duplicates

    @Test
    void studyListedTwice() {
        int line = mutate("synthesis.yaml", "studies: [S1, S2, S3, S4, S5, S6]", "studies: [S1, S2, S3, S4, S5, S3]");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "studies[5]");
        assertThat(e.getMessage()).contains("'S3'").contains("twice");
    }

    @Test
    void twoEvidenceModelsWithTheSameId() {
        int line = mutate("studies/S3.yaml", "  - id: e2\n", "  - id: e1\n");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "evidence[1].id");
        assertThat(e.getMessage()).contains("'e1'").contains("twice");
    }

    @Test
    void effectDeclaredTwice() {
        int line = mutate("synthesis.yaml", "  - id: f1_score\n", "  - id: accuracy\n");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "effects[1].id");
        assertThat(e.getMessage()).contains("'accuracy'").contains("declared twice");
    }

    @Test
    void sameEffectTwiceInOneEvidenceModelThroughAJoin() {
        String syn = read("synthesis.yaml");
        write("synthesis.yaml", syn.replace("concepts:\n", "concepts:\n  - join: [top1]\n    into: accuracy\n"
                + "    reason: same construct\n"));
        int line = mutate("studies/S3.yaml", "      f1_score:\n        summary: {mean: 1.506",
                "      top1:\n        summary: {mean: 1.506");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "evidence[1].effects.top1");
        assertThat(e.getMessage()).contains("second concept").contains("'accuracy'");
    }

    // ------------------------------------------------------------------ study files

    @Test
    void studyFileMissing() throws IOException {
        Files.delete(dir.resolve("studies/S4.yaml"));
        int line = lineOf("synthesis.yaml", "studies: [S1");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "studies[3]");
        assertThat(e.getMessage()).contains("studies/S4.yaml");
    }

    @Test
    void studyIdDiffersFromItsFileName() {
        int line = mutate("studies/S4.yaml", "\nid: S4\n", "\nid: S44\n") + 1;
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "id");
        assertThat(e.getMessage()).contains("'S44'").contains("S4.yaml");
    }

    @Test
    void unlistedStudyFileIsAWarningNotAnError() {
        write("studies/S7.yaml", read("studies/S4.yaml").replace("\nid: S4\n", "\nid: S7\n"));
        Project p = load();
        assertThat(p.warnings()).singleElement().asString().contains("studies/S7.yaml").contains("not listed");
    }

    @Test
    void unknownStudyType() {
        int line = mutate("studies/S3.yaml", "type: quasi-experiment ", "type: survey ");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "type");
        assertThat(e.getMessage()).contains("unknown study type 'survey'").contains("controlled-experiment");
    }

    @Test
    void studyBeliefOutOfRange() {
        int line = mutate("studies/S3.yaml", "belief: 0.6429166666666667", "belief: 64.3");
        InputException e = loadFails();
        assertWhere(e, "studies/S3.yaml", line, "belief");
        assertThat(e.getMessage()).contains("64.3").contains("[0, 1]");
    }

    // ------------------------------------------------------------------ synthesis.yaml

    @Test
    void unknownFamily() {
        int line = mutate("synthesis.yaml", "    family: correctness\n    better: higher\n  - id: f1_score",
                "    family: correctnes\n    better: higher\n  - id: f1_score");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "effects[0].family");
        assertThat(e.getMessage()).contains("'correctnes'").contains("correctness, resource");
    }

    @Test
    void unknownDirection() {
        int line = mutate("synthesis.yaml", "  - id: accuracy\n    label: Accuracy\n    family: correctness\n"
                + "    better: higher\n", "  - id: accuracy\n    label: Accuracy\n    family: correctness\n"
                + "    better: up\n") + 3;
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "effects[0].better");
        assertThat(e.getMessage()).contains("'up'").contains("higher or lower");
    }

    @Test
    void unsupportedFormatVersion() {
        int line = mutate("synthesis.yaml", "\nformat: 1\n", "\nformat: 2\n") + 1;
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "format");
        assertThat(e.getMessage()).contains("format 2 is not supported").contains("reads 1");
    }

    @Test
    void missingFormatVersion() {
        mutate("synthesis.yaml", "\nformat: 1\n", "\n");
        InputException e = loadFails();
        assertThat(e.getMessage()).startsWith(InputException.display(dir.resolve("synthesis.yaml")) + ":")
                .contains("format: 1");
        assertThat(e.field()).isEqualTo("format");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            rule       | dempster  | dempstr      | unknown rule 'dempstr'                | yager
            selector   | ef        | santo        | unknown selector 'santo'              | santos
            assignment | published | equal-split  | unknown mass assignment 'equal-split' | equitable-split
            quantiles  | nearest   | midpoint     | 'midpoint' is not a quantile method   | linear
            """)
    void badPolicyNames(String policy, String good, String bad, String message, String known) {
        int line = mutate("synthesis.yaml", "  " + policy + ": " + good, "  " + policy + ": " + bad);
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "policies." + policy);
        assertThat(e.getMessage()).contains(message).contains(known);
    }

    @Test
    void cutPointsNotIncreasing() {
        int line = mutate("synthesis.yaml", "correctness: [2, 5, 10, 15, 20, 25]", "correctness: [2, 5, 10, 9, 20, 25]");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "policies.cut_points.correctness");
        assertThat(e.getMessage()).contains("c4");
    }

    @Test
    void tooFewCutPoints() {
        int line = mutate("synthesis.yaml", "resource: [2, 10, 20, 30, 40, 50]", "resource: [2, 10, 20]");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "policies.cut_points.resource");
        assertThat(e.getMessage()).contains("6 values").contains("got 3");
    }

    @Test
    void qualityBandOutOfOrder() {
        int line = mutate("synthesis.yaml", "observational: [0.25, 0.50]", "observational: [0.50, 0.25]");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "policies.quality_bands.observational");
        assertThat(e.getMessage()).contains("L ≤ U");
    }

    @Test
    void zeroBaselineOfZeroIsRefused() {
        int line = mutate("synthesis.yaml", "zero_baseline: reject", "zero_baseline: 0");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "policies.zero_baseline");
        assertThat(e.getMessage()).contains("non-zero number");
    }

    @Test
    void joinIntoAnUnknownEffect() {
        String syn = read("synthesis.yaml");
        write("synthesis.yaml", syn.replace("concepts:\n", "concepts:\n  - join: [top1]\n    into: acuracy\n"
                + "    reason: same construct\n"));
        int line = lineOf("synthesis.yaml", "into: acuracy");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "concepts[0].into");
        assertThat(e.getMessage()).contains("unknown effect 'acuracy'");
    }

    @Test
    void publishedResultForAnUnknownEffect() {
        int line = mutate("synthesis.yaml", "    gpu_utilization: {hypothesis: [IF]", "    gpu_utilisation: {hypothesis: [IF]");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "published.results.gpu_utilisation");
        assertThat(e.getMessage()).contains("unknown effect 'gpu_utilisation'");
    }

    @Test
    void publishedHypothesisNotOnTheScale() {
        int line = mutate("synthesis.yaml", "accuracy: {hypothesis: [WN], belief: 0.90",
                "accuracy: {hypothesis: [WX], belief: 0.90");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "published.results.accuracy.hypothesis");
        assertThat(e.getMessage()).contains("WX");
    }

    @Test
    void invalidId() {
        int line = mutate("synthesis.yaml", "  - id: f1_score\n", "  - id: f1 score\n");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "effects[1].id");
        assertThat(e.getMessage()).contains("'f1 score' is not a valid id");
    }

    @Test
    void missingChecklistFile() throws IOException {
        Files.delete(dir.resolve("checklist.yaml"));
        int line = lineOf("synthesis.yaml", "\nchecklist: checklist.yaml") + 1;
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "checklist");
        assertThat(e.getMessage()).contains("checklist.yaml").contains("does not exist");
    }

    @Test
    void missingProjectFolder() {
        dir = tmp.resolve("nowhere");
        InputException e = loadFails();
        assertThat(e.getMessage()).contains("nowhere").contains("no such folder");
    }

    @Test
    void folderWithoutSynthesisYaml() throws IOException {
        Files.delete(dir.resolve("synthesis.yaml"));
        InputException e = loadFails();
        assertThat(e.getMessage()).contains("synthesis.yaml").contains("no such file");
    }

    // ------------------------------------------------------------------ YAML read safely and as written

    @Test
    void anAliasIsRefusedNotReadAsTheAnchorsName() {
        mutate("synthesis.yaml", "    label: Accuracy\n", "    label: &L Accuracy\n");
        int line = mutate("synthesis.yaml", "    label: F1 score\n", "    label: *L\n");
        InputException e = loadFails();
        // the anchor comes first in the file and is refused there
        assertWhere(e, "synthesis.yaml", line - 4, "effects[0].label");
        assertThat(e.getMessage()).contains("anchor &L is not supported").contains("write the value out");
    }

    @Test
    void anAliasWithoutAnchorIsRefusedWithItsName() {
        int line = mutate("synthesis.yaml", "    label: F1 score\n", "    label: *L\n");
        InputException e = loadFails();
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.getMessage()).contains("synthesis.yaml").contains("*L");
    }

    @Test
    void aMergeKeyIsRefused() {
        int line = mutate("synthesis.yaml", "    label: F1 score\n", "    <<: {label: F1 score}\n");
        InputException e = loadFails();
        assertWhere(e, "synthesis.yaml", line, "effects[1].<<");
        assertThat(e.getMessage()).contains("merge keys (<<) are not supported");
    }

    @Test
    void aSecondDocumentIsRefused() {
        write("synthesis.yaml", read("synthesis.yaml") + "---\ntitle: another\n");
        InputException e = loadFails();
        assertThat(e.getMessage()).contains("synthesis.yaml").contains("a second document");
        assertThat(e.line()).isPositive();
    }

    @Test
    void aStudyLinkedToAFileOutsideTheProjectIsRefusedWithoutQuotingIt() throws IOException {
        Path secret = tmp.resolve("secret.yaml");
        Files.writeString(secret, "root:x:0:0:TOP-SECRET-LINE:/root:/bin/bash\n");
        Path study = dir.resolve("studies/S2.yaml");
        Files.delete(study);
        Files.createSymbolicLink(study, secret);
        InputException e = loadFails();
        assertThat(e.file()).isEqualTo(study);
        assertThat(e.getMessage()).contains("link to a file outside the project folder").doesNotContain("TOP-SECRET")
                .doesNotContain("root:x");
    }

    @Test
    void aMeasurementFileLinkedOutsideTheProjectIsRefused() throws IOException {
        Path outside = tmp.resolve("x.csv");
        Files.writeString(outside, "baseline,treated\n1.0,SECRET\n");
        Files.createDirectories(dir.resolve("data"));
        Files.createSymbolicLink(dir.resolve("data/x.csv"), outside);
        int line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: data/x.csv");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements");
        assertThat(e.getMessage()).contains("is a link to a file outside the project folder").doesNotContain("SECRET");
    }

    @Test
    void aLinkInsideTheProjectIsFollowed() throws IOException {
        Path real = dir.resolve("studies/S2-real.yaml.txt");
        Files.move(dir.resolve("studies/S2.yaml"), real);
        Files.createSymbolicLink(dir.resolve("studies/S2.yaml"), real);
        assertThat(load().synthesis().studies()).hasSize(6);
    }

    @Test
    void aStudyFileOverTheSizeLimitIsRefusedNamingTheLimit() throws IOException {
        StringBuilder sb = new StringBuilder(read("studies/S2.yaml"));
        String pad = "# " + "x".repeat(1000) + "\n";
        while (sb.length() <= YamlReader.MAX_BYTES) {
            sb.append(pad);
        }
        write("studies/S2.yaml", sb.toString());
        InputException e = loadFails();
        assertThat(e.file()).isEqualTo(dir.resolve("studies/S2.yaml"));
        assertThat(e.getMessage()).contains("may be at most 16 MiB");
    }

    @Test
    void aStudyFileOfFourMebibytesIsRead() throws IOException {
        // over SnakeYAML's default 3 MiB code-point limit, under the documented 16 MiB
        StringBuilder sb = new StringBuilder(read("studies/S2.yaml"));
        String pad = "# " + "x".repeat(1000) + "\n";
        while (sb.length() <= 4 << 20) {
            sb.append(pad);
        }
        write("studies/S2.yaml", sb.toString());
        assertThat(load().synthesis().studies()).hasSize(6);
    }

    @Test
    void valuesNestedTooDeeplyAreRefused() {
        String deep = "[".repeat(YamlReader.MAX_DEPTH + 5) + "]".repeat(YamlReader.MAX_DEPTH + 5);
        int line = mutate("synthesis.yaml", "    label: F1 score\n", "    label: F1 score\n    description: " + deep
                + "\n");
        InputException e = loadFails();
        assertThat(e.getMessage()).contains("synthesis.yaml").contains("nest");
        assertThat(e.line()).isEqualTo(line + 1);
    }

    @Test
    void aBugInTheMeasurementReaderIsNoBadInput() {
        write("data/x.csv", "baseline,treated\n1.0,2.0\n");
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: data/x.csv");
        IllegalStateException bug = new IllegalStateException("a bug");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> new ProjectLoader(
                (file, columns, effect, evidence, direction, quantiles, zero) -> {
                    throw bug;
                }).load(dir));
        assertThat(t).isSameAs(bug);
    }

    // ------------------------------------------------------------------ measurement files

    @Test
    void missingMeasurementsFile() {
        int line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: data/none.csv");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements");
        assertThat(e.getMessage()).contains("'data/none.csv' does not exist");
    }

    @Test
    void measurementsPathOutsideTheProjectIsRefused() throws IOException {
        Files.writeString(tmp.resolve("x.csv"), "baseline,treated\n1.0,2.0\n");
        int line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: ../x.csv");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements");
        assertThat(e.getMessage()).contains("'../x.csv' lies outside the project folder");
    }

    @Test
    void absoluteMeasurementsPathOutsideTheProjectIsRefused() throws IOException {
        Path x = tmp.resolve("x.csv");
        Files.writeString(x, "baseline,treated\n1.0,2.0\n");
        int line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}",
                "measurements: \"" + x.toAbsolutePath() + "\"");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements");
        assertThat(e.getMessage()).contains("lies outside the project folder");
    }

    @Test
    void measurementFileWithAZeroBaselineNamesTheFileAndTheRow() {
        write("data/x.csv", "baseline,treated\n10.0,9.0\n0,1.5\n8.0,7.0\n");
        int line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: data/x.csv");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements");
        assertThat(e.getMessage()).contains("data/x.csv").contains("data row 2").contains("baseline is 0")
                .contains("zero_baseline");
    }

    @Test
    void measurementFileWithAZeroBaselineIsAcceptedWithASubstitute() {
        write("data/x.csv", "baseline,treated\n10.0,9.0\n0,1.5\n8.0,7.0\n");
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: data/x.csv");
        mutate("synthesis.yaml", "zero_baseline: reject", "zero_baseline: 0.001");
        Project p = load();
        assertThat(p.zeroBaseline()).contains(0.001);
        assertThat(p.inputs()).extracting(Provenance.Input::path).contains("data/x.csv");
        SynthesisResult r = Synthesizer.run(p.synthesis());
        Finding f = finding(r, "S4", "e1", "inference_latency");
        // lower is better: RI = (baseline - treated) / baseline * 100
        double[] ri = {(10.0 - 9.0) / 10.0 * 100.0, (0.001 - 1.5) / 0.001 * 100.0, (8.0 - 7.0) / 8.0 * 100.0};
        assertStatistics(f, SummaryStatistics.ofSamples(ri, QuantileMethod.NEAREST));
    }

    @Test
    void measurementFileWithTextInANumberColumn() {
        write("data/x.csv", "baseline,treated\n10.0,9.0\n8.0,n/a\n");
        int line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: data/x.csv");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements");
        assertThat(e.getMessage()).contains("data/x.csv").contains("data row 2").contains("treated");
    }

    @Test
    void measurementFileWithoutTheTreatedColumn() {
        write("data/x.csv", "baseline,quantized\n10.0,9.0\n");
        int line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: data/x.csv");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements");
        assertThat(e.getMessage()).contains("data/x.csv").contains("treated");
    }

    @Test
    void measurementsGivenAsANumber() {
        int line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: 42");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements");
        assertThat(e.getMessage()).contains("file path");
    }

    @Test
    void measurementsLongFormWithAnUnknownField() {
        write("data/x.csv", "baseline,treated\n10.0,9.0\n");
        int line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}",
                "measurements: {file: data/x.csv, efect: inference_latency}");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements.efect");
        assertThat(e.getMessage()).contains("unknown field 'efect'").contains("effect, evidence, file");
    }

    // ------------------------------------------------------------------ raw measurements, happy path

    @Test
    void rawMeasurementsInCsvAndParquetGiveTheStatisticsOfTheirRelativeImprovements() throws Exception {
        // S4 e1: latency (lower is better) from a CSV; S4 e2: latency from Parquet with effect and
        // evidence columns, filtered to its rows
        String latency = "baseline,treated\n100.0,20.0\n110.0,18.5\n95.0,21.0\n105.0,19.0\n98.0,17.5\n";
        write("data/s4-e1.csv", latency);
        String several = "evidence,effect,baseline,treated\n"
                + "e2,inference_latency,100.0,22.0\n"
                + "e2,inference_latency,90.0,20.0\n"
                + "e2,inference_latency,120.0,24.0\n"
                + "e2,inference_latency,80.0,19.0\n";
        write("data/s4.csv", several);
        Path parquet = dir.resolve("data/s4.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + dir.resolve("data/s4.csv").toAbsolutePath()
                    + "', header = true, columns = {'evidence': 'VARCHAR', 'effect': 'VARCHAR', "
                    + "'baseline': 'DOUBLE', 'treated': 'DOUBLE'})) TO '" + parquet.toAbsolutePath()
                    + "' (FORMAT parquet)");
        }
        Files.delete(dir.resolve("data/s4.csv"));
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: data/s4-e1.csv");
        mutate("studies/S4.yaml", "summary: {mean: 78.951, iqr: 0.0}", "measurements: data/s4.parquet");

        Project p = load();
        SynthesisResult r = Synthesizer.run(p.synthesis());

        double[] e1 = {ri(100.0, 20.0), ri(110.0, 18.5), ri(95.0, 21.0), ri(105.0, 19.0), ri(98.0, 17.5)};
        Finding f1 = finding(r, "S4", "e1", "inference_latency");
        assertStatistics(f1, SummaryStatistics.ofSamples(e1, QuantileMethod.NEAREST));
        assertThat(f1.source()).isEqualTo("data/s4-e1.csv");

        double[] e2 = {ri(100.0, 22.0), ri(90.0, 20.0), ri(120.0, 24.0), ri(80.0, 19.0)};
        Finding f2 = finding(r, "S4", "e2", "inference_latency");
        assertStatistics(f2, SummaryStatistics.ofSamples(e2, QuantileMethod.NEAREST));
        assertThat(f2.source()).isEqualTo("data/s4.parquet");

        // a hand check of one value, independent of ofSamples: mean of the e1 RIs
        double mean = (80.0 + (110.0 - 18.5) / 110.0 * 100 + (95.0 - 21.0) / 95.0 * 100
                + (105.0 - 19.0) / 105.0 * 100 + (98.0 - 17.5) / 98.0 * 100) / 5;
        assertThat(f1.statistics().orElseThrow().mean()).isCloseTo(mean, within(1e-9));

        assertThat(p.inputs()).contains(
                new Provenance.Input("data/s4-e1.csv", sha256(dir.resolve("data/s4-e1.csv")),
                        Files.size(dir.resolve("data/s4-e1.csv"))),
                new Provenance.Input("data/s4.parquet", sha256(parquet), Files.size(parquet)));
        assertThat(p.inputs()).extracting(Provenance.Input::path).doesNotHaveDuplicates();
    }

    @Test
    void linearQuantilesPolicyReachesTheMeasurementReader() {
        write("data/x.csv", "baseline,treated\n100.0,20.0\n110.0,18.5\n95.0,21.0\n105.0,19.0\n98.0,17.5\n90,30\n");
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: data/x.csv");
        mutate("synthesis.yaml", "quantiles: nearest", "quantiles: linear");
        SynthesisResult r = Synthesizer.run(load().synthesis());
        double[] ri = {ri(100.0, 20.0), ri(110.0, 18.5), ri(95.0, 21.0), ri(105.0, 19.0), ri(98.0, 17.5), ri(90, 30)};
        assertStatistics(finding(r, "S4", "e1", "inference_latency"),
                SummaryStatistics.ofSamples(ri, QuantileMethod.LINEAR));
    }

    @Test
    void inputsHaveTheirSha256() throws Exception {
        Project p = load();
        for (String f : List.of("synthesis.yaml", "checklist.yaml", "studies/S1.yaml", "studies/S6.yaml")) {
            Path file = dir.resolve(f);
            assertThat(p.inputs()).contains(new Provenance.Input(f, sha256(file), Files.size(file)));
        }
    }

    /** RI of a lower-is-better metric, in percent. */
    private static double ri(double baseline, double treated) {
        return (baseline - treated) / baseline * 100.0;
    }

    private static Finding finding(SynthesisResult r, String study, String evidence, String effect) {
        return r.findings().stream()
                .filter(f -> f.study().equals(study) && f.evidence().equals(evidence) && f.effect().equals(effect))
                .findFirst().orElseThrow();
    }

    private static void assertStatistics(Finding f, SummaryStatistics expected) {
        SummaryStatistics s = f.statistics().orElseThrow();
        assertThat(s.n()).isEqualTo(expected.n());
        assertThat(s.mean()).isCloseTo(expected.mean(), within(1e-9));
        assertThat(s.std().getAsDouble()).isCloseTo(expected.std().getAsDouble(), within(1e-9));
        assertThat(s.q1().getAsDouble()).isCloseTo(expected.q1().getAsDouble(), within(1e-9));
        assertThat(s.q3().getAsDouble()).isCloseTo(expected.q3().getAsDouble(), within(1e-9));
        assertThat(s.iqr()).isCloseTo(expected.iqr(), within(1e-9));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    // ------------------------------------------------------------------ silent-data traps (issue 9)

    /** S4 e1 reads energy and latency from one file with an effect column. */
    private void twoEffectsFromOneFile(String csv) {
        write("data/s4.csv", csv);
        mutate("studies/S4.yaml", "summary: {mean: 52.086, iqr: 0.0}", "measurements: data/s4.csv");
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: data/s4.csv");
    }

    @Test
    void aMisspelledEffectColumnIsAnErrorNotAPool() {
        // the header says 'effects': read as a file without an effect column, both effects' rows were pooled
        twoEffectsFromOneFile("effects,baseline,treated\ninference_latency,10,2\ninference_energy_consumption,5,2\n");
        InputException e = loadFails();
        assertThat(e.getMessage()).contains("data/s4.csv").contains("column 'effects'").contains("not used")
                .contains("did you mean 'effect'?").contains("expected columns: baseline, treated");
    }

    @Test
    void anExtraColumnIsAnErrorUnlessDeclaredIgnored() {
        String csv = "effect,baseline,treated,notes\ninference_latency,10,2,x\ninference_energy_consumption,5,2,y\n";
        twoEffectsFromOneFile(csv);
        assertThat(loadFails().getMessage()).contains("column 'notes'").contains("not used")
                .contains("list columns the synthesis does not use under 'ignore'");
        copyCaseAgain();
        write("data/s4.csv", csv);
        mutate("studies/S4.yaml", "summary: {mean: 52.086, iqr: 0.0}",
                "measurements: {file: data/s4.csv, ignore: [notes]}");
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}",
                "measurements: {file: data/s4.csv, ignore: [notes]}");
        Finding f = finding(Synthesizer.run(load().synthesis()), "S4", "e1", "inference_latency");
        assertThat(f.statistics().orElseThrow().mean()).isCloseTo(80.0, within(1e-12));
    }

    @Test
    void aFileWithoutAnEffectColumnCannotServeTwoEffects() {
        twoEffectsFromOneFile("baseline,treated\n10,2\n5,2\n");
        InputException e = loadFails();
        assertThat(e.getMessage()).contains("data/s4.csv").contains("column 'effect'").contains("pooled")
                .contains("'inference_energy_consumption', 'inference_latency'");
    }

    @Test
    void aMisspelledOrRecasedEffectValueIsNamedWithItsRow() {
        twoEffectsFromOneFile("effect,baseline,treated\ninference_latency,10,2\ninference_energy_consumption,5,2\n"
                + "Inference_latency,10,3\n");
        InputException e = loadFails();
        assertThat(e.getMessage()).contains("data/s4.csv: data row 3, column 'effect'")
                .contains("'Inference_latency' is not an effect any finding reads")
                .contains("did you mean 'inference_latency'?");
        copyCaseAgain();
        twoEffectsFromOneFile("effect,baseline,treated\ninference_latency,10,2\ninference_energy_consumption,5,2\n"
                + "inference_latncy,10,3\n");
        assertThat(loadFails().getMessage()).contains("data row 3, column 'effect'")
                .contains("did you mean 'inference_latency'?");
    }

    @Test
    void rowsOfAnEvidenceModelThatDoesNotReadThatEffectAreUnused() {
        write("data/s4.csv", "evidence,effect,baseline,treated\ne1,inference_latency,10,2\ne2,inference_latency,10,3\n");
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "measurements: data/s4.csv");
        InputException e = loadFails();
        assertThat(e.getMessage()).contains("data/s4.csv: data row 2, column 'evidence'")
                .contains("'e2' is not an evidence model any finding reads");
    }

    @Test
    void columnsAreMappedFromTheProjectFile() {
        write("data/s4.csv", "metric,config,fp32,int8\ninference_latency,e1,10,2\ninference_latency,e1,20,5\n");
        String m = "measurements: {file: data/s4.csv, columns: {baseline: fp32, treated: int8, effect: metric,"
                + " evidence: config}}";
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", m);
        Finding f = finding(Synthesizer.run(load().synthesis()), "S4", "e1", "inference_latency");
        assertThat(f.statistics().orElseThrow().mean()).isCloseTo(77.5, within(1e-12));
        // a role that does not exist
        copyCaseAgain();
        write("data/s4.csv", "fp32,int8\n10,2\n");
        int line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}",
                "measurements: {file: data/s4.csv, columns: {baseline: fp32, treatd: int8}}");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements.columns.treatd");
        assertThat(e.getMessage()).contains("did you mean 'treated'?");
    }

    @Test
    void aSummaryWithOnlyAStandardDeviationIsAccepted() {
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "summary: {mean: 81.921, std: 4.0, n: 5}");
        Finding f = finding(Synthesizer.run(load().synthesis()), "S4", "e1", "inference_latency");
        assertThat(f.statistics().orElseThrow().iqr()).isCloseTo(4.0 * 1.3489795003921634, within(1e-12));
        assertThat(f.derivation().orElseThrow().notes()).anyMatch(n -> n.contains("IQR = 1.349 × SD"));
        copyCaseAgain();
        int line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", "summary: {mean: 81.921}");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.summary.iqr");
        assertThat(e.getMessage()).contains("give the spread as iqr");
    }

    private void copyCaseAgain() {
        try {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            copyCase();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void twoIndependentGroupsFromAWideFile() {
        // latency, lower is better: baseline 50, 60, 70 (mean 60, SD 10); treated 40, 50 (mean 45, SD √50)
        // RI = 25; sd_RI = 100 × √(100 + 50) / 60 = 20.4124; IQR_RI = 1.349 × 20.4124 = 27.5359
        write("data/groups.csv", "baseline,treated\n50,40\n60,50\n70,\n");
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}",
                "measurements: {file: data/groups.csv, design: groups}");
        Finding f = finding(Synthesizer.run(load().synthesis()), "S4", "e1", "inference_latency");
        assertThat(f.statistics().orElseThrow().mean()).isCloseTo(25.0, within(1e-12));
        assertThat(f.statistics().orElseThrow().iqr()).isCloseTo(27.535929, within(1e-6));
        assertThat(f.derivation().orElseThrow().design()).isEqualTo("groups");
        assertThat(f.source()).isEqualTo("data/groups.csv");
        copyCaseAgain();
        write("data/groups.csv", "baseline,treated\n50,40\n6O,50\n70,\n");
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}",
                "measurements: {file: data/groups.csv, design: groups}");
        assertThat(loadFails().getMessage()).contains("data/groups.csv: data row 2, column 'baseline': '6O' is not a"
                + " number");
    }

    private static final String LONG_REF = "measurements: {file: data/subjects.csv, design: groups, form: long,"
            + " levels: {baseline: fp32, treated: int8}, columns: {group: arm, value: ms}}";

    @Test
    void twoIndependentGroupsFromALongFileGiveTheWideFormsNumbers() {
        // the wide file above, one row per run: baseline 50, 60, 70; treated 40, 50 (rows interleaved)
        write("data/subjects.csv", "arm,ms\nfp32,50\nint8,40\nfp32,60\nint8,50\nfp32,70\n");
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", LONG_REF);
        Finding f = finding(Synthesizer.run(load().synthesis()), "S4", "e1", "inference_latency");
        assertThat(f.statistics().orElseThrow().mean()).isCloseTo(25.0, within(1e-12));
        assertThat(f.statistics().orElseThrow().iqr()).isCloseTo(27.535929, within(1e-6));
        assertThat(f.derivation().orElseThrow().design()).isEqualTo("groups");
        assertThat(f.source()).isEqualTo("data/subjects.csv");
    }

    @Test
    void aLongFileRowOfNeitherGroupIsNamedWithItsNearMiss() {
        write("data/subjects.csv", "arm,ms\nfp32,50\nint8,40\nfp32,60\nInt8,50\nfp32,70\n");
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", LONG_REF);
        assertThat(loadFails().getMessage()).contains("data/subjects.csv: data row 4, column 'arm': 'Int8' is"
                + " neither group (did you mean 'int8'?)");
    }

    @Test
    void aLongFileRowWithoutAValueOrWithAnUnmappedColumnIsRefused() {
        write("data/subjects.csv", "arm,ms\nfp32,50\nint8,40\nfp32,\nint8,50\nfp32,70\n");
        mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", LONG_REF);
        assertThat(loadFails().getMessage()).contains("data row 3, column 'ms': the value is empty");
        write("data/subjects.csv", "arm,ms,subject\nfp32,50,a\nint8,40,b\nfp32,60,c\nint8,50,d\n");
        assertThat(loadFails().getMessage()).contains("column 'subject': the column is not used");
    }

    @Test
    void theLongFormNeedsItsLevelsAndItsOwnRoles() {
        write("data/subjects.csv", "arm,ms\nfp32,50\nint8,40\nfp32,60\nint8,50\n");
        int line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}",
                "measurements: {file: data/subjects.csv, design: groups, form: long, columns: {group: arm, value: ms}}");
        InputException e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements.levels");
        assertThat(e.getMessage()).contains("levels: {baseline: solo, treated: pairs}");
        copyCaseAgain();
        write("data/subjects.csv", "arm,ms\nfp32,50\nint8,40\nfp32,60\nint8,50\n");
        line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", LONG_REF.replace("group: arm",
                "baseline: arm"));
        e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements.columns.baseline");
        assertThat(e.getMessage()).contains("not a column role of the long form");
        copyCaseAgain();
        write("data/subjects.csv", "arm,ms\nfp32,50\nint8,40\nfp32,60\nint8,50\n");
        line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}", LONG_REF.replace("treated: int8",
                "treatd: int8"));
        e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements.levels.treatd");
        assertThat(e.getMessage()).contains("did you mean 'treated'?");
        copyCaseAgain();
        line = mutate("studies/S4.yaml", "summary: {mean: 81.921, iqr: 0.0}",
                "measurements: {file: data/groups.csv, form: long}");
        write("data/groups.csv", "baseline,treated\n50,40\n60,50\n");
        e = loadFails();
        assertWhere(e, "studies/S4.yaml", line, "evidence[0].effects.inference_latency.measurements.form");
        assertThat(e.getMessage()).contains("design: groups only");
    }
}
