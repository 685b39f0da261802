//! The wizard's state, what each action does to it, and each step's markup written as text:
//! no reactive view, so no framework in the bundle (docs/toolchain.md §3). The browser side
//! (`browser.rs`) reads the inputs into the draft, calls these functions, writes the markup
//! they return and does the effects they ask for ([`Effect`]). Everything here is plain Rust,
//! tested natively.
//!
//! A step's markup is written whole when something it shows changes shape (a step opened, a
//! kind chosen, an offer ticked, a period or a place added, a search's results); typing only
//! updates the draft, and errors are written into the slots the markup leaves for them
//! (`{id}-error`), so an input being typed in is never replaced.

// The native tests use a part of it; the browser all of it.
#![cfg_attr(not(feature = "hydrate"), allow(dead_code))]

use super::campi::*;
use super::invio::{Declaration, Preview, Status};
use super::{Note, Shown};
use crate::i18n::{fill, Lang};
use crate::i18n_errors::say_with;
use crate::i18n_publish::PublishTexts;
use domain::hosts::{HostKind, PathKind};
use domain::messages::Msg;
use domain::place::{ComuneRef, ProvinceRef, RegionRef};
use domain::profile::{limits, DraftFile, OfferDraft, PeriodDraft, PlaceDraft, ProfileDraft};
use domain::FieldError;

/// What the browser must do after an action, once the markup is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Move focus to this element (on the next frame).
    Focus(String),
    /// Load the comuni of a province for place `i`'s selects.
    Comuni(usize, String),
    /// Ask the server for the preview.
    Preview,
    /// Say what the ATECO code in the draft stands for (step 2 opened with one).
    Ateco(String),
}

/// The selects of one place: the region and province chosen, the province's comuni.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Place {
    pub region: String,
    pub province: String,
    pub comuni: Vec<ComuneRef>,
}

/// One path kind's search of CP 2011 figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    pub q: String,
    /// (code, title, level).
    pub results: Vec<(String, String, String)>,
    pub status: String,
    pub busy: bool,
}

/// The whole wizard.
pub struct State {
    pub t: &'static PublishTexts,
    /// The error messages in the page's language (none in Italian: `Lang::error_words`).
    pub words: &'static [(usize, &'static str)],
    pub step: u8,
    pub accepted: bool,
    pub draft: ProfileDraft,
    /// Errors shown under their inputs.
    pub errors: Vec<Shown>,
    /// Errors listed in the summary above the step.
    pub summary: Vec<Shown>,
    /// What the last draft action did (saved, loaded, discarded, or why not).
    pub note: Option<Note>,
    /// The selects of each place, beside `draft.places`.
    pub places: Vec<Place>,
    pub regions: Vec<RegionRef>,
    pub provinces: Vec<ProvinceRef>,
    /// (first three digits of a comune code, province sigla).
    pub prefixes: Vec<(String, String)>,
    /// Offers unticked in this session, given back if ticked again.
    pub stash: Vec<OfferDraft>,
    /// Titles of the CP 2011 figures seen in searches, by code.
    pub titles: Vec<(String, String)>,
    /// The PEC came from iPA: it is the address of record and cannot be changed.
    pub pec_locked: bool,
    /// Bumped by "Annulla modifiche": work started before (a status poll) stops.
    pub generation: u32,
    pub preview: Preview,
    pub declaration: Option<Declaration>,
    pub ipa_busy: bool,
    pub ipa_note: Option<Note>,
    /// What the ATECO code typed stands for.
    pub ateco_title: String,
    /// The figure searches, one per path kind (in `PathKind::ALL`'s order).
    pub searches: [Search; 2],
    pub submit_busy: bool,
    pub submit_failed: Option<String>,
    pub sign_busy: bool,
    pub sign_failed: Option<String>,
    pub copied: String,
    pub effects: Vec<Effect>,
}

fn path_index(p: PathKind) -> usize {
    PathKind::ALL.iter().position(|&x| x == p).unwrap_or(0)
}

fn offer(d: &ProfileDraft, p: PathKind) -> Option<&OfferDraft> {
    d.offers.iter().find(|o| o.path == Some(p))
}

fn offer_mut(d: &mut ProfileDraft, p: PathKind) -> Option<&mut OfferDraft> {
    d.offers.iter_mut().find(|o| o.path == Some(p))
}

/// An input of the form, read from its id.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input {
    Name,
    Cf,
    Piva,
    LegalCf,
    Ipa,
    Ateco,
    Pec,
    Description,
    PersonRole,
    Email,
    Phone,
    Website,
    SupplyChain,
    Structural,
    Technological,
    Organisational,
    Max(PathKind),
    Activity(PathKind),
    /// (path kind, period, `true` for its end).
    Period(PathKind, usize, bool),
    /// A figure search's words.
    FigureQ(PathKind),
    Address(usize),
    Cap(usize),
}

fn path_of(s: &str) -> Option<(PathKind, &str)> {
    PathKind::ALL
        .into_iter()
        .find_map(|p| Some((p, s.strip_prefix(p.as_str())?.strip_prefix('-')?)))
}

impl Input {
    pub fn of(id: &str) -> Option<Input> {
        let fixed = [
            (ID_NAME, Input::Name),
            (ID_CF, Input::Cf),
            (ID_PIVA, Input::Piva),
            (ID_LEGAL_CF, Input::LegalCf),
            (ID_IPA, Input::Ipa),
            (ID_ATECO, Input::Ateco),
            (ID_PEC, Input::Pec),
            (ID_DESCRIPTION, Input::Description),
            (ID_PERSON_ROLE, Input::PersonRole),
            (ID_EMAIL, Input::Email),
            (ID_PHONE, Input::Phone),
            (ID_WEBSITE, Input::Website),
            (ID_SUPPLY_CHAIN, Input::SupplyChain),
            (ID_STRUCTURAL, Input::Structural),
            (ID_TECHNOLOGICAL, Input::Technological),
            (ID_ORGANISATIONAL, Input::Organisational),
        ];
        if let Some((_, i)) = fixed.iter().find(|(k, _)| *k == id) {
            return Some(*i);
        }
        let rest = id.strip_prefix("w-")?;
        if let Some(rest) = rest.strip_prefix("place-") {
            let (i, part) = rest.split_once('-')?;
            let i = i.parse().ok()?;
            return match part {
                "address" => Some(Input::Address(i)),
                "cap" => Some(Input::Cap(i)),
                _ => None,
            };
        }
        let (p, part) = path_of(rest)?;
        match part {
            "max" => Some(Input::Max(p)),
            "activity" => Some(Input::Activity(p)),
            "figure-q" => Some(Input::FigureQ(p)),
            _ => {
                let (j, end) = part.strip_prefix("period-")?.split_once('-')?;
                let j = j.parse().ok()?;
                match end {
                    "from" => Some(Input::Period(p, j, false)),
                    "to" => Some(Input::Period(p, j, true)),
                    _ => None,
                }
            }
        }
    }
}

/// The text of a draft's field, by input.
fn slot(d: &mut ProfileDraft, input: Input) -> Option<&mut String> {
    Some(match input {
        Input::Name => &mut d.name,
        Input::Cf => &mut d.codice_fiscale,
        Input::Piva => &mut d.partita_iva,
        Input::LegalCf => &mut d.legal_representative_cf,
        Input::Ipa => &mut d.ipa_code,
        Input::Ateco => &mut d.ateco,
        Input::Pec => &mut d.contacts.pec,
        Input::Description => &mut d.description,
        Input::PersonRole => &mut d.contacts.person_role,
        Input::Email => &mut d.contacts.email,
        Input::Phone => &mut d.contacts.phone,
        Input::Website => &mut d.contacts.website,
        Input::SupplyChain => &mut d.supply_chain,
        Input::Structural => &mut d.capacities.structural,
        Input::Technological => &mut d.capacities.technological,
        Input::Organisational => &mut d.capacities.organisational,
        Input::Max(p) => &mut offer_mut(d, p)?.max_students,
        Input::Activity(p) => &mut offer_mut(d, p)?.activity,
        Input::Period(p, j, end) => {
            let x = offer_mut(d, p)?.periods.get_mut(j)?;
            if end {
                &mut x.to
            } else {
                &mut x.from
            }
        }
        Input::Address(i) => &mut d.places.get_mut(i)?.address,
        Input::Cap(i) => &mut d.places.get_mut(i)?.cap,
        Input::FigureQ(_) => return None,
    })
}

