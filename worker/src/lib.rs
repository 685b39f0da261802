//! Ponte's Cloudflare Worker. The route table below is the map of the API (docs/design.md §8) and of
//! the pages; each handler parses the request into `domain` types, reads D1 through `db`, and
//! renders JSON or an `app` page. No rule lives here.

mod api;
mod auth;
mod clock;
mod db;
mod error;
mod family;
mod family_pages;
mod headers;
mod openapi;
mod pages;
mod publish;
mod school;

use axum::http::{Method, Request};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Extension, Router};
use std::pin::Pin;
use std::sync::Arc;
use tower_service::Service;
use worker::{event, Context, Env, HttpRequest};

pub(crate) type SharedEnv = Extension<Arc<Env>>;

/// The route table, built once per worker instance; each request brings its `Env` in its
/// extensions, where the `Extension` extractor finds it.
fn router() -> Router {
    thread_local! {
        static ROUTER: Router = routes();
    }
    ROUTER.with(Router::clone)
}

fn routes() -> Router {
    Router::new()
        .route("/healthz", get(api::healthz))
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/api/v1/attendance/limits", get(api::attendance_limits))
        .route("/api/v1/hosts", get(api::hosts_search))
        .route("/api/v1/hosts/{id}", get(api::host_detail))
        .route("/api/v1/comuni", get(api::comuni))
        .route("/api/v1/ipa/{code}", get(publish::ipa))
        .route("/api/v1/cp2011", get(publish::cp2011))
        .route("/api/v1/declarations", post(publish::submit))
        .route("/api/v1/declarations/{code}", get(publish::status))
        .route(
            "/api/v1/declarations/{code}/document",
            get(publish::document),
        )
        .route(
            "/api/v1/declarations/{code}/signature",
            post(publish::signature),
        )
        .route("/enti/pubblica/anteprima", post(publish::preview))
        .route("/api/v1/me", get(auth::handlers::me))
        .route(
            "/api/v1/schools/{school_id}/imports",
            get(school::imports_list).post(school::create_import),
        )
        .route("/api/v1/imports/{id}", get(school::import_status))
        .route("/api/v1/imports/{id}/parts", post(school::import_part))
        .route("/api/v1/imports/{id}/commit", post(school::import_commit))
        .route("/api/v1/pupils/{id}", get(school::pupil))
        .route("/api/v1/pupils/{id}/absences", get(school::pupil_absences))
        .route("/api/v1/pupils/{id}/attendance", get(family::attendance))
        .route(
            "/api/v1/pupils/{id}/derogations",
            post(family::request_deroga),
        )
        .route("/api/v1/absences/{id}/justification", post(family::justify))
        .route(
            "/api/v1/justifications/{id}/decision",
            post(family::decide_justification),
        )
        .route(
            "/api/v1/derogations/{id}/decision",
            post(family::decide_derogation),
        )
        .route("/api/v1/schools/{school_id}/requests", get(family::pending))
        .route(
            "/api/v1/schools/{school_id}/notices",
            get(family::school_notices).post(family::publish),
        )
        .route("/api/v1/notices", get(family::my_notices))
        .route(
            "/api/v1/notices/{id}/acknowledgement",
            post(family::acknowledge),
        )
        .route(
            "/api/v1/notices/{id}/acknowledgements",
            get(family::acknowledgements),
        )
        .route("/api/v1/me/export", get(family::export))
        .route("/accedi", get(auth::handlers::accedi))
        .route("/accedi/{provider}", get(auth::handlers::login_start))
        .route(
            "/accedi/{provider}/ritorno",
            get(auth::handlers::login_callback),
        )
        .route("/esci", post(auth::handlers::logout))
        .route("/area", get(auth::handlers::area))
        .route("/famiglia", get(family_pages::famiglia))
        .route("/famiglia/alunni/{id}", get(family_pages::alunno))
        .route("/famiglia/avvisi", get(family_pages::avvisi))
        .route("/famiglia/avvisi/{id}", get(family_pages::avviso))
        .route(
            "/scuola/{school_id}/avvisi",
            get(family_pages::scuola_avvisi),
        )
        .route(
            "/scuola/{school_id}/avvisi/{notice}",
            get(family_pages::scuola_avviso),
        )
        .route(
            "/scuola/{school_id}/richieste",
            get(family_pages::richieste),
        )
        .route("/scuola", get(auth::handlers::scuola))
        .route(
            "/scuola/{school_id}/importazioni",
            get(auth::handlers::importazioni),
        )
        .route("/", get(pages::home))
        .route("/enti", get(pages::enti))
        .route("/enti/pubblica", get(pages::pubblica))
        .route("/enti/pubblica/informativa", get(pages::informativa))
        .route("/enti/{id}", get(pages::ente))
        .route("/calcolo-assenze", get(pages::calcolo))
        .route("/fonti", get(pages::fonti))
        .fallback(pages::not_found)
}

