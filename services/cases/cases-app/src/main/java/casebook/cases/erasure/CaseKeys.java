package casebook.cases.erasure;

import casebook.cases.api.CaseId;
import casebook.cases.api.Region;
import casebook.cases.api.SubjectRef;

/** Where the event JSON finds each case's data key ({@link DataKeys} in the service, a map in unit tests). */
public interface CaseKeys {

    /** The key of a case, as known now. */
    CaseKey find(CaseId caseId);

    /** A new key for a case being opened, stored with the transaction that stores the case's first events. */
    CaseKey open(CaseId caseId, SubjectRef subject, Region region);
}
