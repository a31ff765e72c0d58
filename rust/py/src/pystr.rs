//! Reading and writing CPython strings where CPython keeps them (PEP 393):
//! one, two or four bytes per code point. Hindi text is stored with two, so
//! going through UTF-8 means a full conversion each way; reading the code
//! units directly lets the work happen without the GIL (and without the
//! UTF-8 copy CPython would otherwise cache on each string, doubling the
//! memory of the input), and a result built as code units becomes a `str`
//! with one copy.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{type_name, OnSurrogate};

/// A new `str` from UCS-2 code units, in the smallest PEP 393 kind that holds
/// them (CPython requires the canonical kind: equal strings of different
/// kinds would compare unequal).
pub fn str_from_ucs2<'py>(py: Python<'py>, units: &[u16]) -> PyResult<Bound<'py, PyString>> {
    let or = units.iter().fold(0u16, |a, &u| a | u);
    let maxchar: u32 = if or < 0x80 {
        0x7F
    } else if or < 0x100 {
        0xFF
    } else {
        0xFFFF
    };
    let len = pyo3::ffi::Py_ssize_t::try_from(units.len())
        .map_err(|_| pyo3::exceptions::PyOverflowError::new_err("string too long"))?;
    // SAFETY: PyUnicode_New returns a new string of `len` code points of the
    // kind `maxchar` asks for (1 byte per code point up to 0xFF, else 2), or
    // NULL with an exception set; we fill every code point before anyone sees it.
    unsafe {
        let p = pyo3::ffi::PyUnicode_New(len, maxchar);
        if p.is_null() {
            return Err(PyErr::fetch(py));
        }
        let data = pyo3::ffi::PyUnicode_DATA(p);
        if maxchar == 0xFFFF {
            std::ptr::copy_nonoverlapping(units.as_ptr(), data as *mut u16, units.len());
        } else {
            let dst = std::slice::from_raw_parts_mut(data as *mut u8, units.len());
            for (d, &u) in dst.iter_mut().zip(units) {
                *d = u as u8;
            }
        }
        Ok(Bound::from_owned_ptr(py, p).cast_into_unchecked())
    }
}

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
}

/// A lone surrogate at this code point index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SurrogateAt(pub usize);

impl SurrogateAt {
    /// The `ValueError` that text_arg raises for the same input.
    pub fn to_err(self, what: &str) -> PyErr {
        PyValueError::new_err(format!(
            "{what} contains a lone surrogate at index {} (pass errors='replace' to replace it with U+FFFD)",
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
    /// `buf` (reused across calls). A lone surrogate is an error (`Strict`)
    /// or one U+FFFD (`Replace`, so that code point offsets stay valid).
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
            StrView::Ucs1(b) if b.is_ascii() => {
                // SAFETY: ASCII is UTF-8.
                return Ok(unsafe { std::str::from_utf8_unchecked(b) });
            }
            StrView::Ucs1(b) => to_utf8(b, buf),
            StrView::Ucs2(u) => match first_surrogate(u) {
                None => to_utf8(u, buf),
                Some(i) if on_surrogate == OnSurrogate::Strict => return Err(SurrogateAt(i)),
                Some(_) => {
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

/// Index of the first surrogate code unit (in a Python string, a lone
/// surrogate), vectorized 16 units at a time.
fn first_surrogate(u: &[u16]) -> Option<usize> {
    let mut base = 0;
    for block in u.chunks(16) {
        if block.iter().fold(false, |a, &x| a | (x & 0xF800 == 0xD800)) {
            return block
                .iter()
                .position(|&x| x & 0xF800 == 0xD800)
                .map(|k| base + k);
        }
        base += block.len();
    }
    None
}

/// A batch of Python `str` read without copies: the only work done with the
/// GIL held is a type check and a surrogate scan per item; workers convert
/// each text to UTF-8 (ASCII is borrowed as it is) when they need it.
pub struct Texts<'py> {
    _keep: Vec<Bound<'py, PyString>>,
    raw: Vec<Raw>,
}

#[derive(Clone, Copy)]
enum Raw {
    Ucs1(*const u8, usize),
    Ucs2(*const u16, usize),
    Ucs4(*const u32, usize),
}

// SAFETY: the pointers point into immutable `str` objects that `_keep` holds
// references to for the whole life of `Texts`; nothing writes them. Worker
// threads only get `&Texts` and only read the data through `view` (never
// `_keep`, whose references are dropped with the GIL held).
unsafe impl Sync for Texts<'_> {}

#[allow(clippy::len_without_is_empty)]
impl Texts<'_> {
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    fn view(&self, i: usize) -> StrView<'_> {
        // SAFETY: see `unsafe impl Sync`; the lengths are the objects' own.
        unsafe {
            match self.raw[i] {
                Raw::Ucs1(p, n) => StrView::Ucs1(std::slice::from_raw_parts(p, n)),
                Raw::Ucs2(p, n) => StrView::Ucs2(std::slice::from_raw_parts(p, n)),
                Raw::Ucs4(p, n) => StrView::Ucs4(std::slice::from_raw_parts(p, n)),
            }
        }
    }

    /// Text `i` as UTF-8, converted into `buf` if needed.
    pub fn get<'a>(&'a self, i: usize, buf: &'a mut String) -> &'a str {
        // No surrogates: `read_texts` checked every item.
        self.view(i)
            .to_utf8(buf, OnSurrogate::Replace)
            .unwrap_or_default()
    }
}

/// The texts of an iterable of `str`; errors exactly as `texts_arg` makes
/// them (strict surrogates), naming the first failing item (`texts[3]`).
pub fn read_texts<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Texts<'py>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not a single str"
        )));
    }
    let iter = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not {}",
            type_name(obj)
        ))
    })?;
    let mut keep = Vec::new();
    let mut raw = Vec::new();
    for (i, item) in iter.enumerate() {
        let s = item?.cast_into::<PyString>().map_err(|e| {
            PyTypeError::new_err(format!(
                "{what}[{i}] must be str, not {}",
                type_name(e.into_inner().as_any())
            ))
        })?;
        let r = match StrView::new(&s)? {
            StrView::Ucs1(b) => Raw::Ucs1(b.as_ptr(), b.len()),
            StrView::Ucs2(u) => match first_surrogate(u) {
                Some(at) => return Err(SurrogateAt(at).to_err(&format!("{what}[{i}]"))),
                None => Raw::Ucs2(u.as_ptr(), u.len()),
            },
            StrView::Ucs4(u) => match u.iter().position(|&x| x & 0xFFFF_F800 == 0xD800) {
                Some(at) => return Err(SurrogateAt(at).to_err(&format!("{what}[{i}]"))),
                None => Raw::Ucs4(u.as_ptr(), u.len()),
            },
        };
        raw.push(r);
        keep.push(s);
    }
    Ok(Texts { _keep: keep, raw })
}

