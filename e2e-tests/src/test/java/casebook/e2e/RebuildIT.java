package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Assignment;
import casebook.client.model.CaseSearchResult;
import casebook.client.model.CaseStatus;
import casebook.client.model.CaseSummary;
import casebook.client.model.Flag;
import casebook.client.model.RebuildStarted;
import casebook.client.model.RebuildStatus;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static casebook.e2e.Search.bySignal;
import static casebook.e2e.Search.bySubject;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 12: the search projection can be rebuilt from the event store alone. The index is lost; an admin
 * rebuilds it; analysts find the same cases in the same state, by subject and by device id. Runs last (it takes search away for a while).
 */
@EndToEnd
@Order(Integer.MAX_VALUE)
class RebuildIT {
    private final Casebook casebook;
    private final CasebookApi anaSea;

    RebuildIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
    }

    @Test
    void aLostSearchIndexIsRebuiltFromTheEventStore() throws Exception {
        CasebookApi detector = casebook.detector("detector-sea");
        // one case with a single flag, one with three, one in review
        Flag single = Flags.brushing("SEA");
        Flag several = Flags.brushing("SEA");
        Flag taken = Flags.brushing("SEA");
        UUID singleCase = detector.raiseFlag(single, null).getCaseId();
        UUID severalCase = detector.raiseFlag(several, null).getCaseId();
        for (int i = 0; i < 2; i++) {
            detector.raiseFlag(Flags.brushing(Flags.shopOf(several), "SEA", Flags.unique("dev")), null);
        }
        UUID takenCase = detector.raiseFlag(taken, null).getCaseId();
        anaSea.assignCase(takenCase, new Assignment().assignee("ana.sea").reason("rebuild check"), null, null);
        List<String> subjects = List.of(Flags.shopOf(single), Flags.shopOf(several), Flags.shopOf(taken));

        Map<String, List<Found>> expected = Map.of(
                "signal " + Flags.deviceOf(several), List.of(new Found(severalCase, CaseStatus.OPEN, 3, null)),
                Flags.shopOf(single), List.of(new Found(singleCase, CaseStatus.OPEN, 1, null)),
                Flags.shopOf(several), List.of(new Found(severalCase, CaseStatus.OPEN, 3, null)),
                Flags.shopOf(taken), List.of(new Found(takenCase, CaseStatus.IN_REVIEW, 1, "ana.sea")));
        Map<String, List<Found>> before = eventually().until(() -> search(subjects, Flags.deviceOf(several)), expected::equals);

        List<String> lost = casebook.searchIndex().wipe();
        var answer = casebook.as("root.admin").rebuildCaseSearchWithHttpInfo(UUID.randomUUID().toString());

        assertThat(answer.getStatusCode()).isEqualTo(202);
        RebuildStarted started = answer.getData();
        assertThat(started.getProjection()).isEqualTo("case-search");
        assertThat(started.getTargetIndex()).isNotIn(lost);

        Map<String, List<Found>> after = eventually(Duration.ofSeconds(180))
                .until(() -> search(subjects, Flags.deviceOf(several)), before::equals);
        assertThat(after).isEqualTo(before);
        assertThat(casebook.searchIndex().indicesBehindAlias()).containsExactly(started.getTargetIndex());
        // the admin follows it to the end: succeeded, into the index it named, the whole store read
        RebuildStatus done = eventually(Duration.ofSeconds(180))
                .until(() -> casebook.as("root.admin").getCaseSearchRebuild(),
                        status -> status.getState() == RebuildStatus.StateEnum.SUCCEEDED);
        assertThat(done.getTargetIndex()).isEqualTo(started.getTargetIndex());
        assertThat(done.getEventsApplied()).isPositive();
        assertThat(done.getPosition()).isEqualTo(done.getHeadPosition()).isPositive();
        assertThat(done.getFinishedAt()).isAfterOrEqualTo(done.getStartedAt());
    }

    @Test
    void onlyAnAdminMayRebuild() {
        assertThat(Problems.refused(() -> anaSea.rebuildCaseSearch(UUID.randomUUID().toString())).status()).isEqualTo(403);
        assertThat(Problems.refused(() -> casebook.as("audrey").rebuildCaseSearch(UUID.randomUUID().toString())).status()).isEqualTo(403);
        assertThat(Problems.refused(() -> anaSea.getCaseSearchRebuild()).status()).isEqualTo(403);
    }

    /** What ana.sea finds by each subject id, and by a device id. */
    private Map<String, List<Found>> search(List<String> subjects, String device) throws Exception {
        Map<String, List<Found>> found = new LinkedHashMap<>();
        for (String subject : subjects) {
            found.put(subject, found(bySubject(anaSea, subject)));
        }
        found.put("signal " + device, found(bySignal(anaSea, device)));
        return found;
    }

    private static List<Found> found(CaseSearchResult result) {
        return result.getItems().stream().map(Found::of).toList();
    }

    /** What an analyst sees of a case in the result list. */
    record Found(UUID caseId, CaseStatus status, int flagCount, String assignee) {
        static Found of(CaseSummary summary) {
            return new Found(summary.getCaseId(), summary.getStatus(), summary.getFlagCount(), summary.getAssignee());
        }
    }
}
