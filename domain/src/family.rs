//! # The family portal and the school's side of it (docs/design.md §2, §3; seeds 001, 003, 004)
//!
//! What a guardian sees and may do, as rules the worker and the pages share:
//!
//! - [`Dashboard`] (*cruscotto*, made by [`dashboard`]): one child's figures, built from the engine's [`Assessment`] and the Law 159
//!   report — counted hours against the maximum, what is left in hours and whole days, the status
//!   band with what it means ([`StatusNote`]), the forecast, the Law 159 position, and what needs
//!   the family's action ([`Action`]). The dashboard *is* the notice of the pupil's position
//!   (seed 004 art. 8; seed 003 "La comunicazione sarà trasmessa attraverso il registro
//!   elettronico").
//! - [`AutoNotice`]: the notices the engine raises on its own, each with its date (seed 003:
//!   the 200 hours, "Ai genitori verrà segnalata, con comunicazione scritta, la situazione a
//!   rischio"; the limit exceeded; Law 159/2023 art. 12).
//! - Justifications ([`JustificationReason`]): a fixed list of reasons, never free text. A reason
//!   can be health data (seed 001; the Garante), so the list has no medical wording and nothing
//!   more specific than a register's paper booklet would ask; details go to the school office.
//! - Derogation requests ([`DerogaRequest`]): a category the school adopted and the dates; the
//!   documents go to the office, never through Ponte (docs/design.md §6: no health details stored). A
//!   family can ask, only the school grants ([`Decision`]); [`link_deroghe`] ties each absence
//!   to the derogation whose dates hold it, so an approved one changes the count through the
//!   engine.
//! - Notices ([`NoticeDraft`], [`Audience`]): to the whole school, a grade, classes or single
//!   pupils; acknowledgement (*presa visione*) once per guardian and pupil ([`AckSummary`]).
//! - [`assess`]: everything one child's page shows, from the stored register ([`Register`]) and
//!   the day; [`for_family`], [`ack_report`] and [`ack_summaries`]: who a notice reaches, what
//!   is read and acknowledged. Who may see what is `session::Access` (one [`Scope`] per school).
//! - [`csv_row`]: the CSV the family's export and the office's lists are written with.
//!
//! [`Scope`]: crate::session::Scope

mod ars;
mod decisions;
mod desk;
mod notices;
mod register;
mod scrutiny;

pub use ars::pupil_needs as ars_needs;
pub use decisions::{
    undo_until, undoable, Council, RefusalReason, Ruling, RulingFields, MOTIVATION_MAX,
    UNDO_MINUTES,
};
pub use desk::{Desk, DeskQuery, DeskRow, DeskSort, Standing};
pub use scrutiny::{PendingDeroga, Scrutiny, ScrutinyLine, ScrutinyQuery, ScrutinyVerdict};

pub use notices::{
    ack_report, ack_summaries, for_family, remindable, to_acknowledge, withdrawable, Ack,
    AckListRow, Kid, Notice, NoticePupil, NoticeReport, Reach, RollPupil, SchoolPupil,
};
pub use register::{
    assess, chosen_absences, not_ready, to_justify, Absence, AbsenceView, Category, Child,
    ChildPosition, DerogaRecord, Justification, Place, Register, MAX_JUSTIFIED_AT_ONCE,
};

use crate::attendance::law159::{self, Law159Report, Stage, DAYS_FLAGGED};
use crate::attendance::{
    AbsenceEvent, Alert, Assessment, Calendar, DateRange, Deroga, DerogaCategoryCode, DerogaStatus,
    Policy, Pupil, SchoolGrade, Status,
};
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Why a guardian says their child was absent. No medical wording (seed 001 and the Garante:
/// reasons can be health data); "personal reasons" covers illness without saying so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum JustificationReason {
    /// *Motivi personali* (covers illness without naming it).
    Personal,
    /// *Motivi di famiglia*.
    Family,
    /// *Problemi di trasporto o maltempo*.
    Transport,
    /// *Attività sportive, artistiche o culturali*.
    Activities,
    /// *Altro*: the school office may ask.
    Other,
}

impl JustificationReason {
    pub const ALL: [JustificationReason; 5] = [
        JustificationReason::Personal,
        JustificationReason::Family,
        JustificationReason::Transport,
        JustificationReason::Activities,
        JustificationReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            JustificationReason::Personal => "personal",
            JustificationReason::Family => "family",
            JustificationReason::Transport => "transport",
            JustificationReason::Activities => "activities",
            JustificationReason::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == raw.trim())
            .ok_or_else(|| FieldError::invalid_says("reason", Msg::ReasonFromList, &[]))
    }
}

