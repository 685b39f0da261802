//! The two shipped policies, word for word from the seeds, and the seeds' tables.
//!
//! - [`seed_003`]: I.C. San Pietro in Vincoli (Ravenna), circolare n. 133 of 11/01/2025 and its
//!   "Regolamento criteri di deroga validità anno scolastico".
//! - [`seed_004`]: I.C. "Tito Livio", San Michele al Tagliamento, "Regolamento recante criteri e
//!   deroghe al limite delle assenze".

use super::events::{AbsenceKind, DerogaCategoryCode};
use super::policy::{
    Bands, CountedKinds, DerogaCategory, DerogaMode, MonthDay, Policy, PolicySpec, Threshold,
};
use super::pupil::SchoolGrade;
use crate::error::FieldError;

/// One row of a seed's table of limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedRow {
    pub seed: &'static str,
    pub profile: &'static str,
    pub grade: SchoolGrade,
    pub weekly_hours: u32,
    pub annual_hours: u32,
    pub min_attendance_hours: u32,
    pub max_absence_hours: u32,
}

const fn row(
    seed: &'static str,
    profile: &'static str,
    grade: SchoolGrade,
    weekly: u32,
    annual: u32,
    min: u32,
    max: u32,
) -> SeedRow {
    SeedRow {
        seed,
        profile,
        grade,
        weekly_hours: weekly,
        annual_hours: annual,
        min_attendance_hours: min,
        max_absence_hours: max,
    }
}

/// Seed 003, table "SCUOLA / Ore settimanali / Monte ore annuale / Numero minimo presenze 75% /
/// Numero ore massimo di assenze 25%".
pub const SEED_003_TABLE: [SeedRow; 6] = [
    row(
        "003",
        "Primaria, tempo pieno",
        SchoolGrade::Primaria,
        40,
        1320,
        990,
        330,
    ),
    row(
        "003",
        "Primaria, tempo normale 28 h",
        SchoolGrade::Primaria,
        28,
        924,
        693,
        231,
    ),
    row(
        "003",
        "Primaria, tempo normale 29 h",
        SchoolGrade::Primaria,
        29,
        957,
        718,
        239,
    ),
    row(
        "003",
        "Primaria, tempo normale 30 h",
        SchoolGrade::Primaria,
        30,
        990,
        743,
        247,
    ),
    row(
        "003",
        "Primaria, tempo normale 32 h",
        SchoolGrade::Primaria,
        32,
        1056,
        792,
        264,
    ),
    row(
        "003",
        "Secondaria di primo grado, tempo normale",
        SchoolGrade::SecondariaPrimoGrado,
        30,
        990,
        743,
        247,
    ),
];

/// Seed 004, art. 3, table "INDIRIZZO / ORE SETTIMANALI / MONTE ORE ANNUALE / NUMERO MINIMO DI
/// ORE IN PRESENZA / NUMERO MASSIMO DI ORE DI ASSENZA".
pub const SEED_004_TABLE: [SeedRow; 3] = [
    row(
        "004",
        "Ordinario",
        SchoolGrade::SecondariaPrimoGrado,
        30,
        990,
        743,
        247,
    ),
    row(
        "004",
        "Musicale",
        SchoolGrade::SecondariaPrimoGrado,
        32,
        1056,
        792,
        264,
    ),
    row(
        "004",
        "Prolungato",
        SchoolGrade::SecondariaPrimoGrado,
        36,
        1188,
        891,
        297,
    ),
];

/// Seed 004 art. 3 restates the maximum absence in lesson days: `(max hours, hours a day, days
/// stated by the seed)`. Ponte rounds down (see the module docs of [`super`]): it agrees on the
/// first and third rows; on the other two the seed rounds up (50 × 5 h = 250 h > 247 h, 50 × 6 h
/// = 300 h > 297 h), which would promise a day that makes the year invalid, so Ponte says 49.
pub const SEED_004_DAYS: [(u32, u32, u32); 4] = [
    // "247 h Pari a 41 giorni di lezione per la scuola di Bibione che funziona su 5 giorni"
    (247, 6, 41),
    // "Pari a 50 giorni per gli altri plessi" (six days of 5 hours)
    (247, 5, 50),
    // "264 h Pari a 44 giorni di lezione"
    (264, 6, 44),
    // "297 h Pari a 50 giorni di lezione"
    (297, 6, 50),
];

