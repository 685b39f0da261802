//! The catalogue of the pages every footer links to: the privacy page (who the controller is,
//! with the deployment's contacts) and the accessibility statement (AgID's model, Linee guida
//! sull'accessibilità degli strumenti informatici, 2020). Italian first (the text that counts),
//! English second. Rendered on the server only.

use crate::i18n::Lang;

impl Lang {
    pub fn info(self) -> &'static InfoTexts {
        match self {
            Lang::It => &INFO_IT,
            Lang::En => &INFO_EN,
            _ => crate::lingue::catalogue(self).map_or(&INFO_IT, |c| &c.info),
        }
    }
}

/// The family's words of it are also read from a language's message file ([`crate::lingue`]).
#[derive(Clone)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct InfoTexts {
    pub footer_privacy: &'static str,
    pub footer_accessibility: &'static str,
    /// `/traduzioni`: what the translations are and how to report an error (`{email}`).
    pub translations_title: &'static str,
    pub translations_text: &'static str,
    pub translations_report: &'static str,
    pub translations_languages: &'static str,

    pub privacy_title: &'static str,
    pub privacy_lead: &'static str,
    pub controller_title: &'static str,
    /// For the register's data: the school is the controller, the operator processes them.
    pub controller_schools: &'static str,
    /// For the hosts' profiles and declarations: the operator is the controller.
    pub controller_hosts: &'static str,
    pub operator_label: &'static str,
    pub address_label: &'static str,
    pub email_label: &'static str,
    pub pec_label: &'static str,
    pub dpo_label: &'static str,
    /// Shown when the deployment has not set the controller: "{settings}" names what is missing.
    pub controller_missing: &'static str,
    pub data_title: &'static str,
    pub data_text: &'static [&'static str],
    pub hosts_notice_link: &'static str,
    pub rights_title: &'static str,
    pub rights_text: &'static [&'static str],
    /// Where to complain, written out (not a link to another origin).
    pub garante_where: &'static str,

    pub a11y_title: &'static str,
    pub a11y_lead: &'static str,
    pub a11y_status_title: &'static str,
    pub a11y_status: &'static str,
    pub a11y_gaps_title: &'static str,
    pub a11y_gaps: &'static [&'static str],
    pub a11y_method_title: &'static str,
    /// "{date}": when the statement was last reviewed.
    pub a11y_method: &'static str,
    pub a11y_feedback_title: &'static str,
    /// Before the operator's e-mail link.
    pub a11y_feedback: &'static str,
    pub a11y_enforcement_title: &'static str,
    pub a11y_enforcement: &'static str,
    pub a11y_enforcement_where: &'static str,
}

