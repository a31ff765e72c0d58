//! Cross-script matching key: one key for a name whether it is written in
//! Devanagari or in Latin letters (`असीम अरुण` / `Asim Arun` / `Aseem Arun` all
//! give `asim arun`; `बीजेपी` / `BJP` both give `BJP`).
//!
//! Pipeline for one word:
//! 1. a Devanagari word is romanized ([`romanize`]): consonants carry an
//!    inherent `a` that is deleted at the end of a word of more than one
//!    syllable and in the context `V C _ C V` (right to left: the usual Hindi
//!    schwa-deletion heuristic); anusvara is `m` before p/b/m, else `n`;
//!    a Latin word is folded to ASCII lower case (common diacritics removed);
//! 2. both go through one phonetic key: `ee`->`i`, `oo`->`u`, `ou`->`au`,
//!    `e` before `r` + consonant -> `a` (Verma, Banerjee),
//!    aspiration dropped (`kh`->`k`, `bh`->`b`, ...), `sh`->`s`, `ph`->`f`,
//!    `ch`->`c`, other `c`->`k`, `w`->`v`, `z`->`j`, `q`->`k`, `x`->`ks`,
//!    medial `rh`->`d` (ढ़), runs collapsed (`aa`, `nn`), a medial `a` in
//!    `V C _ C V` dropped, a final `y` after a consonant and a final `v` after
//!    a vowel dropped, final vowels dropped, final `ng` -> `n`;
//! 3. acronyms get the upper-case key of their letters: a Devanagari word that
//!    splits completely into two or more letter names (`बी`+`जे`+`पी`), a Latin
//!    word of 2..=5 letters written in capitals (`BJP`, `UP`), or a Latin word
//!    of two or more letters without a vowel (`bjp`, `vrs`).
//!
//! Text is tokenized over its match-key normalization
//! ([`crate::normalize::Options::match_key`]); a token is a maximal run of
//! Devanagari letters/signs or of Latin letters (a change of script ends a
//! token). Offsets are code points into the original text; a token ends where
//! the next normalized character starts (the Python `offsets` list convention).
//!
//! The pure-Python twin is `asimtext.pure.xscript`; the two must give
//! identical results (the differential tests check it).

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::normalize::devanagari::is_word_char as is_deva_word_char;
use crate::normalize::{normalize_with_offsets, Normalized, Options};

/// What a token is, for the caller's filtering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// An ordinary word (names are words): lower-case phonetic key.
    Word,
    /// An acronym: upper-case key of its Latin letters.
    Acronym,
    /// A Hindi or English function word.
    Stop,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Word => "word",
            Kind::Acronym => "acronym",
            Kind::Stop => "stop",
        }
    }
}

/// One token of a text: code point span in the original text, key and kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub key: String,
    pub kind: Kind,
}

// ---------------------------------------------------------------- Latin letters

/// (base letter, lower-case forms, upper-case forms); same order of chars in both.
const FOLD_GROUPS: &[(u8, &str, &str)] = &[
    (b'a', "àáâãäåāăą", "ÀÁÂÃÄÅĀĂĄ"),
    (b'c', "çćč", "ÇĆČ"),
    (b'd', "ḍďđ", "ḌĎĐ"),
    (b'e', "èéêëēėęě", "ÈÉÊËĒĖĘĚ"),
    (b'g', "ğ", "Ğ"),
    (b'h', "ḥ", "Ḥ"),
    (b'i', "ìíîïīįı", "ÌÍÎÏĪĮİ"),
    (b'l', "łľĺḷ", "ŁĽĹḶ"),
    (b'm', "ṃṁ", "ṂṀ"),
    (b'n', "ñńňṅṇ", "ÑŃŇṄṆ"),
    (b'o', "òóôõöøōő", "ÒÓÔÕÖØŌŐ"),
    (b'r', "ṛṝřŕ", "ṚṜŘŔ"),
    (b's', "śşšṣ", "ŚŞŠṢ"),
    (b't', "ṭť", "ṬŤ"),
    (b'u', "ùúûüūůű", "ÙÚÛÜŪŮŰ"),
    (b'y', "ýÿ", "ÝŸ"),
    (b'z', "žźż", "ŽŹŻ"),
];

