//! What `/enti` adds for schools (docs/design.md §4, "Schools use the results"): the link to
//! download the search as CSV (for everyone), and for signed-in school staff the choice of the
//! class whose list they are building and, on each result, the button that adds the host to it
//! or takes it off. Plain forms: they work without JavaScript, and each carries the session's
//! CSRF token like the school's other forms.

use crate::i18n::{fill, Lang};
use domain::hosts::HostSearch;
use domain::shortlist::EXPORT_MAX_ROWS;
use leptos::prelude::*;
use std::sync::Arc;

/// What the worker gathered for these parts of `/enti`.
#[derive(Debug, Clone, Default)]
pub struct ListaDati {
    pub lang: Lang,
    /// Set when the viewer is school staff with at least one class they may use.
    pub staff: Option<Arc<Lista>>,
}

/// The lists a member of staff may build, and the one they are building.
#[derive(Debug, Clone)]
pub struct Lista {
    pub csrf: String,
    pub schools: Vec<ListaScuola>,
    pub current: Option<ListaCorrente>,
    /// This page of results (path and query): where the forms come back to.
    pub back: String,
}

/// One school and the classes whose lists the person may use there.
#[derive(Debug, Clone)]
pub struct ListaScuola {
    pub school_id: i64,
    pub name: String,
    pub classes: Vec<String>,
}

/// The list being built: its school, class and the hosts on it now.
#[derive(Debug, Clone)]
pub struct ListaCorrente {
    pub school_id: i64,
    pub school: String,
    pub class: String,
    pub listed: Vec<u64>,
}

/// The value of a choice in the select and in the cookie (`domain::shortlist::Choice`).
fn choice(school_id: i64, class: &str) -> String {
    format!("{school_id}-{class}")
}

/// Above the form: which class's list the results are added to, and the choice of another.
#[component]
pub fn ListaPannello(data: ListaDati) -> Option<impl IntoView> {
    let lt = data.lang.lists();
    let lista = data.staff?;
    let current = lista.current.clone();
    let selected = current
        .as_ref()
        .map(|c| choice(c.school_id, &c.class))
        .unwrap_or_default();
    let groups = lista
        .schools
        .iter()
        .map(|s| {
            let options = s
                .classes
                .iter()
                .map(|c| {
                    let v = choice(s.school_id, c);
                    let sel = v == selected;
                    view! { <option value=v selected=sel>{c.clone()}</option> }
                })
                .collect_view();
            view! { <optgroup label=s.name.clone()>{options}</optgroup> }
        })
        .collect_view();
    let status = current.map(|c| {
        let n = c.listed.len() as u64;
        view! {
            <p>
                {fill(lt.panel_current, &[("class", &c.class), ("school", &c.school)])}
                " "
                {fill(lt.panel_count.pick(n), &[("n", &data.lang.number(n))])}
                " "
                <a href=format!("/scuola/{}/liste#classe-{}", c.school_id, c.class)>
                    {lt.panel_open}
                </a>
            </p>
        }
    });
    Some(view! {
        <section class="lista-panel" aria-labelledby="lista-titolo">
            <h2 id="lista-titolo">{lt.panel_title}</h2>
            <p class="hint">{lt.panel_lead}</p>
            {status}
            <form method="post" action="/enti/lista" class="inline-form">
                <input type="hidden" name="csrf" value=lista.csrf.clone()/>
                <input type="hidden" name="next" value=lista.back.clone()/>
                <label for="lista-classe">{lt.panel_class}</label>
                <select id="lista-classe" name="lista">
                    <option value="">{lt.panel_no_list}</option>
                    {groups}
                </select>
                <button type="submit" class="btn btn-secondary">{lt.panel_choose}</button>
            </form>
        </section>
    })
}

/// On a result: add the host to the list being built, or take it off.
#[component]
pub fn ListaBottone(data: ListaDati, host_id: u64, name: String) -> Option<impl IntoView> {
    let lt = data.lang.lists();
    let lista = data.staff?;
    let c = lista.current.as_ref()?;
    let listed = c.listed.contains(&host_id);
    let (action, label) = if listed {
        ("/removal", lt.remove_from)
    } else {
        ("", lt.add)
    };
    let anchor = format!("lista-{host_id}");
    let next = format!("{}#{anchor}", lista.back);
    let class = [("class", c.class.as_str())];
    Some(view! {
        <form
            method="post"
            action=format!("/api/v1/schools/{}/shortlists{action}", c.school_id)
            class="lista-azione"
            id=anchor
        >
            <input type="hidden" name="csrf" value=lista.csrf.clone()/>
            <input type="hidden" name="next" value=next/>
            <input type="hidden" name="class" value=c.class.clone()/>
            <input type="hidden" name="host_id" value=host_id.to_string()/>
            {listed.then(|| view! { <p class="lista-stato">{fill(lt.listed, &class)}</p> })}
            <button type="submit" class=if listed { "btn btn-secondary" } else { "btn btn-primary" }>
                {fill(label, &class)}
                <span class="visually-hidden">{format!(": {name}")}</span>
            </button>
        </form>
    })
}

/// Beside the count of results: the same search as a CSV file, with its row limit.
#[component]
pub fn EntiCsv(data: ListaDati, search: HostSearch) -> impl IntoView {
    let lt = data.lang.lists();
    let qs: Vec<String> = search
        .filter_pairs()
        .iter()
        .map(|(k, v)| format!("{k}={}", domain::query::encode_component(v)))
        .collect();
    let href = if qs.is_empty() {
        "/enti.csv".to_owned()
    } else {
        format!("/enti.csv?{}", qs.join("&"))
    };
    let max = data.lang.number(u64::from(EXPORT_MAX_ROWS));
    view! {
        <p class="results-export">
            <a href=href download="enti.csv">{lt.csv_link}</a>
            " "
            <span class="hint">{format!("({})", fill(lt.csv_hint, &[("max", &max)]))}</span>
        </p>
    }
}
