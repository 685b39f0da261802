//! The ¾ rule: annual hours (*monte ore annuale*), minimum attendance and maximum absence.
//!
//! Seed 003, table "Ore settimanali / Monte ore annuale / Numero minimo presenze 75% / Numero ore
//! massimo di assenze 25%": *monte ore* = weekly hours × 33 weeks; the minimum attendance is ¾ of
//! it rounded **up** (957 × ¾ = 717.75 → 718) and the maximum absence is the rest (239), so the two
//! always add up to the annual hours. Seed 004 (art. 3) states the same limits and restates them
//! in lesson days: 247 h = 41 days at 6 hours a day — whole days, rounded **down**, because a
//! family must never be promised a day the pupil does not have.

use crate::error::FieldError;
use crate::messages::Msg;
use crate::query::parse_int_in;
use serde::{Deserialize, Serialize};

/// Hours of lessons in a week of the pupil's timetable profile (1–60).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct WeeklyHours(u8);

impl WeeklyHours {
    pub const MAX: u32 = 60;

    pub fn new(hours: u32) -> Result<Self, FieldError> {
        if (1..=Self::MAX).contains(&hours) {
            Ok(WeeklyHours(hours as u8))
        } else {
            Err(FieldError::invalid_says(
                "weekly_hours",
                Msg::WeeklyHoursRange,
                &[("max", &Self::MAX)],
            ))
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::new(parse_int_in("weekly_hours", raw, 1, Self::MAX)?)
    }

    pub fn get(self) -> u32 {
        u32::from(self.0)
    }
}

impl TryFrom<u32> for WeeklyHours {
    type Error = FieldError;
    fn try_from(v: u32) -> Result<Self, FieldError> {
        Self::new(v)
    }
}

impl From<WeeklyHours> for u32 {
    fn from(v: WeeklyHours) -> u32 {
        v.get()
    }
}

/// Weeks of lessons in the school year (1–52). Both seeds use 33; it is a school setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct LessonWeeks(u8);

impl LessonWeeks {
    /// Seed 003: "calcolati su 33 settimane di erogazione del servizio scolastico".
    pub const DEFAULT: LessonWeeks = LessonWeeks(33);
    pub const MAX: u32 = 52;

    pub fn new(weeks: u32) -> Result<Self, FieldError> {
        if (1..=Self::MAX).contains(&weeks) {
            Ok(LessonWeeks(weeks as u8))
        } else {
            Err(FieldError::invalid_says(
                "weeks",
                Msg::LessonWeeksRange,
                &[("max", &Self::MAX)],
            ))
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::new(parse_int_in("weeks", raw, 1, Self::MAX)?)
    }

    pub fn get(self) -> u32 {
        u32::from(self.0)
    }
}

impl Default for LessonWeeks {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl TryFrom<u32> for LessonWeeks {
    type Error = FieldError;
    fn try_from(v: u32) -> Result<Self, FieldError> {
        Self::new(v)
    }
}

impl From<LessonWeeks> for u32 {
    fn from(v: LessonWeeks) -> u32 {
        v.get()
    }
}

/// Lesson hours in one of the pupil's days (1–12), to restate hours as whole days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct DailyHours(u8);

impl DailyHours {
    pub const MAX: u32 = 12;

    pub fn new(hours: u32) -> Result<Self, FieldError> {
        if (1..=Self::MAX).contains(&hours) {
            Ok(DailyHours(hours as u8))
        } else {
            Err(FieldError::invalid_says(
                "daily_hours",
                Msg::DailyHoursRange,
                &[("max", &Self::MAX)],
            ))
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::new(parse_int_in("daily_hours", raw, 1, Self::MAX)?)
    }

    pub fn get(self) -> u32 {
        u32::from(self.0)
    }
}

impl TryFrom<u32> for DailyHours {
    type Error = FieldError;
    fn try_from(v: u32) -> Result<Self, FieldError> {
        Self::new(v)
    }
}

impl From<DailyHours> for u32 {
    fn from(v: DailyHours) -> u32 {
        v.get()
    }
}

/// The limits of a timetable profile: the answer of `GET /api/v1/attendance/limits` and of the
/// public calculator, computed by this one function in the worker and in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Limits {
    pub weekly_hours: u32,
    pub weeks: u32,
    pub annual_hours: u32,
    pub min_attendance_hours: u32,
    pub max_absence_hours: u32,
    /// Whole days of absence still within the limit at `daily_hours` a day (rounded down);
    /// `None` when the daily hours are not given.
    pub max_absence_days: Option<u32>,
}

impl Limits {
    pub fn compute(weekly: WeeklyHours, weeks: LessonWeeks, daily: Option<DailyHours>) -> Self {
        let annual = weekly.get() * weeks.get();
        Self::for_annual_hours(annual, weekly.get(), weeks.get(), daily)
    }

