//! Invariants of every public entry point of `asimtext_core`, as functions
//! that panic (with a message naming the input) when one is violated.
//!
//! Shared by the integration test `tests/invariants_test.rs` (which replays the
//! fuzz corpus and a seeded stream of random texts under `cargo test`) and by
//! the cargo-fuzz targets in `fuzz/fuzz_targets/` (which include this file with
//! `#[path]`), so that what the fuzzer checks is exactly what CI re-checks.
//!
//! Each `check_*` takes raw bytes: the first byte(s) choose options, the rest
//! is the text (only valid UTF-8 is used as text; invalid input is skipped,
//! since every public text API takes `&str`).

#![allow(dead_code)]

use asimtext_core::dedup::{
    self, near_duplicates, overlap, shared_passages, Key, Lsh, MinHasher, NearDupOptions, Scheme,
    Scratch, Unit,
};
use asimtext_core::normalize::{normalize, normalize_with_offsets, Form, Options};
use asimtext_core::source::SliceSource;
use asimtext_core::spans::{self, Date, ExtractOptions, Kind, KindSet};
use asimtext_core::{vocab, xscript};

/// Split `data` into an option byte and the UTF-8 text after it.
pub fn split(data: &[u8]) -> Option<(u8, &str)> {
    let (&b, rest) = data.split_first()?;
    std::str::from_utf8(rest).ok().map(|t| (b, t))
}

fn chars(text: &str) -> Vec<char> {
    text.chars().collect()
}

fn slice(cs: &[char], s: usize, e: usize) -> String {
    cs[s..e].iter().collect()
}

// ------------------------------------------------------------ normalization

/// Normalization options from one byte.
pub fn options_from(b: u8) -> Options {
    Options {
        form: match b % 3 {
            0 => Form::Nfc,
            1 => Form::Canonical,
            _ => Form::Match,
        },
        ascii_digits: b & 0x04 != 0,
        ascii_punctuation: b & 0x08 != 0,
        fix_mojibake: b & 0x10 != 0,
        fold_vowel_length: b & 0x20 != 0,
    }
}

/// `normalize` and `normalize_with_offsets` agree; the offset map has one
/// entry per output code point, each a non-empty input range inside the text,
/// starts and ends both non-decreasing; `map_span` stays inside the input;
/// the output is a fixed point (except with `fix_mojibake`, documented as not
/// idempotent on adversarial input).
pub fn check_normalize_opts(text: &str, opts: &Options) {
    let n = normalize_with_offsets(text, opts);
    let plain = normalize(text, opts);
    check_ucs2(text, opts, &plain);
    assert_eq!(
        n.text, plain,
        "normalize != normalize_with_offsets({text:?}, {opts:?})"
    );
    let len = text.chars().count();
    assert_eq!(n.input_len as usize, len, "input_len of {text:?}");
    let out_len = n.text.chars().count();
    assert_eq!(
        n.starts.len(),
        out_len,
        "starts.len() for {text:?} {opts:?}"
    );
    assert_eq!(n.ends.len(), out_len, "ends.len() for {text:?} {opts:?}");
    for i in 0..out_len {
        let (s, e) = (n.starts[i] as usize, n.ends[i] as usize);
        assert!(
            s < e && e <= len,
            "output char {i} maps to {s}..{e} (input has {len}) for {text:?} {opts:?}"
        );
        if i > 0 {
            assert!(
                n.starts[i - 1] <= n.starts[i] && (!STRICT_ENDS || n.ends[i - 1] <= n.ends[i]),
                "offsets not monotone at {i}: {:?} {:?} for {text:?} {opts:?}",
                &n.starts[i - 1..=i],
                &n.ends[i - 1..=i]
            );
        }
    }
    let offs = n.offsets();
    assert_eq!(offs.len(), out_len + 1);
    assert_eq!(*offs.last().unwrap() as usize, len);
    // map_span over a few spans, including empty and end-of-text ones.
    for (s, e) in [
        (0, out_len),
        (out_len / 2, out_len),
        (0, 0),
        (out_len, out_len),
    ] {
        let (a, b) = n.map_span(s, e);
        assert!(
            a <= b && b <= len,
            "map_span({s},{e}) = ({a},{b}) for {text:?}"
        );
    }
    if !opts.fix_mojibake {
        let again = normalize(&n.text, opts);
        assert_eq!(
            again, n.text,
            "not idempotent: {text:?} -> {:?} -> {again:?} with {opts:?}",
            n.text
        );
    }
}

