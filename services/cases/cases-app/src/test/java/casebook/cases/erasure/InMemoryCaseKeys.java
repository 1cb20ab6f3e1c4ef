package casebook.cases.erasure;

import casebook.cases.api.CaseId;
import casebook.cases.api.Region;
import casebook.cases.api.SubjectRef;

import java.util.HashMap;
import java.util.Map;

/** The data keys of unit tests: a map, with keys destroyed on demand. */
public final class InMemoryCaseKeys implements CaseKeys {
    private final Map<CaseId, CaseKey> keys = new HashMap<>();
    private final Map<CaseId, SubjectRef> subjects = new HashMap<>();

    @Override
    public CaseKey find(CaseId caseId) {
        return keys.getOrDefault(caseId, CaseKey.UNKNOWN);
    }

    @Override
    public CaseKey open(CaseId caseId, SubjectRef subject, Region region) {
        CaseKey key = CaseKey.of(PersonalDataCipher.newKey());
        keys.put(caseId, key);
        subjects.put(caseId, subject);
        return key;
    }

    /** A key for a case whose CaseOpened was not written here (a case of a unit test's own making). */
    public void give(CaseId caseId) {
        keys.put(caseId, CaseKey.of(PersonalDataCipher.newKey()));
    }

    public void destroy(CaseId caseId) {
        keys.put(caseId, CaseKey.ERASED);
    }

    public boolean has(CaseId caseId) {
        return keys.containsKey(caseId) && keys.get(caseId).present();
    }
}
