//! The ARS communications of seed 000 (issue 19 points 4 and 6) over HTTP against the real
//! worker, on the demo istituto comprensivo on its "today" (20 March 2026), whose region (Lazio)
//! has the demo's example calendar loaded (`data/ars-esempio.csv`): every list equals what the
//! demo files give, counted here without the engine; the deadlines are the calendar's with the
//! days left; each list exports as CSV; a communication is marked as sent once, by the office;
//! the liceo's region has no calendar, so it has no ARS section.

use chrono::{Datelike, NaiveDate};
use domain::attendance::{AbsenceKind, Enrolment, SchoolGrade, TimetableProfile};
use domain::import::{self, AbsenceRow, ClassRow, ImportContext, PupilRow};
use e2e::people::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const TODAY: &str = xtask::school::DEMO_TODAY;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|_| panic!("date {s}"))
    // ok: test
}

fn read(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(format!("{name}.csv"))).expect("a demo file") // ok: test
}

/// Under 18 on `on` (no date of birth: taken as a minor).
fn minor(birth: Option<NaiveDate>, on: NaiveDate) -> bool {
    birth.is_none_or(|b| {
        let eighteen = NaiveDate::from_ymd_opt(b.year() + 18, b.month(), b.day())
            .or_else(|| NaiveDate::from_ymd_opt(b.year() + 18, 3, 1))
            .expect("a date"); // ok: test
        on < eighteen
    })
}

/// What the files say the school must communicate: (communication, matricola) pairs, counted
/// from `alunni`, `classi`, `calendario` and `assenze`.
fn expected(dir: &Path) -> BTreeSet<(String, String)> {
    let any = ImportContext::format_only();
    let today = day(TODAY);
    let classes: BTreeMap<String, (SchoolGrade, TimetableProfile)> =
        import::parse_file::<ClassRow>(&read(dir, "classi"), &any)
            .rows
            .into_iter()
            .map(|(_, c)| (c.class.as_str().to_owned(), (c.grade, c.profile)))
            .collect();
    let calendar = import::parse_calendar(&read(dir, "calendario"))
        .expect("the calendar") // ok: test
        .calendar()
        .clone();
    let mut away: BTreeMap<String, BTreeSet<NaiveDate>> = BTreeMap::new();
    for (_, r) in import::parse_file::<AbsenceRow>(&read(dir, "assenze"), &any).rows {
        let e = r.event;
        if e.kind() == AbsenceKind::WholeDay && e.date() <= today {
            away.entry(r.matricola.as_str().to_owned())
                .or_default()
                .insert(e.date());
        }
    }
    // The example calendar of the demo's region: 25 October 2025 for the start of the year.
    let october = day("2025-10-25");
    let march_15 = day("2026-03-15");
    let mut out = BTreeSet::new();
    for (_, r) in import::parse_file::<PupilRow>(&read(dir, "alunni"), &any).rows {
        let m = r.matricola.as_str().to_owned();
        let class = r.class.as_str();
        let (grade, profile) = &classes[class];
        if *grade == SchoolGrade::Primaria {
            continue;
        }
        let s = &r.status;
        let mut add = |c: &str| {
            out.insert((c.to_owned(), m.clone()));
        };
        if s.home_schooling {
            add("istruzione_parentale");
            continue;
        }
        if let Some(w) = s.withdrawal {
            if minor(s.birth_date, w.on) {
                match w.kind.code() {
                    "abbandono" => add("abbandono_non_formale"),
                    "ritiro" if w.on <= march_15 => add("ritiro_prima_15_03"),
                    "ritiro" => add("ritiro_dopo_15_03"),
                    _ => {}
                }
            }
            continue;
        }
        // Never present: not one lesson day attended from the first day to 25 October (at
        // least ten of them).
        let first = match r.enrolment {
            Enrolment::FullYear => calendar.first_lesson_day(),
            Enrolment::Late { start } | Enrolment::Transfer { start, .. } => {
                start.max(calendar.first_lesson_day())
            }
        };
        let none = BTreeSet::new();
        let gone = away.get(&m).unwrap_or(&none);
        let lessons: Vec<NaiveDate> = first
            .iter_days()
            .take_while(|d| *d <= october.min(today))
            .filter(|d| calendar.is_lesson_day(*d, profile))
            .collect();
        if lessons.len() >= 10
            && lessons.iter().all(|d| gone.contains(d))
            && minor(s.birth_date, first)
        {
            add("iscritto_non_presente");
        }
        let year = class.chars().find(|c| c.is_ascii_digit());
        if s.outcome.map(|o| o.code()) == Some("non_ammesso")
            && s.next_year.map(|n| n.code()) == Some("nessuna")
            && !(*grade == SchoolGrade::SecondariaSecondoGrado && year == Some('5'))
            && minor(s.birth_date, today)
        {
            add("esito_negativo_non_prosegue");
        }
        if *grade == SchoolGrade::SecondariaPrimoGrado
            && year == Some('3')
            && s.next_year.is_none_or(|n| n.code() == "nessuna")
            && minor(s.birth_date, today)
        {
            add("terza_senza_scelta");
        }
    }
    out
}

