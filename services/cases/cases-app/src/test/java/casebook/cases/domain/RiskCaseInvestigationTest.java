package casebook.cases.domain;

import casebook.cases.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static casebook.cases.domain.RiskCaseTest.*;

/** Evidence by reference and linked entities: who may add them, what is valid, what repeats change. */
class RiskCaseInvestigationTest {
    static final EvidenceId EVIDENCE = EvidenceId.random();
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String REF = "s3://casebook-evidence/sea/shop-118822/reviews.png";

    AggregateTestFixture<RiskCase> fixture;
    Object[] open;

    @BeforeEach
    void setUp() {
        fixture = RiskCaseFixtures.fixture();
        open = new Object[] {new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P3,
                fixture.currentTime(), null), new FlagAttached(CASE, flag("f-1", "0.6", null))};
    }

    /** The open case and then {@code more}. */
    java.util.List<Object> with(Object... more) {
        java.util.List<Object> events = new java.util.ArrayList<>(java.util.List.of(open));
        events.addAll(java.util.List.of(more));
        return events;
    }

    static AddEvidence evidence(String reference, String sha256, Actor actor) {
        return new AddEvidence(CASE, EVIDENCE, EvidenceKind.SCREENSHOT, reference, sha256, " same wording ", actor, null);
    }

    @Test
    void analystsLeadsAndLegalAttachEvidenceByReferenceAndHash() {
        fixture.given(open).when(evidence(REF, SHA, ANA_SEA))
                .expectEvents(new EvidenceAdded(CASE, new Evidence(EVIDENCE, EvidenceKind.SCREENSHOT, REF, SHA,
                        "ana.sea", "same wording")));
        fixture.given(open).when(evidence(REF, SHA, AUDREY))
                .expectException(ActionNotPermitted.class).expectNoEvents();
        fixture.given(open).when(evidence(REF, SHA, ANA_US))
                .expectException(CaseNotFound.class).expectNoEvents();
    }

    @Test
    void evidenceNeedsAReferenceWithoutSpacesAndASha256AndIsAttachedOnce() {
        fixture.given(open).when(evidence("my file.png", SHA, ANA_SEA))
                .expectException(BrokenRule.code("evidence-invalid")).expectNoEvents();
        fixture.given(open).when(evidence(REF, "not-a-hash", ANA_SEA))
                .expectException(BrokenRule.code("evidence-invalid")).expectNoEvents();
        fixture.given(open).when(evidence(REF, SHA.toUpperCase(), ANA_SEA))
                .expectException(BrokenRule.code("evidence-invalid")).expectNoEvents();
        fixture.given(with(new EvidenceAdded(CASE, new Evidence(EvidenceId.random(), EvidenceKind.DOCUMENT, "other",
                        SHA, "lex", null))))
                .when(evidence(REF, SHA, ANA_SEA))
                .expectException(BrokenRule.code("evidence-already-attached")).expectNoEvents();
    }

    @Test
    void anEntityIsLinkedOnceAndUnlinkedWithAReason() {
        LinkedEntity device = new LinkedEntity(EntityKind.DEVICE, "dev-77", "ana.sea", "seen in chat logs");
        fixture.given(open).when(new LinkEntity(CASE, EntityKind.DEVICE, "dev-77", "seen in chat logs", ANA_SEA, null))
                .expectEvents(new EntityLinked(CASE, device));
        fixture.given(with(new EntityLinked(CASE, device)))
                .when(new LinkEntity(CASE, EntityKind.DEVICE, "dev-77", null, LEE_SEA, null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(with(new EntityLinked(CASE, device)))
                .when(new UnlinkEntity(CASE, EntityKind.DEVICE, "dev-77", "typo", LEE_SEA, null))
                .expectEvents(new EntityUnlinked(CASE, EntityKind.DEVICE, "dev-77", "typo", "lee.sea"));
        fixture.given(open)
                .when(new UnlinkEntity(CASE, EntityKind.DEVICE, "dev-77", "typo", LEE_SEA, null))
                .expectException(BrokenRule.code("not-linked")).expectNoEvents();
        fixture.given(open).when(new LinkEntity(CASE, EntityKind.IP, "10.0.0.1 ", null, ANA_SEA, null))
                .expectException(BrokenRule.code("entity-invalid")).expectNoEvents();
        fixture.given(open).when(new LinkEntity(CASE, EntityKind.IP, "10.0.0.1", null, AUDREY, null))
                .expectException(ActionNotPermitted.class).expectNoEvents();
    }

    @Test
    void aMergedCaseTakesNoMoreWorkAndCannotReopen() {
        Object[] merged = {open[0], open[1], new CaseMerged(CASE, CaseId.random(), "same shop", "ana.sea")};
        fixture.given(merged).when(evidence(REF, SHA, ANA_SEA))
                .expectException(BrokenRule.code("case-merged")).expectNoEvents();
        fixture.given(merged).when(new ReopenCase(CASE, "new evidence", ANA_SEA, null))
                .expectException(BrokenRule.code("case-merged")).expectNoEvents();
        fixture.given(merged).when(new CloseCase(CASE, ResolutionCode.DUPLICATE, null, LEE_SEA, null))
                .expectException(BrokenRule.code("use-merge")).expectNoEvents();
    }

    /** A case holds at most {@code Evidence.MAX_PER_CASE} pieces of evidence and links at most 1,000 entities. */
    @Test
    void aCaseHoldsBoundedEvidenceAndEntities() {
        java.util.List<Object> almostFull = with();
        for (int i = 0; i < Evidence.MAX_PER_CASE - 1; i++) {
            almostFull.add(new EvidenceAdded(CASE, new Evidence(EvidenceId.random(), EvidenceKind.DOCUMENT, "doc-" + i,
                    String.format("%064x", i), "ana.sea", null)));
        }
        fixture.given(almostFull).when(evidence(REF, SHA, ANA_SEA)).expectSuccessfulHandlerExecution();
        java.util.List<Object> full = new java.util.ArrayList<>(almostFull);
        full.add(new EvidenceAdded(CASE, new Evidence(EvidenceId.random(), EvidenceKind.DOCUMENT, "last",
                String.format("%064x", Evidence.MAX_PER_CASE), "ana.sea", null)));
        fixture.given(full).when(evidence(REF, SHA, ANA_SEA))
                .expectException(BrokenRule.code("too-much-evidence")).expectNoEvents();

        java.util.List<Object> linked = with();
        for (int i = 0; i < LinkedEntity.MAX_PER_CASE - 1; i++) {
            linked.add(new EntityLinked(CASE, new LinkedEntity(EntityKind.DEVICE, "dev-" + i, "ana.sea", null)));
        }
        fixture.given(linked).when(new LinkEntity(CASE, EntityKind.IP, "198.51.100.7", null, ANA_SEA, null))
                .expectSuccessfulHandlerExecution();
        linked.add(new EntityLinked(CASE, new LinkedEntity(EntityKind.DEVICE, "dev-last", "ana.sea", null)));
        fixture.given(linked).when(new LinkEntity(CASE, EntityKind.IP, "198.51.100.7", null, ANA_SEA, null))
                .expectException(BrokenRule.code("too-many-entities")).expectNoEvents();
    }

    @Test
    void evidenceAndLinksNeedTheirFieldsWithinTheirLimits() {
        fixture.given(open).when(evidence("", SHA, ANA_SEA))
                .expectException(BrokenRule.code("evidence-invalid")).expectNoEvents();
        fixture.given(open).when(new AddEvidence(CASE, EVIDENCE, EvidenceKind.SCREENSHOT, REF, SHA,
                        "n".repeat(Evidence.MAX_NOTE_LENGTH + 1), ANA_SEA, null))
                .expectException(BrokenRule.code("evidence-invalid")).expectNoEvents();
        fixture.given(open).when(new AddEvidence(CASE, EVIDENCE, EvidenceKind.SCREENSHOT, REF, SHA,
                        "n".repeat(Evidence.MAX_NOTE_LENGTH), ANA_SEA, null))
                .expectSuccessfulHandlerExecution();
        fixture.given(open).when(new LinkEntity(CASE, EntityKind.DEVICE, "dev-77", "n\u0000",
                        ANA_SEA, null))
                .expectException(BrokenRule.code("entity-invalid")).expectNoEvents();
        fixture.given(open).when(new LinkEntity(CASE, EntityKind.DEVICE, "d".repeat(LinkedEntity.MAX_VALUE_LENGTH + 1),
                        null, ANA_SEA, null))
                .expectException(BrokenRule.code("entity-invalid")).expectNoEvents();
        fixture.given(open).when(new LinkEntity(CASE, EntityKind.DEVICE, "d".repeat(LinkedEntity.MAX_VALUE_LENGTH),
                        null, ANA_SEA, null))
                .expectEvents(new EntityLinked(CASE, new LinkedEntity(EntityKind.DEVICE,
                        "d".repeat(LinkedEntity.MAX_VALUE_LENGTH), "ana.sea", null)));
        LinkedEntity device = new LinkedEntity(EntityKind.DEVICE, "dev-77", "ana.sea", null);
        fixture.given(with(new EntityLinked(CASE, device)))
                .when(new UnlinkEntity(CASE, EntityKind.DEVICE, "dev-77", " ", LEE_SEA, null))
                .expectException(BrokenRule.code("unlink-reason")).expectNoEvents();
    }

    @Test
    void aMergedCaseLinksNothingMore() {
        Object[] merged = {open[0], open[1], new CaseMerged(CASE, CaseId.random(), "same shop", "ana.sea")};
        fixture.given(merged).when(new LinkEntity(CASE, EntityKind.DEVICE, "dev-77", null, ANA_SEA, null))
                .expectException(BrokenRule.code("case-merged")).expectNoEvents();
        fixture.given(merged).when(new CloseCase(CASE, ResolutionCode.SUBJECT_GONE, null, LEE_SEA, null))
                .expectException(BrokenRule.code("case-status")).expectNoEvents();
    }

    @Test
    void aReferenceHasAtMost1000CharactersAndEachWriteAnswersTheCasesVersion() {
        fixture.given(open).when(evidence("r".repeat(Evidence.MAX_REFERENCE_LENGTH + 1), SHA, ANA_SEA))
                .expectException(BrokenRule.code("evidence-invalid")).expectNoEvents();
        fixture.given(open).when(evidence("r".repeat(Evidence.MAX_REFERENCE_LENGTH), SHA, ANA_SEA))
                .expectResultMessagePayload(2L);
        LinkedEntity device = new LinkedEntity(EntityKind.DEVICE, "dev-77", "ana.sea", null);
        fixture.given(open).when(new LinkEntity(CASE, EntityKind.DEVICE, "dev-77", null, ANA_SEA, null))
                .expectResultMessagePayload(2L);
        fixture.given(with(new EntityLinked(CASE, device)))
                .when(new LinkEntity(CASE, EntityKind.DEVICE, "dev-77", null, ANA_SEA, null))
                .expectNoEvents().expectResultMessagePayload(2L);
        fixture.given(with(new EntityLinked(CASE, device)))
                .when(new UnlinkEntity(CASE, EntityKind.DEVICE, "dev-77", "typo", ANA_SEA, null))
                .expectResultMessagePayload(3L);
    }
}