/// Once per worker instance: panics are logged (they should never happen on a request path),
/// and Leptos' async rendering runs on the wasm-bindgen executor.
#[event(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| worker::console_error!("panic: {info}")));
    let _ = any_spawner::Executor::init_wasm_bindgen();
}

/// Messages to the PEC verification address (`PEC_VERIFICATION_ADDRESS`): see `publish::receive`.
#[event(email)]
async fn email(
    message: worker::ForwardableEmailMessage,
    env: Env,
    _ctx: Context,
) -> worker::Result<()> {
    publish::receive(message, env).await
}

#[event(fetch)]
async fn fetch(req: HttpRequest, env: Env, _ctx: Context) -> worker::Result<web_sys::Response> {
    let dev = domain::clock::is_development(
        env.var(domain::clock::DEV_SETTING)
            .ok()
            .map(|v| v.to_string())
            .as_deref(),
    );
    db::take_round_trips();
    let mut response = match read_body(req).await {
        Ok(mut req) => {
            req.extensions_mut().insert(Arc::new(env));
            router().call(req).await?
        }
        Err(refused) => refused.into_response(),
    };
    if dev {
        // For `cargo xtask bench`: the D1 round trips this request made.
        response.headers_mut().insert(
            "x-ponte-d1-round-trips",
            axum::http::HeaderValue::from(db::take_round_trips()),
        );
    }
    headers::secure(response.headers_mut());
    whole(response).await
}

/// The response handed to the runtime with its body as one buffer. Every body Ponte makes is
/// complete in memory; `worker`'s own conversion would pipe it through a `ReadableStream` pulled
/// from the wasm, chunk by chunk, which costs every request several crossings of the boundary.
async fn whole(
    response: axum::http::Response<axum::body::Body>,
) -> worker::Result<web_sys::Response> {
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .map_err(|e| worker::Error::RustError(format!("response body: {e}")))?;
    let headers = web_sys::Headers::new()?;
    for (name, value) in &parts.headers {
        // Header values Ponte writes are ASCII; one that is not would be refused by the
        // runtime, so it is left out rather than failing the whole response.
        if let Ok(value) = value.to_str() {
            headers.append(name.as_str(), value)?;
        }
    }
    let init = web_sys::ResponseInit::new();
    init.set_status(parts.status.as_u16());
    init.set_headers(&headers);
    // A null body where there is none: 204 and 304 refuse even an empty one.
    let response = if bytes.is_empty() {
        web_sys::Response::new_with_opt_u8_array_and_init(None, &init)?
    } else {
        let mut body = bytes.to_vec();
        web_sys::Response::new_with_opt_u8_array_and_init(Some(&mut body), &init)?
    };
    Ok(response)
}

/// The request with its body read to the end, before any handler runs. A handler that answers
/// without reading the body (a refused CSRF check, a 401, a 404) would leave it unread, and under
/// `wrangler dev` the local proxy then loses its connection to the worker: the next request
/// fails with a 503 (a POST) or never gets an answer (a GET; cloudflare/workers-sdk#15203).
/// A body larger than any route takes ([`db::school::MAX_PART_BYTES`]) is read to its end too,
/// and refused.
async fn read_body(
    req: HttpRequest,
) -> Result<axum::http::Request<axum::body::Body>, error::ApiError> {
    use axum::body::{Body, HttpBody};
    let (parts, body) = req.into_parts();
    if matches!(parts.method, Method::GET | Method::HEAD) {
        return Ok(Request::from_parts(parts, Body::new(body)));
    }
    let mut body = Body::new(body);
    let mut bytes = Vec::new();
    let mut too_large = false;
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(|_| {
            domain::FieldError::invalid("body", "La richiesta non è arrivata per intero.")
        })?;
        if let Ok(data) = frame.into_data() {
            too_large |= bytes.len() + data.len() > db::school::MAX_PART_BYTES;
            if !too_large {
                bytes.extend_from_slice(&data);
            }
        }
    }
    if too_large {
        return Err(domain::FieldError::payload_too_large(db::school::MAX_PART_BYTES).into());
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}
