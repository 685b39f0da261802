//! Where things are.

use std::path::PathBuf;

/// The workspace root (xtask's parent directory).
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

/// Tools installed once and kept between clones (`PONTE_CACHE`, else `~/.cache/ponte`).
pub fn cache() -> PathBuf {
    if let Ok(p) = std::env::var("PONTE_CACHE") {
        return PathBuf::from(p);
    }
    let home = std::env::var("HOME").unwrap_or_else(|_| "/tmp".into());
    PathBuf::from(home).join(".cache").join("ponte")
}

pub fn target() -> PathBuf {
    std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("target"))
}

pub fn node_bin(name: &str) -> PathBuf {
    root().join("node_modules").join(".bin").join(name)
}

pub fn assets() -> PathBuf {
    root().join("assets")
}

pub fn pkg() -> PathBuf {
    assets().join("pkg")
}
