//! Step 3: the placements offered: for each path kind, places, periods, CP 2011 figures
//! (searched by title) and the activity.

use super::campo::*;
use crate::i18n::fill;
use crate::islands::pubblicazione::campi::*;
use crate::islands::pubblicazione::{described, rete, ErroreCampo, Wizard};
use domain::hosts::PathKind;
use domain::profile::{limits, OfferDraft, PeriodDraft, ProfileDraft};
use leptos::prelude::*;

fn offer(d: &ProfileDraft, p: PathKind) -> Option<&OfferDraft> {
    d.offers.iter().find(|o| o.path == Some(p))
}

fn offer_mut(d: &mut ProfileDraft, p: PathKind) -> Option<&mut OfferDraft> {
    d.offers.iter_mut().find(|o| o.path == Some(p))
}

pub fn percorsi(w: Wizard) -> impl IntoView {
    let t = w.t;
    view! {
        <p>{t.offers_lead}</p>
        {PathKind::ALL.into_iter().map(|p| offerta(w, p)).collect_view()}
    }
}

fn offerta(w: Wizard, p: PathKind) -> impl IntoView {
    let t = w.t;
    let on = Memo::new(move |_| w.draft.with(|d| offer(d, p).is_some()));
    let id = id_offer(p);
    let toggle = move |ev| {
        if event_target_checked(&ev) {
            let kept = w
                .stash
                .try_update_value(|s| {
                    let i = s.iter().position(|o| o.path == Some(p))?;
                    Some(s.remove(i))
                })
                .flatten();
            let o = kept.unwrap_or_else(|| OfferDraft {
                path: Some(p),
                periods: vec![PeriodDraft::default()],
                ..Default::default()
            });
            w.draft.update(|d| {
                d.offers.push(o);
                // The form's order, whatever the order of ticking.
                d.offers.sort_by_key(|o| o.path);
            });
            forget(w, &id_offer(PathKind::ALL[0]));
        } else {
            let removed = w.draft.try_update(|d| {
                let i = d.offers.iter().position(|o| o.path == Some(p))?;
                Some(d.offers.remove(i))
            });
            if let Some(o) = removed.flatten() {
                w.stash.update_value(|s| s.push(o));
            }
            forget(w, &format!("w-{}-", p.as_str()));
        }
    };
    view! {
        <fieldset class="group offer-box">
            <legend>{path_label(t, p)}</legend>
            <div class="choice">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=on
                    on:change=toggle
                    aria-describedby=described(w, id.clone(), false)
                    aria-invalid={
                        let id = id.clone();
                        move || w.error_for(&id).map(|_| "true")
                    }
                />
                <label for=id.clone()>{t.offer_on}</label>
            </div>
            <ErroreCampo w=w id=id/>
            {move || on.get().then(|| offerta_campi(w, p))}
        </fieldset>
    }
}

fn offerta_campi(w: Wizard, p: PathKind) -> impl IntoView {
    let t = w.t;
    view! {
        {campo(
            w,
            Spec::new(id_max_students(p), t.max_students, Input::Digits, 3).hint(t.max_students_hint),
            move |d| offer(d, p).map(|o| o.max_students.clone()).unwrap_or_default(),
            move |d, v| {
                if let Some(o) = offer_mut(d, p) {
                    o.max_students = v;
                }
            },
        )}
        {periodi(w, p)}
        <Figure w=w p=p/>
        {campo(
            w,
            Spec::new(id_activity(p), t.activity, Input::Area, limits::ACTIVITY_MAX).hint(t.activity_hint),
            move |d| offer(d, p).map(|o| o.activity.clone()).unwrap_or_default(),
            move |d, v| {
                if let Some(o) = offer_mut(d, p) {
                    o.activity = v;
                }
            },
        )}
    }
}

