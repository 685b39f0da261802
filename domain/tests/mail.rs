//! `domain::mail` against the fixtures of `cargo xtask mail-fixtures` (tests/fixtures/mail/).
#![cfg(feature = "mail")]

use domain::mail::{
    addr_spec, read_cades, verify_cades as verify_qualified, verify_pec, Checked, Crl, Crls,
    MailError, QualifiedCas, SignedDocument, SigningWindow, TrustStore, MAX_P7M_BYTES,
    MAX_PEC_BYTES,
};
use proptest::prelude::*;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/mail/",
            $name
        ))
    };
}

/// 28 May 2026: after the fixtures were made (2 March 2026), inside every certificate's
/// validity but the expired one's.
const NOW: i64 = 1_780_000_000;
/// 1 January 2019: before the test certificates (2020–2120).
const BEFORE: i64 = 1_546_300_800;
/// 2 January 2120.
const AFTER: i64 = 4_733_596_800;

const SENDER: &str = "protocollo@pec.comune.esempio.it";
const SUBJECT: &str = "Dichiarazione 2345-6789-ABCH";

fn trust() -> TrustStore {
    let pem = std::str::from_utf8(fixture!("providers.pem")).unwrap();
    TrustStore::from_pem(pem).unwrap()
}

fn replace(haystack: &[u8], from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8(haystack.to_vec()).unwrap();
    assert!(text.contains(from), "{from} not found");
    text.replacen(from, to, 1).into_bytes()
}

// ---- PEC -------------------------------------------------------------------------------------

#[test]
fn a_valid_envelope_verifies() {
    let pec = verify_pec(fixture!("pec-valid.eml"), &trust(), NOW).unwrap();
    assert_eq!(pec.sender, SENDER);
    assert_eq!(pec.subject, SUBJECT);
    assert_eq!(pec.recipients, ["accreditamento@pec.ponte.example"]);
    assert!(
        pec.message_id.starts_with("opec-prova.1772445600."),
        "{}",
        pec.message_id
    );
    assert_eq!(pec.provider, "Gestore PEC di prova S.p.A.");
    assert_eq!(
        pec.signer_subject,
        "CN=Gestore PEC di prova S.p.A.,O=Gestore PEC di prova S.p.A.,C=IT"
    );
    // The code is there for the worker to find.
    let code = domain::declaration::DeclarationCode::find_in_subject(&pec.subject).unwrap();
    assert_eq!(code.as_str(), "2345-6789-ABCH");
}

#[test]
fn an_accented_subject_is_decoded_on_both_sides() {
    let pec = verify_pec(fixture!("pec-valid-utf8.eml"), &trust(), NOW).unwrap();
    assert_eq!(
        pec.subject,
        "Comune di Forlì – conferma dichiarazione 2345-6789-ABCH"
    );
}

#[test]
fn an_lf_only_copy_still_verifies() {
    let crlf = fixture!("pec-valid.eml");
    let lf = String::from_utf8(crlf.to_vec())
        .unwrap()
        .replace("\r\n", "\n");
    assert!(!lf.contains('\r'));
    let pec = verify_pec(lf.as_bytes(), &trust(), NOW).unwrap();
    assert_eq!(pec.sender, SENDER);
}

#[test]
fn the_other_signature_content_type_is_accepted() {
    let raw = String::from_utf8(fixture!("pec-valid.eml").to_vec())
        .unwrap()
        .replace(
            "application/x-pkcs7-signature",
            "application/pkcs7-signature",
        );
    assert!(verify_pec(raw.as_bytes(), &trust(), NOW).is_ok());
}

#[test]
fn a_tampered_original_message_fails_the_digest() {
    let raw = replace(
        fixture!("pec-valid.eml"),
        "Cordiali saluti",
        "Cordiali salutI",
    );
    assert_eq!(
        verify_pec(&raw, &trust(), NOW),
        Err(MailError::DigestMismatch)
    );
    // One byte of daticert.xml's base64 too.
    let raw = replace(fixture!("pec-valid.eml"), "PD94bWwg", "PD94bWxg");
    assert_eq!(
        verify_pec(&raw, &trust(), NOW),
        Err(MailError::DigestMismatch)
    );
}

