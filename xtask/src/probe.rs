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

/// One schemathesis run against the document of `base`, with `headers` on every request.
fn schemathesis(bin: &Path, base: &str, label: &str, headers: &[(String, String)]) -> Result {
    let report = paths::target().join("e2e").join(format!("probe-{label}"));
    let mut cmd = Command::new(bin);
    cmd.arg("run")
        .arg(format!("{base}/api/v1/openapi.json"))
        .args(["--checks", CHECKS])
        .args(["--max-examples", &MAX_EXAMPLES.to_string()])
        .args(["--seed", &SEED.to_string()])
        .args(["--phases", "examples,coverage,fuzzing"])
        .args(["--workers", "2"])
        .args(["--request-timeout", "30"])
        .args(["--report", "junit", "--report-dir"])
        .arg(&report)
        .env("NO_COLOR", "1")
        .env("SCHEMATHESIS_HOOKS", "")
        .current_dir(paths::target());
    for (k, v) in headers {
        cmd.args(["-H", &format!("{k}: {v}")]);
    }
    eprintln!("contract probe, {label} (report in {})", report.display());
    run(&mut cmd).map_err(|e| format!("contract probe ({label}): {e}"))
}

/// The probe: anonymous, then as the probe school's secretary (session cookie, CSRF token,
/// the origin a browser sends).
pub fn run_probe(base: &str) -> Result {
    let started = std::time::Instant::now();
    let bin = tools::ensure_schemathesis()?;
    schemathesis(&bin, base, "anonymous", &[])?;
    let mut client = Client::new(base);
    client.sign_in("cie", &secretary()?)?;
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
