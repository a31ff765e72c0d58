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
    StrView::new(s)?
        .to_string(on_surrogate)
        .map_err(|at| at.to_err(what))
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
    match StrView::new(s) {
        Ok(StrView::Ucs2(units)) => Some(units),
        _ => None,
    }
}

/// A Python `str`'s text borrowed in the form CPython stores it (PEP 393),
/// so that it can be read without the GIL and converted to UTF-8 by the
/// worker that needs it: no conversion under the GIL, and no UTF-8 copy
/// cached on the string object (which would double the memory of the input).
#[derive(Clone, Copy, Debug)]
pub enum StrView<'a> {
    Ucs1(&'a [u8]),
    Ucs2(&'a [u16]),
    Ucs4(&'a [u32]),
}

/// A lone surrogate at this code point index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SurrogateAt(pub usize);

impl SurrogateAt {
    /// The `ValueError` that text_arg raises for the same input.
    pub fn to_err(self, what: &str) -> PyErr {
        PyValueError::new_err(format!(
            "{what} contains a lone surrogate at index {} (pass errors='replace' to replace it with U+FFFD)",
            self.0
        ))
    }
}

impl<'a> StrView<'a> {
    pub fn new(s: &'a Bound<'_, PyString>) -> PyResult<Self> {
        // SAFETY: the data stays valid and unchanged while `s` is alive
        // (strings are immutable), which the borrow guarantees.
        Ok(match unsafe { s.data() }? {
            pyo3::types::string::PyStringData::Ucs1(b) => StrView::Ucs1(b),
            pyo3::types::string::PyStringData::Ucs2(u) => StrView::Ucs2(u),
            pyo3::types::string::PyStringData::Ucs4(u) => StrView::Ucs4(u),
        })
    }

    /// The text as UTF-8: borrowed when it is ASCII, else converted into
    /// `buf` (reused across calls). A lone surrogate is an error (`Strict`)
    /// or one U+FFFD (`Replace`, so that code point offsets stay valid).
    pub fn to_utf8<'b>(
        self,
        buf: &'b mut String,
        on_surrogate: OnSurrogate,
    ) -> Result<&'b str, SurrogateAt>
    where
        'a: 'b,
    {
        buf.clear();
        match self {
            StrView::Ucs1(b) if b.is_ascii() => {
                // SAFETY: ASCII is UTF-8.
                return Ok(unsafe { std::str::from_utf8_unchecked(b) });
            }
            StrView::Ucs1(b) => {
                buf.reserve(b.len() * 2);
                buf.extend(b.iter().map(|&x| x as char));
            }
            StrView::Ucs2(u) => {
                buf.reserve(u.len() * 3);
                push_code_points(u.iter().map(|&x| x as u32), buf, on_surrogate)?;
            }
            StrView::Ucs4(u) => {
                buf.reserve(u.len() * 4);
                push_code_points(u.iter().copied(), buf, on_surrogate)?;
            }
        }
        Ok(buf.as_str())
    }

    /// The text as a new UTF-8 `String` (see [`StrView::to_utf8`]).
    pub fn to_string(self, on_surrogate: OnSurrogate) -> Result<String, SurrogateAt> {
        if let StrView::Ucs1(b) = self {
            if b.is_ascii() {
                // SAFETY: ASCII is UTF-8.
                return Ok(unsafe { std::str::from_utf8_unchecked(b) }.to_string());
            }
        }
        let mut buf = String::new();
        self.to_utf8(&mut buf, on_surrogate)?;
        Ok(buf)
    }
}

fn push_code_points(
    cps: impl Iterator<Item = u32>,
    buf: &mut String,
    on_surrogate: OnSurrogate,
) -> Result<(), SurrogateAt> {
    for (i, cp) in cps.enumerate() {
        match char::from_u32(cp) {
            Some(c) => buf.push(c),
            None if on_surrogate == OnSurrogate::Replace => buf.push('\u{FFFD}'),
            None => return Err(SurrogateAt(i)),
        }
    }
    Ok(())
}
