//! D1 access, and the only place in the worker with SQL (the tidy step of `cargo xtask test`
//! checks it): one module an aggregate, bound parameters only, a list passed as one JSON
//! parameter read with `json_each(?)`. Public register data (hosts, reference data) is not
//! scoped by school; school data is, always.
//!
//! Functions return typed values and [`Error`], never an HTTP answer: the handler decides what
//! a failure means to the person (`impl From<Error> for ApiError` in `error.rs`). A stored row
//! that does not decode is an [`Error::Decode`], never skipped or replaced by a default.

pub mod ars;
pub mod family;
pub mod hosts;
pub mod limits;
pub mod publish;
pub mod reference;
pub mod retention;
pub mod roster;
pub mod school;
pub mod sessions;
pub mod shortlists;

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::Cell;
use std::fmt;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, D1Result, Env};

thread_local! {
    static ROUND_TRIPS: Cell<u32> = const { Cell::new(0) };
    static WAITED_MS: Cell<f64> = const { Cell::new(0.0) };
}

/// A D1 call about to be awaited: `.counted()` between the call and its `.await` counts one
/// round trip to the database and the time spent waiting for it, so `cargo xtask bench` can
/// print the round trips of each page and how much of its latency is the database's (read with
/// [`take_round_trips`] around a request; exact when one request runs at a time, as the bench
/// runs them). The runtime's clock advances across I/O only, which is what is measured.
pub trait Counted: std::future::Future + Sized {
    fn counted(self) -> impl std::future::Future<Output = Self::Output> {
        ROUND_TRIPS.with(|c| c.set(c.get().saturating_add(1)));
        let start = js_sys::Date::now();
        async move {
            let out = self.await;
            WAITED_MS.with(|c| c.set(c.get() + (js_sys::Date::now() - start)));
            out
        }
    }
}

impl<F: std::future::Future> Counted for F {}

/// The round trips counted since the last call and the milliseconds spent waiting for them;
/// both reset.
pub fn take_round_trips() -> (u32, f64) {
    (
        ROUND_TRIPS.with(|c| c.replace(0)),
        WAITED_MS.with(|c| c.replace(0.0)),
    )
}

/// Why a storage call failed.
#[derive(Debug)]
pub enum Error {
    /// D1 or its binding failed, or answered in a shape its statements cannot produce.
    Storage { context: String, detail: String },
    /// A stored value that does not decode into its type: the data is wrong, not the request.
    Decode { what: String, detail: String },
    /// The request names a code that the reference data does not hold.
    UnknownCode { field: &'static str, code: String },
    /// The request is wrong in a way only the data can tell (a comune's name that names none,
    /// or several): a 400 with the field's message.
    Invalid(domain::FieldError),
}

impl Error {
    pub fn storage(context: impl Into<String>, detail: impl fmt::Display) -> Self {
        Error::Storage {
            context: context.into(),
            detail: detail.to_string(),
        }
    }

