//! Schools use the results (docs/design.md §4, "Schools use the results"): each class's
//! shortlist of hosts, kept by the school's staff, and the CSV files of a search and of the
//! lists. Who may use a class's list is `domain::shortlist::usable_classes` over
//! `Access::scope`, for the API and the pages alike; out of reach answers 404.
//!
//! - `GET/POST /api/v1/schools/{id}/shortlists`, `POST …/shortlists/removal` (the API; the
//!   pages' forms post there too, and get a `303` back);
//! - `GET /scuola/{id}/liste` (the lists), `POST /enti/lista` (which list `/enti` adds to: a
//!   cookie, `domain::shortlist::Choice`), [`for_enti`] (what `/enti` shows staff);
//! - `GET /enti.csv?…` (any search, as CSV).

use crate::auth::{self, check_csrf, Session};
use crate::db::shortlists::{self as db, Actor, Addition};
use crate::db::{hosts, reference};
use crate::error::{path_id as id_of, query_pairs, ApiError};
use crate::family::{answer, caller, change, csv_file, Done};
use crate::pages::{lang_of, render};
use crate::SharedEnv;
use app::i18n::date_time_it;
use app::pages::enti_lista::{Lista, ListaCorrente, ListaScuola};
use app::pages::scuola_liste::ListePage;
use axum::body::Body;
use axum::extract::{Path, RawQuery, Request};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::hosts::HostSearch;
use domain::messages::Msg;
use domain::query::QueryParams;
use domain::session::{self, Access};
use domain::shortlist::{
    export_searches, search_csv, shortlist_csv, usable_classes, Choice, ExportHost,
    ShortlistChange, ShortlistForm, Shortlists, CHOICE_COOKIE, CHOICE_MAX_AGE_SECS,
};
use domain::FieldError;
use leptos::prelude::*;
use std::sync::Arc;
use worker::send::SendFuture;
use worker::Env;

/// The lists of `school_id` the person may use (only `class`'s, if given), or `None` when the
/// school is out of their reach (or `class` is not one of theirs).
pub(crate) async fn gather(
    env: &Env,
    a: &Access,
    school_id: i64,
    class: Option<&str>,
) -> Result<Option<Shortlists>, ApiError> {
    let Some(scope) = a.scope(school_id) else {
        return Ok(None);
    };
    let Some((name, roster)) = db::roster(env, school_id).await? else {
        return Ok(None);
    };
    let mut classes = usable_classes(&scope, &roster);
    if let Some(only) = class {
        if !classes.iter().any(|c| c == only) {
            return Ok(None);
        }
        classes = vec![only.to_owned()];
    }
    Ok(Some(db::lists(env, school_id, name, &classes).await?))
}

/// `class` and `format` of `GET …/shortlists`.
fn list_query(q: Option<&str>) -> Result<(Option<String>, bool), FieldError> {
    let p = QueryParams::parse(query_pairs(q), &["class", "format"])?;
    let class = p
        .get("class")
        .map(|c| {
            domain::import::ClassCode::parse(c).map_err(|mut e| {
                e.field = Some("class".to_owned());
                e
            })
        })
        .transpose()?
        .map(|c| c.as_str().to_owned());
    let csv = match p.get("format").unwrap_or("json") {
        "json" => false,
        "csv" => true,
        _ => {
            return Err(FieldError::invalid_says(
                "format",
                Msg::FormatJsonOrCsv,
                &[],
            ))
        }
    };
    Ok((class, csv))
}

/// `GET /api/v1/schools/{id}/shortlists[?class=3A][&format=csv]`.
pub async fn list(
    env: SharedEnv,
    Path(school): Path<String>,
    RawQuery(q): RawQuery,
    req: Request,
) -> Response {
    let r = SendFuture::new(async move {
        let (class, csv) = list_query(q.as_deref())?;
        let school_id = id_of(&school)?;
        let (_, a) = caller(&env, &req).await?;
        let lists = gather(&env, &a, school_id, class.as_deref())
            .await?
            .ok_or_else(FieldError::not_found)?;
        Ok::<_, ApiError>((csv, class, lists))
    })
    .await;
    match r {
        Ok((true, class, lists)) => {
            let name = match class {
                Some(c) => format!("lista-enti-{c}.csv"),
                None => "liste-enti.csv".to_owned(),
            };
            csv_file(shortlist_csv(&lists, date_time_it), &name)
        }
        Ok((false, _, lists)) => answer(Ok(lists)),
        Err(e) => e.into_response(),
    }
}

fn actor_name(s: &Session) -> String {
    format!("{} {}", s.given_name, s.family_name)
        .trim()
        .to_owned()
}

