//! The identity of every message a `FieldError` can carry, with its Italian text.
//!
//! The API answers in Italian (the `message` of the error shape, docs/design.md §8); a page in
//! another language shows the same error from its own catalogue, found by the message's
//! identity (`Msg`) and filled with the same values. The app's catalogue matches on `Msg`
//! exhaustively, so a message without a translation does not compile, and a test compares each
//! translation's placeholders with the Italian ones.

use std::fmt::Display;

macro_rules! messages {
    ($($(#[$doc:meta])* $id:ident => $it:literal,)*) => {
        /// A message's identity.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($(#[$doc])* $id,)*
        }

        impl Msg {
            /// Every message, for the catalogue tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$id,)*];

            /// The Italian text, with `{name}` placeholders.
            pub fn it(self) -> &'static str {
                match self {
                    $(Msg::$id => $it,)*
                }
            }
        }
    };
}

messages! {
    UnknownCode => "Il codice «{value}» non esiste nei dati di riferimento.",
    UnknownParameter => "Il parametro «{name}» non è previsto.",
    DuplicateParameter => "Il parametro «{name}» è indicato più di una volta.",
    NotFound => "La risorsa richiesta non esiste o non è pubblicata.",
    Internal => "Si è verificato un errore interno. Riprovare tra poco.",
    Unauthenticated => "Per continuare occorre accedere con SPID o CIE.",
    Forbidden => "Non è consentito accedere a questi dati con il proprio profilo.",
    CsrfRejected => "La richiesta non proviene da una pagina di Ponte: ricaricare la pagina e riprovare.",
    PayloadTooLarge => "Il contenuto inviato è troppo grande: al massimo {kb} KB per richiesta.",
    RateLimited => "Troppi tentativi in poco tempo: riprovare tra qualche minuto.",
    WeeklyHoursRange => "Le ore settimanali devono essere un numero intero da 1 a {max}.",
    WeeklyHoursMissing => "Indicare le ore settimanali dell'orario dell'alunno.",
    LessonWeeksRange => "Le settimane di lezione devono essere un numero intero da 1 a {max}.",
    DailyHoursRange => "Le ore giornaliere devono essere un numero intero da 1 a {max}.",
    WholeNumberRange => "Indicare un numero intero da {min} a {max}.",
    DateRangeReversed => "La data finale non può precedere la data iniziale.",
}

/// A message with the values of its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub msg: Msg,
    pub args: Vec<(&'static str, String)>,
}

impl Text {
    pub fn new(msg: Msg, args: &[(&'static str, &dyn Display)]) -> Text {
        Text {
            msg,
            args: args.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        }
    }

    /// `template` (this message in some language) with the values filled in.
    pub fn fill(&self, template: &str) -> String {
        let mut out = template.to_owned();
        for (k, v) in &self.args {
            out = out.replace(&format!("{{{k}}}"), v);
        }
        out
    }

    /// The Italian text.
    pub fn italian(&self) -> String {
        self.fill(self.msg.it())
    }
}

/// The `{name}` placeholders of a template, sorted.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end)
                if end > 0
                    && after[..end]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                out.push(&after[..end]);
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_listed_once() {
        for (i, m) in Msg::ALL.iter().enumerate() {
            assert_eq!(Msg::ALL.iter().position(|x| x == m), Some(i));
            assert!(!m.it().is_empty());
        }
    }

    #[test]
    fn values_fill_their_placeholders() {
        let t = Text::new(Msg::WeeklyHoursRange, &[("max", &60)]);
        assert_eq!(
            t.italian(),
            "Le ore settimanali devono essere un numero intero da 1 a 60."
        );
        assert_eq!(placeholders(Msg::WeeklyHoursRange.it()), vec!["max"]);
        assert_eq!(placeholders("«{a}» {b} {a} {} {x y}"), vec!["a", "b"]);
    }
}
