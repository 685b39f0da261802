//! Tests of the demo schools: the files parse with the importer's own rules, the codici fiscali
//! are valid and unique, the same seed writes the same bytes.

use super::files::WIN1252_HIGH;
use super::*;
use domain::identity::CodiceFiscale;
use std::sync::OnceLock;

/// A scratch directory under target/, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = crate::paths::target().join("school-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The default demo, generated once for the tests that only read it.
fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| write_demo(&scratch("shared"), &DemoOptions::default()).unwrap())
}

/// A parsed file: header names normalised as docs/imports.md says, one map per row.
struct Rows {
    text: String,
    rows: Vec<BTreeMap<String, String>>,
}

fn normalise_header(h: &str) -> String {
    h.trim()
        .to_lowercase()
        .replace(['à', 'á'], "a")
        .replace(['è', 'é'], "e")
        .replace(['ì', 'í'], "i")
        .replace(['ò', 'ó'], "o")
        .replace(['ù', 'ú'], "u")
        .replace([' ', '-'], "_")
}

fn read(dir: &Path, name: &str) -> Rows {
    let bytes = std::fs::read(dir.join(format!("{name}.csv"))).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9F => WIN1252_HIGH[usize::from(b - 0x80)],
                b => char::from(b),
            })
            .collect(),
    };
    let header = text.lines().next().unwrap();
    let sep = if header.contains(';') { b';' } else { b',' };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let names: Vec<String> = rdr
        .headers()
        .unwrap()
        .iter()
        .map(normalise_header)
        .collect();
    let rows = rdr
        .records()
        .map(|r| {
            let r = r.unwrap();
            names
                .iter()
                .cloned()
                .zip(r.iter().map(|c| c.trim().to_owned()))
                .collect()
        })
        .collect();
    Rows { text, rows }
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y-%m-%d"))
        .unwrap()
}

fn dir_of<'a>(demo: &'a Demo, code: &str) -> &'a Path {
    &demo.schools.iter().find(|s| s.code == code).unwrap().dir
}

