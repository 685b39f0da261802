//! Law 159/2023, art. 12 (*vigilanza sull'adempimento dell'obbligo di istruzione*), as quoted by
//! seed 003: the new art. 114, c. 4–5, of D.Lgs. 297/1994.
//!
//! > 4. Il Dirigente scolastico verifica la frequenza degli alunni soggetti all'obbligo di
//! > istruzione, individuando quelli che sono assenti per più di quindici giorni, anche non
//! > consecutivi, nel corso di tre mesi, senza giustificati motivi. Nel caso in cui l'alunno non
//! > riprenda la frequenza entro sette giorni dalla comunicazione al responsabile dell'adempimento
//! > dell'obbligo di istruzione, il Dirigente scolastico avvisa entro sette giorni il sindaco […].
//! > In ogni caso, costituisce elusione dell'obbligo di istruzione la mancata frequenza di almeno
//! > un quarto del monte ore annuale personalizzato senza giustificati motivi.
//!
//! What this module decides, and why:
//!
//! - **Day of unjustified absence** (*giorno di assenza senza giustificati motivi*): a lesson day
//!   of the pupil's timetable on which the unjustified absence recorded covers the whole day's
//!   timetable — a whole-day absence not justified, or unjustified partial records (late entry,
//!   early exit, abstention, missed trip…) that together cover every lesson hour of that day.
//!   A day on which the pupil attended any lesson is **not** a day of absence: the law counts
//!   *days* of absence, a pupil who was at school that day was not absent that day, and the hours
//!   of a partial day are not lost — they count towards the *elusione* rule below, which counts
//!   hours. A careful school office would not report a family to the mayor for late entries.
//!   Suspensions are never unjustified absence (the school, not the family, kept the pupil out);
//!   school activities and suspension with attendance are presence. The justification is the
//!   register's: a record not (yet) justified is unjustified, and when the family justifies it the
//!   next check no longer sees it.
//! - **An approved derogation is a justified reason** (issue 19 point 7): an absence covered by a
//!   derogation the school approved (seed 003, "Assenze per ricovero ospedaliero o in casa di
//!   cura, documentato con certificato di ricovero e di dimissione") is not absence "senza
//!   giustificati motivi", even when the register's own justified flag is unset: the school
//!   itself recognised the reason, documented. This holds for the sixteen days and for the
//!   elusione alike ([`excused`]). Which derogation covers an event is the register's link
//!   ([`AbsenceEvent::deroga`]) or, without one, [`Deroga::covers`], approved first (the same
//!   tie as [`crate::family::link_deroghe`]). A derogation still pending, or refused, excuses
//!   nothing: the family asked, the school has not recognised the reason (the family's own
//!   justification, once approved, justifies the record as always). The hours a derogation
//!   recognises (`max_minutes`) concern the validity of the year, not the reason: the events it
//!   covers are excused whole.
//! - **Three months** (*nel corso di tre mesi*): any window of three calendar months, from a day
//!   `d` to the day before `d + 3 months` (chrono's month arithmetic: 30 November + 3 months is 28
//!   or 29 February). "More than fifteen" is sixteen or more. The pupil is flagged on the date of
//!   the sixteenth day of the first window that holds sixteen.
//! - **Steps and deadlines**, from the dates the school records ([`EpisodeRecord`]):
//!   1. the school notifies the family (*comunicazione al responsabile dell'adempimento*): the law
//!      sets no deadline; Ponte shows it as due from the flag date;
//!   2. attendance must resume within **7 days** of that notice (calendar days, as the law says
//!      *giorni*): due by notice + 7. Decision where the law is silent: when no lesson day falls in
//!      those 7 days (a notice on 22 December), the pupil could not resume, so the deadline is the
//!      first lesson day after the notice. Resumption is read from the register: the first lesson
//!      day after the notice, up to today, on which the pupil attended at least one lesson;
//!   3. if attendance did not resume in time, the head teacher notifies the mayor **within 7 days**
//!      of that deadline: due by resume deadline + 7. A late return does not cancel this step;
//!   4. the school may **close** an episode with a reason ([`EpisodeRecord::closed_on`]: the pupil
//!      moved school, the absences turned out justified, …) when it was not reported to the
//!      mayor and attendance did not resume in time: [`Stage::Closed`], closed on that date like
//!      a resumed one. A record of the mayor's notice, or a return in time, wins over it.
//! - **Episodes**: after an episode is closed (attendance resumed in time, or the mayor notified),
//!   a new one is counted only from unjustified days after the closing date, so the same absences
//!   never start two procedures. While an episode is open no new one starts. The school's records
//!   are matched to episodes in order; a record whose episode the register no longer shows (the
//!   absences were justified later) is kept in the report as [`Stage::NotDetected`]: the history
//!   must not be lost. A record whose family notice predates the window of the episode detected
//!   next belongs to such an earlier episode, and is reported on its own.
//! - **Elusione**: unjustified absence minutes (every unjustified record of the kinds above, whole
//!   or partial, each day at most its timetable) ≥ ¼ of the personalised annual hours of the
//!   period at this school ([`super::pupil::hours_at_this_school`]: pro rata for a late
//!   enrolment *and for a transfer*, or the staff's override; derogations do not change it —
//!   they concern the validity of the year, not the obligation). Absences at a previous school
//!   are not included: the register does not say which were justified, and the previous school
//!   ran its own check. So the divisor is the same period as the absences (issue 19 point 7):
//!   a pupil who arrived in March is measured on the hours from March, not on the whole year's,
//!   which would need four times the absences of a pupil there from September. (The validity of
//!   the year keeps the whole year's hours and adds the previous school's absences, seed 003:
//!   "saranno richieste le ore di assenza alla scuola di provenienza".)
//!
//! Whether the pupil is subject to the obligation (age 6 to 16) is for the caller to decide.

