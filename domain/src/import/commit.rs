//! The rules of making an import live (docs/imports.md "Making it live"): when a commit may
//! start, and when a file of pupils deletes so many that the secretary must confirm it.

/// A file of pupils that would delete more than this share of the school's pupils…
pub const CONFIRM_DELETIONS_PERCENT: u64 = 10;
/// …or more than this many, needs `confirm_deletions` in the commit: a file exported from the
/// wrong class filter, or cut short, would otherwise remove the other pupils with their
/// absences, guardians and requests in one step.
pub const CONFIRM_DELETIONS_PUPILS: u64 = 20;

/// Whether deleting `removed` of the school's `total` pupils needs an explicit confirmation:
/// more than 10 % of them, or more than 20.
pub fn deletions_need_confirmation(total: u64, removed: u64) -> bool {
    removed > CONFIRM_DELETIONS_PUPILS
        || removed.saturating_mul(100) > total.saturating_mul(CONFIRM_DELETIONS_PERCENT)
}

/// The most pupils a 409 names (the count is always exact).
pub const MAX_LISTED_DELETIONS: usize = 500;

/// A part that started staging this long ago and never finished (its request died) no longer
/// holds the commit back. A part is one request of at most 640 KB staged in one D1 batch: a
/// few seconds at most.
pub const PART_STALE_SECS: i64 = 120;

/// Whether parts are still arriving: `arriving` parts started, the last at `since`, none
/// finished since. A commit waits for them (409), unless they are stale.
pub fn parts_arriving(arriving: i64, since: Option<i64>, now: i64) -> bool {
    arriving > 0 && since.is_some_and(|t| now - t < PART_STALE_SECS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_deletions_need_a_confirmation() {
        // Within both bounds: no confirmation.
        assert!(!deletions_need_confirmation(1000, 0));
        assert!(!deletions_need_confirmation(1000, 20));
        assert!(!deletions_need_confirmation(200, 20));
        assert!(!deletions_need_confirmation(10, 1));
        // More than 20, whatever the school's size.
        assert!(deletions_need_confirmation(1000, 21));
        // More than 10 % of a small school.
        assert!(deletions_need_confirmation(10, 2));
        assert!(deletions_need_confirmation(100, 11));
        assert!(!deletions_need_confirmation(100, 10));
        // A school emptied by its file.
        assert!(deletions_need_confirmation(5, 5));
        // No pupils yet: nothing to delete.
        assert!(!deletions_need_confirmation(0, 0));
    }

    #[test]
    fn a_part_arriving_holds_the_commit_until_it_is_stale() {
        assert!(!parts_arriving(0, None, 1000));
        assert!(!parts_arriving(0, Some(999), 1000));
        assert!(parts_arriving(1, Some(999), 1000));
        assert!(parts_arriving(2, Some(1000 - PART_STALE_SECS + 1), 1000));
        assert!(!parts_arriving(1, Some(1000 - PART_STALE_SECS), 1000));
        // Counted but never dated cannot happen; it does not hold anything back.
        assert!(!parts_arriving(1, None, 1000));
    }
}
