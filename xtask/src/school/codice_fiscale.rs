//! The codice fiscale of an invented person, by the real rule: letters from the names, date
//! and sex, the *codice catastale* of the place of birth, omocodia on a clash, the check
//! character.

use super::*;

pub(super) const CF_MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
pub(super) const CF_ODD: [u8; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];
pub(super) const CF_OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";
/// Digit positions, right to left: the order in which omocodia replaces them.
pub(super) const CF_DIGITS_FROM_RIGHT: [usize; 7] = [14, 13, 12, 10, 9, 7, 6];

/// The letters of a name without accents, apostrophes or spaces, in upper case.
pub(super) fn cf_letters(s: &str) -> Vec<u8> {
    s.chars()
        .filter_map(|c| {
            let base = match c {
                'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' => 'A',
                'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' => 'E',
                'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' => 'I',
                'ò' | 'ó' | 'ô' | 'ö' | 'Ò' | 'Ó' => 'O',
                'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' => 'U',
                c if c.is_ascii_alphabetic() => c.to_ascii_uppercase(),
                _ => return None,
            };
            Some(base as u8)
        })
        .collect()
}

/// Three letters from a surname (`first_name` false) or a first name: consonants, then vowels,
/// then `X`; a first name with four or more consonants takes the first, third and fourth.
pub(super) fn cf_name_part(s: &str, first_name: bool) -> String {
    let letters = cf_letters(s);
    let is_vowel = |b: &u8| matches!(b, b'A' | b'E' | b'I' | b'O' | b'U');
    let cons: Vec<u8> = letters.iter().copied().filter(|b| !is_vowel(b)).collect();
    let vows: Vec<u8> = letters.iter().copied().filter(is_vowel).collect();
    let picked: Vec<u8> = if first_name && cons.len() >= 4 {
        vec![cons[0], cons[2], cons[3]]
    } else {
        cons.into_iter()
            .chain(vows)
            .chain(std::iter::repeat(b'X'))
            .take(3)
            .collect()
    };
    String::from_utf8_lossy(&picked).into_owned()
}

pub(super) fn cf_check(first15: &[u8]) -> u8 {
    let sum: u32 = first15
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let index = if b.is_ascii_digit() {
                b - b'0'
            } else {
                b - b'A'
            };
            u32::from(if i % 2 == 0 {
                CF_ODD[usize::from(index)]
            } else {
                index
            })
        })
        .sum();
    b'A' + (sum % 26) as u8
}

/// The codice fiscale of an invented person, unique among `used` (omocodia on a clash, as the
/// Agenzia delle Entrate does).
pub(super) fn codice_fiscale(
    cognome: &str,
    nome: &str,
    female: bool,
    born: NaiveDate,
    place: &str,
    used: &mut BTreeSet<String>,
) -> String {
    let day = born.day() + if female { 40 } else { 0 };
    let stem = format!(
        "{}{}{:02}{}{:02}{}",
        cf_name_part(cognome, false),
        cf_name_part(nome, true),
        born.year().rem_euclid(100),
        CF_MONTHS[born.month0() as usize] as char,
        day,
        place
    );
    let mut b = stem.into_bytes();
    for round in 0..=CF_DIGITS_FROM_RIGHT.len() {
        if round > 0 {
            let pos = CF_DIGITS_FROM_RIGHT[round - 1];
            if b[pos].is_ascii_digit() {
                b[pos] = CF_OMOCODIA[usize::from(b[pos] - b'0')];
            }
        }
        let mut code = b.clone();
        code.push(cf_check(&b));
        let code = String::from_utf8_lossy(&code).into_owned();
        if used.insert(code.clone()) {
            return code;
        }
    }
    // Eight people with the same name, day and place: not with these pools.
    String::from_utf8_lossy(&b).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::identity::CodiceFiscale;

    #[test]
    fn codice_fiscale_follows_the_rule() {
        let mut used = BTreeSet::new();
        // The Agenzia delle Entrate's textbook example (not a person).
        let cf = codice_fiscale(
            "Rossi",
            "Mario",
            false,
            ymd(1985, 12, 10),
            "A562",
            &mut used,
        );
        assert_eq!(cf, "RSSMRA85T10A562S");
        // The same again: omocodia on the last digit, still valid.
        let again = codice_fiscale(
            "Rossi",
            "Mario",
            false,
            ymd(1985, 12, 10),
            "A562",
            &mut used,
        );
        assert_ne!(again, cf);
        assert!(CodiceFiscale::parse(&again).unwrap().is_omocode());
        assert_eq!(cf_name_part("D'Alò", false), "DLA");
        assert_eq!(cf_name_part("Maria Chiara", true), "MCH");
        assert_eq!(cf_name_part("Fo", false), "FOX");
        assert_eq!(cf_name_part("Niccolò", true), "NCL");
    }
}
