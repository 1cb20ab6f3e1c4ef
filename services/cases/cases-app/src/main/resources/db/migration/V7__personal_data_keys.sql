-- Crypto-shredding (docs/adr/0018): one AES-256 data key per case; the personal fields of the case's stored events
-- are encrypted under it. Erasing a subject destroys the keys of all its cases: data_key and subject_id become NULL
-- and erased_at records when; the row stays as the record that the case was erased.
CREATE TABLE personal_data_keys (
    case_id      UUID         PRIMARY KEY,
    subject_kind VARCHAR(32)  NOT NULL,
    subject_id   VARCHAR(128),
    region       VARCHAR(8)   NOT NULL,
    data_key     BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    erased_at    TIMESTAMPTZ,
    CHECK ((erased_at IS NULL AND data_key IS NOT NULL AND subject_id IS NOT NULL)
        OR (erased_at IS NOT NULL AND data_key IS NULL AND subject_id IS NULL))
);
CREATE INDEX personal_data_keys_subject ON personal_data_keys (subject_kind, subject_id);

-- Cases opened before this migration get a key too, so that their later events are encrypted and an erasure finds
-- them (their earlier events stay in clear: see the ADR). 32 bytes from PostgreSQL's strong random source
-- (gen_random_uuid, pg_strong_random): 244 random bits, as good as 256 for AES.
INSERT INTO personal_data_keys (case_id, subject_kind, subject_id, region, data_key, created_at)
SELECT opened.aggregate_identifier::uuid,
       opened.event ->'subject'->>'kind',
       opened.event ->'subject'->>'id',
       opened.event ->>'region',
       decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'),
       now()
FROM (SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb AS event
      FROM domain_event_entry
      WHERE payload_type = 'casebook.cases.api.CaseOpened' AND sequence_number = 0) opened
ON CONFLICT (case_id) DO NOTHING;
