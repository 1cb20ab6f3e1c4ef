package casebook.cases.erasure;

import javax.crypto.SecretKey;
import java.util.Objects;

/**
 * What is known about one case's data key: present, destroyed (the subject was erased), or unknown (a case stored
 * before keys existed and not backfilled: its personal fields are written in clear, as before). Never printed.
 */
public final class CaseKey {
    static final CaseKey ERASED = new CaseKey(null, true);
    static final CaseKey UNKNOWN = new CaseKey(null, false);
    private final SecretKey secret;
    private final boolean erased;

    private CaseKey(SecretKey secret, boolean erased) {
        this.secret = secret;
        this.erased = erased;
    }

    static CaseKey of(SecretKey secret) {
        return new CaseKey(Objects.requireNonNull(secret), false);
    }

    SecretKey secret() {
        return secret;
    }

    boolean present() {
        return secret != null;
    }

    boolean erased() {
        return erased;
    }

    @Override
    public String toString() {
        return present() ? "CaseKey[present]" : erased ? "CaseKey[erased]" : "CaseKey[unknown]";
    }
}
