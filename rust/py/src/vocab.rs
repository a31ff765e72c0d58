//! Bindings of `asimtext_core::vocab` (the digest's word keys).

use asimtext_core::vocab as core;
use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::pystr::read_texts;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_vocabulary, m)?)?;
    Ok(())
}

/// The article x key counts of ``texts`` for the digest (its ``Vocabulary``):
/// ``(n_keys, rows, cols, counts, bridge_mask, bridge_keys, token_counts)``,
/// the arrays as numpy arrays (int64, int64, float64, bool, -, float64).
/// Exactly the arrays of the pure-Python ``Vocabulary``; texts are read on all
/// cores with the GIL released.
#[pyfunction]
fn _vocabulary<'py>(py: Python<'py>, texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let texts = read_texts(texts, "texts")?;
    let v = crate::pool::detach(py, || core::vocabulary(&texts))?;
    vocab_tuple(py, v)
}

/// A vocabulary as the tuple `keys.Vocabulary` reads (the same for texts and for
/// prepared batches' words).
pub(crate) fn vocab_tuple(py: Python<'_>, v: core::Vocab) -> PyResult<Bound<'_, PyTuple>> {
    (
        v.n_keys,
        PyArray1::from_vec(py, v.rows),
        PyArray1::from_vec(py, v.cols),
        PyArray1::from_vec(py, v.counts),
        PyArray1::from_vec(py, v.bridge_mask),
        v.bridge_keys,
        PyArray1::from_vec(py, v.token_counts),
    )
        .into_pyobject(py)
}
