//! The school's notices as a family and as the office see them: which of a guardian's
//! children a notice reaches, what is read and acknowledged ([`for_family`],
//! [`to_acknowledge`]); who a notice reaches at the school and who has acknowledged it
//! ([`ack_report`], [`ack_summaries`]). The storage layer reads rows; these functions apply the
//! audience, so the same rule answers the family, the office's list and its figures.

use super::{AckRow, AckSummary, Audience, ClassAcks, Recipient};
use crate::attendance::SchoolGrade;
use crate::error::FieldError;
use crate::messages::Msg;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A notice, with the reader's state when a guardian reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Notice {
    pub id: i64,
    pub school_id: i64,
    pub title: String,
    pub body: String,
    /// Who it is for: the whole school, a grade, classes or pupils.
    pub audience: Audience,
    pub requires_ack: bool,
    /// Unix seconds (UTC).
    pub published_at: i64,
    /// When the school withdrew it: it stays in the record, marked as withdrawn, and asks
    /// nothing of anyone any more.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn_at: Option<i64>,
    /// When the school last reminded the families that had not acknowledged it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reminded_at: Option<i64>,
    /// For a guardian: read by them.
    pub read: bool,
    /// For a guardian: the pupils of theirs it reaches, and which of them are acknowledged
    /// (never empty: a notice reaching none of them is not theirs). Left out for the school's
    /// staff, whose report has its own `pupils` ([`NoticeReport`] flattens the notice).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pupils: Vec<NoticePupil>,
}

impl Notice {
    /// For a guardian: when the *presa visione* was complete (the latest of their children's),
    /// once every child the notice reaches is acknowledged.
    pub fn acknowledged_at(&self) -> Option<i64> {
        if self.pupils.iter().all(|p| p.acknowledged_at.is_some()) {
            self.pupils.iter().filter_map(|p| p.acknowledged_at).max()
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct NoticePupil {
    pub pupil_id: i64,
    pub acknowledged_at: Option<i64>,
}

/// A guardian's child, where a notice's audience is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kid {
    pub pupil_id: i64,
    pub school_id: i64,
    /// `None` while the school has not sent the child's class: no notice reaches them yet.
    pub grade: Option<SchoolGrade>,
    pub class_code: String,
    /// Given name and surname, for the pages.
    pub name: String,
}

impl Kid {
    pub fn recipient(&self) -> Option<Recipient<'_>> {
        Some(Recipient {
            pupil_id: self.pupil_id,
            grade: self.grade?,
            class: &self.class_code,
        })
    }
}

/// An acknowledgement on record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ack {
    pub notice_id: i64,
    pub pupil_id: i64,
    pub acknowledged_at: i64,
}

/// The notices reaching a guardian's `kids`, out of the notices of their schools (each with
/// the guardian's read state): each with the children it reaches and their acknowledgements;
/// unread first, then newest.
pub fn for_family(kids: &[Kid], notices: Vec<Notice>, acks: &[Ack]) -> Vec<Notice> {
    let mut mine: Vec<Notice> = notices
        .into_iter()
        .filter_map(|mut n| {
            n.pupils = kids
                .iter()
                .filter(|k| k.school_id == n.school_id)
                .filter(|k| k.recipient().is_some_and(|r| n.audience.reaches(r)))
                .map(|k| NoticePupil {
                    pupil_id: k.pupil_id,
                    acknowledged_at: acks
                        .iter()
                        .find(|a| a.notice_id == n.id && a.pupil_id == k.pupil_id)
                        .map(|a| a.acknowledged_at),
                })
                .collect();
            (!n.pupils.is_empty()).then_some(n)
        })
        .collect();
    crate::sort::sort_by_key(&mut mine, |n| {
        (
            n.read,
            std::cmp::Reverse(n.published_at),
            std::cmp::Reverse(n.id),
        )
    });
    mine
}

