//! OpenID Connect relying-party rules: ID-token parsing and claim checks, PKCE, the codice fiscale claim.
//!
//! Ponte signs people in with SPID or CIE through an OpenID Connect provider (the Ministry's
//! gateway, a SPID broker, or the local test provider). This module holds every rule of that
//! exchange that needs no I/O, so it is written once and tested natively:
//! - the provider's configuration ([`Discovery`], [`Jwks`]) and the issuer check on it;
//! - the authorization request ([`authorization_url`], [`pkce_challenge`], [`RandomToken`]);
//! - the redirect back ([`Callback::from_query`]: `code`, `state`, the RFC 9207 `iss`, or the
//!   provider's `error`) and the client's credentials for the token request ([`basic_auth`]);
//! - the token response ([`TokenResponse`]) and the ID token ([`IdToken`]): its form, the key
//!   that signed it ([`IdToken::select_key`]), its claims ([`IdToken::check_claims`]) and the
//!   person's codice fiscale ([`IdToken::fiscal_code`]).
//!
//! The signature itself is checked by the worker with WebCrypto (`worker/src/auth/webcrypto.rs`)
//! over [`IdToken::signing_input`] and [`IdToken::signature`] with the [`Jwk`] chosen here.
//!
//! Decisions where the standards leave room:
//! - only RS256 and ES256 are accepted: `none`, the HMAC algorithms (whose key would be the
//!   client secret) and anything else are refused before a key is looked at;
//! - a header with `crit`, or a `typ` other than `JWT`, is refused (RFC 8725 §3.11: a token made
//!   for another purpose, such as a logout token, must not pass for an ID token); `jku`, `x5u`
//!   and `jwk` headers are ignored, keys come only from the provider's `jwks_uri`;
//! - RSA keys under 2048 bits and EC keys on curves other than P-256 are never used;
//! - when `azp` is present it must be our client id, whatever the audience (OIDC Core §3.1.3.7);
//! - a token over 16 KiB is refused unread.

use crate::identity::CodiceFiscale;
use crate::query::percent_encode;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::fmt;

/// Longest ID token read, in bytes; real ones are 1–3 KiB.
pub const MAX_TOKEN_BYTES: usize = 16 * 1024;

/// Smallest RSA modulus accepted, in bytes (2048 bits).
const MIN_RSA_MODULUS_BYTES: usize = 256;

/// Why a step of the sign-in was refused. [`code`](OidcError::code) is stable (logs, tests,
/// the error page); [`message_it`](OidcError::message_it) is for the person and says nothing
/// about the internals. The data some variants carry is for logs only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OidcError {
    // The provider's configuration.
    /// The discovery document is not JSON of the expected shape.
    MalformedDiscovery,
    /// The discovery document names another issuer than the one configured.
    DiscoveryIssuerMismatch,
    /// The key set is not JSON of the expected shape.
    MalformedJwks,

    // The redirect back from the provider.
    /// The callback query cannot be read, or lacks `code` or `state`.
    MalformedCallback(&'static str),
    /// The callback's `iss` is not our provider (RFC 9207: a mix-up attack).
    CallbackIssuerMismatch,
    /// The provider announces the `iss` parameter, and the callback lacks it.
    MissingCallbackIssuer,
    /// The callback's `state` is not the one this browser was given.
    StateMismatch,
    /// A state, nonce or verifier does not have the form of a [`RandomToken`].
    InvalidRandomToken,
    /// The person cancelled or refused (`access_denied`).
    AccessDenied,
    /// The provider says it cannot answer now (`temporarily_unavailable`, `server_error`).
    ProviderUnavailable,
    /// Any other error the provider returned (callback or token endpoint).
    ProviderError {
        error: String,
        description: Option<String>,
    },

    // The token endpoint.
    /// The token response is not JSON of the expected shape.
    MalformedTokenResponse,

    // The ID token's form.
    /// Not a compact JWS, bad base64url or JSON, or a header we do not accept.
    MalformedToken(&'static str),
    /// The header's `alg` is not RS256 or ES256 (the value, shortened, for logs).
    UnsupportedAlg(String),
    /// A required claim is absent.
    MissingClaim(&'static str),
    /// A claim has the wrong JSON type.
    InvalidClaim(&'static str),

    // The signing key.
    /// No key in the set has the token's `kid`: the provider may have rotated its keys, so
    /// fetch the key set again (once) and retry.
    UnknownKey,
    /// No usable key of the token's algorithm (type, curve, size, `use` or `alg` do not fit).
    NoSuitableKey,
    /// The token has no `kid` and several keys would fit.
    AmbiguousKey,
    /// The signature does not verify with the provider's key (reported by the worker).
    BadSignature,

    // The ID token's claims.
    /// `iss` is not our provider.
    WrongIssuer,
    /// `aud` does not contain our client id.
    WrongAudience,
    /// `azp` is missing where it is required, or is not our client id.
    WrongAuthorizedParty,
    /// `exp` has passed.
    Expired,
    /// `iat` is in the future.
    IssuedInFuture,
    /// `nbf` is in the future.
    NotYetValid,
    /// `nonce` is absent or not the one sent in the request.
    NonceMismatch,

    // The person.
    /// The configured fiscal-code claim is absent or not a string.
    MissingFiscalCode,
    /// The fiscal-code claim is not a valid personal codice fiscale.
    InvalidFiscalCode,
    /// The ID token's `acr` is not a level this provider must give (SPID level 1 where level 2
    /// is required, or no `acr` at all).
    InsufficientLevel,
}

impl OidcError {
    /// A stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            OidcError::MalformedDiscovery => "malformed_discovery",
            OidcError::DiscoveryIssuerMismatch => "discovery_issuer_mismatch",
            OidcError::MalformedJwks => "malformed_jwks",
            OidcError::MalformedCallback(_) => "malformed_callback",
            OidcError::CallbackIssuerMismatch => "callback_issuer_mismatch",
            OidcError::MissingCallbackIssuer => "missing_callback_issuer",
            OidcError::StateMismatch => "state_mismatch",
            OidcError::InvalidRandomToken => "invalid_random_token",
            OidcError::AccessDenied => "access_denied",
            OidcError::ProviderUnavailable => "provider_unavailable",
            OidcError::ProviderError { .. } => "provider_error",
            OidcError::MalformedTokenResponse => "malformed_token_response",
            OidcError::MalformedToken(_) => "malformed_token",
            OidcError::UnsupportedAlg(_) => "unsupported_alg",
            OidcError::MissingClaim(_) => "missing_claim",
            OidcError::InvalidClaim(_) => "invalid_claim",
            OidcError::UnknownKey => "unknown_key",
            OidcError::NoSuitableKey => "no_suitable_key",
            OidcError::AmbiguousKey => "ambiguous_key",
            OidcError::BadSignature => "bad_signature",
            OidcError::WrongIssuer => "wrong_issuer",
            OidcError::WrongAudience => "wrong_audience",
            OidcError::WrongAuthorizedParty => "wrong_authorized_party",
            OidcError::Expired => "expired",
            OidcError::IssuedInFuture => "issued_in_future",
            OidcError::NotYetValid => "not_yet_valid",
            OidcError::NonceMismatch => "nonce_mismatch",
            OidcError::MissingFiscalCode => "missing_fiscal_code",
            OidcError::InvalidFiscalCode => "invalid_fiscal_code",
            OidcError::InsufficientLevel => "insufficient_level",
        }
    }

    /// What the person reads: in Italian, without internals.
    pub fn message_it(&self) -> &'static str {
        const RETRY: &str = "Non è stato possibile completare l'accesso. Riprovare; se il \
             problema persiste, rivolgersi alla segreteria della scuola.";
        const START_AGAIN: &str = "La richiesta di accesso non è più valida. Tornare alla \
             pagina di Ponte e ripetere l'accesso.";
        const CONFIGURATION: &str = "Il servizio di accesso con SPID o CIE non è al momento \
             disponibile. Riprovare più tardi; se il problema persiste, rivolgersi alla \
             segreteria della scuola.";
        match self {
            OidcError::MalformedDiscovery
            | OidcError::DiscoveryIssuerMismatch
            | OidcError::MalformedJwks => CONFIGURATION,
            OidcError::MalformedCallback(_)
            | OidcError::StateMismatch
            | OidcError::InvalidRandomToken
            | OidcError::NonceMismatch
            | OidcError::Expired => START_AGAIN,
            OidcError::AccessDenied => {
                "L'accesso è stato annullato. Per entrare in Ponte occorre completare \
                 l'autenticazione con SPID o CIE."
            }
            OidcError::ProviderUnavailable => {
                "Il servizio di identità digitale non risponde in questo momento. Riprovare \
                 fra qualche minuto."
            }
            OidcError::MissingFiscalCode => {
                "Il gestore dell'identità digitale non ha trasmesso il codice fiscale: non è \
                 possibile completare l'accesso."
            }
            OidcError::InvalidFiscalCode => {
                "Il codice fiscale trasmesso dal gestore dell'identità digitale non è valido: \
                 non è possibile completare l'accesso. Rivolgersi alla segreteria della scuola."
            }
            OidcError::InsufficientLevel => {
                "Per entrare in Ponte serve SPID di livello 2: nome utente e password più un \
                 secondo passaggio (un codice ricevuto via SMS o una conferma nell'app del \
                 gestore). L'accesso appena fatto è di livello 1, che non basta per vedere i \
                 dati degli alunni. Ripetere l'accesso e, se il gestore lo chiede, scegliere il \
                 livello 2."
            }
            OidcError::CallbackIssuerMismatch
            | OidcError::MissingCallbackIssuer
            | OidcError::ProviderError { .. }
            | OidcError::MalformedTokenResponse
            | OidcError::MalformedToken(_)
            | OidcError::UnsupportedAlg(_)
            | OidcError::MissingClaim(_)
            | OidcError::InvalidClaim(_)
            | OidcError::UnknownKey
            | OidcError::NoSuitableKey
            | OidcError::AmbiguousKey
            | OidcError::BadSignature
            | OidcError::WrongIssuer
            | OidcError::WrongAudience
            | OidcError::WrongAuthorizedParty
            | OidcError::IssuedInFuture
            | OidcError::NotYetValid => RETRY,
        }
    }
}

