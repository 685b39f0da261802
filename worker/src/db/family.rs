//! The family portal's data in D1: a child's register data as engine inputs, justifications and
//! derogation requests, notices with reads and acknowledgements. Every statement is scoped by
//! the `school_id` of an object whose access was already checked.

use super::{database, int, text};
use crate::error::ApiError;
use domain::attendance::{
    AbsenceEvent, AbsenceKind, Calendar, DateRange, Deroga, DerogaCategoryCode, DerogaId,
    Enrolment, Policy, Pupil, SchoolGrade, TimetableProfile,
};
use domain::family::{
    AckRow, Audience, Decision, DerogaRequest, JustificationReason, NoticeDraft, Recipient,
    RequestStatus,
};
use domain::FieldError;
use serde::{Deserialize, Serialize};
use worker::Env;

/// A pupil with everything the engine needs.
pub struct Child {
    pub id: i64,
    pub school_id: i64,
    pub school: String,
    pub name: String,
    pub surname: String,
    pub class_code: String,
    pub grade: SchoolGrade,
    pub pupil: Pupil,
    pub calendar: Calendar,
    pub policy: Policy,
}

#[derive(Deserialize)]
pub struct ChildDb {
    id: f64,
    school_id: f64,
    school: String,
    name: String,
    surname: String,
    class_code: String,
    enrolment: String,
    personalised_hours: Option<f64>,
    grade: Option<String>,
    day_hours: Option<String>,
    calendar: Option<String>,
    policy: Option<String>,
}

fn broken(what: &str, e: impl std::fmt::Display) -> ApiError {
    ApiError::internal(what, e)
}

/// The school's policy: its own, or the seed 003 preset.
pub fn policy_of(stored: Option<&str>) -> Result<Policy, ApiError> {
    match stored {
        Some(json) => serde_json::from_str(json).map_err(|e| broken("school policy", e)),
        None => domain::attendance::presets::seed_003().map_err(|e| broken("preset", e.message)),
    }
}

/// The policy of `school_id`.
pub async fn school_policy(env: &Env, school_id: i64) -> Result<Policy, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        policy: Option<String>,
    }
    let row: Option<Row> = database(env)?
        .prepare("SELECT policy FROM schools WHERE id = ?1")
        .bind(&[int(school_id as f64)])?
        .first(None)
        .await?;
    policy_of(row.and_then(|r| r.policy).as_deref())
}

/// The pupil `id` with class, calendar and policy; `None` if there is no such pupil. A pupil
/// whose school has not sent its classes or calendar yet cannot be assessed: that is a 409 with
/// a message for the family.
pub async fn child(env: &Env, id: i64) -> Result<Option<Child>, ApiError> {
    let row: Option<ChildDb> = database(env)?
        .prepare(CHILD_SQL)
        .bind(&[int(id as f64)])?
        .first(None)
        .await?;
    row.map(ChildDb::child).transpose()
}

const CHILD_SQL: &str = "SELECT p.id, p.school_id, s.name AS school, p.name, p.surname, \
     p.class_code, p.enrolment, p.personalised_hours, c.grade, c.day_hours, k.spec AS calendar, \
     s.policy FROM pupils p JOIN schools s ON s.id = p.school_id \
     LEFT JOIN classes c ON c.school_id = p.school_id AND c.code = p.class_code \
     LEFT JOIN calendars k ON k.school_id = p.school_id WHERE p.id = ?1";

impl ChildDb {
    /// Where the pupil is, for the access check (before anything else is read).
    pub fn place(&self) -> (i64, i64, &str) {
        (self.id as i64, self.school_id as i64, &self.class_code)
    }