/// The guardian's children a *presa visione* is recorded for now: those the notice reaches
/// that are not acknowledged yet. A notice that asks for none, or is already acknowledged for
/// every child, is a conflict.
pub fn to_acknowledge(n: &Notice) -> Result<Vec<i64>, FieldError> {
    if n.withdrawn_at.is_some() {
        return Err(FieldError::conflict_says(Msg::NoticeWithdrawn, &[]));
    }
    if !n.requires_ack {
        return Err(FieldError::conflict_says(
            Msg::NoticeNeedsNoAcknowledgement,
            &[],
        ));
    }
    let open: Vec<i64> = n
        .pupils
        .iter()
        .filter(|p| p.acknowledged_at.is_none())
        .map(|p| p.pupil_id)
        .collect();
    if open.is_empty() {
        return Err(FieldError::conflict_says(
            Msg::NoticeAlreadyAcknowledged,
            &[],
        ));
    }
    Ok(open)
}

/// A pupil of the school, with the acknowledgement of one notice if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollPupil {
    pub pupil_id: i64,
    /// Surname and name.
    pub pupil: String,
    pub class_code: String,
    /// `None` while the school has not sent the pupil's class: no notice reaches them yet.
    pub grade: Option<SchoolGrade>,
    pub acknowledged_at: Option<i64>,
    /// The guardian who acknowledged, by name.
    pub acknowledged_by: Option<String>,
}

impl RollPupil {
    fn recipient(&self) -> Option<Recipient<'_>> {
        Some(Recipient {
            pupil_id: self.pupil_id,
            grade: self.grade?,
            class: &self.class_code,
        })
    }
}

/// One pupil a notice reaches, with the acknowledgement if any, for the office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct AckListRow {
    pub pupil_id: i64,
    pub pupil: String,
    pub class_code: String,
    pub acknowledged_at: Option<i64>,
    pub acknowledged_by: Option<String>,
}

/// A notice with its acknowledgement figures and list, for the office.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "openapi", schemars(rename = "AckReport"))]
pub struct NoticeReport {
    #[serde(flatten)]
    pub notice: Notice,
    pub summary: AckSummary,
    pub pupils: Vec<AckListRow>,
}

/// Who at the school notice `n` reaches (out of `roll`, the school's pupils in the order of the
/// list), and who has acknowledged it.
pub fn ack_report(n: Notice, roll: Vec<RollPupil>) -> NoticeReport {
    let pupils: Vec<AckListRow> = roll
        .into_iter()
        .filter(|p| p.recipient().is_some_and(|r| n.audience.reaches(r)))
        .map(|p| AckListRow {
            pupil_id: p.pupil_id,
            pupil: p.pupil,
            class_code: p.class_code,
            acknowledged_at: p.acknowledged_at,
            acknowledged_by: p.acknowledged_by,
        })
        .collect();
    let rows: Vec<AckRow> = pupils
        .iter()
        .map(|p| AckRow {
            class: p.class_code.clone(),
            acknowledged: p.acknowledged_at.is_some(),
        })
        .collect();
    NoticeReport {
        summary: AckSummary::from_rows(&rows),
        notice: n,
        pupils,
    }
}

/// Whether the school may withdraw notice `n` now: once (it is then kept, marked withdrawn).
pub fn withdrawable(n: &Notice) -> Result<(), FieldError> {
    if n.withdrawn_at.is_some() {
        return Err(FieldError::conflict_says(Msg::NoticeWithdrawn, &[]));
    }
    Ok(())
}

/// The least time between two reminders of one notice (a day): families are not pestered.
pub const REMINDER_INTERVAL_SECS: i64 = 24 * 3600;

/// Whether the school may remind the families that have not acknowledged notice `n` at `now`:
/// a notice that asks for acknowledgement, not withdrawn, someone still missing (`summary`),
/// at most once a day.
pub fn remindable(n: &Notice, summary: &AckSummary, now: i64) -> Result<(), FieldError> {
    withdrawable(n)?;
    if !n.requires_ack {
        return Err(FieldError::conflict_says(
            Msg::NoticeNeedsNoAcknowledgement,
            &[],
        ));
    }
    if summary.acknowledged >= summary.recipients {
        return Err(FieldError::conflict_says(
            Msg::NoticeEveryoneAcknowledged,
            &[],
        ));
    }
    if n.reminded_at
        .is_some_and(|t| now.saturating_sub(t) < REMINDER_INTERVAL_SECS)
    {
        return Err(FieldError::conflict_says(Msg::NoticeRemindedToday, &[]));
    }
    Ok(())
}

