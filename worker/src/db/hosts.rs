//! The public host register: search and detail of published profiles.
//!
//! Search is one D1 batch (count + page: one round trip). With text or token filters, the FTS
//! subquery ranks and limits before joining, so only the page's rows are read from `hosts`
//! (docs/toolchain.md, "Directory search at 100k hosts").

use super::{all, batch, database, first, from_json, int, opt_text, reference, rows, text, Error};
use crate::db::Counted;
use domain::hosts::{
    HostDetail, HostKind, HostSearch, HostSummary, NearCentre, PathKind, Period, ProfileBody,
    SearchPage,
};
use domain::place::{ComuneInput, Near, RadiusKm};
use domain::text::{vocabulary_range, SearchText, VocabularyWord};
use serde::Deserialize;
use worker::{D1Database, Env};

// Statements are whole at compile time: their parts are macros expanding to literals, joined
// with `concat!`, so no statement is assembled from values at run time.

/// The columns of a host's summary.
macro_rules! columns {
    () => {
        "h.id, h.name, h.kind, h.comune, h.comune_name, h.province, h.region, h.paths, \
         h.figures, h.ateco, h.max_students, h.periods"
    };
}

/// A host of the page as JSON, in the shape of [`HostSummary`] (the JSON columns inlined;
/// each offer's path, places and periods from the profile, read for the page's rows only).
macro_rules! item_json {
    () => {
        "json_object('id', p.id, 'name', p.name, 'kind', p.kind, 'comune', p.comune, \
         'comune_name', p.comune_name, 'province', p.province, 'region', p.region, \
         'paths', json(p.paths), 'figures', json(p.figures), 'ateco', p.ateco, \
         'max_students', p.max_students, 'periods', json(p.periods), \
         'path_offers', (SELECT json_group_array(json_object('path', json_extract(o.value, '$.path'), \
         'max_students', json_extract(o.value, '$.max_students'), \
         'periods', json(json_extract(o.value, '$.periods')))) \
         FROM host_profiles hp, json_each(hp.body, '$.offers') o WHERE hp.host_id = p.id))"
    };
}

/// Relevance is computed for at most this many matches (the first by id); past them, results
/// follow in id order. bm25 costs ~0.7 µs a match, and a very common word matches most of the
/// register — where relevance says little anyway (docs/toolchain.md). Every match still
/// appears once.
macro_rules! rank_window {
    () => {
        2000
    };
}
const RANK_WINDOW: u32 = rank_window!();

/// The ids of the ranked window, best first (bound: ?3 the FTS match).
macro_rules! window_ids {
    () => {
        concat!(
            "SELECT rid, 0 AS part, r AS o FROM (SELECT rowid AS rid, rank AS r FROM hosts_fts \
             WHERE hosts_fts MATCH ?3 LIMIT ",
            rank_window!(),
            ")"
        )
    };
}

/// The ids of the matches past the window, in id order.
macro_rules! beyond_ids {
    () => {
        concat!(
            "SELECT rowid AS rid, 1 AS part, rowid AS o FROM hosts_fts WHERE hosts_fts MATCH ?3 \
             LIMIT -1 OFFSET ",
            rank_window!()
        )
    };
}

/// The page of a text search, from the ids given (bound: ?1 limit, ?2 offset).
macro_rules! ranked_page {
    ($($ids:tt)*) => {
        concat!(
            "SELECT ", columns!(), ", f.part AS part, f.o AS o FROM (SELECT rid, part, o FROM (",
            $($ids)*,
            ") ORDER BY part, o LIMIT ?1 OFFSET ?2) f JOIN hosts h ON h.id = f.rid"
        )
    };
}

/// Count and page in one statement and one row (one round trip, one statement's overhead, one
/// value to convert): the total, and the page as a JSON array (`[]` when empty).
macro_rules! search {
    ($count:expr, $($page:tt)*) => {
        concat!(
            "SELECT t.n AS total, (SELECT json_group_array(", item_json!(),
            " ORDER BY p.part, p.o, p.id) FROM (", $($page)*, ") p) AS items FROM (", $count, ") t"
        )
    };
}

// Bound in every search: ?1 limit, ?2 offset; then ?3 the FTS match or the minimum places,
// ?4 the minimum when both are given.

