package casebook.cases.feedback;

import casebook.cases.api.ActionRuling;
import casebook.cases.api.AppealDecided;
import casebook.cases.api.AppealId;
import casebook.cases.api.AppealOutcome;
import casebook.cases.api.CaseId;
import casebook.cases.api.DecisionId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An appeal's label for a source has one id for good: the same on every publication, another for each source. */
class ModelLabelIdTest {
    static final AppealDecided OVERTURNED = new AppealDecided(CaseId.of("5f0c1c1e-8a53-4c1a-9d57-8c0f2a7f6b11"),
            AppealId.of("a-1"), DecisionId.random(), AppealOutcome.OVERTURNED, List.<ActionRuling>of(), "wrong", "ben");

    @Test
    void oneIdPerAppealAndSource() {
        ModelLabel.Source model = new ModelLabel.Source("MODEL", "brushing-detector", "3.2.0");

        assertThat(ModelFeedbackPublisher.labelId(OVERTURNED, model))
                .isEqualTo(ModelFeedbackPublisher.labelId(OVERTURNED, new ModelLabel.Source("MODEL", "brushing-detector",
                        "3.2.0")))
                .isNotEqualTo(ModelFeedbackPublisher.labelId(OVERTURNED, new ModelLabel.Source("MODEL",
                        "brushing-detector", "3.2.1")))
                .isNotEqualTo(ModelFeedbackPublisher.labelId(OVERTURNED, new ModelLabel.Source("RULE",
                        "brushing-detector", "3.2.0")))
                // the version's length keeps a version and an id from reading as another split of the same characters
                .isNotEqualTo(ModelFeedbackPublisher.labelId(OVERTURNED, new ModelLabel.Source("MODEL",
                        "3.2.0/brushing-detector", "")));
    }
}
