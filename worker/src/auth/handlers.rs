//! The sign-in routes and the signed-in areas: `/accedi`, `/accedi/{provider}`,
//! `/accedi/{provider}/ritorno`, `/esci`, `/area`, `/scuola`, and `GET /api/v1/me`.

use super::oidc::{self, Identity};
use super::{check_csrf, cookie, current, current_with, own_origin, require, Session};
use crate::db::school;
use crate::db::{Answers, Reads};
use crate::error::{json_response, query_pairs, ApiError};
use crate::pages::{lang_of, render};
use crate::SharedEnv;
use app::layout::SignedIn;
use app::pages::area::{
    AccediPage, ClassRoll, DueLine, ImportRow, ImportazioniPage, LoginFailedPage, NoRolePage,
    ProviderChoice, SchoolCard, SchoolList, SchoolRole, ScuolaPage,
};
use app::pages::not_found::NotFoundPage;
use axum::body::Body;
use axum::extract::{Path, RawQuery, Request};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::api::types::Me;
use domain::session::{self, Access, PupilPlace};
use leptos::prelude::*;
use worker::send::SendFuture;
use worker::Env;

/// A `303 See Other` to `location`, setting `cookies`.
fn see_other(location: &str, cookies: &[String]) -> Response {
    let mut r = Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, location)
        .header(header::CACHE_CONTROL, "no-store");
    for c in cookies {
        r = r.header(header::SET_COOKIE, c);
    }
    r.body(Body::empty())
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

fn next_of(q: Option<&str>) -> String {
    query_pairs(q)
        .into_iter()
        .find(|(k, _)| k == "next")
        .map(|(_, v)| session::safe_next(&v).to_owned())
        .unwrap_or_else(|| "/area".to_owned())
}

pub(crate) fn signed_in(s: &Session) -> SignedIn {
    SignedIn {
        name: format!("{} {}", s.given_name, s.family_name)
            .trim()
            .to_owned(),
        csrf: s.csrf.clone(),
    }
}

/// `GET /accedi?next=/famiglia`
pub async fn accedi(env: SharedEnv, RawQuery(q): RawQuery, req: Request) -> Response {
    // The families' way in: in the family's language (the menu is on the page).
    let lang = crate::lingue::family_lang(&env, req.headers(), None).await;
    let next = next_of(q.as_deref());
    let providers: Vec<ProviderChoice> = oidc::configured(&env)
        .into_iter()
        .map(|p| ProviderChoice {
            id: p.id.to_owned(),
            label: p.label.to_owned(),
        })
        .collect();
    render(req, StatusCode::OK, move || {
        view! { <AccediPage lang=lang providers=providers.clone() next=next.clone()/> }
    })
    .await
}

fn redirect_uri(req: &Request, provider: &str) -> String {
    format!("{}/accedi/{provider}/ritorno", own_origin(req.uri()))
}

