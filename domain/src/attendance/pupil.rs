//! The pupil as the attendance rules see them: grade, timetable profile, enrolment and the
//! personalised annual hours (*monte ore annuale personalizzato*).
//!
//! - **Late enrolment** (seed 003, regolamento, "Per le iscrizioni tardive il computo verrà fatto
//!   sulla frequenza del 75% del monte ore calcolato dalla data di inizio frequenza"): the annual
//!   hours are the profile's annual hours × (lesson days from the first day of attendance to the
//!   last lesson day) ÷ (lesson days of the year), rounded to the nearest hour (half up). Decision
//!   where the seed is silent: the lesson days are those of the pupil's own profile in the school's
//!   calendar, so a holiday-rich month weighs less than a full one; nearest hour because the result
//!   must be a whole *monte ore* and neither side should gain from the rounding.
//! - **Transfer** (seed 003, "Per gli alunni trasferiti in corso d'anno saranno richieste le ore di
//!   assenza alla scuola di provenienza"): a pupil transferred during the year keeps the full
//!   annual hours of the new class (the year is one year, at two schools), and the absence hours
//!   of the previous school are counted. Until the previous school answers, the hours are unknown
//!   (`None`) and the assessment raises an alert so the office asks for them. The Law 159
//!   elusione, which counts only this school's absences, divides by the hours of the period here
//!   ([`hours_at_this_school`]: pro rata from the transfer, as for a late enrolment).
//! - **Override** (docs/design.md §2, "Staff can override a pupil's personalised hours"; a reduced
//!   timetable in a PEI/PDP): when set it replaces both of the above.

use super::calendar::{Calendar, TimetableProfile};
use super::limits::{LessonWeeks, WeeklyHours};
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The most annual hours a *monte ore* can have: 60 weekly hours × 52 weeks.
pub const MAX_ANNUAL_HOURS: u32 = WeeklyHours::MAX * LessonWeeks::MAX;

/// School grade (*ordine di scuola*) of the first and second cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SchoolGrade {
    /// *Scuola primaria*.
    Primaria,
    /// *Scuola secondaria di primo grado*.
    SecondariaPrimoGrado,
    /// *Scuola secondaria di secondo grado*.
    SecondariaSecondoGrado,
}

impl SchoolGrade {
    pub const ALL: [SchoolGrade; 3] = [
        SchoolGrade::Primaria,
        SchoolGrade::SecondariaPrimoGrado,
        SchoolGrade::SecondariaSecondoGrado,
    ];

    /// The stored code (the serde name): `primaria`, `secondaria_primo_grado`,
    /// `secondaria_secondo_grado`.
    pub fn code(self) -> &'static str {
        match self {
            SchoolGrade::Primaria => "primaria",
            SchoolGrade::SecondariaPrimoGrado => "secondaria_primo_grado",
            SchoolGrade::SecondariaSecondoGrado => "secondaria_secondo_grado",
        }
    }

    /// The grade of a stored code; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.code() == code)
    }
}

/// How the pupil came to be in the class this year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Enrolment {
    /// Enrolled from the first lesson day.
    FullYear,
    /// First enrolled during the year (seed 003: pupils arriving from abroad): annual hours pro
    /// rata from `start`, the first day of attendance.
    Late { start: NaiveDate },
    /// Transferred from another school during the year, attending here from `start`; the
    /// previous school's absence minutes, once known, count here.
    Transfer {
        start: NaiveDate,
        #[serde(default)]
        previous_absence_minutes: Option<u32>,
    },
}

impl Enrolment {
    /// First day at this school, if not the first lesson day.
    pub fn start(&self) -> Option<NaiveDate> {
        match *self {
            Enrolment::FullYear => None,
            Enrolment::Late { start } | Enrolment::Transfer { start, .. } => Some(start),
        }
    }
}

