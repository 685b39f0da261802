//! The school's decisions on justifications and derogation requests in D1: each one a row of
//! `request_decisions` (its particulars, kept when undone), the request pointing at its
//! standing one; the school's history of them; undoing one within its minutes.

use super::notices::{SchoolDb, SCHOOL_SQL};
use super::register::policy_of;
use super::{broken, database, date, whole};
use crate::db::{first, int, text, Answers, Counted, Error};
use domain::api::types::{DecisionRecord, RequestKind};
use domain::attendance::Policy;
use domain::family::{RefusalReason, RequestStatus, Ruling};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Env};

/// How many decisions a page of the history holds.
pub const HISTORY_PAGE: usize = 100;

/// A request with where its pupil is, when it was sent and its standing decision.
#[derive(Debug, Clone)]
pub struct RequestRef {
    pub id: i64,
    pub school_id: i64,
    pub pupil_id: i64,
    pub class_code: String,
    pub status: RequestStatus,
    /// Unix seconds.
    pub requested_at: i64,
    /// The standing decision: its row, who took it and when.
    pub decision: Option<(i64, String, i64)>,
}

#[derive(Deserialize)]
struct RequestRefDb {
    id: f64,
    school_id: f64,
    pupil_id: f64,
    class_code: String,
    status: String,
    requested_at: f64,
    decision_id: Option<f64>,
    decided_by: Option<String>,
    decided_at: Option<f64>,
}

/// The table of a request kind.
fn table(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Justification => "justifications",
        RequestKind::Deroga => "derogation_requests",
    }
}

pub async fn request(env: &Env, kind: RequestKind, id: i64) -> Result<Option<RequestRef>, Error> {
    let sql = match kind {
        RequestKind::Justification => {
            "SELECT r.id, r.school_id, r.pupil_id, p.class_code, r.status, r.requested_at, \
             r.decision_id, r.decided_by, r.decided_at FROM justifications r \
             JOIN pupils p ON p.id = r.pupil_id WHERE r.id = ?1"
        }
        RequestKind::Deroga => {
            "SELECT r.id, r.school_id, r.pupil_id, p.class_code, r.status, r.requested_at, \
             r.decision_id, r.decided_by, r.decided_at FROM derogation_requests r \
             JOIN pupils p ON p.id = r.pupil_id WHERE r.id = ?1"
        }
    };
    let row: Option<RequestRefDb> = first(
        "request",
        database(env)?.prepare(sql).bind(&[int(id as f64)])?,
    )
    .await?;
    row.map(|r| {
        let decision = match (r.decision_id, r.decided_by, r.decided_at) {
            (Some(id), Some(by), Some(at)) => {
                Some((whole("decision id", id)?, by, whole("decision time", at)?))
            }
            _ => None,
        };
        Ok(RequestRef {
            id: whole("request id", r.id)?,
            school_id: whole("school id", r.school_id)?,
            pupil_id: whole("pupil id", r.pupil_id)?,
            class_code: r.class_code,
            status: RequestStatus::from_code(&r.status)
                .ok_or_else(|| broken("status", &r.status))?,
            requested_at: whole("request time", r.requested_at)?,
            decision,
        })
    })
    .transpose()
}

fn optional_text(v: Option<&str>) -> JsValue {
    v.map_or(JsValue::NULL, text)
}

/// Records the school's decision on a pending request (its new status `next`, which
/// `Ruling::apply` gives) with its particulars and its audit record, in one batch; `false`
/// when the request was no longer pending (decided by someone else meanwhile: nothing is
/// written).
pub async fn decide(
    env: &Env,
    kind: RequestKind,
    r: &RequestRef,
    ruling: &Ruling,
    next: RequestStatus,
    by: &str,
    now: i64,
) -> Result<bool, Error> {
    let db = database(env)?;
    let t = table(kind);
    let council = ruling.council();
    let results = db
        .batch(vec![
            db.prepare(match kind {
                RequestKind::Justification => {
                    "UPDATE justifications SET status = ?2, decided_by = ?3, decided_at = ?4 \
                     WHERE id = ?1 AND status = 'pending'"
                }
                RequestKind::Deroga => {
                    "UPDATE derogation_requests SET status = ?2, decided_by = ?3, \
                     decided_at = ?4 WHERE id = ?1 AND status = 'pending'"
                }
            })
            .bind(&[
                int(r.id as f64),
                text(next.as_str()),
                text(by),
                int(now as f64),
            ])?,
            db.prepare(
                "INSERT INTO request_decisions (school_id, pupil_id, kind, request_id, status, \
                 reason, council_date, motivation, documents_received, decided_by, decided_at) \
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 WHERE changes() = 1",
            )
            .bind(&[
                int(r.school_id as f64),
                int(r.pupil_id as f64),
                text(kind.code()),
                int(r.id as f64),
                text(next.as_str()),
                optional_text(ruling.reason().map(RefusalReason::as_str)),
                optional_text(council.map(|c| c.date().to_string()).as_deref()),
                optional_text(council.map(|c| c.motivation())),
                council.map_or(JsValue::NULL, |c| {
                    int(f64::from(u8::from(c.documents_received())))
                }),
                text(by),
                int(now as f64),
            ])?,
            db.prepare(
                "INSERT INTO audit_log (school_id, at, actor, action, object, detail) \
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE changes() = 1",
            )
            .bind(&[
                int(r.school_id as f64),
                int(now as f64),
                text(by),
                text(&format!("{}.decide", kind.code())),
                text(&format!("{t}/{}", r.id)),
                text(next.as_str()),
            ])?,
            db.prepare(match kind {
                RequestKind::Justification => {
                    "UPDATE justifications SET decision_id = (SELECT max(id) FROM \
                     request_decisions WHERE kind = ?2 AND request_id = ?1) WHERE id = ?1 \
                     AND decided_by = ?3 AND decided_at = ?4 AND decision_id IS NULL"
                }
                RequestKind::Deroga => {
                    "UPDATE derogation_requests SET decision_id = (SELECT max(id) FROM \
                     request_decisions WHERE kind = ?2 AND request_id = ?1) WHERE id = ?1 \
                     AND decided_by = ?3 AND decided_at = ?4 AND decision_id IS NULL"
                }
            })
            .bind(&[
                int(r.id as f64),
                text(kind.code()),
                text(by),
                int(now as f64),
            ])?,
        ])
        .counted()
        .await?;
    let decided = results
        .first()
        .ok_or_else(|| Error::storage("decision", "no result"))?;
    Ok(crate::db::changes("decision", decided)? > 0)
}

