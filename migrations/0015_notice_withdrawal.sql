-- A notice the school withdrew stays in the record, marked so; a reminder makes it unread again
-- for the families that have not acknowledged it (issue 23: "a notice cannot go to nobody").
ALTER TABLE notices ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE notices ADD COLUMN withdrawn_by TEXT;
ALTER TABLE notices ADD COLUMN reminded_at INTEGER;
