//! The rows of the files `classi`, `alunni`, `tutori`, `personale` and `assenze`
//! (docs/imports.md, one section each).

use super::engine::{Cells, Schema, Unique};
use super::values::{
    absence_kind_code, parse_absence_kind, parse_date, parse_grade, parse_hours_as_minutes,
    parse_next_year, parse_outcome, parse_whole, parse_withdrawal_kind, parse_yes_no, ClassCode,
    Matricola, PersonName, StaffRole,
};
use super::{Column, ImportContext, ImportKind, Row};
use crate::attendance::events::MAX_EVENT_MINUTES;
use crate::attendance::pupil::MAX_ANNUAL_HOURS;
use crate::attendance::{
    AbsenceEvent, DailyHours, Enrolment, SchoolGrade, SchoolStatus, TimetableProfile, WeeklyHours,
    Withdrawal,
};
use crate::error::FieldError;
use crate::identity::CodiceFiscale;
use crate::messages::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

const fn required(name: &'static str) -> Column {
    Column {
        name,
        required: true,
    }
}

const fn optional(name: &'static str) -> Column {
    Column {
        name,
        required: false,
    }
}

fn class_in_school(
    c: &mut Cells<'_>,
    ctx: &ImportContext,
    column: &str,
    class: ClassCode,
) -> Option<ClassCode> {
    if ctx.has_class(&class) {
        Some(class)
    } else {
        c.fail_value(
            column,
            class.as_str(),
            format!(
                "La classe {class} non è tra le classi importate: importare prima il file \
                 classi con questa classe, oppure correggere il codice."
            ),
        );
        None
    }
}

fn pupil_in_school(c: &mut Cells<'_>, ctx: &ImportContext) -> Option<Matricola> {
    let m = c.parse("matricola", Matricola::parse)?;
    if ctx.has_pupil(&m) {
        Some(m)
    } else {
        c.fail(
            "matricola",
            format!(
                "L'alunno con matricola {m} non è tra gli alunni importati: importare prima il \
                 file alunni, oppure correggere la matricola."
            ),
        );
        None
    }
}

fn surname_and_name(c: &mut Cells<'_>) -> (Option<PersonName>, Option<PersonName>) {
    let surname = c.parse("cognome", |s| PersonName::parse_field(s, "cognome"));
    let name = c.parse("nome", |s| PersonName::parse_field(s, "nome"));
    (surname, name)
}

// ---------------------------------------------------------------------------------------------

/// A class and its timetable profile (`classi`). Key: `classe`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRow {
    pub class: ClassCode,
    pub grade: SchoolGrade,
    pub profile: TimetableProfile,
}

/// The weekday columns, Monday to Saturday, with the day's name for the messages.
const WEEKDAYS: [(&str, Msg); 6] = [
    ("ore_lunedi", Msg::PhraseMondayHoursMustBe),
    ("ore_martedi", Msg::PhraseTuesdayHoursMustBe),
    ("ore_mercoledi", Msg::PhraseWednesdayHoursMustBe),
    ("ore_giovedi", Msg::PhraseThursdayHoursMustBe),
    ("ore_venerdi", Msg::PhraseFridayHoursMustBe),
    ("ore_sabato", Msg::PhraseSaturdayHoursMustBe),
];

impl Schema for ClassRow {
    const KIND: ImportKind = ImportKind::Classi;
    const COLUMNS: &'static [Column] = &[
        required("classe"),
        required("ordine"),
        required("ore_settimanali"),
        required("ore_lunedi"),
        required("ore_martedi"),
        required("ore_mercoledi"),
        required("ore_giovedi"),
        required("ore_venerdi"),
        optional("ore_sabato"),
    ];

    fn read(c: &mut Cells<'_>, _ctx: &ImportContext) -> Option<Self> {
        let class = c.parse("classe", ClassCode::parse);
        let grade = c.parse("ordine", parse_grade);
        let weekly = c.parse("ore_settimanali", |s| {
            parse_whole(s, 1, WeeklyHours::MAX, Msg::PhraseWeeklyHoursMustBe)
                .and_then(WeeklyHours::new)
        });
        let mut days = [0u32; 6];
        let mut days_ok = true;
        for (slot, (column, day)) in days.iter_mut().zip(WEEKDAYS) {
            if column == "ore_sabato" && c.get(column).is_empty() {
                continue;
            }
            match c.parse(column, |s| parse_whole(s, 0, DailyHours::MAX, day)) {
                Some(h) => *slot = h,
                None => days_ok = false,
            }
        }
        let (class, grade, weekly) = (class?, grade?, weekly?);
        if !days_ok {
            return None;
        }
        let profile = match TimetableProfile::new(weekly, days) {
            Ok(p) => p,
            Err(e) => {
                c.fail("ore_settimanali", e.message);
                return None;
            }
        };
        Some(ClassRow {
            class,
            grade,
            profile,
        })
    }

    fn unique(&self) -> Vec<Unique> {
        vec![Unique {
            columns: "classe",
            key: self.class.to_string(),
        }]
    }

    fn describe(&self, _columns: &str) -> String {
        format!("la classe {}", self.class)
    }
}

