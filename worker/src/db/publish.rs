//! The publishing workflow's data in D1: iPA records, the reference rows a profile names,
//! declarations, proofs received, rate-limit counters, and the publication itself — the
//! declaration used and the profile written to `hosts`, `host_profiles` and `hosts_fts` in one
//! batch, so the search shows it at once and a code is used once.

use super::{
    all, batch, changes, database, first, from_json, int, json_text, list, opt_text, rows, text,
    Error,
};
use crate::db::Counted;
use domain::api::types::{Cp2011Item, ProofMethod};
use domain::hosts::{AtecoCode, Cp2011Code, HostSummary, ProfileBody};
use domain::place::IstatComune;
use domain::profile::{ReferenceData, ValidProfile};
use domain::publish::{limits, IpaEnte, Proof};
use domain::registry::{Evidence, Owner, ReviewReason};
use domain::text::{index_text, HostTokens};
use serde::Deserialize;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;
use worker::Env;

/// A public body by iPA code or by the Codice Univoco Ufficio of one of its offices.
pub async fn ipa_ente(env: &Env, code: &str) -> Result<Option<IpaEnte>, Error> {
    #[derive(Deserialize)]
    struct Row {
        code: String,
        name: String,
        fiscal_code: String,
        address: Option<String>,
        cap: Option<String>,
        comune: Option<String>,
        comune_name: Option<String>,
        province: Option<String>,
        pec: Option<String>,
        website: Option<String>,
    }
    let row: Option<Row> = first(
        "iPA record",
        database(env)?
            .prepare(
                "SELECT e.code, e.name, e.fiscal_code, e.address, e.cap, e.comune, \
                 c.name AS comune_name, c.province_code AS province, e.pec, e.website \
                 FROM ipa_enti e LEFT JOIN comuni c ON c.code = e.comune \
                 WHERE e.code = ?1 OR e.code = (SELECT ipa_code FROM ipa_uffici WHERE code = ?1) \
                 LIMIT 1",
            )
            .bind(&[text(code)])?,
    )
    .await?;
    let blank = |s: Option<String>| s.filter(|v| !v.trim().is_empty());
    Ok(row.map(|r| IpaEnte {
        ipa_code: r.code,
        name: r.name,
        codice_fiscale: r.fiscal_code,
        address: blank(r.address),
        cap: blank(r.cap),
        comune: blank(r.comune),
        comune_name: r.comune_name,
        province: r.province,
        pec: blank(r.pec),
        website: blank(r.website),
    }))
}

/// Up to 20 CP 2011 entries whose title matches `fts` (an FTS5 expression), upper levels first.
pub async fn cp2011_search(env: &Env, fts: &str) -> Result<Vec<Cp2011Item>, Error> {
    all(
        "CP 2011 search",
        database(env)?
            .prepare(
                "SELECT c.code, c.title, c.level FROM cp2011_fts f \
                 JOIN cp2011 c ON c.code = f.code \
                 WHERE cp2011_fts MATCH ?1 ORDER BY length(c.code), c.code LIMIT 20",
            )
            .bind(&[text(fts)])?,
    )
    .await
}

/// The reference rows a profile names, read in one batch: implements the domain's
/// [`ReferenceData`] for [`ValidProfile::to_body`].
pub struct References {
    figures: BTreeMap<String, String>,
    /// code → (name, province sigla, region code)
    comuni: BTreeMap<String, (String, String, String)>,
    ateco: Option<(String, String)>,
}

