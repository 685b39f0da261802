//! Sign-ins under way: a single-use row per started sign-in (PKCE verifier, nonce, where to go
//! next), keyed by the SHA-256 of the `state` sent to the provider.

use super::{batch, database, first, int, text, Error};
use serde::Deserialize;
use worker::Env;

/// What a started sign-in stores.
pub struct NewLogin<'a> {
    pub state_hash: &'a str,
    pub provider: &'a str,
    pub verifier: &'a str,
    pub nonce: &'a str,
    pub next: &'a str,
    pub expires_at: i64,
}

/// Stores a started sign-in and drops the expired ones (at `now`) in the same batch.
pub async fn start(env: &Env, l: &NewLogin<'_>, now: i64) -> Result<(), Error> {
    let db = database(env)?;
    let purge = db
        .prepare("DELETE FROM logins WHERE expires_at < ?1")
        .bind(&[int(now as f64)])?;
    let insert = db
        .prepare(
            "INSERT INTO logins (state_hash, provider, verifier, nonce, next, expires_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .bind(&[
            text(l.state_hash),
            text(l.provider),
            text(l.verifier),
            text(l.nonce),
            text(l.next),
            int(l.expires_at as f64),
        ])?;
    batch("new login", &db, [purge, insert]).await?;
    Ok(())
}

/// A started sign-in, as taken back.
#[derive(Debug, Clone)]
pub struct Login {
    pub provider: String,
    pub verifier: String,
    pub nonce: String,
    pub next: String,
    pub expires_at: i64,
}

#[derive(Deserialize)]
struct Row {
    provider: String,
    verifier: String,
    nonce: String,
    next: String,
    expires_at: f64,
}

/// Takes the sign-in stored under `state_hash` (deleting it in the same statement, so a
/// `state` is used once), if there is one.
pub async fn take(env: &Env, state_hash: &str) -> Result<Option<Login>, Error> {
    let row: Option<Row> = first(
        "login",
        database(env)?
            .prepare(
                "DELETE FROM logins WHERE state_hash = ?1 \
                 RETURNING provider, verifier, nonce, next, expires_at",
            )
            .bind(&[text(state_hash)])?,
    )
    .await?;
    Ok(row.map(|r| Login {
        provider: r.provider,
        verifier: r.verifier,
        nonce: r.nonce,
        next: r.next,
        expires_at: r.expires_at as i64,
    }))
}
