//! Free-text search over the host register, built on SQLite FTS5.
//!
//! The index has three columns: `name`, `body` (activities, figures' titles, place names, ATECO
//! title) and `filters`, which holds every filterable value of a host as a token (`pvrm`,
//! `opccp623`, `oappm202603`, …). A search with text and filters is then one FTS `MATCH`, which is what
//! keeps text + filter searches fast at 100k hosts (docs/toolchain.md, "Directory search"). The
//! tokenizer is `unicode61 remove_diacritics 2`, so case and accents do not matter; each word
//! the person types is a prefix (`mecc` finds `meccanica`).
//!
//! Italian words are also found in the singular and the plural and across gender: the index
//! holds each word of the name and body with its Snowball stem ([`index_text`]), and a typed
//! word is its prefix or its stem (`meccanico` finds `meccanici` and `meccanica`). FTS5 in D1
//! cannot load a stemming tokenizer, so the stems are written by Rust, with the one function
//! [`stem`] at index time and at query time (docs/design.md §8).
//!
//! The filters that describe an offer (path, period, figure, places) match within one offer:
//! a profile has at most one offer per path kind, so each offer's values are written as tokens
//! qualified by its path (`opcpm202702`: the PCTO offer runs in February 2027), and a search
//! asks for them all under the same path, or under either path when it names none
//! ([`HostSearch::fts_match`]).

use crate::error::FieldError;
use crate::hosts::{Cp2011Code, HostKind, HostSearch, Offer, PathKind};
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

    /// The FTS5 expression for the typed words: every word must appear in the name or the
    /// body, as a prefix or by its stem ([`Self::fts_prefix_terms`]). Words are quoted, so
    /// FTS5 operators typed by a person are just text.
    pub fn fts_expression(&self) -> String {
        format!("{{name body}} : ({})", self.fts_prefix_terms())
    }

    /// The FTS5 terms of the typed words, all required: each word as a prefix (`meccanic`
    /// while it is being typed finds `meccanici`) or, when it has one, its stem as a whole
    /// term of [`index_text`] (`meccanico` finds the `meccan` of `meccanica`). Used as is by a
    /// one-column index (the CP 2011 titles).
    pub fn fts_prefix_terms(&self) -> String {
        self.query_words()
            .iter()
            .map(|(word, stem)| match stem {
                Some(stem) => format!("(\"{word}\"* OR \"{stem}\")"),
                None => format!("\"{word}\"*"),
            })
            .collect::<Vec<_>>()
            .join(" AND ")
    }

    /// The typed words as the index holds them, each with its stem when that differs.
    fn query_words(&self) -> Vec<(String, Option<String>)> {
        words(&self.0)
            .take(Self::MAX_WORDS)
            .map(|w| {
                let word = index_form(w);
                let stem = stem(&word);
                let stem = (stem != word).then_some(stem);
                (word, stem)
            })
            .collect()
    }

    /// Whether a text (as [`index_text`] writes it) holds every typed word as the search
    /// looks for it: what the FTS5 `MATCH` of [`Self::fts_prefix_terms`] finds, for the tests
    /// that check the searches against the data they seeded.
    pub fn finds(&self, text: &str) -> bool {
        let indexed = index_text(text);
        let terms: Vec<&str> = indexed.split(' ').collect();
        self.query_words().iter().all(|(word, stem)| {
            terms
                .iter()
                .any(|t| t.starts_with(word.as_str()) || stem.as_deref() == Some(*t))
        })
    }
}

/// The Italian Snowball stem of a word in [`index_form`] (`meccanici`, `meccanica` →
/// `meccan`). The same function writes the index and reads the query.
pub fn stem(word: &str) -> String {
    rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Italian)
        .stem(word)
        .into_owned()
}

/// A text as the full-text index holds it (the hosts' name and body, the CP 2011 titles):
/// its words in [`index_form`], each followed by its [`stem`] when that differs, separated by
/// single spaces.
pub fn index_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for w in words(text) {
        let word = index_form(w);
        let stem = stem(&word);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
        if stem != word {
            out.push(' ');
            out.push_str(&stem);
        }
    }
    out
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

/// The token of a path kind: the host has an offer on it.
pub fn path_token(path: PathKind) -> String {
    format!("pt{}", path.as_str())
}

/// What the tokens of one offer start with: `opc` (PCTO), `oap` (apprenticeship).
fn offer_prefix(path: PathKind) -> &'static str {
    match path {
        PathKind::Pcto => "opc",
        PathKind::Apprendistato => "oap",
    }
}

