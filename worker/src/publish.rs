//! Publishing a host profile (seed 002, docs/design.md §4): the wizard's look-ups (iPA, CP 2011),
//! the preview, the declaration and its code, the two proofs — a PEC message received by the
//! e-mail handler, or a CAdES file uploaded — and the publication with its notice.
//!
//! Hosts have no accounts: nothing here needs a session. Who a body is, is proved by the PEC
//! provider's signature on the message (sender = address of record) or by the legal
//! representative's signature on the declaration, and confirmed by the registries of record
//! ([`crate::registry`]); what they do not confirm waits for an operator (`/operatore`).
//! Every check is in `domain` (`profile`, `publish`, `registry`, `declaration`, `mail`); this
//! module moves bytes between HTTP, e-mail, the registry and D1.
//!
//! Time comes from [`crate::clock`]: each handler reads the clock once (Rome's date for the
//! publication; in development a request's or a message's `X-Ponte-Dev-Now` moves it, which is
//! how the tests see a code expire).

use crate::auth;
use crate::clock;
use crate::db::publish::{self as db, Attempt, Declaration, NewDeclaration, References};
use crate::error::{json_response, query_pairs, ApiError};
use crate::registry::Registry;
use crate::SharedEnv;
use axum::extract::{Path, RawQuery, Request};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::api::types as api;
use domain::api::types::ProofMethod;
use domain::clock::Clock;
use domain::declaration::{DeclarationCode, Expiry};
use domain::hosts::{HostDetail, HostSummary, ProfileBody};
use domain::identity::IpaCode;
use domain::mail::Checked;
use domain::messages::Msg;
use domain::profile::HostIdentity;
use domain::profile::{ProfileDraft, ValidProfile, PRIVACY_NOTICE_VERSION};
use domain::publish::{self, limits, DeclarationStatus, Proof, PublicationNotice};
use domain::query::QueryParams;
use domain::registry::{Answer, Evidence, Verdict};
use domain::text::SearchText;
use domain::FieldError;
use worker::send::SendFuture;
use worker::Env;

/// Several field errors at once: `{"error": <the first>, "errors": [every one]}`, 400.
pub struct Invalid(pub Vec<FieldError>);

impl IntoResponse for Invalid {
    fn into_response(self) -> Response {
        let first = self
            .0
            .first()
            .cloned()
            .unwrap_or_else(|| FieldError::invalid_says("draft", Msg::ProfileInvalid, &[]));
        json_response(
            StatusCode::BAD_REQUEST,
            &api::ProfileErrors {
                error: first,
                errors: self.0,
            },
        )
    }
}

/// A handler's failure: one error, or the list of what is wrong with a profile.
pub enum Failure {
    One(ApiError),
    Many(Vec<FieldError>),
}

impl<E: Into<ApiError>> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure::One(e.into())
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        match self {
            Failure::One(e) => e.into_response(),
            Failure::Many(list) => Invalid(list).into_response(),
        }
    }
}

