use super::*;
use crate::attendance::calendar::TimetableProfile;
use crate::attendance::engine::tests::{d, five_days, year_2024_25};
use crate::attendance::events::{Deroga, DerogaStatus};
use crate::attendance::pupil::{Enrolment, SchoolGrade};
use chrono::Datelike;

fn pupil() -> Pupil {
    Pupil::full_year(SchoolGrade::SecondariaPrimoGrado, five_days(6))
}

fn lesson_days(cal: &Calendar, profile: &TimetableProfile) -> Vec<NaiveDate> {
    cal.first_lesson_day()
        .iter_days()
        .take_while(|x| *x <= cal.last_lesson_day())
        .filter(|x| cal.is_lesson_day(*x, profile))
        .collect()
}

fn absent(days: &[NaiveDate]) -> Vec<AbsenceEvent> {
    days.iter()
        .map(|&x| AbsenceEvent::whole_day(x, false))
        .collect()
}

fn record(family: Option<NaiveDate>, mayor: Option<NaiveDate>) -> EpisodeRecord {
    EpisodeRecord::new(family, mayor).unwrap()
}

/// Every other lesson day from the first of October: 16 days within about five weeks.
fn sixteen_in_october(cal: &Calendar) -> Vec<NaiveDate> {
    lesson_days(cal, &five_days(6))
        .into_iter()
        .filter(|x| *x >= d(2024, 10, 1))
        .step_by(2)
        .take(16)
        .collect()
}

#[test]
fn sixteen_days_in_three_months_are_flagged_fifteen_are_not() {
    let cal = year_2024_25();
    let days = sixteen_in_october(&cal);
    let r = check(
        &cal,
        &pupil(),
        &absent(&days[..15]),
        &[],
        &[],
        d(2024, 12, 20),
    );
    assert_eq!(r.unjustified_days, 15);
    assert!(r.episodes.is_empty());

    let r = check(&cal, &pupil(), &absent(&days), &[], &[], d(2024, 12, 20));
    assert_eq!(r.unjustified_days, 16);
    assert_eq!(r.episodes.len(), 1);
    let e = &r.episodes[0];
    assert_eq!(e.window_start, Some(days[0]));
    assert_eq!(e.flagged_on, Some(days[15]));
    assert_eq!(e.stage, Stage::NotifyFamily);
    // Not yet known on the day before the sixteenth.
    let before = days[15].pred_opt().unwrap();
    let r = check(&cal, &pupil(), &absent(&days), &[], &[], before);
    assert!(r.episodes.is_empty());
}

#[test]
fn sixteen_days_spread_over_more_than_three_months_are_not() {
    let cal = year_2024_25();
    // One a week for sixteen weeks: every run of sixteen spans 105 days.
    let days: Vec<NaiveDate> = lesson_days(&cal, &five_days(6))
        .into_iter()
        .filter(|x| x.weekday() == chrono::Weekday::Tue)
        .filter(|x| *x >= d(2025, 1, 7))
        .take(16)
        .collect();
    let span = days[15].signed_duration_since(days[0]).num_days();
    assert!(span > 92, "{span}");
    let r = check(&cal, &pupil(), &absent(&days), &[], &[], d(2025, 6, 30));
    assert_eq!(r.unjustified_days, 16);
    assert!(r.episodes.is_empty());
}

/// A day of unjustified absence is a whole day missed without justification; partial days do
/// not make one, but together they can; justified days and suspensions never do.
#[test]
fn what_a_day_of_unjustified_absence_is() {
    let cal = year_2024_25();
    let day = d(2024, 10, 1);
    let partial = |kind, minutes, justified| {
        AbsenceEvent::new(day, kind, Some(minutes), justified, None).unwrap()
    };
    let cases: Vec<(Vec<AbsenceEvent>, u32)> = vec![
        (vec![AbsenceEvent::whole_day(day, false)], 1),
        (vec![AbsenceEvent::whole_day(day, true)], 0),
        (vec![partial(AbsenceKind::LateEntry, 120, false)], 0),
        (
            vec![
                partial(AbsenceKind::LateEntry, 180, false),
                partial(AbsenceKind::EarlyExit, 180, false),
            ],
            1,
        ),
        (
            vec![
                partial(AbsenceKind::LateEntry, 180, false),
                partial(AbsenceKind::EarlyExit, 180, true),
            ],
            0,
        ),
        (
            vec![AbsenceEvent::new(
                day,
                AbsenceKind::SuspensionWithoutAttendance,
                None,
                false,
                None,
            )
            .unwrap()],
            0,
        ),
        (
            vec![AbsenceEvent::new(day, AbsenceKind::Abstention, None, false, None).unwrap()],
            1,
        ),
    ];
    for (events, days) in cases {
        let r = check(&cal, &pupil(), &events, &[], &[], d(2024, 10, 31));
        assert_eq!(r.unjustified_days, days, "{events:?}");
    }
    let r = check(
        &cal,
        &pupil(),
        &[partial(AbsenceKind::LateEntry, 120, false)],
        &[],
        &[],
        d(2024, 10, 31),
    );
    assert_eq!(r.unjustified_minutes, 120);
}

