//! Abuse that costs nothing (issue 18, points 4 and 5): rate limits counted by the Workers
//! binding, whose refusals make no D1 round trip; sign-in starts that store nothing; SPID level
//! 2; JSON bodies of another type refused; personal answers kept by no cache; a query name given
//! twice; a family's pending requests capped.
//!
//! Every request of these tests comes from 127.0.0.1, where the per-client limits are relaxed a
//! hundredfold; a test that must meet the production limit names its own client with the
//! development header `X-Ponte-Dev-Client` (honoured only under `PONTE_DEV=1`).

use e2e::people::{
    assert_error, browser, demo, get, json_of, post_json, rome_today, signed_in, GUARDIAN_A,
    GUARDIAN_B, HEAD_B, LOGIN, SECRETARY_B, SID,
};
use serde_json::{json, Value};
use xtask::client::{Answer, Client};

const DEV_CLIENT: &str = "x-ponte-dev-client";

/// A client name no other test or run uses.
fn unique(what: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{what}-{nanos}")
}

fn as_client(
    c: &mut Client,
    name: &str,
    method: &str,
    path: &str,
    body: Option<(&str, &[u8])>,
) -> Answer {
    c.request(method, path, body, &[(DEV_CLIENT, name)])
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
}

/// Sends the request as client `name` until it is refused, at most 2 × `limit` + 1 times (the
/// binding counts in fixed one-minute windows: if the run straddles two, one of them still
/// holds `limit` + 1 requests). Returns how many were let through first, and the refusal.
fn until_refused(
    name: &str,
    limit: u32,
    method: &str,
    path: &str,
    body: Option<(&str, &[u8])>,
) -> (u32, Answer) {
    let mut c = Client::new(&demo().base);
    for passed in 0..=2 * limit {
        let a = as_client(&mut c, name, method, path, body);
        if a.status == 429 {
            return (
                passed,
                fewest_round_trips(&mut c, name, method, path, body, a),
            );
        }
    }
    panic!("{method} {path}: no 429 after {} requests", 2 * limit + 1);
}

/// The development worker counts D1 round trips per isolate, so a request of another test
/// running at the same time can show in a refusal's count; a refusal that touched D1 would
/// show it every time. Of the refusal and a few more, the one with the fewest.
fn fewest_round_trips(
    c: &mut Client,
    name: &str,
    method: &str,
    path: &str,
    body: Option<(&str, &[u8])>,
    first: Answer,
) -> Answer {
    let mut best = first;
    for _ in 0..8 {
        if best.round_trips == Some(0) {
            break;
        }
        let a = as_client(c, name, method, path, body);
        if a.status == 429 && a.round_trips < best.round_trips {
            best = a;
        }
    }
    best
}

/// A refusal by a rate limit: 429, `Retry-After`, and not one D1 round trip.
#[track_caller]
fn assert_refused_for_free(a: &Answer, what: &str) {
    assert_eq!(a.status, 429, "{what}: {}", a.body);
    assert_eq!(a.header("retry-after"), Some("60"), "{what}");
    assert_eq!(
        a.round_trips,
        Some(0),
        "{what}: a refusal reads and writes nothing in D1"
    );
}

#[test]
fn search_past_its_limit_is_a_429_that_costs_no_d1_round_trip() {
    let l = domain::abuse::SEARCH;
    let me = unique("search");
    let (passed, a) = until_refused(&me, l.limit, "GET", "/api/v1/hosts?per_page=1", None);
    assert!(passed >= l.limit, "refused after {passed} < {}", l.limit);
    assert_refused_for_free(&a, "the search API");
    assert_error(&a, 429, "rate_limited", "the search API");
    // The search page counts on the same limit, and says it in Italian.
    let mut c = Client::new(&demo().base);
    let page = as_client(&mut c, &me, "GET", "/enti", None);
    assert_refused_for_free(&page, "the search page");
    assert!(
        page.content_type.starts_with("text/html"),
        "{}",
        page.content_type
    );
    assert!(page.body.contains("Troppi tentativi"), "{}", page.body);
    // Another client is not slowed down.
    let other = as_client(
        &mut c,
        &unique("other"),
        "GET",
        "/api/v1/hosts?per_page=1",
        None,
    );
    assert_eq!(other.status, 200, "{}", other.body);
}

