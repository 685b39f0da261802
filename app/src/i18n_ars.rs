//! The words of the ARS communications (`/scuola/{id}/ars`, the school home's deadlines, the
//! CSV file), from seed 000: the note of the Regione del Veneto and the Ufficio Scolastico
//! Regionale per il Veneto, "Anagrafe Regionale degli Studenti: scadenze 2024, segnalazioni e
//! indicazioni operative per la gestione delle comunicazioni", its Tabella 1 and Allegato 2
//! (FAQ). The communications keep ARS's own names. Italian first, English second (a staff page:
//! it/en only).

use crate::i18n::{date_it, fill, Lang, Plural};
use domain::attendance::ars::{Basis, Communication, Due, Operation};

impl Lang {
    pub fn ars(self) -> &'static ArsTexts {
        match self {
            Lang::It => &ARS_IT,
            // Only Italian and English (`Lang::staff`).
            _ => &ARS_EN,
        }
    }
}

#[cfg_attr(test, derive(serde::Serialize))]
pub struct ArsTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub source: &'static str,
    pub link: &'static str,
    pub as_of: &'static str,
    /// With `{year}` (2025/26).
    pub calendar_heading: &'static str,
    pub calendar_none: &'static str,
    /// In `Operation`'s order.
    pub operations: [&'static str; 4],
    /// In `Communication`'s order: ARS's names.
    pub communications: [&'static str; 7],
    /// In `Communication`'s order: who is listed.
    pub communication_leads: [&'static str; 7],
    pub days_left: Plural,
    pub today: &'static str,
    pub days_past: Plural,
    pub due_promptly: &'static str,
    pub due_promptly_since: &'static str,
    pub due_by: &'static str,
    pub due_not_loaded: &'static str,
    pub basis_recorded: &'static str,
    pub basis_choice_not_recorded: &'static str,
    pub basis_never_present: &'static str,
    pub basis_law159: &'static str,
    pub event_on: &'static str,
    /// Pupil, class, matricola, codice fiscale, date of birth, why, deadline, sent.
    pub columns: [&'static str; 8],
    pub sent: &'static str,
    pub overdue: &'static str,
    pub to_send: Plural,
    pub none: &'static str,
    pub mark: &'static str,
    pub sent_on: &'static str,
    pub export: &'static str,
    pub export_all: &'static str,
    pub not_held: &'static str,
    pub home_heading: &'static str,
    /// With `{operation}`, `{date}`, `{left}`.
    pub home_line: &'static str,
    pub summary_label: &'static str,
}

impl ArsTexts {
    pub fn operation(&self, o: Operation) -> &'static str {
        match o {
            Operation::TerzaSenzaScelta => self.operations[0],
            Operation::NonProseguono => self.operations[1],
            Operation::NonProseguonoDopoProve => self.operations[2],
            Operation::IscrittiNonFrequentanti => self.operations[3],
        }
    }

    fn index(c: Communication) -> usize {
        Communication::ALL
            .iter()
            .position(|x| *x == c)
            .unwrap_or_default()
    }

    pub fn communication(&self, c: Communication) -> &'static str {
        self.communications[Self::index(c)]
    }

    pub fn communication_lead(&self, c: Communication) -> &'static str {
        self.communication_leads[Self::index(c)]
    }

    /// "fra 41 giorni", "oggi", "scaduta da 2 giorni".
    pub fn left(&self, lang: Lang, days: i64) -> String {
        match days {
            0 => self.today.to_owned(),
            d if d > 0 => lang.count(&self.days_left, d.unsigned_abs(), &[]),
            d => lang.count(&self.days_past, d.unsigned_abs(), &[]),
        }
    }

    /// When the communication is due.
    pub fn due(&self, d: &Due) -> String {
        match *d {
            Due::Promptly { since: None } => self.due_promptly.to_owned(),
            Due::Promptly { since: Some(s) } => {
                fill(self.due_promptly_since, &[("date", &date_it(s))])
            }
            Due::By { by } => fill(self.due_by, &[("date", &date_it(by))]),
            Due::NotLoaded => self.due_not_loaded.to_owned(),
        }
    }

    /// What the line rests on.
    pub fn basis(&self, b: &Basis) -> String {
        match *b {
            Basis::Recorded => self.basis_recorded.to_owned(),
            Basis::ChoiceNotRecorded => self.basis_choice_not_recorded.to_owned(),
            Basis::NeverPresent { from, lesson_days } => fill(
                self.basis_never_present,
                &[("n", &lesson_days.to_string()), ("date", &date_it(from))],
            ),
            Basis::Law159 { resume_by, .. } => {
                fill(self.basis_law159, &[("date", &date_it(resume_by))])
            }
        }
    }
}

