//! The schools' shortlists of hosts (`migrations/0012_shortlists.sql`), and what a CSV of a
//! search adds to its page (contacts, figure titles). Always scoped by school; who may use a
//! class's list is decided before any call here (`domain::shortlist::usable_classes`).

use super::{batch, changes, database, from_json, int, list, rows, text, Error};
use domain::hosts::{Contacts, Figure, HostSummary};
use domain::shortlist::{ClassShortlist, ShortlistEntry, Shortlists};
use serde::Deserialize;
use worker::Env;

/// A host as JSON, in the shape of [`HostSummary`] (the JSON columns inlined).
macro_rules! summary_json {
    () => {
        "json_object('id', h.id, 'name', h.name, 'kind', h.kind, 'comune', h.comune, \
         'comune_name', h.comune_name, 'province', h.province, 'region', h.region, \
         'paths', json(h.paths), 'figures', json(h.figures), 'ateco', h.ateco, \
         'max_students', h.max_students, 'periods', json(h.periods))"
    };
}

/// The school's name (bound: ?1 the school).
const SCHOOL_NAME: &str = "SELECT name FROM schools WHERE id = ?1";

/// The classes of the school's roster (bound: ?1 the school).
const ROSTER: &str = "SELECT code FROM classes WHERE school_id = ?1 ORDER BY code";

/// The entries of the classes in ?2 (a JSON list) at school ?1, oldest first, with the host
/// as it is now (NULL when it is no longer published) and its profile's contacts.
const ENTRIES: &str = concat!(
    "SELECT s.class_code, s.host_id, coalesce(h.name, s.host_name) AS name, \
     h.id IS NOT NULL AS published, CASE WHEN h.id IS NULL THEN NULL ELSE ",
    summary_json!(),
    " END AS host, json_extract(p.body, '$.contacts') AS contacts, s.added_by_name, s.added_at \
     FROM shortlists s LEFT JOIN hosts h ON h.id = s.host_id \
     LEFT JOIN host_profiles p ON p.host_id = s.host_id \
     WHERE s.school_id = ?1 AND s.class_code IN (SELECT value FROM json_each(?2)) \
     ORDER BY s.class_code, s.added_at, s.host_id"
);

/// Before an addition: whether the host is published, the class in the roster and the host
/// already on its list (bound: ?1 school, ?2 class, ?3 host).
const ADD_STATE: &str = "SELECT EXISTS(SELECT 1 FROM hosts WHERE id = ?3) AS published, \
     EXISTS(SELECT 1 FROM classes WHERE school_id = ?1 AND code = ?2) AS in_roster";

/// The addition, only of a published host to a class of the roster; nothing when it is there
/// already (bound: ?1 school, ?2 class, ?3 host, ?4 who, ?5 their name, ?6 when).
const ADD: &str = "INSERT INTO shortlists (school_id, class_code, host_id, host_name, added_by, \
     added_by_name, added_at) SELECT ?1, ?2, h.id, h.name, ?4, ?5, ?6 FROM hosts h \
     WHERE h.id = ?3 AND EXISTS(SELECT 1 FROM classes WHERE school_id = ?1 AND code = ?2) \
     ON CONFLICT DO NOTHING";

/// The removal (bound: ?1 school, ?2 class, ?3 host).
const REMOVE: &str =
    "DELETE FROM shortlists WHERE school_id = ?1 AND class_code = ?2 AND host_id = ?3";

/// The audit record of the statement just before it, if that one changed a row (bound: ?1
/// school, ?2 when, ?3 who, ?4 action, ?5 object, ?6 detail).
const AUDIT: &str = "INSERT INTO audit_log (school_id, at, actor, action, object, detail) \
     SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE changes() = 1";

/// The host ids on the list of class ?2 at school ?1.
const LISTED: &str =
    "SELECT host_id FROM shortlists WHERE school_id = ?1 AND class_code = ?2 ORDER BY host_id";

/// The names of the schools in ?1 (a JSON list).
const SCHOOL_NAMES: &str = "SELECT id, name FROM schools \
     WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY name";

/// The rosters of the schools in ?1 (a JSON list).
const ROSTERS: &str = "SELECT school_id, code FROM classes \
     WHERE school_id IN (SELECT value FROM json_each(?1)) ORDER BY school_id, code";

/// The contacts of the hosts in ?1 (a JSON list).
const CONTACTS: &str = "SELECT host_id, json_extract(body, '$.contacts') AS contacts \
     FROM host_profiles WHERE host_id IN (SELECT value FROM json_each(?1))";

