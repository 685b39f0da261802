//! End-to-end: host organisations publish their profile through the register's workflow (seed
//! 002, issue 7) against the real worker under `wrangler dev` with D1 — iPA pre-fill, preview,
//! declaration code, PEC transport envelopes signed by the test PEC provider (made with openssl)
//! and delivered to the worker's e-mail handler, CAdES `.p7m` files signed with `openssl cms`,
//! publication, the notice written as a local `.eml`, the search. And every way it must fail:
//! wrong sender, wrong or reused or expired code, plain e-mail, forged envelopes, someone
//! else's signature, a file that is not the document — each refused with nothing published.
//! And who may publish (issue 18): the proof checked against the registry of record (the local
//! registry `cargo xtask test` starts), what it does not confirm reviewed by an operator, live
//! profiles updated only by their owner, pending declarations superseded by newer ones.

use e2e::people::{assert_error, json_of, send};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use xtask::client::{Answer, Client};
use xtask::pki::{self, Pki, Provider, SignerKind};
use xtask::registry::RegistryClient;

const VERIFY_TO: &str = "verifica@pec.ponte.example";

fn base() -> String {
    std::env::var("PONTE_BASE_URL")
        .expect("PONTE_BASE_URL is not set: run the end-to-end tests with `cargo xtask test`")
}

/// Every answer of the API is checked against the OpenAPI document, whichever helper sent it.
fn client() -> Client {
    Client::observed(&base(), e2e::contract::check_answer)
}

fn the_pki() -> &'static Pki {
    static PKI: OnceLock<Pki> = OnceLock::new();
    PKI.get_or_init(|| {
        let dir =
            PathBuf::from(std::env::var("PONTE_DEMO_DIR").expect("PONTE_DEMO_DIR")).join("pki");
        Pki::ensure(&dir).expect("the test PKI (openssl)")
    })
}

/// A number unique to this run and call, so reruns against one database never collide.
fn nonce() -> u64 {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0);
    t.wrapping_add(N.fetch_add(7919, std::sync::atomic::Ordering::Relaxed))
}

/// The local registry of record's test endpoints.
fn registry() -> &'static RegistryClient {
    static R: OnceLock<RegistryClient> = OnceLock::new();
    R.get_or_init(|| RegistryClient::from_env().expect("the local registry (cargo xtask test)"))
}

fn fresh_cf(prefix: &str, n: u64) -> String {
    pki::fresh_cf(prefix, n).expect("a codice fiscale")
}

fn fresh_piva(n: u64) -> String {
    pki::fresh_piva(n).expect("a partita IVA")
}

fn offer(path: &str, figure: &str, students: &str) -> Value {
    json!({
        "path": path,
        "max_students": students,
        "periods": [{"from": "2027-01-11", "to": "2027-03-26"}],
        "figures": [figure],
        "activity": "Affiancamento al personale nelle attività quotidiane, con un tutor dedicato."
    })
}

fn draft_public_body(ipa: &str, cf: &str, name: &str) -> Value {
    json!({
        "kind": "ente_pubblico",
        "name": name,
        "ipa_code": ipa,
        "codice_fiscale": cf,
        "description": "Uffici tecnici e biblioteca: gli studenti lavorano accanto ai funzionari.",
        "offers": [offer("pcto", "3.3.1.1.2", "2")],
        "places": [{"address": "Via dei Fori 12", "cap": "00184", "comune": "058091"}],
        "contacts": {"person_role": "Ufficio personale", "email": "urp@ente.example", "pec": "digitata@pec.altro.example"}
    })
}

fn draft_professional(cf: &str, pec: &str, description: &str) -> Value {
    json!({
        "kind": "professionista",
        "name": format!("Studio tecnico {}", &cf[..6]),
        "codice_fiscale": cf,
        "description": description,
        "offers": [offer("pcto", "2.5.1.2", "1")],
        "places": [{"address": "Corso Lario 4", "cap": "20121", "comune": "015146"}],
        "contacts": {"email": "studio@esempio.example", "pec": pec}
    })
}

fn draft_company(piva: &str, rep: &str, name: &str, pec: &str) -> Value {
    json!({
        "kind": "impresa",
        "name": name,
        "partita_iva": piva,
        "legal_representative_cf": rep,
        "ateco": "25.62.00",
        "description": "Officina meccanica di precisione con reparto di collaudo e magazzino.",
        "offers": [offer("pcto", "6.2.3", "3"), offer("apprendistato", "6.2.3", "1")],
        "places": [{"address": "Via Roma 1", "cap": "00184", "comune": "058091"}],
        "contacts": {"email": "scuole@officina.example", "pec": pec}
    })
}

fn submission(draft: &Value) -> Value {
    json!({
        "privacy_version": domain::profile::PRIVACY_NOTICE_VERSION,
        "privacy_accepted": true,
        "draft": draft
    })
}

fn submit(c: &mut Client, draft: &Value) -> Answer {
    c.post_json("/api/v1/declarations", &submission(draft))
        .expect("POST /api/v1/declarations")
}

fn submitted(c: &mut Client, draft: &Value) -> Value {
    let a = submit(c, draft);
    assert_eq!(a.status, 201, "{}", a.body);
    json_of(&a)
}

fn status_of(c: &mut Client, code: &str) -> Value {
    json_of(&send(
        c,
        "GET",
        &format!("/api/v1/declarations/{code}"),
        None,
    ))
}

/// Delivers a raw message to the worker's e-mail handler (wrangler dev's local endpoint):
/// `true` when accepted, `false` when the handler rejected it. The SMTP sender is the
/// message's `From` address, as for a real PEC (the provider's `posta-certificata@…`).
fn deliver(claimed: &str, raw: &[u8]) -> bool {
    deliver_at(claimed, raw, None)
}

/// [`deliver`], with the worker's development clock set to `now` (Unix seconds) by an
/// `X-Ponte-Dev-Now` header put on top of the message — outside the part the PEC provider
/// signed, so the proof is unchanged.
fn deliver_at(claimed: &str, raw: &[u8], now: Option<i64>) -> bool {
    let mut stamped = Vec::new();
    if let Some(t) = now {
        stamped.extend_from_slice(
            format!("{}: {t}\r\n", domain::clock::NOW_OVERRIDE_HEADER).as_bytes(),
        );
    }
    stamped.extend_from_slice(raw);
    let raw = stamped.as_slice();
    let text = String::from_utf8_lossy(raw);
    let from_header = text
        .lines()
        .take_while(|l| !l.is_empty())
        .find_map(|l| l.strip_prefix("From: "))
        .and_then(domain::mail::addr_spec);
    let from = from_header.as_deref().unwrap_or(claimed);
    let mut c = client();
    let path = format!(
        "/cdn-cgi/handler/email?from={}&to={}",
        enc(from),
        enc(VERIFY_TO)
    );
    let a = c
        .request("POST", &path, Some(("message/rfc822", raw)), &[])
        .expect("POST to the local e-mail endpoint");
    match a.status {
        200..=299 => true,
        400..=499 => false,
        s => panic!("the e-mail endpoint answered {s}: {}", a.body),
    }
}

fn enc(s: &str) -> String {
    s.replace('@', "%40").replace('+', "%2B")
}

