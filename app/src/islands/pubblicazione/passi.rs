//! Steps 2–4: who you are, the placements offered, places and contacts. Every input reads and
//! writes the one draft; leaving an input checks it with `ProfileDraft::validate`.

use super::campi::*;
use super::{described, kind, rete, ErroreCampo, Note, Wizard};
use crate::i18n::fill;
use crate::islands::filtro_luogo::{selettore_luogo, Luogo, LuogoIds, LuogoLabels};
use domain::hosts::{HostKind, PathKind};
use domain::profile::{limits, OfferDraft, PeriodDraft, ProfileDraft};
use leptos::prelude::*;
use std::sync::Arc;

/// What kind of input a field is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text,
    /// Codes typed in capitals, never corrected by the keyboard.
    Code,
    Digits,
    Email,
    Tel,
    Url,
    Date,
    Area,
}

/// A field's label, hint and input.
pub struct Spec {
    pub id: String,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub optional: bool,
    pub input: Input,
    pub max: usize,
    pub autocomplete: Option<&'static str>,
    pub readonly: Option<Signal<bool>>,
}

impl Spec {
    pub fn new(id: impl Into<String>, label: &'static str, input: Input, max: usize) -> Self {
        Spec {
            id: id.into(),
            label,
            hint: None,
            optional: false,
            input,
            max,
            autocomplete: None,
            readonly: None,
        }
    }

    pub fn hint(mut self, hint: &'static str) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn optional(mut self) -> Self {
        self.optional = true;
        self
    }

    pub fn autocomplete(mut self, a: &'static str) -> Self {
        self.autocomplete = Some(a);
        self
    }
}

/// How a field reads and writes the draft. Boxed, so [`campo`] is compiled once and not once
/// per field: each copy of a view's code is kilobytes of wasm.
#[derive(Clone)]
struct Lens {
    get: Arc<Getter>,
    set: Arc<Setter>,
}

type Getter = dyn Fn(&ProfileDraft) -> String + Send + Sync;
type Setter = dyn Fn(&mut ProfileDraft, String) + Send + Sync;

/// One field of the draft: label, hint, error and input, bound to the draft by `get`/`set`.
pub fn campo(
    w: Wizard,
    spec: Spec,
    get: impl Fn(&ProfileDraft) -> String + Send + Sync + 'static,
    set: impl Fn(&mut ProfileDraft, String) + Send + Sync + 'static,
) -> impl IntoView {
    campo_lens(
        w,
        spec,
        Lens {
            get: Arc::new(get),
            set: Arc::new(set),
        },
    )
}

fn campo_lens(w: Wizard, spec: Spec, lens: Lens) -> impl IntoView {
    let Spec {
        id,
        label,
        hint,
        optional,
        input,
        max,
        autocomplete,
        readonly,
    } = spec;
    let value = {
        let get = lens.get.clone();
        move || w.draft.with(|d| get(d))
    };
    let on_input = {
        let set = lens.set.clone();
        let id = id.clone();
        move |ev| {
            let v = event_target_value(&ev);
            w.draft.update(|d| set(d, v));
            w.typed(&id);
        }
    };
    let on_blur = {
        let id = id.clone();
        move |ev| w.blur(&id, event_target_value(&ev).trim().is_empty())
    };
    let invalid = {
        let id = id.clone();
        move || w.error_for(&id).map(|_| "true")
    };
    let readonly = move || readonly.is_some_and(|r| r.get());
    let optional = optional.then(|| view! { " " <span class="optional">{w.t.optional}</span> });
    let hint_view = hint.map(|h| view! { <p id=format!("{id}-hint") class="hint">{h}</p> });
    let maxlength = max.to_string();
    let control = if input == Input::Area {
        let count_id = format!("{id}-count");
        let get = lens.get.clone();
        let counter = move || {
            let n = w.draft.with(|d| get(d).chars().count());
            fill(
                w.t.counter,
                &[("n", &n.to_string()), ("max", &max.to_string())],
            )
        };
        let describe = described(w, id.clone(), hint.is_some());
        let describe = {
            let count_id = count_id.clone();
            move || Some(describe().map_or(count_id.clone(), |d| format!("{d} {count_id}")))
        };
        branch!(
            Either::Left,
            view! {
                <textarea
                    id=id.clone()
                    rows="5"
                    maxlength=maxlength
                    prop:value=value
                    on:input=on_input
                    on:blur=on_blur
                    aria-describedby=describe
                    aria-invalid=invalid
                ></textarea>
                <p id=count_id class="hint counter">{counter}</p>
            }
        )
    } else {
        let (kind, mode) = match input {
            Input::Email => ("email", None),
            Input::Tel => ("tel", None),
            Input::Url => ("url", None),
            Input::Date => ("date", None),
            Input::Digits => ("text", Some("numeric")),
            _ => ("text", None),
        };
        let code = input == Input::Code;
        branch!(
            Either::Right,
            view! {
                <input
                    id=id.clone()
                    type=kind
                    inputmode=mode
                    maxlength=maxlength
                    autocomplete=autocomplete
                    autocapitalize=code.then_some("characters")
                    spellcheck=code.then_some("false")
                    min=(input == Input::Date).then_some("2000-01-01")
                    max=(input == Input::Date).then_some("2100-12-31")
                    readonly=readonly
                    prop:value=value
                    on:input=on_input
                    on:blur=on_blur
                    aria-describedby=described(w, id.clone(), hint.is_some())
                    aria-invalid=invalid
                />
            }
        )
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}{optional}</label>
            {hint_view}
            <ErroreCampo w=w id=id.clone()/>
            {control}
        </div>
    }
}

