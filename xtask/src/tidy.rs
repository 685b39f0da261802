//! `tidy`: the storage boundary, checked in the source text. All SQL of the worker lives in
//! `worker/src/db/` (and the verifier's one query in `verifier/src/db.rs`); elsewhere in
//! `worker/src` and `verifier/src` neither a `prepare(` call nor a string that reads as SQL may
//! appear. And anywhere (in `db/` too) a `format!` whose template reads as SQL may
//! only interpolate constants (`const` items, literals): a statement is never assembled from
//! values, which go in as bound parameters (a list as one `json_each(?)` parameter).
//!
//! Plain text scanning, no parser: a small lexer that knows Rust's comments, strings (raw and
//! byte strings too) and character literals, which is all the check needs.

use crate::{paths, Result};
use std::path::Path;

/// Words that start a statement, and words that only a statement has after them. Upper case
/// only: the worker writes SQL keywords in capitals, and prose ("select the file") is left alone.
const VERBS: [&str; 9] = [
    "SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "PRAGMA",
];
const CLAUSES: [&str; 13] = [
    "FROM",
    "INTO",
    "SET",
    "WHERE",
    "VALUES",
    "TABLE",
    "INDEX",
    "JOIN",
    "RETURNING",
    "UNION",
    "HAVING",
    "LIMIT",
    "OFFSET",
];

/// A place the boundary is crossed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offence {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Offence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// What a scan found.
#[derive(Debug, Default)]
pub struct Report {
    pub files: usize,
    /// String literals that read as SQL (a statement or a part of one).
    pub sql_strings: usize,
    pub offences: Vec<Offence>,
}

/// The check of `cargo xtask test`: prints what it checked and every offence, and fails on any.
pub fn check() -> Result {
    let report = scan_tree(&paths::root())?;
    for o in &report.offences {
        eprintln!("{o}");
    }
    if report.offences.is_empty() {
        eprintln!(
            "tidy: {} files, {} SQL strings, all in worker/src/db/ and verifier/src/db.rs; every SQL format! \
             interpolates constants only",
            report.files, report.sql_strings
        );
        Ok(())
    } else {
        Err(format!(
            "tidy: {} offences in {} files of worker/src ({} SQL strings): SQL belongs in \
             worker/src/db/, built from constants only",
            report.offences.len(),
            report.files,
            report.sql_strings
        ))
    }
}

/// Every `.rs` file under `root/worker/src` and `root/verifier/src`, in path order.
pub fn scan_tree(root: &Path) -> Result<Report> {
    let mut files = Vec::new();
    collect(&root.join("worker").join("src"), &mut files)?;
    collect(&root.join("verifier").join("src"), &mut files)?;
    files.sort();
    let mut report = Report::default();
    for path in files {
        let rel = path
            .strip_prefix(root)
            .map_err(|e| e.to_string())?
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let source =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let (sql, offences) = scan_file(&rel, &source);
        report.files += 1;
        report.sql_strings += sql;
        report.offences.extend(offences);
    }
    Ok(report)
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

/// One file: the number of SQL strings in it and its offences. `rel` is the path from the
/// repository's root with `/`; files under `worker/src/db/`, and `verifier/src/db.rs`, may hold
/// SQL.
pub fn scan_file(rel: &str, source: &str) -> (usize, Vec<Offence>) {
    let in_db = rel.starts_with("worker/src/db/") || rel == "verifier/src/db.rs";
    let toks = lex(source);
    let consts = const_names(&toks);
    let mut sql = 0;
    let mut offences = Vec::new();
    let mut offend = |line: usize, message: String| {
        offences.push(Offence {
            file: rel.to_owned(),
            line,
            message,
        })
    };
    for (i, t) in toks.iter().enumerate() {
        match &t.kind {
            Kind::Str(s) if is_sql(s) => {
                sql += 1;
                if !in_db {
                    offend(
                        t.line,
                        format!("SQL outside worker/src/db/: \"{}\"", excerpt(s)),
                    );
                }
            }
            Kind::Ident(name) if name == "prepare" && !in_db => {
                let called = matches!(toks.get(i + 1), Some(n) if n.kind == Kind::Punct('('));
                let method = i > 0 && matches!(toks[i - 1].kind, Kind::Punct('.' | ':'));
                if called && method {
                    offend(t.line, "`prepare(` outside worker/src/db/".to_owned());
                }
            }
            Kind::Ident(name) if name == "format" || name == "format_args" => {
                if let Some(args) = macro_args(&toks, i) {
                    for bad in format_offences(&args, &consts) {
                        offend(t.line, bad);
                    }
                }
            }
            _ => {}
        }
    }
    (sql, offences)
}

/// Whether a string literal reads as SQL: a statement verb with a clause word after it, or two
/// different clause words (a fragment such as `FROM x WHERE y`).
pub fn is_sql(s: &str) -> bool {
    let words = upper_words(s);
    let verb = words.iter().position(|w| VERBS.contains(w));
    let clause_after = |from: usize| words[from..].iter().any(|w| CLAUSES.contains(w));
    if verb.is_some_and(|v| clause_after(v + 1)) {
        return true;
    }
    let mut clauses: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| CLAUSES.contains(w))
        .collect();
    clauses.sort_unstable();
    clauses.dedup();
    clauses.len() >= 2
}

