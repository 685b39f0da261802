//! The JSON the API sends and takes, beside the hosts' types ([`crate::hosts`]) and the domain
//! types the answers carry whole (`family::ChildPosition`, `family::Notice`, `attendance::Limits`,
//! …). The worker serialises these very values; the OpenAPI document's schemas are derived from
//! them (feature `openapi`), and the end-to-end tests check every answer against them.

use crate::attendance::{AbsenceKind, DerogaCategoryCode};
use crate::family::{
    AckSummary, ChildPosition, Decision, JustificationReason, Notice, RefusalReason, RequestStatus,
};
use crate::import::{ImportKind, ImportWarning, RowError};
use crate::place::ComuneRef;
use crate::publish::Proof;
use crate::session::StaffGrant;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The error shape of every refusal: `{"error":{"code","field","message"}}` (the serialised
/// [`crate::FieldError`]).
pub use crate::error::ErrorBody;

#[cfg(feature = "openapi")]
use schemars::JsonSchema;

/// `GET /healthz`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Health {
    #[cfg_attr(feature = "openapi", schemars(extend("const" = "ok")))]
    pub status: String,
    pub version: String,
}

/// `GET /api/v1/comuni?province=RM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Comuni {
    pub province: String,
    pub items: Vec<ComuneRef>,
}

/// `GET /api/v1/cp2011?q=…`: up to 20 entries, upper levels first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Cp2011List {
    #[cfg_attr(feature = "openapi", schemars(length(max = 20)))]
    pub items: Vec<Cp2011Item>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Cp2011Item {
    pub code: String,
    pub title: String,
    pub level: String,
}

/// The body of `POST /api/v1/declarations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// La versione dell'informativa letta e accettata.
    pub privacy_version: String,
    pub privacy_accepted: bool,
    /// Il profilo come nella bozza salvata su file (campo draft): kind, name, codice_fiscale,
    /// partita_iva, legal_representative_cf, ipa_code, ateco, description, offers, places,
    /// contacts, supply_chain, capacities. Documented as an object: its fields are checked
    /// whole by `ProfileDraft::validate`, which names every one that is wrong.
    #[cfg_attr(
        feature = "openapi",
        schemars(with = "serde_json::Map<String, serde_json::Value>")
    )]
    pub draft: crate::profile::ProfileDraft,
}

/// How a declaration is proved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProofMethod {
    Pec,
    FirmaDigitale,
}

impl ProofMethod {
    /// How `proof` is given.
    pub fn of(proof: &Proof) -> ProofMethod {
        match proof {
            Proof::Pec { .. } => ProofMethod::Pec,
            Proof::FirmaDigitale { .. } => ProofMethod::FirmaDigitale,
        }
    }
}

/// `201` of `POST /api/v1/declarations`: the code and how to confirm it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Declaration {
    pub code: String,
    /// RFC 3339, UTC.
    pub expires_at: String,
    pub method: ProofMethod,
    /// Dove inviare la PEC.
    pub verification_address: String,
    /// La casella da cui deve partire la PEC.
    pub pec_of_record: Option<String>,
    /// true se la casella è quella dichiarata nel profilo e non quella dell'IPA o di INI-PEC:
    /// la conferma arrivata da questa casella sarà verificata da un operatore.
    pub pec_declared: bool,
    /// true se il soggetto ha già un profilo pubblicato, che resta online fino alla conferma.
    pub update: bool,
    pub document_url: String,
    pub status_url: String,
}

/// `GET /api/v1/declarations/{code}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct DeclarationStatus {
    pub code: String,
    pub status: crate::publish::DeclarationStatus,
    pub method: ProofMethod,
    pub host_id: Option<i64>,
    /// RFC 3339, UTC.
    pub expires_at: String,
    /// Perché la dichiarazione attende un operatore (solo con `review`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_reason: Option<crate::registry::ReviewReason>,
}

/// `200` (published) or `202` (in review) of `POST /api/v1/declarations/{code}/signature`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Published {
    /// `published`, o `review` se il registro non conferma il firmatario e decide un operatore.
    pub status: crate::publish::DeclarationStatus,
    /// Il profilo pubblicato (solo con `published`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_id: Option<i64>,
    /// Perché decide un operatore (solo con `review`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_reason: Option<crate::registry::ReviewReason>,
}

/// `400` of `POST /api/v1/declarations`: the first error, and with a profile every error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct ProfileErrors {
    pub error: crate::FieldError,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<crate::FieldError>,
}

