//! Bindings of `asimtext_core::normalize`.

use std::collections::VecDeque;

use asimtext_core::normalize::units::Ucs2Outcome;
use asimtext_core::normalize::{self as core, Form, Options};
use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyList, PySequence, PyString, PyTuple};

use crate::convert::{iter_arg, text_arg, type_name, OnSurrogate};
use crate::pipeline::Pipeline;
use crate::pystr::{ucs2_units, RawViews, StrDest, StrView, Ucs2Str};

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
        other => Err(crate::errors::value_error(format!(
            "form must be 'canonical', 'match' or 'nfc', not {other:?}"
        ))),
    }
}

pub(crate) fn options(
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

/// The options every normalize function takes, checked: the core's
/// [`Options`] and what to do on a lone surrogate (`errors`).
fn settings(
    form: &str,
    ascii_digits: bool,
    ascii_punctuation: bool,
    fix_mojibake: bool,
    fold_vowel_length: bool,
    errors: &str,
) -> PyResult<(Options, OnSurrogate)> {
    let opts = options(
        form,
        ascii_digits,
        ascii_punctuation,
        fix_mojibake,
        fold_vowel_length,
    )?;
    Ok((opts, OnSurrogate::parse(errors)?))
}

/// `text` as the code units CPython holds, when it is a `str` stored as
/// UCS-2 (Hindi text): the normalize functions then skip the UTF-8 round
/// trip, and fall back to it when this is `None` (or the core declines).
fn as_ucs2<'a, 'py>(text: &'a Bound<'py, PyAny>) -> Option<(&'a Bound<'py, PyString>, &'a [u16])> {
    let s = text.cast::<PyString>().ok()?;
    ucs2_units(s).map(|units| (s, units))
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
    let (opts, on_surrogate) = settings(
        form,
        ascii_digits,
        ascii_punctuation,
        fix_mojibake,
        fold_vowel_length,
        errors,
    )?;
    if let Some((s, units)) = as_ucs2(text) {
        let outcome = py.detach(|| Ucs2Done::from(core::units::normalize_ucs2(units, &opts)));
        if let Some(out) = from_outcome(s, outcome)? {
            return Ok(out);
        }
    }
    let input = text_arg(text, "text", on_surrogate)?;
    let out = py.detach(|| core::normalize(&input, &opts));
    // With errors="replace" the input may differ from `text`: never reuse it then.
    from_utf8_result(text, &input, out, on_surrogate != OnSurrogate::Replace)
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
/// i came from; one more entry, len(text), closes them, so that an output
/// span [s, e) maps back to text[offsets[s]:offsets[e]]. Offsets are monotone.
/// offsets="array" (default): a NumPy uint32 array, filled in Rust (no
/// Python object per code point); offsets="list": a list of int (the form of
/// earlier versions, about 7x slower to build).
/// Options as for normalize().
#[pyfunction]
#[pyo3(signature = (text, *, form="canonical", ascii_digits=false, ascii_punctuation=false, fix_mojibake=false, fold_vowel_length=false, errors="strict", offsets="array"))]
#[allow(clippy::too_many_arguments)]
fn normalize_with_offsets<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    form: &str,
    ascii_digits: bool,
    ascii_punctuation: bool,
    fix_mojibake: bool,
    fold_vowel_length: bool,
    errors: &str,
    offsets: &str,
) -> PyResult<Bound<'py, PyTuple>> {
    let (opts, on_surrogate) = settings(
        form,
        ascii_digits,
        ascii_punctuation,
        fix_mojibake,
        fold_vowel_length,
        errors,
    )?;
    let as_list = match offsets {
        "array" => false,
        "list" => true,
        other => {
            return Err(crate::errors::value_error(format!(
                "offsets must be 'array' or 'list', not {other:?}"
            )))
        }
    };
    if let Some((_, units)) = as_ucs2(text) {
        if let Some((out, starts)) =
            py.detach(|| core::units::normalize_ucs2_with_offsets(units, &opts))
        {
            let out = Ucs2Str::new(out).into_py(py)?.into_any();
            return PyTuple::new(py, [out, offsets_obj(py, starts, as_list)?]);
        }
    }
    let text = text_arg(text, "text", on_surrogate)?;
    let (out, starts) = py.detach(|| {
        let n = core::normalize_with_offsets(&text, &opts);
        // The offsets are the starts and one closing entry: no copy.
        let mut starts = n.starts;
        starts.push(n.input_len);
        (n.text, starts)
    });
    let out = PyString::new(py, &out).into_any();
    PyTuple::new(py, [out, offsets_obj(py, starts, as_list)?])
}

