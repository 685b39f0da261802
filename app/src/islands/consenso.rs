//! The publishing wizard's first step, on `/enti/pubblica`: the privacy notice (the server
//! renders it as the island's children), its checkbox, "Avanti", and the draft toolbar. In a
//! bundle of its own (`hydrate,consent`): the wizard's bundle (`islands::pubblicazione`) is about
//! four times the size of this one, too big for a first load (docs/toolchain.md §3), and is
//! only needed once the person goes on.
//!
//! "Avanti" with the notice accepted, or a draft file chosen here, opens the wizard's page
//! (`/enti/pubblica/profilo`) and hands it what was done in the tab's `sessionStorage`: the
//! consent, and the file's name and bytes, which the wizard checks and loads as if chosen there
//! (so a refused file is refused in the wizard's words). The markup is the wizard's own on its
//! first step, ids included.
//!
//! It reads no catalogue of errors: the one message it can show, "accept the notice", is
//! written by the page in the page's language (its data).

use crate::i18n::{fill, Lang};
use crate::islands::pubblicazione::campi::{ID_PRIVACY, ID_STEP_TITLE, STEPS, STEP_PRIVACY};
use crate::islands::pubblicazione::{
    draft_toolbar, rete, Note, HANDOFF_ACCEPTED, ID_SUMMARY, WIZARD_PATH,
};
use crate::islands::{field, pack, read};
use domain::profile::{DraftFile, ProfileDraft};
use leptos::prelude::*;

pub const DATA_ID: &str = "d-consenso";

/// The island's data: the page's language, and the error of a missing consent (the field's
/// label and the message, as the wizard's summary and field show them).
pub fn data(lang: Lang, label: &str, message: &str) -> String {
    pack(&[lang.code(), label, message])
}

// In the other bundles this is a plain component nobody calls: not exported, so not shipped.
#[cfg_attr(islands_consent, island)]
#[cfg_attr(not(islands_consent), component)]
pub fn Consenso(children: Children) -> impl IntoView {
    let f = read(DATA_ID);
    let lang = Lang::from_code(&field(&f, 0));
    let t = lang.publish();
    let summary_line = format!("{}: {}", field(&f, 1), field(&f, 2));
    let field_error = format!("{} {}", t.error_prefix, field(&f, 2));
    let error_id = format!("{ID_PRIVACY}-error");
    let described_by = error_id.clone();

    let accepted = RwSignal::new(false);
    // "Avanti" without the consent: the error under the checkbox and in the summary.
    let missing = RwSignal::new(false);
    let note = RwSignal::new(None::<Note>);

    let next = move |_| {
        if accepted.get_untracked() {
            // Without storage the wizard opens on this step again, where the consent is asked.
            rete::stash(HANDOFF_ACCEPTED, "1");
            rete::go_to(WIZARD_PATH);
        } else {
            missing.set(true);
            rete::focus(ID_SUMMARY);
        }
    };
    let save = move || {
        let Some(now) = rete::now_utc() else {
            return;
        };
        let text = DraftFile::to_json(&ProfileDraft::default(), now);
        let name = DraftFile::file_name(now);
        if rete::download(&name, &text) {
            note.set(Some(Note {
                ok: true,
                text: fill(t.saved, &[("file", &name)]),
            }));
        }
    };
    let load = move || {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            use crate::islands::pubblicazione::{
                bytes_as_text, HANDOFF_FILE, HANDOFF_FILE_NAME, ID_LOAD,
            };
            let Some((name, bytes)) = rete::chosen_file(ID_LOAD).await else {
                return;
            };
            if !rete::stash(HANDOFF_FILE, &bytes_as_text(&bytes)) {
                note.set(Some(Note {
                    ok: false,
                    text: t.load_failed.to_owned(),
                }));
                return;
            }
            rete::stash(HANDOFF_FILE_NAME, &name);
            if accepted.get_untracked() {
                rete::stash(HANDOFF_ACCEPTED, "1");
            }
            rete::go_to(WIZARD_PATH);
        });
    };
    let discard = move || {
        accepted.set(false);
        missing.set(false);
        note.set(Some(Note {
            ok: true,
            text: t.reset_done.to_owned(),
        }));
        rete::focus(ID_STEP_TITLE);
    };

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
            ("n", &STEP_PRIVACY.to_string()),
            ("total", &STEPS.to_string()),
        ],
    );
    let summary = move || {
        let line = summary_line.clone();
        missing.get().then(|| {
            view! {
                <div class="error-summary" id=ID_SUMMARY tabindex="-1" aria-labelledby="w-errors-title">
                    <h2 id="w-errors-title">{t.errors_one}</h2>
                    <ul>
                        <li>
                            <a
                                href=format!("#{ID_PRIVACY}")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    rete::focus(ID_PRIVACY);
                                }
                            >
                                {line}
                            </a>
                        </li>
                    </ul>
                </div>
            }
        })
    };
    view! {
        <div class="wizard">
            <nav class="steps" aria-label=t.steps_label>
                <ol>{steps}</ol>
            </nav>
            {draft_toolbar(t, note, save, load, discard)}
            {summary}
            <h2 id=ID_STEP_TITLE class="step-title" tabindex="-1">
                <span class="step-of">{step_of}</span>
                " "
                <span>{t.steps[0]}</span>
            </h2>
            <section class="step">
                <p>{t.privacy_read}</p>
                <div class="notice-text">{children()}</div>
                <p>
                    <a href="/enti/pubblica/informativa" target="_blank">{t.privacy_page_link}</a>
                </p>
                <div class="field">
                    <div class="choice">
                        <input
                            type="checkbox"
                            id=ID_PRIVACY
                            prop:checked=accepted
                            aria-invalid=move || missing.get().then_some("true")
                            aria-describedby=move || missing.get().then(|| described_by.clone())
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                accepted.set(on);
                                if on {
                                    missing.set(false);
                                }
                            }
                        />
                        <label for=ID_PRIVACY>{t.privacy_accept}</label>
                    </div>
                    <p id=error_id class="field-error" hidden=move || !missing.get()>
                        {field_error}
                    </p>
                </div>
            </section>
            <div class="wizard-nav">
                <button type="button" class="btn btn-primary" on:click=next>
                    {t.next}
                </button>
            </div>
        </div>
    }
}
