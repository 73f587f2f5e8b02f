package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.project.Project;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * User text reaches every output as text: a copy of the case whose study title is a script tag, whose
 * effect label holds markup and LaTeX specials, and whose context holds an HTML attribute injection.
 */
class ReportEscapingTest {

    static final String TITLE = "<script>alert(1)</script> Energy-Efficient \"Detection\" & 'More'";
    static final String LABEL = "Top-1 accuracy_% & #1 <i>x</i>";
    static final String CONTEXT = "<img src=x onerror=alert(2)>";

    @TempDir
    static Path tmp;

    static Map<String, byte[]> files;
    static String html;

    @BeforeAll
    static void report() throws IOException {
        Path dir = tmp.resolve("project");
        copy(CaseReport.DIR, dir);
        replace(dir.resolve("studies/S1.yaml"),
                "title: \"Energy-Efficient Respiratory Anomaly Detection in Premature Newborn Infants\"",
                "title: '" + TITLE.replace("'", "''") + "'");
        replace(dir.resolve("studies/S1.yaml"), "datasets: [\"SimBaby\"]", "datasets: ['" + CONTEXT + "']");
        replace(dir.resolve("synthesis.yaml"), "    label: Accuracy\n", "    label: '" + LABEL + "'\n");
        Project p = CaseReport.load(dir);
        SynthesisResult r = Synthesizer.run(p.synthesis());
        files = Report.files(p, r, "test", CaseReport.DATE);
        html = new String(files.get(Report.HTML), StandardCharsets.UTF_8);
    }

    @Test
    void studyTitleIsTextInThePage() {
        assertThat(html).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Energy-Efficient &quot;Detection&quot; &amp; &#39;More&#39;");
        int scripts = html.split("<script", -1).length - 1;
        assertThat(scripts).as("only the page's own script").isEqualTo(1);
    }

    @Test
    void effectLabelAndContextAreTextInThePageAndFigures() {
        assertThat(html).doesNotContain("<i>x</i>").doesNotContain("<img")
                .contains("Top-1 accuracy_% &amp; #1 &lt;i&gt;x&lt;/i&gt;")
                .contains("&lt;img src&#61;x onerror&#61;alert(2)&gt;");
        String forest = new String(files.get("figures/forest-accuracy.svg"), StandardCharsets.UTF_8);
        assertThat(forest).doesNotContain("<i>").contains("Top-1 accuracy_% &amp; #1 &lt;i&gt;x&lt;/i&gt;");
        String s1 = new String(files.get("figures/evidence-S1-e1.svg"), StandardCharsets.UTF_8);
        assertThat(s1).doesNotContain("<img").contains("&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void figuresStayWellFormedAndCarryTheTextItself() throws Exception {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().endsWith(".svg")) {
                Document d = SvgXml.parse(f.getValue());
                assertThat(d.getDocumentElement().getTagName()).as(f.getKey()).isEqualTo("svg");
            }
        }
        Document forest = SvgXml.parse(files.get("figures/forest-accuracy.svg"));
        NodeList texts = forest.getElementsByTagName("text");
        boolean found = false;
        for (int i = 0; i < texts.getLength(); i++) {
            found |= texts.item(i).getTextContent().equals(LABEL);
        }
        assertThat(found).as("the label, unescaped by the XML parser, is the text of a <text>").isTrue();
        for (String svg : SvgXml.inlineSvgs(html)) {
            SvgXml.parse(svg.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void latexEscapesItsSpecialCharacters() {
        String summary = new String(files.get(Report.SUMMARY_TEX), StandardCharsets.UTF_8);
        assertThat(summary).contains("Top-1 accuracy\\_\\% \\& \\#1 \\textless{}i\\textgreater{}x\\textless{}/i\\textgreater{}")
                .doesNotContain("accuracy_%");
        String evidence = new String(files.get(Report.EVIDENCE_TEX), StandardCharsets.UTF_8);
        assertThat(evidence).contains("Top-1 accuracy\\_\\% \\& \\#1").doesNotContain(" #1 ");
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        String csv = new String(files.get(Report.FINDINGS_CSV), StandardCharsets.UTF_8);
        // labels with a comma are quoted; effect ids stay as they are
        assertThat(csv).contains("S3,e1,\"w-fp32, a-q0.16\",accuracy,accuracy,summary,");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path rel = from.relativize(p);
                if (rel.toString().startsWith("out")) {
                    continue;
                }
                Path t = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    static void replace(Path file, String what, String with) throws IOException {
        String s = Files.readString(file);
        assertThat(s).as(file + " holds " + what).contains(what);
        Files.writeString(file, s.replace(what, with));
    }
}
