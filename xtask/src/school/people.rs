//! The people of a school: pupils in classes, their families (siblings share guardians) and
//! the staff, each from its own random stream of the seed.

use super::*;

#[derive(Debug, Clone)]
pub(super) struct Person {
    pub(super) cognome: String,
    pub(super) nome: String,
    pub(super) cf: String,
}

pub(super) struct Pupil {
    pub(super) person: Person,
    /// The register may not have the code yet (a pupil just arrived from abroad).
    pub(super) cf_known: bool,
    pub(super) class: usize,
    pub(super) family: usize,
    pub(super) matricola: String,
    pub(super) start: Option<NaiveDate>,
    /// Transfers: absence hours at the previous school, as written (`23,5`).
    pub(super) transfer_hours: Option<String>,
    pub(super) personalised: Option<u32>,
    pub(super) long_spell: bool,
    pub(super) suspension: Option<Kind>,
    /// Percent of absences the family justifies.
    pub(super) justifies: usize,
}

pub(super) struct Family {
    pub(super) guardians: Vec<Person>,
    pub(super) children: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Docente,
    Segreteria,
    Dirigente,
}

impl Role {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Role::Docente => "docente",
            Role::Segreteria => "segreteria",
            Role::Dirigente => "dirigente",
        }
    }
}

#[derive(Clone)]
pub(super) struct Staff {
    pub(super) person: Person,
    pub(super) role: Role,
    pub(super) classes: Vec<usize>,
    /// The classes whose council the teacher coordinates (one coordinator per class).
    pub(super) coordinates: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Kind {
    Assenza,
    Ritardo,
    IngressoPosticipato,
    UscitaAnticipata,
    Astensione,
    UscitaDidatticaNonPartecipata,
    Sospensione,
    SospensioneConObbligo,
    AttivitaScolastica,
}

impl Kind {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Kind::Assenza => "assenza",
            Kind::Ritardo => "ritardo",
            Kind::IngressoPosticipato => "ingresso_posticipato",
            Kind::UscitaAnticipata => "uscita_anticipata",
            Kind::Astensione => "astensione",
            Kind::UscitaDidatticaNonPartecipata => "uscita_didattica_non_partecipata",
            Kind::Sospensione => "sospensione",
            Kind::SospensioneConObbligo => "sospensione_con_obbligo",
            Kind::AttivitaScolastica => "attivita_scolastica",
        }
    }

    /// Whether the family justifies it (the school decides suspensions and activities).
    pub(super) fn family_justifies(self) -> bool {
        !matches!(
            self,
            Kind::Sospensione | Kind::SospensioneConObbligo | Kind::AttivitaScolastica
        )
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Amount {
    None,
    /// Written in `ore` (whole or half hours).
    Hours(u32),
    /// Written in `minuti`.
    Minutes(u32),
}

pub(super) struct Event {
    pub(super) day: u16,
    pub(super) pupil: u32,
    pub(super) kind: Kind,
    pub(super) amount: Amount,
    pub(super) justified: bool,
}

pub(super) struct School {
    pub(super) spec: Spec,
    pub(super) pupils: Vec<Pupil>,
    pub(super) families: Vec<Family>,
    pub(super) staff: Vec<Staff>,
    pub(super) events: Vec<Event>,
    pub(super) days: Vec<NaiveDate>,
}

/// A stream of random numbers for one purpose of one school, independent of the others (a change
/// in how absences are drawn does not rename the pupils).
pub(super) fn stream(seed: u64, school: u64, purpose: u64) -> Rng {
    let mut r = Rng::new(seed ^ (school << 56) ^ purpose.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    r.next_u64();
    r
}

pub(super) fn shuffle<T>(rng: &mut Rng, v: &mut [T]) {
    for i in (1..v.len()).rev() {
        let j = rng.below(i + 1);
        v.swap(i, j);
    }
}

/// Percent `p` of the time.
pub(super) fn pct(rng: &mut Rng, p: usize) -> bool {
    rng.below(100) < p
}

/// A count with mean `mean`, most values small and a long tail (geometric).
pub(super) fn geometric(rng: &mut Rng, mean: u32, cap: u32) -> u32 {
    let p_milli = (1000 * mean / (mean + 1)) as usize;
    let mut n = 0;
    while n < cap && rng.below(1000) < p_milli {
        n += 1;
    }
    n
}

pub(super) fn birthday(rng: &mut Rng, year: i32, first_day: u32, days: u32) -> NaiveDate {
    let ordinal = first_day + rng.below(days as usize) as u32;
    NaiveDate::from_yo_opt(year, ordinal.min(365)).unwrap_or_default()
}

/// Class sizes: each class's weight, give or take two, scaled to `total` (largest remainder).
pub(super) fn class_sizes(rng: &mut Rng, classes: &[Class], total: usize) -> Vec<usize> {
    let weights: Vec<usize> = classes
        .iter()
        .map(|c| c.weight + rng.below(5) - 2)
        .collect();
    let sum: usize = weights.iter().sum::<usize>().max(1);
    let mut sizes: Vec<usize> = weights.iter().map(|w| total * w / sum).collect();
    let mut order: Vec<usize> = (0..classes.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(total * weights[i] % sum), i));
    let short = total - sizes.iter().sum::<usize>();
    for &i in order.iter().cycle().take(short) {
        sizes[i] += 1;
    }
    sizes
}

/// Groups the pupils' places into families: most have one child at the school, some two or
/// three, never two in the same year.
pub(super) fn group_siblings(rng: &mut Rng, classes: &[Class], sizes: &[usize]) -> Vec<Vec<usize>> {
    let mut buckets: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (i, c) in classes.iter().enumerate() {
        buckets
            .entry(c.year())
            .or_default()
            .extend(std::iter::repeat_n(i, sizes[i]));
    }
    for b in buckets.values_mut() {
        shuffle(rng, b);
    }
    let mut families = Vec::new();
    loop {
        let open: Vec<u32> = buckets
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(&k, _)| k)
            .collect();
        let remaining: usize = buckets.values().map(Vec::len).sum();
        if remaining == 0 {
            break;
        }
        let r = rng.below(100);
        let want = if r < 76 {
            1
        } else if r < 95 {
            2
        } else {
            3
        };
        // The first child: a year in proportion to the places left, so the years drain evenly.
        let mut target = rng.below(remaining);
        let mut first = open[0];
        for &k in &open {
            let n = buckets[&k].len();
            if target < n {
                first = k;
                break;
            }
            target -= n;
        }
        let mut years = vec![first];
        let mut others: Vec<u32> = open.iter().copied().filter(|&k| k != first).collect();
        shuffle(rng, &mut others);
        years.extend(others.into_iter().take(want - 1));
        let family = years
            .iter()
            .filter_map(|k| buckets.get_mut(k).and_then(Vec::pop))
            .collect();
        families.push(family);
    }
    families
}

