//! Shingles: word n-grams or character n-grams over the token text.
//!
//! * `Unit::Word`: `n` consecutive tokens joined by one space.
//! * `Unit::Char`: `n` consecutive code points of the token text (tokens
//!   joined by one space, so a char shingle may span a word boundary).
//! * A text with at least one unit but fewer than `n` has exactly one
//!   shingle: all its units (so short texts still compare).
//! * A text without tokens has no shingles (its signature is all "empty"
//!   sentinels and it is never reported as a near-duplicate).

use super::tokenize::TokenText;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Word,
    Char,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Word => "word",
            Unit::Char => "char",
        }
    }
}

/// Call `f` with the bytes of every shingle of `tokens`, in text order
/// (repeats included). `char_starts` is scratch space.
#[inline]
pub fn for_each_shingle<F: FnMut(&[u8])>(
    tokens: &TokenText,
    n: usize,
    unit: Unit,
    char_starts: &mut Vec<u32>,
    mut f: F,
) {
    let bytes = tokens.text.as_bytes();
    match unit {
        Unit::Word => {
            let m = tokens.ranges.len();
            if m == 0 {
                return;
            }
            if m < n {
                f(bytes);
                return;
            }
            for i in 0..=(m - n) {
                let s = tokens.ranges[i].0 as usize;
                let e = tokens.ranges[i + n - 1].1 as usize;
                f(&bytes[s..e]);
            }
        }
        Unit::Char => {
            char_starts.clear();
            char_starts.extend(tokens.text.char_indices().map(|(b, _)| b as u32));
            let m = char_starts.len();
            if m == 0 {
                return;
            }
            if m < n {
                f(bytes);
                return;
            }
            char_starts.push(bytes.len() as u32);
            for i in 0..=(m - n) {
                let s = char_starts[i] as usize;
                let e = char_starts[i + n] as usize;
                f(&bytes[s..e]);
            }
        }
    }
}
