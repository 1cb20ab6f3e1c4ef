package casebook.cases.infrastructure.axon;

import casebook.cases.api.regulatory.*;
import casebook.cases.api.*;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events last forever: every stored shape in {@code src/test/resources/events/<Event>.<revision>.json} must still
 * read as the same fact, through the upcasters the application registers ({@code AxonConfiguration}). Samples are
 * never edited; a new revision adds a sample and an upcaster ({@code StoredEventsIT} reads one from PostgreSQL).
 */
class StoredEventsTest {
    static final CaseId CASE = CaseId.of("5f0c1c1e-8a53-4c1a-9d57-8c0f2a7f6b11");
    static final SubjectRef SHOP = new SubjectRef(SubjectKind.SELLER, "shop-118822");
    static final Region SEA = new Region("SEA");

    final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(AxonConfiguration.eventJson()).build();
    final EventUpcasterChain upcasters = new EventUpcasterChain(new AxonConfiguration().decisionDeadlineUpcaster());

    static final DecisionId DECISION = DecisionId.of("0b6f5a4e-2d1c-4d7e-9a51-3c2b1a0f9e88");
    static final ActionId ACTION = ActionId.of("7d1e2a3b-4c5d-3e6f-8a9b-0c1d2e3f4a5b");
    static final CaseId OTHER_CASE = CaseId.of("1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d");
    static final EvidenceId EVIDENCE = EvidenceId.of("4f3e2d1c-0b9a-4876-9543-210fedcba987");
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final RegulatoryRequestId REQUEST = RegulatoryRequestId.of("bka-2026-4471");
    static final Authority BKA = new Authority("Bundeskriminalamt", "DE");
    static final RequestScope REQUEST_SCOPE = new RequestScope(List.of(SHOP), List.of(CASE));

