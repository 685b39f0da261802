//! The *codice della dichiarazione*: the code a host organisation receives when it submits its
//! profile and then writes in the subject of a PEC message to prove who it is.
//!
//! Seed 002, slide "Pubblicazione via PEC": «La PEC … deve riportare nell'oggetto il codice della
//! dichiarazione fornito al termine della compilazione»; the system then checks that the
//! declaration with that code was made by the body whose address of record (iPA or INI-PEC) sent
//! the message. The seed says nothing about the code's form or lifetime; these are decisions:
//!
//! - **Alphabet**: the 31 symbols `23456789ABCDEFGHJKMNPQRSTUVWXYZ` — digits and capital letters
//!   without `0`/`O` and `1`/`I`/`L`, which are misread when typed from a screen or dictated.
//!   Removing those five from the 36 leaves 31, not 32; 31 being prime is what makes the check
//!   character catch every single wrong character and every swap of two characters.
//! - **Length**: 11 random symbols and one check symbol, shown as `XXXX-XXXX-XXXX`. The random
//!   part holds 11·log₂31 ≈ 54.5 bits: not guessable, and a guess is worth nothing anyway
//!   without sending from the body's PEC address of record.
//! - **Check symbol**: chosen so that Σ (i+1)·vᵢ ≡ 0 (mod 31) over the twelve symbols, with vᵢ
//!   the symbol's place in the alphabet. The weights 1…12 are distinct and invertible mod 31.
//! - **Entropy**: the domain does no I/O, so the caller passes 16 random bytes
//!   ([`DeclarationCode::ENTROPY_BYTES`]) from WebCrypto/`getrandom`. They are read as a 128-bit
//!   number reduced mod 31¹¹; the bias this leaves is below 2⁻⁷³.
//! - **Canonical form**: the grouped form `XXXX-XXXX-XXXX` is the one stored, shown and compared.
//!   Parsing accepts lower case, spaces, dashes (also the typographic ones) and no-break spaces.
//! - **Lifetime**: a code expires [`Expiry::DEFAULT_TTL_SECONDS`] (30 days) after issue, so a
//!   pending publication that is never proved does not keep the profile locked forever (seed
//!   002: «non è possibile eseguire nuove modifiche al profilo finché è in corso di
//!   pubblicazione»). Times are Unix seconds (`i64`), what both `Date.now()/1000` in the worker
//!   and SQLite's `unixepoch()` give, so no time-zone or calendar question arises.

use crate::error::FieldError;
use crate::messages::Msg;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The symbols of a code, in value order.
pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

const BASE: u32 = 31;
/// Random symbols in a code; the twelfth is the check symbol.
const PAYLOAD: usize = 11;
const LEN: usize = PAYLOAD + 1;
/// 31¹¹, the number of distinct codes.
const SPACE: u128 = 25_408_476_896_404_831;
/// The inverse of the check symbol's weight, 12, mod 31 (12 · 13 = 156 = 5 · 31 + 1).
const INV_CHECK_WEIGHT: u32 = 13;

fn value_of(b: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == b).map(|p| p as u32)
}

/// Characters people put between the groups of a code, or that arrive there when it is copied.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '-' | '\u{a0}' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{202f}'
    )
}

/// Σ (i+1)·vᵢ mod 31 over the given symbol values.
fn weighted_sum(values: &[u32]) -> u32 {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (i as u32 + 1) * v)
        .sum::<u32>()
        % BASE
}

/// A well-formed declaration code with a valid check symbol, held in the grouped form.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DeclarationCode(String);

impl DeclarationCode {
    pub const FIELD: &'static str = "codice_dichiarazione";
    /// How many random bytes [`DeclarationCode::from_entropy`] takes.
    pub const ENTROPY_BYTES: usize = 16;

    /// A new code from random bytes the caller drew from a secure source.
    pub fn from_entropy(bytes: [u8; Self::ENTROPY_BYTES]) -> Self {
        let mut n = u128::from_be_bytes(bytes) % SPACE;
        let mut values = [0u32; LEN];
        for slot in values.iter_mut().take(PAYLOAD) {
            *slot = (n % u128::from(BASE)) as u32;
            n /= u128::from(BASE);
        }
        let partial = weighted_sum(&values[..PAYLOAD]);
        // Solve partial + 12·c ≡ 0 (mod 31).
        values[PAYLOAD] = ((BASE - partial) % BASE) * INV_CHECK_WEIGHT % BASE;
        Self::from_values(&values)
    }

