//! A school's register data in D1: imports (staged in parts, made live in one batch) and the
//! pupils they feed. Every statement is scoped by `school_id`, which always comes from an
//! object the caller's roles were checked against, never from the request alone. Reading a
//! part of a file and the rules of an import (a calendar comes in one part, an empty file is
//! refused) are the handler's and `domain::import`'s: this module stages what they read.

use super::{
    all, batch, changes, database, first, from_json, int, json_text, list, rows, text, Error,
};
use crate::db::Counted;
use domain::api::types::{
    Absence, Deletions, Import, ImportStatus, ImportSummary, PartOutcome, Pupil, PupilGoing,
};
use domain::attendance::AbsenceKind;
use domain::import::{
    self, AbsenceRow, ClassRow, GuardianRow, ImportContext, ImportKind, ImportWarning, Parsed,
    Part, PupilRow, RowError, StaffRow,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Env};

/// Errors kept per import (the count is exact; the list stops here).
pub const MAX_KEPT_ERRORS: usize = 1000;
/// The largest part of a file one request takes (parts are cut at 512 KB).
pub const MAX_PART_BYTES: usize = 640 * 1024;
/// The largest file an import takes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// JSON staged per statement: D1 takes strings up to 2 MB, stay well below.
const STAGE_JSON_BYTES: usize = 700 * 1024;

#[derive(Deserialize)]
struct ImportDbRow {
    id: f64,
    school_id: f64,
    kind: String,
    status: String,
    file_name: String,
    file_bytes: f64,
    received_bytes: f64,
    rows: f64,
    error_count: f64,
    parts_arriving: f64,
    errors: String,
    warnings: String,
    written: Option<f64>,
    removed: Option<f64>,
    created_at: f64,
    finished_at: Option<f64>,
}

impl ImportDbRow {
    fn into_import(self) -> Result<Import, Error> {
        let what = |field: &str| format!("import {} {field}", self.id);
        let kind = ImportKind::parse(&self.kind).map_err(|e| Error::decode(what("kind"), e))?;
        let status = match self.status.as_str() {
            "staging" => ImportStatus::Staging,
            "live" => ImportStatus::Live,
            "rejected" => ImportStatus::Rejected,
            "committing" => ImportStatus::Committing,
            other => return Err(Error::decode(what("status"), other)),
        };
        let errors = from_json(&what("errors"), &self.errors)?;
        let warnings = from_json(&what("warnings"), &self.warnings)?;
        let summary = match (self.written, self.removed) {
            (Some(w), Some(r)) => Some(ImportSummary {
                written: w as u64,
                removed: r as u64,
            }),
            (None, None) => None,
            _ => return Err(Error::decode(what("summary"), "written without removed")),
        };
        Ok(Import {
            id: self.id as i64,
            school_id: self.school_id as i64,
            kind,
            status,
            file_name: self.file_name,
            file_bytes: self.file_bytes as i64,
            received_bytes: self.received_bytes as i64,
            rows: self.rows as i64,
            error_count: self.error_count as i64,
            parts_arriving: self.parts_arriving as i64,
            errors,
            warnings,
            summary,
            created_at: self.created_at as i64,
            finished_at: self.finished_at.map(|f| f as i64),
        })
    }
}

/// The summary is stored as `{"written","removed"}` and read back as its two numbers.
const IMPORT_COLUMNS: &str = "id, school_id, kind, status, file_name, file_bytes, \
    received_bytes, rows, error_count, arriving AS parts_arriving, errors, warnings, summary ->> 'written' AS written, \
    summary ->> 'removed' AS removed, created_at, finished_at";

pub async fn import(env: &Env, id: i64) -> Result<Option<Import>, Error> {
    let row: Option<ImportDbRow> = first(
        "import",
        database(env)?
            .prepare(format!(
                "SELECT {IMPORT_COLUMNS} FROM imports WHERE id = ?1"
            ))
            .bind(&[int(id as f64)])?,
    )
    .await?;
    row.map(ImportDbRow::into_import).transpose()
}

pub async fn imports_of(env: &Env, school_id: i64) -> Result<Vec<Import>, Error> {
    let rows: Vec<ImportDbRow> = all(
        "imports",
        database(env)?
            .prepare(format!(
                "SELECT {IMPORT_COLUMNS} FROM imports WHERE school_id = ?1 \
                 ORDER BY id DESC LIMIT 30"
            ))
            .bind(&[int(school_id as f64)])?,
    )
    .await?;
    rows.into_iter().map(ImportDbRow::into_import).collect()
}

pub async fn create_import(
    env: &Env,
    school_id: i64,
    kind: ImportKind,
    file_name: &str,
    file_bytes: u64,
    actor: &str,
    now: i64,
) -> Result<Import, Error> {
    let row: Option<ImportDbRow> = first(
        "new import",
        database(env)?
            .prepare(format!(
                "INSERT INTO imports (school_id, kind, status, created_by, created_at, \
                 file_name, file_bytes) VALUES (?1, ?2, 'staging', ?3, ?4, ?5, ?6) \
                 RETURNING {IMPORT_COLUMNS}"
            ))
            .bind(&[
                int(school_id as f64),
                text(kind.as_str()),
                text(actor),
                int(now as f64),
                text(file_name),
                int(file_bytes as f64),
            ])?,
    )
    .await?;
    let row = row.ok_or_else(|| Error::storage("new import", "no row returned"))?;
    row.into_import()
}