#[test]
fn notice_then_return_within_seven_days_closes_the_episode() {
    let cal = year_2024_25();
    let days = sixteen_in_october(&cal);
    let notice = days[15]; // same day as the flag
    let r = check(
        &cal,
        &pupil(),
        &absent(&days),
        &[],
        &[record(Some(notice), None)],
        d(2024, 12, 20),
    );
    let e = &r.episodes[0];
    assert_eq!(e.resume_by, notice.checked_add_days(Days::new(7)));
    // The pupil attends the next lesson day (not in the list: every other day).
    assert_eq!(e.resumed_on, notice.succ_opt());
    assert_eq!(e.stage, Stage::Resumed);
    assert_eq!(e.mayor_notice_due_by, None);

    // While the seven days run, the school waits.
    let r = check(
        &cal,
        &pupil(),
        &absent(&days),
        &[],
        &[record(Some(notice), None)],
        notice,
    );
    assert_eq!(r.episodes[0].stage, Stage::AwaitingReturn);
}

#[test]
fn no_return_means_the_mayor_within_seven_more_days() {
    let cal = year_2024_25();
    let profile = five_days(6);
    let mut days = sixteen_in_october(&cal);
    let notice = days[15];
    // Absent every lesson day for three weeks after the notice.
    days.extend(
        lesson_days(&cal, &profile)
            .into_iter()
            .filter(|x| *x > notice && *x <= notice + Days::new(21)),
    );
    let events = absent(&days);
    let recs = [record(Some(notice), None)];
    let resume_by = notice + Days::new(7);
    let due = notice + Days::new(14);

    let r = check(&cal, &pupil(), &events, &[], &recs, resume_by);
    assert_eq!(r.episodes[0].stage, Stage::AwaitingReturn);

    let r = check(
        &cal,
        &pupil(),
        &events,
        &[],
        &recs,
        resume_by + Days::new(1),
    );
    let e = &r.episodes[0];
    assert_eq!(e.resume_by, Some(resume_by));
    assert_eq!(e.resumed_on, None);
    assert_eq!(e.mayor_notice_due_by, Some(due));
    assert_eq!(e.stage, Stage::NotifyMayor { overdue: false });

    let r = check(&cal, &pupil(), &events, &[], &recs, due + Days::new(1));
    assert_eq!(r.episodes[0].stage, Stage::NotifyMayor { overdue: true });
    // A late return does not cancel the notice to the mayor.
    let r = check(&cal, &pupil(), &events, &[], &recs, notice + Days::new(28));
    assert!(r.episodes[0].resumed_on.is_some());
    assert_eq!(r.episodes[0].stage, Stage::NotifyMayor { overdue: true });

    let late = [record(Some(notice), Some(due + Days::new(2)))];
    let r = check(&cal, &pupil(), &events, &[], &late, d(2025, 1, 31));
    assert_eq!(r.episodes[0].stage, Stage::MayorNotified { late: true });
    let on_time = [record(Some(notice), Some(due))];
    let r = check(&cal, &pupil(), &events, &[], &on_time, d(2025, 1, 31));
    assert_eq!(r.episodes[0].stage, Stage::MayorNotified { late: false });
}

/// A notice on 20 December: no lesson day until 7 January, so the pupil has until then.
#[test]
fn no_lesson_day_in_the_seven_days_moves_the_deadline() {
    let cal = year_2024_25();
    let profile = five_days(6);
    let days: Vec<NaiveDate> = lesson_days(&cal, &profile)
        .into_iter()
        .filter(|x| *x >= d(2024, 11, 25) && *x <= d(2024, 12, 20))
        .take(16)
        .collect();
    let notice = d(2024, 12, 21);
    let r = check(
        &cal,
        &pupil(),
        &absent(&days),
        &[],
        &[record(Some(notice), None)],
        d(2025, 1, 3),
    );
    let e = &r.episodes[0];
    assert_eq!(e.resume_by, Some(d(2025, 1, 7)));
    assert_eq!(e.stage, Stage::AwaitingReturn);
    let r = check(
        &cal,
        &pupil(),
        &absent(&days),
        &[],
        &[record(Some(notice), None)],
        d(2025, 1, 8),
    );
    assert_eq!(r.episodes[0].resumed_on, Some(d(2025, 1, 7)));
    assert_eq!(r.episodes[0].stage, Stage::Resumed);
}