impl References {
    pub async fn load(env: &Env, p: &ValidProfile) -> Result<References, Error> {
        let figures: Vec<&str> = p
            .offers
            .iter()
            .flat_map(|o| o.figures.iter().map(|f| f.as_str()))
            .collect();
        let comuni: Vec<&str> = p.places.iter().map(|pl| pl.comune.as_str()).collect();
        let db = database(env)?;
        let [f, c, a] = batch(
            "references",
            &db,
            [
                db.prepare(
                    "SELECT code, title FROM cp2011 WHERE code IN (SELECT value FROM json_each(?1))",
                )
                .bind(&[list(&figures)?])?,
                db.prepare(
                    "SELECT code, name, province_code, region_code FROM comuni \
                     WHERE code IN (SELECT value FROM json_each(?1))",
                )
                .bind(&[list(&comuni)?])?,
                db.prepare("SELECT code, title FROM ateco WHERE code = ?1")
                    .bind(&[opt_text(p.ateco.as_ref().map(|a| a.as_str()))])?,
            ],
        )
        .await?;
        #[derive(Deserialize)]
        struct Titled {
            code: String,
            title: String,
        }
        #[derive(Deserialize)]
        struct Comune {
            code: String,
            name: String,
            province_code: String,
            region_code: String,
        }
        // Inserted one by one: `collect` into a map would compile one more sort per type
        // (docs/toolchain.md §10).
        let mut figures = BTreeMap::new();
        for t in rows::<Titled>("CP 2011 title", &f)? {
            figures.insert(t.code, t.title);
        }
        let mut comuni = BTreeMap::new();
        for r in rows::<Comune>("comune", &c)? {
            comuni.insert(r.code, (r.name, r.province_code, r.region_code));
        }
        Ok(References {
            figures,
            comuni,
            ateco: rows::<Titled>("ATECO title", &a)?
                .into_iter()
                .next()
                .map(|t| (t.code, t.title)),
        })
    }

    pub fn region_of(&self, comune: &str) -> Option<&str> {
        self.comuni.get(comune).map(|(_, _, r)| r.as_str())
    }

    pub fn ateco_title(&self) -> Option<&str> {
        self.ateco.as_ref().map(|(_, t)| t.as_str())
    }
}

impl ReferenceData for References {
    fn figure_title(&self, code: &Cp2011Code) -> Option<String> {
        self.figures.get(code.as_str()).cloned()
    }

    fn comune(&self, code: &IstatComune) -> Option<(String, String)> {
        self.comuni
            .get(code.as_str())
            .map(|(n, p, _)| (n.clone(), p.clone()))
    }

    fn ateco_exists(&self, code: &AtecoCode) -> bool {
        self.ateco.as_ref().is_some_and(|(c, _)| c == code.as_str())
    }
}

/// A declaration as stored.
#[derive(Debug, Deserialize)]
pub struct Declaration {
    pub code: String,
    pub identity_key: String,
    pub name: String,
    pub kind: String,
    pub method: String,
    pub proof: String,
    pub profile: String,
    pub expires_at: f64,
    pub status: String,
    pub failures: f64,
    pub host_id: Option<f64>,
    pub verified_at: Option<f64>,
    pub verified_by: Option<String>,
    pub document: Option<String>,
    pub document_sha256: Option<String>,
    pub evidence: Option<String>,
    pub review_reason: Option<String>,
}

impl Declaration {
    /// How the declaration is to be proved.
    pub fn method(&self) -> Result<ProofMethod, Error> {
        match self.method.as_str() {
            "pec" => Ok(ProofMethod::Pec),
            "firma_digitale" => Ok(ProofMethod::FirmaDigitale),
            other => Err(Error::decode("declaration method", other)),
        }
    }

    pub fn proof(&self) -> Result<Proof, Error> {
        from_json("declaration proof", &self.proof)
    }

    pub fn profile(&self) -> Result<ValidProfile, Error> {
        from_json("declaration profile", &self.profile)
    }

    /// What the proof showed, once it arrived.
    pub fn evidence(&self) -> Result<Option<Evidence>, Error> {
        self.evidence
            .as_deref()
            .map(|e| from_json("declaration evidence", e))
            .transpose()
    }

    /// Why it waits for an operator (in review only).
    pub fn review_reason(&self) -> Result<Option<ReviewReason>, Error> {
        self.review_reason
            .as_deref()
            .map(|r| ReviewReason::parse(r).ok_or_else(|| Error::decode("review reason", r)))
            .transpose()
    }
}

const DECLARATION_COLUMNS: &str = "code, identity_key, name, kind, method, proof, profile, \
     expires_at, status, failures, host_id, verified_at, verified_by, document, \
     document_sha256, evidence, review_reason";

