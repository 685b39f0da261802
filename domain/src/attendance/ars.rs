//! The ARS communications of seed 000 (Regione del Veneto and Ufficio Scolastico Regionale per
//! il Veneto, *Anagrafe Regionale degli Studenti: scadenze 2024, segnalazioni e indicazioni
//! operative*; docs/design.md §5): which pupils the school must report to the regional student
//! register, with which communication, by which date — derived from what Ponte knows (the
//! optional columns of `alunni`, the register's absences since the first lesson day, the Law
//! 159/2023 cases).
//!
//! What the seed says, and what Ponte takes from it:
//!
//! - **The dropout communications** are "puntuali": "aggiornare ARS ogni qual volta uno studente
//!   risulti non frequentare più l'istituto scolastico … attraverso le consuete comunicazioni
//!   puntuali («abbandono non formale», «ritiro formale prima del 15/03» e «ritiro formale dopo il
//!   15/03»)", so that the Centri per l'Impiego "intervenire tempestivamente". They have no date in
//!   Tabella 1: Ponte shows them as due at once ([`Due::Promptly`]), from the day the facts arose.
//! - **Who**: "Gli istituti scolastici di I e II grado inseriscono i dati anagrafici e scolastici
//!   degli allievi in abbandono scolastico minori di 18 anni" (FAQ 1). Tabella 1 names "Scuole
//!   sec. di I grado" and "Scuole sec. di II grado": Ponte lists pupils of secondaria di primo and
//!   secondo grado only; a pupil of primaria who stops coming is the Law 159/2023 procedure's
//!   (the mayor's), not ARS's. Minors: under 18 on the day that matters (the withdrawal's, the
//!   deadline's or today, whichever comes first); without a date of birth a pupil is taken as a
//!   minor (in the first cycle they all are; in the second the office checks, rather than Ponte
//!   hiding a dropout).
//! - **Abbandono non formale**: `tipo_ritiro` = `abbandono` in the file (the day of
//!   `data_ritiro`); or, for a pupil still on the roll, a Law 159 case in which attendance did not
//!   resume after the family's notice (the mayor is to be, or was, notified) and no lesson day
//!   attended since the date to resume by: listed as *da verificare* (the register shows a
//!   dropout the office has not recorded yet).
//! - **Ritiro formale prima / dopo il 15/03**: `tipo_ritiro` = `ritiro`, by the date against 15
//!   March of the school year (the year of its last lesson day). The seed does not say on which
//!   side the 15th falls: Ponte counts it as *before* ("entro il 15 marzo", the usual words of the
//!   school rules on withdrawing). A transfer (`trasferimento`) is not a dropout: "Non è
//!   necessario comunicare un trasferimento tra gli istituti scolastici di I grado o tra corsi
//!   quadriennali o quinquennali" (FAQ 3; a transfer to or from IeFP must be communicated, but
//!   the file does not say where the pupil went, so Ponte does not list it).
//! - **Iscritto ma non presente ad inizio anno** (FAQ 2, FAQ 5): a pupil on the roll who attended
//!   no lesson day from their first day (the first lesson day, or their enrolment) up to the
//!   earlier of today and the 25 October deadline ("comunicano i dati relativi agli studenti
//!   iscritti … ma non frequentanti"; for I grado FAQ 7: "comunicare solamente gli abbandoni dei
//!   primi due mesi"), once at least [`NEVER_PRESENT_MIN_DAYS`] lesson days have passed (Ponte's
//!   choice: two school weeks, so a pupil ill in the first days is not reported). A day is
//!   attended unless the register has a whole-day absence on it.
//! - **Esito negativo e non prosegue gli studi** (FAQ 9: "comunicare solamente gli esiti negativi
//!   di minori che non intendono proseguire gli studi"): `esito` = `non_ammesso` and
//!   `scelta_anno_successivo` = `nessuna`; by 10 July (Tabella 1: "comunicano gli alunni che non
//!   proseguono gli studi"; for II grado "delle classi dal I al IV anno", so not the fifth year).
//!   The 22 September row of the second grade ("dopo il periodo di prove per saldare i debiti
//!   formativi") depends on the September tests, which the file records only as the final
//!   outcome: Ponte loads and shows that date, and lists nobody under it.
//! - **Alunni minori di classe terza senza scelta** (Tabella 1, 30 April): third year of
//!   secondaria di primo grado, `scelta_anno_successivo` = `nessuna`, or empty (not recorded:
//!   listed as such, for the office to check), still on the roll.
//! - **Istruzione parentale** (FAQ 8): "non configura una situazione di abbandono. Le scuole
//!   devono quindi inserire gli allievi in istruzione parentale utilizzando l'apposita
//!   comunicazione": listed on its own, never as a dropout, due at once.
//! - A pupil with a withdrawal recorded gets that withdrawal's communication only; a pupil in
//!   home schooling only that one.
//! - **The deadlines are yearly data per region** ([`ArsCalendar`]: the operations of Tabella 1
//!   with a date, loaded by `cargo xtask ars-calendar`). The calendar of a year `Y` (Tabella 1 is
//!   "Anno 2024") closes one school year and opens the next: for the school year that starts in
//!   `Y` (its first lesson day's year), 25 October comes from the calendar of `Y`; 30 April, 10
//!   July and 22 September from that of `Y + 1`. A date not loaded leaves the communication
//!   listed with its deadline unknown ([`Due::NotLoaded`]).
//! - **Overdue**: a dated communication not marked as sent after its date.

