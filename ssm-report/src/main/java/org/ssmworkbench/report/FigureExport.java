package org.ssmworkbench.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.apache.fop.configuration.ConfigurationException;
import org.apache.fop.configuration.DefaultConfigurationBuilder;
import org.apache.fop.svg.AbstractFOPTranscoder;
import org.apache.fop.svg.PDFTranscoder;

/**
 * A figure's SVG as a PDF (vector, the text as text in Liberation Sans, the fonts embedded as subsets)
 * and as a PNG of 300 dots per inch, at a width the user sets; Apache FOP's PDF transcoder and Apache
 * Batik's PNG transcoder do the rendering (decision 0025). Works headless and offline: the fonts are
 * the repository's own copies of Liberation Sans (the metrics {@link TextMetrics} lays the figures out
 * for), never the machine's.
 *
 * <p>The same figure, width and date give the same bytes: the PDF's creation and modification dates are
 * the report's date and its file identifier is derived from its content.
 */
public final class FigureExport {

    /** Pixels (CSS px, SVG user units) per inch: the size a figure has when no width is set. */
    public static final double CSS_DPI = 96;
    /** Dots per inch of the PNG files. */
    public static final int PNG_DPI = 300;

    private static final String FONTS = "/org/ssmworkbench/report/fonts/";
    private static final String[][] FACES = {
        {"LiberationSans-Regular.ttf", "normal", "normal"},
        {"LiberationSans-Bold.ttf", "normal", "bold"},
        {"LiberationSans-Italic.ttf", "italic", "normal"},
        {"LiberationSans-Bold.ttf", "italic", "bold"},
    };
    /** Every family name of {@link Svg#FONT}, so that the first one the renderer looks up is ours. */
    private static final String[] FAMILIES = {"Liberation Sans", "Arial", "Helvetica", "sans-serif"};
    private static final Pattern SIZE = Pattern.compile("<svg\\b[^>]*?\\swidth=\"([0-9.]+)\"[^>]*?\\sheight=\"([0-9.]+)\"");

    private static volatile boolean awtFonts;

    private final double widthMm;
    private final Instant date;

    /**
     * @param widthMm the width of every exported figure in millimetres, or NaN for each figure's own
     *                width at {@value #CSS_DPI} px per inch
     * @param date    the date the PDF files state (the report's date)
     */
    public FigureExport(double widthMm, Instant date) {
        if (!Double.isNaN(widthMm) && !(widthMm > 0 && widthMm <= 2000)) {
            throw new IllegalArgumentException("figure width must be more than 0 and at most 2000 mm, not " + widthMm);
        }
        this.widthMm = widthMm;
        this.date = date;
    }

    /** The width in millimetres of a figure {@code svgWidth} px wide. */
    double widthMm(double svgWidth) {
        return Double.isNaN(widthMm) ? svgWidth / CSS_DPI * 25.4 : widthMm;
    }

