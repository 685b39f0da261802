//! The family's languages beyond Italian and English (`Lang::LOADED`): their words are message
//! files a translator edits (`app/lingue/<code>/*.ftl`, Fluent syntax, one file per catalogue),
//! which `cargo xtask build` turns into one JSON file per language among the static assets
//! (`/pkg/lingue/<code>.json`, [`asset_path`]). The worker reads a language's file through its
//! `ASSETS` binding the first time a page needs it, and [`load`] keeps the catalogues made
//! from it for the instance's life: the words are not in the worker's wasm.
//!
//! A catalogue is the same struct as Italian's and English's (`Texts`, `FamilyTexts`, …), so
//! the pages do not know where their words come from; a word the file lacks is Italian's (the
//! text that counts), and a test (`tests` below) fails when a family word is missing or its
//! placeholders differ from Italian's.

use crate::i18n::{Lang, Texts};
use crate::i18n_decisions::DecisionTexts;
use crate::i18n_family::FamilyTexts;
use crate::i18n_info::InfoTexts;
use crate::i18n_law159::Law159Texts;

/// Where the build writes a language's messages, and where the worker reads them.
pub fn asset_path(lang: Lang) -> String {
    format!("/pkg/lingue/{}.json", lang.code())
}

/// One language's words, read from its file (never in the browser: the islands are Italian and
/// English only). Each catalogue starts as Italian's; the family's words are then the file's.
#[derive(Clone, Default)]
pub struct Catalogue {
    pub texts: Texts,
    pub family: FamilyTexts,
    pub law159: Law159Texts,
    pub info: InfoTexts,
    pub decisions: DecisionTexts,
    /// Domain messages (`domain::messages::Msg`) by their number (the files name them, the
    /// build numbers them): the errors of the family's forms. One not here is shown in Italian.
    pub errors: Vec<(usize, &'static str)>,
}

impl Catalogue {
    /// A domain message in this language, if the file has it.
    pub fn error(&self, m: domain::messages::Msg) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|(k, _)| *k == m.id as usize)
            .map(|(_, v)| *v)
    }
}

#[cfg(not(feature = "hydrate"))]
static LOADED: [std::sync::OnceLock<&'static Catalogue>; 8] =
    [const { std::sync::OnceLock::new() }; 8];

#[cfg(not(feature = "hydrate"))]
fn slot(lang: Lang) -> Option<&'static std::sync::OnceLock<&'static Catalogue>> {
    let i = Lang::LOADED.iter().position(|l| *l == lang)?;
    LOADED.get(i)
}

/// The catalogue of a loaded language, once [`load`] has read it.
pub fn catalogue(lang: Lang) -> Option<&'static Catalogue> {
    #[cfg(not(feature = "hydrate"))]
    {
        slot(lang)?.get().copied()
    }
    #[cfg(feature = "hydrate")]
    {
        let _ = lang;
        None
    }
}

/// Whether `lang`'s words are at hand (Italian and English always are).
pub fn ready(lang: Lang) -> bool {
    matches!(lang, Lang::It | Lang::En) || catalogue(lang).is_some()
}

/// Reads a language's JSON file (as the build writes it) and keeps its catalogue for the
/// instance's life. Its strings are kept too (leaked once per language and instance: the pages
/// borrow them as `&'static str`, like Italian's).
#[cfg(not(feature = "hydrate"))]
pub fn load(lang: Lang, json: &str) -> Result<&'static Catalogue, String> {
    let slot = slot(lang).ok_or_else(|| format!("{} is not a loaded language", lang.code()))?;
    if let Some(c) = slot.get() {
        return Ok(c);
    }
    let catalogue = parse(json)?;
    let kept: &'static Catalogue = Box::leak(Box::new(catalogue));
    Ok(slot.get_or_init(|| kept))
}

/// A language's JSON file into its catalogue (not kept). Only the family's words
/// ([`FAMILY_WORDS`]) are read: a few kilobytes of code for the setters, where a generic
/// deserializer of the whole catalogues cost the worker tens of kilobytes.
#[cfg(not(feature = "hydrate"))]
pub fn parse(json: &str) -> Result<Catalogue, String> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(json).map_err(|e| format!("messages: {e}"))?;
    let Value::Object(catalogues) = value else {
        return Err("messages: not an object".to_owned());
    };
    let mut c = Catalogue::default();
    for (name, words) in catalogues {
        let Value::Object(words) = words else {
            return Err(format!("messages: {name} is not an object"));
        };
        for (key, v) in words {
            if name == "errors" {
                let (Ok(number), Value::String(text)) = (key.parse(), v) else {
                    return Err(format!("messages: errors/{key} is not a numbered text"));
                };
                c.errors.push((number, text.leak()));
            } else {
                set_word(&mut c, &name, &key, v)?;
            }
        }
    }
    Ok(c)
}

