//! The family portal's pages and the school's notice and request pages: gather with
//! `family`/`db::family`, render with `app::pages::{famiglia, scuola}`. Signed-in pages are
//! `private` (a shared cache never keeps them; the phone's service worker may).

use crate::auth::handlers::{no_role, signed_in, signed_in_access};
use crate::db::family::{self as db, Notice};
use crate::error::path_id as id_of;
use crate::error::ApiError;
use crate::family::{self, family_notices, position, staff_scope, ChildPosition};
use crate::pages::{lang_of, render};
use crate::SharedEnv;
use app::i18n::date_it;
use app::pages::famiglia::{
    AbsenceItem, AlunnoPage, AutoItem, AvvisiPage, AvvisoPage, ChildDash, DerogaItem, FamigliaPage,
    FormErrorPage, NoticeItem, Updated,
};
use app::pages::scuola::{
    AvvisiScuolaPage, AvvisoScuolaPage, ClassRow, NoticeRow, PupilAck, RequestRow, RichiestePage,
};
use axum::extract::{Path, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use domain::attendance::AbsenceKind;
use domain::family::{italian_time, JustificationReason};
use leptos::prelude::*;
use worker::send::SendFuture;

fn private(mut r: Response) -> Response {
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    r
}

/// Date and time of `ts` on an Italian clock.
fn local(ts: i64) -> (String, String) {
    italian_time(ts)
        .map(|t| (date_it(t.date()), t.format("%H:%M").to_string()))
        .unwrap_or_default()
}

fn updated_now() -> Updated {
    let (date, time) = local(crate::auth::now());
    Updated { date, time }
}

fn dash(p: &ChildPosition) -> ChildDash {
    ChildDash {
        id: p.pupil_id,
        name: format!("{} {}", p.name, p.surname),
        class: p.class_code.clone(),
        school: p.school.clone(),
        dashboard: p.dashboard.clone(),
    }
}

/// A form whose request failed: the message and a way back (the `Referer`, when it is ours).
pub async fn form_error(req: Request, e: ApiError) -> Response {
    let lang = lang_of(&req);
    let back = req
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| {
            let origin = crate::auth::own_origin(req.uri());
            r.strip_prefix(&origin).map(str::to_owned)
        })
        .map(|p| domain::session::safe_next(&p).to_owned())
        .unwrap_or_else(|| "/area".to_owned());
    let message = e.error.message.clone();
    let status = e.status;
    render(req, status, move || {
        view! { <FormErrorPage lang=lang message=message.clone() back=back.clone()/> }
    })
    .await
}

/// `GET /famiglia`: each child's dashboard.
pub async fn famiglia(env: SharedEnv, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        if a.guardian_of.is_empty() {
            return Ok((s, None));
        }
        let gathered = async {
            let (_, notices) = family_notices(&env, &s, &a).await?;
            let today = family::today(&env);
            let mut children = Vec::new();
            for g in &a.guardian_of {
                children.push(dash(&position(&env, &a, g.pupil_id, today).await?));
            }
            children.sort_by(|x, y| x.name.cmp(&y.name));
            let unread = notices.iter().filter(|n| !n.read).count();
            Ok::<_, ApiError>((children, unread))
        }
        .await
        .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, Some(gathered)))
    })
    .await;
    let (s, page) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((children, unread)) = page else {
        return no_role(req, s).await;
    };
    let lang = lang_of(&req);
    let user = signed_in(&s);
    let updated = updated_now();
    private(
        render(req, StatusCode::OK, move || {
            view! {
                <FamigliaPage
                    lang=lang
                    user=user.clone()
                    children=children.clone()
                    unread=unread
                    updated=updated.clone()
                />
            }
        })
        .await,
    )
}

fn kind_index(kind: &str) -> usize {
    AbsenceKind::from_code(kind)
        .and_then(|k| AbsenceKind::ALL.iter().position(|x| *x == k))
        .unwrap_or(0)
}

