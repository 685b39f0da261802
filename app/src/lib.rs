#![recursion_limit = "256"]
//! Ponte's pages (server-rendered in the worker) and islands (the only parts hydrated in the
//! browser). Components render what the worker and `domain` computed: no rule lives here, and
//! nothing is loaded from another origin.

pub mod assets;
pub mod erased;
pub mod exports;
pub mod i18n;
pub mod i18n_ars;
pub mod i18n_decisions;
pub mod i18n_desk;
pub mod i18n_errors;
pub mod i18n_family;
pub mod i18n_info;
pub mod i18n_law159;
pub mod i18n_lists;
pub mod i18n_operator;
pub mod i18n_publish;
pub mod islands;
pub mod layout;
pub mod lingue;
pub mod pages;

/// The boot module's entry point: the bundle's islands are hydrated; the publishing wizard's
/// bundle has none, its page is brought to life by the wizard's own code
/// (`islands::pubblicazione::start`, no framework: docs/toolchain.md §3).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    #[cfg(islands_publish)]
    islands::pubblicazione::start();
    #[cfg(not(islands_publish))]
    leptos::mount::hydrate_islands();
}
