//! The values of the cells (docs/imports.md, "Every file"): each parsed into a type that holds
//! only valid values, with an Italian message for the school office when it cannot be.

use super::text::fold;
use crate::attendance::{AbsenceKind, NextYearChoice, Outcome, SchoolGrade, WithdrawalKind};
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A class code (`classe`): 1–10 letters and digits, upper case. Spaces are dropped when read,
/// so `3 a` is `3A`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClassCode(String);

impl ClassCode {
    pub const FIELD: &'static str = "classe";
    pub const MAX_LEN: usize = 10;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let code: String = raw
            .chars()
            .filter(|c| !matches!(c, ' ' | '\t' | '\u{a0}'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if code.is_empty() {
            return Err(FieldError::invalid_says(
                Self::FIELD,
                Msg::ClassMissing,
                &[],
            ));
        }
        if !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(FieldError::invalid_says(
                Self::FIELD,
                Msg::ClassCodeChars,
                &[],
            ));
        }
        if code.len() > Self::MAX_LEN {
            return Err(FieldError::invalid_says(
                Self::FIELD,
                Msg::ClassCodeMaxLen,
                &[("max", &Self::MAX_LEN)],
            ));
        }
        Ok(ClassCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The register's pupil number (*matricola*): 1–20 characters among letters, digits, `-`, `_`,
/// `/`, `.`; kept as written (case-sensitive, leading zeros kept).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Matricola(String);

impl Matricola {
    pub const FIELD: &'static str = "matricola";
    pub const MAX_LEN: usize = 20;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let m = raw.trim();
        if m.is_empty() {
            return Err(FieldError::invalid_says(
                Self::FIELD,
                Msg::MatricolaMissing,
                &[],
            ));
        }
        let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.');
        if !m.chars().all(allowed) {
            return Err(FieldError::invalid_says(
                Self::FIELD,
                Msg::MatricolaChars,
                &[],
            ));
        }
        if m.len() > Self::MAX_LEN {
            return Err(FieldError::invalid_says(
                Self::FIELD,
                Msg::MatricolaMaxLen,
                &[("max", &Self::MAX_LEN)],
            ));
        }
        Ok(Matricola(m.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A surname or a name (`cognome`, `nome`): 1–60 characters without control characters,
/// trimmed; otherwise as written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_LEN: usize = 60;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::parse_field(raw, "nome")
    }

    /// Parses a name; errors name `field` (`cognome` or `nome`).
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, FieldError> {
        let what = if field == "cognome" {
            Msg::PhraseSurname
        } else {
            Msg::PhraseName
        };
        let n = raw.trim();
        if n.is_empty() {
            return Err(FieldError::invalid_says(
                field,
                Msg::CellRequired,
                &[("what", &what)],
            ));
        }
        if n.chars().any(char::is_control) {
            return Err(FieldError::invalid_says(
                field,
                Msg::CellControlChars,
                &[("what", &what)],
            ));
        }
        let len = n.chars().count();
        if len > Self::MAX_LEN {
            return Err(FieldError::invalid_says(
                field,
                Msg::TextTooLong,
                &[("what", &what), ("max", &Self::MAX_LEN), ("n", &len)],
            ));
        }
        Ok(PersonName(n.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! string_newtype {
    ($($t:ident),*) => {$(
        impl TryFrom<String> for $t {
            type Error = FieldError;
            fn try_from(s: String) -> Result<Self, FieldError> {
                Self::parse(&s)
            }
        }

        impl From<$t> for String {
            fn from(v: $t) -> String {
                v.0
            }
        }

        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}

string_newtype!(ClassCode, Matricola, PersonName);

/// What a member of staff does at the school (`ruolo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// A teacher: sees the classes they teach.
    Docente,
    /// The school office (*segreteria*, *assistente amministrativo*, DSGA).
    Segreteria,
    /// The head teacher (*dirigente scolastico*).
    Dirigente,
}

impl StaffRole {
    pub const FIELD: &'static str = "ruolo";

    /// `docente`, `segreteria` or `dirigente`; also `dirigente scolastico`, `assistente
    /// amministrativo` and `dsga` (both the office), in any case and with or without accents.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match fold(raw).as_str() {
            "docente" => Ok(StaffRole::Docente),
            "segreteria" | "assistente_amministrativo" | "dsga" => Ok(StaffRole::Segreteria),
            "dirigente" | "dirigente_scolastico" => Ok(StaffRole::Dirigente),
            "" => Err(FieldError::invalid_says(Self::FIELD, Msg::RoleMissing, &[])),
            _ => Err(FieldError::invalid_says(Self::FIELD, Msg::RoleUnknown, &[])),
        }
    }

    /// Secretaries and head teachers run the school's data (imports, notices).
    pub fn manages_school(self) -> bool {
        matches!(self, StaffRole::Segreteria | StaffRole::Dirigente)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Docente => "docente",
            StaffRole::Segreteria => "segreteria",
            StaffRole::Dirigente => "dirigente",
        }
    }
}

/// A date written `gg/mm/aaaa` (also `g/m/aaaa`) or `aaaa-mm-gg`.
pub fn parse_date(raw: &str) -> Result<NaiveDate, FieldError> {
    const FIELD: &str = "data";
    let s = raw.trim();
    if s.is_empty() {
        return Err(FieldError::invalid_says(FIELD, Msg::DateMissing, &[]));
    }
    // Three numbers of 1–2, 1–2 and 4 digits (or 4, 1–2, 1–2) around one kind of separator.
    let numbers = |sep: char, widths: [(usize, usize); 3]| -> Option<[u32; 3]> {
        let mut parts = s.split(sep);
        let mut out = [0u32; 3];
        for (slot, (min, max)) in out.iter_mut().zip(widths) {
            let part = parts.next()?;
            if !(min..=max).contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            *slot = part.parse().ok()?;
        }
        parts.next().is_none().then_some(out)
    };
    let (y, m, d) = if s.contains('/') {
        let [d, m, y] = numbers('/', [(1, 2), (1, 2), (4, 4)]).ok_or_else(date_form)?;
        (y, m, d)
    } else {
        let [y, m, d] = numbers('-', [(4, 4), (1, 2), (1, 2)]).ok_or_else(date_form)?;
        (y, m, d)
    };
    // A four-digit year always fits an i32.
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .ok_or_else(|| FieldError::invalid_says(FIELD, Msg::DateNotExists, &[("date", &s)]))
}

fn date_form() -> FieldError {
    FieldError::invalid_says("data", Msg::ImportDateForm, &[])
}

/// Yes or no: `sì`, `si`, `s`, `x`, `1`, `vero`, `true` / `no`, `n`, `0`, `falso`, `false`; an
/// empty cell is no.
pub fn parse_yes_no(raw: &str) -> Result<bool, FieldError> {
    match fold(raw).as_str() {
        "si" | "s" | "x" | "1" | "vero" | "true" => Ok(true),
        "" | "no" | "n" | "0" | "falso" | "false" => Ok(false),
        _ => Err(FieldError::invalid_says("si_no", Msg::YesNo, &[])),
    }
}

/// A number of hours, whole or decimal with `,` or `.`, as minutes: `1,5` → 90. It must come to
/// whole minutes (`0,25` yes, `0,1` — 6 minutes — yes, `1,333` no).
pub fn parse_hours_as_minutes(raw: &str) -> Result<u32, FieldError> {
    const FIELD: &str = "ore";
    let s = raw.trim();
    let form = || FieldError::invalid_says(FIELD, Msg::HoursNumber, &[]);
    let (whole, frac) = match s.find([',', '.']) {
        Some(p) => (&s[..p], &s[p + 1..]),
        None => (s, ""),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
        return Err(form());
    }
    // Nine digits before the point are more hours than any school has; it also keeps the
    // arithmetic in u64 far from overflow.
    let frac = frac.trim_end_matches('0');
    if whole.len() > 9 || frac.len() > 9 {
        return Err(form());
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| form())?
    };
    let scale = 10u64.pow(frac.len() as u32);
    let frac_value: u64 = if frac.is_empty() {
        0
    } else {
        frac.parse().map_err(|_| form())?
    };
    let frac_minutes = frac_value * 60;
    if !frac_minutes.is_multiple_of(scale) {
        return Err(FieldError::invalid_says(
            FIELD,
            Msg::HoursNotWholeMinutes,
            &[("hours", &s)],
        ));
    }
    let minutes = whole * 60 + frac_minutes / scale;
    u32::try_from(minutes).map_err(|_| form())
}

/// A whole number within `min..=max`; `what` is the start of the message, with its verb
/// ("Le ore del lunedì devono essere").
pub(crate) fn parse_whole(raw: &str, min: u32, max: u32, what: Msg) -> Result<u32, FieldError> {
    let s = raw.trim();
    let error = || {
        FieldError::invalid_says(
            "numero",
            Msg::WholeNumberIs,
            &[("what", &what), ("min", &min), ("max", &max)],
        )
    };
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(error());
    }
    match s.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(error()),
    }
}

/// The school grade (`ordine`): `primaria`, `secondaria_primo_grado`,
/// `secondaria_secondo_grado`, also written `secondaria di primo grado`, `secondaria I grado`,
/// `secondaria di I grado` (and the same for the second grade), in any case.
pub fn parse_grade(raw: &str) -> Result<SchoolGrade, FieldError> {
    match fold(raw).as_str() {
        "primaria" => Ok(SchoolGrade::Primaria),
        "secondaria_primo_grado"
        | "secondaria_di_primo_grado"
        | "secondaria_i_grado"
        | "secondaria_di_i_grado" => Ok(SchoolGrade::SecondariaPrimoGrado),
        "secondaria_secondo_grado"
        | "secondaria_di_secondo_grado"
        | "secondaria_ii_grado"
        | "secondaria_di_ii_grado" => Ok(SchoolGrade::SecondariaSecondoGrado),
        _ => Err(FieldError::invalid_says(
            "ordine",
            Msg::SchoolGradeUnknown,
            &[],
        )),
    }
}

/// The word the import files use for a grade.
pub fn grade_code(grade: SchoolGrade) -> &'static str {
    grade.code()
}

/// The kind of an absence (`tipo` of the `assenze` file), with the aliases of docs/imports.md.
pub fn parse_absence_kind(raw: &str) -> Result<AbsenceKind, FieldError> {
    match fold(raw).as_str() {
        "assenza" => Ok(AbsenceKind::WholeDay),
        "ritardo" | "ingresso_in_ritardo" => Ok(AbsenceKind::LateEntry),
        "ingresso_posticipato" | "entrata_posticipata" => Ok(AbsenceKind::DeferredEntry),
        "uscita_anticipata" | "uscita" => Ok(AbsenceKind::EarlyExit),
        "astensione" => Ok(AbsenceKind::Abstention),
        "uscita_didattica_non_partecipata" => Ok(AbsenceKind::MissedSchoolTrip),
        "sospensione" | "sospensione_senza_obbligo" => Ok(AbsenceKind::SuspensionWithoutAttendance),
        "sospensione_con_obbligo" => Ok(AbsenceKind::SuspensionWithAttendance),
        "attivita_scolastica" => Ok(AbsenceKind::SchoolActivity),
        _ => Err(FieldError::invalid_says(
            "tipo",
            Msg::AbsenceKindUnknown,
            &[],
        )),
    }
}

/// How a pupil left (`tipo_ritiro`): `ritiro` (also `ritiro formale`, `ritirato`, `ritirata`),
/// `abbandono` (also `abbandono non formale`, `non formale`), `trasferimento` (also
/// `trasferito`, `trasferita`, `nulla osta`).
pub fn parse_withdrawal_kind(raw: &str) -> Result<WithdrawalKind, FieldError> {
    match fold(raw).as_str() {
        "ritiro" | "ritiro_formale" | "ritirato" | "ritirata" => Ok(WithdrawalKind::Ritiro),
        "abbandono" | "abbandono_non_formale" | "non_formale" => Ok(WithdrawalKind::Abbandono),
        "trasferimento" | "trasferito" | "trasferita" | "nulla_osta" => {
            Ok(WithdrawalKind::Trasferimento)
        }
        _ => Err(FieldError::invalid_says(
            "tipo_ritiro",
            Msg::WithdrawalKindUnknown,
            &[],
        )),
    }
}

/// The next year's choice (`scelta_anno_successivo`): `istruzione` (also `liceo`, `tecnico`,
/// `istituto tecnico`, `professionale`, `istituto professionale`, `secondaria di secondo
/// grado`), `iefp` (also `formazione professionale`), `apprendistato`, `nessuna` (also
/// `nessuna scelta`, `non prosegue`).
pub fn parse_next_year(raw: &str) -> Result<NextYearChoice, FieldError> {
    match fold(raw).as_str() {
        "istruzione"
        | "liceo"
        | "tecnico"
        | "istituto_tecnico"
        | "professionale"
        | "istituto_professionale"
        | "secondaria_secondo_grado"
        | "secondaria_di_secondo_grado"
        | "secondaria_ii_grado"
        | "secondaria_di_ii_grado" => Ok(NextYearChoice::Istruzione),
        "iefp" | "formazione_professionale" | "istruzione_e_formazione_professionale" => {
            Ok(NextYearChoice::Iefp)
        }
        "apprendistato" => Ok(NextYearChoice::Apprendistato),
        "nessuna" | "nessuna_scelta" | "non_prosegue" => Ok(NextYearChoice::Nessuna),
        _ => Err(FieldError::invalid_says(
            "scelta_anno_successivo",
            Msg::NextYearChoiceUnknown,
            &[],
        )),
    }
}

/// The final outcome (`esito`): `ammesso` (also `ammessa`, `promosso`, `promossa`), `non
/// ammesso` (also `non ammessa`, `respinto`, `respinta`), `giudizio sospeso` (also `sospeso`,
/// `sospesa`).
pub fn parse_outcome(raw: &str) -> Result<Outcome, FieldError> {
    match fold(raw).as_str() {
        "ammesso" | "ammessa" | "promosso" | "promossa" => Ok(Outcome::Ammesso),
        "non_ammesso" | "non_ammessa" | "respinto" | "respinta" => Ok(Outcome::NonAmmesso),
        "giudizio_sospeso" | "sospeso" | "sospesa" => Ok(Outcome::GiudizioSospeso),
        _ => Err(FieldError::invalid_says("esito", Msg::OutcomeUnknown, &[])),
    }
}

/// The word the import files use for an absence kind (the canonical one of its aliases).
pub fn absence_kind_code(kind: AbsenceKind) -> &'static str {
    match kind {
        AbsenceKind::WholeDay => "assenza",
        AbsenceKind::LateEntry => "ritardo",
        AbsenceKind::DeferredEntry => "ingresso_posticipato",
        AbsenceKind::EarlyExit => "uscita_anticipata",
        AbsenceKind::Abstention => "astensione",
        AbsenceKind::MissedSchoolTrip => "uscita_didattica_non_partecipata",
        AbsenceKind::SuspensionWithoutAttendance => "sospensione",
        AbsenceKind::SuspensionWithAttendance => "sospensione_con_obbligo",
        AbsenceKind::SchoolActivity => "attivita_scolastica",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg<T: fmt::Debug>(r: Result<T, FieldError>) -> String {
        r.unwrap_err().message
    }

    #[test]
    fn status_words() {
        assert_eq!(
            parse_withdrawal_kind("Ritiro formale").unwrap(),
            WithdrawalKind::Ritiro
        );
        assert_eq!(
            parse_withdrawal_kind("abbandono non-formale").unwrap(),
            WithdrawalKind::Abbandono
        );
        assert_eq!(
            parse_withdrawal_kind("Nulla osta").unwrap(),
            WithdrawalKind::Trasferimento
        );
        assert!(
            msg(parse_withdrawal_kind("sparito")).starts_with("Tipo di ritiro non riconosciuto")
        );
        assert_eq!(
            parse_next_year("Liceo").unwrap(),
            NextYearChoice::Istruzione
        );
        assert_eq!(
            parse_next_year("formazione professionale").unwrap(),
            NextYearChoice::Iefp
        );
        assert_eq!(
            parse_next_year("non prosegue").unwrap(),
            NextYearChoice::Nessuna
        );
        assert!(msg(parse_next_year("boh")).contains("istruzione, iefp"));
        assert_eq!(parse_outcome("Non ammessa").unwrap(), Outcome::NonAmmesso);
        assert_eq!(
            parse_outcome("giudizio sospeso").unwrap(),
            Outcome::GiudizioSospeso
        );
        assert_eq!(parse_outcome("PROMOSSO").unwrap(), Outcome::Ammesso);
        assert!(msg(parse_outcome("forse")).contains("ammesso, non ammesso"));
    }

    #[test]
    fn class_codes() {
        assert_eq!(ClassCode::parse(" 3 a ").unwrap().as_str(), "3A");
        assert_eq!(ClassCode::parse("5ainf").unwrap().as_str(), "5AINF");
        assert!(msg(ClassCode::parse("")).contains("Indicare"));
        assert!(msg(ClassCode::parse("3ª")).contains("solo lettere"));
        assert!(msg(ClassCode::parse("3-A")).contains("solo lettere"));
        assert!(msg(ClassCode::parse("ABCDEFGHIJK")).contains("10 caratteri"));
        assert!(ClassCode::parse("ABCDEFGHIJ").is_ok());
    }

    #[test]
    fn matricole() {
        assert_eq!(Matricola::parse(" 00123 ").unwrap().as_str(), "00123");
        assert_eq!(Matricola::parse("a-1_b/2.c").unwrap().as_str(), "a-1_b/2.c");
        assert_ne!(
            Matricola::parse("ab").unwrap(),
            Matricola::parse("AB").unwrap()
        );
        assert!(Matricola::parse("").is_err());
        assert!(msg(Matricola::parse("12 34")).contains("niente spazi"));
        assert!(Matricola::parse(&"1".repeat(21)).is_err());
        assert!(Matricola::parse(&"1".repeat(20)).is_ok());
    }

    #[test]
    fn names() {
        assert_eq!(
            PersonName::parse_field(" D'Angelo ", "cognome")
                .unwrap()
                .as_str(),
            "D'Angelo"
        );
        assert!(msg(PersonName::parse_field("", "cognome")).starts_with("Il cognome"));
        assert!(msg(PersonName::parse("a\nb")).contains("non stampabili"));
        assert!(PersonName::parse(&"à".repeat(60)).is_ok());
        assert!(msg(PersonName::parse(&"à".repeat(61))).contains("ne ha 61"));
    }

    #[test]
    fn roles() {
        assert_eq!(StaffRole::parse("Docente"), Ok(StaffRole::Docente));
        assert_eq!(
            StaffRole::parse("Assistente amministrativo"),
            Ok(StaffRole::Segreteria)
        );
        assert_eq!(StaffRole::parse("DSGA"), Ok(StaffRole::Segreteria));
        assert_eq!(
            StaffRole::parse("dirigente scolastico"),
            Ok(StaffRole::Dirigente)
        );
        assert!(StaffRole::parse("bidello").is_err());
        assert!(StaffRole::parse("").is_err());
    }

    #[test]
    fn dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(parse_date("15/09/2025"), Ok(d(2025, 9, 15)));
        assert_eq!(parse_date("1/9/2025"), Ok(d(2025, 9, 1)));
        assert_eq!(parse_date("2025-09-01"), Ok(d(2025, 9, 1)));
        assert_eq!(parse_date("2025-9-1"), Ok(d(2025, 9, 1)));
        assert_eq!(
            msg(parse_date("31/02/2026")),
            "La data 31/02/2026 non esiste."
        );
        assert!(msg(parse_date("15/09/25")).contains("gg/mm/aaaa"));
        assert!(msg(parse_date("15.09.2025")).contains("gg/mm/aaaa"));
        assert!(msg(parse_date("15/09/2025 00:00")).contains("gg/mm/aaaa"));
        assert!(msg(parse_date("+1/09/2025")).contains("gg/mm/aaaa"));
        assert!(parse_date("").is_err());
        assert!(parse_date("2025-13-01").is_err());
    }

    #[test]
    fn yes_no() {
        for y in ["sì", "SI", "s", "X", "1", "Vero", "true", "si'"] {
            assert_eq!(parse_yes_no(y), Ok(true), "{y}");
        }
        for n in ["", " ", "No", "n", "0", "falso", "FALSE"] {
            assert_eq!(parse_yes_no(n), Ok(false), "{n}");
        }
        assert!(parse_yes_no("forse").is_err());
    }

    #[test]
    fn hours() {
        for (raw, m) in [
            ("1", 60),
            ("1,5", 90),
            ("1.5", 90),
            ("0,25", 15),
            ("0,1", 6),
            (",5", 30),
            ("2,", 120),
            ("1,50", 90),
            ("0", 0),
            ("0,500000000000", 30),
        ] {
            assert_eq!(parse_hours_as_minutes(raw), Ok(m), "{raw}");
        }
        assert!(msg(parse_hours_as_minutes("1,333")).contains("minuti"));
        for bad in [
            "",
            ",",
            "-1",
            "1,5,0",
            "1.000,5",
            "uno",
            "1 h",
            "9999999999",
            "0,0166666666",
        ] {
            assert!(parse_hours_as_minutes(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn grades_and_kinds() {
        assert_eq!(
            parse_grade("Secondaria di primo grado"),
            Ok(SchoolGrade::SecondariaPrimoGrado)
        );
        assert_eq!(
            parse_grade("secondaria II grado"),
            Ok(SchoolGrade::SecondariaSecondoGrado)
        );
        assert_eq!(parse_grade("PRIMARIA"), Ok(SchoolGrade::Primaria));
        assert!(parse_grade("infanzia").is_err());
        for kind in AbsenceKind::ALL {
            assert_eq!(parse_absence_kind(absence_kind_code(kind)), Ok(kind));
        }
        assert_eq!(
            parse_absence_kind("Entrata posticipata"),
            Ok(AbsenceKind::DeferredEntry)
        );
        assert_eq!(parse_absence_kind("uscita"), Ok(AbsenceKind::EarlyExit));
        assert_eq!(
            parse_absence_kind("Ingresso in ritardo"),
            Ok(AbsenceKind::LateEntry)
        );
        assert_eq!(
            parse_absence_kind("Attività scolastica"),
            Ok(AbsenceKind::SchoolActivity)
        );
        assert!(parse_absence_kind("malattia").is_err());
        for g in [
            SchoolGrade::Primaria,
            SchoolGrade::SecondariaPrimoGrado,
            SchoolGrade::SecondariaSecondoGrado,
        ] {
            assert_eq!(parse_grade(grade_code(g)), Ok(g));
        }
    }
}
