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

mod absences;
mod codice_fiscale;
mod files;
mod identities;
mod names;
mod people;
mod specs;
#[cfg(test)]
mod tests;

use absences::*;
use codice_fiscale::*;
use identities::*;
use names::*;
use people::*;
use specs::*;

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
    /// More schools like the large one (`cargo xtask bench`'s N schools): each with its own
    /// pupils, families and absences, and the large school's staff (so its secretary imports
    /// them all); codes and directories `…-2`, `…-3`, … after the two demo schools.
    pub extra_schools: usize,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            pupils: 1000,
            seed: DEMO_SCHOOL_SEED,
            extra_schools: 0,
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
    /// The office's e-mail and telephone, as registered with the school.
    pub office_email: String,
    pub office_phone: String,
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
    let mut extra = Vec::with_capacity(opts.extra_schools);
    for k in 0..opts.extra_schools {
        let mut s = generate_school(
            ic_spec(opts.pupils),
            3 + k as u64,
            opts.seed,
            &places,
            &mut used,
        )?;
        s.staff.clone_from(&big.staff);
        extra.push((format!("{}-{}", big.spec.code, k + 2), s));
    }

    // A school folder left by an earlier demo with other schools (the bench's copies) would be
    // read as one of these: only this demo's schools stay.
    let codes: Vec<String> = [big.spec.code.to_owned(), small.spec.code.to_owned()]
        .into_iter()
        .chain(extra.iter().map(|(code, _)| code.clone()))
        .collect();
    if let Ok(entries) = std::fs::read_dir(out) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if e.path().join("personale.csv").exists() && !codes.contains(&name) {
                std::fs::remove_dir_all(e.path())
                    .map_err(|err| format!("cannot remove {}: {err}", e.path().display()))?;
            }
        }
    }
    let mut schools = Vec::new();
    let named = [&big, &small]
        .into_iter()
        .map(|s| (s.spec.code.to_owned(), s))
        .chain(extra.iter().map(|(code, s)| (code.clone(), s)));
    for (code, s) in named {
        let dir = out.join(&code);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for (name, bytes) in s.files()? {
            let path = dir.join(format!("{name}.csv"));
            std::fs::write(&path, bytes)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        let name = match code.strip_prefix(s.spec.code) {
            Some(n) if !n.is_empty() => format!("{} {}", s.spec.name, n.trim_start_matches('-')),
            _ => s.spec.name.to_owned(),
        };
        schools.push(DemoSchool {
            code,
            name,
            comune: s.spec.istat.to_owned(),
            office_email: s.spec.office_email.to_owned(),
            office_phone: s.spec.office_phone.to_owned(),
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
