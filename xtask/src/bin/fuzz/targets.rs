//! The targets: what each one drives, its seeds, the tokens of its format, and its bounds.
//!
//! Allocation bounds: a fixed part plus bytes per input byte. The per-byte factor is what the
//! parser legitimately needs (copies of the text, decoded parts, rows and their error
//! messages); at the largest input the code takes it must stay well under a Worker's 128 MB:
//! - `pec`: 2 MiB + 24 × input; at [`MAX_PEC_BYTES`] (1 MiB) 26 MiB;
//! - `cades-read`, `cades-verify`: 1 MiB + 8 × input; at [`MAX_P7M_BYTES`] (5 MiB) 41 MiB;
//! - `crl`: 1 MiB + 8 × input (a CRL is read whole, `worker/src/trust.rs` caps it at 20 MB);
//! - `import`: 4 MiB + 40 × input; at a part's 640 KiB (`worker/src/db/school.rs`
//!   `MAX_PART_BYTES`) 29 MiB. The fixed part is the error list, capped at
//!   `domain::import::MAX_ERRORS` (about 2.5 MB of messages: a file of short bad rows reaches
//!   the cap within a few kilobytes); before the cap, 640 KiB of such rows took over 120 MB;
//! - `query`: 256 KiB + 16 × input (a URL is at most 16 KB at Cloudflare's edge);
//! - `draft`: 1 MiB + 24 × input; at [`DraftFile::MAX_BYTES`] (256 KiB) 7 MiB.

use crate::engine::{Outcome, Target};
use domain::hosts::HostSearch;
use domain::import::{split_chunks, ImportContext, ImportKind, Part, Row};
use domain::mail::{
    read_cades, verify_cades, verify_pec, Crls, MailError, QualifiedCas, SigningWindow, TrustStore,
    MAX_P7M_BYTES, MAX_PEC_BYTES,
};
use domain::profile::{DraftFile, ProfileDraft};
use domain::query::QueryParams;
use std::path::{Path, PathBuf};

/// 28 May 2026, as the mail tests: inside every fixture certificate's validity but the
/// expired one's.
const NOW: i64 = 1_780_000_000;
/// A part of an import file the worker takes (`worker/src/db/school.rs`, `MAX_PART_BYTES`).
const MAX_PART_BYTES: usize = 640 * 1024;
/// Cloudflare's limit on a URL.
const MAX_URL_BYTES: usize = 16 * 1024;
/// Where the browser cuts a file into parts for the chunk reader; small here, so the inputs
/// make several parts.
const FUZZ_CHUNK_BYTES: usize = 1024;

fn fixtures() -> PathBuf {
    xtask::paths::root()
        .join("domain")
        .join("tests")
        .join("fixtures")
        .join("mail")
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The fixture files whose names end with one of `exts`, sorted.
fn fixture_files(exts: &[&str]) -> Result<Vec<Vec<u8>>, String> {
    let dir = fixtures();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| exts.iter().any(|x| n.ends_with(x)))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!("no {exts:?} fixtures in {}", dir.display()));
    }
    names.iter().map(|n| read(&dir.join(n))).collect()
}

fn mail_outcome<T>(r: &Result<T, MailError>) -> Outcome {
    match r {
        Ok(_) => Outcome::code("ok"),
        Err(e) => Outcome::new(e.code(), format!("{e:?}")),
    }
}

fn tokens(list: &[&[u8]]) -> Vec<Vec<u8>> {
    list.iter().map(|t| t.to_vec()).collect()
}

fn der_tokens() -> Vec<Vec<u8>> {
    tokens(&[
        &[0x30, 0x80],
        &[0x00, 0x00],
        &[0x30, 0x82, 0xff, 0xff],
        &[0x04, 0x84, 0xff, 0xff, 0xff, 0xff],
        &[0x30, 0x89, 0x01, 0, 0, 0, 0, 0, 0, 0, 0],
        &[0x24, 0x80],
        &[0xa0, 0x80],
        &[0x02, 0x01, 0x01],
        &[0x02, 0x00],
        &[0x05, 0x00],
        &[
            0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
        ],
        &[
            0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01,
        ],
        &[
            0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
        ],
        &[0x17, 0x0d],
        b"991231235959Z",
        &[0x18, 0x0f],
        b"99991231235959Z",
        b"-----BEGIN CMS-----\n",
        b"-----END CMS-----\n",
        b"-----BEGIN PKCS7-----\n",
    ])
}

