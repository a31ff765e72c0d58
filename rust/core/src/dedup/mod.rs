//! Near-duplicate detection: shingles, MinHash, LSH, clusters, shared passages.
//!
//! Everything starts from raw text: match-key normalization
//! ([`crate::normalize`]) -> [`tokenize`] -> [`shingle`] -> [`hash`] ->
//! [`minhash`] signatures -> [`lsh`] candidates -> [`verify`] exact Jaccard ->
//! [`cluster`] components. [`passages`] finds the stretches two texts share.
//! [`datasketch`] reproduces datasketch 2.x signatures bit for bit.

pub mod cluster;
pub mod datasketch;
pub mod hash;
pub mod lsh;
pub mod minhash;
pub mod partitioned;
pub mod passages;
pub mod shingle;
pub mod stream;
mod tables;
pub mod tokenize;
pub mod verify;

pub use cluster::{near_duplicates, NearDupOptions, NearDupResult};
pub use lsh::{Key, Lsh};
pub use minhash::{MinHasher, Scheme, Scratch};
pub use passages::{shared_passages, Passage};
pub use shingle::Unit;

/// Exact `(jaccard, containment)` of the shingle sets of two texts (shingle
/// strings compared exactly); `(0, 0)` when either text has no shingles.
pub fn overlap(a: &str, b: &str, ngram: usize, unit: Unit) -> crate::error::Result<(f64, f64)> {
    minhash::check_ngram(ngram)?;
    let set = |t: &str| {
        let mut tt = tokenize::TokenText::default();
        minhash::prepare_fast(t, &mut tt);
        let mut cs = Vec::new();
        let mut v: Vec<Vec<u8>> = Vec::new();
        shingle::for_each_shingle(&tt, ngram, unit, &mut cs, |b| v.push(b.to_vec()));
        v.sort_unstable();
        v.dedup();
        v
    };
    let (sa, sb) = (set(a), set(b));
    Ok(verify::jaccard_containment(&sa, &sb))
}
