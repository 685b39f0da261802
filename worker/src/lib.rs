//! Ponte's Cloudflare Worker. The route table below is the map of the API (DESIGN.md §8) and of
//! the pages; each handler parses the request into `domain` types, reads D1 through `db`, and
//! renders JSON or an `app` page. No rule lives here.

mod api;
mod auth;
mod db;
mod error;
mod headers;
mod openapi;
mod pages;
mod school;

use axum::routing::{get, post};
use axum::{Extension, Router};
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
        .route("/accedi", get(auth::handlers::accedi))
        .route("/accedi/{provider}", get(auth::handlers::login_start))
        .route(
            "/accedi/{provider}/ritorno",
            get(auth::handlers::login_callback),
        )
        .route("/esci", post(auth::handlers::logout))
        .route("/area", get(auth::handlers::area))
        .route("/famiglia", get(auth::handlers::famiglia))
        .route("/scuola", get(auth::handlers::scuola))
        .route(
            "/scuola/{school_id}/importazioni",
            get(auth::handlers::importazioni),
        )
        .route("/", get(pages::home))
        .route("/enti", get(pages::enti))
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

#[event(fetch)]
async fn fetch(
    req: HttpRequest,
    env: Env,
    _ctx: Context,
) -> worker::Result<axum::http::Response<axum::body::Body>> {
    let mut req = req;
    req.extensions_mut().insert(Arc::new(env));
    let mut response = router().call(req).await?;
    headers::secure(response.headers_mut());
    Ok(response)
}
