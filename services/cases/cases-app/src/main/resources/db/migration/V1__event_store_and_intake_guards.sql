-- Axon's event store (JDBC engine, PostgreSQL dialect) with snake_case names; see AxonConfiguration.
CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (global_index),
    UNIQUE (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

-- Tracking tokens of the event processors (projections).
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- Invariant 1: a flag id takes effect once. Written in the same transaction as the case's events.
CREATE TABLE flag_claims (
    flag_id    VARCHAR(128) PRIMARY KEY,
    region     VARCHAR(8)   NOT NULL,
    case_id    UUID,
    claimed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Invariant 2: at most one open case per region, subject and category.
CREATE TABLE open_case_slots (
    region       VARCHAR(8)   NOT NULL,
    subject_kind VARCHAR(16)  NOT NULL,
    subject_id   VARCHAR(128) NOT NULL,
    category     VARCHAR(32)  NOT NULL,
    case_id      UUID         NOT NULL UNIQUE,
    PRIMARY KEY (region, subject_kind, subject_id, category)
);
