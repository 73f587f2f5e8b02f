package org.ssmworkbench.core.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyBeliefTest {

    private static Checklist checklist() {
        return new Checklist("c", List.of(
                new Checklist.Question("1", "aims", List.of(new Checklist.Item("1.1", ""), new Checklist.Item("1.2", ""))),
                new Checklist.Question("2", "context", List.of(new Checklist.Item("2.1", ""),
                        new Checklist.Item("2.2", ""), new Checklist.Item("2.3", ""))),
                new Checklist.Question("3", "bias", List.of(new Checklist.Item("3.1", "")))));
    }

    private static Map<String, Answer> answers(String... pairs) {
        Map<String, Answer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], Answer.byId(pairs[i + 1]));
        }
        return m;
    }

    @Test
    void qualityIsTheMeanOverQuestionsOfYesShareLeavingOutAllNotApplicable() {
        Checklist.Score s = checklist().score(answers("1.1", "yes", "1.2", "no", "2.1", "yes", "2.2", "n.a.",
                "2.3", "yes", "3.1", "n.a."));
        // question 1: 1/2, question 2: 2/2, question 3 left out -> (0.5 + 1) / 2
        assertThat(s.quality()).isCloseTo(0.75, within(1e-15));
        assertThat(s.perQuestion().get("3")).isNaN();
        QualityBands.Band quasi = QualityBands.ssm().band("quasi-experiment");
        assertThat(quasi.belief(s.quality())).isCloseTo(0.5 + 0.25 * 0.75, within(1e-15));
    }

    @Test
    void unansweredOrUnknownItemsAreErrors() {
        assertThatThrownBy(() -> checklist().score(answers("1.1", "yes")))
                .hasMessageContaining("item 1.2 is not answered");
        assertThatThrownBy(() -> checklist().score(answers("9.9", "yes")))
                .hasMessageContaining("unknown item '9.9'");
        assertThatThrownBy(() -> Answer.byId("maybe")).hasMessageContaining("expected yes, no or n.a.");
        assertThat(Answer.byId("true")).isEqualTo(Answer.YES);
        assertThat(Answer.byId("N/A")).isEqualTo(Answer.NOT_APPLICABLE);
    }

    @Test
    void unknownStudyTypeNamesTheKnownOnes() {
        assertThatThrownBy(() -> QualityBands.ssm().band("survey"))
                .hasMessageContaining("unknown study type 'survey'")
                .hasMessageContaining("quasi-experiment");
    }
}
