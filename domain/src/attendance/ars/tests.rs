use super::*;
use crate::attendance::engine::tests::{d, five_days, year_2024_25};
use crate::attendance::law159::cases::{Case, Deadline};
use crate::attendance::{Enrolment, Withdrawal};

/// Tabella 1 (2024) and the same operations in 2025, Veneto.
fn veneto() -> ArsCalendar {
    let e = |year, operation, by| CalendarEntry {
        region: VENETO.to_owned(),
        year,
        operation,
        by,
    };
    ArsCalendar {
        entries: vec![
            e(2024, Operation::TerzaSenzaScelta, d(2024, 4, 30)),
            e(2024, Operation::NonProseguono, d(2024, 7, 10)),
            e(2024, Operation::NonProseguonoDopoProve, d(2024, 9, 22)),
            e(2024, Operation::IscrittiNonFrequentanti, d(2024, 10, 25)),
            e(2025, Operation::TerzaSenzaScelta, d(2025, 4, 30)),
            e(2025, Operation::NonProseguono, d(2025, 7, 10)),
            e(2025, Operation::NonProseguonoDopoProve, d(2025, 9, 22)),
        ],
    }
}

struct P {
    grade: SchoolGrade,
    class: &'static str,
    status: SchoolStatus,
    pupil: Pupil,
    absent: BTreeSet<NaiveDate>,
    law159: PupilCases,
}

fn p(grade: SchoolGrade, class: &'static str) -> P {
    P {
        grade,
        class,
        status: SchoolStatus {
            birth_date: Some(d(2011, 5, 1)),
            ..SchoolStatus::default()
        },
        pupil: Pupil::full_year(grade, five_days(6)),
        absent: BTreeSet::new(),
        law159: PupilCases::default(),
    }
}

fn first_grade() -> P {
    p(SchoolGrade::SecondariaPrimoGrado, "2A")
}

fn needs_of(x: &P, cal: &ArsCalendar, today: NaiveDate) -> Vec<Need> {
    let year = year_2024_25();
    needs(
        &Facts {
            grade: x.grade,
            class_code: x.class,
            status: &x.status,
            calendar: &year,
            pupil: &x.pupil,
            absent_days: &x.absent,
            law159: &x.law159,
        },
        cal,
        today,
    )
}

fn comms(n: &[Need]) -> Vec<Communication> {
    n.iter().map(|n| n.communication).collect()
}

fn lesson_days_between(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let cal = year_2024_25();
    from.iter_days()
        .take_while(|x| *x <= to)
        .filter(|x| cal.is_lesson_day(*x, &five_days(6)))
        .collect()
}

fn withdrawn(kind: WithdrawalKind, on: NaiveDate) -> P {
    let mut x = first_grade();
    x.status.withdrawal = Some(Withdrawal { on, kind });
    x
}

#[test]
fn an_ordinary_pupil_needs_nothing() {
    assert_eq!(needs_of(&first_grade(), &veneto(), d(2025, 3, 20)), vec![]);
}

#[test]
fn primaria_is_not_ars_s() {
    let mut x = p(SchoolGrade::Primaria, "3A");
    x.status.home_schooling = true;
    x.status.withdrawal = Some(Withdrawal {
        on: d(2025, 1, 10),
        kind: WithdrawalKind::Abbandono,
    });
    assert_eq!(needs_of(&x, &veneto(), d(2025, 3, 20)), vec![]);
}

