package casebook.projections.casesearch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class CaseSearchStructureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("casebook.projections.casesearch");

    @Test
    void theDocumentLogicIsPlainJava() {
        noClasses().that().haveNameMatching(".*\\.CaseDocument(\\$.*)?")
                   .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "co.elastic..",
                                                                       "org.axonframework..", "com.fasterxml..")
                   .check(MAIN);
    }

    @Test
    void theProjectionAndTheRebuildHandleTheSameEvents() {
        Stream<Class<?>> handled = Stream.of(CaseSearchProjection.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(EventHandler.class))
                .map(Method::getParameterTypes)
                .map(parameters -> parameters[0]);

        assertThat(handled).containsExactlyInAnyOrderElementsOf(CaseDocument.EVENTS);
    }

    /**
     * Every case event is in the read model, so the document's version is the case's version: the version a write
     * answers is one a read can reach (docs/adr/0025). An event the read model should pass over would break that.
     */
    @Test
    void everyCaseEventIsInTheReadModelSoItsVersionIsTheCasesVersion() {
        Stream<Class<?>> caseEvents = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("casebook.cases.api").stream()
                .filter(c -> c.getPackageName().equals("casebook.cases.api"))
                .filter(c -> c.isAnnotatedWith(Revision.class))
                .map(JavaClass::reflect);

        assertThat(caseEvents).containsExactlyInAnyOrderElementsOf(CaseDocument.EVENTS);
    }
}
