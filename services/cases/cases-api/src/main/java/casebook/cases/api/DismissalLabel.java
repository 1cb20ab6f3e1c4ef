package casebook.cases.api;

/**
 * Why a case was dismissed, as a label for the models that flagged it: the detection was wrong
 * ({@code FALSE_POSITIVE}), or it could be neither confirmed nor refuted ({@code INSUFFICIENT_EVIDENCE}).
 */
public enum DismissalLabel {
    FALSE_POSITIVE, INSUFFICIENT_EVIDENCE
}
