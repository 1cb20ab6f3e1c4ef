package casebook.cases.domain.investigation;

import casebook.cases.api.AddEvidence;
import casebook.cases.api.AddNote;
import casebook.cases.api.CaseId;
import casebook.cases.api.DuplicateAbsorbed;
import casebook.cases.api.EntityKind;
import casebook.cases.api.EntityLinked;
import casebook.cases.api.EntityUnlinked;
import casebook.cases.api.EscalateCase;
import casebook.cases.api.Evidence;
import casebook.cases.api.EvidenceAdded;
import casebook.cases.api.LinkEntity;
import casebook.cases.api.LinkedEntity;
import casebook.cases.api.MergeCases;
import casebook.cases.api.NoteAdded;
import casebook.cases.api.UnlinkEntity;
import casebook.cases.domain.CaseRuleBroken;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static casebook.cases.domain.Text.blankToNull;
import static casebook.cases.domain.Text.isOneToken;
import static casebook.cases.domain.Text.requireOptionalText;
import static casebook.cases.domain.Text.requireText;

/**
 * What investigators gathered on a case: notes, evidence and linked entities, with their limits. A member of the
 * case ({@code @AggregateMember}): it decides what a command means for its part and answers the event; the case
 * checks who may act and in which state, and records the event.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Investigation {
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private int noteCount;
    private List<Evidence> evidence = new ArrayList<>();
    private Map<String, LinkedEntity> entities = new LinkedHashMap<>();

    public NoteAdded note(CaseId caseId, AddNote command) {
        requireText("note-text", "note", command.text(), AddNote.MAX_TEXT_LENGTH);
        if (noteCount >= AddNote.MAX_PER_CASE) {
            throw new CaseRuleBroken("too-many-notes", "a case holds at most " + AddNote.MAX_PER_CASE + " notes");
        }
        return new NoteAdded(caseId, command.noteId(), command.actor().userId(), command.text().strip());
    }

    public EvidenceAdded evidence(CaseId caseId, AddEvidence command) {
        if (command.evidenceId() == null || command.kind() == null) {
            throw new CaseRuleBroken("evidence-invalid", "evidence needs an id and a kind");
        }
        requireText("evidence-invalid", "reference", command.reference(), Evidence.MAX_REFERENCE_LENGTH);
        if (!isOneToken(command.reference())) {
            throw new CaseRuleBroken("evidence-invalid", "the reference is a URI or an object key: no spaces or"
                    + " control characters");
        }
        if (command.sha256() == null || !SHA_256.matcher(command.sha256()).matches()) {
            throw new CaseRuleBroken("evidence-invalid", "the SHA-256 of the evidence is 64 lower-case hex digits");
        }
        requireOptionalText("evidence-invalid", "note", command.note(), Evidence.MAX_NOTE_LENGTH);
        if (evidence.stream().anyMatch(e -> e.sha256().equals(command.sha256()))) {
            throw new CaseRuleBroken("evidence-already-attached", "evidence with this SHA-256 is already on the case");
        }
        if (evidence.size() >= Evidence.MAX_PER_CASE) {
            throw new CaseRuleBroken("too-much-evidence", "a case holds at most " + Evidence.MAX_PER_CASE
                    + " pieces of evidence");
        }
        return new EvidenceAdded(caseId, new Evidence(command.evidenceId(), command.kind(), command.reference(),
                command.sha256(), command.actor().userId(), blankToNull(command.note())));
    }

    /** The link, or nothing when the entity is linked already (linking twice changes nothing). */
    public Optional<EntityLinked> link(CaseId caseId, LinkEntity command) {
        if (command.kind() == null) {
            throw new CaseRuleBroken("entity-invalid", "a linked entity needs a kind");
        }
        requireText("entity-invalid", "value", command.value(), LinkedEntity.MAX_VALUE_LENGTH);
        if (!isOneToken(command.value())) {
            throw new CaseRuleBroken("entity-invalid", "an entity's value has no spaces or control characters");
        }
        requireOptionalText("entity-invalid", "note", command.note(), LinkedEntity.MAX_NOTE_LENGTH);
        if (entities.containsKey(key(command.kind(), command.value()))) {
            return Optional.empty();
        }
        if (entities.size() >= LinkedEntity.MAX_PER_CASE) {
            throw new CaseRuleBroken("too-many-entities", "a case links at most " + LinkedEntity.MAX_PER_CASE
                    + " entities");
        }
        return Optional.of(new EntityLinked(caseId, new LinkedEntity(command.kind(), command.value(),
                command.actor().userId(), blankToNull(command.note()))));
    }

    public EntityUnlinked unlink(CaseId caseId, UnlinkEntity command) {
        requireText("unlink-reason", "reason", command.reason(), EscalateCase.MAX_REASON_LENGTH);
        if (command.kind() == null || !entities.containsKey(key(command.kind(), command.value()))) {
            throw new CaseRuleBroken("not-linked", "the case links no such entity");
        }
        return new EntityUnlinked(caseId, command.kind(), command.value(), command.reason().strip(),
                command.actor().userId());
    }

    public List<Evidence> evidence() {
        return List.copyOf(evidence);
    }

    public List<LinkedEntity> entities() {
        return List.copyOf(entities.values());
    }

    /** What a duplicate brings that this case lacks: evidence by SHA-256, entities by kind and value. */
    public Gathered newIn(List<Evidence> theirEvidence, List<LinkedEntity> theirEntities) {
        Set<String> hashes = new HashSet<>(evidence.stream().map(Evidence::sha256).toList());
        return new Gathered(theirEvidence.stream().filter(e -> hashes.add(e.sha256())).toList(),
                theirEntities.stream().filter(e -> !entities.containsKey(key(e.kind(), e.value()))).toList());
    }

    /** Evidence and linked entities taken over from a duplicate. */
    public record Gathered(List<Evidence> evidence, List<LinkedEntity> entities) {
    }

    /** The survivor of a merge stays within the case limits, and one merge event stays bounded. */
    public void requireRoomFor(int newFlags, Gathered gathered) {
        if (newFlags > MergeCases.MAX_FLAGS_MOVED || evidence.size() + gathered.evidence().size() > Evidence.MAX_PER_CASE
                || entities.size() + gathered.entities().size() > LinkedEntity.MAX_PER_CASE) {
            throw new CaseRuleBroken("merge-too-large", "a merge moves at most " + MergeCases.MAX_FLAGS_MOVED
                    + " flags and the surviving case keeps at most " + Evidence.MAX_PER_CASE
                    + " pieces of evidence and " + LinkedEntity.MAX_PER_CASE + " linked entities");
        }
    }

    private static String key(EntityKind kind, String value) {
        return kind + ":" + value;
    }

    @EventSourcingHandler
    void on(NoteAdded event) {
        noteCount++;
    }

    @EventSourcingHandler
    void on(EvidenceAdded event) {
        evidence.add(event.evidence());
    }

    @EventSourcingHandler
    void on(EntityLinked event) {
        entities.put(key(event.entity().kind(), event.entity().value()), event.entity());
    }

    @EventSourcingHandler
    void on(EntityUnlinked event) {
        entities.remove(key(event.kind(), event.value()));
    }

    @EventSourcingHandler
    void on(DuplicateAbsorbed event) {
        evidence.addAll(event.evidence());
        event.entities().forEach(e -> entities.put(key(e.kind(), e.value()), e));
    }
}
