//! The local registry of record (`tests/registry/server.mjs`): the Registro delle imprese's
//! legal representatives and INI-PEC's addresses, for `dev` and the tests, over the contract the
//! worker's registry port speaks (worker/src/registry.rs). Loaded with
//! `data/registro-esempio.json`; the tests add the fresh bodies they make through its
//! `/test/…` endpoints ([`Registry::add_company`], [`Registry::set_ini_pec`]).

use crate::{paths, server, Result};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The demo data the local registry starts with.
pub const SAMPLE: &str = "data/registro-esempio.json";

/// A running local registry; stopped when dropped.
pub struct Registry {
    child: Child,
    pub url: String,
    pub secret: String,
}

impl Registry {
    /// Starts `node tests/registry/server.mjs` on a free port with `secret`.
    pub fn start(secret: &str) -> Result<Registry> {
        let script = paths::root().join("tests/registry/server.mjs");
        let port = server::free_port()?;
        let mut child = Command::new("node")
            .current_dir(paths::root())
            .arg(&script)
            .args(["--port", &port.to_string(), "--secret", secret])
            .arg("--data")
            .arg(paths::root().join(SAMPLE))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start node {}: {e}", script.display()))?;
        let url = format!("http://127.0.0.1:{port}");
        let stdout = child
            .stdout
            .take()
            .ok_or("the registry's stdout is not piped")?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout);
            let mut first = String::new();
            let _ = tx.send(lines.read_line(&mut first).map(|_| first));
            // Keep draining so the process never blocks on a full pipe.
            let mut rest = String::new();
            while matches!(lines.read_line(&mut rest), Ok(n) if n > 0) {
                rest.clear();
            }
        });
        let mut registry = Registry {
            child,
            url,
            secret: secret.to_owned(),
        };
        let want = format!("ready {}", registry.url);
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(Ok(line)) if line.trim_end() == want => Ok(registry),
            other => {
                let _ = registry.child.try_wait();
                Err(format!("the local registry did not start: {other:?}"))
            }
        }
    }

    /// Its test endpoints.
    pub fn client(&self) -> RegistryClient {
        RegistryClient {
            url: self.url.clone(),
            secret: self.secret.clone(),
        }
    }
}

/// The test endpoints of a local registry someone else started (the tests know its URL and
/// secret from the environment `cargo xtask test` gives them).
pub struct RegistryClient {
    pub url: String,
    pub secret: String,
}

impl RegistryClient {
    /// `PONTE_TEST_REGISTRY_URL` and `PONTE_TEST_REGISTRY_SECRET`.
    pub fn from_env() -> Result<RegistryClient> {
        let get = |k: &str| std::env::var(k).map_err(|_| format!("{k} is not set"));
        Ok(RegistryClient {
            url: get("PONTE_TEST_REGISTRY_URL")?,
            secret: get("PONTE_TEST_REGISTRY_SECRET")?,
        })
    }

    fn put(&self, path: &str, body: serde_json::Value) -> Result {
        ureq::put(&format!("{}{path}", self.url))
            .set("authorization", &format!("Bearer {}", self.secret))
            .set("content-type", "application/json")
            .send_string(&body.to_string())
            .map(|_| ())
            .map_err(|e| format!("local registry {path}: {e}"))
    }

    /// The company with `partita_iva` has these legal representatives.
    pub fn add_company(&self, partita_iva: &str, representatives: &[&str]) -> Result {
        self.put(
            &format!("/test/imprese/{partita_iva}"),
            serde_json::json!({
                "legali_rappresentanti": representatives
                    .iter()
                    .map(|cf| serde_json::json!({"codice_fiscale": cf}))
                    .collect::<Vec<_>>()
            }),
        )
    }

    /// INI-PEC lists `pec` for `id` (`None`: nothing).
    pub fn set_ini_pec(&self, id: &str, pec: Option<&str>) -> Result {
        self.put(
            &format!("/test/ini-pec/{id}"),
            serde_json::json!({ "pec": pec }),
        )
    }

    /// Every question about `id` fails (503) while `down`.
    pub fn outage(&self, id: &str, down: bool) -> Result {
        self.put(
            &format!("/test/outage/{id}"),
            serde_json::json!({ "down": down }),
        )
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        crate::run::stop(&mut self.child);
    }
}