#[test]
fn a_formal_withdrawal_on_15_march_is_before_the_16th_after() {
    let today = d(2025, 3, 20);
    for (on, c) in [
        (d(2025, 2, 13), Communication::RitiroPrima1503),
        (d(2025, 3, 14), Communication::RitiroPrima1503),
        (d(2025, 3, 15), Communication::RitiroPrima1503),
        (d(2025, 3, 16), Communication::RitiroDopo1503),
        (d(2025, 3, 17), Communication::RitiroDopo1503),
    ] {
        let n = needs_of(&withdrawn(WithdrawalKind::Ritiro, on), &veneto(), today);
        assert_eq!(
            n,
            vec![Need {
                communication: c,
                basis: Basis::Recorded,
                event_on: Some(on),
                due: Due::Promptly { since: Some(on) },
            }],
            "{on}"
        );
        assert!(!n[0].due.overdue(today));
        assert_eq!(n[0].due.days_left(today), None);
    }
    // 15 March is the school year's: a withdrawal in the autumn is before it.
    let n = needs_of(
        &withdrawn(WithdrawalKind::Ritiro, d(2024, 11, 4)),
        &veneto(),
        today,
    );
    assert_eq!(comms(&n), vec![Communication::RitiroPrima1503]);
}

#[test]
fn an_informal_dropout_is_reported_a_transfer_is_not() {
    let today = d(2025, 3, 20);
    let n = needs_of(
        &withdrawn(WithdrawalKind::Abbandono, d(2025, 3, 6)),
        &veneto(),
        today,
    );
    assert_eq!(comms(&n), vec![Communication::AbbandonoNonFormale]);
    assert_eq!(n[0].basis, Basis::Recorded);
    assert_eq!(n[0].event_on, Some(d(2025, 3, 6)));
    let n = needs_of(
        &withdrawn(WithdrawalKind::Trasferimento, d(2024, 12, 19)),
        &veneto(),
        today,
    );
    assert_eq!(n, vec![]);
}

#[test]
fn adults_are_not_reported_minors_and_unknown_ages_are() {
    let today = d(2025, 3, 20);
    let on = d(2025, 3, 6);
    let mut x = withdrawn(WithdrawalKind::Abbandono, on);
    x.grade = SchoolGrade::SecondariaSecondoGrado;
    x.class = "4A";
    // 18 the day before the withdrawal: not reported.
    x.status.birth_date = Some(d(2007, 3, 5));
    assert_eq!(needs_of(&x, &veneto(), today), vec![]);
    // 18 the day after: reported (a minor on the day).
    x.status.birth_date = Some(d(2007, 3, 7));
    assert_eq!(comms(&needs_of(&x, &veneto(), today)).len(), 1);
    // 18 on the day itself: an adult.
    x.status.birth_date = Some(d(2007, 3, 6));
    assert_eq!(needs_of(&x, &veneto(), today), vec![]);
    x.status.birth_date = None;
    assert_eq!(
        comms(&needs_of(&x, &veneto(), today)),
        vec![Communication::AbbandonoNonFormale]
    );
}

#[test]
fn home_schooling_is_listed_as_such_and_nothing_else() {
    let mut x = withdrawn(WithdrawalKind::Abbandono, d(2025, 3, 6));
    x.status.home_schooling = true;
    x.class = "3B";
    x.status.next_year = Some(NextYearChoice::Nessuna);
    let n = needs_of(&x, &veneto(), d(2025, 3, 20));
    assert_eq!(
        n,
        vec![Need {
            communication: Communication::IstruzioneParentale,
            basis: Basis::Recorded,
            event_on: None,
            due: Due::Promptly { since: None },
        }]
    );
    assert!(!Communication::IstruzioneParentale.is_dropout());
    assert!(Communication::ALL
        .iter()
        .filter(|c| **c != Communication::IstruzioneParentale)
        .all(|c| c.is_dropout()));
}