#[test]
fn same_options_same_bytes() {
    let opts = DemoOptions {
        pupils: 300,
        seed: 42,
        ..Default::default()
    };
    let (a, b) = (scratch("det-a"), scratch("det-b"));
    let da = write_demo(&a, &opts).unwrap();
    let db = write_demo(&b, &opts).unwrap();
    for (sa, sb) in da.schools.iter().zip(&db.schools) {
        for f in FILES {
            let fa = std::fs::read(sa.dir.join(format!("{f}.csv"))).unwrap();
            let fb = std::fs::read(sb.dir.join(format!("{f}.csv"))).unwrap();
            assert!(fa == fb, "{}/{f}.csv differs", sa.code);
        }
    }
    assert_eq!(
        std::fs::read(&da.identities).unwrap(),
        std::fs::read(&db.identities).unwrap()
    );
    // Another seed, other people.
    let c = scratch("det-c");
    let dc = write_demo(
        &c,
        &DemoOptions {
            pupils: 300,
            seed: 43,
            ..Default::default()
        },
    )
    .unwrap();
    assert_ne!(
        std::fs::read(da.schools[0].dir.join("alunni.csv")).unwrap(),
        std::fs::read(dc.schools[0].dir.join("alunni.csv")).unwrap()
    );
    for d in [a, b, c] {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[test]
fn figures_are_realistic() {
    let demo = demo();
    assert_eq!(demo.schools.len(), 2);
    let big = &demo.schools[0].dir;
    let classi = read(big, "classi");
    assert_eq!(classi.rows.len(), 45);
    let primaria = classi
        .rows
        .iter()
        .filter(|r| r["ordine"] == "primaria")
        .count();
    assert_eq!(primaria, 25);
    let alunni = read(big, "alunni");
    assert_eq!(alunni.rows.len(), 1000);
    let assenze = read(big, "assenze");
    let per_pupil = assenze.rows.len() as f64 / 1000.0;
    assert!(
        (40.0..=60.0).contains(&per_pupil),
        "{per_pupil} events per pupil"
    );
    // Whole days per pupil: most 5–15, a tail, a few near a quarter of the year.
    let mut days: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &assenze.rows {
        if r["tipo"] == "assenza" {
            *days.entry(r["matricola"].as_str()).or_default() += 1;
        }
    }
    let counts: Vec<usize> = alunni
        .rows
        .iter()
        .map(|r| days.get(r["matricola"].as_str()).copied().unwrap_or(0))
        .collect();
    let typical = counts.iter().filter(|&&n| (5..=15).contains(&n)).count();
    let tail = counts.iter().filter(|&&n| (20..=40).contains(&n)).count();
    let heavy = counts.iter().filter(|&&n| n > 40).count();
    assert!(typical > 500, "{typical}");
    assert!(tail > 60, "{tail}");
    assert!((5..=40).contains(&heavy), "{heavy}");
    // About 70 % of what families justify is justified.
    let answered: Vec<&str> = assenze
        .rows
        .iter()
        .map(|r| r["giustificata"].as_str())
        .filter(|g| !g.is_empty())
        .collect();
    let yes = answered.iter().filter(|&&g| g == "sì").count();
    let share = yes as f64 / answered.len() as f64;
    assert!((0.6..=0.8).contains(&share), "{share}");
    for kind in [
        "ritardo",
        "ingresso_posticipato",
        "uscita_anticipata",
        "astensione",
        "sospensione",
        "sospensione_con_obbligo",
        "attivita_scolastica",
        "uscita_didattica_non_partecipata",
    ] {
        assert!(assenze.rows.iter().any(|r| r["tipo"] == kind), "{kind}");
    }
    let alunni_rows = &alunni.rows;
    assert!(alunni_rows
        .iter()
        .any(|r| !r["ore_assenza_provenienza"].is_empty()));
    assert!(alunni_rows
        .iter()
        .any(|r| !r["data_iscrizione"].is_empty() && r["ore_assenza_provenienza"].is_empty()));
    assert_eq!(
        alunni_rows
            .iter()
            .filter(|r| !r["monte_ore_personalizzato"].is_empty())
            .count(),
        2
    );
    let personale = read(big, "personale");
    let role = |r: &str| personale.rows.iter().filter(|m| m["ruolo"] == r).count();
    assert!((80..=100).contains(&role("docente")), "{}", role("docente"));
    assert_eq!(role("segreteria"), 4);
    assert_eq!(role("dirigente"), 1);
    // Every class has several teachers.
    for c in &classi.rows {
        let n = personale
            .rows
            .iter()
            .filter(|m| m["classi"].split(", ").any(|x| x == c["classe"]))
            .count();
        assert!(n >= 3, "{}: {n} teachers", c["classe"]);
        // And one coordinator, a teacher of the class.
        let coordinators: Vec<_> = personale
            .rows
            .iter()
            .filter(|m| m["coordinatore"].split(", ").any(|x| x == c["classe"]))
            .collect();
        assert_eq!(coordinators.len(), 1, "{}", c["classe"]);
        assert!(coordinators[0]["classi"]
            .split(", ")
            .any(|x| x == c["classe"]));
    }
    // Siblings: some guardians have two or three children, in different classes.
    let tutori = read(big, "tutori");
    let class_of: BTreeMap<&str, &str> = alunni_rows
        .iter()
        .map(|r| (r["matricola"].as_str(), r["classe"].as_str()))
        .collect();
    let mut children: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in &tutori.rows {
        children
            .entry(r["codice_fiscale"].as_str())
            .or_default()
            .push(class_of[r["matricola"].as_str()]);
    }
    assert!(children.values().any(|c| c.len() == 3));
    for c in children.values() {
        let distinct: BTreeSet<_> = c.iter().collect();
        assert_eq!(distinct.len(), c.len(), "siblings in one class: {c:?}");
    }
    let small = &demo.schools[1].dir;
    assert_eq!(read(small, "classi").rows.len(), 3);
    assert_eq!(read(small, "alunni").rows.len(), 50);
}

#[test]
fn every_file_passes_the_import_rules() {
    use domain::import::{
        parse_calendar, parse_file, AbsenceRow, ClassRow, GuardianRow, ImportContext, PupilRow,
        StaffRow,
    };
    for s in &demo().schools {
        let read = |name: &str| std::fs::read(s.dir.join(format!("{name}.csv"))).unwrap();
        let any = ImportContext::format_only();
        let classes = parse_file::<ClassRow>(&read("classi"), &any);
        assert_eq!(classes.errors, vec![], "{} classi", s.code);
        assert!(
            parse_calendar(&read("calendario")).is_ok(),
            "{} calendario",
            s.code
        );
        let pupils = parse_file::<PupilRow>(&read("alunni"), &any);
        assert_eq!(pupils.errors, vec![], "{} alunni", s.code);
        let ctx = ImportContext::new(
            classes
                .rows
                .iter()
                .map(|(_, c)| c.class.as_str().to_owned()),
            pupils
                .rows
                .iter()
                .map(|(_, p)| p.matricola.as_str().to_owned()),
        );
        let pupils = parse_file::<PupilRow>(&read("alunni"), &ctx);
        assert_eq!(pupils.errors, vec![], "{} alunni with context", s.code);
        let guardians = parse_file::<GuardianRow>(&read("tutori"), &ctx);
        assert_eq!(guardians.errors, vec![], "{} tutori", s.code);
        let staff = parse_file::<StaffRow>(&read("personale"), &ctx);
        assert_eq!(staff.errors, vec![], "{} personale", s.code);
        let absences = parse_file::<AbsenceRow>(&read("assenze"), &ctx);
        assert_eq!(absences.errors, vec![], "{} assenze", s.code);
        assert!(!absences.rows.is_empty());
    }
}

#[test]
fn files_have_the_encodings_offices_produce() {
    let dir = &demo().schools[0].dir;
    let alunni = std::fs::read(dir.join("alunni.csv")).unwrap();
    assert!(
        std::str::from_utf8(&alunni).is_err(),
        "alunni is Windows-1252"
    );
    assert!(alunni.windows(2).any(|w| w == b"\r\n"));
    let text = read(dir, "alunni").text;
    assert!(
        text.contains('ò') && text.contains('\''),
        "accents and apostrophes"
    );
    let personale = std::fs::read(dir.join("personale.csv")).unwrap();
    assert!(personale.starts_with(b"\xEF\xBB\xBFCodice fiscale;"));
    let tutori = std::fs::read_to_string(dir.join("tutori.csv")).unwrap();
    assert!(tutori.starts_with("codice_fiscale,cognome,nome,matricola\n"));
    assert!(tutori.contains(",\""), "a quoted cell");
}

#[test]
fn every_codice_fiscale_is_valid_and_unique() {
    let demo = demo();
    let mut seen = BTreeSet::new();
    for s in &demo.schools {
        for (file, col) in [
            ("alunni", "codice_fiscale"),
            ("tutori", "codice_fiscale"),
            ("personale", "codice_fiscale"),
        ] {
            let rows = read(&s.dir, file).rows;
            let mut in_file = BTreeSet::new();
            for r in &rows {
                let cf = &r[col];
                if cf.is_empty() {
                    assert_eq!(file, "alunni");
                    continue;
                }
                CodiceFiscale::parse(cf).unwrap_or_else(|e| panic!("{cf}: {}", e.message));
                // A guardian of two pupils has two rows; people are otherwise distinct.
                if in_file.insert(cf.clone()) {
                    assert!(seen.insert(cf.clone()), "{cf} in two places");
                }
            }
        }
    }
    assert!(seen.len() > 2000, "{}", seen.len());
}

#[test]
fn absences_fall_on_the_pupils_lesson_days() {
    for s in &demo().schools {
        let (cal, profiles) = calendar_and_profiles(&s.dir);
        let pupils: BTreeMap<String, (TimetableProfile, Option<NaiveDate>)> =
            read(&s.dir, "alunni")
                .rows
                .iter()
                .map(|r| {
                    let start =
                        (!r["data_iscrizione"].is_empty()).then(|| date(&r["data_iscrizione"]));
                    (r["matricola"].clone(), (profiles[&r["classe"]], start))
                })
                .collect();
        let mut keys = BTreeSet::new();
        let mut minutes: BTreeMap<(String, NaiveDate), u32> = BTreeMap::new();
        for r in read(&s.dir, "assenze").rows {
            let d = date(&r["data"]);
            let (profile, start) = &pupils[&r["matricola"]];
            assert!(cal.is_lesson_day(d, profile), "{} {d}", r["matricola"]);
            assert!(
                start.is_none_or(|s| d >= s),
                "{} {d} before arrival",
                r["matricola"]
            );
            assert!(
                keys.insert((r["matricola"].clone(), d, r["tipo"].clone())),
                "duplicate {r:?}"
            );
            let part = match (r["ore"].as_str(), r["minuti"].as_str()) {
                ("", "") => None,
                (ore, "") => Some((ore.replace(',', ".").parse::<f64>().unwrap() * 60.0) as u32),
                ("", m) => Some(m.parse::<u32>().unwrap()),
                _ => panic!("both ore and minuti: {r:?}"),
            };
            let slot = minutes.entry((r["matricola"].clone(), d)).or_default();
            match part {
                Some(m) => *slot += m,
                // A whole-day record: nothing else that day.
                None => *slot += 10_000,
            }
            let day_minutes = profile.hours_on(d.weekday()) * 60;
            assert!(
                *slot < day_minutes || *slot == 10_000,
                "{} {d}: {slot} of {day_minutes} minutes",
                r["matricola"]
            );
        }
    }
}

/// The school's calendar and each class's profile, read back from the files.
fn calendar_and_profiles(dir: &Path) -> (Calendar, BTreeMap<String, TimetableProfile>) {
    let cal_rows = read(dir, "calendario").rows;
    let lezioni = cal_rows.iter().find(|r| r["tipo"] == "lezioni").unwrap();
    let holidays = cal_rows
        .iter()
        .filter(|r| r["tipo"] == "vacanza")
        .map(|r| {
            let from = date(&r["dal"]);
            let to = if r["al"].is_empty() {
                from
            } else {
                date(&r["al"])
            };
            DateRange::new(from, to).unwrap()
        })
        .collect();
    let cal = Calendar::new(
        date(&lezioni["dal"]),
        date(&lezioni["al"]),
        holidays,
        LessonWeeks::DEFAULT,
    )
    .unwrap();
    let profiles = read(dir, "classi")
        .rows
        .iter()
        .map(|r| {
            let h = |k: &str| r[k].parse::<u32>().unwrap_or(0);
            let days = [
                h("ore_lunedi"),
                h("ore_martedi"),
                h("ore_mercoledi"),
                h("ore_giovedi"),
                h("ore_venerdi"),
                h("ore_sabato"),
            ];
            let p = TimetableProfile::from_days(days).unwrap();
            assert_eq!(p.weekly_hours().get(), h("ore_settimanali"));
            (r["classe"].clone(), p)
        })
        .collect();
    (cal, profiles)
}

#[test]
fn law_159_finds_the_long_spells() {
    use domain::attendance::{law159, AbsenceEvent, AbsenceKind, Pupil, SchoolGrade};
    for (s, expected) in demo().schools.iter().zip([2, 1]) {
        let (cal, profiles) = calendar_and_profiles(&s.dir);
        let mut events: BTreeMap<String, Vec<AbsenceEvent>> = BTreeMap::new();
        for r in read(&s.dir, "assenze").rows {
            let kind = match r["tipo"].as_str() {
                "assenza" => AbsenceKind::WholeDay,
                "ritardo" => AbsenceKind::LateEntry,
                "ingresso_posticipato" => AbsenceKind::DeferredEntry,
                "uscita_anticipata" => AbsenceKind::EarlyExit,
                "astensione" => AbsenceKind::Abstention,
                "uscita_didattica_non_partecipata" => AbsenceKind::MissedSchoolTrip,
                "sospensione" => AbsenceKind::SuspensionWithoutAttendance,
                "sospensione_con_obbligo" => AbsenceKind::SuspensionWithAttendance,
                _ => AbsenceKind::SchoolActivity,
            };
            let minutes = match (r["ore"].as_str(), r["minuti"].as_str()) {
                ("", "") => None,
                ("", m) => Some(m.parse().unwrap()),
                (ore, _) => Some((ore.replace(',', ".").parse::<f64>().unwrap() * 60.0) as u32),
            };
            let e = AbsenceEvent::new(
                date(&r["data"]),
                kind,
                minutes,
                r["giustificata"] == "sì",
                None,
            )
            .unwrap();
            events.entry(r["matricola"].clone()).or_default().push(e);
        }
        let mut flagged = 0;
        for r in read(&s.dir, "alunni").rows {
            let grade = if r["classe"].starts_with('P') {
                SchoolGrade::Primaria
            } else if r["classe"].starts_with('S') {
                SchoolGrade::SecondariaPrimoGrado
            } else {
                SchoolGrade::SecondariaSecondoGrado
            };
            let pupil = Pupil::full_year(grade, profiles[&r["classe"]]);
            let mine = events
                .get(&r["matricola"])
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let report = law159::check(&cal, &pupil, mine, &[], &[], cal.last_lesson_day());
            if !report.episodes.is_empty() {
                flagged += 1;
            }
        }
        // The long spells, and now and then a pupil with many unjustified days anyway.
        assert!(
            (expected..=expected + 8).contains(&flagged),
            "{}: {flagged}",
            s.code
        );
    }
}

#[test]
fn identities_are_who_their_labels_say() {
    let demo = demo();
    let ids: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&demo.identities).unwrap()).unwrap();
    assert!(ids.len() >= 10, "{}", ids.len());
    let labels: BTreeSet<&str> = ids.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(labels.len(), ids.len(), "labels are unique");
    let big = dir_of(demo, "RMIC8PN00X");
    let small = dir_of(demo, "BOPS05000X");
    for id in &ids {
        let cf = id["cf"].as_str().unwrap();
        let label = id["label"].as_str().unwrap();
        CodiceFiscale::parse(cf).unwrap();
        let dir = if label.contains("Liceo") { small } else { big };
        let tutori = read(dir, "tutori").rows;
        let alunni = read(dir, "alunni").rows;
        let personale = read(dir, "personale").rows;
        let listed = label
            .rsplit_once('(')
            .map(|(_, l)| l.trim_end_matches(')').to_owned())
            .unwrap_or_default();
        let name_matches = |r: &BTreeMap<String, String>| {
            r["nome"] == id["given_name"].as_str().unwrap()
                && r["cognome"] == id["family_name"].as_str().unwrap()
        };
        if label.starts_with("Genitore") {
            let mine: Vec<&BTreeMap<String, String>> = tutori
                .iter()
                .filter(|r| r["codice_fiscale"] == cf)
                .collect();
            assert!(mine.iter().all(|r| name_matches(r)), "{label}");
            let mut classes: Vec<String> = mine
                .iter()
                .map(|r| {
                    alunni
                        .iter()
                        .find(|a| a["matricola"] == r["matricola"])
                        .unwrap()["classe"]
                        .clone()
                })
                .collect();
            classes.sort();
            let n = if label.contains("tre alunni") {
                3
            } else if label.contains("due alunni") {
                2
            } else {
                1
            };
            assert_eq!(classes.len(), n, "{label}");
            assert_eq!(listed, classes.join(", "), "{label}");
        } else if label.starts_with("Docente") {
            let m = personale
                .iter()
                .find(|r| r["codice_fiscale"] == cf && r["ruolo"] == "docente")
                .unwrap_or_else(|| panic!("{label}"));
            assert!(name_matches(m));
            assert_eq!(m["classi"], listed, "{label}");
        } else if label.starts_with("Coordinatore") {
            let m = personale
                .iter()
                .find(|r| r["codice_fiscale"] == cf && r["ruolo"] == "docente")
                .unwrap_or_else(|| panic!("{label}"));
            assert!(name_matches(m));
            assert!(
                m["coordinatore"].split(", ").any(|c| c == listed),
                "{label}"
            );
        } else if label.starts_with("Segreteria") || label.starts_with("Dirigente") {
            let r = if label.starts_with("Segreteria") {
                "segreteria"
            } else {
                "dirigente"
            };
            assert!(
                personale
                    .iter()
                    .any(|m| m["codice_fiscale"] == cf && m["ruolo"] == r && name_matches(m)),
                "{label}"
            );
        } else {
            assert_eq!(label, "Persona senza figli a scuola");
            for s in &demo.schools {
                for f in FILES {
                    assert!(!read(&s.dir, f).text.contains(cf), "{cf} in {f}");
                }
            }
        }
    }
    for expected in [
        "Genitore di un alunno (P3B)",
        "Persona senza figli a scuola",
        "Docente (P1A, P1B)",
        "Segreteria",
        "Dirigente scolastico",
        "Segreteria — Liceo Scientifico dei Colli",
    ] {
        assert!(labels.contains(expected), "{expected}: {labels:?}");
    }
    assert!(labels
        .iter()
        .any(|l| l.starts_with("Genitore di due alunni (P")));
    assert!(labels
        .iter()
        .any(|l| l.starts_with("Genitore di tre alunni (")));
}

