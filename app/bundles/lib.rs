//! A browser bundle: `app` with one bundle's features, as a library of its own. Cargo keeps one
//! compiled `cdylib` per package, whatever its features: built from `app` itself, the four
//! bundles replaced each other's build on every `cargo xtask build`. One small package per
//! bundle keeps each one's build (domain/src/bundle.rs lists them; the manifests' features are
//! checked against that list by xtask's tests).

// Links `app`, whose `#[wasm_bindgen]` exports (the islands' hydration, `hydrate`) are the
// bundle's.
pub use app::hydrate;
