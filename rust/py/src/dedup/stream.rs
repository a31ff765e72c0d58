//! Bindings of `asimtext_core::dedup::stream`: `StreamDedup`, the bounded-memory
//! near-duplicate index behind `asimtext dedup` (see `asimtext/dumps.py`).

use asimtext_core::dedup::stream::StreamDedup;
use asimtext_core::dedup::Unit;
use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};

use crate::convert::{int_arg, type_name};
use crate::errors::to_py;
use crate::pystr::read_texts;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyStreamDedup>()?;
    Ok(())
}

type PairArrays<'py> = (
    Bound<'py, PyArray1<u32>>,
    Bound<'py, PyArray1<u32>>,
    Bound<'py, PyArray1<f64>>,
    usize,
);

/// Streaming near-duplicate index. See `asimtext.dumps.StreamDedup`.
#[pyclass(name = "StreamDedup", module = "asimtext")]
pub struct PyStreamDedup {
    inner: StreamDedup,
}

#[pymethods]
impl PyStreamDedup {
    #[new]
    #[pyo3(signature = (threshold=None, num_perm=None, ngram=None, unit="word", seed=None, params=None))]
    fn py_new(
        threshold: Option<&Bound<'_, PyAny>>,
        num_perm: Option<&Bound<'_, PyAny>>,
        ngram: Option<&Bound<'_, PyAny>>,
        unit: &str,
        seed: Option<&Bound<'_, PyAny>>,
        params: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let threshold = match threshold {
            None => 0.8,
            Some(t) if t.is_instance_of::<PyString>() => {
                return Err(crate::errors::type_error(
                    "threshold must be a number, not str",
                ))
            }
            Some(t) => t.extract::<f64>().map_err(|_| {
                crate::errors::type_error(format!(
                    "threshold must be a number, not {}",
                    type_name(t)
                ))
            })?,
        };
        let num_perm = match num_perm {
            Some(o) => int_arg(o, "num_perm", 2, 2048)? as usize,
            None => 128,
        };
        let ngram = match ngram {
            Some(o) => int_arg(o, "ngram", 1, 64)? as usize,
            None => 5,
        };
        let seed = match seed {
            Some(o) => int_arg(o, "seed", 0, u64::MAX as i128)? as u64,
            None => 1,
        };
        let unit = match unit {
            "word" => Unit::Word,
            "char" => Unit::Char,
            other => {
                return Err(crate::errors::value_error(format!(
                    "unit must be 'word' or 'char', not {other:?}"
                )))
            }
        };
        let params = match params {
            None => None,
            Some(p) if p.is_none() => None,
            Some(p) => {
                let (b, r): (Bound<'_, PyAny>, Bound<'_, PyAny>) = p.extract().map_err(|_| {
                    crate::errors::type_error("params must be a (bands, rows) tuple of int")
                })?;
                Some((
                    int_arg(&b, "params[0] (bands)", 1, num_perm as i128)? as usize,
                    int_arg(&r, "params[1] (rows)", 1, num_perm as i128)? as usize,
                ))
            }
        };
        let inner =
            StreamDedup::new(threshold, num_perm, ngram, unit, seed, params).map_err(to_py)?;
        Ok(PyStreamDedup { inner })
    }

    #[getter]
    fn threshold(&self) -> f64 {
        self.inner.threshold
    }
    #[getter]
    fn num_perm(&self) -> usize {
        self.inner.num_perm()
    }
    #[getter]
    fn ngram(&self) -> usize {
        self.inner.ngram()
    }
    #[getter]
    fn unit(&self) -> &'static str {
        self.inner.unit().name()
    }
    #[getter]
    fn seed(&self) -> u64 {
        self.inner.seed()
    }
    /// `(bands, rows)`.
    #[getter]
    fn params(&self) -> (usize, usize) {
        (self.inner.bands, self.inner.rows)
    }
    /// Documents that had no shingle (never anybody's duplicate).
    #[getter]
    fn empty_docs(&self) -> usize {
        self.inner.empty_docs()
    }

    /// Add a chunk of texts (in parallel, GIL released); returns the index of the first.
    fn add(&mut self, py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<u32> {
        // Read in place: each worker converts the text it hashes (no UTF-8
        // copy of the chunk made with the GIL held).
        let texts = read_texts(texts, "texts")?;
        let inner = &mut self.inner;
        let texts = &texts;
        crate::pool::detach(py, || inner.add_source(texts))?.map_err(to_py)
    }

    /// Verified pairs as arrays `(i, j, jaccard)` (i < j, sorted) and the candidate count.
    fn pairs<'py>(&mut self, py: Python<'py>) -> PyResult<PairArrays<'py>> {
        let inner = &mut self.inner;
        let r = crate::pool::detach(py, || inner.pairs())?;
        let (mut a, mut b, mut j) = (
            Vec::with_capacity(r.pairs.len()),
            Vec::with_capacity(r.pairs.len()),
            Vec::with_capacity(r.pairs.len()),
        );
        for (x, y, s) in r.pairs {
            a.push(x);
            b.push(y);
            j.push(s);
        }
        Ok((
            PyArray1::from_vec(py, a),
            PyArray1::from_vec(py, b),
            PyArray1::from_vec(py, j),
            r.candidates,
        ))
    }

    /// Exact Jaccard similarity of the stored shingle sets of documents `i`
    /// and `j` (0 when either is empty), as `pairs` computes it.
    fn jaccard(&self, i: u32, j: u32) -> PyResult<f64> {
        let n = self.inner.len();
        for (name, d) in [("i", i), ("j", j)] {
            if d as usize >= n {
                return Err(crate::errors::out_of_range(format!(
                    "{name} = {d} is not a document of the index ({n} documents)"
                )));
            }
        }
        Ok(asimtext_core::dedup::verify::jaccard(
            self.inner.set(i),
            self.inner.set(j),
        ))
    }

    /// A cluster label per document (components numbered by first document).
    fn labels<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyArray1<u32>>> {
        let inner = &mut self.inner;
        let v = crate::pool::detach(py, || inner.labels())?;
        Ok(PyArray1::from_vec(py, v))
    }

    /// The index as bytes (magic, options, sets, band entries, CRC-32).
    #[allow(clippy::wrong_self_convention)] // sorts pending band entries first
    fn to_bytes<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let inner = &mut self.inner;
        // (sorting the pending band entries is parallel)
        let b = crate::pool::detach(py, || inner.to_bytes())?;
        Ok(PyBytes::new(py, &b))
    }

    /// Rebuild an index from `to_bytes()` output; CorruptFileError if damaged.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        let inner = py.detach(|| StreamDedup::from_bytes(data)).map_err(to_py)?;
        Ok(PyStreamDedup { inner })
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let bytes = slf.borrow_mut().to_bytes(py)?;
        let f = py.get_type::<PyStreamDedup>().getattr("from_bytes")?;
        Ok((f, PyTuple::new(py, [bytes])?))
    }

    /// Approximate heap bytes held by the index.
    fn memory_usage(&self) -> usize {
        self.inner.memory_bytes()
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "StreamDedup(threshold={}, num_perm={}, ngram={}, unit='{}', params=({}, {}), len={})",
            self.inner.threshold,
            self.inner.num_perm(),
            self.inner.ngram(),
            self.inner.unit().name(),
            self.inner.bands,
            self.inner.rows,
            self.inner.len()
        )
    }
}
