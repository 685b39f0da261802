//! The mutation loop, the properties checked on each input, and the report.

use crate::alloc;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What a target's function says of an input: a short outcome (`ok`, an error code) counted
/// in the report, and a finer one (the code and the start of its message) that decides
/// whether the input joins the corpus.
pub struct Outcome {
    pub code: String,
    pub detail: String,
}

impl Outcome {
    pub fn new(code: impl Into<String>, detail: impl Into<String>) -> Outcome {
        let code = code.into();
        let mut detail = detail.into();
        if detail.len() > 60 {
            let mut end = 60;
            while !detail.is_char_boundary(end) {
                end -= 1;
            }
            detail.truncate(end);
        }
        Outcome { code, detail }
    }

    pub fn code(code: impl Into<String>) -> Outcome {
        Outcome::new(code, "")
    }
}

type RunFn = Box<dyn Fn(&[u8]) -> Outcome>;
type FixFn = Box<dyn Fn(&[u8]) -> Option<Vec<u8>>>;

pub struct Target {
    pub name: &'static str,
    /// What it drives, for the report.
    pub what: &'static str,
    pub seeds: Vec<Vec<u8>>,
    /// Tokens of the format, inserted by the mutations.
    pub dict: Vec<Vec<u8>>,
    /// Mutated inputs are cut to this length (the most the code reads, plus a little, so the
    /// size check itself is exercised).
    pub max_len: usize,
    /// Most inputs stay below this length: a large input is costly and rarely finds more.
    pub usual_len: usize,
    /// The allocation bound: a fixed part and bytes per input byte.
    pub bound_base: usize,
    pub bound_per_byte: usize,
    pub run: RunFn,
    /// Optional repair after mutating (half of the inputs): the draft file's checksum.
    pub fix: Option<FixFn>,
}

impl Target {
    pub fn bound(&self, len: usize) -> usize {
        self.bound_base
            .saturating_add(self.bound_per_byte.saturating_mul(len))
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Budget {
    Seconds(u64),
    Inputs(u64),
}

impl std::fmt::Display for Budget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Budget::Seconds(s) => write!(f, "{s} s per target"),
            Budget::Inputs(n) => write!(f, "{n} inputs per target"),
        }
    }
}

pub struct Options {
    pub budget: Budget,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1);
        Options {
            budget: Budget::Seconds(10),
            seed: nanos | 1,
        }
    }
}

/// xorshift64*: fast, good enough to pick mutations, repeatable from its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// In `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

const INTERESTING: [u8; 12] = [
    0, 1, 0x7f, 0x80, 0x81, 0xfe, 0xff, b'\r', b'\n', b'"', b';', b',',
];

/// A few random mutations stacked on `base`.
pub fn mutate(rng: &mut Rng, base: &[u8], corpus: &[Vec<u8>], t: &Target) -> Vec<u8> {
    let mut v = base.to_vec();
    let cap = if rng.chance(200) {
        t.max_len
    } else {
        t.usual_len.min(t.max_len)
    };
    let rounds = if rng.chance(8) {
        1 + rng.below(16)
    } else {
        1 + rng.below(4)
    };
    for _ in 0..rounds {
        let len = v.len();
        match rng.below(13) {
            0 if len > 0 => {
                let i = rng.below(len);
                v[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                v[i] = INTERESTING[rng.below(INTERESTING.len())];
            }
            2 if len > 0 => {
                let i = rng.below(len);
                v[i] = rng.next() as u8;
            }
            3 => {
                let i = rng.below(len + 1);
                let n = 1 + rng.below(16);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                v.splice(i..i, bytes);
            }
            4 if len > 0 => {
                let i = rng.below(len);
                let most = if rng.chance(4) { len } else { 64 };
                let n = 1 + rng.below((len - i).min(most));
                v.drain(i..i + n);
            }
            5 if len > 0 => {
                // Copy a range elsewhere.
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(256));
                let chunk = v[i..i + n].to_vec();
                let at = rng.below(len + 1);
                v.splice(at..at, chunk);
            }
            6 if len > 0 => {
                // Repeat a range many times: quadratic work and allocation show here.
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(64));
                let most = if rng.chance(16) { 4096 } else { 64 };
                let times = 2 + rng.below(most);
                let chunk = v[i..i + n].repeat(times);
                v.splice(i..i, chunk);
            }
            7 | 8 if !t.dict.is_empty() => {
                let token = &t.dict[rng.below(t.dict.len())];
                let i = rng.below(len + 1);
                if rng.chance(2) || i + token.len() > len {
                    v.splice(i..i, token.iter().copied());
                } else {
                    v[i..i + token.len()].copy_from_slice(token);
                }
            }
            9 if !corpus.is_empty() => {
                // Splice: this one's head, another's tail.
                let other = &corpus[rng.below(corpus.len())];
                let cut = rng.below(len + 1);
                let from = rng.below(other.len() + 1);
                v.truncate(cut);
                v.extend_from_slice(&other[from..]);
            }
            10 if len > 0 => {
                v.truncate(rng.below(len));
            }
            11 if len > 0 => {
                // A length byte one off (DER lengths, counts).
                let i = rng.below(len);
                v[i] = if rng.chance(2) {
                    v[i].wrapping_add(1)
                } else {
                    v[i].wrapping_sub(1)
                };
            }
            _ if len > 1 => {
                // Swap two bytes.
                let (a, b) = (rng.below(len), rng.below(len));
                v.swap(a, b);
            }
            _ => v.push(rng.next() as u8),
        }
        if v.len() > cap {
            v.truncate(cap);
        }
    }
    v
}

