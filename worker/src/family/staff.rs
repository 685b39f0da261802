//! The school's side: deciding requests, the pending list, publishing notices, the notices'
//! acknowledgement figures and lists. Who reaches what is `domain::session::Access` (its
//! `scope` per school); the gathering functions here serve the API and the pages alike.

use super::{answer, caller, change, csv_file, csv_wanted, private, Done, Fields};
use crate::auth;
use crate::db::family::{self as db, SchoolRequests};
use crate::error::{json_response, path_id as id_of, ApiError};
use crate::SharedEnv;
use axum::extract::{Path, RawQuery, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::api::types::{
    Created, Decided, NoticeChange, PendingRequests, RequestKind, SchoolDecisions, SchoolNotice,
    SchoolNotices,
};
use domain::family::{
    self, AckSummary, Audience, Notice, NoticeDraft, NoticeReport, RequestStatus, Ruling,
    RulingFields, SchoolPupil,
};
use domain::messages::Msg;
use domain::session::Access;
use domain::FieldError;
use worker::send::SendFuture;
use worker::Env;

/// `POST /api/v1/justifications/{id}/decision` `{"decision","reason"}` (the class's teachers,
/// the office and the head teacher) and `/api/v1/derogations/{id}/decision` `{"decision",
/// "reason","council_date","motivation","documents_received"}` (the class council's, recorded
/// by the class coordinator or the head teacher): `domain::family::Ruling`.
async fn decide(env: SharedEnv, kind: RequestKind, id: String, req: Request) -> Response {
    change(env, req, |env, s, a, f| async move {
        let id = id_of(&id)?;
        let r = db::request(&env, kind, id)
            .await?
            .filter(|r| a.can_decide(r.school_id, &r.class_code))
            .ok_or_else(FieldError::not_found)?;
        if kind == RequestKind::Deroga && !a.can_rule_deroga(r.school_id, &r.class_code) {
            return Err(FieldError::says(
                domain::error::ErrorCode::Forbidden,
                None,
                Msg::DerogaOnlyCouncil,
                &[],
            )
            .into());
        }
        let fields = RulingFields {
            decision: f.get("decision"),
            reason: f.get("reason"),
            council_date: f.get("council_date"),
            motivation: f.get("motivation"),
            documents_received: f.get("documents_received"),
        };
        // The council's day is checked against the real calendar, like the request's time (not
        // the register's day, which development may set to another).
        let now = auth::now();
        let day = |ts: i64| {
            domain::clock::today_in_rome(ts).ok_or_else(|| ApiError::internal("time", ts))
        };
        let ruling = Ruling::parse(kind, fields, day(r.requested_at)?, day(now)?)?;
        let status = ruling.apply(r.status)?;
        if !db::decide(&env, kind, &r, &ruling, status, &s.codice_fiscale, now).await? {
            // Decided by someone else meanwhile.
            return Err(FieldError::conflict_says(Msg::RequestAlreadyDecided, &[]).into());
        }
        Ok(Done::new(
            StatusCode::OK,
            &Decided { id, status },
            format!(
                "/scuola/{}/richieste?decisa={}-{id}#decisa",
                r.school_id,
                kind.word()
            ),
        ))
    })
    .await
}

pub async fn decide_justification(
    env: SharedEnv,
    Path(id): Path<String>,
    req: Request,
) -> Response {
    decide(env, RequestKind::Justification, id, req).await
}

pub async fn decide_deroga(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    decide(env, RequestKind::Deroga, id, req).await
}

/// `POST /api/v1/justifications/{id}/decision/undo` and `/api/v1/derogations/{id}/decision/undo`:
/// whoever decided, within `domain::family::UNDO_MINUTES`; the request is pending again.
async fn undo(env: SharedEnv, kind: RequestKind, id: String, req: Request) -> Response {
    change(env, req, |env, s, a, _| async move {
        let id = id_of(&id)?;
        let r = db::request(&env, kind, id)
            .await?
            .filter(|r| a.can_decide(r.school_id, &r.class_code))
            .ok_or_else(FieldError::not_found)?;
        let (decision, by, at) = r
            .decision
            .clone()
            .ok_or_else(|| FieldError::conflict_says(Msg::UndoNothing, &[]))?;
        let now = auth::now();
        family::undoable(&by, at, &s.codice_fiscale, now)?;
        let since = now - family::UNDO_MINUTES * 60;
        if !db::undo(&env, kind, &r, decision, &s.codice_fiscale, since, now).await? {
            return Err(FieldError::conflict_says(Msg::UndoNothing, &[]).into());
        }
        Ok(Done::new(
            StatusCode::OK,
            &Decided {
                id,
                status: RequestStatus::Pending,
            },
            format!(
                "/scuola/{}/richieste?annullata={}-{id}#annullata",
                r.school_id,
                kind.word()
            ),
        ))
    })
    .await
}

pub async fn undo_justification(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    undo(env, RequestKind::Justification, id, req).await
}

pub async fn undo_deroga(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    undo(env, RequestKind::Deroga, id, req).await
}

/// The school's decisions the caller sees (a teacher: their classes), newest first, from
/// before `before`, with the school's name and policy; `None` if the caller is not staff there.
pub(crate) async fn decision_history(
    env: &Env,
    a: &Access,
    school_id: i64,
    before: Option<i64>,
) -> Result<Option<db::SchoolDecisionPage>, ApiError> {
    let Some(scope) = a.scope(school_id) else {
        return Ok(None);
    };
    let filter = db::DecisionFilter {
        classes: scope.classes(),
        before,
        undoable_by: None,
    };
    Ok(Some(db::decisions(env, school_id, filter).await?))
}

/// `GET /api/v1/schools/{id}/decisions?before=`: the history of decisions.
pub async fn decisions(
    env: SharedEnv,
    Path(school): Path<String>,
    RawQuery(query): RawQuery,
    req: Request,
) -> Response {
    let r = SendFuture::new(async move {
        let school_id = id_of(&school)?;
        let before = before_of(query.as_deref())?;
        let (_, a) = caller(&env, &req).await?;
        let page = decision_history(&env, &a, school_id, before)
            .await?
            .ok_or_else(FieldError::not_found)?;
        let next_before = page.more.then(|| page.items.last().map(|d| d.id)).flatten();
        Ok::<_, ApiError>(SchoolDecisions {
            items: page.items,
            next_before,
        })
    })
    .await;
    answer(r)
}

/// The `before` parameter of the history: a positive whole number, once; nothing else.
pub(crate) fn before_of(query: Option<&str>) -> Result<Option<i64>, FieldError> {
    let p = domain::query::QueryParams::parse(crate::error::query_pairs(query), &["before"])?;
    p.get("before")
        .map(|v| {
            v.parse::<i64>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| FieldError::invalid_says("before", Msg::PositiveWholeNumber, &[]))
        })
        .transpose()
}