#[test]
fn third_year_without_a_choice_by_30_april_of_the_second_calendar_year() {
    let mut x = p(SchoolGrade::SecondariaPrimoGrado, "3C");
    let due = Due::By { by: d(2025, 4, 30) };
    x.status.next_year = Some(NextYearChoice::Nessuna);
    let n = needs_of(&x, &veneto(), d(2025, 3, 20));
    assert_eq!(
        n,
        vec![Need {
            communication: Communication::TerzaSenzaScelta,
            basis: Basis::Recorded,
            event_on: None,
            due,
        }]
    );
    assert_eq!(due.days_left(d(2025, 3, 20)), Some(41));
    assert!(!due.overdue(d(2025, 4, 30)));
    assert!(due.overdue(d(2025, 5, 1)));
    assert_eq!(due.days_left(d(2025, 5, 1)), Some(-1));
    x.status.next_year = None;
    assert_eq!(
        needs_of(&x, &veneto(), d(2025, 3, 20))[0].basis,
        Basis::ChoiceNotRecorded
    );
    for chosen in [
        NextYearChoice::Istruzione,
        NextYearChoice::Iefp,
        NextYearChoice::Apprendistato,
    ] {
        x.status.next_year = Some(chosen);
        assert_eq!(needs_of(&x, &veneto(), d(2025, 3, 20)), vec![]);
    }
    // Not the third year, or not secondaria di primo grado: nothing.
    let mut y = p(SchoolGrade::SecondariaPrimoGrado, "2C");
    assert_eq!(needs_of(&y, &veneto(), d(2025, 3, 20)), vec![]);
    y = p(SchoolGrade::SecondariaSecondoGrado, "3C");
    assert_eq!(needs_of(&y, &veneto(), d(2025, 3, 20)), vec![]);
}

#[test]
fn negative_outcome_and_not_continuing_by_10_july() {
    let mut x = p(SchoolGrade::SecondariaPrimoGrado, "3C");
    x.status.outcome = Some(Outcome::NonAmmesso);
    x.status.next_year = Some(NextYearChoice::Nessuna);
    let n = needs_of(&x, &veneto(), d(2025, 6, 20));
    assert_eq!(
        comms(&n),
        vec![
            Communication::EsitoNegativoNonProsegue,
            Communication::TerzaSenzaScelta
        ]
    );
    assert_eq!(n[0].due, Due::By { by: d(2025, 7, 10) });
    assert!(n[1].due.overdue(d(2025, 6, 20)));
    // Continuing, or admitted: not this communication.
    x.status.next_year = Some(NextYearChoice::Iefp);
    assert_eq!(needs_of(&x, &veneto(), d(2025, 6, 20)), vec![]);
    let mut y = p(SchoolGrade::SecondariaSecondoGrado, "2A");
    y.status.outcome = Some(Outcome::Ammesso);
    y.status.next_year = Some(NextYearChoice::Nessuna);
    assert_eq!(needs_of(&y, &veneto(), d(2025, 6, 20)), vec![]);
    y.status.outcome = Some(Outcome::GiudizioSospeso);
    assert_eq!(needs_of(&y, &veneto(), d(2025, 6, 20)), vec![]);
    y.status.outcome = Some(Outcome::NonAmmesso);
    assert_eq!(
        comms(&needs_of(&y, &veneto(), d(2025, 6, 20))),
        vec![Communication::EsitoNegativoNonProsegue]
    );
    // The fifth year of the second grade is not "dal I al IV anno".
    y.class = "5A";
    assert_eq!(needs_of(&y, &veneto(), d(2025, 6, 20)), vec![]);
    // Of age by the deadline: not reported.
    y.class = "4A";
    y.status.birth_date = Some(d(2007, 7, 10));
    assert_eq!(needs_of(&y, &veneto(), d(2025, 7, 20)), vec![]);
    y.status.birth_date = Some(d(2007, 7, 11));
    assert_eq!(needs_of(&y, &veneto(), d(2025, 7, 20)).len(), 1);
}

#[test]
fn a_date_not_loaded_leaves_the_communication_listed_without_it() {
    let mut x = p(SchoolGrade::SecondariaPrimoGrado, "3C");
    x.status.next_year = Some(NextYearChoice::Nessuna);
    let mut only_2024 = veneto();
    only_2024.entries.retain(|e| e.year == 2024);
    let n = needs_of(&x, &only_2024, d(2025, 3, 20));
    assert_eq!(n[0].due, Due::NotLoaded);
    assert!(!n[0].due.overdue(d(2026, 1, 1)));
}