fn periodi(w: Wizard, p: PathKind) -> impl IntoView {
    let t = w.t;
    let count = Memo::new(move |_| w.draft.with(|d| offer(d, p).map_or(0, |o| o.periods.len())));
    let add_id = id_period_add(p);
    let add = move |_| {
        let n = w.draft.try_update(|d| {
            let o = offer_mut(d, p)?;
            o.periods.push(PeriodDraft::default());
            Some(o.periods.len())
        });
        if let Some(n) = n.flatten() {
            forget(w, &id_period_add(p));
            rete::focus(&id_period(p, n - 1, "from"));
        }
    };
    let rows = move || {
        let n = count.get();
        (0..n).map(|j| periodo(w, p, j, n)).collect_view()
    };
    view! {
        <fieldset class="group">
            <legend>{t.periods_legend}</legend>
            {rows}
            <ErroreCampo w=w id=add_id.clone()/>
            <button
                type="button"
                id=add_id.clone()
                class="btn btn-secondary"
                aria-describedby=described(w, add_id, false)
                on:click=add
            >
                {t.period_add}
            </button>
        </fieldset>
    }
}

fn periodo(w: Wizard, p: PathKind, j: usize, of: usize) -> impl IntoView {
    let t = w.t;
    let n = (j + 1).to_string();
    let date = move |end: &'static str, label: &'static str| {
        campo(
            w,
            Spec::new(id_period(p, j, end), label, Input::Date, 10),
            move |d| {
                offer(d, p)
                    .and_then(|o| o.periods.get(j))
                    .map(|x| {
                        if end == "from" {
                            x.from.clone()
                        } else {
                            x.to.clone()
                        }
                    })
                    .unwrap_or_default()
            },
            move |d, v| {
                if let Some(x) = offer_mut(d, p).and_then(|o| o.periods.get_mut(j)) {
                    if end == "from" {
                        x.from = v;
                    } else {
                        x.to = v;
                    }
                }
            },
        )
    };
    let remove = move |_| {
        w.draft.update(|d| {
            if let Some(o) = offer_mut(d, p) {
                if j < o.periods.len() {
                    o.periods.remove(j);
                }
            }
        });
        forget(w, &format!("w-{}-period-", p.as_str()));
        rete::focus(&id_period_add(p));
    };
    view! {
        <fieldset class="period">
            <legend>{fill(t.period_n, &[("n", &n)])}</legend>
            <div class="period-dates">
                {date("from", t.period_from)}
                {date("to", t.period_to)}
            </div>
            {(of > 1)
                .then(|| {
                    view! {
                        <button type="button" class="btn btn-secondary btn-small" on:click=remove>
                            {fill(t.period_remove, &[("n", &n)])}
                        </button>
                    }
                })}
        </fieldset>
    }
}

