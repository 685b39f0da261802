//! What a family reads and sends: a child's position, justifications, derogation requests, the
//! notices with *presa visione*. The gathering functions here serve the API and the pages alike.

use super::{answer, caller, change, today, Done};
use crate::auth::{self, Session};
use crate::db::family as db;
use crate::db::Answers;
use crate::error::{path_id as id_of, ApiError};
use crate::SharedEnv;
use axum::extract::{Path, Request};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use domain::api::types::{Acknowledged, DerogationRequest, Justification, Justifications, Notices};
use domain::family::{
    self, ChildPosition, DerogaRequest, JustificationReason, Kid, Notice, Register, RequestStatus,
};
use domain::messages::Msg;
use domain::session::{Access, PupilPlace};
use domain::FieldError;
use worker::send::SendFuture;
use worker::Env;

/// Whether `a` may read the pupil whose register this is.
fn readable(a: &Access, r: &Register) -> bool {
    a.can_read_pupil(PupilPlace {
        pupil_id: r.place.pupil_id,
        school_id: r.place.school_id,
        class: &r.place.class_code,
    })
}

/// Everything about a pupil on `today` from what `db::register_reads` answered (sent with the
/// session: one round trip in all), if the caller may read it (404 otherwise), by
/// `domain::family::assess`.
pub(crate) fn child_position(
    a: &Access,
    answers: Answers,
    today: NaiveDate,
) -> Result<ChildPosition, ApiError> {
    let reg = db::register_answered(answers)?
        .filter(|r| readable(a, r))
        .ok_or_else(FieldError::not_found)?;
    Ok(family::assess(reg, today)?)
}

/// A guardian's children (in the order of their grants) and the notices reaching them.
pub(crate) struct Family {
    pub children: Vec<ChildPosition>,
    pub kids: Vec<Kid>,
    pub notices: Vec<Notice>,
}

/// Everything a guardian's pages show, in one round trip.
pub(crate) async fn family(
    env: &Env,
    s: &Session,
    a: &Access,
    today: NaiveDate,
) -> Result<Family, ApiError> {
    let pupils: Vec<i64> = a.guardian_of.iter().map(|g| g.pupil_id).collect();
    let data = db::family(env, &s.codice_fiscale, &pupils).await?;
    let mut registers = data.registers;
    let mut children = Vec::with_capacity(pupils.len());
    for id in pupils {
        let i = registers
            .iter()
            .position(|r| r.place.pupil_id == id && readable(a, r))
            .ok_or_else(FieldError::not_found)?;
        children.push(family::assess(registers.swap_remove(i), today)?);
    }
    let n = data.notices;
    let notices = family::for_family(&n.kids, n.notices, &n.acks);
    Ok(Family {
        children,
        kids: n.kids,
        notices,
    })
}

/// The guardian's children and the notices reaching them (empty for anyone else), in one
/// round trip.
pub(crate) async fn family_notices(
    env: &Env,
    s: &Session,
    a: &Access,
) -> Result<(Vec<Kid>, Vec<Notice>), ApiError> {
    if a.guardian_of.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let n = db::family_notices(env, &s.codice_fiscale).await?;
    let notices = family::for_family(&n.kids, n.notices, &n.acks);
    Ok((n.kids, notices))
}

/// `GET /api/v1/pupils/{id}/attendance`: the dashboard, absences and derogation requests.
pub async fn attendance(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let id = id_of(&id)?;
        let reads = db::register_reads(&env, id)?;
        let (_, a, answers) = auth::require_with(&env, req.headers(), reads).await?;
        child_position(&a, answers, today(&env)?)
    })
    .await;
    answer(r)
}

/// `POST /api/v1/absences/{id}/justification` `{"reason"}`: a guardian justifies an absence.
pub async fn justify(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, f| async move {
        let id = id_of(&id)?;
        let abs = db::absence(&env, id)
            .await?
            .filter(|x| a.is_guardian_of(x.pupil_id))
            .ok_or_else(FieldError::not_found)?;
        let reason = JustificationReason::parse(f.get("reason"))?;
        // The same check as the page's "Giustifica" and as several at once.
        let today = today(&env)?;
        let p = checked_position(&env, &a, abs.pupil_id, today).await?;
        family::to_justify(&p, &[id], today)?;
        let jid = db::justify(&env, &abs, reason, &s.codice_fiscale, auth::now())
            .await?
            // Sent by another guardian meanwhile.
            .ok_or_else(|| FieldError::conflict_says(Msg::JustificationAlreadySent, &[]))?;
        let sent = Justification {
            id: jid,
            absence_id: id,
            reason,
            status: RequestStatus::Pending,
        };
        Ok(Done::new(
            StatusCode::CREATED,
            &sent,
            format!("/famiglia/alunni/{}", abs.pupil_id),
        ))
    })
    .await
}

