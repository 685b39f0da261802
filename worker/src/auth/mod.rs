//! Sign-in (OpenID Connect relying party), sessions, CSRF and roles.
//!
//! A session is a row in D1 (`db::sessions`) keyed by the SHA-256 of a random cookie value;
//! the person's roles are read from the school's roster at each request, in the same D1 batch
//! as the session (`current`, `db::sessions`, `db::roster`), never cached in the session, so a
//! guardian removed by an import loses access at once. The rules are `domain::session`.

pub mod handlers;
pub mod oidc;
pub mod webcrypto;

use crate::db::{sessions, Answers, Reads};
use crate::error::ApiError;
use axum::http::{header, HeaderMap, Method, Uri};
use domain::session::{self, Access, CsrfFacts, SessionClock, SessionState};
use domain::FieldError;
use worker::Env;

/// Seconds since the epoch, from the runtime's clock (sessions and sign-ins never follow a
/// development clock override).
pub fn now() -> i64 {
    crate::clock::system_now()
}

/// A new random opaque token (base64url of 32 bytes).
pub fn random_token() -> Result<String, ApiError> {
    let bytes: [u8; 32] =
        webcrypto::random_bytes().map_err(|e| ApiError::internal("random token", e))?;
    Ok(domain::oidc::RandomToken::from_bytes(&bytes))
}

/// The signed-in person behind a request.
#[derive(Debug, Clone)]
pub struct Session {
    pub id_hash: String,
    pub codice_fiscale: String,
    pub given_name: String,
    pub family_name: String,
    pub csrf: String,
    /// The language saved in the person's profile for the family's pages (`crate::lingue`).
    pub lang: Option<String>,
}

/// The value of a cookie on the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| session::cookie_value(h, name))
}

/// The live session of this request, if any, with what the school's data grants its person
/// now (one round trip). An expired record is deleted on sight.
pub async fn current(
    env: &Env,
    headers: &HeaderMap,
) -> Result<Option<(Session, Access)>, ApiError> {
    Ok(current_with(env, headers, Reads::none())
        .await?
        .map(|(s, a, _)| (s, a)))
}

/// [`current`], with the request's own `reads` answered in the same round trip.
pub async fn current_with(
    env: &Env,
    headers: &HeaderMap,
    reads: Reads,
) -> Result<Option<(Session, Access, Answers)>, ApiError> {
    let Some(token) = cookie(headers, session::SESSION_COOKIE).filter(|t| session::is_token(t))
    else {
        return Ok(None);
    };
    let Some((row, access, answers)) =
        sessions::session(env, &session::token_hash(token), reads).await?
    else {
        return Ok(None);
    };
    let now = now();
    match row.clock.state(now) {
        SessionState::Expired => {
            sessions::delete(env, &row.id_hash).await?;
            return Ok(None);
        }
        SessionState::Live { touch: true } => {
            let touched = SessionClock {
                last_seen: now,
                ..row.clock
            };
            sessions::touch(env, &row.id_hash, now, touched.expires_at()).await?;
        }
        SessionState::Live { touch: false } => {}
    }
    let s = Session {
        id_hash: row.id_hash,
        codice_fiscale: row.codice_fiscale,
        given_name: row.given_name,
        family_name: row.family_name,
        csrf: row.csrf,
        lang: row.lang,
    };
    Ok(Some((s, access, answers)))
}

/// The live session and its grants, or 401.
pub async fn require(env: &Env, headers: &HeaderMap) -> Result<(Session, Access), ApiError> {
    current(env, headers)
        .await?
        .ok_or_else(|| FieldError::unauthenticated().into())
}

/// [`require`], with the request's own `reads` answered in the same round trip.
pub async fn require_with(
    env: &Env,
    headers: &HeaderMap,
    reads: Reads,
) -> Result<(Session, Access, Answers), ApiError> {
    current_with(env, headers, reads)
        .await?
        .ok_or_else(|| FieldError::unauthenticated().into())
}

/// `scheme://host[:port]` of the request (the worker sees absolute URLs).
pub fn own_origin(uri: &Uri) -> String {
    match (uri.scheme_str(), uri.authority()) {
        (Some(s), Some(a)) => format!("{s}://{a}"),
        _ => String::new(),
    }
}

/// The CSRF defence of every state-changing request: Ponte's origin and the session's token
/// (header `X-CSRF-Token`, or the `csrf` field of a form).
pub fn check_csrf(
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    s: &Session,
    form_token: Option<&str>,
) -> Result<(), ApiError> {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(());
    }
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let own = own_origin(uri);
    let facts = CsrfFacts {
        origin: get("origin"),
        fetch_site: get("sec-fetch-site"),
        own_origin: &own,
        token: get("x-csrf-token").or(form_token),
        expected: &s.csrf,
    };
    if session::csrf_ok(&facts) {
        Ok(())
    } else {
        Err(FieldError::csrf_rejected().into())
    }
}
