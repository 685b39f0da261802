//! The school's decisions on a family's requests (issue 23 point 5; seeds 003 and 004).
//!
//! - A **justification** is decided by the class's teachers, the office or the head teacher:
//!   accepted, or refused with a reason from a short list the family reads
//!   ([`RefusalReason::for_kind`]).
//! - A **derogation** is the class council's: "Il Consiglio di classe determina nel merito con
//!   specifica delibera motivata" (seed 003; seed 004 art. 8 "a giudizio del consiglio di
//!   classe"), and the documents go to the office (seed 003 "fornita dalla famiglia all'ufficio
//!   di segreteria, protocollata"; seed 004 "consegnati al Coordinatore di classe oppure
//!   inoltrati alla segreteria didattica"). So Ponte does not decide one in a tap: the head
//!   teacher or the class coordinator records the council's sitting (its date, not before the
//!   request and not in the future) and its reason ([`Council`]); an approval also records that
//!   the office has received the documents. A refusal carries a reason from the list, like a
//!   justification's.
//! - Every decision can be undone by whoever took it for [`UNDO_MINUTES`] ([`undoable`]): a
//!   mis-tap is mended at once, and later the record stands (the history keeps the undone
//!   decision too, marked).
//!
//! Decisions where the seeds are silent: the council's reason is a short text kept for the
//! school (staff read it in the history); the family reads the outcome, the council's date and,
//! for a refusal, the reason from the list — never the free text, which could hold details the
//! family's documents gave the office (no health details: docs/privacy.md).

use crate::api::types::RequestKind;
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Decision, RequestStatus};

/// How long whoever took a decision may undo it.
pub const UNDO_MINUTES: i64 = 10;

/// The longest reason a council's decision may be recorded with, in characters.
pub const MOTIVATION_MAX: usize = 500;

/// Why the school refuses a request: a short list per kind, shown to the family in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RefusalReason {
    /// Justification: the reason given is not one the school's rules accept.
    ReasonNotAccepted,
    /// Justification: the school wants documents for this absence (to the office).
    DocumentsRequired,
    /// Justification: the absence does not match what the register says.
    NotAsRegistered,
    /// Justification: sent after the time the school's rules allow.
    TooLate,
    /// Derogation: the documents did not reach the office.
    DocumentsMissing,
    /// Derogation: the case is not one of the categories the school adopted.
    NotACategory,
    /// Derogation: the council finds the attendance gives too little to assess the pupil (seed
    /// 003, seed 004: "purché la frequenza effettuata fornisca al consiglio di classe
    /// sufficienti elementi per procedere alla valutazione").
    NotAssessable,
    /// Derogation: the dates are not those the documents cover.
    DatesNotDocumented,
}

impl RefusalReason {
    const JUSTIFICATION: [RefusalReason; 4] = [
        RefusalReason::ReasonNotAccepted,
        RefusalReason::DocumentsRequired,
        RefusalReason::NotAsRegistered,
        RefusalReason::TooLate,
    ];
    const DEROGATION: [RefusalReason; 4] = [
        RefusalReason::DocumentsMissing,
        RefusalReason::NotACategory,
        RefusalReason::NotAssessable,
        RefusalReason::DatesNotDocumented,
    ];

    /// The reasons a request of `kind` may be refused with, in the order forms list them.
    pub fn for_kind(kind: RequestKind) -> &'static [RefusalReason] {
        match kind {
            RequestKind::Justification => &Self::JUSTIFICATION,
            RequestKind::Deroga => &Self::DEROGATION,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RefusalReason::ReasonNotAccepted => "reason_not_accepted",
            RefusalReason::DocumentsRequired => "documents_required",
            RefusalReason::NotAsRegistered => "not_as_registered",
            RefusalReason::TooLate => "too_late",
            RefusalReason::DocumentsMissing => "documents_missing",
            RefusalReason::NotACategory => "not_a_category",
            RefusalReason::NotAssessable => "not_assessable",
            RefusalReason::DatesNotDocumented => "dates_not_documented",
        }
    }

    /// From the stored code; anything else is `None` (the caller reports a broken row).
    pub fn from_code(raw: &str) -> Option<Self> {
        Self::JUSTIFICATION
            .into_iter()
            .chain(Self::DEROGATION)
            .find(|r| r.as_str() == raw)
    }

    /// A reason for refusing a request of `kind`: one of its list, required.
    pub fn parse(kind: RequestKind, raw: &str) -> Result<Self, FieldError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(FieldError::invalid_says(
                "reason",
                Msg::RefusalReasonMissing,
                &[],
            ));
        }
        Self::for_kind(kind)
            .iter()
            .copied()
            .find(|r| r.as_str() == raw)
            .ok_or_else(|| FieldError::invalid_says("reason", Msg::RefusalReasonFromList, &[]))
    }
}

/// The class council's sitting a derogation decision records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Council {
    date: NaiveDate,
    motivation: String,
    documents_received: bool,
}

