//! The OpenID Connect relying party: authorization code flow with PKCE, `state` and `nonce`,
//! the ID token's signature checked against the provider's JWKS with WebCrypto, its claims
//! checked by `domain::oidc`.
//!
//! Providers are configured by variables (wrangler.toml `[vars]`, secrets for the client
//! secret): `OIDC_SPID_ISSUER`, `OIDC_SPID_CLIENT_ID`, `OIDC_SPID_CLIENT_SECRET`,
//! `OIDC_SPID_CLAIM` (the claim holding the codice fiscale: SPID brokers use `fiscal_number`),
//! and the same with `CIE` (the Ministry's gateway puts it in `sub`). A provider without an
//! issuer is not offered. Discovery and JWKS are cached in KV for an hour; an unknown `kid`
//! refetches the JWKS once (key rotation).
//!
//! A sign-in under way lives in the browser, in a cookie signed with a key derived from the
//! provider's client secret (`domain::oidc::LoginState`): starting a sign-in writes nothing
//! anywhere, so an anonymous visitor costs no storage. SPID sign-ins ask for level 2
//! (`acr_values`) and a token whose `acr` is lower is refused (`domain::oidc::SPID_ACR_ACCEPTED`).

use super::{now, random_token, webcrypto};
use crate::db::{self, sessions};
use crate::error::ApiError;
use domain::oidc::{
    authorization_url, login_key, pkce_challenge, Callback, Discovery, Expected, IdToken, Jwks,
    LoginState, OidcError, TokenResponse, SPID_ACR_ACCEPTED, SPID_ACR_REQUESTED,
};
use domain::session::{self, token_hash};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use worker::{Env, Fetch, Headers, Method, Request, RequestInit};

/// The identity providers Ponte knows, in the order offered.
pub const PROVIDERS: [(&str, &str, &str); 2] =
    [("spid", "SPID", "fiscal_number"), ("cie", "CIE", "sub")];

/// The assurance level a provider is asked for and the `acr` values that are enough: SPID level
/// 2 (docs/design.md §7); CIE is always a strong authentication and has no such choice.
fn level_of(id: &str) -> Option<(&'static str, &'static [&'static str])> {
    (id == "spid").then_some((SPID_ACR_REQUESTED, &SPID_ACR_ACCEPTED[..]))
}

const CACHE_TTL_SECS: u64 = 3600;

#[derive(Debug, Clone)]
pub struct Provider {
    pub id: &'static str,
    pub label: &'static str,
    pub issuer: String,
    client_id: String,
    client_secret: String,
    claim: String,
}

fn var(env: &Env, name: &str) -> Option<String> {
    env.var(name)
        .ok()
        .map(|v| v.to_string())
        .filter(|v| !v.is_empty())
}

/// The configured providers.
pub fn configured(env: &Env) -> Vec<Provider> {
    PROVIDERS
        .iter()
        .filter_map(|&(id, label, default_claim)| {
            let up = id.to_ascii_uppercase();
            Some(Provider {
                id,
                label,
                issuer: var(env, &format!("OIDC_{up}_ISSUER"))?,
                client_id: var(env, &format!("OIDC_{up}_CLIENT_ID"))?,
                client_secret: var(env, &format!("OIDC_{up}_CLIENT_SECRET"))?,
                claim: var(env, &format!("OIDC_{up}_CLAIM"))
                    .unwrap_or_else(|| default_claim.to_owned()),
            })
        })
        .collect()
}

pub fn find(env: &Env, id: &str) -> Option<Provider> {
    configured(env).into_iter().find(|p| p.id == id)
}

/// Why a sign-in failed: a person-facing Italian message and a stable code for the logs.
#[derive(Debug)]
pub struct LoginError {
    pub code: &'static str,
    pub message: &'static str,
}

impl From<OidcError> for LoginError {
    fn from(e: OidcError) -> Self {
        LoginError {
            code: e.code(),
            message: e.message_it(),
        }
    }
}

impl From<ApiError> for LoginError {
    fn from(e: ApiError) -> Self {
        worker::console_error!("sign-in: {}", e.error);
        LoginError {
            code: "internal",
            message: "Il servizio di accesso non ha risposto come previsto. Riprovare tra poco.",
        }
    }
}

impl From<db::Error> for LoginError {
    fn from(e: db::Error) -> Self {
        ApiError::from(e).into()
    }
}

impl From<worker::Error> for LoginError {
    fn from(e: worker::Error) -> Self {
        ApiError::from(e).into()
    }
}

fn login_error(code: &'static str, message: &'static str) -> LoginError {
    LoginError { code, message }
}

/// The address is passed as given, for the messages: `Request::url` would parse it again with
/// the `url` crate, whose Unicode tables weigh 55 KB in the worker (docs/toolchain.md §10).
async fn fetch_json<T: DeserializeOwned>(url: &str, req: Request) -> Result<T, ApiError> {
    let mut resp = Fetch::Request(req)
        .send()
        .await
        .map_err(|e| ApiError::internal(&format!("fetch {url}"), e))?;
    let status = resp.status_code();
    let body = resp.text().await?;
    if !(200..300).contains(&status) {
        return Err(ApiError::internal(
            &format!("fetch {url}"),
            format!(
                "status {status}: {}",
                body.chars().take(300).collect::<String>()
            ),
        ));
    }
    serde_json::from_str(&body).map_err(|e| ApiError::internal(&format!("JSON of {url}"), e))
}

async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    let headers = Headers::new();
    headers.set("accept", "application/json")?;
    let mut init = RequestInit::new();
    init.with_method(Method::Get).with_headers(headers);
    fetch_json(url, Request::new_with_init(url, &init)?).await
}