/// `GET /api/v1/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Me {
    pub codice_fiscale: String,
    pub given_name: String,
    pub family_name: String,
    /// Da inviare nell'intestazione X-CSRF-Token delle richieste POST.
    pub csrf_token: String,
    /// Id degli alunni di cui la persona è tutore.
    pub guardian_of: Vec<i64>,
    /// Gli incarichi nelle scuole.
    pub staff: Vec<StaffGrant>,
}

/// The body of `POST /api/v1/schools/{school_id}/imports`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct NewImport {
    pub kind: ImportKind,
    /// Nome del file, per la segreteria.
    #[cfg_attr(feature = "openapi", schemars(length(min = 1, max = 200)))]
    pub file_name: String,
    /// Dimensione del file in byte (al più 64 MB).
    #[cfg_attr(feature = "openapi", schemars(range(min = 1, max = 67108864)))]
    pub file_bytes: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// Si ricevono le parti.
    Staging,
    /// Dati della scuola aggiornati.
    Live,
    /// Nulla è stato scritto.
    Rejected,
    /// Si rende effettiva: nessuna parte è più accettata; un nuovo `commit` la completa.
    Committing,
}

impl ImportStatus {
    /// The name in the API and in storage (`staging`, `live`, `rejected`, `committing`).
    pub fn as_str(self) -> &'static str {
        match self {
            ImportStatus::Staging => "staging",
            ImportStatus::Live => "live",
            ImportStatus::Rejected => "rejected",
            ImportStatus::Committing => "committing",
        }
    }
}

/// What a live import changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct ImportSummary {
    /// Righe inserite o modificate.
    pub written: u64,
    /// Righe tolte perché non più nel file.
    pub removed: u64,
}

/// An import as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Import {
    pub id: i64,
    pub school_id: i64,
    pub kind: ImportKind,
    pub status: ImportStatus,
    pub file_name: String,
    /// Dimensione dichiarata del file, in byte.
    pub file_bytes: i64,
    /// Byte ricevuti finora, in tutte le parti.
    pub received_bytes: i64,
    /// Righe valide ricevute.
    pub rows: i64,
    /// Numero esatto degli errori trovati.
    pub error_count: i64,
    /// Parti in arrivo in questo momento (ricevute, non ancora registrate): un commit le
    /// attende (409).
    pub parts_arriving: i64,
    /// Gli errori, fino a 1000.
    #[cfg_attr(feature = "openapi", schemars(length(max = 1000)))]
    pub errors: Vec<RowError>,
    pub warnings: Vec<ImportWarning>,
    /// Solo per un'importazione live; altrimenti null.
    pub summary: Option<ImportSummary>,
    /// Secondi dal 1970-01-01 UTC.
    pub created_at: i64,
    /// Secondi dal 1970-01-01 UTC; null finché è in staging.
    pub finished_at: Option<i64>,
}

/// `GET /api/v1/schools/{school_id}/imports`: the latest 30.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct ImportList {
    #[cfg_attr(feature = "openapi", schemars(length(max = 30)))]
    pub items: Vec<Import>,
}

/// What one part of a file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct PartOutcome {
    /// Righe valide della parte.
    pub rows: u64,
    /// Errori della parte (quelli della riga 1 contano solo nella prima parte).
    pub error_count: u64,
    #[cfg_attr(feature = "openapi", schemars(length(max = 1000)))]
    pub errors: Vec<RowError>,
    pub warnings: Vec<ImportWarning>,
}

/// `422` of a commit: nothing written, every row to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct ImportRejected {
    /// code import_rejected; il messaggio dice quanti errori.
    pub error: crate::FieldError,
    pub import: Import,
}

/// The body of `POST /imports/{id}/commit` (it may be empty: the same as `{}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CommitOptions {
    /// `true` conferma l'eliminazione degli alunni che non sono nel file quando sono molti
    /// (oltre il 10 % o oltre 20: `domain::import::deletions_need_confirmation`); senza, la
    /// risposta è 409 con il loro elenco.
    // Skipped when false, so the document (written for serialisation) does not list it as
    // required: the server takes `{}` (the contract probe found the document saying otherwise).
    #[serde(default, skip_serializing_if = "is_false")]
    pub confirm_deletions: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A pupil that an import of `alunni` would delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct PupilGoing {
    pub surname: String,
    pub name: String,
    pub class_code: String,
}

