-- The school's Law 159/2023 steps one at a time, and the notice of repeated late entries
-- (issue 19 point 7; seed 003 "ritardi reiterati in ingresso"; docs/design.md §2).
--
-- Each step the school records takes a slot of its case (domain::attendance::law159::cases::
-- Law159Records::slot): kind 'episode' (the episode's number; seq = the steps its record held
-- before), 'elusione' (episode 0), or 'late_entries' (episode = the notices sent before, seq 0).
-- The step is written only while its slot is free (a conditional insert at the head of the
-- step's batch, and this unique index behind it), so of two steps sent at once on the same
-- state the second writes nothing and is answered 409. A step undone (within ten minutes, by
-- whoever recorded it) frees its slot and stays here, marked, as does its audit entry.
-- The notices of late entries live only here: the dates the family was written to.

CREATE TABLE law159_steps (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('episode', 'elusione', 'late_entries')),
  episode INTEGER NOT NULL CHECK (episode >= 0),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  step TEXT NOT NULL,                 -- the step as JSON (domain's Step)
  on_date TEXT NOT NULL,              -- YYYY-MM-DD, the step's date
  notice_id INTEGER REFERENCES notices(id) ON DELETE SET NULL,
  recorded_by TEXT NOT NULL,          -- codice fiscale
  recorded_at INTEGER NOT NULL,
  undone_by TEXT,
  undone_at INTEGER,
  CHECK ((undone_by IS NULL) = (undone_at IS NULL))
);
CREATE UNIQUE INDEX law159_steps_one_per_slot ON law159_steps(pupil_id, kind, episode, seq)
  WHERE undone_at IS NULL;
CREATE INDEX law159_steps_by_school ON law159_steps(school_id, kind);
