//! A small JSON reader and writer for the draft: the file "Salva bozza" writes and "Carica
//! bozza" reads ([`super::DraftFile`]), and the compact JSON the wizard sends
//! ([`ProfileDraft::to_json`]). Both run in the publishing wizard's browser bundle.
//!
//! Why not `serde_json` (the domain does depend on it, for OpenID Connect): the wizard's bundle
//! does not link it — the wizard reads the API's answers with the browser's own `JSON.parse`
//! (app/src/islands/pubblicazione/rete.rs) — and this module is what keeps it out: the draft's
//! derived `Serialize`/`Deserialize` code and serde_json's reader and writer would be one more
//! JSON implementation in the largest bundle a host downloads. It also does what a derive does
//! not: it names the exact field that is wrong (`draft.offers[0].path`), refuses unknown fields
//! and duplicate keys, caps nesting at [`MAX_DEPTH`], never panics on any text, and writes the
//! canonical form (keys sorted, no whitespace, minimal escapes) the checksum is computed over,
//! so a re-indented file still loads and the checksums of files saved before stay valid. The
//! format of `draft` is `ProfileDraft`'s serde form, and the tests check both directions
//! against `serde_json`.

use super::{CapacitiesDraft, ContactsDraft, OfferDraft, PeriodDraft, PlaceDraft, ProfileDraft};
use crate::fnv::fnv1a64;
use crate::hosts::{HostKind, PathKind};
use std::collections::BTreeSet;

pub const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number's text as written (already checked against the JSON grammar).
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Keys in the order written; no key twice.
    Object(Vec<(String, Value)>),
}

/// The whole text as one JSON value, or `None`.
pub fn parse(text: &str) -> Option<Value> {
    let mut p = Parser {
        b: text.as_bytes(),
        pos: 0,
    };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    (p.pos == p.b.len()).then_some(v)
}

/// An integer number's value; `None` for fractions and exponents. Out-of-range integers
/// saturate, which is enough to call a version older or newer.
pub fn integer(n: &str) -> Option<i64> {
    let (neg, digits) = match n.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, n),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match digits.parse::<i64>() {
        Ok(v) if neg => -v,
        Ok(v) => v,
        Err(_) if neg => i64::MIN,
        Err(_) => i64::MAX,
    })
}

struct Parser<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, lit: &[u8]) -> Option<()> {
        let end = self.pos.checked_add(lit.len())?;
        if self.b.get(self.pos..end)? == lit {
            self.pos = end;
            Some(())
        } else {
            None
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'n' => self.eat(b"null").map(|()| Value::Null),
            b't' => self.eat(b"true").map(|()| Value::Bool(true)),
            b'f' => self.eat(b"false").map(|()| Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' => {
                self.pos += 1;
                self.ws();
                let mut items = Vec::new();
                if self.peek()? == b']' {
                    self.pos += 1;
                    return Some(Value::Array(items));
                }
                loop {
                    self.ws();
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match self.peek()? {
                        b',' => self.pos += 1,
                        b']' => {
                            self.pos += 1;
                            return Some(Value::Array(items));
                        }
                        _ => return None,
                    }
                }
            }
            b'{' => {
                self.pos += 1;
                self.ws();
                let mut fields = Vec::new();
                let mut keys = BTreeSet::new();
                if self.peek()? == b'}' {
                    self.pos += 1;
                    return Some(Value::Object(fields));
                }
                loop {
                    self.ws();
                    if self.peek()? != b'"' {
                        return None;
                    }
                    let key = self.string()?;
                    if !keys.insert(key.clone()) {
                        return None;
                    }
                    self.ws();
                    self.eat(b":")?;
                    self.ws();
                    let v = self.value(depth + 1)?;
                    fields.push((key, v));
                    self.ws();
                    match self.peek()? {
                        b',' => self.pos += 1,
                        b'}' => {
                            self.pos += 1;
                            return Some(Value::Object(fields));
                        }
                        _ => return None,
                    }
                }
            }
            _ => None,
        }
    }

    fn digits(&mut self) -> Option<()> {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        (self.pos > start).then_some(())
    }

    fn number(&mut self) -> Option<Value> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek()? {
            b'0' => self.pos += 1,
            b'1'..=b'9' => self.digits()?,
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.digits()?;
        }
        let text = std::str::from_utf8(self.b.get(start..self.pos)?).ok()?;
        Some(Value::Number(text.to_owned()))
    }

    fn hex4(&mut self) -> Option<u32> {
        let end = self.pos.checked_add(4)?;
        let s = self.b.get(self.pos..end)?;
        if !s.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let v = u32::from_str_radix(std::str::from_utf8(s).ok()?, 16).ok()?;
        self.pos = end;
        Some(v)
    }

    fn unicode_escape(&mut self) -> Option<char> {
        let hi = self.hex4()?;
        if (0xD800..0xDC00).contains(&hi) {
            self.eat(b"\\u")?;
            let lo = self.hex4()?;
            if !(0xDC00..0xE000).contains(&lo) {
                return None;
            }
            char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
        } else {
            // A lone low surrogate is not a char: `from_u32` refuses it.
            char::from_u32(hi)
        }
    }

    fn string(&mut self) -> Option<String> {
        self.eat(b"\"")?;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let c = self.peek()?;
            self.pos += 1;
            match c {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let esc = self.peek()?;
                    self.pos += 1;
                    match esc {
                        b'"' | b'\\' | b'/' => out.push(esc),
                        b'b' => out.push(0x08),
                        b'f' => out.push(0x0c),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let ch = self.unicode_escape()?;
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        }
                        _ => return None,
                    }
                }
                0x00..=0x1f => return None,
                _ => out.push(c),
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Keys sorted by their bytes, no whitespace: what the checksum is computed over.
    Canonical,
    /// Keys in order, two-space indentation: what people see if they open the file.
    Pretty,
    /// Keys in order, no whitespace: what the wizard sends.
    Compact,
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn newline(out: &mut String, level: usize) {
    out.push('\n');
    for _ in 0..level {
        out.push_str("  ");
    }
}

