package casebook.cases.api;

import java.time.Instant;
import java.util.Set;

/**
 * What an analyst searches by. Every field is optional; {@code text} matches subject id, signals and note
 * text; {@code signal} matches any device id, IP, payment fingerprint or linked account exactly;
 * {@code enforcement} finds cases with an enforcement action in that state; {@code held} cases under a legal hold
 * (true) or under none (false), {@code holdRequestId} cases held for that regulatory request.
 */
public record CaseSearchCriteria(String text, String subjectId, String signal, Set<CaseStatus> statuses,
                                 Set<RiskCategory> categories, Set<Priority> priorities, String assignee,
                                 Instant openedFrom, Instant openedTo, Instant slaDueFrom, Instant slaDueTo,
                                 EnforcementState enforcement, Boolean held,
                                 casebook.cases.api.regulatory.RegulatoryRequestId holdRequestId, int page, int size) {
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_RESULT_WINDOW = 10_000;

    /** Without the legal-hold filters. */
    public CaseSearchCriteria(String text, String subjectId, String signal, Set<CaseStatus> statuses,
                              Set<RiskCategory> categories, Set<Priority> priorities, String assignee,
                              Instant openedFrom, Instant openedTo, Instant slaDueFrom, Instant slaDueTo,
                              EnforcementState enforcement, int page, int size) {
        this(text, subjectId, signal, statuses, categories, priorities, assignee, openedFrom, openedTo, slaDueFrom,
                slaDueTo, enforcement, null, null, page, size);
    }

    public CaseSearchCriteria {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
        if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
        if (size < 1 || size > MAX_PAGE_SIZE) throw new IllegalArgumentException("size must be 1-" + MAX_PAGE_SIZE);
        if ((long) (page + 1) * size > MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException("page * size must stay within " + MAX_RESULT_WINDOW + " results");
        }
    }
}
