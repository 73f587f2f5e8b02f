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
 * The case's studies cloned (as "S1-1", …) until one effect has more findings than a forest panel shows
 * on one page: that effect's panel is written as pages of 400 findings, linked from the report, while
 * the other effects keep one inline panel each.
 */
class ReportForestPagesTest {

    static SynthesisResult result;
    static Map<String, byte[]> files;
    static String html;
    static EffectResult big;

    @BeforeAll
    static void report() {
        Synthesis c = CaseReport.project().synthesis();
        List<Study> studies = new ArrayList<>(c.studies());
        for (int k = 1; largest(Synthesizer.run(c.withStudies(studies))).findings().size() <= 800; k++) {
            for (Study st : c.studies()) {
                studies.add(new Study(st.id() + "-" + k, st.type(), st.answers(), st.explicitBelief(), st.evidence()));
            }
        }
        result = Synthesizer.run(c.withStudies(studies));
        big = largest(result);
        files = Report.files(CaseReport.project(), result, "test", CaseReport.DATE);
        html = new String(files.get(Report.HTML), StandardCharsets.UTF_8);
    }

    private static EffectResult largest(SynthesisResult r) {
        EffectResult best = r.effects().get(0);
        for (EffectResult e : r.effects()) {
            if (e.findings().size() > best.findings().size()) {
                best = e;
            }
        }
        return best;
    }

    @Test
    void theLargestEffectIsDrawnInPagesOf400FindingsInOrder() {
        int n = big.findings().size();
        int pages = (n + 399) / 400;
        assertThat(pages).isGreaterThanOrEqualTo(3);
        String base = "figures/forest-" + Markup.slug(big.effect().id());
        assertThat(files).doesNotContainKey(base + ".svg").doesNotContainKey(base + "-" + (pages + 1) + ".svg");
        List<String> shown = new ArrayList<>();
        Pattern row = Pattern.compile("data-finding=\"([^\"]+)\"");
        for (int k = 1; k <= pages; k++) {
            byte[] page = files.get(base + "-" + k + ".svg");
            assertThat(page).as("page %d", k).isNotNull();
            SvgXml.parse(page);
            String svg = new String(page, StandardCharsets.UTF_8);
            int from = (k - 1) * 400 + 1;
            int to = Math.min(n, k * 400);
            assertThat(svg).contains("page " + k + " of " + pages + ", findings " + from + "\u2013" + to)
                    .contains("<title id=\"fig-forest-" + Markup.slug(big.effect().id()) + "-" + k + "-title\">")
                    .contains(n + " findings from " + big.studies() + " studies")
                    .contains("class=\"ssm-combined\"");
            Matcher m = row.matcher(svg);
            int rows = 0;
            while (m.find()) {
                shown.add(m.group(1));
                rows++;
            }
            assertThat(rows).isEqualTo(to - from + 1);
        }
        assertThat(shown).isEqualTo(big.findings().stream().map(Finding::key).toList());
    }

    @Test
    void thePageLinksEveryPageAndKeepsSmallPanelsInline() {
        int n = big.findings().size();
        int pages = (n + 399) / 400;
        String slug = Markup.slug(big.effect().id());
        assertThat(html).contains("its " + n + " findings in " + pages + " pages:")
                .contains("<a href=\"figures/forest-" + slug + "-1.svg\">1\u2013400</a>")
                .contains("<a href=\"figures/forest-" + slug + "-" + pages + ".svg\">" + ((pages - 1) * 400 + 1) + "\u2013"
                        + n + "</a>")
                .contains("in " + pages + " pages of up to 400 findings.")
                .doesNotContain("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"fig-forest-" + slug + "-1\"");
        for (EffectResult e : result.effects()) {
            if (e.findings().size() <= 400) {
                String name = "forest-" + Markup.slug(e.effect().id());
                assertThat(files).containsKey("figures/" + name + ".svg").doesNotContainKey("figures/" + name + "-1.svg");
                assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"fig-" + name + "\"");
            }
        }
    }
}
