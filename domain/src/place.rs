//! Places by their ISTAT codes: region (2 digits), province (*sigla*, 2 letters), comune
//! (6 digits). These types check the form; whether a code exists is a question for the
//! reference data loaded from `data/` (ISTAT, CC BY 4.0).

use crate::error::FieldError;
use crate::messages::Msg;
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! code_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = FieldError;
            fn try_from(s: String) -> Result<Self, FieldError> {
                Self::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }
    };
}

code_type!(
    /// ISTAT region code, two digits from `01` to `20`.
    RegionCode
);
code_type!(
    /// Province *sigla*, two capital letters (`RM`, `VE`); lower case is accepted and raised.
    ProvinceCode
);
code_type!(
    /// ISTAT comune code, six digits (`058091` is Roma).
    IstatComune
);

impl RegionCode {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let ok = raw.len() == 2
            && raw.bytes().all(|b| b.is_ascii_digit())
            && matches!(raw.parse::<u8>(), Ok(1..=20));
        if ok {
            Ok(RegionCode(raw.to_owned()))
        } else {
            Err(FieldError::invalid_says("region", Msg::RegionCode, &[]))
        }
    }
}

impl ProvinceCode {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        if raw.len() == 2 && raw.bytes().all(|b| b.is_ascii_alphabetic()) {
            Ok(ProvinceCode(raw.to_ascii_uppercase()))
        } else {
            Err(FieldError::invalid_says("province", Msg::ProvinceCode, &[]))
        }
    }
}

impl IstatComune {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        if raw.len() == 6 && raw.bytes().all(|b| b.is_ascii_digit()) {
            Ok(IstatComune(raw.to_owned()))
        } else {
            Err(FieldError::invalid_says("comune", Msg::ComuneCode, &[]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert!(RegionCode::parse("12").is_ok());
        for bad in ["00", "21", "1", "ab", "123"] {
            assert!(RegionCode::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(ProvinceCode::parse("rm").unwrap().as_str(), "RM");
        assert!(ProvinceCode::parse("R1").is_err());
        assert!(IstatComune::parse("058091").is_ok());
        assert!(IstatComune::parse("58091").is_err());
    }
}

/// A region with its name, for filter choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionRef {
    pub code: String,
    pub name: String,
}

/// A province with its region, so a form can narrow provinces by region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceRef {
    pub code: String,
    pub name: String,
    pub region: String,
}

/// A comune with its name (`GET /api/v1/comuni`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "openapi", schemars(rename = "Comune"))]
pub struct ComuneRef {
    /// ISTAT code.
    pub code: String,
    pub name: String,
}

/// A point given by latitude and longitude in degrees (WGS84), as `data/comuni-coordinate.csv`
/// gives each comune's centroid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// The Earth's mean radius (IUGG), in km: the sphere the great-circle distance is measured on.
/// Against the ellipsoid the error stays under 0.5 %, a few hundred metres at 100 km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Northernmost latitude of Italy (Vetta d'Italia, 47.09° N), rounded up: the bounding box's
/// longitude margin is computed there, so it is wide enough for any centre in Italy.
pub const ITALY_MAX_LAT: f64 = 47.1;

impl LatLon {
    /// A point, if both values are finite and in range.
    pub fn new(lat: f64, lon: f64) -> Option<Self> {
        let ok = lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0;
        ok.then_some(LatLon { lat, lon })
    }

    /// The great-circle distance in km (haversine formula, docs/design.md §8).
    pub fn distance_km(self, other: LatLon) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lon - self.lon).to_radians();
        let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
    }
}

/// How far around a place a search reaches: 1 to 200 km (`radius_km`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RadiusKm(u16);

impl RadiusKm {
    pub const MIN: u16 = 1;
    pub const MAX: u16 = 200;
    /// When a place is given without a radius.
    pub const DEFAULT: RadiusKm = RadiusKm(30);
    /// The choices the search page offers.
    pub const CHOICES: [u16; 8] = [5, 10, 20, 30, 50, 75, 100, 200];

    pub fn new(km: u16) -> Option<Self> {
        (Self::MIN..=Self::MAX)
            .contains(&km)
            .then_some(RadiusKm(km))
    }

    pub fn km(self) -> u16 {
        self.0
    }

