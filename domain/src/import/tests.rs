//! Example files of every kind, every error path, chunks read as the whole file, no panics.

use super::engine::{Schema, Seen};
use super::text::windows_1252;
use super::*;
use crate::attendance::{
    AbsenceKind, DateRange, Enrolment, NextYearChoice, Outcome, Pupil, SchoolGrade, SchoolStatus,
    TimetableProfile, Withdrawal, WithdrawalKind,
};
use chrono::NaiveDate;
use proptest::prelude::*;
use std::fmt::Debug;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn ctx() -> ImportContext {
    ImportContext::new(
        ["1A", "3B", "5AINF", "not a class!"],
        ["1001", "1002", "1003", "1004", "bad matricola"],
    )
}

/// Windows-1252 bytes of `s` (every character must have one).
fn cp1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| (0..=255u8).find(|&b| windows_1252(b) == c).unwrap())
        .collect()
}

fn ok<R: Row + Debug>(bytes: &[u8], ctx: &ImportContext) -> Vec<(u32, R)> {
    let p = parse_file::<R>(bytes, ctx);
    assert!(p.errors.is_empty(), "{:#?}", p.errors);
    p.rows
}

/// The errors of a file as (line, column, reason), for compact assertions.
fn errors<R: Row>(text: &str, ctx: &ImportContext) -> Vec<(u32, Option<String>, String)> {
    let p = parse_file::<R>(text.as_bytes(), ctx);
    p.errors
        .into_iter()
        .map(|e| (e.line, e.column, e.reason))
        .collect()
}

/// The only error of a one-row file, as (column, value, reason).
fn one_error<R: Row>(text: &str) -> (Option<String>, String, String) {
    let p = parse_file::<R>(text.as_bytes(), &ctx());
    assert_eq!(p.errors.len(), 1, "{:#?}", p.errors);
    assert!(p.rows.is_empty());
    let e = p.errors.into_iter().next().unwrap();
    (e.column, e.value, e.reason)
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

// --- classi --------------------------------------------------------------------------------

const CLASSI: &str = "\u{FEFF}Classe;Ordine;Ore settimanali;Ore Lunedì;Ore-Martedì;ORE MERCOLEDI;\
Ore Giovedì;Ore Venerdì;Ore Sabato;Coordinatore\r\n\
1A;primaria;27;6;6;5;5;5;;Bianchi\r\n\
3 b;Secondaria di primo grado;30;6;6;6;6;6;0;Verdi\r\n\
\r\n\
5AINF;secondaria II grado;32;6;6;5;5;5;5;\r\n";

#[test]
fn classi_example_with_bom_crlf_and_an_unknown_column() {
    let p = parse_file::<ClassRow>(CLASSI.as_bytes(), &ctx());
    assert!(p.errors.is_empty(), "{:#?}", p.errors);
    assert_eq!(
        p.warnings,
        [ImportWarning {
            column: "Coordinatore".into(),
            message: "La colonna «Coordinatore» non è prevista nel file classi ed è ignorata."
                .into()
        }]
    );
    let lines: Vec<u32> = p.rows.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [2, 3, 5]);
    let (_, b) = &p.rows[1];
    assert_eq!(b.class.as_str(), "3B");
    assert_eq!(b.grade, SchoolGrade::SecondariaPrimoGrado);
    assert_eq!(b.profile.hours_per_weekday(), [6, 6, 6, 6, 6, 0]);
    assert_eq!(p.rows[2].1.grade, SchoolGrade::SecondariaSecondoGrado);
    assert_eq!(p.rows[0].1.key(), "1A");
    assert_eq!(
        json(&p.rows[0].1),
        r#"{"class":"1A","grade":"primaria","profile":{"weekly_hours":27,"hours_per_weekday":[6,6,5,5,5,0]}}"#
    );
    let back: ClassRow = serde_json::from_str(&json(&p.rows[0].1)).unwrap();
    assert_eq!(back, p.rows[0].1);
}

const CLASSI_HEADER: &str = "classe,ordine,ore_settimanali,ore_lunedi,ore_martedi,ore_mercoledi,\
ore_giovedi,ore_venerdi\n";

#[test]
fn classi_errors() {
    let f = |row: &str| one_error::<ClassRow>(&format!("{CLASSI_HEADER}{row}\n"));
    let (col, value, reason) = f("1A,primaria,30,6,6,6,6,5");
    assert_eq!(
        (col.as_deref(), value.as_str()),
        (Some("ore_settimanali"), "30")
    );
    assert_eq!(
        reason,
        "Le ore dei giorni sommano a 29, ma le ore settimanali indicate sono 30."
    );
    let (col, _, reason) = f("1A,primaria,30,13,6,6,5,0");
    assert_eq!(col.as_deref(), Some("ore_lunedi"));
    assert_eq!(
        reason,
        "Le ore del lunedì devono essere un numero intero da 0 a 12."
    );
    let (col, _, reason) = f("1A,infanzia,30,6,6,6,6,6");
    assert_eq!(col.as_deref(), Some("ordine"));
    assert!(reason.starts_with("Ordine di scuola non riconosciuto"));
    let (col, _, _) = f("1A,primaria,61,6,6,6,6,6");
    assert_eq!(col.as_deref(), Some("ore_settimanali"));
    let (col, _, _) = f("1A,primaria,30,6,6,6,6,6.5");
    assert_eq!(col.as_deref(), Some("ore_venerdi"));
    let (col, value, _) = f("3°A,primaria,30,6,6,6,6,6");
    assert_eq!((col.as_deref(), value.as_str()), (Some("classe"), "3°A"));
    // Every bad cell of a row is reported.
    let e = errors::<ClassRow>(&format!("{CLASSI_HEADER},x,y,6,6,6,6,6\n"), &ctx());
    let cols: Vec<_> = e.iter().map(|(_, c, _)| c.as_deref().unwrap()).collect();
    assert_eq!(cols, ["classe", "ordine", "ore_settimanali"]);
    // A duplicate key, in any spelling.
    let e = errors::<ClassRow>(
        &format!("{CLASSI_HEADER}3A,primaria,30,6,6,6,6,6\n3 a,primaria,30,6,6,6,6,6\n"),
        &ctx(),
    );
    assert_eq!(
        e,
        [(
            3,
            Some("classe".into()),
            "Duplicato della riga 2: la classe 3A compare già.".into()
        )]
    );
}

