//! The catalogue of the operators' review queue (`/operatore`): Italian first, English second.
//! Staff pages only, rendered on the server: no browser bundle carries it.

use crate::i18n::Lang;

impl Lang {
    pub fn operator(self) -> &'static OperatorTexts {
        match self {
            Lang::It => &OPERATOR_IT,
            // Only Italian and English (`Lang::staff`).
            _ => &OPERATOR_EN,
        }
    }
}

#[cfg_attr(test, derive(serde::Serialize))]
pub struct OperatorTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub none: &'static str,
    /// "Codice {code}"
    pub code: &'static str,
    pub identity: &'static str,
    pub proof: &'static str,
    pub proof_pec: &'static str,
    pub proof_signature: &'static str,
    /// "Revoca del certificato non verificata: {why}"
    pub revocation_unknown: &'static str,
    pub arrived: &'static str,
    pub reason: &'static str,
    pub registry: &'static str,
    pub registry_unavailable: &'static str,
    pub registry_absent: &'static str,
    /// "Legali rappresentanti: {list}"
    pub registry_reps: &'static str,
    pub registry_no_reps: &'static str,
    /// "PEC da {source}"
    pub pec_source: &'static str,
    pub source_ipa: &'static str,
    pub source_ini_pec: &'static str,
    pub source_declared: &'static str,
    pub live: &'static str,
    pub live_none: &'static str,
    /// "Pubblicato da: {who}"
    pub live_owner: &'static str,
    pub live_owner_unknown: &'static str,
    pub note: &'static str,
    pub note_hint: &'static str,
    pub approve: &'static str,
    pub refuse: &'static str,
    pub profile_link: &'static str,
}

pub static OPERATOR_IT: OperatorTexts = OperatorTexts {
    title: "Dichiarazioni da verificare",
    lead: "Conferme arrivate che il registro di riferimento (iPA, INI-PEC, Registro delle imprese) non ha confermato, o aggiornamenti che non vengono da chi ha pubblicato il profilo. Nulla è pubblicato finché un operatore non lo approva; ogni decisione, con la motivazione, resta nel registro delle verifiche.",
    none: "Nessuna dichiarazione da verificare.",
    code: "Codice {code}",
    identity: "Soggetto",
    proof: "Conferma",
    proof_pec: "Messaggio PEC da {sender}",
    proof_signature: "File firmato digitalmente da {sender}",
    revocation_unknown: "Revoca del certificato non verificata: {why}. Controllare che il certificato non sia revocato o sospeso presso il certificatore prima di approvare.",
    arrived: "Arrivata il",
    reason: "Perché serve una verifica",
    registry: "Registro di riferimento",
    registry_unavailable: "Non ha risposto, o non è configurato.",
    registry_absent: "Nessuna impresa con questa partita IVA.",
    registry_reps: "Legali rappresentanti: {list}",
    registry_no_reps: "Il registro non indica legali rappresentanti.",
    pec_source: "Indirizzo della conferma: {source}",
    source_ipa: "PEC dell'ente nell'IPA",
    source_ini_pec: "PEC in INI-PEC",
    source_declared: "PEC indicata dal soggetto, non presente in INI-PEC",
    live: "Profilo pubblicato",
    live_none: "Nessuno: è una prima pubblicazione.",
    live_owner: "Sì, pubblicato con la conferma di {who}",
    live_owner_unknown: "Sì, pubblicato prima che Ponte registrasse chi lo conferma",
    note: "Motivazione",
    note_hint: "Che cosa avete verificato (per esempio la delega del legale rappresentante), o perché si rifiuta. Obbligatoria, fino a 500 caratteri.",
    approve: "Approva e pubblica",
    refuse: "Rifiuta",
    profile_link: "Il profilo pubblicato",
};

pub static OPERATOR_EN: OperatorTexts = OperatorTexts {
    title: "Declarations to check",
    lead: "Confirmations that the register of record (iPA, INI-PEC, Companies Register) did not confirm, or updates that do not come from whoever published the profile. Nothing is published until an operator approves it; every decision, with its reason, stays in the review log.",
    none: "No declaration to check.",
    code: "Code {code}",
    identity: "Host",
    proof: "Confirmation",
    proof_pec: "PEC message from {sender}",
    proof_signature: "File digitally signed by {sender}",
    revocation_unknown: "Certificate revocation not checked: {why}. Check with the certification authority that the certificate is not revoked or suspended before approving.",
    arrived: "Arrived on",
    reason: "Why it needs a check",
    registry: "Register of record",
    registry_unavailable: "It did not answer, or is not configured.",
    registry_absent: "No company with this VAT number.",
    registry_reps: "Legal representatives: {list}",
    registry_no_reps: "The register lists no legal representative.",
    pec_source: "Address of the confirmation: {source}",
    source_ipa: "the body's PEC in iPA",
    source_ini_pec: "PEC in INI-PEC",
    source_declared: "PEC given by the host, not in INI-PEC",
    live: "Published profile",
    live_none: "None: this is a first publication.",
    live_owner: "Yes, published on the confirmation of {who}",
    live_owner_unknown: "Yes, published before Ponte recorded who confirms it",
    note: "Reason",
    note_hint: "What you checked (for example the legal representative's delegation), or why it is refused. Required, up to 500 characters.",
    approve: "Approve and publish",
    refuse: "Refuse",
    profile_link: "The published profile",
};
