package org.ssmworkbench.io.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectLoader;

/**
 * results.json of a large synthesis writes its "findings" array on a second thread and splices it in:
 * the bytes must be those of writing it in one pass.
 */
class ResultsJsonSplitTest {

    @ParameterizedTest
    @ValueSource(strings = {"quantization", "quantization-extended"})
    void theFindingsWrittenApartGiveTheSameBytes(String example) throws IOException {
        Project project = new ProjectLoader(MeasurementReader::summarizeOne).load(Path.of("..", "examples", example));
        SynthesisResult r = Synthesizer.run(project.synthesis());
        Provenance prov = project.provenance("test").withPolicies(r.synthesis().policies());

        byte[] inOnePass = write(project, r, prov, Integer.MAX_VALUE);
        byte[] split = write(project, r, prov, 0);

        assertThat(r.findings()).hasSizeGreaterThan(50);
        assertThat(new String(split, StandardCharsets.UTF_8)).isEqualTo(new String(inOnePass, StandardCharsets.UTF_8));
        assertThat(split).isEqualTo(inOnePass);
        // the byte[] form (used by the report) is the one-pass form for a project this small
        assertThat(ResultsJson.write(project, r, prov)).isEqualTo(inOnePass);
        assertThat(new String(inOnePass, StandardCharsets.UTF_8)).contains("\n  \"findings\" : [\n    {\n      \"study\" : ");
    }

    private static byte[] write(Project project, SynthesisResult r, Provenance prov, int splitFrom) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsJson.write(project, r, prov, out, splitFrom);
        return out.toByteArray();
    }
}
