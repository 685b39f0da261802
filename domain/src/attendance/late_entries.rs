//! Repeated late entries (*ritardi reiterati in ingresso*, issue 19 point 7): seed 003 says
//!
//! > si procede al monitoraggio delle assenze degli studenti della scuola primaria e secondaria
//! > di I grado con invio di informativa scritta alle relative famiglie in situazione di
//! > frequenza non regolare e/o presenza di ritardi reiterati in ingresso, affinché sia loro
//! > possibile avere aggiornata la quantità oraria di assenze effettuate dallo studente. La
//! > comunicazione sarà trasmessa attraverso il registro elettronico.
//!
//! and, of how late entries weigh, "nel computo del monte ore di assenze effettuate durante il
//! periodo scolastico vengono considerati anche i ritardi, gli ingressi posticipati e le uscite
//! anticipate". What this module decides, and why:
//!
//! - **The threshold is the school's** ([`super::Policy::late_entries_notice_after`]): the seed
//!   says "reiterati" and gives no number, so each school sets how many late entries make the
//!   written notice due (2 to [`MAX_THRESHOLD`]); a school that sets none has no such notice
//!   (seed 004 art. 8 says the register itself is the family's information). The seed 003
//!   preset sets [`SEED_003_THRESHOLD`], a figure the school changes with its policy.
//! - **A late entry** is a day the pupil came in after the start of lessons: a late arrival
//!   (*ritardo*) or a deferred entry (*ingresso posticipato*, "entrate alla seconda ora", seed
//!   004 art. 5) — both are entries "in ritardo". Early exits are not entries. Several records
//!   on one day are one late entry. Whether the register marks it justified does not matter: the
//!   notice is information on the hours missed, not a reproach, and a justified late entry is
//!   missed time all the same; a late entry covered by a derogation the school approved (a
//!   visit, a therapy session: [`super::Deroga::covers`]) is the school's own known reason and
//!   is left out.
//! - **Counted from** the pupil's first day at the school, and after each notice from the day
//!   after it: the family is written to again when the late entries repeat after the notice,
//!   never twice for the same ones. The notice is due from the day of the threshold-th late
//!   entry; it has no legal term, so it is never overdue.
//! - The notice is sent through Ponte (the seed's "registro elettronico"): a notice the family
//!   must acknowledge, with the dates, the hours they cost and the pupil's counted absence
//!   hours against the maximum (worker `law159::step`, the wording in `app::i18n_law159`).

use super::calendar::Calendar;
use super::events::{AbsenceEvent, AbsenceKind, Deroga};
use super::law159::excused;
use super::pupil::Pupil;
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// The largest threshold a school may set.
pub const MAX_THRESHOLD: u32 = 100;
/// The smallest: "reiterati" is at least twice.
pub const MIN_THRESHOLD: u32 = 2;
/// The seed 003 preset's threshold (the seed gives none: the school sets its own).
pub const SEED_003_THRESHOLD: u32 = 5;

/// Checks a school's threshold.
pub fn threshold(n: u32) -> Result<u32, FieldError> {
    if (MIN_THRESHOLD..=MAX_THRESHOLD).contains(&n) {
        Ok(n)
    } else {
        Err(FieldError::invalid_says(
            "late_entries_notice_after",
            Msg::LateEntriesThresholdRange,
            &[("min", &MIN_THRESHOLD), ("max", &MAX_THRESHOLD)],
        ))
    }
}

/// Whether a record is a late entry (module docs).
pub fn is_late_entry(kind: AbsenceKind) -> bool {
    matches!(kind, AbsenceKind::LateEntry | AbsenceKind::DeferredEntry)
}

/// A pupil's late entries since the last notice, on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct LateEntries {
    /// The school's threshold.
    pub threshold: u32,
    /// The first day counted: the first day at the school, or the day after the last notice.
    pub counted_from: NaiveDate,
    /// The days of late entry counted, in order, up to today.
    pub dates: Vec<NaiveDate>,
    /// The lesson minutes they cost.
    pub minutes: u32,
    /// The day of the threshold-th late entry: the notice is due from then.
    pub due_from: Option<NaiveDate>,
    /// The notices sent before, in order.
    pub notified_on: Vec<NaiveDate>,
}

