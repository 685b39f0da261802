//! The error every parse in the domain returns, and the JSON shape the API gives it
//! (docs/design.md §8): `{"error":{"code":"…","field":"…","message":"…"}}`.

use crate::messages::{Msg, Text, ToArg};
use serde::Serialize;
use std::fmt;

/// Stable machine-readable error codes. The Italian message goes with them; clients switch on
/// the code, people read the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
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
    /// The body's `Content-Type` is not one this endpoint reads (a JSON endpoint given a form).
    UnsupportedMediaType,
    /// An import with bad rows: nothing was written; the answer lists every row.
    ImportRejected,
    /// A signed file whose signer's certificate is not a qualified signature certificate of
    /// the national trusted list (issuer, key usage or QC statements).
    NotQualified,
    /// A signed file whose signer's certificate was revoked or suspended when it signed.
    CertificateRevoked,
    /// A signed file whose certificate's revocation could not be checked (CRL unreachable or
    /// unusable): not accepted, and not judged bad either.
    RevocationUnknown,
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
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::ImportRejected => "import_rejected",
            ErrorCode::NotQualified => "not_qualified",
            ErrorCode::CertificateRevoked => "certificate_revoked",
            ErrorCode::RevocationUnknown => "revocation_unknown",
        }
    }
}

/// One thing wrong with a request, with the field at fault when there is one.
///
/// Every message a person reads comes from the catalogue (`messages::Msg`): the constructors
/// take a `Msg` and its values, and the private `text` keeps a `FieldError` from being written
/// out with a free-text message. The one exception is [`FieldError::from_api`], an error read
/// back from the API, whose message the worker already said from the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "openapi", schemars(rename = "ErrorDetail"))]
pub struct FieldError {
    pub code: ErrorCode,
    /// The field or query parameter at fault, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The message, in Italian.
    pub message: String,
    /// The message's identity and values, so a page in another language can say it from its
    /// own catalogue (`None` only for a message read back from the API with its values
    /// filled in: shown as written).
    #[serde(skip)]
    text: Option<Text>,
}

impl FieldError {
    /// An error whose message is `msg` with these values: `message` is its Italian text.
    pub fn says(
        code: ErrorCode,
        field: Option<&str>,
        msg: Msg,
        args: &[(&'static str, &dyn ToArg)],
    ) -> Self {
        let text = Text::new(msg, args);
        FieldError {
            code,
            field: field.map(str::to_owned),
            message: text.italian(),
            text: Some(text),
        }
    }

    /// An invalid field, said by a catalogued message.
    pub fn invalid_says(field: &str, msg: Msg, args: &[(&'static str, &dyn ToArg)]) -> Self {
        FieldError::says(ErrorCode::InvalidField, Some(field), msg, args)
    }

    /// An invalid field as the API answered it: its identity found again when the message is
    /// a catalogued one without values; one with values is kept as written (in Italian).
    pub fn from_api(field: &str, message: String) -> Self {
        match Msg::from_italian(&message) {
            Some(msg) => FieldError::invalid_says(field, msg, &[]),
            None => FieldError::as_sent(field, message),
        }
    }

    /// An invalid field as the API answered it, kept as written (in Italian) on a page in any
    /// language: unlike [`FieldError::from_api`] it looks in no catalogue, so browser code that
    /// reads the API's errors (the publishing wizard's) carries none.
    pub fn as_sent(field: &str, message: String) -> Self {
        FieldError {
            code: ErrorCode::InvalidField,
            field: Some(field.to_owned()),
            message,
            text: None,
        }
    }

    /// The message's identity and values, for a page in another language (`None` for an
    /// error read back from the API with values: [`FieldError::from_api`]).
    pub fn text(&self) -> Option<&Text> {
        self.text.as_ref()
    }

    pub fn unknown_code(field: &str, value: &str) -> Self {
        FieldError::says(
            ErrorCode::UnknownCode,
            Some(field),
            Msg::UnknownCode,
            &[("value", &value)],
        )
    }

    pub fn unknown_parameter(name: &str) -> Self {
        FieldError::says(
            ErrorCode::UnknownParameter,
            Some(name),
            Msg::UnknownParameter,
            &[("name", &name)],
        )
    }

    pub fn duplicate_parameter(name: &str) -> Self {
        FieldError::says(
            ErrorCode::DuplicateParameter,
            Some(name),
            Msg::DuplicateParameter,
            &[("name", &name)],
        )
    }

    pub fn not_found() -> Self {
        FieldError::says(ErrorCode::NotFound, None, Msg::NotFound, &[])
    }

    pub fn internal() -> Self {
        FieldError::says(ErrorCode::Internal, None, Msg::Internal, &[])
    }

    pub fn unauthenticated() -> Self {
        FieldError::says(ErrorCode::Unauthenticated, None, Msg::Unauthenticated, &[])
    }

    pub fn forbidden() -> Self {
        FieldError::says(ErrorCode::Forbidden, None, Msg::Forbidden, &[])
    }

    pub fn csrf_rejected() -> Self {
        FieldError::says(ErrorCode::CsrfRejected, None, Msg::CsrfRejected, &[])
    }

    /// A conflict with the current state, said by a catalogued message.
    pub fn conflict_says(msg: Msg, args: &[(&'static str, &dyn ToArg)]) -> Self {
        FieldError::says(ErrorCode::Conflict, None, msg, args)
    }

    pub fn payload_too_large(max_bytes: usize) -> Self {
        FieldError::says(
            ErrorCode::PayloadTooLarge,
            None,
            Msg::PayloadTooLarge,
            &[("kb", &(max_bytes / 1024))],
        )
    }

    /// A body whose `Content-Type` is not among `expected` (415).
    pub fn unsupported_media_type(expected: &str) -> Self {
        FieldError::says(
            ErrorCode::UnsupportedMediaType,
            Some("content-type"),
            Msg::MediaTypeExpected,
            &[("expected", &expected)],
        )
    }

    pub fn rate_limited() -> Self {
        FieldError::says(ErrorCode::RateLimited, None, Msg::RateLimited, &[])
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

/// The error shape of every refusal: `{"error":{"code","field","message"}}`.
#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "openapi", schemars(rename = "Error"))]
pub struct ErrorBody<'a> {
    pub error: &'a FieldError,
}
