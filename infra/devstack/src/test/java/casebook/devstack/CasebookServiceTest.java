package casebook.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CasebookService and the demo data, against a stub of cases-app.jar on the real Keycloak. */
class CasebookServiceTest {

    @TempDir
    static Path folder;
    private static Path jar;

    @BeforeAll
    static void buildStubJar() throws IOException {
        jar = folder.resolve("stub-cases-app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StubCasebookApp.class.getName());
        String entry = StubCasebookApp.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             var in = StubCasebookApp.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new ZipEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    @Test
    void demoDataRaisesEveryFlagWithItsRegionsDetectorThenAssignsAndNotes() throws Exception {
        DevStack stack = DevStack.shared();
        try (CasebookService app = new CasebookService(jar, 0, stack.springProperties("casebook"))) {
            app.start();

            List<String> problems = new DemoData(app.baseUrl(), stack.keycloak()).load();

            assertThat(problems).isEmpty();
            List<String> received = received(app);
            assertThat(received).filteredOn(line -> line.startsWith("flag ")).hasSize(32)
                    .anyMatch(line -> line.endsWith(" SEA")).anyMatch(line -> line.endsWith(" US"));
            assertThat(received).filteredOn(line -> line.startsWith("assign "))
                    .hasSize(5)
                    .allMatch(line -> line.matches("assign \\S+ (ana\\.sea by ana\\.sea|ana\\.us by ana\\.us)"));
            assertThat(received).filteredOn(line -> line.startsWith("note ")).singleElement().asString()
                    .endsWith("by ana.sea");
        }
    }

    @Test
    void aServiceThatExitsWhileStartingFailsWithItsLog() {
        CasebookService app = new CasebookService(jar, 0, Map.of("stub.fail", "true"), folder.resolve("fail.log"));

        assertThatThrownBy(app::start).hasMessageContaining("exited with code 3")
                .hasMessageContaining("stub: failing on purpose");
        assertThat(app.isRunning()).isFalse();
    }

    @Test
    void aMissingJarIsNamed() {
        CasebookService app = new CasebookService(folder.resolve("nothing.jar"), 0, Map.of());

        assertThatThrownBy(app::start).hasMessageContaining("nothing.jar is missing");
    }

    private static List<String> received(CasebookService app) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/received")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().lines().toList();
    }
}
