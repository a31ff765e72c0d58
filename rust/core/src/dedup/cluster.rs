//! `near_duplicates`: signatures -> LSH candidate pairs -> exact verification
//! -> connected components.

use rayon::prelude::*;

use super::lsh::{band_hash, check_lsh_args, optimal_params, MAX_LSH_NUM_PERM};
use super::minhash::{estimate, MinHasher, Scheme, Scratch};
use super::shingle::Unit;
use super::verify::jaccard;
use crate::error::{Error, Result};

#[derive(Clone, Debug)]
pub struct NearDupOptions {
    pub threshold: f64,
    pub num_perm: usize,
    pub ngram: usize,
    pub unit: Unit,
    pub seed: u64,
    /// `(bands, rows)`; default: chosen for `max(threshold - 0.2, 0.05)` with
    /// weights (0.2, 0.8), which favours recall (verification removes false positives).
    pub params: Option<(usize, usize)>,
}

impl Default for NearDupOptions {
    fn default() -> Self {
        NearDupOptions {
            threshold: 0.8,
            num_perm: 128,
            ngram: 5,
            unit: Unit::Word,
            seed: 1,
            params: None,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct NearDupResult {
    /// `(i, j, estimated, exact)`, `i < j`, sorted by `(i, j)`.
    pub pairs: Vec<(u32, u32, f64, f64)>,
    /// Connected components of the pairs (each sorted, listed by smallest member).
    pub clusters: Vec<Vec<u32>>,
    /// `(bands, rows)` used.
    pub params: (usize, usize),
    /// Number of candidate pairs the LSH produced (before verification).
    pub candidates: usize,
    /// `(band, bucket)`s holding more than `BUCKET_WINDOW + 1` texts, where
    /// each text was compared only with the `BUCKET_WINDOW` after it.
    pub capped_buckets: usize,
}

/// The `(bands, rows)` `near_duplicates` uses by default.
pub fn default_params(threshold: f64, num_perm: usize) -> (usize, usize) {
    optimal_params((threshold - 0.2).max(0.05), num_perm, 0.2, 0.8)
}

/// Union-find with path halving and union by size.
pub struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}
impl UnionFind {
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }
    pub fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = p;
            x = p;
        }
        x
    }
    pub fn union(&mut self, a: u32, b: u32) {
        let (mut ra, mut rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        if self.size[ra as usize] < self.size[rb as usize] {
            std::mem::swap(&mut ra, &mut rb);
        }
        self.parent[rb as usize] = ra;
        self.size[ra as usize] += self.size[rb as usize];
    }
}

/// Connected components (of size >= 2) of `pairs` over `n` items.
pub fn clusters(n: usize, pairs: impl Iterator<Item = (u32, u32)>) -> Vec<Vec<u32>> {
    let mut uf = UnionFind::new(n);
    let mut touched = vec![false; n];
    for (i, j) in pairs {
        uf.union(i, j);
        touched[i as usize] = true;
        touched[j as usize] = true;
    }
    let mut by_root: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
    for i in 0..n as u32 {
        if touched[i as usize] {
            let r = uf.find(i);
            by_root.entry(r).or_default().push(i);
        }
    }
    let mut out: Vec<Vec<u32>> = by_root.into_values().collect();
    out.sort_unstable_by_key(|c| c[0]);
    out
}

/// Validate the options.
pub fn check_options(o: &NearDupOptions) -> Result<()> {
    check_lsh_args(
        o.threshold,
        o.num_perm.clamp(2, MAX_LSH_NUM_PERM),
        (0.5, 0.5),
    )?;
    if !(2..=MAX_LSH_NUM_PERM).contains(&o.num_perm) {
        return Err(Error::InvalidArgument {
            name: "num_perm",
            reason: format!(
                "must be between 2 and {MAX_LSH_NUM_PERM}, got {}",
                o.num_perm
            ),
        });
    }
    if let Some((b, r)) = o.params {
        if b == 0 || r == 0 || b.saturating_mul(r) > o.num_perm {
            return Err(Error::InvalidArgument {
                name: "params",
                reason: format!(
                    "bands * rows must be between 1 and num_perm = {}, got ({b}, {r})",
                    o.num_perm
                ),
            });
        }
    }
    Ok(())
}

