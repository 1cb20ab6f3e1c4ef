package casebook.cases.infrastructure.axon;

import casebook.cases.infrastructure.web.CorrelationIds;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * While a command or event is handled (also in event processors, far from the request that caused it), the logs
 * carry its correlation id ({@code traceId}) as {@code correlationId}.
 */
@Component
class CorrelationInLogs implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object traceId = unitOfWork.getMessage().getMetaData().get("traceId");
        return traceId == null ? chain.proceed() : CorrelationIds.with(traceId.toString(), chain::proceed);
    }
}