#[test]
fn header_errors_are_errors_of_the_file() {
    let e = errors::<ClassRow>("classe\n1A\n", &ctx());
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].0, 1);
    assert!(e[0].2.contains("non ci sono separatori"));
    let e = errors::<ClassRow>("classe;ordine,ore\n", &ctx());
    assert!(e[0].2.contains("sia ; sia ,"));
    // Missing and repeated columns: all listed, and no row is read.
    let e = errors::<ClassRow>("Classe;classe ;ordine\n1A;1A;primaria\n", &ctx());
    let reasons: Vec<&str> = e.iter().map(|(_, _, r)| r.as_str()).collect();
    assert_eq!(
        reasons[0],
        "La colonna «classe» compare due volte nell'intestazione (colonne 1 e 2)."
    );
    assert_eq!(
        reasons[1],
        "Manca la colonna obbligatoria «ore_settimanali»."
    );
    assert_eq!(e.len(), 1 + 6);
    assert!(e.iter().all(|(line, _, _)| *line == 1));
    // Empty files, UTF-16 files.
    let e = errors::<ClassRow>("\n \r\n", &ctx());
    assert!(e[0].2.starts_with("Il file è vuoto"));
    let p = parse_file::<ClassRow>(b"\xFF\xFEc\0l\0", &ctx());
    assert!(p.errors[0].reason.contains("UTF-16"));
    // A header with a stray quote.
    let e = errors::<ClassRow>("classe;\"ordine\"x;ore\n", &ctx());
    assert!(e[0].2.starts_with("Dopo le virgolette"));
    // A quote left open swallows the separators after it.
    let e = errors::<ClassRow>("cla\"sse;ordine\n", &ctx());
    assert!(e[0].2.contains("non ci sono separatori"));
}

#[test]
fn header_may_follow_empty_lines_and_have_unnamed_columns() {
    let text = format!("\n\n;{CLASSI_HEADER}\n;1A,primaria,30,6,6,6,6,6\n");
    // Both `;` and `,` in the header.
    let p = parse_file::<ClassRow>(text.as_bytes(), &ctx());
    assert!(p.errors[0].reason.contains("sia ; sia ,"));
    let text = format!("\n\n,{CLASSI_HEADER}\n,1A,primaria,30,6,6,6,6,6\n");
    let p = parse_file::<ClassRow>(text.as_bytes(), &ctx());
    assert!(p.errors.is_empty(), "{:#?}", p.errors);
    assert_eq!(p.rows[0].0, 5);
    assert_eq!(
        p.warnings[0].message,
        "La colonna 1 dell'intestazione non ha nome: i suoi valori sono ignorati."
    );
}

// --- calendario ----------------------------------------------------------------------------

const CALENDARIO: &str = "tipo,dal,al,descrizione
lezioni,15/09/2025,10/06/2026,
vacanza,01/11/2025,,Ognissanti
Vacanze,23/12/2025,06/01/2026,Vacanze di Natale
vacanza,2026-04-02,2026-04-07,\"Vacanze di Pasqua, ponte\"
";

#[test]
fn calendario_example() {
    let c = parse_calendar(CALENDARIO.as_bytes()).unwrap();
    assert_eq!(c.calendar().first_lesson_day(), d(2025, 9, 15));
    assert_eq!(c.calendar().last_lesson_day(), d(2026, 6, 10));
    assert_eq!(c.calendar().holidays().len(), 3);
    assert!(c.calendar().is_holiday(d(2025, 11, 1)));
    assert!(c.calendar().is_holiday(d(2026, 1, 6)));
    assert_eq!(
        c.holidays()[2].description.as_deref(),
        Some("Vacanze di Pasqua, ponte")
    );
    assert_eq!(c.holidays()[0].period, DateRange::day(d(2025, 11, 1)));
    assert!(c.warnings().is_empty());
    let j = json(&c);
    assert!(
        j.starts_with(r#"{"calendar":{"first_lesson_day":"2025-09-15","last_lesson_day":"2026-06-10","holidays":[{"from":"2025-11-01","to":"2025-11-01"},"#),
        "{j}"
    );
    assert!(
        j.ends_with(r#""holidays":[{"period":{"from":"2025-11-01","to":"2025-11-01"},"description":"Ognissanti"},{"period":{"from":"2025-12-23","to":"2026-01-06"},"description":"Vacanze di Natale"},{"period":{"from":"2026-04-02","to":"2026-04-07"},"description":"Vacanze di Pasqua, ponte"}]}"#),
        "{j}"
    );
}

#[test]
fn calendario_errors_on_their_lines() {
    let e = |text: &str| {
        parse_calendar(text.as_bytes())
            .unwrap_err()
            .into_iter()
            .map(|e| (e.line, e.column.unwrap_or_default(), e.reason))
            .collect::<Vec<_>>()
    };
    // No lessons row.
    let r = e("tipo;dal\nvacanza;01/11/2025\n");
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].0, r[0].1.as_str()), (1, "tipo"));
    assert!(r[0].2.starts_with("Manca la riga di tipo lezioni"));
    // Everything at once, each on its line.
    let r = e(&format!(
        "tipo;dal;al;descrizione
lezioni;14/09/2025;10/06/2026
vacanza;01/08/2025;;Estate
vacanza;14/09/2025;20/09/2025
lezioni;15/09/2025;10/06/2026
vacanza;31/02/2026
vacanza;10/01/2026;09/01/2026
lezioni;15/09/2025
ferie;15/09/2025
vacanza;10/01/2026;;\"{}\"
",
        "à".repeat(81)
    ));
    let summary: Vec<(u32, &str)> = r.iter().map(|(l, c, _)| (*l, c.as_str())).collect();
    assert_eq!(
        summary,
        [
            (2, "dal"),
            (3, "dal"),
            (4, "dal"),
            (5, "tipo"),
            (6, "dal"),
            (7, "al"),
            (8, "al"),
            (9, "tipo"),
            (10, "descrizione")
        ],
        "{r:#?}"
    );
    assert_eq!(
        r[0].2,
        "Il primo giorno di lezione, 14/09/2025, è una domenica."
    );
    assert!(r[1]
        .2
        .starts_with("La vacanza deve cadere tra il primo (14/09/2025)"));
    assert!(r[2].2.contains("primo o l'ultimo giorno di lezione"));
    assert!(r[3]
        .2
        .starts_with("Il periodo delle lezioni è già indicato alla riga 2"));
    assert_eq!(r[4].2, "La data 31/02/2026 non esiste.");
    assert_eq!(r[5].2, "La data al non può precedere la data dal.");
    assert!(r[6].2.starts_with("Per la riga lezioni indicare in al"));
    assert!(r[8].2.contains("al massimo 80 caratteri"));
    // The last lesson day on a Sunday, a year too long.
    let r = e("tipo,dal,al\nlezioni,15/09/2025,14/06/2026\n");
    assert_eq!(
        r[0].2,
        "L'ultimo giorno di lezione, 14/06/2026, è una domenica."
    );
    let r = e("tipo,dal,al\nlezioni,15/09/2025,16/09/2026\n");
    assert_eq!(
        r[0].2,
        "Un anno scolastico non può durare più di 366 giorni."
    );
}

