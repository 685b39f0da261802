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
