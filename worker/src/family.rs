//! The family portal's API and the school's side of it (DESIGN.md §2, §3): each child's
//! dashboard, justifications, derogation requests, notices with acknowledgement, the family's
//! export; staff publish notices and decide requests. Every handler finds the object, then asks
//! `domain::session::Access`; out of reach answers 404. State-changing requests take JSON (the
//! API) or a form (the pages, which then get a `303` back to `next`).

use crate::auth::{self, access, check_csrf, require, Session};
use crate::db::family::{self as db, Absence, DerogaOut, Kid, Notice, RequestKind};
use crate::error::{json_response, path_id as id_of, query_pairs, ApiError};
use crate::SharedEnv;
use axum::body::Body;
use axum::extract::{Path, RawQuery, Request};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use chrono::NaiveDate;
use domain::attendance::AbsenceKind;
use domain::family::{
    self, AckSummary, Audience, Dashboard, Decision, DerogaRequest, Effect, FamilyFacts,
    JustificationReason, NoticeDraft, Recipient, RequestStatus,
};
use domain::query::QueryParams;
use domain::session::{Access, PupilPlace};
use domain::FieldError;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;
use worker::send::SendFuture;
use worker::Env;

/// The day the rules are applied on: the `PONTE_TODAY` variable when set (the demo data is a
/// past school year, so `cargo xtask dev` and the tests fix a day inside it), else today (UTC).
pub fn today(env: &Env) -> NaiveDate {
    env.var("PONTE_TODAY")
        .ok()
        .and_then(|v| NaiveDate::parse_from_str(&v.to_string(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| {
            chrono::DateTime::from_timestamp(auth::now(), 0)
                .map(|d| d.date_naive())
                .unwrap_or_default()
        })
}

/// A request's fields: a form (`application/x-www-form-urlencoded`) or a JSON object.
pub(crate) struct Fields {
    pub form: bool,
    map: BTreeMap<String, String>,
}

impl Fields {
    pub fn get(&self, k: &str) -> &str {
        self.map.get(k).map(String::as_str).unwrap_or("")
    }

    pub fn flag(&self, k: &str) -> bool {
        matches!(self.get(k), "true" | "on" | "1" | "si" | "sì")
    }
}

async fn fields(headers: &HeaderMap, body: Body) -> Result<Fields, ApiError> {
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .map_err(|_| FieldError::payload_too_large(64 * 1024))?;
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let map = if form {
        form_urlencoded::parse(&bytes)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    } else if bytes.is_empty() {
        BTreeMap::new()
    } else {
        let v: Map<String, Value> = serde_json::from_slice(&bytes).map_err(|e| {
            FieldError::invalid(
                "body",
                format!("Il corpo della richiesta non è un oggetto JSON valido: {e}."),
            )
        })?;
        v.into_iter()
            .map(|(k, v)| {
                let s = match v {
                    Value::String(s) => s,
                    Value::Bool(b) => b.to_string(),
                    Value::Number(n) => n.to_string(),
                    Value::Null => String::new(),
                    other => other.to_string(),
                };
                (k, s)
            })
            .collect()
    };
    Ok(Fields { form, map })
}

/// The signed-in person, their access and the request's fields, CSRF checked (the form's
/// `csrf` field or the `X-CSRF-Token` header).
async fn caller_with_fields(
    env: &Env,
    req: Request,
) -> Result<(Session, Access, Fields), ApiError> {
    let (parts, body) = req.into_parts();
    let s = require(env, &parts.headers).await?;
    let f = fields(&parts.headers, body).await?;
    let token = f.form.then(|| f.get("csrf").to_owned());
    check_csrf(
        &parts.method,
        &parts.uri,
        &parts.headers,
        &s,
        token.as_deref(),
    )?;
    let a = access(env, &s.codice_fiscale).await?;
    Ok((s, a, f))
}

async fn caller(env: &Env, req: &Request) -> Result<(Session, Access), ApiError> {
    let s = require(env, req.headers()).await?;
    let a = access(env, &s.codice_fiscale).await?;
    Ok((s, a))
}

/// What a state-changing handler did: its JSON answer, and the page a form goes back to (unless
/// the form names its own `next`).
pub(crate) struct Done {
    status: StatusCode,
    body: Value,
    back: String,
}

impl Done {
    fn new(status: StatusCode, body: Value, back: String) -> Self {
        Done { status, body, back }
    }
}

/// Runs a state-changing handler: the session, the fields (JSON or form) and the CSRF check,
/// then `body`. The API gets JSON (errors in the error shape); a page's form gets a `303` back,
/// or a page with the reason.
async fn change<F, Fut>(env: SharedEnv, req: Request, body: F) -> Response
where
    F: FnOnce(Arc<Env>, Session, Access, Fields) -> Fut,
    Fut: std::future::Future<Output = Result<Done, ApiError>>,
{
    let (parts, raw) = req.into_parts();
    let page = Request::from_parts(parts.clone(), Body::empty());
    let Extension(env) = env;
    let r = SendFuture::new(async move {
        let req = Request::from_parts(parts, raw);
        let (s, a, f) = caller_with_fields(&env, req)
            .await
            .map_err(|e| (false, e))?;
        let (form, next) = (f.form, f.get("next").to_owned());
        match body(env, s, a, f).await {
            Ok(done) => Ok((form, next, done)),
            Err(e) => Err((form, e)),
        }
    })
    .await;
    match r {
        Ok((false, _, done)) => json_response(done.status, &done.body),
        Ok((true, next, done)) => {
            let to = if next.is_empty() {
                done.back
            } else {
                domain::session::safe_next(&next).to_owned()
            };
            Response::builder()
                .status(StatusCode::SEE_OTHER)
                .header(header::LOCATION, to)
                .header(header::CACHE_CONTROL, "no-store")
                .body(Body::empty())
                .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
        Err((true, e)) => crate::family_pages::form_error(page, e).await,
        Err((false, e)) => e.into_response(),
    }
}

/// A JSON answer with personal data, or the error.
fn answer<T: Serialize>(r: Result<T, ApiError>) -> Response {
    match r {
        Ok(v) => private(json_response(StatusCode::OK, &v)),
        Err(e) => e.into_response(),
    }
}

/// `format=json|csv` (json when absent): true for CSV.
fn csv_wanted(q: Option<&str>) -> Result<bool, FieldError> {
    let p = QueryParams::parse(query_pairs(q), &["format"])?;
    match p.get("format").unwrap_or("json") {
        "json" => Ok(false),
        "csv" => Ok(true),
        _ => Err(FieldError::invalid(
            "format",
            "Il formato deve essere json o csv.",
        )),
    }
}

/// One absence with what it does to the count.
#[derive(Debug, Clone, Serialize)]
pub struct AbsenceView {
    #[serde(flatten)]
    pub absence: Absence,
    pub effect: Option<Effect>,
    /// The derogation request whose dates hold it (pending or approved).
    pub deroga_id: Option<i64>,
    /// The family may still justify it.
    pub can_justify: bool,
}

/// A child's dashboard, absences and derogation requests.
#[derive(Debug, Clone, Serialize)]
pub struct ChildPosition {
    pub pupil_id: i64,
    pub name: String,
    pub surname: String,
    pub class_code: String,
    pub school: String,
    pub first_lesson_day: NaiveDate,
    pub last_lesson_day: NaiveDate,
    pub dashboard: Dashboard,
    pub absences: Vec<AbsenceView>,
    pub derogations: Vec<DerogaOut>,
    /// The school's derogation categories.
    pub categories: Vec<Category>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Category {
    pub code: String,
    pub label: String,
}

/// Everything about pupil `id` on `today`, if the caller may read it (404 otherwise): one round
/// trip for the register, then the domain engine with the school's policy.
pub(crate) async fn position(
    env: &Env,
    a: &Access,
    id: i64,
    today: NaiveDate,
) -> Result<ChildPosition, ApiError> {
    let reg = db::register(env, id)
        .await?
        .ok_or_else(FieldError::not_found)?;
    let (pupil_id, school_id, class) = reg.row.place();
    if !a.can_read_pupil(PupilPlace {
        pupil_id,
        school_id,
        class,
    }) {
        return Err(FieldError::not_found().into());
    }
    let db::Register {
        row,
        absences,
        derogations,
        unacknowledged,
    } = reg;
    let c = row.child()?;
    let deroghe: Vec<_> = derogations.iter().filter_map(DerogaOut::deroga).collect();
    let visible: Vec<Absence> = absences
        .into_iter()
        .filter(|a| a.event.is_some_and(|e| e.date() <= today))
        .collect();
    let events: Vec<_> = visible.iter().filter_map(|a| a.event).collect();
    let linked = family::link_deroghe(events.clone(), &deroghe);
    let mut views = Vec::with_capacity(visible.len());
    let mut to_justify = 0;
    for (a, e) in visible.into_iter().zip(linked.iter()) {
        let d = e
            .deroga()
            .and_then(|id| deroghe.iter().find(|d| d.id() == id));
        let effect = family::effect(&c.policy, e, d.map(|d| d.status()));
        let sent = a
            .justification
            .as_ref()
            .and_then(|j| RequestStatus::from_code(&j.status));
        let can_justify = family::justifiable(e.kind(), a.justified, e.date(), today, sent).is_ok();
        to_justify += u32::from(can_justify);
        views.push(AbsenceView {
            absence: a,
            effect: Some(effect),
            deroga_id: d.map(|d| i64::from(d.id().0)),
            can_justify,
        });
    }
    let facts = FamilyFacts {
        to_justify,
        to_acknowledge: unacknowledged
            .iter()
            .filter(|aud| {
                aud.reaches(Recipient {
                    pupil_id: c.id,
                    grade: c.grade,
                    class: &c.class_code,
                })
            })
            .count() as u32,
        pending_requests: derogations
            .iter()
            .filter(|d| d.status == RequestStatus::Pending.as_str())
            .count() as u32,
    };
    let dashboard = family::position(
        &c.policy,
        &c.calendar,
        &c.pupil,
        events,
        &deroghe,
        facts,
        today,
    );
    let categories = c
        .policy
        .deroga_categories()
        .iter()
        .map(|k| Category {
            code: k.code.as_str().to_owned(),
            label: k.label.clone(),
        })
        .collect();
    Ok(ChildPosition {
        pupil_id: c.id,
        name: c.name,
        surname: c.surname,
        class_code: c.class_code,
        school: c.school,
        first_lesson_day: c.calendar.first_lesson_day(),
        last_lesson_day: c.calendar.last_lesson_day(),
        dashboard,
        absences: views,
        derogations,
        categories,
    })
}

/// The guardian's children and the notices reaching them (empty for staff).
pub(crate) async fn family_notices(
    env: &Env,
    s: &Session,
    a: &Access,
) -> Result<(Vec<Kid>, Vec<Notice>), ApiError> {
    if a.guardian_of.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let kids = db::kids(env, &s.codice_fiscale).await?;
    let notices = db::notices_for(env, &s.codice_fiscale, &kids).await?;
    Ok((kids, notices))
}

/// `GET /api/v1/pupils/{id}/attendance`: the dashboard, absences and derogation requests.
pub async fn attendance(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let id = id_of(&id)?;
        let (_, a) = caller(&env, &req).await?;
        position(&env, &a, id, today(&env)).await
    })
    .await;
    answer(r)
}

/// Personal data: never stored by a shared cache.
pub(crate) fn private(mut r: Response) -> Response {
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("private, no-store"),
    );
    r
}

/// `POST /api/v1/absences/{id}/justification` `{"reason"}`: a guardian justifies an absence.
pub async fn justify(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, f| async move {
        let id = id_of(&id)?;
        let abs = db::absence(&env, id)
            .await?
            .filter(|x| a.is_guardian_of(x.pupil_id as i64))
            .ok_or_else(FieldError::not_found)?;
        let reason = JustificationReason::parse(f.get("reason"))?;
        let kind = AbsenceKind::from_code(&abs.kind)
            .ok_or_else(|| ApiError::internal("absence kind", &abs.kind))?;
        let date = NaiveDate::parse_from_str(&abs.date, "%Y-%m-%d")
            .map_err(|e| ApiError::internal("absence date", e))?;
        family::justifiable(
            kind,
            abs.justified != 0.0,
            date,
            today(&env),
            abs.j_status.as_deref().and_then(RequestStatus::from_code),
        )?;
        let jid = db::justify(&env, &abs, reason, &s.codice_fiscale, auth::now()).await?;
        Ok(Done::new(
            StatusCode::CREATED,
            json!({"id": jid, "absence_id": id, "reason": reason, "status": "pending"}),
            format!("/famiglia/alunni/{}", abs.pupil_id as i64),
        ))
    })
    .await
}

