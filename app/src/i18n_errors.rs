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
            (Lang::En, Some(t)) => t.fill(english(t.msg), english),
            _ => e.message.clone(),
        }
    }

    /// `error` for the attendance calculator: its own messages in this language, any other as
    /// written (see `english_limits`).
    pub fn limits_error(self, e: &FieldError) -> String {
        match (self, &e.text) {
            (Lang::En, Some(t)) => match english_limits(t.msg) {
                Some(en) => t.fill(en, Msg::it),
                None => e.message.clone(),
            },
            _ => e.message.clone(),
        }
    }
}

/// The attendance calculator's messages (`Limits::from_inputs`), apart from the rest so that
/// the public bundle, whose calculator shows them, does not carry the whole catalogue.
fn english_limits(m: Msg) -> Option<&'static str> {
    Some(match m {
        Msg::WeeklyHoursRange => "Weekly hours must be a whole number from 1 to {max}.",
        Msg::WeeklyHoursMissing => "Enter the weekly hours of the pupil's timetable.",
        Msg::LessonWeeksRange => "Lesson weeks must be a whole number from 1 to {max}.",
        Msg::DailyHoursRange => "Hours in a school day must be a whole number from 1 to {max}.",
        Msg::WholeNumberRange => "Enter a whole number from {min} to {max}.",
        _ => return None,
    })
}

