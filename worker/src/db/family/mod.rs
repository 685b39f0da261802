//! The family portal's data in D1: a child's register as engine inputs ([`register`]),
//! justifications and derogation requests ([`requests`]), notices with reads and
//! acknowledgements ([`notices`]). Rows are read into `domain::family` types; a row that does
//! not decode is an error, never dropped or defaulted. Lists go in as one JSON parameter read
//! with `json_each(?)`. Every statement is scoped by the `school_id` of an object whose access
//! was already checked, or by the signed-in person's own codice fiscale.
//!
//! Independent statements go in one `batch` (one round trip): `family` reads everything the
//! family's dashboard needs at once.

mod decisions;
mod law159;
mod notices;
mod register;
mod requests;

pub use decisions::*;
pub use law159::*;
pub use notices::*;
pub use register::*;
pub use requests::*;

use super::{database, Error};
use chrono::NaiveDate;
use domain::attendance::SchoolGrade;
use serde::Deserialize;

/// A stored value that does not decode.
fn broken(what: &str, e: impl std::fmt::Display) -> Error {
    Error::decode(what, e)
}

/// A list of ids as the one JSON parameter `json_each(?)` reads.
fn id_list(ids: &[i64]) -> String {
    let items: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", items.join(","))
}

/// A stored `YYYY-MM-DD`.
fn date(what: &str, s: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| broken(what, format!("{s:?}: {e}")))
}

/// A stored grade: `None` when the class is not on record (NULL), an error when unknown.
fn grade(g: Option<&str>) -> Result<Option<SchoolGrade>, Error> {
    g.map(|g| SchoolGrade::from_code(g).ok_or_else(|| broken("grade", g)))
        .transpose()
}

/// A whole number stored by D1 (which answers numbers as floats).
fn whole(what: &str, n: f64) -> Result<i64, Error> {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Ok(n as i64)
    } else {
        Err(broken(what, n))
    }
}

#[derive(Deserialize)]
struct IdRow {
    id: f64,
}
