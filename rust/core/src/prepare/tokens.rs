//! The match-key tokens of a prepared text, and what the digest's copy and
//! conflict stages derive from them (contract: docs/contracts/prepare.md).
//!
//! The prepare stage normalizes a text to the match key once
//! ([`super::doc::prepare`]); its tokens ([`crate::dedup::tokenize`]) are kept
//! as their asimhash64 ([`hash64`], the hash word shingles are built from) and
//! the span each covers in the ORIGINAL text (code points). Everything the
//! near-duplicate search, the copy stage (signatures, exact overlap, shared
//! passages) and the sentence templates need is derived from these arrays,
//! so no stage normalizes the text again:
//!
//! * word shingle hashes: [`for_each_word_shingle_hash`] over the token
//!   hashes, the very hashes [`crate::dedup::MinHasher`] computes from the text;
//! * MinHash signatures (`asim` scheme) from those;
//! * exact overlap: Jaccard and containment of the shingle HASH sets (the
//!   text-based [`crate::dedup::overlap`] compares shingle strings; the two
//!   differ only where two distinct shingles share a 64-bit hash);
//! * shared passages: [`crate::dedup::shared_passages`]'s greedy parse over
//!   token hashes (tokens equal when their hashes are), offsets from the spans.
//!
//! A document of the copy stage may be several prepared texts one after the
//! other (a page split into units): its tokens are theirs, concatenated, each
//! span shifted by where the text starts in the page.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::dedup::cluster::{near_duplicates_of_sketches, NearDupOptions, NearDupResult, Sketches};
use crate::dedup::hash::hash64;
use crate::dedup::minhash::{for_each_word_shingle_hash, MinHasher, Scheme};
use crate::dedup::passages::{matching_statistics, Passage};
use crate::dedup::tokenize::{tokenize_into, TokenText};
use crate::dedup::verify::jaccard_containment;
use crate::dedup::Unit;
use crate::error::Result;
use crate::normalize::Normalized;
use crate::prepare::context::DocContext;

/// The match-key tokens of one text: per token its [`hash64`], its span in
/// the original text (code points), and whether it holds a letter of the
/// digest's word rule (a Devanagari letter or sign, or an ASCII letter: what
/// `WORD_RE` of `asimtext.digest.text` matches), one bit per token.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocTokens {
    pub hashes: Vec<u64>,
    pub spans: Vec<(u32, u32)>,
    lettered: Vec<u64>,
    /// The content words for the context words of values (empty unless made
    /// by [`DocTokens::with_context`]).
    pub context: DocContext,
}

/// A letter of the digest's word rule (`WORD_RE`: U+0900-U+0963,
/// U+0971-U+097F, ASCII letters; ZWJ and ZWNJ are never in a token).
fn is_word_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{900}'..='\u{963}').contains(&c)
        || ('\u{971}'..='\u{97f}').contains(&c)
}

impl DocTokens {
    /// The tokens of a text from its match key with the offset map.
    pub fn of(norm: &Normalized) -> DocTokens {
        DocTokens::tokenized(norm).0
    }

    /// [`DocTokens::of`] with the text's content words ([`DocContext`]) made
    /// from the same match key.
    pub fn with_context(text: &str, norm: &Normalized) -> DocTokens {
        let (mut t, norm_spans) = DocTokens::tokenized(norm);
        t.context = DocContext::of(text, norm, &norm_spans, &t.spans);
        t
    }