/// Whether a family may justify an absence now: not already justified in the register, not a
/// kind where the pupil was at school, not in the future, and no justification pending or
/// approved (a refused one may be sent again).
pub fn justifiable(
    kind: crate::attendance::AbsenceKind,
    justified: bool,
    date: NaiveDate,
    today: NaiveDate,
    sent: Option<RequestStatus>,
) -> Result<(), FieldError> {
    if justified || kind.is_presence() {
        return Err(FieldError::conflict_says(Msg::AbsenceAlreadyJustified, &[]));
    }
    if date > today {
        return Err(FieldError::invalid_says("absence", Msg::FutureAbsence, &[]));
    }
    if matches!(sent, Some(RequestStatus::Pending | RequestStatus::Approved)) {
        return Err(FieldError::conflict_says(
            Msg::JustificationAlreadySent,
            &[],
        ));
    }
    Ok(())
}

/// Where a family's request stands: a justification or a derogation request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Pending,
    Approved,
    Refused,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Approved => "approved",
            RequestStatus::Refused => "refused",
        }
    }

    /// From the stored code; anything else is `None` (the caller reports a broken row).
    pub fn from_code(raw: &str) -> Option<Self> {
        [
            RequestStatus::Pending,
            RequestStatus::Approved,
            RequestStatus::Refused,
        ]
        .into_iter()
        .find(|s| s.as_str() == raw)
    }

    /// The engine's view of a derogation in this state.
    pub fn deroga_status(self) -> DerogaStatus {
        match self {
            RequestStatus::Pending => DerogaStatus::Pending,
            RequestStatus::Approved => DerogaStatus::Approved,
            RequestStatus::Refused => DerogaStatus::Refused,
        }
    }
}

/// The school's decision on a pending request: only staff decide, and only once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    Refuse,
}

impl Decision {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.trim() {
            "approve" => Ok(Decision::Approve),
            "refuse" => Ok(Decision::Refuse),
            _ => Err(FieldError::invalid_says(
                "decision",
                Msg::DecisionValue,
                &[],
            )),
        }
    }

    pub fn status(self) -> RequestStatus {
        match self {
            Decision::Approve => RequestStatus::Approved,
            Decision::Refuse => RequestStatus::Refused,
        }
    }

    /// The new state of a request in `current`: a decision is taken once, on a pending request.
    pub fn apply(self, current: RequestStatus) -> Result<RequestStatus, FieldError> {
        if current == RequestStatus::Pending {
            Ok(self.status())
        } else {
            Err(FieldError::conflict_says(Msg::RequestAlreadyDecided, &[]))
        }
    }
}

fn parse_date(field: &str, raw: &str) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| FieldError::invalid_says(field, Msg::IsoDateForm, &[]))
}

/// A family's request for a derogation: a category the school adopted and the dates, within the
/// lesson period. Nothing else: the documents go to the school office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerogaRequest {
    category: DerogaCategoryCode,
    period: DateRange,
}

impl DerogaRequest {
    pub fn parse(
        policy: &Policy,
        calendar: &Calendar,
        category: &str,
        from: &str,
        to: &str,
    ) -> Result<Self, FieldError> {
        let code = DerogaCategoryCode::new(category.trim())
            .ok()
            .filter(|c| policy.has_category(c))
            .ok_or_else(|| {
                FieldError::invalid_says("category", Msg::DerogaCategoryFromList, &[])
            })?;
        let from = parse_date("from", from)?;
        let to = parse_date("to", to)?;
        if to < from {
            return Err(FieldError::invalid_says("to", Msg::EndBeforeStart, &[]));
        }
        let (first, last) = (calendar.first_lesson_day(), calendar.last_lesson_day());
        if from < first || to > last {
            return Err(FieldError::invalid_says(
                if from < first { "from" } else { "to" },
                Msg::DatesInSchoolYear,
                &[
                    ("first", &first.format("%d/%m/%Y")),
                    ("last", &last.format("%d/%m/%Y")),
                ],
            ));
        }
        Ok(DerogaRequest {
            category: code,
            period: DateRange::new(from, to)?,
        })
    }

    pub fn category(&self) -> &DerogaCategoryCode {
        &self.category
    }

    pub fn period(&self) -> DateRange {
        self.period
    }
}

/// Ties each absence to a derogation that covers it ([`Deroga::covers`]: within its dates, a
/// day away, or part of a day when the derogation is for that day only): an approved one before
/// a pending one, the lowest id among equals; a refused one covers nothing, and an absence no
/// derogation covers stays untied. So a family's broad pending request never hides the school's
/// approved one. Events already tied to a derogation keep it. The engine then takes approved
/// hours out and shows pending ones (docs/design.md §2).
pub fn link_deroghe(events: Vec<AbsenceEvent>, deroghe: &[Deroga]) -> Vec<AbsenceEvent> {
    let rank = |s: DerogaStatus| match s {
        DerogaStatus::Approved => 0u8,
        DerogaStatus::Pending => 1,
        DerogaStatus::Refused => 2,
    };
    let mut open: Vec<&Deroga> = deroghe
        .iter()
        .filter(|d| d.status() != DerogaStatus::Refused)
        .collect();
    crate::sort::sort_by_key(&mut open, |d| (rank(d.status()), d.id()));
    events
        .into_iter()
        .map(|e| {
            if e.deroga().is_some() {
                return e;
            }
            match open.iter().find(|d| d.covers(&e)) {
                Some(d) => e.with_deroga(d.id()),
                None => e,
            }
        })
        .collect()
}

