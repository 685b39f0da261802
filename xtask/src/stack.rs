//! Ponte with everything it talks to, as `dev` and the tests run it: the two local identity
//! providers (a SPID-like broker signing RS256 with the codice fiscale in `fiscal_number`, and a
//! CIE-like gateway signing ES256 with it in `sub`), the local registry of record (Registro
//! delle imprese and INI-PEC, [`crate::registry`]) and the worker under `wrangler dev`,
//! configured to trust them, with one demo person as Ponte operator.

use crate::client::Client;
use crate::oidc::{Provider, ProviderConfig};
use crate::registry::Registry;
use crate::server::{self, Server};
use crate::{paths, school, Result};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The running stack; dropping it stops the worker, then the providers.
pub struct Stack {
    pub server: Server,
    pub spid: Provider,
    pub cie: Provider,
    pub registry: Registry,
    /// The test PKI's CRLs over HTTP (the qualified-signature check fetches them).
    pub crl: crate::crl::CrlServer,
}

/// The label of the demo person who is a Ponte operator (reviews declarations at `/operatore`).
pub const OPERATOR_LABEL: &str = "Operatore di Ponte";

pub struct Options {
    pub port: u16,
    pub state: PathBuf,
    pub quiet: bool,
    pub log_file: Option<PathBuf>,
    /// The demo identities the providers offer (`identities.json` of the demo schools).
    pub identities: PathBuf,
}

