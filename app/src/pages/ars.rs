//! `/scuola/{id}/ars`: the school's ARS communications (seed 000; `domain::attendance::ars`) —
//! the regional calendar's deadlines with the days left, then one list per communication with
//! its deadline, each pupil's reason, a form to mark it as sent (`POST /api/v1/pupils/{id}/ars`,
//! back here with a `303`), and the list as CSV. For the office and the head teacher only.

use crate::erased::{Erased, IntoErased};
use crate::i18n::{date_it, fill, Lang};
use crate::i18n_ars::ArsTexts;
use crate::layout::{Page, SignedIn};
use domain::api::types::{ArsItem, ArsList, SchoolArs};
use leptos::prelude::*;

/// `2025/26`.
pub fn school_year_label(start: i32) -> String {
    format!("{start}/{:02}", (start + 1).rem_euclid(100))
}

/// `/scuola/{id}/ars`.
#[component]
pub fn ArsPage(
    lang: Lang,
    user: SignedIn,
    school_id: i64,
    school: String,
    ars: SchoolArs,
) -> impl IntoView {
    let at = lang.ars();
    let csrf = user.csrf.clone();
    let today = ars.as_of;
    let calendar = if ars.calendar.is_empty() {
        view! { <p>{at.calendar_none}</p> }.erased()
    } else {
        view! {
            <ul class="ars-calendar">
                {ars
                    .calendar
                    .iter()
                    .map(|d| {
                        view! {
                            <li data-operation=d.operation.code()>
                                <strong>{fill(at.due_by, &[("date", &date_it(d.by))])}</strong>
                                " — "
                                {at.operation(d.operation)}
                                " ("
                                {at.left(lang, d.days_left)}
                                ")"
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .erased()
    };
    let summary = ars
        .lists
        .iter()
        .map(|l| {
            let code = l.communication.code();
            view! {
                <li>
                    <a href=format!("#{code}")>{at.communication(l.communication)}</a>
                    ": "
                    <span data-to-send=l.to_send>{lang.count(&at.to_send, u64::from(l.to_send), &[])}</span>
                </li>
            }
        })
        .collect_view();
    let all_csv = format!("/api/v1/schools/{school_id}/ars?format=csv");
    let lists = ars
        .lists
        .iter()
        .map(|l| list(lang, at, school_id, &csrf, today, l))
        .collect_view();
    view! {
        <Page lang=lang title=at.title.to_owned() user=user>
            <h1>{at.title}</h1>
            <p class="lead">{school}</p>
            <p>{at.lead}</p>
            <p>{fill(at.as_of, &[("date", &date_it(today))])}</p>
            <h2>{fill(at.calendar_heading, &[("year", &school_year_label(ars.school_year))])}</h2>
            {calendar}
            <nav aria-label=at.summary_label>
                <ul class="ars-summary">{summary}</ul>
            </nav>
            <p>
                <a class="btn btn-secondary" href=all_csv download="ars.csv">{at.export_all}</a>
            </p>
            {lists}
            <p class="hint">{at.not_held}</p>
            <p class="hint">{at.source}</p>
        </Page>
    }
}

/// One communication's section.
fn list(
    lang: Lang,
    at: &'static ArsTexts,
    school_id: i64,
    csrf: &str,
    today: chrono::NaiveDate,
    l: &ArsList,
) -> Erased {
    let code = l.communication.code();
    let due = match l.due_by {
        Some(by) => Some(format!(
            "{} ({})",
            fill(at.due_by, &[("date", &date_it(by))]),
            at.left(lang, by.signed_duration_since(today).num_days())
        )),
        None if l.communication.operation().is_some() => Some(at.due_not_loaded.to_owned()),
        None => None,
    };
    let csv = format!("/api/v1/schools/{school_id}/ars?format=csv&comunicazione={code}");
    let body = if l.items.is_empty() {
        view! { <p>{at.none}</p> }.erased()
    } else {
        let rows = l
            .items
            .iter()
            .map(|i| row(at, school_id, csrf, today, l, i))
            .collect_view();
        view! {
            <div class="table-wrap" role="region" aria-labelledby=format!("{code}-caption") tabindex="0">
                <table class="desk ars" id=format!("tabella-{code}")>
                    <caption id=format!("{code}-caption") class="visually-hidden">
                        {at.communication(l.communication)}
                    </caption>
                    <thead>
                        <tr>{at.columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p>
                <a href=csv download=format!("ars-{code}.csv")>{at.export}</a>
            </p>
        }
        .erased()
    };
    view! {
        <section class="ars-list" id=code data-communication=code>
            <h2>{at.communication(l.communication)}</h2>
            <p>{at.communication_lead(l.communication)}</p>
            {due.map(|d| view! { <p><strong>{d}</strong></p> })}
            <p>{lang.count(&at.to_send, u64::from(l.to_send), &[])}</p>
            {body}
        </section>
    }
    .erased()
}

/// One pupil's line, with the form that marks it as sent.
fn row(
    at: &'static ArsTexts,
    school_id: i64,
    csrf: &str,
    today: chrono::NaiveDate,
    l: &ArsList,
    i: &ArsItem,
) -> Erased {
    let code = l.communication.code();
    let why = match i.need.event_on {
        Some(on) => format!(
            "{} — {}",
            at.basis(&i.need.basis),
            fill(at.event_on, &[("date", &date_it(on))])
        ),
        None => at.basis(&i.need.basis),
    };
    let sent = match &i.sent {
        Some(s) => {
            let who = s.by_name.clone().unwrap_or_else(|| s.by.clone());
            view! { <span class="sent">{fill(at.sent, &[("date", &date_it(s.on)), ("who", &who)])}</span> }
                .erased()
        }
        None => {
            let id = format!("inviata-{code}-{}", i.pupil_id);
            view! {
                <form method="post" action=format!("/api/v1/pupils/{}/ars", i.pupil_id) class="ars-sent">
                    <input type="hidden" name="csrf" value=csrf.to_owned()/>
                    <input type="hidden" name="communication" value=code/>
                    <input type="hidden" name="next" value=format!("/scuola/{school_id}/ars#{code}")/>
                    <label for=id.clone()>{at.sent_on}</label>
                    <input type="date" id=id name="sent_on" value=today.to_string() max=today.to_string() required=true/>
                    <button
                        type="submit"
                        class="btn btn-primary"
                        aria-label=format!("{} — {} {}", at.mark, i.surname, i.name)
                    >
                        {at.mark}
                    </button>
                </form>
            }
            .erased()
        }
    };
    view! {
        <tr data-pupil=i.pupil_id class:overdue=i.overdue>
            <th scope="row">{format!("{} {}", i.surname, i.name)}</th>
            <td>{i.class_code.clone()}</td>
            <td>{i.matricola.clone()}</td>
            <td>{i.codice_fiscale.clone().unwrap_or_default()}</td>
            <td>{i.birth_date.map(date_it).unwrap_or_default()}</td>
            <td>{why}</td>
            <td>
                {at.due(&i.need.due)}
                {i.overdue.then(|| view! { <strong class="overdue-flag">{format!(" — {}", at.overdue)}</strong> })}
            </td>
            <td>{sent}</td>
        </tr>
    }
    .erased()
}