    /// The pupil as the engine takes it (409 when the school has not sent classes or
    /// calendar).
    pub fn child(self) -> Result<Child, ApiError> {
        let r = self;
        let (Some(grade), Some(days), Some(calendar)) = (r.grade, r.day_hours, r.calendar) else {
            return Err(FieldError::conflict(
                "La scuola non ha ancora inviato le classi o il calendario: la situazione delle \
                 assenze sarà disponibile appena lo farà.",
            )
            .into());
        };
        let grade = SchoolGrade::from_code(&grade).ok_or_else(|| broken("grade", &grade))?;
        let days: [u32; 6] = serde_json::from_str(&days).map_err(|e| broken("day hours", e))?;
        let profile =
            TimetableProfile::from_days(days).map_err(|e| broken("timetable", e.message))?;
        let enrolment: Enrolment =
            serde_json::from_str(&r.enrolment).map_err(|e| broken("enrolment", e))?;
        let pupil = Pupil::new(
            grade,
            profile,
            enrolment,
            r.personalised_hours.map(|h| h as u32),
        )
        .map_err(|e| broken("pupil", e.message))?;
        let calendar: Calendar =
            serde_json::from_str(&calendar).map_err(|e| broken("calendar", e))?;
        Ok(Child {
            id: r.id as i64,
            school_id: r.school_id as i64,
            school: r.school,
            name: r.name,
            surname: r.surname,
            class_code: r.class_code,
            grade,
            pupil,
            calendar,
            policy: policy_of(r.policy.as_deref())?,
        })
    }
}

