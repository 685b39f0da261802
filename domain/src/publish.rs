//! Publishing a host profile: who must prove what, the life of a declaration, the row the
//! directory search reads, the document a company signs and the notice sent on publication.
//!
//! What the seed says (seed 002):
//! - «Per le imprese, l'iscrizione nel Registro e i successivi aggiornamenti … richiedono la firma
//!   digitale del Legale Rappresentante o di un suo delegato; per gli Enti pubblici sarà possibile
//!   eseguire le medesime operazioni attraverso la propria PEC istituzionale»;
//! - «Per gli enti pubblici e i professionisti la procedura di riconoscimento viene effettuata
//!   tramite la propria PEC … deve riportare nell'oggetto il codice della dichiarazione … il
//!   sistema verificherà che la dichiarazione con il codice indicato in oggetto sia stata inserita
//!   dall'ente o dal professionista a cui corrisponde (nell'IPA o nell'INI-PEC) la casella PEC
//!   della mail ricevuta. In caso di esito positivo la dichiarazione è pubblicata»;
//! - «Alla casella PEC del soggetto è inviata la comunicazione di pubblicazione»;
//! - «non è possibile eseguire nuove modifiche al profilo finché è in corso di pubblicazione»;
//! - «Non è prevista istruttoria»: the chamber of commerce does not review a profile's content,
//!   and neither does Ponte. Who the body is, though, must be proved: when the registry of record
//!   cannot confirm the proof, a person reviews the *identity* before anything goes live
//!   ([`crate::registry`]).
//!
//! Decisions where the seed is silent:
//! - **Private bodies** prove themselves by PEC, like professionals (see [`crate::profile`]).
//! - **Address of record**: a public body's is the PEC in the iPA data, never what was typed; a
//!   professional's or private body's is the PEC INI-PEC lists for their codice fiscale. When
//!   INI-PEC has none, or cannot be asked, it is the PEC they typed, marked as declared
//!   ([`PecSource::Declared`]), and its proof goes to review.
//! - **Who the profile belongs to** is its [`identity_key`]: the iPA code, the partita IVA or the
//!   codice fiscale. A new declaration for a key that has a published profile is an update: the
//!   old profile stays online until the new one is proved, by the live profile's owner
//!   ([`crate::registry::Owner`]).
//! - **A pending declaration locks nobody out**: a newer declaration for the same body
//!   supersedes one whose proof has not arrived; only a declaration whose proof arrived (in
//!   review) blocks others («non è possibile eseguire nuove modifiche al profilo finché è in corso
//!   di pubblicazione»).
//! - **Signed document**: a company signs [`declaration_document`], a text that carries the code;
//!   the signed content must be that document byte for byte (its SHA-256, [`document_digest`],
//!   is stored at submission; [`check_signed_declaration`]) and the signer must be the person the
//!   document names. Whether that person is a legal representative is the Registro delle
//!   imprese's to say ([`crate::registry::verdict`]).
//! - **Limits** on attempts: [`limits`].

use crate::declaration::DeclarationCode;
use crate::error::FieldError;
use crate::hosts::{HostSummary, PathKind, Period, ProfileBody};
use crate::identity::CodiceFiscale;
use crate::messages::Msg;
use crate::profile::{HostIdentity, ValidProfile};
use crate::registry::{Answer, PecSource};
use serde::{Deserialize, Serialize};

/// Limits on the publishing workflow that count a body's own records (decisions: the seed gives
/// none). The per-client and per-sender limits are the rate-limiting binding's
/// (`crate::abuse`).
pub mod limits {
    /// Declarations issued for one body per hour, whatever their outcome (counted on the
    /// declarations themselves, so a refusal writes nothing).
    pub const SUBMISSIONS_PER_BODY_PER_HOUR: u32 = 5;
    /// Failed proofs (wrong sender, wrong signer, bad signature) a code takes before it is
    /// refused for good; the body then submits again and gets a new code.
    pub const FAILURES_PER_CODE: u32 = 5;
    /// Seconds in the per-body window.
    pub const WINDOW_SECONDS: i64 = 3600;
}

