//! Notices in D1: publishing, a guardian's notices with reads and acknowledgements, a school's
//! notices with the rows their acknowledgement figures come from (one grouped query for the
//! whole list), one notice with the school's pupils for the office's list.

use super::{broken, database, grade, whole, IdRow};
use crate::db::Counted;
use crate::db::{int, text, Answers, Error};
use domain::family::{Ack, Kid, Notice, NoticeDraft, RollPupil, SchoolPupil};
use serde::Deserialize;
use std::collections::HashMap;
use worker::{D1Database, D1PreparedStatement, Env};

/// The newest notices a list shows.
const LIST_LIMIT: u32 = 500;

#[derive(Deserialize)]
struct NoticeDb {
    id: f64,
    school_id: f64,
    title: String,
    body: String,
    audience: String,
    requires_ack: f64,
    published_at: f64,
    withdrawn_at: Option<f64>,
    reminded_at: Option<f64>,
    is_read: f64,
}

impl NoticeDb {
    fn decode(self) -> Result<Notice, Error> {
        Ok(Notice {
            id: whole("notice id", self.id)?,
            school_id: whole("school id", self.school_id)?,
            title: self.title,
            body: self.body,
            audience: serde_json::from_str(&self.audience).map_err(|e| broken("audience", e))?,
            requires_ack: self.requires_ack != 0.0,
            published_at: whole("publication time", self.published_at)?,
            withdrawn_at: self
                .withdrawn_at
                .map(|t| whole("withdrawal time", t))
                .transpose()?,
            reminded_at: self
                .reminded_at
                .map(|t| whole("reminder time", t))
                .transpose()?,
            read: self.is_read != 0.0,
            pupils: Vec::new(),
        })
    }
}

fn decode_all(rows: Vec<NoticeDb>) -> Result<Vec<Notice>, Error> {
    rows.into_iter().map(NoticeDb::decode).collect()
}

/// Publishes a notice, with its audit record.
pub async fn publish(
    env: &Env,
    school_id: i64,
    n: &NoticeDraft,
    by: &str,
    now: i64,
) -> Result<i64, Error> {
    let audience = crate::db::json_text("audience", &n.audience)?;
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
        .counted()
        .await?;
    let mut r = Answers::new("notice", results);
    let id = r
        .next::<IdRow>()?
        .into_iter()
        .next()
        .ok_or_else(|| Error::storage("notice", "no id"))?;
    whole("notice id", id.id)
}

/// Withdraws notice `id` of `school_id` (kept, marked withdrawn), with its audit record; false
/// when it was withdrawn already (meanwhile).
pub async fn withdraw(
    env: &Env,
    school_id: i64,
    id: i64,
    by: &str,
    now: i64,
) -> Result<bool, Error> {
    let db = database(env)?;
    let results = db
        .batch(vec![
            db.prepare(
                "UPDATE notices SET withdrawn_at = ?3, withdrawn_by = ?4 \
                 WHERE id = ?2 AND school_id = ?1 AND withdrawn_at IS NULL",
            )
            .bind(&[
                int(school_id as f64),
                int(id as f64),
                int(now as f64),
                text(by),
            ])?,
            db.prepare(
                "INSERT INTO audit_log (school_id, at, actor, action, object, detail) \
                 SELECT ?1, ?3, ?4, 'notice.withdraw', 'notices/' || ?2, title FROM notices \
                 WHERE id = ?2 AND school_id = ?1 AND changes() > 0",
            )
            .bind(&[
                int(school_id as f64),
                int(id as f64),
                int(now as f64),
                text(by),
            ])?,
        ])
        .counted()
        .await?;
    let first = results
        .first()
        .ok_or_else(|| Error::storage("withdrawal", "no result"))?;
    Ok(crate::db::changes("withdrawal", first)? > 0)
}