    /** The figure as a one-page PDF of the set width (its height in proportion). */
    public byte[] pdf(Figure f) {
        double[] size = size(f);
        PDFTranscoder t = new PDFTranscoder();
        try {
            t.configure(new DefaultConfigurationBuilder().build(new ByteArrayInputStream(fontConfig())));
        } catch (ConfigurationException e) {
            throw new IllegalStateException("the PDF font configuration is broken", e);
        }
        t.addTranscodingHint(AbstractFOPTranscoder.KEY_STROKE_TEXT, Boolean.FALSE);
        t.addTranscodingHint(AbstractFOPTranscoder.KEY_AUTO_FONTS, Boolean.FALSE);
        t.addTranscodingHint(PDFTranscoder.KEY_PIXEL_UNIT_TO_MILLIMETER, (float) (widthMm(size[0]) / size[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        transcode(t, f, out);
        return deterministic(out.toByteArray());
    }

    /** The figure as a PNG of {@value #PNG_DPI} dpi at the set width, with that resolution recorded. */
    public byte[] png(Figure f) {
        registerAwtFonts();
        double[] size = size(f);
        double mm = widthMm(size[0]);
        PNGTranscoder t = new PNGTranscoder();
        t.addTranscodingHint(ImageTranscoder.KEY_WIDTH, (float) pngWidth(mm));
        t.addTranscodingHint(ImageTranscoder.KEY_PIXEL_UNIT_TO_MILLIMETER, (float) (25.4 / PNG_DPI));
        t.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        transcode(t, f, out);
        return out.toByteArray();
    }

    /** The PNG width in pixels of a figure {@code mm} wide. */
    static long pngWidth(double mm) {
        return Math.round(mm / 25.4 * PNG_DPI);
    }

    /** The figure's width and height in px, from its root element. */
    static double[] size(Figure f) {
        Matcher m = SIZE.matcher(f.svg());
        if (!m.find()) {
            throw new IllegalStateException("figure " + f.name() + " has no width and height");
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    private static void transcode(org.apache.batik.transcoder.Transcoder t, Figure f, ByteArrayOutputStream out) {
        TranscoderInput in = new TranscoderInput(new ByteArrayInputStream(f.file()));
        in.setURI("file:/figures/" + f.name() + ".svg");
        try {
            t.transcode(in, new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("could not render figure " + f.name() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] fontConfig() {
        StringBuilder b = new StringBuilder("<fop><fonts>");
        for (String[] face : FACES) {
            URL url = FigureExport.class.getResource(FONTS + face[0]);
            if (url == null) {
                throw new IllegalStateException("font missing from the application: " + FONTS + face[0]);
            }
            b.append("<font kerning=\"yes\" embedding-mode=\"subset\" embed-url=\"")
                    .append(Markup.escape(url.toExternalForm())).append("\">");
            for (String family : FAMILIES) {
                b.append("<font-triplet name=\"").append(family).append("\" style=\"").append(face[1])
                        .append("\" weight=\"").append(face[2]).append("\"/>");
            }
            b.append("</font>");
        }
        return b.append("</fonts></fop>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Makes Liberation Sans known to Java's font system (for the PNG renderer), once. */
    private static void registerAwtFonts() {
        if (awtFonts) {
            return;
        }
        synchronized (FigureExport.class) {
            if (awtFonts) {
                return;
            }
            GraphicsEnvironment g = GraphicsEnvironment.getLocalGraphicsEnvironment();
            for (String face : new String[] {"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
                "LiberationSans-Italic.ttf"}) {
                try (InputStream in = FigureExport.class.getResourceAsStream(FONTS + face)) {
                    if (in == null) {
                        throw new IllegalStateException("font missing from the application: " + FONTS + face);
                    }
                    g.registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (FontFormatException e) {
                    throw new IllegalStateException("font " + face + " is broken", e);
                }
            }
            awtFonts = true;
        }
    }

    /**
     * The PDF with its dates set to the report's date and its file identifier derived from its content,
     * both patched in place at the same length (so that the cross-reference offsets stay right).
     */
    private byte[] deterministic(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        StringBuilder b = new StringBuilder(text);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(date);
        Matcher d = Pattern.compile("/(?:CreationDate|ModDate) ?\\(D:([0-9]{14})([^)]*)\\)").matcher(text);
        while (d.find()) {
            b.replace(d.start(1), d.end(1), stamp);
            String zone = d.group(2);
            String utc = zone.isEmpty() ? "" : "Z" + "00'00'".substring(0, Math.max(0, zone.length() - 1));
            if (utc.length() == zone.length()) {
                b.replace(d.start(2), d.end(2), utc);
            }
        }
        Matcher id = Pattern.compile("/ID ?\\[ ?<([0-9A-Fa-f]+)> ?<([0-9A-Fa-f]+)> ?\\]").matcher(text);
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        while (id.find()) {
            spans.add(new int[] {id.start(1), id.end(1)});
            spans.add(new int[] {id.start(2), id.end(2)});
        }
        for (int[] s : spans) {
            b.replace(s[0], s[1], "0".repeat(s[1] - s[0]));
        }
        if (!spans.isEmpty()) {
            String hash = sha256Hex(b.toString().getBytes(StandardCharsets.ISO_8859_1));
            for (int[] s : spans) {
                int n = s[1] - s[0];
                b.replace(s[0], s[1], hash.repeat(n / hash.length() + 1).substring(0, n).toUpperCase(java.util.Locale.ROOT));
            }
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
