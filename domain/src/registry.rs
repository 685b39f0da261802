//! Whether a proved declaration may go live on its own, or waits for a person.
//!
//! Seed 002 says what the national register checks before it publishes:
//! - public bodies: a PEC from «la propria PEC istituzionale», the address in iPA;
//! - professionals: «il sistema verificherà che la dichiarazione … sia stata inserita dall'ente
//!   o dal professionista a cui corrisponde (nell'IPA o nell'INI-PEC) la casella PEC della mail
//!   ricevuta»: the address INI-PEC lists for their codice fiscale;
//! - companies: «la firma digitale del Legale Rappresentante o di un suo delegato»: who the legal
//!   representatives are is the Registro delle imprese's to say, not the form's.
//!
//! Ponte asks those registries through a port (the worker's `registry` module). When a registry
//! is not configured, cannot be reached, or does not confirm the proof, the declaration is
//! **never published automatically**: it waits in a review queue for a Ponte operator, who sees
//! the evidence (docs/publishing.md). A proof a person typed is never evidence of who they are.
//!
//! Updates belong to the owner: a change to a live profile must be proved by the same PEC
//! address or the same signer that proved the live profile ([`Owner`]); any other proof, even one
//! the registry confirms (a PEC changed in iPA, a new legal representative), is for a person to
//! look at.

use crate::identity::CodiceFiscale;
use crate::messages::Msg;
use serde::{Deserialize, Serialize};

/// What a registry of record answered to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "answer", content = "value", rename_all = "snake_case")]
pub enum Answer<T> {
    /// The registry has a record, and this is it.
    Found(T),
    /// The registry answered that it has no record.
    Absent,
    /// No answer: no registry is configured, or it failed or timed out.
    Unavailable,
}

/// Where a PEC address of record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PecSource {
    /// The public body's PEC in the iPA open data.
    Ipa,
    /// The address INI-PEC lists for the codice fiscale or partita IVA.
    IniPec,
    /// The address the body typed: INI-PEC had none, or could not be asked.
    Declared,
}

impl PecSource {
    /// Whether a message from this address proves who the body is.
    pub fn is_of_record(self) -> bool {
        matches!(self, PecSource::Ipa | PecSource::IniPec)
    }
}

/// The address of record of a professional or a private body: INI-PEC's when it has one,
/// otherwise the typed one, marked as declared.
pub fn pec_of_record(ini_pec: &Answer<String>, typed: &str) -> (String, PecSource) {
    match ini_pec {
        Answer::Found(pec) if !pec.trim().is_empty() => (normalise(pec), PecSource::IniPec),
        _ => (normalise(typed), PecSource::Declared),
    }
}

/// A PEC address as compared and stored: trimmed, lower case.
pub fn normalise(address: &str) -> String {
    address.trim().to_lowercase()
}

/// What the proof that arrived shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "channel", rename_all = "snake_case")]
pub enum Evidence {
    /// A PEC transport envelope signed by an accredited provider, whose certified sender is the
    /// declaration's address of record.
    Pec { sender: String, source: PecSource },
    /// A valid signature over the declaration document by `signer`, and what the Registro delle
    /// imprese says about the company's legal representatives.
    Firma {
        signer: CodiceFiscale,
        representatives: Answer<Vec<CodiceFiscale>>,
        /// Why the signers' certificates could not be checked against their CRLs, when they
        /// could not (`mail::Checked::RevocationUnknown`): such a proof is always reviewed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        revocation_unknown: Option<String>,
    },
}

/// Who proved the live profile of a body (recorded when it was published). Profiles published
/// before Ponte recorded it have neither, so any update of theirs is reviewed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub pec: Option<String>,
    pub signer: Option<CodiceFiscale>,
}

impl Owner {
    /// The owner a publication on `evidence` records.
    pub fn of(evidence: &Evidence) -> Owner {
        match evidence {
            Evidence::Pec { sender, .. } => Owner {
                pec: Some(normalise(sender)),
                signer: None,
            },
            Evidence::Firma { signer, .. } => Owner {
                pec: None,
                signer: Some(signer.clone()),
            },
        }
    }

