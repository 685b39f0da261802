//! A child's register as the family and the school see it, and [`assess`]: everything one
//! child's page and the attendance API show, from the stored facts and the day.
//!
//! The storage layer reads the rows into these types (a row that does not fit is an error, never
//! dropped); the rules that turn them into a position are here: an approved justification makes
//! the absence justified, only absences up to today are shown and counted, what is still to
//! justify, which of the school's notices still await this child's acknowledgement, what is
//! pending.

use super::{
    dashboard_and_law, effect, justifiable, Audience, Dashboard, Effect, FamilyFacts,
    JustificationReason, Recipient, RefusalReason, RequestStatus,
};
use crate::attendance::late_entries::late_entries;
use crate::attendance::law159::cases::{self, Law159Records, PupilCases};
use crate::attendance::{
    AbsenceEvent, AbsenceKind, Calendar, DateRange, Deroga, DerogaCategoryCode, DerogaId, Policy,
    Pupil, SchoolGrade, SchoolStatus,
};
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::NaiveDate;
use serde::Serialize;

/// A pupil with everything the engine needs.
#[derive(Debug, Clone)]
pub struct Child {
    pub id: i64,
    pub school_id: i64,
    pub school: String,
    pub name: String,
    pub surname: String,
    pub class_code: String,
    pub grade: SchoolGrade,
    pub pupil: Pupil,
    pub calendar: Calendar,
    pub policy: Policy,
    /// Date of birth, withdrawal, home schooling… (the optional columns of `alunni`).
    pub status: SchoolStatus,
}

/// A justification a family sent for one absence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "openapi", schemars(rename = "AbsenceJustification"))]
pub struct Justification {
    pub id: i64,
    pub reason: JustificationReason,
    pub status: RequestStatus,
    pub requested_at: i64,
    pub decided_at: Option<i64>,
    /// Why the school refused it (the family reads it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refusal: Option<RefusalReason>,
}

/// One absence record with its justification.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Absence {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: AbsenceKind,
    pub minutes: Option<u32>,
    /// Justified in the register, or by a justification the school approved.
    pub justified: bool,
    pub justification: Option<Justification>,
    #[serde(skip)]
    event: AbsenceEvent,
}

impl Absence {
    /// `in_register`: the register's own "justified" flag. A justification the school approved
    /// justifies the absence as well (docs/design.md §2). Fails when the record is not a valid
    /// absence (minutes out of range, minutes missing for a partial kind).
    pub fn new(
        id: i64,
        date: NaiveDate,
        kind: AbsenceKind,
        minutes: Option<u32>,
        in_register: bool,
        justification: Option<Justification>,
    ) -> Result<Absence, FieldError> {
        let justified = in_register
            || justification
                .as_ref()
                .is_some_and(|j| j.status == RequestStatus::Approved);
        let event = AbsenceEvent::new(date, kind, minutes, justified, None)?;
        Ok(Absence {
            id,
            date,
            kind,
            minutes,
            justified,
            justification,
            event,
        })
    }

    /// The engine's event.
    pub fn event(&self) -> AbsenceEvent {
        self.event
    }
}

/// A family's derogation request, as the family and the school see it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "openapi", schemars(rename = "Deroga"))]
pub struct DerogaRecord {
    pub id: i64,
    pub pupil_id: i64,
    pub category: DerogaCategoryCode,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub status: RequestStatus,
    pub requested_at: i64,
    pub decided_at: Option<i64>,
    /// The day of the class council that decided it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub council_date: Option<NaiveDate>,
    /// Why the school refused it (the family reads it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refusal: Option<RefusalReason>,
    #[serde(skip)]
    deroga: Deroga,
}

