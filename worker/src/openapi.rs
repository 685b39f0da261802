//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of every endpoint.

use crate::api::VERSION;
use crate::error::json_response;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

fn error_responses() -> Value {
    json!({
        "400": {"description": "Parametro non valido, sconosciuto o ripetuto.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "500": {"description": "Errore interno.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    })
}

fn query(name: &str, description: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": schema})
}

/// A response with the API's error shape.
fn error(description: &str) -> Value {
    json!({"description": description,
           "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
}

/// A JSON response whose body is `schema`.
fn body(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

fn schema(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

/// A positive integer id in the path; any other value answers 404, like an unknown id.
fn path_id(name: &str, description: &str) -> Value {
    json!({"name": name, "in": "path", "required": true, "description": description,
           "schema": {"type": "integer", "minimum": 1}})
}

/// `security` of an operation for a signed-in person: the session cookie, and for a POST also
/// the CSRF token (both together).
fn signed_in(post: bool) -> Value {
    if post {
        json!([{"session": [], "csrf": []}])
    } else {
        json!([{"session": []}])
    }
}

/// The answers every operation for a signed-in person may give besides its own.
fn session_responses(post: bool) -> Value {
    let mut r = json!({
        "401": error("Nessuna sessione attiva (unauthenticated): accedere con SPID o CIE."),
        "500": error("Errore interno.")
    });
    if post {
        r = merge(
            r,
            json!({"403": error(
                "Richiesta rifiutata (csrf_rejected): manca il token CSRF della sessione nell'intestazione X-CSRF-Token, oppure la richiesta proviene da un'altra origine."
            )}),
        );
    }
    r
}

/// The signed-in API: the person, the school's imports, the pupils.
fn signed_in_paths() -> Value {
    let not_managed = "La scuola non esiste o la persona non ne fa parte come segreteria o dirigente (not_found).";
    let import_not_found = "L'importazione non esiste o è di una scuola che la persona non gestisce come segreteria o dirigente (not_found).";
    let pupil_not_found = "L'alunno non esiste o la persona non può vederlo: i tutori vedono i propri figli, i docenti gli alunni delle proprie classi, segreteria e dirigente quelli della scuola (not_found).";
    let concluded = "L'importazione è già conclusa (live o rejected), oppure il calendario è già stato inviato (conflict): crearne una nuova.";
    json!({
        "/api/v1/me": {"get": {
            "summary": "La persona che ha effettuato l'accesso, i suoi ruoli e il token CSRF",
            "description": "I ruoli sono letti a ogni richiesta dai dati importati dalla scuola (tutori e personale). Il csrf_token va inviato nell'intestazione X-CSRF-Token di ogni richiesta POST.",
            "security": signed_in(false),
            "responses": merge(json!({"200": body("La persona.", schema("Me"))}), session_responses(false))
        }},
        "/api/v1/schools/{school_id}/imports": {
            "get": {
                "summary": "Le importazioni di una scuola, dalla più recente (al più 30)",
                "description": "Solo per la segreteria e il dirigente della scuola.",
                "security": signed_in(false),
                "parameters": [path_id("school_id", "La scuola.")],
                "responses": merge(json!({
                    "200": body("Le importazioni.", json!({"type": "object", "required": ["items"], "properties": {
                        "items": {"type": "array", "maxItems": 30, "items": schema("Import")}}})),
                    "404": error(not_managed)
                }), session_responses(false))
            },
            "post": {
                "summary": "Avvia l'importazione di un file del registro",
                "description": "Crea un'importazione in stato staging; il file si invia poi in parti (POST /api/v1/imports/{id}/parts) e si rende effettivo con POST /api/v1/imports/{id}/commit. Solo per la segreteria e il dirigente della scuola. Formati dei file: docs/imports.md.",
                "security": signed_in(true),
                "parameters": [path_id("school_id", "La scuola.")],
                "requestBody": {"required": true, "description": "Al più 16 KB.", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["kind", "file_name", "file_bytes"],
                    "properties": {
                        "kind": {"$ref": "#/components/schemas/ImportKind"},
                        "file_name": {"type": "string", "minLength": 1, "maxLength": 200, "description": "Nome del file, per la segreteria."},
                        "file_bytes": {"type": "integer", "minimum": 1, "maximum": 67108864, "description": "Dimensione del file in byte (al più 64 MB)."}}}}}},
                "responses": merge(json!({
                    "201": body("L'importazione, in stato staging.", schema("Import")),
                    "400": error("Corpo non valido, tipo di file sconosciuto, nome o dimensione del file fuori dai limiti (invalid_field)."),
                    "404": error(not_managed),
                    "413": error("Corpo della richiesta oltre 16 KB (payload_too_large).")
                }), session_responses(true))
            }
        },
        "/api/v1/imports/{id}": {"get": {
            "summary": "Stato di un'importazione, con tutti gli errori trovati finora",
            "security": signed_in(false),
            "parameters": [path_id("id", "L'importazione.")],
            "responses": merge(json!({
                "200": body("L'importazione.", schema("Import")),
                "404": error(import_not_found)
            }), session_responses(false))
        }},
        "/api/v1/imports/{id}/parts": {"post": {
            "summary": "Invia una parte del file",
            "description": "Ogni parte inizia con la riga d'intestazione del file e contiene record interi (al più 640 KB; il browser taglia a 512 KB). Le righe valide sono messe da parte, gli errori si aggiungono a quelli dell'importazione; gli errori della riga 1 (intestazione) e gli avvisi tornano con ogni parte. Il calendario si invia in un'unica parte.",
            "security": signed_in(true),
            "parameters": [
                path_id("id", "L'importazione."),
                query("first_line", "Riga del file originale su cui inizia il primo record dopo l'intestazione (2 se omesso).", json!({"type": "integer", "minimum": 2, "default": 2}))
            ],
            "requestBody": {"required": true, "description": "Testo UTF-8 della parte, intestazione compresa.", "content": {"text/csv": {"schema": {"type": "string"}}}},
            "responses": merge(json!({
                "200": body("Esito della parte.", schema("PartOutcome")),
                "400": error("first_line non valido, parametro sconosciuto o ripetuto, oppure le parti inviate superano la dimensione dichiarata del file."),
                "404": error(import_not_found),
                "409": error(concluded),
                "413": error("Parte oltre 640 KB (payload_too_large).")
            }), session_responses(true))
        }},
        "/api/v1/imports/{id}/commit": {"post": {
            "summary": "Rende effettiva un'importazione, in un unico passo",
            "description": "Se nessuna parte ha errori (e non ci sono righe duplicate tra le parti né classi ancora usate da alunni), i dati della scuola diventano uguali al file, in un'unica operazione atomica. Altrimenti non si scrive nulla e la risposta elenca ogni riga da correggere.",
            "security": signed_in(true),
            "parameters": [path_id("id", "L'importazione.")],
            "responses": merge(json!({
                "200": body("L'importazione, in stato live, con il riepilogo (summary).", schema("Import")),
                "404": error(import_not_found),
                "409": error(concluded),
                "422": body("Il file ha errori: non è stato importato nulla (import_rejected); l'importazione, in stato rejected, elenca ogni riga da correggere.", schema("ImportRejected"))
            }), session_responses(true))
        }},
        "/api/v1/pupils/{id}": {"get": {
            "summary": "Un alunno",
            "security": signed_in(false),
            "parameters": [path_id("id", "L'alunno.")],
            "responses": merge(json!({
                "200": body("L'alunno.", schema("Pupil")),
                "404": error(pupil_not_found)
            }), session_responses(false))
        }},
        "/api/v1/pupils/{id}/absences": {"get": {
            "summary": "Le assenze di un alunno, come importate dal registro",
            "security": signed_in(false),
            "parameters": [path_id("id", "L'alunno.")],
            "responses": merge(json!({
                "200": body("Le assenze, per data e tipo.", json!({"type": "object", "required": ["pupil_id", "items"], "properties": {
                    "pupil_id": {"type": "integer"},
                    "items": {"type": "array", "items": schema("Absence")}}})),
                "404": error(pupil_not_found)
            }), session_responses(false))
        }}
    })
}

/// A request body: JSON, or the same fields as a form (the pages' forms, which then get a `303`
/// to `next`, or an HTML page with the reason).
fn fields_body(description: &str, schema: Value) -> Value {
    json!({"required": true, "description": description, "content": {
        "application/json": {"schema": schema.clone()},
        "application/x-www-form-urlencoded": {"schema": schema}}})
}

/// The family portal and the school's side of it.
fn family_paths() -> Value {
    let pupil_not_found = "L'alunno non esiste o la persona non può vederlo (not_found).";
    let not_staff = "La scuola non esiste o la persona non ne fa parte come personale (not_found).";
    let not_managed = "La scuola non esiste o la persona non ne fa parte come segreteria o dirigente (not_found).";
    let decision = |what: &str, tag: &str| {
        json!({"post": {
            "summary": format!("La decisione della scuola su {what}"),
            "description": "Per i docenti della classe dell'alunno, la segreteria e il dirigente. Si decide una volta sola; ogni decisione è nel registro delle attività (audit log).",
            "security": signed_in(true),
            "parameters": [path_id("id", tag)],
            "requestBody": fields_body("La decisione.", json!({"type": "object", "required": ["decision"], "properties": {
                "decision": {"type": "string", "enum": ["approve", "refuse"]}}})),
            "responses": merge(json!({
                "200": body("Il nuovo stato.", json!({"type": "object", "required": ["id", "status"], "properties": {
                    "id": {"type": "integer"}, "status": schema("RequestStatus")}})),
                "400": error("Decisione non valida (invalid_field)."),
                "404": error("La richiesta non esiste o la persona non la decide (not_found)."),
                "409": error("La scuola ha già deciso (conflict).")
            }), session_responses(true))
        }})
    };
    json!({
        "/api/v1/pupils/{id}/attendance": {"get": {
            "summary": "La situazione delle assenze di un alunno: cruscotto, assenze, deroghe",
            "description": "Calcolata dal motore di domain con il regolamento della scuola (seed 003/004), alla data del giorno. Per i tutori dell'alunno, i docenti della classe, segreteria e dirigente.",
            "security": signed_in(false),
            "parameters": [path_id("id", "L'alunno.")],
            "responses": merge(json!({
                "200": body("La situazione.", schema("ChildPosition")),
                "404": error(pupil_not_found),
                "409": error("La scuola non ha ancora inviato classi o calendario (conflict).")
            }), session_responses(false))
        }},
        "/api/v1/pupils/{id}/derogations": {"post": {
            "summary": "Un tutore chiede una deroga",
            "description": "Categoria adottata dalla scuola e date nell'anno scolastico; nessun documento: si consegnano in segreteria. Solo per i tutori dell'alunno.",
            "security": signed_in(true),
            "parameters": [path_id("id", "L'alunno.")],
            "requestBody": fields_body("La richiesta.", json!({"type": "object", "required": ["category", "from", "to"], "properties": {
                "category": {"type": "string"}, "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"},
                "next": {"type": "string", "description": "Solo per i moduli: la pagina a cui tornare."}}})),
            "responses": merge(json!({
                "201": body("La richiesta, in attesa.", schema("DerogationRequest")),
                "400": error("Categoria o date non valide (invalid_field)."),
                "404": error(pupil_not_found)
            }), session_responses(true))
        }},
        "/api/v1/absences/{id}/justification": {"post": {
            "summary": "Un tutore giustifica un'assenza",
            "description": "Il motivo si sceglie da un elenco fisso (nessun dettaglio sulla salute). Una giustificazione respinta si può inviare di nuovo.",
            "security": signed_in(true),
            "parameters": [path_id("id", "L'assenza.")],
            "requestBody": fields_body("Il motivo.", json!({"type": "object", "required": ["reason"], "properties": {
                "reason": schema("JustificationReason"),
                "next": {"type": "string", "description": "Solo per i moduli: la pagina a cui tornare."}}})),
            "responses": merge(json!({
                "201": body("La giustificazione, in attesa.", json!({"type": "object"})),
                "400": error("Motivo non nell'elenco, o assenza futura (invalid_field)."),
                "404": error("L'assenza non esiste o non è di un figlio della persona (not_found)."),
                "409": error("Assenza già giustificata, o giustificazione già inviata (conflict).")
            }), session_responses(true))
        }},
        "/api/v1/justifications/{id}/decision": decision("una giustificazione", "La giustificazione."),
        "/api/v1/derogations/{id}/decision": decision("una richiesta di deroga", "La richiesta di deroga."),
        "/api/v1/schools/{school_id}/requests": {"get": {
            "summary": "Giustificazioni e richieste di deroga in attesa, dalla più vecchia",
            "description": "I docenti vedono quelle delle proprie classi; segreteria e dirigente tutte.",
            "security": signed_in(false),
            "parameters": [path_id("school_id", "La scuola.")],
            "responses": merge(json!({
                "200": body("Le richieste.", json!({"type": "object", "required": ["items"], "properties": {
                    "items": {"type": "array", "items": {"type": "object"}}}})),
                "404": error(not_staff)
            }), session_responses(false))
        }},
        "/api/v1/schools/{school_id}/notices": {
            "get": {
                "summary": "Gli avvisi della scuola con le prese visione",
                "security": signed_in(false),
                "parameters": [path_id("school_id", "La scuola.")],
                "responses": merge(json!({
                    "200": body("Gli avvisi, dal più recente.", json!({"type": "object", "required": ["items"], "properties": {
                        "items": {"type": "array", "items": {"type": "object", "properties": {
                            "notice": schema("Notice"), "summary": schema("AckSummary")}}}}})),
                    "404": error(not_staff)
                }), session_responses(false))
            },
            "post": {
                "summary": "Pubblica un avviso alle famiglie",
                "description": "Per segreteria e dirigente. Destinatari: tutta la scuola, un ordine di scuola, classi o alunni; con o senza richiesta di presa visione. Nel registro delle attività.",
                "security": signed_in(true),
                "parameters": [path_id("school_id", "La scuola.")],
                "requestBody": fields_body("L'avviso.", json!({"type": "object", "required": ["title", "body", "audience"], "properties": {
                    "title": {"type": "string", "minLength": 1, "maxLength": 200},
                    "body": {"type": "string", "minLength": 1, "maxLength": 10000},
                    "audience": {"type": "string", "enum": ["school", "grade", "classes", "pupils"]},
                    "audience_value": {"type": "string", "description": "Ordine di scuola, codici delle classi o numeri degli alunni, separati da spazi o virgole."},
                    "grade": {"type": "string", "description": "Solo per i moduli: l'ordine di scuola scelto."},
                    "requires_ack": {"type": ["boolean", "string"]}}})),
                "responses": merge(json!({
                    "201": body("L'avviso.", json!({"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}})),
                    "400": error("Campo non valido (invalid_field)."),
                    "404": error(not_managed)
                }), session_responses(true))
            }
        },
        "/api/v1/notices": {"get": {
            "summary": "Gli avvisi per i figli della persona, prima quelli da leggere",
            "security": signed_in(false),
            "responses": merge(json!({
                "200": body("Gli avvisi.", json!({"type": "object", "required": ["items"], "properties": {
                    "items": {"type": "array", "items": schema("Notice")}}}))
            }), session_responses(false))
        }},
        "/api/v1/notices/{id}/acknowledgement": {"post": {
            "summary": "Presa visione di un avviso",
            "description": "Registra chi e quando, una volta, per ciascuno dei figli della persona a cui l'avviso è rivolto.",
            "security": signed_in(true),
            "parameters": [path_id("id", "L'avviso.")],
            "responses": merge(json!({
                "201": body("Registrata.", json!({"type": "object"})),
                "404": error("L'avviso non esiste o non è rivolto ai figli della persona (not_found)."),
                "409": error("Presa visione già registrata, o non richiesta (conflict).")
            }), session_responses(true))
        }},
        "/api/v1/notices/{id}/acknowledgements": {"get": {
            "summary": "Chi ha preso visione e chi no, per classe",
            "description": "Per segreteria e dirigente della scuola. format=csv per il foglio di calcolo.",
            "security": signed_in(false),
            "parameters": [path_id("id", "L'avviso."), query("format", "json (predefinito) o csv.", json!({"type": "string", "enum": ["json", "csv"]}))],
            "responses": merge(json!({
                "200": {"description": "Il riepilogo e l'elenco.", "content": {
                    "application/json": {"schema": {"type": "object"}},
                    "text/csv": {"schema": {"type": "string"}}}},
                "400": error("Formato non valido (invalid_field)."),
                "404": error("L'avviso non esiste o è di una scuola che la persona non gestisce (not_found).")
            }), session_responses(false))
        }},
        "/api/v1/me/export": {"get": {
            "summary": "Tutti i dati della famiglia (portabilità)",
            "description": "Per i tutori: la persona, i figli con cruscotto, assenze, giustificazioni e deroghe, gli avvisi con letture e prese visione.",
            "security": signed_in(false),
            "parameters": [query("format", "json (predefinito) o csv.", json!({"type": "string", "enum": ["json", "csv"]}))],
            "responses": merge(json!({
                "200": {"description": "Il file.", "content": {
                    "application/json": {"schema": {"type": "object"}},
                    "text/csv": {"schema": {"type": "string"}}}},
                "400": error("Formato non valido (invalid_field)."),
                "404": error("La persona non è tutore di alcun alunno (not_found).")
            }), session_responses(false))
        }}
    })
}

fn family_schemas() -> Value {
    json!({
        "RequestStatus": {"type": "string", "enum": ["pending", "approved", "refused"]},
        "JustificationReason": {"type": "string", "enum": ["personal", "family", "transport", "activities", "other"],
            "description": "Elenco fisso: nessun dettaglio sulla salute (seed 001, Garante)."},
        "DerogationRequest": {"type": "object", "properties": {
            "id": {"type": "integer"}, "pupil_id": {"type": "integer"}, "category": {"type": "string"},
            "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"},
            "status": schema("RequestStatus")}},
        "Dashboard": {"type": "object", "description": "domain::family::Dashboard: durate in minuti, limiti in ore intere.",
            "required": ["as_of", "annual_hours", "max_absence_hours", "counted_absence_minutes", "remaining_minutes", "remaining_days", "status", "actions", "auto_notices"],
            "properties": {
                "as_of": {"type": "string", "format": "date"},
                "annual_hours": {"type": "integer"}, "max_absence_hours": {"type": "integer"},
                "counted_absence_minutes": {"type": "integer"}, "remaining_minutes": {"type": "integer"},
                "remaining_days": {"type": "integer"}, "day_hours": {"type": "integer"},
                "derogated_minutes": {"type": "integer"}, "pending_deroga_minutes": {"type": "integer"},
                "gauge_permille": {"type": "integer", "minimum": 0, "maximum": 1000},
                "status": {"type": "string", "enum": ["ok", "attention", "at_risk", "limit_exceeded"]},
                "forecast_crossing_on": {"type": ["string", "null"], "format": "date"},
                "limit_crossed_on": {"type": ["string", "null"], "format": "date"},
                "law159": {"type": ["object", "null"]},
                "actions": {"type": "array", "items": {"type": "object"}},
                "auto_notices": {"type": "array", "items": {"type": "object"}}}},
        "ChildPosition": {"type": "object", "required": ["pupil_id", "dashboard", "absences", "derogations", "categories"], "properties": {
            "pupil_id": {"type": "integer"}, "name": {"type": "string"}, "surname": {"type": "string"},
            "class_code": {"type": "string"}, "school": {"type": "string"},
            "first_lesson_day": {"type": "string", "format": "date"}, "last_lesson_day": {"type": "string", "format": "date"},
            "dashboard": schema("Dashboard"),
            "absences": {"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "integer"}, "date": {"type": "string", "format": "date"}, "kind": {"type": "string"},
                "minutes": {"type": ["integer", "null"]}, "justified": {"type": "boolean"},
                "justification": {"type": ["object", "null"]},
                "effect": {"type": "string", "enum": ["counted", "pending_deroga", "derogated", "not_counted"]},
                "deroga_id": {"type": ["integer", "null"]}, "can_justify": {"type": "boolean"}}}},
            "derogations": {"type": "array", "items": schema("DerogationRequest")},
            "categories": {"type": "array", "items": {"type": "object", "properties": {"code": {"type": "string"}, "label": {"type": "string"}}}}}},
        "Notice": {"type": "object", "properties": {
            "id": {"type": "integer"}, "school_id": {"type": "integer"}, "title": {"type": "string"}, "body": {"type": "string"},
            "audience": {"type": "object"}, "requires_ack": {"type": "boolean"}, "published_at": {"type": "integer"},
            "read": {"type": "boolean"}, "pupils": {"type": "array", "items": {"type": "object"}}}},
        "AckSummary": {"type": "object", "properties": {
            "recipients": {"type": "integer"}, "acknowledged": {"type": "integer"}, "percent": {"type": "number"},
            "classes": {"type": "array", "items": {"type": "object"}}}}
    })
}

/// Component schemas of the signed-in API.
fn signed_in_schemas() -> Value {
    json!({
        "ImportKind": {"type": "string", "enum": ["classi", "calendario", "alunni", "tutori", "personale", "assenze"],
            "description": "Tipo di file del registro (docs/imports.md)."},
        "RowError": {"type": "object", "required": ["line", "column", "value", "reason"], "properties": {
            "line": {"type": "integer", "minimum": 1, "description": "Riga del file su cui inizia il record (l'intestazione è la riga 1; gli errori del file intero sono sulla riga 1)."},
            "column": {"type": ["string", "null"], "description": "Nome canonico della colonna (es. data_iscrizione); null se l'errore non riguarda una sola colonna."},
            "value": {"type": "string", "maxLength": 80, "description": "Il valore come scritto nel file (al più 80 caratteri)."},
            "reason": {"type": "string", "description": "Il motivo, in italiano, per la segreteria."}}},
        "ImportWarning": {"type": "object", "required": ["column", "message"], "properties": {
            "column": {"type": "string", "description": "La colonna come scritta nell'intestazione (vuota per una colonna senza nome)."},
            "message": {"type": "string"}},
            "description": "Qualcosa da sapere che non blocca l'importazione (una colonna sconosciuta, ignorata)."},
        "Import": {"type": "object",
            "required": ["id", "school_id", "kind", "status", "file_name", "file_bytes", "received_bytes", "rows", "error_count", "errors", "warnings", "summary", "created_at", "finished_at"],
            "properties": {
                "id": {"type": "integer"}, "school_id": {"type": "integer"},
                "kind": schema("ImportKind"),
                "status": {"type": "string", "enum": ["staging", "live", "rejected"],
                    "description": "staging: si ricevono le parti; live: dati della scuola aggiornati; rejected: nulla è stato scritto."},
                "file_name": {"type": "string"},
                "file_bytes": {"type": "integer", "description": "Dimensione dichiarata del file, in byte."},
                "received_bytes": {"type": "integer", "description": "Byte ricevuti finora, in tutte le parti."},
                "rows": {"type": "integer", "description": "Righe valide ricevute."},
                "error_count": {"type": "integer", "description": "Numero esatto degli errori trovati."},
                "errors": {"type": "array", "maxItems": 1000, "items": schema("RowError"), "description": "Gli errori, fino a 1000."},
                "warnings": {"type": "array", "items": schema("ImportWarning")},
                "summary": {"type": ["object", "null"], "required": ["written", "removed"],
                    "properties": {"written": {"type": "integer", "description": "Righe inserite o modificate."},
                                   "removed": {"type": "integer", "description": "Righe tolte perché non più nel file."}},
                    "description": "Solo per un'importazione live; altrimenti null."},
                "created_at": {"type": "integer", "description": "Secondi dal 1970-01-01 UTC."},
                "finished_at": {"type": ["integer", "null"], "description": "Secondi dal 1970-01-01 UTC; null finché è in staging."}}},
        "PartOutcome": {"type": "object", "required": ["rows", "error_count", "errors", "warnings"], "properties": {
            "rows": {"type": "integer", "description": "Righe valide della parte."},
            "error_count": {"type": "integer", "description": "Errori della parte (quelli della riga 1 contano solo nella prima parte)."},
            "errors": {"type": "array", "maxItems": 1000, "items": schema("RowError")},
            "warnings": {"type": "array", "items": schema("ImportWarning")}}},
        "ImportRejected": {"type": "object", "required": ["error", "import"], "properties": {
            "error": {"type": "object", "required": ["code", "message"], "properties": {
                "code": {"const": "import_rejected"},
                "message": {"type": "string", "description": "Messaggio in italiano, con il numero degli errori."}}},
            "import": schema("Import")}},
        "Pupil": {"type": "object", "required": ["id", "school_id", "matricola", "surname", "name", "class_code"], "properties": {
            "id": {"type": "integer"}, "school_id": {"type": "integer"},
            "matricola": {"type": "string", "description": "Numero dell'alunno nel registro."},
            "surname": {"type": "string"}, "name": {"type": "string"},
            "class_code": {"type": "string"}}},
        "Absence": {"type": "object", "required": ["date", "kind", "minutes", "justified"], "properties": {
            "date": {"type": "string", "format": "date"},
            "kind": {"type": "string", "enum": ["assenza", "ritardo", "ingresso_posticipato", "uscita_anticipata", "astensione", "uscita_didattica_non_partecipata", "sospensione", "sospensione_con_obbligo", "attivita_scolastica"]},
            "minutes": {"type": ["number", "null"], "description": "Minuti di lezione persi; null: l'intera giornata secondo l'orario della classe."},
            "justified": {"type": "boolean"}}},
        "Me": {"type": "object", "required": ["codice_fiscale", "given_name", "family_name", "csrf_token", "guardian_of", "staff"], "properties": {
            "codice_fiscale": {"type": "string"},
            "given_name": {"type": "string"}, "family_name": {"type": "string"},
            "csrf_token": {"type": "string", "description": "Da inviare nell'intestazione X-CSRF-Token delle richieste POST."},
            "guardian_of": {"type": "array", "items": {"type": "integer"}, "description": "Id degli alunni di cui la persona è tutore."},
            "staff": {"type": "array", "items": {"type": "object", "required": ["school_id", "role", "classes"], "properties": {
                "school_id": {"type": "integer"},
                "role": {"type": "string", "enum": ["docente", "segreteria", "dirigente"]},
                "classes": {"type": "array", "items": {"type": "string"}, "description": "Le classi (solo per i docenti)."}}},
                "description": "Gli incarichi nelle scuole."}}}
    })
}

/// A declaration code in the path (`XXXX-XXXX-XXXX`); anything else answers 404.
fn path_code() -> Value {
    json!({"name": "code", "in": "path", "required": true,
           "description": "Il codice della dichiarazione, XXXX-XXXX-XXXX.",
           "schema": {"type": "string", "pattern": "^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$"}})
}

/// Publishing a host profile (seed 002): public, no session — who a body is, is proved by PEC
/// or by the legal representative's signature, not by signing in.
fn publishing_paths() -> Value {
    let public = json!([]);
    json!({
        "/api/v1/ipa/{code}": {"get": {
            "summary": "Un ente dell'Indice delle Pubbliche Amministrazioni, per precompilare il profilo",
            "description": "Per codice iPA o Codice Univoco Ufficio (maiuscole e minuscole indifferenti).",
            "parameters": [{"name": "code", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z0-9_]{1,20}$"}}],
            "responses": merge(json!({
                "200": body("L'ente.", schema("IpaEnte")),
                "404": error("Il codice non è nell'IPA (not_found, field ipa_code).")
            }), error_responses())
        }},
        "/api/v1/cp2011": {"get": {
            "summary": "Ricerca delle figure professionali CP 2011 per titolo (a ogni livello)",
            "parameters": [{"name": "q", "in": "query", "required": true, "description": "Parole del titolo, anche iniziali (bibliotec).", "schema": {"type": "string", "maxLength": 200}}],
            "responses": merge(json!({"200": body("Fino a 20 voci, prima i livelli superiori.", json!({
                "type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {
                    "type": "object", "required": ["code", "title", "level"],
                    "properties": {"code": {"type": "string"}, "title": {"type": "string"}, "level": {"type": "string"}}}}}}))}), error_responses())
        }},
        "/api/v1/declarations": {"post": {
            "summary": "Invio del profilo: rilascia il codice della dichiarazione",
            "description": "Il profilo è verificato per intero (ogni errore con il suo campo in `errors`); l'informativa deve essere accettata nella versione in vigore. Nulla è pubblicato finché la dichiarazione non è confermata: PEC dall'indirizzo registrato con il codice nell'oggetto (enti pubblici, professionisti, enti privati) oppure firma digitale CAdES del legale rappresentante (imprese).",
            "security": public,
            "requestBody": {"required": true, "content": {"application/json": {"schema": schema("Submission")}}},
            "responses": merge(json!({
                "201": body("La dichiarazione e le istruzioni per confermarla.", schema("Declaration")),
                "400": error("Profilo non valido: `error` è il primo errore, `errors` li elenca tutti."),
                "409": error("È in corso la pubblicazione di un profilo dello stesso soggetto (conflict)."),
                "429": error("Troppi invii in poco tempo (rate_limited).")
            }), json!({"500": error("Errore interno.")}))
        }},
        "/api/v1/declarations/{code}": {"get": {
            "summary": "Lo stato di una dichiarazione",
            "parameters": [path_code()],
            "responses": merge(json!({
                "200": body("Lo stato.", schema("DeclarationStatus")),
                "404": error("Nessuna dichiarazione con questo codice.")
            }), error_responses())
        }},
        "/api/v1/declarations/{code}/document": {"get": {
            "summary": "La dichiarazione da firmare digitalmente (imprese)",
            "parameters": [path_code()],
            "responses": merge(json!({
                "200": {"description": "Testo UTF-8 con il codice, da firmare in formato CAdES (.p7m).", "content": {"text/plain": {"schema": {"type": "string"}}}},
                "404": error("Nessuna dichiarazione con firma digitale con questo codice.")
            }), error_responses())
        }},
        "/api/v1/declarations/{code}/signature": {"post": {
            "summary": "Il file firmato (CAdES .p7m) che conferma la dichiarazione di un'impresa",
            "description": "Si verificano la firma, che il contenuto sia la dichiarazione di questo codice e che il firmatario (serialNumber TINIT-codice fiscale del certificato) sia il legale rappresentante indicato. La catena del certificato non è ancora verificata sull'elenco nazionale dei certificatori (chain_checked: false).",
            "security": public,
            "parameters": [path_code()],
            "requestBody": {"required": true, "content": {"application/pkcs7-mime": {"schema": {"type": "string", "format": "binary"}}}},
            "responses": merge(json!({
                "200": body("Pubblicato.", json!({"type": "object", "required": ["status", "host_id", "chain_checked"],
                    "properties": {"status": {"const": "published"}, "host_id": {"type": "integer"}, "chain_checked": {"type": "boolean"}}})),
                "404": error("Nessuna dichiarazione con questo codice."),
                "409": error("Codice già usato o scaduto (conflict)."),
                "429": error("Troppi caricamenti in poco tempo (rate_limited).")
            }), error_responses())
        }}
    })
}

