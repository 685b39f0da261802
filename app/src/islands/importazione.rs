use crate::i18n::Texts;
use crate::islands::{field, pack, read};
use domain::import::ImportKind;
use leptos::prelude::*;

/// The import form of the school office: choose the kind of file and the file; the browser cuts
/// it into parts at record boundaries (`domain::import::split_chunks`, the same function the
/// tests use), sends them one by one showing the progress, then asks to make the import live.
/// The answer is either what changed or every bad row (nothing written).
pub const DATA_ID: &str = "d-importazione";

/// Parts of at most this many bytes (docs/imports.md).
pub const PART_BYTES: usize = 512 * 1024;

/// Labels in the page's language, the school, the session's CSRF token.
pub fn data(t: &Texts, school_id: i64, csrf: &str) -> String {
    let kinds = t.import_kinds.join("\t");
    pack(&[
        t.import_kind,
        t.import_file,
        t.import_submit,
        &kinds,
        &school_id.to_string(),
        csrf,
        t.import_sending,
        t.import_done,
        t.import_rejected,
        t.import_col_line,
        t.import_col_column,
        t.import_col_value,
        t.import_col_reason,
        t.import_failed,
        t.import_pick_file,
        t.digit_group,
        t.import_confirm_lead,
        t.import_confirm,
        t.import_col_surname,
        t.import_col_name,
        t.import_col_class,
    ])
}

/// The API's name of the kind at `i`, in the order of the catalogue's `import_kinds`.
pub fn kind_code(i: usize) -> &'static str {
    ImportKind::ALL.get(i).map_or("", |k| k.as_str())
}

/// What the island shows after sending.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Outcome {
    pub message: String,
    pub ok: bool,
    /// line, column, value, reason.
    pub rows: Vec<[String; 4]>,
    /// A file of pupils that would delete many: the import to commit once confirmed, and who
    /// would go (surname, name, class).
    pub confirm: Option<(String, Vec<[String; 3]>)>,
}

