package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;

/**
 * A report of more than 200 evidence models (decision 0054): the case's studies cloned ("S1-1", …) past
 * 200 models, plus one study of 230 models (S1's first model copied under new ids, "big"). The diagrams
 * are drawn in pages of whole studies, at most 200 each unless one study has more, every diagram exactly
 * once and as a small report draws it; the report links every page and each study's place in it; each
 * diagram is its own file only with {@code evidenceFiles}.
 */
class ReportDiagramPagesTest {

    static SynthesisResult result;
    static Map<String, byte[]> files;
    static Map<String, byte[]> withFiles;
    static String html;
    static int models;

    @BeforeAll
    static void report() {
        Synthesis c = CaseReport.project().synthesis();
        List<Study> studies = new ArrayList<>(c.studies());
        Study s1 = c.studies().get(0);
        List<EvidenceModel> many = new ArrayList<>();
        for (int i = 1; i <= 230; i++) {
            EvidenceModel m = s1.evidence().get(0);
            many.add(new EvidenceModel("m" + i, m.label(), m.moderators(), m.explanation(), m.effects()));
        }
        for (int k = 1; count(studies) <= 300; k++) {
            for (Study st : c.studies()) {
                studies.add(new Study(st.id() + "-" + k, st.type(), st.answers(), st.explicitBelief(), st.evidence()));
            }
            if (k == 2) {
                studies.add(new Study("big", s1.type(), s1.answers(), s1.explicitBelief(), many));
            }
        }
        result = Synthesizer.run(c.withStudies(studies));
        models = count(studies);
        files = Report.files(CaseReport.project(), result, "test", CaseReport.DATE);
        withFiles = Report.files(CaseReport.project(), result, "test", CaseReport.DATE, null, null,
                new FigureOptions(Double.NaN, false, false, false, true));
        html = text(files, Report.HTML);
    }

    private static int count(List<Study> studies) {
        return studies.stream().mapToInt(s -> s.evidence().size()).sum();
    }

    private static String text(Map<String, byte[]> f, String name) {
        assertThat(f).containsKey(name);
        return new String(f.get(name), StandardCharsets.UTF_8);
    }

    /** The pages in order: figures/evidence-models-1.html, -2.html, … */
    private static List<String> pages(Map<String, byte[]> f) {
        List<String> out = new ArrayList<>();
        for (int k = 1; f.containsKey("figures/evidence-models-" + k + ".html"); k++) {
            out.add("figures/evidence-models-" + k + ".html");
        }
        assertThat(f.keySet().stream().filter(n -> n.endsWith(".html") && !n.equals(Report.HTML)))
                .containsExactlyInAnyOrderElementsOf(out);
        return out;
    }

