//! OpenID Connect relying-party rules: ID-token parsing and claim checks, PKCE, the codice fiscale claim.
