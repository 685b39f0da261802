use crate::assets::Bundle;
use crate::erased::IntoErased;
use crate::i18n::{fill, group_digits, Lang, Texts};
use crate::islands::filtro_luogo::{self, FiltroLuogo};
use crate::islands::{IslandData, IslandDataHolder};
use crate::layout::{Page, SignedIn};
use crate::pages::enti_lista::{EntiCsv, ListaBottone, ListaDati, ListaPannello};
use crate::pages::period_text;
use domain::hosts::{host_href, Figure, HostKind, HostSearch, HostSummary, PathKind, SearchPage};
use domain::place::{distance_words, ComuneRef, Distance, ProvinceRef, RadiusKm, RegionRef};
use domain::FieldError;
use leptos::prelude::*;

/// What the worker gathered for `/enti`: the parsed filters, the page of results (or what was
/// wrong with the request) and the choices of each filter.
pub struct EntiData {
    pub search: HostSearch,
    pub result: Result<SearchPage, FieldError>,
    pub regions: Vec<RegionRef>,
    pub provinces: Vec<ProvinceRef>,
    /// Comuni of the chosen province (empty when none is chosen).
    pub comuni: Vec<ComuneRef>,
    /// CP 2011 codes offered as choices (the upper levels), with titles.
    pub figures: Vec<Figure>,
    /// ATECO divisions offered as choices.
    pub ateco: Vec<Figure>,
    /// Titles of the figures that appear in this page of results.
    pub figure_titles: Vec<Figure>,
    /// What the person typed, when it found nothing and the page shows the results of the
    /// spelling suggestion instead (`search.q` is the suggestion).
    pub corrected_from: Option<String>,
    /// The CSV link, and for school staff their class lists (`enti_lista`).
    pub lista: ListaDati,
    /// The signed-in person, for the header.
    pub user: Option<SignedIn>,
}