/// A pupil, checked whole: every `Pupil` holds values the engine can use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PupilSpec", into = "PupilSpec")]
pub struct Pupil {
    grade: SchoolGrade,
    profile: TimetableProfile,
    enrolment: Enrolment,
    personalised_hours: Option<u32>,
}

/// The wire form of a [`Pupil`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PupilSpec {
    pub grade: SchoolGrade,
    pub timetable: TimetableProfile,
    #[serde(default = "full_year")]
    pub enrolment: Enrolment,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personalised_hours: Option<u32>,
}

fn full_year() -> Enrolment {
    Enrolment::FullYear
}

impl Pupil {
    /// `personalised_hours`: the staff's override of the annual hours (1 to
    /// [`MAX_ANNUAL_HOURS`]). Transfer-in minutes are bounded by the same *monte ore*.
    pub fn new(
        grade: SchoolGrade,
        profile: TimetableProfile,
        enrolment: Enrolment,
        personalised_hours: Option<u32>,
    ) -> Result<Self, FieldError> {
        if let Some(h) = personalised_hours {
            if !(1..=MAX_ANNUAL_HOURS).contains(&h) {
                return Err(FieldError::invalid_says(
                    "personalised_hours",
                    Msg::PersonalisedHoursRange,
                    &[("max", &MAX_ANNUAL_HOURS)],
                ));
            }
        }
        if let Enrolment::Transfer {
            previous_absence_minutes: Some(m),
            ..
        } = enrolment
        {
            if m > MAX_ANNUAL_HOURS * 60 {
                return Err(FieldError::invalid_says(
                    "previous_absence_minutes",
                    Msg::PreviousAbsenceMax,
                    &[("max", &MAX_ANNUAL_HOURS)],
                ));
            }
        }
        Ok(Pupil {
            grade,
            profile,
            enrolment,
            personalised_hours,
        })
    }

    /// A pupil enrolled from the first day, with the profile's annual hours.
    pub fn full_year(grade: SchoolGrade, profile: TimetableProfile) -> Self {
        Pupil {
            grade,
            profile,
            enrolment: Enrolment::FullYear,
            personalised_hours: None,
        }
    }

    pub fn grade(&self) -> SchoolGrade {
        self.grade
    }

    pub fn profile(&self) -> &TimetableProfile {
        &self.profile
    }

    pub fn enrolment(&self) -> Enrolment {
        self.enrolment
    }

    pub fn personalised_hours_override(&self) -> Option<u32> {
        self.personalised_hours
    }

    /// Absence minutes brought from the previous school (0 when none or not yet known).
    pub fn transfer_in_minutes(&self) -> u32 {
        match self.enrolment {
            Enrolment::Transfer {
                previous_absence_minutes: Some(m),
                ..
            } => m,
            _ => 0,
        }
    }

    /// The first date this school records absences for (the first lesson day, or the start at
    /// this school if later).
    pub fn counting_start(&self, calendar: &Calendar) -> NaiveDate {
        match self.enrolment.start() {
            Some(s) if s > calendar.first_lesson_day() => s,
            _ => calendar.first_lesson_day(),
        }
    }
}

impl TryFrom<PupilSpec> for Pupil {
    type Error = FieldError;
    fn try_from(s: PupilSpec) -> Result<Self, FieldError> {
        Self::new(s.grade, s.timetable, s.enrolment, s.personalised_hours)
    }
}

impl From<Pupil> for PupilSpec {
    fn from(p: Pupil) -> Self {
        PupilSpec {
            grade: p.grade,
            timetable: p.profile,
            enrolment: p.enrolment,
            personalised_hours: p.personalised_hours,
        }
    }
}

/// Where the personalised annual hours come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnnualHoursBasis {
    /// Weekly hours × lesson weeks (seed 003 table; seed 004 art. 3).
    Standard,
    /// Late enrolment: pro rata to the lesson days left (seed 003, iscrizioni tardive).
    ProRata {
        from: NaiveDate,
        lesson_days_left: u32,
        lesson_days_in_year: u32,
    },
    /// Set by the school's staff.
    Override,
}

