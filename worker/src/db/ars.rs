//! The ARS communications in D1 (migration 0021; `domain::attendance::ars`): the school's
//! region's calendar, the pupils' register numbers and tax codes the lists carry, and what the
//! school marked as sent — read in one batch; a marking written with its audit entry in
//! another.

use super::{batch, database, int, rows, text, Error};
use chrono::NaiveDate;
use domain::attendance::ars::{ArsCalendar, CalendarEntry, Communication, Operation, Sent};
use serde::Deserialize;
use std::collections::HashMap;
use worker::Env;

/// The calendar of the school's region (the comune it is registered in), every year loaded.
const CALENDAR_SQL: &str = "SELECT a.region_code, a.year, a.operation, a.due_on \
     FROM schools s JOIN comuni c ON c.code = s.comune \
     JOIN ars_calendar a ON a.region_code = c.region_code \
     WHERE s.id = ?1 ORDER BY a.year, a.due_on";

const PUPILS_SQL: &str = "SELECT id, matricola, codice_fiscale FROM pupils WHERE school_id = ?1";

const SENT_SQL: &str = "SELECT a.pupil_id, a.communication, a.sent_on, a.sent_by, \
     (SELECT st.surname || ' ' || st.name FROM staff st WHERE st.school_id = a.school_id \
     AND st.codice_fiscale = a.sent_by LIMIT 1) AS by_name \
     FROM ars_sent a WHERE a.school_id = ?1";

const MARK_SQL: &str = "INSERT INTO ars_sent (school_id, pupil_id, communication, sent_on, \
     sent_by, recorded_at) SELECT ?1, p.id, ?3, ?4, ?5, ?6 FROM pupils p \
     WHERE p.id = ?2 AND p.school_id = ?1 ON CONFLICT (pupil_id, communication) DO NOTHING";

/// The audit entry, only when the marking was written (the statement before changed a row).
const AUDIT_SQL: &str = "INSERT INTO audit_log (school_id, at, actor, action, object, detail) \
     SELECT ?1, ?2, ?3, 'ars.sent', 'pupils/' || ?4, ?5 WHERE changes() = 1";

#[derive(Deserialize)]
struct CalendarDb {
    region_code: String,
    year: f64,
    operation: String,
    due_on: String,
}

#[derive(Deserialize)]
struct PupilDb {
    id: f64,
    matricola: String,
    codice_fiscale: Option<String>,
}

#[derive(Deserialize)]
struct SentDb {
    pupil_id: f64,
    communication: String,
    sent_on: String,
    sent_by: String,
    by_name: Option<String>,
}

/// What the school's ARS lists need besides the registers.
pub struct SchoolArsData {
    /// The school's region, when its calendar has a date.
    pub region: Option<String>,
    pub calendar: ArsCalendar,
    /// Each pupil's matricola and codice fiscale.
    pub pupils: HashMap<i64, (String, Option<String>)>,
    pub sent: Vec<(i64, Communication, Sent)>,
}

fn whole(what: &str, n: f64) -> Result<i64, Error> {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Ok(n as i64)
    } else {
        Err(Error::decode(what, n))
    }
}

fn day(what: &str, s: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| Error::decode(what, format!("{s:?}: {e}")))
}

fn communication(c: &str) -> Result<Communication, Error> {
    Communication::from_code(c).ok_or_else(|| Error::decode("ars communication", c))
}

/// The calendar, the pupils and the markings of `school_id`, in one round trip.
pub async fn school_data(env: &Env, school_id: i64) -> Result<SchoolArsData, Error> {
    let db = database(env)?;
    let id = [int(school_id as f64)];
    let [cal, pupils, sent] = batch(
        "ars data",
        &db,
        [
            db.prepare(CALENDAR_SQL).bind(&id)?,
            db.prepare(PUPILS_SQL).bind(&id)?,
            db.prepare(SENT_SQL).bind(&id)?,
        ],
    )
    .await?;
    let mut calendar = ArsCalendar::default();
    let mut region = None;
    for r in rows::<CalendarDb>("ars calendar", &cal)? {
        region.get_or_insert_with(|| r.region_code.clone());
        calendar.entries.push(entry(r)?);
    }
    let pupils = rows::<PupilDb>("ars pupils", &pupils)?
        .into_iter()
        .map(|p| Ok((whole("pupil id", p.id)?, (p.matricola, p.codice_fiscale))))
        .collect::<Result<_, Error>>()?;
    let sent = rows::<SentDb>("ars sent", &sent)?
        .into_iter()
        .map(|s| {
            Ok((
                whole("pupil id", s.pupil_id)?,
                communication(&s.communication)?,
                Sent {
                    on: day("ars sent on", &s.sent_on)?,
                    by: s.sent_by,
                    by_name: s.by_name,
                },
            ))
        })
        .collect::<Result<_, Error>>()?;
    Ok(SchoolArsData {
        region,
        calendar,
        pupils,
        sent,
    })
}

/// The calendar of the school's region alone (the school's home).
pub async fn calendar(env: &Env, school_id: i64) -> Result<ArsCalendar, Error> {
    let rows: Vec<CalendarDb> = super::all(
        "ars calendar",
        database(env)?
            .prepare(CALENDAR_SQL)
            .bind(&[int(school_id as f64)])?,
    )
    .await?;
    let mut calendar = ArsCalendar::default();
    for r in rows {
        calendar.entries.push(entry(r)?);
    }
    Ok(calendar)
}

fn entry(r: CalendarDb) -> Result<CalendarEntry, Error> {
    Ok(CalendarEntry {
        year: i32::try_from(whole("ars year", r.year)?)
            .map_err(|e| Error::decode("ars year", e))?,
        operation: Operation::from_code(&r.operation)
            .ok_or_else(|| Error::decode("ars operation", &r.operation))?,
        by: day("ars deadline", &r.due_on)?,
        region: r.region_code,
    })
}

/// What one marking writes.
pub struct Mark<'a> {
    pub school_id: i64,
    pub pupil_id: i64,
    pub communication: Communication,
    pub on: NaiveDate,
    pub by: &'a str,
    pub now: i64,
}

/// Marks a communication as sent, with its audit entry, in one batch: `false` when it was
/// already marked (nothing written).
pub async fn mark_sent(env: &Env, m: &Mark<'_>) -> Result<bool, Error> {
    let db = database(env)?;
    let detail = serde_json::json!({
        "communication": m.communication.code(),
        "sent_on": m.on.to_string(),
    })
    .to_string();
    let [written, _] = batch(
        "ars sent",
        &db,
        [
            db.prepare(MARK_SQL).bind(&[
                int(m.school_id as f64),
                int(m.pupil_id as f64),
                text(m.communication.code()),
                text(&m.on.to_string()),
                text(m.by),
                int(m.now as f64),
            ])?,
            db.prepare(AUDIT_SQL).bind(&[
                int(m.school_id as f64),
                int(m.now as f64),
                text(m.by),
                text(&m.pupil_id.to_string()),
                text(&detail),
            ])?,
        ],
    )
    .await?;
    Ok(super::changes("ars sent", &written)? == 1)
}
