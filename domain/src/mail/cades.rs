//! CAdES `.p7m` files: a document signed by a person with a qualified certificate. See the
//! module documentation of [`crate::mail`] for what is checked and what is not.

use super::trust::pem_blocks;
use super::x509::{Cert, CN, GIVEN_NAME, SERIAL_NUMBER, SURNAME};
use super::{cms, MailError, MAX_P7M_BYTES};
use crate::identity::CodiceFiscale;
use base64::Engine as _;

/// A person who signed a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSigner {
    /// From the certificate subject's `serialNumber`; `None` when it holds no personal fiscal
    /// code.
    pub cf: Option<CodiceFiscale>,
    pub name: String,
    pub certificate_not_after: i64,
}

/// A verified `.p7m`: the content and who signed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedDocument {
    /// The signed content (the `.p7m` holds it: `-nodetach`).
    pub content: Vec<u8>,
    /// The first signer's fiscal code, from the certificate subject's `serialNumber`
    /// (`TINIT-<cf>`; also `IT:<cf>`, the older form, and a bare code).
    pub signer_cf: CodiceFiscale,
    /// The first signer's `givenName` and `surname`, else the certificate's `CN`.
    pub signer_name: String,
    /// The first signer's certificate's `notAfter`, Unix seconds.
    pub certificate_not_after: i64,
    /// Always false for now: the chain is not checked against the national trusted list (EU
    /// TSL), so anyone with a self-made certificate bearing someone's fiscal code passes.
    pub chain_checked: bool,
    /// The other signers of a document signed by several people (parallel signatures), in
    /// the file's order; each one's signature was checked like the first's.
    pub cosigners: Vec<DocumentSigner>,
}

/// The DER or BER of a `.p7m` given as binary, base64, or base64 in PEM armour
/// (`-----BEGIN PKCS7-----`, `-----BEGIN CMS-----`, …).
fn binary(p7m: &[u8]) -> Result<Vec<u8>, MailError> {
    let start = p7m.iter().position(|b| !b.is_ascii_whitespace());
    match start.map(|i| p7m[i]) {
        None => Err(MailError::NotSigned),
        Some(0x30) => Ok(p7m.to_vec()),
        Some(_) => {
            let text = std::str::from_utf8(p7m).map_err(|_| MailError::NotSigned)?;
            if text.contains("-----BEGIN ") {
                let blocks = pem_blocks(text)?;
                let [(_, der)] = blocks.as_slice() else {
                    return Err(MailError::Malformed(
                        "il file deve contenere un solo blocco PEM".to_owned(),
                    ));
                };
                return Ok(der.clone());
            }
            let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            base64::engine::general_purpose::STANDARD
                .decode(compact.as_bytes())
                .map_err(|_| MailError::NotSigned)
        }
    }
}

/// The fiscal code in a `serialNumber`: `TINIT-<cf>` (ETSI EN 319 412-1 semantics
/// identifier), `IT:<cf>` (the form of certificates issued before it), or the bare code. Only
/// a valid personal code counts: `VATIT-…` (a company's) or a malformed code is none.
fn fiscal_code(serial: &str) -> Option<CodiceFiscale> {
    let s = serial.trim();
    let upper = s.to_ascii_uppercase();
    let code = ["TINIT-", "IT:"]
        .iter()
        .find_map(|p| upper.strip_prefix(p))
        .unwrap_or(&upper);
    CodiceFiscale::parse(code).ok()
}

fn signer_name(cert: &Cert) -> String {
    match (cert.subject_attr(GIVEN_NAME), cert.subject_attr(SURNAME)) {
        (Some(given), Some(surname)) => format!("{} {}", given.trim(), surname.trim()),
        _ => cert
            .subject_attr(CN)
            .map(|cn| cn.trim().to_owned())
            .unwrap_or_default(),
    }
}

/// Verifies a CAdES `.p7m` (CMS SignedData with the content inside), DER, BER, base64 or PEM.
/// See the module documentation of [`crate::mail`].
pub fn verify_cades(p7m: &[u8], now_unix: i64) -> Result<SignedDocument, MailError> {
    if p7m.len() > MAX_P7M_BYTES {
        return Err(MailError::TooLarge);
    }
    let sd = cms::parse(&binary(p7m)?)?;
    let content = sd.content.clone().ok_or(MailError::Detached)?;
    let mut signers = Vec::with_capacity(sd.signers.len());
    for signer in &sd.signers {
        let cert = cms::verify_signer(&sd, signer, &content, &[])?;
        cert.check_validity(now_unix)?;
        signers.push(DocumentSigner {
            cf: cert
                .subject_attr(SERIAL_NUMBER)
                .as_deref()
                .and_then(fiscal_code),
            name: signer_name(&cert),
            certificate_not_after: cert.validity().1,
        });
    }
    let mut signers = signers.into_iter();
    let first = signers.next().ok_or(MailError::NotSigned)?;
    let signer_cf = first.cf.ok_or(MailError::NoSignerFiscalCode)?;
    Ok(SignedDocument {
        content,
        signer_cf,
        signer_name: first.name,
        certificate_not_after: first.certificate_not_after,
        chain_checked: false,
        cosigners: signers.collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_codes_in_serial_numbers() {
        let cf = "RSSMRA85T10A562S";
        for s in [
            "TINIT-RSSMRA85T10A562S",
            "tinit-rssmra85t10a562s",
            "IT:RSSMRA85T10A562S",
            "RSSMRA85T10A562S",
            " TINIT-RSSMRA85T10A562S ",
        ] {
            assert_eq!(
                fiscal_code(s).map(|c| c.as_str().to_owned()).as_deref(),
                Some(cf),
                "{s}"
            );
        }
        for s in ["VATIT-01234567897", "TINIT-RSSMRA85T10A562X", "", "12345"] {
            assert!(fiscal_code(s).is_none(), "{s}");
        }
    }

    #[test]
    fn binary_forms() {
        assert_eq!(binary(b"\x30\x00").unwrap(), b"\x30\x00");
        assert_eq!(binary(b"MAA=\n").unwrap(), b"\x30\x00");
        assert_eq!(
            binary(b"-----BEGIN CMS-----\nMAA=\n-----END CMS-----\n").unwrap(),
            b"\x30\x00"
        );
        assert_eq!(binary(b"  \n"), Err(MailError::NotSigned));
        assert_eq!(binary(b"ciao, non sono firmato"), Err(MailError::NotSigned));
    }
}
