//! `cargo xtask deny` and `cargo xtask advisories-refresh`: the dependency tree checked by
//! cargo-deny (issue 18, point 11): security advisories, licences, duplicate versions, sources.
//! The rules and every exception with its reason are in `deny.toml`; why this tool and this
//! arrangement, in docs/toolchain.md ("Dependencies").
//!
//! The RustSec advisory database lives on GitHub, which the CI machine cannot reach (only the
//! package registries). So its advisories for the crates of `Cargo.lock` are kept in the
//! repository, `data/advisory-db/` (CC0-1.0, like the database), with `snapshot.txt` saying
//! which commit of the database they come from, its date, and which crates were kept. Before
//! each check the snapshot is laid out where cargo-deny looks for its database
//! (`target/advisory-dbs/`, `db-path` in deny.toml) and cargo-deny runs `--offline`: it reads
//! the database from disk and takes its age from `.git/FETCH_HEAD`'s time, which is set to the
//! snapshot's date, so its own staleness limit (`maximum-db-staleness`) applies to the
//! snapshot's real age. The check prints that date and age; a crate of `Cargo.lock` that the
//! snapshot was not made for fails the check until `advisories-refresh` is run on a machine
//! that reaches GitHub.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use xtask::run::{cargo, output, run};
use xtask::{paths, tools, Result};

/// The database cargo-deny is told about (`db-urls` in deny.toml): the directory it reads is
/// named after it.
pub const DB_URL: &str = "https://github.com/rustsec/advisory-db";

fn snapshot_dir() -> PathBuf {
    paths::root().join("data").join("advisory-db")
}

/// What `snapshot.txt` says.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    pub commit: String,
    /// The commit's date, `YYYY-MM-DD`.
    pub date: String,
    pub crates: BTreeSet<String>,
}

impl Snapshot {
    pub fn parse(text: &str) -> Result<Snapshot> {
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(": "))
                .map(|v| v.trim().to_owned())
                .ok_or_else(|| format!("snapshot.txt has no `{name}:` line"))
        };
        let date = field("date")?;
        chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d")
            .map_err(|_| format!("snapshot.txt: date `{date}` is not YYYY-MM-DD"))?;
        Ok(Snapshot {
            commit: field("commit")?,
            date,
            crates: field("crates")?
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
        })
    }

    fn render(&self) -> String {
        let crates: Vec<&str> = self.crates.iter().map(String::as_str).collect();
        format!(
            "# The RustSec advisory database (https://github.com/rustsec/advisory-db, CC0-1.0),\n\
             # the advisories of the crates below only. Written by `cargo xtask \
             advisories-refresh`;\n# read by `cargo xtask deny` (xtask/src/deny.rs).\n\
             source: {DB_URL}\ncommit: {}\ndate: {}\ncrates: {}\n",
            self.commit,
            self.date,
            crates.join(" ")
        )
    }
}

/// The names of the packages of Cargo.lock that come from a registry: the workspace's own
/// packages (no `source`) have no advisories.
pub fn locked_crates(lock: &str) -> BTreeSet<String> {
    lock.split("[[package]]")
        .filter(|block| block.lines().any(|l| l.starts_with("source = ")))
        .filter_map(|block| {
            block
                .lines()
                .find_map(|l| l.strip_prefix("name = \"")?.strip_suffix('"'))
        })
        .map(str::to_owned)
        .collect()
}

fn read_lock() -> Result<String> {
    std::fs::read_to_string(paths::root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))
}

/// cargo-deny's directory name for a database URL (cargo-deny 0.20, `url_to_db_path`): the
/// URL's last path segment and the XXH64 (seed 0xca80de71) of the lower-cased URL.
pub fn db_dir_name(url: &str) -> String {
    let url = url.to_lowercase();
    let name = url.rsplit('/').next().unwrap_or("empty_");
    let hash = xxhash_rust::xxh64::xxh64(url.as_bytes(), 0xca80_de71);
    format!("{name}-{hash:016x}")
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        let dest = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            std::fs::copy(&path, &dest)
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Lays the snapshot out as cargo-deny's database and returns what it says.
fn prepare_db() -> Result<Snapshot> {
    let text = std::fs::read_to_string(snapshot_dir().join("snapshot.txt")).map_err(|e| {
        format!(
            "cannot read data/advisory-db/snapshot.txt ({e}): run `cargo xtask advisories-refresh`"
        )
    })?;
    let snapshot = Snapshot::parse(&text)?;
    let missing: Vec<String> = locked_crates(&read_lock()?)
        .difference(&snapshot.crates)
        .cloned()
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "the advisory snapshot (data/advisory-db/) was not made for these crates of \
             Cargo.lock: {}. Run `cargo xtask advisories-refresh` on a machine that reaches \
             github.com and commit data/advisory-db/.",
            missing.join(", ")
        ));
    }
    let root = paths::root().join("target").join("advisory-dbs");
    let db = root.join(db_dir_name(DB_URL));
    let _ = std::fs::remove_dir_all(&db);
    copy_dir(&snapshot_dir().join("crates"), &db.join("crates"))?;
    // cargo-deny takes the database's age from the time of .git/FETCH_HEAD.
    let git = db.join(".git");
    std::fs::create_dir_all(&git).map_err(|e| format!("cannot create {}: {e}", git.display()))?;
    let fetch_head = git.join("FETCH_HEAD");
    let file = std::fs::File::create(&fetch_head)
        .map_err(|e| format!("cannot write {}: {e}", fetch_head.display()))?;
    let date =
        chrono::NaiveDate::parse_from_str(&snapshot.date, "%Y-%m-%d").map_err(|e| e.to_string())?;
    let secs = date
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or_default();
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs.max(0) as u64);
    file.set_modified(when)
        .map_err(|e| format!("cannot set the time of {}: {e}", fetch_head.display()))?;
    Ok(snapshot)
}

