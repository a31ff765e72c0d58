//! The thread pool of the parallel calls, safe across `fork()`.
//!
//! rayon's global pool is made of threads, and a forked child has only the
//! thread that called `fork()`: a child whose parent had used the pool would
//! hand its work to threads that do not exist and wait for ever (HF tokenizers
//! users meet this with `multiprocessing`, `datasets.map(num_proc=...)` and
//! PyTorch `DataLoader` workers). A `pthread_atfork` handler marks the child,
//! and from then on the child's parallel calls run on a pool of its own, made
//! on first use (and made again in a grandchild). The parent keeps using the
//! global pool, at the cost of one atomic load per call.
//!
//! Every binding that may reach rayon releases the GIL through [`detach`]
//! instead of `Python::detach`.

use std::ptr::null_mut;
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};
use std::sync::Once;

use pyo3::exceptions::PyRuntimeWarning;
use pyo3::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

/// Set in a forked child: rayon's global pool is unusable there.
static FORKED: AtomicBool = AtomicBool::new(false);

/// The pool of this (forked) process, or null before its first parallel call.
/// Never freed: a pool's threads may outlive any reference to it, and in a
/// child the parent's pool must not be dropped (its threads are gone).
static POOL: AtomicPtr<ThreadPool> = AtomicPtr::new(null_mut());

#[cfg(unix)]
extern "C" {
    fn pthread_atfork(
        prepare: Option<unsafe extern "C" fn()>,
        parent: Option<unsafe extern "C" fn()>,
        child: Option<unsafe extern "C" fn()>,
    ) -> std::os::raw::c_int;
}

/// Runs in the child right after `fork()`: only atomic stores, which are
/// async-signal-safe (the child of a threaded process may do nothing else).
#[cfg(unix)]
unsafe extern "C" fn in_child() {
    FORKED.store(true, Ordering::SeqCst);
    // The pool of the parent (a parent that was itself a child) has no
    // threads here: forget it, without dropping it.
    POOL.store(null_mut(), Ordering::SeqCst);
}

/// Install the fork handler (once per process; the module init calls it).
pub fn register() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        #[cfg(unix)]
        // SAFETY: `in_child` only stores to atomics.
        unsafe {
            pthread_atfork(None, None, Some(in_child));
        }
    });
}

/// True in a process forked from one that loaded this module.
pub fn forked() -> bool {
    FORKED.load(Ordering::Acquire)
}

/// Run `f` without the GIL, its parallel work on the pool this process can
/// use: rayon's global pool, or in a forked child the child's own pool.
pub fn detach<R, F>(py: Python<'_>, f: F) -> PyResult<R>
where
    R: Send,
    F: FnOnce() -> R + Send,
{
    if !forked() {
        return Ok(py.detach(f));
    }
    let pool = child_pool(py)?;
    Ok(py.detach(|| pool.install(f)))
}

/// The forked child's pool, made on first use with as many threads as the
/// global pool would have (`RAYON_NUM_THREADS`, else one per core). If the
/// system refuses the threads, one thread and a warning; if it refuses even
/// that, `RuntimeError`.
fn child_pool(py: Python<'_>) -> PyResult<&'static ThreadPool> {
    let p = POOL.load(Ordering::Acquire);
    if !p.is_null() {
        // SAFETY: pools in POOL are leaked boxes, never freed.
        return Ok(unsafe { &*p });
    }
    let named = |i: usize| format!("asimtext-{i}");
    let pool = match ThreadPoolBuilder::new().thread_name(named).build() {
        Ok(pool) => pool,
        Err(e) => {
            let pool = ThreadPoolBuilder::new()
                .num_threads(1)
                .thread_name(named)
                .build()
                .map_err(|e1| {
                    crate::errors::compute_error(format!(
                        "asimtext: cannot start a thread in this forked process: {e1}"
                    ))
                })?;
            PyErr::warn(
                py,
                &py.get_type::<PyRuntimeWarning>(),
                &std::ffi::CString::new(format!(
                    "asimtext: this forked process could not start its thread pool ({e}); \
                     parallel calls run on one thread"
                ))
                .unwrap_or_default(),
                1,
            )?;
            pool
        }
    };
    let new = Box::into_raw(Box::new(pool));
    match POOL.compare_exchange(null_mut(), new, Ordering::AcqRel, Ordering::Acquire) {
        // SAFETY: leaked on purpose (see POOL).
        Ok(_) => Ok(unsafe { &*new }),
        Err(winner) => {
            // SAFETY: `new` was never shared; `winner` is a leaked box.
            drop(unsafe { Box::from_raw(new) });
            Ok(unsafe { &*winner })
        }
    }
}

/// The allocator of the extension's Rust code: mimalloc for blocks below
/// 1 MiB, the system's allocator for larger ones. The parallel calls allocate
/// and free many small buffers on several threads at once (a tenth of the
/// time of `asimtext spans` went to glibc's malloc and free; mimalloc takes
/// a third of that), while the large vectors of an index that grows (the
/// near-duplicate index of a million articles) are better left to glibc,
/// which grows them in place (`mremap`) where mimalloc copies them into new
/// pages (twice the system time on 1,000,000 articles).
#[global_allocator]
static ALLOCATOR: SplitAlloc = SplitAlloc;

struct SplitAlloc;

/// Blocks of at least this many bytes go to the system's allocator. A block
/// is freed by the allocator that its size (the same at free) names.
const LARGE: usize = 1 << 20;

// SAFETY: every block is freed or resized by the allocator that made it:
// the size of a block's layout decides, and a block that crosses `LARGE`
// when resized is moved from one allocator to the other.
unsafe impl std::alloc::GlobalAlloc for SplitAlloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.size() >= LARGE {
            std::alloc::System.alloc(layout)
        } else {
            mimalloc::MiMalloc.alloc(layout)
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.size() >= LARGE {
            std::alloc::System.alloc_zeroed(layout)
        } else {
            mimalloc::MiMalloc.alloc_zeroed(layout)
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        if layout.size() >= LARGE {
            std::alloc::System.dealloc(ptr, layout)
        } else {
            mimalloc::MiMalloc.dealloc(ptr, layout)
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        match (layout.size() >= LARGE, new_size >= LARGE) {
            (true, true) => std::alloc::System.realloc(ptr, layout, new_size),
            (false, false) => mimalloc::MiMalloc.realloc(ptr, layout, new_size),
            _ => {
                // SAFETY: the caller's promise: `new_size` with this alignment is a valid layout.
                let new_layout =
                    std::alloc::Layout::from_size_align_unchecked(new_size, layout.align());
                let new = self.alloc(new_layout);
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                new
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn blocks_keep_their_bytes_across_the_two_allocators() {
        // Grown from small (mimalloc) past LARGE (the system's), shrunk back.
        let mut v: Vec<u32> = Vec::with_capacity(3);
        for i in 0..700_000u32 {
            v.push(i.wrapping_mul(2654435761));
        }
        assert!(v.capacity() * 4 >= super::LARGE);
        v.truncate(1000);
        v.shrink_to_fit();
        assert!(v.capacity() * 4 < super::LARGE);
        assert!((0..1000u32).all(|i| v[i as usize] == i.wrapping_mul(2654435761)));
        let z = vec![0u8; 2 * super::LARGE];
        assert!(z.iter().all(|&b| b == 0));
    }
}
