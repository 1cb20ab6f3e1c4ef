package casebook.cases.domain;

import casebook.cases.api.CaseId;

/** No such case for this caller: it does not exist, or it lies outside the caller's regions (same answer). */
public class CaseNotFound extends RuntimeException {
    public CaseNotFound(CaseId caseId) {
        super("case " + caseId + " not found");
    }
}