/// What a change to a class's list asks, once checked: the school, the class and host (a class
/// the person may use: otherwise 404, as for a school that is not theirs), and who asks.
fn asked(
    school: &str,
    s: &Session,
    a: &Access,
    f: &crate::family::Fields,
) -> Result<(i64, ShortlistForm, String), ApiError> {
    let school_id = id_of(school)?;
    let scope = a.scope(school_id).ok_or_else(FieldError::not_found)?;
    let form = ShortlistForm::parse(f.get("class"), f.get("host_id"))?;
    if !scope.covers(form.class.as_str()) {
        return Err(FieldError::not_found().into());
    }
    Ok((school_id, form, actor_name(s)))
}

/// Who makes a change, now.
fn actor<'a>(s: &'a Session, name: &'a str) -> Actor<'a> {
    Actor {
        codice_fiscale: &s.codice_fiscale,
        name,
        at: auth::now(),
    }
}

/// `POST /api/v1/schools/{id}/shortlists` `{"class","host_id"}`: adds a host (published) to a
/// class's list; twice is once.
pub async fn add(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, f| async move {
        let (school_id, form, name) = asked(&school, &s, &a, &f)?;
        let class = form.class.as_str();
        let by = actor(&s, &name);
        let status = match db::add(&env, school_id, class, form.host_id, &by).await? {
            Addition::New => StatusCode::CREATED,
            Addition::AlreadyListed => StatusCode::OK,
            Addition::NotFound => return Err(FieldError::not_found().into()),
        };
        Ok(Done::new(
            status,
            &ShortlistChange {
                school_id,
                class_code: class.to_owned(),
                host_id: form.host_id,
                listed: true,
                changed: status == StatusCode::CREATED,
            },
            format!("/scuola/{school_id}/liste#classe-{class}"),
        ))
    })
    .await
}

/// `POST /api/v1/schools/{id}/shortlists/removal` `{"class","host_id"}`: takes a host off a
/// class's list (also one no longer published); removing what is not there changes nothing.
pub async fn remove(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, f| async move {
        let (school_id, form, name) = asked(&school, &s, &a, &f)?;
        let class = form.class.as_str();
        let by = actor(&s, &name);
        let changed = db::remove(&env, school_id, class, form.host_id, &by).await?;
        Ok(Done::new(
            StatusCode::OK,
            &ShortlistChange {
                school_id,
                class_code: class.to_owned(),
                host_id: form.host_id,
                listed: false,
                changed,
            },
            format!("/scuola/{school_id}/liste#classe-{class}"),
        ))
    })
    .await
}

/// `GET /scuola/{id}/liste`: every class's list the person may use.
pub async fn page(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, a) = crate::auth::handlers::signed_in_access(&env, &req).await?;
        let Ok(school_id) = id_of(&school) else {
            return Ok((s, None));
        };
        let lists = gather(&env, &a, school_id, None)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, lists))
    })
    .await;
    let (s, lists) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some(lists) = lists else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let user = crate::auth::handlers::signed_in(&s);
    render(req, StatusCode::OK, move || {
        view! { <ListePage lang=lang user=user.clone() lists=lists.clone()/> }
    })
    .await
}

/// `POST /enti/lista` (`csrf`, `lista` = `{school}-{class}` or empty, `next`): which class's
/// list `/enti` adds to, kept in a cookie; then back to `next`. Only a class the person may use
/// now; the cookie is a preference, checked again at every request.
pub async fn choose(env: SharedEnv, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let page = Request::from_parts(parts.clone(), Body::empty());
    let shared = env.0.clone();
    let r = SendFuture::new(async move {
        let (s, a) = auth::require(&env, &parts.headers).await?;
        let bytes = axum::body::to_bytes(body, 16 * 1024)
            .await
            .map_err(|_| FieldError::payload_too_large(16 * 1024))?;
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
        check_csrf(
            &parts.method,
            &parts.uri,
            &parts.headers,
            &s,
            Some(get("csrf")),
        )?;
        let next = session::safe_next(get("next"));
        let next = if next.starts_with("/enti") || next.starts_with("/scuola/") {
            next.to_owned()
        } else {
            "/enti".to_owned()
        };
        let raw = get("lista");
        if raw.is_empty() {
            return Ok::<_, ApiError>((next, session::clear_cookie(CHOICE_COOKIE)));
        }
        let choice = Choice::parse(raw)
            .ok_or_else(|| FieldError::invalid_says("lista", Msg::ClassCodeChars, &[]))?;
        let usable = gather(&env, &a, choice.school_id, Some(choice.class.as_str()))
            .await?
            .is_some();
        if !usable {
            return Err(FieldError::not_found().into());
        }
        Ok((
            next,
            session::cookie(CHOICE_COOKIE, &choice.value(), CHOICE_MAX_AGE_SECS),
        ))
    })
    .await;
    match r {
        Ok((next, cookie)) => Response::builder()
            .status(StatusCode::SEE_OTHER)
            .header(header::LOCATION, next)
            .header(header::SET_COOKIE, cookie)
            .header(header::CACHE_CONTROL, "no-store")
            .body(Body::empty())
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response()),
        Err(e) => crate::family_pages::form_error(&shared, page, e, None).await,
    }
}

