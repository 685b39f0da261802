//! The hashed paths of one build's static files: written by `cargo xtask build` to
//! `assets/asset-names.json`, read by the worker once per instance (`app::assets`). Not a rule:
//! here because `domain` is the one crate both the build tool and the pages depend on.

use serde::{Deserialize, Serialize};

/// Where the build writes [`AssetNames`] (a static file, like the ones it names).
pub const FILE: &str = "/asset-names.json";

/// The content-hashed public paths (`/pkg/ponte.0123456789ab.css`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetNames {
    pub css: String,
    pub icons: String,
    /// Registers the service worker on the family pages (docs/pwa.md).
    pub pwa: String,
    /// The print button of a host's profile (`/enti/{id}`).
    pub print: String,
    /// Each browser bundle's boot module, under the bundle's `Bundle::stem`.
    pub boots: Vec<(String, String)>,
}
