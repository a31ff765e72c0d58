//! Bindings of `asimtext_core::dedup`: `MinHasher`, `LSH`, `jaccard`,
//! `overlap`, and the raw functions behind `near_duplicates` and
//! `shared_passages` (wrapped into result classes in `asimtext/dedup.py`).

use asimtext_core::dedup::{
    self as core, cluster::NearDupOptions, lsh::Key, minhash::Scheme, Lsh, MinHasher, Scratch, Unit,
};
use numpy::{PyArray1, PyArrayMethods, PyReadonlyArray1, PyReadonlyArray2, PyUntypedArrayMethods};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyInt, PyList, PySequence, PyString, PyTuple};
use rayon::prelude::*;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard, TryLockError};

use crate::convert::{int_arg, iter_arg, text_arg, texts_arg, type_name, OnSurrogate};
use crate::errors::to_py;
use crate::pystr::{read_texts, OwnedTexts};

mod stream;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    stream::register(m)?;
    m.add_class::<PyMinHasher>()?;
    m.add_class::<PyLsh>()?;
    m.add_function(wrap_pyfunction!(jaccard, m)?)?;
    m.add_function(wrap_pyfunction!(overlap, m)?)?;
    m.add_function(wrap_pyfunction!(_near_duplicates, m)?)?;
    m.add_function(wrap_pyfunction!(_shared_passages, m)?)?;
    m.add_function(wrap_pyfunction!(_optimal_params, m)?)?;
    m.add_function(wrap_pyfunction!(_default_lsh_params, m)?)?;
    // Partitioned search (asimtext.dask).
    m.add_function(wrap_pyfunction!(_band_keys, m)?)?;
    m.add_function(wrap_pyfunction!(_verify_pairs, m)?)?;
    // Defined once, in the core; `asimtext.dedup` re-exports it and the pure
    // twin's own copy is held to it by tests/test_one_home.py.
    m.add("BUCKET_WINDOW", core::cluster::BUCKET_WINDOW)?;
    Ok(())
}

// ------------------------------------------------------------------ helpers

fn float_arg(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<f64> {
    if obj.is_instance_of::<PyString>() {
        return Err(crate::errors::type_error(format!(
            "{name} must be a number, not str"
        )));
    }
    obj.extract::<f64>().map_err(|_| {
        crate::errors::type_error(format!("{name} must be a number, not {}", type_name(obj)))
    })
}

/// `params=(bands, rows)`: None, or a tuple of two ints in `[1, max]`.
fn params_arg(params: Option<&Bound<'_, PyAny>>, max: usize) -> PyResult<Option<(usize, usize)>> {
    match params {
        None => Ok(None),
        Some(p) if p.is_none() => Ok(None),
        Some(p) => {
            let (b, r): (Bound<'_, PyAny>, Bound<'_, PyAny>) = p.extract().map_err(|_| {
                crate::errors::type_error("params must be a (bands, rows) tuple of int")
            })?;
            Ok(Some((
                int_arg(&b, "params[0] (bands)", 1, max as i128)? as usize,
                int_arg(&r, "params[1] (rows)", 1, max as i128)? as usize,
            )))
        }
    }
}

fn parse_unit(unit: &str) -> PyResult<Unit> {
    match unit {
        "word" => Ok(Unit::Word),
        "char" => Ok(Unit::Char),
        other => Err(crate::errors::value_error(format!(
            "unit must be 'word' or 'char', not {other:?}"
        ))),
    }
}

fn key_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Key> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Key::Str(text_arg(s.as_any(), what, OnSurrogate::Reject)?));
    }
    if obj.is_instance_of::<PyInt>() {
        return obj.extract::<i64>().map(Key::Int).map_err(|_| {
            crate::errors::value_error(format!("{what} must fit in 64 bits (signed)"))
        });
    }
    Err(crate::errors::type_error(format!(
        "{what} must be int or str, not {}",
        type_name(obj)
    )))
}

fn key_to_py<'py>(py: Python<'py>, k: &Key) -> PyResult<Bound<'py, PyAny>> {
    Ok(match k {
        Key::Int(v) => v.into_pyobject(py)?.into_any(),
        Key::Str(s) => PyString::new(py, s).into_any(),
    })
}

/// A signature argument as u64 values (accepts uint32 and uint64 arrays).
enum Sig<'py> {
    U32(PyReadonlyArray1<'py, u32>),
    U64(PyReadonlyArray1<'py, u64>),
}

impl Sig<'_> {
    /// The values widened to u64 (any memory layout, strided views included).
    fn to_u64(&self) -> Vec<u64> {
        match self {
            Sig::U32(a) => a.as_array().iter().map(|&v| v as u64).collect(),
            Sig::U64(a) => a.as_array().iter().copied().collect(),
        }
    }
}

