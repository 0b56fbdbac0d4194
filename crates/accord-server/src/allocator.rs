//! How the binaries' allocator (mimalloc) treats memory it no longer uses.
//!
//! By default mimalloc (version 3) gives freed memory back to the
//! operating system a second after it is freed, and a later allocation
//! faults it back in.
//! On the virtual machines Accord is measured on, that round trip stalled
//! the store's writer threads for 5 to 30 ms at a time, several times a
//! second under load (BENCHMARKS.md, the store on PostgreSQL). A server
//! reuses what it frees within moments, so Accord's binaries keep freed
//! memory for reuse instead: the process's resident memory stays at its
//! peak, which the server's limits bound (request and document sizes, the
//! PDF jobs at once).

use libmimalloc_sys::{mi_option_get, mi_option_set, mi_option_t};

/// mimalloc's `mi_option_purge_delay` (`mimalloc.h`, option 15: the delay
/// in milliseconds before freed memory is returned to the system, -1 for
/// never). The Rust bindings do not name it.
const PURGE_DELAY: mi_option_t = 15;

/// Keeps freed memory for reuse, never returning it to the system. Call at
/// the start of `main`, before the threads start.
pub fn keep_freed_memory() {
    // SAFETY: setting an option is a plain store in mimalloc's option
    // table; PURGE_DELAY is one of its options.
    unsafe { mi_option_set(PURGE_DELAY, -1) }
}

/// The purge delay mimalloc uses now, in milliseconds (-1: never).
pub fn purge_delay() -> std::os::raw::c_long {
    // SAFETY: reading an option is a plain load from mimalloc's option table.
    unsafe { mi_option_get(PURGE_DELAY) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_option_is_the_purge_delay_and_is_set_to_never() {
        // mimalloc 3 sets the purge delay to 1,000 ms (`options.c`): option
        // 15 is it.
        assert_eq!(super::purge_delay(), 1000);
        super::keep_freed_memory();
        assert_eq!(super::purge_delay(), -1);
    }
}