/// Where a word of a message file goes: a text, a list of texts, or a count's forms.
#[cfg(not(feature = "hydrate"))]
trait Word {
    fn set(&mut self, v: serde_json::Value, key: &str) -> Result<(), String>;
}

#[cfg(not(feature = "hydrate"))]
impl Word for &'static str {
    fn set(&mut self, v: serde_json::Value, key: &str) -> Result<(), String> {
        match v {
            serde_json::Value::String(s) => {
                *self = s.leak();
                Ok(())
            }
            _ => Err(format!("messages: {key} is not a text")),
        }
    }
}

#[cfg(not(feature = "hydrate"))]
impl<const N: usize> Word for [&'static str; N] {
    fn set(&mut self, v: serde_json::Value, key: &str) -> Result<(), String> {
        match v {
            serde_json::Value::Array(items) if items.len() == N => {
                for (slot, item) in self.iter_mut().zip(items) {
                    slot.set(item, key)?;
                }
                Ok(())
            }
            _ => Err(format!("messages: {key} is not a list of {N}")),
        }
    }
}

#[cfg(not(feature = "hydrate"))]
impl Word for crate::i18n::Plural {
    fn set(&mut self, v: serde_json::Value, key: &str) -> Result<(), String> {
        let serde_json::Value::Object(forms) = v else {
            return Err(format!("messages: {key} is not a count"));
        };
        // The language's own categories only: none of Italian's is left behind.
        *self = crate::i18n::Plural::TWO_FORMS;
        for (category, form) in forms {
            match category.as_str() {
                "zero" => self.zero.set(form, key)?,
                "one" => self.one.set(form, key)?,
                "two" => self.two.set(form, key)?,
                "few" => self.few.set(form, key)?,
                "many" => self.many.set(form, key)?,
                "other" => self.other.set(form, key)?,
                _ => return Err(format!("messages: {key}: [{category}] is not a category")),
            }
        }
        Ok(())
    }
}

/// The family's words, catalogue by catalogue: what a message file gives (anything else in it
/// is refused by the test), and what every family language must have.
macro_rules! family_words {
    ($($cat:ident { $($field:ident),* $(,)? })*) => {
        /// Each catalogue's family words (field names), in the files' order.
        pub const FAMILY_WORDS: &[(&str, &[&str])] = &[$((stringify!($cat), &[$(stringify!($field)),*])),*];

        #[cfg(not(feature = "hydrate"))]
        fn set_word(
            c: &mut Catalogue,
            catalogue: &str,
            key: &str,
            v: serde_json::Value,
        ) -> Result<(), String> {
            match catalogue {
                $(stringify!($cat) => match key {
                    $(stringify!($field) => Word::set(&mut c.$cat.$field, v, key),)*
                    _ => Err(format!("messages: {catalogue}/{key} is not a family word")),
                },)*
                _ => Err(format!("messages: no catalogue {catalogue}")),
            }
        }
    };
}

