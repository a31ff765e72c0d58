//! Bindings of `asimtext_core::normalize`.

use asimtext_core::normalize::{self as core, Form, Options};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use asimtext_core::normalize::units::Ucs2Outcome;
use pyo3::exceptions::PyTypeError;
use pyo3::types::{PyList, PyString};

use crate::convert::{iter_arg, text_arg, type_name, OnSurrogate};
use crate::pystr::{ucs2_units, RawViews, StrView, Ucs2Str};

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
/// A text already in normal form is returned as it is (the same object, for a
/// plain str). Raises TypeError if text is not a str.
#[pyfunction]
#[pyo3(signature = (text, *, form="canonical", ascii_digits=false, ascii_punctuation=false, fix_mojibake=false, fold_vowel_length=false, errors="strict"))]
#[allow(clippy::too_many_arguments)]
fn normalize<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    form: &str,
    ascii_digits: bool,
    ascii_punctuation: bool,
    fix_mojibake: bool,
    fold_vowel_length: bool,
    errors: &str,
) -> PyResult<Bound<'py, PyString>> {
    let opts = options(
        form,
        ascii_digits,
        ascii_punctuation,
        fix_mojibake,
        fold_vowel_length,
    )?;
    let on_surrogate = OnSurrogate::parse(errors)?;
    if let Ok(s) = text.cast::<PyString>() {
        if let Some(units) = ucs2_units(s) {
            let outcome = py.detach(|| Ucs2Done::from(core::units::normalize_ucs2(units, &opts)));
            if let Some(out) = from_outcome(s, outcome)? {
                return Ok(out);
            }
        }
    }
    let input = text_arg(text, "text", on_surrogate)?;
    let out = py.detach(|| core::normalize(&input, &opts));
    // With errors="replace" the input may differ from `text`: never reuse it then.
    from_utf8_result(text, &input, out, on_surrogate == OnSurrogate::Strict)
}

/// What the UCS-2 path found, with any new text ready to become a `str`.
enum Ucs2Done {
    Unchanged,
    Changed(Ucs2Str),
    Unsupported,
}

impl From<Ucs2Outcome> for Ucs2Done {
    fn from(o: Ucs2Outcome) -> Self {
        match o {
            Ucs2Outcome::Unchanged => Ucs2Done::Unchanged,
            Ucs2Outcome::Changed(units) => Ucs2Done::Changed(Ucs2Str::new(units)),
            Ucs2Outcome::Unsupported => Ucs2Done::Unsupported,
        }
    }
}

/// The result string for a UCS-2 outcome; `None` when the UTF-8 path must run.
fn from_outcome<'py>(
    s: &Bound<'py, PyString>,
    outcome: Ucs2Done,
) -> PyResult<Option<Bound<'py, PyString>>> {
    Ok(match outcome {
        Ucs2Done::Unchanged => Some(unchanged(s)?),
        Ucs2Done::Changed(text) => Some(text.into_py(s.py())?),
        Ucs2Done::Unsupported => None,
    })
}

/// The input itself when it is a plain `str` (strings are immutable), else a
/// plain `str` copy of it, so that subclasses never leak into results.
fn unchanged<'py>(s: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    if s.is_exact_instance_of::<PyString>() {
        Ok(s.clone())
    } else {
        Ok(PyString::new(s.py(), s.to_str()?))
    }
}

/// The result of the UTF-8 path: the input object when nothing changed
/// (no decoding) and `input` is exactly `text` (`lossless`), else a new `str`.
fn from_utf8_result<'py>(
    text: &Bound<'py, PyAny>,
    input: &str,
    out: String,
    lossless: bool,
) -> PyResult<Bound<'py, PyString>> {
    if lossless && out == input {
        if let Ok(s) = text.cast::<PyString>() {
            if s.is_exact_instance_of::<PyString>() {
                return Ok(s.clone());
            }
        }
    }
    Ok(PyString::new(text.py(), &out))
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
    texts: &Bound<'py, PyAny>,
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
    let on_surrogate = OnSurrogate::parse(errors)?;
    let iter = iter_arg(texts, "texts", "str")?;
    let out = PyList::empty(py);
    let mut chunk: Vec<Bound<'py, PyString>> = Vec::with_capacity(CHUNK);
    let mut first = 0usize; // index of chunk[0] in texts
    for (i, item) in iter.enumerate() {
        let s = item?.cast_into::<PyString>().map_err(|e| {
            PyTypeError::new_err(format!(
                "texts[{i}] must be str, not {}",
                type_name(e.into_inner().as_any())
            ))
        })?;
        chunk.push(s);
        if chunk.len() == CHUNK {
            batch_chunk(py, &chunk, first, &opts, on_surrogate, &out)?;
            first += chunk.len();
            chunk.clear();
        }
    }
    batch_chunk(py, &chunk, first, &opts, on_surrogate, &out)?;
    Ok(out)
}

