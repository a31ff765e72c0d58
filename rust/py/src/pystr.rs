//! Reading and writing CPython strings where CPython keeps them (PEP 393):
//! one, two or four bytes per code point. Hindi text is stored with two, so
//! going through UTF-8 means a full conversion each way; reading the code
//! units directly lets the work happen without the GIL (and without the
//! UTF-8 copy CPython would otherwise cache on each string, doubling the
//! memory of the input), and a result built as code units becomes a `str`
//! with one copy.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use asimtext_core::ucs::{first_surrogate, utf8_from_latin1, utf8_from_ucs2};

use crate::arrow::ArrowStrings;
use crate::convert::{iter_arg, type_name, OnSurrogate};

/// UCS-2 code units ready to become a `str`, with the largest code point
/// class found off the GIL (CPython requires the smallest kind that holds
/// them: equal strings of different kinds would compare unequal).
pub struct Ucs2Str {
    units: Vec<u16>,
    maxchar: u32,
}

impl Ucs2Str {
    pub fn new(units: Vec<u16>) -> Self {
        let or = units.iter().fold(0u16, |a, &u| a | u);
        let maxchar = if or < 0x80 {
            0x7F
        } else if or < 0x100 {
            0xFF
        } else {
            0xFFFF
        };
        Ucs2Str { units, maxchar }
    }

    /// A new `str` of the right length and kind whose code points are not
    /// written yet, and where to write them ([`Ucs2Str::write`], which may run
    /// on any thread without the GIL). Until then the string must not be used
    /// (it may be stored, and dropped).
    pub fn alloc_py<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyString>, StrDest)> {
        let len = pyo3::ffi::Py_ssize_t::try_from(self.units.len())
            .map_err(|_| crate::errors::value_error("string too long"))?;
        // SAFETY: PyUnicode_New returns a new string of `len` code points of
        // the kind `maxchar` asks for, or NULL with an exception set.
        unsafe {
            let p = pyo3::ffi::PyUnicode_New(len, self.maxchar);
            if p.is_null() {
                return Err(PyErr::fetch(py));
            }
            let dest = StrDest(pyo3::ffi::PyUnicode_DATA(p) as *mut u8, self.units.len());
            Ok((Bound::from_owned_ptr(py, p).cast_into_unchecked(), dest))
        }
    }

    /// Write the code points into the string [`Ucs2Str::alloc_py`] made for
    /// them (`dest` must come from that call on this value, and the string
    /// must still be alive).
    pub fn write(self, dest: StrDest) {
        let units = &self.units;
        debug_assert_eq!(dest.1, units.len(), "a StrDest from another Ucs2Str");
        // SAFETY: `dest` points at the data of a string allocated for
        // exactly these code points, in the kind `maxchar` chose (2 bytes
        // per code point for 0xFFFF, else 1), which nothing else reads or
        // writes until this returns.
        unsafe {
            if self.maxchar == 0xFFFF {
                std::ptr::copy_nonoverlapping(units.as_ptr(), dest.0 as *mut u16, units.len());
            } else {
                let dst = std::slice::from_raw_parts_mut(dest.0, units.len());
                for (d, &u) in dst.iter_mut().zip(units) {
                    *d = u as u8;
                }
            }
        }
    }

    /// The new `str`: one allocation and one copy.
    pub fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyString>> {
        let (obj, dest) = self.alloc_py(py)?;
        self.write(dest);
        Ok(obj)
    }
}

/// Where [`Ucs2Str::write`] writes a string's code points.
pub struct StrDest(*mut u8, usize);

// SAFETY: the data of a new string that no one else can reach until the
// writing thread is done with it (see `Ucs2Str::alloc_py`).
unsafe impl Send for StrDest {}

/// The UCS-2 code units of `s` when CPython stores it in that form (every
/// Hindi string), borrowed without a copy; `None` for the 1- and 4-byte forms.
pub fn ucs2_units<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a [u16]> {
    match StrView::new(s) {
        Ok(StrView::Ucs2(units)) => Some(units),
        _ => None,
    }
}