fn sig_arg<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Sig<'py>> {
    if let Ok(a) = obj.extract::<PyReadonlyArray1<'py, u32>>() {
        return Ok(Sig::U32(a));
    }
    if let Ok(a) = obj.extract::<PyReadonlyArray1<'py, u64>>() {
        return Ok(Sig::U64(a));
    }
    Err(crate::errors::type_error(format!(
        "{what} must be a 1-D numpy array of uint32 or uint64 (a MinHash signature), not {}",
        type_name(obj)
    )))
}

/// Per-thread buffers of the token-set signatures.
#[derive(Default)]
struct TokenScratch {
    buf: String,
    xs32: Vec<u32>,
    xs64: Vec<u64>,
}

/// Signature of a set of tokens, each one element (u32 schemes).
fn sign_token_set_u32(h: &MinHasher, t: &OwnedTexts, s: &mut TokenScratch, out: &mut [u32]) {
    s.xs32.clear();
    for j in 0..t.len() {
        let x = h.element_u32(t.get(j, &mut s.buf).as_bytes());
        s.xs32.push(x);
    }
    h.sign_values_u32(&s.xs32, out);
}

/// Signature of a set of tokens, each one element (u64 schemes).
fn sign_token_set_u64(h: &MinHasher, t: &OwnedTexts, s: &mut TokenScratch, out: &mut [u64]) {
    s.xs64.clear();
    for j in 0..t.len() {
        let x = h.element_u64(t.get(j, &mut s.buf).as_bytes());
        s.xs64.push(x);
    }
    h.sign_values_u64(&s.xs64, out);
}

// ------------------------------------------------------------------ MinHasher

/// MinHash signatures computed in Rust from raw text.
///
/// ``MinHasher(num_perm=128, ngram=5, unit="word", seed=1, compat=None, scheme=None)``
///
/// Each text is normalized to the match key, split into tokens (maximal runs of
/// letters, marks and digits, Unicode 18), cut into shingles (``ngram`` words, or
/// ``ngram`` characters with ``unit="char"``) and MinHashed with ``num_perm``
/// seeded permutations. A text shorter than ``ngram`` has one shingle (all of it);
/// a text without tokens has none and gets the all-maximum "empty" signature.
///
/// Default scheme: uint32 signatures (the asim element hash of each shingle, affine
/// permutations mod 2**32). ``compat="datasketch"`` with ``scheme="affine32"``
/// (default), ``"affine64"`` or ``"legacy"`` reproduces ``datasketch.MinHash``
/// hash values exactly (``seed`` then must be below 2**32).
///
/// Raises TypeError/ValueError naming the argument when one is out of range.
#[pyclass(name = "MinHasher", module = "asimtext", frozen)]
pub struct PyMinHasher {
    inner: MinHasher,
    compat: Option<String>,
}

/// Tokens read (with the GIL) per step of `signatures_from_tokens` before
/// the step is hashed on all cores (without it): few steps, so that the
/// call hands the GIL and the cores around rarely (each hand-over waits for
/// a thread to be scheduled, which on a busy machine costs more than the
/// overlap of reading and hashing that a finer pipeline gains on an idle
/// one), and bounded memory (a view and a reference per token).
const TOKENS_PER_STEP: usize = 1 << 18;

impl PyMinHasher {
    /// `signatures_from_tokens` of a list or tuple: steps of whole token
    /// sets read with the GIL, then hashed on all cores without it.
    fn token_sequence_signatures<'py>(
        &self,
        py: Python<'py>,
        token_sets: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let n = token_sets.len()?;
        let k = self.inner.num_perm;
        if self.inner.scheme.is_u32() {
            let mut out = vec![0u32; n * k];
            self.sign_sequence(py, token_sets, &mut out, sign_token_set_u32)?;
            Ok(PyArray1::from_vec(py, out).reshape([n, k])?.into_any())
        } else {
            let mut out = vec![0u64; n * k];
            self.sign_sequence(py, token_sets, &mut out, sign_token_set_u64)?;
            Ok(PyArray1::from_vec(py, out).reshape([n, k])?.into_any())
        }
    }

    fn sign_sequence<T: Send>(
        &self,
        py: Python<'_>,
        token_sets: &Bound<'_, PyAny>,
        out: &mut [T],
        sign: fn(&MinHasher, &OwnedTexts, &mut TokenScratch, &mut [T]),
    ) -> PyResult<()> {
        let h = &self.inner;
        let k = h.num_perm;
        let seq = token_sets.cast::<PySequence>()?;
        let n = out.len() / k;
        let mut next = 0usize;
        while next < n {
            // A list that another thread shortens meanwhile raises IndexError
            // (read here, with the GIL: no user code runs on rayon's threads).
            let mut sets = Vec::new();
            let mut tokens = 0usize;
            while next + sets.len() < n && tokens < TOKENS_PER_STEP {
                let i = next + sets.len();
                let item = seq.get_item(i)?;
                let t = read_texts(&item, &format!("token_sets[{i}]"))?.into_owned();
                tokens += t.len() + 1;
                sets.push(t);
            }
            let rows = &mut out[next * k..(next + sets.len()) * k];
            let sets_ref = &sets;
            crate::pool::detach(py, || {
                rows.par_chunks_mut(k)
                    .zip(sets_ref.par_iter())
                    .for_each_init(TokenScratch::default, |s, (o, t)| sign(h, t, s, o));
            })?;
            next += sets.len();
            drop(sets); // the token references, with the GIL
        }
        Ok(())
    }
}

