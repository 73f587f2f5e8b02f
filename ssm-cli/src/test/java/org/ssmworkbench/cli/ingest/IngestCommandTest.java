package org.ssmworkbench.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.cli.CliRun;

/** `ssm ingest` end to end on examples/energy-logs: logs → table → synthesis with the derivation in its provenance. */
class IngestCommandTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "energy-logs");

    @TempDir
    Path tmp;

    private Path copy() throws IOException {
        return CliRun.copy(EXAMPLE, tmp.resolve("energy-logs"));
    }

    @Test
    void theExampleIngestsToTheCommittedBytesAndItsDerivationReachesTheResults() throws IOException {
        Path dir = copy();
        Path table = dir.resolve("data/ingested/measurements.csv");
        Path record = dir.resolve("data/ingested/derivation.json");
        byte[] committedTable = Files.readAllBytes(table);
        byte[] committedRecord = Files.readAllBytes(record);
        CliRun r = CliRun.of("ingest", dir.resolve("ingest.yaml").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("cpu_energy (energibridge, PACKAGE_ENERGY (J) [J, EnergiBridge's documented"
                + " unit]: delta → J): 12 files, 10 runs, 5 pairs; left out: 1 not-done, 1 unpaired");
        assertThat(Files.readAllBytes(table)).isEqualTo(committedTable);
        assertThat(Files.readAllBytes(record)).isEqualTo(committedRecord);

        CliRun s = CliRun.of("synthesize", dir.toString());
        assertThat(s.code()).as(s.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        JsonNode d = results.at("/provenance/derivations/0");
        assertThat(d.get("table").asText()).isEqualTo("data/ingested/measurements.csv");
        assertThat(d.get("table_matches").asBoolean()).isTrue();
        assertThat(d.at("/derivation/inputs").size()).isEqualTo(26);
        assertThat(d.at("/derivation/sources/1/excluded/2/reason").asText()).isEqualTo("missing sample ([N/A])");
        assertThat(d.at("/derivation/sources/1/pairs").asInt()).isEqualTo(4);

        // a hand-edited table no longer matches its record, and the provenance says so
        Files.writeString(table, Files.readString(table).replace("688.954631", "688.95"));
        assertThat(CliRun.of("synthesize", dir.toString()).code()).isZero();
        JsonNode edited = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        assertThat(edited.at("/provenance/derivations/0/table_matches").asBoolean()).isFalse();
    }

    @Test
    void badInputExitsTwoNamingFileLineAndColumnAndWritesNothing() throws IOException {
        Path dir = copy();
        Path out = dir.resolve("data/ingested");
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Path log = dir.resolve("experiment/run_0_repetition_1/energibridge.csv");
        Files.writeString(log, Files.readString(log).replaceFirst("\n100,", "\n1OO,"));
        CliRun r = CliRun.of("ingest", dir.resolve("ingest.yaml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("experiment/run_0_repetition_1/energibridge.csv:3: Delta: '1OO' is not a number");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("data")).isEmptyDirectory();
    }
}
