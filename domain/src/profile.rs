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
//! - Places and contacts are the profile's, not each offer's (the existing [`ProfileBody`]).
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
//!   [`ValidProfile::to_body`], which turns what it found into the stored [`ProfileBody`].
//!   Whether an iPA code, a PEC or a partita IVA belongs to who typed it is the declaration's
//!   job (see [`crate::declaration`]).

use crate::error::FieldError;
use crate::hosts::{
    AtecoCode, Contacts, Cp2011Code, Figure, HostKind, PathKind, Period, Place, ProfileBody,
};
use crate::identity::{CodiceFiscale, CodiceFiscaleEnte, IpaCode, PartitaIva};
use crate::place::IstatComune;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the privacy notice (art. 13 Reg. UE 2016/679, D.Lgs. 196/2003) a host
/// accepts before filling in the profile (seed 002, slide "Come iscriversi": «accettare
/// l'Informativa ai sensi dell'art. 13»). The wizard sends it with the declaration, so the
/// register knows which text each host read; change it whenever the notice's text changes.
pub const PRIVACY_NOTICE_VERSION: &str = "2026-11-23";

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

/// What the reference data in D1 says about the codes of a profile. The worker implements it
/// over the rows it read; the domain stays free of I/O.
pub trait ReferenceData {
    /// The CP 2011 title of a figure, `None` when the classification has no such code.
    fn figure_title(&self, code: &Cp2011Code) -> Option<String>;
    /// The name and province *sigla* of a comune, `None` when ISTAT has no such code.
    fn comune(&self, code: &IstatComune) -> Option<(String, String)>;
    /// Whether ATECO 2025 has this code.
    fn ateco_exists(&self, code: &AtecoCode) -> bool;
}

impl ValidProfile {
    pub fn kind(&self) -> HostKind {
        self.identity.kind()
    }

    /// The stored profile body, with the names the reference data gives. Every code the
    /// reference data does not know is reported (`unknown_code`, with the same field paths as
    /// [`ProfileDraft::validate`]), all at once.
    pub fn to_body(&self, refs: &impl ReferenceData) -> Result<ProfileBody, Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Some(a) = &self.ateco {
            if !refs.ateco_exists(a) {
                errors.push(FieldError::unknown_code("ateco", a.as_str()));
            }
        }
        let mut offers = Vec::with_capacity(self.offers.len());
        for (i, o) in self.offers.iter().enumerate() {
            let mut figures = Vec::with_capacity(o.figures.len());
            for (k, f) in o.figures.iter().enumerate() {
                match refs.figure_title(f) {
                    Some(title) => figures.push(Figure {
                        code: f.as_str().to_owned(),
                        title,
                    }),
                    None => errors.push(FieldError::unknown_code(
                        &format!("offers[{i}].figures[{k}]"),
                        f.as_str(),
                    )),
                }
            }
            offers.push(crate::hosts::Offer {
                path: o.path,
                max_students: o.max_students,
                periods: o.periods.clone(),
                figures,
                activity: o.activity.clone(),
            });
        }
        let mut places = Vec::with_capacity(self.places.len());
        for (i, p) in self.places.iter().enumerate() {
            match refs.comune(&p.comune) {
                Some((comune_name, province)) => places.push(Place {
                    address: p.address.clone(),
                    cap: Some(p.cap.clone()),
                    comune: p.comune.as_str().to_owned(),
                    comune_name,
                    province,
                }),
                None => errors.push(FieldError::unknown_code(
                    &format!("places[{i}].comune"),
                    p.comune.as_str(),
                )),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ProfileBody {
            description: self.description.clone(),
            offers,
            places,
            contacts: self.contacts.clone(),
            supply_chain: self.supply_chain.clone(),
            capacities: self.capacities.joined(),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Validation.
// ---------------------------------------------------------------------------------------------

/// The limits [`ProfileDraft::validate`] applies (see the module documentation).
pub mod limits {
    pub const NAME_MIN: usize = 2;
    pub const NAME_MAX: usize = 200;
    pub const MAX_STUDENTS: u32 = 500;
    pub const MAX_PERIODS: usize = 24;
    pub const MAX_FIGURES: usize = 50;
    pub const ACTIVITY_MIN: usize = 20;
    pub const ACTIVITY_MAX: usize = 2000;
    pub const MAX_PLACES: usize = 50;
    pub const ADDRESS_MIN: usize = 3;
    pub const ADDRESS_MAX: usize = 200;
    /// Every other free text (description, supply chain, each capacity).
    pub const TEXT_MAX: usize = 2000;
    /// Short free text (the contact person's role).
    pub const SHORT_TEXT_MAX: usize = 200;
    pub const EMAIL_MAX: usize = 254;
    pub const WEBSITE_MAX: usize = 300;
    pub const PHONE_DIGITS_MIN: usize = 6;
    pub const PHONE_DIGITS_MAX: usize = 15;
}

/// Collects the errors of a validation.
struct Errors(Vec<FieldError>);

impl Errors {
    fn push(&mut self, path: &str, message: impl Into<String>) {
        self.0.push(FieldError::invalid(path, message));
    }

    /// Keeps the value, or records the error under `path`.
    fn take<T>(&mut self, r: Result<T, FieldError>, path: &str) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(mut e) => {
                e.field = Some(path.to_owned());
                self.0.push(e);
                None
            }
        }
    }

    /// Required text of `min..=max` characters after trimming; `what` has its article
    /// ("la denominazione").
    fn text(
        &mut self,
        raw: &str,
        path: &str,
        min: usize,
        max: usize,
        what: &str,
    ) -> Option<String> {
        let t = raw.trim();
        let n = t.chars().count();
        if n == 0 && min > 0 {
            self.push(path, format!("Indicare {what}."));
            None
        } else if n < min {
            self.push(
                path,
                format!(
                    "{} deve avere almeno {min} caratteri (ne ha {n}).",
                    capitalise(what)
                ),
            );
            None
        } else if n > max {
            self.push(
                path,
                format!(
                    "{} può avere al massimo {max} caratteri (ne ha {n}).",
                    capitalise(what)
                ),
            );
            None
        } else {
            Some(t.to_owned())
        }
    }

    /// Optional text of at most `max` characters: `Some(None)` when empty, `None` on error.
    fn optional_text(
        &mut self,
        raw: &str,
        path: &str,
        max: usize,
        what: &str,
    ) -> Option<Option<String>> {
        if raw.trim().is_empty() {
            Some(None)
        } else {
            self.text(raw, path, 1, max, what).map(Some)
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A simple shape check of an e-mail (or PEC) address: one `@`, a local part without spaces
/// and a domain of at least two labels of letters, digits and hyphens. Not RFC 5322: good
/// enough to catch typos; delivery is what proves an address.
pub fn is_email_shaped(s: &str) -> bool {
    if s.len() > limits::EMAIL_MAX {
        return false;
    }
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"@<>()[]\\,;:\"".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit())
        });
    local_ok && domain_ok
}

/// A telephone number: digits with spaces, dots, dashes, slashes or brackets between them and an
/// optional leading `+`; 6 to 15 digits (E.164 allows 15).
pub fn is_phone_shaped(s: &str) -> bool {
    let body = s.strip_prefix('+').unwrap_or(s);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    body.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '/' | '(' | ')'))
        && (limits::PHONE_DIGITS_MIN..=limits::PHONE_DIGITS_MAX).contains(&digits)
}

/// A web address: `http://` or `https://` (any case), a host with a dot, no spaces.
pub fn is_website_shaped(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("");
    s.len() <= limits::WEBSITE_MAX
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains("..")
}

/// A date as `YYYY-MM-DD`, years 2000–2100.
fn parse_date(raw: &str) -> Result<NaiveDate, String> {
    let err = || "La data va indicata come AAAA-MM-GG (per esempio 2026-03-02).".to_owned();
    let b = raw.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(err());
    }
    let num = |r: std::ops::Range<usize>| raw.get(r).and_then(|s| s.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return Err(err());
    };
    if !(2000..=2100).contains(&y) {
        return Err("L'anno deve essere compreso fra il 2000 e il 2100.".to_owned());
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .ok_or_else(|| "La data non esiste nel calendario.".to_owned())
}

impl ProfileDraft {
    /// Checks the whole draft and returns the valid profile, or **every** problem at once,
    /// each naming its field with a path such as `offers[0].max_students` or `places[1].cap`,
    /// in the order of the form. Form only: see the module documentation for what is left to
    /// the reference data.
    pub fn validate(&self) -> Result<ValidProfile, Vec<FieldError>> {
        use limits::*;
        let mut e = Errors(Vec::new());

        if self.kind.is_none() {
            e.push(
                "kind",
                "Scegliere il tipo di soggetto: impresa, professionista, ente pubblico o ente privato.",
            );
        }
        let name = e.text(&self.name, "name", NAME_MIN, NAME_MAX, "la denominazione");
        let identity = self.kind.and_then(|k| self.identity(k, &mut e));

        let ateco = if self.ateco.trim().is_empty() {
            if self.kind == Some(HostKind::Impresa) {
                e.push(
                    "ateco",
                    "Indicare il codice ATECO dell'attività dell'impresa.",
                );
                None
            } else {
                Some(None)
            }
        } else {
            e.take(AtecoCode::parse(self.ateco.trim()), "ateco")
                .map(Some)
        };
        let description = e.optional_text(
            &self.description,
            "description",
            TEXT_MAX,
            "la descrizione del soggetto",
        );

        let offers = self.validate_offers(&mut e);
        let places = self.validate_places(&mut e);
        let contacts = self.validate_contacts(&mut e);

        let supply_chain = e.optional_text(
            &self.supply_chain,
            "supply_chain",
            TEXT_MAX,
            "la descrizione dei rapporti con gli operatori della filiera",
        );
        let c = &self.capacities;
        let structural = e.optional_text(
            &c.structural,
            "capacities.structural",
            TEXT_MAX,
            "la descrizione delle capacità strutturali",
        );
        let technological = e.optional_text(
            &c.technological,
            "capacities.technological",
            TEXT_MAX,
            "la descrizione delle capacità tecnologiche",
        );
        let organisational = e.optional_text(
            &c.organisational,
            "capacities.organisational",
            TEXT_MAX,
            "la descrizione delle capacità organizzative",
        );

        match (
            name,
            identity,
            ateco,
            description,
            offers,
            places,
            contacts,
            supply_chain,
            (structural, technological, organisational),
        ) {
            (
                Some(name),
                Some(identity),
                Some(ateco),
                Some(description),
                Some(offers),
                Some(places),
                Some(contacts),
                Some(supply_chain),
                (Some(structural), Some(technological), Some(organisational)),
            ) if e.0.is_empty() => Ok(ValidProfile {
                name,
                identity,
                ateco,
                description: description.unwrap_or_default(),
                offers,
                places,
                contacts,
                supply_chain,
                capacities: Capacities {
                    structural,
                    technological,
                    organisational,
                },
            }),
            _ => {
                if e.0.is_empty() {
                    // Every `None` above comes with an error; this is a guard, not a path.
                    e.0.push(FieldError::internal());
                }
                Err(e.0)
            }
        }
    }

