//! Paths of the static files, with the content hashes `cargo xtask` computed when it built them
//! (set at compile time; the fallbacks serve an unhashed development build).

pub const CSS: &str = match option_env!("PONTE_ASSET_CSS") {
    Some(p) => p,
    None => "/pkg/ponte.css",
};

/// The browser bundles (one list with `cargo xtask build`); [`Bundle::boot_js`] is the path of
/// a bundle's boot module, hashed at compile time like the files above.
pub use domain::bundle::Bundle;

pub const ICONS: &str = match option_env!("PONTE_ASSET_ICONS") {
    Some(p) => p,
    None => "/pkg/icons.svg",
};

pub const FAVICON: &str = "/favicon.svg";

/// The module of the family pages that registers the service worker `/sw.js` and shows the
/// offline note (docs/pwa.md).
pub const PWA_JS: &str = match option_env!("PONTE_ASSET_PWA") {
    Some(p) => p,
    None => "/pkg/pwa.js",
};

/// The module of a host's profile that makes its "Stampa la scheda" button print the page.
pub const PRINT_JS: &str = match option_env!("PONTE_ASSET_PRINT") {
    Some(p) => p,
    None => "/pkg/stampa.js",
};

/// The web app manifest and the home-screen icon for iOS (static files, stable names).
pub const MANIFEST: &str = "/manifest.webmanifest";
pub const APPLE_TOUCH_ICON: &str = "/apple-touch-icon.png";
