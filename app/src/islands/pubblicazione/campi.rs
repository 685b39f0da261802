//! The wizard's fields: the id of each input, the step it is on, and how an error names it.
//!
//! Errors come from `ProfileDraft::validate` (in the browser) and from the worker (the
//! reference checks: a comune or a CP 2011 figure that does not exist), both naming fields by
//! their path in the draft: `offers[0].max_students`, `places[1].comune`, `contacts.email`.
//! [`input_id`] turns a path into the id of the input to focus; the views build their ids with
//! the same functions, so a link in the error summary always lands on its field.

use crate::i18n::fill;
use crate::i18n_publish::PublishTexts;
use domain::hosts::{HostKind, PathKind};
use domain::profile::ProfileDraft;

pub const STEPS: u8 = 6;
pub const STEP_PRIVACY: u8 = 1;
pub const STEP_WHO: u8 = 2;
pub const STEP_OFFERS: u8 = 3;
pub const STEP_PLACES: u8 = 4;
pub const STEP_PREVIEW: u8 = 5;
pub const STEP_SUBMIT: u8 = 6;

pub const ID_PRIVACY: &str = "w-privacy";
pub const ID_NAME: &str = "w-name";
pub const ID_CF: &str = "w-cf";
pub const ID_PIVA: &str = "w-piva";
pub const ID_LEGAL_CF: &str = "w-legal-cf";
pub const ID_IPA: &str = "w-ipa";
pub const ID_ATECO: &str = "w-ateco";
pub const ID_PEC: &str = "w-pec";
pub const ID_DESCRIPTION: &str = "w-description";
pub const ID_PERSON_ROLE: &str = "w-person-role";
pub const ID_EMAIL: &str = "w-email";
pub const ID_PHONE: &str = "w-phone";
pub const ID_WEBSITE: &str = "w-website";
pub const ID_SUPPLY_CHAIN: &str = "w-supply-chain";
pub const ID_STRUCTURAL: &str = "w-cap-structural";
pub const ID_TECHNOLOGICAL: &str = "w-cap-technological";
pub const ID_ORGANISATIONAL: &str = "w-cap-organisational";
pub const ID_PLACE_ADD: &str = "w-place-add";
/// The heading of the step shown: where focus goes when a step opens, and for an error with
/// no input of its own.
pub const ID_STEP_TITLE: &str = "w-step-title";

/// The radio of a kind of host.
pub fn id_kind(k: HostKind) -> String {
    format!("w-kind-{}", k.as_str())
}

/// The checkbox "offriamo questo percorso".
pub fn id_offer(p: PathKind) -> String {
    format!("w-{}-on", p.as_str())
}

pub fn id_max_students(p: PathKind) -> String {
    format!("w-{}-max", p.as_str())
}

/// `end` is `from` or `to`.
pub fn id_period(p: PathKind, j: usize, end: &str) -> String {
    format!("w-{}-period-{j}-{end}", p.as_str())
}

pub fn id_period_add(p: PathKind) -> String {
    format!("w-{}-period-add", p.as_str())
}

pub fn id_figure_search(p: PathKind) -> String {
    format!("w-{}-figure-q", p.as_str())
}

/// The "Rimuovi" button of the `k`-th chosen figure.
pub fn id_figure(p: PathKind, k: usize) -> String {
    format!("w-{}-figure-{k}", p.as_str())
}

pub fn id_activity(p: PathKind) -> String {
    format!("w-{}-activity", p.as_str())
}

/// `part` is `address`, `cap` or `comune` (the comune's select, made by `SelettoreLuogo`
/// from the prefix [`id_place_prefix`]).
pub fn id_place(i: usize, part: &str) -> String {
    format!("w-place-{i}-{part}")
}

pub fn id_place_prefix(i: usize) -> String {
    format!("w-place-{i}")
}

/// One segment of a field path: `offers[0]` is `("offers", Some(0))`.
fn segments(field: &str) -> Vec<(&str, Option<usize>)> {
    field
        .split('.')
        .map(|s| match s.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
            None => (s, None),
        })
        .collect()
}

/// The path kind of the draft's `i`-th offer: the wizard shows offers by kind, not by place
/// in the list. An offer without one (only a hand-made file has it) counts as the kind at
/// its place.
fn offer_path(draft: &ProfileDraft, i: usize) -> PathKind {
    draft
        .offers
        .get(i)
        .and_then(|o| o.path)
        .or_else(|| PathKind::ALL.get(i).copied())
        .unwrap_or(PathKind::Pcto)
}

