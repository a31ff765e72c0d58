//! Bindings of `asimtext_core::prepare`: the prepared-document batch the
//! digest's prepare and stories stages read (contract: docs/contracts/prepare.md),
//! and what its value stages read.

use std::sync::Mutex;

use asimtext_core::gazetteer::ENTRIES;
use asimtext_core::prepare::doc::{self, Lang, Prepared};
use asimtext_core::prepare::tokens::{self, Interner, Packed, Piece};
use asimtext_core::prepare::{self as core, Value};
use asimtext_core::vocab::{self, DocWords};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};
use rayon::prelude::*;

use crate::convert::{texts_arg, type_name, OnSurrogate};
use crate::errors::{out_of_range, value_error};
use crate::pystr::{read_texts, StrView};
use crate::spans::{reference_arg, Span};

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_context_keys_batch, m)?)?;
    m.add_class::<PreparedBatch>()?;
    m.add_function(wrap_pyfunction!(_prepare_batch, m)?)?;
    m.add_function(wrap_pyfunction!(_prepared_vocabulary, m)?)?;
    m.add_function(wrap_pyfunction!(_detect_lang, m)?)?;
    m.add_function(wrap_pyfunction!(_prepared_near_duplicates, m)?)?;
    m.add_function(wrap_pyfunction!(_prepared_signatures, m)?)?;
    m.add_function(wrap_pyfunction!(_prepared_overlaps, m)?)?;
    m.add_function(wrap_pyfunction!(_prepared_passages, m)?)?;
    m.add_function(wrap_pyfunction!(_normalization_calls, m)?)?;
    Ok(())
}

/// Texts prepared once for the digest (:func:`_prepare_batch`): per text its
/// spans (unresolved until read), its words for the story vocabulary, its
/// language and its gazetteer names, held in Rust (compact: one string arena
/// per text for its spans, one for its words; no Python object until read).
///
/// Rows are the positions of the texts in the batch. Pure twin:
/// ``asimtext.pure.prepare.PreparedBatch``.
#[pyclass(frozen, module = "asimtext._core")]
pub struct PreparedBatch {
    /// Spans, language and names (the words moved out to `words`).
    docs: Vec<Prepared>,
    /// The words of each text, until [`PreparedBatch::release_words`] (then
    /// `None`).
    words: Mutex<Option<Vec<DocWords>>>,
    /// The match-key tokens of each text, until
    /// [`PreparedBatch::release_tokens`] lets the row's go (then `None`).
    tokens: Mutex<Vec<Option<Packed>>>,
    /// The distinct token hashes of the batch (a token is kept as its index).
    table: Vec<u64>,
    /// The rows whose words and tokens [`PreparedBatch::release_rows`] let go.
    released: Mutex<Vec<bool>>,
}

impl PreparedBatch {
    fn doc(&self, row: i64) -> PyResult<&Prepared> {
        usize::try_from(row)
            .ok()
            .and_then(|r| self.docs.get(r))
            .ok_or_else(|| {
                out_of_range(format!(
                    "row {row} out of range for a batch of {} texts",
                    self.docs.len()
                ))
            })
    }
}

