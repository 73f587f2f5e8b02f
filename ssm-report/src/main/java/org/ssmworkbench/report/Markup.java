package org.ssmworkbench.report;

/**
 * Escaping of user text for HTML and XML (SVG) output. Every piece of text that comes from a project
 * (titles, labels, context values, notes) passes through {@link #escape} before it reaches a page or a
 * figure; characters that XML 1.0 cannot carry at all (control characters, lone surrogates) are
 * replaced by U+FFFD so that every figure stays well-formed.
 */
public final class Markup {

    private Markup() {
    }

    /**
     * Text escaped for HTML/XML element content and attribute values (single or double quoted):
     * {@code & < > " '} become entities.
     */
    /**
     * Links to pages of rows, each named by its rows: " <a href="P1">1–400</a> · <a href="P2">401–800</a>"
     * for {@code perPage} 400 and two paths (escaped); the last page ends at row {@code rows}.
     */
    static String pageLinks(java.util.List<String> paths, int perPage, int rows) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < paths.size(); k++) {
            b.append(k == 0 ? " " : " \u00b7 ").append("<a href=\"").append(escape(paths.get(k))).append("\">")
                    .append(k * perPage + 1).append('\u2013').append(Math.min(rows, (k + 1) * perPage)).append("</a>");
        }
        return b.toString();
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null && !allowed(text, i, c)) {
                rep = "\uFFFD";
            }
            if (rep != null) {
                if (b == null) {
                    b = new StringBuilder(n + 16);
                    b.append(text, 0, i);
                }
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    /** Whether the char at {@code i} may appear in XML 1.0 text (surrogates only as a valid pair). */
    private static boolean allowed(String s, int i, char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c == 0xFFFE || c == 0xFFFF) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return true;
    }

    /**
     * A string safe as an id or file-name part: letters, digits, '_' and '-' kept, anything else
     * replaced by '_' ("S1/e1" becomes "S1_e1"; ".." can never appear).
     */
    public static String slug(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' ? c : '_');
        }
        return b.length() == 0 ? "_" : b.toString();
    }
}
