//! The contract probe of `cargo xtask test` (issue 18, point 9): schemathesis (PyPI, pinned in
//! `tools::SCHEMATHESIS`) generates requests for every operation of the OpenAPI document the
//! running worker serves, anonymous and then signed in (the session cookie and its CSRF
//! token), and fails on any 5xx and any answer the document does not describe (status, media
//! type, JSON schema). Bounded and reproducible: a few examples per operation, a fixed seed.
//!
//! The signed-in pass is a secretary of a school of its own ([`register`]), so what the probe
//! creates (imports, notices, requests) lands where no other test looks.

use std::path::Path;
use std::process::Command;
use xtask::client::Client;
use xtask::run::run;
use xtask::{paths, tools, Result};

/// The probe's own school (a codice meccanografico no demo school has).
pub const SCHOOL_CODE: &str = "PRBT00001Q";

/// Examples per operation and phase: enough to reach each parameter's edge values, small
/// enough for the whole probe to take about a minute on two cores.
pub const MAX_EXAMPLES: u32 = 12;

/// Hypothesis' seed: the same requests on every run.
pub const SEED: u64 = 18_0009;

/// The answers checked: no 5xx, and every answer described by the document (status, media
/// type, body schema).
pub const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance";

/// The probe's secretary: a codice fiscale nobody else has.
pub fn secretary() -> Result<String> {
    xtask::pki::fresh_cf("PRBSEG", 9)
}

/// Registers the probe's school and its secretary in the local D1 of `state`, and offers the
/// secretary on the local identity providers (`identities`); before the providers start.
pub fn register(state: &Path, identities: &Path, policy: &str) -> Result {
    let cf = secretary()?;
    let text = std::fs::read_to_string(identities)
        .map_err(|e| format!("cannot read {}: {e}", identities.display()))?;
    let mut people: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", identities.display()))?;
    if !people.iter().any(|p| p["cf"] == cf.as_str()) {
        people.push(serde_json::json!({
            "cf": cf,
            "given_name": "Sonda",
            "family_name": "Contratto",
            "label": "Segreteria della scuola della sonda (schemathesis)",
        }));
        let text = serde_json::to_string_pretty(&people).map_err(|e| e.to_string())?;
        std::fs::write(identities, text)
            .map_err(|e| format!("cannot write {}: {e}", identities.display()))?;
    }
    let q = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let sql = format!(
        "INSERT INTO schools (code, name, comune, policy) VALUES ({code}, 'Scuola della sonda', \
         '058091', {policy}) ON CONFLICT(code) DO NOTHING;\n\
         INSERT INTO staff (school_id, codice_fiscale, role, surname, name, classes) \
         SELECT id, {cf}, 'segreteria', 'Contratto', 'Sonda', '' FROM schools WHERE code = {code} \
         ON CONFLICT DO NOTHING;\n",
        code = q(SCHOOL_CODE),
        policy = q(policy),
        cf = q(&cf),
    );
    let file = paths::target().join("e2e").join("probe-school.sql");
    std::fs::write(&file, sql).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    xtask::server::execute_file(state, &file)
}

/// Schemathesis' hooks: the signed file of a declaration (`application/pkcs7-mime`) goes as
/// the bytes generated for it, as any binary body (schemathesis knows no such media type).
const HOOKS: &str = r#"import schemathesis
from schemathesis.transport.serialization import serialize_binary


@schemathesis.serializer("application/pkcs7-mime")
def pkcs7(ctx, value):
    return serialize_binary(value)
"#;

/// One schemathesis run against the document of `base`, with `headers` on every request.
fn schemathesis(bin: &Path, base: &str, label: &str, headers: &[(String, String)]) -> Result {
    let dir = paths::target().join("probe");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let hooks = dir.join("hooks.py");
    std::fs::write(&hooks, HOOKS).map_err(|e| format!("cannot write {}: {e}", hooks.display()))?;
    let report = dir.join(label);
    let mut cmd = Command::new(bin);
    cmd.arg("run")
        .arg(format!("{base}/api/v1/openapi.json"))
        .args(["--checks", CHECKS])
        .args(["--max-examples", &MAX_EXAMPLES.to_string()])
        .args(["--seed", &SEED.to_string()])
        .args(["--phases", "examples,coverage,fuzzing"])
        // One at a time: with two, a run once saw a 503 from `wrangler dev`'s proxy ("Your
        // worker restarted mid-request", never reproduced alone) and once failed inside
        // schemathesis itself (a `KeyError` in its value cache); one worker has been steady.
        .args(["--workers", "1"])
        .args(["--request-timeout", "30"])
        .args(["--report", "junit", "--report-dir"])
        .arg(&report)
        .env("NO_COLOR", "1")
        .env("SCHEMATHESIS_HOOKS", &hooks)
        .current_dir(&dir);
    for (k, v) in headers {
        cmd.args(["-H", &format!("{k}: {v}")]);
    }
    eprintln!("contract probe, {label} (report in {})", report.display());
    run(&mut cmd).map_err(|e| format!("contract probe ({label}): {e}"))
}

/// `cargo xtask probe [--base URL] [--cf CF]`: the probe against a running stack (by default
/// `cargo xtask dev`'s, signed in as the small demo school's secretary).
pub fn cli(args: &[String]) -> Result {
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let base = flag("--base").unwrap_or_else(|| "http://127.0.0.1:8787".to_owned());
    let cf = match flag("--cf") {
        Some(cf) => cf,
        None => {
            let demo = xtask::school::write_demo(
                &paths::target().join("probe").join("demo"),
                &xtask::school::DemoOptions::default(),
            )?;
            let small = demo.schools.last().ok_or("no demo school")?;
            xtask::stack::secretary_of(small)?.codice_fiscale
        }
    };
    run_probe(&base, &cf)
}

/// The probe: anonymous, then as the secretary `cf` (session cookie, CSRF token, the origin a
/// browser sends).
pub fn run_probe(base: &str, cf: &str) -> Result {
    let started = std::time::Instant::now();
    let bin = tools::ensure_schemathesis()?;
    schemathesis(&bin, base, "anonymous", &[])?;
    let mut client = Client::new(base);
    client.sign_in("cie", cf)?;
    let sid = client
        .cookie("__Host-ponte-sid")
        .ok_or("the probe's secretary has no session")?
        .to_owned();
    let csrf = client
        .csrf
        .clone()
        .ok_or("the probe's secretary has no CSRF token")?;
    schemathesis(
        &bin,
        base,
        "signed-in",
        &[
            ("Cookie".to_owned(), format!("__Host-ponte-sid={sid}")),
            ("X-CSRF-Token".to_owned(), csrf),
            ("Origin".to_owned(), base.to_owned()),
        ],
    )?;
    eprintln!(
        "contract probe: no 5xx, every answer as documented ({:.0} s)",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
