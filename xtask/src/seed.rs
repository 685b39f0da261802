//! Demo data: N published host profiles, realistic and deterministic (SplitMix64 from a fixed
//! seed), written as one SQL file and executed against the local D1.
//!
//! Every name is invented from syllables (no real person or company); places are real ISTAT
//! comuni spread over all twenty regions; figures are real CP 2011 codes and sectors real
//! ATECO 2025 codes; contacts use the reserved `.example` domain. Demo rows carry
//! `origin = 'demo'` and ids 1..N, and re-seeding replaces exactly them.

use crate::reference::{read_csv, sql_text};
use crate::Result;
use chrono::NaiveDate;
use domain::hosts::{
    Contacts, Figure, HostKind, HostSummary, Offer, PathKind, Period, Place, ProfileBody,
};
use domain::text::{index_text, HostTokens};
use std::collections::BTreeMap;
use std::fmt::Write;

/// SplitMix64: small, fast and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

struct Sector {
    kinds: &'static [HostKind],
    ateco: &'static [&'static str],
    figures: &'static [&'static str],
    names: &'static [&'static str],
    activity: &'static [&'static str],
    about: &'static str,
}

use HostKind::{EntePrivato as PRIV, EntePubblico as PUB, Impresa as IMP, Professionista as PRO};

