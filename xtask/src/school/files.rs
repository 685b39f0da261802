//! The six CSV files of a school, written the way school offices produce them (see the
//! module documentation of `school`).

use super::*;

/// One CSV line. Cells holding the separator, a quote or a line break are quoted, as are those
/// `also_quote` picks.
pub(super) fn csv_line(
    cells: &[&str],
    sep: char,
    eol: &str,
    also_quote: fn(&str) -> bool,
) -> String {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            line.push(sep);
        }
        if cell.contains([sep, '"', '\n', '\r']) || also_quote(cell) {
            line.push('"');
            line.push_str(&cell.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(cell);
        }
    }
    line.push_str(eol);
    line
}

pub(super) fn never(_: &str) -> bool {
    false
}

/// What some spreadsheet exports do: quote every text cell with a space or an apostrophe.
pub(super) fn spaced(cell: &str) -> bool {
    cell.contains([' ', '\''])
}

/// Windows-1252 bytes of `s`: what Excel on Italian Windows saves as "CSV (delimitato dal
/// separatore di elenco)".
pub(super) fn windows_1252(s: &str) -> Result<Vec<u8>> {
    s.chars()
        .map(|c| match c as u32 {
            n @ (0..=0x7F | 0xA0..=0xFF) => Ok(n as u8),
            _ => WIN1252_HIGH
                .iter()
                .position(|&h| h == c)
                .map(|i| 0x80 + i as u8)
                .ok_or_else(|| format!("{c:?} has no Windows-1252 byte")),
        })
        .collect()
}

/// Windows-1252 bytes 0x80–0x9F (undefined ones as NUL: never produced).
pub(super) const WIN1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

pub(super) fn it_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

pub(super) fn hours_text(minutes: u32) -> String {
    if minutes.is_multiple_of(60) {
        (minutes / 60).to_string()
    } else {
        format!("{},5", minutes / 60)
    }
}