#[test]
fn the_outer_headers_are_not_believed() {
    // Outside the signature: anyone can change them, nothing changes in the result.
    let raw = replace(
        fixture!("pec-valid.eml"),
        "From: \"Per conto di: protocollo@pec.comune.esempio.it\"",
        "From: \"Per conto di: sindaco@pec.altro-comune.it\"",
    );
    let raw = replace(
        &raw,
        "Subject: POSTA CERTIFICATA: ",
        "Subject: POSTA CERTIFICATA: XXX ",
    );
    let pec = verify_pec(&raw, &trust(), NOW).unwrap();
    assert_eq!(pec.sender, SENDER);
    assert_eq!(pec.subject, SUBJECT);
}

#[test]
fn another_envelopes_signature_does_not_fit() {
    let sig = |raw: &[u8]| {
        let text = String::from_utf8(raw.to_vec()).unwrap();
        let start = text.find("filename=\"smime.p7s\"\r\n\r\n").unwrap() + 24;
        let end = start + text[start..].find("\r\n------=_Part_firma").unwrap();
        (text.clone(), start, end)
    };
    let (valid, vs, ve) = sig(fixture!("pec-valid.eml"));
    let (other, os, oe) = sig(fixture!("pec-valid-utf8.eml"));
    let spliced = format!("{}{}{}", &valid[..vs], &other[os..oe], &valid[ve..]);
    assert_eq!(
        verify_pec(spliced.as_bytes(), &trust(), NOW),
        Err(MailError::DigestMismatch)
    );
}

#[test]
fn an_unsigned_envelope_is_refused() {
    assert_eq!(
        verify_pec(fixture!("pec-unsigned.eml"), &trust(), NOW),
        Err(MailError::NotSigned)
    );
}

#[test]
fn a_plain_email_is_not_a_pec() {
    let raw = replace(
        fixture!("pec-valid.eml"),
        "X-Trasporto: posta-certificata\r\n",
        "",
    );
    assert_eq!(verify_pec(&raw, &trust(), NOW), Err(MailError::NotPec));
    let raw = replace(
        fixture!("pec-valid.eml"),
        "X-Trasporto: posta-certificata",
        "X-Trasporto: errore",
    );
    assert_eq!(verify_pec(&raw, &trust(), NOW), Err(MailError::NotPec));
    let plain = b"From: a@b.it\r\nTo: c@d.it\r\nSubject: ciao\r\n\r\nciao\r\n";
    assert_eq!(verify_pec(plain, &trust(), NOW), Err(MailError::NotPec));
}

#[test]
fn a_foreign_provider_is_untrusted() {
    assert_eq!(
        verify_pec(fixture!("pec-foreign.eml"), &trust(), NOW),
        Err(MailError::UntrustedSigner)
    );
}

#[test]
fn a_forged_ca_with_the_trusted_name_is_untrusted() {
    assert_eq!(
        verify_pec(fixture!("pec-forged.eml"), &trust(), NOW),
        Err(MailError::UntrustedSigner)
    );
    // Its signature itself is fine: only the chain is wrong. Trusting the forged provider's
    // certificate directly accepts it, which shows the refusal above comes from the issuer's
    // signature and not from something else.
    let forged = provider_trust("forged-provider.pem");
    assert!(verify_pec(fixture!("pec-forged.eml"), &forged, NOW).is_ok());
}

#[test]
fn an_empty_trust_store_trusts_nothing() {
    let empty = TrustStore::from_pem("").unwrap();
    assert!(empty.is_empty());
    assert_eq!(
        verify_pec(fixture!("pec-valid.eml"), &empty, NOW),
        Err(MailError::UntrustedSigner)
    );
}

#[test]
fn the_provider_certificate_must_be_valid_now() {
    assert_eq!(
        verify_pec(fixture!("pec-expired.eml"), &trust(), NOW),
        Err(MailError::CertificateExpired)
    );
    // Before 2020 the CA itself is not valid yet, and after 2120 it has expired: nothing it
    // issued is trusted then.
    assert_eq!(
        verify_pec(fixture!("pec-valid.eml"), &trust(), BEFORE),
        Err(MailError::UntrustedSigner)
    );
    assert_eq!(
        verify_pec(fixture!("pec-valid.eml"), &trust(), AFTER),
        Err(MailError::UntrustedSigner)
    );
    // A provider trusted directly is judged by its own dates.
    let direct = provider_trust("provider.pem");
    assert_eq!(
        verify_pec(fixture!("pec-valid.eml"), &direct, BEFORE),
        Err(MailError::CertificateNotYetValid)
    );
    assert_eq!(
        verify_pec(fixture!("pec-valid.eml"), &direct, AFTER),
        Err(MailError::CertificateExpired)
    );
}

