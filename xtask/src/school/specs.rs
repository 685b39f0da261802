//! The two demo schools as specifications: orders, classes and their timetables, calendar,
//! staff posts, habits of absence, the attendance policy.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Ordine {
    Primaria,
    PrimoGrado,
    SecondoGrado,
}

impl Ordine {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Ordine::Primaria => "primaria",
            Ordine::PrimoGrado => "secondaria di primo grado",
            Ordine::SecondoGrado => "secondaria di secondo grado",
        }
    }
    /// Years of school before the first class of this order.
    pub(super) fn offset(self) -> u32 {
        match self {
            Ordine::Primaria => 0,
            Ordine::PrimoGrado => 5,
            Ordine::SecondoGrado => 8,
        }
    }
}

pub(super) struct Class {
    pub(super) code: String,
    pub(super) ordine: Ordine,
    pub(super) grade: u32,
    /// Monday … Saturday.
    pub(super) hours: [u32; 6],
    /// Relative size.
    pub(super) weight: usize,
}

impl Class {
    /// Years of school including this one (1 = first of primaria).
    pub(super) fn year(&self) -> u32 {
        self.ordine.offset() + self.grade
    }
}

pub(super) struct CalendarDef {
    pub(super) first: NaiveDate,
    pub(super) last: NaiveDate,
    pub(super) holidays: Vec<(NaiveDate, NaiveDate, &'static str)>,
}

impl CalendarDef {
    pub(super) fn calendar(&self) -> Result<Calendar> {
        let holidays = self
            .holidays
            .iter()
            .map(|&(a, b, _)| DateRange::new(a, b))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| e.message)?;
        Calendar::new(self.first, self.last, holidays, LessonWeeks::DEFAULT).map_err(|e| e.message)
    }
}

/// A teacher's post: the classes taught, and how likely the teacher is a woman (Italian
/// teachers are mostly women, in primaria nearly all).
pub(super) struct Post {
    pub(super) classes: Vec<usize>,
    pub(super) female_percent: usize,
}

/// How pupils of an order miss lessons (means of the per-pupil counts over a whole year).
pub(super) struct Habits {
    pub(super) late: u32,
    pub(super) deferred: u32,
    pub(super) early_exit: u32,
    pub(super) trips: (usize, usize),
}

pub(super) fn habits(o: Ordine) -> Habits {
    match o {
        Ordine::Primaria => Habits {
            late: 16,
            deferred: 5,
            early_exit: 8,
            trips: (6, 9),
        },
        Ordine::PrimoGrado => Habits {
            late: 18,
            deferred: 7,
            early_exit: 9,
            trips: (6, 9),
        },
        Ordine::SecondoGrado => Habits {
            late: 19,
            deferred: 8,
            early_exit: 9,
            trips: (4, 7),
        },
    }
}

pub(super) enum MatricolaStyle {
    /// `2025-0001`.
    Dash,
    /// `2023/0017`.
    Slash,
}