/// The offsets as a NumPy array (the vector's memory, no copy) or a list.
fn offsets_obj(py: Python<'_>, offsets: Vec<u32>, as_list: bool) -> PyResult<Bound<'_, PyAny>> {
    Ok(if as_list {
        PyList::new(py, offsets)?.into_any()
    } else {
        PyArray1::from_vec(py, offsets).into_any()
    })
}

/// Normalize many texts in parallel on all cores, with the GIL released.
///
/// texts: any iterable of str, or Arrow strings (a pyarrow string,
/// large_string or string_view array or chunked array, a pandas Series of
/// Arrow strings, anything with `__arrow_c_array__`/`__arrow_c_stream__`),
/// read in place without a Python object per text; a null is a ValueError
/// naming its index. Returns a list of str in the same order (a text already
/// in normal form is returned as it is), or with output="arrow" a
/// pyarrow.LargeStringArray (built without a Python object per text; needs
/// pyarrow). Errors name the item: TypeError("texts[3] must be str, not int").
/// Options as for normalize().
///
/// The workers take the GIL briefly every 1,024 texts, to make the result
/// objects. A list or tuple is read as the work goes (a list that another
/// thread shortens meanwhile ends where it ends); any other iterable is read
/// by the calling thread, 16,384 items at a time.
#[pyfunction]
#[pyo3(signature = (texts, *, form="canonical", ascii_digits=false, ascii_punctuation=false, fix_mojibake=false, fold_vowel_length=false, errors="strict", output="list"))]
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
    output: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let (opts, on_surrogate) = settings(
        form,
        ascii_digits,
        ascii_punctuation,
        fix_mojibake,
        fold_vowel_length,
        errors,
    )?;
    match output {
        "list" => Ok(normalize_to_list(py, texts, &opts, on_surrogate)?.into_any()),
        "arrow" => normalize_to_arrow(py, texts, &opts, on_surrogate),
        other => Err(crate::errors::value_error(format!(
            "output must be 'list' or 'arrow', not {other:?}"
        ))),
    }
}

/// `normalize_batch(..., output="arrow")`: the normalized texts written into
/// one UTF-8 buffer with 64-bit offsets, handed to pyarrow without a copy.
fn normalize_to_arrow<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    opts: &Options,
    on_surrogate: OnSurrogate,
) -> PyResult<Bound<'py, PyAny>> {
    let pa = py.import("pyarrow").map_err(|_| {
        crate::errors::missing_dependency(
            "normalize_batch(output='arrow') needs pyarrow: pip install pyarrow",
        )
    })?;
    let (offsets, data) = if on_surrogate == OnSurrogate::Replace {
        // The replacing reader is the list path's: normalize there, then
        // copy the results once.
        let list = normalize_to_list(py, texts, opts, on_surrogate)?;
        let strs: Vec<String> = list.extract()?;
        concat_utf8(strs.iter().map(String::as_str))
    } else {
        let texts = crate::pystr::read_texts(texts, "texts")?;
        let texts = &texts;
        crate::pool::detach(py, || {
            use rayon::prelude::*;
            let out: Vec<std::borrow::Cow<'_, str>> = (0..texts.len())
                .into_par_iter()
                .map_init(String::new, |buf, i| {
                    normalize_to_utf8(texts.view(i), buf, opts)
                })
                .collect();
            concat_utf8(out.iter().map(|t| t.as_ref()))
        })?
    };
    let n = offsets.len() - 1;
    let offsets = numpy::PyArray1::from_vec(py, offsets);
    let data = numpy::PyArray1::from_vec(py, data);
    let buffers = (
        py.None(),
        pa.call_method1("py_buffer", (offsets,))?,
        pa.call_method1("py_buffer", (data,))?,
    );
    pa.getattr("Array")?.call_method1(
        "from_buffers",
        (
            pa.call_method0("large_string")?,
            n,
            buffers.into_pyobject(py)?.to_list(),
        ),
    )
}

