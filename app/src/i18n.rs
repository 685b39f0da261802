//! The catalogue of every string people read: Italian first, English second. Components take
//! their words from here, never from literals.

use serde::{Deserialize, Serialize};

/// A language of Ponte's pages. Italian and English are written here, in Rust (every page has
/// them; staff and public pages have only them). The family's other eight — French, Spanish,
/// Romanian, Albanian, Ukrainian, Arabic, Chinese (Simplified), Urdu — are message files a
/// translator edits (`app/lingue/<code>/*.ftl`, Fluent), which the build turns into one JSON
/// file per language among the static assets and the worker loads once per instance
/// ([`crate::lingue`]): only the family's pages are in them (docs/design.md §11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    It,
    En,
    Fr,
    Es,
    Ro,
    Sq,
    Uk,
    Ar,
    Zh,
    Ur,
}

impl Lang {
    /// Every language of the family's pages, in the order of the language menu.
    pub const ALL: [Lang; 10] = [
        Lang::It,
        Lang::En,
        Lang::Fr,
        Lang::Es,
        Lang::Ro,
        Lang::Sq,
        Lang::Uk,
        Lang::Ar,
        Lang::Zh,
        Lang::Ur,
    ];

    /// The languages whose words are message files loaded at run time ([`crate::lingue`]).
    pub const LOADED: [Lang; 8] = [
        Lang::Fr,
        Lang::Es,
        Lang::Ro,
        Lang::Sq,
        Lang::Uk,
        Lang::Ar,
        Lang::Zh,
        Lang::Ur,
    ];

    /// The BCP 47 tag: `<html lang>`, the cookie, the guardian's profile.
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ro => "ro",
            Lang::Sq => "sq",
            Lang::Uk => "uk",
            Lang::Ar => "ar",
            Lang::Zh => "zh-Hans",
            Lang::Ur => "ur",
        }
    }

    /// The language of a tag (`ro`, `ro-RO`, `zh-CN`, `zh-Hans`), if Ponte has it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().split('-').next() == Some(primary.as_str()))
    }

    /// The language named in itself, as the language menu lists it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::It => "Italiano",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Ro => "Română",
            Lang::Sq => "Shqip",
            Lang::Uk => "Українська",
            Lang::Ar => "العربية",
            Lang::Zh => "中文（简体）",
            Lang::Ur => "اردو",
        }
    }

    /// Written right to left (Arabic, Urdu).
    pub fn rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::Ur)
    }

    /// `<html dir>`.
    pub fn dir(self) -> &'static str {
        if self.rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language of a page that is only Italian and English (staff, public pages, the
    /// catalogues the family's languages do not have): English for every language but Italian.
    pub fn staff(self) -> Lang {
        match self {
            Lang::It => Lang::It,
            _ => Lang::En,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::It => &IT,
            Lang::En => &EN,
            _ => crate::lingue::catalogue(self).map_or(&IT, |c| &c.texts),
        }
    }

    /// The language for an `Accept-Language` header on a page that is only Italian and
    /// English: English only when it is preferred to Italian; Italian otherwise.
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

    /// The family's language for an `Accept-Language` header (a first visit, before any
    /// choice): the first of the browser's languages, by weight, that Ponte has; Italian
    /// otherwise.
    pub fn family_from_accept_language(header: &str) -> Lang {
        // The highest weight wins, the first listed among equals; no sort and no float parsing
        // (both cost the worker kilobytes): weights in thousandths.
        let mut best: Option<(u16, Lang)> = None;
        for part in header.split(',') {
            let mut bits = part.split(';');
            let Some(lang) = bits.next().and_then(|t| Lang::from_tag(t.trim())) else {
                continue;
            };
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .map_or(1000, thousandths);
            if q > 0 && best.is_none_or(|(b, _)| q > b) {
                best = Some((q, lang));
            }
        }
        best.map_or(Lang::It, |(_, l)| l)
    }

    /// A whole number with the language's digit grouping: "12.345" in Italian (CLDR `it` groups
    /// from four digits: "1.320"), "12,345" in English.
    pub fn number(self, n: u64) -> String {
        group_digits(n, self.texts().digit_group)
    }

    /// A message with a count: the form `n` takes, `{n}` filled with the grouped number, then
    /// the other placeholders.
    pub fn count(self, p: &Plural, n: u64, args: &[(&str, &str)]) -> String {
        let mut all = vec![("n", self.number(n))];
        all.extend(args.iter().map(|(k, v)| (*k, (*v).to_owned())));
        let pairs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(p.form(self.plural_category(n)), &pairs)
    }

    /// The CLDR plural category of `n` in this language ("one", "few", …), from the kept
    /// library `intl_pluralrules` (Arabic has six, Romanian and Ukrainian three). The browser's
    /// islands, which are only Italian and English, pick without it (no library in the
    /// phone's wasm): "one" for exactly 1.
    pub fn plural_category(self, n: u64) -> &'static str {
        #[cfg(not(feature = "hydrate"))]
        {
            use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
            use unic_langid::langid;
            let id = match self {
                Lang::It => langid!("it"),
                Lang::En => langid!("en"),
                Lang::Fr => langid!("fr"),
                Lang::Es => langid!("es"),
                Lang::Ro => langid!("ro"),
                Lang::Sq => langid!("sq"),
                Lang::Uk => langid!("uk"),
                Lang::Ar => langid!("ar"),
                Lang::Zh => langid!("zh"),
                Lang::Ur => langid!("ur"),
            };
            let category = PluralRules::create(id, PluralRuleType::CARDINAL)
                .ok()
                .and_then(|rules| rules.select(n).ok());
            match category {
                Some(PluralCategory::ZERO) => "zero",
                Some(PluralCategory::ONE) => "one",
                Some(PluralCategory::TWO) => "two",
                Some(PluralCategory::FEW) => "few",
                Some(PluralCategory::MANY) => "many",
                _ => "other",
            }
        }
        #[cfg(feature = "hydrate")]
        {
            let _ = self;
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
    }
}