fn ars_of(c: &mut xtask::client::Client, school_id: i64) -> Value {
    let a = get(c, &format!("/api/v1/schools/{school_id}/ars"));
    assert_eq!(a.status, 200, "{}", a.body);
    json_of(&a)
}

fn list<'a>(v: &'a Value, code: &str) -> &'a Value {
    v["lists"]
        .as_array()
        .and_then(|l| l.iter().find(|l| l["communication"] == code))
        .unwrap_or_else(|| panic!("the list {code}")) // ok: test
}

#[test]
fn the_lists_equal_the_files_and_a_communication_is_marked_sent_once() {
    let (mut office, me) = signed_in(SECRETARY_A);
    let school_id = me["staff"][0]["school_id"].as_i64().expect("school"); // ok: test
    let dir = demo().school_dir_of(&demo().person(SECRETARY_A).cf);
    let want = expected(&dir);
    // The demo has a pupil for every communication Ponte derives from the files.
    let kinds: BTreeSet<&str> = want.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        kinds,
        BTreeSet::from([
            "abbandono_non_formale",
            "ritiro_prima_15_03",
            "ritiro_dopo_15_03",
            "iscritto_non_presente",
            "esito_negativo_non_prosegue",
            "terza_senza_scelta",
            "istruzione_parentale",
        ])
    );

    let v = ars_of(&mut office, school_id);
    assert_eq!(v["as_of"], TODAY);
    assert_eq!(v["region"], "12");
    assert_eq!(v["school_year"], 2025);
    // The calendar of the school year with the days left from 20 March 2026.
    let calendar: Vec<(String, String, i64)> = v["calendar"]
        .as_array()
        .expect("calendar") // ok: test
        .iter()
        .map(|d| {
            (
                d["operation"].as_str().unwrap_or_default().to_owned(),
                d["by"].as_str().unwrap_or_default().to_owned(),
                d["days_left"].as_i64().unwrap_or_default(),
            )
        })
        .collect();
    let left = |d: &str| (day(d) - day(TODAY)).num_days();
    assert_eq!(
        calendar,
        vec![
            (
                "iscritti_non_frequentanti".into(),
                "2025-10-25".into(),
                left("2025-10-25")
            ),
            ("terza_senza_scelta".into(), "2026-04-30".into(), 41),
            (
                "non_proseguono".into(),
                "2026-07-10".into(),
                left("2026-07-10")
            ),
            (
                "non_proseguono_dopo_prove".into(),
                "2026-09-22".into(),
                left("2026-09-22")
            ),
        ]
    );

    // Every list against the files; a pupil listed from a Law 159 case (another test may have
    // recorded the family's notice for one) has such a case with attendance not resumed.
    let law159 = {
        let a = get(&mut office, &format!("/api/v1/schools/{school_id}/law159"));
        assert_eq!(a.status, 200);
        json_of(&a)
    };
    let mut got = BTreeSet::new();
    for l in v["lists"].as_array().expect("lists") {
        let code = l["communication"].as_str().expect("code"); // ok: test
        assert_eq!(l["dropout"], code != "istruzione_parentale", "{code}");
        let mut unsent = 0;
        for i in l["items"].as_array().expect("items") {
            let m = i["matricola"].as_str().expect("matricola").to_owned(); // ok: test
            if i["sent"].is_null() {
                unsent += 1;
            }
            if i["basis"] == "law159" {
                assert_eq!(code, "abbandono_non_formale");
                let pupil = law159["items"]
                    .as_array()
                    .and_then(|p| p.iter().find(|p| p["pupil_id"] == i["pupil_id"]))
                    .expect("the pupil's case"); // ok: test
                let case = pupil["cases"]
                    .as_array()
                    .and_then(|c| c.iter().find(|c| c["episode"] == i["episode"]))
                    .expect("the case"); // ok: test
                assert!(
                    case["state"] == "reported_to_mayor" || case["next"]["step"] == "notify_mayor",
                    "{case}"
                );
                assert_eq!(case["resume_by"], i["resume_by"]);
                continue;
            }
            got.insert((code.to_owned(), m));
        }
        assert_eq!(l["to_send"], unsent, "{code}");
    }
    assert_eq!(got, want);

    // The deadlines of each line: the prompt ones from their fact, the others the calendar's.
    let terza = list(&v, "terza_senza_scelta");
    assert_eq!(terza["due_by"], "2026-04-30");
    assert!(terza["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|i| i["due"] == "by" && i["by"] == "2026-04-30" && i["overdue"] == false));
    assert!(terza["items"]
        .as_array()
        .expect("items")
        .iter()
        .any(|i| i["basis"] == "choice_not_recorded"));
    let never = list(&v, "iscritto_non_presente");
    for i in never["items"].as_array().expect("items") {
        assert_eq!(i["by"], "2025-10-25");
        assert_eq!(i["basis"], "never_present");
        assert!(i["lesson_days"].as_u64().expect("days") >= 10); // ok: test
        assert_eq!(i["overdue"], i["sent"].is_null());
    }
    let after = list(&v, "ritiro_dopo_15_03");
    let item = after["items"][0].clone();
    assert_eq!(item["due"], "promptly");
    assert_eq!(item["since"], item["event_on"]);
    assert!(day(item["event_on"].as_str().expect("date")) > day("2026-03-15")); // ok: test
    assert!(list(&v, "istruzione_parentale")["due_by"].is_null());

    // The CSV file of one list: Italian words, a row a pupil.
    let a = get(
        &mut office,
        &format!("/api/v1/schools/{school_id}/ars?format=csv&comunicazione=terza_senza_scelta"),
    );
    assert_eq!(a.status, 200);
    assert!(a.content_type.starts_with("text/csv"), "{}", a.content_type);
    let text = a.body.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "Comunicazione;Scadenza;Cognome;Nome;Codice fiscale;Data di nascita;Matricola;Classe;\
         Data dell'evento;Motivo;Inviata il;Registrata da"
    );
    assert_eq!(
        lines.len() - 1,
        terza["items"].as_array().expect("items").len()
    );
    assert!(lines[1..].iter().all(|l| l.starts_with(
        "Alunni minori di classe terza senza scelta per l'anno successivo;Entro il 30/04/2026;"
    )));
    // One list asked for: only it.
    let a = get(
        &mut office,
        &format!("/api/v1/schools/{school_id}/ars?comunicazione=ritiro_prima_15_03"),
    );
    let one = json_of(&a);
    assert_eq!(one["lists"].as_array().map(Vec::len), Some(1));
    let a = get(
        &mut office,
        &format!("/api/v1/schools/{school_id}/ars?comunicazione=nope"),
    );
    assert_error(&a, 400, "invalid_field", "an unknown communication");

    // Marked as sent: by the office, with a day of the school year not after today, once, and
    // only a communication Ponte finds for the pupil.
    let pupil = item["pupil_id"].as_i64().expect("id"); // ok: test
    let mark = |c: &mut xtask::client::Client, communication: &str, on: &str| {
        post_json(
            c,
            &format!("/api/v1/pupils/{pupil}/ars"),
            &json!({"communication": communication, "sent_on": on}),
        )
    };
    assert_error(
        &mark(&mut office, "ritiro_dopo_15_03", "2026-03-21"),
        400,
        "invalid_field",
        "a day after today",
    );
    assert_error(
        &mark(&mut office, "ritiro_dopo_15_03", "2025-09-01"),
        400,
        "invalid_field",
        "a day before the year",
    );
    assert_error(
        &mark(&mut office, "terza_senza_scelta", "2026-03-19"),
        409,
        "conflict",
        "a communication the pupil does not need",
    );
    let (mut teacher, _) = signed_in(TEACHER_A);
    assert_eq!(
        mark(&mut teacher, "ritiro_dopo_15_03", "2026-03-19").status,
        404
    );
    let a = mark(&mut office, "ritiro_dopo_15_03", "19/03/2026");
    assert_eq!(a.status, 200, "{}", a.body);
    let done = json_of(&a);
    assert_eq!(done["items"][0]["sent"]["on"], "2026-03-19");
    assert_eq!(
        done["items"][0]["sent"]["by"],
        demo().person(SECRETARY_A).cf
    );
    assert_error(
        &mark(&mut office, "ritiro_dopo_15_03", "2026-03-20"),
        409,
        "conflict",
        "marked twice",
    );
    let v = ars_of(&mut office, school_id);
    let after = list(&v, "ritiro_dopo_15_03");
    let line = after["items"]
        .as_array()
        .and_then(|l| l.iter().find(|i| i["pupil_id"] == pupil))
        .expect("the line"); // ok: test
    assert_eq!(line["sent"]["on"], "2026-03-19");
    assert!(line["sent"]["by_name"].is_string());
    assert_eq!(after["to_send"], 0);

    // The page shows the lists, the deadlines with the days left and what was sent.
    let page = get(&mut office, &format!("/scuola/{school_id}/ars"));
    assert_eq!(page.status, 200);
    assert!(page
        .body
        .contains("data-communication=\"iscritto_non_presente\""));
    assert!(page.body.contains("fra 41 giorni"));
    assert!(page.body.contains("Inviata il 19/03/2026"));
}

