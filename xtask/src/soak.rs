//! `cargo xtask soak` (issue 18, point 10): a minute of mixed traffic at 10 connections on
//! loopback against a fresh dev stack (1,000 hosts, the demo schools imported), every kind at
//! once: the host search (API and page), host profiles, a family's dashboards signed in, the
//! notices, `/healthz`, and an import of the school's absences made again and again (create,
//! parts, commit) by its secretary. It fails on any error (a non-2xx answer, a connection or
//! read error, a timeout, an import that does not go live) and prints each kind's count and
//! latency percentiles beside `/healthz` of the same run.
//!
//! One wrk (Debian's) per kind, all running together, each rotating over its own paths with a
//! Lua script. The searches name a new client on each request (`X-Ponte-Dev-Client`, honoured
//! by a development worker only): many people searching, not one client hitting its per-client
//! rate limit, which is a refusal by design (tested in `tests/abuse.rs`), not a fault.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use xtask::client::Client;
use xtask::run::output;
use xtask::{build, paths, school, seed, server, stack, tools, Result};

/// wrk's Lua: rotate over the paths of `PONTE_WRK_PATHS`; with `PONTE_WRK_CLIENTS` set, a new
/// development client name on each request; at the end, one line of figures.
const LUA: &str = r#"
local paths = {}
for line in io.lines(os.getenv("PONTE_WRK_PATHS")) do table.insert(paths, line) end
local clients = os.getenv("PONTE_WRK_CLIENTS")
local i = 0
local n = 0
setup = function(thread)
  n = n + 1
  thread:set("id", n)
end
request = function()
  i = i % #paths + 1
  if clients then
    local headers = {}
    headers["X-Ponte-Dev-Client"] = clients .. "-" .. tostring(id) .. "-" .. tostring(i) .. "-" .. tostring(math.random(1, 1000000000))
    return wrk.format("GET", paths[i], headers)
  end
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.2f %.2f %.2f\n",
    summary.requests, e.status + e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"#;

/// One kind of request: its label, paths, connections, and the session it runs in.
struct Kind {
    label: &'static str,
    paths: Vec<String>,
    conns: u32,
    cookie: Option<String>,
    /// A new development client per request (the search's per-client limit).
    many_clients: bool,
}

/// A kind's figures: requests, errors, p50/p95/p99 in ms.
#[derive(Debug, Clone, Copy)]
struct Figures {
    count: u64,
    errors: u64,
    p50: f64,
    p95: f64,
    p99: f64,
}

fn wrk(bin: &Path, base: &str, kind: &Kind, secs: u64, dir: &Path, n: usize) -> Result<Figures> {
    let lua = dir.join("soak.lua");
    let list = dir.join(format!("paths-{n}.txt"));
    let mut f = std::fs::File::create(&list).map_err(|e| e.to_string())?;
    for p in &kind.paths {
        writeln!(f, "{p}").map_err(|e| e.to_string())?;
    }
    let mut cmd = Command::new(bin);
    cmd.args(["-t", &kind.conns.min(2).to_string()])
        .args(["-c", &kind.conns.to_string()])
        .args(["-d", &format!("{secs}s"), "--timeout", "10s"])
        .arg("-s")
        .arg(&lua)
        .arg(format!("{base}/"))
        .env("PONTE_WRK_PATHS", &list);
    if let Some(c) = &kind.cookie {
        cmd.args(["-H", &format!("Cookie: {c}")]);
    }
    if kind.many_clients {
        cmd.env("PONTE_WRK_CLIENTS", format!("soak{n}"));
    }
    let out = output(&mut cmd)?;
    match crate::bench::wrk_result(&out, &format!(" for {}", kind.label))?.as_slice() {
        [count, errors, p50, p95, p99] => Ok(Figures {
            count: *count as u64,
            errors: *errors as u64,
            p50: *p50,
            p95: *p95,
            p99: *p99,
        }),
        other => Err(format!("cannot read wrk's result: {other:?}")),
    }
}

