//! Bindings of `asimtext_core::mentions`: the measure, count and bound of every
//! value of a batch of texts, in one call with the GIL released.

use std::collections::{HashMap, HashSet};

use asimtext_core::mentions::{self as core, Answer, Query, Rules};
use asimtext_core::mentions_sentences::sentences_of;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use rayon::prelude::*;

use crate::convert::type_name;
use crate::errors::{type_error, value_error};
use crate::pystr::{read_texts, StrView};

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<MeasureRules>()?;
    m.add_function(wrap_pyfunction!(_measure_batch, m)?)?;
    m.add_function(wrap_pyfunction!(_sentences_batch, m)?)?;
    m.add_function(wrap_pyfunction!(_places_batch, m)?)?;
    Ok(())
}

/// The lexicons of `asimtext.pure.measures`, folded, held in Rust
/// (built once from ``asimtext.pure.measures.rules_tables()``).
#[pyclass(name = "_MeasureRules", frozen, module = "asimtext._core")]
pub struct MeasureRules(Rules);

fn table<'py>(tables: &Bound<'py, PyDict>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    tables
        .get_item(name)?
        .ok_or_else(|| value_error(format!("tables: no {name:?}")))
}

fn map_of(tables: &Bound<'_, PyDict>, name: &str) -> PyResult<HashMap<String, String>> {
    table(tables, name)?
        .extract()
        .map_err(|_| type_error(format!("tables[{name:?}] must be a dict of str to str")))
}

fn set_of(tables: &Bound<'_, PyDict>, name: &str) -> PyResult<HashSet<String>> {
    let t = table(tables, name)?;
    let mut out = HashSet::new();
    for item in t.try_iter()? {
        let item = item?;
        out.insert(item.extract::<String>().map_err(|_| {
            type_error(format!(
                "tables[{name:?}] must hold str, not {}",
                type_name(&item)
            ))
        })?);
    }
    Ok(out)
}

#[pymethods]
impl MeasureRules {
    #[new]
    fn new(tables: &Bound<'_, PyDict>) -> PyResult<Self> {
        let pairs: HashMap<(String, String), String> = table(tables, "qual_pairs")?
            .extract()
            .map_err(|_| type_error("tables['qual_pairs'] must map (str, str) to str"))?;
        let mut r = Rules::default();
        r.measure_of = map_of(tables, "measure_of")?;
        r.qual_pairs = pairs;
        r.prefix_of = map_of(tables, "prefix_of")?;
        r.qual_of = map_of(tables, "qual_of")?;
        r.index_names = map_of(tables, "index_names")?;
        r.generic = set_of(tables, "generic")?;
        r.names_before = set_of(tables, "names_before")?;
        r.names_after = set_of(tables, "names_after")?;
        r.approx = set_of(tables, "approx")?;
        r.over = set_of(tables, "over")?;
        r.under = set_of(tables, "under")?;
        r.clause = set_of(tables, "clause")?;
        r.function = set_of(tables, "function")?;
        r.locative = set_of(tables, "locative")?;
        r.count = set_of(tables, "count")?;
        r.persons = set_of(tables, "persons")?;
        r.outcomes = set_of(tables, "outcomes")?;
        r.subject_cues = set_of(tables, "subject_cues")?;
        r.places_ok = set_of(tables, "places_ok")?;
        r.prefix_measures = set_of(tables, "prefix_measures")?;
        Ok(MeasureRules(r.finish()))
    }
}

fn code_points(v: StrView<'_>) -> Vec<u32> {
    match v {
        StrView::Ucs1(b) => b.iter().map(|&x| u32::from(x)).collect(),
        StrView::Ucs2(u) => u.iter().map(|&x| u32::from(x)).collect(),
        StrView::Ucs4(u) => u.to_vec(),
        StrView::Utf8(s) => s.chars().map(u32::from).collect(),
    }
}

fn view_len(v: StrView<'_>) -> usize {
    match v {
        StrView::Utf8(s) => s.chars().count(),
        StrView::Ucs1(b) => b.len(),
        StrView::Ucs2(u) => u.len(),
        StrView::Ucs4(u) => u.len(),
    }
}

type Span = (i64, i64);
type Ask = (i64, i64, i64, i64, bool);

fn bound_str<'py>(py: Python<'py>, bound: Option<&'static str>) -> Bound<'py, PyAny> {
    match bound {
        None => py.None().into_bound(py),
        Some("about") => pyo3::intern!(py, "about").clone().into_any(),
        Some("over") => pyo3::intern!(py, "over").clone().into_any(),
        Some(b) => PyString::new(py, b).into_any(),
    }
}