fn ymd(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

/// `GET /famiglia/alunni/{id}`: one child's absences, justifications and derogations.
pub async fn alunno(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let Some(id) = id_of(&id).ok().filter(|&id| a.is_guardian_of(id)) else {
            return Ok((s, None));
        };
        let gathered = async {
            let p = position(&env, &a, id, family::today(&env)).await?;
            let year = (p.first_lesson_day, p.last_lesson_day);
            Ok::<_, ApiError>((p, year))
        }
        .await
        .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, Some(gathered)))
    })
    .await;
    let (s, page) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((p, year)) = page else {
        return crate::pages::not_found(req).await;
    };
    let child = dash(&p);
    let absences: Vec<AbsenceItem> = p
        .absences
        .iter()
        .map(|a| AbsenceItem {
            id: a.absence.id,
            date: ymd(&a.absence.date),
            kind_index: kind_index(&a.absence.kind),
            minutes: a.absence.minutes,
            justified: a.absence.justified,
            justification: a.absence.justification.as_ref().map(|j| j.status.clone()),
            effect: a.effect,
            can_justify: a.can_justify,
        })
        .collect();
    let derogations: Vec<DerogaItem> = p
        .derogations
        .iter()
        .map(|d| DerogaItem {
            id: d.id,
            category: d.category.clone(),
            from: ymd(&d.from),
            to: ymd(&d.to),
            status: d.status.clone(),
        })
        .collect();
    let categories: Vec<(String, String)> = p
        .categories
        .iter()
        .map(|c| (c.code.clone(), c.label.clone()))
        .collect();
    let lang = lang_of(&req);
    let user = signed_in(&s);
    let updated = updated_now();
    private(
        render(req, StatusCode::OK, move || {
            view! {
                <AlunnoPage
                    lang=lang
                    user=user.clone()
                    child=child.clone()
                    absences=absences.clone()
                    derogations=derogations.clone()
                    categories=categories.clone()
                    year=year
                    updated=updated.clone()
                />
            }
        })
        .await,
    )
}

fn notice_item(n: &Notice, names: &[(i64, String)]) -> NoticeItem {
    let for_names = n
        .pupils
        .iter()
        .filter_map(|p| names.iter().find(|(id, _)| *id == p.pupil_id))
        .map(|(_, name)| name.clone())
        .collect();
    let acknowledged = if n.pupils.iter().all(|p| p.acknowledged_at.is_some()) {
        n.pupils
            .iter()
            .filter_map(|p| p.acknowledged_at)
            .max()
            .map(local)
    } else {
        None
    };
    NoticeItem {
        id: n.id,
        title: n.title.clone(),
        body: n.body.clone(),
        published: local(n.published_at).0,
        read: n.read,
        requires_ack: n.requires_ack,
        for_names,
        acknowledged,
    }
}

/// The guardian's children's names, by id.
async fn names(env: &worker::Env, cf: &str) -> Result<Vec<(i64, String)>, ApiError> {
    Ok(crate::db::school::children_of(env, cf)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect())
}

/// `GET /famiglia/avvisi`: the school's notices (unread first) and the automatic ones.
pub async fn avvisi(env: SharedEnv, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        if a.guardian_of.is_empty() {
            return Ok((s, None));
        }
        let gathered = async {
            let (_, notices) = family_notices(&env, &s, &a).await?;
            let names = names(&env, &s.codice_fiscale).await?;
            let today = family::today(&env);
            let mut auto = Vec::new();
            for g in &a.guardian_of {
                let p = position(&env, &a, g.pupil_id, today).await?;
                let name = p.name.clone();
                auto.extend(p.dashboard.auto_notices.into_iter().map(|n| AutoItem {
                    name: name.clone(),
                    notice: n,
                }));
            }
            auto.sort_by_key(|a| std::cmp::Reverse(a.notice.date()));
            let items: Vec<NoticeItem> = notices.iter().map(|n| notice_item(n, &names)).collect();
            Ok::<_, ApiError>((items, auto))
        }
        .await
        .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, Some(gathered)))
    })
    .await;
    let (s, page) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((notices, auto)) = page else {
        return no_role(req, s).await;
    };
    let lang = lang_of(&req);
    let user = signed_in(&s);
    let updated = updated_now();
    private(
        render(req, StatusCode::OK, move || {
            view! {
                <AvvisiPage
                    lang=lang
                    user=user.clone()
                    notices=notices.clone()
                    auto=auto.clone()
                    updated=updated.clone()
                />
            }
        })
        .await,
    )
}