pub use crate::source::{SliceSource, TextSource};

/// Sketches of many texts: per text the shingle hashes (in text order; sorted
/// and de-duplicated only for the texts that need verification) and the signature.
pub struct Sketches {
    pub sets: Vec<Vec<u64>>,
    /// Row-major `n x num_perm`.
    pub sigs: Vec<u32>,
    pub num_perm: usize,
}

pub fn sketch_all<S: AsRef<str> + Sync>(hasher: &MinHasher, texts: &[S]) -> Sketches {
    sketch_source(hasher, &SliceSource(texts))
}

/// [`sketch_all`] over any [`TextSource`].
pub fn sketch_source<T: TextSource + ?Sized>(hasher: &MinHasher, texts: &T) -> Sketches {
    let k = hasher.num_perm;
    let n = texts.len();
    let mut sigs = vec![0u32; n * k];
    let mut sets: Vec<Vec<u64>> = vec![Vec::new(); n];
    sigs.par_chunks_mut(k)
        .zip(sets.par_iter_mut())
        .enumerate()
        .with_min_len(8)
        .for_each_init(
            || (Scratch::default(), String::new()),
            |(s, buf), (i, (sig, set))| {
                let text = texts.text(i, buf);
                let mut hs = std::mem::take(&mut s.xs64);
                hs.clear();
                hasher.for_each_shingle_hash(text, s, |h| hs.push(h));
                s.xs32.clear();
                s.xs32.extend(hs.iter().map(|&h| (h >> 32) as u32));
                hasher.sign_values_u32(&s.xs32, sig);
                *set = hs.as_slice().to_vec();
                s.xs64 = hs;
            },
        );
    Sketches {
        sets,
        sigs,
        num_perm: k,
    }
}

/// Sort `(hash, doc)` entries (the same order as `sort_unstable`): a
/// counting sort on the top bits of the hash, then each small bucket sorted.
/// Band hashes are uniform, so the buckets hold a few entries each.
fn sort_keyed(v: &mut Vec<(u64, u32)>) {
    let n = v.len();
    if n < 2048 {
        v.sort_unstable();
        return;
    }
    let bits = (usize::BITS - (n / 4).leading_zeros()).min(20);
    let shift = 64 - bits;
    let mut start = vec![0u32; (1usize << bits) + 1];
    for &(h, _) in v.iter() {
        start[(h >> shift) as usize + 1] += 1;
    }
    for b in 1..start.len() {
        start[b] += start[b - 1];
    }
    let mut out = vec![(0u64, 0u32); n];
    let mut next = start.clone();
    for &e in v.iter() {
        let b = (e.0 >> shift) as usize;
        out[next[b] as usize] = e;
        next[b] += 1;
    }
    for w in start.windows(2) {
        let bucket = &mut out[w[0] as usize..w[1] as usize];
        if bucket.len() > 1 {
            bucket.sort_unstable();
        }
    }
    *v = out;
}

/// How many texts after it in an LSH bucket (ordered by index) each text is
/// compared with. A bucket of more texts (a page repeated thousands of times
/// in a dump) would otherwise cost the square of its size in candidates,
/// verifications and pairs; with the window it costs `size * BUCKET_WINDOW`
/// at most, and consecutive members are still compared, so a group of
/// identical texts is still one cluster.
pub const BUCKET_WINDOW: usize = 16;

/// Pairs `(x, y)` of positions in a bucket `s..e` (sorted by document) that
/// are compared: `y - x <= BUCKET_WINDOW`.
#[inline]
fn window_pairs(s: usize, e: usize, mut f: impl FnMut(usize, usize)) {
    for x in s..e {
        for y in x + 1..e.min(x + 1 + BUCKET_WINDOW) {
            f(x, y);
        }
    }
}

