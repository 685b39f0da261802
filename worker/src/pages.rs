//! HTML pages: the worker gathers the data, `app` renders it (Leptos SSR, islands mode).

use crate::db::{self, hosts, reference};
use crate::error::{query_pairs, ApiError};
use crate::SharedEnv;
use app::erased::{Erased, IntoErased};
use app::i18n::Lang;
use app::layout::SignedIn;
use app::pages::calcolo::CalcoloPage;
use app::pages::ente::EntePage;
use app::pages::enti::{EntiData, EntiPage};
use app::pages::fonti::FontiPage;
use app::pages::home::HomePage;
use app::pages::info::{AccessibilitaPage, ControllerSetting, PrivacyPage, TraduzioniPage};
use app::pages::not_found::NotFoundPage;
use app::pages::pubblica::{InformativaPage, ProfiloPage, PubblicaData, PubblicaPage};
use axum::extract::{Path, RawQuery, Request};
use axum::http::HeaderMap;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::controller::Controller;
use domain::hosts::HostSearch;
use domain::place::ComuneInput;
use domain::query::QueryParams;
use leptos::prelude::*;
use std::sync::Arc;
use worker::send::SendFuture;
use worker::Env;

pub(crate) fn lang_of(req: &Request) -> Lang {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

/// Render a page with Leptos, with `status` and a short private cache for HTML.
pub(crate) async fn render<F, V>(req: Request, status: StatusCode, view_fn: F) -> Response
where
    F: Fn() -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // One copy of Leptos' response machinery for every page, not one per page's view type
    // (docs/toolchain.md §10): the page is erased here, and rendered by `render_erased`.
    render_erased(req, status, Arc::new(move || view_fn().erased())).await
}

type PageFn = Arc<dyn Fn() -> Erased + Send + Sync>;

async fn render_erased(req: Request, status: StatusCode, view_fn: PageFn) -> Response {
    // Leptos adds a few inline scripts of its own, each with this response's nonce: the page's
    // Content-Security-Policy allows exactly that nonce (and still no `unsafe-inline`).
    let with_csp = move || {
        if let (Some(nonce), Some(options)) = (
            leptos::nonce::use_nonce(),
            use_context::<leptos_axum::ResponseOptions>(),
        ) {
            if let Ok(value) = HeaderValue::from_str(&domain::security::csp_with_nonce(&nonce)) {
                options.insert_header(header::CONTENT_SECURITY_POLICY, value);
            }
        }
        view_fn()
    };
    let handler = leptos_axum::render_app_async_with_context(|| {}, with_csp);
    let mut response = handler(req).await;
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The signed-in person for a public page's header: none without a session cookie (an
/// anonymous visit reads no session), and none when the session cannot be read (the page is
/// public: it shows as to anyone, and the failure is logged).
pub(crate) async fn visitor(env: &Env, headers: &HeaderMap) -> Option<SignedIn> {
    crate::auth::cookie(headers, domain::session::SESSION_COOKIE)?;
    match SendFuture::new(crate::auth::current(env, headers)).await {
        Ok(found) => found.map(|(s, _)| crate::auth::handlers::signed_in(&s)),
        Err(e) => {
            worker::console_error!("public page: the session could not be read: {e:?}");
            None
        }
    }
}

/// A page that names the signed-in person is theirs: no shared cache may keep it.
pub(crate) fn private_if(signed_in: bool, mut r: Response) -> Response {
    if signed_in {
        r.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        );
    }
    r
}

/// A public page (200) in the request's language, naming the signed-in person if any
/// ([`visitor`], then [`private_if`]).
async fn public_page<F, V>(env: &Env, req: Request, page: F) -> Response
where
    F: Fn(Lang, Option<SignedIn>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = lang_of(&req);
    let user = visitor(env, req.headers()).await;
    let mine = user.is_some();
    let r = render(req, StatusCode::OK, move || page(lang, user.clone())).await;
    private_if(mine, r)
}

pub async fn home(env: SharedEnv, req: Request) -> Response {
    public_page(
        &env,
        req,
        |lang, user| view! { <HomePage lang=lang user=user/> },
    )
    .await
}

/// `/privacy`: the data controller (the deployment's settings) and the person's rights.
pub async fn privacy(env: SharedEnv, req: Request) -> Response {
    let controller = controller(&env);
    public_page(&env, req, move |lang, user| {
        view! { <PrivacyPage lang=lang user=user controller=controller.clone()/> }
    })
    .await
}

/// `/accessibilita`: the accessibility statement.
pub async fn accessibilita(env: SharedEnv, req: Request) -> Response {
    let controller = controller(&env);
    public_page(&env, req, move |lang, user| {
        view! { <AccessibilitaPage lang=lang user=user controller=controller.clone()/> }
    })
    .await
}

