//! Sign-in, sessions, roles, CSRF, who reaches which school object, and the imports, over HTTP
//! against the real worker, signed in through the local SPID and CIE providers as the demo
//! people (`cargo xtask test` starts them and imports the two demo schools first).
//!
//! School A is the Istituto Comprensivo, school B the small liceo. The tests run in parallel
//! threads: those that create imports or change a school's data hold [`school_data`], and every
//! change is undone before the lock is released.

use domain::import::{self, ImportContext, PupilRow, StaffRow};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};
use xtask::client::{encode, Answer, Client};
use xtask::stack::{import_bytes, import_file};

use e2e::people::*;

fn origin_of(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("http", url));
    format!("{scheme}://{}", rest.split('/').next().unwrap_or(rest))
}

fn absolute(page_url: &str, href: &str) -> String {
    if href.starts_with("http://") || href.starts_with("https://") {
        href.to_owned()
    } else {
        format!("{}{href}", origin_of(page_url))
    }
}

/// The value of `name` in the query of `url` (values Ponte and the provider write need no
/// decoding beyond `%2F`-free base64url).
fn query_param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| v.to_owned())
    })
}

/// A sign-in step by step, as the browser makes it: `/accedi/{provider}?next=…` (the query
/// value as given), the provider's page, the person's button, the provider's redirects, up to
/// the URL of Ponte's callback, which is returned without being requested.
fn to_callback(c: &mut Client, provider: &str, cf: &str, next_query: &str) -> String {
    let base = demo().base.clone();
    let start = get(c, &format!("/accedi/{provider}?next={next_query}"));
    assert_eq!(start.status, 303, "start of the sign-in: {}", start.body);
    let authorize = start.location.clone().expect("a redirect to the provider");
    assert!(
        !authorize.starts_with(&base),
        "the sign-in starts at the provider, not at {authorize}"
    );
    let (page_url, page) = c.follow(&authorize).expect("the provider's page");
    assert_eq!(
        page.status, 200,
        "provider page at {page_url}: {}",
        page.body
    );
    let form = &page.body[page
        .body
        .find("<form")
        .expect("a form on the provider's page")..];
    let action = &form[form.find("action=\"").expect("form action") + 8..];
    let action = action[..action.find('"').expect("end of action")].replace("&amp;", "&");
    let posted = c
        .post_form(&absolute(&page_url, &action), &[("cf", cf)])
        .expect("the provider takes the person");
    let mut next = posted
        .location
        .unwrap_or_else(|| panic!("provider answered {}: {}", posted.status, posted.body));
    for _ in 0..10 {
        if next.starts_with(&base) {
            assert!(
                next.contains(&format!("/accedi/{provider}/ritorno?")),
                "back at Ponte's callback, not {next}"
            );
            return next;
        }
        let a = get(c, &next);
        next = a
            .location
            .unwrap_or_else(|| panic!("provider stopped at {next}: {} {}", a.status, a.body));
    }
    panic!("the provider never sent the browser back to Ponte");
}

/// The `Set-Cookie` line of an answer for cookie `name`.
fn set_cookie<'a>(a: &'a Answer, name: &str) -> Option<&'a str> {
    a.set_cookies
        .iter()
        .map(String::as_str)
        .find(|l| l.starts_with(&format!("{name}=")))
}

/// The attributes of a `Set-Cookie` line, in lower case (`max-age=600`, `httponly`, …).
fn cookie_attributes(line: &str) -> Vec<String> {
    line.split(';')
        .skip(1)
        .map(|a| a.trim().to_ascii_lowercase())
        .collect()
}

#[track_caller]
fn assert_host_cookie(line: &str, max_age: i64) {
    let attrs = cookie_attributes(line);
    for want in ["httponly", "secure", "samesite=lax", "path=/"] {
        assert!(attrs.iter().any(|a| a == want), "{want} in {line}");
    }
    assert!(
        !attrs.iter().any(|a| a.starts_with("domain")),
        "a __Host- cookie has no Domain: {line}"
    );
    assert!(
        attrs.contains(&format!("max-age={max_age}")),
        "Max-Age={max_age} in {line}"
    );
}

/// `/api/v1/me` with only cookie `sid`, from a browser that has nothing else.
fn me_with_cookie(sid: &str) -> Answer {
    let mut other = browser();
    other.set_cookie(SID, Some(sid));
    get(&mut other, "/api/v1/me")
}

fn ids(v: &Value) -> Vec<i64> {
    v.as_array()
        .expect("an array of ids")
        .iter()
        .map(|i| i.as_i64().expect("an id"))
        .collect()
}

fn school_of(me: &Value) -> i64 {
    me["staff"][0]["school_id"]
        .as_i64()
        .unwrap_or_else(|| panic!("staff of a school: {me}"))
}

/// Text as Leptos writes it into HTML.
fn html_escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

fn page_has(body: &str, text: &str) -> bool {
    body.contains(text)
        || body.contains(&html_escaped(text))
        || body.contains(&text.replace('\'', "&#39;"))
}

// ------------------------------------------------------------------------------------------
// School data: files, pupils, imports.

/// Held by the tests that create imports or change a school's data, so each sees only its own
/// changes (a failed test must not block the others: a poisoned lock is still a lock).
fn school_data() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(PoisonError::into_inner)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The pupils of a demo school's `alunni` file, by matricola.
fn pupils_in_file(dir: &Path) -> BTreeMap<String, PupilRow> {
    let parsed = import::parse_file::<PupilRow>(
        &read(&dir.join("alunni.csv")),
        &ImportContext::format_only(),
    );
    assert!(parsed.is_ok(), "demo alunni.csv: {:?}", parsed.errors);
    parsed
        .rows
        .into_iter()
        .map(|(_, r)| (r.matricola.as_str().to_owned(), r))
        .collect()
}

/// Every pupil a secretary reaches around pupil `seed` (a school's pupils have neighbouring
/// ids): ids are tried downwards and upwards until 40 in a row are not found.
fn pupils_around(c: &mut Client, seed: i64) -> BTreeMap<i64, Value> {
    let mut found = BTreeMap::new();
    for step in [-1i64, 1] {
        let (mut id, mut misses) = (seed, 0);
        while misses < 40 && id > 0 {
            let a = get(c, &format!("/api/v1/pupils/{id}"));
            match a.status {
                200 => {
                    found.insert(id, json_of(&a));
                    misses = 0;
                }
                404 => misses += 1,
                s => panic!("pupil {id}: {s} {}", a.body),
            }
            id += step;
        }
    }
    found
}

fn pupil(c: &mut Client, id: i64) -> Value {
    let a = get(c, &format!("/api/v1/pupils/{id}"));
    assert_eq!(a.status, 200, "pupil {id}: {}", a.body);
    json_of(&a)
}

fn absences(c: &mut Client, id: i64) -> Vec<Value> {
    let a = get(c, &format!("/api/v1/pupils/{id}/absences"));
    assert_eq!(a.status, 200, "absences of {id}: {}", a.body);
    let v = json_of(&a);
    assert_eq!(v["pupil_id"], id);
    v["items"].as_array().expect("items").clone()
}

fn imports_of(c: &mut Client, school: i64) -> Vec<Value> {
    let a = get(c, &format!("/api/v1/schools/{school}/imports"));
    assert_eq!(a.status, 200, "imports of {school}: {}", a.body);
    json_of(&a)["items"].as_array().expect("items").clone()
}

fn import_of(c: &mut Client, id: i64) -> Value {
    let a = get(c, &format!("/api/v1/imports/{id}"));
    assert_eq!(a.status, 200, "import {id}: {}", a.body);
    json_of(&a)
}

