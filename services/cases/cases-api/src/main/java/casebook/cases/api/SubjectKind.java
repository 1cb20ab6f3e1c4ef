package casebook.cases.api;

/** What a case is about. Behaviour that differs by kind lives in one policy per kind (see the domain). */
public enum SubjectKind {
    SELLER, CREATOR, TRANSACTION
}