use super::calendar::{Calendar, MAX_CALENDAR_DAYS};
use super::events::{AbsenceEvent, AbsenceKind, Deroga, DerogaStatus};
use super::pupil::{hours_at_this_school, Pupil};
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// "più di quindici giorni": sixteen days or more.
pub const DAYS_FLAGGED: usize = 16;
/// "entro sette giorni dalla comunicazione".
pub const DAYS_TO_RESUME: u64 = 7;
/// "avvisa entro sette giorni il sindaco".
pub const DAYS_TO_NOTIFY_MAYOR: u64 = 7;
/// "nel corso di tre mesi".
pub const WINDOW_MONTHS: u32 = 3;

/// What the school recorded for one episode, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "EpisodeRecordSpec", into = "EpisodeRecordSpec")]
pub struct EpisodeRecord {
    family_notified_on: Option<NaiveDate>,
    mayor_notified_on: Option<NaiveDate>,
    closed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct EpisodeRecordSpec {
    #[serde(default)]
    pub family_notified_on: Option<NaiveDate>,
    #[serde(default)]
    pub mayor_notified_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<NaiveDate>,
}

impl EpisodeRecord {
    /// The mayor is notified only after the family, never before it.
    pub fn new(
        family_notified_on: Option<NaiveDate>,
        mayor_notified_on: Option<NaiveDate>,
    ) -> Result<Self, FieldError> {
        match (family_notified_on, mayor_notified_on) {
            (None, Some(_)) => Err(FieldError::invalid_says(
                "mayor_notified_on",
                Msg::MayorBeforeFamily,
                &[],
            )),
            (Some(f), Some(m)) if m < f => Err(FieldError::invalid_says(
                "mayor_notified_on",
                Msg::MayorNotifiedBeforeFamily,
                &[],
            )),
            _ => Ok(EpisodeRecord {
                family_notified_on,
                mayor_notified_on,
                closed_on: None,
            }),
        }
    }

    /// The school closed the episode on `on` (with a reason it keeps): not before the family's
    /// notice.
    pub fn closed(self, on: NaiveDate) -> Result<Self, FieldError> {
        if self.family_notified_on.is_some_and(|f| on < f) {
            return Err(FieldError::invalid_says(
                "closed_on",
                Msg::CaseClosedBeforeNotice,
                &[],
            ));
        }
        Ok(EpisodeRecord {
            closed_on: Some(on),
            ..self
        })
    }

    pub fn closed_on(&self) -> Option<NaiveDate> {
        self.closed_on
    }

    pub fn family_notified_on(&self) -> Option<NaiveDate> {
        self.family_notified_on
    }

