package casebook.cases.regulatory;

import casebook.cases.api.*;
import casebook.cases.domain.RiskCase;
import casebook.cases.web.model.DisclosedEntry;
import casebook.cases.web.model.DisclosedField;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static casebook.cases.api.DisclosableField.*;
import static org.assertj.core.api.Assertions.assertThat;

/** What a package shows of a case, folded from its events (docs/adr/0020). */
class DisclosedContentTest {
    static final CaseId CASE = CaseId.of("5f0c1c1e-8a53-4c1a-9d57-8c0f2a7f6b11");
    static final SubjectRef SHOP = new SubjectRef(SubjectKind.SELLER, "shop-118822");
    static final Region SEA = new Region("SEA");
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    final List<DomainEventMessage<?>> events = new ArrayList<>();

    void add(Object payload, String actor) {
        events.add(new GenericDomainEventMessage<>("RiskCase", CASE.toString(), events.size(), payload,
                Map.of(RiskCase.ACTOR, actor), UUID.randomUUID().toString(), T0.plusSeconds(60L * events.size())));
    }

    void aCase() {
        add(new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P3, T0, T0), "detector-sea");
        Flag flag = new Flag(new FlagId("f-1"), new FlagSource(FlagSource.Kind.MODEL, "brushing-detector", "3.2.0"),
                SHOP, SEA, RiskCategory.BRUSHING, new BigDecimal("0.91"), null, null,
                new Signals(List.of("dev-a1"), List.of("203.0.113.7"), List.of(), List.of()), T0);
        add(new FlagAttached(CASE, flag), "detector-sea");
        add(new NoteAdded(CASE, NoteId.random(), "ana.sea", "same device as shop-2231"), "ana.sea");
        add(new EntityLinked(CASE, new LinkedEntity(EntityKind.DEVICE, "dev-77", "ana.sea", null)), "ana.sea");
        add(new EntityLinked(CASE, new LinkedEntity(EntityKind.IP, "198.51.100.1", "ana.sea", null)), "ana.sea");
        add(new EntityUnlinked(CASE, EntityKind.DEVICE, "dev-77", "typo", "ana.sea"), "ana.sea");
    }

    static List<String> values(List<DisclosedField> fields, DisclosableField field) {
        return fields.stream().filter(f -> f.getField().getValue().equals(field.name())).findFirst().orElseThrow()
                .getEntries().stream().map(DisclosedEntry::getValue).toList();
    }

    @Test
    void onlyTheChosenFieldsInCatalogueOrderEachWithWhatTheCaseHeld() {
        aCase();

        List<DisclosedField> fields = DisclosedContent.of(events, List.of(SUBJECT, SIGNALS, NOTES, LINKED_ENTITIES),
                List.of());

        assertThat(fields).extracting(f -> f.getField().getValue())
                .containsExactly("SUBJECT", "SIGNALS", "NOTES", "LINKED_ENTITIES");
        assertThat(values(fields, SUBJECT)).containsExactly("SELLER", "shop-118822");
        assertThat(values(fields, SIGNALS)).containsExactly("dev-a1", "203.0.113.7");
        assertThat(values(fields, NOTES)).containsExactly("same device as shop-2231");
        assertThat(values(fields, LINKED_ENTITIES)).as("unlinked entities are gone").containsExactly("198.51.100.1");
    }

    @Test
    void everyValueOfARedactedFieldReadsRedactedAndTheTimelineHasNoContent() {
        aCase();

        List<DisclosedField> fields = DisclosedContent.of(events, List.of(NOTES, TIMELINE), List.of(NOTES));

        assertThat(values(fields, NOTES)).containsExactly("[redacted]");
        assertThat(fields.get(0).getRedacted()).isTrue();
        assertThat(fields.get(0).getEntries().get(0).getBy()).isEqualTo("ana.sea");
        assertThat(values(fields, TIMELINE)).containsExactly("CaseOpened", "FlagAttached", "NoteAdded",
                "EntityLinked", "EntityLinked", "EntityUnlinked");
        assertThat(fields.toString()).doesNotContain("shop-2231", "dev-a1");
    }

    @Test
    void erasedPersonalDataShowsAsErased() {
        add(new CaseOpened(CASE, new SubjectRef(SubjectKind.SELLER, PersonalData.ERASED), SEA, RiskCategory.BRUSHING,
                Priority.P3, T0, T0), "detector-sea");

        assertThat(values(DisclosedContent.of(events, List.of(SUBJECT), List.of()), SUBJECT))
                .containsExactly("SELLER", "[erased]");
    }
}
