//! The school's Law 159/2023 cases (issue 19 point 2): what the school recorded for each
//! episode [`super::check`] finds, the case's state, its next step with its deadline, and the
//! checks a new step must pass.
//!
//! - **A case** is an episode of the check (sixteen days of unjustified absence in three
//!   months) of a pupil to whom the procedure applies on the day the pupil was flagged
//!   ([`crate::attendance::SchoolStatus::law159_applies`]: of compulsory-school age, still at
//!   the school). Ponte opens it on its own: nothing is stored until the school records a step.
//!   An episode of a pupil it does not apply to is not a case, unless the school recorded steps
//!   on it (its history is never hidden).
//! - **Records** ([`CaseRecord`]) are stored per episode, by its number in the pupil's year
//!   (0, 1, …), as [`super::check`] matches them: the family's notice (date and channel — a
//!   printed letter or a notice in Ponte the family must acknowledge), the mayor's notice, the
//!   closing with a reason.
//! - **Steps** ([`Step`]) are taken in the law's order: the family's notice while the case is
//!   open; the report to the mayor once attendance did not resume in time (`NotifyMayor`);
//!   closing with a reason at any time before the case is closed otherwise. A date is a day of
//!   the school's records: not after today, not before the flag (nor before the family's notice,
//!   for the mayor's). A step the case is not at is a conflict (409), never a silent overwrite.
//! - **Deadlines** ([`Deadline`]): the family's notice is due from the flag date (the law sets
//!   no term: never overdue); the return is the family's, by the resume date; the mayor's notice
//!   is due by its date and overdue after it. *Elusione* (¼ of the personalised annual hours
//!   without justification) is its own step: reported to the mayor from the day it was reached
//!   (art. 114 c. 5: "il sindaco procede … in caso di elusione"), no term either.
//! - **Due soon** ([`Deadline::due_within`]): a step whose date is on or before today + 7 days
//!   and not overdue; overdue: past its date. The school's home lists both.
//! - **Repeated late entries** (seed 003, "ritardi reiterati in ingresso";
//!   [`crate::attendance::late_entries`]) are not the law's procedure but the school's written
//!   notice beside it, on the same desk: [`PupilCases::late_entries`] when the school sets a
//!   threshold, and [`Step::LateEntriesNotified`], a notice in Ponte the family acknowledges.
//!   It has no legal term: it is not among the deadlines ([`PupilCases::next`]).
//! - **One step at a time** ([`Law159Records::slot`]): each step takes the slot of its case
//!   after the steps already recorded; the store writes a step only while its slot is free
//!   (migration 0022), so of two steps sent at once on the same state, the second is a
//!   conflict (409) even when both passed [`record_step`] on what they read.
//! - **Undo** ([`undo_step`]): a step recorded by mistake (the wrong pupil, the wrong date, a
//!   mis-tap) can be undone by whoever recorded it for [`UNDO_MINUTES`], as the school's
//!   decisions on requests can (docs/design.md §2: "Whoever decided can undo for 10 minutes"),
//!   and only the last step of its case, so the record goes back exactly to what it was. A
//!   notice in Ponte it sent is withdrawn (it stays in the record, marked, and asks nothing of
//!   the family any more). Later, the step stands: it is a dated act towards the family or the
//!   mayor, and the law's own course (closing with a reason) is the way on. The history keeps
//!   the step and its undoing.

use super::{Episode, EpisodeRecord, Law159Report, Stage};
use crate::attendance::late_entries::{self, LateEntries};
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// The days ahead the school's home looks for deadlines.
pub const DUE_SOON_DAYS: u64 = 7;

/// How long whoever recorded a step may undo it (the same as a decision on a request).
pub const UNDO_MINUTES: i64 = crate::family::UNDO_MINUTES;

/// How the family was told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A letter printed from Ponte and handed or sent to the family.
    Letter,
    /// A notice in Ponte the family must acknowledge.
    Notice,
}