/// The code and, for logs, what the variant carries. Never shown to the person.
impl fmt::Display for OidcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())?;
        match self {
            OidcError::MalformedCallback(why) | OidcError::MalformedToken(why) => {
                write!(f, ": {why}")
            }
            OidcError::MissingClaim(claim) | OidcError::InvalidClaim(claim) => {
                write!(f, ": {claim}")
            }
            OidcError::UnsupportedAlg(alg) => write!(f, ": {alg:?}"),
            OidcError::ProviderError { error, description } => match description {
                Some(d) => write!(f, ": {error:?} ({d:?})"),
                None => write!(f, ": {error:?}"),
            },
            _ => Ok(()),
        }
    }
}

impl std::error::Error for OidcError {}

/// Keeps at most `max` characters of a value from outside, without control characters, for logs.
fn shorten(raw: &str, max: usize) -> String {
    raw.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// The error a provider returned, as a variant: the person cancelling is not a fault.
fn provider_error(error: &str, description: Option<&str>) -> OidcError {
    match error {
        "access_denied" => OidcError::AccessDenied,
        "temporarily_unavailable" | "server_error" => OidcError::ProviderUnavailable,
        _ => OidcError::ProviderError {
            error: shorten(error, 64),
            description: description.map(|d| shorten(d, 200)),
        },
    }
}

/// Equality whose time does not depend on where two equal-length values differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

// ---------------------------------------------------------------------------------------------
// The provider's configuration

/// The provider's discovery document (`/.well-known/openid-configuration`), the fields Ponte
/// uses. Serialisable so the worker can cache it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userinfo_endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_session_endpoint: Option<String>,
    #[serde(default)]
    pub id_token_signing_alg_values_supported: Vec<String>,
    #[serde(default)]
    pub code_challenge_methods_supported: Vec<String>,
    /// RFC 9207: when true, every callback must carry `iss`.
    #[serde(default)]
    pub authorization_response_iss_parameter_supported: bool,
}

impl Discovery {
    /// Reads a discovery document and checks that it names `expected_issuer`.
    pub fn from_json(json: &[u8], expected_issuer: &str) -> Result<Discovery, OidcError> {
        let discovery: Discovery =
            serde_json::from_slice(json).map_err(|_| OidcError::MalformedDiscovery)?;
        discovery.check_issuer(expected_issuer)?;
        Ok(discovery)
    }

    /// The issuer must equal the configured one exactly, byte for byte (OIDC Discovery §4.3:
    /// no trailing-slash or case folding).
    pub fn check_issuer(&self, expected_issuer: &str) -> Result<(), OidcError> {
        if self.issuer == expected_issuer {
            Ok(())
        } else {
            Err(OidcError::DiscoveryIssuerMismatch)
        }
    }
}

/// The provider's public keys (`jwks_uri`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jwks {
    pub keys: Vec<Jwk>,
}

impl Jwks {
    pub fn from_json(json: &[u8]) -> Result<Jwks, OidcError> {
        serde_json::from_slice(json).map_err(|_| OidcError::MalformedJwks)
    }
}

/// One public key as the provider publishes it. Keys of other types (`oct`, `OKP`, …) are read
/// and never used. Other members (`x5c`, `key_ops`, …) are dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jwk {
    #[serde(default)]
    pub kty: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alg: Option<String>,
    #[serde(rename = "use", default, skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
    /// RSA modulus, base64url.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<String>,
    /// RSA public exponent, base64url.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e: Option<String>,
    /// EC curve name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crv: Option<String>,
    /// EC point, base64url.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<String>,
}

/// The members of a usable key, checked, to build the JWK object WebCrypto imports
/// (`{kty:"RSA", n, e}` or `{kty:"EC", crv:"P-256", x, y}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMaterial<'a> {
    Rsa { n: &'a str, e: &'a str },
    EcP256 { x: &'a str, y: &'a str },
}

impl Jwk {
    /// The key's members when it is an RSA key of at least 2048 bits or a P-256 key with
    /// well-formed coordinates; `None` for anything else.
    pub fn material(&self) -> Option<KeyMaterial<'_>> {
        match self.kty.as_str() {
            "RSA" => {
                let n = self.n.as_deref()?;
                let e = self.e.as_deref()?;
                let modulus = URL_SAFE_NO_PAD.decode(n).ok()?;
                let significant = modulus.iter().skip_while(|&&b| b == 0).count();
                let exponent = URL_SAFE_NO_PAD.decode(e).ok()?;
                (significant >= MIN_RSA_MODULUS_BYTES && exponent.iter().any(|&b| b != 0))
                    .then_some(KeyMaterial::Rsa { n, e })
            }
            "EC" => {
                if self.crv.as_deref() != Some("P-256") {
                    return None;
                }
                let x = self.x.as_deref()?;
                let y = self.y.as_deref()?;
                let coordinate_ok = |c: &str| {
                    URL_SAFE_NO_PAD
                        .decode(c)
                        .is_ok_and(|bytes| bytes.len() == 32)
                };
                (coordinate_ok(x) && coordinate_ok(y)).then_some(KeyMaterial::EcP256 { x, y })
            }
            _ => None,
        }
    }

    /// True when this key may check a signature made with `alg`: right type and material,
    /// `use` absent or `sig`, `alg` absent or equal.
    pub fn suits(&self, alg: Alg) -> bool {
        let type_fits = matches!(
            (alg, self.material()),
            (Alg::Rs256, Some(KeyMaterial::Rsa { .. }))
                | (Alg::Es256, Some(KeyMaterial::EcP256 { .. }))
        );
        type_fits
            && self.use_.as_deref().is_none_or(|u| u == "sig")
            && self.alg.as_deref().is_none_or(|a| a == alg.as_str())
    }
}

/// The signature algorithms Ponte accepts on an ID token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Alg {
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    Rs256,
    /// ECDSA on P-256 with SHA-256.
    Es256,
}

impl Alg {
    /// Reads a JOSE `alg` value, case-sensitively as RFC 7515 requires.
    pub fn parse(raw: &str) -> Result<Alg, OidcError> {
        match raw {
            "RS256" => Ok(Alg::Rs256),
            "ES256" => Ok(Alg::Es256),
            other => Err(OidcError::UnsupportedAlg(shorten(other, 16))),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Alg::Rs256 => "RS256",
            Alg::Es256 => "ES256",
        }
    }
}

impl fmt::Display for Alg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------------------------
// The authorization request

/// The URL to send the browser to: authorization code flow with PKCE (S256), `state` and
/// `nonce`. `scope` is space-separated (`"openid profile"`); `prompt` is sent when given.
/// Parameters already in the provider's endpoint are kept.
#[allow(clippy::too_many_arguments)] // Each is a distinct string of the request; a struct would only rename them.
pub fn authorization_url(
    discovery: &Discovery,
    client_id: &str,
    redirect_uri: &str,
    state: &str,
    nonce: &str,
    code_challenge: &str,
    scope: &str,
    prompt: Option<&str>,
    acr_values: Option<&str>,
) -> String {
    let endpoint = discovery.authorization_endpoint.as_str();
    let mut url = String::with_capacity(endpoint.len() + 512);
    url.push_str(endpoint);
    url.push_str(if !endpoint.contains('?') {
        "?"
    } else if endpoint.ends_with(['?', '&']) {
        ""
    } else {
        "&"
    });
    let mut params = vec![
        ("response_type", "code"),
        ("client_id", client_id),
        ("redirect_uri", redirect_uri),
        ("scope", scope),
        ("state", state),
        ("nonce", nonce),
        ("code_challenge", code_challenge),
        ("code_challenge_method", "S256"),
    ];
    if let Some(prompt) = prompt {
        params.push(("prompt", prompt));
    }
    if let Some(acr) = acr_values {
        params.push(("acr_values", acr));
    }
    for (i, (name, value)) in params.into_iter().enumerate() {
        if i > 0 {
            url.push('&');
        }
        url.push_str(name);
        url.push('=');
        percent_encode(value, &mut url);
    }
    url
}

/// The PKCE S256 challenge of a verifier (RFC 7636 §4.2): base64url, no padding, of its SHA-256.
pub fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// The form of `state`, `nonce` and the PKCE verifier: 32 random bytes in base64url without
/// padding, 43 characters (a valid RFC 7636 verifier). The caller supplies the randomness
/// (`crypto.getRandomValues` in the worker), so this module stays free of I/O.
pub enum RandomToken {}

impl RandomToken {
    /// Length of every token, in characters.
    pub const LEN: usize = 43;

