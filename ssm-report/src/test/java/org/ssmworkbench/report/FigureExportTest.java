package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The PDF and PNG exports of the figures, read back: fonts embedded, sizes, resolution, same bytes. */
class FigureExportTest {

    private static final Instant DATE = Instant.parse("2025-07-01T12:00:00Z");

    private static Figure forest() {
        return Figures.of(CaseReport.project(), CaseReport.result(), new Tasks()).forests().get(0).get(0);
    }

    @Test
    void pdfIsOnePageOfTheSetWidthWithEveryFontEmbeddedAndTheTextAsText() throws IOException {
        Figure f = forest();
        byte[] pdf = new FigureExport(170, DATE).pdf(f);
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            double[] size = FigureExport.size(f);
            assertThat(page.getMediaBox().getWidth()).isCloseTo((float) (170 / 25.4 * 72), org.assertj.core.data.Offset.offset(0.5f));
            assertThat(page.getMediaBox().getHeight())
                    .isCloseTo((float) (170 / 25.4 * 72 * size[1] / size[0]), org.assertj.core.data.Offset.offset(0.5f));
            List<String> fonts = new ArrayList<>();
            for (org.apache.pdfbox.cos.COSName n : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(n);
                fonts.add(font.getName());
                assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
            }
            assertThat(fonts).isNotEmpty().allMatch(n -> n.contains("LiberationSans"));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(CaseReport.result().effects().get(0).effect().label()).contains("Combined");
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(DATE);
        }
    }

    @Test
    void pdfAndPngAreTheSameBytesEveryTime() {
        Figure f = forest();
        FigureExport x = new FigureExport(120, DATE);
        assertThat(x.pdf(f)).isEqualTo(new FigureExport(120, DATE).pdf(f));
        assertThat(x.png(f)).isEqualTo(new FigureExport(120, DATE).png(f));
    }

    @Test
    void pngHasThePixelWidthOf300DpiAndRecordsThatResolution() throws IOException {
        Figure f = forest();
        byte[] png = new FigureExport(3.5 * 25.4, DATE).png(f);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(1050);
        double[] size = FigureExport.size(f);
        assertThat((double) img.getHeight()).isCloseTo(1050 * size[1] / size[0], org.assertj.core.data.Offset.offset(1.0));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadata meta = r.getImageMetadata(0);
            Element root = (Element) meta.getAsTree("javax_imageio_png_1.0");
            Element phys = (Element) root.getElementsByTagName("pHYs").item(0);
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
            assertThat(Math.round(Integer.parseInt(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254)).isEqualTo(300);
        }
    }

    @Test
    void withoutAWidthAFigureKeepsItsOwnSizeAt96PxPerInch() {
        FigureExport x = new FigureExport(Double.NaN, DATE);
        assertThat(x.widthMm(960)).isCloseTo(254, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void rejectsWidthsThatAreNoSize() {
        assertThatThrownBy(() -> new FigureExport(0, DATE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("figure width");
        assertThatThrownBy(() -> new FigureExport(-3, DATE)).isInstanceOf(IllegalArgumentException.class);
    }
}
