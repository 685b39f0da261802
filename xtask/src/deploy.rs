//! `cargo xtask deploy [--dry-run] [--plan free|paid]`: what goes to Cloudflare, checked
//! against the platform's limits before anything is uploaded (docs/deploy.md).
//!
//! The repository's `wrangler.toml` holds no account data: its D1 database and KV namespace ids
//! are zeros. The deployment's configuration is a copy under `target/deploy/` with the real ids
//! (`PONTE_D1_DATABASE_ID`, `PONTE_KV_NAMESPACE_ID`) and absolute paths. `--dry-run` builds,
//! checks and runs `wrangler deploy --dry-run` on that copy (no credentials, nothing sent); it
//! runs in `cargo xtask test`. Without it, the remote migrations are applied and the worker is
//! deployed, after checking that every secret the worker reads is set.

use std::path::{Path, PathBuf};
use std::process::Command;
use xtask::run::run;
use xtask::{build, paths, tools, Result};

/// The compressed size a worker may have: 3 MB on the Workers free plan, 10 MB on a paid one
/// (developers.cloudflare.com/workers/platform/limits).
pub const FREE_PLAN_KIB: f64 = 3.0 * 1024.0;
const PAID_PLAN_KIB: f64 = 10.0 * 1024.0;
/// Workers Assets: at most 20,000 files per version, 25 MiB each.
const MAX_ASSET_FILES: usize = 20_000;
const MAX_ASSET_BYTES: u64 = 25 * 1024 * 1024;

/// The bindings the worker uses, as `wrangler deploy` lists them.
const BINDINGS: [&str; 6] = [
    "env.DB ",
    "env.KV ",
    "env.ASSETS",
    "env.MAIL ",
    "env.RL_PEC ",
    "env.VERIFIER ",
];

/// The verifier's bindings (verifier/wrangler.toml).
const VERIFIER_BINDINGS: [&str; 2] = ["env.DB ", "env.KV "];

/// The settings that are secrets (`wrangler secret put NAME`): never in a file of the repo.
pub const SECRETS: [&str; 3] = [
    "OIDC_SPID_CLIENT_SECRET",
    "OIDC_CIE_CLIENT_SECRET",
    "PONTE_REGISTRY_SECRET",
];

/// The verifier's secrets (`wrangler secret put NAME --config verifier/wrangler.toml`).
pub const VERIFIER_SECRETS: [&str; 1] = ["PEC_PROVIDERS"];

/// The settings a deployment gives as plain variables: who the providers are, where Ponte
/// lives, who runs it. Taken from the environment of `cargo xtask deploy` into the `[vars]` of
/// the deployment's configuration (`wrangler deploy` replaces the variables set in the
/// dashboard with the configuration's); the last two have a value in `wrangler.toml` already.
pub const VARIABLES: [&str; 14] = [
    "OIDC_SPID_ISSUER",
    "OIDC_SPID_CLIENT_ID",
    "OIDC_CIE_ISSUER",
    "OIDC_CIE_CLIENT_ID",
    "PONTE_PUBLIC_URL",
    "PONTE_REGISTRY_URL",
    "PONTE_OPERATORS",
    "PONTE_CONTROLLER_NAME",
    "PONTE_CONTROLLER_ADDRESS",
    "PONTE_CONTROLLER_EMAIL",
    "PONTE_CONTROLLER_PEC",
    "PONTE_DPO_EMAIL",
    "PEC_VERIFICATION_ADDRESS",
    "PONTE_MAIL_FROM",
];

/// What the dry run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Upload {
    pub total_kib: f64,
    pub gzip_kib: f64,
}

pub fn cli(args: &[String]) -> Result {
    let dry = args.iter().any(|a| a == "--dry-run");
    let limit = match args.iter().position(|a| a == "--plan") {
        None => FREE_PLAN_KIB,
        Some(i) => match args.get(i + 1).map(String::as_str) {
            Some("free") => FREE_PLAN_KIB,
            Some("paid") => PAID_PLAN_KIB,
            _ => return Err("--plan takes free or paid".to_owned()),
        },
    };
    let tools = tools::ensure_build_tools()?;
    build::all(&tools)?;
    if dry {
        dry_run(limit).map(|_| ())
    } else {
        deploy(limit)
    }
}

