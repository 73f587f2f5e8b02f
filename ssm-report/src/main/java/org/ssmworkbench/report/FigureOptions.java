package org.ssmworkbench.report;

/**
 * How the report draws and exports its figures.
 *
 * @param widthMm    the width of the PDF and PNG figures in millimetres, or NaN for each figure's own
 *                   size at 96 px per inch (the SVG files keep their pixel size)
 * @param pdf        also write every figure as {@code figures/NAME.pdf} (vector, fonts embedded)
 * @param png        also write every figure as {@code figures/NAME.png} (300 dpi)
 * @param sharedAxis one layout for all forest panels: the same columns and the same outer limit of the
 *                   axis, so that panels stacked in a paper line up
 * @param evidenceFiles write each evidence-model diagram as its own file also in a report of more than
 *                   {@link Figure#INLINE_MODELS} evidence models, where by default they are drawn only in
 *                   the pages {@code figures/evidence-models-K.html} (decision 0054); a smaller report
 *                   always writes them
 */
public record FigureOptions(double widthMm, boolean pdf, boolean png, boolean sharedAxis, boolean evidenceFiles) {

    /** SVG only, each figure its own size and axis: what the report writes unless told otherwise. */
    public static final FigureOptions DEFAULT = new FigureOptions(Double.NaN, false, false, false, false);

    public FigureOptions {
        if (!Double.isNaN(widthMm) && !(widthMm > 0 && widthMm <= 2000)) {
            throw new IllegalArgumentException("the figure width must be more than 0 and at most 2000 mm, not "
                    + Num.plain(widthMm, 3) + " mm");
        }
    }

    /**
     * Parses a width as the user writes it: a number and a unit, {@code mm}, {@code cm} or {@code in}
     * ("170mm", "6.5in", "17 cm").
     *
     * @return the width in millimetres
     * @throws IllegalArgumentException naming what is wrong
     */
    public static double parseWidth(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(mm|cm|in)").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("a figure width is a number and a unit (mm, cm or in), e.g. 170mm or 6.5in;"
                    + " not '" + text + "'");
        }
        double v = Double.parseDouble(m.group(1));
        double mm = switch (m.group(2)) {
            case "mm" -> v;
            case "cm" -> v * 10;
            default -> v * 25.4;
        };
        if (!(mm > 0 && mm <= 2000)) {
            throw new IllegalArgumentException("the figure width must be more than 0 and at most 2000 mm, not '" + text + "'");
        }
        return mm;
    }
}
