//! Ponte's Cloudflare Worker. The API's routes come from `domain::api::Op::ALL` (docs/design.md
//! §8), the table the OpenAPI document is written from; the pages' routes are listed below.
//! Each handler parses the request into `domain` types, reads D1 through `db`, and renders JSON
//! or an `app` page. No rule lives here.

mod api;
mod ars;
mod auth;
mod clock;
mod db;
mod desk;
mod dichiarazione;
mod error;
mod family;
mod family_pages;
mod headers;
mod law159;
mod limits;
mod lingue;
mod pages;
mod publish;
mod registry;
mod request_pages;
mod review;
mod school;
mod shortlist;
mod verifier;

use axum::http::{Method, Request};
use axum::response::IntoResponse;
use axum::routing::{get, on, post, MethodFilter, MethodRouter};
use axum::{Extension, Router};
use domain::api::{Method as ApiMethod, Op};
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
    let mut router = Router::new();
    for op in Op::ALL {
        if let Some(handler) = api_handler(op) {
            router = router.route(op.path(), handler);
        }
    }
    router
        .route("/enti/pubblica/anteprima", post(publish::preview))
        .route(
            "/enti/pubblica/dichiarazione/annulla",
            post(dichiarazione::cancel),
        )
        .route(
            "/enti/pubblica/dichiarazione/firma",
            post(dichiarazione::upload),
        )
        .route("/accedi", get(auth::handlers::accedi))
        .route("/accedi/{provider}", get(auth::handlers::login_start))
        .route(
            "/accedi/{provider}/ritorno",
            get(auth::handlers::login_callback),
        )
        .route("/esci", post(auth::handlers::logout))
        .route("/lingua", post(lingue::choose))
        .route("/enti/lista", post(shortlist::choose))
        .route("/enti.csv", get(shortlist::search))
        .route("/scuola/{school_id}/liste", get(shortlist::page))
        .route("/area", get(auth::handlers::area))
        .route("/operatore", get(review::queue))
        .route("/famiglia", get(family_pages::famiglia))
        .route("/famiglia/alunni/{id}", get(family_pages::alunno))
        .route("/famiglia/avvisi", get(family_pages::avvisi))
        .route("/famiglia/senza-rete", get(family_pages::senza_rete))
        .route("/famiglia/avvisi/{id}", get(family_pages::avviso))
        .route(
            "/scuola/{school_id}/avvisi",
            get(family_pages::scuola_avvisi).post(family_pages::scuola_avvisi_check),
        )
        .route(
            "/scuola/{school_id}/avvisi/{notice}",
            get(family_pages::scuola_avviso),
        )
        .route(
            "/scuola/{school_id}/richieste",
            get(request_pages::richieste),
        )
        .route("/scuola/{school_id}/frequenza", get(desk::frequenza))
        .route("/scuola/{school_id}/scrutinio", get(desk::scrutinio))
        .route("/scuola/{school_id}/ars", get(ars::page))
        .route("/scuola/{school_id}/obbligo", get(law159::page))
        .route(
            "/scuola/{school_id}/obbligo/{pupil}",
            get(law159::pupil_page),
        )
        .route(
            "/scuola/{school_id}/obbligo/{pupil}/documento",
            get(law159::document),
        )
        .route(
            "/scuola/{school_id}/richieste/decise",
            get(request_pages::decise),
        )
        .route("/scuola", get(auth::handlers::scuola))
        .route(
            "/scuola/{school_id}/importazioni",
            get(auth::handlers::importazioni),
        )
        .route("/", get(pages::home))
        .route("/enti", get(pages::enti))
        .route("/enti/pubblica", get(pages::pubblica))
        .route("/enti/pubblica/profilo", get(pages::profilo))
        .route("/enti/pubblica/informativa", get(pages::informativa))
        .route("/enti/pubblica/dichiarazione", get(dichiarazione::show))
        .route("/enti/{id}", get(pages::ente))
        .route("/calcolo-assenze", get(pages::calcolo))
        .route("/fonti", get(pages::fonti))
        .route("/privacy", get(pages::privacy))
        .route("/accessibilita", get(pages::accessibilita))
        .route("/traduzioni", get(pages::traduzioni))
        .fallback(pages::not_found)
}

