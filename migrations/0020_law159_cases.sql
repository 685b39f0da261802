-- The school's Law 159/2023 cases (issue 19 point 2; seed 003's art. 114 c. 4-5 of D.Lgs.
-- 297/1994): what the school recorded for each episode domain::attendance::law159::check finds
-- (by its number in the pupil's year), and the elusione report (kind 'elusione', episode 0).
-- A case with nothing recorded is not stored: Ponte opens it from the register. Each step is
-- also an audit_log entry (action 'law159.<step>', object 'pupils/<id>'): the case's history.

CREATE TABLE law159_cases (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('episode', 'elusione')),
  episode INTEGER NOT NULL CHECK (episode >= 0),
  family_notified_on TEXT,            -- YYYY-MM-DD
  channel TEXT CHECK (channel IN ('letter', 'notice')),
  notice_id INTEGER REFERENCES notices(id) ON DELETE SET NULL,
  mayor_notified_on TEXT,             -- for 'elusione': the day it was reported
  closed_on TEXT,
  close_reason TEXT CHECK (close_reason IN ('justified', 'transferred', 'home_schooling', 'other')),
  updated_by TEXT NOT NULL,           -- codice fiscale
  updated_at INTEGER NOT NULL,
  UNIQUE (pupil_id, kind, episode),
  CHECK ((family_notified_on IS NULL) = (channel IS NULL)),
  CHECK ((closed_on IS NULL) = (close_reason IS NULL))
);
CREATE INDEX law159_cases_by_school ON law159_cases(school_id);
