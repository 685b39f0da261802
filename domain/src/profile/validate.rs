//! Validation of a [`ProfileDraft`]: every field's form, all problems at once, in the order of
//! the form; then [`ValidProfile::to_body`] with what the reference data says of its codes.

use super::{Capacities, HostIdentity, ProfileDraft, ValidOffer, ValidPlace, ValidProfile};
use crate::error::FieldError;
use crate::hosts::{
    AtecoCode, Contacts, Cp2011Code, Figure, HostKind, PathKind, Period, Place, ProfileBody,
};
use crate::identity::{CodiceFiscale, CodiceFiscaleEnte, IpaCode, PartitaIva};
use crate::messages::{Msg, ToArg};
use crate::place::IstatComune;
use chrono::NaiveDate;

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
    fn push(&mut self, path: &str, msg: Msg, args: &[(&'static str, &dyn ToArg)]) {
        self.0.push(FieldError::invalid_says(path, msg, args));
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
    /// («la denominazione»), a phrase of the catalogue.
    fn text(&mut self, raw: &str, path: &str, min: usize, max: usize, what: Msg) -> Option<String> {
        let t = raw.trim();
        let n = t.chars().count();
        if n == 0 && min > 0 {
            self.push(path, Msg::EnterWhat, &[("what", &what)]);
            None
        } else if n < min {
            self.push(
                path,
                Msg::TextTooShort,
                &[("what", &what), ("min", &min), ("n", &n)],
            );
            None
        } else if n > max {
            self.push(
                path,
                Msg::TextTooLong,
                &[("what", &what), ("max", &max), ("n", &n)],
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
        what: Msg,
    ) -> Option<Option<String>> {
        if raw.trim().is_empty() {
            Some(None)
        } else {
            self.text(raw, path, 1, max, what).map(Some)
        }
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
fn parse_date(raw: &str) -> Result<NaiveDate, Msg> {
    let err = || Msg::ProfileDateForm;
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
        return Err(Msg::YearRange);
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(Msg::DateNotInCalendar)
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
            e.push("kind", Msg::HostKindMissing, &[]);
        }
        let name = e.text(&self.name, "name", NAME_MIN, NAME_MAX, Msg::PhraseHostName);
        let identity = self.kind.and_then(|k| self.identity(k, &mut e));

        let ateco = if self.ateco.trim().is_empty() {
            if self.kind == Some(HostKind::Impresa) {
                e.push("ateco", Msg::AtecoMissing, &[]);
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
            Msg::PhraseHostDescription,
        );

        let offers = self.validate_offers(&mut e);
        let places = self.validate_places(&mut e);
        let contacts = self.validate_contacts(&mut e);

        let supply_chain = e.optional_text(
            &self.supply_chain,
            "supply_chain",
            TEXT_MAX,
            Msg::PhraseSupplyChain,
        );
        let c = &self.capacities;
        let structural = e.optional_text(
            &c.structural,
            "capacities.structural",
            TEXT_MAX,
            Msg::PhraseStructuralCapacity,
        );
        let technological = e.optional_text(
            &c.technological,
            "capacities.technological",
            TEXT_MAX,
            Msg::PhraseTechnologicalCapacity,
        );
        let organisational = e.optional_text(
            &c.organisational,
            "capacities.organisational",
            TEXT_MAX,
            Msg::PhraseOrganisationalCapacity,
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
        let personal = |raw: &str, path: &str, e: &mut Errors, what: Msg| {
            if raw.trim().is_empty() {
                e.push(path, Msg::EnterWhat, &[("what", &what)]);
                None
            } else {
                e.take(CodiceFiscale::parse_field(raw, path), path)
            }
        };
        let body_cf = |raw: &str, e: &mut Errors| {
            if raw.trim().is_empty() {
                e.push("codice_fiscale", Msg::BodyCfMissing, &[]);
                None
            } else {
                e.take(CodiceFiscaleEnte::parse(raw), "codice_fiscale")
            }
        };
        match kind {
            HostKind::Impresa => {
                let piva = if self.partita_iva.trim().is_empty() {
                    e.push("partita_iva", Msg::PartitaIvaMissing, &[]);
                    None
                } else {
                    e.take(PartitaIva::parse(&self.partita_iva), "partita_iva")
                };
                let rep = personal(
                    &self.legal_representative_cf,
                    "legal_representative_cf",
                    e,
                    Msg::PhraseRepresentativeCf,
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
                    Msg::PhraseProfessionalCf,
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
            e.push("offers", Msg::OffersMissing, &[]);
            return None;
        }
        if self.offers.len() > PathKind::ALL.len() {
            e.push("offers", Msg::TooManyOffers, &[]);
            return None;
        }
        let mut out = Vec::with_capacity(self.offers.len());
        let mut ok = true;
        let mut seen: Vec<PathKind> = Vec::new();
        for (i, o) in self.offers.iter().enumerate() {
            let at = |f: &str| format!("offers[{i}].{f}");
            let path = match o.path {
                None => {
                    e.push(&at("path"), Msg::PathMissing, &[]);
                    None
                }
                Some(p) if seen.contains(&p) => {
                    e.push(&at("path"), Msg::PathRepeated, &[("path", &p.label())]);
                    None
                }
                Some(p) => {
                    seen.push(p);
                    Some(p)
                }
            };

            let raw = o.max_students.trim();
            let max_students = if raw.is_empty() {
                e.push(&at("max_students"), Msg::MaxStudentsMissing, &[]);
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
                            Msg::MaxStudentsRange,
                            &[("max", &MAX_STUDENTS)],
                        );
                        None
                    }
                }
            };

            let periods = if o.periods.is_empty() {
                e.push(&at("periods"), Msg::PeriodsMissing, &[]);
                None
            } else if o.periods.len() > MAX_PERIODS {
                e.push(
                    &at("periods"),
                    Msg::TooManyPeriods,
                    &[("max", &MAX_PERIODS)],
                );
                None
            } else {
                let mut ps = Vec::with_capacity(o.periods.len());
                let mut all = true;
                for (j, p) in o.periods.iter().enumerate() {
                    let base = at(&format!("periods[{j}]"));
                    let date = |raw: &str, end: &str, missing: Msg, e: &mut Errors| {
                        let raw = raw.trim();
                        let path = format!("{base}.{end}");
                        if raw.is_empty() {
                            e.push(&path, missing, &[]);
                            None
                        } else {
                            match parse_date(raw) {
                                Ok(d) => Some(d),
                                Err(m) => {
                                    e.push(&path, m, &[]);
                                    None
                                }
                            }
                        }
                    };
                    let from = date(&p.from, "from", Msg::PeriodStartMissing, e);
                    let to = date(&p.to, "to", Msg::PeriodEndMissing, e);
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
                e.push(&at("figures"), Msg::FiguresMissing, &[]);
                None
            } else if o.figures.len() > MAX_FIGURES {
                e.push(
                    &at("figures"),
                    Msg::TooManyFigures,
                    &[("max", &MAX_FIGURES)],
                );
                None
            } else {
                let mut fs: Vec<Cp2011Code> = Vec::with_capacity(o.figures.len());
                let mut all = true;
                for (k, f) in o.figures.iter().enumerate() {
                    let path = at(&format!("figures[{k}]"));
                    match e.take(Cp2011Code::parse(f.trim()), &path) {
                        Some(code) if fs.contains(&code) => {
                            e.push(&path, Msg::FigureRepeated, &[("code", &code)]);
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
                Msg::PhraseActivity,
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
            e.push("places", Msg::PlacesMissing, &[]);
            return None;
        }
        if self.places.len() > MAX_PLACES {
            e.push("places", Msg::TooManyPlaces, &[("max", &MAX_PLACES)]);
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
                Msg::PhraseAddress,
            );
            let raw = p.cap.trim();
            let cap = if raw.is_empty() {
                e.push(&at("cap"), Msg::CapMissing, &[]);
                None
            } else if raw.len() == 5 && raw.bytes().all(|b| b.is_ascii_digit()) {
                Some(raw.to_owned())
            } else {
                e.push(&at("cap"), Msg::CapForm, &[]);
                None
            };
            let raw = p.comune.trim();
            let comune = if raw.is_empty() {
                e.push(&at("comune"), Msg::ComuneMissing, &[]);
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
            Msg::PhraseContactRole,
        );
        let opt = |raw: &str| {
            let t = raw.trim();
            (!t.is_empty()).then(|| t.to_owned())
        };
        let email = opt(&c.email);
        if let Some(m) = &email {
            if !is_email_shaped(m) {
                e.push("contacts.email", Msg::EmailForm, &[]);
            }
        }
        let phone = opt(&c.phone);
        if let Some(p) = &phone {
            if !is_phone_shaped(p) {
                e.push("contacts.phone", Msg::PhoneForm, &[]);
            }
        }
        if email.is_none() && phone.is_none() {
            e.push("contacts", Msg::ContactMissing, &[]);
        }
        let pec = opt(&c.pec);
        match &pec {
            Some(p) if !is_email_shaped(p) => e.push("contacts.pec", Msg::PecForm, &[]),
            None if matches!(
                self.kind,
                Some(HostKind::EntePubblico | HostKind::Professionista | HostKind::EntePrivato)
            ) =>
            {
                e.push("contacts.pec", Msg::PecMissing, &[])
            }
            _ => {}
        }
        let website = opt(&c.website);
        if let Some(w) = &website {
            if !is_website_shaped(w) {
                e.push("contacts.website", Msg::WebsiteForm, &[]);
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

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{PeriodDraft, PlaceDraft};
    use super::*;
    use crate::error::ErrorCode;

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
}
