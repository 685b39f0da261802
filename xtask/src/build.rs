//! The build: the islands' client bundle, the static files with content-hashed names, and the
//! worker (which learns the hashed names at compile time).

use crate::run::{cargo, run};
use crate::tools::Tools;
use crate::{paths, Result};
use domain::security::SECURITY_HEADERS;
use std::path::{Path, PathBuf};
use std::process::Command;

/// FNV-1a, 64 bits: content hashes for file names (not a security hash).
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn hashed(stem: &str, ext: &str, bytes: &[u8]) -> String {
    format!("{stem}.{:012x}.{ext}", fnv64(bytes) & 0xffff_ffff_ffff)
}

fn read(p: &Path) -> Result<Vec<u8>> {
    std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
}

fn write(p: &Path, bytes: &[u8]) -> Result {
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(p, bytes).map_err(|e| format!("cannot write {}: {e}", p.display()))
}

/// The browser bundles: `app` built once per variant, each exporting only its own islands
/// (app/build.rs), so no page downloads another audience's code. `app::assets::Bundle` is the
/// same list on the page side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// The public pages' islands (search filters, calculator): what a parent's phone loads.
    Public,
    /// The school office's islands (imports).
    Staff,
    /// The hosts' publishing wizard.
    Publish,
}

impl Bundle {
    pub const ALL: [Bundle; 3] = [Bundle::Public, Bundle::Staff, Bundle::Publish];

    /// `app`'s features for this bundle.
    pub fn features(self) -> &'static str {
        match self {
            Bundle::Public => "hydrate",
            Bundle::Staff => "hydrate,staff",
            Bundle::Publish => "hydrate,publish",
        }
    }

    /// The stem of its wasm and glue files; the boot module's is the same with `boot`.
    pub fn stem(self) -> &'static str {
        match self {
            Bundle::Public => "ponte",
            Bundle::Staff => "ponte-staff",
            Bundle::Publish => "ponte-publish",
        }
    }

    /// A short name for reports.
    pub fn label(self) -> &'static str {
        match self {
            Bundle::Public => "client",
            Bundle::Staff => "staff",
            Bundle::Publish => "publish",
        }
    }

    pub fn boot_stem(self) -> String {
        self.stem().replacen("ponte", "boot", 1)
    }

    /// The variable that tells the worker's build the boot module's hashed path
    /// (app/src/assets.rs).
    pub fn boot_env(self) -> &'static str {
        match self {
            Bundle::Public => "PONTE_ASSET_BOOT",
            Bundle::Staff => "PONTE_ASSET_BOOT_STAFF",
            Bundle::Publish => "PONTE_ASSET_BOOT_PUBLISH",
        }
    }

    /// Whether a file of `assets/pkg` belongs to this bundle (its wasm, glue or boot module).
    pub fn owns(self, file_name: &str) -> bool {
        let hashed_of = |stem: &str| {
            file_name
                .strip_prefix(stem)
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|rest| rest.ends_with(".wasm") || rest.ends_with(".js"))
        };
        hashed_of(self.stem()) || hashed_of(&self.boot_stem())
    }
}

/// The public paths of the hashed static files.
#[derive(Debug, Clone)]
pub struct AssetNames {
    pub css: String,
    /// Each bundle's boot module, in the order of [`Bundle::ALL`].
    pub boots: Vec<(Bundle, String)>,
    pub icons: String,
    /// Registers the service worker on the family pages (docs/pwa.md).
    pub pwa: String,
}

const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// A built bundle: the optimised wasm and its JavaScript glue.
struct Client {
    bundle: Bundle,
    wasm: Vec<u8>,
    js: Vec<u8>,
}

