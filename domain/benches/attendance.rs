//! The attendance engine's budget (issue 4): one pupil's full year (~200 lesson days, ~60
//! events) in at most 20 µs, a 1,000-pupil school in at most 20 ms.
//!
//! `cargo bench -p domain --bench attendance` runs criterion, then prints the two figures
//! against their budgets.

use chrono::NaiveDate;
use criterion::{criterion_group, Criterion};
use domain::attendance::calendar::{Calendar, DateRange, TimetableProfile};
use domain::attendance::engine::assess;
use domain::attendance::events::{
    AbsenceEvent, AbsenceKind, Deroga, DerogaCategoryCode, DerogaId, DerogaStatus,
};
use domain::attendance::law159;
use domain::attendance::limits::LessonWeeks;
use domain::attendance::policy::Policy;
use domain::attendance::presets::{seed_003, seed_004};
use domain::attendance::pupil::{Enrolment, Pupil, SchoolGrade};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// Emilia-Romagna 2024/25: about 200 lesson days on a 5-day week.
fn calendar() -> Calendar {
    let h = |a, b| DateRange::new(a, b).expect("range");
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
    .expect("calendar")
}

/// A small deterministic generator (xorshift64*), so every run measures the same school.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

struct PupilCase {
    policy_ix: usize,
    pupil: Pupil,
    events: Vec<AbsenceEvent>,
    deroghe: Vec<Deroga>,
}

fn make_pupil(rng: &mut Rng, cal: &Calendar, policies: &[Policy], n_events: usize) -> PupilCase {
    let profiles = [
        [6, 6, 6, 6, 6, 0],
        [5, 5, 5, 5, 5, 5],
        [8, 8, 8, 8, 8, 0],
        [6, 6, 6, 6, 6, 2],
        [6, 6, 6, 6, 6, 6],
    ];
    let profile = TimetableProfile::from_days(profiles[rng.below(5) as usize]).expect("profile");
    let grade = if rng.below(2) == 0 {
        SchoolGrade::Primaria
    } else {
        SchoolGrade::SecondariaPrimoGrado
    };
    let enrolment = match rng.below(20) {
        0 => Enrolment::Late {
            start: d(2025, 1, 13),
        },
        1 => Enrolment::Transfer {
            start: d(2025, 2, 3),
            previous_absence_minutes: Some(30 * 60),
        },
        _ => Enrolment::FullYear,
    };
    let pupil = Pupil::new(grade, profile, enrolment, None).expect("pupil");
    let lesson_days: Vec<NaiveDate> = cal
        .first_lesson_day()
        .iter_days()
        .take_while(|x| *x <= cal.last_lesson_day())
        .filter(|x| cal.is_lesson_day(*x, &profile))
        .collect();
    let policy_ix = rng.below(policies.len() as u64) as usize;
    let category = policies[policy_ix].deroga_categories()[1]
        .code
        .as_str()
        .to_owned();
    let deroghe = vec![
        Deroga::new(
            DerogaId(1),
            DerogaCategoryCode::new(&category).expect("code"),
            DateRange::new(d(2024, 11, 4), d(2024, 11, 29)).expect("range"),
            None,
            DerogaStatus::Approved,
        )
        .expect("deroga"),
        Deroga::new(
            DerogaId(2),
            DerogaCategoryCode::new(&category).expect("code"),
            DateRange::new(d(2025, 3, 3), d(2025, 3, 14)).expect("range"),
            Some(600),
            DerogaStatus::Pending,
        )
        .expect("deroga"),
    ];
    let mut events = Vec::with_capacity(n_events);
    for _ in 0..n_events {
        let date = lesson_days[rng.below(lesson_days.len() as u64) as usize];
        let justified = rng.below(3) != 0;
        let e = match rng.below(6) {
            0 | 1 => AbsenceEvent::whole_day(date, justified),
            2 => AbsenceEvent::new(
                date,
                AbsenceKind::LateEntry,
                Some(5 + rng.below(60) as u32),
                justified,
                None,
            )
            .expect("event"),
            3 => AbsenceEvent::new(
                date,
                AbsenceKind::EarlyExit,
                Some(60 + rng.below(120) as u32),
                justified,
                None,
            )
            .expect("event"),
            4 => AbsenceEvent::new(date, AbsenceKind::DeferredEntry, Some(60), justified, None)
                .expect("event"),
            _ => {
                AbsenceEvent::new(date, AbsenceKind::Abstention, None, false, None).expect("event")
            }
        };
        let e = if deroghe
            .iter()
            .any(|g| g.period().contains(date) && g.id() == DerogaId(1))
        {
            e.with_deroga(DerogaId(1))
        } else if deroghe[1].period().contains(date) {
            e.with_deroga(DerogaId(2))
        } else {
            e
        };
        events.push(e);
    }
    PupilCase {
        policy_ix,
        pupil,
        events,
        deroghe,
    }
}

