package casebook.cases.infrastructure.axon;

import casebook.cases.infrastructure.web.CorrelationIds;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * While a command or query is handled, the logs carry its correlation id ({@code traceId}) as
 * {@code correlationId}. Not for events: event processors handle batches of events with as many correlation ids
 * and write them together, and reading each event's metadata only for the logs doubled the projection's cost.
 */
@Component
class CorrelationInLogs implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage() instanceof EventMessage<?>) {
            return chain.proceed();
        }
        Object traceId = unitOfWork.getMessage().getMetaData().get("traceId");
        return traceId == null ? chain.proceed() : CorrelationIds.with(traceId.toString(), chain::proceed);
    }
}
