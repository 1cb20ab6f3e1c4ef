package casebook.cases;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event (a revisioned record in cases-api) is in the catalogue, docs/events.md, with its revision. */
class EventCatalogTest {

    @Test
    void everyEventIsCatalogued() throws Exception {
        String catalogue = Files.readString(Path.of("../../../docs/events.md"));
        List<JavaClass> events = new ClassFileImporter().importPackages("casebook.cases.api").stream()
                .filter(c -> c.isAnnotatedWith(Revision.class))
                .toList();

        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(event -> assertThat(catalogue)
                .as("docs/events.md lists %s with its revision", event.getSimpleName())
                .containsPattern("\\| `" + event.getSimpleName() + "` \\| "
                        + event.getAnnotationOfType(Revision.class).value() + " \\|"));
    }
}
