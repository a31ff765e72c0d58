//! MinHash signatures from raw text.
//!
//! Pipeline per text: match-key normalization -> tokens -> shingles (see
//! [`super::shingle`]) -> one hash per shingle -> `num_perm` affine
//! permutations -> minimum per permutation.
//!
//! Default scheme ("asim"): element value `x = element_hash(shingle) >> 32`
//! (a `u32`; [`element_hash`] combines the asimhash64 of the shingle's
//! space-separated pieces, i.e. of its tokens for word shingles, so each token
//! of a text is hashed once, straight from the normalized text); permutation `k` is `a_k * x + b_k (mod 2^32)` with `a_k` odd
//! (a bijection on 32 bits); `(a_k, b_k)` come from [`SplitMix64`] seeded with
//! `seed`: for each k in order, `a_k = (next() >> 32) | 1`, then
//! `b_k = next() >> 32`. Signatures are `uint32`; an empty text gives all
//! `u32::MAX`. The permutation loop runs over contiguous `u32` arrays with the
//! permutation index innermost so LLVM vectorizes it (AVX2 / AVX-512 chosen at
//! run time).
//!
//! Compat schemes reproduce datasketch 2.x exactly (see [`super::datasketch`]).

use super::datasketch::{self, LEGACY_MAX, MERSENNE61};
use super::hash::{combine, element_hash, fmix32, fmix64, sha1_hash32, sha1_hash64, SplitMix64};
use super::shingle::{for_each_shingle, Unit};
use super::tokenize::{token_hashes_into, tokenize_into, TokenText};
use crate::error::{Error, Result};
use crate::normalize::{normalize, normalize_with_offsets, Options};

pub const MAX_NUM_PERM: usize = 1 << 16;
pub const MAX_NGRAM: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// asimtext's own fast scheme (uint32).
    Asim,
    /// datasketch 2.x `affine32` (uint32).
    Affine32,
    /// datasketch 2.x `affine64` (uint64).
    Affine64,
    /// datasketch < 2.0 (uint64 holding 32-bit values).
    Legacy,
}

impl Scheme {
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Asim => "asim",
            Scheme::Affine32 => "affine32",
            Scheme::Affine64 => "affine64",
            Scheme::Legacy => "legacy",
        }
    }
    /// Whether signatures are `u32` (else `u64`).
    pub fn is_u32(self) -> bool {
        matches!(self, Scheme::Asim | Scheme::Affine32)
    }
    /// The value of a permutation that saw no element.
    pub fn empty_value(self) -> u64 {
        match self {
            Scheme::Asim | Scheme::Affine32 => u32::MAX as u64,
            Scheme::Affine64 => u64::MAX,
            Scheme::Legacy => LEGACY_MAX,
        }
    }
}

/// Reusable per-thread buffers.
#[derive(Default)]
pub struct Scratch {
    pub tokens: TokenText,
    pub char_starts: Vec<u32>,
    pub xs32: Vec<u32>,
    pub xs64: Vec<u64>,
    /// asimhash64 of each token (the word-shingle fast path).
    pub token_hashes: Vec<u64>,
    pub buf: Vec<u8>,
}

#[derive(Clone, Debug)]
pub struct MinHasher {
    pub num_perm: usize,
    pub ngram: usize,
    pub unit: Unit,
    pub seed: u64,
    pub scheme: Scheme,
    a32: Vec<u32>,
    b32: Vec<u32>,
    a64: Vec<u64>,
    b64: Vec<u64>,
}

/// Validate `ngram`.
pub fn check_ngram(ngram: usize) -> Result<()> {
    if ngram == 0 || ngram > MAX_NGRAM {
        return Err(Error::InvalidArgument {
            name: "ngram",
            reason: format!("must be between 1 and {MAX_NGRAM}, got {ngram}"),
        });
    }
    Ok(())
}