impl LateEntries {
    /// The notice is due (the threshold was reached since the last one).
    pub fn due(&self) -> bool {
        self.due_from.is_some()
    }

    /// Whether the school's desk shows the pupil: the notice is due, or was sent before.
    pub fn shown(&self) -> bool {
        self.due() || !self.notified_on.is_empty()
    }
}

/// The late entries of `pupil` up to `today` (module docs), with the school's `threshold` and
/// the dates of the notices sent before (`notices`, any order). Events on days that are not
/// lesson days of the pupil's timetable are left out, as the engine does.
pub fn late_entries(
    calendar: &Calendar,
    pupil: &Pupil,
    events: &[AbsenceEvent],
    deroghe: &[Deroga],
    threshold: u32,
    notices: &[NaiveDate],
    today: NaiveDate,
) -> LateEntries {
    let mut notified_on = notices.to_vec();
    notified_on.sort();
    notified_on.dedup();
    let start = pupil.counting_start(calendar);
    let counted_from = notified_on
        .last()
        .and_then(|n| n.checked_add_days(Days::new(1)))
        .map_or(start, |n| n.max(start));
    let schedule = calendar.schedule(pupil.profile());
    let sched = schedule.days();
    let mut by_day: Vec<(NaiveDate, u32)> = Vec::new();
    for e in events {
        let date = e.date();
        if !is_late_entry(e.kind()) || date < counted_from || date > today {
            continue;
        }
        let Some(day) = calendar.index(date).map(|i| u32::from(sched[i])) else {
            continue;
        };
        if day == 0 || excused(e, deroghe) {
            continue;
        }
        let m = e.minutes().unwrap_or(day).min(day);
        match by_day.iter_mut().find(|(d, _)| *d == date) {
            Some((_, total)) => *total = (*total + m).min(day),
            None => by_day.push((date, m)),
        }
    }
    by_day.sort();
    let dates: Vec<NaiveDate> = by_day.iter().map(|(d, _)| *d).collect();
    let due_from = dates.get(threshold.max(1) as usize - 1).copied();
    LateEntries {
        threshold,
        counted_from,
        minutes: by_day.iter().map(|(_, m)| m).sum(),
        dates,
        due_from,
        notified_on,
    }
}

