package casebook.cases.domain;

/** A business rule refused a command. {@code code} is stable: clients and problem types use it. */
public class CaseRuleBroken extends RuntimeException {
    private final String code;

    public CaseRuleBroken(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
