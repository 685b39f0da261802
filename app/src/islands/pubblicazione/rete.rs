//! What the wizard asks of the browser: HTTP, files, the clock, focus. JSON answers are read
//! with the browser's own parser (`Response.json()` and `Reflect`), not serde, and the draft is
//! written by `ProfileDraft::to_json`: no `serde_json` in the bundle.
//!
//! Only the browser build has these; on the server the island renders and never calls them.

#[cfg(feature = "hydrate")]
pub use browser::*;

#[cfg(not(feature = "hydrate"))]
pub use server::*;

#[cfg(not(feature = "hydrate"))]
mod server {
    /// The server never runs the wizard's handlers: these keep its build whole.
    pub fn focus(_id: &str) {}
    pub fn open_dialog(_id: &str) {}
    pub fn close_dialog(_id: &str) {}
    pub fn now_utc() -> Option<chrono::NaiveDateTime> {
        None
    }
    pub fn download(_name: &str, _text: &str) -> bool {
        false
    }
    pub fn stash(_key: &str, _value: &str) -> bool {
        false
    }
    pub fn go_to(_url: &str) {}
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    fn document() -> Option<web_sys::Document> {
        web_sys::window().and_then(|w| w.document())
    }

    fn element(id: &str) -> Option<web_sys::HtmlElement> {
        document()?.get_element_by_id(id)?.dyn_into().ok()
    }