const SECTORS: &[Sector] = &[
    Sector { kinds: &[IMP], ateco: &["25.62", "28.41", "25.11", "28.29"], figures: &["6.2.3", "6.2.1", "7.2.1", "3.1.3"],
        names: &["Officine Meccaniche", "Meccanica di Precisione", "Carpenterie Metalliche", "Torneria"],
        activity: &["Affiancamento in officina: lettura del disegno tecnico, uso di torni e frese a controllo numerico, controllo qualità dei pezzi.",
                    "Montaggio e collaudo di macchine utensili, manutenzione programmata, sicurezza sul lavoro in reparto."],
        about: "Impresa metalmeccanica che produce componenti su disegno per l'industria." },
    Sector { kinds: &[IMP, PRO], ateco: &["62.10", "62.20", "63.10"], figures: &["2.1.1.4", "3.1.2", "4.1.2"],
        names: &["Informatica", "Software", "Sistemi Digitali", "Soluzioni Web"],
        activity: &["Sviluppo di applicazioni web e mobili in un gruppo di lavoro: analisi dei requisiti, programmazione, test e documentazione.",
                    "Assistenza informatica agli utenti, configurazione di reti e postazioni, sicurezza informatica di base."],
        about: "Realizza software gestionali e servizi digitali per imprese e pubbliche amministrazioni." },
    Sector { kinds: &[IMP], ateco: &["56.10", "55.10", "56.21"], figures: &["5.2.2", "5.2.1", "6.5.1"],
        names: &["Ristorante", "Albergo", "Trattoria", "Hotel"],
        activity: &["Cucina e sala: preparazione dei piatti, servizio ai tavoli, accoglienza degli ospiti e norme HACCP.",
                    "Ricevimento e gestione delle prenotazioni, accoglienza in più lingue, organizzazione di eventi."],
        about: "Struttura turistica e di ristorazione con cucina del territorio." },
    Sector { kinds: &[IMP], ateco: &["47.11", "47.19", "46.90"], figures: &["5.1.2", "5.1.1", "3.3.4"],
        names: &["Commerciale", "Distribuzione", "Market", "Forniture"],
        activity: &["Vendita al banco e assistenza ai clienti, gestione del magazzino e degli ordini, allestimento delle vetrine.",
                    "Logistica e inventario, uso del gestionale di magazzino, rapporti con i fornitori."],
        about: "Impresa commerciale con punti vendita e servizio di consegna." },
    Sector { kinds: &[IMP], ateco: &["01.13", "01.21", "01.50"], figures: &["6.4.1", "6.4.3", "3.2.2"],
        names: &["Azienda Agricola", "Cantina", "Fattoria", "Agricola"],
        activity: &["Lavori in campo e in serra, potatura, vendemmia e trasformazione dei prodotti aziendali.",
                    "Laboratorio di analisi dei prodotti agricoli, tracciabilità e certificazioni biologiche."],
        about: "Azienda agricola a conduzione familiare con produzione biologica." },
    Sector { kinds: &[IMP], ateco: &["41.00", "43.21", "43.22"], figures: &["6.1.2", "6.1.3", "6.2.4", "3.1.3"],
        names: &["Costruzioni", "Edilizia", "Impianti Elettrici", "Restauri", "Falegnameria"],
        activity: &["Cantiere edile e laboratorio del falegname: organizzazione del lavoro, sicurezza, computo metrico e contabilità di cantiere.",
                    "Installazione di impianti elettrici e termoidraulici con l'elettricista, lettura degli schemi, collaudi."],
        about: "Impresa edile e di impiantistica per edifici civili e industriali." },
    Sector { kinds: &[PRO], ateco: &["69.20"], figures: &["2.5.1.2", "3.3.1.2", "4.1.1"],
        names: &["Studio Commercialista", "Studio di Consulenza Fiscale", "Studio Associato"],
        activity: &["Contabilità ordinaria e semplificata, adempimenti fiscali, uso del software gestionale dello studio.",
                    "Archivio e protocollo, rapporti con i clienti, preparazione delle dichiarazioni."],
        about: "Studio professionale di consulenza contabile, fiscale e del lavoro." },
    Sector { kinds: &[PRO], ateco: &["69.10"], figures: &["2.5.2", "3.3.1", "4.1.1"],
        names: &["Studio Legale", "Studio Notarile"],
        activity: &["Ricerca giuridica, preparazione di atti, archivio delle pratiche e rapporti con le cancellerie.",
                    "Segreteria dello studio, gestione delle scadenze e dei fascicoli digitali."],
        about: "Studio legale che si occupa di diritto civile e amministrativo." },
    Sector { kinds: &[PRO], ateco: &["71.11", "71.12"], figures: &["2.2.2", "2.2.1", "3.1.3"],
        names: &["Studio di Architettura", "Studio Tecnico", "Ingegneria"],
        activity: &["Rilievo e disegno con strumenti CAD e BIM, pratiche edilizie, sopralluoghi in cantiere.",
                    "Progettazione energetica degli edifici, certificazioni, modellazione 3D."],
        about: "Studio di progettazione architettonica e ingegneristica." },
    Sector { kinds: &[PUB], ateco: &["84.11"], figures: &["3.3.1", "4.1.1", "4.2.2"],
        names: &["Unione dei Comuni", "Ufficio Territoriale", "Consorzio Intercomunale"],
        activity: &["Ufficio per le relazioni con il pubblico: accoglienza, informazioni ai cittadini, protocollo informatico.",
                    "Servizi demografici e anagrafe, digitalizzazione degli archivi, servizi on line."],
        about: "Ente pubblico che gestisce servizi amministrativi per i comuni del territorio." },
    Sector { kinds: &[PUB, PRIV], ateco: &["91.01", "91.02", "91.03"], figures: &["3.4.4", "2.5.4", "5.4.2"],
        names: &["Biblioteca", "Museo", "Archivio Storico", "Centro Culturale"],
        activity: &["Catalogazione e prestito, promozione della lettura, laboratori per bambini e visite guidate.",
                    "Allestimento di mostre, digitalizzazione delle collezioni, accoglienza dei visitatori."],
        about: "Istituzione culturale aperta al pubblico con attività educative." },
    Sector { kinds: &[PRIV], ateco: &["88.10", "88.91", "94.99"], figures: &["3.4.5", "5.4.4", "2.5.3"],
        names: &["Cooperativa Sociale", "Associazione", "Fondazione", "Centro Servizi"],
        activity: &["Animazione e sostegno nelle attività educative e ricreative per bambini e anziani.",
                    "Organizzazione di eventi e progetti di volontariato, comunicazione e segreteria."],
        about: "Ente del terzo settore che offre servizi sociali ed educativi sul territorio." },
    Sector { kinds: &[PUB, PRIV], ateco: &["86.10", "86.22", "87.10"], figures: &["3.2.1", "5.3.1", "4.1.1"],
        names: &["Azienda Sanitaria", "Poliambulatorio", "Residenza Sanitaria"],
        activity: &["Accoglienza e amministrazione dei servizi sanitari, prenotazioni e archivio (senza accesso a dati sanitari).",
                    "Supporto alle attività di animazione e assistenza non sanitaria degli ospiti."],
        about: "Struttura sanitaria e socio-assistenziale." },
];

