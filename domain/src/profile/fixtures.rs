//! Drafts of every kind for the tests of the profile's modules.

use super::*;
use crate::hosts::{HostKind, PathKind};

// Invented people and bodies; check characters computed with the official algorithms.
pub const CF_GIULIA: &str = "VRDGLI92C55H501O";
pub const CF_LUCA: &str = "BNCLCU01A01F205C";
pub const PIVA: &str = "12345678903";
pub const PIVA_2: &str = "01234567897";
pub const CF_ENTE: &str = "80012345676";

pub fn offer(path: PathKind) -> OfferDraft {
    OfferDraft {
        path: Some(path),
        max_students: " 4 ".to_owned(),
        periods: vec![PeriodDraft {
            from: "2026-02-02".to_owned(),
            to: "2026-05-29".to_owned(),
        }],
        figures: vec!["6.2.3".to_owned(), "3.1.2.1".to_owned()],
        activity: "Affiancamento ai tecnici nella manutenzione di impianti.".to_owned(),
    }
}

pub fn impresa() -> ProfileDraft {
    ProfileDraft {
        kind: Some(HostKind::Impresa),
        name: "  Officine Esempio S.r.l. ".to_owned(),
        partita_iva: PIVA.to_owned(),
        legal_representative_cf: CF_LUCA.to_lowercase(),
        ateco: "25.62".to_owned(),
        description: "Officina meccanica di precisione.".to_owned(),
        offers: vec![offer(PathKind::Pcto), offer(PathKind::Apprendistato)],
        places: vec![PlaceDraft {
            address: "Via dell'Esempio 12".to_owned(),
            cap: "00184".to_owned(),
            comune: "058091".to_owned(),
        }],
        contacts: ContactsDraft {
            person_role: "Responsabile formazione".to_owned(),
            email: "formazione@esempio.it".to_owned(),
            phone: "+39 06 1234567".to_owned(),
            pec: String::new(),
            website: "https://www.esempio.it".to_owned(),
        },
        supply_chain: String::new(),
        capacities: CapacitiesDraft {
            structural: "Capannone di 2.000 m².".to_owned(),
            ..Default::default()
        },
        // Ignored for a company.
        ipa_code: "not checked!".to_owned(),
        codice_fiscale: "not checked either".to_owned(),
    }
}

pub fn professionista() -> ProfileDraft {
    ProfileDraft {
        kind: Some(HostKind::Professionista),
        name: "Studio Verdi".to_owned(),
        codice_fiscale: CF_GIULIA.to_owned(),
        partita_iva: String::new(),
        legal_representative_cf: String::new(),
        ateco: String::new(),
        contacts: ContactsDraft {
            email: "studio@verdi.example.it".to_owned(),
            pec: "giulia.verdi@pec.example.it".to_owned(),
            ..Default::default()
        },
        ..impresa()
    }
}

pub fn ente_pubblico() -> ProfileDraft {
    ProfileDraft {
        kind: Some(HostKind::EntePubblico),
        name: "Comune di Esempio".to_owned(),
        ipa_code: "c_z999".to_owned(),
        codice_fiscale: CF_ENTE.to_owned(),
        partita_iva: String::new(),
        legal_representative_cf: String::new(),
        ateco: String::new(),
        contacts: ContactsDraft {
            phone: "06 1234567".to_owned(),
            pec: "protocollo@pec.comune.esempio.it".to_owned(),
            ..Default::default()
        },
        ..impresa()
    }
}

pub fn ente_privato() -> ProfileDraft {
    ProfileDraft {
        kind: Some(HostKind::EntePrivato),
        name: "Fondazione Esempio".to_owned(),
        codice_fiscale: CF_ENTE.to_owned(),
        partita_iva: String::new(),
        legal_representative_cf: String::new(),
        ipa_code: String::new(),
        ateco: String::new(),
        contacts: ContactsDraft {
            pec: "fondazione@pec.esempio.it".to_owned(),
            ..impresa().contacts
        },
        ..impresa()
    }
}
