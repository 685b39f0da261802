//! The qualified CAs of the national trusted list (`trusted_cas`, migration 0008), written by
//! `cargo xtask import-tsl` and read when a `.p7m` is uploaded.

use super::{all, database, list, Error};
use serde::Deserialize;
use worker::Env;

/// A qualified CA: its certificate (DER) and since when its status is granted (Unix seconds).
pub struct TrustedCa {
    pub certificate: Vec<u8>,
    pub status_start: i64,
}

/// The qualified CAs whose subject key (`domain::mail::subject_key`) is one of `keys`: the
/// issuers of a file's signers, and nothing else of the list.
pub async fn cas_with_subjects(env: &Env, keys: &[String]) -> Result<Vec<TrustedCa>, Error> {
    #[derive(Deserialize)]
    struct Row {
        certificate: String,
        status_start: f64,
    }
    let rows: Vec<Row> = all(
        "trusted CAs",
        database(env)?
            .prepare(
                "SELECT certificate, status_start FROM trusted_cas \
                 WHERE subject_key IN (SELECT value FROM json_each(?1))",
            )
            .bind(&[list(keys)?])?,
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(TrustedCa {
                certificate: unhex(&r.certificate)
                    .ok_or_else(|| Error::decode("trusted CA certificate", "not hex"))?,
                status_start: r.status_start as i64,
            })
        })
        .collect()
}

/// Lower- or upper-case hex to bytes; `None` for anything else.
fn unhex(s: &str) -> Option<Vec<u8>> {
    let s = s.trim().as_bytes();
    if !s.len().is_multiple_of(2) {
        return None;
    }
    s.chunks_exact(2)
        .map(|pair| {
            let digit = |c: u8| (c as char).to_digit(16);
            Some((digit(pair[0])? * 16 + digit(pair[1])?) as u8)
        })
        .collect()
}
