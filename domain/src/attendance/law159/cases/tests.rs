use super::super::check;
use super::*;
use crate::attendance::engine::tests::{d, five_days, year_2024_25};
use crate::attendance::pupil::{Pupil, SchoolGrade};
use crate::attendance::{AbsenceEvent, Calendar};
use crate::error::ErrorCode;

fn pupil() -> Pupil {
    Pupil::full_year(SchoolGrade::SecondariaPrimoGrado, five_days(6))
}

/// Lesson days from 1 October 2024 (a Tuesday), Monday to Friday.
fn from_october(cal: &Calendar) -> Vec<NaiveDate> {
    let p = five_days(6);
    d(2024, 10, 1)
        .iter_days()
        .take_while(|x| *x <= cal.last_lesson_day())
        .filter(|x| cal.is_lesson_day(*x, &p))
        .collect()
}

fn absent(days: &[NaiveDate]) -> Vec<AbsenceEvent> {
    days.iter()
        .map(|&x| AbsenceEvent::whole_day(x, false))
        .collect()
}

fn cases_on(
    events: &[AbsenceEvent],
    records: &Law159Records,
    applies: bool,
    today: NaiveDate,
) -> PupilCases {
    let cal = year_2024_25();
    let report = check(
        &cal,
        &pupil(),
        events,
        &[],
        &records.episode_records(),
        today,
    );
    cases(&report, records, |_| applies, today)
}

#[test]
fn a_case_opens_on_the_sixteenth_day_with_its_calendar_dates() {
    let cal = year_2024_25();
    let days = from_october(&cal);
    // Away every lesson day from 1 October, never back.
    let events = absent(&days[..60]);
    let none = Law159Records::default();
    // The 16th lesson day from 1 October is Tuesday 22 October.
    assert_eq!(days[15], d(2024, 10, 22));
    let c = cases_on(&events, &none, true, d(2024, 10, 21));
    assert!(c.is_empty());
    let c = cases_on(&events, &none, true, d(2024, 10, 22));
    assert_eq!(c.cases.len(), 1);
    let case = &c.cases[0];
    assert_eq!(case.state, CaseState::Open);
    assert_eq!(case.window_start, Some(d(2024, 10, 1)));
    assert_eq!(
        case.next,
        Some(Deadline {
            step: NextStep::NotifyFamily,
            by: d(2024, 10, 22),
            overdue: false
        })
    );
    assert!(case
        .next
        .unwrap()
        .due_within(d(2024, 10, 22), DUE_SOON_DAYS));

    // The letter goes out on Wednesday 23 October.
    let today = d(2024, 10, 23);
    let step = Step::FamilyNotified {
        episode: 0,
        on: today,
        channel: Channel::Letter,
    };
    let recs = record_step(&c, &none, step, today).unwrap();
    let c = cases_on(&events, &recs, true, today);
    let case = &c.cases[0];
    assert_eq!(case.state, CaseState::FamilyNotified);
    assert_eq!(case.channel, Some(Channel::Letter));
    // Seven calendar days to come back: by Wednesday 30 October.
    assert_eq!(case.resume_by, Some(d(2024, 10, 30)));
    assert_eq!(
        case.next.map(|n| (n.step, n.by)),
        Some((NextStep::AwaitReturn, d(2024, 10, 30)))
    );
    // The step is not taken twice.
    assert_eq!(
        record_step(&c, &recs, step, today).unwrap_err().code,
        ErrorCode::Conflict
    );
    // Nor the mayor's before its time.
    let mayor = Step::MayorNotified {
        episode: 0,
        on: today,
    };
    assert_eq!(
        record_step(&c, &recs, mayor, today).unwrap_err().code,
        ErrorCode::Conflict
    );

    // Not back by the 30th: the mayor is to be told within seven more days, by 6 November.
    let c = cases_on(&events, &recs, true, d(2024, 10, 31));
    let case = &c.cases[0];
    assert_eq!(
        case.next,
        Some(Deadline {
            step: NextStep::NotifyMayor,
            by: d(2024, 11, 6),
            overdue: false
        })
    );
    assert!(case
        .next
        .unwrap()
        .due_within(d(2024, 10, 31), DUE_SOON_DAYS));
    let c = cases_on(&events, &recs, true, d(2024, 11, 7));
    assert!(c.cases[0].next.unwrap().overdue);
    assert_eq!(c.next().map(|n| n.step), Some(NextStep::NotifyMayor));

    // Reported on 7 November (a day late): closed, marked late.
    let mayor = Step::MayorNotified {
        episode: 0,
        on: d(2024, 11, 7),
    };
    let recs = record_step(&c, &recs, mayor, d(2024, 11, 7)).unwrap();
    let c = cases_on(&events, &recs, true, d(2024, 11, 8));
    let case = &c.cases[0];
    assert_eq!(case.state, CaseState::ReportedToMayor);
    assert!(case.mayor_notice_late);
    assert_eq!(case.next, None);
}