#[pymethods]
impl PyMinHasher {
    #[new]
    #[pyo3(signature = (num_perm=None, ngram=None, unit="word", seed=None, compat=None, scheme=None))]
    fn py_new(
        num_perm: Option<&Bound<'_, PyAny>>,
        ngram: Option<&Bound<'_, PyAny>>,
        unit: &str,
        seed: Option<&Bound<'_, PyAny>>,
        compat: Option<&str>,
        scheme: Option<&str>,
    ) -> PyResult<Self> {
        let num_perm = match num_perm {
            Some(o) => int_arg(o, "num_perm", 1, core::minhash::MAX_NUM_PERM as i128)? as usize,
            None => 128,
        };
        let ngram = match ngram {
            Some(o) => int_arg(o, "ngram", 1, core::minhash::MAX_NGRAM as i128)? as usize,
            None => 5,
        };
        let unit = parse_unit(unit)?;
        let scheme = match (compat, scheme) {
            (None, None) | (None, Some("asim")) => Scheme::Asim,
            (None, Some(s)) => {
                return Err(crate::errors::value_error(format!(
                    "scheme={s:?} needs compat='datasketch'"
                )))
            }
            (Some("datasketch"), s) => match s.unwrap_or("affine32") {
                "affine32" => Scheme::Affine32,
                "affine64" => Scheme::Affine64,
                "legacy" => Scheme::Legacy,
                other => {
                    return Err(crate::errors::value_error(format!(
                        "scheme must be 'affine32', 'affine64' or 'legacy', not {other:?}"
                    )))
                }
            },
            (Some(other), _) => {
                return Err(crate::errors::value_error(format!(
                    "compat must be None or 'datasketch', not {other:?}"
                )))
            }
        };
        let max_seed: i128 = if scheme == Scheme::Asim {
            u64::MAX as i128
        } else {
            u32::MAX as i128
        };
        let seed = match seed {
            Some(o) => int_arg(o, "seed", 0, max_seed)? as u64,
            None => 1,
        };
        let inner = MinHasher::new(num_perm, ngram, unit, seed, scheme).map_err(to_py)?;
        Ok(PyMinHasher {
            inner,
            compat: compat.map(str::to_string),
        })
    }