/// The pending requests of `school_id` the caller decides (a teacher: their classes), each
/// saying whether the caller may record its decision, with the school's name and policy and,
/// given `undoable_by` (the caller's codice fiscale), the decisions they may still undo;
/// `None` if the caller is not staff there.
pub(crate) async fn requests(
    env: &Env,
    a: &Access,
    school_id: i64,
    undoable_by: Option<&str>,
) -> Result<Option<SchoolRequests>, ApiError> {
    let Some(scope) = a.scope(school_id) else {
        return Ok(None);
    };
    let since = auth::now() - family::UNDO_MINUTES * 60;
    let mut r = db::school_requests(
        env,
        school_id,
        scope.classes(),
        undoable_by.map(|by| (by, since)),
    )
    .await?;
    for p in &mut r.pending {
        p.decides = match p.kind {
            RequestKind::Justification => true,
            RequestKind::Deroga => a.can_rule_deroga(school_id, &p.class_code),
        };
    }
    Ok(Some(r))
}

/// `GET /api/v1/schools/{id}/requests`: pending justifications and derogation requests the
/// caller decides.
pub async fn pending(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let school_id = id_of(&school)?;
        let (_, a) = caller(&env, &req).await?;
        let r = requests(&env, &a, school_id, None)
            .await?
            .ok_or_else(FieldError::not_found)?;
        Ok::<_, ApiError>(PendingRequests { items: r.pending })
    })
    .await;
    answer(r)
}

