//! The school's request pages: `/scuola/{id}/richieste` (the requests to decide, with the
//! decisions the person may still undo and what the last form did) and
//! `/scuola/{id}/richieste/decise` (the history). Gathered with the API's functions
//! (`family::requests`, `family::decision_history`: one round trip each), rendered with
//! `app::pages::richieste`. A refused decision form comes back here with what was typed.

use crate::auth::handlers::{signed_in, signed_in_access};
use crate::error::{path_id as id_of, query_pairs, ApiError};
use crate::family::{self, Fields};
use crate::family_pages::private;
use crate::pages::{lang_of, render};
use crate::SharedEnv;
use app::i18n::{date_it, fill, rome_it, Lang};
use app::pages::richieste::{
    DecisePage, DecisionProblem, DecisionRow, DoneNote, RecentDecision, RequestRow, RichiestePage,
};
use axum::extract::{Path, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use domain::api::types::{DecisionRecord, RequestKind};
use domain::attendance::{AbsenceKind, Policy};
use leptos::prelude::*;
use std::sync::Arc;
use worker::send::SendFuture;
use worker::Env;

/// The decision form a refused post came from: `/api/v1/{justifications|derogations}/{id}/decision`.
pub(crate) fn decision_form(path: &str) -> Option<(RequestKind, i64)> {
    let rest = path.strip_prefix("/api/v1/")?;
    let (kind, rest) = rest.split_once('/')?;
    let kind = match kind {
        "justifications" => RequestKind::Justification,
        "derogations" => RequestKind::Deroga,
        _ => return None,
    };
    let id = rest.strip_suffix("/decision")?;
    Some((kind, id.parse().ok()?))
}

/// "12/03/2027" or "12/03/2027 – 14/03/2027".
fn dates(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        date_it(from)
    } else {
        format!("{} – {}", date_it(from), date_it(to))
    }
}

/// What a request is about, in words: the absence kind, or the school's derogation category.
fn what_words(lang: Lang, policy: &Policy, kind: RequestKind, code: &str) -> String {
    match kind {
        RequestKind::Deroga => policy
            .deroga_categories()
            .iter()
            .find(|c| c.code.as_str() == code)
            .map_or_else(|| code.to_owned(), |c| c.label.clone()),
        RequestKind::Justification => AbsenceKind::from_code(code)
            .map_or(code, |k| lang.family().kind(k))
            .to_owned(),
    }
}

fn recent_row(lang: Lang, d: &DecisionRecord) -> RecentDecision {
    RecentDecision {
        kind: d.kind,
        request_id: d.request_id,
        pupil: d.pupil.clone(),
        class: d.class_code.clone(),
        dates: dates(d.date_from, d.date_to),
        outcome: lang.family().request_status(d.status).to_owned(),
        until: rome_it(domain::family::undo_until(d.decided_at)).1,
    }
}

/// `GET /scuola/{id}/richieste`: the requests the person decides (teachers: their classes).
pub async fn richieste(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let Ok(school_id) = id_of(&school) else {
        return crate::pages::not_found(req).await;
    };
    requests_page(&env, req, school_id, StatusCode::OK, None).await
}

