//! `cargo xtask ars-calendar --file FILE [--remote]`: a region's yearly ARS calendar (seed 000,
//! Tabella 1; `domain::attendance::ars`) into D1's `ars_calendar`. The file is read whole by
//! `domain::attendance::ars::parse_calendar` (nothing is written if any row is bad); each
//! (region, year) it holds replaces the one loaded before. `dev` and the test stack load
//! [`DEMO_FILES`].

use crate::server::{self, Db};
use crate::{paths, Result};
use domain::attendance::ars::{parse_calendar, CalendarEntry};
use std::path::{Path, PathBuf};

/// The calendars a development or test stack loads: Veneto's 2024 (seed 000) and the demo
/// school's example for 2025/26 (its region, Lazio; not an official calendar).
pub const DEMO_FILES: [&str; 2] = ["ars-veneto-2024.csv", "ars-esempio.csv"];

/// The region of the demo calendar (the demo istituto comprensivo is in Roma).
pub const DEMO_REGION: &str = "12";

/// The rows of `file`, checked.
pub fn read(file: &Path) -> Result<Vec<(CalendarEntry, String)>> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let entries = parse_calendar(&text).map_err(|errors| {
        format!(
            "{}: nothing loaded, {} bad rows:\n{}",
            file.display(),
            errors.len(),
            errors.join("\n")
        )
    })?;
    // The source of each row, in the file's order (the checked rows keep it).
    let sources: Vec<String> = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.rsplit(';').next().unwrap_or("").trim().to_owned())
        .collect();
    Ok(entries.into_iter().zip(sources).collect())
}

/// The SQL that loads `rows`: each (region, year) replaced whole, in one file.
pub fn sql(rows: &[(CalendarEntry, String)]) -> String {
    let q = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let mut years: Vec<(&str, i32)> = rows
        .iter()
        .map(|(e, _)| (e.region.as_str(), e.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    let mut out = String::new();
    for (region, year) in years {
        out.push_str(&format!(
            "DELETE FROM ars_calendar WHERE region_code = {} AND year = {year};\n",
            q(region)
        ));
    }
    for (e, source) in rows {
        out.push_str(&format!(
            "INSERT INTO ars_calendar (region_code, year, operation, due_on, source) \
             VALUES ({}, {}, {}, {}, {});\n",
            q(&e.region),
            e.year,
            q(e.operation.code()),
            q(&e.by.to_string()),
            q(source)
        ));
    }
    out
}

/// Loads `file` into `db`; returns how many dates.
pub fn load(db: &Db, file: &Path) -> Result<usize> {
    let rows = read(file)?;
    let out = paths::target().join("ars-calendar.sql");
    std::fs::write(&out, sql(&rows)).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    server::execute_file_at(db, &out)?;
    Ok(rows.len())
}

/// The data file `name` of `data/`.
pub fn data_file(name: &str) -> PathBuf {
    paths::root().join("data").join(name)
}

/// Loads [`DEMO_FILES`] into the local D1 of `state`.
pub fn load_demo(state: &Path) -> Result {
    for f in DEMO_FILES {
        load(&Db::Local(state), &data_file(f))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_files_read_and_make_one_replacing_load() {
        for f in DEMO_FILES {
            let rows = read(&data_file(f)).unwrap(); // ok: test
            assert_eq!(rows.len(), 4, "{f}");
            assert!(rows.iter().all(|(_, s)| !s.is_empty()));
            let sql = sql(&rows);
            assert_eq!(
                sql.matches("DELETE").count(),
                if f == DEMO_FILES[0] { 1 } else { 2 }
            );
            assert_eq!(sql.matches("INSERT").count(), 4);
        }
        let veneto = read(&data_file(DEMO_FILES[0])).unwrap(); // ok: test
        assert!(veneto
            .iter()
            .all(|(e, _)| e.region == domain::attendance::ars::VENETO));
        let demo = read(&data_file(DEMO_FILES[1])).unwrap(); // ok: test
        assert!(demo.iter().all(|(e, _)| e.region == DEMO_REGION));
    }
}