/// A new import in staging, created as the school's office does.
fn new_import(c: &mut Client, school: i64, kind: &str, name: &str, bytes: usize) -> i64 {
    let a = post_json(
        c,
        &format!("/api/v1/schools/{school}/imports"),
        &json!({"kind": kind, "file_name": name, "file_bytes": bytes}),
    );
    assert_eq!(a.status, 201, "new import {name}: {}", a.body);
    let v = json_of(&a);
    assert_eq!(v["status"], "staging");
    assert_eq!(v["school_id"], school);
    v["id"].as_i64().expect("import id")
}

fn send_part(c: &mut Client, id: i64, first_line: u32, bytes: &[u8]) -> Answer {
    send(
        c,
        "POST",
        &format!("/api/v1/imports/{id}/parts?first_line={first_line}"),
        Some(("text/csv", bytes)),
    )
}

fn commit(c: &mut Client, id: i64) -> Answer {
    send(c, "POST", &format!("/api/v1/imports/{id}/commit"), None)
}

/// A file imported whole must go live with this summary.
#[track_caller]
fn assert_live(answer: &Value, written: u64, removed: u64, what: &str) {
    assert_eq!(answer["status"], "live", "{what}: {answer}");
    assert_eq!(answer["error_count"], 0, "{what}: {answer}");
    assert_eq!(
        answer["summary"],
        json!({"written": written, "removed": removed}),
        "{what}: {answer}"
    );
}

/// An `assenze` part with one row whose pupil is not in any school: staged with an error, so
/// committing it is refused and nothing is written.
const BAD_ABSENCE_PART: &[u8] = b"matricola;data;tipo\nNESSUNO/1;2025-10-01;assenza\n";

// ------------------------------------------------------------------------------------------
// 1. Sign-in and sessions.

#[test]
fn sign_in_with_spid_and_cie_gives_a_host_only_session_that_rotates_and_ends_at_logout() {
    let base = demo().base.clone();
    let p = demo().person(GUARDIAN_OF_TWO);
    let mut c = browser();

    // SPID: the codice fiscale comes in `fiscal_number` as TINIT-…, the token is RS256.
    let start = get(&mut c, "/accedi/spid?next=/area");
    assert_eq!(start.status, 303);
    let login = set_cookie(&start, LOGIN).expect("the sign-in cookie");
    assert_host_cookie(login, domain::session::LOGIN_TTL_SECS);
    let callback = to_callback(&mut c, "spid", &p.cf, "/area");
    let back = get(&mut c, &callback);
    assert_eq!(back.status, 303, "{}", back.body);
    assert_eq!(back.location.as_deref(), Some(&*format!("{base}/area")));
    let sid_line = set_cookie(&back, SID).expect("the session cookie is set");
    assert_host_cookie(sid_line, domain::session::ABSOLUTE_SECS);
    let cleared = set_cookie(&back, LOGIN).expect("the sign-in cookie is cleared");
    assert!(cookie_attributes(cleared).contains(&"max-age=0".to_owned()));
    let first_sid = c.cookie(SID).expect("session cookie kept").to_owned();
    assert!(domain::session::is_token(&first_sid), "{first_sid}");

    let spid_me = c.refresh_csrf().expect("/api/v1/me");
    assert_eq!(spid_me["codice_fiscale"], p.cf.as_str());
    assert_eq!(spid_me["given_name"], p.given_name.as_str());
    assert_eq!(spid_me["family_name"], p.family_name.as_str());
    assert_eq!(ids(&spid_me["guardian_of"]).len(), 2, "{spid_me}");
    assert_eq!(spid_me["staff"], json!([]));
    let first_csrf = spid_me["csrf_token"]
        .as_str()
        .expect("csrf token")
        .to_owned();

    // CIE in the same browser: the codice fiscale is `sub`, the token ES256; same person, same
    // roles, a new session id and CSRF token, and the old session is gone.
    let callback = to_callback(&mut c, "cie", &p.cf, "/famiglia");
    let back = get(&mut c, &callback);
    assert_eq!(back.status, 303, "{}", back.body);
    assert_eq!(back.location.as_deref(), Some(&*format!("{base}/famiglia")));
    let second_sid = c.cookie(SID).expect("session cookie").to_owned();
    assert_ne!(second_sid, first_sid, "the session id rotates at sign-in");
    let cie_me = c.refresh_csrf().expect("/api/v1/me");
    for k in [
        "codice_fiscale",
        "given_name",
        "family_name",
        "guardian_of",
        "staff",
    ] {
        assert_eq!(
            cie_me[k], spid_me[k],
            "{k} is the same through SPID and CIE"
        );
    }
    assert_ne!(cie_me["csrf_token"], first_csrf.as_str());
    assert_error(
        &me_with_cookie(&first_sid),
        401,
        "unauthenticated",
        "the cookie of the session replaced at the second sign-in",
    );
    assert_eq!(me_with_cookie(&second_sid).status, 200);

    // Staff sign in the same way through both.
    let teacher = demo().person(TEACHER_A);
    let mut staff_me = Vec::new();
    for provider in ["spid", "cie"] {
        let mut t = browser();
        t.sign_in(provider, &teacher.cf)
            .unwrap_or_else(|e| panic!("{provider}: {e}"));
        let me = t.refresh_csrf().expect("me");
        assert_eq!(me["codice_fiscale"], teacher.cf.as_str(), "{provider}");
        assert_eq!(me["staff"][0]["role"], "docente", "{provider}: {me}");
        staff_me.push(me["staff"].clone());
    }
    assert_eq!(staff_me[0], staff_me[1]);

    // Logout without the token: refused, and the session still works.
    let token = c.csrf.take().expect("csrf token");
    let refused = c.post_form("/esci", &[]).expect("POST /esci");
    assert_error(&refused, 403, "csrf_rejected", "logout without the token");
    let refused = c
        .post_form("/esci", &[("csrf", "not-the-token")])
        .expect("POST /esci");
    assert_error(&refused, 403, "csrf_rejected", "logout with a wrong token");
    assert_eq!(get(&mut c, "/api/v1/me").status, 200, "still signed in");

    // Logout with the form's csrf field (what the page's button sends): the session ends now.
    let out = c
        .post_form("/esci", &[("csrf", token.as_str())])
        .expect("POST /esci");
    assert_eq!(out.status, 303, "{}", out.body);
    assert_eq!(out.location.as_deref(), Some(&*format!("{base}/")));
    let cleared = set_cookie(&out, SID).expect("the session cookie is cleared");
    assert!(cookie_attributes(cleared).contains(&"max-age=0".to_owned()));
    assert!(c.cookie(SID).is_none());
    assert_error(
        &me_with_cookie(&second_sid),
        401,
        "unauthenticated",
        "the session cookie right after logout",
    );
    let again = get(&mut c, "/famiglia");
    assert_eq!(again.status, 303);
}

// ------------------------------------------------------------------------------------------
// 2. Sign-in security.

#[test]
fn a_callback_with_a_forged_state_fails_and_opens_no_session() {
    let p = demo().person(GUARDIAN_A);
    for cookie in [Some("A".repeat(43)), Some("forged".to_owned()), None] {
        let mut c = browser();
        let callback = to_callback(&mut c, "spid", &p.cf, "/area");
        assert!(c.cookie(LOGIN).is_some());
        c.set_cookie(LOGIN, cookie.as_deref());
        let a = get(&mut c, &callback);
        assert_eq!(a.status, 400, "login cookie {cookie:?}: {}", a.body);
        assert!(
            a.content_type.starts_with("text/html"),
            "{}",
            a.content_type
        );
        assert!(page_has(&a.body, "Accesso non riuscito"), "{}", a.body);
        assert!(
            page_has(&a.body.to_lowercase(), "ripetere l'accesso"),
            "{}",
            a.body
        );
        assert!(
            set_cookie(&a, SID).is_none(),
            "no session: {:?}",
            a.set_cookies
        );
        assert!(c.cookie(SID).is_none());
        assert_error(
            &get(&mut c, "/api/v1/me"),
            401,
            "unauthenticated",
            "after a forged state",
        );
    }
}

