//! Certificates as the checks need them: the exact bytes next to the decoded form, names as
//! text, validity in Unix seconds, RSA keys and the algorithms accepted.

use super::{asn1, MailError};
use der::asn1::ObjectIdentifier;
use der::{Decode, Tag, Tagged};
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, RsaPublicKey};
use sha2::{Digest, Sha256, Sha384, Sha512};
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, SubjectKeyIdentifier};
use x509_cert::name::Name;
use x509_cert::Certificate;

// Object identifiers (`new_unwrap` runs at compile time: a bad literal fails the build).
pub(crate) const SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
pub(crate) const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
pub(crate) const SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
pub(crate) const SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const SHA1_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.5");
const RSASSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
const SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const SHA384_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const SHA512_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
/// id-ecPublicKey and the ecdsa-with-SHA* family share this arc.
const ECDSA_ARC: &str = "1.2.840.10045.";
const BASIC_CONSTRAINTS: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.19");
const SUBJECT_KEY_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.14");
const KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.15");
const CRL_DISTRIBUTION_POINTS: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.31");
/// id-pe-qcStatements (RFC 3739), where ETSI EN 319 412-5 puts what makes a certificate
/// qualified.
const QC_STATEMENTS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.3");

pub(crate) const CN: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
pub(crate) const SURNAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.4");
pub(crate) const SERIAL_NUMBER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.5");
pub(crate) const GIVEN_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.42");

/// Short names of the attributes met in the subjects of PEC providers and qualified
/// certificates, for [`name_to_string`]. A small table of our own, not `const-oid`'s database,
/// which would put every known OID into the worker.
const NAMES: [(&str, &str); 15] = [
    ("2.5.4.3", "CN"),
    ("2.5.4.4", "SN"),
    ("2.5.4.5", "SERIALNUMBER"),
    ("2.5.4.6", "C"),
    ("2.5.4.7", "L"),
    ("2.5.4.8", "ST"),
    ("2.5.4.10", "O"),
    ("2.5.4.11", "OU"),
    ("2.5.4.12", "TITLE"),
    ("2.5.4.42", "GIVENNAME"),
    ("2.5.4.46", "DNQUALIFIER"),
    ("2.5.4.97", "ORGANIZATIONIDENTIFIER"),
    ("1.2.840.113549.1.9.1", "EMAILADDRESS"),
    ("0.9.2342.19200300.100.1.25", "DC"),
    ("0.9.2342.19200300.100.1.1", "UID"),
];

fn unsupported(what: &str) -> MailError {
    MailError::UnsupportedAlgorithm(what.to_owned())
}

/// The digests accepted. SHA-1 is refused: collisions have been practical since 2017
/// (SHAttered) and chosen-prefix ones since 2020, and PEC providers and qualified signatures
/// have used SHA-256 for years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    /// From a digest algorithm's identifier.
    pub fn from_digest_oid(oid: &ObjectIdentifier) -> Result<Hash, MailError> {
        match *oid {
            SHA256 => Ok(Hash::Sha256),
            SHA384 => Ok(Hash::Sha384),
            SHA512 => Ok(Hash::Sha512),
            SHA1 => Err(unsupported("SHA-1")),
            _ => Err(unsupported(&oid.to_string())),
        }
    }

    /// From a signature algorithm's identifier: the `shaNNNWithRSAEncryption` family, or plain
    /// `rsaEncryption` with the digest named elsewhere (`digest`, as CMS allows).
    pub fn from_signature_oid(
        oid: &ObjectIdentifier,
        digest: Option<Hash>,
    ) -> Result<Hash, MailError> {
        let named = match *oid {
            SHA256_WITH_RSA => Hash::Sha256,
            SHA384_WITH_RSA => Hash::Sha384,
            SHA512_WITH_RSA => Hash::Sha512,
            RSA_ENCRYPTION => return digest.ok_or_else(|| unsupported("RSA senza impronta")),
            SHA1_WITH_RSA => return Err(unsupported("SHA-1")),
            RSASSA_PSS => return Err(unsupported("RSASSA-PSS")),
            _ if oid.to_string().starts_with(ECDSA_ARC) => return Err(unsupported("ECDSA")),
            _ => return Err(unsupported(&oid.to_string())),
        };
        match digest {
            Some(d) if d != named => Err(MailError::Malformed(
                "l'algoritmo di firma e quello dell'impronta non coincidono".to_owned(),
            )),
            _ => Ok(named),
        }
    }

    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => Sha256::digest(data).to_vec(),
            Hash::Sha384 => Sha384::digest(data).to_vec(),
            Hash::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    /// RSA PKCS#1 v1.5 verification of `signature` over `message` (hashed here).
    pub fn verify(self, key: &RsaPublicKey, message: &[u8], signature: &[u8]) -> bool {
        let scheme = match self {
            Hash::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
            Hash::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
            Hash::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
        };
        key.verify(scheme, &self.digest(message), signature).is_ok()
    }
}