/// A JSON document cached in KV for an hour (`refresh` skips the cache).
async fn cached<T>(env: &Env, key: &str, url: &str, refresh: bool) -> Result<T, ApiError>
where
    T: DeserializeOwned + serde::Serialize,
{
    let kv = env
        .kv("KV")
        .map_err(|e| ApiError::internal("KV binding", e))?;
    if !refresh {
        if let Ok(Some(hit)) = kv.get(key).json::<T>().await {
            return Ok(hit);
        }
    }
    let fresh: T = get_json(url).await?;
    if let Ok(text) = serde_json::to_string(&fresh) {
        if let Ok(put) = kv.put(key, text) {
            // A failed cache write only costs a refetch next time.
            let _ = put.expiration_ttl(CACHE_TTL_SECS).execute().await;
        }
    }
    Ok(fresh)
}

async fn discovery(env: &Env, p: &Provider) -> Result<Discovery, LoginError> {
    let url = format!(
        "{}/.well-known/openid-configuration",
        p.issuer.trim_end_matches('/')
    );
    let d: Discovery = cached(env, &format!("oidc:discovery:{}", p.issuer), &url, false).await?;
    d.check_issuer(&p.issuer)?;
    Ok(d)
}

async fn jwks(env: &Env, d: &Discovery, refresh: bool) -> Result<Jwks, LoginError> {
    Ok(cached(
        env,
        &format!("oidc:jwks:{}", d.jwks_uri),
        &d.jwks_uri,
        refresh,
    )
    .await?)
}

/// Start a sign-in: `state`, the PKCE verifier, the nonce and where to go next, sealed in a
/// short-lived signed cookie that binds the sign-in to this browser (nothing stored). Returns
/// the provider's URL and the cookie's value.
pub async fn start(
    env: &Env,
    p: &Provider,
    redirect_uri: &str,
    next: &str,
) -> Result<(String, String), LoginError> {
    let d = discovery(env, p).await?;
    let login = LoginState {
        state: random_token()?,
        provider: p.id.to_owned(),
        verifier: random_token()?,
        nonce: random_token()?,
        next: next.to_owned(),
        expires_at: now() + session::LOGIN_TTL_SECS,
    };
    let url = authorization_url(
        &d,
        &p.client_id,
        redirect_uri,
        &login.state,
        &login.nonce,
        &pkce_challenge(&login.verifier),
        "openid profile",
        Some("login"),
        level_of(p.id).map(|(requested, _)| requested),
    );
    Ok((url, login.seal(&login_key(&p.client_secret))))
}

/// Who signed in.
#[derive(Debug, Clone)]
pub struct Identity {
    pub codice_fiscale: String,
    pub given_name: String,
    pub family_name: String,
    pub next: String,
}