/// Drop the shown errors whose input id starts with `prefix` (their inputs are gone).
fn forget(w: Wizard, prefix: &str) {
    w.errors
        .update(|es| es.retain(|e| !e.id.starts_with(prefix)));
    w.summary
        .update(|es| es.retain(|e| !e.id.starts_with(prefix)));
}

// ---------------------------------------------------------------------------------------------
// Step 2: who you are.
// ---------------------------------------------------------------------------------------------

pub fn chi_siete(w: Wizard) -> impl IntoView {
    let t = w.t;
    let kind = kind(w);
    let kind_error = id_kind(HostKind::Impresa);
    let radios = HostKind::ALL
        .into_iter()
        .map(|k| {
            let id = id_kind(k);
            let hint = format!("{id}-hint");
            view! {
                <div class="choice-block">
                    <div class="choice">
                        <input
                            type="radio"
                            name="w-kind"
                            id=id.clone()
                            value=k.as_str()
                            prop:checked=move || kind.get() == Some(k)
                            aria-describedby=hint.clone()
                            on:change=move |_| {
                                w.draft.update(|d| d.kind = Some(k));
                                forget(w, "w-kind-");
                            }
                        />
                        <label for=id>{kind_label(t, k)}</label>
                    </div>
                    <p id=hint class="hint">{kind_hint(t, k)}</p>
                </div>
            }
        })
        .collect_view();
    let group_described = {
        let e = kind_error.clone();
        move || w.error_for(&e).map(|_| format!("{e}-error"))
    };
    view! {
        <p class="hint">{t.required_note}</p>
        <fieldset class="group" aria-describedby=group_described>
            <legend>{t.kind_legend}</legend>
            <ErroreCampo w=w id=kind_error/>
            {radios}
        </fieldset>
        {move || kind.get().map(|k| identity(w, k))}
    }
}

fn name_field(w: Wizard, k: HostKind) -> impl IntoView {
    let label = if k == HostKind::Professionista {
        w.t.name_professional
    } else {
        w.t.name
    };
    campo(
        w,
        Spec::new(ID_NAME, label, Input::Text, limits::NAME_MAX).autocomplete("organization"),
        |d| d.name.clone(),
        |d, v| d.name = v,
    )
}

fn piva_field(w: Wizard, optional: bool) -> impl IntoView {
    let spec = Spec::new(ID_PIVA, w.t.piva, Input::Digits, 16);
    campo(
        w,
        if optional { spec.optional() } else { spec },
        |d| d.partita_iva.clone(),
        |d, v| d.partita_iva = v,
    )
}

fn cf_field(w: Wizard, label: &'static str, hint: Option<&'static str>) -> impl IntoView {
    let spec = Spec::new(ID_CF, label, Input::Code, 20);
    campo(
        w,
        match hint {
            Some(h) => spec.hint(h),
            None => spec,
        },
        |d| d.codice_fiscale.clone(),
        |d, v| d.codice_fiscale = v,
    )
}

fn ateco_field(w: Wizard, optional: bool) -> impl IntoView {
    let spec = Spec::new(ID_ATECO, w.t.ateco, Input::Text, 8).hint(w.t.ateco_hint);
    campo(
        w,
        if optional { spec.optional() } else { spec },
        |d| d.ateco.clone(),
        |d, v| d.ateco = v,
    )
}

