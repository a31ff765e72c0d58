//! The one-pass path: a line is read once, on its UTF-8 bytes, and written
//! straight to the output. It does everything a clean line needs (a copy, or
//! the match key's one-to-one folds) and also the simple fixes real text needs
//! most often: white space (NBSP and the other spaces, runs, both ends of the
//! line, a final `\r`), invisible characters, ZWJ/ZWNJ, stray marks, `|` as a
//! danda, precomposed nukta letters (U+0958..U+095F, which NFC decomposes),
//! Devanagari digits and, in the match key, the nasal rule through a nukta or
//! a joiner. On anything else (a vowel letter written as a sequence, a nukta
//! out of place, `।।`, a combining mark NFC might move, non-ASCII Latin in the
//! match key, ...) it gives up and the line goes through the full stages
//! ([`super::run`]).
//!
//! Why the result is the full stages' result: the full stages apply one round
//! of rules to a fixed point. Each decision below is the decision the round
//! makes on the same character in the same context (the context being the
//! state bits `Q_*` of what has been written so far, and a bounded look ahead
//! for `|` and the nasal rule); the invisible characters a round removes first
//! are skipped here without changing the state. And what is written is a fixed
//! point of the rules: it is a clean line in the sense of [`super::fast::clean_len`]
//! except for a ZWJ/ZWNJ after a virama and a `|` that is not a sentence end,
//! both of which a second round leaves alone (in the match key, a `|` after a
//! joiner is left to the full stages, since the key drops the joiner). The
//! offsets are those the stages give: a character maps to itself, a run of
//! spaces to the whole run, `\r\n` to both, a precomposed letter's two parts to
//! the letter, a nasal folded with its virama to both.
//!
//! The differential tests (this module's randomized comparison with the full
//! stages, and the hypothesis tests against the pure twin) hold this to account.

use super::devanagari::*;
use super::Options;
use super::Output;

// What the pass remembers of the line written so far (canonical form).
const Q_BASE: u16 = 1; // the last character is one a mark may sit on
const Q_INDEP: u16 = 2; // ... an independent vowel letter
const Q_PLAIN: u16 = 4; // ... a consonant a nukta may follow as it is
const Q_DANDA: u16 = 8; // ... a danda, with no space after it
const Q_START: u16 = 16; // nothing written yet
const Q_DL: u16 = 32; // the last non-space character is a Devanagari letter, mark or danda
const Q_VIRAMA: u16 = 64; // the last character is a virama
const Q_ZWJ: u16 = 128; // the last non-space character is a joiner kept after a virama
                        // The last character is not ASCII and not Devanagari: it may decompose into
                        // marks NFC would put after a virama. Whether a line needs NFC anywhere
                        // changes the offsets of such a pair (NFC works on the whole line), so a
                        // virama there is left to the full stages.
const Q_OTHER: u16 = 256;
// Match key: the last character of the key is a Devanagari letter or mark
// (the nasal rule needs one before the nasal).
const Q_LM: u16 = 512;

// Kinds of Devanagari characters that need more than a state update.
const K_PRE: u8 = 1; // U+0958..U+095F: NFC decomposes it
const K_BAIL: u8 = 2; // stress marks: left to the full stages
const K_DIGIT: u8 = 4; // a digit
const K_MFOLD: u8 = 8; // the match key changes it
const K_MFOLD_LONG: u8 = 16; // the match key with `fold_vowel_length` changes it
const K_NASAL: u8 = 32; // a nasal consonant (match key: nasal rule)
const K_LM: u8 = 64; // a letter or mark (not a digit, danda or sign)

/// One entry per character of the Devanagari block.
#[derive(Clone, Copy)]
struct Dv {
    /// The state after it is written.
    next: u16,
    /// The state bits it depends on, and the values they must have (a mark
    /// needs a base, a vowel sign must not follow a vowel letter, ...): it is
    /// left to the full stages unless `prev & mask == want`.
    mask: u16,
    want: u16,
    kind: u8,
    /// The match key's fold, as a code point (0: dropped).
    fold: u16,
    fold_long: u16,
    /// Nasal class + 1 (match key nasal rule), stop class + 1 (also for the
    /// precomposed nukta letters, whose consonant the rule sees).
    nasal: u8,
    stop: u8,
}

