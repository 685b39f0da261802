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

/// The public paths of the hashed static files (written to `assets/asset-names.json`).
pub use domain::asset_names::AssetNames;

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

/// A browser bundle: `app` with the bundle's features (islands only), built through its own
/// package (app/bundles), then wasm-bindgen and wasm-opt.
fn client(tools: &Tools, bundle: Bundle) -> Result<Client> {
    let target = paths::target().join("client");
    let name = bundle.stem();
    run(cargo()
        .args([
            "build",
            "--package",
            bundle.package(),
            "--lib",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .env("CARGO_TARGET_DIR", &target)
        .env("LEPTOS_OUTPUT_NAME", "ponte"))?;
    let wasm = target.join(format!(
        "wasm32-unknown-unknown/release/{}.wasm",
        bundle.package().replace('-', "_")
    ));
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
    let mut args = vec!["-Oz"];
    args.extend(WASM_FEATURES);
    wasm_opt(tools, &out.join(format!("{name}_bg.wasm")), &opt, &args)?;
    Ok(Client {
        bundle,
        wasm: read(&opt)?,
        js: read(&out.join(format!("{name}.js")))?,
    })
}

/// `wasm-opt args input -o output`, or its output of an earlier run when the input and the
/// arguments are the same (a warm `cargo xtask dev` would otherwise spend a minute of processor
/// on the worker's unchanged module).
pub fn wasm_opt(tools: &Tools, input: &Path, output: &Path, args: &[&str]) -> Result {
    let bytes = read(input)?;
    let mut key = bytes.clone();
    key.extend(args.join(" ").bytes());
    let cached = paths::target()
        .join("wasm-opt-cache")
        .join(format!("{:016x}.wasm", fnv64(&key)));
    if !cached.exists() {
        let tmp = cached.with_extension("tmp");
        if let Some(dir) = tmp.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        run(Command::new(&tools.wasm_opt)
            .arg(input)
            .arg("-o")
            .arg(&tmp)
            .args(args))?;
        std::fs::rename(&tmp, &cached).map_err(|e| format!("{}: {e}", cached.display()))?;
        prune_oldest(cached.parent().unwrap_or(Path::new(".")), 16);
    }
    std::fs::copy(&cached, output)
        .map(drop)
        .map_err(|e| format!("cannot copy to {}: {e}", output.display()))
}

/// Deletes the oldest files of `dir` beyond the `keep` newest.
fn prune_oldest(dir: &Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (_, old) in files.into_iter().skip(keep) {
        let _ = std::fs::remove_file(old);
    }
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
        boots.push((c.bundle.stem().to_owned(), format!("/pkg/{boot}")));
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

    let names = AssetNames {
        css: format!("/pkg/{css_name}"),
        boots,
        icons: format!("/pkg/{icons_name}"),
        pwa: format!("/pkg/{pwa_name}"),
        print: format!("/pkg/{print_name}"),
    };
    let json = serde_json::to_vec_pretty(&names).map_err(|e| e.to_string())?;
    write(
        &paths::assets().join(domain::asset_names::FILE.trim_start_matches('/')),
        &json,
    )?;
    Ok(names)
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

/// Build everything `wrangler dev` serves: the browser bundles and their static files on one
/// thread, the two workers (built as workers-rs' worker-build would: `crate::worker_js`) on another,
/// side by side — the worker learns the files' names at run time (`app::assets`), and each
/// build's single-threaded end (link-time optimisation) leaves a core to the other.
pub fn all(tools: &Tools) -> Result<AssetNames> {
    crate::openapi::write()?;
    std::thread::scope(|s| {
        let worker = s.spawn(|| {
            crate::worker_js::Worker::ALL
                .into_iter()
                .try_for_each(|w| crate::worker_js::build(tools, w))
        });
        let clients = Bundle::ALL
            .into_iter()
            .map(|b| client(tools, b))
            .collect::<Result<Vec<_>>>()
            .and_then(|clients| static_files(&clients));
        let worker = worker
            .join()
            .unwrap_or_else(|_| Err("the worker's build panicked".into()));
        let names = clients?;
        worker?;
        Ok(names)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each bundle's package asks `app` for exactly the bundle's features.
    #[test]
    fn each_bundle_package_has_the_bundles_features() {
        for bundle in Bundle::ALL {
            let dir = bundle.package().trim_start_matches("bundle-");
            let manifest = std::fs::read_to_string(
                paths::root()
                    .join("app/bundles")
                    .join(dir)
                    .join("Cargo.toml"),
            )
            .unwrap(); // ok: test
            let want: Vec<String> = bundle
                .features()
                .split(',')
                .map(|f| format!("\"{f}\""))
                .collect();
            assert!(
                manifest.contains(&format!("name = \"{}\"\n", bundle.package())),
                "{dir}: package name"
            );
            assert!(
                manifest.contains(&format!(
                    "app = {{ workspace = true, features = [{}] }}",
                    want.join(", ")
                )),
                "{dir}: app's features"
            );
        }
    }
}
