package casebook.cases.api;

import java.util.List;
import java.util.Map;

/** One page of search results, the total, and counts per status and per category (same scope). */
public record CasePage(List<CaseView> items, long total, Map<CaseStatus, Long> statusCounts,
                       Map<RiskCategory, Long> categoryCounts) {
}