use super::law159::cases::{CaseState, NextStep, PupilCases};
use super::obligation::{
    age_on, class_year, NextYearChoice, Outcome, SchoolStatus, WithdrawalKind,
};
use super::{Calendar, Pupil, SchoolGrade};
use crate::api::types::{ArsDeadline, ArsItem, ArsList, SchoolArs};
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The ISTAT code of the Veneto region, whose calendar seed 000 gives.
pub const VENETO: &str = "05";

/// Lesson days that must have passed before a pupil never present is listed.
pub const NEVER_PRESENT_MIN_DAYS: u32 = 10;

/// Adults are not reported (FAQ 1: "minori di 18 anni").
pub const ADULT_AGE: u32 = 18;

/// An operation of Tabella 1 with a date that a state school of I or II grado performs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    /// 30 April: "gli alunni minori di classe terza che non hanno effettuata alcuna scelta per
    /// l'anno scolastico successivo".
    TerzaSenzaScelta,
    /// 10 July: "gli alunni che non proseguono gli studi".
    NonProseguono,
    /// 22 September (II grado): "gli studenti che non proseguono gli studi (dopo il periodo di
    /// prove per saldare i debiti formativi)".
    NonProseguonoDopoProve,
    /// 25 October: "gli studenti iscritti … ma non frequentanti".
    IscrittiNonFrequentanti,
}

impl Operation {
    pub const ALL: [Operation; 4] = [
        Operation::TerzaSenzaScelta,
        Operation::NonProseguono,
        Operation::NonProseguonoDopoProve,
        Operation::IscrittiNonFrequentanti,
    ];

    /// The code in the data file, D1 and the API (the serde name).
    pub fn code(self) -> &'static str {
        match self {
            Operation::TerzaSenzaScelta => "terza_senza_scelta",
            Operation::NonProseguono => "non_proseguono",
            Operation::NonProseguonoDopoProve => "non_proseguono_dopo_prove",
            Operation::IscrittiNonFrequentanti => "iscritti_non_frequentanti",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }

    /// The calendar year of this operation's date for the school year starting in `start`:
    /// October in the first calendar year, the others in the second.
    pub fn calendar_year(self, start: i32) -> i32 {
        match self {
            Operation::IscrittiNonFrequentanti => start,
            _ => start + 1,
        }
    }
}

/// One dated operation of a region's calendar.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct CalendarEntry {
    /// ISTAT code of the region (two digits).
    pub region: String,
    /// The year of the calendar (Tabella 1's "Anno 2024").
    pub year: i32,
    pub operation: Operation,
    pub by: NaiveDate,
}

/// A region's ARS calendar: every year loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArsCalendar {
    pub entries: Vec<CalendarEntry>,
}

impl ArsCalendar {
    /// Whether any date is loaded (a region without one has no ARS section).
    pub fn is_loaded(&self) -> bool {
        !self.entries.is_empty()
    }

    /// The date of `op` for the school year starting in `start`.
    pub fn deadline(&self, op: Operation, start: i32) -> Option<NaiveDate> {
        let year = op.calendar_year(start);
        self.entries
            .iter()
            .find(|e| e.operation == op && e.year == year)
            .map(|e| e.by)
    }