/// The pupil's personalised annual hours and where they come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PersonalisedHours {
    pub annual_hours: u32,
    pub basis: AnnualHoursBasis,
}

/// The *monte ore annuale personalizzato* of `pupil` in `calendar` (before any derogation is
/// taken out of it).
///
/// A calendar without lesson days for the pupil's profile gives no basis for a pro rata: the
/// standard hours are kept (and the assessment warns). A late start after the last lesson day
/// gives 0 hours.
pub fn personalised_annual_hours(calendar: &Calendar, pupil: &Pupil) -> PersonalisedHours {
    let standard = pupil.profile.weekly_hours().get() * calendar.lesson_weeks().get();
    if let Some(h) = pupil.personalised_hours {
        return PersonalisedHours {
            annual_hours: h,
            basis: AnnualHoursBasis::Override,
        };
    }
    let Enrolment::Late { start } = pupil.enrolment else {
        return PersonalisedHours {
            annual_hours: standard,
            basis: AnnualHoursBasis::Standard,
        };
    };
    pro_rata(calendar, pupil, standard, start)
}

/// The personalised annual hours of the period the pupil spent at this school: as
/// [`personalised_annual_hours`], but a pupil transferred during the year is measured, like a
/// late enrolment, pro rata from their first day here (the staff's override still wins). The
/// Law 159 elusione divides by these (`law159` module docs): the register holds only this
/// school's absences, so the hours must be this school's too.
pub fn hours_at_this_school(calendar: &Calendar, pupil: &Pupil) -> PersonalisedHours {
    match pupil.enrolment {
        Enrolment::Transfer { start, .. } if pupil.personalised_hours.is_none() => {
            let standard = pupil.profile.weekly_hours().get() * calendar.lesson_weeks().get();
            pro_rata(calendar, pupil, standard, start)
        }
        _ => personalised_annual_hours(calendar, pupil),
    }
}

