//! The catalogue of the hosts' publishing wizard (`/enti/pubblica`) and of its privacy notice:
//! Italian first, English second. Kept beside `i18n.rs` (same `Lang`), so the wizard's words are
//! found together. The wizard's island reads [`PublishTexts`] in the browser (the publish
//! bundle carries both languages of it); the notice ([`Notice`]) is a separate static that only
//! the server renders, so its long text never reaches the wasm.

use crate::i18n::Lang;

impl Lang {
    /// The language of a code written by [`Lang::code`]; Italian for anything else.
    pub fn from_code(code: &str) -> Lang {
        if code == Lang::En.code() {
            Lang::En
        } else {
            Lang::It
        }
    }

    pub fn publish(self) -> &'static PublishTexts {
        match self {
            Lang::It => &PUBLISH_IT,
            // Only Italian and English (`Lang::staff`).
            _ => &PUBLISH_EN,
        }
    }

    /// The privacy notice (art. 13 Reg. UE 2016/679) in this language. The Italian text is the
    /// one that counts; the English one is a translation.
    pub fn privacy_notice(self) -> &'static Notice {
        match self {
            Lang::It => &NOTICE_IT,
            // Only Italian and English (`Lang::staff`).
            _ => &NOTICE_EN,
        }
    }
}

/// The words of a declaration's own page (`/enti/pubblica/dichiarazione`), beside the wizard's:
/// rendered on the server only, so no bundle carries them.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct DeclarationTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub code_hint: &'static str,
    pub find: &'static str,
    pub not_found: &'static str,
    pub status_heading: &'static str,
    pub refresh: &'static str,
    pub cancel_open: &'static str,
    pub cancel_text: &'static str,
    pub cancel_confirm: &'static str,
    pub cancelled: &'static str,
    /// On the wizard's first page: the way back to a declaration already sent.
    pub back_link: &'static str,
}

impl Lang {
    pub fn declaration(self) -> &'static DeclarationTexts {
        match self {
            Lang::It => &DECLARATION_IT,
            // Only Italian and English (`Lang::staff`).
            _ => &DECLARATION_EN,
        }
    }
}

pub static DECLARATION_IT: DeclarationTexts = DeclarationTexts {
    title: "La vostra dichiarazione",
    lead: "Con il codice ricevuto all'invio del profilo potete tornare qui quando volete: vedere a che punto è la dichiarazione, scaricare il documento da firmare, caricare il file firmato o annullarla.",
    code_hint: "Il codice è quello mostrato all'invio del profilo (per esempio ABCD-EFGH-JKMN) ed è scritto nel documento da firmare.",
    find: "Apri la dichiarazione",
    not_found: "Nessuna dichiarazione ha questo codice: controllate di averlo scritto bene.",
    status_heading: "A che punto è",
    refresh: "Aggiorna lo stato",
    cancel_open: "Annulla la dichiarazione",
    cancel_text: "La dichiarazione non potrà più essere confermata e il profilo non sarà pubblicato: per pubblicarlo andrà inviato di nuovo.",
    cancel_confirm: "Sì, annulla la dichiarazione",
    cancelled: "Dichiarazione annullata: il profilo non è stato pubblicato. Per pubblicarlo inviatelo di nuovo.",
    back_link: "Avete già inviato il profilo? Ritrovate la dichiarazione con il suo codice",
};

pub static DECLARATION_EN: DeclarationTexts = DeclarationTexts {
    title: "Your declaration",
    lead: "With the code you received when you sent the profile you can come back here at any time: see where the declaration stands, download the document to sign, upload the signed file or cancel it.",
    code_hint: "The code is the one shown when you sent the profile (for example ABCD-EFGH-JKMN) and is written in the document to sign.",
    find: "Open the declaration",
    not_found: "No declaration has this code: check you typed it correctly.",
    status_heading: "Where it stands",
    refresh: "Refresh the status",
    cancel_open: "Cancel the declaration",
    cancel_text: "The declaration can no longer be confirmed and the profile will not be published: to publish it, send it again.",
    cancel_confirm: "Yes, cancel the declaration",
    cancelled: "Declaration cancelled: the profile was not published. To publish it, send it again.",
    back_link: "Already sent your profile? Find the declaration with its code",
};

/// The privacy notice: a title, the law it follows, and its sections. The first section names
/// the controller with a link to the page that gives their details.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Notice {
    pub title: &'static str,
    pub subtitle: &'static str,
    /// Said once, above the sections (only the English text has one: it is a translation).
    pub note: Option<&'static str>,
    pub controller_heading: &'static str,
    pub controller_before: &'static str,
    pub controller_link: &'static str,
    pub controller_after: &'static str,
    /// Heading and paragraphs of each further section.
    pub sections: &'static [(&'static str, &'static [&'static str])],
    /// "Versione dell'informativa: {version}".
    pub version: &'static str,
}