async fn failed(req: Request, status: StatusCode, message: &str) -> Response {
    let lang = lang_of(&req);
    let message = message.to_owned();
    let mut r = render(req, status, move || {
        view! { <LoginFailedPage lang=lang message=message.clone()/> }
    })
    .await;
    if let Ok(v) = HeaderValue::from_str(&session::clear_cookie(session::LOGIN_COOKIE)) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

/// `GET /accedi/{provider}?next=…`: off to the identity provider.
pub async fn login_start(
    env: SharedEnv,
    Path(provider): Path<String>,
    RawQuery(q): RawQuery,
    req: Request,
) -> Response {
    let Some(p) = oidc::find(&env, &provider) else {
        return failed(
            req,
            StatusCode::NOT_FOUND,
            "Questo servizio di accesso non è disponibile.",
        )
        .await;
    };
    let next = next_of(q.as_deref());
    let uri = redirect_uri(&req, p.id);
    let started = SendFuture::new(async move { oidc::start(&env, &p, &uri, &next).await }).await;
    match started {
        Ok((location, state)) => see_other(
            &location,
            &[session::cookie(
                session::LOGIN_COOKIE,
                &state,
                session::LOGIN_TTL_SECS,
            )],
        ),
        Err(e) => {
            worker::console_error!("sign-in start: {}", e.code);
            failed(req, StatusCode::BAD_GATEWAY, e.message).await
        }
    }
}

/// `GET /accedi/{provider}/ritorno?code=…&state=…&iss=…`: back from the provider.
pub async fn login_callback(
    env: SharedEnv,
    Path(provider): Path<String>,
    RawQuery(q): RawQuery,
    req: Request,
) -> Response {
    let Some(p) = oidc::find(&env, &provider) else {
        return failed(
            req,
            StatusCode::NOT_FOUND,
            "Questo servizio di accesso non è disponibile.",
        )
        .await;
    };
    let uri = redirect_uri(&req, p.id);
    let state = cookie(req.headers(), session::LOGIN_COOKIE).map(str::to_owned);
    let previous = cookie(req.headers(), session::SESSION_COOKIE).map(str::to_owned);
    let query = q.unwrap_or_default();
    let done = SendFuture::new(async move {
        let who: Identity = oidc::finish(&env, &p, &uri, &query, state.as_deref()).await?;
        let token = oidc::create_session(&env, &who, p.id, previous.as_deref()).await?;
        Ok::<_, oidc::LoginError>((who.next, token))
    })
    .await;
    match done {
        Ok((next, token)) => see_other(
            &next,
            &[
                session::cookie(session::SESSION_COOKIE, &token, session::ABSOLUTE_SECS),
                session::clear_cookie(session::LOGIN_COOKIE),
            ],
        ),
        Err(e) => {
            worker::console_log!("sign-in refused: {}", e.code);
            failed(req, StatusCode::BAD_REQUEST, e.message).await
        }
    }
}

/// Body of a small form POST as pairs (at most 8 KB).
async fn form_pairs(req: Request) -> Vec<(String, String)> {
    match axum::body::to_bytes(req.into_body(), 8 * 1024).await {
        Ok(bytes) => form_urlencoded::parse(&bytes)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// `POST /esci` (form field `csrf`, or header `X-CSRF-Token`): the session ends now.
pub async fn logout(env: SharedEnv, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let pairs = form_pairs(Request::from_parts(parts.clone(), body)).await;
    let form_token = pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.clone());
    let ended = SendFuture::new(async move {
        let Some((s, _)) = current(&env, &parts.headers).await? else {
            return Ok(());
        };
        check_csrf(
            &parts.method,
            &parts.uri,
            &parts.headers,
            &s,
            form_token.as_deref(),
        )?;
        oidc::end_session(&env, &s.id_hash).await
    })
    .await;
    match ended {
        Ok(()) => {
            let mut r = see_other("/", &[session::clear_cookie(session::SESSION_COOKIE)]);
            // The phone keeps no copy of a family's pages after sign-out (the service worker's
            // cache and storage go too).
            r.headers_mut().insert(
                HeaderName::from_static("clear-site-data"),
                HeaderValue::from_static("\"cache\", \"storage\""),
            );
            r
        }
        Err(e) => e.into_response(),
    }
}

/// The signed-in person and what the school's data grants them, or where to go instead.
pub(crate) async fn signed_in_access(
    env: &Env,
    req: &Request,
) -> Result<(Session, Access), Response> {
    signed_in_access_with(env, req, Reads::none())
        .await
        .map(|(s, a, _)| (s, a))
}

/// [`signed_in_access`], with the page's own `reads` answered in the same round trip.
pub(crate) async fn signed_in_access_with(
    env: &Env,
    req: &Request,
    reads: Reads,
) -> Result<(Session, Access, Answers), Response> {
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/area".to_owned());
    let found = current_with(env, req.headers(), reads).await;
    match found {
        Ok(Some(found)) => Ok(found),
        Ok(None) => {
            let next: String = form_urlencoded::byte_serialize(path.as_bytes()).collect();
            Err(see_other(&format!("/accedi?next={next}"), &[]))
        }
        Err(e) => Err(e.into_response()),
    }
}

/// How many schools a no-role page lists at most (a search narrows them).
const NO_ROLE_SCHOOLS: u32 = 30;

/// A signed-in person whom no school has registered (403): the schools that use Ponte, found by
/// the `scuola` parameter (name or comune), with their office's contacts and how fresh their
/// register is.
pub(crate) async fn no_role(env: &SharedEnv, req: Request, s: Session) -> Response {
    let query: String = req
        .uri()
        .query()
        .and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "scuola")
                .map(|(_, v)| v.trim().chars().take(80).collect())
        })
        .unwrap_or_default();
    let found = SendFuture::new(school::school_directory(env, &query, NO_ROLE_SCHOOLS + 1)).await;
    let mut rows = match found {
        Ok(rows) => rows,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let today = match crate::clock::today(env) {
        Ok(today) => today,
        Err(e) => return e.into_response(),
    };
    let more = rows.len() > NO_ROLE_SCHOOLS as usize;
    rows.truncate(NO_ROLE_SCHOOLS as usize);
    let schools = rows
        .into_iter()
        .map(|r| {
            let rhythm = domain::import::Rhythm::of(&r.imports, today);
            SchoolCard {
                name: r.name,
                place: r.comune.map(|c| match r.province {
                    Some(p) => format!("{c} ({p})"),
                    None => c,
                }),
                office_email: r.office_email,
                office_phone: r.office_phone,
                last_on: rhythm.last_on,
                usual_days: rhythm.usual_days,
            }
        })
        .collect();
    let list = SchoolList {
        query,
        schools,
        more,
    };
    let lang = crate::lingue::family_lang(env, req.headers(), s.lang.as_deref()).await;
    let user = signed_in(&s);
    let cf = s.codice_fiscale.clone();
    render(req, StatusCode::FORBIDDEN, move || {
        view! {
            <NoRolePage lang=lang user=user.clone() codice_fiscale=cf.clone() list=list.clone()/>
        }
    })
    .await
}

