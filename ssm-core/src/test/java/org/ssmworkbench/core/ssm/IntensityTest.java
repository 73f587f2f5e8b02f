package org.ssmworkbench.core.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The 13 selectable intensities and how their labels and codes are read. */
class IntensityTest {

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            strongly negative                    | SN    | SN
            strongly negative - negative         | SN,NE | SN_NE
            negative                             | NE    | NE
            negative - weakly negative           | NE,WN | NE_WN
            weakly negative                      | WN    | WN
            weakly negative - indifferent        | WN,IF | WN_IF
            indifferent                          | IF    | IF
            indifferent - weakly positive        | IF,WP | IF_WP
            weakly positive                      | WP    | WP
            weakly positive - positive           | WP,PO | WP_PO
            positive                             | PO    | PO
            positive - strongly positive         | PO,SP | PO_SP
            strongly positive                    | SP    | SP
            """)
    void eachOfThe13LabelsAndCodesParsesToItsIntensity(String label, String code, Intensity expected) {
        assertThat(Intensity.parse(label)).isEqualTo(expected);
        assertThat(Intensity.parse(code)).isEqualTo(expected);
        assertThat(Intensity.parse(label.toUpperCase())).isEqualTo(expected);
        assertThat(Intensity.parse(code.toLowerCase())).isEqualTo(expected);
        assertThat(expected.label()).isEqualTo(label);
        assertThat(expected.code()).isEqualTo(code);
        assertThat(expected.toString()).isEqualTo(code);
        assertThat(expected.isPair()).isEqualTo(code.contains(","));
        assertThat(Intensity.ofMask(expected.mask())).contains(expected);
    }

    @Test
    void thereAreExactly13IntensitiesInScaleOrder() {
        assertThat(Intensity.values()).hasSize(13);
        assertThat(Arrays.stream(Intensity.values()).filter(Intensity::isPair)).hasSize(6);
        for (int i = 1; i < 13; i++) {
            int lowPrev = Long.numberOfTrailingZeros(Intensity.values()[i - 1].mask());
            int lowThis = Long.numberOfTrailingZeros(Intensity.values()[i].mask());
            assertThat(lowThis).isGreaterThanOrEqualTo(lowPrev);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            indiferent                           | IF
            Indiferent                           | IF
            weakly negative - indiferent         | WN_IF
            indiferent - weakly positive         | IF_WP
            indifferent - weakly negative        | WN_IF
            indiferent - weakly negative         | WN_IF
            strongly positive - positive         | PO_SP
            negative - strongly negative         | SN_NE
            '  Weakly   Negative  -  Indifferent ' | WN_IF
            IF,WN                                | WN_IF
            ' wn , if '                          | WN_IF
            SP,PO                                | PO_SP
            """)
    void bothSpellingsOfIndifferentAndEitherOrderOfAPairAreAccepted(String text, Intensity expected) {
        assertThat(Intensity.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SN,SP", "NE,IF", "WN,IF,WP", "weakly negative - positive", "strongly negative - weakly negative",
        "very positive", "garbage", "indifferrent", "PO;SP", "positive strongly positive", ""})
    void anythingElseIsAnErrorNotAGuess(String text) {
        assertThatThrownBy(() -> Intensity.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void nonAdjacentCodesAreRefusedAsNotOneOfThe13() {
        assertThatThrownBy(() -> Intensity.parse("SN,SP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not one of the 13");
    }

    @Test
    void idsAreLowerCaseWithHyphens() {
        assertThat(Intensity.PO_SP.id()).isEqualTo("po-sp");
        assertThat(Intensity.IF.id()).isEqualTo("if");
    }

    @Test
    void masksMatchTheScaleBits() {
        assertThat(Intensity.SN.mask()).isEqualTo(1L);
        assertThat(Intensity.SP.mask()).isEqualTo(1L << 6);
        assertThat(Intensity.WN_IF.mask()).isEqualTo(SsmScale.WN | SsmScale.IF);
        assertThat(Intensity.ofMask(SsmScale.SN | SsmScale.SP)).isEmpty();
        assertThat(Intensity.ofMask(SsmScale.THETA)).isEmpty();
    }
}