    pub fn from_bytes(bytes: &[u8; 32]) -> String {
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// Checks a value read back (from a cookie or the callback) has the form of a token.
    pub fn check(raw: &str) -> Result<(), OidcError> {
        let ok = raw.len() == Self::LEN
            && URL_SAFE_NO_PAD
                .decode(raw)
                .is_ok_and(|bytes| bytes.len() == 32);
        if ok {
            Ok(())
        } else {
            Err(OidcError::InvalidRandomToken)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The assurance level (SPID level 2)

/// SPID level 1: user name and password only.
pub const SPID_L1: &str = "https://www.spid.gov.it/SpidL1";
/// SPID level 2: a second factor (OTP, app confirmation). What Ponte asks for.
pub const SPID_L2: &str = "https://www.spid.gov.it/SpidL2";
/// SPID level 3: a qualified device (smart card).
pub const SPID_L3: &str = "https://www.spid.gov.it/SpidL3";

/// The level Ponte asks SPID for (`acr_values` of the authorization request): level 2, because
/// behind a sign-in are minors' school data (docs/design.md §7).
pub const SPID_ACR_REQUESTED: &str = SPID_L2;

/// The `acr` values of an ID token that are enough for a SPID sign-in: level 2 or 3. Level 1,
/// another value, or none at all is refused ([`IdToken::check_level`]).
pub const SPID_ACR_ACCEPTED: [&str; 2] = [SPID_L2, SPID_L3];

// ---------------------------------------------------------------------------------------------
// The sign-in in progress: a signed cookie

/// HMAC-SHA-256 (RFC 2104) of `msg` with `key`.
pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut k = [0u8; BLOCK];
    if key.len() > BLOCK {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| k.map(|b| b ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(msg)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

/// The key that signs the sign-in cookie of a provider, derived from its client secret (a
/// secret Ponte holds already, unknown to the browser): nothing more to configure, and
/// rotating the secret only voids the sign-ins under way.
pub fn login_key(client_secret: &str) -> [u8; 32] {
    hmac_sha256(client_secret.as_bytes(), b"ponte sign-in cookie v1")
}

/// Longest sign-in cookie value read, in bytes (a real one is about 700).
pub const MAX_LOGIN_COOKIE_BYTES: usize = 2048;

/// A sign-in under way, carried by the browser in a signed cookie between the start and the
/// provider's redirect back: the `state` sent to the provider, the PKCE verifier, the nonce,
/// where to go next. Nothing is stored server-side, so starting a sign-in writes nothing.
///
/// The signature (HMAC with [`login_key`]) makes the cookie unforgeable; the cookie is
/// `__Host-`, `HttpOnly` and `SameSite=Lax`, so only this browser sends it back. A used cookie is
/// cleared at the callback, and the provider takes an authorization code once, so a replayed
/// callback fails at the token request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginState {
    pub state: String,
    pub provider: String,
    pub verifier: String,
    pub nonce: String,
    pub next: String,
    pub expires_at: i64,
}

impl LoginState {
    /// The cookie value: base64url of the JSON, `.`, base64url of its HMAC.
    pub fn seal(&self, key: &[u8; 32]) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        let body = URL_SAFE_NO_PAD.encode(json);
        let mac = hmac_sha256(key, body.as_bytes());
        format!("{body}.{}", URL_SAFE_NO_PAD.encode(mac))
    }

    /// The sign-in a cookie value carries, if its signature is right and its random values have
    /// their form ([`OidcError::StateMismatch`] otherwise: the sign-in must start again). Expiry
    /// is the caller's check, against its clock.
    pub fn open(cookie: &str, key: &[u8; 32]) -> Result<LoginState, OidcError> {
        let bad = OidcError::StateMismatch;
        if cookie.len() > MAX_LOGIN_COOKIE_BYTES {
            return Err(bad);
        }
        let (body, mac) = cookie.split_once('.').ok_or(bad.clone())?;
        let mac = URL_SAFE_NO_PAD.decode(mac).map_err(|_| bad.clone())?;
        if !constant_time_eq(&mac, &hmac_sha256(key, body.as_bytes())) {
            return Err(bad);
        }
        let json = URL_SAFE_NO_PAD.decode(body).map_err(|_| bad.clone())?;
        let login: LoginState = serde_json::from_slice(&json).map_err(|_| bad.clone())?;
        for token in [&login.state, &login.verifier, &login.nonce] {
            RandomToken::check(token)?;
        }
        Ok(login)
    }
}

// ---------------------------------------------------------------------------------------------
// The redirect back

/// Decodes one `application/x-www-form-urlencoded` component (`+` is a space).
fn form_decode(raw: &str) -> Result<String, OidcError> {
    fn hex(b: u8) -> Option<u8> {
        match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            b'A'..=b'F' => Some(b - b'A' + 10),
            _ => None,
        }
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let high = bytes.get(i + 1).copied().and_then(hex);
                let low = bytes.get(i + 2).copied().and_then(hex);
                match (high, low) {
                    (Some(h), Some(l)) => out.push(h << 4 | l),
                    _ => return Err(OidcError::MalformedCallback("bad percent-encoding")),
                }
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| OidcError::MalformedCallback("not UTF-8"))
}

/// What the provider sent back to the redirect URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callback {
    pub code: String,
    pub state: String,
    /// RFC 9207 `iss`: check it with [`Callback::check_issuer`] or
    /// [`Callback::check_issuer_of`].
    pub iss: Option<String>,
}

impl Callback {
    /// Reads the callback's query string (with or without the leading `?`). A provider `error`
    /// becomes [`OidcError::AccessDenied`], [`OidcError::ProviderUnavailable`] or
    /// [`OidcError::ProviderError`] (an error response carries no code, so a mixed-up provider
    /// could at worst show the wrong message). A parameter given twice is refused (RFC 6749
    /// §3.1); unknown ones (`session_state`, …) are ignored. Then check `iss` and `state`
    /// ([`Callback::check_issuer_of`], [`Callback::check_state`]).
    pub fn from_query(query: &str) -> Result<Callback, OidcError> {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut code = None;
        let mut state = None;
        let mut iss = None;
        let mut error = None;
        let mut error_description = None;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let slot = match form_decode(name)?.as_str() {
                "code" => &mut code,
                "state" => &mut state,
                "iss" => &mut iss,
                "error" => &mut error,
                "error_description" => &mut error_description,
                _ => continue,
            };
            if slot.replace(form_decode(value)?).is_some() {
                return Err(OidcError::MalformedCallback("parameter given twice"));
            }
        }
        if let Some(error) = error {
            return Err(provider_error(&error, error_description.as_deref()));
        }
        let code = code
            .filter(|c| !c.is_empty())
            .ok_or(OidcError::MalformedCallback("no code"))?;
        let state = state
            .filter(|s| !s.is_empty())
            .ok_or(OidcError::MalformedCallback("no state"))?;
        Ok(Callback { code, state, iss })
    }

    /// RFC 9207: `iss`, when the callback has it, must be our provider's issuer exactly (else a
    /// code meant for another provider is being replayed to us: a mix-up attack).
    pub fn check_issuer(&self, issuer: &str) -> Result<(), OidcError> {
        match &self.iss {
            Some(iss) if iss != issuer => Err(OidcError::CallbackIssuerMismatch),
            _ => Ok(()),
        }
    }

    /// [`Callback::check_issuer`] against the discovery's issuer, and `iss` required when the
    /// provider announces it (`authorization_response_iss_parameter_supported`, RFC 9207 §2.4).
    pub fn check_issuer_of(&self, discovery: &Discovery) -> Result<(), OidcError> {
        if self.iss.is_none() && discovery.authorization_response_iss_parameter_supported {
            return Err(OidcError::MissingCallbackIssuer);
        }
        self.check_issuer(&discovery.issuer)
    }

    /// The callback's `state` must be the one set in this browser's cookie.
    pub fn check_state(&self, expected: &str) -> Result<(), OidcError> {
        RandomToken::check(expected)?;
        if constant_time_eq(self.state.as_bytes(), expected.as_bytes()) {
            Ok(())
        } else {
            Err(OidcError::StateMismatch)
        }
    }
}

/// The `Authorization` header of the token request with `client_secret_basic` (RFC 6749
/// §2.3.1: id and secret form-urlencoded, joined by `:`, then base64).
pub fn basic_auth(client_id: &str, client_secret: &str) -> String {
    let mut credentials = String::with_capacity(client_id.len() + client_secret.len() + 1);
    percent_encode(client_id, &mut credentials);
    credentials.push(':');
    percent_encode(client_secret, &mut credentials);
    format!("Basic {}", STANDARD.encode(credentials))
}

// ---------------------------------------------------------------------------------------------
// The token endpoint

/// The token endpoint's answer to the code exchange.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenResponse {
    pub id_token: String,
    pub access_token: String,
    pub token_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u64>,
}

impl TokenResponse {
    /// Reads the body of the token endpoint's answer; an OAuth error body (`{"error": …}`, sent
    /// with status 400) becomes the provider's error.
    pub fn from_json(body: &[u8]) -> Result<TokenResponse, OidcError> {
        let value: Value =
            serde_json::from_slice(body).map_err(|_| OidcError::MalformedTokenResponse)?;
        if let Some(error) = value.get("error").and_then(Value::as_str) {
            let description = value.get("error_description").and_then(Value::as_str);
            return Err(provider_error(error, description));
        }
        serde_json::from_value(value).map_err(|_| OidcError::MalformedTokenResponse)
    }
}

/// Tokens stay out of logs.
impl fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenResponse")
            .field("id_token", &"…")
            .field("access_token", &"…")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

// ---------------------------------------------------------------------------------------------
// The ID token

/// What the ID token is checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// The configured issuer (equal to the discovery's).
    pub issuer: String,
    pub client_id: String,
    /// The nonce sent in the authorization request.
    pub nonce: String,
    /// Unix seconds.
    pub now: i64,
    /// Clock difference tolerated on `exp`, `iat` and `nbf`, in seconds.
    pub leeway_secs: i64,
}

