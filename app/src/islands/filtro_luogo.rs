use crate::i18n::Lang;
use domain::place::{ComuneRef, ProvinceRef, RegionRef};
use leptos::prelude::*;

/// Region → province → comune, as three selects of the search form. Choosing a region narrows
/// the provinces; choosing a province loads its comuni from `GET /api/v1/comuni`. Without
/// JavaScript the selects still work: all provinces are listed, and the comuni of the chosen
/// province come with the page after a search.
///
/// The lists travel as tab-separated text, not JSON structs: each serde type an island
/// deserialises adds code to the bundle every phone downloads.
#[island]
pub fn FiltroLuogo(
    lang: Lang,
    /// [`encode_places`] of the regions and provinces.
    places: String,
    /// [`encode_comuni`] of the chosen province's comuni.
    comuni: String,
    region: String,
    province: String,
    comune: String,
) -> impl IntoView {
    let t = lang.texts();
    let (regions, provinces) = decode_places(&places);
    let region = RwSignal::new(region);
    let province = RwSignal::new(province);
    let comune = RwSignal::new(comune);
    let comuni = RwSignal::new(decode_comuni(&comuni));
    let provinces = StoredValue::new(provinces);

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

    view! {
        <div class="field">
            <label for="f-region">{t.filter_region}</label>
            <select id="f-region" name="region" on:change=on_region>
                <option value="">{t.filter_any}</option>
                {region_options}
            </select>
        </div>
        <div class="field">
            <label for="f-province">{t.filter_province}</label>
            <select id="f-province" name="province" on:change=on_province>
                <option value="">{t.filter_any}</option>
                {province_options}
            </select>
        </div>
        <div class="field">
            <label for="f-comune">{t.filter_comune}</label>
            <select id="f-comune" name="comune" disabled=no_province aria-describedby="f-comune-hint"
                on:change=move |ev| comune.set(event_target_value(&ev))>
                <option value="">{t.filter_any}</option>
                {comune_options}
            </select>
            <p id="f-comune-hint" class="hint" hidden=move || !no_province()>{t.filter_comune_pick_province}</p>
        </div>
    }
}

/// Regions and provinces as lines: `R\tcode\tname` and `P\tcode\tname\tregion`.
pub fn encode_places(regions: &[RegionRef], provinces: &[ProvinceRef]) -> String {
    let mut s = String::new();
    for r in regions {
        s.push_str(&format!("R\t{}\t{}\n", r.code, r.name));
    }
    for p in provinces {
        s.push_str(&format!("P\t{}\t{}\t{}\n", p.code, p.name, p.region));
    }
    s
}

fn decode_places(s: &str) -> (Vec<RegionRef>, Vec<ProvinceRef>) {
    let (mut regions, mut provinces) = (Vec::new(), Vec::new());
    for line in s.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["R", code, name] => regions.push(RegionRef {
                code: (*code).to_owned(),
                name: (*name).to_owned(),
            }),
            ["P", code, name, region] => provinces.push(ProvinceRef {
                code: (*code).to_owned(),
                name: (*name).to_owned(),
                region: (*region).to_owned(),
            }),
            _ => {}
        }
    }
    (regions, provinces)
}

/// Comuni as lines: `code\tname`.
pub fn encode_comuni(comuni: &[ComuneRef]) -> String {
    comuni
        .iter()
        .map(|c| format!("{}\t{}\n", c.code, c.name))
        .collect()
}

fn decode_comuni(s: &str) -> Vec<ComuneRef> {
    s.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(code, name)| ComuneRef {
            code: code.to_owned(),
            name: name.to_owned(),
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

    #[test]
    fn places_round_trip() {
        let regions = vec![RegionRef {
            code: "12".into(),
            name: "Lazio".into(),
        }];
        let provinces = vec![ProvinceRef {
            code: "RM".into(),
            name: "Roma".into(),
            region: "12".into(),
        }];
        let (r, p) = decode_places(&encode_places(&regions, &provinces));
        assert_eq!((r, p), (regions, provinces));
        let comuni = vec![ComuneRef {
            code: "058091".into(),
            name: "Roma".into(),
        }];
        assert_eq!(decode_comuni(&encode_comuni(&comuni)), comuni);
    }
}
