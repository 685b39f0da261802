//! The draft file "Salva bozza" downloads and "Carica bozza" reads back, and the compact JSON
//! the wizard sends: written and read by [`super::json`].

use super::{json, ProfileDraft};
use crate::declaration::DeclarationCode;
use crate::error::FieldError;
use crate::messages::{Msg, ToArg};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use std::fmt;

// ---------------------------------------------------------------------------------------------
// The draft file.
// ---------------------------------------------------------------------------------------------

/// Why a draft file could not be loaded. Each has a stable [`code`](DraftFileError::code) and
/// an Italian [`message`](DraftFileError::message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftFileError {
    /// Larger than [`DraftFile::MAX_BYTES`].
    TooLarge { bytes: usize },
    /// Not UTF-8 JSON.
    NotJson,
    /// JSON, but not a Ponte profile draft.
    ForeignFormat,
    /// A draft from an older format version, which this version no longer reads.
    OlderVersion { found: i64 },
    /// A draft from a newer version of Ponte than the one running.
    NewerVersion { found: i64 },
    /// The draft does not match its checksum: edited by hand, or damaged.
    Tampered,
    /// Our format and checksum, but a field is missing or of the wrong type (`path` names it).
    Malformed { path: String },
}

impl DraftFileError {
    pub fn code(&self) -> &'static str {
        match self {
            DraftFileError::TooLarge { .. } => "too_large",
            DraftFileError::NotJson => "not_json",
            DraftFileError::ForeignFormat => "foreign_format",
            DraftFileError::OlderVersion { .. } => "older_version",
            DraftFileError::NewerVersion { .. } => "newer_version",
            DraftFileError::Tampered => "tampered",
            DraftFileError::Malformed { .. } => "malformed",
        }
    }

    /// The Italian message.
    pub fn message(&self) -> String {
        self.to_field_error().message
    }

    /// The error as the API and the form show it, on the field `bozza`.
    pub fn to_field_error(&self) -> FieldError {
        let says = |msg: Msg, args: &[(&'static str, &dyn ToArg)]| {
            FieldError::invalid_says("bozza", msg, args)
        };
        match self {
            DraftFileError::TooLarge { bytes } => says(
                Msg::DraftTooLarge,
                &[
                    ("kb", &bytes.div_ceil(1024)),
                    ("max", &(DraftFile::MAX_BYTES / 1024)),
                ],
            ),
            DraftFileError::NotJson => says(Msg::DraftNotJson, &[]),
            DraftFileError::ForeignFormat => says(Msg::DraftForeignFormat, &[]),
            DraftFileError::OlderVersion { found } => {
                says(Msg::DraftOlderVersion, &[("found", found)])
            }
            DraftFileError::NewerVersion { found } => {
                says(Msg::DraftNewerVersion, &[("found", found)])
            }
            DraftFileError::Tampered => says(Msg::DraftTampered, &[]),
            DraftFileError::Malformed { path } => says(Msg::DraftMalformed, &[("path", path)]),
        }
    }
}

impl fmt::Display for DraftFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for DraftFileError {}

/// The file "Salva bozza" downloads and "Carica bozza" reads back:
///
/// ```json
/// {"format":"ponte-bozza-profilo","version":1,"saved_at":"2026-03-01T10:00:00Z",
///  "draft":{…},"checksum":"fnv1a64:0123456789abcdef"}
/// ```
///
/// The checksum is FNV-1a (64 bits) over the canonical JSON of `draft` (keys sorted, no
/// whitespace, strings with the minimal escapes), so re-indenting the file does not break it
/// but changing a value does. It catches damage and naive edits only: anybody can recompute it,
/// so it is **not a signature**, and nothing loaded from a file is trusted — the draft goes
/// through [`ProfileDraft::validate`] like anything typed. The JSON is read and written by
/// [`super::json`], not `serde_json`, to keep `serde_json` out of the wizard's browser bundle
/// (the reason is in that module); the format of `draft` is `ProfileDraft`'s serde form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftFile {
    pub saved_at: NaiveDateTime,
    pub draft: ProfileDraft,
    /// The wizard's step it was saved on (`step`, 1 to [`DraftFile::MAX_STEP`]): loading it
    /// resumes there. Outside the checksum: it says where the person was, not what they wrote.
    pub step: Option<u8>,
    /// The code of the declaration sent from this draft (`declaration`), so the file leads
    /// back to it (`/enti/pubblica/dichiarazione`). Outside the checksum, like `step`.
    pub declaration: Option<DeclarationCode>,
}