#[derive(Deserialize)]
struct Code {
    code: String,
}

/// The school's class codes and pupils' matricole, for the cross-references of a part.
pub async fn import_context(env: &Env, school_id: i64) -> Result<ImportContext, Error> {
    let db = &database(env)?;
    let [classes, pupils] = batch(
        "import context",
        db,
        [
            db.prepare("SELECT code FROM classes WHERE school_id = ?1")
                .bind(&[int(school_id as f64)])?,
            db.prepare("SELECT matricola AS code FROM pupils WHERE school_id = ?1")
                .bind(&[int(school_id as f64)])?,
        ],
    )
    .await?;
    let classes: Vec<Code> = rows("class code", &classes)?;
    let pupils: Vec<Code> = rows("matricola", &pupils)?;
    Ok(ImportContext::new(
        classes.into_iter().map(|c| c.code),
        pupils.into_iter().map(|c| c.code),
    ))
}

/// One staged row: line, key (the row's identity, as the commit's SQL rebuilds it) and the
/// values the commit reads.
struct Staged {
    line: u32,
    key: String,
    row: Value,
}

fn code_of<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

fn stage_class(line: u32, r: &ClassRow) -> Staged {
    Staged {
        line,
        key: r.class.as_str().to_owned(),
        row: json!({
            "code": r.class.as_str(),
            "grade": import::grade_code(r.grade),
            "weekly": r.profile.weekly_hours().get(),
            "days": r.profile.hours_per_weekday(),
        }),
    }
}

fn stage_pupil(line: u32, r: &PupilRow) -> Result<Staged, Error> {
    Ok(Staged {
        line,
        key: r.matricola.as_str().to_owned(),
        row: json!({
            "matricola": r.matricola.as_str(),
            "surname": r.surname.as_str(),
            "name": r.name.as_str(),
            "class": r.class.as_str(),
            "cf": r.codice_fiscale.as_ref().map(|c| c.as_str()),
            "enrolment": json_text("enrolment", &r.enrolment)?,
            "hours": r.personalised_hours,
            "birth": r.status.birth_date,
            "withdrawn_on": r.status.withdrawal.map(|w| w.on),
            "withdrawal": r.status.withdrawal.map(|w| w.kind.code()),
            "home": u8::from(r.status.home_schooling),
            "next_year": r.status.next_year.map(|c| c.code()),
            "outcome": r.status.outcome.map(|o| o.code()),
        }),
    })
}

fn stage_guardian(line: u32, r: &GuardianRow) -> Staged {
    Staged {
        line,
        key: format!("{}|{}", r.codice_fiscale.as_str(), r.matricola.as_str()),
        row: json!({
            "cf": r.codice_fiscale.as_str(),
            "surname": r.surname.as_str(),
            "name": r.name.as_str(),
            "matricola": r.matricola.as_str(),
        }),
    }
}

fn stage_staff(line: u32, r: &StaffRow) -> Staged {
    let role = r.role.as_str();
    Staged {
        line,
        key: format!("{}|{role}", r.codice_fiscale.as_str()),
        row: json!({
            "cf": r.codice_fiscale.as_str(),
            "surname": r.surname.as_str(),
            "name": r.name.as_str(),
            "role": role,
            "classes": r.classes.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" "),
            "coordinates": r.coordinates.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" "),
        }),
    }
}

fn stage_absence(line: u32, r: &AbsenceRow) -> Staged {
    let date = r.event.date().format("%Y-%m-%d").to_string();
    let kind = code_of(&r.event.kind());
    Staged {
        line,
        key: format!("{}|{date}|{kind}", r.matricola.as_str()),
        row: json!({
            "matricola": r.matricola.as_str(),
            "date": date,
            "kind": kind,
            "minutes": r.event.minutes(),
            "justified": r.event.justified(),
        }),
    }
}

type StagedPart = (Vec<Staged>, Vec<RowError>, Vec<ImportWarning>);

fn staged<R>(p: Parsed<R>, f: fn(u32, &R) -> Staged) -> StagedPart {
    let rows = p.rows.iter().map(|(line, r)| f(*line, r)).collect();
    (rows, p.errors, p.warnings)
}

fn try_staged<R>(
    p: Parsed<R>,
    f: fn(u32, &R) -> Result<Staged, Error>,
) -> Result<StagedPart, Error> {
    let rows = p
        .rows
        .iter()
        .map(|(line, r)| f(*line, r))
        .collect::<Result<_, _>>()?;
    Ok((rows, p.errors, p.warnings))
}