/// What a file of pupils would delete, when that needs a confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Deletions {
    /// Alunni che l'importazione eliminerebbe.
    pub removed: u64,
    /// Alunni della scuola ora.
    pub total: u64,
    /// Chi sono (cognome, nome, classe; al massimo i primi 500 in ordine di classe e cognome).
    pub pupils: Vec<PupilGoing>,
}

/// `409` of a commit: the import is concluded or being made live, a part is still arriving,
/// or — with `deletions` — the file would delete many pupils and the request did not confirm it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct ImportConflict {
    /// code conflict.
    pub error: crate::FieldError,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deletions: Option<Deletions>,
}

/// A pupil as staff and guardians may read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Pupil {
    pub id: i64,
    pub school_id: i64,
    /// Numero dell'alunno nel registro.
    pub matricola: String,
    pub surname: String,
    pub name: String,
    pub class_code: String,
}

/// One absence record as imported from the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Absence {
    pub date: NaiveDate,
    /// Il tipo di assenza (docs/imports.md).
    pub kind: AbsenceKind,
    /// Minuti di lezione persi; null: l'intera giornata secondo l'orario della classe.
    pub minutes: Option<f64>,
    pub justified: bool,
}

/// `GET /api/v1/pupils/{id}/absences`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct PupilAbsences {
    pub pupil_id: i64,
    pub items: Vec<Absence>,
}

/// The body of `POST /api/v1/pupils/{id}/derogations` (JSON or form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct DerogationForm {
    /// Una categoria adottata dalla scuola.
    pub category: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Solo per i moduli: la pagina a cui tornare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// `201` of a derogation request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct DerogationRequest {
    pub id: i64,
    pub pupil_id: i64,
    pub category: DerogaCategoryCode,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub status: RequestStatus,
}

/// The body of `POST /api/v1/absences/{id}/justification` (JSON or form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct JustificationForm {
    pub reason: JustificationReason,
    /// Solo per i moduli: la pagina a cui tornare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// `201` of a justification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Justification {
    pub id: i64,
    pub absence_id: i64,
    pub reason: JustificationReason,
    pub status: RequestStatus,
}

/// The body of `POST /api/v1/pupils/{id}/justifications` (JSON, or a form with one `absences`
/// field per absence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct JustificationsForm {
    #[cfg_attr(feature = "openapi", schemars(length(min = 1, max = 200)))]
    pub absences: Vec<i64>,
    pub reason: JustificationReason,
    /// Solo per i moduli: la pagina a cui tornare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// `201` of several justifications sent at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Justifications {
    pub justifications: Vec<Justification>,
}

/// An entry of ATECO 2025 (`GET /api/v1/ateco/{code}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct AtecoEntry {
    pub code: String,
    /// Il titolo della voce, come lo scrive l'ISTAT.
    pub title: String,
}

/// The body of a decision on a justification (JSON or form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct DecisionForm {
    pub decision: Decision,
    /// Per respingere (obbligatorio): un motivo dell'elenco delle giustificazioni
    /// (`reason_not_accepted`, `documents_required`, `not_as_registered`, `too_late`). La
    /// famiglia lo legge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RefusalReason>,
    /// Solo per i moduli: la pagina a cui tornare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// The body of the class council's decision on a derogation, recorded by the head teacher or
/// the class coordinator (JSON or form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct DerogationDecisionForm {
    pub decision: Decision,
    /// Per respingere (obbligatorio): un motivo dell'elenco delle deroghe
    /// (`documents_missing`, `not_a_category`, `not_assessable`, `dates_not_documented`). La
    /// famiglia lo legge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RefusalReason>,
    /// Il giorno del consiglio di classe che ha deciso: non prima della richiesta, non futuro.
    pub council_date: NaiveDate,
    /// La motivazione della delibera, da 1 a 500 caratteri; resta alla scuola (la famiglia non
    /// la vede). Niente dati sulla salute: la documentazione resta in segreteria.
    #[cfg_attr(feature = "openapi", schemars(length(min = 1, max = 500)))]
    pub motivation: String,
    /// Per accogliere (obbligatorio, `true`): la segreteria ha ricevuto la documentazione.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents_received: Option<FlagOrText>,
    /// Solo per i moduli: la pagina a cui tornare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// The body of an operator's decision on a declaration in review (JSON or form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct ReviewForm {
    pub decision: Decision,
    /// La motivazione, da 1 a 500 caratteri: che cosa si è verificato, o perché si rifiuta.
    pub note: String,
    /// Solo per i moduli: la pagina a cui tornare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// `200` of a decision: the new state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Decided {
    pub id: i64,
    pub status: RequestStatus,
}