/// The days of a school's year and, for each class, which of them are its lesson days (as
/// indices into `days`), as `attendance::Calendar` decides.
pub(super) struct SchoolYear {
    pub(super) days: Vec<NaiveDate>,
    pub(super) lessons: Vec<Vec<u16>>,
}

impl SchoolYear {
    pub(super) fn new(spec: &Spec) -> Result<Self> {
        let calendar = spec.calendar.calendar()?;
        let days: Vec<NaiveDate> = calendar
            .first_lesson_day()
            .iter_days()
            .take_while(|d| *d <= calendar.last_lesson_day())
            .collect();
        let mut lessons = Vec::new();
        for c in &spec.classes {
            let profile = TimetableProfile::from_days(c.hours).map_err(|e| e.message)?;
            lessons.push(
                (0..days.len())
                    .filter(|&i| calendar.is_lesson_day(days[i], &profile))
                    .map(|i| i as u16)
                    .collect(),
            );
        }
        Ok(SchoolYear { days, lessons })
    }

    pub(super) fn date(&self, day: u16) -> NaiveDate {
        self.days[usize::from(day)]
    }
}

pub(super) fn generate_school(
    spec: Spec,
    school_no: u64,
    seed: u64,
    places: &Places,
    used: &mut BTreeSet<String>,
) -> Result<School> {
    let around = places.around(spec.istat)?;
    let year = SchoolYear::new(&spec)?;
    let mut rng = stream(seed, school_no, 1);
    let sizes = class_sizes(&mut rng, &spec.classes, spec.pupils);
    let groups = group_siblings(&mut rng, &spec.classes, &sizes);
    let mut pupils = Vec::new();
    let mut families = Vec::new();
    for (f, group) in groups.iter().enumerate() {
        let family = make_family(&mut rng, &spec, f, group, &around, &mut pupils, used);
        families.push(family);
    }
    mark_special_pupils(
        &mut stream(seed, school_no, 2),
        &spec,
        &year,
        &families,
        &mut pupils,
    );
    number_pupils(&mut rng, &spec, &mut pupils);
    let pupils = register_order(pupils, &mut families);
    let staff = make_staff(&mut stream(seed, school_no, 3), &spec, &around, used);
    let events = absences(&mut stream(seed, school_no, 4), &spec, &year, &pupils);
    Ok(School {
        spec,
        pupils,
        families,
        staff,
        events,
        days: year.days,
    })
}

