//! Character classes and tables of the Devanagari rules.
//!
//! Every predicate here is an explicit code point list, not a Unicode property
//! lookup, so that the pure-Python twin (`asimtext/pure/normalization.py`) can
//! implement exactly the same sets whatever Unicode version either side has.

pub const NUKTA: char = '\u{093C}';
pub const VIRAMA: char = '\u{094D}';
pub const ANUSVARA: char = '\u{0902}';
pub const CHANDRABINDU: char = '\u{0901}';
pub const DANDA: char = '\u{0964}';
pub const DOUBLE_DANDA: char = '\u{0965}';
pub const ZWNJ: char = '\u{200C}';
pub const ZWJ: char = '\u{200D}';

/// Devanagari combining marks that need a base letter: signs (candrabindu,
/// anusvara, visarga), nukta, dependent vowel signs, virama, stress marks.
#[inline]
pub const fn is_devanagari_mark(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{093C}' | '\u{093E}'..='\u{094F}'
        | '\u{0951}'..='\u{0957}' | '\u{0962}'..='\u{0963}')
}

/// Dependent vowel signs (matras).
#[inline]
pub const fn is_vowel_sign(c: char) -> bool {
    matches!(c, '\u{093A}' | '\u{093B}' | '\u{093E}'..='\u{094C}' | '\u{094E}' | '\u{094F}'
        | '\u{0955}'..='\u{0957}' | '\u{0962}' | '\u{0963}')
}

/// Consonant letters, including the precomposed nukta forms.
#[inline]
pub const fn is_consonant(c: char) -> bool {
    matches!(c, '\u{0915}'..='\u{0939}' | '\u{0958}'..='\u{095F}' | '\u{0978}'..='\u{097F}')
}

/// Letters and marks of the Devanagari block (not digits, dandas or signs like U+0970).
#[inline]
pub fn is_devanagari_letter_or_mark(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0963}' | '\u{0971}'..='\u{097F}')
        && c != DANDA
        && c != DOUBLE_DANDA
}

/// A character of a Devanagari word: the block's letters and signs (not the
/// dandas, digits or U+0970), and ZWNJ/ZWJ, which join inside a word. The
/// word rule of the gazetteer, the cross-script keys and the digest's
/// vocabulary (and of their pure twins).
#[inline]
pub const fn is_word_char(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0963}' | '\u{0971}'..='\u{097F}' | '\u{200C}' | '\u{200D}')
}

/// A character after which a Devanagari mark has no base letter to sit on:
/// white space, ASCII other than letters, Devanagari digits and punctuation,
/// Latin-1 punctuation and symbols, General Punctuation.
#[inline]
pub fn is_non_base(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_alphabetic();
    }
    matches!(c, '\u{0964}'..='\u{0970}' | '\u{00A0}'..='\u{00BF}' | '\u{00D7}' | '\u{00F7}'
        | '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FFFD}')
}

/// Characters removed everywhere: BOM/ZWNBSP, ZWSP, word joiner, soft hyphen,
/// and C0/C1 controls other than tab, newline and carriage return (the white
/// space rules handle those) and the vertical separators treated as white space.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}' | '\u{00AD}'
        | '\u{0000}'..='\u{0008}' | '\u{000E}'..='\u{001B}' | '\u{007F}'..='\u{0084}' | '\u{0086}'..='\u{009F}')
}

