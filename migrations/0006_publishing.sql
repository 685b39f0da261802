-- Publishing host profiles through the register's workflow (seed 002, docs/design.md §4):
-- declaration → proof (PEC from the address of record, or the legal representative's CAdES
-- signature) → publication. See domain::publish and worker/src/publish.rs.

-- Who a published profile belongs to (domain::publish::identity_key: ipa:…, piva:…, cf:…).
-- Demo hosts have none. An update of a published profile replaces the row with the same key.
ALTER TABLE hosts ADD COLUMN identity_key TEXT;
CREATE UNIQUE INDEX hosts_by_identity ON hosts(identity_key) WHERE identity_key IS NOT NULL;

-- A submitted profile waiting for its proof, and what happened to it. Times are Unix seconds.
CREATE TABLE declarations (
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
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published')),
  failures INTEGER NOT NULL DEFAULT 0,   -- failed proofs; at the limit the code is refused
  host_id INTEGER,                       -- set on publication
  verified_at INTEGER,
  verified_by TEXT,                      -- 'pec:<message id>' or 'cades:<signer codice fiscale>'
  chain_checked INTEGER,                 -- CAdES: 0 = signer chain not checked against the trusted list
  claim TEXT                             -- random token of the publication batch that used the code
);
CREATE INDEX declarations_by_identity ON declarations(identity_key, status, expires_at);

-- Every proof received (PEC messages and signed files), accepted or refused, with the reason:
-- what a body asking "why was my PEC refused?" needs, and nothing else (no message bodies).
CREATE TABLE verification_attempts (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('pec', 'firma_digitale')),
  code TEXT,                             -- the code found, when one was
  sender TEXT,                           -- the certified sender, or the signer's codice fiscale
  outcome TEXT NOT NULL,                 -- 'published' or a domain error code
  detail TEXT NOT NULL
);
CREATE INDEX verification_attempts_by_code ON verification_attempts(code);

-- The Codice Univoco Ufficio of public bodies' offices (IPA open data "Unità organizzative" /
-- "Uffici"), so a body can be found by either code: cargo xtask import-ipa --uffici FILE.
CREATE TABLE ipa_uffici (
  code TEXT PRIMARY KEY COLLATE NOCASE,
  ipa_code TEXT NOT NULL COLLATE NOCASE,
  name TEXT
) WITHOUT ROWID;

-- Fixed-window counters for rate limits (domain::publish::limits): key = what is limited.
CREATE TABLE rate_limits (
  key TEXT NOT NULL,
  window INTEGER NOT NULL,               -- Unix seconds / window length
  count INTEGER NOT NULL,
  PRIMARY KEY (key, window)
) WITHOUT ROWID;

-- CP 2011 titles searchable as a person types (the wizard's professional figures): accent- and
-- case-insensitive, with prefixes.
CREATE VIRTUAL TABLE cp2011_fts USING fts5(
  code UNINDEXED, title,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
INSERT INTO cp2011_fts (code, title) SELECT code, title FROM cp2011;