#[test]
fn a_used_callback_cannot_be_replayed() {
    let p = demo().person(GUARDIAN_A);
    let mut c = browser();
    let callback = to_callback(&mut c, "cie", &p.cf, "/area");
    // The sign-in cookie is the signed sign-in under way (its `state` inside), not the state.
    let state = c.cookie(LOGIN).expect("sign-in cookie").to_owned();
    assert!(query_param(&callback, "state").is_some());
    assert_eq!(state.matches('.').count(), 1, "{state}");
    let first = get(&mut c, &callback);
    assert_eq!(first.status, 303, "{}", first.body);
    let sid = c.cookie(SID).expect("signed in").to_owned();

    // The same browser again: the sign-in cookie is gone, so is the sign-in.
    let again = get(&mut c, &callback);
    assert_eq!(again.status, 400, "{}", again.body);
    assert!(set_cookie(&again, SID).is_none());
    assert_eq!(c.cookie(SID), Some(&*sid), "the session is not touched");

    // Someone holding the URL and the sign-in cookie: the provider took the code once.
    let mut thief = browser();
    thief.set_cookie(LOGIN, Some(&state));
    let stolen = get(&mut thief, &callback);
    assert_eq!(stolen.status, 400, "{}", stolen.body);
    assert!(
        page_has(&stolen.body, "è già stato usato"),
        "says the sign-in was used: {}",
        stolen.body
    );
    assert!(set_cookie(&stolen, SID).is_none());
    assert!(thief.cookie(SID).is_none());
    assert_error(
        &get(&mut thief, "/api/v1/me"),
        401,
        "unauthenticated",
        "replayed callback",
    );
    assert_eq!(me_with_cookie(&sid).status, 200);
}

#[test]
fn a_sign_in_cancelled_at_the_provider_shows_the_failure_page() {
    for provider in ["spid", "cie"] {
        let mut c = browser();
        let start = get(&mut c, &format!("/accedi/{provider}?next=/area"));
        assert_eq!(start.status, 303);
        let authorize = start.location.expect("to the provider");
        let state = query_param(&authorize, "state").expect("state in the authorization URL");
        let issuer = origin_of(&authorize);
        let a = get(
            &mut c,
            &format!(
                "/accedi/{provider}/ritorno?error=access_denied&error_description={}&state={state}&iss={}",
                encode("User cancelled"),
                encode(&issuer)
            ),
        );
        assert_eq!(a.status, 400, "{provider}: {}", a.body);
        assert!(a.content_type.starts_with("text/html"));
        assert!(
            page_has(&a.body, "L'accesso è stato annullato"),
            "{provider}: {}",
            a.body
        );
        assert!(page_has(&a.body, "href=\"/accedi\""), "a way to retry");
        assert!(set_cookie(&a, SID).is_none());
        let cleared = set_cookie(&a, LOGIN).expect("the sign-in cookie is cleared");
        assert!(cookie_attributes(cleared).contains(&"max-age=0".to_owned()));
        assert_eq!(get(&mut c, "/api/v1/me").status, 401);
    }
}

#[test]
fn an_unknown_provider_is_a_404_page() {
    let mut c = browser();
    for path in ["/accedi/unknown", "/accedi/unknown/ritorno?code=x&state=y"] {
        let a = get(&mut c, path);
        assert_eq!(a.status, 404, "{path}: {}", a.body);
        assert!(a.content_type.starts_with("text/html"), "{path}");
        assert!(page_has(&a.body, "non è disponibile"), "{path}: {}", a.body);
        assert!(a.set_cookies.iter().all(|l| !l.starts_with(SID)));
    }
}

#[test]
fn next_never_leads_off_site() {
    let base = demo().base.clone();
    let p = demo().person(GUARDIAN_A);
    for next in [
        "//evil.example".to_owned(),
        encode("//evil.example/famiglia"),
        encode("https://evil.example/"),
        encode("/\\evil.example"),
        encode("http:evil.example"),
    ] {
        let mut c = browser();
        let callback = to_callback(&mut c, "cie", &p.cf, &next);
        let a = get(&mut c, &callback);
        assert_eq!(a.status, 303, "next={next}: {}", a.body);
        assert_eq!(
            a.location.as_deref(),
            Some(&*format!("{base}/area")),
            "next={next}"
        );
        let (landed, page) = c.follow(&format!("{base}/area")).expect("the area");
        assert!(landed.starts_with(&base), "next={next} landed at {landed}");
        assert_eq!(page.status, 200, "{landed}");
    }
    // A local `next` is kept.
    let mut c = browser();
    let callback = to_callback(&mut c, "cie", &p.cf, &encode("/famiglia"));
    let a = get(&mut c, &callback);
    assert_eq!(a.location.as_deref(), Some(&*format!("{base}/famiglia")));
}

// ------------------------------------------------------------------------------------------
// 3. Roles.

#[test]
fn a_guardian_of_two_sees_both_children() {
    let base = demo().base.clone();
    let (mut c, me) = signed_in(GUARDIAN_OF_TWO);
    let children = ids(&me["guardian_of"]);
    assert_eq!(children.len(), 2, "{me}");
    assert_eq!(me["staff"], json!([]));

    // What the school's files say about this guardian's children.
    let dir = demo().school_dir_of(&demo().person(SECRETARY_A).cf);
    let tutori = import::parse_file::<import::GuardianRow>(
        &read(&dir.join("tutori.csv")),
        &ImportContext::format_only(),
    );
    let cf = &demo().person(GUARDIAN_OF_TWO).cf;
    let expected: BTreeSet<String> = tutori
        .rows
        .iter()
        .filter(|(_, g)| g.codice_fiscale.as_str() == cf)
        .map(|(_, g)| g.matricola.as_str().to_owned())
        .collect();
    let in_file = pupils_in_file(&dir);

    let famiglia = get(&mut c, "/famiglia");
    assert_eq!(famiglia.status, 200, "{}", famiglia.body);
    let mut seen = BTreeSet::new();
    for id in children {
        let p = pupil(&mut c, id);
        let matricola = p["matricola"].as_str().expect("matricola").to_owned();
        let row = &in_file[&matricola];
        assert_eq!(p["name"], row.name.as_str());
        assert_eq!(p["surname"], row.surname.as_str());
        assert_eq!(p["class_code"], row.class.as_str());
        let name = format!("{} {}", row.name.as_str(), row.surname.as_str());
        assert!(page_has(&famiglia.body, &name), "/famiglia lists {name}");
        absences(&mut c, id);
        seen.insert(matricola);
    }
    assert_eq!(seen, expected, "the children of the tutori file");
    let area = get(&mut c, "/area");
    assert_eq!(area.status, 303);
    assert_eq!(area.location.as_deref(), Some(&*format!("{base}/famiglia")));
}

