//! Step 2: who you are: the kind of host, its name and identifiers (an iPA code is looked up
//! in iPA).

use super::campo::*;
use crate::islands::pubblicazione::campi::*;
use crate::islands::pubblicazione::{kind, ErroreCampo, Note, Wizard};
use crate::{i18n::fill, islands::pubblicazione::rete};
use domain::hosts::HostKind;
use domain::profile::limits;
use leptos::prelude::*;

pub fn chi_siete(w: Wizard) -> impl IntoView {
    let t = w.t;
    let kind = kind(w);
    let kind_error = id_kind(HostKind::Impresa);
    let radios = HostKind::ALL
        .into_iter()
        .map(|k| {
            let id = id_kind(k);
            let hint = format!("{id}-hint");
            view! {
                <div class="choice-block">
                    <div class="choice">
                        <input
                            type="radio"
                            name="w-kind"
                            id=id.clone()
                            value=k.as_str()
                            prop:checked=move || kind.get() == Some(k)
                            aria-describedby=hint.clone()
                            on:change=move |_| {
                                w.draft.update(|d| d.kind = Some(k));
                                forget(w, "w-kind-");
                            }
                        />
                        <label for=id>{kind_label(t, k)}</label>
                    </div>
                    <p id=hint class="hint">{kind_hint(t, k)}</p>
                </div>
            }
        })
        .collect_view();
    let group_described = {
        let e = kind_error.clone();
        move || w.error_for(&e).map(|_| format!("{e}-error"))
    };
    view! {
        <p class="hint">{t.required_note}</p>
        <fieldset class="group" aria-describedby=group_described>
            <legend>{t.kind_legend}</legend>
            <ErroreCampo w=w id=kind_error/>
            {radios}
        </fieldset>
        {move || kind.get().map(|k| identity(w, k))}
    }
}

fn name_field(w: Wizard, k: HostKind) -> impl IntoView {
    let label = if k == HostKind::Professionista {
        w.t.name_professional
    } else {
        w.t.name
    };
    campo(
        w,
        Spec::new(ID_NAME, label, Input::Text, limits::NAME_MAX).autocomplete("organization"),
        |d| d.name.clone(),
        |d, v| d.name = v,
    )
}

fn piva_field(w: Wizard, optional: bool) -> impl IntoView {
    let spec = Spec::new(ID_PIVA, w.t.piva, Input::Digits, 16);
    campo(
        w,
        if optional { spec.optional() } else { spec },
        |d| d.partita_iva.clone(),
        |d, v| d.partita_iva = v,
    )
}

fn cf_field(w: Wizard, label: &'static str, hint: Option<&'static str>) -> impl IntoView {
    let spec = Spec::new(ID_CF, label, Input::Code, 20);
    campo(
        w,
        match hint {
            Some(h) => spec.hint(h),
            None => spec,
        },
        |d| d.codice_fiscale.clone(),
        |d, v| d.codice_fiscale = v,
    )
}

/// The ATECO code, with what it stands for said as it is typed (issue 23 point 9).
fn ateco_field(w: Wizard, optional: bool) -> impl IntoView {
    let spec = Spec::new(ID_ATECO, w.t.ateco, Input::Text, 8).hint(w.t.ateco_hint);
    let described = RwSignal::new(String::new());
    Effect::new(move |_| {
        let code = w.draft.with(|d| d.ateco.trim().to_owned());
        describe_ateco(w, code, described);
    });
    view! {
        {campo(
            w,
            if optional { spec.optional() } else { spec },
            |d| d.ateco.clone(),
            |d, v| d.ateco = v,
        )}
        <p class="hint ateco-title" id=format!("{ID_ATECO}-titolo") aria-live="polite">
            {move || described.get()}
        </p>
    }
}

/// `GET /api/v1/ateco/{code}` once the code has an ATECO code's form: its title, or that
/// ATECO 2025 does not have it. An answer for a code no longer typed is dropped.
fn describe_ateco(w: Wizard, code: String, out: RwSignal<String>) {
    if domain::hosts::AtecoCode::parse(&code).is_err() {
        out.set(String::new());
        return;
    }
    leptos::task::spawn_local(async move {
        let url = format!("/api/v1/ateco/{}", rete::encode(&code));
        let text = match rete::get_json(&url).await {
            Ok(a) if a.status == 200 => rete::text(&a.body, "title")
                .map(|title| fill(w.t.ateco_is, &[("title", &title)]))
                .unwrap_or_default(),
            Ok(a) if a.status == 404 => fill(w.t.ateco_unknown, &[("code", &code)]),
            Ok(_) => w.t.server_error.to_owned(),
            Err(()) => w.t.network_error.to_owned(),
        };
        if w.draft.with_untracked(|d| d.ateco.trim() == code) {
            out.set(text);
        }
    });
}

fn pec_field(w: Wizard, label: &'static str, hint: &'static str, locked: bool) -> impl IntoView {
    let mut spec = Spec::new(ID_PEC, label, Input::Email, limits::EMAIL_MAX)
        .hint(hint)
        .autocomplete("email");
    if locked {
        spec.readonly = Some(w.pec_locked.into());
    }
    let field = campo(
        w,
        spec,
        |d| d.contacts.pec.clone(),
        |d, v| d.contacts.pec = v,
    );
    view! {
        {field}
        {locked
            .then(|| {
                view! {
                    <p class="hint" hidden=move || !w.pec_locked.get()>{w.t.pec_public_locked}</p>
                }
            })}
    }
}

