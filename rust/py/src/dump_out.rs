//! The JSON Lines output of `asimtext spans` and `asimtext normalize`,
//! written in Rust: one call per chunk extracts (or normalizes) on all
//! cores and serializes the rows with the GIL released, with the bytes
//! `json.dumps(row, ensure_ascii=False)` gives, so that no Python object is
//! made per span or per row (`asimtext.dumps` keeps the Python writer for
//! Parquet output).

use asimtext_core::spans as core_spans;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};
use rayon::prelude::*;

use crate::pystr::read_texts;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_extract_batch_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(_normalize_batch_jsonl, m)?)?;
    Ok(())
}

/// `s` as Python's `json.dumps(s, ensure_ascii=False)` writes it: `"` and
/// `\` escaped, the short escapes `\b \f \n \r \t`, other characters below
/// U+0020 as `\u00xx` (lower-case hex), everything else as it is.
pub fn push_json_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let b = s.as_bytes();
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        let short: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0..=0x1F => b"",
            _ => continue,
        };
        out.extend_from_slice(&b[start..i]);
        if short.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[(c >> 4) as usize]);
            out.push(HEX[(c & 15) as usize]);
        } else {
            out.extend_from_slice(short);
        }
        start = i + 1;
    }
    out.extend_from_slice(&b[start..]);
    out.push(b'"');
}

/// The ids of a chunk as UTF-8 (a `str` with a lone surrogate raises the
/// `UnicodeEncodeError` that encoding the row would have raised).
fn ids_arg(ids: &Bound<'_, PyList>) -> PyResult<Vec<String>> {
    ids.iter()
        .map(|i| Ok(i.cast::<PyString>()?.to_str()?.to_string()))
        .collect()
}

fn check_len(texts: usize, ids: usize) -> PyResult<()> {
    if texts != ids {
        return Err(crate::errors::value_error(format!(
            "ids has {ids} items but texts has {texts}"
        )));
    }
    Ok(())
}

/// One JSON line per text: `{ID_FIELD: id, "spans": [span.to_dict(), ...]}`
/// with the spans of `extract_batch(texts, kinds=kinds,
/// reference_dates=reference_date)`, as `bytes`.
#[pyfunction]
#[pyo3(signature = (texts, ids, id_field, reference_date=None, kinds=None))]
fn _extract_batch_jsonl<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    ids: &Bound<'py, PyList>,
    id_field: &str,
    reference_date: Option<&Bound<'py, PyAny>>,
    kinds: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let texts = read_texts(texts, "texts")?;
    let ids = ids_arg(ids)?;
    check_len(texts.len(), ids.len())?;
    let mut opts = core_spans::ExtractOptions {
        kinds: crate::spans::kinds_arg(kinds)?,
        reference: None,
    };
    if let Some(r) = reference_date {
        opts.reference = crate::spans::reference_arg(r, "reference_date")?;
    }
    let texts = &texts;
    let out = crate::pool::detach(py, || {
        let spans = core_spans::extract_batch_from(texts, None, &opts);
        let rows: Vec<Vec<u8>> = spans
            .par_iter()
            .zip(ids.par_iter())
            .map(|(spans, id)| {
                let mut o = Vec::with_capacity(64 + 96 * spans.len());
                o.push(b'{');
                push_json_str(&mut o, id_field);
                o.extend_from_slice(b": ");
                push_json_str(&mut o, id);
                o.extend_from_slice(b", \"spans\": [");
                for (k, s) in spans.iter().enumerate() {
                    if k > 0 {
                        o.extend_from_slice(b", ");
                    }
                    o.extend_from_slice(
                        format!("{{\"start\": {}, \"end\": {}, \"text\": ", s.start, s.end)
                            .as_bytes(),
                    );
                    push_json_str(&mut o, &s.text);
                    o.extend_from_slice(b", \"kind\": ");
                    push_json_str(&mut o, s.kind.name());
                    o.extend_from_slice(b", \"value\": ");
                    push_json_str(&mut o, &s.value);
                    o.extend_from_slice(b", \"resolved\": ");
                    match &s.resolved {
                        Some(r) => push_json_str(&mut o, r),
                        None => o.extend_from_slice(b"null"),
                    }
                    o.push(b'}');
                }
                o.extend_from_slice(b"]}\n");
                o
            })
            .collect();
        rows.concat()
    })?;
    Ok(PyBytes::new(py, &out))
}

/// One JSON line per text: `{ID_FIELD: id, TEXT_FIELD: normalized text}`
/// with the texts of `normalize_batch(texts, form=form)`, as `bytes` (one
/// key when the two fields are one, as in a Python dict).
#[pyfunction]
#[pyo3(signature = (texts, ids, id_field, text_field, form="canonical"))]
fn _normalize_batch_jsonl<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    ids: &Bound<'py, PyList>,
    id_field: &str,
    text_field: &str,
    form: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let opts = crate::normalize::options(form, false, false, false, false)?;
    let texts = read_texts(texts, "texts")?;
    let ids = ids_arg(ids)?;
    check_len(texts.len(), ids.len())?;
    let texts = &texts;
    let opts = &opts;
    let out = crate::pool::detach(py, || {
        let rows: Vec<Vec<u8>> = (0..texts.len())
            .into_par_iter()
            .map_init(String::new, |buf, i| {
                let norm = crate::normalize::normalize_to_utf8(texts.view(i), buf, opts);
                let mut o = Vec::with_capacity(norm.len() + 64);
                o.push(b'{');
                if id_field != text_field {
                    push_json_str(&mut o, id_field);
                    o.extend_from_slice(b": ");
                    push_json_str(&mut o, &ids[i]);
                    o.extend_from_slice(b", ");
                }
                push_json_str(&mut o, text_field);
                o.extend_from_slice(b": ");
                push_json_str(&mut o, &norm);
                o.extend_from_slice(b"}\n");
                o
            })
            .collect();
        rows.concat()
    })?;
    Ok(PyBytes::new(py, &out))
}

#[cfg(test)]
mod tests {
    use super::push_json_str;

    #[test]
    fn strings_as_python_json_writes_them() {
        let mut o = Vec::new();
        push_json_str(&mut o, "a\"b\\c\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f} क\u{2028}");
        assert_eq!(
            String::from_utf8(o).unwrap(),
            "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\u{7f} क\u{2028}\""
        );
    }
}
