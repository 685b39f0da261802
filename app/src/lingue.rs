//! The family's languages beyond Italian and English (`Lang::LOADED`): their words are message
//! files a translator edits (`app/lingue/<code>/*.ftl`, Fluent syntax, one file per catalogue),
//! which `cargo xtask build` turns into one JSON file per language among the static assets
//! (`/pkg/lingue/<code>.json`, [`asset_path`]). The worker reads a language's file through its
//! `ASSETS` binding the first time a page needs it, and [`load`] keeps the catalogues made
//! from it for the instance's life: the words are not in the worker's wasm.
//!
//! A catalogue is the same struct as Italian's and English's (`Texts`, `FamilyTexts`, …), so
//! the pages do not know where their words come from; a word the file lacks is Italian's (the
//! text that counts), and a test (`tests` below) fails when a family word is missing or its
//! placeholders differ from Italian's.

use crate::i18n::{Lang, Texts};
use crate::i18n_decisions::DecisionTexts;
use crate::i18n_family::FamilyTexts;
use crate::i18n_info::InfoTexts;
use crate::i18n_law159::Law159Texts;

/// Where the build writes a language's messages, and where the worker reads them.
pub fn asset_path(lang: Lang) -> String {
    format!("/pkg/lingue/{}.json", lang.code())
}

/// One language's words, read from its file (never in the browser: the islands are Italian and
/// English only).
#[derive(Clone, Default)]
#[cfg_attr(not(feature = "hydrate"), derive(serde::Deserialize))]
#[cfg_attr(
    not(feature = "hydrate"),
    serde(default, bound(deserialize = "'de: 'static"))
)]
pub struct Catalogue {
    pub texts: Texts,
    pub family: FamilyTexts,
    pub law159: Law159Texts,
    pub info: InfoTexts,
    pub decisions: DecisionTexts,
    /// Domain messages (`domain::messages::Msg`) by their name (`DerogaDuplicate`): the errors
    /// of the family's forms. A message not here is shown in Italian.
    pub errors: std::collections::BTreeMap<&'static str, &'static str>,
}

impl Catalogue {
    /// A domain message in this language, if the file has it.
    pub fn error(&self, m: domain::messages::Msg) -> Option<&'static str> {
        self.errors.get(format!("{:?}", m.id).as_str()).copied()
    }
}

#[cfg(not(feature = "hydrate"))]
static LOADED: [std::sync::OnceLock<&'static Catalogue>; 8] =
    [const { std::sync::OnceLock::new() }; 8];

#[cfg(not(feature = "hydrate"))]
fn slot(lang: Lang) -> Option<&'static std::sync::OnceLock<&'static Catalogue>> {
    let i = Lang::LOADED.iter().position(|l| *l == lang)?;
    LOADED.get(i)
}

/// The catalogue of a loaded language, once [`load`] has read it.
pub fn catalogue(lang: Lang) -> Option<&'static Catalogue> {
    #[cfg(not(feature = "hydrate"))]
    {
        slot(lang)?.get().copied()
    }
    #[cfg(feature = "hydrate")]
    {
        let _ = lang;
        None
    }
}

/// Whether `lang`'s words are at hand (Italian and English always are).
pub fn ready(lang: Lang) -> bool {
    matches!(lang, Lang::It | Lang::En) || catalogue(lang).is_some()
}

/// Reads a language's JSON file (as the build writes it) and keeps its catalogue for the
/// instance's life. Its strings are kept too (leaked once per language and instance: the pages
/// borrow them as `&'static str`, like Italian's).
#[cfg(not(feature = "hydrate"))]
pub fn load(lang: Lang, json: &str) -> Result<&'static Catalogue, String> {
    let slot = slot(lang).ok_or_else(|| format!("{} is not a loaded language", lang.code()))?;
    if let Some(c) = slot.get() {
        return Ok(c);
    }
    let catalogue = parse(json)?;
    let kept: &'static Catalogue = Box::leak(Box::new(catalogue));
    Ok(slot.get_or_init(|| kept))
}

/// A language's JSON file into its catalogue (not kept).
#[cfg(not(feature = "hydrate"))]
pub fn parse(json: &str) -> Result<Catalogue, String> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("messages: {e}"))?;
    serde::Deserialize::deserialize(Kept::from(value)).map_err(|e: Problem| e.0)
}

