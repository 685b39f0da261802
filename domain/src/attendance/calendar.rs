//! The timetable profile of a class and the school calendar (*calendario scolastico*).
//!
//! - **Timetable profile** (*quadro orario*): the hours of lessons on each weekday, Monday to
//!   Saturday. Their sum is the weekly hours of seed 003's table ("Ore settimanali") and of seed
//!   004 art. 3 ("numero di ore di lezione settimanale di tutte le discipline"). Sunday never has
//!   lessons (decision: no Italian state school holds lessons on Sunday; the seeds know only 5- and
//!   6-day weeks, seed 004 art. 3 "scuola di Bibione che funziona su 5 giorni").
//! - **School calendar**: first and last lesson day, holidays and the conventional lesson weeks
//!   (seed 003 "calcolati su 33 settimane"; seed 004 art. 3 "convenzionalmente viene fissato pari a
//!   33 settimane"). The annual hours use the conventional weeks, never the real calendar; the
//!   calendar's lesson days are used only to count *which* days are lesson days (an absence on a
//!   holiday is not an absence), for the pro-rata of a late enrolment and for the forecast. Seed
//!   004 art. 4: "il calcolo viene effettuato a partire dalla data di inizio delle lezioni sino alla
//!   data di termine delle lezioni".
//!
//! A lesson day of a pupil is a date between the first and the last lesson day, not in a holiday,
//! whose weekday has hours in the pupil's profile.

use super::limits::{DailyHours, LessonWeeks, WeeklyHours};
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The longest span a school calendar may cover, first and last lesson day included.
pub const MAX_CALENDAR_DAYS: usize = 366;

/// Words of the bitset of holidays: 6 × 64 = 384 ≥ 366 days.
const HOLIDAY_WORDS: usize = MAX_CALENDAR_DAYS.div_ceil(64);

/// Hours of lessons on each weekday (Monday to Saturday) of a class's timetable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "TimetableSpec", into = "TimetableSpec")]
pub struct TimetableProfile {
    /// Monday = 0 … Saturday = 5.
    hours: [u8; 6],
    weekly: WeeklyHours,
    longest: DailyHours,
}

/// The wire form of a [`TimetableProfile`]; `weekly_hours`, when given, must equal the sum.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TimetableSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_hours: Option<u32>,
    /// Monday to Saturday.
    pub hours_per_weekday: [u32; 6],
}

impl TimetableProfile {
    /// A profile from its hours on Monday … Saturday; the weekly hours are their sum (1–60) and
    /// each day has at most [`DailyHours::MAX`] hours.
    pub fn from_days(hours_per_weekday: [u32; 6]) -> Result<Self, FieldError> {
        let mut hours = [0u8; 6];
        let mut sum = 0u32;
        for (slot, &h) in hours.iter_mut().zip(hours_per_weekday.iter()) {
            if h > DailyHours::MAX {
                return Err(FieldError::invalid_says(
                    "hours_per_weekday",
                    Msg::DayHoursRange,
                    &[("max", &DailyHours::MAX)],
                ));
            }
            *slot = h as u8;
            sum += h;
        }
        let weekly = WeeklyHours::new(sum).map_err(|_| {
            FieldError::invalid_says(
                "hours_per_weekday",
                Msg::WeekdaysSumRange,
                &[("max", &WeeklyHours::MAX)],
            )
        })?;
        // The sum is ≥ 1, so the longest day has 1 to DailyHours::MAX hours.
        let longest = DailyHours::new(u32::from(hours.iter().copied().max().unwrap_or(0)))?;
        Ok(TimetableProfile {
            hours,
            weekly,
            longest,
        })
    }

    /// A profile whose days must add up to the stated weekly hours (an import that says "30 ore"
    /// and lists 29 is a mistake to show, not to guess).
    pub fn new(weekly: WeeklyHours, hours_per_weekday: [u32; 6]) -> Result<Self, FieldError> {
        let p = Self::from_days(hours_per_weekday)?;
        if p.weekly != weekly {
            return Err(FieldError::invalid_says(
                "hours_per_weekday",
                Msg::WeekdaysSumMismatch,
                &[("sum", &p.weekly.get()), ("weekly", &weekly.get())],
            ));
        }
        Ok(p)
    }

    pub fn weekly_hours(&self) -> WeeklyHours {
        self.weekly
    }

    /// Hours of lessons on `day` (0 on Sunday).
    pub fn hours_on(&self, day: Weekday) -> u32 {
        match day {
            Weekday::Sun => 0,
            d => u32::from(self.hours[d.num_days_from_monday() as usize]),
        }
    }

    pub fn hours_per_weekday(&self) -> [u32; 6] {
        self.hours.map(u32::from)
    }