/// The handler of an API operation, on the method `domain::api` gives it; `None` for the
/// OpenAPI document, a static file (`assets/api/v1/openapi.json`, written by the build) that
/// Workers Assets serves before the worker runs. Exhaustive: an operation added to the table
/// does not compile until it has its handler here.
fn api_handler(op: Op) -> Option<MethodRouter> {
    let method = match op.method() {
        ApiMethod::Get => MethodFilter::GET,
        ApiMethod::Post => MethodFilter::POST,
    };
    let handler = match op {
        Op::OpenApi => return None,
        Op::Healthz => on(method, api::healthz),
        Op::AttendanceLimits => on(method, api::attendance_limits),
        Op::HostsSearch => on(method, api::hosts_search),
        Op::HostDetail => on(method, api::host_detail),
        Op::Comuni => on(method, api::comuni),
        Op::Ipa => on(method, publish::ipa),
        Op::Ateco => on(method, publish::ateco),
        Op::Cp2011 => on(method, publish::cp2011),
        Op::DeclarationSubmit => on(method, publish::submit),
        Op::DeclarationStatus => on(method, publish::status),
        Op::DeclarationDocument => on(method, publish::document),
        Op::DeclarationSignature => on(method, publish::signature),
        Op::DeclarationReview => on(method, review::decide),
        Op::Me => on(method, auth::handlers::me),
        Op::ImportsList => on(method, school::imports_list),
        Op::ImportCreate => on(method, school::create_import),
        Op::ImportStatus => on(method, school::import_status),
        Op::ImportPart => on(method, school::import_part),
        Op::ImportCommit => on(method, school::import_commit),
        Op::Pupil => on(method, school::pupil),
        Op::PupilAbsences => on(method, school::pupil_absences),
        Op::PupilAttendance => on(method, family::attendance),
        Op::DerogationRequest => on(method, family::request_deroga),
        Op::Justify => on(method, family::justify),
        Op::JustifyMany => on(method, family::justify_many),
        Op::JustificationDecision => on(method, family::decide_justification),
        Op::DerogationDecision => on(method, family::decide_deroga),
        Op::JustificationUndo => on(method, family::undo_justification),
        Op::DerogationUndo => on(method, family::undo_deroga),
        Op::PendingRequests => on(method, family::pending),
        Op::SchoolDecisions => on(method, family::decisions),
        Op::SchoolAttendance => on(method, desk::attendance),
        Op::SchoolNotices => on(method, family::school_notices),
        Op::NoticePublish => on(method, family::publish),
        Op::MyNotices => on(method, family::my_notices),
        Op::Acknowledge => on(method, family::acknowledge),
        Op::Acknowledgements => on(method, family::acknowledgements),
        Op::NoticeWithdraw => on(method, family::withdraw_notice),
        Op::NoticeReminder => on(method, family::remind_notice),
        Op::Export => on(method, family::export),
        Op::SchoolLaw159 => on(method, law159::list),
        Op::Law159Step => on(method, law159::step),
        Op::SchoolArs => on(method, ars::list),
        Op::ArsSent => on(method, ars::sent),
        Op::Shortlists => on(method, shortlist::list),
        Op::ShortlistAdd => on(method, shortlist::add),
        Op::ShortlistRemove => on(method, shortlist::remove),
    };
    Some(handler.layer(axum::middleware::from_fn(
        move |req: axum::extract::Request, next: axum::middleware::Next| contract(op, req, next),
    )))
}

/// What every operation's table entry promises beyond its handler: a JSON body arrives as
/// `application/json` (or, where the table says so, as a form), else 415 before the handler
/// runs; an answer for a signed-in person is `Cache-Control: private, no-store`.
async fn contract(
    op: Op,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::body::HttpBody;
    use axum::http::{header, HeaderValue};
    use domain::api::{Auth, Body};
    let spec = op.spec();
    let accepted: &[&str] = match spec.request.map(|r| r.body) {
        Some(Body::Json(_)) => &["application/json"],
        Some(Body::JsonOrForm(_)) => &["application/json", "application/x-www-form-urlencoded"],
        _ => &[],
    };
    // An empty body is the handler's to judge (a commit without options, say).
    let empty = req.body().size_hint().exact() == Some(0);
    if !accepted.is_empty() && !empty {
        let given = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase())
            .unwrap_or_default();
        if !accepted.contains(&given.as_str()) {
            return error::ApiError::from(domain::FieldError::unsupported_media_type(
                &accepted.join(" o "),
            ))
            .into_response();
        }
    }
    let mut response = next.run(req).await;
    if spec.auth == Auth::Session {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    response
}

/// Pages of the school's staff and the person's area: never kept by any cache, shared or the
/// browser's. The family's pages stay `private, no-cache` (`family_pages.rs`): the phone's
/// service worker keeps the last copy for offline reading, and would not keep a `no-store` one
/// (docs/pwa.md).
fn personal_page(path: &str) -> bool {
    ["/scuola", "/area"].iter().any(|p| {
        path == *p
            || path
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with('/'))
    })
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