/// Checks what would be uploaded, uploading nothing: the migrations' order, the assets, the
/// configuration, the bindings and the compressed size against `limit_kib`.
pub fn dry_run(limit_kib: f64) -> Result<Upload> {
    migrations_in_order(&paths::root().join("migrations"))?;
    assets_within_limits(&paths::root().join("assets"))?;
    let ids = (
        std::env::var("PONTE_D1_DATABASE_ID").ok(),
        std::env::var("PONTE_KV_NAMESPACE_ID").ok(),
    );
    let config = write_config(ids.0.as_deref(), ids.1.as_deref())?;
    let verifier = write_verifier_config(ids.0.as_deref(), ids.1.as_deref())?;
    let checked = upload_checked(&verifier, "verifier", &VERIFIER_BINDINGS, limit_kib)?;
    println!(
        "deploy dry run: verifier {:.1} KiB, {:.1} KiB gzip (limit {limit_kib:.0} KiB): within",
        checked.total_kib, checked.gzip_kib
    );
    let upload = upload_checked(&config, "worker", &BINDINGS, limit_kib)?;
    let crons = std::fs::read_to_string(&config).map_err(|e| e.to_string())?;
    if !crons.contains("crons = [") {
        return Err("no cron trigger: the daily purge would never run".to_owned());
    }
    println!(
        "deploy dry run: worker {:.1} KiB, {:.1} KiB gzip (limit {:.0} KiB): within",
        upload.total_kib, upload.gzip_kib, limit_kib
    );
    Ok(upload)
}

/// `wrangler deploy --dry-run` of one configuration: its upload, with every binding of
/// `bindings` present and within `limit_kib` gzip.
fn upload_checked(config: &Path, name: &str, bindings: &[&str], limit_kib: f64) -> Result<Upload> {
    let out = paths::target().join("deploy").join(format!("out-{name}"));
    let output = Command::new(paths::node_bin("wrangler"))
        .args(["deploy", "--dry-run", "--outdir"])
        .arg(&out)
        .arg("--config")
        .arg(config)
        .current_dir(paths::root())
        .output()
        .map_err(|e| format!("wrangler: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if !output.status.success() {
        return Err(format!(
            "wrangler deploy --dry-run ({name}) failed:\n{text}"
        ));
    }
    let upload = upload_of(&text).ok_or_else(|| format!("no upload size in:\n{text}"))?;
    let missing: Vec<&str> = bindings
        .iter()
        .filter(|b| !text.contains(*b))
        .map(|b| b.trim())
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "bindings missing from the {name}'s deployment: {}",
            missing.join(", ")
        ));
    }
    if upload.gzip_kib > limit_kib {
        return Err(format!(
            "the {name} is {:.1} KiB gzip, over the plan's {limit_kib:.0} KiB",
            upload.gzip_kib
        ));
    }
    Ok(upload)
}