fn pec_field(w: Wizard, label: &'static str, hint: &'static str, locked: bool) -> impl IntoView {
    let mut spec = Spec::new(ID_PEC, label, Input::Email, limits::EMAIL_MAX)
        .hint(hint)
        .autocomplete("email");
    if locked {
        spec.readonly = Some(w.pec_locked.into());
    }
    let field = campo(
        w,
        spec,
        |d| d.contacts.pec.clone(),
        |d, v| d.contacts.pec = v,
    );
    view! {
        {field}
        {locked
            .then(|| {
                view! {
                    <p class="hint" hidden=move || !w.pec_locked.get()>{w.t.pec_public_locked}</p>
                }
            })}
    }
}

fn identity(w: Wizard, k: HostKind) -> impl IntoView {
    let t = w.t;
    let fields = match k {
        HostKind::Impresa => branch!(
            EitherOf4::A,
            view! {
                {name_field(w, k)}
                {piva_field(w, false)}
                {campo(
                    w,
                    Spec::new(ID_LEGAL_CF, t.legal_rep_cf, Input::Code, 20).hint(t.legal_rep_hint),
                    |d| d.legal_representative_cf.clone(),
                    |d, v| d.legal_representative_cf = v,
                )}
                {ateco_field(w, false)}
            }
        ),
        HostKind::Professionista => branch!(
            EitherOf4::B,
            view! {
                {name_field(w, k)}
                {cf_field(w, t.cf_professional, None)}
                {piva_field(w, true)}
                {pec_field(w, t.pec_professional, t.pec_professional_hint, false)}
                {ateco_field(w, true)}
            }
        ),
        HostKind::EntePubblico => branch!(
            EitherOf4::C,
            view! {
                <Ipa w=w/>
                {name_field(w, k)}
                {cf_field(w, t.cf_body, None)}
                {pec_field(w, t.pec_public, t.pec_public_hint, true)}
            }
        ),
        HostKind::EntePrivato => branch!(
            EitherOf4::D,
            view! {
                {name_field(w, k)}
                {cf_field(w, t.cf_body, Some(t.cf_private_hint))}
                {ateco_field(w, true)}
            }
        ),
    };
    view! {
        <fieldset class="group">
            <legend>{t.identity_legend}</legend>
            {fields}
        </fieldset>
    }
}

/// The iPA code with its "Verifica" button, which fills the form from iPA.
#[component]
fn Ipa(w: Wizard) -> impl IntoView {
    let t = w.t;
    let busy = RwSignal::new(false);
    let result = RwSignal::new(None::<Note>);
    let field = campo(
        w,
        Spec::new(
            ID_IPA,
            t.ipa_code,
            Input::Text,
            domain::identity::IpaCode::MAX_LEN,
        )
        .hint(t.ipa_hint),
        |d| d.ipa_code.clone(),
        |d, v| {
            d.ipa_code = v;
        },
    );
    view! {
        <div class="with-action">
            {field}
            <button
                type="button"
                class="btn btn-secondary"
                disabled=move || busy.get()
                on:click=move |_| verify_ipa(w, busy, result)
            >
                {move || if busy.get() { t.ipa_checking } else { t.ipa_verify }}
            </button>
        </div>
        <div aria-live="polite">
            {move || {
                result
                    .get()
                    .map(|n| {
                        let class = if n.ok { "notice notice-ok" } else { "notice notice-error" };
                        view! { <p class=class>{n.text}</p> }
                    })
            }}
        </div>
    }
}

