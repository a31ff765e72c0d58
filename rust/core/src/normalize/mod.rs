//! Devanagari-aware normalization with an offset map back to the input
//! (contract: shared/spec/normalization.md).
//!
//! Stages: (optional mojibake repair) -> invisible characters -> NFC ->
//! canonical rules -> (match key folds). Each stage carries, for every
//! character, the input code point range it came from.

mod canonical;
pub mod devanagari;
mod item;
mod match_key;
mod mojibake;
mod nfc;

use item::Item;

/// Which output to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// Plain Unicode NFC.
    Nfc,
    /// NFC plus the Devanagari rules: safe to store and show.
    Canonical,
    /// Canonical plus lossy folds: for shingles, dedup and fact matching only.
    Match,
}

/// Normalization settings. `Options::default()` is the canonical form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    pub form: Form,
    /// Devanagari digits to ASCII (always on in the match form).
    pub ascii_digits: bool,
    /// Curly quotes and dashes to ASCII.
    pub ascii_punctuation: bool,
    /// Repair UTF-8 that was decoded as cp1252/latin-1 (`à¤•à¤¾`).
    pub fix_mojibake: bool,
    /// Match form only: fold long and short i/u (ी -> ि, ू -> ु).
    pub fold_vowel_length: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options::canonical()
    }
}

impl Options {
    pub fn nfc() -> Self {
        Options {
            form: Form::Nfc,
            ascii_digits: false,
            ascii_punctuation: false,
            fix_mojibake: false,
            fold_vowel_length: false,
        }
    }
    pub fn canonical() -> Self {
        Options {
            form: Form::Canonical,
            ..Options::nfc()
        }
    }
    pub fn match_key() -> Self {
        Options {
            form: Form::Match,
            ..Options::nfc()
        }
    }
}

/// A normalized text with, for each output code point `i`, the input code point
/// range `starts[i]..ends[i]` it came from (both in code points, not bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    pub starts: Vec<u32>,
    pub ends: Vec<u32>,
    /// Length of the input in code points.
    pub input_len: u32,
}

impl Normalized {
    /// The public offset map: `offsets[i]` is the input index of output code
    /// point `i`, plus one final entry equal to the input length.
    pub fn offsets(&self) -> Vec<u32> {
        let mut v = self.starts.clone();
        v.push(self.input_len);
        v
    }

    /// Map an output code point span `[s, e)` to the input span it covers.
    /// An empty span maps to an empty span at the input position of `s`.
    pub fn map_span(&self, s: usize, e: usize) -> (usize, usize) {
        let n = self.starts.len();
        if s >= e {
            let p = if s < n {
                self.starts[s]
            } else {
                self.input_len
            };
            return (p as usize, p as usize);
        }
        (self.starts[s] as usize, self.ends[e - 1] as usize)
    }
}

/// Normalize `text`.
pub fn normalize(text: &str, opts: &Options) -> String {
    normalize_with_offsets(text, opts).text
}

/// Normalize `text` and return the offset map.
pub fn normalize_with_offsets(text: &str, opts: &Options) -> Normalized {
    let items = run(text, opts);
    let mut out = String::with_capacity(text.len());
    let mut starts = Vec::with_capacity(items.len());
    let mut ends = Vec::with_capacity(items.len());
    for it in &items {
        out.push(it.c);
        starts.push(it.start);
        ends.push(it.end);
    }
    Normalized {
        text: out,
        starts,
        ends,
        input_len: text.chars().count() as u32,
    }
}

/// The stages, in order. Invisible characters go before NFC so that what they
/// separated can compose; the Devanagari rules run on NFC text.
fn run(text: &str, opts: &Options) -> Vec<Item> {
    let mut items: Vec<Item> = text
        .chars()
        .enumerate()
        .map(|(i, c)| Item::new(c, i as u32, i as u32 + 1))
        .collect();
    if opts.form == Form::Nfc {
        return nfc::nfc(items);
    }
    if opts.fix_mojibake {
        items = mojibake::repair(items);
    }
    let items = nfc::nfc(canonical::remove_invisibles(items));
    let items = canonical::apply(&items, opts);
    match opts.form {
        // Lower-casing can put a combining mark out of canonical order (İ -> i + U+0307).
        Form::Match => nfc::nfc(match_key::apply(&items, opts)),
        _ => items,
    }
}

#[cfg(test)]
mod tests;
