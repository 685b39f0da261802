//! The catalogue of the family portal and of the school's notices and requests: Italian first,
//! English second. Kept beside `i18n.rs` (same `Lang`), so each area's words are found together.

use crate::i18n::{Lang, Plural};
use domain::attendance::{AbsenceKind, SchoolGrade};
use domain::family::{Audience, Effect, JustificationReason, RequestStatus};

impl Lang {
    pub fn family(self) -> &'static FamilyTexts {
        match self {
            Lang::It => &FAMILY_IT,
            Lang::En => &FAMILY_EN,
            _ => crate::lingue::catalogue(self).map_or(&FAMILY_IT, |c| &c.family),
        }
    }

    /// A percentage to one decimal, as the language writes it: "48,8 %", "48.8 %" (the
    /// catalogue's decimal mark).
    pub fn percent(self, p: f64) -> String {
        let s = format!("{p:.1} %");
        s.replace('.', self.texts().decimal_mark)
    }
}

/// The words of the codes the API sends (`late_entry`, `pending`, …): one place for the pages
/// and the CSV files (`crate::exports`).
impl FamilyTexts {
    /// An absence kind: "Ingresso posticipato" for `deferred_entry`.
    pub fn kind(&self, k: AbsenceKind) -> &'static str {
        AbsenceKind::ALL
            .iter()
            .position(|x| *x == k)
            .and_then(|i| self.kinds.get(i))
            .copied()
            .unwrap_or_default()
    }

    /// A justification's reason: "Motivi di famiglia" for `family`.
    pub fn reason(&self, r: JustificationReason) -> &'static str {
        JustificationReason::ALL
            .iter()
            .position(|x| *x == r)
            .and_then(|i| self.reasons.get(i))
            .copied()
            .unwrap_or_default()
    }

    /// A school grade: "Secondaria di primo grado".
    pub fn grade(&self, g: SchoolGrade) -> &'static str {
        match g {
            SchoolGrade::Primaria => self.grades[0],
            SchoolGrade::SecondariaPrimoGrado => self.grades[1],
            SchoolGrade::SecondariaSecondoGrado => self.grades[2],
        }
    }

    /// Whom a notice is for, in words: "Tutta la scuola", "Primaria", "Classi P3C, P4A",
    /// "2 alunni".
    pub fn audience(&self, lang: Lang, a: &Audience) -> String {
        match a {
            Audience::School => self.sn_audience_school_words.to_owned(),
            Audience::Grade(g) => self.grade(*g).to_owned(),
            Audience::Classes(cs) => lang.count(
                &self.sn_audience_classes_words,
                cs.len() as u64,
                &[("classes", &cs.join(", "))],
            ),
            Audience::Pupils(ids) => {
                lang.count(&self.sn_audience_pupils_words, ids.len() as u64, &[])
            }
        }
    }

    /// A request's state, justification or derogation: "In attesa di decisione" for `pending`.
    pub fn request_status(&self, s: RequestStatus) -> &'static str {
        match s {
            RequestStatus::Pending => self.status_pending,
            RequestStatus::Approved => self.status_approved,
            RequestStatus::Refused => self.status_refused,
        }
    }

    /// A justification's state as the family's list of absences says it, with what to do.
    pub fn justification_status(&self, s: RequestStatus) -> &'static str {
        match s {
            RequestStatus::Pending => self.justification_pending,
            RequestStatus::Approved => self.justification_approved,
            RequestStatus::Refused => self.justification_refused,
        }
    }

    /// What an absence does to the count.
    pub fn effect(&self, e: Effect) -> &'static str {
        match e {
            Effect::Counted => self.effect_counted,
            Effect::PendingDeroga => self.effect_pending,
            Effect::Derogated => self.effect_derogated,
            Effect::NotCounted => self.effect_not_counted,
        }
    }
}

