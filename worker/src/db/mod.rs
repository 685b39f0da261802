//! D1 access: one module an aggregate, bound parameters only. Public register data (hosts,
//! reference data) is not scoped by school; school data will be, always.

pub mod family;
pub mod hosts;
pub mod publish;
pub mod reference;
pub mod school;

use crate::error::ApiError;
use wasm_bindgen::JsValue;
use worker::{D1Database, Env};

pub fn database(env: &Env) -> Result<D1Database, ApiError> {
    env.d1("DB")
        .map_err(|e| ApiError::internal("D1 binding", e))
}

pub fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

pub fn int(n: impl Into<f64>) -> JsValue {
    JsValue::from_f64(n.into())
}