/// The places of an offer are written as the dyadic ranges holding them, so "at least `m`
/// places" is an `OR` of a few tokens ([`places_query`]): bits of the largest number written.
const PLACES_BITS: u32 = 10;

/// The places tokens of an offer of `n` places: for each level `l`, the range
/// `[v·2^l, (v+1)·2^l)` holding `n` (token `n{l}{v}`), while `v` is not 0. Over 1,023 places
/// (more than any profile may offer) counts as 1,023.
fn places_tokens(prefix: &str, n: u32) -> Vec<String> {
    let n = n.min((1 << PLACES_BITS) - 1);
    (0..PLACES_BITS)
        .map(|l| (l, n >> l))
        .take_while(|(_, v)| *v > 0)
        .map(|(l, v)| format!("{prefix}n{l}{v}"))
        .collect()
}

/// The FTS5 expression for "at least `min` places" in an offer: the dyadic ranges that cover
/// `[min, 1023]`, any of them. `None` when every offer has that many (one place or fewer).
fn places_query(prefix: &str, min: u32) -> Option<String> {
    if min <= 1 {
        return None;
    }
    let top = 1u32 << PLACES_BITS;
    if min >= top {
        // No offer holds that many: a token nothing has.
        return Some(format!("{prefix}nnone"));
    }
    let mut ranges = Vec::new();
    let mut lo = min;
    while lo < top {
        let mut l = 0;
        while l < PLACES_BITS && lo.is_multiple_of(1 << (l + 1)) && lo + (1 << (l + 1)) <= top {
            l += 1;
        }
        ranges.push(format!("{prefix}n{l}{}", lo >> l));
        lo += 1 << l;
    }
    Some(format!("({})", ranges.join(" OR ")))
}

/// The month token of an offer's period.
fn month_token(prefix: &str, y: u16, m: u8) -> String {
    format!("{prefix}pm{y:04}{m:02}")
}

/// Everything a host can be filtered by, as the tokens of its `filters` column.
pub struct HostTokens<'a> {
    pub kind: HostKind,
    pub region: &'a str,
    pub province: &'a str,
    pub comuni: &'a [String],
    pub ateco: Option<&'a str>,
    /// Its offers: each one's path, and its figures, months and places under its path (a
    /// search on any path asks each path's).
    pub offers: &'a [Offer],
}

impl HostTokens<'_> {
    pub fn to_filters_column(&self) -> String {
        let mut t: Vec<String> = vec![
            kind_token(self.kind),
            format!("rg{}", self.region),
            format!("pv{}", self.province.to_ascii_lowercase()),
        ];
        t.extend(self.comuni.iter().map(|c| format!("cm{c}")));
        if let Some(a) = self
            .ateco
            .and_then(|a| crate::hosts::AtecoCode::parse(a).ok())
        {
            t.extend(a.prefixes().into_iter().map(|d| format!("at{d}")));
        }
        for o in self.offers {
            let op = offer_prefix(o.path);
            t.push(path_token(o.path));
            for f in &o.figures {
                if let Ok(code) = Cp2011Code::parse(&f.code) {
                    t.extend(
                        code.with_ancestors()
                            .into_iter()
                            .map(|d| format!("{op}cp{d}")),
                    );
                }
            }
            for p in &o.periods {
                t.extend(
                    p.months()
                        .into_iter()
                        .map(|m| month_token(op, m.year, m.month)),
                );
            }
            t.extend(places_tokens(op, o.max_students));
        }
        crate::sort::sort(&mut t);
        t.dedup();
        t.join(" ")
    }
}

impl HostSearch {
    /// The one FTS5 `MATCH` expression for the text and the token filters, or `None` when the
    /// search has neither (then the register is listed in its default order). The minimum of
    /// places is in it when it goes with another filter of the offer; alone it is applied in
    /// SQL ([`Self::sql_min_places`]).
    pub fn fts_match(&self) -> Option<String> {
        let filters = self.filter_expression().map(|f| format!("filters : ({f})"));
        match (self.q.as_ref().map(SearchText::fts_expression), filters) {
            (None, None) => None,
            (Some(t), None) => Some(t),
            (None, Some(f)) => Some(f),
            (Some(t), Some(f)) => Some(format!("{t} AND {f}")),
        }
    }

    /// Whether the search names a filter of the offer: path, period or figure.
    fn names_an_offer(&self) -> bool {
        self.path.is_some() || self.period.is_some() || self.figure.is_some()
    }

