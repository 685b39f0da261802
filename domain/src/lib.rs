//! Ponte's domain: the rules of the school year, of the host register and of the API contract.
//!
//! Pure Rust with no I/O: the worker and the browser bundle call the same functions, so a rule
//! is written once. Inputs are parsed into types that cannot hold bad values; every parse error
//! is a [`error::FieldError`] with a stable code and an Italian message.

pub mod abuse;
pub mod api;
pub mod asset_names;
pub mod attendance;
pub mod bundle;
pub mod clock;
pub mod controller;
pub mod declaration;
pub mod error;
pub mod family;
pub mod fnv;
pub mod hosts;
pub mod identity;
pub mod import;
#[cfg(feature = "mail")]
pub mod mail;
pub mod messages;
pub mod oidc;
pub mod place;
pub mod profile;
pub mod publish;
pub mod query;
pub mod registry;
pub mod retention;
pub mod security;
pub mod session;
pub mod share;
pub mod shortlist;
pub mod sort;
pub mod text;

pub use error::FieldError;
