//! One pass over the normalized text: character classes, the tokenizer and the
//! lexicon lookup (one hash-map probe per letter run or sign).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::lexicon::{Cat, ENTRIES};
use crate::normalize::{normalize, Options};

/// The lexicon entries of one word.
pub type Entries = &'static [(Cat, &'static str)];

/// A small, fast, deterministic hasher (FxHash) for the lexicon map.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Normalized word -> its entries.
pub struct Lexicon {
    map: HashMap<String, Vec<(Cat, &'static str)>, BuildHasherDefault<FxHasher>>,
    /// The keys that are a single non-letter character (currency signs).
    signs: Vec<char>,
    /// The longest key, in bytes.
    max_len: usize,
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut map: HashMap<String, Vec<(Cat, &'static str)>, BuildHasherDefault<FxHasher>> =
            HashMap::default();
        let opts = Options::match_key();
        for &(word, cat, value) in ENTRIES {
            let key = normalize(word, &opts);
            let v = map.entry(key).or_default();
            if !v.contains(&(cat, value)) {
                v.push((cat, value));
            }
        }
        let mut signs: Vec<char> = map
            .keys()
            .filter(|k| k.chars().count() == 1)
            .filter_map(|k| k.chars().next())
            .filter(|&c| !is_word(c) && !is_digit(c))
            .collect();
        signs.sort_unstable();
        let max_len = map.keys().map(|k| k.len()).max().unwrap_or(0);
        Lexicon {
            map,
            signs,
            max_len,
        }
    }

    /// The entries of a normalized word (empty if unknown).
    pub fn get(&'static self, word: &str) -> Entries {
        if word.len() > self.max_len {
            return &[];
        }
        match self.map.get(word) {
            Some(v) => v.as_slice(),
            None => &[],
        }
    }

    /// All `(key, category name, value)` triples, sorted (for the twin test).
    pub fn dump(&self) -> Vec<(String, &'static str, &'static str)> {
        let mut out: Vec<_> = self
            .map
            .iter()
            .flat_map(|(k, v)| v.iter().map(move |(c, val)| (k.clone(), c.name(), *val)))
            .collect();
        out.sort();
        out
    }
}

/// The lexicon, built once.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::build)
}

/// Whitespace (an explicit list, identical in the Python twin).
pub const fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{1c}'..='\u{1f}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200b}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
            | '\u{feff}'
    )
}

/// Whitespace that does not end a line.
pub const fn is_line_space(c: char) -> bool {
    is_space(c) && !is_line_break(c)
}

pub const fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Characters dropped from the end of a mapped span (spaces and invisibles).
pub const fn is_trim(c: char) -> bool {
    is_space(c)
        || matches!(
            c,
            '\u{200c}'..='\u{200f}' | '\u{2060}' | '\u{ad}' | '\u{202a}'..='\u{202e}'
        )
}

/// Letters and marks of words (Latin and Devanagari).
pub const fn is_word(c: char) -> bool {
    matches!(
        c,
        'A'..='Z'
            | 'a'..='z'
            | '\u{c0}'..='\u{d6}'
            | '\u{d8}'..='\u{f6}'
            | '\u{f8}'..='\u{24f}'
            | '\u{300}'..='\u{36f}'
            | '\u{900}'..='\u{963}'
            | '\u{971}'..='\u{97f}'
            | '\u{1cd0}'..='\u{1cff}'
            | '\u{a8e0}'..='\u{a8ff}'
            | '\u{200c}'
            | '\u{200d}'
    )
}

/// ASCII and Devanagari digits.
pub const fn is_digit(c: char) -> bool {
    matches!(c, '0'..='9' | '\u{966}'..='\u{96f}')
}

/// The value of a digit character (see [`is_digit`]).
pub fn digit_value(c: char) -> u32 {
    if c.is_ascii_digit() {
        c as u32 - '0' as u32
    } else {
        c as u32 - 0x966
    }
}

/// Token types. `D` and `T` (numeric dates, clock times) are made by joining
/// digit runs (see [`super::numbers::group`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typ {
    /// a number
    N,
    /// a letter run
    W,
    /// a single other character
    P,
    /// digits with an ordinal suffix (`5th`, `10वीं`)
    O,
    /// digits with am/pm (`11am`)
    A,
    /// anything else (`COVID19`)
    X,
    /// a numeric date
    D,
    /// a clock time
    T,
}

