package casebook.cases.retention;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retention's configuration: no period is no retention; a negative period or a non-positive schedule is refused. */
class RetentionPropertiesTest {

    @Test
    void withoutPeriodsNothingIsErasedAndTheScheduleHasDefaults() {
        RetentionProperties none = new RetentionProperties(null, null, null);

        assertThat(none.regionPeriods()).isEmpty();
        assertThat(none.checkEvery()).isEqualTo(Duration.ofHours(1));
        assertThat(none.batchSize()).isEqualTo(500);
    }

    @Test
    void aNegativePeriodOrANonPositiveScheduleIsRefusedAtStart() {
        assertThatThrownBy(() -> new RetentionProperties(Map.of("SEA", Period.ofYears(-1)), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region-periods.SEA");
        assertThatThrownBy(() -> new RetentionProperties(Map.of(), Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionProperties(Map.of(), null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