const fn fold_of(cp: u32, long: bool) -> u32 {
    match cp {
        0x093C => 0,
        0x0929 => 0x0928,
        0x0931 => 0x0930,
        0x0934 => 0x0933,
        0x0958..=0x095F => decomposed_consonant(cp),
        0x0901 => 0x0902,
        0x0945 => 0x0947,
        0x0949 => 0x094B,
        0x090D => 0x090F,
        0x0911 => 0x0913,
        0x0964 | 0x0965 => b'.' as u32,
        0x0966..=0x096F => b'0' as u32 + (cp - 0x0966),
        0x0940 if long => 0x093F,
        0x0942 if long => 0x0941,
        0x0908 if long => 0x0907,
        0x090A if long => 0x0909,
        _ => cp,
    }
}

/// The consonant of a precomposed nukta letter (its NFC decomposition is
/// this consonant + U+093C).
const fn decomposed_consonant(cp: u32) -> u32 {
    match cp {
        0x0958 => 0x0915,
        0x0959 => 0x0916,
        0x095A => 0x0917,
        0x095B => 0x091C,
        0x095C => 0x0921,
        0x095D => 0x0922,
        0x095E => 0x092B,
        0x095F => 0x092F,
        _ => cp,
    }
}

const fn dv_table() -> [Dv; 128] {
    let mut t = [Dv {
        next: 0,
        mask: 0,
        want: 0,
        kind: 0,
        fold: 0,
        fold_long: 0,
        nasal: 0,
        stop: 0,
    }; 128];
    let mut i = 0;
    while i < 128 {
        let cp = 0x0900 + i as u32;
        let c = match char::from_u32(cp) {
            Some(c) => c,
            None => '\0',
        };
        let mut d = t[i];
        let letter_or_mark = cp <= 0x0963 || cp >= 0x0971;
        d.next = if cp == 0x0964 {
            Q_DANDA | Q_DL
        } else if cp >= 0x0965 && cp <= 0x0970 {
            0
        } else if cp >= 0x0958 && cp <= 0x095F {
            Q_BASE | Q_DL // what is written last is the nukta
        } else {
            let mut q = Q_BASE | Q_DL;
            if matches!(cp, 0x0904..=0x0914 | 0x0960 | 0x0961 | 0x0972..=0x0977) {
                q |= Q_INDEP;
            }
            if is_consonant(c) && !matches!(cp, 0x0928 | 0x0930 | 0x0933) {
                q |= Q_PLAIN;
            }
            if cp == 0x094D {
                q |= Q_VIRAMA;
            }
            q
        };
        let (mut req, mut forbid) = (0, 0);
        if is_devanagari_mark(c) {
            req = Q_BASE;
        }
        if cp == 0x093C {
            req = Q_BASE | Q_PLAIN;
        }
        if is_vowel_sign(c) {
            forbid = Q_INDEP;
        }
        if cp == 0x0964 {
            forbid = Q_DANDA;
        }
        if cp == 0x094D {
            forbid = Q_OTHER;
        }
        d.mask = req | forbid;
        d.want = req;
        let mut k = 0u8;
        if cp >= 0x0958 && cp <= 0x095F {
            k |= K_PRE;
        }
        if cp >= 0x0951 && cp <= 0x0954 {
            k |= K_BAIL;
        }
        if cp >= 0x0966 && cp <= 0x096F {
            k |= K_DIGIT;
        }
        let f = fold_of(cp, false);
        let fl = fold_of(cp, true);
        if f != cp {
            k |= K_MFOLD;
        }
        if fl != cp {
            k |= K_MFOLD_LONG;
        }
        d.fold = f as u16;
        d.fold_long = fl as u16;
        d.nasal = match cp {
            0x0919 => 1,
            0x091E => 2,
            0x0923 => 3,
            0x0928 | 0x0929 => 4,
            0x092E => 5,
            _ => 0,
        };
        if d.nasal != 0 {
            k |= K_NASAL;
        }
        d.stop = match decomposed_consonant(cp) {
            0x0915..=0x0918 => 1,
            0x091A..=0x091D => 2,
            0x091F..=0x0922 => 3,
            0x0924..=0x0927 => 4,
            0x092A..=0x092D => 5,
            _ => 0,
        };
        if letter_or_mark {
            k |= K_LM;
            d.next |= Q_LM;
        }
        d.kind = k;
        t[i] = d;
        i += 1;
    }
    t
}

static DV: [Dv; 128] = dv_table();

/// What the scan loop needs of [`DV`], in 8 bytes.
#[derive(Clone, Copy)]
#[repr(C, align(8))]
struct Hot {
    next: u16,
    mask: u16,
    want: u16,
    kind: u8,
}

