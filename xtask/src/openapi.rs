//! The OpenAPI 3.1 document, written at build time from `domain::api`: the operations of
//! [`Op::ALL`] (the same table the worker's router is built from) and the schemas of the API's
//! types. `cargo xtask build` writes it to `assets/api/v1/openapi.json`, which Workers Assets
//! serves with the other static files, so none of it is in the worker.

use crate::{paths, Result};
use domain::api::schemars::generate::SchemaSettings;
use domain::api::schemars::SchemaGenerator;
use domain::api::types as t;
use domain::api::{Auth, Body, In, Method, Op, Param, RequestBody, Schema, Value as Form};
use serde_json::{json, Map, Value};
use std::path::PathBuf;

/// Where the build writes the document: Workers Assets serves `assets/` at the site's root.
pub fn path() -> PathBuf {
    paths::assets().join("api/v1/openapi.json")
}

/// Writes the document where Workers Assets serves it.
pub fn write() -> Result {
    let text = serde_json::to_string_pretty(&document()).map_err(|e| e.to_string())?;
    let p = path();
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&p, text).map_err(|e| format!("cannot write {}: {e}", p.display()))
}

/// The `$ref` of `schema`, adding its component (and those it refers to) to the generator.
/// Exhaustive: a new [`Schema`] does not compile until it names its type.
fn component(g: &mut SchemaGenerator, schema: Schema) -> Value {
    let s = match schema {
        Schema::Health => g.subschema_for::<t::Health>(),
        Schema::Error => g.subschema_for::<t::ErrorBody<'static>>(),
        Schema::Limits => g.subschema_for::<domain::attendance::Limits>(),
        Schema::SearchPage => g.subschema_for::<domain::hosts::SearchPage>(),
        Schema::HostDetail => g.subschema_for::<domain::hosts::HostDetail>(),
        Schema::Comuni => g.subschema_for::<t::Comuni>(),
        Schema::IpaEnte => g.subschema_for::<domain::publish::IpaEnte>(),
        Schema::AtecoEntry => g.subschema_for::<t::AtecoEntry>(),
        Schema::Cp2011List => g.subschema_for::<t::Cp2011List>(),
        Schema::Submission => g.subschema_for::<t::Submission>(),
        Schema::Declaration => g.subschema_for::<t::Declaration>(),
        Schema::DeclarationStatus => g.subschema_for::<t::DeclarationStatus>(),
        Schema::Published => g.subschema_for::<t::Published>(),
        Schema::ProfileErrors => g.subschema_for::<t::ProfileErrors>(),
        Schema::Me => g.subschema_for::<t::Me>(),
        Schema::NewImport => g.subschema_for::<t::NewImport>(),
        Schema::Import => g.subschema_for::<t::Import>(),
        Schema::ImportList => g.subschema_for::<t::ImportList>(),
        Schema::PartOutcome => g.subschema_for::<t::PartOutcome>(),
        Schema::ImportRejected => g.subschema_for::<t::ImportRejected>(),
        Schema::CommitOptions => g.subschema_for::<t::CommitOptions>(),
        Schema::ImportConflict => g.subschema_for::<t::ImportConflict>(),
        Schema::Pupil => g.subschema_for::<t::Pupil>(),
        Schema::PupilAbsences => g.subschema_for::<t::PupilAbsences>(),
        Schema::ChildPosition => g.subschema_for::<domain::family::ChildPosition>(),
        Schema::DerogationForm => g.subschema_for::<t::DerogationForm>(),
        Schema::DerogationRequest => g.subschema_for::<t::DerogationRequest>(),
        Schema::JustificationForm => g.subschema_for::<t::JustificationForm>(),
        Schema::Justification => g.subschema_for::<t::Justification>(),
        Schema::JustificationsForm => g.subschema_for::<t::JustificationsForm>(),
        Schema::Justifications => g.subschema_for::<t::Justifications>(),
        Schema::DecisionForm => g.subschema_for::<t::DecisionForm>(),
        Schema::DerogationDecisionForm => g.subschema_for::<t::DerogationDecisionForm>(),
        Schema::ReviewForm => g.subschema_for::<t::ReviewForm>(),
        Schema::Decided => g.subschema_for::<t::Decided>(),
        Schema::PendingRequests => g.subschema_for::<t::PendingRequests>(),
        Schema::SchoolDecisions => g.subschema_for::<t::SchoolDecisions>(),
        Schema::SchoolAttendance => g.subschema_for::<t::SchoolAttendance>(),
        Schema::SchoolNotices => g.subschema_for::<t::SchoolNotices>(),
        Schema::NoticeForm => g.subschema_for::<t::NoticeForm>(),
        Schema::Created => g.subschema_for::<t::Created>(),
        Schema::Notices => g.subschema_for::<t::Notices>(),
        Schema::Acknowledged => g.subschema_for::<t::Acknowledged>(),
        Schema::NoticeChange => g.subschema_for::<t::NoticeChange>(),
        Schema::NextForm => g.subschema_for::<t::NextForm>(),
        Schema::AckReport => g.subschema_for::<domain::family::NoticeReport>(),
        Schema::Export => g.subschema_for::<t::Export>(),
        Schema::Shortlists => g.subschema_for::<domain::shortlist::Shortlists>(),
        Schema::SchoolLaw159 => g.subschema_for::<t::SchoolLaw159>(),
        Schema::Law159StepForm => g.subschema_for::<t::Law159StepForm>(),
        Schema::PupilLaw159 => g.subschema_for::<t::PupilLaw159>(),
        Schema::SchoolArs => g.subschema_for::<t::SchoolArs>(),
        Schema::ArsSentForm => g.subschema_for::<t::ArsSentForm>(),
        Schema::PupilArs => g.subschema_for::<t::PupilArs>(),
        Schema::ShortlistBody => g.subschema_for::<domain::shortlist::ShortlistBody>(),
        Schema::ShortlistChange => g.subschema_for::<domain::shortlist::ShortlistChange>(),
    };
    s.to_value()
}

