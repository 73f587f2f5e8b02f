package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.io.project.Project;

/** Each section of the case report is there, with the case's real numbers. */
class ReportContentTest {

    private static final String HTML = CaseReport.html();

    /** The part of the page from {@code start} to the next {@code end}. */
    private static String between(String text, String start, String end) {
        int a = text.indexOf(start);
        assertThat(a).as("'" + start + "' in the page").isGreaterThanOrEqualTo(0);
        int b = text.indexOf(end, a + start.length());
        assertThat(b).as("'" + end + "' after '" + start + "'").isGreaterThan(a);
        return text.substring(a, b);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    @Test
    void summaryOfFindingsShowsComputedBesidePublished() {
        String row = between(HTML, "<tr id=\"sof-accuracy\"", "</tr>");
        assertThat(row).contains("Accuracy").contains(">WN</span>").contains("weakly negative")
                .contains(">0.886<").contains(">0.888<").contains(">17<").contains(">5<")
                .contains(">0.195<").contains(">0.404<").contains("reinforced")
                .contains("{WN} 0.90").contains("\u22120.014").contains("differs");
        String storage = between(HTML, "<tr id=\"sof-storage_size\"", "</tr>");
        assertThat(storage).contains(">SP</span>").contains(">1.000<").contains("{SP} 1.00").contains("as printed");
        String energy = between(HTML, "<tr id=\"sof-inference_energy_consumption\"", "</tr>");
        assertThat(energy).contains(">WP</span>").contains(">0.675<").contains("weakened").contains("\u22120.015");
        String dsc = between(HTML, "<tr id=\"sof-dsc\"", "</tr>");
        assertThat(dsc).contains("one finding only").doesNotContain("differs");
        // the GPU-memory note of the project: computed {PO,SP}, the paper's words say indifferent
        assertThat(between(HTML, "<tr id=\"sof-gpu_memory_utilization\"", "</tr>")).contains("href=\"#note-1\"")
                .contains("{PO,SP} 0.71");
        assertThat(HTML).contains("the paper&#39;s text says quantization is indifferent for GPU memory utilization");
    }

    @Test
    void verbalStatementsInSsmStyle() {
        assertThat(HTML).contains("Model quantization weakly negatively affects accuracy (belief 0.89, 17 findings"
                + " from 5 studies).");
        assertThat(HTML).contains("Model quantization strongly positively affects storage size (belief 1.00, 17"
                + " findings from 5 studies).");
        assertThat(HTML).contains("Model quantization is indifferent for F1 score (belief 0.82, 8 findings from 1"
                + " study).");
        assertThat(HTML).contains("Model quantization affects inference latency indifferently to weakly positively"
                + " (belief 0.98, 13 findings from 4 studies).");
    }

    @Test
    void forestPanelPerEffectWithARowPerFinding() {
        String svg = between(HTML, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"fig-forest-accuracy\"", "</svg>");
        assertThat(count(svg, "class=\"ssm-row\"")).isEqualTo(17);
        assertThat(svg).contains("data-finding=\"S5/e1\"").contains("data-intensity=\"NE,WN\"")
                .contains("mean RI \u221213.792 %").contains("mass 0.665");
        // the combined row: the selected interval and its belief
        assertThat(svg).contains("class=\"ssm-combined\"").contains("data-hypothesis=\"WN\"")
                .contains("Bel 0.886");
        // the correctness family's bands: cut points as tick labels
        assertThat(svg).contains("correctness cut points 2, 5, 10, 15, 20, 25");
        String storage = between(HTML, "id=\"fig-forest-storage_size\"", "</svg>");
        assertThat(storage).contains("resource cut points 2, 10, 20, 30, 40, 50");
        assertThat(count(storage, "class=\"ssm-row\"")).isEqualTo(17);
        for (String effect : new String[] {"accuracy", "f1_score", "storage_size", "gpu_utilization",
            "gpu_memory_utilization", "gpu_power_draw", "gpu_energy_consumption", "inference_latency",
            "inference_power_draw", "inference_energy_consumption", "dsc"}) {
            assertThat(HTML).contains("id=\"fig-forest-" + effect + "\"");
        }
    }

    @Test
    void evidenceDiagramsPerConfigurationAndTheTheory() {
        String theory = between(HTML, "id=\"fig-theory\"", "</svg>");
        assertThat(count(theory, "class=\"relation\"")).isEqualTo(11);
        assertThat(theory).contains(">TECHNOLOGY<").contains(">SYSTEM<").contains(">MODERATORS<")
                .contains(">CONTEXT<").contains(">model quantization<").contains(">weakly negative<")
                .contains("Bel 0.886").contains("method: QAT, PTQ");
        assertThat(count(HTML, "data-kind=\"evidence\"")).isEqualTo(19);
        String s5 = between(HTML, "id=\"fig-evidence-S5-e1\"", "</svg>");
        assertThat(s5).contains("S5/e1 \u00b7 int8").contains("negative - weakly negative").contains("mass 0.665");
    }

    @Test
    void traceHasEveryStepAndTheSelectorsReasoning() {
        String trace = between(HTML, "<details class=\"trace\" id=\"trace-accuracy\"", "</details>");
        assertThat(count(trace, "<tr class=\"step\">")).isEqualTo(16);
        assertThat(trace).contains("S1/e1 \u2295 \u2026 \u2295 S6/e1").contains("S6/e2");
        // operands, K and resulting masses of step 1: {IF}:0.373 with {WN}:0.373
        assertThat(trace).contains("<td class=\"n\">1</td>").contains("0.1391");
        // Evidence Factory candidates with the 75% test, the selected one marked
        assertThat(trace).contains("<tr class=\"selected\"><td class=\"mono\">{WN}</td><td class=\"n\">0.8858</td>");
        assertThat(trace).contains("75% of Bel");
        // Santos' descent from the lower half-scale
        assertThat(trace).contains("{SN,NE,WN,IF}").contains("start: the better half-scale");
        String dsc = between(HTML, "<details class=\"trace\" id=\"trace-dsc\"", "</details>");
        assertThat(dsc).contains("One finding: nothing to combine.");
    }

    @Test
    void studiesWithCitationTypeQualityBeliefAndContext() {
        String s1 = between(HTML, "<tr id=\"study-S1\">", "</tr>");
        assertThat(s1).contains("Energy-Efficient Respiratory Anomaly Detection in Premature Newborn Infants")
                .contains("Paul et al.").contains("(2022)").contains("observational").contains("controlled experiment")
                .contains(">0.548<").contains(">0.387<").contains("0.373").contains("given");
        String details = between(HTML, "id=\"study-S1-details\"", "</details>");
        assertThat(details).contains("SimBaby").contains("AMD Threadripper 3960X").contains(">System</span>")
                .contains("Do the authors clearly state the aims of the research?");
        assertThat(between(HTML, "<tr id=\"study-S4\">", "</tr>")).contains("simulation").contains(">\u2013<");
    }

    @Test
    void provenanceNamesToolDateInputsAndPolicies() {
        String prov = between(HTML, "<section id=\"provenance\">", "</section>");
        Project p = CaseReport.project();
        assertThat(prov).contains("ssm-workbench " + CaseReport.VERSION).contains("2025-07-01 12:00 UTC").contains("SOURCE_DATE_EPOCH");
        for (Provenance.Input f : p.inputs()) {
            assertThat(prov).contains(f.path()).contains(f.sha256());
        }
        assertThat(prov).contains("dempster (Dempster").contains("cut points: correctness").contains("2, 5, 10, 15, 20, 25")
                .contains("belief band: quasi-experiment").contains("keep");
        Matcher m = Pattern.compile("SHA-256 ([0-9a-f]{64})").matcher(prov);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo(Report.sha256(org.ssmworkbench.io.results.ResultsJson.write(p,
                CaseReport.result(), CaseReport.VERSION)));
    }

    @Test
    void thePageLoadsNothingFromOutside() {
        assertThat(HTML).doesNotContain(" src=").doesNotContain("<link").doesNotContain("url(")
                .doesNotContain("@import").contains("Content-Security-Policy");
        assertThat(count(HTML, "<script")).isEqualTo(1);
        assertThat(count(HTML, "<style")).isEqualTo(1);
    }
}
