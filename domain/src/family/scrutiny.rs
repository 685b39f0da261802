//! The list for a class's final scrutiny (issue 19 point 3, *scrutinio finale*): the pupils whose
//! school year is not valid for attendance, for the class council's minutes.
//!
//! Seed 004 (quoting D.P.R. 122/2009, art. 14 c. 7): "è richiesta la frequenza di almeno tre
//! quarti dell'orario annuale personalizzato"; "il mancato conseguimento del limite minimo di
//! frequenza, comprensivo delle deroghe riconosciute …, comporta l'esclusione dallo scrutinio
//! finale"; "prima di procedere alla valutazione degli apprendimenti in sede di scrutinio finale,
//! il Consiglio di Classe … procede all'esame delle singole situazioni". Seed 003: "il mancato
//! conseguimento, tenuto conto delle deroghe riconosciute, della quota di almeno tre quarti …
//! comporta la non validità dell'anno scolastico". Each pupil is assessed by the same
//! `family::assess` the family's dashboard uses, on the day of the scrutiny, under the school's
//! policy (its preset of seed 003 or 004).
//!
//! What the list decides:
//! - **Not valid**: the counted absence (approved derogations already taken out) is more than
//!   the maximum, and would still be if every pending derogation request were approved.
//! - **Depends on pending derogations**: more than the maximum now, within it if the pending
//!   requests were approved. The council must decide them first: the list names them, and never
//!   counts them either way.
//! - Every other pupil's year is valid; the list says how many.

use super::{assess, ChildPosition, Register, RequestStatus};
use crate::attendance::{DerogaCategoryCode, Status};
use crate::error::FieldError;
use crate::messages::Msg;
use crate::query::QueryParams;
use chrono::NaiveDate;
use serde::Serialize;

/// Why a pupil is on the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScrutinyVerdict {
    /// Over the maximum even with the pending derogations approved.
    NotValid,
    /// Over the maximum unless the pending derogations are approved.
    DependsOnPending,
}

/// A derogation request the council has not decided yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PendingDeroga {
    pub id: i64,
    pub category: DerogaCategoryCode,
    /// The category's name in the school's policy.
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// One pupil of the list, with the figures the council minutes need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScrutinyLine {
    pub pupil_id: i64,
    pub surname: String,
    pub name: String,
    /// The personalised annual hours.
    pub annual_hours: u32,
    pub max_absence_hours: u32,
    /// Every absence counted, before derogations.
    pub absence_minutes: u32,
    /// Taken out by the derogations approved.
    pub derogated_minutes: u32,
    /// Would be taken out if the pending requests were approved.
    pub pending_deroga_minutes: u32,
    /// Against the maximum: `absence_minutes − derogated_minutes`.
    pub counted_absence_minutes: u32,
    pub verdict: ScrutinyVerdict,
    pub pending: Vec<PendingDeroga>,
}

impl ScrutinyLine {
    /// `p`'s line, or `None` when the year is valid.
    pub fn of(p: &ChildPosition) -> Option<ScrutinyLine> {
        let d = &p.dashboard;
        if d.status != Status::LimitExceeded {
            return None;
        }
        let max = d.max_absence_hours * 60;
        let verdict = if d
            .counted_absence_minutes
            .saturating_sub(d.pending_deroga_minutes)
            > max
        {
            ScrutinyVerdict::NotValid
        } else {
            ScrutinyVerdict::DependsOnPending
        };
        Some(ScrutinyLine {
            pupil_id: p.pupil_id,
            surname: p.surname.clone(),
            name: p.name.clone(),
            annual_hours: d.annual_hours,
            max_absence_hours: d.max_absence_hours,
            absence_minutes: d.counted_absence_minutes + d.derogated_minutes,
            derogated_minutes: d.derogated_minutes,
            pending_deroga_minutes: d.pending_deroga_minutes,
            counted_absence_minutes: d.counted_absence_minutes,
            verdict,
            pending: p
                .derogations
                .iter()
                .filter(|r| r.status == RequestStatus::Pending)
                .map(|r| PendingDeroga {
                    id: r.id,
                    category: r.category.clone(),
                    label: p.category_label(r.category.as_str()).to_owned(),
                    from: r.from,
                    to: r.to,
                })
                .collect(),
        })
    }
}

