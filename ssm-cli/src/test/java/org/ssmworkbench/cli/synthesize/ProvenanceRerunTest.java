package org.ssmworkbench.cli.synthesize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssmworkbench.cli.CliRun;
import org.ssmworkbench.io.Sha256;

/**
 * A results.json says what it was computed from: re-running the synthesis from its provenance (the
 * input files it names, checked against their hashes and sizes, and the policies it records) gives
 * the same results, byte for byte.
 */
class ProvenanceRerunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"'', '', ''", "yager, santos, equitable-split", "murphy, ef, undiscounted-unsplit"})
    void rerunningFromTheProvenanceOfResultsJsonGivesTheSameResults(String rule, String selector, String assignment)
            throws Exception {
        Path dir = CliRun.copyCase(tmp.resolve("case"));
        List<String> first = new ArrayList<>(List.of("synthesize", dir.toString(), "--out", tmp.resolve("a").toString(),
                "-q"));
        if (!rule.isEmpty()) {
            first.addAll(List.of("--rule", rule, "--selector", selector, "--assignment", assignment));
        }
        assertThat(CliRun.of(first.toArray(String[]::new)).code()).isZero();
        byte[] results = Files.readAllBytes(tmp.resolve("a/results.json"));
        JsonNode json = JSON.readTree(results);

        // every input named, with the hash and size of the file as it is now
        JsonNode inputs = json.get("provenance").get("inputs");
        assertThat(inputs).hasSize(8);
        for (JsonNode in : inputs) {
            Path f = dir.resolve(in.get("path").asText());
            assertThat(f).as(in.get("path").asText()).isRegularFile();
            assertThat(Sha256.hex(f)).as(in.get("path").asText()).isEqualTo(in.get("sha256").asText());
            assertThat(Files.size(f)).isEqualTo(in.get("bytes").asLong());
        }

        // the policies as recorded, given explicitly, in a fresh copy
        JsonNode pol = json.get("policies");
        Path again = CliRun.copyCase(tmp.resolve("again"));
        CliRun rerun = CliRun.of("synthesize", again.toString(), "--out", tmp.resolve("b").toString(), "-q",
                "--rule", pol.get("rule").asText(), "--selector", pol.get("selector").asText(),
                "--assignment", pol.get("assignment").asText());
        assertThat(rerun.code()).as(rerun.err()).isZero();
        assertThat(tmp.resolve("b/results.json")).hasBinaryContent(results);
        if (!rule.isEmpty()) {
            assertThat(pol.get("rule").asText()).isEqualTo(rule);
            assertThat(pol.get("selector").asText()).isEqualTo(selector);
            assertThat(pol.get("assignment").asText()).isEqualTo(assignment);
        }
    }
}
