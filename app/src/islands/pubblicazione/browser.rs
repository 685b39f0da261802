//! The wizard in the browser: the page's markup (the server's frame and first step) brought
//! to life without a framework. Events are heard once, on the wizard's element; each one
//! changes the [`State`] through `modello.rs` and the page is painted again from it: the
//! frame (title, steps, buttons, summary, notes) always, the step's body when it changed
//! shape, the error slots always. What the server and the browser fetch goes through `rete`.

use super::campi::*;
use super::invio::{Declaration, Preview, Status};
use super::modello::{counter, described, Effect, Input, IpaFound, State, STEPS_OF_THE_FORM};
use super::{rete, Note};
use crate::i18n::{fill, Lang};
use crate::islands::filtro_luogo::decode_places;
use crate::islands::{field, read, unpack_list};
use domain::hosts::{HostKind, PathKind};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static WIZARD: RefCell<Option<State>> = const { RefCell::new(None) };
    /// Set while the page is being written: a blur caused by removing an input is not the
    /// person's.
    static PAINTING: Cell<bool> = const { Cell::new(false) };
    /// What the summary and the notes last showed, so they are written only when they change.
    static SHOWN: RefCell<[String; 3]> = const { RefCell::new([String::new(), String::new(), String::new()]) };
}

const ROOT: &str = "w-wizard";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn by_id(id: &str) -> Option<web_sys::Element> {
    document()?.get_element_by_id(id)
}

