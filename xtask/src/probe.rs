//! The contract probe of `cargo xtask test` (issue 18, point 9): schemathesis (PyPI, pinned in
//! `tools::SCHEMATHESIS`) generates requests for every operation of the OpenAPI document the
//! running worker serves and fails on any 5xx and any answer the document does not describe
//! (status, media type, JSON schema), besides schemathesis' other checks (below, [`CHECKS`]).
//! Bounded and reproducible: a fixed number of examples per operation, a fixed seed.
//!
//! Three passes: anonymous, then signed in (the session cookie and its CSRF token, as the
//! document's security schemes say, and the origin a browser sends) as a guardian, then as a
//! school's secretary. Each pass is given real identifiers to draw from most of the time (the
//! probe school's id, its imports, pupils, absences, requests and notices; published hosts;
//! iPA codes; declaration codes): without them nearly every generated id is a 404 and the
//! handlers behind it are never reached.
//!
//! The probe has a school of its own ([`prepare`]): the demo liceo's files made with another
//! seed (other people), imported by its own secretary, so what the probe creates (imports,
//! notices, justifications, decisions) lands where no other test looks.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use xtask::client::Client;
use xtask::run::run;
use xtask::school::{self, DemoSchool};
use xtask::{paths, stack, tools, Result};

/// The probe's own school (a codice meccanografico no demo school has).
pub const SCHOOL_CODE: &str = "PRBT00001Q";

/// Examples per operation and phase (coverage, then fuzzing) in each pass.
pub const MAX_EXAMPLES: u32 = 40;

/// Hypothesis' seed: the same requests on every run.
pub const SEED: u64 = 18_0009;

/// The seed of the probe school's files: other people than the demo schools'.
const DATA_SEED: u64 = 0x5C40_0018_0009_0001;

/// How often a bound parameter takes a real identifier rather than a generated one.
const REAL_IDS: f64 = 0.75;

/// Every check of schemathesis but one. `positive_data_acceptance` expects any request that
/// matches the schemas to succeed, which no document can promise for this API: a province code
/// must exist in the ISTAT list (`?province=AA` is a well-formed, unknown code: 400
/// `unknown_code`), a month must exist, a CP 2011 search needs a letter or a digit, a
/// declaration needs the privacy notice's current version, an import part must follow the
/// import's own earlier parts. Each of these answers is a documented 400 with the error shape,
/// which the other checks do verify.
pub const CHECKS: &str = "all";
pub const EXCLUDED_CHECKS: &str = "positive_data_acceptance";

/// The probe's people and school, made by [`prepare`].
#[derive(Debug, Clone)]
pub struct Probe {
    pub school: DemoSchool,
    pub secretary: String,
    pub guardian: String,
}

/// The probe's school in the local D1 of `state` (registered with its secretary) and its two
/// people added to the demo people the identity providers offer (`identities`); before the
/// providers start.
pub fn prepare(state: &Path, identities: &Path) -> Result<Probe> {
    let dir = paths::target().join("probe").join("data");
    let demo = school::write_demo(
        &dir,
        &school::DemoOptions {
            pupils: 60,
            seed: DATA_SEED,
            ..Default::default()
        },
    )?;
    // The liceo: about fifty pupils, one secretary, a guardian of one child.
    let small = demo.schools.last().ok_or("no probe school")?.clone();
    let sec = stack::secretary_of(&small)?;
    let own: Vec<serde_json::Value> = read_people(&demo.identities)?;
    let guardian = own
        .iter()
        .find(|p| {
            p["label"]
                .as_str()
                .is_some_and(|l| l.starts_with("Genitore di un alunno —"))
        })
        .ok_or("the probe school has no guardian of one child")?;
    let guardian_cf = guardian["cf"]
        .as_str()
        .ok_or("guardian without cf")?
        .to_owned();

    let mut people = read_people(identities)?;
    for (cf, given, family, label) in [
        (
            sec.codice_fiscale.as_str(),
            sec.name.as_str(),
            sec.surname.as_str(),
            "Sonda — segreteria della scuola della sonda (schemathesis)",
        ),
        (
            guardian_cf.as_str(),
            guardian["given_name"].as_str().unwrap_or("Sonda"),
            guardian["family_name"].as_str().unwrap_or("Genitore"),
            "Sonda — genitore di un alunno della scuola della sonda (schemathesis)",
        ),
    ] {
        match people.iter().find(|p| p["cf"] == cf) {
            Some(p) if p["label"] == label => {}
            Some(p) => {
                return Err(format!(
                    "the probe's person {cf} is already a demo person: {p}"
                ))
            }
            None => people.push(serde_json::json!({
                "cf": cf, "given_name": given, "family_name": family, "label": label,
            })),
        }
    }
    let text = serde_json::to_string_pretty(&people).map_err(|e| e.to_string())?;
    std::fs::write(identities, text)
        .map_err(|e| format!("cannot write {}: {e}", identities.display()))?;

    let q = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let policy = serde_json::to_string(&small.policy).map_err(|e| e.to_string())?;
    let sql = format!(
        "INSERT INTO schools (code, name, comune, policy) VALUES ({code}, 'Scuola della sonda', \
         {comune}, {policy}) ON CONFLICT(code) DO NOTHING;\n\
         INSERT INTO staff (school_id, codice_fiscale, role, surname, name, classes) \
         SELECT id, {cf}, 'segreteria', {surname}, {name}, '' FROM schools WHERE code = {code} \
         ON CONFLICT DO NOTHING;\n",
        code = q(SCHOOL_CODE),
        comune = q(&small.comune),
        policy = q(&policy),
        cf = q(&sec.codice_fiscale),
        surname = q(&sec.surname),
        name = q(&sec.name),
    );
    let file = dir.join("school.sql");
    std::fs::write(&file, sql).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    xtask::server::execute_file(state, &file)?;
    Ok(Probe {
        school: small,
        secretary: sec.codice_fiscale,
        guardian: guardian_cf,
    })
}