/// One absence with its justification, as the family and the school see it.
#[derive(Debug, Clone, Serialize)]
pub struct Absence {
    pub id: i64,
    pub date: String,
    pub kind: String,
    pub minutes: Option<u32>,
    /// Justified in the register, or by a justification the school approved.
    pub justified: bool,
    pub justification: Option<Justification>,
    #[serde(skip)]
    pub event: Option<AbsenceEvent>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Justification {
    pub id: i64,
    pub reason: String,
    pub status: String,
    pub requested_at: i64,
    pub decided_at: Option<i64>,
}

#[derive(Deserialize)]
struct AbsenceDb {
    id: f64,
    date: String,
    kind: String,
    minutes: Option<f64>,
    justified: f64,
    j_id: Option<f64>,
    reason: Option<String>,
    j_status: Option<String>,
    requested_at: Option<f64>,
    decided_at: Option<f64>,
}

/// A derogation request as the family and the school see it.
#[derive(Debug, Clone, Serialize)]
pub struct DerogaOut {
    pub id: i64,
    pub pupil_id: i64,
    pub category: String,
    pub from: String,
    pub to: String,
    pub status: String,
    pub requested_at: i64,
    pub decided_at: Option<i64>,
}

#[derive(Deserialize)]
struct DerogaDb {
    id: f64,
    pupil_id: f64,
    category: String,
    date_from: String,
    date_to: String,
    status: String,
    requested_at: f64,
    decided_at: Option<f64>,
}

impl DerogaDb {
    fn out(self) -> DerogaOut {
        DerogaOut {
            id: self.id as i64,
            pupil_id: self.pupil_id as i64,
            category: self.category,
            from: self.date_from,
            to: self.date_to,
            status: self.status,
            requested_at: self.requested_at as i64,
            decided_at: self.decided_at.map(|d| d as i64),
        }
    }
}

impl DerogaOut {
    /// The engine's derogation (ids from D1 fit in u32 for a school's requests).
    pub fn deroga(&self) -> Option<Deroga> {
        let status = RequestStatus::from_code(&self.status)?.deroga_status();
        let from = chrono::NaiveDate::parse_from_str(&self.from, "%Y-%m-%d").ok()?;
        let to = chrono::NaiveDate::parse_from_str(&self.to, "%Y-%m-%d").ok()?;
        Deroga::new(
            DerogaId(u32::try_from(self.id).ok()?),
            DerogaCategoryCode::new(&self.category).ok()?,
            DateRange::new(from, to).ok()?,
            None,
            status,
        )
        .ok()
    }
}

/// A pupil's register as one round trip: the pupil (with class, calendar and policy), the
/// absences with their justifications, the derogation requests, and the audiences of the
/// school's notices that ask for an acknowledgement not yet given for this pupil.
pub struct Register {
    pub row: ChildDb,
    pub absences: Vec<Absence>,
    pub derogations: Vec<DerogaOut>,
    pub unacknowledged: Vec<Audience>,
}

#[derive(Deserialize)]
struct AudienceDb {
    audience: String,
}

pub async fn register(env: &Env, pupil_id: i64) -> Result<Option<Register>, ApiError> {
    let db = database(env)?;
    let id = [int(pupil_id as f64)];
    let school = "(SELECT school_id FROM pupils WHERE id = ?1)";
    let results = db
        .batch(vec![
            db.prepare(CHILD_SQL).bind(&id)?,
            db.prepare(format!(
                "SELECT a.id, a.date, a.kind, a.minutes, a.justified, j.id AS j_id, j.reason, \
                 j.status AS j_status, j.requested_at, j.decided_at FROM absences a \
                 LEFT JOIN justifications j ON j.absence_id = a.id \
                 WHERE a.school_id = {school} AND a.pupil_id = ?1 ORDER BY a.date, a.kind"
            ))
            .bind(&id)?,
            db.prepare(format!(
                "SELECT id, pupil_id, category, date_from, date_to, status, requested_at, \
                 decided_at FROM derogation_requests WHERE school_id = {school} \
                 AND pupil_id = ?1 ORDER BY id"
            ))
            .bind(&id)?,
            db.prepare(format!(
                "SELECT n.audience FROM notices n WHERE n.school_id = {school} \
                 AND n.requires_ack = 1 AND NOT EXISTS (SELECT 1 FROM notice_acks k \
                 WHERE k.notice_id = n.id AND k.pupil_id = ?1)"
            ))
            .bind(&id)?,
        ])
        .await?;
    let [c, a, d, n] = <[worker::D1Result; 4]>::try_from(results)
        .map_err(|_| broken("register", "wrong batch size"))?;
    let Some(row) = c.results::<ChildDb>()?.into_iter().next() else {
        return Ok(None);
    };
    let unacknowledged = n
        .results::<AudienceDb>()?
        .into_iter()
        .map(|r| serde_json::from_str(&r.audience).map_err(|e| broken("audience", e)))
        .collect::<Result<Vec<Audience>, ApiError>>()?;
    let absences = a
        .results::<AbsenceDb>()?
        .into_iter()
        .map(|r| {
            let justification = r.j_id.map(|id| Justification {
                id: id as i64,
                reason: r.reason.clone().unwrap_or_default(),
                status: r.j_status.clone().unwrap_or_default(),
                requested_at: r.requested_at.unwrap_or(0.0) as i64,
                decided_at: r.decided_at.map(|d| d as i64),
            });
            let justified = r.justified != 0.0
                || justification
                    .as_ref()
                    .is_some_and(|j| j.status == RequestStatus::Approved.as_str());
            let minutes = r.minutes.map(|m| m as u32);
            let event = chrono::NaiveDate::parse_from_str(&r.date, "%Y-%m-%d")
                .ok()
                .zip(AbsenceKind::from_code(&r.kind))
                .and_then(|(date, kind)| {
                    AbsenceEvent::new(date, kind, minutes, justified, None).ok()
                });
            Absence {
                id: r.id as i64,
                date: r.date,
                kind: r.kind,
                minutes,
                justified,
                justification,
                event,
            }
        })
        .collect();
    let derogations = d
        .results::<DerogaDb>()?
        .into_iter()
        .map(DerogaDb::out)
        .collect();
    Ok(Some(Register {
        row,
        absences,
        derogations,
        unacknowledged,
    }))
}

/// The absence `id` with its pupil and school, and whether a justification exists.
#[derive(Deserialize)]
pub struct AbsenceRef {
    pub id: f64,
    pub pupil_id: f64,
    pub school_id: f64,
    pub date: String,
    pub kind: String,
    pub justified: f64,
    /// The justification already sent, if any.
    pub j_status: Option<String>,
}

pub async fn absence(env: &Env, id: i64) -> Result<Option<AbsenceRef>, ApiError> {
    Ok(database(env)?
        .prepare(
            "SELECT a.id, a.pupil_id, a.school_id, a.date, a.kind, a.justified, \
             j.status AS j_status FROM absences a \
             LEFT JOIN justifications j ON j.absence_id = a.id WHERE a.id = ?1",
        )
        .bind(&[int(id as f64)])?
        .first(None)
        .await?)
}

/// Records a guardian's justification (a refused one may be sent again).
pub async fn justify(
    env: &Env,
    a: &AbsenceRef,
    reason: JustificationReason,
    by: &str,
    now: i64,
) -> Result<i64, ApiError> {
    let row: Option<IdRow> = database(env)?
        .prepare(
            "INSERT INTO justifications (school_id, pupil_id, absence_id, reason, status, \
             requested_by, requested_at) VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6) \
             ON CONFLICT (absence_id) DO UPDATE SET reason = excluded.reason, status = 'pending', \
             requested_by = excluded.requested_by, requested_at = excluded.requested_at, \
             decided_by = NULL, decided_at = NULL WHERE justifications.status = 'refused' \
             RETURNING id",
        )
        .bind(&[
            int(a.school_id),
            int(a.pupil_id),
            int(a.id),
            text(reason.as_str()),
            text(by),
            int(now as f64),
        ])?
        .first(None)
        .await?;
    row.map(|r| r.id as i64).ok_or_else(|| {
        FieldError::conflict("Per questa assenza è già stata inviata una giustificazione.").into()
    })
}

#[derive(Deserialize)]
struct IdRow {
    id: f64,
}

/// Records a guardian's derogation request.
pub async fn request_deroga(
    env: &Env,
    school_id: i64,
    pupil_id: i64,
    r: &DerogaRequest,
    by: &str,
    now: i64,
) -> Result<i64, ApiError> {
    let row: Option<IdRow> = database(env)?
        .prepare(
            "INSERT INTO derogation_requests (school_id, pupil_id, category, date_from, date_to, \
             status, requested_by, requested_at) VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?7) \
             RETURNING id",
        )
        .bind(&[
            int(school_id as f64),
            int(pupil_id as f64),
            text(r.category().as_str()),
            text(&r.period().from().to_string()),
            text(&r.period().to().to_string()),
            text(by),
            int(now as f64),
        ])?
        .first(None)
        .await?;
    row.map(|r| r.id as i64)
        .ok_or_else(|| broken("derogation request", "no id"))
}

/// A request waiting for (or given) the school's decision, with where its pupil is.
#[derive(Debug, Clone, Deserialize)]
pub struct RequestRef {
    pub id: f64,
    pub school_id: f64,
    pub class_code: String,
    pub status: String,
}

/// Table of a request kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    Justification,
    Derogation,
}