/// Marks a part as arriving ([`begin_part`] before it is read, the staging batch ends it), so
/// that a commit waits for it: `false` when the import no longer takes parts (committing,
/// live or rejected).
pub async fn begin_part(env: &Env, id: i64, now: i64) -> Result<bool, Error> {
    let r = database(env)?
        .prepare(
            "UPDATE imports SET arriving = arriving + 1, arriving_since = ?2 \
             WHERE id = ?1 AND status = 'staging'",
        )
        .bind(&[int(id as f64), int(now as f64)])?
        .run()
        .counted()
        .await
        .map_err(|e| Error::storage("begin part", e))?;
    Ok(changes("begin part", &r)? == 1)
}

/// A part that ends without being staged (refused, or failed) stops holding the commit back.
pub async fn abandon_part(env: &Env, id: i64) -> Result<(), Error> {
    database(env)?
        .prepare("UPDATE imports SET arriving = max(arriving - 1, 0) WHERE id = ?1")
        .bind(&[int(id as f64)])?
        .run()
        .counted()
        .await
        .map_err(|e| Error::storage("abandon part", e))?;
    Ok(())
}

/// Stages the good rows of one part of a file (`received` bytes, read by the handler as
/// `part`, after [`begin_part`]); its errors join the import's. Every statement is guarded on
/// the import still staging: `None` when a commit started meanwhile (nothing staged).
pub async fn stage_part(
    env: &Env,
    imp: &Import,
    received: usize,
    part: Part,
) -> Result<Option<PartOutcome>, Error> {
    let db = database(env)?;
    let (rows, errors, warnings) = match part {
        Part::Calendar(Ok(cal)) => {
            let notes: Vec<Value> = cal
                .holidays()
                .iter()
                .map(|h| {
                    json!({
                        "from": h.period.from(),
                        "to": h.period.to(),
                        "description": h.description,
                    })
                })
                .collect();
            let spec = json_text("calendar spec", cal.calendar())?;
            let row = Staged {
                line: 2,
                key: "calendario".to_owned(),
                row: json!({"spec": spec, "notes": Value::Array(notes).to_string()}),
            };
            (vec![row], Vec::new(), cal.warnings().to_vec())
        }
        Part::Calendar(Err(errors)) => (Vec::new(), errors, Vec::new()),
        Part::Classes(p) => staged(p, stage_class),
        Part::Pupils(p) => try_staged(p, stage_pupil)?,
        Part::Guardians(p) => staged(p, stage_guardian),
        Part::Staff(p) => staged(p, stage_staff),
        Part::Absences(p) => staged(p, stage_absence),
    };
    let mut statements = stage_statements(&db, imp.id, &rows)?;
    // Errors of the header (line 1) come back with every part: count them once.
    let errors: Vec<RowError> = errors
        .into_iter()
        .filter(|e| !(imp.received_bytes > 0 && e.line == 1))
        .collect();
    let mut kept = imp.errors.clone();
    kept.extend(
        errors
            .iter()
            .take(MAX_KEPT_ERRORS.saturating_sub(kept.len()))
            .cloned(),
    );
    let mut all_warnings = imp.warnings.clone();
    for w in &warnings {
        if !all_warnings.contains(w) {
            all_warnings.push(w.clone());
        }
    }
    statements.push(
        db.prepare(
            "UPDATE imports SET received_bytes = received_bytes + ?2, rows = rows + ?3, \
             error_count = error_count + ?4, errors = ?5, warnings = ?6, parts = parts + 1, \
             arriving = max(arriving - 1, 0) WHERE id = ?1 AND status = 'staging'",
        )
        .bind(&[
            int(imp.id as f64),
            int(received as f64),
            int(rows.len() as f64),
            int(errors.len() as f64),
            text(&json_text("import errors", &kept)?),
            text(&json_text("import warnings", &all_warnings)?),
        ])?,
    );
    let results = db
        .batch(statements)
        .counted()
        .await
        .map_err(|e| Error::storage("stage part", e))?;
    let counted = results
        .last()
        .ok_or_else(|| Error::storage("stage part", "no result"))?;
    if changes("stage part", counted)? != 1 {
        return Ok(None);
    }
    Ok(Some(PartOutcome {
        rows: rows.len() as u64,
        error_count: errors.len() as u64,
        errors: errors.into_iter().take(MAX_KEPT_ERRORS).collect(),
        warnings,
    }))
}