#[test]
fn staff_see_their_roles_and_a_teacher_their_classes() {
    let base = demo().base.clone();
    let dir_a = demo().school_dir_of(&demo().person(SECRETARY_A).cf);
    let dir_b = demo().school_dir_of(&demo().person(SECRETARY_B).cf);
    let staff_file = |dir: &Path| {
        import::parse_file::<StaffRow>(
            &read(&dir.join("personale.csv")),
            &ImportContext::format_only(),
        )
        .rows
    };
    let (_, sec_a) = signed_in(SECRETARY_A);
    let school_a = school_of(&sec_a);
    let (_, sec_b) = signed_in(SECRETARY_B);
    let school_b = school_of(&sec_b);
    assert_ne!(school_a, school_b);
    for (label, dir, school, role) in [
        (TEACHER_A, &dir_a, school_a, "docente"),
        (TEACHER_B, &dir_b, school_b, "docente"),
        (SECRETARY_A, &dir_a, school_a, "segreteria"),
        (HEAD_A, &dir_a, school_a, "dirigente"),
        (SECRETARY_B, &dir_b, school_b, "segreteria"),
    ] {
        let person = demo().person(label);
        let file = staff_file(dir);
        let row = &file
            .iter()
            .find(|(_, r)| r.codice_fiscale.as_str() == person.cf && r.role.as_str() == role)
            .unwrap_or_else(|| panic!("{label} in personale.csv"))
            .1;
        let classes: Vec<String> = row.classes.iter().map(|c| c.as_str().to_owned()).collect();
        let coordinates: Vec<String> = row
            .coordinates
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect();
        if role == "docente" {
            assert!(!classes.is_empty());
        }
        let (mut c, me) = signed_in(label);
        assert_eq!(me["codice_fiscale"], person.cf.as_str());
        assert_eq!(me["guardian_of"], json!([]), "{label}");
        assert_eq!(
            me["staff"],
            json!([{"school_id": school, "role": role, "classes": classes,
                    "coordinates": coordinates}]),
            "{label}"
        );
        let area = get(&mut c, "/area");
        assert_eq!(area.location.as_deref(), Some(&*format!("{base}/scuola")));
        assert_eq!(get(&mut c, "/scuola").status, 200, "{label}");
    }
    let (_, teacher) = signed_in(TEACHER_A);
    assert_eq!(teacher["staff"][0]["classes"], json!(["P1A", "P1B"]));
}

/// A teacher's home shows their classes, each with its pupils (the demo file's, counted here),
/// and their number; the office's shows the whole school's (issue 23 point 6).
#[test]
fn a_teacher_s_home_shows_their_classes_and_pupils_the_office_the_school() {
    let _lock = school_data();
    let person = demo().person(TEACHER_A);
    let dir = demo().school_dir_of(&person.cf);
    let all = pupils_in_file(&dir);
    let (mut c, _) = signed_in(TEACHER_A);
    let home = get(&mut c, "/scuola");
    assert_eq!(home.status, 200);
    assert!(page_has(&home.body, "Alunni delle sue classi"));
    let mut total = 0;
    for class in ["P1A", "P1B"] {
        let mut names: Vec<String> = all
            .values()
            .filter(|p| p.class.as_str() == class)
            .map(|p| format!("{} {}", p.surname.as_str(), p.name.as_str()))
            .collect();
        names.sort();
        assert!(!names.is_empty(), "{class} has pupils in the demo file");
        total += names.len();
        let summary = format!("{class} · {} alunni", names.len());
        let at = home
            .body
            .find(&summary)
            .unwrap_or_else(|| panic!("{summary} on the teacher's home"));
        let list = &home.body[at..];
        let list = &list[..list.find("</ol>").unwrap_or(list.len())];
        for n in &names {
            assert!(page_has(list, n), "{n} listed under {class}");
        }
        assert_eq!(
            list.matches("<li>").count(),
            names.len(),
            "{class}: only its pupils"
        );
    }
    assert!(
        home.body.contains(&format!("data-pupils=\"{total}\"")),
        "the teacher's count is their classes' {total}, not the school's"
    );
    // A pupil of another class is not on the page.
    let other = all
        .values()
        .find(|p| p.class.as_str() == "P3B")
        .expect("a pupil of P3B");
    let other_name = format!("{} {}", other.surname.as_str(), other.name.as_str());
    let same_name_mine = all.values().any(|p| {
        matches!(p.class.as_str(), "P1A" | "P1B")
            && format!("{} {}", p.surname.as_str(), p.name.as_str()) == other_name
    });
    if !same_name_mine {
        assert!(
            !page_has(&home.body, &other_name),
            "{other_name} of P3B is not shown"
        );
    }
    // The office: the whole school, no class lists.
    let (mut office, _) = signed_in(SECRETARY_A);
    let home = get(&mut office, "/scuola");
    assert!(page_has(&home.body, "Alunni della scuola"));
    assert!(home
        .body
        .contains(&format!("data-pupils=\"{}\"", all.len())));
    assert!(!home.body.contains("class=\"roll\""));
}

#[test]
fn a_person_without_a_role_sees_only_the_page_saying_so() {
    let person = demo().person(NO_ROLE);
    let (mut c, me) = signed_in(NO_ROLE);
    assert_eq!(me["guardian_of"], json!([]));
    assert_eq!(me["staff"], json!([]));
    for page in ["/area", "/famiglia", "/scuola"] {
        let a = get(&mut c, page);
        assert_eq!(a.status, 403, "{page}: {}", a.body);
        assert!(
            page_has(&a.body, "Il suo codice fiscale non risulta registrato"),
            "{page}: {}",
            a.body
        );
        assert!(
            a.body.contains(&person.cf),
            "{page} shows the codice fiscale"
        );
    }
    for id in (1..=5)
        .map(|i| i.to_string())
        .chain(["999999".into(), "0".into(), "x".into()])
    {
        for path in [
            format!("/api/v1/pupils/{id}"),
            format!("/api/v1/pupils/{id}/absences"),
        ] {
            assert_error(&get(&mut c, &path), 404, "not_found", &path);
        }
    }
}

#[test]
fn anonymous_requests_are_sent_to_sign_in() {
    let base = demo().base.clone();
    let mut c = browser();
    assert_error(
        &get(&mut c, "/api/v1/me"),
        401,
        "unauthenticated",
        "/api/v1/me",
    );
    for (page, next) in [
        ("/famiglia", "%2Ffamiglia"),
        ("/area", "%2Farea"),
        ("/scuola", "%2Fscuola"),
    ] {
        let a = get(&mut c, page);
        assert_eq!(a.status, 303, "{page}");
        assert_eq!(
            a.location.as_deref(),
            Some(&*format!("{base}/accedi?next={next}")),
            "{page}"
        );
    }
    let accedi = get(&mut c, "/accedi?next=%2Ffamiglia");
    assert_eq!(accedi.status, 200);
    for provider in ["spid", "cie"] {
        assert!(
            accedi.body.contains(&format!("/accedi/{provider}")),
            "{provider} offered"
        );
    }
}

// ------------------------------------------------------------------------------------------
// 4. CSRF.

/// One way a forged state-changing request may arrive.
struct Forgery {
    what: &'static str,
    csrf: Option<&'static str>,
    origin: Option<&'static str>,
    fetch_site: Option<&'static str>,
}