    /// The tokens, and their spans in the match key.
    fn tokenized(norm: &Normalized) -> (DocTokens, Vec<(u32, u32)>) {
        let mut tt = TokenText::default();
        tokenize_into(&norm.text, &mut tt, true);
        let n = tt.len();
        let mut lettered = vec![0u64; n.div_ceil(64)];
        let mut hashes = Vec::with_capacity(n);
        for i in 0..n {
            let tok = tt.token(i);
            hashes.push(hash64(tok.as_bytes()));
            if tok.chars().any(is_word_letter) {
                lettered[i / 64] |= 1 << (i % 64);
            }
        }
        let spans = tt
            .spans
            .iter()
            .map(|&(s, e)| {
                let (a, b) = norm.map_span(s as usize, e as usize);
                (a as u32, b as u32)
            })
            .collect();
        (
            DocTokens {
                hashes,
                spans,
                lettered,
                context: DocContext::default(),
            },
            tt.spans,
        )
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Whether token `i` holds a letter of the digest's word rule.
    pub fn is_lettered(&self, i: usize) -> bool {
        self.lettered[i / 64] >> (i % 64) & 1 == 1
    }

    /// For each range `[a, b)` of the text (code points), the hashes of the
    /// lettered tokens lying wholly inside it, in order: a sentence's words
    /// around its values (the conflict stage's sentence templates).
    pub fn words_in(&self, ranges: &[(usize, usize)]) -> Vec<Vec<u64>> {
        ranges
            .iter()
            .map(|&(a, b)| {
                let first = self.spans.partition_point(|s| (s.0 as usize) < a);
                let mut out = Vec::new();
                for i in first..self.len() {
                    let (s, e) = (self.spans[i].0 as usize, self.spans[i].1 as usize);
                    if s >= b {
                        break;
                    }
                    if e <= b && self.is_lettered(i) {
                        out.push(self.hashes[i]);
                    }
                }
                out
            })
            .collect()
    }

    /// Bytes held (for memory accounting).
    pub fn heap_bytes(&self) -> usize {
        self.hashes.capacity() * 8
            + self.spans.capacity() * 8
            + self.lettered.capacity() * 8
            + self.context.heap_bytes()
    }
}

/// The tokens of a text as a batch keeps them (about 6 bytes a token instead
/// of 16): each hash as its index in the batch's table of distinct hashes
/// ([`Interner`]), the spans as zigzag LEB128 varints (the gap from the end of
/// the token before, then the length), the letter bits as they were.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Packed {
    ids: Vec<u32>,
    spans: Vec<u8>,
    lettered: Vec<u64>,
    context: DocContext,
}