fn read_people(file: &Path) -> Result<Vec<serde_json::Value>> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))
}

/// Schemathesis' hooks.
///
/// - The signed file of a declaration (`application/pkcs7-mime`) goes as the bytes generated
///   for it, as any binary body (schemathesis knows no such media type).
/// - One false positive dropped (`filter_failure`, counted in schemathesis' summary): for a
///   text body (an import part, `text/csv`, whose schema is any string) the negative mode
///   generates a value of another type, an object or a number, and sends it as its text
///   (`{}`); on the wire that is a string like any other, which the part's parser answers
///   with its row errors (200), so "a schema-violating request accepted" is not what
///   happened. Only when the body is the request's one negative part: a bad `first_line`
///   beside it still fails the run.
const HOOKS: &str = r#"import schemathesis
from schemathesis.core import NotSet
from schemathesis.core.parameters import ParameterLocation
from schemathesis.transport.serialization import serialize_binary


@schemathesis.serializer("application/pkcs7-mime")
def pkcs7(ctx, value):
    return serialize_binary(value)


@schemathesis.hook
def filter_failure(ctx, failure, case, response):
    if failure.code != "ST201":
        return True
    if not (case.media_type or "").startswith("text/") or case.meta is None:
        return True
    others = (ParameterLocation.PATH, ParameterLocation.QUERY, ParameterLocation.HEADER,
              ParameterLocation.COOKIE)
    if any(case.meta.is_negative_at(location) for location in others):
        return True
    return isinstance(case.body, (str, bytes, NotSet))
"#;

/// Real identifiers, by dictionary name, for the operations' parameters ([`BINDINGS`]).
#[derive(Debug, Default)]
struct Ids(Vec<(&'static str, Vec<String>)>);

impl Ids {
    fn add(&mut self, name: &'static str, values: impl IntoIterator<Item = String>) {
        let mut values: Vec<String> = values.into_iter().collect();
        values.sort();
        values.dedup();
        values.truncate(20);
        if !values.is_empty() {
            self.0.push((name, values));
        }
    }

    fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| *n == name)
    }
}

/// Which parameter of which operations takes which dictionary (operation ids of `domain::api`).
const BINDINGS: &[(&[&str], &str, &str)] = &[
    (
        &[
            "importsList",
            "importCreate",
            "pendingRequests",
            "schoolNotices",
            "noticePublish",
        ],
        "path.school_id",
        "schools",
    ),
    (
        &["importStatus", "importPart", "importCommit"],
        "path.id",
        "imports",
    ),
    (
        &[
            "pupil",
            "pupilAbsences",
            "pupilAttendance",
            "derogationRequest",
        ],
        "path.id",
        "pupils",
    ),
    (&["justify"], "path.id", "absences"),
    (&["justificationDecision"], "path.id", "justifications"),
    (&["derogationDecision"], "path.id", "derogations"),
    (&["acknowledge", "acknowledgements"], "path.id", "notices"),
    (&["hostDetail"], "path.id", "hosts"),
    (&["ipaEnte"], "path.code", "ipa"),
    (
        &[
            "declarationStatus",
            "declarationDocument",
            "declarationSignature",
            "declarationReview",
        ],
        "path.code",
        "declarations",
    ),
    (&["comuni", "hostsSearch"], "query.province", "provinces"),
];