family_words! {
    texts {
        site_name, site_tagline, skip_to_content, nav_label, nav_hosts, nav_calculator,
        footer_sources, footer_note, digit_group, decimal_mark, lang_menu, translation_note,
        translation_link, original_italian, nav_signin, nav_signout, nav_area,
        signed_in_prefix, signin_title, signin_lead, signin_with, signin_none, signin_hosts_note,
        signin_failed_title, signin_retry, norole_title, norole_text, norole_what, norole_schools,
        norole_schools_lead, norole_search_label, norole_search_button, norole_schools_none,
        norole_schools_more, norole_office_email, norole_office_phone, norole_no_contacts,
        norole_register_on, norole_register_usually, norole_register_never, norole_calculator,
        norole_calculator_link, not_found_title, not_found_text, offline_note, offline_title,
        offline_unsaved, offline_retry,
    }
    family {
        title, lead, saved_copy, register_updated, register_missing, notices_link,
        notices_unread, export_title, export_text, export_json, export_csv, class_school,
        gauge_text, annual_share, allowance_used, counted, remaining, remaining_days, derogated,
        pending_deroga, forecast, forecast_on, forecast_none, crossed_on, law159, law159_days,
        law159_flagged, law159_elusione, status_ok, status_attention, status_at_risk,
        status_exceeded, exceeded_consequence, actions, actions_none, action_justify,
        action_acknowledge, action_documents, action_documents_by, action_contact, details_link,
        hours_minutes, hours_only, minutes_only, days, day_of, absences_title, absences_none,
        months, weekdays, kinds, justified_yes, justified_no, effect_counted, effect_pending,
        effect_derogated, effect_not_counted, justification_pending, justification_approved,
        justification_refused, to_justify_title, to_justify_lead, to_justify_legend,
        to_justify_reason, to_justify_button, to_justify_none, to_justify_state, justified_sent,
        justify_privacy, presence_school_activity, presence_suspension, form_problem,
        deroga_open, reasons, deroga_title, deroga_lead, deroga_none, deroga_category,
        deroga_from, deroga_to, deroga_button, deroga_documents, deroga_range, status_pending,
        status_approved, status_refused, notices_title, notices_lead, notices_none,
        notice_unread, notice_read, notice_published, notice_ack_needed, notice_ack_done,
        notice_ack_button, notice_for, auto_title, auto_threshold, auto_exceeded, auto_law159,
        auto_elusione, back_family, back_notices, error_title, error_back, notice_withdrawn,
        notice_withdrawn_tag, notice_reminded, sn_not_yet, rq_deroga, csv_columns, csv_guardian,
        csv_position, csv_absence, csv_notice, csv_full_name, csv_tax_code, csv_annual_hours,
        csv_max_hours, csv_ack_of,
    }
    law159 { family_notice, family_resumed, family_mayor, channels }
    info {
        footer_privacy, footer_accessibility, translations_title, translations_text,
        translations_report, translations_languages,
    }
    decisions { refusals, family_refusal, family_council }
}

/// Which fields of a shared catalogue a family reads, so that a word added to it later must
/// be added to [`FAMILY_WORDS`] (and translated): every field of `FamilyTexts` but the school's
/// (`sn_`, `rq_`, `school_`, `grades`), every `family_`/`auto_` field of `Law159Texts`.
#[cfg(test)]
fn family_facing(catalogue: &str, key: &str) -> bool {
    match catalogue {
        "family" => {
            !(key.starts_with("sn_")
                || key.starts_with("rq_")
                || key.starts_with("school_")
                || key == "grades")
        }
        "law159" => key.starts_with("family_") || key.starts_with("auto_"),
        _ => false,
    }
}

/// The domain messages a family's form or page may show (`errors` of the message files).
#[cfg(test)]
pub(crate) const FAMILY_ERRORS: [domain::messages::Msg; 22] = {
    use domain::messages::Msg;
    [
        Msg::NotFound,
        Msg::Internal,
        Msg::Unauthenticated,
        Msg::Forbidden,
        Msg::CsrfRejected,
        Msg::RateLimited,
        Msg::PayloadTooLarge,
        Msg::UnknownCode,
        Msg::DerogaDuplicate,
        Msg::DerogaTooMany,
        Msg::DerogaCategoryFromList,
        Msg::NoticeWithdrawn,
        Msg::NoticeNeedsNoAcknowledgement,
        Msg::NoticeAlreadyAcknowledged,
        Msg::IsoDateForm,
        Msg::JustificationAlreadySent,
        Msg::AbsencesTooMany,
        Msg::AbsencesNoneChosen,
        Msg::AbsenceDerogated,
        Msg::ReasonFromList,
        Msg::FutureAbsence,
        Msg::DatesInSchoolYear,
    ]
};

