//! `cargo xtask bench`: figures with their budgets.

use xtask::Result;

pub fn run(_args: &[String]) -> Result {
    Err("the benchmarks are not written yet".into())
}