fn put_varint(out: &mut Vec<u8>, v: i64) {
    let mut z = ((v << 1) ^ (v >> 63)) as u64;
    loop {
        let b = (z & 0x7f) as u8;
        z >>= 7;
        if z == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn get_varint(bytes: &[u8], at: &mut usize) -> i64 {
    let (mut z, mut shift) = (0u64, 0u32);
    loop {
        let b = bytes[*at];
        *at += 1;
        z |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return ((z >> 1) as i64) ^ -((z & 1) as i64);
        }
        shift += 7;
    }
}

/// Hashes a token's hash (already 64 well-mixed bits) with one multiply and
/// SplitMix64's finalizer (the default SipHash made a prepared batch ~10% slower).
/// Which map is used changes no id (ids go in order of first occurrence).
#[derive(Default)]
pub struct TokenHasher(u64);

impl Hasher for TokenHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// A map keyed by token hashes.
pub type TokenMap<V> = HashMap<u64, V, BuildHasherDefault<TokenHasher>>;

/// The distinct token hashes of a batch, each once: a token is kept as its
/// index here.
#[derive(Default)]
pub struct Interner {
    index: TokenMap<u32>,
    pub table: Vec<u64>,
}

impl Interner {
    /// The compact form of `t` (its hashes entered in the table).
    pub fn pack(&mut self, t: DocTokens) -> Packed {
        let mut ids = Vec::with_capacity(t.hashes.len());
        for &h in &t.hashes {
            let n = self.table.len() as u32;
            let id = *self.index.entry(h).or_insert(n);
            if id == n {
                self.table.push(h);
            }
            ids.push(id);
        }
        let mut spans = Vec::with_capacity(2 * t.spans.len());
        let mut prev = 0i64;
        for &(a, b) in &t.spans {
            put_varint(&mut spans, i64::from(a) - prev);
            put_varint(&mut spans, i64::from(b) - i64::from(a));
            prev = i64::from(b);
        }
        spans.shrink_to_fit();
        Packed {
            ids,
            spans,
            lettered: t.lettered,
            context: t.context,
        }
    }

    /// The table alone (the index is only needed while packing).
    pub fn into_table(self) -> Vec<u64> {
        let mut t = self.table;
        t.shrink_to_fit();
        t
    }
}

impl Packed {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The token hashes (`table`: the batch's [`Interner`] table).
    pub fn hashes(&self, table: &[u64]) -> Vec<u64> {
        self.ids.iter().map(|&i| table[i as usize]).collect()
    }

    /// The token spans in the original text.
    pub fn spans(&self) -> Vec<(u32, u32)> {
        let mut out = Vec::with_capacity(self.ids.len());
        let (mut at, mut prev) = (0usize, 0i64);
        while at < self.spans.len() {
            let a = prev + get_varint(&self.spans, &mut at);
            let b = a + get_varint(&self.spans, &mut at);
            out.push((a as u32, b as u32));
            prev = b;
        }
        out
    }

    /// The tokens back as [`DocTokens`].
    pub fn unpack(&self, table: &[u64]) -> DocTokens {
        DocTokens {
            hashes: self.hashes(table),
            spans: self.spans(),
            lettered: self.lettered.clone(),
            context: self.context.clone(),
        }
    }

    /// The content words of the text (`chars`: its code points) lying inside
    /// `stretches` ([`DocContext::words_in`]).
    pub fn context_words(
        &self,
        chars: &[char],
        stretches: &[(usize, usize)],
    ) -> Vec<(usize, usize, String)> {
        self.context.words_in(&self.spans(), chars, stretches)
    }

    /// [`DocTokens::words_in`] of the unpacked tokens.
    pub fn words_in(&self, table: &[u64], ranges: &[(usize, usize)]) -> Vec<Vec<u64>> {
        self.unpack(table).words_in(ranges)
    }

    /// Bytes held (for memory accounting).
    pub fn heap_bytes(&self) -> usize {
        self.ids.capacity() * 4
            + self.spans.capacity()
            + self.lettered.capacity() * 8
            + self.context.heap_bytes()
    }
}

/// A piece of a document of the copy stage: a prepared text's tokens, its
/// batch's table and where the text starts in the document.
#[derive(Clone, Copy)]
pub struct Piece<'a> {
    pub tokens: &'a Packed,
    pub table: &'a [u64],
    pub base: u32,
}

/// A document of the copy stage: prepared texts one after the other.
pub type Pieces<'a> = [Piece<'a>];

/// The token hashes of a document.
pub fn hashes_of(doc: &Pieces<'_>) -> Vec<u64> {
    let mut out = Vec::new();
    for p in doc {
        out.extend(p.tokens.ids.iter().map(|&i| p.table[i as usize]));
    }
    out
}

/// The word `ngram`-shingle hashes of a document, in text order (repeats kept).
pub fn shingle_hashes(doc: &Pieces<'_>, ngram: usize) -> Vec<u64> {
    let t = hashes_of(doc);
    let mut out = Vec::with_capacity(t.len());
    for_each_word_shingle_hash(&t, ngram, |h| out.push(h));
    out
}

/// The sorted, de-duplicated word shingle hashes of a document.
pub fn shingle_set(doc: &Pieces<'_>, ngram: usize) -> Vec<u64> {
    let mut v = shingle_hashes(doc, ngram);
    v.sort_unstable();
    v.dedup();
    v
}

/// The digest's MinHasher: `asimtext.MinHasher(num_perm=128, ngram=5,
/// unit="word", seed=1)`, the defaults of `near_duplicates`.
pub fn digest_hasher() -> MinHasher {
    let o = NearDupOptions::default();
    MinHasher::new(o.num_perm, o.ngram, o.unit, o.seed, Scheme::Asim)
        .expect("the default options are valid")
}

/// The `asim` MinHash signature of a document (`out.len() == num_perm`):
/// `hasher.signature_u32` of its text.
pub fn signature(hasher: &MinHasher, doc: &Pieces<'_>, out: &mut [u32]) {
    let xs: Vec<u32> = shingle_hashes(doc, hasher.ngram)
        .into_iter()
        .map(|h| (h >> 32) as u32)
        .collect();
    hasher.sign_values_u32(&xs, out);
}