fn publishing_schemas() -> Value {
    let text = json!({"type": "string"});
    let opt = json!({"type": ["string", "null"]});
    json!({
        "IpaEnte": {"type": "object",
            "required": ["ipa_code", "name", "codice_fiscale", "address", "cap", "comune", "comune_name", "province", "pec", "website"],
            "properties": {"ipa_code": text, "name": text, "codice_fiscale": text, "address": opt, "cap": opt,
                "comune": opt, "comune_name": opt, "province": opt, "pec": opt, "website": opt}},
        "Submission": {"type": "object", "required": ["privacy_version", "privacy_accepted", "draft"],
            "additionalProperties": false,
            "properties": {
                "privacy_version": {"type": "string", "description": "La versione dell'informativa letta e accettata."},
                "privacy_accepted": {"type": "boolean"},
                "draft": {"type": "object", "description": "Il profilo come nella bozza salvata su file (campo draft): kind, name, codice_fiscale, partita_iva, legal_representative_cf, ipa_code, ateco, description, offers, places, contacts, supply_chain, capacities."}}},
        "Declaration": {"type": "object",
            "required": ["code", "expires_at", "method", "verification_address", "pec_of_record", "pec_declared", "update", "document_url", "status_url"],
            "properties": {"code": text, "expires_at": {"type": "string", "format": "date-time"},
                "method": {"type": "string", "enum": ["pec", "firma_digitale"]},
                "verification_address": {"type": "string", "description": "Dove inviare la PEC."},
                "pec_of_record": {"type": ["string", "null"], "description": "La casella da cui deve partire la PEC."},
                "pec_declared": {"type": "boolean", "description": "true se la casella è quella dichiarata nel profilo e non quella dell'IPA."},
                "update": {"type": "boolean", "description": "true se il soggetto ha già un profilo pubblicato, che resta online fino alla conferma."},
                "document_url": text, "status_url": text}},
        "DeclarationStatus": {"type": "object", "required": ["code", "status", "method", "host_id", "expires_at"],
            "properties": {"code": text, "status": {"type": "string", "enum": ["pending", "published", "expired"]},
                "method": {"type": "string", "enum": ["pec", "firma_digitale"]},
                "host_id": {"type": ["integer", "null"]}, "expires_at": {"type": "string", "format": "date-time"}}}
    })
}

