//! Justifications and derogation requests in D1: sent by a family, decided once by the school,
//! listed for the staff who decide them.

use super::decisions::{decisions_statement, page_of, DecisionFilter};
use super::notices::{SchoolDb, SCHOOL_SQL};
use super::register::policy_of;
use super::{broken, database, date, whole, IdRow};
use crate::db::first;
use crate::db::Counted;
use crate::db::{int, text, Answers, Error};
use domain::abuse::{deroga_admissible, SentDeroga, MAX_PENDING_DEROGATIONS};
use domain::api::types::{DecisionRecord, PendingRequest, RequestKind};
use domain::attendance::Policy;
use domain::family::{DerogaRequest, JustificationReason, RequestStatus};
use domain::messages::Msg;
use domain::FieldError;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::Env;

/// The absence `id` with its pupil and school (what it is and whether it can be justified is
/// the pupil's register's to say: `domain::family::to_justify`).
#[derive(Debug, Clone)]
pub struct AbsenceRef {
    pub id: i64,
    pub pupil_id: i64,
    pub school_id: i64,
}

#[derive(Deserialize)]
struct AbsenceRefDb {
    id: f64,
    pupil_id: f64,
    school_id: f64,
}

pub async fn absence(env: &Env, id: i64) -> Result<Option<AbsenceRef>, Error> {
    let row: Option<AbsenceRefDb> = first(
        "absence",
        database(env)?
            .prepare("SELECT a.id, a.pupil_id, a.school_id FROM absences a WHERE a.id = ?1")
            .bind(&[int(id as f64)])?,
    )
    .await?;
    row.map(|r| {
        Ok(AbsenceRef {
            id: whole("absence id", r.id)?,
            pupil_id: whole("pupil id", r.pupil_id)?,
            school_id: whole("school id", r.school_id)?,
        })
    })
    .transpose()
}

/// Records a guardian's justification (a refused one may be sent again): its id, or `None`
/// when one pending or approved was there already (sent meanwhile: nothing is written).
pub async fn justify(
    env: &Env,
    a: &AbsenceRef,
    reason: JustificationReason,
    by: &str,
    now: i64,
) -> Result<Option<i64>, Error> {
    let row: Option<IdRow> = database(env)?
        .prepare(
            "INSERT INTO justifications (school_id, pupil_id, absence_id, reason, status, \
             requested_by, requested_at) VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6) \
             ON CONFLICT (absence_id) DO UPDATE SET reason = excluded.reason, status = 'pending', \
             requested_by = excluded.requested_by, requested_at = excluded.requested_at, \
             decided_by = NULL, decided_at = NULL, decision_id = NULL WHERE justifications.status = 'refused' \
             RETURNING id",
        )
        .bind(&[
            int(a.school_id as f64),
            int(a.pupil_id as f64),
            int(a.id as f64),
            text(reason.as_str()),
            text(by),
            int(now as f64),
        ])?
        .first(None)
        .counted()
        .await?;
    row.map(|r| whole("justification id", r.id)).transpose()
}