/// Whether a `format!` template is (part of) SQL: any keyword at all.
fn is_sql_template(s: &str) -> bool {
    upper_words(s)
        .iter()
        .any(|w| VERBS.contains(w) || CLAUSES.contains(w) || *w == "ORDER" || *w == "GROUP")
}

/// The upper-case words of a text (letters only).
fn upper_words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_uppercase()))
        .collect()
}

fn excerpt(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = flat.chars().take(60).collect();
    if flat.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// Why a `format!` call builds SQL from something other than constants: one message per
/// value. `args` are the macro's arguments split at top-level commas.
fn format_offences(args: &[Vec<Tok>], consts: &[String]) -> Vec<String> {
    let Some(template) = args.first().and_then(|a| match a.as_slice() {
        [Tok {
            kind: Kind::Str(s), ..
        }] => Some(s.as_str()),
        _ => None,
    }) else {
        return Vec::new();
    };
    if !is_sql_template(template) {
        return Vec::new();
    }
    let mut bad = Vec::new();
    let mut named = Vec::new();
    for arg in &args[1..] {
        let (name, value) = match arg.as_slice() {
            [Tok {
                kind: Kind::Ident(n),
                ..
            }, Tok {
                kind: Kind::Punct('='),
                ..
            }, rest @ ..]
                if !matches!(
                    rest.first(),
                    Some(Tok {
                        kind: Kind::Punct('='),
                        ..
                    })
                ) =>
            {
                (Some(n.clone()), rest)
            }
            all => (None, all),
        };
        named.extend(name);
        if !is_constant(value, consts) {
            bad.push(format!(
                "format! builds SQL from `{}`, which is not a constant",
                tokens_text(value)
            ));
        }
    }
    for name in placeholders(template) {
        let captured =
            !name.is_empty() && !name.chars().all(|c| c.is_ascii_digit()) && !named.contains(&name);
        if captured && !is_const_name(&name, consts) {
            bad.push(format!(
                "format! builds SQL from `{{{name}}}`, which is not a constant"
            ));
        }
    }
    bad
}

/// The argument names of a template's placeholders (`""` for `{}` and `{:?}`).
fn placeholders(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
            }
            '{' => {
                let mut inner = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    inner.push(c);
                }
                let name = inner.split(':').next().unwrap_or("").trim().to_owned();
                out.push(name);
            }
            _ => {}
        }
    }
    out
}