/// Rows go in as one JSON parameter per statement (`json_each`), so the 100-parameter limit
/// of D1 never applies and 10,000 rows cost a handful of statements.
fn stage_statements(
    db: &D1Database,
    import_id: i64,
    rows: &[Staged],
) -> Result<Vec<D1PreparedStatement>, Error> {
    let mut statements = Vec::new();
    let mut buf = String::from("[");
    let flush =
        |buf: &mut String, statements: &mut Vec<D1PreparedStatement>| -> Result<(), Error> {
            if buf.len() > 1 {
                buf.push(']');
                statements.push(
                    db.prepare(
                        "INSERT OR REPLACE INTO import_rows (import_id, line, key, row) \
                     SELECT ?1, j.value ->> 'l', j.value ->> 'k', j.value ->> 'r' \
                     FROM json_each(?2) j WHERE EXISTS \
                     (SELECT 1 FROM imports WHERE id = ?1 AND status = 'staging')",
                    )
                    .bind(&[int(import_id as f64), JsValue::from_str(buf)])?,
                );
            }
            *buf = String::from("[");
            Ok(())
        };
    for r in rows {
        let item = json!({"l": r.line, "k": r.key, "r": r.row}).to_string();
        if buf.len() + item.len() > STAGE_JSON_BYTES {
            flush(&mut buf, &mut statements)?;
        }
        if buf.len() > 1 {
            buf.push(',');
        }
        buf.push_str(&item);
    }
    flush(&mut buf, &mut statements)?;
    Ok(statements)
}

#[derive(Deserialize)]
struct Dup {
    key: String,
    first: f64,
    last: f64,
}

#[derive(Deserialize)]
struct InUse {
    code: String,
    pupils: f64,
}

/// Why going live is refused, as rows for the office.
pub async fn blocking_errors(env: &Env, imp: &Import) -> Result<Vec<RowError>, Error> {
    let db = database(env)?;
    let dups: Vec<Dup> = all(
        "duplicate rows",
        db.prepare(
            "SELECT key, min(line) AS first, max(line) AS last FROM import_rows \
             WHERE import_id = ?1 GROUP BY key HAVING count(*) > 1 ORDER BY last LIMIT 1000",
        )
        .bind(&[int(imp.id as f64)])?,
    )
    .await?;
    let mut errors: Vec<RowError> = dups
        .into_iter()
        .map(|d| RowError {
            line: d.last as u32,
            column: None,
            value: d.key.chars().take(import::MAX_VALUE_CHARS).collect(),
            reason: format!(
                "Riga duplicata: stessi dati identificativi della riga {}.",
                d.first as u32
            ),
        })
        .collect();
    if imp.kind == ImportKind::Classi {
        let in_use: Vec<InUse> = all(
            "classes in use",
            db.prepare(
                "SELECT class_code AS code, count(*) AS pupils FROM pupils WHERE school_id = ?1 \
                 AND class_code NOT IN (SELECT key FROM import_rows WHERE import_id = ?2) \
                 GROUP BY class_code ORDER BY class_code LIMIT 100",
            )
            .bind(&[int(imp.school_id as f64), int(imp.id as f64)])?,
        )
        .await?;
        errors.extend(in_use.into_iter().map(|c| RowError {
            line: 1,
            column: Some("classe".to_owned()),
            value: c.code.clone(),
            reason: format!(
                "La classe {} non è nel file ma ha ancora {} alunni: importare prima il file \
                 degli alunni aggiornato, poi le classi.",
                c.code, c.pupils as u32
            ),
        }));
    }
    Ok(errors)
}

/// Every statement of the commit batch runs only while import `?2` is `committing`: a batch
/// run twice (a double commit, a retry after the worker died) writes once.
const GUARD: &str = "EXISTS (SELECT 1 FROM imports WHERE id = ?2 AND status = 'committing')";