/// A browser bundle: `app` with the bundle's features (islands only), through wasm-bindgen
/// and wasm-opt.
fn client(tools: &Tools, bundle: Bundle) -> Result<Client> {
    let target = paths::target().join("client");
    let name = bundle.stem();
    run(cargo()
        .args([
            "build",
            "--package",
            "app",
            "--lib",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--features",
            bundle.features(),
        ])
        .env("CARGO_TARGET_DIR", &target)
        .env("LEPTOS_OUTPUT_NAME", "ponte"))?;
    let wasm = target.join("wasm32-unknown-unknown/release/app.wasm");
    let out = target.join("bindgen");
    run(Command::new(&tools.wasm_bindgen)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            name,
            "--out-dir",
        ])
        .arg(&out)
        .arg(&wasm))?;
    let opt = out.join(format!("{name}.opt.wasm"));
    run(Command::new(&tools.wasm_opt)
        .arg("-Oz")
        .args(WASM_FEATURES)
        .arg(out.join(format!("{name}_bg.wasm")))
        .arg("-o")
        .arg(&opt))?;
    Ok(Client {
        bundle,
        wasm: read(&opt)?,
        js: read(&out.join(format!("{name}.js")))?,
    })
}

/// A bundle's hashed files and the boot module that loads it; returns the boot module's name.
fn bundle_files(
    pkg: &Path,
    style: &Path,
    bundle: Bundle,
    wasm: &[u8],
    js: &[u8],
) -> Result<String> {
    let name = bundle.stem();
    let wasm_name = hashed(name, "wasm", wasm);
    let js_name = hashed(name, "js", js);
    write(&pkg.join(&wasm_name), wasm)?;
    write(&pkg.join(&js_name), js)?;
    let boot = String::from_utf8_lossy(&read(&style.join("boot.js"))?)
        .replace("__JS__", &js_name)
        .replace("__WASM__", &wasm_name);
    let boot_name = hashed(&bundle.boot_stem(), "js", boot.as_bytes());
    write(&pkg.join(&boot_name), boot.as_bytes())?;
    Ok(boot_name)
}

/// Hashed static files into `assets/pkg`, the service worker into `assets/sw.js`, and
/// `assets/_headers` (long cache for hashed files, no cache for the service worker, the security
/// headers for everything Workers Assets serves).
fn static_files(clients: &[Client]) -> Result<AssetNames> {
    let root = paths::root();
    let pkg = paths::pkg();
    let _ = std::fs::remove_dir_all(&pkg);
    let style = root.join("style");

    let mut boots = Vec::with_capacity(clients.len());
    for c in clients {
        let boot = bundle_files(&pkg, &style, c.bundle, &c.wasm, &c.js)?;
        boots.push((c.bundle, format!("/pkg/{boot}")));
    }

    let mut css = String::from_utf8_lossy(&read(&style.join("ponte.css"))?).into_owned();
    let fonts = style.join("fonts");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&fonts)
        .map_err(|e| format!("cannot list {}: {e}", fonts.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "woff2"))
        .collect();
    entries.sort();
    let mut font_names = Vec::new();
    for font in entries {
        let bytes = read(&font)?;
        let stem = font.file_stem().and_then(|s| s.to_str()).unwrap_or("font");
        let name = hashed(stem, "woff2", &bytes);
        write(&pkg.join(&name), &bytes)?;
        css = css.replace(&format!("url(fonts/{stem}.woff2)"), &format!("url({name})"));
        font_names.push(name);
    }
    let css_name = hashed("ponte", "css", css.as_bytes());
    write(&pkg.join(&css_name), css.as_bytes())?;

    let icons = read(&style.join("icons.svg"))?;
    let icons_name = hashed("icons", "svg", &icons);
    write(&pkg.join(&icons_name), &icons)?;

    let pwa = read(&style.join("pwa.js"))?;
    let pwa_name = hashed("pwa", "js", &pwa);
    write(&pkg.join(&pwa_name), &pwa)?;
    let offline = String::from_utf8_lossy(&read(&style.join("offline.html"))?)
        .replace("__CSS__", &format!("/pkg/{css_name}"))
        .replace("__ICONS__", &format!("/pkg/{icons_name}"));
    let offline_name = hashed("offline", "html", offline.as_bytes());
    write(&pkg.join(&offline_name), offline.as_bytes())?;
    // Workers Assets serves `x.html` at `x` (and redirects `x.html` there).
    let offline_url = format!("/pkg/{}", offline_name.trim_end_matches(".html"));
    let mut shell: Vec<String> = [&css_name, &icons_name, &pwa_name]
        .into_iter()
        .chain(&font_names)
        .map(|n| format!("/pkg/{n}"))
        .collect();
    shell.extend([
        offline_url.clone(),
        "/favicon.svg".to_owned(),
        "/manifest.webmanifest".to_owned(),
    ]);
    write(
        &paths::assets().join("sw.js"),
        service_worker(&style, &shell, &offline_url)?.as_bytes(),
    )?;

    let mut headers = String::from(
        "/pkg/*\n  Cache-Control: public, max-age=31536000, immutable\n\
         /sw.js\n  Cache-Control: no-cache\n/*\n",
    );
    for (name, value) in SECURITY_HEADERS {
        headers.push_str(&format!("  {name}: {value}\n"));
    }
    write(&paths::assets().join("_headers"), headers.as_bytes())?;

    Ok(AssetNames {
        css: format!("/pkg/{css_name}"),
        boots,
        icons: format!("/pkg/{icons_name}"),
        pwa: format!("/pkg/{pwa_name}"),
    })
}

