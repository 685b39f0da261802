//! End-to-end: the daily purge (issue 18, point 7; `domain::retention`, docs/privacy.md). The
//! worker's scheduled handler is triggered under `wrangler dev` at chosen instants
//! (`/cdn-cgi/handler/scheduled?time=…`, on a second `wrangler dev` of the same worker and D1
//! without the static assets: `xtask::server::scheduler`), and what it left is read from the
//! local D1. It runs
//! last (`cargo xtask test` runs it after the browser tests, `--ignored`), so every kind of record
//! the other tests made is there to be kept or deleted.

use e2e::people::{demo, json_of, post_json, send, signed_in};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

const DAY: i64 = 86_400;

fn base() -> String {
    std::env::var("PONTE_BASE_URL").expect("PONTE_BASE_URL: run with `cargo xtask test`")
}

fn state() -> PathBuf {
    PathBuf::from(std::env::var("PONTE_E2E_STATE").expect("PONTE_E2E_STATE: the local D1"))
}

/// What the purge deletes, and what it must keep, counted in one query.
const COUNTS: &str = "SELECT \
    (SELECT count(*) FROM justifications) AS justifications, \
    (SELECT count(*) FROM derogation_requests) AS derogation_requests, \
    (SELECT count(*) FROM verification_attempts) AS verification_attempts, \
    (SELECT count(*) FROM declarations WHERE status IN ('pending', 'superseded', 'refused')) \
      AS dead_declarations, \
    (SELECT count(*) FROM audit_log) AS audit_log, \
    (SELECT count(*) FROM review_log) AS review_log, \
    (SELECT count(*) FROM import_rows) AS import_rows, \
    (SELECT count(*) FROM imports WHERE status = 'staging') AS unfinished_imports, \
    (SELECT count(*) FROM declarations WHERE status = 'published') AS published_declarations, \
    (SELECT count(*) FROM hosts) AS hosts, \
    (SELECT count(*) FROM pupils) AS pupils, \
    (SELECT count(*) FROM absences) AS absences, \
    (SELECT count(*) FROM notices) AS notices";

fn counts() -> Value {
    let rows = xtask::server::query(&state(), COUNTS).expect("the counts");
    rows.into_iter().next().expect("one row of counts")
}

fn n(v: &Value, k: &str) -> i64 {
    v[k].as_i64()
        .unwrap_or_else(|| panic!("no count {k} in {v}"))
}

/// Runs the scheduled handler as if it were `at` (Unix seconds), on the scheduler: the same
/// worker and local D1 without the static assets (`xtask::server::scheduler` says why).
fn purge_at(scheduler: &xtask::server::Server, at: i64) {
    xtask::server::trigger_scheduled(scheduler, "17 3 * * *", at).expect("the scheduled handler");
}

/// What this test makes itself, so every category has something to delete: two declarations
/// of one body (the first superseded), a message that is not a PEC (a refused proof, logged),
/// and an import of the school office left unfinished with its rows staged.
fn make_records() {
    let n = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0);
    let cf = xtask::pki::fresh_cf("TSTRET", n).expect("a codice fiscale");
    let draft = json!({
        "kind": "professionista",
        "name": "Studio da dimenticare",
        "codice_fiscale": cf,
        "description": "Un profilo mai confermato.",
        "offers": [{"path": "pcto", "max_students": "1",
            "periods": [{"from": "2027-01-11", "to": "2027-03-26"}],
            "figures": ["2.5.1.2"], "activity": "Affiancamento in studio con un tutor dedicato."}],
        "places": [{"address": "Corso Lario 4", "cap": "20121", "comune": "015146"}],
        "contacts": {"email": "studio@esempio.example", "pec": "dimenticare@pec.esempio.example"}
    });
    let submission = json!({
        "privacy_version": domain::profile::PRIVACY_NOTICE_VERSION,
        "privacy_accepted": true,
        "draft": draft
    });
    let mut c = e2e::people::browser();
    for _ in 0..2 {
        let a = post_json(&mut c, "/api/v1/declarations", &submission);
        assert_eq!(a.status, 201, "{}", a.body);
    }
    let mail = "From: <chiunque@esempio.example>\r\nTo: <verifica@pec.ponte.example>\r\n\
                Subject: Conferma\r\n\r\nNon sono una PEC.\r\n";
    let url = format!(
        "{}/cdn-cgi/handler/email?from=chiunque@esempio.example&to=verifica@pec.ponte.example",
        base()
    );
    let _ = ureq::post(&url)
        .set("content-type", "message/rfc822")
        .send_bytes(mail.as_bytes());
    let (mut office, me) = signed_in("Segreteria");
    let school = me["staff"][0]["school_id"]
        .as_i64()
        .expect("the office's school");
    let file = demo()
        .school_dir_of(&demo().person("Segreteria").cf)
        .join("classi.csv");
    let bytes = std::fs::read(&file).expect("the demo classes file");
    let a = post_json(
        &mut office,
        &format!("/api/v1/schools/{school}/imports"),
        &json!({"kind": "classi", "file_name": "classi.csv", "file_bytes": bytes.len()}),
    );
    assert_eq!(a.status, 201, "{}", a.body);
    let id = json_of(&a)["id"].as_i64().expect("import id");
    let a = send(
        &mut office,
        "POST",
        &format!("/api/v1/imports/{id}/parts?first_line=2"),
        Some(("text/csv", &bytes)),
    );
    assert_eq!(a.status, 200, "{}", a.body);
}