// --- alunni --------------------------------------------------------------------------------

const ALUNNI: &str = "Matricola,Cognome,Nome,Classe,Codice fiscale,Data iscrizione,\
Ore assenza provenienza,Monte ore personalizzato\r\n\
1001,Rossi,Mario,3B,rssmra85t10a562s,,,\r\n\
1002,\"D'Angelo\",\"Niccolò\",3b,DNGNCL10E12H501V,10/01/2026,,\r\n\
1003,\"Bianchi, in Ferri\",Zoë,1A,,2025-11-03,\"12,5\",\r\n\
1004,Brunetti,Chiara,1A,,,,700\r\n";

#[test]
fn alunni_example_in_windows_1252() {
    let bytes = cp1252(ALUNNI);
    assert!(std::str::from_utf8(&bytes).is_err());
    let rows = ok::<PupilRow>(&bytes, &ctx());
    assert_eq!(rows.len(), 4);
    let (line, niccolo) = &rows[1];
    assert_eq!(*line, 3);
    assert_eq!(niccolo.surname.as_str(), "D'Angelo");
    assert_eq!(niccolo.name.as_str(), "Niccolò");
    assert_eq!(niccolo.class.as_str(), "3B");
    assert_eq!(
        niccolo.enrolment,
        Enrolment::Late {
            start: d(2026, 1, 10)
        }
    );
    assert_eq!(rows[2].1.surname.as_str(), "Bianchi, in Ferri");
    assert_eq!(
        rows[2].1.enrolment,
        Enrolment::Transfer {
            start: d(2025, 11, 3),
            previous_absence_minutes: Some(750)
        }
    );
    assert_eq!(rows[3].1.personalised_hours, Some(700));
    assert_eq!(
        json(&rows[0].1),
        r#"{"matricola":"1001","surname":"Rossi","name":"Mario","class":"3B","codice_fiscale":"RSSMRA85T10A562S","enrolment":{"kind":"full_year"},"personalised_hours":null}"#
    );
    assert_eq!(
        json(&rows[2].1),
        r#"{"matricola":"1003","surname":"Bianchi, in Ferri","name":"Zoë","class":"1A","codice_fiscale":null,"enrolment":{"kind":"transfer","start":"2025-11-03","previous_absence_minutes":750},"personalised_hours":null}"#
    );
    for (_, r) in &rows {
        let back: PupilRow = serde_json::from_str(&json(r)).unwrap();
        assert_eq!(&back, r);
    }
    // The same file in UTF-8 reads the same.
    assert_eq!(ok::<PupilRow>(ALUNNI.as_bytes(), &ctx()), rows);
}

#[test]
fn pupil_rows_are_accepted_by_pupil_new() {
    let text = "matricola;cognome;nome;classe;data_iscrizione;ore_assenza_provenienza;\
monte_ore_personalizzato\n1;A;B;1A;01/10/2025;3120;3120\n";
    let rows = ok::<PupilRow>(text.as_bytes(), &ctx());
    let r = &rows[0].1;
    let profile = TimetableProfile::from_days([1, 0, 0, 0, 0, 0]).unwrap();
    assert!(Pupil::new(
        SchoolGrade::Primaria,
        profile,
        r.enrolment,
        r.personalised_hours
    )
    .is_ok());
    let bad = r#"{"matricola":"1","surname":"A","name":"B","class":"1A","enrolment":{"kind":"full_year"},"personalised_hours":0}"#;
    assert!(serde_json::from_str::<PupilRow>(bad).is_err());
}