/// One family: its guardians (both parents, or one) and its children, the places `group` gave
/// them, pushed onto `pupils`. About one family in ten comes from a foreign community.
pub(super) fn make_family(
    rng: &mut Rng,
    spec: &Spec,
    f: usize,
    group: &[usize],
    around: &Around,
    pupils: &mut Vec<Pupil>,
    used: &mut BTreeSet<String>,
) -> Family {
    let community = if pct(rng, 10) {
        Some(rng.pick(COMMUNITIES))
    } else {
        None
    };
    let surname = |rng: &mut Rng| -> String {
        match community {
            Some(c) => rng.pick(c.surnames).to_string(),
            None => rng.pick(SURNAMES).to_string(),
        }
    };
    let family_surname = if f == 0 {
        rng.pick(MARKED_SURNAMES).to_string()
    } else {
        surname(rng)
    };
    let oldest_year = group
        .iter()
        .map(|&c| spec.classes[c].year())
        .max()
        .unwrap_or(1);
    // Born in 2019 for the first year of primaria, a year earlier for each year above.
    let oldest_born = 2020 - oldest_year as i32;
    let mother_born = oldest_born - 25 - rng.below(17) as i32;
    let father_born = mother_born - 6 + rng.below(9) as i32;
    let (has_father, has_mother) = match rng.below(100) {
        0..82 => (true, true),
        82..95 => (false, true),
        _ => (true, false),
    };
    let adult_place = |rng: &mut Rng| match community {
        Some(c) => c.state.to_owned(),
        None => around.birthplace(rng, 60),
    };
    let mut guardians = Vec::new();
    if has_father {
        let nome = rng.pick(community.map_or(MEN, |c| c.male)).to_string();
        let born = birthday(rng, father_born, 1, 365);
        let place = adult_place(rng);
        let cf = codice_fiscale(&family_surname, &nome, false, born, &place, used);
        guardians.push(Person {
            cognome: family_surname.clone(),
            nome,
            cf,
        });
    }
    if has_mother {
        let mut cognome = surname(rng);
        while cognome == family_surname {
            cognome = surname(rng);
        }
        let nome = rng.pick(community.map_or(WOMEN, |c| c.female)).to_string();
        let born = birthday(rng, mother_born, 1, 365);
        let place = adult_place(rng);
        let cf = codice_fiscale(&cognome, &nome, true, born, &place, used);
        guardians.push(Person { cognome, nome, cf });
    }
    // Children take the father's surname; with the mother alone, hers or the absent father's.
    let children_surname = if has_father || f == 0 || pct(rng, 50) {
        family_surname
    } else {
        guardians[0].cognome.clone()
    };
    let justifies = if pct(rng, 80) { 85 } else { 45 };
    let mut children = Vec::new();
    let mut names_taken: Vec<String> = Vec::new();
    for &c in group {
        let class = &spec.classes[c];
        let female = pct(rng, 49);
        let mut nome = String::new();
        for _ in 0..10 {
            let pool: &[&str] = match (community, female) {
                (Some(comm), true) if pct(rng, 50) => comm.female,
                (Some(comm), false) if pct(rng, 50) => comm.male,
                (_, true) => GIRLS,
                (_, false) => BOYS,
            };
            nome = rng.pick(pool).to_string();
            if !names_taken.contains(&nome) {
                break;
            }
        }
        names_taken.push(nome.clone());
        let year = 2020 - class.year() as i32;
        let born = if class.year() == 1 && pct(rng, 8) {
            // Anticipatari: born January to April of the next year.
            birthday(rng, year + 1, 1, 120)
        } else if class.year() > 5 && pct(rng, 3) {
            // Repeated a year.
            birthday(rng, year - 1, 1, 365)
        } else {
            birthday(rng, year, 1, 365)
        };
        let place = match community {
            Some(comm) if pct(rng, 25) => comm.state.to_owned(),
            _ => around.birthplace(rng, 90),
        };
        let cf = codice_fiscale(&children_surname, &nome, female, born, &place, used);
        children.push(pupils.len());
        pupils.push(Pupil {
            person: Person {
                cognome: children_surname.clone(),
                nome,
                cf,
            },
            cf_known: true,
            class: c,
            family: f,
            matricola: String::new(),
            start: None,
            transfer_hours: None,
            personalised: None,
            long_spell: false,
            suspension: None,
            justifies,
        });
    }
    Family {
        guardians,
        children,
    }
}