fn measure_tuple<'py>(py: Python<'py>, m: &core::Measure) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(
        py,
        [
            PyString::new(py, &m.key).into_any(),
            PyTuple::new(py, &m.qualifiers)?.into_any(),
            m.index.as_deref().into_pyobject(py)?.into_any(),
            PyString::new(py, &m.word).into_any(),
        ],
    )
}

/// The measure of every value of every text, on all cores with the GIL released.
///
/// ``numbers[i]``: the ``(start, end)`` of the number spans of ``texts[i]``
/// (numbers, amounts, percents, years), sorted; ``queries[i]``: its values as
/// ``(start, end, sentence_start, sentence_end, is_year)``, code points, with
/// ``sentence_start <= start <= end <= sentence_end <= len(text)``. The answer
/// per value: ``(count, measure, bound)``: for a year whether it is a count; for
/// a count, ``measure``, an index into the second list of the result, whose items
/// are ``(key, qualifiers, index, word)`` (each distinct measure once), or None,
/// and its bound (``about``/``over``/``under``) where it has a measure. Pure twin:
/// ``asimtext.pure.measures.measure_batch``.
/// Per text: which distinct sentence each value is in, and the distinct
/// sentences as `(start, end, collapsed text)`.
type SentencesOf = (Vec<usize>, Vec<(usize, usize, String)>);
/// A gazetteer name: `(start, end, entry id)`.
type Name = (usize, usize, &'static str);

#[pyfunction]
fn _measure_batch<'py>(
    py: Python<'py>,
    rules: &Bound<'py, MeasureRules>,
    texts: &Bound<'py, PyAny>,
    numbers: Vec<Vec<Span>>,
    queries: Vec<Vec<Ask>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let texts = read_texts(texts, "texts")?;
    if numbers.len() != texts.len() || queries.len() != texts.len() {
        return Err(value_error(format!(
            "{} texts, {} lists of numbers, {} lists of queries (one of each per text)",
            texts.len(),
            numbers.len(),
            queries.len()
        )));
    }
    let mut nums: Vec<Vec<(usize, usize)>> = Vec::with_capacity(numbers.len());
    for (i, ns) in numbers.iter().enumerate() {
        let mut row = Vec::with_capacity(ns.len());
        for (j, &(s, e)) in ns.iter().enumerate() {
            if s < 0 || e < s {
                return Err(value_error(format!(
                    "numbers[{i}][{j}]: need 0 <= start <= end, got {:?}",
                    (s, e)
                )));
            }
            row.push((s as usize, e as usize));
        }
        if row.windows(2).any(|w| w[0] > w[1]) {
            return Err(value_error(format!("numbers[{i}] must be sorted")));
        }
        nums.push(row);
    }
    let lens: Vec<usize> = (0..texts.len()).map(|i| view_len(texts.view(i))).collect();
    let mut asks: Vec<Vec<Query>> = Vec::with_capacity(queries.len());
    for (i, qs) in queries.iter().enumerate() {
        let mut row = Vec::with_capacity(qs.len());
        for (j, &(start, end, ss, se, year)) in qs.iter().enumerate() {
            if !(0 <= ss && ss <= start && start <= end && end <= se && se as usize <= lens[i]) {
                return Err(value_error(format!(
                    "queries[{i}][{j}]: need 0 <= sentence_start <= start <= end <= \
                     sentence_end <= len(texts[{i}]) = {}, got {:?}",
                    lens[i],
                    (start, end, ss, se)
                )));
            }
            row.push(Query {
                start: start as usize,
                end: end as usize,
                ss: ss as usize,
                se: se as usize,
                year,
            });
        }
        asks.push(row);
    }
    let rules = &rules.get().0;
    let answers: Vec<Vec<Answer>> = crate::pool::detach(py, || {
        (0..texts.len())
            .into_par_iter()
            .map(|i| {
                if asks[i].is_empty() {
                    return Vec::new();
                }
                let t = code_points(texts.view(i));
                core::measure_values(rules, &t, &nums[i], &asks[i])
            })
            .collect()
    })?;
    // Each distinct measure becomes one tuple (a batch states a few hundred:
    // deaths, cases...), which the caller turns into one object.
    let mut seen: HashMap<core::Measure, usize> = HashMap::new();
    let distinct = PyList::empty(py);
    let out = PyList::empty(py);
    for row in answers {
        let list = PyList::empty(py);
        for a in row {
            let m = match a.measure {
                None => py.None().into_bound(py),
                Some(m) => {
                    let n = seen.len();
                    let at = match seen.get(&m) {
                        Some(&at) => at,
                        None => {
                            distinct.append(measure_tuple(py, &m)?)?;
                            seen.insert(m, n);
                            n
                        }
                    };
                    at.into_pyobject(py)?.into_any()
                }
            };
            let count = pyo3::types::PyBool::new(py, a.count).to_owned().into_any();
            list.append(PyTuple::new(py, [count, m, bound_str(py, a.bound)])?)?;
        }
        out.append(list)?;
    }
    PyTuple::new(py, [out.into_any(), distinct.into_any()])
}

