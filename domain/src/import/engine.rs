//! The reading loop shared by every kind of file: header, records, cells, errors.

use super::records::{detect_separator, is_blank, next_record, split_cells, SeparatorProblem};
use super::text::{decode, fold, is_utf16, truncate};
use super::{Column, ImportContext, ImportKind, ImportWarning, Parsed, RowError, MAX_VALUE_CHARS};
use crate::error::FieldError;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// How a kind of row is read from its cells. Sealed: only this module's row types implement it.
pub trait Schema: Sized {
    const KIND: ImportKind;
    const COLUMNS: &'static [Column];

    /// The row, or `None` with the reasons recorded in `cells` (at least one).
    fn read(cells: &mut Cells<'_>, ctx: &ImportContext) -> Option<Self>;

    /// The values that must not repeat in a file: the key first, then any other (the pupil's
    /// codice fiscale). Empty for rows without a key (the calendar's).
    fn unique(&self) -> Vec<Unique> {
        Vec::new()
    }

    /// The unique value of `columns` as the office reads it (`la matricola 123`), for the
    /// message of a duplicate.
    fn describe(&self, columns: &str) -> String {
        columns.to_owned()
    }
}

/// A value that must be unique in a file.
pub struct Unique {
    /// The column(s) it comes from, canonical names joined by ` + `.
    pub columns: &'static str,
    /// The value compared.
    pub key: String,
}

/// The header of a file: its separator and where each known column is.
pub struct Header {
    sep: u8,
    /// Known columns found: canonical name → index of the cell.
    found: Vec<(&'static str, usize)>,
    /// Every header cell as written.
    names: Vec<String>,
}

impl Header {
    fn index_of(&self, column: &str) -> Option<usize> {
        self.found
            .iter()
            .find(|(name, _)| *name == column)
            .map(|&(_, i)| i)
    }

    /// The name to show for the cell at `index`: the canonical name of a known column, the
    /// header as written for another one, none beyond the header.
    fn label(&self, index: usize) -> Option<String> {
        if let Some((name, _)) = self.found.iter().find(|&&(_, i)| i == index) {
            return Some((*name).to_owned());
        }
        self.names
            .get(index)
            .filter(|n| !n.is_empty())
            .map(|n| truncate(n, MAX_VALUE_CHARS))
    }
}

fn file_error(column: Option<&str>, value: &str, reason: impl Into<String>) -> RowError {
    RowError {
        line: 1,
        column: column.map(str::to_owned),
        value: truncate(value, MAX_VALUE_CHARS),
        reason: reason.into(),
    }
}

/// Reads the header line of a file of kind `S`: the separator, the known columns, warnings for
/// the unknown ones. A required column missing or a column given twice is an error of the file.
fn read_header<S: Schema>(text: &str) -> Result<(Header, Vec<ImportWarning>), Vec<RowError>> {
    let sep = detect_separator(text).map_err(|p| {
        let reason = match p {
            SeparatorProblem::Neither => {
                "Nell'intestazione (riga 1) non ci sono separatori: le colonne vanno separate \
                 con ; (punto e virgola) oppure con , (virgola). Salvare il foglio come \
                 \"CSV (delimitato dal separatore di elenco)\"."
            }
            SeparatorProblem::Both => {
                "Nell'intestazione (riga 1) ci sono sia ; sia , fuori dalle virgolette: usare un \
                 solo separatore per tutte le colonne."
            }
        };
        vec![file_error(None, text, reason)]
    })?;
    let names = split_cells(text, sep).map_err(|e| vec![file_error(None, &e.value, e.reason)])?;
    let mut found: Vec<(&'static str, usize)> = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    for (i, raw) in names.iter().enumerate() {
        let name = fold(raw);
        if name.is_empty() {
            if !raw.is_empty() || i + 1 < names.len() {
                warnings.push(ImportWarning {
                    column: String::new(),
                    message: format!(
                        "La colonna {} dell'intestazione non ha nome: i suoi valori sono ignorati.",
                        i + 1
                    ),
                });
            }
            continue;
        }
        match S::COLUMNS.iter().find(|c| c.name == name) {
            Some(c) => match found.iter().find(|(n, _)| *n == c.name) {
                Some(&(_, first)) => errors.push(file_error(
                    Some(c.name),
                    raw,
                    format!(
                        "La colonna «{}» compare due volte nell'intestazione (colonne {} e {}).",
                        c.name,
                        first + 1,
                        i + 1
                    ),
                )),
                None => found.push((c.name, i)),
            },
            None => {
                if !unknown.contains(&name) {
                    warnings.push(ImportWarning {
                        column: truncate(raw, MAX_VALUE_CHARS),
                        message: format!(
                            "La colonna «{}» non è prevista nel file {} ed è ignorata.",
                            truncate(raw, MAX_VALUE_CHARS),
                            S::KIND.as_str()
                        ),
                    });
                    unknown.push(name);
                }
            }
        }
    }
    for c in S::COLUMNS.iter().filter(|c| c.required) {
        if !found.iter().any(|(n, _)| *n == c.name) {
            errors.push(file_error(
                Some(c.name),
                "",
                format!("Manca la colonna obbligatoria «{}».", c.name),
            ));
        }
    }
    if errors.is_empty() {
        let names = names.into_iter().map(Cow::into_owned).collect();
        Ok((Header { sep, found, names }, warnings))
    } else {
        Err(errors)
    }
}

/// The cells of one row, by column name, and the reasons it is wrong.
pub struct Cells<'a> {
    line: u32,
    cells: &'a [Cow<'a, str>],
    header: &'a Header,
    errors: Vec<RowError>,
}

