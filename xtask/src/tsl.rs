//! `cargo xtask import-tsl FILE --signer-cert PEM`: the national trusted list (ETSI TS 119 612
//! XML; AgID publishes Italy's) into D1's `trusted_cas`, the qualified CAs a `.p7m` signer's
//! certificate must be issued by (`domain::mail::QualifiedCas`).
//!
//! The list is read only after its own XML signature verifies (XMLDSig, enveloped, as ETSI TS
//! 119 612 §5.7 prescribes):
//! - exactly one `ds:Signature` child of the root element; its `SignedInfo` canonicalised
//!   with the algorithm it names (Canonical XML 1.0 or Exclusive XML Canonicalization 1.0,
//!   with or without comments: [`c14n`]) and verified with RSA PKCS#1 v1.5 over SHA-256, 384
//!   or 512 (`rsa-sha*`; ECDSA and SHA-1 are refused);
//! - every `Reference` digest checked: `URI=""` (the whole document, comments removed) or
//!   `#id` (an element whose `Id`, `ID` or `id` is that, once in the document), through the
//!   transforms `enveloped-signature` and the canonicalisations only; at least one reference
//!   must be the whole document through `enveloped-signature`, so the list read is the list
//!   signed;
//! - the signing certificate (`KeyInfo/X509Data/X509Certificate`, or, without one, each
//!   pinned certificate in turn) must be one of the certificates given with `--signer-cert`,
//!   byte for byte, and valid now. The pin is not optional: the list's signer is announced by
//!   the EU's list of trusted lists (LOTL) and AgID's site, and whoever runs the import takes
//!   it from there; trusting the certificate the file carries would trust anyone's file.
//!   `cargo xtask dev` and the tests pin the test "AgID" of the test PKI.
//!
//! Then the services: every `TSPService` of type CA/QC
//! (`http://uri.etsi.org/TrstSvc/Svctype/CA/QC`) whose current status is granted
//! (`…/TrustedList/Svcstatus/granted`, or `…/Svcstatus/accredited` of lists before 2016)
//! gives one row per `X509Certificate` of its digital identity, with the provider's and
//! service's names, the status and its start. Other services and statuses are skipped and
//! counted. A list past its `NextUpdate` is refused. The rows replace the table's content in
//! one SQL file, so a failed import leaves the previous list in place.

use crate::Result;
use base64::Engine as _;
use roxmltree::{Document, Node, NodeType};
use sha2::{Digest, Sha256, Sha384, Sha512};
use std::path::{Path, PathBuf};

const DS: &str = "http://www.w3.org/2000/09/xmldsig#";
const TSL: &str = "http://uri.etsi.org/02231/v2#";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

const C14N: &str = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
const C14N_COMMENTS: &str = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
const EXC_C14N: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
const EXC_C14N_COMMENTS: &str = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
const ENVELOPED: &str = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

/// The service type and statuses imported.
pub const CA_QC: &str = "http://uri.etsi.org/TrstSvc/Svctype/CA/QC";
pub const GRANTED: &str = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted";
pub const ACCREDITED: &str = "http://uri.etsi.org/TrstSvc/Svcstatus/accredited";

/// The test trusted list `cargo xtask dev` and the tests load (written by [`write_test_tsl`]).
pub const TEST_TSL: &str = "tsl-prova.xml";

// ---------------------------------------------------------------------------------------------
// Canonical XML

/// A canonicalisation algorithm of XMLDSig.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct C14n {
    pub exclusive: bool,
    pub comments: bool,
    /// Exclusive only: the `InclusiveNamespaces PrefixList` (`#default` for the default one),
    /// rendered as inclusive canonicalisation would.
    pub inclusive_prefixes: Vec<String>,
}

impl C14n {
    pub fn from_uri(uri: &str) -> Option<C14n> {
        let (exclusive, comments) = match uri {
            C14N => (false, false),
            C14N_COMMENTS => (false, true),
            EXC_C14N => (true, false),
            EXC_C14N_COMMENTS => (true, true),
            _ => return None,
        };
        Some(C14n {
            exclusive,
            comments,
            inclusive_prefixes: Vec::new(),
        })
    }
}

/// The exact qualified name of an element as written (roxmltree keeps namespaces resolved,
/// canonical XML needs the prefix).
fn element_qname<'a>(doc: &'a Document<'_>, node: Node<'_, '_>) -> &'a str {
    let text = &doc.input_text()[node.range()];
    let text = text.strip_prefix('<').unwrap_or(text);
    let end = text
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(text.len());
    &text[..end]
}

fn prefix_of(qname: &str) -> &str {
    qname.split_once(':').map(|(p, _)| p).unwrap_or("")
}

fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
}

fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
}

/// The in-scope namespace bindings of an element (prefix `""` for the default one), the
/// `xml` prefix left out.
fn in_scope(node: Node<'_, '_>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = node
        .namespaces()
        .filter(|ns| ns.name() != Some("xml"))
        .map(|ns| (ns.name().unwrap_or("").to_owned(), ns.uri().to_owned()))
        .collect();
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

fn binding<'v>(bindings: &'v [(String, String)], prefix: &str) -> Option<&'v str> {
    bindings
        .iter()
        .find(|(p, _)| p == prefix)
        .map(|(_, u)| u.as_str())
}

