package casebook.cases;

import casebook.cases.api.PersonalData;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event (a revisioned record in cases-api) is in the catalogue, docs/events.md, with its revision; every text
 * an event can carry is classified: {@link PersonalData} (encrypted, erasable, listed in the catalogue) or named
 * below as not personal, with why.
 */
class EventCatalogTest {
    /** Texts in events that are not personal data of the case's subject. */
    static final Set<String> NOT_PERSONAL = Set.of(
            // people of the platform acting on the case (user ids of staff and clients): the audit trail, not the subject
            "CaseAssigned.assignee", "CaseAssigned.previousAssignee", "CaseUnassigned.previousAssignee",
            "CaseClosed.closedBy", "CaseReopened.reopenedBy", "CaseMerged.mergedBy", "DuplicateAbsorbed.mergedBy",
            "NoteAdded.author", "Evidence.addedBy", "LinkedEntity.linkedBy", "EntityUnlinked.unlinkedBy",
            "DecisionProposed.proposedBy", "DecisionSentBack.sentBackBy", "CaseDecided.decidedBy",
            "CaseDecided.approvedBy", "CaseEscalated.escalatedBy", "CaseDeescalated.deescalatedBy",
            "EnforcementApplied.reportedBy", "EnforcementFailed.reportedBy", "EnforcementRetried.decidedBy",
            "EnforcementRetried.approvedBy", "EnforcementRetried.retriedBy",
            // the platform's own vocabulary: policies, detectors, action parameters, currencies, file digests
            "DecisionProposed.policyRefs", "CaseDecided.policyRefs", "EnforcementRetried.policyRefs",
            "PlannedAction.parameters", "OrderedAction.parameters", "FlagSource.id", "FlagSource.version",
            "Money.currency", "Evidence.sha256", "FlagId.value", "Region.code",
            "AppealFiled.filedBy", "AppealDecided.reviewedBy", "ReversalOrdered.policyRefs", "ReversalOrdered.reviewedBy",
            "StatementOfReasons.policyRefs", "StatementOfReasons.source", "StatementOfReasons.automatedDecision",
            "StatementOfReasons.redress", "Restriction.territorialScope", "AppealId.value",
            // a disclosure: the request, the authority it went to, its legal basis and the legal staff who handled it
            "DisclosureRecorded.legalBasis", "DisclosureRecorded.preparedBy", "DisclosureRecorded.approvedBy",
            "Authority.name", "Authority.jurisdiction", "RegulatoryRequestId.value", "DisclosureId.value",
            // legal holds and erasure: staff, the regulatory request's id (legal's own reference), the erasure's id
            "LegalHoldPlaced.placedBy", "LegalHoldReleased.releasedBy",
            "PersonalDataErased.erasureId", "PersonalDataErased.erasedBy");

    @Test
    void everyEventIsCatalogued() throws Exception {
        String catalogue = catalogue();
        List<JavaClass> events = new ClassFileImporter().importPackages("casebook.cases.api").stream()
                .filter(c -> c.isAnnotatedWith(Revision.class))
                .toList();

        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(event -> assertThat(catalogue)
                .as("docs/events.md lists %s with its revision", event.getSimpleName())
                .containsPattern("\\| `" + event.getSimpleName() + "` \\| "
                        + event.getAnnotationOfType(Revision.class).value() + " \\|"));
    }

    /** A new text in an event fails here until someone decides whether it is personal (docs/adr/0018). */
    @Test
    void everyTextInAnEventIsClassified() {
        List<String> unclassified = new ArrayList<>();
        for (RecordComponent text : texts()) {
            String name = text.getDeclaringRecord().getSimpleName() + "." + text.getName();
            if (!text.isAnnotationPresent(PersonalData.class) && !NOT_PERSONAL.contains(name)) unclassified.add(name);
        }
        assertThat(unclassified).as("texts in events neither @PersonalData nor in NOT_PERSONAL").isEmpty();
    }

    @Test
    void everyPersonalFieldIsInTheCatalogueAndOnlyOnTexts() throws Exception {
        String catalogue = catalogue();
        for (RecordComponent text : texts()) {
            String name = text.getDeclaringRecord().getSimpleName() + "." + text.getName();
            if (text.isAnnotationPresent(PersonalData.class)) {
                assertThat(catalogue).as("docs/events.md names the personal field %s", name).contains("`" + name + "`");
                assertThat(NOT_PERSONAL).as("%s is classified twice", name).doesNotContain(name);
            }
        }
        assertThat(texts()).filteredOn(c -> c.isAnnotationPresent(PersonalData.class))
                .allSatisfy(c -> assertThat(c.getGenericType().getTypeName())
                        .as("what the event JSON can encrypt").isIn("java.lang.String", "java.util.List<java.lang.String>"));
    }

    /** Every component of type text (String, or a list, set or map of them) reachable from an event. */
    private static List<RecordComponent> texts() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        // a case's events; a regulatory request's are kept whole under GDPR Art. 17(3)(b) (docs/adr/0018)
        new ClassFileImporter().importPackages("casebook.cases.api").stream()
                .filter(c -> c.isAnnotatedWith(Revision.class) && c.getPackageName().equals("casebook.cases.api"))
                .forEach(c -> walk(c.reflect(), seen));
        List<RecordComponent> texts = new ArrayList<>();
        for (Class<?> record : seen) {
            for (RecordComponent component : record.getRecordComponents()) {
                if (carriesText(component.getGenericType())) texts.add(component);
            }
        }
        assertThat(texts).hasSizeGreaterThan(30);
        return texts;
    }

    private static void walk(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) walk(argument, seen);
        } else if (type instanceof Class<?> record && record.isRecord() && seen.add(record)) {
            for (RecordComponent component : record.getRecordComponents()) walk(component.getGenericType(), seen);
        }
    }

    private static boolean carriesText(Type type) {
        if (type == String.class) return true;
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw))) {
            for (Type argument : generic.getActualTypeArguments()) {
                if (carriesText(argument)) return true;
            }
        }
        return false;
    }

    private static String catalogue() throws Exception {
        return Files.readString(Path.of("../../../docs/events.md"));
    }
}
