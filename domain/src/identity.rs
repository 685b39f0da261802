//! Italian identifiers of the people and bodies that publish a host profile: the personal
//! *codice fiscale*, the *partita IVA* (which is also the numeric *codice fiscale* of companies
//! and bodies) and the iPA code of public bodies. Parse, don't validate: a value of these types
//! has the right form and the right check character.
//!
//! Where they come from: seed 002 ("Come iscriversi") asks a public body for its iPA code or
//! *Codice Univoco Ufficio* and pre-fills its *codice fiscale*; companies sign with the legal
//! representative's digital signature; professionals are found in INI-PEC by their codice
//! fiscale. docs/design.md §7: the personal codice fiscale is also what the SPID/CIE provider sends
//! in the ID token (`fiscal_number`, `TINIT-…`) — see [`CodiceFiscale::from_claim`].
//!
//! The algorithms are those of the Ministry of Finance (D.M. 23/12/1976 for the personal code,
//! D.P.R. 605/1973 and its decrees for the 11-digit number). Decisions where the seed is silent:
//! - spaces anywhere inside a code are dropped and letters are raised, since people copy codes
//!   from documents printed in groups;
//! - the *codice catastale* of the place of birth is checked for form only (a letter and three
//!   digits), not against the list of comuni and states;
//! - the day of birth is checked against the month (29 February allowed in every year, since the
//!   century is not in the code);
//! - the office code in a partita IVA (digits 8–10) is not checked against the list of offices,
//!   except that an all-zero number is refused;
//! - an `IT` prefix (the EU VAT form) is accepted on a partita IVA.

use crate::error::FieldError;
use crate::messages::Msg;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Letters that replace the digits 0–9 in an *omocodia* code, in order.
const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";

/// Month letters of the codice fiscale, January to December.
const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";

/// Values of characters in odd positions (1st, 3rd, …) for the check character: the official
/// table, indexed by digit value (for `0`–`9`) or by letter (`A`–`Z`); a digit and the letter
/// at the same index have the same value.
const ODD: [u8; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/// Positions (0-based) that hold digits in a regular code and may hold omocodia letters.
const DIGIT_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];

/// Upper-cases and drops every space (ASCII space, tab, no-break space).
fn normalise(raw: &str) -> String {
    raw.chars()
        .filter(|c| !matches!(c, ' ' | '\t' | '\u{a0}'))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The digit a position holds, reading omocodia letters as digits.
fn digit_value(b: u8) -> Option<u8> {
    if b.is_ascii_digit() {
        Some(b - b'0')
    } else {
        OMOCODIA.iter().position(|&l| l == b).map(|p| p as u8)
    }
}

/// The check character of the first 15 characters of a personal codice fiscale.
fn cf_check_char(first15: &[u8]) -> Option<u8> {
    let mut sum: u32 = 0;
    for (i, &b) in first15.iter().enumerate() {
        let index = match b {
            b'0'..=b'9' => b - b'0',
            b'A'..=b'Z' => b - b'A',
            _ => return None,
        };
        // Positions are counted from 1 in the rule: index 0 is the first, an odd position.
        let value = if i % 2 == 0 {
            ODD[usize::from(index)]
        } else {
            index
        };
        sum += u32::from(value);
    }
    Some(b'A' + (sum % 26) as u8)
}

/// The check digit of the first 10 digits of an 11-digit number (partita IVA, numeric codice
/// fiscale): the digits in odd positions are added, those in even positions are doubled (less 9
/// when over 9) and added; the check digit takes the sum to a multiple of 10.
fn piva_check_digit(first10: &[u8]) -> u8 {
    let mut sum: u32 = 0;
    for (i, &b) in first10.iter().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    b'0' + ((10 - sum % 10) % 10) as u8
}

/// Why a personal codice fiscale was refused: each has its Italian message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CfProblem {
    Empty,
    Length(usize),
    Form,
    Month,
    Day,
    Check,
}

impl CfProblem {
    fn error(self, field: &str) -> FieldError {
        let msg = match self {
            CfProblem::Empty => Msg::CodiceFiscaleMissing,
            CfProblem::Length(n) => {
                return FieldError::invalid_says(field, Msg::CfLength, &[("n", &n)]);
            }
            CfProblem::Form => Msg::CfForm,
            CfProblem::Month => Msg::CfMonth,
            CfProblem::Day => Msg::CfDay,
            CfProblem::Check => Msg::CfCheck,
        };
        FieldError::invalid_says(field, msg, &[])
    }
}

