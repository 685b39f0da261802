//! `cargo xtask bench`: the figures, each beside its budget.
//!
//! - wasm sizes (client bundle, worker) raw, brotli and gzip, the worker's against its budget
//!   (1,200 KiB gzip), and the worker's start-up under a cold `wrangler dev`;
//! - page weight: brotli bytes of everything each page's first load fetches, in Chromium (the
//!   family page signed in as the demo guardian);
//! - Lighthouse (mobile emulation, simulated throttling) on the family page, with `/` and
//!   `/enti` for reference: performance, accessibility, LCP, bytes;
//! - search latency p50/p95/p99 and requests/s over HTTP under `wrangler dev`, with 1k and
//!   100k seeded hosts, at 1 and 10 connections, beside `/healthz` measured in the same run
//!   (Debian's wrk, loopback, a few seconds each);
//! - the attendance engine (criterion).

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;
use xtask::run::{cargo, output, run};
use xtask::{build, paths, seed, server, stack, tools, Result};

fn brotli_len(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out.len()
}

/// Bytes of `gzip -9` of the file, counted as bytes (not through a lossy UTF-8 string, which
/// turns each invalid byte into a three-byte replacement character).
fn gzip_len(path: &Path) -> usize {
    Command::new("gzip")
        .arg("-9c")
        .arg(path)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| o.stdout.len())
        .unwrap_or(0)
}

fn kb(n: usize) -> String {
    format!("{:.1} KB", n as f64 / 1000.0)
}

/// KiB (1,024 bytes), as wrangler counts the upload.
fn kib(n: usize) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

/// The worker's `index_bg.wasm`, gzip -9: at most 1,200 KiB (issue 22 point 3), so features
/// have room under the free plan's 3 MB.
const WORKER_GZIP_BUDGET: usize = 1200 * 1024;

