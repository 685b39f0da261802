//! A school's attendance policy: what counts as absence, how derogations are taken out, which
//! derogation categories the school adopted, its alert thresholds and its documentation deadline.
//!
//! The two seeds differ on all of these (docs/design.md §2), so they are school data; the presets in
//! [`super::presets`] reproduce seed 003 and seed 004.

use super::events::{AbsenceKind, DerogaCategoryCode};
use super::pupil::{SchoolGrade, MAX_ANNUAL_HOURS};
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The kinds of absence a school counts towards the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<AbsenceKind>", into = "Vec<AbsenceKind>")]
pub struct CountedKinds(u16);

impl CountedKinds {
    /// Rejects [`AbsenceKind::SchoolActivity`] and [`AbsenceKind::SuspensionWithAttendance`]: the
    /// pupil is at school, and seed 003 ("Non sono computate … la partecipazione ad attività
    /// organizzate e deliberate dalla scuola") forbids counting it. Duplicates are harmless.
    pub fn new(kinds: &[AbsenceKind]) -> Result<Self, FieldError> {
        let mut bits = 0u16;
        for &k in kinds {
            if k.is_presence() {
                return Err(FieldError::invalid_says(
                    "counted_kinds",
                    Msg::PresenceCountedAsAbsence,
                    &[],
                ));
            }
            bits |= k.bit();
        }
        Ok(CountedKinds(bits))
    }

    pub fn counts(&self, kind: AbsenceKind) -> bool {
        self.0 & kind.bit() != 0
    }

    pub fn kinds(&self) -> Vec<AbsenceKind> {
        AbsenceKind::ALL
            .into_iter()
            .filter(|&k| self.counts(k))
            .collect()
    }
}

impl TryFrom<Vec<AbsenceKind>> for CountedKinds {
    type Error = FieldError;
    fn try_from(v: Vec<AbsenceKind>) -> Result<Self, FieldError> {
        Self::new(&v)
    }
}

impl From<CountedKinds> for Vec<AbsenceKind> {
    fn from(c: CountedKinds) -> Self {
        c.kinds()
    }
}

/// How an approved derogation is taken out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DerogaMode {
    /// The derogated hours are not absence hours; the annual hours stay (docs/design.md §2 default;
    /// seed 003 "tenuto conto delle deroghe riconosciute").
    ExcludeFromAbsences,
    /// The derogated hours are neither absence nor required attendance: they leave the absence
    /// count *and* the annual hours, and the limits are recomputed on what is left (seed 004 art. 6:
    /// "Saranno eliminati dal calcolo dell'orario annuale personalizzato le assenze dovute alle
    /// precedenti voci"). Whole hours are removed from the *monte ore* (minutes rounded down:
    /// never remove more than the derogation covers).
    RemoveFromAnnualHours,
}

/// A derogation category adopted by the school (*criteri di deroga deliberati dal Collegio*).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DerogaCategory {
    pub code: DerogaCategoryCode,
    /// Italian label, as the school's regulation words it.
    pub label: String,
    /// Where it comes from (seed and paragraph, or the school's act).
    pub source: String,
}

/// An alert threshold: when a pupil of `grade` reaches `hours` counted absence hours the school
/// acts (seed 003: "Al raggiungimento della soglia di 200 ore di assenze … per la scuola
/// secondaria il coordinatore … segnalerà al Consiglio di Classe …; ai genitori verrà segnalata,
/// con comunicazione scritta, la situazione a rischio").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Threshold {
    pub grade: SchoolGrade,
    pub hours: u32,
}

/// The status bands, as percentages of the maximum absence already used. Seeds silent; decision:
/// *attention* from 50 %, *at risk* from 80 % (seed 003's 200 h of 247 h is 81 %, and seed 003
/// calls those pupils "a rischio"). Above 100 % the limit is exceeded whatever the bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "BandsSpec", into = "BandsSpec")]
pub struct Bands {
    attention_percent: u8,
    at_risk_percent: u8,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct BandsSpec {
    pub attention_percent: u32,
    pub at_risk_percent: u32,
}

impl Bands {
    pub const DEFAULT: Bands = Bands {
        attention_percent: 50,
        at_risk_percent: 80,
    };

    /// `1 ≤ attention < at_risk ≤ 100`.
    pub fn new(attention_percent: u32, at_risk_percent: u32) -> Result<Self, FieldError> {
        if !(1..=100).contains(&at_risk_percent)
            || attention_percent == 0
            || attention_percent >= at_risk_percent
        {
            return Err(FieldError::invalid_says("bands", Msg::BandsRange, &[]));
        }
        Ok(Bands {
            attention_percent: attention_percent as u8,
            at_risk_percent: at_risk_percent as u8,
        })
    }