/// `GET /famiglia/avvisi/{id}`: one notice; opening it marks it read.
pub async fn avviso(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let gathered = async {
            let Ok(id) = id_of(&id) else { return Ok(None) };
            let (_, notices) = family_notices(&env, &s, &a).await?;
            let Some(n) = notices.into_iter().find(|n| n.id == id) else {
                return Ok(None);
            };
            if !n.read {
                db::mark_read(&env, n.id, &s.codice_fiscale, crate::auth::now()).await?;
            }
            let names = names(&env, &s.codice_fiscale).await?;
            Ok::<_, ApiError>(Some(notice_item(&n, &names)))
        }
        .await
        .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, gathered))
    })
    .await;
    let (s, item) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some(item) = item else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let user = signed_in(&s);
    private(
        render(req, StatusCode::OK, move || {
            view! { <AvvisoPage lang=lang user=user.clone() notice=item.clone()/> }
        })
        .await,
    )
}

fn school_name(schools: &[crate::db::school::School], id: i64) -> String {
    schools
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.clone())
        .unwrap_or_default()
}

/// `GET /scuola/{id}/avvisi`: publish (office, head teacher) and the published notices.
pub async fn scuola_avvisi(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let Some(school_id) = id_of(&school)
            .ok()
            .filter(|&id| staff_scope(&a, id).is_some())
        else {
            return Ok((s, None));
        };
        let gathered = async {
            let schools = crate::db::school::schools(&env, &[school_id]).await?;
            let notices = db::notices_of(&env, &[school_id]).await?;
            let mut rows = Vec::with_capacity(notices.len());
            for n in notices {
                let r = family::notice_report(&env, n).await?;
                rows.push(NoticeRow {
                    id: r.notice.id,
                    title: r.notice.title.clone(),
                    published: local(r.notice.published_at).0,
                    requires_ack: r.notice.requires_ack,
                    recipients: r.summary.recipients,
                    acknowledged: r.summary.acknowledged,
                    percent: r.summary.percent,
                });
            }
            Ok::<_, ApiError>((
                school_id,
                school_name(&schools, school_id),
                a.manages(school_id),
                rows,
            ))
        }
        .await
        .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, Some(gathered)))
    })
    .await;
    let (s, page) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((school_id, school, manages, notices)) = page else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let user = signed_in(&s);
    private(
        render(req, StatusCode::OK, move || {
            view! {
                <AvvisiScuolaPage
                    lang=lang
                    user=user.clone()
                    school_id=school_id
                    school=school.clone()
                    manages=manages
                    notices=notices.clone()
                />
            }
        })
        .await,
    )
}

