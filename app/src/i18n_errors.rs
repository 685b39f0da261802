//! Errors from `domain` in the page's language. The API answers in Italian; a page finds the
//! same message in its own language by the message's identity (`domain::messages::Msg`) and
//! fills in the same values. The match is exhaustive: a message without its English text does
//! not compile.

use crate::i18n::Lang;
use domain::messages::Msg;
use domain::FieldError;

impl Lang {
    /// What to show for `e` on a page in this language.
    pub fn error(self, e: &FieldError) -> String {
        match (self, &e.text) {
            (Lang::En, Some(t)) => t.fill(english(t.msg)),
            _ => e.message.clone(),
        }
    }
}

fn english(m: Msg) -> &'static str {
    match m {
        Msg::UnknownCode => "The code «{value}» is not in the reference data.",
        Msg::UnknownParameter => "The parameter «{name}» is not accepted.",
        Msg::DuplicateParameter => "The parameter «{name}» is given more than once.",
        Msg::NotFound => "The requested resource does not exist or is not published.",
        Msg::Internal => "Something went wrong on our side. Please try again shortly.",
        Msg::Unauthenticated => "To continue, sign in with SPID or CIE.",
        Msg::Forbidden => "Your profile does not give access to these data.",
        Msg::CsrfRejected => {
            "The request does not come from a Ponte page: reload the page and try again."
        }
        Msg::PayloadTooLarge => "What was sent is too large: at most {kb} KB per request.",
        Msg::RateLimited => "Too many attempts in a short time: try again in a few minutes.",
        Msg::WeeklyHoursRange => "Weekly hours must be a whole number from 1 to {max}.",
        Msg::WeeklyHoursMissing => "Enter the weekly hours of the pupil's timetable.",
        Msg::LessonWeeksRange => "Lesson weeks must be a whole number from 1 to {max}.",
        Msg::DailyHoursRange => "Hours in a school day must be a whole number from 1 to {max}.",
        Msg::WholeNumberRange => "Enter a whole number from {min} to {max}.",
        Msg::DateRangeReversed => "The end date cannot be before the start date.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::messages::placeholders;

    #[test]
    fn every_message_has_english_with_the_italian_placeholders() {
        let bad: Vec<String> = Msg::ALL
            .iter()
            .filter(|m| placeholders(m.it()) != placeholders(english(**m)))
            .map(|m| {
                format!(
                    "{m:?}: {:?} vs {:?}",
                    placeholders(m.it()),
                    placeholders(english(*m))
                )
            })
            .collect();
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn an_english_page_shows_a_domain_error_in_english() {
        let e = domain::attendance::WeeklyHours::new(70).expect_err("out of range");
        assert!(e.message.starts_with("Le ore settimanali"), "{}", e.message);
        assert_eq!(Lang::It.error(&e), e.message);
        assert_eq!(
            Lang::En.error(&e),
            "Weekly hours must be a whole number from 1 to 60."
        );
        // A message not yet catalogued is shown as written.
        let free = FieldError::invalid("x", "Testo libero.");
        assert_eq!(Lang::En.error(&free), "Testo libero.");
    }
}
