package casebook.cases.infrastructure.policy;

import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.domain.SlaPolicy;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

/**
 * Each region's service levels from configuration ({@code casebook.sla}): time to first assignment by
 * priority, with defaults for regions and priorities that set none.
 */
@Validated
@ConfigurationProperties("casebook.sla")
public record SlaProperties(@NotNull Map<Priority, Duration> defaults, Map<String, Map<Priority, Duration>> regions)
        implements SlaPolicy {

    public SlaProperties {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
        if (defaults == null || !defaults.keySet().containsAll(EnumSet.allOf(Priority.class))) {
            throw new IllegalArgumentException("casebook.sla.default must set P1, P2, P3 and P4");
        }
    }

    @Override
    public Duration timeToFirstAssignment(Region region, Priority priority) {
        return regions.getOrDefault(region.code(), Map.of()).getOrDefault(priority, defaults.get(priority));
    }
}