/// A token of the normalized text. `s`, `e` are code point offsets.
#[derive(Clone, Copy, Debug)]
pub struct Tok<'a> {
    pub typ: Typ,
    pub s: u32,
    pub e: u32,
    /// The token text (letters, sign or digit run; empty for joined tokens).
    pub text: &'a str,
    pub ents: Entries,
    /// Bit set of the categories in `ents` (bit `Cat as u64`).
    pub mask: u64,
    /// A number is `m / 10^sc` (at most 18 digits).
    pub m: i64,
    pub sc: u8,
    /// A single digit run without separators, of `ndig` digits.
    pub plain: bool,
    pub ndig: u8,
    /// `h.mm` written with a dot (`11.30 बजे`).
    pub hm: Option<(u8, u8)>,
    /// year, month, day of a `D` token; hour, minute, second (-1: none) of a `T` token.
    pub x: [i32; 3],
}

impl<'a> Tok<'a> {
    pub fn new(typ: Typ, s: usize, e: usize, text: &'a str, ents: Entries) -> Tok<'a> {
        Tok {
            typ,
            s: s as u32,
            e: e as u32,
            text,
            ents,
            mask: mask_of(ents),
            m: 0,
            sc: 0,
            plain: false,
            ndig: 0,
            hm: None,
            x: [0, 0, -1],
        }
    }

    /// The number of a number token as a decimal.
    #[inline]
    pub fn dec(&self) -> (i128, u32) {
        (self.m as i128, self.sc as u32)
    }

    /// The value of the first entry of category `cat`.
    #[inline]
    pub fn get(&self, cat: Cat) -> Option<&'static str> {
        if !self.has(cat) {
            return None;
        }
        self.ents.iter().find(|(c, _)| *c == cat).map(|(_, v)| *v)
    }

    #[inline]
    pub fn has(&self, cat: Cat) -> bool {
        self.mask & (1u64 << cat as u64) != 0
    }

    /// Whether the token has any category of `mask`.
    #[inline]
    pub fn any(&self, mask: u64) -> bool {
        self.mask & mask != 0
    }

    /// A single sign among `chars`.
    #[inline]
    pub fn is_p(&self, chars: &str) -> bool {
        self.typ == Typ::P && chars.contains(self.text)
    }

