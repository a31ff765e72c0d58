//! Arrow string arrays read where Arrow keeps them: `pyarrow` arrays and
//! chunked arrays, pandas Series of Arrow strings, polars Series, anything
//! that speaks the Arrow PyCapsule interface (`__arrow_c_array__`,
//! `__arrow_c_stream__`). The texts are the arrays' UTF-8 bytes, borrowed
//! without a copy and without one Python object per text; the arrays are
//! moved out of their capsules and released when the batch is done.
//!
//! Types: `string`, `large_string` and `string_view`. A null is an error
//! naming its index (a batch function has no text to give it); so is a text
//! that is not UTF-8 (Arrow requires it, but not every producer checks).

use std::ffi::{c_char, c_int, c_void, CStr};
use std::ptr;

use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use crate::convert::type_name;

// The C Data and C Stream interfaces (arrow.apache.org/docs/format/CDataInterface.html).

#[repr(C)]
struct FfiSchema {
    format: *const c_char,
    name: *const c_char,
    metadata: *const c_char,
    flags: i64,
    n_children: i64,
    children: *mut *mut FfiSchema,
    dictionary: *mut FfiSchema,
    release: Option<unsafe extern "C" fn(*mut FfiSchema)>,
    private_data: *mut c_void,
}

#[repr(C)]
struct FfiArray {
    length: i64,
    null_count: i64,
    offset: i64,
    n_buffers: i64,
    n_children: i64,
    buffers: *mut *const c_void,
    children: *mut *mut FfiArray,
    dictionary: *mut FfiArray,
    release: Option<unsafe extern "C" fn(*mut FfiArray)>,
    private_data: *mut c_void,
}

#[repr(C)]
struct FfiStream {
    get_schema: Option<unsafe extern "C" fn(*mut FfiStream, *mut FfiSchema) -> c_int>,
    get_next: Option<unsafe extern "C" fn(*mut FfiStream, *mut FfiArray) -> c_int>,
    get_last_error: Option<unsafe extern "C" fn(*mut FfiStream) -> *const c_char>,
    release: Option<unsafe extern "C" fn(*mut FfiStream)>,
    private_data: *mut c_void,
}

/// A released-on-drop C struct we own (moved out of a capsule or filled by a stream).
struct Owned<T: Release>(Box<T>);

trait Release {
    fn release(&mut self);
}

macro_rules! release_impl {
    ($t:ty) => {
        impl Release for $t {
            fn release(&mut self) {
                if let Some(f) = self.release {
                    // SAFETY: the producer's callback, called once on a
                    // struct we own; it marks the struct released.
                    unsafe { f(self) };
                    self.release = None;
                }
            }
        }
    };
}
release_impl!(FfiSchema);
release_impl!(FfiArray);
release_impl!(FfiStream);

impl<T: Release> Drop for Owned<T> {
    fn drop(&mut self) {
        self.0.release();
    }
}

/// Move the struct out of a capsule named `name` (the capsule's destructor
/// then finds it released and does nothing), as the interface asks of consumers.
///
/// # Safety
/// `T` must be the struct the capsule name stands for.
unsafe fn take<T: Release + TakeRelease>(
    cap: &Bound<'_, PyAny>,
    name: &CStr,
) -> PyResult<Owned<T>> {
    let p = pyo3::ffi::PyCapsule_GetPointer(cap.as_ptr(), name.as_ptr()) as *mut T;
    if p.is_null() {
        return Err(PyErr::fetch(cap.py()));
    }
    let v = ptr::read(p);
    (*p).clear_release();
    Ok(Owned(Box::new(v)))
}

