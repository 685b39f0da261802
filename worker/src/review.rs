//! The operators' review queue (docs/publishing.md, "Review"): declarations whose proof the
//! registry of record did not confirm wait here until a Ponte operator approves (the profile is
//! published) or refuses them, with a reason kept in `review_log`.
//!
//! An operator is a person whose codice fiscale — from their SPID or CIE sign-in — is in the
//! deployment's `PONTE_OPERATORS` (`domain::registry::Operators`). To anybody else the queue
//! does not exist (404).

use crate::auth::handlers::{signed_in, signed_in_access};
use crate::clock;
use crate::db::publish::{self as db, Declaration};
use crate::error::ApiError;
use crate::family::{change, Done};
use crate::pages::{lang_of, render};
use crate::publish::{publish_declaration, Proved};
use crate::SharedEnv;
use app::i18n::{date_time_it, fill, Lang};
use app::pages::operatore::{OperatorePage, ReviewRow};
use axum::extract::{Path, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::api::types as api;
use domain::declaration::DeclarationCode;
use domain::family::Decision;
use domain::messages::Msg;
use domain::publish::{DeclarationStatus, Proof};
use domain::registry::{Answer, Evidence, Operators, PecSource};
use domain::FieldError;
use leptos::prelude::*;
use worker::send::SendFuture;
use worker::Env;

/// The operators configured for this deployment (none when unset; a malformed list is logged
/// and names nobody, so a mistake never grants the role).
pub fn operators(env: &Env) -> Operators {
    let Ok(raw) = env.var("PONTE_OPERATORS") else {
        return Operators::default();
    };
    Operators::parse(&raw.to_string()).unwrap_or_else(|e| {
        worker::console_error!("PONTE_OPERATORS: {e}");
        Operators::default()
    })
}

/// `POST /api/v1/declarations/{code}/review` `{"decision": "approve"|"refuse", "note": "…"}`.
pub async fn decide(env: SharedEnv, Path(raw): Path<String>, req: Request) -> Response {
    change(env, req, |env, s, _, f| async move {
        if !operators(&env).includes(&s.codice_fiscale) {
            return Err(FieldError::not_found().into());
        }
        let code = DeclarationCode::parse(&raw).map_err(|_| FieldError::not_found())?;
        let decision = Decision::parse(f.get("decision"))?;
        let note = domain::registry::review_note(f.get("note"))?;
        let d = db::declaration(&env, code.as_str())
            .await?
            .ok_or_else(FieldError::not_found)?;
        if d.status != "review" {
            return Err(FieldError::conflict_says(Msg::DeclarationNotInReview, &[]).into());
        }
        let at = clock::clock(&env)?;
        let answer = match decision {
            Decision::Approve => {
                let evidence = d
                    .evidence()?
                    .ok_or_else(|| ApiError::internal("review", "in review without evidence"))?;
                let proved = Proved {
                    by: d.verified_by.clone().unwrap_or_default(),
                    channel: channel(&evidence),
                    sender: sender(&evidence),
                    evidence,
                };
                let host_id = publish_declaration(
                    &env,
                    at,
                    &code,
                    &d,
                    &proved,
                    Some((&s.codice_fiscale, &note)),
                )
                .await?;
                api::Published {
                    status: DeclarationStatus::Published,
                    host_id: Some(host_id),
                    review_reason: None,
                }
            }
            Decision::Refuse => {
                if !db::refuse_review(&env, code.as_str(), &s.codice_fiscale, &note, at.now).await?
                {
                    return Err(FieldError::conflict_says(Msg::DeclarationNotInReview, &[]).into());
                }
                api::Published {
                    status: DeclarationStatus::Refused,
                    host_id: None,
                    review_reason: None,
                }
            }
        };
        Ok(Done::new(StatusCode::OK, &answer, "/operatore".to_owned()))
    })
    .await
}

fn channel(e: &Evidence) -> &'static str {
    match e {
        Evidence::Pec { .. } => "pec",
        Evidence::Firma { .. } => "firma_digitale",
    }
}

fn sender(e: &Evidence) -> String {
    match e {
        Evidence::Pec { sender, .. } => sender.clone(),
        Evidence::Firma { signer, .. } => signer.to_string(),
    }
}

