//! ID-token signatures checked with WebCrypto (crypto.subtle): RS256 and ES256.
//!
//! WebCrypto instead of a pure-Rust RSA/ECDSA stack keeps the worker ~2 KB gzip bigger rather
//! than ~24 KB (docs/toolchain.md). Which key and which algorithm is decided by
//! `domain::oidc` ([`Jwk::material`], [`IdToken::select_key`](domain::oidc::IdToken)); this
//! module only hands them to the runtime. `crypto` is read from the global scope
//! (`globalThis.crypto`): the Workers runtime has no `window`. Every JavaScript exception
//! becomes an `Err(String)` for the logs; nothing here panics.
//!
//! Only the Workers runtime (or a browser) runs this: the sign-in tests check it end to end,
//! with real and tampered tokens.

use domain::oidc::{Alg, Jwk, KeyMaterial};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey};

/// The runtime's `crypto` object.
fn crypto() -> Result<Crypto, String> {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .map_err(|e| js_error("globalThis.crypto", e))?;
    if crypto.is_object() {
        // Not `dyn_into`: that would test `instanceof Crypto`, which depends on the runtime
        // exposing the constructor; the methods are called on the object either way.
        Ok(crypto.unchecked_into())
    } else {
        Err("globalThis.crypto is not available".to_owned())
    }
}

/// A JavaScript exception as text: `name: message` when it is an Error (or a DOMException).
fn js_error(context: &str, e: JsValue) -> String {
    if let Some(text) = e.as_string() {
        return format!("{context}: {text}");
    }
    let field = |name: &str| {
        Reflect::get(&e, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    match (field("name"), field("message")) {
        (Some(name), Some(message)) => format!("{context}: {name}: {message}"),
        (None, Some(message)) => format!("{context}: {message}"),
        (Some(name), None) => format!("{context}: {name}"),
        (None, None) => format!("{context}: JavaScript exception {e:?}"),
    }
}

/// A plain object with string members.
fn object(members: &[(&str, &str)]) -> Result<Object, String> {
    let object = Object::new();
    for (key, value) in members {
        Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value))
            .map_err(|e| js_error("building a WebCrypto argument", e))?;
    }
    Ok(object)
}

/// The public key as a JWK object: only the members WebCrypto needs. `alg`, `use` and
/// `key_ops` are left out on purpose: `domain` has already checked them, and WebCrypto would
/// refuse an import whose `alg` it spells differently.
fn jwk_object(material: KeyMaterial<'_>) -> Result<Object, String> {
    match material {
        KeyMaterial::Rsa { n, e } => object(&[("kty", "RSA"), ("n", n), ("e", e)]),
        KeyMaterial::EcP256 { x, y } => {
            object(&[("kty", "EC"), ("crv", "P-256"), ("x", x), ("y", y)])
        }
    }
}

/// The `algorithm` argument of `importKey`.
fn import_algorithm(alg: Alg) -> Result<Object, String> {
    match alg {
        Alg::Rs256 => object(&[("name", "RSASSA-PKCS1-v1_5"), ("hash", "SHA-256")]),
        Alg::Es256 => object(&[("name", "ECDSA"), ("namedCurve", "P-256")]),
    }
}

/// The `algorithm` argument of `verify`.
fn verify_algorithm(alg: Alg) -> Result<Object, String> {
    match alg {
        Alg::Rs256 => object(&[("name", "RSASSA-PKCS1-v1_5")]),
        Alg::Es256 => object(&[("name", "ECDSA"), ("hash", "SHA-256")]),
    }
}

/// Whether `signature` is `jwk`'s signature over `signing_input` with `alg`. `Ok(false)` is a
/// signature that does not verify (a tampered or foreign token); `Err` is a key the runtime
/// refused or another failure of the runtime. For ES256 the signature is the JWS form, r‖s
/// (64 bytes), which is what WebCrypto takes.
pub async fn verify_signature(
    jwk: &Jwk,
    alg: Alg,
    signing_input: &[u8],
    signature: &[u8],
) -> Result<bool, String> {
    let material = jwk
        .material()
        .filter(|_| jwk.suits(alg))
        .ok_or_else(|| format!("the key does not suit {alg}"))?;
    let subtle = crypto()?.subtle();
    let usages = Array::of1(&JsValue::from_str("verify"));
    let import = subtle
        .import_key_with_object(
            "jwk",
            &jwk_object(material)?,
            &import_algorithm(alg)?,
            false,
            &usages,
        )
        .map_err(|e| js_error("crypto.subtle.importKey", e))?;
    let key: CryptoKey = JsFuture::from(import)
        .await
        .map_err(|e| js_error("crypto.subtle.importKey", e))?
        .unchecked_into();
    // Copies in JavaScript memory, so no view of the wasm memory outlives this call.
    let signature = Uint8Array::new_from_slice(signature);
    let data = Uint8Array::new_from_slice(signing_input);
    let verify = subtle
        .verify_with_object_and_js_u8_array_and_js_u8_array(
            &verify_algorithm(alg)?,
            &key,
            &signature,
            &data,
        )
        .map_err(|e| js_error("crypto.subtle.verify", e))?;
    JsFuture::from(verify)
        .await
        .map_err(|e| js_error("crypto.subtle.verify", e))?
        .as_bool()
        .ok_or_else(|| "crypto.subtle.verify answered neither true nor false".to_owned())
}

/// `N` bytes from the runtime's cryptographic random generator (at most 65,536, the limit of
/// `getRandomValues`).
pub fn random_bytes<const N: usize>() -> Result<[u8; N], String> {
    let length = u32::try_from(N).map_err(|_| format!("{N} random bytes asked at once"))?;
    let array = Uint8Array::new_with_length(length);
    crypto()?
        .get_random_values_with_js_u8_array(&array)
        .map_err(|e| js_error("crypto.getRandomValues", e))?;
    let mut bytes = [0u8; N];
    if array.length() != length {
        return Err("crypto.getRandomValues changed the array's length".to_owned());
    }
    array.copy_to(&mut bytes);
    Ok(bytes)
}
