//! Normalization of text held as UCS-2 code units: the 2-byte form in which
//! CPython stores any string whose code points are all in the BMP and not
//! all below U+0100 (PEP 393), which is every Hindi string.
//!
//! Why a second entry point: going through UTF-8 costs a full encode of the
//! input and a full decode of the output, which is as much time as the
//! normalization itself. Here a clean line (the same test as
//! [`fast::clean_len`], done on the code units) is copied as it is, and only
//! the other lines are converted to UTF-8 and put through [`normalize`],
//! one line at a time. Lines are independent for every rule (see `process`),
//! so the result is the same as normalizing the whole text at once; the
//! tests below and the Python differential tests hold this to account.

use super::devanagari::*;
use super::fast::{
    self, DEV, DIGIT, DIRTY, MARK, PREV, P_BASE, P_DANDA, P_INDEP, P_PLAIN_CONS, P_SPACE, VSIGN,
};
use super::fix::{self, Ucs2Output};
use super::{normalize, normalize_with_offsets, Form, Options};
use crate::ucs::{first_surrogate, ucs2_from_utf8, utf8_from_ucs2};

/// What [`normalize_ucs2`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ucs2Outcome {
    /// The text is already in normal form: the output is the input.
    Unchanged,
    /// The normalized text (every code point in the BMP).
    Changed(Vec<u16>),
    /// The input holds a surrogate code unit (in a Python string, a lone
    /// surrogate) or the output has a code point beyond the BMP: use the
    /// UTF-8 entry point, which reports or handles both.
    Unsupported,
}

/// Normalize text given as UCS-2 code units (each unit one code point).
pub fn normalize_ucs2(src: &[u16], opts: &Options) -> Ucs2Outcome {
    super::count_text();
    if opts.fix_mojibake {
        // No clean lines to skip (mojibake repair touches almost every
        // line): convert the whole text once.
        return whole_text(src, opts);
    }
    if opts.form == Form::Match {
        // The match folds touch almost every line: the one-pass path runs on
        // the code units themselves.
        if first_surrogate(src).is_some() {
            return Ucs2Outcome::Unsupported;
        }
        let mut out = Ucs2Output {
            text: Vec::with_capacity(src.len()),
            starts: Vec::new(),
        };
        if !lines::<false, true>(src, opts, &mut out) {
            return Ucs2Outcome::Unsupported;
        }
        return if out.text == src {
            Ucs2Outcome::Unchanged
        } else {
            Ucs2Outcome::Changed(out.text)
        };
    }
    let mut out: Option<Vec<u16>> = None;
    let mut copied = 0usize; // src[..copied] is already in `out`
    let mut scratch = String::new();
    let mut line_out: Vec<u16> = Vec::new();
    let mut pos = 0usize;
    let n = src.len();
    while pos < n {
        let rest = &src[pos..];
        let (state, stop) = match opts.form {
            Form::Nfc => nfc_line_state(rest),
            _ => canonical_line_state(rest, opts),
        };
        // A clean line's test stopped at its end; a dirty one's anywhere in it.
        let line_end = match state {
            Line::Clean => pos + stop,
            _ => pos + stop + find_newline(&rest[stop..]).unwrap_or(rest.len() - stop),
        };
        let chunk_end = if line_end < n { line_end + 1 } else { n };
        match state {
            Line::Surrogate => return Ucs2Outcome::Unsupported,
            Line::Clean => {}
            Line::Dirty => {
                let chunk = &src[pos..chunk_end];
                if utf8_from_ucs2(chunk, &mut scratch).is_err() {
                    return Ucs2Outcome::Unsupported;
                }
                let norm = normalize(&scratch, opts);
                if !ucs2_from_utf8(&norm, &mut line_out) {
                    return Ucs2Outcome::Unsupported;
                }
                if line_out != chunk {
                    let o = out.get_or_insert_with(|| Vec::with_capacity(n));
                    o.extend_from_slice(&src[copied..pos]);
                    o.extend_from_slice(&line_out);
                    copied = chunk_end;
                }
            }
        }
        pos = chunk_end;
    }
    match out {
        None => Ucs2Outcome::Unchanged,
        Some(mut o) => {
            o.extend_from_slice(&src[copied..]);
            Ucs2Outcome::Changed(o)
        }
    }
}