#[cfg(test)]
#[path = "../../xtask/src/lingue.rs"]
mod ftl;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    fn dir(lang: Lang) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("lingue")
            .join(lang.code())
    }

    use crate::i18n::tests::placeholders;

    fn italian() -> Result<Value, serde_json::Error> {
        let errors: serde_json::Map<String, Value> = FAMILY_ERRORS
            .iter()
            .map(|m| {
                (
                    (m.id as usize).to_string(),
                    Value::String(m.it().to_owned()),
                )
            })
            .collect();
        Ok(serde_json::json!({
            "texts": serde_json::to_value(&crate::i18n::IT)?,
            "family": serde_json::to_value(&crate::i18n_family::FAMILY_IT)?,
            "law159": serde_json::to_value(&crate::i18n_law159::LAW159_IT)?,
            "info": serde_json::to_value(&crate::i18n_info::INFO_IT)?,
            "decisions": serde_json::to_value(&crate::i18n_decisions::DECISIONS_IT)?,
            "errors": errors,
        }))
    }

    /// Italian's `it` against a translation's `tr` at `path`: what is missing or differs.
    fn compare(path: &str, it: &Value, tr: Option<&Value>, bad: &mut Vec<String>) {
        let Some(tr) = tr else {
            bad.push(format!("{path}: missing"));
            return;
        };
        match (it, tr) {
            (Value::String(a), Value::String(b)) => {
                if b.is_empty() {
                    bad.push(format!("{path}: empty"));
                } else if placeholders(a) != placeholders(b) {
                    bad.push(format!(
                        "{path}: placeholders {:?}, Italian's {:?}",
                        placeholders(b),
                        placeholders(a)
                    ));
                }
            }
            (Value::Array(a), Value::Array(b)) => {
                if a.len() != b.len() {
                    bad.push(format!(
                        "{path}: {} items, Italian has {}",
                        b.len(),
                        a.len()
                    ));
                }
                for (i, x) in a.iter().enumerate() {
                    compare(&format!("{path}-{i}"), x, b.get(i), bad);
                }
            }
            // A count: the language's own categories; "other" says all of Italian's
            // placeholders, every other form only some of them ("one day", "يوم واحد").
            (Value::Object(a), Value::Object(b)) if a.contains_key("other") => {
                let all: BTreeSet<String> = a
                    .values()
                    .filter_map(Value::as_str)
                    .flat_map(placeholders)
                    .collect();
                match b.get("other").and_then(Value::as_str) {
                    Some(o) if placeholders(o) == all => {}
                    Some(o) => bad.push(format!(
                        "{path}: [other] placeholders {:?}, Italian's {:?}",
                        placeholders(o),
                        all
                    )),
                    None => bad.push(format!("{path}: a count without *[other]")),
                }
                for (k, v) in b {
                    let extra: Vec<String> = v
                        .as_str()
                        .map(placeholders)
                        .unwrap_or_default()
                        .difference(&all)
                        .cloned()
                        .collect();
                    if !extra.is_empty() {
                        bad.push(format!(
                            "{path} [{k}]: placeholders Italian lacks {extra:?}"
                        ));
                    }
                }
            }
            _ => bad.push(format!("{path}: not the same kind of message as Italian's")),
        }
    }

    fn problems(lang: Lang) -> Result<Vec<String>, String> {
        let it = italian().map_err(|e| e.to_string())?;
        let tr = ftl::language(&dir(lang))?;
        let mut bad = Vec::new();
        let errors: Vec<String> = FAMILY_ERRORS
            .iter()
            .map(|m| (m.id as usize).to_string())
            .collect();
        let mut lists: Vec<(&str, Vec<&str>)> = FAMILY_WORDS
            .iter()
            .map(|(c, keys)| (*c, keys.to_vec()))
            .collect();
        lists.push(("errors", errors.iter().map(String::as_str).collect()));
        for (catalogue, keys) in lists {
            let Some(Value::Object(fields)) = it.get(catalogue) else {
                return Err(format!("no Italian {catalogue}"));
            };
            for key in &keys {
                match fields.get(*key) {
                    Some(value) => compare(
                        &format!("{}/{catalogue}.ftl: {key}", lang.code()),
                        value,
                        tr.get(catalogue).and_then(|c| c.get(*key)),
                        &mut bad,
                    ),
                    None => bad.push(format!("{catalogue}: {key} is not a word of Ponte")),
                }
            }
            // What the file says beyond the family's words would never be shown.
            if let Some(Value::Object(tr_fields)) = tr.get(catalogue) {
                for key in tr_fields.keys() {
                    if !keys.contains(&key.as_str()) {
                        bad.push(format!(
                            "{}/{catalogue}.ftl: {key}: not one of the family's words",
                            lang.code()
                        ));
                    }
                }
            }
        }
        // And the worker reads what the build writes.
        let json = serde_json::to_string(&tr).map_err(|e| e.to_string())?;
        parse(&json)?;
        Ok(bad)
    }

    /// A word a family reads, added to a shared catalogue (by another change), must be one of
    /// [`FAMILY_WORDS`]: then every language must translate it.
    #[test]
    fn every_word_a_family_reads_is_a_family_word() -> Result<(), serde_json::Error> {
        let it = italian()?;
        let mut missing = Vec::new();
        for (catalogue, keys) in FAMILY_WORDS {
            if let Some(Value::Object(fields)) = it.get(*catalogue) {
                for key in fields.keys() {
                    if family_facing(catalogue, key) && !keys.contains(&key.as_str()) {
                        missing.push(format!("{catalogue}: {key}"));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "add these to lingue::FAMILY_WORDS and translate them in app/lingue/*/: {missing:?}"
        );
        Ok(())
    }

    #[test]
    fn every_family_language_has_every_family_word_with_italian_placeholders() {
        let mut bad = Vec::new();
        for lang in Lang::LOADED {
            match problems(lang) {
                Ok(p) => bad.extend(p),
                Err(e) => bad.push(format!("{}: {e}", lang.code())),
            }
        }
        assert!(
            bad.is_empty(),
            "{} problems:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }

    #[test]
    fn a_loaded_language_speaks_its_words_and_counts_in_its_categories() {
        let tr = ftl::language(&dir(Lang::Ar)).unwrap(); // ok: test
        let json = serde_json::to_string(&tr).unwrap(); // ok: test
        let c = load(Lang::Ar, &json).unwrap(); // ok: test
        assert_eq!(Lang::Ar.family().title, c.family.title);
        assert_ne!(Lang::Ar.family().title, crate::i18n_family::FAMILY_IT.title);
        // Arabic: six categories (CLDR): 0 zero, 1 one, 2 two, 3–10 few, 11–99 many, 100 other.
        let cats: Vec<&str> = [0, 1, 2, 3, 11, 100]
            .into_iter()
            .map(|n| Lang::Ar.plural_category(n))
            .collect();
        assert_eq!(cats, ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(Lang::Ro.plural_category(1), "one");
        assert_eq!(Lang::Ro.plural_category(5), "few");
        assert_eq!(Lang::Ro.plural_category(20), "other");
        assert_eq!(Lang::Uk.plural_category(22), "few");
        assert_eq!(Lang::Uk.plural_category(25), "many");
        assert_eq!(Lang::Zh.plural_category(1), "other");
        assert_eq!(Lang::It.plural_category(1), "one");
        assert_eq!(Lang::It.plural_category(0), "other");
        let days = Lang::Ar.count(&Lang::Ar.family().days, 2, &[]);
        assert!(!days.contains("{n}"), "{days}");
        // A word the file lacks is Italian's; the staff's catalogues stay Italian or English.
        assert_eq!(Lang::Ar.desk().link, crate::i18n_desk::DESK_EN.link);
        assert_eq!(Lang::Ar.texts().hosts_title, crate::i18n::IT.hosts_title);
    }

    #[test]
    fn the_browser_asks_for_a_language_and_a_tag_names_one() {
        assert_eq!(
            Lang::family_from_accept_language("ro-RO,ro;q=0.9,en;q=0.8"),
            Lang::Ro
        );
        assert_eq!(
            Lang::family_from_accept_language("de-DE,de;q=0.9,ar;q=0.8"),
            Lang::Ar
        );
        assert_eq!(
            Lang::family_from_accept_language("en;q=0.5,zh-CN"),
            Lang::Zh
        );
        assert_eq!(Lang::family_from_accept_language("de"), Lang::It);
        assert_eq!(Lang::family_from_accept_language(""), Lang::It);
        assert_eq!(Lang::family_from_accept_language("ur;q=0,uk"), Lang::Uk);
        assert_eq!(
            Lang::family_from_accept_language("fr;q=0.5,es;q=0.55,ro;q=0.55"),
            Lang::Es
        );
        assert_eq!(
            Lang::family_from_accept_language("sq;q=x,uk;q=0.1"),
            Lang::Uk
        );
        // Staff pages: Italian or English only.
        assert_eq!(Lang::from_accept_language("ro-RO,en;q=0.8"), Lang::En);
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.code()), Some(l));
        }
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("xx"), None);
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Ur.dir(), "rtl");
        assert_eq!(Lang::Zh.dir(), "ltr");
    }
}
