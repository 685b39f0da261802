//! The school's attendance desk (issue 19 point 1): `GET /api/v1/schools/{id}/attendance`
//! (JSON or CSV) and the page `/scuola/{id}/frequenza`. Each pupil's line is made from the
//! same `domain::family::assess` the family's dashboard is (`DeskRow::of`), over the registers
//! of the pupils the person may see (`Access::scope`: a teacher their classes).

use crate::auth::handlers::{signed_in, signed_in_access};
use crate::db::family as db;
use crate::error::{json_response, path_id as id_of, query_pairs, ApiError};
use crate::family::{caller, csv_file, private};
use crate::pages::{lang_of, render};
use crate::SharedEnv;
use app::pages::frequenza::FrequenzaPage;
use axum::extract::{Path, RawQuery, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use domain::api::types::SchoolAttendance;
use domain::attendance::SchoolGrade;
use domain::family::{self, DeskQuery, DeskRow};
use domain::query::QueryParams;
use domain::session::Access;
use domain::FieldError;
use leptos::prelude::*;
use worker::send::SendFuture;
use worker::Env;

/// Every line the person may see at `school_id` on the register's day, with the classes and
/// grades they are in; `None` if the person is not staff there.
pub(crate) struct Desk {
    pub as_of: NaiveDate,
    pub rows: Vec<DeskRow>,
    pub classes: Vec<String>,
    pub grades: Vec<SchoolGrade>,
}

pub(crate) async fn desk(env: &Env, a: &Access, school_id: i64) -> Result<Option<Desk>, ApiError> {
    let Some(scope) = a.scope(school_id) else {
        return Ok(None);
    };
    let today = crate::clock::today(env)?;
    let registers = db::school_registers(env, school_id, scope.classes()).await?;
    let mut rows = Vec::with_capacity(registers.len());
    let (mut classes, mut grades) = (Vec::new(), Vec::new());
    for reg in registers {
        // A pupil of a class the school has not sent yet has no figures (as for the family).
        let Some(grade) = reg.child.as_ref().map(|c| c.grade) else {
            continue;
        };
        let p = family::assess(reg, today)?;
        if !classes.contains(&p.class_code) {
            classes.push(p.class_code.clone());
        }
        if !grades.contains(&grade) {
            grades.push(grade);
        }
        rows.push(DeskRow::of(&p, grade));
    }
    domain::sort::sort(&mut classes);
    domain::sort::sort_by_key(&mut grades, |g| {
        SchoolGrade::ALL.iter().position(|x| x == g)
    });
    Ok(Some(Desk {
        as_of: today,
        rows,
        classes,
        grades,
    }))
}

/// The desk's filters, and whether the CSV file is wanted.
fn query_of(raw: Option<&str>) -> Result<(DeskQuery, bool), FieldError> {
    let p = QueryParams::parse(query_pairs(raw), &DeskQuery::PARAMS)?;
    let csv = match p.get("format") {
        None | Some("json") => false,
        Some("csv") => true,
        Some(_) => {
            return Err(FieldError::invalid_says(
                "format",
                domain::messages::Msg::FormatJsonOrCsv,
                &[],
            ))
        }
    };
    Ok((DeskQuery::of(&p)?, csv))
}

/// `GET /api/v1/schools/{id}/attendance?classe=&ordine=&stato=&ordina=&format=`.
pub async fn attendance(
    env: SharedEnv,
    Path(school): Path<String>,
    RawQuery(q): RawQuery,
    req: Request,
) -> Response {
    SendFuture::new(async move {
        let school_id = id_of(&school)?;
        let (query, csv) = query_of(q.as_deref())?;
        let (_, a) = caller(&env, &req).await?;
        let d = desk(&env, &a, school_id)
            .await?
            .ok_or_else(FieldError::not_found)?;
        let rows = query.apply(d.rows);
        Ok::<_, ApiError>(if csv {
            csv_file(app::exports::desk_csv(&rows), "frequenza.csv")
        } else {
            private(json_response(
                StatusCode::OK,
                &SchoolAttendance {
                    as_of: d.as_of,
                    items: rows,
                },
            ))
        })
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}

/// `GET /scuola/{id}/frequenza?classe=&ordine=&stato=&ordina=`: the desk's page.
pub async fn frequenza(
    env: SharedEnv,
    Path(school): Path<String>,
    RawQuery(q): RawQuery,
    req: Request,
) -> Response {
    let Ok(school_id) = id_of(&school) else {
        return crate::pages::not_found(req).await;
    };
    let found = SendFuture::new(async {
        let (s, a) = signed_in_access(&env, &req).await?;
        let (query, _) = query_of(q.as_deref()).map_err(|e| ApiError::from(e).into_response())?;
        let d = desk(&env, &a, school_id)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, query, d))
    })
    .await;
    let (s, query, d) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some(d) = d else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let user = signed_in(&s);
    let csv = match q.as_deref().filter(|q| !q.is_empty()) {
        Some(q) => format!("/api/v1/schools/{school_id}/attendance?{q}&format=csv"),
        None => format!("/api/v1/schools/{school_id}/attendance?format=csv"),
    };
    let rows = query.apply(d.rows);
    private(
        render(req, StatusCode::OK, move || {
            view! {
                <FrequenzaPage
                    lang=lang
                    user=user.clone()
                    school_id=school_id
                    as_of=d.as_of
                    classes=d.classes.clone()
                    grades=d.grades.clone()
                    query=query.clone()
                    rows=rows.clone()
                    csv=csv.clone()
                />
            }
        })
        .await,
    )
}
