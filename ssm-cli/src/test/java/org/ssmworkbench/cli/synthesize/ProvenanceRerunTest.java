package org.ssmworkbench.cli.synthesize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssmworkbench.cli.CliRun;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.Sha256;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectLoader;
import org.ssmworkbench.io.results.ProvenanceJson;
import org.ssmworkbench.io.results.ResultsJson;

/**
 * A results.json says what it was computed from: re-running the synthesis from its provenance alone
 * gives the same results, byte for byte. The re-run takes only the files the provenance names (copied
 * into an empty folder, each checked against its recorded SHA-256 and size), loads them, and runs them
 * with the policies read back from the file, not with the project's own.
 */
class ProvenanceRerunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"quantization, '', '', ''", "quantization, yager, santos, equitable-split",
            "quantization, murphy, ef, undiscounted-unsplit", "quantization-extended, '', '', ''",
            "pair-programming, disjunctive, santos, mass-preserving-split"})
    void rerunningFromTheProvenanceOfResultsJsonGivesTheSameResults(String example, String rule, String selector,
            String assignment) throws Exception {
        Path dir = CliRun.copy(Path.of("..", "examples", example), tmp.resolve("case"));
        List<String> first = new ArrayList<>(List.of("synthesize", dir.toString(), "--out", tmp.resolve("a").toString(),
                "-q"));
        if (!rule.isEmpty()) {
            first.addAll(List.of("--rule", rule, "--selector", selector, "--assignment", assignment));
        }
        CliRun run = CliRun.of(first.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        byte[] results = Files.readAllBytes(tmp.resolve("a/results.json"));
        Provenance recorded = ProvenanceJson.read(JSON.readTree(results));

        // only the files the provenance names, each as it was (hash and size), in a folder of its own
        Path again = tmp.resolve("again");
        for (Provenance.Input in : recorded.inputs()) {
            Path from = dir.resolve(in.path());
            assertThat(Sha256.hex(from)).as(in.path()).isEqualTo(in.sha256());
            assertThat(Files.size(from)).as(in.path()).isEqualTo(in.bytes());
            Path to = again.resolve(in.path());
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        }

        Project p = new ProjectLoader(MeasurementReader::summarizeOne).load(again);
        assertThat(p.inputs()).as("the re-run reads exactly the recorded inputs").isEqualTo(recorded.inputs());
        assertThat(p.zeroBaseline()).isEqualTo(recorded.zeroBaseline());
        var synthesis = p.synthesis().withPolicies(recorded.policies());
        SynthesisResult r = Synthesizer.run(synthesis);
        assertThat(r.synthesis().policies()).isEqualTo(recorded.policies());
        assertThat(ResultsJson.write(p.withSynthesis(synthesis), r, recorded)).isEqualTo(results);
        if (!rule.isEmpty()) {
            assertThat(recorded.policies().rule().id()).isEqualTo(rule);
            assertThat(recorded.policies().assignment().id()).isEqualTo(assignment);
        }
    }
}