/// A JSON value whose strings live for the program's life, so `&'static str` fields borrow
/// them (serde_json's own values are owned strings; its borrowing reader fails on escapes).
#[cfg(not(feature = "hydrate"))]
enum Kept {
    Str(&'static str),
    Map(Vec<(&'static str, Kept)>),
    Seq(Vec<Kept>),
    Nothing,
}

#[cfg(not(feature = "hydrate"))]
impl From<serde_json::Value> for Kept {
    fn from(v: serde_json::Value) -> Self {
        use serde_json::Value;
        match v {
            Value::String(s) => Kept::Str(s.leak()),
            Value::Array(a) => Kept::Seq(a.into_iter().map(Kept::from).collect()),
            Value::Object(o) => Kept::Map(
                o.into_iter()
                    .map(|(k, v)| (&*k.leak(), Kept::from(v)))
                    .collect(),
            ),
            _ => Kept::Nothing,
        }
    }
}

#[cfg(not(feature = "hydrate"))]
#[derive(Debug)]
pub struct Problem(String);

#[cfg(not(feature = "hydrate"))]
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(not(feature = "hydrate"))]
impl std::error::Error for Problem {}

#[cfg(not(feature = "hydrate"))]
impl serde::de::Error for Problem {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Problem(format!("messages: {msg}"))
    }
}

#[cfg(not(feature = "hydrate"))]
impl<'de> serde::de::IntoDeserializer<'de, Problem> for Kept {
    type Deserializer = Kept;
    fn into_deserializer(self) -> Kept {
        self
    }
}

#[cfg(not(feature = "hydrate"))]
impl<'de> serde::Deserializer<'de> for Kept {
    type Error = Problem;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Problem> {
        use serde::de::value::{MapDeserializer, SeqDeserializer};
        match self {
            Kept::Str(s) => visitor.visit_borrowed_str(s),
            Kept::Map(m) => visitor.visit_map(MapDeserializer::new(
                m.into_iter().map(|(k, v)| (KeptKey(k), v)),
            )),
            Kept::Seq(s) => visitor.visit_seq(SeqDeserializer::new(s.into_iter())),
            Kept::Nothing => visitor.visit_unit(),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// A map's key, borrowed like the values (the catalogue's map of errors keeps them).
#[cfg(not(feature = "hydrate"))]
struct KeptKey(&'static str);

#[cfg(not(feature = "hydrate"))]
impl<'de> serde::de::IntoDeserializer<'de, Problem> for KeptKey {
    type Deserializer = serde::de::value::BorrowedStrDeserializer<'de, Problem>;
    fn into_deserializer(self) -> Self::Deserializer {
        serde::de::value::BorrowedStrDeserializer::new(self.0)
    }
}

/// What the family reads, by catalogue: every language of [`Lang::LOADED`] must have these
/// words, with Italian's placeholders. A key is a field's name; `prefix*` is every field that
/// starts so; `!prefix*` leaves out (the school's side of a shared catalogue), unless the key is
/// also named whole.
#[cfg(test)]
pub(crate) const FAMILY_WORDS: [(&str, &[&str]); 6] = [
    (
        "texts",
        &[
            "site_name",
            "site_tagline",
            "skip_to_content",
            "nav_label",
            "nav_hosts",
            "nav_calculator",
            "footer_sources",
            "footer_note",
            "digit_group",
            "decimal_mark",
            "lang_menu",
            "translation*",
            "original_italian",
            "nav_signin",
            "nav_signout",
            "nav_area",
            "signed_in_prefix",
            "signin_*",
            "norole_*",
            "offline_*",
            "not_found_title",
            "not_found_text",
        ],
    ),
    (
        "family",
        &[
            "*",
            "rq_deroga",
            "sn_not_yet",
            "!sn_*",
            "!rq_*",
            "!school_*",
            "!grades",
        ],
    ),
    (
        "law159",
        &[
            "family_notice",
            "family_resumed",
            "family_mayor",
            "channels",
        ],
    ),
    ("info", &["footer_privacy", "footer_accessibility"]),
    (
        "decisions",
        &["refusals", "family_refusal", "family_council"],
    ),
    ("errors", &[]),
];

/// The domain messages a family's form or page may show (`errors` of the message files).
#[cfg(test)]
pub(crate) const FAMILY_ERRORS: [domain::messages::Msg; 22] = {
    use domain::messages::Msg;
    [
        Msg::NotFound,
        Msg::Internal,
        Msg::Unauthenticated,
        Msg::Forbidden,
        Msg::CsrfRejected,
        Msg::RateLimited,
        Msg::PayloadTooLarge,
        Msg::UnknownCode,
        Msg::DerogaDuplicate,
        Msg::DerogaTooMany,
        Msg::DerogaCategoryFromList,
        Msg::NoticeWithdrawn,
        Msg::NoticeNeedsNoAcknowledgement,
        Msg::NoticeAlreadyAcknowledged,
        Msg::IsoDateForm,
        Msg::JustificationAlreadySent,
        Msg::AbsencesTooMany,
        Msg::AbsencesNoneChosen,
        Msg::AbsenceDerogated,
        Msg::ReasonFromList,
        Msg::FutureAbsence,
        Msg::DatesInSchoolYear,
    ]
};

#[cfg(test)]
#[path = "../../xtask/src/lingue.rs"]
mod ftl;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    fn dir(lang: Lang) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("lingue")
            .join(lang.code())
    }

    fn placeholders(s: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = s;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end)
                    if after[..end]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                {
                    out.insert(after[..end].to_owned());
                    rest = &after[end + 1..];
                }
                _ => rest = after,
            }
        }
        out
    }

