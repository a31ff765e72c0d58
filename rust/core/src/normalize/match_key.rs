//! The match key's lossy folds, applied to the canonical form: two spellings
//! of one word get one key.

use super::devanagari::*;
use super::item::Item;
use super::Options;

pub fn apply(items: &[Item], opts: &Options) -> Vec<Item> {
    // Nukta and joiners go first, so that the nasal rule sees through them
    // (न्‌त and ऩ्त fold like न्त) and the fold is idempotent.
    let items: Vec<Item> = items
        .iter()
        .filter(|it| !matches!(it.c, NUKTA | ZWJ | ZWNJ))
        .map(|it| Item::new(strip_nukta(it.c), it.start, it.end))
        .collect();
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let n = items.len();
    let mut i = 0;
    while i < n {
        let it = items[i];
        i += 1;
        let c = it.c;
        // Nasal + virama before a consonant of its own class -> anusvara
        // (inside a word only: an anusvara needs a letter to sit on).
        if let Some(class) = nasal_class(c) {
            let after_letter = out
                .last()
                .is_some_and(|p| is_devanagari_letter_or_mark(p.c));
            if after_letter
                && i + 1 < n
                && items[i].c == VIRAMA
                && stop_class(items[i + 1].c) == Some(class)
            {
                out.push(it.merged(ANUSVARA, items[i]));
                i += 1;
                continue;
            }
        }
        if is_latin_foldable(c) {
            for l in c.to_lowercase() {
                out.push(Item::new(l, it.start, it.end));
            }
            continue;
        }
        let folded = fold(c, opts);
        // A folded sign can make a vowel letter + sign sequence (ऍ + ॅ -> ए + े):
        // merge it as the canonical form would, so that the key is a fixed point.
        if is_vowel_sign(folded) {
            if let Some(last) = out.last().copied() {
                if let Some(letter) = vowel_letter(last.c, folded) {
                    *out.last_mut().expect("non-empty") = last.merged(fold(letter, opts), it);
                    continue;
                }
            }
        }
        out.push(Item::new(folded, it.start, it.end));
    }
    out
}

/// The one-character folds of the match key.
fn fold(c: char, opts: &Options) -> char {
    match c {
        CHANDRABINDU => ANUSVARA,
        '\u{0945}' => '\u{0947}', // ॅ -> े
        '\u{0949}' => '\u{094B}', // ॉ -> ो
        '\u{090D}' => '\u{090F}', // ऍ -> ए
        '\u{0911}' => '\u{0913}', // ऑ -> ओ
        DANDA | DOUBLE_DANDA => '.',
        '\u{0940}' if opts.fold_vowel_length => '\u{093F}', // ी -> ि
        '\u{0942}' if opts.fold_vowel_length => '\u{0941}', // ू -> ु
        '\u{0908}' if opts.fold_vowel_length => '\u{0907}', // ई -> इ
        '\u{090A}' if opts.fold_vowel_length => '\u{0909}', // ऊ -> उ
        _ if is_quote(c) => '"',
        _ => ascii_digit(c).unwrap_or(c),
    }
}