fn lang_str(py: Python<'_>, lang: Option<Lang>) -> Option<&Bound<'_, PyString>> {
    lang.map(|l| match l {
        Lang::Hi => intern!(py, "hi"),
        Lang::En => intern!(py, "en"),
        Lang::Mixed => intern!(py, "mixed"),
    })
}

#[pymethods]
impl PreparedBatch {
    fn __len__(&self) -> usize {
        self.docs.len()
    }

    /// The spans of text ``row``, sorted by ``(start, end)``, dates and
    /// weekdays resolved against ``reference_date`` (``None``, a
    /// ``datetime.date`` or ``'YYYY-MM-DD'``): exactly ``extract(text,
    /// reference_date=reference_date)`` sorted, without reading the text again.
    #[pyo3(signature = (row, reference_date=None))]
    fn spans<'py>(
        &self,
        py: Python<'py>,
        row: i64,
        reference_date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let d = self.doc(row)?;
        let reference = match reference_date {
            Some(r) => reference_arg(r, "reference_date")?,
            None => None,
        };
        let list = PyList::empty(py);
        for s in d.spans.spans(reference) {
            list.append(Bound::new(py, Span::from_core(s))?)?;
        }
        Ok(list)
    }

    /// How many spans text ``row`` has.
    fn n_spans(&self, row: i64) -> PyResult<usize> {
        Ok(self.doc(row)?.spans.len())
    }

    /// The language of every text: ``'hi'``, ``'en'``, ``'mixed'`` or ``None``
    /// (``asimtext.digest.text.detect_lang``'s rule).
    fn langs<'py>(&self, py: Python<'py>) -> Vec<Option<Bound<'py, PyString>>> {
        self.docs
            .iter()
            .map(|d| lang_str(py, d.lang).cloned())
            .collect()
    }

    /// ``(start, end, entry id)`` of the gazetteer names of text ``row``
    /// (exactly ``gazetteer_find(text)``).
    fn places(&self, row: i64) -> PyResult<Vec<(u32, u32, &'static str)>> {
        Ok(self
            .doc(row)?
            .places
            .iter()
            .map(|p| (p.start, p.end, ENTRIES[p.entry as usize].0))
            .collect())
    }

    /// Let go of the texts' words (the story vocabulary's input) once the
    /// vocabulary is made: the spans, languages and names stay.
    fn release_words(&self, py: Python<'_>) {
        // (locks are taken with the GIL released: see _prepared_vocabulary)
        py.detach(|| *lock(&self.words) = None);
    }

    /// Let go of the match-key tokens of ``rows`` (all rows: ``None``), once
    /// no stage will read them (near-duplicates, copies, sentence templates).
    #[pyo3(signature = (rows=None))]
    fn release_tokens(&self, py: Python<'_>, rows: Option<Vec<i64>>) -> PyResult<()> {
        if let Some(rs) = &rows {
            for &r in rs {
                self.doc(r)?;
            }
        }
        py.detach(|| {
            let mut t = lock(&self.tokens);
            match rows {
                None => t.iter_mut().for_each(|x| *x = None),
                Some(rs) => rs.into_iter().for_each(|r| t[r as usize] = None),
            }
        });
        Ok(())
    }

    /// Let go of the words and tokens of ``rows`` (a streamed digest's articles
    /// whose stories closed): the batch's memory follows the rows still read. A
    /// vocabulary asked of a released row is an error naming it.
    fn release_rows(&self, py: Python<'_>, rows: Vec<i64>) -> PyResult<()> {
        for &r in &rows {
            self.doc(r)?;
        }
        py.detach(|| {
            let mut rel = lock(&self.released);
            let mut words = lock(&self.words);
            let mut toks = lock(&self.tokens);
            for &r in &rows {
                let r = r as usize;
                rel[r] = true;
                toks[r] = None;
                if let Some(ws) = words.as_mut() {
                    ws[r] = DocWords::default();
                }
            }
        });
        Ok(())
    }

    /// Whether the tokens of ``row`` are still held (:meth:`release_tokens`).
    fn has_tokens(&self, py: Python<'_>, row: i64) -> PyResult<bool> {
        self.doc(row)?;
        Ok(py.detach(|| lock(&self.tokens)[row as usize].is_some()))
    }

    /// For each ``(start, end)`` of ``ranges`` (code points of text ``row``),
    /// the hashes of the lettered match-key tokens wholly inside it, in text
    /// order (a sentence's words around its values; contract:
    /// docs/contracts/prepare.md). Pure twin: the same method of
    /// ``asimtext.pure.prepare.PreparedBatch``.
    fn words_in(
        &self,
        py: Python<'_>,
        row: i64,
        ranges: Vec<(usize, usize)>,
    ) -> PyResult<Vec<Vec<u64>>> {
        self.doc(row)?;
        py.detach(|| {
            lock(&self.tokens)[row as usize]
                .as_ref()
                .map(|t| t.words_in(&self.table, &ranges))
        })
        .ok_or_else(|| value_error(format!("row {row}: the text's tokens were released")))
    }

    /// The context words of the values of texts ``rows`` (``texts[k]``: the text
    /// of ``rows[k]``, as it was prepared; ``values[k]``: its values, as
    /// :func:`_context_keys_batch` takes them), read from the batch: exactly
    /// ``_context_keys_batch(texts, values, width, reach)``, without normalizing
    /// a text again (contract: docs/contracts/prepare.md). Rows on all cores,
    /// the GIL released. Pure twin: the same method of
    /// ``asimtext.pure.prepare.PreparedBatch``.
    fn context_keys(
        &self,
        py: Python<'_>,
        rows: Vec<i64>,
        texts: &Bound<'_, PyAny>,
        values: Vec<Vec<Quad>>,
        width: usize,
        reach: usize,
    ) -> PyResult<Vec<Vec<Vec<String>>>> {
        let texts = texts_arg(texts, "texts", OnSurrogate::Reject)?;
        if texts.len() != rows.len() || values.len() != rows.len() {
            return Err(value_error(format!(
                "rows, texts and values differ in length ({}, {}, {})",
                rows.len(),
                texts.len(),
                values.len()
            )));
        }
        for &r in &rows {
            self.doc(r)?;
        }
        let checked = checked_values(&values)?;
        let got = crate::pool::detach(py, || {
            let toks = lock(&self.tokens);
            if let Some(k) = rows.iter().position(|&r| toks[r as usize].is_none()) {
                return Err(k);
            }
            Ok(rows
                .par_iter()
                .zip(texts.par_iter())
                .zip(checked.par_iter())
                .map(|((&r, t), vs)| {
                    let p = toks[r as usize].as_ref().expect("checked above");
                    core::context_keys_prepared(p, t, vs, width, reach)
                })
                .collect::<Vec<_>>())
        })?;
        match got {
            Ok(v) => Ok(v),
            Err(k) => Err(value_error(format!(
                "row {}: the text's tokens were released",
                rows[k]
            ))),
        }
    }

    /// Whether the words are still held (:meth:`release_words`).
    #[getter]
    fn has_words(&self, py: Python<'_>) -> bool {
        py.detach(|| lock(&self.words).is_some())
    }

    /// Bytes the batch holds in Rust (spans, names and words; for memory
    /// accounting).
    fn heap_bytes(&self, py: Python<'_>) -> usize {
        let words: usize = py.detach(|| {
            lock(&self.words)
                .as_ref()
                .map_or(0, |ws| ws.iter().map(DocWords::heap_bytes).sum())
        });
        let toks: usize = py.detach(|| {
            lock(&self.tokens)
                .iter()
                .flatten()
                .map(Packed::heap_bytes)
                .sum::<usize>()
                + self.table.capacity() * 8
        });
        words
            + toks
            + self
                .docs
                .iter()
                .map(|d| d.spans.heap_bytes() + d.places.capacity() * 12)
                .sum::<usize>()
    }
}

