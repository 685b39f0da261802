//! The security headers of every response: the worker sets them on what it renders, and
//! `cargo xtask build` writes them into `assets/_headers` for the static files.

/// Scripts only from this origin (no inline script, no `unsafe-inline`); `wasm-unsafe-eval`
/// lets the islands' WebAssembly compile. Nothing from another origin, ever (docs/design.md §3, §6).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'";

pub const SECURITY_HEADERS: [(&str, &str); 7] = [
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ),
    (
        "strict-transport-security",
        "max-age=63072000; includeSubDomains; preload",
    ),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
];

/// The CSP of a server-rendered page: [`CSP`] plus the one nonce of that response, which the
/// renderer puts on its own inline scripts.
pub fn csp_with_nonce(nonce: &str) -> String {
    CSP.replacen(
        "script-src 'self'",
        &format!("script-src 'self' 'nonce-{nonce}'"),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonce_goes_into_script_src_only() {
        let c = csp_with_nonce("abc");
        assert!(c.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(!c.contains("unsafe-inline"));
        assert_eq!(c.matches("nonce-").count(), 1);
    }
}
