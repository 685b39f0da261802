//! The verifier's one query: the qualified CAs of the national trusted list (`trusted_cas`,
//! migration 0008, written by `cargo xtask import-tsl`). Read only.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::Env;

const CAS_WITH_SUBJECTS: &str = "SELECT certificate, status_start FROM trusted_cas \
                                 WHERE subject_key IN (SELECT value FROM json_each(?1))";

/// The qualified CAs of the national trusted list (`trusted_cas`, migration 0008, written by
/// `cargo xtask import-tsl`) whose subject key (`domain::mail::subject_key`) is one of `keys`:
/// the issuers of a file's signers, and nothing else of the list. Each is its certificate (DER)
/// and since when its status is granted (Unix seconds).
pub async fn cas_with_subjects(env: &Env, keys: &[String]) -> Result<Vec<(Vec<u8>, i64)>, String> {
    #[derive(Deserialize)]
    struct Row {
        certificate: String,
        status_start: f64,
    }
    let db = env.d1("DB").map_err(|e| format!("D1 binding: {e}"))?;
    let keys = serde_json::to_string(keys).map_err(|e| e.to_string())?;
    let rows: Vec<Row> = db
        .prepare(CAS_WITH_SUBJECTS)
        .bind(&[JsValue::from_str(&keys)])
        .map_err(|e| format!("trusted CAs: {e}"))?
        .all()
        .await
        .map_err(|e| format!("trusted CAs: {e}"))?
        .results()
        .map_err(|e| format!("trusted CAs: {e}"))?;
    rows.into_iter()
        .map(|r| {
            let der = unhex(&r.certificate).ok_or("a trusted CA's certificate is not hex")?;
            Ok((der, r.status_start as i64))
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