fn identity(w: Wizard, k: HostKind) -> impl IntoView {
    let t = w.t;
    let fields = match k {
        HostKind::Impresa => branch!(
            EitherOf4::A,
            view! {
                {name_field(w, k)}
                {piva_field(w, false)}
                {campo(
                    w,
                    Spec::new(ID_LEGAL_CF, t.legal_rep_cf, Input::Code, 20).hint(t.legal_rep_hint),
                    |d| d.legal_representative_cf.clone(),
                    |d, v| d.legal_representative_cf = v,
                )}
                {ateco_field(w, false)}
            }
        ),
        HostKind::Professionista => branch!(
            EitherOf4::B,
            view! {
                {name_field(w, k)}
                {cf_field(w, t.cf_professional, None)}
                {piva_field(w, true)}
                {pec_field(w, t.pec_professional, t.pec_professional_hint, false)}
                {ateco_field(w, true)}
            }
        ),
        HostKind::EntePubblico => branch!(
            EitherOf4::C,
            view! {
                <Ipa w=w/>
                {name_field(w, k)}
                {cf_field(w, t.cf_body, None)}
                {pec_field(w, t.pec_public, t.pec_public_hint, true)}
            }
        ),
        HostKind::EntePrivato => branch!(
            EitherOf4::D,
            view! {
                {name_field(w, k)}
                {cf_field(w, t.cf_body, Some(t.cf_private_hint))}
                {ateco_field(w, true)}
            }
        ),
    };
    view! {
        <fieldset class="group">
            <legend>{t.identity_legend}</legend>
            {fields}
        </fieldset>
    }
}

/// The iPA code with its "Verifica" button, which fills the form from iPA.
#[component]
fn Ipa(w: Wizard) -> impl IntoView {
    let t = w.t;
    let busy = RwSignal::new(false);
    let result = RwSignal::new(None::<Note>);
    let field = campo(
        w,
        Spec::new(
            ID_IPA,
            t.ipa_code,
            Input::Text,
            domain::identity::IpaCode::MAX_LEN,
        )
        .hint(t.ipa_hint),
        |d| d.ipa_code.clone(),
        |d, v| {
            d.ipa_code = v;
        },
    );
    view! {
        <div class="with-action">
            {field}
            <button
                type="button"
                class="btn btn-secondary"
                disabled=move || busy.get()
                on:click=move |_| verify_ipa(w, busy, result)
            >
                {move || if busy.get() { t.ipa_checking } else { t.ipa_verify }}
            </button>
        </div>
        <div aria-live="polite">
            {move || {
                result
                    .get()
                    .map(|n| {
                        let class = if n.ok { "notice notice-ok" } else { "notice notice-error" };
                        view! { <p class=class>{n.text}</p> }
                    })
            }}
        </div>
    }
}

/// `GET /api/v1/ipa/{code}`: fills name, codice fiscale, PEC (then read-only: the address of
/// record), website and the first place.
fn verify_ipa(w: Wizard, busy: RwSignal<bool>, result: RwSignal<Option<Note>>) {
    let raw = w.draft.with_untracked(|d| d.ipa_code.clone());
    let code = match domain::identity::IpaCode::parse(&raw) {
        Ok(c) => c,
        Err(e) => {
            w.report(&[e], &[]);
            return;
        }
    };
    w.pec_locked.set(false);
    busy.set(true);
    result.set(None);
    leptos::task::spawn_local(async move {
        let url = format!("/api/v1/ipa/{}", rete::encode(code.as_str()));
        let shown = match rete::get_json(&url).await {
            Ok(a) if a.status == 200 => {
                let b = &a.body;
                let s = |k: &str| rete::text(b, k).unwrap_or_default();
                let name = s("name");
                let pec = rete::text(b, "pec");
                let address = rete::text(b, "address");
                w.draft.update(|d| {
                    d.name = name.clone();
                    d.codice_fiscale = s("codice_fiscale");
                    if let Some(p) = &pec {
                        d.contacts.pec = p.clone();
                    }
                    if let Some(site) = rete::text(b, "website") {
                        d.contacts.website = site;
                    }
                });
                if let Some(address) = address {
                    if w.draft.with_untracked(|d| d.places.is_empty()) {
                        w.add_place();
                    }
                    w.draft.update(|d| {
                        if let Some(p) = d.places.first_mut() {
                            p.address = address;
                            p.cap = s("cap");
                            p.comune = s("comune");
                        }
                    });
                    w.set_place_comune(0, &s("province"), &s("comune"));
                }
                w.pec_locked.set(pec.is_some());
                for id in [ID_IPA, ID_NAME, ID_CF, ID_PEC] {
                    w.blur(id, true);
                }
                let mut text = fill(w.t.ipa_found, &[("name", &name)]);
                if pec.is_none() {
                    text = format!("{text} {}", w.t.ipa_no_pec);
                }
                Note { ok: true, text }
            }
            Ok(a) => Note {
                ok: false,
                text: rete::error_of(&a.body)
                    .1
                    .unwrap_or_else(|| w.t.server_error.to_owned()),
            },
            Err(()) => Note {
                ok: false,
                text: w.t.network_error.to_owned(),
            },
        };
        result.set(Some(shown));
        busy.set(false);
    });
}
