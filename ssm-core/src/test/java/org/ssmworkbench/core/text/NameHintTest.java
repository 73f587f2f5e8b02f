package org.ssmworkbench.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameHintTest {

    @Test
    void namesTheClosestKnownNameWithinTheDistanceLetterCaseIgnored() {
        assertThat(NameHint.didYouMean("acuracy", List.of("latency", "accuracy"))).isEqualTo("; did you mean 'accuracy'?");
        assertThat(NameHint.didYouMean("CPU_Power", List.of("cpu_power"))).isEqualTo("; did you mean 'cpu_power'?");
        // within max(2, length / 3): two edits on a short name still hint, three do not
        assertThat(NameHint.didYouMean("gxx", List.of("gpu"))).isEqualTo("; did you mean 'gpu'?");
        assertThat(NameHint.didYouMean("abc", List.of("xyz"))).isEmpty();
        assertThat(NameHint.didYouMean("anything", List.of())).isEmpty();
    }
}