/// Checks a normalised 16-character personal code.
fn check_personal(code: &str) -> Result<(), CfProblem> {
    if code.is_empty() {
        return Err(CfProblem::Empty);
    }
    let n = code.chars().count();
    if n != 16 {
        return Err(CfProblem::Length(n));
    }
    let b = code.as_bytes();
    // 16 chars and (checked here) 16 bytes: every character is ASCII.
    if b.len() != 16 || !b.iter().all(|c| c.is_ascii_alphanumeric()) {
        return Err(CfProblem::Form);
    }
    let letters = [0, 1, 2, 3, 4, 5, 8, 11, 15];
    if !letters.iter().all(|&i| b[i].is_ascii_uppercase()) {
        return Err(CfProblem::Form);
    }
    let mut digits = [0u8; 7];
    for (slot, &i) in digits.iter_mut().zip(DIGIT_POSITIONS.iter()) {
        *slot = digit_value(b[i]).ok_or(CfProblem::Form)?;
    }
    let month = MONTHS
        .iter()
        .position(|&m| m == b[8])
        .ok_or(CfProblem::Month)?;
    // digits[2], digits[3] are positions 9 and 10: the day, plus 40 for women.
    let raw_day = digits[2] * 10 + digits[3];
    let day = if raw_day > 40 { raw_day - 40 } else { raw_day };
    const DAYS: [u8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=DAYS[month]).contains(&day) {
        return Err(CfProblem::Day);
    }
    if cf_check_char(&b[..15]) != Some(b[15]) {
        return Err(CfProblem::Check);
    }
    Ok(())
}

/// A person's *codice fiscale*: 16 characters, upper case, with a valid check character.
/// *Omocodia* codes (digits replaced by `LMNPQRSTUV` to tell apart people who would share a code)
/// are valid and kept as given: they are a different code, not a spelling of the regular one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CodiceFiscale(String);

impl CodiceFiscale {
    pub const FIELD: &'static str = "codice_fiscale";

    /// Parses a code typed by a person; errors name the field `codice_fiscale`.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::parse_field(raw, Self::FIELD)
    }

    /// Parses a code; errors name `field`.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, FieldError> {
        let code = normalise(raw);
        match check_personal(&code) {
            Ok(()) => Ok(CodiceFiscale(code)),
            Err(p) => Err(p.error(field)),
        }
    }

    /// Parses the `fiscal_number` claim of a SPID/CIE ID token, which brokers send as
    /// `TINIT-RSSMRA85T10A562S` (the prefix is optional and of any case).
    pub fn from_claim(raw: &str) -> Result<Self, FieldError> {
        let trimmed = raw.trim();
        let body = match trimmed.get(..6) {
            Some(prefix) if prefix.eq_ignore_ascii_case("TINIT-") => &trimmed[6..],
            _ => trimmed,
        };
        Self::parse_field(body, Self::FIELD)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when at least one digit position holds an omocodia letter.
    pub fn is_omocode(&self) -> bool {
        let b = self.0.as_bytes();
        DIGIT_POSITIONS
            .iter()
            .any(|&i| b.get(i).is_some_and(|c| c.is_ascii_uppercase()))
    }
}

impl TryFrom<String> for CodiceFiscale {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<CodiceFiscale> for String {
    fn from(c: CodiceFiscale) -> String {
        c.0
    }
}

impl fmt::Display for CodiceFiscale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks a normalised 11-digit number (partita IVA or numeric codice fiscale).
/// `what` is a phrase with its article («la partita IVA»); errors name `field`.
fn check_eleven_digits(code: &str, what: Msg, field: &str) -> Result<(), FieldError> {
    let fail = |msg: Msg, n: usize| {
        Err(FieldError::invalid_says(
            field,
            msg,
            &[("what", &what), ("n", &n)],
        ))
    };
    if code.is_empty() {
        return fail(Msg::EnterWhat, 0);
    }
    let b = code.as_bytes();
    if !b.iter().all(u8::is_ascii_digit) {
        return fail(Msg::ElevenDigitsOnly, 0);
    }
    if b.len() != 11 {
        return fail(Msg::ElevenDigitsLength, b.len());
    }
    if b.iter().all(|&d| d == b'0') {
        return fail(Msg::ElevenDigitsZeros, 0);
    }
    if piva_check_digit(&b[..10]) != b[10] {
        return fail(Msg::ElevenDigitsCheck, 0);
    }
    Ok(())
}

/// A *partita IVA*: 11 digits with a valid check digit. The same number is the *codice fiscale*
/// of companies and bodies (see [`CodiceFiscaleEnte`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartitaIva(String);

impl PartitaIva {
    pub const FIELD: &'static str = "partita_iva";

