//! `/scuola/{id}/richieste`: the families' requests to decide, each with its form (a
//! justification: accept, or refuse with a reason from the list; a derogation: the class
//! council's date and reason, the documents at the office, recorded by the class coordinator or
//! the head teacher), the decisions just taken with their undo, and
//! `/scuola/{id}/richieste/decise`: the history of decisions (`domain::family::Ruling`).

use super::famiglia::ProblemNote;
use crate::erased::IntoErased;
use crate::i18n::{fill, Lang};
use crate::layout::{Choice, Page, SignedIn};
use domain::api::types::RequestKind;
use domain::family::RefusalReason;
use leptos::prelude::*;

fn label_of(lang: Lang, kind: RequestKind) -> &'static str {
    let ft = lang.family();
    match kind {
        RequestKind::Justification => ft.rq_justification,
        RequestKind::Deroga => ft.rq_deroga,
    }
}

/// Whose request it is: "Richiesta di deroga · Rossi Anna (3A)", with its dates when given.
#[component]
fn Whose(
    lang: Lang,
    kind: RequestKind,
    pupil: String,
    class: String,
    #[prop(optional)] dates: Option<String>,
) -> impl IntoView {
    view! {
        <p>
            <strong>{label_of(lang, kind)}</strong>
            " · "
            {pupil}
            " ("
            {class}
            ")"
            {dates.map(|d| format!(" · {d}"))}
        </p>
    }
}

/// A family's request waiting for a decision.
#[derive(Debug, Clone)]
pub struct RequestRow {
    pub kind: RequestKind,
    pub id: i64,
    pub pupil: String,
    pub class: String,
    pub dates: String,
    /// The absence kind or the derogation category, in words.
    pub what: String,
    pub reason: Option<String>,
    pub requested: String,
    /// The day it was sent (`YYYY-MM-DD`): the council cannot have met before.
    pub requested_on: String,
    /// Whether the person may record the decision (`Access::can_rule_deroga` for derogations).
    pub decides: bool,
}

/// A decision form the worker refused: which request, the field at fault, the message, and
/// what was sent (shown again).
#[derive(Debug, Clone)]
pub struct DecisionProblem {
    pub kind: RequestKind,
    pub id: i64,
    pub field: Option<String>,
    pub message: String,
    pub values: Vec<(String, String)>,
}

impl DecisionProblem {
    fn value(&self, k: &str) -> &str {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == k)
            .map_or("", |(_, v)| v.as_str())
    }

    fn on(&self, field: &str) -> bool {
        self.field.as_deref() == Some(field)
    }
}

/// A decision the person took and may still undo.
#[derive(Debug, Clone)]
pub struct RecentDecision {
    pub kind: RequestKind,
    pub request_id: i64,
    pub pupil: String,
    pub class: String,
    pub dates: String,
    /// "accolta", "respinta".
    pub outcome: String,
    /// Until when it can be undone ("10:42").
    pub until: String,
}

/// What the page says first, after a form: the decision recorded, or undone.
#[derive(Debug, Clone)]
pub enum DoneNote {
    Decided(RecentDecision),
    Undone,
}

