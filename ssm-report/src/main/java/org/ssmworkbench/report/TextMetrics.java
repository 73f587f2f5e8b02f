package org.ssmworkbench.report;

/**
 * Estimated advance width of text in the figures' font (Liberation Sans, Arial and Helvetica share
 * these metrics), so that boxes fit their labels and labels are shortened before they collide. The
 * widths are Helvetica's AFM widths per 1000 em for printable ASCII; other characters count as a wide
 * average, so estimates err on the side of room.
 */
final class TextMetrics {

    private static final int[] ASCII = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space .. /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 .. ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ .. O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P .. _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` .. o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0     // p .. DEL
    };

    /** Width of characters outside printable ASCII (per 1000 em). */
    private static final int OTHER = 640;

    private TextMetrics() {
    }

    /** Estimated width in px of {@code text} at {@code size} px; bold text is about 7% wider. */
    static double width(String text, double size, boolean bold) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            w += c >= 32 && c < 127 ? ASCII[c - 32] : OTHER;
        }
        return w / 1000.0 * size * (bold ? 1.07 : 1.0);
    }

    /** Estimated width in px of regular text. */
    static double width(String text, double size) {
        return width(text, size, false);
    }

    /** {@code text} shortened with an ellipsis to fit {@code max} px (unchanged when it fits). */
    static String fit(String text, double size, boolean bold, double max) {
        if (width(text, size, bold) <= max) {
            return text;
        }
        String ell = "\u2026";
        double room = max - width(ell, size, bold);
        double w = 0;
        int end = 0;
        while (end < text.length()) {
            int next = end + (Character.isHighSurrogate(text.charAt(end)) && end + 1 < text.length() ? 2 : 1);
            double cw = width(text.substring(end, next), size, bold);
            if (w + cw > room) {
                break;
            }
            w += cw;
            end = next;
        }
        return text.substring(0, end).stripTrailing() + ell;
    }

    /** Splits {@code text} into lines of at most {@code max} px, breaking at spaces (long words are cut). */
    static java.util.List<String> wrap(String text, double size, boolean bold, double max) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        double lineWidth = 0;
        double space = width(" ", size, bold);
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            double w = width(word, size, bold);
            if (line.length() > 0 && lineWidth + space + w <= max) {
                line.append(' ').append(word);
                lineWidth += space + w;
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            if (w <= max) {
                line.append(word);
                lineWidth = w;
            } else {
                lines.add(fit(word, size, bold, max));
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