/// No filter: id order.
const SEARCH_ALL: &str = search!(
    "SELECT count(*) AS n FROM hosts",
    concat!(
        "SELECT ",
        columns!(),
        ", 0 AS part, h.id AS o FROM hosts h ORDER BY h.id LIMIT ?1 OFFSET ?2"
    )
);

/// Only a minimum of places.
const SEARCH_MIN: &str = search!(
    "SELECT count(*) AS n FROM hosts WHERE max_students >= ?3",
    concat!(
        "SELECT ",
        columns!(),
        ", 0 AS part, h.id AS o FROM hosts h \
         WHERE h.max_students >= ?3 ORDER BY h.id LIMIT ?1 OFFSET ?2"
    )
);

/// Filters only (no text): id order, which FTS5 gives for free.
const SEARCH_FILTERS: &str = search!(
    "SELECT count(*) AS n FROM hosts_fts WHERE hosts_fts MATCH ?3",
    concat!(
        "SELECT ",
        columns!(),
        ", 0 AS part, h.id AS o FROM (SELECT rowid AS rid \
         FROM hosts_fts WHERE hosts_fts MATCH ?3 ORDER BY rowid LIMIT ?1 OFFSET ?2) f \
         JOIN hosts h ON h.id = f.rid"
    )
);

/// Text, a page inside the ranked window.
const SEARCH_RANKED: &str = search!(
    "SELECT count(*) AS n FROM hosts_fts WHERE hosts_fts MATCH ?3",
    ranked_page!(window_ids!())
);

/// Text, a page past the ranked window.
const SEARCH_BEYOND: &str = search!(
    "SELECT count(*) AS n FROM hosts_fts WHERE hosts_fts MATCH ?3",
    ranked_page!(beyond_ids!())
);

/// Text, a page across the window's end.
const SEARCH_ACROSS: &str = search!(
    "SELECT count(*) AS n FROM hosts_fts WHERE hosts_fts MATCH ?3",
    ranked_page!(window_ids!(), " UNION ALL ", beyond_ids!())
);

/// Filters or text, and a minimum of places, in `order`.
macro_rules! fts_min {
    ($order:literal) => {
        search!(
            "SELECT count(*) AS n FROM hosts_fts f JOIN hosts h ON h.id = f.rowid \
             WHERE hosts_fts MATCH ?3 AND h.max_students >= ?4",
            concat!(
                "SELECT ",
                columns!(),
                ", 0 AS part, ",
                $order,
                " AS o FROM hosts_fts f \
                 JOIN hosts h ON h.id = f.rowid WHERE hosts_fts MATCH ?3 \
                 AND h.max_students >= ?4 ORDER BY ",
                $order,
                " LIMIT ?1 OFFSET ?2"
            )
        )
    };
}

/// Text and a minimum: by relevance.
const SEARCH_TEXT_MIN: &str = fts_min!("f.rank");
/// Filters and a minimum: id order.
const SEARCH_FILTERS_MIN: &str = fts_min!("h.id");

/// Near a place: the hosts of the comuni within the radius, nearest comune first, then by id
/// (bound: ?3 the comuni as a JSON object code → km, ?4 the minimum places, 0 for none; with
/// text or filters ?5 the FTS match). The JSON list drives the join through `hosts_by_comune`
/// (`CROSS JOIN` keeps that order), and the FTS subquery is evaluated once into a list each
/// host is looked up in; the `+` keeps SQLite from probing `hosts_by_comune` once per comune
/// and per match instead (0.25 s for "informatica" within 30 km of Milan at 100k hosts; 1.7 ms
/// this way, 18 ms for a common word within 200 km of Rome).
macro_rules! near {
    ($($also:literal)?) => {
        search!(
            concat!(
                "SELECT count(*) AS n FROM json_each(?3) n CROSS JOIN hosts h \
                 ON h.comune = n.key WHERE h.max_students >= ?4"
                $(, $also)?
            ),
            concat!(
                "SELECT ",
                columns!(),
                ", 0 AS part, n.value AS o FROM json_each(?3) n \
                 CROSS JOIN hosts h ON h.comune = n.key WHERE h.max_students >= ?4"
                $(, $also)?,
                " ORDER BY n.value, h.id LIMIT ?1 OFFSET ?2"
            )
        )
    };
}
const SEARCH_NEAR: &str = near!();
const SEARCH_NEAR_FTS: &str =
    near!(" AND +h.id IN (SELECT rowid FROM hosts_fts WHERE hosts_fts MATCH ?5)");

