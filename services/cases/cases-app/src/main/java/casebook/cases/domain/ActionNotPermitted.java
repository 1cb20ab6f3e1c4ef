package casebook.cases.domain;

/**
 * The caller is known but lacks the role or regional scope for this action, or is the wrong person for it (four
 * eyes). {@code code} is stable, like a broken rule's: clients and problem types use it.
 */
public class ActionNotPermitted extends RuntimeException {
    public static final String FORBIDDEN = "forbidden";

    private final String code;

    public ActionNotPermitted(String message) {
        this(FORBIDDEN, message);
    }

    public ActionNotPermitted(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