impl RequestKind {
    fn table(self) -> &'static str {
        match self {
            RequestKind::Justification => "justifications",
            RequestKind::Derogation => "derogation_requests",
        }
    }

    pub fn audit_action(self) -> &'static str {
        match self {
            RequestKind::Justification => "justification.decide",
            RequestKind::Derogation => "derogation.decide",
        }
    }
}

pub async fn request(
    env: &Env,
    kind: RequestKind,
    id: i64,
) -> Result<Option<RequestRef>, ApiError> {
    Ok(database(env)?
        .prepare(format!(
            "SELECT r.id, r.school_id, p.class_code, r.status FROM {} r \
             JOIN pupils p ON p.id = r.pupil_id WHERE r.id = ?1",
            kind.table()
        ))
        .bind(&[int(id as f64)])?
        .first(None)
        .await?)
}

/// The school's decision, taken once, with its audit record, in one batch.
pub async fn decide(
    env: &Env,
    kind: RequestKind,
    r: &RequestRef,
    decision: Decision,
    by: &str,
    now: i64,
) -> Result<RequestStatus, ApiError> {
    let current = RequestStatus::from_code(&r.status).ok_or_else(|| broken("status", &r.status))?;
    let next = decision.apply(current)?;
    let db = database(env)?;
    let results = db
        .batch(vec![
            db.prepare(format!(
                "UPDATE {} SET status = ?2, decided_by = ?3, decided_at = ?4 \
                 WHERE id = ?1 AND status = 'pending'",
                kind.table()
            ))
            .bind(&[int(r.id), text(next.as_str()), text(by), int(now as f64)])?,
            db.prepare(
                "INSERT INTO audit_log (school_id, at, actor, action, object, detail) \
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE changes() = 1",
            )
            .bind(&[
                int(r.school_id),
                int(now as f64),
                text(by),
                text(kind.audit_action()),
                text(&format!("{}/{}", kind.table(), r.id as i64)),
                text(next.as_str()),
            ])?,
        ])
        .await?;
    let changed = results
        .first()
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.changes)
        .unwrap_or(0);
    if changed == 0 {
        // Decided by someone else meanwhile.
        return Err(FieldError::conflict(
            "Su questa richiesta la scuola ha già deciso: la decisione non si cambia da qui.",
        )
        .into());
    }
    Ok(next)
}