impl DraftFile {
    pub const FORMAT: &'static str = "ponte-bozza-profilo";
    pub const VERSION: i64 = 1;
    /// 256 KB. A draft within the limits of [`ProfileDraft::validate`] is a small fraction of
    /// this; a draft whose text fields were filled far beyond them may save a file too large to
    /// load, which is why the form caps each field at its limit.
    pub const MAX_BYTES: usize = 256 * 1024;
    /// The wizard's last step.
    pub const MAX_STEP: u8 = 6;

    /// The file's text for a draft alone: pretty-printed JSON. `saved_at` is UTC.
    pub fn to_json(draft: &ProfileDraft, saved_at: NaiveDateTime) -> String {
        DraftFile {
            saved_at,
            draft: draft.clone(),
            step: None,
            declaration: None,
        }
        .write()
    }

    /// The file's text: pretty-printed JSON, with the step and the declaration when known.
    pub fn write(&self) -> String {
        let draft_value = json::draft_to_value(&self.draft);
        let checksum = json::checksum(&draft_value);
        let saved_at = self.saved_at;
        let mut fields = vec![
            (
                "format".to_owned(),
                json::Value::String(Self::FORMAT.to_owned()),
            ),
            (
                "version".to_owned(),
                json::Value::Number(Self::VERSION.to_string()),
            ),
            (
                "saved_at".to_owned(),
                json::Value::String(format_timestamp(saved_at)),
            ),
            ("draft".to_owned(), draft_value),
            ("checksum".to_owned(), json::Value::String(checksum)),
        ];
        if let Some(step) = self.step {
            fields.push(("step".to_owned(), json::Value::Number(step.to_string())));
        }
        if let Some(code) = &self.declaration {
            fields.push((
                "declaration".to_owned(),
                json::Value::String(code.as_str().to_owned()),
            ));
        }
        let file = json::Value::Object(fields);
        let mut out = String::new();
        json::write(&file, &mut out, json::Style::Pretty, 0);
        out.push('\n');
        out
    }

    /// A suggested file name with the day on Rome's clock: `bozza-profilo-2026-03-01.json`
    /// (`saved_at` is UTC).
    pub fn file_name(saved_at: NaiveDateTime) -> String {
        let d = crate::clock::rome_time(saved_at.and_utc().timestamp())
            .unwrap_or(saved_at)
            .date();
        format!(
            "bozza-profilo-{:04}-{:02}-{:02}.json",
            d.year(),
            d.month(),
            d.day()
        )
    }

    /// The draft in a file's text.
    pub fn from_json(text: &str) -> Result<ProfileDraft, DraftFileError> {
        Self::load(text).map(|f| f.draft)
    }

    /// The draft in a file's bytes, as a browser's `FileReader` or an upload gives them.
    pub fn from_bytes(bytes: &[u8]) -> Result<ProfileDraft, DraftFileError> {
        if bytes.len() > Self::MAX_BYTES {
            return Err(DraftFileError::TooLarge { bytes: bytes.len() });
        }
        let text = std::str::from_utf8(bytes).map_err(|_| DraftFileError::NotJson)?;
        Self::from_json(text)
    }

    /// The file's text with its `checksum` made right for its `draft` (the other fields as they
    /// are, in their order): what a hand edit would need to pass as untouched. `None` when it is
    /// not a JSON object with a `draft`. For tests and the fuzzer, which reach the draft's own
    /// checks only through a file whose checksum holds.
    pub fn resealed(text: &str) -> Option<String> {
        let json::Value::Object(mut fields) = json::parse(text)? else {
            return None;
        };
        let draft = fields.iter().find(|(k, _)| k == "draft")?.1.clone();
        let checksum = json::Value::String(json::checksum(&draft));
        match fields.iter_mut().find(|(k, _)| k == "checksum") {
            Some((_, v)) => *v = checksum,
            None => fields.push(("checksum".to_owned(), checksum)),
        }
        let mut out = String::new();
        json::write(
            &json::Value::Object(fields),
            &mut out,
            json::Style::Compact,
            0,
        );
        Some(out)
    }

