//! ID-token signatures checked with WebCrypto (crypto.subtle): RS256 and ES256.
