use crate::erased::IntoErased;
use crate::i18n::{fill, Lang};
use crate::layout::{Page, SignedIn};
use crate::pages::period_text;
use domain::hosts::HostDetail;
use leptos::prelude::*;
use std::sync::Arc;

/// `/enti/{id}`: one published profile, with contacts. It prints cleanly (the print style
/// sheet leaves out the site's frame and the controls, and writes out the page's address `url`):
/// the "Stampa la scheda" button calls the browser's print through a small external module
/// (`style/stampa.js`; the Content-Security-Policy allows no inline script), and stays hidden
/// where scripts do not run, which get the keyboard shortcut instead.
#[component]
pub fn EntePage(
    lang: Lang,
    user: Option<SignedIn>,
    host: Arc<HostDetail>,
    url: String,
    /// "Torna alla ricerca": the search the profile was found by
    /// (`domain::hosts::HostSearch::back_href`), `/enti` when none.
    back: String,
) -> impl IntoView {
    let t = lang.texts();
    let lt = lang.lists();
    let name = host.summary.name.clone();
    view! {
        <Page lang=lang title=name user=user>
            <p class="back"><a href=back>{t.host_back}</a></p>
            <p class="stampa">
                <button type="button" class="btn btn-secondary" data-stampa hidden>
                    {lt.print}
                </button>
                <noscript>{lt.print_noscript}</noscript>
            </p>
            <script type="module" src=crate::assets::print_js()></script>
            <EnteScheda lang=lang host=host/>
            <p class="print-only">{fill(lt.print_source, &[("url", &url)])}</p>
        </Page>
    }
}

/// The profile as the public sees it: the article of `/enti/{id}`, and the fragment the
/// publishing wizard's preview shows (`POST /enti/pubblica/anteprima`), so what a host previews
/// is exactly what will be published.
#[component]
pub fn EnteScheda(
    lang: Lang,
    host: Arc<HostDetail>,
    /// The publishing wizard's preview: it says so instead of a publication date.
    #[prop(optional)]
    preview: bool,
) -> impl IntoView {
    let t = lang.texts();
    let h = host;
    let s = &h.summary;
    let offers = h
        .body
        .offers
        .iter()
        .map(|o| {
            let periods = o
                .periods
                .iter()
                .map(|p| period_text(t, p))
                .collect::<Vec<_>>()
                .join("; ");
            let figures = o
                .figures
                .iter()
                .map(|f| view! { <li>{format!("{} — {}", f.code, f.title)}</li> })
                .collect_view();
            view! {
                <section class="offer">
                    <h3>{o.path.label()}</h3>
                    <dl class="facts">
                        <div><dt>{t.places_label}</dt><dd>{o.max_students}</dd></div>
                        <div><dt>{t.periods_label}</dt><dd>{periods}</dd></div>
                    </dl>
                    <h4>{t.host_activity}</h4>
                    <p>{o.activity.clone()}</p>
                    <h4>{t.figures_label}</h4>
                    <ul>{figures}</ul>
                </section>
            }
        })
        .collect_view();
    let places = h
        .body
        .places
        .iter()
        .map(|p| {
            let cap = p
                .cap
                .as_deref()
                .map(|c| format!("{c} "))
                .unwrap_or_default();
            view! { <li>{format!("{}, {cap}{} ({})", p.address, p.comune_name, p.province)}</li> }
        })
        .collect_view();
    let c = &h.body.contacts;
    let contact = |label: &'static str, value: &Option<String>, href: Option<String>| {
        value.clone().map(|v| {
            let body = match href {
                Some(href) => view! { <a href=href>{v}</a> }.erased(),
                None => view! { <span>{v}</span> }.erased(),
            };
            view! { <div><dt>{label}</dt><dd>{body}</dd></div> }
        })
    };
    let contacts = view! {
        {contact(t.host_contact_role, &c.person_role, None)}
        {contact(t.host_email, &c.email, c.email.as_ref().map(|e| format!("mailto:{e}")))}
        {contact(t.host_phone, &c.phone, c.phone.as_ref().map(|p| format!("tel:{}", p.replace(' ', ""))))}
        {contact(t.host_pec, &c.pec, None)}
        {contact(t.host_website, &c.website, c.website.clone())}
    };
    let optional = |title: &'static str, text: &Option<String>| {
        text.clone().map(|x| view! { <h2>{title}</h2><p>{x}</p> })
    };
    let ateco = s.ateco.clone().map(|code| {
        let title = h.ateco_title.clone().unwrap_or_default();
        view! { <div><dt>{t.host_ateco}</dt><dd>{format!("{code} {title}")}</dd></div> }
    });
    let name = s.name.clone();
    let kind = s.kind.label();
    let place = format!("{} ({}), {}", s.comune_name, s.province, h.region_name);
    let description = h.body.description.clone();
    let supply_chain = optional(t.host_supply_chain, &h.body.supply_chain);
    let capacities = optional(t.host_capacities, &h.body.capacities);
    // Dates as Italians write them; anything unparsable is shown as stored.
    let published_on = chrono::NaiveDate::parse_from_str(&h.published_at, "%Y-%m-%d")
        .map(crate::i18n::date_it)
        .unwrap_or_else(|_| h.published_at.clone());
    let published = if preview {
        t.host_preview_note.to_owned()
    } else {
        format!("{} {published_on}", t.host_published)
    };
    view! {
        <article class="scheda">
            <h1>{name}</h1>
            <dl class="facts">
                <div><dt>{t.host_kind}</dt><dd>{kind}</dd></div>
                <div><dt>{t.host_where}</dt><dd>{place}</dd></div>
                {ateco}
            </dl>
            <h2>{t.host_description}</h2>
            <p>{description}</p>
            <h2>{t.host_offers}</h2>
            {offers}
            <h2>{t.host_places}</h2>
            <ul>{places}</ul>
            <h2>{t.host_contacts}</h2>
            <dl class="facts">{contacts}</dl>
            {supply_chain}
            {capacities}
            <p class="hint" data-preview=preview.then_some("true")>{published}</p>
        </article>
    }
}
