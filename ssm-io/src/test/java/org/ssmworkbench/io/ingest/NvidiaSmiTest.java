package org.ssmworkbench.io.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nvidia-smi logs as {@code nvidia-smi --query-gpu=timestamp,index,power.draw,memory.used --format=csv
 * -lms 100} writes them (nvidia-smi(1), "--format=csv[,noheader][,nounits]"): a header with units in
 * brackets, cells separated by ", ", values with their unit unless nounits, {@code [N/A]} for an
 * unavailable value, timestamps {@code yyyy/MM/dd HH:mm:ss.SSS}.
 */
class NvidiaSmiTest {

    @TempDir
    Path dir;

    private static final String SOURCE = """
              - effect: gpu_energy
                tool: nvidia-smi
                files: "smi/{variant}_rep{repetition}.csv"
                metric: power.draw
            """;

    private static String log(String... watts) {
        StringBuilder sb = new StringBuilder("timestamp, index, power.draw [W], memory.used [MiB]\n");
        for (int i = 0; i < watts.length; i++) {
            sb.append(String.format("2026/05/09 03:57:48.%03d, 0, %s, 1234 MiB%n", 100 * i, watts[i]));
        }
        return sb.toString();
    }

    @Test
    void sampledPowerIsIntegratedByTheTrapezoidRule() {
        // 100 W, 200 W, 200 W at 0.1 s steps: (150 + 200) × 0.1 = 35 J, (60 + 80) × 0.1 = 14 J; nounits values read the same
        Logs logs = new Logs(dir).file("smi/fp32_rep1.csv", log("100.00 W", "200.00 W", "200.00 W"))
                .file("smi/int8_rep1.csv", log("50", "70", "90"));
        Ingest.Result r = logs.run(Logs.spec(SOURCE));
        assertThat(Logs.table(r)).isEqualTo("effect,evidence,baseline,treated\ngpu_energy,int8,35,14\n");
        JsonNode m = Logs.derivation(r).at("/sources/0/metric");
        assertThat(m.get("unit_in").asText()).isEqualTo("W");
        assertThat(m.get("integration").asText()).isEqualTo("trapezoid rule over timestamps");
    }

    @Test
    void severalGpusAreSummedOrOneIsSelected() {
        String two = "timestamp, index, power.draw [W]\n"
                + "2026/05/09 03:57:48.000, 0, 100.00 W\n2026/05/09 03:57:48.000, 1, 10.00 W\n"
                + "2026/05/09 03:57:49.000, 0, 100.00 W\n2026/05/09 03:57:49.000, 1, 30.00 W\n";
        Logs logs = new Logs(dir).file("smi/fp32_rep1.csv", two).file("smi/int8_rep1.csv", two.replace("100.00", "50"));
        Ingest.Result r = logs.run(Logs.spec(SOURCE));
        assertThat(Logs.table(r)).isEqualTo("effect,evidence,baseline,treated\ngpu_energy,int8,120,70\n");
        assertThat(Logs.derivation(r).at("/sources/0/pairs/0/baseline/notes/0").asText())
                .isEqualTo("summed over GPUs 0, 1");
        Ingest.Result one = logs.run(Logs.spec(SOURCE + "    gpu: 1\n"));
        assertThat(Logs.table(one)).isEqualTo("effect,evidence,baseline,treated\ngpu_energy,int8,20,20\n");
        logs.file("smi/int8_rep1.csv", log("50", "50"));
        assertThatThrownBy(() -> logs.run(Logs.spec(SOURCE + "    gpu: 1\n").replace("sources:",
                "irregular: error\nsources:"))).hasMessageContaining("smi/int8_rep1.csv: power.draw [W]: no rows for GPU 1");
    }

    @Test
    void unavailableValuesRepeatedTimestampsAndTimeGoingBackAreIrregular() {
        String na = log("100.00 W", "[N/A]", "100.00 W");
        String repeated = "timestamp, power.draw [W]\n2026/05/09 03:57:48.000, 1 W\n2026/05/09 03:57:48.000, 2 W\n";
        String back = "timestamp, power.draw [W]\n2026/05/09 03:57:48.500, 1 W\n2026/05/09 03:57:48.000, 2 W\n";
        Logs logs = new Logs(dir).file("smi/fp32_rep1.csv", na).file("smi/fp32_rep2.csv", repeated)
                .file("smi/fp32_rep3.csv", back).file("smi/fp32_rep4.csv", log("1 W", "1 W"));
        for (int i = 1; i <= 4; i++) {
            logs.file("smi/int8_rep" + i + ".csv", log("1 W", "1 W"));
        }
        JsonNode ex = Logs.derivation(logs.run(Logs.spec(SOURCE))).at("/sources/0/excluded");
        assertThat(ex.get(0).get("reason").asText()).isEqualTo("missing sample ([N/A])");
        assertThat(ex.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(ex.get(1).get("reason").asText()).startsWith("the same timestamp as the previous sample");
        assertThat(ex.get(2).get("reason").asText()).startsWith("the timestamp goes back");
        assertThat(ex.get(2).get("column").asText()).isEqualTo("timestamp");
    }

    @Test
    void aValueInAnotherUnitThanItsHeaderIsAnError() {
        Logs logs = new Logs(dir).file("smi/fp32_rep1.csv", log("100.00 W", "100.00 mW"))
                .file("smi/int8_rep1.csv", log("1", "1"));
        assertThatThrownBy(() -> logs.run(Logs.spec(SOURCE))).hasMessageContaining(
                "smi/fp32_rep1.csv:3: power.draw [W]: '100.00 mW': the unit mW differs from the header's W");
        logs.file("smi/fp32_rep1.csv", "timestamp, power.draw [W]\nyesterday, 1 W\n");
        assertThatThrownBy(() -> logs.run(Logs.spec(SOURCE))).hasMessageContaining(
                "smi/fp32_rep1.csv:2: timestamp: 'yesterday' is not a nvidia-smi timestamp");
    }

    @Test
    void aGapBetweenSamplesIsIrregularAgainstTheMedianOrTheDeclaredLimit() {
        String gap = "timestamp, power.draw [W]\n2026/05/09 03:57:48.000, 1 W\n2026/05/09 03:57:48.100, 1 W\n"
                + "2026/05/09 03:57:48.200, 1 W\n2026/05/09 03:57:50.200, 1 W\n";
        Logs logs = new Logs(dir).file("smi/fp32_rep1.csv", gap).file("smi/int8_rep1.csv", log("1 W", "1 W", "1 W"));
        assertThatThrownBy(() -> logs.run(Logs.spec(SOURCE).replace("sources:", "irregular: error\nsources:")))
                .hasMessageContaining("smi/fp32_rep1.csv:5: timestamp: a gap of 2000 ms between samples (limit: 5 × the"
                        + " median interval 100 ms)");
        Ingest.Result r = logs.run(Logs.spec(SOURCE + "    max_gap_ms: 2500\n"));
        assertThat(Logs.table(r)).isEqualTo("effect,evidence,baseline,treated\ngpu_energy,int8,2.2,0.2\n");
    }
}
