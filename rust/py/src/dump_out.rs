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
    m.add_class::<JsonLines>()?;
    Ok(())
}

/// `s` as Python's `json.dumps(s, ensure_ascii=False)` writes it: `"` and
/// `\` escaped, the short escapes `\b \f \n \r \t`, other characters below
/// U+0020 as `\u00xx` (lower-case hex), everything else as it is.
pub fn push_json_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push(b'"');
    let b = s.as_bytes();
    let mut start = 0;
    while let Some(i) = next_to_escape(b, start) {
        let c = b[i];
        out.extend_from_slice(&b[start..i]);
        let short: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            _ => b"",
        };
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

/// Whether JSON writes byte `c` escaped: `"`, `\` or a control character.
#[inline]
fn needs_escape(c: u8) -> bool {
    c == b'"' || c == b'\\' || c < 0x20
}

/// The index of the first byte at or after `from` that JSON writes escaped.
/// A text has few of them (its line breaks): sixteen bytes are tested at
/// once (SSE2, which every x86-64 has).
#[inline]
fn next_to_escape(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is part of x86-64; every load reads b[i..i + 16], in bounds.
        unsafe {
            let quote = _mm_set1_epi8(b'"' as i8);
            let backslash = _mm_set1_epi8(b'\\' as i8);
            let control = _mm_set1_epi8(0x1F);
            while i + 16 <= b.len() {
                let v = _mm_loadu_si128(b.as_ptr().add(i).cast());
                // v <= 0x1F (unsigned) exactly when max(v, 0x1F) == 0x1F.
                let low = _mm_cmpeq_epi8(_mm_max_epu8(v, control), control);
                let hit = _mm_or_si128(
                    low,
                    _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                );
                let mask = _mm_movemask_epi8(hit) as u32;
                if mask != 0 {
                    return Some(i + mask.trailing_zeros() as usize);
                }
                i += 16;
            }
        }
    }
    b[i..].iter().position(|&c| needs_escape(c)).map(|k| i + k)
}

/// Rows of a chunk made in parallel, `BLOCK` rows to a buffer (one
/// allocation per block, not per row), kept as they are in a [`JsonLines`].
const BLOCK: usize = 32;

/// (On the pool: call it without the GIL.)
fn rows_to_lines(n: usize, row: impl Fn(usize, &mut Vec<u8>, &mut RowScratch) + Sync) -> JsonLines {
    let blocks: Vec<Vec<u8>> = (0..n.div_ceil(BLOCK))
        .into_par_iter()
        .map_init(RowScratch::default, |scratch, b| {
            let mut o = Vec::new();
            for i in b * BLOCK..n.min((b + 1) * BLOCK) {
                row(i, &mut o, scratch);
            }
            o
        })
        .collect();
    let len = blocks.iter().map(Vec::len).sum();
    JsonLines { blocks, len }
}

/// The JSON lines of a chunk, as the Rust calls made them: written to a file
/// descriptor from these buffers (`write_to`, without the GIL: no `bytes`
/// object of the whole chunk is made, zeroed and copied), or made `bytes`
/// (`bytes(lines)`). `len()` is its length in bytes.
#[pyclass(name = "JsonLines", module = "asimtext._core", frozen)]
pub struct JsonLines {
    blocks: Vec<Vec<u8>>,
    len: usize,
}

#[pymethods]
impl JsonLines {
    fn __len__(&self) -> usize {
        self.len
    }

    fn __bytes__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        PyBytes::new_with(py, self.len, |dst| {
            let mut at = 0;
            for b in &self.blocks {
                dst[at..at + b.len()].copy_from_slice(b);
                at += b.len();
            }
            Ok(())
        })
    }

    /// Write every line to the open file descriptor `fd` (at its position;
    /// what a Python file object holds in its buffer must be flushed
    /// first). `OSError` if the system refuses.
    fn write_to(&self, py: Python<'_>, fd: i32) -> PyResult<()> {
        py.detach(|| write_all_to(fd, &self.blocks))
            .map_err(PyErr::from)
    }
}