const FORGERIES: [Forgery; 5] = [
    Forgery {
        what: "no token",
        csrf: None,
        origin: Some("own"),
        fetch_site: None,
    },
    Forgery {
        what: "a wrong token",
        csrf: Some("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        origin: Some("own"),
        fetch_site: None,
    },
    Forgery {
        what: "another site's Origin",
        csrf: Some("own"),
        origin: Some("https://evil.example"),
        fetch_site: None,
    },
    Forgery {
        what: "Origin: null",
        csrf: Some("own"),
        origin: Some("null"),
        fetch_site: None,
    },
    Forgery {
        what: "Sec-Fetch-Site: cross-site",
        csrf: Some("own"),
        origin: None,
        fetch_site: Some("cross-site"),
    },
];

/// `method path` sent by `c` as forgery `f` describes; `c`'s own token and origin are restored.
fn forged(c: &mut Client, f: &Forgery, method: &str, path: &str, body: (&str, &[u8])) -> Answer {
    let (csrf, origin) = (c.csrf.clone(), c.origin.clone());
    let own = |v: Option<&str>, own: &Option<String>| match v {
        Some("own") => own.clone(),
        other => other.map(str::to_owned),
    };
    c.csrf = own(f.csrf, &csrf);
    c.origin = own(f.origin, &origin);
    let headers: Vec<(&str, &str)> = f
        .fetch_site
        .map(|s| ("sec-fetch-site", s))
        .into_iter()
        .collect();
    let a = c
        .request(method, path, Some(body), &headers)
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
    c.csrf = csrf;
    c.origin = origin;
    a
}

#[test]
fn state_changing_requests_need_the_token_and_ponte_origin() {
    let _lock = school_data();
    let (mut c, me) = signed_in(SECRETARY_B);
    let school = school_of(&me);
    let list = format!("/api/v1/schools/{school}/imports");
    let before = imports_of(&mut c, school);

    let new =
        json!({"kind": "assenze", "file_name": "csrf-forged.csv", "file_bytes": 64}).to_string();
    for f in &FORGERIES {
        let a = forged(
            &mut c,
            f,
            "POST",
            &list,
            ("application/json", new.as_bytes()),
        );
        assert_error(
            &a,
            403,
            "csrf_rejected",
            &format!("create import with {}", f.what),
        );
    }
    assert_eq!(imports_of(&mut c, school), before, "no import was created");

    // A legitimate import, then forged parts and commits of it.
    let id = new_import(&mut c, school, "assenze", "csrf-target.csv", 64);
    let staged = import_of(&mut c, id);
    for f in &FORGERIES {
        let a = forged(
            &mut c,
            f,
            "POST",
            &format!("/api/v1/imports/{id}/parts?first_line=2"),
            ("text/csv", BAD_ABSENCE_PART),
        );
        assert_error(&a, 403, "csrf_rejected", &format!("part with {}", f.what));
        let a = forged(
            &mut c,
            f,
            "POST",
            &format!("/api/v1/imports/{id}/commit"),
            ("application/json", b""),
        );
        assert_error(&a, 403, "csrf_rejected", &format!("commit with {}", f.what));
    }
    let after = import_of(&mut c, id);
    assert_eq!(after, staged, "the forged requests changed nothing");
    assert_eq!(after["status"], "staging");
    assert_eq!(after["received_bytes"], 0);
    // A JSON array is not the commit's options (the contract probe found one accepted).
    let a = post_json(&mut c, &format!("/api/v1/imports/{id}/commit"), &json!([]));
    assert_error(&a, 400, "invalid_field", "an array as the commit's options");
    assert_eq!(import_of(&mut c, id)["status"], "staging");

    // Logout, forged: the session lives on.
    for f in &FORGERIES {
        let a = forged(
            &mut c,
            f,
            "POST",
            "/esci",
            ("application/x-www-form-urlencoded", b""),
        );
        assert_error(&a, 403, "csrf_rejected", &format!("logout with {}", f.what));
        assert_eq!(get(&mut c, "/api/v1/me").status, 200, "after forged logout");
    }

    // An empty part is a malformed request, not an empty file: refused, nothing staged (found
    // by the contract probe: it was staged as a part with an error, spoiling the import).
    let a = send_part(&mut c, id, 2, b"");
    assert_error(&a, 400, "invalid_field", "empty part");
    assert_eq!(json_of(&a)["error"]["field"], "body", "{}", a.body);
    assert_eq!(
        import_of(&mut c, id),
        staged,
        "the empty part changed nothing"
    );

    // The same requests, genuine, work (and the import is closed without writing anything).
    let part = send_part(&mut c, id, 2, BAD_ABSENCE_PART);
    assert_eq!(part.status, 200, "{}", part.body);
    assert_error(
        &commit(&mut c, id),
        422,
        "import_rejected",
        "genuine commit",
    );
    let out = c.post_form("/esci", &[]).expect("logout");
    assert_eq!(out.status, 303);
    assert_eq!(get(&mut c, "/api/v1/me").status, 401);
}

// ------------------------------------------------------------------------------------------
// 5. Who reaches what.

/// The people of the school access matrix, in the order of its columns.
const SCHOOL_ACTORS: [(&str, Option<&str>); 8] = [
    ("guardian A", Some(GUARDIAN_A)),
    ("guardian B", Some(GUARDIAN_B)),
    ("teacher A", Some(TEACHER_A)),
    ("secretary A", Some(SECRETARY_A)),
    ("head A", Some(HEAD_A)),
    ("secretary B", Some(SECRETARY_B)),
    ("no role", Some(NO_ROLE)),
    ("anonymous", None),
];

/// What a request of the school matrix sends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Send {
    Nothing,
    /// A new import's declaration (`idor-own-…` when the actor may, else `idor-denied-…`).
    NewImport,
    /// A part with one bad row.
    BadPart,
    /// The commit (the bad row makes it a 422 for those who may).
    Commit,
}

/// What a success must show.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shows {
    /// The pupil as the office sees it.
    Pupil,
    /// The pupil's absences as the office sees them.
    Absences,
    /// A list of imports.
    Items,
    /// A new import of the school in the path, staging.
    NewImport,
    /// The import asked for.
    SameImport,
    /// The one bad row counted.
    OneBadRow,
    Anything,
}

/// One request and the status each actor (in the order of [`SCHOOL_ACTORS`]) must get; the
/// error code follows from the status (401 `unauthenticated`, 404 `not_found`, 422
/// `import_rejected`). In paths: `{familyA}` guardian A's child (P3B), `{p1a}` a pupil of
/// teacher A's class P1A, `{familyB}` guardian B's child, `{A}`/`{B}` the schools,
/// `{importA}`/`{importB}` an import of each (a fresh one for those who may run it, else one
/// that must stay as it is).
struct SchoolRow {
    method: &'static str,
    path: &'static str,
    send: Send,
    shows: Shows,
    want: [u16; 8],
}

#[rustfmt::skip]
const SCHOOL_MATRIX: &[SchoolRow] = &[
    //                                                                  gA   gB   tA   secA headA secB none anon
    SchoolRow { method: "GET", path: "/api/v1/pupils/{familyA}", send: Send::Nothing, shows: Shows::Pupil,
                want: [200, 404, 404, 200, 200, 404, 404, 401] },
    SchoolRow { method: "GET", path: "/api/v1/pupils/{familyA}/absences", send: Send::Nothing, shows: Shows::Absences,
                want: [200, 404, 404, 200, 200, 404, 404, 401] },
    SchoolRow { method: "GET", path: "/api/v1/pupils/{p1a}", send: Send::Nothing, shows: Shows::Pupil,
                want: [404, 404, 200, 200, 200, 404, 404, 401] },
    SchoolRow { method: "GET", path: "/api/v1/pupils/{p1a}/absences", send: Send::Nothing, shows: Shows::Absences,
                want: [404, 404, 200, 200, 200, 404, 404, 401] },
    SchoolRow { method: "GET", path: "/api/v1/pupils/{familyB}", send: Send::Nothing, shows: Shows::Pupil,
                want: [404, 200, 404, 404, 404, 200, 404, 401] },
    SchoolRow { method: "GET", path: "/api/v1/pupils/{familyB}/absences", send: Send::Nothing, shows: Shows::Absences,
                want: [404, 200, 404, 404, 404, 200, 404, 401] },
    SchoolRow { method: "GET", path: "/api/v1/schools/{A}/imports", send: Send::Nothing, shows: Shows::Items,
                want: [404, 404, 404, 200, 200, 404, 404, 401] },
    SchoolRow { method: "POST", path: "/api/v1/schools/{A}/imports", send: Send::NewImport, shows: Shows::NewImport,
                want: [404, 404, 404, 201, 201, 404, 404, 401] },
    SchoolRow { method: "GET", path: "/api/v1/schools/{B}/imports", send: Send::Nothing, shows: Shows::Items,
                want: [404, 404, 404, 404, 404, 200, 404, 401] },
    SchoolRow { method: "POST", path: "/api/v1/schools/{B}/imports", send: Send::NewImport, shows: Shows::NewImport,
                want: [404, 404, 404, 404, 404, 201, 404, 401] },
    SchoolRow { method: "GET", path: "/api/v1/imports/{importA}", send: Send::Nothing, shows: Shows::SameImport,
                want: [404, 404, 404, 200, 200, 404, 404, 401] },
    SchoolRow { method: "POST", path: "/api/v1/imports/{importA}/parts?first_line=2", send: Send::BadPart, shows: Shows::OneBadRow,
                want: [404, 404, 404, 200, 200, 404, 404, 401] },
    SchoolRow { method: "POST", path: "/api/v1/imports/{importA}/commit", send: Send::Commit, shows: Shows::Anything,
                want: [404, 404, 404, 422, 422, 404, 404, 401] },
    SchoolRow { method: "GET", path: "/api/v1/imports/{importB}", send: Send::Nothing, shows: Shows::SameImport,
                want: [404, 404, 404, 404, 404, 200, 404, 401] },
    SchoolRow { method: "POST", path: "/api/v1/imports/{importB}/parts?first_line=2", send: Send::BadPart, shows: Shows::OneBadRow,
                want: [404, 404, 404, 404, 404, 200, 404, 401] },
    SchoolRow { method: "POST", path: "/api/v1/imports/{importB}/commit", send: Send::Commit, shows: Shows::Anything,
                want: [404, 404, 404, 404, 404, 422, 404, 401] },
];