const fn hot_table() -> [Hot; 128] {
    let mut t = [Hot {
        next: 0,
        mask: 0,
        want: 0,
        kind: 0,
    }; 128];
    let mut i = 0;
    while i < 128 {
        let d = DV[i];
        t[i] = Hot {
            next: d.next,
            mask: d.mask,
            want: d.want,
            kind: d.kind,
        };
        i += 1;
    }
    t
}

static HOT: [Hot; 128] = hot_table();

/// ASCII: the state after the byte, or `SLOW` when it needs a closer look.
const SLOW: u16 = 0xFFFF;

const fn ascii_table(matching: bool) -> [u16; 128] {
    let mut t = [0u16; 128];
    let mut i = 0;
    while i < 128 {
        let x = i as u8;
        t[i] = if x.is_ascii_lowercase() {
            Q_BASE
        } else if x.is_ascii_uppercase() {
            if matching {
                SLOW
            } else {
                Q_BASE
            }
        } else if x < 0x20 || x == 0x7F || x == b' ' || x == b'|' || (x == b'\'' && matching) {
            SLOW
        } else {
            0
        };
        i += 1;
    }
    t
}

static ASCII_CANONICAL: [u16; 128] = ascii_table(false);
static ASCII_MATCH: [u16; 128] = ascii_table(true);

/// The text a pass reads: UTF-8 bytes (`&str`) or UCS-2 code units (the form
/// CPython keeps a Hindi `str` in). The pass is written once over this
/// interface, so both forms take exactly the same decisions; only the width
/// of a character in units differs (a Devanagari character is 3 bytes or 1 unit).
pub(super) trait Units {
    type U: Copy;
    /// Units of a Devanagari character.
    const DW: usize;
    fn units(&self) -> &[Self::U];
    #[inline(always)]
    fn len(&self) -> usize {
        self.units().len()
    }
    /// The unit at `i` as a number (ASCII units are the ASCII code); `i < len`.
    fn unit(&self, i: usize) -> u32;
    /// The Devanagari block index of the character at `i`, if it is one.
    fn dev_at(&self, i: usize) -> Option<usize>;
    /// The character at unit `i` (a character boundary) and its width.
    fn char_at(&self, i: usize) -> (char, usize);
    /// Whether the character at `i` is in U+0800..U+0FFF.
    fn in_0800_0fff(&self, i: usize) -> bool;
    /// Whether a ZWJ or ZWNJ is at `i`; its width.
    fn joiner_at(&self, i: usize) -> Option<usize>;
}

/// A line as UTF-8.
pub(super) struct Utf8<'a>(pub &'a str);

impl Units for Utf8<'_> {
    type U = u8;
    const DW: usize = 3;
    #[inline(always)]
    fn units(&self) -> &[u8] {
        self.0.as_bytes()
    }
    #[inline(always)]
    fn unit(&self, i: usize) -> u32 {
        self.0.as_bytes()[i] as u32
    }
    #[inline(always)]
    fn dev_at(&self, i: usize) -> Option<usize> {
        match self.0.as_bytes().get(i..i + 3) {
            Some(&[0xE0, y, z]) if y & 0xFE == 0xA4 => {
                Some((((y & 1) as usize) << 6) | (z & 0x3F) as usize)
            }
            _ => None,
        }
    }
    #[inline]
    fn char_at(&self, i: usize) -> (char, usize) {
        match self.0.get(i..).and_then(|t| t.chars().next()) {
            Some(c) => (c, c.len_utf8()),
            None => ('\u{FFFD}', 1),
        }
    }
    #[inline(always)]
    fn in_0800_0fff(&self, i: usize) -> bool {
        self.0.as_bytes().get(i) == Some(&0xE0)
    }
    #[inline(always)]
    fn joiner_at(&self, i: usize) -> Option<usize> {
        match self.0.as_bytes().get(i..i + 3) {
            Some(&[0xE2, 0x80, 0x8C | 0x8D]) => Some(3),
            _ => None,
        }
    }
}

/// A line as UCS-2 code units, with no surrogate among them (the caller's
/// promise: a surrogate reads as U+FFFD here).
pub(super) struct Ucs2<'a>(pub &'a [u16]);