const SYLLABLES: &[&str] = &[
    "al", "ba", "ce", "dor", "el", "fa", "gi", "la", "mor", "na", "ol", "pra", "ri", "sa", "ter",
    "va", "zen", "bel", "cor", "lu", "mi", "ne", "ro", "sil", "to", "ven", "ar", "ca", "fio",
    "gra",
];
const STREETS: &[&str] = &[
    "Via Roma",
    "Via Garibaldi",
    "Via Mazzini",
    "Via dell'Artigianato",
    "Via dell'Industria",
    "Corso Italia",
    "Piazza della Repubblica",
    "Via dei Mille",
    "Viale Europa",
    "Via Dante",
    "Via San Francesco",
    "Via delle Querce",
    "Via del Lavoro",
    "Via Marconi",
    "Via Verdi",
];
const ROLES: &[&str] = &[
    "Tutor aziendale",
    "Responsabile PCTO",
    "Ufficio personale",
    "Referente per le scuole",
];

/// An invented word, capitalised: "Veltrano".
fn invented(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let mut w = String::new();
    let mut last = "";
    for _ in 0..n {
        // No syllable twice in a row: that is how invented names turn into silly words.
        let mut s = *rng.pick(SYLLABLES);
        while s == last {
            s = *rng.pick(SYLLABLES);
        }
        w.push_str(s);
        last = s;
    }
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => w,
    }
}

