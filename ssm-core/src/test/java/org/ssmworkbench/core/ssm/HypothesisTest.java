package org.ssmworkbench.core.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HypothesisTest {

    @Test
    void readsAsPeopleWriteIt() {
        Hypothesis h = Hypothesis.of(SsmScale.PO | SsmScale.SP);
        assertThat(h.codes()).isEqualTo("PO,SP");
        assertThat(h.braces()).isEqualTo("{PO,SP}");
        assertThat(h.label()).isEqualTo(SsmScale.label(SsmScale.PO | SsmScale.SP));
        assertThat(h.isInterval()).isTrue();
        assertThat(h.isWholeScale()).isFalse();
        assertThat(h.lowest()).isEqualTo(5);
        assertThat(h.highest()).isEqualTo(6);
        assertThat(Hypothesis.of(SsmScale.WN).braces()).isEqualTo("{WN}");
        assertThat(Hypothesis.of(SsmScale.NE | SsmScale.WP).isInterval()).isFalse();
    }

    @Test
    void theWholeScaleIsTheta() {
        assertThat(Hypothesis.of(SsmScale.THETA)).isSameAs(Hypothesis.WHOLE_SCALE);
        assertThat(Hypothesis.WHOLE_SCALE.braces()).isEqualTo("\u0398");
        assertThat(Hypothesis.WHOLE_SCALE.isWholeScale()).isTrue();
        assertThat(Hypothesis.of(SsmScale.LOWER_HALF)).isEqualTo(new Hypothesis(SsmScale.LOWER_HALF));
    }

    @Test
    void anEmptySetOrABitOffTheScaleIsNoHypothesis() {
        assertThatThrownBy(() -> Hypothesis.of(0L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypothesis.of(1L << 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a hypothesis on the SSM scale");
    }

    @Test
    void aSelectionNamesItsHypothesis() {
        var m = org.ssmworkbench.core.belief.MassFunction.simpleSupport(SsmScale.FRAME, SsmScale.PO, 0.8);
        Selection s = ResultSelector.EVIDENCE_FACTORY.select(m);
        assertThat(s.hypothesis()).isEqualTo(Hypothesis.of(SsmScale.PO));
        assertThat(s.candidates()).extracting(Selection.Candidate::hypothesis).contains(Hypothesis.of(SsmScale.PO));
    }
}
