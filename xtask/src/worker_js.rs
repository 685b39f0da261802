//! The worker's JavaScript entry, as `worker-build` 0.8.7 (workers-rs, Apache-2.0) writes it,
//! made here so a fresh machine does not compile that tool (its download and archive crates, a
//! TLS stack and C libraries: about a third of the tools' build, docs/toolchain.md §11).
//!
//! The steps are worker-build's for a `--release` build without panic unwinding:
//! 1. `cargo build --lib --release --target wasm32-unknown-unknown` with
//!    `WASM_BINDGEN_USE_JS_SYS=1` (the `#[wasm_bindgen]` macro then uses `js_sys::futures`);
//! 2. `wasm-bindgen --target module --out-name index --no-typescript
//!    --experimental-reset-state-function --force-enable-abort-handler` (a trapped instance is
//!    rebuilt on its next request instead of failing every request after);
//! 3. `wasm-opt` with [`WASM_OPT`], then the wasm features workerd supports and `--debuginfo`;
//! 4. [`SHIM`] with one `Entrypoint` method per exported handler ([`handlers`]) and each exported
//!    class wrapped ([`class_exports`]), bundled with the glue by esbuild into `index.js`.
//!
//! Left out: worker-build's `producers` section entry naming the SDK version (telemetry only)
//! and its `worker/shim.mjs` alias (wrangler.toml's `main` is `index.js`).

use crate::run::{cargo, run};
use crate::tools::Tools;
use crate::{paths, Result};
use std::path::Path;
use std::process::Command;

/// worker-build 0.8.7's `src/js/shim.js` (its licence line added): `$HANDLERS` is replaced by
/// [`handlers`].
pub const SHIM: &str = include_str!("worker_js/shim.js");

/// The optimisation: `-O` (worker-build's default), and `--low-memory-unused`: Rust's stack
/// grows down from 1 MiB and its data lies above it, so the first KiB of memory is never
/// addressed and wasm-opt may fold constant offsets into loads and stores (6 KB gzip off the
/// worker, docs/toolchain.md §10).
pub const WASM_OPT: [&str; 2] = ["-O", "--low-memory-unused"];

/// The wasm features worker-build enables, named one by one so that no newer encoding reaches
/// workerd before it supports it.
const FEATURES: [&str; 7] = [
    "--enable-mutable-globals",
    "--enable-sign-ext",
    "--enable-nontrapping-float-to-int",
    "--enable-bulk-memory",
    "--enable-multivalue",
    "--enable-reference-types",
    "--enable-exception-handling",
];

/// Functions wasm-bindgen exports for the shim itself, not handlers.
const SYSTEM_FNS: [&str; 2] = ["__wbg_reset_state", "__worker_init_state"];

/// Ponte's two workers: the crate's directory (its `build/` gets `index.js` and
/// `index_bg.wasm`) and its library's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Worker {
    /// `worker/`: pages, API, D1, KV (wrangler.toml).
    Main,
    /// `verifier/`: the PEC and CAdES checks behind the main worker's `VERIFIER` binding
    /// (verifier/wrangler.toml).
    Verifier,
}

impl Worker {
    pub const ALL: [Worker; 2] = [Worker::Main, Worker::Verifier];

    pub fn dir(self) -> &'static str {
        match self {
            Worker::Main => "worker",
            Worker::Verifier => "verifier",
        }
    }

    fn lib(self) -> &'static str {
        match self {
            Worker::Main => "worker_ponte",
            Worker::Verifier => "ponte_verifier",
        }
    }

    /// Its wrangler configuration, from the repository's root.
    pub fn config(self) -> &'static str {
        match self {
            Worker::Main => "wrangler.toml",
            Worker::Verifier => "verifier/wrangler.toml",
        }
    }

    /// The module wrangler uploads.
    pub fn wasm(self) -> std::path::PathBuf {
        paths::root().join(self.dir()).join("build/index_bg.wasm")
    }
}

/// Builds `build/index.js` and `index_bg.wasm` in the worker's directory.
pub fn build(tools: &Tools, worker: Worker) -> Result {
    let crate_dir = paths::root().join(worker.dir());
    let target = paths::target().join(worker.dir());
    let mut cmd = cargo();
    cmd.args([
        "build",
        "--lib",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
    ])
    .current_dir(&crate_dir)
    .env("CARGO_TARGET_DIR", &target)
    .env("WASM_BINDGEN_USE_JS_SYS", "1");
    run(&mut cmd)?;

    let out = crate_dir.join("build");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    // Git ignores what the build writes (the directory's own .gitignore, as worker-build's).
    write(&out.join(".gitignore"), "*")?;
    run(Command::new(&tools.wasm_bindgen)
        .arg(target.join(format!(
            "wasm32-unknown-unknown/release/{}.wasm",
            worker.lib()
        )))
        .arg("--out-dir")
        .arg(&out)
        .args([
            "--no-typescript",
            "--target",
            "module",
            "--out-name",
            "index",
            "--experimental-reset-state-function",
            "--force-enable-abort-handler",
        ]))?;

    let wasm = out.join("index_bg.wasm");
    let opt = out.join("index_bg.opt.wasm");
    let mut args = WASM_OPT.to_vec();
    args.extend(FEATURES);
    args.push("--debuginfo");
    crate::build::wasm_opt(tools, &wasm, &opt, &args)?;
    std::fs::rename(&opt, &wasm).map_err(|e| format!("cannot replace {}: {e}", wasm.display()))?;

    let glue = read(&out.join("index.js"))?;
    let mut shim = SHIM.replace("$HANDLERS", &handlers(&glue));
    shim.push_str(&class_exports(&glue));
    write(&out.join("shim.js"), &shim)?;
    run(Command::new(&tools.esbuild)
        .args([
            "--external:./index_bg.wasm",
            "--external:cloudflare:*",
            "--format=esm",
            "--bundle",
            "./shim.js",
            "--outfile=index.js",
            "--allow-overwrite",
            "--minify",
        ])
        .current_dir(&out))?;
    // esbuild keeps wasm-bindgen's source-phase import, which workerd reads as a plain one.
    let bundled = read(&out.join("index.js"))?.replace("import source ", "import ");
    write(&out.join("index.js"), &bundled)?;
    std::fs::remove_file(out.join("shim.js")).map_err(|e| format!("shim.js: {e}"))?;
    let snippets = out.join("snippets");
    if snippets.exists() {
        std::fs::remove_dir_all(&snippets).map_err(|e| format!("snippets: {e}"))?;
    }
    Ok(())
}

