//! The host register (seed 002, docs/design.md §4 and §8): who hosts students, what they offer, and
//! the search over published profiles.

use crate::error::FieldError;
use crate::messages::Msg;
use crate::place::{ComuneInput, IstatComune, ProvinceCode, RadiusKm, RegionCode};
use crate::query::QueryParams;
use crate::text::SearchText;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The four kinds of body that may publish a profile (seed 002: "imprese, professionisti, enti
/// pubblici e privati").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub enum HostKind {
    Impresa,
    Professionista,
    EntePubblico,
    EntePrivato,
}

impl HostKind {
    pub const ALL: [HostKind; 4] = [
        HostKind::Impresa,
        HostKind::Professionista,
        HostKind::EntePubblico,
        HostKind::EntePrivato,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HostKind::Impresa => "impresa",
            HostKind::Professionista => "professionista",
            HostKind::EntePubblico => "ente_pubblico",
            HostKind::EntePrivato => "ente_privato",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .ok_or_else(|| FieldError::invalid_says("kind", Msg::HostKindValue, &[]))
    }

    /// Italian label for people.
    pub fn label(self) -> &'static str {
        match self {
            HostKind::Impresa => "Impresa",
            HostKind::Professionista => "Professionista",
            HostKind::EntePubblico => "Ente pubblico",
            HostKind::EntePrivato => "Ente privato",
        }
    }
}

/// The two path kinds of seed 002: *alternanza scuola-lavoro* (now PCTO) and *apprendistato*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub enum PathKind {
    Pcto,
    Apprendistato,
}

impl PathKind {
    pub const ALL: [PathKind; 2] = [PathKind::Pcto, PathKind::Apprendistato];

    pub fn as_str(self) -> &'static str {
        match self {
            PathKind::Pcto => "pcto",
            PathKind::Apprendistato => "apprendistato",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .ok_or_else(|| FieldError::invalid_says("path", Msg::PathKindValue, &[]))
    }

    pub fn label(self) -> &'static str {
        match self {
            PathKind::Pcto => "Alternanza scuola-lavoro (PCTO)",
            PathKind::Apprendistato => "Apprendistato",
        }
    }
}

/// A code of ISTAT's *Classificazione delle professioni* CP 2011 at any of its five levels:
/// `2`, `2.1`, `2.1.1`, `2.1.1.4`, `2.1.1.4.1` — one digit a level.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Cp2011Code(String);

