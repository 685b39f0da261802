//! `/scuola/{id}/obbligo`: the school's Law 159/2023 cases (issue 19 point 2) — the list with
//! each pupil's next step, a pupil's cases with their history and the forms that record a step
//! (`/scuola/{id}/obbligo/{pupil}`), and the documents to print: the letter to the family, the
//! report to the mayor, the report of the elusione (`…/{pupil}/documento`).

use crate::erased::IntoErased;
use crate::i18n::{date_it, fill, Lang};
use crate::i18n_law159::Law159Texts;
use crate::layout::{Page, SignedIn};
use chrono::NaiveDate;
use domain::api::types::SchoolLaw159Pupil;
use domain::attendance::law159::cases::{
    Case, CaseState, Channel, CloseReason, Deadline, ElusioneCase, NextStep, PupilCases, Step,
};
use domain::attendance::obligation::{Obligation, ObligationBasis};
use domain::attendance::SchoolStatus;

/// A pupil whose standing the school should know (withdrawn, home schooling, no choice for the
/// next year, not admitted), for the list's second table.
#[derive(Debug, Clone, PartialEq)]
pub struct StandingRow {
    pub pupil_id: i64,
    pub name: String,
    pub class_code: String,
    pub status: SchoolStatus,
}
use leptos::prelude::*;

/// "Segnalazione al sindaco entro il 06/11/2024", with "Scaduto" in front when it is.
pub fn deadline_text(t: &Law159Texts, d: &Deadline) -> String {
    let s = fill(t.step(d.step), &[("date", &date_it(d.by))]);
    if d.overdue {
        format!("{}: {s}", t.overdue)
    } else {
        s
    }
}

/// The state a pupil's row shows: the state of the case with the next step, else the latest.
fn row_state(t: &Law159Texts, c: &PupilCases) -> String {
    let case = c
        .cases
        .iter()
        .find(|k| k.next.is_some())
        .or_else(|| c.cases.last());
    match (case, c.elusione) {
        (Some(k), _) => t.state(k.state).to_owned(),
        (None, Some(_)) => t.elusione_heading.to_owned(),
        (None, None) => String::new(),
    }
}

