package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Assignment;
import casebook.client.model.Case;
import casebook.client.model.CaseEvent;
import casebook.client.model.CaseStatus;
import casebook.client.model.Closure;
import casebook.client.model.DecisionProposal;
import casebook.client.model.DismissalLabel;
import casebook.client.model.Flag;
import casebook.client.model.FlagReceipt;
import casebook.client.model.ResolutionCode;
import casebook.client.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static casebook.e2e.Problems.refused;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** A case ends with a resolution code; a new flag soon after, or new evidence, reopens it. */
@EndToEnd
class ClosingIT {
    private final Casebook casebook;
    private final CasebookApi anaSea;
    private final CasebookApi leeSea;

    ClosingIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
        this.leeSea = casebook.as("lee.sea");
    }

    @Test
    void aDismissedCaseClosesAndANewFlagForItsSubjectReopensIt() throws Exception {
        Flag first = Flags.brushing("SEA");
        UUID caseId = casebook.detector("detector-sea").raiseFlag(first, null).getCaseId();
        anaSea.assignCase(caseId, new Assignment().assignee("ana.sea"), null, null);
        anaSea.proposeDecision(caseId, new DecisionProposal().verdict(Verdict.NO_VIOLATION)
                .rationale("A verified corporate buyer.").label(DismissalLabel.FALSE_POSITIVE), null, null);

        anaSea.closeCase(caseId, new Closure().resolution(ResolutionCode.NO_VIOLATION).note("Buyer verified."), null, null);

        Case closed = caseWith(anaSea, caseId, CaseStatus.CLOSED);
        assertThat(closed.getResolution()).isEqualTo(ResolutionCode.NO_VIOLATION);
        assertThat(closed.getClosedAt()).isNotNull();

        FlagReceipt again = casebook.detector("detector-sea")
                .raiseFlag(Flags.brushing(Flags.shopOf(first), "SEA", Flags.unique("dev")), null);

        assertThat(again.getCaseId()).as("the closed case, not a new one").isEqualTo(caseId);
        // reopened, then the flag attached: wait for both in the read model
        Case reopened = eventually().until(() -> anaSea.getCase(caseId, null, null),
                c -> c.getStatus() == CaseStatus.OPEN && c.getFlagCount() == 2);
        assertThat(reopened.getResolution()).isNull();
        assertThat(reopened.getAssignee()).isNull();
        assertThat(reopened.getDecision()).isNull();
        List<CaseEvent> history = anaSea.getCaseHistory(caseId, null, null).getEvents();
        assertThat(history).extracting(CaseEvent::getType).containsSubsequence("CaseClosed", "CaseReopened", "FlagAttached");
        assertThat(history).filteredOn(e -> e.getType().equals("CaseReopened")).extracting(CaseEvent::getActor)
                .containsExactly("detector-sea");
    }

    @Test
    void onlyALeadClosesAnUndecidedCaseAndAnAnalystReopensItOnNewEvidence() throws Exception {
        UUID caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
        Closure gone = new Closure().resolution(ResolutionCode.SUBJECT_GONE).note("Shop deleted by its owner.");

        assertThat(refused(() -> anaSea.closeCase(caseId, gone, null, null)).status()).isEqualTo(403);
        assertThat(refused(() -> casebook.as("lee.us").closeCase(caseId, gone, null, null)).status()).isEqualTo(404);
        Problems notDecided = refused(() -> leeSea.closeCase(caseId,
                new Closure().resolution(ResolutionCode.ENFORCED), null, null));
        assertThat(notDecided.status()).isEqualTo(422);

        leeSea.closeCase(caseId, gone, null, null);
        assertThat(caseWith(anaSea, caseId, CaseStatus.CLOSED).getResolution()).isEqualTo(ResolutionCode.SUBJECT_GONE);

        anaSea.reopenCase(caseId, "The shop is back under a new owner.", null, null);

        Case reopened = caseWith(anaSea, caseId, CaseStatus.OPEN);
        assertThat(reopened.getDecisionDueAt()).isNotNull();
        assertThat(refused(() -> anaSea.reopenCase(caseId, "twice", null, null)).problem().getCode())
                .isEqualTo("case-status");
    }

    private static Case caseWith(CasebookApi api, UUID caseId, CaseStatus status) {
        return eventually().until(() -> api.getCase(caseId, null, null), c -> c.getStatus() == status);
    }
}
