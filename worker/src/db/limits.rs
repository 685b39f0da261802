//! The limits that must span an hour, counted on rows Ponte writes anyway: a refusal only
//! reads (the per-minute limits are the rate-limiting binding's, `crate::limits`).

use super::{database, first, int, text, Error};
use serde::Deserialize;
use worker::Env;

#[derive(Deserialize)]
struct Count {
    n: f64,
}

/// Declarations issued for the body `identity_key` since `since` (whatever became of them:
/// published, expired, superseded), for `domain::publish::limits::SUBMISSIONS_PER_BODY_PER_HOUR`.
pub async fn declarations_since(env: &Env, identity_key: &str, since: i64) -> Result<u32, Error> {
    let row: Option<Count> = first(
        "declarations per body",
        database(env)?
            .prepare(
                "SELECT count(*) AS n FROM declarations WHERE identity_key = ?1 \
                 AND issued_at > ?2",
            )
            .bind(&[text(identity_key), int(since as f64)])?,
    )
    .await?;
    Ok(row.map_or(0, |r| r.n as u32))
}