    fn proved_by(&self, evidence: &Evidence) -> bool {
        match evidence {
            Evidence::Pec { sender, .. } => self
                .pec
                .as_deref()
                .is_some_and(|p| p.eq_ignore_ascii_case(sender.trim())),
            Evidence::Firma { signer, .. } => self.signer.as_ref() == Some(signer),
        }
    }
}

/// Why a proved declaration waits for an operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewReason {
    /// The PEC is the one the body typed: INI-PEC does not list it for this body.
    PecNotOfRecord,
    /// The Registro delle imprese does not list the signer among the legal representatives (a
    /// delegate must show the delegation).
    SignerNotRepresentative,
    /// The Registro delle imprese has no company with this partita IVA.
    CompanyNotInRegistry,
    /// The registry could not be asked (not configured, or no answer).
    RegistryUnavailable,
    /// The profile is live, and this proof is not from the address or the signer that proved it.
    NotLiveOwner,
    /// The signature passed every check but revocation, which could not be made (the CRL could
    /// not be fetched or used): the operator checks the certificate.
    RevocationUnknown,
}

impl ReviewReason {
    /// The stable code stored and shown.
    pub fn code(self) -> &'static str {
        match self {
            ReviewReason::PecNotOfRecord => "pec_not_of_record",
            ReviewReason::SignerNotRepresentative => "signer_not_representative",
            ReviewReason::CompanyNotInRegistry => "company_not_in_registry",
            ReviewReason::RegistryUnavailable => "registry_unavailable",
            ReviewReason::NotLiveOwner => "not_live_owner",
            ReviewReason::RevocationUnknown => "revocation_unknown",
        }
    }

    pub fn parse(code: &str) -> Option<ReviewReason> {
        [
            ReviewReason::PecNotOfRecord,
            ReviewReason::SignerNotRepresentative,
            ReviewReason::CompanyNotInRegistry,
            ReviewReason::RegistryUnavailable,
            ReviewReason::NotLiveOwner,
            ReviewReason::RevocationUnknown,
        ]
        .into_iter()
        .find(|r| r.code() == code)
    }

    /// What the operator (and the body, in the wizard) reads.
    pub fn message(self) -> Msg {
        match self {
            ReviewReason::PecNotOfRecord => Msg::ReviewPecNotOfRecord,
            ReviewReason::SignerNotRepresentative => Msg::ReviewSignerNotRepresentative,
            ReviewReason::CompanyNotInRegistry => Msg::ReviewCompanyNotInRegistry,
            ReviewReason::RegistryUnavailable => Msg::ReviewRegistryUnavailable,
            ReviewReason::NotLiveOwner => Msg::ReviewNotLiveOwner,
            ReviewReason::RevocationUnknown => Msg::ReviewRevocationUnknown,
        }
    }
}

/// What happens to a proved declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The proof is what the registry of record says (and, for an update, the live profile's
    /// owner gave it): publish.
    Publish,
    /// A person must look at it first.
    Review(ReviewReason),
}

/// The decision on a proof. `owner`: who proved the live profile, when the body has one.
pub fn verdict(evidence: &Evidence, owner: Option<&Owner>) -> Verdict {
    // A signature whose certificate could not be checked for revocation proves nothing by
    // itself, whoever gave it.
    if let Evidence::Firma {
        revocation_unknown: Some(_),
        ..
    } = evidence
    {
        return Verdict::Review(ReviewReason::RevocationUnknown);
    }
    if let Some(owner) = owner {
        // An update: only the live profile's owner changes it without a person looking.
        return if owner.proved_by(evidence) {
            Verdict::Publish
        } else {
            Verdict::Review(ReviewReason::NotLiveOwner)
        };
    }
    match evidence {
        Evidence::Pec { source, .. } if source.is_of_record() => Verdict::Publish,
        Evidence::Pec { .. } => Verdict::Review(ReviewReason::PecNotOfRecord),
        Evidence::Firma {
            signer,
            representatives,
            ..
        } => match representatives {
            Answer::Found(reps) if reps.contains(signer) => Verdict::Publish,
            Answer::Found(_) => Verdict::Review(ReviewReason::SignerNotRepresentative),
            Answer::Absent => Verdict::Review(ReviewReason::CompanyNotInRegistry),
            Answer::Unavailable => Verdict::Review(ReviewReason::RegistryUnavailable),
        },
    }
}

