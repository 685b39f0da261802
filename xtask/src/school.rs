//! The demo schools: deterministic CSV exports of a school register in the formats of
//! `docs/imports.md`, and the demo identities the local OpenID Connect provider signs in as.
//!
//! Two schools for the year 2025/26, so tests can check that one school's staff never see the
//! other's data:
//! - an *Istituto Comprensivo* in Roma: 25 classes of primaria (27 h, or 40 h *tempo pieno* in
//!   sections C and D) and 20 of secondaria di primo grado (30 h on five or six days, 36 h *tempo
//!   prolungato* in section G), about a thousand pupils;
//! - a small *liceo scientifico* in Bologna: three classes, about fifty pupils.
//!
//! The files are written the way school offices produce them, so the importer meets the formats
//! it will meet: `alunni` in Windows-1252 with `;` and CRLF (Excel on Italian Windows),
//! `personale` in UTF-8 with a BOM and `;` (Excel's "CSV UTF-8"), `tutori` in UTF-8 with `,` and
//! quoted cells, the others in UTF-8 with `;`; headers as people type them (`Data iscrizione`,
//! `Ore lunedì`).
//!
//! People are invented: common Italian first names and surnames (and those of a few of the
//! largest foreign communities) combined at random. Their codici fiscali follow the real rule
//! (letters from the names, date and sex, the real *codice catastale* of the place of birth from
//! `data/comuni.csv` or of a foreign state, omocodia on a clash, the check character). Every
//! random choice comes from a SplitMix64 stream of the one seed: the same options write the same
//! bytes.

use crate::reference::read_csv;
use crate::seed::Rng;
use crate::Result;
use chrono::{Datelike, NaiveDate};
use domain::attendance::{Calendar, DateRange, LessonWeeks, Policy, TimetableProfile};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The seed of the demo schools: tests regenerate the same files to know what to expect.
pub const DEMO_SCHOOL_SEED: u64 = 0x5C40_2025_2026_0001;

/// The day `cargo xtask dev` and the tests treat as today (the worker's `PONTE_TODAY`): a Friday
/// in March of the demo year, with two thirds of the year behind it, so dashboards have a pace to
/// forecast from and the last three months hold Law 159 cases.
pub const DEMO_TODAY: &str = "2026-03-20";

/// What to generate.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// Pupils of the large school (the liceo always has about fifty).
    pub pupils: usize,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            pupils: 1000,
            seed: DEMO_SCHOOL_SEED,
        }
    }
}

/// One generated school.
#[derive(Debug, Clone)]
pub struct DemoSchool {
    /// Codice meccanografico (invented).
    pub code: String,
    pub name: String,
    /// ISTAT code of the comune.
    pub comune: String,
    /// The directory of its six CSV files.
    pub dir: PathBuf,
    /// Its attendance policy (registered with the school).
    pub policy: Policy,
}

/// What [`write_demo`] wrote.
#[derive(Debug, Clone)]
pub struct Demo {
    pub schools: Vec<DemoSchool>,
    /// `identities.json`: the people a tester signs in as.
    pub identities: PathBuf,
}

/// The names of the six files, in import order.
pub const FILES: [&str; 6] = [
    "classi",
    "calendario",
    "alunni",
    "tutori",
    "personale",
    "assenze",
];

/// Writes `out/<code>/{classi,calendario,alunni,tutori,personale,assenze}.csv` for both schools
/// and `out/identities.json`.
pub fn write_demo(out: &Path, opts: &DemoOptions) -> Result<Demo> {
    let places = Places::load()?;
    let mut used = BTreeSet::new();
    let big = generate_school(ic_spec(opts.pupils), 1, opts.seed, &places, &mut used)?;
    let small = generate_school(liceo_spec(), 2, opts.seed, &places, &mut used)?;
    let identities = pick_identities(&big, &small, opts.seed, &places, &mut used);

    let mut schools = Vec::new();
    for s in [&big, &small] {
        let dir = out.join(s.spec.code);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for (name, bytes) in s.files()? {
            let path = dir.join(format!("{name}.csv"));
            std::fs::write(&path, bytes)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        schools.push(DemoSchool {
            code: s.spec.code.to_owned(),
            name: s.spec.name.to_owned(),
            comune: s.spec.istat.to_owned(),
            dir,
            policy: (s.spec.policy)().map_err(|e| e.message)?,
        });
    }
    let path = out.join("identities.json");
    let mut json = serde_json::to_string_pretty(&identities)
        .map_err(|e| format!("cannot serialise the identities: {e}"))?;
    json.push('\n');
    std::fs::write(&path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(Demo {
        schools,
        identities: path,
    })
}

// ---------------------------------------------------------------------------------------------
// Names and places

#[rustfmt::skip]
const BOYS: &[&str] = &[
    "Leonardo", "Francesco", "Alessandro", "Lorenzo", "Mattia", "Tommaso", "Gabriele", "Andrea",
    "Riccardo", "Edoardo", "Matteo", "Giuseppe", "Antonio", "Federico", "Diego", "Pietro",
    "Giovanni", "Filippo", "Samuele", "Davide", "Christian", "Nicolò", "Niccolò", "Marco", "Luca",
    "Giulio", "Elia", "Gioele", "Daniele", "Michele", "Simone", "Emanuele", "Alessio", "Giacomo",
    "Enea", "Thomas", "Manuel", "Salvatore", "Vincenzo", "Raffaele", "Jacopo", "Achille", "Ettore",
    "Noè", "Brando", "Gian Marco", "Valerio", "Cesare",
];
#[rustfmt::skip]
const GIRLS: &[&str] = &[
    "Sofia", "Giulia", "Aurora", "Alice", "Ginevra", "Emma", "Giorgia", "Greta", "Beatrice", "Anna",
    "Vittoria", "Martina", "Chiara", "Sara", "Matilde", "Noemi", "Ludovica", "Nicole", "Gaia",
    "Arianna", "Elisa", "Rebecca", "Camilla", "Bianca", "Francesca", "Viola", "Elena", "Marta",
    "Benedetta", "Asia", "Maria Chiara", "Anna Sofia", "Ilaria", "Irene", "Caterina", "Margherita",
    "Carlotta", "Azzurra", "Mia", "Adele", "Diletta", "Zoe", "Alessia", "Agata",
];
#[rustfmt::skip]
const MEN: &[&str] = &[
    "Marco", "Andrea", "Luca", "Alessandro", "Giuseppe", "Francesco", "Roberto", "Stefano", "Paolo",
    "Davide", "Simone", "Massimo", "Fabio", "Antonio", "Daniele", "Matteo", "Giovanni", "Emanuele",
    "Cristiano", "Alberto", "Claudio", "Federico", "Gianluca", "Nicola", "Riccardo", "Salvatore",
    "Vincenzo", "Fabrizio", "Maurizio", "Luigi", "Pierpaolo", "Domenico", "Raffaele", "Mirko",
    "Valerio", "Enrico", "Gianni", "Carlo", "Sergio", "Dario",
];
#[rustfmt::skip]
const WOMEN: &[&str] = &[
    "Francesca", "Valentina", "Chiara", "Sara", "Laura", "Silvia", "Elena", "Federica", "Giulia",
    "Alessandra", "Martina", "Paola", "Roberta", "Simona", "Monica", "Barbara", "Elisa", "Cristina",
    "Daniela", "Serena", "Claudia", "Ilaria", "Michela", "Manuela", "Anna", "Maria Grazia",
    "Annalisa", "Stefania", "Lucia", "Veronica", "Erica", "Valeria", "Giovanna", "Rossella",
    "Antonella", "Emanuela", "Patrizia", "Cinzia", "Luisa", "Teresa",
];
#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
    "Greco", "Bruno", "Gallo", "Costa", "Giordano", "Mancini", "Rizzo", "Lombardi", "Moretti",
    "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini",
    "Leone", "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola",
    "De Santis", "D'Angelo", "Marchetti", "Parisi", "Villa", "Ferraro", "Ferri", "Fabbri", "Bianco",
    "Marini", "Grasso", "Valentini", "Messina", "Sala", "De Luca", "Gatti", "Pellegrini", "Palumbo",
    "Sanna", "Farina", "Rizzi", "Monti", "Cattaneo", "Morelli", "Amato", "Silvestri", "Mazza",
    "Testa", "Grassi", "Pellegrino", "Carbone", "Giuliani", "Benedetti", "Barone", "Rossetti",
    "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi", "Martino", "Fiore", "De Rosa",
    "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras", "Vitali", "Battaglia", "Sartori",
    "Neri", "Costantini", "Milani", "Pagano", "Ruggiero", "Sorrentino", "D'Amico", "Orlando",
    "Bassi", "Valente", "Giannini", "Negri", "Cirillo", "Di Stefano", "La Rosa", "Lo Russo",
    "Dell'Acqua", "Di Giacomo", "D'Ambrosio", "De Angelis", "Sciarra", "Tedeschi", "Mele",
    "Zanetti", "Cocco", "Marras", "Fadda", "Serafini", "Porcu", "Pace", "D'Errico", "Salvi",
    "Colonna", "Leonardi", "Marchi", "Proietti", "Tozzi", "Ciampa", "D'Alò", "Lucà", "Cantù",
    "Pellè", "Nicolò", "Dell'Orto", "Lo Iacono",
];
/// Surnames with an accent or an apostrophe: the first family of each school takes one, so
/// every `alunni` file has letters that only Windows-1252 (not ASCII) can hold.
const MARKED_SURNAMES: &[&str] = &["D'Alò", "Lucà", "Cantù", "Pellè", "Nicolò"];

/// One of the larger foreign communities in Italian schools: its state's codice catastale and
/// common names (without letters Windows-1252 lacks).
struct Community {
    state: &'static str,
    surnames: &'static [&'static str],
    male: &'static [&'static str],
    female: &'static [&'static str],
}

