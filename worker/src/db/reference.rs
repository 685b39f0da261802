//! Reference data (ISTAT regions, provinces, comuni; CP 2011; ATECO 2025), loaded into D1 by a
//! migration. The short lists the forms offer (regions, provinces, the upper CP 2011 levels,
//! ATECO divisions: ~370 rows) are read once per worker instance; comuni and single codes are
//! read when needed, so a new instance starts fast.

use super::{all, database, first, list, text, Error};
use domain::api::types::AtecoEntry;
use domain::hosts::Figure;
use domain::place::{ComuneRef, Gazetteer, LatLon, Located, ProvinceCode, ProvinceRef, RegionRef};
use serde::Deserialize;
use std::sync::{Arc, OnceLock};
use worker::Env;

pub struct Choices {
    pub regions: Vec<RegionRef>,
    pub provinces: Vec<ProvinceRef>,
    /// CP 2011 codes of the upper three levels, in code order.
    pub cp2011: Vec<Figure>,
    /// ATECO divisions, in code order.
    pub ateco_divisions: Vec<Figure>,
}

static CHOICES: OnceLock<Arc<Choices>> = OnceLock::new();

#[derive(Deserialize)]
struct Row {
    kind: String,
    code: String,
    name: String,
    parent: Option<String>,
}

pub async fn choices(env: &Env) -> Result<Arc<Choices>, Error> {
    if let Some(c) = CHOICES.get() {
        return Ok(c.clone());
    }
    let rows: Vec<Row> = all(
        "choices",
        database(env)?.prepare(
            "SELECT 'r' AS kind, code, name, NULL AS parent FROM regions \
             UNION ALL SELECT 'p', code, name, region_code FROM provinces \
             UNION ALL SELECT 'f', code, title, NULL FROM cp2011 \
               WHERE level IN ('grande gruppo', 'gruppo', 'classe') \
             UNION ALL SELECT 'a', code, title, NULL FROM ateco WHERE level = 'division' \
             ORDER BY 1, 3",
        ),
    )
    .await?;
    let mut c = Choices {
        regions: Vec::new(),
        provinces: Vec::new(),
        cp2011: Vec::new(),
        ateco_divisions: Vec::new(),
    };
    for row in rows {
        match row.kind.as_str() {
            "r" => c.regions.push(RegionRef {
                code: row.code,
                name: row.name,
            }),
            "p" => {
                let region = row
                    .parent
                    .ok_or_else(|| Error::decode(format!("province {}", row.code), "no region"))?;
                c.provinces.push(ProvinceRef {
                    code: row.code,
                    name: row.name,
                    region,
                })
            }
            "f" => c.cp2011.push(Figure {
                code: row.code,
                title: row.name,
            }),
            "a" => c.ateco_divisions.push(Figure {
                code: row.code,
                title: row.name,
            }),
            other => return Err(Error::decode("choice", format!("kind {other:?}"))),
        }
    }
    domain::sort::sort_by(&mut c.cp2011, |a, b| a.code.cmp(&b.code));
    domain::sort::sort_by(&mut c.ateco_divisions, |a, b| a.code.cmp(&b.code));
    let c = Arc::new(c);
    let _ = CHOICES.set(c.clone());
    Ok(c)
}

impl Choices {
    pub fn has_region(&self, code: &str) -> bool {
        self.regions.iter().any(|r| r.code == code)
    }

    pub fn has_province(&self, code: &str) -> bool {
        self.provinces.iter().any(|p| p.code == code)
    }
}

/// The comuni of a known province, by name; [`Error::UnknownCode`] for any other.
pub async fn comuni_of(env: &Env, province: &ProvinceCode) -> Result<Vec<ComuneRef>, Error> {
    if !choices(env).await?.has_province(province.as_str()) {
        return Err(Error::UnknownCode {
            field: "province",
            code: province.as_str().to_owned(),
        });
    }
    all(
        "comuni",
        database(env)?
            .prepare("SELECT code, name FROM comuni WHERE province_code = ?1 ORDER BY name")
            .bind(&[text(province.as_str())])?,
    )
    .await
}

