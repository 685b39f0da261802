//! School data imports: CSV files from the register, validated whole (docs/imports.md, the
//! contract of this module).
//!
//! A file goes bytes → text ([`decode`]) → records (RFC 4180 quotes, the physical line each
//! starts on) → cells → a typed row per record ([`ClassRow`], [`PupilRow`], [`GuardianRow`],
//! [`StaffRow`], [`AbsenceRow`]; the calendar is one [`CalendarFile`]). Every row holds only valid
//! values: cells are parsed by the domain's constructors
//! ([`CodiceFiscale::parse`](crate::identity::CodiceFiscale::parse),
//! [`TimetableProfile::new`](crate::attendance::TimetableProfile::new),
//! [`AbsenceEvent::new`](crate::attendance::AbsenceEvent::new),
//! [`Calendar::new`](crate::attendance::Calendar::new)) and their messages become
//! the reasons of [`RowError`]s. Nothing stops at the first error: a file's answer lists every
//! bad row ([`Parsed::errors`]), and the worker writes only a file without any.
//!
//! Large files are cut by [`split_chunks`] into parts that each start with the header;
//! [`parse_rows`] reads one part with the line number of its first record, and gives exactly the
//! rows and lines the whole file would (a test checks it on generated files). Duplicates across
//! parts are the worker's to find, with [`Row::key`] and [`Row::unique_values`].
//!
//! ## Decisions where docs/imports.md is silent
//!
//! - **Records** end at a line break (`\r\n`, `\n`, or a lone `\r` as old Mac Excel writes) outside
//!   quotes, quotes counted by parity. That is RFC 4180 for a well-formed file and lets the chunker
//!   find the same records without knowing the separator. A quote inside an unquoted cell
//!   (`D"Angelo`) or text after a closing quote is an error of the row, never guessed.
//!   Spaces before an opening quote are allowed (`a, "b, c"`).
//! - **Empty rows**: a line of white space, or of separators only (`;;;;`, which Excel writes for
//!   rows it keeps), is skipped. Cells past the header's width are an error only when not empty
//!   (Excel adds empty ones when a column beyond the header was ever touched).
//! - **Header**: the first non-empty line; its errors (separator, a required column missing or
//!   given twice) are reported on line 1 and stop the reading, since no row can be read without
//!   it. A column with an empty name is ignored with a warning. [`RowError::column`] is the
//!   canonical column name (`data_iscrizione`) whatever the spelling in the file (only a quoting
//!   error in a column Ponte ignores names it as written).
//! - **Chunks** are made of UTF-8 text: [`split_chunks`] decodes the whole file first, so a
//!   Windows-1252 file is read with one decision for the whole file, not one per part.
//! - **A row with an error is not in [`Parsed::rows`]**, and one row may have several errors (one
//!   per bad cell). Duplicates: the later row is reported and left out.
//! - **Cross-references** ([`ImportContext`]) are checked only by the kinds that have them:
//!   `classe` of pupils and `classi` of staff against the school's classes, `matricola` of
//!   guardians and absences against its pupils.
//! - **Accepted spellings** beyond the contract's lists (added to docs/imports.md): `sì` may be
//!   written `si'`; `attività` may be written `attivita'`; `secondaria di I grado`,
//!   `secondaria di II grado`; `sospensione senza obbligo`; calendar `lezione`/`vacanze`.
//! - **Calendar**: a missing `lezioni` row is reported (on line 1) only when the file has no other
//!   error, since a `lezioni` row with a wrong date is already reported on its line.
//! - **At most [`MAX_ERRORS`] errors** per reading (a file, or a part of one): past them the
//!   reading stops with one more error on the line where it stopped, so a file of short bad
//!   rows cannot make the reader hold millions of messages. The errors of a part and their
//!   count are then those of its first lines.
//! - **Not CSV**: a UTF-16 file (Excel's "Testo Unicode") is refused with a message saying how to
//!   save it, rather than read as Windows-1252 noise.
//! - **Values** are checked for form only where the data to check more is elsewhere: a pupil's
//!   `data_iscrizione` is not compared with the calendar, an absence's date is not either (the
//!   attendance engine lists records outside the lesson period as warnings).

mod calendar;
mod chunks;
mod commit;
mod engine;
mod records;
mod rhythm;
mod rows;
mod text;
mod values;

#[cfg(test)]
mod tests;

