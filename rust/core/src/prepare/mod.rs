//! What the digest's per-value stages read from a text, computed once per text.
//!
//! The digest compares the values two articles state by the content words
//! around them (their cross-script keys, [`crate::xscript`]). Asking for the
//! keys of a window around every value keyed each character once per value
//! near it: on a page with a value every 7 characters, each character about
//! 45 times. Here the windows of a text's values are merged and each merged
//! stretch is keyed once; every value then reads its neighbours' keys by
//! binary search. Offsets are code points (Python `str` indices).

pub mod doc;
pub mod tokens;

use crate::xscript;

/// A value of a text: its sentence `[ss, se)` and its own `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Value {
    pub ss: usize,
    pub se: usize,
    pub start: usize,
    pub end: usize,
}

/// A keyed word: `[start, end)` in the text and its cross-script key.
struct Keyed {
    start: usize,
    end: usize,
    key: String,
}

/// The window a value's context words are taken from: `reach` characters on
/// each side of it, inside its sentence (and inside the text).
fn window(v: &Value, reach: usize, n: usize) -> (usize, usize) {
    let lo = v.ss.max(v.start.saturating_sub(reach)).min(n);
    let hi = v.se.min(v.end.saturating_add(reach)).min(n).max(lo);
    (lo, hi)
}

/// The stretches to key: the windows merged where they overlap (touching
/// windows stay apart), in text order.
fn stretches(windows: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted: Vec<(usize, usize)> = windows.iter().copied().filter(|w| w.0 < w.1).collect();
    sorted.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (lo, hi) in sorted {
        match out.last_mut() {
            Some(last) if lo < last.1 => last.1 = last.1.max(hi),
            _ => out.push((lo, hi)),
        }
    }
    out
}

/// For each value, the keys (at least 2 characters, stop-words left out) of the
/// `width` content words before it and the `width` after it, inside its window
/// (see [`window`]); sorted, without repeats.
///
/// A word is read whole from the stretch it is keyed in: a word that a window's
/// edge cuts is left out (a window keyed on its own would give the cut piece).
pub fn context_keys(text: &str, values: &[Value], width: usize, reach: usize) -> Vec<Vec<String>> {
    if values.is_empty() {
        return Vec::new();
    }
    // Code point -> byte offset, for the stretches' edges.
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let n = byte_at.len() - 1;
    let windows: Vec<(usize, usize)> = values.iter().map(|v| window(v, reach, n)).collect();
    let mut keyed: Vec<Keyed> = Vec::new();
    for (a, b) in stretches(&windows) {
        for (s, e, key) in xscript::keys(&text[byte_at[a]..byte_at[b]], false) {
            if key.chars().count() >= 2 {
                keyed.push(Keyed {
                    start: s + a,
                    end: e + a,
                    key,
                });
            }
        }
    }
    values
        .iter()
        .zip(&windows)
        .map(|(v, &(lo, hi))| {
            let inside = |k: &Keyed| lo <= k.start && k.end <= hi;
            let mut out: Vec<&str> = Vec::with_capacity(2 * width);
            // Before: the last `width` words ending at or before the value.
            let p = keyed.partition_point(|k| k.start < v.start);
            let mut taken = 0;
            for k in keyed[..p].iter().rev() {
                if taken == width || k.start < lo {
                    break;
                }
                if inside(k) && k.end <= v.start {
                    out.push(&k.key);
                    taken += 1;
                }
            }
            // After: the first `width` words starting at or after its end.
            let q = keyed.partition_point(|k| k.start < v.end);
            taken = 0;
            for k in &keyed[q..] {
                if taken == width || k.start >= hi {
                    break;
                }
                if inside(k) {
                    out.push(&k.key);
                    taken += 1;
                }
            }
            out.sort_unstable();
            out.dedup();
            out.into_iter().map(str::to_string).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(ss: usize, se: usize, start: usize, end: usize) -> Value {
        Value { ss, se, start, end }
    }

    #[test]
    fn words_around_a_value_inside_its_sentence() {
        let text = "Kanpur police said 14 people died in Patna. Next sentence here.";
        let start = text.find("14").unwrap();
        let got = context_keys(text, &[v(0, 43, start, start + 2)], 2, 160);
        // two content words on each side ("said"/"police", "people"/"died")
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].len(), 4, "{:?}", got[0]);
        assert!(got[0].iter().all(|k| !k.contains("sentence")));
    }

    #[test]
    fn overlapping_windows_are_keyed_once_and_agree_with_one_window() {
        let text = "असीम अरुण ने 15 जनवरी को 1994 बैच के 51 साल के अधिकारी";
        let chars: Vec<char> = text.chars().collect();
        let pos = |s: &str| {
            let i = text.find(s).unwrap();
            text[..i].chars().count()
        };
        let vals = [
            v(0, chars.len(), pos("15"), pos("15") + 2),
            v(0, chars.len(), pos("51"), pos("51") + 2),
        ];
        let both = context_keys(text, &vals, 4, 160);
        for (k, val) in vals.iter().enumerate() {
            assert_eq!(context_keys(text, &[*val], 4, 160)[0], both[k]);
        }
    }

    #[test]
    fn empty_and_out_of_range_values_do_not_panic() {
        assert!(context_keys("", &[], 4, 160).is_empty());
        let got = context_keys("abc", &[v(5, 2, 9, 12), v(0, 3, 3, 3)], 4, 160);
        assert!(got[0].is_empty());
        assert_eq!(got[1].len(), 1);
    }

    #[test]
    fn stretches_merge_overlaps_only() {
        assert_eq!(
            stretches(&[(5, 9), (0, 3), (3, 6), (2, 2)]),
            vec![(0, 3), (3, 9)]
        );
    }
}
