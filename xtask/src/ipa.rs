//! `cargo xtask import-ipa FILE`: the IPA open-data "Enti" file into D1's `ipa_enti`.
//!
//! Header-driven (columns found by name, in any order), tab- or comma-separated. The whole file
//! is validated first and every bad row is reported (line, column, value, reason); only a clean
//! file is written, as one SQL file that replaces the table's content.

use crate::reference::sql_text;
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

pub fn parse(text: &str) -> std::result::Result<Vec<Ente>, Vec<RowError>> {
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
    let missing: Vec<RowError> = REQUIRED
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
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(RowError {
                    line,
                    column: String::new(),
                    value: String::new(),
                    reason: format!("riga illeggibile: {e}"),
                });
                continue;
            }
        };
        let get = |name: &str| {
            col(name)
                .and_then(|c| rec.get(c))
                .unwrap_or("")
                .trim()
                .to_owned()
        };
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
        Err(errors)
    }
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
    let enti = parse(&text).map_err(|errors| {
        let list: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        format!(
            "{} non importato, {} errori (nulla è stato scritto):\n{}",
            file.display(),
            errors.len(),
            list.join("\n")
        )
    })?;
    let dir = crate::paths::target().join("seed");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let out = dir.join("ipa.sql");
    std::fs::write(&out, sql(&enti)).map_err(|e| e.to_string())?;
    eprintln!("{}: {} enti validi", file.display(), enti.len());
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
        assert_eq!(enti.len(), 6);
        let pianverde = enti.iter().find(|e| e.code == "cb_pianv").unwrap();
        assert_eq!(
            pianverde.pec.as_deref(),
            Some("consorzio@pec.pianverde.example"),
            "the PEC is the mail typed Pec"
        );
        assert!(enti.iter().all(|e| e.pec.is_some()));
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
        assert!(parse("Nome,Altro\nx,y\n").unwrap_err()[0]
            .reason
            .contains("obbligatoria"));
    }
}