#[test]
fn a_second_episode_counts_only_days_after_the_first_closed() {
    let cal = year_2024_25();
    let profile = five_days(6);
    let first = sixteen_in_october(&cal);
    let notice = first[15];
    let second: Vec<NaiveDate> = lesson_days(&cal, &profile)
        .into_iter()
        .filter(|x| *x >= d(2025, 2, 3))
        .step_by(2)
        .take(16)
        .collect();
    let mut all = first.clone();
    all.extend(&second);
    let r = check(
        &cal,
        &pupil(),
        &absent(&all),
        &[],
        &[record(Some(notice), None)],
        d(2025, 5, 1),
    );
    assert_eq!(r.episodes.len(), 2);
    assert_eq!(r.episodes[0].stage, Stage::Resumed);
    assert_eq!(r.episodes[1].window_start, Some(second[0]));
    assert_eq!(r.episodes[1].flagged_on, Some(second[15]));
    assert_eq!(r.episodes[1].stage, Stage::NotifyFamily);

    // While the first is open (no notice yet), no second one starts.
    let r = check(&cal, &pupil(), &absent(&all), &[], &[], d(2025, 5, 1));
    assert_eq!(r.episodes.len(), 1);
}

#[test]
fn a_record_the_register_no_longer_shows_is_kept() {
    let cal = year_2024_25();
    let days = sixteen_in_october(&cal);
    let notice = days[15];
    // The family justified one of the days afterwards: fifteen are left.
    let mut events = absent(&days);
    events[3] = AbsenceEvent::whole_day(days[3], true);
    let r = check(
        &cal,
        &pupil(),
        &events,
        &[],
        &[record(Some(notice), None)],
        d(2024, 12, 20),
    );
    assert_eq!(r.episodes.len(), 1);
    assert_eq!(r.episodes[0].stage, Stage::NotDetected);
    assert_eq!(r.episodes[0].family_notified_on, Some(notice));
    assert_eq!(r.episodes[0].flagged_on, None);
}

/// "costituisce elusione … la mancata frequenza di almeno un quarto del monte ore annuale
/// personalizzato senza giustificati motivi": 990 h → 247.5 h = 14 850 minutes.
#[test]
fn elusione_at_a_quarter_of_the_personalised_hours() {
    let cal = year_2024_25();
    let profile = five_days(6);
    let days = lesson_days(&cal, &profile);
    // 41 whole days (14 760 min) and a 90-minute late entry on another day: 14 850.
    let mut events = absent(&days[..41]);
    let r = check(&cal, &pupil(), &events, &[], &[], d(2025, 6, 30));
    assert_eq!(r.elusione_threshold_minutes, 14_850);
    assert_eq!(r.elusione_reached_on, None);
    events
        .push(AbsenceEvent::new(days[100], AbsenceKind::LateEntry, Some(90), false, None).unwrap());
    let r = check(&cal, &pupil(), &events, &[], &[], d(2025, 6, 30));
    assert_eq!(r.unjustified_minutes, 14_850);
    assert_eq!(r.elusione_reached_on, Some(days[100]));

    // A late enrolment's quarter is of its pro-rata hours.
    let late = Pupil::new(
        SchoolGrade::SecondariaPrimoGrado,
        profile,
        Enrolment::Late { start: days[100] },
        None,
    )
    .unwrap();
    let r = check(&cal, &late, &events, &[], &[], d(2025, 6, 30));
    assert!(r.personalised_annual_hours < 990);
    assert_eq!(r.unjustified_minutes, 90);
}

#[test]
fn records_are_checked() {
    assert!(EpisodeRecord::new(None, Some(d(2024, 10, 1))).is_err());
    assert!(EpisodeRecord::new(Some(d(2024, 10, 2)), Some(d(2024, 10, 1))).is_err());
    assert!(EpisodeRecord::new(Some(d(2024, 10, 1)), Some(d(2024, 10, 1))).is_ok());
    let bad = r#"{"mayor_notified_on":"2024-10-01"}"#;
    assert!(serde_json::from_str::<EpisodeRecord>(bad).is_err());
}

#[test]
fn report_json_shape() {
    let cal = year_2024_25();
    let days = sixteen_in_october(&cal);
    let r = check(&cal, &pupil(), &absent(&days), &[], &[], d(2024, 12, 20));
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["episodes"][0]["stage"], "notify_family");
    assert_eq!(v["unjustified_days"], 16);
    let r = check(
        &cal,
        &pupil(),
        &absent(&days),
        &[],
        &[record(Some(days[15]), None)],
        d(2025, 3, 1),
    );
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["episodes"][0]["stage"], "resumed");
}

fn deroga(id: u32, from: NaiveDate, to: NaiveDate, status: DerogaStatus) -> Deroga {
    Deroga::new(
        crate::attendance::DerogaId(id),
        crate::attendance::DerogaCategoryCode::new("ricovero").unwrap(),
        crate::attendance::DateRange::new(from, to).unwrap(),
        None,
        status,
    )
    .unwrap()
}