/// A pending request for the school's list.
#[derive(Debug, Clone, Serialize)]
pub struct PendingRequest {
    pub kind: String,
    pub id: i64,
    pub pupil_id: i64,
    pub pupil: String,
    pub class_code: String,
    /// Absence date (justification) or first day (derogation).
    pub date_from: String,
    pub date_to: String,
    /// Absence kind (justification) or derogation category.
    pub what: String,
    /// Reason code (justification).
    pub reason: Option<String>,
    pub requested_at: i64,
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

/// Pending justifications and derogation requests of a school, oldest first; `classes`
/// restricts them to a teacher's classes.
pub async fn pending_requests(
    env: &Env,
    school_id: i64,
    classes: Option<&[String]>,
) -> Result<Vec<PendingRequest>, ApiError> {
    let rows: Vec<PendingDb> = database(env)?
        .prepare(
            "SELECT 'justification' AS kind, j.id, j.pupil_id, p.surname || ' ' || p.name AS pupil, \
             p.class_code, a.date AS date_from, a.date AS date_to, a.kind AS what, j.reason, \
             j.requested_at FROM justifications j JOIN pupils p ON p.id = j.pupil_id \
             JOIN absences a ON a.id = j.absence_id \
             WHERE j.school_id = ?1 AND j.status = 'pending' \
             UNION ALL SELECT 'derogation', d.id, d.pupil_id, p.surname || ' ' || p.name, \
             p.class_code, d.date_from, d.date_to, d.category, NULL, d.requested_at \
             FROM derogation_requests d JOIN pupils p ON p.id = d.pupil_id \
             WHERE d.school_id = ?1 AND d.status = 'pending' ORDER BY 10, 1, 2 LIMIT 2000",
        )
        .bind(&[int(school_id as f64)])?
        .all()
        .await?
        .results()?;
    Ok(rows
        .into_iter()
        .filter(|r| classes.is_none_or(|cs| cs.contains(&r.class_code)))
        .map(|r| PendingRequest {
            kind: r.kind,
            id: r.id as i64,
            pupil_id: r.pupil_id as i64,
            pupil: r.pupil,
            class_code: r.class_code,
            date_from: r.date_from,
            date_to: r.date_to,
            what: r.what,
            reason: r.reason,
            requested_at: r.requested_at as i64,
        })
        .collect())
}

/// A notice, with the reader's state when a guardian reads it.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    pub id: i64,
    pub school_id: i64,
    pub title: String,
    pub body: String,
    pub audience: Audience,
    pub requires_ack: bool,
    pub published_at: i64,
    /// For a guardian: read by them.
    pub read: bool,
    /// For a guardian: the pupils of theirs it reaches, and which of them are acknowledged.
    pub pupils: Vec<NoticePupil>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoticePupil {
    pub pupil_id: i64,
    pub acknowledged_at: Option<i64>,
}

#[derive(Deserialize)]
struct NoticeDb {
    id: f64,
    school_id: f64,
    title: String,
    body: String,
    audience: String,
    requires_ack: f64,
    published_at: f64,
}

impl NoticeDb {
    fn notice(self) -> Result<Notice, ApiError> {
        Ok(Notice {
            id: self.id as i64,
            school_id: self.school_id as i64,
            title: self.title,
            body: self.body,
            audience: serde_json::from_str(&self.audience).map_err(|e| broken("audience", e))?,
            requires_ack: self.requires_ack != 0.0,
            published_at: self.published_at as i64,
            read: false,
            pupils: Vec::new(),
        })
    }
}

/// Publishes a notice, with its audit record.
pub async fn publish(
    env: &Env,
    school_id: i64,
    n: &NoticeDraft,
    by: &str,
    now: i64,
) -> Result<i64, ApiError> {
    let audience = serde_json::to_string(&n.audience).map_err(|e| broken("audience", e))?;
    let db = database(env)?;
    let results = db
        .batch(vec![
            db.prepare(
                "INSERT INTO notices (school_id, title, body, audience, requires_ack, \
                 published_by, published_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
            )
            .bind(&[
                int(school_id as f64),
                text(&n.title),
                text(&n.body),
                text(&audience),
                int(u8::from(n.requires_ack)),
                text(by),
                int(now as f64),
            ])?,
            db.prepare(
                "INSERT INTO audit_log (school_id, at, actor, action, object, detail) \
                 VALUES (?1, ?2, ?3, 'notice.publish', 'notices/' || last_insert_rowid(), ?4)",
            )
            .bind(&[
                int(school_id as f64),
                int(now as f64),
                text(by),
                text(&n.title),
            ])?,
        ])
        .await?;
    let id = results
        .into_iter()
        .next()
        .map(|r| r.results::<IdRow>())
        .transpose()?
        .and_then(|v| v.into_iter().next())
        .ok_or_else(|| broken("notice", "no id"))?;
    Ok(id.id as i64)
}

/// Every notice of the schools `school_ids`, newest first.
pub async fn notices_of(env: &Env, school_ids: &[i64]) -> Result<Vec<Notice>, ApiError> {
    if school_ids.is_empty() {
        return Ok(Vec::new());
    }
    // Integers from the person's grants, never from the request: safe to inline.
    let list = school_ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let rows: Vec<NoticeDb> = database(env)?
        .prepare(format!(
            "SELECT id, school_id, title, body, audience, requires_ack, published_at FROM notices \
             WHERE school_id IN ({list}) ORDER BY published_at DESC, id DESC LIMIT 500"
        ))
        .all()
        .await?
        .results()?;
    rows.into_iter().map(NoticeDb::notice).collect()
}

pub async fn notice(env: &Env, id: i64) -> Result<Option<Notice>, ApiError> {
    let row: Option<NoticeDb> = database(env)?
        .prepare(
            "SELECT id, school_id, title, body, audience, requires_ack, published_at FROM notices \
             WHERE id = ?1",
        )
        .bind(&[int(id as f64)])?
        .first(None)
        .await?;
    row.map(NoticeDb::notice).transpose()
}

/// A guardian's child, where a notice's audience is concerned.
#[derive(Debug, Clone)]
pub struct Kid {
    pub pupil_id: i64,
    pub school_id: i64,
    pub grade: SchoolGrade,
    pub class_code: String,
}

#[derive(Deserialize)]
struct KidDb {
    id: f64,
    school_id: f64,
    class_code: String,
    grade: Option<String>,
}

/// The guardian's children with their grade.
pub async fn kids(env: &Env, codice_fiscale: &str) -> Result<Vec<Kid>, ApiError> {
    let rows: Vec<KidDb> = database(env)?
        .prepare(
            "SELECT p.id, p.school_id, p.class_code, c.grade FROM guardians g \
             JOIN pupils p ON p.id = g.pupil_id LEFT JOIN classes c \
             ON c.school_id = p.school_id AND c.code = p.class_code \
             WHERE g.codice_fiscale = ?1 ORDER BY p.id",
        )
        .bind(&[text(codice_fiscale)])?
        .all()
        .await?
        .results()?;
    Ok(rows
        .into_iter()
        .filter_map(|k| {
            Some(Kid {
                pupil_id: k.id as i64,
                school_id: k.school_id as i64,
                grade: SchoolGrade::from_code(&k.grade?)?,
                class_code: k.class_code,
            })
        })
        .collect())
}

impl Kid {
    pub fn recipient(&self) -> Recipient<'_> {
        Recipient {
            pupil_id: self.pupil_id,
            grade: self.grade,
            class: &self.class_code,
        }
    }
}

