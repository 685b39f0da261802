//! `cargo xtask <command>`: see `cargo xtask --help`.

mod bench;
mod deny;
mod deploy;
mod probe;
mod soak;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;
use xtask::{build, ipa, paths, pki, reference, school, seed, server, stack, tools, Result};

const HELP: &str = "\
cargo xtask <command> [options]

Commands:
  dev [--hosts N]        install what is missing, build, migrate and seed the local D1,
                         serve Ponte at http://127.0.0.1:8787 (PORT overrides)
  test                   every test: fmt, clippy, native tests, wasm builds, end-to-end API
                         tests against wrangler dev, browser tests in Debian's Chromium
  probe                  the contract probe of `test` (schemathesis) on a fresh stack of its
                         own: every operation anonymous, as a guardian and as a secretary
  bench [--quick] [--search]
                         benchmarks with their budgets: page weight, search latency, engine
                         (--search: only the search latency at 100k hosts)
  soak [--seconds N]     60 s (N) of mixed traffic at 10 connections against a fresh dev stack
                         (search, host pages, family dashboards, notices, an import running):
                         fails on any error; prints p50/p95/p99 per kind beside /healthz
  build                  build the client bundle, the static files and the worker
  deploy [--dry-run] [--plan free|paid]
                         build and check what goes to Cloudflare (migrations in order, assets,
                         bindings, the worker's gzip size within the plan: free 3 MB, paid
                         10 MB); without --dry-run, apply the D1 migrations remotely and deploy
                         (needs CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID,
                         PONTE_D1_DATABASE_ID, PONTE_KV_NAMESPACE_ID; docs/deploy.md)
  seed [--hosts N] [--pupils N]
                         replace the demo hosts in the local D1 (default 300); write the demo
                         schools' CSV files to target/demo/ (default 1000 pupils in the big
                         one) and register the schools; `dev` imports them through the API
  import-ipa FILE        validate an IPA open-data file whole and load it into the local D1
                         (nothing is written if any row is bad): the «Enti» file, or the
                         «Uffici» file (Codice_uni_uff), so a body is found by either code
  ars-calendar --file FILE [--remote]
                         validate a region's yearly ARS calendar (seed 000, Tabella 1: columns
                         regione;anno;operazione;scadenza;fonte) whole and load it into the
                         local D1, or the deployed one; each region and year in the file
                         replaces the one loaded before (data/ars-veneto-2024.csv)
  import-tsl FILE --signer-cert PEM
                         verify the national trusted list (ETSI TS 119 612 XML, AgID's for
                         Italy) against its XML signature, whose certificate must be one of
                         PEM's (the list signer's, from the EU list of trusted lists), and load
                         its granted CA/QC services into the local D1 (docs/publishing.md)
  reindex [--remote]     write the published profiles' search index rows again from what D1
                         holds (local, or the deployed D1): after migration 0018
  gen-reference          regenerate migrations/0002, 0011 and 0018 (reference data, coordinates,
                         the CP 2011 titles' stems) from data/
  fuzz [--seconds N | --inputs N] [--target T]... [--seed N] [--release]
                         arbitrary and mutated inputs through verify_pec, the CAdES reader and
                         verifier, CRLs, the CSV importer, the query parsers and the draft
                         file: no panic, no allocation over its bound, no hang; per target the
                         inputs run, inputs/s, outcomes and peak allocation (default 10 s per
                         target; failing inputs saved under target/fuzz/<target>/)
  deny                   cargo-deny on the dependency tree: advisories (the snapshot of the
                         RustSec database in data/advisory-db/, its date printed), licences
                         and duplicate versions (deny.toml)
  advisories-refresh [--from DIR]
                         rewrite data/advisory-db/ from the RustSec advisory database (a git
                         clone of github.com/rustsec/advisory-db, fetched or given as DIR),
                         keeping the advisories of crates in Cargo.lock

Test PKI for the PEC and signature checks (needs the openssl command line):
  pki DIR                make the test PKI in DIR if missing; print its files
  pec-envelope --pki DIR --from A --to B --subject S [--provider P]
                         write a raw PEC transport envelope to standard output, signed by
                         P = trusted (default) | foreign | forged | expired, or unsigned (none)
  sign-p7m --pki DIR --cf CF --name NAME [--kind K] FILE
                         write FILE signed (CAdES .p7m, DER) by CF's test certificate to
                         standard output; K = qualified (default: on the test trusted list,
                         publishes) | unlisted | self-signed | no-qc | no-nonrep |
                         crl-unreachable | revoked (the one revoked signer; --cf and --name
                         are then ignored)
  test-tsl --pki DIR     write the test trusted list of the PKI in DIR; print its path
  mail-fixtures [DIR]    regenerate domain::mail's test fixtures (default
                         domain/tests/fixtures/mail)
  fresh-cf PREFIX N      a valid codice fiscale nobody has (six letters PREFIX, a date from N)
  fresh-piva N           a valid partita IVA nobody has
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dev") => dev(&args[1..]),
        Some("test") => test::all(),
        Some("bench") => bench::all(&args[1..]),
        Some("soak") => soak::run(&args[1..]),
        Some("reindex") => reindex_cmd(&args[1..]),
        Some("probe") => probe::cli(&args[1..]),
        Some("build") => tools::ensure_build_tools()
            .and_then(|t| build::all(&t))
            .map(|_| ()),
        Some("deploy") => deploy::cli(&args[1..]),
        Some("seed") => seed_cmd(&args[1..]),
        Some("gen-reference") => reference::generate(),
        Some("fuzz") => fuzz_cmd(&args[1..]),
        Some("deny") => deny::check(),
        Some("advisories-refresh") => deny::refresh(flag(&args[1..], "--from")),
        Some("import-ipa") => import_ipa(&args[1..]),
        Some("ars-calendar") => ars_calendar(&args[1..]),
        Some("import-tsl") => import_tsl(&args[1..]),
        Some("test-tsl") => test_tsl_cmd(&args[1..]),
        Some("pki") => pki_cmd(&args[1..]),
        Some("pec-envelope") => pec_envelope_cmd(&args[1..]),
        Some("sign-p7m") => sign_p7m_cmd(&args[1..]),
        Some("fresh-cf") => fresh_cmd(&args[1..], true),
        Some("fresh-piva") => fresh_cmd(&args[1..], false),
        Some("mail-fixtures") => mail_fixtures_cmd(&args[1..]),
        Some("-h" | "--help" | "help") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `fuzz`: builds and runs the fuzzing binary (xtask/src/bin/fuzz/). `--release` builds it
