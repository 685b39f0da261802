//! The verifier worker (verifier/src/lib.rs), through the service binding `VERIFIER`: it reads
//! PEC envelopes and `.p7m` files with `domain::mail` and answers a [`Verdict`]; this worker
//! decides what the answer means for the declaration. Kept apart so this worker does not carry
//! the MIME, ASN.1 and RSA code (docs/toolchain.md §10).

use crate::error::ApiError;
use domain::mail::{Checked, MailError, PecMessage, SigningWindow, Verdict};
use serde::de::DeserializeOwned;
use worker::{Env, Headers, Method, Request, RequestInit};

/// A PEC message as it arrived at `now`: `Ok(Err(_))` a refusal for the sender, `Err(_)` the
/// verifier could not be asked or failed.
pub async fn pec(env: &Env, raw: &[u8], now: i64) -> Result<Result<PecMessage, MailError>, String> {
    let verdict = ask(env, "pec", raw, &[("X-Ponte-Now", now)]).await?;
    match verdict {
        Verdict::Ok(pec) => Ok(Ok(pec)),
        Verdict::Refused(e) => Ok(Err(e)),
        Verdict::Failed(why) => Err(format!("verifier: {why}")),
    }
}

/// A `.p7m` as a qualified signature: `Ok(Err(_))` is a refusal to show the uploader,
/// `Ok(Ok(Checked::RevocationUnknown { .. }))` a signature that passed every check but
/// revocation (it goes to an operator, never live by itself), `Err(_)` a failure of the
/// verifier or of its storage.
pub async fn cades(
    env: &Env,
    p7m: &[u8],
    window: SigningWindow,
) -> Result<Result<Checked, MailError>, ApiError> {
    let headers = [
        ("X-Ponte-Earliest", window.earliest),
        ("X-Ponte-Now", window.now),
    ];
    match ask(env, "cades", p7m, &headers).await {
        Ok(Verdict::Ok(checked)) => Ok(Ok(checked)),
        Ok(Verdict::Refused(e)) => Ok(Err(e)),
        Ok(Verdict::Failed(why)) | Err(why) => Err(ApiError::internal("verifier", why)),
    }
}

/// `POST https://verifier/{route}` with `body` and the numbers in `headers`.
async fn ask<T: DeserializeOwned>(
    env: &Env,
    route: &str,
    body: &[u8],
    numbers: &[(&str, i64)],
) -> Result<Verdict<T>, String> {
    let e = |e: worker::Error| format!("verifier: {e}");
    let service = env.service("VERIFIER").map_err(e)?;
    let headers = Headers::new();
    for (name, value) in numbers {
        headers.set(name, &value.to_string()).map_err(e)?;
    }
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_headers(headers)
        .with_body(Some(js_sys::Uint8Array::from(body).into()));
    let req = Request::new_with_init(&format!("https://verifier/{route}"), &init).map_err(e)?;
    let resp = service.fetch_request(req).await.map_err(e)?;
    let status = resp.status();
    let bytes = axum::body::to_bytes(axum::body::Body::new(resp.into_body()), 16 * 1024 * 1024)
        .await
        .map_err(|err| format!("verifier: {err}"))?;
    if !status.is_success() {
        return Err(format!(
            "verifier: status {status}: {}",
            String::from_utf8_lossy(&bytes)
        ));
    }
    serde_json::from_slice(&bytes).map_err(|err| format!("verifier's answer: {err}"))
}
