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
