package org.ssmworkbench.io.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.io.InputException;

/**
 * Every kind of malformed package, one mutation of a shipped case at a time: the import refuses it with
 * a message naming the file, the line (checked against the mutated text) and the record, never by
 * dropping the record silently.
 */
class MqErrorTest {

    static final String S16 = "deputterPOQThereParetoOptimal2025/effects_by_precision.json";
    static final String S1 = "ajiCompressingNeuralMachine2020/effects_by_precision.json";

    @TempDir
    Path tmp;

    private Path extended() throws IOException {
        return Cases.copy(Cases.require(Cases.EXTENDED), tmp.resolve("ext"));
    }

    private Path small() throws IOException {
        return Cases.copy(Cases.require(Cases.SMALL), tmp.resolve("small"));
    }

    /** Replaces the first occurrence of {@code from} and returns its 1-based line. */
    static int mutate(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int at = text.indexOf(from);
        assertThat(at).as("'" + from + "' in " + file).isGreaterThanOrEqualTo(0);
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()), StandardCharsets.UTF_8);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static InputException refused(Path src) {
        InputException e = catchThrowableOfType(InputException.class,
                () -> MqImporter.importPackage(src, MqImporter.Options.defaults(), "src", "test"));
        assertThat(e).as("the import must refuse this package").isNotNull();
        return e;
    }

    static void names(InputException e, Path file, int line) {
        assertThat(e.file().toAbsolutePath().normalize()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.getMessage()).contains(file.getFileName().toString() + ":" + line + ": ");
    }

    @Test
    void badJson() throws IOException {
        Path src = extended();
        int line = mutate(src.resolve(S16), "\"belief\": 0.334,", "\"belief\": 0.334,,");
        InputException e = refused(src);
        names(e, src.resolve(S16), line);
        assertThat(e.getMessage()).contains("malformed JSON");
    }

    @Test
    void badJson_layout1() throws IOException {
        Path src = small();
        Path f = src.resolve("geensEnergyCostModelling2024/effects.json");
        int line = mutate(f, "\"improvement\": 52.086,", "\"improvement: 52.086,");
        InputException e = refused(src);
        assertThat(e.file().getFileName().toString()).isEqualTo("effects.json");
        assertThat(e.line()).isBetween(line, line + 1);
        assertThat(e.getMessage()).contains("geensEnergyCostModelling2024").contains("malformed JSON");
    }

    @Test
    void duplicateKeyIsMalformed() throws IOException {
        Path src = extended();
        int line = mutate(src.resolve(S1), "\"std\": 7.052,", "\"std\": 7.052, \"std\": 7.0,");
        InputException e = refused(src);
        names(e, src.resolve(S1), line);
        assertThat(e.getMessage()).contains("Duplicate field 'std'");
    }

    @Test
    void unknownIntensityLabel() throws IOException {
        Path src = extended();
        int line = mutate(src.resolve(S1), "\"intensity\": \"weakly negative\"", "\"intensity\": \"slightly negative\"");
        InputException e = refused(src);
        names(e, src.resolve(S1), line);
        assertThat(e.field()).isEqualTo("[1].bleu.intensity");
        assertThat(e.getMessage()).contains("record 1 (ptq-retrain w-log2)").contains("unknown intensity label")
                .contains("'slightly negative'");
    }

    @Test
    void massOutsideTheUnitInterval() throws IOException {
        Path src = extended();
        int line = mutate(src.resolve(S1), "\"belief\": 0.327", "\"belief\": 1.327");
        InputException e = refused(src);
        names(e, src.resolve(S1), line);
        assertThat(e.field()).isEqualTo("[0].bleu.belief");
        assertThat(e.getMessage()).contains("record 0 (ptq-retrain w-log1)").contains("mass 1.327 is outside [0, 1]");
    }

    @Test
    void massOutsideTheUnitInterval_layout1() throws IOException {
        Path src = small();
        Path f = src.resolve("geensEnergyCostModelling2024/effects.json");
        int line = mutate(f, "\"belief\": 0.185", "\"belief\": -0.185");
        InputException e = refused(src);
        names(e, f, line);
        assertThat(e.getMessage()).contains("record \"w-int1, a-fp32\"").contains("mass -0.185 is outside [0, 1]");
    }

    @Test
    void aMassThatIsNoNumber() throws IOException {
        Path src = extended();
        int line = mutate(src.resolve(S1), "\"belief\": 0.327", "\"belief\": \"0.327\"");
        InputException e = refused(src);
        names(e, src.resolve(S1), line);
        assertThat(e.getMessage()).contains("record 0").contains("expected a number in [0, 1]");
    }

    @Test
    void missingStudyBelief() throws IOException {
        Path src = extended();
        int line = mutate(src.resolve("studies.json"), ", \"study_belief\": 0.3804154166666667", "");
        InputException e = refused(src);
        names(e, src.resolve("studies.json"), line);
        assertThat(e.getMessage()).contains("study S5 (vasquezActivationDensityBased2021): missing study belief");
    }

    @Test
    void missingStudyBelief_layout1() throws IOException {
        Path src = small();
        mutate(src.resolve("README.md"), "| S4 | geensEnergyCostModelling2024 |", "| S4 | geensEnergyCostModelling2024-old |");
        InputException e = refused(src);
        assertThat(e.file().getFileName().toString()).isEqualTo("README.md");
        assertThat(e.getMessage()).contains("study S4 (geensEnergyCostModelling2024): missing study belief");
    }

    @Test
    void studyBeliefOutsideTheUnitInterval() throws IOException {
        Path src = extended();
        int line = mutate(src.resolve("studies.json"), "0.3804154166666667", "1.38");
        InputException e = refused(src);
        names(e, src.resolve("studies.json"), line);
        assertThat(e.getMessage()).contains("study S5: study belief 1.38 is outside [0, 1]");
    }

    @Test
    void orderFileNamingAnUnknownEvidenceModel() throws IOException {
        Path src = extended();
        Path f = src.resolve(OrderFile.NAME);
        int line = mutate(f, "(q4.4 evidence)", "(q9.9 evidence)");
        InputException e = refused(src);
        names(e, f, line);
        assertThat(e.getMessage()).contains("study S4 has no evidence model matching 'q9.9'")
                .contains("ptq a-q4.4");
    }

    @Test
    void orderFileNamingAnUnknownStudy() throws IOException {
        Path src = extended();
        Path f = src.resolve(OrderFile.NAME);
        int line = mutate(f, "Evidence based on the paper \"Edge AI-Powered System", "Evidence based on the paper"
                + " \"Cloud AI-Powered System");
        InputException e = refused(src);
        names(e, f, line);
        assertThat(e.getMessage()).contains("no study in studies.json has the title \"Cloud AI-Powered System");
    }

    @Test
    void orderFileNamingAnEvidenceModelTwice() throws IOException {
        Path src = extended();
        Path f = src.resolve(OrderFile.NAME);
        int line = mutate(f, "(q4.4 evidence)", "(q8.4 evidence)");
        InputException e = refused(src);
        names(e, f, line);
        assertThat(e.getMessage()).contains("names the same evidence model as line 5 (S4 ptq a-q8.4)");
    }

    @Test
    void orderFileWithoutAnEvidenceModel() throws IOException {
        Path src = extended();
        Path f = src.resolve(OrderFile.NAME);
        mutate(f, "Evidence based on the paper \"Edge AI-Powered System Architecture for Aloe Vera Plant Disease"
                + " Detection\"", "");
        InputException e = refused(src);
        assertThat(e.file().getFileName().toString()).isEqualTo(OrderFile.NAME);
        assertThat(e.getMessage()).contains("evidence model S19 record 0 (ptq w-int8, a-fp32,"
                + " koliEdgeAIPoweredSystem2025) is not in the combination order");
    }

    @Test
    void orderFileLineThatIsNoLabel() throws IOException {
        Path src = extended();
        Path f = src.resolve(OrderFile.NAME);
        int line = mutate(f, "Evidence based on the paper \"Edge AI", "Evidence about \"Edge AI");
        InputException e = refused(src);
        names(e, f, line);
        assertThat(e.getMessage()).contains("not an evidence label");
    }

    @Test
    void unknownLayout() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("nothing").resolve("study1"));
        Files.writeString(src.resolve("results.csv"), "a,b\n1,2\n");
        InputException e = refused(src.getParent());
        assertThat(e.getMessage()).contains("not a replication-package layout this importer knows")
                .contains("effects.json").contains("effects_by_precision.json");
        assertThat(refused(tmp.resolve("missing")).getMessage()).contains("no such folder");
    }

    @Test
    void mixedLayouts() throws IOException {
        Path src = extended();
        Files.createDirectories(src.resolve("extra"));
        Files.writeString(src.resolve("extra/effects.json"), "{}");
        assertThat(refused(src).getMessage()).contains("mixes layouts");
    }

    @Test
    void aStudyFolderNotListed() throws IOException {
        Path src = extended();
        Cases.copy(src.resolve("koliEdgeAIPoweredSystem2025"), src.resolve("koliCopy2025"));
        InputException e = refused(src);
        assertThat(e.getMessage()).contains("koliCopy2025").contains("not listed in studies.json");
    }

    @Test
    void anUnknownFieldInStudiesJson() throws IOException {
        Path src = extended();
        int line = mutate(src.resolve("studies.json"), "\"study_belief\": 0.3804154166666667",
                "\"study_belief\": 0.3804154166666667, \"weight\": 2");
        InputException e = refused(src);
        names(e, src.resolve("studies.json"), line);
        assertThat(e.getMessage()).contains("unknown field 'weight'");
    }

    @Test
    void aRecordWithoutItsConfiguration() throws IOException {
        Path src = extended();
        int line = mutate(src.resolve(S1), "\"precision_configuration\": \"w-log2\",", "");
        InputException e = refused(src);
        assertThat(e.line()).isEqualTo(line - 2); // the record's opening brace
        assertThat(e.getMessage()).contains("[1]: missing: precision_configuration");
    }

    @Test
    void aNonMetricFieldInARecord() throws IOException {
        Path src = extended();
        int line = mutate(src.resolve(S1), "\"precision_configuration\": \"w-log2\",",
                "\"precision_configuration\": \"w-log2\", \"n\": 5,");
        InputException e = refused(src);
        names(e, src.resolve(S1), line);
        assertThat(e.getMessage()).contains("record 1 (ptq-retrain w-log2): 'n' is neither a known field nor a metric");
    }

    @Test
    void aListWhereASingleValueBelongs() throws IOException {
        Path src = extended();
        int line = mutate(src.resolve(S1), "\"std\": 7.052,", "\"std\": [7.052],");
        InputException e = refused(src);
        names(e, src.resolve(S1), line);
        assertThat(e.getMessage()).contains("record 0 (ptq-retrain w-log1): expected a single value");
    }

    @Test
    void aQuestionnaireItemTickedTwice() throws IOException {
        Path src = small();
        Path q = src.resolve("paulEnergyEfficientRespiratoryAnomaly2022/systematic-studies-quality-evaluation.md");
        int line = mutate(q, "[ ] Yes", "[X] Yes");
        InputException e = refused(src);
        names(e, q, line - 2); // the item's line
        assertThat(e.getMessage()).contains("item 1.1: 2 boxes are ticked");
    }

    @Test
    void aStudyTypeWithoutBand() throws IOException {
        Path src = extended();
        Path f = src.resolve("ajiCompressingNeuralMachine2020/metadata.json");
        int line = mutate(f, "\"study_type\": \"controlled experiment\"", "\"study_type\": \"thought experiment\"");
        InputException e = refused(src);
        names(e, f, line);
        assertThat(e.getMessage()).contains("study type 'thought experiment' names no quality band");
    }

    @Test
    void aMissingMetadataFile() throws IOException {
        Path src = extended();
        Files.delete(src.resolve("ajiCompressingNeuralMachine2020/metadata.json"));
        assertThat(refused(src).getMessage()).contains("metadata.json").contains("no such file");
    }

    /** The project's `order` is checked by the loader: an unknown evidence model, one twice, one missing. */
    @Test
    void theProjectOrderIsChecked() throws IOException {
        Path dir = tmp.resolve("p");
        Cases.importTo(Cases.require(Cases.EXTENDED), dir);
        Path syn = dir.resolve("synthesis.yaml");
        String original = Files.readString(syn);

        int line = mutate(syn, "  - S6/e13\n", "  - S6/e99\n");
        InputException e = catchThrowableOfType(InputException.class, () -> Cases.load(dir));
        names(e, syn, line);
        assertThat(e.getMessage()).contains("order[1]: 'S6/e99': study S6 has no evidence model 'e99'");

        Files.writeString(syn, original);
        line = mutate(syn, "  - S6/e13\n", "  - S1/e1\n");
        e = catchThrowableOfType(InputException.class, () -> Cases.load(dir));
        names(e, syn, line);
        assertThat(e.getMessage()).contains("'S1/e1' is listed twice (first as entry 1)");

        Files.writeString(syn, original);
        mutate(syn, "  - S6/e13\n", "");
        e = catchThrowableOfType(InputException.class, () -> Cases.load(dir));
        assertThat(e.getMessage()).contains("evidence model S6/e13 is missing");

        Files.writeString(syn, original);
        line = mutate(syn, "  - S6/e13\n", "  - S66/e13\n");
        e = catchThrowableOfType(InputException.class, () -> Cases.load(dir));
        names(e, syn, line);
        assertThat(e.getMessage()).contains("study 'S66' is not listed");
    }
}
