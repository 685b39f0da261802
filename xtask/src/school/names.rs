//! Names and places: the first names and surnames the demo people are made of (and those of
//! the largest foreign communities), and the comuni they are born and live in.

use super::*;

#[rustfmt::skip]
pub(super) const BOYS: &[&str] = &[
    "Leonardo", "Francesco", "Alessandro", "Lorenzo", "Mattia", "Tommaso", "Gabriele", "Andrea",
    "Riccardo", "Edoardo", "Matteo", "Giuseppe", "Antonio", "Federico", "Diego", "Pietro",
    "Giovanni", "Filippo", "Samuele", "Davide", "Christian", "Nicolò", "Niccolò", "Marco", "Luca",
    "Giulio", "Elia", "Gioele", "Daniele", "Michele", "Simone", "Emanuele", "Alessio", "Giacomo",
    "Enea", "Thomas", "Manuel", "Salvatore", "Vincenzo", "Raffaele", "Jacopo", "Achille", "Ettore",
    "Noè", "Brando", "Gian Marco", "Valerio", "Cesare",
];
#[rustfmt::skip]
pub(super) const GIRLS: &[&str] = &[
    "Sofia", "Giulia", "Aurora", "Alice", "Ginevra", "Emma", "Giorgia", "Greta", "Beatrice", "Anna",
    "Vittoria", "Martina", "Chiara", "Sara", "Matilde", "Noemi", "Ludovica", "Nicole", "Gaia",
    "Arianna", "Elisa", "Rebecca", "Camilla", "Bianca", "Francesca", "Viola", "Elena", "Marta",
    "Benedetta", "Asia", "Maria Chiara", "Anna Sofia", "Ilaria", "Irene", "Caterina", "Margherita",
    "Carlotta", "Azzurra", "Mia", "Adele", "Diletta", "Zoe", "Alessia", "Agata",
];
#[rustfmt::skip]
pub(super) const MEN: &[&str] = &[
    "Marco", "Andrea", "Luca", "Alessandro", "Giuseppe", "Francesco", "Roberto", "Stefano", "Paolo",
    "Davide", "Simone", "Massimo", "Fabio", "Antonio", "Daniele", "Matteo", "Giovanni", "Emanuele",
    "Cristiano", "Alberto", "Claudio", "Federico", "Gianluca", "Nicola", "Riccardo", "Salvatore",
    "Vincenzo", "Fabrizio", "Maurizio", "Luigi", "Pierpaolo", "Domenico", "Raffaele", "Mirko",
    "Valerio", "Enrico", "Gianni", "Carlo", "Sergio", "Dario",
];
#[rustfmt::skip]
pub(super) const WOMEN: &[&str] = &[
    "Francesca", "Valentina", "Chiara", "Sara", "Laura", "Silvia", "Elena", "Federica", "Giulia",
    "Alessandra", "Martina", "Paola", "Roberta", "Simona", "Monica", "Barbara", "Elisa", "Cristina",
    "Daniela", "Serena", "Claudia", "Ilaria", "Michela", "Manuela", "Anna", "Maria Grazia",
    "Annalisa", "Stefania", "Lucia", "Veronica", "Erica", "Valeria", "Giovanna", "Rossella",
    "Antonella", "Emanuela", "Patrizia", "Cinzia", "Luisa", "Teresa",
];
#[rustfmt::skip]
pub(super) const SURNAMES: &[&str] = &[
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
    "Greco", "Bruno", "Gallo", "Costa", "Giordano", "Mancini", "Rizzo", "Lombardi", "Moretti",
    "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini",
    "Leone", "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola",
    "De Santis", "D'Angelo", "Marchetti", "Parisi", "Villa", "Ferraro", "Ferri", "Fabbri", "Bianco",
    "Marini", "Grasso", "Valentini", "Messina", "Sala", "De Luca", "Gatti", "Pellegrini", "Palumbo",
    "Sanna", "Farina", "Rizzi", "Monti", "Cattaneo", "Morelli", "Amato", "Silvestri", "Mazza",
    "Testa", "Grassi", "Pellegrino", "Carbone", "Giuliani", "Benedetti", "Barone", "Rossetti",
    "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi", "Martino", "Fiore", "De Rosa",
    "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras", "Vitali", "Battaglia", "Sartori",
    "Neri", "Costantini", "Milani", "Pagano", "Ruggiero", "Sorrentino", "D'Amico", "Orlando",
    "Bassi", "Valente", "Giannini", "Negri", "Cirillo", "Di Stefano", "La Rosa", "Lo Russo",
    "Dell'Acqua", "Di Giacomo", "D'Ambrosio", "De Angelis", "Sciarra", "Tedeschi", "Mele",
    "Zanetti", "Cocco", "Marras", "Fadda", "Serafini", "Porcu", "Pace", "D'Errico", "Salvi",
    "Colonna", "Leonardi", "Marchi", "Proietti", "Tozzi", "Ciampa", "D'Alò", "Lucà", "Cantù",
    "Pellè", "Nicolò", "Dell'Orto", "Lo Iacono",
];
/// Surnames with an accent or an apostrophe: the first family of each school takes one, so
/// every `alunni` file has letters that only Windows-1252 (not ASCII) can hold.
pub(super) const MARKED_SURNAMES: &[&str] = &["D'Alò", "Lucà", "Cantù", "Pellè", "Nicolò"];

