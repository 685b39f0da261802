//! The school roster as it grants access: who is guardian of which pupil, who is staff where.
//! Read at every request (never cached in the session), so a change by an import counts at once.

use super::{text, Answers, Error};
use domain::session::{Access, GuardianGrant, StaffGrant, StaffRole};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement};

#[derive(Deserialize)]
struct GuardianRow {
    school_id: f64,
    pupil_id: f64,
}

#[derive(Deserialize)]
struct StaffRow {
    school_id: f64,
    role: String,
    classes: String,
    coordinates: String,
}

/// The statements reading what the school's data grants the person of the session stored under
/// `id_hash`, batched with the session's own read so both come in one round trip
/// ([`access_from`] reads their results).
pub fn session_statements(
    db: &D1Database,
    id_hash: &str,
) -> Result<[D1PreparedStatement; 2], Error> {
    let guardians = db
        .prepare(
            "SELECT school_id, pupil_id FROM guardians WHERE codice_fiscale = \
             (SELECT codice_fiscale FROM sessions WHERE id_hash = ?1) \
             ORDER BY school_id, pupil_id",
        )
        .bind(&[text(id_hash)])?;
    let staff = db
        .prepare(
            "SELECT school_id, role, classes, coordinates FROM staff WHERE codice_fiscale = \
             (SELECT codice_fiscale FROM sessions WHERE id_hash = ?1) \
             ORDER BY school_id, role",
        )
        .bind(&[text(id_hash)])?;
    Ok([guardians, staff])
}

/// The grants from the two statements' results, next in `answers`. A staff row with a role
/// Ponte does not know is an error, not a grant quietly dropped.
pub fn access_from(answers: &mut Answers) -> Result<Access, Error> {
    let guardian_of = answers
        .next::<GuardianRow>()?
        .into_iter()
        .map(|g| GuardianGrant {
            school_id: g.school_id as i64,
            pupil_id: g.pupil_id as i64,
        })
        .collect();
    let staff = answers
        .next::<StaffRow>()?
        .into_iter()
        .map(|s| {
            Ok(StaffGrant {
                school_id: s.school_id as i64,
                role: StaffRole::parse(&s.role).map_err(|e| Error::decode("staff role", e))?,
                classes: s.classes.split_whitespace().map(str::to_owned).collect(),
                coordinates: s
                    .coordinates
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect(),
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(Access { guardian_of, staff })
}