/// optimised, in its own target directory and with unwinding panics (the workspace's release
/// profile aborts, and `catch_unwind` is how a panicking input is caught).
pub fn fuzz_cmd(args: &[String]) -> Result {
    let release = args.iter().any(|a| a == "--release");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--release").collect();
    let mut cmd = xtask::run::cargo();
    cmd.args(["run", "--quiet", "--package", "xtask", "--bin", "fuzz"])
        .env("PONTE_FUZZ_DIR", paths::target().join("fuzz"));
    if release {
        cmd.arg("--release")
            .env("CARGO_TARGET_DIR", paths::target().join("fuzz-release"))
            .env("CARGO_PROFILE_RELEASE_PANIC", "unwind")
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "3")
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
            .env("CARGO_PROFILE_RELEASE_STRIP", "false");
    }
    cmd.arg("--").args(rest);
    xtask::run::run(&mut cmd)
}

/// `--hosts N` from the arguments, or the default.
fn hosts_arg(args: &[String], default: usize) -> Result<usize> {
    match args.iter().position(|a| a == "--hosts") {
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| "--hosts takes a number".to_owned()),
        None => Ok(default),
    }
}

pub const DEV_HOSTS: usize = 300;

fn dev_state() -> PathBuf {
    paths::root().join(".wrangler").join("state")
}

/// Migrate the local D1 in `state` and replace its demo hosts with `n` new ones; the profiles
/// published on it before are indexed again (`seed::reindex`).
fn load_demo_hosts(state: &std::path::Path, n: usize) -> Result {
    server::migrate(state)?;
    server::execute_file(state, &seed::write_sql(n)?)?;
    seed::reindex(&server::Db::Local(state)).map(|_| ())
}