/// Records a guardian's justifications of several absences of pupil `pupil_id` at `school_id`
/// with one reason, in one batch (one transaction): the ids of the absences now pending, with
/// their justification's id. The caller has checked every absence may be justified; one a
/// second guardian justified in between keeps that justification and is left out.
pub async fn justify_many(
    env: &Env,
    school_id: i64,
    pupil_id: i64,
    absences: &[i64],
    reason: JustificationReason,
    by: &str,
    now: i64,
) -> Result<Vec<(i64, i64)>, Error> {
    let db = database(env)?;
    let statements = absences
        .iter()
        .map(|id| {
            db.prepare(
                "INSERT INTO justifications (school_id, pupil_id, absence_id, reason, status, \
                 requested_by, requested_at) SELECT ?1, ?2, a.id, ?4, 'pending', ?5, ?6 \
                 FROM absences a WHERE a.id = ?3 AND a.pupil_id = ?2 AND a.school_id = ?1 \
                 ON CONFLICT (absence_id) DO UPDATE SET reason = excluded.reason, \
                 status = 'pending', requested_by = excluded.requested_by, \
                 requested_at = excluded.requested_at, decided_by = NULL, decided_at = NULL, decision_id = NULL \
                 WHERE justifications.status = 'refused' RETURNING id, absence_id",
            )
            .bind(&[
                int(school_id as f64),
                int(pupil_id as f64),
                int(*id as f64),
                text(reason.as_str()),
                text(by),
                int(now as f64),
            ])
        })
        .collect::<Result<Vec<_>, _>>()?;
    let results = db.batch(statements).counted().await?;
    let mut sent = Vec::new();
    for r in &results {
        for row in crate::db::rows::<SentIdDb>("justifications", r)? {
            sent.push((
                whole("absence id", row.absence_id)?,
                whole("justification id", row.id)?,
            ));
        }
    }
    Ok(sent)
}

#[derive(Deserialize)]
struct SentIdDb {
    id: f64,
    absence_id: f64,
}

#[derive(Deserialize)]
struct SentDb {
    category: String,
    date_from: String,
    date_to: String,
    status: String,
}