/// The list of one class on the day of its scrutiny.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scrutiny {
    pub class_code: String,
    pub on: NaiveDate,
    /// The class's pupils assessed.
    pub pupils: u32,
    /// Of them, with a valid year.
    pub valid: u32,
    /// Not valid first, then those waiting for the council; each by surname and name.
    pub lines: Vec<ScrutinyLine>,
}

impl Scrutiny {
    /// The list of `class_code` on `on`, from its pupils' positions assessed on that day.
    pub fn of(class_code: &str, on: NaiveDate, positions: &[ChildPosition]) -> Scrutiny {
        let mut lines: Vec<ScrutinyLine> = positions.iter().filter_map(ScrutinyLine::of).collect();
        crate::sort::sort_by(&mut lines, |a, b| {
            let key = |l: &ScrutinyLine| {
                (
                    l.verdict == ScrutinyVerdict::DependsOnPending,
                    l.surname.to_lowercase(),
                    l.name.to_lowercase(),
                    l.pupil_id,
                )
            };
            key(a).cmp(&key(b))
        });
        Scrutiny {
            class_code: class_code.to_owned(),
            on,
            pupils: positions.len() as u32,
            valid: (positions.len() - lines.len()) as u32,
            lines,
        }
    }
}

impl Scrutiny {
    /// The list of `class_code` from its pupils' registers, each assessed on `on` — by default
    /// the class's last lesson day (`today` when no pupil of it has a calendar yet). A pupil of
    /// a class whose classes or calendar the school has not sent has no figures, as for the
    /// family, and is left out.
    pub fn assess(
        class_code: &str,
        on: Option<NaiveDate>,
        registers: Vec<Register>,
        today: NaiveDate,
    ) -> Result<Scrutiny, FieldError> {
        let last_day = registers
            .iter()
            .find_map(|r| r.child.as_ref().map(|c| c.calendar.last_lesson_day()));
        let on = on.or(last_day).unwrap_or(today);
        let positions = registers
            .into_iter()
            .filter(|r| r.child.is_some())
            .map(|r| assess(r, on))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Scrutiny::of(class_code, on, &positions))
    }
}

/// The page's address: `classe` (the class; without it the page only offers the choice) and
/// `data` (the day of the scrutiny, `AAAA-MM-GG`; without it the class's last lesson day).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScrutinyQuery {
    pub class: Option<String>,
    pub on: Option<NaiveDate>,
}

