package org.ssmworkbench.io.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.io.InputException;

/** The ingest spec: every error names the spec's line and field, and nothing is guessed. */
class IngestSpecTest {

    @TempDir
    Path dir;

    private static final String EB = "Delta,Time,PACKAGE_ENERGY (J)\n0,1000,5\n100,1100,%s\n";

    private static final String SOURCE = """
              - effect: energy
                tool: energibridge
                files: "logs/{variant}-{repetition}.csv"
                metric: PACKAGE_ENERGY (J)
            """;

    private Logs logs() {
        return new Logs(dir).file("logs/fp32-1.csv", EB.formatted(25)).file("logs/int8-1.csv", EB.formatted(15))
                .file("logs/int4-1.csv", EB.formatted(10));
    }

    @Test
    void unknownFieldsAndToolsAreLocatedWithADidYouMean() {
        assertThatThrownBy(() -> logs().run(Logs.spec(SOURCE + "    metrc: x\n")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("ingest.yaml:12: sources[0].metrc: unknown field 'metrc'; did you mean 'metric'?");
        assertThatThrownBy(() -> logs().run(Logs.spec(SOURCE.replace("tool: energibridge", "tool: energybridge"))))
                .hasMessageContaining("ingest.yaml:9: sources[0].tool: unknown tool 'energybridge'; did you mean"
                        + " 'energibridge'?");
        assertThatThrownBy(() -> logs().run(Logs.spec(SOURCE).replace("pair_by: [repetition]\n", "")))
                .hasMessageContaining("pair_by: missing: the attributes on which a treated run and its baseline run"
                        + " agree");
        assertThatThrownBy(() -> logs().run(Logs.spec(SOURCE).replace("format: 1", "format: 2")))
                .hasMessageContaining("ingest.yaml:1: format: this tool reads format 1, got 2");
        assertThatThrownBy(() -> logs().run(Logs.spec(SOURCE).replace("output: out", "output: ../elsewhere")))
                .hasMessageContaining("ingest.yaml:2: output: '../elsewhere' leaves the spec's folder");
    }

    @Test
    void levelsThatNoRunHasAreErrorsAndOtherLevelsAreRecorded() {
        assertThatThrownBy(() -> logs().run(Logs.spec(SOURCE).replace("baseline: fp32", "baseline: fp23")))
                .hasMessageContaining("ingest.yaml:4: baseline: no run of sources[0] has variant = 'fp23'; did you mean"
                        + " 'fp32'? (levels: fp32, int4, int8)");
        Ingest.Result r = logs().run(Logs.spec(SOURCE));
        assertThat(Logs.derivation(r).at("/sources/0/excluded/0/kind").asText()).isEqualTo("other-level");
        assertThat(Logs.derivation(r).at("/sources/0/excluded/0/reason").asText())
                .isEqualTo("variant = 'int4' is neither the baseline nor a treated level");
    }

    @Test
    void severalTreatedLevelsNeedTheFactorInTheEvidenceId() {
        String two = Logs.spec(SOURCE).replace("treated: int8", "treated: [int8, int4]");
        assertThatThrownBy(() -> logs().run(two.replace("pair_by:", "evidence: \"q\"\npair_by:")))
                .hasMessageContaining("evidence: with several treated levels the evidence id must contain {variant}");
        Ingest.Result r = logs().run(two);
        assertThat(Logs.table(r)).isEqualTo("effect,evidence,baseline,treated\nenergy,int4,20,5\nenergy,int8,20,10\n");
    }

    @Test
    void anAttributeThatVariesUndeclaredIsAnError() {
        Logs logs = logs().file("logs/fp32-1.csv", EB.formatted(25));
        String spec = Logs.spec(SOURCE.replace("logs/{variant}-{repetition}.csv", "{model}/{variant}-{repetition}.csv"));
        logs.file("llama/fp32-1.csv", EB.formatted(25)).file("llama/int8-1.csv", EB.formatted(15))
                .file("phi/fp32-1.csv", EB.formatted(25)).file("phi/int8-1.csv", EB.formatted(20));
        assertThatThrownBy(() -> logs.run(spec)).hasMessageContaining("sources[0]: attribute 'model' takes 3 values"
                + " (llama, logs, phi) but is neither the factor, nor in pair_by, nor in the evidence id");
        Ingest.Result r = logs.run(spec.replace("files: \"{model}", "files: \"{model}").replace("pair_by:",
                "evidence: \"{model}-{variant}\"\npair_by:"));
        assertThat(Logs.table(r)).isEqualTo("""
                effect,evidence,baseline,treated
                energy,llama-int8,20,10
                energy,logs-int8,20,10
                energy,phi-int8,20,15
                """);
    }

    @Test
    void aPatternThatMatchesNothingIsAnError() {
        assertThatThrownBy(() -> logs().run(Logs.spec(SOURCE.replace("logs/{variant}", "logs/x-{variant}"))))
                .hasMessageContaining("ingest.yaml:10: sources[0].files: no file matches 'logs/x-{variant}-{repetition}.csv'");
        assertThatThrownBy(() -> logs().run(Logs.spec(SOURCE.replace("logs/{variant}-{repetition}.csv", "logs/{variant.csv"))))
                .hasMessageContaining("sources[0].files: '{' at position 6 has no closing '}'");
    }
}