/// Normalize UCS-2 code units and give, for each output code unit, the index
/// of the input code unit it came from, plus one closing entry (`src.len()`):
/// what `normalize_with_offsets` returns, without going through UTF-8.
/// `None` when the UTF-8 entry point must do it: a surrogate in the input, a
/// code point beyond the BMP in the output, the NFC form or mojibake repair.
pub fn normalize_ucs2_with_offsets(src: &[u16], opts: &Options) -> Option<(Vec<u16>, Vec<u32>)> {
    super::count_text();
    if opts.fix_mojibake || opts.form == Form::Nfc || first_surrogate(src).is_some() {
        return None;
    }
    let mut out = Ucs2Output {
        text: Vec::with_capacity(src.len()),
        starts: Vec::with_capacity(src.len() + 1),
    };
    let done = match opts.form {
        Form::Match => lines::<true, true>(src, opts, &mut out),
        _ => lines::<true, false>(src, opts, &mut out),
    };
    if !done {
        return None;
    }
    out.starts.push(src.len() as u32);
    Some((out.text, out.starts))
}

/// The canonical form (`MATCH` false) or the match key of text without
/// surrogates, line by line as `super::lines` does it: the one-pass path on
/// the code units, and for a line it leaves, the full stages through UTF-8.
/// False when the output has a code point beyond the BMP.
fn lines<const TRACK: bool, const MATCH: bool>(
    src: &[u16],
    opts: &Options,
    out: &mut Ucs2Output,
) -> bool {
    let mut scratch = String::new();
    let mut line_out: Vec<u16> = Vec::new();
    let mut pos = 0usize;
    while pos < src.len() {
        let rest = &src[pos..];
        // In UCS-2 a code unit is a code point: `pos` is also the offset.
        let base = pos as u32;
        if let Some((units, _)) = fix::fix_next_line_ucs2::<TRACK, MATCH>(rest, base, opts, out) {
            pos += units;
            continue;
        }
        let end = find_newline(rest).map_or(rest.len(), |k| k + 1);
        if utf8_from_ucs2(&rest[..end], &mut scratch).is_err() {
            return false;
        }
        if TRACK {
            let n = normalize_with_offsets(&scratch, opts);
            if !ucs2_from_utf8(&n.text, &mut line_out) {
                return false;
            }
            out.starts.extend(n.starts.iter().map(|&s| s + base));
        } else if !ucs2_from_utf8(&normalize(&scratch, opts), &mut line_out) {
            return false;
        }
        out.text.extend_from_slice(&line_out);
        pos += end;
    }
    true
}

fn whole_text(src: &[u16], opts: &Options) -> Ucs2Outcome {
    let mut text = String::new();
    if utf8_from_ucs2(src, &mut text).is_err() {
        return Ucs2Outcome::Unsupported;
    }
    let norm = normalize(&text, opts);
    let mut out = Vec::new();
    if !ucs2_from_utf8(&norm, &mut out) {
        return Ucs2Outcome::Unsupported;
    }
    if out == src {
        return Ucs2Outcome::Unchanged;
    }
    Ucs2Outcome::Changed(out)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    Clean,
    Dirty,
    /// A surrogate code unit somewhere in the line.
    Surrogate,
}

/// Index of the first `\n` in `units`, 16 units at a time (vectorized).
fn find_newline(units: &[u16]) -> Option<usize> {
    let mut base = 0;
    for block in units.chunks(16) {
        if block
            .iter()
            .fold(false, |acc, &u| acc | (u == b'\n' as u16))
        {
            return block
                .iter()
                .position(|&u| u == b'\n' as u16)
                .map(|k| base + k);
        }
        base += block.len();
    }
    None
}