fn prop(target: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set_prop(target: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

fn value_of(e: &JsValue) -> String {
    prop(e, "value").as_string().unwrap_or_default()
}

fn set_html(id: &str, html: &str) {
    if let Some(e) = by_id(id) {
        e.set_inner_html(html);
    }
}

fn set_hidden(e: &web_sys::Element, hidden: bool) {
    let _ = if hidden {
        e.set_attribute("hidden", "")
    } else {
        e.remove_attribute("hidden")
    };
}

fn set_attr(e: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(v) => e.set_attribute(name, v),
        None => e.remove_attribute(name),
    };
}

/// What is written again besides the frame and the errors.
#[derive(Clone, Copy)]
enum Part {
    None,
    /// The step's whole body.
    Body,
    /// The identity's fields (the kind's radios stay, so a click on one is not lost).
    Identity,
    /// An offer's fields (its checkbox stays).
    Offer(PathKind),
}

/// Change the state, then paint: `body` when the step's markup changed shape.
fn update(body: bool, f: impl FnOnce(&mut State)) {
    update_part(if body { Part::Body } else { Part::None }, f);
}

fn update_part(part: Part, f: impl FnOnce(&mut State)) {
    let painted = WIZARD.with(|cell| {
        let mut guard = cell.try_borrow_mut().ok()?;
        let s = guard.as_mut()?;
        f(s);
        Some(Painted {
            step: s.step,
            accepted: s.accepted,
            title: s.title(),
            body: match part {
                Part::None => None,
                Part::Body => Some(("w-body".to_owned(), s.body())),
                Part::Identity => Some(("w-identity".to_owned(), s.identity_html())),
                Part::Offer(p) => Some((format!("w-{}-fields", p.as_str()), s.offer_html(p))),
            },
            shown: [s.summary_html(), s.note_html(true), s.note_html(false)],
            effects: std::mem::take(&mut s.effects),
        })
    });
    if let Some(p) = painted {
        paint(p);
    }
}

/// Read the state without changing it.
fn with<R>(f: impl FnOnce(&State) -> R) -> Option<R> {
    WIZARD.with(|cell| cell.try_borrow().ok().and_then(|g| g.as_ref().map(f)))
}

struct Painted {
    step: u8,
    accepted: bool,
    title: (String, &'static str),
    /// (element, its new markup).
    body: Option<(String, String)>,
    shown: [String; 3],
    effects: Vec<Effect>,
}

fn paint(p: Painted) {
    PAINTING.with(|c| c.set(true));
    let Some(doc) = document() else {
        return;
    };
    // The list of steps.
    if let Ok(items) = doc.query_selector_all("#w-wizard nav.steps li") {
        for i in 0..items.length() {
            let Some(li) = items
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let n = i as u8 + 1;
            let class = match p.step.cmp(&n) {
                std::cmp::Ordering::Equal => "current",
                std::cmp::Ordering::Greater => "done",
                std::cmp::Ordering::Less => "",
            };
            li.set_class_name(class);
            set_attr(&li, "aria-current", (p.step == n).then_some("step"));
        }
    }
    if let Some(h) = by_id(ID_STEP_TITLE) {
        let html = format!(
            "<span class=\"step-of\">{}</span> <span>{}</span>",
            super::modello::esc(&p.title.0),
            super::modello::esc(p.title.1)
        );
        if h.inner_html() != html {
            h.set_inner_html(&html);
        }
    }
    if let Some(s) = by_id("w-step-1") {
        set_hidden(&s, p.step != STEP_PRIVACY);
    }
    if let Some(c) = by_id(ID_PRIVACY) {
        set_prop(&c, "checked", &JsValue::from_bool(p.accepted));
    }
    if let Some(b) = by_id("w-back") {
        set_hidden(&b, p.step == STEP_PRIVACY);
    }
    if let Some(b) = by_id("w-next") {
        set_hidden(&b, p.step == STEP_SUBMIT);
    }
    if let Some((id, html)) = p.body {
        let active = doc
            .active_element()
            .map(|e| e.id())
            .filter(|id| !id.is_empty());
        set_html(&id, &html);
        // Focus stays where it was, when that element is drawn again.
        if let Some(e) = active.and_then(|id| by_id(&id)) {
            if doc.active_element().map(|a| a.id()) != Some(e.id()) {
                if let Ok(e) = e.dyn_into::<web_sys::HtmlElement>() {
                    let _ = e.focus();
                }
            }
        }
    }
    SHOWN.with(|shown| {
        let mut shown = shown.borrow_mut();
        for (k, id) in ["w-summary", "w-note-ok", "w-note-error"]
            .iter()
            .enumerate()
        {
            if shown[k] != p.shown[k] {
                set_html(id, &p.shown[k]);
                shown[k] = p.shown[k].clone();
            }
        }
    });
    errors();
    PAINTING.with(|c| c.set(false));
    for e in p.effects {
        match e {
            Effect::Focus(id) => rete::focus(&id),
            Effect::Comuni(i, province) => comuni(i, province),
            Effect::Preview => preview(),
            Effect::Ateco(code) => describe_ateco(code),
        }
    }
}

/// Each error slot of the page (`{id}-error`) says what the state holds for its input, and
/// the input (or the element the slot names in `data-for`) points at it.
fn errors() {
    let Some(doc) = document() else {
        return;
    };
    let Ok(slots) = doc.query_selector_all("#w-wizard .field-error") else {
        return;
    };
    for k in 0..slots.length() {
        let Some(slot) = slots
            .item(k)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let slot_id = slot.id();
        let Some(id) = slot_id.strip_suffix("-error") else {
            continue;
        };
        let message = with(|s| s.error_for(id)).flatten();
        let text = message.clone().unwrap_or_default();
        if slot.text_content().unwrap_or_default() != text {
            slot.set_text_content(Some(&text));
        }
        set_hidden(&slot, message.is_none());
        let target_id = slot.get_attribute("data-for");
        let own = target_id.is_none();
        let Some(target) = by_id(target_id.as_deref().unwrap_or(id)) else {
            continue;
        };
        // The comune's select always names its hint and its error.
        if id.ends_with("-comune") {
            continue;
        }
        let hint = own && by_id(&format!("{id}-hint")).is_some();
        let count = own && by_id(&format!("{id}-count")).is_some();
        let d = described(id, hint, message.is_some(), count);
        set_attr(&target, "aria-describedby", (!d.is_empty()).then_some(&d));
        if matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
            set_attr(&target, "aria-invalid", message.is_some().then_some("true"));
        }
    }
}

/// The wizard's entry point, called once the wasm is loaded (`hydrate` in lib.rs).
pub fn start() {
    let Some(root) = by_id(ROOT) else {
        return;
    };
    let f = read(super::DATA_ID);
    let lang = Lang::from_code(&field(&f, 0));
    let (regions, provinces) = decode_places(&field(&f, 1));
    let mut state = State::new(lang, regions, provinces);
    state.words = crate::i18n_errors::read_words(&field(&f, 3));
    state.prefixes = unpack_list(&field(&f, 2))
        .into_iter()
        .filter_map(|r| match r.as_slice() {
            [p, s] => Some((p.clone(), s.clone())),
            _ => None,
        })
        .collect();
    WIZARD.with(|w| *w.borrow_mut() = Some(state));

    listen(&root, "input", on_input);
    listen(&root, "change", on_change);
    listen(&root, "focusout", on_blur);
    listen(&root, "click", on_click);
    listen(&root, "keydown", on_key);

    // What the first step handed over: the consent (then the wizard opens on step 2, as
    // "Avanti" does) and a draft file chosen there (loaded as if chosen here). Read once.
    let accepted = rete::take(super::HANDOFF_ACCEPTED).is_some();
    let name = rete::take(super::HANDOFF_FILE_NAME).unwrap_or_default();
    let file = rete::take(super::HANDOFF_FILE);
    update(true, |s| {
        s.accepted = accepted;
        match file {
            Some(text) => s.open_file(&name, &super::text_as_bytes(&text)),
            None if accepted => s.go(STEP_WHO),
            None => {}
        }
    });
}

/// `Fn`, not `FnMut`: writing the page can fire an event (a blur, as an input is replaced)
/// while a listener runs, and wasm-bindgen refuses to enter an `FnMut` closure twice.
fn listen(root: &web_sys::Element, event: &str, f: fn(web_sys::Event)) {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(f);
    let _ = root.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

fn target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into().ok()
}

fn on_input(ev: web_sys::Event) {
    let Some(t) = target(&ev) else {
        return;
    };
    let id = t.id();
    let Some(input) = Input::of(&id) else {
        return;
    };
    let value = value_of(&t);
    let ateco = (input == Input::Ateco).then(|| value.trim().to_owned());
    let max = t
        .get_attribute("maxlength")
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    let chars = value.chars().count();
    update(false, |s| {
        if s.set(input, value) {
            s.typed(&id);
        }
    });
    if let Some(c) = by_id(&format!("{id}-count")) {
        let text = with(|s| counter(s.t, chars, max)).unwrap_or_default();
        c.set_text_content(Some(&text));
    }
    if let Some(code) = ateco {
        describe_ateco(code);
    }
}

fn on_blur(ev: web_sys::Event) {
    if PAINTING.with(|c| c.get()) {
        return;
    }
    let Some(t) = target(&ev) else {
        return;
    };
    let id = t.id();
    if Input::of(&id).is_none_or(|i| matches!(i, Input::FigureQ(_))) {
        return;
    }
    let empty = value_of(&t).trim().is_empty();
    update(false, |s| s.blur(&id, empty));
}

fn on_change(ev: web_sys::Event) {
    let Some(t) = target(&ev) else {
        return;
    };
    let id = t.id();
    let checked = prop(&t, "checked").as_bool().unwrap_or(false);
    let value = value_of(&t);
    if id == ID_PRIVACY {
        return update(false, |s| s.accept(checked));
    }
    if id == super::ID_LOAD {
        return load();
    }
    if let Some(k) = HostKind::ALL.into_iter().find(|k| id == id_kind(*k)) {
        return update_part(Part::Identity, |s| s.kind(k));
    }
    if let Some(p) = PathKind::ALL.into_iter().find(|p| id == id_offer(*p)) {
        return update_part(Part::Offer(p), |s| s.offer(p, checked));
    }
    if let Some(rest) = id.strip_prefix("w-place-") {
        let Some((i, part)) = rest.split_once('-') else {
            return;
        };
        let Ok(i) = i.parse::<usize>() else {
            return;
        };
        match part {
            "region" => update(true, |s| s.region(i, value)),
            "province" => update(true, |s| s.province(i, value)),
            "comune" => update(false, |s| s.set_comune(i, value)),
            _ => {}
        }
    }
}

fn on_key(ev: web_sys::Event) {
    let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    if k.key() != "Enter" {
        return;
    }
    let Some(t) = target(&ev) else {
        return;
    };
    if let Some(Input::FigureQ(p)) = Input::of(&t.id()) {
        ev.prevent_default();
        search(p);
    }
}

fn on_click(ev: web_sys::Event) {
    let Some(el) = target(&ev).and_then(|t| t.closest("[data-a]").ok().flatten()) else {
        return;
    };
    let action = el.get_attribute("data-a").unwrap_or_default();
    let path = el
        .get_attribute("data-p")
        .and_then(|p| PathKind::ALL.into_iter().find(|k| k.as_str() == p))
        .unwrap_or(PathKind::Pcto);
    let i: usize = el
        .get_attribute("data-i")
        .and_then(|i| i.parse().ok())
        .unwrap_or(0);
    match action.as_str() {
        "next" => update(true, |s| s.next()),
        "back" => update(true, |s| s.back()),
        "show" => {
            ev.prevent_default();
            update(true, |s| s.show(i));
        }
        "save" => save(),
        "reset" => rete::open_dialog(super::ID_RESET_DIALOG),
        "reset-no" => rete::close_dialog(super::ID_RESET_DIALOG),
        "reset-yes" => {
            rete::close_dialog(super::ID_RESET_DIALOG);
            update(true, |s| s.discard());
        }
        "ipa" => verify_ipa(),
        "period-add" => update(true, |s| s.add_period(path)),
        "period-rm" => update(true, |s| s.remove_period(path, i)),
        "fig-search" => search(path),
        "fig-add" => update(true, |s| s.add_figure(path, i)),
        "fig-rm" => update(true, |s| s.remove_figure(path, i)),
        "place-add" => update(true, |s| s.add_place_here()),
        "place-rm" => update(true, |s| s.remove_place(i)),
        "preview" => update(true, |s| s.preview()),
        "submit" => submit(),
        "copy" => copy(),
        "sign" => sign(),
        "poll" => {
            if let Some(url) =
                with(|s| s.declaration.as_ref().map(|d| d.status_url.clone())).flatten()
            {
                poll(url);
            }
        }
        _ => {}
    }
}

fn spawn(f: impl std::future::Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(f);
}

fn save() {
    let Some(now) = rete::now_utc() else {
        return;
    };
    let Some(text) = with(|s| s.file(now)) else {
        return;
    };
    let name = domain::profile::DraftFile::file_name(now);
    if rete::download(&name, &text) {
        update(false, |s| {
            s.note = Some(Note {
                ok: true,
                text: fill(s.t.saved, &[("file", &name)]),
            })
        });
    }
}

fn load() {
    spawn(async move {
        let Some((name, bytes)) = rete::chosen_file(super::ID_LOAD).await else {
            return;
        };
        update(true, |s| s.open_file(&name, &bytes));
    });
}

/// `GET /api/v1/ateco/{code}` once the code has an ATECO code's form: its title, or that
/// ATECO 2025 does not have it. An answer for a code no longer typed is dropped.
fn describe_ateco(code: String) {
    let show = |text: String| {
        update(false, |s| s.ateco_title = text.clone());
        if let Some(e) = by_id(&format!("{ID_ATECO}-titolo")) {
            e.set_text_content(Some(&text));
        }
    };
    if domain::hosts::AtecoCode::parse(&code).is_err() {
        return show(String::new());
    }
    spawn(async move {
        let url = format!("/api/v1/ateco/{}", rete::encode(&code));
        let answer = rete::get_json(&url).await;
        let Some(text) = with(|s| {
            let t = s.t;
            match answer {
                Ok(a) if a.status == 200 => rete::text(&a.body, "title")
                    .map(|title| fill(t.ateco_is, &[("title", &title)]))
                    .unwrap_or_default(),
                Ok(a) if a.status == 404 => fill(t.ateco_unknown, &[("code", &code)]),
                Ok(_) => t.server_error.to_owned(),
                Err(()) => t.network_error.to_owned(),
            }
        }) else {
            return;
        };
        if with(|s| s.draft.ateco.trim() == code) == Some(true) {
            show(text);
        }
    });
}

/// `GET /api/v1/ipa/{code}`: fills name, codice fiscale, PEC (then read-only: the address of
/// record), website and the first place.
fn verify_ipa() {
    let Some(raw) = with(|s| s.draft.ipa_code.clone()) else {
        return;
    };
    let code = match domain::identity::IpaCode::parse(&raw) {
        Ok(c) => c,
        Err(e) => return update(false, |s| s.report(&[e], &[])),
    };
    update(true, |s| {
        s.pec_locked = false;
        s.ipa_busy = true;
        s.ipa_note = None;
    });
    spawn(async move {
        let url = format!("/api/v1/ipa/{}", rete::encode(code.as_str()));
        let answer = rete::get_json(&url).await;
        update(true, |s| {
            s.ipa_busy = false;
            match answer {
                Ok(a) if a.status == 200 => {
                    let b = &a.body;
                    let t = |k: &str| rete::text(b, k);
                    s.ipa_found(IpaFound {
                        name: t("name").unwrap_or_default(),
                        codice_fiscale: t("codice_fiscale").unwrap_or_default(),
                        pec: t("pec"),
                        website: t("website"),
                        address: t("address"),
                        cap: t("cap").unwrap_or_default(),
                        province: t("province").unwrap_or_default(),
                        comune: t("comune").unwrap_or_default(),
                    });
                }
                Ok(a) => {
                    s.ipa_note = Some(Note {
                        ok: false,
                        text: rete::error_of(&a.body)
                            .1
                            .unwrap_or_else(|| s.t.server_error.to_owned()),
                    })
                }
                Err(()) => {
                    s.ipa_note = Some(Note {
                        ok: false,
                        text: s.t.network_error.to_owned(),
                    })
                }
            }
        });
    });
}

/// `GET /api/v1/comuni?province=…` for place `i`'s selects.
fn comuni(i: usize, province: String) {
    spawn(async move {
        let url = format!("/api/v1/comuni?province={}", rete::encode(&province));
        let Ok(a) = rete::get_json(&url).await else {
            return;
        };
        if a.status != 200 {
            return;
        }
        let list: Vec<domain::place::ComuneRef> = rete::items(&a.body, "items")
            .iter()
            .filter_map(|c| {
                Some(domain::place::ComuneRef {
                    code: rete::text(c, "code")?,
                    name: rete::text(c, "name")?,
                })
            })
            .collect();
        let mut options = None;
        update(false, |s| {
            if s.comuni(i, &province, list) {
                options = Some(s.comune_options(i));
            }
        });
        // Only the comune's select changes: whatever is being typed elsewhere stays.
        if let (Some(html), Some(select)) = (options, by_id(&id_place(i, "comune"))) {
            select.set_inner_html(&html);
            set_attr(&select, "disabled", None);
            if let Some(hint) = by_id(&format!("{}-hint", id_place(i, "comune"))) {
                set_hidden(&hint, true);
            }
        }
    });
}

/// `GET /api/v1/cp2011?q=…`: up to 20 figures at any level.
fn search(p: PathKind) {
    let Some(q) = with(|s| s.search(p).q.trim().to_owned()) else {
        return;
    };
    if q.is_empty() {
        return;
    }
    update(true, |s| s.search_mut(p).busy = true);
    spawn(async move {
        let url = format!("/api/v1/cp2011?q={}", rete::encode(&q));
        let answer = rete::get_json(&url).await;
        update(true, |s| {
            let t = s.t;
            let search = s.search_mut(p);
            search.busy = false;
            match answer {
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
                    search.status = if list.is_empty() {
                        t.figures_none_found.to_owned()
                    } else {
                        fill(t.figures_found, &[("n", &list.len().to_string())])
                    };
                    search.results = list;
                }
                Ok(a) => {
                    search.results.clear();
                    search.status = rete::error_of(&a.body)
                        .1
                        .unwrap_or_else(|| t.server_error.to_owned());
                }
                Err(()) => search.status = t.network_error.to_owned(),
            }
        });
    });
}