    /// The half-sides in degrees of a box that holds every point within this radius of a centre
    /// in Italy: `(latitude, longitude)`. A degree of latitude is the same length everywhere; a
    /// degree of longitude shrinks with the cosine of the latitude, so its margin is taken at
    /// the box's northern edge for the northernmost centre possible. The box is a prefilter for
    /// an index; the distance itself decides.
    pub fn box_degrees(self) -> (f64, f64) {
        let km_per_degree = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;
        let r = f64::from(self.0);
        // A little over the exact values, so rounding never drops a point on the edge.
        let dlat = r / km_per_degree * 1.001 + 1e-6;
        let north = (ITALY_MAX_LAT + dlat).min(89.0).to_radians();
        let dlon = r / (km_per_degree * north.cos()) * 1.001 + 1e-6;
        (dlat, dlon)
    }
}

/// A comune as the search near a place knows it: its centroid, whether that is only
/// approximate (the comune has no row in the coordinates file and stands at its province's
/// mean: docs/design.md §4), and the key its typed name is matched on ([`comune_key`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub code: String,
    pub name: String,
    /// Sigla of its province.
    pub province: String,
    pub at: LatLon,
    pub approx: bool,
    /// [`comune_key`] of the name.
    key: String,
}

impl Located {
    pub fn new(code: String, name: String, province: String, at: LatLon, approx: bool) -> Self {
        Located {
            key: comune_key(&name),
            code,
            name,
            province,
            at,
            approx,
        }
    }
}

/// Every comune with its centroid, sorted by latitude: the index of the search near a place.
/// The comuni around a centre are a latitude band found by binary search, then those of the
/// band within the longitude margin ([`RadiusKm::box_degrees`]), then those within the
/// great-circle distance. About 7,900 comuni: the worker reads them once per instance.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    by_lat: Vec<Located>,
    /// Index in `by_lat` of each code, in code order.
    by_code: Vec<(String, usize)>,
}

impl Gazetteer {
    pub fn new(mut comuni: Vec<Located>) -> Self {
        crate::sort::sort_by(&mut comuni, |a, b| {
            a.at.lat
                .total_cmp(&b.at.lat)
                .then_with(|| a.code.cmp(&b.code))
        });
        let mut by_code: Vec<(String, usize)> = comuni
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), i))
            .collect();
        crate::sort::sort(&mut by_code);
        Gazetteer {
            by_lat: comuni,
            by_code,
        }
    }

    pub fn len(&self) -> usize {
        self.by_lat.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_lat.is_empty()
    }

    pub fn get(&self, code: &str) -> Option<&Located> {
        self.by_code
            .binary_search_by(|(c, _)| c.as_str().cmp(code))
            .ok()
            .and_then(|i| self.by_lat.get(self.by_code[i].1))
    }

    /// The comune a person means: by code, or by name (and province, when given). A name that
    /// several comuni share asks for the province, with an example.
    pub fn resolve(&self, input: &ComuneInput) -> Result<&Located, FieldError> {
        let (key, province) = match input {
            ComuneInput::Code(code) => {
                return self
                    .get(code.as_str())
                    .ok_or_else(|| FieldError::unknown_code("near", code.as_str()))
            }
            ComuneInput::Name { key, province } => (key, province),
        };
        let mut found = self.by_lat.iter().filter(|c| {
            &c.key == key && province.as_ref().is_none_or(|p| p.as_str() == c.province)
        });
        match (found.next(), found.next()) {
            (Some(one), None) => Ok(one),
            (None, _) => Err(FieldError::invalid_says(
                "near",
                Msg::NearComuneUnknown,
                &[("name", &input)],
            )),
            (Some(a), Some(b)) => {
                let first = if a.province <= b.province { a } else { b };
                Err(FieldError::invalid_says(
                    "near",
                    Msg::NearComuneAmbiguous,
                    &[
                        ("name", &first.name),
                        ("example", &format!("{} ({})", first.name, first.province)),
                    ],
                ))
            }
        }
    }

    /// The comuni within `radius` of `centre`, each with its distance in km, nearest first
    /// (ties in code order).
    pub fn around(&self, centre: &Located, radius: RadiusKm) -> Vec<Near> {
        let (dlat, dlon) = radius.box_degrees();
        let from = self
            .by_lat
            .partition_point(|c| c.at.lat < centre.at.lat - dlat);
        let band = self.by_lat[from..]
            .iter()
            .take_while(|c| c.at.lat <= centre.at.lat + dlat)
            .filter(|c| (c.at.lon - centre.at.lon).abs() <= dlon);
        within(centre, band, radius)
    }
}