/// The worker's start-up: `wrangler dev` started cold (a fresh local state) five times; each
/// time, the milliseconds from the start to the first answer of a static file (`/favicon.svg`,
/// Workers Assets alone, polled every 10 ms), then to the worker's first answer
/// (`/healthz`, asked right after), and that first request's own time beside a second one
/// (warm). Medians of the five.
fn startup() -> Result {
    const RUNS: usize = 5;
    let agent = ureq::AgentBuilder::new()
        .timeout(std::time::Duration::from_secs(30))
        .build();
    let ok = |url: &str| matches!(agent.get(url).call(), Ok(r) if r.status() == 200);
    let mut rows: Vec<[f64; 4]> = Vec::new();
    let dir = paths::target().join("bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for run in 0..RUNS {
        let state = dir.join("state-startup");
        let _ = std::fs::remove_dir_all(&state);
        let started = Instant::now();
        let srv = server::spawn(server::Options {
            port: server::free_port()?,
            state,
            quiet: true,
            log_file: Some(dir.join("wrangler-startup.log")),
            vars: Vec::new(),
            config: None,
        })?;
        let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
        while !ok(&format!("{}/favicon.svg", srv.base_url)) {
            if started.elapsed().as_secs() > 120 {
                return Err(format!("run {}: no static file within 120 s", run + 1));
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let static_ms = ms(started);
        let first = Instant::now();
        if !ok(&format!("{}/healthz", srv.base_url)) {
            return Err(format!("run {}: /healthz did not answer 200", run + 1));
        }
        let first_ms = ms(first);
        let worker_ms = ms(started);
        let second = Instant::now();
        let _ = ok(&format!("{}/healthz", srv.base_url));
        rows.push([static_ms, worker_ms, first_ms, ms(second)]);
        drop(srv);
    }
    let median = |i: usize| {
        let mut v: Vec<f64> = rows.iter().map(|r| r[i]).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "worker start-up, cold `wrangler dev` (median of {RUNS}): first static file {:.0} ms, \
         first worker answer {:.0} ms after the start (its request {:.1} ms; warm {:.1} ms)",
        median(0),
        median(1),
        median(2),
        median(3)
    );
    Ok(())
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "OVER BUDGET"
    }
}

pub fn all(args: &[String]) -> Result {
    let quick = args.iter().any(|a| a == "--quick");
    let tools = tools::ensure_build_tools()?;
    let wrk = tools::ensure_wrk()?;
    if args.iter().any(|a| a == "--search") {
        // The search latency at 100k hosts alone (a change to the search's SQL or index).
        build::all(&tools)?;
        println!("\n## search latency over HTTP (wrangler dev, loopback, wrk)");
        return search_100k(&wrk, quick);
    }
    tools::ensure_chromium()?;
    build::all(&tools)?;

    println!("\n## wasm sizes");
    let pkg = paths::pkg();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(&pkg).map_err(|e| e.to_string())? {
        let p = entry.map_err(|e| e.to_string())?.path();
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        if build::Bundle::ALL.iter().any(|b| b.owns(&name)) {
            files.push((name, std::fs::read(&p).map_err(|e| e.to_string())?));
        }
    }
    files.sort();
    for bundle in build::Bundle::ALL {
        let mut total = 0;
        for (name, bytes) in files.iter().filter(|(n, _)| bundle.owns(n)) {
            let b = brotli_len(bytes);
            total += b;
            println!(
                "{:<8} {name:<36} raw {:>9}  brotli {:>9}",
                bundle.label(),
                kb(bytes.len()),
                kb(b)
            );
        }
        match bundle {
            build::Bundle::Public => println!(
                "client bundle total brotli {}  (budget ≈ 69 KB as in docs/toolchain.md §3, ≤ 70 KB: {})",
                kb(total),
                verdict(total <= 70_000)
            ),
            build::Bundle::Staff => println!(
                "staff bundle (school office pages only) total brotli {}",
                kb(total)
            ),
            build::Bundle::Consent => println!(
                "consent bundle (the publishing wizard's first step, /enti/pubblica) total brotli {}",
                kb(total)
            ),
            build::Bundle::Publish => println!(
                "publish bundle (the hosts' publishing wizard only) total brotli {}",
                kb(total)
            ),
        }
    }
    let worker_wasm = paths::root().join("worker/build/index_bg.wasm");
    let raw = std::fs::metadata(&worker_wasm)
        .map(|m| m.len() as usize)
        .unwrap_or(0);
    let gz = gzip_len(&worker_wasm);
    println!(
        "worker index_bg.wasm raw {}  gzip {}  (budget ≤ {:.0} KiB gzip, issue 22: {}; the free \
         plan's limit is 3 MB)",
        kib(raw),
        kib(gz),
        WORKER_GZIP_BUDGET as f64 / 1024.0,
        verdict(gz <= WORKER_GZIP_BUDGET)
    );
    let verifier_wasm = xtask::worker_js::Worker::Verifier.wasm();
    let raw = std::fs::metadata(&verifier_wasm)
        .map(|m| m.len() as usize)
        .unwrap_or(0);
    println!(
        "verifier index_bg.wasm raw {}  gzip {}  (the PEC and CAdES checks, a worker of its own)",
        kib(raw),
        kib(gzip_len(&verifier_wasm))
    );
    startup()?;

    let schools = schools_arg(args)?;
    let state = paths::target().join("bench").join("state-1k");
    let _ = std::fs::remove_dir_all(&state);
    server::migrate(&state)?;
    server::execute_file(&state, &seed::write_sql(1000)?)?;
    let demo = stack::prepare_demo_with(&state, 1000, schools.saturating_sub(1))?;
    let running = stack::start(stack::Options {
        port: server::free_port()?,
        state: state.clone(),
        quiet: true,
        log_file: Some(paths::target().join("bench").join("wrangler-1k.log")),
        identities: demo.identities.clone(),
    })?;
    let srv = &running.server;
    if args.iter().any(|a| a == "--size") {
        // Only the sizes, the worker's start-up and the pages' weight.
        return page_weights(&srv.base_url, &demo.identities, true);
    }
    import_bench(&srv.base_url, &demo)?;
    let one = dashboard_bench(&wrk, &srv.base_url, &demo, quick, "1,000-pupil school")?;
    schools_bench(&wrk, &srv.base_url, &demo, quick, &one, &state)?;
    if args.iter().any(|a| a == "--family") {
        // Only the sizes, the import and the family and school pages, with the family page's
        // weight in each of its ten languages.
        return weigh(&srv.base_url, &demo.identities, &family_pages());
    }

    page_weights(&srv.base_url, &demo.identities, false)?;

    lighthouse(&srv.base_url, &demo.identities)?;

    println!("\n## search latency over HTTP (wrangler dev, loopback, wrk)");
    latency_table(&wrk, &srv.base_url, "1k hosts", quick)?;
    drop(running);

    if !quick {
        search_100k(&wrk, quick)?;
    }

    println!(
        "\n## attendance engine (criterion; budgets: one pupil ≤ 20 µs, 1,000 pupils ≤ 20 ms)"
    );
    run(cargo().args(["bench", "--package", "domain", "--bench", "attendance"]))?;
    Ok(())
}

/// The search latency table at 100k seeded hosts (the `--search` bench alone runs only this).
/// What each page's first load fetches in Chromium (tests/browser/weight.mjs), weighed in
/// brotli bytes against the 150 KB budget.
fn page_weights(base: &str, identities: &Path, quick: bool) -> Result {
    println!("\n## page weight, first load, brotli (budget ≤ 150 KB each)");
    let all = [
        "/",
        "/enti",
        "/enti?q=mecc&region=03",
        "/enti/1",
        "/calcolo-assenze",
        "/fonti",
        "/famiglia",
        "/enti/pubblica",
        // The wizard after its first step (docs/toolchain.md §3).
        "/enti/pubblica/profilo",
    ];
    // `--size`: the family page is weighed by the whole bench only (on the stack `--size`
    // starts, without the import and family benches before it, its weighing answered 403).
    let mut pages: Vec<String> = all
        .into_iter()
        .filter(|p| !quick || *p != "/famiglia")
        .map(str::to_owned)
        .collect();
    if !quick {
        pages.extend(family_pages().into_iter().skip(1));
    }
    weigh(base, identities, &pages)
}

/// `/famiglia` in each of the family's ten languages (`@tag`: weight.mjs sets the language's
/// cookie), Italian first (docs/design.md §11).
fn family_pages() -> Vec<String> {
    [
        "it", "en", "fr", "es", "ro", "sq", "uk", "ar", "zh-Hans", "ur",
    ]
    .iter()
    .map(|t| {
        if *t == "it" {
            "/famiglia".to_owned()
        } else {
            format!("/famiglia@{t}")
        }
    })
    .collect()
}

/// Loads `pages` in Chromium and weighs what each first load fetched; then the largest
/// `/famiglia` of the languages weighed against its own budget (≤ 50 KB, issue 20).
fn weigh(base: &str, identities: &Path, pages: &[String]) -> Result {
    let json = output(
        Command::new("node")
            .arg(paths::root().join("tests/browser/weight.mjs"))
            .args(pages)
            .current_dir(paths::root())
            .env("PONTE_BASE_URL", base)
            .env("PONTE_DEMO_IDENTITIES", identities),
    )?;
    let loaded: serde_json::Value =
        serde_json::from_str(json.trim()).map_err(|e| format!("weight.mjs: {e}"))?;
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let mut family: Option<(u64, &str)> = None;
    for page in pages {
        let page = page.as_str();
        let mut total = 0;
        let mut parts = Vec::new();
        let cookie = loaded[page]["cookie"].as_str();
        for url in loaded[page]["urls"].as_array().cloned().unwrap_or_default() {
            let url = url.as_str().unwrap_or_default().to_owned();
            let mut body = Vec::new();
            let mut req = agent.get(&url);
            if let Some(c) = cookie {
                req = req.set("Cookie", c);
            }
            let resp = req.call().map_err(|e| format!("{url}: {e}"))?;
            if resp.status() != 200 {
                return Err(format!(
                    "{url} answered {} while weighing {page}",
                    resp.status()
                ));
            }
            let _ = std::io::Read::read_to_end(&mut resp.into_reader(), &mut body);
            let b = brotli_len(&body);
            total += b;
            parts.push(format!(
                "{} {}",
                url.rsplit('/').next().unwrap_or(""),
                kb(b)
            ));
        }
        println!(
            "{page:<26} {:>9}  {}  [{}]",
            kb(total),
            verdict(total <= 150_000),
            parts.join(", ")
        );
        if page.starts_with("/famiglia") && family.is_none_or(|(t, _)| total as u64 > t) {
            family = Some((total as u64, page));
        }
    }
    if let Some((largest, page)) = family {
        println!(
            "largest /famiglia of the languages weighed: {page} {}  {} (budget ≤ 50 KB)",
            kb(largest as usize),
            verdict(largest <= 50_000),
        );
    }
    Ok(())
}

fn search_100k(wrk: &Path, quick: bool) -> Result {
    let state = paths::target().join("bench").join("state-100k");
    let _ = std::fs::remove_dir_all(&state);
    server::migrate(&state)?;
    let start = std::time::Instant::now();
    for (i, file) in seed::write_sql_parts(100_000, 10_000)?.iter().enumerate() {
        eprintln!("loading part {}", i + 1);
        server::execute_file(&state, file)?;
    }
    println!(
        "seeded 100k hosts in {:.0} s",
        start.elapsed().as_secs_f64()
    );
    let srv = server::start(server::Options {
        port: server::free_port()?,
        state,
        quiet: true,
        log_file: Some(paths::target().join("bench").join("wrangler-100k.log")),
        // Every request of wrk comes from 127.0.0.1: without the relaxed per-client limits,
        // the search limit (60 a minute) would answer most of them 429.
        vars: vec![("PONTE_RELAXED_CLIENT_LIMITS".to_owned(), "1".to_owned())],
        config: None,
    })?;
    latency_table(wrk, &srv.base_url, "100k hosts", quick)?;
    drop(srv);
    Ok(())
}

/// Lighthouse on the family page (signed in as the demo guardian) against its budgets, and on
/// two public pages for reference.
fn lighthouse(base: &str, identities: &Path) -> Result {
    println!(
        "\n## Lighthouse: mobile emulation, simulated throttling (Debian's Chromium, loopback)"
    );
    let pages = ["/famiglia", "/", "/enti"];
    let json = output(
        Command::new("node")
            .arg(paths::root().join("tests/browser/lighthouse.mjs"))
            .args(pages)
            .current_dir(paths::root())
            .env("PONTE_BASE_URL", base)
            .env("PONTE_DEMO_IDENTITIES", identities),
    )?;
    let lhr: serde_json::Value = serde_json::from_str(json.lines().last().unwrap_or("").trim())
        .map_err(|e| format!("lighthouse.mjs: {e}"))?;
    println!(
        "{:<11} {:>11} {:>13} {:>14} {:>9} {:>10}  not passed",
        "page", "performance", "accessibility", "best practices", "LCP", "transfer"
    );
    for page in pages {
        let r = &lhr[page];
        let failed: Vec<&str> = r["failed"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        println!(
            "{page:<11} {:>11} {:>13} {:>14} {:>6.2} s {:>10}  {}",
            r["performance"].to_string(),
            r["accessibility"].to_string(),
            r["best_practices"].to_string(),
            r["lcp_ms"].as_f64().unwrap_or(f64::NAN) / 1000.0,
            kb(r["bytes"].as_u64().unwrap_or(0) as usize),
            if failed.is_empty() {
                "-".to_owned()
            } else {
                failed.join(", ")
            }
        );
    }
    let f = &lhr["/famiglia"];
    let perf = f["performance"].as_u64().unwrap_or(0);
    let a11y = f["accessibility"].as_u64().unwrap_or(0);
    let lcp = f["lcp_ms"].as_f64().unwrap_or(f64::INFINITY);
    println!(
        "/famiglia budgets: performance {perf} (≥ 95: {}), accessibility {a11y} (100: {}), \
         LCP {:.2} s (≤ 1.5 s: {}); first load in brotli: see the page weight above (≤ 150 KB)",
        verdict(perf >= 95),
        verdict(a11y == 100),
        lcp / 1000.0,
        verdict(lcp <= 1500.0)
    );
    Ok(())
}

/// The big demo school's six files through the import API, end to end (sign-in, parts,
/// commit), into an empty school.
fn import_bench(base: &str, demo: &xtask::school::Demo) -> Result {
    println!(
        "\n## school import through the API (budget: 1,000 pupils + 50,000 absences ≤ 10 s end to end)"
    );
    let s = demo.schools.first().ok_or("no demo school")?;
    let started = Instant::now();
    let (mut client, school_id) = stack::sign_in_secretary(base, s)?;
    let mut total_rows = 0;
    for kind in stack::import_order() {
        let file = s.dir.join(format!("{kind}.csv"));
        let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        let t = Instant::now();
        let r = stack::import_file(&mut client, school_id, kind, &file)?;
        if r.answer["status"] != "live" {
            return Err(format!("{kind} rejected: {}", r.answer));
        }
        let secs = t.elapsed().as_secs_f64();
        total_rows += r.rows;
        println!(
            "{kind:<11} {:>6} rows {:>9} in {} part(s) {:>6.2} s  {:>8.0} rows/s",
            r.rows,
            kb(bytes as usize),
            r.parts,
            secs,
            r.rows as f64 / secs.max(1e-9)
        );
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "all six files, {total_rows} rows, signed in and imported in {secs:.2} s  {}",
        verdict(secs <= 10.0)
    );
    Ok(())
}

/// Rotating requests and percentiles from wrk's Lua interface.
const WRK_LUA: &str = r#"
local paths = {}
for line in io.lines(os.getenv("PONTE_WRK_PATHS")) do table.insert(paths, line) end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.2f %.2f %.2f %.1f %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
"#;

/// The family and school pages of the 1,000-pupil school, signed in: each page's D1 round trips
/// (counted by the development worker, `x-ponte-d1-round-trips`) beside its latency, and the
/// family dashboard's API, with `/healthz` of the same run beside them.
/// A page's figures at 1 connection.
struct Figures {
    label: String,
    p50: f64,
    p95: f64,
    /// The mean time the worker waited for D1.
    d1_ms: f64,
}

/// Returns each page's figures at 1 connection (the first request of each, `1st ms`, is the
/// one that finds nothing kept: the desk computes itself there).
fn dashboard_bench(
    wrk: &Path,
    base: &str,
    demo: &xtask::school::Demo,
    quick: bool,
    title: &str,
) -> Result<Vec<Figures>> {
    println!(
        "\n## family and school pages, {title} (budget: dashboard API p95 ≤ 15 ms at 1 connection; /famiglia ≤ 3 D1 round trips after the session)"
    );
    let mut figures = Vec::new();
    let cf_of = |prefix: &str| xtask::stack::person_cf(&demo.identities, prefix);
    let signed_in = |cf: &str| -> Result<(xtask::client::Client, serde_json::Value, String)> {
        let mut client = xtask::client::Client::new(base);
        client.sign_in("cie", cf)?;
        let me = client.refresh_csrf()?;
        let sid = client
            .cookie("__Host-ponte-sid")
            .ok_or("no session cookie")?
            .to_owned();
        Ok((client, me, format!("Cookie: __Host-ponte-sid={sid}")))
    };
    let (mut parent, me, parent_cookie) = signed_in(&cf_of("Genitore di due alunni")?)?;
    let children: Vec<i64> = me["guardian_of"]
        .as_array()
        .map(|a| a.iter().filter_map(|id| id.as_i64()).collect())
        .unwrap_or_default();
    let Some(first) = children.first().copied() else {
        return Err("the demo parent has no children".into());
    };
    let (mut office, me, office_cookie) = signed_in(&cf_of("Segreteria")?)?;
    let school = me["staff"]
        .as_array()
        .and_then(|a| a.first())
        .and_then(|g| g["school_id"].as_i64())
        .ok_or("the demo office has no school")?;
    let attendance: Vec<String> = children
        .iter()
        .map(|id| format!("/api/v1/pupils/{id}/attendance"))
        .collect();
    let pages: Vec<(String, Vec<String>, bool)> = vec![
        // The session and its grants alone: what every signed-in request costs at least.
        (
            "/api/v1/me (session only)".into(),
            vec!["/api/v1/me".into()],
            true,
        ),
        ("attendance API (2 children)".into(), attendance, true),
        (
            "/famiglia (2 children)".into(),
            vec!["/famiglia".into()],
            true,
        ),
        (
            "/famiglia/alunni/{id}".into(),
            vec![format!("/famiglia/alunni/{first}")],
            true,
        ),
        (
            "/famiglia/avvisi".into(),
            vec!["/famiglia/avvisi".into()],
            true,
        ),
        (
            "/scuola/{id}/avvisi".into(),
            vec![format!("/scuola/{school}/avvisi")],
            false,
        ),
        (
            "/scuola/{id}/richieste".into(),
            vec![format!("/scuola/{school}/richieste")],
            false,
        ),
        // Issue 19: the attendance desk of the whole 1,000-pupil school, as the office sees it.
        (
            "/scuola/{id}/frequenza".into(),
            vec![format!("/scuola/{school}/frequenza")],
            false,
        ),
    ];
    let secs = if quick { 3 } else { 6 };
    println!(
        "{:<30} {:>5} {:>6} {:>6} {:>9} {:>9} {:>9} {:>9} {:>7} {:>8}",
        "request",
        "conns",
        "D1 rt",
        "D1 ms",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "req/s",
        "errors",
        "1st ms"
    );
    let h = wrk_run(wrk, base, &["/healthz".to_owned()], 1, secs)?;
    println!(
        "{:<30} {:>5} {:>6} {:>6} {:>9.1} {:>9.1} {:>9.1} {:>9.0} {:>7}",
        "/healthz", 1, 0, 0, h.0, h.1, h.2, h.3, h.4
    );
    for (label, paths, family) in &pages {
        let (client, cookie) = if *family {
            (&mut parent, &parent_cookie)
        } else {
            (&mut office, &office_cookie)
        };
        let t = Instant::now();
        let a = client.get(&paths[0])?;
        let first_ms = t.elapsed().as_secs_f64() * 1000.0;
        if a.status != 200 {
            return Err(format!("{}: {} {}", paths[0], a.status, a.body));
        }
        let trips = a.round_trips.ok_or("the worker sent no round-trip count")?;
        // The time waiting for D1, as the worker measured it: the mean of 20 requests (the
        // runtime's clock has millisecond steps).
        let mut waited = 0;
        for _ in 0..20 {
            waited += client
                .get(&paths[0])?
                .d1_ms
                .ok_or("the worker sent no D1 time")?;
        }
        let d1_ms = f64::from(waited) / 20.0;
        let header = [cookie.clone()];
        wrk_run_with(wrk, base, paths, 1, 1, &header)?;
        let (p50, p95, p99, rps, errors) = wrk_run_with(wrk, base, paths, 1, secs, &header)?;
        let budget = match label.as_str() {
            l if l.starts_with("attendance") => {
                format!("  p95 ≤ 15 ms: {}", verdict(p95 <= 15.0 && errors == 0))
            }
            l if l.starts_with("/scuola/{id}/frequenza") => {
                format!("  p95 ≤ 50 ms: {}", verdict(p95 <= 50.0 && errors == 0))
            }
            // Counted in all: the session lookup is one of them (two when it is refreshed).
            l if l.starts_with("/famiglia (") => {
                format!("  ≤ 3 + session: {}", verdict(trips <= 4 && errors == 0))
            }
            _ => String::new(),
        };
        println!(
            "{label:<30} {:>5} {trips:>6} {d1_ms:>6.1} {p50:>9.1} {p95:>9.1} {p99:>9.1} {rps:>9.0} {errors:>7} {first_ms:>8.1}{budget}",
            1
        );
        figures.push(Figures {
            label: label.clone(),
            p50,
            p95,
            d1_ms,
        });
    }
    let attendance = pages
        .iter()
        .find(|p| p.0.starts_with("attendance"))
        .ok_or("no attendance row")?;
    let (p50, p95, p99, rps, errors) = wrk_run_with(
        wrk,
        base,
        &attendance.1,
        10,
        secs,
        std::slice::from_ref(&parent_cookie),
    )?;
    let h = wrk_run(wrk, base, &["/healthz".to_owned()], 10, secs)?;
    println!(
        "{:<30} {:>5} {:>6} {:>6} {p50:>9.1} {p95:>9.1} {p99:>9.1} {rps:>9.0} {errors:>7}",
        "attendance API (2 children)", 10, "", ""
    );
    println!(
        "{:<30} {:>5} {:>6} {:>6} {:>9.1} {:>9.1} {:>9.1} {:>9.0} {:>7}",
        "/healthz", 10, 0, 0, h.0, h.1, h.2, h.3, h.4
    );
    Ok(figures)
}

/// The bytes of the SQLite files under `dir` (the local D1 database, with its write-ahead log).
fn sqlite_bytes(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                sqlite_bytes(&p)
            } else if p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.contains(".sqlite"))
            {
                e.metadata().map(|m| m.len()).unwrap_or(0)
            } else {
                0
            }
        })
        .sum()
}

