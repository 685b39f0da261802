//! The PEC providers' certificates the worker trusts.

use super::x509::Cert;
use super::MailError;
use base64::Engine as _;

/// The certificates of the PEC providers (or of the authorities that issue them) whose
/// signatures on transport envelopes are accepted. In production this is AgID's list of PEC
/// providers' certificates, which the worker loads as a PEM bundle; loading it is not part of
/// the domain.
#[derive(Debug, Clone, Default)]
pub struct TrustStore {
    certs: Vec<Cert>,
}

impl TrustStore {
    /// A PEM bundle: one or more `CERTIFICATE` blocks; text around the blocks (comments) is
    /// ignored. An empty bundle trusts nothing. A block of another kind, or a certificate that
    /// does not decode, is refused: a bundle is configuration, and a mistake in it must show.
    pub fn from_pem(pem: &str) -> Result<TrustStore, MailError> {
        let mut certs = Vec::new();
        for (i, (label, der)) in pem_blocks(pem)?.into_iter().enumerate() {
            if label != "CERTIFICATE" {
                return Err(MailError::Malformed(format!(
                    "il blocco {} dell'elenco dei gestori è «{label}», non un certificato",
                    i + 1
                )));
            }
            certs.push(Cert::from_der(&der).map_err(|_| {
                MailError::Malformed(format!(
                    "il certificato {} dell'elenco dei gestori non è leggibile",
                    i + 1
                ))
            })?);
        }
        Ok(TrustStore { certs })
    }

    pub fn len(&self) -> usize {
        self.certs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.certs.is_empty()
    }

    pub(crate) fn certs(&self) -> &[Cert] {
        &self.certs
    }

    /// True when `signer` is one of the trusted certificates, byte for byte, or was issued by
    /// one of them that is a CA valid at `now` (the issuer's signature checked, not just its
    /// name). One level only: the PEC providers' certificates are issued directly by the
    /// certificates AgID lists.
    pub(crate) fn trusts(&self, signer: &Cert, now: i64) -> bool {
        if self.certs.iter().any(|c| c.der == signer.der) {
            return true;
        }
        self.certs.iter().any(|anchor| {
            anchor.is_ca() && anchor.check_validity(now).is_ok() && signer.is_issued_by(anchor)
        })
    }
}

/// The `-----BEGIN <label>-----` … `-----END <label>-----` blocks of a PEM text, decoded.
pub(crate) fn pem_blocks(text: &str) -> Result<Vec<(String, Vec<u8>)>, MailError> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines() {
        let line = line.trim();
        if let Some(label) = line
            .strip_prefix("-----BEGIN ")
            .and_then(|l| l.strip_suffix("-----"))
        {
            if current.is_some() {
                return Err(MailError::Malformed("blocco PEM non chiuso".to_owned()));
            }
            current = Some((label.to_owned(), String::new()));
        } else if let Some(label) = line
            .strip_prefix("-----END ")
            .and_then(|l| l.strip_suffix("-----"))
        {
            let Some((open, body)) = current.take() else {
                return Err(MailError::Malformed("blocco PEM senza inizio".to_owned()));
            };
            if open != label {
                return Err(MailError::Malformed("blocco PEM chiuso male".to_owned()));
            }
            let der = base64::engine::general_purpose::STANDARD
                .decode(body.as_bytes())
                .map_err(|_| {
                    MailError::Malformed("base64 non valido in un blocco PEM".to_owned())
                })?;
            blocks.push((open, der));
        } else if let Some((_, body)) = current.as_mut() {
            // Headers inside a block (`Proc-Type: …`) are not base64.
            if !line.contains(':') {
                body.push_str(line);
            }
        }
    }
    if current.is_some() {
        return Err(MailError::Malformed("blocco PEM non chiuso".to_owned()));
    }
    Ok(blocks)
}
