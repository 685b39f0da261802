-- The family portal (docs/design.md §2, §3): the school's attendance policy, justifications and
-- derogation requests sent by families and decided by staff, notices with reads and
-- acknowledgements. Every row carries its school_id (docs/design.md §10). No health details: a
-- justification is a reason from a fixed list, a derogation a category and dates.

-- JSON attendance::PolicySpec; NULL: the seed 003 preset.
ALTER TABLE schools ADD COLUMN policy TEXT;

CREATE TABLE justifications (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  absence_id INTEGER NOT NULL UNIQUE REFERENCES absences(id) ON DELETE CASCADE,
  reason TEXT NOT NULL,               -- family::JustificationReason
  status TEXT NOT NULL,               -- pending | approved | refused
  requested_by TEXT NOT NULL,         -- guardian's codice fiscale
  requested_at INTEGER NOT NULL,
  decided_by TEXT,
  decided_at INTEGER
);
CREATE INDEX justifications_by_school ON justifications(school_id, status);
CREATE INDEX justifications_by_pupil ON justifications(pupil_id);

CREATE TABLE derogation_requests (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  category TEXT NOT NULL,             -- a code of the school's policy
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  status TEXT NOT NULL,               -- pending | approved | refused
  requested_by TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  decided_by TEXT,
  decided_at INTEGER
);
CREATE INDEX derogations_by_school ON derogation_requests(school_id, status);
CREATE INDEX derogations_by_pupil ON derogation_requests(pupil_id);

CREATE TABLE notices (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  audience TEXT NOT NULL,             -- JSON family::Audience
  requires_ack INTEGER NOT NULL,
  published_by TEXT NOT NULL,
  published_at INTEGER NOT NULL
);
CREATE INDEX notices_by_school ON notices(school_id, published_at);

-- A guardian opened the notice (for "unread first").
CREATE TABLE notice_reads (
  notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  codice_fiscale TEXT NOT NULL,
  read_at INTEGER NOT NULL,
  PRIMARY KEY (notice_id, codice_fiscale)
) WITHOUT ROWID;

-- Presa visione: once per notice and pupil, by one of the pupil's guardians.
CREATE TABLE notice_acks (
  notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  codice_fiscale TEXT NOT NULL,
  acknowledged_at INTEGER NOT NULL,
  PRIMARY KEY (notice_id, pupil_id)
) WITHOUT ROWID;
