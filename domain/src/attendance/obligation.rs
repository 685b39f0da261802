//! The obligation to attend school (*obbligo di istruzione*) and what the register says of a
//! pupil's standing beyond attendance: date of birth, withdrawal, home schooling, the choice for
//! the next year, the final outcome (the optional columns of the `alunni` file, docs/imports.md).
//!
//! Law 159/2023 art. 12 (seed 003) applies to "alunni soggetti all'obbligo di istruzione"; the
//! obligation runs for ten years, from 6 to 16 (L. 296/2006, art. 1 c. 622; issue 19:
//! "age 6–16"). What this module decides, and why:
//!
//! - **By age**, when the register gives the date of birth: subject on a day `d` when the pupil is
//!   at least 6 and not yet 16 on `d` — from the sixth birthday to the day before the sixteenth.
//!   A pupil who enrolled early (*anticipatario*, 5 in September) is subject from the sixth
//!   birthday; a pupil who repeated a year and turned 16 is no longer subject, whatever the grade.
//! - **By grade**, when the date of birth is not given: primaria and secondaria di primo grado
//!   always, secondaria di secondo grado in its first two years (the ten years: five, three and
//!   two). The year of a class is the first digit of its code, after any letters of a prefix
//!   (`1A`, `2BS`, `S1A`): class codes in Italian registers carry it. A code of secondaria di
//!   secondo grado without a digit from 1 to 5 there gives no year, and the pupil is **not**
//!   taken as subject: docs/imports.md tells the office to give the date of birth rather than
//!   have Ponte guess a procedure.
//! - **The day** the rule is read on is the caller's: the Law 159 procedure reads it on the day
//!   the pupil was flagged (the sixteenth day of absence), so a pupil who turns 16 afterwards
//!   keeps the case that was opened while subject.
//! - **Home schooling** (*istruzione parentale*) fulfils the obligation another way (seed 000, FAQ
//!   8: "non configura una situazione di abbandono"); a **withdrawal** ends the pupil's time at
//!   this school on its date. Neither changes the age rule; the callers that open procedures
//!   ([`SchoolStatus::attends_on`]) leave such pupils out.

use super::SchoolGrade;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The obligation starts on the sixth birthday.
pub const FROM_AGE: u32 = 6;
/// And ends on the sixteenth.
pub const UNTIL_AGE: u32 = 16;
/// Years of secondaria di secondo grado within the ten years of the obligation.
pub const SECOND_GRADE_YEARS: u32 = 2;

/// Completed years of age on `on` (`None` before the birth).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    on.years_since(birth)
}

/// The year of a class from its code: the first digit, after any letters of a prefix, 1 to 5
/// (`3A` → 3, `P3B` → 3, `S1A` → 1).
pub fn class_year(code: &str) -> Option<u32> {
    code.chars()
        .find(|c| !c.is_ascii_alphabetic())
        .and_then(|c| c.to_digit(10))
        .filter(|y| (1..=5).contains(y))
}

/// What the decision rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum ObligationBasis {
    /// The date of birth: the pupil's age on the day.
    Age { age: u32 },
    /// No date of birth: the grade and the class's year.
    Grade,
}

/// Whether a pupil is of compulsory-school age on a day, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Obligation {
    pub subject: bool,
    #[serde(flatten)]
    pub basis: ObligationBasis,
}

/// The compulsory-school age rule (module docs) for a pupil born on `birth` (if known), in a
/// class of `grade` whose code is `class`, on `on`.
pub fn obligation(
    birth: Option<NaiveDate>,
    grade: SchoolGrade,
    class: &str,
    on: NaiveDate,
) -> Obligation {
    match birth {
        Some(b) => {
            let age = age_on(b, on).unwrap_or(0);
            Obligation {
                subject: (FROM_AGE..UNTIL_AGE).contains(&age),
                basis: ObligationBasis::Age { age },
            }
        }
        None => Obligation {
            subject: match grade {
                SchoolGrade::Primaria | SchoolGrade::SecondariaPrimoGrado => true,
                SchoolGrade::SecondariaSecondoGrado => {
                    class_year(class).is_some_and(|y| y <= SECOND_GRADE_YEARS)
                }
            },
            basis: ObligationBasis::Grade,
        },
    }
}

/// How a pupil left the school during the year (`tipo_ritiro`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WithdrawalKind {
    /// *Ritiro formale*: the family withdrew the pupil in writing (seed 000 tells apart a
    /// withdrawal before and after 15 March by its date).
    Ritiro,
    /// *Abbandono non formale*: the pupil stopped attending without a formal act.
    Abbandono,
    /// *Trasferimento*: moved to another school (*nulla osta*); not a dropout.
    Trasferimento,
}