/// `/enti`: the host directory search. A plain GET form, so it works without JavaScript and
/// every search is a link; the place selects are an island that narrows them as you choose.
#[component]
pub fn EntiPage(lang: Lang, data: std::sync::Arc<EntiData>) -> impl IntoView {
    let t = lang.texts();
    let s = &data.search;
    let figure_sel = s.figure.as_ref().map(|f| f.to_string()).unwrap_or_default();
    let ateco_sel = s
        .ateco
        .as_ref()
        .map(|a| a.as_str().to_owned())
        .unwrap_or_default();
    let period = s.period.map(|p| p.to_string()).unwrap_or_default();
    let min_places = s.min_places.map(|n| n.to_string()).unwrap_or_default();
    let q =
        s.q.as_ref()
            .map(|q| q.as_str().to_owned())
            .unwrap_or_default();

    let figure_options = data
        .figures
        .iter()
        .map(|f| {
            let depth = f.code.matches('.').count();
            let label = format!("{}{} {}", "\u{a0}\u{a0}".repeat(depth), f.code, f.title);
            let selected = f.code == figure_sel;
            view! { <option value=f.code.clone() selected=selected>{label}</option> }
        })
        .collect_view();
    let ateco_options = data
        .ateco
        .iter()
        .map(|a| {
            let selected = a.code == ateco_sel;
            view! { <option value=a.code.clone() selected=selected>{format!("{} {}", a.code, a.title)}</option> }
        })
        .collect_view();
    // A code deeper than the offered choices (from a shared link) stays selected.
    let extra_figure = (!figure_sel.is_empty()
        && !data.figures.iter().any(|f| f.code == figure_sel))
    .then(
        || view! { <option value=figure_sel.clone() selected=true>{figure_sel.clone()}</option> },
    );
    let extra_ateco = (!ateco_sel.is_empty() && !data.ateco.iter().any(|a| a.code == ateco_sel))
        .then(
            || view! { <option value=ateco_sel.clone() selected=true>{ateco_sel.clone()}</option> },
        );

    let path_options = PathKind::ALL
        .into_iter()
        .map(|p| view! { <option value=p.as_str() selected=s.path == Some(p)>{p.label()}</option> })
        .collect_view();
    let kind_options = HostKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.as_str() selected=s.kind == Some(k)>{k.label()}</option> })
        .collect_view();

    let region = s.region.as_ref().map(|r| r.to_string()).unwrap_or_default();
    let province = s
        .province
        .as_ref()
        .map(|p| p.to_string())
        .unwrap_or_default();
    let comune = s.comune.as_ref().map(|c| c.to_string()).unwrap_or_default();
    let place_data = filtro_luogo::data(
        t,
        &data.regions,
        &data.provinces,
        &data.comuni,
        [&region, &province, &comune],
    );
    provide_context(IslandData::new(vec![(
        filtro_luogo::DATA_ID,
        place_data.clone(),
    )]));

    // The place typed, as the reference data names it once found (`Padova (PD)`).
    let near = match &data.result {
        Ok(page) => page.near.as_ref().map(|n| n.label()),
        Err(_) => None,
    }
    .or_else(|| s.near.as_ref().map(|n| n.to_string()))
    .unwrap_or_default();
    let radius_sel = s.radius.map(|r| r.km()).unwrap_or(RadiusKm::DEFAULT.km());
    let radius_options = RadiusKm::CHOICES
        .into_iter()
        .map(|km| {
            let km_text = km.to_string();
            let (value, label) = if km == RadiusKm::DEFAULT.km() {
                (String::new(), fill(t.radius_default, &[("km", &km_text)]))
            } else {
                (km_text.clone(), fill(t.km, &[("km", &km_text)]))
            };
            view! { <option value=value selected=km == radius_sel>{label}</option> }
        })
        .collect_view();
    // On a phone the filters fold behind one button that counts those in use; a search whose
    // filter was wrong opens them, so the mistake shows.
    let active = s.filters_in_use();
    let summary = if active > 0 {
        format!("{} ({active})", t.filters_button)
    } else {
        t.filters_button.to_owned()
    };
    let open_filters = data.result.is_err();

    let results = match &data.result {
        Ok(page) => view! { <Risultati t=t data=data.clone() page=page.clone()/> }.erased(),
        Err(e) => view! {
            <div class="alert alert-danger" role="alert">
                <h2>{t.error_title}</h2>
                <p>{lang.error(e)}</p>
            </div>
        }
        .erased(),
    };

    view! {
        <Page lang=lang title=t.hosts_title.to_owned() islands=Bundle::Public user=data.user.clone()>
            <h1>{t.hosts_title}</h1>
            <p class="lead">{t.hosts_lead}</p>
            <form class="filters" method="get" action="/enti" role="search">
                <div class="field search-words">
                    <label for="f-q">{t.filter_q}</label>
                    <div class="search-row">
                        <input id="f-q" name="q" type="search" value=q maxlength="200" aria-describedby="f-q-hint"/>
                        <button type="submit" class="btn btn-primary">{t.filter_submit}</button>
                    </div>
                    <p id="f-q-hint" class="hint">{t.filter_q_hint}</p>
                </div>
                <details class="more-filters" open=open_filters>
                    <summary class="btn btn-secondary">{summary}</summary>
                    <fieldset>
                        <legend>{t.filter_legend}</legend>
                        <div class="field field-wide-2">
                            <label for="f-near">{t.filter_near}</label>
                            <input id="f-near" name="near" type="text" value=near maxlength="80"
                                autocomplete="address-level2" aria-describedby="f-near-hint"/>
                            <p id="f-near-hint" class="hint">{t.filter_near_hint}</p>
                        </div>
                        <div class="field">
                            <label for="f-radius">{t.filter_radius}</label>
                            <select id="f-radius" name="radius_km">{radius_options}</select>
                        </div>
                        <IslandDataHolder id=filtro_luogo::DATA_ID data=place_data/>
                        <FiltroLuogo/>
                        <div class="field">
                            <label for="f-path">{t.filter_path}</label>
                            <select id="f-path" name="path">
                                <option value="">{t.filter_any}</option>
                                {path_options}
                            </select>
                        </div>
                        <div class="field">
                            <label for="f-kind">{t.filter_kind}</label>
                            <select id="f-kind" name="kind">
                                <option value="">{t.filter_any}</option>
                                {kind_options}
                            </select>
                        </div>
                        <div class="field field-wide">
                            <label for="f-figure">{t.filter_figure}</label>
                            <select id="f-figure" name="figure">
                                <option value="">{t.filter_any}</option>
                                {extra_figure}
                                {figure_options}
                            </select>
                        </div>
                        <div class="field field-wide">
                            <label for="f-ateco">{t.filter_ateco}</label>
                            <select id="f-ateco" name="ateco">
                                <option value="">{t.filter_any}</option>
                                {extra_ateco}
                                {ateco_options}
                            </select>
                        </div>
                        <div class="field">
                            <label for="f-period">{t.filter_period}</label>
                            <input id="f-period" name="period" type="month" value=period
                                pattern="[0-9]{4}-[0-9]{2}" placeholder="2026-03" aria-describedby="f-period-hint"/>
                            <p id="f-period-hint" class="hint">{t.filter_period_hint}</p>
                        </div>
                        <div class="field">
                            <label for="f-min">{t.filter_min_places}</label>
                            <input id="f-min" name="min_places" type="number" inputmode="numeric" min="1" max="10000" value=min_places/>
                        </div>
                    </fieldset>
                    <div class="actions">
                        <button type="submit" class="btn btn-primary">{t.filter_submit}</button>
                        // An empty place means anywhere: without it, school staff would get their
                        // school's comune back.
                        <a class="btn btn-secondary" href="/enti?near=">{t.filter_reset}</a>
                    </div>
                </details>
            </form>
            <ListaPannello data=data.lista.clone()/>
            {results}
            // After the results: on a phone the search comes first.
            <p class="cta">
                {lang.publish().enti_link}
                " "
                <a href="/enti/pubblica">{lang.publish().enti_link_text}</a>
            </p>
        </Page>
    }
}

