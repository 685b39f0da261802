-- Public bodies from the IPA open data ("Enti"), loaded by `cargo xtask import-ipa FILE`:
-- a public body's profile is pre-filled from here and its PEC of record is checked against it.
CREATE TABLE ipa_enti (
  code TEXT PRIMARY KEY COLLATE NOCASE,
  name TEXT NOT NULL,
  fiscal_code TEXT NOT NULL,
  tipologia TEXT,
  categoria TEXT,
  comune TEXT,
  cap TEXT,
  address TEXT,
  pec TEXT,
  website TEXT
) WITHOUT ROWID;
CREATE INDEX ipa_enti_by_fiscal_code ON ipa_enti(fiscal_code);