/// Titles of CP 2011 codes (the codes as one `json_each` list).
/// The ATECO 2025 entry of `code`, if the classification has it.
pub async fn ateco_entry(env: &Env, code: &str) -> Result<Option<AtecoEntry>, Error> {
    first(
        "ATECO entry",
        database(env)?
            .prepare("SELECT code, title FROM ateco WHERE code = ?1")
            .bind(&[text(code)])?,
    )
    .await
}

pub async fn figure_titles(env: &Env, codes: &[String]) -> Result<Vec<Figure>, Error> {
    let mut codes: Vec<&String> = codes.iter().collect();
    domain::sort::sort(&mut codes);
    codes.dedup();
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    #[derive(Deserialize)]
    struct T {
        code: String,
        title: String,
    }
    let rows: Vec<T> = all(
        "figure titles",
        database(env)?
            .prepare(
                "SELECT code, title FROM cp2011 WHERE code IN (SELECT value FROM json_each(?1)) \
                 ORDER BY code",
            )
            .bind(&[list(&codes)?])?,
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|t| Figure {
            code: t.code,
            title: t.title,
        })
        .collect())
}

static PREFIXES: OnceLock<Arc<Vec<(String, String)>>> = OnceLock::new();

/// For each province, the first three digits of its comuni's ISTAT codes (the old numeric
/// province code, which ISTAT keeps in every comune's code): the publishing form shows the
/// province of a comune it knows only by code. Read once per worker instance.
pub async fn province_prefixes(env: &Env) -> Result<Arc<Vec<(String, String)>>, Error> {
    if let Some(p) = PREFIXES.get() {
        return Ok(p.clone());
    }
    #[derive(Deserialize)]
    struct P {
        prefix: String,
        province: String,
    }
    let rows: Vec<P> = all(
        "province prefixes",
        database(env)?.prepare(
            "SELECT substr(code, 1, 3) AS prefix, MIN(province_code) AS province \
             FROM comuni GROUP BY 1 ORDER BY 1",
        ),
    )
    .await?;
    let p = Arc::new(rows.into_iter().map(|r| (r.prefix, r.province)).collect());
    let _ = PREFIXES.set(Arc::clone(&p));
    Ok(p)
}

static GAZETTEER: OnceLock<Arc<Gazetteer>> = OnceLock::new();

/// Every comune with its centroid (`comuni_coords`, from `data/comuni-coordinate.csv`), for the
/// search near a place: read once per worker instance in one row (about 7,900 comuni as one
/// JSON array SQLite builds), so a search near a place costs no extra round trip.
pub async fn gazetteer(env: &Env) -> Result<Arc<Gazetteer>, Error> {
    if let Some(g) = GAZETTEER.get() {
        return Ok(g.clone());
    }
    #[derive(Deserialize)]
    struct All {
        comuni: String,
    }
    let row: Option<All> = super::first(
        "gazetteer",
        database(env)?.prepare(
            "SELECT json_group_array(json_array(k.code, c.name, c.province_code, k.lat, k.lon, \
             k.approx)) AS comuni FROM comuni_coords k JOIN comuni c ON c.code = k.code",
        ),
    )
    .await?;
    let raw = row.map(|r| r.comuni).unwrap_or_default();
    let rows: Vec<(String, String, String, f64, f64, u8)> = super::from_json("gazetteer", &raw)?;
    let comuni = rows
        .into_iter()
        .map(|(code, name, province, lat, lon, approx)| {
            let at = LatLon::new(lat, lon)
                .ok_or_else(|| Error::decode(format!("comune {code} coordinates"), lat))?;
            Ok(Located::new(code, name, province, at, approx > 0))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let g = Arc::new(Gazetteer::new(comuni));
    let _ = GAZETTEER.set(g.clone());
    Ok(g)
}