/// Undoes the standing decision `decision_id` on request `r`, taken by `by` no earlier than
/// `since` (the caller has checked `domain::family::undoable`; the statements check again, so
/// a second undo or a family's new request in between changes nothing): the request is pending
/// again, the decision marked undone, with its audit record. `false` when nothing changed.
pub async fn undo(
    env: &Env,
    kind: RequestKind,
    r: &RequestRef,
    decision_id: i64,
    by: &str,
    since: i64,
    now: i64,
) -> Result<bool, Error> {
    let db = database(env)?;
    let t = table(kind);
    let results = db
        .batch(vec![
            db.prepare(
                "UPDATE request_decisions SET undone_at = ?2 WHERE id = ?1 \
                 AND undone_at IS NULL AND decided_by = ?3 AND decided_at >= ?4",
            )
            .bind(&[
                int(decision_id as f64),
                int(now as f64),
                text(by),
                int(since as f64),
            ])?,
            db.prepare(match kind {
                RequestKind::Justification => {
                    "UPDATE justifications SET status = 'pending', decided_by = NULL, \
                     decided_at = NULL, decision_id = NULL \
                     WHERE id = ?1 AND decision_id = ?2 AND changes() = 1"
                }
                RequestKind::Deroga => {
                    "UPDATE derogation_requests SET status = 'pending', decided_by = NULL, \
                     decided_at = NULL, decision_id = NULL \
                     WHERE id = ?1 AND decision_id = ?2 AND changes() = 1"
                }
            })
            .bind(&[int(r.id as f64), int(decision_id as f64)])?,
            db.prepare(
                "INSERT INTO audit_log (school_id, at, actor, action, object, detail) \
                 SELECT ?1, ?2, ?3, ?4, ?5, 'pending' WHERE changes() = 1",
            )
            .bind(&[
                int(r.school_id as f64),
                int(now as f64),
                text(by),
                text(&format!("{}.undo", kind.code())),
                text(&format!("{t}/{}", r.id)),
            ])?,
        ])
        .counted()
        .await?;
    let reopened = results
        .get(1)
        .ok_or_else(|| Error::storage("undo", "no result"))?;
    Ok(crate::db::changes("undo", reopened)? > 0)
}

#[derive(Deserialize)]
struct DecisionDb {
    id: f64,
    kind: String,
    request_id: f64,
    pupil_id: f64,
    pupil: String,
    class_code: String,
    date_from: Option<String>,
    date_to: Option<String>,
    what: Option<String>,
    status: String,
    reason: Option<String>,
    council_date: Option<String>,
    motivation: Option<String>,
    documents_received: Option<f64>,
    decided_by: Option<String>,
    decided_at: f64,
    undone_at: Option<f64>,
}

impl DecisionDb {
    fn decode(self) -> Result<DecisionRecord, Error> {
        let kind = RequestKind::from_code(&self.kind)
            .ok_or_else(|| broken("decision kind", &self.kind))?;
        let day = |what: &str, d: Option<String>| -> Result<chrono::NaiveDate, Error> {
            let d = d.ok_or_else(|| broken(what, "missing"))?;
            date(what, &d)
        };
        Ok(DecisionRecord {
            id: whole("decision id", self.id)?,
            kind,
            request_id: whole("request id", self.request_id)?,
            pupil_id: whole("pupil id", self.pupil_id)?,
            pupil: self.pupil,
            class_code: self.class_code,
            date_from: day("request start", self.date_from)?,
            date_to: day("request end", self.date_to)?,
            what: self.what.ok_or_else(|| broken("request", "missing"))?,
            status: RequestStatus::from_code(&self.status)
                .ok_or_else(|| broken("decision status", &self.status))?,
            reason: self
                .reason
                .map(|r| RefusalReason::from_code(&r).ok_or_else(|| broken("refusal reason", r)))
                .transpose()?,
            council_date: self
                .council_date
                .map(|d| date("council date", &d))
                .transpose()?,
            motivation: self.motivation,
            documents_received: self.documents_received.map(|d| d != 0.0),
            decided_by: self.decided_by,
            decided_at: whole("decision time", self.decided_at)?,
            undone_at: self.undone_at.map(|t| whole("undo time", t)).transpose()?,
        })
    }
}