    /// The operations with their dates for the school year starting in `start`, in date order.
    pub fn for_school_year(&self, start: i32) -> Vec<(Operation, NaiveDate)> {
        let mut out: Vec<(Operation, NaiveDate)> = Operation::ALL
            .into_iter()
            .filter_map(|op| self.deadline(op, start).map(|d| (op, d)))
            .collect();
        out.sort_by_key(|(op, d)| (*d, *op));
        out
    }
}

/// The columns of the calendar's data file, in order (`;`, a heading row, UTF-8).
pub const CALENDAR_COLUMNS: [&str; 5] = ["regione", "anno", "operazione", "scadenza", "fonte"];

/// Reads a calendar data file whole: every row checked (region `01`–`20`, a year, a known
/// operation, a date `YYYY-MM-DD` in that year, a source), no (region, year, operation) twice.
/// The error lists every bad line.
pub fn parse_calendar(text: &str) -> Result<Vec<CalendarEntry>, Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate();
    let mut errors = Vec::new();
    match lines.next() {
        Some((_, h)) if h.split(';').map(str::trim).eq(CALENDAR_COLUMNS) => {}
        _ => {
            return Err(vec![format!(
                "riga 1: l'intestazione deve essere {}",
                CALENDAR_COLUMNS.join(";")
            )])
        }
    }
    let mut out: Vec<CalendarEntry> = Vec::new();
    for (i, line) in lines {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split(';').map(str::trim).collect();
        let [region, year, op, by, source] = cells[..] else {
            errors.push(format!("riga {n}: servono 5 colonne"));
            continue;
        };
        let region_ok = region.len() == 2
            && region.bytes().all(|b| b.is_ascii_digit())
            && (1..=20).contains(&region.parse::<u32>().unwrap_or(0));
        let year = year
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2100).contains(y));
        let op = Operation::from_code(op);
        let by = NaiveDate::parse_from_str(by, "%Y-%m-%d").ok();
        let mut bad = Vec::new();
        if !region_ok {
            bad.push("regione: codice ISTAT di due cifre, da 01 a 20");
        }
        if year.is_none() {
            bad.push("anno: un anno dal 2000 al 2100");
        }
        if op.is_none() {
            bad.push("operazione non riconosciuta");
        }
        match (by, year) {
            (None, _) => bad.push("scadenza: una data AAAA-MM-GG"),
            (Some(d), Some(y)) if d.year() != y => bad.push("scadenza: fuori dall'anno indicato"),
            _ => {}
        }
        if source.is_empty() {
            bad.push("fonte: indicare il documento da cui viene la data");
        }
        match (year, op, by) {
            (Some(year), Some(operation), Some(by)) if bad.is_empty() => {
                if out
                    .iter()
                    .any(|e| e.region == region && e.year == year && e.operation == operation)
                {
                    errors.push(format!(
                        "riga {n}: operazione già indicata per la regione e l'anno"
                    ));
                } else {
                    out.push(CalendarEntry {
                        region: region.to_owned(),
                        year,
                        operation,
                        by,
                    });
                }
            }
            _ => errors.push(format!("riga {n}: {}", bad.join("; "))),
        }
    }
    if out.is_empty() && errors.is_empty() {
        errors.push("il file non ha righe".to_owned());
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// A communication to ARS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Communication {
    /// *Abbandono non formale*.
    AbbandonoNonFormale,
    /// *Ritiro formale prima del 15/03* (on or before 15 March).
    #[serde(rename = "ritiro_prima_15_03")]
    RitiroPrima1503,
    /// *Ritiro formale dopo il 15/03*.
    #[serde(rename = "ritiro_dopo_15_03")]
    RitiroDopo1503,
    /// *Allievo iscritto ma non presente in classe ad inizio anno*.
    IscrittoNonPresente,
    /// *Esito negativo e non prosegue gli studi*.
    EsitoNegativoNonProsegue,
    /// Third year of secondaria di primo grado, minor, no choice for the next year.
    TerzaSenzaScelta,
    /// *Istruzione parentale*: not a dropout.
    IstruzioneParentale,
}