/// `GET /scuola/{id}/avvisi/{n}`: who has and has not acknowledged, per class.
pub async fn scuola_avviso(
    env: SharedEnv,
    Path((school, notice)): Path<(String, String)>,
    req: Request,
) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let gathered = async {
            let (Ok(school_id), Ok(id)) = (id_of(&school), id_of(&notice)) else {
                return Ok(None);
            };
            if staff_scope(&a, school_id).is_none() {
                return Ok(None);
            }
            let Some(n) = db::notice(&env, id)
                .await?
                .filter(|n| n.school_id == school_id)
            else {
                return Ok(None);
            };
            Ok::<_, ApiError>(Some((school_id, family::notice_report(&env, n).await?)))
        }
        .await
        .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, gathered))
    })
    .await;
    let (s, page) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((school_id, r)) = page else {
        return crate::pages::not_found(req).await;
    };
    let notice = NoticeRow {
        id: r.notice.id,
        title: r.notice.title.clone(),
        published: local(r.notice.published_at).0,
        requires_ack: r.notice.requires_ack,
        recipients: r.summary.recipients,
        acknowledged: r.summary.acknowledged,
        percent: r.summary.percent,
    };
    let body = r.notice.body.clone();
    let classes: Vec<ClassRow> = r
        .summary
        .classes
        .iter()
        .map(|c| ClassRow {
            class: c.class.clone(),
            recipients: c.recipients,
            acknowledged: c.acknowledged,
        })
        .collect();
    let pupils: Vec<PupilAck> = r
        .pupils
        .iter()
        .map(|p| PupilAck {
            class: p.class_code.clone(),
            pupil: p.pupil.clone(),
            when: p.acknowledged_at.map(|t| {
                let (d, h) = local(t);
                format!("{d} {h}")
            }),
            by: p.acknowledged_by.clone(),
        })
        .collect();
    let lang = lang_of(&req);
    let user = signed_in(&s);
    private(
        render(req, StatusCode::OK, move || {
            view! {
                <AvvisoScuolaPage
                    lang=lang
                    user=user.clone()
                    school_id=school_id
                    notice=notice.clone()
                    body=body.clone()
                    classes=classes.clone()
                    pupils=pupils.clone()
                />
            }
        })
        .await,
    )
}

/// `GET /scuola/{id}/richieste`: the requests the person decides (teachers: their classes).
pub async fn richieste(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let Some((school_id, scope)) = id_of(&school)
            .ok()
            .and_then(|id| staff_scope(&a, id).map(|sc| (id, sc)))
        else {
            return Ok((s, None));
        };
        let gathered = async {
            let schools = crate::db::school::schools(&env, &[school_id]).await?;
            let pending = db::pending_requests(&env, school_id, scope.as_deref()).await?;
            let policy = db::school_policy(&env, school_id).await?;
            Ok::<_, ApiError>((school_id, school_name(&schools, school_id), pending, policy))
        }
        .await
        .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, Some(gathered)))
    })
    .await;
    let (s, page) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((school_id, school, pending, policy)) = page else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let ft = lang.family();
    let requests: Vec<RequestRow> = pending
        .into_iter()
        .map(|r| {
            let derogation = r.kind == "derogation";
            let what = if derogation {
                policy
                    .deroga_categories()
                    .iter()
                    .find(|c| c.code.as_str() == r.what)
                    .map(|c| c.label.clone())
                    .unwrap_or_else(|| r.what.clone())
            } else {
                ft.kinds
                    .get(kind_index(&r.what))
                    .copied()
                    .unwrap_or("")
                    .to_owned()
            };
            let dates = if r.date_from == r.date_to {
                date_it(ymd(&r.date_from))
            } else {
                format!(
                    "{} – {}",
                    date_it(ymd(&r.date_from)),
                    date_it(ymd(&r.date_to))
                )
            };
            let reason = r.reason.as_deref().and_then(|code| {
                JustificationReason::ALL
                    .iter()
                    .position(|x| x.as_str() == code)
                    .and_then(|i| ft.reasons.get(i))
                    .map(|s| (*s).to_owned())
            });
            RequestRow {
                kind: r.kind,
                id: r.id,
                pupil: r.pupil,
                class: r.class_code,
                dates,
                what,
                reason,
                requested: local(r.requested_at).0,
            }
        })
        .collect();
    let user = signed_in(&s);
    private(
        render(req, StatusCode::OK, move || {
            view! {
                <RichiestePage
                    lang=lang
                    user=user.clone()
                    school_id=school_id
                    school=school.clone()
                    requests=requests.clone()
                />
            }
        })
        .await,
    )
}