impl Units for Ucs2<'_> {
    type U = u16;
    const DW: usize = 1;
    #[inline(always)]
    fn units(&self) -> &[u16] {
        self.0
    }
    #[inline(always)]
    fn unit(&self, i: usize) -> u32 {
        self.0[i] as u32
    }
    #[inline(always)]
    fn dev_at(&self, i: usize) -> Option<usize> {
        match self.0.get(i) {
            Some(&u) if u.wrapping_sub(0x0900) < 0x80 => Some((u - 0x0900) as usize),
            _ => None,
        }
    }
    #[inline]
    fn char_at(&self, i: usize) -> (char, usize) {
        let c = self
            .0
            .get(i)
            .and_then(|&u| char::from_u32(u as u32))
            .unwrap_or('\u{FFFD}');
        (c, 1)
    }
    #[inline(always)]
    fn in_0800_0fff(&self, i: usize) -> bool {
        matches!(self.0.get(i), Some(0x0800..=0x0FFF))
    }
    #[inline(always)]
    fn joiner_at(&self, i: usize) -> Option<usize> {
        matches!(self.0.get(i), Some(0x200C | 0x200D)).then_some(1)
    }
}

/// Where a pass writes: the text in the units of its input, and (when
/// tracking) the input range of each output character.
pub(super) trait Sink {
    type U: Copy;
    /// Copy units of the input unchanged.
    fn extend_units(&mut self, run: &[Self::U]);
    fn push_char(&mut self, c: char);
    /// Offsets of a run copied unchanged: characters `s..e` of the input.
    fn track_run(&mut self, s: u32, e: u32);
    /// Offsets of one written character: input characters `s..e`.
    fn track_one(&mut self, s: u32, e: u32);
    fn mark(&self) -> (usize, usize);
    fn truncate(&mut self, mark: (usize, usize));
}

impl Sink for Output {
    type U = u8;
    #[inline(always)]
    fn extend_units(&mut self, run: &[u8]) {
        // SAFETY: the pass copies runs between character boundaries of a `str`.
        unsafe { self.text.as_mut_vec().extend_from_slice(run) };
    }
    #[inline(always)]
    fn push_char(&mut self, c: char) {
        self.text.push(c);
    }
    #[inline(always)]
    fn track_run(&mut self, s: u32, e: u32) {
        self.starts.extend(s..e);
        self.ends.extend(s + 1..e + 1);
    }
    #[inline(always)]
    fn track_one(&mut self, s: u32, e: u32) {
        self.starts.push(s);
        self.ends.push(e);
    }
    fn mark(&self) -> (usize, usize) {
        (self.text.len(), self.starts.len())
    }
    fn truncate(&mut self, (text, offsets): (usize, usize)) {
        self.text.truncate(text);
        self.starts.truncate(offsets);
        self.ends.truncate(offsets);
    }
}

/// Output in UCS-2 code units, with the start offset of each character
/// when tracking (what `normalize_with_offsets` returns; no ends).
#[derive(Default)]
pub struct Ucs2Output {
    pub text: Vec<u16>,
    pub starts: Vec<u32>,
}

impl Sink for Ucs2Output {
    type U = u16;
    #[inline(always)]
    fn extend_units(&mut self, run: &[u16]) {
        self.text.extend_from_slice(run);
    }
    #[inline(always)]
    fn push_char(&mut self, c: char) {
        // The pass writes only characters of the BMP.
        self.text.push(c as u32 as u16);
    }
    #[inline(always)]
    fn track_run(&mut self, s: u32, e: u32) {
        self.starts.extend(s..e);
    }
    #[inline(always)]
    fn track_one(&mut self, s: u32, _e: u32) {
        self.starts.push(s);
    }
    fn mark(&self) -> (usize, usize) {
        (self.text.len(), self.starts.len())
    }
    fn truncate(&mut self, (text, offsets): (usize, usize)) {
        self.text.truncate(text);
        self.starts.truncate(offsets);
    }
}

/// True for ASCII horizontal white space (tab, VT, FF, the information separators, space).
#[inline(always)]
fn is_ascii_hspace(x: u32) -> bool {
    matches!(x, 0x20 | 0x09 | 0x0B | 0x0C | 0x1C..=0x1F)
}

/// Whether the character at `j` is one the full stages remove before
/// they look (an invisible character or a joiner).
#[inline]
fn removed_at<L: Units>(l: &L, j: usize) -> bool {
    if j >= l.len() {
        return false;
    }
    let x = l.unit(j);
    if x < 0x80 {
        return (x < 0x20 && !is_ascii_hspace(x) && x != 0x0A && x != 0x0D) || x == 0x7F;
    }
    let (c, _) = l.char_at(j);
    is_invisible(c) || c == ZWJ || c == ZWNJ
}

/// Writes the output: units of the line from `from` on are copied only when
/// something changes (or at the end), in one piece.
struct W<'a, 'o, L, O, const TRACK: bool> {
    l: &'a L,
    out: &'o mut O,
    base: u32,
    from: usize,
    from_ci: u32,
}