/// `GET /operatore`: the queue, oldest proof first.
pub async fn queue(env: SharedEnv, req: Request) -> Response {
    let found = SendFuture::new(async {
        let (s, _) = signed_in_access(&env, &req).await?;
        if !operators(&env).includes(&s.codice_fiscale) {
            return Ok((s, None));
        }
        let gathered = gather(&env).await.map_err(IntoResponse::into_response)?;
        Ok::<_, Response>((s, Some(gathered)))
    })
    .await;
    let (s, rows) = match found {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some(rows) = rows else {
        return crate::pages::not_found(req).await;
    };
    let lang = lang_of(&req);
    let rows: Vec<ReviewRow> = rows
        .into_iter()
        .map(|(d, live)| row(lang, &d, live))
        .collect();
    let user = signed_in(&s);
    let mut r = render(req, StatusCode::OK, move || {
        view! { <OperatorePage lang=lang user=user.clone() rows=rows.clone()/> }
    })
    .await;
    r.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("private, no-store"),
    );
    r
}

/// What the live profile of a body is, when it has one: its id and who proved it.
struct Live {
    host_id: Option<i64>,
    owner: domain::registry::Owner,
}

async fn gather(env: &Env) -> Result<Vec<(Declaration, Option<Live>)>, ApiError> {
    let mut out = Vec::new();
    for d in db::in_review(env).await? {
        let live = db::live_host(env, &d.identity_key)
            .await?
            .map(|(host_id, owner)| Live {
                host_id: Some(host_id),
                owner,
            });
        out.push((d, live));
    }
    Ok(out)
}

fn row(lang: Lang, d: &Declaration, live: Option<Live>) -> ReviewRow {
    let o = lang.operator();
    let evidence = d.evidence().ok().flatten();
    let identity = match d.profile() {
        Ok(p) => domain::publish::identity_key(&p.identity),
        Err(_) => d.identity_key.clone(),
    };
    let proof = match &evidence {
        Some(e @ Evidence::Pec { .. }) => fill(o.proof_pec, &[("sender", &sender(e))]),
        Some(
            e @ Evidence::Firma {
                revocation_unknown, ..
            },
        ) => {
            let signed = fill(o.proof_signature, &[("sender", &sender(e))]);
            match revocation_unknown {
                Some(why) => format!(
                    "{signed}. {}",
                    fill(o.revocation_unknown, &[("why", why.as_str())])
                ),
                None => signed,
            }
        }
        None => String::new(),
    };
    let registry = match (&evidence, d.proof()) {
        (
            Some(Evidence::Firma {
                representatives, ..
            }),
            _,
        ) => match representatives {
            Answer::Found(reps) if reps.is_empty() => o.registry_no_reps.to_owned(),
            Answer::Found(reps) => {
                let list: Vec<&str> = reps.iter().map(|r| r.as_str()).collect();
                fill(o.registry_reps, &[("list", &list.join(", "))])
            }
            Answer::Absent => o.registry_absent.to_owned(),
            Answer::Unavailable => o.registry_unavailable.to_owned(),
        },
        (_, Ok(Proof::Pec { source, .. })) => {
            let source = match source {
                PecSource::Ipa => o.source_ipa,
                PecSource::IniPec => o.source_ini_pec,
                PecSource::Declared => o.source_declared,
            };
            fill(o.pec_source, &[("source", source)])
        }
        _ => String::new(),
    };
    let reason = d
        .review_reason()
        .ok()
        .flatten()
        .map(|r| lang.message(r.message()).to_owned())
        .unwrap_or_default();
    let arrived = d
        .verified_at
        .map(|t| date_time_it(t as i64))
        .unwrap_or_default();
    let (live_text, live_host) = match live {
        None => (o.live_none.to_owned(), None),
        Some(l) => {
            let who = l
                .owner
                .pec
                .clone()
                .or_else(|| l.owner.signer.as_ref().map(|s| s.to_string()));
            let text = match who {
                Some(who) => fill(o.live_owner, &[("who", &who)]),
                None => o.live_owner_unknown.to_owned(),
            };
            (text, l.host_id)
        }
    };
    ReviewRow {
        code: d.code.clone(),
        name: d.name.clone(),
        identity: format!(
            "{} · {}",
            domain::hosts::HostKind::parse(&d.kind)
                .map(|k| k.label())
                .unwrap_or(d.kind.as_str()),
            identity
        ),
        proof,
        arrived,
        reason,
        registry,
        live: live_text,
        live_host,
    }
}
