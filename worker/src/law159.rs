//! The school's Law 159/2023 cases (issue 19 point 2): `GET /api/v1/schools/{id}/law159`,
//! `POST /api/v1/pupils/{id}/law159` (one step), the pages `/scuola/{id}/obbligo`,
//! `/scuola/{id}/obbligo/{pupil}` and `…/documento`, and the deadlines the school's home shows.
//! Each pupil's cases come from the same `domain::family::assess` the family's dashboard and the
//! attendance desk use (`ChildPosition::law159_cases`), over the registers the person may see
//! (`Access::scope`: a teacher their classes).

use crate::auth::handlers::{signed_in, signed_in_access};
use crate::db::family as db;
use crate::error::{json_response, path_id as id_of, query_pairs, ApiError};
use crate::family::{caller, change, private, rome, Done};
use crate::pages::{lang_of, render};
use crate::SharedEnv;
use app::i18n::Lang;
use app::pages::obbligo::{
    late_notice_paragraphs, letter_paragraphs, CasoPage, DocKind, Document, DocumentoPage,
    HistoryLine, ObbligoPage, PupilFile, StandingRow, UndoableStep,
};
use axum::extract::{Path, RawQuery, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use domain::api::types::{PupilLaw159, SchoolLaw159, SchoolLaw159Pupil};
use domain::attendance::law159::cases::{self, Channel, Deadline, Step, DUE_SOON_DAYS};
use domain::attendance::law159::unjustified_dates;
use domain::error::ErrorCode;
use domain::family::{self, Audience, NoticeDraft, Register};
use domain::messages::Msg;
use domain::session::Access;
use domain::FieldError;
use leptos::prelude::*;
use worker::send::SendFuture;
use worker::Env;

/// The most urgent first: overdue, then by date; pupils with nothing due last, by class and
/// name.
fn urgency(p: &SchoolLaw159Pupil) -> (u8, Option<NaiveDate>, String, String) {
    let rank = match p.next {
        Some(Deadline { overdue: true, .. }) => 0,
        Some(_) => 1,
        None => 2,
    };
    (
        rank,
        p.next.map(|d| d.by),
        p.class_code.clone(),
        format!("{} {}", p.surname, p.name),
    )
}

/// The pupils with cases the person may see at `school_id` on the register's day; `None` if
/// they are not staff there.
pub(crate) async fn school_cases(
    env: &Env,
    a: &Access,
    school_id: i64,
) -> Result<Option<SchoolLaw159>, ApiError> {
    Ok(school_cases_and_standings(env, a, school_id)
        .await?
        .map(|(c, _, _)| c))
}

/// [`school_cases`], and the pupils whose standing is notable (`SchoolStatus::notable`; class
/// and name order).
pub(crate) async fn school_cases_and_standings(
    env: &Env,
    a: &Access,
    school_id: i64,
) -> Result<Option<(SchoolLaw159, Vec<StandingRow>, Option<u32>)>, ApiError> {
    let Some(scope) = a.scope(school_id) else {
        return Ok(None);
    };
    let today = crate::clock::today(env)?;
    let registers = db::school_registers(env, school_id, scope.classes()).await?;
    let mut items = Vec::new();
    let mut others = Vec::new();
    // The school's threshold of late entries (its policy, the same on every register).
    let mut late_threshold = None;
    for reg in registers {
        let Some(child) = reg.child.as_ref() else {
            continue;
        };
        late_threshold = child.policy.late_entries_notice_after();
        if child.status.notable() {
            others.push(StandingRow {
                pupil_id: child.id,
                name: format!("{} {}", child.surname, child.name),
                class_code: child.class_code.clone(),
                status: child.status,
            });
        }
        let p = family::assess(reg, today)?;
        if p.law159_cases.is_empty() {
            continue;
        }
        items.push(SchoolLaw159Pupil {
            pupil_id: p.pupil_id,
            surname: p.surname,
            name: p.name,
            class_code: p.class_code,
            next: p.law159_cases.next(),
            cases: p.law159_cases,
        });
    }
    items.sort_by_key(urgency);
    others.sort_by(|x, y| (&x.class_code, &x.name).cmp(&(&y.class_code, &y.name)));
    Ok(Some((
        SchoolLaw159 {
            as_of: today,
            items,
        },
        others,
        late_threshold,
    )))
}

/// What the school's home shows of one school: the pupils whose next step is overdue, and
/// those due within [`DUE_SOON_DAYS`].
pub(crate) struct Due {
    pub overdue: Vec<SchoolLaw159Pupil>,
    pub soon: Vec<SchoolLaw159Pupil>,
}

pub(crate) fn due(cases: SchoolLaw159) -> Due {
    let today = cases.as_of;
    let (mut overdue, mut soon) = (Vec::new(), Vec::new());
    for p in cases.items {
        match p.next {
            Some(d) if d.overdue => overdue.push(p),
            Some(d) if d.due_within(today, DUE_SOON_DAYS) => soon.push(p),
            _ => {}
        }
    }
    Due { overdue, soon }
}

/// `GET /api/v1/schools/{school_id}/law159`.
pub async fn list(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    SendFuture::new(async move {
        let school_id = id_of(&school)?;
        let (_, a) = caller(&env, &req).await?;
        let c = school_cases(&env, &a, school_id)
            .await?
            .ok_or_else(FieldError::not_found)?;
        Ok::<_, ApiError>(private(json_response(StatusCode::OK, &c)))
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}

/// The register of pupil `id` if `a` reaches it as staff (teachers: their classes); 404
/// otherwise (a guardian is not staff: the procedure is the school's).
async fn staff_register(env: &Env, a: &Access, id: i64) -> Result<Register, ApiError> {
    let reg = db::register(env, id)
        .await?
        .filter(|r| {
            a.scope(r.place.school_id)
                .is_some_and(|s| s.covers(&r.place.class_code))
        })
        .ok_or_else(FieldError::not_found)?;
    if reg.child.is_none() {
        return Err(FieldError::not_found().into());
    }
    Ok(reg)
}

/// The in-app notice of the family's communication: the letter's words, the days listed.
fn family_notice(
    reg: &Register,
    name: &str,
    resume_by: Option<NaiveDate>,
    days: &[NaiveDate],
) -> NoticeDraft {
    let t = Lang::It.law159();
    let mut body = letter_paragraphs(t, name, &reg.place.class_code, resume_by);
    let list: Vec<String> = days.iter().map(|d| app::i18n::date_it(*d)).collect();
    body.insert(2, format!("{}: {}.", t.days_heading, list.join(", ")));
    NoticeDraft {
        title: t.notice_title.to_owned(),
        body: body.join("\n\n"),
        audience: Audience::Pupils(vec![reg.place.pupil_id]),
        requires_ack: true,
    }
}

/// The pupil's derogation requests as the rules take them (the approved ones excuse what they
/// cover).
fn deroghe(reg: &Register) -> Vec<domain::attendance::Deroga> {
    reg.deroghe.iter().map(|d| d.deroga().clone()).collect()
}

/// The pupil's absence records as the rules take them (up to `today`).
fn events(reg: &Register, today: NaiveDate) -> Vec<domain::attendance::AbsenceEvent> {
    reg.absences
        .iter()
        .filter(|x| x.date <= today)
        .map(|x| x.event())
        .collect()
}

/// The notice of repeated late entries: the facts since they were counted and the absence hours
/// counted so far (seed 003), to acknowledge.
fn late_notice(reg: &Register, p: &family::ChildPosition) -> Option<NoticeDraft> {
    let l = p.law159_cases.late_entries.as_ref()?;
    let t = Lang::It.law159();
    let name = format!("{} {}", p.name, p.surname);
    let body = late_notice_paragraphs(
        Lang::It,
        &name,
        &p.class_code,
        l,
        p.dashboard.counted_absence_minutes,
        p.dashboard.max_absence_hours,
    );
    Some(NoticeDraft {
        title: t.late_notice_title.to_owned(),
        body: body.join("\n\n"),
        audience: Audience::Pupils(vec![reg.place.pupil_id]),
        requires_ack: true,
    })
}

/// `POST /api/v1/pupils/{id}/law159` `{"step","episode","on","channel","reason"}`: one step of
/// one case (`domain::attendance::law159::cases::record_step`), its audit entry, and for the
/// `notice` channel, and for the notice of repeated late entries, the notice the family must
/// acknowledge. A step whose slot another request took since the records were read writes
/// nothing: 409.
pub async fn step(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, f| async move {
        let id = id_of(&id)?;
        let reg = staff_register(&env, &a, id).await?;
        let school_id = reg.place.school_id;
        let today = crate::clock::today(&env)?;
        if f.get("step").trim() == "undo" {
            let step_id = f
                .get("step_id")
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|x| *x > 0)
                .ok_or_else(|| FieldError::invalid_says("step_id", Msg::CaseUndoStepId, &[]))?;
            let (recorded, notice_id) = db::recorded_step(&env, school_id, id, step_id)
                .await?
                .ok_or_else(FieldError::not_found)?;
            let now = crate::auth::now();
            let after = cases::undo_step(&reg.law159, &recorded, &s.codice_fiscale, now)?;
            let record = after
                .cases
                .iter()
                .find(|c| recorded.slot.kind == "episode" && c.episode == recorded.slot.episode)
                .copied();
            let written = db::undo_step(
                &env,
                &db::UndoWrite {
                    school_id,
                    pupil_id: id,
                    by: &s.codice_fiscale,
                    now,
                    step: &recorded,
                    record,
                    notice_id,
                },
            )
            .await?;
            if !written {
                return Err(FieldError::conflict_says(Msg::CaseStepTaken, &[]).into());
            }
            let reg = staff_register(&env, &a, id).await?;
            let p = family::assess(reg, today)?;
            return Ok(Done::new(
                StatusCode::OK,
                &PupilLaw159 {
                    pupil_id: id,
                    as_of: today,
                    cases: p.law159_cases,
                },
                format!("/scuola/{school_id}/obbligo/{id}"),
            ));
        }
        let step = Step::parse(
            f.get("step"),
            f.get("episode"),
            f.get("on"),
            f.get("channel"),
            f.get("reason"),
        )?;
        if step.is_mayors() && !a.manages(school_id) {
            return Err(
                FieldError::says(ErrorCode::Forbidden, None, Msg::Law159MayorOnly, &[]).into(),
            );
        }
        let before = family::assess(reg.clone(), today)?;
        let after = cases::record_step(&before.law159_cases, &reg.law159, step, today)?;
        let slot = reg.law159.slot(&step);
        let (record, notice) = match step {
            Step::ElusioneReported { .. } => (None, None),
            Step::LateEntriesNotified { .. } => (None, late_notice(&reg, &before)),
            Step::FamilyNotified { episode, .. }
            | Step::MayorNotified { episode, .. }
            | Step::Closed { episode, .. } => {
                let record = after
                    .cases
                    .iter()
                    .find(|c| c.episode == episode)
                    .copied()
                    .ok_or_else(|| ApiError::internal("law159", "record lost"))?;
                let notice = match step {
                    Step::FamilyNotified {
                        channel: Channel::Notice,
                        ..
                    } => {
                        // The deadline the family reads, from the check with the new record.
                        let mut next = reg.clone();
                        next.law159 = after.clone();
                        let p = family::assess(next, today)?;
                        let case = p.law159_cases.cases.iter().find(|c| c.episode == episode);
                        let (resume_by, from, flag) = case
                            .map(|c| (c.resume_by, c.window_start, c.flagged_on))
                            .unwrap_or_default();
                        let child = reg.child.as_ref().ok_or_else(FieldError::not_found)?;
                        let days = match (from, flag) {
                            (Some(from), Some(flag)) => unjustified_dates(
                                &child.calendar,
                                &child.pupil,
                                &events(&reg, today),
                                &deroghe(&reg),
                                from,
                                flag,
                            ),
                            _ => Vec::new(),
                        };
                        let name = format!("{} {}", child.name, child.surname);
                        Some(family_notice(&reg, &name, resume_by, &days))
                    }
                    _ => None,
                };
                (Some(record), notice)
            }
        };
        let written = db::record_step(
            &env,
            &db::CaseWrite {
                school_id,
                pupil_id: id,
                by: &s.codice_fiscale,
                now: crate::auth::now(),
                step: &step,
                slot,
                record: record.as_ref(),
                notice: notice.as_ref(),
            },
        )
        .await?;
        if !written {
            return Err(FieldError::conflict_says(Msg::CaseStepTaken, &[]).into());
        }
        let reg = staff_register(&env, &a, id).await?;
        let p = family::assess(reg, today)?;
        Ok(Done::new(
            StatusCode::OK,
            &PupilLaw159 {
                pupil_id: id,
                as_of: today,
                cases: p.law159_cases,
            },
            format!("/scuola/{school_id}/obbligo/{id}"),
        ))
    })
    .await
}

/// `GET /scuola/{id}/obbligo`.
pub async fn page(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let Ok(school_id) = id_of(&school) else {
        return crate::pages::not_found(req).await;
    };
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let c = school_cases_and_standings(&env, &a, school_id)
            .await
            .map_err(IntoResponse::into_response)?;
        let name = crate::db::school::school_name(&env, school_id)
            .await
            .map_err(|e| ApiError::from(e).into_response())?;
        Ok::<_, Response>((s, c, name))
    })
    .await;
    let (s, c, name) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((c, others, late_threshold)) = c else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let user = signed_in(&s);
    private(
        render(req, StatusCode::OK, move || {
            view! {
                <ObbligoPage
                    lang=lang
                    user=user.clone()
                    school_id=school_id
                    school=name.clone()
                    as_of=c.as_of
                    items=c.items.clone()
                    others=others.clone()
                    late_threshold=late_threshold
                />
            }
        })
        .await,
    )
}