struct School {
    calendar: Calendar,
    policies: Vec<Policy>,
    pupils: Vec<PupilCase>,
    today: NaiveDate,
}

fn school(n: usize) -> School {
    let calendar = calendar();
    let policies = vec![seed_003().expect("seed 003"), seed_004().expect("seed 004")];
    let mut rng = Rng(0x5eed_0004);
    let pupils = (0..n)
        .map(|_| {
            let k = 40 + rng.below(41) as usize;
            make_pupil(&mut rng, &calendar, &policies, k)
        })
        .collect();
    School {
        calendar,
        policies,
        pupils,
        // Late in the year: the whole record so far, and a forecast to the end.
        today: d(2025, 5, 20),
    }
}

fn one_pupil(s: &School) -> NaiveDate {
    let p = &s.pupils[0];
    black_box(assess(
        &s.policies[p.policy_ix],
        &s.calendar,
        &p.pupil,
        &p.events,
        &p.deroghe,
        s.today,
    ))
    .as_of
}

fn whole_school(s: &School) -> u64 {
    let mut total = 0u64;
    for p in &s.pupils {
        let a = assess(
            &s.policies[p.policy_ix],
            &s.calendar,
            &p.pupil,
            &p.events,
            &p.deroghe,
            s.today,
        );
        total += u64::from(black_box(a).counted_absence_minutes);
    }
    total
}

fn law159_school(s: &School) -> u32 {
    let mut days = 0;
    for p in &s.pupils {
        days += black_box(law159::check(
            &s.calendar,
            &p.pupil,
            &p.events,
            &[],
            &[],
            s.today,
        ))
        .unjustified_days;
    }
    days
}

fn single_school() -> School {
    let mut s = school(1);
    // Exactly 60 events for the single-pupil figure.
    let mut rng = Rng(0xface);
    s.pupils[0] = make_pupil(&mut rng, &s.calendar, &s.policies, 60);
    s.pupils[0].policy_ix = 0;
    s
}

fn benches(c: &mut Criterion) {
    let one = single_school();
    let school = school(1000);
    c.bench_function("assess: one pupil, full year, 60 events", |b| {
        b.iter(|| one_pupil(&one))
    });
    c.bench_function("assess: 1,000-pupil school", |b| {
        b.iter(|| whole_school(&school))
    });
    c.bench_function("law159::check: 1,000-pupil school", |b| {
        b.iter(|| law159_school(&school))
    });
}

criterion_group!(attendance, benches);

/// Median of `rounds` timings of `f` run `inner` times each, per run.
fn median(rounds: usize, inner: u32, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..inner {
                f();
            }
            t.elapsed() / inner
        })
        .collect();
    times.sort_unstable();
    times[rounds / 2]
}

fn main() {
    attendance();
    Criterion::default().configure_from_args().final_summary();

    let one = single_school();
    let school = school(1000);
    let lesson_days = one.calendar.lesson_days(one.pupils[0].pupil.profile());
    let t1 = median(51, 2000, || {
        one_pupil(&one);
    });
    let t2 = median(21, 5, || {
        whole_school(&school);
    });
    let t3 = median(21, 5, || {
        law159_school(&school);
    });
    let verdict = |t: Duration, budget: Duration| if t <= budget { "ok" } else { "OVER BUDGET" };
    println!();
    println!("attendance engine, median wall time:");
    println!(
        "  one pupil ({lesson_days} lesson days, {} events): {:>9.2} µs   budget 20 µs   {}",
        one.pupils[0].events.len(),
        t1.as_secs_f64() * 1e6,
        verdict(t1, Duration::from_micros(20))
    );
    println!(
        "  1,000-pupil school (assess):         {:>9.3} ms   budget 20 ms   {}",
        t2.as_secs_f64() * 1e3,
        verdict(t2, Duration::from_millis(20))
    );
    println!(
        "  1,000-pupil school (law159::check):  {:>9.3} ms",
        t3.as_secs_f64() * 1e3
    );
}
