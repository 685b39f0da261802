//! The test PKI of the PEC and CAdES checks (`domain::mail`), made with the `openssl` command
//! line (docs/toolchain.md, "E-mail in the worker"): certificate authorities and PEC providers,
//! qualified-style signer certificates (`serialNumber=TINIT-<cf>`), PEC transport envelopes
//! ("buste di trasporto") signed by a provider, and `.p7m` files signed by a person.
//!
//! Everything lives in one directory: `base/` (the authorities and providers, made once and
//! moved into place whole, so two processes ensuring the same directory never mix keys),
//! `signers/` (one directory per person, made the same way) and `tmp/` (scratch files of a run).
//! Certificates have explicit dates: 2020-01-01 to 2120-01-01, so tests do not rot, except the
//! expired provider's (2000-01-01 to 2001-01-01). Nothing here touches the network.
//!
//! The certificates:
//! - `ca`: the self-signed "CA di prova dei gestori PEC" — the only certificate the worker trusts
//!   in tests ([`Pki::providers_pem`]);
//! - `provider`: "Gestore PEC di prova S.p.A.", issued by `ca`, signs envelopes;
//! - `foreign-ca` and `foreign-provider`: another authority and a provider it issued;
//! - `forged-ca`: the *same subject* as `ca` with another key, and `forged-provider` (the same
//!   subject as `provider`) issued by it — a verifier comparing names only would accept it;
//! - `expired-provider`: issued by the real `ca`, expired in 2001;
//! - `qualified-ca`: "CA qualificata di prova", issues the signers' certificates.

use crate::Result;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// `openssl` arguments from strings and paths.
macro_rules! args {
    ($($a:expr),* $(,)?) => {
        [$(std::ffi::OsStr::new($a)),*]
    };
}

/// What to install when the command line is missing.
pub const OPENSSL_MISSING: &str = "the PEC and signature test tools need the openssl command \
     line: run `sudo apt-get install -y openssl` and try again";

/// The provider's address, the envelope's sender on behalf of the user.
pub const PROVIDER_ADDRESS: &str = "posta-certificata@pec.gestore-prova.example";
/// The provider's name in `daticert.xml` (`<gestore-emittente>`).
pub const PROVIDER_NAME: &str = "Gestore PEC di prova S.p.A.";

const CA_SUBJECT: &str = "/C=IT/O=Ponte (prova)/CN=CA di prova dei gestori PEC";
const PROVIDER_SUBJECT: &str = "/C=IT/O=Gestore PEC di prova S.p.A./CN=Gestore PEC di prova S.p.A.";
const FOREIGN_CA_SUBJECT: &str = "/C=IT/O=Altra organizzazione (prova)/CN=CA estranea di prova";
const FOREIGN_PROVIDER_SUBJECT: &str =
    "/C=IT/O=Gestore PEC estraneo S.r.l./CN=Gestore PEC estraneo S.r.l.";
const EXPIRED_PROVIDER_SUBJECT: &str =
    "/C=IT/O=Gestore PEC di prova S.p.A./CN=Gestore PEC di prova S.p.A. (certificato scaduto)";
const QUALIFIED_CA_SUBJECT: &str = "/C=IT/O=Ponte (prova)/CN=CA qualificata di prova";
const UNLISTED_CA_SUBJECT: &str =
    "/C=IT/O=Altra organizzazione (prova)/CN=CA di firma non qualificata";
const TSL_SIGNER_SUBJECT: &str =
    "/C=IT/O=AgID (prova)/CN=Firmatario dell'elenco di fiducia di prova";

/// The directories of the set: bumped when the set changes, so an older PKI left in
/// `target/` is ignored rather than reported incomplete.
const BASE: &str = "base-v2";
const SIGNERS: &str = "signers-v2";
/// The qualified CA's CRL, in `base-v2/` and at `/qualified-ca.crl` of the CRL server.
pub const CRL_FILE: &str = "qualified-ca.crl";
/// The fiscal code and name of the revoked signer.
pub const REVOKED_CF: &str = "RVCFRM80A01H501V";
pub const REVOKED_NAME: &str = "Firmatario Revocato";

/// `http://127.0.0.1:<port>/<file>`: the CRL distribution point of the test certificates.
pub fn crl_url(port: u16, file: &str) -> String {
    format!("http://127.0.0.1:{port}/{file}")
}

/// The QC statements of a qualified signature certificate (ETSI EN 319 412-5), DER: QcCompliance
/// (0.4.0.1862.1.1), QcSSCD (0.4.0.1862.1.4) and QcType esign (0.4.0.1862.1.6 with
/// 0.4.0.1862.1.6.1).
const QC_STATEMENTS_DER: &str = "3029\
     3008060604008e460101\
     3008060604008e460104\
     3013060604008e4601063009060704008e46010601";

/// The kinds of signer certificate the PKI makes, for the qualified-signature checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignerKind {
    /// Issued by the qualified CA (on the test trusted list): non-repudiation, QC statements,
    /// the CRL distribution point of the test CRL server. Publishes.
    Qualified,
    /// Issued by a CA that is on no trusted list, otherwise like a qualified one.
    Unlisted,
    /// Self-signed, with everything a qualified certificate has.
    SelfSigned,
    /// Issued by the qualified CA without QC statements.
    NoQcStatements,
    /// Issued by the qualified CA for digital signature only (no non-repudiation).
    NoNonRepudiation,
    /// Issued by the qualified CA with a CRL distribution point the server does not serve.
    CrlUnreachable,
}

impl SignerKind {
    /// `qualified`, `unlisted`, `self-signed`, `no-qc`, `no-nonrep`, `crl-unreachable`.
    pub fn as_str(self) -> &'static str {
        match self {
            SignerKind::Qualified => "qualified",
            SignerKind::Unlisted => "unlisted",
            SignerKind::SelfSigned => "self-signed",
            SignerKind::NoQcStatements => "no-qc",
            SignerKind::NoNonRepudiation => "no-nonrep",
            SignerKind::CrlUnreachable => "crl-unreachable",
        }
    }

    pub fn parse(s: &str) -> Option<SignerKind> {
        [
            SignerKind::Qualified,
            SignerKind::Unlisted,
            SignerKind::SelfSigned,
            SignerKind::NoQcStatements,
            SignerKind::NoNonRepudiation,
            SignerKind::CrlUnreachable,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    /// The openssl extension section of this kind's certificate.
    fn extensions(self, crl_port: u16) -> String {
        let usage = match self {
            SignerKind::NoNonRepudiation => "digitalSignature",
            _ => "nonRepudiation",
        };
        let crl = match self {
            SignerKind::CrlUnreachable => crl_url(crl_port, "non-pubblicata.crl"),
            SignerKind::Unlisted => crl_url(crl_port, "unlisted-ca.crl"),
            _ => crl_url(crl_port, CRL_FILE),
        };
        let mut ext = format!(
            "basicConstraints = critical,CA:FALSE\n\
             keyUsage = critical,{usage}\n\
             subjectKeyIdentifier = hash\n\
             crlDistributionPoints = URI:{crl}\n"
        );
        if self != SignerKind::SelfSigned {
            ext.push_str("authorityKeyIdentifier = keyid\n");
        }
        if self != SignerKind::NoQcStatements {
            ext.push_str(&format!("1.3.6.1.5.5.7.1.3 = DER:{QC_STATEMENTS_DER}\n"));
        }
        ext
    }
}

/// 2020-01-01 to 2120-01-01: valid for a century.
const LONG: (&str, &str) = ("20200101000000Z", "21200101000000Z");
/// 2000-01-01 to 2001-01-01: long expired.
const EXPIRED: (&str, &str) = ("20000101000000Z", "20010101000000Z");

const CA_EXT: &str = "basicConstraints = critical,CA:TRUE\n\
     keyUsage = critical,keyCertSign,cRLSign\n\
     subjectKeyIdentifier = hash\n";
const PROVIDER_EXT: &str = "basicConstraints = critical,CA:FALSE\n\
     keyUsage = critical,digitalSignature,nonRepudiation\n\
     extendedKeyUsage = emailProtection\n\
     subjectAltName = email:posta-certificata@pec.gestore-prova.example\n\
     subjectKeyIdentifier = hash\n\
     authorityKeyIdentifier = keyid\n";
/// The trusted list's signer (ETSI TS 119 612 §5.7.1: extended key usage id-tsl-kp-tslSigning).
const TSL_SIGNER_EXT: &str = "basicConstraints = critical,CA:FALSE\n\
     keyUsage = critical,digitalSignature,nonRepudiation\n\
     extendedKeyUsage = 0.4.0.2231.3.0\n\
     subjectKeyIdentifier = hash\n";

/// A certificate and its private key, both PEM files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cert {
    pub cert: PathBuf,
    pub key: PathBuf,
}

