//! The pages every footer links to: `/privacy` (who the data controller is, with the contacts the
//! deployment set, `domain::controller`) and `/accessibilita` (the accessibility statement in
//! AgID's model). Server-rendered, no wasm.

use crate::erased::IntoErased;
use crate::i18n::{date_it, fill, Lang};
use crate::layout::{Page, SignedIn};
use chrono::NaiveDate;
use domain::controller::Controller;
use leptos::prelude::*;

/// The day the accessibility statement was last reviewed (AgID asks for its date; review it
/// with every change to what it lists).
pub const ACCESSIBILITY_REVIEWED: (i32, u32, u32) = (2026, 12, 7);

/// The operator's details, or the settings the deployment has not given.
pub type ControllerSetting = Result<Controller, Vec<&'static str>>;

#[component]
fn ControllerDetails(lang: Lang, controller: ControllerSetting) -> impl IntoView {
    let t = lang.info();
    match controller {
        Ok(c) => view! {
            <dl class="facts controller">
                <dt>{t.operator_label}</dt>
                <dd>{c.name}</dd>
                <dt>{t.address_label}</dt>
                <dd>{c.address}</dd>
                <dt>{t.email_label}</dt>
                <dd><a href=format!("mailto:{}", c.email)>{c.email.clone()}</a></dd>
                <dt>{t.pec_label}</dt>
                <dd><a href=format!("mailto:{}", c.pec)>{c.pec.clone()}</a></dd>
                <dt>{t.dpo_label}</dt>
                <dd><a href=format!("mailto:{}", c.dpo_email)>{c.dpo_email.clone()}</a></dd>
            </dl>
        }
        .erased(),
        Err(missing) => view! {
            <p class="alert alert-warning" role="note">
                {fill(t.controller_missing, &[("settings", &missing.join(", "))])}
            </p>
        }
        .erased(),
    }
}

/// `/privacy`: the controller of each kind of data, the operator's contacts, what is kept, the
/// person's rights.
#[component]
pub fn PrivacyPage(
    lang: Lang,
    user: Option<SignedIn>,
    controller: ControllerSetting,
) -> impl IntoView {
    let t = lang.info();
    let paragraphs =
        |ps: &'static [&'static str]| ps.iter().map(|p| view! { <p>{*p}</p> }).collect_view();
    view! {
        <Page lang=lang title=t.privacy_title.to_owned() user=user>
            <h1>{t.privacy_title}</h1>
            <p class="lead">{t.privacy_lead}</p>
            <h2 id="titolare">{t.controller_title}</h2>
            <p>{t.controller_schools}</p>
            <p>{t.controller_hosts}</p>
            <ControllerDetails lang=lang controller=controller/>
            <h2>{t.data_title}</h2>
            {paragraphs(t.data_text)}
            <p><a href="/enti/pubblica/informativa">{t.hosts_notice_link}</a></p>
            <h2>{t.rights_title}</h2>
            {paragraphs(t.rights_text)}
            // Written, not linked: no page of Ponte leads the browser to another origin.
            <p>{t.garante_where}</p>
        </Page>
    }
}

/// `/accessibilita`: the accessibility statement.
#[component]
pub fn AccessibilitaPage(
    lang: Lang,
    user: Option<SignedIn>,
    controller: ControllerSetting,
) -> impl IntoView {
    let t = lang.info();
    let (y, m, d) = ACCESSIBILITY_REVIEWED;
    let reviewed = NaiveDate::from_ymd_opt(y, m, d)
        .map(date_it)
        .unwrap_or_default();
    let contact = match &controller {
        Ok(c) => view! { <a href=format!("mailto:{}", c.email)>{c.email.clone()}</a> }.erased(),
        Err(_) => view! { <a href="/privacy#titolare">{t.footer_privacy}</a> }.erased(),
    };
    view! {
        <Page lang=lang title=t.a11y_title.to_owned() user=user>
            <h1>{t.a11y_title}</h1>
            <p class="lead">{t.a11y_lead}</p>
            <h2>{t.a11y_status_title}</h2>
            <p>{t.a11y_status}</p>
            <h2>{t.a11y_gaps_title}</h2>
            <ul>{t.a11y_gaps.iter().map(|g| view! { <li>{*g}</li> }).collect_view()}</ul>
            <h2>{t.a11y_method_title}</h2>
            <p>{fill(t.a11y_method, &[("date", &reviewed)])}</p>
            <h2>{t.a11y_feedback_title}</h2>
            <p>{t.a11y_feedback} " " {contact}</p>
            <h2>{t.a11y_enforcement_title}</h2>
            <p>{t.a11y_enforcement}</p>
            <p>{t.a11y_enforcement_where}</p>
        </Page>
    }
}

/// `/traduzioni`: the translations are Ponte's own, the Italian text counts, and how to report
/// an error (the operator's e-mail, or the school office). In the family's language, with the
/// language menu; each language listed in itself.
#[component]
pub fn TraduzioniPage(
    lang: Lang,
    user: Option<SignedIn>,
    controller: ControllerSetting,
) -> impl IntoView {
    let t = lang.info();
    let email = controller.map(|c| c.email).unwrap_or_default();
    view! {
        <Page lang=lang title=t.translations_title.to_owned() user=user lang_menu="/traduzioni">
            <h1>{t.translations_title}</h1>
            <p>{t.translations_text}</p>
            <p>{fill(t.translations_report, &[("email", &email)])}</p>
            <h2>{t.translations_languages}</h2>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|l| view! { <li lang=l.code() dir=l.dir()>{l.name()}</li> })
                    .collect_view()}
            </ul>
        </Page>
    }
}
