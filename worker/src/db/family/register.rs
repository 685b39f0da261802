//! A pupil's register as the engine takes it: the pupil with class, calendar and policy, the
//! absences with their justifications, the derogation requests, and the notices still awaiting
//! an acknowledgement for them; for one pupil or all of a guardian's children in one batch.

use super::notices::{family_notice_statements, FamilyNotices};
use super::{broken, database, date, id_list, whole};
use crate::db::{text, Answers, Counted, Error, Reads};
use domain::attendance::{
    AbsenceKind, Calendar, DerogaCategoryCode, Enrolment, Policy, Pupil, SchoolGrade,
    TimetableProfile,
};
use domain::family::{
    Absence, Audience, Child, DerogaRecord, Justification, JustificationReason, Place,
    RefusalReason, Register, RequestStatus,
};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Env};

/// The policy a school follows, from its stored one (`domain::attendance::presets::school_policy`
/// decides what a school without one follows).
pub(super) fn policy_of(stored: Option<&str>) -> Result<Policy, Error> {
    let own = stored
        .map(|json| serde_json::from_str(json).map_err(|e| broken("school policy", e)))
        .transpose()?;
    domain::attendance::presets::school_policy(own).map_err(|e| broken("preset", e.message))
}

/// The pupils of `?1` (a JSON list of ids) with class, calendar and policy, and when their
/// school's absences last went live.
const CHILD_SQL: &str = "SELECT p.id, p.school_id, s.name AS school, p.name, p.surname, \
     p.class_code, p.enrolment, p.personalised_hours, c.grade, c.day_hours, k.spec AS calendar, \
     s.policy, (SELECT max(i.finished_at) FROM imports i WHERE i.school_id = p.school_id \
     AND i.kind = 'assenze' AND i.status = 'live') AS absences_imported_at \
     FROM pupils p JOIN schools s ON s.id = p.school_id \
     LEFT JOIN classes c ON c.school_id = p.school_id AND c.code = p.class_code \
     LEFT JOIN calendars k ON k.school_id = p.school_id \
     WHERE p.id IN (SELECT value FROM json_each(?1)) ORDER BY p.id";

/// Their absences (of their own school), each with its justification.
const ABSENCES_SQL: &str = "SELECT a.pupil_id, a.id, a.date, a.kind, a.minutes, a.justified, \
     j.id AS j_id, j.reason, j.status AS j_status, j.requested_at, j.decided_at, \
     r.reason AS refusal FROM pupils p \
     JOIN absences a ON a.pupil_id = p.id AND a.school_id = p.school_id \
     LEFT JOIN justifications j ON j.absence_id = a.id \
     LEFT JOIN request_decisions r ON r.id = j.decision_id \
     WHERE p.id IN (SELECT value FROM json_each(?1)) ORDER BY a.pupil_id, a.date, a.kind";

/// Their derogation requests.
const DEROGHE_SQL: &str = "SELECT d.id, d.pupil_id, d.category, d.date_from, d.date_to, \
     d.status, d.requested_at, d.decided_at, r.council_date, r.reason AS refusal FROM pupils p \
     JOIN derogation_requests d ON d.pupil_id = p.id AND d.school_id = p.school_id \
     LEFT JOIN request_decisions r ON r.id = d.decision_id \
     WHERE p.id IN (SELECT value FROM json_each(?1)) ORDER BY d.id";

/// The audiences of their school's notices asking for an acknowledgement not yet given for
/// each of them.
const UNACKNOWLEDGED_SQL: &str = "SELECT p.id AS pupil_id, n.audience FROM pupils p \
     JOIN notices n ON n.school_id = p.school_id \
     WHERE p.id IN (SELECT value FROM json_each(?1)) AND n.requires_ack = 1 \
     AND n.withdrawn_at IS NULL \
     AND NOT EXISTS (SELECT 1 FROM notice_acks k WHERE k.notice_id = n.id AND k.pupil_id = p.id)";

#[derive(Deserialize)]
struct ChildDb {
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
    absences_imported_at: Option<f64>,
}

