//! Steps 5 and 6: what the preview (`POST /enti/pubblica/anteprima`, the public page's own
//! article) and the submission (`POST /api/v1/declarations`) leave in the wizard's state, then
//! the confirmation by PEC or digital signature and the wait for publication. Their markup is
//! `modello.rs`'s, their requests `browser.rs`'s.

#[cfg(any(feature = "hydrate", test))]
use crate::i18n::{date_it, fill};

/// The preview's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Preview {
    None,
    Loading,
    /// The fragment the server rendered (it escapes every value).
    Ready(String),
    Failed(String),
}

/// The answer of `POST /api/v1/declarations`.
#[derive(Debug, Clone, PartialEq)]
pub struct Declaration {
    pub code: String,
    pub expires_at: String,
    /// `pec`, or else the digital signature.
    pub by_pec: bool,
    pub verification_address: String,
    pub pec_of_record: Option<String>,
    pub pec_declared: bool,
    pub document_url: String,
    pub status_url: String,
    pub status: Status,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Status {
    Pending,
    Published(u64),
    /// Proved, waiting for an operator (the page stops asking: it can take days).
    Review,
    Refused,
    Superseded,
    Expired,
    /// The page stopped asking (after 10 minutes).
    Stopped,
}

/// "2026-12-23T10:00:00Z" as Italians read it: the date and the time on the Italian clock.
#[cfg(any(feature = "hydrate", test))]
pub fn expiry_text(t: &crate::i18n_publish::PublishTexts, expires_at: &str) -> String {
    use chrono::Timelike;
    let local = chrono::DateTime::parse_from_rfc3339(expires_at)
        .ok()
        .and_then(|d| domain::clock::rome_time(d.timestamp()));
    match local {
        Some(l) => fill(
            t.expires,
            &[
                ("date", &date_it(l.date())),
                ("time", &format!("{:02}:{:02}", l.hour(), l.minute())),
            ],
        ),
        None => fill(t.expires, &[("date", expires_at), ("time", "")]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n_publish::PUBLISH_IT;

    #[test]
    fn expiry_is_on_the_italian_clock() {
        assert_eq!(
            expiry_text(&PUBLISH_IT, "2026-12-23T10:00:00Z"),
            "Il codice scade il 23/12/2026 alle 11:00."
        );
        assert_eq!(
            expiry_text(&PUBLISH_IT, "2026-07-01T10:00:00Z"),
            "Il codice scade il 01/07/2026 alle 12:00."
        );
    }
}
