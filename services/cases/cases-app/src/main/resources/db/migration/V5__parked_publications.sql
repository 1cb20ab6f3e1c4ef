-- Records a publisher can never publish (too large, unserialisable, ...), set aside so that the events behind them
-- are still published (docs/adr/0012). One row per record: where it was going, the event it came from, why.
CREATE TABLE parked_publications (
    id              BIGSERIAL PRIMARY KEY,
    processor       VARCHAR(255) NOT NULL,
    topic           VARCHAR(255) NOT NULL,
    record_key      VARCHAR(1024),
    record_index    INTEGER      NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    aggregate_id    VARCHAR(255),
    sequence_number BIGINT,
    reason          VARCHAR(64)  NOT NULL,
    detail          VARCHAR(1000),
    value_bytes     BIGINT,
    value           BYTEA,
    parked_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (event_id, topic, record_index)
);
