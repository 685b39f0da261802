//! CMS SignedData (RFC 5652), read so that every signature is checked over the exact bytes it
//! covers: the outer structure is walked element by element, and each certificate and signer
//! is decoded from its own bytes with RustCrypto's `x509-cert` and `cms` types.

use super::x509::{Cert, Hash};
use super::{asn1, MailError};
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier, SignerInfo};
use der::asn1::{ObjectIdentifier, OctetString};
use der::{Decode, Encode, Tag, Tagged};

const SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
/// ESS signing-certificate-v2 (RFC 5035), what makes a CMS signature CAdES-BES.
const SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");

/// More signers than any real document has: refused before any RSA work, so a crafted file
/// cannot spend the worker's CPU time on thousands of verifications.
pub(crate) const MAX_SIGNERS: usize = 16;

fn malformed(what: &str) -> MailError {
    MailError::Malformed(what.to_owned())
}

/// A signer as found in the file: the decoded `SignerInfo` and, when it has signed attributes,
/// their exact bytes re-tagged as the SET OF they are signed as.
#[derive(Debug, Clone)]
pub(crate) struct Signer {
    pub info: SignerInfo,
    pub attrs_raw: Option<Vec<u8>>,
}

/// What a SignedData holds.
#[derive(Debug, Clone)]
pub(crate) struct SignedData {
    pub content_type: ObjectIdentifier,
    /// The encapsulated content; `None` for a detached signature.
    pub content: Option<Vec<u8>>,
    pub certs: Vec<Cert>,
    pub signers: Vec<Signer>,
}

/// Reads a ContentInfo holding a SignedData, BER or DER.
pub(crate) fn parse(ber: &[u8]) -> Result<SignedData, MailError> {
    let der = asn1::ber_to_der(ber)?;
    let (content_info, _) = asn1::read(&der)?;
    let parts = asn1::children(content_info.content)?;
    let (Some(oid), Some(explicit)) = (parts.first(), parts.get(1)) else {
        return Err(malformed("firma CMS incompleta"));
    };
    if content_info.tag != 0x30 || explicit.tag != 0xa0 {
        return Err(malformed("firma CMS non riconosciuta"));
    }
    let oid =
        ObjectIdentifier::from_der(oid.raw).map_err(|_| malformed("firma CMS non riconosciuta"))?;
    if oid != SIGNED_DATA {
        return Err(malformed("il file CMS non contiene una firma (SignedData)"));
    }
    let (signed_data, _) = asn1::read(explicit.content)?;
    let fields = asn1::children(signed_data.content)?;
    // version, digestAlgorithms, encapContentInfo, [0] certificates?, [1] crls?, signerInfos
    if fields.len() < 4 || fields[0].tag != 0x02 || fields[1].tag != 0x31 {
        return Err(malformed("firma CMS incompleta"));
    }
    let encap = EncapsulatedContentInfo::from_der(fields[2].raw)
        .map_err(|_| malformed("contenuto firmato non leggibile"))?;
    let content = match encap.econtent {
        None => None,
        Some(any) if any.tag() == Tag::OctetString => Some(any.value().to_vec()),
        Some(_) => return Err(malformed("contenuto firmato non in una stringa di ottetti")),
    };
    let mut certs = Vec::new();
    let mut signer_infos = None;
    for field in &fields[3..] {
        match field.tag {
            0xa0 => {
                for choice in asn1::children(field.content)? {
                    // Other choices (attribute certificates and the like) play no part here.
                    if choice.tag == 0x30 {
                        certs.push(Cert::from_der(choice.raw)?);
                    }
                }
            }
            0xa1 => {}
            0x31 if signer_infos.is_none() => signer_infos = Some(field.content),
            _ => return Err(malformed("firma CMS con elementi inattesi")),
        }
    }
    let signer_infos =
        asn1::children(signer_infos.ok_or_else(|| malformed("firma CMS senza firmatari"))?)?;
    if signer_infos.len() > MAX_SIGNERS {
        return Err(malformed("troppi firmatari"));
    }
    let mut signers = Vec::new();
    for raw in signer_infos {
        let info =
            SignerInfo::from_der(raw.raw).map_err(|_| malformed("firmatario non leggibile"))?;
        let attrs_raw = asn1::children(raw.content)?
            .get(3)
            .filter(|t| t.tag == 0xa0)
            .map(|t| {
                let mut bytes = t.raw.to_vec();
                bytes[0] = 0x31;
                bytes
            });
        signers.push(Signer { info, attrs_raw });
    }
    if signers.is_empty() {
        return Err(malformed("firma CMS senza firmatari"));
    }
    Ok(SignedData {
        content_type: encap.econtent_type,
        content,
        certs,
        signers,
    })
}

