//! The field toolkit of the steps: one field of the draft (label, hint, error, input) bound to
//! the draft by a getter and a setter, compiled once for every field.

use crate::i18n::fill;
use crate::islands::pubblicazione::{described, ErroreCampo, Wizard};
use domain::profile::ProfileDraft;
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
pub fn forget(w: Wizard, prefix: &str) {
    w.errors
        .update(|es| es.retain(|e| !e.id.starts_with(prefix)));
    w.summary
        .update(|es| es.retain(|e| !e.id.starts_with(prefix)));
}
