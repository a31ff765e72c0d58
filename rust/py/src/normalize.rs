//! Bindings of `asimtext_core::normalize`.

use asimtext_core::normalize::{self as core, Form, Options};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert::{pipelined_map, text_arg, OnSurrogate};
use pyo3::types::PyList;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_with_offsets, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_batch, m)?)?;
    Ok(())
}

pub fn parse_form(form: &str) -> PyResult<Form> {
    match form {
        "canonical" => Ok(Form::Canonical),
        "match" => Ok(Form::Match),
        "nfc" => Ok(Form::Nfc),
        other => Err(PyValueError::new_err(format!(
            "form must be 'canonical', 'match' or 'nfc', not {other:?}"
        ))),
    }
}

fn options(
    form: &str,
    ascii_digits: bool,
    ascii_punctuation: bool,
    fix_mojibake: bool,
    fold_vowel_length: bool,
) -> PyResult<Options> {
    Ok(Options {
        form: parse_form(form)?,
        ascii_digits,
        ascii_punctuation,
        fix_mojibake,
        fold_vowel_length,
    })
}

/// Normalize Hindi/English text.
///
/// form: "canonical" (default): Unicode NFC plus the Devanagari rules (vowel
///     letters written as sequences, nukta order, invisible characters, ZWJ/ZWNJ
///     outside conjuncts, white space, stray marks, dandas); safe to store and show.
///     "match": canonical plus lossy folds (nukta, chandrabindu, nasal+virama,
///     candra vowels, digits, dandas, quotes, case) for matching only.
///     "nfc": plain Unicode NFC (Unicode 18.0.0).
/// ascii_digits: Devanagari digits to ASCII (always on in "match").
/// ascii_punctuation: curly quotes and dashes to ASCII.
/// fix_mojibake: repair UTF-8 that was decoded as cp1252/latin-1 ("à¤•à¤¾" -> "का").
/// fold_vowel_length: "match" only: fold long and short i/u (ी -> ि, ू -> ु).
/// errors: "strict" (default) raises ValueError on a lone surrogate, naming its
///     index; "replace" replaces each one with U+FFFD (offsets stay valid).
///
/// Raises TypeError if text is not a str.
#[pyfunction]
#[pyo3(signature = (text, *, form="canonical", ascii_digits=false, ascii_punctuation=false, fix_mojibake=false, fold_vowel_length=false, errors="strict"))]
#[allow(clippy::too_many_arguments)]
fn normalize(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    form: &str,
    ascii_digits: bool,
    ascii_punctuation: bool,
    fix_mojibake: bool,
    fold_vowel_length: bool,
    errors: &str,
) -> PyResult<String> {
    let opts = options(
        form,
        ascii_digits,
        ascii_punctuation,
        fix_mojibake,
        fold_vowel_length,
    )?;
    let text = text_arg(text, "text", OnSurrogate::parse(errors)?)?;
    Ok(py.detach(|| core::normalize(&text, &opts)))
}

/// Normalize one text and return (normalized, offsets).
///
/// offsets[i] is the index in `text` of the code point that output code point
/// i came from; one more entry, len(text), closes the list, so that an output
/// span [s, e) maps back to text[offsets[s]:offsets[e]]. Offsets are monotone.
/// Options as for normalize().
#[pyfunction]
#[pyo3(signature = (text, *, form="canonical", ascii_digits=false, ascii_punctuation=false, fix_mojibake=false, fold_vowel_length=false, errors="strict"))]
#[allow(clippy::too_many_arguments)]
fn normalize_with_offsets(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    form: &str,
    ascii_digits: bool,
    ascii_punctuation: bool,
    fix_mojibake: bool,
    fold_vowel_length: bool,
    errors: &str,
) -> PyResult<(String, Vec<u32>)> {
    let opts = options(
        form,
        ascii_digits,
        ascii_punctuation,
        fix_mojibake,
        fold_vowel_length,
    )?;
    let text = text_arg(text, "text", OnSurrogate::parse(errors)?)?;
    let n = py.detach(|| core::normalize_with_offsets(&text, &opts));
    let offsets = n.offsets();
    Ok((n.text, offsets))
}

/// Normalize many texts in parallel on all cores, with the GIL released.
///
/// texts: any iterable of str. Returns a list of str in the same order.
/// Errors name the item: TypeError("texts[3] must be str, not int").
/// Options as for normalize().
#[pyfunction]
#[pyo3(signature = (texts, *, form="canonical", ascii_digits=false, ascii_punctuation=false, fix_mojibake=false, fold_vowel_length=false, errors="strict"))]
#[allow(clippy::too_many_arguments)]
fn normalize_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'_, PyAny>,
    form: &str,
    ascii_digits: bool,
    ascii_punctuation: bool,
    fix_mojibake: bool,
    fold_vowel_length: bool,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    let opts = options(
        form,
        ascii_digits,
        ascii_punctuation,
        fix_mojibake,
        fold_vowel_length,
    )?;
    let out = PyList::empty(py);
    pipelined_map(
        texts,
        "texts",
        OnSurrogate::parse(errors)?,
        |t| core::normalize(t, &opts),
        |s| out.append(s),
    )?;
    Ok(out)
}