/// `(jaccard, containment)` of two shingle hash sets (see the module
/// documentation).
pub fn overlap(a: &[u64], b: &[u64]) -> (f64, f64) {
    jaccard_containment(a, b)
}

/// Token hashes and spans of a document (spans shifted by each piece's start).
fn tokens_of(doc: &Pieces<'_>) -> (Vec<u64>, Vec<(u32, u32)>) {
    let mut s = Vec::new();
    for p in doc {
        s.extend(
            p.tokens
                .spans()
                .into_iter()
                .map(|(a, b)| (a + p.base, b + p.base)),
        );
    }
    (hashes_of(doc), s)
}

/// [`crate::dedup::shared_passages`] of two documents, from their tokens:
/// the same greedy parse, tokens compared by hash.
pub fn shared_passages(a: &Pieces<'_>, b: &Pieces<'_>, min_words: usize) -> Vec<Passage> {
    let (ha, sa) = tokens_of(a);
    let (hb, sb) = tokens_of(b);
    let (la, lb) = (ha.len(), hb.len());
    if la < min_words || lb < min_words || min_words == 0 {
        return Vec::new();
    }
    let mut ids: TokenMap<u32> = TokenMap::with_capacity_and_hasher(lb, Default::default());
    let idb: Vec<u32> = hb
        .iter()
        .map(|&h| {
            let n = ids.len() as u32;
            *ids.entry(h).or_insert(n)
        })
        .collect();
    let absent = ids.len() as u32;
    let ida: Vec<u32> = ha
        .iter()
        .map(|h| ids.get(h).copied().unwrap_or(absent))
        .collect();
    drop(ids);
    let ms = matching_statistics(&ida, &idb);
    let mut out = Vec::new();
    let mut i = 0;
    while i < la {
        let (l, j) = (ms[i].0 as usize, ms[i].1 as usize);
        if l >= min_words {
            out.push(Passage {
                a_start: sa[i].0 as usize,
                a_end: sa[i + l - 1].1 as usize,
                b_start: sb[j].0 as usize,
                b_end: sb[j + l - 1].1 as usize,
                words: l,
            });
            i += l;
        } else {
            i += 1;
        }
    }
    out
}

