//! Sign-in (OpenID Connect relying party), sessions, CSRF and roles.
//!
//! A session is a row in D1 keyed by the SHA-256 of a random cookie value; the person's roles
//! are read from the school's roster at each request (`access`), never cached in the session, so
//! a guardian removed by an import loses access at once. The rules are `domain::session`.

pub mod handlers;
pub mod oidc;
pub mod webcrypto;

use crate::db::{database, int, text};
use crate::error::ApiError;
use axum::http::{header, HeaderMap, Method, Uri};
use domain::session::{
    self, Access, CsrfFacts, GuardianGrant, SessionClock, SessionState, StaffGrant, StaffRole,
};
use domain::FieldError;
use serde::Deserialize;
use worker::Env;

/// Seconds since the epoch, from the runtime's clock.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
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
}

#[derive(Deserialize)]
struct SessionRow {
    id_hash: String,
    codice_fiscale: String,
    given_name: String,
    family_name: String,
    csrf: String,
    created_at: f64,
    last_seen: f64,
}

/// The value of a cookie on the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| session::cookie_value(h, name))
}

/// The live session of this request, if any. An expired record is deleted on sight.
pub async fn current(env: &Env, headers: &HeaderMap) -> Result<Option<Session>, ApiError> {
    let Some(token) = cookie(headers, session::SESSION_COOKIE).filter(|t| session::is_token(t))
    else {
        return Ok(None);
    };
    let db = database(env)?;
    let row: Option<SessionRow> = db
        .prepare(
            "SELECT id_hash, codice_fiscale, given_name, family_name, csrf, created_at, last_seen \
             FROM sessions WHERE id_hash = ?1",
        )
        .bind(&[text(&session::token_hash(token))])?
        .first(None)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let clock = SessionClock {
        created_at: row.created_at as i64,
        last_seen: row.last_seen as i64,
    };
    let now = now();
    match clock.state(now) {
        SessionState::Expired => {
            db.prepare("DELETE FROM sessions WHERE id_hash = ?1")
                .bind(&[text(&row.id_hash)])?
                .run()
                .await?;
            return Ok(None);
        }
        SessionState::Live { touch: true } => {
            let touched = SessionClock {
                last_seen: now,
                ..clock
            };
            db.prepare("UPDATE sessions SET last_seen = ?2, expires_at = ?3 WHERE id_hash = ?1")
                .bind(&[
                    text(&row.id_hash),
                    int(now as f64),
                    int(touched.expires_at() as f64),
                ])?
                .run()
                .await?;
        }
        SessionState::Live { touch: false } => {}
    }
    Ok(Some(Session {
        id_hash: row.id_hash,
        codice_fiscale: row.codice_fiscale,
        given_name: row.given_name,
        family_name: row.family_name,
        csrf: row.csrf,
    }))
}

/// The live session, or 401.
pub async fn require(env: &Env, headers: &HeaderMap) -> Result<Session, ApiError> {
    current(env, headers)
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

#[derive(Deserialize)]
struct GuardianRow {
    school_id: f64,
    pupil_id: f64,
}

#[derive(Deserialize)]
struct StaffRow {
    school_id: f64,
    role: String,
    classes: String,
}

/// What the school's data grants this codice fiscale, read now.
pub async fn access(env: &Env, codice_fiscale: &str) -> Result<Access, ApiError> {
    let db = database(env)?;
    let results = db
        .batch(vec![
            db.prepare(
                "SELECT school_id, pupil_id FROM guardians WHERE codice_fiscale = ?1 \
                 ORDER BY school_id, pupil_id",
            )
            .bind(&[text(codice_fiscale)])?,
            db.prepare(
                "SELECT school_id, role, classes FROM staff WHERE codice_fiscale = ?1 \
                 ORDER BY school_id, role",
            )
            .bind(&[text(codice_fiscale)])?,
        ])
        .await?;
    let [guardians, staff] = results.as_slice() else {
        return Err(ApiError::internal(
            "access",
            "batch answered the wrong count",
        ));
    };
    let guardian_of = guardians
        .results::<GuardianRow>()?
        .into_iter()
        .map(|g| GuardianGrant {
            school_id: g.school_id as i64,
            pupil_id: g.pupil_id as i64,
        })
        .collect();
    let staff = staff
        .results::<StaffRow>()?
        .into_iter()
        .filter_map(|s| {
            Some(StaffGrant {
                school_id: s.school_id as i64,
                role: StaffRole::parse(&s.role).ok()?,
                classes: s.classes.split_whitespace().map(str::to_owned).collect(),
            })
        })
        .collect();
    Ok(Access { guardian_of, staff })
}