/// The `Entrypoint` methods for the functions wasm-bindgen's glue exports: the event handlers
/// (`fetch`, `scheduled`, `email`, …) called with the worker's `env` and `ctx`, anything else
/// passed through.
pub fn handlers(glue: &str) -> String {
    let mut names = Vec::new();
    for decl in export_decls(glue) {
        if let Some(rest) = decl
            .strip_prefix("export function")
            .or_else(|| decl.strip_prefix("export async function"))
        {
            if let Some(paren) = rest.find('(') {
                names.push(rest[..paren].trim());
            }
        } else if let Some(rest) = decl.strip_prefix("export {") {
            if let Some(at) = rest.find(" as ") {
                let rest = &rest[at + 4..];
                if let Some(brace) = rest.find('}') {
                    names.push(rest[..brace].trim());
                }
            }
        }
    }
    let mut out = String::new();
    for name in names.into_iter().filter(|n| !SYSTEM_FNS.contains(n)) {
        if matches!(name, "fetch" | "queue" | "scheduled" | "email" | "connect") {
            out.push_str(&format!(
                "Entrypoint.prototype.{name} = function {name} (arg) {{\n  \
                 return exports.{name}.call(this, arg, this.env, this.ctx);\n}}\n"
            ));
        } else {
            out.push_str(&format!("Entrypoint.prototype.{name} = exports.{name};\n"));
        }
    }
    out
}

/// Each class the glue exports, re-exported through the shim's proxy (which rebuilds an
/// instance made before a trap).
pub fn class_exports(glue: &str) -> String {
    export_decls(glue)
        .filter_map(|d| d.strip_prefix("export class "))
        .filter_map(|rest| rest.find('{').map(|b| rest[..b].trim()))
        .map(|name| format!("export const {name} = new Proxy(exports.{name}, classProxyHooks);\n"))
        .collect()
}

/// Each `export` declaration of the glue, from its keyword.
fn export_decls(glue: &str) -> impl Iterator<Item = &str> {
    glue.match_indices("export ").filter_map(move |(i, _)| {
        let boundary = i == 0
            || glue[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_whitespace() || c == ';' || c == '}');
        boundary.then(|| &glue[i..])
    })
}

fn read(p: &Path) -> Result<String> {
    std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
}

fn write(p: &Path, text: &str) -> Result {
    std::fs::write(p, text).map_err(|e| format!("cannot write {}: {e}", p.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "import source wasmModule from \"./index_bg.wasm\";\n\
        export class MinifyConfig {\n  free() {}\n}\n\
        export function fetch(req, env, ctx) {\n  return 1;\n}\n\
        export function __wbg_reset_state() {}\n\
        export async function scheduled(ev, env, ctx) {}\n\
        export function Calcolatore_123(el) {}\n\
        function email(m, env, ctx) {}\nexport { email as email }\n";

    #[test]
    fn handlers_get_env_and_ctx_and_other_exports_pass_through() {
        let h = handlers(GLUE);
        assert!(h.contains(
            "Entrypoint.prototype.fetch = function fetch (arg) {\n  \
             return exports.fetch.call(this, arg, this.env, this.ctx);\n}\n"
        ));
        assert!(h.contains("Entrypoint.prototype.scheduled = function scheduled (arg)"));
        assert!(h.contains("Entrypoint.prototype.email = function email (arg)"));
        assert!(h.contains("Entrypoint.prototype.Calcolatore_123 = exports.Calcolatore_123;\n"));
        assert!(!h.contains("__wbg_reset_state"));
    }

    #[test]
    fn classes_are_exported_through_the_proxy() {
        assert_eq!(
            class_exports(GLUE),
            "export const MinifyConfig = new Proxy(exports.MinifyConfig, classProxyHooks);\n"
        );
    }

    #[test]
    fn the_shim_has_its_handlers_slot() {
        assert!(SHIM.contains("$HANDLERS"));
        assert!(SHIM.contains("export default new Proxy(Entrypoint, classProxyHooks);"));
    }
}
