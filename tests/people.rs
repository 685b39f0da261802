//! The demo people and a browser-like client signed in as one of them, for the end-to-end
//! tests of the signed-in areas (`school.rs`, `family.rs`).

use domain::import::{self, ImportContext, StaffRow};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;
use xtask::client::{Answer, Client};

pub const SID: &str = "__Host-ponte-sid";
pub const LOGIN: &str = "__Host-ponte-login";

// The demo people, by their label in identities.json (exact, or the start of it).
pub const GUARDIAN_A: &str = "Genitore di un alunno (P3B)";
pub const GUARDIAN_OF_TWO: &str = "Genitore di due alunni (";
pub const NO_ROLE: &str = "Persona senza figli a scuola";
pub const TEACHER_A: &str = "Docente (P1A, P1B)";
pub const SECRETARY_A: &str = "Segreteria";
pub const HEAD_A: &str = "Dirigente scolastico";
pub const SECRETARY_B: &str = "Segreteria — Liceo";
pub const GUARDIAN_B: &str = "Genitore di un alunno — Liceo";
pub const TEACHER_B: &str = "Docente — Liceo";
pub const HEAD_B: &str = "Dirigente — Liceo";

/// Today in Rome, `YYYY-MM-DD`: the real calendar the school's decisions are dated on (a
/// class council's day cannot be in the future).
pub fn rome_today() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    domain::clock::today_in_rome(now)
        .map(|d| d.to_string())
        .unwrap_or_default()
}

// ------------------------------------------------------------------------------------------
// The demo, the people, signing in.

pub struct Person {
    pub cf: String,
    pub given_name: String,
    pub family_name: String,
    pub label: String,
}

pub struct Demo {
    pub base: String,
    pub dir: PathBuf,
    pub people: Vec<Person>,
}

pub fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let base = std::env::var("PONTE_BASE_URL")
            .expect("PONTE_BASE_URL is not set: run the end-to-end tests with `cargo xtask test`");
        let dir = PathBuf::from(
            std::env::var("PONTE_DEMO_DIR").expect("PONTE_DEMO_DIR (the demo schools' files)"),
        );
        let file = dir.join("identities.json");
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let list: Value = serde_json::from_str(&text).expect("identities.json is JSON");
        let field = |p: &Value, k: &str| p[k].as_str().expect("identity field").to_owned();
        let people = list
            .as_array()
            .expect("identities.json is an array")
            .iter()
            .map(|p| Person {
                cf: field(p, "cf"),
                given_name: field(p, "given_name"),
                family_name: field(p, "family_name"),
                label: field(p, "label"),
            })
            .collect();
        Demo {
            base: base.trim_end_matches('/').to_owned(),
            dir,
            people,
        }
    })
}

impl Demo {
    /// The one demo person labelled `label`, or whose label starts with it.
    pub fn person(&self, label: &str) -> &Person {
        let exact: Vec<&Person> = self.people.iter().filter(|p| p.label == label).collect();
        let found = if exact.is_empty() {
            self.people
                .iter()
                .filter(|p| p.label.starts_with(label))
                .collect()
        } else {
            exact
        };
        assert_eq!(
            found.len(),
            1,
            "exactly one demo person labelled {label:?}, in {:?}",
            self.people.iter().map(|p| &p.label).collect::<Vec<_>>()
        );
        found[0]
    }

    /// The folder of the demo school whose `personale` file lists `cf`.
    pub fn school_dir_of(&self, cf: &str) -> PathBuf {
        let entries = std::fs::read_dir(&self.dir).expect("the demo folder");
        for e in entries.flatten() {
            let file = e.path().join("personale.csv");
            let Ok(bytes) = std::fs::read(&file) else {
                continue;
            };
            let staff = import::parse_file::<StaffRow>(&bytes, &ImportContext::format_only());
            if staff
                .rows
                .iter()
                .any(|(_, r)| r.codice_fiscale.as_str() == cf)
            {
                return e.path();
            }
        }
        panic!("no demo school lists {cf} in personale.csv");
    }
}

/// A new browser; every answer it gets from Ponte's API is checked against the OpenAPI document
/// ([`crate::contract::check_answer`]), whichever helper or test sent the request.
pub fn browser() -> Client {
    Client::observed(&demo().base, crate::contract::check_answer)
}

/// A browser signed in (through CIE) as the demo person labelled `label`, and its `/api/v1/me`.
pub fn signed_in(label: &str) -> (Client, Value) {
    let p = demo().person(label);
    let mut c = browser();
    c.sign_in("cie", &p.cf)
        .unwrap_or_else(|e| panic!("sign-in as {label:?}: {e}"));
    let me = c.refresh_csrf().expect("/api/v1/me after sign-in");
    (c, me)
}

/// A request that must get an answer (checked against the document by the client of
/// [`browser`]).
pub fn send(c: &mut Client, method: &str, path: &str, body: Option<(&str, &[u8])>) -> Answer {
    c.request(method, path, body, &[])
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
}

pub fn get(c: &mut Client, path: &str) -> Answer {
    send(c, "GET", path, None)
}

pub fn post_json(c: &mut Client, path: &str, body: &Value) -> Answer {
    c.post_json(path, body)
        .unwrap_or_else(|e| panic!("POST {path}: {e}"))
}

pub fn json_of(a: &Answer) -> Value {
    a.json().unwrap_or_else(|e| panic!("{} {e}", a.status))
}

/// `{"error":{"code":…}}` of an answer, or "" when it has none.
pub fn error_code(a: &Answer) -> String {
    a.json()
        .ok()
        .and_then(|v| v["error"]["code"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[track_caller]
pub fn assert_error(a: &Answer, status: u16, code: &str, what: &str) {
    assert_eq!(a.status, status, "{what}: {}", a.body);
    assert_eq!(error_code(a), code, "{what}: {}", a.body);
    assert!(
        a.content_type.starts_with("application/json"),
        "{what}: {}",
        a.content_type
    );
}
