//! Paths of the static files, with the content hashes `cargo xtask build` computed when it built
//! them. The build writes them to `assets/asset-names.json` ([`Names`]); the worker reads that
//! file through its `ASSETS` binding once per instance and hands it to [`set`], before any page
//! is rendered. So the worker's code does not change when a browser bundle does, and the two
//! build side by side. Without names (a test, a development build), the unhashed paths.

use std::sync::OnceLock;

/// The browser bundles (one list with `cargo xtask build`).
pub use domain::bundle::Bundle;

pub use domain::asset_names::{AssetNames as Names, FILE as NAMES_FILE};

static NAMES: OnceLock<Names> = OnceLock::new();

/// The build's names, for the life of this instance (the first call wins).
pub fn set(names: Names) {
    let _ = NAMES.set(names);
}

/// Whether [`set`] has been called.
pub fn known() -> bool {
    NAMES.get().is_some()
}

fn named(pick: impl Fn(&'static Names) -> &'static str, fallback: &'static str) -> &'static str {
    NAMES.get().map_or(fallback, pick)
}

pub fn css() -> &'static str {
    named(|n| &n.css, "/pkg/ponte.css")
}

pub fn icons() -> &'static str {
    named(|n| &n.icons, "/pkg/icons.svg")
}

/// The module of the family pages that registers the service worker `/sw.js` and shows the
/// offline note (docs/pwa.md).
pub fn pwa_js() -> &'static str {
    named(|n| &n.pwa, "/pkg/pwa.js")
}

/// The module of a host's profile that makes its "Stampa la scheda" button print the page.
pub fn print_js() -> &'static str {
    named(|n| &n.print, "/pkg/stampa.js")
}

/// The module that loads a bundle's wasm and hydrates its islands (no inline script: the
/// Content-Security-Policy allows scripts from this origin only).
pub fn boot_js(bundle: Bundle) -> String {
    NAMES
        .get()
        .and_then(|n| n.boots.iter().find(|(stem, _)| stem == bundle.stem()))
        .map_or_else(|| bundle.unhashed_boot_js(), |(_, path)| path.clone())
}

pub const FAVICON: &str = "/favicon.svg";

/// The web app manifest and the home-screen icon for iOS (static files, stable names).
pub const MANIFEST: &str = "/manifest.webmanifest";
pub const APPLE_TOUCH_ICON: &str = "/apple-touch-icon.png";