/// The words of the name and body columns in a range of the vocabulary, with the profiles
/// each is in (bound: ?1 and ?2 the range, `[?1, ?2)`).
const VOCABULARY: &str = "SELECT term, sum(doc) AS docs FROM hosts_vocab \
     WHERE term >= ?1 AND term < ?2 AND col <> 'filters' GROUP BY term";

/// A search with fewer results than this gets a spelling suggestion when one exists.
pub const FEW_RESULTS: u64 = 3;

/// Whether the codes a search names exist (bound: ?1 comune, ?2 figure, ?3 ateco; NULL for
/// none).
const KNOWN_CODES: &str = "SELECT EXISTS(SELECT 1 FROM comuni WHERE code = ?1) AS comune, \
     EXISTS(SELECT 1 FROM cp2011 WHERE code = ?2) AS figure, \
     EXISTS(SELECT 1 FROM ateco WHERE code = ?3) AS ateco";

/// A published profile (bound: ?1 the id).
const DETAIL: &str = concat!(
    "SELECT ",
    columns!(),
    ", r.name AS region_name, a.title AS ateco_title, p.body, \
     h.published_at FROM hosts h JOIN host_profiles p ON p.host_id = h.id \
     JOIN regions r ON r.code = h.region LEFT JOIN ateco a ON a.code = h.ateco WHERE h.id = ?1"
);

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
    fn into_summary(self) -> Result<HostSummary, Error> {
        let what = |field: &str| format!("host {} {field}", self.id);
        let kind = HostKind::parse(&self.kind).map_err(|e| Error::decode(what("kind"), e))?;
        let paths: Vec<PathKind> = from_json(&what("paths"), &self.paths)?;
        let figures: Vec<String> = from_json(&what("figures"), &self.figures)?;
        let periods: Vec<Period> = from_json(&what("periods"), &self.periods)?;
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
            path_offers: Vec::new(),
            distance_km: None,
            distance_approx: false,
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

#[derive(Deserialize)]
struct Known {
    comune: f64,
    figure: f64,
    ateco: f64,
}

/// The search pages this worker instance answered lately, so a search many people make (a
/// province and a path, a common word) is read from D1 once a minute rather than each time:
/// under `wrangler dev` every D1 statement costs the database's single thread about 5 ms,
/// which capped text searches at about 200 a second (docs/toolchain.md, "Search throughput").
/// A publication empties this instance's pages at once; another instance's keep a page at
/// most [`PageCache::TTL_MS`], so a new profile shows in every search within a minute (its
/// own page, `/enti/{id}`, at once). Errors are never kept.
mod page_cache {
    use domain::hosts::SearchPage;
    use std::cell::RefCell;
    use std::collections::VecDeque;

    pub struct PageCache {
        entries: VecDeque<(String, f64, SearchPage)>,
    }

    impl PageCache {
        pub const TTL_MS: f64 = 60_000.0;
        /// A page of at most 100 results is at most about 50 KB: 6 MB at most, of the
        /// instance's 128 MB.
        pub const CAPACITY: usize = 128;
    }

    thread_local! {
        static PAGES: RefCell<PageCache> = const {
            RefCell::new(PageCache { entries: VecDeque::new() })
        };
    }

    pub fn get(key: &str, now: f64) -> Option<SearchPage> {
        PAGES.with(|c| {
            let c = c.borrow();
            c.entries
                .iter()
                .find(|(k, at, _)| k == key && now - at < PageCache::TTL_MS)
                .map(|(_, _, page)| page.clone())
        })
    }

    pub fn put(key: String, now: f64, page: &SearchPage) {
        PAGES.with(|c| {
            let mut c = c.borrow_mut();
            c.entries
                .retain(|(k, at, _)| *k != key && now - at < PageCache::TTL_MS);
            if c.entries.len() >= PageCache::CAPACITY {
                c.entries.pop_front();
            }
            c.entries.push_back((key, now, page.clone()));
        })
    }

    /// A profile was published: every kept page may be missing it.
    pub fn clear() {
        PAGES.with(|c| c.borrow_mut().entries.clear())
    }
}

/// A profile was published or changed: the kept search pages of this instance are dropped.
pub fn published() {
    page_cache::clear();
}

/// A page of the register, from the instance's recent pages when it is there (see
/// [`page_cache`]); otherwise [`search_database`]. The longer pages of an export
/// (`/enti.csv`, past [`HostSearch::MAX_PER_PAGE`]) are never kept.
pub async fn search(env: &Env, s: &HostSearch) -> Result<SearchPage, Error> {
    if s.per_page > HostSearch::MAX_PER_PAGE {
        return search_database(env, s).await;
    }
    let mut pairs = s.filter_pairs();
    pairs.push(("page", s.page.to_string()));
    pairs.push(("per_page", s.per_page.to_string()));
    let key = pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    let now = js_sys::Date::now();
    if let Some(page) = page_cache::get(&key, now) {
        return Ok(page);
    }
    let page = search_database(env, s).await?;
    page_cache::put(key, now, &page);
    Ok(page)
}

/// A page of the register. A code the reference data does not hold is
/// [`Error::UnknownCode`] naming its field (a 400), not an empty result; so is a comune's name
/// in `near` that names none or several ([`Error::Invalid`]).
async fn search_database(env: &Env, s: &HostSearch) -> Result<SearchPage, Error> {
    // Regions and provinces are in the cached choices; the other codes are checked in the
    // same batch as the search.
    let choices = reference::choices(env).await?;
    if let Some(r) = s
        .region
        .as_ref()
        .filter(|r| !choices.has_region(r.as_str()))
    {
        return Err(Error::UnknownCode {
            field: "region",
            code: r.as_str().to_owned(),
        });
    }
    if let Some(p) = s
        .province
        .as_ref()
        .filter(|p| !choices.has_province(p.as_str()))
    {
        return Err(Error::UnknownCode {
            field: "province",
            code: p.as_str().to_owned(),
        });
    }
    let db = database(env)?;
    let near = match &s.near {
        Some(input) => Some(near_comuni(env, input, s.radius_or_default()).await?),
        None => None,
    };
    let mut bound = vec![int(s.per_page), int(s.offset())];
    let sql = match (&near, s.fts_match(), s.sql_min_places()) {
        (Some((_, comuni)), m, min) => {
            bound.push(text(&near_json(comuni)?));
            bound.push(int(min.unwrap_or(0)));
            match m {
                Some(m) => {
                    bound.push(text(&m));
                    SEARCH_NEAR_FTS
                }
                None => SEARCH_NEAR,
            }
        }
        (None, None, None) => SEARCH_ALL,
        (None, None, Some(min)) => {
            bound.push(int(min));
            SEARCH_MIN
        }
        (None, Some(m), None) => {
            bound.push(text(&m));
            let (offset, end) = (s.offset(), s.offset() + s.per_page);
            match s.q {
                None => SEARCH_FILTERS,
                Some(_) if end <= RANK_WINDOW => SEARCH_RANKED,
                Some(_) if offset >= RANK_WINDOW => SEARCH_BEYOND,
                Some(_) => SEARCH_ACROSS,
            }
        }
        (None, Some(m), Some(min)) => {
            bound.push(text(&m));
            bound.push(int(min));
            if s.q.is_some() {
                SEARCH_TEXT_MIN
            } else {
                SEARCH_FILTERS_MIN
            }
        }
    };
    let page = db.prepare(sql).bind(&bound)?;
    let page = if s.comune.is_some() || s.figure.is_some() || s.ateco.is_some() {
        let known = db.prepare(KNOWN_CODES).bind(&[
            opt_text(s.comune.as_ref().map(|c| c.as_str())),
            opt_text(s.figure.as_ref().map(|f| f.as_str())),
            opt_text(s.ateco.as_ref().map(|a| a.as_str())),
        ])?;
        let [known, page] = batch("search", &db, [known, page]).await?;
        let k = rows::<Known>("code check", &known)?
            .into_iter()
            .next()
            .ok_or_else(|| Error::storage("code check", "no row"))?;
        let unknown = [
            ("comune", s.comune.as_ref().map(|c| c.as_str()), k.comune),
            ("figure", s.figure.as_ref().map(|f| f.as_str()), k.figure),
            ("ateco", s.ateco.as_ref().map(|a| a.as_str()), k.ateco),
        ]
        .into_iter()
        .find_map(|(field, code, found)| code.filter(|_| found < 1.0).map(|c| (field, c)));
        if let Some((field, code)) = unknown {
            return Err(Error::UnknownCode {
                field,
                code: code.to_owned(),
            });
        }
        page
    } else {
        page.all()
            .counted()
            .await
            .map_err(|e| Error::storage("search", e))?
    };
    let row = rows::<PageRow>("search page", &page)?
        .into_iter()
        .next()
        .ok_or_else(|| Error::storage("search", "no row"))?;
    let mut items: Vec<HostSummary> = from_json("search page", &row.items)?;
    let total = row.total as u64;
    if let Some((_, comuni)) = &near {
        for item in &mut items {
            item.measure(comuni);
        }
    }
    let suggestion = match &s.q {
        Some(q) if total < FEW_RESULTS => suggestion(&db, q).await?.map(|t| t.as_str().to_owned()),
        _ => None,
    };
    Ok(SearchPage {
        total,
        page: s.page,
        per_page: s.per_page,
        items,
        suggestion,
        near: near.map(|(centre, _)| centre),
    })
}

/// The centre of a search near a place, and the comuni within its radius with their distances
/// (the instance's [`reference::gazetteer`]: no round trip).
async fn near_comuni(
    env: &Env,
    input: &ComuneInput,
    radius: RadiusKm,
) -> Result<(NearCentre, Vec<Near>), Error> {
    let gazetteer = reference::gazetteer(env).await?;
    let centre = gazetteer.resolve(input).map_err(Error::Invalid)?;
    let info = NearCentre {
        code: centre.code.clone(),
        name: centre.name.clone(),
        province: centre.province.clone(),
        radius_km: radius.km(),
        approx: centre.approx,
    };
    Ok((info, gazetteer.around(centre, radius)))
}

/// The comuni of a search near a place as the JSON object its statement reads with
/// `json_each`: code → km.
fn near_json(comuni: &[Near]) -> Result<String, Error> {
    // Inserted one by one: `collect` would compile one more sort (docs/toolchain.md §10).
    let mut map = serde_json::Map::new();
    for n in comuni {
        map.insert(n.code.clone(), serde_json::Value::from(n.km));
    }
    serde_json::to_string(&map).map_err(|e| Error::storage("near list", e))
}

/// The search as it was probably meant, from the vocabulary of the words' first letters (one
/// batch, a range a letter).
async fn suggestion(db: &D1Database, q: &SearchText) -> Result<Option<SearchText>, Error> {
    let mut ranges: Vec<(String, String)> = q
        .index_words()
        .iter()
        .filter_map(|w| vocabulary_range(w))
        .collect();
    domain::sort::sort(&mut ranges);
    ranges.dedup();
    #[derive(Deserialize)]
    struct Term {
        term: String,
        docs: f64,
    }
    let mut vocabulary = Vec::new();
    for (from, to) in ranges {
        let terms: Vec<Term> = all(
            "vocabulary",
            db.prepare(VOCABULARY).bind(&[text(&from), text(&to)])?,
        )
        .await?;
        vocabulary.extend(terms.into_iter().map(|t| VocabularyWord {
            term: t.term,
            docs: t.docs as u64,
        }));
    }
    Ok(q.suggestion(&vocabulary))
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

/// A published profile, if there is one under `id`.
pub async fn detail(env: &Env, id: u64) -> Result<Option<HostDetail>, Error> {
    let row: Option<DetailRow> = first(
        "host",
        database(env)?.prepare(DETAIL).bind(&[int(id as f64)])?,
    )
    .await?;
    let Some(d) = row else {
        return Ok(None);
    };
    let body: ProfileBody = from_json(&format!("host {id} body"), &d.body)?;
    let mut summary = d.row.into_summary()?;
    summary.path_offers = body.offers.iter().map(Into::into).collect();
    Ok(Some(HostDetail {
        summary,
        region_name: d.region_name,
        ateco_title: d.ateco_title,
        body,
        published_at: d.published_at,
    }))
}