    #[getter]
    fn num_perm(&self) -> usize {
        self.inner.num_perm
    }
    #[getter]
    fn ngram(&self) -> usize {
        self.inner.ngram
    }
    #[getter]
    fn unit(&self) -> &'static str {
        self.inner.unit.name()
    }
    #[getter]
    fn seed(&self) -> u64 {
        self.inner.seed
    }
    #[getter]
    fn compat(&self) -> Option<String> {
        self.compat.clone()
    }
    #[getter]
    fn scheme(&self) -> &'static str {
        self.inner.scheme.name()
    }
    /// The numpy dtype name of signatures: "uint32" or "uint64".
    #[getter]
    fn dtype(&self) -> &'static str {
        if self.inner.scheme.is_u32() {
            "uint32"
        } else {
            "uint64"
        }
    }
    /// The permutation parameters `(a, b)` as uint64 arrays.
    #[getter]
    fn permutations<'py>(
        &self,
        py: Python<'py>,
    ) -> (Bound<'py, PyArray1<u64>>, Bound<'py, PyArray1<u64>>) {
        let (a, b) = self.inner.permutations();
        (PyArray1::from_vec(py, a), PyArray1::from_vec(py, b))
    }

    /// The shingles of `text` exactly as the hasher sees them (text order, repeats kept).
    fn shingles(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
        let text = text_arg(text, "text", OnSurrogate::Reject)?;
        Ok(py.detach(|| self.inner.shingles(&text)))
    }

    /// The signature of one text (1-D array of `num_perm` values).
    fn signature<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = text_arg(text, "text", OnSurrogate::Reject)?;
        let k = self.inner.num_perm;
        let h = &self.inner;
        if h.scheme.is_u32() {
            let v = py.detach(|| {
                let mut out = vec![0u32; k];
                h.signature_u32(&text, &mut Scratch::default(), &mut out);
                out
            });
            Ok(PyArray1::from_vec(py, v).into_any())
        } else {
            let v = py.detach(|| {
                let mut out = vec![0u64; k];
                h.signature_u64(&text, &mut Scratch::default(), &mut out);
                out
            });
            Ok(PyArray1::from_vec(py, v).into_any())
        }
    }

    /// Signatures of many texts: array of shape `(len(texts), num_perm)`,
    /// computed in parallel with the GIL released.
    fn signatures<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let texts = read_texts(texts, "texts")?;
        let k = self.inner.num_perm;
        let n = texts.len();
        let h = &self.inner;
        let texts = &texts;
        if h.scheme.is_u32() {
            let v = crate::pool::detach(py, || {
                let mut out = vec![0u32; n * k];
                out.par_chunks_mut(k).enumerate().for_each_init(
                    || (Scratch::default(), String::new()),
                    |(s, buf), (i, o)| h.signature_u32(texts.get(i, buf), s, o),
                );
                out
            })?;
            Ok(PyArray1::from_vec(py, v).reshape([n, k])?.into_any())
        } else {
            let v = crate::pool::detach(py, || {
                let mut out = vec![0u64; n * k];
                out.par_chunks_mut(k).enumerate().for_each_init(
                    || (Scratch::default(), String::new()),
                    |(s, buf), (i, o)| h.signature_u64(texts.get(i, buf), s, o),
                );
                out
            })?;
            Ok(PyArray1::from_vec(py, v).reshape([n, k])?.into_any())
        }
    }

    /// Signature of a set of tokens taken as they are (no normalization, no
    /// shingling): each token is one element, hashed from its UTF-8 bytes.
    fn signature_from_tokens<'py>(
        &self,
        py: Python<'py>,
        tokens: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let tokens = read_texts(tokens, "tokens")?.into_owned();
        let k = self.inner.num_perm;
        let h = &self.inner;
        let tokens = &tokens;
        if h.scheme.is_u32() {
            let v = py.detach(|| {
                let mut out = vec![0u32; k];
                sign_token_set_u32(h, tokens, &mut TokenScratch::default(), &mut out);
                out
            });
            Ok(PyArray1::from_vec(py, v).into_any())
        } else {
            let v = py.detach(|| {
                let mut out = vec![0u64; k];
                sign_token_set_u64(h, tokens, &mut TokenScratch::default(), &mut out);
                out
            });
            Ok(PyArray1::from_vec(py, v).into_any())
        }
    }

    /// Signatures of many token sets (see `signature_from_tokens`), in parallel.
    fn signatures_from_tokens<'py>(
        &self,
        py: Python<'py>,
        token_sets: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if token_sets.is_exact_instance_of::<PyList>()
            || token_sets.is_exact_instance_of::<PyTuple>()
        {
            return self.token_sequence_signatures(py, token_sets);
        }
        let iter = iter_arg(token_sets, "token_sets", "iterables of str")?;
        // Converting the tokens needs the GIL; hashing does not. Work in
        // chunks, releasing the GIL for each chunk's hashing, so that other
        // Python threads run all along a long call, not only at its end.
        const CHUNK: usize = 256;
        let k = self.inner.num_perm;
        let h = &self.inner;
        let u32s = h.scheme.is_u32();
        let mut out32: Vec<u32> = Vec::new();
        let mut out64: Vec<u64> = Vec::new();
        let mut sets: Vec<OwnedTexts> = Vec::with_capacity(CHUNK);
        let mut n = 0usize;
        let mut flush = |sets: &mut Vec<OwnedTexts>| -> PyResult<()> {
            let m = sets.len();
            let sets_ref = &*sets;
            if u32s {
                let start = out32.len();
                out32.resize(start + m * k, 0);
                let dst = &mut out32[start..];
                crate::pool::detach(py, || {
                    dst.par_chunks_mut(k)
                        .zip(sets_ref.par_iter())
                        .for_each_init(TokenScratch::default, |s, (o, t)| {
                            sign_token_set_u32(h, t, s, o)
                        });
                })?;
            } else {
                let start = out64.len();
                out64.resize(start + m * k, 0);
                let dst = &mut out64[start..];
                crate::pool::detach(py, || {
                    dst.par_chunks_mut(k)
                        .zip(sets_ref.par_iter())
                        .for_each_init(TokenScratch::default, |s, (o, t)| {
                            sign_token_set_u64(h, t, s, o)
                        });
                })?;
            }
            sets.clear();
            Ok(())
        };
        for (i, item) in iter.enumerate() {
            let item = item?;
            sets.push(read_texts(&item, &format!("token_sets[{i}]"))?.into_owned());
            n += 1;
            if sets.len() == CHUNK {
                flush(&mut sets)?;
            }
        }
        flush(&mut sets)?;
        if u32s {
            Ok(PyArray1::from_vec(py, out32).reshape([n, k])?.into_any())
        } else {
            Ok(PyArray1::from_vec(py, out64).reshape([n, k])?.into_any())
        }
    }

    fn __repr__(&self) -> String {
        let h = &self.inner;
        let compat = match &self.compat {
            Some(c) => format!(", compat={c:?}, scheme={:?}", h.scheme.name()),
            None => String::new(),
        };
        format!(
            "MinHasher(num_perm={}, ngram={}, unit={:?}, seed={}{compat})",
            h.num_perm,
            h.ngram,
            h.unit.name(),
            h.seed
        )
        .replace('"', "'")
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<PyMinHasher>() {
            Ok(o) => {
                let (a, b) = (&self.inner, &o.get().inner);
                (a.num_perm, a.ngram, a.unit, a.seed, a.scheme)
                    == (b.num_perm, b.ngram, b.unit, b.seed, b.scheme)
            }
            Err(_) => false,
        }
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let me = slf.get();
        let h = &me.inner;
        let scheme: Option<&str> = me.compat.as_ref().map(|_| h.scheme.name());
        let args = PyTuple::new(
            py,
            [
                h.num_perm.into_pyobject(py)?.into_any(),
                h.ngram.into_pyobject(py)?.into_any(),
                PyString::new(py, h.unit.name()).into_any(),
                h.seed.into_pyobject(py)?.into_any(),
                me.compat.clone().into_pyobject(py)?.into_any(),
                scheme.into_pyobject(py)?.into_any(),
            ],
        )?;
        Ok((py.get_type::<PyMinHasher>().into_any(), args))
    }
}

