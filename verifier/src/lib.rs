//! Ponte's verifier: a second Cloudflare Worker that reads what nobody vouches for yet — PEC
//! transport envelopes and CAdES `.p7m` files — with `domain::mail`, for the main worker, which
//! calls it through the service binding `VERIFIER` (`worker/src/verifier.rs`) and decides
//! everything else. Apart from the main worker because its code (MIME, ASN.1, X.509, CMS, RSA:
//! about 60 KiB of the main worker's gzip budget, docs/toolchain.md §10) is needed a few times
//! a day, and a crafted file is read in an isolate that can write nothing but its CRL cache.
//!
//! Two routes, `POST` only, each answering [`domain::mail::Verdict`] as JSON:
//! - `/pec`: the raw message; the header `X-Ponte-Now` (Unix seconds) is when it arrived.
//!   Checked against the PEC providers' certificates of `PEC_PROVIDERS` (a PEM bundle).
//! - `/cades`: the `.p7m`; `X-Ponte-Earliest` and `X-Ponte-Now` are the signing window.
//!   Checked against the qualified CAs of the trusted list in D1, with their CRLs (kept in KV).
//!
//! Nothing else is answered, and no binding of the main worker's data is written.

mod db;
mod trust;

use domain::mail::{SigningWindow, TrustStore, Verdict};
use std::sync::{Arc, OnceLock};
use worker::{event, Context, Env, Request, Response};

/// The largest body read: the larger of a PEC (1 MiB) and a `.p7m` (5 MiB).
const MAX_BODY: usize = domain::mail::MAX_P7M_BYTES;

#[event(fetch)]
async fn fetch(mut req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    let url = req.inner().url();
    let route = url.rsplit('/').next().unwrap_or_default().to_owned();
    let number = |name: &str| -> Option<i64> { req.headers().get(name).ok()??.parse().ok() };
    let (Some(now), earliest) = (number("X-Ponte-Now"), number("X-Ponte-Earliest")) else {
        return Response::error("X-Ponte-Now missing", 400);
    };
    if req.method() != worker::Method::Post {
        return Response::error("POST only", 405);
    }
    let body = req.bytes().await?;
    if body.len() > MAX_BODY {
        return Response::from_json(&Verdict::<()>::Refused(domain::mail::MailError::TooLarge));
    }
    match (route.as_str(), earliest) {
        ("pec", _) => {
            let verdict = match trust_store(&env) {
                Ok(store) => match domain::mail::verify_pec(&body, &store, now) {
                    Ok(pec) => Verdict::Ok(pec),
                    Err(e) => Verdict::Refused(e),
                },
                Err(e) => Verdict::Failed(e),
            };
            Response::from_json(&verdict)
        }
        ("cades", Some(earliest)) => {
            let window = SigningWindow { earliest, now };
            Response::from_json(&trust::verify_qualified(&env, &body, window).await)
        }
        _ => Response::error("unknown route", 404),
    }
}

/// The PEC providers' certificates (`PEC_PROVIDERS`, a PEM bundle), parsed once per instance.
fn trust_store(env: &Env) -> Result<Arc<TrustStore>, String> {
    static STORE: OnceLock<Arc<TrustStore>> = OnceLock::new();
    if let Some(s) = STORE.get() {
        return Ok(s.clone());
    }
    let pem = env
        .var("PEC_PROVIDERS")
        .map(|v| v.to_string())
        .unwrap_or_default();
    let store = Arc::new(TrustStore::from_pem(&pem).map_err(|e| e.message())?);
    Ok(STORE.get_or_init(|| store).clone())
}
