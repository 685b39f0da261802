//! Invariants of the engine and of the Law 159 check, on generated inputs.

use super::calendar::{Calendar, DateRange, TimetableProfile};
use super::engine::{assess, Assessment};
use super::events::{
    AbsenceEvent, AbsenceKind, Deroga, DerogaCategoryCode, DerogaId, DerogaStatus,
    MAX_EVENT_MINUTES,
};
use super::law159::{self, EpisodeRecord};
use super::limits::LessonWeeks;
use super::policy::{Bands, MonthDay, Policy};
use super::presets::{seed_003, seed_004};
use super::pupil::{Enrolment, Pupil, SchoolGrade, MAX_ANNUAL_HOURS};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

fn add(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// A first lesson day: a usual September, around a leap day, or at the very edges of chrono's
/// dates.
fn first_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        3 => (1990i32..2110, 1u32..=20)
            .prop_map(|(y, d)| NaiveDate::from_ymd_opt(y, 9, d).unwrap()),
        2 => (2023i32..2025, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
        1 => (0u64..400).prop_map(|k| NaiveDate::MAX - Days::new(k)),
        1 => (0u64..400).prop_map(|k| NaiveDate::MIN + Days::new(k)),
    ]
}

fn calendar() -> impl Strategy<Value = Calendar> {
    (
        first_day(),
        prop_oneof![3 => 250i64..300, 1 => 0i64..366],
        prop::collection::vec((1i64..365, 0i64..20), 0..6),
        prop_oneof![Just(33u32), 1u32..=52],
    )
        .prop_filter_map("a valid calendar", |(first, span, hol, weeks)| {
            let last = add(first, span)?;
            let holidays = hol
                .into_iter()
                .filter_map(|(a, l)| DateRange::new(add(first, a)?, add(first, a + l)?).ok())
                .filter(|h| h.from() > first && h.to() < last)
                .collect();
            Calendar::new(first, last, holidays, LessonWeeks::new(weeks).ok()?).ok()
        })
}

fn profile() -> impl Strategy<Value = TimetableProfile> {
    prop_oneof![
        Just([6u32, 6, 6, 6, 6, 0]),
        Just([5u32, 5, 5, 5, 5, 5]),
        prop::array::uniform6(0u32..=12),
    ]
    .prop_filter_map("a valid profile", |h| TimetableProfile::from_days(h).ok())
}

fn grade() -> impl Strategy<Value = SchoolGrade> {
    prop_oneof![
        Just(SchoolGrade::Primaria),
        Just(SchoolGrade::SecondariaPrimoGrado),
        Just(SchoolGrade::SecondariaSecondoGrado),
    ]
}

/// A pupil whose dates are offsets from `first`.
fn pupil(first: NaiveDate) -> impl Strategy<Value = Pupil> {
    let enrolment = prop_oneof![
        Just(None),
        (-10i64..380).prop_map(|o| Some((o, None))),
        (-10i64..380, prop::option::of(0u32..20_000)).prop_map(|(o, m)| Some((o, Some(m)))),
    ];
    (
        grade(),
        profile(),
        enrolment,
        prop::option::weighted(0.2, 1u32..=2000),
    )
        .prop_filter_map("a valid pupil", move |(g, p, e, o)| {
            let enrolment = match e {
                None => Enrolment::FullYear,
                Some((off, None)) => Enrolment::Late {
                    start: add(first, off)?,
                },
                Some((off, Some(m))) => Enrolment::Transfer {
                    start: add(first, off)?,
                    previous_absence_minutes: m,
                },
            };
            Pupil::new(g, p, enrolment, o).ok()
        })
}

fn kind() -> impl Strategy<Value = AbsenceKind> {
    prop::sample::select(AbsenceKind::ALL.to_vec())
}

/// Events on any day, or crowded into about three months from `focus` (so that the Law 159
/// windows and the limits are reached), mostly whole days.
fn event(first: NaiveDate, focus: i64) -> impl Strategy<Value = AbsenceEvent> {
    (
        prop_oneof![2 => focus..focus + 90, 1 => -5i64..372],
        prop_oneof![3 => Just(AbsenceKind::WholeDay), 1 => kind()],
        prop::option::of(1u32..=MAX_EVENT_MINUTES),
        prop::bool::weighted(0.3),
        prop::option::of(0u32..4),
    )
        .prop_map(move |(off, k, m, j, dg)| {
            // Near the edges of chrono's dates an offset may not exist: the first day then.
            let date = add(first, off).unwrap_or(first);
            let m = if k.is_partial() { m.or(Some(60)) } else { m };
            AbsenceEvent::new(date, k, m, j, dg.map(DerogaId)).expect("a valid event")
        })
}

