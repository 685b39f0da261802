//! Steps 5 and 6: the preview (`POST /enti/pubblica/anteprima`, the public page's own
//! article) and the submission (`POST /api/v1/declarations`), then the confirmation by PEC or
//! digital signature and the wait for publication.
//!
//! The views are the browser's only: the server renders the wizard's first step alone
//! (`Pubblicazione`), so it never compiles them.

use super::campi::*;
#[cfg(feature = "hydrate")]
use super::rete;
use super::Wizard;
#[cfg(any(feature = "hydrate", test))]
use crate::i18n::{date_it, fill};
use leptos::prelude::*;

/// The preview's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Preview {
    None,
    Loading,
    /// The fragment the server rendered (it escapes every value).
    Ready(String),
    Failed(String),
}

/// The answer of `POST /api/v1/declarations`.
#[derive(Debug, Clone, PartialEq)]
pub struct Declaration {
    pub code: String,
    pub expires_at: String,
    /// `pec`, or else the digital signature.
    pub by_pec: bool,
    pub verification_address: String,
    pub pec_of_record: Option<String>,
    pub pec_declared: bool,
    pub document_url: String,
    pub status_url: String,
    pub status: Status,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Status {
    Pending,
    Published(u64),
    /// Proved, waiting for an operator (the page stops asking: it can take days).
    Review,
    Refused,
    Superseded,
    Expired,
    /// The page stopped asking (after 10 minutes).
    Stopped,
}

const STEPS_OF_THE_FORM: [u8; 4] = [STEP_WHO, STEP_OFFERS, STEP_PLACES, STEP_PREVIEW];

/// Check the whole draft here, then ask the server for the preview (it checks the codes
/// against the reference data).
pub fn preview(w: Wizard) {
    let errors = w
        .draft
        .with_untracked(|d| d.validate().err().unwrap_or_default());
    if !errors.is_empty() {
        w.preview.set(Preview::None);
        w.report(&errors, &STEPS_OF_THE_FORM);
        return;
    }
    w.preview.set(Preview::Loading);
    #[cfg(feature = "hydrate")]
    {
        let json = w.draft.with_untracked(|d| d.to_json());
        leptos::task::spawn_local(async move {
            let shown = match rete::post_for_text("/enti/pubblica/anteprima", &json).await {
                Ok(rete::Answer { body: Ok(html), .. }) => Preview::Ready(html),
                Ok(rete::Answer {
                    status: 400,
                    body: Err(v),
                }) => {
                    let errors = rete::field_errors(&v);
                    w.report(&errors, &STEPS_OF_THE_FORM);
                    Preview::None
                }
                Ok(rete::Answer { body: Err(v), .. }) => Preview::Failed(
                    rete::error_of(&v)
                        .1
                        .unwrap_or_else(|| w.t.server_error.to_owned()),
                ),
                Err(()) => Preview::Failed(w.t.network_error.to_owned()),
            };
            w.preview.set(shown);
        });
    }
}

#[cfg(feature = "hydrate")]
pub fn anteprima(w: Wizard) -> impl IntoView {
    let t = w.t;
    let body = move || match w.preview.get() {
        Preview::None => branch!(EitherOf4::A, ()),
        Preview::Loading => branch!(EitherOf4::B, view! { <p>{t.preview_loading}</p> }),
        Preview::Ready(html) => branch!(
            EitherOf4::C,
            view! {
                <section class="preview" aria-labelledby="w-preview-title">
                    <h3 id="w-preview-title" class="preview-title">{t.preview_label}</h3>
                    <div class="preview-body" inner_html=html></div>
                </section>
            }
        ),
        Preview::Failed(message) => {
            branch!(
                EitherOf4::D,
                view! { <p class="notice notice-error">{message}</p> }
            )
        }
    };
    view! {
        <p>{t.preview_lead}</p>
        <div aria-live="polite">{body}</div>
        <button type="button" class="btn btn-secondary" on:click=move |_| preview(w)>
            {t.preview_refresh}
        </button>
    }
}

#[cfg(feature = "hydrate")]
pub fn invio(w: Wizard) -> impl IntoView {
    let t = w.t;
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    move || match w.declaration.get() {
        Some(d) => branch!(Either::Left, dichiarazione(w, d)),
        None => branch!(
            Either::Right,
            view! {
                <p>{t.submit_lead}</p>
                <p>{t.submit_pending_note}</p>
                <button
                    type="button"
                    class="btn btn-primary"
                    disabled=move || busy.get()
                    on:click=move |_| submit(w, busy, failed)
                >
                    {move || if busy.get() { t.submitting } else { t.submit }}
                </button>
                <div role="alert">
                    {move || failed.get().map(|m| view! { <p class="notice notice-error">{m}</p> })}
                </div>
            }
        ),
    }
}

/// `POST /api/v1/declarations` with the notice's version and the draft.
#[cfg(feature = "hydrate")]
fn submit(w: Wizard, busy: RwSignal<bool>, failed: RwSignal<Option<String>>) {
    let errors = w
        .draft
        .with_untracked(|d| d.validate().err().unwrap_or_default());
    if !errors.is_empty() {
        w.report(&errors, &STEPS_OF_THE_FORM);
        return;
    }
    busy.set(true);
    failed.set(None);
    let body = w.draft.with_untracked(|d| {
        format!(
            "{{\"privacy_version\":\"{}\",\"privacy_accepted\":true,\"draft\":{}}}",
            domain::profile::PRIVACY_NOTICE_VERSION,
            d.to_json()
        )
    });
    leptos::task::spawn_local(async move {
        match rete::post_json("/api/v1/declarations", &body).await {
            Ok(a) if a.status == 201 => {
                let b = &a.body;
                let s = |k: &str| rete::text(b, k).unwrap_or_default();
                let d = Declaration {
                    code: s("code"),
                    expires_at: s("expires_at"),
                    by_pec: s("method") == "pec",
                    verification_address: s("verification_address"),
                    pec_of_record: rete::text(b, "pec_of_record"),
                    pec_declared: rete::get(b, "pec_declared").as_bool() == Some(true),
                    document_url: s("document_url"),
                    status_url: s("status_url"),
                    status: Status::Pending,
                };
                let url = d.status_url.clone();
                w.declaration.set(Some(d));
                rete::focus("w-code-label");
                poll(w, url);
            }
            Ok(a) if a.status == 400 => w.report(&rete::field_errors(&a.body), &STEPS_OF_THE_FORM),
            Ok(a) => failed.set(Some(
                rete::error_of(&a.body)
                    .1
                    .unwrap_or_else(|| w.t.server_error.to_owned()),
            )),
            Err(()) => failed.set(Some(w.t.network_error.to_owned())),
        }
        busy.set(false);
    });
}

#[cfg(feature = "hydrate")]
fn set_status(w: Wizard, s: Status) {
    w.declaration.update(|d| {
        if let Some(d) = d {
            d.status = s;
        }
    });
}

/// Ask `status_url` every 5 s until the profile is published or the code expires, for at most
/// 10 minutes; "Annulla modifiche" stops it.
#[cfg(feature = "hydrate")]
fn poll(w: Wizard, url: String) {
    let generation = w.generation.get_untracked();
    set_status(w, Status::Pending);
    leptos::task::spawn_local(async move {
        for _ in 0..120 {
            rete::sleep(5_000).await;
            if w.generation.get_untracked() != generation {
                return;
            }
            let Ok(a) = rete::get_json(&url).await else {
                continue;
            };
            if a.status != 200 {
                continue;
            }
            match rete::text(&a.body, "status").as_deref() {
                Some("published") => {
                    if let Some(id) = rete::whole(&a.body, "host_id") {
                        set_status(w, Status::Published(id));
                        return;
                    }
                }
                Some("expired") => {
                    set_status(w, Status::Expired);
                    return;
                }
                Some("review") => {
                    set_status(w, Status::Review);
                    return;
                }
                Some("refused") => {
                    set_status(w, Status::Refused);
                    return;
                }
                Some("superseded") => {
                    set_status(w, Status::Superseded);
                    return;
                }
                _ => {}
            }
            if matches!(
                w.declaration
                    .with_untracked(|d| d.as_ref().map(|d| d.status)),
                Some(Status::Published(_))
            ) {
                return;
            }
        }
        set_status(w, Status::Stopped);
    });
}

/// "2026-12-23T10:00:00Z" as Italians read it: the date and the time on the Italian clock.
#[cfg(any(feature = "hydrate", test))]
pub fn expiry_text(t: &crate::i18n_publish::PublishTexts, expires_at: &str) -> String {
    use chrono::Timelike;
    let local = chrono::DateTime::parse_from_rfc3339(expires_at)
        .ok()
        .and_then(|d| domain::clock::rome_time(d.timestamp()));
    match local {
        Some(l) => fill(
            t.expires,
            &[
                ("date", &date_it(l.date())),
                ("time", &format!("{:02}:{:02}", l.hour(), l.minute())),
            ],
        ),
        None => fill(t.expires, &[("date", expires_at), ("time", "")]),
    }
}

#[cfg(feature = "hydrate")]
fn dichiarazione(w: Wizard, d: Declaration) -> impl IntoView {
    let t = w.t;
    let copied = RwSignal::new(String::new());
    let code = d.code.clone();
    let copy = move |_| {
        let code = code.clone();
        leptos::task::spawn_local(async move {
            copied.set(if rete::copy(&code).await {
                t.copied.to_owned()
            } else {
                t.copy_failed.to_owned()
            });
        });
    };
    let pec = d
        .pec_of_record
        .clone()
        .unwrap_or_else(|| w.draft.with_untracked(|x| x.contacts.pec.clone()));
    let confirm = if d.by_pec {
        let note = if d.pec_declared {
            t.pec_declared
        } else {
            t.pec_of_record
        };
        branch!(
            Either::Left,
            view! {
                <h3>{t.pec_title}</h3>
                <p>
                    {fill(
                        t.pec_steps,
                        &[("pec", &pec), ("to", &d.verification_address), ("code", &d.code)],
                    )}
                </p>
                <p class="hint">{fill(note, &[("pec", &pec)])}</p>
            }
        )
    } else {
        branch!(
            Either::Right,
            view! { <Firma w=w code=d.code.clone() document_url=d.document_url.clone()/> },
        )
    };
    let status_url = d.status_url.clone();
    // Once the proof has arrived (published or in review) or the code is over, the
    // instructions and the upload are done with: only the result stays.
    let published = move || {
        w.declaration.with(|d| {
            d.as_ref().is_some_and(|d| {
                !matches!(
                    d.status,
                    Status::Pending | Status::Expired | Status::Stopped
                )
            })
        })
    };
    let status = move || {
        let s = w
            .declaration
            .with(|d| d.as_ref().map(|d| d.status))
            .unwrap_or(Status::Pending);
        match s {
            Status::Pending => branch!(EitherOf7::A, view! { <p>{t.status_pending}</p> }),
            Status::Published(id) => branch!(
                EitherOf7::B,
                view! {
                    <div class="notice notice-ok">
                        <h3>{t.status_published}</h3>
                        <p><a href=format!("/enti/{id}")>{t.status_published_link}</a></p>
                    </div>
                }
            ),
            Status::Expired => {
                branch!(
                    EitherOf7::C,
                    view! { <p class="notice notice-error">{t.status_expired}</p> }
                )
            }
            Status::Refused => branch!(
                EitherOf7::E,
                view! { <p class="notice notice-error">{t.status_refused}</p> }
            ),
            Status::Superseded => branch!(
                EitherOf7::F,
                view! { <p class="notice notice-error">{t.status_superseded}</p> }
            ),
            Status::Review => {
                let url = status_url.clone();
                branch!(
                    EitherOf7::G,
                    view! {
                        <p class="notice">{t.status_review}</p>
                        <button type="button" class="btn btn-secondary" on:click=move |_| poll(w, url.clone())>
                            {t.status_check}
                        </button>
                    }
                )
            }
            Status::Stopped => {
                let url = status_url.clone();
                branch!(
                    EitherOf7::D,
                    view! {
                        <p>{t.status_stopped}</p>
                        <button type="button" class="btn btn-secondary" on:click=move |_| poll(w, url.clone())>
                            {t.status_check}
                        </button>
                    }
                )
            }
        }
    };
    view! {
        <div class="declaration">
            <p id="w-code-label" class="code-label" tabindex="-1">{t.code_label}</p>
            <p class="declaration-code" aria-describedby="w-code-label">{d.code.clone()}</p>
            <div hidden=published>
                <button type="button" class="btn btn-secondary" on:click=copy>{t.copy}</button>
                <p class="hint" aria-live="polite">{move || copied.get()}</p>
                <p>{expiry_text(t, &d.expires_at)}</p>
                <p>
                    {t.come_back}
                    " "
                    <a href=format!("/enti/pubblica/dichiarazione?codice={}", d.code)>
                        {t.come_back_link}
                    </a>
                    "."
                </p>
                {confirm}
            </div>
            <div class="status" aria-live="polite">{status}</div>
        </div>
    }
}

/// The digital-signature route: download the declaration, sign it, upload the `.p7m`.
#[cfg(feature = "hydrate")]
#[component]
fn Firma(w: Wizard, code: String, document_url: String) -> impl IntoView {
    let t = w.t;
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let upload = move |_| {
        busy.set(true);
        failed.set(None);
        let url = format!("/api/v1/declarations/{}/signature", rete::encode(&code));
        leptos::task::spawn_local(async move {
            let Some((_, bytes)) = rete::chosen_file("w-signature").await else {
                failed.set(Some(t.sign_pick.to_owned()));
                busy.set(false);
                return;
            };
            match rete::post_bytes(&url, "application/pkcs7-mime", &bytes).await {
                Ok(a) if a.status == 200 => match rete::whole(&a.body, "host_id") {
                    Some(id) => set_status(w, Status::Published(id)),
                    None => set_status(w, Status::Pending),
                },
                Ok(a) if a.status == 202 => set_status(w, Status::Review),
                Ok(a) => failed.set(Some(
                    rete::error_of(&a.body)
                        .1
                        .unwrap_or_else(|| t.server_error.to_owned()),
                )),
                Err(()) => failed.set(Some(t.network_error.to_owned())),
            }
            busy.set(false);
        });
    };
    view! {
        <h3>{t.sign_title}</h3>
        <p>
            <a href=document_url download="">{t.sign_download}</a>
            ", "
            {t.sign_steps}
        </p>
        <div class="field">
            <label for="w-signature">{t.sign_file}</label>
            <input type="file" id="w-signature" accept=".p7m,application/pkcs7-mime"/>
        </div>
        <button type="button" class="btn btn-primary" disabled=move || busy.get() on:click=upload>
            {move || if busy.get() { t.sign_uploading } else { t.sign_upload }}
        </button>
        <div role="alert">
            {move || failed.get().map(|m| view! { <p class="notice notice-error">{m}</p> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n_publish::PUBLISH_IT;

    #[test]
    fn expiry_is_on_the_italian_clock() {
        assert_eq!(
            expiry_text(&PUBLISH_IT, "2026-12-23T10:00:00Z"),
            "Il codice scade il 23/12/2026 alle 11:00."
        );
        assert_eq!(
            expiry_text(&PUBLISH_IT, "2026-07-01T10:00:00Z"),
            "Il codice scade il 01/07/2026 alle 12:00."
        );
    }
}