/// `--schools N` (default 20): how many 1,000-pupil schools the N-school figure imports.
fn schools_arg(args: &[String]) -> Result<usize> {
    match args.iter().position(|a| a == "--schools") {
        None => Ok(20),
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .filter(|n| *n >= 1)
            .ok_or_else(|| "--schools needs a number of schools, at least 1".into()),
    }
}

/// Issue 22 point 4: the other N − 1 schools of 1,000 pupils imported through the API (each
/// with its own pupils, families and 50,000 absences), then the same pages measured again: the
/// family's dashboard reads by pupil and the desk by school, so their latency must not grow
/// with the number of schools in the database.
fn schools_bench(
    wrk: &Path,
    base: &str,
    demo: &xtask::school::Demo,
    quick: bool,
    one: &[Figures],
    state: &Path,
) -> Result {
    let extra: Vec<&xtask::school::DemoSchool> = demo.schools.iter().skip(2).collect();
    if extra.is_empty() {
        return Ok(());
    }
    let n = extra.len() + 1;
    println!(
        "\n## {n} schools of 1,000 pupils (the other {} imported through the API)",
        extra.len()
    );
    let first = demo.schools.first().ok_or("no demo school")?;
    let started = Instant::now();
    let (mut client, first_id) = stack::sign_in_secretary(base, first)?;
    // The large school's secretary is on the staff of every copy (stack::schools_sql), whose
    // ids follow in the order they were registered.
    let me = client.refresh_csrf()?;
    let mut ids: Vec<i64> = me["staff"]
        .as_array()
        .map(|a| a.iter().filter_map(|g| g["school_id"].as_i64()).collect())
        .unwrap_or_default();
    ids.retain(|id| *id != first_id);
    ids.sort_unstable();
    if ids.len() != extra.len() {
        return Err(format!(
            "the secretary is staff of {} other schools, not {}",
            ids.len(),
            extra.len()
        ));
    }
    let mut rows = 0;
    let size_before = sqlite_bytes(state);
    for (s, id) in extra.iter().zip(ids) {
        for kind in stack::import_order() {
            let r = stack::import_file(&mut client, id, kind, &s.dir.join(format!("{kind}.csv")))?;
            if r.answer["status"] != "live" {
                return Err(format!("{} {kind} rejected: {}", s.code, r.answer));
            }
            rows += r.rows;
        }
    }
    let size_after = sqlite_bytes(state);
    println!(
        "{} schools, {rows} rows, imported in {:.1} s; the local D1 file {:.1} MB → {:.1} MB \
         ({:.1} MB per school of 1,000 pupils)",
        extra.len(),
        started.elapsed().as_secs_f64(),
        size_before as f64 / 1e6,
        size_after as f64 / 1e6,
        size_after.saturating_sub(size_before) as f64 / 1e6 / extra.len() as f64
    );
    let many = dashboard_bench(wrk, base, demo, quick, &format!("{n} schools"))?;
    println!(
        "\n## 1 school and {n}, at 1 connection: median and p95, and the time waiting for D1 \
         (budget: no growth with N — the median and D1's time within 25 % or 1 ms; the p95 is \
         shown, it follows the machine's load)"
    );
    println!(
        "{:<30} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "request", "p50 1", "p50 N", "p95 1", "p95 N", "D1 ms 1", "D1 ms N"
    );
    for a in one {
        let Some(b) = many.iter().find(|b| b.label == a.label) else {
            continue;
        };
        let within = |x: f64, y: f64| y <= (x * 1.25).max(x + 1.0);
        let ok = within(a.p50, b.p50) && within(a.d1_ms, b.d1_ms);
        println!(
            "{:<30} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>9.1}  {}",
            a.label,
            a.p50,
            b.p50,
            a.p95,
            b.p95,
            a.d1_ms,
            b.d1_ms,
            if ok { "ok" } else { "GROWS WITH N" }
        );
    }
    Ok(())
}