/// The daily purge (cron in wrangler.toml): what is past its retention period is deleted
/// (`domain::retention`, docs/privacy.md). "Now" is the schedule's own time, which is also how
/// the tests move it (`/cdn-cgi/handler/scheduled?time=…` under `wrangler dev`).
#[event(scheduled)]
async fn scheduled(event: worker::ScheduledEvent, env: Env, _ctx: worker::ScheduleContext) {
    let now = (event.schedule() / 1000.0).floor() as i64;
    let Some(today) = domain::clock::rome_time(now).map(|t| t.date()) else {
        worker::console_error!("retention: the scheduled time {now} is out of range");
        return;
    };
    let cutoffs = domain::retention::Cutoffs::at(now);
    match db::retention::purge(&env, &cutoffs, today).await {
        Ok(purged) => worker::console_log!(
            "retention on {today}: {}",
            serde_json::to_string(&purged).unwrap_or_default()
        ),
        Err(e) => worker::console_error!("retention on {today}: {e}"),
    }
}

/// A static file the build wrote (`path` from the site's root), read through the `ASSETS`
/// binding: the asset names, the family's message files.
pub(crate) async fn static_text(env: &Env, path: &str) -> Result<String, String> {
    let assets = env.assets("ASSETS").map_err(|e| e.to_string())?;
    let resp = assets
        .fetch(format!("https://assets.invalid{path}"), None)
        .await
        .map_err(|e| e.to_string())?;
    if !resp.status().is_success() {
        return Err(format!("HTTP status {}", resp.status()));
    }
    let body = axum::body::to_bytes(axum::body::Body::new(resp.into_body()), 4 * 1024 * 1024)
        .await
        .map_err(|e| e.to_string())?;
    String::from_utf8(body.to_vec()).map_err(|e| e.to_string())
}

/// The build's hashed static file names (`app::assets`), read once per instance from the file
/// the build wrote beside them. Without it (a worker served without its static files), the pages
/// link the unhashed paths, and the log says so.
async fn load_asset_names(env: &Env) {
    let names = async {
        let text = static_text(env, app::assets::NAMES_FILE).await?;
        serde_json::from_str::<app::assets::Names>(&text).map_err(|e| e.to_string())
    };
    match names.await {
        Ok(n) => app::assets::set(n),
        Err(e) => worker::console_error!("{}: {e}", app::assets::NAMES_FILE),
    }
}

#[event(fetch)]
async fn fetch(req: HttpRequest, env: Env, _ctx: Context) -> worker::Result<web_sys::Response> {
    let dev = development(&env);
    db::take_round_trips();
    if !app::assets::known() {
        load_asset_names(&env).await;
    }
    let personal = personal_page(req.uri().path());
    let mut response = match read_body(req).await {
        Ok(req) => match limits::gate(&env, req).await {
            Ok(mut req) => {
                req.extensions_mut().insert(Arc::new(env));
                router().call(req).await?
            }
            Err(refused) => refused,
        },
        Err(refused) => refused.into_response(),
    };
    limits::retry_after(&mut response, 60);
    if personal {
        response.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("private, no-store"),
        );
    }
    if dev {
        // For `cargo xtask bench`: the D1 round trips this request made, and the milliseconds
        // spent waiting for them.
        let (trips, waited) = db::take_round_trips();
        let headers = response.headers_mut();
        headers.insert(
            "x-ponte-d1-round-trips",
            axum::http::HeaderValue::from(trips),
        );
        headers.insert(
            "x-ponte-d1-ms",
            axum::http::HeaderValue::from(waited.round() as u64),
        );
    }
    headers::secure(response.headers_mut());
    whole(response).await
}

/// Whether this instance runs with the development setting: read once per instance (its
/// variables do not change while it lives), not on every request.
fn development(env: &Env) -> bool {
    thread_local! {
        static DEV: std::cell::OnceCell<bool> = const { std::cell::OnceCell::new() };
    }
    DEV.with(|d| {
        *d.get_or_init(|| {
            domain::clock::is_development(
                env.var(domain::clock::DEV_SETTING)
                    .ok()
                    .map(|v| v.to_string())
                    .as_deref(),
            )
        })
    })
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
/// and refused. A GET or HEAD is passed on unread unless it declares a body: a client may send
/// one (the contract probe does, to a path that has only POST: its 405 left the body unread, and
/// the probe's next request got the proxy's 503).
async fn read_body(
    req: HttpRequest,
) -> Result<axum::http::Request<axum::body::Body>, error::ApiError> {
    use axum::body::{Body, HttpBody};
    use axum::http::header::{CONTENT_LENGTH, TRANSFER_ENCODING};
    let (parts, body) = req.into_parts();
    let declares_body = parts.headers.contains_key(TRANSFER_ENCODING)
        || parts
            .headers
            .get(CONTENT_LENGTH)
            .is_some_and(|n| n.as_bytes() != b"0");
    if matches!(parts.method, Method::GET | Method::HEAD) && !declares_body {
        return Ok(Request::from_parts(parts, Body::new(body)));
    }
    let mut body = Body::new(body);
    let mut bytes = Vec::new();
    let mut too_large = false;
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(|_| {
            domain::FieldError::invalid_says("body", domain::messages::Msg::BodyIncomplete, &[])
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
