package casebook.cases.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A case as the search read model holds it. {@code version} is the sequence number of its last event. */
public record CaseView(CaseId caseId, SubjectRef subject, Region region, RiskCategory category, CaseStatus status,
                       Priority priority, String assignee, int flagCount, BigDecimal maxScore, Money moneyAtRisk,
                       Signals signals, List<FlagSummary> flags, List<Note> notes, Instant openedAt,
                       Instant slaDueAt, Instant updatedAt, long version) {

    public record FlagSummary(FlagId flagId, FlagSource source, BigDecimal score, Instant observedAt) {
    }

    public record Note(NoteId noteId, String author, String text, Instant addedAt) {
    }
}
