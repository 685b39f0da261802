//! Paths of the static files, with the content hashes `cargo xtask` computed when it built them
//! (set at compile time; the fallbacks serve an unhashed development build).

pub const CSS: &str = match option_env!("PONTE_ASSET_CSS") {
    Some(p) => p,
    None => "/pkg/ponte.css",
};

/// The browser bundles: each page loads at most one, with only the islands it needs, so a
/// parent's phone never downloads the office's or the publishing wizard's code. `cargo xtask
/// build` makes one per variant (xtask/src/build.rs `Bundle`, app/build.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// `hydrate`: the search filters and the absence calculator.
    Public,
    /// `hydrate,staff`: the school office's import form.
    Staff,
    /// `hydrate,publish`: the hosts' publishing wizard.
    Publish,
}

impl Bundle {
    /// The module that loads the bundle's wasm and hydrates its islands (no inline script:
    /// the Content-Security-Policy allows scripts from this origin only).
    pub fn boot_js(self) -> &'static str {
        match self {
            Bundle::Public => BOOT_JS,
            Bundle::Staff => BOOT_STAFF_JS,
            Bundle::Publish => BOOT_PUBLISH_JS,
        }
    }
}

const BOOT_JS: &str = match option_env!("PONTE_ASSET_BOOT") {
    Some(p) => p,
    None => "/pkg/boot.js",
};

const BOOT_STAFF_JS: &str = match option_env!("PONTE_ASSET_BOOT_STAFF") {
    Some(p) => p,
    None => "/pkg/boot-staff.js",
};

const BOOT_PUBLISH_JS: &str = match option_env!("PONTE_ASSET_BOOT_PUBLISH") {
    Some(p) => p,
    None => "/pkg/boot-publish.js",
};

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

/// The web app manifest and the home-screen icon for iOS (static files, stable names).
pub const MANIFEST: &str = "/manifest.webmanifest";
pub const APPLE_TOUCH_ICON: &str = "/apple-touch-icon.png";
