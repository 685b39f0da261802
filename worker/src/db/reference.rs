//! Reference data (ISTAT regions, provinces, comuni; CP 2011; ATECO 2025), loaded into D1 by a
//! migration and read once per worker instance: it changes only with a new migration.

use super::database;
use crate::error::ApiError;
use domain::hosts::Figure;
use domain::place::{ComuneRef, ProvinceRef, RegionRef};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use worker::Env;

pub struct Reference {
    pub regions: Vec<RegionRef>,
    pub provinces: Vec<ProvinceRef>,
    /// Comuni by code, with their province.
    pub comuni: HashMap<String, (ComuneRef, String)>,
    /// Comuni of each province, sorted by name.
    pub comuni_by_province: HashMap<String, Vec<ComuneRef>>,
    pub cp2011: HashMap<String, String>,
    /// CP 2011 codes of the upper three levels, in code order: the choices of the search form.
    pub cp2011_choices: Vec<Figure>,
    pub ateco: HashMap<String, String>,
    /// ATECO divisions, in code order.
    pub ateco_divisions: Vec<Figure>,
}

static CACHE: OnceLock<Arc<Reference>> = OnceLock::new();

#[derive(Deserialize)]
struct Row {
    kind: String,
    code: String,
    name: String,
    parent: Option<String>,
}

pub async fn get(env: &Env) -> Result<Arc<Reference>, ApiError> {
    if let Some(r) = CACHE.get() {
        return Ok(r.clone());
    }
    let db = database(env)?;
    // One statement, one round trip; ordered so each list comes out sorted.
    let rows: Vec<Row> = db
        .prepare(
            "SELECT 'r' AS kind, code, name, NULL AS parent FROM regions \
             UNION ALL SELECT 'p', code, name, region_code FROM provinces \
             UNION ALL SELECT 'c', code, name, province_code FROM comuni \
             UNION ALL SELECT 'f', code, title, CAST(level AS TEXT) FROM cp2011 \
             UNION ALL SELECT 'a', code, title, level FROM ateco \
             ORDER BY 1, 3",
        )
        .all()
        .await?
        .results()?;
    let mut r = Reference {
        regions: Vec::new(),
        provinces: Vec::new(),
        comuni: HashMap::new(),
        comuni_by_province: HashMap::new(),
        cp2011: HashMap::new(),
        cp2011_choices: Vec::new(),
        ateco: HashMap::new(),
        ateco_divisions: Vec::new(),
    };
    for row in rows {
        let parent = row.parent.unwrap_or_default();
        match row.kind.as_str() {
            "r" => r.regions.push(RegionRef {
                code: row.code,
                name: row.name,
            }),
            "p" => r.provinces.push(ProvinceRef {
                code: row.code,
                name: row.name,
                region: parent,
            }),
            "c" => {
                let c = ComuneRef {
                    code: row.code.clone(),
                    name: row.name,
                };
                r.comuni_by_province
                    .entry(parent.clone())
                    .or_default()
                    .push(c.clone());
                r.comuni.insert(row.code, (c, parent));
            }
            "f" => {
                if row.code.matches('.').count() < 3 {
                    r.cp2011_choices.push(Figure {
                        code: row.code.clone(),
                        title: row.name.clone(),
                    });
                }
                r.cp2011.insert(row.code, row.name);
            }
            "a" => {
                if parent == "division" {
                    r.ateco_divisions.push(Figure {
                        code: row.code.clone(),
                        title: row.name.clone(),
                    });
                }
                r.ateco.insert(row.code, row.name);
            }
            _ => {}
        }
    }
    r.cp2011_choices.sort_by(|a, b| a.code.cmp(&b.code));
    r.ateco_divisions.sort_by(|a, b| a.code.cmp(&b.code));
    let r = Arc::new(r);
    let _ = CACHE.set(r.clone());
    Ok(r)
}

impl Reference {
    /// Every code in the search must exist: a well-formed but unknown code is a 400 that names
    /// its field, not an empty result.
    pub fn check_search(&self, s: &domain::hosts::HostSearch) -> Result<(), domain::FieldError> {
        use domain::FieldError;
        if let Some(v) = &s.region {
            if !self.regions.iter().any(|r| r.code == v.as_str()) {
                return Err(FieldError::unknown_code("region", v.as_str()));
            }
        }
        if let Some(v) = &s.province {
            if !self.provinces.iter().any(|p| p.code == v.as_str()) {
                return Err(FieldError::unknown_code("province", v.as_str()));
            }
        }
        if let Some(v) = &s.comune {
            if !self.comuni.contains_key(v.as_str()) {
                return Err(FieldError::unknown_code("comune", v.as_str()));
            }
        }
        if let Some(v) = &s.figure {
            if !self.cp2011.contains_key(v.as_str()) {
                return Err(FieldError::unknown_code("figure", v.as_str()));
            }
        }
        if let Some(v) = &s.ateco {
            if !self.ateco.contains_key(v.as_str()) {
                return Err(FieldError::unknown_code("ateco", v.as_str()));
            }
        }
        Ok(())
    }

    pub fn figure_titles<'a>(&self, codes: impl Iterator<Item = &'a String>) -> Vec<Figure> {
        let mut out: Vec<Figure> = codes
            .filter_map(|c| {
                self.cp2011.get(c).map(|t| Figure {
                    code: c.clone(),
                    title: t.clone(),
                })
            })
            .collect();
        out.sort_by(|a, b| a.code.cmp(&b.code));
        out.dedup();
        out
    }
}