impl State {
    pub fn new(lang: Lang, regions: Vec<RegionRef>, provinces: Vec<ProvinceRef>) -> State {
        State {
            t: lang.publish(),
            words: &[],
            step: STEP_PRIVACY,
            accepted: false,
            draft: ProfileDraft::default(),
            errors: Vec::new(),
            summary: Vec::new(),
            note: None,
            places: Vec::new(),
            regions,
            provinces,
            prefixes: Vec::new(),
            stash: Vec::new(),
            titles: Vec::new(),
            pec_locked: false,
            generation: 0,
            preview: Preview::None,
            declaration: None,
            ipa_busy: false,
            ipa_note: None,
            ateco_title: String::new(),
            searches: Default::default(),
            submit_busy: false,
            submit_failed: None,
            sign_busy: false,
            sign_failed: None,
            copied: String::new(),
            effects: Vec::new(),
        }
    }

    pub fn focus(&mut self, id: &str) {
        self.effects.push(Effect::Focus(id.to_owned()));
    }

    /// An input typed in: the draft takes its value (a figure search its words). Says whether
    /// the input is the form's.
    pub fn set(&mut self, input: Input, value: String) -> bool {
        if let Input::FigureQ(p) = input {
            self.searches[path_index(p)].q = value;
            return true;
        }
        match slot(&mut self.draft, input) {
            Some(s) => {
                *s = value;
                true
            }
            None => false,
        }
    }

    fn shown(&self, errors: &[FieldError]) -> Vec<Shown> {
        let d = &self.draft;
        errors
            .iter()
            .map(|e| {
                let field = e.field.as_deref().unwrap_or("");
                Shown {
                    id: input_id(field, d),
                    step: step_of(field, d.kind),
                    label: field_label(field, d, self.t),
                    message: say_with(self.words, e),
                }
            })
            .collect()
    }

    /// Show `errors` (of the steps in `steps`, replacing what those steps showed) under their
    /// inputs and in the summary, and move focus to the summary.
    pub fn report(&mut self, errors: &[FieldError], steps: &[u8]) {
        let list = self.shown(errors);
        self.errors.retain(|e| !steps.contains(&e.step));
        self.errors.extend(list.iter().cloned());
        self.summary = list;
        self.focus(super::ID_SUMMARY);
    }

    fn all_errors(&self) -> Vec<FieldError> {
        self.draft.validate().err().unwrap_or_default()
    }

    /// After leaving an input: its errors again, from the whole draft's validation (so the
    /// messages are the worker's). An empty input that showed nothing is left alone: nobody
    /// is told off for moving through the form.
    pub fn blur(&mut self, id: &str, empty: bool) {
        if empty && !self.errors.iter().any(|e| e.id == id) {
            return;
        }
        let fresh: Vec<Shown> = self
            .shown(&self.all_errors())
            .into_iter()
            .filter(|e| e.id == id)
            .collect();
        self.errors.retain(|e| e.id != id);
        self.errors.extend(fresh);
        // The summary stays as "Avanti" left it: shrinking it here would move the page under
        // the pointer between the press and the release of the button that caused the blur.
    }

    /// While typing in an input that shows an error: the error goes as soon as the value is
    /// right (a new problem waits for the blur).
    pub fn typed(&mut self, id: &str) {
        if !self.errors.iter().any(|e| e.id == id) {
            return;
        }
        let still = self.shown(&self.all_errors()).iter().any(|e| e.id == id);
        if !still {
            self.errors.retain(|e| e.id != id);
        }
    }

    /// The messages shown under the input `id`.
    pub fn error_for(&self, id: &str) -> Option<String> {
        let m: Vec<&str> = self
            .errors
            .iter()
            .filter(|e| e.id == id)
            .map(|e| e.message.as_str())
            .collect();
        (!m.is_empty()).then(|| format!("{} {}", self.t.error_prefix, m.join(" ")))
    }

    /// Drop the shown errors whose input id starts with `prefix` (their inputs are gone).
    pub fn forget(&mut self, prefix: &str) {
        self.errors.retain(|e| !e.id.starts_with(prefix));
        self.summary.retain(|e| !e.id.starts_with(prefix));
    }

    /// Open `step` and move focus to its heading.
    pub fn go(&mut self, step: u8) {
        if step == STEP_PLACES && self.draft.places.is_empty() {
            self.add_place();
        }
        self.step = step;
        let ateco = self.draft.ateco.trim();
        if step == STEP_WHO && !ateco.is_empty() && self.ateco_title.is_empty() {
            self.effects.push(Effect::Ateco(ateco.to_owned()));
        }
        // What the last draft action did belongs to the step where it was done.
        self.note = None;
        self.focus(ID_STEP_TITLE);
    }

