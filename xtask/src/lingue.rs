//! The family's message files (`app/lingue/<code>/<catalogue>.ftl`, Fluent syntax: what a
//! translator edits) into the one JSON file per language the worker loads
//! (`assets/pkg/lingue/<code>.json`, read by `app::lingue`). Also compiled into `app`'s tests
//! (`#[path]`), which check the files against the Italian catalogues with this same reading.
//!
//! What a file may say: `key = text` with `{ $name }` placeholders (`{name}` in the catalogue's
//! own form); `key-0 = …`, `key-1 = …` for a list (the months, the kinds of absence); a
//! message whose whole value is `{ $n -> [one] … [few] … *[other] … }` for a count, its variants
//! named by CLDR plural category (`zero`, `one`, `two`, `few`, `many`, `other`: the language's
//! own, `other` the default). Lines of a long text are joined with a space.

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use serde_json::{Map, Value};
use std::path::Path;

/// The catalogues, in the order of their files: each is a field of `app::lingue::Catalogue`.
pub const CATALOGUES: [&str; 6] = ["texts", "family", "law159", "info", "decisions", "errors"];

/// A language's directory of message files into its JSON value.
pub fn language(dir: &Path) -> Result<Value, String> {
    let mut out = Map::new();
    for name in CATALOGUES {
        let path = dir.join(format!("{name}.ftl"));
        let source = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let mut value = catalogue(&source).map_err(|e| format!("{}: {e}", path.display()))?;
        if name == "errors" {
            value = by_number(value).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        out.insert(name.to_owned(), value);
    }
    Ok(Value::Object(out))
}

/// The errors a translator names (`DerogaDuplicate`, as `domain::messages` does) keyed by the
/// message's number, which is what the worker looks up (it carries no list of names).
fn by_number(errors: Value) -> Result<Value, String> {
    let Value::Object(named) = errors else {
        return Err("not a list of messages".to_owned());
    };
    let mut out = Map::new();
    for (name, text) in named {
        let m = domain::messages::Msg::ALL
            .iter()
            .find(|m| format!("{:?}", m.id) == name)
            .ok_or_else(|| format!("{name}: not a message of domain::messages"))?;
        out.insert((m.id as usize).to_string(), text);
    }
    Ok(Value::Object(out))
}

/// One `.ftl` file into a JSON object: strings, lists, and plural objects.
pub fn catalogue(source: &str) -> Result<Value, String> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, errors)| {
        errors
            .iter()
            .map(|e| format!("{:?} at bytes {:?}", e.kind, e.pos))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let mut out = Map::new();
    let mut lists: Vec<(String, usize, Value)> = Vec::new();
    for entry in resource.body {
        let message = match entry {
            Entry::Message(m) => m,
            Entry::Junk { content } => return Err(format!("not a message: {content}")),
            _ => continue,
        };
        let id = message.id.name;
        let pattern = message
            .value
            .ok_or_else(|| format!("{id}: a message needs a value"))?;
        let value = message_value(id, &pattern)?;
        match id.rsplit_once('-') {
            Some((key, index))
                if !index.is_empty() && index.bytes().all(|b| b.is_ascii_digit()) =>
            {
                let i = index
                    .parse()
                    .map_err(|_| format!("{id}: not a list's index"))?;
                lists.push((key.to_owned(), i, value));
            }
            _ => {
                if out.insert(id.to_owned(), value).is_some() {
                    return Err(format!("{id}: written twice"));
                }
            }
        }
    }
    lists.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    for (key, i, value) in lists {
        let list = out
            .entry(key.clone())
            .or_insert_with(|| Value::Array(Vec::new()));
        let Value::Array(items) = list else {
            return Err(format!("{key}: both a message and a list"));
        };
        if items.len() != i {
            return Err(format!(
                "{key}-{i}: the list's items go from 0 without gaps"
            ));
        }
        items.push(value);
    }
    Ok(Value::Object(out))
}

fn message_value(id: &str, pattern: &Pattern<&str>) -> Result<Value, String> {
    if let [PatternElement::Placeable {
        expression: Expression::Select { selector, variants },
    }] = pattern.elements.as_slice()
    {
        match selector {
            InlineExpression::VariableReference { id: v } if v.name == "n" => {}
            _ => return Err(format!("{id}: a count chooses on {{ $n -> … }}")),
        }
        let mut forms = Map::new();
        for variant in variants {
            let key = match &variant.key {
                VariantKey::Identifier { name } => *name,
                VariantKey::NumberLiteral { value } => {
                    return Err(format!("{id}: [{value}]: name the plural category instead"))
                }
            };
            if !["zero", "one", "two", "few", "many", "other"].contains(&key) {
                return Err(format!("{id}: [{key}] is not a CLDR plural category"));
            }
            if variant.default != (key == "other") {
                return Err(format!("{id}: *[other] is the default, and only it"));
            }
            forms.insert(key.to_owned(), Value::String(text(id, &variant.value)?));
        }
        if !forms.contains_key("other") {
            return Err(format!("{id}: a count needs *[other]"));
        }
        return Ok(Value::Object(forms));
    }
    Ok(Value::String(text(id, pattern)?))
}

/// A pattern's text with `{name}` for each `{ $name }`; lines joined with a space.
fn text(id: &str, pattern: &Pattern<&str>) -> Result<String, String> {
    let mut s = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => s.push_str(value),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::VariableReference { id: v }) => {
                    s.push('{');
                    s.push_str(v.name);
                    s.push('}');
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    s.push_str(value)
                }
                _ => {
                    return Err(format!(
                        "{id}: only {{ $name }} placeholders, and a count's {{ $n -> … }} as the whole message"
                    ))
                }
            },
        }
    }
    Ok(s.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_texts_lists_and_counts() {
        let v = catalogue(
            "# a comment\ntitle = La situation\n    de vos enfants\nmonths-0 = janvier\nmonths-1 = février\n\
             days = { $n ->\n    [one] { $n } jour\n   *[other] { $n } jours\n}\nat = Le { $date } à { $time }\n",
        )
        .unwrap(); // ok: test
        assert_eq!(v["title"], "La situation de vos enfants");
        assert_eq!(v["months"][1], "février");
        assert_eq!(v["days"]["one"], "{n} jour");
        assert_eq!(v["days"]["other"], "{n} jours");
        assert_eq!(v["at"], "Le {date} à {time}");
    }

    #[test]
    fn a_file_that_says_something_else_is_refused() {
        assert!(catalogue("days = { $n ->\n   *[one] a\n    [other] b\n}\n").is_err());
        assert!(catalogue("days = { $n ->\n    [1] a\n   *[other] b\n}\n").is_err());
        assert!(catalogue("x-1 = b\n").is_err());
        assert!(catalogue("x = { -term }\n").is_err());
        assert!(catalogue("x = a\nx = b\n").is_err());
    }
}