/// Whether a notice dated `on` may be sent now: the threshold was reached since the last one,
/// not before the day it was reached, not after `today`.
pub fn check_notice(l: &LateEntries, on: NaiveDate, today: NaiveDate) -> Result<(), FieldError> {
    if on > today {
        return Err(FieldError::invalid_says("on", Msg::CaseDateInFuture, &[]));
    }
    let Some(from) = l.due_from else {
        return Err(FieldError::conflict_says(Msg::LateEntriesNotDue, &[]));
    };
    if on < from {
        return Err(FieldError::invalid_says(
            "on",
            Msg::LateEntriesNoticeBeforeThreshold,
            &[],
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attendance::engine::tests::{d, five_days, year_2024_25};
    use crate::attendance::events::{DerogaCategoryCode, DerogaId, DerogaStatus};
    use crate::attendance::pupil::{Enrolment, SchoolGrade};
    use crate::attendance::DateRange;

    fn pupil() -> Pupil {
        Pupil::full_year(SchoolGrade::Primaria, five_days(6))
    }

    fn late(on: NaiveDate, minutes: u32, justified: bool) -> AbsenceEvent {
        AbsenceEvent::new(on, AbsenceKind::LateEntry, Some(minutes), justified, None).unwrap()
        // ok: test
    }

    fn lesson_days(cal: &Calendar) -> Vec<NaiveDate> {
        cal.first_lesson_day()
            .iter_days()
            .take_while(|x| *x <= cal.last_lesson_day())
            .filter(|x| cal.is_lesson_day(*x, &five_days(6)))
            .collect()
    }

    #[test]
    fn the_threshold_is_the_schools_two_to_a_hundred() {
        assert!(threshold(1).is_err());
        assert_eq!(threshold(2), Ok(2));
        assert_eq!(threshold(100), Ok(100));
        assert_eq!(
            threshold(101).unwrap_err().field.as_deref(), // ok: test
            Some("late_entries_notice_after")
        );
    }

    #[test]
    fn the_notice_is_due_on_the_threshold_th_late_entry_and_counts_again_after_it() {
        let cal = year_2024_25();
        let days = lesson_days(&cal);
        let mut events: Vec<AbsenceEvent> = (0..7)
            .map(|i| late(days[10 + 3 * i], 10, i % 2 == 0))
            .collect();
        // A deferred entry is a late entry too; a second record the same day is the same one;
        // an early exit is not an entry.
        events.push(
            AbsenceEvent::new(days[40], AbsenceKind::DeferredEntry, Some(60), false, None).unwrap(), // ok: test
        );
        events.push(late(days[40], 10, false));
        events.push(
            AbsenceEvent::new(days[41], AbsenceKind::EarlyExit, Some(60), false, None).unwrap(), // ok: test
        );
        let today = d(2025, 6, 30);
        let l = late_entries(&cal, &pupil(), &events, &[], 5, &[], today);
        assert_eq!(l.dates.len(), 8);
        assert_eq!(l.counted_from, cal.first_lesson_day());
        assert_eq!(l.minutes, 7 * 10 + 70);
        assert_eq!(l.due_from, Some(days[22]), "the fifth, justified or not");
        assert!(l.due() && l.shown());
        // Not due before the fifth.
        let before = late_entries(&cal, &pupil(), &events, &[], 5, &[], days[21]);
        assert_eq!(before.dates.len(), 4);
        assert!(!before.due() && !before.shown());
        // After a notice on the fifth's day, only the later ones count: three, not due, shown.
        let after = late_entries(&cal, &pupil(), &events, &[], 5, &[days[22]], today);
        assert_eq!(after.counted_from, days[22].succ_opt().unwrap()); // ok: test
        assert_eq!(after.dates, vec![days[25], days[28], days[40]]);
        assert!(!after.due() && after.shown());
        assert_eq!(after.notified_on, vec![days[22]]);
        // A notice may be sent from the day the threshold was reached, not before, not later
        // than today, and not when not due.
        assert!(check_notice(&l, days[22], today).is_ok());
        assert!(check_notice(&l, days[21], today).is_err());
        assert!(check_notice(&l, today.succ_opt().unwrap(), today).is_err()); // ok: test
        assert_eq!(
            check_notice(&after, today, today).unwrap_err().code, // ok: test
            crate::error::ErrorCode::Conflict
        );
    }

    #[test]
    fn a_late_entry_the_school_recognised_is_left_out() {
        let cal = year_2024_25();
        let days = lesson_days(&cal);
        let events: Vec<AbsenceEvent> = (0..5).map(|i| late(days[10 + i], 30, false)).collect();
        let visit = Deroga::new(
            DerogaId(1),
            DerogaCategoryCode::new("terapie").unwrap(), // ok: test
            DateRange::new(days[12], days[12]).unwrap(), // ok: test
            None,
            DerogaStatus::Approved,
        )
        .unwrap(); // ok: test
        let l = late_entries(
            &cal,
            &pupil(),
            &events,
            std::slice::from_ref(&visit),
            5,
            &[],
            d(2025, 6, 30),
        );
        assert_eq!(l.dates.len(), 4);
        assert!(!l.due());
        let pending = visit.with_status(DerogaStatus::Pending);
        assert!(late_entries(&cal, &pupil(), &events, &[pending], 5, &[], d(2025, 6, 30)).due());
    }

    #[test]
    fn only_the_days_at_this_school_count() {
        let cal = year_2024_25();
        let days = lesson_days(&cal);
        let events: Vec<AbsenceEvent> = (0..6).map(|i| late(days[10 + i], 5, false)).collect();
        let p = Pupil::new(
            SchoolGrade::Primaria,
            five_days(6),
            Enrolment::Transfer {
                start: days[12],
                previous_absence_minutes: None,
            },
            None,
        )
        .unwrap(); // ok: test
        let l = late_entries(&cal, &p, &events, &[], 5, &[], d(2025, 6, 30));
        assert_eq!(l.counted_from, days[12]);
        assert_eq!(l.dates.len(), 4);
    }
}