struct Canon<'d, 'i> {
    doc: &'d Document<'i>,
    alg: &'d C14n,
    /// The element left out with everything inside it (the enveloped signature).
    excluded: Option<roxmltree::NodeId>,
    out: String,
}

impl Canon<'_, '_> {
    /// `rendered`: the namespace bindings in force in the output around this element (what
    /// its nearest output ancestor rendered or inherited in the output).
    fn element(&mut self, node: Node<'_, '_>, rendered: &[(String, String)], apex: bool) {
        if Some(node.id()) == self.excluded {
            return;
        }
        let qname = element_qname(self.doc, node);
        let scope = in_scope(node);
        let mut decls: Vec<(String, String)> = Vec::new();
        let consider = |prefix: &str, decls: &mut Vec<(String, String)>| {
            let uri = binding(&scope, prefix).unwrap_or("");
            let before = binding(rendered, prefix).unwrap_or("");
            if uri != before && !decls.iter().any(|(p, _)| p == prefix) {
                decls.push((prefix.to_owned(), uri.to_owned()));
            }
        };
        if self.alg.exclusive {
            consider(prefix_of(qname), &mut decls);
            for a in node.attributes() {
                let p = prefix_of(&self.doc.input_text()[a.range_qname()]);
                if !p.is_empty() && p != "xml" {
                    consider(p, &mut decls);
                }
            }
            for p in &self.alg.inclusive_prefixes {
                let p = if p == "#default" { "" } else { p.as_str() };
                if binding(&scope, p).is_some() {
                    consider(p, &mut decls);
                }
            }
        } else {
            for (p, _) in &scope {
                consider(p, &mut decls);
            }
            // A default namespace undeclared here, rendered above: `xmlns=""`.
            if binding(&scope, "").is_none() {
                consider("", &mut decls);
            }
        }
        decls.sort();
        let mut attrs: Vec<(String, String, String, String)> = node
            .attributes()
            .map(|a| {
                (
                    a.namespace().unwrap_or("").to_owned(),
                    a.name().to_owned(),
                    self.doc.input_text()[a.range_qname()].to_owned(),
                    a.value().to_owned(),
                )
            })
            .collect();
        // Inclusive canonicalisation of a subtree: the apex inherits its ancestors' xml:*
        // attributes (xml:lang, xml:space, …) that it does not set itself.
        if apex && !self.alg.exclusive {
            for anc in node.ancestors().skip(1).filter(|a| a.is_element()) {
                for a in anc.attributes().filter(|a| a.namespace() == Some(XML_NS)) {
                    if !attrs.iter().any(|x| x.0 == XML_NS && x.1 == a.name()) {
                        attrs.push((
                            XML_NS.to_owned(),
                            a.name().to_owned(),
                            format!("xml:{}", a.name()),
                            a.value().to_owned(),
                        ));
                    }
                }
            }
        }
        attrs.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        self.out.push('<');
        self.out.push_str(qname);
        for (p, uri) in &decls {
            if p.is_empty() {
                self.out.push_str(" xmlns=\"");
            } else {
                self.out.push_str(" xmlns:");
                self.out.push_str(p);
                self.out.push_str("=\"");
            }
            escape_attr(uri, &mut self.out);
            self.out.push('"');
        }
        for (_, _, q, v) in &attrs {
            self.out.push(' ');
            self.out.push_str(q);
            self.out.push_str("=\"");
            escape_attr(v, &mut self.out);
            self.out.push('"');
        }
        self.out.push('>');
        let mut inner: Vec<(String, String)> = rendered.to_vec();
        for (p, uri) in decls {
            inner.retain(|(q, _)| *q != p);
            inner.push((p, uri));
        }
        for child in node.children() {
            self.node(child, &inner);
        }
        self.out.push_str("</");
        self.out.push_str(qname);
        self.out.push('>');
    }

    fn node(&mut self, node: Node<'_, '_>, rendered: &[(String, String)]) {
        match node.node_type() {
            NodeType::Element => self.element(node, rendered, false),
            NodeType::Text => escape_text(node.text().unwrap_or(""), &mut self.out),
            NodeType::Comment if self.alg.comments => {
                self.out.push_str("<!--");
                self.out.push_str(node.text().unwrap_or(""));
                self.out.push_str("-->");
            }
            NodeType::PI => self.pi(node),
            _ => {}
        }
    }

    fn pi(&mut self, node: Node<'_, '_>) {
        if let Some(pi) = node.pi() {
            self.out.push_str("<?");
            self.out.push_str(pi.target);
            if let Some(v) = pi.value.filter(|v| !v.is_empty()) {
                self.out.push(' ');
                self.out.push_str(v);
            }
            self.out.push_str("?>");
        }
    }
}