    pub fn attention_percent(&self) -> u32 {
        u32::from(self.attention_percent)
    }

    pub fn at_risk_percent(&self) -> u32 {
        u32::from(self.at_risk_percent)
    }
}

impl Default for Bands {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl TryFrom<BandsSpec> for Bands {
    type Error = FieldError;
    fn try_from(s: BandsSpec) -> Result<Self, FieldError> {
        Self::new(s.attention_percent, s.at_risk_percent)
    }
}

impl From<Bands> for BandsSpec {
    fn from(b: Bands) -> Self {
        BandsSpec {
            attention_percent: b.attention_percent(),
            at_risk_percent: b.at_risk_percent(),
        }
    }
}

/// A day of the year without the year (seed 003: "entro il 31 maggio di ogni anno"). 29 February
/// is refused: a yearly deadline must exist every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "MonthDaySpec", into = "MonthDaySpec")]
pub struct MonthDay {
    month: u8,
    day: u8,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct MonthDaySpec {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    pub fn new(month: u32, day: u32) -> Result<Self, FieldError> {
        // 2023 is not a leap year: 29 February does not exist in it.
        if NaiveDate::from_ymd_opt(2023, month, day).is_none() {
            return Err(FieldError::invalid_says(
                "documentation_deadline",
                Msg::DeadlineDayOfYear,
                &[],
            ));
        }
        Ok(MonthDay {
            month: month as u8,
            day: day as u8,
        })
    }

    pub fn month(&self) -> u32 {
        u32::from(self.month)
    }

    pub fn day(&self) -> u32 {
        u32::from(self.day)
    }

    /// The first date on or after `from` falling on this day of the year.
    pub fn next_on_or_after(&self, from: NaiveDate) -> Option<NaiveDate> {
        use chrono::Datelike;
        let this = NaiveDate::from_ymd_opt(from.year(), self.month(), self.day())?;
        if this >= from {
            Some(this)
        } else {
            NaiveDate::from_ymd_opt(from.year().checked_add(1)?, self.month(), self.day())
        }
    }
}

impl TryFrom<MonthDaySpec> for MonthDay {
    type Error = FieldError;
    fn try_from(s: MonthDaySpec) -> Result<Self, FieldError> {
        Self::new(s.month, s.day)
    }
}

impl From<MonthDay> for MonthDaySpec {
    fn from(m: MonthDay) -> Self {
        MonthDaySpec {
            month: m.month(),
            day: m.day(),
        }
    }
}

/// A school's attendance policy, checked whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PolicySpec", into = "PolicySpec")]
pub struct Policy {
    spec: PolicySpec,
}

/// The parts of a [`Policy`] (and its wire form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicySpec {
    /// A name for people ("I.C. San Pietro in Vincoli, circolare 133/2025").
    pub name: String,
    pub counted_kinds: CountedKinds,
    pub deroga_mode: DerogaMode,
    pub deroga_categories: Vec<DerogaCategory>,
    #[serde(default)]
    pub thresholds: Vec<Threshold>,
    #[serde(default)]
    pub bands: Bands,
    /// When the family's documentation of derogable absences is due.
    #[serde(default)]
    pub documentation_deadline: Option<MonthDay>,
    /// After how many late entries the family receives the written notice of repeated late
    /// entries (seed 003, "ritardi reiterati in ingresso"; [`super::late_entries`]); `None`: the
    /// school sends no such notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_entries_notice_after: Option<u32>,
}

impl Policy {
    /// Rejected: an empty name; category codes used twice or with an empty label; a threshold of
    /// 0 hours or above the largest *monte ore*, or given twice for the same grade and hours.
    pub fn new(spec: PolicySpec) -> Result<Self, FieldError> {
        if spec.name.trim().is_empty() || spec.name.chars().count() > 200 {
            return Err(FieldError::invalid_says("name", Msg::PolicyNameLength, &[]));
        }
        for (i, c) in spec.deroga_categories.iter().enumerate() {
            if c.label.trim().is_empty() {
                return Err(FieldError::invalid_says(
                    &format!("deroga_categories[{i}].label"),
                    Msg::DerogaCategoryLabelMissing,
                    &[],
                ));
            }
            if spec.deroga_categories[..i].iter().any(|o| o.code == c.code) {
                return Err(FieldError::invalid_says(
                    &format!("deroga_categories[{i}].code"),
                    Msg::DerogaCategoryRepeated,
                    &[("code", &c.code.as_str())],
                ));
            }
        }
        for (i, t) in spec.thresholds.iter().enumerate() {
            if !(1..=MAX_ANNUAL_HOURS).contains(&t.hours) {
                return Err(FieldError::invalid_says(
                    &format!("thresholds[{i}].hours"),
                    Msg::ThresholdHoursRange,
                    &[("max", &MAX_ANNUAL_HOURS)],
                ));
            }
            if spec.thresholds[..i].contains(t) {
                return Err(FieldError::invalid_says(
                    &format!("thresholds[{i}]"),
                    Msg::ThresholdRepeated,
                    &[],
                ));
            }
        }
        if let Some(n) = spec.late_entries_notice_after {
            super::late_entries::threshold(n)?;
        }
        Ok(Policy { spec })
    }

