//! Devanagari-aware normalization with an offset map back to the input
//! (contract: shared/spec/normalization.md).
//!
//! PLACEHOLDER IMPLEMENTATION: the interface below is final; the rules are being
//! filled in (issue 2). Callers may rely on the types and on the offset contract.

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
    let mut out = String::with_capacity(text.len());
    let mut starts = Vec::with_capacity(text.len());
    let mut ends = Vec::with_capacity(text.len());
    let mut n = 0u32;
    for (i, c) in text.chars().enumerate() {
        let i = i as u32;
        n = i + 1;
        let mapped: Option<char> = match opts.form {
            Form::Match => match c {
                '\u{0966}'..='\u{096F}' => Some((b'0' + (c as u32 - 0x0966) as u8) as char),
                '\u{093C}' => None,
                '\u{0901}' => Some('\u{0902}'),
                '\u{0964}' | '\u{0965}' => Some('.'),
                'A'..='Z' => Some(c.to_ascii_lowercase()),
                _ => Some(c),
            },
            _ => Some(c),
        };
        if let Some(m) = mapped {
            out.push(m);
            starts.push(i);
            ends.push(i + 1);
        }
    }
    Normalized {
        text: out,
        starts,
        ends,
        input_len: n,
    }
}
