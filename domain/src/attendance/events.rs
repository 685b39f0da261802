//! What the register records: absence events (*assenze, ritardi, ingressi posticipati, uscite
//! anticipate*…) and derogations (*deroghe*).
//!
//! Time is in **minutes** of lesson: a lesson hour (*unità oraria*) is 60 minutes whatever its
//! clock length, so a late entry of 10 minutes is 10 minutes of absence (seed 003, point 1: "nel
//! computo del monte ore di assenze … vengono considerati anche i ritardi"; seed 004 art. 5 "I
//! ritardi"). Whole hours are multiples of 60.
//!
//! A derogation covers the events that reference it (by [`DerogaId`]) and fall within its dates,
//! up to the hours it recognises. Decision where the seeds are silent: the link is explicit — a
//! derogation for a hospital stay does not silently swallow an unrelated late entry in the same
//! weeks. When the register keeps no link (a request is a category and dates), the link is made
//! by [`Deroga::covers`], which keeps that promise: within the dates, the days the pupil was away
//! all day (the absences the seeds' categories describe: "Assenze per ricovero", "Assenze
//! continuative", seed 003; "assenze debitamente documentate", seed 004 art. 6, after C.M. 20/2011 "documentate e
//! CONTINUATIVE"); a part of a
//! day (late or deferred entry, early exit) only when the derogation is for that one day (a
//! visit, a therapy session, a competition); never an abstention or a suspension, whose reason
//! is their own.

use super::calendar::DateRange;
use super::pupil::MAX_ANNUAL_HOURS;
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The most minutes one event can hold: a whole day of [`super::DailyHours::MAX`] hours.
pub const MAX_EVENT_MINUTES: u32 = super::limits::DailyHours::MAX * 60;

/// What kind of absence the register records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AbsenceKind {
    /// Absent all day (*assenza*): the hours of that day's timetable.
    WholeDay,
    /// Late arrival (*ritardo*).
    LateEntry,
    /// Entry at a later lesson (*ingresso posticipato*, seed 004 art. 5 "entrate alla seconda ora").
    DeferredEntry,
    /// Early exit (*uscita anticipata*).
    EarlyExit,
    /// Abstention from lessons (*astensione dalle lezioni*, seed 004 art. 5).
    Abstention,
    /// Did not take part in a school trip or outing and did not attend school instead (seed 004
    /// art. 5, "mancata partecipazione alle uscite didattiche, a viaggi di istruzione").
    MissedSchoolTrip,
    /// Disciplinary suspension *without* the obligation to attend (*sospensione senza obbligo di
    /// frequenza*): not counted by seed 003, counted by seed 004 art. 5.
    SuspensionWithoutAttendance,
    /// Disciplinary suspension *with* the obligation to attend: the pupil is at school, never an
    /// absence (a policy cannot count it).
    SuspensionWithAttendance,
    /// Taking part in an activity organised by the school (seed 003 "Non sono computate …"):
    /// the pupil is at a school activity, never an absence (a policy cannot count it).
    SchoolActivity,
}

impl AbsenceKind {
    pub const ALL: [AbsenceKind; 9] = [
        AbsenceKind::WholeDay,
        AbsenceKind::LateEntry,
        AbsenceKind::DeferredEntry,
        AbsenceKind::EarlyExit,
        AbsenceKind::Abstention,
        AbsenceKind::MissedSchoolTrip,
        AbsenceKind::SuspensionWithoutAttendance,
        AbsenceKind::SuspensionWithAttendance,
        AbsenceKind::SchoolActivity,
    ];

    /// Kinds that are by nature part of a day and must state their minutes.
    pub fn is_partial(self) -> bool {
        matches!(
            self,
            AbsenceKind::LateEntry | AbsenceKind::DeferredEntry | AbsenceKind::EarlyExit
        )
    }

    /// Kinds where the pupil is at school or doing school work: never absence hours.
    pub fn is_presence(self) -> bool {
        matches!(
            self,
            AbsenceKind::SuspensionWithAttendance | AbsenceKind::SchoolActivity
        )
    }

    /// The stored and API code (the serde name, snake_case).
    pub fn code(self) -> &'static str {
        match self {
            AbsenceKind::WholeDay => "whole_day",
            AbsenceKind::LateEntry => "late_entry",
            AbsenceKind::DeferredEntry => "deferred_entry",
            AbsenceKind::EarlyExit => "early_exit",
            AbsenceKind::Abstention => "abstention",
            AbsenceKind::MissedSchoolTrip => "missed_school_trip",
            AbsenceKind::SuspensionWithoutAttendance => "suspension_without_attendance",
            AbsenceKind::SuspensionWithAttendance => "suspension_with_attendance",
            AbsenceKind::SchoolActivity => "school_activity",
        }
    }

    /// The kind of a stored code; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// The school's identifier of a derogation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DerogaId(pub u32);

/// One absence record of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "AbsenceEventSpec", into = "AbsenceEventSpec")]
pub struct AbsenceEvent {
    date: NaiveDate,
    kind: AbsenceKind,
    minutes: Option<u16>,
    justified: bool,
    deroga: Option<DerogaId>,
}

