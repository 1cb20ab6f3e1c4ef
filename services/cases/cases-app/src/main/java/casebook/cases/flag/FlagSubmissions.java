package casebook.cases.flag;

import casebook.cases.api.Actor;
import casebook.cases.api.Flag;
import casebook.cases.api.FlagReceipt;
import casebook.cases.api.RaiseFlag;
import casebook.cases.infrastructure.web.CorrelationIds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How flags enter the write model, for REST and Kafka alike. One flag: one transaction, retried when another
 * instance changed the same case at the same moment. A batch: ONE unit of work and ONE database commit for
 * all its flags (several times the single-commit throughput); if any flag fails, nothing of the batch is
 * kept and the caller falls back to one flag at a time.
 */
@Component
class FlagSubmissions {
    private static final Logger log = LoggerFactory.getLogger(FlagSubmissions.class);
    static final int MAX_ATTEMPTS = 10;

    private final CommandGateway commands;
    private final TransactionManager transactions;

    FlagSubmissions(CommandGateway commands, TransactionManager transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    FlagReceipt one(Flag flag, Actor actor) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(new RaiseFlag(flag, actor));
            } catch (RuntimeException e) {
                if (!isConflict(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                log.debug("flag {} met a concurrent change (attempt {}), retrying", flag.flagId(), attempt);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(2, 10L * attempt)));
            }
        }
    }

    /** All flags in one commit, or none of them (the result says why). */
    ResultMessage<List<FlagReceipt>> batch(List<Submission> submissions, Actor actor) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        return unitOfWork.executeWithResult(() -> {
            List<FlagReceipt> receipts = new ArrayList<>(submissions.size());
            for (Submission submission : submissions) {
                receipts.add(CorrelationIds.with(submission.correlationId(),
                        () -> commands.sendAndWait(new RaiseFlag(submission.flag(), actor))));
            }
            return receipts;
        });
    }

    /** A flag and the correlation id it arrived with (null: a new one). */
    record Submission(Flag flag, String correlationId) {
    }

    /** Another writer got there first (event sequence taken, deadlock, serialization failure): try again. */
    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof TransientDataAccessException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