/// Validate `num_perm`.
pub fn check_num_perm(num_perm: usize) -> Result<()> {
    if num_perm == 0 || num_perm > MAX_NUM_PERM {
        return Err(Error::InvalidArgument {
            name: "num_perm",
            reason: format!("must be between 1 and {MAX_NUM_PERM}, got {num_perm}"),
        });
    }
    Ok(())
}

/// The permutations of the default scheme.
pub fn asim_permutations(seed: u64, num_perm: usize) -> (Vec<u32>, Vec<u32>) {
    let mut g = SplitMix64(seed);
    let mut a = Vec::with_capacity(num_perm);
    let mut b = Vec::with_capacity(num_perm);
    for _ in 0..num_perm {
        a.push(((g.next_u64() >> 32) as u32) | 1);
        b.push((g.next_u64() >> 32) as u32);
    }
    (a, b)
}

/// Normalize to the match key and tokenize.
pub fn prepare(
    text: &str,
    tokens: &mut TokenText,
    with_spans: bool,
) -> crate::normalize::Normalized {
    let norm = normalize_with_offsets(text, &Options::match_key());
    tokenize_into(&norm.text, tokens, with_spans);
    norm
}

/// Normalize to the match key and tokenize (no offset map: the fast path).
pub fn prepare_fast(text: &str, tokens: &mut TokenText) {
    let norm = normalize(text, &Options::match_key());
    tokenize_into(&norm, tokens, false);
}

/// Call `f` with the element hash ([`combine`]) of every word shingle of a
/// text whose token hashes are `t`, in text order: windows of `n` tokens, or
/// all of them when there are fewer than `n` (none when there are none).
#[inline(always)]
pub fn for_each_word_shingle_hash<F: FnMut(u64)>(t: &[u64], n: usize, mut f: F) {
    #[inline(always)]
    fn fixed<const N: usize, F: FnMut(u64)>(t: &[u64], f: &mut F) {
        for w in t.windows(N) {
            let w: &[u64; N] = w.try_into().expect("window of N");
            f(combine(w));
        }
    }
    if t.is_empty() {
        return;
    }
    if t.len() < n {
        f(combine(t));
        return;
    }
    match n {
        1 => fixed::<1, F>(t, &mut f),
        2 => fixed::<2, F>(t, &mut f),
        3 => fixed::<3, F>(t, &mut f),
        4 => fixed::<4, F>(t, &mut f),
        5 => fixed::<5, F>(t, &mut f),
        6 => fixed::<6, F>(t, &mut f),
        7 => fixed::<7, F>(t, &mut f),
        8 => fixed::<8, F>(t, &mut f),
        _ => t.windows(n).for_each(|w| f(combine(w))),
    }
}

impl MinHasher {
    pub fn new(
        num_perm: usize,
        ngram: usize,
        unit: Unit,
        seed: u64,
        scheme: Scheme,
    ) -> Result<Self> {
        check_num_perm(num_perm)?;
        check_ngram(ngram)?;
        if scheme != Scheme::Asim && seed > u32::MAX as u64 {
            return Err(Error::InvalidArgument {
                name: "seed",
                reason: format!(
                    "datasketch schemes need a seed between 0 and 2**32 - 1 (numpy RandomState), got {seed}"
                ),
            });
        }
        let (mut a32, mut b32, mut a64, mut b64) = (vec![], vec![], vec![], vec![]);
        match scheme {
            Scheme::Asim => (a32, b32) = asim_permutations(seed, num_perm),
            Scheme::Affine32 => {
                (a32, b32) = datasketch::affine32_permutations(seed as u32, num_perm)
            }
            Scheme::Affine64 => {
                (a64, b64) = datasketch::affine64_permutations(seed as u32, num_perm)
            }
            Scheme::Legacy => (a64, b64) = datasketch::legacy_permutations(seed as u32, num_perm),
        }
        Ok(MinHasher {
            num_perm,
            ngram,
            unit,
            seed,
            scheme,
            a32,
            b32,
            a64,
            b64,
        })
    }