/// The titles of the CP 2011 codes in ?1 (a JSON list).
const FIGURE_TITLES: &str =
    "SELECT code, title FROM cp2011 WHERE code IN (SELECT value FROM json_each(?1))";

#[derive(Deserialize)]
struct NameRow {
    name: String,
}

#[derive(Deserialize)]
struct CodeRow {
    code: String,
}

#[derive(Deserialize)]
struct EntryRow {
    class_code: String,
    host_id: f64,
    name: String,
    published: f64,
    host: Option<String>,
    contacts: Option<String>,
    added_by_name: String,
    added_at: f64,
}

impl EntryRow {
    fn decode(self) -> Result<(String, ShortlistEntry), Error> {
        let what = format!("shortlist entry {}", self.host_id);
        let host: Option<HostSummary> = self
            .host
            .as_deref()
            .map(|h| from_json(&what, h))
            .transpose()?;
        let contacts: Option<Contacts> = self
            .contacts
            .as_deref()
            .map(|c| from_json(&what, c))
            .transpose()?;
        Ok((
            self.class_code,
            ShortlistEntry {
                host_id: self.host_id as u64,
                name: self.name,
                published: self.published != 0.0,
                host,
                contacts,
                added_by: self.added_by_name,
                added_at: self.added_at as i64,
            },
        ))
    }
}

/// The school's name and roster, one round trip; `None` when there is no such school.
pub async fn roster(env: &Env, school_id: i64) -> Result<Option<(String, Vec<String>)>, Error> {
    let db = database(env)?;
    let [name, classes] = batch(
        "roster",
        &db,
        [
            db.prepare(SCHOOL_NAME).bind(&[int(school_id as f64)])?,
            db.prepare(ROSTER).bind(&[int(school_id as f64)])?,
        ],
    )
    .await?;
    let Some(name) = rows::<NameRow>("school", &name)?.into_iter().next() else {
        return Ok(None);
    };
    let classes = rows::<CodeRow>("classes", &classes)?
        .into_iter()
        .map(|c| c.code)
        .collect();
    Ok(Some((name.name, classes)))
}

/// The lists of `classes` at the school (each class once, in the order given, an empty list
/// too).
pub async fn lists(
    env: &Env,
    school_id: i64,
    school: String,
    classes: &[String],
) -> Result<Shortlists, Error> {
    let db = database(env)?;
    let r = db
        .prepare(ENTRIES)
        .bind(&[int(school_id as f64), list(classes)?])?;
    let entries: Vec<EntryRow> = super::all("shortlists", r).await?;
    let mut out: Vec<ClassShortlist> = classes
        .iter()
        .map(|c| ClassShortlist {
            class_code: c.clone(),
            items: Vec::new(),
        })
        .collect();
    for e in entries {
        let (class, entry) = e.decode()?;
        if let Some(c) = out.iter_mut().find(|c| c.class_code == class) {
            c.items.push(entry);
        }
    }
    Ok(Shortlists {
        school_id,
        school,
        classes: out,
    })
}

/// Who changes a list, and when.
pub struct Actor<'a> {
    pub codice_fiscale: &'a str,
    pub name: &'a str,
    pub at: i64,
}

/// What an addition found.
pub enum Addition {
    New,
    AlreadyListed,
    /// The host is not published, or the class is not in the roster: nothing written.
    NotFound,
}

#[derive(Deserialize)]
struct AddState {
    published: f64,
    in_roster: f64,
}

/// Adds host `host_id` to the list of `class`, with its audit record, in one batch.
pub async fn add(
    env: &Env,
    school_id: i64,
    class: &str,
    host_id: u64,
    by: &Actor<'_>,
) -> Result<Addition, Error> {
    let db = database(env)?;
    let key = [int(school_id as f64), text(class), int(host_id as f64)];
    let [state, added, _audit] = batch(
        "shortlist addition",
        &db,
        [
            db.prepare(ADD_STATE).bind(&key)?,
            db.prepare(ADD).bind(&[
                key[0].clone(),
                key[1].clone(),
                key[2].clone(),
                text(by.codice_fiscale),
                text(by.name),
                int(by.at as f64),
            ])?,
            db.prepare(AUDIT).bind(&[
                int(school_id as f64),
                int(by.at as f64),
                text(by.codice_fiscale),
                text("shortlist.add"),
                text(&format!("hosts/{host_id}")),
                text(class),
            ])?,
        ],
    )
    .await?;
    let state = rows::<AddState>("shortlist addition", &state)?
        .into_iter()
        .next()
        .ok_or_else(|| Error::storage("shortlist addition", "no state row"))?;
    Ok(if changes("shortlist addition", &added)? > 0 {
        Addition::New
    } else if state.published == 0.0 || state.in_roster == 0.0 {
        Addition::NotFound
    } else {
        Addition::AlreadyListed
    })
}