/// A Python `str`'s text borrowed in the form CPython stores it (PEP 393),
/// so that it can be read without the GIL and converted to UTF-8 by the
/// worker that needs it: no conversion under the GIL, and no UTF-8 copy
/// cached on the string object (which would double the memory of the input).
#[derive(Clone, Copy, Debug)]
pub enum StrView<'a> {
    Ucs1(&'a [u8]),
    Ucs2(&'a [u16]),
    Ucs4(&'a [u32]),
    /// UTF-8 already (Arrow strings, checked when they were read).
    Utf8(&'a str),
}

/// A lone surrogate at this code point index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SurrogateAt(pub usize);

impl SurrogateAt {
    /// The `ValueError` that text_arg raises for the same input.
    /// The `ValueError`; `hint` when the function has an `errors` option.
    pub fn to_err(self, what: &str, hint: bool) -> PyErr {
        let hint = if hint {
            " (pass errors='replace' to replace it with U+FFFD)"
        } else {
            ""
        };
        crate::errors::value_error(format!(
            "{what} contains a lone surrogate at index {}{hint}",
            self.0
        ))
    }
}

impl<'a> StrView<'a> {
    pub fn new(s: &'a Bound<'_, PyString>) -> PyResult<Self> {
        // SAFETY: the data stays valid and unchanged while `s` is alive
        // (strings are immutable), which the borrow guarantees.
        Ok(match unsafe { s.data() }? {
            pyo3::types::string::PyStringData::Ucs1(b) => StrView::Ucs1(b),
            pyo3::types::string::PyStringData::Ucs2(u) => StrView::Ucs2(u),
            pyo3::types::string::PyStringData::Ucs4(u) => StrView::Ucs4(u),
        })
    }

    /// The text as UTF-8: borrowed when it is ASCII, else converted into
    /// `buf` (reused across calls). A lone surrogate is an error (`Strict`,
    /// `Reject`) or one U+FFFD (`Replace`, so that code point offsets stay valid).
    pub fn to_utf8<'b>(
        self,
        buf: &'b mut String,
        on_surrogate: OnSurrogate,
    ) -> Result<&'b str, SurrogateAt>
    where
        'a: 'b,
    {
        buf.clear();
        match self {
            StrView::Utf8(s) => return Ok(s),
            StrView::Ucs1(b) if b.is_ascii() => {
                // SAFETY: ASCII is UTF-8.
                return Ok(unsafe { std::str::from_utf8_unchecked(b) });
            }
            StrView::Ucs1(b) => utf8_from_latin1(b, buf),
            StrView::Ucs2(u) => match utf8_from_ucs2(u, buf) {
                Ok(()) => {}
                Err(i) if on_surrogate != OnSurrogate::Replace => return Err(SurrogateAt(i)),
                Err(_) => {
                    buf.clear();
                    buf.reserve(u.len() * 3);
                    push_code_points(u.iter().map(|&x| x as u32), buf, on_surrogate)?;
                }
            },
            StrView::Ucs4(u) => {
                buf.reserve(u.len() * 4);
                push_code_points(u.iter().copied(), buf, on_surrogate)?;
            }
        }
        Ok(buf.as_str())
    }

    /// The text as a new UTF-8 `String` (see [`StrView::to_utf8`]).
    pub fn to_string(self, on_surrogate: OnSurrogate) -> Result<String, SurrogateAt> {
        if let StrView::Utf8(s) = self {
            return Ok(s.to_string());
        }
        if let StrView::Ucs1(b) = self {
            if b.is_ascii() {
                // SAFETY: ASCII is UTF-8.
                return Ok(unsafe { std::str::from_utf8_unchecked(b) }.to_string());
            }
        }
        let mut buf = String::new();
        self.to_utf8(&mut buf, on_surrogate)?;
        Ok(buf)
    }
}

fn push_code_points(
    cps: impl Iterator<Item = u32>,
    buf: &mut String,
    on_surrogate: OnSurrogate,
) -> Result<(), SurrogateAt> {
    for (i, cp) in cps.enumerate() {
        match char::from_u32(cp) {
            Some(c) => buf.push(c),
            None if on_surrogate == OnSurrogate::Replace => buf.push('\u{FFFD}'),
            None => return Err(SurrogateAt(i)),
        }
    }
    Ok(())
}

/// A batch of Python `str` read without copies: the only work done with the
/// GIL held is a type check and a surrogate scan per item; workers convert
/// each text to UTF-8 (ASCII is borrowed as it is) when they need it.
pub struct Texts<'py> {
    _keep: Vec<Bound<'py, PyAny>>,
    /// Keeps alive the Arrow arrays `raw` points into, for Arrow input.
    _arrow: Option<ArrowStrings>,
    raw: RawViews,
}

#[derive(Clone, Copy)]
enum Raw {
    Ucs1(*const u8, usize),
    Ucs2(*const u16, usize),
    Ucs4(*const u32, usize),
    Utf8(*const u8, usize),
}

// SAFETY: worker threads only get `&Texts` and only read through `raw`
// (see `RawViews`), never `_keep`, whose references are dropped with the
// GIL held, after the workers are done.
unsafe impl Sync for Texts<'_> {}

#[allow(clippy::len_without_is_empty)]
impl Texts<'_> {
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// Text `i` as UTF-8, converted into `buf` if needed.
    pub fn get<'a>(&'a self, i: usize, buf: &'a mut String) -> &'a str {
        // No surrogates: `read_texts` checked every item.
        self.raw.utf8(i, buf)
    }

    /// Text `i` where it is stored (a `str`'s code units, or Arrow's UTF-8).
    pub fn view(&self, i: usize) -> StrView<'_> {
        self.raw.view(i)
    }

    /// The same texts, held by references that may move to another thread
    /// (to be dropped with the GIL held).
    pub fn into_owned(self) -> OwnedTexts {
        OwnedTexts {
            _keep: self._keep.into_iter().map(Bound::unbind).collect(),
            _arrow: self._arrow,
            raw: self.raw,
        }
    }
}