/// A certificate: its exact DER, the exact DER of its `tbsCertificate` (what the issuer
/// signed) and the decoded form.
#[derive(Debug, Clone)]
pub(crate) struct Cert {
    pub der: Vec<u8>,
    pub tbs: Vec<u8>,
    pub cert: Certificate,
}

impl Cert {
    pub fn from_der(der: &[u8]) -> Result<Cert, MailError> {
        asn1::well_formed(der)
            .map_err(|_| MailError::Malformed("certificato non leggibile".to_owned()))?;
        let cert = Certificate::from_der(der)
            .map_err(|_| MailError::Malformed("certificato non leggibile".to_owned()))?;
        let (outer, _) = asn1::read(der)?;
        let (tbs, _) = asn1::read(outer.content)?;
        Ok(Cert {
            der: der.to_vec(),
            tbs: tbs.raw.to_vec(),
            cert,
        })
    }

    pub fn subject(&self) -> &Name {
        &self.cert.tbs_certificate.subject
    }

    pub fn issuer(&self) -> &Name {
        &self.cert.tbs_certificate.issuer
    }

    /// `notBefore` and `notAfter` in Unix seconds.
    pub fn validity(&self) -> (i64, i64) {
        let v = &self.cert.tbs_certificate.validity;
        let secs = |t: x509_cert::time::Time| {
            i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX)
        };
        (secs(v.not_before), secs(v.not_after))
    }

    /// Valid at `now` (both bounds included, RFC 5280 §4.1.2.5).
    pub fn check_validity(&self, now: i64) -> Result<(), MailError> {
        let (not_before, not_after) = self.validity();
        if now < not_before {
            Err(MailError::CertificateNotYetValid)
        } else if now > not_after {
            Err(MailError::CertificateExpired)
        } else {
            Ok(())
        }
    }

    /// The RSA public key; other kinds of key, and RSA keys under 2048 bits, are refused.
    pub fn rsa_key(&self) -> Result<RsaPublicKey, MailError> {
        let spki = &self.cert.tbs_certificate.subject_public_key_info;
        if spki.algorithm.oid != RSA_ENCRYPTION {
            return Err(if spki.algorithm.oid.to_string().starts_with(ECDSA_ARC) {
                unsupported("chiave ECDSA")
            } else {
                unsupported(&spki.algorithm.oid.to_string())
            });
        }
        let key = RsaPublicKey::from_pkcs1_der(spki.subject_public_key.raw_bytes())
            .map_err(|_| MailError::Malformed("chiave RSA non leggibile".to_owned()))?;
        if key.size() < 256 {
            return Err(unsupported(&format!(
                "chiave RSA di {} bit (almeno 2048)",
                key.size() * 8
            )));
        }
        Ok(key)
    }

    fn extension(&self, oid: ObjectIdentifier) -> Option<&[u8]> {
        self.cert
            .tbs_certificate
            .extensions
            .as_ref()?
            .iter()
            .find(|e| e.extn_id == oid)
            .map(|e| e.extn_value.as_bytes())
    }

    /// True when basic constraints say this is a CA (no extension: not a CA).
    pub fn is_ca(&self) -> bool {
        self.extension(BASIC_CONSTRAINTS)
            .and_then(|v| BasicConstraints::from_der(v).ok())
            .is_some_and(|bc| bc.ca)
    }

    pub fn subject_key_id(&self) -> Option<Vec<u8>> {
        self.extension(SUBJECT_KEY_ID)
            .and_then(|v| SubjectKeyIdentifier::from_der(v).ok())
            .map(|ski| ski.0.as_bytes().to_vec())
    }

    /// True when `issuer` signed this certificate: the names match and the signature on the
    /// exact `tbsCertificate` bytes verifies with the issuer's key. The name alone proves
    /// nothing: anyone can make a CA with any name.
    pub fn is_issued_by(&self, issuer: &Cert) -> bool {
        if self.issuer() != issuer.subject() {
            return false;
        }
        let outer = &self.cert.signature_algorithm;
        if self.cert.tbs_certificate.signature != *outer {
            return false;
        }
        let Ok(hash) = Hash::from_signature_oid(&outer.oid, None) else {
            return false;
        };
        let Ok(key) = issuer.rsa_key() else {
            return false;
        };
        let Some(signature) = self.cert.signature.as_bytes() else {
            return false;
        };
        hash.verify(&key, &self.tbs, signature)
    }

    /// True when the key usage extension is there and says `nonRepudiation` (X.509's name;
    /// `contentCommitment` in RFC 5280): the key signs documents a person commits to. A
    /// certificate without the extension is not taken as allowing it.
    pub fn non_repudiation(&self) -> bool {
        self.extension(KEY_USAGE)
            .and_then(|v| KeyUsage::from_der(v).ok())
            .is_some_and(|ku| ku.non_repudiation())
    }

    /// The statement identifiers of the QC statements extension, and each one's
    /// `statementInfo` as DER; `None` when the extension is absent, `Err` when unreadable.
    pub fn qc_statements(&self) -> Result<Option<Vec<QcStatement>>, MailError> {
        let Some(value) = self.extension(QC_STATEMENTS) else {
            return Ok(None);
        };
        let bad = || MailError::Malformed("dichiarazioni QC del certificato non leggibili".into());
        let (seq, rest) = asn1::read(value)?;
        if seq.tag != 0x30 || !rest.is_empty() {
            return Err(bad());
        }
        let mut out = Vec::new();
        for statement in asn1::children(seq.content)? {
            if statement.tag != 0x30 {
                return Err(bad());
            }
            let parts = asn1::children(statement.content)?;
            let id = parts
                .first()
                .filter(|p| p.tag == 0x06)
                .and_then(|p| ObjectIdentifier::from_der(p.raw).ok())
                .ok_or_else(bad)?;
            if parts.len() > 2 {
                return Err(bad());
            }
            out.push(QcStatement {
                id,
                info: parts.get(1).map(|p| p.raw.to_vec()),
            });
        }
        Ok(Some(out))
    }

    /// The `http://` and `https://` addresses of the CRL distribution points (full names
    /// only; LDAP and names relative to the issuer are skipped), in the certificate's order.
    /// An extension that does not read as RFC 5280 §4.2.1.13 writes it gives none.
    pub fn crl_urls(&self) -> Vec<String> {
        self.extension(CRL_DISTRIBUTION_POINTS)
            .and_then(distribution_point_urls)
            .unwrap_or_default()
    }

    /// The contents octets of the serial number's INTEGER, as a CRL lists them.
    pub fn serial(&self) -> &[u8] {
        self.cert.tbs_certificate.serial_number.as_bytes()
    }

    /// The first value of a subject attribute, as text.
    pub fn subject_attr(&self, oid: ObjectIdentifier) -> Option<String> {
        self.subject()
            .0
            .iter()
            .flat_map(|rdn| rdn.0.iter())
            .find(|atv| atv.oid == oid)
            .and_then(|atv| string_value(&atv.value))
    }
}