#[test]
fn alunni_status_columns() {
    const H: &str = "matricola;cognome;nome;classe;data_iscrizione;Data nascita;Data ritiro;\
Tipo ritiro;Istruzione parentale;Scelta anno successivo;Esito\n";
    let text = format!(
        "{H}1;A;B;1A;;12/05/2013;;;;;\n\
         2;A;C;1A;;2012-01-31;14/03/2026;Ritiro formale;;;\n\
         3;A;D;3B;;;02/02/2026;abbandono;;nessuna;non ammesso\n\
         4;A;E;3B;;;;;sì;;\n\
         5;A;F;3B;;;;;;Liceo;Ammessa\n\
         6;A;G;1A;01/10/2025;;20/03/2026;trasferimento;;;giudizio sospeso\n\
         7;A;H;1A;;;;;;;\n"
    );
    let rows = ok::<PupilRow>(text.as_bytes(), &ctx());
    let st: Vec<SchoolStatus> = rows.iter().map(|(_, r)| r.status).collect();
    assert_eq!(st[0].birth_date, Some(d(2013, 5, 12)));
    assert_eq!(
        st[1].withdrawal,
        Some(Withdrawal {
            on: d(2026, 3, 14),
            kind: WithdrawalKind::Ritiro
        })
    );
    assert_eq!(
        st[2].withdrawal.map(|w| w.kind),
        Some(WithdrawalKind::Abbandono)
    );
    assert_eq!(st[2].next_year, Some(NextYearChoice::Nessuna));
    assert_eq!(st[2].outcome, Some(Outcome::NonAmmesso));
    assert!(st[3].home_schooling);
    assert_eq!(st[4].next_year, Some(NextYearChoice::Istruzione));
    assert_eq!(st[4].outcome, Some(Outcome::Ammesso));
    assert_eq!(
        st[5].withdrawal.map(|w| w.kind),
        Some(WithdrawalKind::Trasferimento)
    );
    assert_eq!(st[5].outcome, Some(Outcome::GiudizioSospeso));
    assert!(st[6].is_empty());
    // The JSON of a row without them is what it was; with them it round-trips.
    assert!(!json(&rows[6].1).contains("status"));
    for (_, r) in &rows {
        let back: PupilRow = serde_json::from_str(&json(r)).unwrap();
        assert_eq!(&back, r);
    }
    // Dates in the wrong order are refused when read back too.
    let bad = r#"{"matricola":"1","surname":"A","name":"B","class":"1A","enrolment":{"kind":"late","start":"2025-10-01"},"status":{"withdrawal":{"on":"2025-09-30","kind":"ritiro"}}}"#;
    assert!(serde_json::from_str::<PupilRow>(bad).is_err());

    let f = |row: &str| one_error::<PupilRow>(&format!("{H}{row}\n"));
    let (col, value, reason) = f("1;A;B;1A;;31/02/2013;;;;;");
    assert_eq!(
        (col.as_deref(), value.as_str()),
        (Some("data_nascita"), "31/02/2013")
    );
    assert!(reason.contains("non esiste"), "{reason}");
    let (col, _, reason) = f("1;A;B;1A;;01/01/1900;;;;;");
    assert_eq!(col.as_deref(), Some("data_nascita"));
    assert_eq!(
        reason,
        "La data di nascita deve essere dal 01/01/1901 in poi."
    );
    let (col, _, reason) = f("1;A;B;1A;01/10/2025;01/10/2025;;;;;");
    assert_eq!(col.as_deref(), Some("data_nascita"));
    assert_eq!(
        reason,
        "La data di nascita deve precedere la data di iscrizione (01/10/2025)."
    );
    let (col, _, reason) = f("1;A;B;1A;01/10/2025;;30/09/2025;ritiro;;;");
    assert_eq!(col.as_deref(), Some("data_ritiro"));
    assert!(reason.starts_with("La data del ritiro non può precedere"));
    let (col, _, reason) = f("1;A;B;1A;;;30/09/2025;;;;");
    assert_eq!(col.as_deref(), Some("tipo_ritiro"));
    assert!(reason.starts_with("Con la data del ritiro indicare anche il tipo"));
    let (col, _, reason) = f("1;A;B;1A;;;;ritiro;;;");
    assert_eq!(col.as_deref(), Some("data_ritiro"));
    assert!(reason.starts_with("Con il tipo di ritiro indicare anche la data"));
    let (col, value, reason) = f("1;A;B;1A;;;01/02/2026;sparito;;;");
    assert_eq!(
        (col.as_deref(), value.as_str()),
        (Some("tipo_ritiro"), "sparito")
    );
    assert!(reason.starts_with("Tipo di ritiro non riconosciuto"));
    let (col, _, reason) = f("1;A;B;1A;;;;;forse;;");
    assert_eq!(col.as_deref(), Some("istruzione_parentale"));
    assert!(reason.starts_with("Indicare sì o no"));
    let (col, _, reason) = f("1;A;B;1A;;;;;;università;");
    assert_eq!(col.as_deref(), Some("scelta_anno_successivo"));
    assert!(reason.starts_with("Scelta per l'anno successivo non riconosciuta"));
    let (col, _, reason) = f("1;A;B;1A;;;;;;;bocciato");
    assert_eq!(col.as_deref(), Some("esito"));
    assert!(reason.starts_with("Esito non riconosciuto"));
    // Every bad cell of a row is reported.
    let e = errors::<PupilRow>(&format!("{H}1;A;B;1A;;x;;;forse;boh;mah\n"), &ctx());
    assert_eq!(e.len(), 4);
}

#[test]
fn alunni_errors() {
    const H: &str = "matricola;cognome;nome;classe;codice_fiscale;data_iscrizione;\
ore_assenza_provenienza;monte_ore_personalizzato\n";
    let f = |row: &str| one_error::<PupilRow>(&format!("{H}{row}\n"));
    let (col, value, reason) = f("1;Rossi;Mario;3Z;;;;");
    assert_eq!((col.as_deref(), value.as_str()), (Some("classe"), "3Z"));
    assert!(reason.starts_with("La classe 3Z non è tra le classi importate"));
    let (col, _, reason) = f("1;Rossi;Mario;1A;;;5;");
    assert_eq!(col.as_deref(), Some("ore_assenza_provenienza"));
    assert!(reason.starts_with("Per un alunno trasferito indicare anche la data"));
    let (col, _, reason) = f("1;Rossi;Mario;1A;RSSMRA85T10A562X;;;");
    assert_eq!(col.as_deref(), Some("codice_fiscale"));
    assert!(reason.starts_with("Il carattere di controllo del codice fiscale non corrisponde"));
    let (col, _, reason) = f("1;Rossi;Mario;1A;;;;3121");
    assert_eq!(col.as_deref(), Some("monte_ore_personalizzato"));
    assert_eq!(
        reason,
        "Il monte ore personalizzato deve essere un numero intero da 1 a 3120."
    );
    let (col, _, _) = f("1;Rossi;Mario;1A;;;3121;");
    assert_eq!(col.as_deref(), Some("ore_assenza_provenienza"));
    let (col, _, _) = f("1;Rossi;Mario;1A;;1/1/2026;1,333;");
    assert_eq!(col.as_deref(), Some("ore_assenza_provenienza"));
    let (col, _, reason) = f("1 2;Rossi;Mario;1A;;;;");
    assert_eq!(col.as_deref(), Some("matricola"));
    assert!(reason.contains("niente spazi"));
    let (col, _, reason) = f("1;;Mario;1A;;;;");
    assert_eq!(col.as_deref(), Some("cognome"));
    assert_eq!(reason, "Il cognome è obbligatorio: la cella è vuota.");
    let (col, value, reason) = f("1;Rossi;Mario;1A;;;;;;oops");
    assert_eq!((col, value.as_str()), (None, "oops"));
    assert!(reason.starts_with("La riga ha 10 celle, l'intestazione 8 colonne"));
    // Extra empty cells are fine.
    assert_eq!(
        ok::<PupilRow>(format!("{H}1;Rossi;Mario;1A;;;;;;\n").as_bytes(), &ctx()).len(),
        1
    );
    // Fewer cells: the missing ones are empty.
    assert_eq!(
        ok::<PupilRow>(format!("{H}1;Rossi;Mario;1A\n").as_bytes(), &ctx()).len(),
        1
    );
    // Duplicate matricola, duplicate codice fiscale.
    let e = errors::<PupilRow>(
        &format!(
            "{H}1;Rossi;Mario;1A;RSSMRA85T10A562S\n2;Rossi;Maria;1A;RSSMRA85T10A562S\n\
             1;Verdi;Ugo;1A\n"
        ),
        &ctx(),
    );
    assert_eq!(
        e,
        [
            (
                3,
                Some("codice_fiscale".into()),
                "Duplicato della riga 2: il codice fiscale RSSMRA85T10A562S compare già.".into()
            ),
            (
                4,
                Some("matricola".into()),
                "Duplicato della riga 2: la matricola 1 compare già.".into()
            )
        ]
    );
}