/// `POST /enti/pubblica/anteprima`: the public page's own article, from the draft.
fn preview() {
    let Some(json) = with(|s| s.draft.to_json()) else {
        return;
    };
    spawn(async move {
        let answer = rete::post_for_text("/enti/pubblica/anteprima", &json).await;
        update(true, |s| {
            s.preview = match answer {
                Ok(rete::Answer { body: Ok(html), .. }) => Preview::Ready(html),
                Ok(rete::Answer {
                    status: 400,
                    body: Err(v),
                }) => {
                    s.report(&rete::field_errors(&v), &STEPS_OF_THE_FORM);
                    Preview::None
                }
                Ok(rete::Answer { body: Err(v), .. }) => Preview::Failed(
                    rete::error_of(&v)
                        .1
                        .unwrap_or_else(|| s.t.server_error.to_owned()),
                ),
                Err(()) => Preview::Failed(s.t.network_error.to_owned()),
            };
        });
    });
}

/// `POST /api/v1/declarations` with the notice's version and the draft.
fn submit() {
    let mut body = None;
    update(true, |s| {
        let errors = s.draft.validate().err().unwrap_or_default();
        if !errors.is_empty() {
            s.report(&errors, &STEPS_OF_THE_FORM);
            return;
        }
        s.submit_busy = true;
        s.submit_failed = None;
        body = Some(format!(
            "{{\"privacy_version\":\"{}\",\"privacy_accepted\":true,\"draft\":{}}}",
            domain::profile::PRIVACY_NOTICE_VERSION,
            s.draft.to_json()
        ));
    });
    let Some(body) = body else {
        return;
    };
    spawn(async move {
        let answer = rete::post_json("/api/v1/declarations", &body).await;
        let mut status_url = None;
        update(true, |s| {
            s.submit_busy = false;
            match answer {
                Ok(a) if a.status == 201 => {
                    let b = &a.body;
                    let t = |k: &str| rete::text(b, k).unwrap_or_default();
                    let d = Declaration {
                        code: t("code"),
                        expires_at: t("expires_at"),
                        by_pec: t("method") == "pec",
                        verification_address: t("verification_address"),
                        pec_of_record: rete::text(b, "pec_of_record"),
                        pec_declared: rete::get(b, "pec_declared").as_bool() == Some(true),
                        document_url: t("document_url"),
                        status_url: t("status_url"),
                        status: Status::Pending,
                    };
                    status_url = Some(d.status_url.clone());
                    s.declaration = Some(d);
                    s.focus("w-code-label");
                }
                Ok(a) if a.status == 400 => {
                    s.report(&rete::field_errors(&a.body), &STEPS_OF_THE_FORM)
                }
                Ok(a) => {
                    s.submit_failed = Some(
                        rete::error_of(&a.body)
                            .1
                            .unwrap_or_else(|| s.t.server_error.to_owned()),
                    )
                }
                Err(()) => s.submit_failed = Some(s.t.network_error.to_owned()),
            }
        });
        if let Some(url) = status_url {
            poll(url);
        }
    });
}

