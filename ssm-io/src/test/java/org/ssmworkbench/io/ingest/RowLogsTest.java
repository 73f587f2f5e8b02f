package org.ssmworkbench.io.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs with a row per run or per segment: CodeCarbon's emissions.csv (mlco2/codecarbon,
 * docs/reference/output.md "CSV": duration in s, energies in kWh), pyJoules' CSVHandler
 * (powerapi-ng/pyJoules, handler/csv_handler.py: {@code timestamp;tag;duration;<domains>}, energies in
 * µJ per the README "Output description") and pyRAPL's CSVOutput (powerapi-ng/pyRAPL,
 * outputs/csvoutput.py and buffered_output.py: {@code label,timestamp,duration,pkg,dram,socket}, one
 * row per socket; µs and µJ per result.py).
 */
class RowLogsTest {

    @TempDir
    Path dir;

    private static final String CODECARBON_HEADER = "timestamp,project_name,run_id,experiment_id,duration,emissions,"
            + "emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,"
            + "country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,"
            + "cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud,pue\n";

    private static String codeCarbonRow(String project, String duration, String energy) {
        return "2026-05-09T03:57:48," + project + ",5b0fa12a-3dd7-45bb-9766-cc326314d9f1,"
                + "5b0fa12a-3dd7-45bb-9766-cc326314d9f1," + duration + ",1.2e-05,2.1e-07,42.5,0.0,5.8,0.0002,0.0,"
                + "0.00003," + energy + ",Netherlands,NLD,north holland,,,Linux-6.1,3.11.4,2.3.4,8,"
                + "\"Intel(R) Core(TM) i7-8565U CPU @ 1.80GHz\",,,4.9,52.4,15.5,machine,N,1.0\n";
    }

    private static final String CODECARBON = """
              - effect: energy
                tool: codecarbon
                files: emissions.csv
                metric: energy_consumed
                run: {project_name: "{variant}-rep{repetition}"}
            """;

    @Test
    void codeCarbonKilowattHoursBecomeJoules() {
        Logs logs = new Logs(dir).file("emissions.csv", CODECARBON_HEADER + codeCarbonRow("fp32-rep1", "60.1", "0.0001")
                + codeCarbonRow("int8-rep1", "30.2", "0.00005") + codeCarbonRow("fp32-rep2", "61", "0.0002")
                + codeCarbonRow("int8-rep2", "31", "0.0001"));
        Ingest.Result r = logs.run(Logs.spec(CODECARBON));
        assertThat(Logs.table(r)).isEqualTo("""
                effect,evidence,baseline,treated
                energy,int8,360,180
                energy,int8,720,360
                """);
        JsonNode m = Logs.derivation(r).at("/sources/0/metric");
        assertThat(m.get("unit_in").asText()).isEqualTo("kWh");
        assertThat(m.get("factor").asDouble()).isEqualTo(3.6e6);
        Ingest.Result seconds = logs.run(Logs.spec(CODECARBON.replace("energy_consumed", "duration")
                + "    unit: ms\n"));
        assertThat(Logs.table(seconds)).isEqualTo("""
                effect,evidence,baseline,treated
                energy,int8,60100,30200
                energy,int8,61000,31000
                """);
    }

