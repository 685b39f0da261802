//! Certificate revocation lists (RFC 5280 §5), read so that the issuer's signature is checked
//! over the exact `tbsCertList` bytes and a certificate is looked up without decoding every
//! entry: a qualified CA's CRL can hold hundreds of thousands of them.

use super::x509::{Cert, Hash};
use super::{asn1, MailError};
use der::asn1::ObjectIdentifier;
use der::Decode;
use x509_cert::name::Name;
use x509_cert::spki::AlgorithmIdentifierOwned;
use x509_cert::time::Time;

/// issuingDistributionPoint: a partitioned CRL says which part it is. The worker fetches the
/// CRL at the certificate's own distribution point, so the part is the certificate's.
const ISSUING_DISTRIBUTION_POINT: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.28");

fn unknown(what: &str) -> MailError {
    MailError::RevocationUnknown(what.to_owned())
}

/// A CRL as read: its signed bytes, issuer, dates and the raw list of entries.
#[derive(Debug, Clone)]
pub struct Crl {
    tbs: Vec<u8>,
    algorithm: AlgorithmIdentifierOwned,
    signature: Vec<u8>,
    issuer: Name,
    this_update: i64,
    next_update: Option<i64>,
    /// The DER contents of `revokedCertificates` (empty when there is none).
    revoked: Vec<u8>,
}

fn time_at(t: &asn1::Tlv<'_>) -> Option<i64> {
    Time::from_der(t.raw)
        .ok()
        .map(|t| i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX))
}

impl Crl {
    /// Reads a DER CRL (a PEM one is the worker's to unwrap: CRLs are served as DER). Every
    /// failure is [`MailError::RevocationUnknown`]: an unreadable CRL says nothing about the
    /// certificate.
    pub fn from_der(der: &[u8]) -> Result<Crl, MailError> {
        let bad = || unknown("la lista di revoca (CRL) non è leggibile");
        // Every nested length checked before any part goes to `der` (asn1::well_formed).
        asn1::well_formed(der).map_err(|_| bad())?;
        let (outer, rest) = asn1::read(der).map_err(|_| bad())?;
        if outer.tag != 0x30 || !rest.is_empty() {
            return Err(bad());
        }
        let parts = asn1::children(outer.content).map_err(|_| bad())?;
        let [tbs, alg, sig] = parts.as_slice() else {
            return Err(bad());
        };
        if tbs.tag != 0x30 || sig.tag != 0x03 {
            return Err(bad());
        }
        let algorithm = AlgorithmIdentifierOwned::from_der(alg.raw).map_err(|_| bad())?;
        // A BIT STRING with no unused bits: the first contents byte is 0.
        let signature = match sig.content.split_first() {
            Some((0, bits)) => bits.to_vec(),
            _ => return Err(bad()),
        };
        let fields = asn1::children(tbs.content).map_err(|_| bad())?;
        let mut i = 0;
        if fields.first().is_some_and(|f| f.tag == 0x02) {
            i += 1; // version
        }
        let inner_alg = fields.get(i).ok_or_else(bad)?;
        if AlgorithmIdentifierOwned::from_der(inner_alg.raw).map_err(|_| bad())? != algorithm {
            return Err(bad());
        }
        let issuer = Name::from_der(fields.get(i + 1).ok_or_else(bad)?.raw).map_err(|_| bad())?;
        let this_update = fields.get(i + 2).and_then(time_at).ok_or_else(bad)?;
        let mut rest = &fields[(i + 3).min(fields.len())..];
        let mut next_update = None;
        if let Some(t) = rest.first().filter(|t| matches!(t.tag, 0x17 | 0x18)) {
            next_update = Some(time_at(t).ok_or_else(bad)?);
            rest = &rest[1..];
        }
        let mut revoked = Vec::new();
        if let Some(list) = rest.first().filter(|t| t.tag == 0x30) {
            revoked = list.content.to_vec();
            rest = &rest[1..];
        }
        if let Some(exts) = rest.first().filter(|t| t.tag == 0xa0) {
            check_extensions(exts.content)?;
            rest = &rest[1..];
        }
        if !rest.is_empty() {
            return Err(bad());
        }
        Ok(Crl {
            tbs: tbs.raw.to_vec(),
            algorithm,
            signature,
            issuer,
            this_update,
            next_update,
            revoked,
        })
    }

