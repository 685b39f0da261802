//! Rate limits that cost nothing when they refuse (`domain::abuse`, docs/publishing.md
//! "Limits"): each is a Workers rate-limiting binding (`[[ratelimits]]` in `wrangler.toml`),
//! which counts in the runtime's memory, so a refused request writes nothing to D1 or KV (and,
//! for the requests the gate stops, makes no D1 round trip at all).
//!
//! [`gate`] runs before the router for the routes with a per-client limit — sign-in start,
//! host search, declarations, signed-file uploads — and answers 429 with `Retry-After` (the
//! API's error shape, or an Italian page for a page route). The PEC handler asks
//! [`sender_allowed`] once the sender is proved.
//!
//! In development (`PONTE_DEV=1`) a request may name its client with `X-Ponte-Dev-Client`: it
//! then counts on its own, under the production limit, which is how the tests see a 429 while
//! every other request from 127.0.0.1 shares the relaxed limit.

use crate::error::ApiError;
use app::pages::famiglia::FormErrorPage;
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::abuse::{self, RateLimit};
use domain::FieldError;
use leptos::prelude::*;
use worker::Env;

/// The development header naming a request's client (honoured only where `PONTE_DEV=1`).
pub const DEV_CLIENT_HEADER: &str = "x-ponte-dev-client";

/// How a refused request is answered.
#[derive(Clone, Copy)]
enum Answer {
    Json,
    /// A page; `back` is where its link goes.
    Page {
        back: &'static str,
    },
}

/// The limit of a request, if its route has one.
fn limit_of(method: &Method, path: &str) -> Option<(RateLimit, Answer)> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (method, segments.as_slice()) {
        (&Method::GET, ["accedi", _provider]) => {
            Some((abuse::SIGN_IN, Answer::Page { back: "/accedi" }))
        }
        (&Method::GET, ["enti"]) => Some((abuse::SEARCH, Answer::Page { back: "/enti" })),
        (&Method::GET, ["enti.csv"]) => Some((abuse::SEARCH, Answer::Page { back: "/enti" })),
        (&Method::GET, ["api", "v1", "hosts"]) => Some((abuse::SEARCH, Answer::Json)),
        (&Method::POST, ["api", "v1", "declarations"]) => Some((abuse::DECLARATIONS, Answer::Json)),
        (&Method::POST, ["api", "v1", "declarations", _code, "signature"]) => {
            Some((abuse::UPLOADS, Answer::Json))
        }
        _ => None,
    }
}

fn development(env: &Env) -> bool {
    domain::clock::is_development(
        env.var(domain::clock::DEV_SETTING)
            .ok()
            .map(|v| v.to_string())
            .as_deref(),
    )
}

/// The client a per-client limit counts by, and the binding that counts it: the relaxed twin
/// where `PONTE_RELAXED_CLIENT_LIMITS` is set, unless a development request names its client.
fn client_binding(env: &Env, headers: &HeaderMap, limit: &RateLimit) -> (String, String) {
    let named = development(env)
        .then(|| headers.get(DEV_CLIENT_HEADER))
        .flatten()
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty());
    if let Some(name) = named {
        return (format!("dev:{name}"), limit.binding.to_owned());
    }
    let client = headers
        .get("cf-connecting-ip")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("local")
        .to_owned();
    let binding = match limit.relaxed_binding() {
        Some(relaxed) if env.var("PONTE_RELAXED_CLIENT_LIMITS").is_ok() => relaxed,
        _ => limit.binding.to_owned(),
    };
    (client, binding)
}

/// One more event against `key`: `false` once the limit is passed. A binding that is missing
/// or fails lets the request through (logged): a rate limit protects the service's costs, and
/// must not take the service down with it.
async fn allowed(env: &Env, binding: &str, key: String) -> bool {
    let outcome = match env.rate_limiter(binding) {
        Ok(limiter) => limiter.limit(key).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(o) => o.success,
        Err(e) => {
            worker::console_error!("rate limit {binding}: {e}");
            true
        }
    }
}

/// Whether the certified `sender` may send one more PEC message now.
pub async fn sender_allowed(env: &Env, sender: &str) -> bool {
    let l = abuse::PEC_MESSAGES;
    allowed(
        env,
        l.binding,
        format!("{}:{}", l.binding, sender.to_ascii_lowercase()),
    )
    .await
}

/// The request, or its 429 when its route's per-client limit is passed (nothing written).
pub async fn gate(
    env: &Env,
    req: Request<axum::body::Body>,
) -> Result<Request<axum::body::Body>, Response> {
    let Some((limit, answer)) = limit_of(req.method(), req.uri().path()) else {
        return Ok(req);
    };
    let (client, binding) = client_binding(env, req.headers(), &limit);
    if allowed(env, &binding, format!("{}:{client}", limit.binding)).await {
        return Ok(req);
    }
    let mut response = match answer {
        Answer::Json => ApiError::from(FieldError::rate_limited()).into_response(),
        Answer::Page { back } => {
            let lang = crate::pages::lang_of(&req);
            let message = lang.error(&FieldError::rate_limited());
            crate::pages::render(req, StatusCode::TOO_MANY_REQUESTS, move || {
                view! { <FormErrorPage lang=lang message=message.clone() back=back.to_owned()/> }
            })
            .await
        }
    };
    retry_after(&mut response, limit.period_secs);
    Err(response)
}

/// `Retry-After` on a 429: the window of the limit that refused (every window is a minute or
/// less), unless the handler said otherwise.
pub fn retry_after(response: &mut Response, seconds: u32) {
    if response.status() == StatusCode::TOO_MANY_REQUESTS
        && !response.headers().contains_key(header::RETRY_AFTER)
    {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
}