/// One of the larger foreign communities in Italian schools: its state's codice catastale and
/// common names (without letters Windows-1252 lacks).
pub(super) struct Community {
    pub(super) state: &'static str,
    pub(super) surnames: &'static [&'static str],
    pub(super) male: &'static [&'static str],
    pub(super) female: &'static [&'static str],
}

pub(super) const COMMUNITIES: &[Community] = &[
    Community {
        state: "Z129", // Romania
        surnames: &[
            "Popescu",
            "Ionescu",
            "Dumitru",
            "Stan",
            "Munteanu",
            "Constantin",
        ],
        male: &["Andrei", "Mihai", "Alexandru", "Stefan", "Gabriel", "Ionut"],
        female: &["Elena", "Ioana", "Andreea", "Maria", "Bianca", "Alina"],
    },
    Community {
        state: "Z100", // Albania
        surnames: &["Shehu", "Gjoka", "Leka", "Basha", "Dervishi", "Kola"],
        male: &["Ardit", "Klevis", "Erion", "Endri", "Arben", "Kristian"],
        female: &["Elira", "Klea", "Anisa", "Sara", "Ema", "Dorina"],
    },
    Community {
        state: "Z330", // Marocco
        surnames: &[
            "El Amrani",
            "Benali",
            "Bouzid",
            "El Idrissi",
            "Haddad",
            "Tahiri",
        ],
        male: &["Youssef", "Adam", "Amine", "Rayan", "Omar", "Karim"],
        female: &["Yasmine", "Salma", "Malak", "Aya", "Nadia", "Samira"],
    },
    Community {
        state: "Z210", // Cina
        surnames: &["Chen", "Wang", "Zhang", "Liu", "Hu", "Zhou"],
        male: &["Wei", "Hao", "Jun", "Leo", "Bin", "Tao"],
        female: &["Mei", "Lin", "Yi", "Xin", "Jing", "Yan"],
    },
    Community {
        state: "Z216", // Filippine
        surnames: &["Reyes", "Santos", "Cruz", "Mendoza", "Garcia", "Bautista"],
        male: &["Mark", "John Paul", "Angelo", "Jerome", "Carlo", "Ryan"],
        female: &[
            "Kristine", "Jasmine", "Angel", "Mary Joy", "Camille", "Rose",
        ],
    },
    Community {
        state: "Z611", // Perù
        surnames: &["Quispe", "Flores", "Rojas", "Huaman", "Vargas", "Torres"],
        male: &["José", "Luis", "Carlos", "Jorge", "Miguel", "Diego"],
        female: &["Rosa", "Milagros", "Lucía", "Carmen", "Jessica", "Gloria"],
    },
    Community {
        state: "Z138", // Ucraina
        surnames: &[
            "Kovalenko",
            "Shevchenko",
            "Bondarenko",
            "Tkachenko",
            "Melnyk",
            "Boyko",
        ],
        male: &["Danylo", "Maksym", "Artem", "Oleksandr", "Dmytro", "Bohdan"],
        female: &["Sofiia", "Anastasiia", "Daryna", "Oksana", "Iryna", "Olena"],
    },
];

/// Codici catastali of places of birth: the school's comune, its province, the whole country.
pub(super) struct Places {
    pub(super) by_istat: BTreeMap<String, (String, String)>,
    pub(super) by_province: BTreeMap<String, Vec<String>>,
    pub(super) italy: Vec<String>,
}

/// The places of birth around one school.
pub(super) struct Around<'a> {
    pub(super) home: &'a str,
    pub(super) province: &'a [String],
    pub(super) italy: &'a [String],
}

impl Places {
    pub(super) fn load() -> Result<Self> {
        let mut by_istat = BTreeMap::new();
        let mut by_province: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut italy = Vec::new();
        for r in read_csv("comuni.csv")? {
            let (Some(istat), Some(prov), Some(cad)) = (r.first(), r.get(2), r.get(6)) else {
                continue;
            };
            if cad.len() != 4 {
                continue;
            }
            by_istat.insert(istat.clone(), (cad.clone(), prov.clone()));
            by_province
                .entry(prov.clone())
                .or_default()
                .push(cad.clone());
            italy.push(cad.clone());
        }
        Ok(Places {
            by_istat,
            by_province,
            italy,
        })
    }

    pub(super) fn around(&self, istat: &str) -> Result<Around<'_>> {
        let (home, prov) = self
            .by_istat
            .get(istat)
            .ok_or_else(|| format!("comune {istat} not in data/comuni.csv"))?;
        Ok(Around {
            home,
            province: self.by_province.get(prov).map(Vec::as_slice).unwrap_or(&[]),
            italy: &self.italy,
        })
    }
}

impl Around<'_> {
    /// Where someone living near the school was born: mostly the comune itself.
    pub(super) fn birthplace(&self, rng: &mut Rng, home_percent: usize) -> String {
        let r = rng.below(100);
        if r < home_percent || self.province.is_empty() {
            self.home.to_owned()
        } else if r < home_percent + (100 - home_percent) / 2 {
            rng.pick(self.province).clone()
        } else {
            rng.pick(self.italy).clone()
        }
    }
}
