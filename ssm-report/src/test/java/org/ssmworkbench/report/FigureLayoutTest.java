package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.project.Project;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * No two texts of a figure overlap, however long the study ids, evidence-model ids and effect labels:
 * the quantization case with every study renamed to a long id and every effect given a long label,
 * each text's box measured with Java's own font machinery on Liberation Sans (independently of the
 * metrics table the figures are laid out with) and compared with every other.
 */
class FigureLayoutTest {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static Font regular;
    private static Font bold;
    private static Font italic;

    @TempDir
    static Path tmp;

    private static Map<String, byte[]> files;

    @BeforeAll
    static void longIds() throws Exception {
        regular = font("LiberationSans-Regular.ttf");
        bold = font("LiberationSans-Bold.ttf");
        italic = font("LiberationSans-Italic.ttf");
        Path dir = tmp.resolve("long");
        copy(CaseReport.DIR, dir);
        String syn = Files.readString(dir.resolve("synthesis.yaml"));
        String[] longIds = {"Arisholm2007", "PaulEnergyEfficientRespiratoryAnomalyDetection2022", "S3", "Rey2025QuantizedLLMs",
            "SomeoneElse2023/x", "Zhang2024-energy-of-int4-and-int8"};
        for (int i = 1; i <= 6; i++) {
            String id = longIds[i - 1].replace('/', '-');
            Path from = dir.resolve("studies").resolve("S" + i + ".yaml");
            String study = Files.readString(from).replaceFirst("(?m)^id: S" + i + "\\s*$", "id: " + id);
            Files.delete(from);
            Files.writeString(dir.resolve("studies").resolve(id + ".yaml"), study);
            syn = syn.replaceFirst("(studies: \\[[^\\]]*)\\bS" + i + "\\b", "$1" + id);
        }
        syn = syn.replaceAll("(?m)^(\\s+label: )(.*)$", "$1$2 measured over the whole benchmark suite, per request");
        Files.writeString(dir.resolve("synthesis.yaml"), syn);
        Project p = CaseReport.load(dir);
        SynthesisResult r = Synthesizer.run(p.synthesis());
        assertThat(r.findings()).anyMatch(f -> f.key().startsWith("PaulEnergyEfficientRespiratoryAnomalyDetection2022/"));
        assertThat(r.effects().get(0).effect().label()).endsWith("per request");
        files = Report.files(p, r, "test", CaseReport.DATE, null, null,
                new FigureOptions(Double.NaN, false, false, false, false));
    }

    @Test
    void noTwoTextsOfAForestPlotOverlap() {
        List<String> forests = names("figures/forest-");
        assertThat(forests).hasSizeGreaterThan(5);
        for (String name : forests) {
            assertNoOverlap(name);
        }
    }

    @Test
    void noTwoTextsOfTheTheoryOrAnEvidenceDiagramOverlap() {
        assertNoOverlap("figures/theory.svg");
        for (String name : names("figures/evidence-")) {
            assertNoOverlap(name);
        }
    }

    @Test
    void theTheoryDiagramShowsLongEffectLabelsWhole() {
        Document d = SvgXml.parse(files.get("figures/theory.svg"));
        String shown = String.join(" ", texts(d).stream().map(t -> t.text).toList());
        assertThat(shown).doesNotContain("\u2026 ");
        assertThat(new String(files.get("figures/theory.svg"), StandardCharsets.UTF_8).replaceAll("<[^>]+>\\s*", " ")
                .replaceAll("\\s+", " ")).contains("measured over the whole benchmark suite, per");
    }

    @Test
    void aShortenedIdKeepsTheFullIdAsItsTooltip() {
        Document d = SvgXml.parse(files.get(names("figures/forest-").get(0)));
        NodeList ts = d.getElementsByTagNameNS("*", "text");
        boolean found = false;
        for (int i = 0; i < ts.getLength(); i++) {
            Element t = (Element) ts.item(i);
            String own = ownText(t);
            if (own.startsWith("PaulEnergy") && own.endsWith("\u2026")) {
                NodeList title = t.getElementsByTagNameNS("*", "title");
                assertThat(title.getLength()).isEqualTo(1);
                assertThat(title.item(0).getTextContent()).startsWith("PaulEnergyEfficientRespiratoryAnomalyDetection2022/e");
                found = true;
            }
        }
        assertThat(found).as("a shortened long id").isTrue();
    }