/// The ASCII lower-case letter a Latin letter folds to, and whether it is
/// lower case; `None` for anything else.
#[inline]
fn latin_fold(c: char) -> Option<(u8, bool)> {
    match c {
        'a'..='z' => Some((c as u8, true)),
        'A'..='Z' => Some((c.to_ascii_lowercase() as u8, false)),
        c if (c as u32) < 0xC0 => None,
        c => {
            for &(base, lower, upper) in FOLD_GROUPS {
                if lower.contains(c) {
                    return Some((base, true));
                }
                if upper.contains(c) {
                    return Some((base, false));
                }
            }
            None
        }
    }
}

#[inline]
fn is_latin(c: char) -> bool {
    latin_fold(c).is_some()
}

/// A Latin letter of a token (what [`tokens`] cuts Latin words from).
pub fn is_latin_letter(c: char) -> bool {
    is_latin(c)
}

/// The ASCII letter a Latin letter folds to (the key reads only these), and
/// whether it is lower case; `None` for anything else.
pub fn latin_base(c: char) -> Option<(u8, bool)> {
    latin_fold(c)
}

// ---------------------------------------------------------------- Devanagari

fn consonant(c: char) -> Option<&'static str> {
    Some(match c {
        'क' => "k",
        'ख' => "kh",
        'ग' => "g",
        'घ' => "gh",
        'ङ' => "n",
        'च' => "ch",
        'छ' => "chh",
        'ज' => "j",
        'झ' => "jh",
        'ञ' => "n",
        'ट' => "t",
        'ठ' => "th",
        'ड' => "d",
        'ढ' => "dh",
        'ण' => "n",
        'त' => "t",
        'थ' => "th",
        'द' => "d",
        'ध' => "dh",
        'न' => "n",
        'ऩ' => "n",
        'प' => "p",
        'फ' => "ph",
        'ब' => "b",
        'भ' => "bh",
        'म' => "m",
        'य' => "y",
        'र' => "r",
        'ऱ' => "r",
        'ल' => "l",
        'ळ' => "l",
        'ऴ' => "l",
        'व' => "v",
        'श' => "sh",
        'ष' => "sh",
        'स' => "s",
        'ह' => "h",
        '\u{0958}' => "q",
        '\u{0959}' => "kh",
        '\u{095A}' => "g",
        '\u{095B}' => "z",
        '\u{095C}' => "r",
        '\u{095D}' => "rh",
        '\u{095E}' => "f",
        '\u{095F}' => "y",
        '\u{0979}' => "z",
        '\u{097A}' => "y",
        '\u{097B}' => "g",
        '\u{097C}' => "j",
        '\u{097E}' => "d",
        '\u{097F}' => "b",
        _ => return None,
    })
}

/// Consonant + nukta (U+093C): the sound of the precomposed letter.
fn nukta_sound(c: char) -> Option<&'static str> {
    Some(match c {
        'क' => "q",
        'ज' => "z",
        'ड' => "r",
        'ढ' => "rh",
        'फ' => "f",
        _ => return None,
    })
}

fn independent_vowel(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{0904}' | 'अ' => "a",
        'आ' => "aa",
        'इ' => "i",
        'ई' => "ee",
        'उ' => "u",
        'ऊ' => "oo",
        'ऋ' | '\u{0960}' => "ri",
        'ऌ' | '\u{0961}' => "li",
        'ऍ' | 'ऎ' | 'ए' => "e",
        'ऐ' => "ai",
        'ऑ' | 'ऒ' | 'ओ' => "o",
        'औ' => "au",
        '\u{0972}' | '\u{0973}' => "a",
        '\u{0974}' => "aa",
        '\u{0975}' => "au",
        '\u{0976}' => "u",
        '\u{0977}' => "oo",
        _ => return None,
    })
}