/// Who a notice is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AudienceKind {
    School,
    Grade,
    Classes,
    Pupils,
}

/// The body of `POST /api/v1/schools/{school_id}/notices` (JSON or form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct NoticeForm {
    #[cfg_attr(feature = "openapi", schemars(length(min = 1, max = 200)))]
    pub title: String,
    #[cfg_attr(feature = "openapi", schemars(length(min = 1, max = 10000)))]
    pub body: String,
    pub audience: AudienceKind,
    /// Ordine di scuola, codici delle classi o numeri degli alunni, separati da spazi o virgole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience_value: Option<String>,
    /// Solo per i moduli: l'ordine di scuola scelto.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// true, oppure nei moduli "on".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires_ack: Option<FlagOrText>,
}

/// A boolean in JSON, a checkbox's text in a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
#[serde(untagged)]
pub enum FlagOrText {
    Flag(bool),
    Text(String),
}

impl FlagOrText {
    /// The form fields that are a [`FlagOrText`] in JSON; every other field is text.
    pub const FIELDS: &'static [&'static str] = &["requires_ack", "documents_received"];
}

/// A JSON body's field as the same form would send it, if it has the type the document gives
/// it: text, `null` for none, a boolean for a [`FlagOrText`] field. Anything else is refused
/// naming the field (the contract probe found `{"title": {}}` published as a notice titled
/// `{}`).
pub fn form_field(name: &str, v: serde_json::Value) -> Result<String, crate::error::FieldError> {
    use serde_json::Value;
    let flag = FlagOrText::FIELDS.contains(&name);
    match v {
        Value::String(s) => Ok(s),
        Value::Null => Ok(String::new()),
        Value::Bool(b) if flag => Ok(b.to_string()),
        Value::Bool(_) | Value::Number(_) | Value::Array(_) | Value::Object(_) => {
            let msg = if flag {
                crate::messages::Msg::FieldNotFlag
            } else {
                crate::messages::Msg::FieldNotText
            };
            Err(crate::error::FieldError::invalid_says(
                name,
                msg,
                &[("field", &name)],
            ))
        }
    }
}

/// The fields a JSON body may send as a list (a form repeats the field instead).
pub const LIST_FIELDS: &[&str] = &["absences"];

/// One item of a list field as the form's text: a number or a string.
pub fn list_item(name: &str, v: serde_json::Value) -> Result<String, crate::error::FieldError> {
    match v {
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::String(s) => Ok(s),
        _ => Err(crate::error::FieldError::invalid_says(
            name,
            crate::messages::Msg::FieldNotText,
            &[("field", &name)],
        )),
    }
}

/// `201` of something created: its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Created {
    pub id: i64,
}

/// `201` of an acknowledgement: the notice, the children it was recorded for, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Acknowledged {
    pub notice_id: i64,
    pub pupils: Vec<i64>,
    /// Secondi dal 1970-01-01 UTC.
    pub acknowledged_at: i64,
}

/// `200` of a notice withdrawn or reminded: when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct NoticeChange {
    pub notice_id: i64,
    /// Secondi dal 1970-01-01 UTC.
    pub at: i64,
}

/// The body of a change that needs no data (JSON or form): where a form goes back to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct NextForm {
    /// Solo per i moduli: la pagina a cui tornare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// `GET /api/v1/notices`: the notices reaching the guardian's children, unread first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Notices {
    pub items: Vec<Notice>,
}

/// A notice of the school with its acknowledgement figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct SchoolNotice {
    pub notice: Notice,
    pub summary: AckSummary,
}

/// `GET /api/v1/schools/{school_id}/notices`: newest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct SchoolNotices {
    pub items: Vec<SchoolNotice>,
}

/// What a pending request asks the school to decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// La giustificazione di un'assenza.
    Justification,
    /// Una richiesta di deroga (`derogation` nell'API e nelle tabelle).
    #[serde(rename = "derogation")]
    Deroga,
}

impl RequestKind {
    pub const ALL: [RequestKind; 2] = [RequestKind::Justification, RequestKind::Deroga];

