//! Unicode NFC that keeps track of where each output character came from.
//!
//! The decomposition, combining classes and composition pairs are those of the
//! `unicode-normalization` crate (Unicode 18.0.0); the algorithm is the standard
//! one (UAX #15): canonical decomposition, canonical ordering, canonical
//! composition. A composed character covers the input ranges of its parts.

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

use super::item::Item;

/// NFC of `items`. Returns `items` unchanged (no copy) when a quick check
/// proves them normalized already, which is the case for almost all real text.
pub fn nfc(items: Vec<Item>) -> Vec<Item> {
    let mut prev = None;
    let attention = items.iter().any(|it| {
        let hit = super::fast::needs_nfc(prev, it.c);
        prev = Some(it.c);
        hit
    });
    if !attention {
        return items;
    }
    let mut decomposed: Vec<Item> = Vec::with_capacity(items.len() + items.len() / 4);
    for it in &items {
        decompose_canonical(it.c, |d| decomposed.push(Item::new(d, it.start, it.end)));
    }
    reorder(&mut decomposed);
    let composed = compose_all(decomposed);
    // Text that was NFC already (the quick check can only say "maybe") keeps
    // its exact offsets.
    if composed.len() == items.len() && composed.iter().zip(&items).all(|(a, b)| a.c == b.c) {
        return items;
    }
    composed
}

/// Canonical ordering: stable sort of each run of non-starters by combining class.
fn reorder(items: &mut [Item]) {
    let mut i = 0;
    while i < items.len() {
        if canonical_combining_class(items[i].c) == 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < items.len() && canonical_combining_class(items[j].c) != 0 {
            j += 1;
        }
        let run = &mut items[i..j];
        run.sort_by_key(|it| canonical_combining_class(it.c));
        // Reordered marks all map to the whole run, which keeps offsets monotone.
        let (lo, hi) = run.iter().fold((u32::MAX, 0), |(lo, hi), it| {
            (lo.min(it.start), hi.max(it.end))
        });
        if run.windows(2).any(|w| w[0].start > w[1].start) {
            for it in run.iter_mut() {
                it.start = lo;
                it.end = hi;
            }
        }
        i = j;
    }
}

/// Canonical composition of a decomposed, ordered sequence.
fn compose_all(items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let mut starter: Option<usize> = None;
    // Combining class of the last character appended after the starter
    // (None when the starter was the last one appended).
    let mut last_ccc: Option<u8> = None;
    for it in items {
        let ccc = canonical_combining_class(it.c);
        if let Some(si) = starter {
            let blocked = match last_ccc {
                None => false,
                Some(prev) => prev == 0 || prev >= ccc,
            };
            if !blocked {
                if let Some(composed) = compose(out[si].c, it.c) {
                    out[si] = out[si].merged(composed, it);
                    continue;
                }
            }
        }
        if ccc == 0 {
            starter = Some(out.len());
            last_ccc = None;
        } else {
            last_ccc = Some(ccc);
        }
        out.push(it);
    }
    out
}
