//! The `calendario` file (docs/imports.md): one small file, read whole into a checked
//! [`Calendar`] and the descriptions of its holidays.

use super::engine::{self, Cells, Schema};
use super::text::fold;
use super::values::parse_date;
use super::{Column, ImportContext, ImportKind, ImportWarning, RowError};
use crate::attendance::{Calendar, DateRange, LessonWeeks};
use crate::error::FieldError;
use crate::messages::Msg;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The most characters of a holiday's description.
pub const MAX_DESCRIPTION_CHARS: usize = 80;

/// A day or a period without lessons, as the file describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub period: DateRange,
    /// `descrizione`, e.g. `Vacanze di Natale`; `None` when empty.
    pub description: Option<String>,
}

/// A `calendario` file, checked whole: the calendar (with the conventional 33 lesson weeks; the
/// weeks are a school setting and do not change which calendars are valid) and its holidays with
/// their descriptions, in the file's order (the same periods as `calendar.holidays()`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalendarFile {
    calendar: Calendar,
    holidays: Vec<Holiday>,
    #[serde(skip)]
    warnings: Vec<ImportWarning>,
}

impl CalendarFile {
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    pub fn holidays(&self) -> &[Holiday] {
        &self.holidays
    }

    /// Unknown columns, ignored.
    pub fn warnings(&self) -> &[ImportWarning] {
        &self.warnings
    }
}

/// One row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarRow {
    Lessons { first: NaiveDate, last: NaiveDate },
    Holiday(Holiday),
}

impl Schema for CalendarRow {
    const KIND: ImportKind = ImportKind::Calendario;
    const COLUMNS: &'static [Column] = &[
        Column {
            name: "tipo",
            required: true,
        },
        Column {
            name: "dal",
            required: true,
        },
        Column {
            name: "al",
            required: false,
        },
        Column {
            name: "descrizione",
            required: false,
        },
    ];

    fn read(c: &mut Cells<'_>, _ctx: &ImportContext) -> Option<Self> {
        let lessons = c.parse("tipo", |s| match fold(s).as_str() {
            "lezioni" | "lezione" => Ok(true),
            "vacanza" | "vacanze" => Ok(false),
            _ => Err(FieldError::invalid_says("tipo", Msg::CalendarRowKind, &[])),
        });
        let from = c.parse("dal", parse_date);
        let to = c.optional("al", parse_date);
        let description = c.optional("descrizione", |s| {
            if s.chars().any(char::is_control) {
                return Err(FieldError::invalid_says(
                    "descrizione",
                    Msg::DescriptionControlChars,
                    &[],
                ));
            }
            let n = s.chars().count();
            if n > MAX_DESCRIPTION_CHARS {
                return Err(FieldError::invalid_says(
                    "descrizione",
                    Msg::TextTooLong,
                    &[
                        ("what", &Msg::PhraseDescription),
                        ("max", &MAX_DESCRIPTION_CHARS),
                        ("n", &n),
                    ],
                ));
            }
            Ok(s.to_owned())
        });
        let (lessons, from, to, description) = (lessons?, from?, to?, description?);
        if lessons && to.is_none() {
            c.fail(
                "al",
                "Per la riga lezioni indicare in al l'ultimo giorno di lezione (e in dal il \
                 primo).",
            );
            return None;
        }
        let Ok(period) = DateRange::new(from, to.unwrap_or(from)) else {
            c.fail("al", "La data al non può precedere la data dal.");
            return None;
        };
        Some(if lessons {
            CalendarRow::Lessons {
                first: period.from(),
                last: period.to(),
            }
        } else {
            CalendarRow::Holiday(Holiday {
                period,
                description,
            })
        })
    }
}