/// `standard` hours pro rata to the lesson days from `start` (module docs).
fn pro_rata(
    calendar: &Calendar,
    pupil: &Pupil,
    standard: u32,
    start: NaiveDate,
) -> PersonalisedHours {
    if start <= calendar.first_lesson_day() {
        return PersonalisedHours {
            annual_hours: standard,
            basis: AnnualHoursBasis::Standard,
        };
    }
    let total = calendar.lesson_days(&pupil.profile);
    if total == 0 {
        return PersonalisedHours {
            annual_hours: standard,
            basis: AnnualHoursBasis::Standard,
        };
    }
    let left = calendar.lesson_days_from(start, &pupil.profile);
    // Nearest hour, half up, in integers: (2·a·l + t) / 2t.
    let (a, l, t) = (u64::from(standard), u64::from(left), u64::from(total));
    let hours = (2 * a * l + t) / (2 * t);
    PersonalisedHours {
        annual_hours: hours as u32,
        basis: AnnualHoursBasis::ProRata {
            from: start,
            lesson_days_left: left,
            lesson_days_in_year: total,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attendance::calendar::DateRange;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn five_by_six() -> TimetableProfile {
        TimetableProfile::from_days([6, 6, 6, 6, 6, 0]).unwrap()
    }

    /// Mon 2 Sep … Fri 27 Sep 2024: 20 lesson days Monday to Friday.
    fn month() -> Calendar {
        Calendar::new(d(2024, 9, 2), d(2024, 9, 27), vec![], LessonWeeks::DEFAULT).unwrap()
    }

    #[test]
    fn late_enrolment_is_pro_rata_to_lesson_days_left() {
        let cal = month();
        let p = Pupil::new(
            SchoolGrade::SecondariaPrimoGrado,
            five_by_six(),
            Enrolment::Late {
                start: d(2024, 9, 16),
            },
            None,
        )
        .unwrap();
        // 10 of 20 lesson days left: half of 990.
        let h = personalised_annual_hours(&cal, &p);
        assert_eq!(h.annual_hours, 495);
        assert_eq!(
            h.basis,
            AnnualHoursBasis::ProRata {
                from: d(2024, 9, 16),
                lesson_days_left: 10,
                lesson_days_in_year: 20
            }
        );
        // Starting on a Saturday counts from the Monday: same days left.
        let p = Pupil::new(
            SchoolGrade::SecondariaPrimoGrado,
            five_by_six(),
            Enrolment::Late {
                start: d(2024, 9, 14),
            },
            None,
        )
        .unwrap();
        assert_eq!(personalised_annual_hours(&cal, &p).annual_hours, 495);
    }

    #[test]
    fn holidays_weigh_in_the_pro_rata() {
        // A week of holiday in the second half: 15 days in all, 5 left from 23 Sep.
        let cal = Calendar::new(
            d(2024, 9, 2),
            d(2024, 9, 27),
            vec![DateRange::new(d(2024, 9, 16), d(2024, 9, 20)).unwrap()],
            LessonWeeks::DEFAULT,
        )
        .unwrap();
        let p = Pupil::new(
            SchoolGrade::Primaria,
            five_by_six(),
            Enrolment::Late {
                start: d(2024, 9, 23),
            },
            None,
        )
        .unwrap();
        assert_eq!(personalised_annual_hours(&cal, &p).annual_hours, 330);
    }

    #[test]
    fn override_transfer_and_edges() {
        let cal = month();
        let p = Pupil::new(
            SchoolGrade::Primaria,
            five_by_six(),
            Enrolment::Late {
                start: d(2024, 9, 16),
            },
            Some(700),
        )
        .unwrap();
        let h = personalised_annual_hours(&cal, &p);
        assert_eq!((h.annual_hours, h.basis), (700, AnnualHoursBasis::Override));
        let t = Pupil::new(
            SchoolGrade::Primaria,
            five_by_six(),
            Enrolment::Transfer {
                start: d(2024, 9, 16),
                previous_absence_minutes: Some(600),
            },
            None,
        )
        .unwrap();
        assert_eq!(personalised_annual_hours(&cal, &t).annual_hours, 990);
        // The period at this school: from 16 September, 10 of 20 lesson days.
        let here = hours_at_this_school(&cal, &t);
        assert_eq!(here.annual_hours, 495);
        assert!(
            matches!(here.basis, AnnualHoursBasis::ProRata { from, .. } if from == d(2024, 9, 16))
        );
        // The staff's override wins; any other pupil has their personalised hours.
        let mut fixed = t.clone();
        fixed.personalised_hours = Some(800);
        assert_eq!(hours_at_this_school(&cal, &fixed).annual_hours, 800);
        let full = Pupil::full_year(SchoolGrade::Primaria, five_by_six());
        assert_eq!(hours_at_this_school(&cal, &full).annual_hours, 990);
        assert_eq!(t.transfer_in_minutes(), 600);
        assert_eq!(t.counting_start(&cal), d(2024, 9, 16));
        let after = Pupil::new(
            SchoolGrade::Primaria,
            five_by_six(),
            Enrolment::Late {
                start: d(2025, 1, 1),
            },
            None,
        )
        .unwrap();
        assert_eq!(personalised_annual_hours(&cal, &after).annual_hours, 0);
        assert!(Pupil::new(
            SchoolGrade::Primaria,
            five_by_six(),
            Enrolment::FullYear,
            Some(0)
        )
        .is_err());
        let e = Pupil::new(
            SchoolGrade::Primaria,
            five_by_six(),
            Enrolment::Transfer {
                start: d(2024, 9, 16),
                previous_absence_minutes: Some(u32::MAX),
            },
            None,
        )
        .unwrap_err();
        assert_eq!(e.field.as_deref(), Some("previous_absence_minutes"));
    }
}
