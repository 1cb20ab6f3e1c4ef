package casebook.projections.casesearch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventhandling.EventHandler;
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
}
