//! Bindings of `asimtext_core::gazetteer` (names of places, parties, institutions).

use asimtext_core::gazetteer as core;
use pyo3::prelude::*;

use crate::convert::{text_arg, OnSurrogate};

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(gazetteer_find, m)?)?;
    m.add_function(wrap_pyfunction!(gazetteer_entries, m)?)?;
    Ok(())
}

/// `(start, end, entry id)` of the gazetteer names in a text, in text order.
///
/// `लखनऊ` and `Lucknow` are both `city:lucknow`, `भाजपा` and `BJP` both `party:bjp`.
/// Offsets are code points into `text`. The pure-Python twin is
/// `asimtext.pure.gazetteer.gazetteer_find`.
#[pyfunction]
#[pyo3(signature = (text, *, errors="strict"))]
fn gazetteer_find(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    errors: &str,
) -> PyResult<Vec<(usize, usize, &'static str)>> {
    let text = text_arg(text, "text", OnSurrogate::parse(errors)?)?;
    let found = py.detach(|| core::find(&text));
    Ok(found
        .into_iter()
        .map(|(a, b, e)| (a, b, core::ENTRIES[e].0))
        .collect())
}

/// Every entry of the gazetteer: `(id, kind, canonical name, names)`.
#[pyfunction]
fn gazetteer_entries() -> Vec<(&'static str, &'static str, &'static str, Vec<&'static str>)> {
    core::ENTRIES
        .iter()
        .map(|(i, k, c, n)| (*i, *k, *c, n.to_vec()))
        .collect()
}
