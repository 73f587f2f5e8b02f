package org.ssmworkbench.io.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.io.InputException;

/**
 * EnergiBridge logs, written in the layout of tdurieux/EnergiBridge (README "Output Example" and
 * "Units of output metrics"; src/main.rs print_header/print_results): {@code Delta,Time,<columns in
 * name order>}, Delta in ms since the previous sample, Time in Unix ms, energy counters in cumulative J,
 * power in W.
 */
class EnergiBridgeTest {

    @TempDir
    Path dir;

    private static final String HEADER = "Delta,Time,CPU_USAGE_0,DRAM_ENERGY (J),PACKAGE_ENERGY (J),SYSTEM_POWER (Watts),USED_MEMORY\n";

    private static String log(double... packageJ) {
        StringBuilder sb = new StringBuilder(HEADER);
        long t = 1697704464320L;
        for (int i = 0; i < packageJ.length; i++) {
            sb.append(i == 0 ? 0 : 100).append(',').append(t + 100L * i).append(",12.5,").append(2.0 + i).append(',')
                    .append(packageJ[i]).append(',').append(10.0 + i).append(",1000\n");
        }
        return sb.toString();
    }

    private static final String SOURCE = """
              - effect: energy
                tool: energibridge
                files: "logs/{variant}-{repetition}.csv"
                metric: PACKAGE_ENERGY (J)
            """;

    @Test
    void countersAreLastMinusFirstAndPairedByRepetition() {
        Logs logs = new Logs(dir).file("logs/fp32-1.csv", log(100, 110, 121))
                .file("logs/int8-1.csv", log(50, 55, 58.5))
                .file("logs/fp32-2.csv", log(200, 220))
                .file("logs/int8-2.csv", log(10, 20));
        Ingest.Result r = logs.run(Logs.spec(SOURCE));
        assertThat(Logs.table(r)).isEqualTo("""
                effect,evidence,baseline,treated
                energy,int8,21,8.5
                energy,int8,20,10
                """);
        JsonNode d = Logs.derivation(r);
        assertThat(d.at("/sources/0/metric/aggregate").asText()).isEqualTo("delta");
        assertThat(d.at("/sources/0/metric/unit").asText()).isEqualTo("J");
        assertThat(d.at("/inputs").size()).isEqualTo(4);
        assertThat(d.at("/inputs/0/sha256").asText()).hasSize(64);
        assertThat(d.at("/sources/0/pairs/0/baseline/lines").asText()).isEqualTo("2-4");
    }

    @Test
    void powerIsIntegratedOverDeltaAndConvertedToTheDeclaredUnit() {
        // SYSTEM_POWER 10, 11, 12 W with Delta 0, 100, 100 ms: 0 + 1.1 + 1.2 = 2.3 J = 2300 mJ
        Logs logs = new Logs(dir).file("logs/fp32-1.csv", log(1, 2, 3)).file("logs/int8-1.csv", log(1, 2));
        Ingest.Result r = logs.run(Logs.spec("""
                  - effect: energy
                    tool: energibridge
                    files: "logs/{variant}-{repetition}.csv"
                    metric: SYSTEM_POWER (Watts)
                    unit: mJ
                """));
        assertThat(Logs.table(r)).isEqualTo("effect,evidence,baseline,treated\nenergy,int8,2300,1100\n");
        assertThat(Logs.derivation(r).at("/sources/0/metric/aggregate").asText()).isEqualTo("integral");
    }

    @Test
    void aWrappedCounterNeedsItsDeclaredRange() {
        Logs logs = new Logs(dir).file("logs/fp32-1.csv", log(65530, 65534, 2))
                .file("logs/int8-1.csv", log(10, 12));
        // without counter_wrap the decrease is a reset: the run is left out and its partner unpaired
        assertThatThrownBy(() -> logs.run(Logs.spec(SOURCE))).isInstanceOf(InputException.class)
                .hasMessageContaining("no pair of runs");
        Ingest.Result r = logs.run(Logs.spec(SOURCE + "    counter_wrap: 65536\n"));
        assertThat(Logs.table(r)).isEqualTo("effect,evidence,baseline,treated\nenergy,int8,8,2\n");
        assertThat(Logs.derivation(r).at("/sources/0/pairs/0/baseline/notes/0").asText())
                .isEqualTo("counter wrapped at line 4 (65534 → 2, +65536)");
    }

