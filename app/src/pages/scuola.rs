//! The school's side of the family portal: `/scuola/{id}/avvisi` (write and publish a notice,
//! see the published ones with their acknowledgements), `/scuola/{id}/avvisi/{n}` (who has and
//! has not acknowledged, per class, CSV). The requests to decide are `richieste`.

use crate::erased::IntoErased;
use crate::i18n::{fill, Lang};
use crate::layout::{Choice, Page, SignedIn};
use domain::attendance::SchoolGrade;
use leptos::prelude::*;

/// A published notice with its acknowledgement figures.
#[derive(Debug, Clone)]
pub struct NoticeRow {
    pub id: i64,
    pub title: String,
    pub published: String,
    pub requires_ack: bool,
    /// Whom it is for, in words (`FamilyTexts::audience`).
    pub audience: String,
    pub recipients: u32,
    pub acknowledged: u32,
    pub percent: f64,
    /// When it was withdrawn (a date), if it was.
    pub withdrawn: Option<String>,
    /// When families were last reminded (a date), if they were.
    pub reminded: Option<String>,
}

#[component]
fn AckFigure(lang: Lang, n: u32, total: u32, percent_value: f64) -> impl IntoView {
    let ft = lang.family();
    view! {
        <span data-acks=n data-recipients=total>
            {fill(
                ft.sn_acks,
                &[
                    ("n", &lang.number(u64::from(n))),
                    ("total", &lang.number(u64::from(total))),
                    ("percent", &lang.percent(percent_value)),
                ],
            )}
        </span>
    }
}

/// A notice as typed, checked before publishing (`POST /scuola/{id}/avvisi`): what was sent,
/// and whom it reaches or why it cannot go.
#[derive(Debug, Clone)]
pub struct NoticeCheck {
    pub values: Vec<(String, String)>,
    pub outcome: CheckOutcome,
}

#[derive(Debug, Clone)]
pub enum CheckOutcome {
    /// It reaches the families of this many pupils; the audience in words.
    Reaches { pupils: u32, audience: String },
    /// Refused: the field at fault and the message.
    Problem {
        field: Option<String>,
        message: String,
    },
}

impl NoticeCheck {
    fn value(&self, k: &str) -> &str {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == k)
            .map_or("", |(_, v)| v.as_str())
    }

    fn has(&self, k: &str, v: &str) -> bool {
        self.values.iter().any(|(n, x)| n == k && x == v)
    }
}