/// Also require the `ends` of the offset map to be non-decreasing.
pub const STRICT_ENDS: bool = true;

/// All forms and option combinations chosen by `b`.
/// The UCS-2 entry point (Python's 2-byte strings) gives what the UTF-8 one
/// gives, and the conversions between the two forms round-trip.
fn check_ucs2(text: &str, opts: &Options, expected: &str) {
    use asimtext_core::normalize::units::{normalize_ucs2, Ucs2Outcome};
    use asimtext_core::ucs::{ucs2_from_utf8, utf8_from_ucs2};
    let mut units = Vec::new();
    if !ucs2_from_utf8(text, &mut units) {
        return; // beyond the BMP: CPython would store it with 4 bytes
    }
    let mut back = String::new();
    assert_eq!(utf8_from_ucs2(&units, &mut back), Ok(()));
    assert_eq!(back, text, "UCS-2 round trip");
    match normalize_ucs2(&units, opts) {
        Ucs2Outcome::Unchanged => assert_eq!(expected, text, "unchanged? {text:?} {opts:?}"),
        Ucs2Outcome::Changed(v) => {
            let mut got = String::new();
            assert_eq!(utf8_from_ucs2(&v, &mut got), Ok(()));
            assert_eq!(got, expected, "normalize_ucs2({text:?}, {opts:?})");
        }
        // Only for output beyond the BMP (no surrogates in a &str).
        Ucs2Outcome::Unsupported => assert!(expected.chars().any(|c| c as u32 > 0xFFFF)),
    }
}

pub fn check_normalize(b: u8, text: &str) {
    check_normalize_opts(text, &options_from(b));
    // The three plain forms always, so that every input exercises them.
    check_normalize_opts(text, &Options::nfc());
    check_normalize_opts(text, &Options::canonical());
    check_normalize_opts(text, &Options::match_key());
}

// ------------------------------------------------------------ spans

/// Spans are inside the text, non-empty, in order, non-overlapping, and
/// `text[start:end] == span.text`; filtering by kind keeps a subset.
pub fn check_spans(b: u8, text: &str) {
    let cs = chars(text);
    let reference = match b % 4 {
        0 => None,
        1 => Date::parse("2022-01-11").ok(),
        2 => Date::new(1, 1, 1).ok(),
        _ => Date::new(9999, 12, 31).ok(),
    };
    let all = spans::extract(
        text,
        &ExtractOptions {
            kinds: KindSet::ALL,
            reference,
        },
    );
    let mut prev_end = 0;
    for s in &all {
        assert!(
            s.start < s.end && s.end <= cs.len(),
            "span {s:?} outside {text:?} (len {})",
            cs.len()
        );
        assert!(
            s.start >= prev_end,
            "span {s:?} overlaps the previous one in {text:?}"
        );
        prev_end = s.end;
        assert_eq!(
            slice(&cs, s.start, s.end),
            s.text,
            "span text of {s:?} in {text:?}"
        );
        assert!(!s.value.is_empty(), "empty value in {s:?} for {text:?}");
        if let Some(r) = &s.resolved {
            assert!(
                Date::parse(r).is_ok(),
                "resolved {r:?} is not a date in {s:?}"
            );
        }
    }
    // A kind filter keeps exactly the spans of those kinds.
    let keep: Vec<Kind> = Kind::ALL
        .iter()
        .copied()
        .filter(|k| (b as u16 >> 2) & k.bit() != 0)
        .collect();
    let some = spans::extract(
        text,
        &ExtractOptions {
            kinds: KindSet::from_kinds(keep.iter().copied()),
            reference,
        },
    );
    let expect: Vec<_> = all
        .iter()
        .filter(|s| keep.contains(&s.kind))
        .cloned()
        .collect();
    assert_eq!(some, expect, "kind filter {keep:?} on {text:?}");
    // The batch path gives the same spans.
    let batch = spans::extract_batch(
        &[text.to_string(), String::new()],
        None,
        &ExtractOptions {
            kinds: KindSet::ALL,
            reference,
        },
    );
    assert_eq!(batch[0], all, "extract_batch != extract on {text:?}");
    assert!(batch[1].is_empty());
    // Date::parse on arbitrary text never panics.
    let _ = Date::parse(text);
}