/// UTF-8 of Latin-1 or UCS-2 code units without surrogates (checked when
/// the text was taken), into `buf`.
fn to_utf8<U: Copy + Into<u32>>(src: &[U], buf: &mut String) {
    let mut v = std::mem::take(buf).into_bytes();
    v.clear();
    v.reserve(src.len() * 3 + 32);
    let base = v.as_mut_ptr();
    let mut done = 0usize;
    let mut j = 0usize;
    #[cfg(target_arch = "x86_64")]
    if std::mem::size_of::<U>() == 2
        && std::is_x86_feature_detected!("ssse3")
        && std::is_x86_feature_detected!("sse4.1")
    {
        // SAFETY: U is u16 here (size 2, and only u8/u16 are passed); the
        // CPU has the features; capacity is 3 per unit + 32.
        (done, j) = unsafe {
            sse::ucs2_to_utf8(
                std::slice::from_raw_parts(src.as_ptr().cast::<u16>(), src.len()),
                base,
            )
        };
    }
    for &u in &src[done..] {
        let u: u32 = u.into();
        let (word, len) = if (0x80..0x800).contains(&u) {
            // Two bytes: rare in Hindi and English text.
            (0xC0 | (u >> 6) | ((0x80 | (u & 0x3F)) << 8), 2)
        } else {
            // ASCII or three bytes, selected without a branch: spaces and
            // Devanagari letters alternate too often to predict.
            let w3 = 0xE0 | (u >> 12) | ((0x80 | ((u >> 6) & 0x3F)) << 8);
            let w3 = w3 | ((0x80 | (u & 0x3F)) << 16);
            let ascii = (u < 0x80) as u32;
            let m = 0u32.wrapping_sub(ascii);
            (w3 ^ ((w3 ^ u) & m), 3 - 2 * ascii as usize)
        };
        // SAFETY: `j + 4 <= 3 * src.len() + 4 <= capacity`.
        unsafe {
            base.add(j)
                .cast::<[u8; 4]>()
                .write_unaligned(word.to_le_bytes())
        };
        j += len;
    }
    // SAFETY: bytes `..j` are initialized; each unit below 0x10000 that is
    // not a surrogate was encoded as UTF-8, so the bytes are valid UTF-8.
    unsafe {
        v.set_len(j);
        *buf = String::from_utf8_unchecked(v);
    }
}

