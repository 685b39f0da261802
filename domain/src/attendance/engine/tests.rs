use super::*;
use crate::attendance::calendar::{DateRange, TimetableProfile};
use crate::attendance::events::{AbsenceKind, DerogaCategoryCode};
use crate::attendance::limits::LessonWeeks;
use crate::attendance::presets::{seed_003, seed_004, SEED_003_TABLE, SEED_004_TABLE};

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Emilia-Romagna 2024/25 (seed 003's region): 16 Sep 2024 – 6 Jun 2025.
pub(crate) fn year_2024_25() -> Calendar {
    let h = |a, b| DateRange::new(a, b).unwrap();
    Calendar::new(
        d(2024, 9, 16),
        d(2025, 6, 6),
        vec![
            h(d(2024, 11, 1), d(2024, 11, 2)),
            h(d(2024, 12, 23), d(2025, 1, 6)),
            h(d(2025, 4, 17), d(2025, 4, 26)),
            h(d(2025, 5, 1), d(2025, 5, 3)),
            h(d(2025, 6, 2), d(2025, 6, 2)),
        ],
        LessonWeeks::DEFAULT,
    )
    .unwrap()
}

pub(crate) fn five_days(h: u32) -> TimetableProfile {
    TimetableProfile::from_days([h, h, h, h, h, 0]).unwrap()
}

fn pupil(grade: SchoolGrade, profile: TimetableProfile) -> Pupil {
    Pupil::full_year(grade, profile)
}

fn secondaria() -> Pupil {
    pupil(SchoolGrade::SecondariaPrimoGrado, five_days(6))
}

fn end_of_year() -> NaiveDate {
    d(2025, 6, 30)
}

fn late(date: NaiveDate, minutes: u32, justified: bool) -> AbsenceEvent {
    AbsenceEvent::new(date, AbsenceKind::LateEntry, Some(minutes), justified, None).unwrap()
}

fn deroga(id: u32, cat: &str, from: NaiveDate, to: NaiveDate, status: DerogaStatus) -> Deroga {
    Deroga::new(
        DerogaId(id),
        DerogaCategoryCode::new(cat).unwrap(),
        DateRange::new(from, to).unwrap(),
        None,
        status,
    )
    .unwrap()
}

/// Lesson days of the calendar for `profile`, in order.
fn lesson_days(cal: &Calendar, profile: &TimetableProfile) -> Vec<NaiveDate> {
    cal.first_lesson_day()
        .iter_days()
        .take_while(|x| *x <= cal.last_lesson_day())
        .filter(|x| cal.is_lesson_day(*x, profile))
        .collect()
}

/// docs/design.md §2, all six rows, through the engine: no absence, full year.
#[test]
fn seed_tables_through_the_engine() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let rows = [
        (40, 1320, 990, 330),
        (28, 924, 693, 231),
        (29, 957, 718, 239),
        (30, 990, 743, 247),
        (32, 1056, 792, 264),
        (36, 1188, 891, 297),
    ];
    for (weekly, annual, min, max) in rows {
        let mut days = [weekly / 6; 6];
        for x in days.iter_mut().take((weekly % 6) as usize) {
            *x += 1;
        }
        let p = TimetableProfile::from_days(days).unwrap();
        let a = assess(
            &policy,
            &cal,
            &pupil(SchoolGrade::Primaria, p),
            &[],
            &[],
            end_of_year(),
        );
        assert_eq!(
            (
                a.limits.annual_hours,
                a.limits.min_attendance_hours,
                a.limits.max_absence_hours
            ),
            (annual, min, max),
            "{weekly} ore settimanali"
        );
        assert_eq!(a.remaining_minutes, max * 60);
        assert_eq!(a.counted_absence_minutes, 0);
        assert_eq!(a.status, Status::Ok);
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    }
    // And the presets' tables say the same.
    for r in SEED_003_TABLE.iter().chain(SEED_004_TABLE.iter()) {
        assert!(rows.iter().any(|&(w, a, mi, ma)| (w, a, mi, ma)
            == (
                r.weekly_hours,
                r.annual_hours,
                r.min_attendance_hours,
                r.max_absence_hours
            )));
    }
}

