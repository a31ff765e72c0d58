//! Argument conversion shared by all bindings: `str` checks with errors that
//! name the type, the argument and, in batches, the item index.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

/// What to do with a lone surrogate in an input `str`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnSurrogate {
    /// Raise `ValueError` naming the index.
    Strict,
    /// Replace each lone surrogate by exactly one U+FFFD (so offsets stay valid).
    Replace,
}

impl OnSurrogate {
    pub fn parse(errors: &str) -> PyResult<Self> {
        match errors {
            "strict" => Ok(OnSurrogate::Strict),
            "replace" => Ok(OnSurrogate::Replace),
            other => Err(PyValueError::new_err(format!(
                "errors must be 'strict' or 'replace', not {other:?}"
            ))),
        }
    }
}

/// The Python type name of `obj`, for error messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// An `int` argument in `[lo, hi]`: TypeError for non-int, ValueError out of range.
pub fn int_arg(obj: &Bound<'_, PyAny>, name: &str, lo: i128, hi: i128) -> PyResult<i128> {
    if !obj.is_instance_of::<pyo3::types::PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{name} must be int, not {}",
            type_name(obj)
        )));
    }
    match obj.extract::<i128>().ok() {
        Some(v) if v >= lo && v <= hi => Ok(v),
        _ => Err(PyValueError::new_err(format!(
            "{name} must be between {lo} and {hi}, got {}",
            obj.str().map(|s| s.to_string()).unwrap_or_default()
        ))),
    }
}

/// Extract a Python `str` as Rust text. `what` names the argument in messages,
/// e.g. `"text"` or `"texts[3]"`.
pub fn text_arg(obj: &Bound<'_, PyAny>, what: &str, on_surrogate: OnSurrogate) -> PyResult<String> {
    let s = obj
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("{what} must be str, not {}", type_name(obj))))?;
    match s.to_cow() {
        Ok(cow) => Ok(cow.into_owned()),
        Err(err) => {
            let py = obj.py();
            if on_surrogate == OnSurrogate::Replace {
                return replace_surrogates(s);
            }
            // UnicodeEncodeError.start is the code point index of the offender.
            let index = err
                .value(py)
                .getattr("start")
                .and_then(|v| v.extract::<usize>())
                .ok();
            Err(match index {
                Some(i) => PyValueError::new_err(format!(
                    "{what} contains a lone surrogate at index {i} (pass errors='replace' to replace it with U+FFFD)"
                )),
                None => PyValueError::new_err(format!("{what} is not valid Unicode: {err}")),
            })
        }
    }
}

/// Re-encode with `surrogatepass` and decode, turning each encoded surrogate
/// (always exactly 3 bytes, ED A0..BF xx) into one U+FFFD.
fn replace_surrogates(s: &Bound<'_, PyString>) -> PyResult<String> {
    let bytes = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
    let bytes: Vec<u8> = bytes.extract()?;
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0xED && i + 2 < bytes.len() && (0xA0..=0xBF).contains(&bytes[i + 1]) {
            out.push('\u{FFFD}');
            i += 3;
            continue;
        }
        let len = utf8_len(bytes[i]);
        // The rest is valid UTF-8 by construction (Python produced it).
        out.push_str(std::str::from_utf8(&bytes[i..i + len]).unwrap_or("\u{FFFD}"));
        i += len;
    }
    Ok(out)
}

fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Extract a sequence of `str` (any iterable), naming the failing item: `texts[i]`.
pub fn texts_arg(
    obj: &Bound<'_, PyAny>,
    what: &str,
    on_surrogate: OnSurrogate,
) -> PyResult<Vec<String>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not a single str"
        )));
    }
    let iter = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not {}",
            type_name(obj)
        ))
    })?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        out.push(text_arg(&item, &format!("{what}[{i}]"), on_surrogate)?);
    }
    Ok(out)
}

/// Run `f` over an iterable of `str` in chunks on all cores, overlapping the
/// conversions to and from Python (which need the GIL, on this thread) with
/// the work of the previous chunk (on a worker thread, without the GIL).
/// Errors name the item (`texts[i]`). Results come back in input order.
pub fn pipelined_map<'py, T, F>(
    texts: &Bound<'py, PyAny>,
    what: &str,
    on_surrogate: OnSurrogate,
    f: F,
    mut sink: impl FnMut(T) -> PyResult<()>,
) -> PyResult<()>
where
    T: Send,
    F: Fn(&str) -> T + Sync,
{
    use rayon::prelude::*;
    use std::sync::mpsc;

    const CHUNK: usize = 512;
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not a single str"
        )));
    }
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not {}",
            type_name(texts)
        ))
    })?;
    let py = texts.py();
    std::thread::scope(|scope| -> PyResult<()> {
        // Bounded input (memory), unbounded output (the worker never blocks,
        // so an early error return cannot deadlock the scope's join).
        let (in_tx, in_rx) = mpsc::sync_channel::<Vec<String>>(1);
        let (out_tx, out_rx) = mpsc::channel::<Vec<T>>();
        // A Mutex makes the receiver shareable with the GIL-free closure below.
        let out_rx = std::sync::Mutex::new(out_rx);
        let recv = || -> PyResult<Vec<T>> {
            py.detach(|| out_rx.lock().ok().and_then(|rx| rx.recv().ok()))
                .ok_or_else(|| PyValueError::new_err("worker thread stopped"))
        };
        let f = &f;
        scope.spawn(move || {
            for chunk in in_rx {
                let done: Vec<T> = chunk.par_iter().map(|t| f(t)).collect();
                if out_tx.send(done).is_err() {
                    break;
                }
            }
        });
        let mut in_flight = 0usize;
        let mut chunk = Vec::with_capacity(CHUNK);
        let send = |chunk: Vec<String>,
                    in_flight: &mut usize,
                    sink: &mut dyn FnMut(T) -> PyResult<()>|
         -> PyResult<()> {
            // Blocks only while the worker is a chunk behind; let other threads run meanwhile.
            py.detach(|| in_tx.send(chunk))
                .map_err(|_| PyValueError::new_err("worker thread stopped"))?;
            *in_flight += 1;
            while *in_flight > 1 {
                let done = recv()?;
                *in_flight -= 1;
                for r in done {
                    sink(r)?;
                }
            }
            Ok(())
        };
        for (i, item) in iter.enumerate() {
            let item = item?;
            chunk.push(text_arg(&item, &format!("{what}[{i}]"), on_surrogate)?);
            if chunk.len() == CHUNK {
                send(
                    std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)),
                    &mut in_flight,
                    &mut sink,
                )?;
            }
        }
        if !chunk.is_empty() {
            send(chunk, &mut in_flight, &mut sink)?;
        }
        while in_flight > 0 {
            let done = recv()?;
            in_flight -= 1;
            for r in done {
                sink(r)?;
            }
        }
        Ok(())
    })
}