fn set_status(st: Status) {
    update(true, |s| s.set_status(st));
}

/// Ask `status_url` every 5 s until the profile is published or the code expires, for at most
/// 10 minutes; "Annulla modifiche" stops it.
fn poll(url: String) {
    let Some(generation) = with(|s| s.generation) else {
        return;
    };
    set_status(Status::Pending);
    spawn(async move {
        for _ in 0..120 {
            rete::sleep(5_000).await;
            if with(|s| s.generation) != Some(generation) {
                return;
            }
            let Ok(a) = rete::get_json(&url).await else {
                continue;
            };
            if a.status != 200 {
                continue;
            }
            let status = match rete::text(&a.body, "status").as_deref() {
                Some("published") => rete::whole(&a.body, "host_id").map(Status::Published),
                Some("expired") => Some(Status::Expired),
                Some("review") => Some(Status::Review),
                Some("refused") => Some(Status::Refused),
                Some("superseded") => Some(Status::Superseded),
                _ => None,
            };
            if let Some(st) = status {
                return set_status(st);
            }
            let published = with(|s| {
                s.declaration
                    .as_ref()
                    .is_some_and(|d| matches!(d.status, Status::Published(_)))
            });
            if published == Some(true) {
                return;
            }
        }
        set_status(Status::Stopped);
    });
}