/// Seed 004 art. 3: 247 h = 41 days at 6 h (Bibione, 5 days); 264 h = 44 days (musicale, six
/// hours a day); the 6-day plessi and the prolungato round down to 49 (the seed says 50).
#[test]
fn seed_004_day_equivalents_through_the_engine() {
    let policy = seed_004().unwrap();
    let cal = year_2024_25();
    let cases = [
        ([6, 6, 6, 6, 6, 0], 247, 41),
        ([5, 5, 5, 5, 5, 5], 247, 49),
        ([6, 6, 6, 6, 6, 2], 264, 44),
        ([6, 6, 6, 6, 6, 6], 297, 49),
    ];
    for (days, max, whole_days) in cases {
        let p = TimetableProfile::from_days(days).unwrap();
        let a = assess(
            &policy,
            &cal,
            &pupil(SchoolGrade::SecondariaPrimoGrado, p),
            &[],
            &[],
            end_of_year(),
        );
        assert_eq!(a.limits.max_absence_hours, max);
        assert_eq!(a.remaining_days, whole_days, "{days:?}");
        assert_eq!(a.limits.max_absence_days, Some(whole_days));
    }
}

#[test]
fn counting_whole_days_and_partial_events() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let events = [
        AbsenceEvent::whole_day(d(2024, 10, 1), true),
        late(d(2024, 10, 2), 15, false),
        AbsenceEvent::new(
            d(2024, 10, 3),
            AbsenceKind::EarlyExit,
            Some(120),
            true,
            None,
        )
        .unwrap(),
        AbsenceEvent::new(
            d(2024, 10, 4),
            AbsenceKind::DeferredEntry,
            Some(60),
            true,
            None,
        )
        .unwrap(),
    ];
    let a = assess(&policy, &cal, &secondaria(), &events, &[], d(2024, 10, 31));
    assert_eq!(a.counted_absence_minutes, 360 + 15 + 120 + 60);
    assert_eq!(a.remaining_minutes, 247 * 60 - 555);
    assert_eq!(a.remaining_days, (247 * 60 - 555) / 360);
    assert_eq!(a.absence_percent, 0.9); // 555 / 59400 = 0.934 %
    assert_eq!(a.limit_used_percent, Some(3.7)); // 555 / 14820 = 3.74 %
    assert_eq!(a.status, Status::Ok);
}

/// Seed 003 does not count the suspension without attendance; seed 004 art. 5 does. Neither
/// counts school activities.
#[test]
fn what_counts_is_the_schools_policy() {
    let cal = year_2024_25();
    let day = d(2024, 10, 1);
    let events = [
        AbsenceEvent::new(
            day,
            AbsenceKind::SuspensionWithoutAttendance,
            None,
            false,
            None,
        )
        .unwrap(),
        AbsenceEvent::new(
            d(2024, 10, 2),
            AbsenceKind::SchoolActivity,
            None,
            true,
            None,
        )
        .unwrap(),
        AbsenceEvent::new(
            d(2024, 10, 3),
            AbsenceKind::SuspensionWithAttendance,
            None,
            true,
            None,
        )
        .unwrap(),
        AbsenceEvent::new(
            d(2024, 10, 4),
            AbsenceKind::MissedSchoolTrip,
            None,
            false,
            None,
        )
        .unwrap(),
    ];
    let p3 = assess(
        &seed_003().unwrap(),
        &cal,
        &secondaria(),
        &events,
        &[],
        end_of_year(),
    );
    let p4 = assess(
        &seed_004().unwrap(),
        &cal,
        &secondaria(),
        &events,
        &[],
        end_of_year(),
    );
    assert_eq!(p3.counted_absence_minutes, 360);
    assert_eq!(p4.counted_absence_minutes, 720);
}

