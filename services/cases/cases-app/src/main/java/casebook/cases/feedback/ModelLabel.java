package casebook.cases.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One message on {@code casebook.model-feedback.v1}: the final human outcome of a case, for the owners of the rules
 * and models whose flags it holds. {@code labelId} identifies the label for good (at least once: apply each once).
 * Outcomes: {@code CONFIRMED} (a violation was decided), {@code FALSE_POSITIVE} and {@code INSUFFICIENT_EVIDENCE}
 * (dismissals); later slices add {@code OVERTURNED} (an appeal reversed the decision). {@code flags} holds at most
 * 500 flags, the earliest; {@code flagsOmitted} (absent when none) counts the others.
 */
record ModelLabel(String labelId, String caseId, String decisionId, String outcome, String category, Subject subject,
                  String region, List<LabelledFlag> flags, Integer flagsOmitted, Instant labelledAt) {

    record Subject(String kind, String id) {
    }

    record Source(String kind, String id, String version) {
    }

    record LabelledFlag(String flagId, Source source, BigDecimal score, Instant observedAt) {
    }
}