#[test]
fn every_bad_row_is_listed_with_its_physical_line() {
    // A quoted cell over two lines moves every later line; `;;;` and blank lines are skipped.
    let text = "matricola;cognome;nome;classe
1001;\"Rossi
Bianchi\";Mario;1A
;;;

1002;Verdi;;1A
1003;Neri;Ugo;9Z
1004;Gialli;\"Anna\"x;1A
1005;Blu;Ada;1A
1006;Viola;\"Eva
";
    let e = errors::<PupilRow>(text, &ctx());
    let lines: Vec<(u32, Option<&str>)> = e.iter().map(|(l, c, _)| (*l, c.as_deref())).collect();
    assert_eq!(
        lines,
        [
            (2, Some("cognome")),
            (6, Some("nome")),
            (7, Some("classe")),
            (8, Some("nome")),
            (10, Some("nome")),
        ],
        "{e:#?}"
    );
    // The name with a line break is refused (control characters), on the line it starts.
    assert!(e[0].2.contains("non stampabili"));
    assert!(e[3].2.starts_with("Dopo le virgolette di chiusura"));
    assert!(e[4].2.starts_with("Le virgolette aperte"));
    let p = parse_file::<PupilRow>(text.as_bytes(), &ctx());
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].0, 9);
}

#[test]
fn values_are_cut_to_80_characters() {
    let long = "x".repeat(200);
    let e = parse_file::<PupilRow>(
        format!("matricola;cognome;nome;classe\n{long};A;B;1A\n").as_bytes(),
        &ctx(),
    )
    .errors;
    assert_eq!(e[0].value.chars().count(), MAX_VALUE_CHARS);
    assert!(e[0].value.ends_with('…'));
}

// --- tutori --------------------------------------------------------------------------------

#[test]
fn tutori_example_and_errors() {
    let text = "codice_fiscale;cognome;nome;matricola
BNCLRA80A41H501D;Bianchi;Laura;1001
bncl ra80a41h501d;Bianchi;Laura;1004
VRDGPP75C15F205S;Verdi;Giuseppe;1001
";
    let rows = ok::<GuardianRow>(text.as_bytes(), &ctx());
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1].1.key(), "BNCLRA80A41H501D|1004");
    assert_eq!(
        json(&rows[0].1),
        r#"{"codice_fiscale":"BNCLRA80A41H501D","surname":"Bianchi","name":"Laura","matricola":"1001"}"#
    );
    let e = errors::<GuardianRow>(
        &format!(
            "{text}BNCLRA80A41H501D;Bianchi;L.;1001\nBNCLRA80A41H501D;Bianchi;L.;9999\n;X;Y;1002\n"
        ),
        &ctx(),
    );
    assert_eq!(
        e,
        [
            (
                5,
                Some("codice_fiscale + matricola".into()),
                "Duplicato della riga 2: il tutore BNCLRA80A41H501D per l'alunno con matricola \
                 1001 compare già."
                    .into()
            ),
            (
                6,
                Some("matricola".into()),
                "L'alunno con matricola 9999 non è tra gli alunni importati: importare prima il \
                 file alunni, oppure correggere la matricola."
                    .into()
            ),
            (
                7,
                Some("codice_fiscale".into()),
                "Indicare il codice fiscale.".into()
            ),
        ]
    );
    // A matricola is compared as written.
    let e = errors::<GuardianRow>(
        "codice_fiscale;cognome;nome;matricola\nBNCLRA80A41H501D;B;L;01001\n",
        &ctx(),
    );
    assert_eq!(e.len(), 1);
}

// --- personale -----------------------------------------------------------------------------

