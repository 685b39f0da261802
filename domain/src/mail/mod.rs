//! How host organisations prove who they are: by a PEC message, or by a signed file.
//!
//! Seed 002, «Pubblicazione via PEC»: public bodies and professionals send a PEC (*posta
//! elettronica certificata*) to the register's address with the declaration code in the
//! subject (see [`crate::declaration`]); the system checks that the sending address is the one
//! of record (iPA or INI-PEC) of whoever made the declaration. Seed 002, «Come iscriversi»:
//! companies sign their declaration with the digital signature of the legal representative or
//! a delegate. This module is the pure half of both checks; the worker receives the e-mail or
//! the upload, calls [`verify_pec`] or [`verify_cades`], and compares the result with the
//! declaration and the address or fiscal code of record. Behind the feature `mail`, so the
//! browser bundle never compiles it.
//!
//! # PEC: the transport envelope
//!
//! A PEC provider (DPR 68/2005; technical rules in DM 2/11/2005) does not deliver the sender's
//! message as it is: it wraps it in a *busta di trasporto* that it signs with its own
//! certificate. The envelope's headers say `X-Trasporto: posta-certificata`; its body is an
//! S/MIME `multipart/signed` whose first part is a `multipart/mixed` holding a text for people,
//! `daticert.xml` (the certification data: sender, recipients, subject, provider, date, ids)
//! and `postacert.eml` (the original message), and whose second part, `smime.p7s`, is a
//! detached CMS signature over the first part's exact bytes.
//!
//! [`verify_pec`] checks, in this order (the first failure is the answer):
//! 1. at most [`MAX_PEC_BYTES`] ([`MailError::TooLarge`]);
//! 2. the header `X-Trasporto: posta-certificata` ([`MailError::NotPec`]: an ordinary e-mail,
//!    or a provider's receipt or anomaly envelope);
//! 3. a `multipart/signed` of protocol `application/pkcs7-signature` or
//!    `application/x-pkcs7-signature` whose second part is the signature
//!    ([`MailError::NotSigned`]);
//! 4. the CMS signature ([`MailError::Malformed`] when unreadable): detached, one signer, the
//!    `messageDigest` attribute equal to the digest of the signed part
//!    ([`MailError::DigestMismatch`]), RSA PKCS#1 v1.5 over the DER of the signed attributes
//!    ([`MailError::BadSignature`]);
//! 5. the signer's certificate is in the [`TrustStore`] byte for byte, or was issued by one of
//!    its certificates that is a CA — the issuer's signature verified on the certificate's exact
//!    bytes, so a forged CA with the same name fails ([`MailError::UntrustedSigner`]);
//! 6. the signer's certificate is valid at `now_unix` ([`MailError::CertificateExpired`],
//!    [`MailError::CertificateNotYetValid`]);
//! 7. `daticert.xml` and `postacert.eml` each once in the signed part; `daticert.xml` of
//!    `tipo="posta-certificata"` and `errore="nessuno"` (else [`MailError::NotPec`]), with a
//!    `<mittente>` and an `<oggetto>`;
//! 8. the original message's `From` address equals `<mittente>` (case-insensitive) and its
//!    `Subject`, RFC 2047 decoded, equals `<oggetto>` up to white space
//!    ([`MailError::Mismatch`]).
//!
//! The sender and subject returned come from `daticert.xml`, which the provider signed: the
//! envelope's own `From`, `Subject` and `X-Trasporto` headers are outside the signature, and
//! anyone can write them.
//!
//! Decisions where the seed and the rules are silent:
//! - **Line ends**: bare LFs are made CRLF before anything else. SMTP carries CRLF and the
//!   worker gets the message byte for byte, but a message saved on a Unix system (a `.eml`
//!   forwarded, a test fixture) has lost its CRs; S/MIME signs the canonical CRLF form (RFC 8551
//!   §3.1.1) and OpenSSL and mail clients canonicalise the same way when they verify, so an
//!   LF-only copy of a valid envelope verifies.
//! - **Digests**: SHA-256, SHA-384 and SHA-512. SHA-1 is refused
//!   ([`MailError::UnsupportedAlgorithm`]): collisions have been practical since 2017; providers
//!   and qualified signatures moved to SHA-256 long ago. Only RSA (PKCS#1 v1.5) keys of 2048
//!   bits or more; ECDSA and RSA-PSS are refused as unsupported, not as forged.
//! - **Mismatch** between `daticert.xml` and the original message: refused. A conforming
//!   provider writes both from the same message, so a difference means the envelope was not
//!   made by one; and the worker reads the declaration code from the subject, so it must be
//!   the subject the provider certified.
//! - **Trust**: one level. AgID publishes the providers' own certificates; an issuing CA may be
//!   put in the store too. The store's certificates are trusted as given (their own issuers
//!   are not looked for); an issuing CA must say `cA` in its basic constraints and be valid.
//! - **Size**: 1 MiB for a PEC. The declaration needs only a subject; `wrangler dev` delivers
//!   at most 1 MiB anyway (production: 25 MiB). A body that attaches large files is refused
//!   with a message that says so.
//!
//! # CAdES `.p7m`
//!
//! A `.p7m` is a CMS SignedData with the document inside (CAdES-BES, ETSI EN 319 122-1), as
//! every Italian signing application writes it. [`read_cades`] takes it as DER, BER (some
//! tools write indefinite lengths; they are made DER first), base64 or PEM, at most
//! [`MAX_P7M_BYTES`], and checks for every signer (at most 16, so a crafted file cannot make
//! the worker run thousands of RSA verifications; a document signed side by side by several
//! people yields them all, [`SignedDocument::cosigners`], and one bad signer refuses the
//! file): the message digest, the RSA signature over the signed attributes (or over the
//! content when there are none) and the signing-certificate-v2 attribute against the
//! certificate when present. It says which trusted-list rows ([`CadesFile::issuer_keys`])
//! and which CRLs ([`CadesFile::crl_urls`]) the rest needs; the worker reads and fetches them
//! (no I/O here) and [`CadesFile::verify`] then checks each signer's certificate, the first
//! failure being the answer:
//! 1. **valid at the signing time** ([`MailError::CertificateExpired`],
//!    [`MailError::CertificateNotYetValid`]);
//! 2. issued by a **qualified CA of the trusted list** ([`QualifiedCas`]: the CA/QC services
//!    of AgID's list, status granted, loaded by `cargo xtask import-tsl`): the CA's signature
//!    checked on the certificate's exact bytes, the CA's status granted since before the
//!    signing time and its own certificate valid then ([`MailError::NotQualified`]; a
//!    self-signed certificate, or one from a CA off the list or with a listed CA's name and
//!    another key, is never qualified);
//! 3. **key usage** with non-repudiation (contentCommitment) ([`MailError::NoNonRepudiation`]);
//! 4. **QC statements** (id-pe-qcStatements, ETSI EN 319 412-5) with QcCompliance *and*
//!    QcSSCD, and, when QcType is there, the type esign ([`MailError::NotQualifiedCertificate`]).
//!    QcSSCD is required because seed 002 asks for the legal representative's *firma digitale*,
//!    which Italian law (CAD, art. 1) defines as a qualified signature made on a secure device:
//!    a qualified certificate whose key is not on a QSCD makes an advanced signature, not a
//!    firma digitale;
//! 5. **not revoked** at the signing time: the CRL at the certificate's first HTTP
//!    distribution point that the worker could fetch, signed by the issuing CA (name and
//!    signature on the exact `tbsCertList`), current (`thisUpdate` past, `nextUpdate` not
//!    past), with no unknown critical extension (a delta CRL is refused); a certificate it
//!    lists (revoked or suspended) with a date at or before the signing time is
//!    [`MailError::Revoked`]. When no usable CRL answers — no HTTP distribution point, not
//!    reachable, unreadable, signed by someone else, out of date — the answer is
//!    [`MailError::RevocationUnknown`]: *could not check*, a separate code from *checked and
//!    bad*, so the worker never accepts it: [`CadesFile::check`] returns the document apart
//!    ([`Checked::RevocationUnknown`]) and the worker sends it to a person.
//!
//! Then the first signer's fiscal code comes from the subject's `serialNumber` (`TINIT-<cf>`,
//! also `IT:<cf>` and a bare code; [`MailError::NoSignerFiscalCode`] otherwise).
//!
//! **Signing time** ([`SigningWindow`]): the signed `signingTime` attribute when it falls
//! between the declaration's issue and now, else now. The attribute is the signer's own
//! claim; bounding it by the declaration's issue (the document holds the declaration's code,
//! so no genuine signature is older) means a backdated time can move the checks back by at
//! most the declaration's life (30 days), and a time in the future, or none, means "now".
//!
//! # Not covered
//! - **Chains longer than one**: the CA that issued the signer's certificate must itself be a
//!   CA/QC service of the list (as the Italian providers' issuing CAs are); intermediate
//!   certificates in the file are not followed.
//! - **ECDSA** keys (signers or CAs) are refused as unsupported; the Italian qualified CAs'
//!   signer certificates are RSA. Indirect CRLs, OCSP, and the service's status history (only
//!   the current granted status and its start are imported) are not used.
//! - **Revocation of PEC providers**: none; their trust is the [`TrustStore`] as configured.
//! - **AgID's list of PEC providers** (its download and format) is the worker's job; the
//!   domain takes it as a PEM bundle ([`TrustStore::from_pem`]).
//! - Signature time-stamps, counter-signatures, nested `.p7m` (a `.p7m` inside a `.p7m`),
//!   PAdES (signed PDF) and XAdES.