fn category(code: &str, label: &str, source: &str) -> Result<DerogaCategory, FieldError> {
    Ok(DerogaCategory {
        code: DerogaCategoryCode::new(code)?,
        label: label.to_owned(),
        source: source.to_owned(),
    })
}

/// Seed 003's six categories ("REGOLAMENTO CRITERI DI DEROGA VALIDITÀ ANNO SCOLASTICO").
pub fn seed_003_categories() -> Result<Vec<DerogaCategory>, FieldError> {
    const S: &str = "Seed 003, Regolamento criteri di deroga";
    Ok(vec![
        category(
            "ricovero",
            "Assenze per ricovero ospedaliero o in casa di cura, documentato con certificato di ricovero e di dimissione, e successivo periodo di convalescenza prescritto all'atto della dimissione e convalidato dal medico curante",
            S,
        )?,
        category(
            "grave_malattia",
            "Assenze continuative superiori a 30 giorni o assenze ricorrenti per grave malattia, fisica o psicologica, documentata con certificato del medico curante attestante la gravità della patologia",
            S,
        )?,
        category("motivi_di_culto", "Assenze per motivi di culto", S)?,
        category(
            "gravi_motivi_personali_famiglia",
            "Assenze per gravi motivi personali e/o di famiglia, documentate e debitamente motivate (lutto di parente stretto, trasferimento famiglia, provvedimenti dell'autorità giudiziaria, gravi patologie dei componenti del nucleo familiare, rientro nel paese d'origine per motivi legali)",
            S,
        )?,
        category(
            "competizioni_sportive",
            "Assenze dovute a partecipazione a competizioni sportive a livello agonistico organizzate da federazioni riconosciute dal CONI e a carattere nazionale",
            S,
        )?,
        category(
            "altri_casi_particolari",
            "Altri casi particolari debitamente motivati non riconducibili alle fattispecie individuate, sui quali i Consigli di Classe saranno chiamati ad esprimersi",
            S,
        )?,
    ])
}

/// Seed 004's categories: art. 6 points 1–9 and letters a)–e).
pub fn seed_004_categories() -> Result<Vec<DerogaCategory>, FieldError> {
    const S: &str = "Seed 004, art. 6";
    Ok(vec![
        category(
            "attivita_organizzate_scuola",
            "Partecipazione ad attività organizzate e deliberate dalla scuola",
            "Seed 004, art. 6, punto 1",
        )?,
        category(
            "gravi_motivi_salute",
            "Gravi motivi di salute adeguatamente documentati (ricovero ospedaliero o cure domiciliari, in forma continuativa o ricorrente, visite specialistiche ospedaliere e day hospital)",
            "Seed 004, art. 6, punto 2",
        )?,
        category(
            "terapie_programmate",
            "Terapie e/o cure programmate e documentabili",
            "Seed 004, art. 6, punto 3",
        )?,
        category(
            "gravi_esigenze_famiglia",
            "Gravi e documentate esigenze di famiglia (provvedimenti dell'autorità giudiziaria, attivazione di separazione dei genitori in coincidenza con l'assenza, gravi patologie e lutti di componenti del nucleo familiare, gravi patologie e motivi di salute di un componente del nucleo familiare, rientro nel paese d'origine per motivi legali)",
            "Seed 004, art. 6, punto 4",
        )?,
        category(
            "grave_disagio_sociale",
            "Assenze per accertato grave disagio sociale caratterizzato dall'intervento dei servizi sociali, socio-sanitari",
            "Seed 004, art. 6, punto 5",
        )?,
        category(
            "disabilita_svantaggio",
            "Mancata frequenza dovuta alla disabilità o a problemi derivanti da gravi fenomeni di svantaggio familiare e/o socio-ambientale, debitamente documentati",
            "Seed 004, art. 6, punto 6",
        )?,
        category(
            "rimpatrio_alunni_stranieri",
            "Limitatamente agli alunni stranieri, assenze dovute a periodi di rimpatrio disposto dalle autorità competenti",
            "Seed 004, art. 6, punto 7",
        )?,
        category(
            "attivita_agonistiche_coni",
            "Partecipazione ad attività agonistiche nazionali ed internazionali organizzate da federazioni riconosciute dal C.O.N.I.",
            "Seed 004, art. 6, punto 8",
        )?,
        category(
            "altri_motivi_straordinari",
            "Altri motivi di carattere straordinario, a oggi non individuabili, adeguatamente motivati",
            "Seed 004, art. 6, punto 9",
        )?,
        category(
            "quarantena_classe",
            "Quarantena e isolamento cautelativo della classe disposta dalla ULSS",
            "Seed 004, art. 6, lettera a)",
        )?,
        category(
            "quarantena_alunno",
            "Quarantena e isolamento cautelativo dell'alunno/a disposta dalla ULSS",
            "Seed 004, art. 6, lettera b)",
        )?,
        category(
            "quarantena_contatto_convivente",
            "Quarantena e isolamento cautelativo in caso di contatto positivo convivente (familiare di 1° grado) disposta dalla ULSS",
            "Seed 004, art. 6, lettera c)",
        )?,
        category(
            "infortunio_a_scuola",
            "Infortunio avvenuto a scuola (certificazione medica con prognosi)",
            "Seed 004, art. 6, lettera d)",
        )?,
        category(
            "interventi_malattie_prolungate",
            "Interventi e malattie prolungate (certificazione medica con prognosi)",
            S,
        )?,
    ])
}

