//! Schools use the results (docs/design.md §4, "Schools use the results"): a school's staff
//! keep, for each class, a shortlist of the hosts they are considering, and download it or any
//! search of the register as CSV.
//!
//! - who may use a class's list: [`usable_classes`], from `session::Access::scope` (teachers
//!   their classes, the office and the head teacher every class of the roster);
//! - what a request names: [`ShortlistForm::parse`] (a class and a host) and [`Choice`] (the
//!   list being built on `/enti`, kept in a cookie);
//! - the answers: [`Shortlists`], [`ShortlistChange`];
//! - the CSV files: [`search_csv`] (any search, at most [`EXPORT_MAX_ROWS`] rows) and
//!   [`shortlist_csv`], written with [`crate::family::csv_row`] (formula-safe, `;`, CRLF) after a
//!   byte order mark, like the school's other exports.

use crate::error::FieldError;
use crate::family::csv_row;
use crate::hosts::{Contacts, Figure, HostSearch, HostSummary, Period};
use crate::import::ClassCode;
use crate::messages::Msg;
use crate::session::Scope;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The most rows a CSV of a search holds (the page says so beside the link): a whole region's
/// register fits, and the file stays a few megabytes.
pub const EXPORT_MAX_ROWS: u32 = 5_000;

/// The largest host id (JSON numbers carry integers exactly up to 2^53 − 1).
const MAX_HOST_ID: u64 = (1 << 53) - 1;

/// The cookie holding the list being built on `/enti` ([`Choice`]): a preference of the
/// browser, not a grant — every request is checked against the roster again.
pub const CHOICE_COOKIE: &str = "__Host-ponte-lista";

/// How long the browser keeps the choice: a working day.
pub const CHOICE_MAX_AGE_SECS: i64 = 12 * 3600;

/// The rows of a CSV are read this many at a time: each read is one JSON value built by
/// SQLite, which D1 caps at 2,000,000 bytes (a host's summary is a few hundred).
pub const EXPORT_CHUNK: u32 = 1_000;

/// The searches whose rows a CSV holds, in order: the same filters, from the first result, in
/// chunks of [`EXPORT_CHUNK`] up to [`EXPORT_MAX_ROWS`] (the page and page size of the request
/// do not matter). The reader stops at the first chunk that is not full.
pub fn export_searches(s: &HostSearch) -> Vec<HostSearch> {
    (1..=EXPORT_MAX_ROWS.div_ceil(EXPORT_CHUNK))
        .map(|page| HostSearch {
            page,
            per_page: EXPORT_CHUNK,
            ..s.clone()
        })
        .collect()
}

/// The classes whose lists a person with `scope` may use at a school whose roster has
/// `roster` (class codes): every one for the whole school, the person's own for a teacher; a
/// class no longer in the roster is nobody's. Sorted, each once.
pub fn usable_classes(scope: &Scope, roster: &[String]) -> Vec<String> {
    let mut out: Vec<String> = roster.iter().filter(|c| scope.covers(c)).cloned().collect();
    crate::sort::sort(&mut out);
    out.dedup();
    out
}

/// A host id given as text (a form field, or the JSON body's same field).
pub fn parse_host_id(field: &str, raw: &str) -> Result<u64, FieldError> {
    let raw = raw.trim();
    let bad = || {
        FieldError::invalid_says(
            field,
            Msg::WholeNumberRange,
            &[("min", &1), ("max", &MAX_HOST_ID)],
        )
    };
    if raw.is_empty() || raw.len() > 16 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    raw.parse::<u64>()
        .ok()
        .filter(|n| (1..=MAX_HOST_ID).contains(n))
        .ok_or_else(bad)
}

/// What adding to or removing from a list names: the class and the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortlistForm {
    pub class: ClassCode,
    pub host_id: u64,
}

impl ShortlistForm {
    /// The fields `class` and `host_id`; each bad one is an `invalid_field` naming it.
    pub fn parse(class: &str, host_id: &str) -> Result<Self, FieldError> {
        let class = ClassCode::parse(class).map_err(|e| rename(e, "class"))?;
        let host_id = parse_host_id("host_id", host_id)?;
        Ok(ShortlistForm { class, host_id })
    }
}

fn rename(mut e: FieldError, field: &str) -> FieldError {
    e.field = Some(field.to_owned());
    e
}