/// Why [`_prepared_vocabulary`] refused its parts.
enum Refused {
    /// The words of part `i`'s batch were released.
    Released(usize),
    /// Part `i` names row `r` of a batch of `n` texts.
    Row(usize, i64, usize),
    /// Part `i` names row `r`, whose words were released (`release_rows`).
    RowReleased(usize, usize),
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Prepare ``texts`` for the digest, each read once (see :class:`PreparedBatch`):
/// on all cores with the GIL released. ``texts``: a sequence of ``str``
/// (errors name the item, ``texts[3]``). Pure twin:
/// ``asimtext.pure.prepare.prepare_batch``.
#[pyfunction]
fn _prepare_batch(py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<PreparedBatch> {
    let texts = read_texts(texts, "texts")?;
    let mut docs = crate::pool::detach(py, || doc::prepare_batch(&texts))?;
    let words = docs
        .iter_mut()
        .map(|d| std::mem::take(&mut d.words))
        .collect();
    // The tokens packed: each distinct hash of the batch kept once.
    let (toks, table) = crate::pool::detach(py, || {
        let mut interner = Interner::default();
        let toks: Vec<Option<Packed>> = docs
            .iter_mut()
            .map(|d| Some(interner.pack(std::mem::take(&mut d.tokens))))
            .collect();
        (toks, interner.into_table())
    })?;
    let n = docs.len();
    Ok(PreparedBatch {
        docs,
        words: Mutex::new(Some(words)),
        tokens: Mutex::new(toks),
        table,
        released: Mutex::new(vec![false; n]),
    })
}

/// The story vocabulary of prepared texts: ``parts`` is a sequence of
/// ``(batch, rows)``, the texts in that order; the result is exactly
/// ``_vocabulary(texts)``'s ``(n_keys, rows, cols, counts, bridge_mask,
/// bridge_keys, token_counts)``, made from the words the batches kept (no text
/// is read again). ``release``: the batches let go of their words as they are
/// read (as :meth:`PreparedBatch.release_words`; the peak memory is lower).
/// Pure twin: ``asimtext.digest.keys.prepared_vocabulary``.
#[pyfunction]
#[pyo3(signature = (parts, release=false))]
fn _prepared_vocabulary<'py>(
    py: Python<'py>,
    parts: &Bound<'py, PyAny>,
    release: bool,
) -> PyResult<Bound<'py, PyTuple>> {
    let mut batches: Vec<(Bound<'py, PreparedBatch>, Vec<i64>)> = Vec::new();
    for (i, item) in parts.try_iter()?.enumerate() {
        let item = item?;
        let (b, rows): (Bound<'py, PyAny>, Vec<i64>) = item.extract().map_err(|_| {
            crate::errors::type_error(format!(
                "parts[{i}] must be a (PreparedBatch, rows) pair, not {}",
                type_name(&item)
            ))
        })?;
        let b = b.cast_into::<PreparedBatch>().map_err(|e| {
            crate::errors::type_error(format!(
                "parts[{i}][0] must be a PreparedBatch, not {}",
                type_name(e.into_inner().as_any())
            ))
        })?;
        batches.push((b, rows));
    }
    // Each batch locked once (a batch may come in several parts).
    let mut distinct: Vec<*const PreparedBatch> = Vec::new();
    let mut which: Vec<usize> = Vec::with_capacity(batches.len());
    for (b, _) in &batches {
        let p: *const PreparedBatch = b.get();
        which.push(distinct.iter().position(|&q| q == p).unwrap_or_else(|| {
            distinct.push(p);
            distinct.len() - 1
        }));
    }
    let n_distinct = distinct.len();
    drop(distinct);
    let refs: Vec<(&PreparedBatch, &[i64])> = batches
        .iter()
        .map(|(b, rows)| (b.get(), rows.as_slice()))
        .collect();
    // The batches are locked with the GIL released: a thread that holds the GIL
    // never waits for a lock (another call may hold it while it runs).
    let made = crate::pool::detach(py, || {
        let mut guards = Vec::with_capacity(n_distinct);
        let mut released = Vec::with_capacity(n_distinct);
        for (k, (b, _)) in refs.iter().enumerate() {
            if which[k] == guards.len() {
                released.push(lock(&b.released));
                guards.push(lock(&b.words));
            }
        }
        // Rows checked first: an error leaves every batch as it was.
        let mut picks: Vec<(usize, usize)> = Vec::new(); // (guard, row)
        for (i, (b, rows)) in refs.iter().enumerate() {
            let Some(words) = guards[which[i]].as_ref() else {
                return Err(Refused::Released(i));
            };
            for &r in rows.iter() {
                match usize::try_from(r).ok().filter(|&r| r < words.len()) {
                    Some(r) if released[which[i]][r] => return Err(Refused::RowReleased(i, r)),
                    Some(r) => picks.push((which[i], r)),
                    None => return Err(Refused::Row(i, r, b.docs.len())),
                }
            }
        }
        drop(released);
        if release {
            // The words moved out of the batches (a row named twice is copied).
            let mut taken: Vec<Vec<DocWords>> = guards
                .iter_mut()
                .map(|g| g.take().unwrap_or_default())
                .collect();
            drop(guards);
            let mut moved: Vec<Vec<Option<usize>>> =
                taken.iter().map(|t| vec![None; t.len()]).collect();
            let mut docs: Vec<DocWords> = Vec::with_capacity(picks.len());
            for &(g, r) in &picks {
                match moved[g][r] {
                    Some(k) => docs.push(docs[k].clone()),
                    None => {
                        moved[g][r] = Some(docs.len());
                        docs.push(std::mem::take(&mut taken[g][r]));
                    }
                }
            }
            drop(taken);
            Ok(vocab::assemble_owned(docs))
        } else {
            let docs: Vec<&DocWords> = picks
                .iter()
                .filter_map(|&(g, r)| guards[g].as_ref().map(|w| &w[r]))
                .collect();
            Ok(vocab::assemble(&docs))
        }
    })?;
    let v = made.map_err(|e| match e {
        Refused::Released(i) => value_error(format!(
            "parts[{i}]: the batch's words were released (release_words)"
        )),
        Refused::RowReleased(i, r) => value_error(format!(
            "parts[{i}]: the words of row {r} were released (release_rows)"
        )),
        Refused::Row(i, r, n) => out_of_range(format!(
            "parts[{i}]: row {r} out of range for a batch of {n} texts"
        )),
    })?;
    crate::vocab::vocab_tuple(py, v)
}

