//! Step 4: places and contacts.

use super::campo::*;
use crate::i18n::fill;
use crate::islands::filtro_luogo::{selettore_luogo, Luogo, LuogoIds, LuogoLabels};
use crate::islands::pubblicazione::campi::*;
use crate::islands::pubblicazione::{described, kind, rete, ErroreCampo, Wizard};
use domain::profile::limits;
use leptos::prelude::*;

pub fn sedi(w: Wizard) -> impl IntoView {
    let t = w.t;
    let kind = kind(w);
    let count = Memo::new(move |_| w.draft.with(|d| d.places.len()));
    let rows = move || {
        let n = count.get();
        (0..n).map(|i| sede(w, i, n)).collect_view()
    };
    let add = move |_| {
        w.add_place();
        let n = w.draft.with_untracked(|d| d.places.len());
        forget(w, ID_PLACE_ADD);
        rete::focus(&id_place(n.saturating_sub(1), "address"));
    };
    let text = |id: &'static str, label: &'static str| {
        Spec::new(id, label, Input::Area, limits::TEXT_MAX).optional()
    };
    let pec = move || {
        if pec_with_identity(kind.get()) {
            let pec = w.draft.with(|d| d.contacts.pec.clone());
            branch!(
                Either::Left,
                (!pec.is_empty()).then(|| view! { <p>{fill(t.pec_given, &[("pec", &pec)])}</p> }),
            )
        } else {
            branch!(
                Either::Right,
                campo(
                    w,
                    Spec::new(ID_PEC, t.pec, Input::Email, limits::EMAIL_MAX).optional(),
                    |d| d.contacts.pec.clone(),
                    |d, v| d.contacts.pec = v,
                )
            )
        }
    };
    view! {
        <p class="hint">{t.required_note}</p>
        <fieldset class="group">
            <legend>{t.places_legend}</legend>
            {rows}
            <ErroreCampo w=w id=ID_PLACE_ADD/>
            <button
                type="button"
                id=ID_PLACE_ADD
                class="btn btn-secondary"
                aria-describedby=described(w, ID_PLACE_ADD.to_owned(), false)
                on:click=add
            >
                {t.place_add}
            </button>
        </fieldset>
        {campo(
            w,
            text(ID_DESCRIPTION, t.description).hint(t.description_hint),
            |d| d.description.clone(),
            |d, v| d.description = v,
        )}
        <fieldset class="group">
            <legend>{t.contacts_legend}</legend>
            <p class="hint">{t.contacts_hint}</p>
            {campo(
                w,
                Spec::new(ID_PERSON_ROLE, t.person_role, Input::Text, limits::SHORT_TEXT_MAX).optional(),
                |d| d.contacts.person_role.clone(),
                |d, v| d.contacts.person_role = v,
            )}
            {campo(
                w,
                Spec::new(ID_EMAIL, t.email, Input::Email, limits::EMAIL_MAX).autocomplete("email"),
                |d| d.contacts.email.clone(),
                |d, v| d.contacts.email = v,
            )}
            {campo(
                w,
                Spec::new(ID_PHONE, t.phone, Input::Tel, 30).autocomplete("tel"),
                |d| d.contacts.phone.clone(),
                |d, v| d.contacts.phone = v,
            )}
            {pec}
            {campo(
                w,
                Spec::new(ID_WEBSITE, t.website, Input::Url, limits::WEBSITE_MAX)
                    .hint(t.website_hint)
                    .optional()
                    .autocomplete("url"),
                |d| d.contacts.website.clone(),
                |d, v| d.contacts.website = v,
            )}
        </fieldset>
        <fieldset class="group">
            <legend>{t.optional_legend}</legend>
            {campo(
                w,
                text(ID_SUPPLY_CHAIN, t.supply_chain),
                |d| d.supply_chain.clone(),
                |d, v| d.supply_chain = v,
            )}
            {campo(
                w,
                text(ID_STRUCTURAL, t.structural),
                |d| d.capacities.structural.clone(),
                |d, v| d.capacities.structural = v,
            )}
            {campo(
                w,
                text(ID_TECHNOLOGICAL, t.technological),
                |d| d.capacities.technological.clone(),
                |d, v| d.capacities.technological = v,
            )}
            {campo(
                w,
                text(ID_ORGANISATIONAL, t.organisational),
                |d| d.capacities.organisational.clone(),
                |d, v| d.capacities.organisational = v,
            )}
        </fieldset>
    }
}

fn sede(w: Wizard, i: usize, of: usize) -> impl IntoView {
    let t = w.t;
    let n = (i + 1).to_string();
    let luogo = w
        .places
        .with_untracked(|p| p.get(i).copied())
        .unwrap_or_else(|| Luogo::new(String::new(), String::new(), String::new(), Vec::new()));
    let comune_id = id_place(i, "comune");
    let prefix = id_place_prefix(i);
    let ids = LuogoIds {
        region: format!("{prefix}-region"),
        province: format!("{prefix}-province"),
        comune: comune_id.clone(),
        hint: format!("{comune_id}-hint"),
        described_by: format!("{comune_id}-hint {comune_id}-error"),
    };
    let labels = LuogoLabels {
        region: t.region.to_owned(),
        province: t.province.to_owned(),
        comune: t.comune.to_owned(),
        any: t.choose.to_owned(),
        pick_province: t.pick_province.to_owned(),
    };
    // The selects hold the comune; the draft hears each change (chosen, or cleared because
    // the province changed) and checks it as if the person left the field.
    Effect::watch(
        move || luogo.comune.get(),
        {
            let id = comune_id.clone();
            move |c: &String, _, _| {
                let c = c.clone();
                let empty = c.is_empty();
                w.draft.update(|d| {
                    if let Some(p) = d.places.get_mut(i) {
                        p.comune = c;
                    }
                });
                w.blur(&id, empty);
            }
        },
        false,
    );
    let remove = move |_| {
        w.remove_place(i);
        rete::focus(ID_PLACE_ADD);
    };
    view! {
        <fieldset class="place">
            <legend>{fill(t.place_n, &[("n", &n)])}</legend>
            {campo(
                w,
                Spec::new(id_place(i, "address"), t.address, Input::Text, limits::ADDRESS_MAX)
                    .hint(t.address_hint)
                    .autocomplete("street-address"),
                move |d| d.places.get(i).map(|p| p.address.clone()).unwrap_or_default(),
                move |d, v| {
                    if let Some(p) = d.places.get_mut(i) {
                        p.address = v;
                    }
                },
            )}
            {campo(
                w,
                Spec::new(id_place(i, "cap"), t.cap, Input::Digits, 5).autocomplete("postal-code"),
                move |d| d.places.get(i).map(|p| p.cap.clone()).unwrap_or_default(),
                move |d, v| {
                    if let Some(p) = d.places.get_mut(i) {
                        p.cap = v;
                    }
                },
            )}
            {selettore_luogo(ids, labels, w.regions.get_value(), w.provinces, luogo)}
            <ErroreCampo w=w id=comune_id.clone()/>
            {(of > 1)
                .then(|| {
                    view! {
                        <button type="button" class="btn btn-secondary btn-small" on:click=remove>
                            {fill(t.place_remove, &[("n", &n)])}
                        </button>
                    }
                })}
        </fieldset>
    }
}