/// An `Accept-Language` weight (`1`, `0.8`, `0.125`) in thousandths; 0 when it is not one.
fn thousandths(q: &str) -> u16 {
    let (whole, frac) = q.trim().split_once('.').unwrap_or((q.trim(), ""));
    let mut n: u16 = match whole {
        "0" => 0,
        "1" => 1000,
        _ => return 0,
    };
    let mut scale = 100;
    for c in frac.chars().take(3) {
        let Some(d) = c.to_digit(10) else { return 0 };
        n += d as u16 * scale;
        scale /= 10;
    }
    n.min(1000)
}

/// `n` with `sep` between each group of three digits from the right.
pub fn group_digits(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A message that changes with a number, one form per CLDR plural category the language has.
/// Italian and English have two ("one" for exactly 1, "other" for every other number, 0
/// included: "0 giorni", "0 days"), so their catalogues write `..Plural::TWO_FORMS` for the
/// rest; a form left empty falls back to "other". The family's other languages come from their
/// message files (Arabic: zero, one, two, few, many, other).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize))]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
    #[cfg_attr(test, serde(skip_serializing_if = "str::is_empty"))]
    pub zero: &'static str,
    #[cfg_attr(test, serde(skip_serializing_if = "str::is_empty"))]
    pub two: &'static str,
    #[cfg_attr(test, serde(skip_serializing_if = "str::is_empty"))]
    pub few: &'static str,
    #[cfg_attr(test, serde(skip_serializing_if = "str::is_empty"))]
    pub many: &'static str,
}

impl Default for Plural {
    fn default() -> Self {
        Plural::TWO_FORMS
    }
}

impl Plural {
    /// The forms Italian and English do not have.
    pub const TWO_FORMS: Plural = Plural {
        one: "",
        other: "",
        zero: "",
        two: "",
        few: "",
        many: "",
    };

    /// Italian's and English's choice (and the browser's): "one" for exactly 1.
    pub fn pick(&self, n: u64) -> &'static str {
        if n == 1 {
            self.one
        } else {
            self.other
        }
    }

    /// The form of a CLDR category, "other" when the message has none for it.
    pub fn form(&self, category: &str) -> &'static str {
        let f = match category {
            "zero" => self.zero,
            "one" => self.one,
            "two" => self.two,
            "few" => self.few,
            "many" => self.many,
            _ => self.other,
        };
        if f.is_empty() {
            self.other
        } else {
            f
        }
    }
}