/// The pupils the checks need: late enrolments (one still without a codice fiscale), transfers
/// with the previous school's hours, personalised annual hours, long unjustified spells (one in
/// primaria and one in secondaria when the school has both) and suspensions. All of them only
/// children, so a guardian's view of one of them is not mixed with a sibling's.
pub(super) fn mark_special_pupils(
    rng: &mut Rng,
    spec: &Spec,
    year: &SchoolYear,
    families: &[Family],
    pupils: &mut [Pupil],
) {
    let mut singles: Vec<usize> = (0..pupils.len())
        .filter(|&p| families[pupils[p].family].children.len() == 1)
        .collect();
    shuffle(rng, &mut singles);
    let mut singles = singles.into_iter();
    for k in 0..spec.late_enrolments + spec.transfers {
        let Some(p) = singles.next() else { break };
        // A lesson day from October to the end of February.
        let window: Vec<u16> = year.lessons[pupils[p].class]
            .iter()
            .copied()
            .filter(|&d| (ymd(2025, 10, 1)..=ymd(2026, 2, 28)).contains(&year.date(d)))
            .collect();
        if window.is_empty() {
            continue;
        }
        let pupil = &mut pupils[p];
        pupil.start = Some(year.date(*rng.pick(&window)));
        if k >= spec.late_enrolments {
            let half_hours = 4 + rng.below(60);
            pupil.transfer_hours = Some(if half_hours.is_multiple_of(2) {
                (half_hours / 2).to_string()
            } else {
                format!("{},5", half_hours / 2)
            });
        } else if k == 0 {
            // Just arrived from abroad: the office is still waiting for the codice fiscale.
            pupil.cf_known = false;
        }
    }
    let mut full_year: Vec<usize> = singles.filter(|&p| pupils[p].start.is_none()).collect();
    for &(code, hours) in &spec.personalised {
        let class = class_index(&spec.classes, code);
        if let Some(i) = full_year.iter().position(|&p| pupils[p].class == class) {
            pupils[full_year.remove(i)].personalised = Some(hours);
        }
    }
    let mut full_year = full_year.into_iter();
    let mut ordini_done = BTreeSet::new();
    for p in full_year.by_ref() {
        if ordini_done.len() == spec.long_spells {
            break;
        }
        if ordini_done.insert(spec.classes[pupils[p].class].ordine) {
            pupils[p].long_spell = true;
        }
    }
    // Suspensions: secondaria from the second year; the last one with the obligation to attend.
    let mut suspended = 0;
    for p in full_year {
        if suspended > spec.suspensions {
            break;
        }
        let class = &spec.classes[pupils[p].class];
        if class.ordine == Ordine::Primaria
            || (class.ordine == Ordine::PrimoGrado && class.grade == 1)
        {
            continue;
        }
        pupils[p].suspension = Some(if suspended == spec.suspensions {
            Kind::SospensioneConObbligo
        } else {
            Kind::Sospensione
        });
        suspended += 1;
    }
}