const COMMUNITIES: &[Community] = &[
    Community {
        state: "Z129", // Romania
        surnames: &[
            "Popescu",
            "Ionescu",
            "Dumitru",
            "Stan",
            "Munteanu",
            "Constantin",
        ],
        male: &["Andrei", "Mihai", "Alexandru", "Stefan", "Gabriel", "Ionut"],
        female: &["Elena", "Ioana", "Andreea", "Maria", "Bianca", "Alina"],
    },
    Community {
        state: "Z100", // Albania
        surnames: &["Shehu", "Gjoka", "Leka", "Basha", "Dervishi", "Kola"],
        male: &["Ardit", "Klevis", "Erion", "Endri", "Arben", "Kristian"],
        female: &["Elira", "Klea", "Anisa", "Sara", "Ema", "Dorina"],
    },
    Community {
        state: "Z330", // Marocco
        surnames: &[
            "El Amrani",
            "Benali",
            "Bouzid",
            "El Idrissi",
            "Haddad",
            "Tahiri",
        ],
        male: &["Youssef", "Adam", "Amine", "Rayan", "Omar", "Karim"],
        female: &["Yasmine", "Salma", "Malak", "Aya", "Nadia", "Samira"],
    },
    Community {
        state: "Z210", // Cina
        surnames: &["Chen", "Wang", "Zhang", "Liu", "Hu", "Zhou"],
        male: &["Wei", "Hao", "Jun", "Leo", "Bin", "Tao"],
        female: &["Mei", "Lin", "Yi", "Xin", "Jing", "Yan"],
    },
    Community {
        state: "Z216", // Filippine
        surnames: &["Reyes", "Santos", "Cruz", "Mendoza", "Garcia", "Bautista"],
        male: &["Mark", "John Paul", "Angelo", "Jerome", "Carlo", "Ryan"],
        female: &[
            "Kristine", "Jasmine", "Angel", "Mary Joy", "Camille", "Rose",
        ],
    },
    Community {
        state: "Z611", // Perù
        surnames: &["Quispe", "Flores", "Rojas", "Huaman", "Vargas", "Torres"],
        male: &["José", "Luis", "Carlos", "Jorge", "Miguel", "Diego"],
        female: &["Rosa", "Milagros", "Lucía", "Carmen", "Jessica", "Gloria"],
    },
    Community {
        state: "Z138", // Ucraina
        surnames: &[
            "Kovalenko",
            "Shevchenko",
            "Bondarenko",
            "Tkachenko",
            "Melnyk",
            "Boyko",
        ],
        male: &["Danylo", "Maksym", "Artem", "Oleksandr", "Dmytro", "Bohdan"],
        female: &["Sofiia", "Anastasiia", "Daryna", "Oksana", "Iryna", "Olena"],
    },
];

/// Codici catastali of places of birth: the school's comune, its province, the whole country.
struct Places {
    by_istat: BTreeMap<String, (String, String)>,
    by_province: BTreeMap<String, Vec<String>>,
    italy: Vec<String>,
}

/// The places of birth around one school.
struct Around<'a> {
    home: &'a str,
    province: &'a [String],
    italy: &'a [String],
}

impl Places {
    fn load() -> Result<Self> {
        let mut by_istat = BTreeMap::new();
        let mut by_province: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut italy = Vec::new();
        for r in read_csv("comuni.csv")? {
            let (Some(istat), Some(prov), Some(cad)) = (r.first(), r.get(2), r.get(6)) else {
                continue;
            };
            if cad.len() != 4 {
                continue;
            }
            by_istat.insert(istat.clone(), (cad.clone(), prov.clone()));
            by_province
                .entry(prov.clone())
                .or_default()
                .push(cad.clone());
            italy.push(cad.clone());
        }
        Ok(Places {
            by_istat,
            by_province,
            italy,
        })
    }

    fn around(&self, istat: &str) -> Result<Around<'_>> {
        let (home, prov) = self
            .by_istat
            .get(istat)
            .ok_or_else(|| format!("comune {istat} not in data/comuni.csv"))?;
        Ok(Around {
            home,
            province: self.by_province.get(prov).map(Vec::as_slice).unwrap_or(&[]),
            italy: &self.italy,
        })
    }
}

impl Around<'_> {
    /// Where someone living near the school was born: mostly the comune itself.
    fn birthplace(&self, rng: &mut Rng, home_percent: usize) -> String {
        let r = rng.below(100);
        if r < home_percent || self.province.is_empty() {
            self.home.to_owned()
        } else if r < home_percent + (100 - home_percent) / 2 {
            rng.pick(self.province).clone()
        } else {
            rng.pick(self.italy).clone()
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Codice fiscale

const CF_MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
const CF_ODD: [u8; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];
const CF_OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";
/// Digit positions, right to left: the order in which omocodia replaces them.
const CF_DIGITS_FROM_RIGHT: [usize; 7] = [14, 13, 12, 10, 9, 7, 6];

/// The letters of a name without accents, apostrophes or spaces, in upper case.
fn cf_letters(s: &str) -> Vec<u8> {
    s.chars()
        .filter_map(|c| {
            let base = match c {
                'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' => 'A',
                'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' => 'E',
                'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' => 'I',
                'ò' | 'ó' | 'ô' | 'ö' | 'Ò' | 'Ó' => 'O',
                'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' => 'U',
                c if c.is_ascii_alphabetic() => c.to_ascii_uppercase(),
                _ => return None,
            };
            Some(base as u8)
        })
        .collect()
}

/// Three letters from a surname (`first_name` false) or a first name: consonants, then vowels,
/// then `X`; a first name with four or more consonants takes the first, third and fourth.
fn cf_name_part(s: &str, first_name: bool) -> String {
    let letters = cf_letters(s);
    let is_vowel = |b: &u8| matches!(b, b'A' | b'E' | b'I' | b'O' | b'U');
    let cons: Vec<u8> = letters.iter().copied().filter(|b| !is_vowel(b)).collect();
    let vows: Vec<u8> = letters.iter().copied().filter(is_vowel).collect();
    let picked: Vec<u8> = if first_name && cons.len() >= 4 {
        vec![cons[0], cons[2], cons[3]]
    } else {
        cons.into_iter()
            .chain(vows)
            .chain(std::iter::repeat(b'X'))
            .take(3)
            .collect()
    };
    String::from_utf8_lossy(&picked).into_owned()
}

fn cf_check(first15: &[u8]) -> u8 {
    let sum: u32 = first15
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let index = if b.is_ascii_digit() {
                b - b'0'
            } else {
                b - b'A'
            };
            u32::from(if i % 2 == 0 {
                CF_ODD[usize::from(index)]
            } else {
                index
            })
        })
        .sum();
    b'A' + (sum % 26) as u8
}

/// The codice fiscale of an invented person, unique among `used` (omocodia on a clash, as the
/// Agenzia delle Entrate does).
fn codice_fiscale(
    cognome: &str,
    nome: &str,
    female: bool,
    born: NaiveDate,
    place: &str,
    used: &mut BTreeSet<String>,
) -> String {
    let day = born.day() + if female { 40 } else { 0 };
    let stem = format!(
        "{}{}{:02}{}{:02}{}",
        cf_name_part(cognome, false),
        cf_name_part(nome, true),
        born.year().rem_euclid(100),
        CF_MONTHS[born.month0() as usize] as char,
        day,
        place
    );
    let mut b = stem.into_bytes();
    for round in 0..=CF_DIGITS_FROM_RIGHT.len() {
        if round > 0 {
            let pos = CF_DIGITS_FROM_RIGHT[round - 1];
            if b[pos].is_ascii_digit() {
                b[pos] = CF_OMOCODIA[usize::from(b[pos] - b'0')];
            }
        }
        let mut code = b.clone();
        code.push(cf_check(&b));
        let code = String::from_utf8_lossy(&code).into_owned();
        if used.insert(code.clone()) {
            return code;
        }
    }
    // Eight people with the same name, day and place: not with these pools.
    String::from_utf8_lossy(&b).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Schools

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ordine {
    Primaria,
    PrimoGrado,
    SecondoGrado,
}

impl Ordine {
    fn as_str(self) -> &'static str {
        match self {
            Ordine::Primaria => "primaria",
            Ordine::PrimoGrado => "secondaria di primo grado",
            Ordine::SecondoGrado => "secondaria di secondo grado",
        }
    }
    /// Years of school before the first class of this order.
    fn offset(self) -> u32 {
        match self {
            Ordine::Primaria => 0,
            Ordine::PrimoGrado => 5,
            Ordine::SecondoGrado => 8,
        }
    }
}

struct Class {
    code: String,
    ordine: Ordine,
    grade: u32,
    /// Monday … Saturday.
    hours: [u32; 6],
    /// Relative size.
    weight: usize,
}

impl Class {
    /// Years of school including this one (1 = first of primaria).
    fn year(&self) -> u32 {
        self.ordine.offset() + self.grade
    }
}