impl DerogaRecord {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: i64,
        pupil_id: i64,
        category: DerogaCategoryCode,
        from: NaiveDate,
        to: NaiveDate,
        status: RequestStatus,
        requested_at: i64,
        decided_at: Option<i64>,
    ) -> Result<DerogaRecord, FieldError> {
        let engine_id = u32::try_from(id)
            .map_err(|_| FieldError::invalid_says("id", Msg::DerogaRequestIdRange, &[]))?;
        let deroga = Deroga::new(
            DerogaId(engine_id),
            category.clone(),
            DateRange::new(from, to)?,
            None,
            status.deroga_status(),
        )?;
        Ok(DerogaRecord {
            id,
            pupil_id,
            category,
            from,
            to,
            status,
            requested_at,
            decided_at,
            council_date: None,
            refusal: None,
            deroga,
        })
    }

    /// With the school's decision's particulars: the council's day, the refusal's reason.
    pub fn decided(
        mut self,
        council_date: Option<NaiveDate>,
        refusal: Option<RefusalReason>,
    ) -> Self {
        self.council_date = council_date;
        self.refusal = refusal;
        self
    }

    /// The engine's derogation.
    pub fn deroga(&self) -> &Deroga {
        &self.deroga
    }
}

/// Where a pupil is: what the access check looks at before anything else is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub pupil_id: i64,
    pub school_id: i64,
    pub class_code: String,
}

/// A pupil's stored facts: where they are, the pupil with class, calendar and policy (`None`
/// while the school has not sent its classes or calendar), the absences, the derogation
/// requests, the audiences of the school's notices that ask for an acknowledgement not yet
/// given for this pupil, and when the school's absences last went live (Unix seconds of its
/// latest `assenze` import, `None` before the first).
#[derive(Debug, Clone)]
pub struct Register {
    pub place: Place,
    pub child: Option<Child>,
    pub absences: Vec<Absence>,
    pub deroghe: Vec<DerogaRecord>,
    pub unacknowledged: Vec<Audience>,
    pub absences_imported_at: Option<i64>,
    /// What the school recorded of the Law 159/2023 procedure for this pupil.
    pub law159: Law159Records,
}

/// The day a family is told the register was last updated: the Rome date of the school's latest
/// absences import, never after `today` (the day the figures are computed on; in development
/// `today` is pinned to the demo's school day while imports happen now). `None` before the first
/// import.
pub fn register_updated_on(
    absences_imported_at: Option<i64>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    // The same date the no-role page gives a school (`import::Rhythm`).
    crate::import::Rhythm::of(absences_imported_at.as_slice(), today).last_on
}

/// One absence with what it does to the count.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct AbsenceView {
    #[serde(flatten)]
    pub absence: Absence,
    pub effect: Option<Effect>,
    /// The derogation request whose dates hold it (pending or approved).
    pub deroga_id: Option<i64>,
    /// The family may still justify it.
    pub can_justify: bool,
}

/// A derogation category the school adopted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Category {
    pub code: String,
    pub label: String,
}

/// A child's dashboard, absences and derogation requests: `GET /api/v1/pupils/{id}/attendance`
/// and the family's pages.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ChildPosition {
    pub pupil_id: i64,
    pub name: String,
    pub surname: String,
    pub class_code: String,
    pub school: String,
    pub first_lesson_day: NaiveDate,
    pub last_lesson_day: NaiveDate,
    /// The Rome date of the school's latest absences import (never after the day of the
    /// figures): the one freshness date a family is shown. `None` before the first import.
    pub register_updated_on: Option<NaiveDate>,
    pub dashboard: Dashboard,
    pub absences: Vec<AbsenceView>,
    /// The derogation requests (the API's word, as its JSON says).
    pub derogations: Vec<DerogaRecord>,
    /// The school's derogation categories.
    pub categories: Vec<Category>,
    /// The Law 159/2023 cases (when the procedure applies to the pupil): the family's notice,
    /// its deadline, what the school did.
    pub law159_cases: PupilCases,
}

/// The most absences one request justifies.
pub const MAX_JUSTIFIED_AT_ONCE: usize = 200;