#[cfg_attr(test, derive(serde::Serialize))]
pub struct PublishTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub noscript: &'static str,
    /// The link to the wizard on `/enti`.
    pub enti_link: &'static str,
    pub enti_link_text: &'static str,
    /// The link to the register from the wizard.
    pub register_link: &'static str,

    pub steps: [&'static str; 6],
    /// "Passo {n} di {total}".
    pub step_of: &'static str,
    pub steps_label: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub optional: &'static str,
    pub required_note: &'static str,

    pub toolbar_label: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub load: &'static str,
    pub loaded: &'static str,
    /// A loaded draft that was sent: where its declaration is.
    pub loaded_declaration: &'static str,
    pub load_failed: &'static str,
    pub reset: &'static str,
    pub reset_title: &'static str,
    pub reset_text: &'static str,
    pub reset_confirm: &'static str,
    pub reset_cancel: &'static str,
    pub reset_done: &'static str,

    pub privacy_read: &'static str,
    pub privacy_accept: &'static str,
    pub privacy_page_link: &'static str,
    pub privacy_label: &'static str,
    pub privacy_back: &'static str,

    pub kind_legend: &'static str,
    /// In the order of `HostKind::ALL`.
    pub kinds: [&'static str; 4],
    pub kind_hints: [&'static str; 4],
    pub identity_legend: &'static str,
    pub name: &'static str,
    pub name_professional: &'static str,
    pub ipa_code: &'static str,
    pub ipa_hint: &'static str,
    pub ipa_verify: &'static str,
    pub ipa_checking: &'static str,
    pub ipa_found: &'static str,
    pub ipa_no_pec: &'static str,
    pub cf_professional: &'static str,
    pub cf_body: &'static str,
    pub cf_private_hint: &'static str,
    pub piva: &'static str,
    pub legal_rep_cf: &'static str,
    pub legal_rep_hint: &'static str,
    pub ateco: &'static str,
    pub ateco_hint: &'static str,
    /// What the typed ATECO code stands for, and a code ATECO 2025 does not have.
    pub ateco_is: &'static str,
    pub ateco_unknown: &'static str,
    pub pec_professional: &'static str,
    pub pec_professional_hint: &'static str,
    pub pec_public: &'static str,
    pub pec_public_hint: &'static str,
    pub pec_public_locked: &'static str,

    pub offers_legend: &'static str,
    pub offers_lead: &'static str,
    /// In the order of `PathKind::ALL`.
    pub paths: [&'static str; 2],
    pub offer_on: &'static str,
    pub max_students: &'static str,
    pub max_students_hint: &'static str,
    pub periods_legend: &'static str,
    pub period_n: &'static str,
    pub period_from: &'static str,
    pub period_to: &'static str,
    pub period_add: &'static str,
    pub period_remove: &'static str,
    pub figures_legend: &'static str,
    pub figures_q: &'static str,
    pub figures_q_hint: &'static str,
    pub figures_search: &'static str,
    pub figures_found: &'static str,
    pub figures_none_found: &'static str,
    pub figures_add: &'static str,
    pub figures_added: &'static str,
    pub figures_chosen: &'static str,
    pub figures_none_chosen: &'static str,
    pub figures_remove: &'static str,
    pub figures_results: &'static str,
    pub activity: &'static str,
    pub activity_hint: &'static str,
    /// "{n} caratteri su {max}".
    pub counter: &'static str,

    pub places_legend: &'static str,
    pub place_n: &'static str,
    pub address: &'static str,
    pub address_hint: &'static str,
    pub cap: &'static str,
    pub region: &'static str,
    pub province: &'static str,
    pub comune: &'static str,
    pub choose: &'static str,
    pub pick_province: &'static str,
    pub place_add: &'static str,
    pub place_remove: &'static str,
    pub description: &'static str,
    pub description_hint: &'static str,
    pub contacts_legend: &'static str,
    pub contacts_hint: &'static str,
    pub person_role: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub pec: &'static str,
    pub pec_given: &'static str,
    pub website: &'static str,
    pub website_hint: &'static str,
    pub optional_legend: &'static str,
    pub supply_chain: &'static str,
    pub structural: &'static str,
    pub technological: &'static str,
    pub organisational: &'static str,

    pub errors_one: &'static str,
    pub errors_many: &'static str,
    pub error_prefix: &'static str,

    pub preview_lead: &'static str,
    pub preview_label: &'static str,
    pub preview_loading: &'static str,
    pub preview_refresh: &'static str,

    pub submit_lead: &'static str,
    pub submit_pending_note: &'static str,
    pub submit: &'static str,
    pub submitting: &'static str,
    pub code_label: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    /// "Il codice scade il {date} alle {time}."
    pub expires: &'static str,
    /// The way back to the declaration once the tab is closed: its page, by its code.
    pub come_back: &'static str,
    pub come_back_link: &'static str,
    pub pec_title: &'static str,
    /// "Inviate un messaggio PEC dalla casella {pec} a {to} con il codice {code} nell'oggetto. …"
    pub pec_steps: &'static str,
    pub pec_of_record: &'static str,
    pub pec_declared: &'static str,
    pub sign_title: &'static str,
    pub sign_download: &'static str,
    pub sign_steps: &'static str,
    pub sign_file: &'static str,
    pub sign_upload: &'static str,
    pub sign_uploading: &'static str,
    pub sign_pick: &'static str,
    pub status_pending: &'static str,
    pub status_published: &'static str,
    pub status_published_link: &'static str,
    pub status_expired: &'static str,
    /// The proof arrived, but the registry of record did not confirm it: an operator decides.
    pub status_review: &'static str,
    pub status_refused: &'static str,
    pub status_superseded: &'static str,
    pub status_stopped: &'static str,
    pub status_check: &'static str,
    pub network_error: &'static str,
    pub server_error: &'static str,
}

pub static PUBLISH_IT: PublishTexts = PublishTexts {
    title: "Pubblicare il profilo di un ente ospitante",
    lead: "Imprese, professionisti ed enti pubblici e privati descrivono i percorsi di alternanza scuola-lavoro (PCTO) e di apprendistato che offrono agli studenti. Il profilo è pubblicato nel registro dopo che avete confermato chi siete, con la PEC o con la firma digitale.",
    noscript: "Per compilare il profilo serve JavaScript attivo nel browser. L'informativa qui sotto si può leggere anche senza.",
    enti_link: "Siete un ente ospitante?",
    enti_link_text: "Pubblicate il profilo dei percorsi che offrite",
    register_link: "Consultate il registro degli enti ospitanti",

    steps: [
        "Informativa privacy",
        "Chi siete",
        "Percorsi offerti",
        "Sedi e contatti",
        "Anteprima",
        "Invio",
    ],
    step_of: "Passo {n} di {total}",
    steps_label: "Passi della compilazione",
    back: "Indietro",
    next: "Avanti",
    optional: "(facoltativo)",
    required_note: "Tutti i campi sono obbligatori, tranne quelli indicati come facoltativi.",

    toolbar_label: "Bozza",
    save: "Salva bozza su file",
    saved: "Bozza salvata nel file {file}. Per riprendere la compilazione usate «Carica bozza».",
    load: "Carica bozza",
    loaded: "Bozza caricata dal file {file}.",
    loaded_declaration: "Da questa bozza è stata inviata la dichiarazione {code}: a che punto è, la firma e l'annullamento sono alla pagina Enti › Pubblica › Dichiarazione, con il codice.",
    load_failed: "Bozza non caricata.",
    reset: "Annulla modifiche",
    reset_title: "Annullare tutte le modifiche?",
    reset_text: "Tutto quello che avete compilato sarà cancellato da questa pagina e si tornerà al primo passo. Una bozza già salvata su file resta sul vostro dispositivo.",
    reset_confirm: "Sì, annulla le modifiche",
    reset_cancel: "No, continua la compilazione",
    reset_done: "Modifiche annullate: il modulo è di nuovo vuoto.",

    privacy_read: "Prima di iniziare leggete l'informativa sul trattamento dei dati personali.",
    privacy_accept: "Ho letto l'informativa sul trattamento dei dati personali",
    privacy_page_link: "Apri l'informativa in una pagina a sé (da stampare o salvare)",
    privacy_label: "Informativa privacy",
    privacy_back: "Torna alla pubblicazione del profilo",

    kind_legend: "Che tipo di soggetto siete?",
    kinds: ["Impresa", "Professionista", "Ente pubblico", "Ente privato"],
    kind_hints: [
        "Società o ditta individuale. La pubblicazione si conferma con la firma digitale del legale rappresentante.",
        "Libero professionista. La pubblicazione si conferma con un messaggio dalla vostra PEC registrata in INI-PEC.",
        "Amministrazione presente nell'Indice delle Pubbliche Amministrazioni (iPA). La pubblicazione si conferma con un messaggio dalla PEC istituzionale.",
        "Associazione, fondazione, cooperativa o altro ente privato.",
    ],
    identity_legend: "Dati identificativi",
    name: "Denominazione",
    name_professional: "Nome e cognome o denominazione dello studio",
    ipa_code: "Codice iPA o Codice Univoco Ufficio",
    ipa_hint: "Come risulta nell'Indice delle Pubbliche Amministrazioni, per esempio c_h501. «Verifica» compila denominazione, codice fiscale, PEC, sito e prima sede con i dati dell'iPA.",
    ipa_verify: "Verifica",
    ipa_checking: "Verifica in corso…",
    ipa_found: "Trovato nell'iPA: {name}. I dati sono stati compilati: controllateli.",
    ipa_no_pec: "L'iPA non riporta una PEC per questo ente: indicate la PEC istituzionale.",
    cf_professional: "Codice fiscale del professionista",
    cf_body: "Codice fiscale dell'ente",
    cf_private_hint: "11 cifre; 16 caratteri se l'ente coincide con una persona.",
    piva: "Partita IVA",
    legal_rep_cf: "Codice fiscale del legale rappresentante",
    legal_rep_hint: "La persona che firmerà digitalmente la dichiarazione.",
    ateco: "Codice ATECO dell'attività",
    ateco_hint: "Classificazione ATECO 2025, come nella visura camerale: 62, 62.1, 62.10, 62.10.0 o 62.10.00.",
    ateco_is: "ATECO 2025: {title}.",
    ateco_unknown: "Il codice {code} non è nella classificazione ATECO 2025: controllarlo.",
    pec_professional: "PEC",
    pec_professional_hint: "La PEC registrata in INI-PEC, da cui invierete il messaggio di conferma.",
    pec_public: "PEC istituzionale",
    pec_public_hint: "L'indirizzo PEC dell'ente nell'iPA: da questa casella invierete il messaggio di conferma.",
    pec_public_locked: "Indirizzo dell'iPA: non si può modificare.",

    offers_legend: "Percorsi offerti",
    offers_lead: "Indicate almeno un percorso. Per ciascuno: quanti studenti, in quali periodi, con quali figure professionali e che cosa faranno.",
    paths: ["Alternanza scuola-lavoro (PCTO)", "Apprendistato"],
    offer_on: "Offriamo questo percorso",
    max_students: "Numero massimo di studenti",
    max_students_hint: "Un numero intero da 1 a 500.",
    periods_legend: "Periodi dell'anno in cui accogliete studenti",
    period_n: "Periodo {n}",
    period_from: "Dal",
    period_to: "Al",
    period_add: "Aggiungi un periodo",
    period_remove: "Rimuovi il periodo {n}",
    figures_legend: "Figure professionali (ISTAT CP 2011)",
    figures_q: "Cerca una figura per nome",
    figures_q_hint: "Per esempio «meccanico» o «contabile». Si vedono fino a 20 figure, a ogni livello della classificazione.",
    figures_search: "Cerca",
    figures_found: "Figure trovate: {n}.",
    figures_none_found: "Nessuna figura trovata: provate con un'altra parola.",
    figures_add: "Aggiungi",
    figures_added: "Figura aggiunta: {title}.",
    figures_chosen: "Figure scelte",
    figures_none_chosen: "Nessuna figura scelta.",
    figures_remove: "Rimuovi",
    figures_results: "Risultati della ricerca",
    activity: "Attività da svolgere",
    activity_hint: "Che cosa faranno gli studenti, con chi e con quali strumenti: da 20 a 2000 caratteri.",
    counter: "{n} caratteri su {max}",

    places_legend: "Sedi in cui si svolge l'attività",
    place_n: "Sede {n}",
    address: "Indirizzo",
    address_hint: "Via o piazza e numero civico.",
    cap: "CAP",
    region: "Regione",
    province: "Provincia",
    comune: "Comune",
    choose: "Scegliere…",
    pick_province: "Scegliete prima la provincia.",
    place_add: "Aggiungi una sede",
    place_remove: "Rimuovi la sede {n}",
    description: "Descrizione del soggetto ospitante",
    description_hint: "Chi siete e che cosa fate, i requisiti e le capacità utili alle scuole.",
    contacts_legend: "Contatti",
    contacts_hint: "Almeno un indirizzo e-mail o un numero di telefono. I contatti sono pubblici: le scuole li usano per scrivervi.",
    person_role: "Persona o ufficio da contattare",
    email: "E-mail",
    phone: "Telefono",
    pec: "PEC",
    pec_given: "PEC: {pec} (indicata al passo «Chi siete»).",
    website: "Sito web",
    website_hint: "Inizia con https:// o http://.",
    optional_legend: "Dati facoltativi",
    supply_chain: "Rapporti con operatori della filiera",
    structural: "Capacità strutturali",
    technological: "Capacità tecnologiche",
    organisational: "Capacità organizzative",

    errors_one: "C'è un problema da correggere",
    errors_many: "Ci sono {n} problemi da correggere",
    error_prefix: "Errore:",

    preview_lead: "Ecco il profilo come lo vedranno le scuole e chiunque consulti il registro. Se qualcosa non va, tornate indietro e correggete.",
    preview_label: "Anteprima del profilo",
    preview_loading: "Preparazione dell'anteprima…",
    preview_refresh: "Aggiorna l'anteprima",

    submit_lead: "Inviando il profilo riceverete un codice di dichiarazione. Il profilo sarà pubblicato quando avrete confermato chi siete: con un messaggio PEC o con la firma digitale del legale rappresentante. Non c'è altra verifica.",
    submit_pending_note: "Finché la pubblicazione è in corso non si può inviare un altro profilo per lo stesso soggetto. Se il profilo è già pubblicato, resta online com'è finché il nuovo non è confermato.",
    submit: "Invia il profilo",
    submitting: "Invio in corso…",
    code_label: "Codice della dichiarazione",
    copy: "Copia il codice",
    copied: "Codice copiato.",
    copy_failed: "Copia non riuscita: selezionate il codice e copiatelo a mano.",
    expires: "Il codice scade il {date} alle {time}.",
    come_back: "Si può chiudere questa pagina: per firmare più tardi, caricare la firma, annullare la dichiarazione o vedere a che punto è, si torna con il codice alla",
    come_back_link: "pagina della dichiarazione",
    pec_title: "Confermate con la PEC",
    pec_steps: "Inviate un messaggio PEC dalla casella {pec} a {to} con il codice {code} nell'oggetto. Il testo del messaggio non conta.",
    pec_of_record: "La casella {pec} è l'indirizzo dell'ente nell'iPA.",
    pec_declared: "La casella {pec} è quella che avete indicato voi: INI-PEC non la riporta per il vostro codice fiscale, o non ha potuto rispondere. Confermate con un messaggio PEC certificato da questa casella; prima della pubblicazione un operatore di Ponte verificherà chi siete.",
    sign_title: "Confermate con la firma digitale",
    sign_download: "Scaricate la dichiarazione",
    sign_steps: "firmatela digitalmente in formato CAdES (file .p7m) come legale rappresentante e caricatela qui.",
    sign_file: "Dichiarazione firmata (.p7m)",
    sign_upload: "Carica la dichiarazione firmata",
    sign_uploading: "Caricamento in corso…",
    sign_pick: "Scegliete il file firmato.",
    status_pending: "In attesa della conferma: questa pagina controlla da sola ogni 5 secondi.",
    status_published: "Profilo pubblicato",
    status_published_link: "Vedi il profilo pubblicato",
    status_expired: "Il codice è scaduto senza conferma: inviate di nuovo il profilo.",
    status_review: "Conferma ricevuta. Il registro di riferimento non ha confermato chi siete: un operatore di Ponte verificherà la dichiarazione, e il profilo sarà pubblicato solo dopo la sua approvazione. Potete chiudere questa pagina: l'esito arriverà alla casella PEC.",
    status_refused: "La verifica non ha confermato chi siete: la dichiarazione è stata rifiutata.",
    status_superseded: "Questa dichiarazione è stata sostituita da una più recente dello stesso soggetto.",
    status_stopped: "La pagina ha smesso di controllare dopo 10 minuti.",
    status_check: "Controlla lo stato",
    network_error: "Rete non raggiungibile: controllate la connessione e riprovate.",
    server_error: "Si è verificato un errore. Riprovate tra poco.",
};

pub static PUBLISH_EN: PublishTexts = PublishTexts {
    title: "Publish a host organisation's profile",
    lead: "Companies, professionals and public and private bodies describe the work-based learning (PCTO) and apprenticeship placements they offer to students. The profile appears in the register once you have confirmed who you are, by PEC or digital signature.",
    noscript: "Filling in the profile needs JavaScript enabled in the browser. The privacy notice below can be read without it.",
    enti_link: "Are you a host organisation?",
    enti_link_text: "Publish the profile of the placements you offer",
    register_link: "Browse the register of host organisations",

    steps: [
        "Privacy notice",
        "Who you are",
        "Placements offered",
        "Places and contacts",
        "Preview",
        "Submit",
    ],
    step_of: "Step {n} of {total}",
    steps_label: "Steps of the form",
    back: "Back",
    next: "Next",
    optional: "(optional)",
    required_note: "Every field is required, except those marked optional.",

    toolbar_label: "Draft",
    save: "Save draft to a file",
    saved: "Draft saved in the file {file}. To carry on later use «Load draft».",
    load: "Load draft",
    loaded: "Draft loaded from the file {file}.",
    loaded_declaration: "The declaration {code} was sent from this draft: where it stands, the signature and the cancellation are on the page Hosts › Publish › Declaration, with the code.",
    load_failed: "Draft not loaded.",
    reset: "Discard changes",
    reset_title: "Discard all changes?",
    reset_text: "Everything you have filled in will be cleared from this page and you will go back to the first step. A draft already saved to a file stays on your device.",
    reset_confirm: "Yes, discard the changes",
    reset_cancel: "No, keep filling in",
    reset_done: "Changes discarded: the form is empty again.",

    privacy_read: "Before you start, read the notice on the processing of personal data.",
    privacy_accept: "I have read the notice on the processing of personal data",
    privacy_page_link: "Open the notice on a page of its own (to print or save)",
    privacy_label: "Privacy notice",
    privacy_back: "Back to publishing the profile",

    kind_legend: "What kind of organisation are you?",
    kinds: ["Company", "Professional", "Public body", "Private body"],
    kind_hints: [
        "A company or sole trader. Publication is confirmed with the legal representative's digital signature.",
        "A self-employed professional. Publication is confirmed with a message from your PEC address registered in INI-PEC.",
        "An administration listed in the Index of Public Administrations (iPA). Publication is confirmed with a message from its institutional PEC address.",
        "An association, foundation, cooperative or other private body.",
    ],
    identity_legend: "Identification",
    name: "Name of the organisation",
    name_professional: "Full name or name of the practice",
    ipa_code: "iPA code or Codice Univoco Ufficio",
    ipa_hint: "As listed in the Index of Public Administrations, for example c_h501. «Check» fills in name, tax code, PEC, website and first place from iPA.",
    ipa_verify: "Check",
    ipa_checking: "Checking…",
    ipa_found: "Found in iPA: {name}. The data have been filled in: please check them.",
    ipa_no_pec: "iPA lists no PEC address for this body: enter its institutional PEC address.",
    cf_professional: "The professional's tax code",
    cf_body: "The body's tax code",
    cf_private_hint: "11 digits; 16 characters if the body is a person.",
    piva: "VAT number",
    legal_rep_cf: "Legal representative's tax code",
    legal_rep_hint: "The person who will sign the declaration digitally.",
    ateco: "ATECO code of the business",
    ateco_hint: "ATECO 2025 classification, as in the chamber of commerce record: 62, 62.1, 62.10, 62.10.0 or 62.10.00.",
    ateco_is: "ATECO 2025: {title}.",
    ateco_unknown: "The code {code} is not in the ATECO 2025 classification: check it.",
    pec_professional: "PEC address",
    pec_professional_hint: "The PEC address registered in INI-PEC, from which you will send the confirmation message.",
    pec_public: "Institutional PEC address",
    pec_public_hint: "The body's PEC address in iPA: you will send the confirmation message from it.",
    pec_public_locked: "Address from iPA: it cannot be changed.",

    offers_legend: "Placements offered",
    offers_lead: "Choose at least one kind of placement. For each: how many students, in which periods, with which occupations and what they will do.",
    paths: ["Work-based learning (PCTO)", "Apprenticeship"],
    offer_on: "We offer this placement",
    max_students: "Maximum number of students",
    max_students_hint: "A whole number from 1 to 500.",
    periods_legend: "Periods of the year you host students",
    period_n: "Period {n}",
    period_from: "From",
    period_to: "To",
    period_add: "Add a period",
    period_remove: "Remove period {n}",
    figures_legend: "Occupations (ISTAT CP 2011)",
    figures_q: "Search an occupation by name",
    figures_q_hint: "For example «mechanic» or «accountant» (Italian titles). Up to 20 occupations are shown, at any level of the classification.",
    figures_search: "Search",
    figures_found: "Occupations found: {n}.",
    figures_none_found: "No occupation found: try another word.",
    figures_add: "Add",
    figures_added: "Occupation added: {title}.",
    figures_chosen: "Occupations chosen",
    figures_none_chosen: "No occupation chosen.",
    figures_remove: "Remove",
    figures_results: "Search results",
    activity: "Activities",
    activity_hint: "What students will do, with whom and with which tools: 20 to 2000 characters.",
    counter: "{n} of {max} characters",

    places_legend: "Places where the activity takes place",
    place_n: "Place {n}",
    address: "Address",
    address_hint: "Street and number.",
    cap: "Postcode (CAP)",
    region: "Region",
    province: "Province",
    comune: "Municipality",
    choose: "Choose…",
    pick_province: "Choose the province first.",
    place_add: "Add a place",
    place_remove: "Remove place {n}",
    description: "About the host organisation",
    description_hint: "Who you are and what you do, the requirements and capacities that matter to schools.",
    contacts_legend: "Contacts",
    contacts_hint: "At least an e-mail address or a telephone number. Contacts are public: schools use them to write to you.",
    person_role: "Person or office to contact",
    email: "E-mail",
    phone: "Telephone",
    pec: "PEC address",
    pec_given: "PEC address: {pec} (given in step «Who you are»).",
    website: "Website",
    website_hint: "Starts with https:// or http://.",
    optional_legend: "Optional information",
    supply_chain: "Relations with supply-chain operators",
    structural: "Structural capacities",
    technological: "Technological capacities",
    organisational: "Organisational capacities",

    errors_one: "There is one problem to fix",
    errors_many: "There are {n} problems to fix",
    error_prefix: "Error:",

    preview_lead: "This is the profile as schools and anyone browsing the register will see it. If something is wrong, go back and correct it.",
    preview_label: "Preview of the profile",
    preview_loading: "Preparing the preview…",
    preview_refresh: "Refresh the preview",

    submit_lead: "When you submit the profile you receive a declaration code. The profile is published once you have confirmed who you are: with a PEC message or with the legal representative's digital signature. There is no other check.",
    submit_pending_note: "While a publication is pending, no other profile can be submitted for the same organisation. A profile already published stays online as it is until the new one is confirmed.",
    submit: "Submit the profile",
    submitting: "Submitting…",
    code_label: "Declaration code",
    copy: "Copy the code",
    copied: "Code copied.",
    copy_failed: "Copying failed: select the code and copy it by hand.",
    expires: "The code expires on {date} at {time}.",
    come_back: "You can close this page: to sign later, upload the signature, cancel the declaration or see where it stands, come back with the code to the",
    come_back_link: "declaration's page",
    pec_title: "Confirm by PEC",
    pec_steps: "Send a PEC message from {pec} to {to} with the code {code} in the subject. The text of the message does not matter.",
    pec_of_record: "{pec} is the body's address in iPA.",
    pec_declared: "{pec} is the address you gave: INI-PEC does not list it for your tax code, or could not answer. Confirm with a certified PEC message from this mailbox; before publication a Ponte operator will check who you are.",
    sign_title: "Confirm with a digital signature",
    sign_download: "Download the declaration",
    sign_steps: "sign it digitally in CAdES format (a .p7m file) as legal representative and upload it here.",
    sign_file: "Signed declaration (.p7m)",
    sign_upload: "Upload the signed declaration",
    sign_uploading: "Uploading…",
    sign_pick: "Choose the signed file.",
    status_pending: "Waiting for confirmation: this page checks by itself every 5 seconds.",
    status_published: "Profile published",
    status_published_link: "See the published profile",
    status_expired: "The code expired without confirmation: submit the profile again.",
    status_review: "Confirmation received. The register of record did not confirm who you are: a Ponte operator will check the declaration, and the profile will be published only after their approval. You can close this page: the outcome will reach your PEC mailbox.",
    status_refused: "The check did not confirm who you are: the declaration was refused.",
    status_superseded: "This declaration was replaced by a newer one from the same host.",
    status_stopped: "The page stopped checking after 10 minutes.",
    status_check: "Check the status",
    network_error: "Network unreachable: check the connection and try again.",
    server_error: "Something went wrong. Try again shortly.",
};

pub static NOTICE_IT: Notice = Notice {
    title: "Informativa sul trattamento dei dati personali",
    subtitle: "ai sensi dell'art. 13 del Regolamento (UE) 2016/679 (Regolamento generale sulla protezione dei dati) e del D.Lgs. 30 giugno 2003, n. 196 (Codice in materia di protezione dei dati personali)",
    note: None,
    controller_heading: "1. Titolare del trattamento",
    controller_before: "Il titolare del trattamento è il gestore di Ponte, indicato con i suoi recapiti e quelli del responsabile della protezione dei dati nella pagina ",
    controller_link: "Privacy e titolare del trattamento",
    controller_after: ".",
    sections: &[
        (
            "2. Finalità del trattamento",
            &[
                "I dati sono trattati per pubblicare il profilo del soggetto ospitante nel registro degli enti che offrono percorsi per le competenze trasversali e per l'orientamento (PCTO, già alternanza scuola-lavoro) e di apprendistato, previsto dall'art. 1, comma 41, della L. 13 luglio 2015, n. 107, perché le scuole possano trovarlo e contattarlo.",
                "Sono trattati inoltre per verificare chi chiede la pubblicazione (con un messaggio PEC dalla casella registrata nell'iPA o in INI-PEC, o con la firma digitale del legale rappresentante) e per comunicare l'avvenuta pubblicazione.",
            ],
        ),
        (
            "3. Base giuridica",
            &[
                "Il trattamento è necessario per l'esecuzione di un compito di interesse pubblico (art. 6, par. 1, lett. e, del Regolamento e art. 2-ter del D.Lgs. 196/2003), in attuazione della L. 107/2015. Il profilo è pubblicato solo su vostra richiesta.",
            ],
        ),
        (
            "4. Dati trattati",
            &[
                "Dati identificativi del soggetto (denominazione, codice fiscale, partita IVA, codice iPA, codice ATECO) e, per le imprese, il codice fiscale del legale rappresentante; i dati di contatto (persona o ufficio di riferimento, e-mail, telefono, PEC, sito web); le sedi; la descrizione del soggetto e dei percorsi offerti.",
                "Per la verifica: il mittente, l'oggetto e la data del messaggio PEC di conferma, oppure il file firmato digitalmente e il certificato di firma.",
                "Non chiediamo dati particolari (art. 9 del Regolamento) né dati relativi a condanne penali e reati (art. 10): non inseriteli nelle descrizioni.",
            ],
        ),
        (
            "5. Natura del conferimento",
            &[
                "I dati indicati come obbligatori sono necessari per pubblicare il profilo: senza di essi il profilo non può essere pubblicato. Gli altri sono facoltativi.",
            ],
        ),
        (
            "6. Destinatari",
            &[
                "Il profilo pubblicato, contatti compresi, è pubblico: chiunque può consultarlo sul sito, senza registrazione, e le scuole lo usano per contattarvi.",
                "Il codice fiscale del legale rappresentante e i dati della verifica non sono pubblicati. Li tratta il personale autorizzato dal titolare e, per conto del titolare, i fornitori dell'infrastruttura informatica, nominati responsabili del trattamento (art. 28 del Regolamento). Un eventuale trasferimento di dati fuori dall'Unione europea avviene solo con le garanzie del capo V del Regolamento.",
            ],
        ),
        (
            "7. Conservazione",
            &[
                "I dati sono conservati finché il profilo è pubblicato e, dopo che è stato sostituito o rimosso, per 12 mesi; poi sono cancellati.",
                "La bozza salvata con «Salva bozza su file» resta solo sul vostro dispositivo: Ponte non la conserva.",
            ],
        ),
        (
            "8. Diritti dell'interessato",
            &[
                "Potete chiedere al titolare l'accesso ai dati, la loro rettifica o cancellazione, la limitazione del trattamento, la portabilità dei dati, e opporvi al trattamento (artt. 15–22 del Regolamento), scrivendo ai recapiti indicati nella pagina Fonti e contatti.",
                "Avete inoltre il diritto di proporre reclamo al Garante per la protezione dei dati personali (art. 77 del Regolamento; www.garanteprivacy.it).",
            ],
        ),
        (
            "9. Processo decisionale automatizzato",
            &[
                "Non c'è profilazione né alcuna decisione basata unicamente su un trattamento automatizzato (art. 22 del Regolamento): il profilo è pubblicato quando la PEC o la firma digitale confermano chi lo ha chiesto.",
            ],
        ),
    ],
    version: "Versione dell'informativa: {version}",
};

pub static NOTICE_EN: Notice = Notice {
    title: "Notice on the processing of personal data",
    subtitle: "under art. 13 of Regulation (EU) 2016/679 (General Data Protection Regulation) and Legislative Decree 30 June 2003, no. 196 (Italian Personal Data Protection Code)",
    note: Some("This is a translation for convenience: the Italian text is the one that counts."),
    controller_heading: "1. Controller",
    controller_before: "The controller is the operator of Ponte, named with its contact details and those of the data protection officer on the page ",
    controller_link: "Privacy and data controller",
    controller_after: ".",
    sections: &[
        (
            "2. Purposes",
            &[
                "The data are processed to publish the host organisation's profile in the register of organisations offering work-based learning (PCTO, formerly alternanza scuola-lavoro) and apprenticeships, set up by art. 1, paragraph 41, of Law 13 July 2015, no. 107, so that schools can find and contact it.",
                "They are also processed to check who asks for publication (with a PEC message from the address registered in iPA or INI-PEC, or with the legal representative's digital signature) and to announce the publication.",
            ],
        ),
        (
            "3. Legal basis",
            &[
                "Processing is necessary for a task carried out in the public interest (art. 6(1)(e) of the Regulation and art. 2-ter of Legislative Decree 196/2003), implementing Law 107/2015. The profile is published only at your request.",
            ],
        ),
        (
            "4. Data processed",
            &[
                "Identification of the organisation (name, tax code, VAT number, iPA code, ATECO code) and, for companies, the legal representative's tax code; contact details (person or office, e-mail, telephone, PEC, website); places; the description of the organisation and of the placements offered.",
                "For the check: the sender, subject and date of the confirming PEC message, or the digitally signed file and the signing certificate.",
                "We do not ask for special categories of data (art. 9 of the Regulation) nor data on criminal convictions and offences (art. 10): do not enter them in the descriptions.",
            ],
        ),
        (
            "5. Whether you must give the data",
            &[
                "The data marked as required are needed to publish the profile: without them it cannot be published. The others are optional.",
            ],
        ),
        (
            "6. Recipients",
            &[
                "The published profile, contacts included, is public: anyone can read it on the site without registering, and schools use it to contact you.",
                "The legal representative's tax code and the data of the check are not published. They are processed by the controller's authorised staff and, on the controller's behalf, by the providers of the IT infrastructure, appointed as processors (art. 28 of the Regulation). Any transfer outside the European Union takes place only with the safeguards of chapter V of the Regulation.",
            ],
        ),
        (
            "7. Retention",
            &[
                "The data are kept while the profile is published and for 12 months after it has been replaced or removed; then they are deleted.",
                "A draft saved with «Save draft to a file» stays on your device only: Ponte does not keep it.",
            ],
        ),
        (
            "8. Your rights",
            &[
                "You may ask the controller for access to the data, their rectification or erasure, restriction of processing, data portability, and object to processing (arts. 15–22 of the Regulation), writing to the addresses on the page Sources and contacts.",
                "You also have the right to lodge a complaint with the Italian data protection authority, the Garante per la protezione dei dati personali (art. 77 of the Regulation; www.garanteprivacy.it).",
            ],
        ),
        (
            "9. Automated decision-making",
            &[
                "There is no profiling and no decision based solely on automated processing (art. 22 of the Regulation): the profile is published when the PEC message or the digital signature confirms who asked for it.",
            ],
        ),
    ],
    version: "Version of the notice: {version}",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_step_and_placeholder() {
        for t in [&PUBLISH_IT, &PUBLISH_EN] {
            assert!(t.steps.iter().all(|s| !s.is_empty()));
            assert!(t.step_of.contains("{n}") && t.step_of.contains("{total}"));
            for p in ["{pec}", "{to}", "{code}"] {
                assert!(t.pec_steps.contains(p), "{p}");
            }
            assert!(t.expires.contains("{date}") && t.expires.contains("{time}"));
            assert!(t.counter.contains("{n}") && t.counter.contains("{max}"));
        }
        for n in [&NOTICE_IT, &NOTICE_EN] {
            assert_eq!(n.sections.len(), 8, "{}", n.title);
            assert!(n.version.contains("{version}"));
        }
    }
}