/// [`fast::clean_len`] on code units, for the line at the start of `rest`:
/// `Clean` exactly when `clean_len` of the line's UTF-8 is `Some`, with the
/// index of the line's end (its `\n`, or `rest.len()`); `Dirty` or
/// `Surrogate` with the index where the test stopped (a dirty line's
/// surrogates, if any, are found when it is converted).
fn canonical_line_state(rest: &[u16], opts: &Options) -> (Line, usize) {
    let careful = MARK | DIRTY | if opts.ascii_digits { DIGIT } else { 0 };
    let (start, mut prev) = blocks_clean_prefix(rest, opts.ascii_digits);
    for (i, &u) in rest.iter().enumerate().skip(start) {
        if u < 0x80 {
            let x = u as u8;
            if x.is_ascii_alphanumeric() {
                prev = if x.is_ascii_alphabetic() { P_BASE } else { 0 };
            } else {
                match x {
                    // (After a clean prefix of blocks, a space may end the line.)
                    b'\n' if i > 0 && prev == P_SPACE => return (Line::Dirty, i - 1),
                    b'\n' => return (Line::Clean, i),
                    b' ' => {
                        let at_end = rest.get(i + 1).is_none_or(|&v| v == b'\n' as u16);
                        if prev & P_SPACE != 0 || at_end {
                            return (Line::Dirty, i);
                        }
                        prev = P_SPACE;
                    }
                    b'|' => return (Line::Dirty, i),
                    _ if x < 0x20 || x == 0x7F => return (Line::Dirty, i),
                    _ => prev = 0,
                }
            }
            continue;
        }
        if (0x0900..0x0980).contains(&u) {
            let idx = (u - 0x0900) as usize;
            let f = DEV[idx];
            if f & careful != 0 {
                if f & (DIRTY | DIGIT) != 0 {
                    return (Line::Dirty, i);
                }
                if prev & P_BASE == 0
                    || (f & VSIGN != 0 && prev & P_INDEP != 0)
                    || (idx == 0x3C && prev & P_PLAIN_CONS == 0)
                {
                    return (Line::Dirty, i);
                }
            }
            let p = PREV[idx];
            if p & prev & P_DANDA != 0 {
                return (Line::Dirty, i);
            }
            prev = p;
            continue;
        }
        let Some(c) = char::from_u32(u as u32) else {
            return (Line::Surrogate, i);
        };
        if is_invisible(c) || is_horizontal_space(c) || is_line_break(c) || c == ZWJ || c == ZWNJ {
            return (Line::Dirty, i);
        }
        if is_devanagari_mark(c) || fast::needs_nfc(None, c) {
            return (Line::Dirty, i);
        }
        if opts.ascii_punctuation && ascii_punctuation(c).is_some() {
            return (Line::Dirty, i);
        }
        prev = if is_non_base(c) { 0 } else { P_BASE };
    }
    if !rest.is_empty() && prev == P_SPACE {
        return (Line::Dirty, rest.len() - 1);
    }
    (Line::Clean, rest.len())
}

// The same test, 16 code units at a time without branches, for the common
// case: every unit is ASCII or Devanagari, none needs a closer look. What the
// test remembers of the previous character (`prev`, the `P_*` bits) depends
// on that character alone, so each unit gets a code: the bits it leaves in
// `prev` (low 5 bits) and what it asks of the `prev` before it (high 3 bits).
const Q_NONE: u8 = 0; // nothing
const Q_SPACE: u8 = 1; // not after a space (or the line start)
const Q_MARK: u8 = 2; // after a base
const Q_VSIGN: u8 = 3; // after a base that is not a vowel letter
const Q_NUKTA: u8 = 4; // after a plain consonant
const Q_DANDA: u8 = 5; // not after a danda
const Q_STOP: u8 = 6; // always leave it to the full test

const fn q_code(q: u8, prev: u8) -> u8 {
    (q << 5) | prev
}

const fn ascii_codes() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let x = i as u8;
        t[i] = if x.is_ascii_alphabetic() {
            q_code(Q_NONE, P_BASE)
        } else if x.is_ascii_digit() {
            q_code(Q_NONE, 0)
        } else if x == b' ' {
            q_code(Q_SPACE, P_SPACE)
        } else if x == b'|' || x < 0x20 || x == 0x7F {
            q_code(Q_STOP, 0) // includes `\n`: the full test ends the line
        } else {
            q_code(Q_NONE, 0)
        };
        i += 1;
    }
    t
}

const fn devanagari_codes(ascii_digits: bool) -> [u8; 128] {
    let careful = MARK | DIRTY | if ascii_digits { DIGIT } else { 0 };
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let f = DEV[i];
        let q = if f & careful == 0 {
            if PREV[i] == P_DANDA {
                Q_DANDA
            } else {
                Q_NONE
            }
        } else if f & (DIRTY | DIGIT) != 0 {
            Q_STOP
        } else if i == 0x3C {
            Q_NUKTA
        } else if f & VSIGN != 0 {
            Q_VSIGN
        } else {
            Q_MARK
        };
        // A mark that is also a danda does not exist; marks leave P_BASE.
        t[i] = q_code(q, PREV[i]);
        i += 1;
    }
    t
}

static ASCII_CODES: [u8; 128] = ascii_codes();
static DEV_CODES: [u8; 128] = devanagari_codes(false);
static DEV_CODES_DIGITS: [u8; 128] = devanagari_codes(true);

/// Whether a unit with requirement `q` is a problem after `prev`, indexed
/// by `q << 5 | prev`.
const fn bad_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let q = (i >> 5) as u8;
        let prev = (i & 31) as u8;
        let bad = match q {
            Q_NONE => false,
            Q_SPACE => prev & P_SPACE != 0,
            Q_MARK => prev & P_BASE == 0,
            Q_VSIGN => prev & P_BASE == 0 || prev & P_INDEP != 0,
            Q_NUKTA => prev & P_PLAIN_CONS == 0,
            Q_DANDA => prev & P_DANDA != 0,
            _ => true,
        };
        t[i] = bad as u8;
        i += 1;
    }
    t
}