/// The Ponte operators who review declarations: codici fiscali in the deployment's configuration
/// (`PONTE_OPERATORS`, separated by commas, spaces or new lines). A person is an operator only by
/// the codice fiscale their SPID or CIE sign-in gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Operators(Vec<CodiceFiscale>);

impl Operators {
    /// Every entry must be a valid codice fiscale: a mistake in the configuration must show, not
    /// silently leave the queue without reviewers. The error names the entry.
    pub fn parse(config: &str) -> Result<Operators, String> {
        config
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(|s| CodiceFiscale::parse(s).map_err(|_| format!("«{s}» non è un codice fiscale")))
            .collect::<Result<Vec<_>, _>>()
            .map(Operators)
    }

    pub fn includes(&self, cf: &str) -> bool {
        self.0
            .iter()
            .any(|o| o.as_str().eq_ignore_ascii_case(cf.trim()))
    }
}

/// The longest reason an operator writes for a decision.
pub const REVIEW_NOTE_MAX: usize = 500;

/// An operator's reason for a decision: required (what was checked, or why it is refused),
/// 1–500 characters, new lines allowed.
pub fn review_note(raw: &str) -> Result<String, crate::FieldError> {
    crate::family::clean_text("note", raw, REVIEW_NOTE_MAX, true, Msg::PhraseReviewNote)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cf(s: &str) -> CodiceFiscale {
        CodiceFiscale::parse(s).unwrap()
    }

    const REP: &str = "RSSMRA85T10A562S";
    const OTHER: &str = "BNCLCU01A01F205C";

    fn pec(sender: &str, source: PecSource) -> Evidence {
        Evidence::Pec {
            sender: sender.to_owned(),
            source,
        }
    }

    fn firma(signer: &str, reps: Answer<Vec<&str>>) -> Evidence {
        let representatives = match reps {
            Answer::Found(v) => Answer::Found(v.into_iter().map(cf).collect()),
            Answer::Absent => Answer::Absent,
            Answer::Unavailable => Answer::Unavailable,
        };
        Evidence::Firma {
            signer: cf(signer),
            representatives,
            revocation_unknown: None,
        }
    }

    #[test]
    fn a_new_profile_publishes_only_on_a_proof_of_record() {
        assert_eq!(
            verdict(&pec("a@pec.it", PecSource::Ipa), None),
            Verdict::Publish
        );
        assert_eq!(
            verdict(&pec("a@pec.it", PecSource::IniPec), None),
            Verdict::Publish
        );
        assert_eq!(
            verdict(&pec("a@pec.it", PecSource::Declared), None),
            Verdict::Review(ReviewReason::PecNotOfRecord)
        );
        assert_eq!(
            verdict(&firma(REP, Answer::Found(vec![OTHER, REP])), None),
            Verdict::Publish
        );
        assert_eq!(
            verdict(&firma(REP, Answer::Found(vec![OTHER])), None),
            Verdict::Review(ReviewReason::SignerNotRepresentative)
        );
        assert_eq!(
            verdict(&firma(REP, Answer::Found(vec![])), None),
            Verdict::Review(ReviewReason::SignerNotRepresentative)
        );
        assert_eq!(
            verdict(&firma(REP, Answer::Absent), None),
            Verdict::Review(ReviewReason::CompanyNotInRegistry)
        );
        assert_eq!(
            verdict(&firma(REP, Answer::Unavailable), None),
            Verdict::Review(ReviewReason::RegistryUnavailable)
        );
    }

    #[test]
    fn a_signature_not_checked_for_revocation_is_always_reviewed() {
        let unchecked = |reps: Answer<Vec<&str>>| match firma(REP, reps) {
            Evidence::Firma {
                signer,
                representatives,
                ..
            } => Evidence::Firma {
                signer,
                representatives,
                revocation_unknown: Some("la lista di revoca non è raggiungibile".to_owned()),
            },
            other => other,
        };
        let confirmed = unchecked(Answer::Found(vec![REP]));
        assert_eq!(
            verdict(&confirmed, None),
            Verdict::Review(ReviewReason::RevocationUnknown)
        );
        // Not even the live profile's own signer publishes without the check.
        let owner = Owner::of(&firma(REP, Answer::Found(vec![REP])));
        assert_eq!(
            verdict(&confirmed, Some(&owner)),
            Verdict::Review(ReviewReason::RevocationUnknown)
        );
        // The evidence keeps why, and reads back; older evidence without it reads as checked.
        let stored = serde_json::to_string(&confirmed).unwrap();
        assert!(stored.contains("revocation_unknown"), "{stored}");
        assert_eq!(
            serde_json::from_str::<Evidence>(&stored).unwrap(),
            confirmed
        );
        let checked = firma(REP, Answer::Found(vec![REP]));
        let old = serde_json::to_string(&checked).unwrap();
        assert!(!old.contains("revocation_unknown"), "{old}");
        assert_eq!(verdict(&checked, None), Verdict::Publish);
    }

    #[test]
    fn an_update_publishes_only_from_the_live_profiles_owner() {
        let by_pec = Owner::of(&pec(" Owner@PEC.it ", PecSource::IniPec));
        assert_eq!(by_pec.pec.as_deref(), Some("owner@pec.it"));
        assert_eq!(
            verdict(&pec("owner@pec.it", PecSource::Declared), Some(&by_pec)),
            Verdict::Publish
        );
        // Even a registry's address is reviewed when it is not the one that proved the profile.
        assert_eq!(
            verdict(&pec("new@pec.it", PecSource::Ipa), Some(&by_pec)),
            Verdict::Review(ReviewReason::NotLiveOwner)
        );
        let by_rep = Owner::of(&firma(REP, Answer::Found(vec![REP])));
        assert_eq!(
            verdict(&firma(REP, Answer::Unavailable), Some(&by_rep)),
            Verdict::Publish
        );
        assert_eq!(
            verdict(&firma(OTHER, Answer::Found(vec![OTHER])), Some(&by_rep)),
            Verdict::Review(ReviewReason::NotLiveOwner)
        );
        // A profile published before owners were recorded: every update is reviewed.
        assert_eq!(
            verdict(&pec("a@pec.it", PecSource::Ipa), Some(&Owner::default())),
            Verdict::Review(ReviewReason::NotLiveOwner)
        );
    }

    #[test]
    fn the_address_of_record_is_ini_pecs_when_it_has_one() {
        assert_eq!(
            pec_of_record(&Answer::Found("Studio@PEC.it".into()), "altro@pec.it"),
            ("studio@pec.it".to_owned(), PecSource::IniPec)
        );
        for answer in [
            Answer::Absent,
            Answer::Unavailable,
            Answer::Found(" ".into()),
        ] {
            assert_eq!(
                pec_of_record(&answer, " Typed@pec.it"),
                ("typed@pec.it".to_owned(), PecSource::Declared)
            );
        }
    }

    #[test]
    fn operators_come_from_configuration_and_a_mistake_shows() {
        let ops = Operators::parse(" RSSMRA85T10A562S,\nbnclcu01a01f205c ").unwrap();
        assert!(ops.includes("RSSMRA85T10A562S"));
        assert!(ops.includes("BNCLCU01A01F205C"));
        assert!(!ops.includes("VRDGLI92C55H501O"));
        assert_eq!(Operators::parse("").unwrap(), Operators::default());
        assert!(Operators::parse("RSSMRA85T10A562S, nessuno")
            .unwrap_err()
            .contains("nessuno"));
    }

    #[test]
    fn an_operator_gives_a_reason() {
        assert_eq!(
            review_note("  Delega verificata.\r\nOk ").unwrap(),
            "Delega verificata.\nOk"
        );
        assert_eq!(
            review_note("  ").unwrap_err().field.as_deref(),
            Some("note")
        );
        assert!(review_note(&"x".repeat(REVIEW_NOTE_MAX + 1)).is_err());
        assert!(review_note(&"x".repeat(REVIEW_NOTE_MAX)).is_ok());
    }

    #[test]
    fn review_reasons_round_trip_their_codes() {
        for r in [
            ReviewReason::PecNotOfRecord,
            ReviewReason::SignerNotRepresentative,
            ReviewReason::CompanyNotInRegistry,
            ReviewReason::RegistryUnavailable,
            ReviewReason::NotLiveOwner,
            ReviewReason::RevocationUnknown,
        ] {
            assert_eq!(ReviewReason::parse(r.code()), Some(r));
            assert!(!r.message().it().is_empty());
        }
        assert_eq!(ReviewReason::parse("nope"), None);
    }
}
