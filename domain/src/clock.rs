//! # Italian time, and the development clock
//!
//! Ponte serves Italian schools and families, so "today" and every date and time it shows
//! people is on the clock of Rome (Europe/Rome): CET (UTC+1), or CEST (UTC+2) from 01:00 UTC on
//! the last Sunday of March to 01:00 UTC on the last Sunday of October — the EU rule (Directive
//! 2000/84/EC), the same instant in every member state. Between midnight and 01:00 or 02:00 in
//! Rome the UTC date is still yesterday's: a dashboard or a publication date computed in UTC
//! would be a day behind (docs/design.md §2, §4).
//!
//! Instants are stored as Unix seconds (`i64`, no zone); days as dates on Rome's calendar.
//! Machine formats (ISO 8601 with `Z` in the API's JSON) may stay in UTC: what people read is
//! converted here.
//!
//! ## Overrides, for development only
//!
//! The demo register is a past school year, and some tests need a moment that has not come
//! yet (a declaration code 30 days old). Two overrides exist:
//!
//! - [`TODAY_OVERRIDE`] (`PONTE_TODAY=YYYY-MM-DD`): the day the rules are applied on;
//! - [`NOW_OVERRIDE_HEADER`] (`X-Ponte-Dev-Now`, on a request or on an e-mail message): the
//!   instant it is, as Unix seconds or RFC 3339. It also moves "today".
//!
//! They are honoured **only** when the explicit development setting [`DEV_SETTING`]
//! (`PONTE_DEV=1`) is on — `cargo xtask dev`, `test` and `bench` pass it to `wrangler dev` with
//! `--var`; it is in no `wrangler.toml`, so a deployed worker never has it — and ignored
//! otherwise, whatever they say ([`Clock::resolve`], tested below). In development a malformed
//! override is an error, never silently replaced by the real clock.

use crate::error::FieldError;
use crate::messages::Msg;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

/// The development setting: overrides count only when it is exactly `1`.
pub const DEV_SETTING: &str = "PONTE_DEV";
/// The day the rules are applied on, in development (`YYYY-MM-DD`).
pub const TODAY_OVERRIDE: &str = "PONTE_TODAY";
/// The instant it is, in development: a request header, or a header of an inbound e-mail.
pub const NOW_OVERRIDE_HEADER: &str = "X-Ponte-Dev-Now";

/// The last Sunday of `month` in `year` (March and October are the months of the EU rule).
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let mut d = first_of_next.pred_opt()?;
    while d.weekday() != Weekday::Sun {
        d = d.pred_opt()?;
    }
    Some(d)
}

/// Rome's offset from UTC at the UTC instant `utc`, in hours: 2 in summer time, else 1.
pub fn rome_offset_hours(utc: NaiveDateTime) -> Option<i64> {
    let year = utc.year();
    let starts = last_sunday(year, 3)?.and_hms_opt(1, 0, 0)?;
    let ends = last_sunday(year, 10)?.and_hms_opt(1, 0, 0)?;
    Some(if utc >= starts && utc < ends { 2 } else { 1 })
}

/// Rome's civil time of a Unix timestamp; `None` only outside chrono's range of dates.
pub fn rome_time(ts: i64) -> Option<NaiveDateTime> {
    let utc = DateTime::from_timestamp(ts, 0)?.naive_utc();
    utc.checked_add_signed(Duration::hours(rome_offset_hours(utc)?))
}

/// The date in Rome at a Unix timestamp: what "today" means to a school or a family.
pub fn today_in_rome(ts: i64) -> Option<NaiveDate> {
    rome_time(ts).map(|t| t.date())
}

/// An RFC 5322 date on Rome's clock with its offset (`Mon, 23 Nov 2026 11:00:00 +0100`), for
/// the `Date` header of the messages Ponte sends.
pub fn rome_rfc2822(ts: i64) -> Option<String> {
    let utc = DateTime::from_timestamp(ts, 0)?.naive_utc();
    let offset = rome_offset_hours(utc)?;
    let local = utc.checked_add_signed(Duration::hours(offset))?;
    Some(format!(
        "{} +0{offset}00",
        local.format("%a, %d %b %Y %H:%M:%S")
    ))
}