    fn identity(&self, kind: HostKind, e: &mut Errors) -> Option<HostIdentity> {
        let personal = |raw: &str, path: &str, e: &mut Errors, what: &str| {
            if raw.trim().is_empty() {
                e.push(path, format!("Indicare {what}."));
                None
            } else {
                e.take(CodiceFiscale::parse_field(raw, path), path)
            }
        };
        let body_cf = |raw: &str, e: &mut Errors| {
            if raw.trim().is_empty() {
                e.push("codice_fiscale", "Indicare il codice fiscale dell'ente.");
                None
            } else {
                e.take(CodiceFiscaleEnte::parse(raw), "codice_fiscale")
            }
        };
        match kind {
            HostKind::Impresa => {
                let piva = if self.partita_iva.trim().is_empty() {
                    e.push("partita_iva", "Indicare la partita IVA dell'impresa.");
                    None
                } else {
                    e.take(PartitaIva::parse(&self.partita_iva), "partita_iva")
                };
                let rep = personal(
                    &self.legal_representative_cf,
                    "legal_representative_cf",
                    e,
                    "il codice fiscale del legale rappresentante",
                );
                Some(HostIdentity::Impresa {
                    partita_iva: piva?,
                    legal_representative_cf: rep?,
                })
            }
            HostKind::Professionista => {
                let cf = personal(
                    &self.codice_fiscale,
                    "codice_fiscale",
                    e,
                    "il codice fiscale del professionista",
                );
                let piva = if self.partita_iva.trim().is_empty() {
                    Some(None)
                } else {
                    e.take(PartitaIva::parse(&self.partita_iva), "partita_iva")
                        .map(Some)
                };
                Some(HostIdentity::Professionista {
                    codice_fiscale: cf?,
                    partita_iva: piva?,
                })
            }
            HostKind::EntePubblico => {
                let ipa = e.take(IpaCode::parse(&self.ipa_code), "ipa_code");
                let cf = body_cf(&self.codice_fiscale, e);
                Some(HostIdentity::EntePubblico {
                    ipa_code: ipa?,
                    codice_fiscale: cf?,
                })
            }
            HostKind::EntePrivato => {
                let cf = body_cf(&self.codice_fiscale, e);
                Some(HostIdentity::EntePrivato {
                    codice_fiscale: cf?,
                })
            }
        }
    }