/// A pupil's file for `/scuola/{id}/obbligo/{pupil}`: `None` when the pupil is not of that
/// school or out of the person's reach.
async fn pupil_file(
    env: &Env,
    a: &Access,
    cf: &str,
    school_id: i64,
    pupil_id: i64,
) -> Result<Option<(PupilFile, Register)>, ApiError> {
    let reg = match staff_register(env, a, pupil_id).await {
        Ok(r) if r.place.school_id == school_id => r,
        Ok(_) => return Ok(None),
        Err(e) if e.error.code == ErrorCode::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let today = crate::clock::today(env)?;
    let child = reg.child.clone().ok_or_else(FieldError::not_found)?;
    let history = db::history(env, school_id, pupil_id).await?;
    // The steps this person may still undo: theirs, recent, each the last of its case.
    let now = crate::auth::now();
    let undoable = db::steps_by(env, school_id, pupil_id, cf, now - cases::UNDO_MINUTES * 60)
        .await?
        .into_iter()
        .filter(|r| r.is_last(&reg.law159) && r.undoable_by(cf, now).is_ok())
        .map(|r| UndoableStep {
            id: r.id,
            step: r.step,
            until: rome(r.undo_until()),
        })
        .collect();
    let p = family::assess(reg.clone(), today)?;
    let file = PupilFile {
        school_id,
        pupil_id,
        name: format!("{} {}", child.surname, child.name),
        class_code: child.class_code.clone(),
        school: child.school.clone(),
        as_of: today,
        birth_date: child.status.birth_date,
        status: child.status,
        obligation: child
            .status
            .obligation(child.grade, &child.class_code, today),
        applies: child
            .status
            .law159_applies(child.grade, &child.class_code, today),
        cases: p.law159_cases,
        history: history
            .into_iter()
            .map(|h| HistoryLine {
                when: rome(h.at),
                who: h.actor_name.unwrap_or(h.actor),
                step: h.step,
                undo: h.undo,
            })
            .collect(),
        undoable,
        manages: a.manages(school_id),
    };
    Ok(Some((file, reg)))
}

/// `GET /scuola/{id}/obbligo/{pupil}`.
pub async fn pupil_page(
    env: SharedEnv,
    Path((school, pupil)): Path<(String, String)>,
    req: Request,
) -> Response {
    let (Ok(school_id), Ok(pupil_id)) = (id_of(&school), id_of(&pupil)) else {
        return crate::pages::not_found(req).await;
    };
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let f = pupil_file(&env, &a, &s.codice_fiscale, school_id, pupil_id)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, f))
    })
    .await;
    let (s, Some((file, _))) = (match found {
        Ok(found) => found,
        Err(r) => return r,
    }) else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let user = signed_in(&s);
    private(
        render(req, StatusCode::OK, move || {
            view! { <CasoPage lang=lang user=user.clone() file=file.clone()/> }
        })
        .await,
    )
}

