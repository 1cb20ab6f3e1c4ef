package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Assignment;
import casebook.client.model.CaseEvent;
import casebook.client.model.CaseSearchResult;
import casebook.client.model.CaseSummary;
import casebook.client.model.Flag;
import casebook.client.model.NewNote;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static casebook.e2e.Flags.shopOf;
import static casebook.e2e.Problems.refused;
import static casebook.e2e.Search.bySignal;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 10: regions are walls. A US case does not exist for a SEA analyst: not by id, not in its history, not
 * in search results, not in a facet count. The auditor sees every region but changes nothing.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionWallsIT {
    private final Casebook casebook;
    private final CasebookApi anaSea;
    private final CasebookApi anaUs;
    private final CasebookApi audrey;

    /** One device seen on a SEA seller and on a US seller: a ring across regions. */
    private final String sharedDevice = Flags.unique("dev");
    private Flag seaFlag;
    private Flag usFlag;
    private UUID seaCase;
    private UUID usCase;
    private CaseSearchResult seaAnalystBefore;

    RegionWallsIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
        this.anaUs = casebook.as("ana.us");
        this.audrey = casebook.as("audrey");
    }

    @BeforeAll
    void aSeaCaseThenAUsCaseShareADevice() throws Exception {
        seaFlag = Flags.brushing(Flags.unique("shop"), "SEA", sharedDevice);
        seaCase = casebook.detector("detector-sea").raiseFlag(seaFlag, null).getCaseId();
        seaAnalystBefore = eventually().until(() -> bySignal(anaSea, sharedDevice), r -> r.getTotal() == 1);

        usFlag = Flags.brushing(Flags.unique("shop"), "US", sharedDevice);
        usCase = casebook.detector("detector-us").raiseFlag(usFlag, null).getCaseId();
        // the US case is searchable: the auditor, who holds every region, finds both
        eventually().until(() -> bySignal(audrey, sharedDevice), r -> r.getTotal() == 2);
    }

    @Test
    void theQueueHoldsOnlyTheCallersRegionMostAtRiskFirst() throws Exception {
        CaseSearchResult queue = anaSea.getQueue(0, 100);

        assertThat(queue.getItems()).isNotEmpty().allSatisfy(c -> assertThat(c.getRegion()).isEqualTo("SEA"));
        assertThat(queue.getItems()).extracting(c -> c.getNextDueAt()).doesNotContainNull().isSorted();
        assertThat(queue.getFacets().getStatus().keySet()).doesNotContain("DECIDED", "DISMISSED");
    }

    @Test
    void aSeaAnalystCannotReadAUsCaseNorItsHistoryAsIfItDidNotExist() {
        Problems byId = refused(() -> anaSea.getCase(usCase, null, null));
        Problems history = refused(() -> anaSea.getCaseHistory(usCase, null, null));
        Problems unknown = refused(() -> anaSea.getCase(UUID.randomUUID(), null, null));

        assertThat(byId.status()).isEqualTo(404);
        assertThat(history.status()).isEqualTo(404);
        assertThat(byId.problem().getCode()).isEqualTo(unknown.problem().getCode());
        assertThat(byId.problem().getTitle()).isEqualTo(unknown.problem().getTitle());
    }

    @Test
    void aSeaAnalystNeitherFindsNorCountsAUsCase() throws Exception {
        CaseSearchResult after = bySignal(anaSea, sharedDevice);

        assertThat(after.getTotal()).isEqualTo(1);
        assertThat(after.getItems()).extracting(CaseSummary::getCaseId).containsExactly(seaCase);
        assertThat(after.getItems()).extracting(CaseSummary::getRegion).containsOnly("SEA");
        assertThat(after.getFacets()).isEqualTo(seaAnalystBefore.getFacets());
        assertThat(counted(after.getFacets().getStatus())).isEqualTo(Map.of("OPEN", 1L));
        assertThat(counted(after.getFacets().getCategory())).isEqualTo(Map.of("BRUSHING", 1L));
    }

    /** The values that have matches (the contract leaves the others out; a zero would say the same). */
    private static Map<String, Long> counted(Map<String, Long> facet) {
        return facet.entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void aUsAnalystSeesTheUsCaseOnly() throws Exception {
        CaseSearchResult found = bySignal(anaUs, sharedDevice);

        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(found.getItems()).extracting(CaseSummary::getCaseId).containsExactly(usCase);
        assertThat(anaUs.getCase(usCase, null, null).getSubject().getId()).isEqualTo(shopOf(usFlag));
        assertThat(anaUs.getCaseHistory(usCase, null, null).getEvents()).isNotEmpty();
        assertThat(refused(() -> anaUs.getCase(seaCase, null, null)).status()).isEqualTo(404);
    }

    @Test
    void theAuditorSeesEveryRegionButCannotChangeACase() throws Exception {
        CaseSearchResult found = bySignal(audrey, sharedDevice);
        assertThat(found.getItems()).extracting(CaseSummary::getCaseId).containsExactlyInAnyOrder(seaCase, usCase);
        assertThat(found.getFacets().getStatus()).containsEntry("OPEN", 2L);
        assertThat(audrey.getCase(usCase, null, null).getRegion()).isEqualTo("US");
        assertThat(audrey.getCaseHistory(usCase, null, null).getEvents()).isNotEmpty();

        Problems assign = refused(() -> audrey.assignCase(usCase, new Assignment().assignee("audrey"), null, null));
        Problems note = refused(() -> audrey.addNote(usCase, new NewNote().text("looks like a ring"), null, null));

        assertThat(assign.status()).isEqualTo(403);
        assertThat(note.status()).isEqualTo(403);
        assertThat(audrey.getCaseHistory(usCase, null, null).getEvents()).extracting(CaseEvent::getType)
                .doesNotContain("CaseAssigned", "NoteAdded");
    }
}