    static final Map<String, Object> SAMPLES = Map.ofEntries(Map.entry(
            "CaseOpened.1", new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2,
                    Instant.parse("2026-11-20T12:15:00Z"), null)),
            Map.entry("CaseOpened.2", new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2,
                    Instant.parse("2026-11-20T12:15:00Z"), Instant.parse("2026-11-23T08:15:00Z"))),
            Map.entry("FlagAttached.1", new FlagAttached(CASE, new Flag(new FlagId("brushing-7f3a9c1e"),
                    new FlagSource(FlagSource.Kind.MODEL, "brushing-detector", "3.2.0"), SHOP, SEA, RiskCategory.BRUSHING,
                    new BigDecimal("0.91"), new Recommendation(EnforcementAction.SUSPEND_SELLING, new BigDecimal("0.77")),
                    new Money(new BigDecimal("1520.00"), "USD"),
                    new Signals(List.of("dev-a1"), List.of("203.0.113.7"), List.of("pf-99"), List.of("creator-55")),
                    Instant.parse("2026-11-20T08:15:00Z")))),
            Map.entry("PriorityRaised.1", new PriorityRaised(CASE, Priority.P3, Priority.P1,
                    Instant.parse("2026-11-20T09:15:00Z"), null)),
            Map.entry("PriorityRaised.2", new PriorityRaised(CASE, Priority.P3, Priority.P1,
                    Instant.parse("2026-11-20T09:15:00Z"), Instant.parse("2026-11-21T08:15:00Z"))),
            Map.entry("SlaBreached.1", new SlaBreached(CASE, SlaStage.FIRST_ASSIGNMENT,
                    Instant.parse("2026-11-20T09:15:00Z"))),
            Map.entry("CaseClosed.1", new CaseClosed(CASE, ResolutionCode.ENFORCED, "ban confirmed", "ana.sea")),
            Map.entry("EvidenceAdded.1", new EvidenceAdded(CASE, new Evidence(EVIDENCE, EvidenceKind.SCREENSHOT,
                    "s3://casebook-evidence/sea/reviews.png", SHA, "ana.sea", "same wording"))),
            Map.entry("EntityLinked.1", new EntityLinked(CASE, new LinkedEntity(EntityKind.DEVICE, "dev-77", "ana.sea",
                    "seen in the chat"))),
            Map.entry("EntityUnlinked.1", new EntityUnlinked(CASE, EntityKind.DEVICE, "dev-77", "typo", "lee.sea")),
            Map.entry("CaseMerged.1", new CaseMerged(CASE, OTHER_CASE, "same shop", "ana.sea")),
            Map.entry("DuplicateAbsorbed.1", new DuplicateAbsorbed(CASE, OTHER_CASE, RiskCategory.SCALPING, List.of(),
                    List.of(), List.of(new LinkedEntity(EntityKind.IP, "198.51.100.7", "ana.sea", null)), "ana.sea")),
            Map.entry("CaseReopened.1", new CaseReopened(CASE, "12 chargebacks since", "ben.sea",
                    ResolutionCode.ENFORCED, Instant.parse("2026-12-01T08:15:00Z"))),
            Map.entry("CaseAssigned.1", new CaseAssigned(CASE, "ben.sea", "ana.sea")),
            Map.entry("CaseUnassigned.1", new CaseUnassigned(CASE, "ana.sea")),
            Map.entry("NoteAdded.1", new NoteAdded(CASE, NoteId.of("0b6f0f3e-2f7d-4a55-9f0e-3c1f1a9d2e77"), "ana.sea",
                    "same device as shop-2231")),
            Map.entry("DecisionProposed.1", new DecisionProposed(CASE, DECISION, Verdict.VIOLATION,
                    List.of("SELLER-POLICY-4.2"), "14 fake orders from one device",
                    List.of(new PlannedAction(EnforcementAction.SUSPEND_SELLING, Map.of("days", "30")),
                            new PlannedAction(EnforcementAction.BAN, Map.of())), null, "ana.sea", true)),
            Map.entry("DecisionSentBack.1", new DecisionSentBack(CASE, DECISION, "lee.sea", "add the device evidence")),
            Map.entry("CaseDecided.1", new CaseDecided(CASE, DECISION, SHOP, Verdict.VIOLATION, List.of("SELLER-POLICY-4.2"),
                    "14 fake orders from one device",
                    List.of(new OrderedAction(ACTION,
                            EnforcementAction.SUSPEND_SELLING, Map.of("days", "30"))), null, "ana.sea", "lee.sea")),
            Map.entry("CaseEscalated.1", new CaseEscalated(CASE, "30 shops share this device", "ana.sea")),
            Map.entry("CaseDeescalated.1", new CaseDeescalated(CASE, "handled by the ring task force", "lee.sea")),
            Map.entry("EnforcementApplied.1", new EnforcementApplied(CASE, ACTION, 1, "seller-enforcement")),
            Map.entry("EnforcementFailed.1", new EnforcementFailed(CASE, ACTION, 1, "shop is locked by another process",
                    "seller-enforcement")),
            Map.entry("EnforcementRetried.1", new EnforcementRetried(CASE, DECISION, SHOP,
                    new OrderedAction(ACTION, EnforcementAction.SUSPEND_SELLING, Map.of("days", "30")),
                    List.of("SELLER-POLICY-4.2"), "ana.sea", "lee.sea", 2, "lee.sea")),
            Map.entry("StatementOfReasonsIssued.1", new StatementOfReasonsIssued(CASE, DECISION, SHOP,
                    new StatementOfReasons(List.of(new Restriction(ACTION, EnforcementAction.SUSPEND_SELLING, "SEA",
                            Instant.parse("2026-12-20T08:15:00Z"))), DecisionGround.TERMS_AND_CONDITIONS, null,
                            List.of("SELLER-POLICY-4.2"), "14 fake orders from one device", "SOURCE_VOLUNTARY", true,
                            "AUTOMATED_DECISION_NOT_AUTOMATED", Instant.parse("2026-11-20T08:15:00Z"),
                            Instant.parse("2027-05-20T08:15:00Z"), StatementOfReasons.REDRESS))),
            Map.entry("AppealFiled.1", new AppealFiled(CASE, AppealId.of("centre-appeal-42"), DECISION,
                    "The orders were real.", List.of("s3://appeals/receipts.pdf"), AppealChannel.SUPPORT, "sam.sea",
                    Instant.parse("2026-11-27T08:15:00Z"))),
            Map.entry("AppealDecided.1", new AppealDecided(CASE, AppealId.of("centre-appeal-42"), DECISION,
                    AppealOutcome.OVERTURNED, List.of(new ActionRuling(ACTION, Ruling.OVERTURNED)), "receipts check out",
                    "ben.sea")),
            Map.entry("ReversalOrdered.1", new ReversalOrdered(CASE, DECISION, SHOP,
                    new OrderedAction(ActionId.of("9e8d7c6b-5a4f-3e2d-8c1b-0a9f8e7d6c5b"), EnforcementAction.SUSPEND_SELLING,
                            Map.of("days", "30")), ACTION, AppealId.of("centre-appeal-42"), List.of("SELLER-POLICY-4.2"),
                    "ben.sea")),
            Map.entry("LegalHoldPlaced.1", new LegalHoldPlaced(CASE, REQUEST, "lex")),
            Map.entry("LegalHoldReleased.1", new LegalHoldReleased(CASE, REQUEST, "casebook-legal-holds")),
            Map.entry("PersonalDataErased.1", new PersonalDataErased(CASE, "erasure-5b1f0e2c", "priya")),
            Map.entry("RegulatoryRequestReceived.1", new RegulatoryRequestReceived(REQUEST, BKA, "§ 100g StPO",
                    RequestKind.PRESERVATION_ORDER, "BKA-SO41-2026-4471", Instant.parse("2026-11-20T08:15:00Z"),
                    Instant.parse("2026-12-04T17:00:00Z"), REQUEST_SCOPE,
                    List.of(new DocumentRef("s3://casebook-legal/bka-2026-4471/order.pdf", SHA)), "lex")),
            Map.entry("RegulatoryRequestClarificationRequested.1", new RegulatoryRequestClarificationRequested(REQUEST,
                    "Which of the seller's accounts?", "lex")),
            Map.entry("RegulatoryRequestClarified.1", new RegulatoryRequestClarified(REQUEST, "The main shop only.",
                    "lena")),
            Map.entry("RegulatoryRequestAccepted.1", new RegulatoryRequestAccepted(REQUEST,
                    RequestKind.PRESERVATION_ORDER, REQUEST_SCOPE, Instant.parse("2026-12-04T17:00:00Z"), "lex")),
            Map.entry("RegulatoryRequestRejected.1", new RegulatoryRequestRejected(REQUEST,
                    "no legal basis for a foreign authority", "lex")),
            Map.entry("RegulatoryRequestClosed.1", new RegulatoryRequestClosed(REQUEST, REQUEST_SCOPE,
                    "disclosed on 2026-12-01", "lena")),
            Map.entry("RegulatoryRequestDueSoon.1", new RegulatoryRequestDueSoon(REQUEST,
                    Instant.parse("2026-12-04T17:00:00Z"), RegulatoryRequestStatus.ACCEPTED)),
            Map.entry("RegulatoryRequestOverdue.1", new RegulatoryRequestOverdue(REQUEST,
                    Instant.parse("2026-12-04T17:00:00Z"), RegulatoryRequestStatus.ACCEPTED)),
            Map.entry("DisclosurePrepared.1", new DisclosurePrepared(REQUEST, DisclosureId.of("bka-2026-4471-p1"),
                    List.of(CASE), List.of(DisclosableField.SUBJECT, DisclosableField.NOTES),
                    List.of(DisclosableField.NOTES), "lex")),
            Map.entry("DisclosureApproved.1", new DisclosureApproved(REQUEST, DisclosureId.of("bka-2026-4471-p1"),
                    List.of(CASE), List.of(DisclosableField.SUBJECT, DisclosableField.NOTES),
                    List.of(DisclosableField.NOTES), BKA, "§ 100g StPO", "lex", "lena")),
            Map.entry("DisclosureRecorded.1", new DisclosureRecorded(CASE, REQUEST, DisclosureId.of("bka-2026-4471-p1"),
                    List.of(DisclosableField.SUBJECT, DisclosableField.NOTES), List.of(DisclosableField.NOTES), BKA,
                    "§ 100g StPO", "lex", "lena", Instant.parse("2026-12-01T10:00:00Z"))));

    /** Each sample goes the way the event store reads a stored row: through the upcaster chain, then Jackson. */
    @Test
    void everyStoredShapeStillReadsAsTheSameFact() throws IOException {
        for (var sample : SAMPLES.entrySet()) {
            String[] name = sample.getKey().split("\\.");
            Object read = read(sample.getValue().getClass().getName(), name[1], bytes(sample.getKey()));
            assertThat(read).as(sample.getKey()).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(sample.getValue());
        }
    }

    /** Revision 1 events written after decision deadlines arrived (and before their revision) keep their deadline. */
    @Test
    void aRevisionOneEventThatHasADecisionDeadlineKeepsIt() {
        Object opened = read(CaseOpened.class.getName(), "1", ("{\"caseId\":\"" + CASE + "\","
                + "\"subject\":{\"kind\":\"SELLER\",\"id\":\"shop-118822\"},\"region\":\"SEA\","
                + "\"category\":\"BRUSHING\",\"priority\":\"P2\",\"slaDueAt\":\"2026-11-20T12:15:00Z\","
                + "\"decisionDueAt\":\"2026-11-23T08:15:00Z\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(opened).isEqualTo(new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2,
                Instant.parse("2026-11-20T12:15:00Z"), Instant.parse("2026-11-23T08:15:00Z")));
    }

    @Test
    void aRevisionOneEventIsReadAsRevisionTwo() throws IOException {
        DomainEventMessage<?> read = stored(CaseOpened.class.getName(), "1", bytes("CaseOpened.1"));

        assertThat(serializer.typeForClass(CaseOpened.class).getRevision()).isEqualTo("2");
        assertThat(serializer.typeForClass(PriorityRaised.class).getRevision()).isEqualTo("2");
        assertThat(((CaseOpened) read.getPayload()).decisionDueAt()).isNull();
        assertThat(read.getSequenceNumber()).isZero();
        assertThat(read.getMetaData()).containsEntry("region", "SEA");
    }

    @Test
    void everyRevisionOfEveryEventHasASample() {
        List<String> revisions = new ClassFileImporter().importPackages("casebook.cases.api").stream()
                .filter(c -> c.isAnnotatedWith(Revision.class))
                .map(c -> c.getSimpleName() + "." + c.getAnnotationOfType(Revision.class).value())
                .toList();
        assertThat(SAMPLES.keySet()).containsAll(revisions);
    }

    @Test
    void eventsAreWrittenWithIsoInstantsAndPlainIds() {
        String json = new String(serializer.serialize(SAMPLES.get("CaseOpened.2"), byte[].class).getData());

        assertThat(json).contains("\"caseId\":\"5f0c1c1e-8a53-4c1a-9d57-8c0f2a7f6b11\"")
                .contains("\"slaDueAt\":\"2026-11-20T12:15:00Z\"");
    }

    /** The payload as the application's event store hands it out after reading a row of this type and revision. */
    private Object read(String type, String revision, byte[] payload) {
        return stored(type, revision, payload).getPayload();
    }

    private DomainEventMessage<?> stored(String type, String revision, byte[] payload) {
        var row = new GenericDomainEventEntry<>("RiskCase", CASE.toString(), 0, UUID.randomUUID().toString(),
                "2026-11-20T08:15:00Z", type, revision, payload, "{\"region\":\"SEA\"}".getBytes(StandardCharsets.UTF_8));
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(row),
                serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static byte[] bytes(String sample) throws IOException {
        try (InputStream in = StoredEventsTest.class.getResourceAsStream("/events/" + sample + ".json")) {
            assertThat(in).as("sample %s", sample).isNotNull();
            return in.readAllBytes();
        }
    }
}
