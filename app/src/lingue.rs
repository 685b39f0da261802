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