/// The real deployment: credentials and ids from the environment, every secret set, the
/// remote migrations applied, then the worker.
fn deploy(limit_kib: f64) -> Result {
    let need = |k: &str| {
        std::env::var(k)
            .ok()
            .filter(|v| !v.is_empty())
            .ok_or_else(|| format!("{k} is not set (docs/deploy.md)"))
    };
    need("CLOUDFLARE_API_TOKEN")?;
    need("CLOUDFLARE_ACCOUNT_ID")?;
    let (d1, kv) = (
        need("PONTE_D1_DATABASE_ID")?,
        need("PONTE_KV_NAMESPACE_ID")?,
    );
    dry_run(limit_kib)?;
    let config = write_config(Some(&d1), Some(&kv))?;
    let verifier = write_verifier_config(Some(&d1), Some(&kv))?;
    let written = std::fs::read_to_string(&config).map_err(|e| e.to_string())?;
    let unset: Vec<&str> = VARIABLES
        .iter()
        .filter(|v| !written.contains(&format!("\n{v} = ")))
        .copied()
        .collect();
    if !unset.is_empty() {
        return Err(format!(
            "variables not set (export them before deploying): {}",
            unset.join(", ")
        ));
    }
    let wrangler = || {
        let mut c = Command::new(paths::node_bin("wrangler"));
        c.current_dir(paths::root());
        c
    };
    let mut missing: Vec<&str> = Vec::new();
    for (config, secrets) in [(&config, &SECRETS[..]), (&verifier, &VERIFIER_SECRETS[..])] {
        let listed = wrangler()
            .args(["secret", "list", "--format", "json", "--config"])
            .arg(config)
            .output()
            .map_err(|e| format!("wrangler secret list: {e}"))?;
        let names = String::from_utf8_lossy(&listed.stdout).to_string();
        missing.extend(
            secrets
                .iter()
                .filter(|s| !names.contains(&format!("\"{s}\""))),
        );
    }
    if !missing.is_empty() {
        return Err(format!(
            "secrets not set (wrangler secret put NAME): {}",
            missing.join(", ")
        ));
    }
    run(wrangler()
        .args(["d1", "migrations", "apply", "DB", "--remote", "--config"])
        .arg(&config))?;
    // The verifier first: the main worker's `VERIFIER` binding names it.
    run(wrangler().args(["deploy", "--config"]).arg(&verifier))?;
    run(wrangler().args(["deploy", "--config"]).arg(&config))
}

/// The deployment's configuration: the repository's with the ids given and absolute paths,
/// written to `target/deploy/wrangler.toml`.
fn write_config(d1: Option<&str>, kv: Option<&str>) -> Result<PathBuf> {
    let root = paths::root();
    let text = std::fs::read_to_string(root.join("wrangler.toml")).map_err(|e| e.to_string())?;
    let vars: Vec<(&str, String)> = VARIABLES
        .iter()
        .chain(["OIDC_SPID_CLAIM", "OIDC_CIE_CLAIM"].iter())
        .filter_map(|k| {
            std::env::var(k)
                .ok()
                .filter(|v| !v.is_empty())
                .map(|v| (*k, v))
        })
        .collect();
    let text = with_vars(&configured(&text, &root, d1, kv)?, &vars)?;
    let dir = paths::target().join("deploy");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join("wrangler.toml");
    std::fs::write(&path, text).map_err(|e| e.to_string())?;
    Ok(path)
}

/// The verifier's deployment configuration: verifier/wrangler.toml with the ids given and its
/// module's absolute path, written to `target/deploy/verifier.toml`.
fn write_verifier_config(d1: Option<&str>, kv: Option<&str>) -> Result<PathBuf> {
    let root = paths::root();
    let text =
        std::fs::read_to_string(root.join("verifier/wrangler.toml")).map_err(|e| e.to_string())?;
    let main = (
        "main = \"build/index.js\"".to_owned(),
        format!(
            "main = {:?}",
            root.join("verifier/build/index.js").display().to_string()
        ),
    );
    let text = with_ids(&text, &[main], d1, kv)?;
    let path = paths::target().join("deploy").join("verifier.toml");
    std::fs::write(&path, text).map_err(|e| e.to_string())?;
    Ok(path)
}

/// `wrangler.toml` made into a deployment's: each path under `root`, the ids replaced when
/// given. Fails when a line it must change is not there.
pub fn configured(text: &str, root: &Path, d1: Option<&str>, kv: Option<&str>) -> Result<String> {
    let abs = |p: &str| root.join(p).display().to_string();
    let paths = [
        (
            "main = \"worker/build/index.js\"".to_owned(),
            format!("main = {:?}", abs("worker/build/index.js")),
        ),
        (
            "directory = \"assets\"".to_owned(),
            format!("directory = {:?}", abs("assets")),
        ),
        (
            "migrations_dir = \"migrations\"".to_owned(),
            format!("migrations_dir = {:?}", abs("migrations")),
        ),
    ];
    with_ids(text, &paths, d1, kv)
}

