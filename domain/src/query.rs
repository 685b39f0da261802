//! Query strings as the API reads them: unknown names are errors, never ignored (docs/design.md §8),
//! a name given twice is an error (even when one of the two values is empty: `?a=&a=x` is not
//! `?a=x`), and an empty value means "not given" — so an HTML form whose select was left on
//! "any" sends the same request as an API client that leaves the name out.

use crate::error::FieldError;

/// Query parameters already percent-decoded, checked against the names an endpoint takes.
#[derive(Debug, Clone, Default)]
pub struct QueryParams {
    pairs: Vec<(String, String)>,
}

impl QueryParams {
    pub fn parse(pairs: Vec<(String, String)>, allowed: &[&str]) -> Result<Self, FieldError> {
        let mut kept: Vec<(String, String)> = Vec::with_capacity(pairs.len());
        let mut seen: Vec<&str> = Vec::with_capacity(pairs.len());
        for (name, value) in &pairs {
            let Some(known) = allowed.iter().copied().find(|a| a == name) else {
                return Err(FieldError::unknown_parameter(name));
            };
            if seen.contains(&known) {
                return Err(FieldError::duplicate_parameter(name));
            }
            seen.push(known);
            let value = value.trim();
            if !value.is_empty() {
                kept.push((name.clone(), value.to_owned()));
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

/// `raw` as one value of `application/x-www-form-urlencoded` (`form_urlencoded`, what the worker
/// also reads forms and queries with): letters, digits and `*-._` stay, a space becomes `+`,
/// every other byte of the UTF-8 is `%XX`. The project's one percent-encoder: query strings,
/// form bodies, HTTP Basic credentials (RFC 6749 §2.3.1), and path segments of codes that hold
/// no space.
pub fn percent_encode(raw: &str, out: &mut String) {
    out.extend(form_urlencoded::byte_serialize(raw.as_bytes()));
}

/// [`percent_encode`] into a new string: one query value.
pub fn encode_component(raw: &str) -> String {
    form_urlencoded::byte_serialize(raw.as_bytes()).collect()
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
    fn a_name_twice_is_an_error_even_when_one_value_is_empty() {
        for list in [
            &[("a", ""), ("a", "2")][..],
            &[("a", "2"), ("a", "")],
            &[("a", " "), ("a", "")],
        ] {
            let e = QueryParams::parse(pairs(list), &["a"]).unwrap_err();
            assert_eq!(e.code, ErrorCode::DuplicateParameter, "{list:?}");
            assert_eq!(e.field.as_deref(), Some("a"));
        }
    }

    #[test]
    fn empty_values_mean_not_given() {
        let q = QueryParams::parse(pairs(&[("a", " "), ("b", "x")]), &["a", "b"]).unwrap();
        assert_eq!(q.get("a"), None);
        assert_eq!(q.get("b"), Some("x"));
    }

    #[test]
    fn one_encoding_for_queries_and_forms() {
        assert_eq!(encode_component("a b&c/é"), "a+b%26c%2F%C3%A9");
        assert_eq!(encode_component("AZaz09*-._"), "AZaz09*-._");
        assert_eq!(encode_component("~+%=?#"), "%7E%2B%25%3D%3F%23");
        let mut out = "q=".to_owned();
        percent_encode("x y", &mut out);
        assert_eq!(out, "q=x+y");
        // What the worker decodes is what was encoded.
        let raw = "Caffè \"Al Ponte\" + 50% & più";
        let decoded: Vec<(String, String)> =
            form_urlencoded::parse(format!("v={}", encode_component(raw)).as_bytes())
                .into_owned()
                .collect();
        assert_eq!(decoded, vec![("v".to_owned(), raw.to_owned())]);
    }

    #[test]
    fn integers_are_bounded() {
        assert_eq!(parse_int_in("n", "7", 1, 10).unwrap(), 7);
        for bad in ["0", "11", "-1", "1.5", "abc", "99999999999999"] {
            assert!(parse_int_in("n", bad, 1, 10).is_err(), "{bad}");
        }
    }
}
