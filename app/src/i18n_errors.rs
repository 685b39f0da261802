//! Errors from `domain` in the page's language. The API answers in Italian; a page finds the
//! same message in its own language by the message's identity (`domain::messages::Msg`) and
//! fills in the same values. The match is exhaustive: a message without its English text does
//! not compile.

use crate::i18n::Lang;
use domain::messages::{Msg, MsgId};
use domain::FieldError;

impl Lang {
    /// The words of every message in this language, for browser code that says errors without
    /// the catalogue (the publishing wizard's, which reads them from its page's data: the
    /// English catalogue matches every message of Ponte, kilobytes of wasm): none in Italian,
    /// as an error carries its Italian text. A list of the message's number and its text.
    pub fn error_words(self) -> String {
        match self {
            Lang::En => {
                let rows: Vec<(String, &str)> = Msg::ALL
                    .iter()
                    .map(|m| ((m.id as usize).to_string(), english(*m)))
                    .collect();
                crate::islands::pack_list(rows.iter().map(|(id, text)| vec![id.as_str(), *text]))
            }
            // The islands are Italian and English only.
            _ => String::new(),
        }
    }

    /// What to show for `e` on a page in this language.
    pub fn error(self, e: &FieldError) -> String {
        match (self, e.text()) {
            (Lang::En, Some(t)) => t.fill(english(t.msg), english),
            (Lang::It, _) | (_, None) => e.message.clone(),
            (_, Some(t)) => t.fill(self.message(t.msg), |m| self.message(m)),
        }
    }

    /// A message without values in this language.
    pub fn message(self, m: Msg) -> &'static str {
        match self {
            Lang::En => english(m),
            Lang::It => m.it(),
            // The family's other languages: the message file's `errors` by the message's name,
            // Italian when it has none (it names the messages of the family's forms).
            _ => crate::lingue::catalogue(self)
                .and_then(|c| c.error(m))
                .unwrap_or(m.it()),
        }
    }

    /// `error` for the attendance calculator: its own messages in this language, any other as
    /// written (see `english_limits`).
    pub fn limits_error(self, e: &FieldError) -> String {
        match (self, e.text()) {
            (Lang::En, Some(t)) => match english_limits(t.msg) {
                Some(en) => t.fill(en, Msg::it),
                None => e.message.clone(),
            },
            _ => e.message.clone(),
        }
    }
}

/// `e` said with `words` (the list of [`Lang::error_words`], read back): as [`Lang::error`]
/// says it in that language, in Italian when the list is empty.
pub fn say_with(words: &[(usize, &'static str)], e: &FieldError) -> String {
    let say = |m: Msg| {
        words
            .iter()
            .find(|(id, _)| *id == m.id as usize)
            .map_or(m.it(), |(_, text)| *text)
    };
    match e.text() {
        Some(t) if !words.is_empty() => t.fill(say(t.msg), say),
        _ => e.message.clone(),
    }
}

/// [`Lang::error_words`] read back, kept for the page's life.
pub fn read_words(packed: &str) -> &'static [(usize, &'static str)] {
    let words: Vec<(usize, &'static str)> = crate::islands::unpack_list(packed)
        .into_iter()
        .filter_map(|r| match r.as_slice() {
            [id, text] => Some((id.parse().ok()?, String::leak(text.clone()) as &str)),
            _ => None,
        })
        .collect();
    Vec::leak(words)
}

/// The attendance calculator's messages (`Limits::from_inputs`), apart from the rest so that
/// the public bundle, whose calculator shows them, does not carry the whole catalogue.
fn english_limits(m: Msg) -> Option<&'static str> {
    Some(match m.id {
        MsgId::WeeklyHoursRange => "Weekly hours must be a whole number from 1 to {max}.",
        MsgId::WeeklyHoursMissing => "Enter the weekly hours of the pupil's timetable.",
        MsgId::LessonWeeksRange => "Lesson weeks must be a whole number from 1 to {max}.",
        MsgId::DailyHoursRange => "Hours in a school day must be a whole number from 1 to {max}.",
        MsgId::WholeNumberRange => "Enter a whole number from {min} to {max}.",
        _ => return None,
    })
}

