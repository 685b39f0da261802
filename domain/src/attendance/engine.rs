//! The assessment of one pupil's attendance on a given day: what the family dashboard shows and
//! what the school's alerts start from.
//!
//! Steps, each with its source:
//!
//! 1. **Personalised annual hours** — weekly hours × lesson weeks (seed 003 table; seed 004
//!    art. 3), pro rata for a late enrolment, or the staff's override ([`super::pupil`]).
//! 2. **Which events count** — the policy's kinds (seed 003 point 1 and "Non sono computate";
//!    seed 004 art. 5), on the pupil's lesson days between the first and last lesson day (seed 004
//!    art. 4 "a partire dalla data di inizio delle lezioni sino alla data di termine"), from the
//!    pupil's first day at this school, up to `today`. Events elsewhere are not counted and are
//!    reported as [`Warning`]s, never dropped silently.
//! 3. **A day counts at most its timetable** — a whole-day absence is that day's hours (docs/design.md
//!    §2); when the records of one day add up to more than the day has (a whole day and a late
//!    entry both recorded), the day counts its timetable and a [`Warning::DayOverRecorded`] says
//!    so. The plain minutes (no derogation) are cut first and the derogated ones kept, so a
//!    derogation never loses hours to a record that is not derogated and the counted absence is
//!    the smallest the records allow: the rule that favours the pupil ([`super`], decision 2).
//! 4. **Derogations** — only an approved derogation, of a category the school adopted, for the
//!    events that reference it and fall within its dates, up to the hours it recognises (seed 003
//!    "tenuto conto delle deroghe riconosciute"; seed 004 art. 4 "comprensivo delle deroghe
//!    riconosciute ai sensi del successivo art. 6"). Then the policy's mode: out of the absence
//!    hours, or also out of the annual hours (seed 004 art. 6).
//! 5. **Transfer** — the previous school's absence hours are added (seed 003, "saranno richieste
//!    le ore di assenza alla scuola di provenienza").
//! 6. **Limits** — minimum attendance ⌈¾ × annual⌉, maximum absence the rest
//!    ([`super::limits::min_attendance`]); the limit is exceeded when the counted absence is
//!    *more* than the maximum (at exactly the maximum the pupil attended exactly the minimum).
//! 7. **Results** — remaining hours = max(0, maximum − counted); remaining whole days at the
//!    pupil's longest day, rounded down (seed 004 art. 3 days; docs/design.md §2); status band;
//!    thresholds (seed 003, 200 h); forecast.
//!
//! **Forecast** (docs/design.md §2 "at the pace so far, on which date will the limit be crossed"):
//! pace = counted minutes ÷ lesson minutes of the pupil's timetable from the pace start to
//! `today` (both included); the pace start is the first lesson day, or the first day of a late
//! enrolment (a transferred pupil's counted minutes include the previous school's, so their pace
//! runs from the first lesson day). The forecast is the first future lesson day on which
//! counted + pace × (lesson minutes from tomorrow to that day) exceeds the maximum, if that day is
//! within the school year; otherwise none. No forecast without absence, or once the limit is
//! already exceeded ([`Assessment::limit_crossed_on`] then says when it was).

use super::calendar::{Calendar, MAX_CALENDAR_DAYS};
use super::events::{AbsenceEvent, Deroga, DerogaId, DerogaStatus};
use super::limits::Limits;
use super::policy::{DerogaMode, Policy};
use super::pupil::{personalised_annual_hours, Enrolment, PersonalisedHours, Pupil, SchoolGrade};
use chrono::NaiveDate;
use serde::Serialize;

/// Where the pupil stands, as a band for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "openapi", schemars(rename = "AttendanceStatus"))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Below the attention band.
    Ok,
    /// From the policy's attention percentage of the maximum absence.
    Attention,
    /// From the policy's at-risk percentage, or a threshold of the policy reached (seed 003:
    /// "allievi a rischio esclusione dallo scrutinio finale").
    AtRisk,
    /// More absence than the maximum: the year is not valid unless the class council derogates
    /// (seed 003 "Il mancato conseguimento … comporta la non validità dell'anno scolastico").
    LimitExceeded,
}