fn provider_trust(name: &str) -> TrustStore {
    let path = format!("{}/tests/fixtures/mail/{name}", env!("CARGO_MANIFEST_DIR"));
    TrustStore::from_pem(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_provider_certificate_can_be_trusted_directly() {
    // AgID lists the providers' own certificates: byte-equal is enough.
    let direct = provider_trust("provider.pem");
    assert_eq!(
        verify_pec(fixture!("pec-valid.eml"), &direct, NOW)
            .unwrap()
            .sender,
        SENDER
    );
    // Not a CA: what it "issued" is not trusted (the forged provider is not issued by it, but
    // neither is anything else).
    assert_eq!(
        verify_pec(fixture!("pec-foreign.eml"), &direct, NOW),
        Err(MailError::UntrustedSigner)
    );
}

#[test]
fn daticert_and_the_original_message_must_agree() {
    assert_eq!(
        verify_pec(fixture!("pec-mismatch.eml"), &trust(), NOW),
        Err(MailError::Mismatch("mittente".to_owned()))
    );
    assert_eq!(
        verify_pec(fixture!("pec-mismatch-subject.eml"), &trust(), NOW),
        Err(MailError::Mismatch("oggetto".to_owned()))
    );
}

#[test]
fn sha1_is_refused() {
    assert_eq!(
        verify_pec(fixture!("pec-sha1.eml"), &trust(), NOW),
        Err(MailError::UnsupportedAlgorithm("SHA-1".to_owned()))
    );
}

#[test]
fn size_is_capped() {
    let mut big = fixture!("pec-valid.eml").to_vec();
    big.resize(MAX_PEC_BYTES + 1, b' ');
    assert_eq!(verify_pec(&big, &trust(), NOW), Err(MailError::TooLarge));
}

#[test]
fn trust_store_bundles() {
    let pem = std::str::from_utf8(fixture!("providers.pem")).unwrap();
    let two = format!("# i gestori\n{pem}\n{pem}");
    assert_eq!(TrustStore::from_pem(&two).unwrap().len(), 2);
    assert_eq!(trust().len(), 1);
    let key = "-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n";
    assert!(matches!(
        TrustStore::from_pem(key),
        Err(MailError::Malformed(_))
    ));
    let junk = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n";
    assert!(TrustStore::from_pem(junk).is_err());
    let open = "-----BEGIN CERTIFICATE-----\nMAA=\n";
    assert!(TrustStore::from_pem(open).is_err());
}

#[test]
fn truncations_and_flipped_bytes_never_panic() {
    let raw = fixture!("pec-valid.eml");
    let trust = trust();
    // Cut before the closing boundary the envelope is refused; after it (only the final
    // "--" and CRLF lost) it still holds together.
    let closing = raw
        .windows(20)
        .rposition(|w| w == b"\r\n------=_Part_firma")
        .unwrap();
    let cuts = (0..raw.len()).step_by(7).chain(raw.len() - 80..raw.len());
    for cut in cuts {
        let result = verify_pec(&raw[..cut], &trust, NOW);
        if cut <= closing {
            assert!(result.is_err(), "cut at {cut}");
        }
    }
    // Every 11th byte: a full verification costs milliseconds in a debug build.
    for pos in (0..raw.len()).step_by(11) {
        let mut flipped = raw.to_vec();
        flipped[pos] ^= 0x20;
        // Some bytes are outside the signature (the outer headers, the signature's own
        // headers): those may verify, and then say the same thing.
        if let Ok(pec) = verify_pec(&flipped, &trust, NOW) {
            assert_eq!(pec.sender, SENDER, "flip at {pos}");
            assert_eq!(pec.subject, SUBJECT, "flip at {pos}");
        }
    }
}

// ---- CAdES -----------------------------------------------------------------------------------

const CONTENT: &[u8] = fixture!("document.txt");

/// The test trusted list: the qualified CA, granted since 2020.
fn cas() -> QualifiedCas {
    QualifiedCas::new([(fixture!("qualified-ca.der").to_vec(), 1_577_836_800)]).unwrap()
}

/// Every CRL address of the file answered with `crl` (as the worker fetched them).
fn crls_with(p7m: &[u8], crl: Result<Vec<u8>, String>) -> Crls {
    let mut crls = Crls::new();
    if let Ok(file) = read_cades(p7m) {
        for url in file.crl_urls() {
            crls.insert(&url, crl.clone());
        }
    }
    crls
}

/// The qualified check with the test list and the qualified CA's CRL, signing time taken
/// from the file when it falls before `now`.
fn verify_cades(p7m: &[u8], now: i64) -> Result<SignedDocument, MailError> {
    let crls = crls_with(p7m, Ok(fixture!("qualified-ca.crl").to_vec()));
    verify_qualified(p7m, &cas(), &crls, SigningWindow { earliest: 0, now })
}

#[test]
fn only_a_qualified_signer_is_accepted() {
    assert!(verify_cades(fixture!("document.p7m"), NOW).is_ok());
    for (file, want) in [
        (
            &fixture!("document-unlisted.p7m")[..],
            MailError::NotQualified,
        ),
        (
            &fixture!("document-self-signed.p7m")[..],
            MailError::NotQualified,
        ),
        (
            &fixture!("document-no-qc.p7m")[..],
            MailError::NotQualifiedCertificate,
        ),
        (
            &fixture!("document-no-nonrep.p7m")[..],
            MailError::NoNonRepudiation,
        ),
        (&fixture!("document-revoked.p7m")[..], MailError::Revoked),
    ] {
        assert_eq!(verify_cades(file, NOW), Err(want.clone()), "{want:?}");
        // Each refusal has its stable code and an Italian message.
        assert!(!want.code().is_empty() && want.message().ends_with('.'));
    }
    // An empty list trusts nobody.
    let doc = fixture!("document.p7m");
    let crls = crls_with(doc, Ok(fixture!("qualified-ca.crl").to_vec()));
    let window = SigningWindow {
        earliest: 0,
        now: NOW,
    };
    assert_eq!(
        verify_qualified(doc, &QualifiedCas::default(), &crls, window),
        Err(MailError::NotQualified)
    );
    // A CA granted only after the signing time is no anchor for it.
    let late = QualifiedCas::new([(fixture!("qualified-ca.der").to_vec(), NOW + 1)]).unwrap();
    assert_eq!(
        verify_qualified(doc, &late, &crls, window),
        Err(MailError::NotQualified)
    );
}

#[test]
fn revocation_that_cannot_be_checked_is_not_a_pass() {
    let doc = fixture!("document.p7m");
    let window = SigningWindow {
        earliest: 0,
        now: NOW,
    };
    let unknown = |crls: &Crls| match verify_qualified(doc, &cas(), crls, window) {
        Err(MailError::RevocationUnknown(why)) => why,
        other => panic!("{other:?}"),
    };
    // Not fetched at all, not reachable, not a CRL.
    assert!(unknown(&Crls::new()).contains("non è stata scaricata"));
    assert!(unknown(&crls_with(doc, Err("HTTP 404".into()))).contains("non è raggiungibile"));
    assert!(unknown(&crls_with(doc, Ok(b"garbage".to_vec()))).contains("non è leggibile"));
    // The CRL with its signature broken: not the CA's.
    let mut forged = fixture!("qualified-ca.crl").to_vec();
    if let Some(last) = forged.last_mut() {
        *last ^= 0x01;
    }
    assert!(unknown(&crls_with(doc, Ok(forged))).contains("firma"));
    // A certificate whose CRL address answers nothing.
    let unreachable = fixture!("document-crl-unreachable.p7m");
    let only_the_real_one = crls_with(doc, Ok(fixture!("qualified-ca.crl").to_vec()));
    assert_eq!(
        verify_qualified(unreachable, &cas(), &only_the_real_one, window).map_err(|e| e.code()),
        Err("revocation_unknown")
    );
    // `check` keeps the document apart, for a person to look at: everything but revocation
    // passed, and it says why revocation could not be checked. With the CRL it is qualified.
    match read_cades(unreachable)
        .unwrap()
        .check(&cas(), &only_the_real_one, window)
    {
        Ok(Checked::RevocationUnknown { document, why }) => {
            assert_eq!(document.content, CONTENT);
            assert!(!why.is_empty());
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        read_cades(doc)
            .unwrap()
            .check(&cas(), &only_the_real_one, window),
        Ok(Checked::Qualified(_))
    ));
    // Not a way round the other checks: a self-signed file without a CRL is still refused.
    assert_eq!(
        read_cades(fixture!("document-self-signed.p7m"))
            .unwrap()
            .check(&cas(), &Crls::new(), window),
        Err(MailError::NotQualified)
    );
    // Only the addresses in certificates of a listed CA are to be fetched.
    let window = SigningWindow {
        earliest: 0,
        now: NOW,
    };
    let file = read_cades(doc).unwrap();
    assert_eq!(file.crl_urls_to_fetch(&cas(), window), file.crl_urls());
    assert!(file
        .crl_urls_to_fetch(&QualifiedCas::default(), window)
        .is_empty());
    for forged in [
        &fixture!("document-self-signed.p7m")[..],
        &fixture!("document-unlisted.p7m")[..],
    ] {
        let file = read_cades(forged).unwrap();
        assert!(!file.crl_urls().is_empty());
        assert!(file.crl_urls_to_fetch(&cas(), window).is_empty());
    }
    // A distinct code: "could not check" is not "checked and revoked".
    assert_ne!(
        MailError::RevocationUnknown(String::new()).code(),
        MailError::Revoked.code()
    );
}

#[test]
fn a_crl_whose_lengths_overrun_is_refused_before_it_is_read() {
    // Found by `cargo xtask fuzz`: its issuer name declares a 5 MB string in 463 bytes.
    let lying = fixture!("crl-lying-length.der");
    assert_eq!(lying.len(), 463);
    assert!(Crl::from_der(lying).is_err());
    assert!(cas().checked_crl(lying, NOW).is_err());
}

#[test]
fn the_crl_is_read_and_its_dates_kept() {
    let crl = Crl::from_der(fixture!("qualified-ca.crl")).unwrap();
    assert_eq!(crl.this_update(), 1_577_836_800, "2020-01-01");
    assert_eq!(crl.next_update(), Some(4_733_510_400), "2120-01-01");
    // Only the CA's own CRL is checked as such.
    assert!(cas().checked_crl(fixture!("qualified-ca.crl"), NOW).is_ok());
    assert!(QualifiedCas::default()
        .checked_crl(fixture!("qualified-ca.crl"), NOW)
        .is_err());
    // A revocation after the signing time does not count: the revoked signer's certificate
    // was revoked on 1 January 2025, so a signature made (and checked) before that passes
    // revocation and fails nothing else.
    let window = SigningWindow {
        earliest: 0,
        now: 1_735_000_000,
    };
    let revoked = fixture!("document-revoked.p7m");
    let crls = crls_with(revoked, Ok(fixture!("qualified-ca.crl").to_vec()));
    // The CRL must be current at `now`: issued 2020, so 2024 is fine.
    let doc = verify_qualified(revoked, &cas(), &crls, window).unwrap();
    assert_eq!(doc.signer_cf.as_str(), "RVCFRM80A01H501V");
}

#[test]
fn a_valid_p7m_verifies_in_every_form() {
    let der = fixture!("document.p7m");
    let ber = fixture!("document-ber.p7m");
    let pem = fixture!("document-pem.p7m");
    assert!(
        ber.windows(2).any(|w| w == [0x30, 0x80]),
        "the BER fixture has indefinite lengths"
    );
    let base64_only: String = std::str::from_utf8(pem)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .join("\n");
    for (form, bytes) in [
        ("DER", der.to_vec()),
        ("BER", ber.to_vec()),
        ("PEM", pem.to_vec()),
        ("base64", base64_only.into_bytes()),
    ] {
        let doc = verify_cades(&bytes, NOW).unwrap_or_else(|e| panic!("{form}: {e:?}"));
        assert_eq!(doc.content, CONTENT, "{form}");
        assert_eq!(doc.signer_cf.as_str(), "RSSMRA85T10A562S", "{form}");
        assert_eq!(doc.signer_name, "Mario Rossi", "{form}");
        assert_eq!(
            doc.certificate_not_after, 4_733_510_400,
            "{form}: 2120-01-01"
        );
        assert_eq!(
            doc.signed_at, NOW,
            "{form}: signed after NOW, so checked at NOW"
        );
        assert!(doc.cosigners.is_empty());
    }
}

#[test]
fn a_tampered_p7m_is_refused() {
    let der = fixture!("document.p7m");
    let at = der
        .windows(CONTENT.len())
        .position(|w| w == CONTENT)
        .unwrap();
    let mut tampered = der.to_vec();
    tampered[at + 5] ^= 0x01;
    assert_eq!(verify_cades(&tampered, NOW), Err(MailError::DigestMismatch));
    // The signature value is the file's last element: its last byte changed.
    let mut bad_sig = der.to_vec();
    if let Some(last) = bad_sig.last_mut() {
        *last ^= 0x01;
    }
    assert_eq!(verify_cades(&bad_sig, NOW), Err(MailError::BadSignature));
}

#[test]
fn every_cosigner_is_checked_and_reported() {
    let doc = verify_cades(fixture!("document-cosigned.p7m"), NOW).unwrap();
    assert_eq!(doc.content, CONTENT);
    // The file's order: OpenSSL writes the signers as given.
    let mut all: Vec<(String, String)> = vec![(doc.signer_cf.as_str().to_owned(), doc.signer_name)];
    all.extend(doc.cosigners.iter().map(|s| {
        (
            s.cf.as_ref()
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default(),
            s.name.clone(),
        )
    }));
    all.sort();
    assert_eq!(
        all,
        [
            ("BNCNNA90A41H501T".to_owned(), "Anna Bianchi".to_owned()),
            ("RSSMRA85T10A562S".to_owned(), "Mario Rossi".to_owned()),
        ]
    );
    // A broken signature of either signer refuses the whole file: the last byte is the
    // second SignerInfo's signature.
    let mut bad = fixture!("document-cosigned.p7m").to_vec();
    if let Some(last) = bad.last_mut() {
        *last ^= 0x01;
    }
    assert_eq!(verify_cades(&bad, NOW), Err(MailError::BadSignature));
}

#[test]
fn a_signer_without_fiscal_code_is_refused() {
    assert_eq!(
        verify_cades(fixture!("document-no-cf.p7m"), NOW),
        Err(MailError::NoSignerFiscalCode)
    );
}

#[test]
fn the_signer_certificate_must_be_valid_when_it_signed() {
    // The signing time (when the fixtures were made) is before the declaration's issue here,
    // so the check is at `now`: after the certificate's end.
    let doc = fixture!("document.p7m");
    let crls = crls_with(doc, Ok(fixture!("qualified-ca.crl").to_vec()));
    let late = SigningWindow {
        earliest: AFTER,
        now: AFTER,
    };
    assert_eq!(
        verify_qualified(doc, &cas(), &crls, late),
        Err(MailError::CertificateExpired)
    );
    // With the signing time inside the window the certificate was valid then, and the checks
    // go on to revocation: the CRL is out of date by 2120, so it cannot say.
    assert_eq!(
        verify_cades(doc, AFTER).map_err(|e| e.code()),
        Err("revocation_unknown")
    );
    assert_eq!(
        verify_cades(fixture!("document.p7m"), BEFORE),
        Err(MailError::CertificateNotYetValid)
    );
}

#[test]
fn a_detached_signature_is_not_a_p7m() {
    assert_eq!(
        verify_cades(fixture!("document-detached.p7s"), NOW),
        Err(MailError::Detached)
    );
}

#[test]
fn other_files_are_refused() {
    assert_eq!(verify_cades(CONTENT, NOW), Err(MailError::NotSigned));
    assert_eq!(verify_cades(b"", NOW), Err(MailError::NotSigned));
    assert!(verify_cades(fixture!("pec-valid.eml"), NOW).is_err());
    let big = vec![0x30u8; MAX_P7M_BYTES + 1];
    assert_eq!(verify_cades(&big, NOW), Err(MailError::TooLarge));
}

#[test]
fn p7m_truncations_never_panic() {
    for p7m in [
        &fixture!("document.p7m")[..],
        &fixture!("document-ber.p7m")[..],
        &fixture!("document-pem.p7m")[..],
    ] {
        for cut in 0..p7m.len() {
            let _ = verify_cades(&p7m[..cut], NOW);
        }
        for pos in (0..p7m.len()).step_by(13) {
            let mut flipped = p7m.to_vec();
            flipped[pos] ^= 0x04;
            if let Ok(doc) = verify_cades(&flipped, NOW) {
                assert_eq!(doc.content, CONTENT, "flip at {pos}");
            }
        }
    }
}

#[test]
fn addr_spec_is_public() {
    assert_eq!(
        addr_spec("\"Per conto di: a@b.it\" <Posta-Certificata@Pec.Example.it>").as_deref(),
        Some("posta-certificata@pec.example.it")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = verify_pec(&bytes, &trust(), NOW);
        let _ = verify_cades(&bytes, NOW);
        let _ = TrustStore::from_pem(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_headers_before_a_valid_envelope_never_panic(
        prefix in "[ -~\r\n]{0,200}",
    ) {
        let mut raw = prefix.into_bytes();
        raw.extend_from_slice(fixture!("pec-valid.eml"));
        let _ = verify_pec(&raw, &trust(), NOW);
    }
}