/// The policy a school follows: its own (`own`), or the seed 003 preset while it has sent
/// none.
pub fn school_policy(own: Option<Policy>) -> Result<Policy, FieldError> {
    match own {
        Some(policy) => Ok(policy),
        None => seed_003(),
    }
}

/// Seed 003's policy.
///
/// - Counted (point 1 "nel computo del monte ore di assenze … vengono considerati anche i ritardi,
///   gli ingressi posticipati e le uscite anticipate"): whole days, late entries, deferred entries,
///   early exits; abstention and missed school trips too — the seed's exclusion list ("Non sono
///   computate come ore di assenza") is the only exception it makes, and every other absence from
///   lessons is an absence.
/// - Not counted ("Non sono computate …"): school activities; suspension without the obligation
///   to attend.
/// - Derogations excluded from the absence hours ("tenuto conto delle deroghe riconosciute").
/// - Threshold: 200 hours in *secondaria di primo grado* ("Al raggiungimento della soglia di 200
///   ore di assenze non continuative per la scuola secondaria").
/// - Documentation due by 31 May ("protocollata entro il 31 maggio di ogni anno").
pub fn seed_003() -> Result<Policy, FieldError> {
    Policy::new(PolicySpec {
        name: "I.C. San Pietro in Vincoli, circolare n. 133 dell'11/01/2025 (seed 003)".to_owned(),
        counted_kinds: CountedKinds::new(&[
            AbsenceKind::WholeDay,
            AbsenceKind::LateEntry,
            AbsenceKind::DeferredEntry,
            AbsenceKind::EarlyExit,
            AbsenceKind::Abstention,
            AbsenceKind::MissedSchoolTrip,
        ])?,
        deroga_mode: DerogaMode::ExcludeFromAbsences,
        deroga_categories: seed_003_categories()?,
        thresholds: vec![Threshold {
            grade: SchoolGrade::SecondariaPrimoGrado,
            hours: 200,
        }],
        bands: Bands::DEFAULT,
        documentation_deadline: Some(MonthDay::new(5, 31)?),
        // "presenza di ritardi reiterati in ingresso": the seed gives no number; the preset's
        // is the school's to change (attendance::late_entries).
        late_entries_notice_after: Some(super::late_entries::SEED_003_THRESHOLD),
    })
}

