//! Cutting a large file into parts (docs/imports.md, "Large files"), in the browser before
//! sending it and in the benchmark. Small on purpose: it runs in the browser's wasm.

use super::records::{is_blank, next_record};
use super::text::{decode, is_utf16};

/// One part of a file: the header line, then whole records of the file. `first_line` is the
/// physical line of the original file where the first record after the header starts: pass it
/// to [`super::parse_rows`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub first_line: u32,
    /// UTF-8 text (a Windows-1252 file is converted: see below).
    pub bytes: Vec<u8>,
}

/// Cuts `bytes` into parts of at most `max_bytes` each (the header included), at record
/// boundaries: never inside a quoted cell. A record longer than that is a part of its own.
///
/// The file is decoded first ([`super::decode`]), so every part is UTF-8 and the encoding is
/// decided once for the whole file: a Windows-1252 part that happened to be valid UTF-8 would
/// otherwise be read differently from the whole file. Parts holding only empty lines are left
/// out. There is always at least one part: a file without records gives its header alone (or
/// the empty text, which [`super::parse_rows`] reports as an empty file).
pub fn split_chunks(bytes: &[u8], max_bytes: usize) -> Vec<Chunk> {
    if is_utf16(bytes) {
        // Not a CSV file: one part, so the reader says so.
        return vec![Chunk {
            first_line: 2,
            bytes: bytes.to_vec(),
        }];
    }
    let text = decode(bytes);
    let b = text.as_bytes();
    let mut pos = 0;
    let mut line: u32 = 1;
    // The header: the first record that is not blank.
    let header = loop {
        if pos >= b.len() {
            return vec![Chunk {
                first_line: line.saturating_add(1),
                bytes: text.into_bytes(),
            }];
        }
        let r = next_record(b, pos);
        if !is_blank(&text[r.start..r.end]) {
            break r;
        }
        line = line.saturating_add(r.breaks);
        pos = r.next;
    };
    // Always `\n` after the header: its own terminator, a lone `\r`, could merge with a part
    // starting with `\n` into one `\r\n` and change the count of lines.
    // (A header that runs to the end of the file, in an open quote, is kept as it is.)
    let mut head = b[header.start..header.end].to_vec();
    if header.next > header.end {
        head.push(b'\n');
    }
    line = line.saturating_add(header.breaks.max(1));
    pos = header.next;

    let mut chunks = Vec::new();
    // The part being filled: where its records start in `b`, its first line, and whether it
    // holds a record that is not blank.
    let mut start = pos;
    let mut start_line = line;
    let mut has_record = false;
    let flush = |chunks: &mut Vec<Chunk>, from: usize, to: usize, first_line: u32| {
        let mut bytes = Vec::with_capacity(head.len() + (to - from));
        bytes.extend_from_slice(&head);
        bytes.extend_from_slice(&b[from..to]);
        chunks.push(Chunk { first_line, bytes });
    };
    while pos < b.len() {
        let r = next_record(b, pos);
        let blank = is_blank(&text[r.start..r.end]);
        let size = head.len() + (r.next - start);
        if size > max_bytes && pos > start {
            if has_record {
                flush(&mut chunks, start, pos, start_line);
            }
            start = pos;
            start_line = line;
            has_record = false;
        }
        has_record |= !blank;
        line = line.saturating_add(r.breaks);
        pos = r.next;
    }
    if has_record || chunks.is_empty() {
        flush(&mut chunks, start, pos, start_line);
    }
    chunks
}
