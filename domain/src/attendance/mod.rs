//! Attendance: the validity of the school year (*validità dell'anno scolastico*).
//!
//! Sources: seed 003 (I.C. San Pietro in Vincoli, circolare n. 133 of 11/01/2025) and seed 004
//! (San Michele al Tagliamento, regolamento). See DESIGN.md §2.

pub mod limits;

pub use limits::{DailyHours, LessonWeeks, Limits, WeeklyHours};