    fn italian() -> Result<Value, serde_json::Error> {
        let errors: serde_json::Map<String, Value> = FAMILY_ERRORS
            .iter()
            .map(|m| (format!("{:?}", m.id), Value::String(m.it().to_owned())))
            .collect();
        Ok(serde_json::json!({
            "texts": serde_json::to_value(&crate::i18n::IT)?,
            "family": serde_json::to_value(&crate::i18n_family::FAMILY_IT)?,
            "law159": serde_json::to_value(&crate::i18n_law159::LAW159_IT)?,
            "info": serde_json::to_value(&crate::i18n_info::INFO_IT)?,
            "decisions": serde_json::to_value(&crate::i18n_decisions::DECISIONS_IT)?,
            "errors": errors,
        }))
    }

    fn wanted(rules: &[&str], key: &str) -> bool {
        let matches = |r: &str| match r.strip_suffix('*') {
            Some(prefix) => key.starts_with(prefix),
            None => key == r,
        };
        // A key named whole is wanted whatever a `!prefix*` says.
        if rules.contains(&key) {
            return true;
        }
        rules.iter().any(|r| !r.starts_with('!') && matches(r))
            && !rules
                .iter()
                .any(|r| r.strip_prefix('!').is_some_and(matches))
    }

    /// Italian's `it` against a translation's `tr` at `path`: what is missing or differs.
    fn compare(path: &str, it: &Value, tr: Option<&Value>, bad: &mut Vec<String>) {
        let Some(tr) = tr else {
            bad.push(format!("{path}: missing"));
            return;
        };
        match (it, tr) {
            (Value::String(a), Value::String(b)) => {
                if b.is_empty() {
                    bad.push(format!("{path}: empty"));
                } else if placeholders(a) != placeholders(b) {
                    bad.push(format!(
                        "{path}: placeholders {:?}, Italian's {:?}",
                        placeholders(b),
                        placeholders(a)
                    ));
                }
            }
            (Value::Array(a), Value::Array(b)) => {
                if a.len() != b.len() {
                    bad.push(format!(
                        "{path}: {} items, Italian has {}",
                        b.len(),
                        a.len()
                    ));
                }
                for (i, x) in a.iter().enumerate() {
                    compare(&format!("{path}-{i}"), x, b.get(i), bad);
                }
            }
            // A count: the language's own categories; "other" says all of Italian's
            // placeholders, every other form only some of them ("one day", "يوم واحد").
            (Value::Object(a), Value::Object(b)) if a.contains_key("other") => {
                let all: BTreeSet<String> = a
                    .values()
                    .filter_map(Value::as_str)
                    .flat_map(placeholders)
                    .collect();
                match b.get("other").and_then(Value::as_str) {
                    Some(o) if placeholders(o) == all => {}
                    Some(o) => bad.push(format!(
                        "{path}: [other] placeholders {:?}, Italian's {:?}",
                        placeholders(o),
                        all
                    )),
                    None => bad.push(format!("{path}: a count without *[other]")),
                }
                for (k, v) in b {
                    let extra: Vec<String> = v
                        .as_str()
                        .map(placeholders)
                        .unwrap_or_default()
                        .difference(&all)
                        .cloned()
                        .collect();
                    if !extra.is_empty() {
                        bad.push(format!(
                            "{path} [{k}]: placeholders Italian lacks {extra:?}"
                        ));
                    }
                }
            }
            _ => bad.push(format!("{path}: not the same kind of message as Italian's")),
        }
    }