/// What the status band means for the family, in one sentence (the words are in the app's
/// catalogue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StatusNote {
    /// Well within the limit.
    Ok,
    /// Half the allowance is used: keep an eye on it.
    Attention,
    /// Near the limit: talk to the school, ask for a derogation if one applies.
    AtRisk,
    /// Over the limit: the year is valid only if the class council derogates.
    LimitExceeded,
}

/// Something the family should do now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    /// Absences not justified and with no justification pending.
    Justify { count: u32 },
    /// Notices that ask for acknowledgement and have none from this guardian.
    Acknowledge { count: u32 },
    /// Pending derogation requests: documents to the school office by this date.
    BringDocuments {
        count: u32,
        deadline: Option<NaiveDate>,
    },
    /// Over the limit, or at risk: speak with the school.
    ContactSchool,
}

/// The Law 159/2023 position, when there is one to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Law159Position {
    /// Days of unjustified absence in the three months up to today.
    pub days_last_three_months: u32,
    /// "più di quindici giorni": the 16th day flags the pupil.
    pub flagged_at: u32,
    /// The date of the latest flag, if any.
    pub flagged_on: Option<NaiveDate>,
    /// When unjustified absence reached ¼ of the annual hours (*elusione*).
    pub elusione_reached_on: Option<NaiveDate>,
}

/// A notice the rules raise on their own, with the date it refers to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AutoNotice {
    /// A threshold of the school was reached (seed 003: 200 hours).
    ThresholdReached { on: NaiveDate, hours: u32 },
    /// The maximum absence was exceeded.
    LimitExceeded { on: NaiveDate },
    /// More than 15 days of unjustified absence in three months (Law 159/2023 art. 12).
    Law159Flagged { on: NaiveDate },
    /// Unjustified absence reached ¼ of the annual hours (*elusione*).
    Elusione { on: NaiveDate },
}

impl AutoNotice {
    pub fn date(&self) -> NaiveDate {
        match *self {
            AutoNotice::ThresholdReached { on, .. }
            | AutoNotice::LimitExceeded { on }
            | AutoNotice::Law159Flagged { on }
            | AutoNotice::Elusione { on } => on,
        }
    }
}

/// One child's dashboard. Durations in minutes, limits in whole hours, as the engine gives them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Dashboard {
    pub as_of: NaiveDate,
    pub annual_hours: u32,
    pub max_absence_hours: u32,
    pub counted_absence_minutes: u32,
    pub remaining_minutes: u32,
    pub remaining_days: u32,
    pub day_hours: u32,
    pub derogated_minutes: u32,
    pub pending_deroga_minutes: u32,
    /// Counted absence over the maximum, in tenths of a percent, capped at 1000 for the gauge.
    #[cfg_attr(feature = "openapi", schemars(range(max = 1000)))]
    pub gauge_permille: u32,
    pub limit_used_percent: Option<f64>,
    pub status: Status,
    pub note: StatusNote,
    pub limit_crossed_on: Option<NaiveDate>,
    pub forecast_crossing_on: Option<NaiveDate>,
    pub documentation_deadline: Option<NaiveDate>,
    pub law159: Option<Law159Position>,
    pub actions: Vec<Action>,
    pub auto_notices: Vec<AutoNotice>,
}

/// What the worker knows besides the rules' reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FamilyFacts {
    /// Absences neither justified nor with a justification pending.
    pub to_justify: u32,
    /// Notices for this child awaiting this guardian's acknowledgement.
    pub to_acknowledge: u32,
    /// Derogation requests the school has not decided.
    pub pending_requests: u32,
}

