//! The school's Law 159/2023 cases in D1 (`law159_cases`, migration 0020; `law159_steps`,
//! migration 0022): read with a pupil's register, written one step at a time with its audit
//! entry (the case's history) and, when the family is told through Ponte, the notice it must
//! acknowledge — one batch, headed by the step's row, which is written only while the step's
//! slot is free (`Law159Records::slot`): of two steps sent at once, the second writes nothing
//! and is a conflict. The notices of repeated late entries are rows of `law159_steps` only.

use super::{broken, database, date, whole};
use crate::db::{int, json_text, opt_text, text, Counted, Error};
use domain::attendance::law159::cases::{
    CaseRecord, Channel, CloseReason, Law159Records, RecordedStep, Slot, Step,
};
use domain::family::NoticeDraft;
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Env};

/// The cases of the pupils of `?1` (a JSON list of ids), of their own school, and the notices
/// of repeated late entries they were sent (kind `late_entries`, the date as
/// `family_notified_on`).
pub(super) const CASES_SQL: &str = "SELECT c.pupil_id, c.kind, c.episode, \
     c.family_notified_on, c.channel, c.notice_id, c.mayor_notified_on, c.closed_on, \
     c.close_reason FROM pupils p \
     JOIN law159_cases c ON c.pupil_id = p.id AND c.school_id = p.school_id \
     WHERE p.id IN (SELECT value FROM json_each(?1)) \
     UNION ALL SELECT s.pupil_id, s.kind, s.episode, s.on_date, NULL, s.notice_id, NULL, NULL, \
     NULL FROM pupils p JOIN law159_steps s ON s.pupil_id = p.id AND s.school_id = p.school_id \
     WHERE p.id IN (SELECT value FROM json_each(?1)) AND s.kind = 'late_entries' \
     AND s.undone_at IS NULL ORDER BY 1, 2, 3";

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
            "late_entries" => {
                if let Some(on) = day("late entries notified", &self.family_notified_on)? {
                    records.late_notices.push(on);
                }
            }
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

/// The step's row, while its slot is free: the head of the batch (`?1` school, `?2` pupil, `?3`
/// kind, `?4` episode, `?5` seq, `?6` the step as JSON, `?7` its date, `?8` by, `?9` at).
const STEP_SQL: &str = "INSERT INTO law159_steps (school_id, pupil_id, kind, episode, seq, \
     step, on_date, recorded_by, recorded_at) \
     SELECT ?1, p.id, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM pupils p WHERE p.id = ?2 \
     AND p.school_id = ?1 AND NOT EXISTS (SELECT 1 FROM law159_steps s WHERE s.pupil_id = ?2 \
     AND s.kind = ?3 AND s.episode = ?4 AND s.seq = ?5 AND s.undone_at IS NULL)";

/// The notice the family must acknowledge, when the step's row was written.
const NOTICE_SQL: &str = "INSERT INTO notices (school_id, title, body, audience, requires_ack, \
     published_by, published_at) SELECT ?1, ?2, ?3, ?4, 1, ?5, ?6 WHERE changes() > 0";

/// The notice's id on the step's row (the row written last for the pupil).
const STEP_NOTICE_SQL: &str = "UPDATE law159_steps SET notice_id = last_insert_rowid() \
     WHERE changes() > 0 AND id = (SELECT max(id) FROM law159_steps WHERE pupil_id = ?1)";

/// The case's row after the step, when the step's row was written; the notice's id, when there
/// is one, is the row inserted last (`?7` is 1 then).
const UPSERT_SQL: &str = "INSERT INTO law159_cases (school_id, pupil_id, kind, episode, \
     family_notified_on, channel, notice_id, mayor_notified_on, closed_on, close_reason, \
     updated_by, updated_at) \
     SELECT ?1, p.id, ?3, ?4, ?5, ?6, CASE WHEN ?7 = 1 THEN last_insert_rowid() ELSE ?13 END, \
     ?8, ?9, ?10, ?11, ?12 FROM pupils p WHERE p.id = ?2 AND p.school_id = ?1 \
     AND changes() > 0 \
     ON CONFLICT (pupil_id, kind, episode) DO UPDATE SET \
     family_notified_on = excluded.family_notified_on, channel = excluded.channel, \
     notice_id = excluded.notice_id, mayor_notified_on = excluded.mayor_notified_on, \
     closed_on = excluded.closed_on, close_reason = excluded.close_reason, \
     updated_by = excluded.updated_by, updated_at = excluded.updated_at";

/// The audit entry, when the step was written.
const AUDIT_SQL: &str = "INSERT INTO audit_log (school_id, at, actor, action, object, detail) \
     SELECT ?1, ?2, ?3, ?4, 'pupils/' || ?5, ?6 WHERE changes() > 0";

