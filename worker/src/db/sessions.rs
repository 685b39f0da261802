//! Sessions: one row per signed-in browser, keyed by the SHA-256 of its cookie value (the
//! value itself is never stored). The rules (lifetimes, when to touch) are `domain::session`.

use super::{database, int, roster, text, Answers, Error, Reads};
use crate::db::Counted;
use domain::session::Access;
use domain::session::SessionClock;
use serde::Deserialize;
use worker::Env;

/// A stored session.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub id_hash: String,
    pub codice_fiscale: String,
    pub given_name: String,
    pub family_name: String,
    pub csrf: String,
    pub clock: SessionClock,
    /// The language the person chose for the family's pages (`person_languages`), if any.
    pub lang: Option<String>,
}

#[derive(Deserialize)]
struct Row {
    id_hash: String,
    codice_fiscale: String,
    given_name: String,
    family_name: String,
    csrf: String,
    created_at: f64,
    last_seen: f64,
    lang: Option<String>,
}

/// The session stored under `id_hash`, if any (expired or not: the caller applies the rules),
/// with what the school's data grants its person and what the request's own `reads` answered:
/// one round trip. The answers are read only once the session and its grants allow it.
pub async fn session(
    env: &Env,
    id_hash: &str,
    reads: Reads,
) -> Result<Option<(SessionRecord, Access, Answers)>, Error> {
    let db = database(env)?;
    let session = db
        .prepare(
            "SELECT s.id_hash, s.codice_fiscale, s.given_name, s.family_name, s.csrf, \
             s.created_at, s.last_seen, l.lang FROM sessions s \
             LEFT JOIN person_languages l ON l.codice_fiscale = s.codice_fiscale \
             WHERE s.id_hash = ?1",
        )
        .bind(&[text(id_hash)])?;
    let [guardians, staff] = roster::session_statements(&db, id_hash)?;
    let mut statements = vec![session, guardians, staff];
    statements.extend(reads.0);
    let results = db
        .batch(statements)
        .counted()
        .await
        .map_err(|e| Error::storage("session", e))?;
    let mut answers = Answers::new("session", results);
    let Some(r) = answers.next::<Row>()?.into_iter().next() else {
        return Ok(None);
    };
    let record = SessionRecord {
        id_hash: r.id_hash,
        codice_fiscale: r.codice_fiscale,
        given_name: r.given_name,
        family_name: r.family_name,
        csrf: r.csrf,
        clock: SessionClock {
            created_at: r.created_at as i64,
            last_seen: r.last_seen as i64,
        },
        lang: r.lang,
    };
    let access = roster::access_from(&mut answers)?;
    Ok(Some((record, access, answers)))
}

/// Saves the language `codice_fiscale` chose for the family's pages (the menu, signed in).
pub async fn save_language(
    env: &Env,
    codice_fiscale: &str,
    lang: &str,
    now: i64,
) -> Result<(), Error> {
    database(env)?
        .prepare(
            "INSERT INTO person_languages (codice_fiscale, lang, updated_at) VALUES (?1, ?2, ?3) \
             ON CONFLICT (codice_fiscale) DO UPDATE SET lang = excluded.lang, \
             updated_at = excluded.updated_at",
        )
        .bind(&[text(codice_fiscale), text(lang), int(now as f64)])?
        .run()
        .counted()
        .await?;
    Ok(())
}

/// Records activity at `last_seen`, with the `expires_at` the rules give for it.
pub async fn touch(env: &Env, id_hash: &str, last_seen: i64, expires_at: i64) -> Result<(), Error> {
    database(env)?
        .prepare("UPDATE sessions SET last_seen = ?2, expires_at = ?3 WHERE id_hash = ?1")
        .bind(&[text(id_hash), int(last_seen as f64), int(expires_at as f64)])?
        .run()
        .counted()
        .await?;
    Ok(())
}

/// Ends a session now.
pub async fn delete(env: &Env, id_hash: &str) -> Result<(), Error> {
    database(env)?
        .prepare("DELETE FROM sessions WHERE id_hash = ?1")
        .bind(&[text(id_hash)])?
        .run()
        .counted()
        .await?;
    Ok(())
}

/// What a new session stores.
pub struct NewSession<'a> {
    pub id_hash: &'a str,
    pub codice_fiscale: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub provider: &'a str,
    pub csrf: &'a str,
    pub now: i64,
    pub expires_at: i64,
}

/// Stores a new session and, in the same batch, drops every expired one and the browser's
/// previous session (`replaces`, the hash of its cookie value) if it had one.
pub async fn create(env: &Env, s: &NewSession<'_>, replaces: Option<&str>) -> Result<(), Error> {
    let db = database(env)?;
    let purge = db
        .prepare("DELETE FROM sessions WHERE expires_at < ?1")
        .bind(&[int(s.now as f64)])?;
    let insert = db
        .prepare(
            "INSERT INTO sessions (id_hash, codice_fiscale, given_name, family_name, provider, \
             csrf, created_at, last_seen, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
        )
        .bind(&[
            text(s.id_hash),
            text(s.codice_fiscale),
            text(s.given_name),
            text(s.family_name),
            text(s.provider),
            text(s.csrf),
            int(s.now as f64),
            int(s.expires_at as f64),
        ])?;
    let mut statements = vec![purge, insert];
    if let Some(previous) = replaces {
        statements.push(
            db.prepare("DELETE FROM sessions WHERE id_hash = ?1")
                .bind(&[text(previous)])?,
        );
    }
    db.batch(statements)
        .counted()
        .await
        .map_err(|e| Error::storage("new session", e))?;
    Ok(())
}
