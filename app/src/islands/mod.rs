//! The interactive parts: the only code the browser downloads. Keep each one small.
//!
//! Islands take no props. Leptos would serialise props as JSON and deserialise them in the
//! browser, which puts serde_json (and float formatting for its errors) in the bundle; and
//! reading the string catalogue would put every string of both languages there too. Instead the
//! page writes what an island needs — the few strings it shows and its data — into one
//! `data-v` attribute ([`IslandData`]); on the server the island reads the same text from the
//! context, so both render the same markup.

pub mod calcolatore;
pub mod consenso;
pub mod filtro_luogo;
pub mod importazione;
pub mod pubblicazione;

use leptos::prelude::*;
use std::sync::Arc;

/// Fields are separated by `|`, list items by newlines and their parts by tabs; the packers
/// replace those characters in values, so no value can break the format.
pub const FIELD: char = '|';

fn clean(v: &str) -> String {
    v.replace([FIELD, '\n', '\t'], " ")
}

/// One island's data: fields in a fixed order, each a string (a field may be a [`pack_list`],
/// so only the field separator is replaced here).
pub fn pack(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| f.replace(FIELD, " "))
        .collect::<Vec<_>>()
        .join("|")
}

/// A list of records, for one field of [`pack`].
pub fn pack_list<'a>(rows: impl Iterator<Item = Vec<&'a str>>) -> String {
    rows.map(|r| r.iter().map(|v| clean(v)).collect::<Vec<_>>().join("\t"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn unpack(s: &str) -> Vec<String> {
    s.split(FIELD).map(str::to_owned).collect()
}

pub fn unpack_list(s: &str) -> Vec<Vec<String>> {
    s.lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

/// What the page gives its islands on the server (the browser reads the `data-v` attribute).
#[derive(Clone, Default)]
// The browser build reads the attribute instead.
#[cfg_attr(feature = "hydrate", allow(dead_code))]
pub struct IslandData(Arc<Vec<(&'static str, String)>>);

impl IslandData {
    pub fn new(entries: Vec<(&'static str, String)>) -> Self {
        IslandData(Arc::new(entries))
    }
}

/// The element carrying an island's data, rendered by the page next to the island.
#[component]
pub fn IslandDataHolder(id: &'static str, data: String) -> impl IntoView {
    view! { <div id=id data-v=data hidden></div> }
}

/// The data of the island whose holder has this id, split into fields.
pub fn read(id: &str) -> Vec<String> {
    #[cfg(feature = "hydrate")]
    {
        let text = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.get_attribute("data-v"))
            .unwrap_or_default();
        unpack(&text)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let text = use_context::<IslandData>()
            .and_then(|d| d.0.iter().find(|(k, _)| *k == id).map(|(_, v)| v.clone()))
            .unwrap_or_default();
        unpack(&text)
    }
}

/// Field `i`, or empty.
pub fn field(fields: &[String], i: usize) -> String {
    fields.get(i).cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_round_trips_and_cannot_be_broken() {
        let list = pack_list([vec!["RM", "Roma"], vec!["A|B", "x\ty"]].into_iter());
        let packed = pack(&["uno", "due|tre", &list]);
        assert!(
            packed.contains('\n') && packed.contains('\t'),
            "lists survive packing"
        );
        let f = unpack(&packed);
        assert_eq!(f.len(), 3);
        assert_eq!(f[1], "due tre");
        assert_eq!(
            unpack_list(&f[2]),
            vec![vec!["RM", "Roma"], vec!["A B", "x y"]]
        );
    }
}