pub static ARS_IT: ArsTexts = ArsTexts {
    title: "Comunicazioni ARS (Anagrafe Regionale degli Studenti)",
    lead: "Gli alunni di secondaria di primo e secondo grado da comunicare all'Anagrafe Regionale \
         degli Studenti, per comunicazione, con la scadenza: Ponte li ricava dal file alunni \
         (ritiro, istruzione parentale, scelta per l'anno successivo, esito) e dal registro \
         (presenze dal primo giorno di lezione, casi della legge 159/2023). Le comunicazioni di \
         abbandono e di ritiro sono «puntuali»: vanno inviate appena lo studente non frequenta \
         più, perché i Centri per l'Impiego possano intervenire tempestivamente. Segnare ciascuna \
         come inviata quando è in ARS.",
    source: "Fonte: Regione del Veneto e Ufficio Scolastico Regionale per il Veneto, «Anagrafe \
         Regionale degli Studenti: scadenze 2024, segnalazioni e indicazioni operative per la \
         gestione delle comunicazioni», Tabella 1 e Allegato 2 (L.R. 8/2017, art. 7).",
    link: "Comunicazioni ARS",
    as_of: "Elenchi e scadenze al {date}.",
    calendar_heading: "Scadenze del calendario regionale, anno scolastico {year}",
    calendar_none: "Nessuna scadenza caricata per quest'anno scolastico.",
    operations: [
        "Alunni minori di classe terza senza scelta per l'anno successivo",
        "Alunni che non proseguono gli studi",
        "Studenti che non proseguono gli studi dopo le prove per i debiti formativi (secondo grado; \
         Ponte non ricava questo elenco)",
        "Studenti iscritti ma non frequentanti",
    ],
    communications: [
        "Abbandono non formale",
        "Ritiro formale prima del 15/03",
        "Ritiro formale dopo il 15/03",
        "Allievo iscritto ma non presente ad inizio anno",
        "Esito negativo e non prosegue gli studi",
        "Alunni minori di classe terza senza scelta per l'anno successivo",
        "Istruzione parentale",
    ],
    communication_leads: [
        "Minori che hanno smesso di frequentare senza un atto formale: «abbandono» nel file \
         alunni, oppure un caso della legge 159/2023 senza ripresa della frequenza (da verificare).",
        "Minori ritirati formalmente entro il 15 marzo.",
        "Minori ritirati formalmente dopo il 15 marzo.",
        "Minori iscritti che non hanno frequentato alcun giorno dall'inizio delle lezioni (almeno \
         10 giorni di lezione).",
        "Minori non ammessi che non proseguono gli studi (nel secondo grado, classi dalla prima \
         alla quarta).",
        "Minori della classe terza di secondaria di primo grado senza una scelta per l'anno \
         successivo, o senza scelta registrata.",
        "Non è un abbandono: l'istruzione parentale assolve il diritto-dovere, ma va comunicata \
         con l'apposita comunicazione.",
    ],
    days_left: Plural {
        one: "fra {n} giorno",
        other: "fra {n} giorni",
        ..Plural::TWO_FORMS
    },
    today: "oggi",
    days_past: Plural {
        one: "scaduta da {n} giorno",
        other: "scaduta da {n} giorni",
        ..Plural::TWO_FORMS
    },
    due_promptly: "Puntuale: da inviare subito",
    due_promptly_since: "Puntuale: da inviare subito (dal {date})",
    due_by: "Entro il {date}",
    due_not_loaded: "Scadenza non caricata per quest'anno",
    basis_recorded: "Dal file alunni",
    basis_choice_not_recorded: "Scelta non registrata nel file alunni: da verificare",
    basis_never_present: "Nessuna presenza in {n} giorni di lezione dal {date}",
    basis_law159: "Caso legge 159/2023: frequenza non ripresa entro il {date} e mai più \
         presente; da verificare",
    event_on: "Dal {date}",
    columns: [
        "Alunno",
        "Classe",
        "Matricola",
        "Codice fiscale",
        "Data di nascita",
        "Motivo",
        "Scadenza",
        "Invio",
    ],
    sent: "Inviata il {date} ({who})",
    overdue: "Scaduta",
    to_send: Plural {
        one: "{n} da inviare",
        other: "{n} da inviare",
        ..Plural::TWO_FORMS
    },
    none: "Nessun alunno.",
    mark: "Segna come inviata",
    sent_on: "Data di invio",
    export: "Scarica l'elenco (CSV)",
    export_all: "Scarica tutti gli elenchi (CSV)",
    not_held: "ARS chiede anche l'indirizzo e un numero di telefono di contatto dello studente \
         (Allegato 2, FAQ 2): Ponte non li ha, vanno completati in ARS.",
    home_heading: "Scadenze ARS",
    home_line: "{operation}: entro il {date} ({left})",
    summary_label: "Riepilogo delle comunicazioni",
};