    fn from_values(values: &[u32; LEN]) -> Self {
        let mut s = String::with_capacity(LEN + 2);
        for (i, &v) in values.iter().enumerate() {
            if i > 0 && i % 4 == 0 {
                s.push('-');
            }
            s.push(char::from(ALPHABET[v as usize % ALPHABET.len()]));
        }
        DeclarationCode(s)
    }

    /// Parses a code typed or pasted by a person: case, spaces and dashes do not matter.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::parse_field(raw, Self::FIELD)
    }

    /// As [`DeclarationCode::parse`], with errors naming `field`.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, FieldError> {
        let symbols: Vec<char> = raw
            .chars()
            .filter(|&c| !is_separator(c))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if symbols.is_empty() {
            return Err(FieldError::invalid_says(
                field,
                Msg::DeclarationCodeMissing,
                &[],
            ));
        }
        if symbols.len() != LEN {
            return Err(FieldError::invalid_says(
                field,
                Msg::DeclarationCodeLength,
                &[("n", &symbols.len())],
            ));
        }
        let mut values = [0u32; LEN];
        for (slot, c) in values.iter_mut().zip(&symbols) {
            let v = u8::try_from(*c).ok().and_then(value_of);
            *slot = v.ok_or_else(|| {
                FieldError::invalid_says(field, Msg::DeclarationCodeChar, &[("c", &c)])
            })?;
        }
        if weighted_sum(&values) != 0 {
            return Err(FieldError::invalid_says(
                field,
                Msg::DeclarationCodeInvalid,
                &[],
            ));
        }
        Ok(Self::from_values(&values))
    }

    /// The grouped form, `XXXX-XXXX-XXXX`: what is shown, stored and compared.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first valid code in an e-mail subject, if any (see
    /// [`DeclarationCode::find_all_in_subject`]).
    pub fn find_in_subject(subject: &str) -> Option<DeclarationCode> {
        Self::find_all_in_subject(subject).into_iter().next()
    }

    /// Every distinct valid code in an e-mail subject, in order of appearance. A code is a run
    /// of words (letters and digits) joined only by spaces or dashes, 12 symbols in all,
    /// starting and ending at a word boundary: `Dichiarazione ABCD-EFGH-JKMN`,
    /// `R: codice abcd efgh jkmn`, `[codice:ABCDEFGHJKMN]` all match. About one run of 12
    /// symbols in 31 passes the check by chance, so the worker should try every code found
    /// against the declarations pending for the sender, not just the first.
    pub fn find_all_in_subject(subject: &str) -> Vec<DeclarationCode> {
        // Words of ASCII letters and digits, each with whether only separators join it to the
        // next word.
        let mut words: Vec<(String, bool)> = Vec::new();
        let mut current = String::new();
        for c in subject.chars() {
            if c.is_ascii_alphanumeric() {
                current.push(c);
                continue;
            }
            if !current.is_empty() {
                words.push((std::mem::take(&mut current), true));
            }
            if !is_separator(c) {
                if let Some(last) = words.last_mut() {
                    last.1 = false;
                }
            }
        }
        if !current.is_empty() {
            words.push((current, false));
        }
        let mut found: Vec<DeclarationCode> = Vec::new();
        for start in 0..words.len() {
            let mut run = String::new();
            for (word, joins_next) in &words[start..] {
                run.push_str(word);
                if run.len() >= LEN || !joins_next {
                    break;
                }
            }
            if run.len() == LEN {
                if let Ok(code) = Self::parse(&run) {
                    if !found.contains(&code) {
                        found.push(code);
                    }
                }
            }
        }
        found
    }
}

impl TryFrom<String> for DeclarationCode {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<DeclarationCode> for String {
    fn from(c: DeclarationCode) -> String {
        c.0
    }
}

impl fmt::Display for DeclarationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// When a declaration code stops being accepted. Times are Unix seconds (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expiry {
    pub issued_at: i64,
    pub ttl_seconds: i64,
}

