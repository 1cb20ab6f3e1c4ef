package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Assignment;
import casebook.client.model.Case;
import casebook.client.model.CaseEvidence;
import casebook.client.model.CaseStatus;
import casebook.client.model.CaseSummary;
import casebook.client.model.DecisionProposal;
import casebook.client.model.DismissalLabel;
import casebook.client.model.EntityKind;
import casebook.client.model.EvidenceKind;
import casebook.client.model.Flag;
import casebook.client.model.Merge;
import casebook.client.model.NewEvidence;
import casebook.client.model.NewLinkedEntity;
import casebook.client.model.ResolutionCode;
import casebook.client.model.RiskCategory;
import casebook.client.model.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static casebook.e2e.Problems.refused;
import static casebook.e2e.Search.bySignal;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Investigating: evidence by reference and hash, linked entities found by search, duplicates merged. */
@EndToEnd
class InvestigationIT {
    static final String SHA = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    private final Casebook casebook;
    private final CasebookApi anaSea;

    InvestigationIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
    }

    @Test
    void evidenceAndLinkedEntitiesShowOnTheCaseAndInSearch() throws Exception {
        UUID caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
        String device = Flags.unique("dev-linked");

        casebook.as("lex").addEvidence(caseId, new NewEvidence().kind(EvidenceKind.CHAT_LOG)
                .reference("s3://casebook-evidence/sea/chat-4471.json").sha256(SHA).note("Seller coaches buyers."), null, null);
        anaSea.linkEntity(caseId, new NewLinkedEntity().kind(EntityKind.DEVICE).value(device).note("in the chat"), null, null);

        Case investigated = eventually().until(() -> anaSea.getCase(caseId, null, null), c -> c.getLinks() != null && !c.getLinks().isEmpty());
        CaseEvidence evidence = investigated.getEvidence().get(0);
        assertThat(evidence.getSha256()).isEqualTo(SHA);
        assertThat(evidence.getAddedBy()).isEqualTo("lex");
        assertThat(evidence.getReference()).isEqualTo("s3://casebook-evidence/sea/chat-4471.json");
        assertThat(eventually().until(() -> bySignal(anaSea, device).getItems(), items -> !items.isEmpty()))
                .extracting(CaseSummary::getCaseId).containsExactly(caseId);
        assertThat(refused(() -> casebook.as("ana.us").linkEntity(caseId,
                new NewLinkedEntity().kind(EntityKind.IP).value("198.51.100.7"), null, null)).status()).isEqualTo(404);
        Problems twice = refused(() -> anaSea.addEvidence(caseId, new NewEvidence().kind(EvidenceKind.OTHER)
                .reference("s3://elsewhere/copy.json").sha256(SHA), null, null));
        assertThat(twice.problem().getCode()).isEqualTo("evidence-already-attached");
    }

    @Test
    void aDuplicateCaseOfTheSameShopMergesIntoTheSurvivor() throws Exception {
        Flag brushing = Flags.brushing("SEA");
        UUID survivor = casebook.detector("detector-sea").raiseFlag(brushing, null).getCaseId();
        Flag scalping = Flags.brushing(Flags.shopOf(brushing), "SEA", Flags.unique("dev")).category(RiskCategory.SCALPING);
        UUID duplicate = casebook.detector("detector-sea").raiseFlag(scalping, null).getCaseId();
        assertThat(duplicate).isNotEqualTo(survivor);

        anaSea.mergeCase(survivor, new Merge().duplicateCaseId(duplicate).reason("One shop, two detectors."), null, null);

        Case merged = eventually().until(() -> anaSea.getCase(duplicate, null, null), c -> c.getStatus() == CaseStatus.CLOSED);
        assertThat(merged.getResolution()).isEqualTo(ResolutionCode.DUPLICATE);
        assertThat(merged.getMergedInto()).isEqualTo(survivor);
        Case kept = eventually().until(() -> anaSea.getCase(survivor, null, null), c -> c.getFlagCount() == 2);
        assertThat(kept.getFlags()).extracting(f -> f.getFlagId())
                .containsExactlyInAnyOrder(brushing.getFlagId(), scalping.getFlagId());

        // the survivor's outcome labels both detections for the models
        anaSea.assignCase(survivor, new Assignment().assignee("ana.sea"), null, null);
        anaSea.proposeDecision(survivor, new DecisionProposal().verdict(Verdict.NO_VIOLATION)
                .rationale("A verified corporate buyer.").label(DismissalLabel.FALSE_POSITIVE), null, null);
        var labels = casebook.enforcementTopic().labelsOf(survivor, 1, Duration.ofSeconds(60), Duration.ofSeconds(1));
        assertThat(labels.get(0).value().path("flags")).hasSize(2);
    }
}