impl Cert {
    fn in_dir(dir: &Path, name: &str) -> Cert {
        Cert {
            cert: dir.join(format!("{name}.pem")),
            key: dir.join(format!("{name}.key")),
        }
    }

    fn exists(&self) -> bool {
        self.cert.is_file() && self.key.is_file()
    }
}

/// The test PKI in `dir` (see the module documentation).
#[derive(Debug, Clone)]
pub struct Pki {
    pub dir: PathBuf,
    pub ca: Cert,
    pub provider: Cert,
    pub foreign_ca: Cert,
    pub foreign_provider: Cert,
    pub forged_ca: Cert,
    pub forged_provider: Cert,
    pub expired_provider: Cert,
    pub qualified_ca: Cert,
    /// A CA that issues signer certificates and is on no trusted list.
    pub unlisted_ca: Cert,
    /// The test "AgID": signs the test trusted list ([`crate::tsl`]).
    pub tsl_signer: Cert,
    /// A qualified signer whose certificate the qualified CA's CRL lists as revoked
    /// (fiscal code [`REVOKED_CF`]).
    pub revoked_signer: Cert,
    /// The qualified CA's CRL (DER), served by [`crate::crl::CrlServer`] from
    /// [`Pki::crl_dir`].
    pub crl: PathBuf,
    /// The port of 127.0.0.1 the certificates' CRL distribution points name.
    pub crl_port: u16,
}

/// A person's signing certificate and key, issued by the qualified test CA.
#[derive(Debug, Clone)]
pub struct Signer {
    /// `None` for a certificate made without `serialNumber` (the negative test).
    pub cf: Option<String>,
    pub name: String,
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// Who signs a PEC envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// The test provider, issued by the trusted test CA.
    Trusted,
    /// A provider issued by another CA.
    Foreign,
    /// A provider issued by a CA with the trusted CA's name and another key.
    Forged,
    /// The test provider's expired certificate (issued by the trusted CA).
    Expired,
}

impl Provider {
    /// `trusted`, `foreign`, `forged`, `expired` (the command line's `--provider`).
    pub fn parse(s: &str) -> Option<Provider> {
        match s {
            "trusted" => Some(Provider::Trusted),
            "foreign" => Some(Provider::Foreign),
            "forged" => Some(Provider::Forged),
            "expired" => Some(Provider::Expired),
            _ => None,
        }
    }
}

impl Pki {
    fn layout(dir: &Path) -> Pki {
        let base = dir.join(BASE);
        Pki {
            dir: dir.to_path_buf(),
            ca: Cert::in_dir(&base, "ca"),
            provider: Cert::in_dir(&base, "provider"),
            foreign_ca: Cert::in_dir(&base, "foreign-ca"),
            foreign_provider: Cert::in_dir(&base, "foreign-provider"),
            forged_ca: Cert::in_dir(&base, "forged-ca"),
            forged_provider: Cert::in_dir(&base, "forged-provider"),
            expired_provider: Cert::in_dir(&base, "expired-provider"),
            qualified_ca: Cert::in_dir(&base, "qualified-ca"),
            unlisted_ca: Cert::in_dir(&base, "unlisted-ca"),
            tsl_signer: Cert::in_dir(&base, "tsl-signer"),
            revoked_signer: Cert::in_dir(&base, "revoked-signer"),
            crl: base.join(CRL_FILE),
            crl_port: std::fs::read_to_string(base.join("crl-port"))
                .ok()
                .and_then(|p| p.trim().parse().ok())
                .unwrap_or(0),
        }
    }

    /// Every certificate of the base set, with its name.
    pub fn all(&self) -> [(&'static str, &Cert); 11] {
        [
            ("ca", &self.ca),
            ("provider", &self.provider),
            ("foreign-ca", &self.foreign_ca),
            ("foreign-provider", &self.foreign_provider),
            ("forged-ca", &self.forged_ca),
            ("forged-provider", &self.forged_provider),
            ("expired-provider", &self.expired_provider),
            ("qualified-ca", &self.qualified_ca),
            ("unlisted-ca", &self.unlisted_ca),
            ("tsl-signer", &self.tsl_signer),
            ("revoked-signer", &self.revoked_signer),
        ]
    }

    fn complete(&self) -> bool {
        self.all().iter().all(|(_, c)| c.exists()) && self.crl.is_file() && self.crl_port != 0
    }

    /// The directory the CRL server serves.
    pub fn crl_dir(&self) -> PathBuf {
        self.dir.join(BASE)
    }

    /// The URL of the qualified CA's CRL, as its signers' certificates name it.
    pub fn crl_url(&self) -> String {
        crl_url(self.crl_port, CRL_FILE)
    }

    /// The revoked signer as a [`Signer`].
    pub fn revoked(&self) -> Signer {
        Signer {
            cf: Some(REVOKED_CF.to_owned()),
            name: REVOKED_NAME.to_owned(),
            cert: self.revoked_signer.cert.clone(),
            key: self.revoked_signer.key.clone(),
        }
    }

    /// Creates the PKI in `dir` if it is not there yet (a few seconds: eight RSA 2048 keys);
    /// returns at once when it is.
    pub fn ensure(dir: &Path) -> Result<Pki> {
        let pki = Pki::layout(dir);
        if pki.complete() {
            return Ok(pki);
        }
        check_openssl()?;
        let base = dir.join(BASE);
        if base.exists() && std::fs::read_dir(&base).is_ok_and(|mut d| d.next().is_some()) {
            return Err(format!(
                "{} is incomplete (a file was removed?): delete {} and try again",
                base.display(),
                dir.display()
            ));
        }
        let work = scratch_dir(dir)?;
        let built = Pki::layout(&work.join("build"));
        let result = build_base(&built, &work);
        let result = result.and_then(|()| {
            // Moved into place whole: if another process got there first, its set stays.
            match std::fs::rename(work.join("build").join(BASE), &base) {
                Ok(()) => Ok(()),
                Err(_) if Pki::layout(dir).complete() => Ok(()),
                Err(e) => Err(format!("cannot move the PKI to {}: {e}", base.display())),
            }
        });
        let _ = std::fs::remove_dir_all(&work);
        // Read again: the CRL port is a file of the set.
        result.map(|()| Pki::layout(dir))
    }

    /// The PEM bundle the worker trusts: the test CA certificate only.
    pub fn providers_pem(&self) -> Result<String> {
        read_text(&self.ca.cert)
    }

    /// The certificate of `provider`.
    pub fn provider_cert(&self, provider: Provider) -> &Cert {
        match provider {
            Provider::Trusted => &self.provider,
            Provider::Foreign => &self.foreign_provider,
            Provider::Forged => &self.forged_provider,
            Provider::Expired => &self.expired_provider,
        }
    }

    /// A signer certificate and key for a person: subject `CN=<name>`,
    /// `serialNumber=TINIT-<cf>`, issued by the qualified test CA. Made once per fiscal code and
    /// name, then read from `signers/`.
    pub fn signer(&self, cf: &str, name: &str) -> Result<Signer> {
        self.signer_as(SignerKind::Qualified, cf, name)
    }

    /// A signer certificate of `kind` for a person (see [`SignerKind`]); [`Pki::signer`] is
    /// the qualified one. Made once per kind, fiscal code and name.
    pub fn signer_as(&self, kind: SignerKind, cf: &str, name: &str) -> Result<Signer> {
        let cf = cf.trim().to_ascii_uppercase();
        if cf.is_empty() || cf.len() > 32 || !cf.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(format!(
                "the fiscal code «{cf}» must be letters and digits only"
            ));
        }
        let subject = format!("/C=IT/CN={}/serialNumber=TINIT-{cf}", subject_value(name)?);
        let tag = match kind {
            SignerKind::Qualified => cf.clone(),
            other => format!("{}-{cf}", other.as_str()),
        };
        self.make_signer(kind, Some(cf.clone()), name, &subject, &tag)
    }