static BAD: [u8; 256] = bad_table();

/// The longest prefix of whole 16-unit blocks of `rest` in which the line
/// test finds nothing to look at, and `prev` after it.
#[inline]
fn blocks_clean_prefix(rest: &[u16], ascii_digits: bool) -> (usize, u8) {
    let dev = if ascii_digits {
        &DEV_CODES_DIGITS
    } else {
        &DEV_CODES
    };
    let stop = q_code(Q_STOP, 0);
    let mut prev = P_SPACE;
    let mut done = 0;
    for block in rest.chunks_exact(16) {
        let mut bad = 0u8;
        let mut p = prev;
        for &u in block {
            let a = ASCII_CODES[(u & 0x7F) as usize];
            let d = dev[(u.wrapping_sub(0x0900) & 0x7F) as usize];
            let code = if u < 0x80 {
                a
            } else if u.wrapping_sub(0x0900) < 0x80 {
                d
            } else {
                stop
            };
            bad |= BAD[(code & 0xE0 | p) as usize];
            p = code & 31;
        }
        if bad != 0 {
            break;
        }
        prev = p;
        done += 16;
    }
    (done, prev)
}

/// The NFC form's line test (`line_needs_nfc`) on code units, for the line at
/// the start of `rest`; stops as [`canonical_line_state`] does.
fn nfc_line_state(rest: &[u16]) -> (Line, usize) {
    let mut prev = None;
    for (i, &u) in rest.iter().enumerate() {
        if u < 0x300 {
            if u == b'\n' as u16 {
                return (Line::Clean, i);
            }
            prev = Some(u as u8 as char);
            continue;
        }
        let Some(c) = char::from_u32(u as u32) else {
            return (Line::Surrogate, i);
        };
        if fast::needs_nfc(prev, c) {
            return (Line::Dirty, i);
        }
        prev = Some(c);
    }
    (Line::Clean, rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ucs2(s: &str) -> Vec<u16> {
        s.chars().map(|c| c as u32 as u16).collect()
    }

    fn via_units(s: &str, opts: &Options) -> String {
        let u = ucs2(s);
        match normalize_ucs2(&u, opts) {
            Ucs2Outcome::Unchanged => s.to_string(),
            Ucs2Outcome::Changed(v) => String::from_utf16(&v).expect("BMP output"),
            Ucs2Outcome::Unsupported => panic!("unsupported: {s:?}"),
        }
    }

    /// Deterministic pseudo-random lines from an alphabet that hits every
    /// branch of the line test: Devanagari letters, marks, nukta, digits,
    /// dandas, ASCII, spaces of all kinds, joiners, quotes, Latin with accents.
    fn random_texts() -> Vec<String> {
        const ALPHABET: &[char] = &[
            'क', 'ख', 'न', 'र', 'ळ', 'ज', 'अ', 'आ', 'ए', 'ऑ', 'ा', 'ि', ' ', 'a', '5', '।', 'ी',
            'ु', 'े', 'ो', 'ॉ', 'ं', 'ँ', 'ः', '्', '़', '\u{095B}', '\u{0958}', '०', '१', '९', '।', '॥',
            'ॐ', '॰', 'a', 'Z', '5', ' ', ' ', ' ', '\n', '\r', '\t', '|', '.', ',', '"',
            '\u{00A0}', '\u{2009}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}', '\u{00AD}',
            '\u{2018}', '\u{201C}', '\u{2013}', 'é', 'e', '\u{0301}', 'İ', 'ß', '\u{0951}',
            '\u{0958}', '\u{0929}', '\u{0901}', '\u{0300}', 'Å', '\u{212B}',
        ];
        let mut state = 0x2545F4914F6CDD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        // Word-like lines: clean words joined by single spaces, with at most
        // one character from the whole alphabet put in at a random place.
        let wordy = |next: &mut dyn FnMut() -> u64| -> String {
            const CLEAN: &[&str] = &["कर", "नमस्ते", "आज", "abc", "2024", "पुलिस", "ऑफिस", "क़ानून"];
            let words = (next() % 14) as usize + 1;
            let mut v: Vec<char> = (0..words)
                .map(|_| CLEAN[(next() % CLEAN.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .collect();
            match next() % 6 {
                0 | 1 => {
                    let at = (next() % (v.len() as u64 + 1)) as usize;
                    v.insert(at, ALPHABET[(next() % ALPHABET.len() as u64) as usize]);
                }
                2 => v.push(' '), // a space at the end of the line
                _ => {}
            }
            v.into_iter().collect()
        };
        let mut out: Vec<String> = (0..3000)
            .map(|_| {
                let lines = (next() % 3) as usize + 1;
                (0..lines)
                    .map(|_| wordy(&mut next))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        out.extend((0..4000).map(|_| {
            // Half the texts mostly from the first letters (so that many
            // lines are clean and the rest differ in one character).
            let narrow = next() % 2 == 0;
            let len = (next() % 90) as usize;
            (0..len)
                .map(|_| {
                    let k = if narrow && next() % 16 != 0 {
                        12
                    } else {
                        ALPHABET.len()
                    };
                    ALPHABET[(next() % k as u64) as usize]
                })
                .collect()
        }));
        out
    }

    fn all_options() -> Vec<Options> {
        let mut v = vec![];
        for form in [Form::Nfc, Form::Canonical, Form::Match] {
            for flags in 0..8u8 {
                v.push(Options {
                    form,
                    ascii_digits: flags & 1 != 0,
                    ascii_punctuation: flags & 2 != 0,
                    fix_mojibake: flags & 4 != 0,
                    fold_vowel_length: form == Form::Match && flags & 1 != 0,
                });
            }
        }
        v
    }

    #[test]
    fn same_output_as_the_utf8_entry_point() {
        let texts = random_texts();
        for opts in all_options() {
            for t in &texts {
                assert_eq!(via_units(t, &opts), normalize(t, &opts), "{t:?} {opts:?}");
            }
        }
    }

    #[test]
    fn offsets_same_as_the_utf8_entry_point() {
        let texts = random_texts();
        for opts in all_options() {
            for t in &texts {
                let u = ucs2(t);
                let Some((text, offsets)) = normalize_ucs2_with_offsets(&u, &opts) else {
                    assert!(
                        opts.fix_mojibake || opts.form == Form::Nfc,
                        "{t:?} {opts:?}"
                    );
                    continue;
                };
                let n = normalize_with_offsets(t, &opts);
                assert_eq!(
                    String::from_utf16(&text).expect("BMP"),
                    n.text,
                    "{t:?} {opts:?}"
                );
                assert_eq!(offsets, n.offsets(), "{t:?} {opts:?}");
            }
        }
    }

    #[test]
    fn line_test_agrees_with_clean_len() {
        let opts_list = [Options::canonical(), {
            let mut o = Options::canonical();
            o.ascii_digits = true;
            o.ascii_punctuation = true;
            o
        }];
        let mut clean_lines = 0;
        for t in random_texts() {
            for line in t.split('\n') {
                for opts in &opts_list {
                    let clean = fast::clean_len(line, opts).is_some();
                    let (state, _) = canonical_line_state(&ucs2(line), opts);
                    assert_eq!(state == Line::Clean, clean, "{line:?} {opts:?}");
                    // Long clean lines exercise the 16-unit blocks.
                    clean_lines += (clean && line.chars().count() >= 32) as usize;
                }
            }
        }
        // The test means something only if both kinds of line occur often.
        assert!(clean_lines > 200, "{clean_lines}");
    }

    #[test]
    fn seeds_are_the_same_through_units() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
        let mut n = 0;
        for e in std::fs::read_dir(dir).expect("seeds/") {
            let t = std::fs::read_to_string(e.expect("entry").path()).expect("utf-8");
            for opts in all_options() {
                assert_eq!(via_units(&t, &opts), normalize(&t, &opts));
            }
            n += 1;
        }
        assert_eq!(n, 5);
    }

    #[test]
    fn unchanged_and_unsupported() {
        let o = Options::canonical();
        assert_eq!(
            normalize_ucs2(&ucs2("नमस्ते दुनिया\nhello"), &o),
            Ucs2Outcome::Unchanged
        );
        assert_eq!(normalize_ucs2(&[], &o), Ucs2Outcome::Unchanged);
        // A lone surrogate, in a clean line and in a dirty one.
        assert_eq!(
            normalize_ucs2(&[0x915, 0xD800], &o),
            Ucs2Outcome::Unsupported
        );
        assert_eq!(
            normalize_ucs2(&[0x20, 0x20, 0xDC00], &o),
            Ucs2Outcome::Unsupported
        );
        let nfc = Options::nfc();
        assert_eq!(
            normalize_ucs2(&[0x915, 0xDFFF], &nfc),
            Ucs2Outcome::Unsupported
        );
        assert_eq!(
            normalize_ucs2(&ucs2("क  ख"), &o),
            Ucs2Outcome::Changed(ucs2("क ख"))
        );
    }
}