#[test]
fn personale_example_and_errors() {
    let text = "Codice Fiscale,Cognome,Nome,Ruolo,Classi
FRRGLI78M50L219N,Ferri,Giulia,docente,3B 1A
FRRGLI78M50L219N,Ferri,Giulia,Assistente amministrativo,
CLMNDR70B18G273D,Colombo,Andrea,Dirigente scolastico,
RSSMRA85T10A562S,Rossi,Mario,Docente,\"3B, 5ainf|1a;3b\"
";
    let rows = ok::<StaffRow>(text.as_bytes(), &ctx());
    assert_eq!(rows[1].1.role, StaffRole::Segreteria);
    assert_eq!(rows[2].1.role, StaffRole::Dirigente);
    let classes: Vec<&str> = rows[3].1.classes.iter().map(ClassCode::as_str).collect();
    assert_eq!(classes, ["3B", "5AINF", "1A"]);
    assert_eq!(rows[0].1.key(), "FRRGLI78M50L219N|docente");
    assert_eq!(
        json(&rows[0].1),
        r#"{"codice_fiscale":"FRRGLI78M50L219N","surname":"Ferri","name":"Giulia","role":"docente","classes":["3B","1A"]}"#
    );
    let back: StaffRow = serde_json::from_str(&json(&rows[3].1)).unwrap();
    assert_eq!(back, rows[3].1);
    let bad = r#"{"codice_fiscale":"FRRGLI78M50L219N","surname":"F","name":"G","role":"segreteria","classes":["3B"]}"#;
    assert!(serde_json::from_str::<StaffRow>(bad).is_err());
    let bad = r#"{"codice_fiscale":"FRRGLI78M50L219N","surname":"F","name":"G","role":"docente"}"#;
    assert!(serde_json::from_str::<StaffRow>(bad).is_err());

    const H: &str = "codice_fiscale;cognome;nome;ruolo;classi\n";
    let f = |row: &str| one_error::<StaffRow>(&format!("{H}{row}\n"));
    let (col, _, reason) = f("FRRGLI78M50L219N;Ferri;Giulia;docente;");
    assert_eq!(col.as_deref(), Some("classi"));
    assert!(reason.starts_with("Per un docente indicare le classi"));
    let (col, _, reason) = f("FRRGLI78M50L219N;Ferri;Giulia;dsga;3B");
    assert_eq!(col.as_deref(), Some("classi"));
    assert!(reason.starts_with("Le classi si indicano solo per il ruolo docente"));
    let (col, value, reason) = f("FRRGLI78M50L219N;Ferri;Giulia;docente;3B 4C");
    assert_eq!((col.as_deref(), value.as_str()), (Some("classi"), "4C"));
    assert!(reason.starts_with("La classe 4C non è tra le classi importate"));
    let (col, value, _) = f("FRRGLI78M50L219N;Ferri;Giulia;docente;3B 4-C");
    assert_eq!((col.as_deref(), value.as_str()), (Some("classi"), "4-C"));
    // The class coordinator: classes among those the teacher teaches.
    let c = |row: &str| format!("codice_fiscale;cognome;nome;ruolo;classi;coordinatore\n{row}\n");
    let rows = ok::<StaffRow>(
        c("FRRGLI78M50L219N;Ferri;Giulia;docente;3B 1A;3b").as_bytes(),
        &ctx(),
    );
    let coordinated: Vec<&str> = rows[0]
        .1
        .coordinates
        .iter()
        .map(ClassCode::as_str)
        .collect();
    assert_eq!(coordinated, ["3B"]);
    let back: StaffRow = serde_json::from_str(&json(&rows[0].1)).unwrap();
    assert_eq!(back, rows[0].1);
    let (col, value, reason) =
        one_error::<StaffRow>(&c("FRRGLI78M50L219N;Ferri;Giulia;docente;3B;1A"));
    assert_eq!(
        (col.as_deref(), value.as_str()),
        (Some("coordinatore"), "1A")
    );
    assert!(reason.starts_with("Un docente coordina solo classi in cui insegna"));
    let (col, _, _) = one_error::<StaffRow>(&c("CLMNDR70B18G273D;Colombo;Andrea;dirigente;;1A"));
    assert_eq!(col.as_deref(), Some("coordinatore"));
    let bad = r#"{"codice_fiscale":"FRRGLI78M50L219N","surname":"F","name":"G","role":"docente","classes":["3B"],"coordinates":["1A"]}"#;
    assert!(serde_json::from_str::<StaffRow>(bad).is_err());
    let (col, _, reason) = f("FRRGLI78M50L219N;Ferri;Giulia;bidello;");
    assert_eq!(col.as_deref(), Some("ruolo"));
    assert_eq!(
        reason,
        "Ruolo non riconosciuto: indicare docente, segreteria o dirigente."
    );
    // Without a `classi` column, only non-teachers can be read.
    let e = errors::<StaffRow>(
        "codice_fiscale;cognome;nome;ruolo\nFRRGLI78M50L219N;F;G;segreteria\n\
         RSSMRA85T10A562S;R;M;docente\nRSSMRA85T10A562S;R;M;dirigente\nRSSMRA85T10A562S;R;M;Dirigente scolastico\n",
        &ctx(),
    );
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].0, 3);
    assert_eq!(
        e[1],
        (
            5,
            Some("codice_fiscale + ruolo".into()),
            "Duplicato della riga 4: la persona con codice fiscale RSSMRA85T10A562S nel ruolo \
             dirigente compare già."
                .into()
        )
    );
}

// --- assenze -------------------------------------------------------------------------------

const ASSENZE: &str = "matricola;data;tipo;ore;minuti;giustificata
1001;16/09/2025;assenza;;;sì
1001;17/09/2025;ritardo;;10;
1002;17/09/2025;Uscita;1,5;;no
1004;18/09/2025;Entrata posticipata;2;;x
1004;19/09/2025;attività scolastica;;;
1004;19/09/2025;assenza;5;;
";

#[test]
fn assenze_example() {
    let rows = ok::<AbsenceRow>(ASSENZE.as_bytes(), &ctx());
    let summary: Vec<(AbsenceKind, Option<u32>, bool)> = rows
        .iter()
        .map(|(_, r)| (r.event.kind(), r.event.minutes(), r.event.justified()))
        .collect();
    assert_eq!(
        summary,
        [
            (AbsenceKind::WholeDay, None, true),
            (AbsenceKind::LateEntry, Some(10), false),
            (AbsenceKind::EarlyExit, Some(90), false),
            (AbsenceKind::DeferredEntry, Some(120), true),
            (AbsenceKind::SchoolActivity, None, false),
            (AbsenceKind::WholeDay, Some(300), false),
        ]
    );
    assert_eq!(rows[2].1.key(), "1002|2025-09-17|uscita_anticipata");
    assert_eq!(
        json(&rows[1].1),
        r#"{"matricola":"1001","event":{"date":"2025-09-17","kind":"late_entry","minutes":10,"justified":false}}"#
    );
    assert_eq!(
        json(&rows[0].1),
        r#"{"matricola":"1001","event":{"date":"2025-09-16","kind":"whole_day","justified":true}}"#
    );
    let back: AbsenceRow = serde_json::from_str(&json(&rows[1].1)).unwrap();
    assert_eq!(back, rows[1].1);
}

#[test]
fn assenze_errors() {
    const H: &str = "matricola;data;tipo;ore;minuti;giustificata\n";
    let f = |row: &str| one_error::<AbsenceRow>(&format!("{H}{row}\n"));
    let (col, value, reason) = f("1001;17/09/2025;ritardo;1;10;");
    assert_eq!(
        (col.as_deref(), value.as_str()),
        (Some("minuti"), "1 ore, 10 minuti")
    );
    assert_eq!(reason, "Indicare le ore oppure i minuti, non entrambi.");
    let (col, _, reason) = f("1001;17/09/2025;ritardo;;;");
    assert_eq!(col.as_deref(), Some("ore"));
    assert!(reason.starts_with("Per il tipo ritardo indicare le ore"));
    let (col, _, reason) = f("1001;17/09/2025;ritardo;1,333;;");
    assert_eq!(col.as_deref(), Some("ore"));
    assert!(reason.starts_with("1,333 ore non sono un numero intero di minuti"));
    let (_, _, reason) = f("1001;17/09/2025;ritardo;0;;");
    assert_eq!(
        reason,
        "Le ore di un evento devono essere più di 0 e al massimo 12."
    );
    let (_, _, reason) = f("1001;17/09/2025;assenza;13;;");
    assert!(reason.contains("al massimo 12"));
    let (col, _, reason) = f("1001;17/09/2025;uscita;;721;");
    assert_eq!(col.as_deref(), Some("minuti"));
    assert_eq!(
        reason,
        "I minuti di un evento devono essere un numero intero da 1 a 720."
    );
    let (col, _, _) = f("1001;17/09/2025;malattia;;;");
    assert_eq!(col.as_deref(), Some("tipo"));
    let (col, _, reason) = f("1001;17/09/2025;assenza;;;forse");
    assert_eq!(col.as_deref(), Some("giustificata"));
    assert!(reason.starts_with("Indicare sì o no"));
    let (col, _, reason) = f("1001;31/09/2025;assenza;;;");
    assert_eq!(col.as_deref(), Some("data"));
    assert_eq!(reason, "La data 31/09/2025 non esiste.");
    let (col, _, _) = f("2001;17/09/2025;assenza;;;");
    assert_eq!(col.as_deref(), Some("matricola"));
    let e = errors::<AbsenceRow>(
        &format!("{H}1001;17/09/2025;ritardo;;10;\n1001;2025-09-17;Ingresso in ritardo;;5;\n"),
        &ctx(),
    );
    assert_eq!(
        e,
        [(
            3,
            Some("matricola + data + tipo".into()),
            "Duplicato della riga 2: l'evento ritardo del 17/09/2025 per la matricola 1001 \
             compare già."
                .into()
        )]
    );
}