/// Adopted by seed 003 (the first), by seed 004 (the second and third), or by neither.
const CATEGORIES: [&str; 4] = [
    "ricovero",
    "gravi_motivi_salute",
    "gravi_motivi_salute",
    "non_adottata",
];

fn status() -> impl Strategy<Value = DerogaStatus> {
    prop_oneof![
        2 => Just(DerogaStatus::Approved),
        1 => Just(DerogaStatus::Pending),
        1 => Just(DerogaStatus::Refused),
    ]
}

/// A derogation, most often of `adopted`, a category of the policy.
fn deroga(first: NaiveDate, focus: i64, adopted: String) -> impl Strategy<Value = Deroga> {
    (
        0u32..4,
        prop_oneof![
            3 => Just(adopted),
            1 => prop::sample::select(CATEGORIES.to_vec()).prop_map(str::to_owned),
        ],
        prop_oneof![3 => focus - 10..focus + 30, 1 => -5i64..372],
        0i64..300,
        prop::option::of(1u32..3000),
        status(),
    )
        .prop_map(move |(id, c, a, l, cap, s)| {
            let from = add(first, a).unwrap_or(first);
            let to = add(from, l).unwrap_or(from);
            Deroga::new(
                DerogaId(id),
                DerogaCategoryCode::new(&c).expect("a valid code"),
                DateRange::new(from, to).expect("a valid range"),
                cap,
                s,
            )
            .expect("a valid derogation")
        })
}

fn policy() -> impl Strategy<Value = Policy> {
    prop_oneof![
        Just(seed_003().expect("preset")),
        Just(seed_004().expect("preset"))
    ]
}

#[derive(Debug, Clone)]
struct Case {
    policy: Policy,
    calendar: Calendar,
    pupil: Pupil,
    events: Vec<AbsenceEvent>,
    deroghe: Vec<Deroga>,
    today: NaiveDate,
    extra: AbsenceEvent,
}

fn case() -> impl Strategy<Value = Case> {
    (policy(), calendar(), 0i64..300).prop_flat_map(|(policy, calendar, focus)| {
        let first = calendar.first_lesson_day();
        let adopted = policy.deroga_categories()[0].code.as_str().to_owned();
        (
            Just(policy),
            Just(calendar),
            pupil(first),
            prop::collection::vec(event(first, focus), 0..100),
            prop::collection::vec(deroga(first, focus, adopted), 0..4),
            prop_oneof![
                8 => (-10i64..380).prop_filter_map("a date", move |o| add(first, o)),
                1 => Just(NaiveDate::MAX),
                1 => Just(NaiveDate::MIN),
            ],
            event(first, focus),
        )
            .prop_map(
                |(policy, calendar, pupil, events, deroghe, today, extra)| Case {
                    policy,
                    calendar,
                    pupil,
                    events,
                    deroghe,
                    today,
                    extra,
                },
            )
    })
}