/// `text` with each line of `lines` replaced, and the D1 and KV ids when given. Fails when a
/// line it must change is not there.
fn with_ids(
    text: &str,
    lines: &[(String, String)],
    d1: Option<&str>,
    kv: Option<&str>,
) -> Result<String> {
    let placeholder_d1 = "database_id = \"00000000-0000-4000-8000-000000000000\"";
    let placeholder_kv = "id = \"00000000000000000000000000000000\"";
    let mut out = text.to_owned();
    for (from, to) in lines.iter().cloned().chain([
        (
            placeholder_d1.to_owned(),
            d1.map_or(placeholder_d1.to_owned(), |id| {
                format!("database_id = {id:?}")
            }),
        ),
        (
            placeholder_kv.to_owned(),
            kv.map_or(placeholder_kv.to_owned(), |id| format!("id = {id:?}")),
        ),
    ]) {
        if !out.contains(&from) {
            return Err(format!(
                "wrangler.toml has no `{from}` line to make a deployment's"
            ));
        }
        out = out.replacen(&from, &to, 1);
    }
    Ok(out)
}

/// The configuration with these variables in its `[vars]`: a line of the table replaced, or
/// added at its top.
pub fn with_vars(text: &str, vars: &[(&str, String)]) -> Result<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let table = lines
        .iter()
        .position(|l| l.trim() == "[vars]")
        .ok_or_else(|| "wrangler.toml has no [vars] table".to_owned())?;
    for (k, v) in vars {
        let line = format!("{k} = {v:?}");
        match lines.iter().position(|l| l.starts_with(&format!("{k} = "))) {
            Some(i) => lines[i] = line,
            None => lines.insert(table + 1, line),
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    Ok(out)
}

/// "Total Upload: 5355.51 KiB / gzip: 2023.56 KiB" in wrangler's output.
pub fn upload_of(text: &str) -> Option<Upload> {
    let line = text.lines().find(|l| l.contains("Total Upload:"))?;
    let kib = |s: &str| s.trim().trim_end_matches("KiB").trim().parse::<f64>().ok();
    let rest = line.split("Total Upload:").nth(1)?;
    let (total, gzip) = rest.split_once("/ gzip:")?;
    Some(Upload {
        total_kib: kib(total)?,
        gzip_kib: kib(gzip)?,
    })
}

/// D1 applies migrations in the order of their names: `0001_…sql` to `NNNN_…sql`, each number
/// once, none missing.
pub fn migrations_in_order(dir: &Path) -> Result {
    let mut numbers: Vec<(u32, String)> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
        let name = entry
            .map_err(|e| e.to_string())?
            .file_name()
            .to_string_lossy()
            .to_string();
        if !name.ends_with(".sql") {
            continue;
        }
        let n = name
            .get(..4)
            .filter(|p| {
                p.bytes().all(|b| b.is_ascii_digit()) && name.as_bytes().get(4) == Some(&b'_')
            })
            .and_then(|p| p.parse::<u32>().ok())
            .ok_or_else(|| {
                format!("migration {name}: its name must start with four digits and _")
            })?;
        numbers.push((n, name));
    }
    numbers.sort();
    for (i, (n, name)) in numbers.iter().enumerate() {
        let want = u32::try_from(i + 1).map_err(|e| e.to_string())?;
        if *n != want {
            return Err(format!(
                "migration {name}: expected number {want:04} (each number once, none missing)"
            ));
        }
    }
    Ok(())
}