#[test]
fn records_outside_lesson_days_are_warned_not_counted() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let events = [
        AbsenceEvent::whole_day(d(2024, 9, 13), false), // before the first lesson day
        AbsenceEvent::whole_day(d(2024, 11, 1), false), // holiday
        AbsenceEvent::whole_day(d(2024, 10, 5), false), // Saturday, 5-day week
        AbsenceEvent::whole_day(d(2024, 11, 4), false), // after today
        AbsenceEvent::whole_day(d(2024, 10, 7), false), // counted
    ];
    let a = assess(&policy, &cal, &secondaria(), &events, &[], d(2024, 11, 3));
    assert_eq!(a.counted_absence_minutes, 360);
    assert_eq!(
        a.warnings,
        vec![
            Warning::EventOutsideLessonPeriod {
                date: d(2024, 9, 13)
            },
            Warning::EventOnNonLessonDay {
                date: d(2024, 10, 5)
            },
            Warning::EventOnNonLessonDay {
                date: d(2024, 11, 1)
            },
            Warning::EventAfterToday {
                date: d(2024, 11, 4)
            },
        ]
    );
}

#[test]
fn a_day_counts_at_most_its_timetable() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let day = d(2024, 10, 1);
    let events = [AbsenceEvent::whole_day(day, false), late(day, 60, false)];
    let a = assess(&policy, &cal, &secondaria(), &events, &[], end_of_year());
    assert_eq!(a.counted_absence_minutes, 360);
    assert_eq!(
        a.warnings,
        vec![Warning::DayOverRecorded {
            date: day,
            recorded_minutes: 420,
            day_minutes: 360
        }]
    );
}

/// Decision 2 of the module docs of `attendance`: an over-recorded day cuts the plain minutes
/// first and keeps the derogated ones, so the counted absence is the smallest the records allow.
#[test]
fn an_over_recorded_day_cuts_the_plain_minutes_first() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let day = d(2024, 10, 1);
    let run = |events: &[AbsenceEvent], deroghe: &[Deroga]| {
        assess(&policy, &cal, &secondaria(), events, deroghe, end_of_year())
    };
    let approved = deroga(7, "ricovero", day, day, DerogaStatus::Approved);
    let over = vec![Warning::DayOverRecorded {
        date: day,
        recorded_minutes: 420,
        day_minutes: 360,
    }];

    // A plain whole day and a derogated late entry: the late entry's hour is kept.
    let events = [
        AbsenceEvent::whole_day(day, false),
        late(day, 60, true).with_deroga(DerogaId(7)),
    ];
    let a = run(&events, std::slice::from_ref(&approved));
    assert_eq!(a.absence_minutes, 360);
    assert_eq!(a.derogated_minutes, 60);
    assert_eq!(a.counted_absence_minutes, 300);
    assert_eq!(a.warnings, over);

    // A derogated whole day and a plain late entry: the whole day is kept, nothing counts.
    let events = [
        AbsenceEvent::whole_day(day, true).with_deroga(DerogaId(7)),
        late(day, 60, false),
    ];
    let a = run(&events, std::slice::from_ref(&approved));
    assert_eq!(a.absence_minutes, 360);
    assert_eq!(a.derogated_minutes, 360);
    assert_eq!(a.counted_absence_minutes, 0);
    assert_eq!(a.remaining_minutes, 247 * 60);
    assert_eq!(a.limit_crossed_on, None);
    assert_eq!(a.warnings, over);

    // Pending: counted all the same, and it would take the whole day out if approved.
    let pending = approved.clone().with_status(DerogaStatus::Pending);
    let a = run(&events, std::slice::from_ref(&pending));
    assert_eq!(a.counted_absence_minutes, 360);
    assert_eq!(a.pending_deroga_minutes, 360);
    assert_eq!(
        a.alerts,
        vec![Alert::DerogaPending {
            count: 1,
            minutes: 360,
            documentation_deadline: Some(d(2025, 5, 31))
        }]
    );
    // The API's word is "derogation": the JSON keeps it.
    assert_eq!(
        serde_json::to_value(&a.alerts[0]).unwrap()["kind"],
        "derogations_pending"
    );

    // Refused: the day counts its timetable, as if no derogation were asked.
    let refused = approved.clone().with_status(DerogaStatus::Refused);
    let a = run(&events, &[refused]);
    assert_eq!(a.counted_absence_minutes, 360);
    assert_eq!(a.derogated_minutes, 0);
}

