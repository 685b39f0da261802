use crate::i18n::Texts;
#[cfg(test)]
use crate::islands::unpack;
use crate::islands::{field, pack, pack_list, read, unpack_list};
use domain::place::{ComuneRef, ProvinceRef, RegionRef};
use leptos::prelude::*;

/// Region → province → comune, as three selects of the search form. Choosing a region narrows
/// the provinces; choosing a province loads its comuni from `GET /api/v1/comuni`. Without
/// JavaScript the selects still work: all provinces are listed, and the comuni of the chosen
/// province come with the page after a search.
///
/// The lists travel as tab-separated text, not JSON structs: each serde type an island
/// deserialises adds code to the bundle every phone downloads.
pub const DATA_ID: &str = "d-filtro-luogo";

/// The selects' data: labels in the page's language, the regions and provinces, the chosen
/// province's comuni, and the values chosen.
pub fn data(
    t: &Texts,
    regions: &[RegionRef],
    provinces: &[ProvinceRef],
    comuni: &[ComuneRef],
    chosen: [&str; 3],
) -> String {
    let places = places_list(regions, provinces);
    let comuni = pack_list(
        comuni
            .iter()
            .map(|c| vec![c.code.as_str(), c.name.as_str()]),
    );
    pack(&[
        t.filter_region,
        t.filter_province,
        t.filter_comune,
        t.filter_any,
        t.filter_comune_pick_province,
        &places,
        &comuni,
        chosen[0],
        chosen[1],
        chosen[2],
    ])
}

// In the other bundles this is a plain component nobody calls: not exported, so not shipped.
#[cfg_attr(islands_public, island)]
#[cfg_attr(not(islands_public), component)]
pub fn FiltroLuogo() -> impl IntoView {
    let f = read(DATA_ID);
    let s = |i| field(&f, i);
    let labels = LuogoLabels {
        region: s(0),
        province: s(1),
        comune: s(2),
        any: s(3),
        pick_province: s(4),
    };
    let (regions, provinces) = decode_places(&s(5));
    let luogo = Luogo::new(s(7), s(8), s(9), decode_comuni(&s(6)));
    let ids = LuogoIds {
        region: "f-region",
        province: "f-province",
        comune: "f-comune",
        hint: "f-comune-hint",
        described_by: "f-comune-hint",
    };
    selettore_luogo(ids, labels, regions, StoredValue::new(provinces), luogo)
}

/// The words of the three selects.
#[derive(Clone, Debug, Default)]
pub struct LuogoLabels {
    pub region: String,
    pub province: String,
    pub comune: String,
    /// The empty choice ("Qualsiasi" in the search, "Scegliere…" in a form).
    pub any: String,
    pub pick_province: String,
}

/// What the three selects hold: the codes chosen and the comuni of the chosen province.
#[derive(Clone, Copy, Debug)]
pub struct Luogo {
    pub region: RwSignal<String>,
    pub province: RwSignal<String>,
    pub comune: RwSignal<String>,
    pub comuni: RwSignal<Vec<ComuneRef>>,
}

impl Luogo {
    pub fn new(region: String, province: String, comune: String, comuni: Vec<ComuneRef>) -> Self {
        Luogo {
            region: RwSignal::new(region),
            province: RwSignal::new(province),
            comune: RwSignal::new(comune),
            comuni: RwSignal::new(comuni),
        }
    }

    /// Choose a province (and its region) and a comune in it, loading the province's comuni.
    pub fn choose(&self, provinces: &[ProvinceRef], province: &str, comune: &str) {
        let region = provinces
            .iter()
            .find(|p| p.code == province)
            .map(|p| p.region.clone())
            .unwrap_or_default();
        self.region.set(region);
        self.province.set(province.to_owned());
        self.comune.set(comune.to_owned());
        self.comuni.set(Vec::new());
        if !province.is_empty() {
            load_comuni(province.to_owned(), self.comuni);
        }
    }
}

/// The ids of the three selects, of the comune's hint, and what describes the comune select
/// (its hint, and in a form the error message under it). Static strings in the search (the
/// public bundle compiles exactly what it did before the selects were shared), `String`s in
/// the publishing form, which has one set of selects per place.
pub struct LuogoIds<I> {
    pub region: I,
    pub province: I,
    pub comune: I,
    pub hint: I,
    pub described_by: I,
}