impl ChildDb {
    /// Where the pupil is, and the pupil as the engine takes it (`None` while the school has
    /// not sent its classes or calendar).
    fn decode(self) -> Result<(Place, Option<Child>), Error> {
        let r = self;
        let place = Place {
            pupil_id: whole("pupil id", r.id)?,
            school_id: whole("school id", r.school_id)?,
            class_code: r.class_code.clone(),
        };
        let (Some(grade), Some(days), Some(calendar)) = (r.grade, r.day_hours, r.calendar) else {
            return Ok((place, None));
        };
        let grade = SchoolGrade::from_code(&grade).ok_or_else(|| broken("grade", &grade))?;
        let days: [u32; 6] = serde_json::from_str(&days).map_err(|e| broken("day hours", e))?;
        let profile =
            TimetableProfile::from_days(days).map_err(|e| broken("timetable", e.message))?;
        let enrolment: Enrolment =
            serde_json::from_str(&r.enrolment).map_err(|e| broken("enrolment", e))?;
        let hours = r
            .personalised_hours
            .map(|h| whole("personalised hours", h).and_then(|h| u32_of("personalised hours", h)))
            .transpose()?;
        let pupil =
            Pupil::new(grade, profile, enrolment, hours).map_err(|e| broken("pupil", e.message))?;
        let calendar: Calendar =
            serde_json::from_str(&calendar).map_err(|e| broken("calendar", e))?;
        let child = Child {
            id: place.pupil_id,
            school_id: place.school_id,
            school: r.school,
            name: r.name,
            surname: r.surname,
            class_code: r.class_code,
            grade,
            pupil,
            calendar,
            policy: policy_of(r.policy.as_deref())?,
        };
        Ok((place, Some(child)))
    }
}

fn u32_of(what: &str, n: i64) -> Result<u32, Error> {
    u32::try_from(n).map_err(|e| broken(what, e))
}

#[derive(Deserialize)]
struct AbsenceDb {
    pupil_id: f64,
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
    refusal: Option<String>,
}

/// A stored refusal reason, if any.
fn refusal(raw: Option<&str>) -> Result<Option<RefusalReason>, Error> {
    raw.map(|r| RefusalReason::from_code(r).ok_or_else(|| broken("refusal reason", r)))
        .transpose()
}

impl AbsenceDb {
    fn decode(self) -> Result<(i64, Absence), Error> {
        let justification = match self.j_id {
            None => None,
            Some(id) => {
                let reason = self.reason.as_deref().unwrap_or("");
                let status = self.j_status.as_deref().unwrap_or("");
                Some(Justification {
                    id: whole("justification id", id)?,
                    reason: JustificationReason::parse(reason)
                        .map_err(|_| broken("justification reason", reason))?,
                    status: RequestStatus::from_code(status)
                        .ok_or_else(|| broken("justification status", status))?,
                    requested_at: whole(
                        "justification time",
                        self.requested_at
                            .ok_or_else(|| broken("justification", "no request time"))?,
                    )?,
                    decided_at: self
                        .decided_at
                        .map(|d| whole("decision time", d))
                        .transpose()?,
                    refusal: refusal(self.refusal.as_deref())?,
                })
            }
        };
        let kind = AbsenceKind::from_code(&self.kind).ok_or_else(|| broken("kind", &self.kind))?;
        let minutes = self
            .minutes
            .map(|m| whole("minutes", m).and_then(|m| u32_of("minutes", m)))
            .transpose()?;
        let absence = Absence::new(
            whole("absence id", self.id)?,
            date("absence date", &self.date)?,
            kind,
            minutes,
            self.justified != 0.0,
            justification,
        )
        .map_err(|e| broken("absence", e.message))?;
        Ok((whole("pupil id", self.pupil_id)?, absence))
    }
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
    council_date: Option<String>,
    refusal: Option<String>,
}

