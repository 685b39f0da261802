//! Installs what the build and the tests need, from the package registries only: the wasm32
//! target (rustup), wasm-bindgen-cli at exactly the version in Cargo.lock and cargo-deny
//! (crates.io), the npm packages of package-lock.json (npm), Debian's chromium (apt-get).
//! Each step is skipped when its tool is already there at the right version.

use crate::run::{cargo, log_to, output, run};
use crate::{paths, Result};
use std::path::PathBuf;
use std::process::Command;

pub struct Tools {
    pub wasm_bindgen: PathBuf,
    pub wasm_opt: PathBuf,
    pub esbuild: PathBuf,
    pub wrangler: PathBuf,
}

/// The version of a package as Cargo.lock pins it.
pub fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(paths::root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[start..start + end].to_owned())
}

fn tool_version(bin: &PathBuf) -> Option<String> {
    let out = Command::new(bin).arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.split_whitespace().last().map(str::to_owned)
}

/// How a tool is installed: `--locked`, and the features and binaries to build when not all.
struct Install<'a> {
    locked: bool,
    /// `Some`: `--no-default-features` with these features.
    features: Option<&'a str>,
    /// `Some`: only this binary of the package.
    bin: Option<&'a str>,
}

fn cargo_install(krate: &str, version: &str, how: Install) -> Result<PathBuf> {
    let root = paths::cache().join("tools");
    let bin = root
        .join("bin")
        .join(how.bin.unwrap_or(krate.trim_end_matches("-cli")));
    if tool_version(&bin).as_deref() == Some(version) {
        return Ok(bin);
    }
    let mut cmd = cargo();
    cmd.args([
        "install",
        krate,
        "--version",
        &format!("={version}"),
        "--root",
    ])
    .arg(&root)
    .env_remove("CARGO_TARGET_DIR")
    .env("CARGO_TARGET_DIR", paths::cache().join("install-target"))
    // Build tools, not shipped code: a quick build (a fresh CI machine compiles them first),
    // still fast enough on the few files they process.
    .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1")
    .env("CARGO_PROFILE_RELEASE_LTO", "false")
    .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
    .env("CARGO_PROFILE_RELEASE_DEBUG", "false");
    // wasm-bindgen-cli's own lockfile pins a crate the registry mirror lacks (docs/toolchain.md).
    if how.locked {
        cmd.arg("--locked");
    }
    if let Some(features) = how.features {
        cmd.arg("--no-default-features");
        if !features.is_empty() {
            cmd.args(["--features", features]);
        }
    }
    if let Some(bin) = how.bin {
        cmd.args(["--bin", bin]);
    }
    run(&mut cmd)?;
    Ok(bin)
}

pub fn wasm_target() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// `npm ci` when node_modules does not match package-lock.json.
pub fn npm() -> Result {
    let root = paths::root();
    let lock = std::fs::read(root.join("package-lock.json"))
        .map_err(|e| format!("cannot read package-lock.json: {e}"))?;
    let stamp = root.join("node_modules").join(".ponte-lock");
    let want = format!("{:016x}", crate::build::fnv64(&lock));
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(want.as_str()) {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root))?;
    std::fs::write(&stamp, want).map_err(|e| format!("cannot write {}: {e}", stamp.display()))
}

/// Everything the build needs.
pub fn ensure_build_tools() -> Result<Tools> {
    wasm_target()?;
    npm()?;
    // Only the `wasm-bindgen` binary (not the test runner nor wasm2es6js), and without its
    // default `rustls-tls` feature: the test runner's downloads need TLS, the bindings do not,
    // and `ring`'s C and assembly are the slowest part of the tool's build.
    let wasm_bindgen = cargo_install(
        "wasm-bindgen-cli",
        &locked_version("wasm-bindgen")?,
        Install {
            locked: false,
            features: Some(""),
            bin: Some("wasm-bindgen"),
        },
    )?;
    let root = paths::root();
    Ok(Tools {
        wasm_bindgen,
        wasm_opt: root.join("node_modules/binaryen/bin/wasm-opt"),
        esbuild: root.join("node_modules/esbuild/bin/esbuild"),
        wrangler: paths::node_bin("wrangler"),
    })
}

/// cargo-deny for `cargo xtask deny` (docs/toolchain.md, "Dependencies"): it has no optional
/// features to trim (it reads the advisory database from disk and fetches with the git command
/// line, which `--offline` turns off), and installs with `--locked`.
pub const CARGO_DENY: &str = "0.20.2";

pub fn ensure_cargo_deny() -> Result<PathBuf> {
    cargo_install(
        "cargo-deny",
        CARGO_DENY,
        Install {
            locked: true,
            features: None,
            bin: None,
        },
    )
}

pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Debian's chromium for the browser tests: installed with apt-get when missing and we are
/// root; otherwise an error saying exactly what to install.
pub fn ensure_chromium() -> Result {
    ensure_chromium_logged(None)
}

