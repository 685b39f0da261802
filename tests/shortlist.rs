//! Schools use the results (issue 21, point 4; docs/design.md §4): each class's shortlist of
//! hosts through the API and the pages, who may use which list (the access matrix), the choice
//! of the list on `/enti` and its card buttons, the CSV of a search and of the lists, and a
//! host's profile ready for print.
//!
//! School A is the Istituto Comprensivo, school B the small liceo. The tests run one at a time
//! ([`serial`]): two of them read or write the local D1 file beside the worker, which would find
//! it locked if a request of another test came at that moment. Each leaves the lists it used
//! empty.

use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::{Mutex, MutexGuard, PoisonError};
use xtask::client::{encode, Answer, Client};

use e2e::people::*;

/// Held by every test of this file for its whole run (a failed test must not block the others:
/// a poisoned lock is still a lock).
fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(PoisonError::into_inner)
}

fn school_of(me: &Value) -> i64 {
    me["staff"][0]["school_id"]
        .as_i64()
        .unwrap_or_else(|| panic!("staff of a school: {me}"))
}

/// Published hosts, `n` of them from `offset` (each test its own).
fn hosts(offset: usize, n: usize) -> Vec<(u64, String)> {
    let mut c = browser();
    let page = json_of(&get(
        &mut c,
        &format!("/api/v1/hosts?per_page={}", offset + n),
    ));
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .skip(offset)
        .map(|h| {
            (
                h["id"].as_u64().expect("id"),
                h["name"].as_str().expect("name").to_owned(),
            )
        })
        .collect()
}

fn lists(c: &mut Client, school: i64) -> Value {
    let a = get(c, &format!("/api/v1/schools/{school}/shortlists"));
    assert_eq!(a.status, 200, "{}", a.body);
    json_of(&a)
}

