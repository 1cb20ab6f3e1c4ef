package casebook.projections.casesearch;

/** A rebuild was asked for while this instance is still running one (answer 409). */
public class RebuildAlreadyRunning extends RuntimeException {

    private final RebuildProgress running;

    RebuildAlreadyRunning(RebuildProgress running) {
        super("a case search rebuild is already running in this instance");
        this.running = running;
    }

    public RebuildProgress running() {
        return running;
    }
}
