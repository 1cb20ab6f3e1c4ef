package casebook.cases.infrastructure.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VersionsTest {

    @Test
    void aQuotedVersionIsTheExpectedVersion() {
        assertThat(Versions.fromIfMatch("\"12\"")).isEqualTo(12L);
        assertThat(Versions.fromIfMatch("W/\"3\"")).isEqualTo(3L);
    }

    @Test
    void noHeaderMeansNoExpectation() {
        assertThat(Versions.fromIfMatch(null)).isNull();
        assertThat(Versions.fromIfMatch(" ")).isNull();
    }

    @Test
    void anythingElseIsBadInput() {
        assertThatIllegalArgumentException().isThrownBy(() -> Versions.fromIfMatch("12"));
        assertThatIllegalArgumentException().isThrownBy(() -> Versions.fromIfMatch("\"x\""));
        assertThatIllegalArgumentException().isThrownBy(() -> Versions.fromIfMatch("\"\""));
    }

    @Test
    void theVersionHeldIsReadLikeTheVersionExpected() {
        assertThat(Versions.fromIfNoneMatch("\"12\"")).isEqualTo(12L);
        assertThat(Versions.fromIfNoneMatch(null)).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> Versions.fromIfNoneMatch("*"))
                .withMessageContaining("If-None-Match");
        assertThatIllegalArgumentException().isThrownBy(() -> Versions.fromIfNoneMatch("\"99999999999999999999\""));
    }

    @Test
    void theETagQuotesTheVersion() {
        assertThat(Versions.eTag(7)).isEqualTo("\"7\"");
    }
}