/// A parsed, not yet trusted, ID token (compact JWS). Trust it after the worker has verified
/// [`signature`](IdToken::signature) over [`signing_input`](IdToken::signing_input) with the key
/// from [`select_key`](IdToken::select_key), and [`check_claims`](IdToken::check_claims) passed.
#[derive(Debug, Clone, PartialEq)]
pub struct IdToken {
    signing_input: String,
    signature: Vec<u8>,
    alg: Alg,
    kid: Option<String>,
    iss: String,
    sub: String,
    aud: Vec<String>,
    exp: i64,
    iat: i64,
    nbf: Option<i64>,
    nonce: Option<String>,
    azp: Option<String>,
    claims: Map<String, Value>,
}

/// Decodes one base64url segment (no padding, canonical) into a JSON object.
fn json_segment(segment: &str, what: &'static str) -> Result<Map<String, Value>, OidcError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(segment)
        .map_err(|_| OidcError::MalformedToken(what))?;
    serde_json::from_slice(&bytes).map_err(|_| OidcError::MalformedToken(what))
}

/// An optional string member; present with another type is an error.
fn opt_str(map: &Map<String, Value>, name: &'static str) -> Result<Option<String>, OidcError> {
    match map.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(OidcError::InvalidClaim(name)),
    }
}

fn req_str(map: &Map<String, Value>, name: &'static str) -> Result<String, OidcError> {
    opt_str(map, name)?.ok_or(OidcError::MissingClaim(name))
}

/// An optional NumericDate (RFC 7519 §2: seconds, possibly with a fraction, which is dropped).
fn opt_date(map: &Map<String, Value>, name: &'static str) -> Result<Option<i64>, OidcError> {
    match map.get(name) {
        None => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.is_finite() && f.abs() < 1e15)
                    .map(|f| f.floor() as i64)
            })
            .map(Some)
            .ok_or(OidcError::InvalidClaim(name)),
        Some(_) => Err(OidcError::InvalidClaim(name)),
    }
}

fn req_date(map: &Map<String, Value>, name: &'static str) -> Result<i64, OidcError> {
    opt_date(map, name)?.ok_or(OidcError::MissingClaim(name))
}

impl IdToken {
    /// Reads a compact JWS (`header.payload.signature`). Checks form only: the header is
    /// acceptable (RS256 or ES256, no `crit`, `typ` absent or JWT) and the registered claims
    /// have their types. Never panics, whatever the input.
    pub fn parse(token: &str) -> Result<IdToken, OidcError> {
        if token.len() > MAX_TOKEN_BYTES {
            return Err(OidcError::MalformedToken("too long"));
        }
        let mut parts = token.split('.');
        let (Some(header_b64), Some(payload_b64), Some(signature_b64), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(OidcError::MalformedToken("not three dot-separated parts"));
        };

        let header = json_segment(header_b64, "header is not base64url JSON")?;
        let alg = match header.get("alg") {
            Some(Value::String(alg)) => Alg::parse(alg)?,
            _ => return Err(OidcError::MalformedToken("no alg in the header")),
        };
        let kid = match header.get("kid") {
            None => None,
            Some(Value::String(kid)) => Some(kid.clone()),
            Some(_) => return Err(OidcError::MalformedToken("kid is not a string")),
        };
        match header.get("typ") {
            None => {}
            Some(Value::String(typ))
                if typ.eq_ignore_ascii_case("JWT")
                    || typ.eq_ignore_ascii_case("application/jwt") => {}
            Some(_) => return Err(OidcError::MalformedToken("typ is not JWT")),
        }
        if header.contains_key("crit") {
            return Err(OidcError::MalformedToken("crit header not understood"));
        }

        let claims = json_segment(payload_b64, "payload is not base64url JSON")?;
        let signature = URL_SAFE_NO_PAD
            .decode(signature_b64)
            .map_err(|_| OidcError::MalformedToken("signature is not base64url"))?;
        match alg {
            _ if signature.is_empty() => {
                return Err(OidcError::MalformedToken("empty signature"));
            }
            // JWS (RFC 7518 §3.4) wants r‖s, 64 bytes; a DER signature is a provider bug.
            Alg::Es256 if signature.len() != 64 => {
                return Err(OidcError::MalformedToken("ES256 signature is not 64 bytes"));
            }
            _ => {}
        }

        let sub = req_str(&claims, "sub")?;
        if sub.is_empty() {
            return Err(OidcError::InvalidClaim("sub"));
        }
        let aud = match claims.get("aud") {
            None => return Err(OidcError::MissingClaim("aud")),
            Some(Value::String(one)) => vec![one.clone()],
            Some(Value::Array(many)) if !many.is_empty() => many
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .ok_or(OidcError::InvalidClaim("aud"))?,
            Some(_) => return Err(OidcError::InvalidClaim("aud")),
        };

        Ok(IdToken {
            signing_input: token[..header_b64.len() + 1 + payload_b64.len()].to_owned(),
            signature,
            alg,
            kid,
            iss: req_str(&claims, "iss")?,
            sub,
            aud,
            exp: req_date(&claims, "exp")?,
            iat: req_date(&claims, "iat")?,
            nbf: opt_date(&claims, "nbf")?,
            nonce: opt_str(&claims, "nonce")?,
            azp: opt_str(&claims, "azp")?,
            claims,
        })
    }

    /// `header.payload` exactly as in the token: the bytes the signature covers.
    pub fn signing_input(&self) -> &str {
        &self.signing_input
    }