/// Candidate pairs `(i, j)`, `i < j`, sorted and unique: documents that
/// share a band bucket and are at most [`BUCKET_WINDOW`] apart in it (the
/// bucket's documents in index order). Documents with empty sets are skipped.
/// Also returns how many `(band, bucket)`s held more than
/// `BUCKET_WINDOW + 1` documents (where not every pair was compared).
pub fn candidate_pairs(sk: &Sketches, bands: usize, rows: usize) -> (Vec<(u32, u32)>, usize) {
    let k = sk.num_perm;
    let n = sk.sets.len();
    // All band hashes, row-major `n x bands`.
    let mut bh = vec![0u64; n * bands];
    bh.par_chunks_mut(bands.max(1))
        .enumerate()
        .for_each(|(d, out)| {
            let sig = &sk.sigs[d * k..(d + 1) * k];
            for (band, o) in out.iter_mut().enumerate() {
                *o = band_hash(band, &sig[band * rows..(band + 1) * rows]);
            }
        });
    let bh = &bh;
    // Each band's documents sorted by (hash, doc), and each document's
    // position in that order (row-major `bands x n`; u32::MAX if empty).
    let orders: Vec<Vec<u32>> = (0..bands)
        .into_par_iter()
        .map(|band| {
            let mut keyed: Vec<(u64, u32)> = (0..n)
                .filter(|&d| !sk.sets[d].is_empty())
                .map(|d| (bh[d * bands + band], d as u32))
                .collect();
            sort_keyed(&mut keyed);
            keyed.into_iter().map(|(_, d)| d).collect()
        })
        .collect();
    let mut pos = vec![u32::MAX; bands * n];
    pos.par_chunks_mut(n.max(1))
        .zip(orders.par_iter())
        .for_each(|(p, keyed)| {
            for (x, &d) in keyed.iter().enumerate() {
                p[d as usize] = x as u32;
            }
        });
    let pos = &pos;
    // Whether band `p` compares documents `a` and `b`.
    let compared = |p: usize, a: usize, b: usize| {
        bh[a * bands + p] == bh[b * bands + p]
            && pos[p * n + a].abs_diff(pos[p * n + b]) as usize <= BUCKET_WINDOW
    };
    // A pair is emitted only by the first band that compares it, so no pair
    // is ever held twice.
    let per_band: Vec<(Vec<(u32, u32)>, usize)> = orders
        .par_iter()
        .enumerate()
        .map(|(band, docs)| {
            let hash = |x: usize| bh[docs[x] as usize * bands + band];
            let mut out = Vec::new();
            let mut capped = 0;
            let mut s = 0;
            while s < docs.len() {
                let mut e = s + 1;
                while e < docs.len() && hash(e) == hash(s) {
                    e += 1;
                }
                capped += (e - s > BUCKET_WINDOW + 1) as usize;
                window_pairs(s, e, |x, y| {
                    let (a, b) = (docs[x] as usize, docs[y] as usize);
                    if !(0..band).any(|p| compared(p, a, b)) {
                        out.push((docs[x], docs[y]));
                    }
                });
                s = e;
            }
            (out, capped)
        })
        .collect();
    drop(orders);
    let capped = per_band.iter().map(|b| b.1).sum();
    let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(per_band.iter().map(|b| b.0.len()).sum());
    for (p, _) in per_band {
        pairs.extend(p);
    }
    pairs.par_sort_unstable();
    pairs.dedup();
    (pairs, capped)
}

/// Find near-duplicate pairs among `texts` (see [`NearDupOptions`]).
pub fn near_duplicates<S: AsRef<str> + Sync>(
    texts: &[S],
    o: &NearDupOptions,
) -> Result<NearDupResult> {
    near_duplicates_in(&SliceSource(texts), o)
}

/// [`near_duplicates`] over any [`TextSource`].
pub fn near_duplicates_in<T: TextSource + ?Sized>(
    texts: &T,
    o: &NearDupOptions,
) -> Result<NearDupResult> {
    check_options(o)?;
    if texts.len() > u32::MAX as usize - 1 {
        return Err(Error::InvalidArgument {
            name: "texts",
            reason: "too many texts (at most 2**32 - 2)".into(),
        });
    }
    let hasher = MinHasher::new(o.num_perm, o.ngram, o.unit, o.seed, Scheme::Asim)?;
    let sk = sketch_source(&hasher, texts);
    Ok(near_duplicates_of_sketches(sk, o))
}