fn pec(provider: Provider, sender: &str, subject: &str) -> Vec<u8> {
    pki::pec_envelope(the_pki(), provider, sender, VERIFY_TO, subject).expect("a PEC envelope")
}

/// A plain message that only claims to be a PEC (the right headers, no envelope signature).
fn plain_mail(sender: &str, subject: &str) -> Vec<u8> {
    format!(
        "From: {sender}\r\nTo: {VERIFY_TO}\r\nSubject: {subject}\r\nMessage-ID: <{}@plain.example>\r\n\
         Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nX-Trasporto: posta-certificata\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\nConferma.\r\n",
        nonce()
    )
    .into_bytes()
}

fn host(c: &mut Client, id: i64) -> Answer {
    send(c, "GET", &format!("/api/v1/hosts/{id}"), None)
}

fn search(c: &mut Client, query: &str) -> Value {
    json_of(&send(c, "GET", &format!("/api/v1/hosts?{query}"), None))
}

fn search_ids(c: &mut Client, query: &str) -> Vec<i64> {
    search(c, query)["items"]
        .as_array()
        .map(|a| a.iter().filter_map(|i| i["id"].as_i64()).collect())
        .unwrap_or_default()
}

/// The `.eml` files wrangler wrote for the `MAIL` binding (`<temp>/miniflare-*/files/email/`).
fn sent_mail_containing(needle: &str) -> Option<String> {
    sent_mails_containing(needle).into_iter().next()
}

/// Every message the worker wrote locally that contains `needle`.
fn sent_mails_containing(needle: &str) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() && depth < 6 {
                walk(&p, out, depth + 1);
            } else if p.extension().is_some_and(|x| x == "eml") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    let tmp = std::env::temp_dir();
    if let Ok(entries) = std::fs::read_dir(&tmp) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with("miniflare-") {
                walk(&e.path(), &mut files, 0);
            }
        }
    }
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .filter(|text| text.contains(needle))
        .collect()
}

