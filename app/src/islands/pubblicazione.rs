//! The publishing wizard of `/enti/pubblica/profilo` (seed 002, "Come iscriversi"): the privacy notice,
//! who you are, the placements offered, places and contacts, the preview, and the submission
//! with its declaration code and the PEC or digital-signature confirmation. At any step the
//! draft can be saved to a file, loaded back, or discarded.
//!
//! The whole form is one `RwSignal<ProfileDraft>`: every check is `ProfileDraft::validate`, the
//! function the worker runs, and only the reference checks (does this comune, this CP 2011
//! figure exist) come from the server. The island is in its own bundle (`hydrate,publish`), so
//! it reads its words from `i18n_publish` directly; the page gives it the language and the
//! places (regions, provinces, and which province each comune code belongs to), and renders the
//! privacy notice as the island's children, so the notice's text never reaches the wasm.
//!
//! The wizard's first page, `/enti/pubblica`, is not this island: its first step is
//! `islands::consenso`, in a bundle of its own (`hydrate,consent`), because this one is too big
//! for a first load (docs/toolchain.md §3). What the person did there arrives through the tab's
//! `sessionStorage` ([`HANDOFF_ACCEPTED`], [`HANDOFF_FILE`]) and is applied once hydrated.

/// A branch of a view that changes: a tuple of `Option`s, one per branch, only the chosen one
/// `Some` (the match's arms agree on the tuple's type). The same type in the browser and on
/// the server, so what the server renders is what the island hydrates. Not `AnyView`: each
/// `AnyView` compiles its view's `hydrate_async` (for lazy islands, never called here), 175 KB
/// of the bundle's 822 (docs/toolchain.md §3); not `Either`, which failed the worker's fat-LTO
/// link ("Invalid Wasm linking symbol"). Named after the `Either` variant it stands for.
macro_rules! branch {
    (Either::Left, $view:expr $(,)?) => {
        (Some($view), None)
    };
    (Either::Right, $view:expr $(,)?) => {
        (None, Some($view))
    };
    (EitherOf4::A, $view:expr $(,)?) => {
        (Some($view), None, None, None)
    };
    (EitherOf4::B, $view:expr $(,)?) => {
        (None, Some($view), None, None)
    };
    (EitherOf4::C, $view:expr $(,)?) => {
        (None, None, Some($view), None)
    };
    (EitherOf4::D, $view:expr $(,)?) => {
        (None, None, None, Some($view))
    };
    (EitherOf6::A, $view:expr $(,)?) => {
        (Some($view), None, None, None, None, None)
    };
    (EitherOf6::B, $view:expr $(,)?) => {
        (None, Some($view), None, None, None, None)
    };
    (EitherOf6::C, $view:expr $(,)?) => {
        (None, None, Some($view), None, None, None)
    };
    (EitherOf6::D, $view:expr $(,)?) => {
        (None, None, None, Some($view), None, None)
    };
    (EitherOf6::E, $view:expr $(,)?) => {
        (None, None, None, None, Some($view), None)
    };
    (EitherOf6::F, $view:expr $(,)?) => {
        (None, None, None, None, None, Some($view))
    };
    (EitherOf7::A, $view:expr $(,)?) => {
        (Some($view), None, None, None, None, None, None)
    };
    (EitherOf7::B, $view:expr $(,)?) => {
        (None, Some($view), None, None, None, None, None)
    };
    (EitherOf7::C, $view:expr $(,)?) => {
        (None, None, Some($view), None, None, None, None)
    };
    (EitherOf7::D, $view:expr $(,)?) => {
        (None, None, None, Some($view), None, None, None)
    };
    (EitherOf7::E, $view:expr $(,)?) => {
        (None, None, None, None, Some($view), None, None)
    };
    (EitherOf7::F, $view:expr $(,)?) => {
        (None, None, None, None, None, Some($view), None)
    };
    (EitherOf7::G, $view:expr $(,)?) => {
        (None, None, None, None, None, None, Some($view))
    };
}