    @Test
    void aCounterResetIsARecordedExclusionOrAnError() {
        Logs logs = new Logs(dir).file("logs/fp32-1.csv", log(100, 110)).file("logs/int8-1.csv", log(50, 55))
                .file("logs/fp32-2.csv", log(100, 90, 95)).file("logs/int8-2.csv", log(50, 55));
        Ingest.Result r = logs.run(Logs.spec(SOURCE));
        assertThat(Logs.table(r)).isEqualTo("effect,evidence,baseline,treated\nenergy,int8,10,5\n");
        JsonNode ex = Logs.derivation(r).at("/sources/0/excluded");
        assertThat(ex.size()).isEqualTo(2);
        assertThat(ex.get(0).get("file").asText()).isEqualTo("logs/fp32-2.csv");
        assertThat(ex.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(ex.get(0).get("column").asText()).isEqualTo("PACKAGE_ENERGY (J)");
        assertThat(ex.get(0).get("reason").asText()).startsWith("the counter went down from 100 to 90");
        assertThat(ex.get(1).get("kind").asText()).isEqualTo("unpaired");
        assertThat(ex.get(1).get("reason").asText()).contains("its partner logs/fp32-2.csv was left out");
        assertThatThrownBy(() -> logs.run(Logs.spec(SOURCE).replace("sources:", "irregular: error\nsources:")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("logs/fp32-2.csv:3: PACKAGE_ENERGY (J): the counter went down");
    }

    @Test
    void timestampsThatGoBackGapsMissingSamplesAndCutRowsAreIrregular() {
        String back = HEADER + "0,1000,1,1,1,1,1\n100,1100,1,1,2,1,1\n100,1050,1,1,3,1,1\n";
        String gap = HEADER + "0,1000,1,1,1,1,1\n100,1100,1,1,2,1,1\n100,1200,1,1,3,1,1\n2000,3200,1,1,4,1,1\n";
        String missing = HEADER + "0,1000,1,1,1,1,1\n100,1100,1,1,,1,1\n100,1200,1,1,3,1,1\n";
        String cut = HEADER + "0,1000,1,1,1,1,1\n100,1100,1,1,2,1,1\n100,1200,1,1\n";
        Logs logs = new Logs(dir).file("logs/fp32-1.csv", back).file("logs/fp32-2.csv", gap)
                .file("logs/fp32-3.csv", missing).file("logs/fp32-4.csv", cut).file("logs/fp32-5.csv", log(1, 3));
        for (int i = 1; i <= 5; i++) {
            logs.file("logs/int8-" + i + ".csv", log(1, 2));
        }
        JsonNode ex = Logs.derivation(logs.run(Logs.spec(SOURCE))).at("/sources/0/excluded");
        assertThat(ex.get(0).get("line").asInt()).isEqualTo(4);
        assertThat(ex.get(0).get("column").asText()).isEqualTo("Time");
        assertThat(ex.get(0).get("reason").asText()).isEqualTo("the timestamp goes back (1050 after 1100): timestamps"
                + " must not decrease");
        assertThat(ex.get(1).get("column").asText()).isEqualTo("Delta");
        assertThat(ex.get(1).get("reason").asText()).isEqualTo("a gap of 2000 ms between samples (limit: 5 × the"
                + " median interval 100 ms)");
        assertThat(ex.get(2).get("reason").asText()).isEqualTo("missing sample (empty cell)");
        assertThat(ex.get(2).get("line").asInt()).isEqualTo(3);
        assertThat(ex.get(3).get("reason").asText()).isEqualTo("the row has 4 of 7 cells (cut off?)");
        assertThat(ex.size()).isEqualTo(8); // 4 irregular + their 4 partners unpaired
    }

    @Test
    void aColumnWithoutADocumentedUnitNeedsAnAggregateAndTextIsAnError() {
        Logs logs = new Logs(dir).file("logs/fp32-1.csv", log(1, 2)).file("logs/int8-1.csv", log(1, 2));
        assertThatThrownBy(() -> logs.run(Logs.spec(SOURCE.replace("PACKAGE_ENERGY (J)", "CPU_USAGE_0"))))
                .hasMessageContaining("CPU_USAGE_0: unit %: declare sources[0].aggregate");
        assertThatThrownBy(() -> logs.run(Logs.spec(SOURCE.replace("PACKAGE_ENERGY (J)", "PACKAGE_ENERGY"))))
                .hasMessageContaining("logs/fp32-1.csv:1: PACKAGE_ENERGY: no such column; did you mean 'PACKAGE_ENERGY (J)'?");
        logs.file("logs/fp32-1.csv", HEADER + "0,1000,1,1,x,1,1\n");
        assertThatThrownBy(() -> logs.run(Logs.spec(SOURCE)))
                .hasMessageContaining("logs/fp32-1.csv:2: PACKAGE_ENERGY (J): 'x' is not a number");
    }
}