// ------------------------------------------------------------ shingles / MinHash

/// A MinHasher from one byte.
pub fn hasher_from(b: u8) -> MinHasher {
    let unit = if b & 1 == 0 { Unit::Word } else { Unit::Char };
    let ngram = 1 + ((b >> 1) & 7) as usize;
    let scheme = match (b >> 4) & 3 {
        0 => Scheme::Asim,
        1 => Scheme::Affine32,
        2 => Scheme::Affine64,
        _ => Scheme::Legacy,
    };
    MinHasher::new(16, ngram, unit, (b >> 6) as u64, scheme).expect("valid parameters")
}

/// Shingles, signatures, overlap, shared passages and near_duplicates on the
/// text and on its two halves.
pub fn check_dedup(b: u8, text: &str) {
    let h = hasher_from(b);
    let shingles = h.shingles(text);
    let mut s = Scratch::default();
    // The signature of a text is the signature of its shingles as a set.
    let elems: Vec<&[u8]> = shingles.iter().map(|x| x.as_bytes()).collect();
    if h.scheme.is_u32() {
        let mut a = vec![0u32; h.num_perm];
        let mut c = vec![0u32; h.num_perm];
        h.signature_u32(text, &mut s, &mut a);
        h.sign_elements_u32(elems.iter().copied(), &mut Vec::new(), &mut c);
        assert_eq!(a, c, "signature != signature of shingles for {text:?}");
        if shingles.is_empty() {
            assert!(a.iter().all(|&v| v == u32::MAX), "empty text signature");
        }
    } else {
        let mut a = vec![0u64; h.num_perm];
        let mut c = vec![0u64; h.num_perm];
        h.signature_u64(text, &mut s, &mut a);
        h.sign_elements_u64(elems.iter().copied(), &mut Vec::new(), &mut c);
        assert_eq!(a, c, "signature != signature of shingles for {text:?}");
    }
    for sh in &shingles {
        assert!(!sh.is_empty(), "empty shingle in {text:?}");
    }
    let hs = h.shingle_hash_set(text, &mut s);
    assert!(
        hs.windows(2).all(|w| w[0] < w[1]),
        "hash set not sorted/deduplicated"
    );
    assert_eq!(hs.is_empty(), shingles.is_empty());

    // Split the text into two halves (at a char boundary).
    let cs = chars(text);
    let mid = cs.len() / 2;
    let (a, c) = (slice(&cs, 0, mid), slice(&cs, mid, cs.len()));
    let (jac, cont) = overlap(&a, &c, h.ngram, h.unit).expect("valid ngram");
    assert!(
        (0.0..=1.0).contains(&jac) && (0.0..=1.0).contains(&cont) && jac <= cont,
        "overlap({a:?}, {c:?}) = ({jac}, {cont})"
    );
    let (jself, cself) = overlap(text, text, h.ngram, h.unit).unwrap();
    let expect = if shingles.is_empty() { 0.0 } else { 1.0 };
    assert_eq!(
        (jself, cself),
        (expect, expect),
        "overlap of {text:?} with itself"
    );

    let min_words = 1 + (b as usize % 4);
    for (x, y) in [(text, text), (a.as_str(), c.as_str())] {
        let (xc, yc) = (chars(x), chars(y));
        let ps = shared_passages(x, y, min_words).expect("min_words >= 1");
        for p in &ps {
            assert!(
                p.a_start < p.a_end
                    && p.a_end <= xc.len()
                    && p.b_start < p.b_end
                    && p.b_end <= yc.len()
                    && p.words >= min_words,
                "passage {p:?} out of bounds for {x:?} / {y:?}"
            );
        }
        assert!(
            ps.windows(2).all(|w| w[0].a_start <= w[1].a_start),
            "passages not sorted for {x:?} / {y:?}: {ps:?}"
        );
        // Bounded answer: each token of `x` in at most one passage.
        let tokens = MinHasher::new(1, 1, Unit::Word, 1, Scheme::Asim)
            .expect("valid hasher")
            .shingles(x)
            .len();
        let words: usize = ps.iter().map(|p| p.words).sum();
        assert!(
            words <= tokens,
            "passages of {x:?} / {y:?} hold {words} tokens of {tokens}"
        );
    }
    // A text with tokens shares itself as one passage (when long enough).
    let own = shared_passages(text, text, 1).expect("min_words >= 1");
    assert!(own.len() <= 1, "shared_passages(x, x) = {own:?}");
    assert!(shared_passages(text, text, 0).is_err());

    let texts = [text.to_string(), a.clone(), c.clone(), text.to_string()];
    let r = near_duplicates(
        &texts,
        &NearDupOptions {
            threshold: 0.5,
            num_perm: 16,
            ngram: h.ngram,
            unit: h.unit,
            seed: 1,
            params: None,
        },
    )
    .expect("valid options");
    for &(i, j, est, exact) in &r.pairs {
        assert!(i < j && (j as usize) < texts.len(), "pair ({i}, {j})");
        assert!((0.0..=1.0).contains(&est) && (0.5..=1.0).contains(&exact));
    }
    if !shingles.is_empty() {
        assert!(
            r.pairs
                .iter()
                .any(|&(i, j, _, e)| (i, j) == (0, 3) && e == 1.0),
            "identical texts not paired: {text:?} -> {:?}",
            r.pairs
        );
    }
    let _ = dedup::minhash::estimate(&[1u32, 2], &[1u32, 3]);
}