    #[inline]
    pub fn is_ascii_word(&self) -> bool {
        self.typ == Typ::W && self.text.is_ascii()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    Digit,
    Other,
}

const fn class_slow(c: char) -> Class {
    if is_space(c) {
        Class::Space
    } else if is_digit(c) {
        Class::Digit
    } else if is_word(c) {
        Class::Word
    } else {
        Class::Other
    }
}

const fn class_table(base: u32) -> [Class; 128] {
    let mut t = [Class::Other; 128];
    let mut i = 0;
    while i < 128 {
        if let Some(c) = char::from_u32(base + i as u32) {
            t[i] = class_slow(c);
        }
        i += 1;
    }
    t
}

static ASCII_CLASS: [Class; 128] = class_table(0);
static DEVA_CLASS: [Class; 128] = class_table(0x900);

/// The character at byte `b` of `s`, its byte length and its class.
#[inline(always)]
fn next_char(s: &str, b: usize) -> (char, usize, Class) {
    let bytes = s.as_bytes();
    let b0 = bytes[b];
    if b0 < 0x80 {
        return (b0 as char, 1, ASCII_CLASS[b0 as usize]);
    }
    if b0 == 0xE0 && b + 2 < bytes.len() && (bytes[b + 1] == 0xA4 || bytes[b + 1] == 0xA5) {
        let u = 0x900 + (((bytes[b + 1] - 0xA4) as u32) << 6) + (bytes[b + 2] & 0x3F) as u32;
        // valid: the input is a str, so a lead E0 A4/A5 is followed by one continuation byte
        let c = char::from_u32(u).unwrap_or('\u{fffd}');
        return (c, 3, DEVA_CLASS[(u - 0x900) as usize]);
    }
    match s[b..].chars().next() {
        Some(c) => (c, c.len_utf8(), class_slow(c)),
        None => ('\u{fffd}', 1, Class::Other),
    }
}

/// Split normalized text into tokens, looking each letter run and sign up in the lexicon.
pub fn tokenize<'a>(nt: &'a str, lex: &'static Lexicon) -> Vec<Tok<'a>> {
    let mut toks = Vec::with_capacity(nt.len() / 8 + 4);
    let len = nt.len();
    let mut b = 0usize;
    let mut ci = 0usize; // code point index
    while b < len {
        let (c, l, cls) = next_char(nt, b);
        match cls {
            Class::Space => {
                b += l;
                ci += 1;
            }
            Class::Other => {
                let run = &nt[b..b + l];
                let ents = if lex.signs.contains(&c) {
                    lex.get(run)
                } else {
                    &[]
                };
                toks.push(Tok::new(Typ::P, ci, ci + 1, run, ents));
                b += l;
                ci += 1;
            }
            Class::Word | Class::Digit => {
                let s = ci;
                let start_b = b;
                let starts_digit = cls == Class::Digit;
                // split points: end of the leading digit run; start of the last digit run
                let mut first_digit_b = if starts_digit { b } else { usize::MAX };
                let mut digits_to_end = starts_digit;
                let mut lead_digits = starts_digit;
                let mut digit_end_b = if starts_digit { b + l } else { b };
                let mut digit_chars = usize::from(starts_digit);
                let mut later_digit = false;
                let mut any_digit = starts_digit;
                b += l;
                ci += 1;
                while b < len {
                    let (_c2, l2, cls2) = next_char(nt, b);
                    if cls2 != Class::Word && cls2 != Class::Digit {
                        break;
                    }
                    let d = cls2 == Class::Digit;
                    if d && first_digit_b == usize::MAX {
                        first_digit_b = b;
                        digits_to_end = true;
                    } else if !d {
                        digits_to_end = false;
                    }
                    if lead_digits {
                        if d {
                            digit_end_b = b + l2;
                            digit_chars += 1;
                        } else {
                            lead_digits = false;
                        }
                    } else if d {
                        later_digit = true;
                    }
                    any_digit |= d;
                    b += l2;
                    ci += 1;
                }
                let run = &nt[start_b..b];
                let e = ci;
                if starts_digit && digit_end_b == b {
                    toks.push(Tok::new(Typ::N, s, e, run, &[]));
                } else if !any_digit {
                    toks.push(Tok::new(Typ::W, s, e, run, lex.get(run)));
                } else if starts_digit && !later_digit {
                    let suf = lex.get(&nt[digit_end_b..b]);
                    let mut t: Option<Tok<'a>> = None;
                    if digit_chars <= 4 {
                        for &(cat, v) in suf {
                            if cat == Cat::OrdSuf {
                                t = Some(Tok::new(Typ::O, s, e, run, &[]));
                                break;
                            }
                            if cat == Cat::AmPm {
                                let ents: Entries = if v == "am" { AM } else { PM };
                                t = Some(Tok::new(Typ::A, s, e, run, ents));
                                break;
                            }
                        }
                    }
                    match t {
                        Some(mut t) => {
                            t.m = nt[start_b..digit_end_b]
                                .chars()
                                .fold(0i64, |acc, ch| acc * 10 + digit_value(ch) as i64);
                            toks.push(t);
                        }
                        None => toks.push(Tok::new(Typ::X, s, e, run, &[])),
                    }
                } else {
                    // a currency word glued to its amount ("Rs500"): two tokens
                    let word = &nt[start_b..first_digit_b.min(b)];
                    let ents = if !starts_digit && digits_to_end {
                        lex.get(word)
                    } else {
                        &[]
                    };
                    if ents.iter().any(|(c, _)| *c == Cat::CurPre) {
                        let mid = s + word.chars().count();
                        toks.push(Tok::new(Typ::W, s, mid, word, ents));
                        toks.push(Tok::new(Typ::N, mid, e, &nt[first_digit_b..b], &[]));
                    } else {
                        toks.push(Tok::new(Typ::X, s, e, run, &[]));
                    }
                }
            }
        }
    }
    toks
}

/// Bit set of the categories of some entries.
pub fn mask_of(ents: Entries) -> u64 {
    ents.iter().fold(0, |m, (c, _)| m | (1u64 << *c as u64))
}

/// A bit set of categories.
pub const fn cats(list: &[Cat]) -> u64 {
    let mut m = 0u64;
    let mut i = 0;
    while i < list.len() {
        m |= 1u64 << list[i] as u64;
        i += 1;
    }
    m
}

static AM: Entries = &[(Cat::AmPm, "am")];
static PM: Entries = &[(Cat::AmPm, "pm")];