/// A literal, or a path to a constant (`COLUMNS`, `super::COLUMNS`).
fn is_constant(value: &[Tok], consts: &[String]) -> bool {
    match value {
        [Tok {
            kind: Kind::Str(_) | Kind::Num,
            ..
        }] => true,
        [Tok {
            kind: Kind::Ident(n),
            ..
        }] => is_const_name(n, consts),
        [.., Tok {
            kind: Kind::Punct(':'),
            ..
        }, Tok {
            kind: Kind::Ident(n),
            ..
        }] => {
            let path = value
                .iter()
                .all(|t| matches!(&t.kind, Kind::Ident(_) | Kind::Punct(':')));
            path && is_screaming(n)
        }
        _ => false,
    }
}

/// A constant of this file: named as constants are and declared with `const`.
fn is_const_name(name: &str, consts: &[String]) -> bool {
    is_screaming(name) && consts.iter().any(|c| c == name)
}

fn is_screaming(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// The names declared `const NAME` in a file.
fn const_names(toks: &[Tok]) -> Vec<String> {
    toks.windows(2)
        .filter_map(|w| match (&w[0].kind, &w[1].kind) {
            (Kind::Ident(k), Kind::Ident(n)) if k == "const" => Some(n.clone()),
            _ => None,
        })
        .collect()
}

fn tokens_text(toks: &[Tok]) -> String {
    toks.iter()
        .map(|t| match &t.kind {
            Kind::Ident(s) => s.clone(),
            Kind::Str(s) => format!("\"{}\"", excerpt(s)),
            Kind::Punct(c) => c.to_string(),
            Kind::Num => "0".to_owned(),
        })
        .collect()
}

/// The arguments of the macro call whose name is at `i` (`name ! (…)`), split at top-level
/// commas; `None` when `i` is not a macro call.
fn macro_args(toks: &[Tok], i: usize) -> Option<Vec<Vec<Tok>>> {
    if !matches!(toks.get(i + 1), Some(t) if t.kind == Kind::Punct('!')) {
        return None;
    }
    if !matches!(toks.get(i + 2)?.kind, Kind::Punct('(' | '[' | '{')) {
        return None;
    }
    let mut depth = 0usize;
    let mut args = vec![Vec::new()];
    for t in &toks[i + 2..] {
        match t.kind {
            Kind::Punct('(' | '[' | '{') => {
                depth += 1;
                if depth == 1 {
                    continue;
                }
            }
            Kind::Punct(')' | ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    if args.last().is_some_and(Vec::is_empty) {
                        args.pop(); // a trailing comma
                    }
                    return Some(args);
                }
            }
            Kind::Punct(',') if depth == 1 => {
                args.push(Vec::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = args.last_mut() {
            last.push(t.clone());
        }
    }
    None
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Ident(String),
    /// A string literal's text between its quotes, escapes as written.
    Str(String),
    Num,
    Punct(char),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Tok {
    kind: Kind,
    line: usize,
}

/// Rust source as identifiers, string literals, numbers and punctuation, without comments,
/// character literals and lifetimes.
fn lex(src: &str) -> Vec<Tok> {
    let c: Vec<char> = src.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && c.get(i + 1) == Some(&'*') {
            // Block comments nest in Rust.
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if ch == '"' {
            let start = line;
            let (text, next, lines) = quoted(&c, i + 1);
            toks.push(Tok {
                kind: Kind::Str(text),
                line: start,
            });
            line += lines;
            i = next;
        } else if ch == '\'' {
            // A character literal ('x', '\n', '\'', '"'), or a lifetime or label ('a).
            if c.get(i + 1) == Some(&'\\') {
                let mut j = i + 3;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            let raw = (word == "r" || word == "br") && matches!(c.get(i), Some('"' | '#'));
            if raw {
                let mut hashes = 0;
                while c.get(i) == Some(&'#') {
                    hashes += 1;
                    i += 1;
                }
                if c.get(i) != Some(&'"') {
                    // `r#ident` (a raw identifier), not a string.
                    toks.push(Tok {
                        kind: Kind::Ident(word),
                        line,
                    });
                    continue;
                }
                let start_line = line;
                let body_start = i + 1;
                let mut j = body_start;
                loop {
                    if j >= c.len() {
                        break;
                    }
                    if c[j] == '"' && (1..=hashes).all(|k| c.get(j + k) == Some(&'#')) {
                        break;
                    }
                    if c[j] == '\n' {
                        line += 1;
                    }
                    j += 1;
                }
                toks.push(Tok {
                    kind: Kind::Str(c[body_start..j.min(c.len())].iter().collect()),
                    line: start_line,
                });
                i = j + 1 + hashes;
            } else if word == "b" && c.get(i) == Some(&'"') {
                let start_line = line;
                let (text, next, lines) = quoted(&c, i + 1);
                toks.push(Tok {
                    kind: Kind::Str(text),
                    line: start_line,
                });
                line += lines;
                i = next;
            } else if word == "b" && c.get(i) == Some(&'\'') {
                // A byte literal: the next branch skips it as a character literal.
                continue;
            } else {
                toks.push(Tok {
                    kind: Kind::Ident(word),
                    line,
                });
            }
        } else if ch.is_ascii_digit() {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            toks.push(Tok {
                kind: Kind::Num,
                line,
            });
        } else {
            toks.push(Tok {
                kind: Kind::Punct(ch),
                line,
            });
            i += 1;
        }
    }
    toks
}

/// A `"…"` literal from just after its opening quote: its text, the index after its closing
/// quote, and the newlines inside it.
fn quoted(c: &[char], mut i: usize) -> (String, usize, usize) {
    let mut text = String::new();
    let mut lines = 0;
    while i < c.len() {
        match c[i] {
            '\\' => {
                text.push('\\');
                if let Some(&n) = c.get(i + 1) {
                    if n == '\n' {
                        lines += 1;
                    }
                    text.push(n);
                }
                i += 2;
            }
            '"' => return (text, i + 1, lines),
            ch => {
                if ch == '\n' {
                    lines += 1;
                }
                text.push(ch);
                i += 1;
            }
        }
    }
    (text, i, lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTSIDE: &str = "worker/src/family.rs";
    const INSIDE: &str = "worker/src/db/school.rs";

    fn lines_of(rel: &str, src: &str) -> Vec<usize> {
        scan_file(rel, src).1.iter().map(|o| o.line).collect()
    }

    #[test]
    fn sql_reads_as_sql_and_prose_does_not() {
        assert!(is_sql("SELECT id FROM pupils WHERE school_id = ?1"));
        assert!(is_sql("DELETE FROM sessions WHERE id_hash = ?1"));
        assert!(is_sql("INSERT INTO logins (a) VALUES (?1)"));
        assert!(is_sql("UPDATE sessions SET last_seen = ?2"));
        assert!(is_sql(" FROM hosts h JOIN regions r ON r.code = h.region"));
        assert!(!is_sql("Select the file from the list, then update it."));
        assert!(!is_sql("SELECT")); // a word alone is not a statement
        assert!(!is_sql("Il codice non è valido: SPID o CIE."));
        assert!(!is_sql("h.id, h.name, h.kind"));
    }

    #[test]
    fn sql_outside_db_is_an_offence_with_its_line() {
        let src =
            "fn f() {\n    let x = 1;\n    db.prepare(\"SELECT a FROM b WHERE c = ?1\");\n}\n";
        let (sql, offences) = scan_file(OUTSIDE, src);
        assert_eq!(sql, 1);
        assert_eq!(offences.len(), 2, "{offences:?}"); // the string and the prepare( call
        assert!(offences.iter().all(|o| o.line == 3 && o.file == OUTSIDE));
        assert!(offences[0]
            .to_string()
            .starts_with("worker/src/family.rs:3: "));
        // The same text in db/ is the rule kept.
        let (sql, offences) = scan_file(INSIDE, src);
        assert_eq!((sql, offences.len()), (1, 0));
    }

    #[test]
    fn a_prepare_call_alone_outside_db_is_an_offence() {
        assert_eq!(lines_of(OUTSIDE, "fn f() {\n db.prepare(sql)\n}"), vec![2]);
        assert_eq!(lines_of(OUTSIDE, "fn f() {\n d1::prepare(sql)\n}"), vec![2]);
        // A function of another name, or the word in prose, is not one.
        assert!(lines_of(OUTSIDE, "fn prepare_form() {}\nfn g() { prepare_form(); }").is_empty());
        assert!(lines_of(OUTSIDE, "// call db.prepare(x) here\nlet s = \"prepare(\";").is_empty());
    }

    #[test]
    fn comments_chars_and_raw_strings_are_lexed() {
        let src = "// SELECT a FROM b\n/* DELETE FROM x /* nested */ WHERE y */\nlet q = '\"';\n\
                   let r = r#\"UPDATE t SET a = \"b\" WHERE c\"#;\nlet l: &'static str = \"ok\";\n";
        let (sql, offences) = scan_file(OUTSIDE, src);
        assert_eq!(sql, 1);
        assert_eq!(offences.iter().map(|o| o.line).collect::<Vec<_>>(), vec![4]);
        // A quote inside a character literal does not open a string that would swallow code.
        let src = "let q = '\"'; db.prepare(x);";
        assert_eq!(lines_of(OUTSIDE, src), vec![1]);
        let src = "let q = b'\"'; let e = '\\''; db.prepare(x);";
        assert_eq!(lines_of(OUTSIDE, src), vec![1]);
    }

    #[test]
    fn multi_line_strings_keep_the_line_count() {
        let src = "let a = \"one\\\n  two\";\nlet b = \"SELECT x\n FROM y\";\nlet c = \"DELETE FROM z WHERE w\";";
        assert_eq!(lines_of(OUTSIDE, src), vec![3, 5]);
    }

    #[test]
    fn format_may_interpolate_constants_only() {
        let consts = "const COLUMNS: &str = \"a, b\";\nconst GUARD: &str = \"x\";\n";
        let ok = [
            "format!(\"SELECT {COLUMNS} FROM t WHERE id = ?1\")",
            "format!(\"SELECT {} FROM t\", COLUMNS)",
            "format!(\"SELECT {c} FROM t WHERE {GUARD}\", c = COLUMNS)",
            "format!(\"SELECT {} FROM t LIMIT {}\", \"a\", 20)",
            "format!(\"SELECT {} FROM t\", super::COLUMNS)",
            "format!(\"import:{}\", imp.id)",           // not SQL
            "format!(\"Il file contiene {n} errori\")", // not SQL
            "format!(\"{{literal}} FROM t WHERE {GUARD}\")", // escaped braces
        ];
        for call in ok {
            let src = format!("{consts}fn f() {{ let s = {call}; }}");
            assert!(scan_file(INSIDE, &src).1.is_empty(), "{call}");
        }
        let bad = [
            "format!(\"SELECT a FROM t WHERE id IN ({list})\")",
            "format!(\"SELECT {} FROM t\", cols)",
            "format!(\"SELECT a FROM t ORDER BY {order}\")",
            "format!(\"{window} UNION ALL {beyond}\")",
            "format!(\"SELECT {c} FROM t\", c = cols.join(\",\"))",
            "format!(\"SELECT a FROM t WHERE id = {}\", id.to_string())",
            "format!(\"SELECT {Columns} FROM t\")", // not a constant's name
            "format!(\"SELECT {OTHER} FROM t\")",   // not declared here
        ];
        for call in bad {
            let src = format!("{consts}fn f() {{\n let s = {call};\n}}");
            let offences = scan_file(INSIDE, &src).1;
            assert!(!offences.is_empty(), "{call}");
            assert!(offences.iter().all(|o| o.line == 4), "{call}: {offences:?}");
        }
    }

    #[test]
    fn the_worker_tree_is_scanned() {
        let report = scan_tree(&paths::root()).expect("worker/src is readable");
        assert!(report.files >= 10, "{} files", report.files);
        assert!(
            report.sql_strings >= 20,
            "{} SQL strings",
            report.sql_strings
        );
    }
}
