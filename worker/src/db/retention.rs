//! The daily purge (`domain::retention`, docs/privacy.md): what is past its retention period is
//! deleted in one batch. Each school's families' requests go by the school's own period, passed
//! as one JSON list of `[school id, last date no longer kept]`.

use super::{all, batch, changes, database, int, text, Error};
use domain::retention::{school_cutoff, school_days, Cutoffs};
use serde::{Deserialize, Serialize};
use worker::Env;

/// How many rows each statement deleted.
#[derive(Debug, Default, Serialize)]
pub struct Purged {
    pub justifications: i64,
    pub derogation_requests: i64,
    pub verification_attempts: i64,
    pub declarations: i64,
    pub audit_log: i64,
    pub review_log: i64,
    pub abandoned_imports: i64,
    pub import_rows: i64,
    pub import_errors: i64,
    pub sessions: i64,
    pub shortlists: i64,
    pub person_languages: i64,
}

/// Deletes everything past its period at `c.now`, whose Rome date is `today`.
pub async fn purge(env: &Env, c: &Cutoffs, today: chrono::NaiveDate) -> Result<Purged, Error> {
    #[derive(Deserialize)]
    struct School {
        id: f64,
        retention_days: Option<f64>,
    }
    let db = database(env)?;
    let schools: Vec<School> = all(
        "schools' retention",
        db.prepare("SELECT id, retention_days FROM schools"),
    )
    .await?;
    let cutoffs: Vec<(i64, String)> = schools
        .iter()
        .filter_map(|s| {
            let days = school_days(s.retention_days.map(|d| d as i64));
            let cut = school_cutoff(today, days)?;
            Some((s.id as i64, cut.format("%Y-%m-%d").to_string()))
        })
        .collect();
    let per_school =
        serde_json::to_string(&cutoffs).map_err(|e| Error::storage("retention", e.to_string()))?;
    let results = batch(
        "retention",
        &db,
        [
            db.prepare(
                "DELETE FROM justifications WHERE id IN (SELECT j.id FROM justifications j \
                 JOIN absences a ON a.id = j.absence_id \
                 JOIN json_each(?1) p ON j.school_id = json_extract(p.value, '$[0]') \
                 WHERE a.date <= json_extract(p.value, '$[1]'))",
            )
            .bind(&[text(&per_school)])?,
            db.prepare(
                "DELETE FROM derogation_requests WHERE id IN (SELECT d.id FROM \
                 derogation_requests d \
                 JOIN json_each(?1) p ON d.school_id = json_extract(p.value, '$[0]') \
                 WHERE d.date_to <= json_extract(p.value, '$[1]'))",
            )
            .bind(&[text(&per_school)])?,
            // A decision goes with its request (the history of a purged request is purged).
            db.prepare(
                "DELETE FROM request_decisions WHERE (kind = 'justification' AND NOT EXISTS \
                 (SELECT 1 FROM justifications j WHERE j.id = request_decisions.request_id)) \
                 OR (kind = 'derogation' AND NOT EXISTS (SELECT 1 FROM derogation_requests d \
                 WHERE d.id = request_decisions.request_id))",
            ),
            db.prepare("DELETE FROM verification_attempts WHERE at < ?1")
                .bind(&[int(c.verification_attempts as f64)])?,
            // Never live: expired, superseded or cancelled (by the expiry of their code), refused
            // (by the operator's decision). Published ones are the record of a live profile's
            // proof.
            db.prepare(
                "DELETE FROM declarations WHERE \
                 (status IN ('pending', 'superseded', 'cancelled') AND expires_at < ?1) \
                 OR (status = 'refused' AND COALESCE(decided_at, expires_at) < ?1)",
            )
            .bind(&[int(c.dead_declarations as f64)])?,
            db.prepare("DELETE FROM audit_log WHERE at < ?1")
                .bind(&[int(c.audit_log as f64)])?,
            db.prepare("DELETE FROM review_log WHERE at < ?1")
                .bind(&[int(c.review_log as f64)])?,
            // An import left unfinished for a week is closed, and its staged rows (whole
            // records of the school's file) go; a concluded import has none left.
            db.prepare(
                "UPDATE imports SET status = 'rejected', finished_at = ?2 \
                 WHERE status = 'staging' AND created_at < ?1",
            )
            .bind(&[int(c.import_rows as f64), int(c.now as f64)])?,
            db.prepare(
                "DELETE FROM import_rows WHERE import_id IN (SELECT id FROM imports \
                 WHERE status IN ('live', 'rejected'))",
            ),
            // The error and warning lists of a concluded import name the values at fault.
            db.prepare(
                "UPDATE imports SET errors = '[]', warnings = '[]' \
                 WHERE status IN ('live', 'rejected') \
                 AND COALESCE(finished_at, created_at) < ?1 \
                 AND (errors <> '[]' OR warnings <> '[]')",
            )
            .bind(&[int(c.import_rows as f64)])?,
            db.prepare("DELETE FROM sessions WHERE expires_at < ?1")
                .bind(&[int(c.now as f64)])?,
            // A class's list of hosts goes with the class: once an import has taken the class
            // out of the roster, nobody sees the list (docs/privacy.md).
            db.prepare(
                "DELETE FROM shortlists WHERE NOT EXISTS (SELECT 1 FROM classes c \
                 WHERE c.school_id = shortlists.school_id AND c.code = shortlists.class_code)",
            ),
            // A language chosen for the family's pages goes when no school lists the person
            // any more and they have no session (docs/privacy.md).
            db.prepare(
                "DELETE FROM person_languages WHERE \
                 NOT EXISTS (SELECT 1 FROM guardians g WHERE g.codice_fiscale = person_languages.codice_fiscale) \
                 AND NOT EXISTS (SELECT 1 FROM staff s WHERE s.codice_fiscale = person_languages.codice_fiscale) \
                 AND NOT EXISTS (SELECT 1 FROM sessions x WHERE x.codice_fiscale = person_languages.codice_fiscale)",
            ),
        ],
    )
    .await?;
    let n = |i: usize| -> Result<i64, Error> { changes("retention", &results[i]) };
    Ok(Purged {
        justifications: n(0)?,
        derogation_requests: n(1)?,
        verification_attempts: n(2)?,
        declarations: n(3)?,
        audit_log: n(4)?,
        review_log: n(5)?,
        abandoned_imports: n(6)?,
        import_rows: n(7)?,
        import_errors: n(8)?,
        sessions: n(9)?,
        shortlists: n(10)?,
        person_languages: n(11)?,
    })
}