/// The absence ids a family chose (a form's `absences` fields, each a number), in order,
/// without repeats: at least one, at most [`MAX_JUSTIFIED_AT_ONCE`].
pub fn chosen_absences<'a>(raw: impl IntoIterator<Item = &'a str>) -> Result<Vec<i64>, FieldError> {
    let mut ids = Vec::new();
    for r in raw {
        let id: i64 = r
            .trim()
            .parse()
            .ok()
            .filter(|id| *id > 0)
            .ok_or_else(|| FieldError::invalid_says("absences", Msg::AbsenceIdInvalid, &[]))?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.is_empty() {
        return Err(FieldError::invalid_says(
            "absences",
            Msg::AbsencesNoneChosen,
            &[],
        ));
    }
    if ids.len() > MAX_JUSTIFIED_AT_ONCE {
        return Err(FieldError::invalid_says(
            "absences",
            Msg::AbsencesTooMany,
            &[("max", &MAX_JUSTIFIED_AT_ONCE)],
        ));
    }
    Ok(ids)
}

/// The absences of `p` with these ids, if the family may justify every one of them now (the
/// same `can_justify` the pages show): all or none. An id that is not this pupil's is not
/// found; one that cannot be justified says why (already justified, sent, future, derogated).
pub fn to_justify<'a>(
    p: &'a ChildPosition,
    ids: &[i64],
    today: NaiveDate,
) -> Result<Vec<&'a AbsenceView>, FieldError> {
    ids.iter()
        .map(|id| {
            let v = p
                .absences
                .iter()
                .find(|v| v.absence.id == *id)
                .ok_or_else(FieldError::not_found)?;
            if v.can_justify {
                return Ok(v);
            }
            let a = &v.absence;
            let sent = a.justification.as_ref().map(|j| j.status);
            justifiable(a.kind, a.justified, a.date, today, sent)?;
            Err(FieldError::conflict_says(Msg::AbsenceDerogated, &[]))
        })
        .collect()
}

impl ChildPosition {
    /// The school's words for derogation category `code` (its policy's label); the code itself
    /// for a category the school no longer has.
    pub fn category_label<'a>(&'a self, code: &'a str) -> &'a str {
        self.categories
            .iter()
            .find(|c| c.code == code)
            .map_or(code, |c| c.label.as_str())
    }
}

/// The answer while the school has not sent its classes or calendar (409).
pub fn not_ready() -> FieldError {
    FieldError::conflict_says(Msg::SchoolNotReady, &[])
}