impl<L: Units, O: Sink<U = L::U>, const TRACK: bool> W<'_, '_, L, O, TRACK> {
    /// Copy the pending run up to unit `i` (character `ci`), which starts the next one.
    #[inline(always)]
    fn flush(&mut self, i: usize, ci: u32) {
        if i > self.from {
            if let Some(run) = self.l.units().get(self.from..i) {
                self.out.extend_units(run);
            }
            if TRACK {
                self.out.track_run(self.base + self.from_ci, self.base + ci);
            }
            self.from = i;
            self.from_ci = ci;
        }
    }

    /// Copy the pending run, write `c` for input characters `s..e`, and go
    /// on copying from unit `next` (character `next_ci`).
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn replace(&mut self, i: usize, ci: u32, c: char, s: u32, e: u32, next: usize, next_ci: u32) {
        self.flush(i, ci);
        self.out.push_char(c);
        if TRACK {
            self.out.track_one(self.base + s, self.base + e);
        }
        self.from = next;
        self.from_ci = next_ci;
    }

    /// Copy the pending run and drop what is between `i` and `next`.
    #[inline(always)]
    fn drop_to(&mut self, i: usize, ci: u32, next: usize, next_ci: u32) {
        self.flush(i, ci);
        self.from = next;
        self.from_ci = next_ci;
    }
}

/// Normalize one line (without its `\n`; `newline` tells whether it had one)
/// that starts at input code point `base`, appending to `out`. Returns the
/// line's length in code points, or `None` (with `out` as it was) when the
/// line needs the full stages. `MATCH` selects the match key, else the
/// canonical form; `opts.fix_mojibake` and `opts.form` are not looked at.
pub(super) fn fix_line<const TRACK: bool, const MATCH: bool>(
    line: &str,
    newline: bool,
    base: u32,
    opts: &Options,
    out: &mut Output,
) -> Option<u32> {
    let mark = out.mark();
    match pass::<_, _, TRACK, MATCH>(&Utf8(line), newline, base, opts, out) {
        Some((bytes, chars, _)) if bytes == line.len() => Some(chars),
        _ => {
            out.truncate(mark);
            None
        }
    }
}

/// Normalize the first line of `text` (up to and with its `\n`, if any), as
/// [`fix_line`] does. Returns the bytes and code points it took (with the
/// `\n`), or `None` (with `out` as it was) when it needs the full stages.
pub(super) fn fix_next_line<const TRACK: bool, const MATCH: bool>(
    text: &str,
    base: u32,
    opts: &Options,
    out: &mut Output,
) -> Option<(usize, u32)> {
    fix_next::<_, _, TRACK, MATCH>(&Utf8(text), base, opts, out)
}

/// [`fix_next_line`] on UCS-2 code units (no surrogates among them), written
/// as code units.
pub(super) fn fix_next_line_ucs2<const TRACK: bool, const MATCH: bool>(
    text: &[u16],
    base: u32,
    opts: &Options,
    out: &mut Ucs2Output,
) -> Option<(usize, u32)> {
    fix_next::<_, _, TRACK, MATCH>(&Ucs2(text), base, opts, out)
}

#[inline(always)]
fn fix_next<L: Units, O: Sink<U = L::U>, const TRACK: bool, const MATCH: bool>(
    l: &L,
    base: u32,
    opts: &Options,
    out: &mut O,
) -> Option<(usize, u32)> {
    let mark = out.mark();
    match pass::<L, O, TRACK, MATCH>(l, false, base, opts, out) {
        Some((units, chars, newline)) => Some((units + newline as usize, chars + newline as u32)),
        None => {
            out.truncate(mark);
            None
        }
    }
}

/// Go over characters that need nothing but a state update (and stay as
/// they are): ASCII the table passes, one space between two characters,
/// Devanagari characters that pass their check and need no attention.
/// Returns at the first other character (or the end).
#[inline(always)]
fn scan<L: Units>(
    l: &L,
    mut i: usize,
    mut ci: u32,
    mut prev: u16,
    atab: &[u16; 128],
    attention: u8,
) -> (usize, u32, u16) {
    let len = l.len();
    while i < len {
        let x = l.unit(i);
        if x < 0x80 {
            let q = atab[x as usize];
            if q == SLOW {
                if x == 0x20
                    && prev & Q_START == 0
                    && i + 1 < len
                    && (matches!(l.unit(i + 1), 0x21..=0x7E) || l.in_0800_0fff(i + 1))
                {
                    // One space between two characters: kept as it is.
                    prev &= Q_DL | Q_ZWJ;
                    i += 1;
                    ci += 1;
                    continue;
                }
                break;
            }
            prev = q;
            i += 1;
            ci += 1;
            continue;
        }
        let Some(idx) = l.dev_at(i) else {
            break;
        };
        let d = &HOT[idx];
        if prev & d.mask != d.want || d.kind & attention != 0 {
            break;
        }
        prev = d.next;
        i += L::DW;
        ci += 1;
    }
    (i, ci, prev)
}

