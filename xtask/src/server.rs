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
    query_db(&Db::Local(state), select)
}

/// A D1 database `wrangler d1 execute` reaches: the local one in a state directory, or the
/// deployed one (`--remote`, with the operator's own wrangler login).
pub enum Db<'a> {
    Local(&'a Path),
    Remote,
}

impl Db<'_> {
    fn execute(&self) -> Command {
        let mut cmd = wrangler();
        cmd.args(["d1", "execute", "DB", "--yes"]);
        match self {
            Db::Local(state) => {
                cmd.args(["--local", "--persist-to"]).arg(state);
            }
            Db::Remote => {
                cmd.arg("--remote");
            }
        }
        cmd
    }
}

/// Execute a SQL file against `db`.
pub fn execute_file_at(db: &Db, file: &Path) -> Result {
    run(db.execute().arg("--file").arg(file).stdout(Stdio::null()))
}

/// [`query`] against `db`.
pub fn query_db(db: &Db, select: &str) -> Result<Vec<serde_json::Value>> {
    if !select
        .trim_start()
        .to_ascii_uppercase()
        .starts_with("SELECT")
    {
        return Err(format!("only a SELECT reads the test database: {select}"));
    }
    let out = db
        .execute()
        .arg("--json")
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

impl Server {
    /// SIGKILL to wrangler and every process under it (workerd holds the database), as a
    /// crash would: for the fault tests. Dropping it afterwards does nothing more.
    pub fn kill(&mut self) {
        let mut pids = vec![self.child.id()];
        let mut i = 0;
        while i < pids.len() {
            let children =
                std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children", pid = pids[i]))
                    .unwrap_or_default();
            pids.extend(
                children
                    .split_whitespace()
                    .filter_map(|p| p.parse::<u32>().ok()),
            );
            i += 1;
        }
        let _ = Command::new("kill")
            .arg("-KILL")
            .args(pids.iter().map(u32::to_string))
            .stderr(Stdio::null())
            .status();
        let _ = self.child.wait();
    }
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
    /// Another configuration than the repository's wrangler.toml (`--config`).
    pub config: Option<PathBuf>,
}

pub fn start(opts: Options) -> Result<Server> {
    let server = spawn(opts)?;
    wait_ready(&server.base_url, Duration::from_secs(120))?;
    Ok(server)
}

/// `wrangler dev` started, not yet answering: [`start`] without the wait (the bench times the
/// start-up itself).
pub fn spawn(opts: Options) -> Result<Server> {
    let mut cmd = wrangler();
    cmd.arg("dev");
    let mut vars: Vec<&(String, String)> = opts.vars.iter().collect();
    match &opts.config {
        Some(config) => {
            cmd.arg("--config").arg(config);
        }
        // The repository's two workers in one `wrangler dev`: the main one first (it gets the
        // port and the `--var`s), then the verifier its `VERIFIER` binding calls, whose
        // settings `wrangler dev` reads from verifier/.dev.vars.
        None => {
            for w in crate::worker_js::Worker::ALL {
                cmd.arg("--config").arg(paths::root().join(w.config()));
            }
            let (verifier, main): (Vec<_>, Vec<_>) = vars
                .into_iter()
                .partition(|(k, _)| VERIFIER_VARS.contains(&k.as_str()));
            vars = main;
            write_dev_vars(&paths::root().join("verifier/.dev.vars"), &verifier)?;
        }
    }
    cmd.args(["--ip", "127.0.0.1", "--port"])
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
    for (k, v) in vars {
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
    Ok(Server {
        child,
        base_url: format!("http://127.0.0.1:{}", opts.port),
        state: opts.state,
    })
}

/// The settings of [`Options::vars`] that are the verifier's, not the main worker's.
pub const VERIFIER_VARS: [&str; 1] = ["PEC_PROVIDERS"];

/// `vars` as a `.dev.vars` file (dotenv: double-quoted, new lines as `\n`; a PEM bundle holds
/// no quote nor backslash).
fn write_dev_vars(file: &Path, vars: &[&(String, String)]) -> Result {
    let text: String = vars
        .iter()
        .map(|(k, v)| format!("{k}=\"{}\"\n", v.replace('\n', "\\n")))
        .collect();
    std::fs::write(file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))
}

/// A second `wrangler dev` of the same worker on the same local `state`, without the static
/// assets, to trigger the scheduled handler (`trigger_scheduled`).
///
/// Why: with `[assets]` in the configuration, `wrangler dev` (4.86, workerd 2026-04-26) runs the
/// worker behind its assets router, and `/cdn-cgi/handler/scheduled` reaches the worker through
/// an RPC that tries to copy the `ScheduledController`: the event fails before the worker's code
/// runs ("DataCloneError: Could not serialize object of type ScheduledController", outcome
/// `exception`). A plain worker of two lines with `--assets` fails the same way, and without
/// them it runs. Deployed cron triggers do not go through that path. Both processes open the
/// same SQLite files, as `wrangler d1 execute --local` does beside a running server.
pub fn scheduler(state: &Path) -> Result<Server> {
    let root = paths::root();
    let original = std::fs::read_to_string(root.join("wrangler.toml"))
        .map_err(|e| format!("cannot read wrangler.toml: {e}"))?;
    let config = without_assets(&original, &root);
    let dir = paths::target().join("scheduler");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let file = dir.join("wrangler.toml");
    std::fs::write(&file, config).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    start(Options {
        port: free_port()?,
        state: state.to_owned(),
        quiet: false,
        log_file: Some(dir.join("wrangler.log")),
        vars: Vec::new(),
        config: Some(file),
    })
}

/// Runs the scheduled handler of `scheduler` (see [`scheduler`]) as the cron `cron` would at
/// `at` (Unix seconds).
pub fn trigger_scheduled(scheduler: &Server, cron: &str, at: i64) -> Result {
    let url = format!(
        "{}/cdn-cgi/handler/scheduled?cron={}&time={}",
        scheduler.base_url,
        cron.replace(' ', "+"),
        at * 1000
    );
    match ureq::get(&url).timeout(Duration::from_secs(60)).call() {
        Ok(r) if r.status() == 200 => Ok(()),
        Ok(r) => Err(format!("the scheduled handler answered {}", r.status())),
        Err(ureq::Error::Status(code, r)) => Err(format!(
            "the scheduled handler failed ({code}, {}): see {}",
            r.into_string().unwrap_or_default(),
            paths::target().join("scheduler/wrangler.log").display()
        )),
        Err(e) => Err(format!("the scheduled handler: {e}")),
    }
}

/// wrangler.toml without its `[assets]` table, its paths made absolute (the copy lives in
/// target/).
fn without_assets(toml: &str, root: &Path) -> String {
    let mut out = String::new();
    let mut in_assets = false;
    for line in toml.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            in_assets = t == "[assets]";
        }
        if in_assets {
            continue;
        }
        let absolute = |key: &str| {
            t.strip_prefix(key)
                .and_then(|r| r.trim_start().strip_prefix('='))
                .map(|v| v.trim().trim_matches('"').to_owned())
        };
        if let Some(v) = absolute("main") {
            out.push_str(&format!("main = \"{}\"\n", root.join(v).display()));
        } else if let Some(v) = absolute("migrations_dir") {
            out.push_str(&format!(
                "migrations_dir = \"{}\"\n",
                root.join(v).display()
            ));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
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
    use super::*;

    #[test]
    fn the_schedulers_configuration_has_no_assets_and_absolute_paths() {
        let toml = "name = \"ponte\"\nmain = \"worker/build/index.js\"\n\n[assets]\n\
                    directory = \"assets\"\nbinding = \"ASSETS\"\n\n[[d1_databases]]\n\
                    binding = \"DB\"\nmigrations_dir = \"migrations\"\n[triggers]\n\
                    crons = [\"17 3 * * *\"]\n";
        let out = without_assets(toml, Path::new("/r"));
        assert!(!out.contains("assets"), "{out}");
        assert!(out.contains("main = \"/r/worker/build/index.js\""), "{out}");
        assert!(out.contains("migrations_dir = \"/r/migrations\""), "{out}");
        assert!(out.contains("binding = \"DB\""), "{out}");
        assert!(out.contains("crons = [\"17 3 * * *\"]"), "{out}");
        // The real file reads the same way.
        let real = std::fs::read_to_string(paths::root().join("wrangler.toml")).unwrap();
        let out = without_assets(&real, Path::new("/r"));
        assert!(
            !out.lines().any(|l| l.trim() == "[assets]") && !out.contains("\"ASSETS\""),
            "{out}"
        );
        assert!(out.contains("main = \"/r/worker/build/index.js\""), "{out}");
    }

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
