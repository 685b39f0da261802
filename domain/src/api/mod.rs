//! The API contract, defined once: every operation of `/api/v1/…` (and `/healthz`) with its
//! method, path, who may call it, its parameters, request body and answers ([`Op`]), and the
//! JSON types it sends and takes ([`types`]). The worker builds its router from [`Op::ALL`]
//! (one handler per operation, matched exhaustively); `cargo xtask build` writes the OpenAPI
//! document from the same table and the types' schemas (feature `openapi`, never on in the
//! worker or the browser), and Workers Assets serves it at `/api/v1/openapi.json`.
//!
//! The worker only reads [`Op::method`] and [`Op::path`]; the texts and schemas below are dead
//! code there and do not reach its wasm.

pub mod types;

/// The schema generator the document is written with (feature `openapi`).
#[cfg(feature = "openapi")]
pub use schemars;

/// An HTTP method of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    /// The lower-case name, as an OpenAPI path item keys its operations.
    pub const fn key(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Post => "post",
        }
    }
}

/// Who may call an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// Anyone: no session, no cookie (so nothing to forge: no CSRF token either).
    Public,
    /// A signed-in person (the session cookie); a POST also needs the session's CSRF token.
    Session,
}

/// Where a parameter is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum In {
    Path,
    Query,
}

/// The form of a parameter's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A positive integer id; any other value answers 404, like an unknown id.
    Id,
    Integer {
        min: i64,
        max: Option<i64>,
        default: Option<i64>,
    },
    Text {
        pattern: Option<&'static str>,
        max_length: Option<u32>,
    },
    OneOf(&'static [&'static str]),
}

/// One parameter of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    pub name: &'static str,
    pub at: In,
    pub required: bool,
    pub description: &'static str,
    pub value: Value,
}

const fn path_id(name: &'static str, description: &'static str) -> Param {
    Param {
        name,
        at: In::Path,
        required: true,
        description,
        value: Value::Id,
    }
}

const fn query(name: &'static str, description: &'static str, value: Value) -> Param {
    Param {
        name,
        at: In::Query,
        required: false,
        description,
        value,
    }
}

const fn required(p: Param) -> Param {
    Param {
        required: true,
        ..p
    }
}

/// A declaration code in the path (`XXXX-XXXX-XXXX`); anything else answers 404.
const CODE: Param = Param {
    name: "code",
    at: In::Path,
    required: true,
    description: "Il codice della dichiarazione, XXXX-XXXX-XXXX.",
    value: Value::Text {
        pattern: Some("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$"),
        max_length: None,
    },
};

const FORMAT: Param = query(
    "format",
    "json (predefinito) o csv.",
    Value::OneOf(&["json", "csv"]),
);

/// The host search's parameters, in the order of [`crate::hosts::HostSearch::PARAMS`].
pub const HOSTS_PARAMS: [Param; 14] = [
    query(
        "q",
        "Testo libero (prefissi, senza accenti né maiuscole).",
        Value::Text {
            pattern: None,
            max_length: Some(200),
        },
    ),
    query(
        "region",
        "Codice ISTAT della regione.",
        Value::Text {
            pattern: Some("^[0-9]{2}$"),
            max_length: None,
        },
    ),
    query(
        "province",
        "Sigla della provincia.",
        Value::Text {
            pattern: Some("^[A-Za-z]{2}$"),
            max_length: None,
        },
    ),
    query(
        "comune",
        "Codice ISTAT del comune.",
        Value::Text {
            pattern: Some("^[0-9]{6}$"),
            max_length: None,
        },
    ),
    query(
        "path",
        "Tipo di percorso.",
        Value::OneOf(&["pcto", "apprendistato"]),
    ),
    query(
        "figure",
        "Codice CP 2011 a qualsiasi livello; comprende i livelli sottostanti.",
        Value::Text {
            pattern: Some("^[0-9](\\.[0-9]){0,4}$"),
            max_length: None,
        },
    ),
    query(
        "ateco",
        "Prefisso di codice ATECO 2025.",
        Value::Text {
            pattern: Some("^[0-9]{2}(\\.[0-9]{1,2}(\\.[0-9]{1,2})?)?$"),
            max_length: None,
        },
    ),
    query(
        "kind",
        "Tipo di soggetto.",
        Value::OneOf(&["impresa", "professionista", "ente_pubblico", "ente_privato"]),
    ),
    query(
        "period",
        "Un mese in cui l'ente accoglie studenti.",
        Value::Text {
            pattern: Some("^[0-9]{4}-[0-9]{2}$"),
            max_length: None,
        },
    ),
    query(
        "min_places",
        "Numero minimo di studenti accolti.",
        Value::Integer {
            min: 1,
            max: Some(10000),
            default: None,
        },
    ),
    query(
        "near",
        "Vicino a un comune: il suo codice ISTAT (sei cifre) o il suo nome, con la sigla della \
         provincia tra parentesi quando più comuni hanno lo stesso nome. I risultati sono \
         ordinati per distanza (tra i centroidi dei comuni) e ciascuno la indica in distance_km.",
        Value::Text {
            pattern: None,
            max_length: Some(80),
        },
    ),
    query(
        "radius_km",
        "Distanza massima da near, in km (predefinita 30); solo con near.",
        Value::Integer {
            min: 1,
            max: Some(200),
            default: None,
        },
    ),
    query(
        "page",
        "Pagina, da 1.",
        Value::Integer {
            min: 1,
            max: Some(500),
            default: Some(1),
        },
    ),
    query(
        "per_page",
        "Risultati per pagina.",
        Value::Integer {
            min: 1,
            max: Some(100),
            default: Some(20),
        },
    ),
];

/// The named JSON schemas of the API (components of the OpenAPI document). Each is the schema
/// of one Rust type (`cargo xtask`'s `openapi` module maps them, exhaustively).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Schema {
    Health,
    Error,
    Limits,
    SearchPage,
    HostDetail,
    Comuni,
    IpaEnte,
    AtecoEntry,
    Cp2011List,
    Submission,
    Declaration,
    DeclarationStatus,
    Published,
    ProfileErrors,
    Me,
    NewImport,
    Import,
    ImportList,
    PartOutcome,
    ImportRejected,
    CommitOptions,
    ImportConflict,
    Pupil,
    PupilAbsences,
    ChildPosition,
    DerogationForm,
    DerogationRequest,
    JustificationForm,
    Justification,
    JustificationsForm,
    Justifications,
    DecisionForm,
    DerogationDecisionForm,
    ReviewForm,
    Decided,
    PendingRequests,
    SchoolDecisions,
    SchoolAttendance,
    SchoolNotices,
    NoticeForm,
    Created,
    Notices,
    Acknowledged,
    NoticeChange,
    NextForm,
    AckReport,
    Export,
    Shortlists,
    ShortlistBody,
    ShortlistChange,
    SchoolLaw159,
    Law159StepForm,
    PupilLaw159,
    SchoolArs,
    ArsSentForm,
    PupilArs,
}

/// What a request or an answer carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// Nothing described (the document itself).
    Unspecified,
    Json(Schema),
    /// JSON, or with `format=csv` a CSV file.
    JsonOrCsv(Schema),
    /// JSON, or the same fields as a form (the pages' forms, which then get a `303` to `next`,
    /// or an HTML page with the reason).
    JsonOrForm(Schema),
    /// Text of this media type.
    Text(&'static str),
    /// Bytes of this media type.
    Binary(&'static str),
}

/// A request body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestBody {
    pub description: Option<&'static str>,
    pub body: Body,
}

/// One answer of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub description: &'static str,
    pub body: Body,
}

const fn ok(status: u16, description: &'static str, schema: Schema) -> Reply {
    Reply {
        status,
        description,
        body: Body::Json(schema),
    }
}

/// An answer with the API's error shape.
/// The answer when the database does not respond (a D1 failure): nothing was written; retry.
const UNAVAILABLE: &str =
    "Servizio momentaneamente non disponibile: la base dati non risponde, nulla è stato scritto. Riprovare tra poco.";