/// The pass over the first line of `l`: it ends at the first `\n` or at the
/// end of `l` (then `newline_after` tells whether a `\n` follows). Returns
/// the units and code points of the line without its `\n` (with a final
/// `\r`), and whether a `\n` ended it.
#[inline(always)]
fn pass<L: Units, O: Sink<U = L::U>, const TRACK: bool, const MATCH: bool>(
    l: &L,
    newline_after: bool,
    base: u32,
    opts: &Options,
    out: &mut O,
) -> Option<(usize, u32, bool)> {
    let len = l.len();
    let dw = L::DW;
    let atab = if MATCH {
        &ASCII_MATCH
    } else {
        &ASCII_CANONICAL
    };
    let long = MATCH && opts.fold_vowel_length;
    let attention = K_PRE
        | K_BAIL
        | if MATCH {
            K_NASAL | if long { K_MFOLD_LONG } else { K_MFOLD }
        } else if opts.ascii_digits {
            K_DIGIT
        } else {
            0
        };
    let mut w = W::<L, O, TRACK> {
        l,
        out,
        base,
        from: 0,
        from_ci: 0,
    };
    let (mut i, mut ci, mut prev) = (0usize, 0u32, Q_START);
    let mut cr_end = false;
    loop {
        (i, ci, prev) = scan(l, i, ci, prev, atab, attention);
        if i >= len || l.unit(i) == 0x0A {
            break;
        }
        let x = l.unit(i);
        if x < 0x80 {
            if is_ascii_hspace(x) {
                let (j, cj, end) = space_run(&mut w, i, ci, &mut prev)?;
                i = j;
                ci = cj;
                if end {
                    cr_end = i < len && l.unit(i) == 0x0D;
                    break;
                }
                continue;
            }
            match x as u8 {
                b'|' => {
                    if MATCH && prev & Q_ZWJ != 0 {
                        return None; // the key drops the joiner: a second round may see a danda before
                    }
                    if prev & Q_DL != 0 && bar_ends_sentence(l, i + 1)? {
                        if prev & Q_DANDA != 0 {
                            return None; // ।। -> ॥
                        }
                        let danda = if MATCH { '.' } else { DANDA };
                        w.replace(i, ci, danda, ci, ci + 1, i + 1, ci + 1);
                        prev = Q_DANDA | Q_DL;
                    } else {
                        prev = 0;
                    }
                }
                b'\r' => {
                    if i + 1 == len || l.unit(i + 1) == 0x0A {
                        cr_end = true;
                        break;
                    }
                    return None; // a line break inside the line
                }
                b'A'..=b'Z' => {
                    // only in the match key (else the table says Q_BASE)
                    w.replace(i, ci, (x as u8 + 32) as char, ci, ci + 1, i + 1, ci + 1);
                    prev = Q_BASE;
                }
                b'\'' => {
                    // only in the match key
                    w.replace(i, ci, '"', ci, ci + 1, i + 1, ci + 1);
                    prev = 0;
                }
                b'\n' => return None, // not in a line
                _ => {
                    // C0 controls and DEL: removed (the state stays as it was)
                    w.drop_to(i, ci, i + 1, ci + 1);
                }
            }
            i += 1;
            ci += 1;
            continue;
        }
        if let Some(idx) = l.dev_at(i) {
            let d = &DV[idx];
            if d.want & Q_BASE != 0 && prev & Q_BASE == 0 {
                // A mark with no base (at the start, after a space, a digit,
                // punctuation): removed, the state stays as it was.
                if i > 0 && l.unit(i - 1) == 0x20 && w.from < i {
                    // Right after a space the scan kept: the space and the
                    // mark are one run of space, with what follows.
                    let (j, cj, end) = space_run(&mut w, i - 1, ci - 1, &mut prev)?;
                    i = j;
                    ci = cj;
                    if end {
                        cr_end = i < len && l.unit(i) == 0x0D;
                        break;
                    }
                    continue;
                }
                w.drop_to(i, ci, i + dw, ci + 1);
                i += dw;
                ci += 1;
                continue;
            }
            if prev & d.mask != d.want || d.kind & K_BAIL != 0 {
                // a vowel letter written as a sequence, a nukta out of place,
                // ।।, a stress mark
                return None;
            }
            if MATCH && d.kind & K_NASAL != 0 && prev & Q_LM != 0 {
                match nasal_rule(l, i, d) {
                    Nasal::Fold(j, k) => {
                        w.replace(i, ci, ANUSVARA, ci, ci + k, j, ci + k);
                        prev = DV[0x4D].next;
                        i = j;
                        ci += k;
                        continue;
                    }
                    Nasal::Bail => return None,
                    Nasal::No => {}
                }
            }
            if MATCH {
                let f = if long { d.fold_long } else { d.fold } as u32;
                if f == 0 {
                    w.drop_to(i, ci, i + dw, ci + 1);
                } else if f != 0x0900 + idx as u32 {
                    let c = char::from_u32(f).unwrap_or('\u{FFFD}');
                    w.replace(i, ci, c, ci, ci + 1, i + dw, ci + 1);
                }
            } else if d.kind & K_PRE != 0 {
                let cons = decomposed_consonant(0x0900 + idx as u32);
                let cons = char::from_u32(cons).unwrap_or('\u{FFFD}');
                w.replace(i, ci, cons, ci, ci + 1, i + dw, ci + 1);
                w.replace(i + dw, ci + 1, NUKTA, ci, ci + 1, i + dw, ci + 1);
            } else if d.kind & K_DIGIT != 0 && opts.ascii_digits {
                let digit = (b'0' + (idx - 0x66) as u8) as char;
                w.replace(i, ci, digit, ci, ci + 1, i + dw, ci + 1);
            }
            prev = d.next;
            i += dw;
            ci += 1;
            continue;
        }
        // Any other character.
        let (c, width) = l.char_at(i);
        if is_horizontal_space(c) {
            let (j, cj, end) = space_run(&mut w, i, ci, &mut prev)?;
            i = j;
            ci = cj;
            if end {
                cr_end = i < len && l.unit(i) == 0x0D;
                break;
            }
            continue;
        }
        if c == ZWJ || c == ZWNJ {
            if prev & Q_VIRAMA != 0 {
                // kept after a virama (the match key drops it, seeing through it)
                if MATCH {
                    w.drop_to(i, ci, i + width, ci + 1);
                }
                prev = Q_ZWJ | (prev & Q_LM);
            } else {
                w.drop_to(i, ci, i + width, ci + 1);
            }
        } else if is_invisible(c) {
            w.drop_to(i, ci, i + width, ci + 1);
        } else {
            if is_line_break(c) || super::fast::needs_nfc(None, c) {
                return None;
            }
            if opts.ascii_punctuation && ascii_punctuation(c).is_some() {
                return None;
            }
            if MATCH && is_latin_foldable(c) {
                return None; // non-ASCII case folding may need NFC again
            }
            if MATCH && is_quote(c) {
                if !is_non_base(c) {
                    // a fullwidth quote: a base for a mark here, but the
                    // key's `"` is not (a second round would drop the mark)
                    return None;
                }
                w.replace(i, ci, '"', ci, ci + 1, i + width, ci + 1);
                prev = 0;
            } else {
                prev = if is_non_base(c) { 0 } else { Q_BASE | Q_OTHER };
            }
        }
        i += width;
        ci += 1;
    }
    // The end of the line: `i` is at its `\n`, the end of `l`, or a final `\r`.
    w.flush(i, ci);
    let (end, n_line) = if cr_end { (i + 1, ci + 1) } else { (i, ci) };
    let newline = if end < len {
        l.unit(end) == 0x0A
    } else {
        newline_after
    };
    if cr_end {
        w.replace(i, ci, '\n', ci, ci + 1 + newline as u32, end, n_line);
    } else if newline {
        w.replace(i, ci, '\n', ci, ci + 1, end, n_line);
    }
    Some((end, n_line, newline))
}

