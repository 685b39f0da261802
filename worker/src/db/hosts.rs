//! The public host register: search and detail of published profiles.
//!
//! Search is one D1 batch (count + page: one round trip). With text or token filters, the FTS
//! subquery ranks and limits before joining, so only the page's rows are read from `hosts`
//! (TOOLCHAIN.md, "Directory search at 100k hosts").

use super::{database, int, reference, text};
use crate::error::ApiError;
use domain::hosts::{
    HostDetail, HostKind, HostSearch, HostSummary, PathKind, Period, ProfileBody, SearchPage,
};
use domain::FieldError;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::Env;

const COLUMNS: &str = "h.id, h.name, h.kind, h.comune, h.comune_name, h.province, h.region, \
                       h.paths, h.figures, h.ateco, h.max_students, h.periods";

#[derive(Deserialize)]
struct Row {
    id: f64,
    name: String,
    kind: String,
    comune: String,
    comune_name: String,
    province: String,
    region: String,
    paths: String,
    figures: String,
    ateco: Option<String>,
    max_students: f64,
    periods: String,
}

impl Row {
    fn into_summary(self) -> Result<HostSummary, ApiError> {
        let bad = |what: &str, e: &dyn std::fmt::Display| {
            ApiError::internal(&format!("host {} {what}", self.id), e)
        };
        let kind = HostKind::parse(&self.kind).map_err(|e| bad("kind", &e))?;
        let paths: Vec<PathKind> =
            serde_json::from_str(&self.paths).map_err(|e| bad("paths", &e))?;
        let figures: Vec<String> =
            serde_json::from_str(&self.figures).map_err(|e| bad("figures", &e))?;
        let periods: Vec<Period> =
            serde_json::from_str(&self.periods).map_err(|e| bad("periods", &e))?;
        Ok(HostSummary {
            id: self.id as u64,
            name: self.name,
            kind,
            comune: self.comune,
            comune_name: self.comune_name,
            province: self.province,
            region: self.region,
            paths,
            figures,
            ateco: self.ateco,
            max_students: self.max_students as u32,
            periods,
        })
    }
}

/// The search's one row: the total, and the page as a JSON array SQLite built — one value to
/// bring across from JavaScript instead of a dozen fields for each host.
#[derive(Deserialize)]
struct PageRow {
    total: f64,
    items: String,
}

/// A host of the page as JSON, in the shape of [`HostSummary`] (the JSON columns inlined).
const ITEM_JSON: &str = "json_object('id', p.id, 'name', p.name, 'kind', p.kind, \
                         'comune', p.comune, 'comune_name', p.comune_name, \
                         'province', p.province, 'region', p.region, 'paths', json(p.paths), \
                         'figures', json(p.figures), 'ateco', p.ateco, \
                         'max_students', p.max_students, 'periods', json(p.periods))";

/// Relevance is computed for at most this many matches (the first by id); past them, results
/// follow in id order. bm25 costs ~0.7 µs a match, and a very common word matches most of the
/// register — where relevance says little anyway (TOOLCHAIN.md). Every match still appears once.
const RANK_WINDOW: u32 = 2000;

/// The page's ids for a text search, ranked within [`RANK_WINDOW`].
fn ranked_page_sql(offset: u32, per_page: u32) -> String {
    let window = format!(
        "SELECT rid, 0 AS part, r AS o FROM (SELECT rowid AS rid, rank AS r FROM hosts_fts \
         WHERE hosts_fts MATCH ?3 LIMIT {RANK_WINDOW})"
    );
    let beyond = format!(
        "SELECT rowid AS rid, 1 AS part, rowid AS o FROM hosts_fts WHERE hosts_fts MATCH ?3 \
         LIMIT -1 OFFSET {RANK_WINDOW}"
    );
    let ids = if offset + per_page <= RANK_WINDOW {
        window
    } else if offset >= RANK_WINDOW {
        beyond
    } else {
        format!("{window} UNION ALL {beyond}")
    };
    format!(
        "SELECT {COLUMNS}, f.part AS part, f.o AS o FROM (SELECT rid, part, o FROM ({ids}) \
         ORDER BY part, o LIMIT ?1 OFFSET ?2) f JOIN hosts h ON h.id = f.rid"
    )
}

#[derive(Deserialize)]
struct Known {
    comune: f64,
    figure: f64,
    ateco: f64,
}

fn opt_text(v: Option<&str>) -> JsValue {
    v.map(text).unwrap_or(JsValue::NULL)
}