    /// Move focus to the element `id` once the page has drawn what the last change showed.
    pub fn focus(id: &str) {
        let id = id.to_owned();
        let Some(w) = web_sys::window() else {
            return;
        };
        let f = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(e) = element(&id) {
                let _ = e.focus();
            }
        });
        let _ = w.request_animation_frame(f.unchecked_ref());
    }

    pub fn open_dialog(id: &str) {
        if let Some(d) = document()
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok())
        {
            let _ = d.show_modal();
        }
    }

    pub fn close_dialog(id: &str) {
        if let Some(d) = document()
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok())
        {
            d.close();
        }
    }

    /// The time now, in UTC, from the browser's clock.
    pub fn now_utc() -> Option<chrono::NaiveDateTime> {
        let d = js_sys::Date::new_0();
        chrono::NaiveDate::from_ymd_opt(
            d.get_utc_full_year() as i32,
            d.get_utc_month() + 1,
            d.get_utc_date(),
        )?
        .and_hms_opt(d.get_utc_hours(), d.get_utc_minutes(), d.get_utc_seconds())
    }

    /// Offer `text` as a file download named `name` (a Blob and an `<a download>`).
    pub fn download(name: &str, text: &str) -> bool {
        let run = || -> Option<()> {
            let parts = js_sys::Array::of1(&JsValue::from_str(text));
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("application/json");
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            let doc = document()?;
            let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
            a.set_href(&url);
            a.set_download(name);
            a.set_hidden(true);
            doc.body()?.append_child(&a).ok()?;
            a.click();
            a.remove();
            // The download has started from the URL: it can go after this turn.
            let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            });
            let _ = web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(
                revoke.unchecked_ref(),
                1000,
            );
            Some(())
        };
        run().is_some()
    }

    fn session() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    /// Keep `value` under `key` for this tab (`sessionStorage`): what the first step hands to
    /// the wizard's page (docs/publishing.md, "The first step").
    pub fn stash(key: &str, value: &str) -> bool {
        session().is_some_and(|s| s.set_item(key, value).is_ok())
    }

    /// The value [`stash`] kept under `key`, removed (read once).
    pub fn take(key: &str) -> Option<String> {
        let s = session()?;
        let v = s.get_item(key).ok()??;
        let _ = s.remove_item(key);
        Some(v)
    }

    /// Open `url` in this tab.
    pub fn go_to(url: &str) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().assign(url);
        }
    }

    /// The name and bytes of the file chosen in the file input `id`.
    pub async fn chosen_file(id: &str) -> Option<(String, Vec<u8>)> {
        let input: web_sys::HtmlInputElement =
            document()?.get_element_by_id(id)?.dyn_into().ok()?;
        let file = input.files()?.get(0)?;
        let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
        // The same file can be chosen again after a change.
        input.set_value("");
        Some((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
    }

    /// Copy `text` to the clipboard.
    pub async fn copy(text: &str) -> bool {
        let Some(w) = web_sys::window() else {
            return false;
        };
        JsFuture::from(w.navigator().clipboard().write_text(text))
            .await
            .is_ok()
    }

    /// Wait `ms` milliseconds.
    /// An HTTP answer: its status and its body.
    #[derive(Debug, Clone)]
    pub struct Answer<B> {
        pub status: u16,
        pub body: B,
    }

    pub async fn sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
            }
        });
        let _ = JsFuture::from(promise).await;
    }

    pub fn encode(s: &str) -> String {
        String::from(js_sys::encode_uri_component(s))
    }

    /// A request; `Err` when the network failed (nothing came back).
    async fn request(
        method: &str,
        url: &str,
        body: Option<(&str, JsValue)>,
    ) -> Result<web_sys::Response, ()> {
        let window = web_sys::window().ok_or(())?;
        let init = web_sys::RequestInit::new();
        init.set_method(method);
        let headers = web_sys::Headers::new().map_err(|_| ())?;
        let _ = headers.set("accept", "application/json, text/html");
        if let Some((content_type, body)) = body {
            let _ = headers.set("content-type", content_type);
            init.set_body(&body);
        }
        init.set_headers(&headers);
        JsFuture::from(window.fetch_with_str_and_init(url, &init))
            .await
            .map_err(|_| ())?
            .dyn_into()
            .map_err(|_| ())
    }

    async fn json_of(resp: web_sys::Response) -> Answer<JsValue> {
        let status = resp.status();
        let body = match resp.json() {
            Ok(p) => JsFuture::from(p).await.unwrap_or(JsValue::NULL),
            Err(_) => JsValue::NULL,
        };
        Answer { status, body }
    }

    pub async fn get_json(url: &str) -> Result<Answer<JsValue>, ()> {
        Ok(json_of(request("GET", url, None).await?).await)
    }

    pub async fn post_json(url: &str, json: &str) -> Result<Answer<JsValue>, ()> {
        let body = Some(("application/json", JsValue::from_str(json)));
        Ok(json_of(request("POST", url, body).await?).await)
    }

    pub async fn post_bytes(
        url: &str,
        content_type: &str,
        bytes: &[u8],
    ) -> Result<Answer<JsValue>, ()> {
        let body = Some((content_type, js_sys::Uint8Array::from(bytes).into()));
        Ok(json_of(request("POST", url, body).await?).await)
    }

    /// A POST whose success is text (the preview's HTML) and whose failure is JSON.
    pub async fn post_for_text(
        url: &str,
        json: &str,
    ) -> Result<Answer<Result<String, JsValue>>, ()> {
        let body = Some(("application/json", JsValue::from_str(json)));
        let resp = request("POST", url, body).await?;
        let status = resp.status();
        if resp.ok() {
            let text = match resp.text() {
                Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_string()),
                Err(_) => None,
            };
            Ok(Answer {
                status,
                body: Ok(text.unwrap_or_default()),
            })
        } else {
            Ok(Answer {
                status,
                body: Err(json_of(resp).await.body),
            })
        }
    }

    /// `v[key]`, or `undefined`.
    pub fn get(v: &JsValue, key: &str) -> JsValue {
        js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// A string member; `None` when absent, `null` or not a string.
    pub fn text(v: &JsValue, key: &str) -> Option<String> {
        get(v, key).as_string()
    }

    /// A whole-number member (no float formatting in the bundle).
    pub fn whole(v: &JsValue, key: &str) -> Option<u64> {
        get(v, key)
            .as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 0.0)
            .map(|n| n as u64)
    }

    pub fn items(v: &JsValue, key: &str) -> Vec<JsValue> {
        get(v, key)
            .dyn_into::<js_sys::Array>()
            .map(|a| a.iter().collect())
            .unwrap_or_default()
    }

    /// The API's error: `error.code` and `error.message`.
    pub fn error_of(v: &JsValue) -> (String, Option<String>) {
        let e = get(v, "error");
        (text(&e, "code").unwrap_or_default(), text(&e, "message"))
    }

    /// The list of field errors of a 400 answer (`errors`, or the single `error`), as written
    /// (`FieldError::as_sent`: looking each message up in the catalogue would put every
    /// message of Ponte in the wizard's wasm; the answers the wizard can get after its own
    /// checks are the reference checks, whose messages carry values and were never found).
    pub fn field_errors(v: &JsValue) -> Vec<domain::FieldError> {
        let mut list: Vec<domain::FieldError> = items(v, "errors")
            .iter()
            .filter_map(|e| {
                let message = text(e, "message")?;
                let field = text(e, "field").unwrap_or_default();
                Some(domain::FieldError::as_sent(&field, message))
            })
            .collect();
        if list.is_empty() {
            let e = get(v, "error");
            if let Some(message) = text(&e, "message") {
                list.push(domain::FieldError::as_sent(
                    &text(&e, "field").unwrap_or_default(),
                    message,
                ));
            }
        }
        list
    }
}