/// Matricole: the year of enrolment at this school and a number in order of arrival.
pub(super) fn number_pupils(rng: &mut Rng, spec: &Spec, pupils: &mut [Pupil]) {
    let mut order: Vec<usize> = (0..pupils.len()).collect();
    shuffle(rng, &mut order);
    let mut next: BTreeMap<i32, u32> = BTreeMap::new();
    for p in order {
        let year = match pupils[p].start {
            Some(_) => 2025,
            None => 2026 - spec.classes[pupils[p].class].grade as i32,
        };
        let n = next.entry(year).or_insert(0);
        *n += 1;
        pupils[p].matricola = match spec.matricola {
            MatricolaStyle::Dash => format!("{year}-{n:04}"),
            MatricolaStyle::Slash => format!("{year}/{n:04}"),
        };
    }
}

/// The pupils in the register's order (class, surname, name), with the families' indices
/// following them.
pub(super) fn register_order(pupils: Vec<Pupil>, families: &mut [Family]) -> Vec<Pupil> {
    let mut sorted: Vec<(usize, Pupil)> = pupils.into_iter().enumerate().collect();
    sorted.sort_by(|(_, a), (_, b)| {
        (a.class, &a.person.cognome, &a.person.nome, &a.matricola).cmp(&(
            b.class,
            &b.person.cognome,
            &b.person.nome,
            &b.matricola,
        ))
    });
    let mut new_index = vec![0; sorted.len()];
    for (new, (old, _)) in sorted.iter().enumerate() {
        new_index[*old] = new;
    }
    for f in families {
        for c in &mut f.children {
            *c = new_index[*c];
        }
        f.children.sort_unstable();
    }
    sorted.into_iter().map(|(_, p)| p).collect()
}

/// The head teacher, the secretaries and a teacher for each post; teachers in alphabetical
/// order, as registers list them.
pub(super) fn make_staff(
    rng: &mut Rng,
    spec: &Spec,
    around: &Around,
    used: &mut BTreeSet<String>,
) -> Vec<Staff> {
    let adult = |rng: &mut Rng, female_percent: usize, used: &mut BTreeSet<String>| {
        let female = pct(rng, female_percent);
        let cognome = rng.pick(SURNAMES).to_string();
        let nome = rng.pick(if female { WOMEN } else { MEN }).to_string();
        let year = 1962 + rng.below(34) as i32;
        let born = birthday(rng, year, 1, 365);
        let place = around.birthplace(rng, 40);
        let cf = codice_fiscale(&cognome, &nome, female, born, &place, used);
        Person { cognome, nome, cf }
    };
    let mut staff = vec![Staff {
        person: adult(rng, 70, used),
        role: Role::Dirigente,
        classes: vec![],
        coordinates: vec![],
    }];
    for _ in 0..spec.secretaries {
        staff.push(Staff {
            person: adult(rng, 80, used),
            role: Role::Segreteria,
            classes: vec![],
            coordinates: vec![],
        });
    }
    let mut teachers: Vec<Staff> = spec
        .posts
        .iter()
        .map(|post| {
            let mut classes = post.classes.clone();
            classes.sort_unstable();
            classes.dedup();
            Staff {
                person: adult(rng, post.female_percent, used),
                role: Role::Docente,
                classes,
                coordinates: vec![],
            }
        })
        .collect();
    teachers.sort_by(|a, b| {
        (&a.person.cognome, &a.person.nome).cmp(&(&b.person.cognome, &b.person.nome))
    });
    appoint_coordinators(&mut teachers, spec.classes.len());
    staff.extend(teachers);
    staff
}

/// One coordinator per class: of the class's teachers, the one coordinating fewest classes so
/// far (the first in the list on a tie), as a head teacher spreads the task.
fn appoint_coordinators(teachers: &mut [Staff], classes: usize) {
    for class in 0..classes {
        let pick = teachers
            .iter()
            .enumerate()
            .filter(|(_, t)| t.classes.contains(&class))
            .min_by_key(|(i, t)| (t.coordinates.len(), *i))
            .map(|(i, _)| i);
        if let Some(i) = pick {
            teachers[i].coordinates.push(class);
        }
    }
}