/// The column of `SCHOOL_MATRIX` for `method path`.
fn school_want(method: &str, path: &str) -> [u16; 8] {
    SCHOOL_MATRIX
        .iter()
        .find(|r| r.method == method && r.path == path)
        .unwrap_or_else(|| panic!("{method} {path} is in the matrix"))
        .want
}

#[test]
fn each_role_reaches_its_own_objects_and_nothing_else() {
    let _lock = school_data();
    let (mut sec_a, me) = signed_in(SECRETARY_A);
    let school_a = school_of(&me);
    let (mut sec_b, me) = signed_in(SECRETARY_B);
    let school_b = school_of(&me);

    let (_, me) = signed_in(GUARDIAN_A);
    let family_a = ids(&me["guardian_of"])[0];
    let (_, me) = signed_in(GUARDIAN_B);
    let family_b = ids(&me["guardian_of"])[0];
    assert_eq!(pupil(&mut sec_a, family_a)["class_code"], "P3B");
    assert_eq!(pupil(&mut sec_b, family_b)["school_id"], school_b);

    // A pupil of P1A (the teacher's class), found as the office finds it, checked against the
    // school's alunni file.
    let in_file = pupils_in_file(&demo().school_dir_of(&demo().person(SECRETARY_A).cf));
    let p1a = (1..5000)
        .find(|&id| {
            let a = get(&mut sec_a, &format!("/api/v1/pupils/{id}"));
            a.status == 200 && json_of(&a)["class_code"] == "P1A"
        })
        .expect("a P1A pupil");
    let p1a_matricola = pupil(&mut sec_a, p1a)["matricola"]
        .as_str()
        .expect("matricola")
        .to_owned();
    assert_eq!(in_file[&p1a_matricola].class.as_str(), "P1A");

    // What each object is before.
    let snapshot = |sec_a: &mut Client, sec_b: &mut Client| {
        let mut all = BTreeMap::new();
        for (id, school_b) in [(family_a, false), (p1a, false), (family_b, true)] {
            let c = if school_b { &mut *sec_b } else { &mut *sec_a };
            all.insert(id, (pupil(c, id), absences(c, id)));
        }
        all
    };
    let pupils_before = snapshot(&mut sec_a, &mut sec_b);
    let lists_before = [
        imports_of(&mut sec_a, school_a),
        imports_of(&mut sec_b, school_b),
    ];
    // The imports that the actors without access aim at.
    let target_a = new_import(&mut sec_a, school_a, "assenze", "idor-target-a.csv", 64);
    let target_b = new_import(&mut sec_b, school_b, "assenze", "idor-target-b.csv", 64);
    let targets_before = [
        import_of(&mut sec_a, target_a),
        import_of(&mut sec_b, target_b),
    ];
    let mut legit: [BTreeSet<i64>; 2] = [[target_a].into(), [target_b].into()];

    let mut table = String::new();
    let mut failures = 0;
    for (i, (actor, label)) in SCHOOL_ACTORS.iter().enumerate() {
        let mut c = match label {
            Some(l) => signed_in(l).0,
            None => browser(),
        };
        // Those who may run a school's imports get a fresh one (committing closes it); the
        // others aim at the shared one, which must stay as it is.
        let mut imports = [target_a, target_b];
        for (k, path) in ["/api/v1/imports/{importA}", "/api/v1/imports/{importB}"]
            .into_iter()
            .enumerate()
        {
            if school_want("GET", path)[i] == 200 {
                let (office, school) = if k == 0 {
                    (&mut sec_a, school_a)
                } else {
                    (&mut sec_b, school_b)
                };
                imports[k] = new_import(office, school, "assenze", "idor-own-import.csv", 64);
                legit[k].insert(imports[k]);
            }
        }
        let vars = [
            ("{familyA}", family_a),
            ("{p1a}", p1a),
            ("{familyB}", family_b),
            ("{A}", school_a),
            ("{B}", school_b),
            ("{importA}", imports[0]),
            ("{importB}", imports[1]),
        ];
        for row in SCHOOL_MATRIX {
            let want = row.want[i];
            let path = vars.iter().fold(row.path.to_owned(), |p, (k, v)| {
                p.replace(k, &v.to_string())
            });
            let own = if (200..300).contains(&want) || want == 422 {
                "own"
            } else {
                "denied"
            };
            let a = match row.send {
                Send::Nothing => get(&mut c, &path),
                Send::NewImport => {
                    let name = format!("idor-{own}-{}.csv", actor.replace(' ', "-"));
                    post_json(
                        &mut c,
                        &path,
                        &json!({"kind": "assenze", "file_name": name, "file_bytes": 64}),
                    )
                }
                Send::BadPart => send(&mut c, "POST", &path, Some(("text/csv", BAD_ABSENCE_PART))),
                Send::Commit => send(&mut c, "POST", &path, None),
            };
            let code = match want {
                401 => "unauthenticated",
                404 => "not_found",
                422 => "import_rejected",
                _ => "",
            };
            let id_in_path = |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
            let body_ok = !(200..300).contains(&a.status)
                || match row.shows {
                    Shows::Pupil | Shows::Absences => {
                        let id = ["{familyA}", "{p1a}", "{familyB}"]
                            .into_iter()
                            .find(|k| row.path.contains(k))
                            .and_then(id_in_path)
                            .expect("a pupil in the path");
                        let before = &pupils_before[&id];
                        if row.shows == Shows::Pupil {
                            json_of(&a) == before.0
                        } else {
                            json_of(&a) == json!({"pupil_id": id, "items": before.1})
                        }
                    }
                    Shows::Items => json_of(&a)["items"].as_array().is_some(),
                    Shows::NewImport => {
                        let k = usize::from(row.path.contains("{B}"));
                        let school = [school_a, school_b][k];
                        let v = json_of(&a);
                        legit[k].insert(v["id"].as_i64().expect("id"));
                        v["school_id"] == school && v["status"] == "staging"
                    }
                    Shows::SameImport => {
                        let k = usize::from(row.path.contains("{importB}"));
                        json_of(&a)["id"] == imports[k]
                    }
                    Shows::OneBadRow => json_of(&a)["error_count"] == 1,
                    Shows::Anything => true,
                };
            let got_code = error_code(&a);
            let ok = a.status == want && (code.is_empty() || got_code == code) && body_ok;
            failures += usize::from(!ok);
            let _ = writeln!(
                table,
                "{actor:<12} {:<5} {:<48} want {want} {code:<16} got {} {got_code:<16} {}",
                row.method,
                row.path,
                a.status,
                if ok { "ok" } else { "FAIL" }
            );
        }
    }
    eprintln!("{table}");
    assert_eq!(failures, 0, "access matrix:\n{table}");

    // Nothing changed: the pupils, the targets, the imports of each school but the new ones.
    assert_eq!(
        snapshot(&mut sec_a, &mut sec_b),
        pupils_before,
        "the pupils and their absences are unchanged"
    );
    assert_eq!(import_of(&mut sec_a, target_a), targets_before[0]);
    assert_eq!(import_of(&mut sec_b, target_b), targets_before[1]);
    for (i, (c, school)) in [(&mut sec_a, school_a), (&mut sec_b, school_b)]
        .into_iter()
        .enumerate()
    {
        let after = imports_of(c, school);
        let newest_before = lists_before[i]
            .iter()
            .filter_map(|v| v["id"].as_i64())
            .max()
            .unwrap_or(0);
        let created: BTreeSet<i64> = after
            .iter()
            .filter_map(|v| v["id"].as_i64())
            .filter(|&id| id > newest_before)
            .collect();
        assert_eq!(
            created, legit[i],
            "school {school}: only the legitimate imports are new"
        );
        for old in &lists_before[i] {
            if let Some(now) = after.iter().find(|v| v["id"] == old["id"]) {
                assert_eq!(
                    now, old,
                    "an earlier import of school {school} is unchanged"
                );
            }
        }
        assert!(
            after.iter().all(|v| !v["file_name"]
                .as_str()
                .unwrap_or("")
                .starts_with("idor-denied")),
            "no import created by someone without access"
        );
    }
}

