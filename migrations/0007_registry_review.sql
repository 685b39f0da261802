-- Who may publish a host profile (seed 002; domain::registry, docs/publishing.md): the proof is
-- checked against the registry of record (iPA, INI-PEC, Registro delle imprese); what the
-- registry cannot confirm waits for a Ponte operator's review, and a live profile records who
-- proved it, so only its owner updates it without review.

-- Declarations gain the states `review` (proof arrived, not confirmed: an operator decides),
-- `refused` (by the operator) and `superseded` (a newer declaration for the same body replaced
-- it before its proof arrived); they keep the document a company signs and its SHA-256, so the
-- signed file must be that document byte for byte; `chain_checked` is gone: a signature is
-- either verified or refused, never published "unchecked".
CREATE TABLE declarations_new (
  code TEXT PRIMARY KEY,                 -- domain::declaration::DeclarationCode, XXXX-XXXX-XXXX
  identity_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('pec', 'firma_digitale')),
  proof TEXT NOT NULL,                   -- domain::publish::Proof as JSON
  profile TEXT NOT NULL,                 -- domain::profile::ValidProfile as JSON
  privacy_version TEXT NOT NULL,         -- the privacy notice accepted, and when
  privacy_accepted_at INTEGER NOT NULL,
  issued_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'published', 'review', 'refused', 'superseded')),
  failures INTEGER NOT NULL DEFAULT 0,   -- failed proofs; at the limit the code is refused
  host_id INTEGER,                       -- set on publication
  verified_at INTEGER,                   -- when the proof arrived
  verified_by TEXT,                      -- 'pec:<message id>' or 'cades:<signer codice fiscale>'
  claim TEXT,                            -- random token of the publication batch that used the code
  document TEXT,                         -- firma_digitale: the text to sign (domain::publish::declaration_document)
  document_sha256 TEXT,                  -- its SHA-256, hex
  evidence TEXT,                         -- domain::registry::Evidence as JSON, once the proof arrived
  review_reason TEXT,                    -- domain::registry::ReviewReason code, in review
  decided_at INTEGER,                    -- the operator's decision
  decided_by TEXT,                       -- the operator's codice fiscale
  decision_note TEXT                     -- the operator's reason
);
INSERT INTO declarations_new (code, identity_key, kind, name, method, proof, profile,
  privacy_version, privacy_accepted_at, issued_at, expires_at, status, failures, host_id,
  verified_at, verified_by, claim)
SELECT code, identity_key, kind, name, method,
  -- Proof::Pec's `declared` flag became its `source`.
  CASE WHEN method = 'pec' THEN json_object('method', 'pec',
         'address', json_extract(proof, '$.address'),
         'source', CASE WHEN json_extract(proof, '$.declared') THEN 'declared' ELSE 'ipa' END)
       ELSE proof END,
  profile, privacy_version, privacy_accepted_at, issued_at, expires_at, status, failures,
  host_id, verified_at, verified_by, claim
FROM declarations;
DROP TABLE declarations;
ALTER TABLE declarations_new RENAME TO declarations;
CREATE INDEX declarations_by_identity ON declarations(identity_key, status, expires_at);
CREATE INDEX declarations_in_review ON declarations(status, verified_at) WHERE status = 'review';

-- Who proved a live profile (domain::registry::Owner): the PEC address or the signer's codice
-- fiscale. Profiles published before this have neither, so every update of theirs is reviewed.
ALTER TABLE hosts ADD COLUMN owner_pec TEXT;
ALTER TABLE hosts ADD COLUMN owner_signer TEXT;

-- The operators' decisions on declarations in review: who, when, what, why (the audit of the
-- review queue; staff actions at a school are in audit_log).
CREATE TABLE review_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  code TEXT NOT NULL,
  operator TEXT NOT NULL,                -- codice fiscale, from SPID/CIE
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'refused')),
  note TEXT NOT NULL
);
CREATE INDEX review_log_by_code ON review_log(code);
