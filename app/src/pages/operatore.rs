//! `/operatore`: the review queue of Ponte's operators — declarations whose proof the registry
//! of record did not confirm (docs/publishing.md, "Review"). Each shows its evidence and a form
//! to approve or refuse it with a reason.

use crate::erased::IntoErased;
use crate::i18n::{fill, Lang};
use crate::layout::{Page, SignedIn};
use leptos::prelude::*;

/// A declaration in review, in words.
#[derive(Debug, Clone)]
pub struct ReviewRow {
    pub code: String,
    pub name: String,
    /// "Impresa, partita IVA 01234567897", …
    pub identity: String,
    /// What arrived, from whom.
    pub proof: String,
    pub arrived: String,
    pub reason: String,
    /// What the registry said.
    pub registry: String,
    pub live: String,
    pub live_host: Option<i64>,
}

#[component]
pub fn OperatorePage(lang: Lang, user: SignedIn, rows: Vec<ReviewRow>) -> impl IntoView {
    let o = lang.operator();
    let csrf = user.csrf.clone();
    view! {
        <Page lang=lang title=o.title.to_owned() user=user>
            <h1>{o.title}</h1>
            <p class="lead">{o.lead}</p>
            {if rows.is_empty() {
                view! { <p>{o.none}</p> }.erased()
            } else {
                view! {
                    <ul class="requests">
                        {rows
                            .into_iter()
                            .map(|r| {
                                let note_id = format!("note-{}", r.code);
                                view! {
                                    <li class="card" data-declaration=r.code.clone()>
                                        <h2>{r.name}</h2>
                                        <p class="hint">{fill(o.code, &[("code", &r.code)])}</p>
                                        <dl class="facts">
                                            <dt>{o.identity}</dt>
                                            <dd>{r.identity}</dd>
                                            <dt>{o.proof}</dt>
                                            <dd>{r.proof}</dd>
                                            <dt>{o.arrived}</dt>
                                            <dd>{r.arrived}</dd>
                                            <dt>{o.reason}</dt>
                                            <dd>{r.reason}</dd>
                                            <dt>{o.registry}</dt>
                                            <dd>{r.registry}</dd>
                                            <dt>{o.live}</dt>
                                            <dd>
                                                {r.live}
                                                {r
                                                    .live_host
                                                    .map(|id| {
                                                        view! {
                                                            " · "
                                                            <a href=format!("/enti/{id}")>{o.profile_link}</a>
                                                        }
                                                    })}
                                            </dd>
                                        </dl>
                                        <form
                                            method="post"
                                            action=format!("/api/v1/declarations/{}/review", r.code)
                                        >
                                            <input type="hidden" name="csrf" value=csrf.clone()/>
                                            <input type="hidden" name="next" value="/operatore"/>
                                            <label for=note_id.clone()>{o.note}</label>
                                            <p class="hint" id=format!("{note_id}-hint")>{o.note_hint}</p>
                                            <textarea
                                                id=note_id.clone()
                                                name="note"
                                                required
                                                maxlength="500"
                                                rows="3"
                                                aria-describedby=format!("{note_id}-hint")
                                            ></textarea>
                                            <p class="inline-form">
                                                <button
                                                    type="submit"
                                                    name="decision"
                                                    value="approve"
                                                    class="btn btn-primary"
                                                >
                                                    {o.approve}
                                                </button>
                                                <button
                                                    type="submit"
                                                    name="decision"
                                                    value="refuse"
                                                    class="btn btn-secondary"
                                                >
                                                    {o.refuse}
                                                </button>
                                            </p>
                                        </form>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .erased()
            }}
        </Page>
    }
}