/// A step's view: in the browser only. The server renders the first step, the privacy notice,
/// and nothing else (a fresh wizard), so the steps' views would be code the worker never runs;
/// and their types, in the worker, fail its fat-LTO link ("failed to get bitcode from object
/// file for LTO (Invalid Wasm linking symbol)"). On the server the branch is `()`: a `None`
/// renders the same marker whatever it holds, so the markup the island hydrates is the same.
#[cfg(feature = "hydrate")]
macro_rules! browser {
    ($view:expr) => {
        $view
    };
}
#[cfg(not(feature = "hydrate"))]
macro_rules! browser {
    ($view:expr) => {
        ()
    };
}

pub mod campi;
mod invio;
#[cfg(feature = "hydrate")]
mod passi;
pub(crate) mod rete;

use crate::i18n::{fill, Lang};
use crate::i18n_publish::PublishTexts;
use crate::islands::filtro_luogo::{decode_places, places_list, Luogo};
use crate::islands::{field, pack, pack_list, read, unpack_list};
use campi::*;
use domain::hosts::HostKind;
use domain::messages::Msg;
use domain::place::{ProvinceRef, RegionRef};
use domain::profile::{DraftFile, OfferDraft, PlaceDraft, ProfileDraft};
use domain::FieldError;
use leptos::prelude::*;

pub const DATA_ID: &str = "d-pubblicazione";

/// The island's data: the page's language, the regions and provinces, and for each province
/// the first three digits its comuni's ISTAT codes share (so a draft loaded from a file,
/// which holds only the comune's code, shows its province again).
pub fn data(
    lang: Lang,
    regions: &[RegionRef],
    provinces: &[ProvinceRef],
    prefixes: &[(String, String)],
) -> String {
    pack(&[
        lang.code(),
        &places_list(regions, provinces),
        &pack_list(prefixes.iter().map(|(p, s)| vec![p.as_str(), s.as_str()])),
    ])
}

/// An error as the wizard shows it: under its input and in the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub id: String,
    pub step: u8,
    pub label: String,
    pub message: String,
}

/// A message of the toolbar or of an action: `ok` says whether it reports success.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub ok: bool,
    pub text: String,
}

/// The wizard's state: signals, so it is `Copy` and every view and handler can hold it.
#[derive(Clone, Copy)]
pub struct Wizard {
    /// The page's language, for the domain's error messages.
    pub lang: Lang,
    pub t: &'static PublishTexts,
    pub step: RwSignal<u8>,
    pub accepted: RwSignal<bool>,
    pub draft: RwSignal<ProfileDraft>,
    /// Errors shown under their inputs.
    pub errors: RwSignal<Vec<Shown>>,
    /// Errors listed in the summary above the step.
    pub summary: RwSignal<Vec<Shown>>,
    /// What the last draft action did (saved, loaded, discarded, or why not).
    pub note: RwSignal<Option<Note>>,
    /// The region and province chosen for each place, beside `draft.places`.
    pub places: RwSignal<Vec<Luogo>>,
    pub regions: StoredValue<Vec<RegionRef>>,
    pub provinces: StoredValue<Vec<ProvinceRef>>,
    /// (first three digits of a comune code, province sigla).
    pub prefixes: StoredValue<Vec<(String, String)>>,
    /// Offers unticked in this session, given back if ticked again.
    pub stash: StoredValue<Vec<OfferDraft>>,
    /// Titles of the CP 2011 figures seen in searches, by code.
    pub titles: RwSignal<Vec<(String, String)>>,
    /// The PEC came from iPA: it is the address of record and cannot be changed.
    pub pec_locked: RwSignal<bool>,
    /// Bumped by "Annulla modifiche": work started before (a status poll) stops.
    pub generation: RwSignal<u32>,
    pub preview: RwSignal<invio::Preview>,
    pub declaration: RwSignal<Option<invio::Declaration>>,
}

pub use invio::{Declaration, Preview, Status};