struct CalendarDef {
    first: NaiveDate,
    last: NaiveDate,
    holidays: Vec<(NaiveDate, NaiveDate, &'static str)>,
}

impl CalendarDef {
    fn calendar(&self) -> Result<Calendar> {
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
struct Post {
    classes: Vec<usize>,
    female_percent: usize,
}

/// How pupils of an order miss lessons (means of the per-pupil counts over a whole year).
struct Habits {
    late: u32,
    deferred: u32,
    early_exit: u32,
    trips: (usize, usize),
}

fn habits(o: Ordine) -> Habits {
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

enum MatricolaStyle {
    /// `2025-0001`.
    Dash,
    /// `2023/0017`.
    Slash,
}

struct Spec {
    code: &'static str,
    name: &'static str,
    istat: &'static str,
    pupils: usize,
    classes: Vec<Class>,
    calendar: CalendarDef,
    posts: Vec<Post>,
    secretaries: usize,
    matricola: MatricolaStyle,
    late_enrolments: usize,
    transfers: usize,
    /// (class, annual hours set by the class council).
    personalised: Vec<(&'static str, u32)>,
    long_spells: usize,
    /// The school's attendance policy: a preset of `domain`.
    policy: fn() -> std::result::Result<Policy, domain::FieldError>,
    suspensions: usize,
    /// Days of a students' strike or collective abstention, with the share of pupils (in the
    /// orders listed) who stayed away.
    strikes: Vec<(NaiveDate, usize, Vec<Ordine>)>,
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn class_index(classes: &[Class], code: &str) -> usize {
    classes.iter().position(|c| c.code == code).unwrap_or(0)
}

/// The Istituto Comprensivo.
fn ic_spec(pupils: usize) -> Spec {
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
fn liceo_spec() -> Spec {
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

// ---------------------------------------------------------------------------------------------
// People

#[derive(Debug, Clone)]
struct Person {
    cognome: String,
    nome: String,
    cf: String,
}

struct Pupil {
    person: Person,
    /// The register may not have the code yet (a pupil just arrived from abroad).
    cf_known: bool,
    class: usize,
    family: usize,
    matricola: String,
    start: Option<NaiveDate>,
    /// Transfers: absence hours at the previous school, as written (`23,5`).
    transfer_hours: Option<String>,
    personalised: Option<u32>,
    long_spell: bool,
    suspension: Option<Kind>,
    /// Percent of absences the family justifies.
    justifies: usize,
}

struct Family {
    guardians: Vec<Person>,
    children: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Docente,
    Segreteria,
    Dirigente,
}

impl Role {
    fn as_str(self) -> &'static str {
        match self {
            Role::Docente => "docente",
            Role::Segreteria => "segreteria",
            Role::Dirigente => "dirigente",
        }
    }
}

struct Staff {
    person: Person,
    role: Role,
    classes: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Assenza,
    Ritardo,
    IngressoPosticipato,
    UscitaAnticipata,
    Astensione,
    UscitaDidatticaNonPartecipata,
    Sospensione,
    SospensioneConObbligo,
    AttivitaScolastica,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Assenza => "assenza",
            Kind::Ritardo => "ritardo",
            Kind::IngressoPosticipato => "ingresso_posticipato",
            Kind::UscitaAnticipata => "uscita_anticipata",
            Kind::Astensione => "astensione",
            Kind::UscitaDidatticaNonPartecipata => "uscita_didattica_non_partecipata",
            Kind::Sospensione => "sospensione",
            Kind::SospensioneConObbligo => "sospensione_con_obbligo",
            Kind::AttivitaScolastica => "attivita_scolastica",
        }
    }

    /// Whether the family justifies it (the school decides suspensions and activities).
    fn family_justifies(self) -> bool {
        !matches!(
            self,
            Kind::Sospensione | Kind::SospensioneConObbligo | Kind::AttivitaScolastica
        )
    }
}

#[derive(Debug, Clone, Copy)]
enum Amount {
    None,
    /// Written in `ore` (whole or half hours).
    Hours(u32),
    /// Written in `minuti`.
    Minutes(u32),
}

struct Event {
    day: u16,
    pupil: u32,
    kind: Kind,
    amount: Amount,
    justified: bool,
}

struct School {
    spec: Spec,
    pupils: Vec<Pupil>,
    families: Vec<Family>,
    staff: Vec<Staff>,
    events: Vec<Event>,
    days: Vec<NaiveDate>,
}

/// A stream of random numbers for one purpose of one school, independent of the others (a change
/// in how absences are drawn does not rename the pupils).
fn stream(seed: u64, school: u64, purpose: u64) -> Rng {
    let mut r = Rng::new(seed ^ (school << 56) ^ purpose.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    r.next_u64();
    r
}

fn shuffle<T>(rng: &mut Rng, v: &mut [T]) {
    for i in (1..v.len()).rev() {
        let j = rng.below(i + 1);
        v.swap(i, j);
    }
}

/// Percent `p` of the time.
fn pct(rng: &mut Rng, p: usize) -> bool {
    rng.below(100) < p
}

/// A count with mean `mean`, most values small and a long tail (geometric).
fn geometric(rng: &mut Rng, mean: u32, cap: u32) -> u32 {
    let p_milli = (1000 * mean / (mean + 1)) as usize;
    let mut n = 0;
    while n < cap && rng.below(1000) < p_milli {
        n += 1;
    }
    n
}

fn birthday(rng: &mut Rng, year: i32, first_day: u32, days: u32) -> NaiveDate {
    let ordinal = first_day + rng.below(days as usize) as u32;
    NaiveDate::from_yo_opt(year, ordinal.min(365)).unwrap_or_default()
}

/// Class sizes: each class's weight, give or take two, scaled to `total` (largest remainder).
fn class_sizes(rng: &mut Rng, classes: &[Class], total: usize) -> Vec<usize> {
    let weights: Vec<usize> = classes
        .iter()
        .map(|c| c.weight + rng.below(5) - 2)
        .collect();
    let sum: usize = weights.iter().sum::<usize>().max(1);
    let mut sizes: Vec<usize> = weights.iter().map(|w| total * w / sum).collect();
    let mut order: Vec<usize> = (0..classes.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(total * weights[i] % sum), i));
    let short = total - sizes.iter().sum::<usize>();
    for &i in order.iter().cycle().take(short) {
        sizes[i] += 1;
    }
    sizes
}

/// Groups the pupils' places into families: most have one child at the school, some two or
/// three, never two in the same year.
fn group_siblings(rng: &mut Rng, classes: &[Class], sizes: &[usize]) -> Vec<Vec<usize>> {
    let mut buckets: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (i, c) in classes.iter().enumerate() {
        buckets
            .entry(c.year())
            .or_default()
            .extend(std::iter::repeat_n(i, sizes[i]));
    }
    for b in buckets.values_mut() {
        shuffle(rng, b);
    }
    let mut families = Vec::new();
    loop {
        let open: Vec<u32> = buckets
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(&k, _)| k)
            .collect();
        let remaining: usize = buckets.values().map(Vec::len).sum();
        if remaining == 0 {
            break;
        }
        let r = rng.below(100);
        let want = if r < 76 {
            1
        } else if r < 95 {
            2
        } else {
            3
        };
        // The first child: a year in proportion to the places left, so the years drain evenly.
        let mut target = rng.below(remaining);
        let mut first = open[0];
        for &k in &open {
            let n = buckets[&k].len();
            if target < n {
                first = k;
                break;
            }
            target -= n;
        }
        let mut years = vec![first];
        let mut others: Vec<u32> = open.iter().copied().filter(|&k| k != first).collect();
        shuffle(rng, &mut others);
        years.extend(others.into_iter().take(want - 1));
        let family = years
            .iter()
            .filter_map(|k| buckets.get_mut(k).and_then(Vec::pop))
            .collect();
        families.push(family);
    }
    families
}

/// The days of a school's year and, for each class, which of them are its lesson days (as
/// indices into `days`), as `attendance::Calendar` decides.
struct SchoolYear {
    days: Vec<NaiveDate>,
    lessons: Vec<Vec<u16>>,
}

impl SchoolYear {
    fn new(spec: &Spec) -> Result<Self> {
        let calendar = spec.calendar.calendar()?;
        let days: Vec<NaiveDate> = calendar
            .first_lesson_day()
            .iter_days()
            .take_while(|d| *d <= calendar.last_lesson_day())
            .collect();
        let mut lessons = Vec::new();
        for c in &spec.classes {
            let profile = TimetableProfile::from_days(c.hours).map_err(|e| e.message)?;
            lessons.push(
                (0..days.len())
                    .filter(|&i| calendar.is_lesson_day(days[i], &profile))
                    .map(|i| i as u16)
                    .collect(),
            );
        }
        Ok(SchoolYear { days, lessons })
    }

    fn date(&self, day: u16) -> NaiveDate {
        self.days[usize::from(day)]
    }
}

fn generate_school(
    spec: Spec,
    school_no: u64,
    seed: u64,
    places: &Places,
    used: &mut BTreeSet<String>,
) -> Result<School> {
    let around = places.around(spec.istat)?;
    let year = SchoolYear::new(&spec)?;
    let mut rng = stream(seed, school_no, 1);
    let sizes = class_sizes(&mut rng, &spec.classes, spec.pupils);
    let groups = group_siblings(&mut rng, &spec.classes, &sizes);
    let mut pupils = Vec::new();
    let mut families = Vec::new();
    for (f, group) in groups.iter().enumerate() {
        let family = make_family(&mut rng, &spec, f, group, &around, &mut pupils, used);
        families.push(family);
    }
    mark_special_pupils(
        &mut stream(seed, school_no, 2),
        &spec,
        &year,
        &families,
        &mut pupils,
    );
    number_pupils(&mut rng, &spec, &mut pupils);
    let pupils = register_order(pupils, &mut families);
    let staff = make_staff(&mut stream(seed, school_no, 3), &spec, &around, used);
    let events = absences(&mut stream(seed, school_no, 4), &spec, &year, &pupils);
    Ok(School {
        spec,
        pupils,
        families,
        staff,
        events,
        days: year.days,
    })
}

/// One family: its guardians (both parents, or one) and its children, the places `group` gave
/// them, pushed onto `pupils`. About one family in ten comes from a foreign community.
fn make_family(
    rng: &mut Rng,
    spec: &Spec,
    f: usize,
    group: &[usize],
    around: &Around,
    pupils: &mut Vec<Pupil>,
    used: &mut BTreeSet<String>,
) -> Family {
    let community = if pct(rng, 10) {
        Some(rng.pick(COMMUNITIES))
    } else {
        None
    };
    let surname = |rng: &mut Rng| -> String {
        match community {
            Some(c) => rng.pick(c.surnames).to_string(),
            None => rng.pick(SURNAMES).to_string(),
        }
    };
    let family_surname = if f == 0 {
        rng.pick(MARKED_SURNAMES).to_string()
    } else {
        surname(rng)
    };
    let oldest_year = group
        .iter()
        .map(|&c| spec.classes[c].year())
        .max()
        .unwrap_or(1);
    // Born in 2019 for the first year of primaria, a year earlier for each year above.
    let oldest_born = 2020 - oldest_year as i32;
    let mother_born = oldest_born - 25 - rng.below(17) as i32;
    let father_born = mother_born - 6 + rng.below(9) as i32;
    let (has_father, has_mother) = match rng.below(100) {
        0..82 => (true, true),
        82..95 => (false, true),
        _ => (true, false),
    };
    let adult_place = |rng: &mut Rng| match community {
        Some(c) => c.state.to_owned(),
        None => around.birthplace(rng, 60),
    };
    let mut guardians = Vec::new();
    if has_father {
        let nome = rng.pick(community.map_or(MEN, |c| c.male)).to_string();
        let born = birthday(rng, father_born, 1, 365);
        let place = adult_place(rng);
        let cf = codice_fiscale(&family_surname, &nome, false, born, &place, used);
        guardians.push(Person {
            cognome: family_surname.clone(),
            nome,
            cf,
        });
    }
    if has_mother {
        let mut cognome = surname(rng);
        while cognome == family_surname {
            cognome = surname(rng);
        }
        let nome = rng.pick(community.map_or(WOMEN, |c| c.female)).to_string();
        let born = birthday(rng, mother_born, 1, 365);
        let place = adult_place(rng);
        let cf = codice_fiscale(&cognome, &nome, true, born, &place, used);
        guardians.push(Person { cognome, nome, cf });
    }
    // Children take the father's surname; with the mother alone, hers or the absent father's.
    let children_surname = if has_father || f == 0 || pct(rng, 50) {
        family_surname
    } else {
        guardians[0].cognome.clone()
    };
    let justifies = if pct(rng, 80) { 85 } else { 45 };
    let mut children = Vec::new();
    let mut names_taken: Vec<String> = Vec::new();
    for &c in group {
        let class = &spec.classes[c];
        let female = pct(rng, 49);
        let mut nome = String::new();
        for _ in 0..10 {
            let pool: &[&str] = match (community, female) {
                (Some(comm), true) if pct(rng, 50) => comm.female,
                (Some(comm), false) if pct(rng, 50) => comm.male,
                (_, true) => GIRLS,
                (_, false) => BOYS,
            };
            nome = rng.pick(pool).to_string();
            if !names_taken.contains(&nome) {
                break;
            }
        }
        names_taken.push(nome.clone());
        let year = 2020 - class.year() as i32;
        let born = if class.year() == 1 && pct(rng, 8) {
            // Anticipatari: born January to April of the next year.
            birthday(rng, year + 1, 1, 120)
        } else if class.year() > 5 && pct(rng, 3) {
            // Repeated a year.
            birthday(rng, year - 1, 1, 365)
        } else {
            birthday(rng, year, 1, 365)
        };
        let place = match community {
            Some(comm) if pct(rng, 25) => comm.state.to_owned(),
            _ => around.birthplace(rng, 90),
        };
        let cf = codice_fiscale(&children_surname, &nome, female, born, &place, used);
        children.push(pupils.len());
        pupils.push(Pupil {
            person: Person {
                cognome: children_surname.clone(),
                nome,
                cf,
            },
            cf_known: true,
            class: c,
            family: f,
            matricola: String::new(),
            start: None,
            transfer_hours: None,
            personalised: None,
            long_spell: false,
            suspension: None,
            justifies,
        });
    }
    Family {
        guardians,
        children,
    }
}

/// The pupils the checks need: late enrolments (one still without a codice fiscale), transfers
/// with the previous school's hours, personalised annual hours, long unjustified spells (one in
/// primaria and one in secondaria when the school has both) and suspensions. All of them only
/// children, so a guardian's view of one of them is not mixed with a sibling's.
fn mark_special_pupils(
    rng: &mut Rng,
    spec: &Spec,
    year: &SchoolYear,
    families: &[Family],
    pupils: &mut [Pupil],
) {
    let mut singles: Vec<usize> = (0..pupils.len())
        .filter(|&p| families[pupils[p].family].children.len() == 1)
        .collect();
    shuffle(rng, &mut singles);
    let mut singles = singles.into_iter();
    for k in 0..spec.late_enrolments + spec.transfers {
        let Some(p) = singles.next() else { break };
        // A lesson day from October to the end of February.
        let window: Vec<u16> = year.lessons[pupils[p].class]
            .iter()
            .copied()
            .filter(|&d| (ymd(2025, 10, 1)..=ymd(2026, 2, 28)).contains(&year.date(d)))
            .collect();
        if window.is_empty() {
            continue;
        }
        let pupil = &mut pupils[p];
        pupil.start = Some(year.date(*rng.pick(&window)));
        if k >= spec.late_enrolments {
            let half_hours = 4 + rng.below(60);
            pupil.transfer_hours = Some(if half_hours.is_multiple_of(2) {
                (half_hours / 2).to_string()
            } else {
                format!("{},5", half_hours / 2)
            });
        } else if k == 0 {
            // Just arrived from abroad: the office is still waiting for the codice fiscale.
            pupil.cf_known = false;
        }
    }
    let mut full_year: Vec<usize> = singles.filter(|&p| pupils[p].start.is_none()).collect();
    for &(code, hours) in &spec.personalised {
        let class = class_index(&spec.classes, code);
        if let Some(i) = full_year.iter().position(|&p| pupils[p].class == class) {
            pupils[full_year.remove(i)].personalised = Some(hours);
        }
    }
    let mut full_year = full_year.into_iter();
    let mut ordini_done = BTreeSet::new();
    for p in full_year.by_ref() {
        if ordini_done.len() == spec.long_spells {
            break;
        }
        if ordini_done.insert(spec.classes[pupils[p].class].ordine) {
            pupils[p].long_spell = true;
        }
    }
    // Suspensions: secondaria from the second year; the last one with the obligation to attend.
    let mut suspended = 0;
    for p in full_year {
        if suspended > spec.suspensions {
            break;
        }
        let class = &spec.classes[pupils[p].class];
        if class.ordine == Ordine::Primaria
            || (class.ordine == Ordine::PrimoGrado && class.grade == 1)
        {
            continue;
        }
        pupils[p].suspension = Some(if suspended == spec.suspensions {
            Kind::SospensioneConObbligo
        } else {
            Kind::Sospensione
        });
        suspended += 1;
    }
}

/// Matricole: the year of enrolment at this school and a number in order of arrival.
fn number_pupils(rng: &mut Rng, spec: &Spec, pupils: &mut [Pupil]) {
    let mut order: Vec<usize> = (0..pupils.len()).collect();
    shuffle(rng, &mut order);
    let mut next: BTreeMap<i32, u32> = BTreeMap::new();
    for p in order {
        let year = match pupils[p].start {
            Some(_) => 2025,
            None => 2026 - spec.classes[pupils[p].class].grade as i32,
        };
        let n = next.entry(year).or_insert(0);
        *n += 1;
        pupils[p].matricola = match spec.matricola {
            MatricolaStyle::Dash => format!("{year}-{n:04}"),
            MatricolaStyle::Slash => format!("{year}/{n:04}"),
        };
    }
}

/// The pupils in the register's order (class, surname, name), with the families' indices
/// following them.
fn register_order(pupils: Vec<Pupil>, families: &mut [Family]) -> Vec<Pupil> {
    let mut sorted: Vec<(usize, Pupil)> = pupils.into_iter().enumerate().collect();
    sorted.sort_by(|(_, a), (_, b)| {
        (a.class, &a.person.cognome, &a.person.nome, &a.matricola).cmp(&(
            b.class,
            &b.person.cognome,
            &b.person.nome,
            &b.matricola,
        ))
    });
    let mut new_index = vec![0; sorted.len()];
    for (new, (old, _)) in sorted.iter().enumerate() {
        new_index[*old] = new;
    }
    for f in families {
        for c in &mut f.children {
            *c = new_index[*c];
        }
        f.children.sort_unstable();
    }
    sorted.into_iter().map(|(_, p)| p).collect()
}

/// The head teacher, the secretaries and a teacher for each post; teachers in alphabetical
/// order, as registers list them.
fn make_staff(
    rng: &mut Rng,
    spec: &Spec,
    around: &Around,
    used: &mut BTreeSet<String>,
) -> Vec<Staff> {
    let adult = |rng: &mut Rng, female_percent: usize, used: &mut BTreeSet<String>| {
        let female = pct(rng, female_percent);
        let cognome = rng.pick(SURNAMES).to_string();
        let nome = rng.pick(if female { WOMEN } else { MEN }).to_string();
        let year = 1962 + rng.below(34) as i32;
        let born = birthday(rng, year, 1, 365);
        let place = around.birthplace(rng, 40);
        let cf = codice_fiscale(&cognome, &nome, female, born, &place, used);
        Person { cognome, nome, cf }
    };
    let mut staff = vec![Staff {
        person: adult(rng, 70, used),
        role: Role::Dirigente,
        classes: vec![],
    }];
    for _ in 0..spec.secretaries {
        staff.push(Staff {
            person: adult(rng, 80, used),
            role: Role::Segreteria,
            classes: vec![],
        });
    }
    let mut teachers: Vec<Staff> = spec
        .posts
        .iter()
        .map(|post| {
            let mut classes = post.classes.clone();
            classes.sort_unstable();
            classes.dedup();
            Staff {
                person: adult(rng, post.female_percent, used),
                role: Role::Docente,
                classes,
            }
        })
        .collect();
    teachers.sort_by(|a, b| {
        (&a.person.cognome, &a.person.nome).cmp(&(&b.person.cognome, &b.person.nome))
    });
    staff.extend(teachers);
    staff
}

// ---------------------------------------------------------------------------------------------
// Absences

const WHOLE: u8 = 1;
const LATE: u8 = 2;
const DEFERRED: u8 = 4;
const EXIT: u8 = 8;

/// How likely (per mille) an illness starts on a day of this month: winter is worse.
fn season(d: NaiveDate) -> usize {
    match d.month() {
        9 => 400,
        10 => 650,
        11 => 850,
        12 => 900,
        1 => 1000,
        2 => 950,
        3 => 800,
        4 | 5 => 600,
        _ => 350,
    }
}

/// A year of register events for every pupil: illnesses in spells (more in winter), late
/// arrivals, later entries and early exits, class trips, a strike, a few suspensions, and a
/// couple of long unjustified absences for Law 159/2023 to find. Only on the pupil's lesson days
/// from the day they arrived; never two events of one kind on one day, never a part-day event on
/// a day of whole-day absence, never part-day events that add up to the whole day.
fn absences(rng: &mut Rng, spec: &Spec, year: &SchoolYear, pupils: &[Pupil]) -> Vec<Event> {
    let (days, lessons) = (&year.days, &year.lessons);
    // Class trips and outings: days from October to May.
    let trips: Vec<Vec<u16>> = spec
        .classes
        .iter()
        .enumerate()
        .map(|(c, class)| {
            let (lo, hi) = habits(class.ordine).trips;
            let mut pool: Vec<u16> = lessons[c]
                .iter()
                .copied()
                .filter(|&d| {
                    let m = year.date(d).month();
                    (10..=12).contains(&m) || (1..=5).contains(&m)
                })
                .collect();
            shuffle(rng, &mut pool);
            pool.truncate(lo + rng.below(hi - lo + 1));
            pool.sort_unstable();
            pool
        })
        .collect();
    let mut events = Vec::new();
    let mut state = vec![0u8; days.len()];
    for (pi, pupil) in pupils.iter().enumerate() {
        state.fill(0);
        let class = &spec.classes[pupil.class];
        let habit = habits(class.ordine);
        let all = &lessons[pupil.class];
        let from = pupil
            .start
            .map_or(0, |s| all.partition_point(|&d| year.date(d) < s));
        let mine = &all[from..];
        if mine.is_empty() {
            continue;
        }
        // Counts below are for a whole year; a pupil who arrived later has fewer.
        let scale = |n: u32| (n as usize * mine.len() / all.len().max(1)) as u32;
        let minutes = |d: u16| {
            let wd = year.date(d).weekday().num_days_from_monday() as usize;
            class.hours.get(wd).copied().unwrap_or(0) * 60
        };
        let mut push = |state: &mut [u8], d: u16, kind: Kind, amount: Amount, justified: bool| {
            state[usize::from(d)] |= match kind {
                Kind::Ritardo => LATE,
                Kind::IngressoPosticipato => DEFERRED,
                Kind::UscitaAnticipata => EXIT,
                _ => WHOLE,
            };
            events.push(Event {
                day: d,
                pupil: pi as u32,
                kind,
                amount,
                justified: justified && kind.family_justifies(),
            });
        };
        let justifies = pupil.justifies;

        // Law 159/2023: weeks away in the winter, never justified.
        if pupil.long_spell {
            let start = mine.partition_point(|&d| year.date(d) < ymd(2026, 1, 12)) + rng.below(15);
            let len = 18 + rng.below(5);
            for &d in mine.iter().skip(start).take(len) {
                push(&mut state, d, Kind::Assenza, Amount::None, false);
            }
        }
        if let Some(kind) = pupil.suspension {
            let start = mine.partition_point(|&d| year.date(d) < ymd(2026, 2, 2)) + rng.below(30);
            let len = 1 + rng.below(3);
            for &d in mine.iter().skip(start).take(len) {
                if state[usize::from(d)] == 0 {
                    push(&mut state, d, kind, Amount::None, false);
                }
            }
        }
        for &d in &trips[pupil.class] {
            if d < mine[0] || state[usize::from(d)] != 0 {
                continue;
            }
            let r = rng.below(100);
            let j = pct(rng, justifies);
            if r < 88 {
                push(&mut state, d, Kind::AttivitaScolastica, Amount::None, false);
            } else if r < 96 {
                push(
                    &mut state,
                    d,
                    Kind::UscitaDidatticaNonPartecipata,
                    Amount::None,
                    j,
                );
            } else {
                push(&mut state, d, Kind::Assenza, Amount::None, j);
            }
        }
        for (date, share, ordini) in &spec.strikes {
            if !ordini.contains(&class.ordine) || !pct(rng, *share) {
                continue;
            }
            if let Ok(i) = mine.binary_search_by(|&d| year.date(d).cmp(date)) {
                let d = mine[i];
                if state[usize::from(d)] == 0 {
                    let j = pct(rng, 50);
                    push(&mut state, d, Kind::Astensione, Amount::None, j);
                }
            }
        }

        // Whole days: most pupils 5–15, a thinning tail to 34, one in a hundred about 40–50,
        // which with their part days takes them near or past a quarter of the year.
        let r = rng.below(1000);
        let whole = if pupil.long_spell {
            3 + rng.below(8)
        } else if r < 90 {
            rng.below(5)
        } else if r < 820 {
            5 + rng.below(11)
        } else if r < 990 {
            16 + rng.below(19).min(rng.below(19))
        } else {
            38 + rng.below(13)
        };
        let whole = scale(whole as u32) as usize;
        let (mut placed, mut tries) = (0, 0);
        while placed < whole && tries < 40 * whole + 100 {
            tries += 1;
            let p = rng.below(mine.len());
            let d = mine[p];
            if state[usize::from(d)] != 0 || rng.below(1000) >= season(year.date(d)) {
                continue;
            }
            let len = match rng.below(100) {
                0..45 => 1,
                45..70 => 2,
                70..85 => 3,
                85..93 => 4,
                _ => 5,
            }
            .min(whole - placed);
            let j = pct(rng, justifies);
            for &d in mine.iter().skip(p).take(len) {
                if state[usize::from(d)] != 0 {
                    break;
                }
                push(&mut state, d, Kind::Assenza, Amount::None, j);
                placed += 1;
            }
        }
        // School activities of a few pupils (sport, orchestra, projects).
        if pct(rng, 25) {
            for _ in 0..1 + rng.below(4) {
                let d = *rng.pick(mine);
                if state[usize::from(d)] == 0 {
                    push(&mut state, d, Kind::AttivitaScolastica, Amount::None, false);
                }
            }
        }

        // Part days: a punctual third, a chronically late tenth.
        let lateness = match rng.below(100) {
            0..30 => 1,
            30..90 => 3,
            _ => 9,
        };
        let late = scale(geometric(rng, habit.late * lateness / 3, 80));
        let deferred = scale(geometric(rng, habit.deferred, 40));
        let exits = scale(geometric(rng, habit.early_exit, 40));
        let plan = [
            (Kind::Ritardo, late, WHOLE | LATE | DEFERRED),
            (
                Kind::IngressoPosticipato,
                deferred,
                WHOLE | LATE | DEFERRED | EXIT,
            ),
            (Kind::UscitaAnticipata, exits, WHOLE | DEFERRED | EXIT),
        ];
        for (kind, count, blocked) in plan {
            for _ in 0..count {
                let Some(d) = (0..40)
                    .map(|_| *rng.pick(mine))
                    .find(|&d| state[usize::from(d)] & blocked == 0)
                else {
                    continue;
                };
                let day = minutes(d);
                let amount = match kind {
                    Kind::Ritardo => {
                        Amount::Minutes(*rng.pick(&[5, 10, 10, 10, 15, 15, 20, 20, 30, 40, 50]))
                    }
                    Kind::IngressoPosticipato => Amount::Hours(match rng.below(100) {
                        0..70 => 60,
                        70..95 => 120,
                        _ => 90,
                    }),
                    _ => Amount::Hours(match rng.below(100) {
                        0..50 => 60,
                        50..85 => 120,
                        85..95 => 180,
                        _ => 90,
                    }),
                };
                // A late arrival (under an hour) and an exit never fill a day of four hours.
                let amount = match amount {
                    Amount::Hours(m) if m + 60 >= day => Amount::Hours(60),
                    a => a,
                };
                let j = pct(rng, justifies.saturating_sub(8));
                push(&mut state, d, kind, amount, j);
            }
        }
    }
    events.sort_by_key(|e| (e.day, e.pupil, e.kind));
    events
}

// ---------------------------------------------------------------------------------------------
// Files

/// One CSV line. Cells holding the separator, a quote or a line break are quoted, as are those
/// `also_quote` picks.
fn csv_line(cells: &[&str], sep: char, eol: &str, also_quote: fn(&str) -> bool) -> String {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            line.push(sep);
        }
        if cell.contains([sep, '"', '\n', '\r']) || also_quote(cell) {
            line.push('"');
            line.push_str(&cell.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(cell);
        }
    }
    line.push_str(eol);
    line
}

fn never(_: &str) -> bool {
    false
}

/// What some spreadsheet exports do: quote every text cell with a space or an apostrophe.
fn spaced(cell: &str) -> bool {
    cell.contains([' ', '\''])
}

/// Windows-1252 bytes of `s`: what Excel on Italian Windows saves as "CSV (delimitato dal
/// separatore di elenco)".
fn windows_1252(s: &str) -> Result<Vec<u8>> {
    s.chars()
        .map(|c| match c as u32 {
            n @ (0..=0x7F | 0xA0..=0xFF) => Ok(n as u8),
            _ => WIN1252_HIGH
                .iter()
                .position(|&h| h == c)
                .map(|i| 0x80 + i as u8)
                .ok_or_else(|| format!("{c:?} has no Windows-1252 byte")),
        })
        .collect()
}

/// Windows-1252 bytes 0x80–0x9F (undefined ones as NUL: never produced).
const WIN1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

fn it_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn hours_text(minutes: u32) -> String {
    if minutes.is_multiple_of(60) {
        (minutes / 60).to_string()
    } else {
        format!("{},5", minutes / 60)
    }
}

impl School {
    fn class_list(&self, classes: &[usize]) -> String {
        classes
            .iter()
            .map(|&c| self.spec.classes[c].code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The six files, in import order, as bytes.
    fn files(&self) -> Result<Vec<(&'static str, Vec<u8>)>> {
        let classi = {
            let mut s = csv_line(
                &[
                    "Classe",
                    "Ordine",
                    "Ore settimanali",
                    "Ore lunedì",
                    "Ore martedì",
                    "Ore mercoledì",
                    "Ore giovedì",
                    "Ore venerdì",
                    "Ore sabato",
                ],
                ';',
                "\n",
                never,
            );
            for c in &self.spec.classes {
                let h: Vec<String> = c.hours.iter().map(u32::to_string).collect();
                let weekly = c.hours.iter().sum::<u32>().to_string();
                let mut cells = vec![c.code.as_str(), c.ordine.as_str(), weekly.as_str()];
                cells.extend(h.iter().map(String::as_str));
                s.push_str(&csv_line(&cells, ';', "\n", never));
            }
            s.into_bytes()
        };
        let calendario = {
            let cal = &self.spec.calendar;
            let mut s = csv_line(&["tipo", "dal", "al", "descrizione"], ';', "\n", never);
            s.push_str(&csv_line(
                &[
                    "lezioni",
                    &it_date(cal.first),
                    &it_date(cal.last),
                    "Anno scolastico 2025/26",
                ],
                ';',
                "\n",
                never,
            ));
            for &(a, b, what) in &cal.holidays {
                let to = if a == b { String::new() } else { it_date(b) };
                s.push_str(&csv_line(
                    &["vacanza", &it_date(a), &to, what],
                    ';',
                    "\n",
                    never,
                ));
            }
            s.into_bytes()
        };
        let alunni = {
            let mut s = csv_line(
                &[
                    "Matricola",
                    "Cognome",
                    "Nome",
                    "Classe",
                    "Codice fiscale",
                    "Data iscrizione",
                    "Ore assenza provenienza",
                    "Monte ore personalizzato",
                ],
                ';',
                "\r\n",
                never,
            );
            for p in &self.pupils {
                let start = p.start.map(it_date).unwrap_or_default();
                let personalised = p.personalised.map(|h| h.to_string()).unwrap_or_default();
                s.push_str(&csv_line(
                    &[
                        &p.matricola,
                        &p.person.cognome,
                        &p.person.nome,
                        &self.spec.classes[p.class].code,
                        if p.cf_known { &p.person.cf } else { "" },
                        &start,
                        p.transfer_hours.as_deref().unwrap_or(""),
                        &personalised,
                    ],
                    ';',
                    "\r\n",
                    never,
                ));
            }
            windows_1252(&s)?
        };
        let tutori = {
            let mut s = csv_line(
                &["codice_fiscale", "cognome", "nome", "matricola"],
                ',',
                "\n",
                never,
            );
            for p in &self.pupils {
                for g in &self.families[p.family].guardians {
                    s.push_str(&csv_line(
                        &[&g.cf, &g.cognome, &g.nome, &p.matricola],
                        ',',
                        "\n",
                        spaced,
                    ));
                }
            }
            s.into_bytes()
        };
        let personale = {
            let mut s = String::from('\u{feff}');
            s.push_str(&csv_line(
                &["Codice fiscale", "Cognome", "Nome", "Ruolo", "Classi"],
                ';',
                "\r\n",
                never,
            ));
            for m in &self.staff {
                s.push_str(&csv_line(
                    &[
                        &m.person.cf,
                        &m.person.cognome,
                        &m.person.nome,
                        m.role.as_str(),
                        &self.class_list(&m.classes),
                    ],
                    ';',
                    "\r\n",
                    never,
                ));
            }
            s.into_bytes()
        };
        let assenze = {
            let mut s = String::with_capacity(self.events.len() * 40);
            s.push_str(&csv_line(
                &["matricola", "data", "tipo", "ore", "minuti", "giustificata"],
                ';',
                "\n",
                never,
            ));
            for e in &self.events {
                let (ore, minuti) = match e.amount {
                    Amount::None => (String::new(), String::new()),
                    Amount::Hours(m) => (hours_text(m), String::new()),
                    Amount::Minutes(m) => (String::new(), m.to_string()),
                };
                let giustificata = if !e.kind.family_justifies() {
                    ""
                } else if e.justified {
                    "sì"
                } else {
                    "no"
                };
                let date = self.days[usize::from(e.day)].format("%Y-%m-%d").to_string();
                s.push_str(&csv_line(
                    &[
                        &self.pupils[e.pupil as usize].matricola,
                        &date,
                        e.kind.as_str(),
                        &ore,
                        &minuti,
                        giustificata,
                    ],
                    ';',
                    "\n",
                    never,
                ));
            }
            s.into_bytes()
        };
        Ok(vec![
            ("classi", classi),
            ("calendario", calendario),
            ("alunni", alunni),
            ("tutori", tutori),
            ("personale", personale),
            ("assenze", assenze),
        ])
    }
}

// ---------------------------------------------------------------------------------------------
// Identities

/// A person the local OpenID Connect provider offers at sign-in.
#[derive(Debug, Clone, Serialize)]
struct Identity {
    cf: String,
    given_name: String,
    family_name: String,
    label: String,
}

impl Identity {
    fn new(p: &Person, label: String) -> Self {
        Identity {
            cf: p.cf.clone(),
            given_name: p.nome.clone(),
            family_name: p.cognome.clone(),
            label,
        }
    }
}

fn docente<'a>(s: &'a School, pred: &dyn Fn(&Staff) -> bool) -> Option<&'a Staff> {
    s.staff.iter().find(|m| m.role == Role::Docente && pred(m))
}

fn role(s: &School, r: Role) -> Option<&Staff> {
    s.staff.iter().find(|m| m.role == r)
}

/// The demo people: chosen from the generated data by fixed rules, so the same seed picks the
/// same people, each with a label a tester can pick by its visible text.
fn pick_identities(
    big: &School,
    small: &School,
    seed: u64,
    places: &Places,
    used: &mut BTreeSet<String>,
) -> Vec<Identity> {
    let mut out: Vec<Identity> = Vec::new();
    // Families already picked: each identity is a different person.
    let mut taken: BTreeSet<usize> = BTreeSet::new();
    let classes_of = |s: &School, f: &Family| -> Vec<usize> {
        let mut c: Vec<usize> = f.children.iter().map(|&p| s.pupils[p].class).collect();
        c.sort_unstable();
        c
    };
    let mut parent = |pred: &dyn Fn(&Family) -> bool, what: &str| {
        let found = big
            .families
            .iter()
            .enumerate()
            .find(|(i, f)| !taken.contains(i) && !f.guardians.is_empty() && pred(f));
        let (i, f) = found?;
        taken.insert(i);
        let classes = big.class_list(&classes_of(big, f));
        let label = format!("{what} ({classes})");
        out.push(Identity::new(&f.guardians[0], label));
        Some(i)
    };
    let p3b = class_index(&big.spec.classes, "P3B");
    let in_order = |f: &Family, o: Ordine| {
        f.children
            .iter()
            .any(|&p| big.spec.classes[big.pupils[p].class].ordine == o)
    };
    parent(
        &|f| f.children.len() == 1 && big.pupils[f.children[0]].class == p3b,
        "Genitore di un alunno",
    );
    // Unjustified absences before the demo's "today", per pupil: the family portal's tests
    // justify a few of them (each test run starts from a fresh database).
    let today = NaiveDate::parse_from_str(DEMO_TODAY, "%Y-%m-%d").unwrap_or_default();
    let mut unjustified = vec![0u32; big.pupils.len()];
    for e in &big.events {
        let counted = !matches!(
            e.kind,
            Kind::AttivitaScolastica | Kind::SospensioneConObbligo
        );
        if !e.justified && counted && big.days[usize::from(e.day)] <= today {
            unjustified[e.pupil as usize] += 1;
        }
    }
    let two = parent(
        &|f| {
            f.children.len() == 2
                && in_order(f, Ordine::Primaria)
                && in_order(f, Ordine::PrimoGrado)
                && f.children.iter().all(|&p| unjustified[p] >= 6)
        },
        "Genitore di due alunni",
    );
    parent(&|f| f.children.len() == 3, "Genitore di tre alunni");
    parent(
        &|f| f.children.len() == 1 && big.pupils[f.children[0]].long_spell,
        "Genitore di un alunno con assenze prolungate",
    );
    parent(
        &|f| f.children.len() == 1 && big.pupils[f.children[0]].start.is_some(),
        "Genitore di un alunno arrivato in corso d'anno",
    );

    // Someone with a valid code found in no file.
    let mut rng = stream(seed, 9, 1);
    if let Ok(around) = places.around(big.spec.istat) {
        let cognome = rng.pick(SURNAMES).to_string();
        let nome = rng.pick(WOMEN).to_string();
        let born = birthday(&mut rng, 1984, 1, 365);
        let cf = codice_fiscale(&cognome, &nome, true, born, around.home, used);
        out.push(Identity::new(
            &Person { cognome, nome, cf },
            "Persona senza figli a scuola".to_owned(),
        ));
    }

    let primaria_only = |m: &Staff| {
        m.classes
            .iter()
            .all(|&c| big.spec.classes[c].ordine == Ordine::Primaria)
    };
    let p1 = [
        class_index(&big.spec.classes, "P1A"),
        class_index(&big.spec.classes, "P1B"),
    ];
    if let Some(m) = docente(big, &|m| m.classes == p1)
        .or_else(|| docente(big, &|m| m.classes.len() == 2 && primaria_only(m)))
    {
        let label = format!("Docente ({})", big.class_list(&m.classes));
        out.push(Identity::new(&m.person, label));
    }
    if let Some(m) = docente(big, &|m| {
        m.classes.len() == 3
            && m.classes
                .iter()
                .all(|&c| big.spec.classes[c].ordine == Ordine::PrimoGrado)
    }) {
        let label = format!("Docente di secondaria ({})", big.class_list(&m.classes));
        out.push(Identity::new(&m.person, label));
    }
    // A teacher of the primary class of the parent of two: the family portal's tests have the
    // teacher decide that family's justifications.
    let class_of_two = two.and_then(|i| {
        big.families[i]
            .children
            .iter()
            .map(|&p| big.pupils[p].class)
            .find(|&c| big.spec.classes[c].ordine == Ordine::Primaria)
    });
    if let Some(m) = class_of_two.and_then(|c| docente(big, &|m| m.classes.contains(&c))) {
        let label = format!(
            "Docente della classe del genitore di due alunni ({})",
            big.class_list(&m.classes)
        );
        out.push(Identity::new(&m.person, label));
    }
    if let Some(m) = role(big, Role::Segreteria) {
        out.push(Identity::new(&m.person, "Segreteria".to_owned()));
    }
    if let Some(m) = role(big, Role::Dirigente) {
        out.push(Identity::new(&m.person, "Dirigente scolastico".to_owned()));
    }

    let liceo = small.spec.name;
    if let Some(m) = role(small, Role::Segreteria) {
        out.push(Identity::new(&m.person, format!("Segreteria — {liceo}")));
    }
    if let Some(m) = docente(small, &|m| m.classes.len() == small.spec.classes.len()) {
        let label = format!("Docente — {liceo} ({})", small.class_list(&m.classes));
        out.push(Identity::new(&m.person, label));
    }
    if let Some(f) = small
        .families
        .iter()
        .find(|f| f.children.len() == 1 && !f.guardians.is_empty())
    {
        let c = small.pupils[f.children[0]].class;
        let label = format!(
            "Genitore di un alunno — {liceo} ({})",
            small.class_list(&[c])
        );
        out.push(Identity::new(&f.guardians[0], label));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::identity::CodiceFiscale;
    use std::sync::OnceLock;

    /// A scratch directory under target/, emptied first.
    fn scratch(name: &str) -> PathBuf {
        let dir = crate::paths::target().join("school-tests").join(name);
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    /// The default demo, generated once for the tests that only read it.
    fn demo() -> &'static Demo {
        static DEMO: OnceLock<Demo> = OnceLock::new();
        DEMO.get_or_init(|| write_demo(&scratch("shared"), &DemoOptions::default()).unwrap())
    }

    /// A parsed file: header names normalised as docs/imports.md says, one map per row.
    struct Rows {
        text: String,
        rows: Vec<BTreeMap<String, String>>,
    }

    fn normalise_header(h: &str) -> String {
        h.trim()
            .to_lowercase()
            .replace(['à', 'á'], "a")
            .replace(['è', 'é'], "e")
            .replace(['ì', 'í'], "i")
            .replace(['ò', 'ó'], "o")
            .replace(['ù', 'ú'], "u")
            .replace([' ', '-'], "_")
    }

    fn read(dir: &Path, name: &str) -> Rows {
        let bytes = std::fs::read(dir.join(format!("{name}.csv"))).unwrap();
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let text = match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(_) => bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => WIN1252_HIGH[usize::from(b - 0x80)],
                    b => char::from(b),
                })
                .collect(),
        };
        let header = text.lines().next().unwrap();
        let sep = if header.contains(';') { b';' } else { b',' };
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(sep)
            .from_reader(text.as_bytes());
        let names: Vec<String> = rdr
            .headers()
            .unwrap()
            .iter()
            .map(normalise_header)
            .collect();
        let rows = rdr
            .records()
            .map(|r| {
                let r = r.unwrap();
                names
                    .iter()
                    .cloned()
                    .zip(r.iter().map(|c| c.trim().to_owned()))
                    .collect()
            })
            .collect();
        Rows { text, rows }
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%d/%m/%Y")
            .or_else(|_| NaiveDate::parse_from_str(s, "%Y-%m-%d"))
            .unwrap()
    }