/// The host ids on `class`'s list, in the list's order.
fn listed(c: &mut Client, school: i64, class: &str) -> Vec<u64> {
    let v = json_of(&get(
        c,
        &format!("/api/v1/schools/{school}/shortlists?class={class}"),
    ));
    assert_eq!(v["classes"].as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(v["classes"][0]["class_code"], class, "{v}");
    v["classes"][0]["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["host_id"].as_u64().expect("host_id"))
        .collect()
}

fn add(c: &mut Client, school: i64, class: &str, host: u64) -> Answer {
    post_json(
        c,
        &format!("/api/v1/schools/{school}/shortlists"),
        &json!({"class": class, "host_id": host.to_string()}),
    )
}

fn remove(c: &mut Client, school: i64, class: &str, host: u64) -> Answer {
    post_json(
        c,
        &format!("/api/v1/schools/{school}/shortlists/removal"),
        &json!({"class": class, "host_id": host.to_string()}),
    )
}

fn state() -> std::path::PathBuf {
    std::path::PathBuf::from(
        std::env::var("PONTE_E2E_STATE").expect("PONTE_E2E_STATE: the local D1"),
    )
}

/// `f` again while the local database is busy (the worker and the other tests write to it at
/// the same time: a second process may find it locked for a moment).
fn retrying<T>(what: &str, f: impl Fn() -> Result<T, String>) -> T {
    let mut last = String::new();
    for _ in 0..20 {
        match f() {
            Ok(v) => return v,
            Err(e) => last = e,
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
    panic!("{what}: {last}")
}

/// The audit records of shortlist changes at `school` (read from the local D1).
fn audit(school: i64) -> Vec<Value> {
    let select = format!(
        "SELECT actor, action, object, detail FROM audit_log WHERE school_id = {school} \
         AND action LIKE 'shortlist.%' ORDER BY id"
    );
    retrying("the audit log", || xtask::server::query(&state(), &select))
}

fn csv_lines(a: &Answer) -> Vec<String> {
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(a.content_type.starts_with("text/csv"), "{}", a.content_type);
    assert!(a.body.starts_with('\u{feff}'), "a byte order mark first");
    a.body
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_teacher_keeps_a_list_for_their_class_added_once_removed_and_audited() {
    let _serial = serial();
    let (mut t, me) = signed_in(TEACHER_B);
    let school = school_of(&me);
    let name = format!(
        "{} {}",
        demo().person(TEACHER_B).given_name,
        demo().person(TEACHER_B).family_name
    );
    // Only their classes, each with its list.
    let all = lists(&mut t, school);
    let classes: Vec<&str> = all["classes"]
        .as_array()
        .expect("classes")
        .iter()
        .map(|c| c["class_code"].as_str().expect("code"))
        .collect();
    assert_eq!(classes, ["1A", "2A", "3A"], "{all}");
    let h = hosts(0, 2);
    let (h1, h2) = (h[0].0, h[1].0);
    for id in [h1, h2] {
        assert_eq!(remove(&mut t, school, "3A", id).status, 200);
    }
    let audit_before = audit(school).len();
    let a = add(&mut t, school, "3A", h1);
    assert_eq!(a.status, 201, "{}", a.body);
    assert_eq!(
        json_of(&a),
        json!({"school_id": school, "class_code": "3A", "host_id": h1, "listed": true, "changed": true})
    );
    // Twice is once.
    let a = add(&mut t, school, "3A", h1);
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(json_of(&a)["changed"], false);
    // A class code in another case is the same class.
    assert_eq!(add(&mut t, school, "3a", h2).status, 201);
    assert_eq!(listed(&mut t, school, "3A"), [h1, h2]);

    let v = json_of(&get(
        &mut t,
        &format!("/api/v1/schools/{school}/shortlists?class=3A"),
    ));
    let e = &v["classes"][0]["items"][0];
    assert_eq!(e["name"], h[0].1.as_str());
    assert_eq!(e["published"], true);
    assert_eq!(e["host"]["id"], h1);
    assert!(e["contacts"].is_object(), "{e}");
    assert_eq!(e["added_by"], name.as_str());

    // Bad input: a 400 naming the field, nothing changed.
    for (class, host, field) in [
        ("3-A", "1", "class"),
        ("", "1", "class"),
        ("3A", "x", "host_id"),
    ] {
        let a = post_json(
            &mut t,
            &format!("/api/v1/schools/{school}/shortlists"),
            &json!({"class": class, "host_id": host}),
        );
        assert_error(&a, 400, "invalid_field", &format!("{class} {host}"));
        assert_eq!(json_of(&a)["error"]["field"], field);
    }
    let a = post_json(
        &mut t,
        &format!("/api/v1/schools/{school}/shortlists"),
        &json!({"class": "3A", "host_id": 12}),
    );
    assert_error(
        &a,
        400,
        "invalid_field",
        "a number where the form sends text",
    );
    // A host that is not published, a class that is not theirs or not in the roster: 404.
    assert_error(
        &add(&mut t, school, "3A", 9_007_199_254_740_000),
        404,
        "not_found",
        "no such host",
    );
    assert_error(
        &add(&mut t, school, "5B", h1),
        404,
        "not_found",
        "not their class",
    );
    assert_eq!(listed(&mut t, school, "3A"), [h1, h2]);

    // Removing works, twice is once, and an unknown class's list is out of reach.
    let a = remove(&mut t, school, "3A", h1);
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(json_of(&a)["changed"], true);
    assert_eq!(json_of(&a)["listed"], false);
    assert_eq!(json_of(&remove(&mut t, school, "3A", h1))["changed"], false);
    assert_eq!(listed(&mut t, school, "3A"), [h2]);
    assert_error(
        &get(
            &mut t,
            &format!("/api/v1/schools/{school}/shortlists?class=5B"),
        ),
        404,
        "not_found",
        "a class not theirs",
    );
    assert_error(
        &get(
            &mut t,
            &format!("/api/v1/schools/{school}/shortlists?format=xml"),
        ),
        400,
        "invalid_field",
        "format",
    );

    // Each change once in the audit log, by the teacher.
    let cf = demo().person(TEACHER_B).cf.clone();
    let new: Vec<(String, String, String)> = audit(school)[audit_before..]
        .iter()
        .filter(|r| r["actor"] == cf.as_str() && r["detail"] == "3A")
        .map(|r| {
            (
                r["action"].as_str().unwrap_or("").to_owned(),
                r["object"].as_str().unwrap_or("").to_owned(),
                r["detail"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let rec = |a: &str, h: u64| (a.to_owned(), format!("hosts/{h}"), "3A".to_owned());
    assert_eq!(
        new,
        [
            rec("shortlist.add", h1),
            rec("shortlist.add", h2),
            rec("shortlist.remove", h1)
        ]
    );

    // The CSV of the list: Italian columns, the host, who added it.
    let lines = csv_lines(&get(
        &mut t,
        &format!("/api/v1/schools/{school}/shortlists?class=3A&format=csv"),
    ));
    assert_eq!(lines[0], domain::shortlist::SHORTLIST_COLUMNS.join(";"));
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].starts_with("3A;"), "{}", lines[1]);
    assert!(lines[1].contains(";sì;"), "{}", lines[1]);
    assert!(lines[1].contains(&name), "{}", lines[1]);
    remove(&mut t, school, "3A", h2);
}

/// The people of the matrix, in the order of its columns.
const ACTORS: [(&str, Option<&str>); 9] = [
    ("guardian A", Some(GUARDIAN_A)),
    ("guardian B", Some(GUARDIAN_B)),
    ("teacher A", Some(TEACHER_A)),
    ("teacher B", Some(TEACHER_B)),
    ("secretary A", Some(SECRETARY_A)),
    ("head A", Some(HEAD_A)),
    ("secretary B", Some(SECRETARY_B)),
    ("no role", Some(NO_ROLE)),
    ("anonymous", None),
];

/// A 2xx in the matrix: 201 the first time a host is added, 200 after.
const OK: u16 = 2;

struct Row {
    method: &'static str,
    path: &'static str,
    /// A form's fields (`{host}` replaced), posted with the session's token.
    form: &'static [(&'static str, &'static str)],
    want: [u16; 9],
}

#[rustfmt::skip]
const MATRIX: &[Row] = &[
    //                                                                                  gA   gB   tA   tB   secA headA secB none anon
    Row { method: "GET", path: "/api/v1/schools/{B}/shortlists", form: &[],
          want: [404, 404, 404, 200, 404, 404, 200, 404, 401] },
    Row { method: "GET", path: "/api/v1/schools/{B}/shortlists?class=2A&format=csv", form: &[],
          want: [404, 404, 404, 200, 404, 404, 200, 404, 401] },
    Row { method: "GET", path: "/api/v1/schools/{A}/shortlists?class=P1A", form: &[],
          want: [404, 404, 200, 404, 200, 200, 404, 404, 401] },
    Row { method: "GET", path: "/api/v1/schools/{A}/shortlists?class=P3C", form: &[],
          want: [404, 404, 404, 404, 200, 200, 404, 404, 401] },
    Row { method: "POST", path: "/api/v1/schools/{B}/shortlists", form: &[("class", "2A"), ("host_id", "{host}")],
          want: [404, 404, 404, OK, 404, 404, OK, 404, 401] },
    Row { method: "POST", path: "/api/v1/schools/{A}/shortlists", form: &[("class", "P1A"), ("host_id", "{host}")],
          want: [404, 404, OK, 404, OK, OK, 404, 404, 401] },
    Row { method: "POST", path: "/api/v1/schools/{A}/shortlists", form: &[("class", "P3C"), ("host_id", "{host}")],
          want: [404, 404, 404, 404, OK, OK, 404, 404, 401] },
    Row { method: "GET", path: "/scuola/{B}/liste", form: &[],
          want: [404, 404, 404, 200, 404, 404, 200, 404, 303] },
    Row { method: "GET", path: "/scuola/{A}/liste", form: &[],
          want: [404, 404, 200, 404, 200, 200, 404, 404, 303] },
    Row { method: "POST", path: "/enti/lista", form: &[("lista", "{B}-2A"), ("next", "/enti")],
          want: [404, 404, 404, 303, 404, 404, 303, 404, 401] },
    Row { method: "POST", path: "/api/v1/schools/{B}/shortlists/removal", form: &[("class", "2A"), ("host_id", "{host}")],
          want: [404, 404, 404, 200, 404, 404, 200, 404, 401] },
];

#[test]
fn each_role_reaches_its_own_classes_lists_and_nothing_else() {
    let _serial = serial();
    let (mut sec_a, me) = signed_in(SECRETARY_A);
    let school_a = school_of(&me);
    let (mut sec_b, me) = signed_in(SECRETARY_B);
    let school_b = school_of(&me);
    let host = hosts(2, 1)[0].0;
    remove(&mut sec_b, school_b, "2A", host);
    for class in ["P1A", "P3C"] {
        remove(&mut sec_a, school_a, class, host);
    }

    let mut table = String::new();
    let mut failures = 0;
    // Who added the host to each list, by the matrix's rows.
    let mut adders: Vec<(&str, &str)> = Vec::new();
    for (i, (actor, label)) in ACTORS.iter().enumerate() {
        let mut c = match label {
            Some(l) => signed_in(l).0,
            None => browser(),
        };
        let csrf = c.csrf.clone().unwrap_or_default();
        for row in MATRIX {
            let fill = |s: &str| {
                s.replace("{A}", &school_a.to_string())
                    .replace("{B}", &school_b.to_string())
                    .replace("{host}", &host.to_string())
            };
            let path = fill(row.path);
            let a = if row.method == "GET" {
                get(&mut c, &path)
            } else {
                let mut pairs: Vec<(String, String)> = row
                    .form
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), fill(v)))
                    .collect();
                pairs.push(("csrf".to_owned(), csrf.clone()));
                let body = pairs
                    .iter()
                    .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                    .collect::<Vec<_>>()
                    .join("&");
                send(
                    &mut c,
                    "POST",
                    &path,
                    Some(("application/x-www-form-urlencoded", body.as_bytes())),
                )
            };
            let want = row.want[i];
            let ok = if want == OK {
                // A form that worked goes back (303); the API's JSON would be 200 or 201.
                a.status == 303
            } else if row.method == "POST" && row.path.starts_with("/api/") && want == 200 {
                a.status == 303
            } else {
                a.status == want
            };
            if ok && want == OK {
                adders.push((actor, row.form[0].1));
            }
            // The list's data never leaks into a refusal.
            let leaks = a.status >= 400 && a.body.contains("host_id");
            failures += usize::from(!ok || leaks);
            let _ = writeln!(
                table,
                "{actor:<12} {:<5} {:<56} want {want:<3} got {} {}",
                row.method,
                row.path,
                a.status,
                if ok && !leaks { "ok" } else { "FAIL" }
            );
        }
    }
    eprintln!("{table}");
    assert_eq!(failures, 0, "access matrix:\n{table}");
    let adders: BTreeSet<(&str, &str)> = adders.into_iter().collect();
    assert_eq!(
        adders,
        BTreeSet::from([
            ("teacher A", "P1A"),
            ("secretary A", "P1A"),
            ("head A", "P1A"),
            ("secretary A", "P3C"),
            ("head A", "P3C"),
            ("teacher B", "2A"),
            ("secretary B", "2A"),
        ])
    );
    // What the lists hold: school A's two lists have the host once (added by teacher A first
    // for P1A, the secretary first for P3C); school B's was emptied by its last row.
    assert_eq!(listed(&mut sec_a, school_a, "P1A"), [host]);
    assert_eq!(listed(&mut sec_a, school_a, "P3C"), [host]);
    assert!(listed(&mut sec_b, school_b, "2A").is_empty());
    for class in ["P1A", "P3C"] {
        remove(&mut sec_a, school_a, class, host);
    }

    // A form without the token, or from another site, changes nothing.
    let (mut t, _) = signed_in(TEACHER_B);
    t.forget_csrf();
    let a = t
        .post_form(
            &format!("/api/v1/schools/{school_b}/shortlists"),
            &[("class", "2A"), ("host_id", &host.to_string())],
        )
        .expect("POST");
    assert_eq!(a.status, 403, "{}", a.body);
    let a = t
        .post_form("/enti/lista", &[("lista", &format!("{school_b}-2A"))])
        .expect("POST");
    assert_eq!(a.status, 403, "{}", a.body);
    assert!(t.cookie(domain::shortlist::CHOICE_COOKIE).is_none());
    assert!(listed(&mut sec_b, school_b, "2A").is_empty());
}

/// Text as Leptos writes it into HTML.
fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

#[test]
fn on_enti_staff_choose_a_class_and_each_result_adds_to_its_list() {
    let _serial = serial();
    let (mut t, me) = signed_in(TEACHER_B);
    let school = school_of(&me);
    let csrf = t.csrf.clone().expect("token");
    for (id, _) in hosts(0, 3) {
        remove(&mut t, school, "1A", id);
    }

    // Anonymous: the search as before, with the CSV link and no list.
    let mut anon = browser();
    let a = get(&mut anon, "/enti");
    assert_eq!(a.status, 200);
    assert!(a.body.contains("Scarica i risultati (CSV)"), "the CSV link");
    assert!(
        a.body.contains("href=\"/enti.csv\""),
        "the CSV of the same search"
    );
    assert!(a.body.contains("fino a 5.000 righe"), "the row cap stated");
    assert!(!a.body.contains("lista-panel") && !a.body.contains("lista-azione"));
    assert_eq!(a.header("cache-control"), Some("no-cache"));

    // Staff without a chosen class: the choice, no card button; the page is theirs only. (An
    // empty `near`: the whole register, not the default place around their school.)
    let a = get(&mut t, "/enti?path=pcto&near=");
    assert_eq!(a.status, 200);
    assert!(a.body.contains("lista-panel"), "the list panel");
    assert!(
        a.body.contains(&format!("value=\"{school}-1A\"")),
        "their class 1A"
    );
    assert!(!a.body.contains("lista-azione"));
    assert_eq!(a.header("cache-control"), Some("private, no-store"));
    assert!(
        a.body.contains("href=\"/enti.csv?path=pcto\""),
        "the CSV keeps the filters"
    );

    // Choosing 1A: a plain form with the token; back to the same search.
    t.forget_csrf();
    let a = t
        .post_form(
            "/enti/lista",
            &[
                ("csrf", csrf.as_str()),
                ("lista", &format!("{school}-1A")),
                ("next", "/enti?path=pcto&near="),
            ],
        )
        .expect("POST /enti/lista");
    assert_eq!(a.status, 303, "{}", a.body);
    assert!(a
        .location
        .as_deref()
        .unwrap_or("")
        .ends_with("/enti?path=pcto&near="));
    assert_eq!(
        t.cookie(domain::shortlist::CHOICE_COOKIE),
        Some(format!("{school}-1A").as_str())
    );
    let a = get(&mut t, "/enti?path=pcto&near=");
    let adds = a.body.matches("Aggiungi alla lista di 1A").count();
    assert_eq!(adds, 20, "one button a card");
    assert!(a.body.contains("State preparando la lista della classe 1A"));

    // The first card's button, as the browser sends it.
    let page = json_of(&get(&mut t, "/api/v1/hosts?path=pcto&per_page=1"));
    let first = page["items"][0]["id"].as_u64().expect("id");
    let first_name = page["items"][0]["name"].as_str().expect("name").to_owned();
    assert!(a.body.contains(&format!("id=\"lista-{first}\"")));
    let a = t
        .post_form(
            &format!("/api/v1/schools/{school}/shortlists"),
            &[
                ("csrf", csrf.as_str()),
                ("class", "1A"),
                ("host_id", &first.to_string()),
                ("next", &format!("/enti?path=pcto&near=#lista-{first}")),
            ],
        )
        .expect("POST");
    assert_eq!(a.status, 303, "{}", a.body);
    assert!(a
        .location
        .as_deref()
        .unwrap_or("")
        .ends_with(&format!("/enti?path=pcto&near=#lista-{first}")));
    let a = get(&mut t, "/enti?path=pcto&near=");
    assert_eq!(a.body.matches("Aggiungi alla lista di 1A").count(), 19);
    assert_eq!(a.body.matches("Togli dalla lista di 1A").count(), 1);
    assert!(a.body.contains("1 ente nella lista."));

    // The list page shows it with its facts and a way to remove it.
    let a = get(&mut t, &format!("/scuola/{school}/liste"));
    assert_eq!(a.status, 200);
    assert!(a.body.contains(&html(&first_name)), "the host's name");
    assert!(a.body.contains(&format!("href=\"/enti/{first}\"")));
    assert!(a.body.contains("Alternanza scuola-lavoro (PCTO)"));
    assert!(a.body.contains("shortlists/removal"));
    assert!(a.body.contains("shortlists?format=csv"), "the CSV");
    assert_eq!(a.header("cache-control"), Some("private, no-store"));

    // A cookie naming a class that is not theirs is no choice.
    t.set_cookie(
        domain::shortlist::CHOICE_COOKIE,
        Some(&format!("{}-P1A", school + 1000)),
    );
    let a = get(&mut t, "/enti?path=pcto&near=");
    assert!(!a.body.contains("lista-azione"));
    // Choosing no list clears it.
    let a = t
        .post_form("/enti/lista", &[("csrf", csrf.as_str()), ("lista", "")])
        .expect("POST");
    assert_eq!(a.status, 303);
    assert!(t.cookie(domain::shortlist::CHOICE_COOKIE).is_none());
    t.refresh_csrf().expect("token");
    remove(&mut t, school, "1A", first);
}

#[test]
fn a_host_no_longer_published_stays_on_the_list_as_such_until_removed() {
    let _serial = serial();
    let (mut sec, me) = signed_in(SECRETARY_B);
    let school = school_of(&me);
    // The register has no withdrawal yet, so the entry is written as an addition would have
    // written it, for a host id that is not (or no longer) in the register.
    let gone: u64 = 8_000_000_000;
    let sql = std::env::temp_dir().join(format!("ponte-shortlist-gone-{}.sql", std::process::id()));
    std::fs::write(
        &sql,
        format!(
            "INSERT OR REPLACE INTO shortlists (school_id, class_code, host_id, host_name, \
             added_by, added_by_name, added_at) VALUES ({school}, '2A', {gone}, \
             'Officina Chiusa s.r.l.', 'X', 'Maria Rossi', 1773997200);"
        ),
    )
    .expect("sql");
    retrying("the entry", || xtask::server::execute_file(&state(), &sql));
    let _ = std::fs::remove_file(&sql);

    let v = json_of(&get(
        &mut sec,
        &format!("/api/v1/schools/{school}/shortlists?class=2A"),
    ));
    let e = v["classes"][0]["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|e| e["host_id"] == gone)
        .cloned()
        .unwrap_or_else(|| panic!("the entry: {v}"));
    assert_eq!(e["published"], false);
    assert_eq!(e["name"], "Officina Chiusa s.r.l.");
    assert!(e["host"].is_null() && e["contacts"].is_null(), "{e}");
    let a = get(&mut sec, &format!("/scuola/{school}/liste"));
    assert!(a.body.contains("Non più pubblicato"));
    let lines = csv_lines(&get(
        &mut sec,
        &format!("/api/v1/schools/{school}/shortlists?class=2A&format=csv"),
    ));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("2A;Officina Chiusa s.r.l.;\"no, non più pubblicato\";")));
    // It can be removed, and cannot be added again.
    assert_eq!(
        json_of(&remove(&mut sec, school, "2A", gone))["changed"],
        true
    );
    assert_error(
        &add(&mut sec, school, "2A", gone),
        404,
        "not_found",
        "not published",
    );
}

#[test]
fn any_search_downloads_as_csv_in_italian_with_contacts() {
    let _serial = serial();
    let mut c = browser();
    let total = json_of(&get(&mut c, "/api/v1/hosts?path=pcto&per_page=1"))["total"]
        .as_u64()
        .expect("total");
    let a = get(&mut c, "/enti.csv?path=pcto");
    assert!(a
        .header("content-disposition")
        .unwrap_or("")
        .contains("attachment"));
    let lines = csv_lines(&a);
    assert_eq!(lines[0], domain::shortlist::SEARCH_COLUMNS.join(";"));
    // One row a host (no value holds a line break).
    assert_eq!(lines.len() as u64 - 1, total.min(5000));
    let date = |s: &str| {
        s.split("dal ").skip(1).all(|p| {
            let d = &p[..10];
            d.len() == 10 && &d[2..3] == "/" && &d[5..6] == "/"
        })
    };
    for l in &lines[1..] {
        assert!(l.contains("Alternanza scuola-lavoro (PCTO)"), "{l}");
        assert!(date(l), "dates as dd/mm/yyyy: {l}");
        assert!(l.contains("/enti/"), "the profile's link: {l}");
        // No cell starts a formula.
        for cell in l.split(';') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '-', '@']) || cell.parse::<f64>().is_ok(),
                "{l}"
            );
        }
    }
    assert!(
        lines[1..].iter().any(|l| l.contains('@')),
        "e-mail contacts"
    );
    // The page and page size do not matter; a bad filter is the search's 400.
    assert_eq!(
        csv_lines(&get(&mut c, "/enti.csv?path=pcto&page=3&per_page=5")).len(),
        lines.len()
    );
    let a = get(&mut c, "/enti.csv?region=99");
    assert_eq!(a.status, 400, "{}", a.body);
    assert_eq!(error_code(&a), "invalid_field");
}

#[test]
fn a_host_s_profile_prints_with_its_address_and_a_print_button() {
    let _serial = serial();
    let mut c = browser();
    let id = hosts(0, 1)[0].0;
    let a = get(&mut c, &format!("/enti/{id}"));
    assert_eq!(a.status, 200);
    assert!(a.body.contains("data-stampa"), "the print button");
    assert!(a.body.contains("Stampa la scheda"));
    assert!(a.body.contains("Ctrl+P"), "the way without scripts");
    assert!(
        a.body.contains(&format!("/enti/{id}</p>")),
        "the page's address, for paper"
    );
    let script = a
        .body
        .split("<script type=\"module\" src=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the print module");
    assert!(script.starts_with("/pkg/stampa."), "{script}");
    let js = get(&mut c, script);
    assert_eq!(js.status, 200);
    assert!(js.body.contains("window.print()"));
    // No inline script beyond the nonce'd ones the policy allows.
    let csp = a.header("content-security-policy").unwrap_or("");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
}
