-- The pupil's standing beyond attendance (issue 19 point 5; docs/imports.md, `alunni`): the
-- optional columns of the pupils' file, each NULL (or 0) when the file does not give it, so
-- files without them keep working. Codes are those of domain::attendance::obligation.

ALTER TABLE pupils ADD COLUMN birth_date TEXT;          -- YYYY-MM-DD, data_nascita
ALTER TABLE pupils ADD COLUMN withdrawn_on TEXT;        -- data_ritiro
ALTER TABLE pupils ADD COLUMN withdrawal_kind TEXT      -- tipo_ritiro
  CHECK (withdrawal_kind IN ('ritiro', 'abbandono', 'trasferimento'));
ALTER TABLE pupils ADD COLUMN home_schooling INTEGER NOT NULL DEFAULT 0;  -- istruzione_parentale
ALTER TABLE pupils ADD COLUMN next_year TEXT            -- scelta_anno_successivo
  CHECK (next_year IN ('istruzione', 'iefp', 'apprendistato', 'nessuna'));
ALTER TABLE pupils ADD COLUMN outcome TEXT              -- esito
  CHECK (outcome IN ('ammesso', 'non_ammesso', 'giudizio_sospeso'));