    fn validate_offers(&self, e: &mut Errors) -> Option<Vec<ValidOffer>> {
        use limits::*;
        if self.offers.is_empty() {
            e.push(
                "offers",
                "Indicare almeno un percorso offerto: alternanza scuola-lavoro (PCTO) o apprendistato.",
            );
            return None;
        }
        if self.offers.len() > PathKind::ALL.len() {
            e.push(
                "offers",
                "Si può descrivere al massimo un'offerta per ciascun percorso (PCTO e apprendistato).",
            );
            return None;
        }
        let mut out = Vec::with_capacity(self.offers.len());
        let mut ok = true;
        let mut seen: Vec<PathKind> = Vec::new();
        for (i, o) in self.offers.iter().enumerate() {
            let at = |f: &str| format!("offers[{i}].{f}");
            let path = match o.path {
                None => {
                    e.push(&at("path"), "Scegliere il percorso: PCTO o apprendistato.");
                    None
                }
                Some(p) if seen.contains(&p) => {
                    e.push(
                        &at("path"),
                        format!(
                            "Il percorso «{}» è già indicato in un'altra offerta.",
                            p.label()
                        ),
                    );
                    None
                }
                Some(p) => {
                    seen.push(p);
                    Some(p)
                }
            };

            let raw = o.max_students.trim();
            let max_students = if raw.is_empty() {
                e.push(
                    &at("max_students"),
                    "Indicare il numero massimo di studenti.",
                );
                None
            } else {
                match raw.parse::<u32>() {
                    Ok(n)
                        if (1..=MAX_STUDENTS).contains(&n)
                            && raw.bytes().all(|b| b.is_ascii_digit()) =>
                    {
                        Some(n)
                    }
                    _ => {
                        e.push(
                            &at("max_students"),
                            format!(
                                "Il numero massimo di studenti è un numero intero da 1 a {MAX_STUDENTS}."
                            ),
                        );
                        None
                    }
                }
            };

            let periods = if o.periods.is_empty() {
                e.push(
                    &at("periods"),
                    "Indicare almeno un periodo dell'anno in cui si accolgono studenti.",
                );
                None
            } else if o.periods.len() > MAX_PERIODS {
                e.push(
                    &at("periods"),
                    format!("Si possono indicare al massimo {MAX_PERIODS} periodi."),
                );
                None
            } else {
                let mut ps = Vec::with_capacity(o.periods.len());
                let mut all = true;
                for (j, p) in o.periods.iter().enumerate() {
                    let base = at(&format!("periods[{j}]"));
                    let date = |raw: &str, end: &str, what: &str, e: &mut Errors| {
                        let raw = raw.trim();
                        let path = format!("{base}.{end}");
                        if raw.is_empty() {
                            e.push(&path, format!("Indicare la data di {what} del periodo."));
                            None
                        } else {
                            match parse_date(raw) {
                                Ok(d) => Some(d),
                                Err(m) => {
                                    e.push(&path, m);
                                    None
                                }
                            }
                        }
                    };
                    let from = date(&p.from, "from", "inizio", e);
                    let to = date(&p.to, "to", "fine", e);
                    match (from, to) {
                        (Some(from), Some(to)) => match e.take(Period::new(from, to), &base) {
                            Some(period) => ps.push(period),
                            None => all = false,
                        },
                        _ => all = false,
                    }
                }
                all.then_some(ps)
            };

            let figures = if o.figures.is_empty() {
                e.push(
                    &at("figures"),
                    "Indicare almeno una figura professionale (classificazione CP 2011).",
                );
                None
            } else if o.figures.len() > MAX_FIGURES {
                e.push(
                    &at("figures"),
                    format!("Si possono indicare al massimo {MAX_FIGURES} figure professionali."),
                );
                None
            } else {
                let mut fs: Vec<Cp2011Code> = Vec::with_capacity(o.figures.len());
                let mut all = true;
                for (k, f) in o.figures.iter().enumerate() {
                    let path = at(&format!("figures[{k}]"));
                    match e.take(Cp2011Code::parse(f.trim()), &path) {
                        Some(code) if fs.contains(&code) => {
                            e.push(&path, format!("La figura {code} è già indicata."));
                            all = false;
                        }
                        Some(code) => fs.push(code),
                        None => all = false,
                    }
                }
                all.then_some(fs)
            };

            let activity = e.text(
                &o.activity,
                &at("activity"),
                ACTIVITY_MIN,
                ACTIVITY_MAX,
                "la descrizione delle attività da svolgere",
            );

            match (path, max_students, periods, figures, activity) {
                (Some(path), Some(max_students), Some(periods), Some(figures), Some(activity)) => {
                    out.push(ValidOffer {
                        path,
                        max_students,
                        periods,
                        figures,
                        activity,
                    })
                }
                _ => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn validate_places(&self, e: &mut Errors) -> Option<Vec<ValidPlace>> {
        use limits::*;
        if self.places.is_empty() {
            e.push(
                "places",
                "Indicare almeno un luogo in cui si svolgerà l'attività, con l'indirizzo completo.",
            );
            return None;
        }
        if self.places.len() > MAX_PLACES {
            e.push(
                "places",
                format!("Si possono indicare al massimo {MAX_PLACES} luoghi."),
            );
            return None;
        }
        let mut out = Vec::with_capacity(self.places.len());
        let mut ok = true;
        for (i, p) in self.places.iter().enumerate() {
            let at = |f: &str| format!("places[{i}].{f}");
            let address = e.text(
                &p.address,
                &at("address"),
                ADDRESS_MIN,
                ADDRESS_MAX,
                "l'indirizzo",
            );
            let raw = p.cap.trim();
            let cap = if raw.is_empty() {
                e.push(&at("cap"), "Indicare il CAP.");
                None
            } else if raw.len() == 5 && raw.bytes().all(|b| b.is_ascii_digit()) {
                Some(raw.to_owned())
            } else {
                e.push(&at("cap"), "Il CAP ha 5 cifre (per esempio 00184).");
                None
            };
            let raw = p.comune.trim();
            let comune = if raw.is_empty() {
                e.push(&at("comune"), "Indicare il comune.");
                None
            } else {
                e.take(IstatComune::parse(raw), &at("comune"))
            };
            match (address, cap, comune) {
                (Some(address), Some(cap), Some(comune)) => out.push(ValidPlace {
                    address,
                    cap,
                    comune,
                }),
                _ => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn validate_contacts(&self, e: &mut Errors) -> Option<Contacts> {
        let c = &self.contacts;
        let before = e.0.len();
        let person_role = e.optional_text(
            &c.person_role,
            "contacts.person_role",
            limits::SHORT_TEXT_MAX,
            "il ruolo della persona da contattare",
        );
        let opt = |raw: &str| {
            let t = raw.trim();
            (!t.is_empty()).then(|| t.to_owned())
        };
        let email = opt(&c.email);
        if let Some(m) = &email {
            if !is_email_shaped(m) {
                e.push(
                    "contacts.email",
                    "L'indirizzo e-mail non ha una forma valida (per esempio nome@dominio.it).",
                );
            }
        }
        let phone = opt(&c.phone);
        if let Some(p) = &phone {
            if !is_phone_shaped(p) {
                e.push(
                    "contacts.phone",
                    "Il numero di telefono ha da 6 a 15 cifre, eventualmente precedute da + \
                     (per esempio +39 06 1234567).",
                );
            }
        }
        if email.is_none() && phone.is_none() {
            e.push(
                "contacts",
                "Indicare almeno un indirizzo e-mail o un numero di telefono da contattare.",
            );
        }
        let pec = opt(&c.pec);
        match &pec {
            Some(p) if !is_email_shaped(p) => e.push(
                "contacts.pec",
                "L'indirizzo PEC non ha una forma valida (per esempio ente@pec.it).",
            ),
            None if matches!(
                self.kind,
                Some(HostKind::EntePubblico | HostKind::Professionista | HostKind::EntePrivato)
            ) =>
            {
                e.push(
                    "contacts.pec",
                    "Indicare l'indirizzo PEC: serve per confermare la pubblicazione del profilo.",
                )
            }
            _ => {}
        }
        let website = opt(&c.website);
        if let Some(w) = &website {
            if !is_website_shaped(w) {
                e.push(
                    "contacts.website",
                    "L'indirizzo del sito inizia con https:// o http:// (per esempio https://www.esempio.it).",
                );
            }
        }
        (e.0.len() == before).then_some(Contacts {
            person_role: person_role.flatten(),
            email,
            phone,
            pec,
            website,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The draft file.
// ---------------------------------------------------------------------------------------------

/// Why a draft file could not be loaded. Each has a stable [`code`](DraftFileError::code) and
/// an Italian [`message`](DraftFileError::message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftFileError {
    /// Larger than [`DraftFile::MAX_BYTES`].
    TooLarge { bytes: usize },
    /// Not UTF-8 JSON.
    NotJson,
    /// JSON, but not a Ponte profile draft.
    ForeignFormat,
    /// A draft from an older format version, which this version no longer reads.
    OlderVersion { found: i64 },
    /// A draft from a newer version of Ponte than the one running.
    NewerVersion { found: i64 },
    /// The draft does not match its checksum: edited by hand, or damaged.
    Tampered,
    /// Our format and checksum, but a field is missing or of the wrong type (`path` names it).
    Malformed { path: String },
}

impl DraftFileError {
    pub fn code(&self) -> &'static str {
        match self {
            DraftFileError::TooLarge { .. } => "too_large",
            DraftFileError::NotJson => "not_json",
            DraftFileError::ForeignFormat => "foreign_format",
            DraftFileError::OlderVersion { .. } => "older_version",
            DraftFileError::NewerVersion { .. } => "newer_version",
            DraftFileError::Tampered => "tampered",
            DraftFileError::Malformed { .. } => "malformed",
        }
    }

    pub fn message(&self) -> String {
        match self {
            DraftFileError::TooLarge { bytes } => format!(
                "Il file è troppo grande ({} KB): una bozza di Ponte non supera i {} KB. \
                 Verificare di aver scelto il file giusto.",
                bytes.div_ceil(1024),
                DraftFile::MAX_BYTES / 1024
            ),
            DraftFileError::NotJson => "Il file non è una bozza di Ponte: scegliere il file \
                 salvato con «Salva bozza»."
                .to_owned(),
            DraftFileError::ForeignFormat => "Il file non è una bozza del profilo di Ponte: \
                 scegliere il file salvato con «Salva bozza»."
                .to_owned(),
            DraftFileError::OlderVersion { found } => format!(
                "La bozza è stata salvata con una versione precedente di Ponte (formato {found}) \
                 che non è più possibile caricare: occorre compilare di nuovo il profilo."
            ),
            DraftFileError::NewerVersion { found } => format!(
                "La bozza è stata salvata con una versione più recente di Ponte (formato {found}): \
                 ricaricare la pagina e riprovare."
            ),
            DraftFileError::Tampered => "Il contenuto della bozza è stato modificato dopo il \
                 salvataggio oppure il file è danneggiato: non è possibile caricarlo. Usare il \
                 file così come è stato salvato."
                .to_owned(),
            DraftFileError::Malformed { path } => {
                format!("La bozza è danneggiata (campo «{path}»): non è possibile caricarla.")
            }
        }
    }

    /// The error as the API and the form show it, on the field `bozza`.
    pub fn to_field_error(&self) -> FieldError {
        FieldError::invalid("bozza", self.message())
    }
}

impl fmt::Display for DraftFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for DraftFileError {}

/// The file "Salva bozza" downloads and "Carica bozza" reads back:
///
/// ```json
/// {"format":"ponte-bozza-profilo","version":1,"saved_at":"2026-03-01T10:00:00Z",
///  "draft":{…},"checksum":"fnv1a64:0123456789abcdef"}
/// ```
///
/// The checksum is FNV-1a (64 bits) over the canonical JSON of `draft` (keys sorted, no
/// whitespace, strings with the minimal escapes), so re-indenting the file does not break it
/// but changing a value does. It catches damage and naive edits only: anybody can recompute it,
/// so it is **not a signature**, and nothing loaded from a file is trusted — the draft goes
/// through [`ProfileDraft::validate`] like anything typed. The JSON is read and written here,
/// without `serde_json`, which the domain does not depend on; the format of `draft` is the
/// same as `ProfileDraft`'s serde form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftFile {
    pub saved_at: NaiveDateTime,
    pub draft: ProfileDraft,
}

impl DraftFile {
    pub const FORMAT: &'static str = "ponte-bozza-profilo";
    pub const VERSION: i64 = 1;
    /// 256 KB. A draft within the limits of [`ProfileDraft::validate`] is a small fraction of
    /// this; a draft whose text fields were filled far beyond them may save a file too large to
    /// load, which is why the form caps each field at its limit.
    pub const MAX_BYTES: usize = 256 * 1024;

    /// The file's text: pretty-printed JSON. `saved_at` is UTC.
    pub fn to_json(draft: &ProfileDraft, saved_at: NaiveDateTime) -> String {
        let draft_value = json::draft_to_value(draft);
        let checksum = json::checksum(&draft_value);
        let file = json::Value::Object(vec![
            (
                "format".to_owned(),
                json::Value::String(Self::FORMAT.to_owned()),
            ),
            (
                "version".to_owned(),
                json::Value::Number(Self::VERSION.to_string()),
            ),
            (
                "saved_at".to_owned(),
                json::Value::String(format_timestamp(saved_at)),
            ),
            ("draft".to_owned(), draft_value),
            ("checksum".to_owned(), json::Value::String(checksum)),
        ]);
        let mut out = String::new();
        json::write(&file, &mut out, json::Style::Pretty, 0);
        out.push('\n');
        out
    }

    /// A suggested file name: `bozza-profilo-2026-03-01.json`.
    pub fn file_name(saved_at: NaiveDateTime) -> String {
        let d = saved_at.date();
        format!(
            "bozza-profilo-{:04}-{:02}-{:02}.json",
            d.year(),
            d.month(),
            d.day()
        )
    }

    /// The draft in a file's text.
    pub fn from_json(text: &str) -> Result<ProfileDraft, DraftFileError> {
        Self::load(text).map(|f| f.draft)
    }

    /// The draft in a file's bytes, as a browser's `FileReader` or an upload gives them.
    pub fn from_bytes(bytes: &[u8]) -> Result<ProfileDraft, DraftFileError> {
        if bytes.len() > Self::MAX_BYTES {
            return Err(DraftFileError::TooLarge { bytes: bytes.len() });
        }
        let text = std::str::from_utf8(bytes).map_err(|_| DraftFileError::NotJson)?;
        Self::from_json(text)
    }

    /// The draft and when it was saved.
    pub fn load(text: &str) -> Result<DraftFile, DraftFileError> {
        if text.len() > Self::MAX_BYTES {
            return Err(DraftFileError::TooLarge { bytes: text.len() });
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let root = json::parse(text).ok_or(DraftFileError::NotJson)?;
        let json::Value::Object(fields) = &root else {
            return Err(DraftFileError::ForeignFormat);
        };
        let get = |k: &str| fields.iter().find(|(key, _)| key == k).map(|(_, v)| v);
        match get("format") {
            Some(json::Value::String(f)) if f == Self::FORMAT => {}
            _ => return Err(DraftFileError::ForeignFormat),
        }
        let malformed = |p: &str| DraftFileError::Malformed { path: p.to_owned() };
        let version = match get("version") {
            Some(json::Value::Number(n)) => json::integer(n).ok_or_else(|| malformed("version"))?,
            _ => return Err(malformed("version")),
        };
        if version < Self::VERSION {
            return Err(DraftFileError::OlderVersion { found: version });
        }
        if version > Self::VERSION {
            return Err(DraftFileError::NewerVersion { found: version });
        }
        const KEYS: [&str; 5] = ["format", "version", "saved_at", "draft", "checksum"];
        if let Some((k, _)) = fields.iter().find(|(k, _)| !KEYS.contains(&k.as_str())) {
            return Err(malformed(k));
        }
        let draft_value = get("draft").ok_or_else(|| malformed("draft"))?;
        let checksum = match get("checksum") {
            Some(json::Value::String(c)) => c,
            _ => return Err(malformed("checksum")),
        };
        if *checksum != json::checksum(draft_value) {
            return Err(DraftFileError::Tampered);
        }
        let saved_at = match get("saved_at") {
            Some(json::Value::String(s)) => {
                parse_timestamp(s).ok_or_else(|| malformed("saved_at"))?
            }
            _ => return Err(malformed("saved_at")),
        };
        let draft = json::draft_from_value(draft_value)
            .map_err(|path| DraftFileError::Malformed { path })?;
        Ok(DraftFile { saved_at, draft })
    }
}

impl ProfileDraft {
    /// The draft as compact JSON, in its serde form (what `POST /enti/pubblica/anteprima` and
    /// `POST /api/v1/declarations` take): written by the draft file's own writer, so the
    /// browser bundle needs no `serde_json`.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        json::write(
            &json::draft_to_value(self),
            &mut out,
            json::Style::Compact,
            0,
        );
        out
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`.
fn format_timestamp(t: NaiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn parse_timestamp(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    let shape = b.len() == 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'Z'
        && [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    if !shape {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    NaiveDate::from_ymd_opt(n(0..4)? as i32, n(5..7)?, n(8..10)?)?.and_hms_opt(
        n(11..13)?,
        n(14..16)?,
        n(17..19)?,
    )
}

/// A small JSON reader and writer for the draft file: the domain does not depend on
/// `serde_json`. The reader takes any text and never panics: nesting is capped at
/// [`json::MAX_DEPTH`], duplicate keys and lone surrogates are refused.
mod json {
    use super::{
        CapacitiesDraft, ContactsDraft, OfferDraft, PeriodDraft, PlaceDraft, ProfileDraft,
    };
    use crate::hosts::{HostKind, PathKind};
    use std::collections::BTreeSet;

    pub const MAX_DEPTH: usize = 32;

    #[derive(Debug, Clone, PartialEq)]
    pub enum Value {
        Null,
        Bool(bool),
        /// The number's text as written (already checked against the JSON grammar).
        Number(String),
        String(String),
        Array(Vec<Value>),
        /// Keys in the order written; no key twice.
        Object(Vec<(String, Value)>),
    }

    /// The whole text as one JSON value, or `None`.
    pub fn parse(text: &str) -> Option<Value> {
        let mut p = Parser {
            b: text.as_bytes(),
            pos: 0,
        };
        p.ws();
        let v = p.value(0)?;
        p.ws();
        (p.pos == p.b.len()).then_some(v)
    }

    /// An integer number's value; `None` for fractions and exponents. Out-of-range integers
    /// saturate, which is enough to call a version older or newer.
    pub fn integer(n: &str) -> Option<i64> {
        let (neg, digits) = match n.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, n),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(match digits.parse::<i64>() {
            Ok(v) if neg => -v,
            Ok(v) => v,
            Err(_) if neg => i64::MIN,
            Err(_) => i64::MAX,
        })
    }

    struct Parser<'a> {
        b: &'a [u8],
        pos: usize,
    }

    impl Parser<'_> {
        fn peek(&self) -> Option<u8> {
            self.b.get(self.pos).copied()
        }

        fn ws(&mut self) {
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                self.pos += 1;
            }
        }

        fn eat(&mut self, lit: &[u8]) -> Option<()> {
            let end = self.pos.checked_add(lit.len())?;
            if self.b.get(self.pos..end)? == lit {
                self.pos = end;
                Some(())
            } else {
                None
            }
        }

        fn value(&mut self, depth: usize) -> Option<Value> {
            if depth > MAX_DEPTH {
                return None;
            }
            match self.peek()? {
                b'n' => self.eat(b"null").map(|()| Value::Null),
                b't' => self.eat(b"true").map(|()| Value::Bool(true)),
                b'f' => self.eat(b"false").map(|()| Value::Bool(false)),
                b'"' => self.string().map(Value::String),
                b'-' | b'0'..=b'9' => self.number(),
                b'[' => {
                    self.pos += 1;
                    self.ws();
                    let mut items = Vec::new();
                    if self.peek()? == b']' {
                        self.pos += 1;
                        return Some(Value::Array(items));
                    }
                    loop {
                        self.ws();
                        items.push(self.value(depth + 1)?);
                        self.ws();
                        match self.peek()? {
                            b',' => self.pos += 1,
                            b']' => {
                                self.pos += 1;
                                return Some(Value::Array(items));
                            }
                            _ => return None,
                        }
                    }
                }
                b'{' => {
                    self.pos += 1;
                    self.ws();
                    let mut fields = Vec::new();
                    let mut keys = BTreeSet::new();
                    if self.peek()? == b'}' {
                        self.pos += 1;
                        return Some(Value::Object(fields));
                    }
                    loop {
                        self.ws();
                        if self.peek()? != b'"' {
                            return None;
                        }
                        let key = self.string()?;
                        if !keys.insert(key.clone()) {
                            return None;
                        }
                        self.ws();
                        self.eat(b":")?;
                        self.ws();
                        let v = self.value(depth + 1)?;
                        fields.push((key, v));
                        self.ws();
                        match self.peek()? {
                            b',' => self.pos += 1,
                            b'}' => {
                                self.pos += 1;
                                return Some(Value::Object(fields));
                            }
                            _ => return None,
                        }
                    }
                }
                _ => None,
            }
        }

        fn digits(&mut self) -> Option<()> {
            let start = self.pos;
            while matches!(self.peek(), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
            (self.pos > start).then_some(())
        }

        fn number(&mut self) -> Option<Value> {
            let start = self.pos;
            if self.peek() == Some(b'-') {
                self.pos += 1;
            }
            match self.peek()? {
                b'0' => self.pos += 1,
                b'1'..=b'9' => self.digits()?,
                _ => return None,
            }
            if self.peek() == Some(b'.') {
                self.pos += 1;
                self.digits()?;
            }
            if matches!(self.peek(), Some(b'e' | b'E')) {
                self.pos += 1;
                if matches!(self.peek(), Some(b'+' | b'-')) {
                    self.pos += 1;
                }
                self.digits()?;
            }
            let text = std::str::from_utf8(self.b.get(start..self.pos)?).ok()?;
            Some(Value::Number(text.to_owned()))
        }

        fn hex4(&mut self) -> Option<u32> {
            let end = self.pos.checked_add(4)?;
            let s = self.b.get(self.pos..end)?;
            if !s.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            let v = u32::from_str_radix(std::str::from_utf8(s).ok()?, 16).ok()?;
            self.pos = end;
            Some(v)
        }

        fn unicode_escape(&mut self) -> Option<char> {
            let hi = self.hex4()?;
            if (0xD800..0xDC00).contains(&hi) {
                self.eat(b"\\u")?;
                let lo = self.hex4()?;
                if !(0xDC00..0xE000).contains(&lo) {
                    return None;
                }
                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
            } else {
                // A lone low surrogate is not a char: `from_u32` refuses it.
                char::from_u32(hi)
            }
        }

        fn string(&mut self) -> Option<String> {
            self.eat(b"\"")?;
            let mut out: Vec<u8> = Vec::new();
            loop {
                let c = self.peek()?;
                self.pos += 1;
                match c {
                    b'"' => return String::from_utf8(out).ok(),
                    b'\\' => {
                        let esc = self.peek()?;
                        self.pos += 1;
                        match esc {
                            b'"' | b'\\' | b'/' => out.push(esc),
                            b'b' => out.push(0x08),
                            b'f' => out.push(0x0c),
                            b'n' => out.push(b'\n'),
                            b'r' => out.push(b'\r'),
                            b't' => out.push(b'\t'),
                            b'u' => {
                                let ch = self.unicode_escape()?;
                                let mut buf = [0u8; 4];
                                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                            }
                            _ => return None,
                        }
                    }
                    0x00..=0x1f => return None,
                    _ => out.push(c),
                }
            }
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Style {
        /// Keys sorted by their bytes, no whitespace: what the checksum is computed over.
        Canonical,
        /// Keys in order, two-space indentation: what people see if they open the file.
        Pretty,
        /// Keys in order, no whitespace: what the wizard sends.
        Compact,
    }

    fn write_string(s: &str, out: &mut String) {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
                c => out.push(c),
            }
        }
        out.push('"');
    }

    fn newline(out: &mut String, level: usize) {
        out.push('\n');
        for _ in 0..level {
            out.push_str("  ");
        }
    }

    pub fn write(v: &Value, out: &mut String, style: Style, level: usize) {
        let pretty = style == Style::Pretty;
        match v {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => out.push_str(n),
            Value::String(s) => write_string(s, out),
            Value::Array(items) => {
                if items.is_empty() {
                    out.push_str("[]");
                    return;
                }
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if pretty {
                        newline(out, level + 1);
                    }
                    write(item, out, style, level + 1);
                }
                if pretty {
                    newline(out, level);
                }
                out.push(']');
            }
            Value::Object(fields) => {
                if fields.is_empty() {
                    out.push_str("{}");
                    return;
                }
                let mut refs: Vec<&(String, Value)> = fields.iter().collect();
                if style == Style::Canonical {
                    refs.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
                }
                out.push('{');
                for (i, (k, item)) in refs.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if pretty {
                        newline(out, level + 1);
                    }
                    write_string(k, out);
                    out.push(':');
                    if pretty {
                        out.push(' ');
                    }
                    write(item, out, style, level + 1);
                }
                if pretty {
                    newline(out, level);
                }
                out.push('}');
            }
        }
    }

    /// FNV-1a, 64 bits.
    fn fnv1a64(bytes: &[u8]) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    }

    /// `fnv1a64:` and 16 lower-case hex digits of the canonical JSON of `v`.
    pub fn checksum(v: &Value) -> String {
        let mut canonical = String::new();
        write(v, &mut canonical, Style::Canonical, 0);
        format!("fnv1a64:{:016x}", fnv1a64(canonical.as_bytes()))
    }

    // --- ProfileDraft <-> Value, in serde's field names and order. ---

    fn s(v: &str) -> Value {
        Value::String(v.to_owned())
    }

    fn obj(fields: Vec<(&str, Value)>) -> Value {
        Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    }

    pub fn draft_to_value(d: &ProfileDraft) -> Value {
        obj(vec![
            ("kind", d.kind.map_or(Value::Null, |k| s(k.as_str()))),
            ("name", s(&d.name)),
            ("codice_fiscale", s(&d.codice_fiscale)),
            ("partita_iva", s(&d.partita_iva)),
            ("legal_representative_cf", s(&d.legal_representative_cf)),
            ("ipa_code", s(&d.ipa_code)),
            ("ateco", s(&d.ateco)),
            ("description", s(&d.description)),
            (
                "offers",
                Value::Array(d.offers.iter().map(offer_to_value).collect()),
            ),
            (
                "places",
                Value::Array(
                    d.places
                        .iter()
                        .map(|p| {
                            obj(vec![
                                ("address", s(&p.address)),
                                ("cap", s(&p.cap)),
                                ("comune", s(&p.comune)),
                            ])
                        })
                        .collect(),
                ),
            ),
            (
                "contacts",
                obj(vec![
                    ("person_role", s(&d.contacts.person_role)),
                    ("email", s(&d.contacts.email)),
                    ("phone", s(&d.contacts.phone)),
                    ("pec", s(&d.contacts.pec)),
                    ("website", s(&d.contacts.website)),
                ]),
            ),
            ("supply_chain", s(&d.supply_chain)),
            (
                "capacities",
                obj(vec![
                    ("structural", s(&d.capacities.structural)),
                    ("technological", s(&d.capacities.technological)),
                    ("organisational", s(&d.capacities.organisational)),
                ]),
            ),
        ])
    }

    fn offer_to_value(o: &OfferDraft) -> Value {
        obj(vec![
            ("path", o.path.map_or(Value::Null, |p| s(p.as_str()))),
            ("max_students", s(&o.max_students)),
            (
                "periods",
                Value::Array(
                    o.periods
                        .iter()
                        .map(|p| obj(vec![("from", s(&p.from)), ("to", s(&p.to))]))
                        .collect(),
                ),
            ),
            (
                "figures",
                Value::Array(o.figures.iter().map(|f| s(f)).collect()),
            ),
            ("activity", s(&o.activity)),
        ])
    }

    /// An object being read, with its path for errors. Missing keys read as empty (serde's
    /// `default`); unknown keys and wrong types are errors naming their path.
    struct Obj<'a> {
        fields: &'a [(String, Value)],
        path: String,
    }

    impl<'a> Obj<'a> {
        fn new(v: &'a Value, path: String, keys: &[&str]) -> Result<Self, String> {
            let Value::Object(fields) = v else {
                return Err(path);
            };
            if let Some((k, _)) = fields.iter().find(|(k, _)| !keys.contains(&k.as_str())) {
                return Err(format!("{path}.{k}"));
            }
            Ok(Obj { fields, path })
        }

        fn at(&self, key: &str) -> String {
            format!("{}.{key}", self.path)
        }

        fn get(&self, key: &str) -> Option<&'a Value> {
            self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
        }

        fn string(&self, key: &str) -> Result<String, String> {
            match self.get(key) {
                None => Ok(String::new()),
                Some(Value::String(v)) => Ok(v.clone()),
                Some(_) => Err(self.at(key)),
            }
        }

        fn choice<T>(
            &self,
            key: &str,
            parse: impl Fn(&str) -> Option<T>,
        ) -> Result<Option<T>, String> {
            match self.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(v)) => parse(v).map(Some).ok_or_else(|| self.at(key)),
                Some(_) => Err(self.at(key)),
            }
        }

        fn object(&self, key: &str, keys: &[&str]) -> Result<Option<Obj<'a>>, String> {
            match self.get(key) {
                None => Ok(None),
                Some(v) => Obj::new(v, self.at(key), keys).map(Some),
            }
        }

        fn array<T>(
            &self,
            key: &str,
            item: impl Fn(&'a Value, String) -> Result<T, String>,
        ) -> Result<Vec<T>, String> {
            match self.get(key) {
                None => Ok(Vec::new()),
                Some(Value::Array(items)) => items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| item(v, format!("{}[{i}]", self.at(key))))
                    .collect(),
                Some(_) => Err(self.at(key)),
            }
        }
    }

    /// The draft in a value, or the path of the first thing wrong (`draft.offers[0].path`).
    pub fn draft_from_value(v: &Value) -> Result<ProfileDraft, String> {
        let o = Obj::new(
            v,
            "draft".to_owned(),
            &[
                "kind",
                "name",
                "codice_fiscale",
                "partita_iva",
                "legal_representative_cf",
                "ipa_code",
                "ateco",
                "description",
                "offers",
                "places",
                "contacts",
                "supply_chain",
                "capacities",
            ],
        )?;
        let contacts = match o.object(
            "contacts",
            &["person_role", "email", "phone", "pec", "website"],
        )? {
            None => ContactsDraft::default(),
            Some(c) => ContactsDraft {
                person_role: c.string("person_role")?,
                email: c.string("email")?,
                phone: c.string("phone")?,
                pec: c.string("pec")?,
                website: c.string("website")?,
            },
        };
        let capacities = match o.object(
            "capacities",
            &["structural", "technological", "organisational"],
        )? {
            None => CapacitiesDraft::default(),
            Some(c) => CapacitiesDraft {
                structural: c.string("structural")?,
                technological: c.string("technological")?,
                organisational: c.string("organisational")?,
            },
        };
        Ok(ProfileDraft {
            kind: o.choice("kind", |s| HostKind::parse(s).ok())?,
            name: o.string("name")?,
            codice_fiscale: o.string("codice_fiscale")?,
            partita_iva: o.string("partita_iva")?,
            legal_representative_cf: o.string("legal_representative_cf")?,
            ipa_code: o.string("ipa_code")?,
            ateco: o.string("ateco")?,
            description: o.string("description")?,
            offers: o.array("offers", offer_from_value)?,
            places: o.array("places", |v, path| {
                let p = Obj::new(v, path, &["address", "cap", "comune"])?;
                Ok(PlaceDraft {
                    address: p.string("address")?,
                    cap: p.string("cap")?,
                    comune: p.string("comune")?,
                })
            })?,
            contacts,
            supply_chain: o.string("supply_chain")?,
            capacities,
        })
    }

    fn offer_from_value(v: &Value, path: String) -> Result<OfferDraft, String> {
        let o = Obj::new(
            v,
            path,
            &["path", "max_students", "periods", "figures", "activity"],
        )?;
        Ok(OfferDraft {
            path: o.choice("path", |s| PathKind::parse(s).ok())?,
            max_students: o.string("max_students")?,
            periods: o.array("periods", |v, path| {
                let p = Obj::new(v, path, &["from", "to"])?;
                Ok(PeriodDraft {
                    from: p.string("from")?,
                    to: p.string("to")?,
                })
            })?,
            figures: o.array("figures", |v, path| match v {
                Value::String(f) => Ok(f.clone()),
                _ => Err(path),
            })?,
            activity: o.string("activity")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use proptest::prelude::*;

    // Invented people and bodies; check characters computed with the official algorithms.
    const CF_GIULIA: &str = "VRDGLI92C55H501O";
    const CF_LUCA: &str = "BNCLCU01A01F205C";
    const PIVA: &str = "12345678903";
    const PIVA_2: &str = "01234567897";
    const CF_ENTE: &str = "80012345676";

    fn offer(path: PathKind) -> OfferDraft {
        OfferDraft {
            path: Some(path),
            max_students: " 4 ".to_owned(),
            periods: vec![PeriodDraft {
                from: "2026-02-02".to_owned(),
                to: "2026-05-29".to_owned(),
            }],
            figures: vec!["6.2.3".to_owned(), "3.1.2.1".to_owned()],
            activity: "Affiancamento ai tecnici nella manutenzione di impianti.".to_owned(),
        }
    }

    fn impresa() -> ProfileDraft {
        ProfileDraft {
            kind: Some(HostKind::Impresa),
            name: "  Officine Esempio S.r.l. ".to_owned(),
            partita_iva: PIVA.to_owned(),
            legal_representative_cf: CF_LUCA.to_lowercase(),
            ateco: "25.62".to_owned(),
            description: "Officina meccanica di precisione.".to_owned(),
            offers: vec![offer(PathKind::Pcto), offer(PathKind::Apprendistato)],
            places: vec![PlaceDraft {
                address: "Via dell'Esempio 12".to_owned(),
                cap: "00184".to_owned(),
                comune: "058091".to_owned(),
            }],
            contacts: ContactsDraft {
                person_role: "Responsabile formazione".to_owned(),
                email: "formazione@esempio.it".to_owned(),
                phone: "+39 06 1234567".to_owned(),
                pec: String::new(),
                website: "https://www.esempio.it".to_owned(),
            },
            supply_chain: String::new(),
            capacities: CapacitiesDraft {
                structural: "Capannone di 2.000 m².".to_owned(),
                ..Default::default()
            },
            // Ignored for a company.
            ipa_code: "not checked!".to_owned(),
            codice_fiscale: "not checked either".to_owned(),
        }
    }

    fn professionista() -> ProfileDraft {
        ProfileDraft {
            kind: Some(HostKind::Professionista),
            name: "Studio Verdi".to_owned(),
            codice_fiscale: CF_GIULIA.to_owned(),
            partita_iva: String::new(),
            legal_representative_cf: String::new(),
            ateco: String::new(),
            contacts: ContactsDraft {
                email: "studio@verdi.example.it".to_owned(),
                pec: "giulia.verdi@pec.example.it".to_owned(),
                ..Default::default()
            },
            ..impresa()
        }
    }

    fn ente_pubblico() -> ProfileDraft {
        ProfileDraft {
            kind: Some(HostKind::EntePubblico),
            name: "Comune di Esempio".to_owned(),
            ipa_code: "c_z999".to_owned(),
            codice_fiscale: CF_ENTE.to_owned(),
            partita_iva: String::new(),
            legal_representative_cf: String::new(),
            ateco: String::new(),
            contacts: ContactsDraft {
                phone: "06 1234567".to_owned(),
                pec: "protocollo@pec.comune.esempio.it".to_owned(),
                ..Default::default()
            },
            ..impresa()
        }
    }

    fn ente_privato() -> ProfileDraft {
        ProfileDraft {
            kind: Some(HostKind::EntePrivato),
            name: "Fondazione Esempio".to_owned(),
            codice_fiscale: CF_ENTE.to_owned(),
            partita_iva: String::new(),
            legal_representative_cf: String::new(),
            ipa_code: String::new(),
            ateco: String::new(),
            contacts: ContactsDraft {
                pec: "fondazione@pec.esempio.it".to_owned(),
                ..impresa().contacts
            },
            ..impresa()
        }
    }

    fn paths(r: Result<ValidProfile, Vec<FieldError>>) -> Vec<String> {
        let errs = r.expect_err("expected errors");
        for e in &errs {
            assert_eq!(e.code, ErrorCode::InvalidField, "{e}");
            assert!(!e.message.is_empty());
        }
        errs.into_iter().filter_map(|e| e.field).collect()
    }

    fn errors_of(d: &ProfileDraft) -> Vec<String> {
        paths(d.validate())
    }

    #[test]
    fn valid_drafts_of_every_kind() {
        let v = impresa().validate().unwrap();
        assert_eq!(v.kind(), HostKind::Impresa);
        assert_eq!(v.name, "Officine Esempio S.r.l.");
        assert_eq!(
            v.identity,
            HostIdentity::Impresa {
                partita_iva: PartitaIva::parse(PIVA).unwrap(),
                legal_representative_cf: CodiceFiscale::parse(CF_LUCA).unwrap(),
            }
        );
        assert_eq!(v.ateco.as_ref().map(AtecoCode::as_str), Some("25.62"));
        assert_eq!(v.offers.len(), 2);
        assert_eq!(v.offers[0].max_students, 4);
        assert_eq!(v.offers[0].figures[1].as_str(), "3.1.2.1");
        assert_eq!(v.places[0].cap, "00184");
        assert_eq!(v.contacts.pec, None);
        assert_eq!(v.supply_chain, None);
        assert_eq!(
            v.capacities.joined().as_deref(),
            Some("Capacità strutturali: Capannone di 2.000 m².")
        );

        let v = professionista().validate().unwrap();
        assert!(matches!(
            v.identity,
            HostIdentity::Professionista {
                partita_iva: None,
                ..
            }
        ));
        let mut d = professionista();
        d.partita_iva = PIVA_2.to_owned();
        let v = d.validate().unwrap();
        assert!(matches!(
            v.identity,
            HostIdentity::Professionista {
                partita_iva: Some(_),
                ..
            }
        ));

        let v = ente_pubblico().validate().unwrap();
        assert_eq!(v.kind(), HostKind::EntePubblico);
        assert_eq!(v.ateco, None);
        let v = ente_privato().validate().unwrap();
        assert_eq!(v.kind(), HostKind::EntePrivato);
        // A private body run by a person gives a personal code.
        let mut d = ente_privato();
        d.codice_fiscale = CF_GIULIA.to_owned();
        assert!(d.validate().is_ok());
    }

    #[test]
    fn an_empty_draft_reports_every_missing_section_at_once() {
        assert_eq!(
            errors_of(&ProfileDraft::default()),
            ["kind", "name", "offers", "places", "contacts"]
        );
    }

    #[test]
    fn each_rule_names_its_field() {
        type Mutation = fn(&mut ProfileDraft);
        let cases: Vec<(Mutation, &str)> = vec![
            (|d| d.kind = None, "kind"),
            (|d| d.name = " A ".into(), "name"),
            (|d| d.name = "x".repeat(201), "name"),
            (|d| d.partita_iva = String::new(), "partita_iva"),
            (|d| d.partita_iva = "12345678901".into(), "partita_iva"),
            (
                |d| d.legal_representative_cf = String::new(),
                "legal_representative_cf",
            ),
            (
                |d| d.legal_representative_cf = "BNCLCU01A01F205X".into(),
                "legal_representative_cf",
            ),
            (
                |d| d.legal_representative_cf = CF_ENTE.into(),
                "legal_representative_cf",
            ),
            (|d| d.ateco = String::new(), "ateco"),
            (|d| d.ateco = "2".into(), "ateco"),
            (|d| d.description = "x".repeat(2001), "description"),
            (|d| d.offers.clear(), "offers"),
            (|d| d.offers.push(offer(PathKind::Pcto)), "offers"),
            (
                |d| d.offers[1].path = Some(PathKind::Pcto),
                "offers[1].path",
            ),
            (|d| d.offers[0].path = None, "offers[0].path"),
            (
                |d| d.offers[0].max_students = String::new(),
                "offers[0].max_students",
            ),
            (
                |d| d.offers[0].max_students = "0".into(),
                "offers[0].max_students",
            ),
            (
                |d| d.offers[0].max_students = "501".into(),
                "offers[0].max_students",
            ),
            (
                |d| d.offers[0].max_students = "+3".into(),
                "offers[0].max_students",
            ),
            (
                |d| d.offers[1].max_students = "tre".into(),
                "offers[1].max_students",
            ),
            (|d| d.offers[0].periods.clear(), "offers[0].periods"),
            (
                |d| d.offers[0].periods = vec![PeriodDraft::default(); 25],
                "offers[0].periods",
            ),
            (
                |d| d.offers[0].periods[0].from = String::new(),
                "offers[0].periods[0].from",
            ),
            (
                |d| d.offers[0].periods[0].to = "29/05/2026".into(),
                "offers[0].periods[0].to",
            ),
            (
                |d| d.offers[0].periods[0].to = "2026-02-30".into(),
                "offers[0].periods[0].to",
            ),
            (
                |d| d.offers[0].periods[0].from = "1999-02-01".into(),
                "offers[0].periods[0].from",
            ),
            (
                |d| d.offers[0].periods[0].to = "2026-01-01".into(),
                "offers[0].periods[0]",
            ),
            (
                |d| d.offers[0].periods[0].to = "2028-06-01".into(),
                "offers[0].periods[0]",
            ),
            (|d| d.offers[0].figures.clear(), "offers[0].figures"),
            (
                |d| d.offers[0].figures = vec!["1".into(); 51],
                "offers[0].figures",
            ),
            (
                |d| d.offers[0].figures[1] = "6.22".into(),
                "offers[0].figures[1]",
            ),
            (
                |d| d.offers[0].figures[1] = "6.2.3".into(),
                "offers[0].figures[1]",
            ),
            (
                |d| d.offers[1].activity = "Troppo breve".into(),
                "offers[1].activity",
            ),
            (
                |d| d.offers[1].activity = "x".repeat(2001),
                "offers[1].activity",
            ),
            (|d| d.places.clear(), "places"),
            (|d| d.places = vec![PlaceDraft::default(); 51], "places"),
            (|d| d.places[0].address = " ".into(), "places[0].address"),
            (|d| d.places[0].cap = String::new(), "places[0].cap"),
            (|d| d.places[0].cap = "0018".into(), "places[0].cap"),
            (|d| d.places[0].cap = "0018A".into(), "places[0].cap"),
            (|d| d.places[0].comune = String::new(), "places[0].comune"),
            (|d| d.places[0].comune = "58091".into(), "places[0].comune"),
            (
                |d| d.contacts.person_role = "x".repeat(201),
                "contacts.person_role",
            ),
            (
                |d| d.contacts.email = "formazione@esempio".into(),
                "contacts.email",
            ),
            (
                |d| d.contacts.email = "formazione esempio.it".into(),
                "contacts.email",
            ),
            (|d| d.contacts.phone = "12345".into(), "contacts.phone"),
            (
                |d| {
                    d.contacts.email = String::new();
                    d.contacts.phone = String::new();
                },
                "contacts",
            ),
            (|d| d.contacts.pec = "pec@".into(), "contacts.pec"),
            (
                |d| d.contacts.website = "www.esempio.it".into(),
                "contacts.website",
            ),
            (
                |d| d.contacts.website = "ftp://esempio.it".into(),
                "contacts.website",
            ),
            (|d| d.supply_chain = "x".repeat(2001), "supply_chain"),
            (
                |d| d.capacities.structural = "x".repeat(2001),
                "capacities.structural",
            ),
            (
                |d| d.capacities.technological = "x".repeat(2001),
                "capacities.technological",
            ),
            (
                |d| d.capacities.organisational = "x".repeat(2001),
                "capacities.organisational",
            ),
        ];
        for (i, (mutate, path)) in cases.into_iter().enumerate() {
            let mut d = impresa();
            mutate(&mut d);
            let errs = errors_of(&d);
            assert!(
                errs.iter().any(|e| e == path),
                "case {i}: {path} not in {errs:?}"
            );
        }
    }

    #[test]
    fn identity_rules_follow_the_kind() {
        let mut d = professionista();
        d.codice_fiscale = String::new();
        d.contacts.pec = String::new();
        d.partita_iva = "123".into();
        assert_eq!(
            errors_of(&d),
            ["codice_fiscale", "partita_iva", "contacts.pec"]
        );
        // A professional's code is personal: 11 digits are refused.
        let mut d = professionista();
        d.codice_fiscale = CF_ENTE.into();
        assert_eq!(errors_of(&d), ["codice_fiscale"]);

        let mut d = ente_pubblico();
        d.ipa_code = String::new();
        d.codice_fiscale = "80012345670".into();
        d.contacts.pec = String::new();
        assert_eq!(
            errors_of(&d),
            ["ipa_code", "codice_fiscale", "contacts.pec"]
        );
        let mut d = ente_pubblico();
        d.ipa_code = "c h501".into();
        assert_eq!(errors_of(&d), ["ipa_code"]);
        d.ipa_code = "x".repeat(21);
        assert_eq!(errors_of(&d), ["ipa_code"]);

        let mut d = ente_privato();
        d.codice_fiscale = String::new();
        assert_eq!(errors_of(&d), ["codice_fiscale"]);
        // No PEC needed from a private body or a company.
        assert!(ente_privato().validate().is_ok());
        // ATECO optional but checked for the others.
        let mut d = ente_privato();
        d.ateco = "9".into();
        assert_eq!(errors_of(&d), ["ateco"]);
    }

    #[test]
    fn all_problems_are_reported_at_once_in_form_order() {
        let mut d = impresa();
        d.name = String::new();
        d.offers[0].max_students = "0".into();
        d.offers[0].periods[0].from = "2026-13-01".into();
        d.offers[1].figures[0] = "x".into();
        d.places.push(PlaceDraft {
            address: "Piazza Esempio 1".into(),
            cap: "1234".into(),
            comune: "001".into(),
        });
        d.contacts.website = "esempio.it".into();
        assert_eq!(
            errors_of(&d),
            [
                "name",
                "offers[0].max_students",
                "offers[0].periods[0].from",
                "offers[1].figures[0]",
                "places[1].cap",
                "places[1].comune",
                "contacts.website",
            ]
        );
    }

    #[test]
    fn messages_are_italian() {
        let mut d = impresa();
        d.offers[0].max_students = "0".into();
        d.places[0].cap = "1".into();
        let errs = d.validate().unwrap_err();
        assert_eq!(
            errs[0].message,
            "Il numero massimo di studenti è un numero intero da 1 a 500."
        );
        assert_eq!(errs[1].message, "Il CAP ha 5 cifre (per esempio 00184).");
        let mut d = impresa();
        d.offers[0].activity = "Breve".into();
        let errs = d.validate().unwrap_err();
        assert_eq!(
            errs[0].message,
            "La descrizione delle attività da svolgere deve avere almeno 20 caratteri (ne ha 5)."
        );
    }

    #[test]
    fn shapes() {
        for ok in [
            "a@b.it",
            "nome.cognome+x@sub.dominio.it",
            "ufficio@comune.forlì.it",
        ] {
            assert!(is_email_shaped(ok), "{ok}");
        }
        for bad in [
            "", "a", "a@", "@b.it", "a@b", "a@b.", "a@.it", "a b@c.it", "a@b..it", "a@@b.it",
            ".a@b.it", "a@-b.it", "a@b.i", "a@b.12",
        ] {
            assert!(!is_email_shaped(bad), "{bad}");
        }
        for ok in [
            "+39 06 1234567",
            "06/1234567",
            "(06) 123-4567",
            "3331234567",
        ] {
            assert!(is_phone_shaped(ok), "{ok}");
        }
        for bad in [
            "12345",
            "+",
            "06 12345 x",
            "1234567890123456",
            "39+061234567",
        ] {
            assert!(!is_phone_shaped(bad), "{bad}");
        }
        for ok in [
            "https://www.esempio.it",
            "http://esempio.it/percorsi?x=1",
            "HTTPS://A.IT:8443/",
        ] {
            assert!(is_website_shaped(ok), "{ok}");
        }
        for bad in [
            "www.esempio.it",
            "https://",
            "https://localhost",
            "https://a .it",
            "javascript:alert(1)",
        ] {
            assert!(!is_website_shaped(bad), "{bad}");
        }
    }

    struct Refs;

    impl ReferenceData for Refs {
        fn figure_title(&self, code: &Cp2011Code) -> Option<String> {
            (code.as_str() != "3.1.2.1").then(|| format!("Figura {code}"))
        }
        fn comune(&self, code: &IstatComune) -> Option<(String, String)> {
            (code.as_str() == "058091").then(|| ("Roma".to_owned(), "RM".to_owned()))
        }
        fn ateco_exists(&self, code: &AtecoCode) -> bool {
            code.as_str() == "25.62"
        }
    }

    #[test]
    fn to_body_uses_the_reference_data_and_reports_unknown_codes() {
        let mut d = impresa();
        d.offers[0].figures = vec!["6.2.3".into()];
        d.offers.truncate(1);
        let body = d.validate().unwrap().to_body(&Refs).unwrap();
        assert_eq!(body.offers[0].figures[0].title, "Figura 6.2.3");
        assert_eq!(body.places[0].comune_name, "Roma");
        assert_eq!(body.places[0].province, "RM");
        assert_eq!(body.places[0].cap.as_deref(), Some("00184"));
        assert_eq!(
            body.contacts.email.as_deref(),
            Some("formazione@esempio.it")
        );

        let mut d = impresa();
        d.ateco = "62.10".into();
        d.places[0].comune = "999999".into();
        let errs = d.validate().unwrap().to_body(&Refs).unwrap_err();
        let fields: Vec<_> = errs
            .iter()
            .map(|e| (e.code, e.field.clone().unwrap()))
            .collect();
        assert_eq!(
            fields,
            [
                (ErrorCode::UnknownCode, "ateco".to_owned()),
                (ErrorCode::UnknownCode, "offers[0].figures[1]".to_owned()),
                (ErrorCode::UnknownCode, "offers[1].figures[1]".to_owned()),
                (ErrorCode::UnknownCode, "places[0].comune".to_owned()),
            ]
        );
    }

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

    // --- The draft file. ---

    fn at() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 1)
            .unwrap()
            .and_hms_opt(10, 5, 9)
            .unwrap()
    }

    /// A half-filled draft with text that needs escaping.
    fn half_filled() -> ProfileDraft {
        let mut d = impresa();
        d.kind = None;
        d.name = "Caffè \"Al Ponte\" \\ tab\t nl\n ctl\u{1} emoji 🌉".to_owned();
        d.offers[0].max_students = "tre".to_owned();
        d.offers[1].path = None;
        d
    }

    #[test]
    fn a_draft_file_round_trips() {
        for d in [
            impresa(),
            half_filled(),
            ProfileDraft::default(),
            ente_pubblico(),
        ] {
            let text = DraftFile::to_json(&d, at());
            let loaded = DraftFile::load(&text).unwrap();
            assert_eq!(loaded.draft, d);
            assert_eq!(loaded.saved_at, at());
            assert_eq!(DraftFile::from_json(&text).unwrap(), d);
            assert_eq!(DraftFile::from_bytes(text.as_bytes()).unwrap(), d);
        }
        assert_eq!(DraftFile::file_name(at()), "bozza-profilo-2026-03-01.json");
        let text = DraftFile::to_json(&ProfileDraft::default(), at());
        assert!(
            text.starts_with("{\n  \"format\": \"ponte-bozza-profilo\",\n  \"version\": 1,\n"),
            "{text}"
        );
        assert!(text.contains("\n    \"offers\": [],\n"), "{text}");
    }

    #[test]
    fn the_file_has_the_documented_shape_and_serdes_draft_form() {
        let d = half_filled();
        let text = DraftFile::to_json(&d, at());
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["format"], "ponte-bozza-profilo");
        assert_eq!(v["version"], 1);
        assert_eq!(v["saved_at"], "2026-03-01T10:05:09Z");
        assert_eq!(v["draft"], serde_json::to_value(&d).unwrap());
        let checksum = v["checksum"].as_str().unwrap();
        assert!(
            checksum.starts_with("fnv1a64:") && checksum.len() == 24,
            "{checksum}"
        );
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 5);
        // serde_json's compact form of the file is also loadable: whitespace does not matter.
        let compact = serde_json::to_string(&v).unwrap();
        assert_eq!(DraftFile::from_json(&compact).unwrap(), d);
        // Nor does a byte-order mark.
        assert_eq!(DraftFile::from_json(&format!("\u{feff}{text}")).unwrap(), d);
    }

    #[test]
    fn the_checksum_is_fnv1a_over_the_canonical_draft() {
        assert_eq!(json::checksum(&json::Value::Object(vec![])), {
            // FNV-1a 64 of "{}".
            let mut h: u64 = 0xcbf29ce484222325;
            for b in b"{}" {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x100000001b3);
            }
            format!("fnv1a64:{h:016x}")
        });
        let a = json::parse(r#"{"b":[1,"x"],"a":null}"#).unwrap();
        let b = json::parse("{ \"a\" : null ,\n \"b\" : [ 1 , \"\\u0078\" ] }").unwrap();
        assert_eq!(json::checksum(&a), json::checksum(&b));
    }

    #[test]
    fn edited_files_are_refused_as_tampered() {
        let text = DraftFile::to_json(&impresa(), at());
        let edited = text.replacen("\"max_students\": \" 4 \"", "\"max_students\": \" 9 \"", 1);
        assert_ne!(edited, text);
        assert_eq!(DraftFile::from_json(&edited), Err(DraftFileError::Tampered));
        let edited = text.replacen("\"checksum\": \"fnv1a64:", "\"checksum\": \"fnv1a64:0", 1);
        assert_eq!(DraftFile::from_json(&edited), Err(DraftFileError::Tampered));
        // Changing only when it was saved is not tampering with the draft.
        let edited = text.replacen("2026-03-01T10:05:09Z", "2026-03-02T10:05:09Z", 1);
        assert!(DraftFile::from_json(&edited).is_ok());
    }

    #[test]
    fn foreign_and_broken_files_have_their_own_errors() {
        use DraftFileError::*;
        let cases: Vec<(String, DraftFileError)> = vec![
            (String::new(), NotJson),
            ("ciao".into(), NotJson),
            ("{\"format\":".into(), NotJson),
            ("{\"a\":1,\"a\":2}".into(), NotJson),
            ("\"\\ud800\"".into(), NotJson),
            ("[".repeat(100_000), NotJson),
            ("[]".into(), ForeignFormat),
            ("{}".into(), ForeignFormat),
            ("{\"format\":\"altro\",\"version\":1}".into(), ForeignFormat),
            (
                "{\"format\":\"ponte-bozza-profilo\"}".into(),
                Malformed {
                    path: "version".into(),
                },
            ),
            (
                "{\"format\":\"ponte-bozza-profilo\",\"version\":1.5}".into(),
                Malformed {
                    path: "version".into(),
                },
            ),
            (
                "{\"format\":\"ponte-bozza-profilo\",\"version\":0}".into(),
                OlderVersion { found: 0 },
            ),
            (
                "{\"format\":\"ponte-bozza-profilo\",\"version\":2}".into(),
                NewerVersion { found: 2 },
            ),
            (
                "{\"format\":\"ponte-bozza-profilo\",\"version\":99999999999999999999999}".into(),
                NewerVersion { found: i64::MAX },
            ),
            (
                "{\"format\":\"ponte-bozza-profilo\",\"version\":1}".into(),
                Malformed {
                    path: "draft".into(),
                },
            ),
        ];
        for (text, expected) in cases {
            let short: String = text.chars().take(60).collect();
            assert_eq!(DraftFile::from_json(&text), Err(expected), "{short}");
        }
        assert_eq!(DraftFile::from_bytes(&[0xff, 0xfe, b'{']), Err(NotJson));
    }

    #[test]
    fn too_large_files_are_refused_before_reading() {
        let big = " ".repeat(DraftFile::MAX_BYTES + 1);
        assert_eq!(
            DraftFile::from_json(&big),
            Err(DraftFileError::TooLarge {
                bytes: DraftFile::MAX_BYTES + 1
            })
        );
        assert!(matches!(
            DraftFile::from_bytes(big.as_bytes()),
            Err(DraftFileError::TooLarge { .. })
        ));
        let e = DraftFileError::TooLarge { bytes: 300 * 1024 };
        assert!(e.message().contains("300 KB") && e.message().contains("256 KB"));
    }

    /// A file with a right checksum over a wrong draft: what a forger (or a bug) would make.
    fn forged(draft_json: &str) -> String {
        let v = json::parse(draft_json).unwrap();
        format!(
            "{{\"format\":\"ponte-bozza-profilo\",\"version\":1,\"saved_at\":\"2026-03-01T10:05:09Z\",\"draft\":{draft_json},\"checksum\":\"{}\"}}",
            json::checksum(&v)
        )
    }

    #[test]
    fn a_forged_file_with_wrong_types_is_malformed_with_its_path() {
        for (draft, path) in [
            ("[]", "draft"),
            ("{\"name\":3}", "draft.name"),
            ("{\"kind\":\"azienda\"}", "draft.kind"),
            ("{\"extra\":\"\"}", "draft.extra"),
            ("{\"offers\":{}}", "draft.offers"),
            (
                "{\"offers\":[{\"path\":\"stage\"}]}",
                "draft.offers[0].path",
            ),
            (
                "{\"offers\":[{\"periods\":[{\"from\":null}]}]}",
                "draft.offers[0].periods[0].from",
            ),
            (
                "{\"offers\":[{},{\"figures\":[\"1\",2]}]}",
                "draft.offers[1].figures[1]",
            ),
            ("{\"places\":[{\"cap\":false}]}", "draft.places[0].cap"),
            ("{\"contacts\":{\"fax\":\"\"}}", "draft.contacts.fax"),
            ("{\"capacities\":[]}", "draft.capacities"),
        ] {
            assert_eq!(
                DraftFile::from_json(&forged(draft)),
                Err(DraftFileError::Malformed { path: path.into() }),
                "{draft}"
            );
        }
        // Missing fields read as empty, like serde's `default`.
        assert_eq!(
            DraftFile::from_json(&forged("{\"name\":\"Ente\"}")).unwrap(),
            ProfileDraft {
                name: "Ente".into(),
                ..Default::default()
            }
        );
        // A bad timestamp.
        let text = forged("{}").replace("2026-03-01T10:05:09Z", "ieri");
        assert_eq!(
            DraftFile::from_json(&text),
            Err(DraftFileError::Malformed {
                path: "saved_at".into()
            })
        );
        let text = forged("{}").replacen("{", "{\"x\":1,", 1);
        assert_eq!(
            DraftFile::from_json(&text),
            Err(DraftFileError::Malformed { path: "x".into() })
        );
    }

    #[test]
    fn error_codes_and_messages() {
        let all = [
            DraftFileError::TooLarge { bytes: 1 },
            DraftFileError::NotJson,
            DraftFileError::ForeignFormat,
            DraftFileError::OlderVersion { found: 0 },
            DraftFileError::NewerVersion { found: 2 },
            DraftFileError::Tampered,
            DraftFileError::Malformed {
                path: "draft".into(),
            },
        ];
        let mut codes: Vec<&str> = all.iter().map(DraftFileError::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        for e in &all {
            let f = e.to_field_error();
            assert_eq!(f.field.as_deref(), Some("bozza"));
            assert_eq!(f.message, e.to_string());
        }
        assert!(DraftFileError::OlderVersion { found: 0 }
            .message()
            .contains("precedente"));
        assert!(DraftFileError::NewerVersion { found: 2 }
            .message()
            .contains("più recente"));
    }

    #[test]
    fn a_full_profile_at_every_limit_fits_in_a_file() {
        let mut d = impresa();
        let long = "à".repeat(limits::TEXT_MAX);
        d.name = "n".repeat(limits::NAME_MAX);
        d.description = long.clone();
        d.supply_chain = long.clone();
        d.capacities = CapacitiesDraft {
            structural: long.clone(),
            technological: long.clone(),
            organisational: long.clone(),
        };
        for o in &mut d.offers {
            o.activity = "a".repeat(limits::ACTIVITY_MAX);
            o.figures = (0..limits::MAX_FIGURES)
                .map(|i| format!("{}.{}", i / 10 + 1, i % 10))
                .collect();
            o.periods = vec![o.periods[0].clone(); limits::MAX_PERIODS];
        }
        d.places = vec![
            PlaceDraft {
                address: "v".repeat(limits::ADDRESS_MAX),
                cap: "00184".into(),
                comune: "058091".into(),
            };
            limits::MAX_PLACES
        ];
        d.validate().unwrap();
        let text = DraftFile::to_json(&d, at());
        assert!(text.len() < DraftFile::MAX_BYTES, "{}", text.len());
        assert_eq!(DraftFile::from_json(&text).unwrap(), d);
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![any::<String>(), "\\PC{0,12}", Just(String::new())]
    }

    prop_compose! {
        fn any_draft()(
            texts in proptest::collection::vec(any_text(), 20),
            kind in proptest::option::of(proptest::sample::select(HostKind::ALL.to_vec())),
            path in proptest::option::of(proptest::sample::select(PathKind::ALL.to_vec())),
            figures in proptest::collection::vec(any_text(), 0..3),
            n_places in 0usize..3,
        ) -> ProfileDraft {
            let t = |i: usize| texts[i].clone();
            ProfileDraft {
                kind,
                name: t(0),
                codice_fiscale: t(1),
                partita_iva: t(2),
                legal_representative_cf: t(3),
                ipa_code: t(4),
                ateco: t(5),
                description: t(6),
                offers: vec![OfferDraft {
                    path,
                    max_students: t(7),
                    periods: vec![PeriodDraft { from: t(8), to: t(9) }],
                    figures,
                    activity: t(10),
                }],
                places: vec![PlaceDraft { address: t(11), cap: t(12), comune: t(13) }; n_places],
                contacts: ContactsDraft {
                    person_role: t(14),
                    email: t(15),
                    phone: t(16),
                    pec: t(17),
                    website: t(18),
                },
                supply_chain: t(19),
                capacities: CapacitiesDraft::default(),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn from_json_never_panics_on_any_text(s in any::<String>()) {
            let _ = DraftFile::from_json(&s);
        }

        #[test]
        fn from_json_never_panics_on_json_like_text(s in "[\\[\\]{}:,\"0-9a-z\\\\ .eE+-]{0,200}") {
            let _ = DraftFile::from_json(&s);
        }

        #[test]
        fn from_bytes_never_panics_on_any_bytes(b in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = DraftFile::from_bytes(&b);
        }

        #[test]
        fn any_draft_round_trips_and_validates_without_panic(d in any_draft()) {
            let text = DraftFile::to_json(&d, at());
            prop_assert_eq!(DraftFile::from_json(&text).unwrap(), d.clone());
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(&v["draft"], &serde_json::to_value(&d).unwrap());
            // What the wizard sends is serde's form too, and serde reads it back.
            let sent = d.to_json();
            prop_assert_eq!(serde_json::to_string(&d).unwrap(), sent.clone());
            prop_assert_eq!(serde_json::from_str::<ProfileDraft>(&sent).unwrap(), d.clone());
            let _ = d.validate();
        }

        #[test]
        fn a_damaged_file_is_refused_never_misread(
            pos in any::<prop::sample::Index>(),
            byte in any::<u8>(),
        ) {
            let d = half_filled();
            let mut bytes = DraftFile::to_json(&d, at()).into_bytes();
            let i = pos.index(bytes.len());
            prop_assume!(bytes[i] != byte);
            bytes[i] = byte;
            // Either refused, or the damage was in whitespace/saved_at and the draft is intact.
            if let Ok(loaded) = DraftFile::from_bytes(&bytes) {
                prop_assert_eq!(loaded, d);
            }
        }
    }
}