    /// Parses a number typed by a person; errors name the field `partita_iva`.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::parse_field(raw, Self::FIELD)
    }

    /// Parses a number; errors name `field`. Spaces are dropped and an `IT` prefix is accepted.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, FieldError> {
        let code = normalise(raw);
        let code = code.strip_prefix("IT").unwrap_or(&code).to_owned();
        check_eleven_digits(&code, Msg::PhrasePartitaIva, field).map(|()| PartitaIva(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PartitaIva {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<PartitaIva> for String {
    fn from(c: PartitaIva) -> String {
        c.0
    }
}

impl fmt::Display for PartitaIva {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The *codice fiscale* of a host that is not (only) a person: either the 11-digit number of a
/// company or body (same check digit as the partita IVA), or the 16-character personal code of
/// a sole trader or professional.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum CodiceFiscaleEnte {
    Numerico(PartitaIva),
    Personale(CodiceFiscale),
}

impl CodiceFiscaleEnte {
    /// Parses a code; errors name the field `codice_fiscale`.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::parse_field(raw, CodiceFiscale::FIELD)
    }

    /// Parses a code; errors name `field`. Eleven characters are read as the numeric code,
    /// sixteen as a personal one; any other length is refused.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, FieldError> {
        let code = normalise(raw);
        match code.chars().count() {
            0 => Err(FieldError::invalid_says(
                field,
                Msg::CodiceFiscaleMissing,
                &[],
            )),
            11 => check_eleven_digits(&code, Msg::PhraseNumericCf, field)
                .map(|()| CodiceFiscaleEnte::Numerico(PartitaIva(code))),
            16 => CodiceFiscale::parse_field(&code, field).map(CodiceFiscaleEnte::Personale),
            n => Err(FieldError::invalid_says(
                field,
                Msg::EnteCfLength,
                &[("n", &n)],
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            CodiceFiscaleEnte::Numerico(p) => p.as_str(),
            CodiceFiscaleEnte::Personale(c) => c.as_str(),
        }
    }
}

impl TryFrom<String> for CodiceFiscaleEnte {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<CodiceFiscaleEnte> for String {
    fn from(c: CodiceFiscaleEnte) -> String {
        c.as_str().to_owned()
    }
}

impl fmt::Display for CodiceFiscaleEnte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The code of a public body in iPA (*Indice delle Pubbliche Amministrazioni*), or its
/// *Codice Univoco Ufficio* (seed 002: either is accepted). Form only: 1 to 20 letters, digits
/// or underscores, kept as written but trimmed. Underscores are allowed because real iPA codes
/// have them (`c_h501`, `m_pi`); whether the code exists is for the worker to check against iPA.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IpaCode(String);

impl IpaCode {
    pub const FIELD: &'static str = "ipa_code";
    pub const MAX_LEN: usize = 20;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::parse_field(raw, Self::FIELD)
    }

    pub fn parse_field(raw: &str, field: &str) -> Result<Self, FieldError> {
        let code = raw.trim();
        if code.is_empty() {
            return Err(FieldError::invalid_says(field, Msg::IpaCodeMissing, &[]));
        }
        let ok = code.len() <= Self::MAX_LEN
            && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if ok {
            Ok(IpaCode(code.to_owned()))
        } else {
            Err(FieldError::invalid_says(field, Msg::IpaCodeForm, &[]))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for IpaCode {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<IpaCode> for String {
    fn from(c: IpaCode) -> String {
        c.0
    }
}

impl fmt::Display for IpaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // Invented people; check characters computed with the official tables.
    // Verdi Giulia, born 15 March 1992 (woman: day 55), Roma (H501).
    const GIULIA: &str = "VRDGLI92C55H501O";
    // Bianchi Luca, 1 January 2001, Milano (F205).
    const LUCA: &str = "BNCLCU01A01F205C";
    // Pellegrini Anna, 1 August 1978, born abroad (Z404).
    const ANNA: &str = "PLLNNA78M41Z404L";

    /// Tests the check-character routine against a 15-char stem.
    fn with_check(stem: &str) -> String {
        let c = cf_check_char(stem.as_bytes()).unwrap();
        format!("{stem}{}", c as char)
    }

    #[test]
    fn check_character_matches_the_textbook_example() {
        // The Agenzia delle Entrate's own example, not a person.
        assert_eq!(with_check("RSSMRA85T10A562"), "RSSMRA85T10A562S");
        assert_eq!(with_check("VRDGLI92C55H501"), GIULIA);
    }

    #[test]
    fn valid_codes_parse() {
        for code in [GIULIA, LUCA, ANNA] {
            let cf = CodiceFiscale::parse(code).unwrap();
            assert_eq!(cf.as_str(), code);
            assert!(!cf.is_omocode());
        }
    }

    #[test]
    fn lowercase_and_spaces_are_normalised() {
        let cf = CodiceFiscale::parse("  vrdgli92c55h501o ").unwrap();
        assert_eq!(cf.as_str(), GIULIA);
        let cf = CodiceFiscale::parse("VRD GLI 92C55 H501O").unwrap();
        assert_eq!(cf.as_str(), GIULIA);
    }

    #[test]
    fn omocodia_codes_are_valid() {
        // Last digit of the place code replaced (1 → M), then more positions.
        for (stem, expected) in [
            ("VRDGLI92C55H5M1", "VRDGLI92C55H5M1A"),
            ("VRDGLI92C55HRMQ", "VRDGLI92C55HRMQB"),
            ("VRDGLIVNCRRHRMQ", "VRDGLIVNCRRHRMQI"),
        ] {
            assert_eq!(with_check(stem), expected);
            let cf = CodiceFiscale::parse(expected).unwrap();
            assert!(cf.is_omocode(), "{expected}");
        }
        // A letter outside LMNPQRSTUV in a digit position is not omocodia.
        let bad = with_check("VRDGLI92C55H5A1");
        assert!(CodiceFiscale::parse(&bad).is_err());
    }

    #[test]
    fn wrong_check_character_is_caught() {
        let e = CodiceFiscale::parse("VRDGLI92C55H501A").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("codice_fiscale"));
        assert!(e.message.contains("controllo"), "{}", e.message);
        // Two adjacent characters swapped.
        assert!(CodiceFiscale::parse("VRDGLI29C55H501O").is_err());
    }

    #[test]
    fn wrong_length_and_form_are_reported() {
        let e = CodiceFiscale::parse("VRDGLI92C55H501").unwrap_err();
        assert!(e.message.contains("16 caratteri"), "{}", e.message);
        assert!(e.message.contains("15"), "{}", e.message);
        let e = CodiceFiscale::parse("").unwrap_err();
        assert!(e.message.starts_with("Indicare"));
        // Digit where a letter goes.
        assert!(CodiceFiscale::parse(&with_check("VRD6LI92C55H501")).is_err());
        // Non-ASCII never panics.
        assert!(CodiceFiscale::parse("VRDGLÌ92C55H501O").is_err());
        assert!(CodiceFiscale::parse("ÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀ").is_err());
    }

    #[test]
    fn month_and_day_are_checked() {
        // F is not a month letter.
        let e = CodiceFiscale::parse(&with_check("VRDGLI92F55H501")).unwrap_err();
        assert!(e.message.contains("mese"));
        // Day 32, day 00, 30 February, day 35 (between men and women).
        for stem in [
            "VRDGLI92C32H501",
            "VRDGLI92C00H501",
            "VRDGLI92B30H501",
            "VRDGLI92C35H501",
            "VRDGLI92C72H501",
        ] {
            let e = CodiceFiscale::parse(&with_check(stem)).unwrap_err();
            assert!(e.message.contains("giorno"), "{stem}: {}", e.message);
        }
        // 29 February and 31 (man) / 71 (woman) are fine.
        for stem in ["VRDGLI92B29H501", "VRDGLI92A31H501", "VRDGLI92A71H501"] {
            assert!(CodiceFiscale::parse(&with_check(stem)).is_ok(), "{stem}");
        }
    }

    #[test]
    fn field_name_is_the_callers() {
        let e = CodiceFiscale::parse_field("x", "legal_representative_cf").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("legal_representative_cf"));
    }

    #[test]
    fn claim_prefix_is_stripped() {
        for raw in [
            "TINIT-VRDGLI92C55H501O",
            "tinit-vrdgli92c55h501o",
            "TinIt-VRDGLI92C55H501O",
            "VRDGLI92C55H501O",
        ] {
            assert_eq!(CodiceFiscale::from_claim(raw).unwrap().as_str(), GIULIA);
        }
        assert!(CodiceFiscale::from_claim("TINIT-").is_err());
        assert!(CodiceFiscale::from_claim("TINIT-VRDGLI92C55H501A").is_err());
        assert!(CodiceFiscale::from_claim("àèìòù").is_err());
    }

    #[test]
    fn serde_round_trip_refuses_bad_codes() {
        let cf: CodiceFiscale = serde_json::from_str("\"vrdgli92c55h501o\"").unwrap();
        assert_eq!(serde_json::to_string(&cf).unwrap(), format!("\"{GIULIA}\""));
        assert!(serde_json::from_str::<CodiceFiscale>("\"VRDGLI92C55H501A\"").is_err());
    }

    #[test]
    fn partita_iva() {
        // Invented numbers with computed check digits.
        assert_eq!(piva_check_digit(b"1234567890"), b'3');
        let p = PartitaIva::parse("12345678903").unwrap();
        assert_eq!(p.as_str(), "12345678903");
        assert_eq!(
            PartitaIva::parse(" IT 01234567897").unwrap().as_str(),
            "01234567897"
        );
        assert_eq!(
            PartitaIva::parse("it01234567897").unwrap().as_str(),
            "01234567897"
        );
        let e = PartitaIva::parse("12345678901").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("partita_iva"));
        assert!(e.message.contains("controllo"));
        let e = PartitaIva::parse("1234567890").unwrap_err();
        assert!(e.message.contains("11 cifre"), "{}", e.message);
        assert!(PartitaIva::parse("1234567890A").is_err());
        assert!(PartitaIva::parse("00000000000").is_err());
        assert!(PartitaIva::parse("").is_err());
        // Adjacent transposition is caught.
        assert!(PartitaIva::parse("21345678903").is_err());
    }

    #[test]
    fn codice_fiscale_ente() {
        match CodiceFiscaleEnte::parse("80012345676").unwrap() {
            CodiceFiscaleEnte::Numerico(p) => assert_eq!(p.as_str(), "80012345676"),
            other => panic!("{other:?}"),
        }
        match CodiceFiscaleEnte::parse("plln na78m41z404l").unwrap() {
            CodiceFiscaleEnte::Personale(c) => assert_eq!(c.as_str(), ANNA),
            other => panic!("{other:?}"),
        }
        assert!(CodiceFiscaleEnte::parse("80012345670").is_err());
        let e = CodiceFiscaleEnte::parse_field("123", "fiscal").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("fiscal"));
        assert!(e.message.contains("11 cifre"));
        let json = serde_json::to_string(&CodiceFiscaleEnte::parse("80012345676").unwrap());
        assert_eq!(json.unwrap(), "\"80012345676\"");
    }

    #[test]
    fn ipa_code() {
        assert_eq!(IpaCode::parse(" c_h501 ").unwrap().as_str(), "c_h501");
        assert!(IpaCode::parse("UFABCD").is_ok());
        assert!(IpaCode::parse("").is_err());
        assert!(IpaCode::parse("a b").is_err());
        assert!(IpaCode::parse(&"a".repeat(21)).is_err());
        assert!(IpaCode::parse(&"a".repeat(20)).is_ok());
    }

    proptest! {
        #[test]
        fn parsers_never_panic(s in "\\PC{0,40}") {
            let _ = CodiceFiscale::parse(&s);
            let _ = CodiceFiscale::from_claim(&s);
            let _ = PartitaIva::parse(&s);
            let _ = CodiceFiscaleEnte::parse(&s);
            let _ = IpaCode::parse(&s);
        }

        #[test]
        fn every_single_substitution_of_a_valid_code_is_caught(pos in 0usize..16, c in "[A-Z0-9]") {
            let mut b = GIULIA.as_bytes().to_vec();
            let new = c.as_bytes()[0];
            prop_assume!(b[pos] != new);
            b[pos] = new;
            let s = String::from_utf8(b).unwrap();
            // Either the form breaks or the check character catches it: both tables give
            // distinct values to the characters a position may hold, so the sum mod 26 moves.
            prop_assert!(CodiceFiscale::parse(&s).is_err(), "{}", s);
        }
    }
}
