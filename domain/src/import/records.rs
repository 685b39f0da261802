//! Records and cells of a CSV text (RFC 4180 quotes), with the physical line each record starts
//! on. The chunker uses the same record scanner, so a file cut into chunks is read exactly as the
//! whole file is.

use std::borrow::Cow;

/// One record of the text: where it is and how many line breaks it spans (its own terminator
/// included), so the caller can number the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawRecord {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just after the last character, before the line terminator.
    pub end: usize,
    /// Byte offset of the next record (after the terminator; the text's length at the end).
    pub next: usize,
    /// Line terminators from `start` to `next`: those inside quoted cells and the record's own.
    pub breaks: u32,
}

/// The record starting at `start`. A record ends at the first line terminator (`\r\n`, `\n` or
/// `\r`) outside quotes. "Outside quotes" is counted by parity — every `"` toggles — which is
/// exactly RFC 4180 for a well-formed file (a `""` inside a quoted cell toggles twice) and, for a
/// malformed one, a rule the chunker can apply without knowing the separator. A quote left open
/// runs to the end of the text; the cell reader then reports it.
pub(crate) fn next_record(text: &[u8], start: usize) -> RawRecord {
    let mut in_quotes = false;
    let mut breaks = 0u32;
    let mut i = start;
    while i < text.len() {
        match text[i] {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' => {
                let after = if text[i] == b'\r' && text.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                breaks = breaks.saturating_add(1);
                if !in_quotes {
                    return RawRecord {
                        start,
                        end: i,
                        next: after,
                        breaks,
                    };
                }
                i = after;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    RawRecord {
        start,
        end: text.len(),
        next: text.len(),
        breaks,
    }
}

/// Whether a record holds nothing but white space (an empty line).
pub(crate) fn is_blank(record: &str) -> bool {
    record.trim().is_empty()
}

/// Why a cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellError {
    /// Index of the cell in the record.
    pub index: usize,
    /// The cell as written, from its start.
    pub value: String,
    pub reason: &'static str,
}

const UNCLOSED: &str = "Le virgolette aperte in questa cella non vengono mai chiuse: \
     il resto del file è stato letto come un'unica cella.";
const AFTER_QUOTE: &str = "Dopo le virgolette di chiusura c'è altro testo: se la cella contiene \
     virgolette, va racchiusa tutta tra virgolette e quelle interne vanno raddoppiate (\"\").";
const STRAY_QUOTE: &str = "Virgolette in mezzo alla cella: una cella che contiene virgolette va \
     racchiusa tutta tra virgolette, raddoppiando quelle interne (\"\").";

/// The cells of one record, each trimmed. A cell may be quoted (spaces before the opening quote
/// and after the closing one are allowed, as hand-written files have them); inside quotes `""`
/// is a quote and the separator and line breaks are text.
pub(crate) fn split_cells(record: &str, sep: u8) -> Result<Vec<Cow<'_, str>>, CellError> {
    let b = record.as_bytes();
    let mut cells = Vec::new();
    let mut i = 0;
    loop {
        let index = cells.len();
        let mut j = i;
        while j < b.len() && matches!(b[j], b' ' | b'\t') {
            j += 1;
        }
        if b.get(j) == Some(&b'"') {
            let mut value = String::new();
            let mut seg = j + 1;
            let mut k = j + 1;
            loop {
                match b[k.min(b.len())..].iter().position(|&c| c == b'"') {
                    None => {
                        return Err(CellError {
                            index,
                            value: record[i..].trim().to_owned(),
                            reason: UNCLOSED,
                        })
                    }
                    Some(p) => {
                        let q = k + p;
                        if b.get(q + 1) == Some(&b'"') {
                            value.push_str(&record[seg..=q]);
                            k = q + 2;
                            seg = k;
                        } else {
                            value.push_str(&record[seg..q]);
                            k = q + 1;
                            break;
                        }
                    }
                }
            }
            while k < b.len() && matches!(b[k], b' ' | b'\t') {
                k += 1;
            }
            let trimmed = value.trim();
            cells.push(Cow::Owned(if trimmed.len() == value.len() {
                value
            } else {
                trimmed.to_owned()
            }));
            if k == b.len() {
                return Ok(cells);
            }
            if b[k] != sep {
                let end = b[k..]
                    .iter()
                    .position(|&c| c == sep)
                    .map_or(b.len(), |p| k + p);
                return Err(CellError {
                    index,
                    value: record[i..end].trim().to_owned(),
                    reason: AFTER_QUOTE,
                });
            }
            i = k + 1;
        } else {
            let end = b[i..]
                .iter()
                .position(|&c| c == sep)
                .map_or(b.len(), |p| i + p);
            let cell = &record[i..end];
            if cell.contains('"') {
                return Err(CellError {
                    index,
                    value: cell.trim().to_owned(),
                    reason: STRAY_QUOTE,
                });
            }
            cells.push(Cow::Borrowed(cell.trim()));
            if end == b.len() {
                return Ok(cells);
            }
            i = end + 1;
        }
    }
}

