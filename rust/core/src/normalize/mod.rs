//! Devanagari-aware normalization with an offset map back to the input
//! (contract: docs/contracts/normalization.md).
//!
//! Stages: (optional mojibake repair) -> invisible characters -> NFC ->
//! canonical rules -> (match key folds). Each stage carries, for every
//! character, the input code point range it came from.

mod canonical;
pub mod devanagari;
#[doc(hidden)]
pub mod fast;
mod fix;
mod item;
mod match_key;
mod mojibake;
mod nfc;
pub mod units;

use item::Item;

use std::sync::atomic::{AtomicU64, Ordering};

/// How many calls the entry points of this module (and [`units`]) have
/// answered since the process started (a text, or a line of one): the digest's test that no stage
/// normalizes a text again after the prepare stage reads it before and after
/// (docs/contracts/prepare.md). One relaxed atomic add per call.
static NORMALIZED_TEXTS: AtomicU64 = AtomicU64::new(0);

/// The number of normalization calls so far (see [`NORMALIZED_TEXTS`]).
pub fn normalized_texts() -> u64 {
    NORMALIZED_TEXTS.load(Ordering::Relaxed)
}

/// Count one normalization call.
#[inline]
pub(crate) fn count_text() {
    NORMALIZED_TEXTS.fetch_add(1, Ordering::Relaxed);
}

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
    count_text();
    let mut out = Output::new(text.len(), false);
    process(text, opts, &mut out);
    out.text
}

/// Normalize `text` and return the offset map.
pub fn normalize_with_offsets(text: &str, opts: &Options) -> Normalized {
    count_text();
    let mut out = Output::new(text.len(), true);
    let input_len = process(text, opts, &mut out);
    debug_assert!(out.ends.windows(2).all(|w| w[0] <= w[1]));
    Normalized {
        text: out.text,
        starts: out.starts,
        ends: out.ends,
        input_len,
    }
}

/// The output being built, with or without the offset map.
struct Output {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
    track: bool,
}

impl Output {
    fn new(capacity: usize, track: bool) -> Self {
        let n = if track { capacity / 2 } else { 0 };
        Output {
            text: String::with_capacity(capacity),
            starts: Vec::with_capacity(n),
            ends: Vec::with_capacity(n),
            track,
        }
    }

    /// One character. A moved or reordered mark can end before the character
    /// before it ends: the ends are kept monotone (each is at least the one
    /// before), so that `map_span` never ends inside a character. (The
    /// one-pass path writes monotone ends directly.)
    #[inline]
    fn push(&mut self, c: char, start: u32, end: u32) {
        self.text.push(c);
        if self.track {
            let end = match self.ends.last() {
                Some(&last) if last > end => last,
                _ => end,
            };
            self.starts.push(start);
            self.ends.push(end);
        }
    }

    /// One character given as its UTF-8 bytes (valid UTF-8: the caller's promise).
    #[inline]
    #[allow(dead_code)]
    fn push_utf8(&mut self, bytes: &[u8], start: u32, end: u32) {
        // SAFETY: every caller passes the UTF-8 encoding of one character.
        unsafe { self.text.as_mut_vec().extend_from_slice(bytes) };
        if self.track {
            self.starts.push(start);
            self.ends.push(end);
        }
    }

    /// A piece of the input copied unchanged, starting at input code point `base`.
    fn push_verbatim(&mut self, s: &str, base: u32, n_chars: u32) {
        self.text.push_str(s);
        if self.track {
            self.starts.extend(base..base + n_chars);
            self.ends.extend(base + 1..base + n_chars + 1);
        }
    }
}

/// Normalize line by line (every rule is local to a line): most lines take
/// the one-pass path ([`fix::fix_next_line`]), any other the full stages. Returns
/// the input length in code points.
fn process(text: &str, opts: &Options, out: &mut Output) -> u32 {
    match (opts.form, out.track) {
        (Form::Nfc, _) => process_nfc(text, opts, out),
        (Form::Canonical, false) => lines::<false, false>(text, opts, out),
        (Form::Canonical, true) => lines::<true, false>(text, opts, out),
        (Form::Match, false) => lines::<false, true>(text, opts, out),
        (Form::Match, true) => lines::<true, true>(text, opts, out),
    }
}

/// The canonical form (`MATCH` false) or the match key, line by line.
fn lines<const TRACK: bool, const MATCH: bool>(
    text: &str,
    opts: &Options,
    out: &mut Output,
) -> u32 {
    let one_pass = !opts.fix_mojibake;
    let mut base = 0u32;
    let mut pos = 0;
    while pos < text.len() {
        // `pos` is the start of a line (0, or after a `\n`)
        let rest = &text[pos..];
        if one_pass {
            if let Some((bytes, chars)) = fix::fix_next_line::<TRACK, MATCH>(rest, base, opts, out)
            {
                pos += bytes;
                base += chars;
                continue;
            }
        }
        let chunk = match rest.find('\n') {
            Some(k) => &rest[..k + 1],
            None => rest,
        };
        for it in run(chunk, base, opts) {
            out.push(it.c, it.start, it.end);
        }
        pos += chunk.len();
        base += chunk.chars().count() as u32;
    }
    base
}

/// NFC line by line: a line NFC leaves alone is copied.
fn process_nfc(text: &str, opts: &Options, out: &mut Output) -> u32 {
    let mut base = 0u32;
    for chunk in text.split_inclusive('\n') {
        let (line, newline) = match chunk.strip_suffix('\n') {
            Some(line) => (line, true),
            None => (chunk, false),
        };
        let n_line = line.chars().count() as u32;
        if !opts.fix_mojibake && !line_needs_nfc(line) {
            out.push_verbatim(line, base, n_line);
            if newline {
                out.push('\n', base + n_line, base + n_line + 1);
            }
        } else {
            for it in run(chunk, base, opts) {
                out.push(it.c, it.start, it.end);
            }
        }
        base += n_line + newline as u32;
    }
    base
}