#[test]
fn returning_in_time_closes_the_case() {
    let cal = year_2024_25();
    let days = from_october(&cal);
    // Away 18 lesson days (to Thursday 24 October), back on Friday 25.
    let events = absent(&days[..18]);
    let c = cases_on(&events, &Law159Records::default(), true, d(2024, 10, 23));
    let step = Step::FamilyNotified {
        episode: 0,
        on: d(2024, 10, 23),
        channel: Channel::Notice,
    };
    let mut recs = record_step(&c, &Law159Records::default(), step, d(2024, 10, 23)).unwrap();
    recs.cases[0].notice_id = Some(7);
    let c = cases_on(&events, &recs, true, d(2024, 11, 4));
    let case = &c.cases[0];
    assert_eq!(case.state, CaseState::Resumed);
    assert_eq!(case.resumed_on, Some(d(2024, 10, 25)));
    assert_eq!(case.notice_id, Some(7));
    assert_eq!(case.next, None);
    // Nothing left to close.
    let close = Step::Closed {
        episode: 0,
        on: d(2024, 11, 4),
        reason: CloseReason::Other,
    };
    assert_eq!(
        record_step(&c, &recs, close, d(2024, 11, 4))
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
}

#[test]
fn the_school_closes_a_case_with_a_reason() {
    let cal = year_2024_25();
    let days = from_october(&cal);
    let events = absent(&days[..60]);
    let none = Law159Records::default();
    let today = d(2024, 10, 24);
    let c = cases_on(&events, &none, true, today);
    let close = Step::Closed {
        episode: 0,
        on: today,
        reason: CloseReason::Transferred,
    };
    let recs = record_step(&c, &none, close, today).unwrap();
    let c = cases_on(&events, &recs, true, today);
    assert_eq!(c.cases[0].state, CaseState::Closed);
    assert_eq!(c.cases[0].close_reason, Some(CloseReason::Transferred));
    assert_eq!(c.cases[0].closed_on, Some(today));
    // The absences after the closing count towards a new case, not this one: sixteen more
    // lesson days after 24 October make the second, on 15 November.
    let c = cases_on(&events, &recs, true, d(2024, 11, 30));
    assert_eq!(c.cases.len(), 2);
    assert_eq!(c.cases[1].state, CaseState::Open);
    assert!(c.cases[1].flagged_on > Some(today));
}

#[test]
fn dates_are_checked() {
    let cal = year_2024_25();
    let days = from_october(&cal);
    let events = absent(&days[..60]);
    let none = Law159Records::default();
    let today = d(2024, 10, 24);
    let c = cases_on(&events, &none, true, today);
    let at = |on| Step::FamilyNotified {
        episode: 0,
        on,
        channel: Channel::Letter,
    };
    let e = record_step(&c, &none, at(d(2024, 10, 25)), today).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidField);
    let e = record_step(&c, &none, at(d(2024, 10, 21)), today).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidField);
    let other = Step::FamilyNotified {
        episode: 3,
        on: today,
        channel: Channel::Letter,
    };
    assert_eq!(
        record_step(&c, &none, other, today).unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[test]
fn not_a_case_when_the_procedure_does_not_apply_unless_recorded() {
    let cal = year_2024_25();
    let days = from_october(&cal);
    let events = absent(&days[..60]);
    let none = Law159Records::default();
    let today = d(2024, 10, 24);
    assert!(cases_on(&events, &none, false, today).is_empty());
    let c = cases_on(&events, &none, true, today);
    let step = Step::FamilyNotified {
        episode: 0,
        on: today,
        channel: Channel::Letter,
    };
    let recs = record_step(&c, &none, step, today).unwrap();
    assert_eq!(cases_on(&events, &recs, false, today).cases.len(), 1);
}

#[test]
fn elusione_is_its_own_step() {
    let cal = year_2024_25();
    let days = from_october(&cal);
    // 990 annual hours: a quarter is 247 h 30, 41.25 days of six hours.
    let events = absent(&days[..60]);
    let none = Law159Records::default();
    let today = d(2025, 1, 31);
    let c = cases_on(&events, &none, true, today);
    let e = c.elusione.unwrap();
    assert_eq!(e.reached_on, days[41]);
    assert_eq!(e.next.map(|n| n.step), Some(NextStep::ReportElusione));
    let early = Step::ElusioneReported { on: days[40] };
    assert_eq!(
        record_step(&c, &none, early, today).unwrap_err().code,
        ErrorCode::InvalidField
    );
    let recs = record_step(&c, &none, Step::ElusioneReported { on: today }, today).unwrap();
    assert_eq!(recs.elusione_reported_on, Some(today));
    let c = cases_on(&events, &recs, true, today);
    assert_eq!(c.elusione.unwrap().next, None);
    assert_eq!(
        record_step(&c, &recs, Step::ElusioneReported { on: today }, today)
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
}

#[test]
fn steps_from_a_form() {
    assert_eq!(
        Step::parse("family_notified", "0", "23/10/2024", "notice", "").unwrap(),
        Step::FamilyNotified {
            episode: 0,
            on: d(2024, 10, 23),
            channel: Channel::Notice
        }
    );
    assert_eq!(
        Step::parse("closed", "1", "2024-10-23", "", "transferred").unwrap(),
        Step::Closed {
            episode: 1,
            on: d(2024, 10, 23),
            reason: CloseReason::Transferred
        }
    );
    assert_eq!(
        Step::parse("elusione_reported", "", "2024-10-23", "", "").unwrap(),
        Step::ElusioneReported {
            on: d(2024, 10, 23)
        }
    );
    let field = |r: Result<Step, FieldError>| r.unwrap_err().field;
    assert_eq!(
        field(Step::parse("x", "0", "2024-10-23", "", "")),
        Some("step".into())
    );
    assert_eq!(
        field(Step::parse("closed", "-1", "2024-10-23", "", "other")),
        Some("episode".into())
    );
    assert_eq!(
        field(Step::parse("closed", "0", "31/02/2024", "", "other")),
        Some("on".into())
    );
    assert_eq!(
        field(Step::parse("closed", "0", "2024-10-23", "", "")),
        Some("reason".into())
    );
    assert_eq!(
        field(Step::parse("family_notified", "0", "2024-10-23", "fax", "")),
        Some("channel".into())
    );
}

#[test]
fn codes_round_trip() {
    for c in Channel::ALL {
        assert_eq!(Channel::from_code(c.code()), Some(c));
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            format!("\"{}\"", c.code())
        );
    }
    for c in CloseReason::ALL {
        assert_eq!(CloseReason::from_code(c.code()), Some(c));
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            format!("\"{}\"", c.code())
        );
    }
    let s: Step = serde_json::from_str(
        r#"{"step":"family_notified","episode":0,"on":"2024-10-23","channel":"notice"}"#,
    )
    .unwrap();
    assert_eq!(s.code(), "family_notified");
}

