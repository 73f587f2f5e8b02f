package org.ssmworkbench.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small writer of SVG documents: elements are opened and closed in order, every attribute value and
 * every piece of text is escaped ({@link Markup#escape}), numbers are written compactly and the same
 * way on every machine. The output is a well-formed {@code <svg>} element usable both inline in HTML
 * and, with an XML declaration, as a standalone file.
 */
final class Svg {

    /** The font stack of all figures (metric-compatible faces; see {@link TextMetrics}). */
    static final String FONT = "Liberation Sans, Arial, Helvetica, sans-serif";

    private final StringBuilder b = new StringBuilder(8192);
    private final Deque<String> open = new ArrayDeque<>();
    private final String id;

    /**
     * Starts a figure of the given size with an accessible title and description.
     *
     * @param id    document-unique id (also prefixes ids inside the figure)
     * @param title the figure's title (read by screen readers and shown on hover of the background)
     * @param desc  a one-sentence description
     */
    Svg(String id, double width, double height, String title, String desc) {
        this.id = id;
        open("svg", "xmlns", "http://www.w3.org/2000/svg", "id", id, "class", "ssm-figure",
                "width", width, "height", height, "viewBox", "0 0 " + Num.coord(width) + " " + Num.coord(height),
                "font-family", FONT, "font-size", 11, "role", "img", "aria-labelledby", id + "-title " + id + "-desc");
        element("title", title, "id", id + "-title");
        element("desc", desc, "id", id + "-desc");
        rect(0, 0, width, height, "fill", "#ffffff");
    }

    /** The figure's id. */
    String id() {
        return id;
    }

    /** Opens an element; {@code attrs} are name, value pairs (value: a String, escaped, or a Number). */
    Svg open(String tag, Object... attrs) {
        b.append('<').append(tag);
        attributes(attrs);
        b.append(">\n");
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element. */
    Svg close() {
        b.append("</").append(open.pop()).append(">\n");
        return this;
    }

    /** An element without content. */
    Svg empty(String tag, Object... attrs) {
        b.append('<').append(tag);
        attributes(attrs);
        b.append("/>\n");
        return this;
    }

    /** An element holding escaped text. */
    Svg element(String tag, String text, Object... attrs) {
        b.append('<').append(tag);
        attributes(attrs);
        b.append('>').append(Markup.escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    /** A {@code <title>} (the hover text of its parent). */
    Svg title(String text) {
        return element("title", text);
    }

    /** A text at (x, y) with further attributes. */
    Svg text(double x, double y, String text, Object... attrs) {
        return element("text", text, at(x, y, attrs));
    }

    private static Object[] at(double x, double y, Object[] attrs) {
        Object[] all = new Object[attrs.length + 4];
        all[0] = "x";
        all[1] = x;
        all[2] = "y";
        all[3] = y;
        System.arraycopy(attrs, 0, all, 4, attrs.length);
        return all;
    }

    /**
     * A text at (x, y) showing {@code shown}, a shortened {@code full}: when they differ, the full text is
     * the element's {@code <title>} (its tooltip, and what screen readers read).
     */
    Svg textFull(double x, double y, String shown, String full, Object... attrs) {
        if (shown.equals(full)) {
            return text(x, y, shown, attrs);
        }
        b.append("<text");
        attributes(at(x, y, attrs));
        b.append("><title>").append(Markup.escape(full)).append("</title>").append(Markup.escape(shown))
                .append("</text>\n");
        return this;
    }

    /** A rectangle with further attributes. */
    Svg rect(double x, double y, double w, double h, Object... attrs) {
        Object[] all = new Object[attrs.length + 8];
        all[0] = "x";
        all[1] = x;
        all[2] = "y";
        all[3] = y;
        all[4] = "width";
        all[5] = Math.max(0, w);
        all[6] = "height";
        all[7] = Math.max(0, h);
        System.arraycopy(attrs, 0, all, 8, attrs.length);
        return empty("rect", all);
    }

    /** A line with further attributes. */
    Svg line(double x1, double y1, double x2, double y2, Object... attrs) {
        Object[] all = new Object[attrs.length + 8];
        all[0] = "x1";
        all[1] = x1;
        all[2] = "y1";
        all[3] = y1;
        all[4] = "x2";
        all[5] = x2;
        all[6] = "y2";
        all[7] = y2;
        System.arraycopy(attrs, 0, all, 8, attrs.length);
        return empty("line", all);
    }

    /** A polygon through the given points (x0, y0, x1, y1, ...). */
    Svg polygon(double[] xy, Object... attrs) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) {
                p.append(' ');
            }
            p.append(Num.coord(xy[i])).append(',').append(Num.coord(xy[i + 1]));
        }
        Object[] all = new Object[attrs.length + 2];
        all[0] = "points";
        all[1] = p.toString();
        System.arraycopy(attrs, 0, all, 2, attrs.length);
        return empty("polygon", all);
    }

    /** Closes every open element and returns the document. */
    String end() {
        while (!open.isEmpty()) {
            close();
        }
        return b.toString();
    }

    private void attributes(Object[] attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            Object v = attrs[i + 1];
            if (v == null) {
                continue;
            }
            // numbers need no escaping; text does
            String s = v instanceof Double d ? Num.coord(d) : v instanceof Number n ? n.toString()
                    : Markup.escape(v.toString());
            b.append(' ').append(attrs[i]).append("=\"").append(s).append('"');
        }
    }
}
