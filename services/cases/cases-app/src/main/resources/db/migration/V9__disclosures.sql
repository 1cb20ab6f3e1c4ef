-- Disclosure packages of regulatory requests (docs/adr/0020): one row per package, written by the regulatory requests'
-- subscribing processor in the transaction of the request's events (read-your-writes, like regulatory_requests).
-- What the package discloses is not here: the content is read from the cases' events when the package is read.
CREATE TABLE disclosures (
    request_id     VARCHAR(128)  NOT NULL REFERENCES regulatory_requests (request_id),
    disclosure_id  VARCHAR(128)  NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    -- case ids, fields and redacted fields as the events carry them
    case_ids       JSONB         NOT NULL,
    fields         JSONB         NOT NULL,
    redacted       JSONB         NOT NULL,
    prepared_by    VARCHAR(255)  NOT NULL,
    prepared_at    TIMESTAMPTZ   NOT NULL,
    approved_by    VARCHAR(255),
    approved_at    TIMESTAMPTZ,
    PRIMARY KEY (request_id, disclosure_id)
);
