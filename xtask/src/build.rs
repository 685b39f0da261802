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

/// The public paths of the hashed static files.
#[derive(Debug, Clone)]
pub struct AssetNames {
    pub css: String,
    pub boot: String,
    pub boot_staff: String,
    pub icons: String,
    /// Registers the service worker on the family pages (docs/pwa.md).
    pub pwa: String,
    pub wasm: String,
    pub js: String,
}

const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// A browser bundle: `app` with `hydrate` (islands only; `staff`: the office's islands instead
/// of the public ones), through wasm-bindgen and wasm-opt.
fn client(tools: &Tools, staff: bool) -> Result<(Vec<u8>, Vec<u8>)> {
    let target = paths::target().join("client");
    let name = if staff { "ponte-staff" } else { "ponte" };
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
            if staff { "hydrate,staff" } else { "hydrate" },
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
    Ok((read(&opt)?, read(&out.join(format!("{name}.js")))?))
}

/// A bundle's hashed files and the boot module that loads it; returns the boot module's name.
fn bundle(pkg: &Path, style: &Path, name: &str, wasm: &[u8], js: &[u8]) -> Result<String> {
    let wasm_name = hashed(name, "wasm", wasm);
    let js_name = hashed(name, "js", js);
    write(&pkg.join(&wasm_name), wasm)?;
    write(&pkg.join(&js_name), js)?;
    let boot = String::from_utf8_lossy(&read(&style.join("boot.js"))?)
        .replace("__JS__", &js_name)
        .replace("__WASM__", &wasm_name);
    let boot_name = hashed(&name.replace("ponte", "boot"), "js", boot.as_bytes());
    write(&pkg.join(&boot_name), boot.as_bytes())?;
    Ok(boot_name)
}

/// Hashed static files into `assets/pkg`, the service worker into `assets/sw.js`, and
/// `assets/_headers` (long cache for hashed files, no cache for the service worker, the security
/// headers for everything Workers Assets serves).
fn static_files(public: &(Vec<u8>, Vec<u8>), staff: &(Vec<u8>, Vec<u8>)) -> Result<AssetNames> {
    let root = paths::root();
    let pkg = paths::pkg();
    let _ = std::fs::remove_dir_all(&pkg);
    let style = root.join("style");

    let boot_name = bundle(&pkg, &style, "ponte", &public.0, &public.1)?;
    let boot_staff_name = bundle(&pkg, &style, "ponte-staff", &staff.0, &staff.1)?;

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
        boot: format!("/pkg/{boot_name}"),
        boot_staff: format!("/pkg/{boot_staff_name}"),
        icons: format!("/pkg/{icons_name}"),
        pwa: format!("/pkg/{pwa_name}"),
        wasm: format!("/pkg/{}", hashed("ponte", "wasm", &public.0)),
        js: format!("/pkg/{}", hashed("ponte", "js", &public.1)),
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
    run(Command::new(&tools.worker_build)
        .arg("--release")
        .current_dir(paths::root().join("worker"))
        .env("CARGO_TARGET_DIR", paths::target().join("worker"))
        .env("WASM_BINDGEN_BIN", &tools.wasm_bindgen)
        .env("WASM_OPT_BIN", &tools.wasm_opt)
        .env("ESBUILD_BIN", &tools.esbuild)
        .env("PONTE_ASSET_CSS", &names.css)
        .env("PONTE_ASSET_BOOT", &names.boot)
        .env("PONTE_ASSET_BOOT_STAFF", &names.boot_staff)
        .env("PONTE_ASSET_ICONS", &names.icons)
        .env("PONTE_ASSET_PWA", &names.pwa))
}

/// Build everything `wrangler dev` serves.
pub fn all(tools: &Tools) -> Result<AssetNames> {
    let public = client(tools, false)?;
    let staff = client(tools, true)?;
    let names = static_files(&public, &staff)?;
    worker(tools, &names)?;
    Ok(names)
}