/// One text normalized into UTF-8, through the UCS-2 path (the faster one)
/// when the text is all in the BMP and not ASCII; an Arrow text already in
/// normal form is borrowed. `view` holds no lone surrogate (checked when it
/// was read).
pub(crate) fn normalize_to_utf8<'a>(
    view: StrView<'a>,
    buf: &mut String,
    opts: &Options,
) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let utf8 = |units: &[u16]| {
        let mut s = String::new();
        // No surrogates: BMP code points only (see Ucs2Outcome).
        let _ = asimtext_core::ucs::utf8_from_ucs2(units, &mut s);
        s
    };
    let done = match view {
        StrView::Ucs2(units) => match core::units::normalize_ucs2(units, opts) {
            Ucs2Outcome::Unchanged => Some(Cow::Owned(utf8(units))),
            Ucs2Outcome::Changed(u) => Some(Cow::Owned(utf8(&u))),
            Ucs2Outcome::Unsupported => None,
        },
        StrView::Utf8(s) => match bmp_units(s).map(|u| core::units::normalize_ucs2(&u, opts)) {
            Some(Ucs2Outcome::Unchanged) => Some(Cow::Borrowed(s)),
            Some(Ucs2Outcome::Changed(u)) => Some(Cow::Owned(utf8(&u))),
            _ => None,
        },
        _ => None,
    };
    done.unwrap_or_else(|| {
        Cow::Owned(core::normalize(
            view.to_utf8(buf, OnSurrogate::Replace).unwrap_or_default(),
            opts,
        ))
    })
}

/// The UCS-2 code units of `s` when it is not ASCII and every code point is
/// in the BMP (so that the UCS-2 path applies); `None` otherwise.
fn bmp_units(s: &str) -> Option<Vec<u16>> {
    if s.is_ascii() {
        return None;
    }
    let mut units = Vec::new();
    asimtext_core::ucs::ucs2_from_utf8(s, &mut units).then_some(units)
}

/// Arrow `large_string` buffers of `texts`: offsets (n + 1) and data.
fn concat_utf8<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> (Vec<i64>, Vec<u8>) {
    let mut offsets = Vec::with_capacity(texts.size_hint().0 + 1);
    offsets.push(0i64);
    let mut data = Vec::with_capacity(texts.clone().map(str::len).sum());
    for t in texts {
        data.extend_from_slice(t.as_bytes());
        offsets.push(data.len() as i64);
    }
    (offsets, data)
}

