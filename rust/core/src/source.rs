//! Batches of texts read by index from several threads.

/// A batch of texts read by index from several threads (lets the Python
/// bindings hand over texts without copying them: each worker converts the
/// text it reads into its own buffer).
pub trait TextSource: Sync {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Text `i`; `buf` is per-thread space the source may convert it into.
    fn text<'a>(&'a self, i: usize, buf: &'a mut String) -> &'a str;
}

/// A slice of strings as a [`TextSource`].
pub struct SliceSource<'s, S>(pub &'s [S]);

impl<S: AsRef<str> + Sync> TextSource for SliceSource<'_, S> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn text<'a>(&'a self, i: usize, _buf: &'a mut String) -> &'a str {
        self.0[i].as_ref()
    }
}