/// Elsewhere than Unix: not supported (the Python writer makes `bytes`).
#[cfg(not(unix))]
fn write_all_to(_fd: i32, _blocks: &[Vec<u8>]) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// `blocks` written in order to `fd`, a few system calls for the lot
/// (`writev`), partial writes resumed.
#[cfg(unix)]
fn write_all_to(fd: i32, blocks: &[Vec<u8>]) -> std::io::Result<()> {
    use std::io::{IoSlice, Write};
    use std::os::fd::FromRawFd;
    if fd < 0 {
        const EBADF: i32 = 9; // the same number on Linux, macOS and the BSDs
        return Err(std::io::Error::from_raw_os_error(EBADF));
    }
    // Borrowed, not owned: the caller's file stays open.
    // SAFETY: `fd` is a descriptor the caller keeps open for the whole call
    // (a closed one is an EBADF error of the system call).
    let mut file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    let mut slices: Vec<IoSlice> = blocks
        .iter()
        .filter(|b| !b.is_empty())
        .map(|b| IoSlice::new(b))
        .collect();
    let mut rest = &mut slices[..];
    while !rest.is_empty() {
        match file.write_vectored(rest) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut rest, n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Buffers a worker thread reuses from row to row.
#[derive(Default)]
struct RowScratch {
    text: String,
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
/// reference_dates=reference_date)`, as [`JsonLines`].
#[pyfunction]
#[pyo3(signature = (texts, ids, id_field, reference_date=None, kinds=None))]
fn _extract_batch_jsonl<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    ids: &Bound<'py, PyList>,
    id_field: &str,
    reference_date: Option<&Bound<'py, PyAny>>,
    kinds: Option<&Bound<'py, PyAny>>,
) -> PyResult<JsonLines> {
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
    crate::pool::detach(py, || {
        let spans = core_spans::extract_batch_from(texts, None, &opts);
        let lines = rows_to_lines(spans.len(), |i, o, _| {
            span_row(o, id_field, &ids[i], &spans[i])
        });
        // Freed on the pool too: many small strings.
        spans.into_par_iter().for_each(drop);
        lines
    })
}

/// One line of `_extract_batch_jsonl`.
fn span_row(o: &mut Vec<u8>, id_field: &str, id: &str, spans: &[core_spans::Span]) {
    o.push(b'{');
    push_json_str(o, id_field);
    o.extend_from_slice(b": ");
    push_json_str(o, id);
    o.extend_from_slice(b", \"spans\": [");
    for (k, s) in spans.iter().enumerate() {
        if k > 0 {
            o.extend_from_slice(b", ");
        }
        o.extend_from_slice(b"{\"start\": ");
        push_usize(o, s.start);
        o.extend_from_slice(b", \"end\": ");
        push_usize(o, s.end);
        o.extend_from_slice(b", \"text\": ");
        push_json_str(o, &s.text);
        o.extend_from_slice(b", \"kind\": ");
        push_json_str(o, s.kind.name());
        o.extend_from_slice(b", \"value\": ");
        push_json_str(o, &s.value);
        o.extend_from_slice(b", \"resolved\": ");
        match &s.resolved {
            Some(r) => push_json_str(o, r),
            None => o.extend_from_slice(b"null"),
        }
        o.push(b'}');
    }
    o.extend_from_slice(b"]}\n");
}

/// `n` in decimal, as `str(int)` writes it.
fn push_usize(o: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    o.extend_from_slice(&digits[k..]);
}

/// One JSON line per text: `{ID_FIELD: id, TEXT_FIELD: normalized text}`
/// with the texts of `normalize_batch(texts, form=form)`, as [`JsonLines`] (one
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
) -> PyResult<JsonLines> {
    let opts = crate::normalize::options(form, false, false, false, false)?;
    let texts = read_texts(texts, "texts")?;
    let ids = ids_arg(ids)?;
    check_len(texts.len(), ids.len())?;
    let texts = &texts;
    let opts = &opts;
    crate::pool::detach(py, || {
        rows_to_lines(texts.len(), |i, o, scratch| {
            let norm = crate::normalize::normalize_to_utf8(texts.view(i), &mut scratch.text, opts);
            o.push(b'{');
            if id_field != text_field {
                push_json_str(o, id_field);
                o.extend_from_slice(b": ");
                push_json_str(o, &ids[i]);
                o.extend_from_slice(b", ");
            }
            push_json_str(o, text_field);
            o.extend_from_slice(b": ");
            push_json_str(o, &norm);
            o.extend_from_slice(b"}\n");
        })
    })
}

#[cfg(test)]
mod tests {
    use super::{push_json_str, push_usize};

    /// The escaping one byte at a time, as the writer did before the 16-byte scan.
    fn reference(s: &str) -> String {
        let mut o = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => o.push_str("\\\""),
                '\\' => o.push_str("\\\\"),
                '\n' => o.push_str("\\n"),
                '\r' => o.push_str("\\r"),
                '\t' => o.push_str("\\t"),
                '\u{8}' => o.push_str("\\b"),
                '\u{c}' => o.push_str("\\f"),
                c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
                c => o.push(c),
            }
        }
        o.push('"');
        o
    }

    #[test]
    fn escapes_found_at_every_position_of_the_scan() {
        // Every special byte at every offset of strings longer than two
        // 16-byte blocks, among Devanagari (bytes >= 0x80 are not controls).
        for special in ['"', '\\', '\n', '\u{1}', '\u{1f}', '\t'] {
            for len in [0usize, 1, 15, 16, 17, 31, 33, 40] {
                for at in 0..=len {
                    let mut s: String = "कa ".chars().cycle().take(len).collect();
                    let byte_at = s.char_indices().nth(at).map_or(s.len(), |(i, _)| i);
                    s.insert(byte_at, special);
                    let mut o = Vec::new();
                    push_json_str(&mut o, &s);
                    assert_eq!(String::from_utf8(o).unwrap(), reference(&s), "{s:?}");
                }
            }
        }
        for n in [0usize, 7, 10, 99, 1234567, usize::MAX] {
            let mut o = Vec::new();
            push_usize(&mut o, n);
            assert_eq!(o, n.to_string().into_bytes());
        }
    }

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
