//! Sign-in (OpenID Connect relying party), sessions, CSRF and roles.

pub mod webcrypto;
