-- Who read which case, when and why (issue 13): every read of a case by an auditor or legal (the case, its history or
-- as-of state, its export), queryable by auditors. Nothing personal of the subject: the case id, the reader, the
-- reason they gave.
CREATE TABLE case_reads (
    id        BIGSERIAL    PRIMARY KEY,
    case_id   UUID         NOT NULL,
    region    VARCHAR(8)   NOT NULL,
    reader    VARCHAR(255) NOT NULL,
    roles     VARCHAR(255) NOT NULL,
    operation VARCHAR(64)  NOT NULL,
    as_of     TIMESTAMPTZ,
    reason    VARCHAR(500),
    read_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX case_reads_by_case ON case_reads (case_id, read_at);
CREATE INDEX case_reads_by_reader ON case_reads (reader, read_at);
