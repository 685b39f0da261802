//! Signing in and the signed-in areas: `/accedi`, the page for a person with no role,
//! `/scuola` (the family's pages are in `famiglia.rs`).

use crate::assets::Bundle;
use crate::erased::IntoErased;
use crate::i18n::{date_it, fill, Lang, Texts};
use crate::islands::importazione::{self, Importazione};
use crate::islands::{IslandData, IslandDataHolder};
use crate::layout::{Icon, Page, SignedIn};
use leptos::prelude::*;

/// An identity provider offered on `/accedi`.
#[derive(Debug, Clone)]
pub struct ProviderChoice {
    pub id: String,
    pub label: String,
}

/// `/accedi`: SPID or CIE, nothing else (no passwords).
#[component]
pub fn AccediPage(lang: Lang, providers: Vec<ProviderChoice>, next: String) -> impl IntoView {
    let t = lang.texts();
    let next_q = domain::query::encode_component(&next);
    view! {
        <Page lang=lang title=t.signin_title.to_owned() lang_menu=format!("/accedi?next={next_q}")>
            <h1>{t.signin_title}</h1>
            <p class="lead">{t.signin_lead}</p>
            {if providers.is_empty() {
                view! { <p>{t.signin_none}</p> }.erased()
            } else {
                view! {
                    <ul class="doors">
                        {providers
                            .into_iter()
                            .map(|p| {
                                let href = format!("/accedi/{}?next={next_q}", p.id);
                                view! {
                                    <li>
                                        <a class="door" href=href>
                                            <Icon name="it-user"/>
                                            <span class="door-title">
                                                {fill(t.signin_with, &[("provider", &p.label)])}
                                            </span>
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .erased()
            }}
            <p>{t.signin_hosts_note}</p>
        </Page>
    }
}

/// A sign-in that did not complete: what happened, and a way back.
#[component]
pub fn LoginFailedPage(lang: Lang, message: String) -> impl IntoView {
    let t = lang.texts();
    view! {
        <Page lang=lang title=t.signin_failed_title.to_owned()>
            <h1>{t.signin_failed_title}</h1>
            <p role="alert">{message}</p>
            <p><a href="/accedi">{t.signin_retry}</a></p>
        </Page>
    }
}

/// A school that uses Ponte, as a person it has not registered sees it.
#[derive(Debug, Clone)]
pub struct SchoolCard {
    pub name: String,
    /// "Roma (RM)".
    pub place: Option<String>,
    pub office_email: Option<String>,
    pub office_phone: Option<String>,
    /// `domain::import::Rhythm` of its absences imports.
    pub last_on: Option<chrono::NaiveDate>,
    pub usual_days: Option<u32>,
}

/// The schools a no-role page lists: found by `query`, `more` when the list was cut.
#[derive(Debug, Clone, Default)]
pub struct SchoolList {
    pub query: String,
    pub schools: Vec<SchoolCard>,
    pub more: bool,
}

/// `tel:` wants the digits (and a leading `+`) only.
fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

#[component]
fn SchoolContactCard(lang: Lang, school: SchoolCard) -> impl IntoView {
    let t = lang.texts();
    let register = match school.last_on {
        Some(on) => {
            let mut line = fill(t.norole_register_on, &[("date", &date_it(on))]);
            if let Some(n) = school.usual_days {
                line.push(' ');
                line.push_str(&lang.count(&t.norole_register_usually, u64::from(n), &[]));
            }
            line
        }
        None => t.norole_register_never.to_owned(),
    };
    let no_contacts = school.office_email.is_none() && school.office_phone.is_none();
    view! {
        <li class="card">
            <h3 class="card-title">{school.name}</h3>
            {school.place.map(|p| view! { <p class="hint">{p}</p> })}
            <dl class="facts">
                {school
                    .office_email
                    .map(|e| {
                        view! {
                            <dt>{t.norole_office_email}</dt>
                            <dd><a href=format!("mailto:{e}")>{e.clone()}</a></dd>
                        }
                    })}
                {school
                    .office_phone
                    .map(|p| {
                        view! {
                            <dt>{t.norole_office_phone}</dt>
                            <dd><a href=tel_href(&p)>{p.clone()}</a></dd>
                        }
                    })}
            </dl>
            {no_contacts.then(|| view! { <p>{t.norole_no_contacts}</p> })}
            <p class="updated">{register}</p>
        </li>
    }
}

/// Signed in, but no school has registered this codice fiscale: say so, which schools use
/// Ponte with whom to ask and how fresh their data are, and the calculator that needs no
/// sign-in.
#[component]
pub fn NoRolePage(
    lang: Lang,
    user: SignedIn,
    codice_fiscale: String,
    list: SchoolList,
) -> impl IntoView {
    let t = lang.texts();
    let text = fill(
        t.norole_text,
        &[("name", &user.name), ("cf", &codice_fiscale)],
    );
    let shown = list.schools.len();
    let found = if list.schools.is_empty() {
        view! { <p>{t.norole_schools_none}</p> }.erased()
    } else {
        view! {
            <ul class="cards">
                {list
                    .schools
                    .into_iter()
                    .map(|s| view! { <SchoolContactCard lang=lang school=s/> })
                    .collect_view()}
            </ul>
        }
        .erased()
    };
    view! {
        <Page lang=lang title=t.norole_title.to_owned() user=user lang_menu="/area">
            <h1>{t.norole_title}</h1>
            <p>{text}</p>
            <p>{t.norole_what}</p>
            <p>
                {t.norole_calculator}
                " "
                <a href="/calcolo-assenze">{t.norole_calculator_link}</a>
                "."
            </p>
            <h2 id="scuole">{t.norole_schools}</h2>
            <p>{t.norole_schools_lead}</p>
            <form method="get" action="/area#scuole" class="inline-search" role="search">
                <label for="scuola-q">{t.norole_search_label}</label>
                <input id="scuola-q" name="scuola" type="search" value=list.query maxlength="80"/>
                <button type="submit" class="btn btn-primary">{t.norole_search_button}</button>
            </form>
            {found}
            {list
                .more
                .then(|| {
                    view! {
                        <p>{fill(t.norole_schools_more, &[("n", &lang.number(shown as u64))])}</p>
                    }
                })}
        </Page>
    }
}

/// A teacher's class with its pupils ("Surname Name", in order).
#[derive(Debug, Clone)]
pub struct ClassRoll {
    pub code: String,
    pub pupils: Vec<String>,
}

/// One appointment in the school area: the office and the head teacher see the whole school's
/// number of pupils; a teacher their classes, each with its pupils.
#[derive(Debug, Clone)]
pub struct SchoolRole {
    pub school_id: i64,
    pub school: String,
    pub role: &'static str,
    pub classes: Vec<ClassRoll>,
    pub pupils: u32,
    pub manages: bool,
    /// The Law 159/2023 cases whose next step is overdue, and those due within 7 days.
    pub law159_overdue: Vec<DueLine>,
    pub law159_soon: Vec<DueLine>,
    /// The ARS calendar's deadlines of the school year (seed 000), for the office and the head
    /// teacher of a school whose region has a calendar loaded; `None` otherwise (no section).
    pub ars: Option<ArsHome>,
}

/// The school home's ARS section.
#[derive(Debug, Clone)]
pub struct ArsHome {
    pub school_year: i32,
    pub deadlines: Vec<domain::api::types::ArsDeadline>,
}

/// The ARS deadlines of the school year with the days left (the lists are a link below).
#[component]
fn ArsDue(lang: Lang, ars: ArsHome) -> impl IntoView {
    let at = lang.ars();
    view! {
        <section class="ars-due">
            <h3>
                {format!(
                    "{} {}",
                    at.home_heading,
                    crate::pages::ars::school_year_label(ars.school_year),
                )}
            </h3>
            {if ars.deadlines.is_empty() {
                view! { <p>{at.calendar_none}</p> }.erased()
            } else {
                view! {
                    <ul>
                        {ars
                            .deadlines
                            .iter()
                            .map(|d| {
                                let line = fill(
                                    at.home_line,
                                    &[
                                        ("operation", at.operation(d.operation)),
                                        ("date", &date_it(d.by)),
                                        ("left", &at.left(lang, d.days_left)),
                                    ],
                                );
                                view! { <li data-operation=d.operation.code() data-days-left=d.days_left>{line}</li> }
                            })
                            .collect_view()}
                    </ul>
                }
                    .erased()
            }}
        </section>
    }
}

/// A pupil's next Law 159/2023 step on the school's home.
#[derive(Debug, Clone)]
pub struct DueLine {
    pub pupil_id: i64,
    pub name: String,
    pub class_code: String,
    pub deadline: domain::attendance::law159::cases::Deadline,
}

/// The school home's Law 159 deadlines of one school: overdue, then due within 7 days.
#[component]
fn Law159Due(
    lang: Lang,
    school_id: i64,
    overdue: Vec<DueLine>,
    soon: Vec<DueLine>,
) -> impl IntoView {
    let t = lang.law159();
    let list = move |lines: Vec<DueLine>| {
        view! {
            <ul>
                {lines
                    .into_iter()
                    .map(|l| {
                        view! {
                            <li data-pupil=l.pupil_id>
                                <a href=format!("/scuola/{school_id}/obbligo/{}", l.pupil_id)>
                                    {format!("{} ({})", l.name, l.class_code)}
                                </a>
                                ": "
                                {crate::pages::obbligo::deadline_text(t, &l.deadline)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    };
    let nothing = overdue.is_empty() && soon.is_empty();
    view! {
        <section class="law159-due">
            <h3>{t.home_heading}</h3>
            {(!overdue.is_empty()).then(|| view! { <p><strong>{t.home_overdue}</strong></p> })}
            {(!overdue.is_empty()).then(|| list(overdue))}
            {(!soon.is_empty()).then(|| view! { <p><strong>{t.home_due}</strong></p> })}
            {(!soon.is_empty()).then(|| list(soon))}
            {nothing.then(|| view! { <p>{t.home_none}</p> })}
        </section>
    }
}

pub fn role_label(t: &Texts, role: &str) -> &'static str {
    match role {
        "dirigente" => t.school_role_dirigente,
        "segreteria" => t.school_role_segreteria,
        _ => t.school_role_docente,
    }
}

/// `/scuola`: the person's appointments, and for the office the way to the imports.
#[component]
pub fn ScuolaPage(lang: Lang, user: SignedIn, roles: Vec<SchoolRole>) -> impl IntoView {
    let t = lang.texts();
    view! {
        <Page lang=lang title=t.school_title.to_owned() user=user>
            <h1>{t.school_title}</h1>
            <ul class="cards">
                {roles
                    .into_iter()
                    .map(|r| {
                        let ars_link = r.ars.is_some();
                        let pupils_label = if r.manages {
                            t.school_pupils
                        } else {
                            t.school_pupils_mine
                        };
                        let rolls = (!r.manages && !r.classes.is_empty())
                            .then(|| {
                                view! {
                                    <div class="rolls">
                                        {r
                                            .classes
                                            .iter()
                                            .map(|c| {
                                                let summary = lang
                                                    .count(
                                                        &t.school_class_roll,
                                                        c.pupils.len() as u64,
                                                        &[("class", &c.code)],
                                                    );
                                                view! {
                                                    <details class="roll">
                                                        <summary>{summary}</summary>
                                                        <ol>
                                                            {c
                                                                .pupils
                                                                .iter()
                                                                .map(|p| view! { <li>{p.clone()}</li> })
                                                                .collect_view()}
                                                        </ol>
                                                    </details>
                                                }
                                            })
                                            .collect_view()}
                                    </div>
                                }
                            });
                        let classes = r
                            .classes
                            .iter()
                            .map(|c| c.code.as_str())
                            .collect::<Vec<_>>()
                            .join(", ");
                        view! {
                            <li class="card">
                                <h2>{r.school}</h2>
                                <dl class="facts">
                                    <dt>{t.school_role}</dt>
                                    <dd>{role_label(t, r.role)}</dd>
                                    {(!classes.is_empty())
                                        .then(|| {
                                            view! {
                                                <dt>{t.school_classes}</dt>
                                                <dd>{classes}</dd>
                                            }
                                        })}
                                    <dt>{pupils_label}</dt>
                                    <dd data-pupils=r.pupils>{lang.number(u64::from(r.pupils))}</dd>
                                </dl>
                                {rolls}
                                <Law159Due
                                    lang=lang
                                    school_id=r.school_id
                                    overdue=r.law159_overdue
                                    soon=r.law159_soon
                                />
                                {r
                                    .ars
                                    .map(|ars| view! { <ArsDue lang=lang ars=ars/> })}
                                <ul class="links">
                                    <li>
                                        <a href=format!(
                                            "/scuola/{}/frequenza",
                                            r.school_id,
                                        )>{lang.desk().link}</a>
                                    </li>
                                    <li>
                                        <a href=format!(
                                            "/scuola/{}/obbligo",
                                            r.school_id,
                                        )>{lang.law159().link}</a>
                                    </li>
                                    {ars_link
                                        .then(|| {
                                            view! {
                                                <li>
                                                    <a href=format!(
                                                        "/scuola/{}/ars",
                                                        r.school_id,
                                                    )>{lang.ars().link}</a>
                                                </li>
                                            }
                                        })}
                                    <li>
                                        <a href=format!(
                                            "/scuola/{}/richieste",
                                            r.school_id,
                                        )>{lang.family().school_requests_link}</a>
                                    </li>
                                    <li>
                                        <a href=format!(
                                            "/scuola/{}/avvisi",
                                            r.school_id,
                                        )>{lang.family().school_notices_link}</a>
                                    </li>
                                    <li>
                                        <a href=format!(
                                            "/scuola/{}/liste",
                                            r.school_id,
                                        )>{lang.lists().link}</a>
                                    </li>
                                    {r
                                        .manages
                                        .then(|| {
                                            view! {
                                                <li>
                                                    <a href=format!(
                                                        "/scuola/{}/importazioni",
                                                        r.school_id,
                                                    )>{t.school_imports_link}</a>
                                                </li>
                                            }
                                        })}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </Page>
    }
}

/// A past import, for the history table.
#[derive(Debug, Clone)]
pub struct ImportRow {
    pub when: String,
    pub kind: String,
    pub file_name: String,
    pub rows: i64,
    pub status: String,
}

/// `/scuola/{id}/importazioni`: the office sends the register's files and sees past imports.
#[component]
pub fn ImportazioniPage(
    lang: Lang,
    user: SignedIn,
    school_id: i64,
    school: String,
    history: Vec<ImportRow>,
) -> impl IntoView {
    let t = lang.texts();
    let data = importazione::data(t, school_id, &user.csrf);
    provide_context(IslandData::new(vec![(importazione::DATA_ID, data.clone())]));
    let status_label = move |s: &str| match s {
        "live" => t.import_status_live,
        "rejected" => t.import_status_rejected,
        _ => t.import_status_staging,
    };
    let kind_label = move |k: &str| {
        (0..t.import_kinds.len())
            .find(|&i| importazione::kind_code(i) == k)
            .map(|i| t.import_kinds[i])
            .unwrap_or("")
    };
    view! {
        <Page lang=lang title=t.import_title.to_owned() user=user islands=Bundle::Staff>
            <h1>{t.import_title}</h1>
            <p class="lead">{school}</p>
            <p>{t.import_lead}</p>
            <IslandDataHolder id=importazione::DATA_ID data=data/>
            <Importazione/>
            <noscript><p>{t.import_noscript}</p></noscript>
            <h2>{t.import_history}</h2>
            {if history.is_empty() {
                view! { <p>{t.import_none}</p> }.erased()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=t.import_history>
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{t.import_col_when}</th>
                                    <th scope="col">{t.import_col_kind}</th>
                                    <th scope="col">{t.import_col_rows}</th>
                                    <th scope="col">{t.import_col_status}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {history
                                    .into_iter()
                                    .map(|h| {
                                        view! {
                                            <tr>
                                                <td>{h.when}</td>
                                                <td>{format!("{} ({})", kind_label(&h.kind), h.file_name)}</td>
                                                <td>{h.rows}</td>
                                                <td>{status_label(&h.status)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .erased()
            }}
        </Page>
    }
}