/// How a declaration is proved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Proof {
    /// A PEC message from `address` (lower case) with the code in the subject.
    Pec {
        address: String,
        /// Where the address comes from: iPA, INI-PEC, or the body's own form.
        source: PecSource,
    },
    /// The legal representative's qualified signature (CAdES) over the declaration document.
    FirmaDigitale { signer: CodiceFiscale },
}

impl Proof {
    /// `pec` or `firma_digitale`, as the API and the database write it.
    pub fn method(&self) -> &'static str {
        match self {
            Proof::Pec { .. } => "pec",
            Proof::FirmaDigitale { .. } => "firma_digitale",
        }
    }
}

/// What iPA says about a public body (one row of `ipa_enti`, with the comune's name).
/// Also the answer of `GET /api/v1/ipa/{code}`, which pre-fills the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct IpaEnte {
    pub ipa_code: String,
    pub name: String,
    pub codice_fiscale: String,
    pub address: Option<String>,
    pub cap: Option<String>,
    /// ISTAT code.
    pub comune: Option<String>,
    pub comune_name: Option<String>,
    pub province: Option<String>,
    pub pec: Option<String>,
    pub website: Option<String>,
}

/// Who a profile belongs to: `ipa:<code>`, `piva:<partita IVA>` or `cf:<codice fiscale>`.
pub fn identity_key(identity: &HostIdentity) -> String {
    match identity {
        HostIdentity::Impresa { partita_iva, .. } => format!("piva:{}", partita_iva.as_str()),
        HostIdentity::Professionista { codice_fiscale, .. } => {
            format!("cf:{}", codice_fiscale.as_str())
        }
        HostIdentity::EntePubblico { ipa_code, .. } => {
            format!("ipa:{}", ipa_code.as_str().to_lowercase())
        }
        HostIdentity::EntePrivato { codice_fiscale } => format!("cf:{}", codice_fiscale.as_str()),
    }
}

/// The key of the body a declaration is for: [`identity_key`], except that a public body found
/// through the *Codice Univoco Ufficio* of one of its offices is keyed by the iPA code of its
/// record, so both codes reach the same profile (and the same pending declaration).
pub fn body_key(profile: &ValidProfile, ipa: Option<&IpaEnte>) -> String {
    match (&profile.identity, ipa) {
        (HostIdentity::EntePubblico { .. }, Some(ipa)) => {
            format!("ipa:{}", ipa.ipa_code.to_lowercase())
        }
        (identity, _) => identity_key(identity),
    }
}

/// How `profile` must be proved. A public body needs its iPA record (`ipa`): its codice fiscale
/// must be the one typed, and its PEC of record is where the message must come from. A
/// professional's or private body's address is the one INI-PEC lists for them (`ini_pec`, what
/// the registry answered), or the typed one, marked as declared.
pub fn proof(
    profile: &ValidProfile,
    ipa: Option<&IpaEnte>,
    ini_pec: &Answer<String>,
) -> Result<Proof, FieldError> {
    match &profile.identity {
        HostIdentity::Impresa {
            legal_representative_cf,
            ..
        } => Ok(Proof::FirmaDigitale {
            signer: legal_representative_cf.clone(),
        }),
        HostIdentity::Professionista { .. } | HostIdentity::EntePrivato { .. } => {
            let typed = profile.contacts.pec.as_deref().unwrap_or("");
            let (address, source) = crate::registry::pec_of_record(ini_pec, typed);
            if address.is_empty() {
                return Err(FieldError::invalid_says(
                    "contacts.pec",
                    Msg::PecMissing,
                    &[],
                ));
            }
            Ok(Proof::Pec { address, source })
        }
        HostIdentity::EntePubblico {
            ipa_code,
            codice_fiscale,
        } => {
            let Some(ipa) = ipa else {
                return Err(FieldError::says(
                    crate::error::ErrorCode::UnknownCode,
                    Some("ipa_code"),
                    Msg::IpaCodeUnknown,
                    &[("code", &ipa_code)],
                ));
            };
            if ipa.codice_fiscale != codice_fiscale.as_str() {
                return Err(FieldError::invalid_says(
                    "codice_fiscale",
                    Msg::CfNotIpa,
                    &[("cf", &ipa.codice_fiscale)],
                ));
            }
            match ipa.pec.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
                Some(pec) => Ok(Proof::Pec {
                    address: crate::registry::normalise(pec),
                    source: PecSource::Ipa,
                }),
                None => Err(FieldError::invalid_says(
                    "ipa_code",
                    Msg::IpaWithoutPec,
                    &[],
                )),
            }
        }
    }
}

