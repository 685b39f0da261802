//! CAdES `.p7m` files: a document signed by a person with a qualified certificate. See the
//! module documentation of [`crate::mail`] for what is checked and what is not.

use super::qualified::{check_signer, Crls, QualifiedCas, SigningWindow};
use super::trust::pem_blocks;
use super::x509::{name_key, Cert, CN, GIVEN_NAME, SERIAL_NUMBER, SURNAME};
use super::{cms, MailError, MAX_P7M_BYTES};
use crate::identity::CodiceFiscale;
use base64::Engine as _;

/// A person who signed a document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DocumentSigner {
    /// From the certificate subject's `serialNumber`; `None` when it holds no personal fiscal
    /// code.
    pub cf: Option<CodiceFiscale>,
    pub name: String,
    pub certificate_not_after: i64,
}

/// A verified `.p7m`: the content and who signed it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// When the first signature counts as made, Unix seconds: what its certificate's validity
    /// and revocation were checked at ([`SigningWindow::at`]).
    pub signed_at: i64,
    /// The other signers of a document signed by several people (parallel signatures), in
    /// the file's order; each one's signature and certificate were checked like the first's.
    pub cosigners: Vec<DocumentSigner>,
}

/// A `.p7m` whose signatures verify over its content with the certificates it carries, not
/// yet checked against the trusted list: what the worker needs to know to fetch what the
/// qualified checks need ([`CadesFile::issuer_keys`], [`CadesFile::crl_urls`]), then
/// [`CadesFile::verify`].
#[derive(Debug, Clone)]
pub struct CadesFile {
    content: Vec<u8>,
    /// Each signer's certificate and its signed `signingTime`, in the file's order.
    signers: Vec<(Cert, Option<i64>)>,
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

/// Reads a CAdES `.p7m` (CMS SignedData with the content inside), DER, BER, base64 or PEM,
/// and checks every signer's signature over the content; the certificates are not judged yet.
pub fn read_cades(p7m: &[u8]) -> Result<CadesFile, MailError> {
    if p7m.len() > MAX_P7M_BYTES {
        return Err(MailError::TooLarge);
    }
    let sd = cms::parse(&binary(p7m)?)?;
    let content = sd.content.clone().ok_or(MailError::Detached)?;
    let mut signers = Vec::with_capacity(sd.signers.len());
    for signer in &sd.signers {
        let cert = cms::verify_signer(&sd, signer, &content, &[])?;
        signers.push((cert, cms::signing_time(&signer.info)?));
    }
    Ok(CadesFile { content, signers })
}

impl CadesFile {
    /// The keys ([`super::subject_key`]) of the signers' issuers: the rows of the trusted list
    /// the worker reads.
    pub fn issuer_keys(&self) -> Result<Vec<String>, MailError> {
        let mut keys = Vec::new();
        for (cert, _) in &self.signers {
            let key = name_key(cert.issuer())?;
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    /// The CRL distribution points (HTTP) of the signers' certificates, each once.
    pub fn crl_urls(&self) -> Vec<String> {
        self.urls_of(self.signers.iter().map(|(c, _)| c))
    }

    /// The CRL distribution points of the signers whose certificate a CA of `cas` issued (its
    /// signature checked): what the worker fetches before [`CadesFile::verify`]. An address
    /// written in anyone else's certificate is never fetched, so a made-up certificate cannot
    /// send the worker to a URL of its choosing.
    pub fn crl_urls_to_fetch(&self, cas: &QualifiedCas, window: SigningWindow) -> Vec<String> {
        self.urls_of(
            self.signers
                .iter()
                .filter(|(cert, t)| cas.issuer_of(cert, window.at(*t)).is_some())
                .map(|(c, _)| c),
        )
    }

    fn urls_of<'c>(&self, certs: impl Iterator<Item = &'c Cert>) -> Vec<String> {
        let mut urls: Vec<String> = Vec::new();
        for cert in certs {
            for url in cert.crl_urls() {
                if !urls.contains(&url) {
                    urls.push(url);
                }
            }
        }
        urls
    }

    /// Checks every signer's certificate (see the module documentation of [`crate::mail`]):
    /// issued by a qualified CA of `cas`, valid, non-repudiation, QC statements, not revoked
    /// according to `crls`, each at its signing time within `window`. Then reads the first
    /// signer's fiscal code. Revocation that could not be checked is an error here
    /// ([`MailError::RevocationUnknown`]); [`CadesFile::check`] says it apart.
    pub fn verify(
        self,
        cas: &QualifiedCas,
        crls: &Crls,
        window: SigningWindow,
    ) -> Result<SignedDocument, MailError> {
        match self.check(cas, crls, window)? {
            Checked::Qualified(document) => Ok(document),
            Checked::RevocationUnknown { why, .. } => Err(MailError::RevocationUnknown(why)),
        }
    }

    /// The checks of [`CadesFile::verify`], with one difference: when every check passed but
    /// revocation could not be made for some signer (no usable CRL), the document and its
    /// signer are still returned, as [`Checked::RevocationUnknown`], so that a person can look
    /// at it. Such a document proves nothing by itself.
    pub fn check(
        self,
        cas: &QualifiedCas,
        crls: &Crls,
        window: SigningWindow,
    ) -> Result<Checked, MailError> {
        let mut signers = Vec::with_capacity(self.signers.len());
        let mut first_at = window.now;
        let mut unknown: Option<String> = None;
        for (i, (cert, signing_time)) in self.signers.iter().enumerate() {
            let at = window.at(*signing_time);
            if i == 0 {
                first_at = at;
            }
            // Revocation is the last of a signer's checks: past it, everything else passed.
            match check_signer(cert, cas, crls, at, window.now) {
                Ok(()) => {}
                Err(MailError::RevocationUnknown(why)) => {
                    unknown.get_or_insert(why);
                }
                Err(e) => return Err(e),
            }
            signers.push(DocumentSigner {
                cf: cert
                    .subject_attr(SERIAL_NUMBER)
                    .as_deref()
                    .and_then(fiscal_code),
                name: signer_name(cert),
                certificate_not_after: cert.validity().1,
            });
        }
        let mut signers = signers.into_iter();
        let first = signers.next().ok_or(MailError::NotSigned)?;
        let signer_cf = first.cf.ok_or(MailError::NoSignerFiscalCode)?;
        let document = SignedDocument {
            content: self.content,
            signer_cf,
            signer_name: first.name,
            certificate_not_after: first.certificate_not_after,
            signed_at: first_at,
            cosigners: signers.collect(),
        };
        Ok(match unknown {
            None => Checked::Qualified(document),
            Some(why) => Checked::RevocationUnknown { document, why },
        })
    }
}

/// What [`CadesFile::check`] found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Checked {
    /// Every check passed, revocation included.
    Qualified(SignedDocument),
    /// Every check passed except revocation, which could not be made (`why`, in Italian): not
    /// a pass. The worker puts such a declaration in the operators' review queue.
    RevocationUnknown {
        document: SignedDocument,
        why: String,
    },
}

/// [`read_cades`] then [`CadesFile::verify`]: a `.p7m` accepted only from qualified signers.
pub fn verify_cades(
    p7m: &[u8],
    cas: &QualifiedCas,
    crls: &Crls,
    window: SigningWindow,
) -> Result<SignedDocument, MailError> {
    read_cades(p7m)?.verify(cas, crls, window)
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