pub static INFO_IT: InfoTexts = InfoTexts {
    footer_privacy: "Privacy e titolare del trattamento",
    footer_accessibility: "Dichiarazione di accessibilità",
    translations_title: "Le traduzioni di Ponte",
    translations_text: "Le pagine per le famiglie, gli avvisi automatici e le lettere della scuola sono tradotti dal gruppo di lavoro di Ponte, non da un servizio di traduzione automatica: nessun dato viene inviato altrove. Il testo che fa fede è sempre quello in italiano, a un tocco di distanza sotto ogni avviso e lettera tradotti. Gli avvisi scritti dalla scuola sono in italiano; la segreteria può aggiungerne una versione in altre lingue.",
    translations_report: "Se trova un errore in una traduzione, lo scriva a {email} indicando la lingua e la pagina, oppure lo segnali alla segreteria della scuola.",
    translations_languages: "Lingue disponibili",

    privacy_title: "Privacy",
    privacy_lead: "Chi tratta i dati personali in Ponte, per quali scopi e come esercitare i propri diritti (Regolamento UE 2016/679).",
    controller_title: "Titolare del trattamento",
    controller_schools: "Per i dati del registro (alunni, genitori e tutori, personale, assenze, giustificazioni, deroghe, avvisi e prese visione) il titolare è la scuola che li invia: per ogni richiesta ci si rivolga alla sua segreteria. Il gestore di Ponte li tratta per conto della scuola, come responsabile del trattamento (art. 28 del Regolamento).",
    controller_hosts: "Per i profili degli enti ospitanti e per le dichiarazioni con cui vengono pubblicati il titolare è il gestore di Ponte.",
    operator_label: "Gestore di Ponte",
    address_label: "Sede",
    email_label: "E-mail",
    pec_label: "PEC",
    dpo_label: "Responsabile della protezione dei dati (RPD)",
    controller_missing: "Il gestore di questa installazione di Ponte non ha ancora indicato i propri dati (impostazioni mancanti: {settings}). Fino ad allora si rivolga alla segreteria della scuola.",
    data_title: "Quali dati e per quanto tempo",
    data_text: &[
        "Ponte conserva solo i dati necessari a calcolare le assenze secondo le regole della scuola e a comunicare con le famiglie: nessun dato sanitario, nessuna profilazione, nessuna cessione a terzi, nessuna risorsa caricata da altri siti.",
        "L'accesso avviene con SPID o CIE, che comunicano a Ponte solo il codice fiscale e il nome. Ogni dato ha un periodo di conservazione, dopo il quale una cancellazione automatica quotidiana lo elimina.",
        "Ogni genitore o tutore può scaricare in qualsiasi momento tutti i dati che Ponte conserva su di lui e sui suoi figli dalla propria area.",
    ],
    hosts_notice_link: "Informativa per gli enti ospitanti che pubblicano un profilo",
    rights_title: "I suoi diritti",
    rights_text: &[
        "Può chiedere l'accesso ai dati, la rettifica, la cancellazione o la limitazione del trattamento, e opporsi, nei casi previsti dagli articoli 15-22 del Regolamento, scrivendo al titolare.",
        "Se ritiene che il trattamento violi il Regolamento può proporre reclamo al Garante per la protezione dei dati personali.",
    ],
    garante_where: "Garante per la protezione dei dati personali: www.garanteprivacy.it",

    a11y_title: "Dichiarazione di accessibilità",
    a11y_lead: "Il gestore di Ponte si impegna a rendere il servizio accessibile, conformemente alla legge 9 gennaio 2004, n. 4, e alle Linee guida AgID sull'accessibilità degli strumenti informatici. La dichiarazione riguarda tutte le pagine di Ponte.",
    a11y_status_title: "Stato di conformità",
    a11y_status: "Ponte è parzialmente conforme ai requisiti della norma UNI CEI EN 301549 (WCAG 2.1 livello AA), per i contenuti non accessibili indicati sotto.",
    a11y_gaps_title: "Contenuti non accessibili",
    a11y_gaps: &[
        "La pubblicazione del profilo di un ente ospitante richiede JavaScript attivo nel browser; l'informativa si legge anche senza.",
        "La firma digitale della dichiarazione di un'impresa si fa con gli strumenti del proprio fornitore di firma, fuori da Ponte: la loro accessibilità non dipende da Ponte.",
        "Le pagine sono in italiano e in inglese; le altre lingue delle famiglie non sono ancora disponibili.",
    ],
    a11y_method_title: "Redazione della dichiarazione",
    a11y_method: "Dichiarazione redatta il {date} con un'autovalutazione: ogni modifica del codice è verificata da test automatici (axe-core senza violazioni e Lighthouse con punteggio di accessibilità 100 sulle pagine principali, uso con la sola tastiera, schermo largo 360 pixel) e dalla revisione delle schermate.",
    a11y_feedback_title: "Meccanismo di feedback e informazioni di contatto",
    a11y_feedback: "Per segnalare un contenuto non accessibile o chiedere un'informazione in forma accessibile scriva al gestore di Ponte:",
    a11y_enforcement_title: "Procedura di attuazione",
    a11y_enforcement: "Se la risposta non arriva entro trenta giorni o non è soddisfacente, può rivolgersi al Difensore civico per il digitale presso AgID.",
    a11y_enforcement_where: "Il modulo di segnalazione al Difensore civico per il digitale è sul sito dell'AgID: form.agid.gov.it",
};

