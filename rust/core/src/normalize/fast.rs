//! The fast path: most lines of real text need no change at all (canonical
//! form) or only one-to-one character folds (match key). A line is checked in
//! one pass; a line that is "clean" is copied (or folded) directly, any other
//! line goes through the full stages. Lines are independent for every rule,
//! so the result is the same either way; the differential tests against the
//! pure-Python twin (which has no fast path) hold this to account.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized};

use super::devanagari::*;
use super::{Form, Options};

/// True when NFC may change `c` given the character before it. Exact for
/// Devanagari and for everything below U+0300; conservative elsewhere.
#[inline]
pub fn needs_nfc(prev: Option<char>, c: char) -> bool {
    let cp = c as u32;
    if cp < 0x300 {
        return false;
    }
    if (0x0900..=0x097F).contains(&cp) {
        return match c {
            '\u{0958}'..='\u{095F}' | '\u{0951}'..='\u{0954}' => true,
            NUKTA => prev.is_some_and(|p| {
                matches!(p, '\u{0928}' | '\u{0930}' | '\u{0933}')
                    || canonical_combining_class(p) > 7
            }),
            VIRAMA => prev.is_some_and(|p| canonical_combining_class(p) > 9),
            _ => false,
        };
    }
    canonical_combining_class(c) != 0 || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
}

// Flags of the Devanagari block's characters, indexed by `cp - 0x0900`.
const MARK: u8 = 1; // needs a base letter
const VSIGN: u8 = 2; // dependent vowel sign
const INDEP: u8 = 4; // independent vowel letter
const PLAIN_CONS: u8 = 8; // consonant that does not compose with a nukta
const NONBASE: u8 = 16; // digits, dandas, abbreviation sign: no base for a mark
const DIRTY: u8 = 32; // always needs the full stages (NFC decomposes it, or stress marks)
const DIGIT: u8 = 64;

const fn dev_flags() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = match char::from_u32(0x0900 + i as u32) {
            Some(c) => c,
            None => '\0',
        };
        let mut f = 0u8;
        if is_devanagari_mark(c) {
            f |= MARK;
        }
        if is_vowel_sign(c) {
            f |= VSIGN;
        }
        if matches!(c, '\u{0904}'..='\u{0914}' | '\u{0960}' | '\u{0961}' | '\u{0972}'..='\u{0977}')
        {
            f |= INDEP;
        }
        if is_consonant(c) && !matches!(c, '\u{0928}' | '\u{0930}' | '\u{0933}') {
            f |= PLAIN_CONS;
        }
        if matches!(c, '\u{0964}'..='\u{0970}') {
            f |= NONBASE;
        }
        if matches!(c, '\u{0958}'..='\u{095F}' | '\u{0951}'..='\u{0954}') {
            f |= DIRTY;
        }
        if matches!(c, '\u{0966}'..='\u{096F}') {
            f |= DIGIT;
        }
        t[i] = f;
        i += 1;
    }
    t
}

static DEV: [u8; 128] = dev_flags();

/// What the check remembers of the previous character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    /// Start of the line, a space, or anything else a mark cannot sit on.
    NonBase,
    /// A letter or mark a following mark can sit on (flags of a Devanagari one).
    Base(u8),
    Danda,
}

