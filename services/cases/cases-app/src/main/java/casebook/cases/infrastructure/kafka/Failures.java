package casebook.cases.infrastructure.kafka;

import casebook.cases.domain.ActionNotPermitted;
import casebook.cases.domain.CaseRuleBroken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The one rule for every consumer and publisher (docs/adr/0012): a failure is the INFRASTRUCTURE's when a server
 * Casebook depends on is unreachable, overloaded, restarting or in a transient conflict - then the same record is
 * retried, with back-off and without limit, never skipped. Every other failure is the record's own (input): trying
 * again gives the same answer, so the record is set aside (dead letter or parked) and the ones behind it go on.
 * <p>
 * Infrastructure is recognised positively, anywhere in the cause chain: Spring's transient / resource-failure data
 * access exceptions, a transaction that could not start, JDBC's transient and recoverable exceptions, PostgreSQL
 * SQLStates of class 08 (connection), 40 (rollback: serialization, deadlock), 53 (insufficient resources),
 * 57 (operator intervention: shutdown, cancel) and 58 (system error), Axon's concurrency exception, Kafka's
 * retriable errors, a record Kafka did not acknowledge though it could take it ({@link PublicationNotAcknowledged}),
 * refused connections and timeouts. Everything else - e.g. SQLState class 22 (data exception:
 * a NUL in a text column), class 23 (integrity), a broken rule, a value the domain's constructors refuse - is input.
 */
public final class Failures {
    private static final Set<String> INFRASTRUCTURE_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");

    private Failures() {
    }

    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConcurrencyException || t instanceof PublicationNotAcknowledged
                    || t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException
                    || t instanceof ConnectException || t instanceof TimeoutException
                    || t instanceof InterruptedException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && INFRASTRUCTURE_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** The code of the domain rule that refused the input ({@code forbidden} for a permission), else null. */
    static String ruleCode(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof CaseRuleBroken broken) return broken.code();
            if (t instanceof ActionNotPermitted) return "forbidden";
        }
        return null;
    }

    /**
     * What failed, without values: the type and SQLState of the deepest cause and the first line of its message
     * (database messages name the constraint or encoding problem, not the values of the columns).
     */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        String sqlState = null;
        for (Throwable t : chain(failure)) {
            root = t;
            if (t instanceof SQLException sql && sql.getSQLState() != null) sqlState = sql.getSQLState();
        }
        return root.getClass().getSimpleName() + (sqlState == null ? "" : " (SQLState " + sqlState + ")") + ": "
                + firstLine(root);
    }

    static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static Iterable<Throwable> chain(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