/// `normalize_batch(..., output="list")`.
fn normalize_to_list<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    opts: &Options,
    on_surrogate: OnSurrogate,
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    let batch = Batch {
        out: out.clone().unbind(),
        opts,
        on_surrogate,
    };
    if texts.is_exact_instance_of::<PyList>() || texts.is_exact_instance_of::<PyTuple>() {
        batch.run(
            py,
            Source::Sequence {
                seq: texts.clone().unbind(),
                next: 0,
            },
        )?;
        return Ok(out);
    }
    if let Some(arrow) = crate::arrow::import(texts, "texts")? {
        let views = RawViews::of_arrow(py, &arrow, "texts")?;
        batch.run(
            py,
            Source::Arrow {
                _arrow: arrow,
                views,
                next: 0,
            },
        )?;
        return Ok(out);
    }
    // Any other iterable is read here, a block at a time, so that no user
    // code (an iterator's `__next__`) ever runs, or blocks, on rayon's threads.
    let iter = iter_arg(texts, "texts", "str")?;
    let mut chunks = VecDeque::new();
    let mut n = 0usize;
    let mut first = 0usize; // index in texts of the block's first item
    for (i, item) in iter.enumerate() {
        let s = item?
            .cast_into::<PyString>()
            .map_err(|e| not_str(i, e.into_inner().as_any()))?;
        if n.is_multiple_of(CHUNK) {
            chunks.push_back(Vec::with_capacity(CHUNK));
        }
        chunks.back_mut().expect("a chunk").push(s.unbind());
        n += 1;
        if n == BLOCK {
            batch.run(
                py,
                Source::Read {
                    chunks: std::mem::take(&mut chunks),
                    first,
                },
            )?;
            first += n;
            n = 0;
        }
    }
    batch.run(py, Source::Read { chunks, first })?;
    Ok(out)
}

fn not_str(i: usize, item: &Bound<'_, PyAny>) -> PyErr {
    crate::errors::type_error(format!("texts[{i}] must be str, not {}", type_name(item)))
}

/// Items per parallel step of `normalize_batch` (about 2 MB of news text):
/// steps of 512 left more time in the synchronization at their ends.
const CHUNK: usize = 1024;

/// Items of an iterable other than a list or tuple read before they are
/// normalized (in steps of [`CHUNK`]).
const BLOCK: usize = 16 * CHUNK;

/// A `normalize_batch` call, run as a [`Pipeline`]: the workers normalize
/// a chunk while the GIL work makes the previous chunk's result objects and
/// reads the next chunk. (The GIL work runs no user code, with one
/// exception: the finalizer of a `str` subclass whose last other reference a
/// concurrent thread dropped from the input list.)
struct Batch<'a> {
    out: Py<PyList>,
    opts: &'a Options,
    on_surrogate: OnSurrogate,
}

/// Where the steps of a batch find their strings (with the GIL held).
enum Source {
    /// A list or tuple, read a chunk at a time: no user code runs (a list
    /// that another thread shortens meanwhile ends where it ends).
    Sequence { seq: Py<PyAny>, next: usize },
    /// Strings the calling thread has read, in chunks; `first` is the index
    /// in the batch of the first.
    Read {
        chunks: VecDeque<Vec<Py<PyString>>>,
        first: usize,
    },
    /// Arrow strings (kept alive here), read a chunk of views at a time.
    Arrow {
        _arrow: crate::arrow::ArrowStrings,
        views: RawViews,
        next: usize,
    },
}

/// Input strings, with views that the workers read without the GIL.
struct Chunk {
    /// Keeps alive the strings `views` points into (empty for Arrow input,
    /// which the `Source` keeps alive).
    items: Vec<Py<PyString>>,
    views: RawViews,
    /// Index in the batch of `items[0]`.
    first: usize,
}

