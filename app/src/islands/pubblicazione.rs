//! The publishing wizard of `/enti/pubblica/profilo` (seed 002, "Come iscriversi"): the privacy notice,
//! who you are, the placements offered, places and contacts, the preview, and the submission
//! with its declaration code and the PEC or digital-signature confirmation. At any step the
//! draft can be saved to a file, loaded back, or discarded.
//!
//! No framework runs it (docs/toolchain.md §3): the server renders the wizard's frame and its
//! first step, the privacy notice (`pages::pubblica`); the `Publish` bundle's entry point
//! ([`start`], from `hydrate` in lib.rs) hears the page's events on that frame and writes each
//! later step's markup as text (`modello.rs`: the state, what each action does, the markup;
//! `browser.rs`: the events, the fetches, the painting). No reactive view is compiled into the
//! bundle. The whole form is one `ProfileDraft`: every check is `ProfileDraft::validate`, the
//! function the worker runs, and only the reference checks (does this comune, this CP 2011
//! figure exist) come from the server.
//!
//! The wizard's first page, `/enti/pubblica`, is `islands::consenso`, in a bundle of its own
//! (`hydrate,consent`). What the person did there arrives through the tab's `sessionStorage`
//! ([`HANDOFF_ACCEPTED`], [`HANDOFF_FILE`]) and is applied at start.

#[cfg(feature = "hydrate")]
mod browser;
pub mod campi;
pub mod invio;
#[cfg(any(feature = "hydrate", test))]
mod modello;
pub(crate) mod rete;

use crate::i18n::Lang;
use crate::i18n_publish::PublishTexts;
use crate::islands::filtro_luogo::places_list;
use crate::islands::{pack, pack_list};
use domain::place::{ProvinceRef, RegionRef};
use leptos::prelude::*;

#[cfg(feature = "hydrate")]
pub use browser::start;

pub const DATA_ID: &str = "d-pubblicazione";

/// The wizard's data: the page's language, the regions and provinces, for each province the
/// first three digits its comuni's ISTAT codes share (so a draft loaded from a file, which
/// holds only the comune's code, shows its province again), and the error messages in the
/// page's language (`Lang::error_words`: none in Italian).
pub fn data(
    lang: Lang,
    regions: &[RegionRef],
    provinces: &[ProvinceRef],
    prefixes: &[(String, String)],
) -> String {
    pack(&[
        lang.code(),
        &places_list(regions, provinces),
        &pack_list(prefixes.iter().map(|(p, s)| vec![p.as_str(), s.as_str()])),
        &lang.error_words(),
    ])
}

/// An error as the wizard shows it: under its input and in the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub id: String,
    pub step: u8,
    pub label: String,
    pub message: String,
}

/// A message of the toolbar or of an action: `ok` says whether it reports success.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub ok: bool,
    pub text: String,
}

pub const ID_SUMMARY: &str = "w-errors";
pub const ID_LOAD: &str = "w-load";
pub const ID_RESET_DIALOG: &str = "w-reset-dialog";
pub const ID_RESET: &str = "w-reset";

/// The wizard's page; the first step, `/enti/pubblica`, leads here.
pub const WIZARD_PATH: &str = "/enti/pubblica/profilo";
/// Set by the first step when the person accepted the privacy notice there.
pub const HANDOFF_ACCEPTED: &str = "ponte-pubblica-consenso";
/// A draft file chosen on the first step: its bytes ([`bytes_as_text`]) and its name.
pub const HANDOFF_FILE: &str = "ponte-pubblica-bozza";
pub const HANDOFF_FILE_NAME: &str = "ponte-pubblica-bozza-nome";

/// A file's bytes as a string `sessionStorage` keeps: one character per byte, so nothing is
/// lost whatever the file holds ([`text_as_bytes`] reads it back).
pub fn bytes_as_text(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The bytes of [`bytes_as_text`]; a character beyond one byte (not written by it) is dropped.
pub fn text_as_bytes(text: &str) -> Vec<u8> {
    text.chars().filter_map(|c| u8::try_from(c).ok()).collect()
}

/// The draft's toolbar — save it to a file, load one, discard the changes after a confirming
/// dialog — with its two notes (done, and went wrong), as the consent page's island
/// ([`crate::islands::consenso`]) draws it; the wizard's page has the same markup from the
/// server (`pages::pubblica`), its buttons named by `data-a`.
pub fn draft_toolbar(
    t: &'static PublishTexts,
    note: RwSignal<Option<Note>>,
    save: impl Fn() + 'static,
    load: impl Fn() + 'static,
    discard: impl Fn() + 'static,
) -> impl IntoView {
    let shown = move |ok: bool| {
        move || {
            note.get().filter(|n| n.ok == ok).map(|n| {
                view! {
                    <p class=if ok { "notice notice-ok" } else { "notice notice-error" }>{n.text}</p>
                }
            })
        }
    };
    view! {
        <div class="toolbar" role="group" aria-label=t.toolbar_label>
            <button type="button" class="btn btn-secondary" on:click=move |_| save()>
                {t.save}
            </button>
            <input
                type="file"
                id=ID_LOAD
                class="file-input"
                accept=".json,application/json"
                on:change=move |_| load()
            />
            <label for=ID_LOAD class="btn btn-secondary">{t.load}</label>
            <button
                type="button"
                id=ID_RESET
                class="btn btn-secondary"
                on:click=move |_| rete::open_dialog(ID_RESET_DIALOG)
            >
                {t.reset}
            </button>
        </div>
        <div aria-live="polite" class="toolbar-note">{shown(true)}</div>
        <div role="alert" class="toolbar-note">{shown(false)}</div>
        <dialog id=ID_RESET_DIALOG class="confirm" aria-labelledby="w-reset-title"
            aria-describedby="w-reset-text">
            <h2 id="w-reset-title">{t.reset_title}</h2>
            <p id="w-reset-text">{t.reset_text}</p>
            <div class="actions">
                <button
                    type="button"
                    class="btn btn-primary"
                    on:click=move |_| {
                        rete::close_dialog(ID_RESET_DIALOG);
                        discard();
                    }
                >
                    {t.reset_confirm}
                </button>
                <button
                    type="button"
                    class="btn btn-secondary"
                    on:click=move |_| rete::close_dialog(ID_RESET_DIALOG)
                >
                    {t.reset_cancel}
                </button>
            </div>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_handed_over_keeps_every_byte() {
        let bytes: Vec<u8> = (0..=255).chain([b'{', 0xc3, 0xa8, b'}']).collect();
        let text = bytes_as_text(&bytes);
        assert_eq!(text_as_bytes(&text), bytes);
    }
}