impl WithdrawalKind {
    pub const ALL: [WithdrawalKind; 3] = [
        WithdrawalKind::Ritiro,
        WithdrawalKind::Abbandono,
        WithdrawalKind::Trasferimento,
    ];

    /// The code in files, the API and D1 (the serde name).
    pub fn code(self) -> &'static str {
        match self {
            WithdrawalKind::Ritiro => "ritiro",
            WithdrawalKind::Abbandono => "abbandono",
            WithdrawalKind::Trasferimento => "trasferimento",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A withdrawal: its date (the first day the pupil no longer belongs to the school's register
/// is the day after) and kind. The two columns come together or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Withdrawal {
    pub on: NaiveDate,
    pub kind: WithdrawalKind,
}

/// The choice for the next school year (`scelta_anno_successivo`), recorded for the third year
/// of secondaria di primo grado (seed 000, Tabella 1: "alunni minori di classe terza che non
/// hanno effettuata alcuna scelta per l'anno scolastico successivo"), and for any pupil who does
/// not continue (`nessuna`: "non proseguono gli studi").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NextYearChoice {
    /// A school of the second cycle (liceo, istituto tecnico or professionale).
    Istruzione,
    /// A regional vocational course (*IeFP*).
    Iefp,
    /// An apprenticeship (*apprendistato*).
    Apprendistato,
    /// No choice made, or not continuing.
    Nessuna,
}

impl NextYearChoice {
    pub const ALL: [NextYearChoice; 4] = [
        NextYearChoice::Istruzione,
        NextYearChoice::Iefp,
        NextYearChoice::Apprendistato,
        NextYearChoice::Nessuna,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NextYearChoice::Istruzione => "istruzione",
            NextYearChoice::Iefp => "iefp",
            NextYearChoice::Apprendistato => "apprendistato",
            NextYearChoice::Nessuna => "nessuna",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The final outcome of the year (`esito`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Admitted to the next year (or to the final exam).
    Ammesso,
    /// Not admitted: a negative outcome (seed 000: "esito negativo").
    NonAmmesso,
    /// Judgement suspended until the September tests (*giudizio sospeso*, second grade).
    GiudizioSospeso,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [
        Outcome::Ammesso,
        Outcome::NonAmmesso,
        Outcome::GiudizioSospeso,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Outcome::Ammesso => "ammesso",
            Outcome::NonAmmesso => "non_ammesso",
            Outcome::GiudizioSospeso => "giudizio_sospeso",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What the register says of a pupil beyond attendance (the optional columns of `alunni`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct SchoolStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<Withdrawal>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub home_schooling: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_year: Option<NextYearChoice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
}

impl SchoolStatus {
    /// Nothing recorded (a file without the optional columns).
    pub fn is_empty(&self) -> bool {
        *self == SchoolStatus::default()
    }

    /// Whether the pupil still belongs to the school's register on `on`: not in home schooling
    /// and not withdrawn before that day (the day of the withdrawal is still theirs).
    pub fn attends_on(&self, on: NaiveDate) -> bool {
        !self.home_schooling && self.withdrawal.is_none_or(|w| on <= w.on)
    }

    /// [`obligation`] with this pupil's date of birth.
    pub fn obligation(&self, grade: SchoolGrade, class: &str, on: NaiveDate) -> Obligation {
        obligation(self.birth_date, grade, class, on)
    }

    /// Whether the school should see the pupil's standing beside the Law 159 cases: withdrawn,
    /// in home schooling, no choice for the next year, not admitted.
    pub fn notable(&self) -> bool {
        self.withdrawal.is_some()
            || self.home_schooling
            || self.next_year == Some(NextYearChoice::Nessuna)
            || self.outcome == Some(Outcome::NonAmmesso)
    }

    /// Whether the Law 159/2023 procedure applies to the pupil on `on`: of compulsory-school
    /// age and still attending this school.
    pub fn law159_applies(&self, grade: SchoolGrade, class: &str, on: NaiveDate) -> bool {
        self.attends_on(on) && self.obligation(grade, class, on).subject
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap() // ok: test
    }

    #[test]
    fn age_counts_completed_years() {
        assert_eq!(age_on(d(2010, 3, 20), d(2026, 3, 19)), Some(15));
        assert_eq!(age_on(d(2010, 3, 20), d(2026, 3, 20)), Some(16));
        assert_eq!(age_on(d(2012, 2, 29), d(2018, 2, 28)), Some(5));
        assert_eq!(age_on(d(2012, 2, 29), d(2018, 3, 1)), Some(6));
        assert_eq!(age_on(d(2026, 1, 1), d(2025, 1, 1)), None);
    }

    #[test]
    fn by_age_from_the_sixth_to_the_day_before_the_sixteenth_birthday() {
        let on = d(2026, 3, 20);
        let by = |birth| obligation(Some(birth), SchoolGrade::SecondariaSecondoGrado, "3A", on);
        // Turns 16 on the day: no longer subject, whatever the grade says.
        assert_eq!(
            by(d(2010, 3, 20)),
            Obligation {
                subject: false,
                basis: ObligationBasis::Age { age: 16 }
            }
        );
        // Still 15 the day before the birthday: subject even in the third year.
        assert!(by(d(2010, 3, 21)).subject);
        // An early starter of primaria, 5 in March: not yet.
        let early = obligation(Some(d(2020, 4, 30)), SchoolGrade::Primaria, "1A", on);
        assert_eq!(early.basis, ObligationBasis::Age { age: 5 });
        assert!(!early.subject);
        assert!(obligation(Some(d(2020, 3, 20)), SchoolGrade::Primaria, "1A", on).subject);
        // Born after the day (a wrong date in the register): not subject, age 0.
        assert!(!by(d(2027, 1, 1)).subject);
    }

    #[test]
    fn without_a_birth_date_the_grade_decides() {
        let on = d(2026, 3, 20);
        let by = |grade, class| obligation(None, grade, class, on);
        assert!(by(SchoolGrade::Primaria, "5C").subject);
        assert!(by(SchoolGrade::SecondariaPrimoGrado, "3G").subject);
        assert!(by(SchoolGrade::SecondariaSecondoGrado, "1A").subject);
        assert!(by(SchoolGrade::SecondariaSecondoGrado, "2BS").subject);
        assert!(!by(SchoolGrade::SecondariaSecondoGrado, "3A").subject);
        assert!(!by(SchoolGrade::SecondariaSecondoGrado, "5A").subject);
        // A code without the year: not guessed.
        assert!(!by(SchoolGrade::SecondariaSecondoGrado, "AB").subject);
        assert!(!by(SchoolGrade::SecondariaSecondoGrado, "9A").subject);
        assert_eq!(by(SchoolGrade::Primaria, "X").basis, ObligationBasis::Grade);
    }

    #[test]
    fn class_year_is_the_leading_digit() {
        assert_eq!(class_year("1A"), Some(1));
        assert_eq!(class_year("5AL"), Some(5));
        assert_eq!(class_year("P3B"), Some(3));
        assert_eq!(class_year("S1A"), Some(1));
        assert_eq!(class_year("AB"), None);
        assert_eq!(class_year("0A"), None);
        assert_eq!(class_year("6A"), None);
        assert_eq!(class_year("A"), None);
        assert_eq!(class_year(""), None);
    }

    #[test]
    fn home_schooling_and_withdrawal_leave_the_procedure() {
        let on = d(2026, 3, 20);
        let mut s = SchoolStatus {
            birth_date: Some(d(2013, 5, 1)),
            ..SchoolStatus::default()
        };
        assert!(s.law159_applies(SchoolGrade::SecondariaPrimoGrado, "1A", on));
        s.home_schooling = true;
        assert!(!s.law159_applies(SchoolGrade::SecondariaPrimoGrado, "1A", on));
        s.home_schooling = false;
        s.withdrawal = Some(Withdrawal {
            on: d(2026, 3, 20),
            kind: WithdrawalKind::Ritiro,
        });
        assert!(s.attends_on(on));
        assert!(!s.attends_on(d(2026, 3, 21)));
    }

    #[test]
    fn codes_round_trip_and_match_serde() {
        for k in WithdrawalKind::ALL {
            assert_eq!(WithdrawalKind::from_code(k.code()), Some(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.code())
            ); // ok: test
        }
        for k in NextYearChoice::ALL {
            assert_eq!(NextYearChoice::from_code(k.code()), Some(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.code())
            ); // ok: test
        }
        for k in Outcome::ALL {
            assert_eq!(Outcome::from_code(k.code()), Some(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.code())
            ); // ok: test
        }
        assert_eq!(
            serde_json::to_string(&SchoolStatus::default()).unwrap(), // ok: test
            "{}"
        );
    }
}
