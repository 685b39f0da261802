//! The pupils' standing beyond attendance, the optional columns of `alunni` (docs/imports.md):
//! dates of birth (left out for a few, so the grade decides), a withdrawal of each kind, home
//! schooling, the next year's choice of the third year of secondaria di primo grado, final
//! outcomes. Drawn from a stream of its own once the absences are made, and only for pupils who
//! are nobody's special case and only children (outside P3B, where the demo parent of one pupil
//! is picked), so every other pupil, event and demo person is what it was.
//!
//! The register follows the standing: a pupil withdrawn formally or transferred has no record
//! after the date; a pupil who dropped out (*abbandono non formale*) or whose family chose home
//! schooling has been absent, unjustified, every lesson day since 12 January — so the Law 159
//! check flags both, and only the first is of the procedure (home schooling fulfils the
//! obligation, seed 000 FAQ 8); a pupil enrolled who never came has been absent, unjustified,
//! every lesson day of the year (seed 000's "iscritto ma non presente ad inizio anno").

use super::*;

/// What the `alunni` file says of a pupil beyond attendance.
#[derive(Debug, Clone, Default)]
pub(super) struct Standing {
    /// `data_nascita` is written (otherwise the grade decides).
    pub(super) birth_written: bool,
    /// `data_ritiro` and `tipo_ritiro`.
    pub(super) withdrawal: Option<(NaiveDate, &'static str)>,
    pub(super) home_schooling: bool,
    pub(super) next_year: Option<&'static str>,
    pub(super) outcome: Option<&'static str>,
    /// Enrolled but never came (seed 000, "allievo iscritto ma non presente in classe ad inizio
    /// anno"): absent, unjustified, every lesson day of the year.
    pub(super) never_came: bool,
}

/// The day the dropout and the home-schooled pupil stopped coming.
fn stopped_on() -> NaiveDate {
    ymd(2026, 1, 12)
}

/// Who stands how: `school_no` 1 is the istituto comprensivo, 2 the liceo.
pub(super) fn mark_standing(rng: &mut Rng, school_no: u64, school: &mut School) {
    let spec = &school.spec;
    for p in school.pupils.iter_mut() {
        p.standing.birth_written = !pct(rng, 5);
    }
    // Ordinary only children, by class, in a shuffled order.
    let mut plain: Vec<usize> = (0..school.pupils.len())
        .filter(|&i| {
            let p = &school.pupils[i];
            school.families[p.family].children.len() == 1
                && p.start.is_none()
                && !p.long_spell
                && p.suspension.is_none()
                && p.personalised.is_none()
                && spec.classes[p.class].code != "P3B"
        })
        .collect();
    shuffle(rng, &mut plain);
    let mut take = |school: &School, pred: &dyn Fn(&Class) -> bool| -> Option<usize> {
        let i = plain
            .iter()
            .position(|&p| pred(&school.spec.classes[school.pupils[p].class]))?;
        Some(plain.remove(i))
    };
    let first_grade = |c: &Class| c.ordine == Ordine::PrimoGrado;
    let third_year = |c: &Class| c.ordine == Ordine::PrimoGrado && c.grade == 3;
    let set = |school: &mut School, p: Option<usize>, f: &dyn Fn(&mut Standing)| {
        if let Some(p) = p {
            f(&mut school.pupils[p].standing);
        }
    };
    if school_no == 1 {
        let p = take(school, &first_grade);
        set(school, p, &|s| {
            s.withdrawal = Some((ymd(2026, 2, 13), "ritiro"))
        });
        let p = take(school, &first_grade);
        set(school, p, &|s| {
            s.withdrawal = Some((ymd(2026, 3, 17), "ritiro"))
        });
        let p = take(school, &|c| c.ordine == Ordine::Primaria);
        set(school, p, &|s| {
            s.withdrawal = Some((ymd(2025, 12, 19), "trasferimento"))
        });
        let p = take(school, &first_grade);
        set(school, p, &|s| {
            s.withdrawal = Some((ymd(2026, 3, 6), "abbandono"));
            s.birth_written = true;
        });
        let p = take(school, &|c| c.ordine == Ordine::Primaria);
        set(school, p, &|s| {
            s.home_schooling = true;
            s.birth_written = true;
        });
        // Third year: most have chosen; two have not (one of them not admitted), one is not
        // recorded yet.
        let nessuna = [take(school, &third_year), take(school, &third_year)];
        let unrecorded = take(school, &third_year);
        for i in 0..school.pupils.len() {
            if !third_year(&school.spec.classes[school.pupils[i].class]) {
                continue;
            }
            let s = &mut school.pupils[i].standing;
            s.next_year = if nessuna.contains(&Some(i)) {
                Some("nessuna")
            } else if unrecorded == Some(i) {
                None
            } else {
                Some(match rng.below(100) {
                    0..88 => "istruzione",
                    88..97 => "iefp",
                    _ => "apprendistato",
                })
            };
        }
        set(school, nessuna[0], &|s| s.outcome = Some("non_ammesso"));
        let p = take(school, &third_year);
        set(school, p, &|s| {
            s.next_year = Some("istruzione");
            s.outcome = Some("ammesso");
        });
        // The ARS communications (seed 000) concern the secondaria: a pupil of it in home
        // schooling, and one enrolled who never came.
        let not_third = |c: &Class| c.ordine == Ordine::PrimoGrado && c.grade != 3;
        let p = take(school, &not_third);
        set(school, p, &|s| {
            s.home_schooling = true;
            s.birth_written = true;
        });
        let p = take(school, &not_third);
        set(school, p, &|s| {
            s.never_came = true;
            s.birth_written = true;
        });
    } else {
        let year = |y: u32| move |c: &Class| c.grade == y;
        // No date of birth: in the second year the grade makes the pupil subject, in the third
        // not.
        let p = take(school, &year(2));
        set(school, p, &|s| s.birth_written = false);
        let p = take(school, &year(3));
        set(school, p, &|s| s.birth_written = false);
        let p = take(school, &year(3));
        set(school, p, &|s| {
            s.withdrawal = Some((ymd(2026, 1, 23), "ritiro"))
        });
        let p = take(school, &year(2));
        set(school, p, &|s| {
            s.outcome = Some("non_ammesso");
            s.next_year = Some("nessuna");
            s.birth_written = true;
        });
        let p = take(school, &year(1));
        set(school, p, &|s| s.outcome = Some("giudizio_sospeso"));
    }
    follow_standing(school);
}

/// The register after the standing: nothing after a formal withdrawal or a transfer; every
/// lesson day unjustified since [`stopped_on`] for a dropout and for home schooling.
fn follow_standing(school: &mut School) {
    let days = &school.days;
    let pupils = &school.pupils;
    let ends = |p: &Pupil| -> Option<NaiveDate> {
        match p.standing.withdrawal {
            Some((d, "ritiro" | "trasferimento")) => Some(d),
            _ => None,
        }
    };
    let stops = |p: &Pupil| -> bool {
        p.standing.home_schooling || matches!(p.standing.withdrawal, Some((_, "abbandono")))
    };
    school.events.retain(|e| {
        let p = &pupils[e.pupil as usize];
        let d = days[usize::from(e.day)];
        !(ends(p).is_some_and(|end| d > end)
            || (stops(p) && d >= stopped_on())
            || p.standing.never_came)
    });
    let Ok(year) = SchoolYear::new(&school.spec) else {
        return;
    };
    for (i, p) in pupils.iter().enumerate() {
        if !stops(p) && !p.standing.never_came {
            continue;
        }
        for &d in &year.lessons[p.class] {
            if p.standing.never_came || year.date(d) >= stopped_on() {
                school.events.push(Event {
                    day: d,
                    pupil: i as u32,
                    kind: Kind::Assenza,
                    amount: Amount::None,
                    justified: false,
                });
            }
        }
    }
    school.events.sort_by_key(|e| (e.day, e.pupil, e.kind));
}
