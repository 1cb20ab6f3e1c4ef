package casebook.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts {@link Casebook} once for the whole test run: every test class shares it (through the root context's store),
 * and so do jqwik's properties ({@link #shared}); Casebook's shutdown hook stops the two service instances when the
 * test JVM ends. A failed start is not retried by every class: it is remembered and reported by each.
 */
final class EndToEndExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EndToEndExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        casebook(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Casebook.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return casebook(context);
    }

    private static Casebook casebook(ExtensionContext context) {
        Started started = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Started.class, key -> startedOnce(), Started.class);
        return started.casebook();
    }

    private static Started started;

    /** The same platform for tests of other engines (jqwik properties), which have no JUnit extension context. */
    static Casebook shared() {
        return startedOnce().casebook();
    }

    private static synchronized Started startedOnce() {
        if (started == null) started = Started.attempt();
        return started;
    }

    private record Started(Casebook running, RuntimeException failure) implements ExtensionContext.Store.CloseableResource {
        static Started attempt() {
            try {
                return new Started(Casebook.shared(), null);
            } catch (RuntimeException e) {
                return new Started(null, e);
            }
        }

        Casebook casebook() {
            if (failure != null) throw new IllegalStateException("The platform did not start", failure);
            return running;
        }

        @Override
        public void close() {
            // the platform outlives JUnit Jupiter's run: jqwik's properties (another engine of the same JVM, which
            // may run after it) share it; Casebook's shutdown hook stops it when the test JVM ends
        }
    }
}
