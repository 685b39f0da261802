//! Who answers for personal data in this installation of Ponte (Reg. UE 2016/679 art. 13: the
//! notice names the controller and its contacts). Each deployment sets it (`wrangler.toml`
//! `[vars]` or the dashboard; `cargo xtask dev` an example): the code holds no one's name.
//!
//! For the register's data the controller is each school and the operator of this installation
//! processes them on its behalf (art. 28); for the hosts' profiles and declarations the operator
//! is the controller (docs/privacy.md). The privacy page says both.

use crate::profile::is_email_shaped;

/// The deployment settings, in the order a missing one is named.
pub const NAME: &str = "PONTE_CONTROLLER_NAME";
pub const ADDRESS: &str = "PONTE_CONTROLLER_ADDRESS";
pub const EMAIL: &str = "PONTE_CONTROLLER_EMAIL";
pub const PEC: &str = "PONTE_CONTROLLER_PEC";
pub const DPO_EMAIL: &str = "PONTE_DPO_EMAIL";

/// The operator of this installation, as its settings give it: every field present and an
/// address where one is expected (a value that is not is treated as missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Controller {
    pub name: String,
    pub address: String,
    pub email: String,
    pub pec: String,
    /// The data protection officer (*responsabile della protezione dei dati*).
    pub dpo_email: String,
}

impl Controller {
    /// From the settings `get` reads; `Err` names every setting missing or malformed.
    pub fn from_settings(
        get: impl Fn(&str) -> Option<String>,
    ) -> Result<Controller, Vec<&'static str>> {
        let mut missing = Vec::new();
        let mut field = |key: &'static str, email: bool| {
            let v = get(key).map(|v| v.trim().to_owned()).unwrap_or_default();
            if v.is_empty() || (email && !is_email_shaped(&v)) {
                missing.push(key);
            }
            v
        };
        let c = Controller {
            name: field(NAME, false),
            address: field(ADDRESS, false),
            email: field(EMAIL, true),
            pec: field(PEC, true),
            dpo_email: field(DPO_EMAIL, true),
        };
        if missing.is_empty() {
            Ok(c)
        } else {
            Err(missing)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn every_setting_present_gives_the_controller() {
        let all = [
            (NAME, " Gestore di Ponte S.r.l. "),
            (ADDRESS, "Via Roma 1, 00184 Roma"),
            (EMAIL, "privacy@ponte.example"),
            (PEC, "ponte@pec.ponte.example"),
            (DPO_EMAIL, "rpd@ponte.example"),
        ];
        let c = Controller::from_settings(settings(&all)).unwrap();
        assert_eq!(c.name, "Gestore di Ponte S.r.l.");
        assert_eq!(c.dpo_email, "rpd@ponte.example");
    }

    #[test]
    fn missing_or_malformed_settings_are_all_named() {
        let some = [
            (NAME, "Gestore"),
            (EMAIL, "non è un indirizzo"),
            (PEC, "  "),
        ];
        assert_eq!(
            Controller::from_settings(settings(&some)),
            Err(vec![ADDRESS, EMAIL, PEC, DPO_EMAIL])
        );
    }
}