trait TakeRelease {
    fn clear_release(&mut self);
}
impl TakeRelease for FfiSchema {
    fn clear_release(&mut self) {
        self.release = None;
    }
}
impl TakeRelease for FfiArray {
    fn clear_release(&mut self) {
        self.release = None;
    }
}
impl TakeRelease for FfiStream {
    fn clear_release(&mut self) {
        self.release = None;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Utf8,
    LargeUtf8,
    Utf8View,
    /// Arrow's null type (`pyarrow.array([])` has it): only nulls.
    Null,
}

/// Arrow string arrays (the chunks of one column), kept alive while their
/// texts are read.
pub struct ArrowStrings {
    chunks: Vec<Owned<FfiArray>>,
    kind: Kind,
    _schema: Owned<FfiSchema>,
}

// SAFETY: the arrays are only read (their buffers are immutable) and are
// released once, by whichever thread drops the value; the producers'
// release callbacks may run on any thread (pyarrow's take the GIL if they
// need it), and callers drop batches with the GIL held anyway.
unsafe impl Send for ArrowStrings {}
unsafe impl Sync for ArrowStrings {}

/// `obj` as Arrow strings, or `None` when it is not Arrow data. A pandas
/// object of dtype `object` is left to the `str` path (its items are Python
/// objects; converting them to Arrow would copy every text and change the
/// errors). `what` names the argument in errors.
pub fn import(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Option<ArrowStrings>> {
    if obj.is_instance_of::<PyString>() {
        return Ok(None);
    }
    let py = obj.py();
    let has_array = obj.hasattr(pyo3::intern!(py, "__arrow_c_array__"))?;
    let has_stream = obj.hasattr(pyo3::intern!(py, "__arrow_c_stream__"))?;
    if !has_array && !has_stream {
        return Ok(None);
    }
    // numpy's object dtype (pandas' StringDtype also has kind "O", but its
    // data is Arrow: only the name tells them apart).
    if let Ok(dtype) = obj.getattr(pyo3::intern!(py, "dtype")) {
        if dtype
            .str()
            .is_ok_and(|s| s.to_str().is_ok_and(|s| s == "object"))
        {
            return Ok(None);
        }
    }
    if has_array {
        let pair = obj.call_method0(pyo3::intern!(py, "__arrow_c_array__"))?;
        let pair = pair.cast::<PyTuple>().map_err(|_| {
            crate::errors::type_error(format!("{what}.__arrow_c_array__() must return a tuple"))
        })?;
        // SAFETY: the capsule names are the interface's.
        let schema: Owned<FfiSchema> = unsafe { take(&pair.get_item(0)?, c"arrow_schema")? };
        let array: Owned<FfiArray> = unsafe { take(&pair.get_item(1)?, c"arrow_array")? };
        let kind = kind_of(&schema, what, obj)?;
        return Ok(Some(ArrowStrings {
            chunks: vec![array],
            kind,
            _schema: schema,
        }));
    }
    let cap = obj.call_method0(pyo3::intern!(py, "__arrow_c_stream__"))?;
    // SAFETY: the capsule name is the interface's.
    let mut stream: Owned<FfiStream> = unsafe { take(&cap, c"arrow_array_stream")? };
    let s = &mut *stream.0;
    let mut schema = Owned(Box::new(empty_schema()));
    // SAFETY: the stream's own callbacks, called on the stream as the interface says.
    unsafe {
        let get_schema = s.get_schema.ok_or_else(|| released(what))?;
        if get_schema(s, &mut *schema.0) != 0 {
            return Err(stream_error(s, what));
        }
    }
    let kind = kind_of(&schema, what, obj)?;
    let mut chunks = Vec::new();
    loop {
        let mut array = Owned(Box::new(empty_array()));
        // SAFETY: as above; a released array marks the end of the stream.
        unsafe {
            let get_next = s.get_next.ok_or_else(|| released(what))?;
            if get_next(s, &mut *array.0) != 0 {
                return Err(stream_error(s, what));
            }
        }
        if array.0.release.is_none() {
            break;
        }
        chunks.push(array);
    }
    Ok(Some(ArrowStrings {
        chunks,
        kind,
        _schema: schema,
    }))
}

fn released(what: &str) -> PyErr {
    crate::errors::value_error(format!("{what}: the Arrow stream was already released"))
}

fn stream_error(s: &mut FfiStream, what: &str) -> PyErr {
    // SAFETY: the stream's callback; its message lives until the next call.
    let msg = unsafe {
        s.get_last_error
            .map(|f| f(s))
            .filter(|p| !p.is_null())
            .map(|p| CStr::from_ptr(p).to_string_lossy().into_owned())
    };
    crate::errors::value_error(format!(
        "{what}: reading the Arrow stream failed: {}",
        msg.unwrap_or_else(|| "no message".into())
    ))
}

fn empty_schema() -> FfiSchema {
    FfiSchema {
        format: ptr::null(),
        name: ptr::null(),
        metadata: ptr::null(),
        flags: 0,
        n_children: 0,
        children: ptr::null_mut(),
        dictionary: ptr::null_mut(),
        release: None,
        private_data: ptr::null_mut(),
    }
}

fn empty_array() -> FfiArray {
    FfiArray {
        length: 0,
        null_count: 0,
        offset: 0,
        n_buffers: 0,
        n_children: 0,
        buffers: ptr::null_mut(),
        children: ptr::null_mut(),
        dictionary: ptr::null_mut(),
        release: None,
        private_data: ptr::null_mut(),
    }
}

fn kind_of(schema: &Owned<FfiSchema>, what: &str, obj: &Bound<'_, PyAny>) -> PyResult<Kind> {
    let s = &*schema.0;
    let format = if s.format.is_null() {
        String::new()
    } else {
        // SAFETY: a NUL-terminated string owned by the schema.
        unsafe { CStr::from_ptr(s.format) }
            .to_string_lossy()
            .into_owned()
    };
    match format.as_str() {
        "u" if s.dictionary.is_null() => Ok(Kind::Utf8),
        "U" if s.dictionary.is_null() => Ok(Kind::LargeUtf8),
        "vu" if s.dictionary.is_null() => Ok(Kind::Utf8View),
        "n" => Ok(Kind::Null),
        "+s" => Err(crate::errors::type_error(format!(
            "{what} must be strings, not an Arrow table or struct ({}): pass one column, \
             such as table['text']",
            type_name(obj)
        ))),
        _ if !s.dictionary.is_null() => Err(crate::errors::type_error(format!(
            "{what} is a dictionary-encoded Arrow array ({}): decode it first \
             (pyarrow.compute.cast(arr, pyarrow.string()) or Series.astype(str))",
            type_name(obj)
        ))),
        f => Err(crate::errors::type_error(format!(
            "{what} must be Arrow strings (string, large_string or string_view), \
             not Arrow format {f:?} ({})",
            type_name(obj)
        ))),
    }
}

/// Text spans that worker threads read while the arrays stay alive.
#[derive(Clone, Copy)]
struct Spans<'a>(&'a [(*const u8, usize)]);

// SAFETY: read-only views of immutable Arrow buffers, kept alive by the
// `ArrowStrings` the caller holds until the workers are done.
unsafe impl Send for Spans<'_> {}
unsafe impl Sync for Spans<'_> {}

impl Spans<'_> {
    // A method, so that closures capture the `Sync` wrapper, not its field.
    fn get(&self, i: usize) -> (*const u8, usize) {
        self.0[i]
    }
}