    /// The decoded signature (for ES256, r‖s as WebCrypto wants it).
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }

    pub fn alg(&self) -> Alg {
        self.alg
    }

    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    pub fn issuer(&self) -> &str {
        &self.iss
    }

    /// `sub`: the provider's identifier for the person.
    pub fn subject(&self) -> &str {
        &self.sub
    }

    pub fn audience(&self) -> &[String] {
        &self.aud
    }

    /// `exp`, Unix seconds.
    pub fn expires_at(&self) -> i64 {
        self.exp
    }

    /// `iat`, Unix seconds.
    pub fn issued_at(&self) -> i64 {
        self.iat
    }

    pub fn nonce(&self) -> Option<&str> {
        self.nonce.as_deref()
    }

    /// Every claim of the payload, as sent.
    pub fn claims(&self) -> &Map<String, Value> {
        &self.claims
    }

    /// A claim when it is a string (`given_name`, `family_name`, …).
    pub fn claim_str(&self, name: &str) -> Option<&str> {
        self.claims.get(name).and_then(Value::as_str)
    }

    /// The provider's key that must have signed this token. With a `kid`, the key of that id
    /// (an absent id is [`OidcError::UnknownKey`]: refetch the key set once); without, the only
    /// key of the token's type. Keys that do not suit the algorithm are never returned.
    pub fn select_key<'a>(&self, jwks: &'a Jwks) -> Result<&'a Jwk, OidcError> {
        match &self.kid {
            Some(kid) => {
                let mut same_kid = jwks
                    .keys
                    .iter()
                    .filter(|k| k.kid.as_deref() == Some(kid.as_str()))
                    .peekable();
                if same_kid.peek().is_none() {
                    return Err(OidcError::UnknownKey);
                }
                same_kid
                    .find(|k| k.suits(self.alg))
                    .ok_or(OidcError::NoSuitableKey)
            }
            None => {
                let mut suitable = jwks.keys.iter().filter(|k| k.suits(self.alg));
                match (suitable.next(), suitable.next()) {
                    (Some(key), None) => Ok(key),
                    (Some(_), Some(_)) => Err(OidcError::AmbiguousKey),
                    (None, _) => Err(OidcError::NoSuitableKey),
                }
            }
        }
    }

    /// The claim checks of OIDC Core §3.1.3.7, in order: `iss`, `aud`, `azp`, `exp`, `nbf`,
    /// `iat`, `nonce`. Times tolerate `leeway_secs` either way.
    pub fn check_claims(&self, expected: &Expected) -> Result<(), OidcError> {
        if self.iss != expected.issuer {
            return Err(OidcError::WrongIssuer);
        }
        if !self.aud.contains(&expected.client_id) {
            return Err(OidcError::WrongAudience);
        }
        match self.azp.as_deref() {
            Some(azp) if azp != expected.client_id.as_str() => {
                return Err(OidcError::WrongAuthorizedParty)
            }
            None if self.aud.len() > 1 => return Err(OidcError::WrongAuthorizedParty),
            _ => {}
        }
        let leeway = expected.leeway_secs.max(0);
        let latest = expected.now.saturating_add(leeway);
        if self.exp <= expected.now.saturating_sub(leeway) {
            return Err(OidcError::Expired);
        }
        if self.nbf.is_some_and(|nbf| nbf > latest) {
            return Err(OidcError::NotYetValid);
        }
        if self.iat > latest {
            return Err(OidcError::IssuedInFuture);
        }
        let nonce_ok = self.nonce.as_deref().is_some_and(|n| {
            !expected.nonce.is_empty() && constant_time_eq(n.as_bytes(), expected.nonce.as_bytes())
        });
        if !nonce_ok {
            return Err(OidcError::NonceMismatch);
        }
        Ok(())
    }

    /// The assurance level: the token's `acr` must be one of `accepted` (for SPID,
    /// [`SPID_ACR_ACCEPTED`]); level 1, another value or none is
    /// [`OidcError::InsufficientLevel`].
    pub fn check_level(&self, accepted: &[&str]) -> Result<(), OidcError> {
        match self.claim_str("acr") {
            Some(acr) if accepted.contains(&acr) => Ok(()),
            _ => Err(OidcError::InsufficientLevel),
        }
    }

    /// The person's codice fiscale from `claim`: `sub` for the Ministry's gateway and CIE,
    /// `fiscal_number` for SPID brokers (which send `TINIT-…`).
    pub fn fiscal_code(&self, claim: &str) -> Result<CodiceFiscale, OidcError> {
        let raw = self.claim_str(claim).ok_or(OidcError::MissingFiscalCode)?;
        CodiceFiscale::from_claim(raw).map_err(|_| OidcError::InvalidFiscalCode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    const ISS: &str = "http://127.0.0.1:9011";
    const CLIENT: &str = "ponte";
    const NONCE: &str = "n-0S6_WzA2Mj";
    const NOW: i64 = 1_760_000_000;
    // Invented person (see identity.rs).
    const GIULIA: &str = "VRDGLI92C55H501O";

    fn b64(bytes: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// An unsigned compact JWS with the given header and claims and a stand-in signature.
    fn jws(header: &Value, claims: &Value, signature: &[u8]) -> String {
        format!(
            "{}.{}.{}",
            b64(header.to_string().as_bytes()),
            b64(claims.to_string().as_bytes()),
            b64(signature)
        )
    }

    fn rs_header() -> Value {
        json!({"alg": "RS256", "kid": "rsa-1", "typ": "JWT"})
    }

    fn claims() -> Value {
        json!({
            "iss": ISS,
            "sub": GIULIA,
            "aud": CLIENT,
            "exp": NOW + 300,
            "iat": NOW - 5,
            "nonce": NONCE,
            "fiscal_number": "TINIT-VRDGLI92C55H501O",
            "given_name": "Giulia",
        })
    }

    fn with(mut base: Value, key: &str, value: Value) -> Value {
        base[key] = value;
        base
    }

    fn without(mut base: Value, key: &str) -> Value {
        if let Some(map) = base.as_object_mut() {
            map.remove(key);
        }
        base
    }

    fn token(claims: &Value) -> IdToken {
        IdToken::parse(&jws(&rs_header(), claims, &[7; 256])).unwrap()
    }

    fn expected() -> Expected {
        Expected {
            issuer: ISS.into(),
            client_id: CLIENT.into(),
            nonce: NONCE.into(),
            now: NOW,
            leeway_secs: 60,
        }
    }

    fn rsa_key(kid: Option<&str>) -> Jwk {
        Jwk {
            kty: "RSA".into(),
            kid: kid.map(str::to_owned),
            alg: Some("RS256".into()),
            use_: Some("sig".into()),
            n: Some(b64(&[0xC3; 256])),
            e: Some("AQAB".into()),
            crv: None,
            x: None,
            y: None,
        }
    }

    fn ec_key(kid: Option<&str>) -> Jwk {
        Jwk {
            kty: "EC".into(),
            kid: kid.map(str::to_owned),
            alg: None,
            use_: None,
            n: None,
            e: None,
            crv: Some("P-256".into()),
            x: Some(b64(&[1; 32])),
            y: Some(b64(&[2; 32])),
        }
    }

    fn discovery() -> Discovery {
        Discovery {
            issuer: ISS.into(),
            authorization_endpoint: format!("{ISS}/auth"),
            token_endpoint: format!("{ISS}/token"),
            jwks_uri: format!("{ISS}/jwks"),
            userinfo_endpoint: None,
            end_session_endpoint: None,
            id_token_signing_alg_values_supported: vec!["RS256".into(), "ES256".into()],
            code_challenge_methods_supported: vec!["S256".into()],
            authorization_response_iss_parameter_supported: true,
        }
    }

    // --- parse ---

    #[test]
    fn a_good_token_parses_and_exposes_its_parts() {
        let header = b64(rs_header().to_string().as_bytes());
        let payload = b64(claims().to_string().as_bytes());
        let raw = format!("{header}.{payload}.{}", b64(&[7; 256]));
        let t = IdToken::parse(&raw).unwrap();
        assert_eq!(t.signing_input(), format!("{header}.{payload}"));
        assert_eq!(t.signature(), &[7u8; 256][..]);
        assert_eq!(t.alg(), Alg::Rs256);
        assert_eq!(t.kid(), Some("rsa-1"));
        assert_eq!(t.issuer(), ISS);
        assert_eq!(t.subject(), GIULIA);
        assert_eq!(t.audience(), [CLIENT.to_owned()]);
        assert_eq!(t.expires_at(), NOW + 300);
        assert_eq!(t.issued_at(), NOW - 5);
        assert_eq!(t.nonce(), Some(NONCE));
        assert_eq!(t.claim_str("given_name"), Some("Giulia"));
        assert_eq!(t.claims().len(), 8);
        assert_eq!(t.check_claims(&expected()), Ok(()));
    }

    #[test]
    fn es256_tokens_want_a_64_byte_signature() {
        let header = json!({"alg": "ES256", "kid": "ec-1"});
        let t = IdToken::parse(&jws(&header, &claims(), &[9; 64])).unwrap();
        assert_eq!(t.alg(), Alg::Es256);
        assert_eq!(t.signature().len(), 64);
        for len in [63, 65, 72] {
            let e = IdToken::parse(&jws(&header, &claims(), &vec![9; len])).unwrap_err();
            assert_eq!(e.code(), "malformed_token", "{len}");
        }
    }

    #[test]
    fn refused_algorithms() {
        for alg in [
            "none", "None", "HS256", "HS512", "RS512", "PS256", "ES384", "EdDSA", "rs256",
        ] {
            let header = json!({"alg": alg});
            let e = IdToken::parse(&jws(&header, &claims(), &[1; 64])).unwrap_err();
            assert_eq!(e, OidcError::UnsupportedAlg(alg.into()), "{alg}");
            assert_eq!(e.code(), "unsupported_alg");
        }
        // An alg-none token usually has an empty signature: refused on the alg all the same.
        let raw = format!(
            "{}.{}.",
            b64(br#"{"alg":"none"}"#),
            b64(claims().to_string().as_bytes())
        );
        assert_eq!(IdToken::parse(&raw).unwrap_err().code(), "unsupported_alg");
        assert_eq!(Alg::parse("ES256"), Ok(Alg::Es256));
        assert_eq!(Alg::Rs256.to_string(), "RS256");
        // Long values are shortened for logs.
        let long = "X".repeat(100);
        assert_eq!(
            Alg::parse(&long),
            Err(OidcError::UnsupportedAlg("X".repeat(16)))
        );
    }

    #[test]
    fn malformed_tokens() {
        let good = jws(&rs_header(), &claims(), &[7; 256]);
        let parts: Vec<&str> = good.split('.').collect();
        let cases = [
            String::new(),
            "abc".into(),
            format!("{}.{}", parts[0], parts[1]),
            format!("{good}.x.y"),
            format!("{good}."),
            // Empty signature with a real alg.
            format!("{}.{}.", parts[0], parts[1]),
            // Padding, standard alphabet and stray characters are not base64url.
            format!("{}=.{}.{}", parts[0], parts[1], parts[2]),
            format!("{}.{}.{}", parts[0], parts[1], "ab+/"),
            format!("{}.{}.{}", parts[0], parts[1], "a"),
            format!("{}.{} .{}", parts[0], parts[1], parts[2]),
            // Header or payload not JSON objects.
            format!("{}.{}.{}", b64(b"not json"), parts[1], parts[2]),
            format!("{}.{}.{}", parts[0], b64(b"[1,2]"), parts[2]),
            format!("{}.{}.{}", b64(b"\"RS256\""), parts[1], parts[2]),
            // No alg, alg not a string, kid not a string.
            jws(&json!({"kid": "k"}), &claims(), &[1; 256]),
            jws(&json!({"alg": 256}), &claims(), &[1; 256]),
            jws(&json!({"alg": "RS256", "kid": 1}), &claims(), &[1; 256]),
            // Another token type, and an extension we do not understand.
            jws(
                &json!({"alg": "RS256", "typ": "logout+jwt"}),
                &claims(),
                &[1; 256],
            ),
            jws(&json!({"alg": "RS256", "typ": 1}), &claims(), &[1; 256]),
            jws(
                &json!({"alg": "RS256", "crit": ["exp"]}),
                &claims(),
                &[1; 256],
            ),
            // Too long.
            jws(
                &rs_header(),
                &with(claims(), "pad", json!("x".repeat(MAX_TOKEN_BYTES))),
                &[1; 256],
            ),
        ];
        for raw in cases {
            let e = IdToken::parse(&raw).unwrap_err();
            assert_eq!(e.code(), "malformed_token", "{raw:.80}: {e}");
        }
        for typ in ["JWT", "jwt", "application/jwt"] {
            let header = json!({"alg": "RS256", "typ": typ});
            assert!(
                IdToken::parse(&jws(&header, &claims(), &[1; 256])).is_ok(),
                "{typ}"
            );
        }
    }

    #[test]
    fn missing_and_mistyped_claims() {
        for claim in ["iss", "sub", "aud", "exp", "iat"] {
            let raw = jws(&rs_header(), &without(claims(), claim), &[1; 256]);
            assert_eq!(IdToken::parse(&raw), Err(OidcError::MissingClaim(claim)));
        }
        let mistyped = [
            ("iss", json!(1)),
            ("sub", json!(null)),
            ("sub", json!("")),
            ("aud", json!(5)),
            ("aud", json!([])),
            ("aud", json!([CLIENT, 3])),
            ("exp", json!("1760000300")),
            ("exp", json!(1e300)),
            ("exp", json!(u64::MAX)),
            ("iat", json!(true)),
            ("nbf", json!("soon")),
            ("nonce", json!(42)),
            ("azp", json!([CLIENT])),
        ];
        for (claim, value) in mistyped {
            let raw = jws(
                &rs_header(),
                &with(claims(), claim, value.clone()),
                &[1; 256],
            );
            let e = IdToken::parse(&raw).unwrap_err();
            assert_eq!(e, OidcError::InvalidClaim(claim), "{claim} = {value}");
            assert_eq!(e.code(), "invalid_claim");
        }
    }

    #[test]
    fn fractional_dates_are_read() {
        let t = token(&with(claims(), "exp", json!((NOW + 300) as f64 + 0.75)));
        assert_eq!(t.expires_at(), NOW + 300);
    }

    // --- keys ---

    #[test]
    fn key_selection_by_kid() {
        let jwks = Jwks {
            keys: vec![
                ec_key(Some("ec-1")),
                rsa_key(Some("rsa-1")),
                rsa_key(Some("rsa-2")),
            ],
        };
        let t = token(&claims());
        assert_eq!(t.select_key(&jwks).unwrap().kid.as_deref(), Some("rsa-1"));

        let header = json!({"alg": "RS256", "kid": "rsa-9"});
        let t = IdToken::parse(&jws(&header, &claims(), &[1; 256])).unwrap();
        assert_eq!(t.select_key(&jwks), Err(OidcError::UnknownKey));
        assert_eq!(
            t.select_key(&Jwks { keys: vec![] }),
            Err(OidcError::UnknownKey)
        );

        // The kid exists but names a key of another type.
        let header = json!({"alg": "RS256", "kid": "ec-1"});
        let t = IdToken::parse(&jws(&header, &claims(), &[1; 256])).unwrap();
        assert_eq!(t.select_key(&jwks), Err(OidcError::NoSuitableKey));

        let header = json!({"alg": "ES256", "kid": "ec-1"});
        let t = IdToken::parse(&jws(&header, &claims(), &[1; 64])).unwrap();
        let key = t.select_key(&jwks).unwrap();
        assert_eq!(
            key.material(),
            Some(KeyMaterial::EcP256 {
                x: &b64(&[1; 32]),
                y: &b64(&[2; 32])
            })
        );
    }

    #[test]
    fn key_selection_without_kid() {
        let header = json!({"alg": "RS256"});
        let t = IdToken::parse(&jws(&header, &claims(), &[1; 256])).unwrap();
        let one = Jwks {
            keys: vec![ec_key(None), rsa_key(None)],
        };
        assert_eq!(t.select_key(&one).unwrap().kty, "RSA");
        let two = Jwks {
            keys: vec![rsa_key(Some("a")), rsa_key(Some("b"))],
        };
        assert_eq!(t.select_key(&two), Err(OidcError::AmbiguousKey));
        let none = Jwks {
            keys: vec![ec_key(None)],
        };
        assert_eq!(t.select_key(&none), Err(OidcError::NoSuitableKey));
    }

    #[test]
    fn unusable_keys_are_never_selected() {
        let header = json!({"alg": "RS256", "kid": "k"});
        let t = IdToken::parse(&jws(&header, &claims(), &[1; 256])).unwrap();
        let mut short = rsa_key(Some("k"));
        short.n = Some(b64(&[0xC3; 128])); // 1024 bits
        let mut zero_padded = rsa_key(Some("k"));
        let mut padded = vec![0u8; 200];
        padded.extend([0xC3; 100]);
        zero_padded.n = Some(b64(&padded)); // 300 bytes, 800 significant bits
        let mut for_encryption = rsa_key(Some("k"));
        for_encryption.use_ = Some("enc".into());
        let mut other_alg = rsa_key(Some("k"));
        other_alg.alg = Some("RS512".into());
        let mut no_exponent = rsa_key(Some("k"));
        no_exponent.e = None;
        let mut zero_exponent = rsa_key(Some("k"));
        zero_exponent.e = Some("AA".into());
        let mut bad_base64 = rsa_key(Some("k"));
        bad_base64.n = Some("!!!".into());
        let oct = Jwk {
            kty: "oct".into(),
            ..rsa_key(Some("k"))
        };
        for key in [
            short,
            zero_padded,
            for_encryption,
            other_alg,
            no_exponent,
            zero_exponent,
            bad_base64,
            oct,
        ] {
            let jwks = Jwks {
                keys: vec![key.clone()],
            };
            assert_eq!(
                t.select_key(&jwks),
                Err(OidcError::NoSuitableKey),
                "{key:?}"
            );
        }

        let header = json!({"alg": "ES256", "kid": "k"});
        let t = IdToken::parse(&jws(&header, &claims(), &[1; 64])).unwrap();
        let mut p384 = ec_key(Some("k"));
        p384.crv = Some("P-384".into());
        let mut short_x = ec_key(Some("k"));
        short_x.x = Some(b64(&[1; 31]));
        let mut no_y = ec_key(Some("k"));
        no_y.y = None;
        let mut es384 = ec_key(Some("k"));
        es384.alg = Some("ES384".into());
        for key in [p384, short_x, no_y, es384] {
            let jwks = Jwks {
                keys: vec![key.clone()],
            };
            assert_eq!(
                t.select_key(&jwks),
                Err(OidcError::NoSuitableKey),
                "{key:?}"
            );
        }
    }

    #[test]
    fn jwks_json() {
        let json = json!({"keys": [
            {"kty": "RSA", "kid": "r", "use": "sig", "alg": "RS256", "n": b64(&[0xC3; 256]), "e": "AQAB",
             "x5c": ["MIIB"], "key_ops": ["verify"]},
            {"kty": "EC", "crv": "P-256", "kid": "e", "x": b64(&[1; 32]), "y": b64(&[2; 32])},
            {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}
        ]});
        let jwks = Jwks::from_json(json.to_string().as_bytes()).unwrap();
        assert_eq!(jwks.keys.len(), 3);
        assert_eq!(jwks.keys[0].use_.as_deref(), Some("sig"));
        assert!(jwks.keys[0].suits(Alg::Rs256));
        assert!(!jwks.keys[0].suits(Alg::Es256));
        assert!(jwks.keys[1].suits(Alg::Es256));
        assert!(jwks.keys[2].material().is_none());
        // Round trip for the worker's cache, `use` spelled as in JSON.
        let cached = serde_json::to_string(&jwks).unwrap();
        assert!(cached.contains("\"use\":\"sig\""));
        assert_eq!(Jwks::from_json(cached.as_bytes()).unwrap(), jwks);
        for bad in [&b""[..], b"{}", b"[]", b"{\"keys\":{}}", b"{\"keys\":[1]}"] {
            assert_eq!(Jwks::from_json(bad), Err(OidcError::MalformedJwks));
        }
    }

    // --- claims ---

    #[test]
    fn issuer_must_match_exactly() {
        for iss in [
            "http://127.0.0.1:9011/",
            "HTTP://127.0.0.1:9011",
            "https://evil.example",
        ] {
            let t = token(&with(claims(), "iss", json!(iss)));
            assert_eq!(
                t.check_claims(&expected()),
                Err(OidcError::WrongIssuer),
                "{iss}"
            );
        }
    }

    #[test]
    fn audience_and_authorized_party() {
        let t = token(&with(claims(), "aud", json!("someone-else")));
        assert_eq!(t.check_claims(&expected()), Err(OidcError::WrongAudience));
        let t = token(&with(claims(), "aud", json!(["a", "b"])));
        assert_eq!(t.check_claims(&expected()), Err(OidcError::WrongAudience));
        // Several audiences: azp must name us.
        let many = with(claims(), "aud", json!([CLIENT, "other"]));
        assert_eq!(
            token(&many).check_claims(&expected()),
            Err(OidcError::WrongAuthorizedParty)
        );
        let t = token(&with(many.clone(), "azp", json!("other")));
        assert_eq!(
            t.check_claims(&expected()),
            Err(OidcError::WrongAuthorizedParty)
        );
        let t = token(&with(many, "azp", json!(CLIENT)));
        assert_eq!(t.check_claims(&expected()), Ok(()));
        // One audience given as an array, and azp present with one audience.
        let t = token(&with(claims(), "aud", json!([CLIENT])));
        assert_eq!(t.check_claims(&expected()), Ok(()));
        let t = token(&with(claims(), "azp", json!("other")));
        assert_eq!(
            t.check_claims(&expected()),
            Err(OidcError::WrongAuthorizedParty)
        );
        let t = token(&with(claims(), "azp", json!(CLIENT)));
        assert_eq!(t.check_claims(&expected()), Ok(()));
    }

    #[test]
    fn expiry_with_leeway() {
        let at = |exp: i64| token(&with(claims(), "exp", json!(exp))).check_claims(&expected());
        assert_eq!(at(NOW - 59), Ok(()));
        assert_eq!(at(NOW - 60), Err(OidcError::Expired));
        assert_eq!(at(NOW - 3600), Err(OidcError::Expired));
        let strict = Expected {
            leeway_secs: 0,
            ..expected()
        };
        let t = token(&with(claims(), "exp", json!(NOW)));
        assert_eq!(t.check_claims(&strict), Err(OidcError::Expired));
        let t = token(&with(claims(), "exp", json!(NOW + 1)));
        assert_eq!(t.check_claims(&strict), Ok(()));
        // A negative leeway counts as none.
        let negative = Expected {
            leeway_secs: -100,
            ..expected()
        };
        assert_eq!(t.check_claims(&negative), Ok(()));
    }

    #[test]
    fn issued_at_and_not_before() {
        let iat = |iat: i64| token(&with(claims(), "iat", json!(iat))).check_claims(&expected());
        assert_eq!(iat(NOW + 60), Ok(()));
        assert_eq!(iat(NOW + 61), Err(OidcError::IssuedInFuture));
        let nbf = |nbf: i64| token(&with(claims(), "nbf", json!(nbf))).check_claims(&expected());
        assert_eq!(nbf(NOW - 10), Ok(()));
        assert_eq!(nbf(NOW + 60), Ok(()));
        assert_eq!(nbf(NOW + 61), Err(OidcError::NotYetValid));
    }

    #[test]
    fn extreme_times_do_not_overflow() {
        let extreme = Expected {
            now: i64::MAX,
            leeway_secs: i64::MAX,
            ..expected()
        };
        let _ = token(&claims()).check_claims(&extreme);
        let extreme = Expected {
            now: i64::MIN,
            leeway_secs: i64::MAX,
            ..expected()
        };
        let _ = token(&claims()).check_claims(&extreme);
        let t = token(&with(claims(), "exp", json!(i64::MIN)));
        assert_eq!(t.check_claims(&expected()), Err(OidcError::Expired));
    }

    #[test]
    fn nonce_must_match() {
        for nonce in [json!("other"), json!(""), json!(format!("{NONCE}x"))] {
            let t = token(&with(claims(), "nonce", nonce));
            assert_eq!(t.check_claims(&expected()), Err(OidcError::NonceMismatch));
        }
        let t = token(&without(claims(), "nonce"));
        assert_eq!(t.check_claims(&expected()), Err(OidcError::NonceMismatch));
        // An empty expected nonce never matches, even an empty claim.
        let t = token(&with(claims(), "nonce", json!("")));
        let empty = Expected {
            nonce: String::new(),
            ..expected()
        };
        assert_eq!(t.check_claims(&empty), Err(OidcError::NonceMismatch));
    }

    // --- the person ---

    #[test]
    fn fiscal_code_from_either_claim() {
        let t = token(&claims());
        assert_eq!(t.fiscal_code("sub").unwrap().as_str(), GIULIA);
        assert_eq!(t.fiscal_code("fiscal_number").unwrap().as_str(), GIULIA);
        assert_eq!(t.fiscal_code("missing"), Err(OidcError::MissingFiscalCode));
        let t = token(&with(claims(), "fiscal_number", json!(12345)));
        assert_eq!(
            t.fiscal_code("fiscal_number"),
            Err(OidcError::MissingFiscalCode)
        );
        let t = token(&with(
            claims(),
            "fiscal_number",
            json!("TINIT-VRDGLI92C55H501A"),
        ));
        assert_eq!(
            t.fiscal_code("fiscal_number"),
            Err(OidcError::InvalidFiscalCode)
        );
        let t = token(&with(claims(), "sub", json!("a1b2c3-opaque-id")));
        assert_eq!(t.fiscal_code("sub"), Err(OidcError::InvalidFiscalCode));
    }

    // --- discovery ---

    #[test]
    fn discovery_issuer_is_checked() {
        let d = discovery();
        let json = serde_json::to_vec(&d).unwrap();
        assert_eq!(Discovery::from_json(&json, ISS), Ok(d.clone()));
        assert_eq!(
            Discovery::from_json(&json, "http://127.0.0.1:9011/"),
            Err(OidcError::DiscoveryIssuerMismatch)
        );
        assert_eq!(
            d.check_issuer("http://localhost:9011"),
            Err(OidcError::DiscoveryIssuerMismatch)
        );
        let minimal = json!({
            "issuer": ISS,
            "authorization_endpoint": "a",
            "token_endpoint": "t",
            "jwks_uri": "j",
            "grant_types_supported": ["authorization_code"],
        });
        let m = Discovery::from_json(minimal.to_string().as_bytes(), ISS).unwrap();
        assert!(!m.authorization_response_iss_parameter_supported);
        assert!(m.userinfo_endpoint.is_none());
        for bad in [&b"{}"[..], b"nope", b"{\"issuer\":1}"] {
            assert_eq!(
                Discovery::from_json(bad, ISS),
                Err(OidcError::MalformedDiscovery)
            );
        }
    }

    // --- authorization request ---

    #[test]
    fn pkce_matches_rfc_7636_appendix_b() {
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn random_tokens() {
        let t = RandomToken::from_bytes(&[0xFF; 32]);
        assert_eq!(t.len(), RandomToken::LEN);
        assert_eq!(RandomToken::check(&t), Ok(()));
        assert_eq!(
            RandomToken::check(&RandomToken::from_bytes(&[0; 32])),
            Ok(())
        );
        // A valid PKCE verifier: 43 unreserved characters.
        assert!(t
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        let bad = [
            String::new(),
            t[..42].to_owned(),
            format!("{t}A"),
            format!("{}=", &t[..42]),
            t.replace('_', "/"),
            // Non-canonical last character (trailing bits set).
            format!("{}B", &RandomToken::from_bytes(&[0; 32])[..42]),
            "é".repeat(21) + "A",
        ];
        for b in bad {
            assert_eq!(
                RandomToken::check(&b),
                Err(OidcError::InvalidRandomToken),
                "{b}"
            );
        }
    }

    #[test]
    fn spid_level_two_or_three_is_enough_and_level_one_is_refused() {
        for ok in [SPID_L2, SPID_L3] {
            let t = token(&with(claims(), "acr", json!(ok)));
            assert_eq!(t.check_level(&SPID_ACR_ACCEPTED), Ok(()), "{ok}");
        }
        for bad in [
            json!(SPID_L1),
            json!("https://www.spid.gov.it/SpidL2 "),
            json!(2),
            Value::Null,
        ] {
            let t = token(&with(claims(), "acr", bad.clone()));
            assert_eq!(
                t.check_level(&SPID_ACR_ACCEPTED),
                Err(OidcError::InsufficientLevel),
                "{bad}"
            );
        }
        // No `acr` at all: the provider did not say, so level 2 is not proven.
        assert_eq!(
            token(&claims()).check_level(&SPID_ACR_ACCEPTED),
            Err(OidcError::InsufficientLevel)
        );
        assert!(OidcError::InsufficientLevel
            .message_it()
            .contains("livello 2"));
    }

    #[test]
    fn the_authorization_request_asks_for_spid_level_two() {
        let url = authorization_url(
            &discovery(),
            "c",
            "r",
            "s",
            "n",
            "h",
            "openid",
            None,
            Some(SPID_ACR_REQUESTED),
        );
        assert!(
            url.ends_with("&acr_values=https%3A%2F%2Fwww.spid.gov.it%2FSpidL2"),
            "{url}"
        );
    }

    #[test]
    fn hmac_sha256_matches_rfc_4231() {
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        // Test case 1.
        assert_eq!(
            hex(&hmac_sha256(&[0x0b; 20], b"Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
        // Test case 2.
        assert_eq!(
            hex(&hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Test case 6: a key longer than the block is hashed first.
        assert_eq!(
            hex(&hmac_sha256(
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    fn login() -> LoginState {
        LoginState {
            state: RandomToken::from_bytes(&[1; 32]),
            provider: "spid".into(),
            verifier: RandomToken::from_bytes(&[2; 32]),
            nonce: RandomToken::from_bytes(&[3; 32]),
            next: "/famiglia?x=1".into(),
            expires_at: NOW + 600,
        }
    }

    #[test]
    fn the_sign_in_cookie_opens_only_with_its_key_and_untouched() {
        let key = login_key("secret");
        let sealed = login().seal(&key);
        assert!(sealed.len() < MAX_LOGIN_COOKIE_BYTES, "{}", sealed.len());
        // Cookie-safe: base64url and one dot.
        assert!(sealed
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')));
        assert_eq!(LoginState::open(&sealed, &key), Ok(login()));
        // Another key (another provider's secret) does not open it.
        assert_eq!(
            LoginState::open(&sealed, &login_key("other")),
            Err(OidcError::StateMismatch)
        );
        // Any change to the body or the signature is refused.
        let (body, mac) = sealed.split_once('.').unwrap();
        let mut forged = login();
        forged.next = "/scuola".into();
        let forged_body = forged.seal(&key);
        let (forged_body, _) = forged_body.split_once('.').unwrap();
        for bad in [
            format!("{forged_body}.{mac}"),
            format!("{body}.{}", &mac[1..]),
            format!("{body}x.{mac}"),
            body.to_owned(),
            String::new(),
            format!("{body}.{mac}").repeat(4),
        ] {
            assert_eq!(
                LoginState::open(&bad, &key),
                Err(OidcError::StateMismatch),
                "{bad}"
            );
        }
        // A signed cookie whose random values lack their form is refused too.
        let mut weak = login();
        weak.nonce = "short".into();
        assert_eq!(
            LoginState::open(&weak.seal(&key), &key),
            Err(OidcError::InvalidRandomToken)
        );
    }

    #[test]
    fn authorization_url_is_encoded() {
        let url = authorization_url(
            &discovery(),
            "ponte client",
            "http://127.0.0.1:8787/auth/callback?x=1&y=2",
            "st",
            "no",
            "ch",
            "openid profile",
            None,
            None,
        );
        assert_eq!(
            url,
            "http://127.0.0.1:9011/auth?response_type=code&client_id=ponte+client\
             &redirect_uri=http%3A%2F%2F127.0.0.1%3A8787%2Fauth%2Fcallback%3Fx%3D1%26y%3D2\
             &scope=openid+profile&state=st&nonce=no&code_challenge=ch\
             &code_challenge_method=S256"
        );
        let mut d = discovery();
        d.authorization_endpoint = "https://idp.example/auth?tenant=scuole".into();
        let url = authorization_url(
            &d,
            "c",
            "r",
            "s",
            "n",
            "h",
            "openid",
            Some("login consent"),
            None,
        );
        assert!(url.starts_with("https://idp.example/auth?tenant=scuole&response_type=code&"));
        assert!(url.ends_with("&code_challenge_method=S256&prompt=login+consent"));
        d.authorization_endpoint = "https://idp.example/auth?".into();
        let url = authorization_url(&d, "c", "r", "s", "n", "h", "openid", None, None);
        assert!(url.starts_with("https://idp.example/auth?response_type=code&"));
        // Non-ASCII is UTF-8 percent-encoded.
        let url = authorization_url(
            &discovery(),
            "città",
            "r",
            "s",
            "n",
            "h",
            "openid",
            None,
            None,
        );
        assert!(url.contains("client_id=citt%C3%A0&"));
    }

    // --- callback ---

    #[test]
    fn callback_reads_code_state_and_iss() {
        let q = "?code=abc%2Bdef&state=S+1&iss=http%3A%2F%2F127.0.0.1%3A9011&session_state=x";
        let cb = Callback::from_query(q).unwrap();
        assert_eq!(cb.code, "abc+def");
        assert_eq!(cb.state, "S 1");
        assert_eq!(cb.iss.as_deref(), Some(ISS));
        assert_eq!(cb.check_issuer(ISS), Ok(()));
        assert_eq!(cb.check_issuer_of(&discovery()), Ok(()));
        let cb = Callback::from_query("code=c&state=s").unwrap();
        assert_eq!(cb.iss, None);
    }

    #[test]
    fn callback_issuer_rfc_9207() {
        let with_iss = |iss: &str| {
            let mut q = String::from("code=c&state=s&iss=");
            percent_encode(iss, &mut q);
            Callback::from_query(&q).unwrap()
        };
        let mut quiet = discovery();
        quiet.authorization_response_iss_parameter_supported = false;
        for iss in ["https://evil.example", "http://127.0.0.1:9011/", ""] {
            let cb = with_iss(iss);
            assert_eq!(cb.check_issuer(ISS), Err(OidcError::CallbackIssuerMismatch));
            // Refused even when the provider does not announce the parameter.
            for d in [discovery(), quiet.clone()] {
                assert_eq!(
                    cb.check_issuer_of(&d),
                    Err(OidcError::CallbackIssuerMismatch)
                );
            }
        }
        // Absent: fine unless the provider announces it.
        let cb = Callback::from_query("code=c&state=s").unwrap();
        assert_eq!(cb.check_issuer(ISS), Ok(()));
        assert_eq!(cb.check_issuer_of(&quiet), Ok(()));
        assert_eq!(
            cb.check_issuer_of(&discovery()),
            Err(OidcError::MissingCallbackIssuer)
        );
    }

    #[test]
    fn callback_errors_from_the_provider() {
        let q = |rest: &str| Callback::from_query(&format!("state=s&{rest}"));
        assert_eq!(q("error=access_denied"), Err(OidcError::AccessDenied));
        assert_eq!(
            q("error=temporarily_unavailable"),
            Err(OidcError::ProviderUnavailable)
        );
        assert_eq!(q("error=server_error"), Err(OidcError::ProviderUnavailable));
        let e = q("error=invalid_request&error_description=PKCE+required").unwrap_err();
        assert_eq!(
            e,
            OidcError::ProviderError {
                error: "invalid_request".into(),
                description: Some("PKCE required".into())
            }
        );
        assert_eq!(e.code(), "provider_error");
        assert_eq!(
            e.to_string(),
            "provider_error: \"invalid_request\" (\"PKCE required\")"
        );
        // An error wins over a code sent with it.
        assert_eq!(
            q("code=c&error=access_denied"),
            Err(OidcError::AccessDenied)
        );
        // Control characters and length are trimmed for logs.
        let e = q(&format!("error=x%0Ay{}", "z".repeat(100))).unwrap_err();
        let OidcError::ProviderError { error, .. } = e else {
            panic!("{e:?}")
        };
        assert_eq!(error.chars().count(), 64);
        assert!(error.starts_with("xyz"));
    }

    #[test]
    fn malformed_callbacks() {
        for q in [
            "",
            "?",
            "state=s",
            "code=&state=s",
            "code=c",
            "code=c&state=",
            "code=c&state",
            "code=c&code=d&state=s",
            "code=c&state=s&state=s",
            "code=c&state=s&iss=a&iss=a",
            "code=%ZZ&state=s",
            "code=%4&state=s",
            "code=c%&state=s",
            "code=%FF&state=s",
            "c%6Fde=c&code=d&state=s",
        ] {
            let e = Callback::from_query(q).unwrap_err();
            assert_eq!(e.code(), "malformed_callback", "{q}: {e}");
        }
    }

    #[test]
    fn basic_auth_form_encodes_then_base64() {
        assert_eq!(
            basic_auth("ponte", "s3cr:t è"),
            format!("Basic {}", STANDARD.encode("ponte:s3cr%3At+%C3%A8"))
        );
        assert_eq!(basic_auth("a", "b"), "Basic YTpi");
    }

    #[test]
    fn state_check() {
        let state = RandomToken::from_bytes(&[5; 32]);
        let cb = Callback {
            code: "c".into(),
            state: state.clone(),
            iss: None,
        };
        assert_eq!(cb.check_state(&state), Ok(()));
        assert_eq!(
            cb.check_state(&RandomToken::from_bytes(&[6; 32])),
            Err(OidcError::StateMismatch)
        );
        assert_eq!(cb.check_state(""), Err(OidcError::InvalidRandomToken));
        assert_eq!(cb.check_state("short"), Err(OidcError::InvalidRandomToken));
    }

    // --- token response ---

    #[test]
    fn token_response() {
        let body = json!({
            "id_token": "a.b.c", "access_token": "at", "token_type": "Bearer",
            "expires_in": 3600, "scope": "openid"
        });
        let r = TokenResponse::from_json(body.to_string().as_bytes()).unwrap();
        assert_eq!(r.id_token, "a.b.c");
        assert_eq!(r.expires_in, Some(3600));
        assert!(
            !format!("{r:?}").contains("a.b.c"),
            "tokens stay out of Debug"
        );
        let r = TokenResponse::from_json(
            br#"{"id_token":"i","access_token":"a","token_type":"bearer"}"#,
        )
        .unwrap();
        assert_eq!(r.expires_in, None);
        assert_eq!(
            TokenResponse::from_json(
                br#"{"error":"invalid_grant","error_description":"grant request is invalid"}"#
            ),
            Err(OidcError::ProviderError {
                error: "invalid_grant".into(),
                description: Some("grant request is invalid".into())
            })
        );
        for bad in [
            &b""[..],
            b"<html>",
            br#"{"access_token":"a","token_type":"Bearer"}"#,
            br#"{"id_token":1,"access_token":"a","token_type":"Bearer"}"#,
        ] {
            assert_eq!(
                TokenResponse::from_json(bad),
                Err(OidcError::MalformedTokenResponse)
            );
        }
    }

    // --- errors ---

    #[test]
    fn every_error_has_a_distinct_code_and_an_italian_message() {
        let all = [
            OidcError::MalformedDiscovery,
            OidcError::DiscoveryIssuerMismatch,
            OidcError::MalformedJwks,
            OidcError::MalformedCallback("x"),
            OidcError::CallbackIssuerMismatch,
            OidcError::MissingCallbackIssuer,
            OidcError::StateMismatch,
            OidcError::InvalidRandomToken,
            OidcError::AccessDenied,
            OidcError::ProviderUnavailable,
            OidcError::ProviderError {
                error: "e".into(),
                description: None,
            },
            OidcError::MalformedTokenResponse,
            OidcError::MalformedToken("x"),
            OidcError::UnsupportedAlg("x".into()),
            OidcError::MissingClaim("x"),
            OidcError::InvalidClaim("x"),
            OidcError::UnknownKey,
            OidcError::NoSuitableKey,
            OidcError::AmbiguousKey,
            OidcError::BadSignature,
            OidcError::WrongIssuer,
            OidcError::WrongAudience,
            OidcError::WrongAuthorizedParty,
            OidcError::Expired,
            OidcError::IssuedInFuture,
            OidcError::NotYetValid,
            OidcError::NonceMismatch,
            OidcError::MissingFiscalCode,
            OidcError::InvalidFiscalCode,
            OidcError::InsufficientLevel,
        ];
        let mut codes: Vec<&str> = all.iter().map(OidcError::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        for e in &all {
            let code = e.code();
            assert!(
                code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{code}"
            );
            assert!(e.to_string().starts_with(code));
            let m = e.message_it();
            assert!(m.ends_with('.'), "{m}");
            for internal in ["token", "JWT", "kid", "nonce", "iss", "JSON"] {
                assert!(!m.contains(internal), "{code}: {m}");
            }
        }
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,300}") {
            let _ = IdToken::parse(&s);
            let _ = Callback::from_query(&s);
            let _ = RandomToken::check(&s);
            let _ = Jwks::from_json(s.as_bytes());
            let _ = TokenResponse::from_json(s.as_bytes());
        }

        #[test]
        fn parse_never_panics_on_base64_segments(
            header in proptest::collection::vec(any::<u8>(), 0..80),
            payload in proptest::collection::vec(any::<u8>(), 0..200),
            sig in proptest::collection::vec(any::<u8>(), 0..80),
        ) {
            let _ = IdToken::parse(&format!("{}.{}.{}", b64(&header), b64(&payload), b64(&sig)));
        }

        #[test]
        fn parse_never_panics_on_json_claims(
            key in "(iss|sub|aud|exp|iat|nbf|nonce|azp|alg|kid|typ)",
            value in prop_oneof![
                Just(json!(null)), Just(json!([])), Just(json!({})), Just(json!(-1)),
                Just(json!(1.5e308)), Just(json!(i64::MIN)), Just(json!(u64::MAX)),
                "\\PC{0,20}".prop_map(Value::String),
            ],
        ) {
            let header = with(rs_header(), &key, value.clone());
            if let Ok(t) = IdToken::parse(&jws(&header, &with(claims(), &key, value), &[1; 256])) {
                let _ = t.check_claims(&expected());
                let _ = t.fiscal_code(&key);
            }
        }
    }
}
