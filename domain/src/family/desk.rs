//! The school's attendance desk (issue 19 point 1, *frequenza*): every pupil a person may see,
//! with the figures of the family's own dashboard — each row is made from the same
//! [`ChildPosition`] that [`super::assess`] gives the family, never computed a second way —
//! filtered by class, grade and standing, and sorted.
//!
//! The standing words the seeds' thresholds: near the limit (the policy's attention and at-risk
//! bands), over it, the school's hour threshold (seed 003: 200 hours in lower secondary, "il
//! coordinatore … segnalerà al Consiglio di Classe gli allievi a rischio"), the Law 159/2023
//! flag (more than 15 days unjustified in three months) and *elusione* (a quarter of the
//! personalised hours unjustified).

use super::{AutoNotice, ChildPosition};
use crate::attendance::{SchoolGrade, Status};
use crate::error::FieldError;
use crate::messages::Msg;
use crate::query::QueryParams;
use chrono::NaiveDate;
use serde::Serialize;

/// One pupil's line of the desk.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct DeskRow {
    pub pupil_id: i64,
    pub surname: String,
    pub name: String,
    pub class_code: String,
    pub grade: SchoolGrade,
    /// Counted absence, in minutes.
    pub counted_absence_minutes: u32,
    /// The most the pupil may miss, in hours.
    pub max_absence_hours: u32,
    pub remaining_minutes: u32,
    /// Whole days left at the pupil's daily hours (rounded down).
    pub remaining_days: u32,
    /// Counted absence as a share of the maximum, in percent (one decimal).
    pub limit_used_percent: Option<f64>,
    pub status: Status,
    /// When the maximum was crossed.
    pub limit_crossed_on: Option<NaiveDate>,
    /// At the pace so far, when it will be crossed.
    pub forecast_crossing_on: Option<NaiveDate>,
    /// When the school's hour threshold (seed 003: 200 hours) was reached.
    pub threshold_reached_on: Option<NaiveDate>,
    /// The latest Law 159/2023 flag.
    pub law159_flagged_on: Option<NaiveDate>,
    /// When unjustified absence reached a quarter of the personalised hours.
    pub elusione_reached_on: Option<NaiveDate>,
    /// Absences the family has still to justify.
    pub to_justify: u32,
}

impl DeskRow {
    /// The line of `p`, in grade `grade`: its figures are the family dashboard's.
    pub fn of(p: &ChildPosition, grade: SchoolGrade) -> DeskRow {
        let d = &p.dashboard;
        let threshold_reached_on = d.auto_notices.iter().find_map(|n| match n {
            AutoNotice::ThresholdReached { on, .. } => Some(*on),
            _ => None,
        });
        DeskRow {
            pupil_id: p.pupil_id,
            surname: p.surname.clone(),
            name: p.name.clone(),
            class_code: p.class_code.clone(),
            grade,
            counted_absence_minutes: d.counted_absence_minutes,
            max_absence_hours: d.max_absence_hours,
            remaining_minutes: d.remaining_minutes,
            remaining_days: d.remaining_days,
            limit_used_percent: d.limit_used_percent,
            status: d.status,
            limit_crossed_on: d.limit_crossed_on,
            forecast_crossing_on: d.forecast_crossing_on,
            threshold_reached_on,
            law159_flagged_on: d.law159.as_ref().and_then(|l| l.flagged_on),
            elusione_reached_on: d.law159.as_ref().and_then(|l| l.elusione_reached_on),
            to_justify: p.absences.iter().filter(|a| a.can_justify).count() as u32,
        }
    }

    /// Whether the line is in `standing`.
    pub fn is(&self, standing: Standing) -> bool {
        match standing {
            Standing::Regular => self.status == Status::Ok,
            Standing::Near => matches!(self.status, Status::Attention | Status::AtRisk),
            Standing::Over => self.status == Status::LimitExceeded,
            Standing::Threshold => self.threshold_reached_on.is_some(),
            Standing::Law159 => self.law159_flagged_on.is_some(),
            Standing::Elusione => self.elusione_reached_on.is_some(),
        }
    }
}

/// The desk of one person on one day: the lines they may see, and the classes and grades those
/// lines are in (the filters' choices), in the register's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Desk {
    pub as_of: NaiveDate,
    pub rows: Vec<DeskRow>,
    pub classes: Vec<String>,
    pub grades: Vec<SchoolGrade>,
}