/// A pupil of the school, for the figures of many notices at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolPupil {
    pub pupil_id: i64,
    pub class_code: String,
    pub grade: Option<SchoolGrade>,
}

/// Whom a notice's audience reaches at a school, before it is published: the pupils (each one
/// is a family that will read it), and the classes it names that the school does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reach {
    pub pupils: u32,
    pub unknown_classes: Vec<String>,
}

/// At most this many of the school's class codes are given as examples.
const CLASS_EXAMPLES: usize = 6;

impl Reach {
    /// `audience` over the school's `pupils` (a pupil whose class the school has not sent
    /// is reached by nobody, as in the figures after publication).
    pub fn of(audience: &Audience, pupils: &[SchoolPupil]) -> Reach {
        let reached = pupils
            .iter()
            .filter(|p| {
                p.grade.is_some_and(|grade| {
                    audience.reaches(Recipient {
                        pupil_id: p.pupil_id,
                        grade,
                        class: &p.class_code,
                    })
                })
            })
            .count();
        let unknown_classes = match audience {
            Audience::Classes(cs) => cs
                .iter()
                .filter(|c| !pupils.iter().any(|p| &p.class_code == *c))
                .cloned()
                .collect(),
            _ => Vec::new(),
        };
        Reach {
            pupils: u32::try_from(reached).unwrap_or(u32::MAX),
            unknown_classes,
        }
    }

    /// A notice must reach someone and name only the school's own classes: else the office is
    /// told which class codes the school does not have, with some of its own as examples.
    pub fn must_reach(&self, pupils: &[SchoolPupil]) -> Result<(), FieldError> {
        if !self.unknown_classes.is_empty() {
            let mut own: Vec<&str> = pupils.iter().map(|p| p.class_code.as_str()).collect();
            crate::sort::sort(&mut own);
            own.dedup();
            let examples = own
                .iter()
                .take(CLASS_EXAMPLES)
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            return Err(FieldError::invalid_says(
                "audience_value",
                Msg::NoticeUnknownClasses,
                &[
                    ("classes", &self.unknown_classes.join(", ")),
                    ("examples", &examples),
                ],
            ));
        }
        if self.pupils == 0 {
            return Err(FieldError::invalid_says(
                "audience_value",
                Msg::NoticeReachesNobody,
                &[],
            ));
        }
        Ok(())
    }
}