    /// A signer certificate with no `serialNumber` in its subject (no fiscal code): the
    /// negative test of the CAdES check.
    pub fn signer_without_cf(&self, name: &str) -> Result<Signer> {
        let subject = format!("/C=IT/CN={}", subject_value(name)?);
        self.make_signer(SignerKind::Qualified, None, name, &subject, "senza-cf")
    }

    fn make_signer(
        &self,
        kind: SignerKind,
        cf: Option<String>,
        name: &str,
        subject: &str,
        tag: &str,
    ) -> Result<Signer> {
        let dir = self.dir.join(SIGNERS).join(format!(
            "{tag}-{:016x}",
            crate::build::fnv64(name.as_bytes())
        ));
        let signer = |dir: &Path| Signer {
            cf: cf.clone(),
            name: name.to_owned(),
            cert: dir.join("cert.pem"),
            key: dir.join("key.pem"),
        };
        let done = signer(&dir);
        if done.cert.is_file() && done.key.is_file() {
            return Ok(done);
        }
        check_openssl()?;
        let work = scratch_dir(&self.dir)?;
        let out = work.join("signer");
        let result = std::fs::create_dir_all(&out)
            .map_err(|e| format!("cannot create {}: {e}", out.display()))
            .and_then(|()| {
                let s = signer(&out);
                let issuer = match kind {
                    SignerKind::Unlisted => Some(&self.unlisted_ca),
                    SignerKind::SelfSigned => None,
                    _ => Some(&self.qualified_ca),
                };
                issue(
                    &work,
                    subject,
                    issuer,
                    &Cert {
                        cert: s.cert,
                        key: s.key,
                    },
                    &kind.extensions(self.crl_port),
                    LONG,
                )
            })
            .and_then(|()| {
                if let Some(parent) = dir.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
                }
                match std::fs::rename(&out, &dir) {
                    Ok(()) => Ok(()),
                    Err(_) if done.cert.is_file() && done.key.is_file() => Ok(()),
                    Err(e) => Err(format!("cannot move the signer to {}: {e}", dir.display())),
                }
            });
        let _ = std::fs::remove_dir_all(&work);
        result.map(|()| done)
    }
}

/// Makes every certificate of the base set into `pki` (a fresh layout under `work`).
fn build_base(pki: &Pki, work: &Path) -> Result {
    let base = pki.dir.join(BASE);
    std::fs::create_dir_all(&base).map_err(|e| format!("cannot create {}: {e}", base.display()))?;
    issue(work, CA_SUBJECT, None, &pki.ca, CA_EXT, LONG)?;
    issue(
        work,
        PROVIDER_SUBJECT,
        Some(&pki.ca),
        &pki.provider,
        PROVIDER_EXT,
        LONG,
    )?;
    issue(
        work,
        FOREIGN_CA_SUBJECT,
        None,
        &pki.foreign_ca,
        CA_EXT,
        LONG,
    )?;
    issue(
        work,
        FOREIGN_PROVIDER_SUBJECT,
        Some(&pki.foreign_ca),
        &pki.foreign_provider,
        PROVIDER_EXT,
        LONG,
    )?;
    issue(work, CA_SUBJECT, None, &pki.forged_ca, CA_EXT, LONG)?;
    issue(
        work,
        PROVIDER_SUBJECT,
        Some(&pki.forged_ca),
        &pki.forged_provider,
        PROVIDER_EXT,
        LONG,
    )?;
    issue(
        work,
        EXPIRED_PROVIDER_SUBJECT,
        Some(&pki.ca),
        &pki.expired_provider,
        PROVIDER_EXT,
        EXPIRED,
    )?;
    issue(
        work,
        QUALIFIED_CA_SUBJECT,
        None,
        &pki.qualified_ca,
        CA_EXT,
        LONG,
    )?;
    issue(
        work,
        UNLISTED_CA_SUBJECT,
        None,
        &pki.unlisted_ca,
        CA_EXT,
        LONG,
    )?;
    issue(
        work,
        TSL_SIGNER_SUBJECT,
        None,
        &pki.tsl_signer,
        TSL_SIGNER_EXT,
        LONG,
    )?;
    let port = pick_crl_port()?;
    write(&base.join("crl-port"), format!("{port}\n").as_bytes())?;
    issue(
        work,
        &format!("/C=IT/CN={REVOKED_NAME}/serialNumber=TINIT-{REVOKED_CF}"),
        Some(&pki.qualified_ca),
        &pki.revoked_signer,
        &SignerKind::Qualified.extensions(port),
        LONG,
    )?;
    make_crl(work, &pki.qualified_ca, &[&pki.revoked_signer], &pki.crl)
}

/// A port of 127.0.0.1 for the CRL server, free now, below the kernel's ephemeral range (so no
/// client socket takes it) and different for each PKI: 20000–29999, from the clock.
fn pick_crl_port() -> Result<u16> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    for i in 0..200u32 {
        let port = 20_000 + ((nanos / 1000 + i * 7919 + std::process::id()) % 10_000) as u16;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return Ok(port);
        }
    }
    Err("no free port for the test CRL server in 20000-29999".into())
}

