//! The school's Law 159/2023 cases in D1 (`law159_cases`, migration 0020): read with a
//! pupil's register, written one step at a time with its audit entry (the case's history) and,
//! when the family is told through Ponte, the notice it must acknowledge — one batch.

use super::{broken, database, date, whole};
use crate::db::{int, json_text, opt_text, text, Counted, Error};
use domain::attendance::law159::cases::{CaseRecord, Channel, CloseReason, Law159Records, Step};
use domain::family::NoticeDraft;
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Env};

/// The cases of the pupils of `?1` (a JSON list of ids), of their own school.
pub(super) const CASES_SQL: &str = "SELECT c.pupil_id, c.kind, c.episode, \
     c.family_notified_on, c.channel, c.notice_id, c.mayor_notified_on, c.closed_on, \
     c.close_reason FROM pupils p \
     JOIN law159_cases c ON c.pupil_id = p.id AND c.school_id = p.school_id \
     WHERE p.id IN (SELECT value FROM json_each(?1)) ORDER BY c.pupil_id, c.kind, c.episode";

#[derive(Deserialize)]
pub(super) struct CaseDb {
    pub(super) pupil_id: f64,
    kind: String,
    episode: f64,
    family_notified_on: Option<String>,
    channel: Option<String>,
    notice_id: Option<f64>,
    mayor_notified_on: Option<String>,
    closed_on: Option<String>,
    close_reason: Option<String>,
}

impl CaseDb {
    /// Adds this row to `records`.
    pub(super) fn add_to(self, records: &mut Law159Records) -> Result<(), Error> {
        let day = |what: &str, s: &Option<String>| s.as_deref().map(|s| date(what, s)).transpose();
        match self.kind.as_str() {
            "elusione" => {
                records.elusione_reported_on = day("elusione reported", &self.mayor_notified_on)?;
            }
            "episode" => {
                let episode = whole("episode", self.episode)?;
                records.cases.push(CaseRecord {
                    episode: u32::try_from(episode).map_err(|e| broken("episode", e))?,
                    family_notified_on: day("family notified", &self.family_notified_on)?,
                    channel: self
                        .channel
                        .as_deref()
                        .map(|c| Channel::from_code(c).ok_or_else(|| broken("channel", c)))
                        .transpose()?,
                    notice_id: self.notice_id.map(|n| whole("notice id", n)).transpose()?,
                    mayor_notified_on: day("mayor notified", &self.mayor_notified_on)?,
                    closed_on: day("closed", &self.closed_on)?,
                    close_reason: self
                        .close_reason
                        .as_deref()
                        .map(|c| CloseReason::from_code(c).ok_or_else(|| broken("close reason", c)))
                        .transpose()?,
                });
            }
            other => return Err(broken("case kind", other)),
        }
        Ok(())
    }
}

const UPSERT_HEAD: &str = "INSERT INTO law159_cases (school_id, pupil_id, kind, episode, \
     family_notified_on, channel, notice_id, mayor_notified_on, closed_on, close_reason, \
     updated_by, updated_at) \
     SELECT ?1, p.id, ?3, ?4, ?5, ?6,";
const UPSERT_TAIL: &str =
    ", ?8, ?9, ?10, ?11, ?12 FROM pupils p WHERE p.id = ?2 AND p.school_id = ?1 \
     ON CONFLICT (pupil_id, kind, episode) DO UPDATE SET \
     family_notified_on = excluded.family_notified_on, channel = excluded.channel, \
     notice_id = excluded.notice_id, mayor_notified_on = excluded.mayor_notified_on, \
     closed_on = excluded.closed_on, close_reason = excluded.close_reason, \
     updated_by = excluded.updated_by, updated_at = excluded.updated_at";

const AUDIT_SQL: &str = "INSERT INTO audit_log (school_id, at, actor, action, object, detail) \
     VALUES (?1, ?2, ?3, ?4, 'pupils/' || ?5, ?6)";

const NOTICE_SQL: &str = "INSERT INTO notices (school_id, title, body, audience, requires_ack, \
     published_by, published_at) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)";