fn param_schema(v: Form) -> Value {
    match v {
        Form::Id => json!({"type": "integer", "minimum": 1}),
        Form::Integer { min, max, default } => {
            let mut s = json!({"type": "integer", "minimum": min});
            if let Some(max) = max {
                s["maximum"] = json!(max);
            }
            if let Some(d) = default {
                s["default"] = json!(d);
            }
            s
        }
        Form::Text {
            pattern,
            max_length,
        } => {
            let mut s = json!({"type": "string"});
            if let Some(p) = pattern {
                s["pattern"] = json!(p);
            }
            if let Some(n) = max_length {
                s["maxLength"] = json!(n);
            }
            s
        }
        Form::OneOf(values) => json!({"type": "string", "enum": values}),
    }
}

/// The description added to an optional query parameter.
const EMPTY_IS_ABSENT: &str = "Vuoto (o di soli spazi) equivale a non indicarlo.";

/// A parameter. An optional query parameter also takes an empty value, which means the same as
/// leaving it out (`domain::query::QueryParams`: a search form sends every field, filled or
/// not); the contract probe found the document saying otherwise.
fn parameter(p: &Param) -> Value {
    let optional_query = p.at == In::Query && !p.required;
    let schema = if optional_query {
        json!({"anyOf": [param_schema(p.value), {"type": "string", "pattern": "^\\s*$"}]})
    } else {
        param_schema(p.value)
    };
    let description = if optional_query {
        format!("{} {EMPTY_IS_ABSENT}", p.description)
    } else {
        p.description.to_owned()
    };
    json!({
        "name": p.name,
        "in": match p.at { In::Path => "path", In::Query => "query" },
        "required": p.required,
        "description": description,
        "schema": schema,
    })
}

fn content(g: &mut SchemaGenerator, body: Body) -> Option<Value> {
    Some(match body {
        Body::Unspecified => return None,
        Body::Json(s) => json!({"application/json": {"schema": component(g, s)}}),
        Body::JsonOrCsv(s) => json!({
            "application/json": {"schema": component(g, s)},
            "text/csv": {"schema": {"type": "string"}}}),
        Body::JsonOrForm(s) => {
            let r = component(g, s);
            json!({"application/json": {"schema": r.clone()},
                   "application/x-www-form-urlencoded": {"schema": r}})
        }
        Body::Text(media) => json!({ media: {"schema": {"type": "string"}} }),
        Body::Binary(media) => json!({ media: {"schema": {"type": "string", "format": "binary"}} }),
    })
}