const fn error(status: u16, description: &'static str) -> Reply {
    Reply {
        status,
        description,
        body: Body::Json(Schema::Error),
    }
}

/// Everything the document says about an operation besides its method and path.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub id: &'static str,
    pub tag: &'static str,
    pub summary: &'static str,
    pub description: Option<&'static str>,
    pub auth: Auth,
    pub params: &'static [Param],
    pub request: Option<RequestBody>,
    /// The operation's own answers; [`Op::replies`] adds the ones every operation of its kind
    /// may give.
    pub replies: &'static [Reply],
}

/// Every operation of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Op {
    Healthz,
    OpenApi,
    AttendanceLimits,
    HostsSearch,
    HostDetail,
    Comuni,
    Ipa,
    Ateco,
    Cp2011,
    DeclarationSubmit,
    DeclarationStatus,
    DeclarationDocument,
    DeclarationSignature,
    DeclarationReview,
    Me,
    ImportsList,
    ImportCreate,
    ImportStatus,
    ImportPart,
    ImportCommit,
    Pupil,
    PupilAbsences,
    PupilAttendance,
    DerogationRequest,
    Justify,
    JustifyMany,
    JustificationDecision,
    DerogationDecision,
    JustificationUndo,
    DerogationUndo,
    PendingRequests,
    SchoolDecisions,
    SchoolAttendance,
    SchoolNotices,
    NoticePublish,
    MyNotices,
    Acknowledge,
    Acknowledgements,
    NoticeWithdraw,
    NoticeReminder,
    Export,
    Shortlists,
    ShortlistAdd,
    ShortlistRemove,
    SchoolLaw159,
    Law159Step,
    SchoolArs,
    ArsSent,
}

const NOT_MANAGED: &str =
    "La scuola non esiste o la persona non ne fa parte come segreteria o dirigente (not_found).";
const IMPORT_NOT_FOUND: &str = "L'importazione non esiste o è di una scuola che la persona non gestisce come segreteria o dirigente (not_found).";
const PUPIL_NOT_FOUND: &str = "L'alunno non esiste o la persona non può vederlo: i tutori vedono i propri figli, i docenti gli alunni delle proprie classi, segreteria e dirigente quelli della scuola (not_found).";
const CONCLUDED: &str = "L'importazione è già conclusa (live o rejected), oppure il calendario è già stato inviato (conflict): crearne una nuova.";
const NOT_STAFF: &str =
    "La scuola non esiste o la persona non ne fa parte come personale (not_found).";
const DECIDE: &str = "Per i docenti della classe dell'alunno, la segreteria e il dirigente. Respingere richiede un motivo dell'elenco, che la famiglia legge. Si decide una volta sola (chi ha deciso può annullare entro 10 minuti); ogni decisione è nella cronologia della scuola e nel registro delle attività (audit log).";
const DECIDE_DEROGA: &str = "Sulle deroghe decide il consiglio di classe con delibera motivata (la documentazione va alla segreteria): la decisione la registrano il coordinatore della classe o il dirigente, con la data del consiglio e la motivazione; per accogliere, la conferma che la segreteria ha ricevuto la documentazione; per respingere, un motivo dell'elenco, che la famiglia legge. Chi ha deciso può annullare entro 10 minuti; ogni decisione è nella cronologia della scuola e nel registro delle attività (audit log).";
const DECIDED: [Reply; 4] = [
    ok(200, "Il nuovo stato.", Schema::Decided),
    error(
        400,
        "Decisione non valida, motivo mancante o non dell'elenco (invalid_field).",
    ),
    error(
        404,
        "La richiesta non esiste o la persona non la decide (not_found).",
    ),
    error(409, "La scuola ha già deciso (conflict)."),
];
const DECIDED_DEROGA: [Reply; 5] = [
    ok(200, "Il nuovo stato.", Schema::Decided),
    error(400, "Decisione non valida; data del consiglio, motivazione, conferma della documentazione o motivo del rifiuto mancante o non valido (invalid_field)."),
    error(403, "La persona vede la richiesta ma non è il coordinatore della classe né il dirigente (forbidden)."),
    error(
        404,
        "La richiesta non esiste o la persona non la vede (not_found).",
    ),
    error(409, "La scuola ha già deciso (conflict)."),
];
const UNDO: &str = "Solo chi ha preso la decisione, entro 10 minuti: la richiesta torna in attesa; la decisione resta nella cronologia, segnata come annullata.";
const UNDONE: [Reply; 3] = [
    ok(200, "Il nuovo stato: in attesa.", Schema::Decided),
    error(
        404,
        "La richiesta non esiste o la persona non la decide (not_found).",
    ),
    error(
        409,
        "Nessuna decisione da annullare, presa da un altro, o passati più di 10 minuti (conflict).",
    ),
];
const SCHOOL: [Param; 1] = [path_id("school_id", "La scuola.")];
const SHORTLIST_NOT_FOUND: &str = "La scuola non esiste o la persona non ne fa parte come personale; oppure la classe non è nell'elenco delle classi della scuola o non è tra quelle della persona (i docenti usano le liste delle proprie classi, segreteria e dirigente tutte); oppure l'ente non è pubblicato (not_found).";
const SHORTLIST_BODY: RequestBody = RequestBody {
    description: Some("La classe e l'ente."),
    body: Body::JsonOrForm(Schema::ShortlistBody),
};
const IMPORT: [Param; 1] = [path_id("id", "L'importazione.")];
const PUPIL: [Param; 1] = [path_id("id", "L'alunno.")];

impl Op {
    pub const ALL: [Op; 48] = [
        Op::Healthz,
        Op::OpenApi,
        Op::AttendanceLimits,
        Op::HostsSearch,
        Op::HostDetail,
        Op::Comuni,
        Op::Ipa,
        Op::Ateco,
        Op::Cp2011,
        Op::DeclarationSubmit,
        Op::DeclarationStatus,
        Op::DeclarationDocument,
        Op::DeclarationSignature,
        Op::DeclarationReview,
        Op::Me,
        Op::ImportsList,
        Op::ImportCreate,
        Op::ImportStatus,
        Op::ImportPart,
        Op::ImportCommit,
        Op::Pupil,
        Op::PupilAbsences,
        Op::PupilAttendance,
        Op::DerogationRequest,
        Op::Justify,
        Op::JustifyMany,
        Op::JustificationDecision,
        Op::DerogationDecision,
        Op::JustificationUndo,
        Op::DerogationUndo,
        Op::PendingRequests,
        Op::SchoolDecisions,
        Op::SchoolAttendance,
        Op::SchoolNotices,
        Op::NoticePublish,
        Op::MyNotices,
        Op::Acknowledge,
        Op::Acknowledgements,
        Op::NoticeWithdraw,
        Op::NoticeReminder,
        Op::Export,
        Op::Shortlists,
        Op::ShortlistAdd,
        Op::ShortlistRemove,
        Op::SchoolLaw159,
        Op::Law159Step,
        Op::SchoolArs,
        Op::ArsSent,
    ];

    pub const fn method(self) -> Method {
        match self {
            Op::DeclarationSubmit
            | Op::DeclarationSignature
            | Op::DeclarationReview
            | Op::ImportCreate
            | Op::ImportPart
            | Op::ImportCommit
            | Op::DerogationRequest
            | Op::Justify
            | Op::JustifyMany
            | Op::JustificationDecision
            | Op::DerogationDecision
            | Op::JustificationUndo
            | Op::DerogationUndo
            | Op::NoticePublish
            | Op::Acknowledge
            | Op::NoticeWithdraw
            | Op::NoticeReminder
            | Op::ShortlistAdd
            | Op::ShortlistRemove
            | Op::Law159Step
            | Op::ArsSent => Method::Post,
            _ => Method::Get,
        }
    }

