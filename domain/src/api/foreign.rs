//! Schemas written by hand, in this one place (feature `openapi` only).
//!
//! Two kinds, both to shrink as the types move:
//! - domain types defined in modules that do not derive `JsonSchema` yet (`ErrorCode`,
//!   `ImportKind`, `RowError`, `ImportWarning`, the family enums, `Limits`, `IpaEnte`,
//!   `Dashboard`): each `impl` here becomes a
//!   `#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]` on the type;
//! - the family portal's answers whose Rust types still live in the worker
//!   (`ChildPosition`, the notices, the pending requests, the acknowledgement report, the
//!   export): each marker type here becomes the real type once it moves to `domain::api`.
//!
//! The end-to-end tests validate every answer against these, so a schema that drifts from
//! what the worker sends fails them.

use crate::error::ErrorCode;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

/// A named schema from a JSON literal, with the generator at hand for references.
macro_rules! by_hand {
    ($ty:ty, $name:literal, |$g:ident| $body:expr) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
            fn json_schema($g: &mut SchemaGenerator) -> Schema {
                $body
            }
        }
    };
}

/// Every error code, in the order of the enum; [`code_index`] keeps the list whole.
pub const ERROR_CODES: [ErrorCode; 13] = [
    ErrorCode::InvalidField,
    ErrorCode::UnknownCode,
    ErrorCode::UnknownParameter,
    ErrorCode::DuplicateParameter,
    ErrorCode::NotFound,
    ErrorCode::Internal,
    ErrorCode::Unauthenticated,
    ErrorCode::Forbidden,
    ErrorCode::CsrfRejected,
    ErrorCode::Conflict,
    ErrorCode::PayloadTooLarge,
    ErrorCode::RateLimited,
    ErrorCode::ImportRejected,
];

/// Exhaustive: a new error code does not compile until it is in [`ERROR_CODES`].
pub const fn code_index(c: ErrorCode) -> usize {
    match c {
        ErrorCode::InvalidField => 0,
        ErrorCode::UnknownCode => 1,
        ErrorCode::UnknownParameter => 2,
        ErrorCode::DuplicateParameter => 3,
        ErrorCode::NotFound => 4,
        ErrorCode::Internal => 5,
        ErrorCode::Unauthenticated => 6,
        ErrorCode::Forbidden => 7,
        ErrorCode::CsrfRejected => 8,
        ErrorCode::Conflict => 9,
        ErrorCode::PayloadTooLarge => 10,
        ErrorCode::RateLimited => 11,
        ErrorCode::ImportRejected => 12,
    }
}

by_hand!(ErrorCode, "ErrorCode", |_g| {
    let codes: Vec<&str> = ERROR_CODES.iter().map(|c| c.as_str()).collect();
    json_schema!({"type": "string", "enum": codes})
});

by_hand!(crate::import::ImportKind, "ImportKind", |_g| {
    let kinds: Vec<&str> = crate::import::ImportKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    json_schema!({"type": "string", "enum": kinds,
        "description": "Tipo di file del registro (docs/imports.md)."})
});

by_hand!(crate::import::RowError, "RowError", |_g| json_schema!({
    "type": "object", "required": ["line", "column", "value", "reason"], "properties": {
        "line": {"type": "integer", "minimum": 1, "description": "Riga del file su cui inizia il record (l'intestazione è la riga 1; gli errori del file intero sono sulla riga 1)."},
        "column": {"type": ["string", "null"], "description": "Nome canonico della colonna (es. data_iscrizione); null se l'errore non riguarda una sola colonna."},
        "value": {"type": "string", "maxLength": 80, "description": "Il valore come scritto nel file (al più 80 caratteri)."},
        "reason": {"type": "string", "description": "Il motivo, in italiano, per la segreteria."}}
}));

by_hand!(
    crate::import::ImportWarning,
    "ImportWarning",
    |_g| json_schema!({
        "type": "object", "required": ["column", "message"], "properties": {
            "column": {"type": "string", "description": "La colonna come scritta nell'intestazione (vuota per una colonna senza nome)."},
            "message": {"type": "string"}},
        "description": "Qualcosa da sapere che non blocca l'importazione (una colonna sconosciuta, ignorata)."
    })
);