impl Channel {
    pub const ALL: [Channel; 2] = [Channel::Letter, Channel::Notice];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Letter => "letter",
            Channel::Notice => "notice",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Why the school closed a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    /// The absences turned out justified (a certificate, a derogation).
    Justified,
    /// The pupil moved to another school.
    Transferred,
    /// The family declared home schooling.
    HomeSchooling,
    /// Another reason, kept in the history.
    Other,
}

impl CloseReason {
    pub const ALL: [CloseReason; 4] = [
        CloseReason::Justified,
        CloseReason::Transferred,
        CloseReason::HomeSchooling,
        CloseReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CloseReason::Justified => "justified",
            CloseReason::Transferred => "transferred",
            CloseReason::HomeSchooling => "home_schooling",
            CloseReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// What the school recorded for one episode (one row of `law159_cases`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct CaseRecord {
    /// The episode's number in the pupil's year (0 for the first).
    pub episode: u32,
    pub family_notified_on: Option<NaiveDate>,
    pub channel: Option<Channel>,
    /// The notice in Ponte, when that was the channel.
    pub notice_id: Option<i64>,
    pub mayor_notified_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub close_reason: Option<CloseReason>,
}

impl CaseRecord {
    /// The dates as [`super::check`] takes them.
    pub fn episode_record(&self) -> Result<EpisodeRecord, FieldError> {
        let r = EpisodeRecord::new(self.family_notified_on, self.mayor_notified_on)?;
        match self.closed_on {
            Some(c) => r.closed(c),
            None => Ok(r),
        }
    }
}

/// Everything the school recorded for one pupil: the episodes' records and the elusione report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Law159Records {
    /// In episode order, at most one per episode.
    pub cases: Vec<CaseRecord>,
    pub elusione_reported_on: Option<NaiveDate>,
    /// The notices of repeated late entries sent to the family, in order.
    pub late_notices: Vec<NaiveDate>,
}

/// Where a step is written: its case (`kind`: `episode`, `elusione`, `late_entries`; the
/// episode's number, or the late-entry notice's) and its place among the case's steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Slot {
    pub kind: &'static str,
    pub episode: u32,
    pub seq: u32,
}

impl Law159Records {
    /// The records as [`super::check`] takes them: one per episode up to the last recorded,
    /// empty ones for episodes in between. A record that does not hold (stored by an older
    /// rule) is taken as empty rather than failing the pupil's page.
    pub fn episode_records(&self) -> Vec<EpisodeRecord> {
        let n = self
            .cases
            .iter()
            .map(|c| c.episode as usize + 1)
            .max()
            .unwrap_or(0);
        let mut out = Vec::with_capacity(n);
        for k in 0..n {
            let r = self
                .cases
                .iter()
                .find(|c| c.episode as usize == k)
                .and_then(|c| c.episode_record().ok());
            out.push(r.unwrap_or_default());
        }
        out
    }

    /// The slot `step` takes after the steps recorded here (module docs): two steps read from
    /// the same records take the same slot.
    pub fn slot(&self, step: &Step) -> Slot {
        match *step {
            Step::FamilyNotified { episode, .. }
            | Step::MayorNotified { episode, .. }
            | Step::Closed { episode, .. } => {
                let r = self.record(episode);
                let seq = [
                    r.family_notified_on.is_some(),
                    r.mayor_notified_on.is_some(),
                    r.closed_on.is_some(),
                ]
                .into_iter()
                .filter(|x| *x)
                .count() as u32;
                Slot {
                    kind: "episode",
                    episode,
                    seq,
                }
            }
            Step::ElusioneReported { .. } => Slot {
                kind: "elusione",
                episode: 0,
                seq: u32::from(self.elusione_reported_on.is_some()),
            },
            Step::LateEntriesNotified { .. } => Slot {
                kind: "late_entries",
                episode: self.late_notices.len() as u32,
                seq: 0,
            },
        }
    }

    fn record(&self, episode: u32) -> CaseRecord {
        self.cases
            .iter()
            .find(|c| c.episode == episode)
            .copied()
            .unwrap_or(CaseRecord {
                episode,
                ..CaseRecord::default()
            })
    }
}

