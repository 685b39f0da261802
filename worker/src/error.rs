//! Errors as the API contract shapes them: a status and `{"error":{code, field, message}}`.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::error::{ErrorCode, FieldError};

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub error: FieldError,
}

impl ApiError {
    pub fn internal(context: &str, e: impl std::fmt::Display) -> Self {
        worker::console_error!("{context}: {e}");
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            error: FieldError::internal(),
        }
    }

    /// Storage did not answer (D1 unreachable or failing): a 503 in the error shape, whose
    /// message says to retry; the detail goes to the log only. Nothing was written: a request's
    /// writes are one D1 call or one batch, which either runs whole or not at all.
    pub fn unavailable(context: &str, e: impl std::fmt::Display) -> Self {
        worker::console_error!("{context}: {e}");
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            error: FieldError::internal(),
        }
    }
}

impl From<FieldError> for ApiError {
    fn from(error: FieldError) -> Self {
        let status = match error.code {
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
            ErrorCode::Forbidden | ErrorCode::CsrfRejected => StatusCode::FORBIDDEN,
            ErrorCode::Conflict => StatusCode::CONFLICT,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::ImportRejected => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidField
            | ErrorCode::UnknownCode
            | ErrorCode::UnknownParameter
            | ErrorCode::DuplicateParameter
            | ErrorCode::NotQualified
            | ErrorCode::CertificateRevoked
            | ErrorCode::RevocationUnknown => StatusCode::BAD_REQUEST,
        };
        ApiError { status, error }
    }
}

impl From<worker::Error> for ApiError {
    fn from(e: worker::Error) -> Self {
        ApiError::internal("storage", e)
    }
}

/// A storage failure as the API answers it: an unknown code is the request's fault (400 naming
/// its field); D1 failing is a 503 (retry later); a stored value that does not decode is ours
/// (500). The detail goes to the log only.
impl From<crate::db::Error> for ApiError {
    fn from(e: crate::db::Error) -> Self {
        match e {
            crate::db::Error::UnknownCode { field, code } => {
                FieldError::unknown_code(field, &code).into()
            }
            crate::db::Error::Invalid(e) => e.into(),
            e @ crate::db::Error::Storage { .. } => ApiError::unavailable("storage", e),
            other => ApiError::internal("storage", other),
        }
    }
}

impl IntoResponse for crate::db::Error {
    fn into_response(self) -> Response {
        ApiError::from(self).into_response()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_response(self.status, &self.error.to_body())
    }
}

/// A JSON response that cannot fail: serialisation errors become a 500 with the error shape.
pub fn json_response<T: serde::Serialize>(status: StatusCode, body: &T) -> Response {
    json_text(status, serde_json::to_string(body).ok())
}

/// The response of [`json_response`], kept out of line so that only the serialisation is
/// compiled once per type of answer.
#[inline(never)]
fn json_text(status: StatusCode, text: Option<String>) -> Response {
    match text {
        Some(text) => (
            status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            text,
        )
            .into_response(),
        None => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            format!(
                r#"{{"error":{{"code":"internal","message":"{}"}}}}"#,
                domain::messages::Msg::Internal.it()
            ),
        )
            .into_response(),
    }
}

/// The query string as decoded pairs. Malformed escapes decode lossily and then fail
/// validation like any other bad value, so a bad query is always a 400 in our error shape.
pub fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// A JSON body that must be an object: serde would also fill a struct from a JSON array
/// (`[]` was accepted as a commit's options, found by the contract probe).
pub fn json_object<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> serde_json::Result<T> {
    let object: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(bytes)?;
    serde_json::from_value(serde_json::Value::Object(object))
}

/// An id in a path: a positive integer; anything else answers 404, like an unknown id.
pub fn path_id(raw: &str) -> Result<i64, FieldError> {
    raw.parse::<i64>()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(FieldError::not_found)
}
