package org.ssmworkbench.core.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class RoundingPropertiesTest {

    @Property(tries = 5000)
    void fastRoundingEqualsExactRounding(@ForAll @DoubleRange(min = -1e4, max = 1e4) double value,
            @ForAll @IntRange(min = 0, max = 12) int decimals) {
        assertThat(DiscountPolicy.round(value, decimals)).isEqualTo(DiscountPolicy.exactRound(value, decimals));
    }

    @Property(tries = 3000)
    void fastRoundingEqualsExactRoundingNearTies(@ForAll @IntRange(min = -100000, max = 100000) int k,
            @ForAll @IntRange(min = 0, max = 6) int decimals) {
        double tie = (k + 0.5) / Math.pow(10, decimals);
        for (double v : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie)}) {
            assertThat(DiscountPolicy.round(v, decimals)).isEqualTo(DiscountPolicy.exactRound(v, decimals));
        }
    }
}