fn it(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn error(line: u32, column: &str, value: String, reason: impl Into<String>) -> RowError {
    RowError {
        line,
        column: Some(column.to_owned()),
        value,
        reason: reason.into(),
    }
}

/// Reads and checks a whole `calendario` file: exactly one `lezioni` row, holidays inside the
/// lesson period, first and last lesson day not on a Sunday nor in a holiday (the rules of
/// [`Calendar::new`], each reported on the line at fault). Every error is listed.
pub fn parse_calendar(bytes: &[u8]) -> Result<CalendarFile, Vec<RowError>> {
    let parsed = engine::read::<CalendarRow>(bytes, None, &ImportContext::format_only());
    let mut errors = parsed.errors;
    let mut lessons: Option<(u32, NaiveDate, NaiveDate)> = None;
    let mut holidays: Vec<(u32, Holiday)> = Vec::new();
    for (line, row) in parsed.rows {
        match row {
            CalendarRow::Lessons { first, last } => match lessons {
                Some((first_line, ..)) => errors.push(error(
                    line,
                    "tipo",
                    "lezioni".to_owned(),
                    format!(
                        "Il periodo delle lezioni è già indicato alla riga {first_line}: ci deve \
                         essere una sola riga di tipo lezioni."
                    ),
                )),
                None => lessons = Some((line, first, last)),
            },
            CalendarRow::Holiday(h) => holidays.push((line, h)),
        }
    }
    let Some((line, first, last)) = lessons else {
        // Without other errors: a lessons row with a wrong date is already reported.
        if errors.is_empty() {
            errors.push(RowError {
                line: 1,
                column: Some("tipo".to_owned()),
                value: String::new(),
                reason: "Manca la riga di tipo lezioni, con in dal il primo e in al l'ultimo \
                         giorno di lezione."
                    .to_owned(),
            });
        }
        return Err(errors);
    };
    if last.signed_duration_since(first).num_days() >= 366 {
        errors.push(error(
            line,
            "al",
            it(last),
            "Un anno scolastico non può durare più di 366 giorni.",
        ));
    }
    if first.weekday() == Weekday::Sun {
        errors.push(error(
            line,
            "dal",
            it(first),
            format!("Il primo giorno di lezione, {}, è una domenica.", it(first)),
        ));
    }
    if last.weekday() == Weekday::Sun {
        errors.push(error(
            line,
            "al",
            it(last),
            format!("L'ultimo giorno di lezione, {}, è una domenica.", it(last)),
        ));
    }
    for (h_line, h) in &holidays {
        let p = h.period;
        if p.from() < first || p.to() > last {
            let (column, value) = if p.from() < first {
                ("dal", p.from())
            } else {
                ("al", p.to())
            };
            errors.push(error(
                *h_line,
                column,
                it(value),
                format!(
                    "La vacanza deve cadere tra il primo ({}) e l'ultimo giorno di lezione ({}).",
                    it(first),
                    it(last)
                ),
            ));
        } else if p.contains(first) || p.contains(last) {
            let day = if p.contains(first) { first } else { last };
            errors.push(error(
                *h_line,
                "dal",
                it(p.from()),
                format!(
                    "La vacanza comprende il {}, che è il primo o l'ultimo giorno di lezione: \
                     quei giorni sono giorni di lezione.",
                    it(day)
                ),
            ));
        }
    }
    if !errors.is_empty() {
        crate::sort::sort_by_key(&mut errors, |e| e.line);
        return Err(errors);
    }
    let periods = holidays.iter().map(|(_, h)| h.period).collect();
    match Calendar::new(first, last, periods, LessonWeeks::DEFAULT) {
        Ok(calendar) => Ok(CalendarFile {
            calendar,
            holidays: holidays.into_iter().map(|(_, h)| h).collect(),
            warnings: parsed.warnings,
        }),
        // The checks above are Calendar::new's; if it still refuses, say where.
        Err(e) => {
            let at = e
                .field
                .as_deref()
                .and_then(|f| f.strip_prefix("holidays["))
                .and_then(|f| f.strip_suffix(']'))
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| holidays.get(i))
                .map_or(line, |(l, _)| *l);
            Err(vec![RowError {
                line: at,
                column: None,
                value: String::new(),
                reason: e.message,
            }])
        }
    }
}