/// The canonical form of `apex` (the document's root node: the whole document; an element:
/// that element and what it holds), leaving out `excluded` and what it holds.
pub fn canonicalize(
    doc: &Document<'_>,
    apex: Node<'_, '_>,
    alg: &C14n,
    excluded: Option<Node<'_, '_>>,
) -> Vec<u8> {
    let mut c = Canon {
        doc,
        alg,
        excluded: excluded.map(|n| n.id()),
        out: String::new(),
    };
    if apex.is_element() {
        c.element(apex, &[], true);
    } else {
        // The document: the element, and comments and PIs around it, each on its own line.
        let mut seen_root = false;
        for child in apex.children() {
            match child.node_type() {
                NodeType::Element => {
                    c.element(child, &[], true);
                    seen_root = true;
                }
                NodeType::Comment if alg.comments => {
                    if seen_root {
                        c.out.push('\n');
                    }
                    c.node(child, &[]);
                    if !seen_root {
                        c.out.push('\n');
                    }
                }
                NodeType::PI => {
                    if seen_root {
                        c.out.push('\n');
                    }
                    c.pi(child);
                    if !seen_root {
                        c.out.push('\n');
                    }
                }
                _ => {}
            }
        }
    }
    c.out.into_bytes()
}

// ---------------------------------------------------------------------------------------------
// XML signature

fn ds_child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| {
        c.is_element() && c.tag_name().namespace() == Some(DS) && c.tag_name().name() == name
    })
}

fn ds_children<'a, 'i>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |c| {
        c.is_element() && c.tag_name().namespace() == Some(DS) && c.tag_name().name() == name
    })
}

fn algorithm<'a>(node: Option<Node<'a, '_>>, what: &str) -> Result<&'a str> {
    node.and_then(|n| n.attribute("Algorithm"))
        .ok_or_else(|| format!("the signature has no {what} algorithm"))
}

fn b64(text: &str) -> Result<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .map_err(|e| format!("bad base64 in the signature: {e}"))
}

#[derive(Debug, Clone, Copy)]
enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn digest_uri(uri: &str) -> Result<Hash> {
        match uri {
            "http://www.w3.org/2001/04/xmlenc#sha256" => Ok(Hash::Sha256),
            "http://www.w3.org/2001/04/xmldsig-more#sha384" => Ok(Hash::Sha384),
            "http://www.w3.org/2001/04/xmlenc#sha512" => Ok(Hash::Sha512),
            other => Err(format!(
                "digest algorithm {other} not accepted (SHA-256/384/512 only)"
            )),
        }
    }

    fn signature_uri(uri: &str) -> Result<Hash> {
        match uri {
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" => Ok(Hash::Sha256),
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384" => Ok(Hash::Sha384),
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512" => Ok(Hash::Sha512),
            other => Err(format!(
                "signature algorithm {other} not accepted (RSA with SHA-256/384/512 only)"
            )),
        }
    }

    fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => Sha256::digest(data).to_vec(),
            Hash::Sha384 => Sha384::digest(data).to_vec(),
            Hash::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    fn verify(self, cert_der: &[u8], message: &[u8], signature: &[u8]) -> Result {
        use der::Decode as _;
        use rsa::pkcs1::DecodeRsaPublicKey as _;
        let cert = x509_cert::Certificate::from_der(cert_der)
            .map_err(|e| format!("the list's signing certificate is unreadable: {e}"))?;
        let spki = &cert.tbs_certificate.subject_public_key_info;
        if spki.algorithm.oid.to_string() != "1.2.840.113549.1.1.1" {
            return Err("the list's signing key is not RSA (only RSA is supported)".into());
        }
        let key = rsa::RsaPublicKey::from_pkcs1_der(spki.subject_public_key.raw_bytes())
            .map_err(|e| format!("the list's signing key is unreadable: {e}"))?;
        let scheme = match self {
            Hash::Sha256 => rsa::Pkcs1v15Sign::new::<Sha256>(),
            Hash::Sha384 => rsa::Pkcs1v15Sign::new::<Sha384>(),
            Hash::Sha512 => rsa::Pkcs1v15Sign::new::<Sha512>(),
        };
        key.verify(scheme, &self.digest(message), signature)
            .map_err(|_| "the trusted list's signature does not verify".to_owned())
    }
}

/// The c14n of `SignedInfo` and the digest of each reference, as a signer computes them and a
/// verifier recomputes them: the one path both take.
fn reference_digest(
    doc: &Document<'_>,
    signature: Node<'_, '_>,
    reference: Node<'_, '_>,
) -> Result<(bool, Vec<u8>, Vec<u8>)> {
    let uri = reference.attribute("URI").unwrap_or_default();
    let whole = uri.is_empty();
    let apex = if whole {
        doc.root()
    } else {
        let id = uri
            .strip_prefix('#')
            .ok_or_else(|| format!("reference URI «{uri}» not supported (\"\" or #id only)"))?;
        let mut found = doc.descendants().filter(|n| {
            n.is_element()
                && ["Id", "ID", "id"]
                    .iter()
                    .any(|a| n.attribute(*a) == Some(id))
        });
        let node = found
            .next()
            .ok_or_else(|| format!("reference #{id}: no element has that id"))?;
        if found.next().is_some() {
            return Err(format!("reference #{id}: several elements have that id"));
        }
        node
    };
    let mut enveloped = false;
    let mut alg = C14n::from_uri(C14N).ok_or("c14n")?;
    if let Some(transforms) = ds_child(reference, "Transforms") {
        for t in ds_children(transforms, "Transform") {
            let a = algorithm(Some(t), "transform")?;
            if a == ENVELOPED {
                enveloped = true;
            } else if let Some(mut c) = C14n::from_uri(a) {
                if let Some(list) = t
                    .children()
                    .find(|c| c.is_element() && c.tag_name().name() == "InclusiveNamespaces")
                {
                    c.inclusive_prefixes = list
                        .attribute("PrefixList")
                        .unwrap_or_default()
                        .split_whitespace()
                        .map(str::to_owned)
                        .collect();
                }
                alg = c;
            } else {
                return Err(format!("transform {a} not supported"));
            }
        }
    }
    // URI="" is the document without comments (XMLDSig §4.3.3.3).
    if whole {
        alg.comments = false;
    }
    let bytes = canonicalize(doc, apex, &alg, enveloped.then_some(signature));
    let hash = Hash::digest_uri(algorithm(ds_child(reference, "DigestMethod"), "digest")?)?;
    let expected = b64(ds_child(reference, "DigestValue")
        .and_then(|n| n.text())
        .unwrap_or_default())?;
    Ok((whole && enveloped, hash.digest(&bytes), expected))
}