/// Removes host `host_id` from the list of `class`, with its audit record, in one batch;
/// `false` when it was not there (nothing written).
pub async fn remove(
    env: &Env,
    school_id: i64,
    class: &str,
    host_id: u64,
    by: &Actor<'_>,
) -> Result<bool, Error> {
    let db = database(env)?;
    let [removed, _audit] = batch(
        "shortlist removal",
        &db,
        [
            db.prepare(REMOVE)
                .bind(&[int(school_id as f64), text(class), int(host_id as f64)])?,
            db.prepare(AUDIT).bind(&[
                int(school_id as f64),
                int(by.at as f64),
                text(by.codice_fiscale),
                text("shortlist.remove"),
                text(&format!("hosts/{host_id}")),
                text(class),
            ])?,
        ],
    )
    .await?;
    Ok(changes("shortlist removal", &removed)? > 0)
}

/// What `/enti` shows a member of staff: the names and rosters of their schools, and the
/// hosts on the list being built (`chosen`: school and class), in one round trip.
pub struct Staff {
    pub schools: Vec<(i64, String)>,
    pub rosters: Vec<(i64, String)>,
    pub listed: Vec<u64>,
}

#[derive(Deserialize)]
struct SchoolRow {
    id: f64,
    name: String,
}

#[derive(Deserialize)]
struct RosterRow {
    school_id: f64,
    code: String,
}

#[derive(Deserialize)]
struct ListedRow {
    host_id: f64,
}

pub async fn staff(
    env: &Env,
    schools: &[i64],
    chosen: Option<(i64, &str)>,
) -> Result<Staff, Error> {
    let db = database(env)?;
    let (school, class) = chosen.unwrap_or((0, ""));
    let [names, rosters, listed] = batch(
        "staff lists",
        &db,
        [
            db.prepare(SCHOOL_NAMES).bind(&[list(schools)?])?,
            db.prepare(ROSTERS).bind(&[list(schools)?])?,
            db.prepare(LISTED)
                .bind(&[int(school as f64), text(class)])?,
        ],
    )
    .await?;
    Ok(Staff {
        schools: rows::<SchoolRow>("schools", &names)?
            .into_iter()
            .map(|s| (s.id as i64, s.name))
            .collect(),
        rosters: rows::<RosterRow>("rosters", &rosters)?
            .into_iter()
            .map(|r| (r.school_id as i64, r.code))
            .collect(),
        listed: rows::<ListedRow>("listed", &listed)?
            .into_iter()
            .map(|l| l.host_id as u64)
            .collect(),
    })
}

#[derive(Deserialize)]
struct ContactRow {
    host_id: f64,
    contacts: Option<String>,
}

#[derive(Deserialize)]
struct FigureRow {
    code: String,
    title: String,
}

/// The contacts of `hosts` and the titles of the CP 2011 `codes`, in one round trip (a CSV of
/// a search adds them to its rows).
pub async fn export_details(
    env: &Env,
    hosts: &[u64],
    codes: &[String],
) -> Result<(Vec<(u64, Contacts)>, Vec<Figure>), Error> {
    let db = database(env)?;
    let [contacts, titles] = batch(
        "export details",
        &db,
        [
            db.prepare(CONTACTS).bind(&[list(hosts)?])?,
            db.prepare(FIGURE_TITLES).bind(&[list(codes)?])?,
        ],
    )
    .await?;
    let contacts = rows::<ContactRow>("contacts", &contacts)?
        .into_iter()
        .filter_map(|r| r.contacts.map(|c| (r.host_id as u64, c)))
        .map(|(id, c)| {
            Ok((
                id,
                from_json::<Contacts>(&format!("host {id} contacts"), &c)?,
            ))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let titles = rows::<FigureRow>("figure titles", &titles)?
        .into_iter()
        .map(|f| Figure {
            code: f.code,
            title: f.title,
        })
        .collect();
    Ok((contacts, titles))
}
