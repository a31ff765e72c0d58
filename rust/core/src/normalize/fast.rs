//! Line checks: most lines of real text need no change at all (canonical
//! form) or only one-to-one character folds (match key). [`clean_len`] tells
//! whether a line is "clean" in that sense, [`fold_clean_line`] gives the
//! match key of a clean line. (`process` itself now uses the one-pass path of
//! `fix.rs`, which also makes the common fixes; these checks stay for callers
//! that sort lines themselves.) Lines are independent for every rule, so the
//! result is the same either way; the differential tests against the
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
pub(super) const MARK: u8 = 1; // needs a base letter
pub(super) const VSIGN: u8 = 2; // dependent vowel sign
pub(super) const INDEP: u8 = 4; // independent vowel letter
pub(super) const PLAIN_CONS: u8 = 8; // consonant that does not compose with a nukta
pub(super) const NONBASE: u8 = 16; // digits, dandas, abbreviation sign: no base for a mark
pub(super) const DIRTY: u8 = 32; // always needs the full stages (NFC decomposes it, or stress marks)
pub(super) const DIGIT: u8 = 64;

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

pub(super) static DEV: [u8; 128] = dev_flags();

// What the check remembers of the previous character, as bits.
pub(super) const P_BASE: u8 = 1; // a mark may sit on it
pub(super) const P_INDEP: u8 = 2; // an independent vowel letter
pub(super) const P_PLAIN_CONS: u8 = 4; // a consonant a nukta may follow as it is
pub(super) const P_DANDA: u8 = 8;
pub(super) const P_SPACE: u8 = 16; // a space, or the start of the line

const fn prev_bits() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let f = DEV[i];
        let cp = 0x0900 + i as u32;
        t[i] = if cp == DANDA as u32 {
            P_DANDA
        } else if f & NONBASE != 0 || f & DIGIT != 0 {
            0
        } else {
            let mut b = P_BASE;
            if f & INDEP != 0 {
                b |= P_INDEP;
            }
            if f & PLAIN_CONS != 0 {
                b |= P_PLAIN_CONS;
            }
            b
        };
        i += 1;
    }
    t
}

pub(super) static PREV: [u8; 128] = prev_bits();

/// Whether `line` (without its final `\n`) is left exactly as it is by the
/// canonical rules (and, for the match form, whether every character folds
/// on its own, see [`fold_clean_line`]). Returns its length in code points if so.
/// Works on the UTF-8 bytes: Devanagari is looked up in a table.
pub fn clean_len(line: &str, opts: &Options) -> Option<u32> {
    if opts.fix_mojibake {
        return None;
    }
    let matching = opts.form == Form::Match;
    // Flags that send a Devanagari character to the careful checks below.
    let careful = MARK | DIRTY | if opts.ascii_digits { DIGIT } else { 0 };
    let b = line.as_bytes();
    let len = b.len();
    let mut i = 0;
    let mut prev = P_SPACE;
    while i < len {
        let x = b[i];
        if x < 0x80 {
            if x.is_ascii_alphanumeric() {
                prev = if x.is_ascii_alphabetic() { P_BASE } else { 0 };
            } else {
                match x {
                    b' ' => {
                        if prev & P_SPACE != 0 || i + 1 == len {
                            return None;
                        }
                        prev = P_SPACE;
                    }
                    b'|' => return None,
                    _ if x < 0x20 || x == 0x7F => return None,
                    _ => prev = 0,
                }
            }
            i += 1;
            continue;
        }
        if x == 0xE0 && i + 2 < len && (b[i + 1] & 0xFE) == 0xA4 {
            let idx = (((b[i + 1] & 1) as usize) << 6) | (b[i + 2] & 0x3F) as usize;
            let f = DEV[idx];
            if f & careful != 0 {
                if f & (DIRTY | DIGIT) != 0 {
                    return None;
                }
                // a mark: it needs a base, a vowel sign must not follow a vowel
                // letter, a nukta only follows a plain consonant
                if prev & P_BASE == 0
                    || (f & VSIGN != 0 && prev & P_INDEP != 0)
                    || (idx == 0x3C && prev & P_PLAIN_CONS == 0)
                {
                    return None;
                }
            }
            let p = PREV[idx];
            if p & prev & P_DANDA != 0 {
                return None; // ।। -> ॥
            }
            prev = p;
            i += 3;
            continue;
        }
        // Any other character: decode it and check it in full.
        let c = line[i..].chars().next().unwrap_or('\u{FFFD}');
        if is_invisible(c) || is_horizontal_space(c) || is_line_break(c) || c == ZWJ || c == ZWNJ {
            return None;
        }
        if is_devanagari_mark(c) || needs_nfc(None, c) {
            return None;
        }
        if opts.ascii_punctuation && ascii_punctuation(c).is_some() {
            return None;
        }
        if matching && is_latin_foldable(c) {
            return None; // non-ASCII case folding may need NFC again
        }
        // In the match key a quote becomes `"`, on which no mark can sit.
        prev = if is_non_base(c) || (matching && is_quote(c)) {
            0
        } else {
            P_BASE
        };
        i += c.len_utf8();
    }
    Some(line.chars().count() as u32)
}