/// Random bytes of a random length: the arbitrary inputs.
fn random_input(rng: &mut Rng, t: &Target) -> Vec<u8> {
    let n = rng.below(t.usual_len.min(4096) + 1);
    let printable = rng.chance(2);
    (0..n)
        .map(|_| {
            let b = rng.next() as u8;
            if printable {
                0x20 + b % 0x5f
            } else {
                b
            }
        })
        .collect()
}

pub enum Failure {
    Panic {
        file: PathBuf,
        message: String,
    },
    Alloc {
        file: PathBuf,
        peak: usize,
        bound: usize,
        len: usize,
    },
}

pub struct Report {
    pub name: &'static str,
    pub what: &'static str,
    pub inputs: u64,
    pub elapsed: Duration,
    pub outcomes: BTreeMap<String, u64>,
    pub details: usize,
    pub corpus: usize,
    pub peak: usize,
    pub peak_len: usize,
    pub peak_bound: usize,
    pub largest_input: usize,
    pub slowest: Duration,
    pub failures: Vec<Failure>,
}

impl Report {
    pub fn print(&self) {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        println!(
            "\n{}: {}\n  inputs run       {} in {:.1} s ({:.0} inputs/s)\n  outcomes         {} \
             distinct codes, {} finer; corpus grew to {}\n  peak allocation  {} bytes \
             (input of {} bytes, bound {}); largest input {} bytes; slowest input {:.1} ms",
            self.name,
            self.what,
            self.inputs,
            secs,
            self.inputs as f64 / secs,
            self.outcomes.len(),
            self.details,
            self.corpus,
            self.peak,
            self.peak_len,
            self.peak_bound,
            self.largest_input,
            self.slowest.as_secs_f64() * 1000.0
        );
        let mut codes: Vec<_> = self.outcomes.iter().collect();
        codes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let mut list: Vec<String> = codes
            .iter()
            .take(30)
            .map(|(c, n)| format!("{c} {n}"))
            .collect();
        if codes.len() > 30 {
            list.push(format!("… {} more", codes.len() - 30));
        }
        println!("  codes            {}", list.join(", "));
        for f in &self.failures {
            match f {
                Failure::Panic { file, message } => {
                    println!("  FAIL panic: {message}\n       input: {}", file.display())
                }
                Failure::Alloc {
                    file,
                    peak,
                    bound,
                    len,
                } => println!(
                    "  FAIL allocation: {peak} bytes for an input of {len} (bound {bound})\n       \
                     input: {}",
                    file.display()
                ),
            }
        }
    }
}

/// The message of the last panic, kept by the hook (printing every panic would flood).
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = match info.payload().downcast_ref::<&str>() {
            Some(s) => (*s).to_owned(),
            None => info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| "(no message)".to_owned()),
        };
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = format!("{msg}{at}");
        }
    }));
}