/// `style/sw.js` with the shell's file names and a cache version derived from them (and from the
/// worker's own code), so a deploy that changes any of them replaces the old cache.
fn service_worker(style: &Path, shell: &[String], offline: &str) -> Result<String> {
    let list = serde_json::to_string(shell).map_err(|e| e.to_string())?;
    let sw = String::from_utf8_lossy(&read(&style.join("sw.js"))?)
        .replace("__SHELL__", &list)
        .replace("__OFFLINE__", offline);
    let version = format!("{:012x}", fnv64(sw.as_bytes()) & 0xffff_ffff_ffff);
    Ok(sw.replace("__VERSION__", &version))
}

/// The worker: workers-rs through worker-build, with tools pointed at installed binaries
/// (worker-build would download them otherwise) and the hashed asset names baked in.
fn worker(tools: &Tools, names: &AssetNames) -> Result {
    let mut build = Command::new(&tools.worker_build);
    for (bundle, boot) in &names.boots {
        build.env(bundle.boot_env(), boot);
    }
    run(build
        .arg("--release")
        .current_dir(paths::root().join("worker"))
        .env("CARGO_TARGET_DIR", paths::target().join("worker"))
        .env("WASM_BINDGEN_BIN", &tools.wasm_bindgen)
        .env("WASM_OPT_BIN", &tools.wasm_opt)
        .env("ESBUILD_BIN", &tools.esbuild)
        .env("PONTE_ASSET_CSS", &names.css)
        .env("PONTE_ASSET_ICONS", &names.icons)
        .env("PONTE_ASSET_PWA", &names.pwa))
}

/// Build everything `wrangler dev` serves.
pub fn all(tools: &Tools) -> Result<AssetNames> {
    let clients = Bundle::ALL
        .into_iter()
        .map(|b| client(tools, b))
        .collect::<Result<Vec<_>>>()?;
    let names = static_files(&clients)?;
    crate::openapi::write()?;
    worker(tools, &names)?;
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bundle_owns_only_its_files() {
        let files = [
            ("ponte.0123456789ab.wasm", Bundle::Public),
            ("ponte.0123456789ab.js", Bundle::Public),
            ("boot.0123456789ab.js", Bundle::Public),
            ("ponte-staff.0123456789ab.wasm", Bundle::Staff),
            ("boot-staff.0123456789ab.js", Bundle::Staff),
            ("ponte-publish.0123456789ab.js", Bundle::Publish),
            ("boot-publish.0123456789ab.js", Bundle::Publish),
        ];
        for (name, owner) in files {
            for b in Bundle::ALL {
                assert_eq!(b.owns(name), b == owner, "{b:?} and {name}");
            }
        }
        for other in [
            "ponte.0123456789ab.css",
            "pwa.0123456789ab.js",
            "icons.0123.svg",
        ] {
            assert!(!Bundle::ALL.iter().any(|b| b.owns(other)), "{other}");
        }
    }
}