pub use calendar::{parse_calendar, CalendarFile, Holiday};
pub use chunks::{split_chunks, Chunk};
pub use commit::{
    deletions_need_confirmation, parts_arriving, CONFIRM_DELETIONS_PERCENT,
    CONFIRM_DELETIONS_PUPILS, MAX_LISTED_DELETIONS, PART_STALE_SECS,
};
pub use engine::MAX_ERRORS;
pub use rhythm::{Rhythm, RECENT_IMPORTS};
pub use rows::{AbsenceRow, ClassRow, GuardianRow, PupilRow, StaffRow};
pub use text::decode;
pub use values::{
    absence_kind_code, grade_code, parse_absence_kind, parse_date, parse_grade,
    parse_hours_as_minutes, parse_next_year, parse_outcome, parse_withdrawal_kind, parse_yes_no,
    ClassCode, Matricola, PersonName, StaffRole,
};

use crate::error::FieldError;
use crate::messages::Msg;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The most characters of a value quoted back in a [`RowError`].
pub const MAX_VALUE_CHARS: usize = 80;

/// The six kinds of file, in the order a school imports them the first time (each refers to
/// the ones before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Classi,
    Calendario,
    Alunni,
    Tutori,
    Personale,
    Assenze,
}

impl ImportKind {
    pub const ALL: [ImportKind; 6] = [
        ImportKind::Classi,
        ImportKind::Calendario,
        ImportKind::Alunni,
        ImportKind::Tutori,
        ImportKind::Personale,
        ImportKind::Assenze,
    ];

    /// The name in URLs and in the API (`classi`, `calendario`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Classi => "classi",
            ImportKind::Calendario => "calendario",
            ImportKind::Alunni => "alunni",
            ImportKind::Tutori => "tutori",
            ImportKind::Personale => "personale",
            ImportKind::Assenze => "assenze",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let raw = raw.trim();
        ImportKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(raw))
            .ok_or_else(|| FieldError::invalid_says("kind", Msg::ImportKind, &[]))
    }

    /// The Italian label shown to the school office.
    pub fn label(self) -> &'static str {
        match self {
            ImportKind::Classi => "Classi",
            ImportKind::Calendario => "Calendario scolastico",
            ImportKind::Alunni => "Alunni",
            ImportKind::Tutori => "Tutori",
            ImportKind::Personale => "Personale",
            ImportKind::Assenze => "Assenze",
        }
    }

    /// The columns of this kind of file, as docs/imports.md lists them.
    pub fn columns(self) -> &'static [Column] {
        use engine::Schema;
        match self {
            ImportKind::Classi => ClassRow::COLUMNS,
            ImportKind::Calendario => calendar::CalendarRow::COLUMNS,
            ImportKind::Alunni => PupilRow::COLUMNS,
            ImportKind::Tutori => GuardianRow::COLUMNS,
            ImportKind::Personale => StaffRow::COLUMNS,
            ImportKind::Assenze => AbsenceRow::COLUMNS,
        }
    }

    /// Whether a large file of this kind may be sent in chunks (all but the calendar).
    pub fn is_chunked(self) -> bool {
        self != ImportKind::Calendario
    }
}

/// A column of a kind of file: its canonical name (as compared after folding case, accents and
/// separators) and whether the header must have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
}

/// One thing wrong in a file, where the office can find it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct RowError {
    /// Physical line of the file where the record starts (the header is line 1; errors of the
    /// whole file, such as a missing column, are on line 1).
    #[cfg_attr(feature = "openapi", schemars(range(min = 1)))]
    pub line: u32,
    /// Canonical name of the column at fault (`classe`, `data_iscrizione`; `codice_fiscale +
    /// matricola` for a duplicate key); `None` when no one column is.
    pub column: Option<String>,
    /// The value at fault as written, at most [`MAX_VALUE_CHARS`] characters.
    #[cfg_attr(feature = "openapi", schemars(length(max = 80)))]
    pub value: String,
    /// Why, in Italian, for the school office.
    pub reason: String,
}

/// Something the office should know that does not stop the import (an unknown column).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ImportWarning {
    /// The column as written in the header (empty for a column without a name).
    pub column: String,
    pub message: String,
}

/// The result of reading a file or a chunk: the valid rows with their line, every error, the
/// warnings. A file can be imported only when `errors` is empty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parsed<R> {
    pub rows: Vec<(u32, R)>,
    pub errors: Vec<RowError>,
    pub warnings: Vec<ImportWarning>,
}

impl<R> Parsed<R> {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// What the school already has, for the cross-references of docs/imports.md: a pupil's class, a
/// teacher's classes, the pupil of a guardian or of an absence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportContext {
    classes: Option<BTreeSet<ClassCode>>,
    pupils: Option<BTreeSet<Matricola>>,
}

