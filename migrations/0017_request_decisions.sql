-- The school's decisions on a family's requests (issue 23 point 5; seeds 003, 004): who
-- coordinates a class (they and the head teacher record the class council's decision on a
-- derogation), and every decision with its particulars — the refusal reason the family reads,
-- the council's date and reason, that the office has the documents — kept when undone (marked),
-- so the school's history shows what was decided, by whom and when. A request points at its
-- standing decision (NULL while pending).

ALTER TABLE staff ADD COLUMN coordinates TEXT NOT NULL DEFAULT '';  -- class codes, spaces

CREATE TABLE request_decisions (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('justification', 'derogation')),
  request_id INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('approved', 'refused')),
  reason TEXT,                        -- family::RefusalReason, refusals only
  council_date TEXT,                  -- derogations: the class council's sitting
  motivation TEXT,                    -- derogations: the council's reason (staff only)
  documents_received INTEGER,         -- derogations: the office has the documents
  decided_by TEXT NOT NULL,           -- codice fiscale
  decided_at INTEGER NOT NULL,
  undone_at INTEGER,
  CHECK ((status = 'refused') = (reason IS NOT NULL)),
  CHECK ((kind = 'derogation') = (council_date IS NOT NULL AND motivation IS NOT NULL))
);
CREATE INDEX request_decisions_by_school ON request_decisions(school_id, id);
CREATE INDEX request_decisions_by_request ON request_decisions(kind, request_id);

ALTER TABLE justifications ADD COLUMN decision_id INTEGER REFERENCES request_decisions(id);
ALTER TABLE derogation_requests ADD COLUMN decision_id INTEGER REFERENCES request_decisions(id);