impl Cp2011Code {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let segments: Vec<&str> = raw.split('.').collect();
        let ok = (1..=5).contains(&segments.len())
            && segments
                .iter()
                .all(|s| s.len() == 1 && s.bytes().all(|b| b.is_ascii_digit()));
        if ok {
            Ok(Cp2011Code(raw.to_owned()))
        } else {
            Err(FieldError::invalid_says("figure", Msg::Cp2011CodeForm, &[]))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The digits without dots: every level is one digit, so this is unambiguous.
    pub fn digits(&self) -> String {
        self.0.replace('.', "")
    }

    /// This code and every level above it, most general first (`6`, `6.2`, `6.2.3`).
    pub fn with_ancestors(&self) -> Vec<String> {
        let d = self.digits();
        (1..=d.len()).map(|n| d[..n].to_owned()).collect()
    }
}

impl TryFrom<String> for Cp2011Code {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<Cp2011Code> for String {
    fn from(c: Cp2011Code) -> String {
        c.0
    }
}

impl fmt::Display for Cp2011Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An ATECO 2025 code at division level or below: `62`, `62.1`, `62.10`, `62.10.0`, `62.10.00`.
/// As a filter it is a prefix: `62.1` matches `62.10.00`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AtecoCode(String);

impl AtecoCode {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let parts: Vec<&str> = raw.split('.').collect();
        let digits = |s: &str, lens: &[usize]| {
            lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        let ok = match parts.as_slice() {
            [a] => digits(a, &[2]),
            [a, b] => digits(a, &[2]) && digits(b, &[1, 2]),
            [a, b, c] => digits(a, &[2]) && digits(b, &[2]) && digits(c, &[1, 2]),
            _ => false,
        };
        if ok {
            Ok(AtecoCode(raw.to_owned()))
        } else {
            Err(FieldError::invalid_says("ateco", Msg::AtecoCodeForm, &[]))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn digits(&self) -> String {
        self.0.replace('.', "")
    }

    /// Every prefix of the code's digits from the division down (`62`, `621`, `6210`, …):
    /// the ATECO levels nest as digit prefixes.
    pub fn prefixes(&self) -> Vec<String> {
        let d = self.digits();
        (2..=d.len()).map(|n| d[..n].to_owned()).collect()
    }
}

impl TryFrom<String> for AtecoCode {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<AtecoCode> for String {
    fn from(c: AtecoCode) -> String {
        c.0
    }
}

/// A month, `YYYY-MM`, between 2000 and 2100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: u16,
    pub month: u8,
}

impl YearMonth {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let err = || FieldError::invalid_says("period", Msg::YearMonthForm, &[]);
        let (y, m) = raw.split_once('-').ok_or_else(err)?;
        if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
        {
            return Err(err());
        }
        let year: u16 = y.parse().map_err(|_| err())?;
        let month: u8 = m.parse().map_err(|_| err())?;
        if !(2000..=2100).contains(&year) || !(1..=12).contains(&month) {
            return Err(err());
        }
        Ok(YearMonth { year, month })
    }

    pub fn of(date: NaiveDate) -> Self {
        YearMonth {
            year: date.year().clamp(0, 9999) as u16,
            month: date.month() as u8,
        }
    }

    pub fn next(self) -> Self {
        if self.month == 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A stretch of the year in which a host takes students (seed 002: "periodi dell'anno").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// Longest period accepted: two years, so the months it covers stay few.
    pub const MAX_DAYS: i64 = 731;

    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, FieldError> {
        if to < from {
            return Err(FieldError::invalid_says(
                "periods",
                Msg::PeriodReversed,
                &[],
            ));
        }
        if (to - from).num_days() > Self::MAX_DAYS {
            return Err(FieldError::invalid_says("periods", Msg::PeriodTooLong, &[]));
        }
        Ok(Period { from, to })
    }

    /// Every month the period touches.
    pub fn months(&self) -> Vec<YearMonth> {
        let last = YearMonth::of(self.to);
        let mut m = YearMonth::of(self.from);
        let mut out = vec![m];
        while m < last && out.len() < 30 {
            m = m.next();
            out.push(m);
        }
        out
    }
}

/// The filters of `GET /api/v1/hosts` and of the `/enti` page (docs/design.md §8), parsed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HostSearch {
    pub q: Option<SearchText>,
    pub region: Option<RegionCode>,
    pub province: Option<ProvinceCode>,
    pub comune: Option<IstatComune>,
    pub path: Option<PathKind>,
    pub figure: Option<Cp2011Code>,
    pub ateco: Option<AtecoCode>,
    pub kind: Option<HostKind>,
    pub period: Option<YearMonth>,
    pub min_places: Option<u32>,
    /// Around this comune (`near`), nearest first; the worker turns a typed name into its code.
    pub near: Option<ComuneInput>,
    /// How far around `near` (`radius_km`); [`RadiusKm::DEFAULT`] when not given.
    pub radius: Option<RadiusKm>,
    pub page: u32,
    pub per_page: u32,
}

impl HostSearch {
    pub const PARAMS: [&'static str; 14] = [
        "q",
        "region",
        "province",
        "comune",
        "path",
        "figure",
        "ateco",
        "kind",
        "period",
        "min_places",
        "near",
        "radius_km",
        "page",
        "per_page",
    ];
    pub const DEFAULT_PER_PAGE: u32 = 20;
    pub const MAX_PER_PAGE: u32 = 100;
    /// Deepest page served; past it the list is better narrowed with filters.
    pub const MAX_PAGE: u32 = 500;
    pub const MAX_PLACES: u32 = 10_000;

