use crate::i18n::Lang;
use crate::layout::{Page, SignedIn};
use leptos::prelude::*;

/// The attributions the open-data licences ask for (data/README.md).
#[component]
pub fn FontiPage(lang: Lang, user: Option<SignedIn>) -> impl IntoView {
    let t = lang.texts();
    view! {
        <Page lang=lang title=t.sources_title.to_owned() user=user>
            <h1>{t.sources_title}</h1>
            <p>{t.sources_lead}</p>
            <ul class="sources">
                <li>"Comuni, province e regioni: ISTAT, «Elenco comuni italiani», aggiornamento del 4 dicembre 2024. Licenza CC BY 4.0 — Fonte: ISTAT."</li>
                <li>"Posizione dei comuni (centroide di ciascun comune, per la ricerca per distanza): Confini: ISTAT; elaborazione Openpolis (geojson-italy), confini amministrativi a giugno 2023. Licenza CC BY 4.0. Tre comuni istituiti dopo quella data sono collocati nella media della loro provincia (posizione approssimata)."</li>
                <li>"Settori di attività: ISTAT, Classificazione ATECO 2025. Licenza CC BY 4.0 — Fonte: ISTAT – Classificazione ATECO 2025."</li>
                <li>"Figure professionali: ISTAT, Classificazione delle professioni CP 2011, nella code system FHIR «istat-professioni» di HL7 Italia. Licenza CC BY — Fonte: ISTAT – Classificazione delle professioni CP2011."</li>
            </ul>
        </Page>
    }
}