pub async fn declaration(env: &Env, code: &str) -> Result<Option<Declaration>, Error> {
    first(
        "declaration",
        database(env)?
            .prepare(format!(
                "SELECT {DECLARATION_COLUMNS} FROM declarations WHERE code = ?1"
            ))
            .bind(&[text(code)])?,
    )
    .await
}

/// Cancels declaration `code` if it still waits for its proof at `now` (whoever holds the code
/// may): true when it did.
pub async fn cancel(env: &Env, code: &str, now: i64) -> Result<bool, Error> {
    let r = database(env)?
        .prepare(
            "UPDATE declarations SET status = 'cancelled' WHERE code = ?1 \
             AND status = 'pending' AND expires_at > ?2",
        )
        .bind(&[text(code), int(now as f64)])?
        .run()
        .counted()
        .await
        .map_err(|e| Error::storage("declaration cancel", e))?;
    Ok(crate::db::changes("declaration cancel", &r)? > 0)
}

/// The declarations waiting for an operator, oldest proof first.
pub async fn in_review(env: &Env) -> Result<Vec<Declaration>, Error> {
    all(
        "declarations in review",
        database(env)?.prepare(format!(
            "SELECT {DECLARATION_COLUMNS} FROM declarations WHERE status = 'review' \
             ORDER BY verified_at, code LIMIT 500"
        )),
    )
    .await
}

/// What a new declaration stores.
pub struct NewDeclaration<'a> {
    pub code: &'a str,
    pub identity_key: &'a str,
    pub profile: &'a ValidProfile,
    pub proof: &'a Proof,
    pub privacy_version: &'a str,
    pub now: i64,
    pub expires_at: i64,
    /// The document a company signs, when the proof is a signature.
    pub document: Option<&'a str>,
}

/// Bound as ?2, the identity key: no declaration of the body waits in review.
const NONE_IN_REVIEW: &str =
    "NOT EXISTS (SELECT 1 FROM declarations WHERE identity_key = ?2 AND status = 'review')";

/// Stores a declaration, superseding the body's pending ones whose proof has not arrived; a
/// declaration in review blocks it: `Ok(false)` then, and nothing is written (each statement
/// carries the check, so two submissions cannot race).
pub async fn insert_declaration(env: &Env, d: &NewDeclaration<'_>) -> Result<bool, Error> {
    let proof = json_text("proof", d.proof)?;
    let profile = json_text("profile", d.profile)?;
    let db = database(env)?;
    let digest = d
        .document
        .map(|doc| domain::publish::document_digest(doc.as_bytes()));
    let [_, inserted] = batch(
        "new declaration",
        &db,
        [
            db.prepare(format!(
                "UPDATE declarations SET status = 'superseded' WHERE identity_key = ?2 \
                 AND status = 'pending' AND ?1 <> code AND {NONE_IN_REVIEW}"
            ))
            .bind(&[text(d.code), text(d.identity_key)])?,
            db.prepare(format!(
                "INSERT INTO declarations (code, identity_key, kind, name, method, proof, \
                 profile, privacy_version, privacy_accepted_at, issued_at, expires_at, document, \
                 document_sha256) \
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12 WHERE {NONE_IN_REVIEW}"
            ))
            .bind(&[
                text(d.code),
                text(d.identity_key),
                text(d.profile.kind().as_str()),
                text(&d.profile.name),
                text(d.proof.method()),
                text(&proof),
                text(&profile),
                text(d.privacy_version),
                int(d.now as f64),
                int(d.expires_at as f64),
                opt_text(d.document),
                opt_text(digest.as_deref()),
            ])?,
        ],
    )
    .await?;
    Ok(changes("new declaration", &inserted)? == 1)
}

