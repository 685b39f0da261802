//! The PEC transport envelope ("busta di trasporto"): see the module documentation of
//! [`crate::mail`] for what is checked and why.

use super::trust::TrustStore;
use super::x509::{name_to_string, CN};
use super::{addr_spec, cms, daticert, MailError, MAX_PEC_BYTES};
use mail_parser::{MessageParser, MessagePart, MimeHeaders};
use std::borrow::Cow;

/// What a verified PEC transport envelope says. Everything but `signer_subject` comes from
/// the signed part of the envelope (`daticert.xml`), never from the outer headers, which the
/// signature does not cover.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PecMessage {
    /// daticert.xml `<mittente>`: the PEC address that sent the message, trimmed, lower-cased.
    pub sender: String,
    /// daticert.xml `<oggetto>`: the original subject, XML entities decoded, trimmed.
    pub subject: String,
    /// daticert.xml `<destinatari>`, lower-cased.
    pub recipients: Vec<String>,
    /// daticert.xml `<identificativo>` (the provider's message id), else `<msgid>`.
    pub message_id: String,
    /// daticert.xml `<gestore-emittente>`, else the signer certificate's common name.
    pub provider: String,
    /// The provider's signing certificate's subject, RFC 4514 style (`CN=…,O=…,C=IT`).
    pub signer_subject: String,
}

/// Signature parts' content types (RFC 8551 and the older `x-` form providers still use).
fn is_pkcs7_signature(value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    v == "application/pkcs7-signature" || v == "application/x-pkcs7-signature"
}

/// Bare LF line ends made CRLF (RFC 8551 §3.1.1: signatures are over the canonical form; a
/// message saved on a Unix system has lost its CRs). Returns the input untouched when every
/// LF already follows a CR.
pub(crate) fn canonical_crlf(raw: &[u8]) -> Cow<'_, [u8]> {
    let bare = raw
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\n' && (i == 0 || raw[i - 1] != b'\r'));
    if !bare {
        return Cow::Borrowed(raw);
    }
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 32);
    for (i, &b) in raw.iter().enumerate() {
        if b == b'\n' && (i == 0 || raw[i - 1] != b'\r') {
            out.push(b'\r');
        }
        out.push(b);
    }
    Cow::Owned(out)
}

/// Runs of white space made one space, ends trimmed: how two copies of a subject are compared
/// (header unfolding and XML indentation may differ in white space, never in words).
fn normalise_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn content_type_is(part: &MessagePart<'_>, ctype: &str, subtype: &str) -> bool {
    part.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case(ctype)
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case(subtype))
    })
}

fn named(part: &MessagePart<'_>, name: &str) -> bool {
    part.attachment_name()
        .is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
}

