//! Argument conversion shared by all bindings: `str` checks with errors that
//! name the type, the argument and, in batches, the item index.

use pyo3::prelude::*;
use pyo3::types::PyString;

/// What to do with a lone surrogate in an input `str`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnSurrogate {
    /// Raise `ValueError` naming the index (the caller chose `errors="strict"`:
    /// the message says `errors="replace"` would repair it).
    Strict,
    /// Raise `ValueError` naming the index, in a function without an
    /// `errors` option (so the message offers none).
    Reject,
    /// Replace each lone surrogate by exactly one U+FFFD (so offsets stay valid).
    Replace,
}

impl OnSurrogate {
    pub fn parse(errors: &str) -> PyResult<Self> {
        match errors {
            "strict" => Ok(OnSurrogate::Strict),
            "replace" => Ok(OnSurrogate::Replace),
            other => Err(crate::errors::value_error(format!(
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
        return Err(crate::errors::type_error(format!(
            "{name} must be int, not {}",
            type_name(obj)
        )));
    }
    match obj.extract::<i128>().ok() {
        Some(v) if v >= lo && v <= hi => Ok(v),
        _ => Err(crate::errors::value_error(format!(
            "{name} must be between {lo} and {hi}, got {}",
            obj.str().map(|s| s.to_string()).unwrap_or_default()
        ))),
    }
}

/// Extract a Python `str` as Rust text. `what` names the argument in messages,
/// e.g. `"text"` or `"texts[3]"`.
pub fn text_arg(obj: &Bound<'_, PyAny>, what: &str, on_surrogate: OnSurrogate) -> PyResult<String> {
    let s = obj.cast::<PyString>().map_err(|_| {
        crate::errors::type_error(format!("{what} must be str, not {}", type_name(obj)))
    })?;
    crate::pystr::StrView::new(s)?
        .to_string(on_surrogate)
        .map_err(|at| at.to_err(what, on_surrogate == OnSurrogate::Strict))
}

/// An iterator over `obj`, which must be an iterable of `items` but not a
/// single `str` (iterable too, and the usual mistake): `TypeError` naming
/// `what` otherwise.
pub fn iter_arg<'py>(
    obj: &Bound<'py, PyAny>,
    what: &str,
    items: &str,
) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
    if obj.is_instance_of::<PyString>() {
        return Err(crate::errors::type_error(format!(
            "{what} must be an iterable of {items}, not a single str"
        )));
    }
    obj.try_iter().map_err(|_| {
        crate::errors::type_error(format!(
            "{what} must be an iterable of {items}, not {}",
            type_name(obj)
        ))
    })
}

/// Extract a sequence of `str` (any iterable), naming the failing item: `texts[i]`.
pub fn texts_arg(
    obj: &Bound<'_, PyAny>,
    what: &str,
    on_surrogate: OnSurrogate,
) -> PyResult<Vec<String>> {
    if let Some(arrow) = crate::arrow::import(obj, what)? {
        let views = crate::pystr::RawViews::of_arrow(obj.py(), &arrow, what)?;
        return Ok((0..views.len())
            .map(|i| match views.view(i) {
                crate::pystr::StrView::Utf8(s) => s.to_string(),
                _ => unreachable!("Arrow views are UTF-8"),
            })
            .collect());
    }
    let iter = iter_arg(obj, what, "str")?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        out.push(text_arg(&item, &format!("{what}[{i}]"), on_surrogate)?);
    }
    Ok(out)
}