by_hand!(
    crate::family::RequestStatus,
    "RequestStatus",
    |_g| json_schema!({
        "type": "string", "enum": ["pending", "approved", "refused"]
    })
);

by_hand!(
    crate::family::JustificationReason,
    "JustificationReason",
    |_g| json_schema!({
        "type": "string", "enum": ["personal", "family", "transport", "activities", "other"],
        "description": "Elenco fisso: nessun dettaglio sulla salute (seed 001, Garante)."
    })
);

by_hand!(crate::family::Decision, "Decision", |_g| json_schema!({
    "type": "string", "enum": ["approve", "refuse"]
}));

by_hand!(crate::attendance::Limits, "Limits", |_g| json_schema!({
    "type": "object",
    "required": ["weekly_hours", "weeks", "annual_hours", "min_attendance_hours", "max_absence_hours", "max_absence_days"],
    "properties": {
        "weekly_hours": {"type": "integer"}, "weeks": {"type": "integer"},
        "annual_hours": {"type": "integer"}, "min_attendance_hours": {"type": "integer"},
        "max_absence_hours": {"type": "integer"},
        "max_absence_days": {"type": ["integer", "null"], "description": "Giorni interi di assenza entro il limite, con daily_hours; null senza."}}
}));

by_hand!(crate::publish::IpaEnte, "IpaEnte", |_g| json_schema!({
    "type": "object",
    "required": ["ipa_code", "name", "codice_fiscale", "address", "cap", "comune", "comune_name", "province", "pec", "website"],
    "properties": {
        "ipa_code": {"type": "string"}, "name": {"type": "string"}, "codice_fiscale": {"type": "string"},
        "address": {"type": ["string", "null"]}, "cap": {"type": ["string", "null"]},
        "comune": {"type": ["string", "null"], "description": "Codice ISTAT."},
        "comune_name": {"type": ["string", "null"]}, "province": {"type": ["string", "null"]},
        "pec": {"type": ["string", "null"]}, "website": {"type": ["string", "null"]}}
}));

by_hand!(crate::family::Dashboard, "Dashboard", |_g| json_schema!({
    "type": "object", "description": "domain::family::Dashboard: durate in minuti, limiti in ore intere.",
    "required": ["as_of", "annual_hours", "max_absence_hours", "counted_absence_minutes", "remaining_minutes", "remaining_days", "status", "actions", "auto_notices"],
    "properties": {
        "as_of": {"type": "string", "format": "date"},
        "annual_hours": {"type": "integer"}, "max_absence_hours": {"type": "integer"},
        "counted_absence_minutes": {"type": "integer"}, "remaining_minutes": {"type": "integer"},
        "remaining_days": {"type": "integer"}, "day_hours": {"type": "integer"},
        "derogated_minutes": {"type": "integer"}, "pending_deroga_minutes": {"type": "integer"},
        "gauge_permille": {"type": "integer", "minimum": 0, "maximum": 1000},
        "limit_used_percent": {"type": ["number", "null"]},
        "status": {"type": "string", "enum": ["ok", "attention", "at_risk", "limit_exceeded"]},
        "forecast_crossing_on": {"type": ["string", "null"], "format": "date"},
        "limit_crossed_on": {"type": ["string", "null"], "format": "date"},
        "documentation_deadline": {"type": ["string", "null"], "format": "date"},
        "law159": {"type": ["object", "null"]},
        "actions": {"type": "array", "items": {"type": "object", "required": ["kind"]}},
        "auto_notices": {"type": "array", "items": {"type": "object", "required": ["kind"]}}}
}));