pub fn write(v: &Value, out: &mut String, style: Style, level: usize) {
    let pretty = style == Style::Pretty;
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if pretty {
                    newline(out, level + 1);
                }
                write(item, out, style, level + 1);
            }
            if pretty {
                newline(out, level);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            if fields.is_empty() {
                out.push_str("{}");
                return;
            }
            let mut refs: Vec<&(String, Value)> = fields.iter().collect();
            if style == Style::Canonical {
                crate::sort::sort_by(&mut refs, |a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            }
            out.push('{');
            for (i, (k, item)) in refs.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if pretty {
                    newline(out, level + 1);
                }
                write_string(k, out);
                out.push(':');
                if pretty {
                    out.push(' ');
                }
                write(item, out, style, level + 1);
            }
            if pretty {
                newline(out, level);
            }
            out.push('}');
        }
    }
}

/// `fnv1a64:` and 16 lower-case hex digits of the canonical JSON of `v`.
pub fn checksum(v: &Value) -> String {
    let mut canonical = String::new();
    write(v, &mut canonical, Style::Canonical, 0);
    format!("fnv1a64:{:016x}", fnv1a64(canonical.as_bytes()))
}

// --- ProfileDraft <-> Value, in serde's field names and order. ---

fn s(v: &str) -> Value {
    Value::String(v.to_owned())
}

