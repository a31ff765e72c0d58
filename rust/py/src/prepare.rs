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

type Quad = (i64, i64, i64, i64);

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
    let texts = texts_arg(texts, "texts", OnSurrogate::Reject)?;
    if texts.len() != values.len() {
        return Err(value_error(format!(
            "values: {} lists for {} texts (one list of values per text)",
            values.len(),
            texts.len()
        )));
    }
    // Offsets are read signed so that a negative one is this module's error,
    // naming the value, not a bare OverflowError from the conversion.
    let mut checked: Vec<Vec<Value>> = Vec::with_capacity(values.len());
    for (i, vs) in values.iter().enumerate() {
        let mut row = Vec::with_capacity(vs.len());
        for (j, &(ss, se, start, end)) in vs.iter().enumerate() {
            if ss < 0 || se < 0 || start < 0 || end < 0 {
                return Err(value_error(format!(
                    "values[{i}][{j}]: offsets must be >= 0, got {:?}",
                    (ss, se, start, end)
                )));
            }
            row.push(Value {
                ss: ss as usize,
                se: se as usize,
                start: start as usize,
                end: end as usize,
            });
        }
        checked.push(row);
    }
    crate::pool::detach(py, || {
        texts
            .par_iter()
            .zip(checked.par_iter())
            .map(|(t, vs)| core::context_keys(t, vs, width, reach))
            .collect()
    })
}
