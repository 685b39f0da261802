//! The year's absences, late entries and early exits of each pupil, by season and habit.

use super::*;

pub(super) const WHOLE: u8 = 1;
pub(super) const LATE: u8 = 2;
pub(super) const DEFERRED: u8 = 4;
pub(super) const EXIT: u8 = 8;

/// How likely (per mille) an illness starts on a day of this month: winter is worse.
pub(super) fn season(d: NaiveDate) -> usize {
    match d.month() {
        9 => 400,
        10 => 650,
        11 => 850,
        12 => 900,
        1 => 1000,
        2 => 950,
        3 => 800,
        4 | 5 => 600,
        _ => 350,
    }
}

/// A year of register events for every pupil: illnesses in spells (more in winter), late
/// arrivals, later entries and early exits, class trips, a strike, a few suspensions, and a
/// couple of long unjustified absences for Law 159/2023 to find. Only on the pupil's lesson days
/// from the day they arrived; never two events of one kind on one day, never a part-day event on
/// a day of whole-day absence, never part-day events that add up to the whole day.
pub(super) fn absences(
    rng: &mut Rng,
    spec: &Spec,
    year: &SchoolYear,
    pupils: &[Pupil],
) -> Vec<Event> {
    let (days, lessons) = (&year.days, &year.lessons);
    // Class trips and outings: days from October to May.
    let trips: Vec<Vec<u16>> = spec
        .classes
        .iter()
        .enumerate()
        .map(|(c, class)| {
            let (lo, hi) = habits(class.ordine).trips;
            let mut pool: Vec<u16> = lessons[c]
                .iter()
                .copied()
                .filter(|&d| {
                    let m = year.date(d).month();
                    (10..=12).contains(&m) || (1..=5).contains(&m)
                })
                .collect();
            shuffle(rng, &mut pool);
            pool.truncate(lo + rng.below(hi - lo + 1));
            pool.sort_unstable();
            pool
        })
        .collect();
    let mut events = Vec::new();
    let mut state = vec![0u8; days.len()];
    for (pi, pupil) in pupils.iter().enumerate() {
        state.fill(0);
        let class = &spec.classes[pupil.class];
        let habit = habits(class.ordine);
        let all = &lessons[pupil.class];
        let from = pupil
            .start
            .map_or(0, |s| all.partition_point(|&d| year.date(d) < s));
        let mine = &all[from..];
        if mine.is_empty() {
            continue;
        }
        // Counts below are for a whole year; a pupil who arrived later has fewer.
        let scale = |n: u32| (n as usize * mine.len() / all.len().max(1)) as u32;
        let minutes = |d: u16| {
            let wd = year.date(d).weekday().num_days_from_monday() as usize;
            class.hours.get(wd).copied().unwrap_or(0) * 60
        };
        let mut push = |state: &mut [u8], d: u16, kind: Kind, amount: Amount, justified: bool| {
            state[usize::from(d)] |= match kind {
                Kind::Ritardo => LATE,
                Kind::IngressoPosticipato => DEFERRED,
                Kind::UscitaAnticipata => EXIT,
                _ => WHOLE,
            };
            events.push(Event {
                day: d,
                pupil: pi as u32,
                kind,
                amount,
                justified: justified && kind.family_justifies(),
            });
        };
        let justifies = pupil.justifies;

        // Law 159/2023: weeks away in the winter, never justified.
        if pupil.long_spell {
            let start = mine.partition_point(|&d| year.date(d) < ymd(2026, 1, 12)) + rng.below(15);
            let len = 18 + rng.below(5);
            for &d in mine.iter().skip(start).take(len) {
                push(&mut state, d, Kind::Assenza, Amount::None, false);
            }
        }
        if let Some(kind) = pupil.suspension {
            let start = mine.partition_point(|&d| year.date(d) < ymd(2026, 2, 2)) + rng.below(30);
            let len = 1 + rng.below(3);
            for &d in mine.iter().skip(start).take(len) {
                if state[usize::from(d)] == 0 {
                    push(&mut state, d, kind, Amount::None, false);
                }
            }
        }
        for &d in &trips[pupil.class] {
            if d < mine[0] || state[usize::from(d)] != 0 {
                continue;
            }
            let r = rng.below(100);
            let j = pct(rng, justifies);
            if r < 88 {
                push(&mut state, d, Kind::AttivitaScolastica, Amount::None, false);
            } else if r < 96 {
                push(
                    &mut state,
                    d,
                    Kind::UscitaDidatticaNonPartecipata,
                    Amount::None,
                    j,
                );
            } else {
                push(&mut state, d, Kind::Assenza, Amount::None, j);
            }
        }
        for (date, share, ordini) in &spec.strikes {
            if !ordini.contains(&class.ordine) || !pct(rng, *share) {
                continue;
            }
            if let Ok(i) = mine.binary_search_by(|&d| year.date(d).cmp(date)) {
                let d = mine[i];
                if state[usize::from(d)] == 0 {
                    let j = pct(rng, 50);
                    push(&mut state, d, Kind::Astensione, Amount::None, j);
                }
            }
        }

        // Whole days: most pupils 5–15, a thinning tail to 34, one in a hundred about 40–50,
        // which with their part days takes them near or past a quarter of the year.
        let r = rng.below(1000);
        let whole = if pupil.long_spell {
            3 + rng.below(8)
        } else if r < 90 {
            rng.below(5)
        } else if r < 820 {
            5 + rng.below(11)
        } else if r < 990 {
            16 + rng.below(19).min(rng.below(19))
        } else {
            38 + rng.below(13)
        };
        let whole = scale(whole as u32) as usize;
        let (mut placed, mut tries) = (0, 0);
        while placed < whole && tries < 40 * whole + 100 {
            tries += 1;
            let p = rng.below(mine.len());
            let d = mine[p];
            if state[usize::from(d)] != 0 || rng.below(1000) >= season(year.date(d)) {
                continue;
            }
            let len = match rng.below(100) {
                0..45 => 1,
                45..70 => 2,
                70..85 => 3,
                85..93 => 4,
                _ => 5,
            }
            .min(whole - placed);
            let j = pct(rng, justifies);
            for &d in mine.iter().skip(p).take(len) {
                if state[usize::from(d)] != 0 {
                    break;
                }
                push(&mut state, d, Kind::Assenza, Amount::None, j);
                placed += 1;
            }
        }
        // School activities of a few pupils (sport, orchestra, projects).
        if pct(rng, 25) {
            for _ in 0..1 + rng.below(4) {
                let d = *rng.pick(mine);
                if state[usize::from(d)] == 0 {
                    push(&mut state, d, Kind::AttivitaScolastica, Amount::None, false);
                }
            }
        }

        // Part days: a punctual third, a chronically late tenth.
        let lateness = match rng.below(100) {
            0..30 => 1,
            30..90 => 3,
            _ => 9,
        };
        let late = scale(geometric(rng, habit.late * lateness / 3, 80));
        let deferred = scale(geometric(rng, habit.deferred, 40));
        let exits = scale(geometric(rng, habit.early_exit, 40));
        let plan = [
            (Kind::Ritardo, late, WHOLE | LATE | DEFERRED),
            (
                Kind::IngressoPosticipato,
                deferred,
                WHOLE | LATE | DEFERRED | EXIT,
            ),
            (Kind::UscitaAnticipata, exits, WHOLE | DEFERRED | EXIT),
        ];
        for (kind, count, blocked) in plan {
            for _ in 0..count {
                let Some(d) = (0..40)
                    .map(|_| *rng.pick(mine))
                    .find(|&d| state[usize::from(d)] & blocked == 0)
                else {
                    continue;
                };
                let day = minutes(d);
                let amount = match kind {
                    Kind::Ritardo => {
                        Amount::Minutes(*rng.pick(&[5, 10, 10, 10, 15, 15, 20, 20, 30, 40, 50]))
                    }
                    Kind::IngressoPosticipato => Amount::Hours(match rng.below(100) {
                        0..70 => 60,
                        70..95 => 120,
                        _ => 90,
                    }),
                    _ => Amount::Hours(match rng.below(100) {
                        0..50 => 60,
                        50..85 => 120,
                        85..95 => 180,
                        _ => 90,
                    }),
                };
                // A late arrival (under an hour) and an exit never fill a day of four hours.
                let amount = match amount {
                    Amount::Hours(m) if m + 60 >= day => Amount::Hours(60),
                    a => a,
                };
                let j = pct(rng, justifies.saturating_sub(8));
                push(&mut state, d, kind, amount, j);
            }
        }
    }
    events.sort_by_key(|e| (e.day, e.pupil, e.kind));
    events
}
