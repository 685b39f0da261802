//! The catalogue of the schools' shortlists of hosts (`/enti` for signed-in staff,
//! `/scuola/{id}/liste`), of the search's CSV link and of printing a host's profile: Italian
//! first, English second. Rendered on the server only: no browser bundle carries it.

use crate::i18n::{Lang, Plural};

impl Lang {
    pub fn lists(self) -> &'static ListsTexts {
        match self {
            Lang::It => &LISTS_IT,
            // Only Italian and English (`Lang::staff`).
            _ => &LISTS_EN,
        }
    }
}

#[cfg_attr(test, derive(serde::Serialize))]
pub struct ListsTexts {
    // On /enti.
    pub panel_title: &'static str,
    pub panel_lead: &'static str,
    /// "State preparando la lista della classe {class} ({school})."
    pub panel_current: &'static str,
    pub panel_count: Plural,
    pub panel_class: &'static str,
    pub panel_no_list: &'static str,
    pub panel_choose: &'static str,
    pub panel_open: &'static str,
    /// "Aggiungi alla lista di {class}"
    pub add: &'static str,
    /// "Togli dalla lista di {class}"
    pub remove_from: &'static str,
    /// "Nella lista di {class}"
    pub listed: &'static str,
    pub csv_link: &'static str,
    /// "fino a {max} righe, con i contatti"
    pub csv_hint: &'static str,
    // /scuola/{id}/liste
    pub title: &'static str,
    pub lead: &'static str,
    pub link: &'static str,
    pub search_for: &'static str,
    pub search_button: &'static str,
    /// "Classe {class}"
    pub class_heading: &'static str,
    pub class_count: Plural,
    pub empty: &'static str,
    pub no_classes: &'static str,
    pub csv_all: &'static str,
    /// "Scarica la lista di {class} (CSV)"
    pub csv_class: &'static str,
    pub paths: &'static str,
    pub contacts: &'static str,
    pub no_contacts: &'static str,
    /// "Aggiunto da {who} il {date}"
    pub added: &'static str,
    pub not_published: &'static str,
    pub remove: &'static str,
    // /enti/{id}
    pub print: &'static str,
    pub print_noscript: &'static str,
    /// "Scheda pubblicata su Ponte: {url}"
    pub print_source: &'static str,
}

pub static LISTS_IT: ListsTexts = ListsTexts {
    panel_title: "Lista di enti per una classe",
    panel_lead: "Scegliete la classe per cui state cercando: ogni risultato avrà il pulsante per aggiungerlo alla sua lista, che la scuola ritrova nella propria area.",
    panel_current: "State preparando la lista della classe {class} ({school}).",
    panel_count: Plural {
        one: "{n} ente nella lista.",
        other: "{n} enti nella lista.",
        ..Plural::TWO_FORMS
    },
    panel_class: "Classe",
    panel_no_list: "Nessuna lista",
    panel_choose: "Usa questa lista",
    panel_open: "Apri la lista",
    add: "Aggiungi alla lista di {class}",
    remove_from: "Togli dalla lista di {class}",
    listed: "Nella lista di {class}",
    csv_link: "Scarica i risultati (CSV)",
    csv_hint: "fino a {max} righe, con i contatti",
    title: "Liste di enti per le classi",
    lead: "Gli enti che la scuola sta valutando per ciascuna classe. I docenti usano le liste delle proprie classi, la segreteria e il dirigente quelle di tutte le classi.",
    link: "Liste di enti per le classi",
    search_for: "Cercate enti per la classe",
    search_button: "Cerca enti",
    class_heading: "Classe {class}",
    class_count: Plural {
        one: "{n} ente",
        other: "{n} enti",
        ..Plural::TWO_FORMS
    },
    empty: "Nessun ente nella lista.",
    no_classes: "Nessuna classe: la scuola non ha ancora inviato l'elenco delle classi, oppure non vi sono classi assegnate.",
    csv_all: "Scarica tutte le liste (CSV)",
    csv_class: "Scarica la lista di {class} (CSV)",
    paths: "Percorsi",
    contacts: "Contatti",
    no_contacts: "Nessun contatto indicato.",
    added: "Aggiunto da {who} il {date}",
    not_published: "Non più pubblicato: l'ente non è più nel registro. Resta qui con il nome che aveva finché non lo togliete.",
    remove: "Togli dalla lista",
    print: "Stampa la scheda",
    print_noscript: "Per stampare la scheda usate il comando Stampa del browser (Ctrl+P, su Mac Cmd+P).",
    print_source: "Scheda pubblicata su Ponte: {url}",
};

pub static LISTS_EN: ListsTexts = ListsTexts {
    panel_title: "Shortlist of hosts for a class",
    panel_lead: "Choose the class you are searching for: each result gets a button to add it to that class's list, which the school finds in its own area.",
    panel_current: "You are building the list of class {class} ({school}).",
    panel_count: Plural {
        one: "{n} host on the list.",
        other: "{n} hosts on the list.",
        ..Plural::TWO_FORMS
    },
    panel_class: "Class",
    panel_no_list: "No list",
    panel_choose: "Use this list",
    panel_open: "Open the list",
    add: "Add to the list of {class}",
    remove_from: "Remove from the list of {class}",
    listed: "On the list of {class}",
    csv_link: "Download the results (CSV)",
    csv_hint: "up to {max} rows, with contacts",
    title: "Class shortlists of hosts",
    lead: "The hosts the school is considering for each class. Teachers use their own classes' lists, the office and the head teacher those of every class.",
    link: "Class shortlists of hosts",
    search_for: "Search hosts for class",
    search_button: "Search hosts",
    class_heading: "Class {class}",
    class_count: Plural {
        one: "{n} host",
        other: "{n} hosts",
        ..Plural::TWO_FORMS
    },
    empty: "No host on the list.",
    no_classes: "No class: the school has not sent its list of classes yet, or no class is assigned to you.",
    csv_all: "Download every list (CSV)",
    csv_class: "Download the list of {class} (CSV)",
    paths: "Paths",
    contacts: "Contacts",
    no_contacts: "No contact given.",
    added: "Added by {who} on {date}",
    not_published: "No longer published: the host is no longer in the register. It stays here under the name it had until you remove it.",
    remove: "Remove from the list",
    print: "Print this profile",
    print_noscript: "To print this profile use your browser's Print command (Ctrl+P, Cmd+P on a Mac).",
    print_source: "Profile published on Ponte: {url}",
};