impl Communication {
    pub const ALL: [Communication; 7] = [
        Communication::AbbandonoNonFormale,
        Communication::RitiroPrima1503,
        Communication::RitiroDopo1503,
        Communication::IscrittoNonPresente,
        Communication::EsitoNegativoNonProsegue,
        Communication::TerzaSenzaScelta,
        Communication::IstruzioneParentale,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Communication::AbbandonoNonFormale => "abbandono_non_formale",
            Communication::RitiroPrima1503 => "ritiro_prima_15_03",
            Communication::RitiroDopo1503 => "ritiro_dopo_15_03",
            Communication::IscrittoNonPresente => "iscritto_non_presente",
            Communication::EsitoNegativoNonProsegue => "esito_negativo_non_prosegue",
            Communication::TerzaSenzaScelta => "terza_senza_scelta",
            Communication::IstruzioneParentale => "istruzione_parentale",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Whether it reports a dropout (every one but home schooling).
    pub fn is_dropout(self) -> bool {
        self != Communication::IstruzioneParentale
    }

    /// The operation of the calendar that dates it; `None` for the prompt ones.
    pub fn operation(self) -> Option<Operation> {
        match self {
            Communication::IscrittoNonPresente => Some(Operation::IscrittiNonFrequentanti),
            Communication::EsitoNegativoNonProsegue => Some(Operation::NonProseguono),
            Communication::TerzaSenzaScelta => Some(Operation::TerzaSenzaScelta),
            _ => None,
        }
    }
}

/// What a listed communication rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum Basis {
    /// What the `alunni` file records.
    Recorded,
    /// The third year's choice is not recorded (empty): to check.
    ChoiceNotRecorded,
    /// The register: no lesson day attended out of `lesson_days` from `from`.
    NeverPresent { from: NaiveDate, lesson_days: u32 },
    /// A Law 159 case (`episode`) in which attendance did not resume by `resume_by`, and no
    /// lesson day attended since: a dropout to verify.
    Law159 { episode: u32, resume_by: NaiveDate },
}

/// When a communication is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "due", rename_all = "snake_case")]
pub enum Due {
    /// A communication "puntuale": at once, from `since` (when known).
    Promptly {
        #[serde(skip_serializing_if = "Option::is_none")]
        since: Option<NaiveDate>,
    },
    /// By the calendar's date.
    By { by: NaiveDate },
    /// The calendar of the region has no date for it this year.
    NotLoaded,
}

impl Due {
    /// Past its date on `today`.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        matches!(*self, Due::By { by } if today > by)
    }

    /// Days from `today` to the date (negative when past); `None` without a date.
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        match *self {
            Due::By { by } => Some(by.signed_duration_since(today).num_days()),
            _ => None,
        }
    }
}

/// One communication a pupil needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Need {
    pub communication: Communication,
    #[serde(flatten)]
    pub basis: Basis,
    /// The day of the fact reported (the withdrawal's), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_on: Option<NaiveDate>,
    #[serde(flatten)]
    pub due: Due,
}

/// What Ponte knows of one pupil, for [`needs`].
pub struct Facts<'a> {
    pub grade: SchoolGrade,
    pub class_code: &'a str,
    pub status: &'a SchoolStatus,
    pub calendar: &'a Calendar,
    pub pupil: &'a Pupil,
    /// The days the register has a whole-day absence on (justified or not).
    pub absent_days: &'a BTreeSet<NaiveDate>,
    /// The pupil's Law 159 cases (empty when the procedure does not apply).
    pub law159: &'a PupilCases,
}

impl Facts<'_> {
    /// Lesson days of the pupil from `from` to `to` (both included), and how many of them had
    /// no whole-day absence.
    pub fn attendance(&self, from: NaiveDate, to: NaiveDate) -> (u32, u32) {
        let profile = self.pupil.profile();
        let (mut lessons, mut present) = (0, 0);
        let mut d = from.max(self.calendar.first_lesson_day());
        let to = to.min(self.calendar.last_lesson_day());
        while d <= to {
            if self.calendar.is_lesson_day(d, profile) {
                lessons += 1;
                if !self.absent_days.contains(&d) {
                    present += 1;
                }
            }
            match d.checked_add_days(Days::new(1)) {
                Some(n) => d = n,
                None => break,
            }
        }
        (lessons, present)
    }

    fn minor_on(&self, on: NaiveDate) -> bool {
        self.status
            .birth_date
            .and_then(|b| age_on(b, on))
            .is_none_or(|a| a < ADULT_AGE)
    }
}

/// The school year's first calendar year (the year of its first lesson day).
pub fn school_year_start(calendar: &Calendar) -> i32 {
    calendar.first_lesson_day().year()
}

/// 15 March of the school year (the year of its last lesson day).
pub fn march_15(calendar: &Calendar) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(calendar.last_lesson_day().year(), 3, 15)
}

