package casebook.cases.api;

import java.util.Map;
import java.util.Objects;

/** An enforcement action a decided case orders, with the id enforcement systems know it by. */
public record OrderedAction(ActionId actionId, EnforcementAction action, Map<String, String> parameters) {
    public OrderedAction {
        Objects.requireNonNull(actionId, "action id");
        Objects.requireNonNull(action, "action");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