mod asn1;
mod cades;
mod cms;
mod crl;
mod daticert;
mod pec;
mod qualified;
mod trust;
mod x509;

pub use cades::{read_cades, verify_cades, CadesFile, Checked, DocumentSigner, SignedDocument};
pub use crl::Crl;
pub use pec::{verify_pec, PecMessage};
pub use qualified::{subject_key, Crls, QualifiedCas, SigningWindow};
pub use trust::TrustStore;

use crate::error::{ErrorCode, FieldError};
use crate::messages::{Msg, ToArg};
use std::fmt;

/// The largest PEC message [`verify_pec`] reads: 1 MiB.
pub const MAX_PEC_BYTES: usize = 1024 * 1024;
/// The largest `.p7m` [`verify_cades`] reads: 5 MiB.
pub const MAX_P7M_BYTES: usize = 5 * 1024 * 1024;

/// The verifier worker's answer (verifier/src/lib.rs), as the main worker reads it
/// (worker/src/verifier.rs): what was checked, a refusal to show the sender, or a failure of the
/// verifier itself (its storage, its configuration), never shown as the sender's fault.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict<T> {
    Ok(T),
    Refused(MailError),
    Failed(String),
}

/// Why a PEC message or a signed file was refused: a stable code and an Italian message, for
/// the e-mail rejection reason and the API's error shape.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MailError {
    /// Not a PEC transport envelope (no `X-Trasporto: posta-certificata`, or a receipt).
    NotPec,
    /// No signature where one is due.
    NotSigned,
    /// Unreadable; the text says what, in Italian.
    Malformed(String),
    /// The content changed after signing.
    DigestMismatch,
    /// The signature does not verify with the certificate's key.
    BadSignature,
    /// The PEC signer is neither a trusted provider nor issued by a trusted CA.
    UntrustedSigner,
    CertificateExpired,
    CertificateNotYetValid,
    /// The signer's certificate has no personal fiscal code in its subject.
    NoSignerFiscalCode,
    /// The provider's certification data and the original message disagree; the text names
    /// the field (`mittente`, `oggetto`).
    Mismatch(String),
    /// Larger than [`MAX_PEC_BYTES`] or [`MAX_P7M_BYTES`].
    TooLarge,
    /// A digest, signature or key algorithm not accepted (SHA-1, ECDSA, RSA-PSS, short keys).
    UnsupportedAlgorithm(String),
    /// A `.p7m` without the document (a detached signature).
    Detached,
    /// The signer's certificate was not issued by a qualified CA of the trusted list (a
    /// self-signed certificate, another CA, a CA not granted at the signing time).
    NotQualified,
    /// The signer's certificate does not allow non-repudiation (key usage).
    NoNonRepudiation,
    /// The signer's certificate lacks the QC statements of a qualified signature certificate
    /// (QcCompliance and QcSSCD; QcType, when present, must include esign).
    NotQualifiedCertificate,
    /// The CRL of the signer's CA lists the certificate as revoked or suspended at the
    /// signing time: checked, and bad.
    Revoked,
    /// Revocation could not be checked (no CRL address, CRL not reachable, unreadable, not
    /// signed by the CA, out of date): not checked, so not accepted automatically. The text
    /// says why, in Italian, for the log.
    RevocationUnknown(String),
}