// ------------------------------------------------------------ cross-script keys

/// Tokens are inside the text, non-empty, in order, non-overlapping, with
/// non-empty keys; `keys` and `key` agree with `tokens`.
pub fn check_xscript(b: u8, text: &str) {
    let cs = chars(text);
    let toks = xscript::tokens(text);
    let mut prev_end = 0;
    for t in &toks {
        assert!(
            t.start < t.end && t.end <= cs.len() && t.start >= prev_end,
            "token {t:?} out of order or bounds in {text:?} (len {})",
            cs.len()
        );
        prev_end = t.end;
        assert!(!t.key.is_empty(), "empty key {t:?} in {text:?}");
        assert!(!t.key.contains(' '), "key with a space {t:?} in {text:?}");
    }
    let stop = b & 1 != 0;
    let ks = xscript::keys(text, stop);
    let expect: Vec<_> = toks
        .iter()
        .filter(|t| stop || t.kind != xscript::Kind::Stop)
        .map(|t| (t.start, t.end, t.key.clone()))
        .collect();
    assert_eq!(ks, expect, "keys != tokens for {text:?}");
    let joined: Vec<&str> = toks.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(
        xscript::key(text),
        joined.join(" "),
        "key != tokens for {text:?}"
    );
    let _ = xscript::romanize(text);
    let _ = xscript::is_stopword(text);
    check_vocab(b, text);
}

/// The digest's vocabulary of the text cut into articles (at blank lines, or
/// every few characters by the option byte): sorted sparse counts inside
/// their bounds, one token count per article as `vocab::words` counts them,
/// bridge keys as the mask says, and the same result twice.
pub fn check_vocab(b: u8, text: &str) {
    let parts: Vec<String> = if b & 2 != 0 {
        text.split("\n\n").map(str::to_string).collect()
    } else {
        let step = 1 + (b >> 2) as usize;
        chars(text)
            .chunks(step)
            .map(|c| c.iter().collect())
            .collect()
    };
    let v = vocab::vocabulary(&SliceSource(&parts[..]));
    let n = parts.len() as i64;
    assert!(v.rows.len() == v.cols.len() && v.rows.len() == v.counts.len());
    let cells: Vec<(i64, i64)> = v.rows.iter().copied().zip(v.cols.iter().copied()).collect();
    assert!(
        cells.windows(2).all(|w| w[0] < w[1]),
        "cells not sorted for {text:?}"
    );
    for &(r, c) in &cells {
        assert!(
            (0..n).contains(&r) && (0..v.n_keys as i64).contains(&c),
            "cell {r},{c} out of bounds"
        );
    }
    assert!(v.counts.iter().all(|&c| c >= 1.0 && c.fract() == 0.0));
    assert_eq!(v.bridge_mask.len(), v.n_keys);
    assert_eq!(
        v.bridge_mask.iter().filter(|&&x| x).count(),
        v.bridge_keys.len()
    );
    let tokens: Vec<f64> = parts
        .iter()
        .map(|p| vocab::words(p).count() as f64)
        .collect();
    assert_eq!(v.token_counts, tokens, "token counts for {text:?}");
    assert_eq!(
        v,
        vocab::vocabulary(&SliceSource(&parts[..])),
        "not deterministic for {text:?}"
    );
}