/// Horizontal white space that becomes one U+0020: tab, VT, FF, the
/// information separators, space, NBSP and the other Unicode spaces.
#[inline]
pub fn is_horizontal_space(c: char) -> bool {
    matches!(c, '\t' | '\u{000B}' | '\u{000C}' | '\u{001C}'..='\u{001F}' | ' ' | '\u{00A0}' | '\u{1680}'
        | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// Line breaks other than `\r` (which needs a look at the next character):
/// LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. All become `\n`.
#[inline]
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// Devanagari vowel letters written as a letter plus a vowel sign that render
/// like a single vowel letter (Unicode Standard, chapter 12, table 12-1, the
/// Devanagari rows of `DoNotEmit.txt` of type `Indic_Vowel_Letter`):
/// `(letter, sign) -> letter`.
pub const VOWEL_LETTER_SEQUENCES: &[(char, char, char)] = &[
    ('\u{0905}', '\u{0946}', '\u{0904}'), // अ + ॆ -> ऄ
    ('\u{0905}', '\u{093E}', '\u{0906}'), // अ + ा -> आ
    ('\u{0905}', '\u{0949}', '\u{0911}'), // अ + ॉ -> ऑ
    ('\u{0905}', '\u{094A}', '\u{0912}'), // अ + ॊ -> ऒ
    ('\u{0905}', '\u{094B}', '\u{0913}'), // अ + ो -> ओ
    ('\u{0905}', '\u{094C}', '\u{0914}'), // अ + ौ -> औ
    ('\u{0905}', '\u{0945}', '\u{0972}'), // अ + ॅ -> ॲ
    ('\u{0905}', '\u{093A}', '\u{0973}'), // अ + ऺ -> ॳ
    ('\u{0905}', '\u{093B}', '\u{0974}'), // अ + ऻ -> ॴ
    ('\u{0905}', '\u{094F}', '\u{0975}'), // अ + ॏ -> ॵ
    ('\u{0905}', '\u{0956}', '\u{0976}'), // अ + ॖ -> ॶ
    ('\u{0905}', '\u{0957}', '\u{0977}'), // अ + ॗ -> ॷ
    ('\u{0906}', '\u{0945}', '\u{0911}'), // आ + ॅ -> ऑ
    ('\u{0906}', '\u{0946}', '\u{0912}'), // आ + ॆ -> ऒ
    ('\u{0906}', '\u{0947}', '\u{0913}'), // आ + े -> ओ
    ('\u{0906}', '\u{0948}', '\u{0914}'), // आ + ै -> औ
    ('\u{0906}', '\u{093A}', '\u{0974}'), // आ + ऺ -> ॴ
    ('\u{0909}', '\u{0941}', '\u{090A}'), // उ + ु -> ऊ
    ('\u{090F}', '\u{0945}', '\u{090D}'), // ए + ॅ -> ऍ
    ('\u{090F}', '\u{0946}', '\u{090E}'), // ए + ॆ -> ऎ
    ('\u{090F}', '\u{0947}', '\u{0910}'), // ए + े -> ऐ
];

#[inline]
pub fn vowel_letter(letter: char, sign: char) -> Option<char> {
    if !matches!(letter, '\u{0905}' | '\u{0906}' | '\u{0909}' | '\u{090F}') {
        return None;
    }
    VOWEL_LETTER_SEQUENCES
        .iter()
        .find(|&&(l, s, _)| l == letter && s == sign)
        .map(|&(_, _, r)| r)
}

/// The nasal consonant of each class and the consonants of its class
/// (velar, palatal, retroflex, dental, labial).
#[inline]
pub fn nasal_class(c: char) -> Option<u8> {
    match c {
        '\u{0919}' => Some(0), // ङ
        '\u{091E}' => Some(1), // ञ
        '\u{0923}' => Some(2), // ण
        '\u{0928}' => Some(3), // न
        '\u{092E}' => Some(4), // म
        _ => None,
    }
}

#[inline]
pub fn stop_class(c: char) -> Option<u8> {
    match c {
        '\u{0915}'..='\u{0918}' => Some(0), // क ख ग घ
        '\u{091A}'..='\u{091D}' => Some(1), // च छ ज झ
        '\u{091F}'..='\u{0922}' => Some(2), // ट ठ ड ढ
        '\u{0924}'..='\u{0927}' => Some(3), // त थ द ध
        '\u{092A}'..='\u{092D}' => Some(4), // प फ ब भ
        _ => None,
    }
}

/// Consonants that NFC composes with a following nukta (the others of
/// U+0958..U+095F are composition exclusions and stay decomposed).
#[inline]
pub fn compose_nukta(c: char) -> Option<char> {
    match c {
        '\u{0928}' => Some('\u{0929}'),
        '\u{0930}' => Some('\u{0931}'),
        '\u{0933}' => Some('\u{0934}'),
        _ => None,
    }
}

/// The inverse, for the match key (nukta removed).
#[inline]
pub fn strip_nukta(c: char) -> char {
    match c {
        '\u{0929}' => '\u{0928}',
        '\u{0931}' => '\u{0930}',
        '\u{0934}' => '\u{0933}',
        _ => c,
    }
}

/// Quotes folded to `"` in the match key.
#[inline]
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{00AB}' | '\u{00BB}' | '\u{2018}'
            ..='\u{201F}'
                | '\u{2039}'
                | '\u{203A}'
                | '\u{2032}'
                | '\u{2033}'
                | '\u{FF02}'
                | '\u{FF07}'
    )
}

/// Curly quotes and dashes to ASCII (canonical option `ascii_punctuation`).
#[inline]
pub fn ascii_punctuation(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Some('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
        _ => None,
    }
}

/// Devanagari digit to ASCII.
#[inline]
pub fn ascii_digit(c: char) -> Option<char> {
    match c {
        '\u{0966}'..='\u{096F}' => char::from_u32('0' as u32 + (c as u32 - 0x0966)),
        _ => None,
    }
}

/// Latin letters are case-folded (lower-cased) in the match key: Basic Latin,
/// Latin-1, Latin Extended-A/B and Latin Extended Additional.
#[inline]
pub fn is_latin_foldable(c: char) -> bool {
    matches!(c, 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}
