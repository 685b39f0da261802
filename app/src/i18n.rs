//! The catalogue of every string people read: Italian first, English second. Components take
//! their words from here, never from literals.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    It,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::It => &IT,
            Lang::En => &EN,
        }
    }

    /// The language for an `Accept-Language` header: English only when it is preferred to
    /// Italian; Italian otherwise.
    pub fn from_accept_language(header: &str) -> Lang {
        for part in header.split(',') {
            let tag = part
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            if tag.starts_with("it") {
                return Lang::It;
            }
            if tag.starts_with("en") {
                return Lang::En;
            }
        }
        Lang::It
    }
}

pub struct Texts {
    pub site_name: &'static str,
    pub site_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_hosts: &'static str,
    pub nav_calculator: &'static str,
    pub footer_sources: &'static str,
    pub footer_note: &'static str,

    pub home_title: &'static str,
    pub home_lead: &'static str,
    pub home_family: &'static str,
    pub home_family_text: &'static str,
    pub home_school: &'static str,
    pub home_school_text: &'static str,
    pub home_host: &'static str,
    pub home_host_text: &'static str,

    pub hosts_title: &'static str,
    pub hosts_lead: &'static str,
    pub filter_legend: &'static str,
    pub filter_q: &'static str,
    pub filter_q_hint: &'static str,
    pub filter_region: &'static str,
    pub filter_province: &'static str,
    pub filter_comune: &'static str,
    pub filter_comune_pick_province: &'static str,
    pub filter_path: &'static str,
    pub filter_kind: &'static str,
    pub filter_figure: &'static str,
    pub filter_ateco: &'static str,
    pub filter_period: &'static str,
    pub filter_period_hint: &'static str,
    pub filter_min_places: &'static str,
    pub filter_any: &'static str,
    pub filter_submit: &'static str,
    pub filter_reset: &'static str,
    pub results_none: &'static str,
    pub results_one: &'static str,
    pub results_many: &'static str,
    pub results_label: &'static str,
    pub pagination_label: &'static str,
    pub page_prev: &'static str,
    pub page_next: &'static str,
    pub page_word: &'static str,
    pub page_of: &'static str,
    pub places_label: &'static str,
    pub periods_label: &'static str,
    pub figures_label: &'static str,
    pub error_title: &'static str,

    pub host_back: &'static str,
    pub host_kind: &'static str,
    pub host_where: &'static str,
    pub host_ateco: &'static str,
    pub host_description: &'static str,
    pub host_offers: &'static str,
    pub host_activity: &'static str,
    pub host_places: &'static str,
    pub host_contacts: &'static str,
    pub host_contact_role: &'static str,
    pub host_email: &'static str,
    pub host_phone: &'static str,
    pub host_pec: &'static str,
    pub host_website: &'static str,
    pub host_supply_chain: &'static str,
    pub host_capacities: &'static str,
    pub host_published: &'static str,
    pub period_from_to: &'static str,