/// The id of the input an error on `field` belongs to.
pub fn input_id(field: &str, draft: &ProfileDraft) -> String {
    let segs = segments(field);
    match segs.as_slice() {
        [("kind", None)] => id_kind(draft.kind.unwrap_or(HostKind::Impresa)),
        [("name", None)] => ID_NAME.into(),
        [("codice_fiscale", None)] => ID_CF.into(),
        [("partita_iva", None)] => ID_PIVA.into(),
        [("legal_representative_cf", None)] => ID_LEGAL_CF.into(),
        [("ipa_code", None)] => ID_IPA.into(),
        [("ateco", None)] => ID_ATECO.into(),
        [("description", None)] => ID_DESCRIPTION.into(),
        [("supply_chain", None)] => ID_SUPPLY_CHAIN.into(),
        [("capacities", None), ("structural", None)] => ID_STRUCTURAL.into(),
        [("capacities", None), ("technological", None)] => ID_TECHNOLOGICAL.into(),
        [("capacities", None), ("organisational", None)] => ID_ORGANISATIONAL.into(),
        // "At least an e-mail or a telephone number": the first of the two.
        [("contacts", None)] | [("contacts", None), ("email", None)] => ID_EMAIL.into(),
        [("contacts", None), ("person_role", None)] => ID_PERSON_ROLE.into(),
        [("contacts", None), ("phone", None)] => ID_PHONE.into(),
        [("contacts", None), ("pec", None)] => ID_PEC.into(),
        [("contacts", None), ("website", None)] => ID_WEBSITE.into(),
        [("offers", None)] => id_offer(PathKind::ALL[0]),
        [("offers", Some(i)), rest @ ..] => {
            let p = offer_path(draft, *i);
            match rest {
                [("max_students", None)] => id_max_students(p),
                [("periods", None)] => id_period_add(p),
                // A period as a whole (its end before its start, too long) and its dates.
                [("periods", Some(j))] | [("periods", Some(j)), ("from", None)] => {
                    id_period(p, *j, "from")
                }
                [("periods", Some(j)), ("to", None)] => id_period(p, *j, "to"),
                [("figures", None)] => id_figure_search(p),
                [("figures", Some(k))] => id_figure(p, *k),
                [("activity", None)] => id_activity(p),
                _ => id_offer(p),
            }
        }
        [("places", None)] => ID_PLACE_ADD.into(),
        [("places", Some(i)), (part @ ("address" | "cap" | "comune"), None)] => id_place(*i, part),
        [("places", Some(i)), ..] => id_place(*i, "address"),
        _ => ID_STEP_TITLE.into(),
    }
}

/// The step whose form holds `field`. The PEC is asked with the identity of the public bodies
/// and the professionals (they confirm with it), with the contacts of the others.
pub fn step_of(field: &str, kind: Option<HostKind>) -> u8 {
    let first = field.split(['.', '[']).next().unwrap_or("");
    match first {
        "kind"
        | "name"
        | "codice_fiscale"
        | "partita_iva"
        | "legal_representative_cf"
        | "ipa_code"
        | "ateco" => STEP_WHO,
        "offers" => STEP_OFFERS,
        "contacts" if field == "contacts.pec" && pec_with_identity(kind) => STEP_WHO,
        "description" | "places" | "contacts" | "supply_chain" | "capacities" => STEP_PLACES,
        "privacy" => STEP_PRIVACY,
        _ => STEP_PREVIEW,
    }
}

/// Whether the PEC belongs to the identity (step 2) for this kind.
pub fn pec_with_identity(kind: Option<HostKind>) -> bool {
    matches!(
        kind,
        Some(HostKind::EntePubblico | HostKind::Professionista)
    )
}

