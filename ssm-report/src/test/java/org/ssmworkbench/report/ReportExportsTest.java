package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exports: CSV of findings, LaTeX tables, and one well-formed SVG per figure. */
class ReportExportsTest {

    @Test
    void filesAreTheDocumentedSet() {
        List<String> names = new ArrayList<>(CaseReport.files().keySet());
        assertThat(names.subList(0, 4)).containsExactly("report.html", "findings.csv", "summary.tex", "evidence.tex");
        assertThat(names.subList(4, names.size())).allMatch(n -> n.startsWith("figures/") && n.endsWith(".svg"))
                .hasSize(32).contains("figures/overview.svg", "figures/theory.svg", "figures/forest-accuracy.svg",
                        "figures/forest-dsc.svg", "figures/evidence-S1-e1.svg", "figures/evidence-S6-e2.svg");
        for (String n : names) {
            String top = n.contains("/") ? n.substring(0, n.indexOf('/')) : n;
            assertThat(Report.OUTPUT_NAMES).contains(top);
        }
    }

    @Test
    void findingsCsvHasAColumnPerFieldAndARowPerFinding() throws IOException {
        CsvMapper m = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = m.readerFor(String[].class).readValues(CaseReport.files().get("findings.csv"))) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows.get(0)).containsExactly("study", "evidence", "label", "effect", "concept", "source", "n",
                "mean", "std", "q1", "q3", "iqr", "intensity", "intensity_label", "discount", "study_belief", "mass",
                "recorded_intensity", "recorded_discount", "recorded_mass", "recorded_matches");
        assertThat(rows).hasSize(1 + 93);
        String[] s5 = rows.stream().filter(r -> r[0].equals("S5") && r[3].equals("accuracy")).findFirst().orElseThrow();
        assertThat(s5).containsExactly("S5", "e1", "int8", "accuracy", "accuracy", "summary", "", "-13.792", "29.19", "",
                "", "13.889", "NE,WN", "negative - weakly negative", "0.096", "0.7361083333333334", "0.665", "NE,WN",
                "0.096", "0.665", "true");
    }

    @Test
    void summaryTexIsABooktabsTableOfEveryEffect() {
        String tex = CaseReport.text("summary.tex");
        assertThat(tex).contains("\\begin{table}[htbp]", "\\begin{tabular}{llrrrrrrlll}", "\\toprule", "\\midrule",
                "\\bottomrule", "\\end{tabular}", "\\end{table}", "\\label{tab:ssm-summary}");
        assertThat(tex).contains("Accuracy & \\{WN\\} & 0.886 & 0.888 & 17 & 5 & 0.195 & 0.404 & reinforced & \\{WN\\} 0.90"
                + " & $-$0.014 \\\\");
        assertThat(tex.lines().filter(l -> l.endsWith("\\\\")).count()).isEqualTo(1 + 11);
        assertBalanced(tex);
    }

    @Test
    void evidenceTexIsALongtableOfEveryFindingByStudy() {
        String tex = CaseReport.text("evidence.tex");
        assertThat(tex).contains("\\begin{longtable}{lllrrrlrr}", "\\endfirsthead", "\\endhead", "\\end{longtable}");
        assertThat(tex).contains("\\multicolumn{9}{l}{\\textbf{S5} Gonz\u00e1lez \u00c1lvarez et al. (2024) ---"
                + " quasi-experiment, $B$ = 0.736} \\\\");
        assertThat(tex).contains("e1 & int8 & Accuracy & -- & $-$13.79 & 13.89 & NE,WN & 0.096 & 0.665 \\\\");
        long rows = tex.lines().filter(l -> l.endsWith("\\\\") && !l.startsWith("\\multicolumn")
                && !l.startsWith("Model &") && !l.startsWith("\\caption")).count();
        assertThat(rows).isEqualTo(93);
        assertBalanced(tex);
    }

    @Test
    void everySvgFileIsWellFormedAndInThePage() {
        String html = CaseReport.html();
        int n = 0;
        for (var f : CaseReport.files().entrySet()) {
            if (!f.getKey().startsWith("figures/")) {
                continue;
            }
            n++;
            var doc = SvgXml.parse(f.getValue());
            assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            String id = doc.getDocumentElement().getAttribute("id");
            String name = f.getKey().substring("figures/".length(), f.getKey().length() - 4);
            assertThat(id).isEqualTo("fig-" + name);
            assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
            assertThat(html).contains("id=\"" + id + "\"");
        }
        assertThat(n).isEqualTo(32);
        List<String> inline = SvgXml.inlineSvgs(html);
        assertThat(inline).hasSize(32);
        for (String svg : inline) {
            SvgXml.parse(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Braces outside escapes balance, as in a document that compiles. */
    private static void assertBalanced(String tex) {
        int depth = 0;
        for (int i = 0; i < tex.length(); i++) {
            char c = tex.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '%') {
                int nl = tex.indexOf('\n', i);
                i = nl < 0 ? tex.length() : nl;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("closing brace at " + i).isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(depth).isZero();
    }
}