impl MailError {
    /// The stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            MailError::NotPec => "not_pec",
            MailError::NotSigned => "not_signed",
            MailError::Malformed(_) => "malformed",
            MailError::DigestMismatch => "digest_mismatch",
            MailError::BadSignature => "bad_signature",
            MailError::UntrustedSigner => "untrusted_signer",
            MailError::CertificateExpired => "certificate_expired",
            MailError::CertificateNotYetValid => "certificate_not_yet_valid",
            MailError::NoSignerFiscalCode => "no_signer_fiscal_code",
            MailError::Mismatch(_) => "mismatch",
            MailError::TooLarge => "too_large",
            MailError::UnsupportedAlgorithm(_) => "unsupported_algorithm",
            MailError::Detached => "detached",
            MailError::NotQualified => "not_qualified",
            MailError::NoNonRepudiation => "no_non_repudiation",
            MailError::NotQualifiedCertificate => "not_qualified_certificate",
            MailError::Revoked => "certificate_revoked",
            MailError::RevocationUnknown(_) => "revocation_unknown",
        }
    }

    /// The Italian message, for the person who sent the message or the file.
    pub fn message(&self) -> String {
        self.to_field_error("").message
    }

    /// The API's error shape, naming `field` (the upload's or the message's).
    pub fn to_field_error(&self, field: &str) -> FieldError {
        let code = match self {
            MailError::TooLarge => ErrorCode::PayloadTooLarge,
            MailError::NotQualified
            | MailError::NoNonRepudiation
            | MailError::NotQualifiedCertificate => ErrorCode::NotQualified,
            MailError::Revoked => ErrorCode::CertificateRevoked,
            MailError::RevocationUnknown(_) => ErrorCode::RevocationUnknown,
            _ => ErrorCode::InvalidField,
        };
        let says = |msg: Msg, args: &[(&'static str, &dyn ToArg)]| {
            FieldError::says(code, Some(field), msg, args)
        };
        match self {
            MailError::NotPec => says(Msg::MailNotPec, &[]),
            MailError::NotSigned => says(Msg::MailNotSigned, &[]),
            MailError::Malformed(what) => says(Msg::MailMalformed, &[("detail", what)]),
            MailError::DigestMismatch => says(Msg::MailDigestMismatch, &[]),
            MailError::BadSignature => says(Msg::MailBadSignature, &[]),
            MailError::UntrustedSigner => says(Msg::MailUntrustedSigner, &[]),
            MailError::CertificateExpired => says(Msg::MailCertificateExpired, &[]),
            MailError::CertificateNotYetValid => says(Msg::MailCertificateNotYetValid, &[]),
            MailError::NoSignerFiscalCode => says(Msg::MailNoSignerFiscalCode, &[]),
            MailError::Mismatch(field) => says(Msg::MailMismatch, &[("field", field)]),
            MailError::TooLarge => says(
                Msg::MailTooLarge,
                &[
                    ("pec_mb", &(MAX_PEC_BYTES / (1024 * 1024))),
                    ("p7m_mb", &(MAX_P7M_BYTES / (1024 * 1024))),
                ],
            ),
            MailError::UnsupportedAlgorithm(what) => {
                says(Msg::MailUnsupportedAlgorithm, &[("detail", what)])
            }
            MailError::Detached => says(Msg::MailDetached, &[]),
            MailError::NotQualified => says(Msg::MailNotQualified, &[]),
            MailError::NoNonRepudiation => says(Msg::MailNoNonRepudiation, &[]),
            MailError::NotQualifiedCertificate => says(Msg::MailNotQualifiedCertificate, &[]),
            MailError::Revoked => says(Msg::MailRevoked, &[]),
            MailError::RevocationUnknown(why) => {
                says(Msg::MailRevocationUnknown, &[("detail", why)])
            }
        }
    }
}