fn iso(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// The per-body limit (`limits::SUBMISSIONS_PER_BODY_PER_HOUR`): the declarations issued for
/// the body in the last hour, counted on the runtime's own clock (a request dated a month ahead
/// in development must not close anyone's window). A refusal reads and writes nothing; the
/// per-client limits are the rate-limiting binding's, before the handler runs
/// (`crate::limits`).
async fn limit(env: &Env, identity_key: &str, max: u32) -> Result<(), ApiError> {
    let since = clock::system_now() - limits::WINDOW_SECONDS;
    if crate::db::limits::declarations_since(env, identity_key, since).await? < max {
        Ok(())
    } else {
        Err(FieldError::rate_limited().into())
    }
}

/// `GET /api/v1/ipa/{code}`: a public body's iPA record, to pre-fill the form.
pub async fn ipa(env: SharedEnv, Path(code): Path<String>, RawQuery(q): RawQuery) -> Response {
    SendFuture::new(async move {
        QueryParams::parse(query_pairs(q.as_deref()), &[])?;
        let code = IpaCode::parse(&code)?;
        match db::ipa_ente(&env, code.as_str()).await? {
            Some(e) => Ok(json_response(StatusCode::OK, &e)),
            None => Err(ApiError::from(FieldError::says(
                domain::error::ErrorCode::NotFound,
                Some("ipa_code"),
                Msg::IpaCodeNotFound,
                &[("code", &code)],
            ))),
        }
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}

/// `GET /api/v1/ateco/{code}`: what an ATECO 2025 code stands for (the wizard says it while
/// the code is typed); a code of the wrong form or not in the classification is a 404.
pub async fn ateco(env: SharedEnv, Path(code): Path<String>, RawQuery(q): RawQuery) -> Response {
    SendFuture::new(async move {
        QueryParams::parse(query_pairs(q.as_deref()), &[])?;
        let not_found = || {
            ApiError::from(FieldError::says(
                domain::error::ErrorCode::NotFound,
                Some("ateco"),
                Msg::AtecoCodeNotFound,
                &[("code", &code.chars().take(12).collect::<String>())],
            ))
        };
        let parsed = domain::hosts::AtecoCode::parse(&code).map_err(|_| not_found())?;
        match crate::db::reference::ateco_entry(&env, parsed.as_str()).await? {
            Some(entry) => Ok(json_response(StatusCode::OK, &entry)),
            None => Err(not_found()),
        }
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}

/// `GET /api/v1/cp2011?q=…`: up to 20 CP 2011 entries at any level whose title has the words.
pub async fn cp2011(env: SharedEnv, RawQuery(q): RawQuery) -> Response {
    SendFuture::new(async move {
        let p = QueryParams::parse(query_pairs(q.as_deref()), &["q"])?;
        let text = SearchText::parse(p.get("q").unwrap_or(""))?;
        let items = db::cp2011_search(&env, &text.fts_prefix_terms()).await?;
        Ok::<_, ApiError>(json_response(StatusCode::OK, &api::Cp2011List { items }))
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}

/// A checked profile with everything the register stores for it.
pub struct Resolved {
    pub profile: ValidProfile,
    pub body: ProfileBody,
    pub summary: HostSummary,
    pub region_name: String,
    pub ateco_title: Option<String>,
}

impl Resolved {
    /// The public page's data for the preview (id 0, published today).
    pub fn detail(&self, published_on: &str) -> HostDetail {
        HostDetail {
            summary: self.summary.clone(),
            region_name: self.region_name.clone(),
            ateco_title: self.ateco_title.clone(),
            body: self.body.clone(),
            published_at: published_on.to_owned(),
        }
    }
}

/// The draft checked by the domain, then its codes against the reference data.
pub async fn resolve(env: &Env, draft: &ProfileDraft) -> Result<Resolved, Failure> {
    let profile = draft.validate().map_err(Failure::Many)?;
    resolve_valid(env, profile).await
}

async fn resolve_valid(env: &Env, profile: ValidProfile) -> Result<Resolved, Failure> {
    let refs = References::load(env, &profile).await?;
    let body = profile.to_body(&refs).map_err(Failure::Many)?;
    let region = body
        .places
        .first()
        .and_then(|p| refs.region_of(&p.comune))
        .unwrap_or_default()
        .to_owned();
    let summary = publish::summary(&profile, &body, &region)
        .ok_or_else(|| FieldError::invalid_says("places", Msg::PlaceMissing, &[]))?;
    let region_name = crate::db::reference::choices(env)
        .await?
        .regions
        .iter()
        .find(|r| r.code == region)
        .map(|r| r.name.clone())
        .unwrap_or_default();
    let ateco_title = refs.ateco_title().map(str::to_owned);
    Ok(Resolved {
        profile,
        body,
        summary,
        region_name,
        ateco_title,
    })
}

/// A request body read whole (the worker's entry already bounded it).
async fn body_bytes(req: Request) -> Result<axum::body::Bytes, ApiError> {
    axum::body::to_bytes(req.into_body(), crate::db::school::MAX_PART_BYTES)
        .await
        .map_err(|_| FieldError::payload_too_large(crate::db::school::MAX_PART_BYTES).into())
}

fn json_error(e: serde_json::Error) -> FieldError {
    FieldError::invalid_says("body", Msg::BodyNotJsonObject, &[("detail", &e)])
}

/// `POST /api/v1/declarations`: the privacy notice accepted, the profile checked whole, then a
/// declaration code issued; nothing is published until the proof arrives.
pub async fn submit(env: SharedEnv, req: Request) -> Response {
    SendFuture::new(async move {
        let t = clock::of_request(&env, req.headers())?.now;
        let bytes = body_bytes(req).await?;
        let s: api::Submission = crate::error::json_object(&bytes).map_err(json_error)?;
        if !s.privacy_accepted {
            return Err(
                FieldError::invalid_says("privacy_accepted", Msg::PrivacyNotAccepted, &[]).into(),
            );
        }
        if s.privacy_version != PRIVACY_NOTICE_VERSION {
            return Err(FieldError::invalid_says(
                "privacy_version",
                Msg::PrivacyVersionChanged,
                &[],
            )
            .into());
        }
        let r = resolve(&env, &s.draft).await?;
        let ipa = match &r.profile.identity {
            HostIdentity::EntePubblico { ipa_code, .. } => {
                db::ipa_ente(&env, ipa_code.as_str()).await?
            }
            _ => None,
        };
        // A professional's or private body's address of record is INI-PEC's.
        let ini_pec = match &r.profile.identity {
            HostIdentity::Professionista { codice_fiscale, .. } => {
                Registry::from_env(&env)
                    .ini_pec(codice_fiscale.as_str())
                    .await
            }
            HostIdentity::EntePrivato { codice_fiscale } => {
                Registry::from_env(&env)
                    .ini_pec(codice_fiscale.as_str())
                    .await
            }
            _ => Answer::Unavailable,
        };
        let proof = publish::proof(&r.profile, ipa.as_ref(), &ini_pec)?;
        let key = publish::body_key(&r.profile, ipa.as_ref());
        limit(&env, &key, limits::SUBMISSIONS_PER_BODY_PER_HOUR).await?;
        let entropy: [u8; DeclarationCode::ENTROPY_BYTES] = crate::auth::webcrypto::random_bytes()
            .map_err(|e| ApiError::internal("declaration code", e))?;
        let code = DeclarationCode::from_entropy(entropy);
        let expires_at = Expiry::issued(t).expires_at();
        // The document a company signs is fixed now: the signed file must be it, byte for byte.
        let document = match &proof {
            Proof::FirmaDigitale { .. } => {
                Some(publish::declaration_document(&code, &r.profile, &r.body))
            }
            Proof::Pec { .. } => None,
        };
        let stored = db::insert_declaration(
            &env,
            &NewDeclaration {
                code: code.as_str(),
                identity_key: &key,
                profile: &r.profile,
                proof: &proof,
                privacy_version: &s.privacy_version,
                now: t,
                expires_at,
                document: document.as_deref(),
            },
        )
        .await?;
        if !stored {
            return Err(FieldError::conflict_says(Msg::PublicationInReview, &[]).into());
        }
        let (pec_of_record, pec_declared) = match &proof {
            Proof::Pec { address, source } => (
                Some(address.clone()),
                *source == domain::registry::PecSource::Declared,
            ),
            Proof::FirmaDigitale { .. } => (None, false),
        };
        let declaration = api::Declaration {
            code: code.as_str().to_owned(),
            expires_at: iso(expires_at),
            method: ProofMethod::of(&proof),
            verification_address: verification_address(&env),
            pec_of_record,
            pec_declared,
            update: db::owner_of(&env, &key).await?.is_some(),
            document_url: format!("/api/v1/declarations/{code}/document"),
            status_url: format!("/api/v1/declarations/{code}"),
        };
        Ok::<_, Failure>(json_response(StatusCode::CREATED, &declaration))
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}

/// Where PEC messages go: `PEC_VERIFICATION_ADDRESS`.
pub(crate) fn verification_address(env: &Env) -> String {
    env.var("PEC_VERIFICATION_ADDRESS")
        .map(|v| v.to_string())
        .unwrap_or_else(|_| "verifica@pec.ponte.example".to_owned())
}

/// The declaration a path names, or 404.
pub(crate) async fn declaration_at(
    env: &Env,
    raw: &str,
) -> Result<(DeclarationCode, Declaration), ApiError> {
    let code = DeclarationCode::parse(raw).map_err(|_| FieldError::not_found())?;
    let d = db::declaration(env, code.as_str())
        .await?
        .ok_or_else(FieldError::not_found)?;
    Ok((code, d))
}

pub(crate) fn status_of(d: &Declaration, t: i64) -> DeclarationStatus {
    DeclarationStatus::of(&d.status, d.expires_at as i64, d.failures as u32, t)
}

/// `GET /api/v1/declarations/{code}`: pending, published or expired (the wizard polls it).
pub async fn status(
    env: SharedEnv,
    Path(raw): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    SendFuture::new(async move {
        QueryParams::parse(query_pairs(q.as_deref()), &[])?;
        let t = clock::of_request(&env, &headers)?.now;
        let (code, d) = declaration_at(&env, &raw).await?;
        let status = api::DeclarationStatus {
            code: code.as_str().to_owned(),
            status: status_of(&d, t),
            method: d.method()?,
            host_id: d.host_id.map(|h| h as i64),
            expires_at: iso(d.expires_at as i64),
            review_reason: d.review_reason()?,
        };
        Ok::<_, ApiError>(json_response(StatusCode::OK, &status))
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}

/// `GET /api/v1/declarations/{code}/document`: the text the legal representative signs.
pub async fn document(env: SharedEnv, Path(raw): Path<String>, RawQuery(q): RawQuery) -> Response {
    SendFuture::new(async move {
        QueryParams::parse(query_pairs(q.as_deref()), &[])?;
        let (code, d) = declaration_at(&env, &raw).await?;
        if d.method()? != ProofMethod::FirmaDigitale {
            return Err(ApiError::from(FieldError::not_found()));
        }
        let text = d
            .document
            .ok_or_else(|| ApiError::internal("document", "a signature declaration without it"))?;
        Ok::<_, ApiError>(
            (
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"dichiarazione-{code}.txt\""),
                    ),
                    (header::CACHE_CONTROL, "no-store".to_owned()),
                ],
                text,
            )
                .into_response(),
        )
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}

/// `POST /api/v1/declarations/{code}/signature`: the declaration signed (CAdES `.p7m`, the
/// raw bytes as body). The signature is checked, the content must be this code's declaration
/// and the signer the legal representative; then the profile is published.
pub async fn signature(env: SharedEnv, Path(raw): Path<String>, req: Request) -> Response {
    SendFuture::new(async move {
        let at = clock::of_request(&env, req.headers())?;
        let bytes = body_bytes(req).await?;
        let (status, answer) = sign(&env, &raw, &bytes, at).await?;
        Ok::<_, ApiError>(json_response(status, &answer))
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}

/// A signed declaration (CAdES bytes) for the code `raw`: checked, then published or sent to
/// review; the API's answer and the declaration's page both come from here.
pub(crate) async fn sign(
    env: &Env,
    raw: &str,
    bytes: &[u8],
    at: Clock,
) -> Result<(StatusCode, api::Published), ApiError> {
    let t = at.now;
    let (code, d) = declaration_at(env, raw).await?;
    usable(&d, t)?;
    let proof = d.proof()?;
    // The signature counts from the declaration's issue: the document holds its code.
    let window = domain::mail::SigningWindow {
        earliest: d.expires_at as i64 - domain::declaration::Expiry::DEFAULT_TTL_SECONDS,
        now: t,
    };
    let (signed, revocation_unknown) = match crate::verifier::cades(env, bytes, window).await? {
        Ok(Checked::Qualified(s)) => (s, None),
        Ok(Checked::RevocationUnknown { document, why }) => (document, Some(why)),
        Err(e) => return Err(refused_upload(env, &code, t, e.to_field_error("firma"), None).await),
    };
    let digest = d
        .document_sha256
        .as_deref()
        .ok_or_else(|| ApiError::internal("signature", "a declaration without its digest"))?;
    if let Err(e) =
        publish::check_signed_declaration(&signed.content, digest, &code, &proof, &signed.signer_cf)
    {
        let signer = signed.signer_cf.to_string();
        return Err(refused_upload(env, &code, t, e, Some(&signer)).await);
    }
    let profile = d.profile()?;
    let representatives = match &profile.identity {
        HostIdentity::Impresa { partita_iva, .. } => {
            Registry::from_env(env)
                .legal_representatives(partita_iva.as_str())
                .await
        }
        // Only a company's declaration is proved by signature.
        _ => return Err(FieldError::conflict_says(Msg::DeclarationByPec, &[]).into()),
    };
    let evidence = Evidence::Firma {
        signer: signed.signer_cf.clone(),
        representatives,
        revocation_unknown,
    };
    let proved = Proved {
        by: format!("cades:{}", signed.signer_cf),
        channel: "firma_digitale",
        sender: signed.signer_cf.to_string(),
        evidence,
    };
    let answer = match proved_declaration(env, at, &code, &d, proved).await? {
        Outcome::Published(host_id) => (
            StatusCode::OK,
            api::Published {
                status: DeclarationStatus::Published,
                host_id: Some(host_id),
                review_reason: None,
            },
        ),
        Outcome::Review(reason) => (
            StatusCode::ACCEPTED,
            api::Published {
                status: DeclarationStatus::Review,
                host_id: None,
                review_reason: Some(reason),
            },
        ),
    };
    Ok(answer)
}

/// A refused signed file: logged and counted against its code; the error to answer.
async fn refused_upload(
    env: &Env,
    code: &DeclarationCode,
    t: i64,
    e: FieldError,
    signer: Option<&str>,
) -> ApiError {
    let attempt = Attempt {
        now: t,
        channel: "firma_digitale",
        code: Some(code.as_str()),
        sender: signer,
        outcome: "refused",
        detail: &e.message,
    };
    match db::refused(env, &attempt).await {
        Ok(()) => e.into(),
        Err(logged) => logged.into(),
    }
}

/// A declaration that can still be proved, or why not (409 used, 410-like expired as 409).
fn usable(d: &Declaration, t: i64) -> Result<(), FieldError> {
    match status_of(d, t) {
        DeclarationStatus::Pending => Ok(()),
        DeclarationStatus::Published => {
            Err(FieldError::conflict_says(Msg::DeclarationCodeUsed, &[]))
        }
        DeclarationStatus::Review => Err(FieldError::conflict_says(Msg::PublicationInReview, &[])),
        DeclarationStatus::Expired
        | DeclarationStatus::Refused
        | DeclarationStatus::Superseded
        | DeclarationStatus::Cancelled => {
            Err(FieldError::conflict_says(Msg::DeclarationCodeExpired, &[]))
        }
    }
}

/// How a declaration was proved, and what the proof showed.
pub struct Proved {
    pub by: String,
    pub channel: &'static str,
    pub sender: String,
    pub evidence: Evidence,
}

/// What a proof led to.
pub enum Outcome {
    /// Published: the host's id.
    Published(i64),
    /// Waiting for an operator, and why.
    Review(domain::registry::ReviewReason),
}

/// A proof that passed its checks: published when the registry of record confirms it and the
/// body's live profile (if any) is its owner's (`domain::registry::verdict`), otherwise put in
/// the operators' review queue.
async fn proved_declaration(
    env: &Env,
    at: Clock,
    code: &DeclarationCode,
    d: &Declaration,
    p: Proved,
) -> Result<Outcome, ApiError> {
    let owner = db::owner_of(env, &d.identity_key).await?;
    match domain::registry::verdict(&p.evidence, owner.as_ref()) {
        Verdict::Publish => {
            let host_id = publish_declaration(env, at, code, d, &p, None).await?;
            Ok(Outcome::Published(host_id))
        }
        Verdict::Review(reason) => {
            let attempt = Attempt {
                now: at.now,
                channel: p.channel,
                code: Some(code.as_str()),
                sender: Some(&p.sender),
                outcome: "review",
                detail: reason.code(),
            };
            if !db::to_review(env, &p.evidence, reason, &p.by, &attempt).await? {
                return Err(
                    FieldError::conflict_says(Msg::DeclarationCodeUsedOrExpired, &[]).into(),
                );
            }
            Ok(Outcome::Review(reason))
        }
    }
}

/// Publishes a proved declaration (one batch: the code used once, the profile in the search,
/// its owner recorded) and sends the publication notice to the body's PEC of record and, for
/// an update, to the live profile's. Returns the host's id. `at`: the clock of the request or
/// message that proved it, or of the operator's approval (`approved_by`: operator and note).
pub async fn publish_declaration(
    env: &Env,
    at: Clock,
    code: &DeclarationCode,
    d: &Declaration,
    p: &Proved,
    approved_by: Option<(&str, &str)>,
) -> Result<i64, ApiError> {
    let t = at.now;
    let r = resolve_valid(env, d.profile()?)
        .await
        .map_err(|_| ApiError::internal("publish", "stored profile no longer resolves"))?;
    let previous = db::owner_of(env, &d.identity_key).await?;
    let claim = auth::random_token()?;
    let published_on = at.today.format("%Y-%m-%d").to_string();
    let host_id = db::publish(
        env,
        &db::Publication {
            code: code.as_str(),
            identity_key: &d.identity_key,
            summary: &r.summary,
            body: &r.body,
            ateco_title: r.ateco_title.as_deref(),
            published_on: &published_on,
            verified_by: &p.by,
            evidence: &p.evidence,
            claim: &claim,
            attempt: Attempt {
                now: t,
                channel: p.channel,
                code: Some(code.as_str()),
                sender: Some(&p.sender),
                outcome: "published",
                detail: &p.by,
            },
            approved_by,
        },
    )
    .await?
    .ok_or_else(|| FieldError::conflict_says(Msg::DeclarationCodeUsedOrExpired, &[]))?;
    let mut to: Vec<String> = Vec::new();
    match d.proof()? {
        Proof::Pec { address, .. } => to.push(address),
        Proof::FirmaDigitale { .. } => {
            // A company's PEC of record is INI-PEC's; the one in the profile if it has none.
            let of_record = match &r.profile.identity {
                HostIdentity::Impresa { partita_iva, .. } => {
                    Registry::from_env(env).ini_pec(partita_iva.as_str()).await
                }
                _ => Answer::Unavailable,
            };
            match of_record {
                Answer::Found(pec) => to.push(domain::registry::normalise(&pec)),
                _ => to.extend(
                    r.profile
                        .contacts
                        .pec
                        .iter()
                        .map(|p| domain::registry::normalise(p)),
                ),
            }
        }
    }
    // An update is told to the live profile's address too: its owner learns of the change.
    to.extend(previous.as_ref().and_then(|o| o.pec.clone()));
    domain::sort::sort(&mut to);
    to.dedup();
    let update = previous.is_some();
    for to in to {
        if let Err(e) = send_notice(env, t, &to, &r.profile.name, host_id, code, update).await {
            // The profile is published; a notice that could not be sent is logged, not undone.
            worker::console_error!("publication notice for host {host_id}: {e}");
        }
    }
    Ok(host_id)
}

/// The publication notice to the body's PEC through the `MAIL` binding (under `wrangler dev` it
/// is written to a local `.eml` file).
async fn send_notice(
    env: &Env,
    t: i64,
    to: &str,
    host_name: &str,
    host_id: i64,
    code: &DeclarationCode,
    update: bool,
) -> Result<(), String> {
    let from = env
        .var("PONTE_MAIL_FROM")
        .map(|v| v.to_string())
        .unwrap_or_else(|_| "pubblicazioni@ponte.example".to_owned());
    let base = env
        .var("PONTE_PUBLIC_URL")
        .map(|v| v.to_string())
        .unwrap_or_else(|_| "http://127.0.0.1:8787".to_owned());
    let domain_part = from
        .rsplit('@')
        .next()
        .unwrap_or("ponte.example")
        .to_owned();
    let id = auth::random_token().map_err(|e| e.error.message)?;
    let message_id = format!("{id}@{domain_part}");
    let date = domain::clock::rome_rfc2822(t).ok_or("the clock is out of range")?;
    let url = format!("{}/enti/{host_id}", base.trim_end_matches('/'));
    let raw = PublicationNotice {
        from: &from,
        to,
        message_id: &message_id,
        date: &date,
        host_name,
        url: &url,
        code,
        update,
    }
    .to_message();
    let mailer = env.send_email("MAIL").map_err(|e| e.to_string())?;
    let message = worker::EmailMessage::new(&from, to, &raw).map_err(|e| format!("{e:?}"))?;
    mailer.send(&message).await.map_err(|e| format!("{e:?}"))?;
    Ok(())
}

/// The e-mail handler: a PEC message to the verification address. Verified (provider's
/// signature, certified sender = address of record, code in the subject) → published; anything
/// else is rejected with the reason, which the sender's provider returns to them.
pub async fn receive(message: worker::ForwardableEmailMessage, env: Env) -> worker::Result<()> {
    // Refused from its declared size, before a byte of it is read.
    let size = message.raw_size();
    let outcome = if domain::abuse::message_size_ok(size as u64) {
        SendFuture::new(receive_inner(&message, &env)).await
    } else {
        Err(format!(
            "Il messaggio è troppo grande ({} KB): al massimo {} KB.",
            (size / 1024.0).ceil(),
            domain::abuse::MAX_MESSAGE_BYTES / 1024
        ))
    };
    if let Err(reason) = outcome {
        worker::console_log!("PEC refused: {reason}");
        message.set_reject(&reason);
        // Locally, returning at once makes the endpoint answer 200 before the rejection lands.
        worker::Delay::from(std::time::Duration::from_millis(20)).await;
    }
    Ok(())
}

async fn receive_inner(
    message: &worker::ForwardableEmailMessage,
    env: &Env,
) -> Result<i64, String> {
    let at = clock::of_mail(env, &message.headers())?;
    let t = at.now;
    let raw = message.raw_bytes().await.map_err(|e| e.to_string())?;
    let log = |code: Option<String>,
               sender: Option<String>,
               outcome: &'static str,
               detail: String| async move {
        let attempt = Attempt {
            now: t,
            channel: "pec",
            code: code.as_deref(),
            sender: sender.as_deref(),
            outcome,
            detail: &detail,
        };
        if let Err(e) = db::refused(env, &attempt).await {
            worker::console_error!("PEC attempt not logged: {e}");
        }
        Err::<i64, String>(detail.clone())
    };
    let pec = match crate::verifier::pec(env, &raw, t).await? {
        Ok(p) => p,
        Err(e) => return log(None, None, e.code(), e.message()).await,
    };
    let verification = verification_address(env);
    if !pec
        .recipients
        .iter()
        .any(|r| r.eq_ignore_ascii_case(&verification))
    {
        return log(
            None,
            Some(pec.sender.clone()),
            "wrong_recipient",
            format!("Il messaggio PEC non è indirizzato a {verification}."),
        )
        .await;
    }
    if !crate::limits::sender_allowed(env, &pec.sender).await {
        return Err(FieldError::rate_limited().message);
    }
    let Some(code) = DeclarationCode::find_in_subject(&pec.subject) else {
        return log(
            None,
            Some(pec.sender.clone()),
            "no_code",
            "L'oggetto del messaggio non contiene un codice della dichiarazione \
             (nella forma XXXX-XXXX-XXXX)."
                .to_owned(),
        )
        .await;
    };
    let d = match db::declaration(env, code.as_str()).await {
        Ok(Some(d)) => d,
        Ok(None) => {
            return log(
                None,
                Some(pec.sender.clone()),
                "unknown_code",
                format!("Il codice {code} non corrisponde a nessuna dichiarazione."),
            )
            .await
        }
        Err(e) => return Err(ApiError::from(e).error.message),
    };
    if let Err(e) = usable(&d, t) {
        return log(None, Some(pec.sender.clone()), "unusable_code", e.message).await;
    }
    let proof = d.proof().map_err(|e| ApiError::from(e).error.message)?;
    if !publish::pec_sender_matches(&proof, &pec.sender) {
        let expected = match &proof {
            Proof::Pec { .. } => "l'indirizzo PEC registrato per questo soggetto".to_owned(),
            Proof::FirmaDigitale { .. } => {
                "nessuno: questa dichiarazione si conferma con la firma digitale".to_owned()
            }
        };
        return log(
            Some(code.as_str().to_owned()),
            Some(pec.sender.clone()),
            "wrong_sender",
            format!(
                "Il messaggio è stato inviato da {}, che non è {expected}.",
                pec.sender
            ),
        )
        .await;
    }
    let Proof::Pec { source, .. } = proof else {
        return Err(FieldError::conflict_says(Msg::DeclarationBySignature, &[]).message);
    };
    let proved = Proved {
        by: format!("pec:{}", pec.message_id),
        channel: "pec",
        sender: pec.sender.clone(),
        evidence: Evidence::Pec {
            sender: domain::registry::normalise(&pec.sender),
            source,
        },
    };
    match proved_declaration(env, at, &code, &d, proved).await {
        Ok(Outcome::Published(host_id)) => Ok(host_id),
        // Accepted: the message is the proof; an operator decides on it.
        Ok(Outcome::Review(_)) => Ok(0),
        Err(e) => Err(e.error.message),
    }
}

/// `POST /enti/pubblica/anteprima`: the draft (JSON) → the public page's article, exactly as it
/// will be published, or every error.
pub async fn preview(env: SharedEnv, req: Request) -> Response {
    let lang = crate::pages::lang_of(&req);
    let resolved = SendFuture::new(async move {
        let today = clock::of_request(&env, req.headers())?.today;
        let bytes = body_bytes(req).await?;
        let draft: ProfileDraft = crate::error::json_object(&bytes).map_err(json_error)?;
        Ok::<_, Failure>((resolve(&env, &draft).await?, today))
    })
    .await;
    match resolved {
        Ok((r, today)) => {
            let today = today.format("%Y-%m-%d").to_string();
            let host = std::sync::Arc::new(r.detail(&today));
            fragment(move || {
                use leptos::prelude::*;
                view! { <app::pages::ente::EnteScheda lang=lang host=host.clone() preview=true/> }
            })
        }
        Err(e) => e.into_response(),
    }
}

/// A component rendered to an HTML fragment (no page around it), not cached.
fn fragment<F, V>(view_fn: F) -> Response
where
    F: FnOnce() -> V,
    V: leptos::prelude::IntoView + 'static,
{
    use leptos::prelude::*;
    let owner = Owner::new();
    let html = owner.with(|| view_fn().to_html());
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html,
    )
        .into_response()
}