/// A fresh client secret for this run, shared by the providers and the worker.
fn secret() -> Result<String> {
    let mut bytes = [0u8; 24];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| format!("no randomness: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

pub fn start(o: Options) -> Result<Stack> {
    let base = format!("http://127.0.0.1:{}", o.port);
    let secret = secret()?;
    let registry_secret = self::secret()?;
    let operator = add_operator(&o.identities)?;
    let provider = |name: &'static str, title: &str, alg, claim| ProviderConfig {
        name,
        title: title.to_owned(),
        identities: o.identities.clone(),
        client_id: "ponte".to_owned(),
        client_secret: secret.clone(),
        redirect_uris: vec![format!("{base}/accedi/{name}/ritorno")],
        alg,
        claim,
    };
    let spid = Provider::start(&provider(
        "spid",
        "SPID — fornitore di identità di prova",
        "RS256",
        "fiscal_number",
    ))?;
    let cie = Provider::start(&provider(
        "cie",
        "CIE — servizio di identità di prova",
        "ES256",
        "sub",
    ))?;
    let mut vars = Vec::new();
    for (id, p, claim) in [("SPID", &spid, "fiscal_number"), ("CIE", &cie, "sub")] {
        vars.push((format!("OIDC_{id}_ISSUER"), p.issuer.clone()));
        vars.push((format!("OIDC_{id}_CLIENT_ID"), "ponte".to_owned()));
        vars.push((format!("OIDC_{id}_CLIENT_SECRET"), secret.clone()));
        vars.push((format!("OIDC_{id}_CLAIM"), claim.to_owned()));
    }
    // The demo register is school year 2025/26: the worker applies the rules on a day inside it
    // (honoured because `server::start` marks the worker as a development one).
    vars.push((
        domain::clock::TODAY_OVERRIDE.to_owned(),
        school::DEMO_TODAY.to_owned(),
    ));
    // The PEC providers the worker trusts: the test provider's CA, made with openssl.
    let pki = crate::pki::Pki::ensure(&demo_dir().join("pki"))?;
    vars.push(("PEC_PROVIDERS".to_owned(), pki.providers_pem()?));
    // Qualified signatures: the test trusted list (signed by the test "AgID", checked like the
    // real one) into the local D1, and the qualified CA's CRL served where its certificates
    // say.
    crate::tsl::load_test_tsl(&o.state, &pki)?;
    let crl = crate::crl::CrlServer::start(pki.crl_dir(), pki.crl_port)?;
    // Every request comes from 127.0.0.1 here: per-client rate limits ×100 (per-body and
    // per-code limits stay as in production).
    vars.push(("PONTE_RELAXED_CLIENT_LIMITS".to_owned(), "1".to_owned()));
    vars.push(("PONTE_PUBLIC_URL".to_owned(), base.clone()));
    // The registries of record, and who reviews what they do not confirm.
    let registry = Registry::start(&registry_secret)?;
    vars.push(("PONTE_REGISTRY_URL".to_owned(), registry.url.clone()));
    vars.push(("PONTE_REGISTRY_SECRET".to_owned(), registry.secret.clone()));
    vars.push(("PONTE_OPERATORS".to_owned(), operator));
    // The data controller the privacy page names: an example operator here; each deployment
    // sets its own (README, "Deploying"; domain::controller).
    for (k, v) in DEMO_CONTROLLER {
        vars.push(((*k).to_owned(), (*v).to_owned()));
    }
    let server = server::start(server::Options {
        port: o.port,
        state: o.state,
        quiet: o.quiet,
        log_file: o.log_file,
        vars,
        config: None,
    })?;
    Ok(Stack {
        server,
        spid,
        cie,
        registry,
        crl,
    })
}

/// Adds the Ponte operator to the demo people the providers offer (once) and returns their
/// codice fiscale: a person of no school, so the role comes only from `PONTE_OPERATORS`.
fn add_operator(identities: &Path) -> Result<String> {
    let cf = crate::pki::fresh_cf("PNTOPR", 1)?;
    let text = std::fs::read_to_string(identities)
        .map_err(|e| format!("cannot read {}: {e}", identities.display()))?;
    let mut people: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", identities.display()))?;
    if !people.iter().any(|p| p["cf"] == cf.as_str()) {
        people.push(serde_json::json!({
            "cf": cf,
            "given_name": "Ottavia",
            "family_name": "Operatrice",
            "label": OPERATOR_LABEL,
        }));
        let text = serde_json::to_string_pretty(&people).map_err(|e| e.to_string())?;
        std::fs::write(identities, text)
            .map_err(|e| format!("cannot write {}: {e}", identities.display()))?;
    }
    Ok(cf)
}

/// The example operator of a development stack, as the privacy page shows it.
pub const DEMO_CONTROLLER: &[(&str, &str)] = &[
    (domain::controller::NAME, "Rete di scuole Ponte (esempio)"),
    (
        domain::controller::ADDRESS,
        "Via dell'Esempio 1, 00184 Roma",
    ),
    (domain::controller::EMAIL, "privacy@ponte.example"),
    (domain::controller::PEC, "ponte@pec.ponte.example"),
    (domain::controller::DPO_EMAIL, "rpd@ponte.example"),
];

/// Where the demo schools' files are written.
pub fn demo_dir() -> PathBuf {
    paths::target().join("demo")
}

/// SQL registering the demo schools with their first secretary, who can then import the
/// school's files (idempotent; the `personale` file then rules who is staff). This is what
/// registering a school means: its code, name, comune, policy, the office's contacts (shown to
/// people the school has not registered), and one person of its office.
pub fn schools_sql(demo: &school::Demo) -> Result<String> {
    let q = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let mut sql = String::new();
    for s in &demo.schools {
        let sec = secretary_of(s)?;
        sql.push_str(&format!(
            "INSERT INTO schools (code, name, comune, policy, office_email, office_phone) \
             VALUES ({}, {}, {}, {}, {}, {}) \
             ON CONFLICT(code) DO UPDATE SET name = excluded.name, comune = excluded.comune, \
             policy = excluded.policy, office_email = excluded.office_email, \
             office_phone = excluded.office_phone;\n\
             INSERT INTO staff (school_id, codice_fiscale, role, surname, name, classes) \
             SELECT id, {}, 'segreteria', {}, {}, '' FROM schools WHERE code = {} \
             ON CONFLICT DO NOTHING;\n",
            q(&s.code),
            q(&s.name),
            q(&s.comune),
            q(&serde_json::to_string(&s.policy).map_err(|e| e.to_string())?),
            q(&s.office_email),
            q(&s.office_phone),
            q(&sec.codice_fiscale),
            q(&sec.surname),
            q(&sec.name),
            q(&s.code),
        ));
    }
    Ok(sql)
}

/// Write the demo schools' files and register the schools in the local D1 of `state`.
pub fn prepare_demo(state: &Path, pupils: usize) -> Result<school::Demo> {
    prepare_demo_with(state, pupils, 0)
}

/// [`prepare_demo`] with `extra_schools` more schools like the large one (the bench's N).
pub fn prepare_demo_with(
    state: &Path,
    pupils: usize,
    extra_schools: usize,
) -> Result<school::Demo> {
    // The bench's copies go to a folder of their own, away from the one the tests read.
    let out = if extra_schools == 0 {
        demo_dir()
    } else {
        paths::target().join("bench").join("demo")
    };
    let demo = school::write_demo(
        &out,
        &school::DemoOptions {
            pupils,
            extra_schools,
            ..Default::default()
        },
    )?;
    let sql = out.join("schools.sql");
    std::fs::write(&sql, schools_sql(&demo)?)
        .map_err(|e| format!("cannot write {}: {e}", sql.display()))?;
    server::execute_file(state, &sql)?;
    // The ARS calendars (seed 000): Veneto's, and the demo school's region's example.
    crate::ars::load_demo(state)?;
    Ok(demo)
}

/// The order a school's files go in the first time (each refers to the ones before).
pub fn import_order() -> impl Iterator<Item = &'static str> {
    domain::import::ImportKind::ALL.iter().map(|k| k.as_str())
}

/// Chunks of at most this many bytes are sent (docs/imports.md: 512 KB).
pub const PART_BYTES: usize = 512 * 1024;