impl Row for ClassRow {
    fn key(&self) -> String {
        self.class.to_string()
    }
}

// ---------------------------------------------------------------------------------------------

/// A pupil (`alunni`). Key: `matricola`; the codice fiscale, when given, is unique too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PupilRowSpec")]
pub struct PupilRow {
    pub matricola: Matricola,
    pub surname: PersonName,
    pub name: PersonName,
    pub class: ClassCode,
    pub codice_fiscale: Option<CodiceFiscale>,
    /// From `data_iscrizione` and `ore_assenza_provenienza`: full year, late enrolment (a date)
    /// or transfer (a date and the previous school's absence, in minutes).
    pub enrolment: Enrolment,
    /// `monte_ore_personalizzato`: annual hours set by the class council (1–3120).
    pub personalised_hours: Option<u32>,
    /// `data_nascita`, `data_ritiro` + `tipo_ritiro`, `istruzione_parentale`,
    /// `scelta_anno_successivo`, `esito` (absent in older files: all empty).
    #[serde(default, skip_serializing_if = "SchoolStatus::is_empty")]
    pub status: SchoolStatus,
}

#[derive(Deserialize)]
struct PupilRowSpec {
    matricola: Matricola,
    surname: PersonName,
    name: PersonName,
    class: ClassCode,
    #[serde(default)]
    codice_fiscale: Option<CodiceFiscale>,
    enrolment: Enrolment,
    #[serde(default)]
    personalised_hours: Option<u32>,
    #[serde(default)]
    status: SchoolStatus,
}

