//! One pass over the normalized text: character classes, the tokenizer and the
//! lexicon lookup (one probe of a small open-addressing table per letter run or sign).

use std::sync::OnceLock;

use super::lexicon::{Cat, ENTRIES};
use crate::normalize::{normalize, Options};

/// The lexicon entries of one word.
pub type Entries = &'static [(Cat, &'static str)];

/// One lexicon key: its bytes in `Lexicon::keys`, its entries in `Lexicon::ents`.
struct Key {
    /// The two words [`word_parts`] makes of the key: for a key of at most
    /// 16 bytes they determine it (with its length).
    a: u64,
    b: u64,
    start: u32,
    len: u32,
    ents_start: u32,
    ents_len: u32,
    mask: u64,
}

/// Normalized word -> its entries: an open-addressing hash table (linear
/// probing) of key indices, built once. The table is far from full, so most
/// words that are not keys stop at the first empty slot or at a slot whose
/// hash tag differs, without comparing bytes.
pub struct Lexicon {
    /// All keys' bytes, one after the other.
    bytes: Vec<u8>,
    keys: Vec<Key>,
    ents: Vec<(Cat, &'static str)>,
    /// `tag << 16 | (key index + 1)`; 0 = empty.
    slots: Vec<u32>,
    /// One bit per key's hash (bits 32..47): most words that are not keys are
    /// rejected here, in 4 KiB that stay in the L1 cache, before the table.
    bloom: Vec<u64>,
    slot_mask: usize,
    /// The ASCII characters that are keys by themselves (`$`), bit `c`.
    ascii_signs: u128,
    /// The longest key, in bytes.
    max_len: usize,
}

const K1: u64 = 0x9e37_79b9_7f4a_7c15;
const K2: u64 = 0xff51_afd7_ed55_8ccd;

#[inline(always)]
fn read8(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(w)
}

/// A word's first and last (up to) 8 bytes as two integers: for a word of at
/// most 16 bytes, equal parts and lengths mean equal words.
#[inline(always)]
fn word_parts(w: &[u8]) -> (u64, u64) {
    let n = w.len();
    if n >= 8 {
        (read8(w, 0), read8(w, n - 8))
    } else if n >= 4 {
        let mut x = [0u8; 4];
        x.copy_from_slice(&w[..4]);
        let mut y = [0u8; 4];
        y.copy_from_slice(&w[n - 4..]);
        (u32::from_le_bytes(x) as u64, u32::from_le_bytes(y) as u64)
    } else {
        // 0 to 3 bytes
        let mut a = 0u64;
        for (k, &c) in w.iter().enumerate() {
            a |= (c as u64) << (8 * k);
        }
        (a, 0)
    }
}

/// A hash of a word from its length and its [`word_parts`].
#[inline(always)]
fn word_hash(n: usize, (a, b): (u64, u64)) -> u64 {
    let h = (a ^ (n as u64).wrapping_mul(K1)).wrapping_mul(K2) ^ b.rotate_left(29);
    let h = h.wrapping_mul(K1);
    h ^ (h >> 31)
}

const BLOOM_BITS: usize = 1 << 15;

#[inline(always)]
fn bloom_bit(h: u64) -> usize {
    (h >> 32) as usize & (BLOOM_BITS - 1)
}

impl Lexicon {
    fn build() -> Lexicon {
        let opts = Options::match_key();
        // key -> entries, in the order of ENTRIES (first occurrence of a key first)
        let mut order: Vec<(String, Vec<(Cat, &'static str)>)> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for &(word, cat, value) in ENTRIES {
            let key = normalize(word, &opts);
            let k = *index.entry(key.clone()).or_insert_with(|| {
                order.push((key, Vec::new()));
                order.len() - 1
            });
            let v = &mut order[k].1;
            if !v.contains(&(cat, value)) {
                v.push((cat, value));
            }
        }
        let cap = (order.len() * 2).next_power_of_two().max(64);
        // the slot packs the key index in 16 bits
        assert!(order.len() < 0xffff, "lexicon too large for its table");
        let mut lex = Lexicon {
            bytes: Vec::new(),
            keys: Vec::with_capacity(order.len()),
            ents: Vec::new(),
            slots: vec![0; cap],
            bloom: vec![0; BLOOM_BITS / 64],
            slot_mask: cap - 1,
            ascii_signs: 0,
            max_len: 0,
        };
        for (key, ents) in order {
            let kb = key.as_bytes();
            let idx = lex.keys.len();
            let (a, b) = word_parts(kb);
            lex.keys.push(Key {
                a,
                b,
                start: lex.bytes.len() as u32,
                len: kb.len() as u32,
                ents_start: lex.ents.len() as u32,
                ents_len: ents.len() as u32,
                mask: mask_of(&ents),
            });
            lex.bytes.extend_from_slice(kb);
            lex.ents.extend_from_slice(&ents);
            lex.max_len = lex.max_len.max(kb.len());
            let mut ch = key.chars();
            if let (Some(c), None) = (ch.next(), ch.next()) {
                if c.is_ascii() && !is_word(c) && !is_digit(c) && !is_space(c) {
                    lex.ascii_signs |= 1u128 << (c as u32);
                }
            }
            let h = word_hash(kb.len(), (a, b));
            let bit = bloom_bit(h);
            lex.bloom[bit / 64] |= 1u64 << (bit % 64);
            let mut i = h as usize & lex.slot_mask;
            while lex.slots[i] != 0 {
                i = (i + 1) & lex.slot_mask;
            }
            lex.slots[i] = (((h >> 48) as u32) << 16) | (idx as u32 + 1);
        }
        lex
    }

    /// The entries of a normalized word and the bit set of their categories
    /// (empty and 0 if unknown).
    #[inline(always)]
    pub fn lookup(&'static self, word: &str) -> (Entries, u64) {
        let w = word.as_bytes();
        if w.len() > self.max_len || w.is_empty() {
            return (&[], 0);
        }
        let n = w.len();
        let (a, b) = word_parts(w);
        let h = word_hash(n, (a, b));
        let bit = bloom_bit(h);
        if self.bloom[bit / 64] & (1u64 << (bit % 64)) == 0 {
            return (&[], 0);
        }
        let tag = (h >> 48) as u32;
        let mut i = h as usize & self.slot_mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return (&[], 0);
            }
            if s >> 16 == tag {
                let k = &self.keys[(s & 0xffff) as usize - 1];
                let (ks, kl) = (k.start as usize, k.len as usize);
                if kl == n && k.a == a && k.b == b && (n <= 16 || self.bytes[ks..ks + kl] == *w) {
                    let (es, el) = (k.ents_start as usize, k.ents_len as usize);
                    return (&self.ents[es..es + el], k.mask);
                }
            }
            i = (i + 1) & self.slot_mask;
        }
    }