#[component]
fn Risultati(t: &'static Texts, data: std::sync::Arc<EntiData>, page: SearchPage) -> impl IntoView {
    let count = match page.total {
        0 => t.results_none.to_owned(),
        1 => t.results_one.to_owned(),
        n => format!("{} {}", group_digits(n, t.digit_group), t.results_many),
    };
    let count = match &page.near {
        Some(n) if page.total > 0 => format!(
            "{count} {}",
            fill(
                t.results_near,
                &[("km", &n.radius_km.to_string()), ("place", &n.label())]
            )
        ),
        _ => count,
    };
    let suggestion = match (&data.corrected_from, &page.suggestion) {
        (Some(typed), _) => {
            let fixed = data
                .search
                .q
                .as_ref()
                .map(|q| q.as_str())
                .unwrap_or_default();
            Some(
                view! {
                    <p class="suggestion">
                        {fill(t.suggestion_applied, &[("typed", typed), ("fixed", fixed)])}
                    </p>
                }
                .erased(),
            )
        }
        (None, Some(fixed)) => data.search.with_suggestion(&page).map(|again| {
            view! {
                <p class="suggestion">
                    {t.suggestion_lead}
                    " "
                    <a href=href_with(&again.filter_pairs())>{fixed.clone()}</a>
                </p>
            }
            .erased()
        }),
        (None, None) => None,
    };
    let items = page
        .items
        .iter()
        .map(|h| view! { <Scheda t=t host=h.clone() data=data.clone()/> })
        .collect_view();
    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title" class="visually-hidden">{t.results_label}</h2>
            {suggestion}
            <p class="results-count" role="status">{count}</p>
            <EntiCsv data=data.lista.clone() search=data.search.clone()/>
            <ol class="cards">{items}</ol>
            <Paginazione t=t search=data.search.clone() total=page.total/>
        </section>
    }
}

