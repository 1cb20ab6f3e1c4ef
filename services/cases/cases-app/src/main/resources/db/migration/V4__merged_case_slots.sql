-- A merged duplicate's slot names the case it was merged into, so a case may hold several slots (docs/adr/0011).
ALTER TABLE case_slots DROP CONSTRAINT open_case_slots_case_id_key;
CREATE INDEX case_slots_case_id_idx ON case_slots (case_id);