    /// The minimum of places the SQL compares with a host's largest offer: only when no other
    /// filter of the offer is given (otherwise it is in [`Self::fts_match`]).
    pub fn sql_min_places(&self) -> Option<u32> {
        self.min_places.filter(|_| !self.names_an_offer())
    }

    /// The filters as FTS5 terms of the `filters` column, all required; `None` for none. The
    /// filters of an offer (path, period, figure, places) hold within one offer
    /// ([`Self::offer_matches`]).
    pub fn filter_expression(&self) -> Option<String> {
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
        if let Some(v) = &self.ateco {
            tokens.push(format!("at{}", v.digits()));
        }
        // The terms of one path's offer (`opc`, `oap`).
        let offer = |prefix: &str| -> Vec<String> {
            let mut t = Vec::new();
            if let Some(v) = &self.figure {
                t.push(format!("{prefix}cp{}", v.digits()));
            }
            if let Some(v) = self.period {
                t.push(month_token(prefix, v.year, v.month));
            }
            t.extend(self.min_places.and_then(|m| places_query(prefix, m)));
            t
        };
        match self.path {
            Some(p) => {
                let terms = offer(offer_prefix(p));
                if terms.is_empty() {
                    tokens.push(path_token(p));
                } else {
                    tokens.extend(terms);
                }
            }
            // Any path: one of the offers has them all.
            None if self.names_an_offer() => {
                let each: Vec<String> = PathKind::ALL
                    .into_iter()
                    .map(|p| match offer(offer_prefix(p)).as_slice() {
                        [one] => one.clone(),
                        all => format!("({})", all.join(" AND ")),
                    })
                    .collect();
                tokens.push(format!("({})", each.join(" OR ")));
            }
            None => {}
        }
        // FTS5 reads two terms side by side as both only when neither is in brackets: `AND`
        // always.
        (!tokens.is_empty()).then(|| tokens.join(" AND "))
    }

    /// Whether one offer meets every filter of the offer this search names: its path, a
    /// month of its periods, one of its figures (or a figure below the code), at least the
    /// places. The rule [`Self::fts_match`] follows in the index.
    pub fn offer_matches(&self, offer: &Offer) -> bool {
        self.path.is_none_or(|p| p == offer.path)
            && self.period.is_none_or(|m| {
                offer.periods.iter().any(|p| {
                    crate::hosts::YearMonth::of(p.from) <= m
                        && m <= crate::hosts::YearMonth::of(p.to)
                })
            })
            && self.figure.as_ref().is_none_or(|f| {
                let digits = f.digits();
                offer.figures.iter().any(|g| {
                    Cp2011Code::parse(&g.code).is_ok_and(|c| c.with_ancestors().contains(&digits))
                })
            })
            && self.min_places.is_none_or(|m| offer.max_students >= m)
    }