/// Of `candidates`, those within `radius` of `centre`, each with its distance in km, nearest
/// first (ties in code order).
fn within<'a>(
    centre: &Located,
    candidates: impl Iterator<Item = &'a Located>,
    radius: RadiusKm,
) -> Vec<Near> {
    let limit = f64::from(radius.km());
    let mut out: Vec<Near> = candidates
        .filter_map(|c| {
            let km = centre.at.distance_km(c.at);
            (km <= limit).then(|| Near {
                code: c.code.clone(),
                km,
                approx: c.approx || centre.approx,
            })
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| {
        a.km.total_cmp(&b.km).then_with(|| a.code.cmp(&b.code))
    });
    out
}

/// A comune within the radius of a search: its distance from the place searched.
#[derive(Debug, Clone, PartialEq)]
pub struct Near {
    pub code: String,
    pub km: f64,
    /// One of the two points is a province's mean, not the comune's centroid.
    pub approx: bool,
}

/// A distance as people read it on a result: whole kilometres, "meno di 1 km" under one.
pub fn distance_words(km: f64) -> Distance {
    if km < 1.0 {
        Distance::UnderOne
    } else {
        Distance::Km(km.round() as u32)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Distance {
    UnderOne,
    Km(u32),
}

/// A comune's name as typed searches compare it: lower case, no accents, apostrophes, hyphens
/// and slashes as spaces, single spaces (`Reggio nell'Emilia` → `reggio nell emilia`,
/// `Bolzano/Bozen` → `bolzano bozen`).
pub fn comune_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(crate::text::unaccent(c));
        } else {
            gap = true;
        }
    }
    out
}

/// A comune as a person writes it in the "near" field: `Padova`, `Samone (TN)`, or its ISTAT
/// code (what links and the API carry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComuneInput {
    Code(IstatComune),
    Name {
        key: String,
        province: Option<ProvinceCode>,
    },
}

impl fmt::Display for ComuneInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ComuneInput::Code(c) => f.write_str(c.as_str()),
            ComuneInput::Name {
                key,
                province: Some(p),
            } => write!(f, "{key} ({p})"),
            ComuneInput::Name {
                key,
                province: None,
            } => f.write_str(key),
        }
    }
}

impl ComuneInput {
    pub const MAX_CHARS: usize = 80;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let raw = raw.trim();
        if let Ok(code) = IstatComune::parse(raw) {
            return Ok(ComuneInput::Code(code));
        }
        let err = || FieldError::invalid_says("near", Msg::NearComune, &[]);
        if raw.chars().count() > Self::MAX_CHARS {
            return Err(err());
        }
        let (name, province) = match raw.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
            Some((name, sigla)) => (
                name,
                Some(ProvinceCode::parse(sigla.trim()).map_err(|_| err())?),
            ),
            None => (raw, None),
        };
        let key = comune_key(name);
        if key.is_empty() {
            return Err(err());
        }
        Ok(ComuneInput::Name { key, province })
    }
}

#[cfg(test)]
mod geo_tests {
    use super::*;

