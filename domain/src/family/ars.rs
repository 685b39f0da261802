//! One pupil's ARS communications (seed 000) from their register: what the school's lists
//! (`worker/src/ars.rs`) ask of each pupil. The facts come from the register the family
//! dashboard reads, and the Law 159 cases from the same [`super::assess`].

use super::register::{assess, Child, Register};
use crate::attendance::ars::{self, ArsCalendar, Facts, Listed, Need};
use crate::attendance::law159::cases::PupilCases;
use crate::attendance::{AbsenceKind, SchoolGrade};
use crate::error::FieldError;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// Whole days of absence that could hold a Law 159 case (more than 15): below this the
/// dashboard's engine is not run for ARS.
const LAW159_MIN_DAYS: usize = 16;

/// The communications one pupil's register needs on `today`, with the pupil as the lists name
/// them; `None` for a pupil without a class on record. Primaria pupils need none (their
/// absences are the Law 159 procedure's).
pub fn pupil_needs(
    reg: Register,
    cal: &ArsCalendar,
    today: NaiveDate,
) -> Result<Option<(Listed, Vec<Need>)>, FieldError> {
    let Some(child) = reg.child.clone() else {
        return Ok(None);
    };
    if child.grade == SchoolGrade::Primaria {
        return Ok(Some((listed(&child), Vec::new())));
    }
    let absent: BTreeSet<NaiveDate> = reg
        .absences
        .iter()
        .filter(|x| x.kind == AbsenceKind::WholeDay && x.date <= today)
        .map(|x| x.date)
        .collect();
    let law159 = if absent.len() >= LAW159_MIN_DAYS && child.status.withdrawal.is_none() {
        assess(reg, today)?.law159_cases
    } else {
        PupilCases::default()
    };
    let needs = ars::needs(
        &Facts {
            grade: child.grade,
            class_code: &child.class_code,
            status: &child.status,
            calendar: &child.calendar,
            pupil: &child.pupil,
            absent_days: &absent,
            law159: &law159,
        },
        cal,
        today,
    );
    Ok(Some((listed(&child), needs)))
}

/// The pupil as the lists name them (the register number and tax code are added by the
/// caller, which reads them with the school's data).
fn listed(child: &Child) -> Listed {
    Listed {
        pupil_id: child.id,
        surname: child.surname.clone(),
        name: child.name.clone(),
        class_code: child.class_code.clone(),
        matricola: String::new(),
        codice_fiscale: None,
        birth_date: child.status.birth_date,
    }
}
