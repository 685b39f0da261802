//! The family portal: `/famiglia` (each child's dashboard), `/famiglia/alunni/{id}` (absences
//! month by month, justifications, derogation requests), `/famiglia/avvisi` and
//! `/famiglia/avvisi/{id}` (notices, *presa visione*). Plain HTML forms: no wasm on a parent's
//! phone. Every figure comes from `domain::family::Dashboard`.

use crate::erased::IntoErased;
use crate::i18n::{date_it, fill, Lang};
use crate::i18n_family::FamilyTexts;
use crate::layout::{Choice, Page, SignedIn};
use chrono::{Datelike, NaiveDate};
use domain::attendance::{AbsenceKind, Status};
use domain::family::{
    Action, AutoNotice, Dashboard, Effect, JustificationReason, RefusalReason, RequestStatus,
};
use domain::share::{self, AllowanceUsed};
use leptos::prelude::*;

/// "12 h 30 min", "12 h".
pub fn hours(lang: Lang, minutes: u32) -> String {
    let ft = lang.family();
    let (h, m) = (minutes / 60, minutes % 60);
    if h == 0 && m > 0 {
        return fill(ft.minutes_only, &[("m", &m.to_string())]);
    }
    let h = lang.number(u64::from(h));
    if m == 0 {
        fill(ft.hours_only, &[("h", &h)])
    } else {
        fill(ft.hours_minutes, &[("h", &h), ("m", &m.to_string())])
    }
}

/// When the page was made: the offline note of the copy the phone may show without a
/// connection says it (the figures' own freshness is the register's date, on each child).
#[derive(Debug, Clone)]
pub struct Updated {
    pub date: String,
    pub time: String,
}

impl Updated {
    fn offline_note(&self, lang: Lang) -> String {
        fill(
            lang.family().saved_copy,
            &[("date", &self.date), ("time", &self.time)],
        )
    }
}

/// One child and their dashboard (*cruscotto*): what [`Cruscotto`] shows.
#[derive(Debug, Clone)]
pub struct ChildDashboard {
    pub id: i64,
    pub name: String,
    pub class: String,
    pub school: String,
    /// The school's latest absences import (`ChildPosition::register_updated_on`).
    pub register_updated_on: Option<NaiveDate>,
    pub dashboard: Dashboard,
    /// The Law 159/2023 cases: the school's communication and its deadline.
    pub law159_cases: domain::attendance::law159::cases::PupilCases,
}

/// What the family reads of its child's Law 159/2023 cases: the school's communication with
/// the deadline to resume, the return, the report to the mayor.
pub fn law159_family_lines(
    lang: Lang,
    c: &domain::attendance::law159::cases::PupilCases,
) -> Vec<String> {
    use domain::attendance::law159::cases::CaseState;
    let t = lang.law159();
    let mut out = Vec::new();
    for k in &c.cases {
        if let (Some(on), Some(ch), Some(by)) = (k.family_notified_on, k.channel, k.resume_by) {
            out.push(fill(
                t.family_notice,
                &[
                    ("date", &date_it(on)),
                    ("channel", t.channel(ch)),
                    ("by", &date_it(by)),
                ],
            ));
        }
        if let (CaseState::Resumed, Some(on)) = (k.state, k.resumed_on) {
            out.push(fill(t.family_resumed, &[("date", &date_it(on))]));
        }
        if let Some(on) = k.mayor_notified_on {
            out.push(fill(t.family_mayor, &[("date", &date_it(on))]));
        }
    }
    out
}

/// "Testo originale in italiano", one tap away under a translated notice or letter: the Italian
/// text, which is the one that counts (nothing on an Italian page).
#[component]
pub fn Original(lang: Lang, lines: Vec<String>) -> impl IntoView {
    (lang != Lang::It).then(|| {
        view! {
            <details class="original">
                <summary>{lang.texts().original_italian}</summary>
                <div lang="it" dir="ltr">
                    {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                </div>
            </details>
        }
    })
}

/// The language attribute of what the school wrote (in Italian) on a page in another language,
/// so a screen reader reads it as Italian and a right-to-left page keeps it left to right.
fn school_text_lang(lang: Lang) -> (Option<&'static str>, Option<&'static str>) {
    if lang == Lang::It {
        (None, None)
    } else {
        (Some("it"), Some("auto"))
    }
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Ok => "band band-ok",
        Status::Attention => "band band-attention",
        Status::AtRisk => "band band-at-risk",
        Status::LimitExceeded => "band band-exceeded",
    }
}

