-- The tamper-evident log over the event store (docs/adr/0023). Written only by the sealer, which follows
-- domain_event_entry by global_index outside the write path. Nothing here is secret: the signing key is never stored
-- in the database.

-- One row per sealed event: its place in the log (leaf_index, dense from 0) and its chain hash (EventChain).
CREATE TABLE audit_log_leaves (
    leaf_index      BIGINT       PRIMARY KEY,
    global_index    BIGINT       NOT NULL UNIQUE,
    stream_id       VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_hash      BYTEA        NOT NULL,
    UNIQUE (stream_id, sequence_number)
);

-- Every perfect subtree an append completed (level 0: the leaf hashes): any root or proof is O(log n) lookups.
CREATE TABLE audit_log_nodes (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       BYTEA    NOT NULL,
    PRIMARY KEY (level, node_index)
);

-- Each stream's head in the log: how many of its events are sealed and the last chain hash.
CREATE TABLE audit_log_heads (
    stream_id VARCHAR(255) PRIMARY KEY,
    length    BIGINT       NOT NULL,
    head_hash BYTEA        NOT NULL
);

-- Where the sealer is: every global_index up to sealed_through is sealed or a gap older than the gap timeout.
CREATE TABLE audit_log_state (
    id             SMALLINT PRIMARY KEY CHECK (id = 1),
    size           BIGINT   NOT NULL,
    sealed_through BIGINT   NOT NULL
);
INSERT INTO audit_log_state (id, size, sealed_through) VALUES (1, 0, 0);

-- Every checkpoint issued: the signed note as published (C2SP tlog-checkpoint + signed-note).
CREATE TABLE audit_log_checkpoints (
    tree_size   BIGINT      PRIMARY KEY,
    signed_note TEXT        NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL
);