// ------------------------------------------------------------------------------------------
// 6. Imports.

/// Windows-1252 bytes of `s` (letters of Latin-1 only: enough for Italian names).
fn windows_1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| {
            let n = c as u32;
            assert!(
                n < 0x80 || (0xA0..=0xFF).contains(&n),
                "{c:?} outside Latin-1"
            );
            n as u8
        })
        .collect()
}

/// The date and kind of an `assenze` row as the API shows them (`2025-09-16`, `late_entry`).
fn api_key(date: &str, tipo: &str) -> (String, String) {
    let date = import::parse_date(date).expect("a date of the file");
    let kind = serde_json::to_value(import::parse_absence_kind(tipo).expect("a tipo of the file"))
        .expect("kind as JSON");
    (
        date.to_string(),
        kind.as_str().expect("kind code").to_owned(),
    )
}

/// Re-imports a school's original files when a test stops half-way, so the others find the
/// demo data.
struct Restore<'a> {
    school: i64,
    dir: &'a Path,
}

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            return;
        }
        let mut c = browser();
        if c.sign_in("cie", &demo().person(SECRETARY_B).cf).is_err() {
            return;
        }
        for kind in ["alunni", "assenze"] {
            let file = self.dir.join(format!("{kind}.csv"));
            let r = import_file(&mut c, self.school, kind, &file);
            eprintln!(
                "restored {kind}: {:?}",
                r.map(|r| r.answer["status"].clone())
            );
        }
    }
}

