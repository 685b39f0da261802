//! `/enti/pubblica/dichiarazione`: a declaration found by its code (issue 23 point 1). A
//! company can come back to finish: where the declaration stands, what to do (the PEC to send,
//! the document to sign and the signed file to upload), and "Annulla la dichiarazione" while it
//! waits. Plain HTML forms, no wasm: the code is the only key, as in the API.

use crate::erased::IntoErased;
use crate::i18n::{fill, Lang};
use crate::i18n_publish::DeclarationTexts;
use crate::layout::Page;
use domain::api::types::ProofMethod;
use domain::publish::DeclarationStatus;
use leptos::prelude::*;

/// A declaration as its page shows it.
#[derive(Debug, Clone)]
pub struct DeclarationView {
    pub code: String,
    pub status: DeclarationStatus,
    pub method: ProofMethod,
    /// The PEC to send from, and whether it is the address of record (iPA, INI-PEC).
    pub pec: Option<(String, bool)>,
    /// Where the PEC goes.
    pub verification_address: String,
    /// "23/12/2026", "10:00": when the code expires.
    pub expires: (String, String),
    pub host_id: Option<i64>,
}

/// What the page shows: the form to type a code, the declaration found, or why not.
#[derive(Debug, Clone, Default)]
pub struct DeclarationPageData {
    /// What was typed (kept in the form).
    pub typed: String,
    pub found: Option<DeclarationView>,
    /// A code that names no declaration, or a refused upload or cancellation.
    pub problem: Option<String>,
}

fn status_text(lang: Lang, d: &DeclarationView) -> String {
    let t = lang.publish();
    let dt = lang.declaration();
    match d.status {
        DeclarationStatus::Pending => {
            fill(t.expires, &[("date", &d.expires.0), ("time", &d.expires.1)])
        }
        DeclarationStatus::Published => t.status_published.to_owned(),
        DeclarationStatus::Review => t.status_review.to_owned(),
        DeclarationStatus::Refused => t.status_refused.to_owned(),
        DeclarationStatus::Superseded => t.status_superseded.to_owned(),
        DeclarationStatus::Expired => t.status_expired.to_owned(),
        DeclarationStatus::Cancelled => dt.cancelled.to_owned(),
    }
}

#[component]
fn Found(lang: Lang, d: DeclarationView) -> impl IntoView {
    let t = lang.publish();
    let dt: &DeclarationTexts = lang.declaration();
    let code = d.code.clone();
    let pending = d.status == DeclarationStatus::Pending;
    let what_to_do = pending.then(|| match (d.method, d.pec.clone()) {
        (ProofMethod::Pec, Some((pec, of_record))) => view! {
            <h2>{t.pec_title}</h2>
            <p>
                {fill(
                    t.pec_steps,
                    &[("pec", &pec), ("to", &d.verification_address), ("code", &code)],
                )}
            </p>
            <p class="hint">
                {fill(if of_record { t.pec_of_record } else { t.pec_declared }, &[("pec", &pec)])}
            </p>
        }
        .erased(),
        _ => view! {
            <h2>{t.sign_title}</h2>
            <p>
                <a
                    href=format!("/api/v1/declarations/{code}/document")
                    download=format!("dichiarazione-{code}.txt")
                >
                    {t.sign_download}
                </a>
                ", "
                {t.sign_steps}
            </p>
            <form
                method="post"
                action="/enti/pubblica/dichiarazione/firma"
                enctype="multipart/form-data"
                class="stack-form"
            >
                <input type="hidden" name="codice" value=code.clone()/>
                <label for="dichiarazione-p7m">{t.sign_file}</label>
                <input id="dichiarazione-p7m" type="file" name="firma" accept=".p7m" required/>
                <button type="submit" class="btn btn-primary">{t.sign_upload}</button>
            </form>
        }
        .erased(),
    });
    let cancel = pending.then(|| {
        view! {
            <details class="withdraw">
                <summary class="btn btn-secondary">{dt.cancel_open}</summary>
                <form method="post" action="/enti/pubblica/dichiarazione/annulla">
                    <input type="hidden" name="codice" value=code.clone()/>
                    <p>{dt.cancel_text}</p>
                    <button type="submit" class="btn btn-primary">{dt.cancel_confirm}</button>
                </form>
            </details>
        }
    });
    let published = d
        .host_id
        .filter(|_| d.status == DeclarationStatus::Published)
        .map(|id| {
            view! { <p><a href=format!("/enti/{id}")>{t.status_published_link}</a></p> }
        });
    view! {
        <section class="card declaration" aria-labelledby="dichiarazione-stato" data-status=format!("{:?}", d.status)>
            <p>
                {t.code_label} ": " <strong class="declaration-code">{d.code.clone()}</strong>
            </p>
            <h2 id="dichiarazione-stato">{dt.status_heading}</h2>
            <p role="status">{status_text(lang, &d)}</p>
            {published}
            {what_to_do}
            {cancel}
            <p>
                <a href=format!("/enti/pubblica/dichiarazione?codice={}", d.code)>{dt.refresh}</a>
            </p>
        </section>
    }
}

/// `/enti/pubblica/dichiarazione`.
#[component]
pub fn DichiarazionePage(lang: Lang, data: DeclarationPageData) -> impl IntoView {
    let dt = lang.declaration();
    let t = lang.publish();
    view! {
        <Page lang=lang title=dt.title.to_owned()>
            <p class="back"><a href="/enti/pubblica">{t.title}</a></p>
            <h1>{dt.title}</h1>
            <p class="lead">{dt.lead}</p>
            {data
                .problem
                .clone()
                .map(|p| {
                    view! {
                        <p id="dichiarazione-errore" class="notice notice-error" role="alert" tabindex="-1" autofocus=true>
                            {p}
                        </p>
                    }
                })}
            {data.found.clone().map(|d| view! { <Found lang=lang d=d/> })}
            <form method="get" action="/enti/pubblica/dichiarazione" class="inline-search">
                <label for="dichiarazione-codice">{t.code_label}</label>
                <input
                    id="dichiarazione-codice"
                    name="codice"
                    value=data.typed.clone()
                    required
                    maxlength="20"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="dichiarazione-codice-nota"
                />
                <button type="submit" class="btn btn-primary">{dt.find}</button>
                <p id="dichiarazione-codice-nota" class="hint">{dt.code_hint}</p>
            </form>
        </Page>
    }
}