impl Wizard {
    fn new(lang: Lang, places: &str, prefixes: &str) -> Self {
        let (regions, provinces) = decode_places(places);
        let prefixes = unpack_list(prefixes)
            .into_iter()
            .filter_map(|r| match r.as_slice() {
                [p, s] => Some((p.clone(), s.clone())),
                _ => None,
            })
            .collect();
        Wizard {
            lang,
            t: lang.publish(),
            step: RwSignal::new(STEP_PRIVACY),
            accepted: RwSignal::new(false),
            draft: RwSignal::new(ProfileDraft::default()),
            errors: RwSignal::new(Vec::new()),
            summary: RwSignal::new(Vec::new()),
            note: RwSignal::new(None),
            places: RwSignal::new(Vec::new()),
            regions: StoredValue::new(regions),
            provinces: StoredValue::new(provinces),
            prefixes: StoredValue::new(prefixes),
            stash: StoredValue::new(Vec::new()),
            titles: RwSignal::new(Vec::new()),
            pec_locked: RwSignal::new(false),
            generation: RwSignal::new(0),
            preview: RwSignal::new(invio::Preview::None),
            declaration: RwSignal::new(None),
        }
    }

    fn shown(&self, errors: &[FieldError], draft: &ProfileDraft) -> Vec<Shown> {
        errors
            .iter()
            .map(|e| {
                let field = e.field.as_deref().unwrap_or("");
                Shown {
                    id: input_id(field, draft),
                    step: step_of(field, draft.kind),
                    label: field_label(field, draft, self.t),
                    message: self.lang.error(e),
                }
            })
            .collect()
    }

    /// Show `errors` (of the steps in `steps`, replacing what those steps showed) under their
    /// inputs and in the summary, and move focus to the summary.
    pub fn report(&self, errors: &[FieldError], steps: &[u8]) {
        let list = self.draft.with_untracked(|d| self.shown(errors, d));
        self.errors.update(|all| {
            all.retain(|e| !steps.contains(&e.step));
            all.extend(list.iter().cloned());
        });
        self.summary.set(list);
        rete::focus(ID_SUMMARY);
    }

    /// The errors of the whole draft that belong to `step`.
    fn errors_of_step(&self, step: u8) -> Vec<FieldError> {
        self.draft.with_untracked(|d| match d.validate() {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .filter(|e| step_of(e.field.as_deref().unwrap_or(""), d.kind) == step)
                .collect(),
        })
    }

    /// After leaving an input: its errors again, from the whole draft's validation (so the
    /// messages are the worker's). An empty input that showed nothing is left alone: nobody
    /// is told off for moving through the form.
    pub fn blur(&self, id: &str, empty: bool) {
        if empty
            && !self
                .errors
                .with_untracked(|es| es.iter().any(|e| e.id == id))
        {
            return;
        }
        let fresh: Vec<Shown> = self.draft.with_untracked(|d| match d.validate() {
            Ok(_) => Vec::new(),
            Err(errors) => self
                .shown(&errors, d)
                .into_iter()
                .filter(|e| e.id == id)
                .collect(),
        });
        self.errors.update(|all| {
            all.retain(|e| e.id != id);
            all.extend(fresh.iter().cloned());
        });
        // The summary stays as "Avanti" left it: shrinking it here would move the page under
        // the pointer between the press and the release of the button that caused the blur.
    }

    /// While typing in an input that shows an error: the error goes as soon as the value is
    /// right (a new problem waits for the blur).
    pub fn typed(&self, id: &str) {
        if !self
            .errors
            .with_untracked(|es| es.iter().any(|e| e.id == id))
        {
            return;
        }
        let still = self.draft.with_untracked(|d| match d.validate() {
            Ok(_) => false,
            Err(errors) => self.shown(&errors, d).iter().any(|e| e.id == id),
        });
        if !still {
            self.errors.update(|all| all.retain(|e| e.id != id));
        }
    }

    /// The messages shown under the input `id`.
    pub fn error_for(&self, id: &str) -> Option<String> {
        self.errors.with(|es| {
            let m: Vec<&str> = es
                .iter()
                .filter(|e| e.id == id)
                .map(|e| e.message.as_str())
                .collect();
            (!m.is_empty()).then(|| format!("{} {}", self.t.error_prefix, m.join(" ")))
        })
    }

    /// Open `step` and move focus to its heading.
    pub fn go(&self, step: u8) {
        if step == STEP_PLACES && self.draft.with_untracked(|d| d.places.is_empty()) {
            self.add_place();
        }
        self.step.set(step);
        // What the last draft action did belongs to the step where it was done.
        self.note.set(None);
        rete::focus(ID_STEP_TITLE);
    }

