//! Shared passages: maximal stretches of identical match-key tokens that two
//! texts share, with offsets into each original string.

use std::collections::HashMap;

use super::hash::{hash64, mum, K1, K2};
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

fn kgram_hash(h: &[u64]) -> u64 {
    let mut x = 0u64;
    for &v in h {
        x = mum(x ^ v, K1);
    }
    mum(x, K2)
}

/// All maximal common token stretches of at least `min_words` tokens, as
/// `(i, j, len)` token positions in `ta` and `tb`, sorted.
pub fn common_runs(ta: &TokenText, tb: &TokenText, min_words: usize) -> Vec<(usize, usize, usize)> {
    let (la, lb) = (ta.len(), tb.len());
    if la < min_words || lb < min_words || min_words == 0 {
        return Vec::new();
    }
    let ha: Vec<u64> = (0..la).map(|i| hash64(ta.token(i).as_bytes())).collect();
    let hb: Vec<u64> = (0..lb).map(|i| hash64(tb.token(i).as_bytes())).collect();
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for j in 0..=(lb - min_words) {
        index
            .entry(kgram_hash(&hb[j..j + min_words]))
            .or_default()
            .push(j as u32);
    }
    let same = |i: usize, j: usize| ha[i] == hb[j] && ta.token(i) == tb.token(j);
    let mut out = Vec::new();
    for i in 0..=(la - min_words) {
        let Some(js) = index.get(&kgram_hash(&ha[i..i + min_words])) else {
            continue;
        };
        for &j in js {
            let j = j as usize;
            if i > 0 && j > 0 && same(i - 1, j - 1) {
                continue; // not the start of a maximal run
            }
            let mut l = 0;
            while i + l < la && j + l < lb && same(i + l, j + l) {
                l += 1;
            }
            if l >= min_words {
                out.push((i, j, l));
            }
        }
    }
    out.sort_unstable();
    out
}

/// The passages `a` and `b` share (at least `min_words` match-key tokens each),
/// sorted by `(a_start, a_end, b_start, b_end)`. A stretch repeated in one text is reported
/// once per occurrence.
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
    let runs = common_runs(&ta, &tb, min_words);
    let mut out: Vec<Passage> = runs
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
        .collect();
    out.sort_unstable();
    Ok(out)
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
}