    pub fn from_pairs(pairs: Vec<(String, String)>) -> Result<Self, FieldError> {
        let p = QueryParams::parse(pairs, &Self::PARAMS)?;
        let near = p.get("near").map(ComuneInput::parse).transpose()?;
        let radius = p
            .int_in("radius_km", RadiusKm::MIN.into(), RadiusKm::MAX.into())?
            .map(|km| {
                u16::try_from(km)
                    .ok()
                    .and_then(RadiusKm::new)
                    .ok_or_else(|| {
                        FieldError::invalid_says(
                            "radius_km",
                            Msg::WholeNumberRange,
                            &[("min", &RadiusKm::MIN), ("max", &RadiusKm::MAX)],
                        )
                    })
            })
            .transpose()?;
        if radius.is_some() && near.is_none() {
            return Err(FieldError::invalid_says(
                "radius_km",
                Msg::RadiusWithoutNear,
                &[],
            ));
        }
        Ok(HostSearch {
            near,
            radius,
            q: p.get("q").map(SearchText::parse).transpose()?,
            region: p.get("region").map(RegionCode::parse).transpose()?,
            province: p.get("province").map(ProvinceCode::parse).transpose()?,
            comune: p.get("comune").map(IstatComune::parse).transpose()?,
            path: p.get("path").map(PathKind::parse).transpose()?,
            figure: p.get("figure").map(Cp2011Code::parse).transpose()?,
            ateco: p.get("ateco").map(AtecoCode::parse).transpose()?,
            kind: p.get("kind").map(HostKind::parse).transpose()?,
            period: p.get("period").map(YearMonth::parse).transpose()?,
            min_places: p.int_in("min_places", 1, Self::MAX_PLACES)?,
            page: p.int_in("page", 1, Self::MAX_PAGE)?.unwrap_or(1),
            per_page: p
                .int_in("per_page", 1, Self::MAX_PER_PAGE)?
                .unwrap_or(Self::DEFAULT_PER_PAGE),
        })
    }

    /// The search with no filter, first page: what `/enti` shows when its request was bad.
    pub fn default_page() -> Self {
        HostSearch {
            page: 1,
            per_page: Self::DEFAULT_PER_PAGE,
            ..Default::default()
        }
    }

    /// The parameters that say where: a request naming any of them (even empty: "anywhere")
    /// chose its place, so school staff's default place (their school's comune) is not applied.
    pub const PLACE_PARAMS: [&'static str; 4] = ["near", "region", "province", "comune"];

    /// Whether a request's query names a place ([`Self::PLACE_PARAMS`]).
    pub fn names_a_place(pairs: &[(String, String)]) -> bool {
        pairs
            .iter()
            .any(|(k, _)| Self::PLACE_PARAMS.contains(&k.as_str()))
    }

    /// How many filters are in use, the words and the radius aside (the radius goes with its
    /// place): what the folded filters' button counts ("Filtri (2)").
    pub fn filters_in_use(&self) -> usize {
        self.filter_pairs()
            .iter()
            .filter(|(k, _)| !matches!(*k, "q" | "radius_km"))
            .count()
    }

    /// This search with the words its page suggests ("Forse cercavi"), first page; `None`
    /// when the page suggests nothing. A page that found nothing is shown as this search
    /// instead, saying so.
    pub fn with_suggestion(&self, page: &SearchPage) -> Option<HostSearch> {
        let q = SearchText::parse(page.suggestion.as_deref()?).ok()?;
        Some(HostSearch {
            q: Some(q),
            page: 1,
            ..self.clone()
        })
    }

    /// The radius of a search near a place.
    pub fn radius_or_default(&self) -> RadiusKm {
        self.radius.unwrap_or(RadiusKm::DEFAULT)
    }

    pub fn offset(&self) -> u32 {
        (self.page - 1) * self.per_page
    }

    /// The filters as query pairs, in a fixed order, without paging: what a shared link holds.
    pub fn filter_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(q) = &self.q {
            out.push(("q", q.as_str().to_owned()));
        }
        if let Some(v) = &self.region {
            out.push(("region", v.to_string()));
        }
        if let Some(v) = &self.province {
            out.push(("province", v.to_string()));
        }
        if let Some(v) = &self.comune {
            out.push(("comune", v.to_string()));
        }
        if let Some(v) = self.path {
            out.push(("path", v.as_str().to_owned()));
        }
        if let Some(v) = &self.figure {
            out.push(("figure", v.to_string()));
        }
        if let Some(v) = &self.ateco {
            out.push(("ateco", v.as_str().to_owned()));
        }
        if let Some(v) = self.kind {
            out.push(("kind", v.as_str().to_owned()));
        }
        if let Some(v) = self.period {
            out.push(("period", v.to_string()));
        }
        if let Some(v) = self.min_places {
            out.push(("min_places", v.to_string()));
        }
        if let Some(v) = &self.near {
            out.push(("near", v.to_string()));
        }
        if let Some(v) = self.radius {
            out.push(("radius_km", v.km().to_string()));
        }
        out
    }