    fn problems(lang: Lang) -> Result<Vec<String>, String> {
        let it = italian().map_err(|e| e.to_string())?;
        let tr = ftl::language(&dir(lang))?;
        let mut bad = Vec::new();
        for (catalogue, rules) in FAMILY_WORDS {
            let Some(Value::Object(fields)) = it.get(catalogue) else {
                return Err(format!("no Italian {catalogue}"));
            };
            for (key, value) in fields {
                if catalogue == "errors" || wanted(rules, key) {
                    compare(
                        &format!("{}/{catalogue}.ftl: {key}", lang.code()),
                        value,
                        tr.get(catalogue).and_then(|c| c.get(key)),
                        &mut bad,
                    );
                }
            }
            // A word the catalogue does not have is a typo: it would never be shown.
            if let Some(Value::Object(tr_fields)) = tr.get(catalogue) {
                for key in tr_fields.keys() {
                    if !fields.contains_key(key) {
                        bad.push(format!(
                            "{}/{catalogue}.ftl: {key}: not a word of Ponte",
                            lang.code()
                        ));
                    }
                }
            }
        }
        // And the worker reads what the build writes.
        let json = serde_json::to_string(&tr).map_err(|e| e.to_string())?;
        parse(&json)?;
        Ok(bad)
    }

    #[test]
    fn every_family_language_has_every_family_word_with_italian_placeholders() {
        let mut bad = Vec::new();
        for lang in Lang::LOADED {
            match problems(lang) {
                Ok(p) => bad.extend(p),
                Err(e) => bad.push(format!("{}: {e}", lang.code())),
            }
        }
        assert!(
            bad.is_empty(),
            "{} problems:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }

    #[test]
    fn a_loaded_language_speaks_its_words_and_counts_in_its_categories() {
        let tr = ftl::language(&dir(Lang::Ar)).unwrap(); // ok: test
        let json = serde_json::to_string(&tr).unwrap(); // ok: test
        let c = load(Lang::Ar, &json).unwrap(); // ok: test
        assert_eq!(Lang::Ar.family().title, c.family.title);
        assert_ne!(Lang::Ar.family().title, crate::i18n_family::FAMILY_IT.title);
        // Arabic: six categories (CLDR): 0 zero, 1 one, 2 two, 3–10 few, 11–99 many, 100 other.
        let cats: Vec<&str> = [0, 1, 2, 3, 11, 100]
            .into_iter()
            .map(|n| Lang::Ar.plural_category(n))
            .collect();
        assert_eq!(cats, ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(Lang::Ro.plural_category(1), "one");
        assert_eq!(Lang::Ro.plural_category(5), "few");
        assert_eq!(Lang::Ro.plural_category(20), "other");
        assert_eq!(Lang::Uk.plural_category(22), "few");
        assert_eq!(Lang::Uk.plural_category(25), "many");
        assert_eq!(Lang::Zh.plural_category(1), "other");
        assert_eq!(Lang::It.plural_category(1), "one");
        assert_eq!(Lang::It.plural_category(0), "other");
        let days = Lang::Ar.count(&Lang::Ar.family().days, 2, &[]);
        assert!(!days.contains("{n}"), "{days}");
        // A word the file lacks is Italian's; the staff's catalogues stay Italian or English.
        assert_eq!(Lang::Ar.desk().link, crate::i18n_desk::DESK_EN.link);
        assert_eq!(Lang::Ar.texts().hosts_title, crate::i18n::IT.hosts_title);
    }

    #[test]
    fn the_browser_asks_for_a_language_and_a_tag_names_one() {
        assert_eq!(
            Lang::family_from_accept_language("ro-RO,ro;q=0.9,en;q=0.8"),
            Lang::Ro
        );
        assert_eq!(
            Lang::family_from_accept_language("de-DE,de;q=0.9,ar;q=0.8"),
            Lang::Ar
        );
        assert_eq!(
            Lang::family_from_accept_language("en;q=0.5,zh-CN"),
            Lang::Zh
        );
        assert_eq!(Lang::family_from_accept_language("de"), Lang::It);
        assert_eq!(Lang::family_from_accept_language(""), Lang::It);
        assert_eq!(Lang::family_from_accept_language("ur;q=0,uk"), Lang::Uk);
        // Staff pages: Italian or English only.
        assert_eq!(Lang::from_accept_language("ro-RO,en;q=0.8"), Lang::En);
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.code()), Some(l));
        }
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("xx"), None);
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Ur.dir(), "rtl");
        assert_eq!(Lang::Zh.dir(), "ltr");
    }
}
