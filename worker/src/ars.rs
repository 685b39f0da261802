//! The school's ARS communications (issue 19 point 4, seed 000): `GET
//! /api/v1/schools/{id}/ars` (JSON or CSV), `POST /api/v1/pupils/{id}/ars` (a communication
//! marked as sent), the page `/scuola/{id}/ars` and the deadlines the school's home shows. Each
//! pupil's communications come from `domain::attendance::ars::needs`, over the registers of the
//! school (the Law 159 cases through the family dashboard's own `family::assess`).
//!
//! Who: the office and the head teacher (`Access::manages`), never a teacher (404, and no link).
//! The communications are the school's administrative acts in the regional register, which the
//! school reaches through its service agreement ("per il cui accesso è necessario sottoscrivere
//! un Accordo di Servizio", seed 000), with the pupil's personal data (FAQ 2: "i dati completi
//! dello studente minore"); a teacher follows their classes' attendance on the desk and the Law
//! 159 pages. A school whose region has no calendar loaded has no ARS section: 404 here too.

use crate::auth::handlers::{signed_in, signed_in_access};
use crate::db::ars as db;
use crate::db::family as fdb;
use crate::error::{json_response, path_id as id_of, query_pairs, ApiError};
use crate::family::{caller, change, csv_file, private, Done};
use crate::pages::{lang_of, render};
use crate::SharedEnv;
use app::pages::ars::ArsPage;
use axum::extract::{Path, RawQuery, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::api::types::{ArsDeadline, PupilArs, SchoolArs};
use domain::attendance::ars::{self, Communication, Listed, Sent};
use domain::family;
use domain::messages::Msg;
use domain::query::QueryParams;
use domain::session::Access;
use domain::FieldError;
use leptos::prelude::*;
use worker::send::SendFuture;
use worker::Env;

/// The school's ARS lists on the register's day; `None` when the person is not its office or
/// head teacher, or its region has no calendar.
pub(crate) async fn school_ars(
    env: &Env,
    a: &Access,
    school_id: i64,
) -> Result<Option<SchoolArs>, ApiError> {
    if !a.manages(school_id) {
        return Ok(None);
    }
    let data = db::school_data(env, school_id).await?;
    let Some(region) = data.region.clone() else {
        return Ok(None);
    };
    let today = crate::clock::today(env)?;
    let registers = fdb::school_registers(env, school_id, None).await?;
    let mut year = None;
    let mut pupils = Vec::new();
    for reg in registers {
        if let Some(c) = reg.child.as_ref() {
            year.get_or_insert(ars::school_year_start(&c.calendar));
        }
        if let Some((mut p, needs)) = family::ars_needs(reg, &data.calendar, today)? {
            if needs.is_empty() {
                continue;
            }
            if let Some((matricola, cf)) = data.pupils.get(&p.pupil_id) {
                p.matricola = matricola.clone();
                p.codice_fiscale = cf.clone();
            }
            pupils.push((p, needs));
        }
    }
    Ok(Some(ars::school_lists(
        today,
        &region,
        year.unwrap_or_else(|| domain::retention::school_year_of(today)),
        &data.calendar,
        &pupils,
        &data.sent,
    )))
}

/// What the school's home shows: the calendar's deadlines of the school year with the days
/// left; `None` for a teacher or a region without a calendar.
pub(crate) async fn home(
    env: &Env,
    a: &Access,
    school_id: i64,
) -> Result<Option<app::pages::area::ArsHome>, ApiError> {
    if !a.manages(school_id) {
        return Ok(None);
    }
    let cal = db::calendar(env, school_id).await?;
    if !cal.is_loaded() {
        return Ok(None);
    }
    let today = crate::clock::today(env)?;
    let school_year = domain::retention::school_year_of(today);
    Ok(Some(app::pages::area::ArsHome {
        school_year,
        deadlines: cal
            .for_school_year(school_year)
            .into_iter()
            .map(|(operation, by)| ArsDeadline {
                operation,
                by,
                days_left: by.signed_duration_since(today).num_days(),
            })
            .collect(),
    }))
}

/// The lists' filter (one communication) and whether the CSV file is wanted.
fn query_of(raw: Option<&str>) -> Result<(Option<Communication>, bool), FieldError> {
    let p = QueryParams::parse(query_pairs(raw), &["comunicazione", "format"])?;
    let csv = match p.get("format") {
        None | Some("json") => false,
        Some("csv") => true,
        Some(_) => {
            return Err(FieldError::invalid_says(
                "format",
                Msg::FormatJsonOrCsv,
                &[],
            ))
        }
    };
    let only = p
        .get("comunicazione")
        .map(|c| {
            Communication::from_code(c).ok_or_else(|| {
                FieldError::invalid_says("comunicazione", Msg::ArsCommunicationUnknown, &[])
            })
        })
        .transpose()?;
    Ok((only, csv))
}

/// `GET /api/v1/schools/{school_id}/ars?comunicazione=&format=`.
pub async fn list(
    env: SharedEnv,
    Path(school): Path<String>,
    RawQuery(q): RawQuery,
    req: Request,
) -> Response {
    SendFuture::new(async move {
        let school_id = id_of(&school)?;
        let (only, csv) = query_of(q.as_deref())?;
        let (_, a) = caller(&env, &req).await?;
        let mut s = school_ars(&env, &a, school_id)
            .await?
            .ok_or_else(FieldError::not_found)?;
        if let Some(c) = only {
            s.lists.retain(|l| l.communication == c);
        }
        Ok::<_, ApiError>(if csv {
            let lists: Vec<_> = s.lists.iter().collect();
            let name = match only {
                Some(c) => format!("ars-{}.csv", c.code()),
                None => "ars.csv".to_owned(),
            };
            csv_file(app::exports::ars_csv(&lists), &name)
        } else {
            private(json_response(StatusCode::OK, &s))
        })
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}

/// `POST /api/v1/pupils/{id}/ars` `{"communication","sent_on"}`: marks one communication Ponte
/// finds for the pupil as sent, once, with its audit entry.
pub async fn sent(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, f| async move {
        let id = id_of(&id)?;
        let reg = fdb::register(&env, id)
            .await?
            .filter(|r| a.manages(r.place.school_id) && r.child.is_some())
            .ok_or_else(FieldError::not_found)?;
        let school_id = reg.place.school_id;
        let data = db::school_data(&env, school_id).await?;
        if data.region.is_none() {
            return Err(FieldError::not_found().into());
        }
        let today = crate::clock::today(&env)?;
        let first = reg
            .child
            .as_ref()
            .map(|c| c.calendar.first_lesson_day())
            .ok_or_else(FieldError::not_found)?;
        let (communication, on) =
            ars::parse_sent(f.get("communication"), f.get("sent_on"), first, today)?;
        let (p, needs) =
            family::ars_needs(reg, &data.calendar, today)?.ok_or_else(FieldError::not_found)?;
        if !needs.iter().any(|n| n.communication == communication) {
            return Err(FieldError::conflict_says(Msg::ArsNotNeeded, &[]).into());
        }
        let already = |sent: &[(i64, Communication, Sent)]| {
            sent.iter()
                .any(|(pid, c, _)| *pid == id && *c == communication)
        };
        if already(&data.sent)
            || !db::mark_sent(
                &env,
                &db::Mark {
                    school_id,
                    pupil_id: id,
                    communication,
                    on,
                    by: &s.codice_fiscale,
                    now: crate::auth::now(),
                },
            )
            .await?
        {
            return Err(FieldError::conflict_says(Msg::ArsAlreadySent, &[]).into());
        }
        let ids = data.pupils.get(&id);
        let p = Listed {
            matricola: ids.map(|i| i.0.clone()).unwrap_or_default(),
            codice_fiscale: ids.and_then(|i| i.1.clone()),
            ..p
        };
        let items = needs
            .into_iter()
            .map(|n| {
                let sent = if n.communication == communication {
                    Some(Sent {
                        on,
                        by: s.codice_fiscale.clone(),
                        by_name: None,
                    })
                } else {
                    data.sent
                        .iter()
                        .find(|(pid, c, _)| *pid == id && *c == n.communication)
                        .map(|(_, _, x)| x.clone())
                };
                ars::item(&p, n, sent, today)
            })
            .collect();
        Ok(Done::new(
            StatusCode::OK,
            &PupilArs {
                pupil_id: id,
                as_of: today,
                items,
            },
            format!("/scuola/{school_id}/ars#{}", communication.code()),
        ))
    })
    .await
}

/// `GET /scuola/{id}/ars`.
pub async fn page(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let Ok(school_id) = id_of(&school) else {
        return crate::pages::not_found(req).await;
    };
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let ars = school_ars(&env, &a, school_id)
            .await
            .map_err(IntoResponse::into_response)?;
        let name = crate::db::school::school_name(&env, school_id)
            .await
            .map_err(|e| ApiError::from(e).into_response())?;
        Ok::<_, Response>((s, ars, name))
    })
    .await;
    let (s, ars, name) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some(ars) = ars else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let user = signed_in(&s);
    private(
        render(req, StatusCode::OK, move || {
            view! {
                <ArsPage
                    lang=lang
                    user=user.clone()
                    school_id=school_id
                    school=name.clone()
                    ars=ars.clone()
                />
            }
        })
        .await,
    )
}
