package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.sensitivity.EffectSensitivity;
import org.ssmworkbench.core.sensitivity.SensitivityAnalysis;
import org.ssmworkbench.core.sensitivity.SensitivityResult;
import org.ssmworkbench.core.sensitivity.Variant;
import org.w3c.dom.Document;

/** The optional sensitivity section: figures of what flips, a table of every variant, nothing when absent. */
class ReportSensitivityTest {

    private static Map<String, byte[]> files;
    private static SensitivityResult sensitivity;

    private static synchronized Map<String, byte[]> files() {
        if (files == null) {
            sensitivity = SensitivityAnalysis.run(CaseReport.project().synthesis(), CaseReport.project().sensitivityWithYears());
            files = Report.files(CaseReport.project(), CaseReport.result(), CaseReport.VERSION, CaseReport.DATE, null,
                    sensitivity);
        }
        return files;
    }

    /** Text as the page template escapes it. */
    private static String inHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;").replace("=", "&#61;").replace("`", "&#96;");
    }

    private static String html() {
        return new String(files().get(Report.HTML), StandardCharsets.UTF_8);
    }

    @Test
    void theSectionShowsTheBaseAndEveryFlippingVariantOfAccuracy() {
        String html = html();
        assertThat(html).contains("<a href=\"#sensitivity\">Sensitivity</a>").contains("<section id=\"sensitivity\">")
                .contains("<span class=\"num\">6</span> Sensitivity").contains("<span class=\"num\">7</span> Provenance")
                .contains("<span class=\"num\">8</span> Exports");
        EffectSensitivity acc = sensitivity.effect("accuracy").orElseThrow();
        List<Variant> flips = acc.flips();
        assertThat(flips).extracting(Variant::name).contains("without S3", "subgroup method=PTQ");
        String summary = flips.size() + " of " + acc.variants().size() + " variants flip the result; smallest"
                + " cut-point change that flips it: " + acc.smallestCutFlip().map(Variant::name).orElse("none");
        assertThat(html).contains(inHtml(summary));
        String svg = new String(files().get("figures/sensitivity-accuracy.svg"), StandardCharsets.UTF_8);
        assertThat(svg).contains(">base result<");
        for (Variant v : flips) {
            assertThat(svg).as(v.name()).contains(Markup.escape(v.name()));
        }
        // the full table, collapsed, lists every variant
        int table = html.indexOf("<details class=\"variants\" id=\"variants-accuracy\">");
        assertThat(table).isPositive();
        String details = html.substring(table, html.indexOf("</details>", table));
        for (Variant v : acc.variants()) {
            assertThat(details).as(v.name()).contains("<td>" + inHtml(v.name()) + "</td>");
        }
        assertThat(html).contains("id=\"fig-sensitivity-accuracy\"");
    }

    @Test
    void everySensitivityFigureIsWellFormedXmlAlsoInline() {
        int n = 0;
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            if (f.getKey().startsWith("figures/sensitivity-")) {
                Document d = SvgXml.parse(f.getValue());
                assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
                n++;
            }
        }
        // per effect: what flips, leave one study out, cumulative synthesis, order dependence
        assertThat(n).isEqualTo(4 * sensitivity.effects().size());
        assertThat(files()).containsKeys("figures/sensitivity-accuracy-loo.svg",
                "figures/sensitivity-accuracy-cumulative.svg", "figures/sensitivity-accuracy-orders.svg");
        String cumulative = new String(files().get("figures/sensitivity-accuracy-cumulative.svg"),
                StandardCharsets.UTF_8);
        assertThat(cumulative).contains("+ S1 (2022)").contains("Cumulative synthesis: Accuracy");
        String orders = new String(files().get("figures/sensitivity-accuracy-orders.svg"), StandardCharsets.UTF_8);
        assertThat(orders).contains("Yager").contains("Dempster");
        String loo = new String(files().get("figures/sensitivity-accuracy-loo.svg"), StandardCharsets.UTF_8);
        assertThat(loo).contains("without S3");
        for (String svg : SvgXml.inlineSvgs(html())) {
            SvgXml.parse(svg.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void withoutSensitivityTheOutputIsUnchanged() {
        Map<String, byte[]> plain = CaseReport.files();
        Map<String, byte[]> viaNull = Report.files(CaseReport.project(), CaseReport.result(), CaseReport.VERSION,
                CaseReport.DATE, null, null);
        assertThat(viaNull.keySet()).containsExactlyElementsOf(plain.keySet());
        for (String name : plain.keySet()) {
            assertThat(viaNull.get(name)).as(name).isEqualTo(plain.get(name));
        }
        String html = CaseReport.html();
        assertThat(html).doesNotContain("id=\"sensitivity\"").doesNotContain("#sensitivity")
                .contains("<span class=\"num\">6</span> Provenance");
        assertThat(plain.keySet()).noneMatch(n -> n.startsWith("figures/sensitivity-"));
    }

    @Test
    void twoRunsGiveTheSameBytes() {
        files();
        SensitivityResult rerun = SensitivityAnalysis.run(CaseReport.project().synthesis(),
                CaseReport.project().sensitivityWithYears());
        Map<String, byte[]> again = Report.files(CaseReport.project(), CaseReport.result(), CaseReport.VERSION,
                CaseReport.DATE, null, rerun);
        assertThat(again.keySet()).containsExactlyElementsOf(files().keySet());
        for (String name : files().keySet()) {
            assertThat(again.get(name)).as(name).isEqualTo(files().get(name));
        }
    }
}
