//! The error every parse in the domain returns, and the JSON shape the API gives it
//! (DESIGN.md §8): `{"error":{"code":"…","field":"…","message":"…"}}`.

use serde::Serialize;
use std::fmt;

/// Stable machine-readable error codes. The Italian message goes with them; clients switch on
/// the code, people read the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A value has the wrong form or is out of range.
    InvalidField,
    /// A well-formed code that the reference data does not know.
    UnknownCode,
    /// A query parameter this endpoint does not take.
    UnknownParameter,
    /// The same parameter given twice.
    DuplicateParameter,
    /// Nothing is published under this id.
    NotFound,
    /// Something went wrong on our side; the message says to retry.
    Internal,
    /// The request needs a signed-in person and has no live session.
    Unauthenticated,
    /// Signed in, but this person's roles do not reach this object or action.
    Forbidden,
    /// A state-changing request without this session's CSRF token or from another origin.
    CsrfRejected,
    /// The request conflicts with the current state (e.g. an import already made live).
    Conflict,
    /// The request body is larger than this endpoint takes.
    PayloadTooLarge,
    /// Too many attempts in a short time.
    RateLimited,
    /// An import with bad rows: nothing was written; the answer lists every row.
    ImportRejected,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidField => "invalid_field",
            ErrorCode::UnknownCode => "unknown_code",
            ErrorCode::UnknownParameter => "unknown_parameter",
            ErrorCode::DuplicateParameter => "duplicate_parameter",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Internal => "internal",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::CsrfRejected => "csrf_rejected",
            ErrorCode::Conflict => "conflict",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::ImportRejected => "import_rejected",
        }
    }
}

/// One thing wrong with a request, with the field at fault when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub code: ErrorCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: String,
}

impl FieldError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        FieldError {
            code: ErrorCode::InvalidField,
            field: Some(field.to_owned()),
            message: message.into(),
        }
    }

    pub fn unknown_code(field: &str, value: &str) -> Self {
        FieldError {
            code: ErrorCode::UnknownCode,
            field: Some(field.to_owned()),
            message: format!("Il codice «{value}» non esiste nei dati di riferimento."),
        }
    }

    pub fn unknown_parameter(name: &str) -> Self {
        FieldError {
            code: ErrorCode::UnknownParameter,
            field: Some(name.to_owned()),
            message: format!("Il parametro «{name}» non è previsto."),
        }
    }

    pub fn duplicate_parameter(name: &str) -> Self {
        FieldError {
            code: ErrorCode::DuplicateParameter,
            field: Some(name.to_owned()),
            message: format!("Il parametro «{name}» è indicato più di una volta."),
        }
    }

    pub fn not_found() -> Self {
        FieldError {
            code: ErrorCode::NotFound,
            field: None,
            message: "La risorsa richiesta non esiste o non è pubblicata.".to_owned(),
        }
    }

    pub fn internal() -> Self {
        FieldError {
            code: ErrorCode::Internal,
            field: None,
            message: "Si è verificato un errore interno. Riprovare tra poco.".to_owned(),
        }
    }

    pub fn unauthenticated() -> Self {
        FieldError {
            code: ErrorCode::Unauthenticated,
            field: None,
            message: "Per continuare occorre accedere con SPID o CIE.".to_owned(),
        }
    }

    pub fn forbidden() -> Self {
        FieldError {
            code: ErrorCode::Forbidden,
            field: None,
            message: "Non è consentito accedere a questi dati con il proprio profilo.".to_owned(),
        }
    }

    pub fn csrf_rejected() -> Self {
        FieldError {
            code: ErrorCode::CsrfRejected,
            field: None,
            message: "La richiesta non proviene da una pagina di Ponte: ricaricare la pagina e riprovare."
                .to_owned(),
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        FieldError {
            code: ErrorCode::Conflict,
            field: None,
            message: message.into(),
        }
    }

    pub fn payload_too_large(max_bytes: usize) -> Self {
        FieldError {
            code: ErrorCode::PayloadTooLarge,
            field: None,
            message: format!(
                "Il contenuto inviato è troppo grande: al massimo {} KB per richiesta.",
                max_bytes / 1024
            ),
        }
    }

    pub fn rate_limited() -> Self {
        FieldError {
            code: ErrorCode::RateLimited,
            field: None,
            message: "Troppi tentativi in poco tempo: riprovare tra qualche minuto.".to_owned(),
        }
    }

    /// The API's error document.
    pub fn to_body(&self) -> ErrorBody<'_> {
        ErrorBody { error: self }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for FieldError {}

#[derive(Serialize)]
pub struct ErrorBody<'a> {
    pub error: &'a FieldError,
}