/// The list being built on `/enti`: a school and one of its classes. Written in the cookie as
/// `{school_id}-{class}` (a class code is letters and digits only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub school_id: i64,
    pub class: ClassCode,
}

impl Choice {
    /// `12-3A`; anything else is no choice.
    pub fn parse(raw: &str) -> Option<Choice> {
        let (school, class) = raw.split_once('-')?;
        let school_id = school
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0 && school.bytes().all(|b| b.is_ascii_digit()))?;
        let code = ClassCode::parse(class).ok()?;
        // Only the form the cookie is written in (letters upper case, nothing stripped).
        (code.as_str() == class).then_some(Choice {
            school_id,
            class: code,
        })
    }

    pub fn value(&self) -> String {
        format!("{}-{}", self.school_id, self.class.as_str())
    }
}

/// One host on a class's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ShortlistEntry {
    pub host_id: u64,
    /// The host's name now, or the one it had when it was added if it is no longer published.
    pub name: String,
    /// False when the host is no longer in the register: the entry stays, so the school sees
    /// what happened, until someone removes it.
    pub published: bool,
    /// What the search shows of the host (absent when it is no longer published).
    pub host: Option<HostSummary>,
    /// The contacts of its profile (absent when it is no longer published).
    pub contacts: Option<Contacts>,
    /// The name of who added it.
    pub added_by: String,
    /// Secondi dal 1970-01-01 UTC.
    pub added_at: i64,
}

/// One class's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ClassShortlist {
    pub class_code: String,
    /// Oldest first.
    pub items: Vec<ShortlistEntry>,
}

/// `GET /api/v1/schools/{id}/shortlists`: every class whose list the person may use, each with
/// its hosts (an empty list too).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Shortlists {
    pub school_id: i64,
    pub school: String,
    pub classes: Vec<ClassShortlist>,
}

/// The body of an addition or a removal (JSON or form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ShortlistBody {
    /// Il codice della classe (lettere e cifre, come nel file delle classi).
    pub class: String,
    /// Il numero dell'ente (come testo, come lo inviano i moduli).
    pub host_id: String,
    /// Solo per i moduli: la pagina a cui tornare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// What an addition or a removal left: whether the host is on the class's list now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ShortlistChange {
    pub school_id: i64,
    pub class_code: String,
    pub host_id: u64,
    pub listed: bool,
    /// Whether this request changed the list (false: it already was so).
    pub changed: bool,
}

/// A host of a search, with what a CSV row adds to the search's summary.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportHost {
    pub summary: HostSummary,
    pub region_name: String,
    /// The titles of its figures' codes (those not found are written as codes).
    pub figures: Vec<Figure>,
    pub contacts: Option<Contacts>,
}

