package casebook.cases.infrastructure.security;

import casebook.cases.api.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** Who is calling, on this thread: the REST request's token or the system identity of a Kafka listener. */
public final class Callers {
    private Callers() {
    }

    public static Actor current() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated caller on this thread"));
    }

    public static Optional<String> currentUserId() {
        return find().map(Actor::userId);
    }

    /** Runs {@code work} as {@code actor}, e.g. a Kafka listener acting for the detection systems. */
    public static <T> T runAs(Actor actor, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(actor, null));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication caller ? Optional.of(caller.actor()) : Optional.empty();
    }
}