/// The percentile `p` (0–100) of sorted milliseconds.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Imports the school's absences file again and again for `secs`, as its secretary: each
/// create + parts + commit is one request of the table (its latency the whole import's).
fn imports(
    mut client: Client,
    school_id: i64,
    file: PathBuf,
    secs: u64,
) -> Result<(Figures, Vec<String>)> {
    let bytes = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let end = Instant::now() + Duration::from_secs(secs);
    let mut times = Vec::new();
    let mut failures = Vec::new();
    while Instant::now() < end {
        let started = Instant::now();
        match stack::import_bytes(&mut client, school_id, "assenze", "assenze.csv", &bytes) {
            Ok(r) if r.answer["status"] == "live" => {}
            Ok(r) => failures.push(format!("import not live: {}", r.answer)),
            Err(e) => failures.push(e),
        }
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Ok((
        Figures {
            count: times.len() as u64,
            errors: failures.len() as u64,
            p50: percentile(&times, 50.0),
            p95: percentile(&times, 95.0),
            p99: percentile(&times, 99.0),
        },
        failures,
    ))
}

/// The first demo person whose label starts with `prefix`.
pub fn run(args: &[String]) -> Result {
    let secs: u64 = match args.iter().position(|a| a == "--seconds") {
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .ok_or("--seconds takes a number")?,
        None => 60,
    };
    let tools = tools::ensure_build_tools()?;
    let wrk_bin = tools::ensure_wrk()?;
    build::all(&tools)?;
    let dir = paths::target().join("soak");
    let state = dir.join("state");
    let _ = std::fs::remove_dir_all(&state);
    std::fs::create_dir_all(&state).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("soak.lua"), LUA).map_err(|e| e.to_string())?;
    server::migrate(&state)?;
    server::execute_file(&state, &seed::write_sql(1000)?)?;
    let demo = stack::prepare_demo(&state, school::DemoOptions::default().pupils)?;
    let running = stack::start(stack::Options {
        port: server::free_port()?,
        state,
        quiet: true,
        log_file: Some(dir.join("wrangler.log")),
        identities: demo.identities.clone(),
    })?;
    let base = running.server.base_url.clone();
    stack::import_demo(&base, &demo)?;

    // Who the traffic is: hosts found by a search, a parent of two, the small school's office.
    let mut anon = Client::new(&base);
    let found = anon.get("/api/v1/hosts?per_page=50")?.json()?;
    let ids: Vec<i64> = found["items"]
        .as_array()
        .map(|a| a.iter().filter_map(|h| h["id"].as_i64()).collect())
        .unwrap_or_default();
    if ids.is_empty() {
        return Err(format!("the search found no hosts: {found}"));
    }
    let mut parent = Client::new(&base);
    parent.sign_in(
        "cie",
        &xtask::stack::person_cf(&demo.identities, "Genitore di due alunni")?,
    )?;
    let me = parent.refresh_csrf()?;
    let children: Vec<i64> = me["guardian_of"]
        .as_array()
        .map(|a| a.iter().filter_map(|id| id.as_i64()).collect())
        .unwrap_or_default();
    if children.is_empty() {
        return Err("the demo parent has no children".into());
    }
    let parent_cookie = format!(
        "__Host-ponte-sid={}",
        parent.cookie("__Host-ponte-sid").ok_or("no session")?
    );
    let small = demo.schools.last().ok_or("no demo school")?;
    let (office, school_id) = stack::sign_in_secretary(&base, small)?;
    let absences = small.dir.join("assenze.csv");

    let words = ["mecc", "informatica", "studio", "ristorante", "tecnico"];
    let provinces = ["RM", "MI", "TO", "NA", "BO"];
    let mut search: Vec<String> = words
        .iter()
        .zip(provinces.iter())
        .map(|(w, p)| format!("/api/v1/hosts?q={w}&province={p}"))
        .collect();
    search.extend(provinces.iter().map(|p| format!("/enti?province={p}")));
    let kinds = [
        Kind {
            label: "search (API and /enti)",
            paths: search,
            conns: 2,
            cookie: None,
            many_clients: true,
        },
        Kind {
            label: "host profiles",
            paths: ids
                .iter()
                .flat_map(|id| [format!("/enti/{id}"), format!("/api/v1/hosts/{id}")])
                .collect(),
            conns: 2,
            cookie: None,
            many_clients: false,
        },
        Kind {
            label: "family dashboards",
            paths: std::iter::once("/famiglia".to_owned())
                .chain(children.iter().flat_map(|id| {
                    [
                        format!("/famiglia/alunni/{id}"),
                        format!("/api/v1/pupils/{id}/attendance"),
                    ]
                }))
                .collect(),
            conns: 2,
            cookie: Some(parent_cookie.clone()),
            many_clients: false,
        },
        Kind {
            label: "notices",
            paths: vec!["/famiglia/avvisi".into(), "/api/v1/notices".into()],
            conns: 2,
            cookie: Some(parent_cookie),
            many_clients: false,
        },
        Kind {
            label: "/healthz",
            paths: vec!["/healthz".into()],
            conns: 1,
            cookie: None,
            many_clients: false,
        },
    ];
    let conns: u32 = kinds.iter().map(|k| k.conns).sum::<u32>() + 1;
    println!(
        "\n## soak: {secs} s, {conns} connections on loopback (wrangler dev, 1,000 hosts, \
         the demo schools)"
    );
    let results = std::thread::scope(|s| {
        let import = s.spawn(|| imports(office, school_id, absences, secs));
        let runs: Vec<_> = kinds
            .iter()
            .enumerate()
            .map(|(n, k)| {
                let (wrk_bin, base, dir) = (&wrk_bin, &base, &dir);
                s.spawn(move || wrk(wrk_bin, base, k, secs, dir, n))
            })
            .collect();
        let mut figures = Vec::new();
        for (k, r) in kinds.iter().zip(runs) {
            let r = r
                .join()
                .unwrap_or_else(|_| Err("a wrk thread stopped".into()));
            figures.push((k.label.to_owned(), k.conns, r));
        }
        let import = import
            .join()
            .unwrap_or_else(|_| Err("the import thread stopped".into()));
        (figures, import)
    });
    let (figures, import) = results;
    let (import_figures, failures) = import?;
    let mut rows = Vec::new();
    for (label, conns, r) in figures {
        rows.push((label, conns, r?));
    }
    rows.push((
        "import (create + parts + commit)".to_owned(),
        1,
        import_figures,
    ));
    let healthz = rows
        .iter()
        .find(|r| r.0 == "/healthz")
        .map(|r| r.2)
        .ok_or("no /healthz row")?;
    println!(
        "{:<34} {:>5} {:>8} {:>7} {:>9} {:>9} {:>9} {:>16}",
        "request", "conns", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "p99 / healthz"
    );
    let mut errors = 0;
    for (label, conns, f) in &rows {
        errors += f.errors;
        println!(
            "{label:<34} {conns:>5} {:>8} {:>7} {:>9.1} {:>9.1} {:>9.1} {:>15.1}×",
            f.count,
            f.errors,
            f.p50,
            f.p95,
            f.p99,
            f.p99 / healthz.p99.max(0.01)
        );
    }
    for f in failures.iter().take(5) {
        eprintln!("import failure: {f}");
    }
    drop(running);
    if errors > 0 {
        return Err(format!(
            "soak: {errors} errors (log: {})",
            dir.join("wrangler.log").display()
        ));
    }
    println!("soak: no errors in {secs} s");
    Ok(())
}