/// What one step writes.
pub struct CaseWrite<'a> {
    pub school_id: i64,
    pub pupil_id: i64,
    pub by: &'a str,
    pub now: i64,
    pub step: &'a Step,
    /// Where the step goes, from the records it was checked against.
    pub slot: Slot,
    /// The episode's record after the step (`None` for the elusione report and the notice of
    /// late entries).
    pub record: Option<&'a CaseRecord>,
    /// A notice the family must acknowledge, when that is the channel (its id goes in the
    /// record).
    pub notice: Option<&'a NoticeDraft>,
}

fn opt_day(d: Option<chrono::NaiveDate>) -> wasm_bindgen::JsValue {
    opt_text(d.map(|d| d.to_string()).as_deref())
}

/// Writes a step: its row (while its slot is free), the notice (if any), the case's row, the
/// audit entry, in one batch. `false`: the slot was taken (another step was recorded since the
/// records were read), nothing written.
pub async fn record_step(env: &Env, w: &CaseWrite<'_>) -> Result<bool, Error> {
    let db = database(env)?;
    let detail = json_text("step", w.step)?;
    let mut statements: Vec<D1PreparedStatement> = vec![db.prepare(STEP_SQL).bind(&[
        int(w.school_id as f64),
        int(w.pupil_id as f64),
        text(w.slot.kind),
        int(w.slot.episode),
        int(w.slot.seq),
        text(&detail),
        text(&w.step.on().to_string()),
        text(w.by),
        int(w.now as f64),
    ])?];
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
        statements.push(
            db.prepare(STEP_NOTICE_SQL)
                .bind(&[int(w.pupil_id as f64)])?,
        );
    }
    if let Some(c) = case_statement(&db, w)? {
        statements.push(c);
    }
    statements.push(db.prepare(AUDIT_SQL).bind(&[
        int(w.school_id as f64),
        int(w.now as f64),
        text(w.by),
        text(&format!("law159.{}", w.step.code())),
        text(&w.pupil_id.to_string()),
        text(&detail),
    ])?);
    let results = db
        .batch(statements)
        .counted()
        .await
        .map_err(|e| Error::storage("law159 step", e))?;
    let head = results
        .first()
        .ok_or_else(|| Error::storage("law159 step", "no result"))?;
    Ok(crate::db::changes("law159 step", head)? == 1)
}

/// The case's row after the step; none for the notice of late entries (its row is the step's).
fn case_statement(
    db: &D1Database,
    w: &CaseWrite<'_>,
) -> Result<Option<D1PreparedStatement>, Error> {
    let (kind, r) = match (w.step, w.record) {
        (Step::LateEntriesNotified { .. }, _) => return Ok(None),
        (_, Some(r)) => ("episode", *r),
        (_, None) => (
            "elusione",
            CaseRecord {
                mayor_notified_on: Some(w.step.on()),
                ..CaseRecord::default()
            },
        ),
    };
    Ok(Some(
        db.prepare(UPSERT_SQL).bind(&[
            int(w.school_id as f64),
            int(w.pupil_id as f64),
            text(kind),
            int(r.episode),
            opt_day(r.family_notified_on),
            opt_text(r.channel.map(Channel::code)),
            int(u32::from(w.notice.is_some())),
            opt_day(r.mayor_notified_on),
            opt_day(r.closed_on),
            opt_text(r.close_reason.map(CloseReason::code)),
            text(w.by),
            int(w.now as f64),
            r.notice_id
                .map(|n| int(n as f64))
                .unwrap_or(wasm_bindgen::JsValue::NULL),
        ])?,
    ))
}

/// One entry of a case's history: who did what, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub at: i64,
    pub actor: String,
    /// The actor's name at the school, when on the staff list.
    pub actor_name: Option<String>,
    pub step: Step,
    /// The entry undoes `step` (it was recorded by mistake).
    pub undo: bool,
}

#[derive(Deserialize)]
struct HistoryDb {
    at: f64,
    actor: String,
    actor_name: Option<String>,
    action: String,
    detail: String,
}

/// A stored step (migration 0022).
#[derive(Deserialize)]
struct StepDb {
    id: f64,
    kind: String,
    episode: f64,
    seq: f64,
    step: String,
    recorded_by: String,
    recorded_at: f64,
    notice_id: Option<f64>,
}