/// `/traduzioni`: the family's translations and how to report an error, in the family's
/// language.
pub async fn traduzioni(env: SharedEnv, req: Request) -> Response {
    let controller = controller(&env);
    let user = visitor(&env, req.headers()).await;
    let lang = crate::lingue::family_lang(&env, req.headers(), None).await;
    let mine = user.is_some();
    let r = render(req, StatusCode::OK, move || {
        view! { <TraduzioniPage lang=lang user=user.clone() controller=controller.clone()/> }
    })
    .await;
    private_if(mine, r)
}

/// The operator of this installation, from the deployment's settings (`domain::controller`).
fn controller(env: &Env) -> ControllerSetting {
    Controller::from_settings(|k| env.var(k).ok().map(|v| v.to_string()))
}

pub async fn fonti(env: SharedEnv, req: Request) -> Response {
    public_page(
        &env,
        req,
        |lang, user| view! { <FontiPage lang=lang user=user/> },
    )
    .await
}

pub async fn not_found(req: Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        return ApiError::from(domain::FieldError::not_found()).into_response();
    }
    let lang = lang_of(&req);
    not_found_page(req, lang).await
}

/// `/enti`: the search page. A bad filter still renders the page, with the error and a 400.
/// A search that finds nothing but has a spelling suggestion shows the suggestion's results,
/// saying so; school staff who open the page without choosing a place get their school's
/// comune as the place (an empty `near` in the form means anywhere).
pub async fn enti(env: SharedEnv, RawQuery(q): RawQuery, req: Request) -> Response {
    let lang = lang_of(&req);
    // For school staff, their class lists (issue 21): `shortlist::for_enti`.
    let (headers, back) = (req.headers().clone(), crate::shortlist::back_of(&req));
    let gathered = SendFuture::new(async move {
        let choices = reference::choices(&env).await?;
        let pairs = query_pairs(q.as_deref());
        let chose_place = HostSearch::names_a_place(&pairs);
        // The person, read once for the default place and the class lists (none without a
        // session cookie: an anonymous search reads no session).
        let signed_in = match crate::auth::cookie(&headers, domain::session::SESSION_COOKIE) {
            Some(_) => crate::auth::current(&env, &headers).await?,
            None => None,
        };
        let parsed = match HostSearch::from_pairs(pairs) {
            Ok(mut search) if !chose_place => {
                if let Some(comune) = staff_comune(&env, signed_in.as_ref()).await? {
                    search.near = Some(ComuneInput::Code(comune));
                }
                Ok(search)
            }
            other => other,
        };
        let (mut search, mut result) = match parsed {
            Ok(search) => {
                let result = searched(&env, &search).await?;
                (search, result)
            }
            Err(e) => (HostSearch::default_page(), Err(e)),
        };
        // Nothing found, and a word is close to one of the directory: show what the person
        // probably meant, and say so.
        let mut corrected_from = None;
        let again = match (&result, &search.q) {
            (Ok(page), Some(_)) if page.total == 0 => search.with_suggestion(page),
            _ => None,
        };
        if let Some(again) = again {
            if let Ok(page) = searched(&env, &again).await? {
                corrected_from = search.q.as_ref().map(|q| q.as_str().to_owned());
                search = again;
                result = Ok(page);
            }
        }
        let search = if result.is_ok() {
            search
        } else {
            HostSearch::default_page()
        };
        let comuni = match &search.province {
            Some(p) => reference::comuni_of(&env, p).await?,
            None => Vec::new(),
        };
        let figure_titles = match &result {
            Ok(page) => {
                let codes: Vec<String> = page
                    .items
                    .iter()
                    .flat_map(|h| h.figures.iter().cloned())
                    .collect();
                reference::figure_titles(&env, &codes).await?
            }
            Err(_) => Vec::new(),
        };
        Ok::<_, ApiError>(EntiData {
            search,
            result,
            regions: choices.regions.clone(),
            provinces: choices.provinces.clone(),
            comuni,
            figures: choices.cp2011.clone(),
            ateco: choices.ateco_divisions.clone(),
            figure_titles,
            corrected_from,
            lista: app::pages::enti_lista::ListaDati {
                lang,
                staff: crate::shortlist::for_enti(&env, &headers, signed_in.as_ref(), back).await?,
            },
            user: signed_in
                .as_ref()
                .map(|(s, _)| crate::auth::handlers::signed_in(s)),
        })
    })
    .await;
    let data = match gathered {
        Ok(d) => Arc::new(d),
        Err(e) => return e.into_response(),
    };
    let status = if data.result.is_ok() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    // A staff page holds the person's CSRF token and their school's lists; any signed-in
    // page names the person.
    let personal = data.lista.staff.is_some() || data.user.is_some();
    let mut response = render(
        req,
        status,
        move || view! { <EntiPage lang=lang data=data.clone()/> },
    )
    .await;
    if personal {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    response
}

/// A search's page, or the request's mistake (a code or a name the data does not hold); any
/// other failure is the page's.
async fn searched(
    env: &worker::Env,
    search: &HostSearch,
) -> Result<Result<domain::hosts::SearchPage, domain::FieldError>, ApiError> {
    match hosts::search(env, search).await {
        Ok(page) => Ok(Ok(page)),
        Err(e @ (db::Error::UnknownCode { .. } | db::Error::Invalid(_))) => {
            Ok(Err(ApiError::from(e).error))
        }
        Err(e) => Err(e.into()),
    }
}

/// The comune of the school of the signed-in staff member (their first school), if any: the
/// directory's default place for them.
async fn staff_comune(
    env: &worker::Env,
    signed_in: Option<&(crate::auth::Session, domain::session::Access)>,
) -> Result<Option<domain::place::IstatComune>, ApiError> {
    let Some(grant) = signed_in.and_then(|(_, access)| access.staff.first()) else {
        return Ok(None);
    };
    Ok(db::school::comune(env, grant.school_id)
        .await?
        .and_then(|c| domain::place::IstatComune::parse(&c).ok()))
}

/// `/enti/{id}`: a published profile, or the 404 page.
pub async fn ente(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    let lang = lang_of(&req);
    // The printed address is the profile's own, without the search its link carries.
    let url = req.uri().to_string();
    let url = url.split('?').next().unwrap_or_default().to_owned();
    let back = HostSearch::back_href(query_pairs(req.uri().query()));
    let user = visitor(&env, req.headers()).await;
    let mine = user.is_some();
    let found = SendFuture::new(async move {
        let id = domain::hosts::parse_host_id(&id)?;
        Ok::<_, ApiError>(hosts::detail(&env, id).await?)
    })
    .await;
    match found {
        Ok(Some(h)) => {
            let h = Arc::new(h);
            let r = render(req, StatusCode::OK, move || {
                view! {
                    <EntePage lang=lang user=user.clone() host=h.clone() url=url.clone()
                        back=back.clone()/>
                }
            })
            .await;
            private_if(mine, r)
        }
        // No such profile, or an id that cannot be one.
        Ok(None) => not_found_page(req, lang).await,
        Err(e) if e.status == StatusCode::NOT_FOUND => not_found_page(req, lang).await,
        Err(e) => e.into_response(),
    }
}

async fn not_found_page(req: Request, lang: Lang) -> Response {
    render(
        req,
        StatusCode::NOT_FOUND,
        move || view! { <NotFoundPage lang=lang/> },
    )
    .await
}

/// `/enti/pubblica`: the publishing wizard's first step (the privacy notice's consent).
pub async fn pubblica(req: Request) -> Response {
    let lang = lang_of(&req);
    render(
        req,
        StatusCode::OK,
        move || view! { <PubblicaPage lang=lang/> },
    )
    .await
}

/// `/enti/pubblica/profilo`: the publishing wizard, with the place choices of its selects.
pub async fn profilo(env: SharedEnv, req: Request) -> Response {
    let lang = lang_of(&req);
    let gathered = SendFuture::new(async move {
        let choices = reference::choices(&env).await?;
        let prefixes = reference::province_prefixes(&env).await?;
        Ok::<_, ApiError>(PubblicaData {
            regions: choices.regions.clone(),
            provinces: choices.provinces.clone(),
            prefixes: prefixes.as_ref().clone(),
        })
    })
    .await;
    let data = match gathered {
        Ok(d) => Arc::new(d),
        Err(e) => return e.into_response(),
    };
    render(
        req,
        StatusCode::OK,
        move || view! { <ProfiloPage lang=lang data=data.clone()/> },
    )
    .await
}

/// `/enti/pubblica/informativa`: the privacy notice on a page of its own.
pub async fn informativa(req: Request) -> Response {
    let lang = lang_of(&req);
    render(
        req,
        StatusCode::OK,
        move || view! { <InformativaPage lang=lang/> },
    )
    .await
}

/// `/calcolo-assenze?weekly_hours=…`: the form's values come back into the calculator, which
/// shows the result (or what is wrong) also without JavaScript.
pub async fn calcolo(env: SharedEnv, RawQuery(q): RawQuery, req: Request) -> Response {
    let p = QueryParams::parse(
        query_pairs(q.as_deref()),
        &["weekly_hours", "weeks", "daily_hours"],
    )
    .unwrap_or_default();
    let get = |k: &str| p.get(k).unwrap_or("").to_owned();
    let (weekly, weeks, daily) = (get("weekly_hours"), get("weeks"), get("daily_hours"));
    public_page(&env, req, move |lang, user| {
        view! {
            <CalcoloPage
                lang=lang
                user=user
                weekly=weekly.clone()
                weeks=weeks.clone()
                daily=daily.clone()
            />
        }
    })
    .await
}