fn english(m: Msg) -> &'static str {
    match m {
        Msg::WeeklyHoursRange
        | Msg::WeeklyHoursMissing
        | Msg::LessonWeeksRange
        | Msg::DailyHoursRange
        | Msg::WholeNumberRange => english_limits(m).unwrap_or_default(),
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
        Msg::DateRangeReversed => "The end date cannot be before the start date.",
        Msg::LastLessonDayBeforeFirst => "The last lesson day cannot be before the first.",
        Msg::SchoolYearTooLong => "A school year cannot last more than 366 days.",
        Msg::FirstLessonDaySunday => "The first lesson day cannot be a Sunday.",
        Msg::LastLessonDaySunday => "The last lesson day cannot be a Sunday.",
        Msg::HolidayOutsideYear => "A holiday must fall between the first and the last lesson day.",
        Msg::HolidayOnFirstOrLastDay => "The first and the last lesson day cannot be holidays.",
        Msg::EventMinutesMissing => "For late arrivals, late entries and early exits, enter the lesson minutes missed.",
        Msg::DerogaCategoryCodeForm => "The code of a derogation category must have 1 to 40 characters among a-z, 0-9 and _.",
        Msg::MayorBeforeFamily => "The mayor is notified after the family: enter the family's date first.",
        Msg::MayorNotifiedBeforeFamily => "The mayor's notice cannot be before the notice to the family.",
        Msg::PresenceCountedAsAbsence => "Activities organised by the school and suspension with compulsory attendance are not absences.",
        Msg::BandsRange => "The attention and risk thresholds must be increasing percentages between 1 and 100.",
        Msg::DeadlineDayOfYear => "Enter a day and month that exist every year (not 29 February).",
        Msg::PolicyNameLength => "The policy's name must have 1 to 200 characters.",
        Msg::DerogaCategoryLabelMissing => "Every derogation category needs a description.",
        Msg::ThresholdRepeated => "The same threshold is given more than once.",
        Msg::DeclarationCodeMissing => "Enter the declaration's code.",
        Msg::DeclarationCodeInvalid => "The declaration's code is not valid: probably a character was mistyped or two characters are swapped.",
        Msg::ReasonFromList => "Choose the reason from the list: no other details can be written.",
        Msg::AbsenceAlreadyJustified => "This absence is already justified in the register.",
        Msg::FutureAbsence => "A future absence cannot be justified.",
        Msg::JustificationAlreadySent => "A justification has already been sent for this absence.",
        Msg::DecisionValue => "The decision must be \"approve\" (accepted) or \"refuse\" (refused).",
        Msg::RequestAlreadyDecided => "The school has already decided on this request: the decision cannot be changed from here.",
        Msg::IsoDateForm => "The date must be in the form YYYY-MM-DD (for example 2026-03-02).",
        Msg::DerogaCategoryFromList => "Choose one of the derogation categories adopted by the school.",
        Msg::EndBeforeStart => "The end date cannot be before the start date.",
        Msg::AudienceKind => "The recipient must be: the whole school, a school level, classes or pupils.",
        Msg::NoticeNeedsNoAcknowledgement => "This notice does not ask for acknowledgement.",
        Msg::NoticeAlreadyAcknowledged => "The acknowledgement of this notice is already recorded.",
        Msg::DerogaRequestIdRange => "The derogation request's number is out of range.",
        Msg::SchoolNotReady => "The school has not yet sent its classes or calendar: the absence summary will be available as soon as it does.",
        Msg::CodiceFiscaleMissing => "Enter the tax code.",
        Msg::IpaCodeMissing => "Enter the body's iPA code or its Unique Office Code.",
        Msg::IpaCodeForm => "The iPA code has 1 to 20 characters among letters, digits and underscore (for example c_h501).",
        Msg::CalendarRowKind => "Type not recognised: enter lezioni (first and last lesson day) or vacanza (a day or a period without lessons).",
        Msg::DescriptionControlChars => "The description contains non-printable characters (for example a line break).",
        Msg::ImportKind => "File type not recognised: classi, calendario, alunni, tutori, personale or assenze.",
        Msg::ClassMissing => "Enter the class.",
        Msg::ClassCodeChars => "A class code can contain only letters (without accents) and digits, for example 3A.",
        Msg::MatricolaMissing => "Enter the student number.",
        Msg::MatricolaChars => "The student number can contain only letters (without accents), digits and the signs - _ / . (no spaces).",
        Msg::RoleMissing => "Enter the role.",
        Msg::RoleUnknown => "Role not recognised: enter docente, segreteria or dirigente.",
        Msg::DateMissing => "Enter the date.",
        Msg::ImportDateForm => "The date is not written as dd/mm/yyyy (for example 15/09/2025) or yyyy-mm-dd.",
        Msg::YesNo => "Enter yes or no (sì, s, x, 1, vero / no, n, 0, falso; empty means no).",
        Msg::HoursNumber => "Enter the hours as a number, decimals allowed (for example 2 or 1,5).",
        Msg::SchoolGradeUnknown => "School level not recognised: enter primaria, secondaria di primo grado or secondaria di secondo grado.",
        Msg::AbsenceKindUnknown => "Absence type not recognised: enter assenza, ritardo, ingresso_posticipato, uscita_anticipata, astensione, uscita_didattica_non_partecipata, sospensione, sospensione_con_obbligo or attivita_scolastica.",
        Msg::RegionCode => "The ISTAT code of a region has two digits, from 01 to 20.",
        Msg::ProvinceCode => "A province's abbreviation has two letters (for example RM).",
        Msg::ComuneCode => "The ISTAT code of a municipality has six digits (for example 058091).",
        Msg::PecMissing => "Enter the PEC address: it is needed to confirm the profile's publication.",
        Msg::IpaWithoutPec => "The body has no PEC mailbox registered in the IPA: register one in the IPA before publishing the profile.",
        Msg::DeclarationByPec => "This declaration is confirmed by a PEC message, not by a signed file.",
        Msg::SearchTextNoAlphanumeric => "The search text must contain at least one letter or digit.",
        Msg::DayHoursRange => "Lesson hours in a day must be from 0 to {max}.",
        Msg::WeekdaysSumRange => "The hours of the weekdays must add up to 1 to {max} weekly hours.",
        Msg::WeekdaysSumMismatch => "The hours of the days add up to {sum}, but the weekly hours given are {weekly}.",
        Msg::EventMinutesRange => "An event's minutes of absence must be from 1 to {max}.",
        Msg::DerogaHoursRange => "The hours a derogation recognises must be from 1 minute to {max} hours.",
        Msg::PersonalisedHoursRange => "The personalised annual hours must be a whole number from 1 to {max}.",
        Msg::PreviousAbsenceMax => "Absences at the previous school cannot exceed {max} hours.",
        Msg::DerogaCategoryRepeated => "The derogation category «{code}» is given more than once.",
        Msg::ThresholdHoursRange => "An alert threshold must be from 1 to {max} hours.",
        Msg::DeclarationCodeLength => "The declaration's code has 12 characters in the form XXXX-XXXX-XXXX ({n} were given).",
        Msg::DeclarationCodeChar => "The character «{c}» does not occur in declaration codes, which use neither the letters I, L, O nor the digits 0 and 1: check that it was copied correctly.",
        Msg::DatesInSchoolYear => "The dates must fall within the school year, from {first} to {last}.",
        Msg::AudienceGrade => "Choose the school level: primary, lower secondary or upper secondary.",
        Msg::AudienceClassesCount => "Enter 1 to 200 classes (for example 1A 2B).",
        Msg::AudienceClassCode => "A class code has only letters, digits and hyphens.",
        Msg::AudiencePupilsCount => "Enter 1 to 500 pupils.",
        Msg::AudiencePupilNumbers => "Pupils are given by their number.",
        Msg::TextLengthRange => "{what} must have 1 to {max} characters.",
        Msg::TextBadChars => "{what} contains characters that are not allowed.",
        Msg::SearchTextMaxLen => "The search text can have at most {max} characters.",
        Msg::IpaCodeUnknown => "The code «{code}» is not in the Index of Public Administrations (IPA): check the body's iPA code.",
        Msg::CfNotIpa => "The tax code is not the body's one in the IPA ({cf}).",
        Msg::SignedFileWrongCode => "The signed file is not the declaration with the code {code}: download the declaration of this code, sign it and upload it again.",
        Msg::SignedByOther => "The file is signed by someone else (tax code {signer}): it must be signed by the legal representative named in the profile ({expected}).",
        Msg::CfLength => "A person's tax code has 16 characters ({n} were given).",
        Msg::CfForm => "The tax code does not have the expected form: six letters, two digits, a letter, two digits, a letter, three digits and a final letter (for example RSSMRA85T10A562S).",
        Msg::CfMonth => "The letter of the birth month in the tax code is not valid.",
        Msg::CfDay => "The birth day in the tax code is not valid.",
        Msg::CfCheck => "The check character of the tax code does not match: check that it was written correctly.",
        Msg::EnterWhat => "Enter {what}.",
        Msg::ElevenDigitsOnly => "{what} is made of digits only.",
        Msg::ElevenDigitsLength => "{what} has 11 digits ({n} were given).",
        Msg::ElevenDigitsZeros => "{what} cannot be all zeros.",
        Msg::ElevenDigitsCheck => "The check digit does not match: check that {what} was written correctly.",
        Msg::EnteCfLength => "A body's tax code has 11 digits, a person's 16 characters ({n} were given).",
        Msg::TextTooLong => "{what} can have at most {max} characters (it has {n}).",
        Msg::ClassCodeMaxLen => "A class code can have at most {max} characters.",
        Msg::MatricolaMaxLen => "The student number can have at most {max} characters.",
        Msg::CellRequired => "{what} is required: the cell is empty.",
        Msg::CellControlChars => "{what} contains non-printable characters (for example a line break or a tab).",
        Msg::DateNotExists => "The date {date} does not exist.",
        Msg::HoursNotWholeMinutes => "{hours} hours are not a whole number of minutes: enter the minutes in the minuti column, or round.",
        Msg::WholeNumberIs => "{what} a whole number from {min} to {max}.",
        Msg::PreviousAbsenceHoursMax => "Hours of absence at the previous school cannot exceed {max}.",
        Msg::TeacherWithoutClasses => "For a teacher, enter the classes they teach (classi column), separated by spaces or commas.",
        Msg::ClassesOnlyForTeachers => "Classes are given only for the docente role: for the {role} role leave the cell empty (a person who is also a teacher goes on another row, with role docente).",
        Msg::EventHoursRange => "An event's hours must be more than 0 and at most {max}.",
        Msg::TextTooShort => "{what} must have at least {min} characters (it has {n}).",
        Msg::PathRepeated => "The path «{path}» is already given in another offer.",
        Msg::MaxStudentsRange => "The maximum number of students is a whole number from 1 to {max}.",
        Msg::TooManyPeriods => "At most {max} periods can be given.",
        Msg::PeriodStartMissing => "Enter the period's start date.",
        Msg::PeriodEndMissing => "Enter the period's end date.",
        Msg::ProfileDateForm => "Enter the date as YYYY-MM-DD (for example 2026-03-02).",
        Msg::YearRange => "The year must be between 2000 and 2100.",
        Msg::DateNotInCalendar => "The date does not exist in the calendar.",
        Msg::TooManyFigures => "At most {max} professional figures can be given.",
        Msg::FigureRepeated => "The figure {code} is already given.",
        Msg::TooManyPlaces => "At most {max} places can be given.",
        Msg::HostKindMissing => "Choose the kind of host: company, professional, public body or private body.",
        Msg::AtecoMissing => "Enter the ATECO code of the company's activity.",
        Msg::BodyCfMissing => "Enter the body's tax code.",
        Msg::PartitaIvaMissing => "Enter the company's VAT number.",
        Msg::OffersMissing => "Enter at least one path offered: school-work alternation (PCTO) or apprenticeship.",
        Msg::TooManyOffers => "At most one offer can be described for each path (PCTO and apprenticeship).",
        Msg::PathMissing => "Choose the path: PCTO or apprenticeship.",
        Msg::MaxStudentsMissing => "Enter the maximum number of students.",
        Msg::PeriodsMissing => "Enter at least one period of the year in which students are welcome.",
        Msg::FiguresMissing => "Enter at least one professional figure (CP 2011 classification).",
        Msg::PlacesMissing => "Enter at least one place where the activity will take place, with its full address.",
        Msg::CapMissing => "Enter the postcode (CAP).",
        Msg::CapForm => "The postcode (CAP) has 5 digits (for example 00184).",
        Msg::ComuneMissing => "Enter the municipality.",
        Msg::EmailForm => "The e-mail address does not have a valid form (for example nome@dominio.it).",
        Msg::ContactMissing => "Enter at least an e-mail address or a phone number to contact.",
        Msg::PecForm => "The PEC address does not have a valid form (for example ente@pec.it).",
        Msg::WebsiteForm => "The website's address starts with https:// or http:// (for example https://www.esempio.it).",
        Msg::PhoneForm => "The phone number has 6 to 15 digits, possibly preceded by + (for example +39 06 1234567).",
        Msg::DraftTooLarge => "The file is too large ({kb} KB): a Ponte draft is at most {max} KB. Check that you chose the right file.",
        Msg::DraftNotJson => "The file is not a Ponte draft: choose the file saved with «Save draft to a file».",
        Msg::DraftForeignFormat => "The file is not a draft of a Ponte profile: choose the file saved with «Save draft to a file».",
        Msg::DraftOlderVersion => "The draft was saved by an earlier version of Ponte (format {found}) that can no longer be loaded: the profile must be filled in again.",
        Msg::DraftNewerVersion => "The draft was saved by a newer version of Ponte (format {found}): reload the page and try again.",
        Msg::DraftTampered => "The draft was changed after it was saved, or the file is damaged: it cannot be loaded. Use the file as it was saved.",
        Msg::DraftMalformed => "The draft is damaged (field «{path}»): it cannot be loaded.",
        // Phrases.
        Msg::PhraseTitle => "the title",
        Msg::PhraseNoticeText => "the text",
        Msg::PhrasePartitaIva => "the VAT number",
        Msg::PhraseNumericCf => "the VAT number or the numeric tax code",
        Msg::PhraseDescription => "the description",
        Msg::PhraseSurname => "the surname",
        Msg::PhraseName => "the name",
        Msg::PhraseWeeklyHoursMustBe => "weekly hours must be",
        Msg::PhraseMondayHoursMustBe => "hours on Monday must be",
        Msg::PhraseTuesdayHoursMustBe => "hours on Tuesday must be",
        Msg::PhraseWednesdayHoursMustBe => "hours on Wednesday must be",
        Msg::PhraseThursdayHoursMustBe => "hours on Thursday must be",
        Msg::PhraseFridayHoursMustBe => "hours on Friday must be",
        Msg::PhraseSaturdayHoursMustBe => "hours on Saturday must be",
        Msg::PhrasePersonalisedHoursMustBe => "the personalised annual hours must be",
        Msg::PhraseEventMinutesMustBe => "an event's minutes must be",
        Msg::PhraseHostName => "the name",
        Msg::PhraseHostDescription => "the description of the host",
        Msg::PhraseSupplyChain => "the description of the relations with the supply chain",
        Msg::PhraseStructuralCapacity => "the description of the structural capacity",
        Msg::PhraseTechnologicalCapacity => "the description of the technological capacity",
        Msg::PhraseOrganisationalCapacity => "the description of the organisational capacity",
        Msg::PhraseRepresentativeCf => "the legal representative's tax code",
        Msg::PhraseProfessionalCf => "the professional's tax code",
        Msg::PhraseActivity => "the description of the activities",
        Msg::PhraseAddress => "the address",
        Msg::PhraseContactRole => "the role of the contact person",
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
            .filter(|m| {
                english(**m).is_empty() || placeholders(m.it()) != placeholders(english(**m))
            })
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
        assert_eq!(Lang::En.limits_error(&e), Lang::En.error(&e));
        // A phrase inside a message is said in the page's language too.
        let e = domain::identity::PartitaIva::parse("12A").expect_err("letters");
        assert_eq!(e.message, "La partita IVA è formata solo da cifre.");
        assert_eq!(Lang::En.error(&e), "The VAT number is made of digits only.");
        // An error read back from the API finds its identity when it has no values.
        let back = FieldError::from_api("x", e.message.clone());
        assert_eq!(Lang::En.error(&back), e.message);
        let back = FieldError::from_api("x", Msg::CapMissing.it().to_owned());
        assert_eq!(Lang::En.error(&back), "Enter the postcode (CAP).");
        // A message not in the catalogue is shown as written.
        let free = FieldError::invalid("x", "Testo libero.");
        assert_eq!(Lang::En.error(&free), "Testo libero.");
    }
}