/// `cargo xtask deny`.
pub fn check() -> Result {
    let deny = tools::ensure_cargo_deny()?;
    let snapshot = prepare_db()?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    let today = chrono::DateTime::from_timestamp(now, 0)
        .map(|t| t.date_naive())
        .unwrap_or_default();
    let age = chrono::NaiveDate::parse_from_str(&snapshot.date, "%Y-%m-%d")
        .map(|d| (today - d).num_days())
        .unwrap_or(i64::MAX);
    eprintln!(
        "advisory database: RustSec snapshot of {} (commit {}), {age} days old, {} crates{}",
        snapshot.date,
        &snapshot.commit[..snapshot.commit.len().min(12)],
        snapshot.crates.len(),
        if age > 30 {
            " — older than 30 days: run `cargo xtask advisories-refresh` where github.com is \
             reachable"
        } else {
            ""
        }
    );
    // cargo-deny's `--offline` reaches `cargo metadata`, which then needs every crate of the
    // lock file, for every target, already downloaded: a fresh machine has only those of the
    // targets it built. crates.io is reachable; GitHub (the advisory database) is not.
    run(cargo()
        .args(["fetch", "--locked"])
        .current_dir(paths::root()))?;
    run(Command::new(deny)
        .args([
            "--offline",
            "--locked",
            "check",
            "--show-stats",
            "--hide-inclusion-graph",
        ])
        .current_dir(paths::root()))
}

/// `cargo xtask advisories-refresh [--from DIR]`: the snapshot rewritten from a clone of the
/// database (DIR, or one fetched from GitHub into target/), keeping the advisories of the crates
/// in Cargo.lock.
pub fn refresh(from: Option<&str>) -> Result {
    let clone = match from {
        Some(dir) => PathBuf::from(dir),
        None => {
            let dir = paths::target().join("advisory-db-clone");
            if dir.join(".git").exists() {
                run(Command::new("git").arg("-C").arg(&dir).args([
                    "pull",
                    "--ff-only",
                    "--quiet",
                ]))?;
            } else {
                run(Command::new("git")
                    .args(["clone", "--depth", "1", "--quiet", DB_URL])
                    .arg(&dir))?;
            }
            dir
        }
    };
    let log = output(
        Command::new("git")
            .arg("--git-dir")
            .arg(git_dir(&clone))
            .args(["log", "-1", "--format=%H %cs", "HEAD"]),
    )?;
    let (commit, date) = log
        .trim()
        .split_once(' ')
        .ok_or_else(|| format!("unexpected `git log` output: {log}"))?;
    let crates = locked_crates(&read_lock()?);
    let out = snapshot_dir();
    let _ = std::fs::remove_dir_all(out.join("crates"));
    let mut kept = 0;
    for name in &crates {
        kept += export_crate(&clone, name, &out.join("crates").join(name))?;
    }
    let snapshot = Snapshot {
        commit: commit.to_owned(),
        date: date.to_owned(),
        crates,
    };
    std::fs::write(out.join("snapshot.txt"), snapshot.render())
        .map_err(|e| format!("cannot write data/advisory-db/snapshot.txt: {e}"))?;
    eprintln!(
        "data/advisory-db/: {kept} advisories of {} crates, RustSec commit {commit} of {date}",
        snapshot.crates.len()
    );
    Ok(())
}

/// The git directory of a clone, or the directory itself when it is a bare one (what the
/// `fetch` of a mirror gives).
fn git_dir(clone: &Path) -> PathBuf {
    let dot = clone.join(".git");
    if dot.exists() {
        dot
    } else {
        clone.to_path_buf()
    }
}

/// Writes `crates/<name>/*.md` of HEAD into `to`; the number of advisories written. Read from
/// git, so a bare clone works as well as a checkout.
fn export_crate(clone: &Path, name: &str, to: &Path) -> Result<usize> {
    let git = git_dir(clone);
    let list = output(Command::new("git").arg("--git-dir").arg(&git).args([
        "ls-tree",
        "--name-only",
        "HEAD",
        &format!("crates/{name}/"),
    ]))?;
    let mut n = 0;
    for path in list.lines().filter(|p| p.ends_with(".md")) {
        let text = output(
            Command::new("git")
                .arg("--git-dir")
                .arg(&git)
                .args(["show", &format!("HEAD:{path}")]),
        )?;
        std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
        let file = to.join(path.rsplit('/').next().unwrap_or(path));
        std::fs::write(&file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snapshot_file_reads_back() {
        let s = Snapshot {
            commit: "bf5c0d2".to_owned(),
            date: "2026-08-21".to_owned(),
            crates: ["serde", "rsa"].iter().map(|s| s.to_string()).collect(),
        };
        assert_eq!(Snapshot::parse(&s.render()).unwrap(), s);
        assert!(Snapshot::parse("commit: x\ndate: 21/08/2026\ncrates: a\n").is_err());
    }

    #[test]
    fn locked_crates_are_read_from_the_lock_file() {
        let lock = "[[package]]\nname = \"a\"\nversion = \"1\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n\
                    [[package]]\nname = \"b-c\"\nversion = \"2\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n\
                    [[package]]\nname = \"bundle-public\"\nversion = \"0.1.0\"\ndependencies = [\n \"a\",\n]\n";
        assert_eq!(
            locked_crates(lock).into_iter().collect::<Vec<_>>(),
            ["a", "b-c"]
        );
    }
}