    /// The permutation parameters `(a, b)`, widened to u64.
    pub fn permutations(&self) -> (Vec<u64>, Vec<u64>) {
        if self.scheme.is_u32() {
            (
                self.a32.iter().map(|&v| v as u64).collect(),
                self.b32.iter().map(|&v| v as u64).collect(),
            )
        } else {
            (self.a64.clone(), self.b64.clone())
        }
    }

    /// The shingles of `text` exactly as they are hashed, in text order.
    pub fn shingles(&self, text: &str) -> Vec<String> {
        let mut s = Scratch::default();
        prepare_fast(text, &mut s.tokens);
        let mut out = Vec::new();
        for_each_shingle(&s.tokens, self.ngram, self.unit, &mut s.char_starts, |b| {
            out.push(String::from_utf8_lossy(b).into_owned())
        });
        out
    }

    /// The element value of `b` in a u32 scheme.
    #[inline]
    pub fn element_u32(&self, b: &[u8]) -> u32 {
        match self.scheme {
            Scheme::Asim => (element_hash(b) >> 32) as u32,
            _ => fmix32(sha1_hash32(b)),
        }
    }

    /// The element value of `b` in a u64 scheme.
    #[inline]
    pub fn element_u64(&self, b: &[u8]) -> u64 {
        match self.scheme {
            Scheme::Affine64 => fmix64(sha1_hash64(b)),
            _ => sha1_hash32(b) as u64,
        }
    }

    /// Call `f` with the asim element hash of every shingle of `text`, in
    /// text order (repeats kept). Word shingles come from token hashes (each
    /// token hashed once, no token text built); char shingles are hashed from
    /// their bytes. Both give [`element_hash`] of the shingle's bytes.
    #[inline]
    pub fn for_each_shingle_hash<F: FnMut(u64)>(&self, text: &str, s: &mut Scratch, mut f: F) {
        match self.unit {
            Unit::Word => {
                let norm = normalize(text, &Options::match_key());
                token_hashes_into(&norm, &mut s.token_hashes, &mut s.buf);
                for_each_word_shingle_hash(&s.token_hashes, self.ngram, f);
            }
            Unit::Char => {
                prepare_fast(text, &mut s.tokens);
                for_each_shingle(&s.tokens, self.ngram, self.unit, &mut s.char_starts, |b| {
                    f(element_hash(b))
                });
            }
        }
    }

    /// Signature of a set given by its elements (u32 schemes).
    pub fn sign_elements_u32<'a, I: IntoIterator<Item = &'a [u8]>>(
        &self,
        elems: I,
        xs: &mut Vec<u32>,
        out: &mut [u32],
    ) {
        xs.clear();
        xs.extend(elems.into_iter().map(|b| self.element_u32(b)));
        self.sign_values_u32(xs, out);
    }

    /// Signature from pre-computed element values (u32 schemes).
    pub fn sign_values_u32(&self, xs: &[u32], out: &mut [u32]) {
        out.fill(u32::MAX);
        kernel::affine_u32(out, &self.a32, &self.b32, xs);
    }

    /// Signature of a set given by its elements (u64 schemes).
    pub fn sign_elements_u64<'a, I: IntoIterator<Item = &'a [u8]>>(
        &self,
        elems: I,
        xs: &mut Vec<u64>,
        out: &mut [u64],
    ) {
        xs.clear();
        xs.extend(elems.into_iter().map(|b| self.element_u64(b)));
        self.sign_values_u64(xs, out);
    }

    /// Signature from pre-computed element values (u64 schemes).
    pub fn sign_values_u64(&self, xs: &[u64], out: &mut [u64]) {
        out.fill(self.scheme.empty_value());
        if self.scheme == Scheme::Legacy {
            kernel::legacy(out, &self.a64, &self.b64, xs);
        } else {
            kernel::affine_u64(out, &self.a64, &self.b64, xs);
        }
    }

