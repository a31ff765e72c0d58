//! Batch calls as pipelines on rayon's threads.
//!
//! A batch call has work that needs the GIL (reading Python objects, making
//! result objects: one thread at a time) and work that does not (the Rust
//! core, on all cores). Done one after the other, chunk by chunk, the GIL
//! work leaves the other cores idle; `normalize_batch` lost a fifth of its
//! time that way. Here each step is a `rayon::join` of the GIL work of the
//! neighbouring chunks (finishing the previous one, reading the next) with
//! the work of the current chunk, and the thread that does the GIL work
//! helps with the chunk when it is done. That keeps exactly as many threads
//! busy as rayon has: a separate thread for the GIL work, beside rayon's,
//! was measured slower (it competes with them).
//!
//! Deadlock freedom: the GIL is taken on a rayon thread, which is safe as
//! long as no thread holds the GIL while it waits for rayon's pool. No
//! binding of this crate does (each releases the GIL before it uses the
//! pool), and the GIL work of a pipeline must run no user code: callers read
//! only lists and tuples there, never an arbitrary iterator.

use pyo3::prelude::*;

/// The four parts of a pipelined batch call.
pub struct Pipeline<Read, Work, Emit, Finish> {
    /// With the GIL: the next chunk of input, or `None` at the end.
    pub read: Read,
    /// Without the GIL, on all cores: the work of one chunk.
    pub work: Work,
    /// With the GIL, in order: a chunk's results into Python objects. What
    /// it leaves in its last argument (also when it fails) is passed to
    /// `finish` in the next step.
    pub emit: Emit,
    /// Without the GIL: the work `emit` left (such as writing the code
    /// points of new strings).
    pub finish: Finish,
}

impl<Read, Work, Emit, Finish> Pipeline<Read, Work, Emit, Finish> {
    /// Run every step on rayon's threads; the calling thread waits without
    /// the GIL. Every chunk read is emitted, in order, unless an error stops
    /// the call; either way every job is over (and every chunk dropped with
    /// the GIL held) when this returns.
    pub fn run<C, D, F>(mut self, py: Python<'_>) -> PyResult<()>
    where
        C: Send,
        D: Send,
        F: Send + Default,
        Read: FnMut(Python<'_>) -> PyResult<Option<C>> + Send,
        Work: Fn(&mut C) -> D + Send + Sync,
        Emit: FnMut(Python<'_>, C, D, &mut F) -> PyResult<()> + Send,
        Finish: Fn(F) + Send + Sync,
    {
        let Pipeline {
            read,
            work,
            emit,
            finish,
        } = &mut self;
        crate::pool::detach(py, || rayon::scope(|_| steps(read, work, emit, finish)))?
    }
}

/// The loop of [`Pipeline::run`], on a rayon thread.
fn steps<C, D, F>(
    read: &mut (impl FnMut(Python<'_>) -> PyResult<Option<C>> + Send),
    work: &(impl Fn(&mut C) -> D + Sync),
    emit: &mut (impl FnMut(Python<'_>, C, D, &mut F) -> PyResult<()> + Send),
    finish: &(impl Fn(F) + Sync),
) -> PyResult<()>
where
    C: Send,
    D: Send,
    F: Send + Default,
{
    let mut current = Python::attach(&mut *read)?;
    let mut previous: Option<(C, D)> = None;
    let mut left = F::default();
    while current.is_some() || previous.is_some() {
        let to_finish = std::mem::take(&mut left);
        let (gil_work, done) = rayon::join(
            || {
                let mut new = F::default();
                let next = Python::attach(|py| -> PyResult<Option<C>> {
                    if let Some((chunk, done)) = previous.take() {
                        emit(py, chunk, done, &mut new)?;
                    }
                    read(py)
                });
                (next, new)
            },
            || {
                let done = current.as_mut().map(&*work);
                finish(to_finish);
                done
            },
        );
        let (next, new) = gil_work;
        left = new;
        match next {
            Ok(next) => {
                previous = current.zip(done);
                current = next;
            }
            Err(e) => {
                finish(left);
                Python::attach(|_| drop((current, done)));
                return Err(e);
            }
        }
    }
    finish(left);
    Ok(())
}