// ------------------------------------------------------------------ functions

/// Estimated Jaccard similarity of two signatures: the share of equal positions.
#[pyfunction]
fn jaccard(sig_a: &Bound<'_, PyAny>, sig_b: &Bound<'_, PyAny>) -> PyResult<f64> {
    let a = sig_arg(sig_a, "sig_a")?;
    let b = sig_arg(sig_b, "sig_b")?;
    let (la, lb) = match (&a, &b) {
        (Sig::U32(x), Sig::U32(y)) => (x.len(), y.len()),
        (Sig::U64(x), Sig::U64(y)) => (x.len(), y.len()),
        _ => {
            return Err(crate::errors::value_error(
                "sig_a and sig_b have different dtypes (uint32 vs uint64): they come from different schemes",
            ))
        }
    };
    if la != lb {
        return Err(crate::errors::value_error(format!(
            "sig_a and sig_b have different lengths ({la} and {lb})"
        )));
    }
    if la == 0 {
        return Err(crate::errors::value_error("signatures are empty"));
    }
    let va = a.to_u64();
    let vb = b.to_u64();
    Ok(core::minhash::estimate(&va, &vb))
}

/// Exact `(jaccard, containment)` of the shingle sets of two texts.
#[pyfunction]
#[pyo3(signature = (a, b, *, ngram=None, unit="word"))]
fn overlap(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    ngram: Option<&Bound<'_, PyAny>>,
    unit: &str,
) -> PyResult<(f64, f64)> {
    let a = text_arg(a, "a", OnSurrogate::Reject)?;
    let b = text_arg(b, "b", OnSurrogate::Reject)?;
    let ngram = match ngram {
        Some(o) => int_arg(o, "ngram", 1, core::minhash::MAX_NGRAM as i128)? as usize,
        None => 5,
    };
    let unit = parse_unit(unit)?;
    py.detach(|| core::overlap(&a, &b, ngram, unit))
        .map_err(to_py)
}

type PairsOut = (
    Vec<(u32, u32, f64, f64)>,
    Vec<Vec<u32>>,
    (usize, usize),
    usize,
    usize,
);

/// Raw near-duplicate search; `asimtext.near_duplicates` wraps the result.
#[pyfunction]
#[pyo3(signature = (texts, threshold, num_perm, ngram, unit, seed, params=None))]
#[allow(clippy::too_many_arguments)]
fn _near_duplicates(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threshold: &Bound<'_, PyAny>,
    num_perm: &Bound<'_, PyAny>,
    ngram: &Bound<'_, PyAny>,
    unit: &str,
    seed: &Bound<'_, PyAny>,
    params: Option<&Bound<'_, PyAny>>,
) -> PyResult<PairsOut> {
    let threshold = float_arg(threshold, "threshold")?;
    let num_perm = int_arg(num_perm, "num_perm", 2, core::lsh::MAX_LSH_NUM_PERM as i128)? as usize;
    let ngram = int_arg(ngram, "ngram", 1, core::minhash::MAX_NGRAM as i128)? as usize;
    let seed = int_arg(seed, "seed", 0, u64::MAX as i128)? as u64;
    let unit = parse_unit(unit)?;
    let params = params_arg(params, num_perm)?;
    let texts = read_texts(texts, "texts")?;
    let o = NearDupOptions {
        threshold,
        num_perm,
        ngram,
        unit,
        seed,
        params,
    };
    let r = crate::pool::detach(py, || core::cluster::near_duplicates_in(&texts, &o))?
        .map_err(to_py)?;
    Ok((
        r.pairs,
        r.clusters,
        r.params,
        r.candidates,
        r.capped_buckets,
    ))
}

type PassageTuple = (usize, usize, usize, usize, usize);