    /// The query of a link to this search: the filters, then the page and its length when
    /// they are not the first and the default; `near=` (anywhere) when `anywhere` and no
    /// place is set, so school staff who chose "anywhere" do not get their school's comune
    /// back (see [`Self::names_a_place`]).
    pub fn link_pairs(&self, anywhere: bool) -> Vec<(&'static str, String)> {
        let mut pairs = self.filter_pairs();
        if anywhere
            && self.near.is_none()
            && self.region.is_none()
            && self.province.is_none()
            && self.comune.is_none()
        {
            pairs.push(("near", String::new()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        if self.per_page != Self::DEFAULT_PER_PAGE {
            pairs.push(("per_page", self.per_page.to_string()));
        }
        pairs
    }

    /// The way back from a profile to the search it was found by ("Torna alla ricerca"):
    /// the profile's link carries the search's query ([`host_href`]), which is read as a
    /// search and written again; anything else, a query that is not a search included, goes
    /// back to `/enti`. Always a path under `/enti`, never an address taken from the request.
    pub fn back_href(pairs: Vec<(String, String)>) -> String {
        let anywhere = Self::names_a_place(&pairs);
        match Self::from_pairs(pairs) {
            Ok(search) => search_href(&search.link_pairs(anywhere)),
            Err(_) => search_href(&[]),
        }
    }

    /// True when no filter and no text is set: the whole register, in its default order.
    pub fn is_empty(&self) -> bool {
        self.filter_pairs().is_empty()
    }

    /// Number of pages for `total` results, capped at [`Self::MAX_PAGE`].
    pub fn page_count(&self, total: u64) -> u32 {
        let pages = total.div_ceil(u64::from(self.per_page));
        pages.min(u64::from(Self::MAX_PAGE)) as u32
    }
}

/// `/enti?…` with the pairs percent-encoded ([`crate::query::encode_component`]).
pub fn search_href(pairs: &[(&str, String)]) -> String {
    match query_string(pairs) {
        None => "/enti".to_owned(),
        Some(qs) => format!("/enti?{qs}"),
    }
}

/// A profile's page, `/enti/{id}`, carrying the search it was found by (its
/// [`HostSearch::link_pairs`]), so the profile's "Torna alla ricerca" goes back to it
/// ([`HostSearch::back_href`]).
pub fn host_href(id: u64, pairs: &[(&str, String)]) -> String {
    match query_string(pairs) {
        None => format!("/enti/{id}"),
        Some(qs) => format!("/enti/{id}?{qs}"),
    }
}

fn query_string(pairs: &[(&str, String)]) -> Option<String> {
    (!pairs.is_empty()).then(|| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", crate::query::encode_component(v)))
            .collect::<Vec<_>>()
            .join("&")
    })
}

/// The id in `/hosts/{id}`: a positive integer that JSON numbers carry exactly; anything else
/// names no profile, so it is `not_found` rather than a 400.
pub fn parse_host_id(raw: &str) -> Result<u64, FieldError> {
    raw.parse::<u64>()
        .ok()
        .filter(|n| *n > 0 && *n < (1 << 53))
        .ok_or_else(FieldError::not_found)
}

/// One result of the search: codes, so any value can be fed back as a filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct HostSummary {
    pub id: u64,
    pub name: String,
    pub kind: HostKind,
    pub comune: String,
    pub comune_name: String,
    pub province: String,
    pub region: String,
    pub paths: Vec<PathKind>,
    pub figures: Vec<String>,
    pub ateco: Option<String>,
    pub max_students: u32,
    pub periods: Vec<Period>,
    /// Each offer's path, places and periods, in the profile's order: what the search's
    /// filters of the offer match within ([`HostSearch::offers_match`]); `paths`, `figures`,
    /// `max_students` and `periods` above are the host's over all its offers.
    /// (Not `offers`: a profile's detail also holds its whole offers under that name.)
    #[serde(default)]
    pub path_offers: Vec<OfferSummary>,
    /// Great-circle distance in km from the place searched (`near`), between the comuni's
    /// centroids; only in a search near a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// The distance is approximate: one of the two comuni stands at its province's mean.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub distance_approx: bool,
}

impl HostSummary {
    /// In a search near a place: the distance of this host's comune (to 100 m, as the API
    /// gives it) and whether it is approximate, from the comuni within the radius.
    pub fn measure(&mut self, near: &[crate::place::Near]) {
        if let Some(n) = near.iter().find(|n| n.code == self.comune) {
            self.distance_km = Some((n.km * 10.0).round() / 10.0);
            self.distance_approx = n.approx;
        }
    }
}

/// One offer of a result as the list shows it: the path, its places and its periods
/// ("PCTO: settembre 2027 · Apprendistato: febbraio 2027").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct OfferSummary {
    pub path: PathKind,
    pub max_students: u32,
    pub periods: Vec<Period>,
}

impl From<&Offer> for OfferSummary {
    fn from(o: &Offer) -> Self {
        OfferSummary {
            path: o.path,
            max_students: o.max_students,
            periods: o.periods.clone(),
        }
    }
}

/// A page of results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct SearchPage {
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<HostSummary>,
    /// The search as it was probably meant, when it found few profiles and a word of it is
    /// close to a word of the directory ("Forse cercavi: meccanica").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// The place a search near a comune measures from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub near: Option<NearCentre>,
}

/// The comune a search near a place measures from, as the reference data names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct NearCentre {
    /// ISTAT code.
    pub code: String,
    pub name: String,
    /// Sigla of its province.
    pub province: String,
    pub radius_km: u16,
    /// The comune stands at its province's mean: its distances are approximate.
    pub approx: bool,
}

impl NearCentre {
    /// How the "near" field shows it: `Padova (PD)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.province)
    }
}

