package casebook.cases.api.regulatory;

import casebook.cases.api.CaseId;
import casebook.cases.api.SubjectRef;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/** What a request is about: subjects and/or cases, at least one, each list bounded. */
public record RequestScope(List<SubjectRef> subjects, List<CaseId> caseIds) {
    public static final int MAX_SUBJECTS = 1_000;
    public static final int MAX_CASES = 1_000;

    public RequestScope {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return subjects.isEmpty() && caseIds.isEmpty();
    }
}
