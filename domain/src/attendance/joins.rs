//! The joins between the register and the engine: which derogation an absence is tied to when
//! the register keeps no link ([`Deroga::covers`], [`crate::family::link_deroghe`]), and what the
//! engine then takes out.

use super::engine::tests::{d, five_days, year_2024_25};
use super::presets::seed_003;
use super::{
    assess, AbsenceEvent, AbsenceKind, DateRange, Deroga, DerogaCategoryCode, DerogaId,
    DerogaStatus, Pupil, SchoolGrade,
};
use crate::family::link_deroghe;
use chrono::NaiveDate;

fn deroga(id: u32, from: NaiveDate, to: NaiveDate, status: DerogaStatus) -> Deroga {
    Deroga::new(
        DerogaId(id),
        DerogaCategoryCode::new("ricovero").unwrap(),
        DateRange::new(from, to).unwrap(),
        None,
        status,
    )
    .unwrap()
}

fn event(date: NaiveDate, kind: AbsenceKind, minutes: Option<u32>) -> AbsenceEvent {
    AbsenceEvent::new(date, kind, minutes, false, None).unwrap()
}

/// The derogation each event was tied to, in the order of the events.
fn ties(events: &[AbsenceEvent], deroghe: &[Deroga]) -> Vec<Option<u32>> {
    link_deroghe(events.to_vec(), deroghe)
        .iter()
        .map(|e| e.deroga().map(|id| id.0))
        .collect()
}

#[test]
fn a_derogation_covers_the_days_away_within_its_dates() {
    let week = deroga(1, d(2024, 10, 7), d(2024, 10, 11), DerogaStatus::Approved);
    let inside = d(2024, 10, 9);
    assert!(week.covers(&AbsenceEvent::whole_day(inside, false)));
    assert!(week.covers(&event(inside, AbsenceKind::MissedSchoolTrip, None)));
    assert!(!week.covers(&AbsenceEvent::whole_day(d(2024, 10, 14), false)));
    assert!(!week.covers(&AbsenceEvent::whole_day(d(2024, 10, 4), false)));
    // A part of a day inside a longer derogation: the pupil came to school that day.
    for kind in [
        AbsenceKind::LateEntry,
        AbsenceKind::DeferredEntry,
        AbsenceKind::EarlyExit,
    ] {
        assert!(!week.covers(&event(inside, kind, Some(60))), "{kind:?}");
    }
    // Reasons of their own, and presence: never.
    for kind in [
        AbsenceKind::Abstention,
        AbsenceKind::SuspensionWithoutAttendance,
        AbsenceKind::SuspensionWithAttendance,
        AbsenceKind::SchoolActivity,
    ] {
        assert!(!week.covers(&event(inside, kind, None)), "{kind:?}");
    }
    // A derogation for one day covers any part of it, and only that day.
    let visit = deroga(2, inside, inside, DerogaStatus::Pending);
    assert!(visit.covers(&event(inside, AbsenceKind::EarlyExit, Some(120))));
    assert!(visit.covers(&event(inside, AbsenceKind::LateEntry, Some(10))));
    assert!(visit.covers(&AbsenceEvent::whole_day(inside, false)));
    assert!(!visit.covers(&event(inside, AbsenceKind::Abstention, None)));
    assert!(!visit.covers(&event(d(2024, 10, 10), AbsenceKind::EarlyExit, Some(120))));
}

/// A family's broad pending request and the school's narrower approved derogation: the
/// approved one wins for the absences it covers; a refused one never covers; an absence no
/// derogation covers stays untied; an event already tied keeps its derogation.
#[test]
fn an_absence_is_tied_to_the_approved_derogation_before_a_pending_one() {
    let broad_pending = deroga(1, d(2024, 10, 1), d(2024, 11, 29), DerogaStatus::Pending);
    let approved = deroga(2, d(2024, 10, 7), d(2024, 10, 11), DerogaStatus::Approved);
    let refused = deroga(0, d(2024, 10, 14), d(2024, 10, 14), DerogaStatus::Refused);
    let one_day = deroga(3, d(2024, 10, 21), d(2024, 10, 21), DerogaStatus::Pending);
    let deroghe = [broad_pending, approved, refused, one_day];
    let events = [
        AbsenceEvent::whole_day(d(2024, 10, 3), false), // the request only
        AbsenceEvent::whole_day(d(2024, 10, 8), false), // both: the approved one
        event(d(2024, 10, 9), AbsenceKind::MissedSchoolTrip, None), // both: the approved one
        event(d(2024, 10, 10), AbsenceKind::LateEntry, Some(15)), // a part of a day: none
        event(d(2024, 10, 11), AbsenceKind::Abstention, None), // its own reason: none
        AbsenceEvent::whole_day(d(2024, 10, 14), false), // refused, and the request
        event(d(2024, 10, 21), AbsenceKind::EarlyExit, Some(120)), // the one-day request
        AbsenceEvent::whole_day(d(2024, 12, 2), false), // outside every derogation: none
        AbsenceEvent::whole_day(d(2024, 10, 4), false).with_deroga(DerogaId(9)), // kept
    ];
    let want = vec![
        Some(1),
        Some(2),
        Some(2),
        None,
        None,
        Some(1),
        Some(3),
        None,
        Some(9),
    ];
    assert_eq!(ties(&events, &deroghe), want);
    // The order of the derogations does not matter.
    let mut reversed = deroghe.to_vec();
    reversed.reverse();
    assert_eq!(ties(&events, &reversed), want);
    // Two approved ones: the lowest id.
    let other = deroga(5, d(2024, 10, 8), d(2024, 10, 8), DerogaStatus::Approved);
    let both = [other, deroghe[1].clone()];
    assert_eq!(ties(&events[1..2], &both), vec![Some(2)]);
    // Refused alone: nothing is tied.
    assert_eq!(ties(&events[5..6], &deroghe[2..3]), vec![None]);
}

/// Through the engine: the approved hours are taken out even under a broad pending request,
/// and the request shows only what it would add.
#[test]
fn the_approved_hours_are_taken_out_under_a_broad_pending_request() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let pupil = Pupil::full_year(SchoolGrade::SecondariaPrimoGrado, five_days(6));
    let broad_pending = deroga(1, d(2024, 10, 1), d(2024, 11, 29), DerogaStatus::Pending);
    let approved = deroga(2, d(2024, 10, 7), d(2024, 10, 11), DerogaStatus::Approved);
    let deroghe = [broad_pending, approved];
    // Five whole days under the approved derogation, two more under the request only, a late
    // entry inside both and a whole day after both.
    let mut events: Vec<AbsenceEvent> = (7..=11)
        .map(|day| AbsenceEvent::whole_day(d(2024, 10, day), false))
        .collect();
    events.push(AbsenceEvent::whole_day(d(2024, 10, 15), false));
    events.push(AbsenceEvent::whole_day(d(2024, 10, 16), false));
    events.push(event(d(2024, 10, 17), AbsenceKind::LateEntry, Some(30)));
    events.push(AbsenceEvent::whole_day(d(2024, 12, 2), false));
    let linked = link_deroghe(events, &deroghe);
    let a = assess(&policy, &cal, &pupil, &linked, &deroghe, d(2025, 6, 30));
    assert_eq!(a.absence_minutes, 8 * 360 + 30);
    assert_eq!(a.derogated_minutes, 5 * 360);
    assert_eq!(a.pending_deroga_minutes, 2 * 360);
    assert_eq!(a.counted_absence_minutes, 3 * 360 + 30);
    assert_eq!(a.remaining_minutes, 247 * 60 - (3 * 360 + 30));
}