    /// Signature of `text` (u32 schemes). `out.len() == num_perm`.
    pub fn signature_u32(&self, text: &str, s: &mut Scratch, out: &mut [u32]) {
        let mut xs = std::mem::take(&mut s.xs32);
        xs.clear();
        if self.scheme == Scheme::Asim {
            self.for_each_shingle_hash(text, s, |h| xs.push((h >> 32) as u32));
        } else {
            prepare_fast(text, &mut s.tokens);
            let (tokens, cs) = (&s.tokens, &mut s.char_starts);
            for_each_shingle(tokens, self.ngram, self.unit, cs, |b| {
                xs.push(self.element_u32(b))
            });
        }
        self.sign_values_u32(&xs, out);
        s.xs32 = xs;
    }

    /// Signature of `text` (u64 schemes). `out.len() == num_perm`.
    pub fn signature_u64(&self, text: &str, s: &mut Scratch, out: &mut [u64]) {
        prepare_fast(text, &mut s.tokens);
        s.xs64.clear();
        let (tokens, cs, xs) = (&s.tokens, &mut s.char_starts, &mut s.xs64);
        for_each_shingle(tokens, self.ngram, self.unit, cs, |b| {
            xs.push(self.element_u64(b))
        });
        out.fill(self.scheme.empty_value());
        if self.scheme == Scheme::Legacy {
            kernel::legacy(out, &self.a64, &self.b64, &s.xs64);
        } else {
            kernel::affine_u64(out, &self.a64, &self.b64, &s.xs64);
        }
    }

    /// The asim element hashes ([`element_hash`]) of the shingles of `text`,
    /// in text order (repeats kept; sort and de-duplicate for a set).
    pub fn shingle_hashes(&self, text: &str, s: &mut Scratch) -> Vec<u64> {
        let mut v = Vec::new();
        self.for_each_shingle_hash(text, s, |h| v.push(h));
        v
    }

