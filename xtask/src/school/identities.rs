//! The demo identities the local OpenID Connect provider signs in as: staff of each role and
//! guardians picked to cover the cases the tests need.

use super::*;

/// A person the local OpenID Connect provider offers at sign-in.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Identity {
    pub(super) cf: String,
    pub(super) given_name: String,
    pub(super) family_name: String,
    pub(super) label: String,
}

impl Identity {
    pub(super) fn new(p: &Person, label: String) -> Self {
        Identity {
            cf: p.cf.clone(),
            given_name: p.nome.clone(),
            family_name: p.cognome.clone(),
            label,
        }
    }
}

pub(super) fn docente<'a>(s: &'a School, pred: &dyn Fn(&Staff) -> bool) -> Option<&'a Staff> {
    s.staff.iter().find(|m| m.role == Role::Docente && pred(m))
}

pub(super) fn role(s: &School, r: Role) -> Option<&Staff> {
    s.staff.iter().find(|m| m.role == r)
}

/// The demo people: chosen from the generated data by fixed rules, so the same seed picks the
/// same people, each with a label a tester can pick by its visible text.
pub(super) fn pick_identities(
    big: &School,
    small: &School,
    seed: u64,
    places: &Places,
    used: &mut BTreeSet<String>,
) -> Vec<Identity> {
    let mut out: Vec<Identity> = Vec::new();
    // Families already picked: each identity is a different person.
    let mut taken: BTreeSet<usize> = BTreeSet::new();
    let classes_of = |s: &School, f: &Family| -> Vec<usize> {
        let mut c: Vec<usize> = f.children.iter().map(|&p| s.pupils[p].class).collect();
        c.sort_unstable();
        c
    };
    let mut parent = |pred: &dyn Fn(&Family) -> bool, what: &str| {
        let found = big
            .families
            .iter()
            .enumerate()
            .find(|(i, f)| !taken.contains(i) && !f.guardians.is_empty() && pred(f));
        let (i, f) = found?;
        taken.insert(i);
        let classes = big.class_list(&classes_of(big, f));
        let label = format!("{what} ({classes})");
        out.push(Identity::new(&f.guardians[0], label));
        Some(i)
    };
    let p3b = class_index(&big.spec.classes, "P3B");
    let in_order = |f: &Family, o: Ordine| {
        f.children
            .iter()
            .any(|&p| big.spec.classes[big.pupils[p].class].ordine == o)
    };
    parent(
        &|f| f.children.len() == 1 && big.pupils[f.children[0]].class == p3b,
        "Genitore di un alunno",
    );
    // Unjustified absences before the demo's "today", per pupil: the family portal's tests
    // justify a few of them (each test run starts from a fresh database).
    let today = NaiveDate::parse_from_str(DEMO_TODAY, "%Y-%m-%d").unwrap_or_default();
    let mut unjustified = vec![0u32; big.pupils.len()];
    for e in &big.events {
        let counted = !matches!(
            e.kind,
            Kind::AttivitaScolastica | Kind::SospensioneConObbligo
        );
        if !e.justified && counted && big.days[usize::from(e.day)] <= today {
            unjustified[e.pupil as usize] += 1;
        }
    }
    let two = parent(
        &|f| {
            f.children.len() == 2
                && in_order(f, Ordine::Primaria)
                && in_order(f, Ordine::PrimoGrado)
                && f.children.iter().all(|&p| unjustified[p] >= 6)
        },
        "Genitore di due alunni",
    );
    parent(&|f| f.children.len() == 3, "Genitore di tre alunni");
    parent(
        &|f| f.children.len() == 1 && big.pupils[f.children[0]].long_spell,
        "Genitore di un alunno con assenze prolungate",
    );
    parent(
        &|f| f.children.len() == 1 && big.pupils[f.children[0]].start.is_some(),
        "Genitore di un alunno arrivato in corso d'anno",
    );

    // Someone with a valid code found in no file.
    let mut rng = stream(seed, 9, 1);
    if let Ok(around) = places.around(big.spec.istat) {
        let cognome = rng.pick(SURNAMES).to_string();
        let nome = rng.pick(WOMEN).to_string();
        let born = birthday(&mut rng, 1984, 1, 365);
        let cf = codice_fiscale(&cognome, &nome, true, born, around.home, used);
        out.push(Identity::new(
            &Person { cognome, nome, cf },
            "Persona senza figli a scuola".to_owned(),
        ));
    }

    let primaria_only = |m: &Staff| {
        m.classes
            .iter()
            .all(|&c| big.spec.classes[c].ordine == Ordine::Primaria)
    };
    let p1 = [
        class_index(&big.spec.classes, "P1A"),
        class_index(&big.spec.classes, "P1B"),
    ];
    if let Some(m) = docente(big, &|m| m.classes == p1)
        .or_else(|| docente(big, &|m| m.classes.len() == 2 && primaria_only(m)))
    {
        let label = format!("Docente ({})", big.class_list(&m.classes));
        out.push(Identity::new(&m.person, label));
    }
    if let Some(m) = docente(big, &|m| {
        m.classes.len() == 3
            && m.classes
                .iter()
                .all(|&c| big.spec.classes[c].ordine == Ordine::PrimoGrado)
    }) {
        let label = format!("Docente di secondaria ({})", big.class_list(&m.classes));
        out.push(Identity::new(&m.person, label));
    }
    // A teacher of the primary class of the parent of two: the family portal's tests have the
    // teacher decide that family's justifications.
    let class_of_two = two.and_then(|i| {
        big.families[i]
            .children
            .iter()
            .map(|&p| big.pupils[p].class)
            .find(|&c| big.spec.classes[c].ordine == Ordine::Primaria)
    });
    // Not its coordinator: a teacher decides justifications, not derogations.
    if let Some(m) = class_of_two.and_then(|c| {
        docente(big, &|m| {
            m.classes.contains(&c) && !m.coordinates.contains(&c)
        })
    }) {
        let label = format!(
            "Docente della classe del genitore di due alunni ({})",
            big.class_list(&m.classes)
        );
        out.push(Identity::new(&m.person, label));
    }
    // Its coordinator records the class council's decisions on derogations.
    if let Some((c, m)) =
        class_of_two.and_then(|c| docente(big, &|m| m.coordinates.contains(&c)).map(|m| (c, m)))
    {
        let label = format!(
            "Coordinatore della classe del genitore di due alunni ({})",
            big.class_list(&[c])
        );
        out.push(Identity::new(&m.person, label));
    }
    if let Some(m) = role(big, Role::Segreteria) {
        out.push(Identity::new(&m.person, "Segreteria".to_owned()));
    }
    if let Some(m) = role(big, Role::Dirigente) {
        out.push(Identity::new(&m.person, "Dirigente scolastico".to_owned()));
    }

    let liceo = small.spec.name;
    if let Some(m) = role(small, Role::Segreteria) {
        out.push(Identity::new(&m.person, format!("Segreteria — {liceo}")));
    }
    if let Some(m) = role(small, Role::Dirigente) {
        out.push(Identity::new(&m.person, format!("Dirigente — {liceo}")));
    }
    if let Some(m) = docente(small, &|m| m.classes.len() == small.spec.classes.len()) {
        let label = format!("Docente — {liceo} ({})", small.class_list(&m.classes));
        out.push(Identity::new(&m.person, label));
    }
    if let Some(f) = small
        .families
        .iter()
        .find(|f| f.children.len() == 1 && !f.guardians.is_empty())
    {
        let c = small.pupils[f.children[0]].class;
        let label = format!(
            "Genitore di un alunno — {liceo} ({})",
            small.class_list(&[c])
        );
        out.push(Identity::new(&f.guardians[0], label));
    }
    out
}
