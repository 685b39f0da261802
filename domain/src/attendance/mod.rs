//! # Attendance: the validity of the school year (*validità dell'anno scolastico*)
//!
//! Pure rules, no I/O: the worker (family dashboard, school alerts) and the browser calculator
//! call the same functions. Every rule comes from two school documents (docs/design.md §2; where
//! docs/design.md and a seed disagree, the seed wins):
//!
//! - **seed 003** — I.C. San Pietro in Vincoli (Ravenna), *circolare n. 133* of 11/01/2025,
//!   "Assenze e validità anno scolastico 2024-2025", with its *Regolamento criteri di deroga
//!   validità anno scolastico*; it quotes Law 159/2023 art. 12;
//! - **seed 004** — I.C. "Tito Livio", San Michele al Tagliamento, *Regolamento recante criteri e
//!   deroghe al limite delle assenze* (art. 1–9).
//!
//! ## Vocabulary
//!
//! | Italian (law, UI) | English (code) |
//! |---|---|
//! | *monte ore annuale (personalizzato)* | annual hours, [`pupil::personalised_annual_hours`] |
//! | *numero minimo di presenze* / *numero massimo di ore di assenza* | minimum attendance / maximum absence ([`Limits`]) |
//! | *quadro orario*, *tempo pieno / normale / prolungato* | timetable profile ([`TimetableProfile`]) |
//! | *calendario scolastico*, *giorni di lezione* | calendar ([`Calendar`]), lesson days |
//! | *assenza*, *ritardo*, *ingresso posticipato*, *uscita anticipata*, *astensione* | [`AbsenceKind`] |
//! | *sospensione con / senza obbligo di frequenza* | suspension with / without attendance |
//! | *deroga* (pl. *deroghe*), *criteri di deroga* | [`Deroga`], [`policy::DerogaCategory`] |
//! | *iscrizione tardiva*, *alunno trasferito* | late enrolment, transfer ([`Enrolment`]) |
//! | *elusione dell'obbligo di istruzione* | [`law159`] |
//! | *Consiglio di classe*, *Collegio dei docenti*, *Dirigente scolastico*, *sindaco* | class council, teachers' board, head teacher, mayor |
//!
//! ## Modules
//!
//! - [`limits`]: the ¾ rule (weekly hours × weeks, ⌈¾⌉, the rest), shared with the calculator;
//! - [`calendar`]: timetable profiles and the school calendar;
//! - [`pupil`]: grade, enrolment, personalised annual hours;
//! - [`events`]: absence events and derogations as the register records them;
//! - [`policy`]: what a school counts and how it derogates; [`presets`]: seeds 003 and 004;
//! - [`engine`]: [`assess`] — one pupil's position on a day ([`Assessment`]);
//! - [`law159`]: [`law159::check`] — Law 159/2023 art. 12 flags, steps, deadlines, *elusione*;
//! - [`obligation`]: compulsory-school age (6–16, or the grade), withdrawal, home schooling, the
//!   next year's choice and the final outcome.
//!
//! ## Rules and their sources
//!
//! 1. **Annual hours** = weekly hours × 33 weeks. Seed 003: "la frequenza di almeno i ¾
//!    dell'orario di lezioni personalizzato calcolati su 33 settimane di erogazione del servizio
//!    scolastico" and its table; seed 004 art. 3: "moltiplicato per il numero di settimane di
//!    scuola che convenzionalmente viene fissato pari a 33 settimane". The weeks are a school
//!    setting ([`LessonWeeks`], default 33).
//! 2. **Minimum attendance** = ¾ of the annual hours rounded up, **maximum absence** = the rest.
//!    Seed 003 table (957 h → 718 and 239; 1320 → 990 and 330 …); seed 004 art. 2 ("almeno tre
//!    quarti dell'orario annuale personalizzato") and art. 3 table (990/743/247, 1056/792/264,
//!    1188/891/297). All six rows of docs/design.md §2 are tests.
//! 3. **Exceeding the maximum** makes the year invalid unless a derogation is recognised. Seed 003
//!    "Il mancato conseguimento, tenuto conto delle deroghe riconosciute, della quota di almeno tre
//!    quarti … comporta la non validità dell'anno scolastico"; seed 004 art. 3–4.
//! 4. **What counts.** Seed 003, "Si richiama … 1. nel computo del monte ore di assenze … vengono
//!    considerati anche i ritardi, gli ingressi posticipati e le uscite anticipate"; "Non sono
//!    computate come ore di assenza: la partecipazione ad attività organizzate e deliberate dalla
//!    scuola; l'assenza … oggetto della sanzione disciplinare della sospensione senza obbligo di
//!    frequenza". Seed 004 art. 4 ("Tutte le assenze, incluse le entrate e le uscite fuori
//!    orario") and art. 5 (second-hour entries, early exits, late entries, abstention, missed
//!    trips, suspension without attendance). A per-school [`Policy`].
//! 5. **The period**: from the first to the last lesson day. Seed 004 art. 4 "il calcolo viene
//!    effettuato a partire dalla data di inizio delle lezioni sino alla data di termine".
//! 6. **Derogations.** Categories adopted by the school: seed 003 *Regolamento criteri di deroga*
//!    (six), seed 004 art. 6 (points 1–9, letters a–e). Documented, decided by the school: seed
//!    003 "Il Consiglio di classe determina nel merito con specifica delibera motivata"; seed 004
//!    art. 6–7. How they are taken out: out of the absence hours (seed 003, "tenuto conto delle
//!    deroghe riconosciute"), or out of the annual hours too (seed 004 art. 6, "Saranno eliminati
//!    dal calcolo dell'orario annuale personalizzato"). Documentation deadline: seed 003
//!    "protocollata entro il 31 maggio di ogni anno".
//! 7. **Late enrolment**: seed 003, "Per le iscrizioni tardive il computo verrà fatto sulla
//!    frequenza del 75% del monte ore calcolato dalla data di inizio frequenza".
//! 8. **Transfer**: seed 003, "Per gli alunni trasferiti in corso d'anno saranno richieste le ore
//!    di assenza alla scuola di provenienza".
//! 9. **Threshold**: seed 003, "Al raggiungimento della soglia di 200 ore di assenze non
//!    continuative per la scuola secondaria il coordinatore … segnalerà al Consiglio di Classe …
//!    Ai genitori verrà segnalata, con comunicazione scritta, la situazione a rischio".
//! 10. **Days**: seed 004 art. 3 restates hours as lesson days ("247 h Pari a 41 giorni di lezione
//!     per la scuola di Bibione che funziona su 5 giorni").
//! 11. **Law 159/2023 art. 12**, quoted by seed 003 (new art. 114 c. 4–5 D.Lgs. 297/1994): see
//!     [`law159`].
//! 12. **The register is the notice** to families: seed 004 art. 8 ("Costituisce assolvimento
//!     dell'informativa ai genitori la possibilità … di verificare la situazione … sul Registro
//!     Elettronico"); seed 003 ("La comunicazione sarà trasmessa attraverso il registro
//!     elettronico"). Hence [`Assessment`] is serialisable as it stands.
//!
//! ## Decisions where the seeds are silent
//!
//! As a careful school office would decide them:
//!
//! 1. **Minutes.** Absence is kept in lesson minutes (60 to an hour, whatever the clock length of
//!    a lesson): a 10-minute late entry is 10 minutes, never rounded to an hour either way. Limits
//!    stay in whole hours, as both seeds state them.
//! 2. **A day counts at most its timetable.** A whole-day absence is that day's hours in the
//!    pupil's profile. When a day's records add up to more (a whole day *and* a late entry), the
//!    day counts its timetable and the assessment warns. The cut favours the pupil: the plain,
//!    counted minutes are cut first and the minutes of an approved derogation kept (up to what it
//!    recognises), so a duplicate record never eats a derogation and the counted absence is the
//!    smallest the records allow. The seeds do not speak of duplicate records, and say nothing
//!    against this: a minute the school recognised under a derogation is out of the count
//!    whatever else the register wrote for that day — seed 003, "Il mancato conseguimento, tenuto
//!    conto delle deroghe riconosciute, della quota di almeno tre quarti dell'orario annuale
//!    personalizzato comporta la non validità"; seed 004 art. 6, "Saranno eliminati dal calcolo
//!    dell'orario annuale personalizzato le assenze dovute alle precedenti voci", and art. 4,
//!    "comprensivo delle deroghe riconosciute ai sensi del successivo art.6". Pending derogations
//!    come next (what they would take out if approved), then the plain minutes.
//! 3. **Nothing is dropped silently.** Records outside the lesson period, on holidays or days
//!    without lessons, before the pupil's first day here, or after the day of the assessment are
//!    not counted and each is listed in [`Assessment::warnings`]; so are derogations of a category
//!    the school has not adopted, events outside their derogation's dates, and derogation ids used
//!    twice (neither derogation is applied: which one was meant cannot be known).
//! 4. **Derogations apply to the events that reference them** (within the derogation's dates, up
//!    to the hours it recognises, earliest first), never to every absence in the same weeks. When
//!    the register keeps no such reference, [`crate::family::link_deroghe`] ties an absence to a
//!    derogation that covers it ([`Deroga::covers`]: its dates, and whole days away unless the
//!    derogation is for that one day), an approved one before a pending one. Only
//!    an *approved* one takes hours out: a family can ask, only the school grants (docs/design.md §2).
//!    Pending ones are still counted and shown with what they would take out and the
//!    documentation deadline.
//! 5. **Seed 004's removal from the annual hours** removes whole hours (derogated minutes rounded
//!    down: never more than the derogation covers) and recomputes the limits on what is left.
//! 6. **Late enrolment** pro rata: lesson days of the pupil's own profile from the first day of
//!    attendance over those of the year, nearest hour, half up; a start on or before the first
//!    lesson day is a full year; a calendar without lesson days keeps the standard hours (and
//!    warns); a start after the last lesson day gives 0 hours. A staff override replaces it.
//! 7. **Transfer**: the annual hours of the new class for the whole year (one year, two schools);
//!    the previous school's minutes are counted from the first day here; while unknown, an alert
//!    asks the office to request them. Records before the first day here are not counted again.
//! 8. **Seed 003 and missed trips or abstention**: counted — its list of what is *not* counted
//!    is its only exception, and a pupil who neither joined the trip nor came to school was absent.
//! 9. **School activities and suspension with attendance are presence**: no policy can count
//!    them ([`policy::CountedKinds::new`] refuses). Seed 004 lists school activities among the
//!    derogation categories (art. 6 point 1): that category serves when a register recorded them
//!    as absence.
//! 10. **Status bands**: *attention* from 50 % of the maximum absence, *at risk* from 80 % (seed
//!     003's 200 h of 247 h is 81 % and it calls those pupils "a rischio"), or when a threshold of
//!     the policy is reached; *limit exceeded* above 100 % — at exactly the maximum the pupil has
//!     attended exactly the minimum, which is valid. Bands are a policy setting.
//! 11. **Thresholds count the absence left after derogations** (seed 003's "200 ore di assenze
//!     non continuative": long continuous absences are what its derogations cover).
//! 12. **Whole days left** are counted at the hours of the pupil's *longest* lesson day and rounded
//!     down: missing any day costs at most that, so those days can really be missed. Seed 004's
//!     41 and 44 days are reproduced; its "50 giorni" for 247 h on six 5-hour days and for 297 h on
//!     six 6-hour days are rounded up (50 × 5 = 250 > 247; 50 × 6 = 300 > 297): Ponte says 49,
//!     because the 50th day would make the year invalid ([`presets::SEED_004_DAYS`]).
//! 13. **Forecast**: the pace is counted absence over the lesson minutes so far (from the first
//!     lesson day, or from a late enrolment's first day); the forecast is the first future lesson
//!     day on which that pace crosses the maximum, within the year; none otherwise ([`engine`]).
//! 14. **Documentation deadline**: the first such date on or after the first lesson day (31 May
//!     2025 for 2024/25); 29 February is refused as a yearly deadline.
//! 15. **Calendar**: no lessons on Sunday; the first and last lesson day must be lesson days (not
//!     Sunday, not in a holiday); holidays outside the lesson period are refused as typos; a year
//!     spans at most 366 days.
//! 16. **Law 159**: what a *day of unjustified absence* is (whole days only — a day with any
//!     lesson attended is not a day of absence; partial hours count towards *elusione*), the
//!     three-month window, deadlines in calendar days, episodes: see [`law159`].
//!
//! ## Invariants (property tests)
//!
//! Adding an absence never lowers the absence hours, nor the counted hours unless it is tied to an
//! approved derogation (decision 2: its minutes may replace plain ones in a full day); approving
//! a derogation (or adding an approved one under a new id) never raises the counted hours; remaining = max(0, maximum − counted); the result does
//! not depend on the order of events or derogations; no panic or overflow on any input, dates at
//! the edges of chrono's range and calendars without lesson days included; constructors reject
//! invalid values with a typed [`crate::FieldError`] and keep valid ones exactly as given.

pub mod ars;
pub mod calendar;
pub mod engine;
pub mod events;
pub mod late_entries;
pub mod law159;
pub mod limits;
pub mod obligation;
pub mod policy;
pub mod presets;
pub mod pupil;

#[cfg(test)]
mod joins;
#[cfg(test)]
mod proptests;

pub use calendar::{Calendar, DateRange, TimetableProfile};
pub use engine::{assess, Alert, Assessment, Status, Warning};
pub use events::{AbsenceEvent, AbsenceKind, Deroga, DerogaCategoryCode, DerogaId, DerogaStatus};
pub use law159::{EpisodeRecord, Law159Report};
pub use limits::{DailyHours, LessonWeeks, Limits, WeeklyHours};
pub use obligation::{
    NextYearChoice, Obligation, Outcome, SchoolStatus, Withdrawal, WithdrawalKind,
};
pub use policy::{DerogaMode, Policy};
pub use pupil::{hours_at_this_school, personalised_annual_hours, Enrolment, Pupil, SchoolGrade};