fn run(c: &Case, events: &[AbsenceEvent], deroghe: &[Deroga]) -> Assessment {
    assess(&c.policy, &c.calendar, &c.pupil, events, deroghe, c.today)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn the_sums_hold(c in case()) {
        let a = run(&c, &c.events, &c.deroghe);
        let max = a.limits.max_absence_hours * 60;
        prop_assert_eq!(a.remaining_minutes, max.saturating_sub(a.counted_absence_minutes));
        prop_assert_eq!(a.counted_absence_minutes, a.absence_minutes - a.derogated_minutes);
        prop_assert_eq!(a.remaining_days, a.remaining_minutes / (a.day_hours * 60));
        prop_assert_eq!(
            a.limits.min_attendance_hours + a.limits.max_absence_hours,
            a.limits.annual_hours
        );
        prop_assert_eq!(
            a.limits.annual_hours + a.hours_removed_by_deroghe,
            a.personalised.annual_hours
        );
        prop_assert!(a.transfer_in_minutes <= a.absence_minutes);
        prop_assert_eq!(
            a.status == super::engine::Status::LimitExceeded,
            a.counted_absence_minutes > max
        );
        prop_assert_eq!(a.limit_crossed_on.is_some(), a.counted_absence_minutes > max);
        if let Some(f) = a.forecast_crossing_on {
            prop_assert!(f > c.today && f <= c.calendar.last_lesson_day());
        }
        // Never more than the lessons so far, plus what the previous school sent.
        let lessons: u64 = c.calendar.first_lesson_day()
            .iter_days()
            .take_while(|d| *d <= c.calendar.last_lesson_day() && *d <= c.today)
            .map(|d| {
                if c.calendar.is_lesson_day(d, c.pupil.profile()) {
                    u64::from(c.pupil.profile().hours_on(chrono::Datelike::weekday(&d))) * 60
                } else {
                    0
                }
            })
            .sum();
        prop_assert!(u64::from(a.absence_minutes) <= lessons + u64::from(a.transfer_in_minutes));
        // The JSON of the dashboard can always be produced.
        prop_assert!(serde_json::to_string(&a).is_ok());
    }

    #[test]
    fn adding_an_absence_never_lowers_the_count(c in case()) {
        let before = run(&c, &c.events, &c.deroghe);
        let mut more = c.events.clone();
        more.push(c.extra);
        let after = run(&c, &more, &c.deroghe);
        prop_assert!(after.absence_minutes >= before.absence_minutes);
        // An absence tied to an approved derogation may take the place of plain minutes in a
        // full day (the cut favours the pupil), so only the others never lower the count.
        let approved = c.extra.deroga().is_some_and(|id| {
            c.deroghe.iter().any(|d| d.id() == id && d.status() == DerogaStatus::Approved)
        });
        if !approved {
            prop_assert!(after.counted_absence_minutes >= before.counted_absence_minutes);
        }
        // Untied, it never changes what the derogations take out.
        let plain = AbsenceEvent::new(c.extra.date(), c.extra.kind(), c.extra.minutes(), false, None)
            .expect("a valid event");
        let mut more = c.events.clone();
        more.push(plain);
        let after = run(&c, &more, &c.deroghe);
        prop_assert!(after.counted_absence_minutes >= before.counted_absence_minutes);
        prop_assert_eq!(after.derogated_minutes, before.derogated_minutes);
    }

    #[test]
    fn approving_a_derogation_never_raises_the_count(c in case(), pick in any::<prop::sample::Index>()) {
        let before = run(&c, &c.events, &c.deroghe);
        if !c.deroghe.is_empty() {
            let i = pick.index(c.deroghe.len());
            let mut approved = c.deroghe.clone();
            approved[i] = approved[i].clone().with_status(DerogaStatus::Approved);
            let after = run(&c, &c.events, &approved);
            prop_assert!(after.counted_absence_minutes <= before.counted_absence_minutes);
            prop_assert!(after.remaining_minutes >= before.remaining_minutes
                || c.policy.deroga_mode() == super::policy::DerogaMode::RemoveFromAnnualHours);
        }
        // A new approved derogation (fresh id) covering every event of the year.
        let fresh = DerogaId(1000);
        let cover = Deroga::new(
            fresh,
            DerogaCategoryCode::new(c.policy.deroga_categories()[0].code.as_str()).expect("code"),
            DateRange::new(c.calendar.first_lesson_day(), c.calendar.last_lesson_day()).expect("range"),
            None,
            DerogaStatus::Approved,
        ).expect("deroga");
        let mut with = c.deroghe.clone();
        with.push(cover);
        let linked: Vec<AbsenceEvent> = c.events.iter().map(|e| e.with_deroga(fresh)).collect();
        let base = run(&c, &linked, &c.deroghe);
        let after = run(&c, &linked, &with);
        prop_assert!(after.counted_absence_minutes <= base.counted_absence_minutes);
        prop_assert_eq!(after.counted_absence_minutes, after.transfer_in_minutes);
    }

    #[test]
    fn the_order_of_the_input_does_not_matter(
        c in case(),
        rot in 0usize..100,
        rot_d in 0usize..10,
    ) {
        let a = run(&c, &c.events, &c.deroghe);
        let mut ev = c.events.clone();
        ev.reverse();
        if !ev.is_empty() {
            let k = rot % ev.len();
            ev.rotate_left(k);
        }
        let mut dg = c.deroghe.clone();
        dg.reverse();
        if !dg.is_empty() {
            let k = rot_d % dg.len();
            dg.rotate_left(k);
        }
        let b = run(&c, &ev, &dg);
        prop_assert_eq!(&a, &b);
        let l1 = law159::check(&c.calendar, &c.pupil, &c.events, &[], &[], c.today);
        let l2 = law159::check(&c.calendar, &c.pupil, &ev, &[], &[], c.today);
        prop_assert_eq!(l1, l2);
    }

    #[test]
    fn law159_holds_its_own_sums(
        c in case(),
        notices in prop::collection::vec((0i64..300, prop::option::of(0i64..30)), 0..3),
    ) {
        let first = c.calendar.first_lesson_day();
        let records: Vec<EpisodeRecord> = notices
            .iter()
            .filter_map(|&(n, m)| {
                let n = add(first, n)?;
                EpisodeRecord::new(Some(n), m.and_then(|m| add(n, m))).ok()
            })
            .collect();
        let r = law159::check(&c.calendar, &c.pupil, &c.events, &[], &records, c.today);
        prop_assert!(r.unjustified_days_last_three_months <= r.unjustified_days);
        prop_assert!(r.episodes.len() >= records.len());
        prop_assert_eq!(r.elusione_reached_on.is_some(),
            r.elusione_threshold_minutes > 0 && r.unjustified_minutes >= r.elusione_threshold_minutes);
        for e in &r.episodes {
            if let (Some(w), Some(f)) = (e.window_start, e.flagged_on) {
                prop_assert!(w <= f && f <= c.today);
            }
        }
        // One more unjustified whole day never takes a day away.
        let mut more = c.events.clone();
        more.push(AbsenceEvent::whole_day(c.extra.date(), false));
        let r2 = law159::check(&c.calendar, &c.pupil, &more, &[], &records, c.today);
        prop_assert!(r2.unjustified_days >= r.unjustified_days);
        prop_assert!(r2.unjustified_minutes >= r.unjustified_minutes);
    }

    /// Constructors accept exactly the valid values and keep them as given: never clamped.
    #[test]
    fn constructors_reject_never_clamp(
        hours in prop::array::uniform6(0u32..20),
        minutes in any::<u32>(),
        override_hours in any::<u32>(),
        (month, day) in (0u32..14, 0u32..33),
        (att, risk) in (0u32..120, 0u32..120),
    ) {
        let p = TimetableProfile::from_days(hours);
        let sum: u32 = hours.iter().sum();
        let valid = hours.iter().all(|&h| h <= 12) && (1..=60).contains(&sum);
        prop_assert_eq!(p.is_ok(), valid);
        match p {
            Ok(p) => prop_assert_eq!(p.hours_per_weekday(), hours),
            Err(e) => prop_assert_eq!(e.field.as_deref(), Some("hours_per_weekday")),
        }

        let date = NaiveDate::from_ymd_opt(2024, 10, 1).expect("date");
        let e = AbsenceEvent::new(date, AbsenceKind::LateEntry, Some(minutes), false, None);
        prop_assert_eq!(e.is_ok(), (1..=MAX_EVENT_MINUTES).contains(&minutes));
        match e {
            Ok(e) => prop_assert_eq!(e.minutes(), Some(minutes)),
            Err(e) => prop_assert_eq!(e.field.as_deref(), Some("minutes")),
        }

        let profile = TimetableProfile::from_days([6, 6, 6, 6, 6, 0]).expect("profile");
        let pu = Pupil::new(SchoolGrade::Primaria, profile, Enrolment::FullYear, Some(override_hours));
        prop_assert_eq!(pu.is_ok(), (1..=MAX_ANNUAL_HOURS).contains(&override_hours));
        if let Ok(pu) = pu {
            prop_assert_eq!(pu.personalised_hours_override(), Some(override_hours));
        }

        let md = MonthDay::new(month, day);
        let exists = NaiveDate::from_ymd_opt(2023, month, day).is_some();
        prop_assert_eq!(md.is_ok(), exists);

        let b = Bands::new(att, risk);
        prop_assert_eq!(b.is_ok(), att >= 1 && att < risk && risk <= 100);
        if let Ok(b) = b {
            prop_assert_eq!((b.attention_percent(), b.at_risk_percent()), (att, risk));
        }
    }

    #[test]
    fn calendars_reject_never_clamp(
        first in first_day(),
        span in -3i64..400,
        hol in prop::collection::vec((-5i64..400, -2i64..30), 0..4),
    ) {
        let Some(last) = add(first, span) else { return Ok(()) };
        let holidays: Vec<DateRange> = hol
            .iter()
            .filter_map(|&(a, l)| DateRange::new(add(first, a)?, add(first, a + l)?).ok())
            .collect();
        let r = Calendar::new(first, last, holidays.clone(), LessonWeeks::DEFAULT);
        let valid = last >= first
            && span < 366
            && chrono::Datelike::weekday(&first) != chrono::Weekday::Sun
            && chrono::Datelike::weekday(&last) != chrono::Weekday::Sun
            && holidays.iter().all(|h| {
                h.from() > first && h.to() < last
            });
        prop_assert_eq!(r.is_ok(), valid);
        if let Ok(cal) = r {
            prop_assert_eq!(cal.first_lesson_day(), first);
            prop_assert_eq!(cal.last_lesson_day(), last);
            prop_assert_eq!(cal.holidays(), &holidays[..]);
        }
    }
}