#[test]
#[ignore = "run by `cargo xtask test` after every other test: the purge deletes their data"]
fn the_daily_purge_deletes_what_is_past_its_period_and_nothing_else() {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock")
        .as_secs() as i64;
    make_records();
    let scheduler = xtask::server::scheduler(&state()).expect("the scheduler's wrangler dev");
    let before = counts();
    // Every kind of record is there: the other tests made them (a test with nothing to delete
    // would prove nothing).
    for k in [
        "justifications",
        "derogation_requests",
        "verification_attempts",
        "dead_declarations",
        "audit_log",
        "review_log",
        "import_rows",
        "unfinished_imports",
        "published_declarations",
        "hosts",
        "pupils",
        "absences",
    ] {
        assert!(n(&before, k) > 0, "no {k} to purge or keep: {before}");
    }

    // Tomorrow: nothing has reached its period yet (the shortest, an unfinished import's staged
    // rows, is a week; the demo school year 2025/26 is kept a year after 31 August 2026).
    purge_at(&scheduler, now + DAY);
    assert_eq!(counts(), before, "a day later nothing goes");

    // In eight days an import left unfinished is closed and its staged rows go; nothing else.
    purge_at(&scheduler, now + 8 * DAY);
    let after = counts();
    assert_eq!(n(&after, "import_rows"), 0, "{after}");
    assert_eq!(n(&after, "unfinished_imports"), 0, "{after}");
    for (k, v) in before.as_object().expect("counts") {
        if k != "import_rows" && k != "unfinished_imports" {
            assert_eq!(&after[k], v, "{k} after eight days");
        }
    }

    // In 31 days the dead declarations made today go (those the tests made "later" through the
    // development clock go later); a published one stays.
    purge_at(&scheduler, now + 31 * DAY);
    let after = counts();
    assert!(
        n(&after, "dead_declarations") < n(&before, "dead_declarations"),
        "{after}"
    );
    assert_eq!(
        after["published_declarations"],
        before["published_declarations"]
    );
    assert_eq!(
        n(&after, "verification_attempts"),
        n(&before, "verification_attempts")
    );
    // In 91 days, the proofs received today.
    purge_at(&scheduler, now + 91 * DAY);
    assert!(n(&counts(), "verification_attempts") < n(&before, "verification_attempts"));

    // Six years on: the families' requests of 2025/26, the audit and review logs are gone; the
    // register, the published profiles and their proofs, the notices stay.
    purge_at(&scheduler, now + 6 * 365 * DAY);
    let after = counts();
    for k in [
        "justifications",
        "derogation_requests",
        "verification_attempts",
        "dead_declarations",
        "audit_log",
        "review_log",
        "import_rows",
    ] {
        assert_eq!(n(&after, k), 0, "{k}: {after}");
    }
    for k in [
        "published_declarations",
        "hosts",
        "pupils",
        "absences",
        "notices",
    ] {
        assert_eq!(after[k], before[k], "{k} is kept");
    }
}