/// [`near_duplicates`] of texts already sketched with `o`'s hasher (the
/// digest's prepared documents: [`crate::prepare::tokens`]); `o` checked.
pub fn near_duplicates_of_sketches(mut sk: Sketches, o: &NearDupOptions) -> NearDupResult {
    let (bands, rows) = o
        .params
        .unwrap_or_else(|| default_params(o.threshold, o.num_perm));
    let n_texts = sk.sets.len();
    let (cands, capped_buckets) = candidate_pairs(&sk, bands, rows);
    // Only texts in a candidate pair need their shingle set sorted for verification.
    let mut involved = vec![false; n_texts];
    for &(i, j) in &cands {
        involved[i as usize] = true;
        involved[j as usize] = true;
    }
    sk.sets
        .par_iter_mut()
        .zip(involved.par_iter())
        .filter(|(_, &inv)| inv)
        .for_each(|(set, _)| {
            set.sort_unstable();
            set.dedup();
        });
    let k = o.num_perm;
    let pairs: Vec<(u32, u32, f64, f64)> = cands
        .par_iter()
        .filter_map(|&(i, j)| {
            let exact = jaccard(&sk.sets[i as usize], &sk.sets[j as usize]);
            if exact >= o.threshold {
                let (si, sj) = (i as usize * k, j as usize * k);
                let est = estimate(&sk.sigs[si..si + k], &sk.sigs[sj..sj + k]);
                Some((i, j, est, exact))
            } else {
                None
            }
        })
        .collect();
    let clusters = clusters(n_texts, pairs.iter().map(|p| (p.0, p.1)));
    NearDupResult {
        pairs,
        clusters,
        params: (bands, rows),
        candidates: cands.len(),
        capped_buckets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_copies_and_clusters() {
        let base = "the quick brown fox jumps over the lazy dog near the river bank today and tomorrow as well";
        let texts = vec![
            base.to_string(),
            "something entirely different with many other words in it for sure yes".to_string(),
            format!("{base} indeed"),
            String::new(),
            base.replace("lazy", "LAZY"),
            String::new(),
        ];
        let r = near_duplicates(
            &texts,
            &NearDupOptions {
                threshold: 0.7,
                ..Default::default()
            },
        )
        .unwrap();
        let ij: Vec<(u32, u32)> = r.pairs.iter().map(|p| (p.0, p.1)).collect();
        assert_eq!(ij, vec![(0, 2), (0, 4), (2, 4)]);
        assert_eq!(r.clusters, vec![vec![0, 2, 4]]);
        assert_eq!(r.pairs[1].3, 1.0);
    }

    #[test]
    fn bucket_sort_equals_sort() {
        for n in [0usize, 1, 5, 2047, 2048, 5000, 70_000] {
            let mut x = 0x1234_5678_9abc_def0u64;
            let mut v: Vec<(u64, u32)> = (0..n as u32)
                .map(|d| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    // Some repeated hashes, some structured (low bits only).
                    let h = match d % 7 {
                        0 => 42,
                        1 => x & 0xFFFF,
                        _ => x,
                    };
                    (h, d.wrapping_mul(2_654_435_761) % 1000)
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            sort_keyed(&mut v);
            assert_eq!(v, want, "n = {n}");
        }
    }

    #[test]
    fn identical_texts_cost_linear_pairs_and_stay_one_cluster() {
        let m = 5000;
        let texts = vec!["one two three four five six seven"; m];
        let r = near_duplicates(&texts, &NearDupOptions::default()).unwrap();
        let want: usize = (0..m).map(|x| BUCKET_WINDOW.min(m - 1 - x)).sum();
        assert_eq!(r.pairs.len(), want);
        assert!(r
            .pairs
            .iter()
            .all(|p| p.1 - p.0 <= BUCKET_WINDOW as u32 && p.3 == 1.0));
        assert_eq!(r.clusters, vec![(0..m as u32).collect::<Vec<_>>()]);
        assert_eq!(r.capped_buckets, r.params.0);
        // Small groups: every pair, nothing capped.
        let r = near_duplicates(&texts[..BUCKET_WINDOW + 1], &NearDupOptions::default()).unwrap();
        assert_eq!(r.pairs.len(), (BUCKET_WINDOW + 1) * BUCKET_WINDOW / 2);
        assert_eq!(r.capped_buckets, 0);
    }

    #[test]
    fn clusters_are_components() {
        let c = clusters(6, [(4, 5), (0, 2), (2, 3)].into_iter());
        assert_eq!(c, vec![vec![0, 2, 3], vec![4, 5]]);
    }
}