// In the other bundles this is a plain component nobody calls: not exported, so not shipped.
#[cfg_attr(islands_staff, island)]
#[cfg_attr(not(islands_staff), component)]
pub fn Importazione() -> impl IntoView {
    let f = read(DATA_ID);
    let s = |i| field(&f, i);
    let (l_kind, l_file, l_submit) = (s(0), s(1), s(2));
    let kinds: Vec<String> = s(3).split('\t').map(str::to_owned).collect();
    let labels = StoredValue::new(f.clone());
    let busy = RwSignal::new(false);
    let progress = RwSignal::new((0u32, 0u32));
    let outcome = RwSignal::new(None::<Outcome>);
    let kind = RwSignal::new(kind_code(0).to_owned());
    let file_ref = NodeRef::<leptos::html::Input>::new();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        send(
            labels.get_value(),
            kind.get_untracked(),
            file_ref,
            busy,
            progress,
            outcome,
        );
    };
    let options = kinds
        .into_iter()
        .enumerate()
        .map(|(i, label)| view! { <option value=kind_code(i)>{label}</option> })
        .collect_view();
    let col = move |i: usize| labels.with_value(|l| field(l, i));
    view! {
        <form class="import-form" on:submit=on_submit>
            <div class="field">
                <label for="i-kind">{l_kind}</label>
                <select id="i-kind" name="kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    {options}
                </select>
            </div>
            <div class="field">
                <label for="i-file">{l_file}</label>
                <input id="i-file" name="file" type="file" accept=".csv,text/csv" required node_ref=file_ref/>
            </div>
            <button type="submit" class="btn btn-primary" disabled=move || busy.get()>{l_submit}</button>
            <div class="import-progress" hidden=move || !busy.get()>
                <progress
                    max=move || progress.get().1.max(1)
                    value=move || progress.get().0
                    aria-label=move || col(6)
                ></progress>
                <span>{move || format!("{} {}/{}", col(6), progress.get().0, progress.get().1)}</span>
            </div>
        </form>
        <div role="status" aria-live="polite">
            {move || {
                outcome
                    .get()
                    .map(|o| {
                        let class = if o.ok { "notice notice-ok" } else { "notice notice-error" };
                        let table = (!o.rows.is_empty())
                            .then(|| {
                                view! {
                                    <div class="table-wrap" tabindex="0" role="region" aria-label=col(8)>
                                        <table class="errors">
                                            <thead>
                                                <tr>
                                                    <th scope="col">{col(9)}</th>
                                                    <th scope="col">{col(10)}</th>
                                                    <th scope="col">{col(11)}</th>
                                                    <th scope="col">{col(12)}</th>
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {o
                                                    .rows
                                                    .into_iter()
                                                    .map(|[a, b, c, d]| {
                                                        view! {
                                                            <tr>
                                                                <td>{a}</td>
                                                                <td>{b}</td>
                                                                <td>{c}</td>
                                                                <td>{d}</td>
                                                            </tr>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                }
                            });
                        let confirm = o
                            .confirm
                            .map(|(id, pupils)| {
                                let id = StoredValue::new(id);
                                let on_confirm = move |_| {
                                    if !busy.get_untracked() {
                                        confirm(labels.get_value(), id.get_value(), busy, outcome);
                                    }
                                };
                                view! {
                                    <p>{col(16)}</p>
                                    <div class="table-wrap" tabindex="0" role="region" aria-label=col(16)>
                                        <table class="errors">
                                            <thead>
                                                <tr>
                                                    <th scope="col">{col(18)}</th>
                                                    <th scope="col">{col(19)}</th>
                                                    <th scope="col">{col(20)}</th>
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {pupils
                                                    .into_iter()
                                                    .map(|[a, b, c]| {
                                                        view! {
                                                            <tr>
                                                                <td>{a}</td>
                                                                <td>{b}</td>
                                                                <td>{c}</td>
                                                            </tr>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                    <button
                                        type="button"
                                        class="btn btn-primary"
                                        disabled=move || busy.get()
                                        on:click=on_confirm
                                    >
                                        {col(17)}
                                    </button>
                                }
                            });
                        view! {
                            <p class=class>{o.message}</p>
                            {table}
                            {confirm}
                        }
                    })
            }}
        </div>
    }
}

#[cfg(not(feature = "hydrate"))]
fn confirm(
    _labels: Vec<String>,
    _id: String,
    _busy: RwSignal<bool>,
    _outcome: RwSignal<Option<Outcome>>,
) {
}

#[cfg(not(feature = "hydrate"))]
fn send(
    _labels: Vec<String>,
    _kind: String,
    _file: NodeRef<leptos::html::Input>,
    _busy: RwSignal<bool>,
    _progress: RwSignal<(u32, u32)>,
    _outcome: RwSignal<Option<Outcome>>,
) {
}

#[cfg(feature = "hydrate")]
fn send(
    labels: Vec<String>,
    kind: String,
    file: NodeRef<leptos::html::Input>,
    busy: RwSignal<bool>,
    progress: RwSignal<(u32, u32)>,
    outcome: RwSignal<Option<Outcome>>,
) {
    let l = |i| field(&labels, i);
    let Some(file) = file
        .get_untracked()
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
    else {
        outcome.set(Some(Outcome {
            message: l(14),
            ..Outcome::default()
        }));
        return;
    };
    let (school, csrf) = (l(4), l(5));
    busy.set(true);
    outcome.set(None);
    leptos::task::spawn_local(async move {
        let result = browser::upload(&school, &csrf, &kind, &file, progress).await;
        outcome.set(Some(shown(&labels, result)));
        busy.set(false);
    });
}

/// The answer of a commit, as the island shows it.
#[cfg(feature = "hydrate")]
fn shown(labels: &[String], result: Result<browser::Answer, String>) -> Outcome {
    let l = |i| field(labels, i);
    match result {
        Ok(browser::Answer::Live {
            rows,
            written,
            removed,
        }) => Outcome {
            message: crate::i18n::fill(
                &l(7),
                &[
                    ("rows", &crate::i18n::group_digits(rows, &l(15))),
                    ("written", &crate::i18n::group_digits(written, &l(15))),
                    ("removed", &crate::i18n::group_digits(removed, &l(15))),
                ],
            ),
            ok: true,
            ..Outcome::default()
        },
        Ok(browser::Answer::Rejected { message, rows }) => Outcome {
            message: format!("{} {message}", l(8)),
            rows,
            ..Outcome::default()
        },
        Ok(browser::Answer::Confirm {
            id,
            message,
            pupils,
        }) => Outcome {
            message,
            confirm: Some((id, pupils)),
            ..Outcome::default()
        },
        Err(message) => Outcome {
            message: format!("{} {message}", l(13)),
            ..Outcome::default()
        },
    }
}

/// The secretary confirmed the deletions: commit again, saying so.
#[cfg(feature = "hydrate")]
fn confirm(
    labels: Vec<String>,
    id: String,
    busy: RwSignal<bool>,
    outcome: RwSignal<Option<Outcome>>,
) {
    busy.set(true);
    leptos::task::spawn_local(async move {
        let result = browser::commit(&field(&labels, 5), &id, true).await;
        outcome.set(Some(shown(&labels, result)));
        busy.set(false);
    });
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::PART_BYTES;
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    pub enum Answer {
        Live {
            rows: u64,
            written: u64,
            removed: u64,
        },
        Rejected {
            message: String,
            rows: Vec<[String; 4]>,
        },
        /// Many pupils would go: import `id` waits for a confirmation.
        Confirm {
            id: String,
            message: String,
            pupils: Vec<[String; 3]>,
        },
    }

    fn get(v: &JsValue, key: &str) -> JsValue {
        js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// A string, or a whole number as text (no float formatting in the bundle).
    fn text(v: &JsValue) -> String {
        v.as_string()
            .or_else(|| v.as_f64().map(|n| (n as i64).to_string()))
            .unwrap_or_default()
    }

    /// One POST with the session's CSRF token; the JSON answer and its status.
    async fn post(
        url: &str,
        csrf: &str,
        ct: &str,
        body: &JsValue,
    ) -> Result<(u16, JsValue), String> {
        let window = web_sys::window().ok_or("window")?;
        let headers = web_sys::Headers::new().map_err(|_| "headers")?;
        let _ = headers.set("x-csrf-token", csrf);
        let _ = headers.set("content-type", ct);
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(body);
        let resp: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
            .await
            .map_err(|_| "rete non raggiungibile".to_owned())?
            .dyn_into()
            .map_err(|_| "risposta")?;
        let status = resp.status();
        let json = match resp.json() {
            Ok(p) => JsFuture::from(p).await.unwrap_or(JsValue::NULL),
            Err(_) => JsValue::NULL,
        };
        Ok((status, json))
    }

    fn error_message(v: &JsValue) -> String {
        text(&get(&get(v, "error"), "message"))
    }

    fn quote(s: &str) -> String {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if (c as u32) < 0x20 => {}
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    pub async fn upload(
        school: &str,
        csrf: &str,
        kind: &str,
        file: &web_sys::File,
        progress: RwSignal<(u32, u32)>,
    ) -> Result<Answer, String> {
        let buffer = JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| "lettura del file non riuscita".to_owned())?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        let chunks = domain::import::split_chunks(&bytes, PART_BYTES);
        progress.set((0, chunks.len() as u32));
        let create = format!(
            "{{\"kind\":{},\"file_name\":{},\"file_bytes\":{}}}",
            quote(kind),
            quote(&file.name()),
            bytes.len()
        );
        let (status, created) = post(
            &format!("/api/v1/schools/{school}/imports"),
            csrf,
            "application/json",
            &JsValue::from_str(&create),
        )
        .await?;
        if status != 201 {
            return Err(error_message(&created));
        }
        let id = text(&get(&created, "id"));
        for (i, c) in chunks.iter().enumerate() {
            let body = js_sys::Uint8Array::from(c.bytes.as_slice());
            let (status, answer) = post(
                &format!("/api/v1/imports/{id}/parts?first_line={}", c.first_line),
                csrf,
                "text/csv; charset=utf-8",
                &body.into(),
            )
            .await?;
            if status != 200 {
                return Err(error_message(&answer));
            }
            progress.set((i as u32 + 1, chunks.len() as u32));
        }
        commit(csrf, &id, false).await
    }

    /// Make import `id` live (`confirm`: the deletions of many pupils are confirmed).
    pub async fn commit(csrf: &str, id: &str, confirm: bool) -> Result<Answer, String> {
        let body = if confirm {
            "{\"confirm_deletions\":true}"
        } else {
            "{}"
        };
        let (status, done) = post(
            &format!("/api/v1/imports/{id}/commit"),
            csrf,
            "application/json",
            &JsValue::from_str(body),
        )
        .await?;
        let num = |v: JsValue| v.as_f64().unwrap_or(0.0) as u64;
        let list = |v: JsValue| -> js_sys::Array { v.dyn_into().unwrap_or_default() };
        match status {
            200 => {
                let summary = get(&done, "summary");
                Ok(Answer::Live {
                    rows: num(get(&done, "rows")),
                    written: num(get(&summary, "written")),
                    removed: num(get(&summary, "removed")),
                })
            }
            409 if get(&done, "deletions").is_object() => {
                let pupils = list(get(&get(&done, "deletions"), "pupils"))
                    .iter()
                    .map(|p| {
                        [
                            text(&get(&p, "surname")),
                            text(&get(&p, "name")),
                            text(&get(&p, "class_code")),
                        ]
                    })
                    .collect();
                Ok(Answer::Confirm {
                    id: id.to_owned(),
                    message: error_message(&done),
                    pupils,
                })
            }
            422 => {
                let rows = list(get(&get(&done, "import"), "errors"))
                    .iter()
                    .map(|e| {
                        [
                            text(&get(&e, "line")),
                            text(&get(&e, "column")),
                            text(&get(&e, "value")),
                            text(&get(&e, "reason")),
                        ]
                    })
                    .collect();
                Ok(Answer::Rejected {
                    message: error_message(&done),
                    rows,
                })
            }
            _ => Err(error_message(&done)),
        }
    }
}