impl fmt::Display for MailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for MailError {}

/// The address in a mailbox (`"Name" <a@b.it>`, `<a@b.it>`, `a@b.it`), trimmed and
/// lower-cased; `None` when it is not one address (no `@`, an empty side, white space, several
/// `@`). Domain and, in practice, PEC local parts are case-insensitive, so comparisons use
/// this form.
pub fn addr_spec(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let inner = match (raw.rfind('<'), raw.rfind('>')) {
        (Some(open), Some(close)) if open < close => &raw[open + 1..close],
        (None, None) => raw,
        _ => return None,
    };
    let addr = inner.trim();
    let (local, domain) = addr.split_once('@')?;
    if local.is_empty()
        || domain.is_empty()
        || domain.contains('@')
        || !domain.contains('.')
        || addr.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return None;
    }
    Some(addr.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(
            addr_spec("\"Comune\" <Protocollo@PEC.Comune.it>").as_deref(),
            Some("protocollo@pec.comune.it")
        );
        assert_eq!(addr_spec(" a@b.it ").as_deref(), Some("a@b.it"));
        assert_eq!(addr_spec("<a@b.it>").as_deref(), Some("a@b.it"));
        for bad in [
            "",
            "a",
            "@b.it",
            "a@",
            "a@b@c.it",
            "a b@c.it",
            "<a@b.it",
            "a@localhost",
        ] {
            assert_eq!(addr_spec(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_error_has_a_code_and_an_italian_message() {
        let all = [
            MailError::NotPec,
            MailError::NotSigned,
            MailError::Malformed("x".into()),
            MailError::DigestMismatch,
            MailError::BadSignature,
            MailError::UntrustedSigner,
            MailError::CertificateExpired,
            MailError::CertificateNotYetValid,
            MailError::NoSignerFiscalCode,
            MailError::Mismatch("mittente".into()),
            MailError::TooLarge,
            MailError::UnsupportedAlgorithm("SHA-1".into()),
            MailError::Detached,
            MailError::NotQualified,
            MailError::NoNonRepudiation,
            MailError::NotQualifiedCertificate,
            MailError::Revoked,
            MailError::RevocationUnknown("la lista di revoca non è raggiungibile".into()),
        ];
        let mut codes: Vec<&str> = all.iter().map(MailError::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        for e in &all {
            let m = e.message();
            assert!(m.ends_with('.'), "{m}");
            let fe = e.to_field_error("pec");
            assert_eq!(fe.field.as_deref(), Some("pec"));
            assert_eq!(fe.message, m);
        }
        assert_eq!(
            MailError::TooLarge.to_field_error("file").code,
            ErrorCode::PayloadTooLarge
        );
        assert_eq!(
            MailError::TooLarge.message(),
            "Il messaggio o il file è troppo grande: al massimo 1 MB per una PEC (senza \
             allegati) e 5 MB per un file firmato."
        );
        // Each says a message of the catalogue, so a page in English says it in English.
        assert!(all.iter().all(|e| e.to_field_error("pec").text().is_some()));
    }
}