pub fn all() -> Result<Vec<Target>, String> {
    Ok(vec![
        pec()?,
        cades_read()?,
        cades_verify()?,
        crl()?,
        import()?,
        query(),
        draft(),
    ])
}

fn pec() -> Result<Target, String> {
    let pem = String::from_utf8(read(&fixtures().join("providers.pem"))?)
        .map_err(|e| format!("providers.pem: {e}"))?;
    let trust = TrustStore::from_pem(&pem).map_err(|e| format!("providers.pem: {e:?}"))?;
    Ok(Target {
        name: "pec",
        what: "domain::mail::verify_pec (PEC transport envelopes, the providers' trust store)",
        seeds: fixture_files(&[".eml"])?,
        dict: tokens(&[
            b"\r\n",
            b"\r\n\r\n",
            b"\n",
            b"--",
            b"X-Trasporto: posta-certificata\r\n",
            b"Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=\"",
            b"Content-Type: multipart/mixed; boundary=",
            b"Content-Transfer-Encoding: base64\r\n",
            b"Content-Transfer-Encoding: quoted-printable\r\n",
            b"Content-Disposition: attachment; filename=\"daticert.xml\"\r\n",
            b"postacert.eml",
            b"=?UTF-8?B?",
            b"=?iso-8859-1?Q?",
            b"?=",
            b"=\r\n",
            b"=3D",
            b"<mittente>",
            b"</mittente>",
            b"<oggetto>",
            b"tipo=\"posta-certificata\"",
            b"&amp;",
            b"&#x10FFFF;",
            b"<![CDATA[",
            b"]]>",
            b"\"",
            b";",
        ]),
        max_len: MAX_PEC_BYTES + 1024,
        usual_len: 64 * 1024,
        bound_base: 2 << 20,
        bound_per_byte: 24,
        run: Box::new(move |input| mail_outcome(&verify_pec(input, &trust, NOW))),
        fix: None,
    })
}

/// The `.p7m` fixtures, and the plain document signed in base64 (the third form
/// `read_cades` takes).
fn p7m_seeds() -> Result<Vec<Vec<u8>>, String> {
    use base64::Engine as _;
    let mut seeds = fixture_files(&[".p7m", ".p7s"])?;
    let der = read(&fixtures().join("document.p7m"))?;
    seeds.push(
        base64::engine::general_purpose::STANDARD
            .encode(der)
            .into_bytes(),
    );
    Ok(seeds)
}

fn cades_read() -> Result<Target, String> {
    let cas = test_cas()?;
    let window = SigningWindow {
        earliest: 0,
        now: NOW,
    };
    Ok(Target {
        name: "cades-read",
        what: "domain::mail::read_cades and what the worker asks of its result (no trust)",
        seeds: p7m_seeds()?,
        dict: der_tokens(),
        max_len: MAX_P7M_BYTES + 1024,
        usual_len: 32 * 1024,
        bound_base: 1 << 20,
        bound_per_byte: 8,
        run: Box::new(move |input| {
            let r = read_cades(input);
            if let Ok(file) = &r {
                let _ = file.issuer_keys();
                let _ = file.crl_urls();
                let _ = file.crl_urls_to_fetch(&cas, window);
            }
            mail_outcome(&r)
        }),
        fix: None,
    })
}

/// The test trusted list: the qualified CA, granted since 2020 (as the mail tests).
fn test_cas() -> Result<QualifiedCas, String> {
    QualifiedCas::new([(read(&fixtures().join("qualified-ca.der"))?, 1_577_836_800)])
        .map_err(|e| format!("qualified-ca.der: {e:?}"))
}