/// Items per parallel step of `normalize_batch` (about 4 MB of news text):
/// large enough that waking rayon's threads is rare (512 scaled 1.5x on 2
/// cores, 2048 1.6x), small enough to bound the memory of the results held
/// before they become `str`. (Overlapping one chunk's result objects with the
/// next chunk's work on a second thread was tried and measured slower: the
/// extra thread competes with rayon's.)
const CHUNK: usize = 2048;

/// Normalize `chunk` (items `first..` of the batch) on all cores without the
/// GIL, then append the results to `out` in order.
fn batch_chunk<'py>(
    py: Python<'py>,
    chunk: &[Bound<'py, PyString>],
    first: usize,
    opts: &Options,
    on_surrogate: OnSurrogate,
    out: &Bound<'py, PyList>,
) -> PyResult<()> {
    // SAFETY: `chunk` holds the strings for the whole call.
    let views = unsafe { RawViews::of(chunk)? };
    let done = py.detach(|| normalize_views(&views, opts));
    emit(py, chunk, first, done, opts, on_surrogate, out)
}

/// One result of a batch's workers.
enum Done {
    Ucs2(Ucs2Done),
    /// Normalized through UTF-8; `same` when the result equals the input.
    Utf8 {
        text: String,
        same: bool,
    },
    /// A lone surrogate: handled under the GIL afterwards.
    Invalid,
}

/// Normalize every string of `views` on all cores (rayon), reading each
/// where CPython keeps it; runs without the GIL.
fn normalize_views(views: &RawViews, opts: &Options) -> Vec<Done> {
    use rayon::prelude::*;
    (0..views.len())
        .into_par_iter()
        .map_init(String::new, |buf, i| match views.view(i) {
            StrView::Ucs2(units) => Done::Ucs2(core::units::normalize_ucs2(units, opts).into()),
            view => match view.to_utf8(buf, OnSurrogate::Strict) {
                Ok(text) => {
                    let norm = core::normalize(text, opts);
                    let same = norm == text;
                    Done::Utf8 { text: norm, same }
                }
                Err(_) => Done::Invalid,
            },
        })
        .collect()
}

/// Append the results of `chunk` (items `first..` of the batch) to `out`, in order.
fn emit<'py>(
    py: Python<'py>,
    chunk: &[Bound<'py, PyString>],
    first: usize,
    done: Vec<Done>,
    opts: &Options,
    on_surrogate: OnSurrogate,
    out: &Bound<'py, PyList>,
) -> PyResult<()> {
    // New strings are allocated here, in order, and filled afterwards by the
    // workers without the GIL: the copies and the freeing of the workers'
    // buffers are then not serial work.
    let mut fills = Vec::new();
    let result = (|| -> PyResult<()> {
        for (k, (s, d)) in chunk.iter().zip(done).enumerate() {
            let result = match d {
                Done::Ucs2(Ucs2Done::Changed(text)) => {
                    let (obj, dest) = text.alloc_py(py)?;
                    fills.push((text, dest));
                    Some(obj)
                }
                Done::Ucs2(outcome) => from_outcome(s, outcome)?,
                Done::Utf8 { same: true, .. } => Some(unchanged(s)?),
                Done::Utf8 { text, .. } => Some(PyString::new(py, &text)),
                Done::Invalid => None,
            };
            let result = match result {
                Some(r) => r,
                // A lone surrogate or a result beyond the BMP: the UTF-8 path,
                // which names the item in its error or replaces the surrogate.
                None => {
                    let text =
                        text_arg(s.as_any(), &format!("texts[{}]", first + k), on_surrogate)?;
                    let norm = py.detach(|| core::normalize(&text, opts));
                    from_utf8_result(s.as_any(), &text, norm, on_surrogate == OnSurrogate::Strict)?
                }
            };
            out.append(result)?;
        }
        Ok(())
    })();
    // Fill the strings even after an error (they are in `out`, which is
    // dropped then, but never left half made while reachable).
    py.detach(|| {
        use rayon::prelude::*;
        fills
            .into_par_iter()
            .for_each(|(text, dest)| text.write(dest))
    });
    result
}