/// The communications `f`'s pupil needs on `today` under the region's calendar `cal` (module
/// docs), in [`Communication`] order.
pub fn needs(f: &Facts<'_>, cal: &ArsCalendar, today: NaiveDate) -> Vec<Need> {
    if f.grade == SchoolGrade::Primaria {
        return Vec::new();
    }
    let start = school_year_start(f.calendar);
    let dated = |c: Communication| match c.operation().and_then(|op| cal.deadline(op, start)) {
        Some(by) => Due::By { by },
        None => Due::NotLoaded,
    };
    let mut out = Vec::new();
    let status = f.status;
    if status.home_schooling {
        out.push(Need {
            communication: Communication::IstruzioneParentale,
            basis: Basis::Recorded,
            event_on: None,
            due: Due::Promptly { since: None },
        });
        return out;
    }
    if let Some(w) = status.withdrawal {
        let communication = match w.kind {
            WithdrawalKind::Trasferimento => return out,
            WithdrawalKind::Abbandono => Communication::AbbandonoNonFormale,
            WithdrawalKind::Ritiro => match march_15(f.calendar) {
                Some(m) if w.on > m => Communication::RitiroDopo1503,
                _ => Communication::RitiroPrima1503,
            },
        };
        if f.minor_on(w.on) {
            out.push(Need {
                communication,
                basis: Basis::Recorded,
                event_on: Some(w.on),
                due: Due::Promptly { since: Some(w.on) },
            });
        }
        return out;
    }
    // Still on the roll.
    let first = f.pupil.counting_start(f.calendar);
    let never_due = dated(Communication::IscrittoNonPresente);
    let until = match never_due {
        Due::By { by } => today.min(by),
        _ => today,
    };
    let (lessons, present) = f.attendance(first, until);
    let never_present = lessons >= NEVER_PRESENT_MIN_DAYS && present == 0;
    if never_present && f.minor_on(first) {
        out.push(Need {
            communication: Communication::IscrittoNonPresente,
            basis: Basis::NeverPresent {
                from: first,
                lesson_days: lessons,
            },
            event_on: None,
            due: never_due,
        });
    } else if !never_present {
        if let Some(need) = law159_dropout(f, today) {
            out.push(need);
        }
    }
    let year = class_year(f.class_code);
    let on = |due: Due| match due {
        Due::By { by } => today.min(by),
        _ => today,
    };
    let last_year = f.grade == SchoolGrade::SecondariaSecondoGrado && year == Some(5);
    if status.outcome == Some(Outcome::NonAmmesso)
        && status.next_year == Some(NextYearChoice::Nessuna)
        && !last_year
    {
        let due = dated(Communication::EsitoNegativoNonProsegue);
        if f.minor_on(on(due)) {
            out.push(Need {
                communication: Communication::EsitoNegativoNonProsegue,
                basis: Basis::Recorded,
                event_on: None,
                due,
            });
        }
    }
    if f.grade == SchoolGrade::SecondariaPrimoGrado && year == Some(3) {
        let basis = match status.next_year {
            None => Some(Basis::ChoiceNotRecorded),
            Some(NextYearChoice::Nessuna) => Some(Basis::Recorded),
            Some(_) => None,
        };
        let due = dated(Communication::TerzaSenzaScelta);
        if let Some(basis) = basis.filter(|_| f.minor_on(on(due))) {
            out.push(Need {
                communication: Communication::TerzaSenzaScelta,
                basis,
                event_on: None,
                due,
            });
        }
    }
    out.sort_by_key(|n| n.communication);
    out
}

/// A Law 159 case whose attendance did not resume, the pupil absent every lesson day since.
fn law159_dropout(f: &Facts<'_>, today: NaiveDate) -> Option<Need> {
    f.law159.cases.iter().rev().find_map(|c| {
        let stalled = c.state == CaseState::ReportedToMayor
            || c.next.is_some_and(|n| n.step == NextStep::NotifyMayor);
        let resume_by = c.resume_by?;
        if !stalled || !f.minor_on(today) {
            return None;
        }
        let since = resume_by.checked_add_days(Days::new(1))?;
        let (lessons, present) = f.attendance(since, today);
        (lessons > 0 && present == 0).then_some(Need {
            communication: Communication::AbbandonoNonFormale,
            basis: Basis::Law159 {
                episode: c.episode,
                resume_by,
            },
            event_on: None,
            due: Due::Promptly { since: Some(since) },
        })
    })
}