/// A step recorded by mistake: undone by whoever recorded it, within ten minutes, and only the
/// last of its case; the records go back to what they were.
#[test]
fn the_last_step_is_undone_by_whoever_recorded_it_for_ten_minutes() {
    let on = d(2024, 11, 4);
    let notify = Step::FamilyNotified {
        episode: 0,
        on,
        channel: Channel::Notice,
    };
    let before = Law159Records::default();
    let told = Law159Records {
        cases: vec![CaseRecord {
            episode: 0,
            family_notified_on: Some(on),
            channel: Some(Channel::Notice),
            notice_id: Some(7),
            ..CaseRecord::default()
        }],
        ..Law159Records::default()
    };
    let rec = RecordedStep {
        id: 1,
        step: notify,
        slot: before.slot(&notify),
        by: "A".into(),
        at: 1_000,
    };
    assert_eq!(rec.slot.seq, 0);
    assert_eq!(undo_step(&told, &rec, "A", 1_000 + 600).unwrap(), before);
    for (who, when, msg) in [
        ("B", 1_001, Msg::CaseUndoOnlyByRecorder),
        ("A", 1_601, Msg::CaseUndoTooLate),
    ] {
        let e = undo_step(&told, &rec, who, when).unwrap_err();
        assert_eq!(e.text().map(|t| t.msg), Some(msg));
    }
    // Once the mayor was told too, the notice is no longer the case's last step.
    let mut reported = told.clone();
    reported.cases[0].mayor_notified_on = Some(d(2024, 11, 20));
    let e = undo_step(&reported, &rec, "A", 1_001).unwrap_err();
    assert_eq!(e.text().map(|t| t.msg), Some(Msg::CaseUndoNotLast));
    let mayor = Step::MayorNotified {
        episode: 0,
        on: d(2024, 11, 20),
    };
    let last = RecordedStep {
        step: mayor,
        slot: told.slot(&mayor),
        ..rec.clone()
    };
    assert_eq!(undo_step(&reported, &last, "A", 1_001).unwrap(), told);
    // The notice of late entries: the last one is taken back.
    let late = Step::LateEntriesNotified { on };
    let sent = Law159Records {
        late_notices: vec![d(2024, 10, 1), on],
        ..Law159Records::default()
    };
    let rec = RecordedStep {
        step: late,
        slot: Law159Records {
            late_notices: vec![d(2024, 10, 1)],
            ..Law159Records::default()
        }
        .slot(&late),
        ..rec
    };
    assert_eq!(
        undo_step(&sent, &rec, "A", 1_001).unwrap().late_notices,
        vec![d(2024, 10, 1)]
    );
}
