-- Legal holds (invariant 8, docs/adr/0019).
-- legal_holds: the holds on cases now, one row per (case, request), kept from LegalHoldPlaced / LegalHoldReleased by a
-- subscribing processor in the transaction of those events; an erasure reads it (and locks the subject's key rows)
-- to refuse while any case of the subject is held.
CREATE TABLE legal_holds (
    case_id    UUID         NOT NULL,
    request_id VARCHAR(128) NOT NULL,
    placed_by  VARCHAR(255) NOT NULL,
    placed_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (case_id, request_id)
);
CREATE INDEX legal_holds_request ON legal_holds (request_id);

-- legal_hold_scopes: the subjects in the scope of each accepted, open regulatory request, so that a case opened later
-- for such a subject is held too. Kept from RegulatoryRequestAccepted / RegulatoryRequestClosed by the automatic-holds
-- processor. The subject ids are the request's own scope, kept under GDPR Art. 17(3) like the request itself (ADR 18
-- addendum); the rows go when the request closes.
CREATE TABLE legal_hold_scopes (
    subject_kind VARCHAR(32)  NOT NULL,
    subject_id   VARCHAR(128) NOT NULL,
    request_id   VARCHAR(128) NOT NULL,
    PRIMARY KEY (subject_kind, subject_id, request_id)
);
CREATE INDEX legal_hold_scopes_request ON legal_hold_scopes (request_id);