fn cades_verify() -> Result<Target, String> {
    let cas = test_cas()?;
    let crl = read(&fixtures().join("qualified-ca.crl"))?;
    let seeds = p7m_seeds()?;
    // Every CRL address of the seeds answers with the CA's CRL, as the worker would have
    // fetched it; one more answers with an error.
    let mut crls = Crls::new();
    for s in &seeds {
        if let Ok(file) = read_cades(s) {
            for url in file.crl_urls() {
                crls.insert(&url, Ok(crl.clone()));
            }
        }
    }
    crls.insert(
        "http://127.0.0.1:9/crl",
        Err("connection refused".to_owned()),
    );
    Ok(Target {
        name: "cades-verify",
        what: "domain::mail::verify_cades with the test trusted list and its CRL",
        seeds,
        dict: der_tokens(),
        max_len: MAX_P7M_BYTES + 1024,
        usual_len: 32 * 1024,
        bound_base: 1 << 20,
        bound_per_byte: 8,
        run: Box::new(move |input| {
            mail_outcome(&verify_cades(
                input,
                &cas,
                &crls,
                SigningWindow {
                    earliest: 0,
                    now: NOW,
                },
            ))
        }),
        fix: None,
    })
}

fn crl() -> Result<Target, String> {
    let cas = test_cas()?;
    Ok(Target {
        name: "crl",
        what: "domain::mail::QualifiedCas::checked_crl (a CRL the worker fetched over HTTP)",
        // The second seed: a CRL whose issuer name declares a 5 MB string in 463 bytes, which
        // once made `der` reserve 5 MB (asn1::well_formed now refuses it first).
        seeds: vec![
            read(&fixtures().join("qualified-ca.crl"))?,
            read(&fixtures().join("crl-lying-length.der"))?,
        ],
        dict: der_tokens(),
        max_len: 64 * 1024,
        usual_len: 8 * 1024,
        bound_base: 1 << 20,
        bound_per_byte: 8,
        run: Box::new(move |input| mail_outcome(&cas.checked_crl(input, NOW))),
        fix: None,
    })
}

/// The first byte of an import input chooses the kind (its value modulo 6) and whether the
/// file is also cut into parts for the chunk reader (bit 3); the rest is the file.
fn import() -> Result<Target, String> {
    let out = crate::engine::out_dir().join("seed-demo");
    let demo = xtask::school::write_demo(
        &out,
        &xtask::school::DemoOptions {
            pupils: 60,
            seed: xtask::school::DEMO_SCHOOL_SEED,
            ..Default::default()
        },
    )?;
    let mut seeds = Vec::new();
    let mut classes = Vec::new();
    let mut pupils = Vec::new();
    for school in &demo.schools {
        for (k, name) in xtask::school::FILES.iter().enumerate() {
            let kind = ImportKind::parse(name).map_err(|e| e.message)?;
            let bytes = read(&school.dir.join(format!("{name}.csv")))?;
            if school.code == demo.schools[0].code {
                // The cross-references: the first school's classes and pupils.
                let ctx = ImportContext::format_only();
                match Part::parse(kind, &bytes, 2, &ctx) {
                    Part::Classes(p) => classes.extend(p.rows.iter().map(|(_, r)| r.key())),
                    Part::Pupils(p) => pupils.extend(p.rows.iter().map(|(_, r)| r.key())),
                    _ => {}
                }
            }
            // The first 40 lines: enough rows of every shape, small enough to run fast.
            let mut lines = 0;
            let end = bytes
                .iter()
                .position(|&b| {
                    lines += usize::from(b == b'\n');
                    lines == 40
                })
                .map_or(bytes.len(), |i| i + 1);
            for chunked in [0u8, 8] {
                let mut seed = vec![k as u8 | chunked];
                seed.extend_from_slice(&bytes[..end]);
                seeds.push(seed);
            }
        }
    }
    let ctx = ImportContext::new(classes, pupils);
    let mut dict = tokens(&[
        b";",
        b",",
        b"\"",
        b"\"\"",
        b"\r\n",
        b"\n",
        b"\r",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xe8",
        "à".as_bytes(),
        b"01/09/2025",
        b"2025-09-01",
        b"31/02/2026",
        b"si'",
        b"no",
        b"27:30",
        b"99999999999",
        b"-1",
    ]);
    for kind in ImportKind::ALL {
        for c in kind.columns() {
            dict.push(c.name.as_bytes().to_vec());
        }
    }
    Ok(Target {
        name: "import",
        what: "domain::import: the six kinds of file, whole and cut into parts",
        seeds,
        dict,
        max_len: MAX_PART_BYTES + 1024,
        usual_len: 16 * 1024,
        bound_base: 4 << 20,
        bound_per_byte: 40,
        run: Box::new(move |input| {
            let Some((&sel, file)) = input.split_first() else {
                return Outcome::code("empty");
            };
            let kind = ImportKind::ALL[usize::from(sel) % ImportKind::ALL.len()];
            let outcome = part_outcome(kind, &Part::parse(kind, file, 2, &ctx));
            if sel & 8 != 0 && kind.is_chunked() {
                for chunk in split_chunks(file, FUZZ_CHUNK_BYTES) {
                    let _ = Part::parse(kind, &chunk.bytes, chunk.first_line, &ctx);
                }
            }
            outcome
        }),
        fix: None,
    })
}