/// `GET /scuola/{id}/obbligo/{pupil}/documento?tipo=lettera|sindaco|elusione&caso=k`: 404 for a
/// document the case does not have (a report to the mayor before it is due, an elusione not
/// reached).
pub async fn document(
    env: SharedEnv,
    Path((school, pupil)): Path<(String, String)>,
    RawQuery(q): RawQuery,
    req: Request,
) -> Response {
    let (Ok(school_id), Ok(pupil_id)) = (id_of(&school), id_of(&pupil)) else {
        return crate::pages::not_found(req).await;
    };
    let pairs = query_pairs(q.as_deref());
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let kind = DocKind::parse(&get("tipo"));
    let episode: Option<u32> = get("caso").parse().ok();
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        // Signed in first: a document that does not exist is a 404 for a person only.
        if kind.is_none() {
            return Ok::<_, Response>((s, None));
        }
        let f = pupil_file(&env, &a, &s.codice_fiscale, school_id, pupil_id)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, f))
    })
    .await;
    let (s, Some((file, reg)), Some(kind)) = (match found {
        Ok((s, f)) => (s, f, kind),
        Err(r) => return r,
    }) else {
        return crate::pages::not_found(req).await;
    };
    let case = episode.and_then(|k| file.cases.cases.iter().find(|c| c.episode == k).cloned());
    let fits = match kind {
        DocKind::Letter => case.as_ref().is_some_and(|c| c.flagged_on.is_some()),
        DocKind::Mayor => case
            .as_ref()
            .is_some_and(|c| c.mayor_notice_due_by.is_some()),
        DocKind::Elusione => file.cases.elusione.is_some(),
    };
    let Some(child) = reg.child.as_ref().filter(|_| fits) else {
        return crate::pages::not_found(req).await;
    };
    let today = file.as_of;
    let all = events(&reg, today);
    let excusing = deroghe(&reg);
    let days = match (kind, &case) {
        (DocKind::Letter, Some(c)) => match (c.window_start, c.flagged_on) {
            (Some(from), Some(to)) => {
                unjustified_dates(&child.calendar, &child.pupil, &all, &excusing, from, to)
            }
            _ => Vec::new(),
        },
        // The report to the mayor: every unjustified day from the window's start to today.
        (DocKind::Mayor, Some(c)) => match c.window_start {
            Some(from) => {
                unjustified_dates(&child.calendar, &child.pupil, &all, &excusing, from, today)
            }
            None => Vec::new(),
        },
        _ => Vec::new(),
    };
    let doc = Document {
        kind,
        school_id,
        pupil_id,
        school: file.school.clone(),
        name: format!("{} {}", child.name, child.surname),
        class_code: child.class_code.clone(),
        birth_date: child.status.birth_date,
        case,
        elusione: file.cases.elusione,
        days,
        date: today,
    };
    let lang = lang_of(&req);
    let user = signed_in(&s);
    private(
        render(req, StatusCode::OK, move || {
            view! { <DocumentoPage lang=lang user=user.clone() doc=doc.clone()/> }
        })
        .await,
    )
}
