//! The content words of a prepared text, for the context words of its values
//! (contract: docs/contracts/prepare.md), from the one normalization of the
//! prepare stage.
//!
//! The context words of a value are cross-script keys ([`crate::xscript`]) of
//! the words around it. Keying every word of every text when it is prepared
//! would cost more than the digest spends on them (only the texts of stories
//! of two articles or more, and only around their values, are read), and a
//! key per word held until then would weigh on the batch. So the prepare stage
//! keeps, per text, what lets the words be keyed later without normalizing the
//! text again:
//!
//! * one bit per match-key token ([`super::tokens::DocTokens`]): the token is
//!   one word of the cross-script tokenization, with the same span, whose
//!   characters in the original text ARE its match-key characters (Devanagari
//!   as they are, Latin letters up to case and the diacritics the key folds
//!   away anyway). Such a word is keyed from the original text when it is
//!   read: nearly every word of a text;
//! * the other content words (a word with a nukta the key drops, `covid` of
//!   `covid19`, a word next to characters the normalization removed), keyed
//!   now: their spans and keys in one string.
//!
//! Reading them back gives exactly `xscript::keys(text, false)` (the words
//! of 2 key characters or more).

use crate::normalize::devanagari::is_word_char as is_deva_word_char;
use crate::normalize::Normalized;
use crate::xscript::{classify_word, is_latin_letter, latin_base, Kind, WordScratch};

/// The content words of a text (see the module documentation), in one
/// allocation (a batch holds one per text): the `plain` bits over its
/// match-key tokens (a byte per 8 tokens), then the words keyed at once, each
/// as LEB128 varints (its start's gap from the start before, its length, its
/// key's length) and its key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocContext {
    blob: Box<[u8]>,
}

fn put_uvarint(out: &mut Vec<u8>, mut v: usize) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn get_uvarint(bytes: &[u8], at: &mut usize) -> usize {
    let (mut v, mut shift) = (0usize, 0u32);
    loop {
        let b = bytes[*at];
        *at += 1;
        v |= usize::from(b & 0x7f) << shift;
        if b < 0x80 {
            return v;
        }
        shift += 7;
    }
}

/// A word whose key is left for later, as long as a later word's start may
/// depend on whether its key is empty (see [`DocContext::of`]).
struct Deferred {
    token: usize,
    i: usize,
    j: usize,
    deva: bool,
    prev_end: usize,
}

/// Whether a word is kept as a context word: a key of 2 characters or more,
/// not a stop-word.
fn content(key: &str, kind: Kind) -> bool {
    kind != Kind::Stop && key.len() >= 2 // (keys are ASCII)
}

/// Whether original characters `orig` key as the match-key characters `norm`
/// of a word do: the same Devanagari characters, or Latin letters folding to
/// the same letters.
fn plain(orig: &[char], norm: &[char], deva: bool) -> bool {
    orig.len() == norm.len()
        && if deva {
            orig == norm
        } else {
            orig.iter().zip(norm).all(|(&o, &n)| {
                matches!((latin_base(o), latin_base(n)), (Some(a), Some(b)) if a.0 == b.0)
            })
        }
}

/// Whether a Latin word's original characters hold a lower-case letter (what
/// the key of a Latin word of 2 to 5 letters depends on); false for a
/// Devanagari word (its key does not ask).
fn has_lower(orig: &[char], deva: bool) -> bool {
    !deva
        && orig.iter().any(|&c| {
            if c.is_ascii() {
                c.is_ascii_lowercase()
            } else {
                matches!(latin_base(c), Some((_, true)))
            }
        })
}

/// [`is_latin_letter`], answered at once for ASCII and Devanagari (most of
/// the characters of a text; the general rule searches a table).
fn latin(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{900}'..='\u{97f}').contains(&c) {
        false
    } else {
        is_latin_letter(c)
    }
}