/// The one enveloped signature of the document: a `ds:Signature` child of the root element.
fn the_signature<'a, 'i>(doc: &'a Document<'i>) -> Result<Node<'a, 'i>> {
    let mut sigs = ds_children(doc.root_element(), "Signature");
    let sig = sigs
        .next()
        .ok_or("the trusted list is not signed (no ds:Signature in its root element)")?;
    if sigs.next().is_some() {
        return Err("the trusted list has more than one signature".into());
    }
    Ok(sig)
}

/// The canonical `SignedInfo` of the document's signature.
fn signed_info_c14n(doc: &Document<'_>, signature: Node<'_, '_>) -> Result<(Vec<u8>, Hash)> {
    let si = ds_child(signature, "SignedInfo").ok_or("the signature has no SignedInfo")?;
    let cm = ds_child(si, "CanonicalizationMethod");
    let c14n_uri = algorithm(cm, "canonicalization")?;
    let mut alg = C14n::from_uri(c14n_uri)
        .ok_or_else(|| format!("canonicalization {c14n_uri} not supported"))?;
    if let Some(list) = cm.and_then(|n| {
        n.children()
            .find(|c| c.is_element() && c.tag_name().name() == "InclusiveNamespaces")
    }) {
        alg.inclusive_prefixes = list
            .attribute("PrefixList")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_owned)
            .collect();
    }
    let hash = Hash::signature_uri(algorithm(ds_child(si, "SignatureMethod"), "signature")?)?;
    Ok((canonicalize(doc, si, &alg, None), hash))
}

/// Parses XML the way the list is read: no DTD (a trusted list has none, and entities are
/// how XML files attack their readers).
pub fn parse(xml: &str) -> Result<Document<'_>> {
    Document::parse_with_options(
        xml,
        roxmltree::ParsingOptions {
            allow_dtd: false,
            ..Default::default()
        },
    )
    .map_err(|e| format!("the trusted list is not well-formed XML: {e}"))
}

/// Certificates of a PEM file, DER.
pub fn pem_certificates(pem: &str) -> Result<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    let mut body: Option<String> = None;
    for line in pem.lines().map(str::trim) {
        if line == "-----BEGIN CERTIFICATE-----" {
            body = Some(String::new());
        } else if line == "-----END CERTIFICATE-----" {
            let b = body.take().ok_or("a PEM END without BEGIN")?;
            out.push(b64(&b)?);
        } else if let Some(b) = body.as_mut() {
            b.push_str(line);
        }
    }
    if out.is_empty() {
        return Err("no CERTIFICATE in the PEM file".into());
    }
    Ok(out)
}

fn check_cert_dates(cert_der: &[u8], now: i64) -> Result {
    use der::Decode as _;
    let cert = x509_cert::Certificate::from_der(cert_der)
        .map_err(|e| format!("the list's signing certificate is unreadable: {e}"))?;
    let v = &cert.tbs_certificate.validity;
    let secs = |t: x509_cert::time::Time| t.to_unix_duration().as_secs() as i64;
    if now < secs(v.not_before) || now > secs(v.not_after) {
        return Err("the list's signing certificate is not valid now".into());
    }
    Ok(())
}

/// Verifies the document's enveloped XML signature against the pinned certificates (see the
/// module documentation). Returns the certificate that signed.
pub fn verify_signature(doc: &Document<'_>, pinned: &[Vec<u8>], now: i64) -> Result<Vec<u8>> {
    let signature = the_signature(doc)?;
    let si = ds_child(signature, "SignedInfo").ok_or("the signature has no SignedInfo")?;
    let mut covers_document = false;
    let mut references = 0;
    for reference in ds_children(si, "Reference") {
        references += 1;
        let (whole, digest, expected) = reference_digest(doc, signature, reference)?;
        if digest != expected {
            return Err(format!(
                "the trusted list was changed after signing (reference «{}»: digest mismatch)",
                reference.attribute("URI").unwrap_or_default()
            ));
        }
        covers_document |= whole;
    }
    if references == 0 || !covers_document {
        return Err(
            "the signature does not cover the whole list (no URI=\"\" enveloped reference)".into(),
        );
    }
    let (signed_info, hash) = signed_info_c14n(doc, signature)?;
    let value = b64(ds_child(signature, "SignatureValue")
        .and_then(|n| n.text())
        .ok_or("the signature has no SignatureValue")?)?;
    let carried = ds_child(signature, "KeyInfo")
        .and_then(|k| ds_child(k, "X509Data"))
        .and_then(|d| ds_child(d, "X509Certificate"))
        .and_then(|c| c.text());
    let candidates: Vec<Vec<u8>> = match carried {
        Some(text) => {
            let cert = b64(text)?;
            if !pinned.contains(&cert) {
                return Err(
                    "the list is signed by a certificate that is not the pinned one (--signer-cert)"
                        .into(),
                );
            }
            vec![cert]
        }
        None => pinned.to_vec(),
    };
    let mut last = Err("no pinned certificate".to_owned());
    for cert in candidates {
        last = hash.verify(&cert, &signed_info, &value).map(|()| cert);
        if last.is_ok() {
            break;
        }
    }
    let cert = last?;
    check_cert_dates(&cert, now)?;
    Ok(cert)
}