#[test]
fn starting_a_sign_in_stores_nothing_and_asks_spid_for_level_two() {
    let mut c = browser();
    let a = c
        .get("/accedi/spid?next=/famiglia")
        .expect("GET /accedi/spid");
    assert_eq!(a.status, 303, "{}", a.body);
    // The count is per isolate (another test's request may show in it): the fewest of a few.
    let fewest = (0..6)
        .filter_map(|_| c.get("/accedi/spid").ok().and_then(|a| a.round_trips))
        .chain(a.round_trips)
        .min();
    assert_eq!(
        fewest,
        Some(0),
        "an anonymous sign-in start makes no D1 round trip"
    );
    let to = a.location.clone().expect("the provider's URL");
    assert!(
        to.contains("acr_values=https%3A%2F%2Fwww.spid.gov.it%2FSpidL2"),
        "{to}"
    );
    // The sign-in under way is in the browser: a signed cookie, host-only, HTTP-only.
    let cookie = a
        .set_cookies
        .iter()
        .find(|c| c.starts_with(&format!("{LOGIN}=")))
        .expect("the sign-in cookie");
    let value = cookie[LOGIN.len() + 1..].split(';').next().unwrap_or("");
    assert_eq!(value.matches('.').count(), 1, "{cookie}");
    for part in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    // CIE has no levels to ask for.
    let a = c.get("/accedi/cie").expect("GET /accedi/cie");
    assert_eq!(a.status, 303);
    assert!(!a.location.unwrap_or_default().contains("acr_values"));
}

#[test]
fn a_spid_level_one_sign_in_is_refused_with_a_clear_page() {
    let p = demo().person(GUARDIAN_A);
    let mut c = browser();
    let (landed, a) = c
        .sign_in_attempt("spid", &p.cf, &[("level", "1")])
        .expect("through the provider at level 1");
    assert_eq!(a.status, 400, "{landed}: {}", a.body);
    assert!(
        a.content_type.starts_with("text/html"),
        "{}",
        a.content_type
    );
    assert!(a.body.contains("SPID di livello 2"), "{}", a.body);
    assert!(a.body.contains("livello 1"), "{}", a.body);
    assert!(c.cookie(SID).is_none(), "no session at level 1");
    // The same person at level 2 gets in.
    let (landed, a) = c
        .sign_in_attempt("spid", &p.cf, &[("level", "2")])
        .expect("through the provider at level 2");
    assert!(c.cookie(SID).is_some(), "{landed} {}: {}", a.status, a.body);
}

#[test]
fn sign_in_starts_past_their_limit_get_an_italian_page() {
    let l = domain::abuse::SIGN_IN;
    let (passed, a) = until_refused(&unique("signin"), l.limit, "GET", "/accedi/spid", None);
    assert!(passed >= l.limit, "refused after {passed}");
    assert_refused_for_free(&a, "sign-in start");
    assert!(
        a.content_type.starts_with("text/html"),
        "{}",
        a.content_type
    );
    assert!(a.body.contains("Troppi tentativi"), "{}", a.body);
}

#[test]
fn declarations_and_uploads_past_their_limit_are_refused_before_the_body_is_read() {
    for (l, path, ct, body) in [
        (
            domain::abuse::DECLARATIONS,
            "/api/v1/declarations",
            "application/json",
            &b"{}"[..],
        ),
        (
            domain::abuse::UPLOADS,
            "/api/v1/declarations/ABCD-EFGH-JKLM/signature",
            "application/pkcs7-mime",
            &b"not a p7m"[..],
        ),
    ] {
        let (passed, a) = until_refused(&unique("post"), l.limit, "POST", path, Some((ct, body)));
        assert!(passed >= l.limit, "{path}: refused after {passed}");
        assert_refused_for_free(&a, path);
        assert_error(&a, 429, "rate_limited", path);
    }
}

#[test]
fn a_json_endpoint_refuses_a_body_of_another_type_with_415() {
    let mut c = browser();
    let draft = br#"{"privacy_accepted":true}"#;
    for ct in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/jsonx",
    ] {
        let a = c
            .request("POST", "/api/v1/declarations", Some((ct, draft)), &[])
            .expect("POST /api/v1/declarations");
        assert_error(&a, 415, "unsupported_media_type", ct);
    }
    // JSON with its charset is JSON.
    let a = c
        .request(
            "POST",
            "/api/v1/declarations",
            Some(("application/json; charset=utf-8", draft)),
            &[],
        )
        .expect("POST /api/v1/declarations");
    assert_eq!(a.status, 400, "{}", a.body);
    // An endpoint that takes JSON or a form takes nothing else.
    let (mut parent, me) = signed_in(GUARDIAN_A);
    let kid = me["guardian_of"][0].as_i64().expect("a child");
    let a = parent
        .request(
            "POST",
            &format!("/api/v1/pupils/{kid}/derogations"),
            Some(("text/plain", b"category=x")),
            &[],
        )
        .expect("POST derogations");
    assert_error(
        &a,
        415,
        "unsupported_media_type",
        "text/plain to a form endpoint",
    );
}

