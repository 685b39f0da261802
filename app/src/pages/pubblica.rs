//! `/enti/pubblica`: the hosts' publishing wizard's first step (the privacy notice and its
//! consent); `/enti/pubblica/profilo`: the wizard; and `/enti/pubblica/informativa`, its privacy
//! notice on a page of its own.
//!
//! The first step is a page of its own with a small island (`islands::consenso`, bundle
//! `Consent`) so that the first load stays within its budget: the wizard's bundle is about
//! four times its size (docs/toolchain.md §3). The wizard's page renders the same first step
//! (a person who discards everything, or comes straight to it, gives the consent there).

use crate::assets::Bundle;
use crate::erased::IntoErased;
use crate::i18n::{fill, Lang};
use crate::islands::consenso::{self, Consenso};
use crate::islands::pubblicazione::{self, campi};
use crate::islands::{IslandData, IslandDataHolder};
use crate::layout::Page;
use domain::messages::Msg;
use domain::place::{ProvinceRef, RegionRef};
use domain::profile::{ProfileDraft, PRIVACY_NOTICE_VERSION};
use domain::FieldError;
use leptos::prelude::*;
use std::sync::Arc;

/// What the worker gathers for the wizard: the place choices of its selects.
pub struct PubblicaData {
    pub regions: Vec<RegionRef>,
    pub provinces: Vec<ProvinceRef>,
    /// (first three digits of a comune's ISTAT code, province sigla).
    pub prefixes: Vec<(String, String)>,
}

/// The heading, lead and links both pages of the wizard open with.
#[component]
fn Intestazione(lang: Lang) -> impl IntoView {
    let t = lang.publish();
    view! {
        <h1>{t.title}</h1>
        <p class="lead">{t.lead}</p>
        <p><a href="/enti">{t.register_link}</a></p>
        <noscript>
            <p class="notice notice-error">{t.noscript}</p>
        </noscript>
    }
}

/// `/enti/pubblica`: the first step. The server renders it whole, so the page reads complete
/// before the wasm arrives; the island checks the consent and opens the wizard.
#[component]
pub fn PubblicaPage(lang: Lang) -> impl IntoView {
    let t = lang.publish();
    let missing = FieldError::invalid_says("privacy", Msg::PrivacyNotAccepted, &[]);
    let island = consenso::data(
        lang,
        &campi::field_label("privacy", &ProfileDraft::default(), t),
        &lang.error(&missing),
    );
    provide_context(IslandData::new(vec![(consenso::DATA_ID, island.clone())]));
    view! {
        <Page lang=lang title=t.title.to_owned() islands=Bundle::Consent>
            <Intestazione lang=lang/>
            <p>
                <a href="/enti/pubblica/dichiarazione">{lang.declaration().back_link}</a>
            </p>
            <IslandDataHolder id=consenso::DATA_ID data=island/>
            <Consenso>
                <Informativa lang=lang standalone=false/>
            </Consenso>
        </Page>
    }
}

