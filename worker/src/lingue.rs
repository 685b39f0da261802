//! The family's language (docs/design.md §11): which of the ten a family page speaks, the
//! language menu's `POST /lingua`, and the message files of the eight that are not in the
//! worker's code (`app::lingue`), read once per instance through the `ASSETS` binding.
//!
//! The choice, in order: the browser's cookie (the menu sets it), then the guardian's profile
//! (the menu saves it there too once signed in: migration 0023, read in the session's own
//! query, so no round trip), then the browser's `Accept-Language`. Staff and public pages keep
//! `pages::lang_of` (Italian or English).

use crate::auth::{self, Session};
use crate::db;
use crate::error::ApiError;
use crate::SharedEnv;
use app::i18n::Lang;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::messages::Msg;
use domain::session;
use domain::FieldError;
use worker::send::SendFuture;
use worker::Env;

/// The cookie that keeps the language chosen in the menu, for a year.
pub const LANG_COOKIE: &str = "__Host-ponte-lingua";
const LANG_COOKIE_MAX_AGE_SECS: i64 = 365 * 24 * 60 * 60;

/// The family's language for this request (`profile`: the signed-in guardian's, if saved),
/// its words loaded; Italian when they cannot be read.
pub(crate) async fn family_lang(env: &Env, headers: &HeaderMap, profile: Option<&str>) -> Lang {
    let lang = chosen(headers, profile);
    ready(env, lang).await
}

/// The language the request asks for, without loading it.
pub(crate) fn chosen(headers: &HeaderMap, profile: Option<&str>) -> Lang {
    auth::cookie(headers, LANG_COOKIE)
        .and_then(Lang::from_tag)
        .or_else(|| profile.and_then(Lang::from_tag))
        .unwrap_or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Lang::family_from_accept_language)
                .unwrap_or_default()
        })
}

/// `lang` once its words are at hand (read from the static assets the first time in this
/// instance); Italian, with the failure logged, when they cannot be read.
pub(crate) async fn ready(env: &Env, lang: Lang) -> Lang {
    if app::lingue::ready(lang) {
        return lang;
    }
    match SendFuture::new(load(env, lang)).await {
        Ok(()) => lang,
        Err(e) => {
            worker::console_error!("the messages of {} could not be read: {e}", lang.code());
            Lang::It
        }
    }
}

async fn load(env: &Env, lang: Lang) -> Result<(), String> {
    let json = crate::static_text(env, &app::lingue::asset_path(lang)).await?;
    app::lingue::load(lang, &json).map(|_| ())
}

/// `POST /lingua` (`lingua` = a language's tag, `next` = the page to go back to, `csrf` when
/// signed in): keeps the language in the cookie and, for a signed-in person, in their profile;
/// then back to `next`. Anyone may choose (the sign-in page has the menu too); only a signed-in
/// request with its CSRF token writes the profile.
pub async fn choose(env: SharedEnv, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let page = Request::from_parts(parts.clone(), Body::empty());
    let shared = env.0.clone();
    let r = SendFuture::new(async move {
        let bytes = axum::body::to_bytes(body, 4 * 1024)
            .await
            .map_err(|_| FieldError::payload_too_large(4 * 1024))?;
        let fields: Vec<(String, String)> = form_urlencoded::parse(&bytes)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let get = |k: &str| {
            fields
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.as_str())
                .unwrap_or("")
        };
        let lang = Lang::from_tag(get("lingua")).ok_or_else(|| {
            FieldError::invalid_says("lingua", Msg::UnknownCode, &[("value", &get("lingua"))])
        })?;
        if let Some((s, _)) = auth::current(&env, &parts.headers).await? {
            save(&env, &parts, &s, lang, get("csrf")).await?;
        }
        Ok::<_, ApiError>((session::safe_next(get("next")).to_owned(), lang))
    })
    .await;
    match r {
        Ok((next, lang)) => Response::builder()
            .status(StatusCode::SEE_OTHER)
            .header(header::LOCATION, next)
            .header(
                header::SET_COOKIE,
                session::cookie(LANG_COOKIE, lang.code(), LANG_COOKIE_MAX_AGE_SECS),
            )
            .header(header::CACHE_CONTROL, "no-store")
            .body(Body::empty())
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response()),
        Err(e) => crate::family_pages::form_error(&shared, page, e, None).await,
    }
}

async fn save(
    env: &Env,
    parts: &axum::http::request::Parts,
    s: &Session,
    lang: Lang,
    csrf: &str,
) -> Result<(), ApiError> {
    auth::check_csrf(&parts.method, &parts.uri, &parts.headers, s, Some(csrf))?;
    db::sessions::save_language(env, &s.codice_fiscale, lang.code(), auth::now()).await?;
    Ok(())
}
