-- The read model of regulatory requests (docs/adr/0017): one row per request, written by a subscribing event processor
-- in the transaction of the request's events, so legal reads what it just wrote. Rebuilt from the event store alone.
CREATE TABLE regulatory_requests (
    request_id              VARCHAR(128)  PRIMARY KEY,
    version                 BIGINT        NOT NULL,
    status                  VARCHAR(32)   NOT NULL,
    authority_name          VARCHAR(200)  NOT NULL,
    -- the name lower-cased by the service (Locale.ROOT), whatever the database's locale: the authority filter's key
    authority_key           VARCHAR(200)  NOT NULL,
    authority_jurisdiction  VARCHAR(100)  NOT NULL,
    legal_basis             VARCHAR(2000) NOT NULL,
    kind                    VARCHAR(32)   NOT NULL,
    reference               VARCHAR(200)  NOT NULL,
    received_at             TIMESTAMPTZ   NOT NULL,
    due_at                  TIMESTAMPTZ   NOT NULL,
    -- scope (subjects, caseIds) and documents as the events carry them; legal reads them with the request
    scope                   JSONB         NOT NULL,
    documents               JSONB         NOT NULL,
    subject_count           INTEGER       NOT NULL,
    case_count              INTEGER       NOT NULL,
    received_by             VARCHAR(255)  NOT NULL,
    clarification_question  VARCHAR(4000),
    clarification_answer    VARCHAR(4000),
    rejection_reason        VARCHAR(4000),
    decided_by              VARCHAR(255),
    decided_at              TIMESTAMPTZ,
    closed_by               VARCHAR(255),
    closed_at               TIMESTAMPTZ,
    closing_note            VARCHAR(4000),
    reminded_at             TIMESTAMPTZ,
    overdue_at              TIMESTAMPTZ,
    updated_at              TIMESTAMPTZ   NOT NULL
);

-- the list is sorted by due date (then id); filters: status, due before / after, authority (case-insensitive contains)
CREATE INDEX regulatory_requests_due ON regulatory_requests (due_at, request_id);
CREATE INDEX regulatory_requests_status_due ON regulatory_requests (status, due_at, request_id);
-- "contains" (LIKE '%...%') can use a trigram index only; pg_trgm ships with PostgreSQL (contrib)
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX regulatory_requests_authority ON regulatory_requests USING gin (authority_key gin_trgm_ops);