    /// "Avanti": the step's own checks first; the preview checks everything.
    pub fn next(&self) {
        let step = self.step.get_untracked();
        if step == STEP_PRIVACY && !self.accepted.get_untracked() {
            self.report(
                &[FieldError::invalid_says(
                    "privacy",
                    Msg::PrivacyNotAccepted,
                    &[],
                )],
                &[STEP_PRIVACY],
            );
            return;
        }
        let errors = self.errors_of_step(step);
        if !errors.is_empty() {
            self.report(&errors, &[step]);
            return;
        }
        self.summary.set(Vec::new());
        match step {
            STEP_PLACES => {
                self.go(STEP_PREVIEW);
                invio::preview(*self);
            }
            STEP_PREVIEW if !matches!(self.preview.get_untracked(), invio::Preview::Ready(_)) => {
                invio::preview(*self)
            }
            s if s < STEPS => self.go(s + 1),
            _ => {}
        }
    }

    pub fn back(&self) {
        let step = self.step.get_untracked();
        if step > STEP_PRIVACY {
            self.go(step - 1);
        }
    }

    /// From a link of the summary: open the field's step and focus the field.
    pub fn show(&self, e: &Shown) {
        if e.step != self.step.get_untracked() && e.step <= STEP_PLACES {
            if e.step == STEP_PLACES && self.draft.with_untracked(|d| d.places.is_empty()) {
                self.add_place();
            }
            self.step.set(e.step);
        }
        rete::focus(&e.id);
    }

    /// A new empty place. The selects' state changes before the draft, whose length the
    /// list of places is drawn from.
    pub fn add_place(&self) {
        self.places.update(|p| {
            p.push(Luogo::new(
                String::new(),
                String::new(),
                String::new(),
                Vec::new(),
            ))
        });
        self.draft.update(|d| d.places.push(PlaceDraft::default()));
    }

    pub fn remove_place(&self, i: usize) {
        self.places.update(|p| {
            if i < p.len() {
                p.remove(i);
            }
        });
        self.draft.update(|d| {
            if i < d.places.len() {
                d.places.remove(i);
            }
        });
        // Errors of later places now name other inputs: check them again when asked.
        self.errors
            .update(|es| es.retain(|e| !e.id.starts_with("w-place-")));
    }

    /// The selects of place `i` set to its comune (from a file or iPA): the province is the
    /// one whose comuni share the code's first three digits.
    fn place_ui(&self, comune: &str) -> Luogo {
        let luogo = Luogo::new(String::new(), String::new(), String::new(), Vec::new());
        let province = self.prefixes.with_value(|ps| {
            ps.iter()
                .find(|(p, _)| comune.get(..3) == Some(p.as_str()))
                .map(|(_, s)| s.clone())
        });
        if let Some(province) = province {
            self.provinces
                .with_value(|ps| luogo.choose(ps, &province, comune));
        }
        luogo
    }

    /// Replace the form with `draft` (loaded from a file, or empty).
    fn replace(&self, draft: ProfileDraft) {
        let places: Vec<Luogo> = draft
            .places
            .iter()
            .map(|p| self.place_ui(&p.comune))
            .collect();
        self.places.set(places);
        self.draft.set(draft);
        self.errors.set(Vec::new());
        self.summary.set(Vec::new());
        self.stash.set_value(Vec::new());
        self.pec_locked.set(false);
        self.preview.set(invio::Preview::None);
        self.declaration.set(None);
        self.generation.update(|g| *g += 1);
    }

    /// Point a place's selects at a comune (iPA's first place).
    pub fn set_place_comune(&self, i: usize, province: &str, comune: &str) {
        if let Some(l) = self.places.with_untracked(|p| p.get(i).copied()) {
            self.provinces
                .with_value(|ps| l.choose(ps, province, comune));
        }
    }

    fn save(&self) {
        let Some(now) = rete::now_utc() else {
            return;
        };
        // The step it is saved on, and the declaration sent from it: the file leads back to both.
        let file = DraftFile {
            saved_at: now,
            draft: self.draft.get_untracked(),
            step: Some(self.step.get_untracked()),
            declaration: self.declaration.with_untracked(|d| {
                d.as_ref()
                    .and_then(|d| domain::declaration::DeclarationCode::parse(&d.code).ok())
            }),
        };
        let text = file.write();
        let name = DraftFile::file_name(now);
        if rete::download(&name, &text) {
            self.note.set(Some(Note {
                ok: true,
                text: fill(self.t.saved, &[("file", &name)]),
            }));
        }
    }

