//! The registry port: the two questions Ponte asks the registries of record before it lets a
//! proof publish a profile (seed 002; `domain::registry`):
//!
//! - who are the legal representatives of the company with partita IVA X (Registro delle
//!   imprese);
//! - which PEC does INI-PEC list for this codice fiscale or partita IVA.
//!
//! The adapter speaks one small HTTP contract (docs/publishing.md, "Registry"), configured by
//! `PONTE_REGISTRY_URL` and the secret `PONTE_REGISTRY_SECRET` (sent as a bearer token):
//!
//! - `GET {url}/v1/imprese/{partita_iva}/legali-rappresentanti` → 200
//!   `{"legali_rappresentanti": [{"codice_fiscale": "…"}]}`, or 404;
//! - `GET {url}/v1/ini-pec/{codice fiscale or partita IVA}` → 200 `{"pec": "…"}`, or 404.
//!
//! In production it points at the deployment's gateway to InfoCamere's services; `cargo xtask
//! dev` and the tests start a local registry (`tests/registry/server.mjs`). With no registry
//! configured, or when it fails or takes longer than [`TIMEOUT_MS`], every answer is
//! `Unavailable`, and nothing the registry should confirm is published without a person.

use domain::identity::CodiceFiscale;
use domain::registry::Answer;
use serde::Deserialize;
use worker::{Env, Fetch, Headers, Method, Request, RequestInit};

/// How long one question may take before it counts as unanswered.
pub const TIMEOUT_MS: u32 = 3000;

/// A configured registry, or none.
pub struct Registry {
    endpoint: Option<(String, String)>,
}

impl Registry {
    /// `PONTE_REGISTRY_URL` and `PONTE_REGISTRY_SECRET`; either missing means no registry.
    pub fn from_env(env: &Env) -> Registry {
        let get = |name: &str| {
            env.secret(name)
                .or_else(|_| env.var(name))
                .ok()
                .map(|v| v.to_string())
                .filter(|v| !v.trim().is_empty())
        };
        let endpoint = match (get("PONTE_REGISTRY_URL"), get("PONTE_REGISTRY_SECRET")) {
            (Some(url), Some(secret)) => Some((url.trim_end_matches('/').to_owned(), secret)),
            _ => None,
        };
        Registry { endpoint }
    }

    /// The legal representatives of the company with `partita_iva`, as the Registro delle
    /// imprese lists them.
    pub async fn legal_representatives(&self, partita_iva: &str) -> Answer<Vec<CodiceFiscale>> {
        #[derive(Deserialize)]
        struct Person {
            codice_fiscale: String,
        }
        #[derive(Deserialize)]
        struct Reply {
            legali_rappresentanti: Vec<Person>,
        }
        let path = format!("/v1/imprese/{}/legali-rappresentanti", enc(partita_iva));
        match self.ask::<Reply>(&path).await {
            Answer::Found(r) => {
                // A representative whose codice fiscale does not parse is not one anybody can
                // sign as; the answer is still an answer.
                Answer::Found(
                    r.legali_rappresentanti
                        .iter()
                        .filter_map(|p| CodiceFiscale::parse(&p.codice_fiscale).ok())
                        .collect(),
                )
            }
            Answer::Absent => Answer::Absent,
            Answer::Unavailable => Answer::Unavailable,
        }
    }

    /// The PEC INI-PEC lists for a codice fiscale or partita IVA.
    pub async fn ini_pec(&self, id: &str) -> Answer<String> {
        #[derive(Deserialize)]
        struct Reply {
            pec: String,
        }
        match self.ask::<Reply>(&format!("/v1/ini-pec/{}", enc(id))).await {
            Answer::Found(r) => Answer::Found(r.pec),
            Answer::Absent => Answer::Absent,
            Answer::Unavailable => Answer::Unavailable,
        }
    }

    async fn ask<T: serde::de::DeserializeOwned>(&self, path: &str) -> Answer<T> {
        let Some((base, secret)) = &self.endpoint else {
            return Answer::Unavailable;
        };
        match fetch(&format!("{base}{path}"), secret).await {
            Ok(Some(body)) => match serde_json::from_str(&body) {
                Ok(v) => Answer::Found(v),
                Err(e) => {
                    worker::console_error!("registry {path}: unreadable answer: {e}");
                    Answer::Unavailable
                }
            },
            Ok(None) => Answer::Absent,
            Err(e) => {
                worker::console_error!("registry {path}: {e}");
                Answer::Unavailable
            }
        }
    }
}

/// One path segment, percent-encoded.
fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.trim().as_bytes()).collect()
}

/// The body of a 200, `None` for a 404, an error for anything else.
async fn fetch(url: &str, secret: &str) -> Result<Option<String>, String> {
    let headers = Headers::new();
    let e = |e: worker::Error| e.to_string();
    headers.set("accept", "application/json").map_err(e)?;
    headers
        .set("authorization", &format!("Bearer {secret}"))
        .map_err(e)?;
    let mut init = RequestInit::new();
    init.with_method(Method::Get).with_headers(headers);
    let req = Request::new_with_init(url, &init).map_err(e)?;
    let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS);
    let mut resp = Fetch::Request(req)
        .send_with_signal(&worker::AbortSignal::from(signal))
        .await
        .map_err(e)?;
    match resp.status_code() {
        200 => resp.text().await.map(Some).map_err(e),
        404 => Ok(None),
        status => Err(format!("status {status}")),
    }
}