fn operation(g: &mut SchemaGenerator, op: Op) -> Value {
    let spec = op.spec();
    let mut o = Map::new();
    o.insert("operationId".into(), json!(spec.id));
    o.insert("tags".into(), json!([spec.tag]));
    o.insert("summary".into(), json!(spec.summary));
    if let Some(d) = spec.description {
        o.insert("description".into(), json!(d));
    }
    let security = match (spec.auth, op.method()) {
        (Auth::Public, _) => json!([]),
        (Auth::Session, Method::Get) => json!([{"session": []}]),
        (Auth::Session, Method::Post) => json!([{"session": [], "csrf": []}]),
    };
    o.insert("security".into(), security);
    if !spec.params.is_empty() {
        o.insert(
            "parameters".into(),
            spec.params.iter().map(parameter).collect(),
        );
    }
    if let Some(r) = spec.request {
        let mut body = json!({"required": true});
        if let Some(d) = r.description {
            body["description"] = json!(d);
        }
        if let Some(c) = content(g, r.body) {
            body["content"] = c;
        }
        o.insert("requestBody".into(), body);
    }
    // A form (a page's, without JavaScript) is answered with a 303 to its `next`, or with a
    // page that gives the reason.
    let form = matches!(
        spec.request,
        Some(RequestBody {
            body: Body::JsonOrForm(_),
            ..
        })
    );
    let mut replies = Map::new();
    if form {
        replies.insert(
            "303".into(),
            json!({"description": "Solo per i moduli: la pagina a cui tornare (next)."}),
        );
    }
    for r in op.replies() {
        let mut reply = json!({"description": r.description});
        if let Some(mut c) = content(g, r.body) {
            if form && r.status >= 400 {
                // For a form: a page with the reason.
                c["text/html"] = json!({"schema": {"type": "string"}});
            }
            reply["content"] = c;
        }
        replies.insert(r.status.to_string(), reply);
    }
    o.insert("responses".into(), Value::Object(replies));
    Value::Object(o)
}