/// `POST /api/v1/schools/{id}/notices` `{"title","body","audience","audience_value",
/// "requires_ack"}`: the office or the head teacher publishes a notice.
pub async fn publish(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, f| async move {
        let school_id = id_of(&school)?;
        if !a.manages(school_id) {
            return Err(FieldError::not_found().into());
        }
        let (draft, _) = checked_notice(&env, school_id, &f).await?;
        let id = db::publish(&env, school_id, &draft, &s.codice_fiscale, auth::now()).await?;
        Ok(Done::new(
            StatusCode::CREATED,
            &Created { id },
            format!("/scuola/{school_id}/avvisi/{id}"),
        ))
    })
    .await
}

/// The notice a form or a JSON body describes, and whom it reaches at `school_id`: a notice to
/// nobody, or to classes the school does not have, is refused (issue 23). The page checks a
/// notice with it before the office publishes it; the API publishes what it accepts.
pub(crate) async fn checked_notice(
    env: &Env,
    school_id: i64,
    f: &Fields,
) -> Result<(NoticeDraft, family::Reach), ApiError> {
    // The page's form has a select for the grade and checkboxes for classes and pupils;
    // the API takes `audience_value` (codes or ids separated by spaces or commas).
    let chosen = |field: &str| f.all(field).collect::<Vec<_>>().join(" ");
    let value = match (f.get("audience"), f.get("grade")) {
        ("grade", g) if !g.is_empty() => g.to_owned(),
        ("classes", _) if f.all("classes").next().is_some() => chosen("classes"),
        ("pupils", _) if f.all("pupils").next().is_some() => chosen("pupils"),
        _ => f.get("audience_value").to_owned(),
    };
    let audience = Audience::parse(f.get("audience"), &value)?;
    let draft = NoticeDraft::parse(
        f.get("title"),
        f.get("body"),
        audience,
        f.flag("requires_ack"),
    )?;
    let pupils = db::school_pupils(env, school_id).await?;
    let reach = family::Reach::of(&draft.audience, &pupils);
    reach.must_reach(&pupils)?;
    Ok((draft, reach))
}

/// `POST /api/v1/notices/{id}/withdrawal`: the office or the head teacher withdraws a notice;
/// it stays in the record, marked withdrawn, and asks nothing of families any more.
pub async fn withdraw_notice(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, _| async move {
        let (id, r) = managed_notice(&env, &a, &id).await?;
        family::withdrawable(&r.notice)?;
        let now = auth::now();
        if !db::withdraw(&env, r.notice.school_id, id, &s.codice_fiscale, now).await? {
            // Withdrawn by someone else meanwhile.
            return Err(FieldError::conflict_says(Msg::NoticeWithdrawn, &[]).into());
        }
        Ok(notice_changed(&r.notice, now))
    })
    .await
}

/// `POST /api/v1/notices/{id}/reminder`: the office or the head teacher reminds the families
/// that have not acknowledged a notice (at most once a day: `family::remindable`).
pub async fn remind_notice(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, _| async move {
        let (id, r) = managed_notice(&env, &a, &id).await?;
        let now = auth::now();
        family::remindable(&r.notice, &r.summary, now)?;
        db::remind(&env, r.notice.school_id, id, &s.codice_fiscale, now).await?;
        Ok(notice_changed(&r.notice, now))
    })
    .await
}