    /** Study id → the ids of the diagrams its section holds, in each page, in page order. */
    private static Map<String, List<String>> sections(String page) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<details class=\"study-diagrams\" id=\"diagrams-([^\"]+)\" open>(.*?)</details>",
                Pattern.DOTALL).matcher(page);
        Pattern svg = Pattern.compile("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"([^\"]+)\"");
        while (m.find()) {
            List<String> ids = new ArrayList<>();
            Matcher s = svg.matcher(m.group(2));
            while (s.find()) {
                ids.add(s.group(1));
            }
            assertThat(out.put(m.group(1), ids)).as("study %s twice in one page", m.group(1)).isNull();
        }
        return out;
    }

    @Test
    void everyDiagramIsDrawnOnceInPagesOfWholeStudiesInCombinationOrder() {
        List<String> pages = pages(files);
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        List<String> studyOrder = new ArrayList<>();
        List<String> drawn = new ArrayList<>();
        for (String p : pages) {
            Map<String, List<String>> sections = sections(text(files, p));
            int n = sections.values().stream().mapToInt(List::size).sum();
            assertThat(n).as(p).isPositive();
            if (sections.size() > 1) {
                assertThat(n).as(p).isLessThanOrEqualTo(200);
            }
            studyOrder.addAll(sections.keySet());
            sections.values().forEach(drawn::addAll);
        }
        assertThat(studyOrder).isEqualTo(result.synthesis().studies().stream().map(Study::id).toList());
        assertThat(drawn).hasSize(models).doesNotHaveDuplicates();
        // the study of 230 models has a page to itself, and the page before it is not cut short for it
        String big = pages.stream().filter(p -> sections(text(files, p)).containsKey("big")).findFirst().orElseThrow();
        assertThat(sections(text(files, big))).containsOnlyKeys("big");
        assertThat(sections(text(files, big)).get("big")).hasSize(230).startsWith("fig-evidence-big-m1")
                .endsWith("fig-evidence-big-m230");
    }

    @Test
    void aPageDrawsEachDiagramAsTheSmallReportDoesWithItsFindingsAndLinks() {
        List<String> pages = pages(files);
        String first = text(files, pages.get(0));
        Study s1 = result.synthesis().studies().get(0);
        for (Figure f : ReportFigures.evidence(CaseReport.project(), result, s1.id())) {
            assertThat(first).contains(f.svg());
        }
        assertThat(first).contains("<table class=\"model-findings\">")
                .contains("Content-Security-Policy\" content=\"default-src 'none';")
                .contains("<a href=\"../report.html#diagrams\">The report</a>")
                .contains("<a href=\"evidence-models-2.html\" rel=\"next\">Next page</a>")
                .doesNotContain("rel=\"prev\"")
                .contains("Page 1 of " + pages.size() + ": " + s1.id() + " \u2013 ")
                .doesNotContain("<a class=\"file\"");
        String last = text(files, pages.get(pages.size() - 1));
        assertThat(last).contains("<a href=\"evidence-models-" + (pages.size() - 1) + ".html\" rel=\"prev\">")
                .doesNotContain("rel=\"next\"");
        for (String p : pages) {
            Matcher m = Pattern.compile("<svg xmlns=.*?</svg>", Pattern.DOTALL).matcher(text(files, p));
            while (m.find()) {
                SvgXml.parse(m.group().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theReportLinksEveryPageAndEachStudysPlaceInItButDrawsNoDiagram() {
        List<String> pages = pages(files);
        assertThat(html).contains(models + " evidence models: too many to draw in this page, so their diagrams are"
                + " drawn in " + pages.size() + " pages of whole studies, up to 200 diagrams each")
                .doesNotContain("id=\"fig-evidence-")
                .doesNotContain("<details class=\"study-diagrams\"");
        for (String p : pages) {
            assertThat(html).contains("<td class=\"mono\"><a href=\"" + p + "\">" + p + "</a></td>");
        }
        Matcher link = Pattern.compile("<td class=\"n\"><a href=\"(figures/evidence-models-\\d+\\.html)#diagrams-([^\"]+)\">(\\d+)</a></td>")
                .matcher(html);
        int rows = 0;
        while (link.find()) {
            rows++;
            assertThat(text(files, link.group(1))).contains("id=\"diagrams-" + link.group(2) + "\" open>");
        }
        assertThat(rows).isEqualTo(result.studies().size());
        assertThat(files.keySet()).noneMatch(n -> n.startsWith("figures/evidence-") && n.endsWith(".svg"))
                .contains("figures/overview.svg", "figures/theory.svg");
    }

    @Test
    void withEvidenceFilesEachDiagramIsAlsoItsOwnFileLinkedFromItsPage() {
        List<String> pages = pages(withFiles);
        assertThat(pages).hasSameSizeAs(pages(files));
        List<String> svgs = withFiles.keySet().stream()
                .filter(n -> n.startsWith("figures/evidence-") && n.endsWith(".svg")).toList();
        assertThat(svgs).hasSize(models);
        for (String p : pages) {
            assertThat(withFiles.get(p)).as(p).isNotEqualTo(files.get(p));
            String page = text(withFiles, p);
            Matcher m = Pattern.compile("<a class=\"file\" href=\"(evidence-[^\"]+\\.svg)\">").matcher(page);
            while (m.find()) {
                String file = text(withFiles, "figures/" + m.group(1));
                SvgXml.parse(withFiles.get("figures/" + m.group(1)));
                assertThat(page).contains(file.substring(file.indexOf("<svg")).strip());
            }
        }
        assertThat(text(withFiles, Report.HTML)).contains("each is also a file in figures/.");
        // everything else is the same
        for (String n : files.keySet()) {
            if (!n.startsWith("figures/evidence-models-") && !n.equals(Report.HTML)) {
                assertThat(withFiles.get(n)).as(n).isEqualTo(files.get(n));
            }
        }
    }

    @Test
    void twoRunsGiveTheSameBytes() {
        Map<String, byte[]> again = Report.files(CaseReport.project(), result, "test", CaseReport.DATE);
        assertThat(again.keySet()).containsExactlyElementsOf(files.keySet());
        files.forEach((n, b) -> assertThat(again.get(n)).as(n).isEqualTo(b));
    }
}