/// Two approved derogations on one over-recorded day, one with 10 minutes left: the day's room
/// goes to what each can still take out, not to whichever record comes first.
#[test]
fn an_over_recorded_day_gives_its_room_to_what_the_derogations_can_take_out() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let day = d(2024, 10, 1);
    let small = Deroga::new(
        DerogaId(1),
        DerogaCategoryCode::new("ricovero").unwrap(),
        DateRange::new(day, day).unwrap(),
        Some(10),
        DerogaStatus::Approved,
    )
    .unwrap();
    let broad = deroga(
        2,
        "grave_malattia",
        day,
        d(2024, 10, 31),
        DerogaStatus::Approved,
    );
    let events = [
        AbsenceEvent::whole_day(day, true).with_deroga(DerogaId(1)),
        AbsenceEvent::whole_day(day, true).with_deroga(DerogaId(2)),
    ];
    let a = assess(
        &policy,
        &cal,
        &secondaria(),
        &events,
        &[small, broad],
        end_of_year(),
    );
    assert_eq!(a.absence_minutes, 360);
    assert_eq!(a.derogated_minutes, 360);
    assert_eq!(a.counted_absence_minutes, 0);
}

/// Seed 003: "Per le iscrizioni tardive il computo verrà fatto … dalla data di inizio frequenza".
#[test]
fn late_enrolment_is_pro_rata() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let profile = five_days(6);
    let days = lesson_days(&cal, &profile);
    let start = days[days.len() / 2];
    let left = (days.len() - days.len() / 2) as u64;
    let p = Pupil::new(
        SchoolGrade::SecondariaPrimoGrado,
        profile,
        Enrolment::Late { start },
        None,
    )
    .unwrap();
    let early = AbsenceEvent::whole_day(days[0], false);
    let a = assess(&policy, &cal, &p, &[early], &[], end_of_year());
    let expect = ((2 * 990 * left + days.len() as u64) / (2 * days.len() as u64)) as u32;
    assert_eq!(a.personalised.annual_hours, expect);
    assert_eq!(a.limits.annual_hours, expect);
    assert_eq!(
        a.limits.max_absence_hours,
        expect - (3 * expect).div_ceil(4)
    );
    assert_eq!(a.counted_absence_minutes, 0);
    assert_eq!(
        a.warnings,
        vec![Warning::EventBeforeEnrolment { date: days[0] }]
    );
}

/// Seed 003: "Per gli alunni trasferiti in corso d'anno saranno richieste le ore di assenza alla
/// scuola di provenienza."
#[test]
fn transfer_hours_are_counted() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let start = d(2025, 1, 13);
    let known = Pupil::new(
        SchoolGrade::SecondariaPrimoGrado,
        five_days(6),
        Enrolment::Transfer {
            start,
            previous_absence_minutes: Some(40 * 60),
        },
        None,
    )
    .unwrap();
    let events = [AbsenceEvent::whole_day(d(2025, 1, 14), false)];
    let a = assess(&policy, &cal, &known, &events, &[], d(2025, 1, 31));
    assert_eq!(a.limits.annual_hours, 990);
    assert_eq!(a.transfer_in_minutes, 2400);
    assert_eq!(a.counted_absence_minutes, 2400 + 360);
    assert!(a.alerts.is_empty());

    let unknown = Pupil::new(
        SchoolGrade::SecondariaPrimoGrado,
        five_days(6),
        Enrolment::Transfer {
            start,
            previous_absence_minutes: None,
        },
        None,
    )
    .unwrap();
    let a = assess(&policy, &cal, &unknown, &events, &[], d(2025, 1, 31));
    assert_eq!(a.counted_absence_minutes, 360);
    assert_eq!(a.alerts, vec![Alert::TransferHoursMissing { start }]);
}

#[test]
fn override_replaces_the_annual_hours() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let p = Pupil::new(
        SchoolGrade::Primaria,
        five_days(6),
        Enrolment::FullYear,
        Some(800),
    )
    .unwrap();
    let a = assess(&policy, &cal, &p, &[], &[], end_of_year());
    assert_eq!(a.limits.annual_hours, 800);
    assert_eq!(a.limits.max_absence_hours, 200);
}