    /// "Avanti": the step's own checks first; the preview checks everything.
    pub fn next(&mut self) {
        let step = self.step;
        if step == STEP_PRIVACY && !self.accepted {
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
        let kind = self.draft.kind;
        let errors: Vec<FieldError> = self
            .all_errors()
            .into_iter()
            .filter(|e| step_of(e.field.as_deref().unwrap_or(""), kind) == step)
            .collect();
        if !errors.is_empty() {
            self.report(&errors, &[step]);
            return;
        }
        self.summary.clear();
        match step {
            STEP_PLACES => {
                self.go(STEP_PREVIEW);
                self.preview();
            }
            STEP_PREVIEW if !matches!(self.preview, Preview::Ready(_)) => self.preview(),
            s if s < STEPS => self.go(s + 1),
            _ => {}
        }
    }

    pub fn back(&mut self) {
        if self.step > STEP_PRIVACY {
            self.go(self.step - 1);
        }
    }

    /// The privacy checkbox.
    pub fn accept(&mut self, on: bool) {
        self.accepted = on;
        if on {
            self.errors.retain(|x| x.id != ID_PRIVACY);
            self.summary.retain(|x| x.id != ID_PRIVACY);
        }
    }

    /// From a link of the summary: open the field's step and focus the field.
    pub fn show(&mut self, k: usize) {
        let Some(e) = self.summary.get(k).cloned() else {
            return;
        };
        if e.step != self.step && e.step <= STEP_PLACES {
            if e.step == STEP_PLACES && self.draft.places.is_empty() {
                self.add_place();
            }
            self.step = e.step;
        }
        self.focus(&e.id);
    }

    /// Check the whole draft here, then ask the server for the preview (it checks the codes
    /// against the reference data).
    pub fn preview(&mut self) {
        let errors = self.all_errors();
        if !errors.is_empty() {
            self.preview = Preview::None;
            self.report(&errors, &STEPS_OF_THE_FORM);
            return;
        }
        self.preview = Preview::Loading;
        self.effects.push(Effect::Preview);
    }

    pub fn kind(&mut self, k: HostKind) {
        self.draft.kind = Some(k);
        self.forget("w-kind-");
    }

    /// "Offriamo questo percorso" ticked or not.
    pub fn offer(&mut self, p: PathKind, on: bool) {
        if on {
            if offer(&self.draft, p).is_some() {
                return;
            }
            let kept = self
                .stash
                .iter()
                .position(|o| o.path == Some(p))
                .map(|i| self.stash.remove(i));
            let o = kept.unwrap_or_else(|| OfferDraft {
                path: Some(p),
                periods: vec![PeriodDraft::default()],
                ..Default::default()
            });
            self.draft.offers.push(o);
            // The form's order, whatever the order of ticking.
            self.draft.offers.sort_by_key(|o| o.path);
            self.forget(&id_offer(PathKind::ALL[0]));
        } else {
            if let Some(i) = self.draft.offers.iter().position(|o| o.path == Some(p)) {
                let o = self.draft.offers.remove(i);
                self.stash.push(o);
            }
            self.forget(&format!("w-{}-", p.as_str()));
        }
    }

    pub fn add_period(&mut self, p: PathKind) {
        if let Some(o) = offer_mut(&mut self.draft, p) {
            o.periods.push(PeriodDraft::default());
            let n = o.periods.len();
            self.forget(&id_period_add(p));
            self.focus(&id_period(p, n - 1, "from"));
        }
    }

    pub fn remove_period(&mut self, p: PathKind, j: usize) {
        if let Some(o) = offer_mut(&mut self.draft, p) {
            if j < o.periods.len() {
                o.periods.remove(j);
            }
        }
        self.forget(&format!("w-{}-period-", p.as_str()));
        self.focus(&id_period_add(p));
    }

    /// The `k`-th result of the search of `p` added to its figures.
    pub fn add_figure(&mut self, p: PathKind, k: usize) {
        let Some((code, title, _)) = self.searches[path_index(p)].results.get(k).cloned() else {
            return;
        };
        if let Some(o) = offer_mut(&mut self.draft, p) {
            if !o.figures.contains(&code) {
                o.figures.push(code.clone());
            }
        }
        if !self.titles.iter().any(|(c, _)| *c == code) {
            self.titles.push((code.clone(), title.clone()));
        }
        self.forget(&id_figure_search(p));
        self.searches[path_index(p)].status = fill(
            self.t.figures_added,
            &[("title", &format!("{code} {title}"))],
        );
    }

    pub fn remove_figure(&mut self, p: PathKind, k: usize) {
        if let Some(o) = offer_mut(&mut self.draft, p) {
            if k < o.figures.len() {
                o.figures.remove(k);
            }
        }
        self.forget(&format!("w-{}-figure-", p.as_str()));
        self.focus(&id_figure_search(p));
    }

    pub fn search(&self, p: PathKind) -> &Search {
        &self.searches[path_index(p)]
    }

    pub fn search_mut(&mut self, p: PathKind) -> &mut Search {
        &mut self.searches[path_index(p)]
    }

    /// A new empty place.
    pub fn add_place(&mut self) {
        self.places.push(Place::default());
        self.draft.places.push(PlaceDraft::default());
    }

    /// "Aggiungi una sede": a new place, its address focused.
    pub fn add_place_here(&mut self) {
        self.add_place();
        let n = self.draft.places.len();
        self.forget(ID_PLACE_ADD);
        self.focus(&id_place(n.saturating_sub(1), "address"));
    }

    pub fn remove_place(&mut self, i: usize) {
        if i < self.places.len() {
            self.places.remove(i);
        }
        if i < self.draft.places.len() {
            self.draft.places.remove(i);
        }
        // Errors of later places now name other inputs: check them again when asked.
        self.errors.retain(|e| !e.id.starts_with("w-place-"));
        self.focus(ID_PLACE_ADD);
    }

    /// A region chosen for place `i`: a province outside it no longer applies.
    pub fn region(&mut self, i: usize, r: String) {
        let Some(place) = self.places.get_mut(i) else {
            return;
        };
        let keep = self
            .provinces
            .iter()
            .any(|p| p.code == place.province && (r.is_empty() || p.region == r));
        if !keep {
            place.province.clear();
            place.comuni.clear();
            self.set_comune(i, String::new());
        }
        if let Some(place) = self.places.get_mut(i) {
            place.region = r;
        }
    }

    /// A province chosen for place `i` (and its region): its comuni are loaded.
    pub fn province(&mut self, i: usize, p: String) {
        self.choose(i, &p, "");
        self.blur(&id_place(i, "comune"), true);
    }

    /// Place `i`'s selects on a province and a comune in it, loading the province's comuni.
    pub fn choose(&mut self, i: usize, province: &str, comune: &str) {
        let region = self
            .provinces
            .iter()
            .find(|p| p.code == province)
            .map(|p| p.region.clone());
        let Some(place) = self.places.get_mut(i) else {
            return;
        };
        // "Scegli" again: the region stays.
        if let Some(r) = region {
            place.region = r;
        }
        place.province = province.to_owned();
        place.comuni.clear();
        if let Some(p) = self.draft.places.get_mut(i) {
            p.comune = comune.to_owned();
        }
        if !province.is_empty() {
            self.effects.push(Effect::Comuni(i, province.to_owned()));
        }
    }

    /// The comune of place `i` chosen (or cleared): checked as if the person left the field.
    pub fn set_comune(&mut self, i: usize, c: String) {
        let empty = c.is_empty();
        if let Some(p) = self.draft.places.get_mut(i) {
            p.comune = c;
        }
        self.blur(&id_place(i, "comune"), empty);
    }

    /// The comuni of `province` arrived for place `i` (dropped if the province changed since).
    pub fn comuni(&mut self, i: usize, province: &str, list: Vec<ComuneRef>) -> bool {
        match self.places.get_mut(i) {
            Some(p) if p.province == province => {
                p.comuni = list;
                true
            }
            _ => false,
        }
    }

    /// The selects of a place set to its comune (from a file or iPA): the province is the one
    /// whose comuni share the code's first three digits.
    fn place_of(&mut self, i: usize, comune: &str) {
        let province = self
            .prefixes
            .iter()
            .find(|(p, _)| comune.get(..3) == Some(p.as_str()))
            .map(|(_, s)| s.clone());
        if let Some(province) = province {
            self.choose(i, &province, comune);
        }
    }

    /// iPA's answer: the form filled from it (name, codice fiscale, PEC of record, website,
    /// the first place).
    pub fn ipa_found(&mut self, found: IpaFound) {
        let d = &mut self.draft;
        d.name = found.name.clone();
        d.codice_fiscale = found.codice_fiscale;
        if let Some(p) = &found.pec {
            d.contacts.pec = p.clone();
        }
        if let Some(site) = found.website {
            d.contacts.website = site;
        }
        if let Some(address) = found.address {
            if self.draft.places.is_empty() {
                self.add_place();
            }
            if let Some(p) = self.draft.places.first_mut() {
                p.address = address;
                p.cap = found.cap;
            }
            self.choose(0, &found.province, &found.comune);
        }
        self.pec_locked = found.pec.is_some();
        for id in [ID_IPA, ID_NAME, ID_CF, ID_PEC] {
            self.blur(id, true);
        }
        let mut text = fill(self.t.ipa_found, &[("name", &found.name)]);
        if found.pec.is_none() {
            text = format!("{text} {}", self.t.ipa_no_pec);
        }
        self.ipa_note = Some(Note { ok: true, text });
    }

    /// Replace the form with `draft` (loaded from a file, or empty).
    pub fn replace(&mut self, draft: ProfileDraft) {
        let comuni: Vec<String> = draft.places.iter().map(|p| p.comune.clone()).collect();
        self.draft = draft;
        self.places = vec![Place::default(); comuni.len()];
        for (i, c) in comuni.iter().enumerate() {
            self.place_of(i, c);
        }
        self.errors.clear();
        self.summary.clear();
        self.stash.clear();
        self.pec_locked = false;
        self.preview = Preview::None;
        self.declaration = None;
        self.ipa_note = None;
        self.ateco_title.clear();
        self.submit_failed = None;
        self.sign_failed = None;
        self.copied.clear();
        self.generation += 1;
    }

    /// "Sì, annulla le modifiche".
    pub fn discard(&mut self) {
        self.replace(ProfileDraft::default());
        self.accepted = false;
        self.step = STEP_PRIVACY;
        self.note = Some(Note {
            ok: true,
            text: self.t.reset_done.to_owned(),
        });
        self.focus(ID_STEP_TITLE);
    }

    /// A draft file chosen here or on the first step: checked, and loaded when whole.
    pub fn open_file(&mut self, name: &str, bytes: &[u8]) {
        match DraftFile::open_bytes(bytes) {
            Ok(file) => {
                self.replace(file.draft);
                // Back on the step it was saved on; from the preview on, the preview is made
                // again (sending needs it).
                if self.accepted {
                    match file.step.unwrap_or(STEP_WHO) {
                        s if s >= STEP_PREVIEW => {
                            self.go(STEP_PREVIEW);
                            self.preview();
                        }
                        s => self.go(s.max(STEP_WHO)),
                    }
                }
                let mut text = fill(self.t.loaded, &[("file", name)]);
                if let Some(code) = file.declaration {
                    text.push(' ');
                    text.push_str(&fill(self.t.loaded_declaration, &[("code", code.as_str())]));
                }
                self.note = Some(Note { ok: true, text });
            }
            Err(e) => {
                self.note = Some(Note {
                    ok: false,
                    text: format!(
                        "{} {}",
                        self.t.load_failed,
                        say_with(self.words, &e.to_field_error())
                    ),
                })
            }
        }
    }

    /// The draft file's text, saved on this step (and with the declaration sent from it).
    pub fn file(&self, now: chrono::NaiveDateTime) -> String {
        DraftFile {
            saved_at: now,
            draft: self.draft.clone(),
            step: Some(self.step),
            declaration: self
                .declaration
                .as_ref()
                .and_then(|d| domain::declaration::DeclarationCode::parse(&d.code).ok()),
        }
        .write()
    }

    pub fn set_status(&mut self, s: Status) {
        if let Some(d) = &mut self.declaration {
            d.status = s;
        }
    }
}

/// What iPA answered, as the form takes it.
pub struct IpaFound {
    pub name: String,
    pub codice_fiscale: String,
    pub pec: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub cap: String,
    pub province: String,
    pub comune: String,
}

pub const STEPS_OF_THE_FORM: [u8; 4] = [STEP_WHO, STEP_OFFERS, STEP_PLACES, STEP_PREVIEW];

// ---------------------------------------------------------------------------------------------
// The markup.
// ---------------------------------------------------------------------------------------------

/// `s` escaped for HTML text and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What kind of input a field is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
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
struct Spec<'a> {
    id: &'a str,
    label: &'a str,
    hint: Option<&'a str>,
    optional: bool,
    kind: Kind,
    max: usize,
    autocomplete: Option<&'a str>,
    readonly: bool,
}