fn wrk_run(
    wrk: &Path,
    base: &str,
    paths_list: &[String],
    conns: u32,
    secs: u32,
) -> Result<(f64, f64, f64, f64, u64)> {
    wrk_run_with(wrk, base, paths_list, conns, secs, &[])
}

/// wrk over `paths_list` in turn, with extra request `headers` (`Name: value`).
fn wrk_run_with(
    wrk: &Path,
    base: &str,
    paths_list: &[String],
    conns: u32,
    secs: u32,
    headers: &[String],
) -> Result<(f64, f64, f64, f64, u64)> {
    let dir = paths::target().join("bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let lua = dir.join("rotate.lua");
    std::fs::write(&lua, WRK_LUA).map_err(|e| e.to_string())?;
    let list = dir.join("paths.txt");
    let mut f = std::fs::File::create(&list).map_err(|e| e.to_string())?;
    for p in paths_list {
        writeln!(f, "{p}").map_err(|e| e.to_string())?;
    }
    let threads = conns.min(2).to_string();
    let out = output(
        Command::new(wrk)
            .args([
                "-t",
                &threads,
                "-c",
                &conns.to_string(),
                "-d",
                &format!("{secs}s"),
                "--timeout",
                "10s",
            ])
            .args(headers.iter().flat_map(|h| ["-H", h.as_str()]))
            .arg("-s")
            .arg(&lua)
            .arg(format!("{base}/"))
            .env("PONTE_WRK_PATHS", &list),
    )?;
    match wrk_result(&out, "")?.as_slice() {
        [p50, p95, p99, rps, errors] => Ok((*p50, *p95, *p99, *rps, *errors as u64)),
        other => Err(format!("cannot read wrk's result: {other:?}")),
    }
}

/// The numbers of the `RESULT …` line a Lua script's `done` wrote to wrk's output (`what`
/// names the run in the error).
pub(crate) fn wrk_result(out: &str, what: &str) -> Result<Vec<f64>> {
    let line = out
        .lines()
        .find(|l| l.starts_with("RESULT "))
        .ok_or_else(|| format!("wrk gave no result{what}: {out}"))?;
    Ok(line
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect())
}

fn latency_table(wrk: &Path, base: &str, label: &str, quick: bool) -> Result {
    let provinces = [
        "RM", "MI", "TO", "NA", "BG", "VE", "FI", "BA", "PA", "BO", "GE", "CA", "TN", "PG", "AN",
    ];
    let words = [
        "mecc",
        "informatica",
        "studio",
        "ristorante",
        "tecnico",
        "biblioteca",
        "cantiere",
        "vendita",
        "software",
        "agricola",
    ];
    let text_filter: Vec<String> = words
        .iter()
        .zip(provinces.iter().cycle())
        .map(|(w, p)| format!("/api/v1/hosts?q={w}&province={p}"))
        .collect();
    let filter_only: Vec<String> = provinces
        .iter()
        .zip(["pcto", "apprendistato"].iter().cycle())
        .map(|(p, k)| format!("/api/v1/hosts?province={p}&path={k}"))
        .collect();
    let text_only: Vec<String> = words
        .iter()
        .map(|w| format!("/api/v1/hosts?q={w}"))
        .collect();
    // The filters of an offer together, which hold within one offer: path, month and places
    // in a province, and a figure with a month and places on any path (an `OR` of the paths).
    let months = ["2026-11", "2027-02", "2027-03", "2027-06", "2027-09"];
    let offer_filters: Vec<String> = provinces
        .iter()
        .zip(months.iter().cycle())
        .zip(["pcto", "apprendistato"].iter().cycle())
        .enumerate()
        .map(|(i, ((p, m), k))| {
            if i % 2 == 0 {
                format!("/api/v1/hosts?province={p}&path={k}&period={m}&min_places=3")
            } else {
                format!("/api/v1/hosts?figure={}&period={m}&min_places=2", 1 + i % 8)
            }
        })
        .collect();
    // Near the comuni of ten large cities, 30 km, with a word: what a school searching around
    // itself does (issue 21).
    let cities = [
        "058091", "015146", "001272", "063049", "037006", "048017", "072006", "082053", "027042",
        "010025",
    ];
    let near_text: Vec<String> = cities
        .iter()
        .zip(words.iter())
        .map(|(c, w)| format!("/api/v1/hosts?near={c}&radius_km=30&q={w}"))
        .collect();
    // Misspelt words: nothing found, a suggestion read from the vocabulary.
    let misspelt: Vec<String> = [
        "mecanica",
        "eletricista",
        "falegame",
        "informatca",
        "ristornate",
    ]
    .iter()
    .map(|w| format!("/api/v1/hosts?q={w}"))
    .collect();
    // The same searches on pages 1–50: 500 different pages in turn, more than the worker keeps
    // (db::hosts::page_cache, 128), so every one is read from D1.
    let over_pages = |list: &[String]| -> Vec<String> {
        (1..=50)
            .flat_map(|page| list.iter().map(move |path| format!("{path}&page={page}")))
            .collect()
    };
    let uncached = over_pages(&text_filter);
    let near_uncached = over_pages(&near_text);
    let healthz = vec!["/healthz".to_owned()];
    let secs = if quick { 3 } else { 6 };
    println!(
        "{label:<11} {:<22} {:>5} {:>9} {:>9} {:>9} {:>9} {:>7}  ratio p95/healthz",
        "query", "conns", "p50 ms", "p95 ms", "p99 ms", "req/s", "errors"
    );
    // Warm up: the first reads of a large index come from disk; measure the steady state.
    for list in [
        &text_filter,
        &filter_only,
        &offer_filters,
        &text_only,
        &near_text,
        &misspelt,
    ] {
        wrk_run(wrk, base, list, 2, 3)?;
    }
    for conns in [1, 10] {
        let base_line = wrk_run(wrk, base, &healthz, conns, secs)?;
        let print =
            |name: &str, r: (f64, f64, f64, f64, u64)| {
                println!(
                "{label:<11} {name:<22} {conns:>5} {:>9.2} {:>9.2} {:>9.2} {:>9.1} {:>7}  {:.1}×",
                r.0, r.1, r.2, r.3, r.4, r.1 / base_line.1.max(0.01)
            );
            };
        print("/healthz", base_line);
        let tf = wrk_run(wrk, base, &text_filter, conns, secs)?;
        print("text + province", tf);
        let tu = wrk_run(wrk, base, &uncached, conns, secs)?;
        print("  … 500 pages, uncached", tu);
        print(
            "filters only",
            wrk_run(wrk, base, &filter_only, conns, secs)?,
        );
        print(
            "offer filters",
            wrk_run(wrk, base, &offer_filters, conns, secs)?,
        );
        print("text only", wrk_run(wrk, base, &text_only, conns, secs)?);
        print(
            "near 30 km + text",
            wrk_run(wrk, base, &near_text, conns, secs)?,
        );
        let nt = wrk_run(wrk, base, &near_uncached, conns, secs)?;
        print("  … 500 pages, uncached", nt);
        print(
            "misspelt (suggestion)",
            wrk_run(wrk, base, &misspelt, conns, secs)?,
        );
        if label.starts_with("100k") {
            if conns == 1 {
                // Latency budgets on the pages read from D1, not on the kept ones.
                println!(
                    "  budget: text + filter p95 ≤ 20 ms at 1 connection, every page from D1, \
                     no error: {}",
                    verdict(tu.1 <= 20.0 && tu.4 == 0)
                );
                println!(
                    "  budget: near + radius 30 km + text p95 ≤ 20 ms at 1 connection, every \
                     page from D1, no error: {}",
                    verdict(nt.1 <= 20.0 && nt.4 == 0)
                );
            } else {
                let ratio = tf.3 / base_line.3.max(0.01);
                println!(
                    "  budget: text + province ≥ 0.3 × /healthz's req/s at 10 connections, no \
                     error: {:.0} / {:.0} = {ratio:.2} {} (every page read from D1: {:.0} / \
                     {:.0} = {:.2})",
                    tf.3,
                    base_line.3,
                    verdict(ratio >= 0.3 && tf.4 == 0),
                    tu.3,
                    base_line.3,
                    tu.3 / base_line.3.max(0.01)
                );
            }
        }
    }
    Ok(())
}