/// `POST /api/v1/pupils/{id}/derogations` `{"category","from","to"}`: a guardian asks for a
/// derogation; the documents go to the school office.
pub async fn request_deroga(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, a, f| async move {
        let id = id_of(&id)?;
        if !a.is_guardian_of(id) {
            return Err(FieldError::not_found().into());
        }
        let c = db::child(&env, id)
            .await?
            .ok_or_else(FieldError::not_found)?;
        let r = DerogaRequest::parse(
            &c.policy,
            &c.calendar,
            f.get("category"),
            f.get("from"),
            f.get("to"),
        )?;
        let did =
            db::request_deroga(&env, c.school_id, c.id, &r, &s.codice_fiscale, auth::now()).await?;
        Ok(Done::new(
            StatusCode::CREATED,
            json!({"id": did, "pupil_id": id, "category": r.category().as_str(),
                   "from": r.period().from(), "to": r.period().to(), "status": "pending"}),
            format!("/famiglia/alunni/{id}"),
        ))
    })
    .await
}

/// `POST /api/v1/justifications/{id}/decision` and `/api/v1/derogations/{id}/decision`
/// `{"decision":"approve"|"refuse"}`: the class's teachers, the office and the head teacher.
async fn decide(env: SharedEnv, kind: RequestKind, id: String, req: Request) -> Response {
    change(env, req, |env, s, a, f| async move {
        let id = id_of(&id)?;
        let r = db::request(&env, kind, id)
            .await?
            .filter(|r| {
                a.staff.iter().any(|g| {
                    g.school_id == r.school_id as i64
                        && (g.role.manages_school() || g.classes.contains(&r.class_code))
                })
            })
            .ok_or_else(FieldError::not_found)?;
        let decision = Decision::parse(f.get("decision"))?;
        let status = db::decide(&env, kind, &r, decision, &s.codice_fiscale, auth::now()).await?;
        Ok(Done::new(
            StatusCode::OK,
            json!({"id": id, "status": status}),
            format!("/scuola/{}/richieste", r.school_id as i64),
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

pub async fn decide_derogation(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    decide(env, RequestKind::Derogation, id, req).await
}

/// The caller's staff grant at `school_id`: `Some(None)` for the office and head teacher (every
/// class), `Some(Some(classes))` for a teacher, `None` for nobody.
pub(crate) fn staff_scope(a: &Access, school_id: i64) -> Option<Option<Vec<String>>> {
    let grants: Vec<_> = a
        .staff
        .iter()
        .filter(|g| g.school_id == school_id)
        .collect();
    if grants.is_empty() {
        None
    } else if grants.iter().any(|g| g.role.manages_school()) {
        Some(None)
    } else {
        Some(Some(
            grants
                .iter()
                .flat_map(|g| g.classes.iter().cloned())
                .collect(),
        ))
    }
}

/// `GET /api/v1/schools/{id}/requests`: pending justifications and derogation requests the
/// caller decides.
pub async fn pending(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let school_id = id_of(&school)?;
        let (_, a) = caller(&env, &req).await?;
        let scope = staff_scope(&a, school_id).ok_or_else(FieldError::not_found)?;
        let items = db::pending_requests(&env, school_id, scope.as_deref()).await?;
        Ok::<_, ApiError>(json!({ "items": items }))
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
        // The form has a select for the grade, and one text field for classes or pupils.
        let value = match (f.get("audience"), f.get("grade")) {
            ("grade", g) if !g.is_empty() => g,
            _ => f.get("audience_value"),
        };
        let audience = Audience::parse(f.get("audience"), value)?;
        let draft = NoticeDraft::parse(
            f.get("title"),
            f.get("body"),
            audience,
            f.flag("requires_ack"),
        )?;
        let id = db::publish(&env, school_id, &draft, &s.codice_fiscale, auth::now()).await?;
        Ok(Done::new(
            StatusCode::CREATED,
            json!({"id": id}),
            format!("/scuola/{school_id}/avvisi/{id}"),
        ))
    })
    .await
}

/// A notice with its acknowledgement figures, for the office.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeReport {
    #[serde(flatten)]
    pub notice: Notice,
    pub summary: AckSummary,
    pub pupils: Vec<db::AckListRow>,
}

pub(crate) async fn notice_report(env: &Env, n: Notice) -> Result<NoticeReport, ApiError> {
    let pupils = db::ack_list(env, &n).await?;
    let rows: Vec<_> = pupils.iter().map(db::AckListRow::ack_row).collect();
    Ok(NoticeReport {
        summary: AckSummary::from_rows(&rows),
        notice: n,
        pupils,
    })
}

/// `GET /api/v1/schools/{id}/notices`: the school's notices with acknowledgement counts (staff
/// of the school).
pub async fn school_notices(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let school_id = id_of(&school)?;
        let (_, a) = caller(&env, &req).await?;
        staff_scope(&a, school_id).ok_or_else(FieldError::not_found)?;
        let notices = db::notices_of(&env, &[school_id]).await?;
        let mut items = Vec::with_capacity(notices.len());
        for n in notices {
            let r = notice_report(&env, n).await?;
            items.push(json!({"notice": r.notice, "summary": r.summary}));
        }
        Ok::<_, ApiError>(json!({ "items": items }))
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
        let n = db::notice(&env, id)
            .await?
            .filter(|n| a.manages(n.school_id))
            .ok_or_else(FieldError::not_found)?;
        let r = notice_report(&env, n).await?;
        Ok::<_, ApiError>((csv, r))
    })
    .await;
    match r {
        Ok((false, r)) => private(json_response(StatusCode::OK, &r)),
        Ok((true, r)) => {
            let mut out = String::from("\u{feff}");
            out.push_str(&family::csv_row(&[
                "classe",
                "alunno",
                "presa_visione",
                "data_ora_utc",
                "da",
            ]));
            for p in &r.pupils {
                out.push_str(&family::csv_row(&[
                    p.class_code.as_str(),
                    p.pupil.as_str(),
                    if p.acknowledged_at.is_some() {
                        "sì"
                    } else {
                        "no"
                    },
                    &p.acknowledged_at.map(utc).unwrap_or_default(),
                    p.acknowledged_by.as_deref().unwrap_or(""),
                ]));
            }
            csv_file(out, &format!("prese-visione-avviso-{}.csv", r.notice.id))
        }
        Err(e) => e.into_response(),
    }
}