// ---------------------------------------------------------------------------------------------
// The list's content

/// A qualified CA taken from the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualifiedCa {
    pub provider: String,
    pub service: String,
    pub status: String,
    /// The status's start, Unix seconds.
    pub status_start: i64,
    pub certificate: Vec<u8>,
}

/// What the list holds, as imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedList {
    pub territory: String,
    pub sequence: i64,
    pub issued: Option<i64>,
    pub next_update: Option<i64>,
    pub cas: Vec<QualifiedCa>,
    /// Services not imported (another type, or not granted).
    pub skipped: usize,
}

fn tsl_child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| {
        c.is_element() && c.tag_name().namespace() == Some(TSL) && c.tag_name().name() == name
    })
}

fn tsl_children<'a, 'i>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |c| {
        c.is_element() && c.tag_name().namespace() == Some(TSL) && c.tag_name().name() == name
    })
}

fn text_of(node: Option<Node<'_, '_>>) -> String {
    node.and_then(|n| n.text())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The first `Name` of a multilingual name list, the Italian one first when there is one.
fn name_of(list: Option<Node<'_, '_>>) -> String {
    let Some(list) = list else {
        return String::new();
    };
    let names: Vec<Node<'_, '_>> = tsl_children(list, "Name").collect();
    names
        .iter()
        .find(|n| {
            n.attribute((XML_NS, "lang"))
                .is_some_and(|l| l.eq_ignore_ascii_case("it"))
        })
        .or(names.first())
        .map(|n| text_of(Some(*n)))
        .unwrap_or_default()
}

fn datetime(text: &str) -> Result<i64> {
    chrono::DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.timestamp())
        .map_err(|e| format!("«{text}» is not a date-time: {e}"))
}

/// Reads the list's scheme information and its CA/QC services granted (no signature check:
/// [`verify_signature`] first).
pub fn read_list(doc: &Document<'_>) -> Result<TrustedList> {
    let root = doc.root_element();
    if root.tag_name().namespace() != Some(TSL)
        || root.tag_name().name() != "TrustServiceStatusList"
    {
        return Err("not an ETSI TS 119 612 trusted list (TrustServiceStatusList)".into());
    }
    let scheme = tsl_child(root, "SchemeInformation").ok_or("the list has no SchemeInformation")?;
    let sequence = text_of(tsl_child(scheme, "TSLSequenceNumber"))
        .parse()
        .map_err(|_| "the list has no TSLSequenceNumber")?;
    let issued = match tsl_child(scheme, "ListIssueDateTime") {
        Some(n) => Some(datetime(&text_of(Some(n)))?),
        None => None,
    };
    let next_update = match tsl_child(scheme, "NextUpdate").and_then(|n| tsl_child(n, "dateTime")) {
        Some(n) => Some(datetime(&text_of(Some(n)))?),
        None => None,
    };
    let mut cas = Vec::new();
    let mut skipped = 0;
    let providers = tsl_child(root, "TrustServiceProviderList");
    for tsp in providers
        .into_iter()
        .flat_map(|p| tsl_children(p, "TrustServiceProvider"))
    {
        let provider =
            name_of(tsl_child(tsp, "TSPInformation").and_then(|i| tsl_child(i, "TSPName")));
        for service in tsl_child(tsp, "TSPServices")
            .into_iter()
            .flat_map(|s| tsl_children(s, "TSPService"))
        {
            let info = tsl_child(service, "ServiceInformation")
                .ok_or_else(|| format!("a service of {provider} has no ServiceInformation"))?;
            let kind = text_of(tsl_child(info, "ServiceTypeIdentifier"));
            let status = text_of(tsl_child(info, "ServiceStatus"));
            if kind != CA_QC || (status != GRANTED && status != ACCREDITED) {
                skipped += 1;
                continue;
            }
            let name = name_of(tsl_child(info, "ServiceName"));
            let start = datetime(&text_of(tsl_child(info, "StatusStartingTime")))?;
            let certs: Vec<Vec<u8>> = tsl_child(info, "ServiceDigitalIdentity")
                .into_iter()
                .flat_map(|d| tsl_children(d, "DigitalId"))
                .filter_map(|d| tsl_child(d, "X509Certificate"))
                .map(|c| b64(c.text().unwrap_or_default()))
                .collect::<Result<_>>()?;
            if certs.is_empty() {
                return Err(format!(
                    "the service «{name}» of {provider} has no certificate"
                ));
            }
            for certificate in certs {
                domain::mail::subject_key(&certificate).map_err(|e| {
                    format!("the certificate of «{name}» ({provider}) is unreadable: {e}")
                })?;
                cas.push(QualifiedCa {
                    provider: provider.clone(),
                    service: name.clone(),
                    status: status.clone(),
                    status_start: start,
                    certificate,
                });
            }
        }
    }
    Ok(TrustedList {
        territory: text_of(tsl_child(scheme, "SchemeTerritory")),
        sequence,
        issued,
        next_update,
        cas,
        skipped,
    })
}

