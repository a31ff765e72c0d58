//! Shared passages: a left-to-right parse of `a` into the longest stretches
//! of match-key tokens that also occur in `b`, with offsets into each
//! original string.
//!
//! The answer is bounded by the size of `a` whatever the texts repeat: every
//! token of `a` is in at most one passage (so at most `len(a) / min_words`
//! passages), and each passage points at ONE occurrence in `b`, the leftmost.
//! (All maximal common runs would be quadratic: two texts of one repeated
//! word share a run on every diagonal.) Matching statistics come from a
//! suffix automaton of the reversed token sequence of `b`, in time and
//! memory linear in the two texts.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::hash::{mum, K1};
use super::minhash::prepare;
use super::tokenize::TokenText;
use crate::error::{Error, Result};

/// A shared passage: `[a_start, a_end)` in `a` and `[b_start, b_end)` in `b`,
/// code point indices into the ORIGINAL strings; `words` match-key tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Passage {
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
    pub words: usize,
}

const NONE: u32 = u32::MAX;

/// Suffix automaton over token ids. Transitions live in one hash map keyed
/// by `(state, token)` (constant-time lookups whatever a state's degree) and
/// in a per-state list (to copy a state's transitions when it is cloned).
struct Automaton {
    len: Vec<u32>,
    link: Vec<u32>,
    /// Largest end position (in the automaton's string) of the state's strings.
    last_end: Vec<u32>,
    first_edge: Vec<u32>,
    /// `(token, target, next edge of the same state)`.
    edges: Vec<(u32, u32, u32)>,
    index: HashMap<u64, u32, BuildHasherDefault<MixHasher>>,
}

/// Hasher of the `(state, token)` keys: one multiply-fold, spreading both
/// halves over all bits (the table uses the top bits as tags).
#[derive(Default)]
struct MixHasher(u64);
impl Hasher for MixHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mum(self.0 ^ b as u64, K1);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = mum(v ^ 0x243F_6A88_85A3_08D3, K1);
    }
}

#[inline]
fn key(state: u32, token: u32) -> u64 {
    ((state as u64) << 32) | token as u64
}

impl Automaton {
    fn new(capacity: usize) -> Self {
        let mut a = Automaton {
            len: Vec::with_capacity(2 * capacity + 1),
            link: Vec::with_capacity(2 * capacity + 1),
            last_end: Vec::with_capacity(2 * capacity + 1),
            first_edge: Vec::with_capacity(2 * capacity + 1),
            edges: Vec::with_capacity(3 * capacity),
            index: HashMap::with_capacity_and_hasher(3 * capacity, Default::default()),
        };
        a.add_state(0, NONE, NONE);
        a
    }

    fn add_state(&mut self, len: u32, link: u32, end: u32) -> u32 {
        self.len.push(len);
        self.link.push(link);
        self.last_end.push(end);
        self.first_edge.push(NONE);
        (self.len.len() - 1) as u32
    }

    #[inline]
    fn next(&self, state: u32, token: u32) -> Option<u32> {
        self.index
            .get(&key(state, token))
            .map(|&e| self.edges[e as usize].1)
    }

    fn set(&mut self, state: u32, token: u32, target: u32) {
        match self.index.get(&key(state, token)) {
            Some(&e) => self.edges[e as usize].1 = target,
            None => {
                let e = self.edges.len() as u32;
                self.edges
                    .push((token, target, self.first_edge[state as usize]));
                self.first_edge[state as usize] = e;
                self.index.insert(key(state, token), e);
            }
        }
    }