#[test]
fn the_pupils_standing_covers_every_case() {
    use domain::attendance::{NextYearChoice, Outcome, SchoolGrade, WithdrawalKind};
    use domain::import::{parse_file, ImportContext, PupilRow};
    let today = date(DEMO_TODAY);
    let march_15 = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
    let rows = |s: &DemoSchool| -> Vec<PupilRow> {
        let bytes = std::fs::read(s.dir.join("alunni.csv")).unwrap();
        let p = parse_file::<PupilRow>(&bytes, &ImportContext::format_only());
        assert_eq!(p.errors, vec![]);
        p.rows.into_iter().map(|(_, r)| r).collect()
    };
    let grade = |class: &str| match class.chars().next() {
        Some('P') => SchoolGrade::Primaria,
        Some('S') => SchoolGrade::SecondariaPrimoGrado,
        _ => SchoolGrade::SecondariaSecondoGrado,
    };
    let demo = demo();
    let ic = rows(&demo.schools[0]);
    let kind = |r: &PupilRow| r.status.withdrawal.map(|w| (w.kind, w.on));
    assert!(ic
        .iter()
        .any(|r| matches!(kind(r), Some((WithdrawalKind::Ritiro, d)) if d < march_15)));
    assert!(ic
        .iter()
        .any(|r| matches!(kind(r), Some((WithdrawalKind::Ritiro, d)) if d > march_15)));
    for k in [WithdrawalKind::Abbandono, WithdrawalKind::Trasferimento] {
        assert!(ic.iter().any(|r| kind(r).map(|k| k.0) == Some(k)), "{k:?}");
    }
    // Home schooling in primaria and in secondaria di primo grado (ARS, seed 000).
    let home: Vec<&PupilRow> = ic.iter().filter(|r| r.status.home_schooling).collect();
    assert_eq!(home.len(), 2);
    assert!(home.iter().any(|r| r.class.as_str().starts_with('P')));
    assert!(home.iter().any(|r| r.class.as_str().starts_with('S')));
    let third: Vec<&PupilRow> = ic
        .iter()
        .filter(|r| r.class.as_str().starts_with("S3"))
        .collect();
    assert!(third.len() > 20);
    assert!(third.iter().any(|r| r.status.next_year.is_none()));
    assert!(third
        .iter()
        .any(|r| r.status.next_year == Some(NextYearChoice::Istruzione)));
    assert!(third
        .iter()
        .any(|r| r.status.next_year == Some(NextYearChoice::Nessuna)
            && r.status.outcome == Some(Outcome::NonAmmesso)));
    assert!(ic.iter().any(|r| r.status.birth_date.is_none()));
    // An early starter of primaria, still 5: not of compulsory-school age.
    assert!(ic.iter().any(|r| {
        let o = r
            .status
            .obligation(grade(r.class.as_str()), r.class.as_str(), today);
        r.status.birth_date.is_some() && !o.subject
    }));
    // The liceo: a 16-year-old of the second year and a third year without a date of birth are
    // not subject; a second year without one is.
    let liceo = rows(&demo.schools[1]);
    let subject = |r: &PupilRow| {
        r.status
            .obligation(SchoolGrade::SecondariaSecondoGrado, r.class.as_str(), today)
            .subject
    };
    assert!(liceo
        .iter()
        .any(|r| r.class.as_str() == "2A" && r.status.birth_date.is_none() && subject(r)));
    assert!(liceo
        .iter()
        .any(|r| r.class.as_str() == "3A" && r.status.birth_date.is_none() && !subject(r)));
    assert!(liceo
        .iter()
        .any(|r| r.class.as_str() == "2A" && r.status.birth_date.is_some() && !subject(r)));
    assert!(liceo
        .iter()
        .any(|r| r.status.outcome == Some(Outcome::GiudizioSospeso)));
}
