//! Free-text search over the host register, built on SQLite FTS5.
//!
//! The index has three columns: `name`, `body` (activities, figures' titles, place names, ATECO
//! title) and `filters`, which holds every filterable value of a host as a token (`pvrm`,
//! `cp623`, `pm202603`, …). A search with text and filters is then one FTS `MATCH`, which is what
//! keeps text + filter searches fast at 100k hosts (docs/toolchain.md, "Directory search"). The
//! tokenizer is `unicode61 remove_diacritics 2`, so case and accents do not matter; each word
//! the person types is a prefix (`mecc` finds `meccanica`).

use crate::error::FieldError;
use crate::hosts::{HostKind, HostSearch, PathKind, Period};
use crate::messages::Msg;

/// What a person typed in the search box: 1–200 characters with at least one letter or digit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText(String);

impl SearchText {
    pub const MAX_CHARS: usize = 200;
    /// More words than this add nothing to a search and cost time.
    pub const MAX_WORDS: usize = 8;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let raw = raw.trim();
        if raw.chars().count() > Self::MAX_CHARS {
            return Err(FieldError::invalid_says(
                "q",
                Msg::SearchTextMaxLen,
                &[("max", &Self::MAX_CHARS)],
            ));
        }
        if words(raw).next().is_none() {
            return Err(FieldError::invalid_says(
                "q",
                Msg::SearchTextNoAlphanumeric,
                &[],
            ));
        }
        Ok(SearchText(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The FTS5 expression for the typed words: every word must appear, as a prefix, in the
    /// name or the body. Words are quoted, so FTS5 operators typed by a person are just text.
    pub fn fts_expression(&self) -> String {
        let terms: Vec<String> = words(&self.0)
            .take(Self::MAX_WORDS)
            .map(|w| format!("\"{w}\"*"))
            .collect();
        format!("{{name body}} : ({})", terms.join(" "))
    }

    /// The FTS5 expression for a one-column index (the CP 2011 titles): every word, as a
    /// prefix, quoted.
    pub fn fts_prefix_terms(&self) -> String {
        words(&self.0)
            .take(Self::MAX_WORDS)
            .map(|w| format!("\"{w}\"*"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The letter without its accent, for the lower-case letters of the Latin-1 range: what
/// FTS5's `remove_diacritics` does to the words Ponte's users type.
pub(crate) fn unaccent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// A word as the index holds it: lower case, without accents.
pub fn index_form(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(unaccent)
        .collect()
}

/// The edit distance between two words (Damerau–Levenshtein, optimal string alignment: an
/// insertion, a deletion, a substitution or two neighbours swapped each count one), in
/// characters; `None` when it is over `max`, which is found without filling the whole table.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of the table: two back (for a swap), one back, this one.
    let mut older: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        let mut best = row[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(older[j - 2] + 1);
            }
            row[j] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut older, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    Some(prev[b.len()]).filter(|d| *d <= max)
}

/// How many mistakes a typed word may hold and still be corrected: none in words of up to three
/// letters (too many words are that close), one up to five, two from six.
pub fn typo_allowance(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=5 => 1,
        _ => 2,
    }
}

/// A word of the directory's vocabulary (FTS5 `fts5vocab`): the word as the index holds it and
/// how many profiles contain it.
#[derive(Debug, Clone, PartialEq)]
pub struct VocabularyWord {
    pub term: String,
    pub docs: u64,
}

/// The range of the vocabulary read to correct a word: every term that starts with the word's
/// first two letters (`[me, mf)`); `None` for a word too short to be corrected. At 100k hosts
/// (40,000 terms) a two-letter range reads in 0.2–0.9 ms, a one-letter range in 3–13 ms, and
/// a trigram index of the vocabulary finds its candidates in 0.4–0.9 ms but is a second index
/// to keep in step with every publication (docs/toolchain.md, "Spelling suggestions"). A
/// mistake in the first two letters is not corrected.
pub fn vocabulary_range(word: &str) -> Option<(String, String)> {
    let w = index_form(word);
    if typo_allowance(&w) == 0 {
        return None;
    }
    let mut chars = w.chars();
    let (a, b) = (chars.next()?, chars.next()?);
    let next = char::from_u32(u32::from(b) + 1)?;
    Some((format!("{a}{b}"), format!("{a}{next}")))
}

impl SearchText {
    /// The typed words as the index holds them, as many as the search uses.
    pub fn index_words(&self) -> Vec<String> {
        words(&self.0)
            .take(Self::MAX_WORDS)
            .map(index_form)
            .collect()
    }

    /// The search as the person probably meant it ("Forse cercavi: meccanica"), from the
    /// directory's own vocabulary: each word that begins no word of the directory becomes the
    /// closest word within its [`typo_allowance`] (fewest mistakes, then the most profiles,
    /// then alphabetical). `None` when no word changes.
    pub fn suggestion(&self, vocabulary: &[VocabularyWord]) -> Option<SearchText> {
        let mut changed = false;
        let fixed: Vec<String> = words(&self.0)
            .take(Self::MAX_WORDS)
            .map(|typed| {
                let w = index_form(typed);
                if vocabulary.iter().any(|v| v.term.starts_with(&w)) {
                    return typed.to_owned();
                }
                let allowed = typo_allowance(&w);
                let best = vocabulary
                    .iter()
                    .filter_map(|v| edit_distance(&w, &v.term, allowed).map(|d| (d, v)))
                    .min_by(|(d1, v1), (d2, v2)| {
                        d1.cmp(d2)
                            .then(v2.docs.cmp(&v1.docs))
                            .then(v1.term.cmp(&v2.term))
                    });
                match best {
                    Some((d, v)) if d > 0 => {
                        changed = true;
                        v.term.clone()
                    }
                    _ => typed.to_owned(),
                }
            })
            .collect();
        changed.then(|| SearchText(fixed.join(" ")))
    }
}

/// The words of a text: runs of letters and digits.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The filter token of a kind of body.
pub fn kind_token(kind: HostKind) -> String {
    format!("kd{}", kind.as_str().replace('_', ""))
}

pub fn path_token(path: PathKind) -> String {
    format!("pt{}", path.as_str())
}

/// Everything a host can be filtered by, as the tokens of its `filters` column.
pub struct HostTokens<'a> {
    pub kind: HostKind,
    pub region: &'a str,
    pub province: &'a str,
    pub comuni: &'a [String],
    pub paths: &'a [PathKind],
    pub figures: &'a [String],
    pub ateco: Option<&'a str>,
    pub periods: &'a [Period],
}

impl HostTokens<'_> {
    pub fn to_filters_column(&self) -> String {
        let mut t: Vec<String> = vec![
            kind_token(self.kind),
            format!("rg{}", self.region),
            format!("pv{}", self.province.to_ascii_lowercase()),
        ];
        t.extend(self.comuni.iter().map(|c| format!("cm{c}")));
        t.extend(self.paths.iter().map(|p| path_token(*p)));
        for f in self.figures {
            if let Ok(code) = crate::hosts::Cp2011Code::parse(f) {
                t.extend(code.with_ancestors().into_iter().map(|d| format!("cp{d}")));
            }
        }
        if let Some(a) = self
            .ateco
            .and_then(|a| crate::hosts::AtecoCode::parse(a).ok())
        {
            t.extend(a.prefixes().into_iter().map(|d| format!("at{d}")));
        }
        for p in self.periods {
            t.extend(
                p.months()
                    .into_iter()
                    .map(|m| format!("pm{:04}{:02}", m.year, m.month)),
            );
        }
        t.sort();
        t.dedup();
        t.join(" ")
    }
}

impl HostSearch {
    /// The one FTS5 `MATCH` expression for the text and the token filters, or `None` when the
    /// search has neither (then the register is listed in its default order). `min_places` is
    /// numeric and is applied in SQL.
    pub fn fts_match(&self) -> Option<String> {
        let mut tokens: Vec<String> = Vec::new();
        if let Some(v) = self.kind {
            tokens.push(kind_token(v));
        }
        if let Some(v) = &self.region {
            tokens.push(format!("rg{v}"));
        }
        if let Some(v) = &self.province {
            tokens.push(format!("pv{}", v.as_str().to_ascii_lowercase()));
        }
        if let Some(v) = &self.comune {
            tokens.push(format!("cm{v}"));
        }
        if let Some(v) = self.path {
            tokens.push(path_token(v));
        }
        if let Some(v) = &self.figure {
            tokens.push(format!("cp{}", v.digits()));
        }
        if let Some(v) = &self.ateco {
            tokens.push(format!("at{}", v.digits()));
        }
        if let Some(v) = self.period {
            tokens.push(format!("pm{:04}{:02}", v.year, v.month));
        }
        let filters = (!tokens.is_empty()).then(|| format!("filters : ({})", tokens.join(" ")));
        match (self.q.as_ref().map(SearchText::fts_expression), filters) {
            (None, None) => None,
            (Some(t), None) => Some(t),
            (None, Some(f)) => Some(f),
            (Some(t), Some(f)) => Some(format!("{t} AND {f}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_operators_are_only_text() {
        let t = SearchText::parse("mecc OR \"x\" NEAR(a)").unwrap();
        assert_eq!(
            t.fts_expression(),
            "{name body} : (\"mecc\"* \"OR\"* \"x\"* \"NEAR\"* \"a\"*)"
        );
        assert!(SearchText::parse(" -- ").is_err());
        assert!(SearchText::parse(&"a".repeat(201)).is_err());
    }

    #[test]
    fn text_and_filters_make_one_match() {
        let s = HostSearch::from_pairs(vec![
            ("q".into(), "Meccànica".into()),
            ("province".into(), "rm".into()),
            ("figure".into(), "6.2".into()),
        ])
        .unwrap();
        assert_eq!(
            s.fts_match().unwrap(),
            "{name body} : (\"Meccànica\"*) AND filters : (pvrm cp62)"
        );
        assert_eq!(HostSearch::from_pairs(vec![]).unwrap().fts_match(), None);
    }

    #[test]
    fn host_tokens_cover_every_level() {
        let figures = vec!["6.2.3.1.0".to_owned()];
        let comuni = vec!["058091".to_owned()];
        let t = HostTokens {
            kind: HostKind::EntePubblico,
            region: "12",
            province: "RM",
            comuni: &comuni,
            paths: &[PathKind::Pcto],
            figures: &figures,
            ateco: Some("84.11.10"),
            periods: &[],
        }
        .to_filters_column();
        for tok in [
            "kdentepubblico",
            "rg12",
            "pvrm",
            "cm058091",
            "ptpcto",
            "cp6",
            "cp62310",
            "at84",
            "at841110",
        ] {
            assert!(t.split(' ').any(|x| x == tok), "{tok} in {t}");
        }
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("mecanica", "meccanica", 2), Some(1));
        assert_eq!(edit_distance("eletricista", "elettricista", 2), Some(1));
        assert_eq!(edit_distance("falegnmae", "falegname", 2), Some(1)); // a swap
        assert_eq!(edit_distance("abc", "abc", 0), Some(0));
        assert_eq!(edit_distance("kitten", "sitting", 3), Some(3));
        assert_eq!(edit_distance("kitten", "sitting", 2), None);
        assert_eq!(edit_distance("a", "abcd", 2), None);
        assert_eq!(edit_distance("", "ab", 2), Some(2));
    }

    #[test]
    fn suggestions_come_from_the_vocabulary() {
        let v = |t: &str, docs| VocabularyWord {
            term: t.into(),
            docs,
        };
        let vocab = [
            v("meccanica", 40),
            v("meccanico", 5),
            v("medicina", 9),
            v("officina", 30),
            v("elettricista", 12),
            v("falegname", 7),
        ];
        let s = |q: &str| {
            SearchText::parse(q)
                .unwrap()
                .suggestion(&vocab)
                .map(|s| s.0)
        };
        assert_eq!(s("Mecanica").as_deref(), Some("meccanica"));
        assert_eq!(
            s("officina mecanica").as_deref(),
            Some("officina meccanica")
        );
        assert_eq!(s("eletricista").as_deref(), Some("elettricista"));
        assert_eq!(s("falegnmae").as_deref(), Some("falegname"));
        // A word that begins a word of the directory is what the person meant.
        assert_eq!(s("mecc"), None);
        assert_eq!(s("xyzzy"), None);
        // Short words are not corrected.
        assert_eq!(s("mec"), None);
        assert_eq!(
            vocabulary_range("Èlettrico"),
            Some(("el".to_owned(), "em".to_owned()))
        );
        assert_eq!(vocabulary_range("mec"), None);
    }
}