/// The single value of a signed attribute, or `None` when absent; several values, or the
/// attribute twice, are refused.
fn attr_value(info: &SignerInfo, oid: ObjectIdentifier) -> Result<Option<&der::Any>, MailError> {
    let Some(attrs) = &info.signed_attrs else {
        return Ok(None);
    };
    let mut found = attrs.iter().filter(|a| a.oid == oid);
    let Some(attr) = found.next() else {
        return Ok(None);
    };
    if found.next().is_some() || attr.values.len() != 1 {
        return Err(malformed("attributo firmato ripetuto"));
    }
    Ok(attr.values.iter().next())
}

/// The signed `signingTime` attribute (RFC 5652 §11.3), Unix seconds; `None` when absent.
pub(crate) fn signing_time(info: &SignerInfo) -> Result<Option<i64>, MailError> {
    let Some(value) = attr_value(info, SIGNING_TIME)? else {
        return Ok(None);
    };
    let time = value
        .to_der()
        .ok()
        .and_then(|der| x509_cert::time::Time::from_der(&der).ok())
        .ok_or_else(|| malformed("data di firma (signingTime) non leggibile"))?;
    Ok(Some(
        i64::try_from(time.to_unix_duration().as_secs()).unwrap_or(i64::MAX),
    ))
}

/// The certificate a signer names, among `certs`.
fn find_cert<'c>(info: &SignerInfo, certs: &[&'c Cert]) -> Option<&'c Cert> {
    certs.iter().copied().find(|c| match &info.sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => {
            c.issuer() == &ias.issuer && c.cert.tbs_certificate.serial_number == ias.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => {
            c.subject_key_id().as_deref() == Some(ski.0.as_bytes())
        }
    })
}

/// Checks one signer over `content` (the encapsulated content, or the detached bytes): the
/// message digest attribute against the content's digest, the content type attribute, the
/// signing-certificate-v2 attribute when there is one, and the RSA signature over the signed
/// attributes (or over the content when there are none). Returns the signer's certificate,
/// found among the file's certificates or `extra` (the trusted ones). Trust and dates are the
/// caller's.
pub(crate) fn verify_signer(
    sd: &SignedData,
    signer: &Signer,
    content: &[u8],
    extra: &[Cert],
) -> Result<Cert, MailError> {
    let info = &signer.info;
    let candidates: Vec<&Cert> = sd.certs.iter().chain(extra.iter()).collect();
    let cert = find_cert(info, &candidates)
        .ok_or_else(|| malformed("il certificato del firmatario non è allegato alla firma"))?;
    let digest = Hash::from_digest_oid(&info.digest_alg.oid)?;
    let hash = Hash::from_signature_oid(&info.signature_algorithm.oid, Some(digest))?;
    let key = cert.rsa_key()?;
    let signature = info.signature.as_bytes();
    let content_digest = digest.digest(content);

    let Some(attrs) = &info.signed_attrs else {
        return if hash.verify(&key, content, signature) {
            Ok(cert.clone())
        } else {
            Err(MailError::BadSignature)
        };
    };
    let message_digest = attr_value(info, MESSAGE_DIGEST)?
        .ok_or_else(|| malformed("manca l'impronta (message digest) tra gli attributi firmati"))?
        .decode_as::<OctetString>()
        .map_err(|_| malformed("impronta non leggibile"))?;
    if message_digest.as_bytes() != content_digest.as_slice() {
        return Err(MailError::DigestMismatch);
    }
    let content_type = attr_value(info, CONTENT_TYPE)?
        .ok_or_else(|| malformed("manca il tipo di contenuto tra gli attributi firmati"))?
        .decode_as::<ObjectIdentifier>()
        .map_err(|_| malformed("tipo di contenuto non leggibile"))?;
    if content_type != sd.content_type {
        return Err(malformed("il tipo di contenuto firmato non corrisponde"));
    }
    if let Some(v2) = attr_value(info, SIGNING_CERTIFICATE_V2)? {
        check_signing_certificate_v2(v2, cert)?;
    }
    // The signature covers the DER of the SET OF attributes. `der` sorts a SET OF when it
    // reads one, so the re-encoding is canonical DER; the bytes as found are tried too, for
    // tools that sign their attributes unsorted.
    let mut inputs = Vec::new();
    if let Ok(der) = attrs.to_der() {
        inputs.push(der);
    }
    if let Some(raw) = &signer.attrs_raw {
        if !inputs.contains(raw) {
            inputs.push(raw.clone());
        }
    }
    if inputs.iter().any(|m| hash.verify(&key, m, signature)) {
        Ok(cert.clone())
    } else {
        Err(MailError::BadSignature)
    }
}

/// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies … OPTIONAL };
/// ESSCertIDv2 ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier DEFAULT sha256,
/// certHash OCTET STRING, issuerSerial … OPTIONAL }. The first ESSCertIDv2 names the signer's
/// certificate: its hash must be that of the certificate used.
fn check_signing_certificate_v2(value: &der::Any, cert: &Cert) -> Result<(), MailError> {
    let bad = || malformed("attributo signing-certificate-v2 non leggibile");
    let der = value.to_der().map_err(|_| bad())?;
    let (outer, _) = asn1::read(&der)?;
    let (certs, _) = asn1::read(outer.content)?;
    let (first, _) = asn1::read(certs.content)?;
    let fields = asn1::children(first.content)?;
    let (hash, cert_hash) = match fields.first() {
        Some(alg) if alg.tag == 0x30 => {
            let alg =
                x509_cert::spki::AlgorithmIdentifierOwned::from_der(alg.raw).map_err(|_| bad())?;
            (Hash::from_digest_oid(&alg.oid)?, fields.get(1))
        }
        _ => (Hash::Sha256, fields.first()),
    };
    let cert_hash = cert_hash.filter(|t| t.tag == 0x04).ok_or_else(bad)?;
    if cert_hash.content == hash.digest(&cert.der).as_slice() {
        Ok(())
    } else {
        Err(MailError::BadSignature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A DER element from a tag and its contents.
    fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        if content.len() < 0x80 {
            out.push(content.len() as u8);
        } else {
            out.push(0x82);
            out.extend_from_slice(&(content.len() as u16).to_be_bytes());
        }
        out.extend_from_slice(content);
        out
    }

    fn signed_data(signer_infos: usize) -> Vec<u8> {
        let data_oid = [
            0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01,
        ];
        let sd_oid = [
            0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
        ];
        let infos: Vec<u8> = std::iter::repeat_n([0x30u8, 0x00], signer_infos)
            .flatten()
            .collect();
        let sd = [
            tlv(0x02, &[1]),
            tlv(0x31, &[]),
            tlv(0x30, &data_oid),
            tlv(0x31, &infos),
        ]
        .concat();
        tlv(
            0x30,
            &[sd_oid.to_vec(), tlv(0xa0, &tlv(0x30, &sd))].concat(),
        )
    }

    #[test]
    fn too_many_signers_are_refused_before_any_work() {
        assert_eq!(
            parse(&signed_data(MAX_SIGNERS + 1)).unwrap_err(),
            malformed("troppi firmatari")
        );
        // Within the limit the (empty, hence unreadable) signers are looked at.
        assert_eq!(
            parse(&signed_data(2)).unwrap_err(),
            malformed("firmatario non leggibile")
        );
        assert_eq!(
            parse(&signed_data(0)).unwrap_err(),
            malformed("firma CMS senza firmatari")
        );
    }
}