pub static ARS_EN: ArsTexts = ArsTexts {
    title: "ARS communications (regional student register)",
    lead: "The pupils of lower and upper secondary school to report to the regional student \
         register (Anagrafe Regionale degli Studenti), by communication, with the deadline: Ponte \
         derives them from the pupils' file (withdrawal, home schooling, next year's choice, \
         outcome) and from the register (attendance since the first lesson day, Law 159/2023 \
         cases). Dropout and withdrawal communications are sent as they happen, so that the job \
         centres can step in at once. Mark each one as sent once it is in ARS.",
    source: "Source: Regione del Veneto and Ufficio Scolastico Regionale per il Veneto, \
         «Anagrafe Regionale degli Studenti: scadenze 2024, segnalazioni e indicazioni operative \
         per la gestione delle comunicazioni», Tabella 1 and Allegato 2 (regional law 8/2017, \
         art. 7).",
    link: "ARS communications",
    as_of: "Lists and deadlines as of {date}.",
    calendar_heading: "Deadlines of the regional calendar, school year {year}",
    calendar_none: "No deadline loaded for this school year.",
    operations: [
        "Third-year minors without a choice for the next year",
        "Pupils not continuing their studies",
        "Students not continuing after the make-up tests (upper secondary; Ponte does not \
         derive this list)",
        "Students enrolled but not attending",
    ],
    communications: [
        "Informal dropout (abbandono non formale)",
        "Formal withdrawal before 15/03",
        "Formal withdrawal after 15/03",
        "Enrolled but not present at the start of the year",
        "Negative outcome and not continuing",
        "Third-year minors without a choice for the next year",
        "Home schooling (istruzione parentale)",
    ],
    communication_leads: [
        "Minors who stopped attending without a formal act: «abbandono» in the pupils' file, or \
         a Law 159/2023 case in which attendance did not resume (to verify).",
        "Minors formally withdrawn on or before 15 March.",
        "Minors formally withdrawn after 15 March.",
        "Enrolled minors who have not attended a single day since lessons began (at least 10 \
         lesson days).",
        "Minors not admitted who are not continuing their studies (upper secondary: first to \
         fourth year).",
        "Minors of the third year of lower secondary without a choice for the next year, or \
         without one recorded.",
        "Not a dropout: home schooling fulfils the duty to education, but it is reported with \
         its own communication.",
    ],
    days_left: Plural {
        one: "in {n} day",
        other: "in {n} days",
        ..Plural::TWO_FORMS
    },
    today: "today",
    days_past: Plural {
        one: "{n} day overdue",
        other: "{n} days overdue",
        ..Plural::TWO_FORMS
    },
    due_promptly: "As it happens: to send now",
    due_promptly_since: "As it happens: to send now (since {date})",
    due_by: "By {date}",
    due_not_loaded: "Deadline not loaded for this year",
    basis_recorded: "From the pupils' file",
    basis_choice_not_recorded: "No choice recorded in the pupils' file: to check",
    basis_never_present: "Not present on any of {n} lesson days since {date}",
    basis_law159: "Law 159/2023 case: attendance not resumed by {date} and absent ever since; to \
         verify",
    event_on: "Since {date}",
    columns: [
        "Pupil",
        "Class",
        "Student number",
        "Tax code",
        "Date of birth",
        "Why",
        "Deadline",
        "Sent",
    ],
    sent: "Sent on {date} ({who})",
    overdue: "Overdue",
    to_send: Plural {
        one: "{n} to send",
        other: "{n} to send",
        ..Plural::TWO_FORMS
    },
    none: "No pupil.",
    mark: "Mark as sent",
    sent_on: "Date sent",
    export: "Download the list (CSV)",
    export_all: "Download all the lists (CSV)",
    not_held: "ARS also asks for the student's address and a contact telephone number (Allegato \
         2, FAQ 2): Ponte does not hold them; complete them in ARS.",
    home_heading: "ARS deadlines",
    home_line: "{operation}: by {date} ({left})",
    summary_label: "Summary of the communications",
};