/// The qualified CA's CRL (DER) listing `revoked`, revoked on 1 January 2025; issued
/// 2020-01-01, next update 2120-01-01 (like the certificates, so tests do not rot).
/// `openssl ca -gencrl` over an index written here.
fn make_crl(work: &Path, ca: &Cert, revoked: &[&Cert], out: &Path) -> Result {
    let dir = unique_dir(work, "crl")?;
    let mut index = String::new();
    for cert in revoked {
        let serial = String::from_utf8_lossy(&openssl(&args!(
            "x509", "-noout", "-serial", "-in", &cert.cert
        ))?)
        .trim()
        .trim_start_matches("serial=")
        .to_owned();
        index.push_str(&format!(
            "R\t21200101000000Z\t250101000000Z\t{serial}\tunknown\t/CN=revoked\n"
        ));
    }
    write(&dir.join("index.txt"), index.as_bytes())?;
    write(&dir.join("crlnumber"), b"01\n")?;
    let cnf = dir.join("ca.cnf");
    write(
        &cnf,
        format!(
            "[ca]\ndefault_ca = test\n[test]\ndatabase = {db}\ncrlnumber = {num}\n\
             default_md = sha256\n",
            db = dir.join("index.txt").display(),
            num = dir.join("crlnumber").display(),
        )
        .as_bytes(),
    )?;
    let pem = dir.join("crl.pem");
    openssl(&args!(
        "ca",
        "-gencrl",
        "-batch",
        "-config",
        &cnf,
        "-cert",
        &ca.cert,
        "-keyfile",
        &ca.key,
        "-crl_lastupdate",
        "20200101000000Z",
        "-crl_nextupdate",
        "21200101000000Z",
        "-out",
        &pem
    ))?;
    openssl(&args!("crl", "-in", &pem, "-outform", "DER", "-out", out))?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Is the openssl command line there?
pub fn openssl_available() -> bool {
    Command::new("openssl")
        .arg("version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn check_openssl() -> Result {
    if openssl_available() {
        Ok(())
    } else {
        Err(OPENSSL_MISSING.to_owned())
    }
}

/// Runs `openssl` with `args`; its standard output, or an error with its standard error.
fn openssl(args: &[&std::ffi::OsStr]) -> Result<Vec<u8>> {
    let mut cmd = Command::new("openssl");
    cmd.args(args);
    let out = cmd.output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            OPENSSL_MISSING.to_owned()
        } else {
            format!("cannot start `{}`: {e}", crate::run::describe(&cmd))
        }
    })?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!(
            "`{}` failed ({}): {}",
            crate::run::describe(&cmd),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// A value for `openssl -subj`: `/`, `+` and `\` escaped; no control characters.
fn subject_value(value: &str) -> Result<String> {
    let value = value.trim();
    if value.is_empty() || value.chars().any(char::is_control) {
        return Err(format!(
            "«{value}» cannot be a certificate name (empty or with control characters)"
        ));
    }
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '/' | '+' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    Ok(out)
}

/// A new RSA 2048 key in `out.key` and a certificate for `subject` in `out.cert`, issued by
/// `issuer` (self-signed when `None`) with the extensions `ext` (an openssl config section's
/// body) and the dates `(not_before, not_after)`. `openssl ca` because it is the one command
/// of OpenSSL 3.0 that takes explicit dates (the expired certificate needs them).
fn issue(
    work: &Path,
    subject: &str,
    issuer: Option<&Cert>,
    out: &Cert,
    ext: &str,
    (start, end): (&str, &str),
) -> Result {
    let ca_dir = unique_dir(work, "ca")?;
    let csr = ca_dir.join("request.csr");
    let cnf = ca_dir.join("ca.cnf");
    write(&ca_dir.join("index.txt"), b"")?;
    write(&ca_dir.join("serial.txt"), b"01\n")?;
    write(
        &cnf,
        format!(
            "[ca]\ndefault_ca = test\n\
             [test]\ndatabase = {db}\nserial = {serial}\nnew_certs_dir = {dir}\npolicy = any\n\
             default_md = sha256\nunique_subject = no\ncopy_extensions = none\n\
             [any]\ncommonName = optional\n\
             [ext]\n{ext}",
            db = ca_dir.join("index.txt").display(),
            serial = ca_dir.join("serial.txt").display(),
            dir = ca_dir.display(),
        )
        .as_bytes(),
    )?;
    openssl(&args!(
        "genpkey",
        "-algorithm",
        "RSA",
        "-pkeyopt",
        "rsa_keygen_bits:2048",
        "-quiet",
        "-out",
        &out.key
    ))?;
    openssl(&args!(
        "req", "-new", "-utf8", "-key", &out.key, "-subj", subject, "-out", &csr
    ))?;
    let mut a = args!(
        "ca",
        "-batch",
        "-config",
        &cnf,
        "-in",
        &csr,
        "-out",
        &out.cert,
        "-startdate",
        start,
        "-enddate",
        end,
        "-preserveDN",
        "-rand_serial",
        "-notext",
        "-utf8",
        "-extensions",
        "ext",
        "-outdir",
        &ca_dir,
    )
    .to_vec();
    match issuer {
        Some(ca) => a.extend(args!("-cert", &ca.cert, "-keyfile", &ca.key)),
        None => a.extend(args!("-selfsign", "-keyfile", &out.key)),
    }
    openssl(&a)?;
    let _ = std::fs::remove_dir_all(&ca_dir);
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// A new empty directory under `parent` with a name no other run uses.
fn unique_dir(parent: &Path, prefix: &str) -> Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = parent.join(format!("{prefix}-{}-{nanos}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

/// A scratch directory under `<pki>/tmp`, removed by the caller.
fn scratch_dir(pki_dir: &Path) -> Result<PathBuf> {
    unique_dir(&pki_dir.join("tmp"), "run")
}

// ---------------------------------------------------------------------------------------------
// PEC envelopes

/// What goes into a PEC transport envelope. [`Envelope::new`] fills in the rest.
#[derive(Debug, Clone)]
pub struct Envelope {
    /// The PEC address of the person or body that sent the message.
    pub sender: String,
    pub to: String,
    /// The original subject (the envelope's is `POSTA CERTIFICATA: ` and this).
    pub subject: String,
    /// The original message's text.
    pub body: String,
    /// The original message's `From` when it must differ from `sender` (a negative test).
    pub inner_from: Option<String>,
    /// The original message's `Subject` when it must differ from `subject` (a negative test).
    pub inner_subject: Option<String>,
    /// When the provider took the message in (Unix seconds).
    pub time: i64,
    /// openssl's name of the digest the provider signs with (`sha256`).
    pub digest: String,
}

impl Envelope {
    pub fn new(sender: &str, to: &str, subject: &str, time: i64) -> Envelope {
        Envelope {
            sender: sender.trim().to_owned(),
            to: to.trim().to_owned(),
            subject: subject.to_owned(),
            body: "Buongiorno,\r\ncon questo messaggio si conferma la dichiarazione indicata \
                   nell'oggetto.\r\n\r\nCordiali saluti\r\n"
                .to_owned(),
            inner_from: None,
            inner_subject: None,
            time,
            digest: "sha256".to_owned(),
        }
    }
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// A complete raw PEC transport envelope from `sender` to `to`, signed by `provider` (see
/// [`envelope`]), dated now.
pub fn pec_envelope(
    pki: &Pki,
    provider: Provider,
    sender: &str,
    to: &str,
    subject: &str,
) -> Result<Vec<u8>> {
    envelope(
        Some((pki, provider)),
        &Envelope::new(sender, to, subject, now()),
    )
}

/// The same envelope without a signature: a plain multipart/mixed that still says
/// `X-Trasporto: posta-certificata`.
pub fn pec_envelope_unsigned(sender: &str, to: &str, subject: &str) -> Result<Vec<u8>> {
    envelope(None, &Envelope::new(sender, to, subject, now()))
}

/// The envelope a PEC provider delivers (DPR 68/2005 and DM 2/11/2005, technical rules: the
/// "busta di trasporto"), CRLF line ends throughout: the provider's headers (`From: "Per conto
/// di: <sender>" <provider>`, `X-Trasporto: posta-certificata`, `X-Riferimento-Message-ID`), then
/// a multipart/signed whose signed part is a multipart/mixed of a text for people,
/// `daticert.xml` and the original message as `postacert.eml`, and whose second part is
/// `smime.p7s`, a detached CMS signature (`openssl cms -sign -binary`) by the provider's
/// certificate. Unsigned (`signing` is `None`): the multipart/mixed is the message's body.
pub fn envelope(signing: Option<(&Pki, Provider)>, e: &Envelope) -> Result<Vec<u8>> {
    for (what, v) in [
        ("sender", &e.sender),
        ("recipient", &e.to),
        ("subject", &e.subject),
    ] {
        if v.contains(['\r', '\n']) {
            return Err(format!("the {what} cannot hold a line break"));
        }
    }
    if !e.sender.contains('@') || !e.to.contains('@') {
        return Err("the sender and the recipient must be e-mail addresses".into());
    }
    let id = crate::build::fnv64(
        format!("{}\n{}\n{}\n{}", e.sender, e.to, e.subject, e.time).as_bytes(),
    );
    let domain_of = |a: &str| a.rsplit('@').next().unwrap_or("example").to_owned();
    let original_id = format!("<{id:016x}.originale@{}>", domain_of(&e.sender));
    let envelope_id = format!("opec-prova.{}.{id:016x}@pec.gestore-prova.example", e.time);
    let date = rfc5322_date(e.time)?;
    let (giorno, ora, zona) = italian_date(e.time)?;

    // The original message, as the sender's client wrote it.
    let inner_from = e.inner_from.as_deref().unwrap_or(&e.sender);
    let original = format!(
        "Message-ID: {original_id}\r\n\
         Date: {date}\r\n\
         From: {inner_from}\r\n\
         To: {to}\r\n\
         Subject: {subject}\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=UTF-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\
         \r\n\
         {body}",
        to = e.to,
        subject = encode_header(e.inner_subject.as_deref().unwrap_or(&e.subject)),
        body = e.body,
    );

    let daticert = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE postacert SYSTEM \"postacert.dtd\">\n\
         <postacert tipo=\"posta-certificata\" errore=\"nessuno\">\n\
         \x20 <intestazione>\n\
         \x20   <mittente>{mittente}</mittente>\n\
         \x20   <destinatari tipo=\"certificato\">{to}</destinatari>\n\
         \x20   <risposte>{mittente}</risposte>\n\
         \x20   <oggetto>{oggetto}</oggetto>\n\
         \x20 </intestazione>\n\
         \x20 <dati>\n\
         \x20   <gestore-emittente>{gestore}</gestore-emittente>\n\
         \x20   <data zona=\"{zona}\">\n\
         \x20     <giorno>{giorno}</giorno>\n\
         \x20     <ora>{ora}</ora>\n\
         \x20   </data>\n\
         \x20   <identificativo>{identificativo}</identificativo>\n\
         \x20   <msgid>{msgid}</msgid>\n\
         \x20 </dati>\n\
         </postacert>\n",
        mittente = xml_escape(&e.sender),
        to = xml_escape(&e.to),
        oggetto = xml_escape(&e.subject),
        gestore = xml_escape(PROVIDER_NAME),
        identificativo = xml_escape(&envelope_id),
        msgid = xml_escape(&original_id),
    );

    let text = format!(
        "Messaggio di posta certificata\r\n\r\n\
         Il giorno {giorno} alle ore {ora} ({zona}) il messaggio\r\n\
         \"{subject}\" è stato inviato da \"{sender}\"\r\n\
         indirizzato a:\r\n{to}\r\n\
         Il messaggio originale è incluso in allegato.\r\n\
         Identificativo messaggio: {envelope_id}\r\n",
        subject = e.subject,
        sender = e.sender,
        to = e.to,
    );

    let mixed_boundary = format!("----=_Part_busta_{id:016x}");
    let mut mixed_body = String::new();
    mixed_body.push_str("This is a multi-part message in MIME format.\r\n");
    let _ = write!(
        mixed_body,
        "--{mixed_boundary}\r\n\
         Content-Type: text/plain; charset=UTF-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\
         \r\n\
         {text}\r\n\
         --{mixed_boundary}\r\n\
         Content-Type: application/xml; name=\"daticert.xml\"\r\n\
         Content-Transfer-Encoding: base64\r\n\
         Content-Disposition: inline; filename=\"daticert.xml\"\r\n\
         \r\n\
         {daticert}\r\n\
         --{mixed_boundary}\r\n\
         Content-Type: message/rfc822; name=\"postacert.eml\"\r\n\
         Content-Disposition: inline; filename=\"postacert.eml\"\r\n\
         \r\n\
         {original}\r\n\
         --{mixed_boundary}--\r\n",
        daticert = base64_lines(daticert.as_bytes()),
    );
    let mixed_type = format!("multipart/mixed; boundary=\"{mixed_boundary}\"");

    let headers = format!(
        "Return-Path: <{PROVIDER_ADDRESS}>\r\n\
         Message-ID: <{envelope_id}>\r\n\
         Date: {date}\r\n\
         From: \"Per conto di: {sender}\" <{PROVIDER_ADDRESS}>\r\n\
         Reply-To: {sender}\r\n\
         To: {to}\r\n\
         Subject: {subject}\r\n\
         X-Riferimento-Message-ID: {original_id}\r\n\
         X-Trasporto: posta-certificata\r\n\
         MIME-Version: 1.0\r\n",
        sender = e.sender,
        to = e.to,
        subject = encode_header(&format!("POSTA CERTIFICATA: {}", e.subject)),
    );

    let Some((pki, provider)) = signing else {
        let mut out = headers.into_bytes();
        out.extend_from_slice(format!("Content-Type: {mixed_type}\r\n\r\n").as_bytes());
        out.extend_from_slice(mixed_body.as_bytes());
        return Ok(out);
    };

    // The signed part: its own header and the multipart/mixed body, exactly these bytes.
    let signed_part = format!("Content-Type: {mixed_type}\r\n\r\n{mixed_body}");
    let cert = pki.provider_cert(provider);
    let signature = sign_detached(pki, cert, signed_part.as_bytes(), &e.digest)?;
    let signed_boundary = format!("----=_Part_firma_{id:016x}");
    let micalg = match e.digest.as_str() {
        "sha1" => "sha-1".to_owned(),
        d => d.replacen("sha", "sha-", 1),
    };
    let mut out = headers.into_bytes();
    out.extend_from_slice(
        format!(
            "Content-Type: multipart/signed; protocol=\"application/x-pkcs7-signature\"; \
             micalg=\"{micalg}\";\r\n\tboundary=\"{signed_boundary}\"\r\n\
             \r\n\
             This is an S/MIME signed message\r\n\
             \r\n\
             --{signed_boundary}\r\n"
        )
        .as_bytes(),
    );
    out.extend_from_slice(signed_part.as_bytes());
    out.extend_from_slice(
        format!(
            "\r\n--{signed_boundary}\r\n\
             Content-Type: application/x-pkcs7-signature; name=\"smime.p7s\"\r\n\
             Content-Transfer-Encoding: base64\r\n\
             Content-Disposition: attachment; filename=\"smime.p7s\"\r\n\
             \r\n\
             {sig}\r\n\
             --{signed_boundary}--\r\n",
            sig = base64_lines(&signature),
        )
        .as_bytes(),
    );
    Ok(out)
}

/// A detached CMS signature (DER) of `content` by `cert`, with `digest`.
fn sign_detached(pki: &Pki, cert: &Cert, content: &[u8], digest: &str) -> Result<Vec<u8>> {
    let work = scratch_dir(&pki.dir)?;
    let input = work.join("part.eml");
    let output = work.join("smime.p7s");
    let result = write(&input, content).and_then(|()| {
        openssl(&args!(
            "cms", "-sign", "-binary", "-md", digest, "-in", &input, "-signer", &cert.cert,
            "-inkey", &cert.key, "-outform", "DER", "-out", &output
        ))?;
        read(&output)
    });
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// How a `.p7m` is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum P7mForm {
    /// DER with definite lengths (`-outform DER`).
    Der,
    /// BER with indefinite lengths and the content in chunks (`-stream -outform DER`), as some
    /// signing tools write it.
    Ber,
    /// PEM armour (`-----BEGIN CMS-----`, base64).
    Pem,
    /// DER, the signature alone without the content (a detached signature, not a `.p7m`).
    Detached,
}

/// `openssl cms -sign -nodetach -binary -cades -outform DER` of `content` by `signer`: a
/// CAdES-BES `.p7m` (`-cades` adds the signing-certificate-v2 attribute).
pub fn sign_p7m(pki: &Pki, signer: &Signer, content: &[u8]) -> Result<Vec<u8>> {
    sign_p7m_as(pki, signer, content, P7mForm::Der)
}

/// [`sign_p7m`] written in `form`.
pub fn sign_p7m_as(pki: &Pki, signer: &Signer, content: &[u8], form: P7mForm) -> Result<Vec<u8>> {
    sign_p7m_by(pki, &[signer], content, form)
}

/// `content` signed by every one of `signers` side by side (parallel signatures, one
/// SignerInfo each, as when several people sign the same document), written in `form`.
pub fn sign_p7m_by(
    pki: &Pki,
    signers: &[&Signer],
    content: &[u8],
    form: P7mForm,
) -> Result<Vec<u8>> {
    check_openssl()?;
    if signers.is_empty() {
        return Err("a .p7m needs at least one signer".into());
    }
    let work = scratch_dir(&pki.dir)?;
    let input = work.join("content");
    let output = work.join("signed.p7m");
    let result = write(&input, content).and_then(|()| {
        let mut a = args!(
            "cms", "-sign", "-binary", "-cades", "-md", "sha256", "-in", &input, "-out", &output
        )
        .to_vec();
        for s in signers {
            a.extend(args!("-signer", &s.cert, "-inkey", &s.key));
        }
        if form != P7mForm::Detached {
            a.extend(args!("-nodetach"));
        }
        match form {
            P7mForm::Der | P7mForm::Detached => a.extend(args!("-outform", "DER")),
            P7mForm::Ber => a.extend(args!("-stream", "-outform", "DER")),
            P7mForm::Pem => a.extend(args!("-outform", "PEM")),
        }
        openssl(&a)?;
        read(&output)
    });
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// `Mon, 02 Mar 2026 10:00:00 +0000`.
fn rfc5322_date(time: i64) -> Result<String> {
    let t = chrono::DateTime::from_timestamp(time, 0).ok_or("time out of range")?;
    Ok(t.format("%a, %d %b %Y %H:%M:%S +0000").to_string())
}

/// `daticert.xml`'s day, time and zone, in Italian civil time.
fn italian_date(time: i64) -> Result<(String, String, String)> {
    let utc = chrono::DateTime::from_timestamp(time, 0)
        .ok_or("time out of range")?
        .naive_utc();
    let local = domain::clock::rome_time(time).ok_or("time out of range")?;
    let hours = (local - utc).num_hours();
    Ok((
        local.format("%d/%m/%Y").to_string(),
        local.format("%H:%M:%S").to_string(),
        format!("+{hours:02}00"),
    ))
}

/// A header value as it is, when ASCII; else RFC 2047 encoded words (UTF-8, base64), folded.
fn encode_header(value: &str) -> String {
    if value.is_ascii() {
        return value.to_owned();
    }
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in value.chars() {
        if chunk.len() + c.len_utf8() > 42 {
            words.push(std::mem::take(&mut chunk));
        }
        chunk.push(c);
    }
    if !chunk.is_empty() {
        words.push(chunk);
    }
    words
        .iter()
        .map(|w| format!("=?UTF-8?B?{}?=", base64(w.as_bytes())))
        .collect::<Vec<_>>()
        .join("\r\n ")
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Base64 in lines of 76 characters joined by CRLF (no final line end).
fn base64_lines(bytes: &[u8]) -> String {
    let all = base64(bytes);
    all.as_bytes()
        .chunks(76)
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .collect::<Vec<_>>()
        .join("\r\n")
}

// ---------------------------------------------------------------------------------------------
// The committed fixtures of domain::mail's tests

/// A fixed time for the fixtures: 2 March 2026, 10:00 UTC.
pub const FIXTURE_TIME: i64 = 1_772_445_600;
/// The sender, recipient and subject of the fixture envelopes.
pub const FIXTURE_SENDER: &str = "protocollo@pec.comune.esempio.it";
pub const FIXTURE_TO: &str = "accreditamento@pec.ponte.example";
pub const FIXTURE_SUBJECT: &str = "Dichiarazione 2345-6789-ABCH";
/// A subject with accents and a typographic dash, RFC 2047 encoded in the headers.
pub const FIXTURE_SUBJECT_UTF8: &str = "Comune di Forlì – conferma dichiarazione 2345-6789-ABCH";
/// The fiscal code and name of the fixture `.p7m` signer.
pub const FIXTURE_CF: &str = "RSSMRA85T10A562S";
pub const FIXTURE_NAME: &str = "Mario Rossi";
/// The second signer of the co-signed fixture.
pub const FIXTURE_COSIGNER_CF: &str = "BNCNNA90A41H501T";
pub const FIXTURE_COSIGNER_NAME: &str = "Anna Bianchi";

/// (Re)writes the fixtures of `domain/tests/fixtures/mail/` into `out`, with a test PKI in
/// `pki_dir` (made if missing; its keys are not part of the fixtures).
pub fn write_fixtures(pki_dir: &Path, out: &Path) -> Result<Vec<PathBuf>> {
    let pki = Pki::ensure(pki_dir)?;
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let base = || Envelope::new(FIXTURE_SENDER, FIXTURE_TO, FIXTURE_SUBJECT, FIXTURE_TIME);
    let trusted = Some((&pki, Provider::Trusted));
    let mut files: Vec<(&str, Vec<u8>)> = vec![
        ("providers.pem", pki.providers_pem()?.into_bytes()),
        ("provider.pem", read(&pki.provider.cert)?),
        ("forged-provider.pem", read(&pki.forged_provider.cert)?),
        ("pec-valid.eml", envelope(trusted, &base())?),
        (
            "pec-valid-utf8.eml",
            envelope(
                trusted,
                &Envelope::new(
                    FIXTURE_SENDER,
                    FIXTURE_TO,
                    FIXTURE_SUBJECT_UTF8,
                    FIXTURE_TIME,
                ),
            )?,
        ),
        ("pec-unsigned.eml", envelope(None, &base())?),
        (
            "pec-foreign.eml",
            envelope(Some((&pki, Provider::Foreign)), &base())?,
        ),
        (
            "pec-forged.eml",
            envelope(Some((&pki, Provider::Forged)), &base())?,
        ),
        (
            "pec-expired.eml",
            envelope(Some((&pki, Provider::Expired)), &base())?,
        ),
        (
            "pec-mismatch.eml",
            envelope(
                trusted,
                &Envelope {
                    inner_from: Some("qualcun.altro@pec.esempio.it".to_owned()),
                    ..base()
                },
            )?,
        ),
        (
            "pec-mismatch-subject.eml",
            envelope(
                trusted,
                &Envelope {
                    inner_subject: Some("Un altro oggetto".to_owned()),
                    ..base()
                },
            )?,
        ),
        (
            "pec-sha1.eml",
            envelope(
                trusted,
                &Envelope {
                    digest: "sha1".to_owned(),
                    ..base()
                },
            )?,
        ),
    ];
    let content = "Dichiarazione del legale rappresentante\n\
                   Impresa: Esempio S.r.l., partita IVA 01234567897\n\
                   Codice della dichiarazione: 2345-6789-ABCH\n"
        .as_bytes();
    let signer = pki.signer(FIXTURE_CF, FIXTURE_NAME)?;
    files.push(("document.txt", content.to_vec()));
    files.push((
        "document.p7m",
        sign_p7m_as(&pki, &signer, content, P7mForm::Der)?,
    ));
    files.push((
        "document-ber.p7m",
        sign_p7m_as(&pki, &signer, content, P7mForm::Ber)?,
    ));
    files.push((
        "document-pem.p7m",
        sign_p7m_as(&pki, &signer, content, P7mForm::Pem)?,
    ));
    files.push((
        "document-detached.p7s",
        sign_p7m_as(&pki, &signer, content, P7mForm::Detached)?,
    ));
    let second = pki.signer(FIXTURE_COSIGNER_CF, FIXTURE_COSIGNER_NAME)?;
    files.push((
        "document-cosigned.p7m",
        sign_p7m_by(&pki, &[&signer, &second], content, P7mForm::Der)?,
    ));
    let no_cf = pki.signer_without_cf("Firmatario senza codice fiscale")?;
    files.push((
        "document-no-cf.p7m",
        sign_p7m_as(&pki, &no_cf, content, P7mForm::Der)?,
    ));
    // The qualified-signature checks: the list's CA, its CRL, and a signer of each kind.
    let ca_pem = read_text(&pki.qualified_ca.cert)?;
    let ca_der = crate::tsl::pem_certificates(&ca_pem)?.remove(0);
    files.push(("qualified-ca.der", ca_der));
    files.push(("qualified-ca.crl", read(&pki.crl)?));
    files.push((
        "document-revoked.p7m",
        sign_p7m_as(&pki, &pki.revoked(), content, P7mForm::Der)?,
    ));
    for (kind, file) in [
        (SignerKind::Unlisted, "document-unlisted.p7m"),
        (SignerKind::SelfSigned, "document-self-signed.p7m"),
        (SignerKind::NoQcStatements, "document-no-qc.p7m"),
        (SignerKind::NoNonRepudiation, "document-no-nonrep.p7m"),
        (SignerKind::CrlUnreachable, "document-crl-unreachable.p7m"),
    ] {
        let s = pki.signer_as(kind, FIXTURE_CF, FIXTURE_NAME)?;
        files.push((file, sign_p7m_as(&pki, &s, content, P7mForm::Der)?));
    }
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = out.join(name);
        write(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// A valid personal codice fiscale that belongs to nobody, for tests: `prefix` (six letters),
/// a birth date from `n`, Rome as the place, the check letter found by trying all 26.
pub fn fresh_cf(prefix: &str, n: u64) -> Result<String> {
    let months = b"ABCDEHLMPRST";
    let year = n % 100;
    let month = char::from(months[(n / 100 % 12) as usize]);
    let day = 1 + n / 1200 % 28;
    let first15 = format!("{prefix}{year:02}{month}{day:02}H501");
    ('A'..='Z')
        .map(|c| format!("{first15}{c}"))
        .find(|cf| domain::identity::CodiceFiscale::parse(cf).is_ok())
        .ok_or_else(|| format!("no codice fiscale starts with {first15}"))
}

/// A valid partita IVA that belongs to nobody, for tests (the check digit found by trying all
/// ten).
pub fn fresh_piva(n: u64) -> Result<String> {
    let first10 = format!("{:07}{:03}", n % 10_000_000, 1 + n / 10_000_000 % 99);
    (0..10)
        .map(|d| format!("{first10}{d}"))
        .find(|p| domain::identity::PartitaIva::parse(p).is_ok())
        .ok_or_else(|| format!("no partita IVA starts with {first10}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pki() -> Option<Pki> {
        if !openssl_available() {
            eprintln!("skipped: {OPENSSL_MISSING}");
            return None;
        }
        let dir = crate::paths::target().join("xtask-test-pki");
        Some(Pki::ensure(&dir).expect("test PKI"))
    }

    fn openssl_text(args: &[&str]) -> String {
        let out = Command::new("openssl")
            .args(args)
            .output()
            .expect("openssl");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    #[test]
    fn the_pki_has_the_promised_certificates() {
        let Some(pki) = pki() else { return };
        // Idempotent: a second call finds everything in place.
        let again = Pki::ensure(&pki.dir).expect("again");
        assert_eq!(again.ca, pki.ca);
        let subject = |c: &Cert| {
            openssl_text(&[
                "x509",
                "-noout",
                "-subject",
                "-issuer",
                "-enddate",
                "-nameopt",
                "utf8,sep_comma_plus",
                "-in",
                c.cert.to_str().expect("utf-8 path"),
            ])
        };
        let ca = subject(&pki.ca);
        assert!(ca.contains("CN=CA di prova dei gestori PEC"), "{ca}");
        assert!(ca.contains("2120"), "{ca}");
        let forged = subject(&pki.forged_ca);
        // Same name, different key.
        assert_eq!(ca.lines().next(), forged.lines().next());
        assert_ne!(
            std::fs::read(&pki.ca.cert).expect("ca"),
            std::fs::read(&pki.forged_ca.cert).expect("forged")
        );
        let expired = subject(&pki.expired_provider);
        assert!(expired.contains("2001"), "{expired}");
        assert!(pki
            .providers_pem()
            .expect("pem")
            .contains("BEGIN CERTIFICATE"));
        // The provider verifies against the CA, the forged one does not.
        let verify = |c: &Cert| {
            Command::new("openssl")
                .args(["verify", "-CAfile"])
                .arg(&pki.ca.cert)
                .arg(&c.cert)
                .output()
                .expect("openssl")
                .status
                .success()
        };
        assert!(verify(&pki.provider));
        assert!(!verify(&pki.forged_provider));
        assert!(!verify(&pki.foreign_provider));
    }

    #[test]
    fn signers_carry_the_fiscal_code_and_are_cached() {
        let Some(pki) = pki() else { return };
        let s = pki
            .signer("rssmra85t10a562s", "Nicolò Rossi/Bianchi")
            .expect("signer");
        let text = openssl_text(&[
            "x509",
            "-noout",
            "-subject",
            "-nameopt",
            "utf8,sep_comma_plus",
            "-in",
            s.cert.to_str().expect("utf-8 path"),
        ]);
        assert!(text.contains("CN=Nicolò Rossi/Bianchi"), "{text}");
        assert!(
            text.contains("serialNumber=TINIT-RSSMRA85T10A562S"),
            "{text}"
        );
        let again = pki
            .signer("RSSMRA85T10A562S", "Nicolò Rossi/Bianchi")
            .expect("again");
        assert_eq!(
            std::fs::read(&s.cert).expect("cert"),
            std::fs::read(&again.cert).expect("cert")
        );
        assert!(pki.signer("RSS/../x", "x").is_err());
    }

    #[test]
    fn envelopes_and_p7m_verify_with_openssl() {
        let Some(pki) = pki() else { return };
        let raw = pec_envelope(
            &pki,
            Provider::Trusted,
            "mittente@pec.esempio.it",
            "dest@pec.esempio.it",
            "Prova àè",
        )
        .expect("envelope");
        let text = String::from_utf8(raw.clone()).expect("utf-8");
        assert!(text.contains("X-Trasporto: posta-certificata\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
        assert!(text.contains("From: \"Per conto di: mittente@pec.esempio.it\""));
        let work = scratch_dir(&pki.dir).expect("scratch");
        let eml = work.join("busta.eml");
        std::fs::write(&eml, &raw).expect("write");
        let ok = Command::new("openssl")
            .args(["smime", "-verify", "-CAfile"])
            .arg(&pki.ca.cert)
            .arg("-in")
            .arg(&eml)
            .args(["-out", "/dev/null"])
            .output()
            .expect("openssl");
        assert!(
            ok.status.success(),
            "{}",
            String::from_utf8_lossy(&ok.stderr)
        );

        let unsigned = pec_envelope_unsigned("a@pec.it", "b@pec.it", "x").expect("unsigned");
        let unsigned = String::from_utf8(unsigned).expect("utf-8");
        assert!(unsigned.contains("Content-Type: multipart/mixed"));
        assert!(!unsigned.contains("smime.p7s"));

        let signer = pki.signer(FIXTURE_CF, FIXTURE_NAME).expect("signer");
        let p7m = sign_p7m(&pki, &signer, b"contenuto").expect("p7m");
        assert_eq!(p7m.first(), Some(&0x30));
        let file = work.join("doc.p7m");
        std::fs::write(&file, &p7m).expect("write");
        let out = Command::new("openssl")
            .args(["cms", "-verify", "-noverify", "-inform", "DER", "-in"])
            .arg(&file)
            .output()
            .expect("openssl");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stdout, b"contenuto");
        let _ = std::fs::remove_dir_all(&work);
    }

    #[test]
    fn what_the_pki_makes_is_what_domain_mail_expects() {
        use domain::mail::{
            read_cades, verify_cades, verify_pec, Crls, MailError, QualifiedCas, SigningWindow,
            TrustStore,
        };
        let Some(pki) = pki() else { return };
        let trust = TrustStore::from_pem(&pki.providers_pem().expect("pem")).expect("trust");
        let now = now();
        let make = |p| {
            pec_envelope(
                &pki,
                p,
                "Ufficio@PEC.Esempio.it",
                "dest@pec.esempio.it",
                "Codice 2345-6789-ABCH",
            )
            .expect("envelope")
        };
        let pec = verify_pec(&make(Provider::Trusted), &trust, now).expect("valid");
        assert_eq!(pec.sender, "ufficio@pec.esempio.it");
        assert_eq!(pec.subject, "Codice 2345-6789-ABCH");
        assert_eq!(pec.provider, PROVIDER_NAME);
        for (provider, want) in [
            (Provider::Foreign, MailError::UntrustedSigner),
            (Provider::Forged, MailError::UntrustedSigner),
            (Provider::Expired, MailError::CertificateExpired),
        ] {
            assert_eq!(
                verify_pec(&make(provider), &trust, now),
                Err(want),
                "{provider:?}"
            );
        }
        let unsigned =
            pec_envelope_unsigned("a@pec.esempio.it", "b@pec.esempio.it", "x").expect("unsigned");
        assert_eq!(
            verify_pec(&unsigned, &trust, now),
            Err(MailError::NotSigned)
        );

        let cas = QualifiedCas::new([(der_of(&pki.qualified_ca.cert), 0)]).expect("cas");
        let mut crls = Crls::new();
        crls.insert(&pki.crl_url(), Ok(std::fs::read(&pki.crl).expect("crl")));
        let window = SigningWindow { earliest: 0, now };
        let signer = pki.signer(FIXTURE_CF, "Nicolò Rossi").expect("signer");
        for form in [P7mForm::Der, P7mForm::Ber, P7mForm::Pem] {
            let p7m = sign_p7m_as(&pki, &signer, b"contenuto", form).expect("p7m");
            let file = read_cades(&p7m).expect("readable");
            assert_eq!(file.crl_urls(), vec![pki.crl_url()]);
            let doc = verify_cades(&p7m, &cas, &crls, window).expect("valid p7m");
            assert_eq!(doc.content, b"contenuto");
            assert_eq!(doc.signer_cf.as_str(), FIXTURE_CF);
            assert_eq!(doc.signer_name, "Nicolò Rossi");
        }
        let p7m_of = |s: &Signer| sign_p7m(&pki, s, b"contenuto").expect("p7m");
        assert_eq!(
            verify_cades(&p7m_of(&pki.revoked()), &cas, &crls, window),
            Err(MailError::Revoked)
        );
        for (kind, want) in [
            (SignerKind::Unlisted, MailError::NotQualified),
            (SignerKind::SelfSigned, MailError::NotQualified),
            (
                SignerKind::NoQcStatements,
                MailError::NotQualifiedCertificate,
            ),
            (SignerKind::NoNonRepudiation, MailError::NoNonRepudiation),
        ] {
            let s = pki
                .signer_as(kind, FIXTURE_CF, "Nicolò Rossi")
                .expect("signer");
            assert_eq!(
                verify_cades(&p7m_of(&s), &cas, &crls, window),
                Err(want),
                "{kind:?}"
            );
        }
        let unreachable = pki
            .signer_as(SignerKind::CrlUnreachable, FIXTURE_CF, "Nicolò Rossi")
            .expect("signer");
        assert_eq!(
            verify_cades(&p7m_of(&unreachable), &cas, &crls, window).map_err(|e| e.code()),
            Err("revocation_unknown")
        );
        // Without the CRL, the qualified signer is not accepted either.
        assert_eq!(
            verify_cades(&p7m_of(&signer), &cas, &Crls::new(), window).map_err(|e| e.code()),
            Err("revocation_unknown")
        );
    }

    fn der_of(pem: &Path) -> Vec<u8> {
        let text = std::fs::read_to_string(pem).expect("pem");
        crate::tsl::pem_certificates(&text)
            .expect("certificate")
            .remove(0)
    }

    #[test]
    fn the_test_trusted_list_verifies_and_lists_the_qualified_ca_only() {
        let Some(pki) = pki() else { return };
        let file = crate::tsl::write_test_tsl(&pki).expect("tsl");
        let xml = std::fs::read_to_string(&file).expect("read");
        let pinned = vec![der_of(&pki.tsl_signer.cert)];
        let list = crate::tsl::verify_and_read(&xml, &pinned, now()).expect("verifies");
        assert_eq!(list.territory, "IT");
        assert_eq!(list.cas.len(), 1, "{list:?}");
        assert_eq!(list.cas[0].certificate, der_of(&pki.qualified_ca.cert));
        assert_eq!(
            list.cas[0].provider,
            "Prestatore qualificato di prova S.p.A."
        );
        assert_eq!(list.skipped, 2);
        // Another pinned certificate: refused.
        let other = vec![der_of(&pki.ca.cert)];
        assert!(crate::tsl::verify_and_read(&xml, &other, now()).is_err());
        // One character changed anywhere in the list: refused.
        let tampered = xml.replacen("CA qualificata di prova", "CA qualificata di pr0va", 1);
        let e = crate::tsl::verify_and_read(&tampered, &pinned, now()).unwrap_err();
        assert!(e.contains("changed after signing"), "{e}");
        // The signature value changed: refused.
        let i = xml.find("<ds:SignatureValue>").expect("value") + 20;
        let mut bad = xml.clone().into_bytes();
        bad[i] = if bad[i] == b'A' { b'B' } else { b'A' };
        let bad = String::from_utf8(bad).expect("utf-8");
        assert!(crate::tsl::verify_and_read(&bad, &pinned, now()).is_err());
        // Unsigned: refused.
        let start = xml.find("<ds:Signature").expect("sig");
        let end = xml.find("</ds:Signature>").expect("end") + "</ds:Signature>".len();
        let unsigned = format!("{}{}", &xml[..start], &xml[end..]);
        let e = crate::tsl::verify_and_read(&unsigned, &pinned, now()).unwrap_err();
        assert!(e.contains("not signed"), "{e}");
        // The SQL keys the CA by its subject, as the worker looks it up.
        let sql = crate::tsl::sql(&list, 1).expect("sql");
        let key = domain::mail::subject_key(&list.cas[0].certificate).expect("key");
        assert!(sql.starts_with("DELETE FROM trusted_cas;"), "{sql}");
        assert!(sql.contains(&key), "{sql}");
    }

    #[test]
    fn header_encoding_and_escaping() {
        assert_eq!(encode_header("Prova"), "Prova");
        let long = "è".repeat(40);
        let enc = encode_header(&long);
        assert!(enc.starts_with("=?UTF-8?B?"));
        assert!(enc.lines().all(|l| l.trim_end().len() <= 76), "{enc}");
        assert_eq!(xml_escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(subject_value("A/B+C").expect("ok"), "A\\/B\\+C");
        assert!(subject_value("a\nb").is_err());
        let (giorno, ora, zona) = italian_date(FIXTURE_TIME).expect("date");
        assert_eq!(
            (giorno.as_str(), ora.as_str(), zona.as_str()),
            ("02/03/2026", "11:00:00", "+0100")
        );
        assert_eq!(
            rfc5322_date(FIXTURE_TIME).expect("date"),
            "Mon, 02 Mar 2026 10:00:00 +0000"
        );
    }
}