/// ``'hi'``, ``'en'``, ``'mixed'`` or ``None``: the language of ``text`` by
/// its share of Devanagari and Latin letters in its first 6000 characters,
/// read in place. Pure twin: ``asimtext.digest.text.detect_lang``.
#[pyfunction]
fn _detect_lang<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyString>>> {
    let s = text.cast::<PyString>().map_err(|_| {
        crate::errors::type_error(format!("text must be str, not {}", type_name(text)))
    })?;
    let lang = match StrView::new(s)? {
        StrView::Ucs1(b) => doc::detect_lang_code_points(b.iter().map(|&x| u32::from(x))),
        StrView::Ucs2(u) => doc::detect_lang_code_points(u.iter().map(|&x| u32::from(x))),
        StrView::Ucs4(u) => doc::detect_lang_code_points(u.iter().copied()),
        StrView::Utf8(t) => doc::detect_lang(t),
    };
    Ok(lang_str(py, lang).cloned())
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
    let checked = checked_values(&values)?;
    crate::pool::detach(py, || {
        texts
            .par_iter()
            .zip(checked.par_iter())
            .map(|(t, vs)| core::context_keys(t, vs, width, reach))
            .collect()
    })
}

/// The values checked: offsets are read signed so that a negative one is
/// this module's error, naming the value, not a bare OverflowError from the
/// conversion.
fn checked_values(values: &[Vec<Quad>]) -> PyResult<Vec<Vec<Value>>> {
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
    Ok(checked)
}