/// Ten whole days of hospital stay (60 h) covered by an approved derogation, and ten more days
/// of ordinary absence.
fn hospital_case() -> (Vec<AbsenceEvent>, NaiveDate, NaiveDate) {
    let cal = year_2024_25();
    let days = lesson_days(&cal, &five_days(6));
    let mut events: Vec<AbsenceEvent> = days[20..30]
        .iter()
        .map(|&x| AbsenceEvent::whole_day(x, true).with_deroga(DerogaId(7)))
        .collect();
    events.extend(
        days[40..50]
            .iter()
            .map(|&x| AbsenceEvent::whole_day(x, true)),
    );
    (events, days[20], days[29])
}

#[test]
fn derogation_excluded_from_absence_hours_seed_003() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let (events, from, to) = hospital_case();
    let approved = deroga(7, "ricovero", from, to, DerogaStatus::Approved);
    let a = assess(
        &policy,
        &cal,
        &secondaria(),
        &events,
        std::slice::from_ref(&approved),
        end_of_year(),
    );
    assert_eq!(a.absence_minutes, 120 * 60);
    assert_eq!(a.derogated_minutes, 60 * 60);
    assert_eq!(a.counted_absence_minutes, 60 * 60);
    assert_eq!(a.limits.annual_hours, 990);
    assert_eq!(a.hours_removed_by_deroghe, 0);
    assert_eq!(a.remaining_minutes, (247 - 60) * 60);

    // Pending and refused take nothing out; pending is shown with the 31 May deadline.
    let pending = approved.clone().with_status(DerogaStatus::Pending);
    let a = assess(
        &policy,
        &cal,
        &secondaria(),
        &events,
        &[pending],
        end_of_year(),
    );
    assert_eq!(a.counted_absence_minutes, 120 * 60);
    assert_eq!(a.pending_deroga_minutes, 60 * 60);
    assert_eq!(a.documentation_deadline, Some(d(2025, 5, 31)));
    assert_eq!(
        a.alerts,
        vec![Alert::DerogaPending {
            count: 1,
            minutes: 3600,
            documentation_deadline: Some(d(2025, 5, 31))
        }]
    );
    let refused = approved.with_status(DerogaStatus::Refused);
    let a = assess(
        &policy,
        &cal,
        &secondaria(),
        &events,
        &[refused],
        end_of_year(),
    );
    assert_eq!(a.counted_absence_minutes, 120 * 60);
    assert!(a.alerts.is_empty());
}

/// Seed 004 art. 6: "Saranno eliminati dal calcolo dell'orario annuale personalizzato".
#[test]
fn derogation_removed_from_annual_hours_seed_004() {
    let policy = seed_004().unwrap();
    let cal = year_2024_25();
    let (events, from, to) = hospital_case();
    let approved = deroga(7, "gravi_motivi_salute", from, to, DerogaStatus::Approved);
    let a = assess(
        &policy,
        &cal,
        &secondaria(),
        &events,
        &[approved],
        end_of_year(),
    );
    assert_eq!(a.derogated_minutes, 60 * 60);
    assert_eq!(a.counted_absence_minutes, 60 * 60);
    assert_eq!(a.hours_removed_by_deroghe, 60);
    assert_eq!(a.personalised.annual_hours, 990);
    // 930 h: minimum ⌈697.5⌉ = 698, maximum 232.
    assert_eq!(a.limits.annual_hours, 930);
    assert_eq!(a.limits.min_attendance_hours, 698);
    assert_eq!(a.limits.max_absence_hours, 232);
    assert_eq!(a.remaining_minutes, (232 - 60) * 60);
}

