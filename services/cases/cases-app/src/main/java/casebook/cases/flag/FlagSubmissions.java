package casebook.cases.flag;

import casebook.cases.api.Actor;
import casebook.cases.api.FlagReceipt;
import casebook.cases.api.RaiseFlags;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How flags enter the write model, for REST and Kafka alike: one {@link RaiseFlags} command, so one unit of work
 * and ONE database commit for one REST flag or a whole Kafka poll (several times the single-commit throughput).
 * When another instance changed the same case at the same moment the command is retried.
 */
@Component
class FlagSubmissions {
    private static final Logger log = LoggerFactory.getLogger(FlagSubmissions.class);
    static final int MAX_ATTEMPTS = 10;

    private final CommandGateway commands;

    FlagSubmissions(CommandGateway commands) {
        this.commands = commands;
    }

    /** All the flags in one commit, or none of them (the exception says why). */
    List<FlagReceipt> raise(RaiseFlags command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (RuntimeException e) {
                if (!isConflict(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                log.debug("{} flags met a concurrent change (attempt {}), retrying", command.flags().size(), attempt);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(2, 10L * attempt)));
            }
        }
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
