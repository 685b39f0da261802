//! The HTTP API and pages against the real worker (docs/design.md §8). Every filter is checked
//! against the seeded hosts, which the tests regenerate: a filter must return all the hosts
//! that match and only those.

use domain::hosts::YearMonth;
use e2e::{fold, spawn_app, App};
use serde_json::Value;
use std::collections::BTreeSet;
use xtask::seed::DemoHost;

/// Profiles published through the register's workflow (the publishing tests, or a person
/// trying the wizard) take ids from 1e9 up; the demo hosts these tests know are 1..N.
const REGISTER_IDS: u64 = 1_000_000_000;

/// Every demo host the search returns, following the pages (`total` checked on the way, with
/// the published profiles it also counts).
fn all_ids(app: &App, query: &str) -> BTreeSet<u64> {
    every_id(app, query)
        .into_iter()
        .filter(|id| *id < REGISTER_IDS)
        .collect()
}

/// How many profiles published through the workflow match `query`.
fn register_count(app: &App, query: &str) -> u64 {
    every_id(app, query)
        .into_iter()
        .filter(|id| *id >= REGISTER_IDS)
        .count() as u64
}

/// Every id the search returns, following the pages; checks `total` on the way.
fn every_id(app: &App, query: &str) -> BTreeSet<u64> {
    let mut ids = BTreeSet::new();
    let mut page = 1;
    loop {
        let sep = if query.is_empty() { "" } else { "&" };
        let r = app.get(&format!(
            "/api/v1/hosts?{query}{sep}per_page=100&page={page}"
        ));
        assert_eq!(r.status, 200, "{query}: {}", r.body);
        let v = r.json();
        let items = v["items"].as_array().expect("items");
        for it in items {
            assert!(
                ids.insert(it["id"].as_u64().expect("id")),
                "duplicate id in {query}"
            );
        }
        let total = v["total"].as_u64().expect("total");
        if items.len() < 100 {
            assert_eq!(total, ids.len() as u64, "total of {query}");
            return ids;
        }
        page += 1;
    }
}

fn expected(app: &App, keep: impl Fn(&DemoHost) -> bool) -> BTreeSet<u64> {
    app.hosts.iter().filter(|h| keep(h)).map(|h| h.id).collect()
}

fn assert_filter(app: &App, query: &str, keep: impl Fn(&DemoHost) -> bool) {
    let want = expected(app, keep);
    assert!(
        !want.is_empty(),
        "the seeded data should have hosts for {query}"
    );
    assert_eq!(all_ids(app, query), want, "{query}");
}

fn month_overlaps(h: &DemoHost, year: u16, month: u8) -> bool {
    let m = YearMonth { year, month };
    h.periods
        .iter()
        .any(|p| YearMonth::of(p.from) <= m && m <= YearMonth::of(p.to))
}

