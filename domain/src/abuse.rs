//! Limits against abuse that cost nothing when they refuse (docs/design.md §6, docs/publishing.md
//! "Limits"): the rate limits counted by the Workers rate-limiting binding (in the runtime's
//! memory, nothing written to D1 or KV), and the caps on what a family may leave pending.
//!
//! The binding counts in fixed windows of 10 or 60 seconds only, so every limit here is per
//! minute. Limits that must span an hour (declarations per body, failed proofs per code) are
//! not here: they count rows Ponte writes anyway (the declarations, the proofs received), and a
//! refusal only reads them.

use crate::error::FieldError;
use crate::family::RequestStatus;
use crate::messages::Msg;
use chrono::NaiveDate;

/// What a rate limit counts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// The connecting address (`CF-Connecting-IP`).
    Client,
    /// The certified sender of a PEC message (proved by the provider's signature).
    Sender,
}

/// A rate limit: a `[[ratelimits]]` binding of `wrangler.toml` with the same name, limit and
/// period (a test compares them). Per-client limits have a twin, `<binding>_RELAXED`, ten
/// thousand times larger, used where `PONTE_RELAXED_CLIENT_LIMITS` is set (development, the
/// tests, the bench and the soak, where every request comes from 127.0.0.1 and wrk sends
/// hundreds a second: a hundred times was reached by the bench's search runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub binding: &'static str,
    pub limit: u32,
    pub period_secs: u32,
    pub per: Per,
}

impl RateLimit {
    /// The binding of the relaxed twin (per-client limits only).
    pub fn relaxed_binding(&self) -> Option<String> {
        (self.per == Per::Client).then(|| format!("{}_RELAXED", self.binding))
    }

    /// The relaxed twin's limit.
    pub fn relaxed_limit(&self) -> u32 {
        self.limit.saturating_mul(RELAXED_FACTOR)
    }
}

/// How much larger a relaxed per-client limit is.
pub const RELAXED_FACTOR: u32 = 10_000;

/// Sign-in starts (`/accedi/{provider}`, the redirect to SPID or CIE) per client per minute: a
/// person signs in once or twice; a script hammering the providers through Ponte stops here.
pub const SIGN_IN: RateLimit = RateLimit {
    binding: "RL_SIGNIN",
    limit: 10,
    period_secs: 60,
    per: Per::Client,
};

/// Host searches (`/api/v1/hosts`, `/enti`) per client per minute: one a second, more than a
/// person reading results needs; a scraper walking the register slows down.
pub const SEARCH: RateLimit = RateLimit {
    binding: "RL_SEARCH",
    limit: 60,
    period_secs: 60,
    per: Per::Client,
};

/// Declarations (`POST /api/v1/declarations`) per client per minute.
pub const DECLARATIONS: RateLimit = RateLimit {
    binding: "RL_DECLARATIONS",
    limit: 10,
    period_secs: 60,
    per: Per::Client,
};

/// Signed files uploaded (`POST /api/v1/declarations/{code}/signature`) per client per minute.
pub const UPLOADS: RateLimit = RateLimit {
    binding: "RL_UPLOADS",
    limit: 10,
    period_secs: 60,
    per: Per::Client,
};

/// PEC messages per certified sender per minute (a mail loop or a runaway script).
pub const PEC_MESSAGES: RateLimit = RateLimit {
    binding: "RL_PEC",
    limit: 5,
    period_secs: 60,
    per: Per::Sender,
};

/// Every rate limit, for the configuration test.
pub const RATE_LIMITS: [RateLimit; 5] = [SIGN_IN, SEARCH, DECLARATIONS, UPLOADS, PEC_MESSAGES];

/// The largest inbound e-mail read: a PEC envelope with a declaration's confirmation is a few
/// tens of KB; anything larger is refused from its declared size, before a byte is read.
pub const MAX_MESSAGE_BYTES: u64 = 1024 * 1024;

/// Whether a message of `declared` bytes may be read.
pub fn message_size_ok(declared: u64) -> bool {
    declared <= MAX_MESSAGE_BYTES
}

/// Derogation requests a pupil may have waiting for the school's decision at once. The seed's
/// categories (health, therapies, sport, religion, family reasons…) rarely overlap; five open
/// periods cover any real case, and stop one account from filling the office's queue.
pub const MAX_PENDING_DEROGATIONS: usize = 5;

/// A derogation request already sent for the same pupil: its category, period and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentDeroga<'a> {
    pub category: &'a str,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub status: RequestStatus,
}