pub fn spec() -> Value {
    let hosts_params = json!([
        query(
            "q",
            "Testo libero (prefissi, senza accenti né maiuscole).",
            json!({"type": "string", "maxLength": 200})
        ),
        query(
            "region",
            "Codice ISTAT della regione.",
            json!({"type": "string", "pattern": "^[0-9]{2}$"})
        ),
        query(
            "province",
            "Sigla della provincia.",
            json!({"type": "string", "pattern": "^[A-Za-z]{2}$"})
        ),
        query(
            "comune",
            "Codice ISTAT del comune.",
            json!({"type": "string", "pattern": "^[0-9]{6}$"})
        ),
        query(
            "path",
            "Tipo di percorso.",
            json!({"type": "string", "enum": ["pcto", "apprendistato"]})
        ),
        query(
            "figure",
            "Codice CP 2011 a qualsiasi livello; comprende i livelli sottostanti.",
            json!({"type": "string", "pattern": "^[0-9](\\.[0-9]){0,4}$"})
        ),
        query(
            "ateco",
            "Prefisso di codice ATECO 2025.",
            json!({"type": "string", "pattern": "^[0-9]{2}(\\.[0-9]{1,2}(\\.[0-9]{1,2})?)?$"})
        ),
        query(
            "kind",
            "Tipo di soggetto.",
            json!({"type": "string", "enum": ["impresa", "professionista", "ente_pubblico", "ente_privato"]})
        ),
        query(
            "period",
            "Un mese in cui l'ente accoglie studenti.",
            json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"})
        ),
        query(
            "min_places",
            "Numero minimo di studenti accolti.",
            json!({"type": "integer", "minimum": 1, "maximum": 10000})
        ),
        query(
            "page",
            "Pagina, da 1.",
            json!({"type": "integer", "minimum": 1, "maximum": 500, "default": 1})
        ),
        query(
            "per_page",
            "Risultati per pagina.",
            json!({"type": "integer", "minimum": 1, "maximum": 100, "default": 20})
        )
    ]);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Ponte API",
            "version": VERSION,
            "description": "API di Ponte: scuola, famiglie ed enti ospitanti. Errori sempre nella forma {\"error\":{\"code\",\"field\",\"message\"}} (un'importazione rifiutata aggiunge \"import\"); i parametri sconosciuti sono errori. Le operazioni per chi ha effettuato l'accesso (SPID o CIE, dalla pagina /accedi) usano il cookie di sessione; le richieste POST anche il token CSRF. Un oggetto fuori dalla portata della persona risponde 404, come se non esistesse."
        },
        "paths": merge(json!({
            "/healthz": {"get": {
                "summary": "Stato del servizio",
                "responses": {"200": {"description": "In funzione.", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["status", "version"],
                    "properties": {"status": {"const": "ok"}, "version": {"type": "string"}}}}}}}
            }},
            "/api/v1/openapi.json": {"get": {
                "summary": "Questo documento",
                "responses": {"200": {"description": "Documento OpenAPI 3.1."}}
            }},
            "/api/v1/attendance/limits": {"get": {
                "summary": "Limiti di assenza per la validità dell'anno scolastico (regola dei 3/4)",
                "parameters": [
                    {"name": "weekly_hours", "in": "query", "required": true, "schema": {"type": "integer", "minimum": 1, "maximum": 60}},
                    query("weeks", "Settimane di lezione (33 se omesso).", json!({"type": "integer", "minimum": 1, "maximum": 52, "default": 33})),
                    query("daily_hours", "Ore in un giorno di lezione, per esprimere il limite in giorni interi.", json!({"type": "integer", "minimum": 1, "maximum": 12}))
                ],
                "responses": merge(json!({"200": {"description": "Limiti.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Limits"}}}}}), error_responses())
            }},
            "/api/v1/hosts": {"get": {
                "summary": "Ricerca dei profili pubblicati degli enti ospitanti",
                "parameters": hosts_params,
                "responses": merge(json!({"200": {"description": "Una pagina di risultati.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchPage"}}}}}), error_responses())
            }},
            "/api/v1/hosts/{id}": {"get": {
                "summary": "Un profilo pubblicato, con i contatti",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
                "responses": merge(json!({
                    "200": {"description": "Il profilo.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HostDetail"}}}},
                    "404": {"description": "Non esiste o non è pubblicato.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }), error_responses())
            }},
            "/api/v1/comuni": {"get": {
                "summary": "Comuni di una provincia (per i filtri)",
                "parameters": [{"name": "province", "in": "query", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z]{2}$"}}],
                "responses": merge(json!({"200": {"description": "I comuni, in ordine alfabetico.", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["province", "items"],
                    "properties": {"province": {"type": "string"}, "items": {"type": "array", "items": {
                        "type": "object", "required": ["code", "name"],
                        "properties": {"code": {"type": "string"}, "name": {"type": "string"}}}}}}}}}}), error_responses())
            }}
        }), merge(signed_in_paths(), merge(family_paths(), publishing_paths()))),
        "components": {
          "securitySchemes": {
            "session": {"type": "apiKey", "in": "cookie", "name": "__Host-ponte-sid",
                "description": "Cookie di sessione, impostato dopo l'accesso con SPID o CIE (GET /accedi); scade dopo un periodo di inattività."},
            "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token",
                "description": "Il csrf_token della sessione (GET /api/v1/me), obbligatorio in ogni richiesta POST; la richiesta deve anche provenire dall'origine di Ponte (Origin, Sec-Fetch-Site)."}
          },
          "schemas": merge(json!({
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                "type": "object", "required": ["code", "message"],
                "properties": {
                    "code": {"type": "string", "enum": ["invalid_field", "unknown_code", "unknown_parameter", "duplicate_parameter", "not_found", "internal",
                        "unauthenticated", "forbidden", "csrf_rejected", "conflict", "payload_too_large", "rate_limited", "import_rejected"]},
                    "field": {"type": "string"},
                    "message": {"type": "string", "description": "Messaggio in italiano."}}}}},
            "Limits": {"type": "object",
                "required": ["weekly_hours", "weeks", "annual_hours", "min_attendance_hours", "max_absence_hours", "max_absence_days"],
                "properties": {
                    "weekly_hours": {"type": "integer"}, "weeks": {"type": "integer"},
                    "annual_hours": {"type": "integer"}, "min_attendance_hours": {"type": "integer"},
                    "max_absence_hours": {"type": "integer"}, "max_absence_days": {"type": ["integer", "null"]}}},
            "Period": {"type": "object", "required": ["from", "to"], "properties": {
                "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"}}},
            "HostSummary": {"type": "object",
                "required": ["id", "name", "kind", "comune", "comune_name", "province", "region", "paths", "figures", "ateco", "max_students", "periods"],
                "properties": {
                    "id": {"type": "integer"}, "name": {"type": "string"},
                    "kind": {"type": "string", "enum": ["impresa", "professionista", "ente_pubblico", "ente_privato"]},
                    "comune": {"type": "string"}, "comune_name": {"type": "string"},
                    "province": {"type": "string"}, "region": {"type": "string"},
                    "paths": {"type": "array", "items": {"type": "string", "enum": ["pcto", "apprendistato"]}},
                    "figures": {"type": "array", "items": {"type": "string"}},
                    "ateco": {"type": ["string", "null"]},
                    "max_students": {"type": "integer"},
                    "periods": {"type": "array", "items": {"$ref": "#/components/schemas/Period"}}}},
            "SearchPage": {"type": "object", "required": ["total", "page", "per_page", "items"], "properties": {
                "total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/HostSummary"}}}},
            "HostDetail": {"allOf": [{"$ref": "#/components/schemas/HostSummary"}, {"type": "object",
                "required": ["region_name", "description", "offers", "places", "contacts", "published_at"],
                "properties": {
                    "region_name": {"type": "string"}, "ateco_title": {"type": ["string", "null"]},
                    "description": {"type": "string"},
                    "offers": {"type": "array", "items": {"type": "object", "properties": {
                        "path": {"type": "string"}, "max_students": {"type": "integer"},
                        "periods": {"type": "array", "items": {"$ref": "#/components/schemas/Period"}},
                        "figures": {"type": "array", "items": {"type": "object", "properties": {"code": {"type": "string"}, "title": {"type": "string"}}}},
                        "activity": {"type": "string"}}}},
                    "places": {"type": "array", "items": {"type": "object", "properties": {
                        "address": {"type": "string"}, "cap": {"type": "string"}, "comune": {"type": "string"},
                        "comune_name": {"type": "string"}, "province": {"type": "string"}}}},
                    "contacts": {"type": "object", "properties": {
                        "person_role": {"type": ["string", "null"]}, "email": {"type": ["string", "null"]},
                        "phone": {"type": ["string", "null"]}, "pec": {"type": ["string", "null"]}, "website": {"type": ["string", "null"]}}},
                    "supply_chain": {"type": ["string", "null"]}, "capacities": {"type": ["string", "null"]},
                    "published_at": {"type": "string"}}}]}
          }), merge(signed_in_schemas(), merge(family_schemas(), publishing_schemas())))
        }
    })
}

fn merge(mut a: Value, b: Value) -> Value {
    if let (Some(a), Value::Object(b)) = (a.as_object_mut(), b) {
        a.extend(b);
    }
    a
}

pub async fn document() -> Response {
    json_response(StatusCode::OK, &spec())
}
