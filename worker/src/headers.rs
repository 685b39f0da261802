//! Security headers on every response the worker makes (static files get the same set from
//! `assets/_headers`, written by `cargo xtask build` from the same constant).

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use domain::security::SECURITY_HEADERS;

/// Add the security headers; a page's own nonce-carrying CSP is kept.
pub fn secure(headers: &mut HeaderMap) {
    for (name, value) in SECURITY_HEADERS {
        if name == "content-security-policy" && headers.contains_key(name) {
            continue;
        }
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
}