/// The state of a case, in the words of the school's register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseState {
    /// Flagged: the family is to be notified.
    Open,
    /// The family was notified; the return is awaited or the mayor is to be notified.
    FamilyNotified,
    /// Attendance resumed in time: closed.
    Resumed,
    /// Reported to the mayor: closed.
    ReportedToMayor,
    /// Closed by the school with a reason.
    Closed,
    /// Notified, but the year ended before the pupil could resume.
    YearEnded,
    /// Recorded by the school, but the register no longer shows the absences as unjustified.
    NotDetected,
}

/// What is to be done next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// The school notifies the family (due from the flag date).
    NotifyFamily,
    /// The family: the pupil must be back at school by the date.
    AwaitReturn,
    /// The head teacher notifies the mayor by the date.
    NotifyMayor,
    /// The head teacher reports the elusione to the mayor (due from the day it was reached).
    ReportElusione,
}

/// The next step of a case with its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Deadline {
    pub step: NextStep,
    /// Due by (or, for the steps without a legal term, due from) this date.
    pub by: NaiveDate,
    /// Past its date, for a step with a legal term.
    pub overdue: bool,
}

impl Deadline {
    /// Due on or before `today` + `days` and not overdue.
    pub fn due_within(&self, today: NaiveDate, days: u64) -> bool {
        !self.overdue
            && today
                .checked_add_days(Days::new(days))
                .is_none_or(|t| self.by <= t)
    }
}

/// One case: the episode with what the school recorded and what comes next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "openapi", schemars(rename = "Law159Case"))]
pub struct Case {
    pub episode: u32,
    pub state: CaseState,
    pub window_start: Option<NaiveDate>,
    pub flagged_on: Option<NaiveDate>,
    pub family_notified_on: Option<NaiveDate>,
    pub channel: Option<Channel>,
    pub notice_id: Option<i64>,
    pub resume_by: Option<NaiveDate>,
    pub resumed_on: Option<NaiveDate>,
    pub mayor_notice_due_by: Option<NaiveDate>,
    pub mayor_notified_on: Option<NaiveDate>,
    pub mayor_notice_late: bool,
    pub closed_on: Option<NaiveDate>,
    pub close_reason: Option<CloseReason>,
    pub next: Option<Deadline>,
}

/// The elusione of one pupil, when reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ElusioneCase {
    pub reached_on: NaiveDate,
    pub unjustified_minutes: u32,
    pub threshold_minutes: u32,
    pub personalised_annual_hours: u32,
    pub reported_on: Option<NaiveDate>,
    pub next: Option<Deadline>,
}

/// A pupil's cases.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PupilCases {
    pub cases: Vec<Case>,
    pub elusione: Option<ElusioneCase>,
    /// Repeated late entries, when the school sends their notice and it is due or was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_entries: Option<LateEntries>,
}

impl PupilCases {
    /// The earliest next step of the pupil's cases.
    pub fn next(&self) -> Option<Deadline> {
        self.cases
            .iter()
            .filter_map(|c| c.next)
            .chain(self.elusione.and_then(|e| e.next))
            .min_by_key(|d| (!d.overdue, d.by))
    }

    pub fn is_empty(&self) -> bool {
        self.cases.is_empty() && self.elusione.is_none() && self.late_entries.is_none()
    }

    /// Whether the notice of repeated late entries is due.
    pub fn late_entries_due(&self) -> bool {
        self.late_entries.as_ref().is_some_and(LateEntries::due)
    }
}