/// The family's words of it are also read from a language's message file ([`crate::lingue`]).
#[derive(Clone)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct FamilyTexts {
    pub title: &'static str,
    pub lead: &'static str,
    /// The offline note of a family page the phone kept: when that copy was made.
    pub saved_copy: &'static str,
    /// The one freshness line of a child's figures: the school's latest absences import.
    pub register_updated: &'static str,
    pub register_missing: &'static str,
    pub notices_link: &'static str,
    pub notices_unread: &'static str,
    pub export_title: &'static str,
    pub export_text: &'static str,
    pub export_json: &'static str,
    pub export_csv: &'static str,
    pub class_school: &'static str,
    pub gauge_text: &'static str,
    pub annual_share: &'static str,
    pub allowance_used: [&'static str; 10],
    pub counted: &'static str,
    pub remaining: &'static str,
    pub remaining_days: &'static str,
    pub derogated: &'static str,
    pub pending_deroga: &'static str,
    pub forecast: &'static str,
    pub forecast_on: &'static str,
    pub forecast_none: &'static str,
    pub crossed_on: &'static str,
    pub law159: &'static str,
    pub law159_days: Plural,
    pub law159_flagged: &'static str,
    pub law159_elusione: &'static str,
    pub status_ok: &'static str,
    pub status_attention: &'static str,
    pub status_at_risk: &'static str,
    pub status_exceeded: &'static str,
    /// What being over the limit means, after the position's words.
    pub exceeded_consequence: &'static str,
    pub actions: &'static str,
    pub actions_none: &'static str,
    pub action_justify: Plural,
    pub action_acknowledge: Plural,
    pub action_documents: Plural,
    pub action_documents_by: Plural,
    pub action_contact: &'static str,
    pub details_link: &'static str,
    pub hours_minutes: &'static str,
    pub hours_only: &'static str,
    /// Less than an hour: "50 min".
    pub minutes_only: &'static str,
    pub days: Plural,
    pub day_of: Plural,

    pub absences_title: &'static str,
    pub absences_none: &'static str,
    pub months: [&'static str; 12],
    pub weekdays: [&'static str; 7],
    pub kinds: [&'static str; 9],
    pub justified_yes: &'static str,
    pub justified_no: &'static str,
    pub effect_counted: &'static str,
    pub effect_pending: &'static str,
    pub effect_derogated: &'static str,
    pub effect_not_counted: &'static str,
    pub justification_pending: &'static str,
    pub justification_approved: &'static str,
    pub justification_refused: &'static str,
    /// "Da giustificare ({n})": the first list of a child's page.
    pub to_justify_title: &'static str,
    pub to_justify_lead: &'static str,
    pub to_justify_legend: &'static str,
    pub to_justify_reason: &'static str,
    pub to_justify_button: &'static str,
    pub to_justify_none: &'static str,
    /// An absence of the whole list that can be justified (a link to the first list).
    pub to_justify_state: &'static str,
    /// After sending: "{n}" absences, "{dates}".
    pub justified_sent: Plural,
    pub justify_privacy: &'static str,
    /// A kind where the pupil was at school: what the list says instead of "Non giustificata".
    pub presence_school_activity: &'static str,
    pub presence_suspension: &'static str,
    /// A form of the page that was refused: the heading of its message.
    pub form_problem: &'static str,
    pub deroga_open: &'static str,
    pub reasons: [&'static str; 5],

    pub deroga_title: &'static str,
    pub deroga_lead: &'static str,
    pub deroga_none: &'static str,
    pub deroga_category: &'static str,
    pub deroga_from: &'static str,
    pub deroga_to: &'static str,
    pub deroga_button: &'static str,
    pub deroga_documents: &'static str,
    pub deroga_range: &'static str,
    pub status_pending: &'static str,
    pub status_approved: &'static str,
    pub status_refused: &'static str,

    pub notices_title: &'static str,
    pub notices_lead: &'static str,
    pub notices_none: &'static str,
    pub notice_unread: &'static str,
    pub notice_read: &'static str,
    pub notice_published: &'static str,
    pub notice_ack_needed: &'static str,
    pub notice_ack_done: &'static str,
    pub notice_ack_button: &'static str,
    pub notice_for: &'static str,
    pub auto_title: &'static str,
    pub auto_threshold: &'static str,
    pub auto_exceeded: &'static str,
    pub auto_law159: &'static str,
    pub auto_elusione: &'static str,
    pub back_family: &'static str,
    pub back_notices: &'static str,

    pub error_title: &'static str,
    pub error_back: &'static str,

    pub school_notices_link: &'static str,
    pub school_requests_link: &'static str,
    pub sn_title: &'static str,
    pub sn_new: &'static str,
    pub sn_title_field: &'static str,
    pub sn_body_field: &'static str,
    pub sn_audience: &'static str,
    pub sn_audience_school: &'static str,
    pub sn_audience_grade: &'static str,
    /// A notice's audience in the school's list ([`FamilyTexts::audience`]).
    pub sn_audience_school_words: &'static str,
    pub sn_audience_classes_words: Plural,
    pub sn_audience_pupils_words: Plural,
    /// "Destinatari: {audience} · {n} alunni".
    pub sn_recipients: Plural,
    pub sn_audience_classes: &'static str,
    pub sn_audience_pupils: &'static str,
    /// Withdrawing a notice and reminding families, on the school's notice page.
    pub sn_withdraw_open: &'static str,
    pub sn_withdraw_text: &'static str,
    pub sn_withdraw_confirm: &'static str,
    pub sn_withdrawn: &'static str,
    pub sn_remind: Plural,
    pub sn_reminded: &'static str,
    /// A withdrawn notice, on the family's pages.
    pub notice_withdrawn: &'static str,
    pub notice_withdrawn_tag: &'static str,
    pub notice_reminded: &'static str,
    /// The notice form's lists of the school's own classes and pupils.
    pub sn_choose_classes: &'static str,
    pub sn_choose_pupils: &'static str,
    pub sn_choose_hint: &'static str,
    /// "P3C · 24 alunni", a class's pupils to choose from.
    pub sn_class_pupils: Plural,
    pub sn_requires_ack: &'static str,
    pub sn_publish: &'static str,
    /// The first step of the notice's form: who it reaches is shown before publishing.
    pub sn_check: &'static str,
    pub sn_check_again: &'static str,
    /// "Lo riceveranno le famiglie di 52 alunni — Classi P3C, S3E."
    pub sn_reaches: Plural,
    pub sn_reaches_next: &'static str,
    pub sn_list: &'static str,
    pub sn_none: &'static str,
    pub sn_acks: &'static str,
    pub sn_no_ack: &'static str,
    pub sn_col_class: &'static str,
    pub sn_col_recipients: &'static str,
    pub sn_col_acks: &'static str,
    pub sn_col_pupil: &'static str,
    pub sn_col_when: &'static str,
    pub sn_col_by: &'static str,
    pub sn_csv: &'static str,
    pub sn_not_yet: &'static str,
    pub grades: [&'static str; 3],

    pub rq_title: &'static str,
    pub rq_lead: &'static str,
    pub rq_none: &'static str,
    pub rq_justification: &'static str,
    pub rq_deroga: &'static str,
    pub rq_approve: &'static str,
    pub rq_refuse: &'static str,
    pub rq_requested: &'static str,

    /// The family's CSV export (`crate::exports::family_csv`): the columns, what each row is,
    /// the guardian's and the position's lines; `{name}`, `{when}` of an acknowledgement.
    pub csv_columns: [&'static str; 7],
    pub csv_guardian: &'static str,
    pub csv_position: &'static str,
    pub csv_absence: &'static str,
    pub csv_notice: &'static str,
    pub csv_full_name: &'static str,
    pub csv_tax_code: &'static str,
    pub csv_annual_hours: &'static str,
    pub csv_max_hours: &'static str,
    pub csv_ack_of: &'static str,
}

pub static FAMILY_IT: FamilyTexts = FamilyTexts {
    title: "La situazione dei suoi figli",
    lead: "Le assenze, quante ore possono ancora mancare e che cosa c'è da fare.",
    saved_copy: "Nessuna connessione: questa è la copia della pagina salvata il {date} alle {time}.",
    register_updated: "Registro aggiornato al {date}.",
    register_missing: "La scuola non ha ancora caricato le assenze in Ponte.",
    notices_link: "Avvisi della scuola",
    notices_unread: "{n} da leggere",
    export_title: "I suoi dati",
    export_text: "Può scaricare tutto ciò che Ponte conserva su di lei e sui suoi figli.",
    export_json: "Scarica i dati (JSON)",
    export_csv: "Scarica i dati (CSV, per il foglio di calcolo)",
    class_school: "Classe {class} · {school}",
    gauge_text: "Ore di assenza conteggiate: {counted} su un massimo di {max}.",
    annual_share: "Ha perso il {percent} delle ore dell'anno; il limite di legge è il {limit}.",
    allowance_used: [
        "non ha ancora usato nessuna delle ore che può perdere.",
        "ha usato poche delle ore che può perdere.",
        "ha usato circa un quarto delle ore che può perdere.",
        "ha usato circa un terzo delle ore che può perdere.",
        "ha usato circa metà delle ore che può perdere.",
        "ha usato circa due terzi delle ore che può perdere.",
        "ha usato circa tre quarti delle ore che può perdere.",
        "ha usato quasi tutte le ore che può perdere.",
        "ha usato tutte le ore che può perdere.",
        "ha superato le ore che può perdere.",
    ],
    counted: "Ore di assenza conteggiate",
    remaining: "Ore che può ancora perdere",
    remaining_days: "Giorni interi che può ancora perdere",
    derogated: "Ore tolte dal conteggio per deroga",
    pending_deroga: "Ore in deroga in attesa di decisione",
    forecast: "Previsione",
    forecast_on: "Al ritmo attuale il limite verrebbe superato il {date}.",
    forecast_none: "Al ritmo attuale il limite non viene superato.",
    crossed_on: "Il limite è stato superato il {date}.",
    law159: "Obbligo scolastico (legge 159/2023)",
    law159_days: Plural {
        one: "{n} giorno di assenza non giustificata negli ultimi tre mesi: la scuola deve segnalare chi supera i 15.",
        other: "{n} giorni di assenza non giustificata negli ultimi tre mesi: la scuola deve segnalare chi supera i 15.",
        ..Plural::TWO_FORMS
    },
    law159_flagged: "Il {date} sono stati superati i 15 giorni di assenza non giustificata in tre mesi: la scuola contatterà la famiglia.",
    law159_elusione: "Il {date} le assenze non giustificate hanno raggiunto un quarto del monte ore annuale.",
    status_ok: "Lontano dal limite",
    status_attention: "Attenzione",
    status_at_risk: "A rischio",
    status_exceeded: "Limite superato",
    exceeded_consequence: "L'anno è valido solo se il consiglio di classe riconosce una deroga.",
    actions: "Che cosa c'è da fare",
    actions_none: "Niente da fare per ora.",
    action_justify: Plural {
        one: "Giustificare {n} assenza",
        other: "Giustificare {n} assenze",
        ..Plural::TWO_FORMS
    },
    action_acknowledge: Plural {
        one: "Leggere e confermare {n} avviso",
        other: "Leggere e confermare {n} avvisi",
        ..Plural::TWO_FORMS
    },
    action_documents: Plural {
        one: "Consegnare in segreteria i documenti di {n} richiesta di deroga",
        other: "Consegnare in segreteria i documenti di {n} richieste di deroga",
        ..Plural::TWO_FORMS
    },
    action_documents_by: Plural {
        one: "Consegnare in segreteria i documenti di {n} richiesta di deroga entro il {date}",
        other: "Consegnare in segreteria i documenti di {n} richieste di deroga entro il {date}",
        ..Plural::TWO_FORMS
    },
    action_contact: "Parlare con la scuola della situazione delle assenze e, se ne ricorre il caso, chiedere una deroga",
    details_link: "Assenze, giustificazioni e deroghe di {name}",
    hours_minutes: "{h} h {m} min",
    hours_only: "{h} h",
    minutes_only: "{m} min",
    days: Plural {
        one: "{n} giorno",
        other: "{n} giorni",
        ..Plural::TWO_FORMS
    },
    day_of: Plural {
        one: "(da {n} ora)",
        other: "(da {n} ore)",
        ..Plural::TWO_FORMS
    },

    absences_title: "Tutte le assenze, mese per mese ({n})",
    absences_none: "Nessuna assenza registrata.",
    months: [
        "Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno", "Luglio", "Agosto",
        "Settembre", "Ottobre", "Novembre", "Dicembre",
    ],
    weekdays: ["lun", "mar", "mer", "gio", "ven", "sab", "dom"],
    kinds: [
        "Assenza giornaliera",
        "Ritardo",
        "Ingresso posticipato",
        "Uscita anticipata",
        "Astensione dalle lezioni",
        "Mancata partecipazione a un'uscita didattica",
        "Sospensione senza obbligo di frequenza",
        "Sospensione con obbligo di frequenza",
        "Attività organizzata dalla scuola",
    ],
    justified_yes: "Giustificata",
    justified_no: "Non giustificata",
    effect_counted: "conteggiata",
    effect_pending: "conteggiata, in attesa della deroga",
    effect_derogated: "non conteggiata: deroga accolta",
    effect_not_counted: "non conteggiata secondo il regolamento della scuola",
    justification_pending: "Giustificazione inviata, in attesa della scuola",
    justification_approved: "Giustificazione accolta",
    justification_refused: "Giustificazione respinta: può inviarne un'altra",
    to_justify_title: "Da giustificare ({n})",
    to_justify_lead: "Scelga le assenze e un solo motivo per tutte: la scuola deciderà.",
    to_justify_legend: "Assenze da giustificare",
    to_justify_reason: "Motivo delle assenze scelte",
    to_justify_button: "Giustifica le assenze scelte",
    to_justify_none: "Non ci sono assenze da giustificare.",
    to_justify_state: "Da giustificare",
    justified_sent: Plural {
        one: "Giustificazione inviata per {n} assenza ({dates}): la scuola deciderà.",
        other: "Giustificazioni inviate per {n} assenze ({dates}): la scuola deciderà.",
        ..Plural::TWO_FORMS
    },
    presence_school_activity: "Non conteggiata: attività della scuola",
    presence_suspension: "Non conteggiata: sospensione con obbligo di frequenza, a scuola",
    form_problem: "Non è stato inviato nulla",
    deroga_open: "Chiedi una deroga",
    justify_privacy: "Scelga solo il motivo: non scriva dettagli sulla salute. Se servono documenti, li porti in segreteria.",
    reasons: [
        "Motivi personali",
        "Motivi di famiglia",
        "Problemi di trasporto o maltempo",
        "Attività sportive, artistiche o culturali",
        "Altro motivo (ne parlerò con la scuola)",
    ],

    deroga_title: "Richieste di deroga",
    deroga_lead: "Se le assenze rientrano in un caso previsto dalla scuola (per esempio una lunga malattia documentata), può chiedere che non vengano conteggiate. Decide la scuola.",
    deroga_none: "Nessuna richiesta di deroga.",
    deroga_category: "Caso previsto dalla scuola",
    deroga_from: "Dal giorno",
    deroga_to: "Al giorno",
    deroga_button: "Chiedi la deroga",
    deroga_documents: "I documenti vanno consegnati alla segreteria della scuola: non si caricano su Ponte.",
    deroga_range: "dal {from} al {to}",
    status_pending: "In attesa di decisione",
    status_approved: "Accolta",
    status_refused: "Respinta",

    notices_title: "Avvisi della scuola",
    notices_lead: "Le comunicazioni della scuola ai suoi figli: prima quelle da leggere.",
    notices_none: "Nessun avviso.",
    notice_unread: "Da leggere",
    notice_read: "Letto",
    notice_published: "Pubblicato il {date}",
    notice_ack_needed: "La scuola chiede la presa visione.",
    notice_ack_done: "Presa visione registrata il {date} alle {time}.",
    notice_ack_button: "Confermo la presa visione",
    notice_for: "Per: {names}",
    auto_title: "Avvisi sulla frequenza",
    auto_threshold: "{name}: raggiunte {hours} ore di assenza ({date}). La scuola segnala la situazione al consiglio di classe.",
    auto_exceeded: "{name}: superato il limite di ore di assenza ({date}).",
    auto_law159: "{name}: più di 15 giorni di assenza non giustificata in tre mesi ({date}), legge 159/2023.",
    auto_elusione: "{name}: le assenze non giustificate hanno raggiunto un quarto del monte ore annuale ({date}).",
    back_family: "Torna alla situazione dei figli",
    back_notices: "Torna agli avvisi",

    error_title: "Richiesta non eseguita",
    error_back: "Torna indietro",

    school_notices_link: "Avvisi alle famiglie",
    school_requests_link: "Giustificazioni e richieste di deroga",
    sn_title: "Avvisi alle famiglie",
    sn_new: "Nuovo avviso",
    sn_title_field: "Titolo",
    sn_body_field: "Testo",
    sn_audience: "Destinatari",
    sn_audience_school: "Tutta la scuola",
    sn_audience_grade: "Un ordine di scuola",
    sn_audience_school_words: "Tutta la scuola",
    sn_audience_classes_words: Plural {
        one: "Classe {classes}",
        other: "Classi {classes}",
        ..Plural::TWO_FORMS
    },
    sn_audience_pupils_words: Plural {
        one: "{n} alunno",
        other: "{n} alunni",
        ..Plural::TWO_FORMS
    },
    sn_recipients: Plural {
        one: "Destinatari: {audience} · {n} alunno raggiunto",
        other: "Destinatari: {audience} · {n} alunni raggiunti",
        ..Plural::TWO_FORMS
    },
    sn_audience_classes: "Alcune classi",
    sn_audience_pupils: "Alcuni alunni",
    sn_withdraw_open: "Ritira l'avviso",
    sn_withdraw_text: "L'avviso resterà nel registro, segnato come ritirato: le famiglie lo vedranno come tale e non dovranno più prenderne visione. Non si può annullare.",
    sn_withdraw_confirm: "Sì, ritira l'avviso",
    sn_withdrawn: "Ritirato il {date}",
    sn_remind: Plural {
        one: "Invia un promemoria a chi non ha preso visione ({n} alunno)",
        other: "Invia un promemoria a chi non ha preso visione ({n} alunni)",
        ..Plural::TWO_FORMS
    },
    sn_reminded: "Ultimo promemoria inviato il {date}",
    notice_withdrawn: "La scuola ha ritirato questo avviso il {date}: non deve fare nulla.",
    notice_withdrawn_tag: "Ritirato dalla scuola",
    notice_reminded: "Promemoria della scuola del {date}",
    sn_choose_classes: "Scegli le classi",
    sn_choose_pupils: "Scegli gli alunni, classe per classe",
    sn_choose_hint: "Valgono se sopra è indicato «Alcune classi» o «Alcuni alunni».",
    sn_class_pupils: Plural {
        one: "{class} · {n} alunno",
        other: "{class} · {n} alunni",
        ..Plural::TWO_FORMS
    },
    sn_requires_ack: "Chiedi la presa visione",
    sn_publish: "Pubblica l'avviso",
    sn_check: "Controlla i destinatari",
    sn_check_again: "Controlla di nuovo i destinatari",
    sn_reaches: Plural {
        one: "Lo riceverà la famiglia di {n} alunno — {audience}.",
        other: "Lo riceveranno le famiglie di {n} alunni — {audience}.",
        ..Plural::TWO_FORMS
    },
    sn_reaches_next: "Se è giusto, pubblicalo; altrimenti cambia i destinatari e controlla di nuovo.",
    sn_list: "Avvisi pubblicati",
    sn_none: "Nessun avviso pubblicato.",
    sn_acks: "Prese visione: {n} su {total} ({percent})",
    sn_no_ack: "Senza presa visione",
    sn_col_class: "Classe",
    sn_col_recipients: "Alunni",
    sn_col_acks: "Prese visione",
    sn_col_pupil: "Alunno",
    sn_col_when: "Quando",
    sn_col_by: "Da",
    sn_csv: "Scarica l'elenco (CSV)",
    sn_not_yet: "non ancora",
    grades: ["Primaria", "Secondaria di primo grado", "Secondaria di secondo grado"],

    rq_title: "Giustificazioni e richieste di deroga",
    rq_lead: "Le richieste delle famiglie in attesa di decisione, dalla più vecchia.",
    rq_none: "Nessuna richiesta in attesa.",
    rq_justification: "Giustificazione",
    rq_deroga: "Richiesta di deroga",
    rq_approve: "Accogli",
    rq_refuse: "Respingi",
    rq_requested: "Inviata il {date}",
    csv_columns: ["Tipo", "Alunno", "Data", "Voce", "Durata", "Stato", "Dettaglio"],
    csv_guardian: "Genitore",
    csv_position: "Situazione",
    csv_absence: "Assenza",
    csv_notice: "Avviso",
    csv_full_name: "Nome e cognome",
    csv_tax_code: "Codice fiscale",
    csv_annual_hours: "Monte ore annuale",
    csv_max_hours: "Massimo di ore di assenza",
    csv_ack_of: "Presa visione per {name}: {when}",
};

pub static FAMILY_EN: FamilyTexts = FamilyTexts {
    title: "Your children's attendance",
    lead: "Absences, how many hours can still be missed, and what needs doing.",
    saved_copy: "No connection: this is the copy of the page saved on {date} at {time}.",
    register_updated: "Register updated on {date}.",
    register_missing: "The school has not loaded its absences into Ponte yet.",
    notices_link: "School notices",
    notices_unread: "{n} unread",
    export_title: "Your data",
    export_text: "You can download everything Ponte holds about you and your children.",
    export_json: "Download your data (JSON)",
    export_csv: "Download your data (CSV, for spreadsheets)",
    class_school: "Class {class} · {school}",
    gauge_text: "Absence hours counted: {counted} of a maximum of {max}.",
    annual_share: "Missed {percent} of the year's hours; the legal limit is {limit}.",
    allowance_used: [
        "has used none of the hours that may be missed yet.",
        "has used a few of the hours that may be missed.",
        "has used about a quarter of the hours that may be missed.",
        "has used about a third of the hours that may be missed.",
        "has used about half of the hours that may be missed.",
        "has used about two thirds of the hours that may be missed.",
        "has used about three quarters of the hours that may be missed.",
        "has used almost all of the hours that may be missed.",
        "has used all of the hours that may be missed.",
        "has gone over the hours that may be missed.",
    ],
    counted: "Absence hours counted",
    remaining: "Hours that can still be missed",
    remaining_days: "Whole days that can still be missed",
    derogated: "Hours taken out by derogation",
    pending_deroga: "Derogation hours awaiting decision",
    forecast: "Forecast",
    forecast_on: "At the current pace the limit would be exceeded on {date}.",
    forecast_none: "At the current pace the limit is not exceeded.",
    crossed_on: "The limit was exceeded on {date}.",
    law159: "Compulsory schooling (Law 159/2023)",
    law159_days: Plural {
        one: "{n} day of unjustified absence in the last three months: the school must report more than 15.",
        other: "{n} days of unjustified absence in the last three months: the school must report more than 15.",
        ..Plural::TWO_FORMS
    },
    law159_flagged: "On {date} unjustified absence exceeded 15 days in three months: the school will contact the family.",
    law159_elusione: "On {date} unjustified absence reached a quarter of the annual hours.",
    status_ok: "Far from the limit",
    status_attention: "Attention",
    status_at_risk: "At risk",
    status_exceeded: "Limit exceeded",
    exceeded_consequence: "The year is valid only if the class council grants a derogation.",
    actions: "What needs doing",
    actions_none: "Nothing to do for now.",
    action_justify: Plural {
        one: "Justify {n} absence",
        other: "Justify {n} absences",
        ..Plural::TWO_FORMS
    },
    action_acknowledge: Plural {
        one: "Read and acknowledge {n} notice",
        other: "Read and acknowledge {n} notices",
        ..Plural::TWO_FORMS
    },
    action_documents: Plural {
        one: "Bring the documents of {n} derogation request to the school office",
        other: "Bring the documents of {n} derogation requests to the school office",
        ..Plural::TWO_FORMS
    },
    action_documents_by: Plural {
        one: "Bring the documents of {n} derogation request to the school office by {date}",
        other: "Bring the documents of {n} derogation requests to the school office by {date}",
        ..Plural::TWO_FORMS
    },
    action_contact: "Talk to the school about absences and, if it applies, ask for a derogation",
    details_link: "Absences, justifications and derogations of {name}",
    hours_minutes: "{h} h {m} min",
    hours_only: "{h} h",
    minutes_only: "{m} min",
    days: Plural {
        one: "{n} day",
        other: "{n} days",
        ..Plural::TWO_FORMS
    },
    day_of: Plural {
        one: "(of {n} hour)",
        other: "(of {n} hours)",
        ..Plural::TWO_FORMS
    },

    absences_title: "All absences, month by month ({n})",
    absences_none: "No absences recorded.",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    kinds: [
        "Whole-day absence",
        "Late entry",
        "Deferred entry",
        "Early exit",
        "Abstention from lessons",
        "Missed school trip",
        "Suspension without attendance",
        "Suspension with attendance",
        "School activity",
    ],
    justified_yes: "Justified",
    justified_no: "Not justified",
    effect_counted: "counted",
    effect_pending: "counted, derogation awaiting decision",
    effect_derogated: "not counted: derogation granted",
    effect_not_counted: "not counted under the school's rules",
    justification_pending: "Justification sent, awaiting the school",
    justification_approved: "Justification accepted",
    justification_refused: "Justification refused: you can send another",
    to_justify_title: "To justify ({n})",
    to_justify_lead: "Choose the absences and one reason for all of them: the school will decide.",
    to_justify_legend: "Absences to justify",
    to_justify_reason: "Reason for the chosen absences",
    to_justify_button: "Justify the chosen absences",
    to_justify_none: "There are no absences to justify.",
    to_justify_state: "To justify",
    justified_sent: Plural {
        one: "Justification sent for {n} absence ({dates}): the school will decide.",
        other: "Justifications sent for {n} absences ({dates}): the school will decide.",
        ..Plural::TWO_FORMS
    },
    presence_school_activity: "Not counted: school activity",
    presence_suspension: "Not counted: suspension with attendance, at school",
    form_problem: "Nothing was sent",
    deroga_open: "Ask for a derogation",
    justify_privacy: "Choose the reason only: write no health details. Bring any documents to the school office.",
    reasons: [
        "Personal reasons",
        "Family reasons",
        "Transport problems or bad weather",
        "Sports, artistic or cultural activities",
        "Other reason (I will talk to the school)",
    ],

    deroga_title: "Derogation requests",
    deroga_lead: "If absences fall under a case the school allows (for example a documented long illness), you can ask that they are not counted. The school decides.",
    deroga_none: "No derogation requests.",
    deroga_category: "Case allowed by the school",
    deroga_from: "From",
    deroga_to: "To",
    deroga_button: "Ask for the derogation",
    deroga_documents: "Documents go to the school office: they are not uploaded to Ponte.",
    deroga_range: "from {from} to {to}",
    status_pending: "Awaiting decision",
    status_approved: "Granted",
    status_refused: "Refused",

    notices_title: "School notices",
    notices_lead: "The school's messages about your children: unread first.",
    notices_none: "No notices.",
    notice_unread: "Unread",
    notice_read: "Read",
    notice_published: "Published on {date}",
    notice_ack_needed: "The school asks you to acknowledge it.",
    notice_ack_done: "Acknowledged on {date} at {time}.",
    notice_ack_button: "I acknowledge this notice",
    notice_for: "For: {names}",
    auto_title: "Attendance notices",
    auto_threshold: "{name}: {hours} absence hours reached ({date}). The school reports it to the class council.",
    auto_exceeded: "{name}: absence limit exceeded ({date}).",
    auto_law159: "{name}: more than 15 days of unjustified absence in three months ({date}), Law 159/2023.",
    auto_elusione: "{name}: unjustified absence reached a quarter of the annual hours ({date}).",
    back_family: "Back to your children",
    back_notices: "Back to notices",

    error_title: "Request not carried out",
    error_back: "Go back",

    school_notices_link: "Notices to families",
    school_requests_link: "Justifications and derogation requests",
    sn_title: "Notices to families",
    sn_new: "New notice",
    sn_title_field: "Title",
    sn_body_field: "Text",
    sn_audience: "Recipients",
    sn_audience_school: "The whole school",
    sn_audience_grade: "One school grade",
    sn_audience_school_words: "The whole school",
    sn_audience_classes_words: Plural {
        one: "Class {classes}",
        other: "Classes {classes}",
        ..Plural::TWO_FORMS
    },
    sn_audience_pupils_words: Plural {
        one: "{n} pupil",
        other: "{n} pupils",
        ..Plural::TWO_FORMS
    },
    sn_recipients: Plural {
        one: "Recipients: {audience} · {n} pupil reached",
        other: "Recipients: {audience} · {n} pupils reached",
        ..Plural::TWO_FORMS
    },
    sn_audience_classes: "Some classes",
    sn_audience_pupils: "Some pupils",
    sn_withdraw_open: "Withdraw the notice",
    sn_withdraw_text: "The notice will stay in the record, marked as withdrawn: families will see it as such and will no longer need to acknowledge it. This cannot be undone.",
    sn_withdraw_confirm: "Yes, withdraw the notice",
    sn_withdrawn: "Withdrawn on {date}",
    sn_remind: Plural {
        one: "Send a reminder to those who have not acknowledged ({n} pupil)",
        other: "Send a reminder to those who have not acknowledged ({n} pupils)",
        ..Plural::TWO_FORMS
    },
    sn_reminded: "Last reminder sent on {date}",
    notice_withdrawn: "The school withdrew this notice on {date}: you need to do nothing.",
    notice_withdrawn_tag: "Withdrawn by the school",
    notice_reminded: "Reminder from the school of {date}",
    sn_choose_classes: "Choose the classes",
    sn_choose_pupils: "Choose the pupils, class by class",
    sn_choose_hint: "They count when «Some classes» or «Some pupils» is chosen above.",
    sn_class_pupils: Plural {
        one: "{class} · {n} pupil",
        other: "{class} · {n} pupils",
        ..Plural::TWO_FORMS
    },
    sn_requires_ack: "Ask for acknowledgement",
    sn_publish: "Publish the notice",
    sn_check: "Check the recipients",
    sn_check_again: "Check the recipients again",
    sn_reaches: Plural {
        one: "The family of {n} pupil will receive it — {audience}.",
        other: "The families of {n} pupils will receive it — {audience}.",
        ..Plural::TWO_FORMS
    },
    sn_reaches_next: "If that is right, publish it; otherwise change the recipients and check again.",
    sn_list: "Published notices",
    sn_none: "No notices published.",
    sn_acks: "Acknowledged: {n} of {total} ({percent})",
    sn_no_ack: "No acknowledgement asked",
    sn_col_class: "Class",
    sn_col_recipients: "Pupils",
    sn_col_acks: "Acknowledged",
    sn_col_pupil: "Pupil",
    sn_col_when: "When",
    sn_col_by: "By",
    sn_csv: "Download the list (CSV)",
    sn_not_yet: "not yet",
    grades: ["Primary", "Lower secondary", "Upper secondary"],

    rq_title: "Justifications and derogation requests",
    rq_lead: "Families' requests awaiting a decision, oldest first.",
    rq_none: "No pending requests.",
    rq_justification: "Justification",
    rq_deroga: "Derogation request",
    rq_approve: "Accept",
    rq_refuse: "Refuse",
    rq_requested: "Sent on {date}",
    csv_columns: ["Kind", "Pupil", "Date", "Item", "Duration", "State", "Detail"],
    csv_guardian: "Parent",
    csv_position: "Position",
    csv_absence: "Absence",
    csv_notice: "Notice",
    csv_full_name: "Full name",
    csv_tax_code: "Tax code",
    csv_annual_hours: "Annual hours",
    csv_max_hours: "Maximum absence hours",
    csv_ack_of: "Acknowledged for {name}: {when}",
};

impl Default for FamilyTexts {
    fn default() -> Self {
        FAMILY_IT.clone()
    }
}