/// The wire form of an [`AbsenceEvent`].
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct AbsenceEventSpec {
    pub date: NaiveDate,
    pub kind: AbsenceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    pub justified: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deroga: Option<DerogaId>,
}

impl AbsenceEvent {
    /// `minutes`: the lesson minutes missed, 1 to [`MAX_EVENT_MINUTES`]. Required for late
    /// entries, deferred entries and early exits; for the other kinds `None` means the whole
    /// day's timetable (and a number, when the register has one, is used instead).
    pub fn new(
        date: NaiveDate,
        kind: AbsenceKind,
        minutes: Option<u32>,
        justified: bool,
        deroga: Option<DerogaId>,
    ) -> Result<Self, FieldError> {
        let minutes = match minutes {
            None if kind.is_partial() => {
                return Err(FieldError::invalid_says(
                    "minutes",
                    Msg::EventMinutesMissing,
                    &[],
                ))
            }
            None => None,
            Some(m) if (1..=MAX_EVENT_MINUTES).contains(&m) => Some(m as u16),
            Some(_) => {
                return Err(FieldError::invalid_says(
                    "minutes",
                    Msg::EventMinutesRange,
                    &[("max", &MAX_EVENT_MINUTES)],
                ))
            }
        };
        Ok(AbsenceEvent {
            date,
            kind,
            minutes,
            justified,
            deroga,
        })
    }

    /// A whole-day absence (cannot fail).
    pub fn whole_day(date: NaiveDate, justified: bool) -> Self {
        AbsenceEvent {
            date,
            kind: AbsenceKind::WholeDay,
            minutes: None,
            justified,
            deroga: None,
        }
    }

    /// The same event, covered by derogation `id`.
    pub fn with_deroga(mut self, id: DerogaId) -> Self {
        self.deroga = Some(id);
        self
    }

    pub fn date(&self) -> NaiveDate {
        self.date
    }

    pub fn kind(&self) -> AbsenceKind {
        self.kind
    }

    /// Minutes recorded; `None`: the whole day's timetable.
    pub fn minutes(&self) -> Option<u32> {
        self.minutes.map(u32::from)
    }

    pub fn justified(&self) -> bool {
        self.justified
    }

    pub fn deroga(&self) -> Option<DerogaId> {
        self.deroga
    }
}

impl TryFrom<AbsenceEventSpec> for AbsenceEvent {
    type Error = FieldError;
    fn try_from(s: AbsenceEventSpec) -> Result<Self, FieldError> {
        Self::new(s.date, s.kind, s.minutes, s.justified, s.deroga)
    }
}

impl From<AbsenceEvent> for AbsenceEventSpec {
    fn from(e: AbsenceEvent) -> Self {
        AbsenceEventSpec {
            date: e.date,
            kind: e.kind,
            minutes: e.minutes(),
            justified: e.justified,
            deroga: e.deroga,
        }
    }
}

/// The code of a derogation category adopted by a school: 1–40 characters `a-z`, `0-9`, `_`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "openapi", schemars(extend("pattern" = "^[a-z0-9_]{1,40}$")))]
#[serde(try_from = "String", into = "String")]
pub struct DerogaCategoryCode(String);

