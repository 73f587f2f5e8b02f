package org.ssmworkbench.io.ingest;

import org.ssmworkbench.io.InputException;

/**
 * How a source's metric column becomes values: the column, its unit as the log gives it, the aggregate
 * over samples (sampled logs), the unit of the aggregated value, the unit written and the factor between.
 *
 * @param column     the header name
 * @param unitIn     the column's unit (from the header, the tool's documentation or column_unit)
 * @param unitSource where unitIn comes from, in words
 * @param aggregate  the aggregate, null for one value per run
 * @param unitOut    the unit written
 * @param factor     value in unitOut = aggregated value × factor
 */
record Metric(String column, String unitIn, String unitSource, Aggregate aggregate, String unitOut, double factor) {

    /**
     * Settles the units of a metric.
     *
     * @param unitIn the column's unit; null when neither the log nor the tool's documentation gives one
     */
    static Metric of(IngestSpec.Source src, String column, String unitIn, String unitSource, Aggregate defaultAggregate,
            java.nio.file.Path file) {
        String in = unitIn;
        String from = unitSource;
        if (src.columnUnit() != null) {
            if (in != null && !in.equals(src.columnUnit())) {
                throw new InputException(file, 1, column, "the log gives the unit " + in + " (" + unitSource
                        + "), but " + src.field() + ".column_unit says " + src.columnUnit());
            }
            in = src.columnUnit();
            from = in.equals(unitIn) ? unitSource : "column_unit";
        }
        if (in == null) {
            throw new InputException(file, 1, column, "the log does not say this column's unit: declare it as "
                    + src.field() + ".column_unit (e.g. ms, J, W)");
        }
        Aggregate agg = src.aggregate();
        if (src.tool().sampled() && agg == null) {
            agg = defaultAggregate;
            if (agg == null) {
                throw new InputException(file, 1, column, "unit " + in + ": declare " + src.field()
                        + ".aggregate (" + String.join(", ", Aggregate.ids()) + ") for how the samples become"
                        + " the run's value");
            }
        }
        final String inUnit = in;
        final String valueUnit = agg == Aggregate.INTEGRAL ? Units.integral(in).orElseThrow(() -> new InputException(
                file, 1, column, "the integral over time of a value in " + inUnit + " is not a unit this tool knows;"
                        + " integral is for power (W, mW, kW)")) : in;
        String out = src.unit();
        if (out == null) {
            out = Units.of(valueUnit).map(u -> u.quantity().equals("energy") || u.quantity().equals("time")
                    ? Units.base(valueUnit) : valueUnit).orElse(valueUnit);
        }
        double f;
        try {
            // an integral is taken in (unitIn × s): unitIn to W, then J to the unit written
            f = agg == Aggregate.INTEGRAL ? Units.factor(in, "W") * Units.factor("J", out) : Units.factor(valueUnit, out);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, 1, column, e.getMessage() + " (" + src.field() + ".unit)");
        }
        return new Metric(column, in, from, agg, out, f);
    }

    /** A value in the aggregated unit, converted to the unit written (in decimal, then to the nearest double). */
    double convert(java.math.BigDecimal v) {
        return factor == 1.0 ? v.doubleValue() : v.multiply(java.math.BigDecimal.valueOf(factor)).doubleValue();
    }

    /** The derivation in words: "PACKAGE_ENERGY (J) [J, from the header]: delta → J". */
    String describe() {
        return column + " [" + unitIn + ", " + unitSource + "]" + (aggregate == null ? "" : ": " + aggregate.id())
                + (factor == 1.0 ? " → " + unitOut : " → " + unitOut + " (× " + Numbers.text(factor) + ")");
    }
}