#[test]
fn imports_check_every_row_then_make_the_file_live_in_one_step() {
    let _lock = school_data();
    let (mut c, me) = signed_in(SECRETARY_B);
    let school = school_of(&me);
    let dir = demo().school_dir_of(&demo().person(SECRETARY_B).cf);
    let _restore = Restore { school, dir: &dir };
    let (_, guardian) = signed_in(GUARDIAN_B);
    let child = ids(&guardian["guardian_of"])[0];
    let start_pupils = pupils_around(&mut c, child);
    let in_file = pupils_in_file(&dir);
    assert_eq!(
        start_pupils.len(),
        in_file.len(),
        "every pupil of the file is in D1"
    );
    let id_of: BTreeMap<String, i64> = start_pupils
        .iter()
        .map(|(id, p)| (p["matricola"].as_str().expect("matricola").to_owned(), *id))
        .collect();
    let child_matricola = start_pupils[&child]["matricola"]
        .as_str()
        .expect("matricola")
        .to_owned();
    let start_absences = absences(&mut c, child);
    assert!(
        start_absences.len() >= 3,
        "the child has absences to change"
    );

    // (a) A file with bad rows, sent in parts: every bad row comes back, nothing is written.
    let alunni = read(&dir.join("alunni.csv"));
    let text = import::decode(&alunni);
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let first = lines[1].clone();
    let cells: Vec<&str> = first.split(';').collect();
    let (renamed_matricola, cf) = (cells[0].to_owned(), cells[4].to_owned());
    assert_eq!(
        cf.len(),
        16,
        "the first pupil has a codice fiscale: {first}"
    );
    // A valid row changed: written only if the import (wrongly) went live.
    lines[1] = [
        cells[0], cells[1], "Cambiato", cells[3], cells[4], "", "", "",
    ]
    .join(";");
    let check = cf.chars().last().expect("check character");
    let bad_cf = format!("{}{}", &cf[..15], if check == 'A' { 'B' } else { 'A' });
    let bad = [
        (
            "codice_fiscale",
            bad_cf.clone(),
            format!("2099/0001;Rossi;Mario;1A;{bad_cf};;;"),
        ),
        (
            "classe",
            "9Z".to_owned(),
            "2099/0002;Bianchi;Anna;9Z;;;;".to_owned(),
        ),
        (
            "data_iscrizione",
            "31/02/2026".to_owned(),
            "2099/0003;Verdi;Luca;2A;;31/02/2026;;".to_owned(),
        ),
        (
            "",
            renamed_matricola.clone(),
            format!("{renamed_matricola};Copia;Della Prima;3A;;;;"),
        ),
    ];
    let first_bad_line = lines.len() as u32 + 1;
    for (_, _, row) in &bad {
        lines.push(row.clone());
    }
    let file = (lines.join("\r\n") + "\r\n").into_bytes();
    let chunks = import::split_chunks(&file, 1024);
    assert!(chunks.len() >= 3, "{} parts", chunks.len());
    let dup_line = first_bad_line + 3;
    let part_of = |line: u32| {
        chunks
            .iter()
            .rposition(|c| c.first_line <= line)
            .expect("part")
    };
    assert_ne!(
        part_of(2),
        part_of(dup_line),
        "the duplicate is in another part"
    );

    // What domain::import says of the whole file: the same lines.
    let classes: Vec<String> = import::parse_file::<import::ClassRow>(
        &read(&dir.join("classi.csv")),
        &ImportContext::format_only(),
    )
    .rows
    .iter()
    .map(|(_, r)| r.class.as_str().to_owned())
    .collect();
    let local = import::parse_file::<PupilRow>(
        &file,
        &ImportContext::new(classes, in_file.keys().cloned()),
    );
    let local_lines: Vec<u32> = local.errors.iter().map(|e| e.line).collect();
    let expected_lines: Vec<u32> = (first_bad_line..first_bad_line + 4).collect();
    assert_eq!(local_lines, expected_lines, "{:?}", local.errors);

    let id = new_import(
        &mut c,
        school,
        "alunni",
        "alunni-con-errori.csv",
        file.len(),
    );
    let mut part_errors = 0;
    for chunk in &chunks {
        let a = send_part(&mut c, id, chunk.first_line, &chunk.bytes);
        assert_eq!(
            a.status, 200,
            "part at line {}: {}",
            chunk.first_line, a.body
        );
        part_errors += json_of(&a)["error_count"].as_u64().expect("error_count");
    }
    assert_eq!(part_errors, 3, "three bad rows are found in their parts");
    let rejected = commit(&mut c, id);
    assert_error(
        &rejected,
        422,
        "import_rejected",
        "commit of a file with bad rows",
    );
    let body = json_of(&rejected);
    let imp = &body["import"];
    assert_eq!(imp["status"], "rejected");
    assert_eq!(imp["id"], id);
    let errors = imp["errors"].as_array().expect("errors");
    let listed: String = errors.iter().map(|e| format!("{e}\n")).collect();
    assert_eq!(errors.len(), 4, "every bad row, once:\n{listed}");
    assert_eq!(imp["error_count"], 4, "{listed}");
    for (i, (column, value, _)) in bad.iter().enumerate() {
        let line = first_bad_line + i as u32;
        let e = errors
            .iter()
            .find(|e| e["line"] == line)
            .unwrap_or_else(|| panic!("line {line} is listed:\n{listed}"));
        assert_eq!(e["value"], value.as_str(), "line {line}");
        assert!(
            e["reason"].as_str().is_some_and(|r| !r.is_empty()),
            "a reason for line {line}"
        );
        if column.is_empty() {
            assert!(
                e["reason"].as_str().is_some_and(|r| r.contains("riga 2")),
                "the duplicate names the first line: {e}"
            );
        } else {
            assert_eq!(e["column"], *column, "line {line}");
        }
    }
    assert_eq!(
        pupils_around(&mut c, child),
        start_pupils,
        "no pupil changed after the rejected file"
    );
    assert_eq!(absences(&mut c, child), start_absences);
    assert_ne!(start_pupils[&id_of[&renamed_matricola]]["name"], "Cambiato");

    // (e) A rejected import is closed.
    assert_error(
        &send_part(&mut c, id, 2, &chunks[0].bytes),
        409,
        "conflict",
        "part after rejection",
    );
    // A second commit is a no-op with the same answer: still rejected, nothing written.
    let again = commit(&mut c, id);
    assert_error(&again, 422, "import_rejected", "commit after rejection");
    assert_eq!(json_of(&again)["import"]["status"], "rejected");

    // (b) The same files again change nothing: alunni (Windows-1252, `;`), tutori (`,`),
    // assenze (UTF-8).
    assert!(
        std::str::from_utf8(&alunni).is_err(),
        "the demo alunni file is Windows-1252"
    );
    let mut live_id = 0;
    for kind in ["alunni", "tutori", "assenze"] {
        let r = import_file(&mut c, school, kind, &dir.join(format!("{kind}.csv")))
            .unwrap_or_else(|e| panic!("{kind}: {e}"));
        assert_live(&r.answer, 0, 0, &format!("{kind} again"));
        live_id = r.answer["id"].as_i64().expect("id");
    }

    // (e) A live import is closed too.
    assert_error(
        &send_part(&mut c, live_id, 2, BAD_ABSENCE_PART),
        409,
        "conflict",
        "part of a live import",
    );
    // Committed again: the same answer, nothing written twice.
    let before = import_of(&mut c, live_id);
    let again = commit(&mut c, live_id);
    assert_eq!(again.status, 200, "commit of a live import: {}", again.body);
    assert_eq!(json_of(&again), before, "a second commit changes nothing");
    assert_eq!(import_of(&mut c, live_id)["status"], "live");

    // (d) Accented names from the Windows-1252 file read back right; a changed one too.
    let (accented, row) = in_file
        .iter()
        .find(|(_, r)| !r.surname.as_str().is_ascii())
        .expect("a pupil with an accented surname");
    let accented_id = id_of[accented];
    let p = pupil(&mut c, accented_id);
    assert_eq!(p["surname"], row.surname.as_str());
    assert!(!row.surname.as_str().is_ascii());
    let old_line = text
        .lines()
        .find(|l| l.starts_with(&format!("{accented};")))
        .expect("the pupil's line")
        .to_owned();
    let mut cells: Vec<&str> = old_line.split(';').collect();
    cells[2] = "Cloè";
    let new_line = cells.join(";");
    let changed = windows_1252(&text.replacen(&old_line, &new_line, 1));
    assert!(std::str::from_utf8(&changed).is_err());
    let r = import_bytes(&mut c, school, "alunni", "alunni-1252.csv", &changed).expect("import");
    assert_live(&r.answer, 1, 0, "alunni with one name changed");
    let p = pupil(&mut c, accented_id);
    assert_eq!(p["name"], "Cloè");
    assert_eq!(p["surname"], row.surname.as_str());
    let r = import_file(&mut c, school, "alunni", &dir.join("alunni.csv")).expect("import");
    assert_live(&r.answer, 1, 0, "alunni restored");
    assert_eq!(pupil(&mut c, accented_id)["name"], row.name.as_str());

    // (c) An updated absences file, `,`-separated: one absence justified, one removed, one
    // added; then the original again.
    let assenze = read(&dir.join("assenze.csv"));
    let text = import::decode(&assenze);
    let mut rows: Vec<Vec<String>> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(';').map(str::to_owned).collect())
        .collect();
    let mine: Vec<usize> = (1..rows.len())
        .filter(|&i| rows[i][0] == child_matricola)
        .collect();
    let justify = *mine
        .iter()
        .find(|&&i| rows[i][5] == "no")
        .expect("an unjustified absence of the child");
    let remove = *mine
        .iter()
        .find(|&&i| i != justify)
        .expect("another absence");
    let taken: BTreeSet<&str> = mine.iter().map(|&i| rows[i][1].as_str()).collect();
    let added_date = (1..rows.len())
        .filter(|&i| rows[i][2] == "assenza")
        .map(|i| rows[i][1].clone())
        .find(|d| !taken.contains(d.as_str()))
        .expect("a lesson day without events for the child");
    let (justified_key, removed_key) = (
        api_key(&rows[justify][1], &rows[justify][2]),
        api_key(&rows[remove][1], &rows[remove][2]),
    );
    rows[justify][5] = "sì".to_owned();
    rows.remove(remove);
    rows.push(
        [
            child_matricola.as_str(),
            added_date.as_str(),
            "assenza",
            "",
            "",
            "no",
        ]
        .map(str::to_owned)
        .to_vec(),
    );
    let comma = |cell: &String| {
        if cell.contains(',') {
            format!("\"{cell}\"")
        } else {
            cell.clone()
        }
    };
    let updated: String = rows
        .iter()
        .map(|r| r.iter().map(comma).collect::<Vec<_>>().join(",") + "\n")
        .collect();
    let r = import_bytes(
        &mut c,
        school,
        "assenze",
        "assenze-aggiornate.csv",
        updated.as_bytes(),
    )
    .expect("import");
    assert_live(&r.answer, 2, 1, "absences updated");
    assert_eq!(r.answer["rows"], rows.len() - 1);
    let now = absences(&mut c, child);
    let key = |a: &Value| {
        (
            a["date"].as_str().unwrap_or("").to_owned(),
            a["kind"].as_str().unwrap_or("").to_owned(),
        )
    };
    assert_eq!(now.len(), start_absences.len());
    for a in &start_absences {
        let k = key(a);
        let found = now.iter().find(|b| key(b) == k);
        if k == removed_key {
            assert!(found.is_none(), "{k:?} removed");
        } else if k == justified_key {
            let found = found.expect("still there");
            assert_eq!(found["justified"], true, "{k:?} now justified");
            assert_eq!(a["justified"], false);
        } else {
            assert_eq!(found, Some(a), "{k:?} unchanged");
        }
    }
    let added = now
        .iter()
        .find(|b| key(b) == api_key(&added_date, "assenza"))
        .expect("the new absence");
    assert_eq!(added["justified"], false);
    let r = import_file(&mut c, school, "assenze", &dir.join("assenze.csv")).expect("import");
    assert_live(&r.answer, 2, 1, "absences restored");
    assert_eq!(absences(&mut c, child), start_absences);

    // (f) A part over 640 KB is refused whole.
    let big = 700 * 1024;
    let id = new_import(&mut c, school, "assenze", "troppo-grande.csv", big);
    let mut body = b"matricola;data;tipo\n".to_vec();
    while body.len() < big {
        body.extend_from_slice(format!("{child_matricola};2025-10-01;assenza\n").as_bytes());
    }
    assert_error(
        &send_part(&mut c, id, 2, &body),
        413,
        "payload_too_large",
        "a 700 KB part",
    );
    let imp = import_of(&mut c, id);
    assert_eq!(imp["status"], "staging");
    assert_eq!(imp["received_bytes"], 0);
    assert_error(
        &commit(&mut c, id),
        422,
        "import_rejected",
        "an import without rows",
    );

    assert_eq!(
        pupils_around(&mut c, child),
        start_pupils,
        "the school's pupils as at the start"
    );
    assert_eq!(absences(&mut c, child), start_absences);
}
