//! How often a school sends its absences: what a person the school has not registered yet is
//! told ("the register is usually updated every 7 days; last on 19/03/2026"), from the times the
//! school's `assenze` imports went live, never from a promise.

use crate::clock::today_in_rome;
use chrono::NaiveDate;

/// How many of the latest imports [`Rhythm::of`] looks at (the worker reads no more).
pub const RECENT_IMPORTS: usize = 10;

/// When a school's register was last updated in Ponte, and its usual interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rhythm {
    /// The Rome date of the latest import, never after `today` (`None`: never).
    pub last_on: Option<NaiveDate>,
    /// The median number of days between the days with an import, when there have been at
    /// least three such days (two intervals): fewer say nothing about a habit, and several
    /// imports on one day are one update.
    pub usual_days: Option<u32>,
}

impl Rhythm {
    /// From the Unix seconds the school's absences imports went live, in any order (only the
    /// latest [`RECENT_IMPORTS`] count), on `today` (the day the rules are applied on: in
    /// development the demo's pinned school day, while imports happen now).
    pub fn of(times: &[i64], today: NaiveDate) -> Rhythm {
        let mut days: Vec<NaiveDate> = times.iter().filter_map(|&t| today_in_rome(t)).collect();
        crate::sort::sort_by(&mut days, |a, b| b.cmp(a));
        days.truncate(RECENT_IMPORTS);
        days.dedup();
        let mut gaps: Vec<i64> = days.windows(2).map(|w| (w[0] - w[1]).num_days()).collect();
        crate::sort::sort(&mut gaps);
        let usual_days = (gaps.len() >= 2).then(|| {
            let mid = gaps.len() / 2;
            let median = if gaps.len().is_multiple_of(2) {
                (gaps[mid - 1] + gaps[mid] + 1) / 2
            } else {
                gaps[mid]
            };
            u32::try_from(median).unwrap_or(u32::MAX)
        });
        Rhythm {
            last_on: days.first().map(|d| (*d).min(today)),
            usual_days,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn far() -> NaiveDate {
        NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()
    }

    /// Noon in Rome (UTC+1 in winter) of `date`.
    fn noon(date: &str) -> i64 {
        let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        d.and_hms_opt(11, 0, 0).unwrap().and_utc().timestamp()
    }

    #[test]
    fn no_import_says_nothing_and_one_or_two_give_only_the_last_date() {
        assert_eq!(
            Rhythm::of(&[], far()),
            Rhythm {
                last_on: None,
                usual_days: None
            }
        );
        let two = Rhythm::of(&[noon("2026-01-09"), noon("2026-01-16")], far());
        assert_eq!(two.last_on, NaiveDate::from_ymd_opt(2026, 1, 16));
        assert_eq!(two.usual_days, None);
    }

    #[test]
    fn the_usual_interval_is_the_median_gap_of_the_latest_imports() {
        // Weekly, with one late week: the median ignores the outlier.
        let weekly = [
            "2026-01-09",
            "2026-01-16",
            "2026-01-23",
            "2026-02-06",
            "2026-02-13",
        ];
        let times: Vec<i64> = weekly.iter().rev().map(|d| noon(d)).collect();
        let r = Rhythm::of(&times, far());
        assert_eq!(r.last_on, NaiveDate::from_ymd_opt(2026, 2, 13));
        assert_eq!(r.usual_days, Some(7));
        // Several imports on one day are one update: no habit yet.
        let same_day = [
            noon("2026-01-09"),
            noon("2026-01-09") + 60,
            noon("2026-01-09") + 120,
        ];
        assert_eq!(Rhythm::of(&same_day, far()).usual_days, None);
        // Daily, one day twice.
        let daily = [
            noon("2026-01-09"),
            noon("2026-01-10"),
            noon("2026-01-10") + 60,
            noon("2026-01-11"),
        ];
        assert_eq!(Rhythm::of(&daily, far()).usual_days, Some(1));
        // Only the latest ten: an old monthly habit does not hide today's daily one.
        let mut mixed: Vec<i64> = (0..10).map(|i| noon("2026-03-01") + i * 86_400).collect();
        mixed.extend((1..6).map(|i| noon("2026-03-01") - i * 30 * 86_400));
        assert_eq!(Rhythm::of(&mixed, far()).usual_days, Some(1));
    }

    #[test]
    fn an_import_late_at_night_is_dated_by_rome_s_calendar() {
        // 23:30 UTC on 19 March is 00:30 on the 20th in Rome.
        let r = Rhythm::of(&[1_773_963_000], far());
        assert_eq!(r.last_on, NaiveDate::from_ymd_opt(2026, 3, 20));
    }

    #[test]
    fn the_last_update_is_never_after_today() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let r = Rhythm::of(&[noon("2026-03-19")], today);
        assert_eq!(r.last_on, Some(today));
    }
}
