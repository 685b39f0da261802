//! The CSV files of the family portal and of the school's notices: the family's export
//! (`GET /api/v1/me/export?format=csv`) and who has acknowledged a notice
//! (`GET /api/v1/notices/{id}/acknowledgements?format=csv`), and the school's attendance desk
//! (`GET /api/v1/schools/{id}/attendance?format=csv`). Headings and values are words, the
//! catalogue's that the pages write ("Ingresso posticipato", "In attesa di decisione", the
//! school's name for a derogation category), dates `DD/MM/YYYY`, times `HH:MM` on Rome's clock,
//! hours as "12 h 30 min"; the JSON of the same endpoints keeps the codes. The family's export
//! is in the family's language (its headings and words from the family's catalogue); the
//! school's files, like those of a search and of the lists (`domain::shortlist`), are in
//! Italian whatever the reader's language: a UTF-8 byte order mark (so a spreadsheet reads UTF-8), a heading row, then rows
//! written by `domain::family::csv_row` (`;`, CRLF, formula-safe).

use crate::i18n::{date_it, date_time_it, fill, Lang};
use crate::pages::famiglia::hours;
use domain::api::types::{ArsList, Export};
use domain::family::{csv_row, DeskRow, NoticeReport, Standing};

/// The language of the files.
const LANG: Lang = Lang::It;

/// The columns of the family's export (in Italian): one table, each row one record, the first
/// cell saying which.
pub const FAMILY_COLUMNS: [&str; 7] = crate::i18n_family::FAMILY_IT.csv_columns;

const ACKNOWLEDGED: &str = "Presa visione";
const YES: &str = "sì";
const NO: &str = "no";

/// The byte order mark and the heading.
fn start(columns: &[&str]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_row(columns));
    out
}

/// Everything of [`Export`] as one table, in Italian.
pub fn family_csv(e: &Export) -> String {
    family_csv_in(e, LANG)
}

/// Everything of [`Export`] as one table in `lang`: the guardian, then each child's position,
/// absences and derogation requests, then the notices.
pub fn family_csv_in(e: &Export, lang: Lang) -> String {
    let ft = lang.family();
    let mut out = start(&ft.csv_columns);
    let (guardian, position, absence, notice) = (
        ft.csv_guardian,
        ft.csv_position,
        ft.csv_absence,
        ft.csv_notice,
    );
    let g = &e.guardian;
    let name = format!("{} {}", g.given_name, g.family_name);
    for (what, value) in [
        (ft.csv_full_name, name.as_str()),
        (ft.csv_tax_code, &g.codice_fiscale),
    ] {
        out.push_str(&csv_row(&[guardian, "", "", what, "", "", value]));
    }
    for c in &e.children {
        let who = format!("{} {} ({})", c.name, c.surname, c.class_code);
        let d = &c.dashboard;
        let as_of = date_it(d.as_of);
        for (what, amount) in [
            (
                ft.csv_annual_hours,
                hours(lang, d.annual_hours.saturating_mul(60)),
            ),
            (
                ft.csv_max_hours,
                hours(lang, d.max_absence_hours.saturating_mul(60)),
            ),
            (ft.counted, hours(lang, d.counted_absence_minutes)),
            (ft.remaining, hours(lang, d.remaining_minutes)),
            (
                ft.remaining_days,
                lang.count(&ft.days, u64::from(d.remaining_days), &[]),
            ),
            (ft.derogated, hours(lang, d.derogated_minutes)),
            (ft.pending_deroga, hours(lang, d.pending_deroga_minutes)),
        ] {
            out.push_str(&csv_row(&[position, &who, &as_of, what, &amount, "", ""]));
        }
        for v in &c.absences {
            let a = &v.absence;
            let justification = a
                .justification
                .as_ref()
                .map(|j| format!("{} — {}", ft.reason(j.reason), ft.request_status(j.status)))
                .unwrap_or_default();
            out.push_str(&csv_row(&[
                absence,
                &who,
                &date_it(a.date),
                ft.kind(a.kind),
                &a.minutes.map(|m| hours(lang, m)).unwrap_or_default(),
                if a.justified {
                    ft.justified_yes
                } else {
                    ft.justified_no
                },
                &justification,
            ]));
        }
        for r in &c.derogations {
            let dates = fill(
                ft.deroga_range,
                &[("from", &date_it(r.from)), ("to", &date_it(r.to))],
            );
            out.push_str(&csv_row(&[
                ft.rq_deroga,
                &who,
                &dates,
                c.category_label(r.category.as_str()),
                "",
                ft.request_status(r.status),
                "",
            ]));
        }
    }
    for n in &e.notices {
        let acks = if n.requires_ack {
            n.pupils
                .iter()
                .map(|p| {
                    let name = e
                        .children
                        .iter()
                        .find(|c| c.pupil_id == p.pupil_id)
                        .map(|c| format!("{} {}", c.name, c.surname))
                        .unwrap_or_else(|| p.pupil_id.to_string());
                    let when = p
                        .acknowledged_at
                        .map(date_time_it)
                        .unwrap_or_else(|| ft.sn_not_yet.to_owned());
                    fill(ft.csv_ack_of, &[("name", &name), ("when", &when)])
                })
                .collect::<Vec<_>>()
                .join("; ")
        } else {
            String::new()
        };
        out.push_str(&csv_row(&[
            notice,
            "",
            &date_time_it(n.published_at),
            &n.title,
            "",
            if n.read {
                ft.notice_read
            } else {
                ft.notice_unread
            },
            &acks,
        ]));
    }
    out
}

