//! Bytes to text, and the folding that makes names and words match however they were typed.

use crate::text::unaccent;

/// What Windows-1252 bytes 0x80–0x9F stand for (the WHATWG Encoding Standard's table: the five
/// bytes Windows leaves undefined — 0x81, 0x8D, 0x8F, 0x90, 0x9D — map to the C1 controls of the
/// same value). Every other byte is the Unicode code point of the same value (Latin-1).
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of a file: a UTF-8 byte-order mark is dropped; a file that is valid UTF-8 is read as
/// UTF-8, any other as Windows-1252 (docs/imports.md, "Encoding": what Excel writes on Italian
/// Windows). Never fails: every byte has a meaning in Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// The character of one Windows-1252 byte.
pub(crate) fn windows_1252(b: u8) -> char {
    match b {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Whether the bytes start with a UTF-16 byte-order mark: Excel's "Testo Unicode", which is
/// tab-separated UTF-16 and not a CSV file.
pub(crate) fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// A word as Ponte compares it: lower case, without accents or apostrophes (`attivita'` is how
/// `attività` is often typed), and with every run of spaces, `-` and `_` made one `_`, none at
/// the ends. `Ore Lunedì` → `ore_lunedi`; `secondaria di I grado` → `secondaria_di_i_grado`.
pub(crate) fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut gap = false;
    for c in raw.chars().flat_map(char::to_lowercase) {
        match c {
            ' ' | '\t' | '\u{a0}' | '-' | '_' => gap = true,
            '\'' | '\u{2019}' | '`' | '\u{b4}' => {}
            _ => {
                if gap && !out.is_empty() {
                    out.push('_');
                }
                gap = false;
                out.push(unaccent(c));
            }
        }
    }
    out
}

/// At most `max` characters of `s`, the last one an ellipsis when it was cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_table_follows_whatwg() {
        // Spot checks against the WHATWG index-windows-1252.
        let expected = [
            (0x80, '€'),
            (0x81, '\u{81}'),
            (0x85, '…'),
            (0x8A, 'Š'),
            (0x8C, 'Œ'),
            (0x8D, '\u{8D}'),
            (0x8E, 'Ž'),
            (0x8F, '\u{8F}'),
            (0x90, '\u{90}'),
            (0x91, '‘'),
            (0x92, '’'),
            (0x93, '“'),
            (0x94, '”'),
            (0x96, '–'),
            (0x97, '—'),
            (0x99, '™'),
            (0x9C, 'œ'),
            (0x9D, '\u{9D}'),
            (0x9F, 'Ÿ'),
            (0xA0, '\u{A0}'),
            (0xE0, 'à'),
            (0xE8, 'è'),
            (0xF2, 'ò'),
            (0xFF, 'ÿ'),
            (b'A', 'A'),
        ];
        for (byte, c) in expected {
            assert_eq!(windows_1252(byte), c, "byte {byte:#x}");
        }
        // No two bytes give the same character: the table is a bijection onto its image.
        let mut all: Vec<char> = (0..=255u8).map(windows_1252).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 256);
        // Outside the C1 range, only the five undefined bytes keep their own value.
        let same: Vec<u8> = (0x80..=0x9Fu8)
            .filter(|&b| windows_1252(b) == char::from(b))
            .collect();
        assert_eq!(same, [0x81, 0x8D, 0x8F, 0x90, 0x9D]);
    }

    #[test]
    fn decode_chooses_the_encoding() {
        assert_eq!(decode(b"\xEF\xBB\xBFclasse;ordine"), "classe;ordine");
        assert_eq!(decode("Niccolò".as_bytes()), "Niccolò");
        assert_eq!(decode(b"Niccol\xF2 \x80 \x92"), "Niccolò € ’");
        // A BOM followed by bytes that are not UTF-8.
        assert_eq!(decode(b"\xEF\xBB\xBFPerch\xE9"), "Perché");
        assert_eq!(decode(b""), "");
    }

    #[test]
    fn fold_ignores_case_accents_and_separators() {
        assert_eq!(fold("Ore Lunedì"), "ore_lunedi");
        assert_eq!(fold("  Data-iscrizione "), "data_iscrizione");
        assert_eq!(fold("secondaria di I grado"), "secondaria_di_i_grado");
        assert_eq!(fold("ATTIVITA' scolastica"), "attivita_scolastica");
        assert_eq!(fold("Sì"), "si");
        assert_eq!(fold("__a__b__"), "a_b");
    }

    #[test]
    fn truncate_counts_characters() {
        assert_eq!(truncate("àbc", 3), "àbc");
        assert_eq!(truncate("àbcd", 3), "àb…");
        assert_eq!(truncate(&"è".repeat(200), 80).chars().count(), 80);
    }
}