fn spec<'a>(id: &'a str, label: &'a str, kind: Kind, max: usize) -> Spec<'a> {
    Spec {
        id,
        label,
        hint: None,
        optional: false,
        kind,
        max,
        autocomplete: None,
        readonly: false,
    }
}

impl<'a> Spec<'a> {
    fn hint(mut self, h: &'a str) -> Self {
        self.hint = Some(h);
        self
    }
    fn optional(mut self) -> Self {
        self.optional = true;
        self
    }
    fn auto(mut self, a: &'a str) -> Self {
        self.autocomplete = Some(a);
        self
    }
}

/// `aria-describedby` of an element: its hint, its error when shown, a counter.
pub fn described(id: &str, hint: bool, error: bool, count: bool) -> String {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    if count {
        ids.push(format!("{id}-count"));
    }
    ids.join(" ")
}

/// ` aria-describedby="…"` when there is something to point at.
fn describedby(ids: &str) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!(" aria-describedby=\"{ids}\"")
    }
}

/// The counter under a text area.
pub fn counter(t: &PublishTexts, n: usize, max: usize) -> String {
    fill(
        t.counter,
        &[("n", &n.to_string()), ("max", &max.to_string())],
    )
}

impl State {
    /// The errors of one input, tied to it by `aria-describedby` (`{id}-error`); `target` is
    /// the element described, when not the input itself.
    fn error_slot(&self, o: &mut String, id: &str, target: Option<&str>) {
        let msg = self.error_for(id);
        o.push_str(&format!(
            "<p id=\"{id}-error\" class=\"field-error\"{}{}>{}</p>",
            target
                .map(|t| format!(" data-for=\"{t}\""))
                .unwrap_or_default(),
            if msg.is_some() { "" } else { " hidden" },
            esc(msg.as_deref().unwrap_or(""))
        ));
    }