/// What the school recorded of a communication: sent on a day, by whom.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Sent {
    pub on: NaiveDate,
    /// The codice fiscale of who recorded it.
    pub by: String,
    /// Their name at the school, when on the staff list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_name: Option<String>,
}

/// A request to mark a communication as sent: the communication's code and the day (not after
/// today, not before the school year's first lesson day).
pub fn parse_sent(
    communication: &str,
    on: &str,
    first_lesson_day: NaiveDate,
    today: NaiveDate,
) -> Result<(Communication, NaiveDate), FieldError> {
    let c = Communication::from_code(communication.trim()).ok_or_else(|| {
        FieldError::invalid_says("communication", Msg::ArsCommunicationUnknown, &[])
    })?;
    let on = crate::import::parse_date(on).map_err(|mut e| {
        e.field = Some("sent_on".to_owned());
        e
    })?;
    if on > today {
        return Err(FieldError::invalid_says(
            "sent_on",
            Msg::CaseDateInFuture,
            &[],
        ));
    }
    if on < first_lesson_day {
        return Err(FieldError::invalid_says(
            "sent_on",
            Msg::ArsSentBeforeYear,
            &[("min", &first_lesson_day.format("%d/%m/%Y"))],
        ));
    }
    Ok((c, on))
}

/// A pupil as the lists name them (the fields ARS asks for that Ponte holds: FAQ 2 asks for
/// "i dati completi dello studente minore, comprensivi di indirizzo e numero telefonico di
/// contatto … verificando la classe frequentata"; Ponte holds no address or telephone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub pupil_id: i64,
    pub surname: String,
    pub name: String,
    pub class_code: String,
    pub matricola: String,
    pub codice_fiscale: Option<String>,
    pub birth_date: Option<NaiveDate>,
}

/// A line of a list: the pupil, the need, whether it is overdue, and what was recorded.
pub fn item(p: &Listed, need: Need, sent: Option<Sent>, today: NaiveDate) -> ArsItem {
    ArsItem {
        pupil_id: p.pupil_id,
        surname: p.surname.clone(),
        name: p.name.clone(),
        class_code: p.class_code.clone(),
        matricola: p.matricola.clone(),
        codice_fiscale: p.codice_fiscale.clone(),
        birth_date: p.birth_date,
        overdue: sent.is_none() && need.due.overdue(today),
        need,
        sent,
    }
}

/// The school's lists: one per [`Communication`] (empty ones too), each pupil in class and
/// name order, with what the school marked as sent (`sent`: pupil, communication, record).
pub fn school_lists(
    today: NaiveDate,
    region: &str,
    school_year: i32,
    cal: &ArsCalendar,
    pupils: &[(Listed, Vec<Need>)],
    sent: &[(i64, Communication, Sent)],
) -> SchoolArs {
    let sent_of = |pupil: i64, c: Communication| {
        sent.iter()
            .find(|(p, sc, _)| *p == pupil && *sc == c)
            .map(|(_, _, s)| s.clone())
    };
    let lists = Communication::ALL
        .into_iter()
        .map(|c| {
            let mut items: Vec<ArsItem> = pupils
                .iter()
                .flat_map(|(p, needs)| {
                    needs
                        .iter()
                        .filter(move |n| n.communication == c)
                        .map(move |n| item(p, *n, sent_of(p.pupil_id, c), today))
                })
                .collect();
            items.sort_by(|a, b| {
                (&a.class_code, &a.surname, &a.name, a.pupil_id).cmp(&(
                    &b.class_code,
                    &b.surname,
                    &b.name,
                    b.pupil_id,
                ))
            });
            ArsList {
                communication: c,
                dropout: c.is_dropout(),
                due_by: c.operation().and_then(|op| cal.deadline(op, school_year)),
                to_send: items.iter().filter(|i| i.sent.is_none()).count() as u32,
                items,
            }
        })
        .collect();
    SchoolArs {
        as_of: today,
        region: region.to_owned(),
        school_year,
        calendar: cal
            .for_school_year(school_year)
            .into_iter()
            .map(|(operation, by)| ArsDeadline {
                operation,
                by,
                days_left: by.signed_duration_since(today).num_days(),
            })
            .collect(),
        lists,
    }
}

#[cfg(test)]
mod tests;
