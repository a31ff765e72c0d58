//! Bindings of `asimtext_core::spans`.

use std::cmp::Ordering;

use asimtext_core::spans::{self as core, Date, ExtractOptions, Kind, KindSet};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::convert::{iter_arg, text_arg, type_name, OnSurrogate};
use crate::pystr::read_texts;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Span>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    m.add_function(wrap_pyfunction!(_spans_lexicon, m)?)?;
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    m.add("SPAN_KINDS", pyo3::types::PyTuple::new(m.py(), kinds)?)?;
    Ok(())
}

/// One extracted span: ``text[start:end] == span.text``.
///
/// Immutable, hashable, picklable, ordered by ``(start, end, kind, value, text, resolved)``.
#[pyclass(frozen, module = "asimtext")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// Start offset (code points, i.e. ``str`` index) in the input.
    #[pyo3(get)]
    start: usize,
    /// End offset (exclusive).
    #[pyo3(get)]
    end: usize,
    /// The covered input text.
    #[pyo3(get)]
    text: String,
    /// One of ``asimtext.SPAN_KINDS`` (the getter gives an interned ``str``).
    kind: Kind,
    /// The normalized value (see the spec for each kind).
    #[pyo3(get)]
    value: String,
    /// The full ISO date a date or weekday stands for, or ``None``.
    #[pyo3(get)]
    resolved: Option<String>,
}

impl Span {
    fn key(&self) -> (usize, usize, &str, &str, &str, &str) {
        (
            self.start,
            self.end,
            self.kind.name(),
            &self.value,
            &self.text,
            self.resolved.as_deref().unwrap_or(""),
        )
    }

    pub(crate) fn from_core(s: core::Span) -> Span {
        Span {
            start: s.start,
            end: s.end,
            text: s.text,
            kind: s.kind,
            value: s.value,
            resolved: s.resolved,
        }
    }
}

#[pymethods]
impl Span {
    #[new]
    #[pyo3(signature = (start, end, text, kind, value, resolved=None))]
    fn new(
        start: usize,
        end: usize,
        text: String,
        kind: String,
        value: String,
        resolved: Option<String>,
    ) -> PyResult<Self> {
        let Some(kind) = Kind::parse(&kind) else {
            return Err(crate::errors::value_error(format!(
                "kind: unknown kind {kind:?}; expected one of {}",
                kind_names()
            )));
        };
        if start > end {
            return Err(crate::errors::value_error(format!(
                "start ({start}) must not be greater than end ({end})"
            )));
        }
        Ok(Span {
            start,
            end,
            text,
            kind,
            value,
            resolved,
        })
    }

    /// One of ``asimtext.SPAN_KINDS``.
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        kind_str(py, self.kind).clone()
    }

    fn __repr__(&self) -> String {
        let r = match &self.resolved {
            Some(r) => format!(", resolved={}", py_str_repr(r)),
            None => String::new(),
        };
        format!(
            "Span({}, {}, {}, kind={}, value={}{r})",
            self.start,
            self.end,
            py_str_repr(&self.text),
            py_str_repr(self.kind.name()),
            py_str_repr(&self.value)
        )
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.hash(&mut h);
        h.finish()
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: pyo3::basic::CompareOp) -> Py<PyAny> {
        let py = other.py();
        let other = match other.cast::<Span>() {
            Ok(o) => o,
            Err(_) => return py.NotImplemented(),
        };
        let other = other.get();
        let ord = self.key().cmp(&other.key());
        use pyo3::basic::CompareOp::*;
        let r = match op {
            Eq => self == other,
            Ne => self != other,
            Lt => ord == Ordering::Less,
            Le => ord != Ordering::Greater,
            Gt => ord == Ordering::Greater,
            Ge => ord != Ordering::Less,
        };
        r.into_pyobject(py)
            .map(|b| b.to_owned().into_any().unbind())
            .unwrap_or_else(|_| py.NotImplemented())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        let args = (
            s.start,
            s.end,
            s.text.clone(),
            s.kind.name(),
            s.value.clone(),
            s.resolved.clone(),
        );
        (slf.get_type(), args).into_pyobject(py)
    }

    /// The span as a dict (the gold-file fields plus ``resolved``).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        d.set_item("kind", kind_str(py, self.kind))?;
        d.set_item("value", &self.value)?;
        d.set_item("resolved", &self.resolved)?;
        Ok(d)
    }
}

/// The kind's name as an interned Python `str` (made once per kind).
fn kind_str(py: Python<'_>, k: Kind) -> &Bound<'_, PyString> {
    match k {
        Kind::Datetime => intern!(py, "datetime"),
        Kind::Date => intern!(py, "date"),
        Kind::Time => intern!(py, "time"),
        Kind::Year => intern!(py, "year"),
        Kind::Weekday => intern!(py, "weekday"),
        Kind::Duration => intern!(py, "duration"),
        Kind::Percent => intern!(py, "percent"),
        Kind::Money => intern!(py, "money"),
        Kind::Ordinal => intern!(py, "ordinal"),
        Kind::Number => intern!(py, "number"),
    }
}

/// Spans as a Python list of `Span` objects.
fn span_list(py: Python<'_>, spans: Vec<core::Span>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for s in spans {
        list.append(Bound::new(py, Span::from_core(s))?)?;
    }
    Ok(list)
}

/// Python's `repr` of a str (the spans' texts are short).
fn py_str_repr(s: &str) -> String {
    Python::attach(|py| {
        PyString::new(py, s)
            .repr()
            .map(|r| r.to_string())
            .unwrap_or_else(|_| format!("{s:?}"))
    })
}