/// What the error summary says before an error's message: the field's label, with the offer
/// and the place or period it is in ("Apprendistato · Periodo 2 · Dal").
pub fn field_label(field: &str, draft: &ProfileDraft, t: &PublishTexts) -> String {
    let kind = draft.kind;
    let n = |i: usize| (i + 1).to_string();
    let segs = segments(field);
    let label = |parts: Vec<String>| parts.join(" · ");
    match segs.as_slice() {
        [("kind", None)] => t.kind_legend.trim_end_matches('?').to_owned(),
        [("name", None)] if kind == Some(HostKind::Professionista) => t.name_professional.into(),
        [("name", None)] => t.name.into(),
        [("codice_fiscale", None)] if kind == Some(HostKind::Professionista) => {
            t.cf_professional.into()
        }
        [("codice_fiscale", None)] => t.cf_body.into(),
        [("partita_iva", None)] => t.piva.into(),
        [("legal_representative_cf", None)] => t.legal_rep_cf.into(),
        [("ipa_code", None)] => t.ipa_code.into(),
        [("ateco", None)] => t.ateco.into(),
        [("description", None)] => t.description.into(),
        [("supply_chain", None)] => t.supply_chain.into(),
        [("capacities", None), ("structural", None)] => t.structural.into(),
        [("capacities", None), ("technological", None)] => t.technological.into(),
        [("capacities", None), ("organisational", None)] => t.organisational.into(),
        [("contacts", None)] => t.contacts_legend.into(),
        [("contacts", None), ("person_role", None)] => t.person_role.into(),
        [("contacts", None), ("email", None)] => t.email.into(),
        [("contacts", None), ("phone", None)] => t.phone.into(),
        [("contacts", None), ("pec", None)] => t.pec.into(),
        [("contacts", None), ("website", None)] => t.website.into(),
        [("offers", None)] => t.offers_legend.into(),
        [("offers", Some(i)), rest @ ..] => {
            let p = offer_path(draft, *i);
            let path = path_label(t, p).to_owned();
            let period = |j: usize| fill(t.period_n, &[("n", &n(j))]);
            label(match rest {
                [("max_students", None)] => vec![path, t.max_students.into()],
                [("periods", None)] => vec![path, t.periods_legend.into()],
                [("periods", Some(j))] => vec![path, period(*j)],
                [("periods", Some(j)), ("from", None)] => {
                    vec![path, period(*j), t.period_from.into()]
                }
                [("periods", Some(j)), ("to", None)] => vec![path, period(*j), t.period_to.into()],
                [("figures", None)] => vec![path, t.figures_legend.into()],
                [("figures", Some(k))] => {
                    let code = draft
                        .offers
                        .get(*i)
                        .and_then(|o| o.figures.get(*k))
                        .cloned()
                        .unwrap_or_default();
                    vec![path, t.figures_legend.into(), code]
                }
                [("activity", None)] => vec![path, t.activity.into()],
                _ => vec![path],
            })
        }
        [("places", None)] => t.places_legend.into(),
        [("places", Some(i)), rest @ ..] => {
            let place = fill(t.place_n, &[("n", &n(*i))]);
            label(match rest {
                [("address", None)] => vec![place, t.address.into()],
                [("cap", None)] => vec![place, t.cap.into()],
                [("comune", None)] => vec![place, t.comune.into()],
                _ => vec![place],
            })
        }
        _ => t.steps[usize::from(step_of(field, kind)) - 1].into(),
    }
}

pub fn path_label(t: &PublishTexts, p: PathKind) -> &'static str {
    match p {
        PathKind::Pcto => t.paths[0],
        PathKind::Apprendistato => t.paths[1],
    }
}

pub fn kind_label(t: &PublishTexts, k: HostKind) -> &'static str {
    match k {
        HostKind::Impresa => t.kinds[0],
        HostKind::Professionista => t.kinds[1],
        HostKind::EntePubblico => t.kinds[2],
        HostKind::EntePrivato => t.kinds[3],
    }
}