/// Verifies and reads a trusted list file (see the module documentation).
pub fn verify_and_read(xml: &str, pinned: &[Vec<u8>], now: i64) -> Result<TrustedList> {
    let doc = parse(xml)?;
    verify_signature(&doc, pinned, now)?;
    let list = read_list(&doc)?;
    if list.next_update.is_some_and(|n| n < now) {
        return Err(
            "the trusted list is out of date (its NextUpdate is past): download the current one"
                .into(),
        );
    }
    if list.cas.is_empty() {
        return Err("the trusted list has no granted CA/QC service".into());
    }
    Ok(list)
}

/// SQL replacing `trusted_cas` with the list's CAs.
pub fn sql(list: &TrustedList, now: i64) -> Result<String> {
    let q = crate::reference::sql_text;
    let mut out = String::from("DELETE FROM trusted_cas;\n");
    for ca in &list.cas {
        let key = domain::mail::subject_key(&ca.certificate).map_err(|e| e.to_string())?;
        out.push_str(&format!(
            "INSERT INTO trusted_cas (subject_key, certificate, provider, service, status, \
             status_start, territory, list_sequence, imported_at) VALUES ({}, {}, {}, {}, {}, \
             {}, {}, {}, {now});\n",
            q(&key),
            q(&ca
                .certificate
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()),
            q(&ca.provider),
            q(&ca.service),
            q(&ca.status),
            ca.status_start,
            q(&list.territory),
            list.sequence,
        ));
    }
    Ok(out)
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Verifies `file` against the certificates of `signer_pem` and writes the SQL file that
/// loads it; returns the SQL file and the list.
pub fn prepare(file: &Path, signer_pem: &Path) -> Result<(PathBuf, TrustedList)> {
    let xml = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let pem = std::fs::read_to_string(signer_pem)
        .map_err(|e| format!("cannot read {}: {e}", signer_pem.display()))?;
    let now = now();
    let list = verify_and_read(&xml, &pem_certificates(&pem)?, now)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let out = crate::paths::target().join("trusted-list.sql");
    std::fs::create_dir_all(crate::paths::target()).map_err(|e| e.to_string())?;
    std::fs::write(&out, sql(&list, now)?)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok((out, list))
}

// ---------------------------------------------------------------------------------------------
// The test list

/// The test trusted list of `pki`, signed by its test "AgID", in the PKI's directory: the
/// qualified CA as a granted CA/QC service, the unlisted CA as a *withdrawn* one and the PEC
/// providers' CA as a time-stamping service (neither imported). Written once.
pub fn write_test_tsl(pki: &crate::pki::Pki) -> Result<PathBuf> {
    let out = pki.dir.join(TEST_TSL);
    if out.is_file() {
        return Ok(out);
    }
    let cert_b64 = |c: &crate::pki::Cert| -> Result<String> {
        let pem = std::fs::read_to_string(&c.cert)
            .map_err(|e| format!("cannot read {}: {e}", c.cert.display()))?;
        let der = pem_certificates(&pem)?;
        Ok(base64::engine::general_purpose::STANDARD.encode(&der[0]))
    };
    let service = |kind: &str, name: &str, status: &str, cert: String| {
        format!(
            "<TSPService><ServiceInformation>\
             <ServiceTypeIdentifier>{kind}</ServiceTypeIdentifier>\
             <ServiceName><Name xml:lang=\"it\">{name}</Name></ServiceName>\
             <ServiceDigitalIdentity><DigitalId><X509Certificate>{cert}</X509Certificate>\
             </DigitalId></ServiceDigitalIdentity>\
             <ServiceStatus>{status}</ServiceStatus>\
             <StatusStartingTime>2020-01-01T00:00:00Z</StatusStartingTime>\
             </ServiceInformation></TSPService>\n"
        )
    };
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!-- Elenco di fiducia di prova di Ponte (cargo xtask): non è l'elenco di AgID. -->\n\
         <TrustServiceStatusList xmlns=\"{TSL}\" xmlns:ds=\"{DS}\" \
         xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" Id=\"TrustServiceStatusList\" \
         TSLTag=\"http://uri.etsi.org/19612/TSLTag\">\n\
         <SchemeInformation>\n\
         <TSLVersionIdentifier>5</TSLVersionIdentifier>\n\
         <TSLSequenceNumber>1</TSLSequenceNumber>\n\
         <TSLType>http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric</TSLType>\n\
         <SchemeOperatorName><Name xml:lang=\"it\">AgID (prova) &amp; Ponte</Name></SchemeOperatorName>\n\
         <SchemeTerritory>IT</SchemeTerritory>\n\
         <ListIssueDateTime>2020-01-01T00:00:00Z</ListIssueDateTime>\n\
         <NextUpdate><dateTime>2120-01-01T00:00:00Z</dateTime></NextUpdate>\n\
         </SchemeInformation>\n\
         <TrustServiceProviderList>\n\
         <TrustServiceProvider><TSPInformation><TSPName>\
         <Name xml:lang=\"en\">Test qualified provider</Name>\
         <Name xml:lang=\"it\">Prestatore qualificato di prova S.p.A.</Name>\
         </TSPName></TSPInformation><TSPServices>\n{qualified}{withdrawn}{tsa}</TSPServices>\
         </TrustServiceProvider>\n\
         </TrustServiceProviderList>",
        qualified = service(CA_QC, "CA qualificata di prova", GRANTED, cert_b64(&pki.qualified_ca)?),
        withdrawn = service(
            CA_QC,
            "CA di firma non qualificata",
            "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn",
            cert_b64(&pki.unlisted_ca)?
        ),
        tsa = service(
            "http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST",
            "Marche temporali di prova",
            GRANTED,
            cert_b64(&pki.ca)?
        ),
    );
    let signed = sign(
        &body,
        "</TrustServiceStatusList>\n",
        pki,
        &cert_b64(&pki.tsl_signer)?,
    )?;
    std::fs::write(&out, signed).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(out)
}