// --- the kinds, the context ----------------------------------------------------------------

#[test]
fn kinds_and_context() {
    for k in ImportKind::ALL {
        assert_eq!(ImportKind::parse(k.as_str()), Ok(k));
        assert_eq!(json(&k), format!("\"{}\"", k.as_str()));
        assert!(!k.label().is_empty());
        assert!(k.columns().iter().any(|c| c.required));
    }
    assert_eq!(ImportKind::parse(" Alunni "), Ok(ImportKind::Alunni));
    assert!(ImportKind::parse("voti").is_err());
    assert!(!ImportKind::Calendario.is_chunked());
    assert_eq!(ClassRow::COLUMNS.len(), 9);
    let c = ctx();
    assert!(c.has_class(&ClassCode::parse("5ainf").unwrap()));
    assert!(!c.has_class(&ClassCode::parse("4C").unwrap()));
    assert!(!c.has_pupil(&Matricola::parse("1005").unwrap()));
    let open = ImportContext::format_only();
    assert!(open.has_class(&ClassCode::parse("4C").unwrap()));
    assert_eq!(
        ok::<StaffRow>(
            b"codice_fiscale;cognome;nome;ruolo;classi\nRSSMRA85T10A562S;R;M;docente;9Z\n",
            &open
        )
        .len(),
        1
    );
    let e = RowError {
        line: 3,
        column: Some("classe".into()),
        value: "3Z".into(),
        reason: "r".into(),
    };
    assert_eq!(
        json(&e),
        r#"{"line":3,"column":"classe","value":"3Z","reason":"r"}"#
    );
}

// --- chunks --------------------------------------------------------------------------------

/// Reads `bytes` cut into chunks as the worker does: each chunk on its own, file errors and
/// warnings once, duplicates across chunks found with the rows' keys.
fn via_chunks<R: Row>(bytes: &[u8], max: usize, ctx: &ImportContext) -> Parsed<R> {
    let mut all = Parsed {
        rows: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let mut seen = Seen::default();
    let chunks = split_chunks(bytes, max);
    assert!(!chunks.is_empty());
    for (i, chunk) in chunks.iter().enumerate() {
        assert!(std::str::from_utf8(&chunk.bytes).is_ok());
        let p = parse_rows::<R>(&chunk.bytes, chunk.first_line, ctx);
        if i == 0 {
            all.warnings = p.warnings;
        }
        all.errors
            .extend(p.errors.into_iter().filter(|e| i == 0 || e.line != 1));
        for (line, row) in p.rows {
            let e = seen.check(line, &row);
            if e.is_empty() {
                all.rows.push((line, row));
            } else {
                all.errors.extend(e);
            }
        }
    }
    all.errors.sort_by_key(|e| e.line);
    all
}

/// Errors with the line a duplicate refers to left out: a row repeated three times across two
/// chunks is reported against a different earlier line, and rightly so.
fn comparable(errors: &[RowError]) -> Vec<RowError> {
    let mut out: Vec<RowError> = errors
        .iter()
        .cloned()
        .map(|mut e| {
            if e.reason.starts_with("Duplicato della riga") {
                e.reason = e.reason.chars().filter(|c| !c.is_ascii_digit()).collect();
            }
            e
        })
        .collect();
    out.sort_by(|a, b| (a.line, &a.column, &a.reason).cmp(&(b.line, &b.column, &b.reason)));
    out
}

fn assert_same<R: Row + Debug + PartialEq>(bytes: &[u8], max: usize, ctx: &ImportContext) {
    let whole = parse_file::<R>(bytes, ctx);
    let parts = via_chunks::<R>(bytes, max, ctx);
    assert_eq!(parts.rows, whole.rows, "max {max}");
    assert_eq!(
        comparable(&parts.errors),
        comparable(&whole.errors),
        "max {max}"
    );
    assert_eq!(parts.warnings, whole.warnings);
}

fn big_absences() -> String {
    let mut s = String::from("\r\nmatricola;data;tipo;ore;minuti;giustificata;nota\r\n");
    for i in 0..300u32 {
        let m = 1001 + i % 4;
        let day = 1 + (i / 4) % 28;
        let month = 10 + (i / 112) % 3;
        match i % 7 {
            0 => s.push_str(&format!(
                "{m};{day}/{month}/2025;assenza;;;sì;\"una nota\r\nsu due righe\"\r\n"
            )),
            1 => s.push_str(&format!(
                "{m};{day}/{month}/2025;ritardo;;{};;\r\n",
                5 + i % 50
            )),
            2 => s.push_str("\r\n;;;;;;\r\n"),
            3 => s.push_str(&format!(
                "{m};{day}/{month}/2025;uscita;1,5;;no;\"D'Angelo \"\"Nicco\"\"\"\r\n"
            )),
            4 => s.push_str(&format!("{m};{day}/{month}/2025;assenza;;;x;\r")),
            5 => s.push_str(&format!("{m};32/{month}/2025;assenza;;;;\n")),
            _ => s.push_str(&format!("{m};{day}/{month}/2025;astensione;;;;Niccolò\n")),
        }
    }
    s
}

#[test]
fn chunks_read_like_the_whole_file() {
    let text = big_absences();
    let ctx = ctx();
    let whole = parse_file::<AbsenceRow>(text.as_bytes(), &ctx);
    assert!(whole.rows.len() > 100);
    assert!(!whole.errors.is_empty());
    for max in [1, 50, 120, 700, 4096, 1 << 20] {
        assert_same::<AbsenceRow>(text.as_bytes(), max, &ctx);
    }
    // Windows-1252 too, and each chunk within its size unless one record is larger.
    let bytes = cp1252(&text);
    assert_same::<AbsenceRow>(&bytes, 700, &ctx);
    let chunks = split_chunks(text.as_bytes(), 700);
    assert!(chunks.len() > 10);
    assert!(chunks.iter().all(|c| c.bytes.len() <= 700));
    assert_eq!(chunks[0].first_line, 3);
    assert!(chunks.iter().all(|c| c
        .bytes
        .starts_with(b"matricola;data;tipo;ore;minuti;giustificata;nota\n")));
    // One record per chunk when the limit is tiny.
    let chunks = split_chunks(b"a;b\n1;2\n3;\"4\n5\"\n6;7", 1);
    let firsts: Vec<u32> = chunks.iter().map(|c| c.first_line).collect();
    assert_eq!(firsts, [2, 3, 5]);
    assert_eq!(chunks[1].bytes, b"a;b\n3;\"4\n5\"\n");
    // A file without records is one chunk: its header.
    let chunks = split_chunks(b"\n\na;b\r\n\r\n", 1);
    assert_eq!(chunks.len(), 1);
    assert_eq!(chunks[0].bytes, b"a;b\n\r\n");
    assert_eq!(split_chunks(b"", 10).len(), 1);
    // A header that runs to the end in an open quote is kept as it is (found by proptest).
    assert_same::<AbsenceRow>(b"matricola;\"data\n1001;x", 5, &ctx);
    assert_eq!(split_chunks(b"a;\"b\nc", 1)[0].bytes, b"a;\"b\nc");
}

/// A cell of a generated file: valid values, bad ones, and the awkward ones.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1001".to_owned()),
        Just("1002".to_owned()),
        Just("3B".to_owned()),
        Just("17/09/2025".to_owned()),
        Just("2025-09-18".to_owned()),
        Just("ritardo".to_owned()),
        Just("assenza".to_owned()),
        Just("1,5".to_owned()),
        Just("10".to_owned()),
        Just("sì".to_owned()),
        Just("RSSMRA85T10A562S".to_owned()),
        Just(String::new()),
        Just("\"a;b\"".to_owned()),
        Just("\"x\r\ny\"".to_owned()),
        Just("\"q\"\"q\"".to_owned()),
        Just("\"".to_owned()),
        Just("Niccolò".to_owned()),
        "[a-z0-9 ,;\"\r\n]{0,6}",
    ]
}

