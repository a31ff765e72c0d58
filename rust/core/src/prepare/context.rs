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

/// A content word keyed when the text was prepared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Keyed {
    start: u32,
    end: u32,
    key_end: u32,
}

/// The content words of a text (see the module documentation): `plain` bits
/// over its match-key tokens, and the words keyed at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocContext {
    plain: Vec<u64>,
    keyed: Vec<Keyed>,
    keys: String,
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

fn has_lower(orig: &[char]) -> bool {
    orig.iter().any(|&c| matches!(latin_base(c), Some((_, true))))
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
        let mut out = DocContext {
            plain: vec![0u64; tok_norm.len().div_ceil(64)],
            ..Default::default()
        };
        let mut sc = WordScratch::default();
        let mut key = String::new();
        let mut deferred: Vec<Deferred> = Vec::new();
        let (mut t, mut i, mut prev_end) = (0usize, 0usize, 0usize);
        while i < n {
            let c = chars[i];
            let deva = if is_deva_word_char(c) {
                true
            } else if is_latin_letter(c) {
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
                    is_latin_letter(chars[j])
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
                classify_word(&chars[d.i..d.j], d.deva, has_lower(&orig[s..e]), &mut sc, &mut key);
                if !key.is_empty() {
                    deferred.clear();
                    break;
                }
                out.plain[d.token / 64] &= !(1 << (d.token % 64));
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
                    out.plain[t / 64] |= 1 << (t % 64);
                    deferred.push(Deferred {
                        token: t,
                        i,
                        j,
                        deva,
                        prev_end,
                    });
                    prev_end = e;
                } else {
                    let lower = has_lower(&orig[s.min(orig.len())..e.min(orig.len())]);
                    let kind = classify_word(&chars[i..j], deva, lower, &mut sc, &mut key);
                    if !key.is_empty() {
                        if content(&key, kind) {
                            out.keys.push_str(&key);
                            out.keyed.push(Keyed {
                                start: s as u32,
                                end: e as u32,
                                key_end: out.keys.len() as u32,
                            });
                        }
                        prev_end = e;
                        deferred.clear();
                    }
                }
            }
            i = j;
        }
        out.keys.shrink_to_fit();
        out.keyed.shrink_to_fit();
        out
    }

    /// Bytes held (for memory accounting).
    pub fn heap_bytes(&self) -> usize {
        self.plain.capacity() * 8
            + self.keyed.capacity() * std::mem::size_of::<Keyed>()
            + self.keys.capacity()
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
        let (mut at_plain, mut at_keyed) = (0usize, 0usize);
        let mut x = 0usize; // the next word keyed when prepared
        let mut from = 0usize; // where its key starts
        let plain_words = spans
            .iter()
            .enumerate()
            .filter(|(tk, _)| self.plain[tk / 64] >> (tk % 64) & 1 == 1)
            .map(|(_, &(s, e))| (s as usize, e as usize));
        for (s, e) in plain_words.chain(std::iter::once((usize::MAX, usize::MAX))) {
            while x < self.keyed.len() && (self.keyed[x].start as usize) < s {
                let w = self.keyed[x];
                let (ws, we) = (w.start as usize, w.end as usize);
                if inside(ws, we, &mut at_keyed) {
                    out.push((ws, we, self.keys[from..w.key_end as usize].to_string()));
                }
                from = w.key_end as usize;
                x += 1;
            }
            if s == usize::MAX || e > chars.len() || !inside(s, e, &mut at_plain) {
                continue;
            }
            let w = &chars[s..e];
            let kind = classify_word(w, is_deva_word_char(w[0]), has_lower(w), &mut sc, &mut key);
            if content(&key, kind) {
                out.push((s, e, key.clone()));
            }
        }
        out
    }
}