    /// Limits for a personalised *monte ore* (late enrolment, staff override) where the annual
    /// hours are not weekly × weeks.
    pub fn for_annual_hours(
        annual_hours: u32,
        weekly_hours: u32,
        weeks: u32,
        daily: Option<DailyHours>,
    ) -> Self {
        let min_attendance_hours = min_attendance(annual_hours);
        let max_absence_hours = annual_hours - min_attendance_hours;
        Limits {
            weekly_hours,
            weeks,
            annual_hours,
            min_attendance_hours,
            max_absence_hours,
            max_absence_days: daily.map(|d| max_absence_hours / d.get()),
        }
    }
}

impl Limits {
    /// The limits from what a person typed in the calculator or sent to the API: weekly hours
    /// (required), lesson weeks (33 when empty) and daily hours (optional). The browser's
    /// calculator and `GET /api/v1/attendance/limits` both call this.
    pub fn from_inputs(weekly: &str, weeks: &str, daily: &str) -> Result<Self, FieldError> {
        let weekly = weekly.trim();
        if weekly.is_empty() {
            return Err(FieldError::invalid_says(
                "weekly_hours",
                Msg::WeeklyHoursMissing,
                &[],
            ));
        }
        let weekly = WeeklyHours::parse(weekly)?;
        let weeks = match weeks.trim() {
            "" => LessonWeeks::DEFAULT,
            w => LessonWeeks::parse(w)?,
        };
        let daily = match daily.trim() {
            "" => None,
            d => Some(DailyHours::parse(d)?),
        };
        Ok(Self::compute(weekly, weeks, daily))
    }
}

/// Weekly hours of the six timetable profiles in the seed tables (docs/design.md §2): seed 003's
/// primaria 40, 28, 29, 30, 32 and secondaria 30; seed 004's secondaria 30, 32 (musicale) and
/// 36 (tempo prolungato).
pub const SEED_PROFILES: [u32; 6] = [40, 28, 29, 30, 32, 36];

/// ⌈¾ × annual⌉ without floating point.
pub fn min_attendance(annual_hours: u32) -> u32 {
    let a = u64::from(annual_hours);
    // ceil(3a/4) = (3a + 3) / 4 in integers; u64 so that 3a cannot overflow.
    ((3 * a).div_ceil(4)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(weekly: u32) -> Limits {
        Limits::compute(
            WeeklyHours::new(weekly).unwrap(),
            LessonWeeks::DEFAULT,
            None,
        )
    }

    /// docs/design.md §2, the six rows of the seed tables (003 and 004).
    #[test]
    fn seed_tables() {
        let rows = [
            (40, 1320, 990, 330),
            (28, 924, 693, 231),
            (29, 957, 718, 239),
            (30, 990, 743, 247),
            (32, 1056, 792, 264),
            (36, 1188, 891, 297),
        ];
        for (weekly, annual, min, max) in rows {
            let l = limits(weekly);
            assert_eq!(
                (l.annual_hours, l.min_attendance_hours, l.max_absence_hours),
                (annual, min, max),
                "{weekly} ore settimanali"
            );
        }
    }

    /// Seed 004: 247 hours are 41 days at six hours a day.
    #[test]
    fn day_equivalents_round_down() {
        let l = Limits::compute(
            WeeklyHours::new(30).unwrap(),
            LessonWeeks::DEFAULT,
            Some(DailyHours::new(6).unwrap()),
        );
        assert_eq!(l.max_absence_days, Some(41));
    }

    #[test]
    fn bounds_are_typed_errors() {
        assert!(WeeklyHours::new(0).is_err());
        assert!(WeeklyHours::new(61).is_err());
        assert!(LessonWeeks::new(53).is_err());
        assert!(DailyHours::new(0).is_err());
        assert_eq!(
            WeeklyHours::parse("x").unwrap_err().field.as_deref(),
            Some("weekly_hours")
        );
    }

    #[test]
    fn form_inputs() {
        let l = Limits::from_inputs("30", "", "6").unwrap();
        assert_eq!(
            (l.weeks, l.max_absence_hours, l.max_absence_days),
            (33, 247, Some(41))
        );
        assert_eq!(
            Limits::from_inputs("", "", "")
                .unwrap_err()
                .field
                .as_deref(),
            Some("weekly_hours")
        );
        assert_eq!(
            Limits::from_inputs("30", "0", "")
                .unwrap_err()
                .field
                .as_deref(),
            Some("weeks")
        );
        assert_eq!(
            Limits::from_inputs("30", "", "x")
                .unwrap_err()
                .field
                .as_deref(),
            Some("daily_hours")
        );
    }

    #[test]
    fn min_and_max_always_add_up() {
        for annual in 0..5000 {
            let l = Limits::for_annual_hours(annual, 0, 0, None);
            assert_eq!(l.min_attendance_hours + l.max_absence_hours, annual);
            assert!(4 * u64::from(l.min_attendance_hours) >= 3 * u64::from(annual));
        }
    }
}