/// [`crate::dedup::near_duplicates`] of documents (`threshold`, the other
/// options their defaults), from their tokens.
pub fn near_duplicates(docs: &[&Pieces<'_>], threshold: f64) -> Result<NearDupResult> {
    let o = NearDupOptions {
        threshold,
        ..Default::default()
    };
    crate::dedup::cluster::check_options(&o)?;
    debug_assert_eq!(o.unit, Unit::Word);
    let hasher = digest_hasher();
    let k = hasher.num_perm;
    let mut sets: Vec<Vec<u64>> = vec![Vec::new(); docs.len()];
    let mut sigs = vec![0u32; docs.len() * k];
    use rayon::prelude::*;
    sigs.par_chunks_mut(k)
        .zip(sets.par_iter_mut())
        .zip(docs.par_iter())
        .with_min_len(8)
        .for_each(|((sig, set), doc)| {
            let hs = shingle_hashes(doc, hasher.ngram);
            let xs: Vec<u32> = hs.iter().map(|&h| (h >> 32) as u32).collect();
            hasher.sign_values_u32(&xs, sig);
            *set = hs;
        });
    Ok(near_duplicates_of_sketches(
        Sketches {
            sets,
            sigs,
            num_perm: k,
        },
        &o,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::{self, Scratch};
    use crate::normalize::{normalize_with_offsets, Options};

    fn toks(t: &str) -> DocTokens {
        DocTokens::of(&normalize_with_offsets(t, &Options::match_key()))
    }

    /// Texts packed in one batch: their tokens and the table.
    fn packed(texts: &[&str]) -> (Vec<Packed>, Vec<u64>) {
        let mut i = Interner::default();
        let p = texts.iter().map(|t| i.pack(toks(t))).collect();
        (p, i.into_table())
    }

    fn one<'a>(p: &'a Packed, table: &'a [u64]) -> [Piece<'a>; 1] {
        [Piece {
            tokens: p,
            table,
            base: 0,
        }]
    }

    const TEXTS: [&str; 5] = [
        "x y. The Quick brown fox jumps, over the dog। z and more words here",
        "q the quick brown fox jumps over the dog. w and more words here too",
        "कानपुर में 15 जनवरी को 1,200 लोग आए; कानपुर में बारिश\u{200d} हुई",
        "कानपुर में 15 जनवरी को 1,300 लोग आए; कानपुर में बारिश हुई",
        "",
    ];

    #[test]
    fn what_the_text_calls_give() {
        let h = digest_hasher();
        let mut s = Scratch::default();
        let (all, table) = packed(&TEXTS);
        for (ta, a) in all.iter().zip(TEXTS) {
            assert_eq!(ta.unpack(&table), toks(a));
            let mut want = vec![0u32; h.num_perm];
            h.signature_u32(a, &mut s, &mut want);
            let mut got = vec![0u32; h.num_perm];
            signature(&h, &one(ta, &table), &mut got);
            assert_eq!(got, want, "{a:?}");
            assert_eq!(
                shingle_hashes(&one(ta, &table), 5),
                h.shingle_hashes(a, &mut s)
            );
            for (tb, b) in all.iter().zip(TEXTS) {
                let (sa, sb) = (
                    shingle_set(&one(ta, &table), 5),
                    shingle_set(&one(tb, &table), 5),
                );
                assert_eq!(
                    overlap(&sa, &sb),
                    dedup::overlap(a, b, 5, Unit::Word).unwrap()
                );
                for k in [1, 3, 8] {
                    assert_eq!(
                        shared_passages(&one(ta, &table), &one(tb, &table), k),
                        dedup::shared_passages(a, b, k).unwrap(),
                        "{a:?} {b:?} {k}"
                    );
                }
            }
        }
        let pieces: Vec<[Piece<'_>; 1]> = all.iter().map(|t| one(t, &table)).collect();
        let docs: Vec<&Pieces<'_>> = pieces.iter().map(|p| &p[..]).collect();
        for th in [0.3, 0.5, 0.8] {
            let got = near_duplicates(&docs, th).unwrap();
            let want = dedup::near_duplicates(
                &TEXTS,
                &NearDupOptions {
                    threshold: th,
                    ..Default::default()
                },
            )
            .unwrap();
            assert_eq!(got.pairs, want.pairs);
            assert_eq!(got.clusters, want.clusters);
        }
    }

    #[test]
    fn a_page_of_units_is_its_texts_one_after_the_other() {
        let (u1, u2) = (
            "Head line one\nbody of the first report here\n\n",
            "Second head\nits body words go on and on",
        );
        let page = format!("{u1}{u2}");
        let (p, table) = packed(&[u1, u2, &page]);
        let base = u1.chars().count() as u32;
        let joined = [
            Piece {
                tokens: &p[0],
                table: &table,
                base: 0,
            },
            Piece {
                tokens: &p[1],
                table: &table,
                base,
            },
        ];
        assert_eq!(hashes_of(&joined), toks(&page).hashes);
        assert_eq!(
            shared_passages(&joined, &one(&p[2], &table), 2),
            dedup::shared_passages(&page, &page, 2).unwrap()
        );
    }

    #[test]
    fn words_in_ranges() {
        let t = "कानपुर में 15 लोग, covid19 x2 and 7";
        let d = toks(t);
        let n = t.chars().count();
        let w = d.words_in(&[(0, n), (0, 10), (11, n)]);
        // 15 and 7 hold no letter; covid19 and x2 do.
        assert_eq!(w[0].len(), 6);
        assert_eq!(w[1].len(), 2);
        assert_eq!(w[2].len(), 4);
    }
}

#[cfg(test)]
mod varint_tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let vals = [
            0i64,
            1,
            -1,
            63,
            64,
            -64,
            -65,
            127,
            128,
            300,
            -300,
            1 << 31,
            -(1 << 31),
        ];
        let mut b = Vec::new();
        for &v in &vals {
            put_varint(&mut b, v);
        }
        let mut at = 0;
        for &v in &vals {
            assert_eq!(get_varint(&b, &mut at), v);
        }
        assert_eq!(at, b.len());
    }
}