/// The statements that make import `?2` of school `?1` the school's data: upsert what is in the
/// file (only rows whose values differ are rewritten), delete what is not.
fn live_statements(kind: ImportKind) -> [String; 2] {
    match kind {
        ImportKind::Classi => [
            format!("INSERT INTO classes (school_id, code, grade, weekly_hours, day_hours) \
             SELECT ?1, r.row ->> 'code', r.row ->> 'grade', r.row ->> 'weekly', r.row ->> 'days' \
             FROM import_rows r WHERE r.import_id = ?2 AND {GUARD} \
             ON CONFLICT (school_id, code) DO UPDATE SET grade = excluded.grade, \
             weekly_hours = excluded.weekly_hours, day_hours = excluded.day_hours \
             WHERE grade IS NOT excluded.grade OR weekly_hours IS NOT excluded.weekly_hours \
             OR day_hours IS NOT excluded.day_hours"),
            format!(
                "DELETE FROM classes WHERE school_id = ?1 AND {GUARD} AND code NOT IN \
                 (SELECT key FROM import_rows WHERE import_id = ?2)"
            ),
        ],
        ImportKind::Calendario => [
            format!("INSERT INTO calendars (school_id, spec, notes) \
             SELECT ?1, r.row ->> 'spec', r.row ->> 'notes' FROM import_rows r \
             WHERE r.import_id = ?2 AND {GUARD} ON CONFLICT (school_id) DO UPDATE SET spec = excluded.spec, \
             notes = excluded.notes WHERE spec IS NOT excluded.spec OR notes IS NOT excluded.notes"),
            format!(
                "DELETE FROM calendars WHERE school_id = ?1 AND {GUARD} AND NOT EXISTS \
                 (SELECT 1 FROM import_rows WHERE import_id = ?2)"
            ),
        ],
        ImportKind::Alunni => [
            format!("INSERT INTO pupils (school_id, matricola, surname, name, class_code, codice_fiscale, \
             enrolment, personalised_hours, birth_date, withdrawn_on, withdrawal_kind, \
             home_schooling, next_year, outcome) \
             SELECT ?1, r.row ->> 'matricola', r.row ->> 'surname', r.row ->> 'name', \
             r.row ->> 'class', r.row ->> 'cf', r.row ->> 'enrolment', r.row ->> 'hours', \
             r.row ->> 'birth', r.row ->> 'withdrawn_on', r.row ->> 'withdrawal', \
             coalesce(r.row ->> 'home', 0), r.row ->> 'next_year', r.row ->> 'outcome' \
             FROM import_rows r WHERE r.import_id = ?2 AND {GUARD} \
             ON CONFLICT (school_id, matricola) DO UPDATE SET surname = excluded.surname, \
             name = excluded.name, class_code = excluded.class_code, \
             codice_fiscale = excluded.codice_fiscale, enrolment = excluded.enrolment, \
             personalised_hours = excluded.personalised_hours, birth_date = excluded.birth_date, \
             withdrawn_on = excluded.withdrawn_on, withdrawal_kind = excluded.withdrawal_kind, \
             home_schooling = excluded.home_schooling, next_year = excluded.next_year, \
             outcome = excluded.outcome \
             WHERE surname IS NOT excluded.surname OR name IS NOT excluded.name \
             OR class_code IS NOT excluded.class_code \
             OR codice_fiscale IS NOT excluded.codice_fiscale \
             OR enrolment IS NOT excluded.enrolment \
             OR personalised_hours IS NOT excluded.personalised_hours \
             OR birth_date IS NOT excluded.birth_date OR withdrawn_on IS NOT excluded.withdrawn_on \
             OR withdrawal_kind IS NOT excluded.withdrawal_kind \
             OR home_schooling IS NOT excluded.home_schooling \
             OR next_year IS NOT excluded.next_year OR outcome IS NOT excluded.outcome"),
            format!(
                "DELETE FROM pupils WHERE school_id = ?1 AND {GUARD} AND matricola NOT IN \
                 (SELECT key FROM import_rows WHERE import_id = ?2)"
            ),
        ],
        ImportKind::Tutori => [
            format!("INSERT INTO guardians (pupil_id, codice_fiscale, school_id, surname, name) \
             SELECT p.id, r.row ->> 'cf', ?1, r.row ->> 'surname', r.row ->> 'name' \
             FROM import_rows r JOIN pupils p ON p.school_id = ?1 \
             AND p.matricola = r.row ->> 'matricola' WHERE r.import_id = ?2 AND {GUARD} \
             ON CONFLICT (pupil_id, codice_fiscale) DO UPDATE SET surname = excluded.surname, \
             name = excluded.name \
             WHERE surname IS NOT excluded.surname OR name IS NOT excluded.name"),
            format!(
                "DELETE FROM guardians WHERE school_id = ?1 AND {GUARD} AND NOT EXISTS \
                 (SELECT 1 FROM import_rows r WHERE r.import_id = ?2 AND r.key = \
                 guardians.codice_fiscale || '|' || \
                 (SELECT matricola FROM pupils WHERE id = guardians.pupil_id))"
            ),
        ],
        ImportKind::Personale => [
            format!("INSERT INTO staff (school_id, codice_fiscale, role, surname, name, classes, \
             coordinates) SELECT ?1, r.row ->> 'cf', r.row ->> 'role', r.row ->> 'surname', \
             r.row ->> 'name', r.row ->> 'classes', COALESCE(r.row ->> 'coordinates', '') \
             FROM import_rows r WHERE r.import_id = ?2 AND {GUARD} \
             ON CONFLICT (school_id, codice_fiscale, role) DO UPDATE SET \
             surname = excluded.surname, name = excluded.name, classes = excluded.classes, \
             coordinates = excluded.coordinates \
             WHERE surname IS NOT excluded.surname OR name IS NOT excluded.name \
             OR classes IS NOT excluded.classes OR coordinates IS NOT excluded.coordinates"),
            format!(
                "DELETE FROM staff WHERE school_id = ?1 AND {GUARD} AND NOT EXISTS \
                 (SELECT 1 FROM import_rows r WHERE r.import_id = ?2 \
                 AND r.key = staff.codice_fiscale || '|' || staff.role)"
            ),
        ],
        ImportKind::Assenze => [
            format!("INSERT INTO absences (pupil_id, school_id, date, kind, minutes, justified) \
             SELECT p.id, ?1, r.row ->> 'date', r.row ->> 'kind', r.row ->> 'minutes', \
             r.row ->> 'justified' FROM import_rows r JOIN pupils p ON p.school_id = ?1 \
             AND p.matricola = r.row ->> 'matricola' WHERE r.import_id = ?2 AND {GUARD} \
             ON CONFLICT (pupil_id, date, kind) DO UPDATE SET minutes = excluded.minutes, \
             justified = excluded.justified \
             WHERE minutes IS NOT excluded.minutes OR justified IS NOT excluded.justified"),
            format!(
                "DELETE FROM absences WHERE school_id = ?1 AND {GUARD} AND NOT EXISTS \
                 (SELECT 1 FROM import_rows r WHERE r.import_id = ?2 AND r.key = \
                 (SELECT matricola FROM pupils WHERE id = absences.pupil_id) || '|' || \
                 absences.date || '|' || absences.kind)"
            ),
        ],
    }
}