/// Records a guardian's derogation request: its id, or why it is refused (409) — the same
/// category and period already sent, or [`domain::abuse::MAX_PENDING_DEROGATIONS`] waiting for
/// the school (`domain::abuse::deroga_admissible`). The insert repeats both conditions, so two
/// requests sent at once cannot both pass.
pub async fn request_deroga(
    env: &Env,
    school_id: i64,
    pupil_id: i64,
    r: &DerogaRequest,
    by: &str,
    now: i64,
) -> Result<Result<i64, FieldError>, Error> {
    let db = database(env)?;
    let sent: Vec<SentDb> = crate::db::all(
        "derogation requests sent",
        db.prepare(
            "SELECT category, date_from, date_to, status FROM derogation_requests \
             WHERE pupil_id = ?1",
        )
        .bind(&[int(pupil_id as f64)])?,
    )
    .await?;
    let sent = sent
        .iter()
        .map(|s| {
            Ok(SentDeroga {
                category: &s.category,
                from: date("derogation from", &s.date_from)?,
                to: date("derogation to", &s.date_to)?,
                status: RequestStatus::from_code(&s.status)
                    .ok_or_else(|| broken("status", &s.status))?,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let (category, from, to) = (r.category().as_str(), r.period().from(), r.period().to());
    if let Err(e) = deroga_admissible(&sent, category, from, to) {
        return Ok(Err(e));
    }
    let row: Option<IdRow> = db
        .prepare(
            "INSERT INTO derogation_requests (school_id, pupil_id, category, date_from, date_to, \
             status, requested_by, requested_at) \
             SELECT ?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?7 \
             WHERE NOT EXISTS (SELECT 1 FROM derogation_requests WHERE pupil_id = ?2 \
             AND category = ?3 AND date_from = ?4 AND date_to = ?5 AND status != 'refused') \
             AND (SELECT count(*) FROM derogation_requests WHERE pupil_id = ?2 \
             AND status = 'pending') < ?8 \
             RETURNING id",
        )
        .bind(&[
            int(school_id as f64),
            int(pupil_id as f64),
            text(category),
            text(&from.to_string()),
            text(&to.to_string()),
            text(by),
            int(now as f64),
            int(MAX_PENDING_DEROGATIONS as f64),
        ])?
        .first(None)
        .counted()
        .await?;
    match row {
        Some(row) => whole("derogation id", row.id).map(Ok),
        // Another request of the same family landed in between.
        None => Ok(Err(FieldError::conflict_says(Msg::DerogaDuplicate, &[]))),
    }
}

#[derive(Deserialize)]
struct PendingDb {
    kind: String,
    id: f64,
    pupil_id: f64,
    pupil: String,
    class_code: String,
    date_from: String,
    date_to: String,
    what: String,
    reason: Option<String>,
    requested_at: f64,
}

impl PendingDb {
    fn decode(self) -> Result<PendingRequest, Error> {
        let kind =
            RequestKind::from_code(&self.kind).ok_or_else(|| broken("request kind", &self.kind))?;
        Ok(PendingRequest {
            kind,
            id: whole("request id", self.id)?,
            pupil_id: whole("pupil id", self.pupil_id)?,
            pupil: self.pupil,
            class_code: self.class_code,
            date_from: date("request start", &self.date_from)?,
            date_to: date("request end", &self.date_to)?,
            what: self.what,
            reason: self
                .reason
                .map(|r| JustificationReason::parse(&r).map_err(|_| broken("reason", &r)))
                .transpose()?,
            requested_at: whole("request time", self.requested_at)?,
            decides: false,
        })
    }
}

/// A school's name and policy, its pending justifications and derogation requests, oldest
/// first, and the decisions a person may still undo, newest first.
pub struct SchoolRequests {
    /// `None`: no such school.
    pub school: Option<(String, Policy)>,
    pub pending: Vec<PendingRequest>,
    pub recent: Vec<DecisionRecord>,
}

/// The pending requests of `school_id` (one round trip); `classes` limits them to a teacher's
/// classes (`domain::session::Scope::classes`); `undoable_by` (a codice fiscale and since
/// when) adds that person's decisions still to be undone.
pub async fn school_requests(
    env: &Env,
    school_id: i64,
    classes: Option<&[String]>,
    undoable_by: Option<(&str, i64)>,
) -> Result<SchoolRequests, Error> {
    let classes_json = match classes {
        Some(cs) => crate::db::list(cs)?,
        None => JsValue::NULL,
    };
    let db = database(env)?;
    let mut statements = vec![
        db.prepare(SCHOOL_SQL).bind(&[int(school_id as f64)])?,
        db.prepare(
            "SELECT 'justification' AS kind, j.id, j.pupil_id, \
             p.surname || ' ' || p.name AS pupil, p.class_code, a.date AS date_from, \
             a.date AS date_to, a.kind AS what, j.reason, j.requested_at \
             FROM justifications j JOIN pupils p ON p.id = j.pupil_id \
             JOIN absences a ON a.id = j.absence_id \
             WHERE j.school_id = ?1 AND j.status = 'pending' \
             AND (?2 IS NULL OR p.class_code IN (SELECT value FROM json_each(?2))) \
             UNION ALL SELECT 'derogation', d.id, d.pupil_id, p.surname || ' ' || p.name, \
             p.class_code, d.date_from, d.date_to, d.category, NULL, d.requested_at \
             FROM derogation_requests d JOIN pupils p ON p.id = d.pupil_id \
             WHERE d.school_id = ?1 AND d.status = 'pending' \
             AND (?2 IS NULL OR p.class_code IN (SELECT value FROM json_each(?2))) \
             ORDER BY 10, 1, 2 LIMIT 2000",
        )
        .bind(&[int(school_id as f64), classes_json])?,
    ];
    if undoable_by.is_some() {
        let filter = DecisionFilter {
            classes,
            before: None,
            undoable_by,
        };
        statements.push(decisions_statement(&db, school_id, &filter)?);
    }
    let results = db.batch(statements).counted().await?;
    let mut r = Answers::new("requests", results);
    let school = match r.next::<SchoolDb>()?.into_iter().next() {
        Some(s) => Some((s.name, policy_of(s.policy.as_deref())?)),
        None => None,
    };
    let pending = r
        .next::<PendingDb>()?
        .into_iter()
        .map(PendingDb::decode)
        .collect::<Result<Vec<_>, Error>>()?;
    let recent = if undoable_by.is_some() {
        page_of(&mut r)?.0
    } else {
        Vec::new()
    };
    Ok(SchoolRequests {
        school,
        pending,
        recent,
    })
}