    fn dir_of<'a>(demo: &'a Demo, code: &str) -> &'a Path {
        &demo.schools.iter().find(|s| s.code == code).unwrap().dir
    }

    #[test]
    fn codice_fiscale_follows_the_rule() {
        let mut used = BTreeSet::new();
        // The Agenzia delle Entrate's textbook example (not a person).
        let cf = codice_fiscale(
            "Rossi",
            "Mario",
            false,
            ymd(1985, 12, 10),
            "A562",
            &mut used,
        );
        assert_eq!(cf, "RSSMRA85T10A562S");
        // The same again: omocodia on the last digit, still valid.
        let again = codice_fiscale(
            "Rossi",
            "Mario",
            false,
            ymd(1985, 12, 10),
            "A562",
            &mut used,
        );
        assert_ne!(again, cf);
        assert!(CodiceFiscale::parse(&again).unwrap().is_omocode());
        assert_eq!(cf_name_part("D'Alò", false), "DLA");
        assert_eq!(cf_name_part("Maria Chiara", true), "MCH");
        assert_eq!(cf_name_part("Fo", false), "FOX");
        assert_eq!(cf_name_part("Niccolò", true), "NCL");
    }

    #[test]
    fn same_options_same_bytes() {
        let opts = DemoOptions {
            pupils: 300,
            seed: 42,
        };
        let (a, b) = (scratch("det-a"), scratch("det-b"));
        let da = write_demo(&a, &opts).unwrap();
        let db = write_demo(&b, &opts).unwrap();
        for (sa, sb) in da.schools.iter().zip(&db.schools) {
            for f in FILES {
                let fa = std::fs::read(sa.dir.join(format!("{f}.csv"))).unwrap();
                let fb = std::fs::read(sb.dir.join(format!("{f}.csv"))).unwrap();
                assert!(fa == fb, "{}/{f}.csv differs", sa.code);
            }
        }
        assert_eq!(
            std::fs::read(&da.identities).unwrap(),
            std::fs::read(&db.identities).unwrap()
        );
        // Another seed, other people.
        let c = scratch("det-c");
        let dc = write_demo(
            &c,
            &DemoOptions {
                pupils: 300,
                seed: 43,
            },
        )
        .unwrap();
        assert_ne!(
            std::fs::read(da.schools[0].dir.join("alunni.csv")).unwrap(),
            std::fs::read(dc.schools[0].dir.join("alunni.csv")).unwrap()
        );
        for d in [a, b, c] {
            let _ = std::fs::remove_dir_all(d);
        }
    }

    #[test]
    fn figures_are_realistic() {
        let demo = demo();
        assert_eq!(demo.schools.len(), 2);
        let big = &demo.schools[0].dir;
        let classi = read(big, "classi");
        assert_eq!(classi.rows.len(), 45);
        let primaria = classi
            .rows
            .iter()
            .filter(|r| r["ordine"] == "primaria")
            .count();
        assert_eq!(primaria, 25);
        let alunni = read(big, "alunni");
        assert_eq!(alunni.rows.len(), 1000);
        let assenze = read(big, "assenze");
        let per_pupil = assenze.rows.len() as f64 / 1000.0;
        assert!(
            (40.0..=60.0).contains(&per_pupil),
            "{per_pupil} events per pupil"
        );
        // Whole days per pupil: most 5–15, a tail, a few near a quarter of the year.
        let mut days: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &assenze.rows {
            if r["tipo"] == "assenza" {
                *days.entry(r["matricola"].as_str()).or_default() += 1;
            }
        }
        let counts: Vec<usize> = alunni
            .rows
            .iter()
            .map(|r| days.get(r["matricola"].as_str()).copied().unwrap_or(0))
            .collect();
        let typical = counts.iter().filter(|&&n| (5..=15).contains(&n)).count();
        let tail = counts.iter().filter(|&&n| (20..=40).contains(&n)).count();
        let heavy = counts.iter().filter(|&&n| n > 40).count();
        assert!(typical > 500, "{typical}");
        assert!(tail > 60, "{tail}");
        assert!((5..=40).contains(&heavy), "{heavy}");
        // About 70 % of what families justify is justified.
        let answered: Vec<&str> = assenze
            .rows
            .iter()
            .map(|r| r["giustificata"].as_str())
            .filter(|g| !g.is_empty())
            .collect();
        let yes = answered.iter().filter(|&&g| g == "sì").count();
        let share = yes as f64 / answered.len() as f64;
        assert!((0.6..=0.8).contains(&share), "{share}");
        for kind in [
            "ritardo",
            "ingresso_posticipato",
            "uscita_anticipata",
            "astensione",
            "sospensione",
            "sospensione_con_obbligo",
            "attivita_scolastica",
            "uscita_didattica_non_partecipata",
        ] {
            assert!(assenze.rows.iter().any(|r| r["tipo"] == kind), "{kind}");
        }
        let alunni_rows = &alunni.rows;
        assert!(alunni_rows
            .iter()
            .any(|r| !r["ore_assenza_provenienza"].is_empty()));
        assert!(alunni_rows
            .iter()
            .any(|r| !r["data_iscrizione"].is_empty() && r["ore_assenza_provenienza"].is_empty()));
        assert_eq!(
            alunni_rows
                .iter()
                .filter(|r| !r["monte_ore_personalizzato"].is_empty())
                .count(),
            2
        );
        let personale = read(big, "personale");
        let role = |r: &str| personale.rows.iter().filter(|m| m["ruolo"] == r).count();
        assert!((80..=100).contains(&role("docente")), "{}", role("docente"));
        assert_eq!(role("segreteria"), 4);
        assert_eq!(role("dirigente"), 1);
        // Every class has several teachers.
        for c in &classi.rows {
            let n = personale
                .rows
                .iter()
                .filter(|m| m["classi"].split(", ").any(|x| x == c["classe"]))
                .count();
            assert!(n >= 3, "{}: {n} teachers", c["classe"]);
        }
        // Siblings: some guardians have two or three children, in different classes.
        let tutori = read(big, "tutori");
        let class_of: BTreeMap<&str, &str> = alunni_rows
            .iter()
            .map(|r| (r["matricola"].as_str(), r["classe"].as_str()))
            .collect();
        let mut children: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for r in &tutori.rows {
            children
                .entry(r["codice_fiscale"].as_str())
                .or_default()
                .push(class_of[r["matricola"].as_str()]);
        }
        assert!(children.values().any(|c| c.len() == 3));
        for c in children.values() {
            let distinct: BTreeSet<_> = c.iter().collect();
            assert_eq!(distinct.len(), c.len(), "siblings in one class: {c:?}");
        }
        let small = &demo.schools[1].dir;
        assert_eq!(read(small, "classi").rows.len(), 3);
        assert_eq!(read(small, "alunni").rows.len(), 50);
    }

    #[test]
    fn every_file_passes_the_import_rules() {
        use domain::import::{
            parse_calendar, parse_file, AbsenceRow, ClassRow, GuardianRow, ImportContext, PupilRow,
            StaffRow,
        };
        for s in &demo().schools {
            let read = |name: &str| std::fs::read(s.dir.join(format!("{name}.csv"))).unwrap();
            let any = ImportContext::format_only();
            let classes = parse_file::<ClassRow>(&read("classi"), &any);
            assert_eq!(classes.errors, vec![], "{} classi", s.code);
            assert!(
                parse_calendar(&read("calendario")).is_ok(),
                "{} calendario",
                s.code
            );
            let pupils = parse_file::<PupilRow>(&read("alunni"), &any);
            assert_eq!(pupils.errors, vec![], "{} alunni", s.code);
            let ctx = ImportContext::new(
                classes
                    .rows
                    .iter()
                    .map(|(_, c)| c.class.as_str().to_owned()),
                pupils
                    .rows
                    .iter()
                    .map(|(_, p)| p.matricola.as_str().to_owned()),
            );
            let pupils = parse_file::<PupilRow>(&read("alunni"), &ctx);
            assert_eq!(pupils.errors, vec![], "{} alunni with context", s.code);
            let guardians = parse_file::<GuardianRow>(&read("tutori"), &ctx);
            assert_eq!(guardians.errors, vec![], "{} tutori", s.code);
            let staff = parse_file::<StaffRow>(&read("personale"), &ctx);
            assert_eq!(staff.errors, vec![], "{} personale", s.code);
            let absences = parse_file::<AbsenceRow>(&read("assenze"), &ctx);
            assert_eq!(absences.errors, vec![], "{} assenze", s.code);
            assert!(!absences.rows.is_empty());
        }
    }

    #[test]
    fn files_have_the_encodings_offices_produce() {
        let dir = &demo().schools[0].dir;
        let alunni = std::fs::read(dir.join("alunni.csv")).unwrap();
        assert!(
            std::str::from_utf8(&alunni).is_err(),
            "alunni is Windows-1252"
        );
        assert!(alunni.windows(2).any(|w| w == b"\r\n"));
        let text = read(dir, "alunni").text;
        assert!(
            text.contains('ò') && text.contains('\''),
            "accents and apostrophes"
        );
        let personale = std::fs::read(dir.join("personale.csv")).unwrap();
        assert!(personale.starts_with(b"\xEF\xBB\xBFCodice fiscale;"));
        let tutori = std::fs::read_to_string(dir.join("tutori.csv")).unwrap();
        assert!(tutori.starts_with("codice_fiscale,cognome,nome,matricola\n"));
        assert!(tutori.contains(",\""), "a quoted cell");
    }

    #[test]
    fn every_codice_fiscale_is_valid_and_unique() {
        let demo = demo();
        let mut seen = BTreeSet::new();
        for s in &demo.schools {
            for (file, col) in [
                ("alunni", "codice_fiscale"),
                ("tutori", "codice_fiscale"),
                ("personale", "codice_fiscale"),
            ] {
                let rows = read(&s.dir, file).rows;
                let mut in_file = BTreeSet::new();
                for r in &rows {
                    let cf = &r[col];
                    if cf.is_empty() {
                        assert_eq!(file, "alunni");
                        continue;
                    }
                    CodiceFiscale::parse(cf).unwrap_or_else(|e| panic!("{cf}: {}", e.message));
                    // A guardian of two pupils has two rows; people are otherwise distinct.
                    if in_file.insert(cf.clone()) {
                        assert!(seen.insert(cf.clone()), "{cf} in two places");
                    }
                }
            }
        }
        assert!(seen.len() > 2000, "{}", seen.len());
    }

    #[test]
    fn absences_fall_on_the_pupils_lesson_days() {
        for s in &demo().schools {
            let (cal, profiles) = calendar_and_profiles(&s.dir);
            let pupils: BTreeMap<String, (TimetableProfile, Option<NaiveDate>)> =
                read(&s.dir, "alunni")
                    .rows
                    .iter()
                    .map(|r| {
                        let start =
                            (!r["data_iscrizione"].is_empty()).then(|| date(&r["data_iscrizione"]));
                        (r["matricola"].clone(), (profiles[&r["classe"]], start))
                    })
                    .collect();
            let mut keys = BTreeSet::new();
            let mut minutes: BTreeMap<(String, NaiveDate), u32> = BTreeMap::new();
            for r in read(&s.dir, "assenze").rows {
                let d = date(&r["data"]);
                let (profile, start) = &pupils[&r["matricola"]];
                assert!(cal.is_lesson_day(d, profile), "{} {d}", r["matricola"]);
                assert!(
                    start.is_none_or(|s| d >= s),
                    "{} {d} before arrival",
                    r["matricola"]
                );
                assert!(
                    keys.insert((r["matricola"].clone(), d, r["tipo"].clone())),
                    "duplicate {r:?}"
                );
                let part = match (r["ore"].as_str(), r["minuti"].as_str()) {
                    ("", "") => None,
                    (ore, "") => {
                        Some((ore.replace(',', ".").parse::<f64>().unwrap() * 60.0) as u32)
                    }
                    ("", m) => Some(m.parse::<u32>().unwrap()),
                    _ => panic!("both ore and minuti: {r:?}"),
                };
                let slot = minutes.entry((r["matricola"].clone(), d)).or_default();
                match part {
                    Some(m) => *slot += m,
                    // A whole-day record: nothing else that day.
                    None => *slot += 10_000,
                }
                let day_minutes = profile.hours_on(d.weekday()) * 60;
                assert!(
                    *slot < day_minutes || *slot == 10_000,
                    "{} {d}: {slot} of {day_minutes} minutes",
                    r["matricola"]
                );
            }
        }
    }

    /// The school's calendar and each class's profile, read back from the files.
    fn calendar_and_profiles(dir: &Path) -> (Calendar, BTreeMap<String, TimetableProfile>) {
        let cal_rows = read(dir, "calendario").rows;
        let lezioni = cal_rows.iter().find(|r| r["tipo"] == "lezioni").unwrap();
        let holidays = cal_rows
            .iter()
            .filter(|r| r["tipo"] == "vacanza")
            .map(|r| {
                let from = date(&r["dal"]);
                let to = if r["al"].is_empty() {
                    from
                } else {
                    date(&r["al"])
                };
                DateRange::new(from, to).unwrap()
            })
            .collect();
        let cal = Calendar::new(
            date(&lezioni["dal"]),
            date(&lezioni["al"]),
            holidays,
            LessonWeeks::DEFAULT,
        )
        .unwrap();
        let profiles = read(dir, "classi")
            .rows
            .iter()
            .map(|r| {
                let h = |k: &str| r[k].parse::<u32>().unwrap_or(0);
                let days = [
                    h("ore_lunedi"),
                    h("ore_martedi"),
                    h("ore_mercoledi"),
                    h("ore_giovedi"),
                    h("ore_venerdi"),
                    h("ore_sabato"),
                ];
                let p = TimetableProfile::from_days(days).unwrap();
                assert_eq!(p.weekly_hours().get(), h("ore_settimanali"));
                (r["classe"].clone(), p)
            })
            .collect();
        (cal, profiles)
    }

    #[test]
    fn law_159_finds_the_long_spells() {
        use domain::attendance::{law159, AbsenceEvent, AbsenceKind, Pupil, SchoolGrade};
        for (s, expected) in demo().schools.iter().zip([2, 1]) {
            let (cal, profiles) = calendar_and_profiles(&s.dir);
            let mut events: BTreeMap<String, Vec<AbsenceEvent>> = BTreeMap::new();
            for r in read(&s.dir, "assenze").rows {
                let kind = match r["tipo"].as_str() {
                    "assenza" => AbsenceKind::WholeDay,
                    "ritardo" => AbsenceKind::LateEntry,
                    "ingresso_posticipato" => AbsenceKind::DeferredEntry,
                    "uscita_anticipata" => AbsenceKind::EarlyExit,
                    "astensione" => AbsenceKind::Abstention,
                    "uscita_didattica_non_partecipata" => AbsenceKind::MissedSchoolTrip,
                    "sospensione" => AbsenceKind::SuspensionWithoutAttendance,
                    "sospensione_con_obbligo" => AbsenceKind::SuspensionWithAttendance,
                    _ => AbsenceKind::SchoolActivity,
                };
                let minutes = match (r["ore"].as_str(), r["minuti"].as_str()) {
                    ("", "") => None,
                    ("", m) => Some(m.parse().unwrap()),
                    (ore, _) => Some((ore.replace(',', ".").parse::<f64>().unwrap() * 60.0) as u32),
                };
                let e = AbsenceEvent::new(
                    date(&r["data"]),
                    kind,
                    minutes,
                    r["giustificata"] == "sì",
                    None,
                )
                .unwrap();
                events.entry(r["matricola"].clone()).or_default().push(e);
            }
            let mut flagged = 0;
            for r in read(&s.dir, "alunni").rows {
                let grade = if r["classe"].starts_with('P') {
                    SchoolGrade::Primaria
                } else if r["classe"].starts_with('S') {
                    SchoolGrade::SecondariaPrimoGrado
                } else {
                    SchoolGrade::SecondariaSecondoGrado
                };
                let pupil = Pupil::full_year(grade, profiles[&r["classe"]]);
                let mine = events
                    .get(&r["matricola"])
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                let report = law159::check(&cal, &pupil, mine, &[], cal.last_lesson_day());
                if !report.episodes.is_empty() {
                    flagged += 1;
                }
            }
            // The long spells, and now and then a pupil with many unjustified days anyway.
            assert!(
                (expected..=expected + 8).contains(&flagged),
                "{}: {flagged}",
                s.code
            );
        }
    }

    #[test]
    fn identities_are_who_their_labels_say() {
        let demo = demo();
        let ids: Vec<serde_json::Value> =
            serde_json::from_slice(&std::fs::read(&demo.identities).unwrap()).unwrap();
        assert!(ids.len() >= 10, "{}", ids.len());
        let labels: BTreeSet<&str> = ids.iter().map(|i| i["label"].as_str().unwrap()).collect();
        assert_eq!(labels.len(), ids.len(), "labels are unique");
        let big = dir_of(demo, "RMIC8PN00X");
        let small = dir_of(demo, "BOPS05000X");
        for id in &ids {
            let cf = id["cf"].as_str().unwrap();
            let label = id["label"].as_str().unwrap();
            CodiceFiscale::parse(cf).unwrap();
            let dir = if label.contains("Liceo") { small } else { big };
            let tutori = read(dir, "tutori").rows;
            let alunni = read(dir, "alunni").rows;
            let personale = read(dir, "personale").rows;
            let listed = label
                .rsplit_once('(')
                .map(|(_, l)| l.trim_end_matches(')').to_owned())
                .unwrap_or_default();
            let name_matches = |r: &BTreeMap<String, String>| {
                r["nome"] == id["given_name"].as_str().unwrap()
                    && r["cognome"] == id["family_name"].as_str().unwrap()
            };
            if label.starts_with("Genitore") {
                let mine: Vec<&BTreeMap<String, String>> = tutori
                    .iter()
                    .filter(|r| r["codice_fiscale"] == cf)
                    .collect();
                assert!(mine.iter().all(|r| name_matches(r)), "{label}");
                let mut classes: Vec<String> = mine
                    .iter()
                    .map(|r| {
                        alunni
                            .iter()
                            .find(|a| a["matricola"] == r["matricola"])
                            .unwrap()["classe"]
                            .clone()
                    })
                    .collect();
                classes.sort();
                let n = if label.contains("tre alunni") {
                    3
                } else if label.contains("due alunni") {
                    2
                } else {
                    1
                };
                assert_eq!(classes.len(), n, "{label}");
                assert_eq!(listed, classes.join(", "), "{label}");
            } else if label.starts_with("Docente") {
                let m = personale
                    .iter()
                    .find(|r| r["codice_fiscale"] == cf && r["ruolo"] == "docente")
                    .unwrap_or_else(|| panic!("{label}"));
                assert!(name_matches(m));
                assert_eq!(m["classi"], listed, "{label}");
            } else if label.starts_with("Segreteria") || label.starts_with("Dirigente") {
                let r = if label.starts_with("Segreteria") {
                    "segreteria"
                } else {
                    "dirigente"
                };
                assert!(
                    personale
                        .iter()
                        .any(|m| m["codice_fiscale"] == cf && m["ruolo"] == r && name_matches(m)),
                    "{label}"
                );
            } else {
                assert_eq!(label, "Persona senza figli a scuola");
                for s in &demo.schools {
                    for f in FILES {
                        assert!(!read(&s.dir, f).text.contains(cf), "{cf} in {f}");
                    }
                }
            }
        }
        for expected in [
            "Genitore di un alunno (P3B)",
            "Persona senza figli a scuola",
            "Docente (P1A, P1B)",
            "Segreteria",
            "Dirigente scolastico",
            "Segreteria — Liceo Scientifico dei Colli",
        ] {
            assert!(labels.contains(expected), "{expected}: {labels:?}");
        }
        assert!(labels
            .iter()
            .any(|l| l.starts_with("Genitore di due alunni (P")));
        assert!(labels
            .iter()
            .any(|l| l.starts_with("Genitore di tre alunni (")));
    }

    #[test]
    fn generation_is_quick() {
        let t = std::time::Instant::now();
        let dir = scratch("quick");
        write_demo(&dir, &DemoOptions::default()).unwrap();
        let _ = std::fs::remove_dir_all(dir);
        // Generous for a debug build on a busy machine; it takes a fraction of this.
        assert!(
            t.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            t.elapsed()
        );
    }
}
