//! Bindings of `asimtext_core::jsonl`: blocks of JSON Lines parsed on all
//! cores with the GIL released (the fast path of the dump readers; the
//! Python side is `asimtext.io.iter_jsonl_fast`).

use asimtext_core::jsonl::{parse_block, Line};
use asimtext_core::ucs::ucs2_from_utf8;
use pyo3::buffer::PyBuffer;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};

use crate::pystr::Ucs2Str;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_parse_jsonl_block, m)?)?;
    m.add_class::<Utf8Text>()?;
    Ok(())
}

/// A text of a dump kept as the UTF-8 it was read as, for the batch calls
/// of the dump commands (`StreamDedup.add`, `normalize_batch`,
/// `extract_batch` read it in place, as they read a `str`): no conversion
/// to a `str` and back, and half the memory of a Hindi `str`. `len()` is its
/// length in code points, as for a `str`; `str()` makes the `str`.
#[pyclass(name = "Utf8Text", module = "asimtext._core", frozen)]
pub struct Utf8Text {
    text: String,
    /// Counted on the first `len()`: the dump commands never ask.
    chars: std::sync::OnceLock<usize>,
}

impl Utf8Text {
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

#[pymethods]
impl Utf8Text {
    fn __len__(&self) -> usize {
        *self.chars.get_or_init(|| self.text.chars().count())
    }
    fn __str__<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        PyString::new(py, &self.text)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Utf8Text({})",
            PyString::new(py, &self.text).repr()?
        ))
    }
}

/// A parsed record's text, made ready for a Python object off the GIL:
/// UCS-2 when every code point is in the BMP (one copy into the new
/// string), else UTF-8; or kept as UTF-8 for a [`Utf8Text`].
enum Text {
    Ucs2(Ucs2Str),
    Utf8(String),
    Kept(String),
}

/// A record of the block, ready for Python objects.
struct Rec {
    line: u64,
    id: String,
    text: Text,
    published: Option<String>,
}

/// The five lists of [`_parse_jsonl_block`].
type Block<'py> = (
    Bound<'py, PyBytes>,
    Bound<'py, PyList>,
    Bound<'py, PyList>,
    Bound<'py, PyList>,
    Bound<'py, PyList>,
);

/// Parse a block of whole JSON Lines (`bytes`, or any contiguous buffer of
/// bytes such as a `memoryview` of a `bytearray`, which stays exported, so
/// not resizable, during the call; a last line without `\n` counts) whose first line is line `first_line` of the file `label`:
/// returns `(kinds, lines, ids, texts, published)` where `kinds` has one
/// byte per line (0: blank, 1: a record, 2: left to the Python reader) and
/// the four lists one entry per record: its line number, its id (a missing
/// or null id is `"{label}:{line}"`, as the Python reader names it), its
/// text (a `str`, or with `utf8` a [`Utf8Text`]) and its `published` value
/// (`None` when absent or null). What is a record is documented in
/// `rust/core/src/jsonl.rs`.
#[pyfunction]
#[pyo3(signature = (block, text_field, id_field, label, first_line, utf8=false))]
fn _parse_jsonl_block<'py>(
    py: Python<'py>,
    block: &Bound<'py, PyAny>,
    text_field: &str,
    id_field: &str,
    label: &str,
    first_line: u64,
    utf8: bool,
) -> PyResult<Block<'py>> {
    let view = PyBuffer::<u8>::get(block)?;
    if !view.is_c_contiguous() {
        return Err(crate::errors::type_error(
            "block must be a contiguous buffer of bytes",
        ));
    }
    // SAFETY: a contiguous buffer of `len_bytes` bytes, held (and, being
    // exported, not resized) by `view` until the end of the call.
    let data: &[u8] = match view.len_bytes() {
        0 => &[],
        n => unsafe { std::slice::from_raw_parts(view.buf_ptr() as *const u8, n) },
    };
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
        let records: Vec<Rec> = lines
            .into_par_iter()
            .enumerate()
            .filter_map(|(i, l)| match l {
                Line::Record {
                    id,
                    text,
                    published,
                } => {
                    let line = first_line + i as u64;
                    let mut units = Vec::new();
                    let text = if utf8 {
                        Text::Kept(text)
                    } else if ucs2_from_utf8(&text, &mut units) {
                        Text::Ucs2(Ucs2Str::new(units))
                    } else {
                        Text::Utf8(text)
                    };
                    Some(Rec {
                        line,
                        id: id.unwrap_or_else(|| format!("{label}:{line}")),
                        text,
                        published,
                    })
                }
                _ => None,
            })
            .collect();
        (kinds, records)
    })?;
    let lines = PyList::empty(py);
    let ids = PyList::empty(py);
    let texts = PyList::empty(py);
    let published = PyList::empty(py);
    for r in records {
        lines.append(r.line)?;
        ids.append(PyString::new(py, &r.id))?;
        match r.text {
            Text::Ucs2(t) => texts.append(t.into_py(py)?)?,
            Text::Utf8(t) => texts.append(PyString::new(py, &t))?,
            Text::Kept(text) => texts.append(Bound::new(
                py,
                Utf8Text {
                    text,
                    chars: Default::default(),
                },
            )?)?,
        }
        match r.published {
            Some(p) => published.append(PyString::new(py, &p))?,
            None => published.append(py.None())?,
        }
    }
    Ok((PyBytes::new(py, &kinds), lines, ids, texts, published))
}