#[test]
fn personal_answers_and_pages_are_private_and_never_stored() {
    let (mut parent, me) = signed_in(GUARDIAN_A);
    let kid = me["guardian_of"][0].as_i64().expect("a child");
    for path in [
        "/api/v1/me".to_owned(),
        format!("/api/v1/pupils/{kid}/attendance"),
        "/api/v1/notices".to_owned(),
        "/area".to_owned(),
    ] {
        let a = get(&mut parent, &path);
        assert_eq!(
            a.header("cache-control"),
            Some("private, no-store"),
            "{path}: {}",
            a.status
        );
    }
    // The family's pages are private; the phone's service worker keeps the last copy for
    // offline reading, so they are `no-cache`, not `no-store` (docs/pwa.md).
    for path in ["/famiglia".to_owned(), format!("/famiglia/alunni/{kid}")] {
        let a = get(&mut parent, &path);
        assert_eq!(
            a.header("cache-control"),
            Some("private, no-cache"),
            "{path}"
        );
    }
    // The school's pages are never stored.
    let (mut office, office_me) = signed_in(SECRETARY_B);
    let school = office_me["staff"][0]["school_id"]
        .as_i64()
        .expect("a school");
    for path in [
        "/scuola".to_owned(),
        format!("/scuola/{school}/importazioni"),
        format!("/scuola/{school}/richieste"),
        format!("/api/v1/schools/{school}/imports"),
    ] {
        let a = get(&mut office, &path);
        assert_eq!(a.status, 200, "{path}: {}", a.body);
        assert_eq!(
            a.header("cache-control"),
            Some("private, no-store"),
            "{path}"
        );
    }
    // An answer to a signed-in operation without a session is not kept either.
    let mut anonymous = browser();
    let a = get(&mut anonymous, "/api/v1/me");
    assert_eq!(a.status, 401);
    assert_eq!(a.header("cache-control"), Some("private, no-store"));
    // Public answers are not marked private.
    let a = get(&mut anonymous, "/api/v1/hosts?per_page=1");
    assert_ne!(a.header("cache-control"), Some("private, no-store"));
}

#[test]
fn a_query_parameter_twice_is_an_error_even_when_one_value_is_empty() {
    let mut c = browser();
    for q in ["region=&region=12", "region=12&region=", "q=&q="] {
        let a = get(&mut c, &format!("/api/v1/hosts?{q}"));
        assert_error(&a, 400, "duplicate_parameter", q);
    }
}

#[test]
fn a_family_cannot_send_the_same_derogation_twice_nor_pile_them_up() {
    let (mut parent, me) = signed_in(GUARDIAN_B);
    let (mut head, _) = signed_in(HEAD_B);
    let kid = me["guardian_of"][0].as_i64().expect("a child");
    let position = json_of(&get(
        &mut parent,
        &format!("/api/v1/pupils/{kid}/attendance"),
    ));
    let category = position["categories"][0]["code"]
        .as_str()
        .expect("a category")
        .to_owned();
    let path = format!("/api/v1/pupils/{kid}/derogations");
    let ask = |c: &mut Client, day: u32| {
        let date = format!("2026-05-{day:02}");
        post_json(
            c,
            &path,
            &json!({"category": category, "from": date, "to": date}),
        )
    };
    let mut sent: Vec<i64> = Vec::new();
    let first = ask(&mut parent, 4);
    assert_eq!(first.status, 201, "{}", first.body);
    sent.push(json_of(&first)["id"].as_i64().expect("id"));
    // The same category and day again: a duplicate.
    let again = ask(&mut parent, 4);
    assert_error(&again, 409, "conflict", "the same request twice");
    assert!(again.body.contains("già stata inviata"), "{}", again.body);
    // More days until the pupil has the most pending requests a family may have.
    let max = domain::abuse::MAX_PENDING_DEROGATIONS as u32;
    let mut refused: Option<Answer> = None;
    for day in 5..5 + max + 1 {
        let a = ask(&mut parent, day);
        if a.status == 409 {
            refused = Some(a);
            break;
        }
        assert_eq!(a.status, 201, "{}", a.body);
        sent.push(json_of(&a)["id"].as_i64().expect("id"));
    }
    let refused = refused.expect("a 409 once the pending requests reach the cap");
    assert_error(&refused, 409, "conflict", "too many pending");
    assert!(refused.body.contains(&max.to_string()), "{}", refused.body);
    assert!(sent.len() <= max as usize, "{} sent", sent.len());
    // The school refuses them (the class council, recorded by the head teacher; this is also
    // the cleanup); a refused request may be asked again.
    let refusal = json!({"decision": "refuse", "reason": "not_a_category",
                         "council_date": rome_today(),
                         "motivation": "Prova del limite delle richieste."});
    for id in &sent {
        let a = post_json(
            &mut head,
            &format!("/api/v1/derogations/{id}/decision"),
            &refusal,
        );
        assert_eq!(a.status, 200, "{}", a.body);
    }
    let anew = ask(&mut parent, 4);
    assert_eq!(anew.status, 201, "{}", anew.body);
    let id = json_of(&anew)["id"].as_i64().expect("id");
    let a = post_json(
        &mut head,
        &format!("/api/v1/derogations/{id}/decision"),
        &refusal,
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let _: Value = json_of(&a);
}