/// The addresses of `CRLDistributionPoints` (RFC 5280 §4.2.1.13), read on the DER walker
/// rather than `x509-cert`'s derived decoder, whose every `GeneralName` alternative (directory
/// names included) took 37 KB of the worker (docs/toolchain.md §10). `None` (no address) when
/// the value is not that structure: fields out of order or unknown, a name that is not a
/// `GeneralName`, an address that is not ASCII (IA5String). Where `der` would skip a field out
/// of order and read on, this reads nothing: on such a certificate the revocation cannot be
/// checked either way.
fn distribution_point_urls(value: &[u8]) -> Option<Vec<String>> {
    asn1::well_formed(value).ok()?;
    let (points, _) = asn1::read(value).ok()?;
    if points.tag != 0x30 {
        return None;
    }
    let mut urls = Vec::new();
    for point in asn1::children(points.content).ok()? {
        if point.tag != 0x30 {
            return None;
        }
        // distributionPoint [0], reasons [1], cRLIssuer [2]: each at most once, in order.
        let mut name = None;
        let mut indirect = false;
        let mut last = None;
        for field in asn1::children(point.content).ok()? {
            let number = match field.tag {
                0xa0 => 0,
                0x81 => 1,
                0xa2 => 2,
                _ => return None,
            };
            if last.is_some_and(|l| l >= number) {
                return None;
            }
            last = Some(number);
            match number {
                0 => name = Some(field),
                2 => indirect = true,
                _ => {}
            }
        }
        // The DistributionPointName: fullName [0] GeneralNames, or nameRelativeToCRLIssuer [1].
        let choice = match name {
            Some(n) => {
                let (choice, rest) = asn1::read(n.content).ok()?;
                if !rest.is_empty() || !matches!(choice.tag, 0xa0 | 0xa1) {
                    return None;
                }
                Some(choice)
            }
            None => None,
        };
        let mut found = Vec::new();
        if let Some(full) = choice.filter(|c| c.tag == 0xa0) {
            for general in asn1::children(full.content).ok()? {
                match general.tag {
                    // uniformResourceIdentifier [6] IA5String
                    0x86 => {
                        if !general.content.is_ascii() {
                            return None;
                        }
                        found.push(String::from_utf8_lossy(general.content).into_owned());
                    }
                    // otherName, rfc822Name, dNSName, x400Address, directoryName,
                    // ediPartyName, iPAddress, registeredID
                    0xa0 | 0x81 | 0x82 | 0xa3 | 0xa4 | 0xa5 | 0x87 | 0x88 => {}
                    _ => return None,
                }
            }
        }
        // A point that names its own CRL issuer is an indirect CRL: not supported.
        if indirect {
            continue;
        }
        for uri in found {
            let uri = uri.trim().to_owned();
            let lower = uri.to_ascii_lowercase();
            if (lower.starts_with("http://") || lower.starts_with("https://"))
                && !urls.contains(&uri)
            {
                urls.push(uri);
            }
        }
    }
    Some(urls)
}

