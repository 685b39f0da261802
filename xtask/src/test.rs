//! `cargo xtask test`: every test, in the order that fails fastest.

use std::process::Command;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;
use xtask::run::{cargo, run};
use xtask::{build, ipa, paths, reference, school, seed, server, stack, tidy, tools, Result};

/// Hosts seeded for the end-to-end tests: enough that every filter has matches.
pub const TEST_HOSTS: usize = 1000;

/// The steps begun so far, with when and the processor time used by then: their seconds are
/// printed at the end of the run.
static STEPS: Mutex<Vec<(String, Instant, f64)>> = Mutex::new(Vec::new());

fn step(name: &str) {
    eprintln!("\n=== {name}");
    STEPS.lock().unwrap_or_else(PoisonError::into_inner).push((
        name.to_owned(),
        Instant::now(),
        cpu_secs(),
    ));
}

/// Processor seconds (user and system) used so far by this process and the processes it has
/// waited for (compilers, wrangler, Chromium…), from `/proc/self/stat` (Linux; clock ticks of
/// 1/100 s, the kernel's `USER_HZ`); 0 elsewhere. Unlike the wall time, this does not depend on
/// what else the machine is doing: on an idle machine a step takes at least its processor
/// seconds divided by the cores.
fn cpu_secs() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // The fields after the command name (which may hold spaces, in parentheses): state is the
    // 3rd field of the line; utime, stime, cutime, cstime the 14th to the 17th.
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return 0.0;
    };
    let ticks: f64 = rest
        .split_whitespace()
        .skip(11)
        .take(4)
        .filter_map(|f| f.parse::<f64>().ok())
        .sum();
    ticks / 100.0
}

/// Every test, then the seconds of each step (also when one failed: where the time went).
pub fn all() -> Result {
    let start = Instant::now();
    let result = everything();
    let steps = STEPS.lock().unwrap_or_else(PoisonError::into_inner);
    eprintln!(
        "\n=== seconds per step: wall clock, and processor (all cores, this run's processes)"
    );
    for (i, (name, at, cpu)) in steps.iter().enumerate() {
        let (end, cpu_end) = steps
            .get(i + 1)
            .map_or_else(|| (Instant::now(), cpu_secs()), |s| (s.1, s.2));
        eprintln!(
            "{:>8.1} s {:>8.1} s cpu  {name}",
            (end - *at).as_secs_f64(),
            cpu_end - cpu
        );
    }
    eprintln!(
        "{:>8.1} s {:>8.1} s cpu  in all",
        start.elapsed().as_secs_f64(),
        cpu_secs()
    );
    result
}

