//! The words of the school's attendance desk (`/scuola/{id}/frequenza`): its columns (the page's
//! table and the CSV file), the standings, the filters. Italian first, English second.

use crate::i18n::Lang;
use domain::family::{DeskSort, Standing};

impl Lang {
    pub fn desk(self) -> &'static DeskTexts {
        match self {
            Lang::It => &DESK_IT,
            Lang::En => &DESK_EN,
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
