-- The qualified CAs of the national trusted list (ETSI TS 119 612; AgID publishes Italy's):
-- a `.p7m` signer's certificate must be issued by one of them (domain::mail::QualifiedCas).
-- Written only by `cargo xtask import-tsl FILE --signer-cert PEM` after the list's own XML
-- signature verified (xtask/src/tsl.rs); each import replaces the whole content.
-- docs/publishing.md, "Qualified signatures".
CREATE TABLE trusted_cas (
  id INTEGER PRIMARY KEY,
  subject_key TEXT NOT NULL,       -- domain::mail::subject_key: SHA-256 (hex) of the subject's DER
  certificate TEXT NOT NULL,       -- the CA's certificate, DER in hex
  provider TEXT NOT NULL,          -- TSPName (Italian when given)
  service TEXT NOT NULL,           -- ServiceName
  status TEXT NOT NULL,            -- ServiceStatus URI: granted (or accredited, older lists)
  status_start INTEGER NOT NULL,   -- StatusStartingTime, Unix seconds
  territory TEXT NOT NULL,         -- SchemeTerritory of the list
  list_sequence INTEGER NOT NULL,  -- TSLSequenceNumber of the list imported
  imported_at INTEGER NOT NULL
);
CREATE INDEX trusted_cas_by_subject ON trusted_cas(subject_key);