/// Raw shared passages: `(a_start, a_end, b_start, b_end, words)` tuples.
#[pyfunction]
#[pyo3(signature = (a, b, min_words))]
fn _shared_passages(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    min_words: &Bound<'_, PyAny>,
) -> PyResult<Vec<PassageTuple>> {
    let a = text_arg(a, "a", OnSurrogate::Reject)?;
    let b = text_arg(b, "b", OnSurrogate::Reject)?;
    let k = int_arg(min_words, "min_words", 1, u32::MAX as i128)? as usize;
    let p = py
        .detach(|| core::shared_passages(&a, &b, k))
        .map_err(to_py)?;
    Ok(p.into_iter()
        .map(|p| (p.a_start, p.a_end, p.b_start, p.b_end, p.words))
        .collect())
}

/// The `(bands, rows)` that `near_duplicates` uses when none are given: the one
/// definition of the default LSH shape (`asimtext_core::dedup::cluster::default_params`).
#[pyfunction]
#[pyo3(signature = (threshold, num_perm))]
fn _default_lsh_params(threshold: f64, num_perm: usize) -> PyResult<(usize, usize)> {
    core::lsh::check_lsh_args(threshold, num_perm, (0.5, 0.5)).map_err(to_py)?;
    Ok(core::cluster::default_params(threshold, num_perm))
}

/// `(bands, rows)` chosen for a threshold (datasketch's `_optimal_param` rule).
#[pyfunction]
#[pyo3(signature = (threshold, num_perm, false_positive_weight, false_negative_weight))]
fn _optimal_params(
    py: Python<'_>,
    threshold: f64,
    num_perm: usize,
    false_positive_weight: f64,
    false_negative_weight: f64,
) -> PyResult<(usize, usize)> {
    core::lsh::check_lsh_args(
        threshold,
        num_perm,
        (false_positive_weight, false_negative_weight),
    )
    .map_err(to_py)?;
    Ok(py.detach(|| {
        core::lsh::optimal_params(
            threshold,
            num_perm,
            false_positive_weight,
            false_negative_weight,
        )
    }))
}

// ------------------------------------------------------------------ LSH

/// MinHash LSH index: finds the keys whose signatures probably have a
/// Jaccard similarity of at least ``threshold`` with a query.
///
/// ``LSH(threshold=0.8, num_perm=128, weights=(0.5, 0.5), params=None)``
///
/// ``params`` (bands, rows) is chosen, as datasketch does, to minimise
/// ``weights[0] * false-positive area + weights[1] * false-negative area``;
/// pass ``params=(bands, rows)`` to set it. Keys are ``int`` or ``str``;
/// signatures are 1-D uint32/uint64 numpy arrays of length ``num_perm``
/// (``MinHasher`` or datasketch hash values). ``save``/``load`` use a versioned
/// binary format with a CRC-32 checksum (``CorruptFileError`` if damaged);
/// instances pickle.
#[pyclass(name = "LSH", module = "asimtext", frozen)]
pub struct PyLsh {
    /// Behind a lock so that Python threads can share one index while writers
    /// work with the GIL released. The lock is only ever waited for with the
    /// GIL released (see `read`/`write`), so it cannot deadlock with the GIL.
    inner: RwLock<Lsh>,
}

impl PyLsh {
    fn new(inner: Lsh) -> Self {
        PyLsh {
            inner: RwLock::new(inner),
        }
    }