/// The whole document.
pub fn document() -> Value {
    let mut g = SchemaSettings::draft2020_12()
        .for_serialize()
        .with(|s| {
            s.definitions_path = "/components/schemas".into();
            s.meta_schema = None;
        })
        .into_generator();
    let mut paths = Map::new();
    for op in Op::ALL {
        let item = paths
            .entry(op.path())
            .or_insert_with(|| Value::Object(Map::new()));
        let operation = operation(&mut g, op);
        item[op.method().key()] = operation;
    }
    let schemas = g.take_definitions(true);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Ponte API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "API di Ponte: scuola, famiglie ed enti ospitanti. Errori sempre nella forma {\"error\":{\"code\",\"field\",\"message\"}} (un'importazione rifiutata aggiunge \"import\"); i parametri sconosciuti sono errori. Le operazioni per chi ha effettuato l'accesso (SPID o CIE, dalla pagina /accedi) usano il cookie di sessione; le richieste POST anche il token CSRF. Un oggetto fuori dalla portata della persona risponde 404, come se non esistesse."
        },
        "tags": [
            {"name": "servizio", "description": "Il servizio e questo documento."},
            {"name": "enti", "description": "La ricerca degli enti ospitanti (pubblica)."},
            {"name": "pubblicazione", "description": "La pubblicazione del profilo di un ente: nessun accesso, l'ente si prova con PEC o firma digitale."},
            {"name": "accesso", "description": "La persona che ha effettuato l'accesso."},
            {"name": "scuola", "description": "Segreteria, dirigente e docenti."},
            {"name": "famiglie", "description": "I tutori."}
        ],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": domain::session::SESSION_COOKIE,
                    "description": "Cookie di sessione, impostato dopo l'accesso con SPID o CIE (GET /accedi); scade dopo un periodo di inattività."},
                "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token",
                    "description": "Il csrf_token della sessione (GET /api/v1/me), obbligatorio in ogni richiesta POST; la richiesta deve anche provenire dall'origine di Ponte (Origin, Sec-Fetch-Site)."}
            },
            "schemas": schemas,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every `$ref` in `v`.
    fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    match (k.as_str(), v) {
                        ("$ref", Value::String(r)) => out.push(r),
                        _ => refs(v, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }

    #[test]
    fn the_document_has_every_operation_of_the_route_table_and_nothing_else() {
        let doc = document();
        let listed: BTreeSet<(String, String)> = doc["paths"]
            .as_object()
            .into_iter()
            .flatten()
            .flat_map(|(path, item)| {
                item.as_object()
                    .into_iter()
                    .flatten()
                    .map(move |(method, _)| (path.clone(), method.clone()))
            })
            .collect();
        let table: BTreeSet<(String, String)> = Op::ALL
            .iter()
            .map(|op| (op.path().to_owned(), op.method().key().to_owned()))
            .collect();
        assert_eq!(listed, table);
    }

    #[test]
    fn every_reference_resolves_and_every_component_is_used() {
        let doc = document();
        let mut all = Vec::new();
        refs(&doc, &mut all);
        let schemas = doc["components"]["schemas"].as_object().expect("schemas");
        let used: BTreeSet<&str> = all
            .iter()
            .map(|r| {
                r.strip_prefix("#/components/schemas/")
                    .unwrap_or_else(|| panic!("{r} points outside the components"))
            })
            .collect();
        for name in &used {
            assert!(schemas.contains_key(*name), "{name} is referred to");
        }
        for name in schemas.keys() {
            assert!(used.contains(name.as_str()), "{name} is never used");
        }
        assert!(!doc.to_string().contains("$defs"));
    }

    /// Every object schema in `v`, with where it is.
    fn objects<'a>(v: &'a Value, at: String, out: &mut Vec<(String, &'a Map<String, Value>)>) {
        match v {
            Value::Object(m) => {
                out.push((at.clone(), m));
                for (k, v) in m {
                    objects(v, format!("{at}/{k}"), out);
                }
            }
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    objects(v, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    /// A flattened type whose field has the name of one of its own (the JSON would carry the
    /// key twice) shows as a property required twice.
    #[test]
    fn no_schema_requires_a_property_twice() {
        let doc = document();
        let mut all = Vec::new();
        objects(&doc["components"], String::new(), &mut all);
        for (at, o) in all {
            if let Some(Value::Array(required)) = o.get("required") {
                let names: BTreeSet<&str> = required.iter().filter_map(Value::as_str).collect();
                assert_eq!(names.len(), required.len(), "{at}: {required:?}");
            }
        }
    }

    #[test]
    fn every_answer_but_a_redirect_has_a_body_and_every_error_the_error_shape() {
        let doc = document();
        for op in Op::ALL {
            let o = &doc["paths"][op.path()][op.method().key()];
            let responses = o["responses"].as_object().expect("responses");
            for (status, r) in responses {
                if op != Op::OpenApi && status != "303" {
                    assert!(r["content"].is_object(), "{op:?} {status}");
                }
                if status.starts_with('4') || status.starts_with('5') {
                    let s = &r["content"]["application/json"]["schema"]["$ref"];
                    assert!(
                        s.as_str().is_some_and(|s| s.ends_with("/Error")
                            || s.ends_with("/ImportRejected")
                            || s.ends_with("/ImportConflict")
                            || s.ends_with("/ProfileErrors")),
                        "{op:?} {status}: {s}"
                    );
                }
            }
        }
    }

    /// Every error code; the `match` makes a new one fail to compile until it is listed here.
    fn every_error_code() -> Vec<domain::error::ErrorCode> {
        use domain::error::ErrorCode::*;
        let all = vec![
            InvalidField,
            UnknownCode,
            UnknownParameter,
            DuplicateParameter,
            NotFound,
            Internal,
            Unauthenticated,
            Forbidden,
            CsrfRejected,
            Conflict,
            PayloadTooLarge,
            RateLimited,
            UnsupportedMediaType,
            ImportRejected,
            NotQualified,
            CertificateRevoked,
            RevocationUnknown,
        ];
        for c in &all {
            match c {
                InvalidField | UnknownCode | UnknownParameter | DuplicateParameter | NotFound
                | Internal | Unauthenticated | Forbidden | CsrfRejected | Conflict
                | PayloadTooLarge | RateLimited | UnsupportedMediaType | ImportRejected
                | NotQualified | CertificateRevoked | RevocationUnknown => {}
            }
        }
        all
    }

    #[test]
    fn the_error_shape_lists_every_code_as_the_worker_writes_it() {
        let doc = document();
        let schema = &doc["components"]["schemas"]["ErrorCode"];
        // Derived from the enum: one `const` per variant (with its doc as description).
        let listed: Vec<&str> = schema["oneOf"]
            .as_array()
            .expect("oneOf")
            .iter()
            .filter_map(|v| v["const"].as_str())
            .collect();
        let written: Vec<String> = every_error_code()
            .into_iter()
            .map(|c| {
                let v = serde_json::to_value(c).expect("serialises");
                assert_eq!(v, json!(c.as_str()), "{c:?}");
                c.as_str().to_owned()
            })
            .collect();
        assert_eq!(listed, written);
    }

    #[test]
    fn posts_for_a_signed_in_person_need_the_csrf_token() {
        let doc = document();
        for op in Op::ALL {
            let security = &doc["paths"][op.path()][op.method().key()]["security"];
            let want = match (op.spec().auth, op.method()) {
                (Auth::Public, _) => json!([]),
                (Auth::Session, Method::Get) => json!([{"session": []}]),
                (Auth::Session, Method::Post) => json!([{"session": [], "csrf": []}]),
            };
            assert_eq!(security, &want, "{op:?}");
        }
    }
}