/// How many calls the Rust normalizer has answered in this process
/// (`asimtext_core::normalize::normalized_texts`): the tests read it around
/// the digest's stages to show that none normalizes a text after the prepare
/// stage did.
#[pyfunction]
fn _normalization_calls() -> u64 {
    asimtext_core::normalize::normalized_texts()
}

/// Documents of the copy stage: each a list of ``(batch, row, base)`` pieces
/// (prepared texts one after the other, ``base`` where each starts).
struct DocRefs<'py> {
    batches: Vec<Bound<'py, PreparedBatch>>,
    /// Per document, its pieces as (index into `batches`, row, base).
    docs: Vec<Vec<(usize, usize, u32)>>,
}

fn doc_refs<'py>(docs: &Bound<'py, PyAny>, name: &str) -> PyResult<DocRefs<'py>> {
    let mut batches: Vec<Bound<'py, PreparedBatch>> = Vec::new();
    let mut out = Vec::new();
    for (i, item) in docs.try_iter()?.enumerate() {
        let item = item?;
        let mut pieces = Vec::new();
        for (k, piece) in item.try_iter()?.enumerate() {
            let piece = piece?;
            let (b, row, base): (Bound<'py, PyAny>, i64, i64) = piece.extract().map_err(|_| {
                crate::errors::type_error(format!(
                    "{name}[{i}][{k}] must be a (PreparedBatch, row, base) triple, not {}",
                    type_name(&piece)
                ))
            })?;
            let b = b.cast_into::<PreparedBatch>().map_err(|e| {
                crate::errors::type_error(format!(
                    "{name}[{i}][{k}][0] must be a PreparedBatch, not {}",
                    type_name(e.into_inner().as_any())
                ))
            })?;
            let n = b.get().docs.len();
            let r = usize::try_from(row)
                .ok()
                .filter(|&r| r < n)
                .ok_or_else(|| {
                    out_of_range(format!(
                        "{name}[{i}][{k}]: row {row} out of range for a batch of {n} texts"
                    ))
                })?;
            let base = u32::try_from(base)
                .map_err(|_| value_error(format!("{name}[{i}][{k}]: base {base} out of range")))?;
            let p: *const PreparedBatch = b.get();
            let at = match batches.iter().position(|q| std::ptr::eq(q.get(), p)) {
                Some(at) => at,
                None => {
                    batches.push(b);
                    batches.len() - 1
                }
            };
            pieces.push((at, r, base));
        }
        out.push(pieces);
    }
    Ok(DocRefs { batches, docs: out })
}

