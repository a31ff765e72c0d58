//! Property tests of every public entry point (see `invariants/mod.rs`):
//!
//! * the committed fuzz corpus (`fuzz/corpus/<target>/`) is replayed, so a
//!   crash the fuzzer once found stays fixed;
//! * hand-written hostile inputs;
//! * a seeded stream of random texts biased to what breaks text code
//!   (Devanagari, combining marks, ZWJ/ZWNJ, NBSP, digits of both scripts,
//!   lexicon words, astral and unassigned code points, line separators).
//!
//! `ASIMTEXT_PROPTEST_CASES=N` runs N random cases per target instead of the
//! default (bounded so that `cargo test` stays fast); `ASIMTEXT_PROPTEST_SEED`
//! changes the seed.

mod invariants;

use std::path::PathBuf;

use invariants::*;

fn cases() -> usize {
    std::env::var("ASIMTEXT_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(150)
}

fn seed() -> u64 {
    std::env::var("ASIMTEXT_PROPTEST_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_a51e)
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces random texts are made of: single code points of risky classes and
/// whole words the grammars react to.
const PIECES: &[&str] = &[
    // Devanagari letters, signs, nukta forms, digits, danda
    "क",
    "ष",
    "ज़",
    "ज़",
    "क़",
    "ड़",
    "ढ़",
    "ि",
    "ी",
    "ु",
    "ू",
    "ृ",
    "े",
    "ै",
    "ो",
    "ौ",
    "ं",
    "ँ",
    "ः",
    "्",
    "़",
    "ॅ",
    "ॉ",
    "ऑ",
    "अ",
    "आ",
    "इ",
    "ई",
    "ए",
    "ऐ",
    "ओ",
    "औ",
    "ऍ",
    "ॐ",
    "।",
    "॥",
    "०",
    "१",
    "२",
    "५",
    "९",
    "ॠ",
    "ॢ",
    "\u{0951}",
    "\u{0952}",
    "\u{A8F2}",
    // combining marks of other scripts, characters whose NFC is unusual
    "\u{0301}",
    "\u{0316}",
    "\u{0344}",
    "\u{0F73}",
    "\u{0345}",
    "\u{1100}",
    "\u{1161}",
    "\u{11A8}",
    "가",
    "İ",
    "ß",
    "ﬁ",
    "Å",
    "\u{212B}",
    "\u{2126}",
    "ǅ",
    "ΐ",
    // invisibles and spaces
    "\u{200D}",
    "\u{200C}",
    "\u{00A0}",
    "\u{00AD}",
    "\u{FEFF}",
    "\u{2060}",
    "\u{200B}",
    "\u{202F}",
    "\u{3000}",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u{2028}",
    "\u{0085}",
    // punctuation, quotes, signs
    ",",
    ".",
    ":",
    "/",
    "-",
    "–",
    "—",
    "%",
    "₹",
    "$",
    "'",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "(",
    ")",
    // ASCII and others
    "a",
    "Z",
    "0",
    "1",
    "7",
    "9",
    "12",
    "2021",
    "1,00,000",
    "3.5",
    "11:45",
    "25/03/2021",
    // lexicon words
    "मार्च",
    "जनवरी",
    "बजे",
    "साढ़े",
    "लाख",
    "करोड़",
    "रुपये",
    "फीसदी",
    "सौ",
    "डेढ़",
    "पहला",
    "दूसरे",
    "शनिवार",
    "सुबह",
    "मिनट",
    "घंटे",
    "साल",
    "के",
    "ने",
    "को",
    "Jan",
    "March",
    "am",
    "p.m.",
    "IST",
    "twenty",
    "five",
    "hundred",
    "and",
    "first",
    "crore",
    "Rs",
    "million",
    "करीब",
    "से",
    "ज्यादा",
    "एक",
    "दो",
    "तीस",
    "असीम",
    "अरुण",
    "बीजेपी",
    "BJP",
    "Kanpur",
    // mojibake fragments, replacement, astral, unassigned, private use
    "à¤",
    "•",
    "à¥",
    "\u{FFFD}",
    "😀",
    "👨‍👩‍👧",
    "\u{10FFFF}",
    "\u{E000}",
    "\u{0378}",
    "𝟘",
    "\u{1D7CE}",
    "\u{1F1EE}\u{1F1F3}",
    "\u{0000}",
    "\u{007F}",
    "\u{FFFF}",
    // other Indic scripts and RTL
    "অ",
    "ক্ষ",
    "ਕ",
    "ગ",
    "ب",
    "\u{200F}",
];

fn random_text(rng: &mut Rng) -> String {
    let n = rng.below(24);
    let mut s = String::new();
    for _ in 0..n {
        if rng.below(8) == 0 {
            // any scalar value
            let c = loop {
                if let Some(c) = char::from_u32(rng.next() as u32 % 0x11_0000) {
                    break c;
                }
            };
            s.push(c);
        } else {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
    }
    s
}

/// Hand-written hostile inputs.
fn hostile() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        "\n\n\n",
        "्",
        "़़़़",
        "ंंंं",
        "\u{200D}\u{200D}\u{200D}",
        "क\u{200D}\u{200D}्\u{200C}ष",
        "a\u{0301}\u{0316}\u{0301}",
        "\u{0344}\u{0344}",
        "२५ मार्च २०२१ को ₹५ लाख",
        "साढ़े साढ़े साढ़े 10 बजे बजे",
        "1,2,3,4,5,6,7,8,9,0",
        "11/11/11/11/11",
        "99999999999999999999999999999999 करोड़ करोड़ करोड़",
        "0.000000000000000000000000001%",
        "31 फरवरी 2021",
        "29 February 1900",
        "Jan 99, 99999",
        "à¤•à¤¾Ã ",
        "ÃƒÂ ",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push("\u{0301}".repeat(500));
    v.push("9".repeat(500));
    v.push("एक ".repeat(200));
    v.push("सौ करोड़ लाख हज़ार ".repeat(50));
    v.push("\u{200D}".repeat(500));
    v.push("x".repeat(2000));
    v
}

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(_) => return Vec::new(),
    };
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// Run `check` on the corpus, the hostile inputs (each with a few option
/// bytes) and random texts.
fn run(target: &str, check: fn(u8, &str)) {
    let files = corpus(target);
    assert!(
        files.len() > 50,
        "fuzz/corpus/{target} missing or nearly empty"
    );
    for data in files {
        if let Some((b, t)) = split(&data) {
            check(b, t);
        }
    }
    for t in hostile() {
        for b in [0u8, 1, 2, 0x3f, 0xff, 0x92] {
            check(b, &t);
        }
    }
    let mut rng = Rng(seed());
    for _ in 0..cases() {
        let t = random_text(&mut rng);
        let b = rng.next() as u8;
        check(b, &t);
    }
}

#[test]
fn normalize_invariants() {
    run("normalize", check_normalize);
}

#[test]
fn spans_invariants() {
    run("spans", check_spans);
}

#[test]
fn dedup_invariants() {
    run("dedup", check_dedup);
}

#[test]
fn xscript_invariants() {
    run("xscript", check_xscript);
}

#[test]
fn lsh_load_invariants() {
    let files = corpus("lsh_load");
    assert!(
        files.len() > 50,
        "fuzz/corpus/lsh_load missing or nearly empty"
    );
    for data in files {
        check_lsh(&data);
    }
    let mut rng = Rng(seed());
    for _ in 0..cases() {
        let n = rng.below(200);
        let data: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        check_lsh(&data);
    }
    for data in [
        &b""[..],
        b"ASIMLSH\0",
        b"ASIMLSH\0\x01\0\0\0",
        b"\x89PNG\r\n\x1a\n",
    ] {
        check_lsh(data);
    }
}

/// Regression: `bands * rows` overflowed in `Lsh::new`, so huge `params` were
/// accepted and the index tried to allocate `bands` maps (abort) or panicked.
#[test]
fn lsh_params_overflow_is_an_error() {
    use asimtext_core::dedup::Lsh;
    for (b, r) in [
        (1usize << 32, 1usize << 32),
        (usize::MAX, 2),
        (1 << 63, 2),
        (2, usize::MAX),
    ] {
        assert!(
            Lsh::new(0.5, 128, (0.5, 0.5), Some((b, r))).is_err(),
            "params ({b}, {r}) accepted"
        );
    }
    assert!(Lsh::new(0.5, 128, (0.5, 0.5), Some((16, 8))).is_ok());
}

/// Regression: a token whose last character comes from an input character
/// that expands (`İ` -> `i` + U+0307) ended where the next output character
/// starts, which is the same input character: an empty or short span.
#[test]
fn xscript_token_of_an_expanding_character() {
    use asimtext_core::xscript::tokens;
    let t = tokens("İ");
    assert_eq!((t[0].start, t[0].end), (0, 1));
    let t = tokens("\u{200f}xİ");
    assert_eq!((t[0].start, t[0].end), (1, 3));
    let t = tokens("İs");
    assert_eq!(
        t.iter().map(|t| (t.start, t.end)).collect::<Vec<_>>(),
        vec![(0, 1), (1, 2)]
    );
}

/// Regression (found by the fuzzer): `ends` of the offset map were not
/// monotone when a nukta after a vowel sign was moved onto the consonant.
#[test]
fn normalize_ends_monotone() {
    use asimtext_core::normalize::{normalize_with_offsets, Options};
    for t in ["न\u{941}\u{93c}\u{942}", "अन\u{941}\u{93c}\u{942}च"] {
        let n = normalize_with_offsets(t, &Options::canonical());
        assert!(
            n.ends.windows(2).all(|w| w[0] <= w[1]),
            "{t:?} -> {:?} ends {:?}",
            n.text,
            n.ends
        );
    }
}

/// Regression (found by the fuzzer): not idempotent when a ZWJ/ZWNJ that a
/// later stage removes, or a match fold, changed an earlier decision (the
/// rules now run to a fixed point).
#[test]
fn normalize_idempotent_after_late_removals() {
    use asimtext_core::normalize::{normalize, Options};
    for (t, o) in [
        ("ष\u{94d}\u{200c}|ष", Options::match_key()),
        ("क\u{200d}\u{94d}\u{200c}|ष", Options::match_key()),
        ("\u{345}\u{94d}\u{200c}\u{951}", Options::canonical()),
        ("\u{ff07}\u{94b}", Options::match_key()),
    ] {
        let once = normalize(t, &o);
        assert_eq!(normalize(&once, &o), once, "{t:?}");
    }
}

/// Regression: NFC reorders a virama before the ring of `Å` (U+212B) and
/// gives both marks the range of the whole run, so the Devanagari token after
/// `Å` started inside the Latin token: `(0, 1)` and `(0, 3)` overlapped.
#[test]
fn xscript_tokens_after_reordered_marks_do_not_overlap() {
    use asimtext_core::xscript::tokens;
    for text in ["\u{212b}\u{94d}ॐ", "\u{316}\u{212b}\u{94d}ॐ"] {
        let t = tokens(text);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(
            t[0].start < t[0].end && t[0].end <= t[1].start && t[1].start < t[1].end,
            "{t:?}"
        );
    }
}