impl Dashboard {
    pub fn build(a: &Assessment, law: &Law159Report, facts: FamilyFacts) -> Dashboard {
        let max_minutes = a.limits.max_absence_hours * 60;
        let gauge_permille = if max_minutes == 0 {
            if a.counted_absence_minutes > 0 {
                1000
            } else {
                0
            }
        } else {
            (u64::from(a.counted_absence_minutes) * 1000 / u64::from(max_minutes)).min(1000) as u32
        };
        let note = match a.status {
            Status::Ok => StatusNote::Ok,
            Status::Attention => StatusNote::Attention,
            Status::AtRisk => StatusNote::AtRisk,
            Status::LimitExceeded => StatusNote::LimitExceeded,
        };
        let flagged_on = law.episodes.iter().rev().find_map(|e| match e.stage {
            Stage::NotDetected => None,
            _ => e.flagged_on,
        });
        let law159 = (law.unjustified_days_last_three_months > 0
            || flagged_on.is_some()
            || law.elusione_reached_on.is_some())
        .then_some(Law159Position {
            days_last_three_months: law.unjustified_days_last_three_months,
            flagged_at: DAYS_FLAGGED as u32,
            flagged_on,
            elusione_reached_on: law.elusione_reached_on,
        });

        let mut actions = Vec::new();
        if facts.to_justify > 0 {
            actions.push(Action::Justify {
                count: facts.to_justify,
            });
        }
        if facts.to_acknowledge > 0 {
            actions.push(Action::Acknowledge {
                count: facts.to_acknowledge,
            });
        }
        if facts.pending_requests > 0 {
            actions.push(Action::BringDocuments {
                count: facts.pending_requests,
                deadline: a.documentation_deadline,
            });
        }
        if matches!(a.status, Status::AtRisk | Status::LimitExceeded) || flagged_on.is_some() {
            actions.push(Action::ContactSchool);
        }

        let mut auto_notices: Vec<AutoNotice> = a
            .alerts
            .iter()
            .filter_map(|al| match *al {
                Alert::ThresholdReached {
                    hours, reached_on, ..
                } => Some(AutoNotice::ThresholdReached {
                    on: reached_on,
                    hours,
                }),
                Alert::LimitExceeded { crossed_on } => {
                    Some(AutoNotice::LimitExceeded { on: crossed_on })
                }
                _ => None,
            })
            .collect();
        auto_notices.extend(
            law.episodes
                .iter()
                .filter(|e| e.stage != Stage::NotDetected)
                .filter_map(|e| e.flagged_on)
                .map(|on| AutoNotice::Law159Flagged { on }),
        );
        if let Some(on) = law.elusione_reached_on {
            auto_notices.push(AutoNotice::Elusione { on });
        }
        // Newest first.
        crate::sort::sort_by(&mut auto_notices, |x, y| {
            y.date().cmp(&x.date()).then(x.cmp(y))
        });

        Dashboard {
            as_of: a.as_of,
            annual_hours: a.limits.annual_hours,
            max_absence_hours: a.limits.max_absence_hours,
            counted_absence_minutes: a.counted_absence_minutes,
            remaining_minutes: a.remaining_minutes,
            remaining_days: a.remaining_days,
            day_hours: a.day_hours,
            derogated_minutes: a.derogated_minutes,
            pending_deroga_minutes: a.pending_deroga_minutes,
            gauge_permille,
            limit_used_percent: a.limit_used_percent,
            status: a.status,
            note,
            limit_crossed_on: a.limit_crossed_on,
            forecast_crossing_on: a.forecast_crossing_on,
            documentation_deadline: a.documentation_deadline,
            law159,
            actions,
            auto_notices,
        }
    }
}

/// The dashboard of one child on `today`: derogations tied to the absences they cover, the
/// engine's assessment with the school's policy, the Law 159 check, and the family's to-dos.
pub fn dashboard(
    policy: &Policy,
    calendar: &Calendar,
    pupil: &Pupil,
    events: Vec<AbsenceEvent>,
    deroghe: &[Deroga],
    facts: FamilyFacts,
    today: NaiveDate,
) -> Dashboard {
    dashboard_and_law(policy, calendar, pupil, events, deroghe, facts, &[], today).0
}

/// [`dashboard`] with the school's Law 159 records (so later episodes and the deadlines
/// show), and the Law 159 report it was built from.
#[allow(clippy::too_many_arguments)]
pub fn dashboard_and_law(
    policy: &Policy,
    calendar: &Calendar,
    pupil: &Pupil,
    events: Vec<AbsenceEvent>,
    deroghe: &[Deroga],
    facts: FamilyFacts,
    records: &[law159::EpisodeRecord],
    today: NaiveDate,
) -> (Dashboard, Law159Report) {
    let events = link_deroghe(events, deroghe);
    let a = crate::attendance::assess(policy, calendar, pupil, &events, deroghe, today);
    let law = law159::check(calendar, pupil, &events, deroghe, records, today);
    (Dashboard::build(&a, &law, facts), law)
}

/// How one absence record weighs, for the family's list (the totals come from the engine).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Counted against the limit.
    Counted,
    /// Counted for now; a pending derogation would take it out.
    PendingDeroga,
    /// Taken out by an approved derogation.
    Derogated,
    /// The school's policy does not count this kind (seed 003: suspension without attendance;
    /// both seeds: school activities).
    NotCounted,
}