    @Test
    void codeCarbonEmptyValuesAreExcludedAndASecondRowForARunIsAnError() {
        Logs logs = new Logs(dir).file("emissions.csv", CODECARBON_HEADER + codeCarbonRow("fp32-rep1", "60", "")
                + codeCarbonRow("int8-rep1", "30", "0.00005") + codeCarbonRow("fp32-rep2", "60", "0.0001")
                + codeCarbonRow("int8-rep2", "30", "0.00005") + codeCarbonRow("warmup", "3", "0.00001"));
        JsonNode ex = Logs.derivation(logs.run(Logs.spec(CODECARBON))).at("/sources/0/excluded");
        assertThat(ex.get(0).get("kind").asText()).isEqualTo("irregular");
        assertThat(ex.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(ex.get(0).get("column").asText()).isEqualTo("energy_consumed");
        assertThat(ex.get(0).get("reason").asText()).isEqualTo("missing value (empty cell)");
        assertThat(ex.get(1).get("kind").asText()).isEqualTo("unpaired");
        assertThat(ex.get(2).get("kind").asText()).isEqualTo("unmatched");
        assertThat(ex.get(2).get("reason").asText()).isEqualTo("project_name 'warmup' does not match sources[0].run"
                + ".project_name '{variant}-rep{repetition}'");
        logs.file("emissions.csv", CODECARBON_HEADER + codeCarbonRow("fp32-rep1", "60", "0.1")
                + codeCarbonRow("fp32-rep1", "60", "0.1"));
        assertThatThrownBy(() -> logs.run(Logs.spec(CODECARBON)))
                .hasMessageContaining("emissions.csv:3: a second row for the run variant=fp32, repetition=1");
    }

    private static final String PYJOULES = """
              - effect: energy
                tool: pyjoules
                files: pyjoules.csv
                metric: package_0
                run: {tag: "{variant}_{repetition}"}
            """;

    @Test
    void pyJoulesMicrojoulesPerSegmentSemicolonSeparated() {
        Logs logs = new Logs(dir).file("pyjoules.csv", """
                timestamp;tag;duration;package_0;dram_0;core_0;uncore_0
                1715227068.123;fp32_1;5.0021;250000000;12000000;200000000;1000
                1715227073.2;int8_1;2.5;100000000;6000000;80000000;1000
                1715227076.0;fp32_2;5.1;260000000;12000000;200000000;1000
                1715227081.2;int8_2;2.4;0;6000000;80000000;1000
                """);
        Ingest.Result r = logs.run(Logs.spec(PYJOULES));
        assertThat(Logs.table(r)).isEqualTo("effect,evidence,baseline,treated\nenergy,int8,250,100\n");
        JsonNode ex = Logs.derivation(r).at("/sources/0/excluded");
        assertThat(ex.get(0).get("kind").asText()).isEqualTo("unpaired");
        assertThat(ex.get(1).get("line").asInt()).isEqualTo(5);
        assertThat(ex.get(1).get("reason").asText()).startsWith("zero energy: the segment was shorter");
        logs.file("pyjoules.csv", "timestamp,tag,duration,package_0\n1,fp32_1,1,1\n");
        assertThatThrownBy(() -> logs.run(Logs.spec(PYJOULES))).hasMessageContaining(
                "pyjoules.csv:1: package_0: no such column; the header has a single column: pyJoules writes"
                        + " ';'-separated files");
    }

    @Test
    void pyJoulesSegmentsOfOneRunAreAddedWhenDeclared() {
        Logs logs = new Logs(dir).file("pyjoules.csv", """
                timestamp;tag;duration;package_0
                1.0;fp32_1_load;1.0;1000000
                2.0;fp32_1_infer;1.0;3000000
                3.0;int8_1_load;1.0;1000000
                4.0;int8_1_infer;1.0;1000000
                """);
        String spec = Logs.spec(PYJOULES.replace("{variant}_{repetition}", "{variant}_{repetition}_{_phase}"));
        assertThatThrownBy(() -> logs.run(spec)).hasMessageContaining("pyjoules.csv:3: a second run with variant = fp32 and repetition = 1 (the first:"
                + " pyjoules.csv line 2); pair_by must tell runs apart");
        Ingest.Result r = logs.run(spec.replace("{variant}_{repetition}_{_phase}", "{variant}_{repetition}_*")
                + "    combine: sum\n");
        assertThat(Logs.table(r)).isEqualTo("effect,evidence,baseline,treated\nenergy,int8,4,2\n");
        assertThat(Logs.derivation(r).at("/sources/0/pairs/0/baseline/notes/0").asText()).isEqualTo("sum of 2 rows");
    }

    @Test
    void pyRaplSocketsAreSummedAndNoneIsMissing() {
        Logs logs = new Logs(dir).file("pyrapl.csv", """
                label,timestamp,duration,pkg,dram,socket
                fp32-1,1715227068.1,5000000.0,2000000.0,100000.0,0
                fp32-1,1715227068.1,5000000.0,1000000.0,100000.0,1
                int8-1,1715227073.2,2500000.0,1000000.0,None,0
                int8-1,1715227073.2,2500000.0,500000.0,None,1
                """);
        String spec = Logs.spec("""
                  - effect: energy
                    tool: pyrapl
                    files: pyrapl.csv
                    metric: pkg
                    combine: sum
                    run: {label: "{variant}-{repetition}"}
                """);
        Ingest.Result r = logs.run(spec);
        assertThat(Logs.table(r)).isEqualTo("effect,evidence,baseline,treated\nenergy,int8,3,1.5\n");
        assertThat(Logs.table(logs.run(spec.replace("metric: pkg", "metric: duration"))))
                .isEqualTo("effect,evidence,baseline,treated\nenergy,int8,10,5\n"); // 2 sockets × 5 s: summed, as declared
        assertThatThrownBy(() -> logs.run(spec.replace("metric: pkg", "metric: dram")))
                .hasMessageContaining("no pair of runs");
    }
}
