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

/// A new `str` from UCS-2 code units, in the smallest PEP 393 kind that holds
/// them (CPython requires the canonical kind: equal strings of different
/// kinds would compare unequal).
pub fn str_from_ucs2<'py>(py: Python<'py>, units: &[u16]) -> PyResult<Bound<'py, PyString>> {
    let or = units.iter().fold(0u16, |a, &u| a | u);
    let maxchar: u32 = if or < 0x80 {
        0x7F
    } else if or < 0x100 {
        0xFF
    } else {
        0xFFFF
    };
    let len = pyo3::ffi::Py_ssize_t::try_from(units.len())
        .map_err(|_| pyo3::exceptions::PyOverflowError::new_err("string too long"))?;
    // SAFETY: PyUnicode_New returns a new string of `len` code points of the
    // kind `maxchar` asks for (1 byte per code point up to 0xFF, else 2), or
    // NULL with an exception set; we fill every code point before anyone sees it.
    unsafe {
        let p = pyo3::ffi::PyUnicode_New(len, maxchar);
        if p.is_null() {
            return Err(PyErr::fetch(py));
        }
        let data = pyo3::ffi::PyUnicode_DATA(p);
        if maxchar == 0xFFFF {
            std::ptr::copy_nonoverlapping(units.as_ptr(), data as *mut u16, units.len());
        } else {
            let dst = std::slice::from_raw_parts_mut(data as *mut u8, units.len());
            for (d, &u) in dst.iter_mut().zip(units) {
                *d = u as u8;
            }
        }
        Ok(Bound::from_owned_ptr(py, p).cast_into_unchecked())
    }
}

/// The UCS-2 code units of `s` when CPython stores it in that form (every
/// Hindi string), borrowed without a copy; `None` for the 1- and 4-byte forms.
pub fn ucs2_units<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a [u16]> {
    // SAFETY: the data stays valid and unchanged while `s` is alive (Python
    // strings are immutable), which the returned borrow guarantees.
    match unsafe { s.data() } {
        Ok(pyo3::types::string::PyStringData::Ucs2(units)) => Some(units),
        _ => None,
    }
}