/// Finish a sign-in from the provider's redirect: the query, the login cookie.
pub async fn finish(
    env: &Env,
    p: &Provider,
    redirect_uri: &str,
    query: &str,
    cookie: Option<&str>,
) -> Result<Identity, LoginError> {
    let cb = Callback::from_query(query)?;
    cb.check_issuer(&p.issuer)?;
    let Some(cookie) = cookie else {
        return Err(login_error(
            "state_mismatch",
            "L'accesso non è stato avviato da questo browser o è scaduto. Ripetere l'accesso.",
        ));
    };
    let login = LoginState::open(cookie, &login_key(&p.client_secret))?;
    cb.check_state(&login.state)?;
    if login.provider != p.id || login.expires_at < now() {
        return Err(login_error(
            "login_expired",
            "L'accesso è scaduto o è già stato usato. Ripetere l'accesso.",
        ));
    }
    let d = discovery(env, p).await?;
    cb.check_issuer_of(&d)?;
    let tokens = exchange_code(p, &d, &cb.code, redirect_uri, &login.verifier).await?;
    let token = IdToken::parse(&tokens.id_token)?;
    let mut keys = jwks(env, &d, false).await?;
    let key = match token.select_key(&keys) {
        Ok(k) => k.clone(),
        Err(OidcError::UnknownKey) => {
            keys = jwks(env, &d, true).await?;
            token.select_key(&keys)?.clone()
        }
        Err(e) => return Err(e.into()),
    };
    let valid = webcrypto::verify_signature(
        &key,
        token.alg(),
        token.signing_input().as_bytes(),
        token.signature(),
    )
    .await
    .map_err(|e| ApiError::internal("signature check", e))?;
    if !valid {
        return Err(OidcError::BadSignature.into());
    }
    token.check_claims(&Expected {
        issuer: p.issuer.clone(),
        client_id: p.client_id.clone(),
        nonce: login.nonce,
        now: now(),
        leeway_secs: 60,
    })?;
    if let Some((_, accepted)) = level_of(p.id) {
        token.check_level(accepted)?;
    }
    let cf = token.fiscal_code(&p.claim)?;
    let claim = |name: &str| {
        token
            .claims()
            .get(name)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_owned()
    };
    Ok(Identity {
        codice_fiscale: cf.as_str().to_owned(),
        given_name: claim("given_name"),
        family_name: claim("family_name"),
        next: login.next,
    })
}

async fn exchange_code(
    p: &Provider,
    d: &Discovery,
    code: &str,
    redirect_uri: &str,
    verifier: &str,
) -> Result<TokenResponse, LoginError> {
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("grant_type", "authorization_code")
        .append_pair("code", code)
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("code_verifier", verifier)
        .finish();
    let headers = Headers::new();
    headers.set("content-type", "application/x-www-form-urlencoded")?;
    headers.set("accept", "application/json")?;
    headers.set(
        "authorization",
        &domain::oidc::basic_auth(&p.client_id, &p.client_secret),
    )?;
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_headers(headers)
        .with_body(Some(JsValue::from_str(&body)));
    let mut resp = Fetch::Request(Request::new_with_init(&d.token_endpoint, &init)?)
        .send()
        .await
        .map_err(|e| ApiError::internal("token request", e))?;
    let status = resp.status_code();
    let text = resp.text().await?;
    // A code already redeemed (a replayed callback: the sign-in cookie no longer stops it,
    // the provider does) or expired.
    if status == 400 && text.contains("invalid_grant") {
        return Err(login_error(
            "login_expired",
            "L'accesso è scaduto o è già stato usato. Ripetere l'accesso.",
        ));
    }
    if !(200..300).contains(&status) {
        return Err(ApiError::internal(
            "token request",
            format!(
                "status {status}: {}",
                text.chars().take(300).collect::<String>()
            ),
        )
        .into());
    }
    Ok(serde_json::from_str(&text).map_err(|e| ApiError::internal("token response", e))?)
}

/// A new session for `who`, replacing the browser's previous one (the id is never reused, so
/// a session id planted before sign-in is worthless after it). Returns the cookie value.
pub async fn create_session(
    env: &Env,
    who: &Identity,
    provider: &str,
    previous: Option<&str>,
) -> Result<String, ApiError> {
    let token = random_token()?;
    let csrf = random_token()?;
    let now = now();
    let clock = session::SessionClock {
        created_at: now,
        last_seen: now,
    };
    let previous = previous.filter(|t| session::is_token(t)).map(token_hash);
    sessions::create(
        env,
        &sessions::NewSession {
            id_hash: &token_hash(&token),
            codice_fiscale: &who.codice_fiscale,
            given_name: &who.given_name,
            family_name: &who.family_name,
            provider,
            csrf: &csrf,
            now,
            expires_at: clock.expires_at(),
        },
        previous.as_deref(),
    )
    .await?;
    Ok(token)
}

/// End a session now.
pub async fn end_session(env: &Env, id_hash: &str) -> Result<(), ApiError> {
    Ok(sessions::delete(env, id_hash).await?)
}
