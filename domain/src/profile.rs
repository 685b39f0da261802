//! The host profile a company, professional or body fills in the publishing wizard, and the
//! draft file the wizard saves to and loads from the person's device.
//!
//! What the seed says (seed 002, "Registro nazionale per l'alternanza scuola-lavoro"):
//! - slide "Dati dichiarabili", for *alternanza scuola-lavoro* (PCTO) and *apprendistato*:
//!   «Dati obbligatori L.107/2015: numero massimo studenti, periodi dell'anno; Dati qualificanti
//!   i percorsi: luogo e contatti, descrizione attività, figure professionali; Dati facoltativi:
//!   rapporti con operatori della filiera, capacità strutturali, tecnologiche, organizzative»;
//! - slide "Percorsi offerti": every activity is described by «figure professionali richieste
//!   secondo la classificazione CP 2011 adottata dall'Istat, attività da svolgere, posti
//!   disponibili, dove si svolgerà l'attività (indirizzo completo), chi e come contattare»;
//! - slide "Come iscriversi": a public body gives its iPA code or *Codice Univoco Ufficio*, and
//!   iPA yields «denominazione, indirizzo, codice fiscale, PEC»;
//! - slide "Pubblicazione via PEC": public bodies and professionals prove themselves by PEC, so
//!   they need one; companies by the legal representative's digital signature;
//! - slide "Salvare la compilazione in corso": «In qualsiasi momento è possibile premere l'icona
//!   Salva per salvare sul proprio computer o dispositivo quanto finora compilato … Carica
//!   profilo … per ripartire con la compilazione dal punto in cui ci si era fermati» — hence
//!   [`ProfileDraft`], which holds any half-filled form, and [`DraftFile`].
//!
//! Decisions where the seed is silent:
//! - Limits: at most 500 students per offer, 1–24 periods of at most two years ([`Period`]),
//!   1–50 CP 2011 figures, an activity description of 20–2,000 characters, 1–50 places, a name
//!   of 2–200 characters, 2,000 characters for every other free text. One offer per path kind.
//! - Places and contacts are the profile's, not each offer's (the existing
//!   [`ProfileBody`](crate::hosts::ProfileBody)).
//! - Contacts: an e-mail address or a telephone number is required («chi e come contattare»);
//!   the PEC is required of public bodies and professionals, who prove themselves with it, and
//!   of private bodies: the seed names only companies (signature) and public bodies (PEC); a
//!   private body (association, foundation) proves itself like a professional, by PEC from the
//!   address it declares (see [`crate::publish`]).
//! - Identity: a company gives its partita IVA and its legal representative's codice fiscale
//!   (the signer); a professional their personal codice fiscale and, if they have one, their
//!   partita IVA; a public body its iPA code and its codice fiscale; a private body its codice
//!   fiscale (11 digits, or 16 characters when it is a person). Fields that do not belong to the
//!   chosen kind are ignored, not refused, so changing the kind in the form loses nothing.
//! - The ATECO code is required of companies and optional (form-checked) for the others.
//! - Dates are `YYYY-MM-DD` (what `<input type="date">` gives), years 2000–2100.
//! - Only the **form** of codes is checked here. Whether a comune, a CP 2011 figure or an ATECO
//!   code exists is a question for the reference data in D1: the worker looks them up and calls
//!   [`ValidProfile::to_body`], which turns what it found into the stored
//!   [`ProfileBody`](crate::hosts::ProfileBody). Whether an iPA code, a PEC or a partita IVA
//!   belongs to who typed it is the declaration's job (see [`crate::declaration`]).

mod file;
#[cfg(test)]
mod fixtures;
mod json;
mod validate;

pub use file::{DraftFile, DraftFileError};
pub use validate::{is_email_shaped, is_phone_shaped, is_website_shaped, limits, ReferenceData};

use crate::hosts::{AtecoCode, Contacts, Cp2011Code, HostKind, PathKind, Period};
use crate::identity::{CodiceFiscale, CodiceFiscaleEnte, IpaCode, PartitaIva};
use crate::place::IstatComune;
use serde::{Deserialize, Serialize};

/// The version of the privacy notice (art. 13 Reg. UE 2016/679, D.Lgs. 196/2003) a host
/// accepts before filling in the profile (seed 002, slide "Come iscriversi": «accettare
/// l'Informativa ai sensi dell'art. 13»). The wizard sends it with the declaration, so the
/// register knows which text each host read; change it whenever the notice's text changes.
pub const PRIVACY_NOTICE_VERSION: &str = "2026-12-07";

// ---------------------------------------------------------------------------------------------
// The draft: what the wizard holds.
// ---------------------------------------------------------------------------------------------