    fn read(&self, py: Python<'_>) -> RwLockReadGuard<'_, Lsh> {
        loop {
            match self.inner.try_read() {
                Ok(g) => return g,
                Err(TryLockError::Poisoned(e)) => return e.into_inner(),
                Err(TryLockError::WouldBlock) => py.detach(|| drop(self.inner.read())),
            }
        }
    }

    fn write(&self, py: Python<'_>) -> RwLockWriteGuard<'_, Lsh> {
        loop {
            match self.inner.try_write() {
                Ok(g) => return g,
                Err(TryLockError::Poisoned(e)) => return e.into_inner(),
                Err(TryLockError::WouldBlock) => py.detach(|| drop(self.inner.write())),
            }
        }
    }
}

#[pymethods]
impl PyLsh {
    #[new]
    #[pyo3(signature = (threshold=None, num_perm=None, weights=None, params=None))]
    fn py_new(
        py: Python<'_>,
        threshold: Option<&Bound<'_, PyAny>>,
        num_perm: Option<&Bound<'_, PyAny>>,
        weights: Option<&Bound<'_, PyAny>>,
        params: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let weights: (f64, f64) = match weights {
            None => (0.5, 0.5),
            Some(weights) => weights.extract().map_err(|_| {
            crate::errors::type_error(format!(
                "weights must be a (false_positive_weight, false_negative_weight) tuple of two numbers, not {}",
                type_name(weights)
            ))
        })?,
        };
        let params = params_arg(params, 1 << 20)?;
        let threshold = match threshold {
            Some(t) => float_arg(t, "threshold")?,
            None => 0.8,
        };
        let num_perm = match num_perm {
            Some(o) => int_arg(o, "num_perm", 2, core::lsh::MAX_LSH_NUM_PERM as i128)? as usize,
            None => 128,
        };
        let inner = py
            .detach(|| Lsh::new(threshold, num_perm, weights, params))
            .map_err(to_py)?;
        Ok(PyLsh::new(inner))
    }

    #[getter]
    fn threshold(&self, py: Python<'_>) -> f64 {
        self.read(py).threshold
    }
    #[getter]
    fn num_perm(&self, py: Python<'_>) -> usize {
        self.read(py).num_perm
    }
    #[getter]
    fn weights(&self, py: Python<'_>) -> (f64, f64) {
        self.read(py).weights
    }
    /// `(bands, rows)`.
    #[getter]
    fn params(&self, py: Python<'_>) -> (usize, usize) {
        let g = self.read(py);
        (g.bands, g.rows)
    }

    /// Insert one signature under `key` (int or str); ValueError if the key exists.
    fn insert(&self, key: &Bound<'_, PyAny>, sig: &Bound<'_, PyAny>) -> PyResult<()> {
        let py = key.py();
        let key = key_arg(key, "key")?;
        let sig = sig_arg(sig, "sig")?.to_u64();
        self.write(py).insert(key, &sig).map_err(to_py)
    }

    /// Bulk insert: `keys` (iterable of int/str) and `sigs` of shape `(len(keys), num_perm)`.
    fn insert_many(
        &self,
        py: Python<'_>,
        keys: &Bound<'_, PyAny>,
        sigs: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let mut ks = Vec::new();
        for (i, k) in keys
            .try_iter()
            .map_err(|_| crate::errors::type_error("keys must be an iterable of int or str"))?
            .enumerate()
        {
            ks.push(key_arg(&k?, &format!("keys[{i}]"))?);
        }
        let (rows, width, flat): (usize, usize, Vec<u64>) =
            if let Ok(a) = sigs.extract::<PyReadonlyArray2<'_, u32>>() {
                let s = a.shape();
                let v = a.as_array().iter().map(|&v| v as u64).collect();
                (s[0], s[1], v)
            } else if let Ok(a) = sigs.extract::<PyReadonlyArray2<'_, u64>>() {
                let s = a.shape();
                (s[0], s[1], a.as_array().iter().copied().collect())
            } else {
                return Err(crate::errors::type_error(format!(
                    "sigs must be a 2-D numpy array of uint32 or uint64, not {}",
                    type_name(sigs)
                )));
            };
        if rows != ks.len() {
            return Err(crate::errors::value_error(format!(
                "keys has {} items but sigs has {rows} rows",
                ks.len()
            )));
        }
        let mut guard = self.write(py);
        if width != guard.num_perm {
            return Err(crate::errors::value_error(format!(
                "sigs has {width} columns, the index expects num_perm = {}",
                guard.num_perm
            )));
        }
        {
            let mut seen = std::collections::HashSet::new();
            for (i, k) in ks.iter().enumerate() {
                if guard.contains(k) || !seen.insert(k) {
                    return Err(crate::errors::value_error(format!(
                        "keys[{i}] = {k:?} is already in the index"
                    )));
                }
            }
        }
        let inner: &mut Lsh = &mut guard;
        crate::pool::detach(py, || {
            let hashes: Vec<Vec<u64>> = flat
                .par_chunks(width.max(1))
                .map(|s| inner.band_hashes(s).unwrap_or_default())
                .collect();
            for (k, h) in ks.into_iter().zip(hashes) {
                inner.insert_hashes(k, &h)?;
            }
            Ok(())
        })?
        .map_err(to_py)
    }

