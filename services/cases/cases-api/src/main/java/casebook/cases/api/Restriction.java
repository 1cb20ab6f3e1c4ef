package casebook.cases.api;

import java.time.Instant;

/**
 * One restriction a statement of reasons announces: the ordered action, where it applies (the case's region) and
 * until when ({@code endsAt}; null = until further notice), from the action's {@code days} parameter if it has one.
 */
public record Restriction(ActionId actionId, EnforcementAction action, String territorialScope, Instant endsAt) {
}