    /// Whether a host's offers meet the search's filters of the offer: one offer meets them
    /// all. (The other filters and the text are the host's.)
    pub fn offers_match(&self, offers: &[Offer]) -> bool {
        offers.iter().any(|o| self.offer_matches(o))
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
            "{name body} : (\"mecc\"* AND \"or\"* AND \"x\"* AND \"near\"* AND \"a\"*)"
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
            "{name body} : ((\"meccanica\"* OR \"meccan\")) AND filters : (pvrm AND (opccp62 OR oapcp62))"
        );
        assert_eq!(HostSearch::from_pairs(vec![]).unwrap().fts_match(), None);
    }

    #[test]
    fn italian_words_match_in_number_and_gender() {
        for w in ["meccanico", "meccanici", "meccanica", "meccaniche"] {
            assert_eq!(stem(w), "meccan", "{w}");
        }
        assert_eq!(
            index_text("Meccanici artigianali, città"),
            "meccanici meccan artigianali artigianal citta citt"
        );
        let q = |s: &str| SearchText::parse(s).unwrap();
        // The wizard's own hint: «meccanico» finds the CP 2011 title in the plural.
        assert!(q("meccanico").finds("Meccanici artigianali, montatori, riparatori"));
        assert!(q("Meccanico").finds("Officine meccaniche"));
        assert!(q("meccanico").finds("Meccanica di precisione"));
        assert!(q("tecnici").finds("Tecnico della produzione"));
        // A word being typed is still a prefix; accents and case do not matter.
        assert!(q("meccanic").finds("Meccanica di precisione"));
        assert!(q("mecc").finds("meccanica"));
        assert!(q("CITTÀ").finds("citta"));
        // A stem is a whole term, not a prefix: `arte` does not find `artigiano`.
        assert!(!q("arte").finds("Artigiano"));
        assert!(!q("meccanico").finds("medico"));
        assert_eq!(
            q("meccanico").fts_prefix_terms(),
            "(\"meccanico\"* OR \"meccan\")"
        );
    }

    fn offer(path: PathKind, places: u32, months: &[(i32, u32)], figures: &[&str]) -> Offer {
        let d = |y, m| chrono::NaiveDate::from_ymd_opt(y, m, 10).unwrap();
        Offer {
            path,
            max_students: places,
            periods: months
                .iter()
                .map(|&(y, m)| crate::hosts::Period::new(d(y, m), d(y, m)).unwrap())
                .collect(),
            figures: figures
                .iter()
                .map(|c| crate::hosts::Figure {
                    code: (*c).to_owned(),
                    title: String::new(),
                })
                .collect(),
            activity: String::new(),
        }
    }

    fn tokens_of(offers: &[Offer]) -> Vec<String> {
        HostTokens {
            kind: HostKind::Impresa,
            region: "12",
            province: "RM",
            comuni: &[],
            ateco: None,
            offers,
        }
        .to_filters_column()
        .split(' ')
        .map(str::to_owned)
        .collect()
    }

    /// FTS5's reading of the filter expressions built here: bare tokens, parentheses, `OR`
    /// and `AND` (which binds tighter). Two operands side by side are refused, as FTS5 refuses
    /// them when one is in brackets ("syntax error near (").
    fn eval(expr: &str, tokens: &[String]) -> bool {
        fn or(toks: &[&str], i: &mut usize, have: &[String]) -> bool {
            let mut v = and(toks, i, have);
            while toks.get(*i) == Some(&"OR") {
                *i += 1;
                v |= and(toks, i, have);
            }
            v
        }
        fn and(toks: &[&str], i: &mut usize, have: &[String]) -> bool {
            let mut v = operand(toks, i, have);
            while toks.get(*i) == Some(&"AND") {
                *i += 1;
                v &= operand(toks, i, have);
            }
            assert!(
                matches!(toks.get(*i), None | Some(&"OR") | Some(&")")),
                "an operator is missing before {:?} in {toks:?}",
                toks.get(*i)
            );
            v
        }
        fn operand(toks: &[&str], i: &mut usize, have: &[String]) -> bool {
            match toks.get(*i) {
                Some(&"(") => {
                    *i += 1;
                    let v = or(toks, i, have);
                    assert_eq!(toks.get(*i), Some(&")"));
                    *i += 1;
                    v
                }
                Some(tok) if !matches!(*tok, "AND" | "OR" | ")") => {
                    *i += 1;
                    have.iter().any(|h| h == tok)
                }
                other => panic!("an operand is missing at {other:?} in {toks:?}"),
            }
        }
        let spaced = expr.replace('(', " ( ").replace(')', " ) ");
        let toks: Vec<&str> = spaced.split_whitespace().collect();
        let mut i = 0;
        let v = or(&toks, &mut i, tokens);
        assert_eq!(i, toks.len(), "{expr}");
        v
    }

    fn search(list: &[(&str, &str)]) -> HostSearch {
        HostSearch::from_pairs(
            list.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        )
        .unwrap()
    }

    #[test]
    fn offer_filters_match_within_one_offer() {
        // PCTO in September, apprenticeship in February (the case).
        let host = [
            offer(PathKind::Pcto, 4, &[(2027, 9)], &["6.2.3.1.0"]),
            offer(PathKind::Apprendistato, 2, &[(2027, 2)], &["7.2.1.1.0"]),
        ];
        let t = tokens_of(&host);
        let hit = |q: &[(&str, &str)]| {
            let s = search(q);
            let by_rule = s.offers_match(&host);
            let by_index = s.filter_expression().is_none_or(|e| eval(&e, &t))
                && s.sql_min_places().is_none_or(|m| m <= 4);
            assert_eq!(by_rule, by_index, "{q:?}: {:?}", s.filter_expression());
            by_rule
        };
        assert!(!hit(&[("path", "pcto"), ("period", "2027-02")]));
        assert!(hit(&[("path", "pcto"), ("period", "2027-09")]));
        assert!(hit(&[("path", "apprendistato"), ("period", "2027-02")]));
        assert!(hit(&[("period", "2027-02")]));
        assert!(!hit(&[("figure", "6.2"), ("period", "2027-02")]));
        assert!(hit(&[("figure", "7.2"), ("period", "2027-02")]));
        assert!(!hit(&[("period", "2027-02"), ("min_places", "3")]));
        assert!(hit(&[("period", "2027-09"), ("min_places", "3")]));
        assert!(hit(&[("min_places", "3")]));
        assert!(!hit(&[("path", "apprendistato"), ("min_places", "3")]));
        assert!(hit(&[
            ("path", "pcto"),
            ("min_places", "4"),
            ("figure", "6")
        ]));
        assert!(!hit(&[("path", "pcto"), ("min_places", "5")]));
        assert!(!hit(&[("min_places", "5")]));
    }

    #[test]
    fn places_ranges_cover_exactly_the_minimum_and_above() {
        for n in 1..=520u32 {
            let t = places_tokens("opc", n);
            for min in 2..=1030u32 {
                let q = places_query("opc", min).unwrap();
                assert_eq!(eval(&q, &t), n >= min, "{n} places, at least {min}: {q}");
            }
        }
        assert_eq!(places_query("opc", 1), None);
        assert_eq!(
            places_query("opc", 3).unwrap(),
            "(opcn03 OR opcn21 OR opcn31 OR opcn41 OR opcn51 OR opcn61 OR opcn71 OR opcn81 OR opcn91)"
        );
    }

    proptest::proptest! {
        #[test]
        fn the_index_finds_what_the_rule_says(
            offers in proptest::collection::vec(
                (proptest::bool::ANY, 1u32..=500, proptest::collection::vec((2026i32..=2027, 1u32..=12), 1..3),
                 proptest::collection::vec(proptest::sample::select(vec!["6.2.3.1.0", "6.2.1.1.0", "7.2.1.1.0", "3.1.3.1.0"]), 1..3)),
                1..=2),
            path in proptest::option::of(proptest::bool::ANY),
            period in proptest::option::of((2026u16..=2027, 1u8..=12)),
            figure in proptest::option::of(proptest::sample::select(vec!["6", "6.2", "6.2.3", "7.2.1.1.0", "3.1", "5"])),
            min in proptest::option::of(1u32..=600),
        ) {
            let mut seen = Vec::new();
            let host: Vec<Offer> = offers
                .iter()
                .filter_map(|(pcto, n, months, figs)| {
                    let p = if *pcto { PathKind::Pcto } else { PathKind::Apprendistato };
                    (!seen.contains(&p)).then(|| {
                        seen.push(p);
                        offer(p, *n, months, figs)
                    })
                })
                .collect();
            let mut q: Vec<(String, String)> = Vec::new();
            if let Some(p) = path {
                q.push(("path".into(), if p { "pcto" } else { "apprendistato" }.into()));
            }
            if let Some((y, m)) = period {
                q.push(("period".into(), format!("{y:04}-{m:02}")));
            }
            if let Some(f) = figure {
                q.push(("figure".into(), f.into()));
            }
            if let Some(m) = min {
                q.push(("min_places".into(), m.to_string()));
            }
            let s = HostSearch::from_pairs(q).unwrap();
            let t = tokens_of(&host);
            let largest = host.iter().map(|o| o.max_students).max().unwrap_or(0);
            let by_index = s.filter_expression().is_none_or(|e| eval(&e, &t))
                && s.sql_min_places().is_none_or(|m| m <= largest);
            proptest::prop_assert_eq!(s.offers_match(&host), by_index, "{:?}", s.filter_expression());
        }
    }

    #[test]
    fn host_tokens_cover_every_level() {
        let comuni = vec!["058091".to_owned()];
        let offers = [offer(PathKind::Pcto, 5, &[(2027, 2)], &["6.2.3.1.0"])];
        let t = HostTokens {
            kind: HostKind::EntePubblico,
            region: "12",
            province: "RM",
            comuni: &comuni,
            ateco: Some("84.11.10"),
            offers: &offers,
        }
        .to_filters_column();
        for tok in [
            "kdentepubblico",
            "rg12",
            "pvrm",
            "cm058091",
            "ptpcto",
            "opccp6",
            "opccp62310",
            "opcpm202702",
            "opcn05",
            "opcn12",
            "opcn21",
            "at84",
            "at841110",
        ] {
            assert!(t.split(' ').any(|x| x == tok), "{tok} in {t}");
        }
        assert!(!t.split(' ').any(|x| x.starts_with("oap")), "{t}");
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
