//! Bindings of `asimtext_core::pairs` (the story grouping's candidate pairs).

use asimtext_core::pairs as core;
use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::errors::to_py;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PairIndex>()?;
    Ok(())
}

/// The weighted article x key entries of a corpus, indexed for the story
/// grouping's candidate pairs (``asimtext.digest.stories.score_pairs``).
/// Pure twin: ``asimtext.pure.pairs.PairIndex``, the same arrays bit for bit.
///
/// ``PairIndex(n, rows, cols, w, mode, idf, bridge, bridge_word, order, norm,
/// bnorm, neighbors)``: entries (int32 article and key, float64 weight); per
/// key the pairing mode (uint8: 0 none, 1 every two holders, 2 time
/// neighbours), IDF, bridge and bridge-word masks (bool); per article the
/// neighbour order, the norms (float64).
#[pyclass(frozen, module = "asimtext._core")]
pub struct PairIndex {
    index: core::PairIndex,
}

#[pymethods]
impl PairIndex {
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        n: usize,
        rows: PyReadonlyArray1<'_, i32>,
        cols: PyReadonlyArray1<'_, i32>,
        w: PyReadonlyArray1<'_, f64>,
        mode: PyReadonlyArray1<'_, u8>,
        idf: PyReadonlyArray1<'_, f64>,
        bridge: PyReadonlyArray1<'_, bool>,
        bridge_word: PyReadonlyArray1<'_, bool>,
        order: PyReadonlyArray1<'_, f64>,
        norm: PyReadonlyArray1<'_, f64>,
        bnorm: PyReadonlyArray1<'_, f64>,
        neighbors: usize,
    ) -> PyResult<PairIndex> {
        let inp = core::PairInput {
            n,
            rows: rows.as_slice()?,
            cols: cols.as_slice()?,
            w: w.as_slice()?,
            mode: mode.as_slice()?,
            idf: idf.as_slice()?,
            bridge: bridge.as_slice()?,
            bridge_word: bridge_word.as_slice()?,
            order: order.as_slice()?,
            norm: norm.as_slice()?,
            bnorm: bnorm.as_slice()?,
            neighbors,
        };
        // (the arrays are read-only borrows of numpy's memory, kept alive by
        // the caller for the call: safe to read without the GIL)
        let index = crate::pool::detach(py, || core::PairIndex::new(&inp))?.map_err(to_py)?;
        Ok(PairIndex { index })
    }

    /// The number of candidate pair entries of each first article (float64).
    fn per_row<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray1<f64>>> {
        let c = crate::pool::detach(py, || self.index.per_row())?;
        Ok(PyArray1::from_vec(
            py,
            c.into_iter().map(|x| x as f64).collect(),
        ))
    }

    /// ``(i, j, cos, bridge_cos, bridge_shared, bridge_evidence,
    /// strong_evidence)`` of the pairs whose first article is in
    /// ``[lo, hi)``, sorted by ``(i, j)``; summed on all cores.
    fn block<'py>(&self, py: Python<'py>, lo: usize, hi: usize) -> PyResult<Bound<'py, PyTuple>> {
        let b = crate::pool::detach(py, || self.index.block(lo, hi))?;
        (
            PyArray1::from_vec(py, b.i),
            PyArray1::from_vec(py, b.j),
            PyArray1::from_vec(py, b.cos),
            PyArray1::from_vec(py, b.bridge_cos),
            PyArray1::from_vec(py, b.bridge_shared),
            PyArray1::from_vec(py, b.bridge_evidence),
            PyArray1::from_vec(py, b.strong_evidence),
        )
            .into_pyobject(py)
    }
}