/// Everything about one child on `today`: the absences up to today with their effect and
/// whether they can still be justified, the derogations tied to the absences they cover, the
/// engine's dashboard with the school's policy, and the family's to-dos (absences to justify,
/// notices reaching this child that await acknowledgement, requests the school has not
/// decided). The caller has already checked the reader may see this pupil.
pub fn assess(reg: Register, today: NaiveDate) -> Result<ChildPosition, FieldError> {
    let Register {
        child,
        absences,
        deroghe: requests,
        unacknowledged,
        absences_imported_at,
        law159: records,
        ..
    } = reg;
    let c = child.ok_or_else(not_ready)?;
    let deroghe: Vec<Deroga> = requests.iter().map(|d| d.deroga().clone()).collect();
    let visible: Vec<Absence> = absences.into_iter().filter(|a| a.date <= today).collect();
    let events: Vec<AbsenceEvent> = visible.iter().map(Absence::event).collect();
    let linked = super::link_deroghe(events.clone(), &deroghe);
    let mut views = Vec::with_capacity(visible.len());
    let mut to_justify = 0;
    for (a, e) in visible.into_iter().zip(linked.iter()) {
        let d = e
            .deroga()
            .and_then(|id| deroghe.iter().find(|d| d.id() == id));
        let sent = a.justification.as_ref().map(|j| j.status);
        let effect = effect(&c.policy, e, d.map(Deroga::status));
        // An absence an approved derogation takes out of the count needs no justification.
        let can_justify = effect != Effect::Derogated
            && justifiable(e.kind(), a.justified, e.date(), today, sent).is_ok();
        to_justify += u32::from(can_justify);
        views.push(AbsenceView {
            effect: Some(effect),
            deroga_id: d.map(|d| i64::from(d.id().0)),
            can_justify,
            absence: a,
        });
    }
    let me = Recipient {
        pupil_id: c.id,
        grade: c.grade,
        class: &c.class_code,
    };
    let facts = FamilyFacts {
        to_justify,
        to_acknowledge: unacknowledged.iter().filter(|a| a.reaches(me)).count() as u32,
        pending_requests: requests
            .iter()
            .filter(|d| d.status == RequestStatus::Pending)
            .count() as u32,
    };
    let (dashboard, law) = dashboard_and_law(
        &c.policy,
        &c.calendar,
        &c.pupil,
        events,
        &deroghe,
        facts,
        &records.episode_records(),
        today,
    );
    let mut law159_cases = cases::cases(
        &law,
        &records,
        |on| c.status.law159_applies(c.grade, &c.class_code, on),
        today,
    );
    // Repeated late entries (seed 003), when the school writes to families about them: for a
    // pupil still at the school, or whose notices are on record.
    if let Some(n) = c.policy.late_entries_notice_after() {
        if c.status.attends_on(today) || !records.late_notices.is_empty() {
            let l = late_entries(
                &c.calendar,
                &c.pupil,
                &linked,
                &deroghe,
                n,
                &records.late_notices,
                today,
            );
            law159_cases.late_entries = l.shown().then_some(l);
        }
    }
    let categories = c
        .policy
        .deroga_categories()
        .iter()
        .map(|k| Category {
            code: k.code.as_str().to_owned(),
            label: k.label.clone(),
        })
        .collect();
    Ok(ChildPosition {
        pupil_id: c.id,
        first_lesson_day: c.calendar.first_lesson_day(),
        last_lesson_day: c.calendar.last_lesson_day(),
        name: c.name,
        surname: c.surname,
        class_code: c.class_code,
        school: c.school,
        register_updated_on: register_updated_on(absences_imported_at, today),
        dashboard,
        absences: views,
        derogations: requests,
        categories,
        law159_cases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attendance::{presets, LessonWeeks, TimetableProfile};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn child() -> Child {
        Child {
            id: 7,
            school_id: 1,
            school: "Scuola".into(),
            name: "Anna".into(),
            surname: "Rossi".into(),
            class_code: "2B".into(),
            grade: SchoolGrade::SecondariaPrimoGrado,
            pupil: Pupil::full_year(
                SchoolGrade::SecondariaPrimoGrado,
                TimetableProfile::from_days([6, 6, 6, 6, 6, 0]).unwrap(),
            ),
            calendar: Calendar::new(
                d("2025-09-15"),
                d("2026-06-10"),
                vec![],
                LessonWeeks::DEFAULT,
            )
            .unwrap(),
            policy: presets::seed_003().unwrap(),
            status: Default::default(),
        }
    }

    fn absence(id: i64, date: &str, j: Option<RequestStatus>) -> Absence {
        let justification = j.map(|status| Justification {
            id: id * 10,
            reason: JustificationReason::Family,
            status,
            requested_at: 1,
            decided_at: None,
            refusal: None,
        });
        Absence::new(
            id,
            d(date),
            AbsenceKind::WholeDay,
            None,
            false,
            justification,
        )
        .unwrap()
    }

    fn register(absences: Vec<Absence>, deroghe: Vec<DerogaRecord>) -> Register {
        let c = child();
        Register {
            place: Place {
                pupil_id: c.id,
                school_id: c.school_id,
                class_code: c.class_code.clone(),
            },
            child: Some(c),
            absences,
            deroghe,
            unacknowledged: vec![
                Audience::School,
                Audience::Classes(vec!["1A".into()]),
                Audience::Pupils(vec![7, 8]),
            ],
            absences_imported_at: None,
            law159: Default::default(),
        }
    }

    #[test]
    fn the_register_is_dated_by_its_last_absences_import_in_rome_never_after_today() {
        // 2026-03-19 23:30 UTC is already the 20th in Rome (UTC+1 in March).
        let late_evening = 1_773_963_000;
        assert_eq!(
            register_updated_on(Some(late_evening), d("2026-04-01")),
            Some(d("2026-03-20"))
        );
        // An import after the day the figures are computed on reads as that day.
        assert_eq!(
            register_updated_on(Some(late_evening), d("2026-03-10")),
            Some(d("2026-03-10"))
        );
        assert_eq!(register_updated_on(None, d("2026-03-10")), None);
    }

    #[test]
    fn an_approved_justification_justifies_the_absence() {
        assert!(absence(1, "2025-11-03", Some(RequestStatus::Approved)).justified);
        assert!(!absence(1, "2025-11-03", Some(RequestStatus::Pending)).justified);
        assert!(!absence(1, "2025-11-03", Some(RequestStatus::Refused)).justified);
        let late = Absence::new(
            1,
            d("2025-11-03"),
            AbsenceKind::LateEntry,
            None,
            false,
            None,
        );
        assert!(
            late.is_err(),
            "a late entry without minutes is a broken record"
        );
    }

    #[test]
    fn assess_shows_what_is_up_to_today_and_counts_the_to_dos() {
        let cat = presets::seed_003().unwrap().deroga_categories()[0]
            .code
            .clone();
        let pending = DerogaRecord::new(
            3,
            7,
            cat,
            d("2025-11-04"),
            d("2025-11-04"),
            RequestStatus::Pending,
            1,
            None,
        )
        .unwrap();
        let reg = register(
            vec![
                absence(1, "2025-11-03", None),
                absence(2, "2025-11-04", Some(RequestStatus::Refused)),
                absence(3, "2025-11-05", Some(RequestStatus::Pending)),
                absence(4, "2025-11-06", Some(RequestStatus::Approved)),
                absence(5, "2025-12-01", None),
            ],
            vec![pending],
        );
        let p = assess(reg, d("2025-11-10")).unwrap();
        let ids: Vec<i64> = p.absences.iter().map(|a| a.absence.id).collect();
        assert_eq!(ids, [1, 2, 3, 4], "the absence after today is not shown");
        let can: Vec<bool> = p.absences.iter().map(|a| a.can_justify).collect();
        assert_eq!(can, [true, true, false, false]);
        assert_eq!(p.absences[1].deroga_id, Some(3));
        assert_eq!(p.absences[1].effect, Some(Effect::PendingDeroga));
        assert_eq!(p.absences[0].effect, Some(Effect::Counted));
        assert_eq!(p.dashboard.counted_absence_minutes, 4 * 6 * 60);
        let actions = &p.dashboard.actions;
        assert!(actions.contains(&super::super::Action::Justify { count: 2 }));
        // The whole school and this pupil reach the child; class 1A does not.
        assert!(actions.contains(&super::super::Action::Acknowledge { count: 2 }));
        assert!(actions
            .iter()
            .any(|a| matches!(a, super::super::Action::BringDocuments { count: 1, .. })));
        assert!(!p.categories.is_empty());
        assert!(p
            .category_label("grave_malattia")
            .starts_with("Assenze continuative superiori a 30 giorni"));
        assert_eq!(p.category_label("abolita"), "abolita");
        assert_eq!(p.first_lesson_day, d("2025-09-15"));
    }

    #[test]
    fn several_absences_are_justified_all_or_none_and_never_one_a_derogation_covers() {
        let cat = presets::seed_003().unwrap().deroga_categories()[0]
            .code
            .clone();
        let approved = DerogaRecord::new(
            3,
            7,
            cat,
            d("2025-11-04"),
            d("2025-11-04"),
            RequestStatus::Approved,
            1,
            Some(2),
        )
        .unwrap();
        let reg = register(
            vec![
                absence(1, "2025-11-03", None),
                absence(2, "2025-11-04", None),
                absence(3, "2025-11-05", Some(RequestStatus::Pending)),
                absence(4, "2025-11-06", None),
            ],
            vec![approved],
        );
        let today = d("2025-11-10");
        let p = assess(reg, today).unwrap();
        assert_eq!(p.absences[1].effect, Some(Effect::Derogated));
        assert!(!p.absences[1].can_justify, "the derogation covers it");
        let ok = to_justify(&p, &[1, 4], today).unwrap();
        assert_eq!(ok.iter().map(|v| v.absence.id).collect::<Vec<_>>(), [1, 4]);
        // One that cannot be justified refuses them all, saying why.
        let e = to_justify(&p, &[1, 2], today).unwrap_err();
        assert_eq!(e.text().map(|t| t.msg), Some(Msg::AbsenceDerogated));
        let e = to_justify(&p, &[4, 3], today).unwrap_err();
        assert_eq!(e.text().map(|t| t.msg), Some(Msg::JustificationAlreadySent));
        // Another pupil's absence is not found.
        assert_eq!(
            to_justify(&p, &[1, 99], today).unwrap_err(),
            FieldError::not_found()
        );
    }

    #[test]
    fn the_chosen_absences_are_numbers_without_repeats_one_to_two_hundred() {
        assert_eq!(chosen_absences(["4", " 7", "4"]).unwrap(), [4, 7]);
        for bad in [vec!["x"], vec!["0"], vec!["-3"]] {
            let e = chosen_absences(bad).unwrap_err();
            assert_eq!(e.text().map(|t| t.msg), Some(Msg::AbsenceIdInvalid));
        }
        assert_eq!(
            chosen_absences([]).unwrap_err().text().map(|t| t.msg),
            Some(Msg::AbsencesNoneChosen)
        );
        let many: Vec<String> = (1..=201).map(|i| i.to_string()).collect();
        assert_eq!(
            chosen_absences(many.iter().map(String::as_str))
                .unwrap_err()
                .text()
                .map(|t| t.msg),
            Some(Msg::AbsencesTooMany)
        );
    }

    #[test]
    fn a_school_without_classes_or_calendar_cannot_be_assessed() {
        let mut reg = register(vec![], vec![]);
        reg.child = None;
        let e = assess(reg, d("2025-11-10")).unwrap_err();
        assert_eq!(e.code, crate::error::ErrorCode::Conflict);
    }

    #[test]
    fn derogation_records_must_fit_the_engine() {
        let cat = DerogaCategoryCode::new("salute").unwrap();
        let ok = |from, to, id| {
            DerogaRecord::new(
                id,
                1,
                cat.clone(),
                d(from),
                d(to),
                RequestStatus::Approved,
                1,
                None,
            )
        };
        assert!(ok("2025-11-03", "2025-11-04", 1).is_ok());
        assert!(ok("2025-11-05", "2025-11-04", 1).is_err(), "dates reversed");
        assert!(ok("2025-11-03", "2025-11-04", i64::from(u32::MAX) + 1).is_err());
    }

    /// Issue 19 point 7: the product passes the school's recorded steps to the rule, so a
    /// second flag later in the year shows as a case of its own, with its deadline, and the
    /// deadlines of a notice appear (before the case records only the first flag ever showed).
    #[test]
    fn a_second_flag_later_in_the_year_is_a_case_with_its_deadlines() {
        use crate::attendance::law159::cases::{
            record_step, CaseState, Channel, Deadline, NextStep, Step,
        };
        use chrono::Datelike;
        let weekdays = |from: &str| {
            d(from)
                .iter_days()
                .filter(|x| x.weekday().num_days_from_monday() < 5)
                .step_by(2)
                .take(16)
                .collect::<Vec<_>>()
        };
        // Sixteen days every other weekday from 1 October, back at school afterwards; sixteen
        // more from 2 February.
        let first = weekdays("2025-10-01");
        let second = weekdays("2026-02-02");
        let absences: Vec<Absence> = first
            .iter()
            .chain(&second)
            .enumerate()
            .map(|(i, x)| {
                Absence::new(i as i64 + 1, *x, AbsenceKind::WholeDay, None, false, None).unwrap()
            })
            .collect();
        let today = d("2026-04-15");
        let reg = |law159: Law159Records| Register {
            law159,
            ..register(absences.clone(), vec![])
        };
        // Nothing recorded: the first case waits for the family's notice, and no second one
        // starts while it is open.
        let p = assess(reg(Law159Records::default()), today).unwrap();
        assert_eq!(p.law159_cases.cases.len(), 1);
        assert_eq!(p.law159_cases.cases[0].flagged_on, Some(first[15]));
        // The family told by letter on the sixteenth day; the pupil back the next weekday.
        let told = record_step(
            &p.law159_cases,
            &Law159Records::default(),
            Step::FamilyNotified {
                episode: 0,
                on: first[15],
                channel: Channel::Letter,
            },
            today,
        )
        .unwrap();
        let p = assess(reg(told.clone()), today).unwrap();
        let cases = &p.law159_cases.cases;
        assert_eq!(cases.len(), 2, "{cases:?}");
        assert_eq!(cases[0].state, CaseState::Resumed);
        assert_eq!(cases[1].state, CaseState::Open);
        assert_eq!(cases[1].window_start, Some(second[0]));
        assert_eq!(cases[1].flagged_on, Some(second[15]));
        assert_eq!(
            cases[1].next,
            Some(Deadline {
                step: NextStep::NotifyFamily,
                by: second[15],
                overdue: false
            })
        );
        // The second notice, on the day of the flag (Monday 16 March), the pupil still away:
        // its deadlines are the calendar's, seven days and seven more.
        let on = second[15];
        assert_eq!(on, d("2026-03-16"));
        let both = record_step(
            &p.law159_cases,
            &told,
            Step::FamilyNotified {
                episode: 1,
                on,
                channel: Channel::Notice,
            },
            today,
        )
        .unwrap();
        let away: Vec<Absence> = on
            .iter_days()
            .skip(1)
            .take_while(|x| *x <= today)
            .filter(|x| x.weekday().num_days_from_monday() < 5)
            .enumerate()
            .map(|(i, x)| {
                Absence::new(100 + i as i64, x, AbsenceKind::WholeDay, None, false, None).unwrap()
            })
            .collect();
        let mut r = reg(both);
        r.absences.extend(away);
        let p = assess(r, today).unwrap();
        let c = &p.law159_cases.cases[1];
        assert_eq!(c.state, CaseState::FamilyNotified);
        assert_eq!(c.family_notified_on, Some(on));
        assert_eq!(c.resume_by, Some(d("2026-03-23")));
        assert_eq!(c.mayor_notice_due_by, Some(d("2026-03-30")));
        assert_eq!(
            c.next,
            Some(Deadline {
                step: NextStep::NotifyMayor,
                by: d("2026-03-30"),
                overdue: true
            })
        );
        assert_eq!(p.law159_cases.next(), c.next);
    }

    /// Seed 003's written notice of repeated late entries, through the desk's rules: due on the
    /// school's threshold-th late entry (the preset's 5), sent once, counted again after it;
    /// each step takes its own slot, so two read from the same records collide.
    #[test]
    fn repeated_late_entries_make_the_notice_due_once() {
        use crate::attendance::law159::cases::{record_step, Slot, Step};
        let late = |id: i64, date: &str| {
            Absence::new(id, d(date), AbsenceKind::LateEntry, Some(15), false, None).unwrap()
        };
        let days = [
            "2025-10-01",
            "2025-10-03",
            "2025-10-08",
            "2025-10-09",
            "2025-10-14",
            "2025-10-20",
        ];
        let absences: Vec<Absence> = days
            .iter()
            .enumerate()
            .map(|(i, x)| late(i as i64 + 1, x))
            .collect();
        let today = d("2025-10-15");
        let p = assess(register(absences.clone(), vec![]), today).unwrap();
        let l = p.law159_cases.late_entries.clone().expect("due"); // ok: test
        assert_eq!(l.threshold, 5);
        assert_eq!(l.dates.len(), 5, "the one after today is not counted");
        assert_eq!(l.due_from, Some(d("2025-10-14")));
        assert_eq!(l.minutes, 75);
        assert!(p.law159_cases.late_entries_due());
        assert_eq!(p.law159_cases.next(), None, "no legal term: not a deadline");
        assert!(!p.law159_cases.is_empty());
        let step = Step::LateEntriesNotified { on: today };
        let none = Law159Records::default();
        assert_eq!(
            none.slot(&step),
            Slot {
                kind: "late_entries",
                episode: 0,
                seq: 0
            }
        );
        let sent = record_step(&p.law159_cases, &none, step, today).unwrap();
        assert_eq!(sent.late_notices, vec![today]);
        assert_eq!(
            sent.slot(&step).episode,
            1,
            "the next notice takes the next slot"
        );
        // Afterwards: shown with its notice, not due; sending again is a conflict.
        let reg = Register {
            law159: sent.clone(),
            ..register(absences.clone(), vec![])
        };
        let p = assess(reg, d("2025-10-31")).unwrap();
        let l = p.law159_cases.late_entries.clone().expect("shown"); // ok: test
        assert_eq!(l.dates, vec![d("2025-10-20")]);
        assert!(!l.due());
        let e = record_step(&p.law159_cases, &sent, step, d("2025-10-31")).unwrap_err();
        assert_eq!(e.code, crate::error::ErrorCode::Conflict);
        // A school without the setting sends no such notice.
        let mut reg = register(absences, vec![]);
        if let Some(c) = reg.child.as_mut() {
            c.policy = crate::attendance::presets::seed_004().unwrap();
        }
        let p = assess(reg, today).unwrap();
        assert!(p.law159_cases.late_entries.is_none());
        assert!(p.law159_cases.is_empty());
    }
}
