package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;

/**
 * The case's studies cloned until one effect has more than 800 findings (decision 0054): that effect's
 * inputs and pairwise steps are in pages of 400 findings, every input and every step exactly once and in
 * order, while the report keeps its combined masses and the selectors' reasoning and links the pages;
 * effects of at most 400 findings keep their whole trace in the report.
 */
class ReportTracePagesTest {

    static SynthesisResult result;
    static Map<String, byte[]> files;
    static String html;

    @BeforeAll
    static void report() {
        Synthesis c = CaseReport.project().synthesis();
        List<Study> studies = new ArrayList<>(c.studies());
        for (int k = 1; largest(Synthesizer.run(c.withStudies(studies))) <= 800; k++) {
            for (Study st : c.studies()) {
                studies.add(new Study(st.id() + "-" + k, st.type(), st.answers(), st.explicitBelief(), st.evidence()));
            }
        }
        result = Synthesizer.run(c.withStudies(studies));
        files = Report.files(CaseReport.project(), result, "test", CaseReport.DATE);
        html = new String(files.get(Report.HTML), StandardCharsets.UTF_8);
    }

    private static int largest(SynthesisResult r) {
        return r.effects().stream().mapToInt(e -> e.findings().size()).max().orElse(0);
    }

    private static String text(String name) {
        assertThat(files).containsKey(name);
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    private static String traceBlock(String effect) {
        String start = "<details class=\"trace\" id=\"trace-" + effect + "\">";
        int at = html.indexOf(start);
        assertThat(at).as(effect).isNotNegative();
        return html.substring(at, html.indexOf("</details>", at));
    }

    @Test
    void aLargeEffectsInputsAndStepsAreEachOnceInOrderInItsPages() {
        Pattern input = Pattern.compile("<tr><td class=\"mono\">([^<]+)</td><td>[^<]*</td><td class=\"masses\">");
        Pattern step = Pattern.compile("<tr class=\"step\"><td class=\"n\">(\\d+)</td>");
        int paged = 0;
        for (EffectResult e : result.effects()) {
            int n = e.findings().size();
            String base = "figures/trace-" + Markup.slug(e.effect().id());
            if (n <= 400) {
                assertThat(files).doesNotContainKey(base + "-1.html");
                continue;
            }
            paged++;
            int pages = (n + 399) / 400;
            assertThat(files).doesNotContainKey(base + "-" + (pages + 1) + ".html");
            List<String> inputs = new ArrayList<>();
            List<Integer> steps = new ArrayList<>();
            for (int k = 1; k <= pages; k++) {
                String page = text(base + "-" + k + ".html");
                int from = (k - 1) * 400 + 1;
                int to = Math.min(n, k * 400);
                assertThat(page).contains("Trace of " + e.effect().label() + ", page " + k + " of " + pages + ": findings "
                        + from + "\u2013" + to)
                        .contains("<a href=\"../report.html#trace-" + e.effect().id() + "\">The report</a>")
                        .contains("<span class=\"theta\" title=")
                        .contains("Content-Security-Policy\" content=\"default-src 'none';");
                assertThat(page.contains("rel=\"prev\"")).isEqualTo(k > 1);
                assertThat(page.contains("rel=\"next\"")).isEqualTo(k < pages);
                Matcher m = input.matcher(page);
                int rows = 0;
                while (m.find()) {
                    inputs.add(m.group(1));
                    rows++;
                }
                assertThat(rows).as("inputs of page %d", k).isEqualTo(to - from + 1);
                Matcher s = step.matcher(page);
                while (s.find()) {
                    steps.add(Integer.parseInt(s.group(1)));
                }
            }
            assertThat(inputs).isEqualTo(e.combination().orElseThrow().labels());
            assertThat(steps).hasSize(n - 1);
            for (int i = 0; i < steps.size(); i++) {
                assertThat(steps.get(i)).isEqualTo(i + 1);
            }
            String block = traceBlock(e.effect().id());
            assertThat(block).contains("its " + n + " findings and " + (n - 1) + " pairwise steps are in " + pages
                    + " pages of up to 400 findings:")
                    .contains("<a href=\"" + base + "-1.html\">1\u2013400</a>")
                    .contains("Combined masses").contains("<table class=\"candidates\">")
                    .doesNotContain("<table class=\"steps\">").doesNotContain("<table class=\"masses\">");
            assertThat(html).contains("<a href=\"" + base + "-" + pages + ".html\">" + base + "-" + pages + ".html</a>");
        }
        assertThat(paged).isPositive();
    }

    @Test
    void smallEffectsKeepTheirWholeTraceInTheReport() {
        int small = 0;
        for (EffectResult e : result.effects()) {
            if (e.findings().size() > 400 || e.findings().size() < 2) {
                continue;
            }
            small++;
            String block = traceBlock(e.effect().id());
            assertThat(block).contains("<table class=\"steps\">").doesNotContain("Too many for this page");
            for (Finding f : e.findings()) {
                assertThat(block).contains(f.key());
            }
        }
        assertThat(small).isPositive();
    }
}