/// `/enti/pubblica/profilo`: the wizard. The server renders its frame — the steps, the draft's
/// toolbar and its dialog, the place of the summary, the first step (the notice), "Indietro"
/// and "Avanti" — as plain HTML, no island: the `Publish` bundle's own code
/// (`islands::pubblicazione::start`) hears its buttons (named by `data-a`) and writes the later
/// steps into `w-body`; it opens on step 2 when the consent was given on the first page.
#[component]
pub fn ProfiloPage(lang: Lang, data: Arc<PubblicaData>) -> impl IntoView {
    use pubblicazione::{ID_LOAD, ID_RESET, ID_RESET_DIALOG};
    let t = lang.publish();
    let island = pubblicazione::data(lang, &data.regions, &data.provinces, &data.prefixes);
    let steps = t
        .steps
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let first = i == 0;
            view! {
                <li class=if first { "current" } else { "" } aria-current=first.then_some("step")>
                    <span class="step-n">{i + 1}</span>
                    <span class="step-name">{*name}</span>
                </li>
            }
        })
        .collect_view();
    let step_of = fill(
        t.step_of,
        &[
            ("n", &campi::STEP_PRIVACY.to_string()),
            ("total", &campi::STEPS.to_string()),
        ],
    );
    view! {
        <Page lang=lang title=t.title.to_owned() islands=Bundle::Publish>
            <Intestazione lang=lang/>
            <IslandDataHolder id=pubblicazione::DATA_ID data=island/>
            <div class="wizard" id="w-wizard">
                <nav class="steps" aria-label=t.steps_label>
                    <ol>{steps}</ol>
                </nav>
                <div class="toolbar" role="group" aria-label=t.toolbar_label>
                    <button type="button" class="btn btn-secondary" data-a="save">{t.save}</button>
                    <input type="file" id=ID_LOAD class="file-input" accept=".json,application/json"/>
                    <label for=ID_LOAD class="btn btn-secondary">{t.load}</label>
                    <button type="button" id=ID_RESET class="btn btn-secondary" data-a="reset">
                        {t.reset}
                    </button>
                </div>
                <div aria-live="polite" class="toolbar-note" id="w-note-ok"></div>
                <div role="alert" class="toolbar-note" id="w-note-error"></div>
                <dialog id=ID_RESET_DIALOG class="confirm" aria-labelledby="w-reset-title"
                    aria-describedby="w-reset-text">
                    <h2 id="w-reset-title">{t.reset_title}</h2>
                    <p id="w-reset-text">{t.reset_text}</p>
                    <div class="actions">
                        <button type="button" class="btn btn-primary" data-a="reset-yes">
                            {t.reset_confirm}
                        </button>
                        <button type="button" class="btn btn-secondary" data-a="reset-no">
                            {t.reset_cancel}
                        </button>
                    </div>
                </dialog>
                <div id="w-summary"></div>
                <h2 id=campi::ID_STEP_TITLE class="step-title" tabindex="-1">
                    <span class="step-of">{step_of}</span>
                    " "
                    <span>{t.steps[0]}</span>
                </h2>
                <section class="step" id="w-step-1">
                    <p>{t.privacy_read}</p>
                    <div class="notice-text">
                        <Informativa lang=lang standalone=false/>
                    </div>
                    <p>
                        <a href="/enti/pubblica/informativa" target="_blank">{t.privacy_page_link}</a>
                    </p>
                    <div class="field">
                        <div class="choice">
                            <input type="checkbox" id=campi::ID_PRIVACY/>
                            <label for=campi::ID_PRIVACY>{t.privacy_accept}</label>
                        </div>
                        <p id=format!("{}-error", campi::ID_PRIVACY) class="field-error" hidden=true></p>
                    </div>
                </section>
                <div id="w-body"></div>
                <div class="wizard-nav">
                    <button type="button" id="w-back" class="btn btn-secondary" data-a="back" hidden=true>
                        {t.back}
                    </button>
                    <button type="button" id="w-next" class="btn btn-primary" data-a="next">
                        {t.next}
                    </button>
                </div>
            </div>
        </Page>
    }
}

/// `/enti/pubblica/informativa`: the notice alone, to read, print or save.
#[component]
pub fn InformativaPage(lang: Lang) -> impl IntoView {
    let t = lang.publish();
    view! {
        <Page lang=lang title=lang.privacy_notice().title.to_owned()>
            <p class="back"><a href="/enti/pubblica">{t.privacy_back}</a></p>
            <Informativa lang=lang standalone=true/>
        </Page>
    }
}

/// The privacy notice (art. 13 Reg. UE 2016/679). On its own page its title is the `h1`; inside
/// the wizard's first step it sits under the step's `h2`.
#[component]
pub fn Informativa(lang: Lang, standalone: bool) -> impl IntoView {
    let n = lang.privacy_notice();
    let heading = move |text: &'static str| {
        if standalone {
            view! { <h2>{text}</h2> }.erased()
        } else {
            view! { <h4>{text}</h4> }.erased()
        }
    };
    let title = if standalone {
        view! { <h1>{n.title}</h1> }.erased()
    } else {
        view! { <h3>{n.title}</h3> }.erased()
    };
    let sections = n
        .sections
        .iter()
        .map(|(h, paragraphs)| {
            view! {
                {heading(h)}
                {paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            }
        })
        .collect_view();
    view! {
        <article class="informativa">
            {title}
            <p class="lead">{n.subtitle}</p>
            {n.note.map(|note| view! { <p class="hint">{note}</p> })}
            {heading(n.controller_heading)}
            <p>
                {n.controller_before}
                <a href="/privacy#titolare">{n.controller_link}</a>
                {n.controller_after}
            </p>
            {sections}
            <p class="hint">{fill(n.version, &[("version", PRIVACY_NOTICE_VERSION)])}</p>
        </article>
    }
}