impl StepDb {
    fn decode(self) -> Result<(RecordedStep, Option<i64>), Error> {
        let kind = match self.kind.as_str() {
            "episode" => "episode",
            "elusione" => "elusione",
            "late_entries" => "late_entries",
            other => return Err(broken("step kind", other)),
        };
        let n = |what: &str, x: f64| -> Result<u32, Error> {
            u32::try_from(whole(what, x)?).map_err(|e| broken(what, e))
        };
        Ok((
            RecordedStep {
                id: whole("step id", self.id)?,
                step: serde_json::from_str(&self.step).map_err(|e| broken("law159 step", e))?,
                slot: Slot {
                    kind,
                    episode: n("step episode", self.episode)?,
                    seq: n("step seq", self.seq)?,
                },
                by: self.recorded_by,
                at: whole("step time", self.recorded_at)?,
            },
            self.notice_id.map(|x| whole("notice id", x)).transpose()?,
        ))
    }
}

/// Step `?3` of pupil `?2` of school `?1`, not undone.
const RECORDED_STEP_SQL: &str = "SELECT id, kind, episode, seq, step, recorded_by, recorded_at, \
     notice_id FROM law159_steps WHERE id = ?3 AND pupil_id = ?2 AND school_id = ?1 \
     AND undone_at IS NULL";

/// The steps of pupil `?2` of school `?1` that `?3` recorded from `?4` on, not undone, in order.
const STEPS_BY_SQL: &str = "SELECT id, kind, episode, seq, step, recorded_by, recorded_at, \
     notice_id FROM law159_steps WHERE school_id = ?1 AND pupil_id = ?2 AND recorded_by = ?3 \
     AND recorded_at >= ?4 AND undone_at IS NULL ORDER BY id";

/// A step of the pupil not undone, with the notice it sent; `None` if there is none such.
pub async fn recorded_step(
    env: &Env,
    school_id: i64,
    pupil_id: i64,
    step_id: i64,
) -> Result<Option<(RecordedStep, Option<i64>)>, Error> {
    let rows: Vec<StepDb> = crate::db::all(
        "law159 recorded step",
        database(env)?.prepare(RECORDED_STEP_SQL).bind(&[
            int(school_id as f64),
            int(pupil_id as f64),
            int(step_id as f64),
        ])?,
    )
    .await?;
    rows.into_iter().next().map(StepDb::decode).transpose()
}

/// The pupil's steps `by` recorded at `since` or later, not undone (the ones they may still
/// undo), in order.
pub async fn steps_by(
    env: &Env,
    school_id: i64,
    pupil_id: i64,
    by: &str,
    since: i64,
) -> Result<Vec<RecordedStep>, Error> {
    let rows: Vec<StepDb> = crate::db::all(
        "law159 steps by",
        database(env)?.prepare(STEPS_BY_SQL).bind(&[
            int(school_id as f64),
            int(pupil_id as f64),
            text(by),
            int(since as f64),
        ])?,
    )
    .await?;
    rows.into_iter()
        .map(|r| r.decode().map(|(s, _)| s))
        .collect()
}

/// The step `?3` marked undone by `?2` at `?1`, while no later step of its case stands
/// (`?4` pupil, `?5` kind, `?6` episode, `?7` seq).
const UNDO_SQL: &str = "UPDATE law159_steps SET undone_at = ?1, undone_by = ?2 \
     WHERE id = ?3 AND pupil_id = ?4 AND undone_at IS NULL AND NOT EXISTS (SELECT 1 \
     FROM law159_steps s WHERE s.pupil_id = ?4 AND s.kind = ?5 AND s.undone_at IS NULL \
     AND s.id <> ?3 AND ((s.episode = ?6 AND s.seq > ?7) \
     OR (?5 = 'late_entries' AND s.episode > ?6)))";

/// The case's row as it was before the step (`?1` school … `?8` close reason; `?9`–`?11` the
/// undo, `?12` kind, `?13` episode). This and the statements after it run only when the step
/// was marked by this undo (the `EXISTS`).
const RESTORE_SQL: &str = "UPDATE law159_cases SET family_notified_on = ?3, channel = ?4, \
     notice_id = ?5, mayor_notified_on = ?6, closed_on = ?7, close_reason = ?8, \
     updated_by = ?11, updated_at = ?10 WHERE school_id = ?1 AND pupil_id = ?2 AND kind = ?12 \
     AND episode = ?13 AND EXISTS (SELECT 1 FROM law159_steps u WHERE u.id = ?9 \
     AND u.undone_at = ?10 AND u.undone_by = ?11)";

/// The case's row, when nothing was recorded before the step.
const FORGET_SQL: &str = "DELETE FROM law159_cases WHERE school_id = ?1 AND pupil_id = ?2 \
     AND kind = ?12 AND episode = ?13 AND ?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL \
     AND ?6 IS NULL AND ?7 IS NULL AND ?8 IS NULL AND EXISTS (SELECT 1 FROM law159_steps u \
     WHERE u.id = ?9 AND u.undone_at = ?10 AND u.undone_by = ?11)";

