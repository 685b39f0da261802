//! The words of the school's Law 159/2023 cases (`/scuola/{id}/obbligo`), the letter to the
//! family, the reports to the mayor, the family's line on the dashboard and the school home's
//! deadlines. The legal references are those seed 003 quotes: art. 114, c. 4–5, of D.Lgs.
//! 297/1994 as replaced by art. 12 of Law 159/2023. Beside them, on the same desk, the written
//! notice of repeated late entries seed 003 describes ("invio di informativa scritta alle
//! relative famiglie in situazione di frequenza non regolare e/o presenza di ritardi reiterati
//! in ingresso"): the `late_*` texts, the `late_notice_*` ones family-facing. Italian first,
//! English second.

use crate::i18n::Lang;
use crate::i18n::{date_it, fill};
use domain::attendance::law159::cases::{CaseState, Channel, CloseReason, NextStep};
use domain::attendance::{NextYearChoice, Outcome, SchoolStatus, WithdrawalKind};

impl Lang {
    pub fn law159(self) -> &'static Law159Texts {
        match self {
            Lang::It => &LAW159_IT,
            Lang::En => &LAW159_EN,
            _ => crate::lingue::catalogue(self).map_or(&LAW159_IT, |c| &c.law159),
        }
    }
}

impl Law159Texts {
    pub fn state(&self, s: CaseState) -> &'static str {
        match s {
            CaseState::Open => self.states[0],
            CaseState::FamilyNotified => self.states[1],
            CaseState::Resumed => self.states[2],
            CaseState::ReportedToMayor => self.states[3],
            CaseState::Closed => self.states[4],
            CaseState::YearEnded => self.states[5],
            CaseState::NotDetected => self.states[6],
        }
    }

    /// The next step, with `{date}`.
    pub fn step(&self, s: NextStep) -> &'static str {
        match s {
            NextStep::NotifyFamily => self.steps[0],
            NextStep::AwaitReturn => self.steps[1],
            NextStep::NotifyMayor => self.steps[2],
            NextStep::ReportElusione => self.steps[3],
        }
    }

    pub fn channel(&self, c: Channel) -> &'static str {
        match c {
            Channel::Letter => self.channels[0],
            Channel::Notice => self.channels[1],
        }
    }

    /// What the `alunni` file says of the pupil beyond attendance, line by line (withdrawal,
    /// home schooling, next year's choice, outcome).
    pub fn standing_lines(&self, s: &SchoolStatus) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(w) = s.withdrawal {
            let kind = match w.kind {
                WithdrawalKind::Ritiro => self.withdrawal_kinds[0],
                WithdrawalKind::Abbandono => self.withdrawal_kinds[1],
                WithdrawalKind::Trasferimento => self.withdrawal_kinds[2],
            };
            out.push(fill(
                self.withdrawal,
                &[("date", &date_it(w.on)), ("kind", kind)],
            ));
        }
        if s.home_schooling {
            out.push(self.home_schooling.to_owned());
        }
        if let Some(c) = s.next_year {
            let choice = match c {
                NextYearChoice::Istruzione => self.choices[0],
                NextYearChoice::Iefp => self.choices[1],
                NextYearChoice::Apprendistato => self.choices[2],
                NextYearChoice::Nessuna => self.choices[3],
            };
            out.push(fill(self.next_year, &[("choice", choice)]));
        }
        if let Some(o) = s.outcome {
            let outcome = match o {
                Outcome::Ammesso => self.outcomes[0],
                Outcome::NonAmmesso => self.outcomes[1],
                Outcome::GiudizioSospeso => self.outcomes[2],
            };
            out.push(fill(self.outcome, &[("outcome", outcome)]));
        }
        out
    }

    pub fn reason(&self, r: CloseReason) -> &'static str {
        match r {
            CloseReason::Justified => self.reasons[0],
            CloseReason::Transferred => self.reasons[1],
            CloseReason::HomeSchooling => self.reasons[2],
            CloseReason::Other => self.reasons[3],
        }
    }
}