/// The earliest date of birth taken: a register's placeholder (`01/01/1900`) is refused.
pub const EARLIEST_BIRTH: NaiveDate = match NaiveDate::from_ymd_opt(1901, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The order of a pupil's dates: born before arriving and before leaving, arrived before
/// leaving. Returns the column at fault and the reason.
fn check_status_dates(
    enrolment: &Enrolment,
    status: &SchoolStatus,
) -> Result<(), (&'static str, String)> {
    let start = match enrolment {
        Enrolment::FullYear => None,
        Enrolment::Late { start } | Enrolment::Transfer { start, .. } => Some(*start),
    };
    let it = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    if let Some(b) = status.birth_date {
        if b < EARLIEST_BIRTH {
            return Err((
                "data_nascita",
                crate::messages::Text::new(Msg::BirthDateTooEarly, &[("min", &it(EARLIEST_BIRTH))])
                    .italian(),
            ));
        }
        if let Some(s) = start.filter(|s| *s <= b) {
            return Err((
                "data_nascita",
                format!(
                    "La data di nascita deve precedere la data di iscrizione ({}).",
                    it(s)
                ),
            ));
        }
        if let Some(w) = status.withdrawal.filter(|w| w.on <= b) {
            return Err((
                "data_nascita",
                format!(
                    "La data di nascita deve precedere la data del ritiro ({}).",
                    it(w.on)
                ),
            ));
        }
    }
    if let (Some(s), Some(w)) = (start, status.withdrawal) {
        if w.on < s {
            return Err((
                "data_ritiro",
                format!(
                    "La data del ritiro non può precedere la data di iscrizione ({}).",
                    it(s)
                ),
            ));
        }
    }
    Ok(())
}

fn previous_absence_error(field: &str) -> FieldError {
    FieldError::invalid_says(
        field,
        Msg::PreviousAbsenceHoursMax,
        &[("max", &MAX_ANNUAL_HOURS)],
    )
}

/// The bounds [`crate::attendance::Pupil::new`] checks, so that a pupil built from this row with
/// any class's profile is accepted.
fn check_pupil_numbers(
    enrolment: &Enrolment,
    personalised_hours: Option<u32>,
) -> Result<(), FieldError> {
    if let Some(h) = personalised_hours {
        if !(1..=MAX_ANNUAL_HOURS).contains(&h) {
            return Err(FieldError::invalid_says(
                "monte_ore_personalizzato",
                Msg::PersonalisedHoursRange,
                &[("max", &MAX_ANNUAL_HOURS)],
            ));
        }
    }
    if let Enrolment::Transfer {
        previous_absence_minutes: Some(m),
        ..
    } = enrolment
    {
        if *m > MAX_ANNUAL_HOURS * 60 {
            return Err(previous_absence_error("ore_assenza_provenienza"));
        }
    }
    Ok(())
}

impl TryFrom<PupilRowSpec> for PupilRow {
    type Error = FieldError;
    fn try_from(s: PupilRowSpec) -> Result<Self, FieldError> {
        check_pupil_numbers(&s.enrolment, s.personalised_hours)?;
        check_status_dates(&s.enrolment, &s.status)
            .map_err(|(field, reason)| FieldError::from_api(field, reason))?;
        Ok(PupilRow {
            matricola: s.matricola,
            surname: s.surname,
            name: s.name,
            class: s.class,
            codice_fiscale: s.codice_fiscale,
            enrolment: s.enrolment,
            personalised_hours: s.personalised_hours,
            status: s.status,
        })
    }
}

impl Schema for PupilRow {
    const KIND: ImportKind = ImportKind::Alunni;
    const COLUMNS: &'static [Column] = &[
        required("matricola"),
        required("cognome"),
        required("nome"),
        required("classe"),
        optional("codice_fiscale"),
        optional("data_iscrizione"),
        optional("ore_assenza_provenienza"),
        optional("monte_ore_personalizzato"),
        optional("data_nascita"),
        optional("data_ritiro"),
        optional("tipo_ritiro"),
        optional("istruzione_parentale"),
        optional("scelta_anno_successivo"),
        optional("esito"),
    ];

    fn read(c: &mut Cells<'_>, ctx: &ImportContext) -> Option<Self> {
        let matricola = c.parse("matricola", Matricola::parse);
        let (surname, name) = surname_and_name(c);
        let class = c
            .parse("classe", ClassCode::parse)
            .and_then(|k| class_in_school(c, ctx, "classe", k));
        let codice_fiscale = c.optional("codice_fiscale", CodiceFiscale::parse);
        let start = c.optional("data_iscrizione", parse_date);
        let previous = c.optional("ore_assenza_provenienza", |s| {
            let m = parse_hours_as_minutes(s)?;
            if m > MAX_ANNUAL_HOURS * 60 {
                return Err(previous_absence_error("ore"));
            }
            Ok(m)
        });
        let hours = c.optional("monte_ore_personalizzato", |s| {
            parse_whole(s, 1, MAX_ANNUAL_HOURS, Msg::PhrasePersonalisedHoursMustBe)
        });
        let enrolment = match (start?, previous?) {
            (None, None) => Enrolment::FullYear,
            (Some(start), None) => Enrolment::Late { start },
            (Some(start), Some(m)) => Enrolment::Transfer {
                start,
                previous_absence_minutes: Some(m),
            },
            (None, Some(_)) => {
                c.fail(
                    "ore_assenza_provenienza",
                    "Per un alunno trasferito indicare anche la data di iscrizione (colonna \
                     data_iscrizione), il primo giorno di frequenza in questa scuola.",
                );
                return None;
            }
        };
        let status = pupil_status(c)?;
        if let Err((column, reason)) = check_status_dates(&enrolment, &status) {
            c.fail(column, reason);
            return None;
        }
        let row = PupilRow {
            matricola: matricola?,
            surname: surname?,
            name: name?,
            class: class?,
            codice_fiscale: codice_fiscale?,
            enrolment,
            personalised_hours: hours?,
            status,
        };
        Some(row)
    }

    fn unique(&self) -> Vec<Unique> {
        let mut u = vec![Unique {
            columns: "matricola",
            key: self.matricola.to_string(),
        }];
        if let Some(cf) = &self.codice_fiscale {
            u.push(Unique {
                columns: "codice_fiscale",
                key: cf.to_string(),
            });
        }
        u
    }

    fn describe(&self, columns: &str) -> String {
        match &self.codice_fiscale {
            Some(cf) if columns == "codice_fiscale" => format!("il codice fiscale {cf}"),
            _ => format!("la matricola {}", self.matricola),
        }
    }
}