/// The requests page, with a refused form's problem if any.
async fn requests_page(
    env: &Arc<Env>,
    req: Request,
    school_id: i64,
    status: StatusCode,
    problem: Option<DecisionProblem>,
) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(env, &req).await?;
        let gathered = family::requests(env, &a, school_id, Some(&s.codice_fiscale))
            .await
            .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, gathered))
    })
    .await;
    let (s, r) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((r, (school, policy))) = r.and_then(|r| r.school.clone().map(|sp| (r, sp))) else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let ft = lang.family();
    let requests: Vec<RequestRow> = r
        .pending
        .into_iter()
        .map(|p| RequestRow {
            kind: p.kind,
            id: p.id,
            what: what_words(lang, &policy, p.kind, &p.what),
            dates: dates(p.date_from, p.date_to),
            reason: p.reason.map(|x| ft.reason(x).to_owned()),
            requested: rome_it(p.requested_at).0,
            requested_on: domain::clock::today_in_rome(p.requested_at)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            decides: p.decides,
            pupil: p.pupil,
            class: p.class_code,
        })
        .collect();
    let recent: Vec<RecentDecision> = r.recent.iter().map(|d| recent_row(lang, d)).collect();
    // What the last form did: `?decisa=deroga-12` or `?annullata=…`.
    let done = query_pairs(req.uri().query())
        .into_iter()
        .find_map(|(k, v)| {
            let (word, id) = v.split_once('-')?;
            let (kind, id) = (RequestKind::from_word(word)?, id.parse::<i64>().ok()?);
            match k.as_str() {
                "decisa" => recent
                    .iter()
                    .find(|d| d.kind == kind && d.request_id == id)
                    .cloned()
                    .map(DoneNote::Decided),
                "annullata" => Some(DoneNote::Undone),
                _ => None,
            }
        });
    let user = signed_in(&s);
    private(
        render(req, status, move || {
            view! {
                <RichiestePage
                    lang=lang
                    user=user.clone()
                    school_id=school_id
                    school=school.clone()
                    requests=requests.clone()
                    recent=recent.clone()
                    done=done.clone()
                    problem=problem.clone()
                />
            }
        })
        .await,
    )
}

/// A decision form the worker refused: the requests page again, the form of that request with
/// the message and what was typed.
pub(crate) async fn refused_decision(
    env: &Arc<Env>,
    req: Request,
    kind: RequestKind,
    id: i64,
    e: ApiError,
    fields: &Fields,
) -> Response {
    let lang = lang_of(&req);
    // The request's school: the page the form was on.
    let school_id = match SendFuture::new(crate::db::family::request(env, kind, id)).await {
        Ok(Some(r)) => r.school_id,
        Ok(None) => return crate::pages::not_found(req).await,
        Err(err) => return ApiError::from(err).into_response(),
    };
    let problem = DecisionProblem {
        kind,
        id,
        field: e.error.field.clone(),
        message: lang.error(&e.error),
        values: fields.pairs().to_vec(),
    };
    requests_page(env, req, school_id, e.status, Some(problem)).await
}

/// `GET /scuola/{id}/richieste/decise?before=`: the decisions, newest first.
pub async fn decise(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let Ok(school_id) = id_of(&school) else {
        return crate::pages::not_found(req).await;
    };
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let before =
            family::before_of(req.uri().query()).map_err(|e| ApiError::from(e).into_response())?;
        let page = family::decision_history(&env, &a, school_id, before)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, page))
    })
    .await;
    let (s, page) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((page, (school, policy))) = page.and_then(|p| p.school.clone().map(|sp| (p, sp)))
    else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let (ft, dt) = (lang.family(), lang.decisions());
    let more = page.more.then(|| page.items.last().map(|d| d.id)).flatten();
    let decisions: Vec<DecisionRow> = page
        .items
        .iter()
        .map(|d| {
            let (date, time) = rome_it(d.decided_at);
            let who = d.decided_by.as_deref().unwrap_or(dt.history_by_gone);
            DecisionRow {
                kind: d.kind,
                pupil: d.pupil.clone(),
                class: d.class_code.clone(),
                dates: dates(d.date_from, d.date_to),
                what: what_words(lang, &policy, d.kind, &d.what),
                outcome: ft.request_status(d.status).to_owned(),
                refusal: d.reason.map(|x| dt.refusal(x).to_owned()),
                council: d.council_date.map(|c| {
                    (
                        date_it(c),
                        d.motivation.clone().unwrap_or_default(),
                        d.documents_received.unwrap_or(false),
                    )
                }),
                by: fill(
                    dt.history_by,
                    &[("who", who), ("date", &date), ("time", &time)],
                ),
                undone: d.undone_at.map(|u| {
                    let (date, time) = rome_it(u);
                    fill(dt.history_undone, &[("date", &date), ("time", &time)])
                }),
            }
        })
        .collect();
    let user = signed_in(&s);
    private(
        render(req, StatusCode::OK, move || {
            view! {
                <DecisePage
                    lang=lang
                    user=user.clone()
                    school_id=school_id
                    school=school.clone()
                    decisions=decisions.clone()
                    more=more
                />
            }
        })
        .await,
    )
}
