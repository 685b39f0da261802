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
}