impl DerogaDb {
    fn decode(self) -> Result<DerogaRecord, Error> {
        let record = DerogaRecord::new(
            whole("derogation id", self.id)?,
            whole("pupil id", self.pupil_id)?,
            DerogaCategoryCode::new(&self.category)
                .map_err(|_| broken("derogation category", &self.category))?,
            date("derogation start", &self.date_from)?,
            date("derogation end", &self.date_to)?,
            RequestStatus::from_code(&self.status)
                .ok_or_else(|| broken("derogation status", &self.status))?,
            whole("derogation time", self.requested_at)?,
            self.decided_at
                .map(|d| whole("decision time", d))
                .transpose()?,
        )
        .map_err(|e| broken("derogation", e.message))?;
        let council = self
            .council_date
            .map(|d| date("council date", &d))
            .transpose()?;
        Ok(record.decided(council, refusal(self.refusal.as_deref())?))
    }
}

#[derive(Deserialize)]
struct AudienceDb {
    pupil_id: f64,
    audience: String,
}

/// The four statements reading the registers of `pupils`.
fn register_statements(db: &D1Database, pupils: &[i64]) -> Result<Vec<D1PreparedStatement>, Error> {
    let ids = [text(&id_list(pupils))];
    Ok(vec![
        db.prepare(CHILD_SQL).bind(&ids)?,
        db.prepare(ABSENCES_SQL).bind(&ids)?,
        db.prepare(DEROGHE_SQL).bind(&ids)?,
        db.prepare(UNACKNOWLEDGED_SQL).bind(&ids)?,
    ])
}

/// The registers from the four statements' results, in pupil id order (a pupil that does not
/// exist has none).
fn registers_from(r: &mut Answers) -> Result<Vec<Register>, Error> {
    let children: Vec<ChildDb> = r.next()?;
    let absences: Vec<AbsenceDb> = r.next()?;
    let deroghe: Vec<DerogaDb> = r.next()?;
    let audiences: Vec<AudienceDb> = r.next()?;
    let mut out = Vec::with_capacity(children.len());
    for c in children {
        let absences_imported_at = c
            .absences_imported_at
            .map(|t| whole("absences import time", t))
            .transpose()?;
        let (place, child) = c.decode()?;
        out.push(Register {
            place,
            child,
            absences: Vec::new(),
            deroghe: Vec::new(),
            unacknowledged: Vec::new(),
            absences_imported_at,
        });
    }
    let find = |out: &mut Vec<Register>, id: i64| -> Result<usize, Error> {
        out.iter()
            .position(|r| r.place.pupil_id == id)
            .ok_or_else(|| Error::storage("register", format!("a row of pupil {id} not asked for")))
    };
    for a in absences {
        let (pupil, absence) = a.decode()?;
        let i = find(&mut out, pupil)?;
        out[i].absences.push(absence);
    }
    for d in deroghe {
        let d = d.decode()?;
        let i = find(&mut out, d.pupil_id)?;
        out[i].deroghe.push(d);
    }
    for a in audiences {
        let audience: Audience =
            serde_json::from_str(&a.audience).map_err(|e| broken("audience", e))?;
        let i = find(&mut out, whole("pupil id", a.pupil_id)?)?;
        out[i].unacknowledged.push(audience);
    }
    Ok(out)
}

/// The reads of pupil `id`'s register, to send with the request's session: one round trip in
/// all ([`register_answered`] reads the answers).
pub fn register_reads(env: &Env, id: i64) -> Result<Reads, Error> {
    Ok(Reads(register_statements(&database(env)?, &[id])?))
}

/// The register that [`register_reads`] asked for; `None` if there is no such pupil. The
/// caller checks access on its `place` before using anything else.
pub fn register_answered(answers: Answers) -> Result<Option<Register>, Error> {
    let mut r = Answers {
        what: "register",
        ..answers
    };
    Ok(registers_from(&mut r)?.into_iter().next())
}

/// Pupil `id`'s register (one round trip), for a change that must check it first; `None` if
/// there is no such pupil. The caller checks access on its `place`.
pub async fn register(env: &Env, id: i64) -> Result<Option<Register>, Error> {
    let db = database(env)?;
    let statements = register_statements(&db, &[id])?;
    let mut r = Answers::new("register", db.batch(statements).counted().await?);
    Ok(registers_from(&mut r)?.into_iter().next())
}