/// Whether a PEC message's certified sender is the declaration's address of record.
pub fn pec_sender_matches(proof: &Proof, sender: &str) -> bool {
    match proof {
        Proof::Pec { address, .. } => address.eq_ignore_ascii_case(sender.trim()),
        Proof::FirmaDigitale { .. } => false,
    }
}

/// The state of a declaration as the wizard polls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "openapi", schemars(rename = "DeclarationState"))]
#[serde(rename_all = "snake_case")]
pub enum DeclarationStatus {
    /// Waiting for its proof; the profile cannot be changed meanwhile.
    Pending,
    /// Proved and published.
    Published,
    /// Proved, but the registry of record did not confirm who sent the proof: a Ponte operator
    /// decides. The body cannot submit another declaration meanwhile.
    Review,
    /// Refused by an operator after review.
    Refused,
    /// Replaced by a newer declaration for the same body before its proof arrived.
    Superseded,
    /// Not proved in time, or refused after too many failed proofs.
    Expired,
    /// Cancelled by whoever holds its code before its proof arrived.
    Cancelled,
}

impl DeclarationStatus {
    /// From the stored state: `published`, `review`, `refused`, `superseded`, or `pending`
    /// (expired once `expires_at` has passed or `failures` reached the limit).
    pub fn of(stored: &str, expires_at: i64, failures: u32, now: i64) -> Self {
        match stored {
            "published" => DeclarationStatus::Published,
            "review" => DeclarationStatus::Review,
            "refused" => DeclarationStatus::Refused,
            "superseded" => DeclarationStatus::Superseded,
            "cancelled" => DeclarationStatus::Cancelled,
            "pending" if now < expires_at && failures < limits::FAILURES_PER_CODE => {
                DeclarationStatus::Pending
            }
            _ => DeclarationStatus::Expired,
        }
    }
}

impl DeclarationStatus {
    /// Whether whoever holds the code may cancel the declaration now: only while it waits for
    /// its proof (a published profile is changed by a new declaration, not cancelled).
    pub fn cancellable(self) -> Result<(), FieldError> {
        match self {
            DeclarationStatus::Pending => Ok(()),
            _ => Err(FieldError::conflict_says(Msg::DeclarationNotPending, &[])),
        }
    }
}

impl ProfileBody {
    /// The path kinds offered, in order.
    pub fn paths(&self) -> Vec<PathKind> {
        let mut paths: Vec<PathKind> = self.offers.iter().map(|o| o.path).collect();
        paths.dedup();
        paths
    }

    /// Every CP 2011 code of every offer, sorted, once each.
    pub fn figure_codes(&self) -> Vec<String> {
        let mut figures: Vec<String> = self
            .offers
            .iter()
            .flat_map(|o| o.figures.iter().map(|f| f.code.clone()))
            .collect();
        crate::sort::sort(&mut figures);
        figures.dedup();
        figures
    }

    /// Every period of every offer, by start, once each.
    pub fn all_periods(&self) -> Vec<Period> {
        let mut periods: Vec<Period> = self
            .offers
            .iter()
            .flat_map(|o| o.periods.iter().copied())
            .collect();
        crate::sort::sort_by_key(&mut periods, |p| (p.from, p.to));
        periods.dedup();
        periods
    }

    /// The most students one offer takes: what the `min_places` filter compares.
    pub fn max_students(&self) -> u32 {
        self.offers
            .iter()
            .map(|o| o.max_students)
            .max()
            .unwrap_or(0)
    }