    pub fn mayor_notified_on(&self) -> Option<NaiveDate> {
        self.mayor_notified_on
    }
}

impl TryFrom<EpisodeRecordSpec> for EpisodeRecord {
    type Error = FieldError;
    fn try_from(s: EpisodeRecordSpec) -> Result<Self, FieldError> {
        let r = Self::new(s.family_notified_on, s.mayor_notified_on)?;
        match s.closed_on {
            Some(c) => r.closed(c),
            None => Ok(r),
        }
    }
}

impl From<EpisodeRecord> for EpisodeRecordSpec {
    fn from(r: EpisodeRecord) -> Self {
        EpisodeRecordSpec {
            family_notified_on: r.family_notified_on,
            mayor_notified_on: r.mayor_notified_on,
            closed_on: r.closed_on,
        }
    }
}

/// Where an episode stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum Stage {
    /// Flagged; the school must notify the family.
    NotifyFamily,
    /// Family notified; the 7 days to resume have not run out.
    AwaitingReturn,
    /// Attendance resumed within the deadline: closed.
    Resumed,
    /// Attendance did not resume in time: the head teacher must notify the mayor
    /// (`overdue`: the 7 days for it have run out).
    NotifyMayor { overdue: bool },
    /// The mayor was notified (`late`: after the 7 days): closed.
    MayorNotified { late: bool },
    /// Family notified, but no lesson day is left in this school year.
    YearEnded,
    /// Closed by the school with a reason, neither resumed in time nor reported: closed.
    Closed,
    /// A record of the school whose absences the register no longer shows as unjustified.
    NotDetected,
}

/// One episode: detection, the school's dates and the deadlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Episode {
    /// First day of the three-month window that holds sixteen days.
    pub window_start: Option<NaiveDate>,
    /// The sixteenth day: when the pupil was flagged.
    pub flagged_on: Option<NaiveDate>,
    pub family_notified_on: Option<NaiveDate>,
    /// Attendance must resume by this date.
    pub resume_by: Option<NaiveDate>,
    /// First lesson day attended after the notice (up to today).
    pub resumed_on: Option<NaiveDate>,
    /// The mayor must be notified by this date (when attendance did not resume in time).
    pub mayor_notice_due_by: Option<NaiveDate>,
    pub mayor_notified_on: Option<NaiveDate>,
    /// The school closed it with a reason on this date.
    pub closed_on: Option<NaiveDate>,
    #[serde(flatten)]
    pub stage: Stage,
}

/// The Law 159 position of one pupil on `as_of`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Law159Report {
    pub as_of: NaiveDate,
    /// Days of unjustified absence in the year so far (see the module docs).
    pub unjustified_days: u32,
    /// Of which in the three months up to today.
    pub unjustified_days_last_three_months: u32,
    /// Unjustified absence minutes, whole and partial days.
    pub unjustified_minutes: u32,
    /// The personalised annual hours of the period at this school (the elusione's divisor).
    pub personalised_annual_hours: u32,
    /// ¼ of the personalised annual hours, in minutes, rounded up.
    pub elusione_threshold_minutes: u32,
    /// When unjustified absence reached ¼ of the personalised annual hours (*elusione*).
    pub elusione_reached_on: Option<NaiveDate>,
    pub episodes: Vec<Episode>,
}

/// Whether `event` is excused by a derogation the school approved (module docs): the one the
/// register links it to, or else one whose dates cover it.
pub fn excused(event: &AbsenceEvent, deroghe: &[Deroga]) -> bool {
    let approved = |d: &&Deroga| d.status() == DerogaStatus::Approved;
    match event.deroga() {
        Some(id) => deroghe.iter().filter(approved).any(|d| d.id() == id),
        None => deroghe.iter().filter(approved).any(|d| d.covers(event)),
    }
}

/// Whether `event` is absence "senza giustificati motivi": not justified in the register, not
/// a suspension, not excused by an approved derogation.
fn unjustified(event: &AbsenceEvent, deroghe: &[Deroga]) -> bool {
    !event.justified()
        && !event.kind().is_presence()
        && event.kind() != AbsenceKind::SuspensionWithoutAttendance
        && !excused(event, deroghe)
}

