//! Query strings as the API reads them: unknown names are errors, never ignored (docs/design.md §8),
//! a name given twice is an error, and an empty value means "not given" — so an HTML form whose
//! select was left on "any" sends the same request as an API client that leaves the name out.

use crate::error::FieldError;

/// Query parameters already percent-decoded, checked against the names an endpoint takes.
#[derive(Debug, Clone, Default)]
pub struct QueryParams {
    pairs: Vec<(String, String)>,
}

impl QueryParams {
    pub fn parse(pairs: Vec<(String, String)>, allowed: &[&str]) -> Result<Self, FieldError> {
        let mut kept: Vec<(String, String)> = Vec::with_capacity(pairs.len());
        for (name, value) in pairs {
            if !allowed.contains(&name.as_str()) {
                return Err(FieldError::unknown_parameter(&name));
            }
            if kept.iter().any(|(n, _)| *n == name) {
                return Err(FieldError::duplicate_parameter(&name));
            }
            let value = value.trim();
            if !value.is_empty() {
                kept.push((name, value.to_owned()));
            }
        }
        Ok(QueryParams { pairs: kept })
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// An optional integer within `min..=max`; the message names the range.
    pub fn int_in(&self, name: &str, min: u32, max: u32) -> Result<Option<u32>, FieldError> {
        let Some(raw) = self.get(name) else {
            return Ok(None);
        };
        parse_int_in(name, raw, min, max).map(Some)
    }
}

/// An integer within `min..=max` with the Italian message the API and the forms share.
pub fn parse_int_in(field: &str, raw: &str, min: u32, max: u32) -> Result<u32, FieldError> {
    let out_of_range = || {
        FieldError::invalid_says(
            field,
            crate::messages::Msg::WholeNumberRange,
            &[("min", &min), ("max", &max)],
        )
    };
    if raw.is_empty() || raw.len() > 9 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(out_of_range());
    }
    let n: u32 = raw.parse().map_err(|_| out_of_range())?;
    if n < min || n > max {
        return Err(out_of_range());
    }
    Ok(n)
}

/// Characters left as they are in a URL query (RFC 3986 *unreserved*); every other byte is
/// percent-encoded, so the result is also valid `application/x-www-form-urlencoded`.
pub fn percent_encode(raw: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in raw.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
}

/// [`percent_encode`] into a new string: one query value.
pub fn encode_component(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    percent_encode(raw, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn unknown_and_duplicate_names_are_errors() {
        let e = QueryParams::parse(pairs(&[("regione", "12")]), &["region"]).unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownParameter);
        assert_eq!(e.field.as_deref(), Some("regione"));
        let e = QueryParams::parse(pairs(&[("a", "1"), ("a", "2")]), &["a"]).unwrap_err();
        assert_eq!(e.code, ErrorCode::DuplicateParameter);
    }

    #[test]
    fn empty_values_mean_not_given() {
        let q = QueryParams::parse(pairs(&[("a", " "), ("b", "x")]), &["a", "b"]).unwrap();
        assert_eq!(q.get("a"), None);
        assert_eq!(q.get("b"), Some("x"));
    }

    #[test]
    fn integers_are_bounded() {
        assert_eq!(parse_int_in("n", "7", 1, 10).unwrap(), 7);
        for bad in ["0", "11", "-1", "1.5", "abc", "99999999999999"] {
            assert!(parse_int_in("n", bad, 1, 10).is_err(), "{bad}");
        }
    }
}