impl DocContext {
    /// The content words of `text` from its match key `norm` and its match-key
    /// tokens (`tok_norm`: their spans in the match key; `tok_orig`: in the
    /// text). Follows `xscript::scan_normalized` step by step, the key of a
    /// plain word deferred: the scan starts a word no earlier than the end of
    /// the last word with a key, so where a word's start would fall before
    /// that end (marks NFC reordered) the deferred words are keyed then.
    pub fn of(
        text: &str,
        norm: &Normalized,
        tok_norm: &[(u32, u32)],
        tok_orig: &[(u32, u32)],
    ) -> DocContext {
        let chars: Vec<char> = norm.text.chars().collect();
        let orig: Vec<char> = text.chars().collect();
        let n = chars.len();
        let input_len = norm.input_len as usize;
        let start_of = |j: usize| -> usize {
            if j < norm.starts.len() {
                norm.starts[j] as usize
            } else {
                input_len
            }
        };
        let mut plain_bits = vec![0u8; tok_norm.len().div_ceil(8)];
        let mut extra: Vec<u8> = Vec::new();
        let mut last_start = 0usize;
        let mut sc = WordScratch::default();
        let mut key = String::new();
        let mut deferred: Vec<Deferred> = Vec::new();
        let (mut t, mut i, mut prev_end) = (0usize, 0usize, 0usize);
        while i < n {
            let c = chars[i];
            let deva = if is_deva_word_char(c) {
                true
            } else if latin(c) {
                false
            } else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < n
                && if deva {
                    is_deva_word_char(chars[j])
                } else {
                    latin(chars[j])
                }
            {
                j += 1;
            }
            let raw = start_of(i).min(input_len);
            // The deferred words this start depends on are keyed: an empty key
            // does not move the end of the last word.
            while raw < prev_end {
                let Some(d) = deferred.pop() else { break };
                let (s, e) = tok_orig[d.token];
                let (s, e) = (s as usize, e as usize);
                classify_word(
                    &chars[d.i..d.j],
                    d.deva,
                    has_lower(&orig[s..e], d.deva),
                    &mut sc,
                    &mut key,
                );
                if !key.is_empty() {
                    deferred.clear();
                    break;
                }
                plain_bits[d.token / 8] &= !(1 << (d.token % 8));
                prev_end = d.prev_end;
            }
            let s = raw.max(prev_end);
            let mut k = j;
            while k < n && start_of(k) <= start_of(j - 1) {
                k += 1;
            }
            let e = start_of(k).min(input_len).max(s);
            if s < e {
                while t < tok_norm.len() && (tok_norm[t].0 as usize) < i {
                    t += 1;
                }
                let same = t < tok_norm.len()
                    && tok_norm[t] == (i as u32, j as u32)
                    && tok_orig[t] == (s as u32, e as u32)
                    && e <= orig.len()
                    && plain(&orig[s..e], &chars[i..j], deva);
                if same {
                    plain_bits[t / 8] |= 1 << (t % 8);
                    deferred.push(Deferred {
                        token: t,
                        i,
                        j,
                        deva,
                        prev_end,
                    });
                    prev_end = e;
                } else {
                    let lower = has_lower(&orig[s.min(orig.len())..e.min(orig.len())], deva);
                    let kind = classify_word(&chars[i..j], deva, lower, &mut sc, &mut key);
                    if !key.is_empty() {
                        if content(&key, kind) {
                            put_uvarint(&mut extra, s - last_start);
                            put_uvarint(&mut extra, e - s);
                            put_uvarint(&mut extra, key.len());
                            extra.extend_from_slice(key.as_bytes());
                            last_start = s;
                        }
                        prev_end = e;
                        deferred.clear();
                    }
                }
            }
            i = j;
        }
        plain_bits.extend_from_slice(&extra);
        DocContext {
            blob: plain_bits.into_boxed_slice(),
        }
    }

    /// Bytes held (for memory accounting).
    pub fn heap_bytes(&self) -> usize {
        self.blob.len()
    }

    /// The content words of the text lying inside the `stretches` (sorted,
    /// apart), in text order: `(start, end, key)`, as `xscript::keys(text,
    /// false)` gives them (keys of 2 characters or more). `spans`: the text's
    /// match-key token spans; `chars`: the text.
    pub fn words_in(
        &self,
        spans: &[(u32, u32)],
        chars: &[char],
        stretches: &[(usize, usize)],
    ) -> Vec<(usize, usize, String)> {
        // Stretch cursors only move forward: words come in text order.
        let inside = |s: usize, e: usize, at: &mut usize| -> bool {
            while *at < stretches.len() && stretches[*at].1 <= s {
                *at += 1;
            }
            *at < stretches.len() && stretches[*at].0 <= s && e <= stretches[*at].1
        };
        let mut out = Vec::new();
        let mut sc = WordScratch::default();
        let mut key = String::new();
        let nb = spans.len().div_ceil(8);
        if self.blob.len() < nb {
            return out; // (tokens made without their content words)
        }
        let (plain_bits, extra) = self.blob.split_at(nb);
        let (mut at_plain, mut at_keyed) = (0usize, 0usize);
        // The next word keyed when prepared: its span and where its key starts.
        let mut x = 0usize;
        let mut last_start = 0usize;
        let mut next_keyed = |x: &mut usize| -> Option<(usize, usize, usize, usize)> {
            if *x >= extra.len() {
                return None;
            }
            let s = last_start + get_uvarint(extra, x);
            let e = s + get_uvarint(extra, x);
            let k = get_uvarint(extra, x);
            let from = *x;
            *x += k;
            last_start = s;
            Some((s, e, from, from + k))
        };
        let mut pending = next_keyed(&mut x);
        let plain_words = spans
            .iter()
            .enumerate()
            .filter(|(tk, _)| plain_bits[tk / 8] >> (tk % 8) & 1 == 1)
            .map(|(_, &(s, e))| (s as usize, e as usize));
        for (s, e) in plain_words.chain(std::iter::once((usize::MAX, usize::MAX))) {
            while let Some((ws, we, from, to)) = pending.filter(|w| w.0 < s) {
                if inside(ws, we, &mut at_keyed) {
                    let key = std::str::from_utf8(&extra[from..to]).unwrap_or_default();
                    out.push((ws, we, key.to_string()));
                }
                pending = next_keyed(&mut x);
            }
            if s == usize::MAX || e > chars.len() || !inside(s, e, &mut at_plain) {
                continue;
            }
            let w = &chars[s..e];
            let deva = is_deva_word_char(w[0]);
            let kind = classify_word(w, deva, has_lower(w, deva), &mut sc, &mut key);
            if content(&key, kind) {
                out.push((s, e, key.clone()));
            }
        }
        out
    }
}