/// `cargo xtask reindex [--remote]`: the published profiles' index rows written again from
/// what D1 holds, in the local D1 or the deployed one (after `wrangler d1 migrations apply
/// --remote` of a migration that changes how the index is written, such as 0018).
fn reindex_cmd(args: &[String]) -> Result {
    tools::npm()?;
    let state = dev_state();
    let db = if args.iter().any(|a| a == "--remote") {
        server::Db::Remote
    } else {
        server::migrate(&state)?;
        server::Db::Local(&state)
    };
    let n = seed::reindex(&db)?;
    eprintln!("{n} published profiles indexed again");
    Ok(())
}

fn seed_cmd(args: &[String]) -> Result {
    let n = hosts_arg(args, DEV_HOSTS)?;
    tools::npm()?;
    let state = dev_state();
    load_demo_hosts(&state, n)?;
    eprintln!(
        "{n} demo hosts written to the local D1 ({})",
        state.display()
    );
    let pupils = match args.iter().position(|a| a == "--pupils") {
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| "--pupils takes a number".to_owned())?,
        None => school::DemoOptions::default().pupils,
    };
    let demo = stack::prepare_demo(&state, pupils)?;
    for s in &demo.schools {
        eprintln!("demo school {} ({}): {}", s.name, s.code, s.dir.display());
    }
    eprintln!("demo identities: {}", demo.identities.display());
    Ok(())
}

fn import_ipa(args: &[String]) -> Result {
    let file = args
        .first()
        .ok_or("import-ipa takes the path of the IPA \"Enti\" or \"Uffici\" file")?;
    let sql = ipa::prepare(std::path::Path::new(file))?;
    tools::npm()?;
    let state = dev_state();
    server::migrate(&state)?;
    server::execute_file(&state, &sql)
}

/// `cargo xtask ars-calendar --file FILE [--remote]`.
fn ars_calendar(args: &[String]) -> Result {
    let file = required(args, "--file")?;
    // Checked before anything starts.
    xtask::ars::read(std::path::Path::new(file))?;
    tools::npm()?;
    let state = dev_state();
    let db = if args.iter().any(|a| a == "--remote") {
        server::Db::Remote
    } else {
        server::migrate(&state)?;
        server::Db::Local(&state)
    };
    let n = xtask::ars::load(&db, std::path::Path::new(file))?;
    eprintln!("{n} ARS deadlines loaded from {file}");
    Ok(())
}

fn import_tsl(args: &[String]) -> Result {
    let signer = required(args, "--signer-cert")?;
    let file = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--signer-cert"))
        .map(|(_, a)| a)
        .ok_or("import-tsl takes the path of the trusted list (XML)")?;
    let (sql, list) =
        xtask::tsl::prepare(std::path::Path::new(file), std::path::Path::new(signer))?;
    tools::npm()?;
    let state = dev_state();
    server::migrate(&state)?;
    server::execute_file(&state, &sql)?;
    eprintln!(
        "trusted list {} no. {}: {} qualified CA certificates loaded ({} other services skipped)",
        list.territory,
        list.sequence,
        list.cas.len(),
        list.skipped
    );
    Ok(())
}

fn test_tsl_cmd(args: &[String]) -> Result {
    let pki = pki::Pki::ensure(std::path::Path::new(required(args, "--pki")?))?;
    let file = xtask::tsl::write_test_tsl(&pki)?;
    println!("{}", file.display());
    Ok(())
}

fn dev(args: &[String]) -> Result {
    let n = hosts_arg(args, DEV_HOSTS)?;
    let port: u16 = match std::env::var("PORT") {
        Ok(p) => p
            .parse()
            .map_err(|_| format!("PORT={p} is not a port number"))?,
        Err(_) => 8787,
    };
    let tools = tools::ensure_build_tools()?;
    build::all(&tools)?;
    let state = dev_state();
    load_demo_hosts(&state, n)?;
    ipa::load_samples(&state)?;
    let demo = stack::prepare_demo(&state, school::DemoOptions::default().pupils)?;
    let stack = stack::start(stack::Options {
        port,
        state,
        quiet: false,
        log_file: None,
        identities: demo.identities.clone(),
    })?;
    // The demo schools' CSV files go in the way a secretary sends them: signed in through the
    // local provider, through the import API (importing the same files again changes nothing).
    stack::import_demo(&stack.server.base_url, &demo)?;
    eprintln!(
        "\nPonte is running at {}/ — Ctrl+C to stop.\n\
         Sign in at {}/accedi with SPID or CIE: the local providers ({} and {}) offer the demo\n\
         people of {}.",
        stack.server.base_url,
        stack.server.base_url,
        stack.spid.issuer,
        stack.cie.issuer,
        demo.identities.display()
    );
    loop {
        std::thread::park();
    }
}