    /// Days a week with lessons (1–6).
    pub fn lesson_days_per_week(&self) -> u32 {
        self.hours.iter().filter(|&&h| h > 0).count() as u32
    }

    /// The hours of the pupil's longest day: the unit of the "whole days" of absence still
    /// allowed. Missing any day costs at most this, so that many days can really be missed
    /// whichever they are (docs/design.md §2: never promise a day the pupil does not have).
    pub fn day_hours(&self) -> DailyHours {
        self.longest
    }

    /// Minutes of lessons of weekday number `wd` (Monday = 0 … Sunday = 6).
    pub(crate) fn minutes_on_index(&self, wd: usize) -> u16 {
        if wd < 6 {
            u16::from(self.hours[wd]) * 60
        } else {
            0
        }
    }
}

impl TryFrom<TimetableSpec> for TimetableProfile {
    type Error = FieldError;
    fn try_from(s: TimetableSpec) -> Result<Self, FieldError> {
        match s.weekly_hours {
            Some(w) => Self::new(WeeklyHours::new(w)?, s.hours_per_weekday),
            None => Self::from_days(s.hours_per_weekday),
        }
    }
}

impl From<TimetableProfile> for TimetableSpec {
    fn from(p: TimetableProfile) -> Self {
        TimetableSpec {
            weekly_hours: Some(p.weekly.get()),
            hours_per_weekday: p.hours_per_weekday(),
        }
    }
}