/// `GET /area`: where the person belongs.
pub async fn area(env: SharedEnv, req: Request) -> Response {
    let found = SendFuture::new(async { signed_in_access(&env, &req).await }).await;
    let (s, a) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    match a.home() {
        Some(home) => see_other(home, &[]),
        // A Ponte operator has no school role: their place is the review queue.
        None if crate::review::operators(&env).includes(&s.codice_fiscale) => {
            see_other("/operatore", &[])
        }
        None => no_role(&env, req, s).await,
    }
}

/// `GET /scuola`
pub async fn scuola(env: SharedEnv, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let schools = school::schools(&env, &a.staff_schools())
            .await
            .map_err(IntoResponse::into_response)?;
        // A teacher's classes (their reach, `Access::scope`), with their pupils.
        let mine: Vec<(i64, String)> = a
            .staff_schools()
            .into_iter()
            .filter_map(|id| a.scope(id).map(|sc| (id, sc)))
            .flat_map(|(id, sc)| {
                sc.classes()
                    .map(|cs| cs.iter().map(|c| (id, c.clone())).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
            .collect();
        let pupils = school::class_pupils(&env, &mine)
            .await
            .map_err(IntoResponse::into_response)?;
        // The Law 159/2023 deadlines of each school, as far as the person reaches.
        let mut due = Vec::new();
        for id in a.staff_schools() {
            if let Some(c) = crate::law159::school_cases(&env, &a, id)
                .await
                .map_err(IntoResponse::into_response)?
            {
                due.push((id, crate::law159::due(c)));
            }
        }
        // The ARS deadlines (seed 000) of the schools whose region has a calendar.
        let mut ars = Vec::new();
        for id in a.staff_schools() {
            if let Some(h) = crate::ars::home(&env, &a, id)
                .await
                .map_err(IntoResponse::into_response)?
            {
                ars.push((id, h));
            }
        }
        Ok::<_, Response>((s, a, schools, mine, pupils, due, ars))
    })
    .await;
    let (s, a, schools, mine, pupils, due, ars) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    if a.staff.is_empty() {
        return no_role(&env, req, s).await;
    }
    let roles: Vec<SchoolRole> = a
        .staff
        .iter()
        .filter_map(|g| {
            let school = schools.iter().find(|x| x.id == g.school_id)?;
            let manages = a.manages(g.school_id);
            // Each class of this appointment with the pupils the person may read in it.
            let classes: Vec<ClassRoll> = g
                .classes
                .iter()
                .filter(|c| mine.iter().any(|(id, m)| *id == g.school_id && m == *c))
                .map(|c| ClassRoll {
                    code: c.clone(),
                    pupils: pupils
                        .iter()
                        .filter(|p| p.school_id as i64 == g.school_id && &p.class_code == c)
                        .filter(|p| {
                            a.can_read_pupil(PupilPlace {
                                pupil_id: p.id as i64,
                                school_id: g.school_id,
                                class: &p.class_code,
                            })
                        })
                        .map(|p| format!("{} {}", p.surname, p.name))
                        .collect(),
                })
                .collect();
            let pupils = if manages {
                school.pupils
            } else {
                classes.iter().map(|c| c.pupils.len() as u32).sum()
            };
            let lines =
                |which: fn(&crate::law159::Due) -> &Vec<domain::api::types::SchoolLaw159Pupil>| {
                    due.iter()
                        .filter(|(id, _)| *id == g.school_id)
                        .flat_map(|(_, d)| which(d).iter())
                        .filter_map(|p| {
                            Some(DueLine {
                                pupil_id: p.pupil_id,
                                name: format!("{} {}", p.surname, p.name),
                                class_code: p.class_code.clone(),
                                deadline: p.next?,
                            })
                        })
                        .collect::<Vec<_>>()
                };
            Some(SchoolRole {
                law159_overdue: lines(|d| &d.overdue),
                law159_soon: lines(|d| &d.soon),
                ars: ars
                    .iter()
                    .find(|(id, _)| *id == g.school_id)
                    .map(|(_, h)| h.clone()),
                school_id: g.school_id,
                school: school.name.clone(),
                role: g.role.as_str(),
                classes,
                pupils,
                manages,
            })
        })
        .collect();
    let lang = lang_of(&req);
    let user = signed_in(&s);
    render(req, StatusCode::OK, move || {
        view! { <ScuolaPage lang=lang user=user.clone() roles=roles.clone()/> }
    })
    .await
}

/// `GET /api/v1/me`: who is signed in, their roles, and the CSRF token for their requests.
pub async fn me(env: SharedEnv, req: Request) -> Response {
    SendFuture::new(async move {
        let (s, a) = require(&env, req.headers()).await?;
        Ok::<_, ApiError>(Me {
            codice_fiscale: s.codice_fiscale,
            given_name: s.given_name,
            family_name: s.family_name,
            csrf_token: s.csrf,
            guardian_of: a.guardian_of.iter().map(|g| g.pupil_id).collect(),
            staff: a.staff,
        })
    })
    .await
    .map(|me| json_response(StatusCode::OK, &me))
    .unwrap_or_else(|e| {
        let mut r = e.into_response();
        r.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        r
    })
}

/// `GET /scuola/{school_id}/importazioni`: the office's import page (404 for anyone else).
pub async fn importazioni(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let Some(school_id) = school.parse::<i64>().ok().filter(|&id| a.manages(id)) else {
            return Ok((s, None));
        };
        let gathered = async {
            let name = school::school_name(&env, school_id).await?;
            let history = school::imports_of(&env, school_id).await?;
            Ok::<_, ApiError>((name, history))
        }
        .await
        .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, Some((school_id, gathered))))
    })
    .await;
    let (s, page) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let lang = lang_of(&req);
    let Some((school_id, (school, history))) = page else {
        return render(req, StatusCode::NOT_FOUND, move || {
            view! { <NotFoundPage lang=lang/> }
        })
        .await;
    };
    let history: Vec<ImportRow> = history
        .into_iter()
        .map(|i| ImportRow {
            when: app::i18n::date_time_it(i.created_at),
            kind: i.kind.as_str().to_owned(),
            file_name: i.file_name,
            rows: i.rows,
            status: i.status.as_str().to_owned(),
        })
        .collect();
    let user = signed_in(&s);
    render(req, StatusCode::OK, move || {
        view! {
            <ImportazioniPage
                lang=lang
                user=user.clone()
                school_id=school_id
                school=school.clone()
                history=history.clone()
            />
        }
    })
    .await
}
