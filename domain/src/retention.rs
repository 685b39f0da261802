//! How long Ponte keeps each personal datum, and the cut-offs the daily purge applies
//! (docs/privacy.md lists every datum, why it is kept, who sees it and for how long).
//!
//! The law gives principles, not numbers: data are kept «per un arco di tempo non superiore al
//! conseguimento delle finalità per le quali sono trattati» (Reg. UE 2016/679, art. 5.1.e), and
//! the register must serve only the school's purposes (seed 001). The periods below are Ponte's
//! decisions, each with its reason; the one a school decides — how long its families' requests
//! are kept after the school year — is a school setting within [`SCHOOL_DAYS_RANGE`].

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Seconds in a day.
const DAY: i64 = 86_400;

/// Proofs received (PEC messages and signed files, with the reason of each refusal): long
/// enough for a body to ask "why was my PEC refused?" and for an abuse to be investigated.
pub const VERIFICATION_ATTEMPTS_DAYS: i64 = 90;
/// Declarations that never went live (expired, superseded, cancelled or refused): they hold a profile
/// that was never public and, for companies, the document offered for signature.
pub const DEAD_DECLARATIONS_DAYS: i64 = 30;
/// Who did what at a school (imports, decisions, notices): two school years, so a dispute about
/// last year's decision can still be answered.
pub const AUDIT_LOG_DAYS: i64 = 2 * 365;
/// The operators' decisions on declarations: five years, as long as a published profile may
/// stay online without an update and its proof be questioned.
pub const REVIEW_LOG_DAYS: i64 = 5 * 365;
/// The staged rows of an import that went live or was rejected: the live tables hold the data;
/// a week lets the office look at what an import said.
pub const IMPORT_ROWS_DAYS: i64 = 7;
/// A family's justifications and derogation requests are kept this many days after the end of
/// their school year unless the school sets another period.
pub const DEFAULT_SCHOOL_DAYS: u32 = 365;
/// The period a school may set: at least a month (the scrutiny and its appeals), at most ten
/// years.
pub const SCHOOL_DAYS_RANGE: std::ops::RangeInclusive<u32> = 30..=3650;

/// The instants before which each kind of record is deleted, from `now` (Unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cutoffs {
    pub now: i64,
    pub verification_attempts: i64,
    pub dead_declarations: i64,
    pub audit_log: i64,
    pub review_log: i64,
    pub import_rows: i64,
}

impl Cutoffs {
    pub fn at(now: i64) -> Cutoffs {
        Cutoffs {
            now,
            verification_attempts: now - VERIFICATION_ATTEMPTS_DAYS * DAY,
            dead_declarations: now - DEAD_DECLARATIONS_DAYS * DAY,
            audit_log: now - AUDIT_LOG_DAYS * DAY,
            review_log: now - REVIEW_LOG_DAYS * DAY,
            import_rows: now - IMPORT_ROWS_DAYS * DAY,
        }
    }
}

/// The school year `date` belongs to, by its first calendar year: the school year runs from
/// 1 September to 31 August (D.Lgs. 297/1994 art. 74).
pub fn school_year_of(date: NaiveDate) -> i32 {
    if date.month() >= 9 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// The last day of the school year `date` belongs to: 31 August ([`school_year_of`]).
pub fn school_year_end(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(school_year_of(date) + 1, 8, 31).unwrap_or(date)
}

/// A school's retention period, from its setting (`None`: the default); out of range is the
/// nearest bound, so a mistake in a setting never deletes early or keeps forever.
pub fn school_days(setting: Option<i64>) -> u32 {
    match setting {
        None => DEFAULT_SCHOOL_DAYS,
        Some(d) => {
            let d = u32::try_from(d.max(0)).unwrap_or(u32::MAX);
            d.clamp(*SCHOOL_DAYS_RANGE.start(), *SCHOOL_DAYS_RANGE.end())
        }
    }
}

/// The last day whose requests a school with a period of `days` no longer keeps on `today`:
/// a request is deleted once `days` days have passed since the end of its school year, so every
/// date up to the end of the last school year that ended more than `days` days ago goes.
/// `None` when `today` is out of the calendar's range.
pub fn school_cutoff(today: NaiveDate, days: u32) -> Option<NaiveDate> {
    let keep_from = today.checked_sub_days(chrono::Days::new(u64::from(days)))?;
    // The last 31 August strictly before `keep_from`.
    let this_year = NaiveDate::from_ymd_opt(keep_from.year(), 8, 31)?;
    if this_year < keep_from {
        Some(this_year)
    } else {
        NaiveDate::from_ymd_opt(keep_from.year() - 1, 8, 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_school_year_ends_on_31_august() {
        assert_eq!(school_year_end(d("2025-09-01")), d("2026-08-31"));
        assert_eq!(school_year_end(d("2026-03-20")), d("2026-08-31"));
        assert_eq!(school_year_end(d("2026-08-31")), d("2026-08-31"));
    }

    #[test]
    fn a_request_goes_once_its_school_year_plus_the_period_has_passed() {
        // 2025/26 ends on 31 August 2026; with 365 days it is kept until 31 August 2027.
        assert_eq!(school_cutoff(d("2027-08-31"), 365), Some(d("2025-08-31")));
        assert_eq!(school_cutoff(d("2027-09-01"), 365), Some(d("2026-08-31")));
        // Every date of a school year goes together, and only once the period has passed.
        for today in ["2026-09-01", "2027-01-15", "2027-08-31"] {
            let cut = school_cutoff(d(today), 365).unwrap();
            assert!(cut < d("2025-09-01"), "{today}: 2025/26 is still kept");
        }
        let cut = school_cutoff(d("2027-09-02"), 365).unwrap();
        assert!(d("2026-08-31") <= cut && d("2025-09-01") <= cut);
        // A month's period: the year is gone on 1 October.
        assert_eq!(school_cutoff(d("2026-09-30"), 30), Some(d("2025-08-31")));
        assert_eq!(school_cutoff(d("2026-10-01"), 30), Some(d("2026-08-31")));
    }

    #[test]
    fn a_schools_setting_stays_within_its_bounds() {
        assert_eq!(school_days(None), DEFAULT_SCHOOL_DAYS);
        assert_eq!(school_days(Some(400)), 400);
        assert_eq!(school_days(Some(0)), 30);
        assert_eq!(school_days(Some(-5)), 30);
        assert_eq!(school_days(Some(1_000_000)), 3650);
    }

    #[test]
    fn cutoffs_count_back_from_now() {
        let c = Cutoffs::at(1_000_000_000);
        assert_eq!(c.verification_attempts, 1_000_000_000 - 90 * 86_400);
        assert_eq!(c.dead_declarations, 1_000_000_000 - 30 * 86_400);
        assert!(c.review_log < c.audit_log && c.audit_log < c.import_rows);
    }
}