/// Signs `body` + (signature) + `close`: an enveloped XMLDSig, exclusive c14n, RSA-SHA256,
/// with a XAdES `SignedProperties` reference, as the lists are signed. The digests and the
/// `SignedInfo` bytes come from the same code [`verify_signature`] uses; openssl makes the
/// RSA signature.
fn sign(body: &str, close: &str, pki: &crate::pki::Pki, cert_b64: &str) -> Result<String> {
    let unsigned = format!("{body}{close}");
    let doc = parse(&unsigned)?;
    let exc = C14n::from_uri(EXC_C14N).ok_or("c14n")?;
    let whole = Hash::Sha256.digest(&canonicalize(&doc, doc.root(), &exc, None));
    let enc = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let props = "<xades:SignedProperties Id=\"xades-props\"><xades:SignedSignatureProperties>\
                 <xades:SigningTime>2020-01-01T00:00:00Z</xades:SigningTime>\
                 </xades:SignedSignatureProperties></xades:SignedProperties>";
    let signature = |signed_info: &str, value: &str| {
        format!(
            "<ds:Signature Id=\"firma-elenco\">{signed_info}<ds:SignatureValue>{value}</ds:SignatureValue>\
             <ds:KeyInfo><ds:X509Data><ds:X509Certificate>{cert_b64}</ds:X509Certificate>\
             </ds:X509Data></ds:KeyInfo><ds:Object><xades:QualifyingProperties \
             Target=\"#firma-elenco\">{props}</xades:QualifyingProperties></ds:Object></ds:Signature>"
        )
    };
    let reference = |uri: &str, transforms: &str, digest: &str| {
        format!(
            "<ds:Reference URI=\"{uri}\"><ds:Transforms>{transforms}</ds:Transforms>\
             <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\
             <ds:DigestValue>{digest}</ds:DigestValue></ds:Reference>"
        )
    };
    let signed_info = |props_digest: &str| {
        format!(
            "<ds:SignedInfo><ds:CanonicalizationMethod Algorithm=\"{EXC_C14N}\"/>\
             <ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>\
             {}{}</ds:SignedInfo>",
            reference(
                "",
                &format!(
                    "<ds:Transform Algorithm=\"{ENVELOPED}\"/><ds:Transform Algorithm=\"{EXC_C14N}\"/>"
                ),
                &enc(&whole)
            ),
            reference(
                "#xades-props",
                &format!("<ds:Transform Algorithm=\"{EXC_C14N}\"/>"),
                props_digest
            ),
        )
    };
    // The properties' digest is of the element in its final place (its namespaces in scope).
    let draft = format!("{body}{}{close}", signature(&signed_info(""), ""));
    let draft_doc = parse(&draft)?;
    let props_node = draft_doc
        .descendants()
        .find(|n| n.attribute("Id") == Some("xades-props"))
        .ok_or("signed properties")?;
    let props_digest = enc(&Hash::Sha256.digest(&canonicalize(&draft_doc, props_node, &exc, None)));
    let with_digests = format!(
        "{body}{}{close}",
        signature(&signed_info(&props_digest), "")
    );
    let doc = parse(&with_digests)?;
    let (si_bytes, _) = signed_info_c14n(&doc, the_signature(&doc)?)?;
    let value = openssl_sign(pki, &si_bytes)?;
    Ok(format!(
        "{body}{}{close}",
        signature(&signed_info(&props_digest), &enc(&value))
    ))
}

