-- A declaration can be cancelled by whoever holds its code while it waits for its proof
-- (issue 23: "a company can come back to finish"): the state `cancelled` joins the CHECK, which
-- SQLite changes only by rebuilding the table (as 0007 did). Same columns, same indexes.
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
    CHECK (status IN ('pending', 'published', 'review', 'refused', 'superseded', 'cancelled')),
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
  verified_at, verified_by, claim, document, document_sha256, evidence, review_reason,
  decided_at, decided_by, decision_note)
SELECT code, identity_key, kind, name, method, proof, profile,
  privacy_version, privacy_accepted_at, issued_at, expires_at, status, failures, host_id,
  verified_at, verified_by, claim, document, document_sha256, evidence, review_reason,
  decided_at, decided_by, decision_note
FROM declarations;
DROP TABLE declarations;
ALTER TABLE declarations_new RENAME TO declarations;
CREATE INDEX declarations_by_identity ON declarations(identity_key, status, expires_at);
CREATE INDEX declarations_in_review ON declarations(status, verified_at) WHERE status = 'review';
