package casebook.cases.infrastructure.policy;

import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.api.SlaStage;
import casebook.cases.domain.SlaPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

/**
 * Each region's service levels from configuration ({@code casebook.sla}): time to first assignment and time to
 * decision by priority, each with defaults for regions and priorities that set none.
 */
@ConfigurationProperties("casebook.sla")
public record SlaProperties(Targets firstAssignment, Targets decision) implements SlaPolicy {

    public SlaProperties {
        if (firstAssignment == null || decision == null) {
            throw new IllegalArgumentException("casebook.sla needs first-assignment and decision targets");
        }
        firstAssignment.requireComplete("first-assignment");
        decision.requireComplete("decision");
    }

    /** One stage's targets: a default per priority, and per-region overrides of any of them. */
    public record Targets(Map<Priority, Duration> defaults, Map<String, Map<Priority, Duration>> regions) {
        public Targets {
            defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
            regions = regions == null ? Map.of() : Map.copyOf(regions);
        }

        void requireComplete(String stage) {
            if (!defaults.keySet().containsAll(EnumSet.allOf(Priority.class))) {
                throw new IllegalArgumentException("casebook.sla." + stage + ".defaults must set P1, P2, P3 and P4");
            }
            boolean negative = defaults.values().stream().anyMatch(Duration::isNegative) || regions.values().stream()
                    .flatMap(targets -> targets.values().stream()).anyMatch(Duration::isNegative);
            if (negative) {
                throw new IllegalArgumentException("casebook.sla." + stage + " targets cannot be negative");
            }
        }

        Duration of(Region region, Priority priority) {
            return regions.getOrDefault(region.code(), Map.of()).getOrDefault(priority, defaults.get(priority));
        }
    }

    @Override
    public Duration target(SlaStage stage, Region region, Priority priority) {
        return (stage == SlaStage.FIRST_ASSIGNMENT ? firstAssignment : decision).of(region, priority);
    }
}