/// The Law 159/2023 art. 12 check of `pupil` on `today`, with the pupil's derogation requests
/// `deroghe` (the approved ones excuse what they cover) and the school's `records` of earlier
/// steps, in order.
pub fn check(
    calendar: &Calendar,
    pupil: &Pupil,
    events: &[AbsenceEvent],
    deroghe: &[Deroga],
    records: &[EpisodeRecord],
    today: NaiveDate,
) -> Law159Report {
    let schedule = calendar.schedule(pupil.profile());
    let sched = schedule.days();
    let len = sched.len();
    let start = pupil.counting_start(calendar);
    // Per day, capped at the day's timetable: any absence, and unjustified absence.
    let mut absent = [0u16; MAX_CALENDAR_DAYS];
    let mut unjust = [0u16; MAX_CALENDAR_DAYS];
    for e in events {
        let kind = e.kind();
        if kind.is_presence() || e.date() > today || e.date() < start {
            continue;
        }
        let Some(i) = calendar.index(e.date()) else {
            continue;
        };
        let day = sched[i];
        if day == 0 {
            continue;
        }
        let m = e.minutes().map_or(day, |m| m.min(u32::from(day)) as u16);
        absent[i] = absent[i].saturating_add(m).min(day);
        if unjustified(e, deroghe) {
            unjust[i] = unjust[i].saturating_add(m).min(day);
        }
    }
    // Last day the register can speak for.
    let known = last_index_on_or_before(calendar, today);
    let is_unjustified_day = |i: usize| sched[i] > 0 && unjust[i] >= sched[i];
    let attended = |i: usize| sched[i] > 0 && absent[i] < sched[i];

    let personalised = hours_at_this_school(calendar, pupil).annual_hours;
    let threshold = (u64::from(personalised) * 60).div_ceil(4);
    let mut unjustified_minutes = 0u64;
    let mut unjustified_days = 0u32;
    let mut elusione_reached_on = None;
    let three_months_ago = today.checked_sub_months(Months::new(WINDOW_MONTHS));
    let mut last_three_months = 0u32;
    for (i, &u) in unjust.iter().enumerate().take(len) {
        if u == 0 {
            continue;
        }
        unjustified_minutes += u64::from(u);
        if elusione_reached_on.is_none() && threshold > 0 && unjustified_minutes >= threshold {
            elusione_reached_on = Some(calendar.date_at(i));
        }
        if is_unjustified_day(i) {
            unjustified_days += 1;
            if three_months_ago.is_none_or(|t| calendar.date_at(i) > t) {
                last_three_months += 1;
            }
        }
    }

    // Episodes, each counted from the close of the one before.
    let mut episodes = Vec::new();
    let mut after: Option<usize> = None;
    let mut open = false;
    let mut k = 0;
    loop {
        let detected = if open {
            None
        } else {
            known.and_then(|upto| detect(calendar, after, upto, &is_unjustified_day))
        };
        let record = records.get(k);
        if detected.is_none() && record.is_none() {
            break;
        }
        k += 1;
        // A notice from before this window began belongs to an earlier episode that the register
        // no longer shows: it is reported on its own, and this window waits for the next record.
        let detected = match (detected, record.and_then(|r| r.family_notified_on)) {
            (Some((w, _)), Some(n)) if n < calendar.date_at(w) => None,
            (d, _) => d,
        };
        let (window_start, flagged_on) = match detected {
            Some((w, f)) => (Some(calendar.date_at(w)), Some(calendar.date_at(f))),
            None => (None, None),
        };
        let mut ep = Episode {
            window_start,
            flagged_on,
            family_notified_on: record.and_then(|r| r.family_notified_on),
            resume_by: None,
            resumed_on: None,
            mayor_notice_due_by: None,
            mayor_notified_on: record.and_then(|r| r.mayor_notified_on),
            closed_on: record.and_then(|r| r.closed_on),
            stage: if detected.is_some() {
                Stage::NotifyFamily
            } else {
                Stage::NotDetected
            },
        };
        let mut closed: Option<NaiveDate> = None;
        if let Some(n) = ep.family_notified_on {
            // First lesson day after the notice, and the first one attended (up to today).
            let from = match last_index_on_or_before(calendar, n) {
                Some(i) => i + 1,
                None => 0,
            };
            let next_lesson = (from..len).find(|&i| sched[i] > 0);
            let window_end = n.checked_add_days(Days::new(DAYS_TO_RESUME));
            ep.resume_by = next_lesson.map(|i| {
                let first = calendar.date_at(i);
                match window_end {
                    Some(end) if first <= end => end,
                    _ => first,
                }
            });
            ep.resumed_on = known
                .and_then(|upto| (from..=upto).find(|&i| attended(i)))
                .map(|i| calendar.date_at(i));
            let in_time = matches!((ep.resumed_on, ep.resume_by), (Some(r), Some(by)) if r <= by);
            if !in_time {
                if let Some(by) = ep.resume_by {
                    if today > by {
                        ep.mayor_notice_due_by =
                            by.checked_add_days(Days::new(DAYS_TO_NOTIFY_MAYOR));
                    }
                }
            }
            let due = ep.mayor_notice_due_by;
            let stage = if let Some(m) = ep.mayor_notified_on {
                closed = Some(m);
                Stage::MayorNotified {
                    late: due.is_some_and(|d| m > d),
                }
            } else if in_time {
                closed = ep.resumed_on;
                Stage::Resumed
            } else if let Some(c) = ep.closed_on {
                closed = Some(c);
                Stage::Closed
            } else if ep.resume_by.is_none() {
                Stage::YearEnded
            } else if due.is_none() {
                Stage::AwaitingReturn
            } else {
                Stage::NotifyMayor {
                    overdue: due.is_some_and(|d| today > d),
                }
            };
            if detected.is_some() {
                ep.stage = stage;
            }
        } else if let Some(c) = ep.closed_on {
            // Closed before the family was notified.
            closed = Some(c);
            if detected.is_some() {
                ep.stage = Stage::Closed;
            }
        }
        match closed {
            Some(c) if detected.is_some() => {
                let c = last_index_on_or_before(calendar, c);
                after = match (after, c) {
                    (Some(a), Some(c)) => Some(a.max(c)),
                    (a, c) => a.or(c),
                };
            }
            Some(_) => {}
            None if detected.is_some() => open = true,
            None => {}
        }
        episodes.push(ep);
    }

    Law159Report {
        as_of: today,
        unjustified_days,
        unjustified_days_last_three_months: last_three_months,
        unjustified_minutes: unjustified_minutes as u32,
        personalised_annual_hours: personalised,
        elusione_threshold_minutes: threshold as u32,
        elusione_reached_on,
        episodes,
    }
}