/// UCS-2 -> UTF-8, 8 units at a time, for text made of ASCII and
/// three-byte code points (Devanagari and most of the BMP): the three
/// byte planes p0 | p1 | p2 are computed for all 8 units, then byte
/// shuffles chosen by the ASCII mask drop the unused bytes (SSSE3/SSE4.1).
#[cfg(target_arch = "x86_64")]
mod sse {
    use std::arch::x86_64::*;

    /// Per ASCII mask of 8 units: shuffle indices of the 32 output bytes
    /// into `a = p0 | p1` and into `b = p2` (0x80: zero), and the length.
    struct Tables {
        from_a: [[u8; 32]; 256],
        from_b: [[u8; 32]; 256],
        len: [u8; 256],
    }

    const fn tables() -> Tables {
        let mut t = Tables {
            from_a: [[0x80u8; 32]; 256],
            from_b: [[0x80u8; 32]; 256],
            len: [0u8; 256],
        };
        let mut m = 0;
        while m < 256 {
            let mut pos = 0;
            let mut k = 0;
            while k < 8 {
                // p0 byte of unit k, then (non-ASCII) its p1 and p2 bytes.
                t.from_a[m][pos] = k as u8;
                pos += 1;
                if (m >> k) & 1 == 0 {
                    t.from_a[m][pos] = 8 + k as u8;
                    t.from_b[m][pos + 1] = k as u8;
                    pos += 2;
                }
                k += 1;
            }
            t.len[m] = pos as u8;
            m += 1;
        }
        t
    }
    static TABLES: Tables = tables();

    /// Converts the whole chunks of 8 units (one with a two-byte code point
    /// unit by unit); returns `(units done, bytes written at dst)`.
    ///
    /// # Safety
    /// SSSE3 and SSE4.1 available; `dst` has room for `3 * src.len() + 32`
    /// bytes; `src` has no surrogates.
    #[target_feature(enable = "ssse3,sse4.1")]
    pub unsafe fn ucs2_to_utf8(src: &[u16], dst: *mut u8) -> (usize, usize) {
        let t = &TABLES;
        let c7f = _mm_set1_epi16(0x7F);
        let c7ff = _mm_set1_epi16(0x7FF);
        let c80 = _mm_set1_epi16(0x80);
        let ce0 = _mm_set1_epi16(0xE0);
        let c3f = _mm_set1_epi16(0x3F);
        let mut i = 0usize;
        let mut j = 0usize;
        while i + 8 <= src.len() {
            let v = _mm_loadu_si128(src.as_ptr().add(i).cast());
            let ascii_v = _mm_cmpeq_epi16(_mm_min_epu16(v, c7f), v);
            let below_v = _mm_cmpeq_epi16(_mm_min_epu16(v, c7ff), v);
            let ascii = (_mm_movemask_epi8(_mm_packs_epi16(ascii_v, ascii_v)) & 0xFF) as usize;
            let below = (_mm_movemask_epi8(_mm_packs_epi16(below_v, below_v)) & 0xFF) as usize;
            if below & !ascii != 0 {
                // A two-byte code point: this chunk one unit at a time.
                for &u in &src[i..i + 8] {
                    let c = char::from_u32(u as u32).unwrap_or('\u{FFFD}');
                    let n = c.len_utf8();
                    c.encode_utf8(std::slice::from_raw_parts_mut(dst.add(j), n));
                    j += n;
                }
                i += 8;
                continue;
            }
            let lead = _mm_or_si128(_mm_srli_epi16(v, 12), ce0);
            let p0 = _mm_blendv_epi8(lead, v, ascii_v);
            let p1 = _mm_or_si128(_mm_and_si128(_mm_srli_epi16(v, 6), c3f), c80);
            let p2 = _mm_or_si128(_mm_and_si128(v, c3f), c80);
            let a = _mm_packus_epi16(p0, p1);
            let b = _mm_packus_epi16(p2, p2);
            let fa = t.from_a[ascii].as_ptr();
            let fb = t.from_b[ascii].as_ptr();
            let lo = _mm_or_si128(
                _mm_shuffle_epi8(a, _mm_loadu_si128(fa.cast())),
                _mm_shuffle_epi8(b, _mm_loadu_si128(fb.cast())),
            );
            let hi = _mm_or_si128(
                _mm_shuffle_epi8(a, _mm_loadu_si128(fa.add(16).cast())),
                _mm_shuffle_epi8(b, _mm_loadu_si128(fb.add(16).cast())),
            );
            _mm_storeu_si128(dst.add(j).cast(), lo);
            _mm_storeu_si128(dst.add(j + 16).cast(), hi);
            j += t.len[ascii] as usize;
            i += 8;
        }
        (i, j)
    }
}