    pub fn name(&self) -> &str {
        &self.spec.name
    }

    pub fn counts(&self, kind: AbsenceKind) -> bool {
        self.spec.counted_kinds.counts(kind)
    }

    pub fn counted_kinds(&self) -> CountedKinds {
        self.spec.counted_kinds
    }

    pub fn deroga_mode(&self) -> DerogaMode {
        self.spec.deroga_mode
    }

    pub fn deroga_categories(&self) -> &[DerogaCategory] {
        &self.spec.deroga_categories
    }

    pub fn has_category(&self, code: &DerogaCategoryCode) -> bool {
        self.spec.deroga_categories.iter().any(|c| &c.code == code)
    }

    pub fn thresholds(&self) -> &[Threshold] {
        &self.spec.thresholds
    }

    pub fn bands(&self) -> Bands {
        self.spec.bands
    }

    pub fn documentation_deadline(&self) -> Option<MonthDay> {
        self.spec.documentation_deadline
    }

    /// The school's threshold of late entries for the written notice, if it sends one.
    pub fn late_entries_notice_after(&self) -> Option<u32> {
        self.spec.late_entries_notice_after
    }

    pub fn spec(&self) -> &PolicySpec {
        &self.spec
    }
}

impl TryFrom<PolicySpec> for Policy {
    type Error = FieldError;
    fn try_from(s: PolicySpec) -> Result<Self, FieldError> {
        Self::new(s)
    }
}

impl From<Policy> for PolicySpec {
    fn from(p: Policy) -> Self {
        p.spec
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_kinds_refuse_presence() {
        assert!(CountedKinds::new(&[AbsenceKind::SchoolActivity]).is_err());
        assert!(CountedKinds::new(&[AbsenceKind::SuspensionWithAttendance]).is_err());
        let c = CountedKinds::new(&[AbsenceKind::WholeDay, AbsenceKind::WholeDay]).unwrap();
        assert!(c.counts(AbsenceKind::WholeDay));
        assert!(!c.counts(AbsenceKind::LateEntry));
        assert_eq!(c.kinds(), vec![AbsenceKind::WholeDay]);
    }

    #[test]
    fn bands_and_month_day() {
        assert!(Bands::new(80, 50).is_err());
        assert!(Bands::new(0, 50).is_err());
        assert!(Bands::new(50, 101).is_err());
        assert!(Bands::new(50, 100).is_ok());
        assert!(MonthDay::new(2, 29).is_err());
        assert!(MonthDay::new(13, 1).is_err());
        let may31 = MonthDay::new(5, 31).unwrap();
        let first = NaiveDate::from_ymd_opt(2024, 9, 11).unwrap();
        assert_eq!(
            may31.next_on_or_after(first),
            NaiveDate::from_ymd_opt(2025, 5, 31)
        );
        assert_eq!(may31.next_on_or_after(NaiveDate::MAX), None);
    }

    #[test]
    fn policy_rejects_duplicates() {
        let cat = |code: &str| DerogaCategory {
            code: DerogaCategoryCode::new(code).unwrap(),
            label: "x".into(),
            source: String::new(),
        };
        let spec = PolicySpec {
            name: "prova".into(),
            counted_kinds: CountedKinds::new(&[AbsenceKind::WholeDay]).unwrap(),
            deroga_mode: DerogaMode::ExcludeFromAbsences,
            deroga_categories: vec![cat("a"), cat("a")],
            thresholds: vec![],
            bands: Bands::DEFAULT,
            documentation_deadline: None,
            late_entries_notice_after: None,
        };
        let e = Policy::new(spec.clone()).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("deroga_categories[1].code"));
        let mut ok = spec.clone();
        ok.deroga_categories = vec![cat("a")];
        let t = Threshold {
            grade: SchoolGrade::Primaria,
            hours: 0,
        };
        let mut bad = ok.clone();
        bad.thresholds = vec![t];
        assert!(Policy::new(bad).is_err());
        let mut once = ok.clone();
        once.late_entries_notice_after = Some(1);
        let e = Policy::new(once).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("late_entries_notice_after"));
        let mut five = ok.clone();
        five.late_entries_notice_after = Some(5);
        assert_eq!(
            Policy::new(five).unwrap().late_entries_notice_after(),
            Some(5)
        );
        assert!(Policy::new(ok).is_ok());
    }
}