    fn invalid(&self, id: &str) -> &'static str {
        if self.error_for(id).is_some() {
            " aria-invalid=\"true\""
        } else {
            ""
        }
    }

    /// One field of the draft: label, hint, error and input, with its value.
    fn field(&self, o: &mut String, s: Spec, value: &str) {
        let Spec {
            id,
            label,
            hint,
            optional,
            kind,
            max,
            autocomplete,
            readonly,
        } = s;
        let error = self.error_for(id).is_some();
        o.push_str(&format!(
            "<div class=\"field\"><label for=\"{id}\">{}",
            esc(label)
        ));
        if optional {
            o.push_str(&format!(
                " <span class=\"optional\">{}</span>",
                esc(self.t.optional)
            ));
        }
        o.push_str("</label>");
        if let Some(h) = hint {
            o.push_str(&format!(
                "<p id=\"{id}-hint\" class=\"hint\">{}</p>",
                esc(h)
            ));
        }
        self.error_slot(o, id, None);
        let invalid = self.invalid(id);
        if kind == Kind::Area {
            let d = described(id, hint.is_some(), error, true);
            o.push_str(&format!(
                "<textarea id=\"{id}\" rows=\"5\" maxlength=\"{max}\"{}{invalid}>{}</textarea>\
                 <p id=\"{id}-count\" class=\"hint counter\">{}</p>",
                describedby(&d),
                esc(value),
                esc(&counter(self.t, value.chars().count(), max))
            ));
        } else {
            let (ty, mode) = match kind {
                Kind::Email => ("email", ""),
                Kind::Tel => ("tel", ""),
                Kind::Url => ("url", ""),
                Kind::Date => ("date", ""),
                Kind::Digits => ("text", " inputmode=\"numeric\""),
                _ => ("text", ""),
            };
            let mut extra = String::from(mode);
            if let Some(a) = autocomplete {
                extra.push_str(&format!(" autocomplete=\"{a}\""));
            }
            if kind == Kind::Code {
                extra.push_str(" autocapitalize=\"characters\" spellcheck=\"false\"");
            }
            if kind == Kind::Date {
                extra.push_str(" min=\"2000-01-01\" max=\"2100-12-31\"");
            }
            if readonly {
                extra.push_str(" readonly");
            }
            let d = described(id, hint.is_some(), error, false);
            o.push_str(&format!(
                "<input id=\"{id}\" type=\"{ty}\"{extra} maxlength=\"{max}\" value=\"{}\"{}{invalid}>",
                esc(value),
                describedby(&d)
            ));
        }
        o.push_str("</div>");
    }

    /// The body of the step shown (the first step's is the server's, always in the page).
    pub fn body(&self) -> String {
        let mut o = String::new();
        match self.step {
            STEP_WHO => self.who(&mut o),
            STEP_OFFERS => self.offers(&mut o),
            STEP_PLACES => self.places_step(&mut o),
            STEP_PREVIEW => self.preview_step(&mut o),
            STEP_SUBMIT => self.submit_step(&mut o),
            _ => {}
        }
        o
    }

    /// "Passo 2 di 6", and the step's name.
    pub fn title(&self) -> (String, &'static str) {
        (
            fill(
                self.t.step_of,
                &[("n", &self.step.to_string()), ("total", &STEPS.to_string())],
            ),
            self.t.steps[usize::from(self.step.clamp(1, STEPS)) - 1],
        )
    }

    /// The error summary: every problem, each a link to its field (empty when none).
    pub fn summary_html(&self) -> String {
        if self.summary.is_empty() {
            return String::new();
        }
        let t = self.t;
        let heading = match self.summary.len() {
            1 => t.errors_one.to_owned(),
            n => fill(t.errors_many, &[("n", &n.to_string())]),
        };
        let mut o = format!(
            "<div class=\"error-summary\" id=\"{}\" tabindex=\"-1\" aria-labelledby=\"w-errors-title\">\
             <h2 id=\"w-errors-title\">{}</h2><ul>",
            super::ID_SUMMARY,
            esc(&heading)
        );
        for (k, e) in self.summary.iter().enumerate() {
            o.push_str(&format!(
                "<li><a href=\"#{}\" data-a=\"show\" data-i=\"{k}\">{}: {}</a></li>",
                e.id,
                esc(&e.label),
                esc(&e.message)
            ));
        }
        o.push_str("</ul></div>");
        o
    }

    /// The toolbar's note: `ok` the done one, else the went-wrong one.
    pub fn note_html(&self, ok: bool) -> String {
        match &self.note {
            Some(n) if n.ok == ok => format!(
                "<p class=\"notice {}\">{}</p>",
                if ok { "notice-ok" } else { "notice-error" },
                esc(&n.text)
            ),
            _ => String::new(),
        }
    }

    // Step 2: who you are.
    fn who(&self, o: &mut String) {
        let t = self.t;
        let kind = self.draft.kind;
        let kind_error = id_kind(HostKind::Impresa);
        o.push_str(&format!(
            "<p class=\"hint\">{}</p><fieldset class=\"group\" id=\"w-kind-group\"{}><legend>{}</legend>",
            esc(t.required_note),
            describedby(&described(&kind_error, false, self.error_for(&kind_error).is_some(), false)),
            esc(t.kind_legend)
        ));
        self.error_slot(o, &kind_error, Some("w-kind-group"));
        for k in HostKind::ALL {
            let id = id_kind(k);
            o.push_str(&format!(
                "<div class=\"choice-block\"><div class=\"choice\"><input type=\"radio\" name=\"w-kind\" \
                 id=\"{id}\" value=\"{}\"{} aria-describedby=\"{id}-hint\"><label for=\"{id}\">{}</label>\
                 </div><p id=\"{id}-hint\" class=\"hint\">{}</p></div>",
                k.as_str(),
                if kind == Some(k) { " checked" } else { "" },
                esc(kind_label(t, k)),
                esc(kind_hint(t, k))
            ));
        }
        o.push_str("</fieldset><div id=\"w-identity\">");
        self.identity(o);
        o.push_str("</div>");
    }

    /// The identity's fields for the kind chosen (`w-identity`: written again when the kind
    /// changes, the radios staying as they are).
    pub fn identity_html(&self) -> String {
        let mut o = String::new();
        self.identity(&mut o);
        o
    }

    fn identity(&self, o: &mut String) {
        let t = self.t;
        let Some(k) = self.draft.kind else {
            return;
        };
        let d = &self.draft;
        o.push_str(&format!(
            "<fieldset class=\"group\"><legend>{}</legend>",
            esc(t.identity_legend)
        ));
        let name = |o: &mut String| {
            let label = if k == HostKind::Professionista {
                t.name_professional
            } else {
                t.name
            };
            self.field(
                o,
                spec(ID_NAME, label, Kind::Text, limits::NAME_MAX).auto("organization"),
                &d.name,
            )
        };
        let piva = |o: &mut String, optional: bool| {
            let s = spec(ID_PIVA, t.piva, Kind::Digits, 16);
            self.field(o, if optional { s.optional() } else { s }, &d.partita_iva)
        };
        let cf = |o: &mut String, label: &str, hint: Option<&str>| {
            let mut s = spec(ID_CF, label, Kind::Code, 20);
            s.hint = hint;
            self.field(o, s, &d.codice_fiscale)
        };
        let ateco = |o: &mut String, optional: bool| {
            let s = spec(ID_ATECO, t.ateco, Kind::Text, 8).hint(t.ateco_hint);
            self.field(o, if optional { s.optional() } else { s }, &d.ateco);
            o.push_str(&format!(
                "<p class=\"hint ateco-title\" id=\"{ID_ATECO}-titolo\" aria-live=\"polite\">{}</p>",
                esc(&self.ateco_title)
            ));
        };
        let pec = |o: &mut String, label: &str, hint: &str, locked: bool| {
            let mut s = spec(ID_PEC, label, Kind::Email, limits::EMAIL_MAX)
                .hint(hint)
                .auto("email");
            s.readonly = locked && self.pec_locked;
            self.field(o, s, &d.contacts.pec);
            if locked {
                o.push_str(&format!(
                    "<p class=\"hint\"{}>{}</p>",
                    if self.pec_locked { "" } else { " hidden" },
                    esc(t.pec_public_locked)
                ));
            }
        };
        match k {
            HostKind::Impresa => {
                name(o);
                piva(o, false);
                self.field(
                    o,
                    spec(ID_LEGAL_CF, t.legal_rep_cf, Kind::Code, 20).hint(t.legal_rep_hint),
                    &d.legal_representative_cf,
                );
                ateco(o, false);
            }
            HostKind::Professionista => {
                name(o);
                cf(o, t.cf_professional, None);
                piva(o, true);
                pec(o, t.pec_professional, t.pec_professional_hint, false);
                ateco(o, true);
            }
            HostKind::EntePubblico => {
                self.ipa(o);
                name(o);
                cf(o, t.cf_body, None);
                pec(o, t.pec_public, t.pec_public_hint, true);
            }
            HostKind::EntePrivato => {
                name(o);
                cf(o, t.cf_body, Some(t.cf_private_hint));
                ateco(o, true);
            }
        }
        o.push_str("</fieldset>");
    }

    /// The iPA code with its "Verifica" button, which fills the form from iPA.
    fn ipa(&self, o: &mut String) {
        let t = self.t;
        o.push_str("<div class=\"with-action\">");
        self.field(
            o,
            spec(
                ID_IPA,
                t.ipa_code,
                Kind::Text,
                domain::identity::IpaCode::MAX_LEN,
            )
            .hint(t.ipa_hint),
            &self.draft.ipa_code,
        );
        o.push_str(&format!(
            "<button type=\"button\" class=\"btn btn-secondary\" data-a=\"ipa\"{}>{}</button></div>\
             <div aria-live=\"polite\">{}</div>",
            if self.ipa_busy { " disabled" } else { "" },
            esc(if self.ipa_busy {
                t.ipa_checking
            } else {
                t.ipa_verify
            }),
            notice(self.ipa_note.as_ref())
        ));
    }

    // Step 3: the placements offered.
    fn offers(&self, o: &mut String) {
        let t = self.t;
        o.push_str(&format!("<p>{}</p>", esc(t.offers_lead)));
        for p in PathKind::ALL {
            let id = id_offer(p);
            let on = offer(&self.draft, p);
            o.push_str(&format!(
                "<fieldset class=\"group offer-box\"><legend>{}</legend><div class=\"choice\">\
                 <input type=\"checkbox\" id=\"{id}\"{}{}{}><label for=\"{id}\">{}</label></div>",
                esc(path_label(t, p)),
                if on.is_some() { " checked" } else { "" },
                describedby(&described(&id, false, self.error_for(&id).is_some(), false)),
                self.invalid(&id),
                esc(t.offer_on)
            ));
            self.error_slot(o, &id, None);
            o.push_str(&format!("<div id=\"w-{}-fields\">", p.as_str()));
            if let Some(offer) = on {
                self.offer_fields(o, p, offer);
            }
            o.push_str("</div></fieldset>");
        }
    }

    /// An offer's fields (`w-{path}-fields`: written again when it is ticked or unticked, the
    /// checkbox staying as it is).
    pub fn offer_html(&self, p: PathKind) -> String {
        let mut o = String::new();
        if let Some(offer) = offer(&self.draft, p) {
            self.offer_fields(&mut o, p, offer);
        }
        o
    }

    fn offer_fields(&self, o: &mut String, p: PathKind, offer: &OfferDraft) {
        let t = self.t;
        self.field(
            o,
            spec(&id_max_students(p), t.max_students, Kind::Digits, 3).hint(t.max_students_hint),
            &offer.max_students,
        );
        // The periods.
        let add = id_period_add(p);
        o.push_str(&format!(
            "<fieldset class=\"group\"><legend>{}</legend>",
            esc(t.periods_legend)
        ));
        let of = offer.periods.len();
        for (j, x) in offer.periods.iter().enumerate() {
            let n = (j + 1).to_string();
            o.push_str(&format!(
                "<fieldset class=\"period\"><legend>{}</legend><div class=\"period-dates\">",
                esc(&fill(t.period_n, &[("n", &n)]))
            ));
            self.field(
                o,
                spec(&id_period(p, j, "from"), t.period_from, Kind::Date, 10),
                &x.from,
            );
            self.field(
                o,
                spec(&id_period(p, j, "to"), t.period_to, Kind::Date, 10),
                &x.to,
            );
            o.push_str("</div>");
            if of > 1 {
                o.push_str(&format!(
                    "<button type=\"button\" class=\"btn btn-secondary btn-small\" data-a=\"period-rm\" \
                     data-p=\"{}\" data-i=\"{j}\">{}</button>",
                    p.as_str(),
                    esc(&fill(t.period_remove, &[("n", &n)]))
                ));
            }
            o.push_str("</fieldset>");
        }
        self.error_slot(o, &add, None);
        o.push_str(&format!(
            "<button type=\"button\" id=\"{add}\" class=\"btn btn-secondary\" data-a=\"period-add\" \
             data-p=\"{}\"{}>{}</button></fieldset>",
            p.as_str(),
            describedby(&described(&add, false, self.error_for(&add).is_some(), false)),
            esc(t.period_add)
        ));
        self.figures(o, p, offer);
        self.field(
            o,
            spec(
                &id_activity(p),
                t.activity,
                Kind::Area,
                limits::ACTIVITY_MAX,
            )
            .hint(t.activity_hint),
            &offer.activity,
        );
    }

    /// The CP 2011 figures: a search by title, its results to add, the figures chosen.
    fn figures(&self, o: &mut String, p: PathKind, offer: &OfferDraft) {
        let t = self.t;
        let s = &self.searches[path_index(p)];
        let q = id_figure_search(p);
        let ps = p.as_str();
        o.push_str(&format!(
            "<fieldset class=\"group\"><legend>{}</legend><div class=\"field\"><label for=\"{q}\">{}</label>\
             <p id=\"{q}-hint\" class=\"hint\">{}</p>",
            esc(t.figures_legend),
            esc(t.figures_q),
            esc(t.figures_q_hint)
        ));
        self.error_slot(o, &q, None);
        o.push_str(&format!(
            "<div class=\"search-row\"><input type=\"search\" id=\"{q}\" maxlength=\"100\" value=\"{}\"{}>\
             <button type=\"button\" class=\"btn btn-secondary\" data-a=\"fig-search\" data-p=\"{ps}\"{}>{}</button>\
             </div></div><p class=\"hint\" aria-live=\"polite\">{}</p>",
            esc(&s.q),
            describedby(&described(&q, true, self.error_for(&q).is_some(), false)),
            if s.busy { " disabled" } else { "" },
            esc(t.figures_search),
            esc(&s.status)
        ));
        if !s.results.is_empty() {
            o.push_str(&format!(
                "<ul class=\"figure-list\" aria-label=\"{}\">",
                esc(t.figures_results)
            ));
            for (k, (code, title, level)) in s.results.iter().enumerate() {
                o.push_str(&format!(
                    "<li><span>{} <span class=\"hint\">({})</span></span><button type=\"button\" \
                     class=\"btn btn-secondary btn-small\" aria-label=\"{}\" data-a=\"fig-add\" \
                     data-p=\"{ps}\" data-i=\"{k}\">{}</button></li>",
                    esc(&format!("{code} — {title}")),
                    esc(level),
                    esc(&format!("{} {code} {title}", t.figures_add)),
                    esc(t.figures_add)
                ));
            }
            o.push_str("</ul>");
        }
        let heading = format!("w-{ps}-figures-chosen");
        o.push_str(&format!(
            "<h3 id=\"{heading}\" class=\"subheading\">{}</h3><div aria-labelledby=\"{heading}\" role=\"group\">",
            esc(t.figures_chosen)
        ));
        if offer.figures.is_empty() {
            o.push_str(&format!("<p>{}</p>", esc(t.figures_none_chosen)));
        } else {
            o.push_str("<ul class=\"figure-list\">");
            for (k, code) in offer.figures.iter().enumerate() {
                let text = match self.titles.iter().find(|(c, _)| c == code) {
                    Some((_, title)) => format!("{code} — {title}"),
                    None => code.clone(),
                };
                let id = id_figure(p, k);
                o.push_str(&format!(
                    "<li><span>{}</span><button type=\"button\" id=\"{id}\" class=\"btn btn-secondary btn-small\" \
                     aria-label=\"{}\"{} data-a=\"fig-rm\" data-p=\"{ps}\" data-i=\"{k}\">{}</button>",
                    esc(&text),
                    esc(&format!("{} {text}", t.figures_remove)),
                    describedby(&described(&id, false, self.error_for(&id).is_some(), false)),
                    esc(t.figures_remove)
                ));
                self.error_slot(o, &id, None);
                o.push_str("</li>");
            }
            o.push_str("</ul>");
        }
        o.push_str("</div></fieldset>");
    }

    // Step 4: places and contacts.
    fn places_step(&self, o: &mut String) {
        let t = self.t;
        let d = &self.draft;
        o.push_str(&format!(
            "<p class=\"hint\">{}</p><fieldset class=\"group\"><legend>{}</legend>",
            esc(t.required_note),
            esc(t.places_legend)
        ));
        let of = d.places.len();
        for i in 0..of {
            self.place(o, i, of);
        }
        self.error_slot(o, ID_PLACE_ADD, None);
        o.push_str(&format!(
            "<button type=\"button\" id=\"{ID_PLACE_ADD}\" class=\"btn btn-secondary\" data-a=\"place-add\"{}>{}</button></fieldset>",
            describedby(&described(ID_PLACE_ADD, false, self.error_for(ID_PLACE_ADD).is_some(), false)),
            esc(t.place_add)
        ));
        let text = |id: &'static str, label: &'static str| {
            spec(id, label, Kind::Area, limits::TEXT_MAX).optional()
        };
        self.field(
            o,
            text(ID_DESCRIPTION, t.description).hint(t.description_hint),
            &d.description,
        );
        o.push_str(&format!(
            "<fieldset class=\"group\"><legend>{}</legend><p class=\"hint\">{}</p>",
            esc(t.contacts_legend),
            esc(t.contacts_hint)
        ));
        let c = &d.contacts;
        self.field(
            o,
            spec(
                ID_PERSON_ROLE,
                t.person_role,
                Kind::Text,
                limits::SHORT_TEXT_MAX,
            )
            .optional(),
            &c.person_role,
        );
        self.field(
            o,
            spec(ID_EMAIL, t.email, Kind::Email, limits::EMAIL_MAX).auto("email"),
            &c.email,
        );
        self.field(
            o,
            spec(ID_PHONE, t.phone, Kind::Tel, 30).auto("tel"),
            &c.phone,
        );
        if pec_with_identity(d.kind) {
            if !c.pec.is_empty() {
                o.push_str(&format!(
                    "<p>{}</p>",
                    esc(&fill(t.pec_given, &[("pec", &c.pec)]))
                ));
            }
        } else {
            self.field(
                o,
                spec(ID_PEC, t.pec, Kind::Email, limits::EMAIL_MAX).optional(),
                &c.pec,
            );
        }
        self.field(
            o,
            spec(ID_WEBSITE, t.website, Kind::Url, limits::WEBSITE_MAX)
                .hint(t.website_hint)
                .optional()
                .auto("url"),
            &c.website,
        );
        o.push_str(&format!(
            "</fieldset><fieldset class=\"group\"><legend>{}</legend>",
            esc(t.optional_legend)
        ));
        self.field(o, text(ID_SUPPLY_CHAIN, t.supply_chain), &d.supply_chain);
        self.field(
            o,
            text(ID_STRUCTURAL, t.structural),
            &d.capacities.structural,
        );
        self.field(
            o,
            text(ID_TECHNOLOGICAL, t.technological),
            &d.capacities.technological,
        );
        self.field(
            o,
            text(ID_ORGANISATIONAL, t.organisational),
            &d.capacities.organisational,
        );
        o.push_str("</fieldset>");
    }

    fn place(&self, o: &mut String, i: usize, of: usize) {
        let t = self.t;
        let n = (i + 1).to_string();
        let p = self.draft.places.get(i).cloned().unwrap_or_default();
        let ui = self.places.get(i).cloned().unwrap_or_default();
        o.push_str(&format!(
            "<fieldset class=\"place\"><legend>{}</legend>",
            esc(&fill(t.place_n, &[("n", &n)]))
        ));
        self.field(
            o,
            spec(
                &id_place(i, "address"),
                t.address,
                Kind::Text,
                limits::ADDRESS_MAX,
            )
            .hint(t.address_hint)
            .auto("street-address"),
            &p.address,
        );
        self.field(
            o,
            spec(&id_place(i, "cap"), t.cap, Kind::Digits, 5).auto("postal-code"),
            &p.cap,
        );
        let prefix = id_place_prefix(i);
        let choose = esc(t.choose);
        let option = |value: &str, text: &str, selected: bool| {
            format!(
                "<option value=\"{}\"{}>{}</option>",
                esc(value),
                if selected { " selected" } else { "" },
                esc(text)
            )
        };
        let regions: String = self
            .regions
            .iter()
            .map(|r| option(&r.code, &r.name, r.code == ui.region))
            .collect();
        let provinces: String = self
            .provinces
            .iter()
            .filter(|x| ui.region.is_empty() || x.region == ui.region)
            .map(|x| {
                option(
                    &x.code,
                    &format!("{} ({})", x.name, x.code),
                    x.code == ui.province,
                )
            })
            .collect();
        let comune = id_place(i, "comune");
        let no_province = ui.province.is_empty();
        o.push_str(&format!(
            "<div class=\"field\"><label for=\"{prefix}-region\">{}</label><select id=\"{prefix}-region\" name=\"region\">\
             <option value=\"\">{choose}</option>{regions}</select></div>\
             <div class=\"field\"><label for=\"{prefix}-province\">{}</label><select id=\"{prefix}-province\" name=\"province\">\
             <option value=\"\">{choose}</option>{provinces}</select></div>\
             <div class=\"field\"><label for=\"{comune}\">{}</label><select id=\"{comune}\" name=\"comune\"{} \
             aria-describedby=\"{comune}-hint {comune}-error\">{}</select>\
             <p id=\"{comune}-hint\" class=\"hint\"{}>{}</p></div>",
            esc(t.region),
            esc(t.province),
            esc(t.comune),
            if no_province { " disabled" } else { "" },
            self.comune_options(i),
            if no_province { "" } else { " hidden" },
            esc(t.pick_province)
        ));
        self.error_slot(o, &comune, None);
        if of > 1 {
            o.push_str(&format!(
                "<button type=\"button\" class=\"btn btn-secondary btn-small\" data-a=\"place-rm\" data-i=\"{i}\">{}</button>",
                esc(&fill(t.place_remove, &[("n", &n)]))
            ));
        }
        o.push_str("</fieldset>");
    }

    /// The options of place `i`'s comune select.
    pub fn comune_options(&self, i: usize) -> String {
        let chosen = self
            .draft
            .places
            .get(i)
            .map(|p| p.comune.as_str())
            .unwrap_or("");
        let mut o = format!("<option value=\"\">{}</option>", esc(self.t.choose));
        if let Some(ui) = self.places.get(i) {
            for c in &ui.comuni {
                o.push_str(&format!(
                    "<option value=\"{}\"{}>{}</option>",
                    esc(&c.code),
                    if c.code == chosen { " selected" } else { "" },
                    esc(&c.name)
                ));
            }
        }
        o
    }

    // Step 5: the preview.
    fn preview_step(&self, o: &mut String) {
        let t = self.t;
        o.push_str(&format!(
            "<p>{}</p><div aria-live=\"polite\">",
            esc(t.preview_lead)
        ));
        match &self.preview {
            Preview::None => {}
            Preview::Loading => o.push_str(&format!("<p>{}</p>", esc(t.preview_loading))),
            // The fragment the server rendered (it escapes every value).
            Preview::Ready(html) => o.push_str(&format!(
                "<section class=\"preview\" aria-labelledby=\"w-preview-title\"><h3 id=\"w-preview-title\" \
                 class=\"preview-title\">{}</h3><div class=\"preview-body\">{html}</div></section>",
                esc(t.preview_label)
            )),
            Preview::Failed(m) => o.push_str(&format!(
                "<p class=\"notice notice-error\">{}</p>",
                esc(m)
            )),
        }
        o.push_str(&format!(
            "</div><button type=\"button\" class=\"btn btn-secondary\" data-a=\"preview\">{}</button>",
            esc(t.preview_refresh)
        ));
    }

    // Step 6: the submission, then the declaration.
    fn submit_step(&self, o: &mut String) {
        let t = self.t;
        let Some(d) = &self.declaration else {
            o.push_str(&format!(
                "<p>{}</p><p>{}</p><button type=\"button\" class=\"btn btn-primary\" data-a=\"submit\"{}>{}</button>\
                 <div role=\"alert\">{}</div>",
                esc(t.submit_lead),
                esc(t.submit_pending_note),
                if self.submit_busy { " disabled" } else { "" },
                esc(if self.submit_busy { t.submitting } else { t.submit }),
                error_notice(self.submit_failed.as_deref())
            ));
            return;
        };
        let pec = d
            .pec_of_record
            .clone()
            .unwrap_or_else(|| self.draft.contacts.pec.clone());
        // Once the proof has arrived (published or in review) or the code is over, the
        // instructions and the upload are done with: only the result stays.
        let done = !matches!(
            d.status,
            Status::Pending | Status::Expired | Status::Stopped
        );
        o.push_str(&format!(
            "<div class=\"declaration\"><p id=\"w-code-label\" class=\"code-label\" tabindex=\"-1\">{}</p>\
             <p class=\"declaration-code\" aria-describedby=\"w-code-label\">{}</p><div{}>\
             <button type=\"button\" class=\"btn btn-secondary\" data-a=\"copy\">{}</button>\
             <p class=\"hint\" aria-live=\"polite\">{}</p><p>{}</p><p>{} <a href=\"/enti/pubblica/dichiarazione?codice={}\">{}</a>.</p>",
            esc(t.code_label),
            esc(&d.code),
            if done { " hidden" } else { "" },
            esc(t.copy),
            esc(&self.copied),
            esc(&super::invio::expiry_text(t, &d.expires_at)),
            esc(t.come_back),
            esc(&d.code),
            esc(t.come_back_link)
        ));
        if d.by_pec {
            let note = if d.pec_declared {
                t.pec_declared
            } else {
                t.pec_of_record
            };
            o.push_str(&format!(
                "<h3>{}</h3><p>{}</p><p class=\"hint\">{}</p>",
                esc(t.pec_title),
                esc(&fill(
                    t.pec_steps,
                    &[
                        ("pec", &pec),
                        ("to", &d.verification_address),
                        ("code", &d.code)
                    ],
                )),
                esc(&fill(note, &[("pec", &pec)]))
            ));
        } else {
            o.push_str(&format!(
                "<h3>{}</h3><p><a href=\"{}\" download=\"\">{}</a>, {}</p><div class=\"field\">\
                 <label for=\"w-signature\">{}</label><input type=\"file\" id=\"w-signature\" \
                 accept=\".p7m,application/pkcs7-mime\"></div><button type=\"button\" class=\"btn btn-primary\" \
                 data-a=\"sign\"{}>{}</button><div role=\"alert\">{}</div>",
                esc(t.sign_title),
                esc(&d.document_url),
                esc(t.sign_download),
                esc(t.sign_steps),
                esc(t.sign_file),
                if self.sign_busy { " disabled" } else { "" },
                esc(if self.sign_busy {
                    t.sign_uploading
                } else {
                    t.sign_upload
                }),
                error_notice(self.sign_failed.as_deref())
            ));
        }
        o.push_str("</div><div class=\"status\" aria-live=\"polite\">");
        let error = |m: &str| format!("<p class=\"notice notice-error\">{}</p>", esc(m));
        let check = format!(
            "<button type=\"button\" class=\"btn btn-secondary\" data-a=\"poll\">{}</button>",
            esc(t.status_check)
        );
        o.push_str(&match d.status {
            Status::Pending => format!("<p>{}</p>", esc(t.status_pending)),
            Status::Published(id) => format!(
                "<div class=\"notice notice-ok\"><h3>{}</h3><p><a href=\"/enti/{id}\">{}</a></p></div>",
                esc(t.status_published),
                esc(t.status_published_link)
            ),
            Status::Expired => error(t.status_expired),
            Status::Refused => error(t.status_refused),
            Status::Superseded => error(t.status_superseded),
            Status::Review => format!("<p class=\"notice\">{}</p>{check}", esc(t.status_review)),
            Status::Stopped => format!("<p>{}</p>{check}", esc(t.status_stopped)),
        });
        o.push_str("</div></div>");
    }
}