fn case_of(k: u32, e: &Episode, r: &CaseRecord, today: NaiveDate) -> Case {
    let (state, next) = match e.stage {
        Stage::NotifyFamily => (
            CaseState::Open,
            e.flagged_on.map(|by| Deadline {
                step: NextStep::NotifyFamily,
                by,
                overdue: false,
            }),
        ),
        Stage::AwaitingReturn => (
            CaseState::FamilyNotified,
            e.resume_by.map(|by| Deadline {
                step: NextStep::AwaitReturn,
                by,
                overdue: false,
            }),
        ),
        Stage::NotifyMayor { overdue } => (
            CaseState::FamilyNotified,
            e.mayor_notice_due_by.map(|by| Deadline {
                step: NextStep::NotifyMayor,
                by,
                overdue: overdue || today > by,
            }),
        ),
        Stage::Resumed => (CaseState::Resumed, None),
        Stage::MayorNotified { .. } => (CaseState::ReportedToMayor, None),
        Stage::Closed => (CaseState::Closed, None),
        Stage::YearEnded => (CaseState::YearEnded, None),
        Stage::NotDetected => (CaseState::NotDetected, None),
    };
    Case {
        episode: k,
        state,
        window_start: e.window_start,
        flagged_on: e.flagged_on,
        family_notified_on: e.family_notified_on,
        channel: r.channel,
        notice_id: r.notice_id,
        resume_by: e.resume_by,
        resumed_on: e.resumed_on,
        mayor_notice_due_by: e.mayor_notice_due_by,
        mayor_notified_on: e.mayor_notified_on,
        mayor_notice_late: matches!(e.stage, Stage::MayorNotified { late: true }),
        closed_on: e.closed_on,
        close_reason: r.close_reason,
        next,
    }
}

/// The pupil's cases from the check (made with [`Law159Records::episode_records`]) and the
/// records; `applies_on` says whether the procedure applies to the pupil on a day.
pub fn cases(
    report: &Law159Report,
    records: &Law159Records,
    applies_on: impl Fn(NaiveDate) -> bool,
    today: NaiveDate,
) -> PupilCases {
    let mut out = Vec::new();
    for (k, e) in report.episodes.iter().enumerate() {
        let k = k as u32;
        let recorded = records.cases.iter().any(|c| c.episode == k);
        let applies = e.flagged_on.is_some_and(&applies_on);
        if recorded || applies {
            out.push(case_of(k, e, &records.record(k), today));
        }
    }
    let elusione = report
        .elusione_reached_on
        .filter(|on| records.elusione_reported_on.is_some() || applies_on(*on))
        .map(|reached_on| ElusioneCase {
            reached_on,
            unjustified_minutes: report.unjustified_minutes,
            threshold_minutes: report.elusione_threshold_minutes,
            personalised_annual_hours: report.personalised_annual_hours,
            reported_on: records.elusione_reported_on,
            next: records.elusione_reported_on.is_none().then_some(Deadline {
                step: NextStep::ReportElusione,
                by: reached_on,
                overdue: false,
            }),
        });
    PupilCases {
        cases: out,
        elusione,
        late_entries: None,
    }
}

/// A step the school records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// The family was told (`episode`'s case), on `on`, by `channel`.
    FamilyNotified {
        episode: u32,
        on: NaiveDate,
        channel: Channel,
    },
    /// The mayor was told, on `on`.
    MayorNotified { episode: u32, on: NaiveDate },
    /// The school closed the case, on `on`, for `reason`.
    Closed {
        episode: u32,
        on: NaiveDate,
        reason: CloseReason,
    },
    /// The elusione was reported to the mayor, on `on`.
    ElusioneReported { on: NaiveDate },
    /// The family was sent the notice of repeated late entries, on `on` (seed 003).
    LateEntriesNotified { on: NaiveDate },
}