/// True only when the development setting is exactly `1` (surrounding spaces aside). Absent,
/// empty, `0`, `true`, `yes`: not development.
pub fn is_development(setting: Option<&str>) -> bool {
    setting.map(str::trim) == Some("1")
}

/// The development switch that makes the worker's D1 fail (the fault tests, `tests/faults.rs`).
pub const D1_FAILURE_SETTING: &str = "PONTE_DEV_FAIL_D1";

/// Whether D1 is to fail on purpose: [`D1_FAILURE_SETTING`] exactly `1` on a development worker
/// ([`DEV_SETTING`], which only `cargo xtask` passes to `wrangler dev`); never otherwise, so a
/// deployed worker given the switch by mistake ignores it.
pub fn d1_fails(dev_setting: Option<&str>, switch: Option<&str>) -> bool {
    is_development(dev_setting) && switch.map(str::trim) == Some("1")
}

/// What the runtime offers as overrides, raw (each `None` when absent).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overrides<'a> {
    /// [`TODAY_OVERRIDE`].
    pub today: Option<&'a str>,
    /// [`NOW_OVERRIDE_HEADER`].
    pub now: Option<&'a str>,
}

/// Why a clock could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockError {
    /// In development, an override that does not parse: `setting` names it.
    Malformed {
        setting: &'static str,
        value: String,
    },
    /// An instant outside chrono's range of dates (a broken runtime clock).
    OutOfRange(i64),
}

impl ClockError {
    /// The error a request gets, naming `field` (the header it sent): a malformed override is
    /// the request's fault; a broken runtime clock is ours (internal, the detail in the log).
    pub fn to_field_error(&self, field: &str) -> FieldError {
        match self {
            ClockError::Malformed { setting, value } => FieldError::invalid_says(
                field,
                Msg::ClockOverrideMalformed,
                &[
                    ("setting", setting),
                    ("value", &format!("{value:?}")),
                    ("today", &TODAY_OVERRIDE),
                    ("now", &NOW_OVERRIDE_HEADER),
                ],
            ),
            ClockError::OutOfRange(_) => FieldError::internal(),
        }
    }

    /// An Italian sentence for the log (and, malformed, the error body).
    pub fn message(&self) -> String {
        match self {
            ClockError::Malformed { setting, .. } => self.to_field_error(setting).message,
            ClockError::OutOfRange(ts) => format!("L'orologio segna un istante non valido ({ts})."),
        }
    }
}

impl std::fmt::Display for ClockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// The instant and the day a request or a message is handled at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// Unix seconds.
    pub now: i64,
    /// The day the rules are applied on (Rome's calendar).
    pub today: NaiveDate,
}

/// Unix seconds (`1774827000`, optionally negative) or RFC 3339 (`2026-03-29T23:30:00Z`).
fn parse_instant(raw: &str) -> Option<i64> {
    let s = raw.trim();
    let digits = s.strip_prefix('-').unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        let ts = s.parse::<i64>().ok()?;
        // Only instants chrono can place on a calendar.
        return DateTime::from_timestamp(ts, 0).map(|_| ts);
    }
    DateTime::parse_from_rfc3339(s).ok().map(|d| d.timestamp())
}

