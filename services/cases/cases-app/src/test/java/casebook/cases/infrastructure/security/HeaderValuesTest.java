package casebook.cases.infrastructure.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's header check accepts exactly what Spring's strict firewall accepts by default. */
class HeaderValuesTest {
    static final Pattern SPRING_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "application/json", "Ärger über ß",
            "\u00a0non-breaking", "emoji \ud83d\ude00", "lone \ud800 surrogate", "tab\there", "nul\u0000",
            "line\nbreak", "del\u007f", "c1\u0085control", "unassigned\u0378", "private\ue000use"})
    void acceptsWhatTheDefaultAccepts(String value) {
        assertThat(SecurityConfiguration.assignedAndNotControl(value))
                .isEqualTo(SPRING_DEFAULT.matcher(value).matches());
    }
}
