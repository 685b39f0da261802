use crate::i18n::Lang;
use domain::place::{ComuneRef, ProvinceRef, RegionRef};
use leptos::prelude::*;

/// Region → province → comune, as three selects of the search form. Choosing a region narrows
/// the provinces; choosing a province loads its comuni from `GET /api/v1/comuni`. Without
/// JavaScript the selects still work: all provinces are listed, and the comuni of the chosen
/// province come with the page after a search.
#[island]
pub fn FiltroLuogo(
    lang: Lang,
    regions: Vec<RegionRef>,
    provinces: Vec<ProvinceRef>,
    comuni: Vec<ComuneRef>,
    region: String,
    province: String,
    comune: String,
) -> impl IntoView {
    let t = lang.texts();
    let region = RwSignal::new(region);
    let province = RwSignal::new(province);
    let comune = RwSignal::new(comune);
    let comuni = RwSignal::new(comuni);
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
            if let Some(r) =
                provinces.with_value(|ps| ps.iter().find(|x| x.code == p).map(|x| x.region.clone()))
            {
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

#[cfg(feature = "hydrate")]
async fn fetch_comuni(province: &str) -> Option<Vec<ComuneRef>> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    #[derive(serde::Deserialize)]
    struct Comuni {
        items: Vec<ComuneRef>,
    }
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
    let text = JsFuture::from(resp.text().ok()?).await.ok()?.as_string()?;
    serde_json::from_str::<Comuni>(&text).ok().map(|c| c.items)
}
