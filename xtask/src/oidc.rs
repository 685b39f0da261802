//! The local OpenID Connect providers (npm oidc-provider) that dev and the tests sign in with.
//!
//! Each is `node tests/oidc/provider.mjs` on its own port of 127.0.0.1, issuer
//! `http://127.0.0.1:PORT`, with one registered client and a page listing the demo people to
//! sign in as. `tests/oidc/selftest.mjs` checks the script end to end without Ponte.

use crate::{paths, server, Result};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long a provider may take to print its `ready` line (it makes an RSA key first).
const READY_WITHIN: Duration = Duration::from_secs(20);

pub struct ProviderConfig {
    /// `"spid"` or `"cie"`: names the provider in logs and tells its pages apart.
    pub name: &'static str,
    /// The sign-in page's title and heading, e.g. "SPID (demo)".
    pub title: String,
    /// A JSON array of `{"cf", "given_name", "family_name", "label"}`, one button each, in order.
    pub identities: PathBuf,
    pub client_id: String,
    pub client_secret: String,
    pub redirect_uris: Vec<String>,
    /// ID token signature: `"RS256"` or `"ES256"`.
    pub alg: &'static str,
    /// `"sub"`: `sub` is the codice fiscale (Ministry gateway, CIE). `"fiscal_number"`: `sub` is
    /// opaque and `fiscal_number` is `TINIT-<cf>` (SPID brokers).
    pub claim: &'static str,
}

/// A running provider; stopped when dropped.
pub struct Provider {
    child: Child,
    pub issuer: String,
    pub port: u16,
}

impl Provider {
    pub fn start(cfg: &ProviderConfig) -> Result<Provider> {
        let script = paths::root().join("tests/oidc/provider.mjs");
        let port = server::free_port()?;
        let mut cmd = Command::new("node");
        cmd.current_dir(paths::root())
            .arg(&script)
            .args(["--port", &port.to_string()])
            .args(["--name", cfg.name])
            .args(["--title", &cfg.title])
            .arg("--identities")
            .arg(&cfg.identities)
            .args(["--client-id", &cfg.client_id])
            .args(["--client-secret", &cfg.client_secret])
            .args(["--alg", cfg.alg])
            .args(["--claim", cfg.claim])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for uri in &cfg.redirect_uris {
            cmd.args(["--redirect-uri", uri]);
        }
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot start node {}: {e}", script.display()))?;
        let prefix = format!("[oidc {}]", cfg.name);

        // Drain both pipes for the provider's whole life so it never blocks on a full pipe.
        let stderr = child.stderr.take().expect("stderr is piped");
        let err_prefix = prefix.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                match line {
                    Ok(line) => eprintln!("{err_prefix} {line}"),
                    Err(_) => break,
                }
            }
        });
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout);
            let mut first = String::new();
            let _ = tx.send(lines.read_line(&mut first).map(|_| first));
            let mut rest = String::new();
            while let Ok(n) = lines.read_line(&mut rest) {
                if n == 0 {
                    break;
                }
                eprint!("{prefix} {rest}");
                rest.clear();
            }
        });

        let issuer = format!("http://127.0.0.1:{port}");
        let mut provider = Provider {
            child,
            issuer,
            port,
        };
        let start = Instant::now();
        let first = rx.recv_timeout(READY_WITHIN);
        let want = format!("ready {}", provider.issuer);
        match first {
            Ok(Ok(line)) if line.trim_end() == want => Ok(provider),
            Ok(Ok(line)) if line.is_empty() => {
                let status = provider.child.wait().map(|s| s.to_string());
                Err(format!(
                    "the {} OIDC provider exited before it was ready ({})",
                    cfg.name,
                    status.unwrap_or_else(|e| e.to_string())
                ))
            }
            Ok(Ok(line)) => Err(format!(
                "the {} OIDC provider said {:?}, not {want:?}",
                cfg.name,
                line.trim_end()
            )),
            Ok(Err(e)) => Err(format!(
                "cannot read from the {} OIDC provider: {e}",
                cfg.name
            )),
            Err(_) => {
                let _ = provider.child.try_wait();
                Err(format!(
                    "the {} OIDC provider was not ready within {:?}",
                    cfg.name,
                    start.elapsed()
                ))
            }
        }
        // On an error `provider` is dropped, which stops the process.
    }
}

impl Drop for Provider {
    /// The node process closes its server and exits on SIGTERM.
    fn drop(&mut self) {
        crate::run::stop(&mut self.child);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Needs `node` on PATH and node_modules (oidc-provider) installed; takes about a second.
    #[test]
    fn provider_serves_discovery_and_stops() {
        let dir = std::env::temp_dir().join(format!("ponte-oidc-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let identities = dir.join("identities.json");
        std::fs::write(
            &identities,
            r#"[{"cf":"RSSMRA80A01H501U","given_name":"Maria","family_name":"Rossi","label":"Genitore"}]"#,
        )
        .unwrap();
        let cfg = ProviderConfig {
            name: "cie",
            title: "CIE (demo)".into(),
            identities,
            client_id: "ponte".into(),
            client_secret: "secret".into(),
            redirect_uris: vec!["http://127.0.0.1:9/auth/callback".into()],
            alg: "ES256",
            claim: "sub",
        };
        let provider = Provider::start(&cfg).unwrap();
        assert_eq!(
            provider.issuer,
            format!("http://127.0.0.1:{}", provider.port)
        );
        let url = format!("{}/.well-known/openid-configuration", provider.issuer);
        let body = ureq::get(&url)
            .timeout(Duration::from_secs(5))
            .call()
            .unwrap()
            .into_string()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(doc["issuer"], provider.issuer.as_str());
        assert_eq!(
            doc["jwks_uri"],
            format!("{}/jwks", provider.issuer).as_str()
        );
        let issuer = provider.issuer.clone();
        drop(provider);
        assert!(ureq::get(&format!("{issuer}/jwks"))
            .timeout(Duration::from_secs(2))
            .call()
            .is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A provider that cannot start says so at once instead of waiting for `ready`.
    #[test]
    fn provider_that_cannot_start_is_an_error() {
        let cfg = ProviderConfig {
            name: "spid",
            title: "SPID (demo)".into(),
            identities: std::env::temp_dir().join("ponte-oidc-no-such-file.json"),
            client_id: "ponte".into(),
            client_secret: "secret".into(),
            redirect_uris: vec!["http://127.0.0.1:9/auth/callback".into()],
            alg: "RS256",
            claim: "fiscal_number",
        };
        let start = Instant::now();
        let err = Provider::start(&cfg).err().expect("no identities file");
        assert!(err.contains("exited before it was ready"), "{err}");
        assert!(start.elapsed() < READY_WITHIN);
    }
}
