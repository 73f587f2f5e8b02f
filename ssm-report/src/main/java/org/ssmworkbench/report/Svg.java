package org.ssmworkbench.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small writer of SVG documents: elements are opened and closed in order, every attribute value and
 * every piece of text is escaped ({@link Markup#escape}), numbers are written compactly and the same
 * way on every machine. The output is a well-formed {@code <svg>} element usable both inline in HTML
 * and, with an XML declaration, as a standalone file.
 *
 * <p>The document is built as its standalone file's UTF-8 bytes, held one byte per char in a Latin-1
 * {@code StringBuilder} (every non-ASCII char is written as its UTF-8 bytes when it is escaped, and all
 * text is escaped): the builder never turns into UTF-16, and the file is a plain copy of it. A report of
 * 20,000 evidence models draws some 60,000 figures, and inflating each builder to UTF-16 for one minus
 * sign, then encoding it again, was most of the cost of drawing them.
 */
final class Svg {

    /** The font stack of all figures (metric-compatible faces; see {@link TextMetrics}). */
    static final String FONT = "Liberation Sans, Arial, Helvetica, sans-serif";

    /** The standalone file's first line (see {@link Figure#file()}). */
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final StringBuilder b = new StringBuilder(8192).append(DECLARATION);
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
        b.append('>');
        escape(text);
        b.append("</").append(tag).append(">\n");
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
        b.append("><title>");
        escape(full);
        b.append("</title>");
        escape(shown);
        b.append("</text>\n");
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

    /** Closes every open element and returns the document (the {@code <svg>} element). */
    String end() {
        byte[] file = endFile();
        int d = DECLARATION.length();
        return new String(file, d, file.length - d, StandardCharsets.UTF_8);
    }

    /** Closes every open element and returns the standalone file's bytes: the declaration, the SVG. */
    byte[] endFile() {
        while (!open.isEmpty()) {
            close();
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Closes every open element and returns the figure. */
    Figure figure(String name, String kind, String caption) {
        return new Figure(name, kind, caption, endFile());
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
            b.append(' ').append((String) attrs[i]).append("=\"");
            // numbers need no escaping; text does
            if (v instanceof Double d) {
                coord(d);
            } else if (v instanceof Integer n) {
                b.append(n.intValue());
            } else if (v instanceof Number n) {
                b.append(n.toString());
            } else {
                escape(v.toString());
            }
            b.append('"');
        }
    }

    /** {@link Num#coord} appended to the document. */
    private void coord(double x) {
        long r = Math.round(x * 100.0);
        if (r == 0) {
            b.append('0');
            return;
        }
        if (r < 0) {
            b.append('-');
            r = -r;
        }
        b.append(r / 100);
        long frac = r % 100;
        if (frac == 0) {
            return;
        }
        b.append('.');
        if (frac % 10 == 0) {
            b.append(frac / 10);
        } else {
            b.append(frac < 10 ? "0" : "").append(frac);
        }
    }

    /**
     * {@link Markup#escape} of {@code text} appended as UTF-8 bytes, one per char: ASCII as it is, the
     * five markup characters as entities, every other char as its UTF-8 bytes, and what XML 1.0 cannot
     * carry (control characters, lone surrogates, U+FFFE, U+FFFF) as U+FFFD.
     */
    private void escape(String text) {
        int n = text.length();
        int plain = 0;
        while (plain < n) {
            char c = text.charAt(plain);
            if (c >= 0x80 || c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
                break;
            }
            plain++;
        }
        if (plain == n) {
            b.append(text);
            return;
        }
        b.append(text, 0, plain);
        for (int i = plain; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '&' -> b.append("&amp;");
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '"' -> b.append("&quot;");
                    case '\'' -> b.append("&#39;");
                    default -> {
                        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                            utf8(0xFFFD);
                        } else {
                            b.append(c);
                        }
                    }
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                utf8(Character.toCodePoint(c, text.charAt(++i)));
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                utf8(0xFFFD);
            } else {
                utf8(c);
            }
        }
    }

    /** The UTF-8 bytes of a code point (not ASCII), one char each. */
    private void utf8(int cp) {
        if (cp < 0x800) {
            b.append((char) (0xC0 | cp >> 6)).append((char) (0x80 | cp & 0x3F));
        } else if (cp < 0x10000) {
            b.append((char) (0xE0 | cp >> 12)).append((char) (0x80 | cp >> 6 & 0x3F)).append((char) (0x80 | cp & 0x3F));
        } else {
            b.append((char) (0xF0 | cp >> 18)).append((char) (0x80 | cp >> 12 & 0x3F))
                    .append((char) (0x80 | cp >> 6 & 0x3F)).append((char) (0x80 | cp & 0x3F));
        }
    }
}