/// Outcome of one file's import through the API.
#[derive(Debug)]
pub struct Imported {
    pub kind: String,
    pub rows: u64,
    pub parts: usize,
    pub answer: serde_json::Value,
}

/// Import one file through the API as the signed-in `client` does in the browser: create the
/// import, send the parts, commit. Returns the commit's answer (the import, or the error with
/// every bad row).
pub fn import_file(
    client: &mut Client,
    school_id: i64,
    kind: &str,
    file: &Path,
) -> Result<Imported> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("file.csv");
    import_bytes(client, school_id, kind, name, &bytes)
}

pub fn import_bytes(
    client: &mut Client,
    school_id: i64,
    kind: &str,
    name: &str,
    bytes: &[u8],
) -> Result<Imported> {
    let created = client.post_json(
        &format!("/api/v1/schools/{school_id}/imports"),
        &serde_json::json!({"kind": kind, "file_name": name, "file_bytes": bytes.len()}),
    )?;
    if created.status != 201 {
        return Ok(Imported {
            kind: kind.to_owned(),
            rows: 0,
            parts: 0,
            answer: created.json()?,
        });
    }
    let id = created.json()?["id"]
        .as_i64()
        .ok_or("the new import has no id")?;
    let chunks = domain::import::split_chunks(bytes, PART_BYTES);
    for c in &chunks {
        let a = client.request(
            "POST",
            &format!("/api/v1/imports/{id}/parts?first_line={}", c.first_line),
            Some(("text/csv", &c.bytes)),
            &[],
        )?;
        if a.status != 200 {
            return Err(format!("part of {name} refused: {} {}", a.status, a.body));
        }
    }
    let done = client.request("POST", &format!("/api/v1/imports/{id}/commit"), None, &[])?;
    let answer = done.json()?;
    Ok(Imported {
        kind: kind.to_owned(),
        rows: answer["rows"].as_u64().unwrap_or(0),
        parts: chunks.len(),
        answer,
    })
}

/// A person of a school's office.
pub struct Secretary {
    pub codice_fiscale: String,
    pub surname: String,
    pub name: String,
}

/// The codice fiscale of the first demo person whose label starts with `prefix`, from the
/// demo's `identities.json`.
pub fn person_cf(identities: &Path, prefix: &str) -> Result<String> {
    let text = std::fs::read_to_string(identities)
        .map_err(|e| format!("cannot read {}: {e}", identities.display()))?;
    let people: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", identities.display()))?;
    people
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|p| p["label"].as_str().is_some_and(|l| l.starts_with(prefix)))
        })
        .and_then(|p| p["cf"].as_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("no demo person «{prefix}…»"))
}

/// The first secretary in a demo school's `personale` file.
pub fn secretary_of(s: &school::DemoSchool) -> Result<Secretary> {
    use domain::import::{parse_file, ImportContext, StaffRole, StaffRow};
    let file = s.dir.join("personale.csv");
    let bytes = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    parse_file::<StaffRow>(&bytes, &ImportContext::format_only())
        .rows
        .into_iter()
        .find(|(_, r)| r.role == StaffRole::Segreteria)
        .map(|(_, r)| Secretary {
            codice_fiscale: r.codice_fiscale.as_str().to_owned(),
            surname: r.surname.as_str().to_owned(),
            name: r.name.as_str().to_owned(),
        })
        .ok_or_else(|| format!("no secretary in {}", file.display()))
}

/// Sign in as a demo school's first secretary: the client and the school's id.
pub fn sign_in_secretary(base: &str, s: &school::DemoSchool) -> Result<(Client, i64)> {
    let secretary = secretary_of(s)?.codice_fiscale;
    let mut client = Client::new(base);
    client.sign_in("cie", &secretary)?;
    let me = client.refresh_csrf()?;
    let school_id = me["staff"]
        .as_array()
        .and_then(|a| a.iter().find_map(|g| g["school_id"].as_i64()))
        .ok_or_else(|| format!("{secretary} is not staff of {}", s.code))?;
    Ok((client, school_id))
}

/// Sign in as each demo school's secretary and import its six files, in order. Prints what
/// happened; fails on any rejected file.
pub fn import_demo(base: &str, demo: &school::Demo) -> Result {
    for s in &demo.schools {
        let started = Instant::now();
        let (mut client, school_id) = sign_in_secretary(base, s)?;
        for kind in import_order() {
            let file = s.dir.join(format!("{kind}.csv"));
            let r = import_file(&mut client, school_id, kind, &file)?;
            if r.answer["status"] != "live" {
                return Err(format!(
                    "demo import of {} rejected: {}",
                    file.display(),
                    r.answer
                ));
            }
        }
        eprintln!(
            "demo school {} ({}) imported in {:.1} s",
            s.name,
            s.code,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