/// Reminds the families that have not acknowledged notice `id` of `school_id`: it becomes
/// unread again for every guardian who acknowledged nothing of it, and records when, with its
/// audit record.
pub async fn remind(env: &Env, school_id: i64, id: i64, by: &str, now: i64) -> Result<(), Error> {
    let db = database(env)?;
    let four = [
        int(school_id as f64),
        int(id as f64),
        int(now as f64),
        text(by),
    ];
    db.batch(vec![
        db.prepare(
            "UPDATE notices SET reminded_at = ?3 WHERE id = ?2 AND school_id = ?1 \
             AND withdrawn_at IS NULL",
        )
        .bind(&four[..3])?,
        // The caller checked the notice is the school's (the batch is one transaction).
        db.prepare(
            "DELETE FROM notice_reads WHERE notice_id = ?1 AND codice_fiscale NOT IN \
             (SELECT k.codice_fiscale FROM notice_acks k WHERE k.notice_id = ?1)",
        )
        .bind(&[int(id as f64)])?,
        db.prepare(
            "INSERT INTO audit_log (school_id, at, actor, action, object, detail) \
             SELECT ?1, ?3, ?4, 'notice.remind', 'notices/' || ?2, title FROM notices \
             WHERE id = ?2 AND school_id = ?1",
        )
        .bind(&four)?,
    ])
    .counted()
    .await?;
    Ok(())
}

// ------------------------------------------------------------------------------------------
// A guardian's notices.

/// The schools of the children of `?1` (a codice fiscale).
const FAMILY_SCHOOLS: &str = "SELECT p.school_id FROM guardians g JOIN pupils p \
     ON p.id = g.pupil_id WHERE g.codice_fiscale = ?1";

/// The guardian's children, with their grade and name.
const KIDS_SQL: &str = "SELECT p.id, p.school_id, p.class_code, c.grade, \
     p.name || ' ' || p.surname AS name FROM guardians g \
     JOIN pupils p ON p.id = g.pupil_id LEFT JOIN classes c \
     ON c.school_id = p.school_id AND c.code = p.class_code \
     WHERE g.codice_fiscale = ?1 ORDER BY p.id";

fn family_notices_sql() -> String {
    format!(
        "SELECT n.id, n.school_id, n.title, n.body, n.audience, n.requires_ack, n.published_at, \
         n.withdrawn_at, n.reminded_at, EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id \
         AND r.codice_fiscale = ?1) AS is_read FROM notices n \
         WHERE n.school_id IN ({FAMILY_SCHOOLS}) \
         ORDER BY n.published_at DESC, n.id DESC LIMIT {LIST_LIMIT}"
    )
}

fn family_acks_sql() -> String {
    format!(
        "SELECT k.notice_id, k.pupil_id, k.acknowledged_at FROM notice_acks k \
         WHERE k.pupil_id IN (SELECT g.pupil_id FROM guardians g WHERE g.codice_fiscale = ?1) \
         AND k.notice_id IN (SELECT n.id FROM notices n WHERE n.school_id IN ({FAMILY_SCHOOLS}) \
         ORDER BY n.published_at DESC, n.id DESC LIMIT {LIST_LIMIT})"
    )
}

#[derive(Deserialize)]
struct KidDb {
    id: f64,
    school_id: f64,
    class_code: String,
    grade: Option<String>,
    name: String,
}

#[derive(Deserialize)]
struct AckDb {
    notice_id: f64,
    pupil_id: f64,
    acknowledged_at: f64,
}

/// A guardian's children, the notices of their schools with the guardian's read state (newest
/// first), and their children's acknowledgements of them: `domain::family::for_family` keeps
/// those reaching a child.
pub struct FamilyNotices {
    pub kids: Vec<Kid>,
    pub notices: Vec<Notice>,
    pub acks: Vec<Ack>,
}

/// The three statements reading a guardian's notices.
pub(super) fn family_notice_statements(
    db: &D1Database,
    codice_fiscale: &str,
) -> Result<Vec<D1PreparedStatement>, Error> {
    let cf = [text(codice_fiscale)];
    Ok(vec![
        db.prepare(KIDS_SQL).bind(&cf)?,
        db.prepare(family_notices_sql()).bind(&cf)?,
        db.prepare(family_acks_sql()).bind(&cf)?,
    ])
}