/// A run of horizontal white space (and of characters the full stages remove
/// before they look) starting at unit `i`: dropped at the start and the end of
/// the line, else written as one space covering the spaces of the run.
/// Returns where the run ends (unit, code point) and whether that is the end
/// of the line (its end, or a final `\r`).
#[inline(never)]
fn space_run<L: Units, O: Sink<U = L::U>, const TRACK: bool>(
    w: &mut W<'_, '_, L, O, TRACK>,
    i: usize,
    ci: u32,
    prev: &mut u16,
) -> Option<(usize, u32, bool)> {
    let l = w.l;
    let len = l.len();
    let (mut j, mut cj) = (i, ci);
    let mut sp_end = ci;
    while j < len {
        let x = l.unit(j);
        if x < 0x80 {
            if is_ascii_hspace(x) {
                j += 1;
                cj += 1;
                sp_end = cj;
                continue;
            }
            if x < 0x20 && !matches!(x, 0x0A | 0x0D) || x == 0x7F {
                j += 1; // an invisible control
                cj += 1;
                continue;
            }
            break;
        }
        if l.in_0800_0fff(j) {
            // U+0800..U+0FFF: no spaces, nothing removed but a Devanagari
            // mark after a space, which has no base (a stray mark)
            match l.dev_at(j) {
                Some(idx) if DV[idx].want & Q_BASE != 0 => {
                    j += L::DW;
                    cj += 1;
                    continue;
                }
                _ => break,
            }
        }
        let (c, width) = l.char_at(j);
        if is_horizontal_space(c) {
            j += width;
            cj += 1;
            sp_end = cj;
        } else if is_invisible(c) || c == ZWJ || c == ZWNJ {
            // removed (a joiner after a space is never after a virama)
            j += width;
            cj += 1;
        } else {
            break;
        }
    }
    let line_end = |k: usize| k >= len || l.unit(k) == 0x0A;
    let at_end = line_end(j) || (l.unit(j) == 0x0D && line_end(j + 1));
    if *prev & Q_START != 0 || at_end {
        w.drop_to(i, ci, j, cj);
        return Some((j, cj, at_end));
    }
    if l.unit(j) == 0x0D || l.unit(j) == 0x0A {
        return None;
    }
    if !(j == i + 1 && l.unit(i) == 0x20) {
        w.replace(i, ci, ' ', ci, sp_end, j, cj);
    }
    *prev &= Q_DL | Q_ZWJ;
    Some((j, cj, false))
}

