package org.ssmworkbench.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One figure of the report: inline in the page and exported as {@code figures/NAME.svg}. It keeps only
 * the standalone file's UTF-8 bytes (an XML declaration, then the SVG): a large report holds tens of
 * thousands of figures at once, and the text as a Java string besides would double or triple that.
 */
public final class Figure {

    private static final byte[] DECLARATION = Svg.DECLARATION.getBytes(StandardCharsets.UTF_8);

    private final String name;
    private final String kind;
    private final String caption;
    private final byte[] file;

    /**
     * @param name    file name without extension, unique in the report ("forest-accuracy")
     * @param kind    "overview", "forest", "theory", "evidence" or "sensitivity"
     * @param caption a caption for people
     * @param svg     the {@code <svg>} element (well-formed XML)
     */
    public Figure(String name, String kind, String caption, String svg) {
        this.name = name;
        this.kind = kind;
        this.caption = caption;
        byte[] body = svg.getBytes(StandardCharsets.UTF_8);
        this.file = Arrays.copyOf(DECLARATION, DECLARATION.length + body.length);
        System.arraycopy(body, 0, file, DECLARATION.length, body.length);
    }

    /** A figure from its standalone file's bytes (as {@link Svg#figure} makes them), kept without a copy. */
    Figure(String name, String kind, String caption, byte[] file) {
        this.name = name;
        this.kind = kind;
        this.caption = caption;
        this.file = file;
    }

    /** File name without extension, unique in the report. */
    public String name() {
        return name;
    }

    /** "overview", "forest", "theory", "evidence" or "sensitivity". */
    public String kind() {
        return kind;
    }

    /** A caption for people. */
    public String caption() {
        return caption;
    }

    /** The {@code <svg>} element. */
    public String svg() {
        return new String(file, DECLARATION.length, file.length - DECLARATION.length, StandardCharsets.UTF_8);
    }

    /** The standalone file: an XML declaration, the SVG, a final newline (a fresh copy). */
    public byte[] file() {
        return file.clone();
    }

    /** The standalone file without a copy, for the report's own output map (which never changes it). */
    byte[] fileBytes() {
        return file;
    }

    /**
     * The evidence models above which the page does not draw their diagrams but links the pages that do
     * ({@link DiagramPages}, decision 0054), and the findings of one effect above which it links the
     * effect's forest panel: a page with tens of thousands of inline figures is hundreds of megabytes
     * that no browser opens well.
     */
    static final int INLINE_MODELS = 200;
    /**
     * See {@link #INLINE_MODELS}; also the rows of one page of a forest panel: an effect of more findings
     * is drawn in pages of this many ({@code forest-EFFECT-1.svg}, {@code -2.svg}, …; decision 0026).
     */
    static final int INLINE_FOREST_ROWS = 400;

    /**
     * The page markup of a forest panel drawn in pages of {@code rows} findings: a link to each page's
     * file, named by the findings it shows.
     */
    static String pagesMarkup(java.util.List<Figure> pages, int rows, int findings) {
        StringBuilder b = new StringBuilder("<p class=\"linked\">Not drawn inline in a report of this size; its "
                + findings + " findings in " + pages.size() + " pages:");
        return b.append(Markup.pageLinks(pages.stream().map(Figure::path).toList(), rows, findings)).append("</p>")
                .toString();
    }

    /** The path inside the output folder. */
    public String path() {
        return "figures/" + name + ".svg";
    }
}