/// `GET /api/v1/ipa/{code}`: fills name, codice fiscale, PEC (then read-only: the address of
/// record), website and the first place.
fn verify_ipa(w: Wizard, busy: RwSignal<bool>, result: RwSignal<Option<Note>>) {
    let raw = w.draft.with_untracked(|d| d.ipa_code.clone());
    let code = match domain::identity::IpaCode::parse(&raw) {
        Ok(c) => c,
        Err(e) => {
            w.report(&[e], &[]);
            return;
        }
    };
    w.pec_locked.set(false);
    busy.set(true);
    result.set(None);
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        let url = format!("/api/v1/ipa/{}", rete::encode(code.as_str()));
        let shown = match rete::get_json(&url).await {
            Ok(a) if a.status == 200 => {
                let b = &a.body;
                let s = |k: &str| rete::text(b, k).unwrap_or_default();
                let name = s("name");
                let pec = rete::text(b, "pec");
                let address = rete::text(b, "address");
                w.draft.update(|d| {
                    d.name = name.clone();
                    d.codice_fiscale = s("codice_fiscale");
                    if let Some(p) = &pec {
                        d.contacts.pec = p.clone();
                    }
                    if let Some(site) = rete::text(b, "website") {
                        d.contacts.website = site;
                    }
                });
                if let Some(address) = address {
                    if w.draft.with_untracked(|d| d.places.is_empty()) {
                        w.add_place();
                    }
                    w.draft.update(|d| {
                        if let Some(p) = d.places.first_mut() {
                            p.address = address;
                            p.cap = s("cap");
                            p.comune = s("comune");
                        }
                    });
                    w.set_place_comune(0, &s("province"), &s("comune"));
                }
                w.pec_locked.set(pec.is_some());
                for id in [ID_IPA, ID_NAME, ID_CF, ID_PEC] {
                    w.blur(id, true);
                }
                let mut text = fill(w.t.ipa_found, &[("name", &name)]);
                if pec.is_none() {
                    text = format!("{text} {}", w.t.ipa_no_pec);
                }
                Note { ok: true, text }
            }
            Ok(a) => Note {
                ok: false,
                text: rete::error_of(&a.body)
                    .1
                    .unwrap_or_else(|| w.t.server_error.to_owned()),
            },
            Err(()) => Note {
                ok: false,
                text: w.t.network_error.to_owned(),
            },
        };
        result.set(Some(shown));
        busy.set(false);
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = code;
}

// ---------------------------------------------------------------------------------------------
// Step 3: the placements offered.
// ---------------------------------------------------------------------------------------------

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
    #[cfg(feature = "hydrate")]
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
    #[cfg(not(feature = "hydrate"))]
    let _ = (w, q, results, status);
}

// ---------------------------------------------------------------------------------------------
// Step 4: places and contacts.
// ---------------------------------------------------------------------------------------------

pub fn sedi(w: Wizard) -> impl IntoView {
    let t = w.t;
    let kind = kind(w);
    let count = Memo::new(move |_| w.draft.with(|d| d.places.len()));
    let rows = move || {
        let n = count.get();
        (0..n).map(|i| sede(w, i, n)).collect_view()
    };
    let add = move |_| {
        w.add_place();
        let n = w.draft.with_untracked(|d| d.places.len());
        forget(w, ID_PLACE_ADD);
        rete::focus(&id_place(n.saturating_sub(1), "address"));
    };
    let text = |id: &'static str, label: &'static str| {
        Spec::new(id, label, Input::Area, limits::TEXT_MAX).optional()
    };
    let pec = move || {
        if pec_with_identity(kind.get()) {
            let pec = w.draft.with(|d| d.contacts.pec.clone());
            branch!(
                Either::Left,
                (!pec.is_empty()).then(|| view! { <p>{fill(t.pec_given, &[("pec", &pec)])}</p> }),
            )
        } else {
            branch!(
                Either::Right,
                campo(
                    w,
                    Spec::new(ID_PEC, t.pec, Input::Email, limits::EMAIL_MAX).optional(),
                    |d| d.contacts.pec.clone(),
                    |d, v| d.contacts.pec = v,
                )
            )
        }
    };
    view! {
        <p class="hint">{t.required_note}</p>
        <fieldset class="group">
            <legend>{t.places_legend}</legend>
            {rows}
            <ErroreCampo w=w id=ID_PLACE_ADD/>
            <button
                type="button"
                id=ID_PLACE_ADD
                class="btn btn-secondary"
                aria-describedby=described(w, ID_PLACE_ADD.to_owned(), false)
                on:click=add
            >
                {t.place_add}
            </button>
        </fieldset>
        {campo(
            w,
            text(ID_DESCRIPTION, t.description).hint(t.description_hint),
            |d| d.description.clone(),
            |d, v| d.description = v,
        )}
        <fieldset class="group">
            <legend>{t.contacts_legend}</legend>
            <p class="hint">{t.contacts_hint}</p>
            {campo(
                w,
                Spec::new(ID_PERSON_ROLE, t.person_role, Input::Text, limits::SHORT_TEXT_MAX).optional(),
                |d| d.contacts.person_role.clone(),
                |d, v| d.contacts.person_role = v,
            )}
            {campo(
                w,
                Spec::new(ID_EMAIL, t.email, Input::Email, limits::EMAIL_MAX).autocomplete("email"),
                |d| d.contacts.email.clone(),
                |d, v| d.contacts.email = v,
            )}
            {campo(
                w,
                Spec::new(ID_PHONE, t.phone, Input::Tel, 30).autocomplete("tel"),
                |d| d.contacts.phone.clone(),
                |d, v| d.contacts.phone = v,
            )}
            {pec}
            {campo(
                w,
                Spec::new(ID_WEBSITE, t.website, Input::Url, limits::WEBSITE_MAX)
                    .hint(t.website_hint)
                    .optional()
                    .autocomplete("url"),
                |d| d.contacts.website.clone(),
                |d, v| d.contacts.website = v,
            )}
        </fieldset>
        <fieldset class="group">
            <legend>{t.optional_legend}</legend>
            {campo(
                w,
                text(ID_SUPPLY_CHAIN, t.supply_chain),
                |d| d.supply_chain.clone(),
                |d, v| d.supply_chain = v,
            )}
            {campo(
                w,
                text(ID_STRUCTURAL, t.structural),
                |d| d.capacities.structural.clone(),
                |d, v| d.capacities.structural = v,
            )}
            {campo(
                w,
                text(ID_TECHNOLOGICAL, t.technological),
                |d| d.capacities.technological.clone(),
                |d, v| d.capacities.technological = v,
            )}
            {campo(
                w,
                text(ID_ORGANISATIONAL, t.organisational),
                |d| d.capacities.organisational.clone(),
                |d, v| d.capacities.organisational = v,
            )}
        </fieldset>
    }
}