#[test]
fn derogation_cap_category_and_dates() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let (events, from, to) = hospital_case();
    // Recognises 20 hours only.
    let capped = Deroga::new(
        DerogaId(7),
        DerogaCategoryCode::new("ricovero").unwrap(),
        DateRange::new(from, to).unwrap(),
        Some(20 * 60),
        DerogaStatus::Approved,
    )
    .unwrap();
    let a = assess(
        &policy,
        &cal,
        &secondaria(),
        &events,
        &[capped],
        end_of_year(),
    );
    assert_eq!(a.derogated_minutes, 20 * 60);
    assert_eq!(a.counted_absence_minutes, 100 * 60);

    // A category seed 003 has not adopted: not applied, and said.
    let foreign = deroga(7, "quarantena_classe", from, to, DerogaStatus::Approved);
    let a = assess(
        &policy,
        &cal,
        &secondaria(),
        &events,
        &[foreign],
        end_of_year(),
    );
    assert_eq!(a.derogated_minutes, 0);
    assert_eq!(
        a.warnings,
        vec![Warning::UnknownDerogaCategory {
            deroga: DerogaId(7),
            category: "quarantena_classe".into()
        }]
    );

    // Dates shorter than the events: the events outside are counted, and said.
    let short = deroga(7, "ricovero", from, from, DerogaStatus::Approved);
    let a = assess(
        &policy,
        &cal,
        &secondaria(),
        &events,
        &[short],
        end_of_year(),
    );
    assert_eq!(a.derogated_minutes, 6 * 60);
    assert_eq!(a.warnings.len(), 9);

    // No such derogation; two with the same id.
    let a = assess(&policy, &cal, &secondaria(), &events, &[], end_of_year());
    assert_eq!(a.derogated_minutes, 0);
    assert_eq!(a.warnings.len(), 10);
    let one = deroga(7, "ricovero", from, to, DerogaStatus::Approved);
    let a = assess(
        &policy,
        &cal,
        &secondaria(),
        &events,
        &[one.clone(), one],
        end_of_year(),
    );
    assert_eq!(a.derogated_minutes, 0);
    assert_eq!(
        a.warnings,
        vec![Warning::DuplicateDerogaId {
            deroga: DerogaId(7)
        }]
    );
}

/// Seed 003: "Al raggiungimento della soglia di 200 ore di assenze … per la scuola secondaria".
#[test]
fn seed_003_threshold_of_200_hours_in_secondaria() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let profile = five_days(6);
    let days = lesson_days(&cal, &profile);
    // 34 whole days = 204 h; the 200th hour is reached on the 34th day (33 days = 198 h).
    let events: Vec<AbsenceEvent> = days[..34]
        .iter()
        .map(|&x| AbsenceEvent::whole_day(x, true))
        .collect();
    let a = assess(&policy, &cal, &secondaria(), &events, &[], end_of_year());
    assert_eq!(a.counted_absence_minutes, 204 * 60);
    assert_eq!(a.status, Status::AtRisk);
    assert_eq!(
        a.alerts,
        vec![Alert::ThresholdReached {
            grade: SchoolGrade::SecondariaPrimoGrado,
            hours: 200,
            reached_on: days[33]
        }]
    );
    // Primaria has no threshold in seed 003: 204 of 247 h is 82.6 %, at risk by the bands.
    let prim = pupil(SchoolGrade::Primaria, profile);
    let a = assess(&policy, &cal, &prim, &events, &[], end_of_year());
    assert!(a.alerts.is_empty());
    assert_eq!(a.status, Status::AtRisk);
}

#[test]
fn status_bands_and_limit_exceeded() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let profile = five_days(6);
    let days = lesson_days(&cal, &profile);
    let prim = pupil(SchoolGrade::Primaria, profile);
    let upto = |n: usize| -> Vec<AbsenceEvent> {
        days[..n]
            .iter()
            .map(|&x| AbsenceEvent::whole_day(x, true))
            .collect()
    };
    let status = |n: usize| assess(&policy, &cal, &prim, &upto(n), &[], end_of_year());
    assert_eq!(status(0).status, Status::Ok);
    assert_eq!(status(20).status, Status::Ok); // 120 h = 48.6 %
    assert_eq!(status(21).status, Status::Attention); // 126 h = 51 %
    assert_eq!(status(33).status, Status::AtRisk); // 198 h = 80.2 %
                                                   // 41 days = 246 h, within 247; the 42nd day exceeds it.
    let at41 = status(41);
    assert_eq!(at41.status, Status::AtRisk);
    assert_eq!(at41.remaining_minutes, 60);
    assert_eq!(at41.remaining_days, 0);
    let at42 = status(42);
    assert_eq!(at42.status, Status::LimitExceeded);
    assert_eq!(at42.remaining_minutes, 0);
    assert_eq!(at42.limit_crossed_on, Some(days[41]));
    assert_eq!(
        at42.alerts,
        vec![Alert::LimitExceeded {
            crossed_on: days[41]
        }]
    );
    assert_eq!(at42.forecast_crossing_on, None);
    // Exactly at the maximum is still valid.
    let exact = [late(days[41], 60, true)];
    let mut ev = upto(41);
    ev.extend(exact);
    let a = assess(&policy, &cal, &prim, &ev, &[], end_of_year());
    assert_eq!(a.counted_absence_minutes, 247 * 60);
    assert_ne!(a.status, Status::LimitExceeded);
}