    /// The `body` column of the full-text index: what free text should find (description,
    /// activities, figure titles, places, the sector's title).
    pub fn fts_body(&self, ateco_title: Option<&str>) -> String {
        let mut parts = vec![self.description.clone()];
        parts.extend(self.offers.iter().map(|o| o.activity.clone()));
        parts.extend(
            self.offers
                .iter()
                .flat_map(|o| o.figures.iter().map(|f| f.title.clone())),
        );
        parts.extend(
            self.places
                .iter()
                .map(|p| format!("{} {}", p.comune_name, p.address)),
        );
        if let Some(t) = ateco_title {
            parts.push(t.to_owned());
        }
        parts.join(" ")
    }
}

/// The row the directory search reads for a published profile: its main place is the first
/// one (`region` is that comune's region, which the caller read from the reference data).
/// `id` is 0: the database assigns it.
pub fn summary(profile: &ValidProfile, body: &ProfileBody, region: &str) -> Option<HostSummary> {
    let first = body.places.first()?;
    Some(HostSummary {
        id: 0,
        name: profile.name.clone(),
        kind: profile.kind(),
        comune: first.comune.clone(),
        comune_name: first.comune_name.clone(),
        province: first.province.clone(),
        region: region.to_owned(),
        paths: body.paths(),
        figures: body.figure_codes(),
        ateco: profile.ateco.as_ref().map(|a| a.as_str().to_owned()),
        max_students: body.max_students(),
        periods: body.all_periods(),
        path_offers: body.offers.iter().map(Into::into).collect(),
        distance_km: None,
        distance_approx: false,
    })
}

/// The line of [`declaration_document`] that carries the code.
fn code_line(code: &DeclarationCode) -> String {
    format!("Codice della dichiarazione: {code}")
}

/// The text a company's legal representative signs (CAdES, `.p7m`): who declares, for whom, the
/// code, and the profile in words. CRLF line ends, so it reads the same on every system.
pub fn declaration_document(
    code: &DeclarationCode,
    profile: &ValidProfile,
    body: &ProfileBody,
) -> String {
    let mut lines: Vec<String> = vec![
        "PONTE - REGISTRO DEI SOGGETTI OSPITANTI PER PCTO E APPRENDISTATO".to_owned(),
        "Dichiarazione per la pubblicazione del profilo".to_owned(),
        String::new(),
        code_line(code),
        String::new(),
    ];
    match &profile.identity {
        HostIdentity::Impresa {
            partita_iva,
            legal_representative_cf,
        } => lines.push(format!(
            "La persona con codice fiscale {legal_representative_cf}, legale rappresentante \
             (o suo delegato) dell'impresa «{}», partita IVA {partita_iva}, dichiara che le \
             informazioni seguenti sono veritiere e ne chiede la pubblicazione nel registro.",
            profile.name
        )),
        other => lines.push(format!(
            "Il soggetto «{}» ({}) dichiara che le informazioni seguenti sono veritiere e ne \
             chiede la pubblicazione nel registro.",
            profile.name,
            identity_key(other)
        )),
    }
    lines.push(String::new());
    for o in &body.offers {
        lines.push(format!("Percorso: {}", o.path.label()));
        lines.push(format!("  Numero massimo di studenti: {}", o.max_students));
        for p in &o.periods {
            lines.push(format!(
                "  Periodo: dal {} al {}",
                p.from.format("%d/%m/%Y"),
                p.to.format("%d/%m/%Y")
            ));
        }
        for f in &o.figures {
            lines.push(format!("  Figura professionale: {} {}", f.code, f.title));
        }
        lines.push(format!("  Attività: {}", o.activity));
    }
    for p in &body.places {
        lines.push(format!(
            "Sede: {}, {} {} ({})",
            p.address,
            p.cap.as_deref().unwrap_or(""),
            p.comune_name,
            p.province
        ));
    }
    lines.push(String::new());
    lines.push(
        "Firmare questo file con la firma digitale del legale rappresentante in formato CAdES \
         (file .p7m) e caricarlo nella pagina di pubblicazione di Ponte prima della scadenza \
         del codice."
            .to_owned(),
    );
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}