impl DocRefs<'_> {
    /// `f` over the documents' token pieces, with the batches' tokens locked
    /// and the GIL released; an error names the first document whose tokens
    /// were released.
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        name: &str,
        f: impl FnOnce(&[Vec<Piece<'_>>]) -> T + Send,
    ) -> PyResult<T> {
        let batches: Vec<&PreparedBatch> = self.batches.iter().map(|b| b.get()).collect();
        let docs = &self.docs;
        let got = crate::pool::detach(py, || {
            let guards: Vec<_> = batches.iter().map(|b| lock(&b.tokens)).collect();
            let mut pieces: Vec<Vec<Piece<'_>>> = Vec::with_capacity(docs.len());
            for (i, d) in docs.iter().enumerate() {
                let mut ps = Vec::with_capacity(d.len());
                for &(b, r, base) in d {
                    match guards[b][r].as_ref() {
                        Some(tokens) => ps.push(Piece {
                            tokens,
                            table: &batches[b].table,
                            base,
                        }),
                        None => return Err(i),
                    }
                }
                pieces.push(ps);
            }
            Ok(f(&pieces))
        })?;
        got.map_err(|i| value_error(format!("{name}[{i}]: the text's tokens were released")))
    }
}

/// The near-duplicate pairs ``(i, j, estimated, exact)`` among prepared texts:
/// exactly ``near_duplicates(texts, threshold=threshold).pairs`` (the other
/// options their defaults), from the texts' tokens (no text is read again).
/// ``parts``: ``(batch, rows)`` pairs, the texts in that order. Pure twin:
/// ``asimtext.pure.prepare.prepared_near_duplicates``.
#[pyfunction]
fn _prepared_near_duplicates(
    py: Python<'_>,
    parts: &Bound<'_, PyAny>,
    threshold: f64,
) -> PyResult<Vec<(u32, u32, f64, f64)>> {
    let docs = PyList::empty(py);
    for (i, item) in parts.try_iter()?.enumerate() {
        let item = item?;
        let (b, rows): (Bound<'_, PyAny>, Vec<i64>) = item.extract().map_err(|_| {
            crate::errors::type_error(format!(
                "parts[{i}] must be a (PreparedBatch, rows) pair, not {}",
                type_name(&item)
            ))
        })?;
        for r in rows {
            docs.append(PyList::new(py, [(b.clone(), r, 0i64)])?)?;
        }
    }
    let refs = doc_refs(docs.as_any(), "parts")?;
    let got = refs.with(py, "texts", |pieces| {
        let ds: Vec<&[Piece<'_>]> = pieces.iter().map(|p| p.as_slice()).collect();
        tokens::near_duplicates(&ds, threshold)
    })?;
    Ok(got.map_err(crate::errors::to_py)?.pairs)
}