impl Row for PupilRow {
    fn key(&self) -> String {
        self.matricola.to_string()
    }
}

/// The optional columns of a pupil's standing (docs/imports.md, `alunni`): every cell read, so
/// each bad one is reported, before `None` for any error.
fn pupil_status(c: &mut Cells<'_>) -> Option<SchoolStatus> {
    let birth_date = c.optional("data_nascita", parse_date);
    let withdrawn_on = c.optional("data_ritiro", parse_date);
    let kind = c.optional("tipo_ritiro", parse_withdrawal_kind);
    let home_schooling = c.parse("istruzione_parentale", parse_yes_no);
    let next_year = c.optional("scelta_anno_successivo", parse_next_year);
    let outcome = c.optional("esito", parse_outcome);
    let withdrawal = match (withdrawn_on?, kind?) {
        (None, None) => None,
        (Some(on), Some(kind)) => Some(Withdrawal { on, kind }),
        (Some(_), None) => {
            c.fail(
                "tipo_ritiro",
                "Con la data del ritiro indicare anche il tipo (colonna tipo_ritiro): ritiro, \
                 abbandono o trasferimento.",
            );
            return None;
        }
        (None, Some(_)) => {
            c.fail(
                "data_ritiro",
                "Con il tipo di ritiro indicare anche la data (colonna data_ritiro): l'ultimo \
                 giorno in cui l'alunno apparteneva alla scuola.",
            );
            return None;
        }
    };
    Some(SchoolStatus {
        birth_date: birth_date?,
        withdrawal,
        home_schooling: home_schooling?,
        next_year: next_year?,
        outcome: outcome?,
    })
}

// ---------------------------------------------------------------------------------------------

/// A guardian of one pupil (`tutori`; a parent of two pupils has two rows). Key:
/// `codice_fiscale` + `matricola`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuardianRow {
    pub codice_fiscale: CodiceFiscale,
    pub surname: PersonName,
    pub name: PersonName,
    pub matricola: Matricola,
}

impl Schema for GuardianRow {
    const KIND: ImportKind = ImportKind::Tutori;
    const COLUMNS: &'static [Column] = &[
        required("codice_fiscale"),
        required("cognome"),
        required("nome"),
        required("matricola"),
    ];

    fn read(c: &mut Cells<'_>, ctx: &ImportContext) -> Option<Self> {
        let codice_fiscale = c.parse("codice_fiscale", CodiceFiscale::parse);
        let (surname, name) = surname_and_name(c);
        let matricola = pupil_in_school(c, ctx);
        Some(GuardianRow {
            codice_fiscale: codice_fiscale?,
            surname: surname?,
            name: name?,
            matricola: matricola?,
        })
    }

    fn unique(&self) -> Vec<Unique> {
        vec![Unique {
            columns: "codice_fiscale + matricola",
            key: self.key(),
        }]
    }

    fn describe(&self, _columns: &str) -> String {
        format!(
            "il tutore {} per l'alunno con matricola {}",
            self.codice_fiscale, self.matricola
        )
    }
}

impl Row for GuardianRow {
    fn key(&self) -> String {
        format!("{}|{}", self.codice_fiscale, self.matricola)
    }
}

// ---------------------------------------------------------------------------------------------

/// A member of staff in one role (`personale`). Key: `codice_fiscale` + `ruolo` (one person may
/// be both teacher and secretary). `classes` is not empty for a teacher and empty otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StaffRowSpec")]
pub struct StaffRow {
    pub codice_fiscale: CodiceFiscale,
    pub surname: PersonName,
    pub name: PersonName,
    pub role: StaffRole,
    /// The classes a teacher teaches, in the file's order, without repeats.
    pub classes: Vec<ClassCode>,
    /// The classes whose council the teacher coordinates (`coordinatore`), among `classes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coordinates: Vec<ClassCode>,
}