pub fn kind_hint(t: &PublishTexts, k: HostKind) -> &'static str {
    match k {
        HostKind::Impresa => t.kind_hints[0],
        HostKind::Professionista => t.kind_hints[1],
        HostKind::EntePubblico => t.kind_hints[2],
        HostKind::EntePrivato => t.kind_hints[3],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n_publish::PUBLISH_IT;
    use domain::profile::{OfferDraft, PeriodDraft, PlaceDraft};

    fn draft() -> ProfileDraft {
        ProfileDraft {
            kind: Some(HostKind::Professionista),
            // Apprenticeship first: ids follow the kind, not the place in the list.
            offers: vec![
                OfferDraft {
                    path: Some(PathKind::Apprendistato),
                    periods: vec![PeriodDraft::default(), PeriodDraft::default()],
                    figures: vec!["2.1".into(), "9.9.9".into()],
                    ..Default::default()
                },
                OfferDraft {
                    path: Some(PathKind::Pcto),
                    ..Default::default()
                },
            ],
            places: vec![PlaceDraft::default(), PlaceDraft::default()],
            ..Default::default()
        }
    }

    #[test]
    fn every_error_of_an_empty_or_wrong_draft_lands_on_an_input_of_its_step() {
        let d = draft();
        let errors = d.validate().expect_err("an empty draft has errors");
        let known = [
            ID_NAME,
            ID_CF,
            ID_PIVA,
            ID_PEC,
            ID_EMAIL,
            ID_PLACE_ADD,
            ID_DESCRIPTION,
        ];
        for e in &errors {
            let field = e.field.as_deref().unwrap_or("");
            let id = input_id(field, &d);
            assert_ne!(id, ID_STEP_TITLE, "{field} has no input");
            assert!(
                id.starts_with("w-apprendistato-")
                    || id.starts_with("w-pcto-")
                    || id.starts_with("w-place-")
                    || id.starts_with("w-kind-")
                    || known.contains(&id.as_str()),
                "{field} → {id}"
            );
            let step = step_of(field, d.kind);
            assert!((STEP_WHO..=STEP_PLACES).contains(&step), "{field}");
        }
    }

    #[test]
    fn paths_map_to_the_ids_the_views_use() {
        let d = draft();
        let cases = [
            ("kind", "w-kind-professionista"),
            ("name", ID_NAME),
            ("legal_representative_cf", ID_LEGAL_CF),
            ("contacts", ID_EMAIL),
            ("contacts.pec", ID_PEC),
            ("capacities.technological", ID_TECHNOLOGICAL),
            ("offers", "w-pcto-on"),
            ("offers[0].max_students", "w-apprendistato-max"),
            ("offers[1].max_students", "w-pcto-max"),
            ("offers[0].periods", "w-apprendistato-period-add"),
            ("offers[0].periods[1]", "w-apprendistato-period-1-from"),
            ("offers[0].periods[1].to", "w-apprendistato-period-1-to"),
            ("offers[0].figures", "w-apprendistato-figure-q"),
            ("offers[0].figures[1]", "w-apprendistato-figure-1"),
            ("offers[1].activity", "w-pcto-activity"),
            ("offers[1].path", "w-pcto-on"),
            ("places", ID_PLACE_ADD),
            ("places[1].comune", "w-place-1-comune"),
            ("places[0].cap", "w-place-0-cap"),
            ("something_new", ID_STEP_TITLE),
        ];
        for (field, id) in cases {
            assert_eq!(input_id(field, &d), id, "{field}");
        }
        assert_eq!(
            id_place(1, "comune"),
            format!("{}-comune", id_place_prefix(1))
        );
    }

    #[test]
    fn the_pec_is_on_the_identity_step_only_for_who_confirms_with_it() {
        for (kind, step) in [
            (HostKind::Professionista, STEP_WHO),
            (HostKind::EntePubblico, STEP_WHO),
            (HostKind::Impresa, STEP_PLACES),
            (HostKind::EntePrivato, STEP_PLACES),
        ] {
            assert_eq!(step_of("contacts.pec", Some(kind)), step, "{kind:?}");
        }
        assert_eq!(
            step_of("contacts.email", Some(HostKind::EntePubblico)),
            STEP_PLACES
        );
        assert_eq!(step_of("offers[1].figures[0]", None), STEP_OFFERS);
        assert_eq!(step_of("places[0].comune", None), STEP_PLACES);
        assert_eq!(step_of("bozza", None), STEP_PREVIEW);
    }

    #[test]
    fn labels_say_where_the_field_is() {
        let d = draft();
        let t = &PUBLISH_IT;
        assert_eq!(
            field_label("offers[0].periods[1].to", &d, t),
            "Apprendistato · Periodo 2 · Al"
        );
        assert_eq!(
            field_label("offers[0].figures[1]", &d, t),
            "Apprendistato · Figure professionali (ISTAT CP 2011) · 9.9.9"
        );
        assert_eq!(field_label("places[1].comune", &d, t), "Sede 2 · Comune");
        assert_eq!(field_label("codice_fiscale", &d, t), t.cf_professional);
        assert_eq!(field_label("kind", &d, t), "Che tipo di soggetto siete");
        assert_eq!(field_label("bozza", &d, t), "Anteprima");
    }
}