/// `/scuola/{id}/obbligo`.
#[component]
pub fn ObbligoPage(
    lang: Lang,
    user: SignedIn,
    school_id: i64,
    school: String,
    as_of: NaiveDate,
    items: Vec<SchoolLaw159Pupil>,
    others: Vec<StandingRow>,
    /// The school's threshold of late entries, when it sends their notice.
    late_threshold: Option<u32>,
) -> impl IntoView {
    let t = lang.law159();
    let others = (!others.is_empty()).then(|| {
        view! {
            <section class="standings">
                <h2>{t.others_heading}</h2>
                <p>{t.others_lead}</p>
                <div class="table-wrap" role="region" aria-label=t.others_label tabindex="0">
                    <table class="desk">
                        <caption class="visually-hidden">{t.others_label}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t.columns[0]}</th>
                                <th scope="col">{t.columns[1]}</th>
                                <th scope="col">{t.standing}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {others
                                .into_iter()
                                .map(|o| {
                                    let href = format!("/scuola/{school_id}/obbligo/{}", o.pupil_id);
                                    view! {
                                        <tr data-pupil=o.pupil_id>
                                            <th scope="row"><a href=href>{o.name.clone()}</a></th>
                                            <td>{o.class_code.clone()}</td>
                                            <td>{t.standing_lines(&o.status).join(" ")}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        }
    });
    let (items, late): (Vec<SchoolLaw159Pupil>, Vec<SchoolLaw159Pupil>) = {
        let late = items
            .iter()
            .filter(|p| p.cases.late_entries.is_some())
            .cloned()
            .collect();
        let items = items
            .into_iter()
            .filter(|p| !p.cases.cases.is_empty() || p.cases.elusione.is_some())
            .collect();
        (items, late)
    };
    let late = late_section(t, school_id, user.csrf.clone(), as_of, late_threshold, late);
    let empty = items.is_empty();
    let count = fill(t.count, &[("n", &items.len().to_string())]);
    let rows = items
        .into_iter()
        .map(|p| {
            let next = p.next.map(|d| deadline_text(t, &d)).unwrap_or_default();
            let overdue = p.next.is_some_and(|d| d.overdue);
            let href = format!("/scuola/{school_id}/obbligo/{}", p.pupil_id);
            view! {
                <tr data-pupil=p.pupil_id class:over=overdue>
                    <th scope="row"><a href=href>{format!("{} {}", p.surname, p.name)}</a></th>
                    <td>{p.class_code.clone()}</td>
                    <td>{row_state(t, &p.cases)}</td>
                    <td>{next}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Page lang=lang title=t.title.to_owned() user=user>
            <p class="no-print"><a href="/scuola">{lang.texts().school_title}</a></p>
            <h1>{t.title}</h1>
            <p class="lead">{school}</p>
            <p>{t.lead}</p>
            <p>{fill(t.as_of, &[("date", &date_it(as_of))])}</p>
            <p><strong>{count}</strong></p>
            {if empty {
                view! { <p>{t.none}</p> }.erased()
            } else {
                view! {
                    <div class="table-wrap" role="region" aria-label=t.table_label tabindex="0">
                        <table class="desk cases">
                            <caption class="visually-hidden">{t.table_label}</caption>
                            <thead>
                                <tr>
                                    {t.columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                    .erased()
            }}
            {late}
            {others}
        </Page>
    }
}

/// The desk's section of repeated late entries: who passed the school's threshold since the
/// last notice (or was sent one), with the button that sends it (the notice in Ponte).
fn late_section(
    t: &'static Law159Texts,
    school_id: i64,
    csrf: String,
    today: NaiveDate,
    threshold: Option<u32>,
    pupils: Vec<SchoolLaw159Pupil>,
) -> impl IntoView {
    let rows = pupils
        .into_iter()
        .filter_map(|p| {
            let l = p.cases.late_entries.clone()?;
            let href = format!("/scuola/{school_id}/obbligo/{}", p.pupil_id);
            // None since the last notice: no "from" date yet (it would be tomorrow).
            let count = if l.dates.is_empty() {
                "0".to_owned()
            } else {
                fill(
                    t.late_count,
                    &[
                        ("n", &l.dates.len().to_string()),
                        ("from", &date_it(l.counted_from)),
                    ],
                )
            };
            let state = match (l.due_from, l.notified_on.last()) {
                (Some(from), _) => fill(t.late_due, &[("date", &date_it(from))]),
                (None, Some(sent)) => fill(t.late_sent, &[("date", &date_it(*sent))]),
                (None, None) => String::new(),
            };
            let form = l.due().then(|| {
                view! {
                    <form method="post" action=format!("/api/v1/pupils/{}/law159", p.pupil_id) class="late-send">
                        <input type="hidden" name="csrf" value=csrf.clone()/>
                        <input type="hidden" name="step" value="late_entries_notified"/>
                        <input type="hidden" name="on" value=today.to_string()/>
                        <button type="submit" class="btn btn-primary btn-sm"
                            aria-label=format!("{} — {} {}", t.late_form, p.surname, p.name)>
                            {t.late_form}
                        </button>
                    </form>
                }
            });
            Some(view! {
                <tr data-pupil=p.pupil_id class:due=l.due()>
                    <th scope="row"><a href=href>{format!("{} {}", p.surname, p.name)}</a></th>
                    <td>{p.class_code.clone()}</td>
                    <td>{count}</td>
                    <td>{state}{form}</td>
                </tr>
            })
        })
        .collect::<Vec<_>>();
    threshold.map(|n| {
        let body = if rows.is_empty() {
            view! { <p>{t.late_none}</p> }.erased()
        } else {
            view! {
                <div class="table-wrap" role="region" aria-label=t.late_table_label tabindex="0">
                    <table class="desk late-entries">
                        <caption class="visually-hidden">{t.late_table_label}</caption>
                        <thead>
                            <tr>
                                {t.late_columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .erased()
        };
        view! {
            <section class="late-entries" id="ritardi">
                <h2>{t.late_heading}</h2>
                <p>{fill(t.late_lead, &[("n", &n.to_string())])}</p>
                {body}
            </section>
        }
    })
}

/// One line of a case's history, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryLine {
    pub when: String,
    pub who: String,
    pub step: Step,
    /// The line undoes `step` (recorded by mistake).
    pub undo: bool,
}

/// A step the person recorded and may still undo (the last of its case, within the minutes
/// allowed).
#[derive(Debug, Clone, PartialEq)]
pub struct UndoableStep {
    pub id: i64,
    pub step: Step,
    /// Until when, on Rome's clock ("20/03/2026 10:25").
    pub until: String,
}

/// Everything a pupil's page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PupilFile {
    pub school_id: i64,
    pub pupil_id: i64,
    pub name: String,
    pub class_code: String,
    pub school: String,
    pub as_of: NaiveDate,
    pub birth_date: Option<NaiveDate>,
    /// Withdrawal, home schooling, next year's choice, outcome.
    pub status: SchoolStatus,
    pub obligation: Obligation,
    /// The procedure applies today (of compulsory-school age, still enrolled).
    pub applies: bool,
    pub cases: PupilCases,
    pub history: Vec<HistoryLine>,
    /// The steps the person may still undo.
    pub undoable: Vec<UndoableStep>,
    /// The person records reports to the mayor (office, head teacher).
    pub manages: bool,
}

fn history_text(t: &Law159Texts, s: &Step) -> String {
    match *s {
        Step::FamilyNotified { on, channel, .. } => fill(
            t.history_steps[0],
            &[("date", &date_it(on)), ("channel", t.channel(channel))],
        ),
        Step::MayorNotified { on, .. } => fill(t.history_steps[1], &[("date", &date_it(on))]),
        Step::Closed { on, reason, .. } => fill(
            t.history_steps[2],
            &[("date", &date_it(on)), ("reason", t.reason(reason))],
        ),
        Step::ElusioneReported { on } => fill(t.history_steps[3], &[("date", &date_it(on))]),
        Step::LateEntriesNotified { on } => fill(t.history_steps[4], &[("date", &date_it(on))]),
    }
}

/// The facts of one case, line by line.
fn case_lines(t: &Law159Texts, c: &Case) -> Vec<String> {
    let mut out = Vec::new();
    if let (Some(from), Some(flag)) = (c.window_start, c.flagged_on) {
        out.push(fill(
            t.window,
            &[("from", &date_it(from)), ("flag", &date_it(flag))],
        ));
    }
    if let (Some(on), Some(ch)) = (c.family_notified_on, c.channel) {
        out.push(fill(
            t.notified,
            &[("date", &date_it(on)), ("channel", t.channel(ch))],
        ));
    }
    if let Some(by) = c.resume_by {
        out.push(fill(t.resume_by, &[("date", &date_it(by))]));
    }
    if let Some(on) = c.resumed_on {
        out.push(fill(t.resumed, &[("date", &date_it(on))]));
    }
    if let Some(by) = c.mayor_notice_due_by {
        out.push(fill(t.mayor_due, &[("date", &date_it(by))]));
    }
    if let Some(on) = c.mayor_notified_on {
        out.push(fill(t.mayor_done, &[("date", &date_it(on))]));
        if c.mayor_notice_late {
            out.push(t.mayor_late.to_owned());
        }
    }
    if let (Some(on), Some(r)) = (c.closed_on, c.close_reason) {
        out.push(fill(
            t.closed,
            &[("date", &date_it(on)), ("reason", t.reason(r))],
        ));
    }
    out
}

/// A form recording one step: the hidden fields, a date (today by default), and `extra`.
#[component]
fn StepForm(
    action: String,
    csrf: String,
    step: &'static str,
    episode: Option<u32>,
    today: NaiveDate,
    legend: &'static str,
    date_label: &'static str,
    /// A unique part of the fields' ids.
    key: String,
    #[prop(optional)] channel: Option<(&'static str, [(&'static str, &'static str); 2])>,
    #[prop(optional)] reason: Option<(&'static str, Vec<(&'static str, &'static str)>)>,
) -> impl IntoView {
    let date_id = format!("data-{key}");
    let extra_id = format!("extra-{key}");
    let channel = channel.map(|(label, options)| {
        let id = extra_id.clone();
        view! {
            <label for=id.clone()>{label}</label>
            <select id=id name="channel">
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        }
    });
    let reason = reason.map(|(label, options)| {
        let id = extra_id.clone();
        view! {
            <label for=id.clone()>{label}</label>
            <select id=id name="reason">
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        }
    });
    view! {
        <form method="post" action=action class="case-step">
            <fieldset>
                <legend>{legend}</legend>
                <input type="hidden" name="csrf" value=csrf/>
                <input type="hidden" name="step" value=step/>
                {episode.map(|e| view! { <input type="hidden" name="episode" value=e.to_string()/> })}
                <label for=date_id.clone()>{date_label}</label>
                <input type="date" id=date_id name="on" value=today.to_string() max=today.to_string() required=true/>
                {channel}
                {reason}
                <button type="submit" class="btn btn-primary">{legend}</button>
            </fieldset>
        </form>
    }
}

/// `/scuola/{id}/obbligo/{pupil}`.
#[component]
pub fn CasoPage(lang: Lang, user: SignedIn, file: PupilFile) -> impl IntoView {
    let t = lang.law159();
    let csrf = user.csrf.clone();
    let f = file;
    let action = format!("/api/v1/pupils/{}/law159", f.pupil_id);
    let docs = format!("/scuola/{}/obbligo/{}/documento", f.school_id, f.pupil_id);
    let standing = if !f.applies {
        t.not_subject.to_owned()
    } else {
        match (f.obligation.basis, f.birth_date) {
            (ObligationBasis::Age { age }, Some(b)) => fill(
                t.by_age,
                &[
                    ("age", &age.to_string()),
                    ("date", &date_it(f.as_of)),
                    ("birth", &date_it(b)),
                ],
            ),
            _ => t.by_grade.to_owned(),
        }
    };
    let channels = [
        (Channel::Letter.code(), t.channel(Channel::Letter)),
        (Channel::Notice.code(), t.channel(Channel::Notice)),
    ];
    let reasons: Vec<(&'static str, &'static str)> = CloseReason::ALL
        .iter()
        .map(|r| (r.code(), t.reason(*r)))
        .collect();
    let cases = f
        .cases
        .cases
        .iter()
        .map(|c| {
            let k = c.episode;
            let heading = fill(t.case_heading, &[("n", &(k + 1).to_string())]);
            let lines = case_lines(t, c);
            let next = c.next.map(|d| deadline_text(t, &d));
            let notify = (c.state == CaseState::Open).then(|| {
                view! {
                    <StepForm action=action.clone() csrf=csrf.clone() step="family_notified" episode=Some(k)
                        today=f.as_of legend=t.form_notify date_label=t.date_label key=format!("n{k}")
                        channel=(t.channel_label, channels)/>
                }
            });
            let mayor_due = matches!(c.next, Some(Deadline { step: NextStep::NotifyMayor, .. }));
            let mayor = (mayor_due && f.manages).then(|| {
                view! {
                    <StepForm action=action.clone() csrf=csrf.clone() step="mayor_notified" episode=Some(k)
                        today=f.as_of legend=t.form_mayor date_label=t.date_label key=format!("m{k}")/>
                }
            });
            let mayor_hint = (mayor_due && !f.manages).then(|| view! { <p class="hint">{t.mayor_only}</p> });
            let closable = matches!(
                c.state,
                CaseState::Open | CaseState::FamilyNotified | CaseState::YearEnded
            );
            let close = closable.then(|| {
                view! {
                    <details class="case-close">
                        <summary class="btn btn-secondary">{t.form_close}</summary>
                        <StepForm action=action.clone() csrf=csrf.clone() step="closed" episode=Some(k)
                            today=f.as_of legend=t.form_close date_label=t.date_label key=format!("c{k}")
                            reason=(t.reason_label, reasons.clone())/>
                    </details>
                }
            });
            let letter = c.flagged_on.is_some().then(|| {
                view! { <li><a href=format!("{docs}?tipo=lettera&caso={k}")>{t.letter_link}</a></li> }
            });
            let report = c.mayor_notice_due_by.is_some().then(|| {
                view! { <li><a href=format!("{docs}?tipo=sindaco&caso={k}")>{t.report_link}</a></li> }
            });
            view! {
                <section class="case card" id=format!("caso-{k}")>
                    <h2>{heading}</h2>
                    <p><strong>{t.state(c.state)}</strong></p>
                    {next.map(|n| view! { <p class="case-next">{n}</p> })}
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    <ul class="case-docs">{letter}{report}</ul>
                    {notify}
                    {mayor}
                    {mayor_hint}
                    {close}
                </section>
            }
        })
        .collect_view();
    let elusione = f.cases.elusione.map(|e: ElusioneCase| {
        let line = fill(
            t.elusione_line,
            &[
                ("date", &date_it(e.reached_on)),
                ("hours", &(e.unjustified_minutes / 60).to_string()),
                ("annual", &e.personalised_annual_hours.to_string()),
            ],
        );
        let form = (e.reported_on.is_none() && f.manages).then(|| {
            view! {
                <StepForm action=action.clone() csrf=csrf.clone() step="elusione_reported" episode=None
                    today=f.as_of legend=t.form_elusione date_label=t.date_label key="e".to_owned()/>
            }
        });
        let hint = (e.reported_on.is_none() && !f.manages).then(|| view! { <p class="hint">{t.mayor_only}</p> });
        view! {
            <section class="case card" id="elusione">
                <h2>{t.elusione_heading}</h2>
                <p>{line}</p>
                {e.reported_on.map(|on| view! { <p>{fill(t.elusione_reported, &[("date", &date_it(on))])}</p> })}
                {e.next.map(|d| view! { <p class="case-next">{deadline_text(t, &d)}</p> })}
                <ul class="case-docs"><li><a href=format!("{docs}?tipo=elusione")>{t.elusione_link}</a></li></ul>
                {form}
                {hint}
            </section>
        }
    });
    let late = f.cases.late_entries.clone().map(|l| {
        let line = match (l.dates.is_empty(), l.notified_on.last()) {
            (true, Some(sent)) => fill(t.late_line_none, &[("date", &date_it(*sent))]),
            _ => fill(
                t.late_line,
                &[
                    ("n", &l.dates.len().to_string()),
                    ("from", &date_it(l.counted_from)),
                    ("threshold", &l.threshold.to_string()),
                ],
            ),
        };
        let state = match (l.due_from, l.notified_on.last()) {
            (Some(from), _) => Some(fill(t.late_due, &[("date", &date_it(from))])),
            (None, Some(sent)) => Some(fill(t.late_sent, &[("date", &date_it(*sent))])),
            (None, None) => None,
        };
        let days = (!l.dates.is_empty()).then(|| {
            let list: Vec<String> = l.dates.iter().map(|x| date_it(*x)).collect();
            view! { <p>{format!("{}: {}.", t.late_days, list.join(", "))}</p> }
        });
        let form = l.due().then(|| {
            view! {
                <StepForm action=action.clone() csrf=csrf.clone() step="late_entries_notified" episode=None
                    today=f.as_of legend=t.late_form date_label=t.date_label key="r".to_owned()/>
            }
        });
        view! {
            <section class="case card" id="ritardi">
                <h2>{t.late_heading}</h2>
                <p>{line}</p>
                {days}
                {state.map(|s| view! { <p class="case-next">{s}</p> })}
                {form}
            </section>
        }
    });
    let history = if f.history.is_empty() {
        view! { <p>{t.history_none}</p> }.erased()
    } else {
        view! {
            <ol class="case-history">
                {f.history
                    .iter()
                    .map(|h| {
                        let text = if h.undo {
                            fill(t.history_undo, &[("step", &history_text(t, &h.step))])
                        } else {
                            history_text(t, &h.step)
                        };
                        view! {
                            <li class:undo=h.undo>
                                {text}
                                " — "
                                {fill(t.history_by, &[("when", &h.when), ("who", &h.who)])}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .erased()
    };
    let undo = (!f.undoable.is_empty()).then(|| {
        view! {
            <section class="case-undo">
                <h2>{t.undo_heading}</h2>
                <p>{t.undo_lead}</p>
                {f.undoable
                    .iter()
                    .map(|u| {
                        let label = fill(
                            t.undo_button,
                            &[("step", &history_text(t, &u.step)), ("until", &u.until)],
                        );
                        view! {
                            <form method="post" action=action.clone() class="case-step">
                                <input type="hidden" name="csrf" value=csrf.clone()/>
                                <input type="hidden" name="step" value="undo"/>
                                <input type="hidden" name="step_id" value=u.id.to_string()/>
                                <button type="submit" class="btn btn-secondary">{label}</button>
                            </form>
                        }
                    })
                    .collect_view()}
            </section>
        }
    });
    let title = format!("{} — {}", t.title, f.name);
    view! {
        <Page lang=lang title=title user=user>
            <p class="no-print"><a href=format!("/scuola/{}/obbligo", f.school_id)>{t.back}</a></p>
            <h1>{f.name.clone()}</h1>
            <p class="lead">{format!("{} · {}", f.class_code, f.school)}</p>
            <p>{fill(t.as_of, &[("date", &date_it(f.as_of))])}</p>
            <h2>{t.standing}</h2>
            <p>{standing}</p>
            {t.standing_lines(&f.status).into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
            {cases}
            {elusione}
            {late}
            {undo}
            <section>
                <h2>{t.history}</h2>
                {history}
            </section>
        </Page>
    }
}

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Letter,
    Mayor,
    Elusione,
}

impl DocKind {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "lettera" => Some(DocKind::Letter),
            "sindaco" => Some(DocKind::Mayor),
            "elusione" => Some(DocKind::Elusione),
            _ => None,
        }
    }
}

/// What a document says.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub kind: DocKind,
    pub school_id: i64,
    pub pupil_id: i64,
    pub school: String,
    pub name: String,
    pub class_code: String,
    pub birth_date: Option<NaiveDate>,
    pub case: Option<Case>,
    pub elusione: Option<ElusioneCase>,
    /// The unjustified days the document lists.
    pub days: Vec<NaiveDate>,
    /// The document's date (today).
    pub date: NaiveDate,
}

/// The letter to the family's words, as the in-app notice's body too: addressee, facts,
/// deadline, the law.
pub fn letter_paragraphs(
    t: &Law159Texts,
    name: &str,
    class: &str,
    resume_by: Option<NaiveDate>,
) -> Vec<String> {
    let mut out = vec![
        fill(t.letter_to, &[("name", name), ("class", class)]),
        t.letter_body.to_owned(),
    ];
    if let Some(by) = resume_by {
        out.push(fill(t.letter_deadline, &[("by", &date_it(by))]));
    }
    out.push(t.reference.to_owned());
    out
}

/// The notice of repeated late entries (seed 003: "informativa scritta … affinché sia loro
/// possibile avere aggiornata la quantità oraria di assenze"), paragraph by paragraph: to whom,
/// the late entries since they were counted, the absence hours counted against the maximum,
/// what is asked, the rule.
pub fn late_notice_paragraphs(
    lang: Lang,
    name: &str,
    class: &str,
    l: &domain::attendance::late_entries::LateEntries,
    counted_minutes: u32,
    max_hours: u32,
) -> Vec<String> {
    let t = lang.law159();
    let dates: Vec<String> = l.dates.iter().map(|x| date_it(*x)).collect();
    vec![
        fill(t.late_notice_to, &[("name", name), ("class", class)]),
        fill(
            t.late_notice_facts,
            &[
                ("from", &date_it(l.counted_from)),
                ("n", &l.dates.len().to_string()),
                ("time", &crate::pages::famiglia::hours(lang, l.minutes)),
                ("dates", &dates.join(", ")),
            ],
        ),
        fill(
            t.late_notice_hours,
            &[
                (
                    "counted",
                    &crate::pages::famiglia::hours(lang, counted_minutes),
                ),
                ("max", &max_hours.to_string()),
            ],
        ),
        t.late_notice_ask.to_owned(),
        t.late_notice_reference.to_owned(),
    ]
}

/// `/scuola/{id}/obbligo/{pupil}/documento?tipo=lettera|sindaco|elusione&caso=k`.
#[component]
pub fn DocumentoPage(lang: Lang, user: SignedIn, doc: Document) -> impl IntoView {
    let t = lang.law159();
    let d = doc;
    let born = d
        .birth_date
        .map(|b| fill(t.born, &[("date", &date_it(b))]))
        .unwrap_or_default();
    let (title, paragraphs): (&str, Vec<String>) = match d.kind {
        DocKind::Letter => {
            let by = d.case.as_ref().and_then(|c| c.resume_by);
            let mut p = letter_paragraphs(t, &d.name, &d.class_code, by);
            p.pop();
            (t.letter_title, p)
        }
        DocKind::Mayor => {
            let mut p = vec![fill(
                t.report_body,
                &[
                    ("name", &d.name),
                    ("born", &born),
                    ("class", &d.class_code),
                    ("school", &d.school),
                ],
            )];
            if let Some(c) = &d.case {
                if let (Some(on), Some(ch), Some(by)) =
                    (c.family_notified_on, c.channel, c.resume_by)
                {
                    p.push(fill(
                        t.report_notice,
                        &[
                            ("date", &date_it(on)),
                            ("channel", t.channel(ch)),
                            ("by", &date_it(by)),
                        ],
                    ));
                }
            }
            p.push(t.report_request.to_owned());
            (t.report_title, p)
        }
        DocKind::Elusione => {
            let p = d
                .elusione
                .map(|e| {
                    vec![fill(
                        t.elusione_body,
                        &[
                            ("name", &d.name),
                            ("born", &born),
                            ("class", &d.class_code),
                            ("school", &d.school),
                            ("date", &date_it(e.reached_on)),
                            ("hours", &(e.unjustified_minutes / 60).to_string()),
                            ("annual", &e.personalised_annual_hours.to_string()),
                        ],
                    )]
                })
                .unwrap_or_default();
            (t.elusione_title, p)
        }
    };
    let to = match d.kind {
        DocKind::Letter => None,
        DocKind::Mayor | DocKind::Elusione => Some(t.report_to),
    };
    let days = (!d.days.is_empty()).then(|| {
        view! {
            <h2>{t.days_heading}</h2>
            <ol class="case-days">{d.days.iter().map(|x| view! { <li>{date_it(*x)}</li> }).collect_view()}</ol>
        }
    });
    view! {
        <Page lang=lang title=title.to_owned() user=user>
            <p class="no-print">
                <a href=format!("/scuola/{}/obbligo/{}", d.school_id, d.pupil_id)>{t.back}</a>
            </p>
            <p class="hint no-print">{t.print_hint}</p>
            <article class="document">
                <p>{fill(t.school_line, &[("school", &d.school)])}</p>
                {to.map(|to| view! { <p>{to}</p> })}
                <h1>{title}</h1>
                {paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                {days}
                <p class="document-ref">{t.reference}</p>
                <p>{fill(t.date_line, &[("date", &date_it(d.date))])}</p>
                <p class="document-signature">{t.signature}</p>
            </article>
        </Page>
    }
}
