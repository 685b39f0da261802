//! The family portal's API and the school's side of it (docs/design.md §2, §3): each child's
//! dashboard, justifications, derogation requests, notices with acknowledgement, the family's
//! export; staff publish notices and decide requests. Every handler is parse → `domain` (who
//! may, and the rules) → `db` → render; out of reach answers 404. State-changing requests take
//! JSON (the API) or a form (the pages, which then get a `303` back to `next`).
//!
//! - this file: the day the rules apply on, and the plumbing of requests (fields from JSON or
//!   a form, the CSRF check, JSON or a redirect back);
//! - [`guardian`]: what a family reads and sends (also gathered here for the pages);
//! - [`staff`]: the school's notices and the requests it decides;
//! - [`export`]: everything held about a family, as JSON or CSV.

mod export;
mod guardian;
mod staff;

pub use export::export;
pub use guardian::{acknowledge, attendance, justify, justify_many, my_notices, request_deroga};
pub(crate) use guardian::{child_position, family, family_notices};
pub use staff::{
    acknowledgements, decide_deroga, decide_justification, decisions, pending, publish,
    remind_notice, school_notices, undo_deroga, undo_justification, withdraw_notice,
};
pub(crate) use staff::{
    before_of, checked_notice, decision_history, notice_list, notice_report, requests,
};

use crate::auth::{check_csrf, require, Session};
use crate::error::{json_response, query_pairs, ApiError};
use crate::SharedEnv;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use domain::messages::Msg;
use domain::query::QueryParams;
use domain::session::Access;
use domain::FieldError;
use serde::Serialize;
use serde_json::{Map, Value};
use std::sync::Arc;
use worker::send::SendFuture;
use worker::Env;

/// The day the rules are applied on: today on Rome's clock (`PONTE_TODAY` only in development).
pub(crate) use crate::clock::today;

/// A request's fields: a form (`application/x-www-form-urlencoded`) or a JSON object.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    pub form: bool,
    /// In the order sent; a name may repeat (a form's checkboxes, a JSON list of
    /// `domain::api::types::LIST_FIELDS`).
    pairs: Vec<(String, String)>,
}

impl Fields {
    /// The field's value (the last one sent), or "".
    pub fn get(&self, k: &str) -> &str {
        self.pairs
            .iter()
            .rev()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Everything sent, in order (a refused form shows it again).
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// Every value sent under `k`, in order.
    pub fn all<'a>(&'a self, k: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }

    pub fn flag(&self, k: &str) -> bool {
        matches!(self.get(k), "true" | "on" | "1" | "si" | "sì")
    }
}

async fn fields(headers: &HeaderMap, body: Body) -> Result<Fields, ApiError> {
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .map_err(|_| FieldError::payload_too_large(64 * 1024))?;
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let pairs = if form {
        form_urlencoded::parse(&bytes)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    } else if bytes.is_empty() {
        Vec::new()
    } else {
        let v: Map<String, Value> = serde_json::from_slice(&bytes).map_err(|e| {
            FieldError::invalid_says("body", Msg::BodyNotJsonObject, &[("detail", &e)])
        })?;
        let mut pairs = Vec::new();
        for (k, v) in v {
            match v {
                Value::Array(items) if domain::api::types::LIST_FIELDS.contains(&k.as_str()) => {
                    for item in items {
                        pairs.push((k.clone(), domain::api::types::list_item(&k, item)?));
                    }
                }
                v => pairs.push((k.clone(), domain::api::types::form_field(&k, v)?)),
            }
        }
        pairs
    };
    Ok(Fields { form, pairs })
}

/// The signed-in person, their access and the request's fields, CSRF checked (the form's
/// `csrf` field or the `X-CSRF-Token` header).
pub(crate) async fn caller_with_fields(
    env: &Env,
    req: Request,
) -> Result<(Session, Access, Fields), ApiError> {
    let (parts, body) = req.into_parts();
    let (s, a) = require(env, &parts.headers).await?;
    let f = fields(&parts.headers, body).await?;
    let token = f.form.then(|| f.get("csrf").to_owned());
    check_csrf(
        &parts.method,
        &parts.uri,
        &parts.headers,
        &s,
        token.as_deref(),
    )?;
    Ok((s, a, f))
}

