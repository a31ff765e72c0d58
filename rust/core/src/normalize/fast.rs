//! Line checks: most lines of real text need no change at all. [`clean_len`]
//! tells whether a line is "clean" in that sense, and [`needs_nfc`] whether
//! NFC may change a character. `process` itself uses the one-pass path of
//! `fix.rs`, which also makes the common fixes; the UCS-2 entry point
//! (`units.rs`) copies the lines this test calls clean (its code-unit version
//! is held to `clean_len` by a test, and `clean_len` to the full stages).

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
/// canonical rules (for the match form, a stricter test: every character
/// would fold on its own). Returns its length in code points if so. The
/// one-pass path (`fix.rs`) supersedes it in `process`; the UCS-2 entry point
/// (`units.rs`) runs the same canonical test on code units, held to this one.
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
