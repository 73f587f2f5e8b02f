package org.ssmworkbench.io.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * experiment-runner's run_table.csv (S2-group/experiment-runner, RunTableModel.py and
 * CSVOutputManager.py): {@code __run_id} ({@code run_<i>_repetition_<j>}), {@code __done} (TODO/DONE),
 * factor columns, data columns; each run's profiler logs in {@code <experiment>/<__run_id>/}.
 */
class RunTableTest {

    @TempDir
    Path dir;

    private static final String TABLE = """
            __run_id,__done,variant,execution_time,energy
            run_0_repetition_0,DONE,fp32,2000,10.5
            run_1_repetition_0,DONE,int8,1000,5.5
            run_0_repetition_1,DONE,fp32,2100,11
            run_1_repetition_1,TODO,int8, ,
            """;

    private static String spec(String sources) {
        return """
                format: 1
                output: out
                run_table: {file: exp/run_table.csv, factors: [variant]}
                factor: variant
                baseline: fp32
                treated: int8
                pair_by: [repetition]
                sources:
                """ + sources;
    }

    @Test
    void dataColumnsWithTheirDeclaredUnitAndRunsNotDoneLeftOut() {
        Logs logs = new Logs(dir).file("exp/run_table.csv", TABLE);
        Ingest.Result r = logs.run(spec("""
                  - effect: time
                    tool: experiment-runner
                    metric: execution_time
                    column_unit: ms
                """));
        assertThat(Logs.table(r)).isEqualTo("effect,evidence,baseline,treated\ntime,int8,2,1\n");
        JsonNode ex = Logs.derivation(r).at("/sources/0/excluded");
        assertThat(ex.get(0).get("kind").asText()).isEqualTo("unpaired");
        assertThat(ex.get(0).at("/run/__run_id").asText()).isEqualTo("run_0_repetition_1");
        assertThat(ex.get(1).get("kind").asText()).isEqualTo("not-done");
        assertThat(ex.get(1).get("line").asInt()).isEqualTo(5);
        assertThat(ex.get(1).get("reason").asText()).isEqualTo("the run is not done (__done = TODO)");
        assertThatThrownBy(() -> logs.run(spec("""
                  - effect: time
                    tool: experiment-runner
                    metric: execution_time
                """))).hasMessageContaining("run_table.csv:1: execution_time: the log does not say this column's unit");
    }

    @Test
    void profilerLogsInRunFoldersTakeTheirFactorsFromTheRunTable() {
        String eb = "Delta,Time,PACKAGE_ENERGY (J)\n0,1000,5\n100,1100,%s\n";
        Logs logs = new Logs(dir).file("exp/run_table.csv", TABLE)
                .file("exp/run_0_repetition_0/energibridge.csv", eb.formatted("25"))
                .file("exp/run_1_repetition_0/energibridge.csv", eb.formatted("15"))
                .file("exp/run_0_repetition_1/energibridge.csv", eb.formatted("27"))
                .file("exp/run_1_repetition_1/energibridge.csv", eb.formatted("16"));
        Ingest.Result r = logs.run(spec("""
                  - effect: energy
                    tool: energibridge
                    files: "exp/{__run_id}/energibridge.csv"
                    metric: PACKAGE_ENERGY (J)
                """));
        assertThat(Logs.table(r)).isEqualTo("effect,evidence,baseline,treated\nenergy,int8,20,10\n");
        JsonNode d = Logs.derivation(r);
        assertThat(d.at("/sources/0/excluded/1/reason").asText()).startsWith("the run is not done in exp/run_table.csv");
        assertThat(d.at("/inputs/0/path").asText()).isEqualTo("exp/run_table.csv");
        logs.file("exp/run_9_repetition_0/energibridge.csv", eb.formatted("1"));
        assertThatThrownBy(() -> logs.run(spec("""
                  - effect: energy
                    tool: energibridge
                    files: "exp/{__run_id}/energibridge.csv"
                    metric: PACKAGE_ENERGY (J)
                """))).hasMessageContaining("exp/run_9_repetition_0/energibridge.csv:2: run 'run_9_repetition_0' is not"
                        + " in exp/run_table.csv");
    }

    @Test
    void aBadDoneValueOrRunIdIsAnError() {
        Logs logs = new Logs(dir).file("exp/run_table.csv", TABLE.replace("TODO", "MAYBE"));
        String s = spec("""
                  - effect: time
                    tool: experiment-runner
                    metric: execution_time
                    column_unit: ms
                """);
        assertThatThrownBy(() -> logs.run(s)).hasMessageContaining(
                "exp/run_table.csv:5: __done: 'MAYBE': experiment-runner writes DONE or TODO");
        logs.file("exp/run_table.csv", TABLE.replace("run_0_repetition_1", "first"));
        assertThatThrownBy(() -> logs.run(s)).hasMessageContaining(
                "exp/run_table.csv:4: __run_id: 'first' is not experiment-runner's run_<i>_repetition_<j>");
    }
}
