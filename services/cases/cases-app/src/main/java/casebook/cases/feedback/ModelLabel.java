package casebook.cases.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One message on {@code casebook.model-feedback.v1}: a human outcome of a case, for the owners of the rules and models
 * whose flags it holds. {@code labelId} identifies the label for good (at least once: apply each once).
 * Outcomes: {@code CONFIRMED} (a violation was decided), {@code FALSE_POSITIVE} and {@code INSUFFICIENT_EVIDENCE}
 * (dismissals), one label per decision with all its flags; {@code OVERTURNED_ON_APPEAL} (an appeal overturned the
 * confirmed violation, {@code appealOutcome} {@code OVERTURNED} or {@code PARTIALLY_OVERTURNED}), one label per flag
 * {@code source}, with that source's flags. {@code flags} holds at most 500 flags, the earliest; {@code flagsOmitted}
 * (absent when none) counts the others. {@code source}, {@code appealId} and {@code appealOutcome} are absent on
 * decision labels.
 */
record ModelLabel(String labelId, String caseId, String decisionId, String outcome, String category, Subject subject,
                  String region, List<LabelledFlag> flags, Integer flagsOmitted, Instant labelledAt, Source source,
                  String appealId, String appealOutcome) {

    record Subject(String kind, String id) {
    }

    record Source(String kind, String id, String version) {
    }

    record LabelledFlag(String flagId, Source source, BigDecimal score, Instant observedAt) {
    }
}