/// Where an import stands before its commit: what [`Import`] does not say.
pub struct Progress {
    /// Parts started and not yet staged, and when the last one started.
    pub arriving: i64,
    pub arriving_since: Option<i64>,
    /// Parts staged.
    pub parts: i64,
}

#[derive(Deserialize)]
struct ProgressDb {
    arriving: f64,
    arriving_since: Option<f64>,
    parts: f64,
}

pub async fn progress(env: &Env, id: i64) -> Result<Progress, Error> {
    let row: Option<ProgressDb> = first(
        "import progress",
        database(env)?
            .prepare("SELECT arriving, arriving_since, parts FROM imports WHERE id = ?1")
            .bind(&[int(id as f64)])?,
    )
    .await?;
    let row = row.ok_or_else(|| Error::storage("import progress", "no such import"))?;
    Ok(Progress {
        arriving: row.arriving as i64,
        arriving_since: row.arriving_since.map(|t| t as i64),
        parts: row.parts as i64,
    })
}

#[derive(Deserialize)]
struct Going {
    surname: String,
    name: String,
    class_code: String,
}

#[derive(Deserialize)]
struct Total {
    n: f64,
}

/// The pupils of school `?1` that import `?2` does not hold.
const GONE: &str = "FROM pupils WHERE school_id = ?1 AND matricola NOT IN \
                    (SELECT key FROM import_rows WHERE import_id = ?2)";

/// What committing a file of pupils would delete: how many of how many, and who (the first
/// [`import::MAX_LISTED_DELETIONS`], by class and surname).
pub async fn pupil_deletions(env: &Env, imp: &Import) -> Result<Deletions, Error> {
    let db = &database(env)?;
    let (school, id) = (int(imp.school_id as f64), int(imp.id as f64));
    let [total, removed, list] = batch(
        "pupil deletions",
        db,
        [
            db.prepare("SELECT count(*) AS n FROM pupils WHERE school_id = ?1")
                .bind(std::slice::from_ref(&school))?,
            db.prepare(format!("SELECT count(*) AS n {GONE}"))
                .bind(&[school.clone(), id.clone()])?,
            db.prepare(format!(
                "SELECT surname, name, class_code {GONE} ORDER BY class_code, surname, name \
                 LIMIT {}",
                import::MAX_LISTED_DELETIONS
            ))
            .bind(&[school, id])?,
        ],
    )
    .await?;
    let count = |r: &worker::D1Result| -> Result<u64, Error> {
        Ok(rows::<Total>("pupil count", r)?
            .first()
            .map_or(0, |t| t.n as u64))
    };
    Ok(Deletions {
        total: count(&total)?,
        removed: count(&removed)?,
        pupils: rows::<Going>("pupil going", &list)?
            .into_iter()
            .map(|g| PupilGoing {
                surname: g.surname,
                name: g.name,
                class_code: g.class_code,
            })
            .collect(),
    })
}

/// Reject a staged import (nothing written) with every reason: the errors of its parts and
/// `blocking`, the errors of the whole file the handler found ([`blocking_errors`] and its
/// own).
pub async fn reject(
    env: &Env,
    imp: &Import,
    blocking: Vec<RowError>,
    now: i64,
) -> Result<Import, Error> {
    let db = database(env)?;
    let id = int(imp.id as f64);
    let mut errors = imp.errors.clone();
    errors.extend(blocking.iter().cloned());
    domain::sort::sort_by_key(&mut errors, |e| e.line);
    errors.truncate(MAX_KEPT_ERRORS);
    batch(
        "reject import",
        &db,
        [
            db.prepare(
                "UPDATE imports SET status = 'rejected', finished_at = ?2, errors = ?3, \
                 error_count = error_count + ?4 WHERE id = ?1 AND status = 'staging'",
            )
            .bind(&[
                id.clone(),
                int(now as f64),
                text(&json_text("import errors", &errors)?),
                int(blocking.len() as f64),
            ])?,
            db.prepare("DELETE FROM import_rows WHERE import_id = ?1")
                .bind(std::slice::from_ref(&id))?,
        ],
    )
    .await?;
    Ok(import(env, imp.id).await?.unwrap_or_else(|| imp.clone()))
}

