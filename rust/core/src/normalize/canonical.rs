//! The canonical form's rules after NFC: white space, stray marks, vowel
//! letters written as sequences, nukta order, dandas, optional digit and
//! punctuation folding. One pass, looking back at what it has written.

use super::devanagari::*;
use super::item::Item;
use super::Options;

/// Invisible characters and ZWJ/ZWNJ out of place: run before NFC so that
/// characters they separated can compose.
pub fn remove_invisibles(items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    for it in items {
        let c = it.c;
        if is_invisible(c) {
            continue;
        }
        if (c == ZWJ || c == ZWNJ) && out.last().map(|it| it.c) != Some(VIRAMA) {
            continue;
        }
        out.push(it);
    }
    out
}

struct Writer {
    out: Vec<Item>,
    /// A run of horizontal space seen but not yet written (it is dropped at
    /// the end of a line and written as one U+0020 before the next character).
    pending_space: Option<Item>,
    at_line_start: bool,
}

impl Writer {
    #[inline]
    fn last(&self) -> Option<char> {
        self.out.last().map(|it| it.c)
    }

    /// True when a Devanagari mark written now would have no base letter.
    #[inline]
    fn mark_would_be_stray(&self) -> bool {
        if self.pending_space.is_some() || self.at_line_start {
            return true;
        }
        match self.last() {
            None => true,
            Some(p) => is_non_base(p),
        }
    }

    #[inline]
    fn flush_space(&mut self) {
        if let Some(sp) = self.pending_space.take() {
            self.out.push(sp);
        }
    }

    #[inline]
    fn push(&mut self, it: Item) {
        self.flush_space();
        self.at_line_start = false;
        self.out.push(it);
    }
}

pub fn apply(items: &[Item], opts: &Options) -> Vec<Item> {
    let mut w = Writer {
        out: Vec::with_capacity(items.len()),
        pending_space: None,
        at_line_start: true,
    };
    let n = items.len();
    let mut i = 0;
    while i < n {
        let it = items[i];
        let c = it.c;
        i += 1;

        // Line breaks: \r\n, \r and the Unicode separators become \n.
        if c == '\r' || is_line_break(c) {
            let mut nl = Item::new('\n', it.start, it.end);
            if c == '\r' && i < n && items[i].c == '\n' {
                nl.end = items[i].end;
                i += 1;
            }
            w.pending_space = None;
            w.out.push(nl);
            w.at_line_start = true;
            continue;
        }
        if is_horizontal_space(c) {
            if !w.at_line_start {
                w.pending_space = Some(match w.pending_space {
                    None => Item::new(' ', it.start, it.end),
                    Some(sp) => sp.merged(' ', it),
                });
            }
            continue;
        }

        // A joiner survives only right after a virama (the virama may have been
        // dropped as a stray mark since the first check).
        if (c == ZWJ || c == ZWNJ)
            && (w.pending_space.is_some() || w.at_line_start || w.last() != Some(VIRAMA))
        {
            continue;
        }
        if is_devanagari_mark(c) {
            if w.mark_would_be_stray() {
                continue;
            }
            if is_vowel_sign(c) {
                if let Some(last) = w.out.last().copied() {
                    if let Some(letter) = vowel_letter(last.c, c) {
                        *w.out.last_mut().expect("non-empty") = last.merged(letter, it);
                        continue;
                    }
                }
            }
            if c == NUKTA {
                let len = w.out.len();
                if len >= 2 && is_vowel_sign(w.out[len - 1].c) && is_consonant(w.out[len - 2].c) {
                    // Keyboard order consonant + sign + nukta: the nukta belongs to the consonant.
                    let cons = w.out[len - 2];
                    w.out[len - 2] = match compose_nukta(cons.c) {
                        Some(composed) => cons.merged(composed, it),
                        None => {
                            // Both moved characters map to the range they were
                            // typed in, which keeps offsets monotone.
                            let sign = w.out[len - 1];
                            let span = sign.merged(sign.c, it);
                            w.out[len - 1] = span;
                            w.out
                                .insert(len - 1, Item::new(NUKTA, span.start, span.end));
                            continue;
                        }
                    };
                    continue;
                }
            }
            w.push(it);
            continue;
        }

        if c == '|' && is_sentence_end_bar(&w, items, i) {
            push_danda(&mut w, Item::new(DANDA, it.start, it.end));
            continue;
        }
        if c == DANDA {
            push_danda(&mut w, it);
            continue;
        }
        if opts.ascii_digits {
            if let Some(d) = ascii_digit(c) {
                w.push(Item::new(d, it.start, it.end));
                continue;
            }
        }
        if opts.ascii_punctuation {
            if let Some(p) = ascii_punctuation(c) {
                w.push(Item::new(p, it.start, it.end));
                continue;
            }
        }
        w.push(it);
    }
    w.out
}

/// `।` right after `।` becomes `॥`.
fn push_danda(w: &mut Writer, it: Item) {
    if w.pending_space.is_none() && w.last() == Some(DANDA) {
        let last = w.out.last_mut().expect("non-empty");
        *last = last.merged(DOUBLE_DANDA, it);
    } else {
        w.push(it);
    }
}

/// A `|` ends a Devanagari sentence when the text before it (skipping spaces)
/// is Devanagari or a danda, and the text after it (skipping spaces) is
/// Devanagari, another bar or danda, or the end of the line.
fn is_sentence_end_bar(w: &Writer, items: &[Item], next: usize) -> bool {
    let before = match w.last() {
        Some(p) if !w.at_line_start => is_devanagari_letter_or_mark(p) || p == DANDA,
        _ => false,
    };
    if !before {
        return false;
    }
    for it in &items[next..] {
        let c = it.c;
        if is_horizontal_space(c) {
            continue;
        }
        return c == '\r'
            || is_line_break(c)
            || c == '|'
            || c == DANDA
            || is_devanagari_letter_or_mark(c);
    }
    true
}