/// The SHA-256 of a declaration document, hex: stored at submission, so the signed file can be
/// checked to be that document byte for byte.
pub fn document_digest(document: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(document)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Checks the content of a signed file against the declaration: it is the declaration's
/// document byte for byte (`digest`, [`document_digest`] of the document issued), and its signer
/// is the person the document names. Whether that person represents the company is for the
/// registry ([`crate::registry::verdict`]).
pub fn check_signed_declaration(
    content: &[u8],
    digest: &str,
    code: &DeclarationCode,
    proof: &Proof,
    signer: &CodiceFiscale,
) -> Result<(), FieldError> {
    let Proof::FirmaDigitale { signer: expected } = proof else {
        return Err(FieldError::conflict_says(Msg::DeclarationByPec, &[]));
    };
    if !document_digest(content).eq_ignore_ascii_case(digest) {
        let text = String::from_utf8_lossy(content);
        let msg = if text.lines().any(|l| l.trim() == code_line(code)) {
            Msg::SignedFileNotDocument
        } else {
            Msg::SignedFileWrongCode
        };
        return Err(FieldError::invalid_says("firma", msg, &[("code", &code)]));
    }
    if signer != expected {
        return Err(FieldError::invalid_says(
            "firma",
            Msg::SignedByOther,
            &[("signer", &signer), ("expected", &expected)],
        ));
    }
    Ok(())
}

/// The publication notice to the body's PEC (seed 002: «Alla casella PEC del soggetto è inviata
/// la comunicazione di pubblicazione»): a complete RFC 5322 message, UTF-8 text, CRLF.
/// `date` is RFC 2822 (`Mon, 23 Nov 2026 10:00:00 +0000`), `message_id` without brackets.
pub struct PublicationNotice<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub message_id: &'a str,
    pub date: &'a str,
    pub host_name: &'a str,
    pub url: &'a str,
    pub code: &'a DeclarationCode,
    /// Whether this published a change to a profile already online.
    pub update: bool,
}

impl PublicationNotice<'_> {
    pub fn to_message(&self) -> String {
        let what = if self.update {
            "Le modifiche al profilo"
        } else {
            "Il profilo"
        };
        let body = [
            "Gentile soggetto ospitante,".to_owned(),
            String::new(),
            format!(
                "{what} di «{}» nel registro dei soggetti ospitanti per PCTO e apprendistato di \
                 Ponte {} stat{} pubblicat{} dopo la verifica della dichiarazione {}.",
                one_line(self.host_name),
                if self.update { "sono" } else { "è" },
                if self.update { "e" } else { "o" },
                if self.update { "e" } else { "o" },
                self.code
            ),
            String::new(),
            format!("Il profilo pubblico: {}", self.url),
            String::new(),
            "Per aggiornarlo, compilare di nuovo il profilo nella pagina di pubblicazione: il \
             profilo attuale resta pubblicato finché le modifiche non sono confermate."
                .to_owned(),
            String::new(),
            "Questo messaggio è inviato automaticamente: non rispondere.".to_owned(),
        ];
        let mut m = String::new();
        for (name, value) in [
            ("From", self.from.to_owned()),
            ("To", self.to.to_owned()),
            ("Subject", "Ponte: profilo pubblicato".to_owned()),
            ("Date", self.date.to_owned()),
            ("Message-ID", format!("<{}>", self.message_id)),
            ("MIME-Version", "1.0".to_owned()),
            ("Content-Type", "text/plain; charset=utf-8".to_owned()),
            ("Content-Transfer-Encoding", "8bit".to_owned()),
        ] {
            m.push_str(name);
            m.push_str(": ");
            m.push_str(&one_line(&value));
            m.push_str("\r\n");
        }
        m.push_str("\r\n");
        for line in body {
            m.push_str(&line);
            m.push_str("\r\n");
        }
        m
    }
}