/// What one step writes.
pub struct CaseWrite<'a> {
    pub school_id: i64,
    pub pupil_id: i64,
    pub by: &'a str,
    pub now: i64,
    pub step: &'a Step,
    /// The episode's record after the step (`None` for the elusione report).
    pub record: Option<&'a CaseRecord>,
    /// A notice the family must acknowledge, when that is the channel (its id goes in the
    /// record).
    pub notice: Option<&'a NoticeDraft>,
}

fn opt_day(d: Option<chrono::NaiveDate>) -> wasm_bindgen::JsValue {
    opt_text(d.map(|d| d.to_string()).as_deref())
}

/// Writes a step: the notice (if any), the case's row, the audit entry, in one batch.
pub async fn record_step(env: &Env, w: &CaseWrite<'_>) -> Result<(), Error> {
    let db = database(env)?;
    let mut statements: Vec<D1PreparedStatement> = Vec::new();
    if let Some(n) = w.notice {
        let audience = json_text("audience", &n.audience)?;
        statements.push(db.prepare(NOTICE_SQL).bind(&[
            int(w.school_id as f64),
            text(&n.title),
            text(&n.body),
            text(&audience),
            text(w.by),
            int(w.now as f64),
        ])?);
    }
    statements.push(case_statement(&db, w)?);
    let detail = json_text("step", w.step)?;
    statements.push(db.prepare(AUDIT_SQL).bind(&[
        int(w.school_id as f64),
        int(w.now as f64),
        text(w.by),
        text(&format!("law159.{}", w.step.code())),
        text(&w.pupil_id.to_string()),
        text(&detail),
    ])?);
    db.batch(statements)
        .counted()
        .await
        .map_err(|e| Error::storage("law159 step", e))?;
    Ok(())
}

fn case_statement(db: &D1Database, w: &CaseWrite<'_>) -> Result<D1PreparedStatement, Error> {
    // The notice's id is the row the statement before inserted.
    let sql = if w.notice.is_some() {
        format!("{UPSERT_HEAD} last_insert_rowid() {UPSERT_TAIL}")
    } else {
        format!("{UPSERT_HEAD} ?7 {UPSERT_TAIL}")
    };
    let (kind, r) = match w.record {
        Some(r) => ("episode", *r),
        None => (
            "elusione",
            CaseRecord {
                mayor_notified_on: Some(w.step.on()),
                ..CaseRecord::default()
            },
        ),
    };
    Ok(db.prepare(sql).bind(&[
        int(w.school_id as f64),
        int(w.pupil_id as f64),
        text(kind),
        int(r.episode),
        opt_day(r.family_notified_on),
        opt_text(r.channel.map(Channel::code)),
        r.notice_id
            .map(|n| int(n as f64))
            .unwrap_or(wasm_bindgen::JsValue::NULL),
        opt_day(r.mayor_notified_on),
        opt_day(r.closed_on),
        opt_text(r.close_reason.map(CloseReason::code)),
        text(w.by),
        int(w.now as f64),
    ])?)
}

/// One entry of a case's history: who did what, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub at: i64,
    pub actor: String,
    /// The actor's name at the school, when on the staff list.
    pub actor_name: Option<String>,
    pub step: Step,
}

#[derive(Deserialize)]
struct HistoryDb {
    at: f64,
    actor: String,
    actor_name: Option<String>,
    detail: String,
}

/// The Law 159 history of pupil `pupil_id` of `school_id`, oldest first.
pub async fn history(env: &Env, school_id: i64, pupil_id: i64) -> Result<Vec<HistoryEntry>, Error> {
    let rows: Vec<HistoryDb> = crate::db::all(
        "law159 history",
        database(env)?
            .prepare(
                "SELECT a.at, a.actor, a.detail, (SELECT s.surname || ' ' || s.name FROM staff s \
                 WHERE s.school_id = a.school_id AND s.codice_fiscale = a.actor LIMIT 1) \
                 AS actor_name FROM audit_log a WHERE a.school_id = ?1 \
                 AND a.object = 'pupils/' || ?2 AND a.action LIKE 'law159.%' ORDER BY a.at, a.id",
            )
            .bind(&[int(school_id as f64), text(&pupil_id.to_string())])?,
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(HistoryEntry {
                at: whole("history time", r.at)?,
                actor: r.actor,
                actor_name: r.actor_name,
                step: serde_json::from_str(&r.detail).map_err(|e| broken("law159 step", e))?,
            })
        })
        .collect()
}