impl School {
    pub(super) fn class_list(&self, classes: &[usize]) -> String {
        classes
            .iter()
            .map(|&c| self.spec.classes[c].code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The six files, in import order, as bytes.
    pub(super) fn files(&self) -> Result<Vec<(&'static str, Vec<u8>)>> {
        let classi = {
            let mut s = csv_line(
                &[
                    "Classe",
                    "Ordine",
                    "Ore settimanali",
                    "Ore lunedì",
                    "Ore martedì",
                    "Ore mercoledì",
                    "Ore giovedì",
                    "Ore venerdì",
                    "Ore sabato",
                ],
                ';',
                "\n",
                never,
            );
            for c in &self.spec.classes {
                let h: Vec<String> = c.hours.iter().map(u32::to_string).collect();
                let weekly = c.hours.iter().sum::<u32>().to_string();
                let mut cells = vec![c.code.as_str(), c.ordine.as_str(), weekly.as_str()];
                cells.extend(h.iter().map(String::as_str));
                s.push_str(&csv_line(&cells, ';', "\n", never));
            }
            s.into_bytes()
        };
        let calendario = {
            let cal = &self.spec.calendar;
            let mut s = csv_line(&["tipo", "dal", "al", "descrizione"], ';', "\n", never);
            s.push_str(&csv_line(
                &[
                    "lezioni",
                    &it_date(cal.first),
                    &it_date(cal.last),
                    "Anno scolastico 2025/26",
                ],
                ';',
                "\n",
                never,
            ));
            for &(a, b, what) in &cal.holidays {
                let to = if a == b { String::new() } else { it_date(b) };
                s.push_str(&csv_line(
                    &["vacanza", &it_date(a), &to, what],
                    ';',
                    "\n",
                    never,
                ));
            }
            s.into_bytes()
        };
        let alunni = {
            let mut s = csv_line(
                &[
                    "Matricola",
                    "Cognome",
                    "Nome",
                    "Classe",
                    "Codice fiscale",
                    "Data iscrizione",
                    "Ore assenza provenienza",
                    "Monte ore personalizzato",
                    "Data nascita",
                    "Data ritiro",
                    "Tipo ritiro",
                    "Istruzione parentale",
                    "Scelta anno successivo",
                    "Esito",
                ],
                ';',
                "\r\n",
                never,
            );
            for p in &self.pupils {
                let start = p.start.map(it_date).unwrap_or_default();
                let personalised = p.personalised.map(|h| h.to_string()).unwrap_or_default();
                let st = &p.standing;
                let born = if st.birth_written {
                    it_date(p.born)
                } else {
                    String::new()
                };
                let withdrawn = st.withdrawal.map(|(d, _)| it_date(d)).unwrap_or_default();
                let home = if st.home_schooling { "sì" } else { "" };
                s.push_str(&csv_line(
                    &[
                        &p.matricola,
                        &p.person.cognome,
                        &p.person.nome,
                        &self.spec.classes[p.class].code,
                        if p.cf_known { &p.person.cf } else { "" },
                        &start,
                        p.transfer_hours.as_deref().unwrap_or(""),
                        &personalised,
                        &born,
                        &withdrawn,
                        st.withdrawal.map_or("", |(_, k)| k),
                        home,
                        st.next_year.unwrap_or(""),
                        st.outcome.unwrap_or(""),
                    ],
                    ';',
                    "\r\n",
                    never,
                ));
            }
            windows_1252(&s)?
        };
        let tutori = {
            let mut s = csv_line(
                &["codice_fiscale", "cognome", "nome", "matricola"],
                ',',
                "\n",
                never,
            );
            for p in &self.pupils {
                for g in &self.families[p.family].guardians {
                    s.push_str(&csv_line(
                        &[&g.cf, &g.cognome, &g.nome, &p.matricola],
                        ',',
                        "\n",
                        spaced,
                    ));
                }
            }
            s.into_bytes()
        };
        let personale = {
            let mut s = String::from('\u{feff}');
            s.push_str(&csv_line(
                &[
                    "Codice fiscale",
                    "Cognome",
                    "Nome",
                    "Ruolo",
                    "Classi",
                    "Coordinatore",
                ],
                ';',
                "\r\n",
                never,
            ));
            for m in &self.staff {
                s.push_str(&csv_line(
                    &[
                        &m.person.cf,
                        &m.person.cognome,
                        &m.person.nome,
                        m.role.as_str(),
                        &self.class_list(&m.classes),
                        &self.class_list(&m.coordinates),
                    ],
                    ';',
                    "\r\n",
                    never,
                ));
            }
            s.into_bytes()
        };
        let assenze = {
            let mut s = String::with_capacity(self.events.len() * 40);
            s.push_str(&csv_line(
                &["matricola", "data", "tipo", "ore", "minuti", "giustificata"],
                ';',
                "\n",
                never,
            ));
            for e in &self.events {
                let (ore, minuti) = match e.amount {
                    Amount::None => (String::new(), String::new()),
                    Amount::Hours(m) => (hours_text(m), String::new()),
                    Amount::Minutes(m) => (String::new(), m.to_string()),
                };
                let giustificata = if !e.kind.family_justifies() {
                    ""
                } else if e.justified {
                    "sì"
                } else {
                    "no"
                };
                let date = self.days[usize::from(e.day)].format("%Y-%m-%d").to_string();
                s.push_str(&csv_line(
                    &[
                        &self.pupils[e.pupil as usize].matricola,
                        &date,
                        e.kind.as_str(),
                        &ore,
                        &minuti,
                        giustificata,
                    ],
                    ';',
                    "\n",
                    never,
                ));
            }
            s.into_bytes()
        };
        Ok(vec![
            ("classi", classi),
            ("calendario", calendario),
            ("alunni", alunni),
            ("tutori", tutori),
            ("personale", personale),
            ("assenze", assenze),
        ])
    }
}