#[derive(Deserialize)]
struct ReadDb {
    notice_id: f64,
}

#[derive(Deserialize)]
struct AckDb {
    notice_id: f64,
    pupil_id: f64,
    acknowledged_at: f64,
}

/// The notices reaching the guardian's `kids`, each with the guardian's read state and the
/// acknowledgements of their children it reaches; unread first, then newest.
pub async fn notices_for(
    env: &Env,
    codice_fiscale: &str,
    kids: &[Kid],
) -> Result<Vec<Notice>, ApiError> {
    let mut schools: Vec<i64> = kids.iter().map(|k| k.school_id).collect();
    schools.sort_unstable();
    schools.dedup();
    let all = notices_of(env, &schools).await?;
    let mut mine: Vec<Notice> = all
        .into_iter()
        .filter_map(|mut n| {
            n.pupils = kids
                .iter()
                .filter(|k| k.school_id == n.school_id && n.audience.reaches(k.recipient()))
                .map(|k| NoticePupil {
                    pupil_id: k.pupil_id,
                    acknowledged_at: None,
                })
                .collect();
            (!n.pupils.is_empty()).then_some(n)
        })
        .collect();
    if mine.is_empty() {
        return Ok(mine);
    }
    let ids = mine
        .iter()
        .map(|n| n.id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let pupils = kids
        .iter()
        .map(|k| k.pupil_id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let db = database(env)?;
    // Ids from the rows just read and the person's grants: safe to inline.
    let results = db
        .batch(vec![
            db.prepare(format!(
                "SELECT notice_id FROM notice_reads WHERE codice_fiscale = ?1 \
                 AND notice_id IN ({ids})"
            ))
            .bind(&[text(codice_fiscale)])?,
            db.prepare(format!(
                "SELECT notice_id, pupil_id, acknowledged_at FROM notice_acks \
                 WHERE notice_id IN ({ids}) AND pupil_id IN ({pupils})"
            )),
        ])
        .await?;
    let [reads, acks] = <[worker::D1Result; 2]>::try_from(results)
        .map_err(|_| broken("notice state", "wrong batch size"))?;
    let reads: Vec<ReadDb> = reads.results()?;
    let acks: Vec<AckDb> = acks.results()?;
    for n in &mut mine {
        n.read = reads.iter().any(|r| r.notice_id as i64 == n.id);
        for p in &mut n.pupils {
            p.acknowledged_at = acks
                .iter()
                .find(|a| a.notice_id as i64 == n.id && a.pupil_id as i64 == p.pupil_id)
                .map(|a| a.acknowledged_at as i64);
        }
    }
    mine.sort_by_key(|n| {
        (
            n.read,
            std::cmp::Reverse(n.published_at),
            std::cmp::Reverse(n.id),
        )
    });
    Ok(mine)
}

pub async fn mark_read(
    env: &Env,
    notice_id: i64,
    codice_fiscale: &str,
    now: i64,
) -> Result<(), ApiError> {
    database(env)?
        .prepare(
            "INSERT INTO notice_reads (notice_id, codice_fiscale, read_at) VALUES (?1, ?2, ?3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(&[int(notice_id as f64), text(codice_fiscale), int(now as f64)])?
        .run()
        .await?;
    Ok(())
}

/// Acknowledges `notice` for each of `pupils` not yet acknowledged; returns how many were new.
pub async fn acknowledge(
    env: &Env,
    notice: &Notice,
    pupils: &[i64],
    codice_fiscale: &str,
    now: i64,
) -> Result<usize, ApiError> {
    let db = database(env)?;
    let mut statements = Vec::with_capacity(pupils.len() + 1);
    statements.push(
        db.prepare(
            "INSERT INTO notice_reads (notice_id, codice_fiscale, read_at) VALUES (?1, ?2, ?3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(&[int(notice.id as f64), text(codice_fiscale), int(now as f64)])?,
    );
    for p in pupils {
        statements.push(
            db.prepare(
                "INSERT INTO notice_acks (notice_id, pupil_id, school_id, codice_fiscale, \
                 acknowledged_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
            )
            .bind(&[
                int(notice.id as f64),
                int(*p as f64),
                int(notice.school_id as f64),
                text(codice_fiscale),
                int(now as f64),
            ])?,
        );
    }
    let results = db.batch(statements).await?;
    Ok(results
        .iter()
        .skip(1)
        .filter_map(|r| r.meta().ok().flatten().and_then(|m| m.changes))
        .filter(|&c| c > 0)
        .count())
}

/// One pupil a notice reaches, with the acknowledgement if any, for the office.
#[derive(Debug, Clone, Serialize)]
pub struct AckListRow {
    pub pupil_id: i64,
    pub pupil: String,
    pub class_code: String,
    pub acknowledged_at: Option<i64>,
    pub acknowledged_by: Option<String>,
}

#[derive(Deserialize)]
struct AckListDb {
    id: f64,
    surname: String,
    name: String,
    class_code: String,
    grade: Option<String>,
    acknowledged_at: Option<f64>,
    by_name: Option<String>,
}

/// Every pupil of the school the notice reaches, by class and name, with acknowledgements.
pub async fn ack_list(env: &Env, n: &Notice) -> Result<Vec<AckListRow>, ApiError> {
    let rows: Vec<AckListDb> = database(env)?
        .prepare(
            "SELECT p.id, p.surname, p.name, p.class_code, c.grade, a.acknowledged_at, \
             (SELECT g.name || ' ' || g.surname FROM guardians g WHERE g.pupil_id = p.id \
              AND g.codice_fiscale = a.codice_fiscale) AS by_name \
             FROM pupils p LEFT JOIN classes c ON c.school_id = p.school_id \
             AND c.code = p.class_code LEFT JOIN notice_acks a ON a.notice_id = ?2 \
             AND a.pupil_id = p.id WHERE p.school_id = ?1 \
             ORDER BY p.class_code, p.surname, p.name",
        )
        .bind(&[int(n.school_id as f64), int(n.id as f64)])?
        .all()
        .await?
        .results()?;
    Ok(rows
        .into_iter()
        .filter(|r| {
            let Some(grade) = r.grade.as_deref().and_then(SchoolGrade::from_code) else {
                return false;
            };
            n.audience.reaches(Recipient {
                pupil_id: r.id as i64,
                grade,
                class: &r.class_code,
            })
        })
        .map(|r| AckListRow {
            pupil_id: r.id as i64,
            pupil: format!("{} {}", r.surname, r.name),
            class_code: r.class_code,
            acknowledged_at: r.acknowledged_at.map(|a| a as i64),
            acknowledged_by: r.by_name,
        })
        .collect())
}

impl AckListRow {
    pub fn ack_row(&self) -> AckRow {
        AckRow {
            class: self.class_code.clone(),
            acknowledged: self.acknowledged_at.is_some(),
        }
    }
}
