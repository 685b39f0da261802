//! The API contract checked on every answer: the OpenAPI document the running worker serves
//! (`/api/v1/openapi.json`, written by the build from `domain::api`) must describe the answer's
//! status and media type for the operation the request reached, and a JSON body must validate
//! against that answer's schema. The harness's request helpers call [`check`] on each answer.

use jsonschema::Validator;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

pub struct Contract {
    pub document: Value,
    /// Validators already built, by JSON pointer to the schema in the document.
    validators: Mutex<HashMap<String, Validator>>,
}

/// The document of the running worker, read once per test binary.
pub fn contract() -> &'static Contract {
    static CONTRACT: OnceLock<Contract> = OnceLock::new();
    CONTRACT.get_or_init(|| {
        let app = crate::spawn_app();
        let url = format!("{}/api/v1/openapi.json", app.base);
        let document: Value = app
            .agent
            .get(&url)
            .call()
            .unwrap_or_else(|e| panic!("GET {url}: {e}"))
            .into_json()
            .unwrap_or_else(|e| panic!("GET {url}: not JSON: {e}"));
        Contract::new(document)
    })
}

/// `~` and `/` escaped for a JSON pointer.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Whether `path` (no query) is one of the API's: everything under `/api/` and `/healthz`.
pub fn is_api(path: &str) -> bool {
    path.starts_with("/api/") || path == "/healthz"
}

/// How many literal segments of `template` match `path`; `None` if it does not match.
fn matches(template: &str, path: &str) -> Option<usize> {
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    if t.len() != p.len() {
        return None;
    }
    let mut literal = 0;
    for (t, p) in t.iter().zip(&p) {
        if t.starts_with('{') && t.ends_with('}') {
            if p.is_empty() {
                return None;
            }
        } else if t == p {
            literal += 1;
        } else {
            return None;
        }
    }
    Some(literal)
}

impl Contract {
    pub fn new(document: Value) -> Contract {
        Contract {
            document,
            validators: Mutex::new(HashMap::new()),
        }
    }

    /// The path template that `path` reaches (the most literal one, as the router picks).
    pub fn template(&self, path: &str) -> Option<String> {
        self.document["paths"]
            .as_object()?
            .keys()
            .filter_map(|t| matches(t, path).map(|n| (n, t)))
            .max_by_key(|(n, _)| *n)
            .map(|(_, t)| t.clone())
    }

    /// Checks one answer of `method` `path_and_query`; panics with the reason if the document
    /// does not describe it. Pages (outside the API) are not checked.
    #[track_caller]
    pub fn check(&self, method: &str, path_and_query: &str, status: u16, media: &str, body: &str) {
        let path = path_and_query
            .split(['?', '#'])
            .next()
            .unwrap_or(path_and_query);
        if !is_api(path) {
            return;
        }
        let what = format!("{method} {path_and_query} → {status}");
        let media = media.split(';').next().unwrap_or("").trim().to_owned();
        let Some(template) = self.template(path) else {
            // No such operation: the router's fallback, a JSON 404 in the error shape.
            assert_eq!(status, 404, "{what}: a path the document does not have");
            self.validate("/components/schemas/Error", body, &what);
            return;
        };
        let method = method.to_ascii_lowercase();
        let item = &self.document["paths"][&template];
        if item.get(&method).is_none() {
            assert_eq!(
                status, 405,
                "{what}: {template} has no {method} in the document"
            );
            return;
        }
        let reply = &item[&method]["responses"][status.to_string()];
        assert!(
            reply.is_object(),
            "{what}: the document gives {method} {template} no answer {status}"
        );
        let Some(content) = reply.get("content").and_then(Value::as_object) else {
            return;
        };
        assert!(
            content.contains_key(&media),
            "{what}: the document gives {method} {template} {status} as {:?}, not {media:?}",
            content.keys().collect::<Vec<_>>()
        );
        if media == "application/json" {
            let pointer = format!(
                "/paths/{}/{method}/responses/{status}/content/{}/schema",
                escape(&template),
                escape(&media)
            );
            self.validate(&pointer, body, &what);
        }
    }