impl<'a> Cells<'a> {
    /// The trimmed cell of `column`; empty when the column or the cell is missing.
    pub fn get(&self, column: &str) -> &'a str {
        self.header
            .index_of(column)
            .and_then(|i| self.cells.get(i))
            .map_or("", |c| c.as_ref())
    }

    /// Records that `column` is wrong, showing its cell.
    pub fn fail(&mut self, column: &str, reason: impl Into<String>) {
        let value = self.get(column).to_owned();
        self.fail_value(column, &value, reason);
    }

    /// Records that `column` is wrong, showing `value` (a part of the cell).
    pub fn fail_value(&mut self, column: &str, value: &str, reason: impl Into<String>) {
        self.errors.push(RowError {
            line: self.line,
            column: Some(column.to_owned()),
            value: truncate(value, MAX_VALUE_CHARS),
            reason: reason.into(),
        });
    }

    /// The cell of `column` parsed by `parse`; its error recorded.
    pub fn parse<T>(
        &mut self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<T> {
        match parse(self.get(column)) {
            Ok(v) => Some(v),
            Err(e) => {
                self.fail(column, e.message);
                None
            }
        }
    }

    /// An optional cell: `Some(None)` when empty, `None` when wrong (error recorded).
    pub fn optional<T>(
        &mut self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<Option<T>> {
        if self.get(column).is_empty() {
            return Some(None);
        }
        self.parse(column, parse).map(Some)
    }
}

/// The most errors one reading lists; past them it stops, with one more error saying where.
/// Without a cap a part of short bad rows (`1;` on each line) made one error or more per three
/// bytes: 640 KiB, the largest part the worker takes, took over 120 MB to list them, a Worker's
/// whole memory (found by `cargo xtask fuzz`). Nobody reads ten thousand errors: the office
/// corrects the file and sends it again.
pub const MAX_ERRORS: usize = 10_000;

/// Reads the rows of kind `S`, without looking for duplicates. `first_line`: `None` for a whole
/// file (lines counted from 1), `Some(n)` for a chunk (the record after the header is line `n`).
pub fn read<S: Schema>(bytes: &[u8], first_line: Option<u32>, ctx: &ImportContext) -> Parsed<S> {
    let mut out = Parsed {
        rows: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    if is_utf16(bytes) {
        out.errors.push(file_error(
            None,
            "",
            "Il file è in formato \"Testo Unicode\" (UTF-16): salvarlo come \"CSV UTF-8\" o \
             \"CSV (delimitato dal separatore di elenco)\".",
        ));
        return out;
    }
    let text = decode(bytes);
    let b = text.as_bytes();
    let mut pos = 0;
    let mut line: u32 = 1;
    let header_record = loop {
        if pos >= b.len() {
            out.errors.push(file_error(
                None,
                "",
                "Il file è vuoto: manca anche l'intestazione con i nomi delle colonne.",
            ));
            return out;
        }
        let r = next_record(b, pos);
        if !is_blank(&text[r.start..r.end]) {
            break r;
        }
        line = line.saturating_add(r.breaks);
        pos = r.next;
    };
    let header = match read_header::<S>(&text[header_record.start..header_record.end]) {
        Ok((h, w)) => {
            out.warnings = w;
            h
        }
        Err(e) => {
            out.errors = e;
            return out;
        }
    };
    line = first_line.unwrap_or_else(|| line.saturating_add(header_record.breaks));
    pos = header_record.next;
    while pos < b.len() {
        let r = next_record(b, pos);
        let record_line = line;
        if out.errors.len() >= MAX_ERRORS {
            out.errors.push(RowError {
                line: record_line,
                column: None,
                value: String::new(),
                reason: format!(
                    "Più di {MAX_ERRORS} errori: la lettura del file si è fermata a questa riga. \
                     Correggere gli errori elencati e inviare di nuovo il file."
                ),
            });
            break;
        }
        line = line.saturating_add(r.breaks);
        pos = r.next;
        let record = &text[r.start..r.end];
        if is_blank(record) {
            continue;
        }
        let cells = match split_cells(record, header.sep) {
            Ok(c) => c,
            Err(e) => {
                out.errors.push(RowError {
                    line: record_line,
                    column: header.label(e.index),
                    value: truncate(&e.value, MAX_VALUE_CHARS),
                    reason: e.reason.to_owned(),
                });
                continue;
            }
        };
        // Excel writes rows it was asked to keep but that hold nothing as `;;;;`.
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let width = header.names.len();
        if let Some(extra) = cells.iter().skip(width).find(|c| !c.is_empty()) {
            out.errors.push(RowError {
                line: record_line,
                column: None,
                value: truncate(extra, MAX_VALUE_CHARS),
                reason: format!(
                    "La riga ha {} celle, l'intestazione {} colonne: questo valore non \
                     corrisponde a nessuna colonna (c'è un separatore in più, o una cella con \
                     il separatore andava messa tra virgolette).",
                    cells.len(),
                    width
                ),
            });
            continue;
        }
        let mut c = Cells {
            line: record_line,
            cells: &cells,
            header: &header,
            errors: Vec::new(),
        };
        let row = S::read(&mut c, ctx);
        match row {
            Some(row) if c.errors.is_empty() => out.rows.push((record_line, row)),
            _ if c.errors.is_empty() => out.errors.push(RowError {
                line: record_line,
                column: None,
                value: String::new(),
                reason: "La riga non è valida.".to_owned(),
            }),
            _ => out.errors.append(&mut c.errors),
        }
    }
    out
}

/// The unique values seen so far and the line of each: a later repeat is an error
/// ("duplicato della riga N").
#[derive(Debug, Default)]
pub struct Seen {
    /// Column(s) → value → first line.
    first: BTreeMap<&'static str, BTreeMap<String, u32>>,
}

impl Seen {
    /// Errors for the values of `row` already seen. The values of a row without errors are
    /// recorded; those of a duplicate are not, so that what a row is compared with does not
    /// depend on rows left out (and a file reads the same whole or in chunks).
    pub fn check<S: Schema>(&mut self, line: u32, row: &S) -> Vec<RowError> {
        let unique = row.unique();
        let errors: Vec<RowError> = unique
            .iter()
            .filter_map(|u| {
                let first = *self.first.get(u.columns)?.get(&u.key)?;
                Some(RowError {
                    line,
                    column: Some(u.columns.to_owned()),
                    value: truncate(&u.key.replace('|', " + "), MAX_VALUE_CHARS),
                    reason: format!(
                        "Duplicato della riga {first}: {} compare già.",
                        row.describe(u.columns)
                    ),
                })
            })
            .collect();
        if errors.is_empty() {
            for u in unique {
                self.first.entry(u.columns).or_default().insert(u.key, line);
            }
        }
        errors
    }
}

/// Drops the rows whose unique values repeat, with an error each, keeping errors in line order.
pub fn remove_duplicates<S: Schema>(parsed: &mut Parsed<S>) {
    let mut seen = Seen::default();
    let mut duplicates = Vec::new();
    parsed.rows.retain(|(line, row)| {
        let e = seen.check(*line, row);
        let keep = e.is_empty();
        duplicates.extend(e);
        keep
    });
    if !duplicates.is_empty() {
        parsed.errors.extend(duplicates);
        // Stable: the errors of one line keep their column order.
        crate::sort::sort_by_key(&mut parsed.errors, |e| e.line);
    }
}
