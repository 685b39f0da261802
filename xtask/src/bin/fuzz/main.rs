//! `cargo xtask fuzz`: arbitrary and mutated inputs through the parsers that read what
//! strangers send (issue 18, point 8), on the stable toolchain (no cargo-fuzz, no nightly).
//!
//! Each target starts from a seed corpus of real inputs (the mail fixtures of
//! `cargo xtask mail-fixtures`, the demo schools' CSV files, drafts saved by the wizard's
//! format, query strings the pages send) and runs it, then inputs made by stacking a few random
//! mutations on a corpus entry (bits flipped, bytes set, ranges deleted, repeated or copied,
//! tokens of the format inserted, two entries spliced) or, one time in 64, random bytes. An
//! input with an outcome not seen before joins the corpus, so later inputs start from it: the
//! outcome (an error code, a parse result) is the cheap stand-in for coverage that a stable
//! toolchain allows.
//!
//! Properties, checked on every input:
//! - **no panic**: each input runs under `catch_unwind`; one that panics is saved as
//!   `target/fuzz/<target>/crash-<hash>.bin` with the panic message printed;
//! - **bounded allocation**: the counting global allocator ([`alloc`]) measures the input's
//!   peak of live bytes, which must stay under the target's bound (a budget that grows with
//!   the input's length up to the size the code accepts; at that size it stays well under a
//!   Worker's 128 MB); over it, `alloc-<hash>.bin`. A single request over
//!   [`alloc::HARD_LIMIT`] stops the run with the input in `oversize-input.bin`;
//! - **no hang**: an input running for more than [`HANG_SECONDS`] is saved as `hang-<hash>.bin`
//!   and stops the run.
//!
//! Options: `--seconds N` per target (default 10), or `--inputs N` per target; `--target NAME`
//! (repeatable); `--seed N` for the random stream (printed, so a run can be repeated);
//! `--replay FILE --target NAME` runs one saved input. `cargo xtask fuzz --release` builds this
//! binary optimised (the long runs); `cargo xtask test` runs a short pass in the debug build,
//! whose overflow checks turn arithmetic overflow into a panic the run reports.

mod alloc;
mod engine;
mod targets;

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

/// An input running longer than this is a hang.
pub const HANG_SECONDS: u64 = 20;

fn main() -> std::process::ExitCode {
    match run(&std::env::args().skip(1).collect::<Vec<_>>()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn value<'a>(args: &'a [String], i: usize, name: &str) -> Result<&'a str, String> {
    args.get(i + 1)
        .map(String::as_str)
        .ok_or_else(|| format!("{name} takes a value"))
}

fn run(args: &[String]) -> Result<(), String> {
    let mut opts = engine::Options::default();
    let mut names: Vec<String> = Vec::new();
    let mut replay = None;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let number = |s: &str| -> Result<u64, String> {
            s.parse()
                .map_err(|_| format!("{a} takes a whole number, not `{s}`"))
        };
        match a {
            "--seconds" => opts.budget = engine::Budget::Seconds(number(value(args, i, a)?)?),
            "--inputs" => opts.budget = engine::Budget::Inputs(number(value(args, i, a)?)?),
            "--seed" => opts.seed = number(value(args, i, a)?)?,
            "--target" => names.push(value(args, i, a)?.to_owned()),
            "--replay" => replay = Some(value(args, i, a)?.to_owned()),
            other => return Err(format!("unknown option `{other}`")),
        }
        i += 2;
    }
    let all = targets::all()?;
    for n in &names {
        if !all.iter().any(|t| t.name == n) {
            let known: Vec<&str> = all.iter().map(|t| t.name).collect();
            return Err(format!("no target `{n}`: {}", known.join(", ")));
        }
    }
    let chosen: Vec<&engine::Target> = all
        .iter()
        .filter(|t| names.is_empty() || names.iter().any(|n| n == t.name))
        .collect();
    if let Some(file) = replay {
        let [target] = chosen.as_slice() else {
            return Err("--replay needs exactly one --target".into());
        };
        let input = std::fs::read(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
        return engine::replay(target, &input);
    }
    engine::install_panic_hook();
    let mut failed = Vec::new();
    println!(
        "fuzz: seed {} ({}), {}",
        opts.seed,
        if cfg!(debug_assertions) {
            "debug build: overflow checks on"
        } else {
            "optimised build"
        },
        opts.budget
    );
    for t in chosen {
        let report = engine::fuzz(t, &opts)?;
        report.print();
        if !report.failures.is_empty() {
            failed.push(t.name);
        }
    }
    if failed.is_empty() {
        println!("fuzz: no panic, no allocation over its bound, no hang");
        Ok(())
    } else {
        Err(format!(
            "fuzz: failures in {} (inputs saved under target/fuzz/)",
            failed.join(", ")
        ))
    }
}