fn openssl_sign(pki: &crate::pki::Pki, data: &[u8]) -> Result<Vec<u8>> {
    let dir = pki.dir.join("tmp");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let input = dir.join(format!("signed-info-{}.xml", std::process::id()));
    std::fs::write(&input, data).map_err(|e| e.to_string())?;
    let out = std::process::Command::new("openssl")
        .args(["dgst", "-sha256", "-sign"])
        .arg(&pki.tsl_signer.key)
        .arg(&input)
        .output()
        .map_err(|e| format!("cannot run openssl: {e}"))?;
    let _ = std::fs::remove_file(&input);
    if !out.status.success() {
        return Err(format!(
            "openssl dgst -sign failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(out.stdout)
}

/// Writes the test list (if missing) and loads it into the local D1 of `state`, checked like
/// a real one against the test "AgID".
pub fn load_test_tsl(state: &Path, pki: &crate::pki::Pki) -> Result {
    let file = write_test_tsl(pki)?;
    let (sql, _) = prepare(&file, &pki.tsl_signer.cert)?;
    crate::server::execute_file(state, &sql)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c14n(xml: &str, uri: &str) -> String {
        let doc = parse(xml).expect("xml");
        String::from_utf8(canonicalize(
            &doc,
            doc.root(),
            &C14n::from_uri(uri).expect("alg"),
            None,
        ))
        .expect("utf-8")
    }

    fn subtree(xml: &str, uri: &str, id: &str) -> String {
        let doc = parse(xml).expect("xml");
        let n = doc
            .descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .expect("id");
        String::from_utf8(canonicalize(
            &doc,
            n,
            &C14n::from_uri(uri).expect("alg"),
            None,
        ))
        .expect("utf-8")
    }

    #[test]
    fn canonical_xml_basics() {
        // C14N spec §3.2-style: empty elements, attribute order, quotes, entities, CR.
        let xml = "<?xml version=\"1.0\"?>\r\n<!-- c -->\n<doc b='2' a=\"1&amp;&#9;\">\r\n  <e/>&#13;x&gt;<![CDATA[<y>]]></doc>\n<?pi  data?>";
        assert_eq!(
            c14n(xml, C14N),
            "<doc a=\"1&amp;&#x9;\" b=\"2\">\n  <e></e>&#xD;x&gt;&lt;y&gt;</doc>\n<?pi data?>"
        );
        assert_eq!(
            c14n(xml, C14N_COMMENTS),
            "<!-- c -->\n<doc a=\"1&amp;&#x9;\" b=\"2\">\n  <e></e>&#xD;x&gt;&lt;y&gt;</doc>\n<?pi data?>"
        );
    }

    #[test]
    fn namespaces_inclusive_and_exclusive() {
        let xml = "<a:r xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" xmlns=\"urn:d\" xml:lang=\"it\">\
                   <x Id=\"t\" b:k=\"v\" z=\"1\"><a:y/></x></a:r>";
        // Inclusive: the apex renders every namespace in scope and inherits xml:lang (attributes
        // sort by namespace URI: "http://www.w3.org/XML/…" before "urn:b").
        assert_eq!(
            subtree(xml, C14N, "t"),
            "<x xmlns=\"urn:d\" xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" Id=\"t\" z=\"1\" \
             xml:lang=\"it\" b:k=\"v\"><a:y></a:y></x>"
        );
        // Exclusive: only what is used, where it is first used.
        assert_eq!(
            subtree(xml, EXC_C14N, "t"),
            "<x xmlns=\"urn:d\" xmlns:b=\"urn:b\" Id=\"t\" z=\"1\" b:k=\"v\"><a:y xmlns:a=\"urn:a\"></a:y></x>"
        );
        // A default namespace undeclared inside: xmlns="".
        assert_eq!(
            c14n("<r xmlns=\"urn:d\"><e xmlns=\"\"/></r>", C14N),
            "<r xmlns=\"urn:d\"><e xmlns=\"\"></e></r>"
        );
        assert_eq!(
            c14n("<r xmlns=\"urn:d\"><e xmlns=\"\"/></r>", EXC_C14N),
            "<r xmlns=\"urn:d\"><e xmlns=\"\"></e></r>"
        );
        // Redundant declarations are dropped.
        assert_eq!(
            c14n("<r xmlns:a=\"urn:a\"><a:e xmlns:a=\"urn:a\"/></r>", C14N),
            "<r xmlns:a=\"urn:a\"><a:e></a:e></r>"
        );
        assert_eq!(
            c14n(
                "<r xmlns:a=\"urn:a\"><a:e xmlns:a=\"urn:a\"/></r>",
                EXC_C14N
            ),
            "<r><a:e xmlns:a=\"urn:a\"></a:e></r>"
        );
    }

    #[test]
    fn a_list_signed_by_xmlsec1_verifies() {
        // An independent implementation's canonical forms (exclusive for the references,
        // inclusive for SignedInfo): tests/fixtures/tsl/README.md.
        let xml = include_str!("../tests/fixtures/tsl/signed-by-xmlsec1.xml");
        let pinned =
            pem_certificates(include_str!("../tests/fixtures/tsl/signer.pem")).expect("pem");
        let list =
            verify_and_read(xml, &pinned, 1_780_000_000).expect("xmlsec1's signature verifies");
        assert_eq!(list.cas.len(), 1);
        let changed = xml.replacen("<TSLSequenceNumber>1<", "<TSLSequenceNumber>2<", 1);
        assert!(verify_and_read(&changed, &pinned, 1_780_000_000).is_err());
        // Past the signer certificate's end (2120) the list is refused.
        assert!(verify_and_read(xml, &pinned, 4_733_596_800).is_err());
    }

    #[test]
    fn dtds_are_refused() {
        assert!(parse("<!DOCTYPE r [<!ENTITY x \"y\">]><r>&x;</r>").is_err());
    }
}