    /// When the issuer promises the next CRL (Unix seconds), if it says: how long the worker
    /// keeps this one.
    pub fn next_update(&self) -> Option<i64> {
        self.next_update
    }

    pub fn this_update(&self) -> i64 {
        self.this_update
    }

    /// Checks that `issuer` signed this CRL (its name and its signature on the exact
    /// `tbsCertList`) and that the CRL is current at `now` (issued, and its `nextUpdate` not
    /// past; a CRL without `nextUpdate` is taken as current).
    pub(crate) fn check(&self, issuer: &Cert, now: i64) -> Result<(), MailError> {
        if &self.issuer != issuer.subject() {
            return Err(unknown(
                "la lista di revoca (CRL) non è dell'autorità che ha emesso il certificato",
            ));
        }
        let hash = Hash::from_signature_oid(&self.algorithm.oid, None)
            .map_err(|_| unknown("la lista di revoca (CRL) usa un algoritmo non accettato"))?;
        let key = issuer.rsa_key().map_err(|_| {
            unknown("la chiave dell'autorità non permette di verificare la lista di revoca")
        })?;
        if !hash.verify(&key, &self.tbs, &self.signature) {
            return Err(unknown("la firma della lista di revoca (CRL) non è valida"));
        }
        if self.this_update > now {
            return Err(unknown("la lista di revoca (CRL) ha una data futura"));
        }
        if self.next_update.is_some_and(|n| n < now) {
            return Err(unknown("la lista di revoca (CRL) non è aggiornata"));
        }
        Ok(())
    }

    /// When the certificate with this serial number (the INTEGER's contents octets) was
    /// revoked or suspended, if the CRL lists it.
    pub(crate) fn revoked_at(&self, serial: &[u8]) -> Result<Option<i64>, MailError> {
        let bad = || unknown("una voce della lista di revoca (CRL) non è leggibile");
        let mut rest = self.revoked.as_slice();
        while !rest.is_empty() {
            let (entry, next) = asn1::read(rest).map_err(|_| bad())?;
            rest = next;
            let (number, after) = asn1::read(entry.content).map_err(|_| bad())?;
            if number.tag != 0x02 {
                return Err(bad());
            }
            if number.content == serial {
                let (date, _) = asn1::read(after).map_err(|_| bad())?;
                return time_at(&date).map(Some).ok_or_else(bad);
            }
        }
        Ok(None)
    }
}

/// CRL extensions: a critical one this code does not understand (a delta CRL's indicator,
/// for one) makes the CRL unusable (RFC 5280 §5.2).
fn check_extensions(explicit: &[u8]) -> Result<(), MailError> {
    let bad = || unknown("le estensioni della lista di revoca (CRL) non sono leggibili");
    let (seq, _) = asn1::read(explicit).map_err(|_| bad())?;
    for ext in asn1::children(seq.content).map_err(|_| bad())? {
        let parts = asn1::children(ext.content).map_err(|_| bad())?;
        let id = parts
            .first()
            .and_then(|p| ObjectIdentifier::from_der(p.raw).ok())
            .ok_or_else(bad)?;
        let critical = parts
            .get(1)
            .is_some_and(|p| p.tag == 0x01 && p.content.first().is_some_and(|&b| b != 0));
        if critical && id != ISSUING_DISTRIBUTION_POINT {
            return Err(unknown(
                "la lista di revoca (CRL) ha un'estensione critica non gestita",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_unknown_not_a_panic() {
        for bad in [
            &[][..],
            &[0x30, 0x00],
            &[0x30, 0x03, 0x30, 0x01, 0x00],
            &[0xff; 8],
        ] {
            assert!(matches!(
                Crl::from_der(bad),
                Err(MailError::RevocationUnknown(_))
            ));
        }
    }
}