pub static INFO_EN: InfoTexts = InfoTexts {
    footer_privacy: "Privacy and data controller",
    footer_accessibility: "Accessibility statement",
    translations_title: "Ponte's translations",
    translations_text: "The family pages, the automatic notices and the school's letters are translated by Ponte's team, not by an automatic translation service: no data is sent anywhere else. The text that counts is always the Italian one, one tap away under every translated notice and letter. The notices the school writes are in Italian; the school office may add a version in other languages.",
    translations_report: "If you find an error in a translation, write to {email} saying the language and the page, or tell the school office.",
    translations_languages: "Languages available",

    privacy_title: "Privacy",
    privacy_lead: "Who processes personal data in Ponte, for what, and how to exercise your rights (Regulation (EU) 2016/679). The Italian text is the one that counts.",
    controller_title: "Data controller",
    controller_schools: "For the register's data (pupils, parents and guardians, staff, absences, justifications, derogations, notices and acknowledgements) the controller is the school that sends them: ask its office for any request. The operator of Ponte processes them on the school's behalf, as processor (art. 28 of the Regulation).",
    controller_hosts: "For the host organisations' profiles and the declarations that publish them, the controller is the operator of Ponte.",
    operator_label: "Operator of Ponte",
    address_label: "Address",
    email_label: "E-mail",
    pec_label: "PEC",
    dpo_label: "Data protection officer (DPO)",
    controller_missing: "The operator of this installation of Ponte has not given its details yet (settings missing: {settings}). Until then, ask the school office.",
    data_title: "Which data, and for how long",
    data_text: &[
        "Ponte keeps only the data needed to count absences by the school's rules and to communicate with families: no health details, no profiling, no transfer to third parties, nothing loaded from other sites.",
        "Sign-in is through SPID or CIE, which give Ponte only the codice fiscale and the name. Each datum has a retention period, after which a daily automatic deletion removes it.",
        "Every parent or guardian can download at any time all the data Ponte keeps about them and their children from their own area.",
    ],
    hosts_notice_link: "Notice for host organisations that publish a profile",
    rights_title: "Your rights",
    rights_text: &[
        "You may ask for access, rectification, erasure or restriction of processing, and object, in the cases set out by articles 15-22 of the Regulation, by writing to the controller.",
        "If you consider that the processing breaches the Regulation you may lodge a complaint with the Garante per la protezione dei dati personali.",
    ],
    garante_where: "Garante per la protezione dei dati personali: www.garanteprivacy.it",

    a11y_title: "Accessibility statement",
    a11y_lead: "The operator of Ponte is committed to making the service accessible, in accordance with Law 4 of 9 January 2004 and AgID's guidelines on the accessibility of IT tools. This statement covers every page of Ponte.",
    a11y_status_title: "Compliance status",
    a11y_status: "Ponte is partially compliant with the requirements of UNI CEI EN 301549 (WCAG 2.1 level AA), because of the non-accessible content listed below.",
    a11y_gaps_title: "Non-accessible content",
    a11y_gaps: &[
        "Publishing a host organisation's profile needs JavaScript enabled in the browser; the privacy notice can be read without it.",
        "A company signs its declaration digitally with its signature provider's tools, outside Ponte: their accessibility does not depend on Ponte.",
        "Pages are in Italian and English; the other languages of families are not available yet.",
    ],
    a11y_method_title: "Preparation of this statement",
    a11y_method: "Statement prepared on {date} by self-assessment: every change to the code is checked by automated tests (axe-core with no violations and a Lighthouse accessibility score of 100 on the main pages, keyboard-only use, a 360-pixel-wide screen) and by reviewing screenshots.",
    a11y_feedback_title: "Feedback and contact information",
    a11y_feedback: "To report non-accessible content or ask for information in an accessible form, write to the operator of Ponte:",
    a11y_enforcement_title: "Enforcement procedure",
    a11y_enforcement: "If there is no answer within thirty days, or it is unsatisfactory, you can turn to the Digital Ombudsman at AgID.",
    a11y_enforcement_where: "The form to report to the Digital Ombudsman is on AgID's site: form.agid.gov.it",
};

impl Default for InfoTexts {
    fn default() -> Self {
        INFO_IT.clone()
    }
}