    /// The automaton of `s` (tokens), with `last_end` filled in.
    fn build(s: &[u32]) -> Self {
        let mut a = Automaton::new(s.len());
        let mut last = 0u32;
        for (pos, &c) in s.iter().enumerate() {
            let cur = a.add_state(a.len[last as usize] + 1, NONE, pos as u32);
            let mut p = last;
            while p != NONE && a.next(p, c).is_none() {
                a.set(p, c, cur);
                p = a.link[p as usize];
            }
            if p == NONE {
                a.link[cur as usize] = 0;
            } else {
                let q = a.next(p, c).expect("transition seen above");
                if a.len[p as usize] + 1 == a.len[q as usize] {
                    a.link[cur as usize] = q;
                } else {
                    let clone = a.add_state(a.len[p as usize] + 1, a.link[q as usize], NONE);
                    let mut e = a.first_edge[q as usize];
                    while e != NONE {
                        let (t, target, nxt) = a.edges[e as usize];
                        a.set(clone, t, target);
                        e = nxt;
                    }
                    while p != NONE && a.next(p, c) == Some(q) {
                        a.set(p, c, clone);
                        p = a.link[p as usize];
                    }
                    a.link[q as usize] = clone;
                    a.link[cur as usize] = clone;
                }
            }
            last = cur;
        }
        // A state's end positions are those of the prefixes below it in the
        // suffix-link tree: propagate the largest from longer to shorter states.
        let mut by_len: Vec<u32> = (0..a.len.len() as u32).collect();
        by_len.sort_unstable_by_key(|&v| std::cmp::Reverse(a.len[v as usize]));
        for v in by_len {
            let l = a.link[v as usize];
            let e = a.last_end[v as usize];
            if l != NONE && e != NONE {
                let le = &mut a.last_end[l as usize];
                if *le == NONE || *le < e {
                    *le = e;
                }
            }
        }
        a
    }
}

/// For every token position `i` of `a`: the length of the longest run
/// `a[i..i+l]` that occurs in `b`, and where its leftmost occurrence in `b`
/// starts (`(0, 0)` when `a[i]` does not occur in `b`).
pub fn matching_statistics(a: &[u32], b: &[u32]) -> Vec<(u32, u32)> {
    let m = b.len();
    let rev_b: Vec<u32> = b.iter().rev().copied().collect();
    let sam = Automaton::build(&rev_b);
    let mut out = vec![(0u32, 0u32); a.len()];
    let (mut v, mut l) = (0u32, 0u32);
    for (i, &c) in a.iter().enumerate().rev() {
        loop {
            if let Some(t) = sam.next(v, c) {
                v = t;
                l += 1;
                break;
            }
            if v == 0 {
                l = 0;
                break;
            }
            v = sam.link[v as usize];
            l = sam.len[v as usize];
        }
        if l > 0 {
            // The run ends at `last_end` in reversed `b`: it starts there in `b`.
            let end = sam.last_end[v as usize] as usize;
            out[i] = (l, (m - 1 - end) as u32);
        }
    }
    out
}