    /// The code of the API's JSON and of the tables (`justification`, `derogation`).
    pub fn code(self) -> &'static str {
        match self {
            RequestKind::Justification => "justification",
            RequestKind::Deroga => "derogation",
        }
    }

    pub fn from_code(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == raw)
    }

    /// The API's path segment (`/api/v1/justifications/{id}/…`).
    pub fn path(self) -> &'static str {
        match self {
            RequestKind::Justification => "justifications",
            RequestKind::Deroga => "derogations",
        }
    }

    /// The word of the pages' addresses (`?decisa=deroga-12`).
    pub fn word(self) -> &'static str {
        match self {
            RequestKind::Justification => "giustificazione",
            RequestKind::Deroga => "deroga",
        }
    }

    pub fn from_word(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.word() == raw)
    }
}

/// A request the school has not decided yet, for the school's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct PendingRequest {
    pub kind: RequestKind,
    pub id: i64,
    pub pupil_id: i64,
    /// Cognome e nome.
    pub pupil: String,
    pub class_code: String,
    /// Data dell'assenza (giustificazione) o primo giorno (deroga).
    pub date_from: NaiveDate,
    pub date_to: NaiveDate,
    /// Tipo di assenza (giustificazione) o categoria (deroga).
    pub what: String,
    /// Il motivo (solo giustificazione).
    pub reason: Option<JustificationReason>,
    /// Secondi dal 1970-01-01 UTC.
    pub requested_at: i64,
    /// Se la persona può registrare la decisione: le giustificazioni i docenti della classe,
    /// la segreteria e il dirigente; le deroghe (decise dal consiglio di classe) solo il
    /// coordinatore della classe e il dirigente.
    pub decides: bool,
}

/// A decision the school took on a request, for the school's history: kept when undone,
/// marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct DecisionRecord {
    /// La decisione (non la richiesta).
    pub id: i64,
    pub kind: RequestKind,
    pub request_id: i64,
    pub pupil_id: i64,
    /// Cognome e nome.
    pub pupil: String,
    pub class_code: String,
    /// Data dell'assenza (giustificazione) o primo giorno (deroga).
    pub date_from: NaiveDate,
    pub date_to: NaiveDate,
    /// Tipo di assenza (giustificazione) o categoria (deroga).
    pub what: String,
    /// `approved` o `refused`.
    pub status: RequestStatus,
    /// Il motivo del rifiuto, che la famiglia legge.
    pub reason: Option<RefusalReason>,
    /// Deroghe: il giorno del consiglio di classe.
    pub council_date: Option<NaiveDate>,
    /// Deroghe: la motivazione della delibera.
    pub motivation: Option<String>,
    /// Deroghe: se la segreteria aveva la documentazione.
    pub documents_received: Option<bool>,
    /// Chi ha registrato la decisione: cognome e nome; assente se non è più nel personale della
    /// scuola.
    pub decided_by: Option<String>,
    /// Secondi dal 1970-01-01 UTC.
    pub decided_at: i64,
    /// Se annullata: quando (secondi dal 1970-01-01 UTC).
    pub undone_at: Option<i64>,
}

/// `GET /api/v1/schools/{school_id}/attendance`: every pupil the person may see, with the
/// family dashboard's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct SchoolAttendance {
    /// Il giorno a cui si riferiscono le cifre.
    pub as_of: NaiveDate,
    pub items: Vec<crate::family::DeskRow>,
}

/// `GET /api/v1/schools/{school_id}/decisions`: the newest first, 100 at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct SchoolDecisions {
    pub items: Vec<DecisionRecord>,
    /// Il valore di `before` per le decisioni precedenti; assente se non ce ne sono.
    pub next_before: Option<i64>,
}

/// `GET /api/v1/schools/{school_id}/requests`: oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct PendingRequests {
    pub items: Vec<PendingRequest>,
}

/// The guardian, in the family's export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Guardian {
    pub codice_fiscale: String,
    pub given_name: String,
    pub family_name: String,
}

/// `GET /api/v1/me/export` as JSON: everything held about a guardian and their children.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Export {
    /// Data e ora della copia, sull'ora di Roma (AAAA-MM-GG hh:mm).
    pub generated_at: String,
    pub guardian: Guardian,
    pub children: Vec<ChildPosition>,
    pub notices: Vec<Notice>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_status_is_named_as_serde_writes_it() {
        for s in [
            ImportStatus::Staging,
            ImportStatus::Live,
            ImportStatus::Rejected,
        ] {
            assert_eq!(serde_json::to_value(s).ok(), Some(s.as_str().into()));
        }
    }
}

/// A pupil with Law 159/2023 cases, for the school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct SchoolLaw159Pupil {
    pub pupil_id: i64,
    pub surname: String,
    pub name: String,
    pub class_code: String,
    /// Il prossimo passo di tutti i suoi casi, il più urgente (scaduto, o la data più vicina).
    pub next: Option<crate::attendance::law159::cases::Deadline>,
    #[serde(flatten)]
    pub cases: crate::attendance::law159::cases::PupilCases,
}