/// A professional figure with its CP 2011 title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Figure {
    pub code: String,
    pub title: String,
}

/// What a host offers on one path kind (seed 002: mandatory, qualifying and optional data).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Offer {
    pub path: PathKind,
    pub max_students: u32,
    pub periods: Vec<Period>,
    pub figures: Vec<Figure>,
    pub activity: String,
}

/// A place where students are hosted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Place {
    pub address: String,
    pub cap: Option<String>,
    pub comune: String,
    pub comune_name: String,
    pub province: String,
}

/// Who to contact about placements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Contacts {
    pub person_role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub pec: Option<String>,
    pub website: Option<String>,
}

/// The body of a profile beyond what the search shows: stored as one JSON document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ProfileBody {
    pub description: String,
    pub offers: Vec<Offer>,
    pub places: Vec<Place>,
    pub contacts: Contacts,
    pub supply_chain: Option<String>,
    pub capacities: Option<String>,
}

/// One published profile, as `GET /api/v1/hosts/{id}` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct HostDetail {
    #[serde(flatten)]
    pub summary: HostSummary,
    pub region_name: String,
    pub ateco_title: Option<String>,
    #[serde(flatten)]
    pub body: ProfileBody,
    pub published_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn search(list: &[(&str, &str)]) -> Result<HostSearch, FieldError> {
        HostSearch::from_pairs(
            list.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        )
    }

    #[test]
    fn every_filter_parses_and_round_trips() {
        let pairs = [
            ("q", "meccanica"),
            ("region", "12"),
            ("province", "RM"),
            ("comune", "058091"),
            ("path", "pcto"),
            ("figure", "6.2.3"),
            ("ateco", "25.62"),
            ("kind", "impresa"),
            ("period", "2026-03"),
            ("min_places", "3"),
            ("near", "028060"),
            ("radius_km", "30"),
        ];
        let s = search(&pairs).unwrap();
        let back: Vec<(&str, String)> = s.filter_pairs();
        assert_eq!(back.len(), pairs.len());
        for ((n1, v1), (n2, v2)) in back.iter().zip(pairs.iter()) {
            assert_eq!((n1, v1.as_str()), (n2, *v2));
        }
        assert_eq!((s.page, s.per_page), (1, 20));
    }

    #[test]
    fn bad_values_name_their_field() {
        for (name, value) in [
            ("region", "99"),
            ("province", "R"),
            ("comune", "12"),
            ("path", "stage"),
            ("figure", "6.22"),
            ("ateco", "6"),
            ("kind", "azienda"),
            ("period", "2026-13"),
            ("min_places", "0"),
            ("near", "Padova (P1)"),
            ("radius_km", "0"),
            ("radius_km", "201"),
            ("page", "0"),
            ("per_page", "101"),
        ] {
            let e = search(&[(name, value)]).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidField, "{name}={value}");
            assert_eq!(e.field.as_deref(), Some(name));
        }
        let e = search(&[("foo", "1")]).unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownParameter);
    }

    #[test]
    fn the_way_back_keeps_the_search_and_stays_under_enti() {
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let s = search(&[
            ("q", "meccanico & più"),
            ("path", "pcto"),
            ("period", "2027-02"),
            ("page", "2"),
        ])
        .unwrap();
        let link = host_href(12, &s.link_pairs(false));
        assert_eq!(
            link,
            "/enti/12?q=meccanico+%26+pi%C3%B9&path=pcto&period=2027-02&page=2"
        );
        // What the profile's page reads back from its own query.
        let query = link.split_once('?').unwrap().1;
        let read: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        assert_eq!(
            HostSearch::back_href(read),
            "/enti?q=meccanico+%26+pi%C3%B9&path=pcto&period=2027-02&page=2"
        );
        // "Anywhere" stays anywhere.
        assert_eq!(
            HostSearch::back_href(pairs(&[("near", ""), ("kind", "impresa")])),
            "/enti?kind=impresa&near="
        );
        // Never anything but a search under /enti.
        for bad in [
            &[("back", "https://evil.example/")][..],
            &[("q", "x"), ("next", "//evil.example")],
            &[("period", "2027-13")],
        ] {
            assert_eq!(HostSearch::back_href(pairs(bad)), "/enti", "{bad:?}");
        }
        assert_eq!(HostSearch::back_href(Vec::new()), "/enti");
        assert_eq!(host_href(3, &[]), "/enti/3");
    }

    #[test]
    fn codes_nest() {
        let f = Cp2011Code::parse("6.2.3.1.0").unwrap();
        assert_eq!(f.with_ancestors(), ["6", "62", "623", "6231", "62310"]);
        let a = AtecoCode::parse("62.10.00").unwrap();
        assert_eq!(a.prefixes(), ["62", "621", "6210", "62100", "621000"]);
    }

    #[test]
    fn period_months() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let p = Period::new(d("2026-11-15"), d("2027-02-01")).unwrap();
        let months: Vec<String> = p.months().iter().map(|m| m.to_string()).collect();
        assert_eq!(months, ["2026-11", "2026-12", "2027-01", "2027-02"]);
        assert!(Period::new(d("2026-02-01"), d("2026-01-01")).is_err());
    }
}