    /// Validates `body` against the schema at `pointer` in the document (whose
    /// `#/components/schemas/…` references it may follow).
    #[track_caller]
    fn validate(&self, pointer: &str, body: &str, what: &str) {
        let instance: Value =
            serde_json::from_str(body).unwrap_or_else(|e| panic!("{what}: not JSON ({e}): {body}"));
        let mut validators = self.validators.lock().unwrap_or_else(|e| e.into_inner());
        let validator = validators.entry(pointer.to_owned()).or_insert_with(|| {
            // The whole document as the root resource, so that its `#/components/…`
            // references resolve; the other keywords of the document are unknown to JSON
            // Schema and ignored.
            let mut root = self.document.clone();
            if let Some(o) = root.as_object_mut() {
                // A URI fragment: the braces of path templates are percent-encoded.
                let fragment = pointer.replace('{', "%7B").replace('}', "%7D");
                o.insert("$ref".into(), json!(format!("#{fragment}")));
                o.insert(
                    "$schema".into(),
                    json!("https://json-schema.org/draft/2020-12/schema"),
                );
            }
            jsonschema::options()
                .should_validate_formats(true)
                .build(&root)
                .unwrap_or_else(|e| panic!("the schema at {pointer} does not compile: {e}"))
        });
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{what}: the body does not match the document's schema ({pointer}):\n{}\nbody: {}",
            errors.join("\n"),
            body.chars().take(2000).collect::<String>()
        );
    }
}

/// Checks an answer against the running worker's document (see [`Contract::check`]).
#[track_caller]
pub fn check(method: &str, path_and_query: &str, status: u16, media: &str, body: &str) {
    contract().check(method, path_and_query, status, media, body);
}

/// Checks an answer of the browser-like client (`xtask::client`), for the request helpers of
/// the signed-in suites.
#[track_caller]
pub fn check_answer(method: &str, path_and_query: &str, a: &xtask::client::Answer) {
    check(method, path_and_query, a.status, &a.content_type, &a.body);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Contract {
        Contract::new(json!({
            "paths": {
                "/api/v1/things/{id}": {"get": {"responses": {
                    "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                    "404": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
                "/api/v1/things/new": {"get": {"responses": {"200": {"description": "plain"}}}}
            },
            "components": {"schemas": {
                "Thing": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}},
                "Error": {"type": "object", "required": ["error"]}
            }}
        }))
    }

    #[test]
    fn the_most_literal_template_wins() {
        let c = doc();
        assert_eq!(
            c.template("/api/v1/things/new").as_deref(),
            Some("/api/v1/things/new")
        );
        assert_eq!(
            c.template("/api/v1/things/7").as_deref(),
            Some("/api/v1/things/{id}")
        );
        assert_eq!(c.template("/api/v1/things/7/x"), None);
    }

    #[test]
    fn a_body_that_matches_passes() {
        let c = doc();
        c.check(
            "GET",
            "/api/v1/things/7?x=1",
            200,
            "application/json",
            r#"{"id": 7}"#,
        );
        c.check(
            "GET",
            "/api/v1/nothing",
            404,
            "application/json",
            r#"{"error": {}}"#,
        );
        c.check("POST", "/api/v1/things/7", 405, "", "");
        c.check("GET", "/enti", 200, "text/html", "<html>");
    }

    #[test]
    #[should_panic(expected = "does not match")]
    fn a_body_that_does_not_match_fails() {
        doc().check(
            "GET",
            "/api/v1/things/7",
            200,
            "application/json",
            r#"{"id": "7"}"#,
        );
    }

    #[test]
    #[should_panic(expected = "no answer 409")]
    fn an_undocumented_status_fails() {
        doc().check("GET", "/api/v1/things/7", 409, "application/json", "{}");
    }

    #[test]
    #[should_panic(expected = "not \"text/csv\"")]
    fn an_undocumented_media_type_fails() {
        doc().check("GET", "/api/v1/things/7", 200, "text/csv", "id\n7");
    }
}