/// `GET /api/v1/pupils/{id}/attendance` (the worker's `family::ChildPosition`).
pub struct ChildPosition;
by_hand!(ChildPosition, "ChildPosition", |g| {
    let dashboard = g.subschema_for::<crate::family::Dashboard>();
    let status = g.subschema_for::<crate::family::RequestStatus>();
    let reason = g.subschema_for::<crate::family::JustificationReason>();
    let deroga = g.subschema_for::<Deroga>();
    json_schema!({
        "type": "object", "required": ["pupil_id", "dashboard", "absences", "derogations", "categories"], "properties": {
            "pupil_id": {"type": "integer"}, "name": {"type": "string"}, "surname": {"type": "string"},
            "class_code": {"type": "string"}, "school": {"type": "string"},
            "first_lesson_day": {"type": "string", "format": "date"}, "last_lesson_day": {"type": "string", "format": "date"},
            "dashboard": dashboard,
            "absences": {"type": "array", "items": {"type": "object",
                "required": ["id", "date", "kind", "minutes", "justified", "justification", "effect", "deroga_id", "can_justify"],
                "properties": {
                "id": {"type": "integer"}, "date": {"type": "string", "format": "date"}, "kind": {"type": "string"},
                "minutes": {"type": ["integer", "null"]}, "justified": {"type": "boolean"},
                "justification": {"oneOf": [{"type": "null"}, {"type": "object",
                    "required": ["id", "reason", "status", "requested_at", "decided_at"], "properties": {
                    "id": {"type": "integer"}, "reason": reason, "status": status,
                    "requested_at": {"type": "integer"}, "decided_at": {"type": ["integer", "null"]}}}]},
                "effect": {"type": ["string", "null"], "enum": ["counted", "pending_deroga", "derogated", "not_counted", null]},
                "deroga_id": {"type": ["integer", "null"]}, "can_justify": {"type": "boolean"}}}},
            "derogations": {"type": "array", "items": deroga},
            "categories": {"type": "array", "items": {"type": "object", "required": ["code", "label"], "properties": {
                "code": {"type": "string"}, "label": {"type": "string"}}}}}
    })
});

/// A derogation request as the family and the school see it (the worker's `db::family::DerogaOut`).
pub struct Deroga;
by_hand!(Deroga, "Deroga", |g| {
    let status = g.subschema_for::<crate::family::RequestStatus>();
    json_schema!({"type": "object",
        "required": ["id", "pupil_id", "category", "from", "to", "status", "requested_at", "decided_at"],
        "properties": {
            "id": {"type": "integer"}, "pupil_id": {"type": "integer"}, "category": {"type": "string"},
            "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"},
            "status": status, "requested_at": {"type": "integer"}, "decided_at": {"type": ["integer", "null"]}}})
});

/// A notice (the worker's `db::family::Notice`).
pub struct Notice;
by_hand!(Notice, "Notice", |_g| json_schema!({
    "type": "object",
    "required": ["id", "school_id", "title", "body", "audience", "requires_ack", "published_at", "read", "pupils"],
    "properties": {
        "id": {"type": "integer"}, "school_id": {"type": "integer"}, "title": {"type": "string"}, "body": {"type": "string"},
        "audience": {"description": "Destinatari: tutta la scuola, un ordine di scuola, classi o alunni."},
        "requires_ack": {"type": "boolean"},
        "published_at": {"type": "integer", "description": "Secondi dal 1970-01-01 UTC."},
        "read": {"type": "boolean", "description": "Per un tutore: letto da lui."},
        "pupils": {"type": "array", "description": "Per un tutore: i suoi figli a cui è rivolto, con la presa visione.",
            "items": {"type": "object", "required": ["pupil_id", "acknowledged_at"], "properties": {
                "pupil_id": {"type": "integer"}, "acknowledged_at": {"type": ["integer", "null"]}}}}}
}));

/// Acknowledgement figures (`domain::family::AckSummary`).
pub struct AckSummary;
by_hand!(AckSummary, "AckSummary", |_g| json_schema!({
    "type": "object", "required": ["recipients", "acknowledged", "percent", "classes"], "properties": {
        "recipients": {"type": "integer"}, "acknowledged": {"type": "integer"},
        "percent": {"type": "number", "description": "Una cifra decimale; 0 se nessuno è raggiunto."},
        "classes": {"type": "array", "items": {"type": "object", "required": ["class", "recipients", "acknowledged"], "properties": {
            "class": {"type": "string"}, "recipients": {"type": "integer"}, "acknowledged": {"type": "integer"}}}}}
}));

