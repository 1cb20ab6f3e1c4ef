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

-- case_closings: when each closed case closed (retention, docs/adr/0019), kept from CaseClosed / CaseMerged (set) and
-- CaseReopened / AppealFiled (removed) by a subscribing processor in the transaction of those events. Retention erases
-- a case closed before its region's period ago, unless it is held. Cases closed before this migration: from their
-- last closing event, unless a later reopening or appeal followed it.
CREATE TABLE case_closings (
    case_id   UUID        PRIMARY KEY,
    region    VARCHAR(8)  NOT NULL,
    closed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_closings_region_closed ON case_closings (region, closed_at);

INSERT INTO case_closings (case_id, region, closed_at)
SELECT last.case_id, k.region, last.at
FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier::uuid AS case_id, payload_type,
             time_stamp::timestamptz AS at
      FROM domain_event_entry
      WHERE payload_type IN ('casebook.cases.api.CaseClosed', 'casebook.cases.api.CaseMerged',
                             'casebook.cases.api.CaseReopened', 'casebook.cases.api.AppealFiled')
      ORDER BY aggregate_identifier, sequence_number DESC) last
JOIN personal_data_keys k ON k.case_id = last.case_id
WHERE last.payload_type IN ('casebook.cases.api.CaseClosed', 'casebook.cases.api.CaseMerged');
