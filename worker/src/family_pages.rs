//! The family portal's pages and the school's notice and request pages: gather with the same
//! functions as the API (`family`: one `domain` rule of who reaches what, one `db` batch per
//! page), render with `app::pages::{famiglia, scuola}`. Signed-in pages are `private` (a shared
//! cache never keeps them; the phone's service worker may).

use crate::auth::handlers::{no_role, signed_in, signed_in_access, signed_in_access_with};
use crate::db::family as db;
use crate::db::Reads;
use crate::error::path_id as id_of;
use crate::error::query_pairs;
use crate::error::ApiError;
use crate::family::Fields;
use crate::family::{self, child_position, family_notices};
use crate::pages::{lang_of, render};
use crate::SharedEnv;
use app::i18n::{date_time_it, rome_it};
use app::layout::SignedIn;
use app::pages::famiglia::{
    AbsenceItem, AlunnoPage, AutoItem, AvvisiPage, AvvisoPage, ChildDashboard, DerogaItem,
    FamigliaPage, FormErrorPage, FormProblem, NoticeItem, ProblemForm, SenzaRetePage, Updated,
};
use app::pages::scuola::{
    AvvisiScuolaPage, AvvisoScuolaPage, CheckOutcome, ClassChoice, ClassRow, GradeChoice,
    NoticeCheck, NoticeRow, PupilAck,
};
use axum::extract::{Path, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::family::SchoolPupil;
use domain::family::{ChildPosition, Kid, Notice};
use leptos::prelude::*;
use std::sync::Arc;
use worker::send::SendFuture;
use worker::Env;

/// A family page's language, for the phone's service worker (it keeps the offline page in the
/// language of the pages it keeps: style/sw.js).
fn in_lang(mut r: Response, lang: app::i18n::Lang) -> Response {
    r.headers_mut().insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    r
}

/// `GET /famiglia/senza-rete`: the offline page in the family's language (no session: it says
/// nothing of anyone), which the service worker keeps.
pub async fn senza_rete(env: SharedEnv, req: Request) -> Response {
    let lang = crate::lingue::family_lang(&env, req.headers(), None).await;
    in_lang(
        render(
            req,
            StatusCode::OK,
            move || view! { <SenzaRetePage lang=lang/> },
        )
        .await,
        lang,
    )
}

pub(crate) fn private(mut r: Response) -> Response {
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    r
}

fn updated_now() -> Updated {
    let (date, time) = rome_it(crate::auth::now());
    Updated { date, time }
}

fn child_dashboard(p: &ChildPosition) -> ChildDashboard {
    ChildDashboard {
        id: p.pupil_id,
        name: format!("{} {}", p.name, p.surname),
        class: p.class_code.clone(),
        school: p.school.clone(),
        register_updated_on: p.register_updated_on,
        dashboard: p.dashboard.clone(),
        law159_cases: p.law159_cases.clone(),
    }
}

/// A form whose request failed. A form of a child's page (a derogation request, absences to
/// justify) comes back as that page, the message beside the form and what was typed in it;
/// any other form gets the message and a way back (the `Referer`, when it is ours), with the
/// signed-in person in the header.
pub async fn form_error(
    env: &Arc<Env>,
    req: Request,
    e: ApiError,
    kept: Option<(SignedIn, Fields)>,
) -> Response {
    // A family's form answers in the family's language; the school's, in Italian or English.
    let lang = if is_staff_path(req.uri().path()) {
        lang_of(&req)
    } else {
        crate::lingue::family_lang(env, req.headers(), None).await
    };
    if let (Some((_, fields)), Some((kind, id))) =
        (&kept, crate::request_pages::decision_form(req.uri().path()))
    {
        return crate::request_pages::refused_decision(env, req, kind, id, e, fields).await;
    }
    if let (Some((_, fields)), Some((pupil, form))) = (&kept, child_form(req.uri().path())) {
        let problem = FormProblem {
            form,
            field: e.error.field.clone(),
            message: lang.error(&e.error),
            values: fields.pairs().to_vec(),
        };
        return child_page(env, req, Some(pupil), e.status, Vec::new(), Some(problem)).await;
    }
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
    let message = lang.error(&e.error);
    let status = e.status;
    let user = kept.map(|(u, _)| u);
    render(req, status, move || {
        view! {
            <FormErrorPage lang=lang user=user.clone() message=message.clone() back=back.clone()/>
        }
    })
    .await
}

/// A path of the school's side (its notices, its decisions on requests, its pages).
fn is_staff_path(path: &str) -> bool {
    [
        "/api/v1/schools/",
        "/api/v1/justifications/",
        "/api/v1/derogations/",
        "/scuola",
    ]
    .iter()
    .any(|p| path.starts_with(p))
}

/// The child's page a form posts from: `/api/v1/pupils/{id}/derogations` or
/// `/api/v1/pupils/{id}/justifications`.
fn child_form(path: &str) -> Option<(i64, ProblemForm)> {
    let rest = path.strip_prefix("/api/v1/pupils/")?;
    let (id, what) = rest.split_once('/')?;
    let form = match what {
        "derogations" => ProblemForm::Deroga,
        "justifications" => ProblemForm::Justify,
        _ => return None,
    };
    Some((id.parse().ok()?, form))
}

/// `GET /famiglia`: each child's dashboard.
pub async fn famiglia(env: SharedEnv, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        if a.guardian_of.is_empty() {
            return Ok((s, None));
        }
        let gathered = async {
            let f = family::family(&env, &s, &a, family::today(&env)?).await?;
            let mut children: Vec<ChildDashboard> =
                f.children.iter().map(child_dashboard).collect();
            domain::sort::sort_by(&mut children, |x, y| x.name.cmp(&y.name));
            let unread = f.notices.iter().filter(|n| !n.read).count();
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
        return no_role(&env, req, s).await;
    };
    let lang = crate::lingue::family_lang(&env, req.headers(), s.lang.as_deref()).await;
    let user = signed_in(&s);
    let updated = updated_now();
    in_lang(
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
        ),
        lang,
    )
}

