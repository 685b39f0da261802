//! `/scuola/{id}/frequenza`: the school's attendance desk — every pupil the person may see, with
//! the family dashboard's figures (`domain::family::DeskRow`), filtered and sorted by the
//! address (a plain GET form: the filters are a link one can share), the list as CSV, a class's
//! list printable from the browser.

use crate::erased::IntoErased;
use crate::exports::desk_cells;
use crate::i18n::{date_it, fill, Lang};
use crate::layout::{Page, SignedIn};
use chrono::NaiveDate;
use domain::attendance::SchoolGrade;
use domain::family::{DeskQuery, DeskRow, DeskSort, Standing};
use leptos::prelude::*;

/// `/scuola/{id}/frequenza`.
#[component]
pub fn FrequenzaPage(
    lang: Lang,
    user: SignedIn,
    school_id: i64,
    as_of: NaiveDate,
    /// The classes and grades the person's pupils are in, for the filters.
    classes: Vec<String>,
    grades: Vec<SchoolGrade>,
    query: DeskQuery,
    rows: Vec<DeskRow>,
    /// The address of the same list as CSV.
    csv: String,
) -> impl IntoView {
    let dt = lang.desk();
    let ft = lang.family();
    let class_sent = query.class.clone().unwrap_or_default();
    let scrutiny_link = match &query.class {
        Some(c) => format!("/scuola/{school_id}/scrutinio?classe={c}"),
        None => format!("/scuola/{school_id}/scrutinio"),
    };
    let count = lang.count(&dt.count, rows.len() as u64, &[]);
    let body = rows
        .iter()
        .map(|r| {
            let cells = desk_cells(lang, r);
            let over = r.is(Standing::Over);
            view! {
                <tr data-pupil=r.pupil_id class:over=over>
                    {cells
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            if i == 0 {
                                view! { <th scope="row">{c}</th> }.erased()
                            } else {
                                view! { <td>{c}</td> }.erased()
                            }
                        })
                        .collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <Page lang=lang title=dt.title.to_owned() user=user>
            <p class="no-print"><a href="/scuola">{lang.texts().school_title}</a></p>
            <h1>{dt.title}</h1>
            <p class="lead">{dt.lead}</p>
            <p>{fill(dt.as_of, &[("date", &date_it(as_of))])}</p>
            <form method="get" action=format!("/scuola/{school_id}/frequenza") class="filters no-print">
                <fieldset>
                    <legend>{dt.filters}</legend>
                    <label for="f-classe">{dt.class}</label>
                    <select id="f-classe" name="classe">
                        <option value="">{dt.any}</option>
                        {classes
                            .iter()
                            .map(|c| {
                                let selected = *c == class_sent;
                                view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                            })
                            .collect_view()}
                    </select>
                    <label for="f-ordine">{dt.grade}</label>
                    <select id="f-ordine" name="ordine">
                        <option value="">{dt.any}</option>
                        {grades
                            .iter()
                            .map(|g| {
                                let selected = query.grade == Some(*g);
                                view! { <option value=g.code() selected=selected>{ft.grade(*g)}</option> }
                            })
                            .collect_view()}
                    </select>
                    <label for="f-stato">{dt.standing}</label>
                    <select id="f-stato" name="stato">
                        <option value="">{dt.any}</option>
                        {Standing::ALL
                            .iter()
                            .map(|s| {
                                let selected = query.standing == Some(*s);
                                view! { <option value=s.as_str() selected=selected>{dt.standing(*s)}</option> }
                            })
                            .collect_view()}
                    </select>
                    <label for="f-ordina">{dt.sort}</label>
                    <select id="f-ordina" name="ordina">
                        {DeskSort::ALL
                            .iter()
                            .map(|s| {
                                let selected = query.sort == *s;
                                view! { <option value=s.as_str() selected=selected>{dt.sort(*s)}</option> }
                            })
                            .collect_view()}
                    </select>
                    <button type="submit" class="btn btn-primary">{dt.apply}</button>
                </fieldset>
            </form>
            <p class="no-print"><a href=csv>{dt.csv}</a></p>
            <p class="no-print">
                <a href=scrutiny_link>{lang.scrutiny().link}</a>
            </p>
            <p class="hint no-print">{dt.print}</p>
            <p><strong>{count}</strong></p>
            {if rows.is_empty() {
                view! { <p>{dt.none}</p> }.erased()
            } else {
                view! {
                    <div class="table-wrap" role="region" aria-label=dt.table_label tabindex="0">
                        <table class="desk">
                            <caption class="visually-hidden">{dt.table_label}</caption>
                            <thead>
                                <tr>
                                    {dt
                                        .columns
                                        .iter()
                                        .map(|c| view! { <th scope="col">{*c}</th> })
                                        .collect_view()}
                                </tr>
                            </thead>
                            <tbody>{body}</tbody>
                        </table>
                    </div>
                }
                    .erased()
            }}
        </Page>
    }
}