/// The value after `--name` in the arguments.
fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).map(String::as_str)
}

fn required<'a>(args: &'a [String], name: &str) -> Result<&'a str> {
    flag(args, name).ok_or_else(|| format!("{name} is required (see cargo xtask --help)"))
}

/// Bytes to standard output exactly as they are (envelopes and `.p7m` files are binary).
fn write_stdout(bytes: &[u8]) -> Result {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

fn pki_cmd(args: &[String]) -> Result {
    let dir = args.first().ok_or("pki takes a directory")?;
    let pki = pki::Pki::ensure(std::path::Path::new(dir))?;
    let mut text = String::new();
    for (name, c) in pki.all() {
        text.push_str(&format!(
            "{name}: {} {}\n",
            c.cert.display(),
            c.key.display()
        ));
    }
    write_stdout(text.as_bytes())
}

fn pec_envelope_cmd(args: &[String]) -> Result {
    let from = required(args, "--from")?;
    let to = required(args, "--to")?;
    let subject = required(args, "--subject")?;
    let raw = match flag(args, "--provider").unwrap_or("trusted") {
        "none" => pki::pec_envelope_unsigned(from, to, subject)?,
        p => {
            let provider = pki::Provider::parse(p).ok_or_else(|| {
                format!("--provider {p}: use trusted, foreign, forged, expired or none")
            })?;
            let pki = pki::Pki::ensure(std::path::Path::new(required(args, "--pki")?))?;
            pki::pec_envelope(&pki, provider, from, to, subject)?
        }
    };
    write_stdout(&raw)
}

/// `fresh-cf PREFIX N` / `fresh-piva N`: a valid code nobody has, for the browser tests.
fn fresh_cmd(args: &[String], cf: bool) -> Result {
    let number = |s: Option<&String>| -> Result<u64> {
        s.and_then(|v| v.parse().ok())
            .ok_or_else(|| "fresh-cf PREFIX N / fresh-piva N: N is a number".to_owned())
    };
    let code = if cf {
        let prefix = args.first().ok_or("fresh-cf PREFIX N")?;
        xtask::pki::fresh_cf(prefix, number(args.get(1))?)?
    } else {
        xtask::pki::fresh_piva(number(args.first())?)?
    };
    println!("{code}");
    Ok(())
}

fn sign_p7m_cmd(args: &[String]) -> Result {
    let pki = pki::Pki::ensure(std::path::Path::new(required(args, "--pki")?))?;
    let cf = required(args, "--cf")?;
    let name = required(args, "--name")?;
    // The file is the one argument that is neither a flag nor a flag's value.
    let mut file = None;
    let mut i = 0;
    while i < args.len() {
        if matches!(args[i].as_str(), "--pki" | "--cf" | "--name" | "--kind") {
            i += 2;
            continue;
        }
        file = Some(args[i].as_str());
        i += 1;
    }
    let file = file.ok_or("sign-p7m takes the file to sign")?;
    let content = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let signer = match flag(args, "--kind").unwrap_or("qualified") {
        "revoked" => pki.revoked(),
        k => {
            let kind = pki::SignerKind::parse(k).ok_or_else(|| {
                format!(
                    "--kind {k}: use qualified, unlisted, self-signed, no-qc, no-nonrep, \
                     crl-unreachable or revoked"
                )
            })?;
            pki.signer_as(kind, cf, name)?
        }
    };
    write_stdout(&pki::sign_p7m(&pki, &signer, &content)?)
}

fn mail_fixtures_cmd(args: &[String]) -> Result {
    let out = match args.first() {
        Some(d) => PathBuf::from(d),
        None => paths::root()
            .join("domain")
            .join("tests")
            .join("fixtures")
            .join("mail"),
    };
    let pki_dir = paths::target().join("mail-fixtures-pki");
    for file in pki::write_fixtures(&pki_dir, &out)? {
        eprintln!("wrote {}", file.display());
    }
    Ok(())
}