fn slug(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

pub struct RefData {
    /// Comuni by region: (code, name, province).
    comuni: BTreeMap<String, Vec<(String, String, String)>>,
    /// CP 2011 unit codes (5 levels) with titles.
    cp_units: Vec<(String, String)>,
    /// ATECO subcategories with titles.
    ateco_sub: Vec<(String, String)>,
}

impl RefData {
    pub fn load() -> Result<Self> {
        let mut comuni: BTreeMap<String, Vec<_>> = BTreeMap::new();
        for r in read_csv("comuni.csv")? {
            comuni.entry(r[4].clone()).or_default().push((
                r[0].clone(),
                r[1].clone(),
                r[2].clone(),
            ));
        }
        let cp_units = read_csv("cp2011.csv")?
            .into_iter()
            .filter(|r| r[0].matches('.').count() == 4)
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect();
        let ateco_sub = read_csv("ateco.csv")?
            .into_iter()
            .filter(|r| r[2] == "subcategory")
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect();
        Ok(RefData {
            comuni,
            cp_units,
            ateco_sub,
        })
    }

    fn figures_under(&self, prefix: &str) -> Vec<&(String, String)> {
        let p = format!("{prefix}.");
        self.cp_units
            .iter()
            .filter(|(c, _)| c.starts_with(&p))
            .collect()
    }

    fn ateco_under(&self, prefix: &str) -> Vec<&(String, String)> {
        self.ateco_sub
            .iter()
            .filter(|(c, _)| c.starts_with(prefix))
            .collect()
    }
}

/// One demo host: the rows of `hosts`, `host_profiles` and `hosts_fts`.
pub struct DemoHost {
    /// What the search returns for it.
    pub summary: HostSummary,
    pub ateco_title: Option<String>,
    pub body: ProfileBody,
    pub published_at: String,
}

/// The summary's fields read as the host's own (`host.region`).
impl std::ops::Deref for DemoHost {
    type Target = HostSummary;
    fn deref(&self) -> &HostSummary {
        &self.summary
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The school year's usual windows for placements.
fn period_choices() -> Vec<Period> {
    [
        (date(2026, 10, 5), date(2026, 12, 18)),
        (date(2027, 1, 11), date(2027, 3, 26)),
        (date(2027, 2, 1), date(2027, 5, 28)),
        (date(2027, 6, 14), date(2027, 7, 30)),
        (date(2027, 9, 1), date(2027, 9, 30)),
    ]
    .into_iter()
    .filter_map(|(a, b)| Period::new(a, b).ok())
    .collect()
}

pub fn generate(n: usize, seed: u64) -> Result<Vec<DemoHost>> {
    let refs = RefData::load()?;
    let regions: Vec<&String> = refs.comuni.keys().collect();
    let periods = period_choices();
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        // Round-robin over regions first, so every region has hosts even for small N.
        let region = regions[i % regions.len()].clone();
        let (comune, comune_name, province) = rng.pick(&refs.comuni[&region]).clone();
        let sector = rng.pick(SECTORS);
        let kind = *rng.pick(sector.kinds);
        let base = rng.pick(sector.names);
        let name = match kind {
            IMP => format!(
                "{base} {} {}",
                invented(&mut rng),
                rng.pick(&["S.r.l.", "S.p.A.", "S.n.c.", "S.a.s."])
            ),
            PRO => format!("{base} {}", invented(&mut rng)),
            PUB => format!("{base} {} di {comune_name}", invented(&mut rng)),
            PRIV => format!("{base} {}", invented(&mut rng)),
        };
        let ateco_choices: Vec<_> = sector
            .ateco
            .iter()
            .flat_map(|p| refs.ateco_under(p))
            .collect();
        let ateco = (!ateco_choices.is_empty() && (kind == IMP || kind == PRO || rng.chance(50)))
            .then(|| (*rng.pick(&ateco_choices)).clone());

        let mut paths = vec![PathKind::Pcto];
        if kind == IMP && rng.chance(40) {
            paths.push(PathKind::Apprendistato);
            if rng.chance(15) {
                paths.remove(0);
            }
        }
        let fig_pool: Vec<_> = sector
            .figures
            .iter()
            .flat_map(|p| refs.figures_under(p))
            .collect();
        let mut offers = Vec::new();
        for path in &paths {
            let picks = if fig_pool.is_empty() {
                0
            } else {
                1 + rng.below(3)
            };
            let mut figs: Vec<Figure> = (0..picks)
                .map(|_| *rng.pick(&fig_pool))
                .map(|(code, title)| Figure {
                    code: code.clone(),
                    title: title.clone(),
                })
                .collect();
            figs.sort_by(|a, b| a.code.cmp(&b.code));
            figs.dedup();
            let mut ps: Vec<Period> = (0..1 + rng.below(3)).map(|_| *rng.pick(&periods)).collect();
            ps.sort_by_key(|p| p.from);
            ps.dedup();
            offers.push(Offer {
                path: *path,
                max_students: match path {
                    PathKind::Pcto => 1 + rng.below(12) as u32,
                    PathKind::Apprendistato => 1 + rng.below(4) as u32,
                },
                periods: ps,
                figures: figs,
                activity: rng.pick(sector.activity).to_string(),
            });
        }
        let domain_slug = format!(
            "{}.example",
            slug(&name).chars().take(24).collect::<String>()
        );
        let mut places = vec![Place {
            address: format!("{} {}", rng.pick(STREETS), 1 + rng.below(180)),
            cap: None,
            comune: comune.clone(),
            comune_name: comune_name.clone(),
            province: province.clone(),
        }];
        if rng.chance(20) {
            let (c2, n2, p2) = rng.pick(&refs.comuni[&region]).clone();
            places.push(Place {
                address: format!("{} {}", rng.pick(STREETS), 1 + rng.below(180)),
                cap: None,
                comune: c2,
                comune_name: n2,
                province: p2,
            });
        }
        let body = ProfileBody {
            description: format!("{} Sede a {comune_name} ({province}).", sector.about),
            offers,
            places,
            contacts: Contacts {
                person_role: Some(rng.pick(ROLES).to_string()),
                email: Some(format!("scuole@{domain_slug}")),
                phone: rng.chance(70).then(|| format!("+39 0{} {:07}", 2 + rng.below(8), rng.below(10_000_000))),
                pec: Some(format!("{}@pec.example", slug(&name).chars().take(24).collect::<String>())),
                website: rng.chance(60).then(|| format!("https://www.{domain_slug}")),
            },
            supply_chain: (kind == IMP && rng.chance(40)).then(|| "Collabora con fornitori e clienti della filiera locale, che possono ospitare visite di studio.".to_owned()),
            capacities: rng.chance(50).then(|| "Spazi attrezzati per la formazione, un tutor dedicato, dispositivi di protezione forniti dall'ente.".to_owned()),
        };
        let day = 1 + rng.below(28) as u32;
        out.push(DemoHost {
            summary: HostSummary {
                id: (i + 1) as u64,
                name,
                kind,
                comune,
                comune_name,
                province,
                region,
                paths: body.paths(),
                figures: body.figure_codes(),
                ateco: ateco.as_ref().map(|a| a.0.clone()),
                max_students: body.max_students(),
                periods: body.all_periods(),
                path_offers: body.offers.iter().map(Into::into).collect(),
                distance_km: None,
                distance_approx: false,
            },
            ateco_title: ateco.map(|a| a.1),
            body,
            published_at: format!("2026-09-{day:02}"),
        });
    }
    Ok(out)
}

impl DemoHost {
    /// The `body` column of the full-text index (the same text a published profile gets).
    pub fn fts_body(&self) -> String {
        self.body.fts_body(self.ateco_title.as_deref())
    }
}

/// The SQL that replaces the demo hosts with `hosts`.
/// `clear` first removes the demo hosts already there (the first file of a seed).
pub fn sql(hosts: &[DemoHost], clear: bool) -> Result<String> {
    let mut s = String::new();
    if clear {
        s.push_str(
            "DELETE FROM hosts_fts WHERE rowid IN (SELECT id FROM hosts WHERE origin = 'demo');\n\
             DELETE FROM host_profiles WHERE host_id IN (SELECT id FROM hosts WHERE origin = 'demo');\n\
             DELETE FROM hosts WHERE origin = 'demo';\n",
        );
    }
    let host_rows: Vec<String> = hosts
        .iter()
        .map(|h| {
            format!(
                "({},{},{},{},{},{},{},{},{},{},{},{},'demo',{})",
                h.id,
                sql_text(&h.name),
                sql_text(h.kind.as_str()),
                sql_text(&h.comune),
                sql_text(&h.comune_name),
                sql_text(&h.province),
                sql_text(&h.region),
                sql_text(&json(&h.paths)),
                sql_text(&json(&h.figures)),
                h.ateco
                    .as_deref()
                    .map(sql_text)
                    .unwrap_or_else(|| "NULL".into()),
                h.max_students,
                sql_text(&json(&h.periods)),
                sql_text(&h.published_at),
            )
        })
        .collect();
    push_inserts(&mut s, "INSERT INTO hosts (id, name, kind, comune, comune_name, province, region, paths, figures, ateco, max_students, periods, origin, published_at) VALUES", &host_rows);
    let profile_rows: Vec<String> = hosts
        .iter()
        .map(|h| format!("({},{})", h.id, sql_text(&json(&h.body))))
        .collect();
    push_inserts(
        &mut s,
        "INSERT INTO host_profiles (host_id, body) VALUES",
        &profile_rows,
    );
    let fts_rows: Vec<String> = hosts
        .iter()
        .map(|h| {
            let comuni: Vec<String> = h.body.places.iter().map(|p| p.comune.clone()).collect();
            let filters = HostTokens {
                kind: h.kind,
                region: &h.region,
                province: &h.province,
                comuni: &comuni,
                ateco: h.ateco.as_deref(),
                offers: &h.body.offers,
            }
            .to_filters_column();
            format!(
                "({},{},{},{})",
                h.id,
                sql_text(&index_text(&h.name)),
                sql_text(&index_text(&h.fts_body())),
                sql_text(&filters)
            )
        })
        .collect();
    push_inserts(
        &mut s,
        "INSERT INTO hosts_fts (rowid, name, body, filters) VALUES",
        &fts_rows,
    );
    s.push_str("INSERT INTO hosts_fts(hosts_fts) VALUES ('optimize');\n");
    let _ = writeln!(s, "-- {} demo hosts", hosts.len());
    Ok(s)
}

/// The profiles' index rows written again from what D1 holds (`hosts`, `host_profiles`, the
/// ATECO title): after a change of how the index is written (migration 0018: stems, the
/// offers' tokens), for the profiles published before it. The demo hosts are written anew by
/// every seed; this is for the others (`origin = 'register'`).
pub const REINDEX_READ: &str = "SELECT h.id, h.name, h.kind, h.region, h.province, h.ateco, \
     a.title AS ateco_title, p.body FROM hosts h JOIN host_profiles p ON p.host_id = h.id \
     LEFT JOIN ateco a ON a.code = h.ateco WHERE h.origin = 'register' ORDER BY h.id";

/// The SQL that rewrites the index rows of the profiles [`REINDEX_READ`] read; `None` when
/// there are none.
pub fn reindex_sql(rows: &[serde_json::Value]) -> Result<Option<String>> {
    if rows.is_empty() {
        return Ok(None);
    }
    let text = |r: &serde_json::Value, k: &str| -> Result<String> {
        r[k].as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("reindex: {k} missing in {r}"))
    };
    let mut ids = Vec::with_capacity(rows.len());
    let mut fts_rows = Vec::with_capacity(rows.len());
    for r in rows {
        let id = r["id"]
            .as_u64()
            .ok_or_else(|| format!("reindex: id missing in {r}"))?;
        let body: ProfileBody = serde_json::from_str(&text(r, "body")?)
            .map_err(|e| format!("reindex: host {id}'s body: {e}"))?;
        let kind = HostKind::parse(&text(r, "kind")?).map_err(|e| format!("host {id}: {e}"))?;
        let comuni: Vec<String> = body.places.iter().map(|p| p.comune.clone()).collect();
        let ateco = r["ateco"].as_str();
        let filters = HostTokens {
            kind,
            region: &text(r, "region")?,
            province: &text(r, "province")?,
            comuni: &comuni,
            ateco,
            offers: &body.offers,
        }
        .to_filters_column();
        ids.push(id.to_string());
        fts_rows.push(format!(
            "({id},{},{},{})",
            sql_text(&index_text(&text(r, "name")?)),
            sql_text(&index_text(&body.fts_body(r["ateco_title"].as_str()))),
            sql_text(&filters)
        ));
    }
    let mut s = String::new();
    for chunk in ids.chunks(500) {
        let _ = writeln!(
            s,
            "DELETE FROM hosts_fts WHERE rowid IN ({});",
            chunk.join(",")
        );
    }
    push_inserts(
        &mut s,
        "INSERT INTO hosts_fts (rowid, name, body, filters) VALUES",
        &fts_rows,
    );
    let _ = writeln!(s, "-- {} profiles indexed again", rows.len());
    Ok(Some(s))
}

/// Rewrites the index rows of the published profiles of `db` ([`reindex_sql`]); returns how
/// many.
pub fn reindex(db: &crate::server::Db) -> Result<usize> {
    let rows = crate::server::query_db(db, REINDEX_READ)?;
    let Some(sql) = reindex_sql(&rows)? else {
        return Ok(0);
    };
    let dir = crate::paths::target().join("seed");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join("reindex.sql");
    std::fs::write(&path, sql).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    crate::server::execute_file_at(db, &path)?;
    Ok(rows.len())
}

/// Multi-row INSERTs, each statement under D1's 100 KB limit.
fn push_inserts(out: &mut String, head: &str, rows: &[String]) {
    const MAX: usize = 90_000;
    let mut stmt = String::new();
    for row in rows {
        if !stmt.is_empty() && stmt.len() + row.len() > MAX {
            out.push_str(&stmt);
            out.push_str(";\n");
            stmt.clear();
        }
        if stmt.is_empty() {
            stmt.push_str(head);
            stmt.push('\n');
        } else {
            stmt.push_str(",\n");
        }
        stmt.push_str(row);
    }
    if !stmt.is_empty() {
        out.push_str(&stmt);
        out.push_str(";\n");
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// The seed of the demo data: tests regenerate the same hosts to know what to expect.
pub const DEMO_SEED: u64 = 0x5EED_0000_0000_0001;

/// Write the seed SQL for `n` hosts into `target/seed/` and return its path.
pub fn write_sql(n: usize) -> Result<std::path::PathBuf> {
    write_sql_parts(n, n.max(1))?
        .into_iter()
        .next()
        .ok_or_else(|| "no seed file written".to_owned())
}

/// The seed SQL for `n` hosts in files of `per_file` hosts (large seeds load in parts); only
/// the first part clears the old demo hosts.
pub fn write_sql_parts(n: usize, per_file: usize) -> Result<Vec<std::path::PathBuf>> {
    let hosts = generate(n, DEMO_SEED)?;
    let dir = crate::paths::target().join("seed");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    // An empty seed still writes one file, which clears the demo hosts.
    let chunks: Vec<&[DemoHost]> = if hosts.is_empty() {
        vec![&[]]
    } else {
        hosts.chunks(per_file.max(1)).collect()
    };
    for (i, chunk) in chunks.into_iter().enumerate() {
        let path = dir.join(format!("hosts-{n}-part{i:02}.sql"));
        std::fs::write(&path, sql(chunk, i == 0)?)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        files.push(path);
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index rows `reindex` writes from what D1 holds are the ones the seed wrote.
    #[test]
    fn reindexing_writes_the_rows_the_seed_writes() {
        let hosts = generate(40, 3).unwrap();
        let rows: Vec<serde_json::Value> = hosts
            .iter()
            .map(|h| {
                serde_json::json!({
                    "id": h.id, "name": h.name, "kind": h.kind.as_str(), "region": h.region,
                    "province": h.province, "ateco": h.ateco, "ateco_title": h.ateco_title,
                    "body": json(&h.body),
                })
            })
            .collect();
        let again = reindex_sql(&rows).unwrap().unwrap();
        let seeded = sql(&hosts, false).unwrap();
        let fts = |s: &str| -> String {
            s.split("INSERT INTO hosts_fts (rowid, name, body, filters) VALUES\n")
                .skip(1)
                .map(|part| part.split(";\n").next().unwrap_or("").to_owned())
                .collect::<Vec<_>>()
                .join(",\n")
        };
        assert!(!fts(&seeded).is_empty());
        assert_eq!(fts(&again), fts(&seeded));
        assert!(again.starts_with("DELETE FROM hosts_fts WHERE rowid IN (1,2,3,"));
        assert!(reindex_sql(&[]).unwrap().is_none());
    }

    #[test]
    fn deterministic_and_spread() {
        let a = generate(200, 7).unwrap();
        let b = generate(200, 7).unwrap();
        assert_eq!(
            a.iter().map(|h| &h.name).collect::<Vec<_>>(),
            b.iter().map(|h| &h.name).collect::<Vec<_>>()
        );
        let regions: std::collections::BTreeSet<_> = a.iter().map(|h| h.region.clone()).collect();
        assert_eq!(regions.len(), 20);
        for k in HostKind::ALL {
            assert!(a.iter().any(|h| h.kind == k), "{k:?}");
        }
        for p in PathKind::ALL {
            assert!(a.iter().any(|h| h.paths.contains(&p)), "{p:?}");
        }
        assert!(a
            .iter()
            .all(|h| !h.figures.is_empty() && !h.periods.is_empty()));
    }
}