/// A proved declaration the registry did not confirm: it waits for an operator. `false` when
/// the code was no longer pending (nothing written but the attempt).
pub async fn to_review(
    env: &Env,
    evidence: &Evidence,
    reason: ReviewReason,
    verified_by: &str,
    a: &Attempt<'_>,
) -> Result<bool, Error> {
    let code = a
        .code
        .ok_or_else(|| Error::storage("review", "an attempt without its code"))?;
    let db = database(env)?;
    let [moved, _] = batch(
        "to review",
        &db,
        [
            db.prepare(
                "UPDATE declarations SET status = 'review', evidence = ?2, review_reason = ?3, \
                 verified_at = ?4, verified_by = ?5 WHERE code = ?1 AND status = 'pending' \
                 AND expires_at > ?4 AND failures < ?6",
            )
            .bind(&[
                text(code),
                text(&json_text("evidence", evidence)?),
                text(reason.code()),
                int(a.now as f64),
                text(verified_by),
                int(limits::FAILURES_PER_CODE),
            ])?,
            attempt_statement(&db, a)?,
        ],
    )
    .await?;
    Ok(changes("to review", &moved)? == 1)
}

/// An operator refuses a declaration in review (logged in `review_log`). `false` when it was
/// no longer in review.
pub async fn refuse_review(
    env: &Env,
    code: &str,
    operator: &str,
    note: &str,
    now: i64,
) -> Result<bool, Error> {
    let db = database(env)?;
    let [refused, _] = batch(
        "refuse review",
        &db,
        [
            db.prepare(
                "UPDATE declarations SET status = 'refused', decided_at = ?2, decided_by = ?3, \
                 decision_note = ?4 WHERE code = ?1 AND status = 'review'",
            )
            .bind(&[text(code), int(now as f64), text(operator), text(note)])?,
            db.prepare(
                "INSERT INTO review_log (at, code, operator, decision, note) \
                 SELECT ?2, ?1, ?3, 'refused', ?4 WHERE EXISTS (SELECT 1 FROM declarations \
                 WHERE code = ?1 AND status = 'refused' AND decided_at = ?2 AND decided_by = ?3)",
            )
            .bind(&[text(code), int(now as f64), text(operator), text(note)])?,
        ],
    )
    .await?;
    Ok(changes("refuse review", &refused)? == 1)
}

/// A proof received, with its outcome.
pub struct Attempt<'a> {
    pub now: i64,
    pub channel: &'a str,
    pub code: Option<&'a str>,
    pub sender: Option<&'a str>,
    pub outcome: &'a str,
    pub detail: &'a str,
}

fn attempt_statement(
    db: &worker::D1Database,
    a: &Attempt<'_>,
) -> Result<worker::D1PreparedStatement, Error> {
    let opt = opt_text;
    Ok(db
        .prepare(
            "INSERT INTO verification_attempts (at, channel, code, sender, outcome, detail) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .bind(&[
            int(a.now as f64),
            text(a.channel),
            opt(a.code),
            opt(a.sender),
            text(a.outcome),
            text(a.detail),
        ])?)
}

/// A refused proof: logged, and counted against its code when it named a pending one.
pub async fn refused(env: &Env, a: &Attempt<'_>) -> Result<(), Error> {
    let db = database(env)?;
    let mut statements = vec![attempt_statement(&db, a)?];
    if let Some(code) = a.code {
        statements.push(
            db.prepare(
                "UPDATE declarations SET failures = failures + 1 \
                 WHERE code = ?1 AND status = 'pending'",
            )
            .bind(&[text(code)])?,
        );
    }
    db.batch(statements)
        .counted()
        .await
        .map_err(|e| Error::storage("refused proof", e))?;
    Ok(())
}

/// What a publication writes.
pub struct Publication<'a> {
    pub code: &'a str,
    pub identity_key: &'a str,
    pub summary: &'a HostSummary,
    pub body: &'a ProfileBody,
    pub ateco_title: Option<&'a str>,
    pub published_on: &'a str,
    pub verified_by: &'a str,
    /// What the proof showed; the live profile's owner is recorded from it.
    pub evidence: &'a Evidence,
    pub claim: &'a str,
    pub attempt: Attempt<'a>,
    /// `Some((operator, note))` when an operator approves a declaration in review; `None` when
    /// a proof the registry confirmed publishes a pending one.
    pub approved_by: Option<(&'a str, &'a str)>,
}