fn part_outcome(kind: ImportKind, part: &Part) -> Outcome {
    fn first<R>(p: &domain::import::Parsed<R>) -> Option<&domain::import::RowError> {
        p.errors.first()
    }
    let error = match part {
        Part::Calendar(Ok(_)) => None,
        Part::Calendar(Err(errors)) => errors.first(),
        Part::Classes(p) => first(p),
        Part::Pupils(p) => first(p),
        Part::Guardians(p) => first(p),
        Part::Staff(p) => first(p),
        Part::Absences(p) => first(p),
    };
    match error {
        None => Outcome::code(format!("{}:ok", kind.as_str())),
        Some(e) => Outcome::new(
            format!(
                "{}:error:{}",
                kind.as_str(),
                e.column.as_deref().unwrap_or("-")
            ),
            e.reason.clone(),
        ),
    }
}

/// The error's code and field; a field that is not one of the known parameters (an unknown
/// parameter's name, which comes from the input) is shown as `?`.
fn field_error(e: &domain::FieldError) -> String {
    let code = serde_json::to_value(e.code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let field = match e.field.as_deref() {
        None => "-",
        Some(f) if HostSearch::PARAMS.contains(&f) || f == "first_line" || f == "format" => f,
        Some(_) => "?",
    };
    format!("{code}:{field}")
}

fn query() -> Target {
    let seeds = [
        "",
        "q=officina+meccanica&region=12&province=058&comune=058091&path=pcto&figure=6.2.3\
         &ateco=25.62&kind=impresa&period=2026-03&min_places=2&page=3&per_page=50",
        "q=caf%C3%A8%20%22bar%22&kind=ente_pubblico&path=apprendistato",
        "q=&region=&page=",
        "q=a&q=b",
        "page=0",
        "per_page=101",
        "first_line=2",
        "format=csv",
        "province=RM",
        "q=%E2%82%AC%00%FF&period=2026-13",
        "figure=3.1.2.1&ateco=01&min_places=10000",
        "q=NOT+OR+AND+NEAR*+%22%22+(a)&page=500",
    ];
    Target {
        name: "query",
        what: "domain::hosts::HostSearch::from_pairs (with its FTS query) and \
               domain::query::QueryParams::parse, on a raw query string",
        seeds: seeds.iter().map(|s| s.as_bytes().to_vec()).collect(),
        dict: tokens(&[
            b"&",
            b"=",
            b"%",
            b"%25",
            b"%C3%A8",
            b"%FF",
            b"+",
            b"%22",
            b"*",
            b"q=",
            b"region=",
            b"province=",
            b"comune=",
            b"path=",
            b"figure=",
            b"ateco=",
            b"kind=",
            b"period=",
            b"min_places=",
            b"page=",
            b"per_page=",
            b"first_line=",
            b"format=",
            b"4294967296",
            b"-0",
        ]),
        max_len: MAX_URL_BYTES,
        usual_len: 2048,
        bound_base: 256 << 10,
        // Linear, and this much: a pair as short as `a=&` (3 bytes) is a `(String, String)` of
        // 48 bytes, held twice here (once per reader) with the vectors' doubling. A query of
        // 4,096 empty pairs took 53 bytes per input byte (found by `cargo xtask test`'s short
        // pass); what the bound is for is growth faster than the input.
        bound_per_byte: 64,
        run: Box::new(|input| {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(input).into_owned().collect();
            let hosts = match HostSearch::from_pairs(pairs.clone()) {
                Ok(s) => {
                    let _ = s.fts_match();
                    let _ = s.offset();
                    "ok".to_owned()
                }
                Err(e) => field_error(&e),
            };
            let params = match QueryParams::parse(pairs, &["q", "first_line", "format", "province"])
            {
                Ok(p) => match p.int_in("first_line", 2, u32::MAX) {
                    Ok(_) => "ok".to_owned(),
                    Err(e) => field_error(&e),
                },
                Err(e) => field_error(&e),
            };
            Outcome::new(format!("hosts:{hosts}"), format!("params:{params}"))
        }),
        fix: None,
    }
}

fn draft() -> Target {
    use domain::hosts::{HostKind, PathKind};
    use domain::profile::{CapacitiesDraft, ContactsDraft, OfferDraft, PeriodDraft, PlaceDraft};
    let offer = |path| OfferDraft {
        path: Some(path),
        max_students: " 4 ".to_owned(),
        periods: vec![PeriodDraft {
            from: "2026-02-02".to_owned(),
            to: "2026-05-29".to_owned(),
        }],
        figures: vec!["6.2.3".to_owned(), "3.1.2.1".to_owned()],
        activity: "Affiancamento ai tecnici nella manutenzione di impianti.".to_owned(),
    };
    let impresa = ProfileDraft {
        kind: Some(HostKind::Impresa),
        name: "  Officine Esempio S.r.l. ".to_owned(),
        partita_iva: "12345678903".to_owned(),
        legal_representative_cf: "BNCLCU01A01F205C".to_owned(),
        ateco: "25.62".to_owned(),
        description: "Officina meccanica di precisione.\n\"Qualità\" \\ tab\t.".to_owned(),
        offers: vec![offer(PathKind::Pcto), offer(PathKind::Apprendistato)],
        places: vec![PlaceDraft {
            address: "Via dell'Esempio 12".to_owned(),
            cap: "00184".to_owned(),
            comune: "058091".to_owned(),
        }],
        contacts: ContactsDraft {
            person_role: "Responsabile formazione".to_owned(),
            email: "formazione@esempio.it".to_owned(),
            phone: "+39 06 1234567".to_owned(),
            pec: String::new(),
            website: "https://www.esempio.it".to_owned(),
        },
        capacities: CapacitiesDraft {
            structural: "Capannone di 2.000 m².".to_owned(),
            ..Default::default()
        },
        ..Default::default()
    };
    let ente = ProfileDraft {
        kind: Some(HostKind::EntePubblico),
        name: "Comune di Esempio".to_owned(),
        ipa_code: "c_z999".to_owned(),
        codice_fiscale: "80012345676".to_owned(),
        partita_iva: String::new(),
        legal_representative_cf: String::new(),
        contacts: ContactsDraft {
            pec: "protocollo@pec.comune.esempio.it".to_owned(),
            ..Default::default()
        },
        ..impresa.clone()
    };
    let saved_at = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_default();
    let seeds = [impresa, ente, ProfileDraft::default()]
        .iter()
        .map(|d| DraftFile::to_json(d, saved_at).into_bytes())
        .collect();
    Target {
        name: "draft",
        what: "domain::profile::DraftFile::from_bytes (the draft file \"Carica bozza\" reads); \
               half of the mutated files get their checksum recomputed, so the draft's reader \
               is reached",
        seeds,
        dict: tokens(&[
            b"{",
            b"}",
            b"[",
            b"]",
            b"\"",
            b"\\u0000",
            b"\\ud800",
            b"\\\"",
            b":",
            b",",
            b"null",
            b"true",
            b"-0.0e+99999",
            b"1e400",
            b"99999999999999999999",
            b"\"path\":\"pcto\"",
            b"\"kind\":\"impresa\"",
            b"\"offers\":[",
            b"\xef\xbb\xbf",
        ]),
        max_len: DraftFile::MAX_BYTES + 1024,
        usual_len: 16 * 1024,
        bound_base: 1 << 20,
        bound_per_byte: 24,
        run: Box::new(|input| match DraftFile::from_bytes(input) {
            Ok(_) => Outcome::code("ok"),
            Err(e) => Outcome::new(e.code(), format!("{e:?}")),
        }),
        fix: Some(Box::new(with_checksum)),
    }
}

/// The file with its checksum made right for its `draft` (`DraftFile::resealed`), so that
/// mutations reach the draft's own checks instead of stopping at `tampered`.
fn with_checksum(bytes: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(bytes).ok()?;
    DraftFile::resealed(text).map(String::into_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{fuzz, Budget, Options};

    /// The allocator's peak counts every thread: the tests that measure run one at a time.
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

    fn serial() -> std::sync::MutexGuard<'static, ()> {
        SERIAL.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Every target runs its seeds and a few hundred mutations without a failure, and its
    /// seeds reach more than one outcome (a target whose every input fails the same way
    /// tests nothing).
    #[test]
    fn every_target_runs() {
        let _serial = serial();
        crate::engine::install_panic_hook();
        for t in all().unwrap() {
            let report = fuzz(
                &t,
                &Options {
                    budget: Budget::Inputs(t.seeds.len() as u64 + 300),
                    seed: 7,
                },
            )
            .unwrap();
            assert!(report.failures.is_empty(), "{}", t.name);
            assert!(
                report.outcomes.len() > 1,
                "{}: {:?}",
                t.name,
                report.outcomes
            );
            assert!(
                report.peak > 0,
                "{}: the counting allocator is not installed",
                t.name
            );
        }
    }

    /// The repaired draft file passes the checksum: the fuzzing reaches the draft's reader.
    #[test]
    fn the_checksum_fix_matches_the_domain() {
        // Serial like the others: the allocation counter is the process's, and this test's
        // frees would lower the peak another test measures.
        let _serial = serial();
        let t = draft();
        for seed in &t.seeds {
            let text = String::from_utf8(seed.clone()).unwrap();
            let edited = text.replacen("Esempio", "Altro", 1);
            let fixed = with_checksum(edited.as_bytes()).unwrap();
            let r = DraftFile::from_bytes(&fixed);
            assert!(r.is_ok(), "{r:?}\n{}", String::from_utf8_lossy(&fixed));
        }
    }

    /// A panic in a target is caught, reported with its message, and its input saved.
    #[test]
    fn a_panic_is_caught_and_saved() {
        let _serial = serial();
        crate::engine::install_panic_hook();
        let t = Target {
            name: "selftest-panic",
            what: "a target that panics on inputs starting with `!`",
            seeds: vec![b"ok".to_vec(), b"!boom".to_vec()],
            dict: Vec::new(),
            max_len: 16,
            usual_len: 16,
            bound_base: 1 << 20,
            bound_per_byte: 0,
            run: Box::new(|i| {
                assert!(i.first() != Some(&b'!'), "planted panic");
                Outcome::code("ok")
            }),
            fix: None,
        };
        let report = fuzz(
            &t,
            &Options {
                budget: Budget::Inputs(2),
                seed: 1,
            },
        )
        .unwrap();
        let [crate::engine::Failure::Panic { file, message }] = report.failures.as_slice() else {
            panic!("expected one panic");
        };
        assert!(message.contains("planted panic"), "{message}");
        assert_eq!(std::fs::read(file).unwrap(), b"!boom");
    }

    /// An input whose allocation goes over the bound is reported.
    #[test]
    fn an_allocation_over_the_bound_is_reported() {
        let _serial = serial();
        let t = Target {
            name: "selftest-alloc",
            what: "a target that allocates 1000 bytes per input byte",
            seeds: vec![vec![0; 10], vec![0; 2000]],
            dict: Vec::new(),
            max_len: 4096,
            usual_len: 4096,
            bound_base: 64 * 1024,
            bound_per_byte: 8,
            run: Box::new(|i| {
                let v = vec![1u8; i.len() * 1000];
                Outcome::code(format!("{}", v.len() > 5000))
            }),
            fix: None,
        };
        let report = fuzz(
            &t,
            &Options {
                budget: Budget::Inputs(2),
                seed: 1,
            },
        )
        .unwrap();
        assert_eq!(report.failures.len(), 1);
        // 2,000,000 bytes were asked for; the counter is the whole process's, and the test
        // harness's own threads free a few bytes meanwhile (1,999,936 was measured).
        assert!(report.peak >= 1_990_000, "{}", report.peak);
    }
}