/// `GET /api/v1/notices`.
pub struct Notices;
by_hand!(Notices, "Notices", |g| {
    let notice = g.subschema_for::<Notice>();
    json_schema!({"type": "object", "required": ["items"], "properties": {
        "items": {"type": "array", "items": notice}}})
});

/// `GET /api/v1/schools/{school_id}/notices`.
pub struct SchoolNotices;
by_hand!(SchoolNotices, "SchoolNotices", |g| {
    let notice = g.subschema_for::<Notice>();
    let summary = g.subschema_for::<AckSummary>();
    json_schema!({"type": "object", "required": ["items"], "properties": {
        "items": {"type": "array", "items": {"type": "object", "required": ["notice", "summary"], "properties": {
            "notice": notice, "summary": summary}}}}})
});

/// `GET /api/v1/notices/{id}/acknowledgements` (the worker's `family::NoticeReport`): the
/// notice's fields, its figures and every pupil it reaches.
pub struct AckReport;
by_hand!(AckReport, "AckReport", |g| {
    let notice = g.subschema_for::<Notice>();
    let summary = g.subschema_for::<AckSummary>();
    json_schema!({"allOf": [notice, {"type": "object", "required": ["summary", "pupils"], "properties": {
        "summary": summary,
        "pupils": {"type": "array", "items": {"type": "object",
            "required": ["pupil_id", "pupil", "class_code", "acknowledged_at", "acknowledged_by"], "properties": {
            "pupil_id": {"type": "integer"}, "pupil": {"type": "string"}, "class_code": {"type": "string"},
            "acknowledged_at": {"type": ["integer", "null"]}, "acknowledged_by": {"type": ["string", "null"]}}}}}}]})
});

/// `GET /api/v1/schools/{school_id}/requests` (the worker's `db::family::PendingRequest`).
pub struct PendingRequests;
by_hand!(PendingRequests, "PendingRequests", |_g| json_schema!({
    "type": "object", "required": ["items"], "properties": {
        "items": {"type": "array", "items": {"type": "object",
            "required": ["kind", "id", "pupil_id", "pupil", "class_code", "date_from", "date_to", "what", "reason", "requested_at"],
            "properties": {
                "kind": {"type": "string", "description": "justification o derogation."},
                "id": {"type": "integer"}, "pupil_id": {"type": "integer"}, "pupil": {"type": "string"},
                "class_code": {"type": "string"},
                "date_from": {"type": "string", "format": "date", "description": "Data dell'assenza (giustificazione) o primo giorno (deroga)."},
                "date_to": {"type": "string", "format": "date"},
                "what": {"type": "string", "description": "Tipo di assenza (giustificazione) o categoria (deroga)."},
                "reason": {"type": ["string", "null"], "description": "Codice del motivo (giustificazione)."},
                "requested_at": {"type": "integer"}}}}}
}));

/// `GET /api/v1/me/export` as JSON.
pub struct Export;
by_hand!(Export, "Export", |g| {
    let child = g.subschema_for::<ChildPosition>();
    let notice = g.subschema_for::<Notice>();
    json_schema!({"type": "object", "required": ["generated_at", "guardian", "children", "notices"], "properties": {
        "generated_at": {"type": "string"},
        "guardian": {"type": "object", "required": ["codice_fiscale", "given_name", "family_name"], "properties": {
            "codice_fiscale": {"type": "string"}, "given_name": {"type": "string"}, "family_name": {"type": "string"}}},
        "children": {"type": "array", "items": child},
        "notices": {"type": "array", "items": notice}}})
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_codes_are_all_listed_in_order() {
        for (i, c) in ERROR_CODES.iter().enumerate() {
            assert_eq!(code_index(*c), i, "{c:?}");
        }
    }
}