impl Clock {
    /// The clock from the runtime's `real_now` (Unix seconds), the development setting and the
    /// overrides. Outside development the overrides are ignored, even malformed ones. In
    /// development: the `now` override sets the instant (and so today, in Rome); else
    /// `PONTE_TODAY` sets today and the instant stays real; a malformed override is an error.
    pub fn resolve(
        real_now: i64,
        dev_setting: Option<&str>,
        overrides: Overrides<'_>,
    ) -> Result<Clock, ClockError> {
        let in_rome = |ts: i64| today_in_rome(ts).ok_or(ClockError::OutOfRange(ts));
        if !is_development(dev_setting) {
            return Ok(Clock {
                now: real_now,
                today: in_rome(real_now)?,
            });
        }
        if let Some(raw) = overrides.now {
            let now = parse_instant(raw).ok_or_else(|| ClockError::Malformed {
                setting: NOW_OVERRIDE_HEADER,
                value: raw.to_owned(),
            })?;
            return Ok(Clock {
                now,
                today: in_rome(now)?,
            });
        }
        let today = match overrides.today {
            Some(raw) => NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| {
                ClockError::Malformed {
                    setting: TODAY_OVERRIDE,
                    value: raw.to_owned(),
                }
            })?,
            None => in_rome(real_now)?,
        };
        Ok(Clock {
            now: real_now,
            today,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unix seconds of a UTC `YYYY-MM-DD HH:MM`.
    fn at(s: &str) -> i64 {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
            .unwrap()
            .and_utc()
            .timestamp()
    }

    fn rome(s: &str) -> String {
        rome_time(at(s))
            .unwrap()
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn last_sundays_of_the_eu_rule() {
        assert_eq!(last_sunday(2026, 3), Some(date("2026-03-29")));
        assert_eq!(last_sunday(2026, 10), Some(date("2026-10-25")));
        // A month whose 31st is itself a Sunday.
        assert_eq!(last_sunday(2024, 3), Some(date("2024-03-31")));
        assert_eq!(last_sunday(2025, 3), Some(date("2025-03-30")));
        assert_eq!(last_sunday(2025, 10), Some(date("2025-10-26")));
        assert_eq!(last_sunday(2026, 12), Some(date("2026-12-27")));
    }

    #[test]
    fn winter_and_summer_time_change_at_01_00_utc() {
        assert_eq!(rome("2026-01-15 10:00"), "2026-01-15 11:00");
        assert_eq!(rome("2026-03-29 00:59"), "2026-03-29 01:59");
        assert_eq!(rome("2026-03-29 01:00"), "2026-03-29 03:00");
        assert_eq!(rome("2026-07-01 12:00"), "2026-07-01 14:00");
        assert_eq!(rome("2026-10-25 00:59"), "2026-10-25 02:59");
        assert_eq!(rome("2026-10-25 01:00"), "2026-10-25 02:00");
        assert_eq!(rome("2026-11-23 23:30"), "2026-11-24 00:30");
    }

    #[test]
    fn at_23_30_utc_on_the_last_sundays_rome_is_already_monday() {
        // Last Sunday of March 2026: summer time has begun, 23:30 UTC is 01:30 on Monday.
        assert_eq!(rome("2026-03-29 23:30"), "2026-03-30 01:30");
        assert_eq!(
            today_in_rome(at("2026-03-29 23:30")),
            Some(date("2026-03-30"))
        );
        // Last Sunday of October 2026: back on winter time, 23:30 UTC is 00:30 on Monday.
        assert_eq!(rome("2026-10-25 23:30"), "2026-10-26 00:30");
        assert_eq!(
            today_in_rome(at("2026-10-25 23:30")),
            Some(date("2026-10-26"))
        );
        // The same instants through the clock a production worker uses.
        for (utc, day) in [
            ("2026-03-29 23:30", "2026-03-30"),
            ("2026-10-25 23:30", "2026-10-26"),
        ] {
            let c = Clock::resolve(at(utc), None, Overrides::default()).unwrap();
            assert_eq!(c.today, date(day), "{utc}");
            assert_eq!(c.now, at(utc));
        }
        // One minute before Rome's midnight it is still Sunday.
        assert_eq!(
            today_in_rome(at("2026-03-29 21:59")),
            Some(date("2026-03-29"))
        );
        assert_eq!(
            today_in_rome(at("2026-10-25 22:59")),
            Some(date("2026-10-25"))
        );
        assert_eq!(
            today_in_rome(at("2026-10-25 23:00")),
            Some(date("2026-10-26"))
        );
    }

    #[test]
    fn mail_dates_carry_romes_offset() {
        assert_eq!(
            rome_rfc2822(at("2026-11-23 10:00")).unwrap(),
            "Mon, 23 Nov 2026 11:00:00 +0100"
        );
        assert_eq!(
            rome_rfc2822(at("2026-03-29 23:30")).unwrap(),
            "Mon, 30 Mar 2026 01:30:00 +0200"
        );
    }

    #[test]
    fn only_exactly_1_is_development() {
        assert!(is_development(Some("1")));
        assert!(is_development(Some(" 1 ")));
        for s in [
            None,
            Some(""),
            Some("0"),
            Some("true"),
            Some("yes"),
            Some("dev"),
            Some("11"),
        ] {
            assert!(!is_development(s), "{s:?}");
        }
    }

    #[test]
    fn d1_fails_only_on_a_development_worker_given_the_switch() {
        assert!(d1_fails(Some("1"), Some("1")));
        for (dev, switch) in [
            (None, Some("1")),
            (Some("0"), Some("1")),
            (Some(""), Some("1")),
            (Some("1"), None),
            (Some("1"), Some("0")),
            (Some("1"), Some("true")),
        ] {
            assert!(!d1_fails(dev, switch), "{dev:?} {switch:?}");
        }
    }

    #[test]
    fn production_ignores_every_override() {
        let real = at("2026-10-25 23:30");
        let overrides = Overrides {
            today: Some("2026-03-20"),
            now: Some("2030-01-01T00:00:00Z"),
        };
        for setting in [None, Some("0"), Some("true"), Some("")] {
            let c = Clock::resolve(real, setting, overrides).unwrap();
            assert_eq!(c.now, real, "{setting:?}");
            assert_eq!(c.today, date("2026-10-26"), "{setting:?}");
        }
        // Malformed overrides are not even read.
        let bad = Overrides {
            today: Some("ieri"),
            now: Some("presto"),
        };
        assert_eq!(
            Clock::resolve(real, None, bad).unwrap(),
            Clock {
                now: real,
                today: date("2026-10-26")
            }
        );
    }

    #[test]
    fn development_honours_the_overrides() {
        let real = at("2026-10-25 23:30");
        let dev = Some("1");
        // Nothing set: the real clock, in Rome.
        let c = Clock::resolve(real, dev, Overrides::default()).unwrap();
        assert_eq!((c.now, c.today), (real, date("2026-10-26")));
        // PONTE_TODAY moves the day, not the instant.
        let c = Clock::resolve(
            real,
            dev,
            Overrides {
                today: Some("2026-03-20"),
                now: None,
            },
        )
        .unwrap();
        assert_eq!((c.now, c.today), (real, date("2026-03-20")));
        // The now override moves both, and wins over PONTE_TODAY; Unix seconds or RFC 3339.
        for raw in [
            "1774827000",
            "2026-03-29T23:30:00Z",
            "2026-03-30T01:30:00+02:00",
        ] {
            let c = Clock::resolve(
                real,
                dev,
                Overrides {
                    today: Some("2026-03-20"),
                    now: Some(raw),
                },
            )
            .unwrap();
            assert_eq!(c.now, at("2026-03-29 23:30"), "{raw}");
            assert_eq!(c.today, date("2026-03-30"), "{raw}");
        }
    }

    #[test]
    fn development_refuses_malformed_overrides() {
        let real = at("2026-01-15 10:00");
        let e = Clock::resolve(
            real,
            Some("1"),
            Overrides {
                today: Some("20/03/2026"),
                now: None,
            },
        )
        .unwrap_err();
        assert_eq!(
            e,
            ClockError::Malformed {
                setting: TODAY_OVERRIDE,
                value: "20/03/2026".to_owned()
            }
        );
        assert_eq!(
            e.message(),
            "PONTE_TODAY non è valido (\"20/03/2026\"): serve una data AAAA-MM-GG per \
             PONTE_TODAY, secondi Unix o RFC 3339 per X-Ponte-Dev-Now."
        );
        let fe = e.to_field_error(NOW_OVERRIDE_HEADER);
        assert_eq!(fe.field.as_deref(), Some(NOW_OVERRIDE_HEADER));
        assert_eq!(fe.message, e.message());
        assert!(fe.text().is_some());
        for raw in ["", "domani", "2026-03-29", "99999999999999999999", "1.5"] {
            let e = Clock::resolve(
                real,
                Some("1"),
                Overrides {
                    today: None,
                    now: Some(raw),
                },
            )
            .unwrap_err();
            assert!(
                matches!(&e, ClockError::Malformed { setting, .. } if *setting == NOW_OVERRIDE_HEADER),
                "{raw:?}: {e:?}"
            );
        }
    }

    #[test]
    fn a_clock_outside_the_calendar_is_an_error() {
        assert_eq!(
            Clock::resolve(i64::MAX, None, Overrides::default()),
            Err(ClockError::OutOfRange(i64::MAX))
        );
        assert_eq!(rome_time(i64::MIN), None);
    }
}
