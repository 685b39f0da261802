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
//! every Italian signing application writes it. [`verify_cades`] takes it as DER, BER (some
//! tools write indefinite lengths; they are made DER first), base64 or PEM, at most
//! [`MAX_P7M_BYTES`], and checks for every signer (at most 16, so a crafted file cannot make
//! the worker run thousands of RSA verifications; a document signed side by side by several
//! people yields them all, [`SignedDocument::cosigners`], and one bad signature refuses the
//! file): the message digest, the RSA signature over the signed attributes (or over the
//! content when there are none), the signing-certificate-v2 attribute against the certificate
//! when present, and the certificate's validity at `now_unix`. The first signer's fiscal code comes from the subject's `serialNumber`
//! (`TINIT-<cf>`, also `IT:<cf>` and a bare code; [`MailError::NoSignerFiscalCode`] otherwise).
//!
//! # Not covered
//! - **The chain of a `.p7m` signer** is not checked against the national trusted list (the EU
//!   TSL of qualified providers): [`SignedDocument::chain_checked`] is always false. Until it
//!   is, a self-made certificate with someone's fiscal code passes [`verify_cades`], so the
//!   worker must treat a `.p7m` as a claim to review, not as proof.
//! - **Revocation**: no CRL or OCSP, neither for PEC providers nor for signers.
//! - **AgID's list of PEC providers** (its download and format) is the worker's job; the
//!   domain takes it as a PEM bundle ([`TrustStore::from_pem`]).
//! - Signature time-stamps, counter-signatures, nested `.p7m` (a `.p7m` inside a `.p7m`),
//!   PAdES (signed PDF) and XAdES.

mod asn1;
mod cades;
mod cms;
mod daticert;
mod pec;
mod trust;
mod x509;

pub use cades::{verify_cades, DocumentSigner, SignedDocument};
pub use pec::{verify_pec, PecMessage};
pub use trust::TrustStore;

use crate::error::{ErrorCode, FieldError};
use crate::messages::{Msg, ToArg};
use std::fmt;

/// The largest PEC message [`verify_pec`] reads: 1 MiB.
pub const MAX_PEC_BYTES: usize = 1024 * 1024;
/// The largest `.p7m` [`verify_cades`] reads: 5 MiB.
pub const MAX_P7M_BYTES: usize = 5 * 1024 * 1024;

/// Why a PEC message or a signed file was refused: a stable code and an Italian message, for
/// the e-mail rejection reason and the API's error shape.
#[derive(Debug, Clone, PartialEq, Eq)]
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