// The match key's one-to-one folds of the Devanagari block (the one-pass
// path's table; a clean line never holds the precomposed nukta letters that
// it also folds).
const fn fold_table(long: bool) -> [u32; 128] {
    let mut t = [0u32; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = super::fix::fold_of(0x0900 + i as u32, long);
        i += 1;
    }
    t
}

static FOLD: [u32; 128] = fold_table(false);
static FOLD_LONG: [u32; 128] = fold_table(true);

/// Nasal class + 1 (after the nukta is stripped), stop class + 1, and whether
/// the character is a Devanagari letter or mark; indexed by `cp - 0x0900`.
const fn class_table(nasal: bool) -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let cp = 0x0900 + i as u32;
        t[i] = if nasal {
            match cp {
                0x0919 => 1,
                0x091E => 2,
                0x0923 => 3,
                0x0928 | 0x0929 => 4,
                0x092E => 5,
                _ => 0,
            }
        } else {
            match cp {
                0x0915..=0x0918 => 1,
                0x091A..=0x091D => 2,
                0x091F..=0x0922 => 3,
                0x0924..=0x0927 => 4,
                0x092A..=0x092D => 5,
                _ => 0,
            }
        };
        i += 1;
    }
    t
}

static NASAL: [u8; 128] = class_table(true);
static STOP: [u8; 128] = class_table(false);

#[inline(always)]
fn dev_index(b1: u8, b2: u8) -> usize {
    (((b1 & 1) as usize) << 6) | (b2 & 0x3F) as usize
}

#[inline(always)]
fn is_letter_or_mark_idx(idx: usize) -> bool {
    idx <= 0x63 || (0x71..=0x7F).contains(&idx)
}

/// The match key of a clean line: one-to-one folds, nukta dropped, nasal +
/// virama folded, on the UTF-8 bytes. Calls `emit(utf8, start, end)` (input
/// offsets in the line) for each output character.
pub fn fold_clean_line(line: &str, opts: &Options, mut emit: impl FnMut(&[u8], u32, u32)) {
    let table = if opts.fold_vowel_length {
        &FOLD_LONG
    } else {
        &FOLD
    };
    let b = line.as_bytes();
    let len = b.len();
    let mut i = 0usize;
    let mut ci = 0u32;
    let mut prev_lm = false;
    while i < len {
        let x = b[i];
        if x < 0x80 {
            let o = match x {
                b'A'..=b'Z' => x + 32,
                b'\'' => b'"',
                _ => x,
            };
            emit(&[o], ci, ci + 1);
            prev_lm = false;
            i += 1;
            ci += 1;
            continue;
        }
        if x == 0xE0 && i + 2 < len && (b[i + 1] & 0xFE) == 0xA4 {
            let idx = dev_index(b[i + 1], b[i + 2]);
            // Nasal + virama before a consonant of its own class -> anusvara,
            // inside a word (seeing through a nukta after the nasal, which the
            // key drops first).
            let class = NASAL[idx];
            if class != 0 && prev_lm {
                let (mut j, mut k) = (i + 3, 2);
                if b.get(j..j + 3) == Some(&[0xE0, 0xA4, 0xBC][..]) {
                    j += 3;
                    k = 3;
                }
                if let Some(&[0xE0, 0xA5, 0x8D, 0xE0, y, z]) = b.get(j..j + 6) {
                    if y & 0xFE == 0xA4 && STOP[dev_index(y, z)] == class {
                        emit(&[0xE0, 0xA4, 0x82], ci, ci + k);
                        prev_lm = true;
                        i = j + 3;
                        ci += k;
                        continue;
                    }
                }
            }
            let out = table[idx];
            if out >= 0x0900 {
                emit(
                    &[
                        0xE0,
                        0xA4 | ((out >> 6) & 1) as u8,
                        0x80 | (out & 0x3F) as u8,
                    ],
                    ci,
                    ci + 1,
                );
            } else if out != 0 {
                emit(&[out as u8], ci, ci + 1);
            }
            prev_lm = is_letter_or_mark_idx(idx);
            i += 3;
            ci += 1;
            continue;
        }
        let c = line[i..].chars().next().unwrap_or('\u{FFFD}');
        let w = c.len_utf8();
        if is_quote(c) {
            emit(b"\"", ci, ci + 1);
        } else {
            emit(&b[i..i + w], ci, ci + 1);
        }
        prev_lm = false;
        i += w;
        ci += 1;
    }
}
