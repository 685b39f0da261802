//! `/enti/pubblica/dichiarazione`: a declaration's own page, found by its code (issue 23
//! point 1), so a company can come back to finish: its state, what to do, the signed file's
//! upload (a plain `multipart/form-data` form, checked by the same `publish::sign` as the API)
//! and its cancellation while it waits. The code is the only key, as in the API; nothing here
//! reads a session.

use crate::clock;
use crate::db::publish as db;
use crate::error::{query_pairs, ApiError};
use crate::pages::{lang_of, render};
use crate::publish::{declaration_at, sign, status_of, verification_address};
use crate::SharedEnv;
use app::i18n::rome_it;
use app::pages::dichiarazione::{DeclarationPageData, DeclarationView, DichiarazionePage};
use axum::extract::{Multipart, RawQuery, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::declaration::DeclarationCode;
use domain::publish::Proof;
use domain::FieldError;
use leptos::prelude::*;
use worker::send::SendFuture;
use worker::Env;

/// The largest signed file the page takes (as the API: one part).
const MAX_SIGNED_BYTES: usize = crate::db::school::MAX_PART_BYTES;

/// The declaration `raw` names at `now`, as its page shows it; `None` when no declaration has
/// this code (or it cannot be one).
async fn view_of(env: &Env, raw: &str, now: i64) -> Result<Option<DeclarationView>, ApiError> {
    let (code, d) = match declaration_at(env, raw).await {
        Ok(found) => found,
        Err(e) if e.status == StatusCode::NOT_FOUND => return Ok(None),
        Err(e) => return Err(e),
    };
    let pec = match d.proof()? {
        Proof::Pec { address, source } => Some((address, source.is_of_record())),
        Proof::FirmaDigitale { .. } => None,
    };
    Ok(Some(DeclarationView {
        code: code.as_str().to_owned(),
        status: status_of(&d, now),
        method: d.method()?,
        pec,
        verification_address: verification_address(env),
        expires: rome_it(d.expires_at as i64),
        host_id: d.host_id.map(|h| h as i64),
    }))
}

/// The page for `typed` (empty: only the form), with `status` and an optional problem.
async fn page(
    env: &Env,
    req: Request,
    typed: String,
    status: StatusCode,
    problem: Option<String>,
) -> Response {
    let lang = lang_of(&req);
    let now = match clock::of_request(env, req.headers()) {
        Ok(c) => c.now,
        Err(e) => return e.into_response(),
    };
    let found = if typed.trim().is_empty() {
        None
    } else {
        match SendFuture::new(view_of(env, typed.trim(), now)).await {
            Ok(found) => found,
            Err(e) => return e.into_response(),
        }
    };
    let (status, problem) = match (&found, problem) {
        (_, Some(p)) => (status, Some(p)),
        (None, None) if !typed.trim().is_empty() => (
            StatusCode::NOT_FOUND,
            Some(lang.declaration().not_found.to_owned()),
        ),
        (_, None) => (status, None),
    };
    let data = DeclarationPageData {
        typed,
        found,
        problem,
    };
    let mut r = render(req, status, move || {
        view! { <DichiarazionePage lang=lang data=data.clone()/> }
    })
    .await;
    // The code is a key: no cache keeps the page.
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// `GET /enti/pubblica/dichiarazione[?codice=…]`.
pub async fn show(env: SharedEnv, RawQuery(q): RawQuery, req: Request) -> Response {
    let typed = query_pairs(q.as_deref())
        .into_iter()
        .find(|(k, _)| k == "codice")
        .map(|(_, v)| v.chars().take(40).collect())
        .unwrap_or_default();
    page(&env, req, typed, StatusCode::OK, None).await
}

/// Back to the declaration's page (after a change that worked).
fn back_to(code: &str) -> Response {
    let to = format!("/enti/pubblica/dichiarazione?codice={code}");
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, to),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
    )
        .into_response()
}

/// The page again with the refusal's message in the page's language.
async fn refused(env: &Env, req: Request, typed: String, e: ApiError) -> Response {
    let message = lang_of(&req).error(&e.error);
    page(env, req, typed, e.status, Some(message)).await
}

/// `POST /enti/pubblica/dichiarazione/annulla` (`codice`): cancels a declaration that still
/// waits for its proof.
pub async fn cancel(env: SharedEnv, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, 4 * 1024).await {
        Ok(b) => b,
        Err(_) => return ApiError::from(FieldError::payload_too_large(4 * 1024)).into_response(),
    };
    let typed: String = form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == "codice")
        .map(|(_, v)| v.chars().take(40).collect())
        .unwrap_or_default();
    let req = Request::from_parts(parts, axum::body::Body::empty());
    let done = SendFuture::new(async {
        let now = clock::of_request(&env, req.headers())?.now;
        let (code, d) = declaration_at(&env, typed.trim()).await?;
        status_of(&d, now).cancellable()?;
        if !db::cancel(&env, code.as_str(), now).await? {
            // Proved or expired meanwhile.
            return Err(ApiError::from(FieldError::conflict_says(
                domain::messages::Msg::DeclarationNotPending,
                &[],
            )));
        }
        Ok::<_, ApiError>(code)
    })
    .await;
    match done {
        Ok(code) => back_to(code.as_str()),
        Err(e) => refused(&env, req, typed, e).await,
    }
}

/// `POST /enti/pubblica/dichiarazione/firma` (`multipart/form-data`: `codice`, `firma`): the
/// signed declaration, checked as the API checks it.
pub async fn upload(env: SharedEnv, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let page_req = Request::from_parts(parts.clone(), axum::body::Body::empty());
    let multipart = Request::from_parts(parts, body);
    let read = SendFuture::new(async move {
        let mut form = <Multipart as axum::extract::FromRequest<()>>::from_request(multipart, &())
            .await
            .map_err(|_| {
                FieldError::invalid_says("firma", domain::messages::Msg::SignedFileMissing, &[])
            })?;
        let (mut code, mut file) = (String::new(), Vec::new());
        while let Some(field) = form.next_field().await.map_err(|_| {
            FieldError::invalid_says("firma", domain::messages::Msg::SignedFileMissing, &[])
        })? {
            let name = field.name().unwrap_or("").to_owned();
            let bytes = field
                .bytes()
                .await
                .map_err(|_| FieldError::payload_too_large(MAX_SIGNED_BYTES))?;
            if bytes.len() > MAX_SIGNED_BYTES {
                return Err(FieldError::payload_too_large(MAX_SIGNED_BYTES));
            }
            match name.as_str() {
                "codice" => code = String::from_utf8_lossy(&bytes).chars().take(40).collect(),
                "firma" => file = bytes.to_vec(),
                _ => {}
            }
        }
        Ok::<_, FieldError>((code, file))
    })
    .await;
    let (typed, file) = match read {
        Ok(read) => read,
        Err(e) => return refused(&env, page_req, String::new(), e.into()).await,
    };
    let done = SendFuture::new(async {
        if file.is_empty() {
            return Err(ApiError::from(FieldError::invalid_says(
                "firma",
                domain::messages::Msg::SignedFileMissing,
                &[],
            )));
        }
        let at = clock::of_request(&env, page_req.headers())?;
        let code = DeclarationCode::parse(typed.trim()).map_err(|_| FieldError::not_found())?;
        sign(&env, code.as_str(), &file, at).await?;
        Ok::<_, ApiError>(code)
    })
    .await;
    match done {
        Ok(code) => back_to(code.as_str()),
        Err(e) => refused(&env, page_req, typed, e).await,
    }
}