    /// The sorted, de-duplicated asim element hashes of the shingles of
    /// `text` (the set used for exact verification).
    pub fn shingle_hash_set(&self, text: &str, s: &mut Scratch) -> Vec<u64> {
        let mut v = self.shingle_hashes(text, s);
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// The permutation kernels. Each exists once as portable code; on x86-64 it
/// is compiled again with AVX2 and AVX-512 enabled and chosen at run time.
pub mod kernel {
    use super::{LEGACY_MAX, MERSENNE61};

    const LANES: usize = 32;

    #[inline(always)]
    fn affine_u32_generic(sig: &mut [u32], a: &[u32], b: &[u32], xs: &[u32]) {
        let n = sig.len().min(a.len()).min(b.len());
        let mut k = 0;
        while k + LANES <= n {
            let mut acc = [0u32; LANES];
            let mut aa = [0u32; LANES];
            let mut bb = [0u32; LANES];
            acc.copy_from_slice(&sig[k..k + LANES]);
            aa.copy_from_slice(&a[k..k + LANES]);
            bb.copy_from_slice(&b[k..k + LANES]);
            for &x in xs {
                for l in 0..LANES {
                    acc[l] = acc[l].min(aa[l].wrapping_mul(x).wrapping_add(bb[l]));
                }
            }
            sig[k..k + LANES].copy_from_slice(&acc);
            k += LANES;
        }
        for j in k..n {
            let mut m = sig[j];
            for &x in xs {
                m = m.min(a[j].wrapping_mul(x).wrapping_add(b[j]));
            }
            sig[j] = m;
        }
    }

    #[inline(always)]
    fn affine_u64_generic(sig: &mut [u64], a: &[u64], b: &[u64], xs: &[u64]) {
        for &x in xs {
            for ((s, &ak), &bk) in sig.iter_mut().zip(a).zip(b) {
                *s = (*s).min(ak.wrapping_mul(x).wrapping_add(bk));
            }
        }
    }

    #[inline(always)]
    fn legacy_generic(sig: &mut [u64], a: &[u64], b: &[u64], xs: &[u64]) {
        for &x in xs {
            for ((s, &ak), &bk) in sig.iter_mut().zip(a).zip(b) {
                let v = (ak.wrapping_mul(x).wrapping_add(bk) % MERSENNE61) & LEGACY_MAX;
                *s = (*s).min(v);
            }
        }
    }

    macro_rules! dispatch {
        ($name:ident, $generic:ident, $t:ty) => {
            pub fn $name(sig: &mut [$t], a: &[$t], b: &[$t], xs: &[$t]) {
                #[cfg(target_arch = "x86_64")]
                {
                    #[target_feature(enable = "avx512f,avx512dq,avx512vl,avx2")]
                    unsafe fn avx512(sig: &mut [$t], a: &[$t], b: &[$t], xs: &[$t]) {
                        $generic(sig, a, b, xs)
                    }
                    #[target_feature(enable = "avx2")]
                    unsafe fn avx2(sig: &mut [$t], a: &[$t], b: &[$t], xs: &[$t]) {
                        $generic(sig, a, b, xs)
                    }
                    if std::is_x86_feature_detected!("avx512f")
                        && std::is_x86_feature_detected!("avx512dq")
                        && std::is_x86_feature_detected!("avx512vl")
                    {
                        // SAFETY: the CPU supports the enabled features (checked above).
                        return unsafe { avx512(sig, a, b, xs) };
                    }
                    if std::is_x86_feature_detected!("avx2") {
                        // SAFETY: the CPU supports AVX2 (checked above).
                        return unsafe { avx2(sig, a, b, xs) };
                    }
                }
                $generic(sig, a, b, xs)
            }
        };
    }

    dispatch!(affine_u32, affine_u32_generic, u32);
    dispatch!(affine_u64, affine_u64_generic, u64);
    dispatch!(legacy, legacy_generic, u64);
}

/// Estimated Jaccard similarity: the share of equal positions.
pub fn estimate<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let eq = a.iter().zip(b).filter(|(x, y)| x == y).count();
    eq as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_equals_signature_of_shingles() {
        let h = MinHasher::new(64, 3, Unit::Word, 7, Scheme::Asim).unwrap();
        let text = "Kanpur पुलिस कमिश्नर असीम अरुण ने वीडियो शेयर करके कहा";
        let mut s = Scratch::default();
        let mut sig = vec![0u32; 64];
        h.signature_u32(text, &mut s, &mut sig);
        let sh = h.shingles(text);
        let mut sig2 = vec![0u32; 64];
        let mut xs = Vec::new();
        h.sign_elements_u32(sh.iter().map(|x| x.as_bytes()), &mut xs, &mut sig2);
        assert_eq!(sig, sig2);
        assert_eq!(sh[0], "kanpur पुलिस कमिश्नर");
    }

    #[test]
    fn empty_text_gives_empty_signature_and_short_text_one_shingle() {
        let h = MinHasher::new(16, 5, Unit::Word, 1, Scheme::Asim).unwrap();
        assert!(h.shingles("  ,. ").is_empty());
        assert_eq!(h.shingles("a b"), vec!["a b"]);
        let mut sig = vec![0u32; 16];
        h.signature_u32("", &mut Scratch::default(), &mut sig);
        assert!(sig.iter().all(|&v| v == u32::MAX));
    }

    #[test]
    fn kernel_matches_scalar_for_odd_lengths() {
        for n in [1usize, 31, 32, 33, 100, 128] {
            let (a, b) = asim_permutations(3, n);
            let xs: Vec<u32> = (0..50u32).map(|i| i.wrapping_mul(2_654_435_761)).collect();
            let mut sig = vec![u32::MAX; n];
            kernel::affine_u32(&mut sig, &a, &b, &xs);
            for k in 0..n {
                let m = xs
                    .iter()
                    .map(|&x| a[k].wrapping_mul(x).wrapping_add(b[k]))
                    .min()
                    .unwrap();
                assert_eq!(sig[k], m);
            }
        }
    }

    #[test]
    fn bad_arguments() {
        assert!(MinHasher::new(0, 5, Unit::Word, 1, Scheme::Asim).is_err());
        assert!(MinHasher::new(8, 0, Unit::Word, 1, Scheme::Asim).is_err());
        assert!(MinHasher::new(8, 5, Unit::Word, 1 << 40, Scheme::Legacy).is_err());
    }
}
