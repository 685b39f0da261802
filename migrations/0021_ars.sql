-- The ARS communications of seed 000 (issue 19 point 4; domain::attendance::ars).
--
-- ars_calendar: the dated operations of each region's yearly calendar (seed 000, Tabella 1:
-- "Scadenze operazioni per l'Anagrafe Regionale degli Studenti del Veneto – Anno 2024"), loaded
-- by `cargo xtask ars-calendar --file FILE` (data/ars-veneto-2024.csv). A region with no row
-- has no ARS section.
--
-- ars_sent: the communications the school marked as sent to ARS (the day, who). One per pupil
-- and communication; each marking is also an audit_log entry (action 'ars.sent', object
-- 'pupils/<id>').

CREATE TABLE ars_calendar (
  region_code TEXT NOT NULL,          -- ISTAT, two digits ('05' Veneto)
  year INTEGER NOT NULL,              -- the calendar's year (Tabella 1's "Anno 2024")
  operation TEXT NOT NULL CHECK (operation IN ('terza_senza_scelta', 'non_proseguono',
    'non_proseguono_dopo_prove', 'iscritti_non_frequentanti')),
  due_on TEXT NOT NULL,               -- YYYY-MM-DD
  source TEXT NOT NULL,               -- the document the date comes from
  PRIMARY KEY (region_code, year, operation)
) WITHOUT ROWID;

CREATE TABLE ars_sent (
  school_id INTEGER NOT NULL REFERENCES schools(id),
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  communication TEXT NOT NULL CHECK (communication IN ('abbandono_non_formale',
    'ritiro_prima_15_03', 'ritiro_dopo_15_03', 'iscritto_non_presente',
    'esito_negativo_non_prosegue', 'terza_senza_scelta', 'istruzione_parentale')),
  sent_on TEXT NOT NULL,              -- YYYY-MM-DD
  sent_by TEXT NOT NULL,              -- codice fiscale
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (pupil_id, communication)
) WITHOUT ROWID;
CREATE INDEX ars_sent_by_school ON ars_sent(school_id);