/// Something the school or the family must act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Alert {
    /// The maximum absence was exceeded on this date.
    LimitExceeded { crossed_on: NaiveDate },
    /// A threshold of the school for the pupil's grade was reached (seed 003: the coordinator
    /// tells the class council; the parents get a written notice).
    ThresholdReached {
        grade: SchoolGrade,
        hours: u32,
        reached_on: NaiveDate,
    },
    /// Derogations the school has not decided yet, the minutes they would take out if approved,
    /// and the date the family's documentation is due (seed 003: 31 May).
    #[serde(rename = "derogations_pending")]
    DerogaPending {
        count: u32,
        minutes: u32,
        documentation_deadline: Option<NaiveDate>,
    },
    /// A transferred pupil whose previous school's absence hours are not recorded yet: ask for
    /// them (seed 003, "saranno richieste le ore di assenza alla scuola di provenienza").
    TransferHoursMissing { start: NaiveDate },
}

/// A record the engine could not use as it stands; it is left out of the count and shown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// The calendar has no lesson day for the pupil's timetable.
    CalendarWithoutLessonDays,
    /// The pupil starts after the last lesson day.
    EnrolmentAfterLastLessonDay { start: NaiveDate },
    /// An event before the first or after the last lesson day.
    EventOutsideLessonPeriod { date: NaiveDate },
    /// An event on a holiday, a Sunday or a weekday without lessons in the pupil's timetable.
    EventOnNonLessonDay { date: NaiveDate },
    /// An event before the pupil's first day at this school (a transferred pupil's earlier
    /// absences come as the previous school's hours).
    EventBeforeEnrolment { date: NaiveDate },
    /// An event after the day of the assessment.
    EventAfterToday { date: NaiveDate },
    /// The records of one day add up to more than the day's timetable; the day counts its
    /// timetable.
    DayOverRecorded {
        date: NaiveDate,
        recorded_minutes: u32,
        day_minutes: u32,
    },
    /// An event refers to a derogation that does not exist.
    UnknownDeroga { date: NaiveDate, deroga: DerogaId },
    /// An event refers to a derogation whose dates do not include it.
    EventOutsideDerogaDates { date: NaiveDate, deroga: DerogaId },
    /// Two derogations have the same id: neither is applied.
    DuplicateDerogaId { deroga: DerogaId },
    /// A derogation of a category the school has not adopted: not applied.
    UnknownDerogaCategory { deroga: DerogaId, category: String },
}

/// One pupil's attendance position on `as_of`. Durations are in lesson minutes (60 to an hour);
/// limits in whole hours, as the seeds state them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub as_of: NaiveDate,
    /// The *monte ore* before derogations, and where it comes from.
    pub personalised: PersonalisedHours,
    /// Whole hours taken out of the *monte ore* by approved derogations
    /// ([`DerogaMode::RemoveFromAnnualHours`]; 0 otherwise).
    pub hours_removed_by_deroghe: u32,
    /// Annual hours (after the removal above), minimum attendance, maximum absence, and the
    /// maximum as whole days of `day_hours`.
    pub limits: Limits,
    /// Hours of the pupil's longest lesson day: the unit of `remaining_days`.
    pub day_hours: u32,
    /// Every counted absence, before derogations, including the previous school's.
    pub absence_minutes: u32,
    /// The previous school's absence (transfer), included above.
    pub transfer_in_minutes: u32,
    /// Taken out by approved derogations.
    pub derogated_minutes: u32,
    /// Would be taken out if the pending derogations were approved (still counted).
    pub pending_deroga_minutes: u32,
    /// Absence against the limit: `absence_minutes − derogated_minutes`.
    pub counted_absence_minutes: u32,
    /// max(0, maximum absence − counted absence).
    pub remaining_minutes: u32,
    /// Whole days of `day_hours` within `remaining_minutes` (rounded down).
    pub remaining_days: u32,
    /// Counted absence as a percentage of the annual hours, to one decimal.
    pub absence_percent: f64,
    /// Counted absence as a percentage of the maximum absence, to one decimal; `None` when the
    /// maximum is 0.
    pub limit_used_percent: Option<f64>,
    pub status: Status,
    /// The date the counted absence first exceeded the maximum.
    pub limit_crossed_on: Option<NaiveDate>,
    /// At the pace so far, the lesson day the limit would be exceeded, if within the year.
    pub forecast_crossing_on: Option<NaiveDate>,
    /// The school's deadline for the family's documentation, in this school year.
    pub documentation_deadline: Option<NaiveDate>,
    pub alerts: Vec<Alert>,
    /// Sorted, so the assessment does not depend on the order of the input.
    pub warnings: Vec<Warning>,
}