fn sede(w: Wizard, i: usize, of: usize) -> impl IntoView {
    let t = w.t;
    let n = (i + 1).to_string();
    let luogo = w
        .places
        .with_untracked(|p| p.get(i).copied())
        .unwrap_or_else(|| Luogo::new(String::new(), String::new(), String::new(), Vec::new()));
    let comune_id = id_place(i, "comune");
    let prefix = id_place_prefix(i);
    let ids = LuogoIds {
        region: format!("{prefix}-region"),
        province: format!("{prefix}-province"),
        comune: comune_id.clone(),
        hint: format!("{comune_id}-hint"),
        described_by: format!("{comune_id}-hint {comune_id}-error"),
    };
    let labels = LuogoLabels {
        region: t.region.to_owned(),
        province: t.province.to_owned(),
        comune: t.comune.to_owned(),
        any: t.choose.to_owned(),
        pick_province: t.pick_province.to_owned(),
    };
    // The selects hold the comune; the draft hears each change (chosen, or cleared because
    // the province changed) and checks it as if the person left the field.
    Effect::watch(
        move || luogo.comune.get(),
        {
            let id = comune_id.clone();
            move |c: &String, _, _| {
                let c = c.clone();
                let empty = c.is_empty();
                w.draft.update(|d| {
                    if let Some(p) = d.places.get_mut(i) {
                        p.comune = c;
                    }
                });
                w.blur(&id, empty);
            }
        },
        false,
    );
    let remove = move |_| {
        w.remove_place(i);
        rete::focus(ID_PLACE_ADD);
    };
    view! {
        <fieldset class="place">
            <legend>{fill(t.place_n, &[("n", &n)])}</legend>
            {campo(
                w,
                Spec::new(id_place(i, "address"), t.address, Input::Text, limits::ADDRESS_MAX)
                    .hint(t.address_hint)
                    .autocomplete("street-address"),
                move |d| d.places.get(i).map(|p| p.address.clone()).unwrap_or_default(),
                move |d, v| {
                    if let Some(p) = d.places.get_mut(i) {
                        p.address = v;
                    }
                },
            )}
            {campo(
                w,
                Spec::new(id_place(i, "cap"), t.cap, Input::Digits, 5).autocomplete("postal-code"),
                move |d| d.places.get(i).map(|p| p.cap.clone()).unwrap_or_default(),
                move |d, v| {
                    if let Some(p) = d.places.get_mut(i) {
                        p.cap = v;
                    }
                },
            )}
            {selettore_luogo(ids, labels, w.regions.get_value(), w.provinces, luogo)}
            <ErroreCampo w=w id=comune_id.clone()/>
            {(of > 1)
                .then(|| {
                    view! {
                        <button type="button" class="btn btn-secondary btn-small" on:click=remove>
                            {fill(t.place_remove, &[("n", &n)])}
                        </button>
                    }
                })}
        </fieldset>
    }
}
