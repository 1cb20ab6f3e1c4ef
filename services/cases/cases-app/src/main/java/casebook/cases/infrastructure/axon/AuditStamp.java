package casebook.cases.infrastructure.axon;

import casebook.cases.infrastructure.security.Callers;
import casebook.cases.infrastructure.web.CorrelationIds;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The one place that stamps who acts and the inbound correlation id on every command; Axon's correlation
 * data providers then copy them onto every event the command causes (invariant 9).
 */
@Component
class AuditStamp implements MessageDispatchInterceptor<CommandMessage<?>> {
    private static final String TRACE_ID = "traceId";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> stamp = new HashMap<>();
            if (!command.getMetaData().containsKey(AxonConfiguration.ACTOR)) {
                Callers.currentUserId().ifPresent(user -> stamp.put(AxonConfiguration.ACTOR, user));
            }
            if (!command.getMetaData().containsKey(TRACE_ID)) {
                CorrelationIds.current().ifPresent(id -> stamp.put(TRACE_ID, id));
            }
            return stamp.isEmpty() ? command : command.andMetaData(stamp);
        };
    }
}
