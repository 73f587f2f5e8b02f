package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link Num#plain}'s digit rounding against the BigDecimal definition it replaces. */
class NumTest {

    private static String reference(double x, int decimals) {
        return new BigDecimal(Double.toString(x)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void worked_values() {
        assertThat(Num.plain(-0.0144, 3)).isEqualTo("-0.014");
        assertThat(Num.plain(0.9995, 3)).isEqualTo("1.000");
        assertThat(Num.plain(99.995, 2)).isEqualTo("100.00");
        assertThat(Num.plain(-0.0004, 3)).isEqualTo("0.000");
        assertThat(Num.plain(-0.0, 2)).isEqualTo("0.00");
        assertThat(Num.plain(2.5, 0)).isEqualTo("3");
        assertThat(Num.plain(-2.5, 0)).isEqualTo("-3");
        assertThat(Num.plain(12.0, 4)).isEqualTo("12.0000");
        assertThat(Num.plain(0.125, 2)).isEqualTo("0.13");
        assertThat(Num.plain(1.0E7, 1)).isEqualTo("10000000.0");
        assertThat(Num.plain(5.0E-4, 3)).isEqualTo("0.001");
        assertThat(Num.plain(Double.NaN, 3)).isEqualTo("NaN");
        assertThat(Num.fixed(-0.0144, 3)).isEqualTo("\u22120.014");
        assertThat(Num.signed(-0.0004, 3)).isEqualTo("\u22120.000");
    }

    @Property(tries = 3000)
    void plain_is_half_up_of_the_shortest_decimal_form(@ForAll("values") double x,
            @ForAll @IntRange(min = 0, max = 6) int decimals) {
        assertThat(Num.plain(x, decimals)).isEqualTo(reference(x, decimals));
    }

    @Provide
    Arbitrary<Double> values() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1000, 1000),
                Arbitraries.doubles().between(-1, 1).ofScale(4),
                Arbitraries.doubles().between(-100, 100).ofScale(3),
                Arbitraries.integers().between(-100000, 100000).map(i -> i / 1000.0 + 0.0005),
                Arbitraries.of(0.0, -0.0, 0.5, -0.5, 0.9999999, 9.9995, -9.9995, 1e-3, 1e7, 123456.5, 1e300, 4.9e-324),
                Arbitraries.doubles());
    }
}