/// What `/enti` shows a signed-in member of staff: the classes whose lists they may use at
/// each of their schools, and the list chosen in the cookie, if it is still one of them.
/// `None` for anyone else (no session, a guardian, staff with no class), without a read when
/// there is no session cookie.
pub(crate) async fn for_enti(
    env: &Env,
    headers: &HeaderMap,
    signed_in: Option<&(Session, Access)>,
    back: String,
) -> Result<Option<Arc<Lista>>, ApiError> {
    let Some((s, a)) = signed_in else {
        return Ok(None);
    };
    let ids = a.staff_schools();
    if ids.is_empty() {
        return Ok(None);
    }
    let chosen = auth::cookie(headers, CHOICE_COOKIE).and_then(Choice::parse);
    let staff = db::staff(
        env,
        &ids,
        chosen.as_ref().map(|c| (c.school_id, c.class.as_str())),
    )
    .await?;
    let schools: Vec<ListaScuola> = staff
        .schools
        .iter()
        .filter_map(|(id, name)| {
            let scope = a.scope(*id)?;
            let roster: Vec<String> = staff
                .rosters
                .iter()
                .filter(|(school, _)| school == id)
                .map(|(_, c)| c.clone())
                .collect();
            let classes = usable_classes(&scope, &roster);
            (!classes.is_empty()).then(|| ListaScuola {
                school_id: *id,
                name: name.clone(),
                classes,
            })
        })
        .collect();
    if schools.is_empty() {
        return Ok(None);
    }
    let current = chosen.and_then(|c| {
        let school = schools.iter().find(|s| s.school_id == c.school_id)?;
        school
            .classes
            .iter()
            .any(|k| k == c.class.as_str())
            .then(|| ListaCorrente {
                school_id: c.school_id,
                school: school.name.clone(),
                class: c.class.as_str().to_owned(),
                listed: staff.listed.clone(),
            })
    });
    Ok(Some(Arc::new(Lista {
        csrf: s.csrf.clone(),
        schools,
        current,
        back,
    })))
}

/// Where `/enti`'s forms come back to: this page of results, when its address is short enough
/// to be a `next` (`domain::session::safe_next`), else the search page.
pub(crate) fn back_of(req: &Request) -> String {
    let here = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    // Room for the `#lista-{id}` a card's form adds.
    if here.len() <= 170 && session::safe_next(&here) == here {
        here
    } else {
        "/enti".to_owned()
    }
}

/// `GET /enti.csv?…`: the search of the same filters as `/enti`, from the first result, at
/// most `domain::shortlist::EXPORT_MAX_ROWS` rows, as a CSV file with the hosts' contacts.
pub async fn search(env: SharedEnv, RawQuery(q): RawQuery, req: Request) -> Response {
    let origin = auth::own_origin(req.uri());
    let r = SendFuture::new(async move {
        let s = HostSearch::from_pairs(query_pairs(q.as_deref()))?;
        let mut items = Vec::new();
        for chunk in export_searches(&s) {
            let page = hosts::search(&env, &chunk).await?;
            let full = page.items.len() as u32 == chunk.per_page;
            items.extend(page.items);
            if !full {
                break;
            }
        }
        let ids: Vec<u64> = items.iter().map(|h| h.id).collect();
        let mut codes: Vec<String> = items
            .iter()
            .flat_map(|h| h.figures.iter().cloned())
            .collect();
        domain::sort::sort(&mut codes);
        codes.dedup();
        let (contacts, titles) = db::export_details(&env, &ids, &codes).await?;
        let mut contacts: std::collections::HashMap<u64, _> = contacts.into_iter().collect();
        let choices = reference::choices(&env).await?;
        let rows: Vec<ExportHost> = items
            .into_iter()
            .map(|h| ExportHost {
                region_name: choices
                    .regions
                    .iter()
                    .find(|r| r.code == h.region)
                    .map(|r| r.name.clone())
                    .unwrap_or_else(|| h.region.clone()),
                figures: titles
                    .iter()
                    .filter(|f| h.figures.contains(&f.code))
                    .cloned()
                    .collect(),
                contacts: contacts.remove(&h.id),
                summary: h,
            })
            .collect();
        Ok::<_, ApiError>(rows)
    })
    .await;
    match r {
        Ok(rows) => {
            let mut r = csv_file(search_csv(&rows, &origin), "enti.csv");
            // Public data: any cache may keep it like the search page.
            r.headers_mut().insert(
                header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-cache"),
            );
            r
        }
        Err(e) => e.into_response(),
    }
}