/// Workers Assets' limits: the number of files and the size of each.
pub fn assets_within_limits(dir: &Path) -> Result {
    let mut files = 0usize;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let entry = entry.map_err(|e| e.to_string())?;
            let meta = entry.metadata().map_err(|e| e.to_string())?;
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                files += 1;
                if meta.len() > MAX_ASSET_BYTES {
                    return Err(format!(
                        "asset {} is {} bytes, over Workers Assets' 25 MiB",
                        entry.path().display(),
                        meta.len()
                    ));
                }
            }
        }
    }
    if files > MAX_ASSET_FILES {
        return Err(format!(
            "{files} assets, over Workers Assets' {MAX_ASSET_FILES}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_upload_size_is_read_from_wrangler() {
        let text = "✨ Read 33 files\nTotal Upload: 5355.51 KiB / gzip: 2023.56 KiB\nYour Worker";
        assert_eq!(
            upload_of(text),
            Some(Upload {
                total_kib: 5355.51,
                gzip_kib: 2023.56
            })
        );
        assert_eq!(upload_of("nothing"), None);
    }

    #[test]
    fn the_repository_configuration_becomes_a_deployment_s() {
        let repo = std::fs::read_to_string(paths::root().join("wrangler.toml")).unwrap();
        let root = Path::new("/srv/ponte");
        let c = configured(&repo, root, Some("d1-id"), Some("kv-id")).unwrap();
        assert!(c.contains("main = \"/srv/ponte/worker/build/index.js\""));
        assert!(c.contains("directory = \"/srv/ponte/assets\""));
        assert!(c.contains("migrations_dir = \"/srv/ponte/migrations\""));
        assert!(c.contains("database_id = \"d1-id\""));
        assert!(c.contains("id = \"kv-id\""));
        // The repository holds no account data: only the placeholders.
        assert!(repo.contains("00000000-0000-4000-8000-000000000000"));
        let dry = configured(&repo, root, None, None).unwrap();
        assert!(dry.contains("00000000-0000-4000-8000-000000000000"));
        // The deployment's variables go into [vars]: replaced where the file has a value.
        let vars = [
            ("PONTE_PUBLIC_URL", "https://ponte.example.it".to_owned()),
            ("PONTE_MAIL_FROM", "avvisi@ponte.example.it".to_owned()),
        ];
        let v = with_vars(&c, &vars).unwrap();
        assert!(v.contains("\nPONTE_PUBLIC_URL = \"https://ponte.example.it\"\n"));
        assert!(v.contains("\nPONTE_MAIL_FROM = \"avvisi@ponte.example.it\"\n"));
        assert!(!v.contains("pubblicazioni@ponte.example"));
        let vars_at = v.find("[vars]").unwrap();
        assert!(v.find("PONTE_PUBLIC_URL").unwrap() > vars_at);
        assert!(v.find("PONTE_PUBLIC_URL").unwrap() < v.find("[[send_email]]").unwrap());
    }

    #[test]
    fn migrations_are_numbered_once_each_without_gaps() {
        migrations_in_order(&paths::root().join("migrations")).unwrap();
        let dir = std::env::temp_dir().join(format!("ponte-migrations-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for n in ["0001_a.sql", "0002_b.sql", "0004_d.sql"] {
            std::fs::write(dir.join(n), "").unwrap();
        }
        assert!(migrations_in_order(&dir)
            .unwrap_err()
            .contains("0004_d.sql"));
        std::fs::write(dir.join("0003_c.sql"), "").unwrap();
        migrations_in_order(&dir).unwrap();
        std::fs::write(dir.join("03_bad.sql"), "").unwrap();
        assert!(migrations_in_order(&dir).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn every_setting_the_worker_reads_is_documented_as_secret_or_variable() {
        let doc = std::fs::read_to_string(paths::root().join("docs/deploy.md")).unwrap();
        for s in SECRETS.iter().chain(VARIABLES.iter()) {
            assert!(doc.contains(s), "docs/deploy.md does not name {s}");
        }
        let config = std::fs::read_to_string(paths::root().join("wrangler.toml")).unwrap();
        for s in SECRETS {
            assert!(
                !config
                    .lines()
                    .any(|l| l.trim_start().starts_with(&format!("{s} ="))),
                "the secret {s} has a value in wrangler.toml"
            );
        }
    }
}