fn everything() -> Result {
    step("format");
    run(cargo().args(["fmt", "--all", "--", "--check"]))?;
    step("reference data migration is current");
    reference::check()?;
    step("tidy: SQL only in worker/src/db/, built from constants");
    tidy::check()?;

    // Chromium is installed (when missing) while the crates compile: apt-get mostly waits on
    // the network and the disk. Its output goes to a log, read if it fails.
    let apt_log = paths::target().join("apt-chromium.log");
    let chromium = std::thread::spawn({
        let log = apt_log.clone();
        move || {
            let _ = std::fs::create_dir_all(paths::target());
            tools::ensure_chromium_logged(Some(&log))
        }
    });

    step("tools: the wasm target, wasm-bindgen-cli, the npm packages (installed when missing)");
    let tools = tools::ensure_build_tools()?;

    step("clippy (native crates, then the wasm crates)");
    run(cargo().args([
        "clippy",
        "--package",
        "domain",
        "--package",
        "xtask",
        "--package",
        "e2e",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cargo()
        .args([
            "clippy",
            "--package",
            "app",
            "--package",
            "worker-ponte",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ])
        .env("CARGO_TARGET_DIR", paths::target().join("clippy-wasm")))?;
    // The verifier on its own: with the main worker beside it, Cargo would lend it the main
    // worker's features of `worker` (`http`, `axum`).
    run(cargo()
        .args([
            "clippy",
            "--package",
            "ponte-verifier",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ])
        .env("CARGO_TARGET_DIR", paths::target().join("clippy-wasm")))?;
    // Each browser bundle compiles the same crate with its own islands (app/build.rs).
    for bundle in build::Bundle::ALL {
        run(cargo()
            .args([
                "clippy",
                "--package",
                "app",
                "--features",
                bundle.features(),
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ])
            .env("CARGO_TARGET_DIR", paths::target().join("clippy-wasm")))?;
    }

    step("native tests");
    run(cargo().args(["test", "--package", "domain", "--package", "xtask"]))?;
    run(cargo().args(["test", "--package", "app", "--features", "ssr", "--lib"]))?;
    step("fuzzing, a short pass: 5 s per target (cargo xtask fuzz)");
    crate::fuzz_cmd(&["--seconds".into(), "5".into()])?;
    step("dependencies: advisories, licences, duplicate versions (cargo xtask deny)");
    crate::deny::check()?;
    step("the local OpenID Connect provider on its own (PKCE enforced, the demo people's page)");
    run(Command::new("node")
        .arg(paths::root().join("tests/oidc/selftest.mjs"))
        .current_dir(paths::root()))?;
    step("domain builds for wasm32 (the browser uses the same rules)");
    run(cargo()
        .args([
            "build",
            "--package",
            "domain",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .env("CARGO_TARGET_DIR", paths::target().join("clippy-wasm")))?;

    step("build: client bundle, static files, worker");
    build::all(&tools)?;
    step("deploy dry run: what `cargo xtask deploy` would upload, within the platform's limits");
    crate::deploy::dry_run(crate::deploy::FREE_PLAN_KIB)?;
    // Build the test binary before the server starts, so its compile time is not spent
    // with wrangler running.
    run(cargo().args(["test", "--package", "e2e", "--no-run"]))?;

    step("end-to-end: wrangler dev with a fresh local D1, and the local identity providers");
    let state = paths::target().join("e2e").join("state");
    let _ = std::fs::remove_dir_all(&state);
    std::fs::create_dir_all(&state).map_err(|e| e.to_string())?;
    server::migrate(&state)?;
    server::execute_file(&state, &seed::write_sql(TEST_HOSTS)?)?;
    ipa::load_samples(&state)?;
    let demo = stack::prepare_demo(&state, school::DemoOptions::default().pupils)?;
    // The contract probe's own school and people (what the probe writes lands there).
    let probe = crate::probe::prepare(&state, &demo.identities)?;
    let port = server::free_port()?;
    let log = paths::target().join("e2e").join("wrangler.log");
    let stack = stack::start(stack::Options {
        port,
        state,
        quiet: true,
        log_file: Some(log.clone()),
        identities: demo.identities.clone(),
    })?;
    let server = &stack.server;
    eprintln!("worker at {} (log: {})", server.base_url, log.display());
    step("the demo schools' files imported through the API, signed in as their secretaries");
    stack::import_demo(&server.base_url, &demo)?;

    // What the end-to-end tests are told about the stack they test.
    let e2e = |args: &[&str]| {
        let mut cmd = cargo();
        cmd.arg("test")
            .args(["--package", "e2e"])
            .args(args)
            .env("PONTE_BASE_URL", &server.base_url)
            .env("PONTE_SEEDED_HOSTS", TEST_HOSTS.to_string())
            .env("PONTE_DEMO_DIR", stack::demo_dir())
            .env("PONTE_TEST_REGISTRY_URL", &stack.registry.url)
            .env("PONTE_TEST_REGISTRY_SECRET", &stack.registry.secret)
            .env("PONTE_E2E_STATE", &server.state);
        cmd
    };
    step("API tests over HTTP");
    let api = run(&mut e2e(&["--no-fail-fast"]));
    // On a worker of their own (its own D1, port and identity provider), which they kill
    // during a commit and start with D1 failing: nothing of the shared stack is touched.
    step("faults: wrangler dev killed during an import commit, D1 failing (tests/faults.rs)");
    let faults = run(&mut e2e(&["--test", "faults", "--", "--ignored"]));

    step("browser tests in Debian's Chromium");
    let chromium = chromium
        .join()
        .unwrap_or_else(|_| Err("the Chromium install stopped".into()))
        .map_err(|e| format!("{e} (apt-get's output: {})", apt_log.display()));
    let browser = chromium.and_then(|()| {
        run(Command::new("node")
            .arg(paths::root().join("tests/browser/run.mjs"))
            .current_dir(paths::root())
            .env("PONTE_BASE_URL", &server.base_url)
            .env("PONTE_DEMO_IDENTITIES", &demo.identities)
            .env("PONTE_DEMO_DIR", stack::demo_dir())
            .env("PONTE_TEST_REGISTRY_URL", &stack.registry.url)
            .env("PONTE_TEST_REGISTRY_SECRET", &stack.registry.secret)
            .env(
                "PONTE_XTASK",
                std::env::current_exe().map_err(|e| e.to_string())?,
            )
            .env("PONTE_SCREENSHOTS", paths::target().join("screenshots")))
    });
    step("contract probe: schemathesis on every operation, anonymous and signed in");
    let probe = crate::probe::run_probe(&server.base_url, &probe);
    // Last, because the purge it triggers deletes what the other tests made.
    step("the daily purge (retention), on what every test left");
    let retention = run(&mut e2e(&["--test", "retention", "--", "--ignored"]));
    drop(stack);
    if api.is_err() || faults.is_err() || browser.is_err() || probe.is_err() || retention.is_err() {
        print_worker_errors(&log);
    }
    api?;
    faults?;
    browser?;
    probe?;
    retention?;
    eprintln!("\nAll tests passed.");
    Ok(())
}

/// The worker's error lines from the test server's log, so a failing CI run shows why a request
/// got a 500 (the log file stays in the clone, which CI throws away).
fn print_worker_errors(log: &std::path::Path) {
    let Ok(text) = std::fs::read_to_string(log) else {
        return;
    };
    let errors: Vec<&str> = text
        .lines()
        .filter(|l| {
            let l = l.to_ascii_lowercase();
            l.contains("error") || l.contains("panic") || l.contains("✘") || l.contains(" 500 ")
        })
        .collect();
    eprintln!(
        "\n=== the worker's error lines ({} of them; whole log: {})",
        errors.len(),
        log.display()
    );
    for l in errors.iter().rev().take(80).rev() {
        eprintln!("{l}");
    }
}