impl ImportContext {
    /// The school's class codes and pupils' matricole, as stored; values that do not parse are
    /// skipped (no row can refer to them).
    pub fn new<C, P>(classes: C, pupils: P) -> Self
    where
        C: IntoIterator,
        C::Item: AsRef<str>,
        P: IntoIterator,
        P::Item: AsRef<str>,
    {
        // Inserted one by one: `collect` into a set would compile one more sort per type
        // (docs/toolchain.md §10).
        let mut known_classes = BTreeSet::new();
        for c in classes {
            if let Ok(c) = ClassCode::parse(c.as_ref()) {
                known_classes.insert(c);
            }
        }
        let mut known_pupils = BTreeSet::new();
        for m in pupils {
            if let Ok(m) = Matricola::parse(m.as_ref()) {
                known_pupils.insert(m);
            }
        }
        ImportContext {
            classes: Some(known_classes),
            pupils: Some(known_pupils),
        }
    }

    /// No cross-reference is checked: for a check of the file's form alone (the browser, before
    /// sending it; benchmarks). The worker always uses [`ImportContext::new`].
    pub fn format_only() -> Self {
        ImportContext {
            classes: None,
            pupils: None,
        }
    }

    pub fn has_class(&self, class: &ClassCode) -> bool {
        self.classes.as_ref().is_none_or(|c| c.contains(class))
    }

    pub fn has_pupil(&self, matricola: &Matricola) -> bool {
        self.pupils.as_ref().is_none_or(|p| p.contains(matricola))
    }
}

/// A kind of row of a chunked file. Sealed: implemented by the five row types of this module.
pub trait Row: engine::Schema + Serialize {
    /// The row's identity within its kind (docs/imports.md, "Key"), the parts of a composite key
    /// joined by `|` (which no part can contain). Two rows of one file must not share it.
    fn key(&self) -> String;

    /// Other `(column, value)` pairs that must be unique in a file (the pupil's codice fiscale).
    fn unique_values(&self) -> Vec<(&'static str, String)> {
        self.unique()
            .into_iter()
            .skip(1)
            .map(|u| (u.columns, u.key))
            .collect()
    }
}

/// One part of a file as its kind reads it: the calendar, which comes whole, or the rows of
/// one of the five chunked kinds.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Calendar(Result<CalendarFile, Vec<RowError>>),
    Classes(Parsed<ClassRow>),
    Pupils(Parsed<PupilRow>),
    Guardians(Parsed<GuardianRow>),
    Staff(Parsed<StaffRow>),
    Absences(Parsed<AbsenceRow>),
}

impl Part {
    /// Reads `bytes`, a part of a file of `kind` ([`parse_rows`]; a calendar is read whole by
    /// [`parse_calendar`], with neither `first_line` nor `ctx`).
    pub fn parse(kind: ImportKind, bytes: &[u8], first_line: u32, ctx: &ImportContext) -> Part {
        match kind {
            ImportKind::Calendario => Part::Calendar(parse_calendar(bytes)),
            ImportKind::Classi => Part::Classes(parse_rows(bytes, first_line, ctx)),
            ImportKind::Alunni => Part::Pupils(parse_rows(bytes, first_line, ctx)),
            ImportKind::Tutori => Part::Guardians(parse_rows(bytes, first_line, ctx)),
            ImportKind::Personale => Part::Staff(parse_rows(bytes, first_line, ctx)),
            ImportKind::Assenze => Part::Absences(parse_rows(bytes, first_line, ctx)),
        }
    }
}

/// Reads a whole file of kind `R`: lines are counted from the file's first line.
pub fn parse_file<R: Row>(bytes: &[u8], ctx: &ImportContext) -> Parsed<R> {
    let mut parsed = engine::read::<R>(bytes, None, ctx);
    engine::remove_duplicates(&mut parsed);
    parsed
}

/// Reads a chunk of a file of kind `R` ([`split_chunks`]): `bytes` starts with the header line,
/// and the record after it is on line `first_line` of the original file. Duplicates are looked
/// for within the chunk only (across chunks: [`Row::key`], [`Row::unique_values`]). Errors of
/// the file (line 1: the header) and warnings are the same in every chunk of a file: show them
/// once.
pub fn parse_rows<R: Row>(bytes: &[u8], first_line: u32, ctx: &ImportContext) -> Parsed<R> {
    let mut parsed = engine::read::<R>(bytes, Some(first_line), ctx);
    engine::remove_duplicates(&mut parsed);
    parsed
}
