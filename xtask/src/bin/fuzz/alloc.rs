//! A counting global allocator: the bytes live now, and the most live at once since the engine
//! last reset the mark, so each input's peak allocation is measured (issue 18, point 8: no
//! allocation over a bound). One request larger than [`HARD_LIMIT`] is never served: the input
//! is written to the file the engine opened for it and the process stops, since the allocation
//! would either fail (abort with no clue) or take the machine's memory.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, AtomicUsize, Ordering};

/// The largest single allocation an input may ask for: twice a Worker's whole memory (128 MB).
pub const HARD_LIMIT: usize = 256 * 1024 * 1024;

pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// The input being run, for the record of an oversized request.
static INPUT_PTR: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());
static INPUT_LEN: AtomicUsize = AtomicUsize::new(0);
/// A file descriptor opened by the engine (`target/fuzz/<target>/oversize-input.bin`), or -1.
static REPORT_FD: AtomicI32 = AtomicI32::new(-1);
static TRIPPED: AtomicBool = AtomicBool::new(false);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() > HARD_LIMIT {
            oversized(layout.size());
        }
        // SAFETY: the caller's contract is passed on unchanged to the system allocator.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.size() > HARD_LIMIT {
            oversized(layout.size());
        }
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout` (every path above).
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > HARD_LIMIT {
            oversized(new_size);
        }
        // SAFETY: as for `alloc`; `ptr` came from `System` with `layout`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

/// Writes the current input to the report file without allocating, says so, and stops.
fn oversized(size: usize) -> ! {
    use std::io::Write;
    use std::os::fd::FromRawFd;
    if !TRIPPED.swap(true, Ordering::SeqCst) {
        let fd = REPORT_FD.load(Ordering::SeqCst);
        let ptr = INPUT_PTR.load(Ordering::SeqCst);
        let len = INPUT_LEN.load(Ordering::SeqCst);
        if fd >= 0 && !ptr.is_null() {
            // SAFETY: the engine keeps the input alive and unchanged while it runs, and the
            // descriptor open; the File is never dropped, so the descriptor is not closed.
            let file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
            let input = unsafe { std::slice::from_raw_parts(ptr, len) };
            let _ = (&*file).write_all(input);
        }
        let mut err = std::io::stderr().lock();
        let _ = writeln!(
            err,
            "\nFAIL: an input asked for one allocation of {size} bytes (over {HARD_LIMIT}); \
             the input is in the target's oversize-input.bin"
        );
    }
    std::process::abort()
}

/// Bytes allocated and not yet freed.
pub fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// Starts measuring an input: the peak restarts from what is live now.
pub fn mark(input: &[u8]) -> usize {
    INPUT_PTR.store(input.as_ptr().cast_mut(), Ordering::SeqCst);
    INPUT_LEN.store(input.len(), Ordering::SeqCst);
    let live = live();
    PEAK.store(live, Ordering::Relaxed);
    live
}

/// The most bytes live at once since [`mark`] returned `base`, above `base`.
pub fn peak_since(base: usize) -> usize {
    PEAK.load(Ordering::Relaxed).saturating_sub(base)
}

/// Where an oversized request's input is written (`-1`: nowhere).
pub fn set_report_fd(fd: i32) {
    REPORT_FD.store(fd, Ordering::SeqCst);
}