    /// Keys whose signatures share a band with `sig`, in insertion order.
    fn query<'py>(
        &self,
        py: Python<'py>,
        sig: &Bound<'py, PyAny>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let sig = sig_arg(sig, "sig")?.to_u64();
        let guard = self.read(py);
        let keys = guard.query(&sig).map_err(to_py)?;
        keys.into_iter().map(|k| key_to_py(py, k)).collect()
    }

    /// Remove `key`; KeyError if it is not in the index.
    fn remove(&self, key: &Bound<'_, PyAny>) -> PyResult<()> {
        let k = key_arg(key, "key")?;
        let mut guard = self.write(key.py());
        if !guard.contains(&k) {
            return Err(crate::errors::MissingKeyError::new_err(
                key.clone().unbind(),
            ));
        }
        guard.remove(&k).map_err(to_py)
    }

    /// Keys in insertion order.
    fn keys<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.read(py)
            .keys()
            .into_iter()
            .map(|k| key_to_py(py, k))
            .collect()
    }

    /// Approximate heap bytes used by the index.
    fn memory_usage(&self, py: Python<'_>) -> usize {
        self.read(py).memory_bytes()
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.read(py).len()
    }

    fn __contains__(&self, key: &Bound<'_, PyAny>) -> bool {
        match key_arg(key, "key") {
            Ok(k) => self.read(key.py()).contains(&k),
            Err(_) => false,
        }
    }

    /// The index as bytes (versioned format with a CRC-32 checksum).
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        let guard = self.read(py);
        let inner: &Lsh = &guard;
        let b = py.detach(|| inner.to_bytes());
        PyBytes::new(py, &b)
    }

    /// Rebuild an index from `to_bytes()` output; CorruptFileError if damaged.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        let inner = py.detach(|| Lsh::from_bytes(data)).map_err(to_py)?;
        Ok(PyLsh::new(inner))
    }

    /// Write the index to `path`.
    fn save(&self, py: Python<'_>, path: std::path::PathBuf) -> PyResult<()> {
        let b = {
            let guard = self.read(py);
            let inner: &Lsh = &guard;
            py.detach(|| inner.to_bytes())
        };
        std::fs::write(&path, b).map_err(PyErr::from)
    }

    /// Read an index written by `save`; CorruptFileError if the file is not a
    /// valid asimtext LSH file (foreign, truncated, corrupt, unknown version).
    #[staticmethod]
    fn load(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Self> {
        let data = std::fs::read(&path).map_err(PyErr::from)?;
        let inner = py
            .detach(|| Lsh::from_bytes(&data))
            .map_err(|e| to_py_with_path(e, &path))?;
        Ok(PyLsh::new(inner))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let bytes = slf.get().to_bytes(py);
        let f = py.get_type::<PyLsh>().getattr("from_bytes")?;
        Ok((f, PyTuple::new(py, [bytes])?))
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let g = self.read(py);
        format!(
            "LSH(threshold={}, num_perm={}, params=({}, {}), len={})",
            g.threshold,
            g.num_perm,
            g.bands,
            g.rows,
            g.len()
        )
    }
}

fn to_py_with_path(e: asimtext_core::Error, path: &std::path::Path) -> PyErr {
    match e {
        asimtext_core::Error::CorruptData { reason } => crate::errors::CorruptFileError::new_err(
            format!("{}: corrupt or foreign data: {reason}", path.display()),
        ),
        other => to_py(other),
    }
}

// ------------------------------------------------------------------ partitioned search (asimtext.dask)

/// Band keys of a partition: `(keys, nonempty)` with `keys` a uint64 array of
/// shape `(len(texts), bands)` and `nonempty` a bool array (texts with shingles).
#[pyfunction]
#[pyo3(signature = (hasher, texts, bands, rows))]
fn _band_keys<'py>(
    py: Python<'py>,
    hasher: &Bound<'py, PyMinHasher>,
    texts: &Bound<'py, PyAny>,
    bands: &Bound<'py, PyAny>,
    rows: &Bound<'py, PyAny>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyArray1<bool>>)> {
    let h = &hasher.get().inner;
    let bands = int_arg(bands, "bands", 1, h.num_perm as i128)? as usize;
    let rows = int_arg(rows, "rows", 1, h.num_perm as i128)? as usize;
    let texts = texts_arg(texts, "texts", OnSurrogate::Reject)?;
    let n = texts.len();
    let (keys, nonempty) =
        crate::pool::detach(py, || core::partitioned::band_keys(h, &texts, bands, rows))?
            .map_err(to_py)?;
    let keys = PyArray1::from_vec(py, keys).reshape([n, bands])?.into_any();
    Ok((keys, PyArray1::from_vec(py, nonempty)))
}

fn index_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<usize>> {
    let a = obj.extract::<PyReadonlyArray1<'_, i64>>().map_err(|_| {
        crate::errors::type_error(format!(
            "{what} must be a 1-D numpy array of int64, not {}",
            type_name(obj)
        ))
    })?;
    let a = a.as_array();
    let mut out = Vec::with_capacity(a.len());
    for (p, &v) in a.iter().enumerate() {
        out.push(usize::try_from(v).map_err(|_| {
            crate::errors::value_error(format!("{what}[{p}] must be >= 0, got {v}"))
        })?);
    }
    Ok(out)
}

type F64Arrays<'py> = (Bound<'py, PyArray1<f64>>, Bound<'py, PyArray1<f64>>);

/// `(estimated, exact)` float64 arrays for the pairs `(texts[left[p]], texts[right[p]])`.
#[pyfunction]
#[pyo3(signature = (hasher, texts, left, right))]
fn _verify_pairs<'py>(
    py: Python<'py>,
    hasher: &Bound<'py, PyMinHasher>,
    texts: &Bound<'py, PyAny>,
    left: &Bound<'py, PyAny>,
    right: &Bound<'py, PyAny>,
) -> PyResult<F64Arrays<'py>> {
    let h = &hasher.get().inner;
    let texts = texts_arg(texts, "texts", OnSurrogate::Reject)?;
    let left = index_arg(left, "left")?;
    let right = index_arg(right, "right")?;
    let v = crate::pool::detach(py, || {
        core::partitioned::verify_pairs(h, &texts, &left, &right)
    })?
    .map_err(to_py)?;
    let (est, exact): (Vec<f64>, Vec<f64>) = v.into_iter().unzip();
    Ok((PyArray1::from_vec(py, est), PyArray1::from_vec(py, exact)))
}