/// The family's words of it are also read from a language's message file ([`crate::lingue`]).
#[derive(Clone)]
#[cfg_attr(test, derive(Serialize))]
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
    pub filter_near: &'static str,
    pub filter_near_hint: &'static str,
    pub filter_radius: &'static str,
    /// "{km} km": a radius or a distance.
    pub km: &'static str,
    /// The radius when none is chosen: "{km} km (predefinita)".
    pub radius_default: &'static str,
    /// The button that unfolds the filters on a phone: "Filtri" (the count follows).
    pub filters_button: &'static str,
    /// After the count of a search near a place: "entro {km} km da {place}".
    pub results_near: &'static str,
    pub distance_label: &'static str,
    pub distance_under_one: &'static str,
    pub distance_approx: &'static str,
    pub suggestion_lead: &'static str,
    /// "Nessun ente per «{typed}»: ecco i risultati per «{fixed}»."
    pub suggestion_applied: &'static str,
    pub filter_any: &'static str,
    pub filter_submit: &'static str,
    pub filter_reset: &'static str,
    pub results_none: &'static str,
    pub results_one: &'static str,
    pub results_many: &'static str,
    /// What separates groups of three digits: "12.345" in Italian, "12,345" in English.
    pub digit_group: &'static str,
    /// What separates the decimals: "48,8" in Italian, "48.8" in English.
    pub decimal_mark: &'static str,
    pub results_label: &'static str,
    pub pagination_label: &'static str,
    pub page_prev: &'static str,
    pub page_next: &'static str,
    pub page_word: &'static str,
    pub page_of: &'static str,
    pub places_label: &'static str,
    pub periods_label: &'static str,
    pub figures_label: &'static str,
    /// A result's offer on one path, named short on its card: in the order of `PathKind::ALL`.
    pub offer_path_short: [&'static str; 2],
    /// A result's offer, after its path: "{places} · {periods}" ("PCTO: 4 posti · dal
    /// 01/09/2027 al 30/09/2027").
    pub offer_places_periods: &'static str,
    /// The places of one offer: "{n} posto" / "{n} posti".
    pub offer_places: Plural,
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
    /// Under the publishing wizard's preview, instead of the publication date.
    pub host_preview_note: &'static str,
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

    /// The language menu's name, for screen readers (its summary shows a globe and the
    /// language's own name).
    pub lang_menu: &'static str,
    /// Under every page not in Italian: the words are a translation, and where to say an error.
    pub translation_note: &'static str,
    pub translation_link: &'static str,
    /// One tap from a translated notice or letter: the Italian text, which is the one that counts.
    pub original_italian: &'static str,
    pub nav_signin: &'static str,
    pub nav_signout: &'static str,
    pub nav_area: &'static str,
    /// Before the signed-in person's name in the header ("Accesso effettuato come").
    pub signed_in_prefix: &'static str,
    pub signin_title: &'static str,
    pub signin_lead: &'static str,
    pub signin_with: &'static str,
    pub signin_none: &'static str,
    pub signin_hosts_note: &'static str,
    pub signin_failed_title: &'static str,
    pub signin_retry: &'static str,
    pub norole_title: &'static str,
    pub norole_text: &'static str,
    pub norole_what: &'static str,
    /// The schools that use Ponte, for a person none of them has registered.
    pub norole_schools: &'static str,
    pub norole_schools_lead: &'static str,
    pub norole_search_label: &'static str,
    pub norole_search_button: &'static str,
    pub norole_schools_none: &'static str,
    pub norole_schools_more: &'static str,
    pub norole_office_email: &'static str,
    pub norole_office_phone: &'static str,
    pub norole_no_contacts: &'static str,
    pub norole_register_on: &'static str,
    pub norole_register_usually: Plural,
    pub norole_register_never: &'static str,
    pub norole_calculator: &'static str,
    pub norole_calculator_link: &'static str,
    pub school_title: &'static str,
    pub school_role_docente: &'static str,
    pub school_role_segreteria: &'static str,
    pub school_role_dirigente: &'static str,
    pub school_role: &'static str,
    pub school_classes: &'static str,
    /// The whole school's pupils (the office, the head teacher).
    pub school_pupils: &'static str,
    /// A teacher's: the pupils of their classes.
    pub school_pupils_mine: &'static str,
    /// "3A · 24 alunni", the summary of a class's list of pupils.
    pub school_class_roll: Plural,
    pub school_imports_link: &'static str,
    pub import_title: &'static str,
    pub import_lead: &'static str,
    pub import_kind: &'static str,
    pub import_file: &'static str,
    pub import_submit: &'static str,
    pub import_history: &'static str,
    pub import_col_when: &'static str,
    pub import_col_kind: &'static str,
    pub import_col_rows: &'static str,
    pub import_col_status: &'static str,
    pub import_status_live: &'static str,
    pub import_status_rejected: &'static str,
    pub import_status_staging: &'static str,
    pub import_none: &'static str,
    pub import_sending: &'static str,
    pub import_done: &'static str,
    pub import_rejected: &'static str,
    pub import_col_line: &'static str,
    pub import_col_column: &'static str,
    pub import_col_value: &'static str,
    pub import_col_reason: &'static str,
    pub import_failed: &'static str,
    pub import_pick_file: &'static str,
    pub import_noscript: &'static str,
    pub import_confirm_lead: &'static str,
    pub import_confirm: &'static str,
    pub import_col_surname: &'static str,
    pub import_col_name: &'static str,
    pub import_col_class: &'static str,
    pub import_kinds: [&'static str; 6],

    pub sources_title: &'static str,
    pub sources_lead: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,

    // PWA
    /// Shown at the top of a family page that is a copy kept for offline use.
    pub offline_note: &'static str,
    /// The service worker's offline page (style/offline.html, Italian only: a static file).
    pub offline_title: &'static str,
    pub offline_unsaved: &'static str,
    pub offline_retry: &'static str,
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
    home_family_text: "Accedi con SPID o CIE per vedere i tuoi figli iscritti. Senza accedere puoi calcolare quante ore di assenza può fare tuo figlio senza perdere l'anno.",
    home_school: "Scuola",
    home_school_text: "Personale della scuola: accedi con SPID o CIE per importare i dati del registro. Cerca imprese ed enti che accolgono studenti in PCTO o apprendistato.",
    home_host: "Ente ospitante",
    home_host_text: "Pubblica il profilo dei percorsi di alternanza scuola-lavoro (PCTO) e di apprendistato che offri agli studenti, e consulta il registro degli enti ospitanti.",

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
    filter_near: "Vicino a (comune)",
    filter_near_hint: "Il nome del comune, per esempio Padova; se più comuni hanno lo stesso nome, aggiungi la sigla della provincia: Samone (TN). I risultati sono ordinati per distanza.",
    filter_radius: "Entro",
    km: "{km} km",
    radius_default: "{km} km (predefinita)",
    filters_button: "Filtri",
    results_near: "entro {km} km da {place}",
    distance_label: "Distanza",
    distance_under_one: "meno di 1 km",
    distance_approx: "posizione approssimata",
    suggestion_lead: "Forse cercavi:",
    suggestion_applied: "Nessun ente per «{typed}»: ecco i risultati per «{fixed}».",
    filter_any: "Tutti",
    filter_submit: "Cerca",
    filter_reset: "Azzera i filtri",
    results_none: "Nessun ente corrisponde alla ricerca. Prova a togliere qualche filtro.",
    results_one: "1 ente trovato",
    results_many: "enti trovati",
    digit_group: ".",
    decimal_mark: ",",
    results_label: "Risultati della ricerca",
    pagination_label: "Pagine dei risultati",
    page_prev: "Precedente",
    page_next: "Successiva",
    page_word: "Pagina",
    page_of: "di",
    places_label: "Posti",
    periods_label: "Periodi",
    figures_label: "Figure professionali",
    offer_path_short: ["PCTO", "Apprendistato"],
    offer_places_periods: "{places} · {periods}",
    offer_places: Plural {
        one: "{n} posto",
        other: "{n} posti",
        ..Plural::TWO_FORMS
    },
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
    host_preview_note: "Anteprima: il profilo non è ancora pubblicato. Comparirà così nell'elenco degli enti dopo l'invio e la verifica della dichiarazione.",
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

    lang_menu: "Lingua",
    translation_note: "Questa pagina è una traduzione: fa fede il testo in italiano.",
    translation_link: "Traduzioni e segnalazione di errori",
    original_italian: "Testo originale in italiano",
    nav_signin: "Accedi",
    nav_signout: "Esci",
    nav_area: "La mia area",
    signed_in_prefix: "Accesso effettuato come",
    signin_title: "Accedi a Ponte",
    signin_lead: "Famiglie e personale della scuola accedono con la propria identità digitale, SPID o CIE. Ponte non usa password.",
    signin_with: "Entra con {provider}",
    signin_none: "Al momento nessun servizio di accesso è disponibile. Riprovare più tardi.",
    signin_hosts_note: "Gli enti ospitanti non hanno bisogno di accedere: pubblicano il profilo con la PEC o la firma digitale.",
    signin_failed_title: "Accesso non riuscito",
    signin_retry: "Ripeti l'accesso",
    norole_title: "Il suo codice fiscale non risulta registrato",
    norole_text: "Ha effettuato l'accesso come {name}, codice fiscale {cf}. Nessuna scuola che usa Ponte ha registrato questo codice fiscale tra i genitori, i tutori o il personale.",
    norole_what: "Se è genitore o tutore di un alunno, chieda alla segreteria della scuola di registrare il suo codice fiscale nel registro elettronico: dopo il prossimo aggiornamento dei dati potrà accedere.",
    norole_schools: "Le scuole che usano Ponte",
    norole_schools_lead: "Ogni scuola invia a Ponte i dati del proprio registro elettronico: il suo codice fiscale compare dopo il primo invio successivo alla registrazione in segreteria.",
    norole_search_label: "Cerca una scuola per nome o comune",
    norole_search_button: "Cerca",
    norole_schools_none: "Nessuna scuola che usa Ponte corrisponde alla ricerca.",
    norole_schools_more: "Sono mostrate le prime {n} scuole: restringa la ricerca.",
    norole_office_email: "E-mail della segreteria",
    norole_office_phone: "Telefono della segreteria",
    norole_no_contacts: "La scuola non ha indicato i contatti della segreteria in Ponte.",
    norole_register_on: "Registro aggiornato in Ponte il {date}.",
    norole_register_usually: Plural {
        one: "Di solito lo aggiorna ogni giorno.",
        other: "Di solito lo aggiorna ogni {n} giorni.",
        ..Plural::TWO_FORMS
    },
    norole_register_never: "La scuola non ha ancora inviato le assenze a Ponte.",
    norole_calculator: "Nel frattempo può contare da sé le ore di assenza ancora possibili, senza accedere:",
    norole_calculator_link: "calcolo delle assenze",
    school_title: "Area scuola",
    school_role_docente: "Docente",
    school_role_segreteria: "Segreteria",
    school_role_dirigente: "Dirigente scolastico",
    school_role: "Ruolo",
    school_classes: "Classi",
    school_pupils: "Alunni della scuola",
    school_pupils_mine: "Alunni delle sue classi",
    school_class_roll: Plural {
        one: "{class} · {n} alunno",
        other: "{class} · {n} alunni",
        ..Plural::TWO_FORMS
    },
    school_imports_link: "Importa i dati del registro",
    import_title: "Importazione dei dati del registro",
    import_lead: "Caricare i file CSV esportati dal registro elettronico, uno alla volta, nell'ordine indicato. Ogni file viene controllato per intero: se una riga contiene un errore non viene importato nulla e l'elenco mostra tutte le righe da correggere.",
    import_kind: "Tipo di file",
    import_file: "File CSV (UTF-8 o Windows-1252, separatore ; o ,)",
    import_submit: "Controlla e importa",
    import_history: "Importazioni recenti",
    import_col_when: "Data",
    import_col_kind: "File",
    import_col_rows: "Righe",
    import_col_status: "Esito",
    import_status_live: "Importato",
    import_status_rejected: "Rifiutato: nessuna modifica",
    import_status_staging: "In corso o interrotto",
    import_none: "Nessuna importazione finora.",
    import_sending: "Invio delle parti",
    import_done: "Importazione completata. Righe lette: {rows}; aggiunte o modificate: {written}; rimosse: {removed}.",
    import_rejected: "Nessun dato è stato importato.",
    import_col_line: "Riga",
    import_col_column: "Colonna",
    import_col_value: "Valore",
    import_col_reason: "Motivo",
    import_failed: "L'invio non è riuscito:",
    import_pick_file: "Scegliere un file CSV.",
    import_noscript: "Per inviare i file occorre JavaScript attivo nel browser.",
    import_confirm_lead: "Nulla è stato ancora modificato. Controllare l'elenco: se questi alunni non frequentano più la scuola, confermare; altrimenti esportare di nuovo il file completo dal registro.",
    import_confirm: "Conferma ed elimina questi alunni",
    import_col_surname: "Cognome",
    import_col_name: "Nome",
    import_col_class: "Classe",
    import_kinds: ["Classi e orari", "Calendario scolastico", "Alunni", "Genitori e tutori", "Personale", "Assenze"],

    sources_title: "Fonti dei dati",
    sources_lead: "Ponte usa dati aperti pubblicati da ISTAT. Sono copiati in Ponte e non vengono richiesti ad altri siti.",
    not_found_title: "Pagina non trovata",
    not_found_text: "La pagina richiesta non esiste o il profilo non è più pubblicato.",

    // PWA
    offline_note: "Nessuna connessione: questi sono i dati salvati l'ultima volta che la pagina è stata aperta.",
    offline_title: "Nessuna connessione",
    offline_unsaved: "Questa pagina non è ancora stata salvata su questo dispositivo: si potrà consultare senza connessione dopo averla aperta almeno una volta online.",
    offline_retry: "Riprova ad aprire l'area famiglia",
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
    home_family_text: "Sign in with SPID or CIE to see your children at school. Without signing in you can work out how many hours your child may miss without losing the year.",
    home_school: "School",
    home_school_text: "School staff: sign in with SPID or CIE to import the register's data. Find companies and bodies hosting students for PCTO or apprenticeships.",
    home_host: "Host organisation",
    home_host_text: "Publish the profile of the work-based learning (PCTO) and apprenticeship placements you offer to students, and browse the register of host organisations.",

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
    filter_near: "Near (municipality)",
    filter_near_hint: "The municipality's name, e.g. Padova; when several share a name, add the province's code: Samone (TN). Results are sorted by distance.",
    filter_radius: "Within",
    km: "{km} km",
    radius_default: "{km} km (default)",
    filters_button: "Filters",
    results_near: "within {km} km of {place}",
    distance_label: "Distance",
    distance_under_one: "under 1 km",
    distance_approx: "approximate position",
    suggestion_lead: "Did you mean:",
    suggestion_applied: "No organisation for «{typed}»: here are the results for «{fixed}».",
    filter_any: "All",
    filter_submit: "Search",
    filter_reset: "Clear filters",
    results_none: "No organisation matches. Try removing a filter.",
    results_one: "1 organisation found",
    results_many: "organisations found",
    digit_group: ",",
    decimal_mark: ".",
    results_label: "Search results",
    pagination_label: "Result pages",
    page_prev: "Previous",
    page_next: "Next",
    page_word: "Page",
    page_of: "of",
    places_label: "Places",
    periods_label: "Periods",
    figures_label: "Occupations",
    offer_path_short: ["Work-based learning (PCTO)", "Apprenticeship"],
    offer_places_periods: "{places} · {periods}",
    offer_places: Plural {
        one: "{n} place",
        other: "{n} places",
        ..Plural::TWO_FORMS
    },
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
    host_preview_note: "Preview: the profile is not published yet. It will appear like this in the directory once the declaration is sent and verified.",
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

    lang_menu: "Language",
    translation_note: "This page is a translation: the Italian text is the one that counts.",
    translation_link: "Translations and reporting errors",
    original_italian: "Original text in Italian",
    nav_signin: "Sign in",
    nav_signout: "Sign out",
    nav_area: "My area",
    signed_in_prefix: "Signed in as",
    signin_title: "Sign in to Ponte",
    signin_lead: "Families and school staff sign in with their digital identity, SPID or CIE. Ponte has no passwords.",
    signin_with: "Sign in with {provider}",
    signin_none: "No sign-in service is available at the moment. Please try again later.",
    signin_hosts_note: "Host organisations do not need to sign in: they publish their profile with their certified e-mail (PEC) or digital signature.",
    signin_failed_title: "Sign-in failed",
    signin_retry: "Sign in again",
    norole_title: "Your codice fiscale is not registered",
    norole_text: "You are signed in as {name}, codice fiscale {cf}. No school using Ponte has registered this codice fiscale among its parents, guardians or staff.",
    norole_what: "If you are the parent or guardian of a pupil, ask the school office to record your codice fiscale in the register: you will be able to sign in after the next data update.",
    norole_schools: "Schools that use Ponte",
    norole_schools_lead: "Each school sends Ponte the data of its electronic register: your codice fiscale appears after the first update that follows its recording by the school office.",
    norole_search_label: "Search a school by name or comune",
    norole_search_button: "Search",
    norole_schools_none: "No school using Ponte matches the search.",
    norole_schools_more: "The first {n} schools are shown: narrow the search.",
    norole_office_email: "School office e-mail",
    norole_office_phone: "School office telephone",
    norole_no_contacts: "The school has not given its office's contacts in Ponte.",
    norole_register_on: "Register updated in Ponte on {date}.",
    norole_register_usually: Plural {
        one: "It is usually updated every day.",
        other: "It is usually updated every {n} days.",
        ..Plural::TWO_FORMS
    },
    norole_register_never: "The school has not sent its absences to Ponte yet.",
    norole_calculator: "Meanwhile you can count the absence hours still possible yourself, without signing in:",
    norole_calculator_link: "absence calculator",
    school_title: "School area",
    school_role_docente: "Teacher",
    school_role_segreteria: "School office",
    school_role_dirigente: "Head teacher",
    school_role: "Role",
    school_classes: "Classes",
    school_pupils: "Pupils of the school",
    school_pupils_mine: "Pupils of your classes",
    school_class_roll: Plural {
        one: "{class} · {n} pupil",
        other: "{class} · {n} pupils",
        ..Plural::TWO_FORMS
    },
    school_imports_link: "Import register data",
    import_title: "Import of register data",
    import_lead: "Upload the CSV files exported from the register, one at a time, in the order shown. Each file is checked as a whole: if any row is wrong nothing is imported and the list shows every row to fix.",
    import_kind: "Kind of file",
    import_file: "CSV file (UTF-8 or Windows-1252, separator ; or ,)",
    import_submit: "Check and import",
    import_history: "Recent imports",
    import_col_when: "Date",
    import_col_kind: "File",
    import_col_rows: "Rows",
    import_col_status: "Result",
    import_status_live: "Imported",
    import_status_rejected: "Rejected: nothing changed",
    import_status_staging: "In progress or interrupted",
    import_none: "No imports yet.",
    import_sending: "Sending parts",
    import_done: "Import complete. Rows read: {rows}; added or changed: {written}; removed: {removed}.",
    import_rejected: "Nothing was imported.",
    import_col_line: "Line",
    import_col_column: "Column",
    import_col_value: "Value",
    import_col_reason: "Reason",
    import_failed: "Sending failed:",
    import_pick_file: "Choose a CSV file.",
    import_noscript: "Sending files needs JavaScript enabled in the browser.",
    import_confirm_lead: "Nothing has been changed yet. Check the list: if these pupils no longer attend the school, confirm; otherwise export the complete file from the register again.",
    import_confirm: "Confirm and delete these pupils",
    import_col_surname: "Surname",
    import_col_name: "Name",
    import_col_class: "Class",
    import_kinds: ["Classes and timetables", "School calendar", "Pupils", "Parents and guardians", "Staff", "Absences"],

    sources_title: "Data sources",
    sources_lead: "Ponte uses open data published by ISTAT, copied into Ponte and never requested from other sites.",
    not_found_title: "Page not found",
    not_found_text: "The page does not exist or the profile is no longer published.",

    // PWA
    offline_note: "No connection: this is the data saved the last time the page was opened.",
    offline_title: "No connection",
    offline_unsaved: "This page has not been saved on this device yet: it can be read without a connection once it has been opened online.",
    offline_retry: "Try opening the family area again",
};

/// Fill `{name}` placeholders of a catalogue string.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    domain::messages::substitute(template, |key, _| {
        args.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| (*v).to_owned())
    })
}