/// `YYYY-MM-DD HH:MM` UTC of a timestamp.
pub(crate) fn utc(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

fn csv_file(body: String, name: &str) -> Response {
    private(
        Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, "text/csv; charset=utf-8")
            .header(
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            )
            .body(Body::from(body))
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    )
}

/// `GET /api/v1/notices`: the notices reaching the guardian's children, unread first.
pub async fn my_notices(env: SharedEnv, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let (s, a) = caller(&env, &req).await?;
        let (_, notices) = family_notices(&env, &s, &a).await?;
        Ok::<_, ApiError>(json!({ "items": notices }))
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
        if !n.requires_ack {
            return Err(FieldError::conflict("Questo avviso non chiede la presa visione.").into());
        }
        let open: Vec<i64> = n
            .pupils
            .iter()
            .filter(|p| p.acknowledged_at.is_none())
            .map(|p| p.pupil_id)
            .collect();
        if open.is_empty() {
            return Err(FieldError::conflict(
                "La presa visione di questo avviso è già registrata.",
            )
            .into());
        }
        let now = auth::now();
        db::acknowledge(&env, &n, &open, &s.codice_fiscale, now).await?;
        Ok(Done::new(
            StatusCode::CREATED,
            json!({"notice_id": id, "pupils": open, "acknowledged_at": now}),
            format!("/famiglia/avvisi/{id}"),
        ))
    })
    .await
}