    pub calc_title: &'static str,
    pub calc_lead: &'static str,
    pub calc_weekly: &'static str,
    pub calc_weeks: &'static str,
    pub calc_weeks_hint: &'static str,
    pub calc_daily: &'static str,
    pub calc_daily_hint: &'static str,
    pub calc_submit: &'static str,
    pub calc_annual: &'static str,
    pub calc_min: &'static str,
    pub calc_max: &'static str,
    pub calc_days: &'static str,
    pub calc_days_unknown: &'static str,
    pub calc_result_label: &'static str,
    pub calc_table_title: &'static str,
    pub calc_table_caption: &'static str,
    pub calc_col_profile: &'static str,
    pub calc_col_weekly: &'static str,
    pub calc_table_rows: [&'static str; 6],
    pub calc_rules_title: &'static str,
    pub calc_rules: [&'static str; 4],

    pub sources_title: &'static str,
    pub sources_lead: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
}

pub static IT: Texts = Texts {
    site_name: "Ponte",
    site_tagline: "Scuola, famiglie ed enti ospitanti",
    skip_to_content: "Vai al contenuto",
    nav_label: "Menu principale",
    nav_home: "Home",
    nav_hosts: "Enti ospitanti",
    nav_calculator: "Calcolo assenze",
    footer_sources: "Fonti dei dati",
    footer_note: "Ponte non usa cookie di profilazione e non carica nulla da altri siti.",

    home_title: "Chi sei?",
    home_lead: "Ponte collega la scuola, le famiglie e gli enti che ospitano gli studenti.",
    home_family: "Famiglia",
    home_family_text: "Quante ore di assenza può ancora fare tuo figlio senza perdere l'anno? Calcola il limite del suo orario.",
    home_school: "Scuola",
    home_school_text: "Cerca imprese, professionisti ed enti che accolgono studenti in alternanza (PCTO) o in apprendistato.",
    home_host: "Ente ospitante",
    home_host_text: "Consulta il registro degli enti che offrono percorsi agli studenti e come compaiono alle scuole.",

    hosts_title: "Enti ospitanti",
    hosts_lead: "Imprese, professionisti ed enti che accolgono studenti in alternanza scuola-lavoro (PCTO) o in apprendistato.",
    filter_legend: "Filtri di ricerca",
    filter_q: "Cerca per parole",
    filter_q_hint: "Nome, attività, professione o luogo. Basta l'inizio della parola.",
    filter_region: "Regione",
    filter_province: "Provincia",
    filter_comune: "Comune",
    filter_comune_pick_province: "Scegli prima la provincia",
    filter_path: "Percorso",
    filter_kind: "Tipo di soggetto",
    filter_figure: "Figura professionale (CP 2011)",
    filter_ateco: "Settore di attività (ATECO)",
    filter_period: "Mese di disponibilità",
    filter_period_hint: "Formato AAAA-MM, per esempio 2026-03.",
    filter_min_places: "Posti disponibili, almeno",
    filter_any: "Tutti",
    filter_submit: "Cerca",
    filter_reset: "Azzera i filtri",
    results_none: "Nessun ente corrisponde alla ricerca. Prova a togliere qualche filtro.",
    results_one: "1 ente trovato",
    results_many: "enti trovati",
    results_label: "Risultati della ricerca",
    pagination_label: "Pagine dei risultati",
    page_prev: "Precedente",
    page_next: "Successiva",
    page_word: "Pagina",
    page_of: "di",
    places_label: "Posti",
    periods_label: "Periodi",
    figures_label: "Figure professionali",
    error_title: "La richiesta contiene un errore",

    host_back: "Torna alla ricerca",
    host_kind: "Tipo di soggetto",
    host_where: "Sede",
    host_ateco: "Attività (ATECO)",
    host_description: "Chi siamo",
    host_offers: "Percorsi offerti",
    host_activity: "Attività proposte",
    host_places: "Luoghi di svolgimento",
    host_contacts: "Contatti",
    host_contact_role: "Referente",
    host_email: "E-mail",
    host_phone: "Telefono",
    host_pec: "PEC",
    host_website: "Sito web",
    host_supply_chain: "Rapporti con gli operatori della filiera",
    host_capacities: "Capacità strutturali, tecnologiche e organizzative",
    host_published: "Profilo pubblicato il",
    period_from_to: "dal {from} al {to}",

    calc_title: "Calcolo delle assenze",
    calc_lead: "Per la validità dell'anno scolastico l'alunno deve frequentare almeno i tre quarti dell'orario annuale personalizzato. Inserisci le ore settimanali del suo orario.",
    calc_weekly: "Ore settimanali",
    calc_weeks: "Settimane di lezione",
    calc_weeks_hint: "Di solito 33.",
    calc_daily: "Ore in un giorno di scuola (facoltativo)",
    calc_daily_hint: "Per tradurre il limite in giorni interi.",
    calc_submit: "Calcola",
    calc_annual: "Monte ore annuale",
    calc_min: "Presenza minima (3/4)",
    calc_max: "Massimo di ore di assenza",
    calc_days: "Giorni interi di assenza",
    calc_days_unknown: "indica le ore giornaliere",
    calc_result_label: "Risultato",
    calc_table_title: "I limiti degli orari più comuni",
    calc_table_caption: "Su 33 settimane di lezione, come nelle circolari delle scuole.",
    calc_col_profile: "Orario",
    calc_col_weekly: "Ore settimanali",
    calc_table_rows: [
        "Primaria, tempo pieno",
        "Primaria, tempo normale",
        "Primaria, tempo normale",
        "Primaria e secondaria, tempo normale",
        "Primaria 32 ore, secondaria a indirizzo musicale",
        "Secondaria, tempo prolungato",
    ],
    calc_rules_title: "Che cosa conta come assenza",
    calc_rules: [
        "Contano le assenze di giornate intere, i ritardi, gli ingressi posticipati e le uscite anticipate.",
        "Non contano le attività organizzate dalla scuola (uscite, viaggi, progetti).",
        "Le assenze documentate nelle deroghe approvate dalla scuola non sono conteggiate.",
        "Ogni scuola stabilisce le proprie deroghe e i tempi per presentare la documentazione.",
    ],

    sources_title: "Fonti dei dati",
    sources_lead: "Ponte usa dati aperti pubblicati da ISTAT. Sono copiati in Ponte e non vengono richiesti ad altri siti.",
    not_found_title: "Pagina non trovata",
    not_found_text: "La pagina richiesta non esiste o il profilo non è più pubblicato.",
};

pub static EN: Texts = Texts {
    site_name: "Ponte",
    site_tagline: "School, families and host organisations",
    skip_to_content: "Skip to content",
    nav_label: "Main menu",
    nav_home: "Home",
    nav_hosts: "Host organisations",
    nav_calculator: "Absence calculator",
    footer_sources: "Data sources",
    footer_note: "Ponte uses no tracking cookies and loads nothing from other sites.",

    home_title: "Who are you?",
    home_lead: "Ponte connects the school, families and the organisations that host students.",
    home_family: "Family",
    home_family_text: "How many hours may your child still miss without losing the year? Work out the limit for their timetable.",
    home_school: "School",
    home_school_text: "Find companies, professionals and bodies that host students for work-based learning (PCTO) or apprenticeships.",
    home_host: "Host organisation",
    home_host_text: "Browse the register of organisations offering placements and see how schools find them.",

    hosts_title: "Host organisations",
    hosts_lead: "Companies, professionals and bodies hosting students for work-based learning (PCTO) or apprenticeships.",
    filter_legend: "Search filters",
    filter_q: "Search by words",
    filter_q_hint: "Name, activity, occupation or place. The start of a word is enough.",
    filter_region: "Region",
    filter_province: "Province",
    filter_comune: "Municipality",
    filter_comune_pick_province: "Choose the province first",
    filter_path: "Path",
    filter_kind: "Kind of body",
    filter_figure: "Occupation (CP 2011)",
    filter_ateco: "Sector (ATECO)",
    filter_period: "Month available",
    filter_period_hint: "Format YYYY-MM, e.g. 2026-03.",
    filter_min_places: "Places, at least",
    filter_any: "All",
    filter_submit: "Search",
    filter_reset: "Clear filters",
    results_none: "No organisation matches. Try removing a filter.",
    results_one: "1 organisation found",
    results_many: "organisations found",
    results_label: "Search results",
    pagination_label: "Result pages",
    page_prev: "Previous",
    page_next: "Next",
    page_word: "Page",
    page_of: "of",
    places_label: "Places",
    periods_label: "Periods",
    figures_label: "Occupations",
    error_title: "The request contains an error",

    host_back: "Back to search",
    host_kind: "Kind of body",
    host_where: "Location",
    host_ateco: "Activity (ATECO)",
    host_description: "About us",
    host_offers: "Paths offered",
    host_activity: "Activities",
    host_places: "Places",
    host_contacts: "Contacts",
    host_contact_role: "Contact person",
    host_email: "E-mail",
    host_phone: "Phone",
    host_pec: "Certified e-mail (PEC)",
    host_website: "Website",
    host_supply_chain: "Relations with supply-chain operators",
    host_capacities: "Structural, technological and organisational capacities",
    host_published: "Profile published on",
    period_from_to: "from {from} to {to}",

    calc_title: "Absence calculator",
    calc_lead: "For the school year to be valid a pupil must attend at least three quarters of their personalised annual timetable. Enter the weekly hours of their timetable.",
    calc_weekly: "Weekly hours",
    calc_weeks: "Lesson weeks",
    calc_weeks_hint: "Usually 33.",
    calc_daily: "Hours in a school day (optional)",
    calc_daily_hint: "To restate the limit in whole days.",
    calc_submit: "Calculate",
    calc_annual: "Annual hours",
    calc_min: "Minimum attendance (3/4)",
    calc_max: "Maximum absence hours",
    calc_days: "Whole days of absence",
    calc_days_unknown: "enter the daily hours",
    calc_result_label: "Result",
    calc_table_title: "Limits of the most common timetables",
    calc_table_caption: "Over 33 lesson weeks, as in the schools' circulars.",
    calc_col_profile: "Timetable",
    calc_col_weekly: "Weekly hours",
    calc_table_rows: [
        "Primary, full time",
        "Primary, standard time",
        "Primary, standard time",
        "Primary and lower secondary, standard time",
        "Primary 32 hours, lower secondary music course",
        "Lower secondary, extended time",
    ],
    calc_rules_title: "What counts as absence",
    calc_rules: [
        "Whole days of absence, late entries, deferred entries and early exits count.",
        "Activities organised by the school (trips, projects) do not count.",
        "Absences covered by derogations the school approved are not counted.",
        "Each school sets its own derogations and the deadline for documents.",
    ],

    sources_title: "Data sources",
    sources_lead: "Ponte uses open data published by ISTAT, copied into Ponte and never requested from other sites.",
    not_found_title: "Page not found",
    not_found_text: "The page does not exist or the profile is no longer published.",
};

/// Fill `{name}` placeholders of a catalogue string.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// A date as Italians write it: `DD/MM/YYYY`.
pub fn date_it(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}