/// A date as Italians write it: `DD/MM/YYYY`.
pub fn date_it(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// The date and the time of a Unix timestamp on Rome's clock, as Italians write them:
/// (`DD/MM/YYYY`, `HH:MM`); empty outside chrono's range of dates.
pub fn rome_it(ts: i64) -> (String, String) {
    domain::clock::rome_time(ts)
        .map(|t| (date_it(t.date()), t.format("%H:%M").to_string()))
        .unwrap_or_default()
}

/// A moment on Rome's clock in one piece, `DD/MM/YYYY HH:MM` (what the pages and the CSV files
/// write for "when"); empty outside chrono's range of dates.
pub fn date_time_it(ts: i64) -> String {
    match rome_it(ts) {
        (d, t) if d.is_empty() => t,
        (d, t) => format!("{d} {t}"),
    }
}

impl Default for Texts {
    fn default() -> Self {
        IT.clone()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::Value;
    use std::collections::BTreeSet;

    /// Every string of a catalogue with its path (`family.days.one`, `kinds[2]`).
    fn leaves(v: &Value, path: String, out: &mut Vec<(String, String)>) {
        match v {
            Value::String(s) => out.push((path, s.clone())),
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    leaves(x, format!("{path}[{i}]"), out);
                }
            }
            Value::Object(o) => {
                for (k, x) in o {
                    leaves(x, format!("{path}.{k}"), out);
                }
            }
            _ => {}
        }
    }

    /// The `{name}` placeholders of a message (also the message files' test, `lingue`).
    pub(crate) fn placeholders(s: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = s;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end)
                    if after[..end]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                {
                    out.insert(after[..end].to_owned());
                    rest = &after[end + 1..];
                }
                _ => rest = after,
            }
        }
        out
    }

    /// The mismatches between two languages of one catalogue: a string missing in one, or a
    /// string whose placeholders differ.
    fn mismatches(it: Value, en: Value) -> Vec<String> {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        leaves(&it, String::new(), &mut a);
        leaves(&en, String::new(), &mut b);
        let b: std::collections::BTreeMap<_, _> = b.into_iter().collect();
        let mut bad = Vec::new();
        for (path, s) in &a {
            match b.get(path) {
                None => bad.push(format!("{path}: missing in English")),
                Some(e) if placeholders(s) != placeholders(e) => bad.push(format!(
                    "{path}: {:?} vs {:?}",
                    placeholders(s),
                    placeholders(e)
                )),
                Some(e) if s.is_empty() != e.is_empty() => {
                    bad.push(format!("{path}: empty in one language"))
                }
                _ => {}
            }
        }
        bad
    }

    #[test]
    fn every_catalogue_keeps_the_same_placeholders_in_every_language(
    ) -> Result<(), serde_json::Error> {
        let mut bad = Vec::new();
        bad.extend(mismatches(
            serde_json::to_value(&IT)?,
            serde_json::to_value(&EN)?,
        ));
        bad.extend(mismatches(
            serde_json::to_value(Lang::It.family())?,
            serde_json::to_value(Lang::En.family())?,
        ));
        bad.extend(mismatches(
            serde_json::to_value(Lang::It.publish())?,
            serde_json::to_value(Lang::En.publish())?,
        ));
        bad.extend(mismatches(
            serde_json::to_value(Lang::It.privacy_notice())?,
            serde_json::to_value(Lang::En.privacy_notice())?,
        ));
        bad.extend(mismatches(
            serde_json::to_value(Lang::It.desk())?,
            serde_json::to_value(Lang::En.desk())?,
        ));
        bad.extend(mismatches(
            serde_json::to_value(Lang::It.scrutiny())?,
            serde_json::to_value(Lang::En.scrutiny())?,
        ));
        bad.extend(mismatches(
            serde_json::to_value(Lang::It.law159())?,
            serde_json::to_value(Lang::En.law159())?,
        ));
        bad.extend(mismatches(
            serde_json::to_value(Lang::It.ars())?,
            serde_json::to_value(Lang::En.ars())?,
        ));
        bad.extend(mismatches(
            serde_json::to_value(Lang::It.decisions())?,
            serde_json::to_value(Lang::En.decisions())?,
        ));
        bad.extend(mismatches(
            serde_json::to_value(Lang::It.lists())?,
            serde_json::to_value(Lang::En.lists())?,
        ));
        bad.extend(mismatches(
            serde_json::to_value(Lang::It.info())?,
            serde_json::to_value(Lang::En.info())?,
        ));
        bad.extend(mismatches(
            serde_json::to_value(Lang::It.declaration())?,
            serde_json::to_value(Lang::En.declaration())?,
        ));
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        Ok(())
    }

    #[test]
    fn the_placeholder_check_can_fail() {
        let it = serde_json::json!({"a": "{n} giorni", "b": ["x {date}"], "c": "solo qui"});
        let en = serde_json::json!({"a": "{count} days", "b": ["x"]});
        assert_eq!(mismatches(it, en).len(), 3);
    }

    #[test]
    fn moments_are_written_on_rome_s_clock() {
        // 19 March 2026 09:15 UTC is winter time (UTC+1), 1 June 2026 08:00 UTC summer (UTC+2).
        assert_eq!(date_time_it(1_773_911_700), "19/03/2026 10:15");
        assert_eq!(
            rome_it(1_780_300_800),
            ("01/06/2026".to_owned(), "10:00".to_owned())
        );
        assert_eq!(date_time_it(i64::MAX), "");
    }

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them() {
        assert_eq!(Lang::It.number(0), "0");
        assert_eq!(Lang::It.number(999), "999");
        assert_eq!(Lang::It.number(1320), "1.320");
        assert_eq!(Lang::It.number(12345), "12.345");
        assert_eq!(Lang::It.number(1_234_567), "1.234.567");
        assert_eq!(Lang::En.number(12345), "12,345");
    }

    #[test]
    fn one_is_singular_and_zero_is_plural() {
        let p = Plural {
            one: "{n} giorno",
            other: "{n} giorni",
            ..Plural::TWO_FORMS
        };
        assert_eq!(Lang::It.count(&p, 1, &[]), "1 giorno");
        assert_eq!(Lang::It.count(&p, 0, &[]), "0 giorni");
        assert_eq!(Lang::It.count(&p, 2500, &[]), "2.500 giorni");
    }
}