pub async fn search(env: &Env, s: &HostSearch) -> Result<SearchPage, ApiError> {
    // Every code must exist: a well-formed but unknown code is a 400 naming its field, not an
    // empty result. Regions and provinces are in the cached choices; the rest is checked in
    // the same batch as the search.
    let choices = reference::choices(env).await?;
    if let Some(r) = s
        .region
        .as_ref()
        .filter(|r| !choices.has_region(r.as_str()))
    {
        return Err(FieldError::unknown_code("region", r.as_str()).into());
    }
    if let Some(p) = s
        .province
        .as_ref()
        .filter(|p| !choices.has_province(p.as_str()))
    {
        return Err(FieldError::unknown_code("province", p.as_str()).into());
    }
    let db = database(env)?;
    // Count and page in one statement and one row (one round trip, one statement's overhead,
    // one value to convert): the total, and the page as a JSON array (`[]` when empty).
    // Bound: ?1 limit, ?2 offset, ?3 the FTS match or the minimum places, ?4 the minimum.
    let (count_sql, page_sql, params): (String, String, Vec<JsValue>) =
        match (s.fts_match(), s.min_places) {
            (None, None) => (
                "SELECT count(*) AS n FROM hosts".into(),
                format!(
                    "SELECT {COLUMNS}, 0 AS part, h.id AS o FROM hosts h \
                     ORDER BY h.id LIMIT ?1 OFFSET ?2"
                ),
                vec![],
            ),
            (None, Some(min)) => (
                "SELECT count(*) AS n FROM hosts WHERE max_students >= ?3".into(),
                format!(
                    "SELECT {COLUMNS}, 0 AS part, h.id AS o FROM hosts h \
                     WHERE h.max_students >= ?3 ORDER BY h.id LIMIT ?1 OFFSET ?2"
                ),
                vec![int(min)],
            ),
            (Some(m), None) => {
                let page_sql = if s.q.is_some() {
                    ranked_page_sql(s.offset(), s.per_page)
                } else {
                    // Filters only: id order, which FTS5 gives for free.
                    format!(
                        "SELECT {COLUMNS}, 0 AS part, h.id AS o FROM (SELECT rowid AS rid \
                         FROM hosts_fts WHERE hosts_fts MATCH ?3 ORDER BY rowid \
                         LIMIT ?1 OFFSET ?2) f JOIN hosts h ON h.id = f.rid"
                    )
                };
                (
                    "SELECT count(*) AS n FROM hosts_fts WHERE hosts_fts MATCH ?3".into(),
                    page_sql,
                    vec![text(&m)],
                )
            }
            (Some(m), Some(min)) => {
                let order = if s.q.is_some() { "f.rank" } else { "h.id" };
                (
                    "SELECT count(*) AS n FROM hosts_fts f JOIN hosts h ON h.id = f.rowid \
                     WHERE hosts_fts MATCH ?3 AND h.max_students >= ?4"
                        .into(),
                    format!(
                        "SELECT {COLUMNS}, 0 AS part, {order} AS o FROM hosts_fts f \
                         JOIN hosts h ON h.id = f.rowid \
                         WHERE hosts_fts MATCH ?3 AND h.max_students >= ?4 \
                         ORDER BY {order} LIMIT ?1 OFFSET ?2"
                    ),
                    vec![text(&m), int(min)],
                )
            }
        };
    let sql = format!(
        "SELECT t.n AS total, (SELECT json_group_array({ITEM_JSON} ORDER BY p.part, p.o) \
         FROM ({page_sql}) p) AS items FROM ({count_sql}) t"
    );
    let mut bound = vec![int(s.per_page), int(s.offset())];
    bound.extend(params);
    let page = db.prepare(sql).bind(&bound)?;

    let check_codes = s.comune.is_some() || s.figure.is_some() || s.ateco.is_some();
    let results = if check_codes {
        let known = db
            .prepare(
                "SELECT EXISTS(SELECT 1 FROM comuni WHERE code = ?1) AS comune, \
                 EXISTS(SELECT 1 FROM cp2011 WHERE code = ?2) AS figure, \
                 EXISTS(SELECT 1 FROM ateco WHERE code = ?3) AS ateco",
            )
            .bind(&[
                opt_text(s.comune.as_ref().map(|c| c.as_str())),
                opt_text(s.figure.as_ref().map(|f| f.as_str())),
                opt_text(s.ateco.as_ref().map(|a| a.as_str())),
            ])?;
        db.batch(vec![known, page]).await?
    } else {
        vec![page.all().await?]
    };
    let (known, page) = match results.as_slice() {
        [known, page] => (Some(known), page),
        [page] => (None, page),
        _ => {
            return Err(ApiError::internal(
                "search",
                "batch answered the wrong number of results",
            ))
        }
    };
    if let Some(k) = known
        .and_then(|k| k.results::<Known>().ok())
        .and_then(|k| k.into_iter().next())
    {
        if let Some(c) = s.comune.as_ref().filter(|_| k.comune < 1.0) {
            return Err(FieldError::unknown_code("comune", c.as_str()).into());
        }
        if let Some(f) = s.figure.as_ref().filter(|_| k.figure < 1.0) {
            return Err(FieldError::unknown_code("figure", f.as_str()).into());
        }
        if let Some(a) = s.ateco.as_ref().filter(|_| k.ateco < 1.0) {
            return Err(FieldError::unknown_code("ateco", a.as_str()).into());
        }
    }
    let row = page
        .results::<PageRow>()?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::internal("search", "no row"))?;
    let items: Vec<HostSummary> =
        serde_json::from_str(&row.items).map_err(|e| ApiError::internal("search page", e))?;
    let total = row.total as u64;
    Ok(SearchPage {
        total,
        page: s.page,
        per_page: s.per_page,
        items,
    })
}

#[derive(Deserialize)]
struct DetailRow {
    #[serde(flatten)]
    row: Row,
    region_name: String,
    ateco_title: Option<String>,
    body: String,
    published_at: String,
}

/// A published profile, or `not_found`.
pub async fn detail(env: &Env, id: u64) -> Result<HostDetail, ApiError> {
    let db = database(env)?;
    let row: Option<DetailRow> = db
        .prepare(format!(
            "SELECT {COLUMNS}, r.name AS region_name, a.title AS ateco_title, p.body, \
             h.published_at FROM hosts h JOIN host_profiles p ON p.host_id = h.id \
             JOIN regions r ON r.code = h.region LEFT JOIN ateco a ON a.code = h.ateco \
             WHERE h.id = ?1"
        ))
        .bind(&[int(id as f64)])?
        .first(None)
        .await?;
    let Some(d) = row else {
        return Err(FieldError::not_found().into());
    };
    let body: ProfileBody = serde_json::from_str(&d.body)
        .map_err(|e| ApiError::internal(&format!("host {id} body"), e))?;
    Ok(HostDetail {
        summary: d.row.into_summary()?,
        region_name: d.region_name,
        ateco_title: d.ateco_title,
        body,
        published_at: d.published_at,
    })
}