pub(super) fn line_needs_nfc(line: &str) -> bool {
    let mut prev = None;
    for c in line.chars() {
        if fast::needs_nfc(prev, c) {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// The full stages, in order, on one chunk of text that starts at input code
/// point `base`. Invisible characters go before NFC so that what they
/// separated can compose; the Devanagari rules run on NFC text.
fn run(text: &str, base: u32, opts: &Options) -> Vec<Item> {
    run_with(text, base, opts, true)
}

/// [`run`]; `settle` allows the shortcut after the first round (off only to
/// test that it changes nothing).
fn run_with(text: &str, base: u32, opts: &Options, settle: bool) -> Vec<Item> {
    let mut items: Vec<Item> = text
        .chars()
        .enumerate()
        .map(|(i, c)| Item::new(c, base + i as u32, base + i as u32 + 1))
        .collect();
    if opts.form == Form::Nfc {
        return nfc::nfc(items);
    }
    if opts.fix_mojibake {
        // On NFC text (mojibake of a decomposed letter is still mojibake), and
        // again until nothing changes (text encoded twice). Each round that
        // changes anything makes the text shorter, so this ends.
        items = nfc::nfc(items);
        loop {
            let before = items.len();
            items = mojibake::repair(items);
            if items.len() == before {
                break;
            }
        }
    }
    // The rules are applied until nothing changes: removing a joiner or a
    // stray mark can bring together what an earlier decision saw apart (a
    // ZWNJ between a virama and `|`, two marks NFC must now reorder). Each
    // round that changes anything removes, merges or reorders characters;
    // in practice the second round is the last.
    let canon = canonical::apply(&nfc::nfc(canonical::remove_invisibles(items)), opts);
    let canon = if settle {
        match settled(canon, opts) {
            Ok(done) => return done,
            Err(canon) => canon,
        }
    } else {
        canon
    };
    let mut items = match opts.form {
        // Lower-casing can put a combining mark out of canonical order (İ -> i + U+0307).
        Form::Match => nfc::nfc(match_key::apply(&canon, opts)),
        _ => canon,
    };
    for _ in 0..MAX_ROUNDS {
        let again = rules(items.clone(), opts);
        if again.len() == items.len() && again.iter().zip(&items).all(|(a, b)| a.c == b.c) {
            break;
        }
        items = again;
    }
    items
}

/// The shortcut after the canonical part of the first round: when its result
/// `canon` (one line) is a fixed point of the canonical rules (the one-pass
/// path accepts it and leaves it as it is), a second round would change
/// nothing, so the canonical form is `canon`; and the match key is the key of
/// `canon`, since the first round of the match key rules gives the same on
/// the input and on `canon`: the one-pass path computes it, and its offsets
/// (positions in `canon`) are mapped through `canon`'s. `Err(canon)` when the
/// shortcut does not apply.
fn settled(canon: Vec<Item>, opts: &Options) -> Result<Vec<Item>, Vec<Item>> {
    let newline = canon.last().is_some_and(|it| it.c == '\n');
    let body = &canon[..canon.len() - newline as usize];
    let line: String = body.iter().map(|it| it.c).collect();
    let mut check = Output::new(line.len(), false);
    if fix::fix_line::<false, false>(&line, false, 0, opts, &mut check).is_none()
        || check.text != line
    {
        return Err(canon);
    }
    if opts.form != Form::Match {
        return Ok(canon);
    }
    let mut key = Output::new(line.len() + 1, true);
    if fix::fix_line::<true, true>(&line, newline, 0, opts, &mut key).is_none() {
        return Err(canon);
    }
    let mut out = Vec::with_capacity(key.starts.len());
    for ((c, &s), &e) in key.text.chars().zip(&key.starts).zip(&key.ends) {
        let part = match canon.get(s as usize..e as usize) {
            Some(part) if !part.is_empty() => part,
            _ => return Err(canon),
        };
        let start = part.iter().map(|it| it.start).min().unwrap_or(0);
        let end = part.iter().map(|it| it.end).max().unwrap_or(0);
        out.push(Item::new(c, start, end));
    }
    Ok(out)
}

/// Upper bound on extra rounds of [`rules`] (never reached on any input we know).
const MAX_ROUNDS: usize = 8;

/// One round of the canonical rules (and the match folds for the match form).
fn rules(items: Vec<Item>, opts: &Options) -> Vec<Item> {
    let items = nfc::nfc(canonical::remove_invisibles(items));
    let items = canonical::apply(&items, opts);
    match opts.form {
        // Lower-casing can put a combining mark out of canonical order (İ -> i + U+0307).
        Form::Match => nfc::nfc(match_key::apply(&items, opts)),
        _ => items,
    }
}

/// The full stages on every line, without the one-pass path or the shortcut
/// (what the fast paths are tested against).
#[cfg(test)]
fn normalize_reference(text: &str, opts: &Options) -> Normalized {
    let mut out = Output::new(text.len(), true);
    let mut base = 0u32;
    for chunk in text.split_inclusive('\n') {
        for it in run_with(chunk, base, opts, false) {
            out.push(it.c, it.start, it.end);
        }
        base += chunk.chars().count() as u32;
    }
    for i in 1..out.ends.len() {
        if out.ends[i] < out.ends[i - 1] {
            out.ends[i] = out.ends[i - 1];
        }
    }
    Normalized {
        text: out.text,
        starts: out.starts,
        ends: out.ends,
        input_len: base,
    }
}

#[cfg(test)]
mod tests;
