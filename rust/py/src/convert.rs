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
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        fast::utf8_of(s, what, on_surrogate)
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
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

/// A Python `str` made from Rust text: straight into CPython's buffer of the
/// right width where the API allows it (faster than CPython's UTF-8 decoder).
pub fn py_str<'py>(py: Python<'py>, text: &str) -> Bound<'py, PyString> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        if let Some(s) = fast::str_from_utf8(py, text) {
            return s;
        }
    }
    PyString::new(py, text)
}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
mod fast {
    //! Direct access to CPython's compact string buffers (PEP 393): one pass
    //! each way, and the index of a lone surrogate for free.

    use super::OnSurrogate;
    use pyo3::exceptions::PyValueError;
    use pyo3::ffi;
    use pyo3::prelude::*;
    use pyo3::types::PyString;

    /// Write `c` as UTF-8 at `out[n..]`; the caller reserved 4 bytes.
    #[inline(always)]
    unsafe fn put(out: *mut u8, n: &mut usize, c: u32) {
        let p = out.add(*n);
        if c < 0x80 {
            *p = c as u8;
            *n += 1;
        } else if c < 0x800 {
            *p = 0xC0 | (c >> 6) as u8;
            *p.add(1) = 0x80 | (c & 0x3F) as u8;
            *n += 2;
        } else if c < 0x10000 {
            *p = 0xE0 | (c >> 12) as u8;
            *p.add(1) = 0x80 | ((c >> 6) & 0x3F) as u8;
            *p.add(2) = 0x80 | (c & 0x3F) as u8;
            *n += 3;
        } else {
            *p = 0xF0 | (c >> 18) as u8;
            *p.add(1) = 0x80 | ((c >> 12) & 0x3F) as u8;
            *p.add(2) = 0x80 | ((c >> 6) & 0x3F) as u8;
            *p.add(3) = 0x80 | (c & 0x3F) as u8;
            *n += 4;
        }
    }

    fn encode<T: Copy + Into<u32>>(
        units: &[T],
        width: usize,
        what: &str,
        on: OnSurrogate,
    ) -> PyResult<String> {
        let mut out: Vec<u8> = Vec::with_capacity(units.len() * width + 4);
        let base = out.as_mut_ptr();
        let mut n = 0usize;
        for (i, &u) in units.iter().enumerate() {
            let mut c: u32 = u.into();
            if (0xD800..0xE000).contains(&c) {
                if on == OnSurrogate::Strict {
                    return Err(PyValueError::new_err(format!(
                        "{what} contains a lone surrogate at index {i} (pass errors='replace' to replace it with U+FFFD)"
                    )));
                }
                c = 0xFFFD;
            }
            // SAFETY: capacity is units.len() * width (+4), and a code point of a
            // string of this width takes at most `width` bytes in UTF-8 (U+FFFD: 3).
            unsafe { put(base, &mut n, c) };
        }
        // SAFETY: n bytes were written above, all valid UTF-8 (no surrogates).
        unsafe {
            out.set_len(n);
            Ok(String::from_utf8_unchecked(out))
        }
    }

    pub fn utf8_of(s: &Bound<'_, PyString>, what: &str, on: OnSurrogate) -> PyResult<String> {
        let p = s.as_ptr();
        // SAFETY: `p` is a live str; READY makes its compact buffer valid (a no-op
        // from 3.12 on); KIND and DATA describe that buffer of GET_LENGTH units.
        unsafe {
            if ffi::PyUnicode_READY(p) != 0 {
                return Err(PyErr::fetch(s.py()));
            }
            let len = ffi::PyUnicode_GET_LENGTH(p) as usize;
            let data = ffi::PyUnicode_DATA(p);
            match ffi::PyUnicode_KIND(p) {
                ffi::PyUnicode_1BYTE_KIND => {
                    let b = std::slice::from_raw_parts(data as *const u8, len);
                    if ffi::PyUnicode_IS_ASCII(p) != 0 {
                        return Ok(String::from_utf8_unchecked(b.to_vec()));
                    }
                    encode(b, 2, what, on)
                }
                ffi::PyUnicode_2BYTE_KIND => encode(
                    std::slice::from_raw_parts(data as *const u16, len),
                    3,
                    what,
                    on,
                ),
                _ => encode(
                    std::slice::from_raw_parts(data as *const u32, len),
                    4,
                    what,
                    on,
                ),
            }
        }
    }

    pub fn str_from_utf8<'py>(py: Python<'py>, text: &str) -> Option<Bound<'py, PyString>> {
        let bytes = text.as_bytes();
        let max = bytes.iter().copied().max().unwrap_or(0);
        let n = if max < 0x80 {
            bytes.len()
        } else {
            bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
        };
        // The narrowest kind that holds every character (CPython relies on it).
        let maxchar: u32 = match max {
            0..=0x7F => 0x7F,
            0x80..=0xC3 => 0xFF,
            0xC4..=0xEF => 0xFFFF,
            _ => 0x10FFFF,
        };
        // SAFETY: PyUnicode_New gives a fresh string of n units of the kind for
        // maxchar; we write exactly n code points, each < the kind's limit.
        unsafe {
            let obj = ffi::PyUnicode_New(n as ffi::Py_ssize_t, maxchar);
            if obj.is_null() {
                return None;
            }
            let data = ffi::PyUnicode_DATA(obj);
            match maxchar {
                0x7F => std::ptr::copy_nonoverlapping(bytes.as_ptr(), data as *mut u8, n),
                0xFF => fill(text, data as *mut u8),
                0xFFFF => fill(text, data as *mut u16),
                _ => fill(text, data as *mut u32),
            }
            Some(Bound::from_owned_ptr(py, obj).cast_into_unchecked())
        }
    }

    unsafe fn fill<T: TryFrom<u32>>(text: &str, out: *mut T) {
        for (i, c) in text.chars().enumerate() {
            if let Ok(v) = T::try_from(c as u32) {
                out.add(i).write(v);
            }
        }
    }
}

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
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

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
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