/// The sentence around every value of every text, on all cores with the GIL released.
///
/// ``spans[i]``: ``(start, end)`` of the values of ``texts[i]`` (code points,
/// ``start <= end <= len(text)``). Per text: ``(which, sentences)``, the
/// distinct sentences as ``(start, end, text)`` (its white space collapsed) in
/// order of first use, and for each value the index of its own: the sentence
/// ``asimtext.pure.sentences.Sentences(text).sentence(start, end)`` gives. Pure
/// twin: ``asimtext.pure.sentences.sentences_batch``.
#[pyfunction]
fn _sentences_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    spans: Vec<Vec<Span>>,
) -> PyResult<Bound<'py, PyList>> {
    let texts = read_texts(texts, "texts")?;
    if spans.len() != texts.len() {
        return Err(value_error(format!(
            "{} texts, {} lists of spans (one per text)",
            texts.len(),
            spans.len()
        )));
    }
    let mut asks: Vec<Vec<(usize, usize)>> = Vec::with_capacity(spans.len());
    for (i, row) in spans.iter().enumerate() {
        let n = view_len(texts.view(i));
        let mut ok = Vec::with_capacity(row.len());
        for (j, &(s, e)) in row.iter().enumerate() {
            if !(0 <= s && s <= e && e as usize <= n) {
                return Err(value_error(format!(
                    "spans[{i}][{j}]: need 0 <= start <= end <= len(texts[{i}]) = {n}, got {:?}",
                    (s, e)
                )));
            }
            ok.push((s as usize, e as usize));
        }
        asks.push(ok);
    }
    let found: Vec<SentencesOf> = crate::pool::detach(py, || {
        (0..texts.len())
            .into_par_iter()
            .map(|i| {
                if asks[i].is_empty() {
                    return (Vec::new(), Vec::new());
                }
                let t = code_points(texts.view(i));
                sentences_of(&t, &asks[i])
            })
            .collect()
    })?;
    let out = PyList::empty(py);
    for (which, sents) in found {
        out.append((which, sents).into_pyobject(py)?)?;
    }
    Ok(out)
}

/// The gazetteer names of stretches of texts, on all cores with the GIL released.
///
/// ``spans[i]``: ``(start, end)`` stretches of ``texts[i]`` (code points); per
/// stretch, its names as ``(start, end, entry id)`` with offsets in the text:
/// ``gazetteer_find(text[start:end])`` moved by ``start`` (what
/// ``asimtext.digest.scope.places_in`` gives for a sentence). Pure twin:
/// ``asimtext.pure.sentences.places_batch``.
#[pyfunction]
fn _places_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    spans: Vec<Vec<Span>>,
) -> PyResult<Vec<Vec<Vec<Name>>>> {
    let texts = read_texts(texts, "texts")?;
    if spans.len() != texts.len() {
        return Err(value_error(format!(
            "{} texts, {} lists of spans (one per text)",
            texts.len(),
            spans.len()
        )));
    }
    let mut asks: Vec<Vec<(usize, usize)>> = Vec::with_capacity(spans.len());
    for (i, row) in spans.iter().enumerate() {
        let n = view_len(texts.view(i));
        let mut ok = Vec::with_capacity(row.len());
        for (j, &(s, e)) in row.iter().enumerate() {
            if !(0 <= s && s <= e && e as usize <= n) {
                return Err(value_error(format!(
                    "spans[{i}][{j}]: need 0 <= start <= end <= len(texts[{i}]) = {n}, got {:?}",
                    (s, e)
                )));
            }
            ok.push((s as usize, e as usize));
        }
        asks.push(ok);
    }
    crate::pool::detach(py, || {
        (0..texts.len())
            .into_par_iter()
            .map(|i| {
                if asks[i].is_empty() {
                    return Vec::new();
                }
                let t = code_points(texts.view(i));
                asks[i]
                    .iter()
                    .map(|&(lo, hi)| {
                        let piece: String = t[lo..hi]
                            .iter()
                            .map(|&c| char::from_u32(c).unwrap_or('\u{fffd}'))
                            .collect();
                        asimtext_core::gazetteer::find(&piece)
                            .into_iter()
                            .map(|(a, b, e)| {
                                (a + lo, b + lo, asimtext_core::gazetteer::ENTRIES[e].0)
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect()
    })
}
