package org.ssmworkbench.io.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssmworkbench.core.sensitivity.SensitivityAnalysis;
import org.ssmworkbench.core.sensitivity.SensitivityResult;
import org.ssmworkbench.core.sensitivity.Variant;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.io.measurements.MeasurementReader;

/**
 * Sensitivity of the 21-study extended case (examples/quantization-extended, imported directly):
 * the mass-assignment variants apply to its direct findings. Accuracy is the replication package's
 * published example: {WN,IF} 99 % under the published masses, IF 83 % under the mass-preserving
 * split and IF 76 % under the equitable split.
 */
class ExtendedSensitivityTest {

    static SensitivityResult result;

    @BeforeAll
    static void run() {
        Project p = new ProjectLoader(MeasurementReader::summarizeOne).load(Path.of("..", "examples",
                "quantization-extended"));
        result = SensitivityAnalysis.run(p.synthesis(), p.sensitivity());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            accuracy       | published             | WN,IF | 99
            accuracy       | undiscounted-unsplit  | IF    | 99
            accuracy       | mass-preserving-split | IF    | 83
            accuracy       | equitable-split       | IF    | 76
            f1_score       | mass-preserving-split | IF    | 74
            ram_usage      | undiscounted-unsplit  | PO    | 74
            inference_latency | equitable-split    | SP    | 91
            """)
    void assignmentVariantsApplyToDirectFindings(String effect, String assignment, String hypothesis, int percent) {
        Variant v = result.effect(effect).orElseThrow().variants().stream()
                .filter(x -> x.name().equals("assignment=" + assignment)).findFirst().orElseThrow();
        assertThat(v.status()).isEqualTo(Variant.Status.COMPUTED);
        assertThat(SsmScale.FRAME.format(v.hypothesis().orElseThrow())).isEqualTo(hypothesis);
        assertThat(v.belief() * 100).isCloseTo(percent, within(0.5));
        assertThat(v.findings()).isEqualTo(result.effect(effect).orElseThrow().base().findings().size());
    }
}