/// Issue 19 point 7: a hospital stay the school recognised (seed 003, "Assenze per ricovero
/// ospedaliero") is a justified reason, whatever the register's flag says — for the sixteen
/// days and for the elusione; a request still pending or refused excuses nothing.
#[test]
fn an_approved_derogation_is_a_justified_reason() {
    let cal = year_2024_25();
    let days = sixteen_in_october(&cal);
    let events = absent(&days);
    let today = d(2024, 12, 20);
    // Three of the sixteen days in hospital: 13 unjustified days, no flag.
    let stay = |status| vec![deroga(1, days[0], days[2], status)];
    let r = check(
        &cal,
        &pupil(),
        &events,
        &stay(DerogaStatus::Approved),
        &[],
        today,
    );
    assert_eq!(r.unjustified_days, 13);
    assert!(r.episodes.is_empty());
    assert_eq!(
        unjustified_dates(
            &cal,
            &pupil(),
            &events,
            &stay(DerogaStatus::Approved),
            days[0],
            today
        ),
        days[3..].to_vec()
    );
    for status in [DerogaStatus::Pending, DerogaStatus::Refused] {
        let r = check(&cal, &pupil(), &events, &stay(status), &[], today);
        assert_eq!(r.unjustified_days, 16, "{status:?}");
        assert_eq!(r.episodes.len(), 1, "{status:?}");
    }
    // The register's link decides: an absence it ties to a pending request is not excused by
    // an approved one whose dates also hold it.
    let mut linked = events.clone();
    linked[0] = linked[0].with_deroga(crate::attendance::DerogaId(2));
    let both = vec![
        deroga(1, days[0], days[2], DerogaStatus::Approved),
        deroga(2, days[0], days[0], DerogaStatus::Pending),
    ];
    assert_eq!(
        check(&cal, &pupil(), &linked, &both, &[], today).unjustified_days,
        14
    );
    assert!(!excused(&linked[0], &both));
    assert!(excused(&linked[1], &both));

    // The elusione: 41 whole days and 90 minutes reach a quarter of 990 h; a week in hospital
    // among them, recognised, does not count.
    let all = lesson_days(&cal, &five_days(6));
    let mut events = absent(&all[..41]);
    events
        .push(AbsenceEvent::new(all[100], AbsenceKind::LateEntry, Some(90), false, None).unwrap());
    let june = d(2025, 6, 30);
    assert!(check(&cal, &pupil(), &events, &[], &[], june)
        .elusione_reached_on
        .is_some());
    let week = vec![deroga(3, all[10], all[14], DerogaStatus::Approved)];
    let r = check(&cal, &pupil(), &events, &week, &[], june);
    assert_eq!(r.unjustified_minutes, 14_850 - 5 * 360);
    assert_eq!(r.elusione_reached_on, None);
}

/// Issue 19 point 7: a pupil transferred in during the year is measured against the hours of
/// the period at this school, the same period as the absences the register holds.
#[test]
fn a_transferred_pupils_elusione_is_measured_on_the_period_here() {
    let cal = year_2024_25();
    let profile = five_days(6);
    let all = lesson_days(&cal, &profile);
    let start = all[120];
    let transferred = Pupil::new(
        SchoolGrade::SecondariaPrimoGrado,
        profile,
        Enrolment::Transfer {
            start,
            previous_absence_minutes: Some(6_000),
        },
        None,
    )
    .unwrap();
    let here = crate::attendance::hours_at_this_school(&cal, &transferred).annual_hours;
    let left = (all.len() - 120) as u64;
    assert_eq!(
        u64::from(here),
        (2 * 990 * left + all.len() as u64) / (2 * all.len() as u64)
    );
    let quarter_days = (u64::from(here) * 60).div_ceil(4).div_ceil(360) as usize;
    // Absent a quarter of the days here: elusione, though far from a quarter of 990 h. The
    // previous school's absences are not in the register and count for nothing here.
    let events = absent(&all[120..120 + quarter_days]);
    let r = check(&cal, &transferred, &events, &[], &[], d(2025, 6, 30));
    assert_eq!(r.personalised_annual_hours, here);
    assert_eq!(r.elusione_threshold_minutes, (here * 60).div_ceil(4));
    assert_eq!(r.elusione_reached_on, Some(all[120 + quarter_days - 1]));
    assert!(r.unjustified_minutes < 990 * 60 / 4);
    // One day fewer: not reached.
    let events = absent(&all[120..120 + quarter_days - 1]);
    let r = check(&cal, &transferred, &events, &[], &[], d(2025, 6, 30));
    assert_eq!(r.elusione_reached_on, None);
}
