package casebook.cases.infrastructure.console;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ConsolePagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "search", "approvals", "cases/5b2f5b0e-3f1c-4f64-9a4e-2f1f6a1d7c11", "cases/"})
    void anAppRouteOpensTheApp(String path) {
        assertThat(ConsolePages.IndexFallback.isAppRoute(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"assets/index-gone.js", "assets/fonts", "favicon.ico", "cases/x/report.pdf"})
    void aMissingFileIsNotFoundRatherThanTheApp(String path) {
        assertThat(ConsolePages.IndexFallback.isAppRoute(path)).isFalse();
    }
}
