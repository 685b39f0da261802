//! `wrangler dev`, offline, with local D1 and KV: migrations, seeding and a running worker.

use crate::run::{log_to, run};
use crate::{paths, Result};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn wrangler() -> Command {
    let mut cmd = Command::new(paths::node_bin("wrangler"));
    cmd.current_dir(paths::root())
        .env("WRANGLER_SEND_METRICS", "false")
        .env("CI", "1")
        .env("NO_UPDATE_NOTIFIER", "1");
    cmd
}

/// Apply D1 migrations to the local database kept in `state`.
pub fn migrate(state: &Path) -> Result {
    run(wrangler()
        .args(["d1", "migrations", "apply", "DB", "--local", "--persist-to"])
        .arg(state))
}

/// Execute a SQL file against the local database.
pub fn execute_file(state: &Path, file: &Path) -> Result {
    run(wrangler()
        .args(["d1", "execute", "DB", "--local", "--yes", "--persist-to"])
        .arg(state)
        .arg("--file")
        .arg(file)
        .stdout(Stdio::null()))
}

/// Reads with one SQL `SELECT` from the local database (the tests check what a purge left): its
/// rows as JSON objects. Only for reading: tests change data through the API.
pub fn query(state: &Path, select: &str) -> Result<Vec<serde_json::Value>> {
    if !select
        .trim_start()
        .to_ascii_uppercase()
        .starts_with("SELECT")
    {
        return Err(format!("only a SELECT reads the test database: {select}"));
    }
    let out = wrangler()
        .args(["d1", "execute", "DB", "--local", "--json", "--persist-to"])
        .arg(state)
        .args(["--command", select])
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("wrangler d1 execute: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "wrangler d1 execute failed: {}",
            String::from_utf8_lossy(&out.stdout)
        ));
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("wrangler d1 execute's JSON: {e}"))?;
    v.get(0)
        .and_then(|r| r["results"].as_array())
        .cloned()
        .ok_or_else(|| format!("no results in {v}"))
}

/// A port nobody listens on now.
pub fn free_port() -> Result<u16> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// A running `wrangler dev`; stopped when dropped.
pub struct Server {
    child: Child,
    pub base_url: String,
    pub state: PathBuf,
}

impl Drop for Server {
    /// SIGTERM lets wrangler stop workerd itself.
    fn drop(&mut self) {
        crate::run::stop(&mut self.child);
    }
}

pub struct Options {
    pub port: u16,
    pub state: PathBuf,
    /// Less logging (per-request logs cost ~15 % under load).
    pub quiet: bool,
    /// Inherit stdout/stderr (dev) or send them to a log file (tests).
    pub log_file: Option<PathBuf>,
    /// Variables for the worker (`--var KEY:VALUE`), beside wrangler.toml's `[vars]`.
    pub vars: Vec<(String, String)>,
}

pub fn start(opts: Options) -> Result<Server> {
    let mut cmd = wrangler();
    cmd.args(["dev", "--ip", "127.0.0.1", "--port"])
        .arg(opts.port.to_string())
        .arg("--persist-to")
        .arg(&opts.state)
        .args([
            "--show-interactive-dev-session=false",
            "--inspector-port",
            "0",
        ])
        .args(["--log-level", if opts.quiet { "error" } else { "info" }])
        .stdin(Stdio::null());
    // Every worker started here is a development one: its clock honours `PONTE_TODAY` and the
    // `X-Ponte-Dev-Now` header (domain::clock). The setting is in no wrangler.toml, so a
    // deployed worker never has it and ignores both.
    cmd.arg("--var")
        .arg(format!("{}:1", domain::clock::DEV_SETTING));
    for (k, v) in &opts.vars {
        cmd.arg("--var").arg(format!("{k}:{v}"));
    }
    if let Some(log) = &opts.log_file {
        let f = std::fs::File::create(log)
            .map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        log_to(&mut cmd, &f)?;
    }
    eprintln!("$ wrangler dev on http://127.0.0.1:{}", opts.port);
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot start wrangler dev: {e}"))?;
    let server = Server {
        child,
        base_url: format!("http://127.0.0.1:{}", opts.port),
        state: opts.state,
    };
    wait_ready(&server.base_url, Duration::from_secs(120))?;
    Ok(server)
}

fn wait_ready(base: &str, limit: Duration) -> Result {
    let start = Instant::now();
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(5))
        .build();
    loop {
        if let Ok(r) = agent.get(&format!("{base}/healthz")).call() {
            if r.status() == 200 {
                return Ok(());
            }
        }
        if start.elapsed() > limit {
            return Err(format!(
                "wrangler dev did not answer on {base} within {limit:?}"
            ));
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

#[cfg(test)]
mod tests {
    /// The development settings (the clock's overrides, the switch that makes D1 fail) reach a
    /// worker only through `--var` from xtask: the deployed configuration names none of them.
    #[test]
    fn wrangler_toml_sets_no_development_switch() {
        let file = crate::paths::root().join("wrangler.toml");
        let text = std::fs::read_to_string(&file).expect("wrangler.toml");
        for setting in [
            domain::clock::DEV_SETTING,
            domain::clock::D1_FAILURE_SETTING,
            domain::clock::TODAY_OVERRIDE,
        ] {
            let assigned = text.lines().any(|l| {
                let l = l.trim_start();
                !l.starts_with('#')
                    && l.split('=')
                        .next()
                        .is_some_and(|k| k.trim().trim_matches('"') == setting)
            });
            assert!(!assigned, "{} sets {setting}", file.display());
        }
    }
}