#[test]
fn the_home_shows_the_days_left_where_the_region_has_a_calendar() {
    let (mut office, me) = signed_in(SECRETARY_A);
    let school_id = me["staff"][0]["school_id"].as_i64().expect("school"); // ok: test
    let home = get(&mut office, "/scuola");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("class=\"ars-due\""));
    assert!(home
        .body
        .contains("data-operation=\"terza_senza_scelta\" data-days-left=\"41\""));
    assert!(home
        .body
        .contains(&format!("href=\"/scuola/{school_id}/ars\"")));
    // The liceo is in Emilia-Romagna, which has no ARS calendar: no section, no link, no list.
    let (mut liceo, lme) = signed_in(SECRETARY_B);
    let liceo_id = lme["staff"][0]["school_id"].as_i64().expect("school"); // ok: test
    let home = get(&mut liceo, "/scuola");
    assert_eq!(home.status, 200);
    assert!(!home.body.contains("ars-due"));
    assert!(!home.body.contains(&format!("/scuola/{liceo_id}/ars")));
    assert_eq!(
        get(&mut liceo, &format!("/api/v1/schools/{liceo_id}/ars")).status,
        404
    );
    // A teacher of the istituto comprensivo: the communications are the office's.
    let (mut teacher, _) = signed_in(TEACHER_A);
    let home = get(&mut teacher, "/scuola");
    assert!(!home.body.contains("ars-due"));
    assert_eq!(
        get(&mut teacher, &format!("/scuola/{school_id}/ars")).status,
        404
    );
}