impl Council {
    /// The day the council met.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The council's reason, as the school recorded it (for the school's eyes).
    pub fn motivation(&self) -> &str {
        &self.motivation
    }

    /// Whether the office had the family's documents (always, for an approval).
    pub fn documents_received(&self) -> bool {
        self.documents_received
    }
}

/// What a decision form says, as typed (JSON or form fields; absent ones are empty).
#[derive(Debug, Clone, Copy, Default)]
pub struct RulingFields<'a> {
    pub decision: &'a str,
    pub reason: &'a str,
    pub council_date: &'a str,
    pub motivation: &'a str,
    /// A checkbox: `true`, `on`, `1` or `sì` when ticked.
    pub documents_received: &'a str,
}

/// A decision on one request, complete: accepted, or refused with its reason; a derogation's
/// with its council ([`Council`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ruling {
    decision: Decision,
    reason: Option<RefusalReason>,
    council: Option<Council>,
}

fn ticked(raw: &str) -> bool {
    matches!(
        raw.trim().to_lowercase().as_str(),
        "true" | "on" | "1" | "sì" | "si" | "yes"
    )
}

impl Ruling {
    /// A decision on a request of `kind` sent on `requested_on`, taken on `today`: the fields
    /// each kind needs, each checked (the first problem is the answer).
    pub fn parse(
        kind: RequestKind,
        f: RulingFields<'_>,
        requested_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<Self, FieldError> {
        let decision = Decision::parse(f.decision)?;
        let reason = match decision {
            Decision::Approve => None,
            Decision::Refuse => Some(RefusalReason::parse(kind, f.reason)?),
        };
        let council = match kind {
            RequestKind::Justification => None,
            RequestKind::Deroga => Some(Self::council_of(decision, f, requested_on, today)?),
        };
        Ok(Ruling {
            decision,
            reason,
            council,
        })
    }

    fn council_of(
        decision: Decision,
        f: RulingFields<'_>,
        requested_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<Council, FieldError> {
        const DATE: &str = "council_date";
        let raw = f.council_date.trim();
        if raw.is_empty() {
            return Err(FieldError::invalid_says(DATE, Msg::CouncilDateMissing, &[]));
        }
        let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map_err(|_| FieldError::invalid_says(DATE, Msg::IsoDateForm, &[]))?;
        if date > today {
            return Err(FieldError::invalid_says(DATE, Msg::CouncilDateFuture, &[]));
        }
        if date < requested_on {
            return Err(FieldError::invalid_says(
                DATE,
                Msg::CouncilDateBeforeRequest,
                &[("date", &requested_on.format("%d/%m/%Y"))],
            ));
        }
        let motivation = f
            .motivation
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if motivation.is_empty() {
            return Err(FieldError::invalid_says(
                "motivation",
                Msg::MotivationMissing,
                &[],
            ));
        }
        if motivation.chars().count() > MOTIVATION_MAX {
            return Err(FieldError::invalid_says(
                "motivation",
                Msg::MotivationTooLong,
                &[("max", &MOTIVATION_MAX)],
            ));
        }
        let documents_received = ticked(f.documents_received);
        if decision == Decision::Approve && !documents_received {
            return Err(FieldError::invalid_says(
                "documents_received",
                Msg::DocumentsNotReceived,
                &[],
            ));
        }
        Ok(Council {
            date,
            motivation,
            documents_received,
        })
    }

    pub fn decision(&self) -> Decision {
        self.decision
    }

    /// The new state of a request in `current`: a decision is taken once, on a pending request.
    pub fn apply(&self, current: RequestStatus) -> Result<RequestStatus, FieldError> {
        self.decision.apply(current)
    }

    pub fn reason(&self) -> Option<RefusalReason> {
        self.reason
    }

    pub fn council(&self) -> Option<&Council> {
        self.council.as_ref()
    }
}

/// Whether `caller` may undo, at `now`, the decision `decided_by` took at `decided_at` (Unix
/// seconds): only they, and only for [`UNDO_MINUTES`].
pub fn undoable(
    decided_by: &str,
    decided_at: i64,
    caller: &str,
    now: i64,
) -> Result<(), FieldError> {
    if decided_by != caller {
        return Err(FieldError::conflict_says(
            Msg::UndoOnlyByDecider,
            &[("minutes", &UNDO_MINUTES)],
        ));
    }
    if now - decided_at > UNDO_MINUTES * 60 {
        return Err(FieldError::conflict_says(
            Msg::UndoTooLate,
            &[("minutes", &UNDO_MINUTES)],
        ));
    }
    Ok(())
}

/// Until when (Unix seconds) a decision taken at `decided_at` can be undone.
pub fn undo_until(decided_at: i64) -> i64 {
    decided_at + UNDO_MINUTES * 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap() // ok: test
    }

    fn fields<'a>(decision: &'a str) -> RulingFields<'a> {
        RulingFields {
            decision,
            ..RulingFields::default()
        }
    }

    fn field_of(r: Result<Ruling, FieldError>) -> String {
        r.unwrap_err().field.unwrap_or_default() // ok: test
    }

    #[test]
    fn a_justification_is_accepted_as_is_and_refused_with_a_reason_of_its_list() {
        let (sent, today) = (d("2027-02-01"), d("2027-02-03"));
        let j = RequestKind::Justification;
        let r = Ruling::parse(j, fields("approve"), sent, today).unwrap(); // ok: test
        assert_eq!(
            (r.decision(), r.reason(), r.council()),
            (Decision::Approve, None, None)
        );
        assert_eq!(
            field_of(Ruling::parse(j, fields("refuse"), sent, today)),
            "reason"
        );
        let derogation_reason = RulingFields {
            reason: "not_assessable",
            ..fields("refuse")
        };
        assert_eq!(
            field_of(Ruling::parse(j, derogation_reason, sent, today)),
            "reason"
        );
        let refused = RulingFields {
            reason: "too_late",
            ..fields("refuse")
        };
        let r = Ruling::parse(j, refused, sent, today).unwrap(); // ok: test
        assert_eq!(r.reason(), Some(RefusalReason::TooLate));
        assert_eq!(
            r.apply(RequestStatus::Pending).ok(),
            Some(RequestStatus::Refused)
        );
        assert!(r.apply(RequestStatus::Approved).is_err());
    }

    #[test]
    fn a_derogation_needs_the_council_its_reason_and_for_approval_the_documents() {
        let (sent, today) = (d("2027-02-01"), d("2027-03-10"));
        let k = RequestKind::Deroga;
        let full = RulingFields {
            decision: "approve",
            reason: "",
            council_date: "2027-03-09",
            motivation: "  Documentazione protocollata n. 1234;\n la frequenza dà elementi  ",
            documents_received: "on",
        };
        let r = Ruling::parse(k, full, sent, today).unwrap(); // ok: test
        let c = r.council().unwrap(); // ok: test
        assert_eq!(c.date(), d("2027-03-09"));
        assert_eq!(
            c.motivation(),
            "Documentazione protocollata n. 1234; la frequenza dà elementi"
        );
        assert!(c.documents_received());
        for (f, field) in [
            (
                RulingFields {
                    council_date: "",
                    ..full
                },
                "council_date",
            ),
            (
                RulingFields {
                    council_date: "9/3/2027",
                    ..full
                },
                "council_date",
            ),
            (
                RulingFields {
                    council_date: "2027-03-11",
                    ..full
                },
                "council_date",
            ),
            (
                RulingFields {
                    council_date: "2027-01-31",
                    ..full
                },
                "council_date",
            ),
            (
                RulingFields {
                    motivation: " \n ",
                    ..full
                },
                "motivation",
            ),
            (
                RulingFields {
                    documents_received: "",
                    ..full
                },
                "documents_received",
            ),
        ] {
            assert_eq!(field_of(Ruling::parse(k, f, sent, today)), field);
        }
        let long = "x".repeat(MOTIVATION_MAX + 1);
        let f = RulingFields {
            motivation: &long,
            ..full
        };
        assert_eq!(field_of(Ruling::parse(k, f, sent, today)), "motivation");
        // The request's own day and today are both allowed.
        for day in ["2027-02-01", "2027-03-10"] {
            let f = RulingFields {
                council_date: day,
                ..full
            };
            assert!(Ruling::parse(k, f, sent, today).is_ok());
        }
        // A refusal: a derogation's reason, no documents needed.
        let refuse = RulingFields {
            decision: "refuse",
            reason: "documents_missing",
            documents_received: "",
            ..full
        };
        let r = Ruling::parse(k, refuse, sent, today).unwrap(); // ok: test
        assert_eq!(r.reason(), Some(RefusalReason::DocumentsMissing));
        assert!(!r.council().unwrap().documents_received()); // ok: test
        let wrong = RulingFields {
            reason: "too_late",
            ..refuse
        };
        assert_eq!(field_of(Ruling::parse(k, wrong, sent, today)), "reason");
    }

    #[test]
    fn only_whoever_decided_undoes_and_only_for_a_while() {
        let at = 1_800_000_000;
        assert!(undoable("A", at, "A", at + 1).is_ok());
        assert!(undoable("A", at, "A", undo_until(at)).is_ok());
        assert!(undoable("A", at, "A", undo_until(at) + 1).is_err());
        assert!(undoable("A", at, "B", at + 1).is_err());
    }

    #[test]
    fn every_reason_round_trips_and_belongs_to_one_kind() {
        for kind in [RequestKind::Justification, RequestKind::Deroga] {
            for r in RefusalReason::for_kind(kind) {
                assert_eq!(RefusalReason::from_code(r.as_str()), Some(*r));
                assert_eq!(RefusalReason::parse(kind, r.as_str()).ok(), Some(*r));
            }
        }
        assert_eq!(RefusalReason::from_code("nope"), None);
    }
}