impl Step {
    /// The step from a form's or a JSON body's text fields: `step` (`family_notified`,
    /// `mayor_notified`, `closed`, `elusione_reported`), `episode` (a number from 0; not for
    /// the elusione), `on` (a date), `channel` (`letter` or `notice`, for the family's notice),
    /// `reason` (for the closing).
    pub fn parse(
        step: &str,
        episode: &str,
        on: &str,
        channel: &str,
        reason: &str,
    ) -> Result<Step, FieldError> {
        let on = crate::import::parse_date(on).map_err(|mut e| {
            e.field = Some("on".to_owned());
            e
        })?;
        let episode = || -> Result<u32, FieldError> {
            episode
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|e| *e < 1000)
                .ok_or_else(|| FieldError::invalid_says("episode", Msg::CaseEpisodeNumber, &[]))
        };
        match step.trim() {
            "family_notified" => Ok(Step::FamilyNotified {
                episode: episode()?,
                on,
                channel: Channel::from_code(channel.trim()).ok_or_else(|| {
                    FieldError::invalid_says("channel", Msg::CaseChannelUnknown, &[])
                })?,
            }),
            "mayor_notified" => Ok(Step::MayorNotified {
                episode: episode()?,
                on,
            }),
            "closed" => Ok(Step::Closed {
                episode: episode()?,
                on,
                reason: CloseReason::from_code(reason.trim()).ok_or_else(|| {
                    FieldError::invalid_says("reason", Msg::CaseReasonUnknown, &[])
                })?,
            }),
            "elusione_reported" => Ok(Step::ElusioneReported { on }),
            "late_entries_notified" => Ok(Step::LateEntriesNotified { on }),
            _ => Err(FieldError::invalid_says("step", Msg::CaseStepUnknown, &[])),
        }
    }

    pub fn on(&self) -> NaiveDate {
        match *self {
            Step::FamilyNotified { on, .. }
            | Step::MayorNotified { on, .. }
            | Step::Closed { on, .. }
            | Step::ElusioneReported { on }
            | Step::LateEntriesNotified { on } => on,
        }
    }

    /// The stable name of the step (the audit log's action, the form's field).
    pub fn code(&self) -> &'static str {
        match self {
            Step::FamilyNotified { .. } => "family_notified",
            Step::MayorNotified { .. } => "mayor_notified",
            Step::Closed { .. } => "closed",
            Step::ElusioneReported { .. } => "elusione_reported",
            Step::LateEntriesNotified { .. } => "late_entries_notified",
        }
    }

    /// The steps only the head teacher and the office record (reports to the mayor: "il
    /// Dirigente scolastico avvisa … il sindaco").
    pub fn is_mayors(&self) -> bool {
        matches!(
            self,
            Step::MayorNotified { .. } | Step::ElusioneReported { .. }
        )
    }
}

fn not_now() -> FieldError {
    FieldError::conflict_says(Msg::CaseStepNotDue, &[])
}

/// The record the school keeps after `step`, given the pupil's `cases` (made from `records` on
/// `today`): the step must be the case's next one (module docs). For a notice in Ponte the
/// caller fills [`CaseRecord::notice_id`] once the notice exists.
pub fn record_step(
    cases: &PupilCases,
    records: &Law159Records,
    step: Step,
    today: NaiveDate,
) -> Result<Law159Records, FieldError> {
    let on = step.on();
    if on > today {
        return Err(FieldError::invalid_says("on", Msg::CaseDateInFuture, &[]));
    }
    let mut out = records.clone();
    let episode = match step {
        Step::ElusioneReported { .. } => {
            let e = cases.elusione.ok_or_else(not_now)?;
            if e.reported_on.is_some() {
                return Err(not_now());
            }
            if on < e.reached_on {
                return Err(FieldError::invalid_says("on", Msg::CaseDateBeforeFlag, &[]));
            }
            out.elusione_reported_on = Some(on);
            return Ok(out);
        }
        Step::LateEntriesNotified { .. } => {
            let l = cases.late_entries.as_ref().ok_or_else(not_now)?;
            late_entries::check_notice(l, on, today)?;
            out.late_notices.push(on);
            return Ok(out);
        }
        Step::FamilyNotified { episode, .. }
        | Step::MayorNotified { episode, .. }
        | Step::Closed { episode, .. } => episode,
    };
    let case = cases
        .cases
        .iter()
        .find(|c| c.episode == episode)
        .ok_or_else(FieldError::not_found)?;
    let flagged = case.flagged_on.ok_or_else(not_now)?;
    if on < flagged {
        return Err(FieldError::invalid_says("on", Msg::CaseDateBeforeFlag, &[]));
    }
    let mut r = records.record(episode);
    match step {
        Step::FamilyNotified { channel, .. } => {
            if case.state != CaseState::Open {
                return Err(not_now());
            }
            r.family_notified_on = Some(on);
            r.channel = Some(channel);
        }
        Step::MayorNotified { .. } => {
            if !matches!(
                case.next,
                Some(Deadline {
                    step: NextStep::NotifyMayor,
                    ..
                })
            ) {
                return Err(not_now());
            }
            r.mayor_notified_on = Some(on);
        }
        Step::Closed { reason, .. } => {
            if !matches!(
                case.state,
                CaseState::Open | CaseState::FamilyNotified | CaseState::YearEnded
            ) {
                return Err(not_now());
            }
            r.closed_on = Some(on);
            r.close_reason = Some(reason);
        }
        Step::ElusioneReported { .. } | Step::LateEntriesNotified { .. } => return Err(not_now()),
    }
    // The dates hold together (the mayor after the family; closed not before the notice).
    r.episode_record()?;
    out.cases.retain(|c| c.episode != episode);
    out.cases.push(r);
    out.cases.sort_by_key(|c| c.episode);
    Ok(out)
}