/// Moves a staged import to `committing`, only if it has no errors, no part is arriving (a
/// stale one aside: [`import::PART_STALE_SECS`]) and no part landed since the caller's checks
/// (`parts` staged then). `false` when any of that does not hold.
pub async fn begin_commit(env: &Env, id: i64, parts: i64, now: i64) -> Result<bool, Error> {
    let r = database(env)?
        .prepare(
            "UPDATE imports SET status = 'committing' WHERE id = ?1 AND status = 'staging' \
             AND error_count = 0 AND parts = ?2 \
             AND NOT (arriving > 0 AND arriving_since > ?3)",
        )
        .bind(&[
            int(id as f64),
            int(parts as f64),
            int((now - import::PART_STALE_SECS) as f64),
        ])?
        .run()
        .counted()
        .await
        .map_err(|e| Error::storage("begin commit", e))?;
    Ok(changes("begin commit", &r)? == 1)
}

/// Make a `committing` import live in one batch, every statement guarded on that state: run
/// twice (a double commit, a retry after an interrupted one), the second writes nothing. The
/// import as it is afterwards.
pub async fn commit(env: &Env, imp: &Import, actor: &str, now: i64) -> Result<Import, Error> {
    let kind = imp.kind;
    let db = database(env)?;
    let (school, id) = (int(imp.school_id as f64), int(imp.id as f64));
    let [upsert, delete] = live_statements(kind);
    let [written, removed, _, _, flipped] = batch(
        "import live",
        &db,
        [
            db.prepare(upsert).bind(&[school.clone(), id.clone()])?,
            db.prepare(delete).bind(&[school.clone(), id.clone()])?,
            db.prepare(format!(
                "INSERT INTO audit_log (school_id, at, actor, action, object, detail) \
                 SELECT ?1, ?3, ?4, 'import', ?5, ?6 WHERE {GUARD}"
            ))
            .bind(&[
                school.clone(),
                id.clone(),
                int(now as f64),
                text(actor),
                text(&format!("import:{}", imp.id)),
                text(&format!(
                    "{} {} righe ({})",
                    imp.kind.as_str(),
                    imp.rows,
                    imp.file_name
                )),
            ])?,
            db.prepare(
                "DELETE FROM import_rows WHERE import_id = ?1 AND EXISTS \
                 (SELECT 1 FROM imports WHERE id = ?1 AND status = 'committing')",
            )
            .bind(std::slice::from_ref(&id))?,
            db.prepare(
                "UPDATE imports SET status = 'live', finished_at = ?2 WHERE id = ?1 \
                 AND status = 'committing'",
            )
            .bind(&[id.clone(), int(now as f64)])?,
        ],
    )
    .await?;
    // Only the batch that made it live writes the summary.
    if changes("import flipped", &flipped)? == 1 {
        let (written, removed) = (
            changes("rows written", &written)?,
            changes("rows removed", &removed)?,
        );
        db.prepare(
            "UPDATE imports SET summary = json_object('written', ?2, 'removed', ?3) WHERE id = ?1",
        )
        .bind(&[id, int(written as f64), int(removed as f64)])?
        .run()
        .counted()
        .await?;
    }
    Ok(import(env, imp.id).await?.unwrap_or_else(|| imp.clone()))
}

#[derive(Deserialize)]
struct PupilDb {
    id: f64,
    school_id: f64,
    matricola: String,
    surname: String,
    name: String,
    class_code: String,
}

pub async fn pupil(env: &Env, id: i64) -> Result<Option<Pupil>, Error> {
    let row: Option<PupilDb> = first(
        "pupil",
        database(env)?
            .prepare(
                "SELECT id, school_id, matricola, surname, name, class_code FROM pupils \
                 WHERE id = ?1",
            )
            .bind(&[int(id as f64)])?,
    )
    .await?;
    Ok(row.map(|p| Pupil {
        id: p.id as i64,
        school_id: p.school_id as i64,
        matricola: p.matricola,
        surname: p.surname,
        name: p.name,
        class_code: p.class_code,
    }))
}

#[derive(Deserialize)]
struct AbsenceDb {
    date: String,
    kind: String,
    minutes: Option<f64>,
    justified: f64,
}

pub async fn absences(env: &Env, school_id: i64, pupil_id: i64) -> Result<Vec<Absence>, Error> {
    let rows: Vec<AbsenceDb> = all(
        "absences",
        database(env)?
            .prepare(
                "SELECT date, kind, minutes, justified FROM absences \
                 WHERE school_id = ?1 AND pupil_id = ?2 ORDER BY date, kind",
            )
            .bind(&[int(school_id as f64), int(pupil_id as f64)])?,
    )
    .await?;
    rows.into_iter()
        .map(|a| {
            Ok(Absence {
                date: chrono::NaiveDate::parse_from_str(&a.date, "%Y-%m-%d")
                    .map_err(|e| Error::decode("absence date", e))?,
                kind: AbsenceKind::from_code(&a.kind)
                    .ok_or_else(|| Error::decode("absence kind", &a.kind))?,
                minutes: a.minutes,
                justified: a.justified != 0.0,
            })
        })
        .collect()
}