fn english(m: Msg) -> &'static str {
    match m.id {
        MsgId::WeeklyHoursRange
        | MsgId::WeeklyHoursMissing
        | MsgId::LessonWeeksRange
        | MsgId::DailyHoursRange
        | MsgId::WholeNumberRange => english_limits(m).unwrap_or_default(),
        MsgId::UnknownCode => "The code «{value}» is not in the reference data.",
        MsgId::UnknownParameter => "The parameter «{name}» is not accepted.",
        MsgId::DuplicateParameter => "The parameter «{name}» is given more than once.",
        MsgId::NotFound => "The requested resource does not exist or is not published.",
        MsgId::Internal => "Something went wrong on our side. Please try again shortly.",
        MsgId::Unauthenticated => "To continue, sign in with SPID or CIE.",
        MsgId::Forbidden => "Your profile does not give access to these data.",
        MsgId::CsrfRejected => {
            "The request does not come from a Ponte page: reload the page and try again."
        }
        MsgId::PayloadTooLarge => "What was sent is too large: at most {kb} KB per request.",
        MsgId::RateLimited => "Too many attempts in a short time: try again in a few minutes.",
        MsgId::MediaTypeExpected => "Send the content as {expected} (Content-Type header).",
        MsgId::DerogaDuplicate => "A derogation request for the same category and period has already been sent.",
        MsgId::DerogaTooMany => "This pupil already has {max} derogation requests waiting for the school's decision: wait until the school decides at least one.",
        MsgId::ImportPartsArriving => "A part of the file is still arriving: wait for the upload to finish, then make the import live.",
        MsgId::ImportCommitting => "The import is being made live: no more parts can be added.",
        MsgId::ImportDeletionsNeedConfirmation => "The file would delete {n} pupils out of {total}: confirm the deletion (check the list) or import the complete file.",
        MsgId::DateRangeReversed => "The end date cannot be before the start date.",
        MsgId::LastLessonDayBeforeFirst => "The last lesson day cannot be before the first.",
        MsgId::SchoolYearTooLong => "A school year cannot last more than 366 days.",
        MsgId::FirstLessonDaySunday => "The first lesson day cannot be a Sunday.",
        MsgId::LastLessonDaySunday => "The last lesson day cannot be a Sunday.",
        MsgId::HolidayOutsideYear => "A holiday must fall between the first and the last lesson day.",
        MsgId::HolidayOnFirstOrLastDay => "The first and the last lesson day cannot be holidays.",
        MsgId::EventMinutesMissing => "For late arrivals, late entries and early exits, enter the lesson minutes missed.",
        MsgId::DerogaCategoryCodeForm => "The code of a derogation category must have 1 to 40 characters among a-z, 0-9 and _.",
        MsgId::MayorBeforeFamily => "The mayor is notified after the family: enter the family's date first.",
        MsgId::MayorNotifiedBeforeFamily => "The mayor's notice cannot be before the notice to the family.",
        MsgId::PresenceCountedAsAbsence => "Activities organised by the school and suspension with compulsory attendance are not absences.",
        MsgId::BandsRange => "The attention and risk thresholds must be increasing percentages between 1 and 100.",
        MsgId::DeadlineDayOfYear => "Enter a day and month that exist every year (not 29 February).",
        MsgId::PolicyNameLength => "The policy's name must have 1 to 200 characters.",
        MsgId::DerogaCategoryLabelMissing => "Every derogation category needs a description.",
        MsgId::ThresholdRepeated => "The same threshold is given more than once.",
        MsgId::DeclarationCodeMissing => "Enter the declaration's code.",
        MsgId::DeclarationCodeInvalid => "The declaration's code is not valid: probably a character was mistyped or two characters are swapped.",
        MsgId::ReasonFromList => "Choose the reason from the list: no other details can be written.",
        MsgId::AbsenceAlreadyJustified => "This absence is already justified in the register.",
        MsgId::FutureAbsence => "A future absence cannot be justified.",
        MsgId::JustificationAlreadySent => "A justification has already been sent for this absence.",
        MsgId::NoticeUnknownClasses => "The school has no classes {classes}: no family would receive the notice for them. The school's classes are, for example: {examples}.",
        MsgId::SignedFileMissing => "Choose the signed declaration's file (.p7m).",
        MsgId::DeclarationNotPending => "Only a declaration still waiting for its confirmation can be cancelled.",
        MsgId::NoticeWithdrawn => "The school has withdrawn this notice: it asks nothing any more.",
        MsgId::NoticeEveryoneAcknowledged => "Every family has already acknowledged this notice.",
        MsgId::NoticeRemindedToday => "A reminder for this notice was already sent in the last 24 hours.",
        MsgId::NoticeReachesNobody => "The notice reaches no pupil of the school: no family would receive it. Check the recipients.",
        MsgId::AbsenceDerogated => "This absence is covered by an approved derogation: it does not count towards the limit and needs no justification.",
        MsgId::AbsencesNoneChosen => "Choose at least one absence to justify.",
        MsgId::AbsencesTooMany => "At most {max} absences can be justified at once.",
        MsgId::AbsenceIdInvalid => "The absence's number is not valid.",
        MsgId::DecisionValue => "The decision must be \"approve\" (accepted) or \"refuse\" (refused).",
        MsgId::RequestAlreadyDecided => "The school has already decided on this request: the decision cannot be changed from here.",
        MsgId::RefusalReasonMissing => "To refuse the request, choose the reason: the family reads it.",
        MsgId::RefusalReasonFromList => "Choose one of the refusal reasons offered for this kind of request.",
        MsgId::CouncilDateMissing => "Give the date of the class council that decided the derogation.",
        MsgId::CouncilDateFuture => "The class council's date cannot be in the future.",
        MsgId::CouncilDateBeforeRequest => "The class council cannot have decided before the request, sent on {date}.",
        MsgId::MotivationMissing => "Write the reason of the class council's deliberation.",
        MsgId::MotivationTooLong => "The reason can have at most {max} characters.",
        MsgId::DocumentsNotReceived => "A derogation is accepted once the office has received the documents: confirm it.",
        MsgId::DerogaOnlyCouncil => "Derogations are decided by the class council: the class coordinator or the head teacher records the decision.",
        MsgId::UndoOnlyByDecider => "A decision can be undone only by whoever took it, within {minutes} minutes.",
        MsgId::UndoTooLate => "More than {minutes} minutes have passed: the decision can no longer be undone.",
        MsgId::UndoNothing => "This request has no decision to undo.",
        MsgId::DeskGradeValue => "The school grade must be primaria, secondaria_primo_grado or secondaria_secondo_grado.",
        MsgId::DeskStandingValue => "The standing must be: regolare, vicino, oltre, soglia, legge159 or elusione.",
        MsgId::DeskSortValue => "The order must be: classe, assenze, residuo or nome.",
        MsgId::PositiveWholeNumber => "Enter a whole number greater than zero.",
        MsgId::IsoDateForm => "The date must be in the form YYYY-MM-DD (for example 2026-03-02).",
        MsgId::DerogaCategoryFromList => "Choose one of the derogation categories adopted by the school.",
        MsgId::EndBeforeStart => "The end date cannot be before the start date.",
        MsgId::AudienceKind => "The recipient must be: the whole school, a school level, classes or pupils.",
        MsgId::NoticeNeedsNoAcknowledgement => "This notice does not ask for acknowledgement.",
        MsgId::NoticeAlreadyAcknowledged => "The acknowledgement of this notice is already recorded.",
        MsgId::DerogaRequestIdRange => "The derogation request's number is out of range.",
        MsgId::SchoolNotReady => "The school has not yet sent its classes or calendar: the absence summary will be available as soon as it does.",
        MsgId::CodiceFiscaleMissing => "Enter the tax code.",
        MsgId::IpaCodeMissing => "Enter the body's iPA code or its Unique Office Code.",
        MsgId::IpaCodeForm => "The iPA code has 1 to 20 characters among letters, digits and underscore (for example c_h501).",
        MsgId::CalendarRowKind => "Type not recognised: enter lezioni (first and last lesson day) or vacanza (a day or a period without lessons).",
        MsgId::DescriptionControlChars => "The description contains non-printable characters (for example a line break).",
        MsgId::ImportKind => "File type not recognised: classi, calendario, alunni, tutori, personale or assenze.",
        MsgId::ClassMissing => "Enter the class.",
        MsgId::ClassCodeChars => "A class code can contain only letters (without accents) and digits, for example 3A.",
        MsgId::MatricolaMissing => "Enter the student number.",
        MsgId::MatricolaChars => "The student number can contain only letters (without accents), digits and the signs - _ / . (no spaces).",
        MsgId::RoleMissing => "Enter the role.",
        MsgId::RoleUnknown => "Role not recognised: enter docente, segreteria or dirigente.",
        MsgId::DateMissing => "Enter the date.",
        MsgId::ImportDateForm => "The date is not written as dd/mm/yyyy (for example 15/09/2025) or yyyy-mm-dd.",
        MsgId::YesNo => "Enter yes or no (sì, s, x, 1, vero / no, n, 0, falso; empty means no).",
        MsgId::HoursNumber => "Enter the hours as a number, decimals allowed (for example 2 or 1,5).",
        MsgId::SchoolGradeUnknown => "School level not recognised: enter primaria, secondaria di primo grado or secondaria di secondo grado.",
        MsgId::WithdrawalKindUnknown => "Withdrawal type not recognised: enter ritiro (formal withdrawal), abbandono (informal dropout) or trasferimento.",
        MsgId::NextYearChoiceUnknown => "Next year's choice not recognised: enter istruzione, iefp, apprendistato or nessuna.",
        MsgId::OutcomeUnknown => "Outcome not recognised: enter ammesso, non ammesso or giudizio sospeso.",
        MsgId::BirthDateTooEarly => "The date of birth must be {min} or later.",
        MsgId::CaseClosedBeforeNotice => "The case cannot be closed before the family was notified.",
        MsgId::CaseStepNotDue => "This step is not due in the case's present state: reload the page and check.",
        MsgId::CaseDateInFuture => "The date cannot be after today.",
        MsgId::CaseDateBeforeFlag => "The date cannot be before the day the case opened.",
        MsgId::CaseEpisodeNumber => "Give the case's number (0 for the first of the year).",
        MsgId::CaseChannelUnknown => "Say how the family was told: letter or notice (a notice in Ponte).",
        MsgId::CaseReasonUnknown => "Give the reason for closing: justified, transferred, home_schooling or other.",
        MsgId::ArsCommunicationUnknown => "ARS communication not recognised: abbandono_non_formale, ritiro_prima_15_03, ritiro_dopo_15_03, iscritto_non_presente, esito_negativo_non_prosegue, terza_senza_scelta or istruzione_parentale.",
        MsgId::ArsSentBeforeYear => "The date it was sent cannot be before the school year began ({min}).",
        MsgId::ArsNotNeeded => "Ponte does not find this ARS communication for this pupil: reload the page and check.",
        MsgId::ArsAlreadySent => "This ARS communication is already marked as sent.",
        MsgId::CaseStepUnknown => "Step not recognised: family_notified, mayor_notified, closed, elusione_reported or late_entries_notified.",
        MsgId::Law159MayorOnly => "Reports to the mayor are recorded by the office and the head teacher.",
        MsgId::CaseStepTaken => "Another step of this case was just recorded: reload the page and check.",
        MsgId::CaseUndoOnlyByRecorder => "Only whoever recorded a step can undo it, within {minutes} minutes.",
        MsgId::CaseUndoTooLate => "More than {minutes} minutes have passed: the step can no longer be undone.",
        MsgId::CaseUndoNotLast => "Only the case's last recorded step can be undone.",
        MsgId::CaseUndoStepId => "Give the number of the step to undo.",
        MsgId::LateEntriesThresholdRange => "The number of late entries after which the family receives the notice must be a whole number from {min} to {max}.",
        MsgId::LateEntriesNotDue => "The notice on late entries is not due: since the last notice the late entries have not reached the school's threshold.",
        MsgId::LateEntriesNoticeBeforeThreshold => "The date cannot be before the day the late entries reached the threshold.",
        MsgId::AbsenceKindUnknown => "Absence type not recognised: enter assenza, ritardo, ingresso_posticipato, uscita_anticipata, astensione, uscita_didattica_non_partecipata, sospensione, sospensione_con_obbligo or attivita_scolastica.",
        MsgId::RegionCode => "The ISTAT code of a region has two digits, from 01 to 20.",
        MsgId::ProvinceCode => "A province's abbreviation has two letters (for example RM).",
        MsgId::ComuneCode => "The ISTAT code of a municipality has six digits (for example 058091).",
        MsgId::PecMissing => "Enter the PEC address: it is needed to confirm the profile's publication.",
        MsgId::IpaWithoutPec => "The body has no PEC mailbox registered in the IPA: register one in the IPA before publishing the profile.",
        MsgId::DeclarationByPec => "This declaration is confirmed by a PEC message, not by a signed file.",
        MsgId::SearchTextNoAlphanumeric => "The search text must contain at least one letter or digit.",
        MsgId::NearComune => "Give the comune by its name (for example Padova, or Samone (TN)) or by its six-digit ISTAT code.",
        MsgId::RadiusWithoutNear => "A distance applies around a comune: give the comune too (near).",
        MsgId::NearComuneUnknown => "No comune is called «{name}»: check the name.",
        MsgId::NearComuneAmbiguous => "Several comuni are called «{name}»: add the province, for example {example}.",
        MsgId::DayHoursRange => "Lesson hours in a day must be from 0 to {max}.",
        MsgId::WeekdaysSumRange => "The hours of the weekdays must add up to 1 to {max} weekly hours.",
        MsgId::WeekdaysSumMismatch => "The hours of the days add up to {sum}, but the weekly hours given are {weekly}.",
        MsgId::EventMinutesRange => "An event's minutes of absence must be from 1 to {max}.",
        MsgId::DerogaHoursRange => "The hours a derogation recognises must be from 1 minute to {max} hours.",
        MsgId::PersonalisedHoursRange => "The personalised annual hours must be a whole number from 1 to {max}.",
        MsgId::PreviousAbsenceMax => "Absences at the previous school cannot exceed {max} hours.",
        MsgId::DerogaCategoryRepeated => "The derogation category «{code}» is given more than once.",
        MsgId::ThresholdHoursRange => "An alert threshold must be from 1 to {max} hours.",
        MsgId::DeclarationCodeLength => "The declaration's code has 12 characters in the form XXXX-XXXX-XXXX ({n} were given).",
        MsgId::DeclarationCodeChar => "The character «{c}» does not occur in declaration codes, which use neither the letters I, L, O nor the digits 0 and 1: check that it was copied correctly.",
        MsgId::DatesInSchoolYear => "The dates must fall within the school year, from {first} to {last}.",
        MsgId::AudienceGrade => "Choose the school level: primary, lower secondary or upper secondary.",
        MsgId::AudienceClassesCount => "Enter 1 to 200 classes (for example 1A 2B).",
        MsgId::AudienceClassCode => "A class code has only letters, digits and hyphens.",
        MsgId::AudiencePupilsCount => "Enter 1 to 500 pupils.",
        MsgId::AudiencePupilNumbers => "Pupils are given by their number.",
        MsgId::TextLengthRange => "{what} must have 1 to {max} characters.",
        MsgId::TextBadChars => "{what} contains characters that are not allowed.",
        MsgId::SearchTextMaxLen => "The search text can have at most {max} characters.",
        MsgId::IpaCodeUnknown => "The code «{code}» is not in the Index of Public Administrations (IPA): check the body's iPA code.",
        MsgId::CfNotIpa => "The tax code is not the body's one in the IPA ({cf}).",
        MsgId::SignedFileWrongCode => "The signed file is not the declaration with the code {code}: download the declaration of this code, sign it and upload it again.",
        MsgId::SignedFileNotDocument => "The signed file is not, byte for byte, the document of declaration {code}: sign the downloaded file without changing it and upload it again.",
        MsgId::ReviewPecNotOfRecord => "The PEC address is the one the body typed: INI-PEC does not list it for this tax code.",
        MsgId::ReviewSignerNotRepresentative => "The Companies Register does not list the signer among the company's legal representatives: a delegate must show the delegation.",
        MsgId::ReviewCompanyNotInRegistry => "The Companies Register has no company with this VAT number.",
        MsgId::ReviewRegistryUnavailable => "The register of record could not confirm the body.",
        MsgId::ReviewRevocationUnknown => "The signature is valid, but it was not possible to check that the certificate was not revoked (the revocation list was not available): an operator checks the certificate.",
        MsgId::ReviewNotLiveOwner => "The profile is already published, and the confirmation does not come from the PEC address or the signer that published it.",
        MsgId::SignedByOther => "The file is signed by someone else (tax code {signer}): it must be signed by the legal representative named in the profile ({expected}).",
        MsgId::CfLength => "A person's tax code has 16 characters ({n} were given).",
        MsgId::CfForm => "The tax code does not have the expected form: six letters, two digits, a letter, two digits, a letter, three digits and a final letter (for example RSSMRA85T10A562S).",
        MsgId::CfMonth => "The letter of the birth month in the tax code is not valid.",
        MsgId::CfDay => "The birth day in the tax code is not valid.",
        MsgId::CfCheck => "The check character of the tax code does not match: check that it was written correctly.",
        MsgId::EnterWhat => "Enter {what}.",
        MsgId::ElevenDigitsOnly => "{what} is made of digits only.",
        MsgId::ElevenDigitsLength => "{what} has 11 digits ({n} were given).",
        MsgId::ElevenDigitsZeros => "{what} cannot be all zeros.",
        MsgId::ElevenDigitsCheck => "The check digit does not match: check that {what} was written correctly.",
        MsgId::EnteCfLength => "A body's tax code has 11 digits, a person's 16 characters ({n} were given).",
        MsgId::TextTooLong => "{what} can have at most {max} characters (it has {n}).",
        MsgId::ClassCodeMaxLen => "A class code can have at most {max} characters.",
        MsgId::MatricolaMaxLen => "The student number can have at most {max} characters.",
        MsgId::CellRequired => "{what} is required: the cell is empty.",
        MsgId::CellControlChars => "{what} contains non-printable characters (for example a line break or a tab).",
        MsgId::DateNotExists => "The date {date} does not exist.",
        MsgId::HoursNotWholeMinutes => "{hours} hours are not a whole number of minutes: enter the minutes in the minuti column, or round.",
        MsgId::WholeNumberIs => "{what} a whole number from {min} to {max}.",
        MsgId::PreviousAbsenceHoursMax => "Hours of absence at the previous school cannot exceed {max}.",
        MsgId::TeacherWithoutClasses => "For a teacher, enter the classes they teach (classi column), separated by spaces or commas.",
        MsgId::CoordinatesNotTaught => "A teacher coordinates only classes they teach: {class} is not in the classi column.",
        MsgId::ClassesOnlyForTeachers => "Classes are given only for the docente role: for the {role} role leave the cell empty (a person who is also a teacher goes on another row, with role docente).",
        MsgId::EventHoursRange => "An event's hours must be more than 0 and at most {max}.",
        MsgId::TextTooShort => "{what} must have at least {min} characters (it has {n}).",
        MsgId::PathRepeated => "The path «{path}» is already given in another offer.",
        MsgId::MaxStudentsRange => "The maximum number of students is a whole number from 1 to {max}.",
        MsgId::TooManyPeriods => "At most {max} periods can be given.",
        MsgId::PeriodStartMissing => "Enter the period's start date.",
        MsgId::PeriodEndMissing => "Enter the period's end date.",
        MsgId::ProfileDateForm => "Enter the date as YYYY-MM-DD (for example 2026-03-02).",
        MsgId::YearRange => "The year must be between 2000 and 2100.",
        MsgId::DateNotInCalendar => "The date does not exist in the calendar.",
        MsgId::TooManyFigures => "At most {max} professional figures can be given.",
        MsgId::FigureRepeated => "The figure {code} is already given.",
        MsgId::TooManyPlaces => "At most {max} places can be given.",
        MsgId::HostKindMissing => "Choose the kind of host: company, professional, public body or private body.",
        MsgId::AtecoMissing => "Enter the ATECO code of the company's activity.",
        MsgId::BodyCfMissing => "Enter the body's tax code.",
        MsgId::PartitaIvaMissing => "Enter the company's VAT number.",
        MsgId::OffersMissing => "Enter at least one path offered: school-work alternation (PCTO) or apprenticeship.",
        MsgId::TooManyOffers => "At most one offer can be described for each path (PCTO and apprenticeship).",
        MsgId::PathMissing => "Choose the path: PCTO or apprenticeship.",
        MsgId::MaxStudentsMissing => "Enter the maximum number of students.",
        MsgId::PeriodsMissing => "Enter at least one period of the year in which students are welcome.",
        MsgId::FiguresMissing => "Enter at least one professional figure (CP 2011 classification).",
        MsgId::PlacesMissing => "Enter at least one place where the activity will take place, with its full address.",
        MsgId::CapMissing => "Enter the postcode (CAP).",
        MsgId::CapForm => "The postcode (CAP) has 5 digits (for example 00184).",
        MsgId::ComuneMissing => "Enter the municipality.",
        MsgId::EmailForm => "The e-mail address does not have a valid form (for example nome@dominio.it).",
        MsgId::ContactMissing => "Enter at least an e-mail address or a phone number to contact.",
        MsgId::PecForm => "The PEC address does not have a valid form (for example ente@pec.it).",
        MsgId::WebsiteForm => "The website's address starts with https:// or http:// (for example https://www.esempio.it).",
        MsgId::PhoneForm => "The phone number has 6 to 15 digits, possibly preceded by + (for example +39 06 1234567).",
        MsgId::DraftTooLarge => "The file is too large ({kb} KB): a Ponte draft is at most {max} KB. Check that you chose the right file.",
        MsgId::DraftNotJson => "The file is not a Ponte draft: choose the file saved with «Save draft to a file».",
        MsgId::DraftForeignFormat => "The file is not a draft of a Ponte profile: choose the file saved with «Save draft to a file».",
        MsgId::DraftOlderVersion => "The draft was saved by an earlier version of Ponte (format {found}) that can no longer be loaded: the profile must be filled in again.",
        MsgId::DraftNewerVersion => "The draft was saved by a newer version of Ponte (format {found}): reload the page and try again.",
        MsgId::DraftTampered => "The draft was changed after it was saved, or the file is damaged: it cannot be loaded. Use the file as it was saved.",
        MsgId::DraftMalformed => "The draft is damaged (field «{path}»): it cannot be loaded.",
        MsgId::BodyIncomplete => "The request did not arrive whole.",
        MsgId::BodyInvalid => "The request body is not valid: {detail}.",
        MsgId::BodyNotJsonObject => "The request body is not a valid JSON object: {detail}.",
        MsgId::FieldNotText => "The field «{field}» must be text.",
        MsgId::FieldNotFlag => "The field «{field}» must be true or false.",
        MsgId::HeaderUnreadable => "Header not readable.",
        MsgId::ClockOverrideMalformed => "{setting} is not valid ({value}): {today} takes a date YYYY-MM-DD, {now} Unix seconds or RFC 3339.",
        MsgId::FormatJsonOrCsv => "The format must be json or csv.",
        MsgId::ProvinceMissing => "Enter the province's abbreviation.",
        MsgId::FileBytesRange => "The file must have from 1 byte to {mb} MB.",
        MsgId::ImportConcluded => "This import is already concluded: to send the file again, create a new one.",
        MsgId::ImportRejectedErrors => "The file has {n} errors: nothing was imported. Correct the lines shown and send it again.",
        MsgId::FirstLineRange => "The number of the first line must be a whole number from 2 up.",
        MsgId::PartsExceedFileSize => "The parts sent exceed the declared size of the file.",
        MsgId::PartEmpty => "The part is empty: every part starts with the file's header line.",
        MsgId::CalendarOnePart => "The calendar is sent in a single part: create a new import.",
        MsgId::HostKindValue => "The kind of host is one of impresa, professionista, ente_pubblico, ente_privato.",
        MsgId::PathKindValue => "The path is «pcto» or «apprendistato».",
        MsgId::Cp2011CodeForm => "A CP 2011 code has one to five levels of one digit separated by dots (for example 6.2.3).",
        MsgId::AtecoCodeForm => "An ATECO code has the form 62, 62.1, 62.10, 62.10.0 or 62.10.00.",
        MsgId::AtecoCodeNotFound => "The code {code} is not in the ATECO 2025 classification.",
        MsgId::YearMonthForm => "Enter the month as YYYY-MM (for example 2026-03).",
        MsgId::PeriodReversed => "The end of the period is before its start.",
        MsgId::PeriodTooLong => "A period cannot be longer than two years.",
        MsgId::ProfileInvalid => "The profile is not valid.",
        MsgId::PlaceMissing => "Enter at least one place.",
        MsgId::IpaCodeNotFound => "The code «{code}» is not in the Index of Public Administrations (IPA): check the iPA code or the Unique Office Code.",
        MsgId::PrivacyNotAccepted => "To continue, read and accept the privacy notice.",
        MsgId::PrivacyVersionChanged => "The privacy notice has been updated: read it and accept it again before sending.",
        MsgId::PublicationInReview => "A confirmation from this host is being checked by a Ponte operator: another declaration cannot be sent until the check is concluded.",
        MsgId::DeclarationBySignature => "This declaration is confirmed by the legal representative's digital signature, not by a PEC message.",
        MsgId::DeclarationCodeUsed => "This code has already been used: the profile is published. To change it, fill in the profile again and send a new declaration.",
        MsgId::DeclarationCodeExpired => "This code has expired or is no longer valid: send the profile again to receive a new code.",
        MsgId::DeclarationCodeUsedOrExpired => "This code has already been used or has expired: nothing was published.",
        MsgId::MailNotPec => "The message is not a PEC: send it from a certified e-mail (PEC) mailbox.",
        MsgId::MailNotSigned => "The message or the file does not carry the expected signature.",
        MsgId::MailMalformed => "The message or the file cannot be read: {detail}.",
        MsgId::MailDigestMismatch => "The content was changed after it was signed.",
        MsgId::MailBadSignature => "The signature is not valid.",
        MsgId::MailUntrustedSigner => "The signature is not from a recognised PEC provider.",
        MsgId::MailCertificateExpired => "The signing certificate has expired.",
        MsgId::MailCertificateNotYetValid => "The signing certificate is not valid yet.",
        MsgId::MailNoSignerFiscalCode => "The signing certificate does not carry the signer's tax code: use a personal qualified signature certificate.",
        MsgId::MailMismatch => "The data certified by the PEC provider do not match the original message ({field}).",
        MsgId::MailTooLarge => "The message or the file is too large: at most {pec_mb} MB for a PEC (without attachments) and {p7m_mb} MB for a signed file.",
        MsgId::MailUnsupportedAlgorithm => "The signature uses an algorithm that is not accepted ({detail}).",
        MsgId::MailDetached => "The file contains the signature only, without the document: sign the document in CAdES format (.p7m) with the document included.",
        MsgId::MailNotQualified => "The signing certificate was not issued by a qualified trust service provider of the national trusted list (AgID): a qualified digital signature is needed.",
        MsgId::MailNoNonRepudiation => "The signing certificate is not meant for signing documents (no «non-repudiation» key usage): use the digital signature certificate, not the authentication one.",
        MsgId::MailNotQualifiedCertificate => "The signing certificate is not a qualified certificate for digital signatures on a secure device: a qualified digital signature is needed.",
        MsgId::MailRevoked => "The signing certificate was revoked or suspended when the document was signed.",
        MsgId::MailRevocationUnknown => "It was not possible to check that the signing certificate is not revoked ({detail}): the signature cannot be accepted now. Try again later.",
        // Phrases.
        MsgId::PhraseTitle => "the title",
        MsgId::PhraseNoticeText => "the text",
        MsgId::PhraseReviewNote => "the reason",
        MsgId::DeclarationNotInReview => "This declaration is not being checked: it has already been decided, or its confirmation has not arrived yet.",
        MsgId::PhrasePartitaIva => "the VAT number",
        MsgId::PhraseNumericCf => "the VAT number or the numeric tax code",
        MsgId::PhraseDescription => "the description",
        MsgId::PhraseSurname => "the surname",
        MsgId::PhraseName => "the name",
        MsgId::PhraseWeeklyHoursMustBe => "weekly hours must be",
        MsgId::PhraseMondayHoursMustBe => "hours on Monday must be",
        MsgId::PhraseTuesdayHoursMustBe => "hours on Tuesday must be",
        MsgId::PhraseWednesdayHoursMustBe => "hours on Wednesday must be",
        MsgId::PhraseThursdayHoursMustBe => "hours on Thursday must be",
        MsgId::PhraseFridayHoursMustBe => "hours on Friday must be",
        MsgId::PhraseSaturdayHoursMustBe => "hours on Saturday must be",
        MsgId::PhrasePersonalisedHoursMustBe => "the personalised annual hours must be",
        MsgId::PhraseEventMinutesMustBe => "an event's minutes must be",
        MsgId::PhraseHostName => "the name",
        MsgId::PhraseHostDescription => "the description of the host",
        MsgId::PhraseSupplyChain => "the description of the relations with the supply chain",
        MsgId::PhraseStructuralCapacity => "the description of the structural capacity",
        MsgId::PhraseTechnologicalCapacity => "the description of the technological capacity",
        MsgId::PhraseOrganisationalCapacity => "the description of the organisational capacity",
        MsgId::PhraseRepresentativeCf => "the legal representative's tax code",
        MsgId::PhraseProfessionalCf => "the professional's tax code",
        MsgId::PhraseActivity => "the description of the activities",
        MsgId::PhraseAddress => "the address",
        MsgId::PhraseContactRole => "the role of the contact person",
        MsgId::PhraseFileName => "the file name",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_code_says_errors_as_the_page_would() {
        let e = domain::FieldError::invalid_says("privacy", Msg::PrivacyNotAccepted, &[]);
        let f = domain::FieldError::unknown_code("comune", "999999");
        for lang in [Lang::It, Lang::En] {
            let words = read_words(&lang.error_words());
            for e in [&e, &f] {
                assert_eq!(say_with(words, e), lang.error(e), "{lang:?}");
            }
        }
    }
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
        // The hosts' rules and the worker's own checks say catalogued messages too.
        let e = domain::hosts::PathKind::parse("stage").expect_err("not a path");
        assert_eq!(e.message, "Il percorso è «pcto» oppure «apprendistato».");
        assert_eq!(Lang::En.error(&e), "The path is «pcto» or «apprendistato».");
        let e = FieldError::invalid_says("date", Msg::DateNotExists, &[("date", &"31/02/2026")]);
        assert_eq!(e.message, "La data 31/02/2026 non esiste.");
        assert!(
            Lang::En.error(&e).contains("31/02/2026"),
            "{}",
            Lang::En.error(&e)
        );
        // An error read back from the API finds its identity when it has no values.
        let back = FieldError::from_api("x", e.message.clone());
        assert_eq!(Lang::En.error(&back), e.message);
        let back = FieldError::from_api("x", Msg::CapMissing.it().to_owned());
        assert_eq!(Lang::En.error(&back), "Enter the postcode (CAP).");
        // A message with values read back from the API is shown as written.
        let free = FieldError::from_api("x", "Testo libero.".to_owned());
        assert_eq!(Lang::En.error(&free), "Testo libero.");
    }
}