/// A TOML string.
fn toml(s: &str) -> String {
    serde_json::Value::String(s.to_owned()).to_string()
}

/// The configuration of one pass: the real identifiers and, signed in, the session.
fn config(ids: &Ids, session: Option<(&str, &str)>, origin: &str) -> String {
    let mut c = String::new();
    let _ = writeln!(c, "[headers]\nOrigin = {}\n", toml(origin));
    if let Some((sid, csrf)) = session {
        let _ = writeln!(
            c,
            "[auth.openapi.session]\napi_key = {}\n\n[auth.openapi.csrf]\napi_key = {}\n",
            toml(sid),
            toml(csrf)
        );
    }
    for (name, values) in &ids.0 {
        let list: Vec<String> = values
            .iter()
            .map(|v| match v.parse::<i64>() {
                Ok(n) => n.to_string(),
                Err(_) => toml(v),
            })
            .collect();
        let _ = writeln!(c, "[dictionaries.{name}]\nvalues = [{}]\n", list.join(", "));
    }
    for (ops, param, dict) in BINDINGS {
        if !ids.has(dict) {
            continue;
        }
        let ops: Vec<String> = ops.iter().map(|o| toml(o)).collect();
        let _ = writeln!(
            c,
            "[[operations]]\ninclude-operation-id = [{}]\nparameters = {{ {} = {{ dictionary = {}, probability = {REAL_IDS} }} }}\n",
            ops.join(", "),
            toml(param),
            toml(dict)
        );
    }
    c
}

/// One schemathesis run against the document of `base`.
fn schemathesis(bin: &Path, base: &str, label: &str, config_text: &str) -> Result {
    let dir = paths::target().join("probe");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let hooks = dir.join("hooks.py");
    std::fs::write(&hooks, HOOKS).map_err(|e| format!("cannot write {}: {e}", hooks.display()))?;
    let config_file = dir.join(format!("{label}.toml"));
    std::fs::write(&config_file, config_text)
        .map_err(|e| format!("cannot write {}: {e}", config_file.display()))?;
    let report = dir.join(label);
    let mut cmd = Command::new(bin);
    cmd.arg("--config-file")
        .arg(&config_file)
        .arg("run")
        .arg(format!("{base}/api/v1/openapi.json"))
        .args(["--checks", CHECKS])
        .args(["--exclude-checks", EXCLUDED_CHECKS])
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
    eprintln!(
        "contract probe, {label} (configuration {}, report in {})",
        config_file.display(),
        report.display()
    );
    run(&mut cmd).map_err(|e| format!("contract probe ({label}): {e}"))
}