    fn discard(&self) {
        self.replace(ProfileDraft::default());
        self.accepted.set(false);
        self.step.set(STEP_PRIVACY);
        self.note.set(Some(Note {
            ok: true,
            text: self.t.reset_done.to_owned(),
        }));
        rete::focus(ID_STEP_TITLE);
    }
}

pub const ID_SUMMARY: &str = "w-errors";
pub const ID_LOAD: &str = "w-load";
pub const ID_RESET_DIALOG: &str = "w-reset-dialog";
pub const ID_RESET: &str = "w-reset";

/// The wizard's page; the first step, `/enti/pubblica`, leads here.
pub const WIZARD_PATH: &str = "/enti/pubblica/profilo";
/// Set by the first step when the person accepted the privacy notice there.
pub const HANDOFF_ACCEPTED: &str = "ponte-pubblica-consenso";
/// A draft file chosen on the first step: its bytes ([`bytes_as_text`]) and its name.
pub const HANDOFF_FILE: &str = "ponte-pubblica-bozza";
pub const HANDOFF_FILE_NAME: &str = "ponte-pubblica-bozza-nome";

/// A file's bytes as a string `sessionStorage` keeps: one character per byte, so nothing is
/// lost whatever the file holds ([`text_as_bytes`] reads it back).
pub fn bytes_as_text(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The bytes of [`bytes_as_text`]; a character beyond one byte (not written by it) is dropped.
pub fn text_as_bytes(text: &str) -> Vec<u8> {
    text.chars().filter_map(|c| u8::try_from(c).ok()).collect()
}

/// A draft file chosen here or on the first step: checked, and loaded when whole.
#[cfg(feature = "hydrate")]
fn open_file(w: Wizard, name: &str, bytes: &[u8]) {
    match DraftFile::open_bytes(bytes) {
        Ok(file) => {
            w.replace(file.draft);
            // Back on the step it was saved on; from the preview on, the preview is made again
            // (sending needs it).
            if w.accepted.get_untracked() {
                match file.step.unwrap_or(STEP_WHO) {
                    s if s >= STEP_PREVIEW => {
                        w.go(STEP_PREVIEW);
                        invio::preview(w);
                    }
                    s => w.go(s.max(STEP_WHO)),
                }
            }
            let mut text = fill(w.t.loaded, &[("file", name)]);
            if let Some(code) = file.declaration {
                text.push(' ');
                text.push_str(&fill(w.t.loaded_declaration, &[("code", code.as_str())]));
            }
            w.note.set(Some(Note { ok: true, text }));
        }
        Err(e) => w.note.set(Some(Note {
            ok: false,
            text: format!("{} {}", w.t.load_failed, w.lang.error(&e.to_field_error())),
        })),
    }
}

#[cfg(feature = "hydrate")]
fn load(w: Wizard) {
    leptos::task::spawn_local(async move {
        let Some((name, bytes)) = rete::chosen_file(ID_LOAD).await else {
            return;
        };
        open_file(w, &name, &bytes);
    });
}

/// What the first step handed over: the consent (then the wizard opens on step 2, as "Avanti"
/// does) and a draft file chosen there (loaded as if chosen here). Read once.
#[cfg(feature = "hydrate")]
fn handoff(w: Wizard) {
    if rete::take(HANDOFF_ACCEPTED).is_some() {
        w.accepted.set(true);
    }
    let name = rete::take(HANDOFF_FILE_NAME).unwrap_or_default();
    match rete::take(HANDOFF_FILE) {
        Some(text) => open_file(w, &name, &text_as_bytes(&text)),
        None if w.accepted.get_untracked() => w.go(STEP_WHO),
        None => {}
    }
}

#[cfg(not(feature = "hydrate"))]
fn load(_w: Wizard) {}

// In the other bundles this is a plain component nobody calls: not exported, so not shipped.
#[cfg_attr(islands_publish, island)]
#[cfg_attr(not(islands_publish), component)]
pub fn Pubblicazione(children: Children) -> impl IntoView {
    let f = read(DATA_ID);
    let lang = Lang::from_code(&field(&f, 0));
    let w = Wizard::new(lang, &field(&f, 1), &field(&f, 2));
    let t = w.t;
    let step = w.step;

    // After hydration (the server rendered step 1): what the first step handed over.
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move { handoff(w) });

    let steps = (1..=STEPS)
        .map(|n| {
            let name = t.steps[usize::from(n) - 1];
            view! {
                <li
                    class=move || match step.get().cmp(&n) {
                        std::cmp::Ordering::Equal => "current",
                        std::cmp::Ordering::Greater => "done",
                        std::cmp::Ordering::Less => "",
                    }
                    aria-current=move || (step.get() == n).then_some("step")
                >
                    <span class="step-n">{n}</span>
                    <span class="step-name">{name}</span>
                </li>
            }
        })
        .collect_view();
    let title = move || {
        let n = step.get();
        (
            fill(
                t.step_of,
                &[("n", &n.to_string()), ("total", &STEPS.to_string())],
            ),
            t.steps[usize::from(n.clamp(1, STEPS)) - 1],
        )
    };

    view! {
        <div class="wizard">
            <nav class="steps" aria-label=t.steps_label>
                <ol>{steps}</ol>
            </nav>
            <Barra w=w/>
            <Riepilogo w=w/>
            <h2 id=ID_STEP_TITLE class="step-title" tabindex="-1">
                <span class="step-of">{move || title().0}</span>
                " "
                <span>{move || title().1}</span>
            </h2>
            <section class="step" hidden=move || step.get() != STEP_PRIVACY>
                <p>{t.privacy_read}</p>
                <div class="notice-text">{children()}</div>
                <p>
                    <a href="/enti/pubblica/informativa" target="_blank">{t.privacy_page_link}</a>
                </p>
                <div class="field">
                    <div class="choice">
                        <input
                            type="checkbox"
                            id=ID_PRIVACY
                            prop:checked=w.accepted
                            aria-invalid=move || w.error_for(ID_PRIVACY).map(|_| "true")
                            aria-describedby=move || {
                                w.error_for(ID_PRIVACY).map(|_| format!("{ID_PRIVACY}-error"))
                            }
                            on:change=move |ev| {
                                w.accepted.set(event_target_checked(&ev));
                                if event_target_checked(&ev) {
                                    w.errors.update(|e| e.retain(|x| x.id != ID_PRIVACY));
                                    w.summary.update(|e| e.retain(|x| x.id != ID_PRIVACY));
                                }
                            }
                        />
                        <label for=ID_PRIVACY>{t.privacy_accept}</label>
                    </div>
                    <ErroreCampo w=w id=ID_PRIVACY/>
                </div>
            </section>
            {move || match step.get() {
                STEP_WHO => branch!(EitherOf6::A, browser!(passi::chi_siete(w))),
                STEP_OFFERS => branch!(EitherOf6::B, browser!(passi::percorsi(w))),
                STEP_PLACES => branch!(EitherOf6::C, browser!(passi::sedi(w))),
                STEP_PREVIEW => branch!(EitherOf6::D, browser!(invio::anteprima(w))),
                STEP_SUBMIT => branch!(EitherOf6::E, browser!(invio::invio(w))),
                _ => branch!(EitherOf6::F, ()),
            }}
            <div class="wizard-nav">
                <button
                    type="button"
                    class="btn btn-secondary"
                    hidden=move || step.get() == STEP_PRIVACY
                    on:click=move |_| w.back()
                >
                    {t.back}
                </button>
                <button
                    type="button"
                    class="btn btn-primary"
                    hidden=move || step.get() == STEP_SUBMIT
                    on:click=move |_| w.next()
                >
                    {t.next}
                </button>
            </div>
        </div>
    }
}