impl Expiry {
    /// 30 days: time enough for a public body's protocol office to send a PEC; the seed gives
    /// no figure.
    pub const DEFAULT_TTL_SECONDS: i64 = 30 * 24 * 60 * 60;

    /// A code issued at `issued_at` with the default lifetime.
    pub fn issued(issued_at: i64) -> Self {
        Expiry {
            issued_at,
            ttl_seconds: Self::DEFAULT_TTL_SECONDS,
        }
    }

    /// The first second at which the code is no longer accepted.
    pub fn expires_at(&self) -> i64 {
        self.issued_at.saturating_add(self.ttl_seconds.max(0))
    }

    pub fn is_expired(&self, now: i64) -> bool {
        is_expired(self.issued_at, now, self.ttl_seconds)
    }
}

/// True when `now` is at or past `issued_at + ttl_seconds` (all Unix seconds). A TTL of zero or
/// less means expired at once; a `now` before `issued_at` (a clock behind) is not expired.
pub fn is_expired(issued_at: i64, now: i64, ttl_seconds: i64) -> bool {
    if ttl_seconds <= 0 {
        return true;
    }
    now >= issued_at.saturating_add(ttl_seconds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn code(seed: u8) -> DeclarationCode {
        let mut bytes = [0u8; 16];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = seed.wrapping_mul(31).wrapping_add(i as u8 * 17);
        }
        DeclarationCode::from_entropy(bytes)
    }

    #[test]
    fn alphabet_has_no_ambiguous_symbols() {
        assert_eq!(ALPHABET.len(), 31);
        for bad in b"01OIL" {
            assert!(!ALPHABET.contains(bad));
        }
        let mut sorted = ALPHABET.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 31);
        assert_eq!(SPACE, 31u128.pow(11));
    }

    #[test]
    fn generated_codes_are_grouped_and_parse_back() {
        for seed in 0..=255u8 {
            let c = code(seed);
            let s = c.as_str();
            assert_eq!(s.len(), 14, "{s}");
            assert_eq!(&s[4..5], "-");
            assert_eq!(&s[9..10], "-");
            assert_eq!(DeclarationCode::parse(s).unwrap(), c);
        }
        assert_ne!(code(1), code(2));
        // Extreme inputs.
        DeclarationCode::parse(DeclarationCode::from_entropy([0; 16]).as_str()).unwrap();
        DeclarationCode::parse(DeclarationCode::from_entropy([255; 16]).as_str()).unwrap();
    }

    #[test]
    fn parse_is_tolerant_of_case_spaces_and_dashes() {
        let c = code(7);
        let compact: String = c.as_str().chars().filter(|&ch| ch != '-').collect();
        for variant in [
            compact.clone(),
            compact.to_lowercase(),
            format!("  {} ", c.as_str().replace('-', " ")),
            c.as_str().replace('-', "\u{2013}"),
            format!("{}-{}", &compact[..6], &compact[6..]),
        ] {
            assert_eq!(DeclarationCode::parse(&variant).unwrap(), c, "{variant}");
        }
    }

    #[test]
    fn every_single_typo_is_caught() {
        let c = code(42);
        let compact: Vec<u8> = c.as_str().bytes().filter(|&b| b != b'-').collect();
        for pos in 0..LEN {
            for &sym in ALPHABET {
                if sym == compact[pos] {
                    continue;
                }
                let mut typo = compact.clone();
                typo[pos] = sym;
                let s = String::from_utf8(typo).unwrap();
                let e = DeclarationCode::parse(&s).unwrap_err();
                assert_eq!(e.field.as_deref(), Some("codice_dichiarazione"));
            }
        }
    }

    #[test]
    fn every_swap_of_two_characters_is_caught() {
        for seed in [3u8, 99, 200] {
            let c = code(seed);
            let compact: Vec<u8> = c.as_str().bytes().filter(|&b| b != b'-').collect();
            for i in 0..LEN {
                for j in i + 1..LEN {
                    if compact[i] == compact[j] {
                        continue;
                    }
                    let mut swapped = compact.clone();
                    swapped.swap(i, j);
                    let s = String::from_utf8(swapped).unwrap();
                    assert!(DeclarationCode::parse(&s).is_err(), "{s}");
                }
            }
        }
    }

    #[test]
    fn bad_input_has_italian_messages() {
        let e = DeclarationCode::parse("").unwrap_err();
        assert!(e.message.starts_with("Indicare"));
        let e = DeclarationCode::parse("ABCD-EFGH").unwrap_err();
        assert!(e.message.contains("12 caratteri"));
        let e = DeclarationCode::parse("ABCD-EFGH-JKM0").unwrap_err();
        assert!(e.message.contains("«0»"), "{}", e.message);
        let e = DeclarationCode::parse("ABCD-EFGH-JKMÈ").unwrap_err();
        assert!(e.message.contains("«È»"), "{}", e.message);
        let e = DeclarationCode::parse_field("x", "oggetto").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("oggetto"));
    }

    #[test]
    fn codes_are_found_in_subjects() {
        let c = code(11);
        let s = c.as_str();
        let compact: String = s.chars().filter(|&ch| ch != '-').collect();
        for subject in [
            s.to_owned(),
            format!("Dichiarazione {s}"),
            format!("R: Fwd: codice {} - registro", s.to_lowercase()),
            format!("codice {}", s.replace('-', " ")),
            format!("[codice:{compact}]"),
            format!("Codice della dichiarazione: {s}."),
            format!("{s} (ente XYZ)"),
        ] {
            assert_eq!(
                DeclarationCode::find_in_subject(&subject),
                Some(c.clone()),
                "{subject}"
            );
        }
    }

    #[test]
    fn codes_glued_to_other_words_or_mistyped_are_not_found() {
        let c = code(12);
        let s = c.as_str();
        let compact: String = s.chars().filter(|&ch| ch != '-').collect();
        for subject in [
            format!("codice{compact}"),
            format!("{compact}X"),
            format!("{}/{}", &s[..4], &s[5..]),
            String::new(),
            "Richiesta di informazioni".to_owned(),
            "àèìòù — ∑".to_owned(),
        ] {
            assert_eq!(
                DeclarationCode::find_in_subject(&subject),
                None,
                "{subject}"
            );
        }
        let mut typo: Vec<u8> = compact.bytes().collect();
        typo[3] = if typo[3] == b'A' { b'B' } else { b'A' };
        let typo = String::from_utf8(typo).unwrap();
        assert_eq!(
            DeclarationCode::find_in_subject(&format!("codice {typo}")),
            None
        );
    }

    #[test]
    fn all_codes_in_a_subject_are_listed_once() {
        let (a, b) = (code(21), code(22));
        let subject = format!("{a} oppure {b}, ripeto {a}");
        assert_eq!(DeclarationCode::find_all_in_subject(&subject), vec![a, b]);
    }

    #[test]
    fn serde_uses_the_grouped_form() {
        let c = code(5);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, format!("\"{}\"", c.as_str()));
        let lower = json.to_lowercase();
        assert_eq!(serde_json::from_str::<DeclarationCode>(&lower).unwrap(), c);
        assert!(serde_json::from_str::<DeclarationCode>("\"ABCD\"").is_err());
    }

    #[test]
    fn expiry() {
        let day = 24 * 60 * 60;
        let e = Expiry::issued(1_000_000);
        assert_eq!(e.expires_at(), 1_000_000 + 30 * day);
        assert!(!e.is_expired(1_000_000));
        assert!(!e.is_expired(1_000_000 + 30 * day - 1));
        assert!(e.is_expired(1_000_000 + 30 * day));
        assert!(!e.is_expired(0), "a clock behind the issue time");
        assert!(is_expired(10, 10, 0));
        assert!(is_expired(10, 5, -1));
        assert!(!is_expired(i64::MAX - 1, i64::MAX - 1, i64::MAX));
        assert!(is_expired(i64::MIN, i64::MAX, 1));
    }

    proptest! {
        #[test]
        fn any_entropy_gives_a_valid_code(bytes in proptest::array::uniform16(any::<u8>())) {
            let c = DeclarationCode::from_entropy(bytes);
            prop_assert_eq!(DeclarationCode::parse(c.as_str()).unwrap(), c);
        }

        #[test]
        fn parse_and_find_never_panic(s in "\\PC{0,60}") {
            let _ = DeclarationCode::parse(&s);
            for c in DeclarationCode::find_all_in_subject(&s) {
                prop_assert!(DeclarationCode::parse(c.as_str()).is_ok());
            }
        }
    }
}