/// The separator of a header line: `;` or `,`, whichever appears outside quotes. `None` when
/// neither or both do.
pub(crate) fn detect_separator(header: &str) -> Result<u8, SeparatorProblem> {
    let mut in_quotes = false;
    let (mut semicolons, mut commas) = (0usize, 0usize);
    for &c in header.as_bytes() {
        match c {
            b'"' => in_quotes = !in_quotes,
            b';' if !in_quotes => semicolons += 1,
            b',' if !in_quotes => commas += 1,
            _ => {}
        }
    }
    match (semicolons > 0, commas > 0) {
        (true, false) => Ok(b';'),
        (false, true) => Ok(b','),
        (false, false) => Err(SeparatorProblem::Neither),
        (true, true) => Err(SeparatorProblem::Both),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SeparatorProblem {
    Neither,
    Both,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> Vec<(&str, u32)> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < b.len() {
            let r = next_record(b, pos);
            out.push((&text[r.start..r.end], r.breaks));
            pos = r.next;
        }
        out
    }

    #[test]
    fn records_end_outside_quotes() {
        assert_eq!(
            records("a;b\r\n\"x\ny\";z\n\nlast"),
            [("a;b", 1), ("\"x\ny\";z", 2), ("", 1), ("last", 0)]
        );
        assert_eq!(records("a\rb\r\n"), [("a", 1), ("b", 1)]);
        assert_eq!(
            records("\"open\nnever closed"),
            [("\"open\nnever closed", 1)]
        );
    }

    #[test]
    fn cells_follow_rfc_4180() {
        let c = split_cells(r#" 3A ; "Rossi; Maria" ;"D""Angelo";;"#, b';').unwrap();
        assert_eq!(c, ["3A", "Rossi; Maria", "D\"Angelo", "", ""]);
        assert_eq!(split_cells("", b',').unwrap(), [""]);
        assert_eq!(split_cells("\"a\nb\"", b',').unwrap(), ["a\nb"]);
        assert_eq!(split_cells("\"\"", b',').unwrap(), [""]);
        assert_eq!(
            split_cells("a, \"b, c\" ,d", b',').unwrap(),
            ["a", "b, c", "d"]
        );
    }

    #[test]
    fn bad_quotes_are_reported() {
        let e = split_cells("a;\"open", b';').unwrap_err();
        assert_eq!((e.index, e.reason), (1, UNCLOSED));
        let e = split_cells("a;\"x\"y;z", b';').unwrap_err();
        assert_eq!(
            (e.index, e.value.as_str(), e.reason),
            (1, "\"x\"y", AFTER_QUOTE)
        );
        let e = split_cells("a;D\"Angelo\";z", b';').unwrap_err();
        assert_eq!((e.index, e.reason), (1, STRAY_QUOTE));
    }

    #[test]
    fn separator_from_the_header() {
        assert_eq!(detect_separator("classe;ordine"), Ok(b';'));
        assert_eq!(detect_separator("classe,ordine"), Ok(b','));
        assert_eq!(detect_separator("\"a,b\";c"), Ok(b';'));
        assert_eq!(detect_separator("classe"), Err(SeparatorProblem::Neither));
        assert_eq!(detect_separator("a;b,c"), Err(SeparatorProblem::Both));
    }
}
