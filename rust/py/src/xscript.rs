//! Bindings of `asimtext_core::xscript` (cross-script matching key).

use asimtext_core::xscript as core;
use pyo3::prelude::*;
use rayon::prelude::*;

use crate::convert::{text_arg, texts_arg, OnSurrogate};

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(xscript_key, m)?)?;
    m.add_function(wrap_pyfunction!(xscript_keys, m)?)?;
    m.add_function(wrap_pyfunction!(xscript_keys_batch, m)?)?;
    m.add_function(wrap_pyfunction!(xscript_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(xscript_romanize, m)?)?;
    m.add_function(wrap_pyfunction!(xscript_is_stopword, m)?)?;
    Ok(())
}

type Span = (usize, usize, String);

/// The cross-script matching key of a word.
///
/// The same name written in Devanagari or in Latin letters gets the same key:
/// `xscript_key("असीम अरुण") == xscript_key("Aseem Arun") == "asim arun"`;
/// acronyms get the upper-case key of their letters (`"बीजेपी"` and `"BJP"`
/// give `"BJP"`). A text of several words gives their keys (stop-words
/// included) joined by a space; a text without letters gives `""`.
#[pyfunction]
#[pyo3(signature = (word, *, errors="strict"))]
fn xscript_key(py: Python<'_>, word: &Bound<'_, PyAny>, errors: &str) -> PyResult<String> {
    let word = text_arg(word, "word", OnSurrogate::parse(errors)?)?;
    Ok(py.detach(|| core::key(&word)))
}

/// `(start, end, key)` of the words of a text, in order.
///
/// Offsets are code points into `text` (Python `str` indices). Stop-words
/// (Hindi function words such as `के`, English ones such as `the`) are left out
/// unless `stopwords=True`. Words are found in the match-key normalization of
/// the text and mapped back to it.
#[pyfunction]
#[pyo3(signature = (text, *, stopwords=false, errors="strict"))]
fn xscript_keys(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    stopwords: bool,
    errors: &str,
) -> PyResult<Vec<Span>> {
    let text = text_arg(text, "text", OnSurrogate::parse(errors)?)?;
    Ok(py.detach(|| core::keys(&text, stopwords)))
}

/// `xscript_keys` over many texts in parallel (all cores, GIL released).
///
/// A non-`str` item raises `TypeError` naming it (`texts[3]`).
#[pyfunction]
#[pyo3(signature = (texts, *, stopwords=false, errors="strict"))]
fn xscript_keys_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    stopwords: bool,
    errors: &str,
) -> PyResult<Vec<Vec<Span>>> {
    let texts = texts_arg(texts, "texts", OnSurrogate::parse(errors)?)?;
    crate::pool::detach(py, || {
        texts.par_iter().map(|t| core::keys(t, stopwords)).collect()
    })
}

/// All tokens of a text as `(start, end, key, kind)`.
///
/// `kind` is `"word"` (lower-case phonetic key), `"acronym"` (upper-case
/// letters) or `"stop"` (a stop-word).
#[pyfunction]
#[pyo3(signature = (text, *, errors="strict"))]
fn xscript_tokens(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    errors: &str,
) -> PyResult<Vec<(usize, usize, String, &'static str)>> {
    let text = text_arg(text, "text", OnSurrogate::parse(errors)?)?;
    Ok(py.detach(|| {
        core::tokens(&text)
            .into_iter()
            .map(|t| (t.start, t.end, t.key, t.kind.as_str()))
            .collect()
    }))
}

/// Romanize the Devanagari words of a text; other characters are kept.
///
/// Inherent vowels are deleted with the usual Hindi schwa-deletion heuristic:
/// `xscript_romanize("कानपुर") == "kaanpur"`. No normalization is applied.
#[pyfunction]
#[pyo3(signature = (text, *, errors="strict"))]
fn xscript_romanize(py: Python<'_>, text: &Bound<'_, PyAny>, errors: &str) -> PyResult<String> {
    let text = text_arg(text, "text", OnSurrogate::parse(errors)?)?;
    Ok(py.detach(|| core::romanize(&text)))
}

/// True if `word` (in match-key form: Latin lower case, no nukta) is a Hindi
/// or English stop-word.
#[pyfunction]
fn xscript_is_stopword(word: &Bound<'_, PyAny>) -> PyResult<bool> {
    let word = text_arg(word, "word", OnSurrogate::Reject)?;
    Ok(core::is_stopword(&word))
}