// ------------------------------------------------------------ LSH persistence

/// Loading arbitrary bytes either fails with `CorruptData` or gives an index
/// that serializes back to exactly the same bytes and can be queried.
pub fn check_lsh_bytes(data: &[u8]) {
    match Lsh::from_bytes(data) {
        Err(asimtext_core::Error::CorruptData { reason }) => {
            assert!(!reason.is_empty());
        }
        Err(e) => panic!("from_bytes gave a non-CorruptData error: {e:?}"),
        Ok(lsh) => {
            assert_eq!(lsh.to_bytes(), data, "load -> save is not the identity");
            let sig = vec![7u32; lsh.num_perm];
            let hits = lsh.query(&sig).expect("signature of num_perm values");
            assert!(hits.len() <= lsh.len());
            let mut lsh = lsh;
            if let Some(k) = lsh.keys().first().map(|k| (*k).clone()) {
                lsh.remove(&k).expect("present key");
                assert!(!lsh.contains(&k));
            }
        }
    }
}

/// `data` as the payload of a well-formed header with a correct checksum, so
/// that the parser behind the checksum is reached.
pub fn wrap_payload(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 24);
    out.extend_from_slice(dedup::lsh::MAGIC);
    out.extend_from_slice(&dedup::lsh::FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&dedup::hash::crc32(payload).to_le_bytes());
    out
}

/// A small valid index built from `data`, its bytes with one byte changed,
/// truncated, and `data` itself as a file and as a payload.
pub fn check_lsh(data: &[u8]) {
    check_lsh_bytes(data);
    check_lsh_bytes(&wrap_payload(data));
    // A valid index whose keys and signatures come from `data`.
    let mut lsh = Lsh::new(0.5, 8, (0.5, 0.5), Some((4, 2))).expect("valid");
    for (i, chunk) in data.chunks(8).enumerate().take(64) {
        let sig: Vec<u32> = (0..8)
            .map(|j| *chunk.get(j).unwrap_or(&0) as u32 % 4)
            .collect();
        let key = if i % 2 == 0 {
            Key::Int(i as i64 - 3)
        } else {
            Key::Str(String::from_utf8_lossy(chunk).into_owned())
        };
        let dup = lsh.contains(&key);
        assert_eq!(lsh.insert(key, &sig).is_err(), dup);
    }
    let bytes = lsh.to_bytes();
    let back = Lsh::from_bytes(&bytes).expect("round trip");
    assert_eq!(back.to_bytes(), bytes);
    let q: Vec<u32> = vec![1; 8];
    assert_eq!(
        back.query(&q).unwrap(),
        lsh.query(&q).unwrap(),
        "query after round trip"
    );
    if !bytes.is_empty() {
        let pos = data.first().map_or(0, |&b| b as usize * 7919) % bytes.len();
        let mut bad = bytes.clone();
        bad[pos] ^= data.get(1).copied().unwrap_or(1).max(1);
        // One changed byte is always detected (magic, version, length or CRC-32).
        assert!(
            Lsh::from_bytes(&bad).is_err(),
            "flipped byte {pos} not detected"
        );
        assert!(
            Lsh::from_bytes(&bytes[..pos]).is_err(),
            "truncated at {pos} not detected"
        );
    }
}