/// `target/fuzz/` of the workspace (`cargo xtask fuzz` says where in `PONTE_FUZZ_DIR`, since
/// the optimised build runs with another target directory).
pub fn out_dir() -> PathBuf {
    std::env::var("PONTE_FUZZ_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| xtask::paths::target().join("fuzz"))
}

fn dir(name: &str) -> Result<PathBuf, String> {
    let d = out_dir().join(name);
    std::fs::create_dir_all(&d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
    Ok(d)
}

fn save(name: &str, kind: &str, input: &[u8]) -> Result<PathBuf, String> {
    let file = dir(name)?.join(format!("{kind}-{:016x}.bin", domain::fnv::fnv1a64(input)));
    std::fs::write(&file, input).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    Ok(file)
}

/// `debug_assert!`s of dependencies that fire on some inputs in the debug build, which the
/// worker's release build compiles out, with why they are not Ponte's failures. Matched on the
/// message and the file; only in a debug build. Such an input counts as the outcome
/// `dependency-debug-assert` and the run goes on.
const KNOWN_DEBUG_ASSERTIONS: [(&str, &str); 1] = [(
    // mail-parser 0.11.9, src/parsers/message.rs:485: a multipart whose end it finds in an
    // unexpected state. The release build continues and recovers what it can; verify_pec then
    // refuses the message (the inputs found give `not_signed` in the optimised build, since
    // the signature part is then not where a PEC envelope has it).
    "Invalid part ID, could not find multipart.",
    "/mail-parser-0.11.",
)];

fn known_debug_assertion(message: &str) -> bool {
    cfg!(debug_assertions)
        && KNOWN_DEBUG_ASSERTIONS
            .iter()
            .any(|(m, file)| message.starts_with(m) && message.contains(file))
}

/// At most this many failures of one kind are saved per target (one bug fails many inputs).
const MAX_SAVED: usize = 5;
/// The corpus stops growing here.
const MAX_CORPUS: usize = 4096;

pub fn fuzz(t: &Target, opts: &Options) -> Result<Report, String> {
    let mut rng = Rng::new(opts.seed ^ domain::fnv::fnv1a64(t.name.as_bytes()));
    let mut corpus: Vec<Vec<u8>> = Vec::new();
    let mut seen: std::collections::BTreeSet<(String, String)> = Default::default();
    let mut report = Report {
        name: t.name,
        what: t.what,
        inputs: 0,
        elapsed: Duration::ZERO,
        outcomes: BTreeMap::new(),
        details: 0,
        corpus: 0,
        peak: 0,
        peak_len: 0,
        peak_bound: 0,
        largest_input: 0,
        slowest: Duration::ZERO,
        failures: Vec::new(),
    };
    // The file an oversized request's input goes to; removed if empty at the end.
    let oversize = dir(t.name)?.join("oversize-input.bin");
    let oversize_file = std::fs::File::create(&oversize)
        .map_err(|e| format!("cannot create {}: {e}", oversize.display()))?;
    {
        use std::os::fd::AsRawFd;
        alloc::set_report_fd(oversize_file.as_raw_fd());
    }
    let watchdog = Watchdog::start(t.name);
    let start = Instant::now();
    let deadline = match opts.budget {
        Budget::Seconds(s) => Some(start + Duration::from_secs(s)),
        Budget::Inputs(_) => None,
    };
    let max_inputs = match opts.budget {
        Budget::Inputs(n) => n,
        Budget::Seconds(_) => u64::MAX,
    };
    let (mut panics, mut allocs) = (0, 0);
    while report.inputs < max_inputs {
        // The clock is read every 64 inputs: cheap, and precise enough.
        if report.inputs.is_multiple_of(64) && deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let i = report.inputs as usize;
        let input = if i < t.seeds.len() {
            t.seeds[i].clone()
        } else if rng.chance(64) {
            random_input(&mut rng, t)
        } else {
            let pool = if corpus.is_empty() || rng.chance(4) {
                &t.seeds
            } else {
                &corpus
            };
            let base = &pool[rng.below(pool.len())];
            let mutated = mutate(&mut rng, base, &corpus, t);
            match &t.fix {
                Some(fix) if rng.chance(2) => fix(&mutated).unwrap_or(mutated),
                _ => mutated,
            }
        };
        report.inputs += 1;
        report.largest_input = report.largest_input.max(input.len());

        watchdog.begin(&input);
        let base = alloc::mark(&input);
        let began = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| (t.run)(&input)));
        let took = began.elapsed();
        let peak = alloc::peak_since(base);
        watchdog.end();

        report.slowest = report.slowest.max(took);
        if peak > report.peak {
            report.peak = peak;
            report.peak_len = input.len();
            report.peak_bound = t.bound(input.len());
        }
        if peak > t.bound(input.len()) {
            allocs += 1;
            if allocs <= MAX_SAVED {
                report.failures.push(Failure::Alloc {
                    file: save(t.name, "alloc", &input)?,
                    peak,
                    bound: t.bound(input.len()),
                    len: input.len(),
                });
            }
        }
        match result {
            Ok(outcome) => {
                *report.outcomes.entry(outcome.code.clone()).or_insert(0) += 1;
                let key = (outcome.code, outcome.detail);
                if !seen.contains(&key) {
                    seen.insert(key);
                    if corpus.len() < MAX_CORPUS && i >= t.seeds.len() {
                        corpus.push(input);
                    }
                }
            }
            Err(_) => {
                let message = LAST_PANIC
                    .lock()
                    .map(|m| m.clone())
                    .unwrap_or_else(|_| "(the panic message was lost)".to_owned());
                if known_debug_assertion(&message) {
                    *report
                        .outcomes
                        .entry("dependency-debug-assert".to_owned())
                        .or_insert(0) += 1;
                    continue;
                }
                panics += 1;
                *report.outcomes.entry("PANIC".to_owned()).or_insert(0) += 1;
                if panics <= MAX_SAVED {
                    report.failures.push(Failure::Panic {
                        file: save(t.name, "crash", &input)?,
                        message,
                    });
                }
            }
        }
    }
    report.elapsed = start.elapsed();
    report.details = seen.len();
    report.corpus = corpus.len();
    alloc::set_report_fd(-1);
    drop(oversize_file);
    let _ = std::fs::remove_file(&oversize);
    drop(watchdog);
    if panics > MAX_SAVED || allocs > MAX_SAVED {
        println!(
            "  ({panics} panicking inputs and {allocs} over the bound in all; {MAX_SAVED} of each saved)"
        );
    }
    Ok(report)
}