/// The notice the step sent, withdrawn (`?1` school, `?2` notice; `?9`–`?11` the undo).
const WITHDRAW_SQL: &str = "UPDATE notices SET withdrawn_at = ?10, withdrawn_by = ?11 \
     WHERE id = ?2 AND school_id = ?1 AND withdrawn_at IS NULL AND EXISTS (SELECT 1 \
     FROM law159_steps u WHERE u.id = ?9 AND u.undone_at = ?10 AND u.undone_by = ?11)";

/// The undo's audit entry (`?1` school, `?2` pupil, `?3` the step as JSON; `?9`–`?11`).
const UNDO_AUDIT_SQL: &str = "INSERT INTO audit_log (school_id, at, actor, action, object, \
     detail) SELECT ?1, ?10, ?11, 'law159.undo', 'pupils/' || ?2, ?3 WHERE EXISTS (SELECT 1 \
     FROM law159_steps u WHERE u.id = ?9 AND u.undone_at = ?10 AND u.undone_by = ?11)";

/// What an undo writes.
pub struct UndoWrite<'a> {
    pub school_id: i64,
    pub pupil_id: i64,
    pub by: &'a str,
    pub now: i64,
    pub step: &'a RecordedStep,
    /// The case's record after the undo (episode steps; the elusione's is `None`).
    pub record: Option<CaseRecord>,
    /// The notice the step sent.
    pub notice_id: Option<i64>,
}

/// Undoes a step in one batch: marks it (while it is the last of its case), puts the case's
/// row back, withdraws its notice, writes the audit entry. `false`: not written (undone
/// already, or a later step of its case stands).
pub async fn undo_step(env: &Env, w: &UndoWrite<'_>) -> Result<bool, Error> {
    let db = database(env)?;
    let s = w.step;
    let undo = [int(w.now as f64), text(w.by), int(s.id as f64)];
    let mut statements = vec![db.prepare(UNDO_SQL).bind(&[
        undo[0].clone(),
        undo[1].clone(),
        undo[2].clone(),
        int(w.pupil_id as f64),
        text(s.slot.kind),
        int(s.slot.episode),
        int(s.slot.seq),
    ])?];
    if s.slot.kind != "late_entries" {
        let r = w.record.unwrap_or(CaseRecord {
            episode: s.slot.episode,
            ..CaseRecord::default()
        });
        let (kind, episode) = (s.slot.kind, s.slot.episode);
        let params = [
            int(w.school_id as f64),
            int(w.pupil_id as f64),
            opt_day(r.family_notified_on),
            opt_text(r.channel.map(Channel::code)),
            r.notice_id
                .map(|n| int(n as f64))
                .unwrap_or(wasm_bindgen::JsValue::NULL),
            opt_day(r.mayor_notified_on),
            opt_day(r.closed_on),
            opt_text(r.close_reason.map(CloseReason::code)),
            undo[2].clone(),
            undo[0].clone(),
            undo[1].clone(),
            text(kind),
            int(episode),
        ];
        statements.push(db.prepare(RESTORE_SQL).bind(&params)?);
        statements.push(db.prepare(FORGET_SQL).bind(&params)?);
    }
    let detail = json_text("step", &s.step)?;
    let tail = |first: wasm_bindgen::JsValue, second: wasm_bindgen::JsValue| {
        [
            first,
            second,
            text(&detail),
            wasm_bindgen::JsValue::NULL,
            wasm_bindgen::JsValue::NULL,
            wasm_bindgen::JsValue::NULL,
            wasm_bindgen::JsValue::NULL,
            wasm_bindgen::JsValue::NULL,
            undo[2].clone(),
            undo[0].clone(),
            undo[1].clone(),
        ]
    };
    if let Some(n) = w.notice_id {
        statements.push(
            db.prepare(WITHDRAW_SQL)
                .bind(&tail(int(w.school_id as f64), int(n as f64)))?,
        );
    }
    statements.push(db.prepare(UNDO_AUDIT_SQL).bind(&tail(
        int(w.school_id as f64),
        text(&w.pupil_id.to_string()),
    ))?);
    let results = db
        .batch(statements)
        .counted()
        .await
        .map_err(|e| Error::storage("law159 undo", e))?;
    let head = results
        .first()
        .ok_or_else(|| Error::storage("law159 undo", "no result"))?;
    Ok(crate::db::changes("law159 undo", head)? == 1)
}

/// The Law 159 history of pupil `pupil_id` of `school_id`, oldest first.
pub async fn history(env: &Env, school_id: i64, pupil_id: i64) -> Result<Vec<HistoryEntry>, Error> {
    let rows: Vec<HistoryDb> = crate::db::all(
        "law159 history",
        database(env)?
            .prepare(
                "SELECT a.at, a.actor, a.action, a.detail, (SELECT s.surname || ' ' || s.name FROM staff s \
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
                undo: r.action == "law159.undo",
            })
        })
        .collect()
}
