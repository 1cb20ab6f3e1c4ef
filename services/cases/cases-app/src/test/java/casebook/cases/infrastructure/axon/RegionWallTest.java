package casebook.cases.infrastructure.axon;

import casebook.cases.api.Actor;
import casebook.cases.api.ByActor;
import casebook.cases.api.CaseId;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository checks a case's region before its version only for commands that say who sends them
 * ({@link ByActor}); a command that carries an actor and forgets to say so would answer a foreign case's version.
 */
class RegionWallTest {

    @Test
    void everyCaseCommandWithAnActorDeclaresIt() {
        List<Class<?>> withActor = new ClassFileImporter().importPackages("casebook.cases.api").stream()
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .filter(type -> has(type, Actor.class) && has(type, CaseId.class))
                .toList();

        assertThat(withActor).hasSizeGreaterThanOrEqualTo(15)
                .allSatisfy(type -> assertThat(ByActor.class).isAssignableFrom(type));
    }

    private static boolean has(Class<?> record, Class<?> component) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType).anyMatch(component::equals);
    }
}