pub(crate) async fn caller(env: &Env, req: &Request) -> Result<(Session, Access), ApiError> {
    require(env, req.headers()).await
}

/// What a state-changing handler did: its JSON answer (a `domain::api::types` value, already
/// written), and the page a form goes back to (unless the form names its own `next`).
pub(crate) struct Done {
    answer: Response,
    back: String,
}

impl Done {
    pub(crate) fn new<T: Serialize>(status: StatusCode, body: &T, back: String) -> Self {
        Done {
            answer: json_response(status, body),
            back,
        }
    }
}

/// Runs a state-changing handler: the session, the fields (JSON or form) and the CSRF check,
/// then `body`. The API gets JSON (errors in the error shape); a page's form gets a `303` back,
/// or a page with the reason.
pub(crate) async fn change<F, Fut>(env: SharedEnv, req: Request, body: F) -> Response
where
    F: FnOnce(Arc<Env>, Session, Access, Fields) -> Fut,
    Fut: std::future::Future<Output = Result<Done, ApiError>>,
{
    let (parts, raw) = req.into_parts();
    let page = Request::from_parts(parts.clone(), Body::empty());
    let Extension(env) = env;
    let shared = env.clone();
    let r = SendFuture::new(async move {
        let req = Request::from_parts(parts, raw);
        let (s, a, f) = caller_with_fields(&env, req)
            .await
            .map_err(|e| (false, e, None))?;
        let (form, next) = (f.form, f.get("next").to_owned());
        // A form that fails comes back with what was typed, to the signed-in person.
        let kept = form.then(|| (crate::auth::handlers::signed_in(&s), f.clone()));
        match body(env, s, a, f).await {
            Ok(done) => Ok((form, next, done)),
            Err(e) => Err((form, e, kept)),
        }
    })
    .await;
    match r {
        Ok((false, _, done)) => done.answer,
        Ok((true, next, done)) => {
            let to = if next.is_empty() {
                done.back
            } else {
                domain::session::safe_next(&next).to_owned()
            };
            Response::builder()
                .status(StatusCode::SEE_OTHER)
                .header(header::LOCATION, to)
                .header(header::CACHE_CONTROL, "no-store")
                .body(Body::empty())
                .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
        Err((true, e, kept)) => crate::family_pages::form_error(&shared, page, e, kept).await,
        Err((false, e, _)) => e.into_response(),
    }
}

/// A JSON answer with personal data, or the error.
pub(crate) fn answer<T: Serialize>(r: Result<T, ApiError>) -> Response {
    match r {
        Ok(v) => private(json_response(StatusCode::OK, &v)),
        Err(e) => e.into_response(),
    }
}

/// `format=json|csv` (json when absent): true for CSV.
pub(crate) fn csv_wanted(q: Option<&str>) -> Result<bool, FieldError> {
    let p = QueryParams::parse(query_pairs(q), &["format"])?;
    match p.get("format").unwrap_or("json") {
        "json" => Ok(false),
        "csv" => Ok(true),
        _ => Err(FieldError::invalid_says(
            "format",
            Msg::FormatJsonOrCsv,
            &[],
        )),
    }
}

/// Personal data: never stored by a shared cache.
pub(crate) fn private(mut r: Response) -> Response {
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("private, no-store"),
    );
    r
}

/// `YYYY-MM-DD HH:MM` of a timestamp on Rome's clock: the export's `generated_at` in JSON (the
/// CSV files write `DD/MM/YYYY HH:MM`, `app::i18n::date_time_it`).
pub(crate) fn rome(t: i64) -> String {
    domain::clock::rome_time(t)
        .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

pub(crate) fn csv_file(body: String, name: &str) -> Response {
    private(
        Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, "text/csv; charset=utf-8")
            .header(
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            )
            .body(Body::from(body))
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    )
}