fn kind_names() -> String {
    Kind::ALL
        .iter()
        .map(|k| k.name())
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn kinds_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<KindSet> {
    let obj = match obj {
        None => return Ok(KindSet::ALL),
        Some(o) if o.is_none() => return Ok(KindSet::ALL),
        Some(o) => o,
    };
    let iter = iter_arg(obj, "kinds", "kind names")?;
    let mut set = KindSet(0);
    for (i, item) in iter.enumerate() {
        let item = item?;
        let name: String = item.extract().map_err(|_| {
            crate::errors::type_error(format!("kinds[{i}] must be str, not {}", type_name(&item)))
        })?;
        match Kind::parse(&name) {
            Some(k) => set.0 |= k.bit(),
            None => {
                return Err(crate::errors::value_error(format!(
                    "kinds[{i}]: unknown kind {name:?}; expected one of {}",
                    kind_names()
                )))
            }
        }
    }
    Ok(set)
}

fn is_date_like(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    let date_type = obj.py().import("datetime")?.getattr("date")?;
    obj.is_instance(&date_type)
}

/// A reference date: None, a `datetime.date`/`datetime.datetime`, or `'YYYY-MM-DD'`.
pub(crate) fn reference_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Option<Date>> {
    if obj.is_none() {
        return Ok(None);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        return Date::parse(&s).map(Some).map_err(|_| {
            crate::errors::value_error(format!(
                "{what} must be a date in the form 'YYYY-MM-DD', not {}",
                py_str_repr(&s)
            ))
        });
    }
    if is_date_like(obj)? {
        let y: i32 = obj.getattr("year")?.extract()?;
        let m: u32 = obj.getattr("month")?.extract()?;
        let d: u32 = obj.getattr("day")?.extract()?;
        return Date::new(y, m, d)
            .map(Some)
            .map_err(|e| crate::errors::value_error(format!("{what}: {e}")));
    }
    Err(crate::errors::type_error(format!(
        "{what} must be a datetime.date, datetime.datetime or 'YYYY-MM-DD' str, not {}",
        type_name(obj)
    )))
}

/// Dates, times, weekdays, years, durations, numbers, money, percentages and
/// ordinals in ``text``, as :class:`Span` objects in text order (contract:
/// ``spec/spans.md``; spans never overlap: the longest wins, then the more
/// specific kind).
///
/// ``kinds``: an iterable of kind names (``asimtext.SPAN_KINDS``) to keep, applied
/// after overlaps are resolved. ``reference_date``: a ``datetime.date``,
/// ``datetime.datetime`` or ``'YYYY-MM-DD'`` string; it fills ``Span.resolved``
/// for partial dates (``15 जनवरी`` -> the nearest such date) and weekdays (the
/// most recent such day on or before it). Raises ``TypeError`` for a non-str
/// ``text`` or a bad argument type, ``ValueError`` for an unknown kind, an
/// invalid date or a lone surrogate.
#[pyfunction]
#[pyo3(signature = (text, *, kinds=None, reference_date=None))]
fn extract(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    kinds: Option<&Bound<'_, PyAny>>,
    reference_date: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyList>> {
    // ASCII borrowed as it is, other text converted from CPython's own form
    // (no UTF-8 copy left cached on the caller's string)
    let text = text_arg(text, "text", OnSurrogate::Reject)?;
    let kinds = kinds_arg(kinds)?;
    let reference = match reference_date {
        Some(r) => reference_arg(r, "reference_date")?,
        None => None,
    };
    let opts = ExtractOptions { kinds, reference };
    let text: &str = &text;
    let spans = py.detach(|| core::extract(text, &opts));
    Ok(span_list(py, spans)?.unbind())
}

/// :func:`extract` over many texts, in parallel on all cores with the GIL released.
///
/// ``reference_dates`` is ``None``, one reference date for every text, or an
/// iterable with one (or ``None``) per text; errors name the item
/// (``texts[3]``, ``reference_dates[1]``).
#[pyfunction]
#[pyo3(signature = (texts, *, reference_dates=None, kinds=None))]
fn extract_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    reference_dates: Option<&Bound<'_, PyAny>>,
    kinds: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Vec<Span>>> {
    let texts = read_texts(texts, "texts")?;
    let kinds = kinds_arg(kinds)?;
    let mut opts = ExtractOptions {
        kinds,
        reference: None,
    };
    let mut per_text: Option<Vec<Option<Date>>> = None;
    if let Some(r) = reference_dates {
        if r.is_none() || r.is_instance_of::<PyString>() || is_date_like(r)? {
            opts.reference = reference_arg(r, "reference_dates")?;
        } else {
            let iter = r.try_iter().map_err(|_| {
                crate::errors::type_error(format!(
                    "reference_dates must be a date, a 'YYYY-MM-DD' str or a sequence of them, not {}",
                    type_name(r)
                ))
            })?;
            let mut v = Vec::new();
            for (i, item) in iter.enumerate() {
                v.push(reference_arg(&item?, &format!("reference_dates[{i}]"))?);
            }
            if v.len() != texts.len() {
                return Err(crate::errors::value_error(format!(
                    "reference_dates has {} items but texts has {}",
                    v.len(),
                    texts.len()
                )));
            }
            per_text = Some(v);
        }
    }
    let out = crate::pool::detach(py, || {
        core::extract_batch_from(&texts, per_text.as_deref(), &opts)
    })?;
    Ok(out
        .into_iter()
        .map(|v| v.into_iter().map(Span::from_core).collect())
        .collect())
}

/// The lexicon as the core holds it: sorted ``(normalized word, category, value)``.
#[pyfunction]
fn _spans_lexicon() -> Vec<(String, &'static str, &'static str)> {
    core::scan::lexicon().dump()
}