fn ids_of(v: &serde_json::Value, key: &str) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x[key].as_i64().map(|n| n.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

fn expect(a: &xtask::client::Answer, ok: &[u16], what: &str) -> Result<serde_json::Value> {
    if !ok.contains(&a.status) {
        return Err(format!("probe setup, {what}: {} {}", a.status, a.body));
    }
    a.json()
}

/// The probe school's files imported by its secretary, one request of each kind made (a
/// notice, a justification, a derogation request, two declarations), and the identifiers the
/// passes draw from; the two signed-in clients.
fn setup(base: &str, probe: &Probe) -> Result<(Ids, Client, Client)> {
    let mut ids = Ids::default();
    let mut office = Client::new(base);
    office.sign_in("cie", &probe.secretary)?;
    let me = office.refresh_csrf()?;
    let school_id = me["staff"]
        .as_array()
        .and_then(|a| a.iter().find_map(|g| g["school_id"].as_i64()))
        .ok_or_else(|| format!("the probe's secretary is no school's staff: {me}"))?;
    for kind in stack::import_order() {
        let file = probe.school.dir.join(format!("{kind}.csv"));
        let r = stack::import_file(&mut office, school_id, kind, &file)?;
        if r.answer["status"] != "live" {
            return Err(format!("probe school's {kind} rejected: {}", r.answer));
        }
    }
    // A notice asking for acknowledgement, and an import left in staging (its parts and commit
    // reachable).
    let a = office.post_json(
        &format!("/api/v1/schools/{school_id}/notices"),
        &serde_json::json!({"title": "Avviso della sonda", "body": "Per la prova del contratto.",
                            "audience": "school", "requires_ack": true}),
    )?;
    expect(&a, &[201], "notice")?;
    let a = office.post_json(
        &format!("/api/v1/schools/{school_id}/imports"),
        &serde_json::json!({"kind": "assenze", "file_name": "assenze.csv", "file_bytes": 4096}),
    )?;
    expect(&a, &[201], "staging import")?;

    let mut family = Client::new(base);
    family.sign_in("cie", &probe.guardian)?;
    let me = family.refresh_csrf()?;
    let children: Vec<i64> = me["guardian_of"]
        .as_array()
        .map(|a| a.iter().filter_map(|id| id.as_i64()).collect())
        .unwrap_or_default();
    let child = *children
        .first()
        .ok_or("the probe's guardian has no child")?;
    let p = family.get(&format!("/api/v1/pupils/{child}/attendance"))?;
    let p = expect(&p, &[200], "attendance")?;
    let absences = p["absences"].as_array().cloned().unwrap_or_default();
    ids.add("absences", ids_of(&p["absences"], "id"));
    // A justification (the first absence that takes one) and a derogation request over two
    // counted whole days; an earlier run may have made them already (409).
    for a in &absences {
        let Some(id) = a["id"].as_i64() else { continue };
        let r = family.post_json(
            &format!("/api/v1/absences/{id}/justification"),
            &serde_json::json!({"reason": "family"}),
        )?;
        if matches!(r.status, 201 | 409) {
            break;
        }
    }
    let days: Vec<&str> = absences
        .iter()
        .filter(|a| a["effect"] == "counted" && a["kind"] == "whole_day")
        .filter_map(|a| a["date"].as_str())
        .collect();
    if let (Some(from), Some(to), Some(category)) = (
        days.first(),
        days.get(1),
        p["categories"][0]["code"].as_str(),
    ) {
        let r = family.post_json(
            &format!("/api/v1/pupils/{child}/derogations"),
            &serde_json::json!({"category": category, "from": from, "to": to}),
        )?;
        expect(&r, &[201, 409], "derogation request")?;
    }
    let n = family.get("/api/v1/notices")?;
    let n = expect(&n, &[200], "notices")?;

    let r = office.get(&format!("/api/v1/schools/{school_id}/requests"))?;
    let r = expect(&r, &[200], "pending requests")?;
    let imports = office.get(&format!("/api/v1/schools/{school_id}/imports"))?;
    let imports = expect(&imports, &[200], "imports")?;
    let notices = office.get(&format!("/api/v1/schools/{school_id}/notices"))?;
    let notices = expect(&notices, &[200], "school notices")?;

    ids.add("schools", [school_id.to_string()]);
    ids.add("imports", ids_of(&imports["items"], "id"));
    ids.add("pupils", children.iter().map(i64::to_string));
    let requests = r["items"].as_array().cloned().unwrap_or_default();
    for (dict, kind) in [
        ("justifications", "justification"),
        ("derogations", "derogation"),
    ] {
        ids.add(
            dict,
            requests
                .iter()
                .filter(|q| q["kind"] == kind)
                .filter_map(|q| q["id"].as_i64().map(|n| n.to_string())),
        );
    }
    let school_notices: Vec<String> = notices["items"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["notice"]["id"].as_i64().map(|n| n.to_string()))
                .collect()
        })
        .unwrap_or_default();
    ids.add(
        "notices",
        ids_of(&n["items"], "id").into_iter().chain(school_notices),
    );

    // The public side: published hosts, iPA codes, two declarations waiting for their proof.
    let mut anon = Client::new(base);
    let hosts = anon.get("/api/v1/hosts?per_page=20")?;
    let hosts = expect(&hosts, &[200], "host search")?;
    ids.add("hosts", ids_of(&hosts["items"], "id"));
    ids.add(
        "ipa",
        ["uc_valdol", "cb_pianv"].iter().map(|s| (*s).to_owned()),
    );
    let mut codes = Vec::new();
    for (n, draft) in [
        serde_json::json!({
            "kind": "impresa", "name": "Officina della sonda",
            "partita_iva": xtask::pki::fresh_piva(18_009)?,
            "legal_representative_cf": xtask::pki::fresh_cf("PRBLEG", 18)?,
            "ateco": "25.62.00",
            "description": "Officina meccanica di precisione con reparto di collaudo e magazzino.",
            "offers": [offer()],
            "places": [{"address": "Via Roma 1", "cap": "00184", "comune": "058091"}],
            "contacts": {"email": "scuole@sonda.example", "pec": "sonda@pec.sonda.example"}
        }),
        serde_json::json!({
            "kind": "professionista", "name": "Studio tecnico della sonda",
            "codice_fiscale": xtask::pki::fresh_cf("PRBPRO", 18)?,
            "description": "Studio tecnico: rilievi, progetti e pratiche edilizie, con un tutor.",
            "offers": [offer()],
            "places": [{"address": "Corso Lario 4", "cap": "20121", "comune": "015146"}],
            "contacts": {"email": "studio@sonda.example", "pec": "studio@pec.sonda.example"}
        }),
    ]
    .into_iter()
    .enumerate()
    {
        let a = anon.post_json(
            "/api/v1/declarations",
            &serde_json::json!({
                "privacy_version": domain::profile::PRIVACY_NOTICE_VERSION,
                "privacy_accepted": true,
                "draft": draft,
            }),
        )?;
        let d = expect(&a, &[201], &format!("declaration {n}"))?;
        codes.extend(d["code"].as_str().map(str::to_owned));
    }
    ids.add("declarations", codes);
    ids.add(
        "provinces",
        ["RM", "MI", "BO", "TO", "NA"]
            .iter()
            .map(|s| (*s).to_owned()),
    );
    Ok((ids, family, office))
}