/// "01/03/2026".
fn date_it(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// "dal 01/03/2026 al 31/05/2026; dal …".
fn periods_it(periods: &[Period]) -> String {
    periods
        .iter()
        .map(|p| format!("dal {} al {}", date_it(p.from), date_it(p.to)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn paths_it(s: &HostSummary) -> String {
    s.paths
        .iter()
        .map(|p| p.label())
        .collect::<Vec<_>>()
        .join("; ")
}

fn figures_it(s: &HostSummary, titles: &[Figure]) -> String {
    s.figures
        .iter()
        .map(|code| match titles.iter().find(|f| &f.code == code) {
            Some(f) => format!("{} {}", f.code, f.title),
            None => code.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn contact_cells(c: Option<&Contacts>) -> [String; 5] {
    let get =
        |f: fn(&Contacts) -> &Option<String>| c.and_then(|c| f(c).clone()).unwrap_or_default();
    [
        get(|c| &c.person_role),
        get(|c| &c.email),
        get(|c| &c.phone),
        get(|c| &c.pec),
        get(|c| &c.website),
    ]
}

/// The columns of a search's CSV.
pub const SEARCH_COLUMNS: [&str; 16] = [
    "Ente",
    "Tipo di soggetto",
    "Comune",
    "Provincia",
    "Regione",
    "Percorsi",
    "Studenti accolti",
    "Periodi",
    "Figure professionali (CP 2011)",
    "Settore (ATECO)",
    "Referente",
    "E-mail",
    "Telefono",
    "PEC",
    "Sito web",
    "Scheda su Ponte",
];

/// A search as a CSV file: a byte order mark (so a spreadsheet reads UTF-8), Italian column
/// names and values, one row a host; `origin` (`https://…`) makes each profile's link whole.
pub fn search_csv(hosts: &[ExportHost], origin: &str) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_row(&SEARCH_COLUMNS));
    for h in hosts {
        let s = &h.summary;
        let [role, email, phone, pec, website] = contact_cells(h.contacts.as_ref());
        out.push_str(&csv_row(&[
            s.name.clone(),
            s.kind.label().to_owned(),
            s.comune_name.clone(),
            s.province.clone(),
            h.region_name.clone(),
            paths_it(s),
            s.max_students.to_string(),
            periods_it(&s.periods),
            figures_it(s, &h.figures),
            s.ateco.clone().unwrap_or_default(),
            role,
            email,
            phone,
            pec,
            website,
            format!("{origin}/enti/{}", s.id),
        ]));
    }
    out
}

/// The columns of a shortlist's CSV.
pub const SHORTLIST_COLUMNS: [&str; 16] = [
    "Classe",
    "Ente",
    "Pubblicato",
    "Tipo di soggetto",
    "Comune",
    "Provincia",
    "Percorsi",
    "Studenti accolti",
    "Periodi",
    "Referente",
    "E-mail",
    "Telefono",
    "PEC",
    "Sito web",
    "Aggiunto da",
    "Aggiunto il",
];

/// The lists of [`Shortlists`] as a CSV file (classes in order, hosts oldest first), with a
/// byte order mark; `added_at` writes a time as the school reads it (Rome's clock).
pub fn shortlist_csv(lists: &Shortlists, added_at: impl Fn(i64) -> String) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_row(&SHORTLIST_COLUMNS));
    for class in &lists.classes {
        for e in &class.items {
            let [role, email, phone, pec, website] = contact_cells(e.contacts.as_ref());
            let h = e.host.as_ref();
            let of = |f: fn(&HostSummary) -> String| h.map(f).unwrap_or_default();
            out.push_str(&csv_row(&[
                class.class_code.clone(),
                e.name.clone(),
                if e.published {
                    "sì".to_owned()
                } else {
                    "no, non più pubblicato".to_owned()
                },
                of(|s| s.kind.label().to_owned()),
                of(|s| s.comune_name.clone()),
                of(|s| s.province.clone()),
                of(paths_it),
                of(|s| s.max_students.to_string()),
                of(|s| periods_it(&s.periods)),
                role,
                email,
                phone,
                pec,
                website,
                e.added_by.clone(),
                added_at(e.added_at),
            ]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::hosts::{HostKind, PathKind};

    fn summary(name: &str) -> HostSummary {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        HostSummary {
            id: 7,
            name: name.to_owned(),
            kind: HostKind::Impresa,
            comune: "058091".to_owned(),
            comune_name: "Roma".to_owned(),
            province: "RM".to_owned(),
            region: "12".to_owned(),
            paths: vec![PathKind::Pcto, PathKind::Apprendistato],
            figures: vec!["6.2.3".to_owned(), "9.9".to_owned()],
            ateco: Some("25.62".to_owned()),
            max_students: 4,
            periods: vec![Period {
                from: d("2026-03-01"),
                to: d("2026-05-31"),
            }],
            path_offers: Vec::new(),
            distance_km: None,
            distance_approx: false,
        }
    }

    #[test]
    fn a_teacher_uses_their_classes_of_the_roster_and_the_office_every_class() {
        let roster: Vec<String> = ["1A", "2A", "3A"].map(String::from).to_vec();
        assert_eq!(usable_classes(&Scope::School, &roster), roster);
        let teacher = Scope::Classes(vec!["3A".into(), "1A".into(), "5Z".into()]);
        assert_eq!(usable_classes(&teacher, &roster), ["1A", "3A"]);
        assert!(usable_classes(&Scope::Classes(vec![]), &roster).is_empty());
    }

    #[test]
    fn the_form_names_each_bad_field() {
        let f = ShortlistForm::parse(" 3a ", "12").unwrap();
        assert_eq!((f.class.as_str(), f.host_id), ("3A", 12));
        for (class, host, field) in [
            ("", "1", "class"),
            ("3-A", "1", "class"),
            ("ABCDEFGHIJK", "1", "class"),
            ("3A", "", "host_id"),
            ("3A", "0", "host_id"),
            ("3A", "-1", "host_id"),
            ("3A", "1e3", "host_id"),
            ("3A", "9007199254740992", "host_id"),
        ] {
            let e = ShortlistForm::parse(class, host).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidField, "{class} {host}");
            assert_eq!(e.field.as_deref(), Some(field), "{class} {host}");
        }
    }

    #[test]
    fn the_choice_round_trips_and_anything_else_is_none() {
        let c = Choice::parse("12-3A").unwrap();
        assert_eq!((c.school_id, c.class.as_str()), (12, "3A"));
        assert_eq!(c.value(), "12-3A");
        for bad in [
            "", "12", "-3A", "0-3A", "x-3A", "12-", "12-3a", "12-3 A", "+1-3A",
        ] {
            assert_eq!(Choice::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_export_is_the_same_search_from_the_first_row() {
        let s = HostSearch {
            page: 7,
            per_page: 20,
            min_places: Some(3),
            ..HostSearch::default_page()
        };
        let e = export_searches(&s);
        assert_eq!(e.len(), 5);
        for (i, c) in e.iter().enumerate() {
            assert_eq!(
                (c.page, c.per_page, c.min_places),
                (i as u32 + 1, EXPORT_CHUNK, Some(3))
            );
            assert_eq!(c.offset(), i as u32 * EXPORT_CHUNK);
        }
        assert_eq!(
            e.last().map(|c| c.offset() + c.per_page),
            Some(EXPORT_MAX_ROWS)
        );
    }

    #[test]
    fn the_search_csv_is_italian_with_a_bom_and_formula_safe() {
        let h = ExportHost {
            summary: summary("=HYPERLINK(\"http://x\")"),
            region_name: "Lazio".to_owned(),
            figures: vec![Figure {
                code: "6.2.3".to_owned(),
                title: "Saldatori".to_owned(),
            }],
            contacts: Some(Contacts {
                person_role: Some("Tutor".to_owned()),
                email: Some("a@b.it".to_owned()),
                phone: Some("+39 06 1234".to_owned()),
                pec: None,
                website: None,
            }),
        };
        let csv = search_csv(&[h], "https://ponte.example");
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], SEARCH_COLUMNS.join(";"));
        let row = lines[1];
        assert!(
            row.starts_with("\"'=HYPERLINK(\"\"http://x\"\")\";Impresa;Roma;RM;Lazio;"),
            "{row}"
        );
        // A cell holding the separator is quoted; a phone number starting with + is text.
        assert!(
            row.contains(";\"Alternanza scuola-lavoro (PCTO); Apprendistato\";4;"),
            "{row}"
        );
        assert!(row.contains(";dal 01/03/2026 al 31/05/2026;\"6.2.3 Saldatori; 9.9\";25.62;Tutor;a@b.it;\"'+39 06 1234\";;;https://ponte.example/enti/7"), "{row}");
        assert_eq!(lines[2], "");
    }

    #[test]
    fn the_shortlist_csv_says_when_a_host_is_no_longer_published() {
        let lists = Shortlists {
            school_id: 1,
            school: "Liceo".to_owned(),
            classes: vec![ClassShortlist {
                class_code: "3A".to_owned(),
                items: vec![
                    ShortlistEntry {
                        host_id: 7,
                        name: "Officina".to_owned(),
                        published: true,
                        host: Some(summary("Officina")),
                        contacts: None,
                        added_by: "Maria Rossi".to_owned(),
                        added_at: 0,
                    },
                    ShortlistEntry {
                        host_id: 8,
                        name: "Studio chiuso".to_owned(),
                        published: false,
                        host: None,
                        contacts: None,
                        added_by: "Maria Rossi".to_owned(),
                        added_at: 0,
                    },
                ],
            }],
        };
        let csv = shortlist_csv(&lists, |_| "20/03/2026 10:00".to_owned());
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], SHORTLIST_COLUMNS.join(";"));
        assert!(
            lines[1].starts_with("3A;Officina;sì;Impresa;Roma;RM;"),
            "{}",
            lines[1]
        );
        assert_eq!(
            lines[2],
            "3A;Studio chiuso;\"no, non più pubblicato\";;;;;;;;;;;;Maria Rossi;20/03/2026 10:00"
        );
    }
}