/// The whole form as the wizard holds it: every field may be empty or wrong, so a half-filled
/// form can be kept, saved to a file and loaded back. [`ProfileDraft::validate`] turns it into
/// a [`ValidProfile`] or lists everything that is missing or wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileDraft {
    pub kind: Option<HostKind>,
    /// *Denominazione* (or the professional's name).
    pub name: String,
    /// Personal code (professional), or the body's code (public and private bodies).
    pub codice_fiscale: String,
    pub partita_iva: String,
    /// The legal representative's personal codice fiscale (companies).
    pub legal_representative_cf: String,
    /// iPA code or Codice Univoco Ufficio (public bodies).
    pub ipa_code: String,
    pub ateco: String,
    /// Who the host is: *requisiti e capacità del soggetto ospitante*.
    pub description: String,
    pub offers: Vec<OfferDraft>,
    pub places: Vec<PlaceDraft>,
    pub contacts: ContactsDraft,
    /// *Rapporti con operatori della filiera*.
    pub supply_chain: String,
    pub capacities: CapacitiesDraft,
}

/// One path kind offered, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferDraft {
    pub path: Option<PathKind>,
    pub max_students: String,
    pub periods: Vec<PeriodDraft>,
    /// CP 2011 codes.
    pub figures: Vec<String>,
    /// *Attività da svolgere*.
    pub activity: String,
}

/// A period as typed: two `YYYY-MM-DD` dates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PeriodDraft {
    pub from: String,
    pub to: String,
}

/// A place where students are hosted, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlaceDraft {
    pub address: String,
    pub cap: String,
    /// ISTAT code of the comune, six digits (the form picks it from a list).
    pub comune: String,
}

/// Contacts as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactsDraft {
    pub person_role: String,
    pub email: String,
    pub phone: String,
    pub pec: String,
    pub website: String,
}

/// *Capacità strutturali, tecnologiche, organizzative*, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CapacitiesDraft {
    pub structural: String,
    pub technological: String,
    pub organisational: String,
}

// ---------------------------------------------------------------------------------------------
// The valid profile.
// ---------------------------------------------------------------------------------------------

/// Who the host is, by kind: each kind holds exactly the identifiers it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HostIdentity {
    Impresa {
        partita_iva: PartitaIva,
        legal_representative_cf: CodiceFiscale,
    },
    Professionista {
        codice_fiscale: CodiceFiscale,
        partita_iva: Option<PartitaIva>,
    },
    EntePubblico {
        ipa_code: IpaCode,
        codice_fiscale: CodiceFiscaleEnte,
    },
    EntePrivato {
        codice_fiscale: CodiceFiscaleEnte,
    },
}

impl HostIdentity {
    pub fn kind(&self) -> HostKind {
        match self {
            HostIdentity::Impresa { .. } => HostKind::Impresa,
            HostIdentity::Professionista { .. } => HostKind::Professionista,
            HostIdentity::EntePubblico { .. } => HostKind::EntePubblico,
            HostIdentity::EntePrivato { .. } => HostKind::EntePrivato,
        }
    }
}

/// One offer that passed every check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidOffer {
    pub path: PathKind,
    pub max_students: u32,
    pub periods: Vec<Period>,
    pub figures: Vec<Cp2011Code>,
    pub activity: String,
}

/// One place that passed every check (form only: the comune's existence is checked by
/// [`ValidProfile::to_body`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidPlace {
    pub address: String,
    /// Five digits.
    pub cap: String,
    pub comune: IstatComune,
}

/// The optional capacities, trimmed, `None` when left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capacities {
    pub structural: Option<String>,
    pub technological: Option<String>,
    pub organisational: Option<String>,
}

impl Capacities {
    /// The three texts in one, each under its Italian heading, for [`ProfileBody::capacities`].
    pub fn joined(&self) -> Option<String> {
        let parts: Vec<String> = [
            ("Capacità strutturali", &self.structural),
            ("Capacità tecnologiche", &self.technological),
            ("Capacità organizzative", &self.organisational),
        ]
        .into_iter()
        .filter_map(|(label, text)| text.as_ref().map(|t| format!("{label}: {t}")))
        .collect();
        (!parts.is_empty()).then(|| parts.join("\n\n"))
    }
}

/// A profile whose every field has the right form: what the worker stores while the
/// declaration is pending, and publishes once it is proved. Text is trimmed; empty optional
/// text is `None`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidProfile {
    pub name: String,
    pub identity: HostIdentity,
    pub ateco: Option<AtecoCode>,
    pub description: String,
    pub offers: Vec<ValidOffer>,
    pub places: Vec<ValidPlace>,
    pub contacts: Contacts,
    pub supply_chain: Option<String>,
    pub capacities: Capacities,
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn a_valid_profile_round_trips_through_serde() {
        for d in [impresa(), professionista(), ente_pubblico(), ente_privato()] {
            let v = d.validate().unwrap();
            let json = serde_json::to_string(&v).unwrap();
            let back: ValidProfile = serde_json::from_str(&json).unwrap();
            assert_eq!(back, v);
        }
        let v = ente_pubblico().validate().unwrap();
        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(json["identity"]["kind"], "ente_pubblico");
        assert_eq!(json["identity"]["ipa_code"], "c_z999");
    }

    #[test]
    fn serde_form_of_the_draft_takes_partial_json() {
        let d: ProfileDraft =
            serde_json::from_str(r#"{"kind":"ente_pubblico","offers":[{"path":"pcto"}]}"#).unwrap();
        assert_eq!(d.kind, Some(HostKind::EntePubblico));
        assert_eq!(d.offers[0].path, Some(PathKind::Pcto));
        assert_eq!(d.offers[0].max_students, "");
    }
}
