package org.ssmworkbench.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a valid mass function is, and how invalid ones are refused. */
class MassFunctionValidationTest {

    private static final Frame ABC = Frame.of("a", "b", "c");
    private static final long A = 0b001;
    private static final long B = 0b010;

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, -1e-300, 1.0000001, 2.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY})
    void massOutsideTheUnitIntervalIsRefused(double mass) {
        MassFunction.Builder b = MassFunction.builder(ABC);

        assertThatThrownBy(() -> b.put(A, mass))
                .isInstanceOf(InvalidMassException.class)
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("{a}")
                .hasMessageContaining("outside [0, 1]");
        assertThatThrownBy(() -> MassFunction.builder(ABC).add(A, mass)).isInstanceOf(InvalidMassException.class);
        assertThatThrownBy(() -> MassFunction.simpleSupport(ABC, A, mass)).isInstanceOf(InvalidMassException.class);
    }

    @Test
    void massesThatDoNotSumToOneAreRefusedNamingTheSum() {
        MassFunction.Builder b = MassFunction.builder(ABC).put(A, 0.5).put(B, 0.4);

        assertThatThrownBy(b::build)
                .isInstanceOf(InvalidMassException.class)
                .hasMessageContaining("sum to 0.9")
                .hasMessageContaining("not 1");
    }

    @Test
    void massesSummingAboveOneAreRefused() {
        MassFunction.Builder b = MassFunction.builder(ABC).put(A, 0.75).put(B, 0.5);

        assertThatThrownBy(b::build)
                .isInstanceOf(InvalidMassException.class)
                .hasMessageContaining("sum to 1.25");
    }

    @Test
    void sumIsAcceptedWithinTheToleranceOnly() {
        assertThat(MassFunction.builder(ABC).put(A, 0.5).put(B, 0.5 + 0.5e-9).build().total())
                .isCloseTo(1.0, within(1e-9));
        assertThatThrownBy(() -> MassFunction.builder(ABC).put(A, 0.5).put(B, 0.5 + 2e-9).build())
                .isInstanceOf(InvalidMassException.class);
    }

    @Test
    void anEmptyBuilderIsRefused() {
        assertThatThrownBy(() -> MassFunction.builder(ABC).build())
                .isInstanceOf(InvalidMassException.class)
                .hasMessageContaining("sum to 0");
    }

    @Test
    void massOnTheEmptySetIsRefusedInABuiltFunction() {
        MassFunction.Builder b = MassFunction.builder(ABC).put(0L, 0.2).put(A, 0.8);

        assertThatThrownBy(b::build)
                .isInstanceOf(InvalidMassException.class)
                .hasMessageContaining("empty set");
    }

    @Test
    void theSameFocalSetGivenTwiceIsRefused() {
        MassFunction.Builder b = MassFunction.builder(ABC).put(A | B, 0.5);

        assertThatThrownBy(() -> b.put(A | B, 0.5))
                .isInstanceOf(InvalidMassException.class)
                .hasMessageContaining("{a,b}")
                .hasMessageContaining("twice");
    }

    @Test
    void addAccumulatesMassOnOneFocalSet() {
        MassFunction m = MassFunction.builder(ABC).add(A, 0.25).add(A, 0.25).add(B, 0.5).build();

        assertThat(m.mass(A)).isEqualTo(0.5);
        assertThat(m.size()).isEqualTo(2);
    }

    @Test
    void addingBeyondOneOnASetIsRefused() {
        MassFunction.Builder b = MassFunction.builder(ABC).add(A, 0.7).add(A, 0.7);

        assertThatThrownBy(b::build)
                .isInstanceOf(InvalidMassException.class)
                .hasMessageContaining("above 1");
    }

    @Test
    void aFocalSetOutsideTheFrameIsRefused() {
        assertThatThrownBy(() -> MassFunction.builder(ABC).put(0b1000, 0.5))
                .isInstanceOf(FrameException.class);
    }

    @Test
    void zeroMassesAreDroppedAndFocalSetsKeepCanonicalOrder() {
        Map<Long, Double> in = new HashMap<>();
        in.put(ABC.theta(), 0.1);
        in.put(0b110L, 0.2);
        in.put(0b011L, 0.2);
        in.put(0b100L, 0.5);
        in.put(A, 0.0);

        MassFunction m = MassFunction.of(ABC, in);

        assertThat(m.size()).isEqualTo(4);
        assertThat(m.focalSets()).containsExactly(0b100L, 0b011L, 0b110L, ABC.theta());
        assertThat(m.mass(A)).isZero();
        assertThat(m.toString()).isEqualTo("{c}:0.5 {a,b}:0.2 {b,c}:0.2 Θ:0.1");
    }

    @Test
    void simpleSupportPutsTheRestOnTheWholeFrame() {
        MassFunction m = MassFunction.simpleSupport(ABC, A, 0.3);

        assertThat(m.mass(A)).isEqualTo(0.3);
        assertThat(m.mass(ABC.theta())).isEqualTo(0.7);
        assertThat(MassFunction.simpleSupport(ABC, A, 0.0)).isEqualTo(MassFunction.vacuous(ABC));
        assertThat(MassFunction.simpleSupport(ABC, ABC.theta(), 0.6)).isEqualTo(MassFunction.vacuous(ABC));
        assertThat(MassFunction.simpleSupport(ABC, A, 1.0).focalSets()).containsExactly(A);
    }

    @Test
    void simpleSupportNeedsANonEmptyHypothesis() {
        assertThatThrownBy(() -> MassFunction.simpleSupport(ABC, 0L, 0.5))
                .isInstanceOf(InvalidMassException.class)
                .hasMessageContaining("non-empty hypothesis");
    }

    @Test
    void approximatelyEqualsComparesMassesWithinTheTolerance() {
        MassFunction m = MassFunction.builder(ABC).put(A, 0.5).put(B, 0.5).build();
        MassFunction n = MassFunction.builder(ABC).put(A, 0.5 + 1e-10).put(B, 0.5 - 1e-10).build();
        MassFunction other = MassFunction.builder(ABC).put(A, 0.5).put(ABC.theta(), 0.5).build();

        assertThat(m.approximatelyEquals(n, 1e-9)).isTrue();
        assertThat(m.approximatelyEquals(n, 1e-11)).isFalse();
        assertThat(m.approximatelyEquals(other, 0.1)).isFalse();
        assertThat(other.approximatelyEquals(m, 0.1)).isFalse();
        assertThat(m.approximatelyEquals(MassFunction.builder(Frame.of("a", "b", "d")).put(1L, 0.5)
                .put(2L, 0.5).build(), 1.0)).isFalse();
    }
}