    /// The draft and when it was saved.
    pub fn load(text: &str) -> Result<DraftFile, DraftFileError> {
        if text.len() > Self::MAX_BYTES {
            return Err(DraftFileError::TooLarge { bytes: text.len() });
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let root = json::parse(text).ok_or(DraftFileError::NotJson)?;
        let json::Value::Object(fields) = &root else {
            return Err(DraftFileError::ForeignFormat);
        };
        let get = |k: &str| fields.iter().find(|(key, _)| key == k).map(|(_, v)| v);
        match get("format") {
            Some(json::Value::String(f)) if f == Self::FORMAT => {}
            _ => return Err(DraftFileError::ForeignFormat),
        }
        let malformed = |p: &str| DraftFileError::Malformed { path: p.to_owned() };
        let version = match get("version") {
            Some(json::Value::Number(n)) => json::integer(n).ok_or_else(|| malformed("version"))?,
            _ => return Err(malformed("version")),
        };
        if version < Self::VERSION {
            return Err(DraftFileError::OlderVersion { found: version });
        }
        if version > Self::VERSION {
            return Err(DraftFileError::NewerVersion { found: version });
        }
        const KEYS: [&str; 7] = [
            "format",
            "version",
            "saved_at",
            "draft",
            "checksum",
            "step",
            "declaration",
        ];
        if let Some((k, _)) = fields.iter().find(|(k, _)| !KEYS.contains(&k.as_str())) {
            return Err(malformed(k));
        }
        let draft_value = get("draft").ok_or_else(|| malformed("draft"))?;
        let checksum = match get("checksum") {
            Some(json::Value::String(c)) => c,
            _ => return Err(malformed("checksum")),
        };
        if *checksum != json::checksum(draft_value) {
            return Err(DraftFileError::Tampered);
        }
        let saved_at = match get("saved_at") {
            Some(json::Value::String(s)) => {
                parse_timestamp(s).ok_or_else(|| malformed("saved_at"))?
            }
            _ => return Err(malformed("saved_at")),
        };
        let draft = json::draft_from_value(draft_value)
            .map_err(|path| DraftFileError::Malformed { path })?;
        let step = match get("step") {
            None => None,
            Some(json::Value::Number(n)) => Some(
                json::integer(n)
                    .and_then(|n| u8::try_from(n).ok())
                    .filter(|n| (1..=Self::MAX_STEP).contains(n))
                    .ok_or_else(|| malformed("step"))?,
            ),
            Some(_) => return Err(malformed("step")),
        };
        let declaration = match get("declaration") {
            None => None,
            Some(json::Value::String(c)) => {
                Some(DeclarationCode::parse(c).map_err(|_| malformed("declaration"))?)
            }
            Some(_) => return Err(malformed("declaration")),
        };
        Ok(DraftFile {
            saved_at,
            draft,
            step,
            declaration,
        })
    }

    /// The whole file in a file's bytes (the draft, the step, the declaration).
    pub fn open_bytes(bytes: &[u8]) -> Result<DraftFile, DraftFileError> {
        if bytes.len() > Self::MAX_BYTES {
            return Err(DraftFileError::TooLarge { bytes: bytes.len() });
        }
        let text = std::str::from_utf8(bytes).map_err(|_| DraftFileError::NotJson)?;
        Self::load(text)
    }
}

impl ProfileDraft {
    /// The draft as compact JSON, in its serde form (what `POST /enti/pubblica/anteprima` and
    /// `POST /api/v1/declarations` take): written by the draft file's own writer, so the
    /// browser bundle needs no `serde_json`.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        json::write(
            &json::draft_to_value(self),
            &mut out,
            json::Style::Compact,
            0,
        );
        out
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`.
fn format_timestamp(t: NaiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn parse_timestamp(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    let shape = b.len() == 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'Z'
        && [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    if !shape {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    NaiveDate::from_ymd_opt(n(0..4)? as i32, n(5..7)?, n(8..10)?)?.and_hms_opt(
        n(11..13)?,
        n(14..16)?,
        n(17..19)?,
    )
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{
        limits, CapacitiesDraft, ContactsDraft, OfferDraft, PeriodDraft, PlaceDraft,
    };
    use super::*;
    use crate::hosts::{HostKind, PathKind};
    use proptest::prelude::*;

    // --- The draft file. ---

    fn at() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 1)
            .unwrap()
            .and_hms_opt(10, 5, 9)
            .unwrap()
    }

    /// A half-filled draft with text that needs escaping.
    fn half_filled() -> ProfileDraft {
        let mut d = impresa();
        d.kind = None;
        d.name = "Caffè \"Al Ponte\" \\ tab\t nl\n ctl\u{1} emoji 🌉".to_owned();
        d.offers[0].max_students = "tre".to_owned();
        d.offers[1].path = None;
        d
    }

    /// Issue 23 points 1 and 9: the file says the step it was saved on and the declaration
    /// sent from it; neither is in the checksum, both are checked when read.
    #[test]
    fn a_draft_file_keeps_its_step_and_its_declaration() {
        let code = DeclarationCode::from_entropy([7; DeclarationCode::ENTROPY_BYTES]);
        let file = DraftFile {
            saved_at: at(),
            draft: impresa(),
            step: Some(4),
            declaration: Some(code.clone()),
        };
        let text = file.write();
        assert_eq!(DraftFile::load(&text).unwrap(), file);
        assert_eq!(DraftFile::open_bytes(text.as_bytes()).unwrap(), file);
        assert!(text.contains("\"step\": 4"), "{text}");
        assert!(text.contains(&format!("\"declaration\": \"{}\"", code.as_str())));
        // Without them (an older file) the draft loads as ever.
        let plain = DraftFile::load(&DraftFile::to_json(&impresa(), at())).unwrap();
        assert_eq!((plain.step, plain.declaration), (None, None));
        // A step out of range or a code that is not one: the file is malformed, nothing loads.
        for (from, to, path) in [
            ("\"step\": 4", "\"step\": 9", "step"),
            ("\"step\": 4", "\"step\": \"4\"", "step"),
            (code.as_str(), "NOT-A-CODE", "declaration"),
        ] {
            let bad = text.replace(from, to);
            assert_eq!(
                DraftFile::load(&bad),
                Err(DraftFileError::Malformed {
                    path: path.to_owned()
                }),
                "{to}"
            );
        }
    }

    #[test]
    fn a_draft_file_round_trips() {
        for d in [
            impresa(),
            half_filled(),
            ProfileDraft::default(),
            ente_pubblico(),
        ] {
            let text = DraftFile::to_json(&d, at());
            let loaded = DraftFile::load(&text).unwrap();
            assert_eq!(loaded.draft, d);
            assert_eq!(loaded.saved_at, at());
            assert_eq!(DraftFile::from_json(&text).unwrap(), d);
            assert_eq!(DraftFile::from_bytes(text.as_bytes()).unwrap(), d);
        }
        assert_eq!(DraftFile::file_name(at()), "bozza-profilo-2026-03-01.json");
        // 23:30 UTC is already the next day in Rome.
        let late = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
            .and_then(|d| d.and_hms_opt(23, 30, 0))
            .expect("a valid time");
        assert_eq!(DraftFile::file_name(late), "bozza-profilo-2026-03-02.json");
        let text = DraftFile::to_json(&ProfileDraft::default(), at());
        assert!(
            text.starts_with("{\n  \"format\": \"ponte-bozza-profilo\",\n  \"version\": 1,\n"),
            "{text}"
        );
        assert!(text.contains("\n    \"offers\": [],\n"), "{text}");
    }

    #[test]
    fn the_file_has_the_documented_shape_and_serdes_draft_form() {
        let d = half_filled();
        let text = DraftFile::to_json(&d, at());
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["format"], "ponte-bozza-profilo");
        assert_eq!(v["version"], 1);
        assert_eq!(v["saved_at"], "2026-03-01T10:05:09Z");
        assert_eq!(v["draft"], serde_json::to_value(&d).unwrap());
        let checksum = v["checksum"].as_str().unwrap();
        assert!(
            checksum.starts_with("fnv1a64:") && checksum.len() == 24,
            "{checksum}"
        );
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 5);
        // serde_json's compact form of the file is also loadable: whitespace does not matter.
        let compact = serde_json::to_string(&v).unwrap();
        assert_eq!(DraftFile::from_json(&compact).unwrap(), d);
        // Nor does a byte-order mark.
        assert_eq!(DraftFile::from_json(&format!("\u{feff}{text}")).unwrap(), d);
    }

    #[test]
    fn the_checksum_is_fnv1a_over_the_canonical_draft() {
        assert_eq!(json::checksum(&json::Value::Object(vec![])), {
            // FNV-1a 64 of "{}".
            let mut h: u64 = 0xcbf29ce484222325;
            for b in b"{}" {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x100000001b3);
            }
            format!("fnv1a64:{h:016x}")
        });
        let a = json::parse(r#"{"b":[1,"x"],"a":null}"#).unwrap();
        let b = json::parse("{ \"a\" : null ,\n \"b\" : [ 1 , \"\\u0078\" ] }").unwrap();
        assert_eq!(json::checksum(&a), json::checksum(&b));
    }

    #[test]
    fn edited_files_are_refused_as_tampered() {
        let text = DraftFile::to_json(&impresa(), at());
        let edited = text.replacen("\"max_students\": \" 4 \"", "\"max_students\": \" 9 \"", 1);
        assert_ne!(edited, text);
        assert_eq!(DraftFile::from_json(&edited), Err(DraftFileError::Tampered));
        let edited = text.replacen("\"checksum\": \"fnv1a64:", "\"checksum\": \"fnv1a64:0", 1);
        assert_eq!(DraftFile::from_json(&edited), Err(DraftFileError::Tampered));
        // Changing only when it was saved is not tampering with the draft.
        let edited = text.replacen("2026-03-01T10:05:09Z", "2026-03-02T10:05:09Z", 1);
        assert!(DraftFile::from_json(&edited).is_ok());
    }

    #[test]
    fn a_resealed_edit_loads_with_the_edit() {
        let text = DraftFile::to_json(&impresa(), at());
        let edited = text.replacen("\"max_students\": \" 4 \"", "\"max_students\": \" 9 \"", 1);
        let resealed = DraftFile::resealed(&edited).unwrap();
        let draft = DraftFile::from_json(&resealed).unwrap();
        assert_eq!(draft.offers[0].max_students, " 9 ");
        // Unchanged text reseals to the same file, written compact.
        let same = DraftFile::resealed(&text).unwrap();
        assert_eq!(DraftFile::from_json(&same), DraftFile::from_json(&text));
        assert_eq!(DraftFile::resealed("[1]"), None);
        assert_eq!(DraftFile::resealed("{\"checksum\":\"x\"}"), None);
    }

    #[test]
    fn foreign_and_broken_files_have_their_own_errors() {
        use DraftFileError::*;
        let cases: Vec<(String, DraftFileError)> = vec![
            (String::new(), NotJson),
            ("ciao".into(), NotJson),
            ("{\"format\":".into(), NotJson),
            ("{\"a\":1,\"a\":2}".into(), NotJson),
            ("\"\\ud800\"".into(), NotJson),
            ("[".repeat(100_000), NotJson),
            ("[]".into(), ForeignFormat),
            ("{}".into(), ForeignFormat),
            ("{\"format\":\"altro\",\"version\":1}".into(), ForeignFormat),
            (
                "{\"format\":\"ponte-bozza-profilo\"}".into(),
                Malformed {
                    path: "version".into(),
                },
            ),
            (
                "{\"format\":\"ponte-bozza-profilo\",\"version\":1.5}".into(),
                Malformed {
                    path: "version".into(),
                },
            ),
            (
                "{\"format\":\"ponte-bozza-profilo\",\"version\":0}".into(),
                OlderVersion { found: 0 },
            ),
            (
                "{\"format\":\"ponte-bozza-profilo\",\"version\":2}".into(),
                NewerVersion { found: 2 },
            ),
            (
                "{\"format\":\"ponte-bozza-profilo\",\"version\":99999999999999999999999}".into(),
                NewerVersion { found: i64::MAX },
            ),
            (
                "{\"format\":\"ponte-bozza-profilo\",\"version\":1}".into(),
                Malformed {
                    path: "draft".into(),
                },
            ),
        ];
        for (text, expected) in cases {
            let short: String = text.chars().take(60).collect();
            assert_eq!(DraftFile::from_json(&text), Err(expected), "{short}");
        }
        assert_eq!(DraftFile::from_bytes(&[0xff, 0xfe, b'{']), Err(NotJson));
    }

    #[test]
    fn too_large_files_are_refused_before_reading() {
        let big = " ".repeat(DraftFile::MAX_BYTES + 1);
        assert_eq!(
            DraftFile::from_json(&big),
            Err(DraftFileError::TooLarge {
                bytes: DraftFile::MAX_BYTES + 1
            })
        );
        assert!(matches!(
            DraftFile::from_bytes(big.as_bytes()),
            Err(DraftFileError::TooLarge { .. })
        ));
        let e = DraftFileError::TooLarge { bytes: 300 * 1024 };
        assert!(e.message().contains("300 KB") && e.message().contains("256 KB"));
    }

    /// A file with a right checksum over a wrong draft: what a forger (or a bug) would make.
    fn forged(draft_json: &str) -> String {
        let v = json::parse(draft_json).unwrap();
        format!(
            "{{\"format\":\"ponte-bozza-profilo\",\"version\":1,\"saved_at\":\"2026-03-01T10:05:09Z\",\"draft\":{draft_json},\"checksum\":\"{}\"}}",
            json::checksum(&v)
        )
    }

    #[test]
    fn a_forged_file_with_wrong_types_is_malformed_with_its_path() {
        for (draft, path) in [
            ("[]", "draft"),
            ("{\"name\":3}", "draft.name"),
            ("{\"kind\":\"azienda\"}", "draft.kind"),
            ("{\"extra\":\"\"}", "draft.extra"),
            ("{\"offers\":{}}", "draft.offers"),
            (
                "{\"offers\":[{\"path\":\"stage\"}]}",
                "draft.offers[0].path",
            ),
            (
                "{\"offers\":[{\"periods\":[{\"from\":null}]}]}",
                "draft.offers[0].periods[0].from",
            ),
            (
                "{\"offers\":[{},{\"figures\":[\"1\",2]}]}",
                "draft.offers[1].figures[1]",
            ),
            ("{\"places\":[{\"cap\":false}]}", "draft.places[0].cap"),
            ("{\"contacts\":{\"fax\":\"\"}}", "draft.contacts.fax"),
            ("{\"capacities\":[]}", "draft.capacities"),
        ] {
            assert_eq!(
                DraftFile::from_json(&forged(draft)),
                Err(DraftFileError::Malformed { path: path.into() }),
                "{draft}"
            );
        }
        // Missing fields read as empty, like serde's `default`.
        assert_eq!(
            DraftFile::from_json(&forged("{\"name\":\"Ente\"}")).unwrap(),
            ProfileDraft {
                name: "Ente".into(),
                ..Default::default()
            }
        );
        // A bad timestamp.
        let text = forged("{}").replace("2026-03-01T10:05:09Z", "ieri");
        assert_eq!(
            DraftFile::from_json(&text),
            Err(DraftFileError::Malformed {
                path: "saved_at".into()
            })
        );
        let text = forged("{}").replacen("{", "{\"x\":1,", 1);
        assert_eq!(
            DraftFile::from_json(&text),
            Err(DraftFileError::Malformed { path: "x".into() })
        );
    }

    #[test]
    fn error_codes_and_messages() {
        let all = [
            DraftFileError::TooLarge { bytes: 1 },
            DraftFileError::NotJson,
            DraftFileError::ForeignFormat,
            DraftFileError::OlderVersion { found: 0 },
            DraftFileError::NewerVersion { found: 2 },
            DraftFileError::Tampered,
            DraftFileError::Malformed {
                path: "draft".into(),
            },
        ];
        let mut codes: Vec<&str> = all.iter().map(DraftFileError::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        for e in &all {
            let f = e.to_field_error();
            assert_eq!(f.field.as_deref(), Some("bozza"));
            assert_eq!(f.message, e.to_string());
        }
        assert!(DraftFileError::OlderVersion { found: 0 }
            .message()
            .contains("precedente"));
        assert!(DraftFileError::NewerVersion { found: 2 }
            .message()
            .contains("più recente"));
    }

    #[test]
    fn a_full_profile_at_every_limit_fits_in_a_file() {
        let mut d = impresa();
        let long = "à".repeat(limits::TEXT_MAX);
        d.name = "n".repeat(limits::NAME_MAX);
        d.description = long.clone();
        d.supply_chain = long.clone();
        d.capacities = CapacitiesDraft {
            structural: long.clone(),
            technological: long.clone(),
            organisational: long.clone(),
        };
        for o in &mut d.offers {
            o.activity = "a".repeat(limits::ACTIVITY_MAX);
            o.figures = (0..limits::MAX_FIGURES)
                .map(|i| format!("{}.{}", i / 10 + 1, i % 10))
                .collect();
            o.periods = vec![o.periods[0].clone(); limits::MAX_PERIODS];
        }
        d.places = vec![
            PlaceDraft {
                address: "v".repeat(limits::ADDRESS_MAX),
                cap: "00184".into(),
                comune: "058091".into(),
            };
            limits::MAX_PLACES
        ];
        d.validate().unwrap();
        let text = DraftFile::to_json(&d, at());
        assert!(text.len() < DraftFile::MAX_BYTES, "{}", text.len());
        assert_eq!(DraftFile::from_json(&text).unwrap(), d);
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![any::<String>(), "\\PC{0,12}", Just(String::new())]
    }

    prop_compose! {
        fn any_draft()(
            texts in proptest::collection::vec(any_text(), 20),
            kind in proptest::option::of(proptest::sample::select(HostKind::ALL.to_vec())),
            path in proptest::option::of(proptest::sample::select(PathKind::ALL.to_vec())),
            figures in proptest::collection::vec(any_text(), 0..3),
            n_places in 0usize..3,
        ) -> ProfileDraft {
            let t = |i: usize| texts[i].clone();
            ProfileDraft {
                kind,
                name: t(0),
                codice_fiscale: t(1),
                partita_iva: t(2),
                legal_representative_cf: t(3),
                ipa_code: t(4),
                ateco: t(5),
                description: t(6),
                offers: vec![OfferDraft {
                    path,
                    max_students: t(7),
                    periods: vec![PeriodDraft { from: t(8), to: t(9) }],
                    figures,
                    activity: t(10),
                }],
                places: vec![PlaceDraft { address: t(11), cap: t(12), comune: t(13) }; n_places],
                contacts: ContactsDraft {
                    person_role: t(14),
                    email: t(15),
                    phone: t(16),
                    pec: t(17),
                    website: t(18),
                },
                supply_chain: t(19),
                capacities: CapacitiesDraft::default(),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn from_json_never_panics_on_any_text(s in any::<String>()) {
            let _ = DraftFile::from_json(&s);
        }

        #[test]
        fn from_json_never_panics_on_json_like_text(s in "[\\[\\]{}:,\"0-9a-z\\\\ .eE+-]{0,200}") {
            let _ = DraftFile::from_json(&s);
        }

        #[test]
        fn from_bytes_never_panics_on_any_bytes(b in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = DraftFile::from_bytes(&b);
        }

        #[test]
        fn any_draft_round_trips_and_validates_without_panic(d in any_draft()) {
            let text = DraftFile::to_json(&d, at());
            prop_assert_eq!(DraftFile::from_json(&text).unwrap(), d.clone());
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(&v["draft"], &serde_json::to_value(&d).unwrap());
            // What the wizard sends is serde's form too, and serde reads it back.
            let sent = d.to_json();
            prop_assert_eq!(serde_json::to_string(&d).unwrap(), sent.clone());
            prop_assert_eq!(serde_json::from_str::<ProfileDraft>(&sent).unwrap(), d.clone());
            let _ = d.validate();
        }

        #[test]
        fn a_damaged_file_is_refused_never_misread(
            pos in any::<prop::sample::Index>(),
            byte in any::<u8>(),
        ) {
            let d = half_filled();
            let mut bytes = DraftFile::to_json(&d, at()).into_bytes();
            let i = pos.index(bytes.len());
            prop_assume!(bytes[i] != byte);
            bytes[i] = byte;
            // Either refused, or the damage was in whitespace/saved_at and the draft is intact.
            if let Ok(loaded) = DraftFile::from_bytes(&bytes) {
                prop_assert_eq!(loaded, d);
            }
        }
    }
}