impl ArrowStrings {
    /// Number of texts.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.chunks.iter().map(|c| c.0.length.max(0) as usize).sum()
    }

    /// Each text as (pointer, length) into the arrays' buffers, checked:
    /// no nulls (with the GIL: no text is read), then valid UTF-8 (on all
    /// cores, without the GIL); errors name the first bad index (`texts[7]`).
    pub fn texts(&self, py: Python<'_>, what: &str) -> PyResult<Vec<(*const u8, usize)>> {
        let spans = self.spans(what)?;
        let bad = {
            let spans = Spans(&spans);
            crate::pool::detach(py, move || {
                use rayon::prelude::*;
                let spans = spans;
                (0..spans.0.len()).into_par_iter().position_first(|i| {
                    let (p, n) = spans.get(i);
                    // SAFETY: slices of the arrays' buffers (see `spans`).
                    let b = unsafe { std::slice::from_raw_parts(p, n) };
                    // SIMD validation (chosen at run time): std's is several
                    // times slower on Devanagari's 3-byte sequences.
                    simdutf8::basic::from_utf8(b).is_err()
                })
            })?
        };
        if let Some(i) = bad {
            return Err(crate::errors::value_error(format!(
                "{what}[{i}] is not valid UTF-8"
            )));
        }
        Ok(spans)
    }

    /// The texts' (pointer, length), nulls refused, UTF-8 not yet checked.
    fn spans(&self, what: &str) -> PyResult<Vec<(*const u8, usize)>> {
        let mut out = Vec::with_capacity(self.len());
        for c in &self.chunks {
            let a = &*c.0;
            let n = a.length.max(0) as usize;
            if n == 0 {
                continue;
            }
            if self.kind == Kind::Null {
                return Err(crate::errors::value_error(format!(
                    "{what}[{}] is null: fill or drop the nulls first \
                     (arr.fill_null(''), Series.fillna('') or .dropna())",
                    out.len()
                )));
            }
            let off = a.offset.max(0) as usize;
            let need = if self.kind == Kind::Utf8View { 2 } else { 3 };
            if (a.n_buffers as usize) < need || a.buffers.is_null() {
                return Err(crate::errors::value_error(format!(
                    "{what}: malformed Arrow array ({} buffers)",
                    a.n_buffers
                )));
            }
            // SAFETY: buffers as the C Data Interface lays them out for this
            // format, valid while the array is (it is ours until dropped).
            unsafe {
                let bufs = std::slice::from_raw_parts(a.buffers, a.n_buffers as usize);
                let validity = bufs[0] as *const u8;
                let base = out.len();
                for i in 0..n {
                    let j = off + i;
                    if a.null_count != 0
                        && !validity.is_null()
                        && *validity.add(j / 8) & (1 << (j % 8)) == 0
                    {
                        return Err(crate::errors::value_error(format!(
                            "{what}[{}] is null: fill or drop the nulls first \
                             (arr.fill_null(''), Series.fillna('') or .dropna())",
                            base + i
                        )));
                    }
                    let (p, len) = match self.kind {
                        Kind::Utf8 => {
                            let o = bufs[1] as *const i32;
                            let (s, e) = (*o.add(j), *o.add(j + 1));
                            ((bufs[2] as *const u8).add(s as usize), (e - s) as usize)
                        }
                        Kind::LargeUtf8 => {
                            let o = bufs[1] as *const i64;
                            let (s, e) = (*o.add(j), *o.add(j + 1));
                            ((bufs[2] as *const u8).add(s as usize), (e - s) as usize)
                        }
                        Kind::Null => unreachable!("refused above"),
                        Kind::Utf8View => {
                            let v = (bufs[1] as *const u8).add(16 * j);
                            let len = ptr::read_unaligned(v as *const i32) as usize;
                            if len <= 12 {
                                (v.add(4), len)
                            } else {
                                let b = ptr::read_unaligned(v.add(8) as *const i32) as usize;
                                let o = ptr::read_unaligned(v.add(12) as *const i32) as usize;
                                if 2 + b >= a.n_buffers as usize {
                                    return Err(crate::errors::value_error(format!(
                                        "{what}[{}]: malformed Arrow string view",
                                        base + i
                                    )));
                                }
                                ((bufs[2 + b] as *const u8).add(o), len)
                            }
                        }
                    };
                    let p = if len == 0 {
                        ptr::NonNull::<u8>::dangling().as_ptr() as *const u8
                    } else {
                        p
                    };
                    out.push((p, len));
                }
            }
        }
        Ok(out)
    }
}