/// One result: what matters to choose a placement, with a link to the whole profile.
#[component]
fn Scheda(t: &'static Texts, host: HostSummary, data: std::sync::Arc<EntiData>) -> impl IntoView {
    // Each offer on a line of its own: its path, places and periods (the search's filters of
    // the offer hold within one offer).
    let offers = host
        .path_offers
        .iter()
        .map(|o| {
            let name = PathKind::ALL
                .iter()
                .position(|p| *p == o.path)
                .map(|i| t.offer_path_short[i])
                .unwrap_or_default();
            let places = fill(
                t.offer_places.pick(o.max_students.into()),
                &[("n", &o.max_students.to_string())],
            );
            let periods = o
                .periods
                .iter()
                .map(|p| period_text(t, p))
                .collect::<Vec<_>>()
                .join("; ");
            let words = fill(
                t.offer_places_periods,
                &[("places", &places), ("periods", &periods)],
            );
            view! { <li><strong class="card-offer-path">{name}</strong>": "{words}</li> }
        })
        .collect_view();
    // The profile's link carries the search, for its "Torna alla ricerca".
    let anywhere = data.lista.staff.is_some();
    let href = host_href(host.id, &data.search.link_pairs(anywhere));
    let figures = host
        .figures
        .iter()
        .map(|code| {
            data.figure_titles
                .iter()
                .find(|f| &f.code == code)
                .map(|f| f.title.clone())
                .unwrap_or_else(|| code.clone())
        })
        .collect::<Vec<_>>()
        .join("; ");
    let distance = host.distance_km.map(|km| {
        let words = match distance_words(km) {
            Distance::UnderOne => t.distance_under_one.to_owned(),
            Distance::Km(n) => fill(t.km, &[("km", &n.to_string())]),
        };
        let approx = host
            .distance_approx
            .then(|| format!(" ({})", t.distance_approx));
        view! {
            " · "
            <span class="distance">
                <span class="visually-hidden">{t.distance_label}": "</span>
                {words}
                {approx}
            </span>
        }
    });
    view! {
        <li class="card">
            <h3 class="card-title"><a href=href>{host.name.clone()}</a></h3>
            <p class="card-meta">
                <span class="badge">{host.kind.label()}</span>
                " "
                <span>{format!("{} ({})", host.comune_name, host.province)}</span>
                {distance}
            </p>
            <dl class="card-facts">
                <div><dt>{t.host_offers}</dt><dd><ul class="card-offers">{offers}</ul></dd></div>
                <div><dt>{t.figures_label}</dt><dd>{figures}</dd></div>
            </dl>
            <ListaBottone data=data.lista.clone() host_id=host.id name=host.name.clone()/>
        </li>
    }
}

#[component]
fn Paginazione(t: &'static Texts, search: HostSearch, total: u64) -> impl IntoView {
    let pages = search.page_count(total);
    if pages <= 1 {
        return None;
    }
    let current = search.page.min(pages);
    let link = move |n: u32| {
        let mut pairs = search.filter_pairs();
        if n > 1 {
            pairs.push(("page", n.to_string()));
        }
        if search.per_page != HostSearch::DEFAULT_PER_PAGE {
            pairs.push(("per_page", search.per_page.to_string()));
        }
        href_with(&pairs)
    };
    let prev = (current > 1).then(
        || view! { <a class="page-link" rel="prev" href=link(current - 1)>{t.page_prev}</a> },
    );
    let next = (current < pages).then(
        || view! { <a class="page-link" rel="next" href=link(current + 1)>{t.page_next}</a> },
    );
    Some(view! {
        <nav class="pagination" aria-label=t.pagination_label>
            {prev}
            <span class="page-current" aria-current="page">
                {format!("{} {current} {} {pages}", t.page_word, t.page_of)}
            </span>
            {next}
        </nav>
    })
}

/// `/enti?…` with the pairs percent-encoded.
pub fn href_with(pairs: &[(&str, String)]) -> String {
    domain::hosts::search_href(pairs)
}