/// `POST /api/v1/pupils/{id}/derogations` `{"category","from","to"}`: a guardian asks for a
/// derogation; the documents go to the school office.
/// Pupil `id`'s position on `today`, for a change by a person who may read it (404 otherwise).
async fn checked_position(
    env: &Env,
    a: &Access,
    id: i64,
    today: NaiveDate,
) -> Result<ChildPosition, ApiError> {
    let reg = db::register(env, id)
        .await?
        .filter(|r| readable(a, r))
        .ok_or_else(FieldError::not_found)?;
    Ok(family::assess(reg, today)?)
}

/// `POST /api/v1/pupils/{id}/justifications` `{"absences": [..], "reason"}`: a guardian
/// justifies several absences of a child with one reason, all or none (`family::to_justify`,
/// the check the page's list makes). A form comes back to the child's page with the sent
/// absences named (`?giustificate=`), where the confirmation takes the focus.
pub async fn justify_many(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, f| async move {
        let id = id_of(&id)?;
        if !a.is_guardian_of(id) {
            return Err(FieldError::not_found().into());
        }
        let ids = family::chosen_absences(f.all("absences"))?;
        let reason = JustificationReason::parse(f.get("reason"))?;
        let today = today(&env)?;
        let p = checked_position(&env, &a, id, today).await?;
        family::to_justify(&p, &ids, today)?;
        let school_id = db::child(&env, id)
            .await?
            .map(|(place, _)| place.school_id)
            .ok_or_else(FieldError::not_found)?;
        let sent = db::justify_many(
            &env,
            school_id,
            id,
            &ids,
            reason,
            &s.codice_fiscale,
            auth::now(),
        )
        .await?;
        let answer = Justifications {
            justifications: sent
                .iter()
                .map(|(absence_id, jid)| Justification {
                    id: *jid,
                    absence_id: *absence_id,
                    reason,
                    status: RequestStatus::Pending,
                })
                .collect(),
        };
        let named: Vec<String> = sent.iter().map(|(a, _)| a.to_string()).collect();
        Ok(Done::new(
            StatusCode::CREATED,
            &answer,
            format!(
                "/famiglia/alunni/{id}?giustificate={}#conferma",
                named.join(",")
            ),
        ))
    })
    .await
}

pub async fn request_deroga(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, f| async move {
        let id = id_of(&id)?;
        if !a.is_guardian_of(id) {
            return Err(FieldError::not_found().into());
        }
        let (place, c) = db::child(&env, id)
            .await?
            .ok_or_else(FieldError::not_found)?;
        let c = c.ok_or_else(family::not_ready)?;
        let r = DerogaRequest::parse(
            &c.policy,
            &c.calendar,
            f.get("category"),
            f.get("from"),
            f.get("to"),
        )?;
        let did = db::request_deroga(
            &env,
            place.school_id,
            place.pupil_id,
            &r,
            &s.codice_fiscale,
            auth::now(),
        )
        .await??;
        let asked = DerogationRequest {
            id: did,
            pupil_id: id,
            category: r.category().clone(),
            from: r.period().from(),
            to: r.period().to(),
            status: RequestStatus::Pending,
        };
        Ok(Done::new(
            StatusCode::CREATED,
            &asked,
            format!("/famiglia/alunni/{id}"),
        ))
    })
    .await
}

/// `GET /api/v1/notices`: the notices reaching the guardian's children, unread first.
pub async fn my_notices(env: SharedEnv, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let (s, a) = caller(&env, &req).await?;
        let (_, items) = family_notices(&env, &s, &a).await?;
        Ok::<_, ApiError>(Notices { items })
    })
    .await;
    answer(r)
}

/// `POST /api/v1/notices/{id}/acknowledgement`: *presa visione*, once, for each of the guardian's
/// children the notice reaches.
pub async fn acknowledge(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, _| async move {
        let id = id_of(&id)?;
        let (_, notices) = family_notices(&env, &s, &a).await?;
        let n = notices
            .into_iter()
            .find(|n| n.id == id)
            .ok_or_else(FieldError::not_found)?;
        let open = family::to_acknowledge(&n)?;
        let now = auth::now();
        db::acknowledge(&env, &n, &open, &s.codice_fiscale, now).await?;
        let done = Acknowledged {
            notice_id: id,
            pupils: open,
            acknowledged_at: now,
        };
        Ok(Done::new(
            StatusCode::CREATED,
            &done,
            format!("/famiglia/avvisi/{id}"),
        ))
    })
    .await
}
