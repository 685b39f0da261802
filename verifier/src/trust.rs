//! Qualified signatures: what the verifier does around `domain::mail`'s pure checks — read the
//! signers' issuers from the trusted list in D1, fetch their CRLs over HTTP and keep them in KV,
//! then let `CadesFile::check` decide (docs/publishing.md, "Qualified signatures").

use domain::mail::{read_cades, Checked, Crls, QualifiedCas, SigningWindow, Verdict};
use worker::{Env, Fetch, Request, RequestInit};

/// A CRL larger than this is not read (the largest Italian qualified CAs' CRLs are a few MB;
/// KV keeps values up to 25 MiB).
const MAX_CRL_BYTES: usize = 20 * 1024 * 1024;
/// A CRL is kept until its `nextUpdate`, at most a day: a CA that publishes a revocation early
/// is heard within a day.
const MAX_CACHE_SECS: i64 = 24 * 60 * 60;
/// KV's shortest expiry.
const MIN_CACHE_SECS: i64 = 60;

/// Checks a `.p7m` as a qualified signature: [`Verdict::Refused`] is a refusal to show the
/// uploader, `Ok(Checked::RevocationUnknown { .. })` a signature that passed every check but
/// revocation (no usable CRL: it goes to an operator, never live by itself),
/// [`Verdict::Failed`] a failure of the verifier's own storage.
pub async fn verify_qualified(env: &Env, p7m: &[u8], window: SigningWindow) -> Verdict<Checked> {
    let file = match read_cades(p7m) {
        Ok(f) => f,
        Err(e) => return Verdict::Refused(e),
    };
    let keys = match file.issuer_keys() {
        Ok(k) => k,
        Err(e) => return Verdict::Refused(e),
    };
    let rows = match crate::db::cas_with_subjects(env, &keys).await {
        Ok(rows) => rows,
        Err(e) => return Verdict::Failed(e),
    };
    let cas = match QualifiedCas::new(rows) {
        Ok(cas) => cas,
        Err(e) => return Verdict::Failed(format!("trusted CAs: {e}")),
    };
    let mut crls = Crls::new();
    // Only the CRLs of certificates a listed CA issued: a made-up certificate's address is
    // never fetched (the check refuses it first anyway).
    for url in file.crl_urls_to_fetch(&cas, window) {
        let crl = crl(env, &cas, &url, window.now).await;
        if let Err(why) = &crl {
            worker::console_log!("CRL {url}: {why}");
        }
        crls.insert(&url, crl);
    }
    match file.check(&cas, &crls, window) {
        Ok(checked) => Verdict::Ok(checked),
        Err(e) => Verdict::Refused(e),
    }
}

/// The CRL at `url`, from KV while it is current, else fetched; kept in KV only once a CA of
/// `cas` is found to have signed it.
async fn crl(env: &Env, cas: &QualifiedCas, url: &str, now: i64) -> Result<Vec<u8>, String> {
    let kv = env.kv("KV").map_err(|e| format!("KV binding: {e}"))?;
    let key = format!("crl:{url}");
    if let Ok(Some(hit)) = kv.get(&key).bytes().await {
        if cas.checked_crl(&hit, now).is_ok() {
            return Ok(hit);
        }
    }
    // The runtime's own URL parser (the `Request` constructor), not the `url` crate's, whose
    // Unicode tables weigh 55 KB in the worker (docs/toolchain.md §10).
    let req =
        Request::new_with_init(url, &RequestInit::new()).map_err(|e| format!("bad URL: {e}"))?;
    let mut resp = Fetch::Request(req)
        .send()
        .await
        .map_err(|e| format!("fetch failed: {e}"))?;
    let status = resp.status_code();
    if status != 200 {
        return Err(format!("HTTP status {status}"));
    }
    let bytes = resp.bytes().await.map_err(|e| format!("body: {e}"))?;
    if bytes.len() > MAX_CRL_BYTES {
        return Err(format!("{} bytes, over the limit", bytes.len()));
    }
    let checked = cas
        .checked_crl(&bytes, now)
        .map_err(|e| format!("not usable: {e}"))?;
    let ttl = checked
        .next_update()
        .map_or(MAX_CACHE_SECS, |n| n - now)
        .clamp(MIN_CACHE_SECS, MAX_CACHE_SECS);
    if let Ok(put) = kv.put_bytes(&key, &bytes) {
        // A failed cache write only costs a fetch next time.
        let _ = put.expiration_ttl(ttl as u64).execute().await;
    }
    Ok(bytes)
}
