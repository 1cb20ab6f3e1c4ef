package casebook.cases.api;

import java.util.Map;
import java.util.Objects;

/** An enforcement action a decision asks for, with its parameters (e.g. {@code days} of a suspension). */
public record PlannedAction(EnforcementAction action, Map<String, String> parameters) {
    public static final int MAX_PARAMETERS = 10;
    public static final int MAX_PARAMETER_NAME_LENGTH = 64;
    public static final int MAX_PARAMETER_VALUE_LENGTH = 200;

    public PlannedAction {
        Objects.requireNonNull(action, "action");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
