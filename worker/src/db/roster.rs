//! The school roster as it grants access: who is guardian of which pupil, who is staff where.
//! Read at every request (never cached in the session), so a change by an import counts at once.

use super::{batch, database, rows, text, Error};
use domain::session::{Access, GuardianGrant, StaffGrant, StaffRole};
use serde::Deserialize;
use worker::Env;

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
}

/// What the school's data grants this codice fiscale, read now (one round trip). A staff row
/// with a role Ponte does not know is an error, not a grant quietly dropped.
pub async fn access(env: &Env, codice_fiscale: &str) -> Result<Access, Error> {
    let db = database(env)?;
    let guardians = db
        .prepare(
            "SELECT school_id, pupil_id FROM guardians WHERE codice_fiscale = ?1 \
             ORDER BY school_id, pupil_id",
        )
        .bind(&[text(codice_fiscale)])?;
    let staff = db
        .prepare(
            "SELECT school_id, role, classes FROM staff WHERE codice_fiscale = ?1 \
             ORDER BY school_id, role",
        )
        .bind(&[text(codice_fiscale)])?;
    let [guardians, staff] = batch("access", &db, [guardians, staff]).await?;
    let guardian_of = rows::<GuardianRow>("guardian grant", &guardians)?
        .into_iter()
        .map(|g| GuardianGrant {
            school_id: g.school_id as i64,
            pupil_id: g.pupil_id as i64,
        })
        .collect();
    let staff = rows::<StaffRow>("staff grant", &staff)?
        .into_iter()
        .map(|s| {
            Ok(StaffGrant {
                school_id: s.school_id as i64,
                role: StaffRole::parse(&s.role).map_err(|e| Error::decode("staff role", e))?,
                classes: s.classes.split_whitespace().map(str::to_owned).collect(),
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(Access { guardian_of, staff })
}