/// [`Texts`] that can move between threads: a pipeline's chunk, read with
/// the GIL on one thread and dropped with it on another.
pub struct OwnedTexts {
    _keep: Vec<Py<PyAny>>,
    _arrow: Option<ArrowStrings>,
    raw: RawViews,
}

#[allow(clippy::len_without_is_empty)]
impl OwnedTexts {
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// Text `i` as UTF-8, converted into `buf` if needed.
    pub fn get<'a>(&'a self, i: usize, buf: &'a mut String) -> &'a str {
        self.raw.utf8(i, buf)
    }
}

/// Views of strings that another thread can read while their owner keeps
/// them alive (`normalize_batch`'s workers, while the calling thread waits).
pub struct RawViews(Vec<Raw>);

// SAFETY: the pointers point into immutable `str` objects; `RawViews::of`
// makes its caller keep them alive until every use of the value is over.
unsafe impl Send for RawViews {}
unsafe impl Sync for RawViews {}

#[allow(clippy::len_without_is_empty)]
impl RawViews {
    /// # Safety
    /// The caller keeps every string of `items` alive (holds a reference)
    /// until the returned value, and everything read through it, is gone.
    pub unsafe fn of<'a, 'py: 'a>(
        items: impl IntoIterator<Item = &'a Bound<'py, PyString>>,
    ) -> PyResult<Self> {
        items
            .into_iter()
            .map(|s| {
                Ok(match StrView::new(s)? {
                    StrView::Ucs1(b) => Raw::Ucs1(b.as_ptr(), b.len()),
                    StrView::Ucs2(u) => Raw::Ucs2(u.as_ptr(), u.len()),
                    StrView::Ucs4(u) => Raw::Ucs4(u.as_ptr(), u.len()),
                    StrView::Utf8(t) => Raw::Utf8(t.as_ptr(), t.len()),
                })
            })
            .collect::<PyResult<Vec<_>>>()
            .map(RawViews)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Views of the texts of `arrow`, which the caller keeps alive as long
    /// as the views (see `of`); `what` names the batch in errors.
    pub fn of_arrow(py: Python<'_>, arrow: &ArrowStrings, what: &str) -> PyResult<Self> {
        Ok(RawViews(
            arrow
                .texts(py, what)?
                .into_iter()
                .map(|(p, n)| Raw::Utf8(p, n))
                .collect(),
        ))
    }

    /// Views `start..end` of these (for chunks of one batch).
    pub fn slice(&self, start: usize, end: usize) -> Self {
        RawViews(self.0[start..end].to_vec())
    }

    /// Text `i` as UTF-8 (converted into `buf` if needed), for views of
    /// strings already checked to hold no lone surrogate.
    fn utf8<'a>(&'a self, i: usize, buf: &'a mut String) -> &'a str {
        match self.view(i) {
            StrView::Ucs2(u) => {
                // SAFETY: only `read_texts` makes the views this is called
                // on, and it checked every string for surrogates.
                unsafe { asimtext_core::ucs::utf8_from_ucs2_checked(u, buf) };
                buf.as_str()
            }
            v => v.to_utf8(buf, OnSurrogate::Replace).unwrap_or_default(),
        }
    }

    pub fn view(&self, i: usize) -> StrView<'_> {
        // SAFETY: see `of`; the lengths are the objects' own.
        unsafe {
            match self.0[i] {
                Raw::Ucs1(p, n) => StrView::Ucs1(std::slice::from_raw_parts(p, n)),
                Raw::Ucs2(p, n) => StrView::Ucs2(std::slice::from_raw_parts(p, n)),
                Raw::Ucs4(p, n) => StrView::Ucs4(std::slice::from_raw_parts(p, n)),
                // Checked UTF-8 (ArrowStrings::texts).
                Raw::Utf8(p, n) => StrView::Utf8(std::str::from_utf8_unchecked(
                    std::slice::from_raw_parts(p, n),
                )),
            }
        }
    }
}