/// The MinHash signatures (``uint32``, ``(len(docs), 128)``) of documents of
/// prepared texts (``docs``: lists of ``(batch, row, base)``): what
/// ``MinHasher(num_perm=128, ngram=5, unit="word", seed=1).signatures`` gives
/// for their texts (joined). Pure twin:
/// ``asimtext.pure.prepare.prepared_signatures``.
#[pyfunction]
fn _prepared_signatures<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, numpy::PyArray2<u32>>> {
    let refs = doc_refs(docs, "docs")?;
    let hasher = tokens::digest_hasher();
    let k = hasher.num_perm;
    let n = refs.docs.len();
    let flat = refs.with(py, "docs", |pieces| {
        let mut out = vec![0u32; pieces.len() * k];
        out.par_chunks_mut(k.max(1))
            .zip(pieces.par_iter())
            .for_each(|(sig, d)| tokens::signature(&hasher, d, sig));
        out
    })?;
    use numpy::PyArrayMethods;
    numpy::PyArray1::from_vec(py, flat).reshape([n, k])
}

fn pair_list(pairs: Vec<(i64, i64)>, n: usize) -> PyResult<Vec<(usize, usize)>> {
    pairs
        .into_iter()
        .enumerate()
        .map(|(p, (i, j))| {
            let ok = |x: i64| usize::try_from(x).ok().filter(|&x| x < n);
            match (ok(i), ok(j)) {
                (Some(a), Some(b)) => Ok((a, b)),
                _ => Err(out_of_range(format!(
                    "pairs[{p}]: ({i}, {j}) out of range for {n} documents"
                ))),
            }
        })
        .collect()
}

/// ``(jaccard, containment)`` of the word 5-gram shingles of each pair of
/// documents (see :func:`_prepared_signatures`): ``overlap(text_i, text_j)``,
/// from the texts' tokens (shingles compared by their 64-bit hashes). Pure
/// twin: ``asimtext.pure.prepare.prepared_overlaps``.
#[pyfunction]
fn _prepared_overlaps(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    pairs: Vec<(i64, i64)>,
) -> PyResult<Vec<(f64, f64)>> {
    let refs = doc_refs(docs, "docs")?;
    let pairs = pair_list(pairs, refs.docs.len())?;
    refs.with(py, "docs", |pieces| {
        let mut used = vec![false; pieces.len()];
        for &(i, j) in &pairs {
            used[i] = true;
            used[j] = true;
        }
        let sets: Vec<Vec<u64>> = pieces
            .par_iter()
            .zip(used.par_iter())
            .map(|(d, &u)| {
                if u {
                    tokens::shingle_set(d, 5)
                } else {
                    Vec::new()
                }
            })
            .collect();
        pairs
            .par_iter()
            .map(|&(i, j)| tokens::overlap(&sets[i], &sets[j]))
            .collect()
    })
}

/// The passages each pair of documents shares (``(a_start, a_end, b_start,
/// b_end, words)``, offsets into the documents): ``shared_passages(text_i,
/// text_j, min_words)``, from the texts' tokens. Pure twin:
/// ``asimtext.pure.prepare.prepared_passages``.
/// A shared passage as the text route gives it (its five offsets and counts).
type Passage = (usize, usize, usize, usize, usize);

#[pyfunction]
fn _prepared_passages(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    pairs: Vec<(i64, i64)>,
    min_words: usize,
) -> PyResult<Vec<Vec<Passage>>> {
    if min_words == 0 {
        return Err(value_error("min_words must be at least 1"));
    }
    let refs = doc_refs(docs, "docs")?;
    let pairs = pair_list(pairs, refs.docs.len())?;
    refs.with(py, "docs", |pieces| {
        pairs
            .par_iter()
            .map(|&(i, j)| {
                tokens::shared_passages(&pieces[i], &pieces[j], min_words)
                    .into_iter()
                    .map(|p| (p.a_start, p.a_end, p.b_start, p.b_end, p.words))
                    .collect()
            })
            .collect()
    })
}