impl ScrutinyQuery {
    pub const PARAMS: [&'static str; 2] = ["classe", "data"];

    pub fn parse(pairs: Vec<(String, String)>) -> Result<ScrutinyQuery, FieldError> {
        let p = QueryParams::parse(pairs, &Self::PARAMS)?;
        let on = p
            .get("data")
            .map(|v| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .map_err(|_| FieldError::invalid_says("data", Msg::IsoDateForm, &[]))
            })
            .transpose()?;
        Ok(ScrutinyQuery {
            class: p.get("classe").map(str::to_uppercase),
            on,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attendance::{
        presets, AbsenceKind, Calendar, LessonWeeks, Pupil, SchoolGrade, TimetableProfile,
    };
    use crate::family::{Absence, Child, DerogaRecord, Place};
    use chrono::Datelike;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap() // ok: test
    }

    /// A pupil of 30 hours a week (6 a day, Monday to Friday, 15 September to 10 June: a
    /// maximum of 285 hours, 47.5 days) who missed `days` whole days from 1 October, with one
    /// derogation request over the first `count` of them.
    fn position(
        id: i64,
        surname: &str,
        days: usize,
        deroga: Option<(usize, RequestStatus)>,
    ) -> ChildPosition {
        let grade = SchoolGrade::SecondariaPrimoGrado;
        let policy = presets::seed_003().unwrap(); // ok: test
        let category = policy.deroga_categories()[0].code.clone();
        let child = Child {
            id,
            school_id: 1,
            school: "Scuola".into(),
            name: "Anna".into(),
            surname: surname.into(),
            class_code: "3A".into(),
            grade,
            status: Default::default(),
            pupil: Pupil::full_year(
                grade,
                TimetableProfile::from_days([6, 6, 6, 6, 6, 0]).unwrap(), // ok: test
            ),
            calendar: Calendar::new(
                d("2025-09-15"),
                d("2026-06-10"),
                vec![],
                LessonWeeks::DEFAULT,
            )
            .unwrap(), // ok: test
            policy,
        };
        let dates: Vec<NaiveDate> = d("2025-10-01")
            .iter_days()
            .filter(|x| x.weekday().num_days_from_monday() < 5)
            .take(days)
            .collect();
        let absences = dates
            .iter()
            .enumerate()
            .map(|(n, x)| {
                Absence::new(
                    id * 1000 + n as i64,
                    *x,
                    AbsenceKind::WholeDay,
                    None,
                    false,
                    None,
                )
                .unwrap() // ok: test
            })
            .collect();
        let deroghe = deroga
            .map(|(count, status)| {
                vec![DerogaRecord::new(
                    id,
                    id,
                    category,
                    dates[0],
                    dates[count - 1],
                    status,
                    0,
                    None,
                )
                .unwrap()] // ok: test
            })
            .unwrap_or_default();
        let reg = Register {
            place: Place {
                pupil_id: id,
                school_id: 1,
                class_code: "3A".into(),
            },
            child: Some(child),
            absences,
            deroghe,
            unacknowledged: Vec::new(),
            absences_imported_at: None,
            law159: Default::default(),
        };
        assess(reg, d("2026-06-10")).unwrap() // ok: test
    }

    #[test]
    fn the_list_names_who_is_over_and_who_waits_for_the_council() {
        let ps = vec![
            position(1, "Rossi", 10, None),
            position(2, "Bianchi", 60, None),
            position(3, "Verdi", 60, Some((40, RequestStatus::Pending))),
            position(4, "Neri", 60, Some((40, RequestStatus::Approved))),
            position(5, "Gialli", 60, Some((5, RequestStatus::Pending))),
        ];
        let s = Scrutiny::of("3A", d("2026-06-10"), &ps);
        let got: Vec<(i64, ScrutinyVerdict)> =
            s.lines.iter().map(|l| (l.pupil_id, l.verdict)).collect();
        assert_eq!(
            got,
            [
                (2, ScrutinyVerdict::NotValid),
                (5, ScrutinyVerdict::NotValid),
                (3, ScrutinyVerdict::DependsOnPending),
            ],
            "over with or without a small pending request; the one a pending request would save \
             waits for the council; an approved one is applied"
        );
        assert_eq!((s.pupils, s.valid), (5, 2));
        let verdi = &s.lines[2];
        assert_eq!(verdi.pending.len(), 1, "the pending request is named");
        assert_eq!(verdi.pending_deroga_minutes, 40 * 360);
        assert_eq!(verdi.absence_minutes, 60 * 360);
        assert_eq!(
            verdi.counted_absence_minutes,
            60 * 360,
            "pending is still counted"
        );
        let gialli = &s.lines[1];
        assert_eq!(
            gialli.pending.len(),
            1,
            "named even when it cannot save the year"
        );
    }

    #[test]
    fn the_address_gives_a_class_and_a_day() {
        let pairs = |q: &[(&str, &str)]| {
            q.iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect::<Vec<_>>()
        };
        let q = ScrutinyQuery::parse(pairs(&[("classe", "3a"), ("data", "2025-06-10")])).unwrap(); // ok: test
        assert_eq!(q.class.as_deref(), Some("3A"));
        assert_eq!(q.on, NaiveDate::from_ymd_opt(2025, 6, 10));
        let e = ScrutinyQuery::parse(pairs(&[("data", "10/06/2025")])).unwrap_err(); // ok: test
        assert_eq!(e.field.as_deref(), Some("data"));
        assert_eq!(
            ScrutinyQuery::parse(Vec::new()).unwrap(),
            ScrutinyQuery::default()
        ); // ok: test
    }
}