/// The acknowledgement figures of each of a school's `notices`, from the school's pupils and,
/// per notice, the pupils acknowledged (`acked`): the same audience rule as [`ack_report`], in
/// one pass over the classes per notice rather than one read per notice.
pub fn ack_summaries(
    notices: Vec<Notice>,
    pupils: &[SchoolPupil],
    acked: &HashMap<i64, Vec<i64>>,
) -> Vec<(Notice, AckSummary)> {
    // The classes in order, each with its pupils.
    let mut classes: BTreeMap<&str, Vec<&SchoolPupil>> = BTreeMap::new();
    for p in pupils {
        classes.entry(p.class_code.as_str()).or_default().push(p);
    }
    notices
        .into_iter()
        .map(|n| {
            let done: HashSet<i64> = acked
                .get(&n.id)
                .map(|ids| ids.iter().copied().collect())
                .unwrap_or_default();
            let per_class: Vec<ClassAcks> = classes
                .iter()
                .filter_map(|(class, members)| {
                    let reached: Vec<i64> = members
                        .iter()
                        .filter(|p| {
                            p.grade.is_some_and(|grade| {
                                n.audience.reaches(Recipient {
                                    pupil_id: p.pupil_id,
                                    grade,
                                    class,
                                })
                            })
                        })
                        .map(|p| p.pupil_id)
                        .collect();
                    // An acknowledgement of a pupil the notice no longer reaches is not counted.
                    let acknowledged = reached.iter().filter(|id| done.contains(id)).count();
                    (!reached.is_empty()).then(|| ClassAcks {
                        class: (*class).to_owned(),
                        recipients: reached.len() as u32,
                        acknowledged: acknowledged as u32,
                    })
                })
                .collect();
            let summary = AckSummary::from_classes(per_class);
            (n, summary)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(id: i64, audience: Audience, read: bool, published_at: i64) -> Notice {
        Notice {
            withdrawn_at: None,
            reminded_at: None,
            id,
            school_id: 1,
            title: format!("n{id}"),
            body: String::new(),
            audience,
            requires_ack: true,
            published_at,
            read,
            pupils: vec![],
        }
    }

    fn kid(pupil_id: i64, school_id: i64, class: &str) -> Kid {
        Kid {
            pupil_id,
            school_id,
            grade: Some(SchoolGrade::Primaria),
            class_code: class.into(),
            name: format!("k{pupil_id}"),
        }
    }

    #[test]
    fn a_family_sees_the_notices_reaching_its_children_unread_first() {
        let kids = [
            kid(1, 1, "1A"),
            kid(2, 1, "2B"),
            kid(3, 2, "1A"),
            Kid {
                grade: None,
                ..kid(4, 1, "1A")
            },
        ];
        let notices = vec![
            notice(10, Audience::Classes(vec!["1A".into()]), true, 300),
            notice(11, Audience::Pupils(vec![2]), false, 100),
            notice(12, Audience::Classes(vec!["3C".into()]), false, 200),
            notice(13, Audience::School, false, 200),
        ];
        let acks = [Ack {
            notice_id: 13,
            pupil_id: 2,
            acknowledged_at: 5,
        }];
        let mine = for_family(&kids, notices, &acks);
        let ids: Vec<i64> = mine.iter().map(|n| n.id).collect();
        assert_eq!(
            ids,
            [13, 11, 10],
            "unread first, then newest; 12 reaches nobody"
        );
        // Kid 3 is at another school; kid 4 has no class on record yet.
        let reached: Vec<i64> = mine[0].pupils.iter().map(|p| p.pupil_id).collect();
        assert_eq!(reached, [1, 2]);
        assert_eq!(mine[0].pupils[1].acknowledged_at, Some(5));
        assert_eq!(to_acknowledge(&mine[0]).unwrap(), [1]);
        assert_eq!(
            mine[0].acknowledged_at(),
            None,
            "one child still to acknowledge"
        );
        let mut done = mine[0].clone();
        done.pupils[0].acknowledged_at = Some(6);
        assert_eq!(done.acknowledged_at(), Some(6));
        assert!(to_acknowledge(&done).is_err());
        done.requires_ack = false;
        assert!(to_acknowledge(&done).is_err());
    }

    fn roll(id: i64, class: &str, grade: Option<SchoolGrade>, acked: bool) -> RollPupil {
        RollPupil {
            pupil_id: id,
            pupil: format!("p{id}"),
            class_code: class.into(),
            grade,
            acknowledged_at: acked.then_some(9),
            acknowledged_by: None,
        }
    }

    #[test]
    fn the_office_sees_who_a_notice_reaches_and_the_figures_agree() {
        let p = Some(SchoolGrade::Primaria);
        let s = Some(SchoolGrade::SecondariaPrimoGrado);
        let pupils = vec![
            roll(1, "1A", p, true),
            roll(2, "1A", p, false),
            roll(3, "2B", s, true),
            roll(4, "2B", None, false),
            roll(5, "3C", s, false),
        ];
        let audiences = [
            Audience::School,
            Audience::Grade(SchoolGrade::SecondariaPrimoGrado),
            Audience::Classes(vec!["1A".into(), "3C".into()]),
            Audience::Pupils(vec![2, 3, 4, 99]),
        ];
        let school: Vec<SchoolPupil> = pupils
            .iter()
            .map(|r| SchoolPupil {
                pupil_id: r.pupil_id,
                class_code: r.class_code.clone(),
                grade: r.grade,
            })
            .collect();
        let notices: Vec<Notice> = audiences
            .iter()
            .enumerate()
            .map(|(i, a)| notice(i as i64, a.clone(), false, 0))
            .collect();
        let acked: HashMap<i64, Vec<i64>> = (0..4).map(|i| (i, vec![1, 3, 77])).collect();
        let many = ack_summaries(notices.clone(), &school, &acked);
        let expected = [(4, 2), (2, 1), (3, 1), (2, 1)];
        for ((n, summary), want) in many.iter().zip(expected) {
            let one = ack_report(n.clone(), pupils.clone());
            assert_eq!(
                (summary.recipients, summary.acknowledged),
                want,
                "{:?}",
                n.audience
            );
            assert_eq!(*summary, one.summary, "{:?}", n.audience);
        }
        let r = ack_report(notices[3].clone(), pupils);
        let listed: Vec<i64> = r.pupils.iter().map(|p| p.pupil_id).collect();
        assert_eq!(
            listed,
            [2, 3],
            "pupil 4 has no class on record, 99 is not at the school"
        );
    }

    #[test]
    fn a_notice_must_reach_someone_and_name_only_the_school_s_classes() {
        let pupil = |id, class: &str, grade| SchoolPupil {
            pupil_id: id,
            class_code: class.into(),
            grade,
        };
        let school = vec![
            pupil(1, "P3C", Some(SchoolGrade::Primaria)),
            pupil(2, "P3C", Some(SchoolGrade::Primaria)),
            pupil(3, "P4A", Some(SchoolGrade::Primaria)),
            pupil(4, "S1A", None),
        ];
        let classes = |cs: &[&str]| Audience::Classes(cs.iter().map(|c| c.to_string()).collect());
        let r = Reach::of(&classes(&["P3C"]), &school);
        assert_eq!(r.pupils, 2);
        assert!(r.must_reach(&school).is_ok());
        // "3C" where the school's class is "P3C": refused, naming the school's own codes.
        let r = Reach::of(&classes(&["3C", "P4A"]), &school);
        assert_eq!(r.unknown_classes, ["3C"]);
        let e = r.must_reach(&school).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("audience_value"));
        assert!(
            e.message.contains("3C") && e.message.contains("P3C, P4A, S1A"),
            "{}",
            e.message
        );
        // A class the school has, but whose class record is missing: nobody is reached.
        let r = Reach::of(&classes(&["S1A"]), &school);
        assert_eq!(r.pupils, 0);
        assert_eq!(
            r.must_reach(&school).unwrap_err().text().map(|t| t.msg),
            Some(Msg::NoticeReachesNobody)
        );
        // Secondary school in a school without one.
        let r = Reach::of(
            &Audience::Grade(SchoolGrade::SecondariaSecondoGrado),
            &school,
        );
        assert!(r.must_reach(&school).is_err());
        assert_eq!(Reach::of(&Audience::School, &school).pupils, 3);
        assert_eq!(Reach::of(&Audience::Pupils(vec![3, 99]), &school).pupils, 1);
    }

    #[test]
    fn a_withdrawn_notice_asks_nothing_and_a_reminder_comes_at_most_once_a_day() {
        let mut n = notice(1, Audience::School, false, 0);
        n.requires_ack = true;
        n.pupils = vec![NoticePupil {
            pupil_id: 7,
            acknowledged_at: None,
        }];
        let missing = AckSummary {
            recipients: 3,
            acknowledged: 1,
            percent: 33.3,
            classes: vec![],
        };
        let now = 1_000_000;
        assert!(remindable(&n, &missing, now).is_ok());
        n.reminded_at = Some(now - REMINDER_INTERVAL_SECS + 60);
        let e = remindable(&n, &missing, now).unwrap_err();
        assert_eq!(e.text().map(|t| t.msg), Some(Msg::NoticeRemindedToday));
        n.reminded_at = Some(now - REMINDER_INTERVAL_SECS);
        assert!(remindable(&n, &missing, now).is_ok());
        let all = AckSummary {
            acknowledged: 3,
            ..missing.clone()
        };
        assert!(remindable(&n, &all, now).is_err(), "nobody left to remind");
        assert!(withdrawable(&n).is_ok());
        n.withdrawn_at = Some(now);
        assert_eq!(
            withdrawable(&n).unwrap_err().text().map(|t| t.msg),
            Some(Msg::NoticeWithdrawn)
        );
        assert!(
            to_acknowledge(&n).is_err(),
            "a withdrawn notice is not acknowledged"
        );
        assert!(remindable(&n, &missing, now).is_err());
    }
}
