//! How much of the year a pupil has missed, said two ways a parent can read without confusion.
//!
//! The law sets the limit as a share of the *annual hours*: the year is valid with at least three
//! quarters of the personalised annual timetable attended, so at most 25 % of it may be missed
//! (D.P.R. 122/2009 art. 14 c. 7, quoted by seed 003: "Numero minimo presenze 75% — Numero ore
//! massimo di assenze 25%"). A parent who knows "25 %" and reads "25,6 %" of the *allowance*
//! would think the child is over the limit while they have missed 6,4 % of the year. So the
//! dashboard shows the share of the annual hours with the 25 % limit beside it, and the share of
//! the allowance only in words ("ha usato un quarto delle ore che può perdere").

use serde::Serialize;

/// The largest share of the annual hours that may be missed, in percent (the ¾ rule).
pub const LEGAL_ABSENCE_PERCENT: u32 = 25;

/// Counted absence as a share of the annual hours, in tenths of a percent (64 = 6,4 %), rounded
/// to the nearest tenth; `None` when the annual hours are zero.
pub fn annual_share_permille(counted_minutes: u32, annual_hours: u32) -> Option<u32> {
    let whole = u64::from(annual_hours) * 60;
    if whole == 0 {
        return None;
    }
    let tenths = (u64::from(counted_minutes) * 2000 + whole) / (2 * whole);
    Some(u32::try_from(tenths).unwrap_or(u32::MAX))
}

/// How much of the hours the pupil may miss have been used, in words: the fraction is named only
/// when the figure is close to it, so the words never say more or less than the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AllowanceUsed {
    /// No counted absence.
    None,
    /// Less than a fifth.
    Little,
    /// About a quarter (20–30 %).
    AboutAQuarter,
    /// About a third (30–40 %).
    AboutAThird,
    /// About half (40–60 %).
    AboutHalf,
    /// About two thirds (60–70 %).
    AboutTwoThirds,
    /// About three quarters (70–85 %).
    AboutThreeQuarters,
    /// Almost all (85 % up to, not including, all).
    AlmostAll,
    /// All of it: the next counted hour goes over the limit.
    All,
    /// More than all: over the limit.
    Over,
}

impl AllowanceUsed {
    /// From the counted minutes and the maximum absence hours.
    pub fn of(counted_minutes: u32, max_absence_hours: u32) -> AllowanceUsed {
        let max = u64::from(max_absence_hours) * 60;
        let counted = u64::from(counted_minutes);
        if counted == 0 {
            return AllowanceUsed::None;
        }
        if counted > max {
            return AllowanceUsed::Over;
        }
        if counted == max {
            return AllowanceUsed::All;
        }
        // Percent of the allowance, rounded down: the words never overstate.
        match counted * 100 / max {
            0..=19 => AllowanceUsed::Little,
            20..=29 => AllowanceUsed::AboutAQuarter,
            30..=39 => AllowanceUsed::AboutAThird,
            40..=59 => AllowanceUsed::AboutHalf,
            60..=69 => AllowanceUsed::AboutTwoThirds,
            70..=84 => AllowanceUsed::AboutThreeQuarters,
            _ => AllowanceUsed::AlmostAll,
        }
    }

    /// Position in the catalogue's list of phrases (`AllowanceUsed::ALL` order).
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|a| *a == self).unwrap_or(0)
    }

    pub const ALL: [AllowanceUsed; 10] = [
        AllowanceUsed::None,
        AllowanceUsed::Little,
        AllowanceUsed::AboutAQuarter,
        AllowanceUsed::AboutAThird,
        AllowanceUsed::AboutHalf,
        AllowanceUsed::AboutTwoThirds,
        AllowanceUsed::AboutThreeQuarters,
        AllowanceUsed::AlmostAll,
        AllowanceUsed::All,
        AllowanceUsed::Over,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_example_reads_as_six_point_four_percent_of_the_year() {
        // 84 h 30 min counted, a 1,320-hour year (40 h × 33 weeks), maximum 330 h.
        assert_eq!(annual_share_permille(84 * 60 + 30, 1320), Some(64));
        assert_eq!(
            AllowanceUsed::of(84 * 60 + 30, 330),
            AllowanceUsed::AboutAQuarter
        );
    }

    #[test]
    fn annual_share_rounds_to_the_nearest_tenth() {
        assert_eq!(annual_share_permille(0, 990), Some(0));
        // 247.5 h of 990 h = 25,0 %.
        assert_eq!(annual_share_permille(247 * 60 + 30, 990), Some(250));
        // 1 minute of 990 h is 0,0017 %: rounds to 0.
        assert_eq!(annual_share_permille(1, 990), Some(0));
        // 2 h of 990 h = 0,202 %: 0,2 %.
        assert_eq!(annual_share_permille(120, 990), Some(2));
        assert_eq!(annual_share_permille(60, 0), None);
    }

    #[test]
    fn the_words_follow_the_figures() {
        let max = 100; // hours, so 60 minutes is 1 %
        assert_eq!(AllowanceUsed::of(0, max), AllowanceUsed::None);
        assert_eq!(AllowanceUsed::of(60, max), AllowanceUsed::Little);
        assert_eq!(AllowanceUsed::of(19 * 60 + 59, max), AllowanceUsed::Little);
        assert_eq!(
            AllowanceUsed::of(25 * 60, max),
            AllowanceUsed::AboutAQuarter
        );
        assert_eq!(AllowanceUsed::of(33 * 60, max), AllowanceUsed::AboutAThird);
        assert_eq!(AllowanceUsed::of(50 * 60, max), AllowanceUsed::AboutHalf);
        assert_eq!(
            AllowanceUsed::of(66 * 60, max),
            AllowanceUsed::AboutTwoThirds
        );
        // 70 % is not "half" (issue 23's complaint), it is about three quarters.
        assert_eq!(
            AllowanceUsed::of(70 * 60, max),
            AllowanceUsed::AboutThreeQuarters
        );
        assert_eq!(AllowanceUsed::of(90 * 60, max), AllowanceUsed::AlmostAll);
        assert_eq!(
            AllowanceUsed::of(100 * 60 - 1, max),
            AllowanceUsed::AlmostAll
        );
        assert_eq!(AllowanceUsed::of(100 * 60, max), AllowanceUsed::All);
        assert_eq!(AllowanceUsed::of(100 * 60 + 1, max), AllowanceUsed::Over);
        assert_eq!(AllowanceUsed::of(1, 0), AllowanceUsed::Over);
    }

    #[test]
    fn every_phrase_has_its_place() {
        for (i, a) in AllowanceUsed::ALL.iter().enumerate() {
            assert_eq!(a.index(), i);
        }
    }
}