/// The one part among `parts` that `pred` picks, which must lie inside `range` (the signed
/// bytes); none or several are refused.
fn only_one<'a, 'x>(
    parts: &[&'a MessagePart<'x>],
    what: &str,
    (start, end): (usize, usize),
    pred: impl Fn(&MessagePart<'x>) -> bool,
) -> Result<&'a MessagePart<'x>, MailError> {
    let found: Vec<&'a MessagePart<'x>> = parts.iter().copied().filter(|p| pred(p)).collect();
    match found.as_slice() {
        [one]
            if (one.raw_header_offset() as usize) >= start
                && (one.raw_end_offset() as usize) <= end =>
        {
            Ok(*one)
        }
        [] => Err(MailError::Malformed(format!("manca {what}"))),
        _ => Err(MailError::Malformed(format!(
            "{what} ripetuto o fuori dalla parte firmata"
        ))),
    }
}

/// Verifies a raw RFC 5322 message, bytes as received, as a PEC transport envelope. See the
/// module documentation of [`crate::mail`] for the checks, in the order they run.
pub fn verify_pec(raw: &[u8], trust: &TrustStore, now_unix: i64) -> Result<PecMessage, MailError> {
    if raw.len() > MAX_PEC_BYTES {
        return Err(MailError::TooLarge);
    }
    let canonical = canonical_crlf(raw);
    let bytes: &[u8] = &canonical;
    let message = MessageParser::default().parse(bytes).ok_or_else(|| {
        MailError::Malformed("il messaggio non ha la forma di un'e-mail".to_owned())
    })?;

    let transport = message
        .header("X-Trasporto")
        .and_then(|h| h.as_text())
        .map(|t| t.trim().to_ascii_lowercase());
    if transport.as_deref() != Some("posta-certificata") {
        return Err(MailError::NotPec);
    }

    let root = message.root_part();
    let signed = root.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("signed"))
            && ct.attribute("protocol").is_some_and(is_pkcs7_signature)
    });
    if !signed {
        return Err(MailError::NotSigned);
    }
    let part = |id: u32| message.parts.get(id as usize);
    let Some(&[signed_id, signature_id]) = root.sub_parts() else {
        return Err(MailError::Malformed(
            "la busta firmata deve avere due parti: il contenuto e la firma".to_owned(),
        ));
    };
    let (Some(signed_part), Some(signature_part)) = (part(signed_id), part(signature_id)) else {
        return Err(MailError::Malformed(
            "parti della busta mancanti".to_owned(),
        ));
    };
    let signature_type = signature_part
        .content_type()
        .map(|ct| format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or_default()));
    if !signature_type.as_deref().is_some_and(is_pkcs7_signature) {
        return Err(MailError::NotSigned);
    }
    let p7s = signature_part.contents();
    if p7s.is_empty() {
        return Err(MailError::NotSigned);
    }
    // The signed bytes: the first part's header and body, up to the CRLF that belongs to the
    // next boundary (RFC 1847 §2.1) — what mail-parser's offsets delimit.
    let (start, end) = (
        signed_part.raw_header_offset() as usize,
        signed_part.raw_end_offset() as usize,
    );
    let signed_bytes = bytes
        .get(start..end)
        .filter(|b| !b.is_empty())
        .ok_or_else(|| MailError::Malformed("parte firmata vuota".to_owned()))?;

    // The signature: digest, RSA, then trust and dates.
    let sd = cms::parse(p7s)?;
    if sd.content.is_some() {
        return Err(MailError::Malformed(
            "la firma della busta deve essere separata dal contenuto".to_owned(),
        ));
    }
    let [signer] = sd.signers.as_slice() else {
        return Err(MailError::Malformed(
            "la busta deve essere firmata dal solo gestore".to_owned(),
        ));
    };
    let cert = cms::verify_signer(&sd, signer, signed_bytes, trust.certs())?;
    if !trust.trusts(&cert, now_unix) {
        return Err(MailError::UntrustedSigner);
    }
    cert.check_validity(now_unix)?;

    // The signed content: daticert.xml and postacert.eml, each exactly once, inside the
    // signed bytes.
    if !content_type_is(signed_part, "multipart", "mixed") {
        return Err(MailError::Malformed(
            "il contenuto firmato non è multipart/mixed".to_owned(),
        ));
    }
    let children: Vec<&MessagePart<'_>> = signed_part
        .sub_parts()
        .unwrap_or_default()
        .iter()
        .filter_map(|&id| part(id))
        .collect();
    let daticert_part = only_one(&children, "daticert.xml", (start, end), |p| {
        named(p, "daticert.xml")
    })?;
    let postacert_part = only_one(&children, "postacert.eml", (start, end), |p| {
        named(p, "postacert.eml") && p.is_message()
    })?;
    let dati = daticert::parse(daticert_part.contents())?;
    if dati.tipo != "posta-certificata" || dati.errore.as_deref().is_some_and(|e| e != "nessuno") {
        return Err(MailError::NotPec);
    }

    // The original message must say what the provider certified.
    let original = postacert_part
        .message()
        .ok_or_else(|| MailError::Malformed("postacert.eml non leggibile".to_owned()))?;
    let from = original
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .and_then(addr_spec);
    if from.as_deref() != Some(dati.mittente.as_str()) {
        return Err(MailError::Mismatch("mittente".to_owned()));
    }
    if normalise_space(original.subject().unwrap_or_default()) != normalise_space(&dati.oggetto) {
        return Err(MailError::Mismatch("oggetto".to_owned()));
    }

    let signer_cn = cert.subject_attr(CN).unwrap_or_default();
    Ok(PecMessage {
        sender: dati.mittente,
        subject: dati.oggetto,
        recipients: dati.destinatari,
        message_id: dati.identificativo.or(dati.msgid).unwrap_or_default(),
        provider: dati.gestore.unwrap_or(signer_cn),
        signer_subject: name_to_string(cert.subject()),
    })
}
