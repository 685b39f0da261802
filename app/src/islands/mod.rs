//! The interactive parts: the only code the browser downloads. Keep each one small.

pub mod calcolatore;
pub mod filtro_luogo;