#[test]
fn never_present_needs_ten_lesson_days_and_no_day_attended() {
    let mut x = first_grade();
    let all = lesson_days_between(d(2024, 9, 16), d(2025, 6, 6));
    x.absent = all.iter().copied().collect();
    // The ninth lesson day: not yet.
    let ninth = all[8];
    assert_eq!(needs_of(&x, &veneto(), ninth), vec![]);
    let tenth = all[9];
    let n = needs_of(&x, &veneto(), tenth);
    assert_eq!(
        n,
        vec![Need {
            communication: Communication::IscrittoNonPresente,
            basis: Basis::NeverPresent {
                from: d(2024, 9, 16),
                lesson_days: 10
            },
            event_on: None,
            due: Due::By {
                by: d(2024, 10, 25)
            },
        }]
    );
    // One day attended among them: not never present.
    let mut y = first_grade();
    y.absent = all.iter().copied().filter(|x| *x != all[4]).collect();
    assert_eq!(needs_of(&y, &veneto(), tenth), vec![]);
    // After the deadline the list is as it was on 25 October: a pupil who came later stays
    // listed (overdue unless sent); one who came before it does not.
    let after = d(2024, 11, 20);
    y.absent = all
        .iter()
        .copied()
        .filter(|x| *x > d(2024, 10, 25))
        .collect();
    assert_eq!(needs_of(&y, &veneto(), after), vec![]);
    y.absent = all
        .iter()
        .copied()
        .filter(|x| *x <= d(2024, 10, 25))
        .collect();
    let n = needs_of(&y, &veneto(), after);
    assert_eq!(comms(&n), vec![Communication::IscrittoNonPresente]);
    assert!(n[0].due.overdue(after));
    let lessons_to_deadline = lesson_days_between(d(2024, 9, 16), d(2024, 10, 25)).len() as u32;
    assert_eq!(
        n[0].basis,
        Basis::NeverPresent {
            from: d(2024, 9, 16),
            lesson_days: lessons_to_deadline
        }
    );
}

#[test]
fn never_present_counts_from_a_late_enrolment() {
    let mut x = first_grade();
    x.pupil = Pupil::new(
        SchoolGrade::SecondariaPrimoGrado,
        five_days(6),
        Enrolment::Late {
            start: d(2024, 10, 1),
        },
        None,
    )
    .unwrap();
    let from_start = lesson_days_between(d(2024, 10, 1), d(2024, 10, 25));
    x.absent = from_start.iter().copied().collect();
    let n = needs_of(&x, &veneto(), d(2024, 10, 25));
    assert_eq!(
        n[0].basis,
        Basis::NeverPresent {
            from: d(2024, 10, 1),
            lesson_days: from_start.len() as u32
        }
    );
}

fn stalled_case(resume_by: NaiveDate, today: NaiveDate) -> Case {
    Case {
        episode: 0,
        state: CaseState::FamilyNotified,
        window_start: Some(d(2024, 11, 4)),
        flagged_on: Some(d(2025, 1, 20)),
        family_notified_on: Some(d(2025, 1, 21)),
        channel: None,
        notice_id: None,
        resume_by: Some(resume_by),
        resumed_on: None,
        mayor_notice_due_by: Some(d(2025, 2, 4)),
        mayor_notified_on: None,
        mayor_notice_late: false,
        closed_on: None,
        close_reason: None,
        next: Some(Deadline {
            step: NextStep::NotifyMayor,
            by: d(2025, 2, 4),
            overdue: today > d(2025, 2, 4),
        }),
    }
}