/// Uses the code and publishes, in one batch: the first statement takes the declaration if it
/// is still pending, unexpired and under the failure limit, marking it with `claim`; every
/// other statement runs only under that claim. Returns the host's id, or `None` when the code
/// was no longer usable (nothing written but the attempt).
/// Bound in every statement of [`publish`]: ?1 the code, ?2 the claim, ?3 the identity key.
/// The publication's statements run only under the claim.
const CLAIMED: &str = "EXISTS (SELECT 1 FROM declarations WHERE code = ?1 AND claim = ?2)";
/// The host of the identity key (absent before its first publication).
const HOST_ID: &str = "(SELECT id FROM hosts WHERE identity_key = ?3)";

pub async fn publish(env: &Env, p: &Publication<'_>) -> Result<Option<i64>, Error> {
    let s = p.summary;
    let body = json_text("profile body", p.body)?;
    let comuni: Vec<String> = p.body.places.iter().map(|pl| pl.comune.clone()).collect();
    let filters = HostTokens {
        kind: s.kind,
        region: &s.region,
        province: &s.province,
        comuni: &comuni,
        ateco: s.ateco.as_deref(),
        offers: &p.body.offers,
    }
    .to_filters_column();
    let db = database(env)?;
    let key = [text(p.code), text(p.claim), text(p.identity_key)];
    let with = |extra: Vec<JsValue>| -> Vec<JsValue> {
        key.iter().cloned().chain(extra).collect::<Vec<JsValue>>()
    };
    let owner = Owner::of(p.evidence);
    let claim = match p.approved_by {
        None => db
            .prepare(
                "UPDATE declarations SET status = 'published', claim = ?2 WHERE code = ?1 \
                 AND status = 'pending' AND expires_at > ?4 AND failures < ?5",
            )
            .bind(&with(vec![
                int(p.attempt.now as f64),
                int(limits::FAILURES_PER_CODE),
            ]))?,
        Some((operator, note)) => db
            .prepare(
                "UPDATE declarations SET status = 'published', claim = ?2, decided_at = ?4, \
                 decided_by = ?5, decision_note = ?6 WHERE code = ?1 AND status = 'review'",
            )
            .bind(&with(vec![
                int(p.attempt.now as f64),
                text(operator),
                text(note),
            ]))?,
    };
    let review_log = match p.approved_by {
        Some((operator, note)) => db
            .prepare(format!(
                "INSERT INTO review_log (at, code, operator, decision, note) \
                 SELECT ?4, ?1, ?5, 'approved', ?6 WHERE {CLAIMED}"
            ))
            .bind(&with(vec![
                int(p.attempt.now as f64),
                text(operator),
                text(note),
            ]))?,
        // Nothing to log: a statement that writes nothing keeps the batch's shape.
        None => db.prepare("SELECT 1 WHERE 0"),
    };
    let statements = [
        claim,
        db.prepare(format!(
            "INSERT INTO hosts (id, name, kind, comune, comune_name, province, region, paths, \
             figures, ateco, max_students, periods, origin, published_at, identity_key, \
             owner_pec, owner_signer) \
             SELECT COALESCE({HOST_ID}, (SELECT max(COALESCE(max(id), 0), 999999999) + 1 FROM hosts)), \
             ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'register', ?15, ?3, ?16, ?17 \
             WHERE {CLAIMED} \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, \
             comune = excluded.comune, comune_name = excluded.comune_name, \
             province = excluded.province, region = excluded.region, paths = excluded.paths, \
             figures = excluded.figures, ateco = excluded.ateco, \
             max_students = excluded.max_students, periods = excluded.periods, \
             published_at = excluded.published_at, owner_pec = excluded.owner_pec, \
             owner_signer = excluded.owner_signer"
        ))
        .bind(&with(vec![
            text(&s.name),
            text(s.kind.as_str()),
            text(&s.comune),
            text(&s.comune_name),
            text(&s.province),
            text(&s.region),
            text(&json_text("paths", &s.paths)?),
            text(&json_text("figures", &s.figures)?),
            s.ateco.as_deref().map(text).unwrap_or(JsValue::NULL),
            int(s.max_students),
            text(&json_text("periods", &s.periods)?),
            text(p.published_on),
            opt_text(owner.pec.as_deref()),
            opt_text(owner.signer.as_ref().map(|s| s.as_str())),
        ]))?,
        db.prepare(format!(
            "INSERT INTO host_profiles (host_id, body) SELECT {HOST_ID}, ?4 WHERE {CLAIMED} \
             ON CONFLICT (host_id) DO UPDATE SET body = excluded.body"
        ))
        .bind(&with(vec![text(&body)]))?,
        db.prepare(format!(
            "DELETE FROM hosts_fts WHERE rowid = {HOST_ID} AND {CLAIMED}"
        ))
        .bind(&key)?,
        db.prepare(format!(
            "INSERT INTO hosts_fts (rowid, name, body, filters) SELECT {HOST_ID}, ?4, ?5, ?6 \
             WHERE {CLAIMED}"
        ))
        .bind(&with(vec![
            text(&index_text(&s.name)),
            text(&index_text(&p.body.fts_body(p.ateco_title))),
            text(&filters),
        ]))?,
        db.prepare(format!(
            "UPDATE declarations SET host_id = {HOST_ID}, \
             verified_at = COALESCE(verified_at, ?4), verified_by = COALESCE(verified_by, ?5), \
             evidence = ?6 WHERE code = ?1 AND claim = ?2"
        ))
        .bind(&with(vec![
            int(p.attempt.now as f64),
            text(p.verified_by),
            text(&json_text("evidence", p.evidence)?),
        ]))?,
        db.prepare(format!(
            "INSERT INTO verification_attempts (at, channel, code, sender, outcome, detail) \
             SELECT ?4, ?5, ?1, ?6, 'published', ?7 WHERE {CLAIMED}"
        ))
        .bind(&with(vec![
            int(p.attempt.now as f64),
            text(p.attempt.channel),
            p.attempt.sender.map(text).unwrap_or(JsValue::NULL),
            text(p.attempt.detail),
        ]))?,
        review_log,
        db.prepare(format!(
            "SELECT {HOST_ID} AS id WHERE {CLAIMED}"
        ))
        .bind(&key)?,
    ];
    let [.., id] = batch("publish", &db, statements).await?;
    // Whatever the batch wrote, this instance's kept search pages may no longer be true.
    super::hosts::published();
    #[derive(Deserialize)]
    struct Id {
        id: Option<f64>,
    }
    // No row: the code was not claimed. A row without an id cannot be (the claim wrote one).
    match rows::<Id>("published host id", &id)?.into_iter().next() {
        None => Ok(None),
        Some(Id { id: Some(id) }) => Ok(Some(id as i64)),
        Some(Id { id: None }) => Err(Error::storage("publish", "claimed, but no host id")),
    }
}

