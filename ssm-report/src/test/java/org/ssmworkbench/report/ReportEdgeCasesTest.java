package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.project.Project;

/** An effect no study reports, and a finding given directly (intensity and mass, no statistics). */
class ReportEdgeCasesTest {

    @TempDir
    static Path tmp;

    static Map<String, byte[]> files;
    static String html;

    @BeforeAll
    static void report() throws IOException {
        Path dir = tmp.resolve("project");
        ReportEscapingTest.copy(CaseReport.DIR, dir);
        ReportEscapingTest.replace(dir.resolve("synthesis.yaml"), "  - id: dsc\n", "  - id: ghost\n"
                + "    label: Ghost effect\n    family: resource\n    better: lower\n  - id: dsc\n");
        ReportEscapingTest.replace(dir.resolve("studies/S4.yaml"), "        summary: {mean: 52.086, iqr: 0.0}\n"
                + "        published: {intensity: strongly positive, discount: 0.0, mass: 0.185}\n",
                "        intensity: strongly positive\n        mass: 0.185\n");
        Project p = CaseReport.load(dir);
        files = Report.files(p, Synthesizer.run(p.synthesis()), "test", CaseReport.DATE);
        html = new String(files.get(Report.HTML), StandardCharsets.UTF_8);
    }

    @Test
    void anEffectWithoutFindingsIsShownAsSuch() {
        assertThat(html).contains("<tr id=\"sof-ghost\"").contains("No study reports ghost effect: nothing to aggregate.");
        String forest = new String(files.get("figures/forest-ghost.svg"), StandardCharsets.UTF_8);
        assertThat(forest).contains("No study reports this effect.").contains("Combined: no findings");
        assertThat(html).contains("No findings: nothing was combined.");
        String theory = new String(files.get("figures/theory.svg"), StandardCharsets.UTF_8);
        assertThat(theory).contains("1 effect(s) without findings left out").doesNotContain("Ghost effect");
        for (var f : files.entrySet()) {
            if (f.getKey().endsWith(".svg")) {
                SvgXml.parse(f.getValue());
            }
        }
    }

    @Test
    void aDirectFindingIsDrawnOverItsBands() {
        String forest = new String(files.get("figures/forest-inference_energy_consumption.svg"), StandardCharsets.UTF_8);
        int row = forest.indexOf("data-finding=\"S4/e1\"");
        assertThat(row).isPositive();
        String s4 = forest.substring(row, forest.indexOf("</g>", row));
        assertThat(s4).contains("intensity given directly").contains(">direct<").contains("mass 0.185");
        String csv = new String(files.get(Report.FINDINGS_CSV), StandardCharsets.UTF_8);
        assertThat(csv).contains("S4,e1,\"w-int1, a-fp32\",inference_energy_consumption,inference_energy_consumption,"
                + "direct,,,,,,,SP,strongly positive,,0.185,0.185,,,,");
    }
}