/// Seed 004's policy.
///
/// - Counted (art. 5 "Sono computate come ore di assenza"): entries at the second hour, early
///   exits, late entries, abstention, missed school trips, suspension without the obligation to
///   attend; whole days (art. 4 "Tutte le assenze").
/// - Derogations removed from the annual hours (art. 6, "Saranno eliminati dal calcolo
///   dell'orario annuale personalizzato").
/// - No threshold and no documentation date (art. 6: documents go to the class coordinator or
///   the office; art. 8: the register is the notice to families).
pub fn seed_004() -> Result<Policy, FieldError> {
    Policy::new(PolicySpec {
        name: "I.C. \"Tito Livio\" San Michele al Tagliamento, regolamento deroghe (seed 004)"
            .to_owned(),
        counted_kinds: CountedKinds::new(&[
            AbsenceKind::WholeDay,
            AbsenceKind::LateEntry,
            AbsenceKind::DeferredEntry,
            AbsenceKind::EarlyExit,
            AbsenceKind::Abstention,
            AbsenceKind::MissedSchoolTrip,
            AbsenceKind::SuspensionWithoutAttendance,
        ])?,
        deroga_mode: DerogaMode::RemoveFromAnnualHours,
        deroga_categories: seed_004_categories()?,
        thresholds: vec![],
        bands: Bands::DEFAULT,
        documentation_deadline: None,
        late_entries_notice_after: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attendance::limits::{DailyHours, LessonWeeks, Limits, WeeklyHours};

    #[test]
    fn presets_build() {
        let p3 = seed_003().unwrap();
        assert_eq!(p3.deroga_categories().len(), 6);
        assert!(!p3.counts(AbsenceKind::SuspensionWithoutAttendance));
        assert_eq!(p3.deroga_mode(), DerogaMode::ExcludeFromAbsences);
        assert_eq!(p3.thresholds()[0].hours, 200);
        let p4 = seed_004().unwrap();
        assert_eq!(p4.deroga_categories().len(), 14);
        assert!(p4.counts(AbsenceKind::SuspensionWithoutAttendance));
        assert!(p4.counts(AbsenceKind::MissedSchoolTrip));
        assert_eq!(p4.deroga_mode(), DerogaMode::RemoveFromAnnualHours);
        assert!(p4.documentation_deadline().is_none());
        assert_eq!(p3.late_entries_notice_after(), Some(5));
        assert_eq!(p4.late_entries_notice_after(), None);
        // The wire form round-trips and is checked again.
        let json = serde_json::to_string(&p3).unwrap();
        assert_eq!(serde_json::from_str::<Policy>(&json).unwrap(), p3);
    }

    #[test]
    fn seed_tables_match_the_limits() {
        for r in SEED_003_TABLE.iter().chain(SEED_004_TABLE.iter()) {
            let l = Limits::compute(
                WeeklyHours::new(r.weekly_hours).unwrap(),
                LessonWeeks::DEFAULT,
                None,
            );
            assert_eq!(
                (l.annual_hours, l.min_attendance_hours, l.max_absence_hours),
                (r.annual_hours, r.min_attendance_hours, r.max_absence_hours),
                "seed {} {}",
                r.seed,
                r.profile
            );
        }
    }

    /// Seed 004 art. 3: the days Ponte shows, and why two differ from the seed.
    #[test]
    fn seed_004_day_equivalents() {
        let ours: Vec<u32> = SEED_004_DAYS
            .iter()
            .map(|&(max, day, _)| {
                Limits::for_annual_hours(max * 4, 0, 33, Some(DailyHours::new(day).unwrap()))
                    .max_absence_days
                    .unwrap()
            })
            .collect();
        assert_eq!(ours, vec![41, 49, 44, 49]);
        for (&(max, day, stated), &mine) in SEED_004_DAYS.iter().zip(&ours) {
            // Ours never exceeds the limit; the seed's differs only by rounding up.
            assert!(mine * day <= max);
            if mine != stated {
                assert_eq!(stated, mine + 1);
                assert!(stated * day > max);
            }
        }
    }
}
