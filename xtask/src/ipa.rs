//! `cargo xtask import-ipa FILE`: the IPA open-data "Enti" file into D1's `ipa_enti`.
//!
//! Header-driven (columns found by name, in any order), tab- or comma-separated. The whole file
//! is validated first and every bad row is reported (line, column, value, reason); only a clean
//! file is written, as one SQL file that replaces the table's content.

use crate::reference::sql_text;

/// The small synthetic samples in the official formats ("Enti", "Uffici"), loaded by `dev`
/// and the tests.
pub const SAMPLE: &str = "data/ipa-enti-esempio.tsv";
pub const SAMPLE_UFFICI: &str = "data/ipa-uffici-esempio.tsv";

/// Loads both samples into the local D1 of `state`.
pub fn load_samples(state: &std::path::Path) -> Result {
    for f in [SAMPLE, SAMPLE_UFFICI] {
        crate::server::execute_file(state, &prepare(&crate::paths::root().join(f))?)?;
    }
    Ok(())
}
use crate::Result;
use domain::identity::{CodiceFiscaleEnte, IpaCode};

#[derive(Debug, Clone, PartialEq)]
pub struct Ente {
    pub code: String,
    pub name: String,
    pub fiscal_code: String,
    pub tipologia: String,
    pub categoria: String,
    pub comune: String,
    pub cap: String,
    pub address: String,
    /// The first mail whose type is PEC.
    pub pec: Option<String>,
    pub website: String,
}

/// One problem in the file, for the person who must fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub line: usize,
    pub column: String,
    pub value: String,
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "riga {}, colonna {}, valore «{}»: {}",
            self.line, self.column, self.value, self.reason
        )
    }
}

const REQUIRED: [&str; 3] = ["Codice_IPA", "Denominazione_ente", "Codice_fiscale_ente"];

/// One record of a header-driven table: its line and its values by column name, trimmed.
struct Record {
    line: usize,
    values: std::collections::HashMap<String, String>,
}

impl Record {
    fn get(&self, name: &str) -> String {
        self.values.get(name).cloned().unwrap_or_default()
    }
}

/// A header-driven table (tab- or comma-separated): its readable records and a `RowError` for
/// each unreadable one, or what is wrong with the header.
fn read_table(
    text: &str,
    required: &[&str],
) -> std::result::Result<(Vec<Record>, Vec<RowError>), Vec<RowError>> {
    let text = text.trim_start_matches('\u{feff}');
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = if header_line.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_owned()).collect(),
        Err(e) => {
            return Err(vec![RowError {
                line: 1,
                column: String::new(),
                value: String::new(),
                reason: format!("intestazione illeggibile: {e}"),
            }])
        }
    };
    let missing: Vec<RowError> = required
        .iter()
        .filter(|c| !headers.iter().any(|h| h == *c))
        .map(|c| RowError {
            line: 1,
            column: (*c).to_owned(),
            value: String::new(),
            reason: "colonna obbligatoria assente".into(),
        })
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        match rec {
            Ok(r) => records.push(Record {
                line,
                values: headers
                    .iter()
                    .zip(r.iter())
                    .map(|(h, v)| (h.clone(), v.trim().to_owned()))
                    .collect(),
            }),
            Err(e) => errors.push(RowError {
                line,
                column: String::new(),
                value: String::new(),
                reason: format!("riga illeggibile: {e}"),
            }),
        }
    }
    Ok((records, errors))
}