/// Region → province → comune: choosing a region narrows the provinces; choosing a province
/// loads its comuni from `GET /api/v1/comuni`. A form hears the comune chosen through
/// `luogo.comune`.
///
/// Kept as plain as the search's own selects were: every generic prop or reactive attribute
/// here is code in the bundle every parent's phone downloads.
pub fn selettore_luogo<I>(
    ids: LuogoIds<I>,
    labels: LuogoLabels,
    regions: Vec<RegionRef>,
    provinces: StoredValue<Vec<ProvinceRef>>,
    luogo: Luogo,
) -> impl IntoView
where
    I: leptos::attr::AttributeValue + Clone + Sync + 'static,
{
    let Luogo {
        region,
        province,
        comune,
        comuni,
    } = luogo;
    let on_region = move |ev| {
        let r = event_target_value(&ev);
        // A province outside the new region no longer applies.
        let keep = provinces.with_value(|ps| {
            ps.iter()
                .any(|p| p.code == province.get_untracked() && (r.is_empty() || p.region == r))
        });
        if !keep {
            province.set(String::new());
            comune.set(String::new());
            comuni.set(Vec::new());
        }
        region.set(r);
    };
    let on_province = move |ev| {
        let p = event_target_value(&ev);
        comune.set(String::new());
        comuni.set(Vec::new());
        if !p.is_empty() {
            let r = provinces
                .with_value(|ps| ps.iter().find(|x| x.code == p).map(|x| x.region.clone()));
            if let Some(r) = r {
                region.set(r);
            }
            load_comuni(p.clone(), comuni);
        }
        province.set(p);
    };

    let region_options = regions
        .into_iter()
        .map(|r| {
            let code = r.code.clone();
            view! { <option value=r.code selected=move || region.get() == code>{r.name}</option> }
        })
        .collect_view();
    let province_options = move || {
        let r = region.get();
        provinces.with_value(|ps| {
            ps.iter()
                .filter(|p| r.is_empty() || p.region == r)
                .map(|p| {
                    let code = p.code.clone();
                    view! {
                        <option value=p.code.clone() selected=move || province.get() == code>
                            {format!("{} ({})", p.name, p.code)}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let comune_options = move || {
        comuni
            .get()
            .into_iter()
            .map(|c| {
                let code = c.code.clone();
                view! { <option value=c.code selected=move || comune.get() == code>{c.name}</option> }
            })
            .collect_view()
    };
    let no_province = move || province.get().is_empty();
    let LuogoLabels {
        region: l_region,
        province: l_province,
        comune: l_comune,
        any,
        pick_province,
    } = labels;
    view! {
        <div class="field">
            <label for=ids.region.clone()>{l_region}</label>
            <select id=ids.region name="region" on:change=on_region>
                <option value="">{any.clone()}</option>
                {region_options}
            </select>
        </div>
        <div class="field">
            <label for=ids.province.clone()>{l_province}</label>
            <select id=ids.province name="province" on:change=on_province>
                <option value="">{any.clone()}</option>
                {province_options}
            </select>
        </div>
        <div class="field">
            <label for=ids.comune.clone()>{l_comune}</label>
            <select id=ids.comune name="comune" disabled=no_province aria-describedby=ids.described_by
                on:change=move |ev| comune.set(event_target_value(&ev))>
                <option value="">{any}</option>
                {comune_options}
            </select>
            <p id=ids.hint class="hint" hidden=move || !no_province()>{pick_province}</p>
        </div>
    }
}

/// The regions and provinces as one packed list, for an island's data ([`decode_places`]).
pub fn places_list(regions: &[RegionRef], provinces: &[ProvinceRef]) -> String {
    pack_list(
        regions
            .iter()
            .map(|r| vec!["R", r.code.as_str(), r.name.as_str()])
            .chain(
                provinces
                    .iter()
                    .map(|p| vec!["P", p.code.as_str(), p.name.as_str(), p.region.as_str()]),
            ),
    )
}

pub fn decode_places(s: &str) -> (Vec<RegionRef>, Vec<ProvinceRef>) {
    let (mut regions, mut provinces) = (Vec::new(), Vec::new());
    for row in unpack_list(s) {
        match row.as_slice() {
            [k, code, name] if k == "R" => regions.push(RegionRef {
                code: code.clone(),
                name: name.clone(),
            }),
            [k, code, name, region] if k == "P" => provinces.push(ProvinceRef {
                code: code.clone(),
                name: name.clone(),
                region: region.clone(),
            }),
            _ => {}
        }
    }
    (regions, provinces)
}

pub fn decode_comuni(s: &str) -> Vec<ComuneRef> {
    unpack_list(s)
        .into_iter()
        .filter_map(|row| match row.as_slice() {
            [code, name] => Some(ComuneRef {
                code: code.clone(),
                name: name.clone(),
            }),
            _ => None,
        })
        .collect()
}

#[cfg(feature = "hydrate")]
fn load_comuni(province: String, into: RwSignal<Vec<ComuneRef>>) {
    leptos::task::spawn_local(async move {
        if let Some(list) = fetch_comuni(&province).await {
            into.set(list);
        }
    });
}

#[cfg(not(feature = "hydrate"))]
fn load_comuni(_province: String, _into: RwSignal<Vec<ComuneRef>>) {}

/// `GET /api/v1/comuni?province=…`, read with the browser's JSON parser (no serde types in
/// the bundle for it).
#[cfg(feature = "hydrate")]
async fn fetch_comuni(province: &str) -> Option<Vec<ComuneRef>> {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let url = format!("/api/v1/comuni?province={province}");
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !resp.ok() {
        return None;
    }
    let body = JsFuture::from(resp.json().ok()?).await.ok()?;
    let items: js_sys::Array = js_sys::Reflect::get(&body, &JsValue::from_str("items"))
        .ok()?
        .dyn_into()
        .ok()?;
    let field = |item: &JsValue, key: &str| {
        js_sys::Reflect::get(item, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    Some(
        items
            .iter()
            .filter_map(|item| {
                Some(ComuneRef {
                    code: field(&item, "code")?,
                    name: field(&item, "name")?,
                })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::IT;

    #[test]
    fn data_round_trips() {
        let regions = vec![RegionRef {
            code: "12".into(),
            name: "Lazio".into(),
        }];
        let provinces = vec![ProvinceRef {
            code: "RM".into(),
            name: "Roma".into(),
            region: "12".into(),
        }];
        let comuni = vec![ComuneRef {
            code: "058091".into(),
            name: "Roma".into(),
        }];
        let f = unpack(&data(
            &IT,
            &regions,
            &provinces,
            &comuni,
            ["12", "RM", "058091"],
        ));
        assert_eq!(decode_places(&f[5]), (regions, provinces));
        assert_eq!(decode_comuni(&f[6]), comuni);
        assert_eq!(
            (f[7].as_str(), f[8].as_str(), f[9].as_str()),
            ("12", "RM", "058091")
        );
    }
}
