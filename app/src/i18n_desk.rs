//! The words of the school's attendance desk (`/scuola/{id}/frequenza`): its columns (the page's
//! table and the CSV file), the standings, the filters. Italian first, English second.

use crate::i18n::{Lang, Plural};
use domain::family::{DeskSort, Standing};

impl Lang {
    pub fn desk(self) -> &'static DeskTexts {
        match self {
            Lang::It => &DESK_IT,
            // Only Italian and English (`Lang::staff`).
            _ => &DESK_EN,
        }
    }
}

impl DeskTexts {
    pub fn standing(&self, s: Standing) -> &'static str {
        match s {
            Standing::Regular => self.standings[0],
            Standing::Near => self.standings[1],
            Standing::Over => self.standings[2],
            Standing::Threshold => self.standings[3],
            Standing::Law159 => self.standings[4],
            Standing::Elusione => self.standings[5],
        }
    }

    pub fn sort(&self, s: DeskSort) -> &'static str {
        match s {
            DeskSort::Class => self.sorts[0],
            DeskSort::Absence => self.sorts[1],
            DeskSort::Remaining => self.sorts[2],
            DeskSort::Name => self.sorts[3],
        }
    }
}

#[cfg_attr(test, derive(serde::Serialize))]
pub struct DeskTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub as_of: &'static str,
    pub link: &'static str,
    pub filters: &'static str,
    pub class: &'static str,
    pub grade: &'static str,
    pub standing: &'static str,
    pub sort: &'static str,
    pub any: &'static str,
    pub apply: &'static str,
    pub csv: &'static str,
    pub print: &'static str,
    pub count: crate::i18n::Plural,
    pub none: &'static str,
    /// In `Standing`'s order.
    pub standings: [&'static str; 6],
    /// In `DeskSort`'s order.
    pub sorts: [&'static str; 4],
    /// The columns, in the table's and the CSV's order.
    pub columns: [&'static str; 15],
    pub table_label: &'static str,
}

pub static DESK_IT: DeskTexts = DeskTexts {
    title: "Frequenza degli alunni",
    lead: "Le stesse cifre che vedono le famiglie, alunno per alunno: ore di assenza contate, \
         massimo consentito (tre quarti del monte ore), ore e giorni che restano, previsione di \
         superamento al ritmo attuale.",
    as_of: "Cifre al {date}.",
    link: "Frequenza degli alunni",
    filters: "Filtri",
    class: "Classe",
    grade: "Ordine di scuola",
    standing: "Situazione",
    sort: "Ordina per",
    any: "Tutte",
    apply: "Mostra",
    csv: "Scarica l'elenco (CSV, per il foglio di calcolo)",
    print: "Per stampare l'elenco di una classe, sceglierla e stampare la pagina dal browser.",
    count: crate::i18n::Plural {
        one: "{n} alunno",
        other: "{n} alunni",
        ..Plural::TWO_FORMS
    },
    none: "Nessun alunno con questi filtri.",
    standings: [
        "Regolare",
        "Vicino al limite",
        "Oltre il limite",
        "Soglia di ore raggiunta",
        "Segnalato (Legge 159/2023)",
        "Elusione dell'obbligo",
    ],
    sorts: [
        "Classe e cognome",
        "Più assenze",
        "Meno ore residue",
        "Cognome",
    ],
    columns: [
        "Cognome",
        "Nome",
        "Classe",
        "Ore contate",
        "Massimo",
        "Ore residue",
        "Giorni residui",
        "% del massimo",
        "Situazione",
        "Limite superato il",
        "Superamento previsto il",
        "Soglia raggiunta il",
        "Segnalato (L. 159) il",
        "Elusione il",
        "Da giustificare",
    ],
    table_label: "Alunni e loro frequenza",
};

pub static DESK_EN: DeskTexts = DeskTexts {
    title: "Pupils' attendance",
    lead: "The same figures families see, pupil by pupil: counted absence hours, the maximum \
         allowed (a quarter of the annual hours), hours and days left, when the limit will be \
         crossed at the pace so far.",
    as_of: "Figures as of {date}.",
    link: "Pupils' attendance",
    filters: "Filters",
    class: "Class",
    grade: "School grade",
    standing: "Standing",
    sort: "Sort by",
    any: "All",
    apply: "Show",
    csv: "Download the list (CSV, for a spreadsheet)",
    print: "To print a class's list, choose it and print the page from the browser.",
    count: crate::i18n::Plural {
        one: "{n} pupil",
        other: "{n} pupils",
        ..Plural::TWO_FORMS
    },
    none: "No pupil with these filters.",
    standings: [
        "Regular",
        "Near the limit",
        "Over the limit",
        "Hour threshold reached",
        "Flagged (Law 159/2023)",
        "Evading compulsory schooling",
    ],
    sorts: [
        "Class and surname",
        "Most absence",
        "Fewest hours left",
        "Surname",
    ],
    columns: [
        "Surname",
        "Name",
        "Class",
        "Counted hours",
        "Maximum",
        "Hours left",
        "Days left",
        "% of the maximum",
        "Standing",
        "Limit crossed on",
        "Expected to cross on",
        "Threshold reached on",
        "Flagged (L. 159) on",
        "Evasion on",
        "To justify",
    ],
    table_label: "Pupils and their attendance",
};

/// The words of the list for a class's final scrutiny (`/scuola/{id}/scrutinio`).
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ScrutinyTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub link: &'static str,
    pub class: &'static str,
    pub choose: &'static str,
    pub date: &'static str,
    pub date_hint: &'static str,
    pub apply: &'static str,
    pub heading: &'static str,
    pub summary: &'static str,
    pub not_valid: &'static str,
    pub not_valid_none: &'static str,
    pub pending: &'static str,
    pub pending_lead: &'static str,
    pub pending_none: &'static str,
    pub request: &'static str,
    /// The columns of both tables.
    pub columns: [&'static str; 7],
    pub print: &'static str,
    pub no_class: &'static str,
}

impl Lang {
    pub fn scrutiny(self) -> &'static ScrutinyTexts {
        match self {
            Lang::It => &SCRUTINY_IT,
            // Only Italian and English (`Lang::staff`).
            _ => &SCRUTINY_EN,
        }
    }
}

pub static SCRUTINY_IT: ScrutinyTexts = ScrutinyTexts {
    title: "Elenco per lo scrutinio finale",
    lead: "Gli alunni della classe il cui anno scolastico non è valido per le assenze (D.P.R. \
         122/2009, art. 14 c. 7: serve la frequenza di almeno tre quarti del monte ore annuale \
         personalizzato), con le deroghe già accolte applicate. Le richieste di deroga ancora da \
         decidere non sono contate né in un senso né nell'altro: il consiglio di classe le decide \
         prima.",
    link: "Elenco per lo scrutinio finale",
    class: "Classe",
    choose: "Scegliere la classe",
    date: "Data dello scrutinio",
    date_hint: "Se non indicata, l'ultimo giorno di lezione.",
    apply: "Mostra l'elenco",
    heading: "Classe {class}, scrutinio del {date}",
    summary: "{pupils} alunni: {valid} con anno valido, {not_valid} con anno non valido, \
         {pending} in attesa della decisione su deroghe.",
    not_valid: "Anno non valido per le assenze",
    not_valid_none: "Nessun alunno con anno non valido.",
    pending: "In attesa della decisione sulle deroghe",
    pending_lead: "L'anno è valido solo se il consiglio di classe accoglie le richieste di \
         deroga indicate.",
    pending_none: "Nessun alunno in attesa di decisioni sulle deroghe.",
    request: "{category}, dal {from} al {to}",
    columns: [
        "Alunno",
        "Monte ore annuale",
        "Limite di assenze",
        "Assenze",
        "Deroghe accolte",
        "Assenze contate",
        "Richieste di deroga da decidere",
    ],
    print: "Per allegare l'elenco al verbale, stampare la pagina dal browser.",
    no_class: "Questa classe non è tra quelle che si possono vedere.",
};

pub static SCRUTINY_EN: ScrutinyTexts = ScrutinyTexts {
    title: "List for the final scrutiny",
    lead: "The class's pupils whose school year is not valid because of absence (D.P.R. \
         122/2009, art. 14 c. 7: attendance of at least three quarters of the personalised \
         annual hours is required), with the derogations already approved applied. Derogation \
         requests still to decide are counted neither way: the class council decides them \
         first.",
    link: "List for the final scrutiny",
    class: "Class",
    choose: "Choose the class",
    date: "Day of the scrutiny",
    date_hint: "If not given, the last lesson day.",
    apply: "Show the list",
    heading: "Class {class}, scrutiny of {date}",
    summary: "{pupils} pupils: {valid} with a valid year, {not_valid} with a year not valid, \
         {pending} waiting for a decision on derogations.",
    not_valid: "Year not valid because of absence",
    not_valid_none: "No pupil with a year not valid.",
    pending: "Waiting for the decision on derogations",
    pending_lead: "The year is valid only if the class council approves the derogation \
         requests shown.",
    pending_none: "No pupil waiting for decisions on derogations.",
    request: "{category}, from {from} to {to}",
    columns: [
        "Pupil",
        "Annual hours",
        "Absence limit",
        "Absence",
        "Derogations approved",
        "Counted absence",
        "Derogation requests to decide",
    ],
    print: "To attach the list to the minutes, print the page from the browser.",
    no_class: "This class is not one you may see.",
};
