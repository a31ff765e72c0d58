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

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
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