/// `GET /api/v1/me/export?format=json|csv`: everything Ponte holds about the guardian and their
/// children (seed 001, portability).
pub async fn export(env: SharedEnv, RawQuery(q): RawQuery, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let csv = csv_wanted(q.as_deref())?;
        let (s, a) = caller(&env, &req).await?;
        if a.guardian_of.is_empty() {
            return Err(FieldError::not_found().into());
        }
        let (_, notices) = family_notices(&env, &s, &a).await?;
        let today = today(&env);
        let mut children = Vec::new();
        for g in &a.guardian_of {
            children.push(position(&env, &a, g.pupil_id, today).await?);
        }
        Ok::<_, ApiError>((csv, s, children, notices))
    })
    .await;
    let (csv, s, children, notices) = match r {
        Ok(x) => x,
        Err(e) => return e.into_response(),
    };
    if !csv {
        let body = json!({
            "generated_at": utc(auth::now()),
            "guardian": {"codice_fiscale": s.codice_fiscale, "given_name": s.given_name,
                         "family_name": s.family_name},
            "children": children,
            "notices": notices,
        });
        let mut r = json_response(StatusCode::OK, &body);
        r.headers_mut().insert(
            header::CONTENT_DISPOSITION,
            axum::http::HeaderValue::from_static("attachment; filename=\"ponte-dati.json\""),
        );
        return private(r);
    }
    // One table: each row a record, the first cell saying which.
    let mut out = String::from("\u{feff}");
    out.push_str(&family::csv_row(&[
        "tipo",
        "alunno",
        "data",
        "voce",
        "ore_minuti",
        "stato",
        "dettaglio",
    ]));
    out.push_str(&family::csv_row(&[
        "genitore",
        &format!("{} {}", s.given_name, s.family_name),
        "",
        "codice_fiscale",
        "",
        "",
        &s.codice_fiscale,
    ]));
    for c in &children {
        let who = format!("{} {} ({})", c.name, c.surname, c.class_code);
        let d = &c.dashboard;
        for (k, v) in [
            ("monte_ore_annuale", d.annual_hours.to_string()),
            ("massimo_ore_assenza", d.max_absence_hours.to_string()),
            (
                "minuti_assenza_conteggiati",
                d.counted_absence_minutes.to_string(),
            ),
            ("minuti_residui", d.remaining_minutes.to_string()),
            ("giorni_residui", d.remaining_days.to_string()),
            ("minuti_in_deroga", d.derogated_minutes.to_string()),
        ] {
            out.push_str(&family::csv_row(&[
                "situazione",
                &who,
                &d.as_of.to_string(),
                k,
                &v,
                "",
                "",
            ]));
        }
        for a in &c.absences {
            let j = a.absence.justification.as_ref();
            out.push_str(&family::csv_row(&[
                "assenza",
                &who,
                &a.absence.date,
                &a.absence.kind,
                &a.absence.minutes.map(|m| m.to_string()).unwrap_or_default(),
                if a.absence.justified {
                    "giustificata"
                } else {
                    "da giustificare"
                },
                &j.map(|j| format!("{} ({})", j.reason, j.status))
                    .unwrap_or_default(),
            ]));
        }
        for r in &c.derogations {
            out.push_str(&family::csv_row(&[
                "deroga",
                &who,
                &format!("{} / {}", r.from, r.to),
                &r.category,
                "",
                &r.status,
                "",
            ]));
        }
    }
    for n in &notices {
        let acks = n
            .pupils
            .iter()
            .filter_map(|p| p.acknowledged_at.map(utc))
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&family::csv_row(&[
            "avviso",
            "",
            &utc(n.published_at),
            &n.title,
            "",
            if n.read { "letto" } else { "non letto" },
            &acks,
        ]));
    }
    csv_file(out, "ponte-dati.csv")
}