/// The passages as `(i, j, len)` token positions in `ta` and `tb`: from the
/// first token of `ta`, take the longest run that also occurs in `tb` (at its
/// leftmost occurrence); a run of at least `min_words` tokens is a passage and
/// the parse goes on after it, a shorter one is skipped by one token.
pub fn greedy_runs(ta: &TokenText, tb: &TokenText, min_words: usize) -> Vec<(usize, usize, usize)> {
    let (la, lb) = (ta.len(), tb.len());
    if la < min_words || lb < min_words || min_words == 0 {
        return Vec::new();
    }
    // Token ids: those of `b`, and one id that matches nothing for the others.
    let mut ids: HashMap<&str, u32> = HashMap::with_capacity(lb);
    let b: Vec<u32> = (0..lb)
        .map(|j| {
            let n = ids.len() as u32;
            *ids.entry(tb.token(j)).or_insert(n)
        })
        .collect();
    let absent = ids.len() as u32;
    let a: Vec<u32> = (0..la)
        .map(|i| ids.get(ta.token(i)).copied().unwrap_or(absent))
        .collect();
    drop(ids);
    let ms = matching_statistics(&a, &b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < la {
        let (l, j) = (ms[i].0 as usize, ms[i].1 as usize);
        if l >= min_words {
            out.push((i, j, l));
            i += l;
        } else {
            i += 1;
        }
    }
    out
}

/// The passages `a` and `b` share (at least `min_words` match-key tokens
/// each; see the module documentation), sorted by `a_start`.
pub fn shared_passages(a: &str, b: &str, min_words: usize) -> Result<Vec<Passage>> {
    if min_words == 0 {
        return Err(Error::InvalidArgument {
            name: "min_words",
            reason: "must be at least 1".into(),
        });
    }
    let (mut ta, mut tb) = (TokenText::default(), TokenText::default());
    let na = prepare(a, &mut ta, true);
    let nb = prepare(b, &mut tb, true);
    let runs = greedy_runs(&ta, &tb, min_words);
    Ok(runs
        .into_iter()
        .map(|(i, j, l)| {
            let (a_start, a_end) =
                na.map_span(ta.spans[i].0 as usize, ta.spans[i + l - 1].1 as usize);
            let (b_start, b_end) =
                nb.map_span(tb.spans[j].0 as usize, tb.spans[j + l - 1].1 as usize);
            Passage {
                a_start,
                a_end,
                b_start,
                b_end,
                words: l,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_maximal_runs_across_normalization_differences() {
        let a = "x y. The Quick brown fox jumps, over the dog। z";
        let b = "q the quick brown fox jumps over the dog. w";
        let p = shared_passages(a, b, 4).unwrap();
        assert_eq!(p.len(), 1);
        let p = p[0];
        let sa: String = a
            .chars()
            .skip(p.a_start)
            .take(p.a_end - p.a_start)
            .collect();
        let sb: String = b
            .chars()
            .skip(p.b_start)
            .take(p.b_end - p.b_start)
            .collect();
        assert_eq!(sa, "The Quick brown fox jumps, over the dog");
        assert_eq!(sb, "the quick brown fox jumps over the dog");
        assert_eq!(p.words, 8);
        assert!(shared_passages(a, b, 9).unwrap().is_empty());
        assert!(shared_passages(a, b, 0).is_err());
    }

    /// The definition, computed naively: longest run at each position, its
    /// leftmost occurrence, greedy left to right.
    fn naive(a: &[u32], b: &[u32], k: usize) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < a.len() {
            let mut best = (0, 0);
            for j in 0..b.len() {
                let mut l = 0;
                while i + l < a.len() && j + l < b.len() && a[i + l] == b[j + l] {
                    l += 1;
                }
                if l > best.0 {
                    best = (l, j);
                }
            }
            if best.0 >= k.max(1) {
                out.push((i, best.1, best.0));
                i += best.0;
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn matching_statistics_equal_the_naive_definition() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut rnd = |n: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        for case in 0..3000 {
            let alphabet = 1 + (case % 4) as u64;
            let la = rnd(30) as usize;
            let lb = rnd(30) as usize;
            let a: Vec<u32> = (0..la).map(|_| rnd(alphabet) as u32).collect();
            let b: Vec<u32> = (0..lb).map(|_| rnd(alphabet) as u32).collect();
            let ms = matching_statistics(&a, &b);
            for k in 1..4 {
                let mut got = Vec::new();
                let mut i = 0;
                while i < a.len() {
                    let (l, j) = (ms[i].0 as usize, ms[i].1 as usize);
                    if l >= k {
                        got.push((i, j, l));
                        i += l;
                    } else {
                        i += 1;
                    }
                }
                assert_eq!(got, naive(&a, &b, k), "{a:?} / {b:?} k={k}");
            }
        }
    }

    #[test]
    fn one_repeated_word_gives_one_passage() {
        let a = "w ".repeat(50_000);
        let p = shared_passages(&a, &a, 8).unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].a_start, p[0].a_end, p[0].words), (0, 99_999, 50_000));
        // Against a rotation: the longest run is the whole shorter side.
        let b = format!("x {a}");
        let p = shared_passages(&b, &a, 8).unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].a_start, p[0].b_start, p[0].words), (2, 0, 50_000));
        // A stretch repeated in `b` points at its leftmost occurrence only;
        // repeated in `a`, it is found at each occurrence.
        let s = "one two three four";
        let p = shared_passages(s, &format!("{s} and {s}"), 4).unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].b_start, p[0].b_end), (0, 18));
        let p = shared_passages(&format!("{s} and {s}"), s, 4).unwrap();
        assert_eq!(p.len(), 2);
    }
}