pub(super) struct Spec {
    pub(super) code: &'static str,
    pub(super) name: &'static str,
    pub(super) istat: &'static str,
    /// The office's contacts, shown to a person the school has not registered (invented:
    /// `.example` addresses, a number of the 06/051 range nobody answers).
    pub(super) office_email: &'static str,
    pub(super) office_phone: &'static str,
    pub(super) pupils: usize,
    pub(super) classes: Vec<Class>,
    pub(super) calendar: CalendarDef,
    pub(super) posts: Vec<Post>,
    pub(super) secretaries: usize,
    pub(super) matricola: MatricolaStyle,
    pub(super) late_enrolments: usize,
    pub(super) transfers: usize,
    /// (class, annual hours set by the class council).
    pub(super) personalised: Vec<(&'static str, u32)>,
    pub(super) long_spells: usize,
    /// The school's attendance policy: a preset of `domain`.
    pub(super) policy: fn() -> std::result::Result<Policy, domain::FieldError>,
    pub(super) suspensions: usize,
    /// Days of a students' strike or collective abstention, with the share of pupils (in the
    /// orders listed) who stayed away.
    pub(super) strikes: Vec<(NaiveDate, usize, Vec<Ordine>)>,
}

pub(super) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

pub(super) fn class_index(classes: &[Class], code: &str) -> usize {
    classes.iter().position(|c| c.code == code).unwrap_or(0)
}

/// The Istituto Comprensivo.
pub(super) fn ic_spec(pupils: usize) -> Spec {
    let mut classes = Vec::new();
    for grade in 1..=5 {
        for s in ['A', 'B', 'C', 'D', 'E'] {
            let pieno = matches!(s, 'C' | 'D');
            classes.push(Class {
                code: format!("P{grade}{s}"),
                ordine: Ordine::Primaria,
                grade,
                hours: if pieno {
                    [8, 8, 8, 8, 8, 0]
                } else {
                    [5, 5, 6, 5, 6, 0]
                },
                weight: if pieno { 22 } else { 20 },
            });
        }
    }
    for grade in 1..=3 {
        for s in ['A', 'B', 'C', 'D', 'E', 'F', 'G'] {
            if grade == 3 && s == 'G' {
                continue;
            }
            classes.push(Class {
                code: format!("S{grade}{s}"),
                ordine: Ordine::PrimoGrado,
                grade,
                hours: match s {
                    'C' | 'D' => [5, 5, 5, 5, 5, 5],
                    'G' => [8, 6, 8, 6, 8, 0],
                    _ => [6, 6, 6, 6, 6, 0],
                },
                weight: if s == 'G' { 21 } else { 24 },
            });
        }
    }
    let ix = |code: &str| class_index(&classes, code);
    let mut posts = Vec::new();
    let post = |codes: &[String], female_percent| Post {
        classes: codes.iter().map(|c| ix(c)).collect(),
        female_percent,
    };
    // Primaria: a teacher per class in sections A, B, E (with a second teacher shared by A and
    // B, and one for E), two per class in the tempo pieno sections C and D.
    for g in 1..=5 {
        for s in ["A", "B", "E"] {
            posts.push(post(&[format!("P{g}{s}")], 95));
        }
        posts.push(post(&[format!("P{g}A"), format!("P{g}B")], 90));
        posts.push(post(&[format!("P{g}E")], 90));
        for s in ["C", "C", "D", "D"] {
            posts.push(post(&[format!("P{g}{s}")], 95));
        }
    }
    let primaria: Vec<String> = classes
        .iter()
        .filter(|c| c.ordine == Ordine::Primaria)
        .map(|c| c.code.clone())
        .collect();
    for chunk in primaria.chunks(13) {
        posts.push(post(chunk, 80)); // religione cattolica
    }
    for pair in [["P1C", "P3A"], ["P2E", "P4D"], ["P5B", "P5C"]] {
        posts.push(post(&pair.map(String::from), 90)); // sostegno
    }
    // Secondaria, classes by section: S1A S2A S3A S1B …
    let mut secondaria: Vec<&Class> = classes
        .iter()
        .filter(|c| c.ordine == Ordine::PrimoGrado)
        .collect();
    secondaria.sort_by(|a, b| (&a.code[2..], a.grade).cmp(&(&b.code[2..], b.grade)));
    let secondaria: Vec<String> = secondaria.iter().map(|c| c.code.clone()).collect();
    for (per_teacher, female) in [
        (2, 80),  // lettere
        (3, 70),  // matematica e scienze
        (6, 85),  // inglese
        (9, 85),  // francese o spagnolo
        (9, 55),  // tecnologia
        (9, 70),  // arte e immagine
        (9, 60),  // musica
        (9, 50),  // scienze motorie
        (10, 70), // religione cattolica
    ] {
        for chunk in secondaria.chunks(per_teacher) {
            posts.push(post(chunk, female));
        }
    }
    for set in [
        &["S1B", "S2D"][..],
        &["S1E"],
        &["S2A", "S3C"],
        &["S2G"],
        &["S3F", "S1F"],
    ] {
        let codes: Vec<String> = set.iter().map(|s| s.to_string()).collect();
        posts.push(post(&codes, 80)); // sostegno
    }

    Spec {
        code: "RMIC8PN00X",
        name: "Istituto Comprensivo Via delle Magnolie",
        istat: "058091", // Roma
        office_email: "segreteria@icmagnolie.scuola.example",
        office_phone: "06 0000 0001",
        pupils,
        classes,
        // The usual shape of a regional calendar (not copied from a decree); `Calendar::new`
        // checks every holiday falls inside the lesson period.
        calendar: CalendarDef {
            first: ymd(2025, 9, 15),
            last: ymd(2026, 6, 10),
            holidays: vec![
                (ymd(2025, 11, 1), ymd(2025, 11, 1), "Ognissanti"),
                (ymd(2025, 12, 8), ymd(2025, 12, 8), "Immacolata Concezione"),
                (ymd(2025, 12, 22), ymd(2026, 1, 6), "Vacanze di Natale"),
                (ymd(2026, 2, 16), ymd(2026, 2, 17), "Carnevale"),
                (ymd(2026, 4, 2), ymd(2026, 4, 7), "Vacanze di Pasqua"),
                (
                    ymd(2026, 4, 25),
                    ymd(2026, 4, 25),
                    "Festa della Liberazione",
                ),
                (ymd(2026, 5, 1), ymd(2026, 5, 1), "Festa del Lavoro"),
                (ymd(2026, 6, 2), ymd(2026, 6, 2), "Festa della Repubblica"),
            ],
        },
        posts,
        secretaries: 4,
        matricola: MatricolaStyle::Dash,
        late_enrolments: (pupils / 125).max(2),
        transfers: (pupils / 170).max(2),
        personalised: vec![("P4A", 726), ("S2C", 825)],
        long_spells: 2,
        // An istituto comprensivo, like seed 003's.
        policy: domain::attendance::presets::seed_003,
        suspensions: 3,
        strikes: vec![(ymd(2025, 11, 14), 6, vec![Ordine::PrimoGrado])],
    }
}

/// The liceo: three classes, a six-day week, its own calendar (ending on a Saturday, with
/// Bologna's patron saint's day), so the two schools' lesson days differ.
pub(super) fn liceo_spec() -> Spec {
    let classes = vec![
        Class {
            code: "1A".into(),
            ordine: Ordine::SecondoGrado,
            grade: 1,
            hours: [5, 4, 5, 4, 5, 4],
            weight: 18,
        },
        Class {
            code: "2A".into(),
            ordine: Ordine::SecondoGrado,
            grade: 2,
            hours: [5, 4, 5, 4, 5, 4],
            weight: 17,
        },
        Class {
            code: "3A".into(),
            ordine: Ordine::SecondoGrado,
            grade: 3,
            hours: [5, 5, 5, 5, 5, 5],
            weight: 16,
        },
    ];
    let posts = [
        &[0usize, 1][..], // italiano e latino, biennio
        &[2],             // italiano e latino, triennio
        &[0, 1, 2],       // matematica e fisica
        &[0, 1, 2],       // inglese
        &[2],             // storia e filosofia
        &[0, 1, 2],       // scienze naturali
        &[0, 1, 2],       // disegno e storia dell'arte
        &[0, 1, 2],       // scienze motorie
        &[0, 1, 2],       // religione cattolica
    ]
    .iter()
    .map(|c| Post {
        classes: c.to_vec(),
        female_percent: 65,
    })
    .collect();
    Spec {
        code: "BOPS05000X",
        name: "Liceo Scientifico dei Colli",
        istat: "037006", // Bologna
        office_email: "segreteria@liceodeicolli.scuola.example",
        office_phone: "051 0000 002",
        pupils: 50,
        classes,
        calendar: CalendarDef {
            first: ymd(2025, 9, 15),
            last: ymd(2026, 6, 6),
            holidays: vec![
                (
                    ymd(2025, 10, 4),
                    ymd(2025, 10, 4),
                    "San Petronio, patrono di Bologna",
                ),
                (ymd(2025, 11, 1), ymd(2025, 11, 1), "Ognissanti"),
                (ymd(2025, 12, 8), ymd(2025, 12, 8), "Immacolata Concezione"),
                (ymd(2025, 12, 24), ymd(2026, 1, 6), "Vacanze di Natale"),
                (ymd(2026, 4, 2), ymd(2026, 4, 7), "Vacanze di Pasqua"),
                (
                    ymd(2026, 4, 25),
                    ymd(2026, 4, 25),
                    "Festa della Liberazione",
                ),
                (ymd(2026, 5, 1), ymd(2026, 5, 1), "Festa del Lavoro"),
                (ymd(2026, 6, 2), ymd(2026, 6, 2), "Festa della Repubblica"),
            ],
        },
        posts,
        secretaries: 1,
        matricola: MatricolaStyle::Slash,
        late_enrolments: 1,
        transfers: 1,
        personalised: vec![],
        long_spells: 1,
        // Seed 004's rules: suspensions count, derogations leave the annual hours.
        policy: domain::attendance::presets::seed_004,
        suspensions: 1,
        strikes: vec![
            (ymd(2025, 10, 17), 40, vec![Ordine::SecondoGrado]),
            (ymd(2026, 3, 6), 30, vec![Ordine::SecondoGrado]),
        ],
    }
}