/// The columns of a notice's acknowledgements: the page's table, with a yes/no column to filter.
pub fn ack_columns() -> [&'static str; 5] {
    let ft = LANG.family();
    [
        ft.sn_col_class,
        ft.sn_col_pupil,
        ACKNOWLEDGED,
        ft.sn_col_when,
        ft.sn_col_by,
    ]
}

/// Every pupil a notice reaches, in the order of the report, with whether, when and by whom
/// it was acknowledged.
pub fn acknowledgements_csv(r: &NoticeReport) -> String {
    let mut out = start(&ack_columns());
    for p in &r.pupils {
        out.push_str(&csv_row(&[
            p.class_code.as_str(),
            p.pupil.as_str(),
            if p.acknowledged_at.is_some() { YES } else { NO },
            &p.acknowledged_at.map(date_time_it).unwrap_or_default(),
            p.acknowledged_by.as_deref().unwrap_or(""),
        ]));
    }
    out
}

/// One line of the school's attendance desk in words, in the order of `DeskTexts::columns`:
/// the page's table and the CSV file say the same.
pub fn desk_cells(lang: Lang, r: &DeskRow) -> [String; 15] {
    let dt = lang.desk();
    let day = |d: Option<chrono::NaiveDate>| d.map(date_it).unwrap_or_default();
    let standing = [Standing::Regular, Standing::Near, Standing::Over]
        .into_iter()
        .find(|s| r.is(*s))
        .map_or("", |s| dt.standing(s));
    [
        r.surname.clone(),
        r.name.clone(),
        r.class_code.clone(),
        hours(lang, r.counted_absence_minutes),
        hours(lang, r.max_absence_hours * 60),
        hours(lang, r.remaining_minutes),
        r.remaining_days.to_string(),
        r.limit_used_percent
            .map(|p| lang.percent(p))
            .unwrap_or_default(),
        standing.to_owned(),
        day(r.limit_crossed_on),
        day(r.forecast_crossing_on),
        day(r.threshold_reached_on),
        day(r.law159_flagged_on),
        day(r.elusione_reached_on),
        r.to_justify.to_string(),
    ]
}

/// The desk's lines as a CSV file, in Italian.
pub fn desk_csv(rows: &[DeskRow]) -> String {
    let mut out = start(&LANG.desk().columns);
    for r in rows {
        out.push_str(&csv_row(&desk_cells(LANG, r)));
    }
    out
}

/// The columns of the ARS lists' file: the communication with its deadline, then the fields of
/// the pupil ARS asks for that Ponte holds (seed 000, Allegato 2, FAQ 2), why Ponte lists the
/// pupil, and what the school recorded.
pub const ARS_COLUMNS: [&str; 12] = [
    "Comunicazione",
    "Scadenza",
    "Cognome",
    "Nome",
    "Codice fiscale",
    "Data di nascita",
    "Matricola",
    "Classe",
    "Data dell'evento",
    "Motivo",
    "Inviata il",
    "Registrata da",
];