fn action_text(lang: Lang, a: &Action) -> String {
    let ft = lang.family();
    match a {
        Action::Justify { count } => lang.count(&ft.action_justify, u64::from(*count), &[]),
        Action::Acknowledge { count } => lang.count(&ft.action_acknowledge, u64::from(*count), &[]),
        Action::BringDocuments {
            count,
            deadline: Some(d),
        } => lang.count(
            &ft.action_documents_by,
            u64::from(*count),
            &[("date", &date_it(*d))],
        ),
        Action::BringDocuments { count, .. } => {
            lang.count(&ft.action_documents, u64::from(*count), &[])
        }
        Action::ContactSchool => ft.action_contact.to_owned(),
    }
}

fn action_href(a: &Action, pupil: i64) -> String {
    match a {
        Action::Justify { .. } => format!("/famiglia/alunni/{pupil}#da-giustificare"),
        Action::Acknowledge { .. } => "/famiglia/avvisi".to_owned(),
        Action::BringDocuments { .. } => format!("/famiglia/alunni/{pupil}#deroghe"),
        Action::ContactSchool => format!("/famiglia/alunni/{pupil}"),
    }
}

/// A child's dashboard: the register's date, the position (the band's name and how much of the
/// allowance is used, in words from the figures), the gauge with its text, the figures, the
/// forecast, Law 159, and, as a separate statement, what to do.
#[component]
pub fn Cruscotto(
    lang: Lang,
    child: ChildDashboard,
    #[prop(optional)] detail: bool,
) -> impl IntoView {
    let ft = lang.family();
    let d = child.dashboard.clone();
    let heading = format!("alunno-{}", child.id);
    let status = match d.status {
        Status::Ok => ft.status_ok,
        Status::Attention => ft.status_attention,
        Status::AtRisk => ft.status_at_risk,
        Status::LimitExceeded => ft.status_exceeded,
    };
    let max = hours(lang, d.max_absence_hours * 60);
    let gauge_text = fill(
        ft.gauge_text,
        &[
            ("counted", &hours(lang, d.counted_absence_minutes)),
            ("max", &max),
        ],
    );
    // The share of the year's hours beside the legal 25 %, and the share of the allowance in
    // words only (domain::share says why): those words are the band's, so the position is one
    // statement worded from the figures.
    let annual = share::annual_share_permille(d.counted_absence_minutes, d.annual_hours).map(|p| {
        fill(
            ft.annual_share,
            &[
                ("percent", &lang.percent(f64::from(p) / 10.0)),
                ("limit", &format!("{} %", share::LEGAL_ABSENCE_PERCENT)),
            ],
        )
    });
    let allowance = ft.allowance_used
        [AllowanceUsed::of(d.counted_absence_minutes, d.max_absence_hours).index()];
    let consequence = (d.status == Status::LimitExceeded).then_some(ft.exceeded_consequence);
    let register = match child.register_updated_on {
        Some(on) => fill(ft.register_updated, &[("date", &date_it(on))]),
        None => ft.register_missing.to_owned(),
    };
    let gauge_id = format!("gauge-{}", child.id);
    let forecast = match (d.limit_crossed_on, d.forecast_crossing_on) {
        (Some(c), _) => fill(ft.crossed_on, &[("date", &date_it(c))]),
        (None, Some(f)) => fill(ft.forecast_on, &[("date", &date_it(f))]),
        (None, None) => ft.forecast_none.to_owned(),
    };
    let law = d.law159.clone().map(|l| {
        let mut lines = vec![lang.count(&ft.law159_days, u64::from(l.days_last_three_months), &[])];
        if let Some(f) = l.flagged_on {
            lines.push(fill(ft.law159_flagged, &[("date", &date_it(f))]));
        }
        if let Some(e) = l.elusione_reached_on {
            lines.push(fill(ft.law159_elusione, &[("date", &date_it(e))]));
        }
        lines.extend(law159_family_lines(lang, &child.law159_cases));
        // The school's communications under Law 159 are legal letters: the Italian beside.
        let italian = law159_family_lines(Lang::It, &child.law159_cases);
        let original = (!italian.is_empty()).then(|| view! { <Original lang=lang lines=italian/> });
        view! {
            <dt>{ft.law159}</dt>
            <dd>{lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()} {original}</dd>
        }
    });
    let actions = d.actions.clone();
    let id = child.id;
    let name = child.name.clone();
    view! {
        <section class="card dashboard" aria-labelledby=heading.clone() data-pupil=child.id>
            <h2 id=heading.clone()>{child.name.clone()}</h2>
            <p class="hint">
                {fill(ft.class_school, &[("class", &child.class), ("school", &child.school)])}
            </p>
            <p class="updated">{register}</p>
            <p class=status_class(d.status) data-status=format!("{:?}", d.status)>
                <strong>{status}</strong>
                ": "
                {allowance}
                {consequence.map(|c| format!(" {c}"))}
            </p>
            <meter
                class="gauge"
                min="0"
                max="1000"
                low="500"
                high="800"
                optimum="0"
                value=d.gauge_permille
                aria-labelledby=gauge_id.clone()
            ></meter>
            <p id=gauge_id class="gauge-text" data-counted=d.counted_absence_minutes>
                {gauge_text}
            </p>
            {annual.map(|a| view! { <p class="annual-share">{a}</p> })}
            <dl class="facts">
                <dt>{ft.remaining}</dt>
                <dd data-remaining=d.remaining_minutes>{hours(lang, d.remaining_minutes)}</dd>
                <dt>{ft.remaining_days}</dt>
                <dd data-remaining-days=d.remaining_days>
                    {format!(
                        "{} {}",
                        lang.count(&ft.days, u64::from(d.remaining_days), &[]),
                        lang.count(&ft.day_of, u64::from(d.day_hours), &[]),
                    )}
                </dd>
                <dt>{ft.derogated}</dt>
                <dd data-derogated=d.derogated_minutes>{hours(lang, d.derogated_minutes)}</dd>
                {(d.pending_deroga_minutes > 0)
                    .then(|| {
                        view! {
                            <dt>{ft.pending_deroga}</dt>
                            <dd>{hours(lang, d.pending_deroga_minutes)}</dd>
                        }
                    })}
                <dt>{ft.forecast}</dt>
                <dd data-forecast=d.forecast_crossing_on.map(|f| f.to_string())>{forecast}</dd>
                {law}
            </dl>
            <h3>{ft.actions}</h3>
            {if actions.is_empty() {
                view! { <p>{ft.actions_none}</p> }.erased()
            } else {
                view! {
                    <ul class="todo">
                        {actions
                            .iter()
                            .map(|a| {
                                view! {
                                    <li>
                                        <a href=action_href(a, id)>{action_text(lang, a)}</a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .erased()
            }}
            {(!detail)
                .then(|| {
                    view! {
                        <p>
                            <a href=format!("/famiglia/alunni/{id}")>
                                {fill(ft.details_link, &[("name", &name)])}
                            </a>
                        </p>
                    }
                })}
        </section>
    }
}

/// `/famiglia`: every child of the guardian, each with a dashboard.
#[component]
pub fn FamigliaPage(
    lang: Lang,
    user: SignedIn,
    children: Vec<ChildDashboard>,
    unread: usize,
    updated: Updated,
) -> impl IntoView {
    let ft = lang.family();
    view! {
        <Page lang=lang title=ft.title.to_owned() user=user pwa=true offline_note=updated.offline_note(lang) lang_menu="/famiglia">
            <h1>{ft.title}</h1>
            <p class="lead">{ft.lead}</p>
            <p>
                <a href="/famiglia/avvisi">{ft.notices_link}</a>
                {(unread > 0)
                    .then(|| {
                        view! {
                            " "
                            <span class="badge">
                                {fill(ft.notices_unread, &[("n", &lang.number(unread as u64))])}
                            </span>
                        }
                    })}
            </p>
            {children
                .into_iter()
                .map(|c| view! { <Cruscotto lang=lang child=c/> })
                .collect_view()}
            <h2>{ft.export_title}</h2>
            <p>{ft.export_text}</p>
            <ul>
                <li>
                    <a href="/api/v1/me/export?format=json" download="ponte-dati.json">
                        {ft.export_json}
                    </a>
                </li>
                <li>
                    <a href="/api/v1/me/export?format=csv" download="ponte-dati.csv">
                        {ft.export_csv}
                    </a>
                </li>
            </ul>
        </Page>
    }
}

/// One absence in the family's list.
#[derive(Debug, Clone)]
pub struct AbsenceItem {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: AbsenceKind,
    pub minutes: Option<u32>,
    pub justified: bool,
    pub justification: Option<RequestStatus>,
    /// Why the school refused the justification.
    pub refusal: Option<RefusalReason>,
    pub effect: Option<Effect>,
    pub can_justify: bool,
}

/// One derogation request.
#[derive(Debug, Clone)]
pub struct DerogaItem {
    pub id: i64,
    /// The category in the school's words.
    pub category: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub status: RequestStatus,
    /// The class council that decided it.
    pub council_date: Option<NaiveDate>,
    /// Why the school refused it.
    pub refusal: Option<RefusalReason>,
}

/// Which form of a child's page a refused submission came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemForm {
    Justify,
    Deroga,
}

/// A form of a child's page the worker refused: the message, the field at fault, and what
/// was sent, so the form shows it again beside the message.
#[derive(Debug, Clone)]
pub struct FormProblem {
    pub form: ProblemForm,
    pub field: Option<String>,
    pub message: String,
    pub values: Vec<(String, String)>,
}

impl FormProblem {
    fn value(&self, k: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }

    fn has(&self, k: &str, v: &str) -> bool {
        self.values.iter().any(|(n, x)| n == k && x == v)
    }

    fn on(&self, field: &str) -> bool {
        self.field.as_deref() == Some(field)
    }
}

/// "lun 03/11/2025 · Assenza giornaliera · 6 h".
fn absence_words(lang: Lang, a: &AbsenceItem) -> String {
    let ft = lang.family();
    let kind = ft.kind(a.kind);
    let weekday = ft.weekdays[a.date.weekday().num_days_from_monday() as usize];
    let mut words = format!("{weekday} {} · {kind}", date_it(a.date));
    if let Some(m) = a.minutes {
        words.push_str(" · ");
        words.push_str(&hours(lang, m));
    }
    words
}

/// "Motivo: …." — a refusal reason as the family reads it.
fn refusal_words(lang: Lang, r: RefusalReason) -> String {
    let dt = lang.decisions();
    fill(dt.family_refusal, &[("reason", dt.refusal(r))])
}

/// One line of the whole list: what it is and where it stands (the forms are above).
#[component]
fn AbsenceLine(lang: Lang, a: AbsenceItem) -> impl IntoView {
    let ft = lang.family();
    let justification = a.justification.map(|j| ft.justification_status(j));
    // A kind where the pupil was at school is never "not justified".
    let state = match a.kind {
        AbsenceKind::SchoolActivity => ft.presence_school_activity.to_owned(),
        AbsenceKind::SuspensionWithAttendance => ft.presence_suspension.to_owned(),
        _ => format!(
            "{}{}",
            if a.justified {
                ft.justified_yes
            } else {
                ft.justified_no
            },
            a.effect
                .map(|e| format!(" — {}", ft.effect(e)))
                .unwrap_or_default(),
        ),
    };
    view! {
        <li
            class="absence"
            id=format!("assenza-{}", a.id)
            data-absence=a.id
            data-date=a.date.to_string()
            data-effect=a.effect.map(|e| format!("{e:?}"))
        >
            <p>
                <strong>{absence_words(lang, &a)}</strong>
            </p>
            <p class="hint">{state}</p>
            {justification
                .map(|j| {
                    view! {
                        <p class="state" data-justification=a.justification.map(RequestStatus::as_str)>
                            {j}
                            {a.refusal.map(|r| format!(" {}", refusal_words(lang, r)))}
                        </p>
                    }
                })}
            {a
                .can_justify
                .then(|| {
                    view! {
                        <p class="state">
                            <a href="#da-giustificare">{ft.to_justify_state}</a>
                        </p>
                    }
                })}
        </li>
    }
}

/// The refused form's message, which takes the focus (`autofocus` on a page that comes back
/// from the worker with the error).
#[component]
pub(crate) fn ProblemNote(lang: Lang, #[prop(into)] id: String, message: String) -> impl IntoView {
    let ft = lang.family();
    view! {
        <div id=id class="notice notice-error" role="alert" tabindex="-1" autofocus=true>
            <p><strong>{ft.form_problem}</strong></p>
            <p>{message}</p>
        </div>
    }
}

/// `/famiglia/alunni/{id}`: the dashboard; what to justify, all of it with one reason; the
/// derogation requests and the form to ask for one; every absence month by month. `sent` names
/// the absences just justified (the confirmation takes the focus); `problem` a refused form,
/// shown again with its values.
#[allow(clippy::too_many_arguments)]
#[component]
pub fn AlunnoPage(
    lang: Lang,
    user: SignedIn,
    child: ChildDashboard,
    absences: Vec<AbsenceItem>,
    deroghe: Vec<DerogaItem>,
    categories: Vec<(String, String)>,
    year: (NaiveDate, NaiveDate),
    updated: Updated,
    #[prop(optional)] sent: Vec<i64>,
    #[prop(default = None, into)] problem: Option<FormProblem>,
) -> impl IntoView {
    let ft = lang.family();
    let csrf = user.csrf.clone();
    let next = format!("/famiglia/alunni/{}", child.id);
    let total = absences.len();
    let open: Vec<AbsenceItem> = absences.iter().filter(|a| a.can_justify).cloned().collect();
    // The confirmation of what was just sent: the dates of this child's absences named.
    let sent_dates: Vec<String> = absences
        .iter()
        .filter(|a| sent.contains(&a.id))
        .map(|a| date_it(a.date))
        .collect();
    let confirmation = (!sent_dates.is_empty()).then(|| {
        let text = lang.count(
            &ft.justified_sent,
            sent_dates.len() as u64,
            &[("dates", &sent_dates.join(", "))],
        );
        view! {
            <p id="conferma" class="notice notice-ok" role="status" tabindex="-1" autofocus=true>
                {text}
            </p>
        }
    });
    // Month by month, newest first.
    let mut months: Vec<((i32, u32), Vec<AbsenceItem>)> = Vec::new();
    for a in absences.into_iter().rev() {
        let key = (a.date.year(), a.date.month());
        match months.last_mut() {
            Some((k, v)) if *k == key => v.push(a),
            _ => months.push((key, vec![a])),
        }
    }
    let justify_problem = problem.clone().filter(|p| p.form == ProblemForm::Justify);
    let deroga_problem = problem.filter(|p| p.form == ProblemForm::Deroga);
    let title = child.name.clone();
    let pupil_id = child.id;
    let to_justify = if open.is_empty() {
        view! { <p>{ft.to_justify_none}</p> }.erased()
    } else {
        let p = justify_problem.clone();
        let chosen = move |id: i64| match &p {
            Some(p) => p.has("absences", &id.to_string()),
            None => false,
        };
        let reason_sent = justify_problem
            .as_ref()
            .and_then(|p| p.value("reason").map(str::to_owned));
        let invalid_list = justify_problem.as_ref().is_some_and(|p| p.on("absences"));
        let invalid_reason = justify_problem.as_ref().is_some_and(|p| p.on("reason"));
        view! {
            <form
                method="post"
                action=format!("/api/v1/pupils/{pupil_id}/justifications")
                class="stack-form"
            >
                {justify_problem
                    .clone()
                    .map(|p| view! { <ProblemNote lang=lang id="giustifica-errore" message=p.message/> })}
                <input type="hidden" name="csrf" value=csrf.clone()/>
                <fieldset
                    class="choices"
                    aria-invalid=invalid_list.then_some("true")
                    aria-describedby=invalid_list.then_some("giustifica-errore")
                >
                    <legend>{ft.to_justify_legend}</legend>
                    {open
                        .iter()
                        .map(|a| {
                            view! {
                                <Choice
                                    kind="checkbox"
                                    id=format!("giustifica-{}", a.id)
                                    name="absences"
                                    value=a.id.to_string()
                                    checked=chosen(a.id)
                                    label=absence_words(lang, a)
                                />
                            }
                        })
                        .collect_view()}
                </fieldset>
                <label for="giustifica-motivo">{ft.to_justify_reason}</label>
                <select
                    id="giustifica-motivo"
                    name="reason"
                    required
                    aria-invalid=invalid_reason.then_some("true")
                    aria-describedby=invalid_reason.then_some("giustifica-errore")
                >
                    {JustificationReason::ALL
                        .iter()
                        .map(|r| {
                            let selected = reason_sent.as_deref() == Some(r.as_str());
                            view! { <option value=r.as_str() selected=selected>{ft.reason(*r)}</option> }
                        })
                        .collect_view()}
                </select>
                <p class="hint">{ft.justify_privacy}</p>
                <button type="submit" class="btn btn-primary">{ft.to_justify_button}</button>
            </form>
        }
            .erased()
    };
    let deroga_open = deroga_problem.is_some();
    let deroga_value = |k: &str| {
        deroga_problem
            .as_ref()
            .and_then(|p| p.value(k))
            .unwrap_or("")
            .to_owned()
    };
    let (category_sent, from_sent, to_sent) = (
        deroga_value("category"),
        deroga_value("from"),
        deroga_value("to"),
    );
    let invalid = |field: &str| deroga_problem.as_ref().is_some_and(|p| p.on(field));
    let (bad_category, bad_from, bad_to) = (
        invalid("category"),
        invalid("from") || invalid("period"),
        invalid("to") || invalid("period"),
    );
    let here = format!("/famiglia/alunni/{}", child.id);
    view! {
        <Page lang=lang title=title.clone() user=user pwa=true offline_note=updated.offline_note(lang) lang_menu=here>
            <p><a href="/famiglia">{ft.back_family}</a></p>
            <h1>{title}</h1>
            <Cruscotto lang=lang child=child detail=true/>
            {confirmation}
            <section aria-labelledby="da-giustificare">
                <h2 id="da-giustificare">
                    {fill(ft.to_justify_title, &[("n", &lang.number(open.len() as u64))])}
                </h2>
                {(!open.is_empty()).then(|| view! { <p>{ft.to_justify_lead}</p> })}
                {to_justify}
            </section>
            <section aria-labelledby="deroghe">
                <h2 id="deroghe">{ft.deroga_title}</h2>
                <p>{ft.deroga_lead}</p>
                {if deroghe.is_empty() {
                    view! { <p>{ft.deroga_none}</p> }.erased()
                } else {
                    view! {
                        <ul class="requests">
                            {deroghe
                                .into_iter()
                                .map(|r| {
                                    view! {
                                        <li data-deroga=r.id data-status=r.status.as_str()>
                                            <strong>{r.category.clone()}</strong>
                                            " — "
                                            {fill(
                                                ft.deroga_range,
                                                &[("from", &date_it(r.from)), ("to", &date_it(r.to))],
                                            )}
                                            " — "
                                            {ft.request_status(r.status)}
                                            {r
                                                .council_date
                                                .map(|d| {
                                                    format!(
                                                        ". {}",
                                                        fill(lang.decisions().family_council, &[("date", &date_it(d))]),
                                                    )
                                                })}
                                            {r.refusal.map(|x| format!(" {}", refusal_words(lang, x)))}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .erased()
                }}
                <details class="deroga-form" open=deroga_open>
                    <summary class="btn btn-secondary">{ft.deroga_open}</summary>
                    <form
                        method="post"
                        action=format!("/api/v1/pupils/{pupil_id}/derogations")
                        class="stack-form"
                    >
                        {deroga_problem
                            .clone()
                            .map(|p| view! { <ProblemNote lang=lang id="deroga-errore" message=p.message/> })}
                        <input type="hidden" name="csrf" value=csrf.clone()/>
                        <input type="hidden" name="next" value=next.clone()/>
                        <fieldset
                            class="choices"
                            aria-invalid=bad_category.then_some("true")
                            aria-describedby=bad_category.then_some("deroga-errore")
                        >
                            <legend>{ft.deroga_category}</legend>
                            {categories
                                .into_iter()
                                .enumerate()
                                .map(|(i, (code, label))| {
                                    let checked = category_sent == code;
                                    view! {
                                        <Choice
                                            kind="radio"
                                            id=format!("deroga-categoria-{i}")
                                            name="category"
                                            value=code
                                            checked=checked
                                            required=true
                                            label=label
                                        />
                                    }
                                })
                                .collect_view()}
                        </fieldset>
                        <label for="deroga-dal">{ft.deroga_from}</label>
                        <input
                            id="deroga-dal"
                            name="from"
                            type="date"
                            required
                            min=year.0.to_string()
                            max=year.1.to_string()
                            value=from_sent
                            aria-invalid=bad_from.then_some("true")
                            aria-describedby=bad_from.then_some("deroga-errore")
                        />
                        <label for="deroga-al">{ft.deroga_to}</label>
                        <input
                            id="deroga-al"
                            name="to"
                            type="date"
                            required
                            min=year.0.to_string()
                            max=year.1.to_string()
                            value=to_sent
                            aria-invalid=bad_to.then_some("true")
                            aria-describedby=bad_to.then_some("deroga-errore")
                        />
                        <p class="hint">{ft.deroga_documents}</p>
                        <button type="submit" class="btn btn-primary">{ft.deroga_button}</button>
                    </form>
                </details>
            </section>
            <section aria-labelledby="assenze">
                <h2 id="assenze">{fill(ft.absences_title, &[("n", &lang.number(total as u64))])}</h2>
                {if months.is_empty() {
                    view! { <p>{ft.absences_none}</p> }.erased()
                } else {
                    // Each month folded but the latest and those with what was just sent: the
                    // page stays short on a phone.
                    months
                        .into_iter()
                        .enumerate()
                        .map(|(i, ((y, m), list))| {
                            let open = i == 0 || list.iter().any(|a| sent.contains(&a.id));
                            let month = format!(
                                "{} {y} ({})",
                                ft.months.get(m as usize - 1).copied().unwrap_or(""),
                                lang.number(list.len() as u64),
                            );
                            view! {
                                <details class="month" open=open>
                                    <summary>
                                        <h3>{month}</h3>
                                    </summary>
                                    <ul class="absences">
                                        {list
                                            .into_iter()
                                            .map(|a| view! { <AbsenceLine lang=lang a=a/> })
                                            .collect_view()}
                                    </ul>
                                </details>
                            }
                        })
                        .collect_view()
                        .erased()
                }}
            </section>
        </Page>
    }
}

/// A notice in the family's list.
#[derive(Debug, Clone)]
pub struct NoticeItem {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub published: String,
    pub read: bool,
    pub requires_ack: bool,
    /// The children it concerns, by name.
    pub for_names: Vec<String>,
    /// When acknowledged (date, time), if all of them are.
    pub acknowledged: Option<(String, String)>,
    /// When the school withdrew it (a date), if it did.
    pub withdrawn: Option<String>,
    /// When the school last reminded families (a date), if it did.
    pub reminded: Option<String>,
}

/// An automatic notice, with the child's name.
#[derive(Debug, Clone)]
pub struct AutoItem {
    pub name: String,
    pub notice: AutoNotice,
}

fn auto_text(ft: &FamilyTexts, a: &AutoItem) -> String {
    let date = date_it(a.notice.date());
    let n = a.name.as_str();
    match &a.notice {
        AutoNotice::ThresholdReached { hours, .. } => fill(
            ft.auto_threshold,
            &[("name", n), ("hours", &hours.to_string()), ("date", &date)],
        ),
        AutoNotice::LimitExceeded { .. } => fill(ft.auto_exceeded, &[("name", n), ("date", &date)]),
        AutoNotice::Law159Flagged { .. } => fill(ft.auto_law159, &[("name", n), ("date", &date)]),
        AutoNotice::Elusione { .. } => fill(ft.auto_elusione, &[("name", n), ("date", &date)]),
    }
}

/// `/famiglia/avvisi`: the school's notices, unread first, and the automatic ones.
#[component]
pub fn AvvisiPage(
    lang: Lang,
    user: SignedIn,
    notices: Vec<NoticeItem>,
    auto: Vec<AutoItem>,
    updated: Updated,
) -> impl IntoView {
    let ft = lang.family();
    view! {
        <Page lang=lang title=ft.notices_title.to_owned() user=user pwa=true offline_note=updated.offline_note(lang) lang_menu="/famiglia/avvisi">
            <p><a href="/famiglia">{ft.back_family}</a></p>
            <h1>{ft.notices_title}</h1>
                        <p class="lead">{ft.notices_lead}</p>
            {if notices.is_empty() {
                view! { <p>{ft.notices_none}</p> }.erased()
            } else {
                view! {
                    <ul class="avvisi">
                        {notices
                            .into_iter()
                            .map(|n| {
                                let state = if n.read { ft.notice_read } else { ft.notice_unread };
                                let (it, dir) = school_text_lang(lang);
                                view! {
                                    <li class=if n.read { "avviso" } else { "avviso unread" } data-notice=n.id>
                                        <a href=format!("/famiglia/avvisi/{}", n.id) lang=it dir=dir>{n.title}</a>
                                        <p class="hint">
                                            {state}
                                            " · "
                                            {fill(ft.notice_published, &[("date", &n.published)])}
                                            " · "
                                            {fill(ft.notice_for, &[("names", &n.for_names.join(", "))])}
                                        </p>
                                        {n.withdrawn.is_some().then(|| view! { <p class="state withdrawn">{ft.notice_withdrawn_tag}</p> })}
                                        {n.reminded.clone().map(|d| view! { <p class="state">{fill(ft.notice_reminded, &[("date", &d)])}</p> })}
                                        {match (n.requires_ack && n.withdrawn.is_none(), n.acknowledged) {
                                            (true, None) => Some(view! { <p class="state">{ft.notice_ack_needed}</p> }.erased()),
                                            (true, Some((d, t))) => Some(view! { <p class="state">{fill(ft.notice_ack_done, &[("date", &d), ("time", &t)])}</p> }.erased()),
                                            _ => None,
                                        }}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .erased()
            }}
            <h2>{ft.auto_title}</h2>
            {if auto.is_empty() {
                view! { <p>{ft.notices_none}</p> }.erased()
            } else {
                view! {
                    <ul class="avvisi">
                        {auto
                            .iter()
                            .map(|a| {
                                let italian = vec![auto_text(Lang::It.family(), a)];
                                view! {
                                    <li class="avviso auto">
                                        {auto_text(ft, a)}
                                        <Original lang=lang lines=italian/>
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

/// `/famiglia/avvisi/{id}`: one notice, and the *presa visione* button when asked.
#[component]
pub fn AvvisoPage(lang: Lang, user: SignedIn, notice: NoticeItem) -> impl IntoView {
    let ft = lang.family();
    let csrf = user.csrf.clone();
    let n = notice;
    let here = format!("/famiglia/avvisi/{}", n.id);
    view! {
        <Page lang=lang title=n.title.clone() user=user pwa=true lang_menu=here>
            <p><a href="/famiglia/avvisi">{ft.back_notices}</a></p>
            <h1 lang=school_text_lang(lang).0 dir=school_text_lang(lang).1>{n.title.clone()}</h1>
            <p class="hint">
                {fill(ft.notice_published, &[("date", &n.published)])}
                " · "
                {fill(ft.notice_for, &[("names", &n.for_names.join(", "))])}
            </p>
            {n
                .withdrawn
                .clone()
                .map(|d| {
                    view! {
                        <p class="alert alert-warning" data-withdrawn="true">
                            {fill(ft.notice_withdrawn, &[("date", &d)])}
                        </p>
                    }
                })}
            {n.reminded.clone().map(|d| view! { <p class="hint">{fill(ft.notice_reminded, &[("date", &d)])}</p> })}
            <div class="notice-body" lang=school_text_lang(lang).0 dir=school_text_lang(lang).1>
                {n.body.split('\n').filter(|l| !l.trim().is_empty()).map(|l| view! { <p>{l.to_owned()}</p> }).collect_view()}
            </div>
            {match (n.requires_ack && n.withdrawn.is_none(), n.acknowledged.clone()) {
                (true, None) => Some(view! {
                    <form method="post" action=format!("/api/v1/notices/{}/acknowledgement", n.id)>
                        <input type="hidden" name="csrf" value=csrf/>
                        <p>{ft.notice_ack_needed}</p>
                        <button type="submit" class="btn btn-primary">{ft.notice_ack_button}</button>
                    </form>
                }.erased()),
                (true, Some((d, t))) => Some(view! {
                    <p class="state" data-acknowledged="true">{fill(ft.notice_ack_done, &[("date", &d), ("time", &t)])}</p>
                }.erased()),
                _ => None,
            }}
        </Page>
    }
}

/// A form that could not be carried out: the reason, in words, and the way back.
#[component]
pub fn FormErrorPage(
    lang: Lang,
    #[prop(default = None, into)] user: Option<SignedIn>,
    message: String,
    back: String,
) -> impl IntoView {
    let ft = lang.family();
    view! {
        <Page lang=lang title=ft.error_title.to_owned() user=user lang_menu=back.clone()>
            <h1>{ft.error_title}</h1>
            <p role="alert">{message}</p>
            <p><a href=back>{ft.error_back}</a></p>
        </Page>
    }
}

/// The month names, for tests and other pages.
pub fn month_name(ft: &FamilyTexts, m: u32) -> &'static str {
    ft.months
        .get(m.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

/// `/famiglia/senza-rete`: the page the phone shows for a family page it has not kept, in the
/// family's language (the service worker keeps the copy of the language last used; the static
/// `offline.html` is the Italian one it starts with: docs/pwa.md).
#[component]
pub fn SenzaRetePage(lang: Lang) -> impl IntoView {
    let t = lang.texts();
    view! {
        <Page lang=lang title=t.offline_title.to_owned()>
            <h1>{t.offline_title}</h1>
            <p class="offline-note">{t.offline_unsaved}</p>
            <p><a href="/famiglia">{t.offline_retry}</a></p>
        </Page>
    }
}