fn offer() -> serde_json::Value {
    serde_json::json!({
        "path": "pcto",
        "max_students": "2",
        "periods": [{"from": "2027-01-11", "to": "2027-03-26"}],
        "figures": ["6.2.3"],
        "activity": "Affiancamento al personale nelle attività quotidiane, con un tutor dedicato."
    })
}

/// The session cookie and CSRF token of a signed-in client.
fn session(c: &Client) -> Result<(String, String)> {
    let sid = c
        .cookie("__Host-ponte-sid")
        .ok_or("the probe's client has no session")?
        .to_owned();
    let csrf = c
        .csrf
        .clone()
        .ok_or("the probe's client has no CSRF token")?;
    Ok((sid, csrf))
}

/// `cargo xtask probe`: a fresh stack of its own (like `soak`), the probe school, the probe.
pub fn cli(_args: &[String]) -> Result {
    let tools = tools::ensure_build_tools()?;
    xtask::build::all(&tools)?;
    let dir = paths::target().join("probe");
    let state = dir.join("state");
    let _ = std::fs::remove_dir_all(&state);
    std::fs::create_dir_all(&state).map_err(|e| e.to_string())?;
    xtask::server::migrate(&state)?;
    xtask::server::execute_file(&state, &xtask::seed::write_sql(100)?)?;
    xtask::ipa::load_samples(&state)?;
    // The people the providers offer: the probe's two only (the demo schools are not needed).
    let identities = dir.join("identities.json");
    std::fs::write(&identities, "[]")
        .map_err(|e| format!("cannot write {}: {e}", identities.display()))?;
    let probe = prepare(&state, &identities)?;
    let running = stack::start(stack::Options {
        port: xtask::server::free_port()?,
        state,
        quiet: true,
        log_file: Some(dir.join("wrangler.log")),
        identities,
    })?;
    run_probe(&running.server.base_url, &probe)
}

/// The probe: set up, then anonymous, as the guardian and as the secretary.
pub fn run_probe(base: &str, probe: &Probe) -> Result {
    let started = std::time::Instant::now();
    let bin = tools::ensure_schemathesis()?;
    let (ids, family, office) = setup(base, probe)?;
    schemathesis(&bin, base, "anonymous", &config(&ids, None, base))?;
    let (sid, csrf) = session(&family)?;
    schemathesis(
        &bin,
        base,
        "guardian",
        &config(&ids, Some((&sid, &csrf)), base),
    )?;
    let (sid, csrf) = session(&office)?;
    schemathesis(
        &bin,
        base,
        "secretary",
        &config(&ids, Some((&sid, &csrf)), base),
    )?;
    eprintln!(
        "contract probe: no 5xx, every answer as documented ({:.0} s, {MAX_EXAMPLES} examples \
         per operation and phase, three passes)",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configuration_binds_only_dictionaries_it_has() {
        let mut ids = Ids::default();
        ids.add("pupils", ["12".to_owned(), "3".to_owned(), "12".to_owned()]);
        ids.add("declarations", ["ABCD-EFGH-JKMN".to_owned()]);
        ids.add("hosts", Vec::new());
        let c = config(&ids, Some(("s\"id", "tok")), "http://127.0.0.1:1");
        assert!(c.contains("[dictionaries.pupils]\nvalues = [12, 3]"), "{c}");
        assert!(c.contains("values = [\"ABCD-EFGH-JKMN\"]"), "{c}");
        assert!(c.contains("api_key = \"s\\\"id\""), "{c}");
        assert!(c.contains("dictionary = \"pupils\""), "{c}");
        assert!(!c.contains("dictionary = \"hosts\""), "{c}");
    }
}