/// One day absent in every five, from the start: 20 % of the lessons, below the 25 % limit, so no
/// crossing within the year; one in three crosses it, on a lesson day before the end.
#[test]
fn forecast_at_the_pace_so_far() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let profile = five_days(6);
    let days = lesson_days(&cal, &profile);
    let prim = pupil(SchoolGrade::Primaria, profile);
    let today = days[59];
    let every = |n: usize| -> Vec<AbsenceEvent> {
        days[..60]
            .iter()
            .step_by(n)
            .map(|&x| AbsenceEvent::whole_day(x, true))
            .collect()
    };
    let a = assess(&policy, &cal, &prim, &every(5), &[], today);
    assert_eq!(a.counted_absence_minutes, 12 * 360);
    assert_eq!(a.forecast_crossing_on, None);

    let a = assess(&policy, &cal, &prim, &every(3), &[], today);
    assert_eq!(a.counted_absence_minutes, 20 * 360);
    // Pace 1/3: 20 days + x/3 > 41.17 days ⟺ x > 63.5: the 64th lesson day after today.
    assert_eq!(a.forecast_crossing_on, Some(days[59 + 64]));

    // No pace before the year starts or after it ends.
    let a = assess(&policy, &cal, &prim, &every(3), &[], d(2025, 7, 1));
    assert_eq!(a.forecast_crossing_on, None);
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let policy = seed_004().unwrap();
    // One Saturday only, pupil on a 5-day week: no lesson day at all.
    let cal = Calendar::new(d(2024, 9, 14), d(2024, 9, 14), vec![], LessonWeeks::DEFAULT).unwrap();
    let a = assess(
        &policy,
        &cal,
        &secondaria(),
        &[AbsenceEvent::whole_day(d(2024, 9, 14), false)],
        &[],
        NaiveDate::MAX,
    );
    assert_eq!(a.counted_absence_minutes, 0);
    assert!(a.warnings.contains(&Warning::CalendarWithoutLessonDays));
    // Enrolled after the last lesson day: 0 annual hours.
    let cal = year_2024_25();
    let p = Pupil::new(
        SchoolGrade::Primaria,
        five_days(6),
        Enrolment::Late {
            start: d(2025, 7, 1),
        },
        None,
    )
    .unwrap();
    let a = assess(&policy, &cal, &p, &[], &[], NaiveDate::MIN);
    assert_eq!(a.limits.annual_hours, 0);
    assert_eq!(a.limit_used_percent, None);
    assert_eq!(a.status, Status::Ok);
}

#[test]
fn assessment_json_shape() {
    let policy = seed_003().unwrap();
    let cal = year_2024_25();
    let a = assess(
        &policy,
        &cal,
        &secondaria(),
        &[AbsenceEvent::whole_day(d(2024, 10, 1), false)],
        &[],
        d(2024, 10, 31),
    );
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["as_of"], "2024-10-31");
    assert_eq!(v["status"], "ok");
    assert_eq!(v["counted_absence_minutes"], 360);
    assert_eq!(v["limits"]["max_absence_hours"], 247);
    assert_eq!(v["personalised"]["basis"]["kind"], "standard");
    assert_eq!(v["documentation_deadline"], "2025-05-31");
    assert!(v["forecast_crossing_on"].is_null());
}