impl FamilyNotices {
    pub(super) fn from_results(r: &mut Answers) -> Result<FamilyNotices, Error> {
        let kids = r
            .next::<KidDb>()?
            .into_iter()
            .map(|k| {
                Ok(Kid {
                    pupil_id: whole("pupil id", k.id)?,
                    school_id: whole("school id", k.school_id)?,
                    grade: grade(k.grade.as_deref())?,
                    class_code: k.class_code,
                    name: k.name,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let notices = decode_all(r.next::<NoticeDb>()?)?;
        let acks = r
            .next::<AckDb>()?
            .into_iter()
            .map(|a| {
                Ok(Ack {
                    notice_id: whole("notice id", a.notice_id)?,
                    pupil_id: whole("pupil id", a.pupil_id)?,
                    acknowledged_at: whole("acknowledgement time", a.acknowledged_at)?,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(FamilyNotices {
            kids,
            notices,
            acks,
        })
    }
}

/// A guardian's notices (one round trip).
pub async fn family_notices(env: &Env, codice_fiscale: &str) -> Result<FamilyNotices, Error> {
    let db = database(env)?;
    let results = db
        .batch(family_notice_statements(&db, codice_fiscale)?)
        .counted()
        .await?;
    FamilyNotices::from_results(&mut Answers::new("family notices", results))
}

pub async fn mark_read(
    env: &Env,
    notice_id: i64,
    codice_fiscale: &str,
    now: i64,
) -> Result<(), Error> {
    database(env)?
        .prepare(
            "INSERT INTO notice_reads (notice_id, codice_fiscale, read_at) VALUES (?1, ?2, ?3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(&[int(notice_id as f64), text(codice_fiscale), int(now as f64)])?
        .run()
        .counted()
        .await?;
    Ok(())
}

/// Acknowledges `notice` for each of `pupils` not yet acknowledged, and marks it read, in one
/// batch; returns how many acknowledgements were new.
pub async fn acknowledge(
    env: &Env,
    notice: &Notice,
    pupils: &[i64],
    codice_fiscale: &str,
    now: i64,
) -> Result<usize, Error> {
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
    let results = db.batch(statements).counted().await?;
    let mut new = 0;
    for r in results.iter().skip(1) {
        new += usize::from(crate::db::changes("acknowledgement", r)? > 0);
    }
    Ok(new)
}

// ------------------------------------------------------------------------------------------
// The school's side.

const SCHOOL_NOTICES_SQL: &str = "SELECT id, school_id, title, body, audience, requires_ack, \
     published_at, withdrawn_at, reminded_at, 0 AS is_read FROM notices WHERE school_id = ?1 \
     ORDER BY published_at DESC, id DESC LIMIT 500";

/// The school's pupils with their grade and name, by class and name.
const SCHOOL_PUPILS_SQL: &str = "SELECT p.id, p.class_code, c.grade, p.surname, p.name \
     FROM pupils p LEFT JOIN classes c ON c.school_id = p.school_id AND c.code = p.class_code \
     WHERE p.school_id = ?1 ORDER BY p.class_code, p.surname, p.name";

/// The pupils acknowledged, per notice of the list: one grouped query.
const SCHOOL_ACKS_SQL: &str = "SELECT k.notice_id, group_concat(k.pupil_id) AS pupils \
     FROM notice_acks k WHERE k.school_id = ?1 AND k.notice_id IN (SELECT id FROM notices \
     WHERE school_id = ?1 ORDER BY published_at DESC, id DESC LIMIT 500) GROUP BY k.notice_id";

/// The school's name, and its policy as stored.
pub(super) const SCHOOL_SQL: &str = "SELECT name, policy FROM schools WHERE id = ?1";

#[derive(Deserialize)]
pub(super) struct SchoolDb {
    pub name: String,
    pub policy: Option<String>,
}

#[derive(Deserialize)]
struct SchoolPupilDb {
    id: f64,
    class_code: String,
    grade: Option<String>,
    surname: String,
    name: String,
}

#[derive(Deserialize)]
struct AckedDb {
    notice_id: f64,
    pupils: String,
}

/// A school's notices (newest first) with what their acknowledgement figures are computed from.
pub struct SchoolNotices {
    /// The school's name (`None`: no such school).
    pub school: Option<String>,
    pub notices: Vec<Notice>,
    pub pupils: Vec<SchoolPupil>,
    /// Each pupil's "Surname Name", by id (whom the office may choose as recipients).
    pub names: HashMap<i64, String>,
    /// Per notice, the pupils acknowledged.
    pub acked: HashMap<i64, Vec<i64>>,
}

/// The pupils of `school_id` with their grade: whom a notice's audience can reach.
pub async fn school_pupils(env: &Env, school_id: i64) -> Result<Vec<SchoolPupil>, Error> {
    let rows: Vec<SchoolPupilDb> = crate::db::all(
        "school pupils",
        database(env)?
            .prepare(SCHOOL_PUPILS_SQL)
            .bind(&[int(school_id as f64)])?,
    )
    .await?;
    rows.into_iter().map(SchoolPupilDb::decode).collect()
}

impl SchoolPupilDb {
    fn decode(self) -> Result<SchoolPupil, Error> {
        Ok(SchoolPupil {
            pupil_id: whole("pupil id", self.id)?,
            grade: grade(self.grade.as_deref())?,
            class_code: self.class_code,
        })
    }
}

/// The notices of `school_id` (one round trip).
pub async fn school_notices(env: &Env, school_id: i64) -> Result<SchoolNotices, Error> {
    let db = database(env)?;
    let id = [int(school_id as f64)];
    let results = db
        .batch(vec![
            db.prepare(SCHOOL_SQL).bind(&id)?,
            db.prepare(SCHOOL_NOTICES_SQL).bind(&id)?,
            db.prepare(SCHOOL_PUPILS_SQL).bind(&id)?,
            db.prepare(SCHOOL_ACKS_SQL).bind(&id)?,
        ])
        .counted()
        .await?;
    let mut r = Answers::new("school notices", results);
    let school = r.next::<SchoolDb>()?.into_iter().next().map(|s| s.name);
    let notices = decode_all(r.next::<NoticeDb>()?)?;
    let rows = r.next::<SchoolPupilDb>()?;
    let mut names = HashMap::with_capacity(rows.len());
    let mut pupils = Vec::with_capacity(rows.len());
    for p in rows {
        let name = format!("{} {}", p.surname, p.name);
        let p = p.decode()?;
        names.insert(p.pupil_id, name);
        pupils.push(p);
    }
    let mut acked = HashMap::new();
    for a in r.next::<AckedDb>()? {
        let ids = a
            .pupils
            .split(',')
            .map(|id| {
                id.trim()
                    .parse::<i64>()
                    .map_err(|e| broken("acknowledged pupil", e))
            })
            .collect::<Result<Vec<_>, Error>>()?;
        acked.insert(whole("notice id", a.notice_id)?, ids);
    }
    Ok(SchoolNotices {
        school,
        notices,
        pupils,
        names,
        acked,
    })
}

#[derive(Deserialize)]
struct RollDb {
    id: f64,
    surname: String,
    name: String,
    class_code: String,
    grade: Option<String>,
    acknowledged_at: Option<f64>,
    by_name: Option<String>,
}

/// The notice `id` and every pupil of its school, by class and name, with their
/// acknowledgement of it (one round trip); `None` if there is no such notice.
pub async fn notice_with_roll(
    env: &Env,
    id: i64,
) -> Result<Option<(Notice, Vec<RollPupil>)>, Error> {
    let db = database(env)?;
    let id = [int(id as f64)];
    let results = db
        .batch(vec![
            db.prepare(
                "SELECT id, school_id, title, body, audience, requires_ack, published_at, \
                 withdrawn_at, reminded_at, 0 AS is_read FROM notices WHERE id = ?1",
            )
            .bind(&id)?,
            db.prepare(
                "SELECT p.id, p.surname, p.name, p.class_code, c.grade, a.acknowledged_at, \
                 (SELECT g.name || ' ' || g.surname FROM guardians g WHERE g.pupil_id = p.id \
                  AND g.codice_fiscale = a.codice_fiscale) AS by_name \
                 FROM pupils p LEFT JOIN classes c ON c.school_id = p.school_id \
                 AND c.code = p.class_code LEFT JOIN notice_acks a ON a.notice_id = ?1 \
                 AND a.pupil_id = p.id \
                 WHERE p.school_id = (SELECT school_id FROM notices WHERE id = ?1) \
                 ORDER BY p.class_code, p.surname, p.name",
            )
            .bind(&id)?,
        ])
        .counted()
        .await?;
    let mut r = Answers::new("notice", results);
    let Some(notice) = r.next::<NoticeDb>()?.into_iter().next() else {
        return Ok(None);
    };
    let roll = r
        .next::<RollDb>()?
        .into_iter()
        .map(|p| {
            Ok(RollPupil {
                pupil_id: whole("pupil id", p.id)?,
                pupil: format!("{} {}", p.surname, p.name),
                class_code: p.class_code,
                grade: grade(p.grade.as_deref())?,
                acknowledged_at: p
                    .acknowledged_at
                    .map(|t| whole("acknowledgement time", t))
                    .transpose()?,
                acknowledged_by: p.by_name,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(Some((notice.decode()?, roll)))
}
