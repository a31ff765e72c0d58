//! Bindings of `asimtext_core::prepare` (what the digest's value stages read).

use asimtext_core::prepare::{self as core, Value};
use pyo3::prelude::*;
use rayon::prelude::*;

use crate::convert::{texts_arg, OnSurrogate};
use crate::errors::value_error;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_context_keys_batch, m)?)?;
    Ok(())
}

type Quad = (usize, usize, usize, usize);

/// The context words of every value of every text, each text keyed once.
///
/// ``values[i]`` lists ``(sentence_start, sentence_end, start, end)`` of the
/// values of ``texts[i]`` (code points); the result holds, per text and value,
/// the sorted keys of the ``width`` content words on each side of it within
/// ``reach`` characters and its sentence. Texts are done on all cores with the
/// GIL released. Pure twin: ``asimtext.pure.prepare.context_keys_batch``.
#[pyfunction]
#[pyo3(signature = (texts, values, width, reach))]
fn _context_keys_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    values: Vec<Vec<Quad>>,
    width: usize,
    reach: usize,
) -> PyResult<Vec<Vec<Vec<String>>>> {
    let texts = texts_arg(texts, "texts", OnSurrogate::parse("strict")?)?;
    if texts.len() != values.len() {
        return Err(value_error(format!(
            "values: {} lists for {} texts (one list of values per text)",
            values.len(),
            texts.len()
        )));
    }
    crate::pool::detach(py, || {
        texts
            .par_iter()
            .zip(values.par_iter())
            .map(|(t, vs)| {
                let vs: Vec<Value> = vs
                    .iter()
                    .map(|&(ss, se, start, end)| Value { ss, se, start, end })
                    .collect();
                core::context_keys(t, &vs, width, reach)
            })
            .collect()
    })
}
