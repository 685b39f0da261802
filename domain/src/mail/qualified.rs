//! What makes a `.p7m` signer's certificate a qualified one: issued by a CA that the national
//! trusted list (ETSI TS 119 612, published by AgID) lists as a qualified service, with the
//! key usage and the QC statements of a qualified signature certificate, valid and not revoked
//! when it signed. See the module documentation of [`crate::mail`].

use super::crl::Crl;
use super::x509::{name_key, Cert, QcStatement};
use super::MailError;
use der::asn1::ObjectIdentifier;
use der::Decode;
use std::collections::BTreeMap;

/// esi4-qcStatement-1, QcCompliance (ETSI EN 319 412-5): "this is a qualified certificate".
const QC_COMPLIANCE: ObjectIdentifier = ObjectIdentifier::new_unwrap("0.4.0.1862.1.1");
/// esi4-qcStatement-4, QcSSCD: the private key is on a qualified signature creation device.
const QC_SSCD: ObjectIdentifier = ObjectIdentifier::new_unwrap("0.4.0.1862.1.4");
/// esi4-qcStatement-6, QcType, and its value for electronic signatures (not seals, not web).
const QC_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("0.4.0.1862.1.6");
const QCT_ESIGN: ObjectIdentifier = ObjectIdentifier::new_unwrap("0.4.0.1862.1.6.1");

/// A qualified CA from the trusted list: its certificate and since when its status is
/// granted (Unix seconds).
#[derive(Debug, Clone)]
struct Anchor {
    cert: Cert,
    granted_since: i64,
}

/// The qualified CAs a signer's certificate may be issued by: in production the CA/QC services
/// of the Italian trusted list that `cargo xtask import-tsl` loaded into D1 (table
/// `trusted_cas`). The worker reads only the rows whose subject is the signers' issuer
/// ([`super::CadesFile::issuer_keys`]).
#[derive(Debug, Clone, Default)]
pub struct QualifiedCas {
    anchors: Vec<Anchor>,
}

impl QualifiedCas {
    /// From `(certificate DER, status start in Unix seconds)` pairs. A certificate that does
    /// not decode is refused: the list is configuration, and a broken row must show.
    pub fn new(rows: impl IntoIterator<Item = (Vec<u8>, i64)>) -> Result<QualifiedCas, MailError> {
        let mut anchors = Vec::new();
        for (i, (der, granted_since)) in rows.into_iter().enumerate() {
            let cert = Cert::from_der(&der).map_err(|_| {
                MailError::Malformed(format!(
                    "il certificato {} dell'elenco dei prestatori qualificati non è leggibile",
                    i + 1
                ))
            })?;
            anchors.push(Anchor {
                cert,
                granted_since,
            });
        }
        Ok(QualifiedCas { anchors })
    }

    pub fn len(&self) -> usize {
        self.anchors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty()
    }

    /// The CRL in `der` when one of these CAs signed it and it is current at `now`: what the
    /// worker checks before caching a CRL it fetched, so a forged answer on the way (CRLs
    /// travel over plain HTTP) is never kept.
    pub fn checked_crl(&self, der: &[u8], now: i64) -> Result<Crl, MailError> {
        let crl = Crl::from_der(der)?;
        let mut why = MailError::RevocationUnknown(
            "la lista di revoca (CRL) non è di un prestatore qualificato dell'elenco".to_owned(),
        );
        for a in &self.anchors {
            match crl.check(&a.cert, now) {
                Ok(()) => return Ok(crl),
                Err(e) => why = e,
            }
        }
        Err(why)
    }

    /// The qualified CA that issued `signer`, granted and valid at `at`: the issuer's
    /// signature is checked on the certificate's exact bytes, so a CA with a listed CA's name
    /// and another key is no anchor.
    pub(crate) fn issuer_of(&self, signer: &Cert, at: i64) -> Option<&Cert> {
        self.anchors
            .iter()
            .find(|a| {
                a.granted_since <= at
                    && a.cert.is_ca()
                    && a.cert.check_validity(at).is_ok()
                    && signer.is_issued_by(&a.cert)
            })
            .map(|a| &a.cert)
    }
}

/// The key under which a certificate's subject is stored in `trusted_cas.subject_key`, and
/// under which a signer's issuer is looked up: SHA-256 of the name's DER, hex.
pub fn subject_key(cert_der: &[u8]) -> Result<String, MailError> {
    name_key(Cert::from_der(cert_der)?.subject())
}

/// The CRLs the worker fetched, by distribution point URL: the DER bytes, or why it could not
/// get them (the text is logged, the signer is told that revocation could not be checked).
#[derive(Debug, Clone, Default)]
pub struct Crls {
    by_url: BTreeMap<String, Result<Vec<u8>, String>>,
}

impl Crls {
    pub fn new() -> Crls {
        Crls::default()
    }

    /// Records what fetching `url` gave.
    pub fn insert(&mut self, url: &str, fetched: Result<Vec<u8>, String>) {
        self.by_url.insert(url.to_owned(), fetched);
    }
}

/// When the signature counts as made: the signed `signingTime` attribute when it falls
/// between the declaration's issue and now, else now (see [`crate::mail`], "Signing time").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SigningWindow {
    /// The declaration's issue: the signed document holds its code, so no real signature is
    /// older.
    pub earliest: i64,
    pub now: i64,
}

impl SigningWindow {
    pub fn at(self, signing_time: Option<i64>) -> i64 {
        match signing_time {
            Some(t) if t >= self.earliest && t <= self.now => t,
            _ => self.now,
        }
    }
}