/// The notice a path names with its report, for the office or the head teacher of its school
/// (404 for anyone else).
async fn managed_notice(env: &Env, a: &Access, raw: &str) -> Result<(i64, NoticeReport), ApiError> {
    let id = id_of(raw)?;
    let r = notice_report(env, a, id)
        .await?
        .ok_or_else(FieldError::not_found)?;
    Ok((id, r))
}

/// The answer of a change to notice `n` at `now`: JSON, or back to the notice's page.
fn notice_changed(n: &Notice, now: i64) -> Done {
    Done::new(
        StatusCode::OK,
        &NoticeChange {
            notice_id: n.id,
            at: now,
        },
        format!("/scuola/{}/avvisi/{}", n.school_id, n.id),
    )
}

/// A school's notices as its staff see them.
pub(crate) struct NoticeList {
    pub school: String,
    pub notices: Vec<(Notice, AckSummary)>,
    /// For whom may publish (the office, the head teacher): the school's pupils with their
    /// names, to choose recipients by class and name; empty for anyone else.
    pub roll: Vec<(SchoolPupil, String)>,
}

/// The school's notices with their acknowledgement figures (staff of the school: `None` for
/// anyone else), and the school's name, in one round trip.
pub(crate) async fn notice_list(
    env: &Env,
    a: &Access,
    school_id: i64,
) -> Result<Option<NoticeList>, ApiError> {
    if !a.is_staff_of(school_id) {
        return Ok(None);
    }
    let mut all = db::school_notices(env, school_id).await?;
    let roll = if a.manages(school_id) {
        all.pupils
            .iter()
            .map(|p| {
                let name = all.names.remove(&p.pupil_id).unwrap_or_default();
                (p.clone(), name)
            })
            .collect()
    } else {
        Vec::new()
    };
    let notices = family::ack_summaries(all.notices, &all.pupils, &all.acked);
    Ok(Some(NoticeList {
        school: all.school.unwrap_or_default(),
        notices,
        roll,
    }))
}

/// Notice `id` with who has and has not acknowledged it, if the caller may see that list (the
/// office and the head teacher of its school: `Access::manages`); one round trip.
pub(crate) async fn notice_report(
    env: &Env,
    a: &Access,
    id: i64,
) -> Result<Option<NoticeReport>, ApiError> {
    Ok(db::notice_with_roll(env, id)
        .await?
        .filter(|(n, _)| a.manages(n.school_id))
        .map(|(n, roll)| family::ack_report(n, roll)))
}

/// `GET /api/v1/schools/{id}/notices`: the school's notices with acknowledgement counts (staff
/// of the school).
pub async fn school_notices(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let school_id = id_of(&school)?;
        let (_, a) = caller(&env, &req).await?;
        let list = notice_list(&env, &a, school_id)
            .await?
            .ok_or_else(FieldError::not_found)?;
        let items = list
            .notices
            .into_iter()
            .map(|(notice, summary)| SchoolNotice { notice, summary })
            .collect();
        Ok::<_, ApiError>(SchoolNotices { items })
    })
    .await;
    answer(r)
}

/// `GET /api/v1/notices/{id}/acknowledgements[?format=csv]`: who has and has not acknowledged,
/// per class (the office and the head teacher).
pub async fn acknowledgements(
    env: SharedEnv,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
    req: Request,
) -> Response {
    let r = SendFuture::new(async move {
        let csv = csv_wanted(q.as_deref())?;
        let id = id_of(&id)?;
        let (_, a) = caller(&env, &req).await?;
        let r = notice_report(&env, &a, id)
            .await?
            .ok_or_else(FieldError::not_found)?;
        Ok::<_, ApiError>((csv, r))
    })
    .await;
    match r {
        Ok((false, r)) => private(json_response(StatusCode::OK, &r)),
        // In words, dates and times as Italians write them (app::exports).
        Ok((true, r)) => csv_file(
            app::exports::acknowledgements_csv(&r),
            &format!("prese-visione-avviso-{}.csv", r.notice.id),
        ),
        Err(e) => e.into_response(),
    }
}