/// Copy the declaration's code.
fn copy() {
    let Some(code) = with(|s| s.declaration.as_ref().map(|d| d.code.clone())).flatten() else {
        return;
    };
    spawn(async move {
        let ok = rete::copy(&code).await;
        update(true, |s| {
            s.copied = if ok { s.t.copied } else { s.t.copy_failed }.to_owned();
        });
    });
}

/// The digital-signature route: upload the `.p7m` chosen.
fn sign() {
    let Some(code) = with(|s| s.declaration.as_ref().map(|d| d.code.clone())).flatten() else {
        return;
    };
    spawn(async move {
        // The file is read before anything is drawn again (drawing empties the input).
        let file = rete::chosen_file("w-signature").await;
        let Some((_, bytes)) = file else {
            return update(true, |s| s.sign_failed = Some(s.t.sign_pick.to_owned()));
        };
        update(true, |s| {
            s.sign_busy = true;
            s.sign_failed = None;
        });
        let url = format!("/api/v1/declarations/{}/signature", rete::encode(&code));
        let answer = rete::post_bytes(&url, "application/pkcs7-mime", &bytes).await;
        update(true, |s| {
            s.sign_busy = false;
            match answer {
                Ok(a) if a.status == 200 => match rete::whole(&a.body, "host_id") {
                    Some(id) => s.set_status(Status::Published(id)),
                    None => s.set_status(Status::Pending),
                },
                Ok(a) if a.status == 202 => s.set_status(Status::Review),
                Ok(a) => {
                    s.sign_failed = Some(
                        rete::error_of(&a.body)
                            .1
                            .unwrap_or_else(|| s.t.server_error.to_owned()),
                    )
                }
                Err(()) => s.sign_failed = Some(s.t.network_error.to_owned()),
            }
        });
    });
}
