package casebook.cases.api;

import java.util.List;

/** The cases related to {@code caseId} by shared signals, each with exactly what it shares. */
public record RelatedCases(CaseId caseId, List<Related> related) {
    public RelatedCases {
        related = List.copyOf(related);
    }

    public record Related(CaseView relatedCase, Signals shared) {
    }
}