    pub fn decode(what: impl Into<String>, detail: impl fmt::Display) -> Self {
        Error::Decode {
            what: what.into(),
            detail: detail.to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Storage { context, detail } => write!(f, "storage ({context}): {detail}"),
            Error::Decode { what, detail } => write!(f, "stored {what} does not decode: {detail}"),
            Error::UnknownCode { field, code } => write!(f, "unknown {field} code {code:?}"),
            Error::Invalid(e) => write!(f, "invalid {:?}: {}", e.field, e.message),
        }
    }
}

impl std::error::Error for Error {}

impl From<worker::Error> for Error {
    fn from(e: worker::Error) -> Self {
        Error::storage("D1", e)
    }
}

/// Whether this instance runs with the development switch that makes D1 fail
/// (`domain::clock::d1_fails`: `PONTE_DEV_FAIL_D1=1` beside `PONTE_DEV=1`, which only `cargo
/// xtask` passes to `wrangler dev`; read once per instance). Every [`database`] call is then an
/// [`Error::Storage`], as when D1 is unreachable, so no statement runs: the fault tests
/// (`tests/faults.rs`) see that a request answers 503 and writes nothing.
fn failing(env: &Env) -> bool {
    thread_local! {
        static FAILING: std::cell::OnceCell<bool> = const { std::cell::OnceCell::new() };
    }
    FAILING.with(|f| {
        *f.get_or_init(|| {
            let var = |name: &str| env.var(name).ok().map(|v| v.to_string());
            domain::clock::d1_fails(
                var(domain::clock::DEV_SETTING).as_deref(),
                var(domain::clock::D1_FAILURE_SETTING).as_deref(),
            )
        })
    })
}

/// The D1 binding: every statement of the worker starts here.
pub fn database(env: &Env) -> Result<D1Database, Error> {
    if failing(env) {
        return Err(Error::storage(
            "D1 binding",
            format!(
                "D1 fails on purpose ({}=1, a development switch)",
                domain::clock::D1_FAILURE_SETTING
            ),
        ));
    }
    env.d1("DB").map_err(|e| Error::storage("D1 binding", e))
}

pub fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

pub fn int(n: impl Into<f64>) -> JsValue {
    JsValue::from_f64(n.into())
}

/// A nullable text parameter.
pub fn opt_text(s: Option<&str>) -> JsValue {
    s.map(text).unwrap_or(JsValue::NULL)
}

/// A list as one parameter, for `IN (SELECT value FROM json_each(?n))`: any length, one bound
/// parameter (D1 allows 100), and nothing of the list in the statement's text.
pub fn list<T: Serialize>(items: &[T]) -> Result<JsValue, Error> {
    serde_json::to_string(items)
        .map(|s| JsValue::from_str(&s))
        .map_err(|e| Error::storage("list parameter", e))
}

/// A value stored as JSON text, as its column's text.
pub fn json_text<T: Serialize + ?Sized>(what: &str, v: &T) -> Result<String, Error> {
    serde_json::to_string(v).map_err(|e| Error::storage(format!("encoding {what}"), e))
}

/// A JSON column, decoded: a bad value is an error naming `what`.
pub fn from_json<T: DeserializeOwned>(what: &str, raw: &str) -> Result<T, Error> {
    serde_json::from_str(raw).map_err(|e| Error::decode(what, e))
}

/// The rows of a result; a row that does not decode into `T` fails the whole read.
pub fn rows<T: DeserializeOwned>(what: &str, r: &D1Result) -> Result<Vec<T>, Error> {
    r.results::<T>().map_err(|e| Error::decode(what, e))
}

/// All the rows of one statement.
pub async fn all<T: DeserializeOwned>(what: &str, s: D1PreparedStatement) -> Result<Vec<T>, Error> {
    let r = s
        .all()
        .counted()
        .await
        .map_err(|e| Error::storage(what, e))?;
    rows(what, &r)
}

/// The first row of one statement, if any (the statement is expected to give at most one).
pub async fn first<T: DeserializeOwned>(
    what: &str,
    s: D1PreparedStatement,
) -> Result<Option<T>, Error> {
    Ok(all(what, s).await?.into_iter().next())
}

/// A batch's results, exactly `N` of them (one per statement, in order).
pub async fn batch<const N: usize>(
    what: &str,
    db: &D1Database,
    statements: [D1PreparedStatement; N],
) -> Result<[D1Result; N], Error> {
    let results = db
        .batch(statements.into())
        .counted()
        .await
        .map_err(|e| Error::storage(what, e))?;
    let count = results.len();
    results
        .try_into()
        .map_err(|_| Error::storage(what, format!("{count} results for {N} statements")))
}

/// A request's own reads, sent in the same round trip as its session (`sessions::session`):
/// a page that knows what it reads from its path alone needs no second trip. Made by the
/// aggregate's module, which also reads the [`Answers`].
pub struct Reads(Vec<D1PreparedStatement>);

impl Reads {
    /// No reads beyond the session's.
    pub fn none() -> Reads {
        Reads(Vec::new())
    }
}

/// The results of one batch, read in the order of its statements: a request's [`Reads`]
/// after its session's, or any aggregate's batch.
pub struct Answers {
    what: &'static str,
    rest: std::vec::IntoIter<D1Result>,
}

impl Answers {
    fn new(what: &'static str, all: Vec<D1Result>) -> Self {
        Answers {
            what,
            rest: all.into_iter(),
        }
    }

    /// The next statement's result.
    fn result(&mut self) -> Result<D1Result, Error> {
        self.rest
            .next()
            .ok_or_else(|| Error::storage(self.what, "the batch answered too few results"))
    }

    /// The next statement's rows.
    fn next<T: DeserializeOwned>(&mut self) -> Result<Vec<T>, Error> {
        let r = self.result()?;
        rows(self.what, &r)
    }
}

/// Rows a statement changed, from its result's metadata (missing metadata is an error: the
/// caller counts on the figure).
pub fn changes(what: &str, r: &D1Result) -> Result<i64, Error> {
    r.meta()
        .map_err(|e| Error::storage(what, e))?
        .and_then(|m| m.changes)
        .map(|n| n as i64)
        .ok_or_else(|| Error::storage(what, "no change count in the result"))
}