fn line_end() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("\n"),
        Just("\r\n"),
        Just("\r"),
        Just("\n\n"),
        Just("\r\n;;;\r\n")
    ]
}

fn generated_file(header: &'static str) -> impl Strategy<Value = String> {
    prop::collection::vec((prop::collection::vec(cell(), 0..8), line_end()), 0..30).prop_map(
        move |rows| {
            let mut s = String::from(header);
            for (cells, end) in rows {
                s.push_str(&cells.join(";"));
                s.push_str(end);
            }
            s
        },
    )
}

proptest! {
    // Few cases, each a file of up to 30 rows read whole and in up to hundreds of chunks.
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn generated_files_read_the_same_in_chunks(
        absences in generated_file("matricola;data;tipo;ore;minuti;giustificata\r\n"),
        pupils in generated_file("\nmatricola;cognome;nome;classe;codice_fiscale\n"),
        max in 1usize..400,
    ) {
        assert_same::<AbsenceRow>(absences.as_bytes(), max, &ctx());
        assert_same::<PupilRow>(pupils.as_bytes(), max, &ctx());
        assert_same::<PupilRow>(&cp1252(&pupils), max, &ImportContext::format_only());
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_and_chunk_the_same(
        prefix in prop::sample::select(vec![
            &b""[..],
            b"matricola;data;tipo;ore;minuti;giustificata\n",
            b"codice_fiscale,cognome,nome,ruolo,classi\r\n",
            b"\xEF\xBB\xBFtipo;dal;al\n",
        ]),
        body in prop::collection::vec(any::<u8>(), 0..300),
        max in 1usize..200,
    ) {
        let mut bytes = prefix.to_vec();
        bytes.extend_from_slice(&body);
        let ctx = ctx();
        assert_same::<AbsenceRow>(&bytes, max, &ctx);
        assert_same::<StaffRow>(&bytes, max, &ctx);
        assert_same::<ClassRow>(&bytes, max, &ctx);
        assert_same::<GuardianRow>(&bytes, max, &ctx);
        assert_same::<PupilRow>(&bytes, max, &ctx);
        let _ = parse_calendar(&bytes);
        for e in parse_file::<AbsenceRow>(&bytes, &ctx).errors {
            prop_assert!(e.value.chars().count() <= MAX_VALUE_CHARS);
            prop_assert!(e.line >= 1);
        }
    }
}

/// Found by `cargo xtask fuzz`: a part of the largest size the worker takes (640 KiB) made of
/// short bad rows listed an error or more per row, over 120 MB of messages. The reading now
/// stops after `MAX_ERRORS`, saying where.
#[test]
fn a_file_of_bad_rows_lists_at_most_max_errors() {
    let header = "matricola;cognome;nome;classe;codice_fiscale;data_iscrizione\n";
    let mut bytes = header.as_bytes().to_vec();
    while bytes.len() < 640 * 1024 {
        bytes.extend_from_slice(b"1;\n");
    }
    let parsed = parse_file::<PupilRow>(&bytes, &ctx());
    // The last row read may add a few errors past the cap, one per bad cell.
    let capped = |n: usize| n > MAX_ERRORS && n <= MAX_ERRORS + 1 + PupilRow::COLUMNS.len();
    assert!(capped(parsed.errors.len()), "{}", parsed.errors.len());
    let last = parsed.errors.last().unwrap();
    assert!(last.reason.contains("si è fermata"), "{}", last.reason);
    // The line where it stopped: after the header, rows of several errors each.
    assert!(
        last.line > 2 && (last.line as usize) < MAX_ERRORS + 2,
        "{}",
        last.line
    );
    // A part read with its line numbers stops the same way.
    let part = parse_rows::<PupilRow>(&bytes, 2, &ctx());
    assert!(capped(part.errors.len()), "{}", part.errors.len());
    // A file with fewer errors lists them all.
    let few = format!("{header}{}", "1;\n".repeat(100));
    let errors = parse_file::<PupilRow>(few.as_bytes(), &ctx()).errors;
    assert!(
        errors.len() >= 100 && errors.len() < MAX_ERRORS,
        "{}",
        errors.len()
    );
}