/// `GET /famiglia/alunni/{id}`: one child's absences, justifications and derogations.
pub async fn alunno(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    let sent = query_pairs(req.uri().query())
        .into_iter()
        .find(|(k, _)| k == "giustificate")
        .map(|(_, v)| {
            v.split(',')
                .filter_map(|x| x.trim().parse().ok())
                .take(domain::family::MAX_JUSTIFIED_AT_ONCE)
                .collect()
        })
        .unwrap_or_default();
    child_page(&env, req, id_of(&id).ok(), StatusCode::OK, sent, None).await
}

/// A child's page, with `status`: the absences just justified (`sent`) confirmed, or a refused
/// form shown again (`problem`). Not a guardian of `id`: not found.
async fn child_page(
    env: &Env,
    req: Request,
    id: Option<i64>,
    status: StatusCode,
    sent: Vec<i64>,
    problem: Option<FormProblem>,
) -> Response {
    let found = SendFuture::new(async {
        let reads = match id {
            Some(id) => {
                db::register_reads(env, id).map_err(|e| ApiError::from(e).into_response())?
            }
            None => Reads::none(),
        };
        let (s, a, answers) = signed_in_access_with(env, &req, reads).await?;
        if !id.is_some_and(|id| a.is_guardian_of(id)) {
            return Ok((s, None));
        }
        let gathered = async {
            let p = child_position(&a, answers, family::today(env)?)?;
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
    let child = child_dashboard(&p);
    let absences: Vec<AbsenceItem> = p
        .absences
        .iter()
        .map(|a| AbsenceItem {
            id: a.absence.id,
            date: a.absence.date,
            kind: a.absence.kind,
            minutes: a.absence.minutes,
            justified: a.absence.justified,
            justification: a.absence.justification.as_ref().map(|j| j.status),
            refusal: a.absence.justification.as_ref().and_then(|j| j.refusal),
            effect: a.effect,
            can_justify: a.can_justify,
        })
        .collect();
    let deroghe: Vec<DerogaItem> = p
        .derogations
        .iter()
        .map(|d| DerogaItem {
            id: d.id,
            category: p.category_label(d.category.as_str()).to_owned(),
            from: d.from,
            to: d.to,
            status: d.status,
            council_date: d.council_date,
            refusal: d.refusal,
        })
        .collect();
    let categories: Vec<(String, String)> = p
        .categories
        .iter()
        .map(|c| (c.code.clone(), c.label.clone()))
        .collect();
    let lang = crate::lingue::family_lang(env, req.headers(), s.lang.as_deref()).await;
    let user = signed_in(&s);
    let updated = updated_now();
    in_lang(
        private(
            render(req, status, move || {
                view! {
                    <AlunnoPage
                        lang=lang
                        user=user.clone()
                        child=child.clone()
                        absences=absences.clone()
                        deroghe=deroghe.clone()
                        categories=categories.clone()
                        year=year
                        updated=updated.clone()
                        sent=sent.clone()
                        problem=problem.clone()
                    />
                }
            })
            .await,
        ),
        lang,
    )
}

fn notice_item(n: &Notice, kids: &[Kid]) -> NoticeItem {
    let for_names = n
        .pupils
        .iter()
        .filter_map(|p| kids.iter().find(|k| k.pupil_id == p.pupil_id))
        .map(|k| k.name.clone())
        .collect();
    let acknowledged = n.acknowledged_at().map(rome_it);
    NoticeItem {
        id: n.id,
        title: n.title.clone(),
        body: n.body.clone(),
        published: rome_it(n.published_at).0,
        read: n.read,
        requires_ack: n.requires_ack,
        for_names,
        acknowledged,
        withdrawn: n.withdrawn_at.map(|t| rome_it(t).0),
        reminded: n.reminded_at.map(|t| rome_it(t).0),
    }
}

/// `GET /famiglia/avvisi`: the school's notices (unread first) and the automatic ones.
pub async fn avvisi(env: SharedEnv, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        if a.guardian_of.is_empty() {
            return Ok((s, None));
        }
        let gathered = async {
            let f = family::family(&env, &s, &a, family::today(&env)?).await?;
            let mut auto = Vec::new();
            for p in f.children {
                let name = p.name.clone();
                auto.extend(p.dashboard.auto_notices.into_iter().map(|n| AutoItem {
                    name: name.clone(),
                    notice: n,
                }));
            }
            domain::sort::sort_by_key(&mut auto, |a| std::cmp::Reverse(a.notice.date()));
            let items: Vec<NoticeItem> =
                f.notices.iter().map(|n| notice_item(n, &f.kids)).collect();
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
        return no_role(&env, req, s).await;
    };
    let lang = crate::lingue::family_lang(&env, req.headers(), s.lang.as_deref()).await;
    let user = signed_in(&s);
    let updated = updated_now();
    in_lang(
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
        ),
        lang,
    )
}

/// `GET /famiglia/avvisi/{id}`: one notice; opening it marks it read.
pub async fn avviso(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let gathered = async {
            let Ok(id) = id_of(&id) else { return Ok(None) };
            let (kids, notices) = family_notices(&env, &s, &a).await?;
            let Some(n) = notices.into_iter().find(|n| n.id == id) else {
                return Ok(None);
            };
            if !n.read {
                db::mark_read(&env, n.id, &s.codice_fiscale, crate::auth::now()).await?;
            }
            Ok::<_, ApiError>(Some(notice_item(&n, &kids)))
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
    let lang = crate::lingue::family_lang(&env, req.headers(), s.lang.as_deref()).await;
    let user = signed_in(&s);
    in_lang(
        private(
            render(req, StatusCode::OK, move || {
                view! { <AvvisoPage lang=lang user=user.clone() notice=item.clone()/> }
            })
            .await,
        ),
        lang,
    )
}

/// The school's own grades, each with its classes and their pupils (the roll comes by class
/// and name), for the notice form: only what the school has can be chosen.
fn audience_choices(roll: &[(SchoolPupil, String)]) -> Vec<GradeChoice> {
    let mut grades: Vec<GradeChoice> = Vec::new();
    for (p, name) in roll {
        // A class the school has not sent (no grade) cannot be reached: not offered.
        let Some(grade) = p.grade else { continue };
        let g = match grades.iter().position(|g| g.grade == grade) {
            Some(i) => i,
            None => {
                grades.push(GradeChoice {
                    grade,
                    classes: Vec::new(),
                });
                grades.len() - 1
            }
        };
        let classes = &mut grades[g].classes;
        match classes.iter_mut().find(|c| c.code == p.class_code) {
            Some(c) => c.pupils.push((p.pupil_id, name.clone())),
            None => classes.push(ClassChoice {
                code: p.class_code.clone(),
                pupils: vec![(p.pupil_id, name.clone())],
            }),
        }
    }
    domain::sort::sort_by_key(&mut grades, |g| g.grade);
    grades
}

/// `GET /scuola/{id}/avvisi`: publish (office, head teacher) and the published notices.
pub async fn scuola_avvisi(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let Ok(school_id) = id_of(&school) else {
        return crate::pages::not_found(req).await;
    };
    avvisi_page(&env, req, school_id, None).await
}

/// `POST /scuola/{id}/avvisi`: the new notice's recipients checked before it is published —
/// the page again with what was typed and whom it reaches (then "Pubblica l'avviso" posts it
/// to the API), or why it cannot go. Nothing is written.
pub async fn scuola_avvisi_check(
    env: SharedEnv,
    Path(school): Path<String>,
    req: Request,
) -> Response {
    let Ok(school_id) = id_of(&school) else {
        return crate::pages::not_found(req).await;
    };
    let (parts, body) = req.into_parts();
    let page = Request::from_parts(parts.clone(), axum::body::Body::empty());
    let lang = lang_of(&page);
    let checked = SendFuture::new(async {
        let (_, a, f) = family::caller_with_fields(&env, Request::from_parts(parts, body)).await?;
        if !a.manages(school_id) {
            return Err(domain::FieldError::not_found().into());
        }
        let outcome = match family::checked_notice(&env, school_id, &f).await {
            Ok((draft, reach)) => CheckOutcome::Reaches {
                pupils: reach.pupils,
                audience: lang.family().audience(lang, &draft.audience),
            },
            Err(e) if e.status.is_client_error() => CheckOutcome::Problem {
                field: e.error.field.clone(),
                message: lang.error(&e.error),
            },
            Err(e) => return Err(e),
        };
        Ok::<_, ApiError>(NoticeCheck {
            values: f.pairs().to_vec(),
            outcome,
        })
    })
    .await;
    match checked {
        Ok(check) => avvisi_page(&env, page, school_id, Some(check)).await,
        Err(e) if e.status == StatusCode::NOT_FOUND => crate::pages::not_found(page).await,
        Err(e) => e.into_response(),
    }
}

/// The school's notices page, with the new notice's check when there is one.
async fn avvisi_page(
    env: &Arc<Env>,
    req: Request,
    school_id: i64,
    check: Option<NoticeCheck>,
) -> Response {
    let lang = lang_of(&req);
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(env, &req).await?;
        let gathered = family::notice_list(env, &a, school_id)
            .await
            .map_err(IntoResponse::into_response)?
            .map(|list| {
                let rows: Vec<NoticeRow> = list
                    .notices
                    .iter()
                    .map(|(n, summary)| NoticeRow {
                        id: n.id,
                        title: n.title.clone(),
                        published: rome_it(n.published_at).0,
                        requires_ack: n.requires_ack,
                        audience: lang.family().audience(lang, &n.audience),
                        recipients: summary.recipients,
                        acknowledged: summary.acknowledged,
                        percent: summary.percent,
                        withdrawn: n.withdrawn_at.map(|t| rome_it(t).0),
                        reminded: n.reminded_at.map(|t| rome_it(t).0),
                    })
                    .collect();
                let choices = audience_choices(&list.roll);
                (list.school, a.manages(school_id), rows, choices)
            });
        Ok::<_, Response>((s, gathered))
    })
    .await;
    let (s, page) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((school, manages, notices, choices)) = page else {
        return crate::pages::not_found(req).await;
    };
    let user = signed_in(&s);
    let status = match &check {
        Some(NoticeCheck {
            outcome: CheckOutcome::Problem { .. },
            ..
        }) => StatusCode::BAD_REQUEST,
        _ => StatusCode::OK,
    };
    private(
        render(req, status, move || {
            view! {
                <AvvisiScuolaPage
                    lang=lang
                    user=user.clone()
                    school_id=school_id
                    school=school.clone()
                    manages=manages
                    notices=notices.clone()
                    choices=choices.clone()
                    check=check.clone()
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
    let lang = lang_of(&req);
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let gathered = async {
            let (Ok(school_id), Ok(id)) = (id_of(&school), id_of(&notice)) else {
                return Ok(None);
            };
            // The same rule as `GET /api/v1/notices/{id}/acknowledgements`: the list is for the
            // office and the head teacher of the notice's school.
            let report = family::notice_report(&env, &a, id)
                .await?
                .filter(|r| r.notice.school_id == school_id);
            Ok::<_, ApiError>(report.map(|r| (school_id, r)))
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
        published: rome_it(r.notice.published_at).0,
        requires_ack: r.notice.requires_ack,
        audience: lang.family().audience(lang, &r.notice.audience),
        recipients: r.summary.recipients,
        acknowledged: r.summary.acknowledged,
        percent: r.summary.percent,
        withdrawn: r.notice.withdrawn_at.map(|t| rome_it(t).0),
        reminded: r.notice.reminded_at.map(|t| rome_it(t).0),
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
            when: p.acknowledged_at.map(date_time_it),
            by: p.acknowledged_by.clone(),
        })
        .collect();
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