/// `/scuola/{id}/richieste`.
#[component]
pub fn RichiestePage(
    lang: Lang,
    user: SignedIn,
    school_id: i64,
    school: String,
    requests: Vec<RequestRow>,
    recent: Vec<RecentDecision>,
    done: Option<DoneNote>,
    problem: Option<DecisionProblem>,
) -> impl IntoView {
    let ft = lang.family();
    let dt = lang.decisions();
    let csrf = user.csrf.clone();
    let done = done.map(|d| match d {
        DoneNote::Decided(r) => view! {
            <p id="decisa" class="notice notice-ok" role="status" tabindex="-1" autofocus=true>
                {fill(
                    dt.decided,
                    &[
                        ("what", label_of(lang, r.kind)),
                        ("pupil", &r.pupil),
                        ("outcome", &r.outcome),
                        ("time", &r.until),
                    ],
                )}
            </p>
        }
        .erased(),
        DoneNote::Undone => view! {
            <p id="annullata" class="notice notice-ok" role="status" tabindex="-1" autofocus=true>
                {dt.undone}
            </p>
        }
        .erased(),
    });
    let recent_list = (!recent.is_empty()).then(|| {
        let csrf = csrf.clone();
        view! {
            <section aria-labelledby="appena-decise">
                <h2 id="appena-decise">{dt.recent_title}</h2>
                <p>
                    {fill(
                        dt.recent_lead,
                        &[("minutes", &domain::family::UNDO_MINUTES.to_string())],
                    )}
                </p>
                <ul class="requests">
                    {recent
                        .into_iter()
                        .map(|r| {
                            view! {
                                <li
                                    class="card"
                                    data-decided=format!("{}-{}", r.kind.path(), r.request_id)
                                >
                                    <Whose
                                        lang=lang
                                        kind=r.kind
                                        pupil=r.pupil
                                        class=r.class
                                        dates=r.dates
                                    />
                                    <p>
                                        <strong>{r.outcome}</strong>
                                        " · "
                                        {fill(dt.undo_until, &[("time", &r.until)])}
                                    </p>
                                    <form
                                        method="post"
                                        action=format!(
                                            "/api/v1/{}/{}/decision/undo",
                                            r.kind.path(),
                                            r.request_id,
                                        )
                                    >
                                        <input type="hidden" name="csrf" value=csrf.clone()/>
                                        <button type="submit" class="btn btn-secondary">
                                            {dt.undo}
                                        </button>
                                    </form>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <Page lang=lang title=ft.rq_title.to_owned() user=user>
            <p><a href="/scuola">{lang.texts().school_title}</a></p>
            <h1>{ft.rq_title}</h1>
            <p class="lead">{school}</p>
            {done}
            {recent_list}
            <p>{ft.rq_lead}</p>
            {if requests.is_empty() {
                view! { <p>{ft.rq_none}</p> }.erased()
            } else {
                view! {
                    <ul class="requests">
                        {requests
                            .into_iter()
                            .map(|r| {
                                let problem = problem
                                    .clone()
                                    .filter(|p| p.kind == r.kind && p.id == r.id);
                                view! { <RequestCard lang=lang csrf=csrf.clone() r=r problem=problem/> }
                            })
                            .collect_view()}
                    </ul>
                }
                    .erased()
            }}
            <p><a href=format!("/scuola/{school_id}/richieste/decise")>{dt.history_link}</a></p>
        </Page>
    }
}

/// One request with its decision form.
#[component]
fn RequestCard(
    lang: Lang,
    csrf: String,
    r: RequestRow,
    problem: Option<DecisionProblem>,
) -> impl IntoView {
    let ft = lang.family();
    let dt = lang.decisions();
    let key = format!("{}-{}", r.kind.path(), r.id);
    let error_id = format!("errore-{key}");
    let invalid = |field: &str| problem.as_ref().is_some_and(|p| p.on(field));
    let sent = |field: &str| {
        problem
            .as_ref()
            .map(|p| p.value(field).to_owned())
            .unwrap_or_default()
    };
    let described = |field: &str| invalid(field).then(|| error_id.clone());
    let reason_sent = sent("reason");
    let reason_select = view! {
        <label for=format!("motivo-{key}")>{dt.refuse_reason}</label>
        <select
            id=format!("motivo-{key}")
            name="reason"
            aria-invalid=invalid("reason").then_some("true")
            aria-describedby=described("reason")
        >
            <option value="">{dt.refuse_reason_none}</option>
            {RefusalReason::for_kind(r.kind)
                .iter()
                .map(|x| {
                    let selected = reason_sent == x.as_str();
                    view! { <option value=x.as_str() selected=selected>{dt.refusal(*x)}</option> }
                })
                .collect_view()}
        </select>
    };
    let council = (r.kind == RequestKind::Deroga).then(|| {
        view! {
            <fieldset>
                <legend>{dt.council_legend}</legend>
                <label for=format!("consiglio-{key}")>{dt.council_date}</label>
                <input
                    type="date"
                    id=format!("consiglio-{key}")
                    name="council_date"
                    min=r.requested_on.clone()
                    value=sent("council_date")
                    required
                    aria-invalid=invalid("council_date").then_some("true")
                    aria-describedby=described("council_date")
                />
                <label for=format!("motivazione-{key}")>{dt.motivation}</label>
                <textarea
                    id=format!("motivazione-{key}")
                    name="motivation"
                    rows="3"
                    maxlength=domain::family::MOTIVATION_MAX.to_string()
                    required
                    aria-invalid=invalid("motivation").then_some("true")
                    aria-describedby=format!("suggerimento-{key}")
                >
                    {sent("motivation")}
                </textarea>
                <p class="hint" id=format!("suggerimento-{key}")>{dt.motivation_hint}</p>
                <Choice
                    kind="checkbox"
                    id=format!("documenti-{key}")
                    name="documents_received"
                    value="true".to_owned()
                    label=dt.documents.to_owned()
                    checked=!sent("documents_received").is_empty()
                />
            </fieldset>
        }
    });
    let form = if r.decides {
        view! {
            <form
                method="post"
                action=format!("/api/v1/{}/{}/decision", r.kind.path(), r.id)
                class="stack-form"
            >
                {problem
                    .clone()
                    .map(|p| view! { <ProblemNote lang=lang id=error_id.clone() message=p.message/> })}
                <input type="hidden" name="csrf" value=csrf/>
                {council}
                {reason_select}
                <div class="inline-form">
                    <button type="submit" name="decision" value="approve" class="btn btn-primary">
                        {ft.rq_approve}
                    </button>
                    <button type="submit" name="decision" value="refuse" class="btn btn-secondary">
                        {ft.rq_refuse}
                    </button>
                </div>
            </form>
        }
        .erased()
    } else {
        view! { <p class="hint">{dt.council_only}</p> }.erased()
    };
    view! {
        <li class="card" id=key.clone() data-request=format!("{}-{}", r.kind.code(), r.id)>
            <Whose lang=lang kind=r.kind pupil=r.pupil class=r.class/>
            <p>{r.dates} " · " {r.what}</p>
            {r.reason.map(|x| view! { <p>{x}</p> })}
            <p class="hint">{fill(ft.rq_requested, &[("date", &r.requested)])}</p>
            {form}
        </li>
    }
}

/// One decision of the history.
#[derive(Debug, Clone)]
pub struct DecisionRow {
    pub kind: RequestKind,
    pub pupil: String,
    pub class: String,
    pub dates: String,
    pub what: String,
    /// "Accolta", "Respinta".
    pub outcome: String,
    pub refusal: Option<String>,
    /// Derogations: the council's date, its reason, whether the office had the documents.
    pub council: Option<(String, String, bool)>,
    pub by: String,
    pub undone: Option<String>,
}

/// `/scuola/{id}/richieste/decise`.
#[component]
pub fn DecisePage(
    lang: Lang,
    user: SignedIn,
    school_id: i64,
    school: String,
    decisions: Vec<DecisionRow>,
    /// The next page's `before`, if there are older decisions.
    more: Option<i64>,
) -> impl IntoView {
    let dt = lang.decisions();
    view! {
        <Page lang=lang title=dt.history_title.to_owned() user=user>
            <p><a href=format!("/scuola/{school_id}/richieste")>{dt.back_requests}</a></p>
            <h1>{dt.history_title}</h1>
            <p class="lead">{school}</p>
            <p>{dt.history_lead}</p>
            {if decisions.is_empty() {
                view! { <p>{dt.history_none}</p> }.erased()
            } else {
                view! {
                    <ul class="requests">
                        {decisions
                            .into_iter()
                            .map(|d| {
                                let undone = d.undone.is_some().then_some("true");
                                view! {
                                    <li class="card" data-undone=undone>
                                        <Whose lang=lang kind=d.kind pupil=d.pupil class=d.class/>
                                        <p>{d.dates} " · " {d.what}</p>
                                        <p>
                                            <strong>{d.outcome}</strong>
                                            {d.refusal.map(|x| format!(" — {x}"))}
                                        </p>
                                        {d
                                            .council
                                            .map(|(date, motivation, documents)| {
                                                view! {
                                                    <p>{fill(dt.history_council, &[("date", &date)])}</p>
                                                    <p>{fill(dt.history_motivation, &[("text", &motivation)])}</p>
                                                    <p>
                                                        {if documents {
                                                            dt.history_documents_yes
                                                        } else {
                                                            dt.history_documents_no
                                                        }}
                                                    </p>
                                                }
                                            })}
                                        <p class="hint">{d.by}</p>
                                        {d.undone.map(|u| view! { <p class="state">{u}</p> })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .erased()
            }}
            {more
                .map(|b| {
                    view! {
                        <p>
                            <a href=format!("/scuola/{school_id}/richieste/decise?before={b}")>
                                {dt.history_more}
                            </a>
                        </p>
                    }
                })}
        </Page>
    }
}
