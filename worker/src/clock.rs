//! The worker's clock: the runtime's time read through [`domain::clock`], so "today" is Rome's
//! date and the development overrides (`PONTE_TODAY`, the `X-Ponte-Dev-Now` header of a request
//! or of an inbound e-mail) count only where `PONTE_DEV=1` (set by `cargo xtask` for
//! `wrangler dev`, never in `wrangler.toml`). The rule is in `domain`; this reads its inputs.

use crate::error::ApiError;
use axum::http::HeaderMap;
use chrono::NaiveDate;
use domain::clock::{
    Clock, ClockError, Overrides, DEV_SETTING, NOW_OVERRIDE_HEADER, TODAY_OVERRIDE,
};
use domain::messages::Msg;
use domain::FieldError;
use worker::Env;

/// Seconds since the epoch from the runtime's own clock, with no override.
pub fn system_now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

fn var(env: &Env, name: &str) -> Option<String> {
    env.var(name).ok().map(|v| v.to_string())
}

/// The clock with an optional `now` override (a header's value).
fn resolve(env: &Env, now_override: Option<&str>) -> Result<Clock, ClockError> {
    let dev = var(env, DEV_SETTING);
    let today = var(env, TODAY_OVERRIDE);
    Clock::resolve(
        system_now(),
        dev.as_deref(),
        Overrides {
            today: today.as_deref(),
            now: now_override,
        },
    )
}

/// A malformed header is the request's fault (400, naming the header); a malformed
/// `PONTE_TODAY` or a broken runtime clock is the server's (500, logged).
fn api_error(e: ClockError) -> ApiError {
    match e {
        ClockError::Malformed {
            setting: NOW_OVERRIDE_HEADER,
            ..
        } => e.to_field_error(NOW_OVERRIDE_HEADER).into(),
        _ => ApiError::internal("clock", e),
    }
}

/// The clock of work that has no request of its own (env only: `PONTE_TODAY` in development).
pub fn clock(env: &Env) -> Result<Clock, ApiError> {
    resolve(env, None).map_err(api_error)
}

/// The day the rules are applied on: today in Rome (or `PONTE_TODAY` in development).
pub fn today(env: &Env) -> Result<NaiveDate, ApiError> {
    clock(env).map(|c| c.today)
}

/// The clock of a request: in development its `X-Ponte-Dev-Now` header, if any, sets the
/// instant (the end-to-end tests use it to be 30 days later without touching the database).
pub fn of_request(env: &Env, headers: &HeaderMap) -> Result<Clock, ApiError> {
    let raw = match headers.get(NOW_OVERRIDE_HEADER) {
        None => None,
        Some(v) => Some(v.to_str().map_err(|_| {
            FieldError::invalid_says(NOW_OVERRIDE_HEADER, Msg::HeaderUnreadable, &[])
        })?),
    };
    resolve(env, raw).map_err(api_error)
}

/// The clock of an inbound e-mail: in development its `X-Ponte-Dev-Now` header, if any (outside
/// the signed part of a PEC envelope, so it changes no proof). The error is the rejection reason.
pub fn of_mail(env: &Env, headers: &web_sys::Headers) -> Result<Clock, String> {
    let raw = headers
        .get(NOW_OVERRIDE_HEADER)
        .map_err(|e| format!("{NOW_OVERRIDE_HEADER}: {e:?}"))?;
    resolve(env, raw.as_deref()).map_err(|e| e.message())
}