/// The days of unjustified absence (module docs) from `from` to `to`, both included, in order:
/// the facts of a report to the mayor.
pub fn unjustified_dates(
    calendar: &Calendar,
    pupil: &Pupil,
    events: &[AbsenceEvent],
    deroghe: &[Deroga],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NaiveDate> {
    let schedule = calendar.schedule(pupil.profile());
    let sched = schedule.days();
    let start = pupil.counting_start(calendar).max(from);
    let mut unjust = [0u16; MAX_CALENDAR_DAYS];
    for e in events {
        if !unjustified(e, deroghe) || e.date() > to || e.date() < start {
            continue;
        }
        let Some(i) = calendar.index(e.date()) else {
            continue;
        };
        let day = sched[i];
        if day == 0 {
            continue;
        }
        let m = e.minutes().map_or(day, |m| m.min(u32::from(day)) as u16);
        unjust[i] = unjust[i].saturating_add(m).min(day);
    }
    (0..sched.len())
        .filter(|&i| sched[i] > 0 && unjust[i] >= sched[i])
        .map(|i| calendar.date_at(i))
        .collect()
}

/// The index of the last calendar day on or before `d`, if `d` is not before the first day.
fn last_index_on_or_before(calendar: &Calendar, d: NaiveDate) -> Option<usize> {
    if d < calendar.first_lesson_day() {
        None
    } else if d > calendar.last_lesson_day() {
        Some(calendar.len() - 1)
    } else {
        calendar.index(d)
    }
}

/// The first window of three months, among days after `after` up to `upto`, holding sixteen
/// unjustified days: (first day of the window, sixteenth day).
fn detect(
    calendar: &Calendar,
    after: Option<usize>,
    upto: usize,
    is_unjustified_day: &impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let from = after.map_or(0, |a| a + 1);
    let mut ring = [0usize; DAYS_FLAGGED];
    let mut n = 0usize;
    for i in from..=upto {
        if !is_unjustified_day(i) {
            continue;
        }
        ring[n % DAYS_FLAGGED] = i;
        n += 1;
        if n >= DAYS_FLAGGED {
            // The oldest of the last sixteen.
            let oldest = ring[n % DAYS_FLAGGED];
            let end = calendar
                .date_at(oldest)
                .checked_add_months(Months::new(WINDOW_MONTHS));
            if end.is_none_or(|end| calendar.date_at(i) < end) {
                return Some((oldest, i));
            }
        }
    }
    None
}

pub mod cases;

#[cfg(test)]
mod tests;