/// The effect of `event` under `policy`, given the status of the derogation it is tied to.
pub fn effect(policy: &Policy, event: &AbsenceEvent, deroga: Option<DerogaStatus>) -> Effect {
    if !policy.counts(event.kind()) {
        return Effect::NotCounted;
    }
    match deroga {
        Some(DerogaStatus::Approved) => Effect::Derogated,
        Some(DerogaStatus::Pending) => Effect::PendingDeroga,
        _ => Effect::Counted,
    }
}

/// Who a notice is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Audience {
    /// Every family of the school.
    School,
    /// Every family of a grade (*ordine di scuola*).
    Grade(SchoolGrade),
    /// The families of these classes.
    Classes(Vec<String>),
    /// The families of these pupils (school ids).
    Pupils(Vec<i64>),
}

/// Where a pupil is, for a notice's audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recipient<'a> {
    pub pupil_id: i64,
    pub grade: SchoolGrade,
    pub class: &'a str,
}

impl Audience {
    /// From the form: `kind` is `school`, `grade`, `classes` or `pupils`; `value` the grade code,
    /// the class codes or the pupil ids, separated by spaces or commas.
    pub fn parse(kind: &str, value: &str) -> Result<Self, FieldError> {
        let items: Vec<&str> = value
            .split([',', ' ', ';', '\n', '\r', '\t'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let none = |m: Msg| FieldError::invalid_says("audience_value", m, &[]);
        match kind.trim() {
            "school" => Ok(Audience::School),
            "grade" => SchoolGrade::from_code(value.trim())
                .map(Audience::Grade)
                .ok_or_else(|| none(Msg::AudienceGrade)),
            "classes" => {
                if items.is_empty() || items.len() > 200 {
                    return Err(none(Msg::AudienceClassesCount));
                }
                let mut classes = Vec::with_capacity(items.len());
                for c in items {
                    if c.chars().count() > 20
                        || !c.chars().all(|ch| ch.is_alphanumeric() || ch == '-')
                    {
                        return Err(none(Msg::AudienceClassCode));
                    }
                    classes.push(c.to_uppercase());
                }
                crate::sort::sort(&mut classes);
                classes.dedup();
                Ok(Audience::Classes(classes))
            }
            "pupils" => {
                if items.is_empty() || items.len() > 500 {
                    return Err(none(Msg::AudiencePupilsCount));
                }
                let mut ids = Vec::with_capacity(items.len());
                for i in items {
                    let id = i
                        .parse::<i64>()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or_else(|| none(Msg::AudiencePupilNumbers))?;
                    ids.push(id);
                }
                crate::sort::sort(&mut ids);
                ids.dedup();
                Ok(Audience::Pupils(ids))
            }
            _ => Err(FieldError::invalid_says("audience", Msg::AudienceKind, &[])),
        }
    }

    pub fn reaches(&self, r: Recipient<'_>) -> bool {
        match self {
            Audience::School => true,
            Audience::Grade(g) => *g == r.grade,
            Audience::Classes(cs) => cs.iter().any(|c| c == r.class),
            Audience::Pupils(ids) => ids.contains(&r.pupil_id),
        }
    }
}

pub const NOTICE_TITLE_MAX: usize = 200;
pub const NOTICE_BODY_MAX: usize = 10_000;

/// A notice the office writes: title, text, audience, and whether it asks for acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeDraft {
    pub title: String,
    pub body: String,
    pub audience: Audience,
    pub requires_ack: bool,
}

pub(crate) fn clean_text(
    field: &str,
    raw: &str,
    max: usize,
    multiline: bool,
    what: Msg,
) -> Result<String, FieldError> {
    let text = raw.trim().replace("\r\n", "\n");
    let n = text.chars().count();
    if n == 0 || n > max {
        return Err(FieldError::invalid_says(
            field,
            Msg::TextLengthRange,
            &[("what", &what), ("max", &max)],
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t')))
    {
        return Err(FieldError::invalid_says(
            field,
            Msg::TextBadChars,
            &[("what", &what)],
        ));
    }
    Ok(text)
}

impl NoticeDraft {
    pub fn parse(
        title: &str,
        body: &str,
        audience: Audience,
        requires_ack: bool,
    ) -> Result<Self, FieldError> {
        Ok(NoticeDraft {
            title: clean_text("title", title, NOTICE_TITLE_MAX, false, Msg::PhraseTitle)?,
            body: clean_text("body", body, NOTICE_BODY_MAX, true, Msg::PhraseNoticeText)?,
            audience,
            requires_ack,
        })
    }
}

/// One guardian–pupil pair a notice reaches, and whether they acknowledged it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AckRow {
    pub class: String,
    pub acknowledged: bool,
}

/// Acknowledgements of a notice: overall and per class.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct AckSummary {
    pub recipients: u32,
    pub acknowledged: u32,
    /// One decimal; 0 when nobody is reached.
    pub percent: f64,
    pub classes: Vec<ClassAcks>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ClassAcks {
    pub class: String,
    pub recipients: u32,
    pub acknowledged: u32,
}

fn percent(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (f64::from(part) * 1000.0 / f64::from(whole)).round() / 10.0
    }
}

impl AckSummary {
    /// From per-class figures (in class order).
    pub fn from_classes(classes: Vec<ClassAcks>) -> AckSummary {
        let recipients = classes.iter().map(|c| c.recipients).sum();
        let acknowledged = classes.iter().map(|c| c.acknowledged).sum();
        AckSummary {
            recipients,
            acknowledged,
            percent: percent(acknowledged, recipients),
            classes,
        }
    }

    pub fn from_rows(rows: &[AckRow]) -> AckSummary {
        let mut classes: Vec<ClassAcks> = Vec::new();
        for r in rows {
            let i = match classes.binary_search_by(|c| c.class.as_str().cmp(&r.class)) {
                Ok(i) => i,
                Err(i) => {
                    classes.insert(
                        i,
                        ClassAcks {
                            class: r.class.clone(),
                            recipients: 0,
                            acknowledged: 0,
                        },
                    );
                    i
                }
            };
            classes[i].recipients += 1;
            classes[i].acknowledged += u32::from(r.acknowledged);
        }
        let recipients = rows.len() as u32;
        let acknowledged = rows.iter().filter(|r| r.acknowledged).count() as u32;
        AckSummary {
            recipients,
            acknowledged,
            percent: percent(acknowledged, recipients),
            classes,
        }
    }
}

/// One CSV record (RFC 4180, `;` as Italian spreadsheets expect, CRLF). A cell that a
/// spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) gets a leading
/// apostrophe, so an exported file cannot run anything on the office's computer.
pub fn csv_row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        let c = c.as_ref();
        let guarded = matches!(c.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
            && c.parse::<f64>().is_err();
        let needs_quotes = guarded || c.contains([';', '"', '\n', '\r', ',']);
        if needs_quotes {
            out.push('"');
            if guarded {
                out.push('\'');
            }
            out.push_str(&c.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(c);
        }
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attendance::{presets, AbsenceKind, DerogaId, LessonWeeks, TimetableProfile};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// 2025/26: 15 September to 10 June, Christmas break.
    fn calendar() -> Calendar {
        Calendar::new(
            d("2025-09-15"),
            d("2026-06-10"),
            vec![DateRange::new(d("2025-12-22"), d("2026-01-06")).unwrap()],
            LessonWeeks::DEFAULT,
        )
        .unwrap()
    }

    #[test]
    fn reasons_are_a_fixed_list() {
        for r in JustificationReason::ALL {
            assert_eq!(JustificationReason::parse(r.as_str()).unwrap(), r);
        }
        let e = JustificationReason::parse("febbre alta").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("reason"));
    }

    #[test]
    fn what_can_be_justified() {
        use crate::attendance::AbsenceKind;
        let (day, today) = (d("2025-11-03"), d("2025-11-10"));
        assert!(justifiable(AbsenceKind::WholeDay, false, day, today, None).is_ok());
        let refused = Some(RequestStatus::Refused);
        assert!(justifiable(AbsenceKind::WholeDay, false, day, today, refused).is_ok());
        let pending = Some(RequestStatus::Pending);
        assert!(justifiable(AbsenceKind::WholeDay, false, day, today, pending).is_err());
        assert!(justifiable(AbsenceKind::WholeDay, true, day, today, None).is_err());
        assert!(justifiable(AbsenceKind::SchoolActivity, false, day, today, None).is_err());
        let e = justifiable(
            AbsenceKind::WholeDay,
            false,
            today.succ_opt().unwrap(),
            today,
            None,
        );
        assert_eq!(e.unwrap_err().field.as_deref(), Some("absence"));
        for k in AbsenceKind::ALL {
            assert_eq!(AbsenceKind::from_code(k.code()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.code());
        }
        for g in SchoolGrade::ALL {
            assert_eq!(SchoolGrade::from_code(g.code()), Some(g));
            assert_eq!(serde_json::to_value(g).unwrap(), g.code());
        }
    }

    #[test]
    fn a_decision_is_taken_once() {
        assert_eq!(
            Decision::parse("approve")
                .unwrap()
                .apply(RequestStatus::Pending)
                .unwrap(),
            RequestStatus::Approved
        );
        assert!(Decision::Refuse.apply(RequestStatus::Approved).is_err());
        assert!(Decision::parse("maybe").is_err());
        assert_eq!(
            RequestStatus::from_code("refused"),
            Some(RequestStatus::Refused)
        );
        assert_eq!(RequestStatus::from_code("x"), None);
    }

    #[test]
    fn deroga_requests_need_an_adopted_category_and_dates_in_the_year() {
        let p = presets::seed_003().unwrap();
        let cal = calendar();
        let code = p.deroga_categories()[0].code.as_str().to_owned();
        let ok = DerogaRequest::parse(&p, &cal, &code, "2025-11-03", "2025-11-07").unwrap();
        assert_eq!(ok.period().from(), d("2025-11-03"));
        assert_eq!(
            DerogaRequest::parse(&p, &cal, "nope", "2025-11-03", "2025-11-07")
                .unwrap_err()
                .field
                .as_deref(),
            Some("category")
        );
        assert_eq!(
            DerogaRequest::parse(&p, &cal, &code, "2025-11-07", "2025-11-03")
                .unwrap_err()
                .field
                .as_deref(),
            Some("to")
        );
        assert_eq!(
            DerogaRequest::parse(&p, &cal, &code, "2025-08-01", "2025-11-03")
                .unwrap_err()
                .field
                .as_deref(),
            Some("from")
        );
        assert!(DerogaRequest::parse(&p, &cal, &code, "3/11/2025", "2025-11-07").is_err());
    }

    #[test]
    fn an_approved_request_lowers_the_count_through_the_engine() {
        let p = presets::seed_003().unwrap();
        let cal = calendar();
        let pupil = Pupil::full_year(
            SchoolGrade::SecondariaPrimoGrado,
            TimetableProfile::from_days([6, 6, 6, 6, 6, 0]).unwrap(),
        );
        let events: Vec<AbsenceEvent> = ["2025-11-03", "2025-11-04", "2025-11-05", "2025-12-01"]
            .iter()
            .map(|s| AbsenceEvent::whole_day(d(s), false))
            .collect();
        let cat = p.deroga_categories()[0].code.clone();
        let req = DerogaRequest::parse(&p, &cal, cat.as_str(), "2025-11-03", "2025-11-05").unwrap();
        let today = d("2026-01-15");
        let run = |status: DerogaStatus| {
            let deroga = Deroga::new(
                DerogaId(1),
                req.category().clone(),
                req.period(),
                None,
                status,
            )
            .unwrap();
            let linked = link_deroghe(events.clone(), std::slice::from_ref(&deroga));
            crate::attendance::assess(&p, &cal, &pupil, &linked, &[deroga], today)
        };
        let pending = run(DerogaStatus::Pending);
        assert_eq!(pending.counted_absence_minutes, 4 * 6 * 60);
        assert_eq!(pending.pending_deroga_minutes, 3 * 6 * 60);
        let approved = run(DerogaStatus::Approved);
        assert_eq!(approved.counted_absence_minutes, 6 * 60);
        assert_eq!(approved.derogated_minutes, 3 * 6 * 60);
        assert!(approved.remaining_minutes > pending.remaining_minutes);
        let refused = run(DerogaStatus::Refused);
        assert_eq!(refused.counted_absence_minutes, 4 * 6 * 60);
        assert_eq!(refused.pending_deroga_minutes, 0);
    }

    #[test]
    fn dashboard_carries_the_engine_figures_and_actions() {
        let p = presets::seed_003().unwrap();
        let cal = calendar();
        let pupil = Pupil::full_year(
            SchoolGrade::SecondariaPrimoGrado,
            TimetableProfile::from_days([6, 6, 6, 6, 6, 0]).unwrap(),
        );
        // 36 unjustified whole days from mid-September: over 200 h (threshold), Law 159 flag.
        let mut events = Vec::new();
        let mut day = d("2025-09-15");
        while events.len() < 36 {
            if cal.is_lesson_day(day, pupil.profile()) {
                events.push(AbsenceEvent::whole_day(day, false));
            }
            day = day.succ_opt().unwrap();
        }
        let today = d("2025-12-20");
        let a = crate::attendance::assess(&p, &cal, &pupil, &events, &[], today);
        let law = law159::check(&cal, &pupil, &events, &[], &[], today);
        let dash = Dashboard::build(
            &a,
            &law,
            FamilyFacts {
                to_justify: 36,
                to_acknowledge: 1,
                pending_requests: 0,
            },
        );
        assert_eq!(dash.counted_absence_minutes, 36 * 6 * 60);
        assert_eq!(dash.max_absence_hours, 247);
        assert_eq!(dash.remaining_minutes, 247 * 60 - 36 * 6 * 60);
        assert_eq!(dash.remaining_days, (247 * 60 - 36 * 6 * 60) / 360);
        assert_eq!(dash.gauge_permille, 36 * 6 * 1000 / 247);
        assert_eq!(dash.note, StatusNote::AtRisk);
        assert!(dash.actions.contains(&Action::Justify { count: 36 }));
        assert!(dash.actions.contains(&Action::Acknowledge { count: 1 }));
        assert!(dash.actions.contains(&Action::ContactSchool));
        let law159 = dash.law159.unwrap();
        assert!(law159.flagged_on.is_some());
        assert!(dash
            .auto_notices
            .iter()
            .any(|n| matches!(n, AutoNotice::ThresholdReached { hours: 200, .. })));
        assert!(dash
            .auto_notices
            .iter()
            .any(|n| matches!(n, AutoNotice::Law159Flagged { .. })));
        // Newest first.
        assert!(dash
            .auto_notices
            .windows(2)
            .all(|w| w[0].date() >= w[1].date()));
    }

    #[test]
    fn effects_follow_the_policy_and_the_derogation() {
        let p = presets::seed_003().unwrap();
        let day = AbsenceEvent::whole_day(d("2025-11-03"), false);
        assert_eq!(effect(&p, &day, None), Effect::Counted);
        assert_eq!(
            effect(&p, &day, Some(DerogaStatus::Approved)),
            Effect::Derogated
        );
        assert_eq!(
            effect(&p, &day, Some(DerogaStatus::Pending)),
            Effect::PendingDeroga
        );
        assert_eq!(
            effect(&p, &day, Some(DerogaStatus::Refused)),
            Effect::Counted
        );
        let suspension = AbsenceEvent::new(
            d("2025-11-04"),
            AbsenceKind::SuspensionWithoutAttendance,
            None,
            false,
            None,
        )
        .unwrap();
        assert_eq!(effect(&p, &suspension, None), Effect::NotCounted);
        let p4 = presets::seed_004().unwrap();
        assert_eq!(effect(&p4, &suspension, None), Effect::Counted);
    }

    #[test]
    fn audiences() {
        let r = Recipient {
            pupil_id: 7,
            grade: SchoolGrade::Primaria,
            class: "P1C",
        };
        assert!(Audience::parse("school", "").unwrap().reaches(r));
        assert!(Audience::parse("grade", "primaria").unwrap().reaches(r));
        assert!(!Audience::parse("grade", "secondaria_primo_grado")
            .unwrap()
            .reaches(r));
        let classes = Audience::parse("classes", "p1c, S2E").unwrap();
        assert_eq!(
            classes,
            Audience::Classes(vec!["P1C".to_owned(), "S2E".to_owned()])
        );
        assert!(classes.reaches(r));
        assert!(Audience::parse("pupils", "3 7").unwrap().reaches(r));
        assert!(!Audience::parse("pupils", "3").unwrap().reaches(r));
        assert!(Audience::parse("pupils", "x").is_err());
        assert!(Audience::parse("classes", "").is_err());
        assert!(Audience::parse("classes", "1A<script>").is_err());
        assert!(Audience::parse("everyone", "").is_err());
        let json = serde_json::to_string(&classes).unwrap();
        assert_eq!(json, r#"{"kind":"classes","value":["P1C","S2E"]}"#);
        assert_eq!(serde_json::from_str::<Audience>(&json).unwrap(), classes);
    }

    #[test]
    fn notice_drafts_are_checked() {
        let ok =
            NoticeDraft::parse(" Uscita ", "Riga 1\r\nRiga 2", Audience::School, true).unwrap();
        assert_eq!(ok.title, "Uscita");
        assert_eq!(ok.body, "Riga 1\nRiga 2");
        assert!(NoticeDraft::parse("", "x", Audience::School, false).is_err());
        assert!(NoticeDraft::parse("a\nb", "x", Audience::School, false).is_err());
        assert!(NoticeDraft::parse(
            "a",
            &"x".repeat(NOTICE_BODY_MAX + 1),
            Audience::School,
            false
        )
        .is_err());
    }

    #[test]
    fn ack_summary_counts_per_class() {
        let rows = [
            AckRow {
                class: "2B".into(),
                acknowledged: true,
            },
            AckRow {
                class: "1A".into(),
                acknowledged: false,
            },
            AckRow {
                class: "2B".into(),
                acknowledged: false,
            },
        ];
        let s = AckSummary::from_rows(&rows);
        assert_eq!((s.recipients, s.acknowledged, s.percent), (3, 1, 33.3));
        assert_eq!(s.classes[0].class, "1A");
        assert_eq!((s.classes[1].recipients, s.classes[1].acknowledged), (2, 1));
        assert_eq!(AckSummary::from_rows(&[]).percent, 0.0);
    }

    #[test]
    fn csv_rows_are_quoted_and_safe() {
        assert_eq!(csv_row(&["a", "b c"]), "a;b c\r\n");
        assert_eq!(
            csv_row(&["x;y", "say \"hi\""]),
            "\"x;y\";\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(csv_row(&["=cmd()", "-3"]), "\"'=cmd()\";-3\r\n");
        assert_eq!(csv_row(&["@SUM(A1)"]), "\"'@SUM(A1)\"\r\n");
    }
}