#[test]
fn a_law159_case_without_return_is_a_dropout_to_verify() {
    let today = d(2025, 3, 20);
    let resume_by = d(2025, 1, 28);
    let mut x = first_grade();
    x.absent = lesson_days_between(d(2025, 1, 7), today)
        .into_iter()
        .collect();
    x.law159.cases = vec![stalled_case(resume_by, today)];
    let n = needs_of(&x, &veneto(), today);
    assert_eq!(
        n,
        vec![Need {
            communication: Communication::AbbandonoNonFormale,
            basis: Basis::Law159 {
                episode: 0,
                resume_by
            },
            event_on: None,
            due: Due::Promptly {
                since: Some(d(2025, 1, 29))
            },
        }]
    );
    // Reported to the mayor: still a dropout while absent.
    let mut c = stalled_case(resume_by, today);
    c.state = CaseState::ReportedToMayor;
    c.next = None;
    x.law159.cases = vec![c];
    assert_eq!(
        comms(&needs_of(&x, &veneto(), today)),
        vec![Communication::AbbandonoNonFormale]
    );
    // Back at school one day since: not a dropout.
    x.absent.remove(&d(2025, 3, 3));
    assert_eq!(needs_of(&x, &veneto(), today), vec![]);
    // A case still awaiting the return, or closed: nothing.
    let mut y = first_grade();
    y.absent = lesson_days_between(d(2025, 1, 7), today)
        .into_iter()
        .collect();
    let mut c = stalled_case(resume_by, today);
    c.next = Some(Deadline {
        step: NextStep::AwaitReturn,
        by: resume_by,
        overdue: false,
    });
    y.law159.cases = vec![c];
    assert_eq!(needs_of(&y, &veneto(), today), vec![]);
    let mut c = stalled_case(resume_by, today);
    c.state = CaseState::Closed;
    c.next = None;
    y.law159.cases = vec![c];
    assert_eq!(needs_of(&y, &veneto(), today), vec![]);
    // A recorded withdrawal wins over the register.
    x.absent.insert(d(2025, 3, 3));
    x.status.withdrawal = Some(Withdrawal {
        on: d(2025, 3, 10),
        kind: WithdrawalKind::Ritiro,
    });
    assert_eq!(
        comms(&needs_of(&x, &veneto(), today)),
        vec![Communication::RitiroPrima1503]
    );
}

#[test]
fn the_calendar_of_a_year_closes_one_school_year_and_opens_the_next() {
    let cal = veneto();
    assert_eq!(
        cal.for_school_year(2024),
        vec![
            (Operation::IscrittiNonFrequentanti, d(2024, 10, 25)),
            (Operation::TerzaSenzaScelta, d(2025, 4, 30)),
            (Operation::NonProseguono, d(2025, 7, 10)),
            (Operation::NonProseguonoDopoProve, d(2025, 9, 22)),
        ]
    );
    assert_eq!(
        cal.for_school_year(2023),
        vec![
            (Operation::TerzaSenzaScelta, d(2024, 4, 30)),
            (Operation::NonProseguono, d(2024, 7, 10)),
            (Operation::NonProseguonoDopoProve, d(2024, 9, 22)),
        ]
    );
    assert!(!ArsCalendar::default().is_loaded());
}

#[test]
fn the_seed_s_file_reads_and_bad_rows_are_all_listed() {
    let text = "\u{feff}regione;anno;operazione;scadenza;fonte\n\
        05;2024;terza_senza_scelta;2024-04-30;seed 000, Tabella 1\n\
        05;2024;non_proseguono;2024-07-10;seed 000\n\
        \n\
        05;2024;non_proseguono_dopo_prove;2024-09-22;seed 000\n\
        05;2024;iscritti_non_frequentanti;2024-10-25;seed 000\n";
    let c = parse_calendar(text).unwrap();
    assert_eq!(c.len(), 4);
    assert_eq!(c[3].by, d(2024, 10, 25));
    let bad = "regione;anno;operazione;scadenza;fonte\n\
        5;2024;terza_senza_scelta;2024-04-30;x\n\
        05;2024;altro;2024-04-30;x\n\
        05;2024;non_proseguono;2025-07-10;x\n\
        05;2024;non_proseguono;10/07/2024;x\n\
        05;2024;iscritti_non_frequentanti;2024-10-25;\n\
        05;2024;terza_senza_scelta;2024-04-30;x\n\
        05;2024;terza_senza_scelta;2024-04-30;x\n\
        05;2024\n";
    let e = parse_calendar(bad).unwrap_err();
    assert_eq!(e.len(), 7, "{e:?}");
    assert!(e[0].starts_with("riga 2: regione"), "{e:?}");
    assert!(e[5].contains("già indicata"), "{e:?}");
    assert!(e[6].starts_with("riga 9"), "{e:?}");
    assert!(parse_calendar("anno;regione\n").is_err());
    assert!(parse_calendar("regione;anno;operazione;scadenza;fonte\n").is_err());
}