/// The CP 2011 figures: a search by title (`GET /api/v1/cp2011?q=`), its results to add, and
/// the figures chosen to remove.
#[component]
fn Figure(w: Wizard, p: PathKind) -> impl IntoView {
    let t = w.t;
    let q = RwSignal::new(String::new());
    let results = RwSignal::new(Vec::<(String, String, String)>::new());
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let q_id = id_figure_search(p);
    let search = move || cerca(w, q.get_untracked(), results, status, busy);
    let chosen = move || {
        w.draft
            .with(|d| offer(d, p).map(|o| o.figures.clone()).unwrap_or_default())
    };
    let title_of = move |code: &str| {
        w.titles.with(|ts| {
            ts.iter()
                .find(|(c, _)| c == code)
                .map(|(_, title)| title.clone())
        })
    };
    let add = move |code: String, title: String| {
        w.draft.update(|d| {
            if let Some(o) = offer_mut(d, p) {
                if !o.figures.contains(&code) {
                    o.figures.push(code.clone());
                }
            }
        });
        w.titles.update(|ts| {
            if !ts.iter().any(|(c, _)| *c == code) {
                ts.push((code.clone(), title.clone()));
            }
        });
        forget(w, &id_figure_search(p));
        status.set(fill(
            t.figures_added,
            &[("title", &format!("{code} {title}"))],
        ));
    };
    let remove = move |k: usize| {
        w.draft.update(|d| {
            if let Some(o) = offer_mut(d, p) {
                if k < o.figures.len() {
                    o.figures.remove(k);
                }
            }
        });
        forget(w, &format!("w-{}-figure-", p.as_str()));
        rete::focus(&id_figure_search(p));
    };
    let result_list = move || {
        let list = results.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|(code, title, level)| {
                    let name = format!("{} {code} {title}", t.figures_add);
                    let text = format!("{code} — {title}");
                    view! {
                        <li>
                            <span>{text} " " <span class="hint">{format!("({level})")}</span></span>
                            <button
                                type="button"
                                class="btn btn-secondary btn-small"
                                aria-label=name
                                on:click=move |_| add(code.clone(), title.clone())
                            >
                                {t.figures_add}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="figure-list" aria-label=t.figures_results>{items}</ul> }
        })
    };
    let chosen_list = move || {
        let list = chosen();
        if list.is_empty() {
            return branch!(Either::Left, view! { <p>{t.figures_none_chosen}</p> });
        }
        let items = list
            .into_iter()
            .enumerate()
            .map(|(k, code)| {
                let text = match title_of(&code) {
                    Some(title) => format!("{code} — {title}"),
                    None => code.clone(),
                };
                let id = id_figure(p, k);
                let name = format!("{} {text}", t.figures_remove);
                view! {
                    <li>
                        <span>{text}</span>
                        <button
                            type="button"
                            id=id.clone()
                            class="btn btn-secondary btn-small"
                            aria-label=name
                            aria-describedby=described(w, id.clone(), false)
                            on:click=move |_| remove(k)
                        >
                            {t.figures_remove}
                        </button>
                        <ErroreCampo w=w id=id/>
                    </li>
                }
            })
            .collect_view();
        branch!(
            Either::Right,
            view! { <ul class="figure-list">{items}</ul> }
        )
    };
    let heading_id = format!("w-{}-figures-chosen", p.as_str());
    view! {
        <fieldset class="group">
            <legend>{t.figures_legend}</legend>
            <div class="field">
                <label for=q_id.clone()>{t.figures_q}</label>
                <p id=format!("{q_id}-hint") class="hint">{t.figures_q_hint}</p>
                <ErroreCampo w=w id=q_id.clone()/>
                <div class="search-row">
                    <input
                        type="search"
                        id=q_id.clone()
                        maxlength="100"
                        prop:value=q
                        aria-describedby=described(w, q_id.clone(), true)
                        on:input=move |ev| q.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                search();
                            }
                        }
                    />
                    <button
                        type="button"
                        class="btn btn-secondary"
                        disabled=move || busy.get()
                        on:click=move |_| search()
                    >
                        {t.figures_search}
                    </button>
                </div>
            </div>
            <p class="hint" aria-live="polite">{move || status.get()}</p>
            {result_list}
            <h3 id=heading_id.clone() class="subheading">{t.figures_chosen}</h3>
            <div aria-labelledby=heading_id role="group">{chosen_list}</div>
        </fieldset>
    }
}

/// `GET /api/v1/cp2011?q=…`: up to 20 figures at any level.
fn cerca(
    w: Wizard,
    q: String,
    results: RwSignal<Vec<(String, String, String)>>,
    status: RwSignal<String>,
    busy: RwSignal<bool>,
) {
    let q = q.trim().to_owned();
    if q.is_empty() {
        return;
    }
    busy.set(true);
    leptos::task::spawn_local(async move {
        let url = format!("/api/v1/cp2011?q={}", rete::encode(&q));
        match rete::get_json(&url).await {
            Ok(a) if a.status == 200 => {
                let list: Vec<(String, String, String)> = rete::items(&a.body, "items")
                    .iter()
                    .filter_map(|i| {
                        Some((
                            rete::text(i, "code")?,
                            rete::text(i, "title")?,
                            rete::text(i, "level").unwrap_or_default(),
                        ))
                    })
                    .collect();
                status.set(if list.is_empty() {
                    w.t.figures_none_found.to_owned()
                } else {
                    fill(w.t.figures_found, &[("n", &list.len().to_string())])
                });
                results.set(list);
            }
            Ok(a) => {
                results.set(Vec::new());
                status.set(
                    rete::error_of(&a.body)
                        .1
                        .unwrap_or_else(|| w.t.server_error.to_owned()),
                );
            }
            Err(()) => status.set(w.t.network_error.to_owned()),
        }
        busy.set(false);
    });
}