/// The ISTAT code of a school's comune, when its record has one.
pub async fn comune(env: &Env, school: i64) -> Result<Option<String>, Error> {
    #[derive(Deserialize)]
    struct C {
        comune: Option<String>,
    }
    let row: Option<C> = first(
        "school comune",
        database(env)?
            .prepare("SELECT comune FROM schools WHERE id = ?1")
            .bind(&[int(school as f64)])?,
    )
    .await?;
    Ok(row.and_then(|r| r.comune))
}

/// A school with its number of pupils.
#[derive(Debug, Clone)]
pub struct School {
    pub id: i64,
    pub name: String,
    pub pupils: u32,
}

#[derive(Deserialize)]
struct SchoolDb {
    id: f64,
    name: String,
    pupils: f64,
}

/// The name of school `id` (the caller's own grant), empty when there is none.
pub async fn school_name(env: &Env, id: i64) -> Result<String, Error> {
    Ok(schools(env, &[id])
        .await?
        .into_iter()
        .next()
        .map(|s| s.name)
        .unwrap_or_default())
}

/// The schools `ids` (the caller's own grants), by name.
pub async fn schools(env: &Env, ids: &[i64]) -> Result<Vec<School>, Error> {
    let rows: Vec<SchoolDb> = all(
        "schools",
        database(env)?
            .prepare(
                "SELECT s.id, s.name, (SELECT count(*) FROM pupils p WHERE p.school_id = s.id) \
                 AS pupils FROM schools s WHERE s.id IN (SELECT value FROM json_each(?1)) \
                 ORDER BY s.name",
            )
            .bind(&[list(ids)?])?,
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|s| School {
            id: s.id as i64,
            name: s.name,
            pupils: s.pupils as u32,
        })
        .collect())
}

/// A pupil of a teacher's class, for the teacher's home.
#[derive(Debug, Clone, Deserialize)]
pub struct ClassPupil {
    pub school_id: f64,
    pub class_code: String,
    pub id: f64,
    pub surname: String,
    pub name: String,
}

/// The pupils of `classes` (school id and class code pairs, a teacher's reach), by school,
/// class, surname and name.
pub async fn class_pupils(env: &Env, classes: &[(i64, String)]) -> Result<Vec<ClassPupil>, Error> {
    if classes.is_empty() {
        return Ok(Vec::new());
    }
    let pairs = serde_json::to_string(classes).map_err(|e| Error::decode("class pairs", e))?;
    all(
        "class pupils",
        database(env)?
            .prepare(
                "SELECT p.school_id, p.class_code, p.id, p.surname, p.name FROM json_each(?1) j \
                 JOIN pupils p ON p.school_id = json_extract(j.value, '$[0]') \
                 AND p.class_code = json_extract(j.value, '$[1]') \
                 ORDER BY p.school_id, p.class_code, p.surname, p.name",
            )
            .bind(&[text(&pairs)])?,
    )
    .await
}

/// A school as a person it has not registered sees it: where it is, whom to ask, and when its
/// absences were sent (the latest `assenze` imports that went live, newest first).
#[derive(Debug, Clone)]
pub struct SchoolContact {
    pub name: String,
    pub comune: Option<String>,
    pub province: Option<String>,
    pub office_email: Option<String>,
    pub office_phone: Option<String>,
    pub imports: Vec<i64>,
}

#[derive(Deserialize)]
struct SchoolContactDb {
    name: String,
    comune: Option<String>,
    province: Option<String>,
    office_email: Option<String>,
    office_phone: Option<String>,
    imports: String,
}

/// The schools that use Ponte whose name or comune contains `q` (every school for an empty
/// `q`), by comune and name, at most `limit` of them.
pub async fn school_directory(env: &Env, q: &str, limit: u32) -> Result<Vec<SchoolContact>, Error> {
    let like = format!(
        "%{}%",
        q.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let rows: Vec<SchoolContactDb> = all(
        "school directory",
        database(env)?
            .prepare(format!(
                "SELECT s.name, c.name AS comune, c.province_code AS province, s.office_email, \
                 s.office_phone, (SELECT json_group_array(t) FROM (SELECT i.finished_at AS t \
                 FROM imports i WHERE i.school_id = s.id AND i.kind = 'assenze' \
                 AND i.status = 'live' AND i.finished_at IS NOT NULL ORDER BY i.id DESC \
                 LIMIT {})) AS imports \
                 FROM schools s LEFT JOIN comuni c ON c.code = s.comune \
                 WHERE ?1 = '' OR s.name LIKE ?2 ESCAPE '\\' OR c.name LIKE ?2 ESCAPE '\\' \
                 ORDER BY c.name, s.name LIMIT ?3",
                import::RECENT_IMPORTS
            ))
            .bind(&[text(q), text(&like), int(limit)])?,
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            let imports: Vec<f64> = from_json("school imports", &r.imports)?;
            Ok(SchoolContact {
                name: r.name,
                comune: r.comune,
                province: r.province,
                office_email: r.office_email,
                office_phone: r.office_phone,
                imports: imports.into_iter().map(|t| t as i64).collect(),
            })
        })
        .collect()
}
