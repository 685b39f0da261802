-- Schools, their register data (imported from CSV: docs/imports.md), sign-in and sessions.
-- Every row of a school's data carries its school_id, so every query is scoped by school
-- (docs/design.md §10) and schools can later be spread over several databases.

CREATE TABLE schools (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,          -- codice meccanografico
  name TEXT NOT NULL,
  comune TEXT
);

CREATE TABLE classes (
  school_id INTEGER NOT NULL REFERENCES schools(id),
  code TEXT NOT NULL,
  grade TEXT NOT NULL,                -- primaria | secondaria_primo_grado | secondaria_secondo_grado
  weekly_hours INTEGER NOT NULL,
  day_hours TEXT NOT NULL,            -- JSON [mon, tue, wed, thu, fri, sat]
  PRIMARY KEY (school_id, code)
) WITHOUT ROWID;

CREATE TABLE calendars (
  school_id INTEGER PRIMARY KEY REFERENCES schools(id),
  spec TEXT NOT NULL,                 -- JSON attendance::CalendarSpec
  notes TEXT NOT NULL                 -- JSON [{from, to, description}]
);

CREATE TABLE pupils (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  matricola TEXT NOT NULL,
  surname TEXT NOT NULL,
  name TEXT NOT NULL,
  class_code TEXT NOT NULL,
  codice_fiscale TEXT,
  enrolment TEXT NOT NULL,            -- JSON attendance::Enrolment
  personalised_hours INTEGER,
  UNIQUE (school_id, matricola)
);
CREATE INDEX pupils_by_class ON pupils(school_id, class_code);

CREATE TABLE guardians (
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  codice_fiscale TEXT NOT NULL,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  surname TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (pupil_id, codice_fiscale)
) WITHOUT ROWID;
CREATE INDEX guardians_by_cf ON guardians(codice_fiscale);
CREATE INDEX guardians_by_school ON guardians(school_id);

CREATE TABLE staff (
  school_id INTEGER NOT NULL REFERENCES schools(id),
  codice_fiscale TEXT NOT NULL,
  role TEXT NOT NULL,                 -- docente | segreteria | dirigente
  surname TEXT NOT NULL,
  name TEXT NOT NULL,
  classes TEXT NOT NULL DEFAULT '',   -- class codes separated by spaces (teachers)
  PRIMARY KEY (school_id, codice_fiscale, role)
) WITHOUT ROWID;
CREATE INDEX staff_by_cf ON staff(codice_fiscale);

CREATE TABLE absences (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  date TEXT NOT NULL,
  kind TEXT NOT NULL,                 -- attendance::AbsenceKind, snake_case
  minutes INTEGER,
  justified INTEGER NOT NULL,
  UNIQUE (pupil_id, date, kind)
);
CREATE INDEX absences_by_school ON absences(school_id);

-- An import: its parts are validated and staged in import_rows, then made live in one batch.
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  kind TEXT NOT NULL,                 -- classi | calendario | alunni | tutori | personale | assenze
  status TEXT NOT NULL,               -- staging | live | rejected
  created_by TEXT NOT NULL,           -- codice fiscale
  created_at INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  file_bytes INTEGER NOT NULL,
  received_bytes INTEGER NOT NULL DEFAULT 0,
  rows INTEGER NOT NULL DEFAULT 0,
  error_count INTEGER NOT NULL DEFAULT 0,
  errors TEXT NOT NULL DEFAULT '[]',  -- JSON: the first errors, in line order
  warnings TEXT NOT NULL DEFAULT '[]',
  summary TEXT,                       -- JSON: what going live changed
  finished_at INTEGER
);
CREATE INDEX imports_by_school ON imports(school_id, id);

CREATE TABLE import_rows (
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  key TEXT NOT NULL,
  row TEXT NOT NULL,                  -- JSON of the domain::import row
  PRIMARY KEY (import_id, line)
) WITHOUT ROWID;
CREATE INDEX import_rows_by_key ON import_rows(import_id, key);

-- Who did what, for staff actions (docs/design.md §6).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,                -- codice fiscale
  action TEXT NOT NULL,
  object TEXT,
  detail TEXT
);
CREATE INDEX audit_by_school ON audit_log(school_id, at);

-- Sign-ins in progress: single use, bound to the browser by a cookie holding `state`.
-- Only hashes of the browser's secrets are stored.
CREATE TABLE logins (
  state_hash TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  verifier TEXT NOT NULL,
  nonce TEXT NOT NULL,
  next TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Sessions live in D1, not KV: D1 is strongly consistent, so deleting the row at logout ends the
-- session at once; KV may go on serving a deleted key for up to a minute in other locations.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,           -- SHA-256 of the cookie value
  codice_fiscale TEXT NOT NULL,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  provider TEXT NOT NULL,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_expiry ON sessions(expires_at);