#[cfg(test)]
mod tests;

/// A step as stored: what the undo needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedStep {
    pub id: i64,
    pub step: Step,
    pub slot: Slot,
    /// Codice fiscale of whoever recorded it.
    pub by: String,
    /// Unix seconds.
    pub at: i64,
}

impl RecordedStep {
    /// Until when (Unix seconds) it can be undone.
    pub fn undo_until(&self) -> i64 {
        self.at + UNDO_MINUTES * 60
    }

    /// Whether `caller` may undo it at `now` (module docs), not looking at the records.
    pub fn undoable_by(&self, caller: &str, now: i64) -> Result<(), FieldError> {
        if self.by != caller {
            return Err(FieldError::conflict_says(
                Msg::CaseUndoOnlyByRecorder,
                &[("minutes", &UNDO_MINUTES)],
            ));
        }
        if now > self.undo_until() {
            return Err(FieldError::conflict_says(
                Msg::CaseUndoTooLate,
                &[("minutes", &UNDO_MINUTES)],
            ));
        }
        Ok(())
    }

    /// Whether it is the last step of its case in `records`: the slot the case's next step
    /// would take is the one after it.
    pub fn is_last(&self, records: &Law159Records) -> bool {
        let next = records.slot(&self.step);
        match self.slot.kind {
            "late_entries" => next.episode == self.slot.episode + 1,
            _ => next.episode == self.slot.episode && next.seq == self.slot.seq + 1,
        }
    }
}

/// The records as they were before `recorded`, which `caller` undoes at `now` (module docs):
/// only whoever recorded it, within [`UNDO_MINUTES`], and only the last step of its case.
pub fn undo_step(
    records: &Law159Records,
    recorded: &RecordedStep,
    caller: &str,
    now: i64,
) -> Result<Law159Records, FieldError> {
    recorded.undoable_by(caller, now)?;
    if !recorded.is_last(records) {
        return Err(FieldError::conflict_says(Msg::CaseUndoNotLast, &[]));
    }
    let mut out = records.clone();
    match recorded.step {
        Step::ElusioneReported { .. } => out.elusione_reported_on = None,
        Step::LateEntriesNotified { .. } => {
            out.late_notices.pop();
        }
        Step::FamilyNotified { episode, .. }
        | Step::MayorNotified { episode, .. }
        | Step::Closed { episode, .. } => {
            let mut r = records.record(episode);
            match recorded.step {
                Step::FamilyNotified { .. } => {
                    r.family_notified_on = None;
                    r.channel = None;
                    r.notice_id = None;
                }
                Step::MayorNotified { .. } => r.mayor_notified_on = None,
                _ => {
                    r.closed_on = None;
                    r.close_reason = None;
                }
            }
            out.cases.retain(|c| c.episode != episode);
            if r != (CaseRecord {
                episode,
                ..CaseRecord::default()
            }) {
                out.cases.push(r);
                out.cases.sort_by_key(|c| c.episode);
            }
        }
    }
    Ok(out)
}
