package org.ssmworkbench.core.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssmworkbench.core.belief.Frame;

/** The seven-atom SSM scale and its frame. */
class SsmScaleTest {

    @Test
    void scaleHasSevenAtomsInTheFixedBitOrder() {
        assertThat(SsmScale.FRAME.atoms()).containsExactly("SN", "NE", "WN", "IF", "WP", "PO", "SP");
        assertThat(SsmScale.THETA).isEqualTo(SsmScale.FRAME.theta()).isEqualTo(0b1111111L);
        assertThat(SsmScale.LOWER_HALF & SsmScale.UPPER_HALF).isEqualTo(SsmScale.IF);
        assertThat(SsmScale.FRAME.parse("weakly positive")).isEqualTo(SsmScale.WP);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SN           | strongly negative
            NE,WN        | negative - weakly negative
            NE,WN,IF     | negative to indifferent
            SN,NE,WN,IF,WP,PO,SP | strongly negative to strongly positive
            SN,SP        | SN,SP
            """)
    void labelsDescribeAtomsPairsAndIntervals(String codes, String label) {
        assertThat(SsmScale.label(SsmScale.FRAME.parse(codes))).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            'IF',        true
            'WN,IF,WP',  true
            'SN,SP',     false
            'NE,IF',     false
            '',          false
            """)
    void intervalsAreRunsOfAdjacentAtoms(String codes, boolean interval) {
        assertThat(SsmScale.isInterval(SsmScale.FRAME.parse(codes))).isEqualTo(interval);
    }

    @Test
    void anyFrameWithTheSevenCodesInOrderCountsAsTheSsmFrame() {
        assertThat(SsmScale.isSsmFrame(SsmScale.FRAME)).isTrue();
        assertThat(SsmScale.isSsmFrame(Frame.of(SsmScale.CODES))).isTrue();
        assertThat(SsmScale.isSsmFrame(Frame.of("SN", "NE", "WN", "IF", "WP", "SP", "PO"))).isFalse();
    }
}