/// One statement of the QC statements extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QcStatement {
    pub id: ObjectIdentifier,
    /// The `statementInfo`, DER, when there is one.
    pub info: Option<Vec<u8>>,
}

/// The SHA-256, in lower-case hex, of a name's DER (re-encoded, so the same name written with
/// its SET OFs in another order has the same key): how a certificate's issuer is looked up
/// among the trusted CAs' subjects.
pub(crate) fn name_key(name: &Name) -> Result<String, MailError> {
    let der = der::Encode::to_der(name)
        .map_err(|_| MailError::Malformed("nome del certificato non codificabile".into()))?;
    Ok(Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// The text of a directory string (UTF8String, PrintableString, IA5String, TeletexString read
/// as Latin-1, BMPString).
pub(crate) fn string_value(any: &der::Any) -> Option<String> {
    let bytes = any.value();
    match any.tag() {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String | Tag::VisibleString => {
            String::from_utf8(bytes.to_vec()).ok()
        }
        Tag::TeletexString => Some(bytes.iter().map(|&b| char::from(b)).collect()),
        Tag::BmpString => {
            if !bytes.len().is_multiple_of(2) {
                return None;
            }
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).ok()
        }
        _ => None,
    }
}

/// A name as RFC 4514 writes it: most specific first, `CN=…,O=…,C=IT`, special characters
/// escaped; attributes without a short name (or with a value that is not a string) as
/// `1.2.3=#<hex of the DER>`.
pub(crate) fn name_to_string(name: &Name) -> String {
    let mut out = String::new();
    for (i, rdn) in name.0.iter().rev().enumerate() {
        if i > 0 {
            out.push(',');
        }
        for (j, atv) in rdn.0.iter().enumerate() {
            if j > 0 {
                out.push('+');
            }
            let oid = atv.oid.to_string();
            let short = NAMES.iter().find(|(o, _)| *o == oid).map(|(_, n)| *n);
            match (short, string_value(&atv.value)) {
                (Some(short), Some(value)) => {
                    out.push_str(short);
                    out.push('=');
                    let count = value.chars().count();
                    for (k, c) in value.chars().enumerate() {
                        match c {
                            '#' if k == 0 => out.push_str("\\#"),
                            ' ' if k == 0 || k + 1 == count => out.push_str("\\ "),
                            '"' | '+' | ',' | ';' | '<' | '>' | '\\' | '=' => {
                                out.push('\\');
                                out.push(c);
                            }
                            c if c.is_control() => {
                                let mut buf = [0u8; 4];
                                for b in c.encode_utf8(&mut buf).bytes() {
                                    out.push_str(&format!("\\{b:02x}"));
                                }
                            }
                            c => out.push(c),
                        }
                    }
                }
                _ => {
                    out.push_str(&oid);
                    out.push_str("=#");
                    let mut der = Vec::new();
                    if der::Encode::encode_to_vec(&atv.value, &mut der).is_ok() {
                        for b in der {
                            out.push_str(&format!("{b:02x}"));
                        }
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
    use x509_cert::ext::pkix::CrlDistributionPoints;

    /// What `x509-cert`'s decoder read, as `crl_urls` read it before the DER walker.
    fn by_x509_cert(value: &[u8]) -> Option<Vec<String>> {
        let dps = CrlDistributionPoints::from_der(value).ok()?;
        let mut urls = Vec::new();
        for dp in dps.0 {
            if dp.crl_issuer.is_some() {
                continue;
            }
            let Some(DistributionPointName::FullName(names)) = dp.distribution_point else {
                continue;
            };
            for name in names {
                if let GeneralName::UniformResourceIdentifier(uri) = name {
                    let uri = uri.as_str().trim().to_owned();
                    let lower = uri.to_ascii_lowercase();
                    if (lower.starts_with("http://") || lower.starts_with("https://"))
                        && !urls.contains(&uri)
                    {
                        urls.push(uri);
                    }
                }
            }
        }
        Some(urls)
    }

    fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        match content.len() {
            n @ 0..=0x7f => out.push(n as u8),
            n @ 0x80..=0xff => out.extend([0x81, n as u8]),
            n => out.extend([0x82, (n >> 8) as u8, n as u8]),
        }
        out.extend_from_slice(content);
        out
    }

    fn uri(s: &str) -> Vec<u8> {
        tlv(0x86, s.as_bytes())
    }

    fn point(names: &[Vec<u8>], reasons: bool, issuer: bool) -> Vec<u8> {
        let mut fields = tlv(0xa0, &tlv(0xa0, &names.concat()));
        if reasons {
            fields.extend(tlv(0x81, &[0x06, 0x40]));
        }
        if issuer {
            fields.extend(tlv(0xa2, &uri("http://issuer.example")));
        }
        tlv(0x30, &fields)
    }

    #[test]
    fn distribution_points_read_as_x509_cert_reads_them() {
        // directoryName [4] { Name { RDN { CN = "CA" } } }
        let cn = tlv(
            0x30,
            &[tlv(0x06, &[0x55, 0x04, 0x03]), tlv(0x0c, b"CA")].concat(),
        );
        let directory = tlv(0xa4, &tlv(0x30, &tlv(0x31, &cn)));
        let relative = tlv(0x30, &tlv(0xa0, &tlv(0xa1, &cn)));
        let cases: Vec<Vec<u8>> = vec![
            tlv(
                0x30,
                &point(&[uri("http://crl.example/a.crl")], false, false),
            ),
            tlv(
                0x30,
                &[
                    point(
                        &[
                            uri("ldap://ldap.example/cn=CA?certificateRevocationList"),
                            uri(" HTTPS://crl.example/b.crl "),
                            directory.clone(),
                            uri("http://crl.example/a.crl"),
                        ],
                        true,
                        false,
                    ),
                    point(&[uri("http://indirect.example/c.crl")], false, true),
                    relative,
                    tlv(0x30, &[]),
                    point(&[uri("http://crl.example/a.crl")], false, false),
                ]
                .concat(),
            ),
            // Not the structure: a field out of order, an unknown tag, a non-ASCII address,
            // trailing bytes, not a SEQUENCE.
            tlv(
                0x30,
                &tlv(
                    0x30,
                    &[
                        tlv(0x81, &[0x06, 0x40]),
                        tlv(0xa0, &tlv(0xa0, &uri("http://x"))),
                    ]
                    .concat(),
                ),
            ),
            tlv(0x30, &tlv(0x30, &tlv(0xa3, &[]))),
            tlv(0x30, &point(&[tlv(0x89, b"?")], false, false)),
            tlv(
                0x30,
                &point(&[tlv(0x86, "http://è".as_bytes())], false, false),
            ),
            [tlv(0x30, &point(&[uri("http://x")], false, false)), vec![0]].concat(),
            tlv(0x31, &point(&[uri("http://x")], false, false)),
        ];
        for (i, value) in cases.iter().enumerate() {
            assert_eq!(
                distribution_point_urls(value).unwrap_or_default(),
                by_x509_cert(value).unwrap_or_default(),
                "case {i}"
            );
        }
        assert_eq!(
            distribution_point_urls(&cases[1]).unwrap(),
            ["HTTPS://crl.example/b.crl", "http://crl.example/a.crl"]
        );
    }
}
