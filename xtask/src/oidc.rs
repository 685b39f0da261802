//! The local OpenID Connect providers (npm oidc-provider) that dev and the tests sign in with.