/// The family's words of it are also read from a language's message file ([`crate::lingue`]).
#[derive(Clone)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Law159Texts {
    pub title: &'static str,
    pub lead: &'static str,
    pub link: &'static str,
    pub as_of: &'static str,
    pub none: &'static str,
    pub count: &'static str,
    pub table_label: &'static str,
    /// Pupil, class, state, next step.
    pub columns: [&'static str; 4],
    /// In `CaseState`'s order.
    pub states: [&'static str; 7],
    /// In `NextStep`'s order, with `{date}`.
    pub steps: [&'static str; 4],
    pub overdue: &'static str,
    /// Letter, notice in Ponte.
    pub channels: [&'static str; 2],
    /// In `CloseReason`'s order.
    pub reasons: [&'static str; 4],
    pub back: &'static str,
    pub open_case: &'static str,
    pub standing: &'static str,
    pub by_age: &'static str,
    pub by_grade: &'static str,
    pub not_subject: &'static str,
    pub case_heading: &'static str,
    pub window: &'static str,
    pub notified: &'static str,
    pub resume_by: &'static str,
    pub resumed: &'static str,
    pub mayor_due: &'static str,
    pub mayor_done: &'static str,
    pub mayor_late: &'static str,
    pub closed: &'static str,
    pub elusione_heading: &'static str,
    pub elusione_line: &'static str,
    pub elusione_reported: &'static str,
    pub date_label: &'static str,
    pub channel_label: &'static str,
    pub reason_label: &'static str,
    pub form_notify: &'static str,
    pub form_mayor: &'static str,
    pub form_close: &'static str,
    pub form_elusione: &'static str,
    pub mayor_only: &'static str,
    pub letter_link: &'static str,
    pub report_link: &'static str,
    pub elusione_link: &'static str,
    pub history: &'static str,
    pub history_none: &'static str,
    /// In `Step`'s order (family, mayor, closed, elusione, late entries), with `{date}` (and
    /// `{channel}`, `{reason}`).
    pub history_steps: [&'static str; 5],
    pub history_by: &'static str,
    /// A line that undoes `{step}`.
    pub history_undo: &'static str,
    pub undo_heading: &'static str,
    pub undo_lead: &'static str,
    /// "Annulla: {step} (fino alle {until})".
    pub undo_button: &'static str,
    pub print_hint: &'static str,
    pub home_heading: &'static str,
    pub home_overdue: &'static str,
    pub home_due: &'static str,
    pub home_none: &'static str,
    pub family_notice: &'static str,
    pub family_resumed: &'static str,
    pub family_mayor: &'static str,
    pub reference: &'static str,
    pub school_line: &'static str,
    pub date_line: &'static str,
    pub signature: &'static str,
    pub days_heading: &'static str,
    pub letter_title: &'static str,
    pub letter_to: &'static str,
    pub letter_body: &'static str,
    pub letter_deadline: &'static str,
    pub report_title: &'static str,
    pub report_to: &'static str,
    pub report_body: &'static str,
    pub report_notice: &'static str,
    pub report_request: &'static str,
    pub elusione_title: &'static str,
    pub elusione_body: &'static str,
    pub born: &'static str,
    pub notice_title: &'static str,
    pub others_heading: &'static str,
    pub others_lead: &'static str,
    pub others_label: &'static str,
    pub withdrawal: &'static str,
    /// In `WithdrawalKind`'s order.
    pub withdrawal_kinds: [&'static str; 3],
    pub home_schooling: &'static str,
    pub next_year: &'static str,
    /// In `NextYearChoice`'s order.
    pub choices: [&'static str; 4],
    pub outcome: &'static str,
    /// In `Outcome`'s order.
    pub outcomes: [&'static str; 3],
    /// The desk's section of repeated late entries.
    pub late_heading: &'static str,
    /// With `{n}`, the school's threshold.
    pub late_lead: &'static str,
    pub late_none: &'static str,
    pub late_table_label: &'static str,
    /// Pupil, class, late entries, notice.
    pub late_columns: [&'static str; 4],
    /// `{n}` late entries since `{from}`.
    pub late_count: &'static str,
    /// Due since `{date}`.
    pub late_due: &'static str,
    /// The last notice, of `{date}`.
    pub late_sent: &'static str,
    pub late_form: &'static str,
    /// The pupil's page: `{n}` late entries since `{from}`, threshold `{threshold}`.
    pub late_line: &'static str,
    /// No late entry since the last notice, of `{date}`.
    pub late_line_none: &'static str,
    /// The days, before their list.
    pub late_days: &'static str,
    /// The family's notice: its title, addressee (`{name}`, `{class}`), the facts (`{from}`,
    /// `{n}`, `{time}`, `{dates}`), the hours counted (`{counted}`, `{max}`), what is asked, the
    /// rule it follows.
    pub late_notice_title: &'static str,
    pub late_notice_to: &'static str,
    pub late_notice_facts: &'static str,
    pub late_notice_hours: &'static str,
    pub late_notice_ask: &'static str,
    pub late_notice_reference: &'static str,
}

pub static LAW159_IT: Law159Texts = Law159Texts {
    title: "Obbligo di istruzione (legge 159/2023)",
    lead: "Gli alunni in età di obbligo di istruzione assenti senza giustificati motivi per più \
         di quindici giorni, anche non consecutivi, nel corso di tre mesi (art. 114, c. 4, del \
         D.Lgs. 297/1994, come sostituito dall'art. 12 della legge 159/2023). Ponte apre il caso \
         dal registro; la scuola registra la comunicazione alla famiglia, la segnalazione al \
         sindaco o la chiusura, con le loro date.",
    link: "Obbligo di istruzione (legge 159/2023)",
    as_of: "Stati e scadenze al {date}.",
    none: "Nessun caso.",
    count: "Alunni con casi: {n}.",
    table_label: "Casi della legge 159/2023",
    columns: ["Alunno", "Classe", "Stato", "Prossimo passo"],
    states: [
        "Aperto: da comunicare alla famiglia",
        "Famiglia informata",
        "Frequenza ripresa: chiuso",
        "Segnalato al sindaco: chiuso",
        "Chiuso dalla scuola",
        "Anno scolastico concluso",
        "Assenze non più senza giustificazione nel registro",
    ],
    steps: [
        "Comunicazione alla famiglia da fare (dal {date})",
        "Rientro atteso entro il {date}",
        "Segnalazione al sindaco entro il {date}",
        "Segnalazione dell'elusione al sindaco da fare (dal {date})",
    ],
    overdue: "Scaduto",
    channels: ["lettera", "avviso in Ponte con presa visione"],
    reasons: [
        "assenze giustificate",
        "trasferimento ad altra scuola",
        "istruzione parentale",
        "altro motivo",
    ],
    back: "Torna ai casi",
    open_case: "Apri",
    standing: "Posizione",
    by_age: "In età di obbligo: {age} anni il {date} (nato/a il {birth}).",
    by_grade: "In età di obbligo per ordine e anno di corso (data di nascita non indicata).",
    not_subject: "Oggi non in età di obbligo o non più iscritto/a: i casi già registrati restano.",
    case_heading: "Caso {n}",
    window: "Dal {from} al {flag}: sedici giorni di assenza senza giustificati motivi (il {flag} il sedicesimo).",
    notified: "Famiglia informata il {date} ({channel}).",
    resume_by: "Rientro entro il {date}.",
    resumed: "Frequenza ripresa il {date}.",
    mayor_due: "Segnalazione al sindaco entro il {date}.",
    mayor_done: "Sindaco informato il {date}.",
    mayor_late: "Oltre il termine.",
    closed: "Chiuso il {date}: {reason}.",
    elusione_heading: "Elusione dell'obbligo",
    elusione_line: "Il {date} le assenze senza giustificati motivi hanno raggiunto un quarto del \
         monte ore annuale personalizzato ({hours} ore su {annual}).",
    elusione_reported: "Segnalata al sindaco il {date}.",
    date_label: "Data",
    channel_label: "Come",
    reason_label: "Motivo",
    form_notify: "Registra la comunicazione alla famiglia",
    form_mayor: "Registra la segnalazione al sindaco",
    form_close: "Chiudi il caso",
    form_elusione: "Registra la segnalazione dell'elusione al sindaco",
    mayor_only: "Le segnalazioni al sindaco le registrano la segreteria e il dirigente.",
    letter_link: "Lettera alla famiglia (da stampare)",
    report_link: "Segnalazione al sindaco (da stampare)",
    elusione_link: "Segnalazione dell'elusione al sindaco (da stampare)",
    history: "Cronologia",
    history_none: "Nessun passo registrato.",
    history_steps: [
        "Comunicazione alla famiglia del {date} ({channel})",
        "Segnalazione al sindaco del {date}",
        "Chiusura del {date} ({reason})",
        "Segnalazione dell'elusione del {date}",
        "Informativa sui ritardi in ingresso del {date} (avviso in Ponte con presa visione)",
    ],
    history_by: "registrata il {when} da {who}",
    history_undo: "Annullato perché registrato per errore: {step}",
    undo_heading: "Passi registrati per errore",
    undo_lead: "Chi ha registrato un passo può annullarlo entro 10 minuti, se è l'ultimo del \
         caso; un avviso in Ponte già inviato viene ritirato. Entrambi restano nella cronologia.",
    undo_button: "Annulla: {step} (entro il {until})",
    print_hint: "Stampare la pagina dal browser: il documento esce senza la cornice del sito.",
    home_heading: "Legge 159/2023: scadenze",
    home_overdue: "Scaduti",
    home_due: "Da fare nei prossimi 7 giorni",
    home_none: "Nessuna scadenza nei prossimi 7 giorni.",
    family_notice: "Il {date} la scuola ha comunicato alla famiglia le assenze senza giustificati \
         motivi ({channel}): l'alunno/a deve riprendere la frequenza entro il {by}.",
    family_resumed: "Frequenza ripresa il {date}: il caso è chiuso.",
    family_mayor: "Il {date} la scuola ha informato il sindaco, come prevede la legge.",
    reference: "Art. 114, commi 4 e 5, del D.Lgs. 16 aprile 1994, n. 297, come sostituito \
         dall'art. 12 della legge n. 159/2023 (conversione del decreto-legge n. 123/2023).",
    school_line: "{school}",
    date_line: "Data: {date}",
    signature: "Il Dirigente scolastico",
    days_heading: "Giorni di assenza senza giustificati motivi",
    letter_title: "Comunicazione al responsabile dell'adempimento dell'obbligo di istruzione",
    letter_to: "Ai genitori, o a chi esercita la responsabilità genitoriale, dell'alunno/a \
         {name}, classe {class}",
    letter_body: "Dal registro risulta che l'alunno/a è stato/a assente senza giustificati motivi \
         per più di quindici giorni, anche non consecutivi, nel corso di tre mesi: i giorni sono \
         elencati qui sotto.",
    letter_deadline: "Si invita a far riprendere la frequenza entro sette giorni da questa \
         comunicazione, cioè entro il {by}. In mancanza, il Dirigente scolastico è tenuto ad \
         avvisarne entro sette giorni il sindaco, che procede all'ammonizione del responsabile \
         dell'adempimento dell'obbligo di istruzione.",
    report_title: "Segnalazione al sindaco: mancata ripresa della frequenza",
    report_to: "Al Sindaco",
    report_body: "Si segnala che l'alunno/a {name}{born}, iscritto/a alla classe {class} di \
         {school}, soggetto/a all'obbligo di istruzione, è stato/a assente senza giustificati \
         motivi per più di quindici giorni nel corso di tre mesi, nei giorni elencati qui sotto.",
    report_notice: "La famiglia è stata informata il {date} ({channel}); l'alunno/a non ha \
         ripreso la frequenza entro il {by}.",
    report_request: "Si chiede di procedere all'ammonizione del responsabile dell'adempimento \
         dell'obbligo di istruzione, come prevede la norma citata.",
    elusione_title: "Segnalazione al sindaco: elusione dell'obbligo di istruzione",
    elusione_body: "Si segnala che le assenze senza giustificati motivi dell'alunno/a {name}{born}, \
         iscritto/a alla classe {class} di {school}, hanno raggiunto il {date} almeno un quarto \
         del monte ore annuale personalizzato ({hours} ore su {annual}): ai sensi della norma \
         citata ciò costituisce elusione dell'obbligo di istruzione.",
    born: ", nato/a il {date}",
    notice_title: "Assenze senza giustificati motivi: comunicazione della scuola (legge 159/2023)",
    others_heading: "Altre posizioni dal file degli alunni",
    others_lead: "Ritiri, istruzione parentale (che assolve l'obbligo: non è abbandono), alunni senza \
         scelta per l'anno successivo, esiti negativi, come li ha inviati la segreteria.",
    others_label: "Altre posizioni degli alunni",
    withdrawal: "Ritirato/a il {date}: {kind}.",
    withdrawal_kinds: [
        "ritiro formale",
        "abbandono non formale",
        "trasferimento ad altra scuola",
    ],
    home_schooling: "Istruzione parentale.",
    next_year: "Scelta per l'anno successivo: {choice}.",
    choices: [
        "istruzione (secondaria di secondo grado)",
        "istruzione e formazione professionale (IeFP)",
        "apprendistato",
        "nessuna",
    ],
    outcome: "Esito: {outcome}.",
    outcomes: ["ammesso/a", "non ammesso/a", "giudizio sospeso"],
    late_heading: "Ritardi reiterati in ingresso",
    late_lead: "Gli alunni entrati in ritardo (ritardi e ingressi posticipati) almeno {n} volte \
         dall'inizio della frequenza o dall'ultima informativa: la scuola invia alla famiglia \
         un'informativa scritta con le ore di assenza aggiornate, come avviso in Ponte con presa \
         visione. La soglia è quella del regolamento della scuola.",
    late_none: "Nessun alunno ha raggiunto la soglia dei ritardi.",
    late_table_label: "Alunni con ritardi reiterati in ingresso",
    late_columns: ["Alunno", "Classe", "Ritardi", "Informativa"],
    late_count: "{n} dal {from}",
    late_due: "Da inviare (soglia raggiunta il {date})",
    late_sent: "Inviata il {date}",
    late_form: "Invia l'informativa sui ritardi alla famiglia",
    late_line: "{n} ritardi in ingresso dal {from} (soglia della scuola: {threshold}).",
    late_line_none: "Nessun ritardo in ingresso dopo l'informativa del {date}.",
    late_days: "Giorni",
    late_notice_title: "Ritardi reiterati in ingresso: informativa della scuola",
    late_notice_to: "Ai genitori, o a chi esercita la responsabilità genitoriale, dell'alunno/a \
         {name}, classe {class}",
    late_notice_facts: "Dal registro risulta che dal {from} l'alunno/a è entrato/a a scuola in \
         ritardo {n} volte, per {time} di lezione in tutto, nei giorni: {dates}.",
    late_notice_hours: "Nel computo del monte ore di assenze vengono considerati anche i ritardi e \
         gli ingressi posticipati: le ore di assenza conteggiate finora sono {counted}, su un \
         massimo di {max} ore per la validità dell'anno scolastico.",
    late_notice_ask: "Si invita la famiglia a curare la puntualità dell'ingresso e a prendere \
         visione di questa comunicazione.",
    late_notice_reference: "Informativa scritta alle famiglie in presenza di ritardi reiterati in \
         ingresso, prevista dal regolamento della scuola sulle assenze e la validità dell'anno \
         scolastico e trasmessa attraverso il registro elettronico; validità dell'anno con la \
         frequenza di almeno tre quarti dell'orario annuale personalizzato (art. 5 del D.Lgs. 13 \
         aprile 2017, n. 62).",
};

pub static LAW159_EN: Law159Texts = Law159Texts {
    title: "Compulsory schooling (Law 159/2023)",
    lead: "Pupils of compulsory-school age absent without justified reasons for more than fifteen \
         days, even not in a row, within three months (art. 114, c. 4, D.Lgs. 297/1994, as \
         replaced by art. 12 of Law 159/2023). Ponte opens the case from the register; the school \
         records the notice to the family, the report to the mayor or the closing, with their \
         dates.",
    link: "Compulsory schooling (Law 159/2023)",
    as_of: "States and deadlines as of {date}.",
    none: "No cases.",
    count: "Pupils with cases: {n}.",
    table_label: "Law 159/2023 cases",
    columns: ["Pupil", "Class", "State", "Next step"],
    states: [
        "Open: the family is to be told",
        "Family told",
        "Attendance resumed: closed",
        "Reported to the mayor: closed",
        "Closed by the school",
        "School year over",
        "Absences no longer unjustified in the register",
    ],
    steps: [
        "Tell the family (due from {date})",
        "Back at school by {date}",
        "Report to the mayor by {date}",
        "Report the evasion to the mayor (due from {date})",
    ],
    overdue: "Overdue",
    channels: ["letter", "notice in Ponte with acknowledgement"],
    reasons: [
        "absences justified",
        "moved to another school",
        "home schooling",
        "other reason",
    ],
    back: "Back to the cases",
    open_case: "Open",
    standing: "Standing",
    by_age: "Of compulsory-school age: {age} on {date} (born {birth}).",
    by_grade: "Of compulsory-school age by grade and year (no date of birth given).",
    not_subject:
        "Not of compulsory-school age today or no longer enrolled: cases already recorded stay.",
    case_heading: "Case {n}",
    window: "From {from} to {flag}: sixteen days of unjustified absence ({flag} the sixteenth).",
    notified: "Family told on {date} ({channel}).",
    resume_by: "Back by {date}.",
    resumed: "Attendance resumed on {date}.",
    mayor_due: "Report to the mayor by {date}.",
    mayor_done: "Mayor told on {date}.",
    mayor_late: "After the deadline.",
    closed: "Closed on {date}: {reason}.",
    elusione_heading: "Evasion of compulsory schooling",
    elusione_line: "On {date} unjustified absence reached a quarter of the personalised annual \
         hours ({hours} hours of {annual}).",
    elusione_reported: "Reported to the mayor on {date}.",
    date_label: "Date",
    channel_label: "How",
    reason_label: "Reason",
    form_notify: "Record the notice to the family",
    form_mayor: "Record the report to the mayor",
    form_close: "Close the case",
    form_elusione: "Record the report of the evasion to the mayor",
    mayor_only: "Reports to the mayor are recorded by the office and the head teacher.",
    letter_link: "Letter to the family (to print)",
    report_link: "Report to the mayor (to print)",
    elusione_link: "Report of the evasion to the mayor (to print)",
    history: "History",
    history_none: "No step recorded.",
    history_steps: [
        "Notice to the family of {date} ({channel})",
        "Report to the mayor of {date}",
        "Closed on {date} ({reason})",
        "Report of the evasion of {date}",
        "Notice on late entries of {date} (notice in Ponte with acknowledgement)",
    ],
    history_by: "recorded on {when} by {who}",
    history_undo: "Undone, recorded by mistake: {step}",
    undo_heading: "Steps recorded by mistake",
    undo_lead: "Whoever recorded a step can undo it within 10 minutes, if it is the case's last; \
         a notice in Ponte already sent is withdrawn. Both stay in the history.",
    undo_button: "Undo: {step} (until {until})",
    print_hint: "Print the page from the browser: the document prints without the site's frame.",
    home_heading: "Law 159/2023: deadlines",
    home_overdue: "Overdue",
    home_due: "Due in the next 7 days",
    home_none: "No deadline in the next 7 days.",
    family_notice: "On {date} the school told the family about the unjustified absences \
         ({channel}): the pupil must be back at school by {by}.",
    family_resumed: "Attendance resumed on {date}: the case is closed.",
    family_mayor: "On {date} the school told the mayor, as the law requires.",
    reference: "Art. 114, c. 4 and 5, of D.Lgs. 16 April 1994, n. 297, as replaced by art. 12 of \
         Law n. 159/2023 (converting Decree-Law n. 123/2023).",
    school_line: "{school}",
    date_line: "Date: {date}",
    signature: "The head teacher",
    days_heading: "Days of unjustified absence",
    letter_title: "Notice to the person responsible for compulsory schooling",
    letter_to: "To the parents, or whoever has parental responsibility, of {name}, class {class}",
    letter_body: "The register shows that the pupil was absent without justified reasons for \
         more than fifteen days, even not in a row, within three months: the days are listed \
         below.",
    letter_deadline: "Please have the pupil back at school within seven days of this notice, \
         that is by {by}. Otherwise the head teacher must tell the mayor within seven days, and \
         the mayor formally warns the person responsible for compulsory schooling.",
    report_title: "Report to the mayor: attendance not resumed",
    report_to: "To the Mayor",
    report_body: "The pupil {name}{born}, enrolled in class {class} of {school}, of \
         compulsory-school age, was absent without justified reasons for more than fifteen days \
         within three months, on the days listed below.",
    report_notice: "The family was told on {date} ({channel}); the pupil did not resume \
         attendance by {by}.",
    report_request: "Please formally warn the person responsible for compulsory schooling, as the \
         law cited requires.",
    elusione_title: "Report to the mayor: evasion of compulsory schooling",
    elusione_body: "The unjustified absences of the pupil {name}{born}, enrolled in class {class} \
         of {school}, reached on {date} at least a quarter of the personalised annual hours \
         ({hours} hours of {annual}): under the law cited this is evasion of compulsory \
         schooling.",
    born: ", born {date}",
    notice_title: "Unjustified absences: a notice from the school (Law 159/2023)",
    others_heading: "Other standings from the pupils' file",
    others_lead:
        "Withdrawals, home schooling (which fulfils the obligation: not a dropout), pupils \
         with no choice for the next year, negative outcomes, as the office sent them.",
    others_label: "Other standings of pupils",
    withdrawal: "Withdrawn on {date}: {kind}.",
    withdrawal_kinds: [
        "formal withdrawal",
        "informal dropout",
        "moved to another school",
    ],
    home_schooling: "Home schooling.",
    next_year: "Choice for the next year: {choice}.",
    choices: [
        "upper secondary school",
        "vocational education and training (IeFP)",
        "apprenticeship",
        "none",
    ],
    outcome: "Outcome: {outcome}.",
    outcomes: ["admitted", "not admitted", "judgement suspended"],
    late_heading: "Repeated late entries",
    late_lead: "Pupils who came in late (late arrivals and deferred entries) at least {n} times \
         since they started or since the last notice: the school sends the family a written \
         notice with the absence hours brought up to date, as a notice in Ponte with \
         acknowledgement. The threshold is the school's rule.",
    late_none: "No pupil has reached the threshold of late entries.",
    late_table_label: "Pupils with repeated late entries",
    late_columns: ["Pupil", "Class", "Late entries", "Notice"],
    late_count: "{n} since {from}",
    late_due: "To send (threshold reached on {date})",
    late_sent: "Sent on {date}",
    late_form: "Send the notice on late entries to the family",
    late_line: "{n} late entries since {from} (the school's threshold: {threshold}).",
    late_line_none: "No late entry since the notice of {date}.",
    late_days: "Days",
    late_notice_title: "Repeated late entries: a notice from the school",
    late_notice_to: "To the parents, or whoever has parental responsibility, of {name}, class \
         {class}",
    late_notice_facts: "The register shows that since {from} the pupil came in late {n} times, \
         {time} of lessons in all, on: {dates}.",
    late_notice_hours: "Late arrivals and deferred entries count towards the absence hours: the \
         absence hours counted so far are {counted}, of at most {max} hours for the school year \
         to be valid.",
    late_notice_ask: "Please see that the pupil arrives on time, and acknowledge this notice.",
    late_notice_reference: "Written notice to families of repeated late entries, under the \
         school's rules on absences and the validity of the school year, sent through the \
         electronic register; the year is valid with attendance of at least three quarters of \
         the personalised annual hours (art. 5 of D.Lgs. 13 April 2017, n. 62).",
};

impl Default for Law159Texts {
    fn default() -> Self {
        LAW159_IT.clone()
    }
}