impl Desk {
    /// The desk of `rows` on `as_of`.
    pub fn of(as_of: NaiveDate, rows: Vec<DeskRow>) -> Desk {
        let mut classes: Vec<String> = rows.iter().map(|r| r.class_code.clone()).collect();
        crate::sort::sort(&mut classes);
        classes.dedup();
        let grades = SchoolGrade::ALL
            .into_iter()
            .filter(|g| rows.iter().any(|r| r.grade == *g))
            .collect();
        Desk {
            as_of,
            rows,
            classes,
            grades,
        }
    }
}

/// Where a pupil stands, as the desk filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Regular,
    Near,
    Over,
    Threshold,
    Law159,
    Elusione,
}

impl Standing {
    pub const ALL: [Standing; 6] = [
        Standing::Regular,
        Standing::Near,
        Standing::Over,
        Standing::Threshold,
        Standing::Law159,
        Standing::Elusione,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Regular => "regolare",
            Standing::Near => "vicino",
            Standing::Over => "oltre",
            Standing::Threshold => "soglia",
            Standing::Law159 => "legge159",
            Standing::Elusione => "elusione",
        }
    }
}

/// How the desk is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DeskSort {
    /// Class, then surname and name (the register's order).
    #[default]
    Class,
    /// The most counted absence (as a share of the maximum) first.
    Absence,
    /// The fewest hours left first.
    Remaining,
    /// Surname and name.
    Name,
}

impl DeskSort {
    pub const ALL: [DeskSort; 4] = [
        DeskSort::Class,
        DeskSort::Absence,
        DeskSort::Remaining,
        DeskSort::Name,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeskSort::Class => "classe",
            DeskSort::Absence => "assenze",
            DeskSort::Remaining => "residuo",
            DeskSort::Name => "nome",
        }
    }
}

/// The desk's filters and order, from the address (`classe`, `ordine`, `stato`, `ordina`): each
/// parameter once, each value one the desk knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeskQuery {
    pub class: Option<String>,
    pub grade: Option<SchoolGrade>,
    pub standing: Option<Standing>,
    pub sort: DeskSort,
}

