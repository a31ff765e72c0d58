//! What the digest's per-value stages read from a text, computed once per text.
//!
//! The digest compares the values two articles state by the content words
//! around them (their cross-script keys, [`crate::xscript`]): the `width`
//! content words on each side of a value, inside its sentence and within
//! `reach` characters of it. The words are the text's cross-script words, read
//! whole: a word that a window's edge cuts is left out. A prepared text gives
//! them from its prepare stage's one normalization ([`context`]), each word
//! keyed once for all the values near it; [`context_keys`] keys the text
//! itself (a text that was not prepared). Offsets are code points (Python
//! `str` indices).

pub mod context;
pub mod doc;
pub mod tokens;

use crate::prepare::tokens::Packed;
use crate::xscript;

/// A value of a text: its sentence `[ss, se)` and its own `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Value {
    pub ss: usize,
    pub se: usize,
    pub start: usize,
    pub end: usize,
}

/// A content word: `[start, end)` in the text and its cross-script key.
type Keyed = (usize, usize, String);

/// The window a value's context words are taken from: `reach` characters on
/// each side of it, inside its sentence (and inside the text).
fn window(v: &Value, reach: usize, n: usize) -> (usize, usize) {
    let lo = v.ss.max(v.start.saturating_sub(reach)).min(n);
    let hi = v.se.min(v.end.saturating_add(reach)).min(n).max(lo);
    (lo, hi)
}

/// The windows merged where they overlap (touching windows stay apart), in
/// text order: the stretches whose words are keyed.
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
/// `width` content words before it and the `width` after it, wholly inside its
/// window (see [`window`]); sorted, without repeats. `text`: the text the
/// values are in, keyed whole (one normalization).
pub fn context_keys(text: &str, values: &[Value], width: usize, reach: usize) -> Vec<Vec<String>> {
    if values.is_empty() {
        return Vec::new();
    }
    let n = text.chars().count();
    let windows: Vec<(usize, usize)> = values.iter().map(|v| window(v, reach, n)).collect();
    let keyed: Vec<Keyed> = xscript::keys(text, false)
        .into_iter()
        .filter(|k| k.2.len() >= 2) // (keys are ASCII)
        .collect();
    select(&keyed, values, &windows, width)
}

/// [`context_keys`] of a prepared text (`tokens`: its match-key tokens with
/// their content words; `text`: the text they were made from), without
/// normalizing it again: the plain words inside the values' windows are keyed
/// from the text, the others were keyed when it was prepared.
pub fn context_keys_prepared(
    tokens: &Packed,
    text: &str,
    values: &[Value],
    width: usize,
    reach: usize,
) -> Vec<Vec<String>> {
    if values.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let windows: Vec<(usize, usize)> = values
        .iter()
        .map(|v| window(v, reach, chars.len()))
        .collect();
    let keyed = tokens.context_words(&chars, &stretches(&windows));
    select(&keyed, values, &windows, width)
}

/// The keys of the words of `keyed` (in text order) around each value.
fn select(
    keyed: &[Keyed],
    values: &[Value],
    windows: &[(usize, usize)],
    width: usize,
) -> Vec<Vec<String>> {
    values
        .iter()
        .zip(windows)
        .map(|(v, &(lo, hi))| {
            let inside = |k: &Keyed| lo <= k.0 && k.1 <= hi;
            let mut out: Vec<&str> = Vec::with_capacity(2 * width);
            // Before: the last `width` words ending at or before the value.
            let p = keyed.partition_point(|k| k.0 < v.start);
            let mut taken = 0;
            for k in keyed[..p].iter().rev() {
                if taken == width || k.0 < lo {
                    break;
                }
                if inside(k) && k.1 <= v.start {
                    out.push(&k.2);
                    taken += 1;
                }
            }
            // After: the first `width` words starting at or after its end.
            let q = keyed.partition_point(|k| k.0 < v.end);
            taken = 0;
            for k in &keyed[q..] {
                if taken == width || k.0 >= hi {
                    break;
                }
                if inside(k) {
                    out.push(&k.2);
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

#[cfg(test)]
mod prepared_tests {
    use super::*;
    use crate::prepare::{doc, tokens::Interner};

    const TEXTS: [&str; 9] = [
        "Kanpur police said 14 people died in Patna. Next sentence here.",
        "असीम अरुण ने 15 जनवरी को 1994 बैच के 51 साल के अधिकारी बड़ा फ़ैसला",
        "covid19 x2 BJP भाजपा Don't İstanbul ﬁne café CAFÉ a the UP",
        "क़ ज़्\u{200d} क्ष\u{200d} \u{ad}शब्द\u{ad} \u{970} ,क\u{93c}\u{94d}\u{200c}ष",
        "क\u{941}\u{93c}\u{902} ि\u{93c} e\u{301}\u{323} A\u{30a}",
        "",
        "   ",
        "आ ए a e o I",
        "20वीं सदी के 2020-21 में  ₹5 करोड़ लोग",
    ];

    #[test]
    fn prepared_words_are_the_texts_words() {
        for text in TEXTS {
            let mut interner = Interner::default();
            let packed = interner.pack(doc::prepare(text).tokens);
            let chars: Vec<char> = text.chars().collect();
            let n = chars.len();
            let want: Vec<Keyed> = xscript::keys(text, false)
                .into_iter()
                .filter(|k| k.2.len() >= 2)
                .collect();
            assert_eq!(packed.context_words(&chars, &[(0, n)]), want, "{text:?}");
            let values: Vec<Value> = (0..=n)
                .step_by(3)
                .map(|s| Value {
                    ss: s.saturating_sub(7),
                    se: n,
                    start: s,
                    end: (s + 2).min(n),
                })
                .collect();
            for (width, reach) in [(1, 4), (2, 10), (5, 200)] {
                assert_eq!(
                    context_keys_prepared(&packed, text, &values, width, reach),
                    context_keys(text, &values, width, reach),
                    "{text:?} {width} {reach}"
                );
            }
        }
    }
}
