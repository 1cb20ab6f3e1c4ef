-- A closed case keeps its subject's slot, marked closed, so that a new flag within the reopen window reopens it
-- and a later one opens a new case in its place (docs/adr/0011). A slot without closed_at is an open case.
ALTER TABLE open_case_slots RENAME TO case_slots;
ALTER TABLE case_slots ADD COLUMN closed_at TIMESTAMPTZ;