/// `GET /api/v1/schools/{school_id}/law159`: the pupils with cases, the most urgent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct SchoolLaw159 {
    /// Il giorno a cui si riferiscono stati e scadenze.
    pub as_of: NaiveDate,
    pub items: Vec<SchoolLaw159Pupil>,
}

/// `POST /api/v1/pupils/{id}/law159`: one step of a case (JSON or form; every field text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct Law159StepForm {
    /// `family_notified`, `mayor_notified`, `closed`, `elusione_reported`,
    /// `late_entries_notified` (l'informativa sui ritardi reiterati in ingresso) o `undo`
    /// (annulla un passo registrato per errore: `step_id`).
    pub step: String,
    /// Il numero del caso nell'anno (0 per il primo); non per l'elusione.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode: Option<String>,
    /// La data del passo, aaaa-mm-gg o gg/mm/aaaa: non dopo oggi.
    pub on: String,
    /// Per `family_notified`: `letter` (lettera) o `notice` (avviso in Ponte con presa visione).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// Per `closed`: `justified`, `transferred`, `home_schooling` o `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Per `undo`: il numero del passo da annullare (l'ultimo del caso, registrato da chi
    /// annulla negli ultimi 10 minuti).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_id: Option<String>,
    /// Solo per i moduli: la pagina a cui tornare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// `200` of a step: the pupil's cases after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct PupilLaw159 {
    pub pupil_id: i64,
    pub as_of: NaiveDate,
    #[serde(flatten)]
    pub cases: crate::attendance::law159::cases::PupilCases,
}

/// One pupil's communication in an ARS list (seed 000; `attendance::ars`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct ArsItem {
    pub pupil_id: i64,
    pub surname: String,
    pub name: String,
    pub class_code: String,
    /// La matricola del registro.
    pub matricola: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub codice_fiscale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    #[serde(flatten)]
    pub need: crate::attendance::ars::Need,
    /// Con una scadenza passata e non segnata come inviata.
    pub overdue: bool,
    /// Segnata come inviata: quando e da chi.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent: Option<crate::attendance::ars::Sent>,
}

/// One ARS communication with its pupils.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct ArsList {
    pub communication: crate::attendance::ars::Communication,
    /// Una comunicazione di abbandono (tutte tranne l'istruzione parentale).
    pub dropout: bool,
    /// La scadenza del calendario della regione per quest'anno; assente per le comunicazioni
    /// puntuali e quando la data non è caricata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_by: Option<NaiveDate>,
    /// Quante non sono ancora segnate come inviate.
    pub to_send: u32,
    pub items: Vec<ArsItem>,
}

/// A dated operation of the region's calendar for the school year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct ArsDeadline {
    pub operation: crate::attendance::ars::Operation,
    pub by: NaiveDate,
    /// Giorni da oggi alla scadenza (negativi se passata).
    pub days_left: i64,
}

/// `GET /api/v1/schools/{school_id}/ars`: the school's ARS communications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct SchoolArs {
    /// Il giorno a cui si riferiscono elenchi e scadenze.
    pub as_of: NaiveDate,
    /// Il codice ISTAT della regione della scuola.
    pub region: String,
    /// L'anno di inizio dell'anno scolastico (2025 per il 2025/26).
    pub school_year: i32,
    /// Le scadenze del calendario della regione per l'anno scolastico, in ordine di data.
    pub calendar: Vec<ArsDeadline>,
    /// Una lista per comunicazione, sempre tutte, nell'ordine del tipo `Communication`.
    pub lists: Vec<ArsList>,
}

/// `POST /api/v1/pupils/{id}/ars`: a communication marked as sent (JSON or form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct ArsSentForm {
    /// Il codice della comunicazione (`abbandono_non_formale`, `ritiro_prima_15_03`, …).
    pub communication: String,
    /// Il giorno dell'invio ad ARS, aaaa-mm-gg o gg/mm/aaaa: non dopo oggi, non prima
    /// dell'inizio dell'anno scolastico.
    pub sent_on: String,
    /// Solo per i moduli: la pagina a cui tornare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// `200` of a marking: the pupil's ARS communications after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(JsonSchema))]
pub struct PupilArs {
    pub pupil_id: i64,
    pub as_of: NaiveDate,
    pub items: Vec<ArsItem>,
}
