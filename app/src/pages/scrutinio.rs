//! `/scuola/{id}/scrutinio`: the list for a class's final scrutiny (`domain::family::Scrutiny`)
//! — the pupils whose year is not valid for attendance, and those whose year depends on
//! derogation requests the council has still to decide — printable for the council's minutes.
//! The class and the day are chosen with a plain GET form.

use crate::erased::{Erased, IntoErased};
use crate::i18n::{date_it, fill, Lang};
use crate::layout::{Page, SignedIn};
use crate::pages::famiglia::hours;
use chrono::NaiveDate;
use domain::family::{Scrutiny, ScrutinyLine, ScrutinyVerdict};
use leptos::prelude::*;

/// `/scuola/{id}/scrutinio`.
#[component]
pub fn ScrutinioPage(
    lang: Lang,
    user: SignedIn,
    school_id: i64,
    /// The classes the person may see, for the choice.
    classes: Vec<String>,
    /// The class chosen and the day asked for, as sent (kept in the form).
    class_sent: String,
    date_sent: Option<NaiveDate>,
    /// The list, once a class the person may see is chosen.
    list: Option<Scrutiny>,
) -> impl IntoView {
    let st = lang.scrutiny();
    let asked_other = !class_sent.is_empty() && list.is_none();
    let date_value = date_sent.map(|d| d.to_string()).unwrap_or_default();
    let list_view = list.map(|s| {
        let (not_valid, pending): (Vec<&ScrutinyLine>, Vec<&ScrutinyLine>) = s
            .lines
            .iter()
            .partition(|l| l.verdict == ScrutinyVerdict::NotValid);
        let summary = fill(
            st.summary,
            &[
                ("pupils", &s.pupils.to_string()),
                ("valid", &s.valid.to_string()),
                ("not_valid", &not_valid.len().to_string()),
                ("pending", &pending.len().to_string()),
            ],
        );
        let heading = fill(
            st.heading,
            &[("class", &s.class_code), ("date", &date_it(s.on))],
        );
        view! {
            <h2 id="elenco">{heading}</h2>
            <p><strong>{summary}</strong></p>
            <h3>{st.not_valid}</h3>
            {table(lang, &not_valid, st.not_valid, st.not_valid_none, "non-validi")}
            <h3>{st.pending}</h3>
            <p>{st.pending_lead}</p>
            {table(lang, &pending, st.pending, st.pending_none, "in-attesa")}
        }
        .erased()
    });
    view! {
        <Page lang=lang title=st.title.to_owned() user=user>
            <p class="no-print">
                <a href=format!("/scuola/{school_id}/frequenza")>{lang.desk().title}</a>
            </p>
            <h1>{st.title}</h1>
            <p class="lead">{st.lead}</p>
            <form method="get" action=format!("/scuola/{school_id}/scrutinio") class="filters no-print">
                <fieldset>
                    <legend>{st.choose}</legend>
                    <label for="s-classe">{st.class}</label>
                    <select id="s-classe" name="classe" required=true>
                        <option value="">{st.choose}</option>
                        {classes
                            .iter()
                            .map(|c| {
                                let selected = *c == class_sent;
                                view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                            })
                            .collect_view()}
                    </select>
                    <label for="s-data">{st.date}</label>
                    <input id="s-data" name="data" type="date" value=date_value aria-describedby="s-data-hint"/>
                    <p id="s-data-hint" class="hint">{st.date_hint}</p>
                    <button type="submit" class="btn btn-primary">{st.apply}</button>
                </fieldset>
            </form>
            {asked_other.then(|| view! { <p class="error" role="alert">{st.no_class}</p> })}
            {list_view}
            <p class="hint no-print">{st.print}</p>
        </Page>
    }
}

/// One of the list's two tables (`id` names it for the tests and the print).
fn table(
    lang: Lang,
    lines: &[&ScrutinyLine],
    caption: &'static str,
    none: &'static str,
    id: &'static str,
) -> Erased {
    let st = lang.scrutiny();
    if lines.is_empty() {
        return view! { <p>{none}</p> }.erased();
    }
    let body = lines
        .iter()
        .map(|l| {
            let requests = l
                .pending
                .iter()
                .map(|r| {
                    let text = fill(
                        st.request,
                        &[
                            ("category", &r.label),
                            ("from", &date_it(r.from)),
                            ("to", &date_it(r.to)),
                        ],
                    );
                    view! { <li>{text}</li> }
                })
                .collect_view();
            view! {
                <tr data-pupil=l.pupil_id>
                    <th scope="row">{format!("{} {}", l.surname, l.name)}</th>
                    <td>{hours(lang, l.annual_hours.saturating_mul(60))}</td>
                    <td>{hours(lang, l.max_absence_hours.saturating_mul(60))}</td>
                    <td>{hours(lang, l.absence_minutes)}</td>
                    <td>{hours(lang, l.derogated_minutes)}</td>
                    <td>{hours(lang, l.counted_absence_minutes)}</td>
                    <td><ul class="plain">{requests}</ul></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" aria-labelledby=format!("{id}-caption") tabindex="0">
            <table class="desk" id=id>
                <caption id=format!("{id}-caption") class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>{st.columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .erased()
}