#[derive(Deserialize)]
struct StaffRowSpec {
    codice_fiscale: CodiceFiscale,
    surname: PersonName,
    name: PersonName,
    role: StaffRole,
    #[serde(default)]
    classes: Vec<ClassCode>,
    #[serde(default)]
    coordinates: Vec<ClassCode>,
}

fn classes_for_role(role: StaffRole) -> String {
    crate::messages::Text::new(Msg::ClassesOnlyForTeachers, &[("role", &role.as_str())]).italian()
}

impl TryFrom<StaffRowSpec> for StaffRow {
    type Error = FieldError;
    fn try_from(s: StaffRowSpec) -> Result<Self, FieldError> {
        match (s.role, s.classes.is_empty()) {
            (StaffRole::Docente, true) => {
                return Err(FieldError::invalid_says(
                    "classi",
                    Msg::TeacherWithoutClasses,
                    &[],
                ))
            }
            (StaffRole::Segreteria | StaffRole::Dirigente, false) => {
                return Err(FieldError::invalid_says(
                    "classi",
                    Msg::ClassesOnlyForTeachers,
                    &[("role", &s.role.as_str())],
                ))
            }
            _ => {}
        }
        if let Some(c) = s.coordinates.iter().find(|c| !s.classes.contains(c)) {
            return Err(FieldError::invalid_says(
                "coordinatore",
                Msg::CoordinatesNotTaught,
                &[("class", &c.as_str())],
            ));
        }
        Ok(StaffRow {
            codice_fiscale: s.codice_fiscale,
            surname: s.surname,
            name: s.name,
            role: s.role,
            classes: s.classes,
            coordinates: s.coordinates,
        })
    }
}

impl Schema for StaffRow {
    const KIND: ImportKind = ImportKind::Personale;
    const COLUMNS: &'static [Column] = &[
        required("codice_fiscale"),
        required("cognome"),
        required("nome"),
        required("ruolo"),
        optional("classi"),
        optional("coordinatore"),
    ];

    fn read(c: &mut Cells<'_>, ctx: &ImportContext) -> Option<Self> {
        let codice_fiscale = c.parse("codice_fiscale", CodiceFiscale::parse);
        let (surname, name) = surname_and_name(c);
        let role = c.parse("ruolo", StaffRole::parse);
        let raw = c.get("classi");
        let mut classes: Vec<ClassCode> = Vec::new();
        let mut classes_ok = true;
        for token in raw
            .split([' ', '\t', '\u{a0}', ',', ';', '|'])
            .filter(|t| !t.is_empty())
        {
            match ClassCode::parse(token) {
                Ok(k) => match class_in_school(c, ctx, "classi", k) {
                    Some(k) if !classes.contains(&k) => classes.push(k),
                    Some(_) => {}
                    None => classes_ok = false,
                },
                Err(e) => {
                    c.fail_value("classi", token, e.message);
                    classes_ok = false;
                }
            }
        }
        let role = role?;
        match (role, raw.is_empty()) {
            (StaffRole::Docente, true) => {
                c.fail("classi", Msg::TeacherWithoutClasses.it());
                return None;
            }
            (StaffRole::Segreteria | StaffRole::Dirigente, false) => {
                c.fail("classi", classes_for_role(role));
                return None;
            }
            _ => {}
        }
        if !classes_ok {
            return None;
        }
        let coordinates = coordinated(c, &classes)?;
        Some(StaffRow {
            codice_fiscale: codice_fiscale?,
            surname: surname?,
            name: name?,
            role,
            classes,
            coordinates,
        })
    }

    fn unique(&self) -> Vec<Unique> {
        vec![Unique {
            columns: "codice_fiscale + ruolo",
            key: self.key(),
        }]
    }

    fn describe(&self, _columns: &str) -> String {
        format!(
            "la persona con codice fiscale {} nel ruolo {}",
            self.codice_fiscale,
            self.role.as_str()
        )
    }
}

