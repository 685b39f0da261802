//! Which islands this build exports. Each browser bundle hydrates only its own islands; in
//! the other bundles they are plain components nobody calls, so they are not shipped. The
//! server (no `hydrate`) renders every island. Each island reads one of these `cfg`s:
//!
//! ```ignore
//! #[cfg_attr(islands_public, island)]
//! #[cfg_attr(not(islands_public), component)]
//! ```

/// The bundles, as `cargo xtask build` makes them (xtask/src/build.rs `Bundle`): `hydrate`
/// alone is the public bundle; `staff` or `publish` beside it picks the other two.
const BUNDLES: [&str; 3] = ["public", "staff", "publish"];

fn main() {
    let on = |f: &str| std::env::var_os(format!("CARGO_FEATURE_{}", f.to_uppercase())).is_some();
    let chosen = match (on("staff"), on("publish")) {
        (false, false) => "public",
        (true, false) => "staff",
        (false, true) => "publish",
        (true, true) => {
            println!("cargo::error=the features `staff` and `publish` pick different bundles: choose one");
            "public"
        }
    };
    for bundle in BUNDLES {
        println!("cargo::rustc-check-cfg=cfg(islands_{bundle})");
        if !on("hydrate") || bundle == chosen {
            println!("cargo::rustc-cfg=islands_{bundle}");
        }
    }
    println!("cargo::rerun-if-changed=build.rs");
}