/// Whether a new derogation request may be recorded beside the pupil's `sent` ones: the same
/// category and period pending or approved is a duplicate (409); more than
/// [`MAX_PENDING_DEROGATIONS`] pending is too many (409). A refused one may be asked again.
pub fn deroga_admissible(
    sent: &[SentDeroga<'_>],
    category: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(), FieldError> {
    let open = |s: &&SentDeroga<'_>| s.status != RequestStatus::Refused;
    if sent
        .iter()
        .filter(open)
        .any(|s| s.category == category && s.from == from && s.to == to)
    {
        return Err(FieldError::conflict_says(Msg::DerogaDuplicate, &[]));
    }
    let pending = sent
        .iter()
        .filter(|s| s.status == RequestStatus::Pending)
        .count();
    if pending >= MAX_PENDING_DEROGATIONS {
        return Err(FieldError::conflict_says(
            Msg::DerogaTooMany,
            &[("max", &MAX_PENDING_DEROGATIONS)],
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// `wrangler.toml` declares each limit with its name, limit and period, and each per-client
    /// one with its relaxed twin: the numbers in this module are the ones the runtime counts.
    #[test]
    fn wrangler_declares_every_limit() {
        let toml = include_str!("../../wrangler.toml");
        let blocks: Vec<&str> = toml.split("[[ratelimits]]").skip(1).collect();
        let find = |name: &str| {
            blocks
                .iter()
                .find(|b| b.contains(&format!("name = \"{name}\"\n")))
                .copied()
        };
        let mut expected = 0;
        for l in RATE_LIMITS {
            let mut check = |name: &str, limit: u32| {
                let b = find(name).unwrap_or_else(|| panic!("{name} missing in wrangler.toml"));
                let simple = format!("simple = {{ limit = {limit}, period = {} }}", l.period_secs);
                assert!(b.contains(&simple), "{name}: expected {simple} in {b}");
                expected += 1;
            };
            check(l.binding, l.limit);
            if let Some(relaxed) = l.relaxed_binding() {
                check(&relaxed, l.relaxed_limit());
            }
            assert!(matches!(l.period_secs, 10 | 60), "{l:?}");
        }
        assert_eq!(
            blocks.len(),
            expected,
            "a binding in wrangler.toml that no limit uses"
        );
    }

    #[test]
    fn only_per_client_limits_are_relaxed() {
        assert_eq!(
            SEARCH.relaxed_binding().as_deref(),
            Some("RL_SEARCH_RELAXED")
        );
        assert_eq!(SEARCH.relaxed_limit(), 600_000);
        assert_eq!(PEC_MESSAGES.relaxed_binding(), None);
    }

    #[test]
    fn messages_over_one_mebibyte_are_refused_unread() {
        assert!(message_size_ok(0));
        assert!(message_size_ok(1024 * 1024));
        assert!(!message_size_ok(1024 * 1024 + 1));
    }

    #[test]
    fn duplicate_and_too_many_derogation_requests_are_conflicts() {
        let sent = |status| SentDeroga {
            category: "salute",
            from: d(2026, 1, 10),
            to: d(2026, 1, 20),
            status,
        };
        // The same period and category, pending or approved: a duplicate.
        for status in [RequestStatus::Pending, RequestStatus::Approved] {
            let e = deroga_admissible(&[sent(status)], "salute", d(2026, 1, 10), d(2026, 1, 20))
                .unwrap_err();
            assert_eq!(e.code, ErrorCode::Conflict);
            assert_eq!(e.text().map(|t| t.msg), Some(Msg::DerogaDuplicate));
        }
        // Refused: it may be asked again; another period or category is not a duplicate.
        assert!(deroga_admissible(
            &[sent(RequestStatus::Refused)],
            "salute",
            d(2026, 1, 10),
            d(2026, 1, 20)
        )
        .is_ok());
        assert!(deroga_admissible(
            &[sent(RequestStatus::Pending)],
            "salute",
            d(2026, 1, 10),
            d(2026, 1, 21)
        )
        .is_ok());
        // Five pending: the sixth waits until the school decides one.
        let many: Vec<SentDeroga> = (0..MAX_PENDING_DEROGATIONS as u32)
            .map(|i| SentDeroga {
                category: "salute",
                from: d(2026, 2, 1 + i),
                to: d(2026, 2, 1 + i),
                status: RequestStatus::Pending,
            })
            .collect();
        let e = deroga_admissible(&many, "sport", d(2026, 3, 1), d(2026, 3, 2)).unwrap_err();
        assert_eq!(e.text().map(|t| t.msg), Some(Msg::DerogaTooMany));
        assert!(deroga_admissible(&many[1..], "sport", d(2026, 3, 1), d(2026, 3, 2)).is_ok());
    }
}