/// The texts of an iterable of `str`; errors exactly as `texts_arg` makes
/// them (strict surrogates), naming the first failing item (`texts[3]`).
/// One pass over the items, which runs with the GIL held: the part of a
/// batch call that does not scale with cores.
pub fn read_texts<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Texts<'py>> {
    let mut texts = Texts {
        _keep: Vec::new(),
        _arrow: None,
        raw: RawViews(Vec::new()),
    };
    // Lists and tuples are read in place (no iterator object, one
    // allocation of the right size).
    if let Ok(list) = obj.cast_exact::<PyList>() {
        texts.reserve(list.len());
        for (i, item) in list.iter().enumerate() {
            texts.push(item, i, what)?;
        }
    } else if let Ok(tuple) = obj.cast_exact::<PyTuple>() {
        texts.reserve(tuple.len());
        for (i, item) in tuple.iter().enumerate() {
            texts.push(item, i, what)?;
        }
    } else if let Some(arrow) = crate::arrow::import(obj, what)? {
        texts.raw = RawViews::of_arrow(obj.py(), &arrow, what)?;
        texts._arrow = Some(arrow);
    } else {
        for (i, item) in iter_arg(obj, what, "str")?.enumerate() {
            texts.push(item?, i, what)?;
        }
    }
    Ok(texts)
}

impl<'py> Texts<'py> {
    fn reserve(&mut self, n: usize) {
        self._keep.reserve_exact(n);
        self.raw.0.reserve_exact(n);
    }

    /// Item `i` of the batch `what`, checked (a `str` without lone
    /// surrogates) and kept alive with its view.
    fn push(&mut self, item: Bound<'py, PyAny>, i: usize, what: &str) -> PyResult<()> {
        let s = match item.cast_into::<PyString>() {
            Ok(s) => s,
            Err(e) => {
                let item = e.into_inner();
                if let Ok(t) = item.cast::<crate::jsonl::Utf8Text>() {
                    // A text the JSON Lines reader kept as UTF-8: read in place.
                    let t = t.get().as_str();
                    self.raw.0.push(Raw::Utf8(t.as_ptr(), t.len()));
                    self._keep.push(item);
                    return Ok(());
                }
                return Err(crate::errors::type_error(format!(
                    "{what}[{i}] must be str, not {}",
                    type_name(item.as_any())
                )));
            }
        };
        let (raw, surrogate) = match StrView::new(&s)? {
            StrView::Ucs1(b) => (Raw::Ucs1(b.as_ptr(), b.len()), None),
            StrView::Ucs2(u) => (Raw::Ucs2(u.as_ptr(), u.len()), first_surrogate(u)),
            StrView::Ucs4(u) => (
                Raw::Ucs4(u.as_ptr(), u.len()),
                u.iter().position(|&x| x & 0xFFFF_F800 == 0xD800),
            ),
            StrView::Utf8(_) => unreachable!("a str is never stored as UTF-8"),
        };
        if let Some(at) = surrogate {
            return Err(SurrogateAt(at).to_err(&format!("{what}[{i}]"), false));
        }
        // SAFETY (of `raw`): `_keep` holds the string as long as `raw` lives.
        self._keep.push(s.into_any());
        self.raw.0.push(raw);
        Ok(())
    }
}

impl asimtext_core::source::TextSource for Texts<'_> {
    fn len(&self) -> usize {
        Texts::len(self)
    }
    fn text<'a>(&'a self, i: usize, buf: &'a mut String) -> &'a str {
        self.get(i, buf)
    }
}