/// `/scuola/{id}/avvisi`.
#[component]
pub fn AvvisiScuolaPage(
    lang: Lang,
    user: SignedIn,
    school_id: i64,
    school: String,
    manages: bool,
    notices: Vec<NoticeRow>,
    /// The school's own grades and classes, each class with its pupils, to choose from.
    #[prop(optional)]
    choices: Vec<GradeChoice>,
    /// The form checked, when it was: its values are shown again.
    #[prop(default = None)]
    check: Option<NoticeCheck>,
) -> impl IntoView {
    let ft = lang.family();
    let csrf = user.csrf.clone();
    let sent = |k: &str| {
        check
            .as_ref()
            .map(|c| c.value(k).to_owned())
            .unwrap_or_default()
    };
    let has = |k: &str, v: &str| check.as_ref().is_some_and(|c| c.has(k, v));
    let audience_sent = match sent("audience").as_str() {
        "" => "school".to_owned(),
        a => a.to_owned(),
    };
    let reaches = check.as_ref().and_then(|c| match &c.outcome {
        CheckOutcome::Reaches { pupils, audience } => Some((*pupils, audience.clone())),
        CheckOutcome::Problem { .. } => None,
    });
    let problem = check.as_ref().and_then(|c| match &c.outcome {
        CheckOutcome::Problem { field, message } => Some((field.clone(), message.clone())),
        CheckOutcome::Reaches { .. } => None,
    });
    let invalid = |f: &str| {
        problem
            .as_ref()
            .is_some_and(|(field, _)| field.as_deref() == Some(f))
    };
    let (bad_title, bad_body) = (invalid("title"), invalid("body"));
    let bad_audience = invalid("audience") || invalid("audience_value");
    let (title_sent, body_sent, grade_sent) = (sent("title"), sent("body"), sent("grade"));
    let ack_sent = !sent("requires_ack").is_empty();
    let check_at = format!("/scuola/{school_id}/avvisi");
    let publish_at = format!("/api/v1/schools/{school_id}/notices");
    let grades: Vec<SchoolGrade> = choices.iter().map(|g| g.grade).collect();
    let class_boxes = choices
        .iter()
        .map(|g| {
            view! {
                <fieldset class="class-choices">
                    <legend>{ft.grade(g.grade)}</legend>
                    {g
                        .classes
                        .iter()
                        .map(|c| {
                            view! {
                                <Choice
                                    kind="checkbox"
                                    id=format!("avviso-classe-{}", c.code)
                                    name="classes"
                                    value=c.code.clone()
                                    label=c.code.clone()
                                    checked=has("classes", &c.code)
                                />
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
        })
        .collect_view();
    let pupil_boxes = choices
        .iter()
        .flat_map(|g| g.classes.iter())
        .map(|c| {
            let summary = lang.count(
                &ft.sn_class_pupils,
                c.pupils.len() as u64,
                &[("class", &c.code)],
            );
            view! {
                <details class="roll">
                    <summary>{summary}</summary>
                    {c
                        .pupils
                        .iter()
                        .map(|(id, name)| {
                            view! {
                                <Choice
                                    kind="checkbox"
                                    id=format!("avviso-alunno-{id}")
                                    name="pupils"
                                    value=id.to_string()
                                    label=name.clone()
                                    checked=has("pupils", &id.to_string())
                                />
                            }
                        })
                        .collect_view()}
                </details>
            }
        })
        .collect_view();
    view! {
        <Page lang=lang title=ft.sn_title.to_owned() user=user>
            <p><a href="/scuola">{lang.texts().school_title}</a></p>
            <h1>{ft.sn_title}</h1>
            <p class="lead">{school}</p>
            {manages
                .then(|| {
                    view! {
                        <h2>{ft.sn_new}</h2>
                        // First the recipients are checked (this page, POST): only then can the
                        // notice be published (the API), or checked again after a change.
                        <form
                            method="post"
                            action=if reaches.is_some() { publish_at.clone() } else { check_at.clone() }
                            class="stack-form"
                            id="nuovo-avviso"
                        >
                            {problem
                                .clone()
                                .map(|(_, message)| {
                                    view! {
                                        <crate::pages::famiglia::ProblemNote
                                            lang=lang
                                            id="avviso-errore"
                                            message=message
                                        />
                                    }
                                })}
                            <input type="hidden" name="csrf" value=csrf.clone()/>
                            <label for="avviso-titolo">{ft.sn_title_field}</label>
                            <input
                                id="avviso-titolo"
                                name="title"
                                required
                                maxlength="200"
                                value=title_sent.clone()
                                aria-invalid=bad_title.then_some("true")
                            />
                            <label for="avviso-testo">{ft.sn_body_field}</label>
                            <textarea
                                id="avviso-testo"
                                name="body"
                                required
                                rows="6"
                                maxlength="10000"
                                aria-invalid=bad_body.then_some("true")
                            >
                                {body_sent.clone()}
                            </textarea>
                            <fieldset aria-invalid=bad_audience.then_some("true")>
                                <legend>{ft.sn_audience}</legend>
                                {[
                                    ("school", ft.sn_audience_school),
                                    ("grade", ft.sn_audience_grade),
                                    ("classes", ft.sn_audience_classes),
                                    ("pupils", ft.sn_audience_pupils),
                                ]
                                    .into_iter()
                                    .map(|(value, label)| {
                                        view! {
                                            <label class="choice">
                                                <input
                                                    type="radio"
                                                    name="audience"
                                                    value=value
                                                    checked=audience_sent == value
                                                />
                                                {label}
                                            </label>
                                        }
                                    })
                                    .collect_view()}
                            </fieldset>
                            <label for="avviso-ordine">{ft.sn_audience_grade}</label>
                            <select id="avviso-ordine" name="grade">
                                {grades
                                    .iter()
                                    .map(|g| {
                                        let selected = grade_sent == g.code();
                                        view! { <option value=g.code() selected=selected>{ft.grade(*g)}</option> }
                                    })
                                    .collect_view()}
                            </select>
                            <details class="audience-choices" open=audience_sent == "classes">
                                <summary>{ft.sn_choose_classes}</summary>
                                <p class="hint">{ft.sn_choose_hint}</p>
                                {class_boxes}
                            </details>
                            <details class="audience-choices" open=audience_sent == "pupils">
                                <summary>{ft.sn_choose_pupils}</summary>
                                <p class="hint">{ft.sn_choose_hint}</p>
                                {pupil_boxes}
                            </details>
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    name="requires_ack"
                                    value="true"
                                    checked=ack_sent
                                />
                                {ft.sn_requires_ack}
                            </label>
                            {match reaches.clone() {
                                Some((pupils, audience)) => {
                                    view! {
                                        <div
                                            id="destinatari"
                                            class="notice notice-ok"
                                            role="status"
                                            tabindex="-1"
                                            autofocus=true
                                        >
                                            <p>
                                                <strong>
                                                    {lang
                                                        .count(
                                                            &ft.sn_reaches,
                                                            u64::from(pupils),
                                                            &[("audience", &audience)],
                                                        )}
                                                </strong>
                                            </p>
                                            <p>{ft.sn_reaches_next}</p>
                                        </div>
                                        <div class="inline-form">
                                            <button type="submit" class="btn btn-primary">
                                                {ft.sn_publish}
                                            </button>
                                            <button
                                                type="submit"
                                                class="btn btn-secondary"
                                                formaction=check_at.clone()
                                            >
                                                {ft.sn_check_again}
                                            </button>
                                        </div>
                                    }
                                        .erased()
                                }
                                None => {
                                    view! {
                                        <button type="submit" class="btn btn-primary">
                                            {ft.sn_check}
                                        </button>
                                    }
                                        .erased()
                                }
                            }}
                        </form>
                    }
                })}
            <h2>{ft.sn_list}</h2>
            {if notices.is_empty() {
                view! { <p>{ft.sn_none}</p> }.erased()
            } else {
                view! {
                    <ul class="avvisi">
                        {notices
                            .into_iter()
                            .map(|n| {
                                view! {
                                    <li class="avviso" data-notice=n.id>
                                        {if manages {
                                            view! {
                                                <a href=format!(
                                                    "/scuola/{school_id}/avvisi/{}",
                                                    n.id,
                                                )>{n.title}</a>
                                            }
                                                .erased()
                                        } else {
                                            // A teacher sees the notice and its figures, not
                                            // the whole school's list of who acknowledged.
                                            view! { <strong>{n.title}</strong> }.erased()
                                        }}
                                        {n
                                            .withdrawn
                                            .clone()
                                            .map(|d| {
                                                view! {
                                                    <p class="state withdrawn">
                                                        {fill(ft.sn_withdrawn, &[("date", &d)])}
                                                    </p>
                                                }
                                            })}
                                        <p class="hint audience">
                                            {lang
                                                .count(
                                                    &ft.sn_recipients,
                                                    u64::from(n.recipients),
                                                    &[("audience", &n.audience)],
                                                )}
                                        </p>
                                        <p class="hint">
                                            {fill(ft.notice_published, &[("date", &n.published)])}
                                            " · "
                                            {if n.requires_ack {
                                                view! {
                                                    <AckFigure
                                                        lang=lang
                                                        n=n.acknowledged
                                                        total=n.recipients
                                                        percent_value=n.percent
                                                    />
                                                }
                                                    .erased()
                                            } else {
                                                view! { <span>{ft.sn_no_ack}</span> }.erased()
                                            }}
                                        </p>
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

/// A grade the school has, with its classes.
#[derive(Debug, Clone)]
pub struct GradeChoice {
    pub grade: SchoolGrade,
    pub classes: Vec<ClassChoice>,
}

/// A class of the school with its pupils (id, "Surname Name").
#[derive(Debug, Clone)]
pub struct ClassChoice {
    pub code: String,
    pub pupils: Vec<(i64, String)>,
}

/// Acknowledgements in one class.
#[derive(Debug, Clone)]
pub struct ClassRow {
    pub class: String,
    pub recipients: u32,
    pub acknowledged: u32,
}

/// One pupil the notice reaches.
#[derive(Debug, Clone)]
pub struct PupilAck {
    pub class: String,
    pub pupil: String,
    pub when: Option<String>,
    pub by: Option<String>,
}

/// `/scuola/{id}/avvisi/{n}`.
#[allow(clippy::too_many_arguments)]
#[component]
pub fn AvvisoScuolaPage(
    lang: Lang,
    user: SignedIn,
    school_id: i64,
    notice: NoticeRow,
    body: String,
    classes: Vec<ClassRow>,
    pupils: Vec<PupilAck>,
) -> impl IntoView {
    let ft = lang.family();
    let id = notice.id;
    let csrf = user.csrf.clone();
    let missing = notice.recipients.saturating_sub(notice.acknowledged);
    // What the office can still do: remind those missing, withdraw it.
    let actions = match notice.withdrawn.clone() {
        Some(d) => view! {
            <p class="alert alert-warning" data-withdrawn="true">
                {fill(ft.sn_withdrawn, &[("date", &d)])}
            </p>
        }
        .erased(),
        None => view! {
            <div class="notice-actions">
                {(notice.requires_ack && missing > 0)
                    .then(|| {
                        view! {
                            <form method="post" action=format!("/api/v1/notices/{id}/reminder")>
                                <input type="hidden" name="csrf" value=csrf.clone()/>
                                <button type="submit" class="btn btn-secondary">
                                    {lang.count(&ft.sn_remind, u64::from(missing), &[])}
                                </button>
                            </form>
                        }
                    })}
                {notice
                    .reminded
                    .clone()
                    .map(|d| view! { <p class="hint">{fill(ft.sn_reminded, &[("date", &d)])}</p> })}
                <details class="withdraw">
                    <summary class="btn btn-secondary">{ft.sn_withdraw_open}</summary>
                    <form method="post" action=format!("/api/v1/notices/{id}/withdrawal")>
                        <input type="hidden" name="csrf" value=csrf.clone()/>
                        <p>{ft.sn_withdraw_text}</p>
                        <button type="submit" class="btn btn-primary">{ft.sn_withdraw_confirm}</button>
                    </form>
                </details>
            </div>
        }
        .erased(),
    };
    view! {
        <Page lang=lang title=notice.title.clone() user=user>
            <p><a href=format!("/scuola/{school_id}/avvisi")>{ft.sn_title}</a></p>
            <h1>{notice.title.clone()}</h1>
            <p class="hint audience">
                {lang
                    .count(
                        &ft.sn_recipients,
                        u64::from(notice.recipients),
                        &[("audience", &notice.audience)],
                    )}
            </p>
            <p class="hint">{fill(ft.notice_published, &[("date", &notice.published)])}</p>
            {actions}
            <div class="notice-body">
                {body
                    .split('\n')
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| view! { <p>{l.to_owned()}</p> })
                    .collect_view()}
            </div>
            {if notice.requires_ack {
                view! {
                    <p class="lead">
                        <AckFigure
                            lang=lang
                            n=notice.acknowledged
                            total=notice.recipients
                            percent_value=notice.percent
                        />
                    </p>
                    <p>
                        <a href=format!("/api/v1/notices/{id}/acknowledgements?format=csv")>
                            {ft.sn_csv}
                        </a>
                    </p>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=ft.sn_col_class>
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{ft.sn_col_class}</th>
                                    <th scope="col">{ft.sn_col_recipients}</th>
                                    <th scope="col">{ft.sn_col_acks}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {classes
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <tr data-class=c.class.clone()>
                                                <th scope="row">{c.class.clone()}</th>
                                                <td>{c.recipients}</td>
                                                <td>{c.acknowledged}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=ft.sn_col_pupil>
                        <table class="list">
                            <thead>
                                <tr>
                                    <th scope="col">{ft.sn_col_class}</th>
                                    <th scope="col">{ft.sn_col_pupil}</th>
                                    <th scope="col">{ft.sn_col_when}</th>
                                    <th scope="col">{ft.sn_col_by}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {pupils
                                    .into_iter()
                                    .map(|p| {
                                        view! {
                                            <tr>
                                                <td>{p.class}</td>
                                                <td>{p.pupil}</td>
                                                <td>
                                                    {p.when.unwrap_or_else(|| ft.sn_not_yet.to_owned())}
                                                </td>
                                                <td>{p.by.unwrap_or_default()}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .erased()
            } else {
                view! { <p>{ft.sn_no_ack}</p> }.erased()
            }}
        </Page>
    }
}