fn matra(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{093A}' => "e",
        '\u{093B}' => "ee",
        'ा' => "aa",
        'ि' => "i",
        'ी' => "ee",
        'ु' => "u",
        'ू' => "oo",
        'ृ' | 'ॄ' => "ri",
        'ॅ' | 'ॆ' | 'े' => "e",
        'ै' => "ai",
        'ॉ' | 'ॊ' | 'ो' => "o",
        'ौ' => "au",
        '\u{094E}' | '\u{0955}' => "e",
        '\u{094F}' => "au",
        '\u{0956}' => "u",
        '\u{0957}' => "oo",
        '\u{0962}' | '\u{0963}' => "li",
        _ => return None,
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SegKind {
    Cons,
    Vowel,
    Schwa,
    Nasal,
}

#[derive(Clone, Copy, Debug)]
struct Seg {
    kind: SegKind,
    roman: &'static str,
    /// The consonant letter (for nukta); '\0' if none.
    letter: char,
}

impl Seg {
    fn is_vowelish(&self) -> bool {
        matches!(self.kind, SegKind::Vowel | SegKind::Schwa)
    }
}

/// Reusable buffers: one per call of [`tokens`], none per word.
#[derive(Default)]
struct Scratch {
    segs: Vec<Seg>,
    roman: Vec<u8>,
    syms: Vec<u8>,
    tmp: Vec<u8>,
    word: String,
    letters: Vec<u8>,
    chars: Vec<char>,
}

/// Romanize one Devanagari word into `sc.roman` (ASCII lower case).
fn romanize_word_into(word: &[char], sc: &mut Scratch) {
    let segs = &mut sc.segs;
    segs.clear();
    for &ch in word {
        if let Some(r) = consonant(ch) {
            segs.push(Seg {
                kind: SegKind::Cons,
                roman: r,
                letter: ch,
            });
            segs.push(Seg {
                kind: SegKind::Schwa,
                roman: "a",
                letter: '\0',
            });
        } else if let Some(r) = matra(ch) {
            let v = Seg {
                kind: SegKind::Vowel,
                roman: r,
                letter: '\0',
            };
            match segs.last_mut() {
                Some(last) if last.kind == SegKind::Schwa => *last = v,
                _ => segs.push(v),
            }
        } else if let Some(r) = independent_vowel(ch) {
            segs.push(Seg {
                kind: SegKind::Vowel,
                roman: r,
                letter: '\0',
            });
        } else {
            match ch {
                '\u{094D}' if segs.last().is_some_and(|s| s.kind == SegKind::Schwa) => {
                    segs.pop();
                }
                '\u{093C}' => {
                    let n = segs.len();
                    let idx = match segs.last() {
                        Some(s) if s.kind == SegKind::Schwa && n >= 2 => Some(n - 2),
                        Some(s) if s.kind == SegKind::Cons => Some(n - 1),
                        _ => None,
                    };
                    if let Some(k) = idx {
                        let c = &mut segs[k];
                        if c.kind == SegKind::Cons {
                            if let Some(r) = nukta_sound(c.letter) {
                                c.roman = r;
                            }
                        }
                    }
                }
                '\u{0900}' | '\u{0901}' | '\u{0902}' => segs.push(Seg {
                    kind: SegKind::Nasal,
                    roman: "",
                    letter: '\0',
                }),
                '\u{0903}' => segs.push(Seg {
                    kind: SegKind::Cons,
                    roman: "h",
                    letter: '\0',
                }),
                '\u{0950}' => {
                    segs.push(Seg {
                        kind: SegKind::Vowel,
                        roman: "o",
                        letter: '\0',
                    });
                    segs.push(Seg {
                        kind: SegKind::Cons,
                        roman: "m",
                        letter: '\0',
                    });
                }
                _ => {}
            }
        }
    }
    // final schwa: deleted when another vowel precedes it
    let n = segs.len();
    if n >= 2 && segs[n - 1].kind == SegKind::Schwa && segs[..n - 1].iter().any(Seg::is_vowelish) {
        segs.pop();
    }
    // medial schwa in V C _ C V, right to left
    if segs.len() >= 2 {
        let mut i = segs.len() - 2;
        while i >= 2 {
            if segs[i].kind == SegKind::Schwa
                && segs[i - 1].kind == SegKind::Cons
                && segs[i - 2].is_vowelish()
                && i + 2 < segs.len()
                && segs[i + 1].kind == SegKind::Cons
                && segs[i + 2].is_vowelish()
            {
                segs.remove(i);
            }
            i -= 1;
        }
    }
    sc.roman.clear();
    for (j, s) in segs.iter().enumerate() {
        if s.kind == SegKind::Nasal {
            let labial = segs.get(j + 1).is_some_and(|nx| {
                nx.kind == SegKind::Cons
                    && matches!(nx.roman.as_bytes().first(), Some(b'p' | b'b' | b'm' | b'f'))
            });
            sc.roman.push(if labial { b'm' } else { b'n' });
        } else {
            sc.roman.extend_from_slice(s.roman.as_bytes());
        }
    }
}

/// Romanize the Devanagari words of `text`; other characters are kept
/// (`"असीम अरुण"` -> `"aseem arun"`). No normalization is applied.
pub fn romanize(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut sc = Scratch::default();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if is_deva_word_char(chars[i]) {
            let mut j = i + 1;
            while j < chars.len() && is_deva_word_char(chars[j]) {
                j += 1;
            }
            romanize_word_into(&chars[i..j], &mut sc);
            // romanization output is ASCII
            out.extend(sc.roman.iter().map(|&b| b as char));
            i = j;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------- phonetic key

#[inline]
fn is_vowel_sym(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn collapse(v: &mut Vec<u8>) {
    v.dedup();
}

/// Phonetic key of the lower-case ASCII `s`, written to `out` (cleared first).
fn phonetic_into(s: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let n = s.len();
    let mut i = 0;
    while i < n {
        let c = s[i];
        let nxt = if i + 1 < n { s[i + 1] } else { 0 };
        match c {
            b'a' | b'i' | b'u' => {
                out.push(c);
                i += 1;
                continue;
            }
            b'e' => {
                if nxt == b'e' {
                    out.push(b'i');
                    i += 2;
                } else if nxt == b'r' && i + 2 < n && !b"aeiouy".contains(&s[i + 2]) {
                    // inherent a written e before r + consonant (verma, banerjee)
                    out.push(b'a');
                    i += 1;
                } else {
                    out.push(b'e');
                    i += 1;
                }
                continue;
            }
            b'o' => {
                if nxt == b'o' {
                    out.push(b'u');
                    i += 2;
                } else if nxt == b'u' {
                    out.extend_from_slice(b"au");
                    i += 2;
                } else {
                    out.push(b'o');
                    i += 1;
                }
                continue;
            }
            b'h' => {
                out.push(b'h');
                i += 1;
                continue;
            }
            b'a'..=b'z' => {}
            _ => {
                i += 1;
                continue;
            }
        }
        // consonants
        match c {
            b'c' if nxt == b'h' => {
                out.push(b'c');
                i += 2;
            }
            b'c' => {
                out.push(b'k');
                i += 1;
            }
            b'p' if nxt == b'h' => {
                out.push(b'f');
                i += 2;
            }
            b'r' if nxt == b'h' && i > 0 => {
                out.push(b'd');
                i += 2;
            }
            b'w' => {
                out.push(b'v');
                i += 1;
            }
            b'z' => {
                out.push(b'j');
                i += 1;
            }
            b'q' => {
                out.push(b'k');
                i += 1;
            }
            b'x' => {
                out.extend_from_slice(b"ks");
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
        // aspiration (and the h of sh/ch/ph/kh...) after a consonant is dropped
        while i < n && s[i] == b'h' {
            i += 1;
        }
    }
    collapse(out);
    // final y: a vowel after a consonant (party, chaudhary), silent after e (pandey)
    let len = out.len();
    if len >= 2 && out[len - 1] == b'y' {
        if !is_vowel_sym(out[len - 2]) {
            out[len - 1] = b'i';
        } else if out[len - 2] == b'e' {
            out.pop();
        }
    }
    // medial short a in V C _ C V is dropped (schwa deletion, both scripts)
    if out.len() >= 5 {
        let mut i = out.len() - 3;
        while i >= 2 {
            if out[i] == b'a'
                && !is_vowel_sym(out[i - 1])
                && is_vowel_sym(out[i - 2])
                && !is_vowel_sym(out[i + 1])
                && is_vowel_sym(out[i + 2])
            {
                out.remove(i);
            }
            i -= 1;
        }
    }
    collapse(out);
    // final v after a vowel is a vowel (rao/raav, unnao/unnaav)
    let len = out.len();
    if len >= 2 && out[len - 1] == b'v' && is_vowel_sym(out[len - 2]) {
        out.pop();
    }
    // final vowels
    while out.len() > 1 && is_vowel_sym(out[out.len() - 1]) {
        out.pop();
    }
    // final y after a consonant is a vowel (party/paartee, madhya/madhy)
    let len = out.len();
    if len >= 2 && out[len - 1] == b'y' && !is_vowel_sym(out[len - 2]) {
        out.pop();
        while out.len() > 1 && is_vowel_sym(out[out.len() - 1]) {
            out.pop();
        }
    }
    let len = out.len();
    if len > 2 && out[len - 1] == b'g' && out[len - 2] == b'n' {
        out.pop();
    }
}

// ---------------------------------------------------------------- acronyms

/// Devanagari spellings of the Latin letter names (match-key form).
const LETTER_NAMES: &[(&str, u8)] = &[
    ("ए", b'A'),
    ("बी", b'B'),
    ("सी", b'C'),
    ("डी", b'D'),
    ("ई", b'E'),
    ("एफ", b'F'),
    ("जी", b'G'),
    ("एच", b'H'),
    ("आई", b'I'),
    ("जे", b'J'),
    ("के", b'K'),
    ("एल", b'L'),
    ("एम", b'M'),
    ("एन", b'N'),
    ("ओ", b'O'),
    ("पी", b'P'),
    ("क्यू", b'Q'),
    ("आर", b'R'),
    ("एस", b'S'),
    ("टी", b'T'),
    ("यू", b'U'),
    ("वी", b'V'),
    ("डब्ल्यू", b'W'),
    ("डब्लू", b'W'),
    ("डबल्यू", b'W'),
    ("एक्स", b'X'),
    ("वाई", b'Y'),
    ("जेड", b'Z'),
    ("ज\u{093C}ेड", b'Z'),
    ("\u{095B}ेड", b'Z'),
    // short-vowel spellings (and the fold of vowel length)
    ("बि", b'B'),
    ("सि", b'C'),
    ("डि", b'D'),
    ("जि", b'G'),
    ("पि", b'P'),
    ("टि", b'T'),
    ("वि", b'V'),
    ("यु", b'U'),
    ("क्यु", b'Q'),
    ("आइ", b'I'),
    ("वाइ", b'Y'),
];

const MAX_ACRONYM_CHARS: usize = 32;

/// Letter names as char vectors, longest first (stable: table order on ties).
fn letter_names() -> &'static [(Vec<char>, u8)] {
    static NAMES: OnceLock<Vec<(Vec<char>, u8)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut v: Vec<(Vec<char>, u8)> = LETTER_NAMES
            .iter()
            .map(|(s, l)| (s.chars().collect(), *l))
            .collect();
        v.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        v
    })
}

fn acronym_dfs(w: &[char], pos: usize, out: &mut Vec<u8>, failed: &mut u64) -> bool {
    if pos == w.len() {
        return true;
    }
    if *failed & (1u64 << pos) != 0 {
        return false;
    }
    for (name, letter) in letter_names() {
        if name[0] == w[pos] && w[pos..].starts_with(name) {
            out.push(*letter);
            if acronym_dfs(w, pos + name.len(), out, failed) {
                return true;
            }
            out.pop();
        }
    }
    *failed |= 1u64 << pos;
    false
}

/// Letters of a Devanagari acronym (`बीजेपी` -> `BJP`) into `out`; false if the
/// word does not split completely into at least two letter names.
fn deva_acronym(word: &[char], chars: &mut Vec<char>, out: &mut Vec<u8>) -> bool {
    chars.clear();
    chars.extend(
        word.iter()
            .copied()
            .filter(|&c| c != '\u{200C}' && c != '\u{200D}'),
    );
    out.clear();
    if chars.len() < 2 || chars.len() > MAX_ACRONYM_CHARS {
        return false;
    }
    // every letter name starts with one of these (a cheap early exit)
    if !matches!(
        chars[0],
        'ए' | 'ब'
            | 'स'
            | 'ड'
            | 'ई'
            | 'ज'
            | 'आ'
            | 'क'
            | 'ओ'
            | 'प'
            | 'य'
            | 'ट'
            | 'व'
            | '\u{095B}'
    ) {
        return false;
    }
    let mut failed = 0u64;
    acronym_dfs(chars, 0, out, &mut failed) && out.len() >= 2
}

// ---------------------------------------------------------------- stop-words

const HINDI_STOP: &str = "
के का की को में से ने पर है हैं था थे थी थीं और या एवं तथा व भी ही तो न नहीं ना नही कि
जो जिस जिसे जिसके जिसकी जिसका जिन जिन्हें जिन्होंने यह वह ये वो वे इस उस इसे उसे इसके उसके
इसकी उसकी इसका उसका इन उन इन्हें उन्हें इनके उनके इनकी उनकी इनका उनका इनको उनको उन्होंने
इन्होंने इसी उसी यही वही इसमें उसमें इससे उससे इसलिए एक हो होने होना होता होती होते हुआ हुई
हुए हुईं गया गई गए गयी गये कर करने करना करता करती करते करें करेंगे करेगा करके किया किए किये
कहा कहते कहना दिया दी दिए दे दें देने देते लिया ली लिए ले लें लेने लेकर जा जाता जाती जाते
जाने जाना जाएगा जाएगी रहा रहे रही रहीं साथ बाद तक अपने अपनी अपना मैं मैंने हम हमने आप आपने
तुम मेरा मेरे मेरी हमारा हमारे हमारी आपका आपके आपकी सब सभी कुछ कई कैसे कैसा कैसी क्या कब
कहां कौन जब तब अब यहां वहां लेकिन परंतु किंतु मगर फिर बहुत जी श्री द्वारा वाले वाला वाली
चुके चुका चुकी सकते सकता सकती सके गा गी गे उसने इसने ऐसे ऐसा ऐसी जैसे जैसा जैसी होकर
यानी बल्कि अगर यदि तरह लिये वहीं यहीं डॉ
";

const ENGLISH_STOP: &str = "
a an the of in on at to for from by with without and or but nor not no is are was were be
been being am has have had do does did done he she it its his her hers him they them their
theirs we us our ours you your yours i me my mine this that these those as which who whom
whose what when where why how also so than then there here will would shall should can
could may might must if into onto over under about after before during between up down out
off just only more most such all any each other some very said says via per while since
until against through both again further once same own too because s t st nd rd th ll ve
re d m mr mrs ms dr
";

/// FNV-1a: a fast hasher for the short keys of the stop-word set (the set is
/// only probed, never iterated, so no order leaks out of it).
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type StopSet = HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;

fn stopwords() -> &'static StopSet {
    static SET: OnceLock<StopSet> = OnceLock::new();
    SET.get_or_init(|| {
        HINDI_STOP
            .split_whitespace()
            .chain(ENGLISH_STOP.split_whitespace())
            .collect()
    })
}

/// True if `word` (in its match-key form: Latin lower case, no nukta) is a
/// Hindi or English stop-word.
pub fn is_stopword(word: &str) -> bool {
    stopwords().contains(word)
}

// ---------------------------------------------------------------- tokens

/// Key and kind of one token `tok` of the normalized text; `has_lower` tells
/// whether the original text it came from has a lower-case Latin letter (it is
/// called at most once, for Latin tokens of 2..=5 letters). The key goes to `key`.
fn classify(
    tok: &[char],
    deva: bool,
    sc: &mut Scratch,
    key: &mut String,
    has_lower: impl FnOnce() -> bool,
) -> Kind {
    key.clear();
    sc.word.clear();
    if deva {
        sc.word.extend(tok.iter());
        let stop = is_stopword(&sc.word);
        if !stop && deva_acronym(tok, &mut sc.chars, &mut sc.letters) {
            key.extend(sc.letters.iter().map(|&b| b as char));
            return Kind::Acronym;
        }
        romanize_word_into(tok, sc);
        phonetic_into(&sc.roman, &mut sc.syms);
        key.extend(sc.syms.iter().map(|&b| b as char));
        return if stop { Kind::Stop } else { Kind::Word };
    }
    sc.tmp.clear();
    sc.tmp
        .extend(tok.iter().filter_map(|&c| latin_fold(c).map(|(b, _)| b)));
    let n = sc.tmp.len();
    if (2..=5).contains(&n) && !has_lower() {
        key.extend(sc.tmp.iter().map(|&b| b.to_ascii_uppercase() as char));
        return Kind::Acronym;
    }
    // the folded word is ASCII
    sc.word.extend(sc.tmp.iter().map(|&b| b as char));
    if is_stopword(&sc.word) {
        phonetic_into(&sc.tmp, &mut sc.syms);
        key.extend(sc.syms.iter().map(|&b| b as char));
        return Kind::Stop;
    }
    if n >= 2 && !sc.tmp.iter().any(|b| b"aeiouy".contains(b)) {
        key.extend(sc.tmp.iter().map(|&b| b.to_ascii_uppercase() as char));
        return Kind::Acronym;
    }
    phonetic_into(&sc.tmp, &mut sc.syms);
    key.extend(sc.syms.iter().map(|&b| b as char));
    Kind::Word
}

/// Forward-only cursor over the code points of the original text (tokens come
/// in order, so one pass over it serves all case checks).
struct OrigCursor<'a> {
    text: &'a str,
    it: std::str::Chars<'a>,
    pos: usize,
}

impl OrigCursor<'_> {
    /// True if a lower-case Latin letter occurs in code points `[s, e)`.
    fn has_lower_latin(&mut self, s: usize, e: usize) -> bool {
        if s < self.pos {
            // a normalization that reorders could map a later token to an
            // earlier input position: start over (rare, still correct)
            self.it = self.text.chars();
            self.pos = 0;
        }
        if self.pos < s {
            // skip s - pos code points (Chars::nth counts bytes, fast)
            if self.it.nth(s - self.pos - 1).is_none() {
                self.pos = usize::MAX;
                return false;
            }
            self.pos = s;
        }
        let mut found = false;
        while self.pos < e {
            match self.it.next() {
                Some(c) => {
                    self.pos += 1;
                    if matches!(latin_fold(c), Some((_, true))) {
                        found = true;
                    }
                }
                None => break,
            }
        }
        found
    }
}