/// Whether a `|` (followed by unit `j`) ends a Devanagari sentence, looking at
/// what follows it: after any spaces, the end of the line, another bar or
/// danda, or a Devanagari letter or mark. `None` when a character the full
/// stages might remove is in the way.
fn bar_ends_sentence<L: Units>(l: &L, mut j: usize) -> Option<bool> {
    while j < l.len() {
        let x = l.unit(j);
        if x < 0x80 {
            if is_ascii_hspace(x) {
                j += 1;
                continue;
            }
            if x == 0x0D || x == 0x0A || x == b'|' as u32 {
                return Some(true);
            }
            if x < 0x20 || x == 0x7F {
                return None;
            }
            return Some(false);
        }
        if let Some(idx) = l.dev_at(j) {
            return Some(idx == 0x64 || DV[idx].kind & K_LM != 0);
        }
        let (c, width) = l.char_at(j);
        if is_horizontal_space(c) {
            j += width;
            continue;
        }
        if is_invisible(c) || c == ZWJ || c == ZWNJ || is_line_break(c) {
            return None;
        }
        return Some(false);
    }
    Some(true)
}

enum Nasal {
    /// Fold: the nasal (and a nukta) and the virama become an anusvara;
    /// unit after the virama, code points covered.
    Fold(usize, u32),
    No,
    Bail,
}

/// Match key: nasal consonant (+ nukta) + virama (+ joiners) + a consonant of
/// the nasal's class -> anusvara (the caller checked that a letter or mark is
/// before it).
#[inline(never)]
fn nasal_rule<L: Units>(l: &L, i: usize, d: &Dv) -> Nasal {
    let mut j = i + L::DW;
    let mut k = 1;
    let next = l.dev_at(j);
    if let Some(next) = next {
        if next != 0x3C && next != 0x4D {
            return Nasal::No; // the usual case: a vowel sign or a letter
        }
    }
    if d.next & Q_PLAIN != 0 && next == Some(0x3C) {
        j += L::DW;
        k += 1;
    }
    if l.dev_at(j) != Some(0x4D) {
        return if removed_at(l, j) {
            Nasal::Bail
        } else {
            Nasal::No
        };
    }
    j += L::DW;
    k += 1;
    let after_virama = j;
    let mut t = j;
    while let Some(w) = l.joiner_at(t) {
        t += w;
    }
    match l.dev_at(t) {
        Some(idx) if DV[idx].stop == d.nasal => Nasal::Fold(after_virama, k),
        Some(_) => Nasal::No,
        None if removed_at(l, t) => Nasal::Bail,
        None => Nasal::No,
    }
}