/// The ARS lists as one CSV file, in Italian (one row a pupil and communication).
pub fn ars_csv(lists: &[&ArsList]) -> String {
    let at = LANG.ars();
    let day = |d: Option<chrono::NaiveDate>| d.map(date_it).unwrap_or_default();
    let mut out = start(&ARS_COLUMNS);
    for l in lists {
        for i in &l.items {
            let sent = i.sent.as_ref();
            out.push_str(&csv_row(&[
                at.communication(l.communication).to_owned(),
                at.due(&i.need.due),
                i.surname.clone(),
                i.name.clone(),
                i.codice_fiscale.clone().unwrap_or_default(),
                day(i.birth_date),
                i.matricola.clone(),
                i.class_code.clone(),
                day(i.need.event_on),
                at.basis(&i.need.basis),
                day(sent.map(|s| s.on)),
                sent.map(|s| s.by_name.clone().unwrap_or_else(|| s.by.clone()))
                    .unwrap_or_default(),
            ]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::api::types::Guardian;
    use domain::attendance::{
        presets, AbsenceKind, Calendar, DerogaCategoryCode, LessonWeeks, Pupil, SchoolGrade,
        TimetableProfile,
    };
    use domain::family::{
        ack_report, assess, Absence, Audience, Child, DerogaRecord, Justification,
        JustificationReason, Notice, NoticePupil, Place, Register, RequestStatus, RollPupil,
    };

    fn d(s: &str) -> chrono::NaiveDate {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap() // ok: test
    }

    /// 19 March 2026 10:15 in Rome.
    const MORNING: i64 = 1_773_911_700;

    fn notice(pupils: Vec<NoticePupil>) -> Notice {
        Notice {
            withdrawn_at: None,
            reminded_at: None,
            id: 4,
            school_id: 1,
            title: "=Uscita; al museo".into(),
            body: "Partenza alle 8.30.".into(),
            audience: Audience::School,
            requires_ack: true,
            published_at: MORNING,
            read: true,
            pupils,
        }
    }

    fn export() -> Export {
        let profile = TimetableProfile::from_days([6, 6, 6, 6, 6, 0]).unwrap(); // ok: test
        let child = Child {
            id: 7,
            school_id: 1,
            school: "Scuola".into(),
            name: "Anna".into(),
            surname: "Rossi".into(),
            class_code: "2B".into(),
            grade: SchoolGrade::SecondariaPrimoGrado,
            pupil: Pupil::full_year(SchoolGrade::SecondariaPrimoGrado, profile),
            calendar: Calendar::new(
                d("2025-09-15"),
                d("2026-06-10"),
                vec![],
                LessonWeeks::DEFAULT,
            )
            .unwrap(), // ok: test
            policy: presets::seed_003().unwrap(), // ok: test
            status: Default::default(),
        };
        let late = Absence::new(
            1,
            d("2026-03-19"),
            AbsenceKind::DeferredEntry,
            Some(70),
            false,
            Some(Justification {
                id: 10,
                reason: JustificationReason::Family,
                status: RequestStatus::Pending,
                requested_at: MORNING,
                decided_at: None,
                refusal: None,
            }),
        )
        .unwrap(); // ok: test
        let day =
            Absence::new(2, d("2026-03-02"), AbsenceKind::WholeDay, None, true, None).unwrap(); // ok: test
        let deroga = DerogaRecord::new(
            3,
            7,
            DerogaCategoryCode::new("grave_malattia").unwrap(), // ok: test
            d("2026-03-02"),
            d("2026-03-03"),
            RequestStatus::Pending,
            MORNING,
            None,
        )
        .unwrap(); // ok: test
        let register = Register {
            place: Place {
                pupil_id: 7,
                school_id: 1,
                class_code: "2B".into(),
            },
            child: Some(child),
            absences: vec![day, late],
            deroghe: vec![deroga],
            unacknowledged: vec![],
            absences_imported_at: None,
            law159: Default::default(),
        };
        Export {
            generated_at: "2026-03-20 10:00".into(),
            guardian: Guardian {
                codice_fiscale: "RSSMRA80A41H501X".into(),
                given_name: "Maria".into(),
                family_name: "Rossi".into(),
            },
            children: vec![assess(register, d("2026-03-20")).unwrap()], // ok: test
            notices: vec![notice(vec![NoticePupil {
                pupil_id: 7,
                acknowledged_at: Some(MORNING),
            }])],
        }
    }

    fn rows(csv: &str) -> Vec<&str> {
        csv.strip_prefix('\u{feff}')
            .expect("a byte order mark") // ok: test
            .split_terminator("\r\n")
            .collect()
    }

    #[test]
    fn the_family_export_is_in_words_with_italian_dates_and_hours() {
        let csv = family_csv(&export());
        let rows = rows(&csv);
        assert_eq!(rows[0], "Tipo;Alunno;Data;Voce;Durata;Stato;Dettaglio");
        assert_eq!(rows[1], "Genitore;;;Nome e cognome;;;Maria Rossi");
        assert_eq!(rows[2], "Genitore;;;Codice fiscale;;;RSSMRA80A41H501X");
        assert!(rows.contains(&"Situazione;Anna Rossi (2B);20/03/2026;Monte ore annuale;990 h;;"));
        assert!(rows.contains(
            &"Assenza;Anna Rossi (2B);19/03/2026;Ingresso posticipato;1 h 10 min;\
              Non giustificata;Motivi di famiglia — In attesa di decisione"
        ));
        assert!(
            rows.contains(&"Assenza;Anna Rossi (2B);02/03/2026;Assenza giornaliera;;Giustificata;")
        );
        let deroga = rows
            .iter()
            .find(|r| r.starts_with("Richiesta di deroga;"))
            .expect("the derogation request"); // ok: test
        assert!(
            deroga.starts_with(
                "Richiesta di deroga;Anna Rossi (2B);dal 02/03/2026 al 03/03/2026;\
                 \"Assenze continuative superiori a 30 giorni"
            ),
            "{deroga}"
        );
        // The school's name of the category has commas: quoted.
        assert!(deroga.ends_with("\";;In attesa di decisione;"), "{deroga}");
        // A title that reads as a formula is quoted and defused.
        assert_eq!(
            rows.last().copied(),
            Some(
                "Avviso;;19/03/2026 10:15;\"'=Uscita; al museo\";;Letto;\
                 Presa visione per Anna Rossi: 19/03/2026 10:15"
            )
        );
        // No code of the JSON is left in a cell.
        for code in [
            "deferred_entry",
            "whole_day",
            "pending",
            "family",
            "grave_malattia",
        ] {
            assert!(!csv.contains(code), "{code} in\n{csv}");
        }
    }

    #[test]
    fn the_ars_file_is_in_words_and_formula_safe() {
        use domain::api::types::ArsItem;
        use domain::attendance::ars::{Basis, Communication, Due, Need, Sent};
        let item = |id, surname: &str, sent: Option<Sent>| ArsItem {
            pupil_id: id,
            surname: surname.into(),
            name: "Anna".into(),
            class_code: "2B".into(),
            matricola: "M1".into(),
            codice_fiscale: Some("RSSNNA12A41H501X".into()),
            birth_date: Some(d("2012-01-01")),
            need: Need {
                communication: Communication::RitiroDopo1503,
                basis: Basis::Recorded,
                event_on: Some(d("2026-03-17")),
                due: Due::Promptly {
                    since: Some(d("2026-03-17")),
                },
            },
            overdue: false,
            sent,
        };
        let list = ArsList {
            communication: Communication::RitiroDopo1503,
            dropout: true,
            due_by: None,
            to_send: 1,
            items: vec![
                item(1, "=Rossi", None),
                item(
                    2,
                    "Bianchi",
                    Some(Sent {
                        on: d("2026-03-18"),
                        by: "X".into(),
                        by_name: Some("Maria Neri".into()),
                    }),
                ),
            ],
        };
        assert_eq!(
            rows(&ars_csv(&[&list])),
            [
                "Comunicazione;Scadenza;Cognome;Nome;Codice fiscale;Data di nascita;Matricola;Classe;Data dell'evento;Motivo;Inviata il;Registrata da",
                "Ritiro formale dopo il 15/03;Puntuale: da inviare subito (dal 17/03/2026);\"'=Rossi\";Anna;RSSNNA12A41H501X;01/01/2012;M1;2B;17/03/2026;Dal file alunni;;",
                "Ritiro formale dopo il 15/03;Puntuale: da inviare subito (dal 17/03/2026);Bianchi;Anna;RSSNNA12A41H501X;01/01/2012;M1;2B;17/03/2026;Dal file alunni;18/03/2026;Maria Neri",
            ]
        );
    }

    #[test]
    fn the_acknowledgements_say_yes_or_no_and_when_on_rome_s_clock() {
        let roll = |id, pupil: &str, at: Option<i64>| RollPupil {
            pupil_id: id,
            pupil: pupil.into(),
            class_code: "2B".into(),
            grade: Some(SchoolGrade::SecondariaPrimoGrado),
            acknowledged_at: at,
            acknowledged_by: at.map(|_| "Maria Rossi".into()),
        };
        let r = ack_report(
            notice(vec![]),
            vec![
                roll(7, "Rossi Anna", Some(MORNING)),
                roll(8, "Bianchi Luca", None),
            ],
        );
        assert_eq!(
            rows(&acknowledgements_csv(&r)),
            [
                "Classe;Alunno;Presa visione;Quando;Da",
                "2B;Rossi Anna;sì;19/03/2026 10:15;Maria Rossi",
                "2B;Bianchi Luca;no;;",
            ]
        );
    }
}
