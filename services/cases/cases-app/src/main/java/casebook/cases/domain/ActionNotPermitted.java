package casebook.cases.domain;

/** The caller is known but lacks the role or regional scope for this action. */
public class ActionNotPermitted extends RuntimeException {
    public ActionNotPermitted(String message) {
        super(message);
    }
}
