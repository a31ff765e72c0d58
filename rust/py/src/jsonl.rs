//! Bindings of `asimtext_core::jsonl`: blocks of JSON Lines parsed on all
//! cores with the GIL released (the fast path of the dump readers; the
//! Python side is `asimtext.io.iter_jsonl_fast`).

use asimtext_core::jsonl::{parse_block, Line};
use asimtext_core::ucs::ucs2_from_utf8;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};

use crate::pystr::Ucs2Str;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_parse_jsonl_block, m)?)?;
    Ok(())
}

/// A parsed record's text, made ready for a `str` off the GIL: UCS-2 when
/// every code point is in the BMP (one copy into the new string), else UTF-8.
enum Text {
    Ucs2(Ucs2Str),
    Utf8(String),
}

/// Parse a block of whole JSON Lines (`bytes`; a last line without `\n`
/// counts): returns `(kinds, ids, texts)` where `kinds` has one byte per
/// line (0: blank, 1: a record, 2: left to the Python reader) and `ids` /
/// `texts` one entry per record (id `None` when absent or null). What is a
/// record is documented in `rust/core/src/jsonl.rs`.
#[pyfunction]
fn _parse_jsonl_block<'py>(
    py: Python<'py>,
    block: &Bound<'py, PyBytes>,
    text_field: &str,
    id_field: &str,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyList>, Bound<'py, PyList>)> {
    let data = block.as_bytes();
    // (parallel: on the forked child's own pool there, see pool.rs)
    let (kinds, records) = crate::pool::detach(py, || {
        use rayon::prelude::*;
        let lines = parse_block(data, text_field, id_field);
        let kinds: Vec<u8> = lines
            .iter()
            .map(|l| match l {
                Line::Blank => 0,
                Line::Record { .. } => 1,
                Line::Other => 2,
            })
            .collect();
        let records: Vec<(Option<String>, Text)> = lines
            .into_par_iter()
            .filter_map(|l| match l {
                Line::Record { id, text } => {
                    let mut units = Vec::new();
                    let t = if ucs2_from_utf8(&text, &mut units) {
                        Text::Ucs2(Ucs2Str::new(units))
                    } else {
                        Text::Utf8(text)
                    };
                    Some((id, t))
                }
                _ => None,
            })
            .collect();
        (kinds, records)
    })?;
    let ids = PyList::empty(py);
    let texts = PyList::empty(py);
    for (id, text) in records {
        match id {
            Some(id) => ids.append(PyString::new(py, &id))?,
            None => ids.append(py.None())?,
        }
        match text {
            Text::Ucs2(t) => texts.append(t.into_py(py)?)?,
            Text::Utf8(t) => texts.append(PyString::new(py, &t))?,
        }
    }
    Ok((PyBytes::new(py, &kinds), ids, texts))
}