fn obj(fields: Vec<(&str, Value)>) -> Value {
    Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

pub fn draft_to_value(d: &ProfileDraft) -> Value {
    obj(vec![
        ("kind", d.kind.map_or(Value::Null, |k| s(k.as_str()))),
        ("name", s(&d.name)),
        ("codice_fiscale", s(&d.codice_fiscale)),
        ("partita_iva", s(&d.partita_iva)),
        ("legal_representative_cf", s(&d.legal_representative_cf)),
        ("ipa_code", s(&d.ipa_code)),
        ("ateco", s(&d.ateco)),
        ("description", s(&d.description)),
        (
            "offers",
            Value::Array(d.offers.iter().map(offer_to_value).collect()),
        ),
        (
            "places",
            Value::Array(
                d.places
                    .iter()
                    .map(|p| {
                        obj(vec![
                            ("address", s(&p.address)),
                            ("cap", s(&p.cap)),
                            ("comune", s(&p.comune)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "contacts",
            obj(vec![
                ("person_role", s(&d.contacts.person_role)),
                ("email", s(&d.contacts.email)),
                ("phone", s(&d.contacts.phone)),
                ("pec", s(&d.contacts.pec)),
                ("website", s(&d.contacts.website)),
            ]),
        ),
        ("supply_chain", s(&d.supply_chain)),
        (
            "capacities",
            obj(vec![
                ("structural", s(&d.capacities.structural)),
                ("technological", s(&d.capacities.technological)),
                ("organisational", s(&d.capacities.organisational)),
            ]),
        ),
    ])
}

fn offer_to_value(o: &OfferDraft) -> Value {
    obj(vec![
        ("path", o.path.map_or(Value::Null, |p| s(p.as_str()))),
        ("max_students", s(&o.max_students)),
        (
            "periods",
            Value::Array(
                o.periods
                    .iter()
                    .map(|p| obj(vec![("from", s(&p.from)), ("to", s(&p.to))]))
                    .collect(),
            ),
        ),
        (
            "figures",
            Value::Array(o.figures.iter().map(|f| s(f)).collect()),
        ),
        ("activity", s(&o.activity)),
    ])
}

/// An object being read, with its path for errors. Missing keys read as empty (serde's
/// `default`); unknown keys and wrong types are errors naming their path.
struct Obj<'a> {
    fields: &'a [(String, Value)],
    path: String,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, path: String, keys: &[&str]) -> Result<Self, String> {
        let Value::Object(fields) = v else {
            return Err(path);
        };
        if let Some((k, _)) = fields.iter().find(|(k, _)| !keys.contains(&k.as_str())) {
            return Err(format!("{path}.{k}"));
        }
        Ok(Obj { fields, path })
    }

    fn at(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn string(&self, key: &str) -> Result<String, String> {
        match self.get(key) {
            None => Ok(String::new()),
            Some(Value::String(v)) => Ok(v.clone()),
            Some(_) => Err(self.at(key)),
        }
    }

    fn choice<T>(&self, key: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Option<T>, String> {
        match self.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(v)) => parse(v).map(Some).ok_or_else(|| self.at(key)),
            Some(_) => Err(self.at(key)),
        }
    }

    fn object(&self, key: &str, keys: &[&str]) -> Result<Option<Obj<'a>>, String> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => Obj::new(v, self.at(key), keys).map(Some),
        }
    }

    fn array<T>(
        &self,
        key: &str,
        item: impl Fn(&'a Value, String) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| item(v, format!("{}[{i}]", self.at(key))))
                .collect(),
            Some(_) => Err(self.at(key)),
        }
    }
}

/// The draft in a value, or the path of the first thing wrong (`draft.offers[0].path`).
pub fn draft_from_value(v: &Value) -> Result<ProfileDraft, String> {
    let o = Obj::new(
        v,
        "draft".to_owned(),
        &[
            "kind",
            "name",
            "codice_fiscale",
            "partita_iva",
            "legal_representative_cf",
            "ipa_code",
            "ateco",
            "description",
            "offers",
            "places",
            "contacts",
            "supply_chain",
            "capacities",
        ],
    )?;
    let contacts = match o.object(
        "contacts",
        &["person_role", "email", "phone", "pec", "website"],
    )? {
        None => ContactsDraft::default(),
        Some(c) => ContactsDraft {
            person_role: c.string("person_role")?,
            email: c.string("email")?,
            phone: c.string("phone")?,
            pec: c.string("pec")?,
            website: c.string("website")?,
        },
    };
    let capacities = match o.object(
        "capacities",
        &["structural", "technological", "organisational"],
    )? {
        None => CapacitiesDraft::default(),
        Some(c) => CapacitiesDraft {
            structural: c.string("structural")?,
            technological: c.string("technological")?,
            organisational: c.string("organisational")?,
        },
    };
    Ok(ProfileDraft {
        kind: o.choice("kind", |s| HostKind::parse(s).ok())?,
        name: o.string("name")?,
        codice_fiscale: o.string("codice_fiscale")?,
        partita_iva: o.string("partita_iva")?,
        legal_representative_cf: o.string("legal_representative_cf")?,
        ipa_code: o.string("ipa_code")?,
        ateco: o.string("ateco")?,
        description: o.string("description")?,
        offers: o.array("offers", offer_from_value)?,
        places: o.array("places", |v, path| {
            let p = Obj::new(v, path, &["address", "cap", "comune"])?;
            Ok(PlaceDraft {
                address: p.string("address")?,
                cap: p.string("cap")?,
                comune: p.string("comune")?,
            })
        })?,
        contacts,
        supply_chain: o.string("supply_chain")?,
        capacities,
    })
}

fn offer_from_value(v: &Value, path: String) -> Result<OfferDraft, String> {
    let o = Obj::new(
        v,
        path,
        &["path", "max_students", "periods", "figures", "activity"],
    )?;
    Ok(OfferDraft {
        path: o.choice("path", |s| PathKind::parse(s).ok())?,
        max_students: o.string("max_students")?,
        periods: o.array("periods", |v, path| {
            let p = Obj::new(v, path, &["from", "to"])?;
            Ok(PeriodDraft {
                from: p.string("from")?,
                to: p.string("to")?,
            })
        })?,
        figures: o.array("figures", |v, path| match v {
            Value::String(f) => Ok(f.clone()),
            _ => Err(path),
        })?,
        activity: o.string("activity")?,
    })
}