fn notice(n: Option<&Note>) -> String {
    n.map(|n| {
        format!(
            "<p class=\"notice {}\">{}</p>",
            if n.ok { "notice-ok" } else { "notice-error" },
            esc(&n.text)
        )
    })
    .unwrap_or_default()
}

fn error_notice(m: Option<&str>) -> String {
    m.map(|m| format!("<p class=\"notice notice-error\">{}</p>", esc(m)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        State::new(Lang::It, Vec::new(), Vec::new())
    }

    #[test]
    fn every_input_id_reads_back_as_its_input() {
        let mut s = state();
        s.kind(HostKind::Impresa);
        s.offer(PathKind::Pcto, true);
        s.add_period(PathKind::Pcto);
        s.add_place();
        for (id, input) in [
            ("w-name", Input::Name),
            ("w-pcto-max", Input::Max(PathKind::Pcto)),
            ("w-pcto-period-1-to", Input::Period(PathKind::Pcto, 1, true)),
            (
                "w-apprendistato-activity",
                Input::Activity(PathKind::Apprendistato),
            ),
            ("w-pcto-figure-q", Input::FigureQ(PathKind::Pcto)),
            ("w-place-0-cap", Input::Cap(0)),
            ("w-cap-structural", Input::Structural),
        ] {
            assert_eq!(Input::of(id), Some(input), "{id}");
        }
        assert_eq!(Input::of("w-place-0-comune"), None);
        assert_eq!(Input::of("w-kind-impresa"), None);
        assert!(s.set(Input::Period(PathKind::Pcto, 1, true), "2027-01-01".into()));
        assert_eq!(s.draft.offers[0].periods[1].to, "2027-01-01");
        assert!(!s.set(Input::Max(PathKind::Apprendistato), "3".into()));
    }

    #[test]
    fn each_step_writes_its_inputs_with_the_ids_errors_name() {
        let mut s = state();
        s.accepted = true;
        s.go(STEP_WHO);
        s.kind(HostKind::Impresa);
        s.set(Input::Piva, "123\"<x>".into());
        s.next();
        let html = s.body();
        for id in [ID_NAME, ID_PIVA, ID_LEGAL_CF, ID_ATECO] {
            assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
        }
        assert!(html.contains("value=\"123&quot;&lt;x&gt;\""));
        assert!(s.summary.len() >= 4);
        assert!(s.summary_html().contains("href=\"#w-legal-cf\""));
        assert!(html.contains("id=\"w-legal-cf-error\" class=\"field-error\">"));
        s.offer(PathKind::Pcto, true);
        s.step = STEP_OFFERS;
        let html = s.body();
        assert!(html.contains("id=\"w-pcto-period-0-from\""));
        assert!(!html.contains("w-apprendistato-max"));
        s.go(STEP_PLACES);
        assert_eq!(s.draft.places.len(), 1, "a first place to fill");
        let html = s.body();
        assert!(html.contains("id=\"w-place-0-comune\" name=\"comune\" disabled"));
        assert!(
            html.contains("id=\"w-pec\""),
            "a company's PEC is a contact"
        );
    }

    #[test]
    fn a_kind_or_an_offer_chosen_rewrites_only_what_follows_its_control() {
        let mut s = state();
        s.step = STEP_WHO;
        s.kind(HostKind::Professionista);
        let body = s.body();
        let identity = format!("<div id=\"w-identity\">{}</div>", s.identity_html());
        assert!(body.contains(&identity) && identity.contains("id=\"w-cf\""));
        assert!(!identity.contains("w-kind-"), "the radios stay");
        s.offer(PathKind::Apprendistato, true);
        s.step = STEP_OFFERS;
        let fields = format!(
            "<div id=\"w-apprendistato-fields\">{}</div>",
            s.offer_html(PathKind::Apprendistato)
        );
        assert!(s.body().contains(&fields) && !fields.contains("w-apprendistato-on"));
        assert!(s.offer_html(PathKind::Pcto).is_empty());
    }

    #[test]
    fn a_province_chosen_asks_for_its_comuni_and_keeps_the_answer_only_if_still_chosen() {
        let mut s = State::new(
            Lang::It,
            vec![RegionRef {
                code: "03".into(),
                name: "Lombardia".into(),
            }],
            vec![ProvinceRef {
                code: "MI".into(),
                name: "Milano".into(),
                region: "03".into(),
            }],
        );
        s.add_place();
        s.province(0, "MI".into());
        assert_eq!(s.places[0].region, "03");
        assert!(s.effects.contains(&Effect::Comuni(0, "MI".into())));
        let milano = ComuneRef {
            code: "015146".into(),
            name: "Milano".into(),
        };
        assert!(!s.comuni(0, "BG", vec![milano.clone()]));
        assert!(s.comuni(0, "MI", vec![milano]));
        s.set_comune(0, "015146".into());
        assert!(s.comune_options(0).contains("value=\"015146\" selected"));
    }
}
