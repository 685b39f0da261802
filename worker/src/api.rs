//! JSON handlers of `/healthz` and `/api/v1/…`: parse → domain → db → JSON.

use crate::db::{hosts, reference};
use crate::error::{json_response, query_pairs, ApiError};
use crate::SharedEnv;
use axum::extract::{Path, RawQuery};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::api::types::{Comuni, Health};
use domain::attendance::Limits;
use domain::hosts::HostSearch;
use domain::messages::Msg;
use domain::place::ProvinceCode;
use domain::query::QueryParams;
use domain::FieldError;
use worker::send::SendFuture;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub async fn healthz() -> Response {
    let health = Health {
        status: "ok".to_owned(),
        version: VERSION.to_owned(),
    };
    json_response(StatusCode::OK, &health)
}

/// `GET /api/v1/attendance/limits?weekly_hours=30&weeks=33&daily_hours=6`
pub async fn attendance_limits(RawQuery(q): RawQuery) -> Response {
    let run = || -> Result<Limits, FieldError> {
        let p = QueryParams::parse(
            query_pairs(q.as_deref()),
            &["weekly_hours", "weeks", "daily_hours"],
        )?;
        Limits::from_inputs(
            p.get("weekly_hours").unwrap_or(""),
            p.get("weeks").unwrap_or(""),
            p.get("daily_hours").unwrap_or(""),
        )
    };
    match run() {
        Ok(l) => json_response(StatusCode::OK, &l),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// `GET /api/v1/hosts?…`
pub async fn hosts_search(env: SharedEnv, RawQuery(q): RawQuery) -> Response {
    SendFuture::new(async move {
        let search = HostSearch::from_pairs(query_pairs(q.as_deref()))?;
        Ok::<_, ApiError>(hosts::search(&env, &search).await?)
    })
    .await
    .map(|page| json_response(StatusCode::OK, &page))
    .unwrap_or_else(IntoResponse::into_response)
}

/// `GET /api/v1/hosts/{id}`
pub async fn host_detail(
    env: SharedEnv,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Response {
    SendFuture::new(async move {
        QueryParams::parse(query_pairs(q.as_deref()), &[])?;
        let id = domain::hosts::parse_host_id(&id)?;
        hosts::detail(&env, id)
            .await?
            .ok_or_else(|| ApiError::from(FieldError::not_found()))
    })
    .await
    .map(|h| json_response(StatusCode::OK, &h))
    .unwrap_or_else(IntoResponse::into_response)
}

/// `GET /api/v1/comuni?province=RM`: the comuni of a province, for the dependent selects.
pub async fn comuni(env: SharedEnv, RawQuery(q): RawQuery) -> Response {
    SendFuture::new(async move {
        let p = QueryParams::parse(query_pairs(q.as_deref()), &["province"])?;
        let raw = p
            .get("province")
            .ok_or_else(|| FieldError::invalid_says("province", Msg::ProvinceMissing, &[]))?;
        let province = ProvinceCode::parse(raw)?;
        let items = reference::comuni_of(&env, &province).await?;
        let comuni = Comuni {
            province: province.as_str().to_owned(),
            items,
        };
        Ok::<_, ApiError>(json_response(StatusCode::OK, &comuni))
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}
