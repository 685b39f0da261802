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
use app::pages::scrutinio::ScrutinioPage;
use axum::extract::{Path, RawQuery, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use domain::api::types::SchoolAttendance;
use domain::family::{self, Desk, DeskQuery, DeskRow, Scrutiny, ScrutinyQuery};
use domain::query::QueryParams;
use domain::session::Access;
use domain::FieldError;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use worker::send::SendFuture;
use worker::Env;

/// The desks computed last, in this worker instance, newest first: reading and assessing the
/// registers of a 1,000-pupil school takes about 300 ms, and the office reloads its desk far
/// more often than the registers change. An entry is found again only under the same
/// [`DeskKey`]: the same school, the same classes, the same day, and the same version of the
/// registers (`db::school_registers_version`, read on every request), so a kept desk is always
/// the one the registers would give now. Kept in memory only: nothing is stored anywhere.
struct DeskCache(Vec<(DeskKey, Rc<Desk>)>);

#[derive(PartialEq)]
struct DeskKey {
    school_id: i64,
    classes: Option<Vec<String>>,
    as_of: NaiveDate,
    version: String,
}

impl DeskCache {
    /// At most this many desks (about 250 KB each for 1,000 pupils).
    const KEPT: usize = 8;

    fn get(&mut self, key: &DeskKey) -> Option<Rc<Desk>> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        let entry = self.0.remove(at);
        let desk = Rc::clone(&entry.1);
        self.0.insert(0, entry);
        Some(desk)
    }

    fn put(&mut self, key: DeskKey, desk: Rc<Desk>) {
        // A school's older versions and days are never asked for again.
        self.0
            .retain(|(k, _)| k.school_id != key.school_id || k.classes != key.classes);
        self.0.insert(0, (key, desk));
        self.0.truncate(Self::KEPT);
    }
}

thread_local! {
    static DESKS: RefCell<DeskCache> = const { RefCell::new(DeskCache(Vec::new())) };
}

/// Every line the person may see at `school_id` on the register's day, with the classes and
/// grades they are in; `None` if the person is not staff there. One D1 round trip when the
/// registers have not changed since the same desk was last computed here, else three.
pub(crate) async fn desk(
    env: &Env,
    a: &Access,
    school_id: i64,
) -> Result<Option<Rc<Desk>>, ApiError> {
    let Some(scope) = a.scope(school_id) else {
        return Ok(None);
    };
    let key = DeskKey {
        school_id,
        classes: scope.classes().map(<[String]>::to_vec),
        as_of: crate::clock::today(env)?,
        version: db::school_registers_version(env, school_id).await?,
    };
    if let Some(kept) = DESKS.with(|d| d.borrow_mut().get(&key)) {
        return Ok(Some(kept));
    }
    let registers = db::school_registers(env, school_id, scope.classes()).await?;
    let mut rows = Vec::with_capacity(registers.len());
    for reg in registers {
        // A pupil of a class the school has not sent yet has no figures (as for the family).
        let Some(grade) = reg.child.as_ref().map(|c| c.grade) else {
            continue;
        };
        rows.push(DeskRow::of(&family::assess(reg, key.as_of)?, grade));
    }
    let desk = Rc::new(Desk::of(key.as_of, rows));
    DESKS.with(|d| d.borrow_mut().put(key, Rc::clone(&desk)));
    Ok(Some(desk))
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
        let rows = query.apply(&d.rows);
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
        // What the page shows, out of the kept desk (which stays in this worker's memory).
        let shown = d.map(|d| {
            let rows = query.apply(&d.rows);
            (d.as_of, d.classes.clone(), d.grades.clone(), rows)
        });
        Ok::<_, Response>((s, query, shown))
    })
    .await;
    let (s, query, d) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((as_of, classes, grades, rows)) = d else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let user = signed_in(&s);
    let csv = match q.as_deref().filter(|q| !q.is_empty()) {
        Some(q) => format!("/api/v1/schools/{school_id}/attendance?{q}&format=csv"),
        None => format!("/api/v1/schools/{school_id}/attendance?format=csv"),
    };
    private(
        render(req, StatusCode::OK, move || {
            view! {
                <FrequenzaPage
                    lang=lang
                    user=user.clone()
                    school_id=school_id
                    as_of=as_of
                    classes=classes.clone()
                    grades=grades.clone()
                    query=query.clone()
                    rows=rows.clone()
                    csv=csv.clone()
                />
            }
        })
        .await,
    )
}

/// The list for `class`'s final scrutiny on `on` (`Scrutiny::assess`: the class's last lesson
/// day by default).
async fn scrutiny(
    env: &Env,
    school_id: i64,
    class: &str,
    on: Option<NaiveDate>,
) -> Result<Scrutiny, ApiError> {
    let registers = db::school_registers(env, school_id, Some(&[class.to_owned()])).await?;
    Ok(Scrutiny::assess(
        class,
        on,
        registers,
        crate::clock::today(env)?,
    )?)
}

/// `GET /scuola/{id}/scrutinio?classe=&data=`: the list for a class's final scrutiny (issue 19
/// point 3), for the classes the person may see (a teacher: their own).
pub async fn scrutinio(
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
        let query = ScrutinyQuery::parse(query_pairs(q.as_deref()))
            .map_err(|e| ApiError::from(e).into_response())?;
        let Some(d) = desk(&env, &a, school_id)
            .await
            .map_err(IntoResponse::into_response)?
        else {
            return Ok((s, query, None));
        };
        let classes = d.classes.clone();
        let list = match &query.class {
            Some(c) if classes.contains(c) => Some(
                scrutiny(&env, school_id, c, query.on)
                    .await
                    .map_err(IntoResponse::into_response)?,
            ),
            _ => None,
        };
        Ok::<_, Response>((s, query, Some((classes, list))))
    })
    .await;
    let (s, query, shown) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((classes, list)) = shown else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let user = signed_in(&s);
    let class_sent = query.class.clone().unwrap_or_default();
    private(
        render(req, StatusCode::OK, move || {
            view! {
                <ScrutinioPage
                    lang=lang
                    user=user.clone()
                    school_id=school_id
                    classes=classes.clone()
                    class_sent=class_sent.clone()
                    date_sent=query.on
                    list=list.clone()
                />
            }
        })
        .await,
    )
}
