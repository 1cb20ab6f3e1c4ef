package casebook.cases.api;

/** P1 is the most urgent. The rule that sets it is in the domain's subject-kind policies. */
public enum Priority {
    P1, P2, P3, P4;

    public boolean isMoreUrgentThan(Priority other) {
        return ordinal() < other.ordinal();
    }

    /** The next more urgent priority; P1 stays P1. */
    public Priority raised() {
        return this == P1 ? P1 : values()[ordinal() - 1];
    }
}