    @Test
    void aSharedAxisGivesEveryForestPlotTheSameWidthAndColumns() throws Exception {
        Project p = CaseReport.project();
        Map<String, byte[]> shared = Report.files(p, CaseReport.result(), "test", CaseReport.DATE, null, null,
                new FigureOptions(Double.NaN, false, false, true, false));
        List<String> heads = new ArrayList<>();
        for (String name : shared.keySet()) {
            if (name.startsWith("figures/forest-")) {
                String svg = new String(shared.get(name), StandardCharsets.UTF_8);
                heads.add(svg.substring(svg.indexOf("<svg"), svg.indexOf('>', svg.indexOf("<svg"))).replaceAll("height=\"[^\"]*\"|viewBox=\"[^\"]*\"|id=\"[^\"]*\"|aria-labelledby=\"[^\"]*\"", "")
                        + axisTicks(svg));
            }
        }
        assertThat(heads).hasSizeGreaterThan(5);
        // cut points differ by family; within a family every panel has the same ticks
        assertThat(heads.stream().distinct().count()).isLessThanOrEqualTo(
                CaseReport.result().effects().stream().map(e -> e.effect().family()).distinct().count());
    }

    private static String axisTicks(String svg) {
        int a = svg.indexOf("class=\"axis\"");
        return svg.substring(a, svg.indexOf("mean relative improvement", a)).replaceAll("y=\"[^\"]*\"|y1=\"[^\"]*\"|y2=\"[^\"]*\"", "");
    }

    private static List<String> names(String prefix) {
        return files.keySet().stream().filter(n -> n.startsWith(prefix) && n.endsWith(".svg")).toList();
    }

    private static void assertNoOverlap(String name) {
        List<Box> boxes = texts(SvgXml.parse(files.get(name)));
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Box a = boxes.get(i);
                Box b = boxes.get(j);
                assertThat(a.overlaps(b)).as("%s: '%s' and '%s' overlap (%s, %s)", name, a.text, b.text, a, b)
                        .isFalse();
            }
        }
    }

    /** A text's box: x from its anchor and measured advance, y from its baseline, ascent and descent. */
    record Box(String text, double x0, double x1, double y0, double y1) {
        boolean overlaps(Box o) {
            double e = 0.25;
            return x0 < o.x1 - e && o.x0 < x1 - e && y0 < o.y1 - e && o.y0 < y1 - e;
        }
    }

    private static List<Box> texts(Document d) {
        List<Box> out = new ArrayList<>();
        NodeList ts = d.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < ts.getLength(); i++) {
            Element t = (Element) ts.item(i);
            String text = ownText(t);
            if (text.isBlank()) {
                continue;
            }
            double size = Double.parseDouble(inherited(t, "font-size", "11"));
            boolean isBold = inherited(t, "font-weight", "normal").equals("bold");
            boolean isItalic = inherited(t, "font-style", "normal").equals("italic");
            Font f = (isBold ? bold : isItalic ? italic : regular).deriveFont((float) size);
            double w = f.getStringBounds(text, FRC).getWidth();
            String spacing = inherited(t, "letter-spacing", "0");
            w += Double.parseDouble(spacing) * text.length();
            double x = Double.parseDouble(t.getAttribute("x"));
            double y = Double.parseDouble(t.getAttribute("y"));
            String anchor = inherited(t, "text-anchor", "start");
            double x0 = anchor.equals("end") ? x - w : anchor.equals("middle") ? x - w / 2 : x;
            out.add(new Box(text, x0, x0 + w, y - 0.72 * size, y + 0.21 * size));
        }
        return out;
    }

    private static String ownText(Element t) {
        StringBuilder b = new StringBuilder();
        for (Node c = t.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE) {
                b.append(c.getNodeValue());
            }
        }
        return b.toString().strip();
    }

    private static String inherited(Element e, String attr, String dflt) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute(attr)) {
                return el.getAttribute(attr);
            }
        }
        return dflt;
    }

    private static Font font(String file) throws Exception {
        try (InputStream in = FigureExport.class.getResourceAsStream("/org/ssmworkbench/report/fonts/" + file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