/// Whether `line` (without its final `\n`) is left exactly as it is by the
/// canonical rules (and, for the match form, whether every character folds
/// on its own, see [`fold_clean_line`]). Returns its length in code points if so.
/// Works on the UTF-8 bytes: Devanagari is looked up in a table.
pub fn clean_len(line: &str, opts: &Options) -> Option<u32> {
    if opts.fix_mojibake {
        return None;
    }
    let matching = opts.form == Form::Match;
    let b = line.as_bytes();
    let len = b.len();
    let mut i = 0;
    let mut n = 0u32;
    let mut prev = Prev::NonBase;
    let mut prev_space = true; // line start counts as "after a space" for leading spaces
    let mut prev_char: Option<char> = None;
    while i < len {
        let x = b[i];
        n += 1;
        if x < 0x80 {
            match x {
                b' ' => {
                    if prev_space || i + 1 == len {
                        return None;
                    }
                    prev_space = true;
                    prev = Prev::NonBase;
                }
                b'|' => return None,
                _ if x < 0x20 || x == 0x7F => return None,
                _ => {
                    prev_space = false;
                    prev = if x.is_ascii_alphabetic() {
                        Prev::Base(0)
                    } else {
                        Prev::NonBase
                    };
                }
            }
            prev_char = Some(x as char);
            i += 1;
            continue;
        }
        prev_space = false;
        if x == 0xE0 && i + 2 < len && (b[i + 1] == 0xA4 || b[i + 1] == 0xA5) {
            let idx = (((b[i + 1] & 1) as usize) << 6) | (b[i + 2] & 0x3F) as usize;
            let f = DEV[idx];
            let cp = 0x0900 + idx as u32;
            if f & DIRTY != 0 {
                return None;
            }
            if f & MARK != 0 {
                let pf = match prev {
                    Prev::Base(pf) => pf,
                    _ => return None,
                };
                if f & VSIGN != 0 && pf & INDEP != 0 {
                    return None;
                }
                if cp == NUKTA as u32 && pf & PLAIN_CONS == 0 {
                    return None;
                }
            }
            if cp == DANDA as u32 && prev == Prev::Danda {
                return None;
            }
            if f & DIGIT != 0 && opts.ascii_digits {
                return None;
            }
            prev = if cp == DANDA as u32 {
                Prev::Danda
            } else if f & NONBASE != 0 {
                Prev::NonBase
            } else {
                Prev::Base(f)
            };
            prev_char = char::from_u32(cp);
            i += 3;
            continue;
        }
        // Any other character: decode it and check it in full.
        let c = line[i..].chars().next().unwrap_or('\u{FFFD}');
        let w = c.len_utf8();
        if is_invisible(c) || is_horizontal_space(c) || is_line_break(c) || c == ZWJ || c == ZWNJ {
            return None;
        }
        if is_devanagari_mark(c) || needs_nfc(prev_char, c) {
            return None;
        }
        if opts.ascii_punctuation && ascii_punctuation(c).is_some() {
            return None;
        }
        if matching && is_latin_foldable(c) {
            return None; // non-ASCII case folding may need NFC again
        }
        prev = if is_non_base(c) {
            Prev::NonBase
        } else {
            Prev::Base(0)
        };
        prev_char = Some(c);
        i += w;
    }
    Some(n)
}

/// The match key of a clean line: one-to-one folds, nukta dropped, nasal +
/// virama folded. Calls `emit(char, start, end)` (input offsets in the line)
/// for each output character.
pub fn fold_clean_line(line: &str, opts: &Options, mut emit: impl FnMut(char, u32, u32)) {
    let mut chars = line.chars();
    let mut i = 0u32;
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        let at = i;
        i += 1;
        let before = prev;
        prev = Some(c);
        // Nasal + virama before a consonant of its own class -> anusvara, inside a word.
        if let Some(class) = nasal_class(strip_nukta(c)) {
            if before.is_some_and(is_devanagari_letter_or_mark) {
                let mut look = chars.clone();
                if look.next() == Some(VIRAMA) && look.next().and_then(stop_class) == Some(class) {
                    chars.next();
                    i += 1;
                    prev = Some(VIRAMA);
                    emit(ANUSVARA, at, at + 2);
                    continue;
                }
            }
        }
        let folded = match c {
            NUKTA => continue,
            'A'..='Z' => c.to_ascii_lowercase(),
            CHANDRABINDU => ANUSVARA,
            '\u{0945}' => '\u{0947}',
            '\u{0949}' => '\u{094B}',
            '\u{090D}' => '\u{090F}',
            '\u{0911}' => '\u{0913}',
            DANDA | DOUBLE_DANDA => '.',
            '\u{0940}' if opts.fold_vowel_length => '\u{093F}',
            '\u{0942}' if opts.fold_vowel_length => '\u{0941}',
            '\u{0908}' if opts.fold_vowel_length => '\u{0907}',
            '\u{090A}' if opts.fold_vowel_length => '\u{0909}',
            _ if is_quote(c) => '"',
            _ => match ascii_digit(c) {
                Some(d) => d,
                None => strip_nukta(c),
            },
        };
        emit(folded, at, at + 1);
    }
}