/// The `coordinatore` cell: class codes among the teacher's `classes` (empty for anyone else,
/// whose `classes` are empty), without repeats.
fn coordinated(c: &mut Cells<'_>, classes: &[ClassCode]) -> Option<Vec<ClassCode>> {
    const COLUMN: &str = "coordinatore";
    let raw = c.get(COLUMN);
    let mut out: Vec<ClassCode> = Vec::new();
    let mut ok = true;
    for token in raw
        .split([' ', '\t', '\u{a0}', ',', ';', '|'])
        .filter(|t| !t.is_empty())
    {
        match ClassCode::parse(token) {
            Ok(k) if classes.contains(&k) => {
                if !out.contains(&k) {
                    out.push(k);
                }
            }
            Ok(k) => {
                c.fail_value(
                    COLUMN,
                    token,
                    crate::messages::Text::new(
                        Msg::CoordinatesNotTaught,
                        &[("class", &k.as_str())],
                    )
                    .italian(),
                );
                ok = false;
            }
            Err(e) => {
                c.fail_value(COLUMN, token, e.message);
                ok = false;
            }
        }
    }
    ok.then_some(out)
}

impl Row for StaffRow {
    fn key(&self) -> String {
        format!("{}|{}", self.codice_fiscale, self.role.as_str())
    }
}

// ---------------------------------------------------------------------------------------------

/// An absence event of a pupil (`assenze`). Key: `matricola` + `data` + `tipo`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsenceRow {
    pub matricola: Matricola,
    pub event: AbsenceEvent,
}

impl Schema for AbsenceRow {
    const KIND: ImportKind = ImportKind::Assenze;
    const COLUMNS: &'static [Column] = &[
        required("matricola"),
        required("data"),
        required("tipo"),
        optional("ore"),
        optional("minuti"),
        optional("giustificata"),
    ];

    fn read(c: &mut Cells<'_>, ctx: &ImportContext) -> Option<Self> {
        let matricola = pupil_in_school(c, ctx);
        let date = c.parse("data", parse_date);
        let kind = c.parse("tipo", parse_absence_kind);
        let justified = c.parse("giustificata", parse_yes_no);
        let (hours, minutes) = (c.get("ore"), c.get("minuti"));
        let (column, minutes) = match (hours.is_empty(), minutes.is_empty()) {
            (false, false) => {
                c.fail_value(
                    "minuti",
                    &format!("{hours} ore, {minutes} minuti"),
                    "Indicare le ore oppure i minuti, non entrambi.",
                );
                ("minuti", None)
            }
            (false, true) => (
                "ore",
                c.parse("ore", |s| {
                    let m = parse_hours_as_minutes(s)?;
                    if m == 0 || m > MAX_EVENT_MINUTES {
                        return Err(FieldError::invalid_says(
                            "ore",
                            Msg::EventHoursRange,
                            &[("max", &(MAX_EVENT_MINUTES / 60))],
                        ));
                    }
                    Ok(m)
                })
                .map(Some),
            ),
            (true, false) => (
                "minuti",
                c.parse("minuti", |s| {
                    parse_whole(s, 1, MAX_EVENT_MINUTES, Msg::PhraseEventMinutesMustBe)
                })
                .map(Some),
            ),
            (true, true) => ("ore", Some(None)),
        };
        let (matricola, date, kind, justified, minutes) =
            (matricola?, date?, kind?, justified?, minutes?);
        if minutes.is_none() && kind.is_partial() {
            c.fail(
                "ore",
                format!(
                    "Per il tipo {} indicare le ore (colonna ore) o i minuti (colonna minuti) di \
                     lezione persi.",
                    absence_kind_code(kind)
                ),
            );
            return None;
        }
        match AbsenceEvent::new(date, kind, minutes, justified, None) {
            Ok(event) => Some(AbsenceRow { matricola, event }),
            Err(e) => {
                c.fail(column, e.message);
                None
            }
        }
    }

    fn unique(&self) -> Vec<Unique> {
        vec![Unique {
            columns: "matricola + data + tipo",
            key: self.key(),
        }]
    }

    fn describe(&self, _columns: &str) -> String {
        format!(
            "l'evento {} del {} per la matricola {}",
            absence_kind_code(self.event.kind()),
            self.event.date().format("%d/%m/%Y"),
            self.matricola
        )
    }
}

impl Row for AbsenceRow {
    fn key(&self) -> String {
        format!(
            "{}|{}|{}",
            self.matricola,
            self.event.date(),
            absence_kind_code(self.event.kind())
        )
    }
}