#[test]
fn codes_round_trip_and_match_serde() {
    for c in Communication::ALL {
        assert_eq!(Communication::from_code(c.code()), Some(c));
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            format!("\"{}\"", c.code())
        );
    }
    for o in Operation::ALL {
        assert_eq!(Operation::from_code(o.code()), Some(o));
        assert_eq!(
            serde_json::to_string(&o).unwrap(),
            format!("\"{}\"", o.code())
        );
    }
}

#[test]
fn marking_as_sent_takes_a_known_communication_and_a_day_of_the_year() {
    let first = d(2024, 9, 16);
    let today = d(2025, 3, 20);
    assert_eq!(
        parse_sent("ritiro_dopo_15_03", "20/03/2025", first, today).unwrap(),
        (Communication::RitiroDopo1503, today)
    );
    assert_eq!(
        parse_sent("x", "2025-03-20", first, today)
            .unwrap_err()
            .field
            .as_deref(),
        Some("communication")
    );
    for bad in ["2025-03-21", "2024-09-15", ""] {
        assert_eq!(
            parse_sent("terza_senza_scelta", bad, first, today)
                .unwrap_err()
                .field
                .as_deref(),
            Some("sent_on"),
            "{bad}"
        );
    }
}

#[test]
fn the_school_s_lists_are_all_there_sorted_with_what_was_sent() {
    let today = d(2025, 5, 2);
    let listed = |id, class: &str, surname: &str| Listed {
        pupil_id: id,
        surname: surname.to_owned(),
        name: "N".to_owned(),
        class_code: class.to_owned(),
        matricola: format!("M{id}"),
        codice_fiscale: None,
        birth_date: None,
    };
    let terza = |basis| Need {
        communication: Communication::TerzaSenzaScelta,
        basis,
        event_on: None,
        due: Due::By { by: d(2025, 4, 30) },
    };
    let pupils = vec![
        (listed(3, "3B", "Rossi"), vec![terza(Basis::Recorded)]),
        (
            listed(1, "3A", "Verdi"),
            vec![terza(Basis::ChoiceNotRecorded)],
        ),
        (listed(2, "3A", "Bianchi"), vec![terza(Basis::Recorded)]),
    ];
    let sent = vec![(
        1,
        Communication::TerzaSenzaScelta,
        Sent {
            on: d(2025, 4, 29),
            by: "X".to_owned(),
            by_name: None,
        },
    )];
    let s = school_lists(today, VENETO, 2024, &veneto(), &pupils, &sent);
    assert_eq!(s.lists.len(), Communication::ALL.len());
    assert_eq!(s.calendar.len(), 4);
    assert_eq!(s.calendar[1].days_left, -2);
    let l = s
        .lists
        .iter()
        .find(|l| l.communication == Communication::TerzaSenzaScelta)
        .unwrap();
    assert_eq!(l.due_by, Some(d(2025, 4, 30)));
    let ids: Vec<i64> = l.items.iter().map(|i| i.pupil_id).collect();
    assert_eq!(ids, vec![2, 1, 3]);
    assert_eq!(l.to_send, 2);
    assert!(l.items[0].overdue && !l.items[1].overdue && l.items[2].overdue);
    assert!(l.items[1].sent.is_some());
    let ip = s
        .lists
        .iter()
        .find(|l| l.communication == Communication::IstruzioneParentale)
        .unwrap();
    assert!(!ip.dropout && ip.items.is_empty() && ip.due_by.is_none());
}
