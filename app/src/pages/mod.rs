//! One module a page, named after what the person sees.

pub mod area;
pub mod ars;
pub mod calcolo;
pub mod dichiarazione;
pub mod ente;
pub mod enti;
pub mod enti_lista;
pub mod famiglia;
pub mod fonti;
pub mod frequenza;
pub mod home;
pub mod info;
pub mod not_found;
pub mod obbligo;
pub mod operatore;
pub mod pubblica;
pub mod richieste;
pub mod scrutinio;
pub mod scuola;
pub mod scuola_liste;

use crate::i18n::{date_it, fill, Texts};
use domain::hosts::Period;

/// "dal 01/03/2026 al 30/04/2026".
pub fn period_text(t: &Texts, p: &Period) -> String {
    fill(
        t.period_from_to,
        &[("from", &date_it(p.from)), ("to", &date_it(p.to))],
    )
}