    fn p(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).unwrap()
    }

    #[test]
    fn great_circle_distances_match_known_values() {
        // Roma (Campidoglio) – Milano (Duomo): 477 km on the sphere.
        let roma = p(41.8933, 12.4829);
        let milano = p(45.4642, 9.1900);
        let d = roma.distance_km(milano);
        assert!((d - 477.0).abs() < 2.0, "{d}");
        // One degree of latitude is 111.19 km.
        let d = p(45.0, 10.0).distance_km(p(46.0, 10.0));
        assert!((d - 111.195).abs() < 0.01, "{d}");
        // One degree of longitude at 45° is 111.19 · cos 45°.
        let d = p(45.0, 10.0).distance_km(p(45.0, 11.0));
        assert!((d - 78.63).abs() < 0.05, "{d}");
        assert_eq!(roma.distance_km(roma), 0.0);
        assert!(LatLon::new(f64::NAN, 1.0).is_none());
        assert!(LatLon::new(91.0, 1.0).is_none());
    }

    #[test]
    fn the_box_holds_the_whole_circle_anywhere_in_italy() {
        for km in [1u16, 30, 200] {
            let r = RadiusKm::new(km).unwrap();
            let (dlat, dlon) = r.box_degrees();
            for centre in [p(35.5, 12.6), p(41.9, 12.5), p(46.9, 11.0), p(47.09, 12.2)] {
                // Walk the circle: every point on it lies inside the box.
                for step in 0..360 {
                    let bearing = f64::from(step).to_radians();
                    let d = f64::from(km) / EARTH_RADIUS_KM;
                    let (la, lo) = (centre.lat.to_radians(), centre.lon.to_radians());
                    let la2 = (la.sin() * d.cos() + la.cos() * d.sin() * bearing.cos()).asin();
                    let lo2 = lo
                        + (bearing.sin() * d.sin() * la.cos())
                            .atan2(d.cos() - la.sin() * la2.sin());
                    let (la2, lo2) = (la2.to_degrees(), lo2.to_degrees());
                    assert!((la2 - centre.lat).abs() <= dlat, "{km} km lat at {step}°");
                    assert!((lo2 - centre.lon).abs() <= dlon, "{km} km lon at {step}°");
                }
            }
        }
        assert!(RadiusKm::new(0).is_none() && RadiusKm::new(201).is_none());
    }

    fn located(
        code: &str,
        name: &str,
        province: &str,
        lat: f64,
        lon: f64,
        approx: bool,
    ) -> Located {
        Located::new(
            code.into(),
            name.into(),
            province.into(),
            p(lat, lon),
            approx,
        )
    }

    fn veneto() -> Gazetteer {
        Gazetteer::new(vec![
            located("027042", "Venezia", "VE", 45.4408, 12.3155, false), // 34 km from Padova
            located("028001", "Abano Terme", "PD", 45.4, 11.9, true),    // about 2 km
            located("028060", "Padova", "PD", 45.4064, 11.8768, false),
            located("024116", "Vicenza", "VI", 45.5455, 11.5354, false), // 30 km
            located("022170", "Samone", "TN", 46.0807, 11.5226, false),
            located("001236", "Samone", "TO", 45.4495, 7.8415, false),
            located("023091", "Verona", "VR", 45.4384, 10.9916, false), // 69 km
        ])
    }

    #[test]
    fn around_keeps_the_circle_sorted_and_says_approximate() {
        let g = veneto();
        let padova = g.get("028060").unwrap().clone();
        let near = g.around(&padova, RadiusKm::new(31).unwrap());
        let codes: Vec<&str> = near.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, ["028060", "028001", "024116"]);
        assert!(near[1].approx && !near[0].approx);
        assert_eq!(near[0].km, 0.0);
        let wide: Vec<String> = g
            .around(&padova, RadiusKm::new(100).unwrap())
            .into_iter()
            .map(|n| n.code)
            .collect();
        assert_eq!(
            wide,
            ["028060", "028001", "024116", "027042", "023091", "022170"]
        );
        assert_eq!(distance_words(0.4), Distance::UnderOne);
        assert_eq!(distance_words(12.49), Distance::Km(12));
    }

    #[test]
    fn comuni_are_found_by_code_or_by_name() {
        let g = veneto();
        let by = |s: &str| {
            g.resolve(&ComuneInput::parse(s).unwrap())
                .map(|c| c.code.clone())
        };
        assert_eq!(by("028060").unwrap(), "028060");
        assert_eq!(by("padova").unwrap(), "028060");
        assert_eq!(by("Samone (TO)").unwrap(), "001236");
        let e = by("Samone").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("near"));
        assert!(e.message.contains("Samone (TN)"), "{}", e.message);
        assert!(by("Paperopoli").is_err());
        assert_eq!(
            by("999999").unwrap_err().code,
            crate::error::ErrorCode::UnknownCode
        );
    }

    #[test]
    fn typed_comuni() {
        assert_eq!(comune_key("Reggio nell'Emilia"), "reggio nell emilia");
        assert_eq!(comune_key(" Bolzano/Bozen "), "bolzano bozen");
        assert_eq!(comune_key("CANTÙ"), "cantu");
        assert_eq!(
            ComuneInput::parse("Samone (tn)").unwrap(),
            ComuneInput::Name {
                key: "samone".into(),
                province: Some(ProvinceCode::parse("TN").unwrap())
            }
        );
        assert!(matches!(
            ComuneInput::parse("028060"),
            Ok(ComuneInput::Code(_))
        ));
        assert!(ComuneInput::parse("--").is_err());
        assert!(ComuneInput::parse("Padova (P1)").is_err());
    }
}