    /// The path, with `{name}` for each path parameter (axum's syntax, and OpenAPI's).
    pub const fn path(self) -> &'static str {
        match self {
            Op::Healthz => "/healthz",
            Op::OpenApi => "/api/v1/openapi.json",
            Op::AttendanceLimits => "/api/v1/attendance/limits",
            Op::HostsSearch => "/api/v1/hosts",
            Op::HostDetail => "/api/v1/hosts/{id}",
            Op::Comuni => "/api/v1/comuni",
            Op::Ipa => "/api/v1/ipa/{code}",
            Op::Ateco => "/api/v1/ateco/{code}",
            Op::Cp2011 => "/api/v1/cp2011",
            Op::DeclarationSubmit => "/api/v1/declarations",
            Op::DeclarationStatus => "/api/v1/declarations/{code}",
            Op::DeclarationDocument => "/api/v1/declarations/{code}/document",
            Op::DeclarationSignature => "/api/v1/declarations/{code}/signature",
            Op::DeclarationReview => "/api/v1/declarations/{code}/review",
            Op::Me => "/api/v1/me",
            Op::ImportsList | Op::ImportCreate => "/api/v1/schools/{school_id}/imports",
            Op::ImportStatus => "/api/v1/imports/{id}",
            Op::ImportPart => "/api/v1/imports/{id}/parts",
            Op::ImportCommit => "/api/v1/imports/{id}/commit",
            Op::Pupil => "/api/v1/pupils/{id}",
            Op::PupilAbsences => "/api/v1/pupils/{id}/absences",
            Op::PupilAttendance => "/api/v1/pupils/{id}/attendance",
            Op::DerogationRequest => "/api/v1/pupils/{id}/derogations",
            Op::Justify => "/api/v1/absences/{id}/justification",
            Op::JustifyMany => "/api/v1/pupils/{id}/justifications",
            Op::JustificationDecision => "/api/v1/justifications/{id}/decision",
            Op::DerogationDecision => "/api/v1/derogations/{id}/decision",
            Op::JustificationUndo => "/api/v1/justifications/{id}/decision/undo",
            Op::DerogationUndo => "/api/v1/derogations/{id}/decision/undo",
            Op::PendingRequests => "/api/v1/schools/{school_id}/requests",
            Op::SchoolDecisions => "/api/v1/schools/{school_id}/decisions",
            Op::SchoolAttendance => "/api/v1/schools/{school_id}/attendance",
            Op::SchoolNotices | Op::NoticePublish => "/api/v1/schools/{school_id}/notices",
            Op::MyNotices => "/api/v1/notices",
            Op::Acknowledge => "/api/v1/notices/{id}/acknowledgement",
            Op::Acknowledgements => "/api/v1/notices/{id}/acknowledgements",
            Op::NoticeWithdraw => "/api/v1/notices/{id}/withdrawal",
            Op::NoticeReminder => "/api/v1/notices/{id}/reminder",
            Op::Export => "/api/v1/me/export",
            Op::Shortlists | Op::ShortlistAdd => "/api/v1/schools/{school_id}/shortlists",
            Op::ShortlistRemove => "/api/v1/schools/{school_id}/shortlists/removal",
            Op::SchoolLaw159 => "/api/v1/schools/{school_id}/law159",
            Op::Law159Step => "/api/v1/pupils/{id}/law159",
            Op::SchoolArs => "/api/v1/schools/{school_id}/ars",
            Op::ArsSent => "/api/v1/pupils/{id}/ars",
        }
    }

    /// Whether the worker answers it. The document itself is a static file written by the
    /// build, which Workers Assets serves before the worker runs.
    pub const fn routed(self) -> bool {
        !matches!(self, Op::OpenApi)
    }

    /// The answers every operation of this kind may give besides its own; the operation's
    /// own (with its own description) win.
    pub fn replies(self) -> Vec<Reply> {
        let spec = self.spec();
        let mut all = spec.replies.to_vec();
        let mut add = |r: Reply| {
            if !all.iter().any(|a| a.status == r.status) {
                all.push(r);
            }
        };
        match (spec.auth, self.method()) {
            _ if matches!(self, Op::Healthz | Op::OpenApi) => {}
            (Auth::Session, method) => {
                // A body or a query to read is one that can be malformed (found by the contract
                // probe: a commit given `[null, null]` answered an undocumented 400).
                if spec.request.is_some() || spec.params.iter().any(|p| matches!(p.at, In::Query)) {
                    add(error(400, "Corpo o parametro non valido."));
                }
                add(error(
                    401,
                    "Nessuna sessione attiva (unauthenticated): accedere con SPID o CIE.",
                ));
                if method == Method::Post {
                    add(error(403, "Richiesta rifiutata (csrf_rejected): manca il token CSRF della sessione nell'intestazione X-CSRF-Token, oppure la richiesta proviene da un'altra origine."));
                }
                add(error(500, "Errore interno."));
                add(error(503, UNAVAILABLE));
            }
            (Auth::Public, _) => {
                add(error(400, "Parametro non valido, sconosciuto o ripetuto."));
                add(error(500, "Errore interno."));
                add(error(503, UNAVAILABLE));
            }
        }
        if matches!(
            spec.request.map(|r| r.body),
            Some(Body::Json(_) | Body::JsonOrForm(_))
        ) {
            add(error(
                415,
                "Il corpo non è del tipo previsto (unsupported_media_type): application/json, o per i moduli application/x-www-form-urlencoded.",
            ));
        }
        all.sort_by_key(|r| r.status);
        all
    }

    /// What the document says about the operation.
    pub const fn spec(self) -> Spec {
        const NONE: Spec = Spec {
            id: "",
            tag: "",
            summary: "",
            description: None,
            auth: Auth::Public,
            params: const { &[] },
            request: None,
            replies: const { &[] },
        };
        match self {
            Op::Healthz => Spec {
                id: "healthz",
                tag: "servizio",
                summary: "Stato del servizio",
                replies: const { &[ok(200, "In funzione.", Schema::Health)] },
                ..NONE
            },
            Op::OpenApi => Spec {
                id: "openapi",
                tag: "servizio",
                summary: "Questo documento",
                description: Some("Un file statico scritto da `cargo xtask build` dalla tabella delle operazioni e dai tipi di domain."),
                replies: const { &[Reply {
                    status: 200,
                    description: "Documento OpenAPI 3.1.",
                    body: Body::Unspecified,
                }] },
                ..NONE
            },
            Op::AttendanceLimits => Spec {
                id: "attendanceLimits",
                tag: "scuola",
                summary: "Limiti di assenza per la validità dell'anno scolastico (regola dei 3/4)",
                params: const { &[
                    required(query(
                        "weekly_hours",
                        "Ore di lezione settimanali.",
                        Value::Integer {
                            min: 1,
                            max: Some(60),
                            default: None,
                        },
                    )),
                    query(
                        "weeks",
                        "Settimane di lezione (33 se omesso).",
                        Value::Integer {
                            min: 1,
                            max: Some(52),
                            default: Some(33),
                        },
                    ),
                    query(
                        "daily_hours",
                        "Ore in un giorno di lezione, per esprimere il limite in giorni interi.",
                        Value::Integer {
                            min: 1,
                            max: Some(12),
                            default: None,
                        },
                    ),
                ] },
                replies: const { &[ok(200, "Limiti.", Schema::Limits)] },
                ..NONE
            },
            Op::HostsSearch => Spec {
                id: "hostsSearch",
                tag: "enti",
                summary: "Ricerca dei profili pubblicati degli enti ospitanti",
                params: &HOSTS_PARAMS,
                replies: const { &[
                    ok(200, "Una pagina di risultati.", Schema::SearchPage),
                    error(429, "Troppe ricerche in poco tempo da questo indirizzo (rate_limited); Retry-After dice quando riprovare."),
                ] },
                ..NONE
            },
            Op::HostDetail => Spec {
                id: "hostDetail",
                tag: "enti",
                summary: "Un profilo pubblicato, con i contatti",
                params: const { &[path_id("id", "L'ente.")] },
                replies: const { &[
                    ok(200, "Il profilo.", Schema::HostDetail),
                    error(404, "Non esiste o non è pubblicato."),
                ] },
                ..NONE
            },
            Op::Comuni => Spec {
                id: "comuni",
                tag: "enti",
                summary: "Comuni di una provincia (per i filtri)",
                params: const { &[required(query(
                    "province",
                    "Sigla della provincia.",
                    Value::Text {
                        pattern: Some("^[A-Za-z]{2}$"),
                        max_length: None,
                    },
                ))] },
                replies: const { &[ok(200, "I comuni, in ordine alfabetico.", Schema::Comuni)] },
                ..NONE
            },
            Op::Ipa => Spec {
                id: "ipaEnte",
                tag: "pubblicazione",
                summary: "Un ente dell'Indice delle Pubbliche Amministrazioni, per precompilare il profilo",
                description: Some("Per codice iPA o Codice Univoco Ufficio (maiuscole e minuscole indifferenti)."),
                params: const { &[Param {
                    name: "code",
                    at: In::Path,
                    required: true,
                    description: "Codice iPA o Codice Univoco Ufficio.",
                    value: Value::Text {
                        pattern: Some("^[A-Za-z0-9_]{1,20}$"),
                        max_length: None,
                    },
                }] },
                replies: const { &[
                    ok(200, "L'ente.", Schema::IpaEnte),
                    error(404, "Il codice non è nell'IPA (not_found, field ipa_code)."),
                ] },
                ..NONE
            },
            Op::Ateco => Spec {
                id: "atecoEntry",
                tag: "pubblicazione",
                summary: "Una voce della classificazione ATECO 2025, per dire che cosa indica un codice mentre si scrive",
                params: const { &[Param {
                    name: "code",
                    at: In::Path,
                    required: true,
                    description: "Il codice: 62, 62.1, 62.10, 62.10.0 o 62.10.00.",
                    value: Value::Text {
                        pattern: Some("^[0-9]{2}(\\.[0-9]{1,2}(\\.[0-9]{1,2})?)?$"),
                        max_length: Some(8),
                    },
                }] },
                replies: const { &[
                    ok(200, "La voce.", Schema::AtecoEntry),
                    error(404, "Il codice non ha la forma di un codice ATECO o non è nella classificazione ATECO 2025 (not_found, field ateco)."),
                ] },
                ..NONE
            },
            Op::Cp2011 => Spec {
                id: "cp2011Search",
                tag: "pubblicazione",
                summary: "Ricerca delle figure professionali CP 2011 per titolo (a ogni livello)",
                params: const { &[required(query(
                    "q",
                    "Parole del titolo, anche iniziali (bibliotec).",
                    Value::Text {
                        pattern: None,
                        max_length: Some(200),
                    },
                ))] },
                replies: const { &[ok(
                    200,
                    "Fino a 20 voci, prima i livelli superiori.",
                    Schema::Cp2011List,
                )] },
                ..NONE
            },
            Op::DeclarationSubmit => Spec {
                id: "declarationSubmit",
                tag: "pubblicazione",
                summary: "Invio del profilo: rilascia il codice della dichiarazione",
                description: Some("Il profilo è verificato per intero (ogni errore con il suo campo in `errors`); l'informativa deve essere accettata nella versione in vigore. Nulla è pubblicato finché la dichiarazione non è confermata: PEC dall'indirizzo registrato con il codice nell'oggetto (enti pubblici, professionisti, enti privati) oppure firma digitale CAdES del legale rappresentante (imprese)."),
                request: Some(RequestBody {
                    description: None,
                    body: Body::Json(Schema::Submission),
                }),
                replies: const { &[
                    ok(
                        201,
                        "La dichiarazione e le istruzioni per confermarla.",
                        Schema::Declaration,
                    ),
                    Reply {
                        status: 400,
                        description: "Corpo non valido, oppure profilo non valido: `error` è il primo errore, `errors` (se presente) li elenca tutti.",
                        body: Body::Json(Schema::ProfileErrors),
                    },
                    error(
                        409,
                        "È in corso la pubblicazione di un profilo dello stesso soggetto (conflict).",
                    ),
                    error(413, "Corpo della richiesta troppo grande (payload_too_large)."),
                    error(429, "Troppi invii in poco tempo (rate_limited)."),
                ] },
                ..NONE
            },
            Op::DeclarationStatus => Spec {
                id: "declarationStatus",
                tag: "pubblicazione",
                summary: "Lo stato di una dichiarazione",
                params: const { &[CODE] },
                replies: const { &[
                    ok(200, "Lo stato.", Schema::DeclarationStatus),
                    error(404, "Nessuna dichiarazione con questo codice."),
                ] },
                ..NONE
            },
            Op::DeclarationDocument => Spec {
                id: "declarationDocument",
                tag: "pubblicazione",
                summary: "La dichiarazione da firmare digitalmente (imprese)",
                params: const { &[CODE] },
                replies: const { &[
                    Reply {
                        status: 200,
                        description: "Testo UTF-8 con il codice, da firmare in formato CAdES (.p7m).",
                        body: Body::Text("text/plain"),
                    },
                    error(
                        404,
                        "Nessuna dichiarazione con firma digitale con questo codice.",
                    ),
                ] },
                ..NONE
            },
            Op::DeclarationSignature => Spec {
                id: "declarationSignature",
                tag: "pubblicazione",
                summary: "Il file firmato (CAdES .p7m) che conferma la dichiarazione di un'impresa",
                description: Some("Si verificano la firma, che il contenuto sia byte per byte il documento della dichiarazione di questo codice e che il firmatario (serialNumber TINIT-codice fiscale del certificato) sia la persona indicata nel documento; il certificato deve essere qualificato (emesso da una CA dell'elenco nazionale AgID, non ripudio, dichiarazioni QC), valido e non revocato alla data di firma (CRL). Se il Registro delle imprese conferma il firmatario tra i legali rappresentanti il profilo è pubblicato (200); altrimenti, se il registro non risponde, o se la revoca del certificato non si può verificare (lista di revoca non disponibile: review_reason revocation_unknown), la dichiarazione attende la verifica di un operatore (202, status review)."),
                params: const { &[CODE] },
                request: Some(RequestBody {
                    description: None,
                    body: Body::Binary("application/pkcs7-mime"),
                }),
                replies: const { &[
                    ok(200, "Pubblicato.", Schema::Published),
                    ok(202, "In attesa della verifica di un operatore.", Schema::Published),
                    error(400, "Firma rifiutata: non leggibile, contenuto o firmatario diversi (invalid_field); certificato non qualificato (not_qualified), revocato o sospeso alla data di firma (certificate_revoked)."),
                    error(404, "Nessuna dichiarazione con questo codice."),
                    error(409, "Codice già usato o scaduto (conflict)."),
                    error(413, "File oltre la dimensione ammessa (payload_too_large)."),
                    error(429, "Troppi caricamenti in poco tempo (rate_limited)."),
                ] },
                ..NONE
            },
            Op::DeclarationReview => Spec {
                id: "declarationReview",
                tag: "pubblicazione",
                summary: "La decisione di un operatore di Ponte su una dichiarazione in verifica",
                description: Some("Solo per gli operatori di Ponte (codici fiscali nella configurazione PONTE_OPERATORS, con accesso SPID o CIE). Una dichiarazione la cui conferma il registro di riferimento non ha confermato (status review) è pubblicata (approve) o rifiutata (refuse) con una motivazione; la decisione è nel registro delle verifiche (review_log)."),
                auth: Auth::Session,
                params: const { &[CODE] },
                request: Some(RequestBody {
                    description: Some("La decisione e la motivazione."),
                    body: Body::JsonOrForm(Schema::ReviewForm),
                }),
                replies: const { &[
                    ok(200, "Pubblicata (published) o rifiutata (refused).", Schema::Published),
                    error(400, "Decisione o motivazione non valida (invalid_field)."),
                    error(404, "Nessuna dichiarazione con questo codice, o la persona non è un operatore (not_found)."),
                    error(409, "La dichiarazione non è in verifica (conflict)."),
                ] },
            },
            Op::Me => Spec {
                id: "me",
                tag: "accesso",
                summary: "La persona che ha effettuato l'accesso, i suoi ruoli e il token CSRF",
                description: Some("I ruoli sono letti a ogni richiesta dai dati importati dalla scuola (tutori e personale). Il csrf_token va inviato nell'intestazione X-CSRF-Token di ogni richiesta POST."),
                auth: Auth::Session,
                replies: const { &[ok(200, "La persona.", Schema::Me)] },
                ..NONE
            },
            Op::ImportsList => Spec {
                id: "importsList",
                tag: "scuola",
                summary: "Le importazioni di una scuola, dalla più recente (al più 30)",
                description: Some("Solo per la segreteria e il dirigente della scuola."),
                auth: Auth::Session,
                params: &SCHOOL,
                replies: const { &[
                    ok(200, "Le importazioni.", Schema::ImportList),
                    error(404, NOT_MANAGED),
                ] },
                ..NONE
            },
            Op::ImportCreate => Spec {
                id: "importCreate",
                tag: "scuola",
                summary: "Avvia l'importazione di un file del registro",
                description: Some("Crea un'importazione in stato staging; il file si invia poi in parti (POST /api/v1/imports/{id}/parts) e si rende effettivo con POST /api/v1/imports/{id}/commit. Solo per la segreteria e il dirigente della scuola. Formati dei file: docs/imports.md."),
                auth: Auth::Session,
                params: &SCHOOL,
                request: Some(RequestBody {
                    description: Some("Al più 16 KB."),
                    body: Body::Json(Schema::NewImport),
                }),
                replies: const { &[
                    ok(201, "L'importazione, in stato staging.", Schema::Import),
                    error(400, "Corpo non valido, tipo di file sconosciuto, nome o dimensione del file fuori dai limiti (invalid_field)."),
                    error(404, NOT_MANAGED),
                    error(413, "Corpo della richiesta oltre 16 KB (payload_too_large)."),
                ] },
            },
            Op::ImportStatus => Spec {
                id: "importStatus",
                tag: "scuola",
                summary: "Stato di un'importazione, con tutti gli errori trovati finora",
                auth: Auth::Session,
                params: &IMPORT,
                replies: const { &[
                    ok(200, "L'importazione.", Schema::Import),
                    error(404, IMPORT_NOT_FOUND),
                ] },
                ..NONE
            },
            Op::ImportPart => Spec {
                id: "importPart",
                tag: "scuola",
                summary: "Invia una parte del file",
                description: Some("Ogni parte inizia con la riga d'intestazione del file e contiene record interi (al più 640 KB; il browser taglia a 512 KB). Le righe valide sono messe da parte, gli errori si aggiungono a quelli dell'importazione; gli errori della riga 1 (intestazione) e gli avvisi tornano con ogni parte. Il calendario si invia in un'unica parte."),
                auth: Auth::Session,
                params: const { &[
                    path_id("id", "L'importazione."),
                    query(
                        "first_line",
                        "Riga del file originale su cui inizia il primo record dopo l'intestazione (2 se omesso).",
                        Value::Integer {
                            min: 2,
                            max: Some(u32::MAX as i64),
                            default: Some(2),
                        },
                    ),
                ] },
                request: Some(RequestBody {
                    description: Some("Testo UTF-8 della parte, intestazione compresa."),
                    body: Body::Text("text/csv"),
                }),
                replies: const { &[
                    ok(200, "Esito della parte.", Schema::PartOutcome),
                    error(400, "first_line non valido, parametro sconosciuto o ripetuto, parte vuota, oppure le parti inviate superano la dimensione dichiarata del file."),
                    error(404, IMPORT_NOT_FOUND),
                    error(409, CONCLUDED),
                    error(413, "Parte oltre 640 KB (payload_too_large)."),
                ] },
            },
            Op::ImportCommit => Spec {
                id: "importCommit",
                tag: "scuola",
                summary: "Rende effettiva un'importazione, in un unico passo",
                description: Some("Se nessuna parte ha errori (e non ci sono righe duplicate tra le parti né classi ancora usate da alunni), i dati della scuola diventano uguali al file, in un'unica operazione atomica. Altrimenti non si scrive nulla e la risposta elenca ogni riga da correggere."),
                auth: Auth::Session,
                params: &IMPORT,
                request: Some(RequestBody {
                    description: Some("Facoltativo (anche vuoto): {\"confirm_deletions\": true} conferma l'eliminazione di molti alunni."),
                    body: Body::Json(Schema::CommitOptions),
                }),
                replies: const { &[
                    ok(200, "L'importazione, in stato live, con il riepilogo (summary). Un secondo commit risponde lo stesso, senza scrivere nulla.", Schema::Import),
                    error(404, IMPORT_NOT_FOUND),
                    ok(409, "Una parte è ancora in arrivo, oppure l'importazione si sta applicando (conflict); oppure il file di alunni ne eliminerebbe più del 10 % o più di 20 e la richiesta non lo conferma: deletions elenca chi (cognome, nome, classe).", Schema::ImportConflict),
                    ok(422, "Il file ha errori: non è stato importato nulla (import_rejected); l'importazione, in stato rejected, elenca ogni riga da correggere.", Schema::ImportRejected),
                ] },
            },
            Op::Pupil => Spec {
                id: "pupil",
                tag: "scuola",
                summary: "Un alunno",
                auth: Auth::Session,
                params: &PUPIL,
                replies: const { &[ok(200, "L'alunno.", Schema::Pupil), error(404, PUPIL_NOT_FOUND)] },
                ..NONE
            },
            Op::PupilAbsences => Spec {
                id: "pupilAbsences",
                tag: "scuola",
                summary: "Le assenze di un alunno, come importate dal registro",
                auth: Auth::Session,
                params: &PUPIL,
                replies: const { &[
                    ok(200, "Le assenze, per data e tipo.", Schema::PupilAbsences),
                    error(404, PUPIL_NOT_FOUND),
                ] },
                ..NONE
            },
            Op::PupilAttendance => Spec {
                id: "pupilAttendance",
                tag: "famiglie",
                summary: "La situazione delle assenze di un alunno: cruscotto, assenze, deroghe",
                description: Some("Calcolata dal motore di domain con il regolamento della scuola (seed 003/004), alla data del giorno. Per i tutori dell'alunno, i docenti della classe, segreteria e dirigente."),
                auth: Auth::Session,
                params: &PUPIL,
                replies: const { &[
                    ok(200, "La situazione.", Schema::ChildPosition),
                    error(404, PUPIL_NOT_FOUND),
                    error(409, "La scuola non ha ancora inviato classi o calendario (conflict)."),
                ] },
                ..NONE
            },
            Op::DerogationRequest => Spec {
                id: "derogationRequest",
                tag: "famiglie",
                summary: "Un tutore chiede una deroga",
                description: Some("Categoria adottata dalla scuola e date nell'anno scolastico; nessun documento: si consegnano in segreteria. Solo per i tutori dell'alunno."),
                auth: Auth::Session,
                params: &PUPIL,
                request: Some(RequestBody {
                    description: Some("La richiesta."),
                    body: Body::JsonOrForm(Schema::DerogationForm),
                }),
                replies: const { &[
                    ok(201, "La richiesta, in attesa.", Schema::DerogationRequest),
                    error(400, "Categoria o date non valide (invalid_field)."),
                    error(404, PUPIL_NOT_FOUND),
                    error(409, "La stessa richiesta (categoria e periodo) è già stata inviata, oppure l'alunno ha già il massimo di richieste in attesa (conflict)."),
                ] },
            },
            Op::Justify => Spec {
                id: "justify",
                tag: "famiglie",
                summary: "Un tutore giustifica un'assenza",
                description: Some("Il motivo si sceglie da un elenco fisso (nessun dettaglio sulla salute). Una giustificazione respinta si può inviare di nuovo."),
                auth: Auth::Session,
                params: const { &[path_id("id", "L'assenza.")] },
                request: Some(RequestBody {
                    description: Some("Il motivo."),
                    body: Body::JsonOrForm(Schema::JustificationForm),
                }),
                replies: const { &[
                    ok(201, "La giustificazione, in attesa.", Schema::Justification),
                    error(400, "Motivo non nell'elenco, o assenza futura (invalid_field)."),
                    error(404, "L'assenza non esiste o non è di un figlio della persona (not_found)."),
                    error(409, "Assenza già giustificata, o giustificazione già inviata (conflict)."),
                ] },
            },
            Op::JustifyMany => Spec {
                id: "justifyMany",
                tag: "famiglie",
                summary: "Un tutore giustifica più assenze di un figlio con un solo motivo",
                description: Some("Tutte le assenze scelte o nessuna: se una non si può giustificare (già giustificata, già inviata, futura, coperta da una deroga accolta, non di questo alunno) non viene inviata nessuna giustificazione. Al più 200 assenze per volta."),
                auth: Auth::Session,
                params: const { &[path_id("id", "L'alunno.")] },
                request: Some(RequestBody {
                    description: Some("Le assenze e il motivo."),
                    body: Body::JsonOrForm(Schema::JustificationsForm),
                }),
                replies: const { &[
                    ok(201, "Le giustificazioni, in attesa.", Schema::Justifications),
                    error(400, "Nessuna assenza scelta, troppe, o motivo non nell'elenco (invalid_field)."),
                    error(404, "L'alunno o un'assenza non esiste o non è di un figlio della persona (not_found)."),
                    error(409, "Un'assenza non si può giustificare (conflict): nessuna è stata inviata."),
                ] },
            },
            Op::JustificationDecision => Spec {
                id: "justificationDecision",
                tag: "scuola",
                summary: "La decisione della scuola su una giustificazione",
                description: Some(DECIDE),
                auth: Auth::Session,
                params: const { &[path_id("id", "La giustificazione.")] },
                request: Some(RequestBody {
                    description: Some("La decisione."),
                    body: Body::JsonOrForm(Schema::DecisionForm),
                }),
                replies: &DECIDED,
            },
            Op::DerogationDecision => Spec {
                id: "derogationDecision",
                tag: "scuola",
                summary: "La decisione della scuola su una richiesta di deroga",
                description: Some(DECIDE_DEROGA),
                auth: Auth::Session,
                params: const { &[path_id("id", "La richiesta di deroga.")] },
                request: Some(RequestBody {
                    description: Some("La decisione del consiglio di classe."),
                    body: Body::JsonOrForm(Schema::DerogationDecisionForm),
                }),
                replies: &DECIDED_DEROGA,
            },
            Op::JustificationUndo => Spec {
                id: "justificationUndo",
                tag: "scuola",
                summary: "Annulla la decisione appena presa su una giustificazione",
                description: Some(UNDO),
                auth: Auth::Session,
                params: const { &[path_id("id", "La giustificazione.")] },
                request: Some(RequestBody {
                    description: Some("Solo per i moduli: la pagina a cui tornare."),
                    body: Body::JsonOrForm(Schema::NextForm),
                }),
                replies: &UNDONE,
            },
            Op::DerogationUndo => Spec {
                id: "derogationUndo",
                tag: "scuola",
                summary: "Annulla la decisione appena registrata su una richiesta di deroga",
                description: Some(UNDO),
                auth: Auth::Session,
                params: const { &[path_id("id", "La richiesta di deroga.")] },
                request: Some(RequestBody {
                    description: Some("Solo per i moduli: la pagina a cui tornare."),
                    body: Body::JsonOrForm(Schema::NextForm),
                }),
                replies: &UNDONE,
            },
            Op::SchoolAttendance => Spec {
                id: "schoolAttendance",
                tag: "scuola",
                summary: "La frequenza degli alunni: ore contate, massimo, residuo, previsione, situazione",
                description: Some("Le stesse cifre del cruscotto della famiglia, alunno per alunno. I docenti vedono le proprie classi; segreteria e dirigente la scuola. format=csv per il foglio di calcolo."),
                auth: Auth::Session,
                params: const { &[
                    path_id("school_id", "La scuola."),
                    query("classe", "Solo questa classe.", Value::Text { pattern: None, max_length: Some(20) }),
                    query("ordine", "Solo questo ordine di scuola.", Value::OneOf(&["primaria", "secondaria_primo_grado", "secondaria_secondo_grado"])),
                    query("stato", "Solo questa situazione.", Value::OneOf(&["regolare", "vicino", "oltre", "soglia", "legge159", "elusione"])),
                    query("ordina", "L'ordine (predefinito: classe).", Value::OneOf(&["classe", "assenze", "residuo", "nome"])),
                    FORMAT,
                ] },
                replies: const { &[
                    Reply {
                        status: 200,
                        description: "Gli alunni.",
                        body: Body::JsonOrCsv(Schema::SchoolAttendance),
                    },
                    error(400, "Parametro non valido (invalid_field, unknown_parameter, duplicate_parameter)."),
                    error(404, NOT_STAFF),
                ] },
                ..NONE
            },
            Op::SchoolDecisions => Spec {
                id: "schoolDecisions",
                tag: "scuola",
                summary: "La cronologia delle decisioni su giustificazioni e deroghe, dalla più recente",
                description: Some("I docenti vedono quelle delle proprie classi; segreteria e dirigente tutte. Comprese quelle annullate, segnate. 100 per volta: `before` dà le precedenti."),
                auth: Auth::Session,
                params: const { &[
                    path_id("school_id", "La scuola."),
                    query(
                        "before",
                        "Le decisioni prima di questa (il `next_before` della pagina precedente).",
                        Value::Integer { min: 1, max: None, default: None },
                    ),
                ] },
                replies: const { &[
                    ok(200, "Le decisioni.", Schema::SchoolDecisions),
                    error(404, NOT_STAFF),
                ] },
                ..NONE
            },
            Op::PendingRequests => Spec {
                id: "pendingRequests",
                tag: "scuola",
                summary: "Giustificazioni e richieste di deroga in attesa, dalla più vecchia",
                description: Some("I docenti vedono quelle delle proprie classi; segreteria e dirigente tutte."),
                auth: Auth::Session,
                params: &SCHOOL,
                replies: const { &[
                    ok(200, "Le richieste.", Schema::PendingRequests),
                    error(404, NOT_STAFF),
                ] },
                ..NONE
            },
            Op::SchoolNotices => Spec {
                id: "schoolNotices",
                tag: "scuola",
                summary: "Gli avvisi della scuola con le prese visione",
                auth: Auth::Session,
                params: &SCHOOL,
                replies: const { &[
                    ok(200, "Gli avvisi, dal più recente.", Schema::SchoolNotices),
                    error(404, NOT_STAFF),
                ] },
                ..NONE
            },
            Op::NoticePublish => Spec {
                id: "noticePublish",
                tag: "scuola",
                summary: "Pubblica un avviso alle famiglie",
                description: Some("Per segreteria e dirigente. Destinatari: tutta la scuola, un ordine di scuola, classi o alunni; con o senza richiesta di presa visione. Nel registro delle attività."),
                auth: Auth::Session,
                params: &SCHOOL,
                request: Some(RequestBody {
                    description: Some("L'avviso."),
                    body: Body::JsonOrForm(Schema::NoticeForm),
                }),
                replies: const { &[
                    ok(201, "L'avviso.", Schema::Created),
                    error(400, "Campo non valido (invalid_field)."),
                    error(404, NOT_MANAGED),
                ] },
            },
            Op::MyNotices => Spec {
                id: "myNotices",
                tag: "famiglie",
                summary: "Gli avvisi per i figli della persona, prima quelli da leggere",
                auth: Auth::Session,
                replies: const { &[ok(200, "Gli avvisi.", Schema::Notices)] },
                ..NONE
            },
            Op::Acknowledge => Spec {
                id: "acknowledge",
                tag: "famiglie",
                summary: "Presa visione di un avviso",
                description: Some("Registra chi e quando, una volta, per ciascuno dei figli della persona a cui l'avviso è rivolto."),
                auth: Auth::Session,
                params: const { &[path_id("id", "L'avviso.")] },
                replies: const { &[
                    ok(201, "Registrata.", Schema::Acknowledged),
                    error(404, "L'avviso non esiste o non è rivolto ai figli della persona (not_found)."),
                    error(409, "Presa visione già registrata, o non richiesta (conflict)."),
                ] },
                ..NONE
            },
            Op::NoticeWithdraw => Spec {
                id: "noticeWithdraw",
                tag: "scuola",
                summary: "La scuola ritira un avviso",
                description: Some("Per segreteria e dirigente della scuola. L'avviso resta nel registro, segnato come ritirato: le famiglie lo vedono come tale e non devono più prenderne visione."),
                auth: Auth::Session,
                params: const { &[path_id("id", "L'avviso.")] },
                request: Some(RequestBody {
                    description: Some("Solo per i moduli: la pagina a cui tornare."),
                    body: Body::JsonOrForm(Schema::NextForm),
                }),
                replies: const { &[
                    ok(200, "Ritirato.", Schema::NoticeChange),
                    error(404, "L'avviso non esiste o è di una scuola che la persona non gestisce (not_found)."),
                    error(409, "Già ritirato (conflict)."),
                ] },
            },
            Op::NoticeReminder => Spec {
                id: "noticeReminder",
                tag: "scuola",
                summary: "Un promemoria a chi non ha preso visione",
                description: Some("Per segreteria e dirigente della scuola. L'avviso torna «da leggere» per le famiglie che non ne hanno preso visione, con la data del promemoria. Al più uno ogni 24 ore."),
                auth: Auth::Session,
                params: const { &[path_id("id", "L'avviso.")] },
                request: Some(RequestBody {
                    description: Some("Solo per i moduli: la pagina a cui tornare."),
                    body: Body::JsonOrForm(Schema::NextForm),
                }),
                replies: const { &[
                    ok(200, "Promemoria inviato.", Schema::NoticeChange),
                    error(404, "L'avviso non esiste o è di una scuola che la persona non gestisce (not_found)."),
                    error(409, "Avviso ritirato, senza presa visione, già visto da tutti, o promemoria già inviato nelle ultime 24 ore (conflict)."),
                ] },
            },
            Op::Acknowledgements => Spec {
                id: "acknowledgements",
                tag: "scuola",
                summary: "Chi ha preso visione e chi no, per classe",
                description: Some("Per segreteria e dirigente della scuola. format=csv per il foglio di calcolo."),
                auth: Auth::Session,
                params: const { &[path_id("id", "L'avviso."), FORMAT] },
                replies: const { &[
                    Reply {
                        status: 200,
                        description: "Il riepilogo e l'elenco.",
                        body: Body::JsonOrCsv(Schema::AckReport),
                    },
                    error(400, "Formato non valido (invalid_field)."),
                    error(404, "L'avviso non esiste o è di una scuola che la persona non gestisce (not_found)."),
                ] },
                ..NONE
            },
            Op::Export => Spec {
                id: "export",
                tag: "famiglie",
                summary: "Tutti i dati della famiglia (portabilità)",
                description: Some("Per i tutori: la persona, i figli con cruscotto, assenze, giustificazioni e deroghe, gli avvisi con letture e prese visione."),
                auth: Auth::Session,
                params: const { &[FORMAT] },
                replies: const { &[
                    Reply {
                        status: 200,
                        description: "Il file.",
                        body: Body::JsonOrCsv(Schema::Export),
                    },
                    error(400, "Formato non valido (invalid_field)."),
                    error(404, "La persona non è tutore di alcun alunno (not_found)."),
                ] },
                ..NONE
            },
            Op::Shortlists => Spec {
                id: "shortlists",
                tag: "scuola",
                summary: "Le liste di enti della scuola, una per classe",
                description: Some("Ogni classe di cui la persona usa la lista (i docenti le proprie classi, segreteria e dirigente tutte le classi della scuola), con gli enti aggiunti, dal primo: nome, dati della ricerca, contatti, chi l'ha aggiunto e quando. Un ente non più pubblicato resta nella lista (published false, con il nome che aveva) finché qualcuno non lo toglie. class limita a una classe; format=csv per il foglio di calcolo."),
                auth: Auth::Session,
                params: const { &[
                    path_id("school_id", "La scuola."),
                    query(
                        "class",
                        "Solo la lista di questa classe.",
                        Value::Text {
                            pattern: Some("^[A-Za-z0-9]{1,10}$"),
                            max_length: Some(10),
                        },
                    ),
                    FORMAT,
                ] },
                replies: const { &[
                    Reply {
                        status: 200,
                        description: "Le liste.",
                        body: Body::JsonOrCsv(Schema::Shortlists),
                    },
                    error(400, "Formato o classe non validi (invalid_field)."),
                    error(404, SHORTLIST_NOT_FOUND),
                ] },
                ..NONE
            },
            Op::ShortlistAdd => Spec {
                id: "shortlistAdd",
                tag: "scuola",
                summary: "Aggiunge un ente alla lista di una classe",
                description: Some("Per chi usa la lista della classe. Aggiungere un ente già presente non cambia nulla (200). Nel registro delle attività."),
                auth: Auth::Session,
                params: &SCHOOL,
                request: Some(SHORTLIST_BODY),
                replies: const { &[
                    ok(200, "L'ente era già nella lista: nulla è cambiato.", Schema::ShortlistChange),
                    ok(201, "Aggiunto.", Schema::ShortlistChange),
                    error(400, "Classe o ente non validi (invalid_field)."),
                    error(404, SHORTLIST_NOT_FOUND),
                ] },
            },
            Op::ShortlistRemove => Spec {
                id: "shortlistRemove",
                tag: "scuola",
                summary: "Toglie un ente dalla lista di una classe",
                description: Some("Per chi usa la lista della classe; anche un ente non più pubblicato. Togliere un ente che non è nella lista non cambia nulla. Nel registro delle attività."),
                auth: Auth::Session,
                params: &SCHOOL,
                request: Some(SHORTLIST_BODY),
                replies: const { &[
                    ok(200, "Tolto, o non c'era (changed false).", Schema::ShortlistChange),
                    error(400, "Classe o ente non validi (invalid_field)."),
                    error(
                        404,
                        "La scuola non esiste o la persona non ne fa parte come personale, oppure la classe non è tra quelle di cui usa la lista (not_found).",
                    ),
                ] },
            },
            Op::SchoolLaw159 => Spec {
                id: "schoolLaw159",
                tag: "scuola",
                summary: "I casi della legge 159/2023 (art. 12): alunni, passi, scadenze",
                description: Some("Per gli alunni in età di obbligo di istruzione (data di nascita, o in mancanza l'ordine e l'anno di corso) ancora iscritti: ogni caso (più di 15 giorni di assenza non giustificata in tre mesi) con il suo stato, i passi registrati e il prossimo con la sua data; l'elusione (un quarto del monte ore personalizzato) a parte. I docenti vedono le proprie classi; segreteria e dirigente la scuola."),
                auth: Auth::Session,
                params: &SCHOOL,
                replies: const { &[
                    ok(200, "Gli alunni con almeno un caso, il più urgente primo.", Schema::SchoolLaw159),
                    error(404, NOT_STAFF),
                ] },
                ..NONE
            },
            Op::Law159Step => Spec {
                id: "law159Step",
                tag: "scuola",
                summary: "Registra un passo di un caso della legge 159/2023",
                description: Some("La comunicazione alla famiglia (lettera, o avviso in Ponte di cui la famiglia prende visione), la segnalazione al sindaco (dopo i 7 giorni senza ripresa della frequenza), la chiusura con un motivo, la segnalazione dell'elusione; e, accanto alla procedura, l'informativa alla famiglia sui ritardi reiterati in ingresso (avviso in Ponte con presa visione, quando i ritardi raggiungono la soglia della scuola). Per il personale che vede l'alunno (i docenti: le proprie classi); le segnalazioni al sindaco solo segreteria e dirigente. Un passo alla volta, nell'ordine della legge; ogni passo è nel registro delle attività (audit log). Di due passi inviati insieme sullo stesso stato del caso, il secondo non scrive nulla ed è un conflitto. Chi ha registrato un passo per errore lo annulla (`undo`) entro 10 minuti, se è l'ultimo del caso: l'avviso in Ponte che aveva inviato viene ritirato."),
                auth: Auth::Session,
                params: &PUPIL,
                request: Some(RequestBody {
                    description: Some("Il passo, il caso, la data e i suoi dati."),
                    body: Body::JsonOrForm(Schema::Law159StepForm),
                }),
                replies: const { &[
                    ok(200, "I casi dell'alunno dopo il passo.", Schema::PupilLaw159),
                    error(400, "Passo, caso, data, canale o motivo non validi (invalid_field)."),
                    error(403, "La segnalazione al sindaco è della segreteria e del dirigente (forbidden)."),
                    error(404, "L'alunno o il caso non esiste, o la persona non vede l'alunno come personale della scuola (not_found)."),
                    error(409, "Il passo non è previsto nello stato attuale del caso, o un altro passo dello stesso caso è stato appena registrato (conflict)."),
                ] },
            },
            Op::SchoolArs => Spec {
                id: "schoolArs",
                tag: "scuola",
                summary: "Le comunicazioni all'Anagrafe Regionale degli Studenti (ARS): alunni, comunicazioni, scadenze",
                description: Some("Per le regioni con un calendario ARS caricato (il Veneto: nota della Regione e dell'USR, Tabella 1). Gli alunni di secondaria di primo e secondo grado che Ponte rileva dal file alunni e dal registro: abbandono non formale, ritiro formale prima o dopo il 15/03, iscritto ma non presente ad inizio anno, esito negativo e non prosegue gli studi, alunni minori di classe terza senza scelta per l'anno successivo, istruzione parentale (non un abbandono); ciascuno con la scadenza e l'eventuale invio registrato. Per la segreteria e il dirigente. format=csv per il foglio di calcolo (comunicazione= per un solo elenco)."),
                auth: Auth::Session,
                params: const { &[
                    path_id("school_id", "La scuola."),
                    query("comunicazione", "Solo questa comunicazione.", Value::OneOf(&[
                        "abbandono_non_formale",
                        "ritiro_prima_15_03",
                        "ritiro_dopo_15_03",
                        "iscritto_non_presente",
                        "esito_negativo_non_prosegue",
                        "terza_senza_scelta",
                        "istruzione_parentale",
                    ])),
                    FORMAT,
                ] },
                replies: const { &[
                    Reply {
                        status: 200,
                        description: "Gli elenchi, uno per comunicazione.",
                        body: Body::JsonOrCsv(Schema::SchoolArs),
                    },
                    error(400, "Parametro non valido (invalid_field, unknown_parameter, duplicate_parameter)."),
                    error(404, "La scuola non esiste, la persona non ne fa parte come segreteria o dirigente, oppure la regione della scuola non ha un calendario ARS caricato (not_found)."),
                ] },
                ..NONE
            },
            Op::ArsSent => Spec {
                id: "arsSent",
                tag: "scuola",
                summary: "Segna come inviata una comunicazione ARS di un alunno",
                description: Some("Il giorno dell'invio e chi lo registra (nel registro delle attività, audit log). Solo una comunicazione che Ponte rileva per l'alunno, una volta. Per la segreteria e il dirigente."),
                auth: Auth::Session,
                params: &PUPIL,
                request: Some(RequestBody {
                    description: Some("La comunicazione e il giorno dell'invio."),
                    body: Body::JsonOrForm(Schema::ArsSentForm),
                }),
                replies: const { &[
                    ok(200, "Le comunicazioni ARS dell'alunno dopo l'invio.", Schema::PupilArs),
                    error(400, "Comunicazione o data non valide (invalid_field)."),
                    error(404, "L'alunno non esiste, la persona non è della segreteria o il dirigente della sua scuola, oppure la regione della scuola non ha un calendario ARS caricato (not_found)."),
                    error(409, "Ponte non rileva questa comunicazione per l'alunno, oppure è già segnata come inviata (conflict)."),
                ] },
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn each_operation_is_listed_once_with_a_unique_method_and_path_and_id() {
        let ops: BTreeSet<Op> = Op::ALL.into_iter().collect();
        assert_eq!(ops.len(), Op::ALL.len());
        let routes: BTreeSet<(&str, Method)> =
            Op::ALL.iter().map(|o| (o.path(), o.method())).collect();
        assert_eq!(routes.len(), Op::ALL.len());
        let ids: BTreeSet<&str> = Op::ALL.iter().map(|o| o.spec().id).collect();
        assert_eq!(ids.len(), Op::ALL.len());
        assert!(!ids.contains(""));
    }

    #[test]
    fn every_path_parameter_is_declared_and_every_declared_one_is_in_the_path() {
        for op in Op::ALL {
            let in_path: BTreeSet<&str> = op
                .path()
                .split('/')
                .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
                .collect();
            let declared: BTreeSet<&str> = op
                .spec()
                .params
                .iter()
                .filter(|p| p.at == In::Path)
                .map(|p| {
                    assert!(p.required, "{op:?}: path parameter {} required", p.name);
                    p.name
                })
                .collect();
            assert_eq!(in_path, declared, "{op:?}");
        }
    }

    #[test]
    fn the_hosts_parameters_are_the_search_s() {
        let names: Vec<&str> = HOSTS_PARAMS.iter().map(|p| p.name).collect();
        assert_eq!(names, crate::hosts::HostSearch::PARAMS);
    }

    #[test]
    fn signed_in_posts_may_be_refused_for_csrf_and_public_ones_cannot() {
        for op in Op::ALL {
            let statuses: Vec<u16> = op.replies().iter().map(|r| r.status).collect();
            let session = op.spec().auth == Auth::Session;
            assert_eq!(statuses.contains(&401), session, "{op:?}");
            assert_eq!(
                statuses.contains(&403),
                session && op.method() == Method::Post,
                "{op:?}"
            );
            let mut sorted = statuses.clone();
            sorted.dedup();
            assert_eq!(sorted, statuses, "{op:?}: one answer per status");
        }
    }

    /// Found by the contract probe (schemathesis): a commit given a body that is not its JSON
    /// (`[null, null]`) answered 400, which the document did not list; and D1 failing answers
    /// 503 on every operation that reads it.
    #[test]
    fn a_body_or_query_to_read_may_be_refused_and_storage_may_be_unavailable() {
        for op in Op::ALL {
            let statuses: Vec<u16> = op.replies().iter().map(|r| r.status).collect();
            let reads = op.spec().request.is_some()
                || op.spec().params.iter().any(|p| matches!(p.at, In::Query));
            if reads {
                assert!(statuses.contains(&400), "{op:?}: {statuses:?}");
            }
            if !matches!(op, Op::Healthz | Op::OpenApi) {
                assert!(statuses.contains(&503), "{op:?}: {statuses:?}");
            }
        }
        let commit: Vec<u16> = Op::ImportCommit
            .replies()
            .iter()
            .map(|r| r.status)
            .collect();
        assert!(commit.contains(&400), "{commit:?}");
    }
}
