package casebook.cases.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who sends a command, as far as a rule depends on it. The audit trail (actor, region, reason,
 * correlation) is stamped on every event by infrastructure; this record is only for decisions.
 */
public record Actor(String userId, Set<Role> roles, RegionScope scope) {
    public Actor {
        Objects.requireNonNull(userId, "user id");
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
        Objects.requireNonNull(scope, "scope");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean sees(Region region) {
        return scope.includes(region);
    }
}
