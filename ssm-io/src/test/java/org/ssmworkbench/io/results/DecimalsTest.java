package org.ssmworkbench.io.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Floating-point noise is not printed; every other value prints in full. */
class DecimalsTest {

    @Test
    void theNoiseOfTheCasesPrintsAsTheShortDecimal() {
        assertThat(Decimals.text(0.4 * 0.35)).isEqualTo("0.14"); // 0.13999999999999999
        assertThat(Decimals.text(0.1 + 0.2)).isEqualTo("0.3"); // 0.30000000000000004
        assertThat(Decimals.text(1.0000000000000002)).isEqualTo("1.0");
        assertThat(Decimals.text(0.9999999999999998)).isEqualTo("1.0");
        assertThat(Decimals.text(1 - 0.996)).isEqualTo("0.004"); // 0.0040000000000000036
        assertThat(Decimals.text(0.0021250720000000056)).isEqualTo("0.002125072");
        assertThat(Decimals.text(0.25094099999999997)).isEqualTo("0.250941");
        assertThat(Decimals.text(-0.13999999999999999)).isEqualTo("-0.14");
        assertThat(Decimals.text(12.299999999999999)).isEqualTo("12.3");
    }

    @Test
    void realValuesAndSpecialValuesAreUntouched() {
        assertThat(Decimals.text(0.2716678805535324)).isEqualTo("0.2716678805535324");
        assertThat(Decimals.text(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(Decimals.text(2.0 / 3e-9)).isEqualTo(Double.toString(2.0 / 3e-9));
        assertThat(Decimals.text(0.0)).isEqualTo("0.0");
        assertThat(Decimals.text(1e-300)).isEqualTo("1.0E-300");
        assertThat(Decimals.text(Double.NaN)).isEqualTo("NaN");
        assertThat(Decimals.text(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(Decimals.clean(5.551115123125783e-17)).isEqualTo(5.551115123125783e-17);
    }

    /** A decimal of up to 10 significant digits prints as itself, whatever its scale. */
    @Property
    void shortDecimalsPrintAsThemselves(@ForAll @IntRange(min = 1, max = 9_999_999) int digits,
            @ForAll @IntRange(min = -12, max = 6) int exponent) {
        double x = new BigDecimal(digits).scaleByPowerOfTen(exponent).doubleValue();
        assertThat(Decimals.clean(x)).isEqualTo(x);
    }

    /** Cleaning moves a value by at most 10^-15 of its size (0.01 at least): never a visible change. */
    @Property
    void cleaningNeverMovesAValueVisibly(@ForAll @DoubleRange(min = -1e6, max = 1e6) double x) {
        assertThat(Math.abs(Decimals.clean(x) - x)).isLessThanOrEqualTo(1e-15 * Math.max(Math.abs(x), 0.01));
    }

    @Test
    void theJsonGeneratorCleansEveryDoubleAndPassesTheRestThrough() throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Decimals.cleaning(new JsonFactory().createGenerator(w))) {
            g.writeStartObject();
            g.writeNumberField("a", 0.4 * 0.35);
            g.writeNumberField("b", 3);
            g.writeFieldName("c");
            g.writeArray(new double[] {0.1 + 0.2, 0.5}, 0, 2);
            g.writeStringField("d", "0.13999999999999999");
            g.writeEndObject();
        }
        assertThat(w.toString()).isEqualTo("{\"a\":0.14,\"b\":3,\"c\":[0.3,0.5],\"d\":\"0.13999999999999999\"}");
    }

    /** The rounding clean uses is Math.rint to the bit: halves, signs, zeros, large and tiny values. */
    @Property
    void rintIsMathRint(@ForAll @DoubleRange(min = -1e17, max = 1e17) double x, @ForAll @IntRange(min = 0, max = 20) int shift) {
        for (double v : new double[] {x, x / Math.pow(10, shift), Math.floor(x / Math.pow(10, shift)) + 0.5,
            -Math.floor(x / Math.pow(10, shift)) - 0.5}) {
            assertThat(Double.doubleToRawLongBits(Decimals.rint(v))).as("rint(%s)", v)
                    .isEqualTo(Double.doubleToRawLongBits(Math.rint(v)));
        }
    }

    @Test
    void rintAtTheEdges() {
        for (double v : new double[] {0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, -0.3, 0x1p52 - 0.5,
            0x1p52, 0x1p53 + 2, -0x1p52 + 0.5, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThat(Double.doubleToRawLongBits(Decimals.rint(v))).as("rint(%s)", v)
                    .isEqualTo(Double.doubleToRawLongBits(Math.rint(v)));
        }
        assertThat(Decimals.rint(Double.NaN)).isNaN();
    }
}