/// A span of dates, both ends included, `from ≤ to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "DateRangeSpec", into = "DateRangeSpec")]
pub struct DateRange {
    from: NaiveDate,
    to: NaiveDate,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct DateRangeSpec {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DateRange {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, FieldError> {
        if from > to {
            return Err(FieldError::invalid_says(
                "to",
                crate::messages::Msg::DateRangeReversed,
                &[],
            ));
        }
        Ok(DateRange { from, to })
    }

    pub fn day(d: NaiveDate) -> Self {
        DateRange { from: d, to: d }
    }

    pub fn from(&self) -> NaiveDate {
        self.from
    }

    pub fn to(&self) -> NaiveDate {
        self.to
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

impl TryFrom<DateRangeSpec> for DateRange {
    type Error = FieldError;
    fn try_from(s: DateRangeSpec) -> Result<Self, FieldError> {
        Self::new(s.from, s.to)
    }
}

impl From<DateRange> for DateRangeSpec {
    fn from(r: DateRange) -> Self {
        DateRangeSpec {
            from: r.from,
            to: r.to,
        }
    }
}

/// A school's calendar for one school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CalendarSpec", into = "CalendarSpec")]
pub struct Calendar {
    first: NaiveDate,
    last: NaiveDate,
    holidays: Vec<DateRange>,
    weeks: LessonWeeks,
    /// Days from `first` to `last`, both included (1–366).
    len: u16,
    /// Weekday of `first`, Monday = 0.
    first_weekday: u8,
    /// Bit `i` set: day `first + i` is a holiday.
    closed: [u64; HOLIDAY_WORDS],
}

/// The wire form of a [`Calendar`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CalendarSpec {
    pub first_lesson_day: NaiveDate,
    pub last_lesson_day: NaiveDate,
    #[serde(default)]
    pub holidays: Vec<DateRange>,
    #[serde(default)]
    pub lesson_weeks: LessonWeeks,
}

impl Calendar {
    /// A calendar from its first and last lesson day, its holidays (*giorni di vacanza /
    /// sospensione delle lezioni*) and its conventional lesson weeks.
    ///
    /// Rejected, never adjusted: a last day before the first; a year longer than 366 days; a first
    /// or last lesson day on a Sunday or inside a holiday (they are lesson days by definition); a
    /// holiday outside the lesson period (a typo the school must see). Overlapping holidays are
    /// fine (a national holiday inside the Christmas break).
    pub fn new(
        first: NaiveDate,
        last: NaiveDate,
        holidays: Vec<DateRange>,
        weeks: LessonWeeks,
    ) -> Result<Self, FieldError> {
        if last < first {
            return Err(FieldError::invalid_says(
                "last_lesson_day",
                Msg::LastLessonDayBeforeFirst,
                &[],
            ));
        }
        let span = last.signed_duration_since(first).num_days();
        if span >= MAX_CALENDAR_DAYS as i64 {
            return Err(FieldError::invalid_says(
                "last_lesson_day",
                Msg::SchoolYearTooLong,
                &[],
            ));
        }
        if first.weekday() == Weekday::Sun {
            return Err(FieldError::invalid_says(
                "first_lesson_day",
                Msg::FirstLessonDaySunday,
                &[],
            ));
        }
        if last.weekday() == Weekday::Sun {
            return Err(FieldError::invalid_says(
                "last_lesson_day",
                Msg::LastLessonDaySunday,
                &[],
            ));
        }
        let len = (span + 1) as u16;
        let mut closed = [0u64; HOLIDAY_WORDS];
        for (i, h) in holidays.iter().enumerate() {
            if h.from < first || h.to > last {
                return Err(FieldError::invalid_says(
                    &format!("holidays[{i}]"),
                    Msg::HolidayOutsideYear,
                    &[],
                ));
            }
            if h.contains(first) || h.contains(last) {
                return Err(FieldError::invalid_says(
                    &format!("holidays[{i}]"),
                    Msg::HolidayOnFirstOrLastDay,
                    &[],
                ));
            }
            let a = h.from.signed_duration_since(first).num_days() as usize;
            let b = h.to.signed_duration_since(first).num_days() as usize;
            for d in a..=b {
                closed[d / 64] |= 1 << (d % 64);
            }
        }
        Ok(Calendar {
            first,
            last,
            holidays,
            weeks,
            len,
            first_weekday: first.weekday().num_days_from_monday() as u8,
            closed,
        })
    }

    pub fn first_lesson_day(&self) -> NaiveDate {
        self.first
    }

    pub fn last_lesson_day(&self) -> NaiveDate {
        self.last
    }

    pub fn holidays(&self) -> &[DateRange] {
        &self.holidays
    }

    pub fn lesson_weeks(&self) -> LessonWeeks {
        self.weeks
    }

    /// Whether `d` is inside a holiday of this calendar.
    pub fn is_holiday(&self, d: NaiveDate) -> bool {
        self.index(d).is_some_and(|i| self.is_closed(i))
    }

    /// Whether `d` is a lesson day of a pupil with `profile`.
    pub fn is_lesson_day(&self, d: NaiveDate, profile: &TimetableProfile) -> bool {
        self.index(d)
            .is_some_and(|i| self.minutes_at(i, profile) > 0)
    }

    /// Lesson days of `profile` from `from` to the last lesson day, both included.
    pub fn lesson_days_from(&self, from: NaiveDate, profile: &TimetableProfile) -> u32 {
        let start = if from <= self.first {
            0
        } else {
            match self.index(from) {
                Some(i) => i,
                None => return 0,
            }
        };
        (start..self.len())
            .filter(|&i| self.minutes_at(i, profile) > 0)
            .count() as u32
    }

    /// Lesson days of `profile` in the whole year.
    pub fn lesson_days(&self, profile: &TimetableProfile) -> u32 {
        self.lesson_days_from(self.first, profile)
    }

    /// Days in the calendar, first and last included.
    pub(crate) fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Index of `d` from the first lesson day, if `d` is inside the lesson period.
    pub(crate) fn index(&self, d: NaiveDate) -> Option<usize> {
        if d < self.first || d > self.last {
            return None;
        }
        Some(d.signed_duration_since(self.first).num_days() as usize)
    }

    /// The date at index `i` (`i < len`, so it is between two valid dates).
    pub(crate) fn date_at(&self, i: usize) -> NaiveDate {
        self.first
            .checked_add_days(Days::new(i as u64))
            .unwrap_or(self.last)
    }

    fn is_closed(&self, i: usize) -> bool {
        self.closed[i / 64] & (1 << (i % 64)) != 0
    }

    /// Lesson minutes of a pupil with `profile` on day `i` (0: not a lesson day).
    pub(crate) fn minutes_at(&self, i: usize, profile: &TimetableProfile) -> u16 {
        if i >= self.len() || self.is_closed(i) {
            return 0;
        }
        profile.minutes_on_index((usize::from(self.first_weekday) + i) % 7)
    }

    /// Lesson minutes of every day of the calendar for `profile` (0 on days without lessons).
    pub(crate) fn schedule(&self, profile: &TimetableProfile) -> Schedule {
        let mut minutes = [0u16; MAX_CALENDAR_DAYS];
        let mut wd = usize::from(self.first_weekday);
        for (i, m) in minutes.iter_mut().enumerate().take(self.len()) {
            if !self.is_closed(i) {
                *m = profile.minutes_on_index(wd);
            }
            wd = if wd == 6 { 0 } else { wd + 1 };
        }
        Schedule {
            minutes,
            len: self.len(),
        }
    }
}

/// The lesson minutes of each day of a calendar for one timetable profile, on the stack.
pub(crate) struct Schedule {
    pub minutes: [u16; MAX_CALENDAR_DAYS],
    pub len: usize,
}

impl Schedule {
    pub fn days(&self) -> &[u16] {
        &self.minutes[..self.len]
    }
}

impl TryFrom<CalendarSpec> for Calendar {
    type Error = FieldError;
    fn try_from(s: CalendarSpec) -> Result<Self, FieldError> {
        Self::new(
            s.first_lesson_day,
            s.last_lesson_day,
            s.holidays,
            s.lesson_weeks,
        )
    }
}

impl From<Calendar> for CalendarSpec {
    fn from(c: Calendar) -> Self {
        CalendarSpec {
            first_lesson_day: c.first,
            last_lesson_day: c.last,
            holidays: c.holidays,
            lesson_weeks: c.weeks,
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
    fn profile_sums_and_bounds() {
        let p = TimetableProfile::from_days([6, 6, 6, 6, 6, 0]).unwrap();
        assert_eq!(p.weekly_hours().get(), 30);
        assert_eq!(p.lesson_days_per_week(), 5);
        assert_eq!(p.day_hours().get(), 6);
        assert_eq!(p.hours_on(Weekday::Sun), 0);
        assert!(TimetableProfile::from_days([0; 6]).is_err());
        assert!(TimetableProfile::from_days([13, 0, 0, 0, 0, 0]).is_err());
        assert!(TimetableProfile::new(WeeklyHours::new(30).unwrap(), [5; 6]).is_ok());
        let e = TimetableProfile::new(WeeklyHours::new(30).unwrap(), [5, 5, 5, 5, 5, 4]);
        assert_eq!(e.unwrap_err().field.as_deref(), Some("hours_per_weekday"));
    }

    #[test]
    fn calendar_rejects_bad_input() {
        let w = LessonWeeks::DEFAULT;
        assert!(Calendar::new(d(2025, 6, 7), d(2024, 9, 11), vec![], w).is_err());
        assert!(Calendar::new(d(2024, 9, 11), d(2025, 9, 12), vec![], w).is_err());
        // 2024-09-15 is a Sunday.
        assert!(Calendar::new(d(2024, 9, 15), d(2025, 6, 7), vec![], w).is_err());
        let outside = DateRange::new(d(2024, 8, 15), d(2024, 8, 15)).unwrap();
        let e = Calendar::new(d(2024, 9, 11), d(2025, 6, 7), vec![outside], w).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("holidays[0]"));
        let on_first = DateRange::day(d(2024, 9, 11));
        assert!(Calendar::new(d(2024, 9, 11), d(2025, 6, 7), vec![on_first], w).is_err());
        assert!(DateRange::new(d(2024, 9, 12), d(2024, 9, 11)).is_err());
    }

    #[test]
    fn lesson_days_follow_profile_and_holidays() {
        // Mon 2 Sep 2024 … Sat 14 Sep 2024, holiday on Wed 4.
        let cal = Calendar::new(
            d(2024, 9, 2),
            d(2024, 9, 14),
            vec![DateRange::day(d(2024, 9, 4))],
            LessonWeeks::DEFAULT,
        )
        .unwrap();
        let five = TimetableProfile::from_days([6, 6, 6, 6, 6, 0]).unwrap();
        let six = TimetableProfile::from_days([5; 6]).unwrap();
        assert_eq!(cal.lesson_days(&five), 9);
        assert_eq!(cal.lesson_days(&six), 11);
        assert!(!cal.is_lesson_day(d(2024, 9, 4), &five));
        assert!(cal.is_holiday(d(2024, 9, 4)));
        assert!(!cal.is_lesson_day(d(2024, 9, 7), &five));
        assert!(cal.is_lesson_day(d(2024, 9, 7), &six));
        assert_eq!(cal.lesson_days_from(d(2024, 9, 9), &five), 5);
        assert_eq!(cal.lesson_days_from(d(2030, 1, 1), &five), 0);
        let s = cal.schedule(&five);
        assert_eq!(s.days().len(), 13);
        assert_eq!(s.days()[0], 360);
        assert_eq!(s.days()[2], 0);
        assert_eq!(s.days()[5], 0);
    }

    #[test]
    fn serde_round_trip_checks_again() {
        let cal = Calendar::new(
            d(2024, 9, 11),
            d(2025, 6, 7),
            vec![DateRange::new(d(2024, 12, 23), d(2025, 1, 6)).unwrap()],
            LessonWeeks::DEFAULT,
        )
        .unwrap();
        let json = serde_json::to_string(&cal).unwrap();
        let back: Calendar = serde_json::from_str(&json).unwrap();
        assert_eq!(back, cal);
        let bad = r#"{"first_lesson_day":"2025-06-07","last_lesson_day":"2024-09-11"}"#;
        assert!(serde_json::from_str::<Calendar>(bad).is_err());
        let p: TimetableProfile =
            serde_json::from_str(r#"{"hours_per_weekday":[6,6,6,6,6,0]}"#).unwrap();
        assert_eq!(p.weekly_hours().get(), 30);
    }
}