pub fn parse(text: &str) -> std::result::Result<Vec<Ente>, Vec<RowError>> {
    let (records, mut errors) = read_table(text, &REQUIRED)?;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for rec in records {
        let line = rec.line;
        let get = |name: &str| rec.get(name);
        let mut bad = |column: &str, value: &str, reason: String| {
            errors.push(RowError {
                line,
                column: column.into(),
                value: value.into(),
                reason,
            })
        };
        let code = get("Codice_IPA");
        match IpaCode::parse(&code) {
            Ok(_) if !seen.insert(code.to_ascii_lowercase()) => {
                bad("Codice_IPA", &code, "codice IPA ripetuto nel file".into())
            }
            Ok(_) => {}
            Err(e) => bad("Codice_IPA", &code, e.message),
        }
        let name = get("Denominazione_ente");
        if name.is_empty() {
            bad("Denominazione_ente", &name, "denominazione mancante".into());
        }
        let fiscal = get("Codice_fiscale_ente");
        if let Err(e) = CodiceFiscaleEnte::parse(&fiscal) {
            bad("Codice_fiscale_ente", &fiscal, e.message);
        }
        let comune = get("Codice_comune_ISTAT");
        if !comune.is_empty() && domain::place::IstatComune::parse(&comune).is_err() {
            bad(
                "Codice_comune_ISTAT",
                &comune,
                "il codice ISTAT del comune ha sei cifre".into(),
            );
        }
        let pec = (1..=5).find_map(|n| {
            let kind = get(&format!("Tipo_Mail{n}"));
            let mail = get(&format!("Mail{n}"));
            (kind.eq_ignore_ascii_case("pec") && !mail.is_empty()).then_some(mail)
        });
        out.push(Ente {
            code,
            name,
            fiscal_code: fiscal,
            tipologia: get("Tipologia"),
            categoria: get("Codice_Categoria"),
            comune,
            cap: get("CAP"),
            address: get("Indirizzo"),
            pec,
            website: get("Sito_istituzionale"),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

/// One office of a public body from the IPA open data "Uffici" file (the offices of electronic
/// invoicing): its *Codice Univoco Ufficio* and the body's iPA code.
#[derive(Debug, Clone, PartialEq)]
pub struct Ufficio {
    pub code: String,
    pub ipa_code: String,
    pub name: String,
}

/// The "Uffici" file, header-driven like the "Enti" one: `Codice_IPA`, `Codice_uni_uff` and,
/// if present, `Descrizione_ufficio`. Every bad row is reported; nothing is returned then.
pub fn parse_uffici(text: &str) -> std::result::Result<Vec<Ufficio>, Vec<RowError>> {
    let (records, mut errors) = read_table(text, &["Codice_IPA", "Codice_uni_uff"])?;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for rec in records {
        let line = rec.line;
        let get = |name: &str| rec.get(name);
        let ipa_code = get("Codice_IPA");
        if let Err(e) = IpaCode::parse(&ipa_code) {
            errors.push(RowError {
                line,
                column: "Codice_IPA".into(),
                value: ipa_code.clone(),
                reason: e.message,
            });
        }
        let code = get("Codice_uni_uff");
        let well_formed = code.len() == 6 && code.bytes().all(|b| b.is_ascii_alphanumeric());
        if !well_formed {
            errors.push(RowError {
                line,
                column: "Codice_uni_uff".into(),
                value: code.clone(),
                reason: "il Codice Univoco Ufficio ha sei lettere o cifre".into(),
            });
        } else if !seen.insert(code.to_ascii_uppercase()) {
            errors.push(RowError {
                line,
                column: "Codice_uni_uff".into(),
                value: code.clone(),
                reason: "codice ripetuto nel file".into(),
            });
        }
        out.push(Ufficio {
            code,
            ipa_code,
            name: get("Descrizione_ufficio"),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

/// The SQL that replaces `ipa_uffici` with `uffici`.
pub fn sql_uffici(uffici: &[Ufficio]) -> String {
    let mut s = String::from("DELETE FROM ipa_uffici;\n");
    for chunk in uffici.chunks(200) {
        s.push_str("INSERT INTO ipa_uffici (code, ipa_code, name) VALUES\n");
        let rows: Vec<String> = chunk
            .iter()
            .map(|u| {
                format!(
                    "({},{},{})",
                    sql_text(&u.code),
                    sql_text(&u.ipa_code),
                    sql_text(&u.name)
                )
            })
            .collect();
        s.push_str(&rows.join(",\n"));
        s.push_str(";\n");
    }
    s
}

/// The SQL that replaces `ipa_enti` with `enti`.
pub fn sql(enti: &[Ente]) -> String {
    let mut s = String::from("DELETE FROM ipa_enti;\n");
    for chunk in enti.chunks(200) {
        s.push_str("INSERT INTO ipa_enti (code, name, fiscal_code, tipologia, categoria, comune, cap, address, pec, website) VALUES\n");
        let rows: Vec<String> = chunk
            .iter()
            .map(|e| {
                format!(
                    "({},{},{},{},{},{},{},{},{},{})",
                    sql_text(&e.code),
                    sql_text(&e.name),
                    sql_text(&e.fiscal_code),
                    sql_text(&e.tipologia),
                    sql_text(&e.categoria),
                    sql_text(&e.comune),
                    sql_text(&e.cap),
                    sql_text(&e.address),
                    e.pec
                        .as_deref()
                        .map(sql_text)
                        .unwrap_or_else(|| "NULL".into()),
                    sql_text(&e.website),
                )
            })
            .collect();
        s.push_str(&rows.join(",\n"));
        s.push_str(";\n");
    }
    s
}

/// Validate `file` whole, then write the SQL for it into `target/seed/` and return its path.
pub fn prepare(file: &std::path::Path) -> Result<std::path::PathBuf> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    // The official file is UTF-8; a Windows-1252 export is read byte for byte as Latin-1.
    let text = String::from_utf8(bytes.clone())
        .unwrap_or_else(|_| bytes.iter().map(|b| char::from(*b)).collect());
    let report = |errors: Vec<RowError>| {
        let list: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        format!(
            "{} non importato, {} errori (nulla è stato scritto):\n{}",
            file.display(),
            errors.len(),
            list.join("\n")
        )
    };
    // The "Uffici" file is told apart by its Codice_uni_uff column.
    let uffici = text
        .lines()
        .next()
        .is_some_and(|h| h.contains("Codice_uni_uff"));
    let (name, content, what) = if uffici {
        let list = parse_uffici(&text).map_err(report)?;
        (
            "ipa-uffici.sql",
            sql_uffici(&list),
            format!("{} uffici validi", list.len()),
        )
    } else {
        let list = parse(&text).map_err(report)?;
        ("ipa.sql", sql(&list), format!("{} enti validi", list.len()))
    };
    let dir = crate::paths::target().join("seed");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let out = dir.join(name);
    std::fs::write(&out, content).map_err(|e| e.to_string())?;
    eprintln!("{}: {what}", file.display());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_file_is_valid() {
        let text = std::fs::read_to_string(crate::paths::root().join("data/ipa-enti-esempio.tsv"))
            .unwrap();
        let enti = parse(&text).unwrap();
        assert_eq!(enti.len(), 7);
        let pianverde = enti.iter().find(|e| e.code == "cb_pianv").unwrap();
        assert_eq!(
            pianverde.pec.as_deref(),
            Some("consorzio@pec.pianverde.example"),
            "the PEC is the mail typed Pec"
        );
        assert!(enti.iter().any(|e| e.pec.is_none()), "one body has no PEC");
        let text = std::fs::read_to_string(crate::paths::root().join(SAMPLE_UFFICI)).unwrap();
        let uffici = parse_uffici(&text).unwrap();
        assert!(uffici
            .iter()
            .all(|u| enti.iter().any(|e| e.code == u.ipa_code)));
    }

    #[test]
    fn every_bad_row_is_reported_and_nothing_is_returned() {
        let text = "Codice_IPA,Denominazione_ente,Codice_fiscale_ente,Codice_comune_ISTAT\n\
                    ok_1,Ente Uno,80000123457,058091\n\
                    ok_1,Ente Due,80000234569,058091\n\
                    ,Ente Tre,80000123458,5809\n";
        let errors = parse(text).unwrap_err();
        let summary: Vec<(usize, &str)> =
            errors.iter().map(|e| (e.line, e.column.as_str())).collect();
        assert_eq!(
            summary,
            vec![
                (3, "Codice_IPA"),
                (4, "Codice_IPA"),
                (4, "Codice_fiscale_ente"),
                (4, "Codice_comune_ISTAT")
            ]
        );
        let uffici = parse_uffici(
            "Codice_IPA\tCodice_uni_uff\tDescrizione_ufficio\nok_1\tUFE8ZK\tUfficio\nok_1\tufe8zk\tDoppio\nx y\tAB\t\n",
        )
        .unwrap_err();
        let summary: Vec<(usize, &str)> =
            uffici.iter().map(|e| (e.line, e.column.as_str())).collect();
        assert_eq!(
            summary,
            vec![
                (3, "Codice_uni_uff"),
                (4, "Codice_IPA"),
                (4, "Codice_uni_uff")
            ]
        );
        assert!(parse("Nome,Altro\nx,y\n").unwrap_err()[0]
            .reason
            .contains("obbligatoria"));
    }
}