/// [`ensure_chromium`] with apt-get's output in `log`, for an install in the background of
/// the builds (the test command starts it first and waits for it before the browser tests).
pub fn ensure_chromium_logged(log: Option<&std::path::Path>) -> Result {
    if std::path::Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    let uid = output(Command::new("id").arg("-u")).unwrap_or_default();
    if uid.trim() != "0" {
        return Err("the browser tests need Debian's Chromium: run `sudo apt-get install -y chromium` and try again".into());
    }
    let mut update = Command::new("apt-get");
    update.arg("update");
    let mut install = Command::new("apt-get");
    install
        .args(["install", "-y", "--no-install-recommends", "chromium"])
        .env("DEBIAN_FRONTEND", "noninteractive");
    if let Some(log) = log {
        let file = std::fs::File::create(log)
            .map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        log_to(&mut update, &file)?;
        log_to(&mut install, &file)?;
    }
    run(&mut update)?;
    run(&mut install)
}

/// A load generator for the benchmarks: Debian's wrk.
pub fn ensure_wrk() -> Result<PathBuf> {
    let wrk = PathBuf::from("/usr/bin/wrk");
    if wrk.exists() {
        return Ok(wrk);
    }
    let uid = output(Command::new("id").arg("-u")).unwrap_or_default();
    if uid.trim() != "0" {
        return Err("the benchmarks need Debian's wrk: run `sudo apt-get install -y wrk`".into());
    }
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends", "wrk"])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    Ok(wrk)
}

/// Python 3.10 or later with `venv` and pip, for the probe's virtual environment: Debian's
/// `python3` and `python3-venv`, installed with apt-get when missing and we are root (like
/// Chromium), so that Rust and Node.js stay the only prerequisites.
fn ensure_python_venv() -> Result {
    let ready = || {
        Command::new("python3")
            .args([
                "-c",
                "import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 10))",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if ready() {
        return Ok(());
    }
    let uid = output(Command::new("id").arg("-u")).unwrap_or_default();
    if uid.trim() != "0" {
        return Err(
            "the contract probe needs Python 3.10 or later with venv: run `sudo apt-get \
                    install -y python3 python3-venv` and try again"
                .into(),
        );
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "--no-install-recommends",
            "python3",
            "python3-venv",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    if ready() {
        Ok(())
    } else {
        Err("python3 with venv is still missing after apt-get install".into())
    }
}

/// Schemathesis, the contract probe of `cargo xtask test` (docs/toolchain.md): this version,
/// with every package it pulls in pinned (`pip freeze` of a clean install), in a virtual
/// environment of the tool cache, made once.
pub const SCHEMATHESIS: &str = "4.32.5";

/// The probe's Python packages, exactly (`pip install --no-deps` of these and nothing else).
const SCHEMATHESIS_REQUIREMENTS: &[&str] = &[
    "anyio==4.16.0",
    "certifi==2026.10.19.post1",
    "charset-normalizer==3.5.3",
    "click==8.5.1",
    "graphql-core==3.3.2",
    "harfile==0.6.0",
    "hypothesis==6.170.27",
    "hypothesis-graphql==0.13.5",
    "idna==3.21",
    "iniconfig==2.3.1",
    "jsonschema_rs==0.60.3",
    "markdown-it-py==4.3.0",
    "MarkupSafe==3.0.4",
    "mdurl==0.1.2",
    "packaging==26.4",
    "pluggy==1.7.0",
    "Pygments==2.21.0",
    "pyrate-limiter==4.6.0",
    "pytest==9.2.0",
    "PyYAML==6.0.4",
    "requests==2.34.2",
    "rich==15.0.0",
    "schemathesis==4.32.5",
    "sortedcontainers==2.4.0",
    "typing_extensions==4.16.0",
    "urllib3==2.8.0",
    "Werkzeug==3.1.9",
];

/// The `schemathesis` command of the probe's virtual environment, made with `python3 -m venv`
/// and pip (PyPI) when missing or when the pins changed (a stamp file holds their hash).
pub fn ensure_schemathesis() -> Result<PathBuf> {
    let venv = paths::cache().join(format!("schemathesis-{SCHEMATHESIS}"));
    let bin = venv.join("bin").join("schemathesis");
    let stamp = venv.join(".ponte-pins");
    let want = format!(
        "{:016x}",
        crate::build::fnv64(SCHEMATHESIS_REQUIREMENTS.join("\n").as_bytes())
    );
    if bin.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(want.as_str()) {
        return Ok(bin);
    }
    let started = std::time::Instant::now();
    ensure_python_venv()?;
    let _ = std::fs::remove_dir_all(&venv);
    run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    run(Command::new(venv.join("bin").join("pip"))
        .args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-input",
            "--no-deps",
        ])
        .args(SCHEMATHESIS_REQUIREMENTS))?;
    std::fs::write(&stamp, want).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    eprintln!(
        "schemathesis {SCHEMATHESIS} installed in {} ({:.1} s)",
        venv.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(bin)
}