/// Which decisions of a school to read.
pub struct DecisionFilter<'a> {
    /// A teacher's classes (`domain::session::Scope::classes`); `None`: the whole school.
    pub classes: Option<&'a [String]>,
    /// Only those before this decision (the history's next page).
    pub before: Option<i64>,
    /// Only those this person took since this time and has not undone (what they may still
    /// undo).
    pub undoable_by: Option<(&'a str, i64)>,
}

/// The statement reading the school's decisions `f` selects, newest first, one more than
/// [`HISTORY_PAGE`] (to know whether there are more: [`page_of`]).
pub(super) fn decisions_statement(
    db: &D1Database,
    school_id: i64,
    f: &DecisionFilter<'_>,
) -> Result<D1PreparedStatement, Error> {
    let classes = match f.classes {
        Some(cs) => crate::db::list(cs)?,
        None => JsValue::NULL,
    };
    let (by, since) = match f.undoable_by {
        Some((by, since)) => (text(by), int(since as f64)),
        None => (JsValue::NULL, JsValue::NULL),
    };
    Ok(db
        .prepare(
            "SELECT r.id, r.kind, r.request_id, r.pupil_id, \
             p.surname || ' ' || p.name AS pupil, p.class_code, \
             COALESCE(a.date, d.date_from) AS date_from, \
             COALESCE(a.date, d.date_to) AS date_to, COALESCE(a.kind, d.category) AS what, \
             r.status, r.reason, r.council_date, r.motivation, r.documents_received, \
             (SELECT st.surname || ' ' || st.name FROM staff st \
             WHERE st.school_id = r.school_id AND st.codice_fiscale = r.decided_by \
             LIMIT 1) AS decided_by, r.decided_at, r.undone_at \
             FROM request_decisions r JOIN pupils p ON p.id = r.pupil_id \
             LEFT JOIN justifications j ON r.kind = 'justification' AND j.id = r.request_id \
             LEFT JOIN absences a ON a.id = j.absence_id \
             LEFT JOIN derogation_requests d ON r.kind = 'derogation' \
             AND d.id = r.request_id \
             WHERE r.school_id = ?1 \
             AND (?2 IS NULL OR p.class_code IN (SELECT value FROM json_each(?2))) \
             AND (?3 IS NULL OR r.id < ?3) \
             AND (?4 IS NULL OR (r.decided_by = ?4 AND r.decided_at >= ?5 \
             AND r.undone_at IS NULL)) \
             ORDER BY r.id DESC LIMIT ?6",
        )
        .bind(&[
            int(school_id as f64),
            classes,
            f.before.map_or(JsValue::NULL, |b| int(b as f64)),
            by,
            since,
            int((HISTORY_PAGE + 1) as f64),
        ])?)
}

/// The decisions of [`decisions_statement`]'s answer, next in `answers`: at most
/// [`HISTORY_PAGE`], and whether there are more.
pub(super) fn page_of(answers: &mut Answers) -> Result<(Vec<DecisionRecord>, bool), Error> {
    let rows = answers.next::<DecisionDb>()?;
    let more = rows.len() > HISTORY_PAGE;
    let items = rows
        .into_iter()
        .take(HISTORY_PAGE)
        .map(DecisionDb::decode)
        .collect::<Result<Vec<_>, Error>>()?;
    Ok((items, more))
}

/// A school's name and policy (`None`: no such school), and its decisions `f` selects, newest
/// first: at most [`HISTORY_PAGE`], and whether there are more (one round trip).
pub struct SchoolDecisionPage {
    pub school: Option<(String, Policy)>,
    pub items: Vec<DecisionRecord>,
    pub more: bool,
}

pub async fn decisions(
    env: &Env,
    school_id: i64,
    f: DecisionFilter<'_>,
) -> Result<SchoolDecisionPage, Error> {
    let db = database(env)?;
    let results = db
        .batch(vec![
            db.prepare(SCHOOL_SQL).bind(&[int(school_id as f64)])?,
            decisions_statement(&db, school_id, &f)?,
        ])
        .counted()
        .await?;
    let mut r = Answers::new("decisions", results);
    let school = match r.next::<SchoolDb>()?.into_iter().next() {
        Some(s) => Some((s.name, policy_of(s.policy.as_deref())?)),
        None => None,
    };
    let (items, more) = page_of(&mut r)?;
    Ok(SchoolDecisionPage {
        school,
        items,
        more,
    })
}