/// Buffers [`classify_word`] reuses from word to word.
#[derive(Default)]
pub struct WordScratch(Scratch);

/// Key and kind of one token of the match key (`tok`: its characters; `deva`:
/// a Devanagari token; `has_lower`: whether the original text of a Latin token
/// holds a lower-case letter), as [`tokens`] gives them. The key goes to `key`.
pub fn classify_word(
    tok: &[char],
    deva: bool,
    has_lower: bool,
    sc: &mut WordScratch,
    key: &mut String,
) -> Kind {
    classify(tok, deva, &mut sc.0, key, || has_lower)
}

/// Scan `text`, calling `f(start, end, key, kind)` for every token with a
/// non-empty key, in order.
fn scan(text: &str, f: impl FnMut(usize, usize, &str, Kind)) {
    scan_normalized(
        text,
        &normalize_with_offsets(text, &Options::match_key()),
        f,
    )
}

/// [`scan`] over the match key of `text` already made (`norm`).
pub fn scan_normalized(text: &str, norm: &Normalized, mut f: impl FnMut(usize, usize, &str, Kind)) {
    let chars: Vec<char> = norm.text.chars().collect();
    let mut orig = OrigCursor {
        text,
        it: text.chars(),
        pos: 0,
    };
    let mut sc = Scratch::default();
    let mut key = String::new();
    let n = chars.len();
    let input_len = norm.input_len as usize;
    // the input position where output char j starts (input length at the end)
    let start_of = |j: usize| -> usize {
        if j < norm.starts.len() {
            norm.starts[j] as usize
        } else {
            input_len
        }
    };
    let mut i = 0;
    let mut prev_end = 0;
    while i < n {
        let c = chars[i];
        let deva = if is_deva_word_char(c) {
            true
        } else if is_latin(c) {
            false
        } else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        if deva {
            while j < n && is_deva_word_char(chars[j]) {
                j += 1;
            }
        } else {
            while j < n && is_latin(chars[j]) {
                j += 1;
            }
        }
        // Never before the end of the previous token: NFC gives reordered
        // marks the range of their whole run, so two tokens can start there.
        let s = start_of(i).min(input_len).max(prev_end);
        // The end is where the next output character from another input
        // character starts (İ lower-cases to i + U+0307, both from one input).
        let mut k = j;
        while k < n && start_of(k) <= start_of(j - 1) {
            k += 1;
        }
        let e = start_of(k).min(input_len).max(s);
        let kind = classify(&chars[i..j], deva, &mut sc, &mut key, || {
            orig.has_lower_latin(s, e)
        });
        if !key.is_empty() && s < e {
            f(s, e, &key, kind);
            prev_end = e;
        }
        i = j;
    }
}

/// All tokens of `text` with their keys and kinds (stop-words included).
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    scan(text, |start, end, key, kind| {
        out.push(Token {
            start,
            end,
            key: key.to_string(),
            kind,
        })
    });
    out
}

/// `(start, end, key)` of the words of `text` (code points into `text`);
/// stop-words only if `stopwords` is true.
pub fn keys(text: &str, stopwords: bool) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    scan(text, |start, end, key, kind| {
        if stopwords || kind != Kind::Stop {
            out.push((start, end, key.to_string()));
        }
    });
    out
}

/// The cross-script key of `word`; if it holds several tokens, their keys
/// (stop-words included) joined by one space. Empty if it holds no letters.
pub fn key(word: &str) -> String {
    let mut out = String::new();
    scan(word, |_, _, key, _| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(key);
    });
    out
}

#[cfg(test)]
mod tests;