impl Source {
    /// The next chunk, or `None` at the end.
    fn next(&mut self, py: Python<'_>) -> PyResult<Option<Chunk>> {
        if let Source::Arrow { views, next, .. } = self {
            let first = *next;
            let end = (first + CHUNK).min(views.len());
            if first == end {
                return Ok(None);
            }
            *next = end;
            return Ok(Some(Chunk {
                items: Vec::new(),
                views: views.slice(first, end),
                first,
            }));
        }
        let (items, first) = match self {
            Source::Sequence { seq, next } => {
                let seq = seq.bind(py).cast::<PySequence>()?;
                let first = *next;
                let end = (first + CHUNK).min(seq.len()?);
                let items = (first..end)
                    .map(|i| {
                        let item = seq.get_item(i)?;
                        match item.cast_into::<PyString>() {
                            Ok(s) => Ok(s.unbind()),
                            Err(e) => Err(not_str(i, e.into_inner().as_any())),
                        }
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                *next = end;
                (items, first)
            }
            Source::Read { chunks, first } => match chunks.pop_front() {
                Some(items) => {
                    let at = *first;
                    *first += items.len();
                    (items, at)
                }
                None => (Vec::new(), *first),
            },
            Source::Arrow { .. } => unreachable!("handled above"),
        };
        if items.is_empty() {
            return Ok(None);
        }
        // SAFETY: `Chunk::items` keeps the strings alive with the views.
        let views = unsafe { RawViews::of(items.iter().map(|s| s.bind(py)))? };
        Ok(Some(Chunk {
            items,
            views,
            first,
        }))
    }
}

/// New strings, allocated in order with the GIL, and the code points the
/// workers write into them.
type Fills = Vec<(Ucs2Str, StrDest)>;

impl Batch<'_> {
    /// Normalize the strings of `source` and append the results to `out`;
    /// the calling thread waits without the GIL.
    fn run(&self, py: Python<'_>, mut source: Source) -> PyResult<()> {
        Pipeline {
            read: |py: Python<'_>| source.next(py),
            work: |c: &mut Chunk| normalize_views(&c.views, self.opts),
            emit: |py: Python<'_>, c: Chunk, done: Vec<Done>, fills: &mut Fills| {
                self.emit(py, c, done, fills)
            },
            finish: fill,
        }
        .run(py)
    }

    /// Append the results of `chunk` to `out`, in order; the new strings
    /// still to be written go to `fills` (also when an error stops this
    /// early).
    fn emit(
        &self,
        py: Python<'_>,
        chunk: Chunk,
        done: Vec<Done>,
        fills: &mut Fills,
    ) -> PyResult<()> {
        let out = self.out.bind(py);
        if chunk.items.is_empty() {
            // Arrow input: every text is new.
            for (k, d) in done.into_iter().enumerate() {
                let result = match d {
                    Done::Ucs2(Ucs2Done::Changed(text)) => {
                        let (obj, dest) = text.alloc_py(py)?;
                        fills.push((text, dest));
                        obj
                    }
                    Done::Utf8 { text, .. } => PyString::new(py, &text),
                    _ => {
                        let mut buf = String::new();
                        let text = chunk
                            .views
                            .view(k)
                            .to_utf8(&mut buf, OnSurrogate::Strict)
                            .unwrap_or_default();
                        PyString::new(py, &core::normalize(text, self.opts))
                    }
                };
                out.append(result)?;
            }
            return Ok(());
        }
        for (k, (s, d)) in chunk.items.iter().zip(done).enumerate() {
            let s = s.bind(py);
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
                // A lone surrogate or a result beyond the BMP: the UTF-8
                // path, which names the item in its error or replaces the
                // surrogate.
                None => {
                    let what = format!("texts[{}]", chunk.first + k);
                    let text = text_arg(s.as_any(), &what, self.on_surrogate)?;
                    let norm = core::normalize(&text, self.opts);
                    let lossless = self.on_surrogate != OnSurrogate::Replace;
                    from_utf8_result(s.as_any(), &text, norm, lossless)?
                }
            };
            out.append(result)?;
        }
        Ok(())
    }
}

/// Write the code points of new strings (on all cores, without the GIL).
fn fill(fills: Fills) {
    use rayon::prelude::*;
    fills
        .into_par_iter()
        .for_each(|(text, dest)| text.write(dest));
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
            // Arrow text: every result is a new `str`; made from code units
            // (written on all cores) when the UCS-2 path applies.
            StrView::Utf8(s) => match bmp_units(s).map(|u| {
                let outcome = core::units::normalize_ucs2(&u, opts);
                (u, outcome)
            }) {
                Some((units, Ucs2Outcome::Unchanged)) => {
                    Done::Ucs2(Ucs2Done::Changed(Ucs2Str::new(units)))
                }
                Some((_, Ucs2Outcome::Changed(u))) => {
                    Done::Ucs2(Ucs2Done::Changed(Ucs2Str::new(u)))
                }
                _ => Done::Utf8 {
                    text: core::normalize(s, opts),
                    same: false,
                },
            },
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