/// Runs one saved input and says what it did.
pub fn replay(t: &Target, input: &[u8]) -> Result<(), String> {
    let base = alloc::mark(input);
    let outcome = (t.run)(input);
    let peak = alloc::peak_since(base);
    println!(
        "{}: outcome {} {:?}; peak allocation {peak} bytes (bound {})",
        t.name,
        outcome.code,
        outcome.detail,
        t.bound(input.len())
    );
    if peak > t.bound(input.len()) {
        return Err("over the allocation bound".into());
    }
    Ok(())
}

/// A thread that notices an input running for longer than [`crate::HANG_SECONDS`], saves it
/// and stops the process (a loop cannot be interrupted from outside).
struct Watchdog {
    state: Arc<WatchState>,
    handle: Option<std::thread::JoinHandle<()>>,
}

struct WatchState {
    /// Milliseconds since `epoch` when the current input began; 0 when none runs.
    began: AtomicU64,
    input: Mutex<Vec<u8>>,
    epoch: Instant,
    stop: AtomicBool,
}

impl Watchdog {
    fn start(name: &'static str) -> Watchdog {
        let state = Arc::new(WatchState {
            began: AtomicU64::new(0),
            input: Mutex::new(Vec::new()),
            epoch: Instant::now(),
            stop: AtomicBool::new(false),
        });
        let s = Arc::clone(&state);
        let handle = std::thread::spawn(move || {
            while !s.stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(250));
                let began = s.began.load(Ordering::Relaxed);
                let now = s.epoch.elapsed().as_millis() as u64;
                if began != 0 && now.saturating_sub(began) > crate::HANG_SECONDS * 1000 {
                    let input = s.input.lock().map(|i| i.clone()).unwrap_or_default();
                    let file = save(name, "hang", &input)
                        .map(|f| f.display().to_string())
                        .unwrap_or_else(|e| e);
                    eprintln!(
                        "\nFAIL: {name}: an input ran for more than {} s: {file}",
                        crate::HANG_SECONDS
                    );
                    std::process::exit(1);
                }
            }
        });
        Watchdog {
            state,
            handle: Some(handle),
        }
    }

    fn begin(&self, input: &[u8]) {
        // A copy in a buffer that is reused: no allocation once it has grown.
        if let Ok(mut i) = self.state.input.lock() {
            i.clear();
            i.extend_from_slice(input);
        }
        let now = self.state.epoch.elapsed().as_millis() as u64;
        self.state.began.store(now.max(1), Ordering::Relaxed);
    }

    fn end(&self) {
        self.state.began.store(0, Ordering::Relaxed);
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.state.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}