    /// The entries of a normalized word (empty if unknown).
    pub fn get(&'static self, word: &str) -> Entries {
        self.lookup(word).0
    }

    /// Whether the ASCII character `b` is a key by itself.
    #[inline(always)]
    fn ascii_sign(&self, b: u8) -> bool {
        b < 128 && self.ascii_signs & (1u128 << b) != 0
    }

    /// All `(key, category name, value)` triples, sorted (for the twin test).
    pub fn dump(&self) -> Vec<(String, &'static str, &'static str)> {
        let mut out: Vec<_> = self
            .keys
            .iter()
            .flat_map(|k| {
                let (ks, kl) = (k.start as usize, k.len as usize);
                let key = String::from_utf8_lossy(&self.bytes[ks..ks + kl]).into_owned();
                let (es, el) = (k.ents_start as usize, k.ents_len as usize);
                self.ents[es..es + el]
                    .iter()
                    .map(move |(c, val)| (key.clone(), c.name(), *val))
            })
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
    #[inline]
    pub fn new(typ: Typ, s: usize, e: usize, text: &'a str, ents: Entries) -> Tok<'a> {
        Tok::with_mask(typ, s, e, text, ents, mask_of(ents))
    }

    /// [`Tok::new`] given `mask_of(ents)`.
    #[inline]
    pub fn with_mask(
        typ: Typ,
        s: usize,
        e: usize,
        text: &'a str,
        ents: Entries,
        mask: u64,
    ) -> Tok<'a> {
        Tok {
            typ,
            s: s as u32,
            e: e as u32,
            text,
            ents,
            mask,
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

/// The length and class of the character at byte `b` of `s` (a char boundary).
/// ASCII and Devanagari without decoding; the rest through `class_slow`.
#[inline(always)]
fn class_at(s: &str, b: usize) -> (usize, Class) {
    match &s.as_bytes()[b..] {
        // U+0900..U+093F: all letters and signs
        [0xE0, 0xA4, _, ..] => (3, Class::Word),
        [0xE0, 0xA5, x, ..] => (3, DEVA_CLASS[0x40 + (x & 0x3F) as usize]),
        [x, ..] if *x < 0x80 => (1, ASCII_CLASS[*x as usize]),
        _ => match s[b..].chars().next() {
            Some(c) => (c.len_utf8(), class_slow(c)),
            None => (1, Class::Other),
        },
    }
}

/// Split normalized text into tokens, looking each letter run and sign up in
/// the lexicon, and join digit runs glued by `, . : / -` into numbers, numeric
/// dates and clock times (what [`super::numbers::group`] does to the tokens
/// of [`tokenize_raw`], in the same pass).
pub fn tokenize<'a>(nt: &'a str, lex: &'static Lexicon) -> Vec<Tok<'a>> {
    tokenize_impl::<true>(nt, lex)
}

/// [`tokenize`] without joining digit runs: each is a raw `N` token with its text.
pub fn tokenize_raw<'a>(nt: &'a str, lex: &'static Lexicon) -> Vec<Tok<'a>> {
    tokenize_impl::<false>(nt, lex)
}

/// A sign token (with its lexicon entries, for currency signs).
#[inline(always)]
fn sign_tok<'a>(nt: &'a str, b: usize, l: usize, ci: usize, lex: &'static Lexicon) -> Tok<'a> {
    let run = &nt[b..b + l];
    let (ents, mask) = if l > 1 || lex.ascii_sign(nt.as_bytes()[b]) {
        lex.lookup(run)
    } else {
        (&[][..], 0)
    };
    Tok::with_mask(Typ::P, ci, ci + 1, run, ents, mask)
}

/// The end (byte, code point) of a run of digits only starting at byte `b`,
/// code point `ci` of `nt`, if the run there is one (at least one digit, and
/// no letter after the digits).
fn pure_digits_at(nt: &str, mut b: usize, mut ci: usize) -> Option<(usize, usize)> {
    let len = nt.len();
    let start = b;
    while b < len {
        let (l, cls) = class_at(nt, b);
        match cls {
            Class::Digit => {
                b += l;
                ci += 1;
            }
            Class::Word => return None,
            _ => break,
        }
    }
    (b > start).then_some((b, ci))
}

/// The digit run at bytes `sb..eb`, code points `s..e` of `nt`, and the runs
/// glued to it by `, . : / -`: pushes their tokens as [`super::numbers::group`]
/// makes them and returns the end (byte, code point) of the chain.
fn number_chain<'a>(
    toks: &mut Vec<Tok<'a>>,
    nt: &'a str,
    (sb, eb): (usize, usize),
    (s, e): (usize, usize),
    lex: &'static Lexicon,
) -> (usize, usize) {
    let bytes = nt.as_bytes();
    let first = Tok::new(Typ::N, s, e, &nt[sb..eb], &[]);
    let sep_at = |b: usize| {
        bytes
            .get(b)
            .is_some_and(|&c| matches!(c, b',' | b'.' | b':' | b'/' | b'-'))
    };
    let next = if sep_at(eb) {
        pure_digits_at(nt, eb + 1, e + 1)
    } else {
        None
    };
    let Some(mut nx) = next else {
        // a lone digit run (the common case)
        toks.push(
            super::numbers::plain_number(&first).unwrap_or_else(|| Tok::new(Typ::X, s, e, "", &[])),
        );
        return (eb, e);
    };
    let mut raw = vec![first];
    let mut idx = vec![0usize];
    let mut seps = Vec::new();
    let (mut pb, mut pc) = (eb, e);
    loop {
        raw.push(sign_tok(nt, pb, 1, pc, lex));
        seps.push(bytes[pb] as char);
        raw.push(Tok::new(Typ::N, pc + 1, nx.1, &nt[pb + 1..nx.0], &[]));
        idx.push(raw.len() - 1);
        (pb, pc) = nx;
        match sep_at(pb)
            .then(|| pure_digits_at(nt, pb + 1, pc + 1))
            .flatten()
        {
            Some(x) => nx = x,
            None => break,
        }
    }
    super::numbers::chain(&raw, &idx, &seps, toks);
    (pb, pc)
}

fn tokenize_impl<'a, const CHAINS: bool>(nt: &'a str, lex: &'static Lexicon) -> Vec<Tok<'a>> {
    let bytes = nt.as_bytes();
    let len = bytes.len();
    let mut toks = Vec::with_capacity(len / 6 + 4);
    let mut b = 0usize;
    let mut ci = 0usize; // code point index
    while b < len {
        let (l, cls) = class_at(nt, b);
        match cls {
            Class::Space => {
                b += l;
                ci += 1;
            }
            Class::Other => {
                toks.push(sign_tok(nt, b, l, ci, lex));
                b += l;
                ci += 1;
            }
            Class::Word | Class::Digit => {
                let s = ci;
                let start_b = b;
                let mut any_digit = cls == Class::Digit;
                b += l;
                ci += 1;
                // the rest of the run; Devanagari letters first (the common case)
                let mut rest = &bytes[b..];
                loop {
                    match rest {
                        [0xE0, 0xA4, _, tail @ ..] => rest = tail,
                        [0xE0, 0xA5, x, tail @ ..] => {
                            match DEVA_CLASS[0x40 + (x & 0x3F) as usize] {
                                Class::Word => rest = tail,
                                Class::Digit => {
                                    any_digit = true;
                                    rest = tail;
                                }
                                _ => break,
                            }
                        }
                        [x, tail @ ..] if *x < 0x80 => match ASCII_CLASS[*x as usize] {
                            Class::Word => rest = tail,
                            Class::Digit => {
                                any_digit = true;
                                rest = tail;
                            }
                            _ => break,
                        },
                        [] => break,
                        _ => {
                            let (l2, cls2) = class_at(nt, len - rest.len());
                            match cls2 {
                                Class::Word => {}
                                Class::Digit => any_digit = true,
                                _ => break,
                            }
                            rest = rest.get(l2..).unwrap_or_default();
                        }
                    }
                    ci += 1;
                }
                b = len - rest.len();
                let run = &nt[start_b..b];
                if any_digit {
                    if let Some((rel, ns)) = digit_run(&mut toks, run, s, ci, lex, CHAINS) {
                        // a run of digits only: a number, maybe the start of a chain
                        if CHAINS {
                            (b, ci) =
                                number_chain(&mut toks, nt, (start_b + rel, b), (ns, ci), lex);
                        } else {
                            toks.push(Tok::new(Typ::N, ns, ci, &nt[start_b + rel..b], &[]));
                        }
                    }
                } else {
                    let (ents, mask) = lex.lookup(run);
                    toks.push(Tok::with_mask(Typ::W, s, ci, run, ents, mask));
                }
                // the space after a word, without another turn of the loop
                if bytes.get(b) == Some(&b' ') {
                    b += 1;
                    ci += 1;
                }
            }
        }
    }
    toks
}

/// The tokens of a run of letters and digits with at least one digit, from
/// code point `s` to `e`. A run that ends in digits only (all of it, or after a
/// currency word) is left to the caller: returns its start (byte offset in
/// `run`, code point).
fn digit_run<'a>(
    toks: &mut Vec<Tok<'a>>,
    run: &'a str,
    s: usize,
    e: usize,
    lex: &'static Lexicon,
    chains: bool,
) -> Option<(usize, usize)> {
    let len = run.len();
    let starts_digit = class_at(run, 0).1 == Class::Digit;
    // split points: end of the leading digit run; start of the first and of the last digit run
    let mut first_digit_b = usize::MAX;
    let mut digits_to_end = false;
    let mut lead_digits = starts_digit;
    let mut digit_end_b = 0usize;
    let mut digit_chars = 0usize;
    let mut later_digit = false;
    let mut b = 0usize;
    while b < len {
        let (l, cls) = class_at(run, b);
        let d = cls == Class::Digit;
        if d && first_digit_b == usize::MAX {
            first_digit_b = b;
            digits_to_end = true;
        } else if !d {
            digits_to_end = false;
        }
        if lead_digits {
            if d {
                digit_end_b = b + l;
                digit_chars += 1;
            } else {
                lead_digits = false;
            }
        } else if d {
            later_digit = true;
        }
        b += l;
    }
    if starts_digit && digit_end_b == len {
        return Some((0, s));
    } else if starts_digit && !later_digit {
        let suf = lex.get(&run[digit_end_b..]);
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
                t.m = run[..digit_end_b]
                    .chars()
                    .fold(0i64, |acc, ch| acc * 10 + digit_value(ch) as i64);
                toks.push(t);
            }
            None if digit_chars <= 18
                && (suf
                    .iter()
                    .any(|(c, _)| matches!(*c, Cat::Scale | Cat::Unit))
                    || ((digit_chars == 2 || digit_chars == 4)
                        && run[..digit_end_b].chars().last().map(digit_value) == Some(0)
                        && suf.iter().any(|(c, _)| *c == Cat::DecSuf))) =>
            {
                // a scale abbreviation glued to the amount ("10k", "5cr"): two tokens;
                // the number is read alone (plain: no chain joins it)
                let mid = s + digit_chars;
                let mut raw = Tok::new(Typ::N, s, mid, &run[..digit_end_b], &[]);
                if chains {
                    raw = super::numbers::plain_number(&raw)
                        .unwrap_or_else(|| Tok::new(Typ::X, s, mid, "", &[]));
                } else {
                    raw.plain = true;
                }
                toks.push(raw);
                toks.push(Tok::new(Typ::W, mid, e, &run[digit_end_b..], suf));
            }
            None => toks.push(Tok::new(Typ::X, s, e, run, &[])),
        }
    } else {
        // a currency word glued to its amount ("Rs500"): two tokens
        let word = &run[..first_digit_b.min(len)];
        let ents = if !starts_digit && digits_to_end {
            lex.get(word)
        } else {
            &[]
        };
        if ents
            .iter()
            .any(|(c, _)| matches!(*c, Cat::CurPre | Cat::FyPre))
        {
            let mid = s + word.chars().count();
            toks.push(Tok::new(Typ::W, s, mid, word, ents));
            return Some((first_digit_b, mid));
        } else {
            toks.push(Tok::new(Typ::X, s, e, run, &[]));
        }
    }
    None
}

/// Bit set of the categories of some entries.
pub fn mask_of(ents: &[(Cat, &'static str)]) -> u64 {
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