/// The pupil `id` with class, calendar and policy (one round trip); `None` if there is no such
/// pupil.
pub async fn child(env: &Env, id: i64) -> Result<Option<(Place, Option<Child>)>, Error> {
    let statement = database(env)?
        .prepare(CHILD_SQL)
        .bind(&[text(&id_list(&[id]))])?;
    let rows: Vec<ChildDb> = crate::db::all("child", statement).await?;
    rows.into_iter().next().map(ChildDb::decode).transpose()
}

/// What the registers of a school's pupils are made from, as one text that changes whenever
/// they may: the school's last import to go live (pupils, classes, calendar, absences and
/// their `justified` flag change only in an import's one batch), its justifications and
/// derogation requests (how many, the newest, how many pending: a request sent, decided, undone
/// or purged changes one of them), its decisions (how many, how many undone, the newest) and its
/// policy.
const SCHOOL_REGISTERS_VERSION_SQL: &str = "SELECT \
     (SELECT coalesce(max(id), 0) FROM imports WHERE school_id = ?1 AND status = 'live') \
     || '/' || (SELECT count(*) || '.' || coalesce(max(id), 0) || '.' \
     || total(status = 'pending') FROM justifications WHERE school_id = ?1) \
     || '/' || (SELECT count(*) || '.' || coalesce(max(id), 0) || '.' \
     || total(status = 'pending') FROM derogation_requests WHERE school_id = ?1) \
     || '/' || (SELECT count(*) || '.' || count(undone_at) || '.' || coalesce(max(id), 0) \
     FROM request_decisions WHERE school_id = ?1) \
     || '/' || coalesce((SELECT policy FROM schools WHERE id = ?1), '') AS version";

#[derive(Deserialize)]
struct VersionRow {
    version: String,
}

/// The version of the registers of `school_id`'s pupils (one round trip): equal texts, equal
/// registers, so what is computed from them can be kept until it changes (the desk's lines).
pub async fn school_registers_version(env: &Env, school_id: i64) -> Result<String, Error> {
    let row: Option<VersionRow> = crate::db::first(
        "registers version",
        database(env)?
            .prepare(SCHOOL_REGISTERS_VERSION_SQL)
            .bind(&[crate::db::int(school_id as f64)])?,
    )
    .await?;
    Ok(row.map(|r| r.version).unwrap_or_default())
}

/// The registers of the pupils of `school_id` (`classes` limits them to a teacher's), for the
/// school's attendance desk: their ids, then the same reads as a family's (two round trips).
pub async fn school_registers(
    env: &Env,
    school_id: i64,
    classes: Option<&[String]>,
) -> Result<Vec<Register>, Error> {
    let db = database(env)?;
    let classes = match classes {
        Some(cs) => crate::db::list(cs)?,
        None => wasm_bindgen::JsValue::NULL,
    };
    let ids: Vec<super::IdRow> = crate::db::all(
        "pupils of the desk",
        db.prepare(
            "SELECT id FROM pupils WHERE school_id = ?1 \
             AND (?2 IS NULL OR class_code IN (SELECT value FROM json_each(?2))) ORDER BY id",
        )
        .bind(&[crate::db::int(school_id as f64), classes])?,
    )
    .await?;
    let ids = ids
        .iter()
        .map(|r| whole("pupil id", r.id))
        .collect::<Result<Vec<_>, Error>>()?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut r = Answers::new(
        "desk",
        db.batch(register_statements(&db, &ids)?).counted().await?,
    );
    registers_from(&mut r)
}

/// Everything a guardian's pages show, in one round trip: the registers of `pupils` (their
/// children, from their grants) and the notices of their children's schools with their reads
/// and acknowledgements.
pub struct FamilyData {
    pub registers: Vec<Register>,
    pub notices: FamilyNotices,
}

pub async fn family(env: &Env, codice_fiscale: &str, pupils: &[i64]) -> Result<FamilyData, Error> {
    let db = database(env)?;
    let mut statements = register_statements(&db, pupils)?;
    statements.extend(family_notice_statements(&db, codice_fiscale)?);
    let mut r = Answers::new("family", db.batch(statements).counted().await?);
    let registers = registers_from(&mut r)?;
    let notices = FamilyNotices::from_results(&mut r)?;
    Ok(FamilyData { registers, notices })
}
