//! The words of the school's decisions on a family's requests: the refusal reasons a family
//! reads, the decision forms of the requests page, the history of decisions. Italian first,
//! English second (same `Lang`).

use crate::i18n::Lang;
use domain::family::RefusalReason;

impl Lang {
    pub fn decisions(self) -> &'static DecisionTexts {
        match self {
            Lang::It => &DECISIONS_IT,
            Lang::En => &DECISIONS_EN,
            _ => crate::lingue::catalogue(self).map_or(&DECISIONS_IT, |c| &c.decisions),
        }
    }
}

impl DecisionTexts {
    /// A refusal reason, as the family and the staff read it.
    pub fn refusal(&self, r: RefusalReason) -> &'static str {
        match r {
            RefusalReason::ReasonNotAccepted => self.refusals[0],
            RefusalReason::DocumentsRequired => self.refusals[1],
            RefusalReason::NotAsRegistered => self.refusals[2],
            RefusalReason::TooLate => self.refusals[3],
            RefusalReason::DocumentsMissing => self.refusals[4],
            RefusalReason::NotACategory => self.refusals[5],
            RefusalReason::NotAssessable => self.refusals[6],
            RefusalReason::DatesNotDocumented => self.refusals[7],
        }
    }
}

/// The family's words of it are also read from a language's message file ([`crate::lingue`]).
#[derive(Clone)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct DecisionTexts {
    /// In `RefusalReason`'s order: the justification's four, then the derogation's four.
    pub refusals: [&'static str; 8],
    /// The family's line under a refused request: "Motivo: {reason}."
    pub family_refusal: &'static str,
    /// The family's line under a decided derogation.
    pub family_council: &'static str,
    pub refuse_reason: &'static str,
    pub refuse_reason_none: &'static str,
    pub council_legend: &'static str,
    pub council_date: &'static str,
    pub motivation: &'static str,
    pub motivation_hint: &'static str,
    pub documents: &'static str,
    pub council_only: &'static str,
    pub decided: &'static str,
    pub undone: &'static str,
    pub recent_title: &'static str,
    pub recent_lead: &'static str,
    pub undo: &'static str,
    pub undo_until: &'static str,
    pub history_link: &'static str,
    pub history_title: &'static str,
    pub history_lead: &'static str,
    pub history_none: &'static str,
    pub history_by: &'static str,
    pub history_by_gone: &'static str,
    pub history_undone: &'static str,
    pub history_council: &'static str,
    pub history_motivation: &'static str,
    pub history_documents_yes: &'static str,
    pub history_documents_no: &'static str,
    pub history_more: &'static str,
    pub back_requests: &'static str,
}

pub static DECISIONS_IT: DecisionTexts = DecisionTexts {
    refusals: [
        "il motivo indicato non è tra quelli che il regolamento della scuola accetta",
        "per questa assenza la scuola chiede la documentazione, da consegnare in segreteria",
        "l'assenza non corrisponde a quanto risulta dal registro",
        "inviata oltre il termine fissato dal regolamento della scuola",
        "la documentazione non è arrivata in segreteria",
        "il caso non rientra nelle deroghe adottate dalla scuola",
        "per il consiglio di classe la frequenza non dà elementi sufficienti per la valutazione",
        "le date non corrispondono alla documentazione consegnata",
    ],
    family_refusal: "Motivo: {reason}.",
    family_council: "Decisa dal consiglio di classe del {date}.",
    refuse_reason: "Motivo, se si respinge (la famiglia lo legge)",
    refuse_reason_none: "— scegliere per respingere —",
    council_legend: "La decisione del consiglio di classe",
    council_date: "Data del consiglio di classe",
    motivation: "Motivazione della delibera",
    motivation_hint: "Resta alla scuola: la famiglia non la vede. Non scrivere dati sulla salute: \
         la documentazione resta in segreteria.",
    documents: "La segreteria ha ricevuto la documentazione (necessario per accogliere)",
    council_only: "Sulle deroghe decide il consiglio di classe: la decisione la registrano il \
         coordinatore della classe o il dirigente scolastico.",
    decided:
        "Decisione registrata — {what} di {pupil}: {outcome}. Si può annullare fino alle {time}.",
    undone: "Decisione annullata: la richiesta è di nuovo in attesa.",
    recent_title: "Decisioni appena prese",
    recent_lead: "Chi ha preso una decisione può annullarla entro {minutes} minuti.",
    undo: "Annulla la decisione",
    undo_until: "annullabile fino alle {time}",
    history_link: "Richieste già decise",
    history_title: "Richieste decise",
    history_lead: "Le decisioni su giustificazioni e deroghe, dalla più recente, comprese quelle \
         annullate.",
    history_none: "Nessuna decisione.",
    history_by: "Decisa da {who} il {date} alle {time}",
    history_by_gone: "una persona non più nel personale",
    history_undone: "Annullata il {date} alle {time}",
    history_council: "Consiglio di classe del {date}",
    history_motivation: "Motivazione: {text}",
    history_documents_yes: "Documentazione ricevuta in segreteria",
    history_documents_no: "Documentazione non ricevuta in segreteria",
    history_more: "Decisioni precedenti",
    back_requests: "Richieste in attesa",
};

pub static DECISIONS_EN: DecisionTexts = DecisionTexts {
    refusals: [
        "the reason given is not one the school's rules accept",
        "the school asks for documents for this absence, to be handed to the office",
        "the absence does not match what the register says",
        "sent after the time limit set by the school's rules",
        "the documents did not reach the office",
        "the case is not one of the derogations the school adopted",
        "the class council finds the attendance gives too little to assess the pupil",
        "the dates do not match the documents handed in",
    ],
    family_refusal: "Reason: {reason}.",
    family_council: "Decided by the class council of {date}.",
    refuse_reason: "Reason, when refusing (the family reads it)",
    refuse_reason_none: "— choose to refuse —",
    council_legend: "The class council's decision",
    council_date: "Date of the class council",
    motivation: "Reason of the deliberation",
    motivation_hint: "Kept by the school: the family does not see it. Do not write health \
         details: the documents stay at the office.",
    documents: "The office has received the documents (needed to accept)",
    council_only: "Derogations are decided by the class council: the class coordinator or the \
         head teacher records the decision.",
    decided: "Decision recorded — {what} of {pupil}: {outcome}. It can be undone until {time}.",
    undone: "Decision undone: the request is pending again.",
    recent_title: "Decisions just taken",
    recent_lead: "Whoever took a decision can undo it within {minutes} minutes.",
    undo: "Undo the decision",
    undo_until: "can be undone until {time}",
    history_link: "Requests already decided",
    history_title: "Decided requests",
    history_lead: "Decisions on justifications and derogations, newest first, undone ones \
         included.",
    history_none: "No decisions.",
    history_by: "Decided by {who} on {date} at {time}",
    history_by_gone: "a person no longer on the staff",
    history_undone: "Undone on {date} at {time}",
    history_council: "Class council of {date}",
    history_motivation: "Reason: {text}",
    history_documents_yes: "Documents received by the office",
    history_documents_no: "Documents not received by the office",
    history_more: "Earlier decisions",
    back_requests: "Pending requests",
};

impl Default for DecisionTexts {
    fn default() -> Self {
        DECISIONS_IT.clone()
    }
}
