-- The language a person chose for the family's pages (issue 20, docs/design.md §11): saved by
-- the language menu (`POST /lingua`) once signed in, so it follows them to another browser and
-- to the automatic notices. One row per person, by codice fiscale like the sessions; a BCP 47
-- tag Ponte has (`app::i18n::Lang::code`). Read in the session's own query (no round trip).
CREATE TABLE person_languages (
    codice_fiscale TEXT PRIMARY KEY,
    lang TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