fn words_of(h: &DemoHost) -> Vec<String> {
    let text = format!("{} {}", h.name, h.fts_body());
    fold(&text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Each typed word begins a word of the host, or has the stem of one (Italian Snowball,
/// `domain::text::stem`: «meccanico» finds «meccanica»).
fn text_matches(h: &DemoHost, q: &str) -> bool {
    let words = words_of(h);
    let stems: BTreeSet<String> = words.iter().map(|w| domain::text::stem(w)).collect();
    fold(q)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|term| {
            words.iter().any(|w| w.starts_with(term)) || stems.contains(&domain::text::stem(term))
        })
}

/// A month of one of the offer's periods.
fn offer_in_month(o: &domain::hosts::Offer, year: u16, month: u8) -> bool {
    let m = YearMonth { year, month };
    o.periods
        .iter()
        .any(|p| YearMonth::of(p.from) <= m && m <= YearMonth::of(p.to))
}

#[test]
fn healthz() {
    let app = spawn_app();
    let r = app.get("/healthz");
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!(v["status"], "ok");
    assert!(v["version"].as_str().is_some_and(|s| !s.is_empty()));
}

#[test]
fn attendance_limits_match_the_seed_tables() {
    let app = spawn_app();
    for (weekly, annual, min, max) in [
        (40, 1320, 990, 330),
        (28, 924, 693, 231),
        (29, 957, 718, 239),
        (30, 990, 743, 247),
        (32, 1056, 792, 264),
        (36, 1188, 891, 297),
    ] {
        let v = app
            .get(&format!("/api/v1/attendance/limits?weekly_hours={weekly}"))
            .json();
        assert_eq!(v["weeks"], 33);
        assert_eq!(v["annual_hours"], annual);
        assert_eq!(v["min_attendance_hours"], min);
        assert_eq!(v["max_absence_hours"], max);
        assert_eq!(v["max_absence_days"], Value::Null);
    }
    let v = app
        .get("/api/v1/attendance/limits?weekly_hours=30&weeks=33&daily_hours=6")
        .json();
    assert_eq!(
        v,
        serde_json::json!({"weekly_hours":30,"weeks":33,"annual_hours":990,"min_attendance_hours":743,"max_absence_hours":247,"max_absence_days":41})
    );
}

#[test]
fn attendance_limits_bad_input_is_400_naming_the_field() {
    let app = spawn_app();
    for (q, field) in [
        ("", "weekly_hours"),
        ("weekly_hours=0", "weekly_hours"),
        ("weekly_hours=61", "weekly_hours"),
        ("weekly_hours=abc", "weekly_hours"),
        ("weekly_hours=30&weeks=0", "weeks"),
        ("weekly_hours=30&daily_hours=13", "daily_hours"),
        ("weekly_hours=30&foo=1", "foo"),
        ("weekly_hours=30&weekly_hours=31", "weekly_hours"),
    ] {
        let r = app.get(&format!("/api/v1/attendance/limits?{q}"));
        assert_eq!(r.status, 400, "{q}");
        let v = r.json();
        assert_eq!(v["error"]["field"], field, "{q}: {}", r.body);
        assert!(v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
        assert!(v["error"]["code"].as_str().is_some());
    }
}

#[test]
fn search_without_filters_lists_every_host() {
    let app = spawn_app();
    let v = app.get("/api/v1/hosts").json();
    assert_eq!(v["total"], app.hosts.len() as u64 + register_count(app, ""));
    assert_eq!(all_ids(app, "").len(), app.hosts.len());
    assert_eq!(v["page"], 1);
    assert_eq!(v["per_page"], 20);
    let first = &v["items"][0];
    for key in [
        "id",
        "name",
        "kind",
        "comune",
        "comune_name",
        "province",
        "region",
        "paths",
        "figures",
        "ateco",
        "max_students",
        "periods",
    ] {
        assert!(first.get(key).is_some(), "item has {key}");
    }
}

#[test]
fn each_filter_returns_all_and_only_matching_hosts() {
    let app = spawn_app();
    let h = &app.hosts[3];
    let region = h.region.clone();
    assert_filter(app, &format!("region={region}"), |x| x.region == region);
    let province = h.province.clone();
    assert_filter(app, &format!("province={province}"), |x| {
        x.province == province
    });
    assert_filter(app, &format!("province={}", province.to_lowercase()), |x| {
        x.province == province
    });
    let comune = h.comune.clone();
    assert_filter(app, &format!("comune={comune}"), |x| {
        x.body.places.iter().any(|p| p.comune == comune)
    });
    assert_filter(app, "path=pcto", |x| {
        x.paths.iter().any(|p| p.as_str() == "pcto")
    });
    assert_filter(app, "path=apprendistato", |x| {
        x.paths.iter().any(|p| p.as_str() == "apprendistato")
    });
    for kind in ["impresa", "professionista", "ente_pubblico", "ente_privato"] {
        assert_filter(app, &format!("kind={kind}"), |x| x.kind.as_str() == kind);
    }
    // A figure matches its code and every code below it.
    let full = h.figures[0].clone();
    for level in 1..=5 {
        let code: String = full.split('.').take(level).collect::<Vec<_>>().join(".");
        let prefix = format!("{code}.");
        assert_filter(app, &format!("figure={code}"), |x| {
            x.figures
                .iter()
                .any(|f| *f == code || f.starts_with(&prefix))
        });
    }
    let with_ateco = app
        .hosts
        .iter()
        .find(|x| x.ateco.is_some())
        .expect("a host with ATECO");
    let ateco = with_ateco.ateco.clone().unwrap_or_default();
    for prefix in [&ateco[..2], &ateco[..4], &ateco[..5], &ateco[..]] {
        let digits = prefix.replace('.', "");
        assert_filter(app, &format!("ateco={prefix}"), |x| {
            x.ateco
                .as_ref()
                .is_some_and(|a| a.replace('.', "").starts_with(&digits))
        });
    }
    assert_filter(app, "period=2027-03", |x| month_overlaps(x, 2027, 3));
    assert_filter(app, "period=2026-11", |x| month_overlaps(x, 2026, 11));
    assert_filter(app, "min_places=8", |x| x.max_students >= 8);
}

#[test]
fn filters_combine() {
    let app = spawn_app();
    let h = &app.hosts[5];
    let region = h.region.clone();
    let kind = h.kind.as_str();
    assert_filter(
        app,
        &format!("region={region}&kind={kind}&path=pcto"),
        |x| {
            x.region == region
                && x.kind.as_str() == kind
                && x.paths.iter().any(|p| p.as_str() == "pcto")
        },
    );
    // The filters of an offer hold within one offer.
    let g1 = h.figures[0][..1].to_owned();
    assert_filter(
        app,
        &format!("figure={g1}&min_places=3&period=2027-02"),
        |x| {
            x.body.offers.iter().any(|o| {
                o.figures.iter().any(|f| f.code.starts_with(&g1))
                    && o.max_students >= 3
                    && offer_in_month(o, 2027, 2)
            })
        },
    );
    // Text and filters together, the budgeted search.
    let province = h.province.clone();
    assert_filter(app, &format!("q=tecnic&province={province}"), |x| {
        x.province == province && text_matches(x, "tecnic")
    });
}

/// Issue 23, point 8: «PCTO + February 2027 returned a host whose PCTO runs only in
/// September (February was its apprenticeship)». Path, period, figure and places match
/// within one offer, and each card says the periods of each path.
#[test]
fn the_filters_of_an_offer_hold_within_one_offer() {
    let app = spawn_app();
    let mut excluded = 0;
    for (path, kind) in [
        ("pcto", domain::hosts::PathKind::Pcto),
        ("apprendistato", domain::hosts::PathKind::Apprendistato),
    ] {
        for (year, month) in [(2027, 2), (2027, 9), (2026, 11)] {
            let query = format!("path={path}&period={year}-{month:02}");
            let want = expected(app, |x| {
                x.body
                    .offers
                    .iter()
                    .any(|o| o.path == kind && offer_in_month(o, year, month))
            });
            // What matching the whole host found: the path on one offer, the month on another.
            let union = expected(app, |x| {
                x.paths.contains(&kind) && month_overlaps(x, year, month)
            });
            excluded += union.difference(&want).count();
            assert_eq!(all_ids(app, &query), want, "{query}");
        }
        // Apprenticeships take 1–4 students in the seed, PCTO 1–12.
        let min = if path == "pcto" { 5 } else { 3 };
        assert_filter(app, &format!("path={path}&min_places={min}"), |x| {
            x.body
                .offers
                .iter()
                .any(|o| o.path == kind && o.max_students >= min)
        });
    }
    assert!(
        excluded > 0,
        "the seed has hosts whose path and month are on different offers"
    );
    // The host: a PCTO in September and an apprenticeship in February only.
    let host = app
        .hosts
        .iter()
        .find(|x| {
            let pcto = x.body.offers.iter().find(|o| o.path.as_str() == "pcto");
            let app_ = x
                .body
                .offers
                .iter()
                .find(|o| o.path.as_str() == "apprendistato");
            matches!((pcto, app_), (Some(p), Some(a))
                if offer_in_month(a, 2027, 2) && !offer_in_month(p, 2027, 2))
        })
        .expect("the seed has a host with the apprenticeship in February and no PCTO then");
    let pcto = all_ids(app, "path=pcto&period=2027-02");
    assert!(
        !pcto.contains(&host.id),
        "{}: PCTO not in February",
        host.name
    );
    let apprenticeship = all_ids(app, "path=apprendistato&period=2027-02");
    assert!(apprenticeship.contains(&host.id), "{}", host.name);
    // Its card says which period is which path's.
    let v = app
        .get(&format!(
            "/api/v1/hosts?path=apprendistato&period=2027-02&per_page=100&q={}",
            host.name.replace(' ', "+").replace('\'', "%27")
        ))
        .json();
    let item = v["items"]
        .as_array()
        .and_then(|i| i.iter().find(|i| i["id"] == host.id))
        .cloned()
        .expect("the host found by name");
    let offers = item["path_offers"].as_array().cloned().unwrap_or_default();
    assert_eq!(offers.len(), host.body.offers.len(), "{item}");
    for (got, o) in offers.iter().zip(&host.body.offers) {
        assert_eq!(got["path"], o.path.as_str());
        assert_eq!(got["max_students"], o.max_students);
        assert_eq!(
            got["periods"].as_array().map(Vec::len),
            Some(o.periods.len())
        );
    }
    let page = app.get(&format!(
        "/enti?path=apprendistato&period=2027-02&q={}",
        host.name.replace(' ', "+").replace('\'', "%27")
    ));
    assert_eq!(page.status, 200);
    for path in ["PCTO", "Apprendistato"] {
        assert!(
            page.body.contains(&format!(
                "<strong class=\"card-offer-path\">{path}</strong>: "
            )),
            "the card names {path}'s places and periods"
        );
    }
}

#[test]
fn italian_words_match_in_singular_and_plural_and_across_gender() {
    let app = spawn_app();
    // «meccanico» is in no demo profile as such: its stem finds «meccanica», «meccaniche».
    let want = expected(app, |x| text_matches(x, "meccanico"));
    assert!(!want.is_empty());
    assert!(app.hosts.iter().any(|x| want.contains(&x.id)
        && words_of(x)
            .iter()
            .any(|w| w == "meccanica" || w == "meccaniche")));
    assert!(app
        .hosts
        .iter()
        .all(|x| !words_of(x).iter().any(|w| w == "meccanico")));
    assert_eq!(all_ids(app, "q=meccanico"), want);
    assert_eq!(all_ids(app, "q=Meccanici"), want);
    // A word being typed is still a prefix.
    assert_filter(app, "q=meccanic", |x| text_matches(x, "meccanic"));
    // The plural finds the singular.
    assert_filter(app, "q=elettricisti", |x| text_matches(x, "elettricisti"));
}

#[test]
fn free_text_is_prefix_accent_and_case_insensitive() {
    let app = spawn_app();
    assert_filter(app, "q=mecc", |x| text_matches(x, "mecc"));
    let a = all_ids(app, "q=MECCANICA");
    let b = all_ids(app, "q=mecc%C3%A0nica");
    assert_eq!(a, b, "accents and case do not matter");
    assert_eq!(a, expected(app, |x| text_matches(x, "meccanica")));
    assert!(!a.is_empty());
    // Two words: both must appear.
    assert_filter(app, "q=studio+tecn", |x| text_matches(x, "studio tecn"));
    // A host is found by its own (invented) name.
    let name = app.hosts[11].name.clone();
    let ids = all_ids(
        app,
        &format!("q={}", name.replace(' ', "+").replace('\'', "%27")),
    );
    assert!(ids.contains(&12), "{name} found by name");
    // FTS operators typed by a person are plain words, never a 500.
    let r = app.get("/api/v1/hosts?q=%22OR%22+NEAR(+*");
    assert_eq!(r.status, 200, "{}", r.body);
}

#[test]
fn pagination_covers_all_results_once() {
    let app = spawn_app();
    let want = expected(app, |x| x.paths.iter().any(|p| p.as_str() == "pcto"));
    let published = register_count(app, "path=pcto");
    let mut got = BTreeSet::new();
    let mut page = 1;
    loop {
        let v = app
            .get(&format!("/api/v1/hosts?path=pcto&per_page=7&page={page}"))
            .json();
        assert_eq!(v["total"], want.len() as u64 + published);
        assert_eq!(v["per_page"], 7);
        let items = v["items"].as_array().cloned().unwrap_or_default();
        if items.is_empty() {
            break;
        }
        assert!(items.len() <= 7);
        for it in items {
            assert!(got.insert(it["id"].as_u64().unwrap_or(0)));
        }
        page += 1;
    }
    got.retain(|id| *id < REGISTER_IDS);
    assert_eq!(got, want);
}

#[test]
fn bad_search_parameters_are_400_naming_the_field() {
    let app = spawn_app();
    let long = "a".repeat(201);
    for (q, field, code) in [
        ("foo=1", "foo", "unknown_parameter"),
        ("region=1&region=2", "region", "duplicate_parameter"),
        ("region=99", "region", "invalid_field"),
        ("region=ab", "region", "invalid_field"),
        ("province=XX", "province", "unknown_code"),
        ("province=R1", "province", "invalid_field"),
        ("comune=999999", "comune", "unknown_code"),
        ("comune=12", "comune", "invalid_field"),
        ("path=stage", "path", "invalid_field"),
        ("figure=9.9.9", "figure", "unknown_code"),
        ("figure=1..2", "figure", "invalid_field"),
        ("ateco=00", "ateco", "unknown_code"),
        ("ateco=6", "ateco", "invalid_field"),
        ("kind=azienda", "kind", "invalid_field"),
        ("period=2026-13", "period", "invalid_field"),
        ("period=marzo", "period", "invalid_field"),
        ("min_places=0", "min_places", "invalid_field"),
        ("min_places=-3", "min_places", "invalid_field"),
        ("page=0", "page", "invalid_field"),
        ("page=abc", "page", "invalid_field"),
        ("per_page=101", "per_page", "invalid_field"),
        ("per_page=0", "per_page", "invalid_field"),
        ("q=%2D%2D", "q", "invalid_field"),
        (&format!("q={long}")[..], "q", "invalid_field"),
        ("q=%FF%FE", "q", "invalid_field"),
    ] {
        let r = app.get(&format!("/api/v1/hosts?{q}"));
        assert_eq!(r.status, 400, "{q}: {}", r.body);
        let v = r.json();
        assert_eq!(v["error"]["field"], field, "{q}");
        assert_eq!(v["error"]["code"], code, "{q}");
        assert!(v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
}

#[test]
fn host_detail() {
    let app = spawn_app();
    let h = &app.hosts[0];
    let r = app.get(&format!("/api/v1/hosts/{}", h.id));
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["name"], h.name.as_str());
    assert_eq!(v["comune"], h.comune.as_str());
    assert!(v["contacts"]["email"]
        .as_str()
        .is_some_and(|e| e.ends_with(".example")));
    assert!(!v["offers"].as_array().unwrap_or(&vec![]).is_empty());
    for bad in ["0", "abc", "99999999", "-1", "1.5"] {
        let r = app.get(&format!("/api/v1/hosts/{bad}"));
        assert_eq!(r.status, 404, "{bad}");
        assert_eq!(r.json()["error"]["code"], "not_found");
    }
    assert_eq!(app.get(&format!("/api/v1/hosts/{}?x=1", h.id)).status, 400);
}

#[test]
fn comuni_of_a_province() {
    let app = spawn_app();
    let v = app.get("/api/v1/comuni?province=rm").json();
    let items = v["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 121, "the 121 comuni of Roma Capitale");
    assert!(items
        .iter()
        .any(|c| c["code"] == "058091" && c["name"] == "Roma"));
    assert_eq!(app.get("/api/v1/comuni?province=XX").status, 400);
    assert_eq!(app.get("/api/v1/comuni").status, 400);
}

#[test]
fn openapi_describes_every_endpoint() {
    let app = spawn_app();
    let r = app.get("/api/v1/openapi.json");
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("application/json")),
        "{:?}",
        r.header("content-type")
    );
    let v = r.json();
    assert_eq!(v["openapi"], "3.1.0");
    let paths: BTreeSet<&str> = v["paths"]
        .as_object()
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default();
    assert_eq!(
        paths,
        BTreeSet::from([
            "/healthz",
            "/api/v1/openapi.json",
            "/api/v1/attendance/limits",
            "/api/v1/hosts",
            "/api/v1/hosts/{id}",
            "/api/v1/comuni",
            "/api/v1/me",
            "/api/v1/schools/{school_id}/imports",
            "/api/v1/imports/{id}",
            "/api/v1/imports/{id}/parts",
            "/api/v1/imports/{id}/commit",
            "/api/v1/pupils/{id}",
            "/api/v1/pupils/{id}/absences",
            "/api/v1/pupils/{id}/attendance",
            "/api/v1/pupils/{id}/derogations",
            "/api/v1/pupils/{id}/justifications",
            "/api/v1/absences/{id}/justification",
            "/api/v1/justifications/{id}/decision",
            "/api/v1/derogations/{id}/decision",
            "/api/v1/justifications/{id}/decision/undo",
            "/api/v1/derogations/{id}/decision/undo",
            "/api/v1/schools/{school_id}/requests",
            "/api/v1/schools/{school_id}/decisions",
            "/api/v1/schools/{school_id}/attendance",
            "/api/v1/schools/{school_id}/notices",
            "/api/v1/notices",
            "/api/v1/notices/{id}/acknowledgement",
            "/api/v1/notices/{id}/acknowledgements",
            "/api/v1/notices/{id}/withdrawal",
            "/api/v1/notices/{id}/reminder",
            "/api/v1/me/export",
            "/api/v1/ipa/{code}",
            "/api/v1/ateco/{code}",
            "/api/v1/cp2011",
            "/api/v1/declarations",
            "/api/v1/declarations/{code}",
            "/api/v1/declarations/{code}/document",
            "/api/v1/declarations/{code}/signature",
            "/api/v1/declarations/{code}/review",
            "/api/v1/schools/{school_id}/shortlists",
            "/api/v1/schools/{school_id}/shortlists/removal",
            "/api/v1/schools/{school_id}/law159",
            "/api/v1/pupils/{id}/law159",
            "/api/v1/schools/{school_id}/ars",
            "/api/v1/pupils/{id}/ars",
        ])
    );
    // The router has exactly the document's methods on each of its paths: a method the path
    // does not have is a 405 listing the ones it has (a path the router lacked would be the
    // fallback's 404).
    for path in paths.iter().filter(|p| **p != "/api/v1/openapi.json") {
        let concrete: String = path
            .split('/')
            .map(|s| if s.starts_with('{') { "1" } else { s })
            .collect::<Vec<_>>()
            .join("/");
        let url = format!("{}{concrete}", app.base);
        let r = match app.agent.request("DELETE", &url).call() {
            Ok(r) | Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("DELETE {url}: {e}"),
        };
        assert_eq!(r.status(), 405, "DELETE {path}");
        let allowed: BTreeSet<String> = r
            .header("allow")
            .unwrap_or("")
            .split(',')
            .map(|m| m.trim().to_ascii_lowercase())
            .filter(|m| !m.is_empty() && m != "head")
            .collect();
        let documented: BTreeSet<String> = v["paths"][path]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        assert_eq!(allowed, documented, "methods of {path}");
    }
    // Every state-changing operation asks for the session's CSRF token, except the public
    // publishing workflow, which declares no security (no session, no cookie: nothing to forge).
    let public_posts = BTreeSet::from([
        "/api/v1/declarations",
        "/api/v1/declarations/{code}/signature",
    ]);
    for path in &public_posts {
        assert_eq!(
            v["paths"][path]["post"]["security"],
            serde_json::json!([]),
            "POST {path} is public"
        );
    }
    let posts: BTreeSet<&str> = paths
        .iter()
        .copied()
        .filter(|path| v["paths"][path].get("post").is_some())
        .filter(|path| !public_posts.contains(path))
        .collect();
    assert_eq!(
        posts,
        BTreeSet::from([
            "/api/v1/schools/{school_id}/imports",
            "/api/v1/imports/{id}/parts",
            "/api/v1/imports/{id}/commit",
            "/api/v1/pupils/{id}/derogations",
            "/api/v1/pupils/{id}/justifications",
            "/api/v1/absences/{id}/justification",
            "/api/v1/justifications/{id}/decision",
            "/api/v1/derogations/{id}/decision",
            "/api/v1/justifications/{id}/decision/undo",
            "/api/v1/derogations/{id}/decision/undo",
            "/api/v1/schools/{school_id}/notices",
            "/api/v1/notices/{id}/acknowledgement",
            "/api/v1/notices/{id}/withdrawal",
            "/api/v1/notices/{id}/reminder",
            "/api/v1/declarations/{code}/review",
            "/api/v1/schools/{school_id}/shortlists",
            "/api/v1/schools/{school_id}/shortlists/removal",
            "/api/v1/pupils/{id}/law159",
            "/api/v1/pupils/{id}/ars",
        ])
    );
    for path in posts {
        let security = v["paths"][path]["post"]["security"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(
            !security.is_empty() && security.iter().all(|s| s.get("csrf").is_some()),
            "POST {path} declares the csrf security: {security:?}"
        );
    }
    assert_eq!(
        v["components"]["securitySchemes"]["csrf"]["name"],
        "X-CSRF-Token"
    );
    let params: Vec<&str> = v["paths"]["/api/v1/hosts"]["get"]["parameters"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(params, domain::hosts::HostSearch::PARAMS);
}

#[test]
fn the_contract_check_catches_an_answer_the_document_does_not_describe() {
    // The check every helper runs must be able to fail: a real answer against the wrong
    // operation's schema, and a status the operation does not give.
    let app = spawn_app();
    let page = app.get("/api/v1/hosts");
    let c = e2e::contract::contract();
    let wrong = std::panic::catch_unwind(|| {
        c.check("GET", "/api/v1/comuni", 200, "application/json", &page.body)
    });
    assert!(wrong.is_err(), "a search page is not a list of comuni");
    let undocumented =
        std::panic::catch_unwind(|| c.check("GET", "/api/v1/hosts", 418, "application/json", "{}"));
    assert!(undocumented.is_err(), "418 is not an answer of the search");
}

#[test]
fn unknown_api_path_is_json_404() {
    let app = spawn_app();
    let r = app.get("/api/v1/nothing");
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"]["code"], "not_found");
}

#[test]
fn pages_render_on_the_server() {
    let app = spawn_app();
    let r = app.get("/");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("<html lang=\"it\""));
    for door in ["Famiglia", "Scuola", "Ente ospitante"] {
        assert!(r.body.contains(door), "{door}");
    }
    // The search results are in the first response, no JavaScript needed.
    let h = &app.hosts[2];
    let r = app.get(&format!("/enti?province={}", h.province));
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains(&h.name.replace('\'', "&#x27;")) || r.body.contains(&h.name),
        "{}",
        h.name
    );
    let r = app.get(&format!("/enti/{}", h.id));
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Contatti"));
    assert_eq!(app.get("/enti/987654321").status, 404);
    assert_eq!(app.get("/enti?province=XX").status, 400);
    assert_eq!(app.get("/nessuna-pagina").status, 404);
    let r = app.get("/calcolo-assenze?weekly_hours=30&daily_hours=6");
    assert_eq!(r.status, 200);
    for n in ["990", "743", "247", "41"] {
        assert!(r.body.contains(&format!(">{n}<")), "calculator shows {n}");
    }
    // English when the browser prefers it.
    let en = app
        .agent
        .get(&format!("{}/", app.base))
        .set("Accept-Language", "en-GB,en;q=0.9")
        .call()
        .map(|r| r.into_string().unwrap_or_default())
        .unwrap_or_default();
    assert!(en.contains("Who are you?"));
}

#[test]
fn security_headers_on_every_response() {
    let app = spawn_app();
    let paths = [
        "/",
        "/enti",
        "/api/v1/hosts",
        "/api/v1/hosts?foo=1",
        "/healthz",
        "/nessuna",
        "/favicon.svg",
        "/robots.txt",
    ];
    for p in paths {
        let r = app.get(p);
        let csp = r
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("CSP on {p}"));
        assert!(csp.contains("script-src 'self'"), "{p}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{p}: {csp}");
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"), "{p}");
        assert!(r.header("referrer-policy").is_some(), "{p}");
        assert!(r.header("permissions-policy").is_some(), "{p}");
        assert!(
            r.header("strict-transport-security")
                .is_some_and(|h| h.contains("max-age=")),
            "{p}"
        );
    }
}

#[test]
fn static_files_have_hashed_names_and_long_cache() {
    let app = spawn_app();
    let page = app.get("/enti").body;
    let css = page
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|s| s.starts_with("/pkg/ponte.") && s.ends_with(".css"))
        .unwrap_or_else(|| panic!("hashed CSS link in the page"))
        .to_owned();
    let r = app.get(&css);
    assert_eq!(r.status, 200);
    assert!(
        r.header("cache-control")
            .is_some_and(|c| c.contains("immutable")),
        "{css}"
    );
    // Every inline script carries this response's nonce, and the CSP allows that nonce only.
    let r = app.get("/enti");
    let csp = r
        .header("content-security-policy")
        .unwrap_or_default()
        .to_owned();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .unwrap_or_else(|| panic!("a nonce in the page's CSP: {csp}"))
        .to_owned();
    assert!(nonce.len() >= 16, "nonce {nonce}");
    for tag in r
        .body
        .split("<script")
        .skip(1)
        .map(|c| c.split('>').next().unwrap_or(""))
    {
        assert!(
            tag.contains(" src=") || tag.contains(&format!("nonce=\"{nonce}\"")),
            "inline script without the nonce: <script{tag}>"
        );
    }
    assert_ne!(
        app.get("/enti").header("content-security-policy"),
        Some(csp.as_str()),
        "a new nonce each response"
    );
}
