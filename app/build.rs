//! Which islands this build exports. Each browser bundle hydrates only its own islands; in
//! the other bundles they are plain components nobody calls, so they are not shipped. The
//! server (no `hydrate`) renders every island. Each island reads its bundle's `cfg`
//! (`Bundle::islands_cfg`):
//!
//! ```ignore
//! #[cfg_attr(islands_public, island)]
//! #[cfg_attr(not(islands_public), component)]
//! ```
//!
//! The bundles are the one list of domain/src/bundle.rs, compiled here as a module of its own
//! rather than through a build-dependency on `domain`: the file needs nothing else, and a
//! build-dependency would compile all of `domain` a second time for the host in every wasm
//! build.

#[allow(dead_code)]
#[path = "../domain/src/bundle.rs"]
mod bundle;

use bundle::Bundle;

fn main() {
    let on = |f: &str| std::env::var_os(format!("CARGO_FEATURE_{}", f.to_uppercase())).is_some();
    // The bundle being built: the one whose features are all on and the most of them (`hydrate`
    // alone is the public bundle; `staff`, `consent` or `publish` beside it picks another).
    let features = |b: Bundle| b.features().split(',').count();
    let built: Vec<Bundle> = Bundle::ALL
        .into_iter()
        .filter(|b| b.features().split(',').all(on))
        .collect();
    let most = built.iter().map(|&b| features(b)).max();
    let chosen: Vec<Bundle> = built
        .into_iter()
        .filter(|&b| Some(features(b)) == most)
        .collect();
    if chosen.len() > 1 {
        println!(
            "cargo::error=the features {} pick different bundles: choose one",
            chosen
                .iter()
                .map(|b| format!("`{}`", b.features()))
                .collect::<Vec<_>>()
                .join(" and ")
        );
    }
    for bundle in Bundle::ALL {
        let cfg = bundle.islands_cfg();
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        if !on("hydrate") || chosen == [bundle] {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=../domain/src/bundle.rs");
}