/// The checks on one signer's certificate, in this order: the certificate is valid at `at`,
/// the issuer is a qualified CA of the list ([`MailError::NotQualified`]; a self-signed
/// certificate never is), its key usage says non-repudiation ([`MailError::NoNonRepudiation`]), its QC
/// statements say qualified and on a QSCD ([`MailError::NotQualifiedCertificate`]), and it
/// was not revoked or suspended at `at` ([`MailError::Revoked`], or
/// [`MailError::RevocationUnknown`] when no usable CRL says).
pub(crate) fn check_signer(
    cert: &Cert,
    cas: &QualifiedCas,
    crls: &Crls,
    at: i64,
    now: i64,
) -> Result<(), MailError> {
    cert.check_validity(at)?;
    let issuer = cas.issuer_of(cert, at).ok_or(MailError::NotQualified)?;
    if !cert.non_repudiation() {
        return Err(MailError::NoNonRepudiation);
    }
    check_qc_statements(&cert.qc_statements()?.unwrap_or_default())?;
    check_revocation(cert, issuer, crls, at, now)
}

fn check_qc_statements(statements: &[QcStatement]) -> Result<(), MailError> {
    let has = |id: ObjectIdentifier| statements.iter().any(|s| s.id == id);
    if !has(QC_COMPLIANCE) || !has(QC_SSCD) {
        return Err(MailError::NotQualifiedCertificate);
    }
    // QcType, when present, must include electronic signatures: a seal's or a website's
    // qualified certificate does not sign for a person. Its info is SEQUENCE OF OID.
    if let Some(qc_type) = statements.iter().find(|s| s.id == QC_TYPE) {
        let esign = qc_type
            .info
            .as_deref()
            .and_then(|info| super::asn1::read(info).ok())
            .and_then(|(seq, _)| super::asn1::children(seq.content).ok())
            .is_some_and(|types| {
                types
                    .iter()
                    .any(|t| ObjectIdentifier::from_der(t.raw).ok() == Some(QCT_ESIGN))
            });
        if !esign {
            return Err(MailError::NotQualifiedCertificate);
        }
    }
    Ok(())
}

/// Revocation from the CRL at the certificate's first HTTP distribution point that gave a
/// usable CRL. None usable (no distribution point, none fetched, none signed by the issuer or
/// current): [`MailError::RevocationUnknown`], never a pass.
fn check_revocation(
    cert: &Cert,
    issuer: &Cert,
    crls: &Crls,
    at: i64,
    now: i64,
) -> Result<(), MailError> {
    let urls = cert.crl_urls();
    let mut why = MailError::RevocationUnknown(
        "il certificato non indica una lista di revoca (CRL) raggiungibile via HTTP".to_owned(),
    );
    for url in &urls {
        let crl = match crls.by_url.get(url) {
            None => {
                why = MailError::RevocationUnknown(
                    "la lista di revoca (CRL) non è stata scaricata".to_owned(),
                );
                continue;
            }
            Some(Err(_)) => {
                why = MailError::RevocationUnknown(
                    "la lista di revoca (CRL) non è raggiungibile".to_owned(),
                );
                continue;
            }
            Some(Ok(der)) => {
                match Crl::from_der(der).and_then(|c| c.check(issuer, now).map(|()| c)) {
                    Ok(crl) => crl,
                    Err(e) => {
                        why = e;
                        continue;
                    }
                }
            }
        };
        return match crl.revoked_at(cert.serial())? {
            Some(when) if when <= at => Err(MailError::Revoked),
            _ => Ok(()),
        };
    }
    Err(why)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(id: ObjectIdentifier, info: Option<Vec<u8>>) -> QcStatement {
        QcStatement { id, info }
    }

    #[test]
    fn qc_statements_rules() {
        let ok = [st(QC_COMPLIANCE, None), st(QC_SSCD, None)];
        assert_eq!(check_qc_statements(&ok), Ok(()));
        assert_eq!(
            check_qc_statements(&ok[..1]),
            Err(MailError::NotQualifiedCertificate)
        );
        assert_eq!(
            check_qc_statements(&[]),
            Err(MailError::NotQualifiedCertificate)
        );
        // QcType: esign passes, eseal alone does not.
        let esign = der::Encode::to_der(&QCT_ESIGN).unwrap();
        let eseal = der::Encode::to_der(&ObjectIdentifier::new_unwrap("0.4.0.1862.1.6.2")).unwrap();
        let seq = |oid: &[u8]| [&[0x30, oid.len() as u8][..], oid].concat();
        let mut with_type = ok.to_vec();
        with_type.push(st(QC_TYPE, Some(seq(&esign))));
        assert_eq!(check_qc_statements(&with_type), Ok(()));
        with_type.pop();
        with_type.push(st(QC_TYPE, Some(seq(&eseal))));
        assert_eq!(
            check_qc_statements(&with_type),
            Err(MailError::NotQualifiedCertificate)
        );
    }

    #[test]
    fn signing_time_is_used_only_inside_the_window() {
        let w = SigningWindow {
            earliest: 100,
            now: 200,
        };
        assert_eq!(w.at(Some(150)), 150);
        assert_eq!(w.at(Some(100)), 100);
        assert_eq!(w.at(Some(99)), 200);
        assert_eq!(w.at(Some(201)), 200);
        assert_eq!(w.at(None), 200);
    }
}
