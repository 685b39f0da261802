//! Steps 2–4: who you are, the placements offered, places and contacts. Every input reads and
//! writes the one draft; leaving an input checks it with `ProfileDraft::validate`.
//!
//! `campo` is the field toolkit every step uses; each step has its own file.
//!
//! Compiled into the browser bundle only: the server renders the wizard's first step alone
//! (`browser!` in `pubblicazione.rs`).

mod campo;
mod chi_siete;
mod percorsi;
mod sedi;

pub use chi_siete::chi_siete;
pub use percorsi::percorsi;
pub use sedi::sedi;