/// Waits a little for the notice: the worker sends it after answering.
fn notice_for(needle: &str) -> String {
    for _ in 0..50 {
        if let Some(m) = sent_mail_containing(needle) {
            return m;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("no publication notice (.eml) contains {needle:?}");
}

/// The Unix seconds now, on this machine's clock (the worker's, on loopback).
fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The Unix seconds of an `expires_at` the API answered (RFC 3339).
fn unix(rfc3339: &Value) -> i64 {
    let s = rfc3339.as_str().expect("a timestamp string");
    chrono::DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s:?}: {e}"))
        .timestamp()
}

/// `GET /api/v1/declarations/{code}` with the worker's development clock at `now`: the
/// `X-Ponte-Dev-Now` header, which the worker honours only under `PONTE_DEV=1` (set for every
/// `wrangler dev` that `cargo xtask` starts; docs/design.md §6). The time moves for this request
/// only, so no other test sees it.
fn status_at(c: &mut Client, code: &str, now: i64) -> Value {
    let now = now.to_string();
    let a = c
        .request(
            "GET",
            &format!("/api/v1/declarations/{code}"),
            None,
            &[(domain::clock::NOW_OVERRIDE_HEADER, &now)],
        )
        .expect("GET the declaration's status");
    assert_eq!(a.status, 200, "{}", a.body);
    json_of(&a)
}

// ------------------------------------------------------------------------------------------

#[test]
fn ipa_prefill_and_cp2011_search() {
    let mut c = client();
    let a = send(&mut c, "GET", "/api/v1/ipa/uc_valdol", None);
    assert_eq!(a.status, 200, "{}", a.body);
    let e = json_of(&a);
    assert_eq!(e["name"], "Unione dei Comuni Valdolmo");
    assert_eq!(e["codice_fiscale"], "80000123457");
    assert_eq!(e["pec"], "protocollo@pec.valdolmo.example");
    assert_eq!(e["comune"], "058091");
    assert_eq!(e["comune_name"], "Roma");
    assert_eq!(e["province"], "RM");
    assert_eq!(e["website"], "www.valdolmo.example");
    // Case does not matter; an unknown code is a 404 naming the field; a malformed one a 400.
    assert_eq!(
        send(&mut c, "GET", "/api/v1/ipa/UC_VALDOL", None).status,
        200
    );
    // The Codice Univoco Ufficio of one of its offices finds the body too.
    let a = json_of(&send(&mut c, "GET", "/api/v1/ipa/UFV8TC", None));
    assert_eq!(a["ipa_code"], "uc_valdol", "{a}");
    let a = send(&mut c, "GET", "/api/v1/ipa/zz_nessuno", None);
    assert_error(&a, 404, "not_found", "unknown iPA code");
    assert_eq!(json_of(&a)["error"]["field"], "ipa_code");
    assert_error(
        &send(&mut c, "GET", "/api/v1/ipa/c%20h501!", None),
        400,
        "invalid_field",
        "bad iPA code",
    );

    let a = send(&mut c, "GET", "/api/v1/cp2011?q=bibliotec", None);
    assert_eq!(a.status, 200, "{}", a.body);
    let items = json_of(&a)["items"].as_array().cloned().unwrap_or_default();
    assert!(
        items.iter().any(|i| i["code"] == "3.3.1.1.2"),
        "prefix search finds «Assistenti di archivio e di biblioteca»: {items:?}"
    );
    assert!(items
        .iter()
        .all(|i| e2e::fold(i["title"].as_str().unwrap_or("")).contains("bibliotec")));
    // The wizard's own hint, «meccanico», finds the figures in the plural («Tecnici
    // meccanici», «Ingegneri meccanici»); «contabile» finds «Contabili».
    for (q, code) in [
        ("meccanico", "3.1.3.1"),
        ("meccanico", "2.2.1.1.1"),
        ("contabile", "3.3.1.2.1"),
    ] {
        let a = json_of(&send(&mut c, "GET", &format!("/api/v1/cp2011?q={q}"), None));
        let items = a["items"].as_array().cloned().unwrap_or_default();
        assert!(
            items.iter().any(|i| i["code"] == code),
            "{q} finds {code}: {a}"
        );
    }
    // Accents and case do not matter.
    let a = json_of(&send(
        &mut c,
        "GET",
        "/api/v1/cp2011?q=ATTIVITA%20produttive",
        None,
    ));
    assert!(a["items"].as_array().is_some_and(|i| !i.is_empty()), "{a}");
    assert_error(
        &send(&mut c, "GET", "/api/v1/cp2011", None),
        400,
        "invalid_field",
        "no q",
    );
    assert_error(
        &send(&mut c, "GET", "/api/v1/cp2011?q=x&y=1", None),
        400,
        "unknown_parameter",
        "unknown parameter",
    );
}

#[test]
fn bad_submissions_are_refused_and_store_nothing() {
    let mut c = client();
    let cf = fresh_cf("TSTBAD", nonce());
    let good = draft_professional(
        &cf,
        "bad@pec.esempio.example",
        "Studio di progettazione impianti.",
    );
    // Without accepting the privacy notice, or with an old version of it.
    let mut s = submission(&good);
    s["privacy_accepted"] = json!(false);
    let a = c.post_json("/api/v1/declarations", &s).unwrap();
    assert_error(&a, 400, "invalid_field", "privacy not accepted");
    assert_eq!(json_of(&a)["error"]["field"], "privacy_accepted");
    let mut s = submission(&good);
    s["privacy_version"] = json!("2020-01-01");
    let a = c.post_json("/api/v1/declarations", &s).unwrap();
    assert_eq!(
        json_of(&a)["error"]["field"],
        "privacy_version",
        "{}",
        a.body
    );
    // Every error of a bad draft at once, with its field.
    let mut bad = good.clone();
    bad["codice_fiscale"] = json!("RSSMRA80A01H501X");
    bad["offers"][0]["max_students"] = json!("0");
    bad["contacts"]["email"] = json!("non-una-mail");
    let a = submit(&mut c, &bad);
    assert_error(&a, 400, "invalid_field", "bad draft");
    let fields: Vec<String> = json_of(&a)["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap_or("").to_owned())
        .collect();
    for f in ["codice_fiscale", "offers[0].max_students", "contacts.email"] {
        assert!(fields.iter().any(|x| x == f), "{f} in {fields:?}");
    }
    // A code the reference data does not know.
    let mut bad = good.clone();
    bad["places"][0]["comune"] = json!("999999");
    let a = submit(&mut c, &bad);
    assert_error(&a, 400, "unknown_code", "unknown comune");
    assert_eq!(json_of(&a)["error"]["field"], "places[0].comune");
    // Not JSON, unknown fields.
    let a = c
        .request(
            "POST",
            "/api/v1/declarations",
            Some(("application/json", b"{\"draft\":")),
            &[],
        )
        .unwrap();
    assert_error(&a, 400, "invalid_field", "not JSON");
    let mut s = submission(&good);
    s["extra"] = json!(1);
    assert_eq!(c.post_json("/api/v1/declarations", &s).unwrap().status, 400);
    // A public body whose iPA record has no PEC cannot prove itself.
    let a = submit(
        &mut c,
        &draft_public_body("mu_serra", "80000789018", "Museo Civico di Serralta"),
    );
    assert_error(&a, 400, "invalid_field", "no PEC in iPA");
    assert_eq!(json_of(&a)["error"]["field"], "ipa_code");
    // A public body typing another body's codice fiscale.
    let a = submit(
        &mut c,
        &draft_public_body("uc_valdol", "80000234569", "Unione dei Comuni Valdolmo"),
    );
    assert_eq!(
        json_of(&a)["error"]["field"],
        "codice_fiscale",
        "{}",
        a.body
    );
    // None of it left a declaration: the good one is accepted now. A second one supersedes it
    // while its proof has not arrived: a pending code locks nobody out.
    let first = submitted(&mut c, &good);
    assert_eq!(first["method"], "pec");
    let second = submitted(&mut c, &good);
    assert_ne!(second["code"], first["code"]);
    let old = first["code"].as_str().unwrap();
    assert_eq!(status_of(&mut c, old)["status"], "superseded");
    assert_eq!(
        status_of(&mut c, second["code"].as_str().unwrap())["status"],
        "pending"
    );
}

fn preview(c: &mut Client, draft: &Value) -> Answer {
    let body = draft.to_string();
    c.request(
        "POST",
        "/enti/pubblica/anteprima",
        Some(("application/json", body.as_bytes())),
        &[],
    )
    .expect("POST /enti/pubblica/anteprima")
}

#[test]
fn preview_renders_the_public_article_or_every_error() {
    let mut c = client();
    let d = draft_public_body("uc_valdol", "80000123457", "Unione dei Comuni Valdolmo");
    let a = preview(&mut c, &d);
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(
        a.content_type.starts_with("text/html"),
        "{}",
        a.content_type
    );
    assert!(a.body.contains("Unione dei Comuni Valdolmo"));
    assert!(
        a.body.contains("Assistenti di archivio e di biblioteca"),
        "CP title resolved"
    );
    assert!(a.body.contains("Roma"), "comune name resolved");
    assert!(!a.body.contains("<html"), "a fragment, not a page");
    // It says it is a preview, never "published on" (issue 23 point 9).
    assert!(
        a.body
            .contains("Anteprima: il profilo non è ancora pubblicato."),
        "the preview says so"
    );
    assert!(!a.body.contains("Profilo pubblicato il"), "{}", a.body);
    let mut bad = d.clone();
    bad["name"] = json!("");
    let a = preview(&mut c, &bad);
    assert_error(&a, 400, "invalid_field", "preview of a bad draft");
}

#[test]
fn a_public_body_publishes_by_pec_from_its_ipa_address() {
    let mut c = client();
    let name = "Unione dei Comuni Valdolmo";
    let first = submitted(&mut c, &draft_public_body("uc_valdol", "80000123457", name));
    // The same body through the Codice Univoco Ufficio of one of its offices: the same body,
    // whose newer declaration supersedes the first.
    let d = submitted(&mut c, &draft_public_body("UFV8TC", "80000123457", name));
    let superseded = first["code"].as_str().unwrap().to_owned();
    assert_eq!(status_of(&mut c, &superseded)["status"], "superseded");
    let code = d["code"].as_str().unwrap().to_owned();
    assert_eq!(d["method"], "pec");
    // The address of record is iPA's, not the one typed in the form.
    let pec_of_record = "protocollo@pec.valdolmo.example";
    assert_eq!(d["pec_of_record"], pec_of_record);
    assert_eq!(d["pec_declared"], false);
    assert_eq!(d["verification_address"], VERIFY_TO);
    assert_eq!(status_of(&mut c, &code)["status"], "pending");
    let subject = format!("Conferma pubblicazione profilo {code}");

    // Each of these is refused and publishes nothing.
    let refused: Vec<(&str, Vec<u8>)> = vec![
        (
            "plain e-mail claiming the address",
            plain_mail(pec_of_record, &subject),
        ),
        (
            "envelope without signature",
            pki::pec_envelope_unsigned(pec_of_record, VERIFY_TO, &subject).unwrap(),
        ),
        (
            "envelope signed by an unknown provider",
            pec(Provider::Foreign, pec_of_record, &subject),
        ),
        (
            "envelope signed under a forged CA",
            pec(Provider::Forged, pec_of_record, &subject),
        ),
        (
            "envelope signed with an expired certificate",
            pec(Provider::Expired, pec_of_record, &subject),
        ),
        (
            "right envelope, wrong sender",
            pec(Provider::Trusted, "altro@pec.altro.example", &subject),
        ),
        (
            "right envelope and sender, wrong code",
            pec(Provider::Trusted, pec_of_record, "Conferma 2345-6789-ABCD"),
        ),
        (
            "right envelope and sender, no code",
            pec(Provider::Trusted, pec_of_record, "Conferma"),
        ),
        (
            "right envelope and sender, the superseded code",
            pec(
                Provider::Trusted,
                pec_of_record,
                &format!("Conferma {superseded}"),
            ),
        ),
    ];
    for (what, raw) in &refused {
        assert!(!deliver(pec_of_record, raw), "{what} must be rejected");
        assert_eq!(status_of(&mut c, &code)["status"], "pending", "{what}");
    }
    assert!(search_ids(&mut c, "q=Valdolmo&kind=ente_pubblico").is_empty());

    // The real thing.
    assert!(deliver(
        pec_of_record,
        &pec(Provider::Trusted, pec_of_record, &subject)
    ));
    let s = status_of(&mut c, &code);
    assert_eq!(s["status"], "published", "{s}");
    let id = s["host_id"].as_i64().expect("host id");
    assert!(id >= 1_000_000_000, "register ids start at 1e9: {id}");
    let h = json_of(&host(&mut c, id));
    assert_eq!(h["name"], name);
    assert_eq!(h["kind"], "ente_pubblico");
    assert_eq!(h["figures"], json!(["3.3.1.1.2"]));
    // At once in the search, by text and by every filter it has.
    for q in [
        "q=valdolmo".to_owned(),
        "q=bibliotec&kind=ente_pubblico".to_owned(),
        "comune=058091&path=pcto&figure=3.3.1".to_owned(),
        "region=12&province=RM&period=2027-02&min_places=2".to_owned(),
    ] {
        let all: Vec<i64> = (1..=50)
            .map_while(|p| {
                let ids = search_ids(&mut c, &format!("{q}&per_page=100&page={p}"));
                (!ids.is_empty()).then_some(ids)
            })
            .flatten()
            .collect();
        assert!(all.contains(&id), "{q} finds the new profile");
    }
    // The notice went to the address of record.
    // (The code is unique; host ids restart with every fresh database, old notices stay.)
    let m = notice_for(&code);
    assert!(m.contains(&format!("To: {pec_of_record}")), "{m}");
    assert!(m.contains(&format!("/enti/{id}")), "{m}");
    // The code is single-use.
    assert!(!deliver(
        pec_of_record,
        &pec(Provider::Trusted, pec_of_record, &subject)
    ));
    assert_eq!(status_of(&mut c, &code)["status"], "published");
}

#[test]
fn a_professional_publishes_and_updates_while_the_old_profile_stays_online() {
    let mut c = client();
    let n = nonce();
    let cf = fresh_cf("TSTPRO", n);
    let pec_addr = format!("studio{n}@pec.esempio.example");
    // INI-PEC lists the professional's address, in another case than the one typed.
    registry()
        .set_ini_pec(&cf, Some(&pec_addr.to_uppercase()))
        .unwrap();
    let d = submitted(
        &mut c,
        &draft_professional(
            &cf,
            "digitata@pec.altro.example",
            "Prima versione del profilo.",
        ),
    );
    assert_eq!(d["pec_declared"], false);
    assert_eq!(
        d["pec_of_record"],
        pec_addr.as_str(),
        "INI-PEC's, not the typed one"
    );
    assert_eq!(d["update"], false);
    let code = d["code"].as_str().unwrap().to_owned();
    assert!(deliver(
        &pec_addr,
        &pec(Provider::Trusted, &pec_addr, &format!("Codice {code}"))
    ));
    let id = status_of(&mut c, &code)["host_id"]
        .as_i64()
        .expect("published");

    // An update: a new declaration; the old profile stays online until it is proved.
    let d2 = submitted(
        &mut c,
        &draft_professional(&cf, &pec_addr, "Seconda versione del profilo."),
    );
    assert_eq!(d2["update"], true);
    let code2 = d2["code"].as_str().unwrap().to_owned();
    let h = json_of(&host(&mut c, id));
    assert_eq!(h["description"], "Prima versione del profilo.");
    // Changed again before the proof arrived: the newer declaration replaces it.
    let d3 = submitted(
        &mut c,
        &draft_professional(&cf, &pec_addr, "Terza versione del profilo."),
    );
    let code3 = d3["code"].as_str().unwrap().to_owned();
    assert_eq!(status_of(&mut c, &code2)["status"], "superseded");
    assert!(!deliver(
        &pec_addr,
        &pec(Provider::Trusted, &pec_addr, &code2)
    ));
    // The owner's PEC proves the update: published at once.
    assert!(deliver(
        &pec_addr,
        &pec(Provider::Trusted, &pec_addr, &code3)
    ));
    let s = status_of(&mut c, &code3);
    assert_eq!(s["host_id"].as_i64(), Some(id), "the same profile, updated");
    let h = json_of(&host(&mut c, id));
    assert_eq!(h["description"], "Terza versione del profilo.");
    let m = notice_for(&code3);
    assert!(m.contains("Le modifiche al profilo"), "{m}");
    // The first code cannot be used again.
    assert!(!deliver(
        &pec_addr,
        &pec(Provider::Trusted, &pec_addr, &code)
    ));
}

#[test]
fn a_company_publishes_with_the_legal_representatives_cades_signature() {
    let mut c = client();
    let n = nonce();
    let piva = fresh_piva(n);
    let rep = fresh_cf("TSTLRP", n);
    let name = format!("Officine Prova {n} S.r.l.");
    let company_pec = format!("officine{n}@pec.esempio.example");
    // The Registro delle imprese lists the legal representative.
    registry().add_company(&piva, &[&rep]).unwrap();
    // A file that carries the code line, signed by the right person, but is not the document
    // byte for byte (its text changed before signing): refused.
    let first = submitted(&mut c, &draft_company(&piva, &rep, &name, &company_pec));
    let first_code = first["code"].as_str().unwrap().to_owned();
    let first_doc = send(&mut c, "GET", first["document_url"].as_str().unwrap(), None).body;
    let edited = first_doc.replace("Percorso", "PERCORSO");
    assert!(edited.contains(&format!("Codice della dichiarazione: {first_code}")));
    let rep_signer = the_pki()
        .signer(&rep, "Legale Rappresentante di Prova")
        .unwrap();
    let a = c
        .request(
            "POST",
            &format!("/api/v1/declarations/{first_code}/signature"),
            Some((
                "application/pkcs7-mime",
                &pki::sign_p7m(the_pki(), &rep_signer, edited.as_bytes()).unwrap(),
            )),
            &[],
        )
        .unwrap();
    assert_eq!(a.status, 400, "{}", a.body);
    assert!(a.body.contains("byte per byte"), "{}", a.body);
    // A new declaration of the same company supersedes that one.
    let d = submitted(&mut c, &draft_company(&piva, &rep, &name, &company_pec));
    assert_eq!(d["method"], "firma_digitale");
    let code = d["code"].as_str().unwrap().to_owned();
    let doc = send(&mut c, "GET", d["document_url"].as_str().unwrap(), None);
    assert_eq!(doc.status, 200);
    assert!(doc.content_type.starts_with("text/plain"));
    assert!(doc
        .body
        .contains(&format!("Codice della dichiarazione: {code}")));
    assert!(doc.body.contains(&rep) && doc.body.contains(&piva));
    let upload = |c: &mut Client, bytes: &[u8]| {
        c.request(
            "POST",
            &format!("/api/v1/declarations/{code}/signature"),
            Some(("application/pkcs7-mime", bytes)),
            &[],
        )
        .unwrap()
    };
    let the_pki = the_pki();
    let rep_signer = the_pki
        .signer(&rep, "Legale Rappresentante di Prova")
        .unwrap();
    let other = fresh_cf("TSTOTH", n);
    let other_signer = the_pki.signer(&other, "Altra Persona").unwrap();

    // Refused: signed by someone else; another text signed by the right person; not a p7m.
    let a = upload(
        &mut c,
        &pki::sign_p7m(the_pki, &other_signer, doc.body.as_bytes()).unwrap(),
    );
    assert_eq!(a.status, 400, "{}", a.body);
    assert!(a.body.contains(&other), "names who signed: {}", a.body);
    let a = upload(
        &mut c,
        &pki::sign_p7m(the_pki, &rep_signer, b"Un altro documento qualsiasi.\r\n").unwrap(),
    );
    assert_eq!(a.status, 400, "{}", a.body);
    let a = upload(&mut c, b"non sono una firma");
    assert_eq!(a.status, 400, "{}", a.body);
    let mut tampered = pki::sign_p7m(the_pki, &rep_signer, doc.body.as_bytes()).unwrap();
    if let Some(pos) = tampered
        .windows(code.len())
        .position(|w| w == code.as_bytes())
    {
        tampered[pos] = if tampered[pos] == b'2' { b'3' } else { b'2' };
    }
    assert_eq!(
        upload(&mut c, &tampered).status,
        400,
        "content changed after signing"
    );
    assert_eq!(status_of(&mut c, &code)["status"], "pending");

    // The legal representative's signature over the declaration.
    let a = upload(
        &mut c,
        &pki::sign_p7m(the_pki, &rep_signer, doc.body.as_bytes()).unwrap(),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let r = json_of(&a);
    assert_eq!(r["status"], "published");
    assert!(
        r.get("chain_checked").is_none(),
        "no unchecked guarantee: {r}"
    );
    let id = r["host_id"].as_i64().unwrap();
    let h = json_of(&host(&mut c, id));
    assert_eq!(h["name"], name.as_str());
    assert_eq!(h["ateco"], "25.62.00");
    assert_eq!(h["paths"], json!(["pcto", "apprendistato"]));
    assert!(search_ids(&mut c, &format!("q={n}&ateco=25.62&path=apprendistato")).contains(&id));
    let m = notice_for(&code);
    assert!(m.contains(&format!("To: {company_pec}")), "{m}");
    assert!(m.contains(&format!("/enti/{id}")), "{m}");
    // Single use.
    let a = upload(
        &mut c,
        &pki::sign_p7m(the_pki, &rep_signer, doc.body.as_bytes()).unwrap(),
    );
    assert_error(&a, 409, "conflict", "reused code");
}

#[test]
fn an_expired_code_is_refused_and_frees_the_profile() {
    let mut c = client();
    let n = nonce();
    let cf = fresh_cf("TSTEXP", n);
    let pec_addr = format!("scade{n}@pec.esempio.example");
    let draft = draft_professional(&cf, &pec_addr, "Profilo che scade.");
    let d = submitted(&mut c, &draft);
    let code = d["code"].as_str().unwrap().to_owned();
    let expires_at = unix(&d["expires_at"]);
    // The code lives 30 days: pending now and in its last second, expired from then on.
    assert_eq!(status_of(&mut c, &code)["status"], "pending");
    assert_eq!(
        status_at(&mut c, &code, expires_at - 1)["status"],
        "pending"
    );
    let later = expires_at + 1;
    assert_eq!(status_at(&mut c, &code, later)["status"], "expired");
    // A genuine PEC from the address of record, arriving after the expiry: refused.
    assert!(!deliver_at(
        &pec_addr,
        &pec(Provider::Trusted, &pec_addr, &code),
        Some(later)
    ));
    assert_eq!(status_at(&mut c, &code, later)["status"], "expired");
    assert!(search_ids(&mut c, &format!("q={}", &cf[..6])).is_empty());
    // Then the body may submit again, and gets a new code (before the expiry too: a newer
    // declaration supersedes a pending one).
    let at = |t: i64| t.to_string();
    let body = submission(&draft).to_string();
    let resubmit = |c: &mut Client, t: i64| {
        c.request(
            "POST",
            "/api/v1/declarations",
            Some(("application/json", body.as_bytes())),
            &[(domain::clock::NOW_OVERRIDE_HEADER, &at(t))],
        )
        .expect("POST /api/v1/declarations")
    };
    let early = resubmit(&mut c, expires_at - 1);
    assert_eq!(early.status, 201, "{}", early.body);
    assert_ne!(json_of(&early)["code"], d["code"]);
    let a = resubmit(&mut c, later);
    assert_eq!(a.status, 201, "{}", a.body);
    assert_ne!(json_of(&a)["code"], d["code"]);
}

#[test]
fn failed_proofs_and_submissions_are_limited() {
    let mut c = client();
    let n = nonce();
    // Five wrong signatures use up a code: the right one is then refused too.
    let piva = fresh_piva(n ^ 0x5555);
    let rep = fresh_cf("TSTLIM", n);
    let d = submitted(
        &mut c,
        &draft_company(
            &piva,
            &rep,
            &format!("Limiti {n} S.r.l."),
            "limiti@pec.esempio.example",
        ),
    );
    let code = d["code"].as_str().unwrap().to_owned();
    let doc = send(&mut c, "GET", d["document_url"].as_str().unwrap(), None).body;
    let stranger = the_pki()
        .signer(&fresh_cf("TSTSTR", n), "Estraneo")
        .unwrap();
    let path = format!("/api/v1/declarations/{code}/signature");
    for _ in 0..domain::publish::limits::FAILURES_PER_CODE {
        let p7m = pki::sign_p7m(the_pki(), &stranger, doc.as_bytes()).unwrap();
        let a = c
            .request("POST", &path, Some(("application/pkcs7-mime", &p7m)), &[])
            .unwrap();
        assert_eq!(a.status, 400, "{}", a.body);
    }
    let rep_signer = the_pki().signer(&rep, "Legale").unwrap();
    let p7m = pki::sign_p7m(the_pki(), &rep_signer, doc.as_bytes()).unwrap();
    let a = c
        .request("POST", &path, Some(("application/pkcs7-mime", &p7m)), &[])
        .unwrap();
    assert_error(&a, 409, "conflict", "a used-up code");
    assert_eq!(status_of(&mut c, &code)["status"], "expired");

    // A body that keeps submitting is slowed down: the 6th declaration issued for it within
    // the hour is a 429. Each one here is dated a month after the last (the development clock),
    // so the one before has expired and the next is issued; the limit counts the declarations
    // issued, on the runtime's own clock, so a refusal writes nothing.
    let cf = fresh_cf("TSTRAT", n);
    let draft = draft_professional(&cf, "rate@pec.esempio.example", "Profilo.");
    let body = submission(&draft).to_string();
    let month = 31 * 24 * 3600;
    let answers: Vec<Answer> = (0..=domain::publish::limits::SUBMISSIONS_PER_BODY_PER_HOUR)
        .map(|i| {
            let at = (now_secs() + i64::from(i) * month).to_string();
            c.request(
                "POST",
                "/api/v1/declarations",
                Some(("application/json", body.as_bytes())),
                &[(domain::clock::NOW_OVERRIDE_HEADER, &at)],
            )
            .expect("POST /api/v1/declarations")
        })
        .collect();
    let statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
    let bodies: Vec<&str> = answers.iter().map(|a| a.body.as_str()).collect();
    assert!(
        statuses[..statuses.len() - 1].iter().all(|s| *s == 201),
        "{statuses:?} {bodies:#?}"
    );
    assert_eq!(statuses.last(), Some(&429), "{statuses:?} {bodies:#?}");
}

/// The Ponte operator of the demo (`PONTE_OPERATORS`), signed in.
fn operator() -> Client {
    e2e::people::signed_in(xtask::stack::OPERATOR_LABEL).0
}

/// The operator's decision on `code`: approve or refuse, with a note.
fn review(c: &mut Client, code: &str, decision: &str, note: &str) -> Answer {
    c.post_json(
        &format!("/api/v1/declarations/{code}/review"),
        &json!({"decision": decision, "note": note}),
    )
    .expect("POST review")
}

/// A company's declaration signed by `signer_cf`: the upload's answer.
fn company_signed(c: &mut Client, draft: &Value, signer_cf: &str) -> (String, Answer) {
    let d = submitted(c, draft);
    let code = d["code"].as_str().unwrap().to_owned();
    let doc = send(c, "GET", d["document_url"].as_str().unwrap(), None).body;
    let signer = the_pki().signer(signer_cf, "Firmatario di Prova").unwrap();
    let p7m = pki::sign_p7m(the_pki(), &signer, doc.as_bytes()).unwrap();
    let a = upload_signature(c, &code, &p7m);
    (code, a)
}

#[test]
fn a_declared_pec_waits_for_an_operator_who_approves_it() {
    let mut c = client();
    let n = nonce();
    let cf = fresh_cf("TSTREV", n);
    let typed = format!("dichiarata{n}@pec.esempio.example");
    // INI-PEC has nothing for this codice fiscale: the typed address is only declared.
    registry().set_ini_pec(&cf, None).unwrap();
    let d = submitted(
        &mut c,
        &draft_professional(&cf, &typed, "Profilo con PEC dichiarata."),
    );
    assert_eq!(d["pec_declared"], true);
    let code = d["code"].as_str().unwrap().to_owned();
    // A genuine PEC from that mailbox is accepted as proof, but publishes nothing by itself.
    assert!(deliver(&typed, &pec(Provider::Trusted, &typed, &code)));
    let s = status_of(&mut c, &code);
    assert_eq!(s["status"], "review", "{s}");
    assert_eq!(s["review_reason"], "pec_not_of_record");
    assert!(s["host_id"].is_null());
    assert!(search_ids(&mut c, &format!("q={}", &cf[..6])).is_empty());
    // While it is in review, the body cannot send another declaration.
    let a = submit(
        &mut c,
        &draft_professional(&cf, &typed, "Un'altra versione."),
    );
    assert_error(&a, 409, "conflict", "another declaration while in review");

    // Nobody but an operator sees the queue or decides: a parent and an anonymous caller.
    let (mut parent, _) = e2e::people::signed_in("Genitore di due alunni");
    assert_eq!(send(&mut parent, "GET", "/operatore", None).status, 404);
    assert_error(
        &review(&mut parent, &code, "approve", "Io approvo."),
        404,
        "not_found",
        "a parent deciding",
    );
    assert_eq!(status_of(&mut c, &code)["status"], "review");
    let a = review(&mut c, &code, "approve", "Anonimo.");
    assert_eq!(a.status, 401, "{}", a.body);

    // The operator sees the evidence, must give a reason, then approves.
    let mut op = operator();
    let page = send(&mut op, "GET", "/operatore", None);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(&code), "the queue lists the code");
    assert!(page.body.contains(&typed), "and who sent the proof");
    assert!(page.body.contains("INI-PEC"), "and why it waits");
    assert_error(
        &review(&mut op, &code, "approve", "  "),
        400,
        "invalid_field",
        "a decision without a reason",
    );
    let a = review(
        &mut op,
        &code,
        "approve",
        "Verificata l'iscrizione all'albo e la casella PEC per telefono.",
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let r = json_of(&a);
    assert_eq!(r["status"], "published");
    let id = r["host_id"].as_i64().expect("host id");
    assert_eq!(status_of(&mut c, &code)["status"], "published");
    assert!(search_ids(&mut c, &format!("q={}", &cf[..6])).contains(&id));
    let m = notice_for(&code);
    assert!(m.contains(&format!("To: {typed}")), "{m}");
    // Decided once.
    assert_error(
        &review(&mut op, &code, "refuse", "Ripensamento."),
        409,
        "conflict",
        "a second decision",
    );
    // The queue no longer lists it.
    assert!(!send(&mut op, "GET", "/operatore", None)
        .body
        .contains(&code));
}

#[test]
fn a_signer_the_registry_does_not_list_is_reviewed_and_refused() {
    let mut c = client();
    let n = nonce();
    let piva = fresh_piva(n ^ 0x1234);
    let real_rep = fresh_cf("TSTREA", n);
    let intruder = fresh_cf("TSTINT", n);
    registry().add_company(&piva, &[&real_rep]).unwrap();
    let name = format!("Meccanica Vera {n} S.p.A.");
    // Someone types their own codice fiscale as the legal representative and signs with a
    // valid certificate: the signature is theirs, but the registry does not list them.
    let (code, a) = company_signed(
        &mut c,
        &draft_company(&piva, &intruder, &name, "intruso@pec.altro.example"),
        &intruder,
    );
    assert_eq!(a.status, 202, "{}", a.body);
    let r = json_of(&a);
    assert_eq!(r["status"], "review");
    assert_eq!(r["review_reason"], "signer_not_representative");
    assert!(r.get("host_id").is_none());
    assert!(search_ids(&mut c, &format!("q={n}")).is_empty());
    // The operator refuses it, and the real representative can then publish.
    let mut op = operator();
    let a = review(
        &mut op,
        &code,
        "refuse",
        "Il firmatario non è legale rappresentante e non ha presentato una delega.",
    );
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(json_of(&a)["status"], "refused");
    assert_eq!(status_of(&mut c, &code)["status"], "refused");
    assert!(search_ids(&mut c, &format!("q={n}")).is_empty());
    let (_, a) = company_signed(
        &mut c,
        &draft_company(&piva, &real_rep, &name, "vera@pec.esempio.example"),
        &real_rep,
    );
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(json_of(&a)["status"], "published");
}

#[test]
fn a_live_profile_changes_only_by_its_owners_proof() {
    let mut c = client();
    let n = nonce();
    let piva = fresh_piva(n ^ 0x4321);
    let owner = fresh_cf("TSTOWN", n);
    let newcomer = fresh_cf("TSTNEW", n);
    registry().add_company(&piva, &[&owner]).unwrap();
    let name = format!("Falegnameria Titolare {n}");
    let draft = |rep: &str, description: &str| {
        let mut d = draft_company(&piva, rep, &name, "titolare@pec.esempio.example");
        d["description"] = json!(description);
        d
    };
    let (_, a) = company_signed(&mut c, &draft(&owner, "Il profilo del titolare."), &owner);
    assert_eq!(a.status, 200, "{}", a.body);
    let id = json_of(&a)["host_id"].as_i64().unwrap();
    // The registry now lists a second representative too; their signature is genuine and
    // confirmed, but the live profile was proved by another signer: a person looks first.
    registry().add_company(&piva, &[&owner, &newcomer]).unwrap();
    let (code, a) = company_signed(
        &mut c,
        &draft(&newcomer, "Il profilo riscritto da altri."),
        &newcomer,
    );
    assert_eq!(a.status, 202, "{}", a.body);
    assert_eq!(json_of(&a)["review_reason"], "not_live_owner");
    assert_eq!(
        json_of(&host(&mut c, id))["description"],
        "Il profilo del titolare.",
        "the live profile is untouched"
    );
    let a = review(
        &mut operator(),
        &code,
        "refuse",
        "Il titolare non conferma la modifica.",
    );
    assert_eq!(a.status, 200, "{}", a.body);
    // The owner's own update publishes at once.
    let (_, a) = company_signed(&mut c, &draft(&owner, "Il profilo aggiornato."), &owner);
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(
        json_of(&host(&mut c, id))["description"],
        "Il profilo aggiornato."
    );
}

#[test]
fn an_update_from_a_new_address_is_reviewed_and_told_to_both() {
    let mut c = client();
    let n = nonce();
    let cf = fresh_cf("TSTMOV", n);
    let old = format!("vecchia{n}@pec.esempio.example");
    let new = format!("nuova{n}@pec.esempio.example");
    registry().set_ini_pec(&cf, Some(&old)).unwrap();
    let d = submitted(&mut c, &draft_professional(&cf, &old, "Prima."));
    let code = d["code"].as_str().unwrap().to_owned();
    assert!(deliver(&old, &pec(Provider::Trusted, &old, &code)));
    assert_eq!(status_of(&mut c, &code)["status"], "published");
    // INI-PEC now lists a new address: a proof from it is genuine, but not the owner's.
    registry().set_ini_pec(&cf, Some(&new)).unwrap();
    let d = submitted(&mut c, &draft_professional(&cf, &new, "Seconda."));
    assert_eq!(d["pec_of_record"], new.as_str());
    let code = d["code"].as_str().unwrap().to_owned();
    assert!(deliver(&new, &pec(Provider::Trusted, &new, &code)));
    let s = status_of(&mut c, &code);
    assert_eq!(s["status"], "review", "{s}");
    assert_eq!(s["review_reason"], "not_live_owner");
    let a = review(
        &mut operator(),
        &code,
        "approve",
        "Cambio di casella confermato dal professionista.",
    );
    assert_eq!(a.status, 200, "{}", a.body);
    // The notice goes to the new address and to the one that proved the live profile.
    notice_for(&code);
    std::thread::sleep(Duration::from_millis(500));
    let to: Vec<String> = sent_mails_containing(&code)
        .iter()
        .filter_map(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("To: ").map(str::to_owned))
        })
        .collect();
    assert!(to.contains(&new) && to.contains(&old), "{to:?}");
}

#[test]
fn without_the_registry_nothing_publishes_by_itself() {
    let mut c = client();
    let n = nonce();
    let piva = fresh_piva(n ^ 0x7777);
    let rep = fresh_cf("TSTOUT", n);
    registry().add_company(&piva, &[&rep]).unwrap();
    registry().outage(&piva, true).unwrap();
    let (code, a) = company_signed(
        &mut c,
        &draft_company(
            &piva,
            &rep,
            &format!("Guasto {n}"),
            "guasto@pec.esempio.example",
        ),
        &rep,
    );
    registry().outage(&piva, false).unwrap();
    assert_eq!(a.status, 202, "{}", a.body);
    assert_eq!(json_of(&a)["review_reason"], "registry_unavailable");
    assert_eq!(status_of(&mut c, &code)["status"], "review");
    assert!(search_ids(&mut c, &format!("q={n}")).is_empty());
}

/// A company's declaration whose legal representative is `rep`, and its document's text.
fn company_declaration(c: &mut Client, rep: &str, n: u64) -> (String, String) {
    let piva = fresh_piva(n);
    // The registry lists the representative: only the certificate decides here.
    registry().add_company(&piva, &[rep]).unwrap();
    let d = submitted(
        c,
        &draft_company(
            &piva,
            rep,
            &format!("Firme Prova {n} S.r.l."),
            &format!("firme{n}@pec.esempio.example"),
        ),
    );
    let code = d["code"].as_str().unwrap().to_owned();
    let doc = send(c, "GET", d["document_url"].as_str().unwrap(), None);
    assert_eq!(doc.status, 200, "{}", doc.body);
    (code, doc.body)
}

fn upload_signature(c: &mut Client, code: &str, p7m: &[u8]) -> Answer {
    c.request(
        "POST",
        &format!("/api/v1/declarations/{code}/signature"),
        Some(("application/pkcs7-mime", p7m)),
        &[],
    )
    .unwrap()
}

#[test]
fn only_a_qualified_signature_publishes() {
    // Issue 18: the signer's certificate must chain to a qualified CA of the trusted list (the
    // test list, loaded like AgID's), say non-repudiation, carry the QC statements and not be
    // revoked (the CRL fetched from the local CRL server). Each signer below is the declared
    // legal representative and signs the right document: only the certificate differs.
    let mut c = client();
    let the_pki = the_pki();
    let base_n = nonce();
    let cases: Vec<(&str, pki::Signer, &str)> = vec![
        ("revoked", the_pki.revoked(), "certificate_revoked"),
        (
            "unlisted",
            the_pki
                .signer_as(
                    SignerKind::Unlisted,
                    &fresh_cf("TSTUNL", base_n),
                    "Non Qualificato",
                )
                .unwrap(),
            "not_qualified",
        ),
        (
            "self-signed",
            the_pki
                .signer_as(
                    SignerKind::SelfSigned,
                    &fresh_cf("TSTSLF", base_n),
                    "Autofirmato",
                )
                .unwrap(),
            "not_qualified",
        ),
        (
            "no QC statements",
            the_pki
                .signer_as(
                    SignerKind::NoQcStatements,
                    &fresh_cf("TSTNQC", base_n),
                    "Senza Dichiarazioni QC",
                )
                .unwrap(),
            "not_qualified",
        ),
        (
            "no non-repudiation",
            the_pki
                .signer_as(
                    SignerKind::NoNonRepudiation,
                    &fresh_cf("TSTNNR", base_n),
                    "Solo Autenticazione",
                )
                .unwrap(),
            "not_qualified",
        ),
    ];
    for (i, (what, signer, want)) in cases.iter().enumerate() {
        let rep = signer.cf.clone().expect("a fiscal code");
        let (code, doc) = company_declaration(&mut c, &rep, base_n + 1 + i as u64);
        let p7m = pki::sign_p7m(the_pki, signer, doc.as_bytes()).unwrap();
        let a = upload_signature(&mut c, &code, &p7m);
        assert_error(&a, 400, want, what);
        let message = json_of(&a)["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(
            message.ends_with('.') && !message.is_empty(),
            "{what}: {message}"
        );
        assert_eq!(status_of(&mut c, &code)["status"], "pending", "{what}");
    }

    // A qualified signer whose CRL cannot be fetched: not checked is not a pass, and the signer
    // did nothing wrong. The declaration waits for an operator, who sees why; nothing is live.
    let unreachable = the_pki
        .signer_as(
            SignerKind::CrlUnreachable,
            &fresh_cf("TSTCRL", base_n),
            "Revoca Ignota",
        )
        .unwrap();
    let rep = unreachable.cf.clone().expect("a fiscal code");
    let (code, doc) = company_declaration(&mut c, &rep, base_n + 50);
    let a = upload_signature(
        &mut c,
        &code,
        &pki::sign_p7m(the_pki, &unreachable, doc.as_bytes()).unwrap(),
    );
    assert_eq!(a.status, 202, "{}", a.body);
    assert_eq!(json_of(&a)["status"], "review");
    assert_eq!(json_of(&a)["review_reason"], "revocation_unknown");
    assert!(json_of(&a).get("host_id").is_none());
    assert_eq!(status_of(&mut c, &code)["status"], "review");
    let mut op = operator();
    let page = send(&mut op, "GET", "/operatore", None);
    assert_eq!(page.status, 200, "{}", page.body);
    let row = page
        .body
        .split("<li")
        .find(|li| li.contains(&code))
        .unwrap_or_else(|| panic!("{code} not in the queue"));
    assert!(
        row.contains("Revoca del certificato non verificata"),
        "{row}"
    );
    let a = review(
        &mut op,
        &code,
        "refuse",
        "Il certificatore non ha confermato lo stato del certificato.",
    );
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(status_of(&mut c, &code)["status"], "refused");

    // The qualified signer, same path: published.
    let rep = fresh_cf("TSTQUA", base_n);
    let (code, doc) = company_declaration(&mut c, &rep, base_n + 100);
    let signer = the_pki.signer(&rep, "Firmatario Qualificato").unwrap();
    let a = upload_signature(
        &mut c,
        &code,
        &pki::sign_p7m(the_pki, &signer, doc.as_bytes()).unwrap(),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(json_of(&a)["status"], "published");
    assert_eq!(status_of(&mut c, &code)["status"], "published");
}

/// A `multipart/form-data` body of text fields and one file, as a browser sends a form.
fn multipart(fields: &[(&str, &str)], file: (&str, &str, &[u8])) -> (String, Vec<u8>) {
    let boundary = "----ponte-e2e-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    let (name, filename, bytes) = file;
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; \
             filename=\"{filename}\"\r\nContent-Type: application/pkcs7-mime\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Issue 23 point 1: every declaration has a page found by its code, where a company comes back
/// to finish — the state, the PEC to send or the document to sign, the signed file's upload (a
/// plain form), and the cancellation of one still waiting.
#[test]
fn a_declaration_has_a_page_by_its_code_to_come_back_to() {
    let mut c = client();
    // A public body's declaration: the page says which PEC to send, from where, to where.
    let d = submitted(
        &mut c,
        &draft_public_body("uc_valdol", "80000123457", "Unione dei Comuni Valdolmo"),
    );
    let code = d["code"].as_str().unwrap().to_owned();
    let page = send(
        &mut c,
        "GET",
        &format!("/enti/pubblica/dichiarazione?codice={code}"),
        None,
    );
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(&code), "the code");
    assert!(page.body.contains("Confermate con la PEC"), "what to do");
    assert!(
        page.body.contains("verifica@pec.ponte.example"),
        "where the PEC goes"
    );
    assert!(page.body.contains("Il codice scade il"));
    assert_eq!(page.header("cache-control"), Some("no-store"));
    // A code of nobody: 404, said on the page, the code kept in the form.
    let none = send(
        &mut c,
        "GET",
        "/enti/pubblica/dichiarazione?codice=ABCD-EFGH-JKMN",
        None,
    );
    assert_eq!(none.status, 404);
    assert!(none.body.contains("Nessuna dichiarazione ha questo codice"));
    // Cancelled: back to its page, which says so; the API agrees; not twice.
    let form = format!("codice={code}");
    let a = c
        .request(
            "POST",
            "/enti/pubblica/dichiarazione/annulla",
            Some(("application/x-www-form-urlencoded", form.as_bytes())),
            &[],
        )
        .unwrap();
    assert_eq!(a.status, 303, "{}", a.body);
    assert_eq!(status_of(&mut c, &code)["status"], "cancelled");
    let page = send(
        &mut c,
        "GET",
        &format!("/enti/pubblica/dichiarazione?codice={code}"),
        None,
    );
    assert!(
        page.body.contains("Dichiarazione annullata"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("Annulla la dichiarazione"),
        "nothing left to cancel"
    );
    let again = c
        .request(
            "POST",
            "/enti/pubblica/dichiarazione/annulla",
            Some(("application/x-www-form-urlencoded", form.as_bytes())),
            &[],
        )
        .unwrap();
    assert_eq!(again.status, 409, "{}", again.body);
    assert!(again
        .body
        .contains("Si può annullare solo una dichiarazione"));

    // A company comes back with its code: downloads the document, uploads the signed file
    // through the page's form, and the page shows the profile published.
    let n = nonce();
    let piva = fresh_piva(n ^ 0x5a5a);
    let rep = fresh_cf("TSTPAG", n);
    registry().add_company(&piva, &[&rep]).unwrap();
    let name = format!("Tornitura Pagina {n} S.r.l.");
    let d = submitted(
        &mut c,
        &draft_company(
            &piva,
            &rep,
            &name,
            &format!("tornitura{n}@pec.esempio.example"),
        ),
    );
    let code = d["code"].as_str().unwrap().to_owned();
    let page = send(
        &mut c,
        "GET",
        &format!("/enti/pubblica/dichiarazione?codice={code}"),
        None,
    );
    assert!(page
        .body
        .contains(&format!("/api/v1/declarations/{code}/document")));
    assert!(page.body.contains("multipart/form-data"), "the upload form");
    let doc = send(
        &mut c,
        "GET",
        &format!("/api/v1/declarations/{code}/document"),
        None,
    )
    .body;
    // A file that is not a signature: the page again, with the reason, nothing published.
    let (ct, body) = multipart(&[("codice", &code)], ("firma", "x.p7m", b"non firmato"));
    let bad = c
        .request(
            "POST",
            "/enti/pubblica/dichiarazione/firma",
            Some((&ct, &body)),
            &[],
        )
        .unwrap();
    assert!(
        (400..500).contains(&bad.status),
        "{} {}",
        bad.status,
        bad.body
    );
    assert!(bad.body.contains("notice-error"), "the reason on the page");
    assert_eq!(status_of(&mut c, &code)["status"], "pending");
    let signer = the_pki()
        .signer(&rep, "Legale Rappresentante di Prova")
        .unwrap();
    let p7m = pki::sign_p7m(the_pki(), &signer, doc.as_bytes()).unwrap();
    let (ct, body) = multipart(&[("codice", &code)], ("firma", "dichiarazione.p7m", &p7m));
    let up = c
        .request(
            "POST",
            "/enti/pubblica/dichiarazione/firma",
            Some((&ct, &body)),
            &[],
        )
        .unwrap();
    assert_eq!(up.status, 303, "{}", up.body);
    assert_eq!(status_of(&mut c, &code)["status"], "published");
    let page = send(
        &mut c,
        "GET",
        &format!("/enti/pubblica/dichiarazione?codice={code}"),
        None,
    );
    assert!(
        page.body.contains("Vedi il profilo pubblicato"),
        "{}",
        page.body
    );
}
