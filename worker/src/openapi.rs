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
            "description": "API di Ponte: scuola, famiglie ed enti ospitanti. Errori sempre nella forma {\"error\":{\"code\",\"field\",\"message\"}}; i parametri sconosciuti sono errori."
        },
        "paths": {
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
        },
        "components": {"schemas": {
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                "type": "object", "required": ["code", "message"],
                "properties": {
                    "code": {"type": "string", "enum": ["invalid_field", "unknown_code", "unknown_parameter", "duplicate_parameter", "not_found", "internal"]},
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
        }}
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
