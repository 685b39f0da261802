//! The build: the islands' client bundle, the static files with content-hashed names, and the
//! worker (which learns the hashed names at compile time).

use crate::run::{cargo, run};
use crate::tools::Tools;
use crate::{paths, Result};
use domain::security::SECURITY_HEADERS;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The content hash of file names and of the service worker's cache version (domain::fnv);
/// named here for the other build steps (tools.rs, pki.rs).
pub use domain::fnv::fnv1a64 as fnv64;

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

/// The browser bundles: `app` built once per variant (domain/src/bundle.rs, the list the pages
/// link to as well).
pub use domain::bundle::Bundle;

/// The public paths of the hashed static files.
#[derive(Debug, Clone)]
pub struct AssetNames {
    pub css: String,
    /// Each bundle's boot module, in the order of [`Bundle::ALL`].
    pub boots: Vec<(Bundle, String)>,
    pub icons: String,
    /// Registers the service worker on the family pages (docs/pwa.md).
    pub pwa: String,
    /// The print button of a host's profile (`/enti/{id}`).
    pub print: String,
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

    lingue_files(&root, &pkg)?;

    let icons = read(&style.join("icons.svg"))?;
    let icons_name = hashed("icons", "svg", &icons);
    write(&pkg.join(&icons_name), &icons)?;

    let pwa = read(&style.join("pwa.js"))?;
    let pwa_name = hashed("pwa", "js", &pwa);
    write(&pkg.join(&pwa_name), &pwa)?;
    let print = read(&style.join("stampa.js"))?;
    let print_name = hashed("stampa", "js", &print);
    write(&pkg.join(&print_name), &print)?;
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
        print: format!("/pkg/{print_name}"),
    })
}

/// The family's message files (`app/lingue/<code>/*.ftl`) into `assets/pkg/lingue/<code>.json`
/// (`app::lingue::asset_path`): the worker reads them through its `ASSETS` binding. Not
/// hashed: only the worker reads them, from the deployment they belong to.
fn lingue_files(root: &Path, pkg: &Path) -> Result {
    let dir = root.join("app").join("lingue");
    let mut langs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    for lang in langs {
        let code = lang.file_name().and_then(|s| s.to_str()).unwrap_or("");
        let value = crate::lingue::language(&lang)?;
        let json = serde_json::to_string(&value).map_err(|e| e.to_string())?;
        write(
            &pkg.join("lingue").join(format!("{code}.json")),
            json.as_bytes(),
        )?;
    }
    Ok(())
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
        .env("PONTE_ASSET_PWA", &names.pwa)
        .env("PONTE_ASSET_PRINT", &names.print))
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