impl DerogaCategoryCode {
    pub fn new(code: &str) -> Result<Self, FieldError> {
        let ok = (1..=40).contains(&code.len())
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if ok {
            Ok(DerogaCategoryCode(code.to_owned()))
        } else {
            Err(FieldError::invalid_says(
                "category",
                Msg::DerogaCategoryCodeForm,
                &[],
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for DerogaCategoryCode {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::new(&s)
    }
}

impl From<DerogaCategoryCode> for String {
    fn from(c: DerogaCategoryCode) -> String {
        c.0
    }
}

/// The school's decision on a derogation. A family can request one, never grant it
/// (docs/design.md §2): only [`DerogaStatus::Approved`] takes hours out of the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DerogaStatus {
    Approved,
    Pending,
    Refused,
}

/// A derogation (*deroga*) to the absence limit: a category the school adopted, the dates it
/// covers, optionally the hours it recognises, and the school's decision. No health details:
/// only category, dates and decision (docs/design.md §6).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "DerogaSpec", into = "DerogaSpec")]
pub struct Deroga {
    id: DerogaId,
    category: DerogaCategoryCode,
    period: DateRange,
    max_minutes: Option<u32>,
    status: DerogaStatus,
}

/// The wire form of a [`Deroga`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DerogaSpec {
    pub id: DerogaId,
    pub category: DerogaCategoryCode,
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_minutes: Option<u32>,
    pub status: DerogaStatus,
}

impl Deroga {
    /// `max_minutes`: the hours recognised, in minutes (1 to the largest *monte ore*); `None`:
    /// all the hours of the events it covers.
    pub fn new(
        id: DerogaId,
        category: DerogaCategoryCode,
        period: DateRange,
        max_minutes: Option<u32>,
        status: DerogaStatus,
    ) -> Result<Self, FieldError> {
        if let Some(m) = max_minutes {
            if !(1..=MAX_ANNUAL_HOURS * 60).contains(&m) {
                return Err(FieldError::invalid_says(
                    "max_minutes",
                    Msg::DerogaHoursRange,
                    &[("max", &MAX_ANNUAL_HOURS)],
                ));
            }
        }
        Ok(Deroga {
            id,
            category,
            period,
            max_minutes,
            status,
        })
    }

    pub fn id(&self) -> DerogaId {
        self.id
    }

    pub fn category(&self) -> &DerogaCategoryCode {
        &self.category
    }

    pub fn period(&self) -> DateRange {
        self.period
    }

    pub fn max_minutes(&self) -> Option<u32> {
        self.max_minutes
    }

    pub fn status(&self) -> DerogaStatus {
        self.status
    }

    /// The same derogation with another decision.
    pub fn with_status(mut self, status: DerogaStatus) -> Self {
        self.status = status;
        self
    }

    /// Whether this derogation, by its dates alone, covers `event` (the module docs): the event
    /// falls within its dates and is a day away — a whole-day absence, or a school trip missed
    /// without coming to school — or, when the derogation is for that one day only, a part of
    /// it (late or deferred entry, early exit). An abstention (*astensione dalle lezioni*) and a
    /// suspension have reasons of their own, and a presence kind is no absence: never covered.
    /// The decision is not looked at: which status wins is the caller's rule.
    pub fn covers(&self, event: &AbsenceEvent) -> bool {
        if !self.period.contains(event.date()) {
            return false;
        }
        match event.kind() {
            AbsenceKind::WholeDay | AbsenceKind::MissedSchoolTrip => true,
            AbsenceKind::LateEntry | AbsenceKind::DeferredEntry | AbsenceKind::EarlyExit => {
                self.period.from() == self.period.to()
            }
            AbsenceKind::Abstention
            | AbsenceKind::SuspensionWithoutAttendance
            | AbsenceKind::SuspensionWithAttendance
            | AbsenceKind::SchoolActivity => false,
        }
    }
}

impl TryFrom<DerogaSpec> for Deroga {
    type Error = FieldError;
    fn try_from(s: DerogaSpec) -> Result<Self, FieldError> {
        Self::new(
            s.id,
            s.category,
            DateRange::new(s.from, s.to)?,
            s.max_minutes,
            s.status,
        )
    }
}

impl From<Deroga> for DerogaSpec {
    fn from(d: Deroga) -> Self {
        DerogaSpec {
            id: d.id,
            category: d.category,
            from: d.period.from(),
            to: d.period.to(),
            max_minutes: d.max_minutes,
            status: d.status,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn event_constructors_reject_bad_minutes() {
        let day = d(2024, 10, 1);
        assert!(AbsenceEvent::new(day, AbsenceKind::LateEntry, None, false, None).is_err());
        assert!(AbsenceEvent::new(day, AbsenceKind::LateEntry, Some(0), false, None).is_err());
        assert!(AbsenceEvent::new(day, AbsenceKind::EarlyExit, Some(721), false, None).is_err());
        let e = AbsenceEvent::new(day, AbsenceKind::EarlyExit, Some(120), true, None).unwrap();
        assert_eq!(e.minutes(), Some(120));
        let w = AbsenceEvent::new(day, AbsenceKind::WholeDay, None, false, None).unwrap();
        assert_eq!(w, AbsenceEvent::whole_day(day, false));
        let err =
            AbsenceEvent::new(day, AbsenceKind::Abstention, Some(9999), false, None).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("minutes"));
    }

    #[test]
    fn deroga_and_category_checks() {
        assert!(DerogaCategoryCode::new("ricovero").is_ok());
        assert!(DerogaCategoryCode::new("").is_err());
        assert!(DerogaCategoryCode::new("Ricovero").is_err());
        assert!(DerogaCategoryCode::new(&"x".repeat(41)).is_err());
        let cat = DerogaCategoryCode::new("ricovero").unwrap();
        let period = DateRange::new(d(2024, 11, 4), d(2024, 11, 20)).unwrap();
        assert!(Deroga::new(
            DerogaId(1),
            cat.clone(),
            period,
            Some(0),
            DerogaStatus::Approved
        )
        .is_err());
        let ok = Deroga::new(DerogaId(1), cat, period, None, DerogaStatus::Pending).unwrap();
        let json = serde_json::to_string(&ok).unwrap();
        assert_eq!(serde_json::from_str::<Deroga>(&json).unwrap(), ok);
        let bad = r#"{"id":1,"category":"ricovero","from":"2024-11-20","to":"2024-11-04","status":"approved"}"#;
        assert!(serde_json::from_str::<Deroga>(bad).is_err());
    }

    #[test]
    fn event_json_is_checked() {
        let ok = r#"{"date":"2024-10-01","kind":"late_entry","minutes":15,"justified":false}"#;
        let e: AbsenceEvent = serde_json::from_str(ok).unwrap();
        assert_eq!(e.kind(), AbsenceKind::LateEntry);
        let bad = r#"{"date":"2024-10-01","kind":"late_entry","justified":false}"#;
        assert!(serde_json::from_str::<AbsenceEvent>(bad).is_err());
    }
}
