package casebook.e2e;

import casebook.client.ApiException;
import casebook.client.api.CasebookApi;
import casebook.client.api.CasebookApi.APISearchCasesRequest;
import casebook.client.model.Case;
import casebook.client.model.CaseSearchResult;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Searching cases the way an analyst does, and waiting for the search to catch up: it is eventually consistent, so
 * every wait is generous (a slow machine makes a test slower, never red). Speed is measured by benchmarks, not here.
 */
public final class Search {
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private Search() {
    }

    /** Waits up to {@link #PATIENCE}; a failed request (say, while the index is being rebuilt) is retried. */
    public static ConditionFactory eventually() {
        return eventually(PATIENCE);
    }

    public static ConditionFactory eventually(Duration atMost) {
        return await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).ignoreExceptions();
    }

    /**
     * The case once the read model holds every event up to {@code version} (a command's answer, or the last sequence
     * of the case's history): the events of one commit may reach it in more than one write, and a status seen
     * before can come back, so waiting for a field's value can match an older document.
     */
    public static Case atLeast(CasebookApi api, UUID caseId, long version) {
        return eventually().until(() -> api.getCase(caseId, null, null), c -> c.getVersion() >= version);
    }

    public static CaseSearchResult bySignal(CasebookApi api, String signal) throws ApiException {
        return api.searchCases(APISearchCasesRequest.newBuilder().signal(signal).build());
    }

    public static CaseSearchResult bySubject(CasebookApi api, String subjectId) throws ApiException {
        return api.searchCases(APISearchCasesRequest.newBuilder().subjectId(subjectId).build());
    }
}