impl DeskQuery {
    /// The address's names: the filters, the order, and `format` (JSON or CSV, the caller's).
    pub const PARAMS: [&'static str; 5] = ["classe", "ordine", "stato", "ordina", "format"];

    /// From the address's pairs (`QueryParams`: each name once, known, empty = not given).
    pub fn parse(pairs: Vec<(String, String)>) -> Result<DeskQuery, FieldError> {
        Self::of(&QueryParams::parse(pairs, &Self::PARAMS)?)
    }

    /// From the address's parameters already checked.
    pub fn of(p: &QueryParams) -> Result<DeskQuery, FieldError> {
        let grade = p
            .get("ordine")
            .map(|v| {
                SchoolGrade::from_code(v)
                    .ok_or_else(|| FieldError::invalid_says("ordine", Msg::DeskGradeValue, &[]))
            })
            .transpose()?;
        let standing = p
            .get("stato")
            .map(|v| {
                Standing::ALL
                    .into_iter()
                    .find(|s| s.as_str() == v)
                    .ok_or_else(|| FieldError::invalid_says("stato", Msg::DeskStandingValue, &[]))
            })
            .transpose()?;
        let sort = p
            .get("ordina")
            .map(|v| {
                DeskSort::ALL
                    .into_iter()
                    .find(|s| s.as_str() == v)
                    .ok_or_else(|| FieldError::invalid_says("ordina", Msg::DeskSortValue, &[]))
            })
            .transpose()?
            .unwrap_or_default();
        Ok(DeskQuery {
            class: p.get("classe").map(str::to_uppercase),
            grade,
            standing,
            sort,
        })
    }

    /// The lines that pass the filters, in the chosen order.
    pub fn apply(&self, rows: &[DeskRow]) -> Vec<DeskRow> {
        let mut out: Vec<DeskRow> = rows
            .iter()
            .filter(|r| self.class.as_deref().is_none_or(|c| r.class_code == c))
            .filter(|r| self.grade.is_none_or(|g| r.grade == g))
            .filter(|r| self.standing.is_none_or(|s| r.is(s)))
            .cloned()
            .collect();
        let name = |r: &DeskRow| (r.surname.to_lowercase(), r.name.to_lowercase(), r.pupil_id);
        match self.sort {
            DeskSort::Class => crate::sort::sort_by(&mut out, |a, b| {
                (a.class_code.as_str(), name(a)).cmp(&(b.class_code.as_str(), name(b)))
            }),
            DeskSort::Name => crate::sort::sort_by_key(&mut out, name),
            DeskSort::Remaining => crate::sort::sort_by(&mut out, |a, b| {
                (a.remaining_minutes, name(a)).cmp(&(b.remaining_minutes, name(b)))
            }),
            DeskSort::Absence => crate::sort::sort_by(&mut out, |a, b| {
                let share = |r: &DeskRow| {
                    u64::from(r.counted_absence_minutes) * 1000
                        / u64::from(r.max_absence_hours.max(1) * 60)
                };
                share(b).cmp(&share(a)).then_with(|| name(a).cmp(&name(b)))
            }),
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, class: &str, surname: &str, counted: u32, status: Status) -> DeskRow {
        DeskRow {
            pupil_id: id,
            surname: surname.into(),
            name: "A".into(),
            class_code: class.into(),
            grade: SchoolGrade::Primaria,
            counted_absence_minutes: counted,
            max_absence_hours: 100,
            remaining_minutes: (6000u32).saturating_sub(counted),
            remaining_days: 0,
            limit_used_percent: None,
            status,
            limit_crossed_on: None,
            forecast_crossing_on: None,
            threshold_reached_on: None,
            law159_flagged_on: None,
            elusione_reached_on: None,
            to_justify: 0,
        }
    }

    fn pairs(q: &[(&str, &str)]) -> Vec<(String, String)> {
        q.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect()
    }

    #[test]
    fn the_desk_filters_and_sorts_as_the_address_says() {
        let rows = vec![
            row(1, "3B", "Verdi", 600, Status::Ok),
            row(2, "3A", "Rossi", 5000, Status::AtRisk),
            row(3, "3A", "Bianchi", 7000, Status::LimitExceeded),
        ];
        let all = DeskQuery::default().apply(&rows);
        let ids: Vec<i64> = all.iter().map(|r| r.pupil_id).collect();
        assert_eq!(ids, [3, 2, 1], "class, then surname");
        let q = DeskQuery::parse(pairs(&[("classe", "3a"), ("ordina", "residuo")])).unwrap(); // ok: test
        let ids: Vec<i64> = q.apply(&rows).iter().map(|r| r.pupil_id).collect();
        assert_eq!(ids, [3, 2]);
        let q = DeskQuery::parse(pairs(&[("stato", "vicino")])).unwrap(); // ok: test
        assert_eq!(q.apply(&rows).len(), 1);
        let q = DeskQuery::parse(pairs(&[("ordina", "assenze")])).unwrap(); // ok: test
        let ids: Vec<i64> = q.apply(&rows).iter().map(|r| r.pupil_id).collect();
        assert_eq!(ids, [3, 2, 1], "the most absence first");
    }

    #[test]
    fn the_desk_offers_the_classes_and_grades_of_its_lines() {
        let mut secondary = row(4, "1A", "Neri", 0, Status::Ok);
        secondary.grade = SchoolGrade::SecondariaPrimoGrado;
        let rows = vec![
            row(1, "3B", "Verdi", 600, Status::Ok),
            secondary,
            row(2, "3A", "Rossi", 5000, Status::AtRisk),
            row(3, "3A", "Bianchi", 7000, Status::LimitExceeded),
        ];
        let day = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(); // ok: test
        let d = Desk::of(day, rows);
        assert_eq!(d.classes, ["1A", "3A", "3B"]);
        assert_eq!(
            d.grades,
            [SchoolGrade::Primaria, SchoolGrade::SecondariaPrimoGrado]
        );
        assert_eq!(d.rows.len(), 4, "every line is kept");
        assert!(Desk::of(day, Vec::new()).classes.is_empty());
    }

    #[test]
    fn a_bad_address_is_refused_naming_the_parameter() {
        for (q, field) in [
            (vec![("stato", "boh")], "stato"),
            (vec![("ordine", "asilo")], "ordine"),
            (vec![("ordina", "eta")], "ordina"),
            (vec![("classe", "3A"), ("classe", "3B")], "classe"),
            (vec![("nome", "x")], "nome"),
        ] {
            let e = DeskQuery::parse(pairs(&q)).unwrap_err(); // ok: test
            assert_eq!(e.field.as_deref(), Some(field));
        }
        assert!(DeskQuery::parse(pairs(&[("format", "csv"), ("classe", "")])).is_ok());
    }
}