/// An event the engine will count, reduced to what it needs.
#[derive(Clone, Copy)]
struct Ev {
    day: u16,
    /// [`APPROVED`], [`PENDING`] or [`PLAIN`] (no usable derogation, or a refused one). A day's
    /// events are taken in this order: derogated minutes first, plain ones last, so the cut of an
    /// over-recorded day falls on the plain, counted minutes.
    rank: u8,
    /// Index into the sorted derogation slots, `u32::MAX` for none.
    slot: u32,
    minutes: u16,
}

const APPROVED: u8 = 0;
const PENDING: u8 = 1;
const PLAIN: u8 = 2;

struct Slot<'a> {
    deroga: &'a Deroga,
    usable: bool,
    left: u32,
}

const NO_SLOT: u32 = u32::MAX;

/// The assessment of `pupil` on `today`. Never fails: every input is already checked by its
/// constructor, and records the engine cannot use are reported in [`Assessment::warnings`].
pub fn assess(
    policy: &Policy,
    calendar: &Calendar,
    pupil: &Pupil,
    events: &[AbsenceEvent],
    deroghe: &[Deroga],
    today: NaiveDate,
) -> Assessment {
    let mut warnings = Vec::new();
    let profile = pupil.profile();
    let schedule = calendar.schedule(profile);
    let sched = schedule.days();
    let len = sched.len();
    let lesson_days = sched.iter().filter(|&&m| m > 0).count();
    if lesson_days == 0 {
        warnings.push(Warning::CalendarWithoutLessonDays);
    }
    if let Some(start) = pupil.enrolment().start() {
        if start > calendar.last_lesson_day() {
            warnings.push(Warning::EnrolmentAfterLastLessonDay { start });
        }
    }
    let counting_start = pupil.counting_start(calendar);

    // Derogations, sorted by id; duplicates and unknown categories are not usable.
    let mut slots: Vec<Slot> = deroghe
        .iter()
        .map(|d| Slot {
            deroga: d,
            usable: true,
            left: d.max_minutes().unwrap_or(u32::MAX),
        })
        .collect();
    crate::sort::sort_by_key(&mut slots, |s| s.deroga.id());
    let mut i = 0;
    while i < slots.len() {
        let id = slots[i].deroga.id();
        let mut j = i + 1;
        while j < slots.len() && slots[j].deroga.id() == id {
            j += 1;
        }
        if j - i > 1 {
            warnings.push(Warning::DuplicateDerogaId { deroga: id });
            for s in &mut slots[i..j] {
                s.usable = false;
            }
        } else if !policy.has_category(slots[i].deroga.category()) {
            warnings.push(Warning::UnknownDerogaCategory {
                deroga: id,
                category: slots[i].deroga.category().as_str().to_owned(),
            });
            slots[i].usable = false;
        }
        i = j;
    }

    // The events that count, reduced and sorted once.
    let mut evs: Vec<Ev> = Vec::with_capacity(events.len());
    for e in events {
        if !policy.counts(e.kind()) {
            continue;
        }
        let date = e.date();
        let Some(day) = calendar.index(date) else {
            warnings.push(Warning::EventOutsideLessonPeriod { date });
            continue;
        };
        if date > today {
            warnings.push(Warning::EventAfterToday { date });
            continue;
        }
        if date < counting_start {
            warnings.push(Warning::EventBeforeEnrolment { date });
            continue;
        }
        let day_minutes = sched[day];
        if day_minutes == 0 {
            warnings.push(Warning::EventOnNonLessonDay { date });
            continue;
        }
        let minutes = e.minutes().map_or(day_minutes, |m| m as u16);
        let (rank, slot) = match e.deroga() {
            None => (PLAIN, NO_SLOT),
            Some(id) => match slots.binary_search_by_key(&id, |s| s.deroga.id()) {
                Err(_) => {
                    warnings.push(Warning::UnknownDeroga { date, deroga: id });
                    (PLAIN, NO_SLOT)
                }
                Ok(k) if !slots[k].usable => (PLAIN, NO_SLOT),
                Ok(k) if !slots[k].deroga.period().contains(date) => {
                    warnings.push(Warning::EventOutsideDerogaDates { date, deroga: id });
                    (PLAIN, NO_SLOT)
                }
                Ok(k) => match slots[k].deroga.status() {
                    DerogaStatus::Approved => (APPROVED, k as u32),
                    DerogaStatus::Pending => (PENDING, k as u32),
                    DerogaStatus::Refused => (PLAIN, NO_SLOT),
                },
            },
        };
        evs.push(Ev {
            day: day as u16,
            rank,
            slot,
            minutes,
        });
    }
    // The hot sort (every pupil's events): the standard one, compiled for `Ev` alone; the
    // shared sort's indirection costs the engine a fifth of its time here.
    evs.sort_unstable_by_key(|e| (e.day, e.rank, e.slot, e.minutes));

    // Per day: cap at the timetable, take derogations out, keep the counted minutes per day.
    // The day's room goes to the approved derogations first (each up to what it still
    // recognises), then to the pending ones (what they would take out), and what is left to
    // the plain minutes: an over-recorded day loses plain minutes first, and its derogated
    // minutes are as many as its records and the derogations allow (mod.rs, decision 2).
    let mut counted_day = [0u16; MAX_CALENDAR_DAYS];
    let (mut total, mut derogated, mut pending) = (0u64, 0u64, 0u64);
    let mut k = 0;
    while k < evs.len() {
        let day = usize::from(evs[k].day);
        let mut end = k;
        let mut recorded = 0u64;
        while end < evs.len() && usize::from(evs[end].day) == day {
            recorded += u64::from(evs[end].minutes);
            end += 1;
        }
        let day_minutes = sched[day];
        if recorded > u64::from(day_minutes) {
            warnings.push(Warning::DayOverRecorded {
                date: calendar.date_at(day),
                recorded_minutes: u32::try_from(recorded).unwrap_or(u32::MAX),
                day_minutes: u32::from(day_minutes),
            });
        }
        // At most `day_minutes`, so it fits the day's u16.
        let absent = recorded.min(u64::from(day_minutes)) as u16;
        let mut room = day_minutes;
        let mut taken_out = 0u16;
        for ev in &evs[k..end] {
            if ev.rank == PLAIN {
                break;
            }
            let slot = &mut slots[ev.slot as usize];
            let take = ev
                .minutes
                .min(room)
                .min(slot.left.min(u32::from(u16::MAX)) as u16);
            slot.left -= u32::from(take);
            room -= take;
            if ev.rank == APPROVED {
                taken_out += take;
            } else {
                pending += u64::from(take);
            }
        }
        total += u64::from(absent);
        derogated += u64::from(taken_out);
        counted_day[day] = absent - taken_out;
        k = end;
    }

    let transfer_in = u64::from(pupil.transfer_in_minutes());
    let absence = transfer_in + total;
    let counted = absence - derogated;

    // Limits on the personalised hours, less what the derogations remove (seed 004 mode).
    let personalised = personalised_annual_hours(calendar, pupil);
    let removed = match policy.deroga_mode() {
        DerogaMode::ExcludeFromAbsences => 0,
        DerogaMode::RemoveFromAnnualHours => {
            ((derogated / 60) as u32).min(personalised.annual_hours)
        }
    };
    let annual = personalised.annual_hours - removed;
    let day_hours = profile.day_hours();
    let limits = Limits::for_annual_hours(
        annual,
        profile.weekly_hours().get(),
        calendar.lesson_weeks().get(),
        Some(day_hours),
    );
    let max = u64::from(limits.max_absence_hours) * 60;
    let remaining = max.saturating_sub(counted);
    let remaining_days = remaining / (u64::from(day_hours.get()) * 60);

    // When the limit and the thresholds were crossed: a walk over the days in date order.
    let start_date = pupil.enrolment().start().unwrap_or(counting_start);
    let mut thresholds: Vec<(u32, Option<NaiveDate>)> = policy
        .thresholds()
        .iter()
        .filter(|t| t.grade == pupil.grade())
        .map(|t| (t.hours, None))
        .collect();
    crate::sort::sort(&mut thresholds);
    let mut limit_crossed_on = None;
    let mut run = transfer_in;
    let mut mark = |run: u64, date: NaiveDate, crossed: &mut Option<NaiveDate>| {
        if crossed.is_none() && run > max {
            *crossed = Some(date);
        }
        for (hours, reached) in thresholds.iter_mut() {
            if reached.is_none() && run >= u64::from(*hours) * 60 {
                *reached = Some(date);
            }
        }
    };
    if run > 0 {
        mark(run, start_date, &mut limit_crossed_on);
    }
    for (day, &c) in counted_day.iter().enumerate().take(len) {
        if c > 0 {
            run += u64::from(c);
            mark(run, calendar.date_at(day), &mut limit_crossed_on);
        }
    }

    let thresholds_reached = thresholds.iter().any(|(_, r)| r.is_some());
    let bands = policy.bands();
    let status = if counted > max {
        Status::LimitExceeded
    } else if counted == 0 {
        Status::Ok
    } else if counted * 100 >= max * u64::from(bands.at_risk_percent()) || thresholds_reached {
        Status::AtRisk
    } else if counted * 100 >= max * u64::from(bands.attention_percent()) {
        Status::Attention
    } else {
        Status::Ok
    };

    // Forecast at the pace so far.
    let mut forecast = None;
    if status != Status::LimitExceeded && counted > 0 {
        let pace_start = match pupil.enrolment() {
            Enrolment::Late { .. } => counting_start,
            _ => calendar.first_lesson_day(),
        };
        let from = calendar.index(pace_start).unwrap_or(len);
        let upto = if today >= calendar.last_lesson_day() {
            None
        } else {
            calendar.index(today)
        };
        if let Some(t) = upto {
            let elapsed: u64 = sched
                .get(from..=t)
                .map_or(0, |s| s.iter().map(|&m| u64::from(m)).sum());
            if elapsed > 0 {
                // counted + counted·F/E > max  ⟺  counted·(E + F) > max·E
                let mut future = 0u64;
                for (i, &m) in sched.iter().enumerate().skip(t + 1) {
                    if m == 0 {
                        continue;
                    }
                    future += u64::from(m);
                    if counted * (elapsed + future) > max * elapsed {
                        forecast = Some(calendar.date_at(i));
                        break;
                    }
                }
            }
        }
    }

    let documentation_deadline = policy
        .documentation_deadline()
        .and_then(|md| md.next_on_or_after(calendar.first_lesson_day()));

    let mut alerts = Vec::new();
    if let (Status::LimitExceeded, Some(on)) = (status, limit_crossed_on) {
        alerts.push(Alert::LimitExceeded { crossed_on: on });
    }
    for (hours, reached) in &thresholds {
        if let Some(on) = reached {
            alerts.push(Alert::ThresholdReached {
                grade: pupil.grade(),
                hours: *hours,
                reached_on: *on,
            });
        }
    }
    let pending_count = slots
        .iter()
        .filter(|s| s.usable && s.deroga.status() == DerogaStatus::Pending)
        .count() as u32;
    if pending_count > 0 {
        alerts.push(Alert::DerogaPending {
            count: pending_count,
            minutes: pending as u32,
            documentation_deadline,
        });
    }
    if let Enrolment::Transfer {
        start,
        previous_absence_minutes: None,
    } = pupil.enrolment()
    {
        alerts.push(Alert::TransferHoursMissing { start });
    }
    crate::sort::sort(&mut warnings);

    let den = u64::from(annual) * 60;
    Assessment {
        as_of: today,
        personalised,
        hours_removed_by_deroghe: removed,
        limits,
        day_hours: day_hours.get(),
        absence_minutes: absence as u32,
        transfer_in_minutes: transfer_in as u32,
        derogated_minutes: derogated as u32,
        pending_deroga_minutes: pending as u32,
        counted_absence_minutes: counted as u32,
        remaining_minutes: remaining as u32,
        remaining_days: remaining_days as u32,
        absence_percent: percent(counted, den).unwrap_or(if counted > 0 { 100.0 } else { 0.0 }),
        limit_used_percent: percent(counted, max),
        status,
        limit_crossed_on,
        forecast_crossing_on: forecast,
        documentation_deadline,
        alerts,
        warnings,
    }
}

/// `part / whole` as a percentage rounded half up to one decimal; `None` when `whole` is 0.
fn percent(part: u64, whole: u64) -> Option<f64> {
    if whole == 0 {
        return None;
    }
    let tenths = (part * 2000 + whole) / (2 * whole);
    Some(tenths as f64 / 10.0)
}

#[cfg(test)]
pub(crate) mod tests;
