package casebook.cases.infrastructure.axon;

import casebook.cases.PersonalFields;
import casebook.cases.api.*;
import casebook.cases.erasure.InMemoryCaseKeys;
import casebook.cases.erasure.PersonalDataModule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The personal fields of every stored event (one sample of each, {@link StoredEventsTest#SAMPLES}) as the
 * application's event serializer writes and reads them (docs/adr/0018): encrypted under the case's key, read back
 * unchanged while it exists, read as {@link PersonalData#ERASED} once it is destroyed; events stored in clear before
 * still read as they were.
 */
class PersonalDataInEventsTest {
    final InMemoryCaseKeys keys = new InMemoryCaseKeys();
    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(AxonConfiguration.eventJson().registerModule(new PersonalDataModule(keys))).build();
    final EventUpcasterChain upcasters = new EventUpcasterChain(new AxonConfiguration().decisionDeadlineUpcaster());

    @Test
    void everyEventIsStoredWithoutItsPersonalValuesInClearAndReadsBackUnchanged() {
        keys.give(StoredEventsTest.CASE);
        for (var sample : caseEvents().entrySet()) {
            byte[] stored = write(sample.getValue());
            String json = new String(stored, StandardCharsets.UTF_8);

            for (String personal : PersonalFields.of(sample.getValue())) {
                assertThat(json).as("%s stores %s in clear", sample.getKey(), personal).doesNotContain(personal);
            }
            assertThat(read(sample.getValue().getClass(), stored)).as(sample.getKey()).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(sample.getValue());
        }
    }

    @Test
    void onceTheKeyIsDestroyedEveryPersonalValueReadsAsErasedAndEverythingElseAsBefore() {
        keys.give(StoredEventsTest.CASE);
        Map<String, byte[]> stored = new java.util.HashMap<>();
        caseEvents().forEach((name, event) -> stored.put(name, write(event)));

        keys.destroy(StoredEventsTest.CASE);

        for (var sample : caseEvents().entrySet()) {
            Object read = read(sample.getValue().getClass(), stored.get(sample.getKey()));
            assertThat(read).as(sample.getKey()).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(PersonalFields.erased(sample.getValue()));
        }
        CaseOpened opened = (CaseOpened) read(CaseOpened.class, stored.get("CaseOpened.2"));
        assertThat(opened.subject()).isEqualTo(new SubjectRef(SubjectKind.SELLER, PersonalData.ERASED));
    }

    /** Events stored before encryption (plain strings where ciphertext is now expected) read as they were. */
    @Test
    void eventsStoredInClearBeforeStillRead() throws IOException {
        for (var sample : caseEvents().entrySet()) {
            String[] name = sample.getKey().split("\\.");
            Object read = stored("casebook.cases.api." + name[0], name[1], bytes(sample.getKey())).getPayload();
            assertThat(read).as(sample.getKey()).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(sample.getValue());
        }
    }

    @Test
    void writingACaseOpenedCreatesTheCasesKey() {
        CaseId caseId = CaseId.random();
        CaseOpened opened = new CaseOpened(caseId, StoredEventsTest.SHOP, StoredEventsTest.SEA, RiskCategory.BRUSHING,
                Priority.P2, java.time.Instant.parse("2026-11-20T12:15:00Z"), null);

        String json = new String(write(opened), StandardCharsets.UTF_8);

        assertThat(keys.has(caseId)).isTrue();
        assertThat(json).doesNotContain("shop-118822").contains("\"k\":\"" + caseId + "\"");
    }

    /** A value whose ciphertext was altered in the store is refused: the event does not read, nothing is guessed. */
    @Test
    void alteredCiphertextIsRefused() throws IOException {
        keys.give(StoredEventsTest.CASE);
        byte[] stored = write(StoredEventsTest.SAMPLES.get("NoteAdded.1"));
        ObjectNode tree = (ObjectNode) AxonConfiguration.eventJson().readTree(stored);
        String sealed = tree.path("text").path("enc").asText();
        ((ObjectNode) tree.get("text")).put("enc", sealed.substring(0, 20) + (sealed.charAt(20) == 'A' ? 'B' : 'A')
                + sealed.substring(21));

        byte[] altered = AxonConfiguration.eventJson().writeValueAsBytes(tree);

        assertThatThrownBy(() -> read(NoteAdded.class, altered)).isInstanceOf(SerializationException.class)
                .rootCause().hasMessageContaining("does not authenticate");
    }

    /** Moving one case's ciphertext into another case's event (and naming that case) does not decrypt either. */
    @Test
    void ciphertextMovedToAnotherCaseIsRefused() throws IOException {
        keys.give(StoredEventsTest.CASE);
        keys.give(StoredEventsTest.OTHER_CASE);
        JsonNode tree = AxonConfiguration.eventJson().readTree(write(StoredEventsTest.SAMPLES.get("NoteAdded.1")));
        ((ObjectNode) tree.get("text")).put("k", StoredEventsTest.OTHER_CASE.toString());

        byte[] moved = AxonConfiguration.eventJson().writeValueAsBytes(tree);

        assertThatThrownBy(() -> read(NoteAdded.class, moved)).isInstanceOf(SerializationException.class);
    }

    /** Outside an event (a snapshot's state, a deadline, a command) there is no case: values are written as they are. */
    @Test
    void personalValuesOutsideAnEventAreWrittenAsTheyAre() {
        keys.give(StoredEventsTest.CASE);
        Flag flag = ((FlagAttached) StoredEventsTest.SAMPLES.get("FlagAttached.1")).flag();

        String json = new String(serializer.serialize(flag, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(json).contains("shop-118822").contains("203.0.113.7");
    }

    /** A case without a key (opened before keys existed and not backfilled) keeps being written as before. */
    @Test
    void aCaseWithoutAKeyIsWrittenInClear() {
        NoteAdded note = new NoteAdded(CaseId.random(), NoteId.random(), "ana.sea", "same device as shop-2231");

        assertThat(new String(write(note), StandardCharsets.UTF_8)).contains("same device as shop-2231");
        assertThat(read(NoteAdded.class, write(note))).isEqualTo(note);
    }

    @Property(tries = 200)
    void anyNoteTextReadsBackUnchanged(@ForAll String text) {
        keys.give(StoredEventsTest.CASE);
        NoteAdded note = new NoteAdded(StoredEventsTest.CASE, NoteId.random(), "ana.sea", text);

        assertThat(read(NoteAdded.class, write(note))).isEqualTo(note);
    }

    private byte[] write(Object event) {
        return serializer.serialize(event, byte[].class).getData();
    }

    private Object read(Class<?> type, byte[] payload) {
        return stored(type.getName(), serializer.typeForClass(type).getRevision(), payload).getPayload();
    }

    private DomainEventMessage<?> stored(String type, String revision, byte[] payload) {
        var row = new GenericDomainEventEntry<>("RiskCase", StoredEventsTest.CASE.toString(), 0,
                UUID.randomUUID().toString(), "2026-11-20T08:15:00Z", type, revision, payload,
                "{\"region\":\"SEA\"}".getBytes(StandardCharsets.UTF_8));
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(row),
                serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static byte[] bytes(String sample) throws IOException {
        try (InputStream in = PersonalDataInEventsTest.class.getResourceAsStream("/events/" + sample + ".json")) {
            assertThat(in).as("sample %s", sample).isNotNull();
            return in.readAllBytes();
        }
    }

    /**
     * The samples of a case's events: those are crypto-shredded. A regulatory request's events are kept whole, with
     * the subjects in their scope, under GDPR Art. 17(3)(b) (a legal obligation; docs/adr/0018).
     */
    private static java.util.Map<String, Object> caseEvents() {
        java.util.Map<String, Object> events = new java.util.TreeMap<>();
        StoredEventsTest.SAMPLES.forEach((name, event) -> {
            if (event.getClass().getPackageName().equals("casebook.cases.api")) events.put(name, event);
        });
        return events;
    }
}
