//! `/scuola/{id}/liste`: each class's shortlist of hosts (docs/design.md §4, "Schools use the
//! results"), with what a teacher needs to call them, a way to remove each, the CSV files, and
//! the way to search hosts for a class. Plain forms, no island.

use crate::erased::IntoErased;
use crate::i18n::{date_it, fill, Lang};
use crate::layout::{Page, SignedIn};
use crate::pages::period_text;
use domain::shortlist::{ClassShortlist, ShortlistEntry, Shortlists};
use leptos::prelude::*;

#[component]
pub fn ListePage(lang: Lang, user: SignedIn, lists: Shortlists) -> impl IntoView {
    let lt = lang.lists();
    let csrf = user.csrf.clone();
    let school_id = lists.school_id;
    let choices = lists
        .classes
        .iter()
        .map(|c| {
            let v = format!("{school_id}-{}", c.class_code);
            view! { <option value=v>{c.class_code.clone()}</option> }
        })
        .collect_view();
    let body = if lists.classes.is_empty() {
        view! { <p>{lt.no_classes}</p> }.erased()
    } else {
        let classes = lists
            .classes
            .iter()
            .map(|c| view! { <Classe lang=lang school_id=school_id csrf=csrf.clone() list=c.clone()/> })
            .collect_view();
        view! {
            <form method="post" action="/enti/lista" class="inline-form lista-cerca">
                <input type="hidden" name="csrf" value=csrf.clone()/>
                <input type="hidden" name="next" value="/enti"/>
                <label for="lista-classe">{lt.search_for}</label>
                <select id="lista-classe" name="lista">{choices}</select>
                <button type="submit" class="btn btn-primary">{lt.search_button}</button>
            </form>
            <p>
                <a href=format!("/api/v1/schools/{school_id}/shortlists?format=csv") download="liste-enti.csv">
                    {lt.csv_all}
                </a>
            </p>
            {classes}
        }
        .erased()
    };
    view! {
        <Page lang=lang title=lt.title.to_owned() user=user>
            <p><a href="/scuola">{lang.texts().school_title}</a></p>
            <h1>{lt.title}</h1>
            <p class="lead">{lists.school.clone()}</p>
            <p>{lt.lead}</p>
            {body}
        </Page>
    }
}

#[component]
fn Classe(lang: Lang, school_id: i64, csrf: String, list: ClassShortlist) -> impl IntoView {
    let lt = lang.lists();
    let class = list.class_code.clone();
    let n = list.items.len() as u64;
    let heading = fill(lt.class_heading, &[("class", &class)]);
    let count = fill(lt.class_count.pick(n), &[("n", &lang.number(n))]);
    let items = if list.items.is_empty() {
        view! { <p>{lt.empty}</p> }.erased()
    } else {
        let cards = list
            .items
            .iter()
            .map(|e| {
                view! {
                    <Voce
                        lang=lang
                        school_id=school_id
                        csrf=csrf.clone()
                        class=class.clone()
                        entry=e.clone()
                    />
                }
            })
            .collect_view();
        view! {
            <p>
                <a
                    href=format!("/api/v1/schools/{school_id}/shortlists?format=csv&class={class}")
                    download=format!("lista-enti-{class}.csv")
                >
                    {fill(lt.csv_class, &[("class", &class)])}
                </a>
            </p>
            <ol class="cards">{cards}</ol>
        }
        .erased()
    };
    view! {
        <section class="lista-classe" id=format!("classe-{class}") data-class=class.clone()>
            <h2>{heading} <span class="hint">{format!(" · {count}")}</span></h2>
            {items}
        </section>
    }
}

#[component]
fn Voce(
    lang: Lang,
    school_id: i64,
    csrf: String,
    class: String,
    entry: ShortlistEntry,
) -> impl IntoView {
    let t = lang.texts();
    let lt = lang.lists();
    let e = entry;
    let added_on = domain::clock::rome_time(e.added_at)
        .map(|d| date_it(d.date()))
        .unwrap_or_default();
    let added = fill(lt.added, &[("who", &e.added_by), ("date", &added_on)]);
    let facts = e.host.as_ref().map(|h| {
        let paths = h
            .paths
            .iter()
            .map(|p| p.label())
            .collect::<Vec<_>>()
            .join(" · ");
        let periods = h
            .periods
            .iter()
            .map(|p| period_text(t, p))
            .collect::<Vec<_>>()
            .join("; ");
        view! {
            <p class="card-meta">
                <span class="badge">{h.kind.label()}</span>
                " "
                <span>{format!("{} ({})", h.comune_name, h.province)}</span>
            </p>
            <dl class="card-facts">
                <div><dt>{lt.paths}</dt><dd>{paths}</dd></div>
                <div><dt>{t.places_label}</dt><dd>{h.max_students}</dd></div>
                <div><dt>{t.periods_label}</dt><dd>{periods}</dd></div>
            </dl>
        }
    });
    let contacts = e.published.then(|| {
        let c = e.contacts.clone().unwrap_or(domain::hosts::Contacts {
            person_role: None,
            email: None,
            phone: None,
            pec: None,
            website: None,
        });
        let row = |label: &'static str, v: Option<String>, href: Option<String>| {
            v.map(|v| {
                let value = match href {
                    Some(h) => view! { <a href=h>{v}</a> }.erased(),
                    None => view! { <span>{v}</span> }.erased(),
                };
                view! { <div><dt>{label}</dt><dd>{value}</dd></div> }
            })
        };
        let any = [&c.person_role, &c.email, &c.phone, &c.pec, &c.website]
            .iter()
            .any(|v| v.is_some());
        let email_href = c.email.as_ref().map(|e| format!("mailto:{e}"));
        let phone_href = c
            .phone
            .as_ref()
            .map(|p| format!("tel:{}", p.replace(' ', "")));
        let website = c.website.clone();
        if any {
            view! {
                <h3 class="visually-hidden">{lt.contacts}</h3>
                <dl class="card-facts contatti">
                    {row(t.host_contact_role, c.person_role, None)}
                    {row(t.host_email, c.email, email_href)}
                    {row(t.host_phone, c.phone, phone_href)}
                    {row(t.host_pec, c.pec, None)}
                    {row(t.host_website, c.website, website)}
                </dl>
            }
            .erased()
        } else {
            view! { <p class="hint">{lt.no_contacts}</p> }.erased()
        }
    });
    let title = if e.published {
        view! { <a href=format!("/enti/{}", e.host_id)>{e.name.clone()}</a> }.erased()
    } else {
        view! { <span>{e.name.clone()}</span> }.erased()
    };
    view! {
        <li class="card" data-host=e.host_id data-published=if e.published { "true" } else { "false" }>
            <h3 class="card-title">{title}</h3>
            {(!e.published).then(|| view! { <p class="alert alert-warning">{lt.not_published}</p> })}
            {facts}
            {contacts}
            <p class="hint">{added}</p>
            <form
                method="post"
                action=format!("/api/v1/schools/{school_id}/shortlists/removal")
                class="inline-form"
            >
                <input type="hidden" name="csrf" value=csrf/>
                <input type="hidden" name="next" value=format!("/scuola/{school_id}/liste#classe-{class}")/>
                <input type="hidden" name="class" value=class.clone()/>
                <input type="hidden" name="host_id" value=e.host_id.to_string()/>
                <button type="submit" class="btn btn-secondary">
                    {lt.remove}
                    <span class="visually-hidden">{format!(": {} ({})", e.name, class)}</span>
                </button>
            </form>
        </li>
    }
}
