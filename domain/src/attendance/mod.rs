//! Attendance: the validity of the school year (*validità dell'anno scolastico*).
//!
//! Sources: seed 003 (I.C. San Pietro in Vincoli, circolare n. 133 of 11/01/2025) and seed 004
//! (San Michele al Tagliamento, regolamento). See DESIGN.md §2.

pub mod calendar;
pub mod engine;
pub mod events;
pub mod law159;
pub mod limits;
pub mod policy;
pub mod presets;
pub mod pupil;

#[cfg(test)]
mod proptests;

pub use calendar::{Calendar, DateRange, TimetableProfile};
pub use engine::{assess, Alert, Assessment, Status, Warning};
pub use events::{AbsenceEvent, AbsenceKind, Deroga, DerogaCategoryCode, DerogaId, DerogaStatus};
pub use limits::{DailyHours, LessonWeeks, Limits, WeeklyHours};
pub use policy::{DerogaMode, Policy};
pub use pupil::{personalised_annual_hours, Enrolment, Pupil, SchoolGrade};
