//! `spawn_app` for the end-to-end tests: the worker that `cargo xtask test` started under
//! `wrangler dev` (real D1, KV and static assets), seeded with the demo hosts the tests
//! regenerate to know what to expect. Every API answer the helpers get is checked against the
//! OpenAPI document ([`contract`]).

pub mod contract;
pub mod people;

use serde_json::Value;
use std::sync::OnceLock;
use std::time::Duration;
use xtask::seed::{generate, DemoHost, DEMO_SEED};

pub struct App {
    pub base: String,
    pub agent: ureq::Agent,
    /// The hosts seeded into the worker's D1.
    pub hosts: Vec<DemoHost>,
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl App {
    /// GET `path`; an API answer is checked against the OpenAPI document ([`contract::check`]).
    #[track_caller]
    pub fn get(&self, path: &str) -> Reply {
        let reply = self.get_unchecked(path);
        let media = reply.header("content-type").unwrap_or("").to_owned();
        contract::check("GET", path, reply.status, &media, &reply.body);
        reply
    }

    /// GET `path` without checking the answer against the document.
    pub fn get_unchecked(&self, path: &str) -> Reply {
        let url = format!("{}{path}", self.base);
        let resp = match self.agent.get(&url).call() {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("GET {url}: {e}"),
        };
        let status = resp.status();
        let headers = resp
            .headers_names()
            .into_iter()
            .filter_map(|n| resp.header(&n).map(|v| (n.clone(), v.to_owned())))
            .collect();
        let body = resp.into_string().unwrap_or_default();
        Reply {
            status,
            headers,
            body,
        }
    }
}

/// The running worker, once per test binary.
pub fn spawn_app() -> &'static App {
    static APP: OnceLock<App> = OnceLock::new();
    APP.get_or_init(|| {
        let base = std::env::var("PONTE_BASE_URL").unwrap_or_else(|_| {
            panic!("PONTE_BASE_URL is not set: run the end-to-end tests with `cargo xtask test`")
        });
        let n: usize = std::env::var("PONTE_SEEDED_HOSTS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("PONTE_SEEDED_HOSTS is not set"));
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(30))
            .build();
        let hosts = generate(n, DEMO_SEED).unwrap_or_else(|e| panic!("{e}"));
        App { base, agent, hosts }
    })
}

/// Lower case without Italian accents: how FTS5's `remove_diacritics` folds text.
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            other => other,
        })
        .collect()
}
