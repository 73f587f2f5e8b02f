package org.ssmworkbench.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Frames: construction limits, parsing of focal-set keys, and the full 64-atom frame. */
class FrameTest {

    private static final Frame ABC = Frame.of("a", "b", "c");

    private static List<String> atoms(int n) {
        return IntStream.range(0, n).mapToObj(i -> "x" + i).collect(Collectors.toList());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            a,          1
            'a,b',      3
            'c , a',    5
            ' B,C ',    6
            'A,b,c',    7
            'a,a',      1
            '',         0
            '   ',      0
            """)
    void parsesKeysIgnoringOrderCaseAndSpaces(String key, long mask) {
        assertThat(ABC.parse(key)).isEqualTo(mask);
    }

    @Test
    void unknownAtomIsRejectedNamingTheAtom() {
        assertThatThrownBy(() -> ABC.parse("a, zz"))
                .isInstanceOf(FrameException.class)
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("'zz'")
                .hasMessageContaining("a, b, c");
        assertThatThrownBy(() -> ABC.element("q"))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("'q'");
    }

    @Test
    void emptyPartOfAKeyIsRejected() {
        assertThatThrownBy(() -> ABC.parse("a,,b"))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("empty atom name");
    }

    @Test
    void formatsSetsInFrameOrder() {
        assertThat(ABC.format(0b101)).isEqualTo("a,c");
        assertThat(ABC.format(0L)).isEmpty();
        assertThat(ABC.names(0b110)).containsExactly("b", "c");
        assertThat(MassFunction.describeSet(ABC, ABC.theta())).isEqualTo("Θ");
        assertThat(MassFunction.describeSet(ABC, 0L)).isEqualTo("∅");
        assertThat(MassFunction.describeSet(ABC, 0b011)).isEqualTo("{a,b}");
        assertThatThrownBy(() -> ABC.format(0b1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void frameNeedsAtLeastOneAtom() {
        assertThatThrownBy(() -> Frame.of(List.of()))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("at least one atom");
    }

    @Test
    void frameHoldsAtMost64Atoms() {
        assertThatThrownBy(() -> Frame.of(atoms(65)))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("at most 64")
                .hasMessageContaining("65");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            a,    A
            Low,  LOW
            x y,  X  Y
            """)
    void duplicateAtomNamesAreRejectedIgnoringCase(String first, String second) {
        assertThatThrownBy(() -> Frame.of("other", first, second))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void blankOrCommaOrPaddedAtomNamesAreRejected() {
        assertThatThrownBy(() -> Frame.of("a", " ")).isInstanceOf(FrameException.class);
        assertThatThrownBy(() -> Frame.of("a", "b,c")).isInstanceOf(FrameException.class);
        assertThatThrownBy(() -> Frame.of("a", " b")).isInstanceOf(FrameException.class);
    }

    @Test
    void aliasesMustNotClashWithAtomsNorLeaveTheFrame() {
        assertThatThrownBy(() -> Frame.withAliases(List.of("a", "b"), Map.of("A", 1L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frame.withAliases(List.of("a", "b"), Map.of("big", 0b100L)))
                .isInstanceOf(IllegalArgumentException.class);
        Frame f = Frame.withAliases(List.of("a", "b"), Map.of("Both", 0b11L));
        assertThat(f.parse("both")).isEqualTo(0b11L);
        assertThat(f.aliases()).containsEntry("both", 0b11L);
    }

    @Test
    void framesWithTheSameAtomsAreEqual() {
        assertThat(Frame.of("a", "b", "c")).isEqualTo(ABC).hasSameHashCodeAs(ABC);
        assertThat(Frame.of("a", "c", "b")).isNotEqualTo(ABC);
    }

    @Test
    void frameOf64AtomsUsesEveryBitOfTheMask() {
        Frame f = Frame.of(atoms(64));

        assertThat(f.size()).isEqualTo(64);
        assertThat(f.theta()).isEqualTo(-1L);
        assertThat(f.contains(Long.MIN_VALUE)).isTrue();
        assertThat(f.parse("x63")).isEqualTo(Long.MIN_VALUE);
        assertThat(f.parse(String.join(",", atoms(64)))).isEqualTo(-1L);
        assertThat(f.format(Long.MIN_VALUE | 1L)).isEqualTo("x0,x63");
    }

    @Test
    void combiningOnA64AtomFrameWorks() {
        Frame f = Frame.of(atoms(64));
        long high = Long.MIN_VALUE | (1L << 62);   // {x62, x63}
        long low = 0b11L;                          // {x0, x1}
        long mid = (1L << 63) | 1L;                // {x0, x63}
        MassFunction m1 = MassFunction.builder(f).put(high, 0.5).put(low, 0.2).put(-1L, 0.3).build();
        MassFunction m2 = MassFunction.builder(f).put(mid, 0.6).put(-1L, 0.4).build();

        CombinationStep step = CombinationRule.DEMPSTER.combine(m1, m2);
        MassFunction m = step.result();

        // no product is empty: {x62,x63}∩{x0,x63} = {x63}, {x0,x1}∩{x0,x63} = {x0}
        assertThat(step.conflict()).isZero();
        assertThat(m.mass(Long.MIN_VALUE)).isCloseTo(0.30, within(1e-12));
        assertThat(m.mass(1L)).isCloseTo(0.12, within(1e-12));
        assertThat(m.mass(mid)).isCloseTo(0.18, within(1e-12));
        assertThat(m.mass(high)).isCloseTo(0.20, within(1e-12));
        assertThat(m.mass(low)).isCloseTo(0.08, within(1e-12));
        assertThat(m.mass(-1L)).isCloseTo(0.12, within(1e-12));
        assertThat(m.belief(-1L)).isCloseTo(1.0, within(1e-12));
        assertThat(m.toString()).contains("{x63}").contains("Θ");

        MassFunction third = MassFunction.simpleSupport(f, 1L << 40, 0.5);
        MassFunction all = CombinationRule.DEMPSTER.fold(new ArrayList<>(List.of(m1, m2, third))).result();
        assertThat(all.total()).isCloseTo(1.0, within(1e-12));
        assertThat(all.pignistic()).hasSize(64);
    }
}