/// No line breaks in a header or a sentence built from typed text.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::ProfileDraft;

    fn profile(kind: &str) -> ValidProfile {
        let json = match kind {
            "impresa" => {
                r#"{"kind":"impresa","name":"Officine Esempio S.r.l.","partita_iva":"01234567897",
                "legal_representative_cf":"BNCLCU01A01F205C","ateco":"25.62.00",
                "description":"Officina meccanica di precisione con reparto di collaudo.",
                "offers":[{"path":"pcto","max_students":"3","periods":[{"from":"2027-01-11","to":"2027-03-26"}],
                "figures":["6.2.3"],"activity":"Affiancamento ai tecnici nel reparto di collaudo."}],
                "places":[{"address":"Via Roma 1","cap":"00184","comune":"058091"}],
                "contacts":{"email":"scuole@officine.example"}}"#
            }
            _ => {
                r#"{"kind":"ente_pubblico","name":"Comune di Esempio","codice_fiscale":"80000123457",
                "ipa_code":"c_h501","description":"Comune con uffici tecnici e biblioteca.",
                "offers":[{"path":"pcto","max_students":"2","periods":[{"from":"2027-01-11","to":"2027-03-26"}],
                "figures":["3.3.1"],"activity":"Accoglienza del pubblico nella biblioteca comunale."}],
                "places":[{"address":"Piazza Grande 1","cap":"00184","comune":"058091"}],
                "contacts":{"email":"urp@comune.example","pec":"typed@pec.example"}}"#
            }
        };
        let d: ProfileDraft = serde_json::from_str(json).unwrap();
        d.validate().unwrap()
    }

    fn ipa(cf: &str, pec: Option<&str>) -> IpaEnte {
        IpaEnte {
            ipa_code: "c_h501".into(),
            name: "Comune di Esempio".into(),
            codice_fiscale: cf.into(),
            address: None,
            cap: None,
            comune: None,
            comune_name: None,
            province: None,
            pec: pec.map(str::to_owned),
            website: None,
        }
    }

    #[test]
    fn a_public_body_proves_itself_from_its_ipa_pec_not_the_typed_one() {
        let p = profile("ente_pubblico");
        assert_eq!(identity_key(&p.identity), "ipa:c_h501");
        // What INI-PEC says does not matter for a public body: iPA is its registry.
        let proof = proof(
            &p,
            Some(&ipa("80000123457", Some("Protocollo@PEC.comune.example"))),
            &Answer::Found("altro@pec.example".into()),
        )
        .unwrap();
        assert_eq!(
            proof,
            Proof::Pec {
                address: "protocollo@pec.comune.example".into(),
                source: PecSource::Ipa
            }
        );
        assert!(pec_sender_matches(&proof, "PROTOCOLLO@pec.comune.example"));
        assert!(!pec_sender_matches(&proof, "typed@pec.example"));
        // Unknown to iPA, another codice fiscale, no PEC in iPA: each refused on its field.
        assert_eq!(proof_field(&p, None), "ipa_code");
        assert_eq!(
            proof_field(&p, Some(&ipa("80000234569", Some("a@pec.example")))),
            "codice_fiscale"
        );
        assert_eq!(proof_field(&p, Some(&ipa("80000123457", None))), "ipa_code");
        // Typed as an office's Codice Univoco Ufficio, keyed by the body's iPA code.
        let mut office = p.clone();
        office.identity = HostIdentity::EntePubblico {
            ipa_code: crate::identity::IpaCode::parse("UFV8TC").unwrap(),
            codice_fiscale: crate::identity::CodiceFiscaleEnte::parse("80000123457").unwrap(),
        };
        assert_eq!(identity_key(&office.identity), "ipa:ufv8tc");
        let record = ipa("80000123457", Some("a@pec.example"));
        assert_eq!(body_key(&office, Some(&record)), "ipa:c_h501");
        assert_eq!(body_key(&p, Some(&record)), "ipa:c_h501");
    }

    fn proof_field(p: &ValidProfile, ipa: Option<&IpaEnte>) -> String {
        proof(p, ipa, &Answer::Unavailable)
            .unwrap_err()
            .field
            .unwrap()
    }

    #[test]
    fn a_company_signs_and_its_document_carries_the_code() {
        let p = profile("impresa");
        assert_eq!(identity_key(&p.identity), "piva:01234567897");
        let proof = proof(&p, None, &Answer::Unavailable).unwrap();
        assert_eq!(proof.method(), "firma_digitale");
        let code = DeclarationCode::from_entropy([7; 16]);
        let body = crate::hosts::ProfileBody {
            description: p.description.clone(),
            offers: vec![],
            places: vec![],
            contacts: p.contacts.clone(),
            supply_chain: None,
            capacities: None,
        };
        let doc = declaration_document(&code, &p, &body);
        assert!(doc.contains(&format!("Codice della dichiarazione: {code}")));
        assert!(doc.contains("BNCLCU01A01F205C") && doc.contains("01234567897"));
        let rep = CodiceFiscale::parse("BNCLCU01A01F205C").unwrap();
        let digest = document_digest(doc.as_bytes());
        assert_eq!(digest.len(), 64);
        let check = |content: &[u8], signer: &CodiceFiscale| {
            check_signed_declaration(content, &digest, &code, &proof, signer)
                .map_err(|e| e.text().map(|t| t.msg.id))
        };
        assert_eq!(check(doc.as_bytes(), &rep), Ok(()));
        // Someone else's signature: refused.
        let other = CodiceFiscale::parse("VRDGLI92C55H501O").unwrap();
        assert_eq!(
            check(doc.as_bytes(), &other),
            Err(Some(crate::messages::MsgId::SignedByOther))
        );
        // Another code's document.
        let code2 = DeclarationCode::from_entropy([8; 16]);
        let doc2 = declaration_document(&code2, &p, &body);
        assert_eq!(
            check(doc2.as_bytes(), &rep),
            Err(Some(crate::messages::MsgId::SignedFileWrongCode))
        );
        // Any file that carries the code line is not enough: the document, byte for byte.
        let edited = doc.replace("Percorso", "percorso").replace("\r\n", "\n");
        let padded = format!("{doc}Righe aggiunte dopo la firma\r\n");
        for content in [edited.as_str(), padded.as_str()] {
            assert_eq!(
                check(content.as_bytes(), &rep),
                Err(Some(crate::messages::MsgId::SignedFileNotDocument))
            );
        }
        let sneaky = format!("Testo qualsiasi con Codice della dichiarazione: {code} dentro");
        assert!(check(sneaky.as_bytes(), &rep).is_err());
    }

    #[test]
    fn status_expires_with_time_and_failures() {
        use DeclarationStatus::*;
        assert_eq!(DeclarationStatus::of("pending", 100, 0, 99), Pending);
        assert_eq!(DeclarationStatus::of("pending", 100, 0, 100), Expired);
        assert_eq!(
            DeclarationStatus::of("pending", 100, limits::FAILURES_PER_CODE, 50),
            Expired
        );
        assert_eq!(DeclarationStatus::of("published", 100, 0, 500), Published);
        // A declaration in review does not expire while it waits for the operator.
        assert_eq!(DeclarationStatus::of("review", 100, 0, 500), Review);
        assert_eq!(DeclarationStatus::of("refused", 100, 0, 50), Refused);
        assert_eq!(DeclarationStatus::of("superseded", 100, 0, 50), Superseded);
    }

    #[test]
    fn the_notice_is_a_plain_message_without_header_injection() {
        let code = DeclarationCode::from_entropy([1; 16]);
        let m = PublicationNotice {
            from: "pubblicazioni@ponte.example",
            to: "protocollo@pec.comune.example",
            message_id: "abc@ponte.example",
            date: "Mon, 23 Nov 2026 10:00:00 +0000",
            host_name: "Comune\r\nBcc: x@evil.example",
            url: "https://ponte.example/enti/1000000001",
            code: &code,
            update: false,
        }
        .to_message();
        assert!(m.starts_with("From: pubblicazioni@ponte.example\r\n"));
        assert!(m.contains("Message-ID: <abc@ponte.example>\r\n"));
        assert!(!m.contains("\r\nBcc:"));
        assert!(m.contains("è stato pubblicato"));
        assert!(m.contains(code.as_str()));
    }
}