/// Save, load, discard: on every step.
#[component]
fn Barra(w: Wizard) -> impl IntoView {
    draft_toolbar(
        w.t,
        w.note,
        move || w.save(),
        move || load(w),
        move || w.discard(),
    )
}

/// The draft's toolbar — save it to a file, load one, discard the changes after a confirming
/// dialog — with its two notes (done, and went wrong): the same on the consent page
/// ([`crate::islands::consenso`]) and in the wizard.
pub fn draft_toolbar(
    t: &'static PublishTexts,
    note: RwSignal<Option<Note>>,
    save: impl Fn() + 'static,
    load: impl Fn() + 'static,
    discard: impl Fn() + 'static,
) -> impl IntoView {
    let shown = move |ok: bool| {
        move || {
            note.get().filter(|n| n.ok == ok).map(|n| {
                view! {
                    <p class=if ok { "notice notice-ok" } else { "notice notice-error" }>{n.text}</p>
                }
            })
        }
    };
    view! {
        <div class="toolbar" role="group" aria-label=t.toolbar_label>
            <button type="button" class="btn btn-secondary" on:click=move |_| save()>
                {t.save}
            </button>
            <input
                type="file"
                id=ID_LOAD
                class="file-input"
                accept=".json,application/json"
                on:change=move |_| load()
            />
            <label for=ID_LOAD class="btn btn-secondary">{t.load}</label>
            <button
                type="button"
                id=ID_RESET
                class="btn btn-secondary"
                on:click=move |_| rete::open_dialog(ID_RESET_DIALOG)
            >
                {t.reset}
            </button>
        </div>
        <div aria-live="polite" class="toolbar-note">{shown(true)}</div>
        <div role="alert" class="toolbar-note">{shown(false)}</div>
        <dialog id=ID_RESET_DIALOG class="confirm" aria-labelledby="w-reset-title"
            aria-describedby="w-reset-text">
            <h2 id="w-reset-title">{t.reset_title}</h2>
            <p id="w-reset-text">{t.reset_text}</p>
            <div class="actions">
                <button
                    type="button"
                    class="btn btn-primary"
                    on:click=move |_| {
                        rete::close_dialog(ID_RESET_DIALOG);
                        discard();
                    }
                >
                    {t.reset_confirm}
                </button>
                <button
                    type="button"
                    class="btn btn-secondary"
                    on:click=move |_| rete::close_dialog(ID_RESET_DIALOG)
                >
                    {t.reset_cancel}
                </button>
            </div>
        </dialog>
    }
}