/// A body's live profile: its host id and who proved it.
pub async fn live_host(env: &Env, identity_key: &str) -> Result<Option<(i64, Owner)>, Error> {
    #[derive(Deserialize)]
    struct Row {
        id: f64,
    }
    let row: Option<Row> = first(
        "live host",
        database(env)?
            .prepare("SELECT id FROM hosts WHERE identity_key = ?1")
            .bind(&[text(identity_key)])?,
    )
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(owner_of(env, identity_key)
        .await?
        .map(|owner| (row.id as i64, owner)))
}

/// Who proved a body's live profile, or `None` when it has none (then a publication is new, not
/// an update).
pub async fn owner_of(env: &Env, identity_key: &str) -> Result<Option<Owner>, Error> {
    #[derive(Deserialize)]
    struct Row {
        owner_pec: Option<String>,
        owner_signer: Option<String>,
    }
    let row: Option<Row> = first(
        "live owner",
        database(env)?
            .prepare("SELECT owner_pec, owner_signer FROM hosts WHERE identity_key = ?1")
            .bind(&[text(identity_key)])?,
    )
    .await?;
    row.map(|r| {
        let signer = r
            .owner_signer
            .map(|s| {
                domain::identity::CodiceFiscale::parse(&s)
                    .map_err(|_| Error::decode("owner signer", &s))
            })
            .transpose()?;
        Ok(Owner {
            pec: r.owner_pec,
            signer,
        })
    })
    .transpose()
}