/// The error summary: every problem, each a link to its field.
#[component]
fn Riepilogo(w: Wizard) -> impl IntoView {
    let t = w.t;
    move || {
        let list = w.summary.get();
        (!list.is_empty()).then(|| {
            let heading = match list.len() {
                1 => t.errors_one.to_owned(),
                n => fill(t.errors_many, &[("n", &n.to_string())]),
            };
            let items = list
                .into_iter()
                .map(|e| {
                    let href = format!("#{}", e.id);
                    let text = format!("{}: {}", e.label, e.message);
                    view! {
                        <li>
                            <a
                                href=href
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    w.show(&e);
                                }
                            >
                                {text}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="error-summary" id=ID_SUMMARY tabindex="-1" aria-labelledby="w-errors-title">
                    <h2 id="w-errors-title">{heading}</h2>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// The errors of one input, tied to it by `aria-describedby` (`{id}-error`).
#[component]
pub fn ErroreCampo(w: Wizard, #[prop(into)] id: String) -> impl IntoView {
    let error_id = format!("{id}-error");
    let message = move || w.error_for(&id);
    let absent = {
        let message = message.clone();
        move || message().is_none()
    };
    view! {
        <p id=error_id class="field-error" hidden=absent>
            {message}
        </p>
    }
}

/// `aria-describedby` for an input: its hint (when it has one) and its errors (when shown).
pub fn described(w: Wizard, id: String, hint: bool) -> impl Fn() -> Option<String> + Send + Sync {
    move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{id}-hint"));
        }
        if w.error_for(&id).is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The kind chosen, for views that change with it.
pub fn kind(w: Wizard) -> Memo<Option<HostKind>> {
    Memo::new(move |_| w.draft.with(|d| d.kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_handed_over_keeps_every_byte() {
        let bytes: Vec<u8> = (0..=255).chain([b'{', 0xc3, 0xa8, b'}']).collect();
        let text = bytes_as_text(&bytes);
        assert_eq!(text_as_bytes(&text), bytes);
    }
}
