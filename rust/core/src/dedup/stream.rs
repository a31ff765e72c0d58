//! Streaming near-duplicate detection over dumps too large to hold in memory.
//!
//! [`StreamDedup`] takes the texts chunk by chunk ([`StreamDedup::add`], in
//! parallel) and keeps, per document, only:
//!
//! * its shingle set as sorted, de-duplicated 32-bit shingle hashes (the top
//!   32 bits of the asim element hash, exactly the values the MinHash signature is built
//!   from), for exact verification;
//! * one 8-byte entry per LSH band: `(top 32 bits of the band hash, doc)`.
//!
//! The texts and the signatures themselves are dropped as soon as the chunk
//! is done. At the end, [`StreamDedup::pairs`] sorts each band's entries,
//! turns shared buckets into candidate pairs and verifies every candidate with
//! the exact Jaccard similarity of the two stored shingle sets (so precision
//! is 1 up to 32-bit hash collisions between distinct shingles). The
//! signatures, band hashes and the choice of `(bands, rows)` are those of
//! [`crate::dedup::near_duplicates`], so both find the same pairs.
//! [`StreamDedup::labels`] gives connected components (cluster labels).

use rayon::prelude::*;

use crate::dedup::cluster::{default_params, UnionFind, BUCKET_WINDOW};
use crate::dedup::lsh::{band_hash, check_lsh_args, MAX_LSH_NUM_PERM};
use crate::dedup::minhash::{MinHasher, Scheme, Scratch};
use crate::dedup::shingle::Unit;
use crate::dedup::verify::jaccard;
use crate::error::{Error, Result};

/// Format 2: shingle hashes that combine the hashes of their tokens (commit
/// ddbbdc2). A format 1 index holds hashes of the earlier definition, which
/// new documents would never match: it is refused, not read.
const SDD_MAGIC: &[u8; 8] = b"ASIMSDD2";
const SDD_MAGIC_V1: &[u8; 8] = b"ASIMSDD1";

/// The shingle sets of one chunk, concatenated.
struct SetBlock {
    first_doc: u32,
    /// `offsets[i]..offsets[i + 1]` is doc `first_doc + i` in `values`.
    offsets: Vec<u32>,
    values: Vec<u32>,
}

/// Streaming near-duplicate index: see the module documentation.
pub struct StreamDedup {
    pub threshold: f64,
    pub bands: usize,
    pub rows: usize,
    hasher: MinHasher,
    blocks: Vec<SetBlock>,
    /// Per band: `(band hash >> 32) << 32 | doc`, sorted (and merged) on demand.
    entries: Vec<Vec<u64>>,
    /// Per band: the entries of the chunks added since the last sort, one
    /// exactly-sized block per chunk (no doubling slack while streaming).
    pending: Vec<Vec<Vec<u64>>>,
    n: u32,
    empty: u64,
}

/// Candidate pairs and verified pairs found by [`StreamDedup::pairs`].
#[derive(Clone, Debug, Default)]
pub struct StreamPairs {
    /// `(i, j, exact jaccard)` with `i < j`, sorted by `(i, j)`.
    pub pairs: Vec<(u32, u32, f64)>,
    /// Number of distinct candidate pairs the LSH produced.
    pub candidates: usize,
}

impl StreamDedup {
    /// New index. `params = (bands, rows)` overrides the default choice
    /// (the one of `near_duplicates`: tuned for `threshold - 0.2`, favouring recall).
    pub fn new(
        threshold: f64,
        num_perm: usize,
        ngram: usize,
        unit: Unit,
        seed: u64,
        params: Option<(usize, usize)>,
    ) -> Result<Self> {
        check_lsh_args(threshold, num_perm.clamp(2, MAX_LSH_NUM_PERM), (0.5, 0.5))?;
        if !(2..=MAX_LSH_NUM_PERM).contains(&num_perm) {
            return Err(Error::InvalidArgument {
                name: "num_perm",
                reason: format!("must be between 2 and {MAX_LSH_NUM_PERM}, got {num_perm}"),
            });
        }
        let (bands, rows) = match params {
            Some((b, r)) => {
                if b == 0 || r == 0 || b.saturating_mul(r) > num_perm {
                    return Err(Error::InvalidArgument {
                        name: "params",
                        reason: format!(
                            "bands * rows must be between 1 and num_perm = {num_perm}, got ({b}, {r})"
                        ),
                    });
                }
                (b, r)
            }
            None => default_params(threshold, num_perm),
        };
        let hasher = MinHasher::new(num_perm, ngram, unit, seed, Scheme::Asim)?;
        Ok(StreamDedup {
            threshold,
            bands,
            rows,
            hasher,
            blocks: Vec::new(),
            entries: (0..bands).map(|_| Vec::new()).collect(),
            pending: (0..bands).map(|_| Vec::new()).collect(),
            n: 0,
            empty: 0,
        })
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.n as usize
    }
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
    /// Number of documents without any shingle (never anybody's duplicate).
    pub fn empty_docs(&self) -> usize {
        self.empty as usize
    }
    pub fn num_perm(&self) -> usize {
        self.hasher.num_perm
    }
    pub fn ngram(&self) -> usize {
        self.hasher.ngram
    }
    pub fn unit(&self) -> Unit {
        self.hasher.unit
    }
    pub fn seed(&self) -> u64 {
        self.hasher.seed
    }

    /// Add a chunk of texts (in parallel); they get the next consecutive
    /// indices. Returns the index of the first one.
    pub fn add<S: AsRef<str> + Sync>(&mut self, texts: &[S]) -> Result<u32> {
        self.add_source(&crate::source::SliceSource(texts))
    }

    /// [`StreamDedup::add`] over any [`TextSource`](crate::source::TextSource)
    /// (the bindings' strings, each converted by the worker that reads it).
    pub fn add_source<T: crate::source::TextSource + ?Sized>(&mut self, texts: &T) -> Result<u32> {
        let first = self.n;
        if (self.n as usize).saturating_add(texts.len()) > u32::MAX as usize - 1 {
            return Err(Error::InvalidArgument {
                name: "texts",
                reason: "too many documents (at most 2**32 - 2)".into(),
            });
        }
        let k = self.hasher.num_perm;
        let (bands, rows) = (self.bands, self.rows);
        let h = &self.hasher;
        // Per text: its 32-bit shingle set and its band keys.
        let per_doc: Vec<(Vec<u32>, Vec<u32>)> = (0..texts.len())
            .into_par_iter()
            .map_init(
                || (Scratch::default(), vec![0u32; k], String::new()),
                |(s, sig, buf), i| {
                    let set64 = h.shingle_hash_set(texts.text(i, buf), s);
                    let mut set: Vec<u32> = set64.iter().map(|&v| (v >> 32) as u32).collect();
                    // The 64-bit set is sorted, so its top halves are too; only dedup.
                    set.dedup();
                    if set.is_empty() {
                        return (set, Vec::new());
                    }
                    h.sign_values_u32(&set, sig);
                    let keys = (0..bands)
                        .map(|b| (band_hash(b, &sig[b * rows..(b + 1) * rows]) >> 32) as u32)
                        .collect();
                    (set, keys)
                },
            )
            .collect();
        let total: usize = per_doc.iter().map(|d| d.0.len()).sum();
        if total > u32::MAX as usize {
            return Err(Error::InvalidArgument {
                name: "texts",
                reason: "chunk too large (more than 2**32 shingles): use smaller chunks".into(),
            });
        }
        let mut offsets = Vec::with_capacity(per_doc.len() + 1);
        let mut values = Vec::with_capacity(total);
        offsets.push(0u32);
        let with_keys = per_doc.iter().filter(|d| !d.1.is_empty()).count();
        let mut blocks: Vec<Vec<u64>> = (0..bands).map(|_| Vec::with_capacity(with_keys)).collect();
        for (i, (set, keys)) in per_doc.into_iter().enumerate() {
            let doc = first + i as u32;
            if set.is_empty() {
                self.empty += 1;
            }
            values.extend_from_slice(&set);
            offsets.push(values.len() as u32);
            for (b, key) in keys.into_iter().enumerate() {
                blocks[b].push(((key as u64) << 32) | doc as u64);
            }
        }
        for (b, blk) in blocks.into_iter().enumerate() {
            self.pending[b].push(blk);
        }
        self.blocks.push(SetBlock {
            first_doc: first,
            offsets,
            values,
        });
        self.n += texts.len() as u32;
        Ok(first)
    }

    /// The stored shingle set of `doc`.
    pub fn set(&self, doc: u32) -> &[u32] {
        let bi = self.blocks.partition_point(|b| b.first_doc <= doc) - 1;
        let b = &self.blocks[bi];
        let i = (doc - b.first_doc) as usize;
        &b.values[b.offsets[i] as usize..b.offsets[i + 1] as usize]
    }

    /// Merge the pending blocks into each band's entries and sort them.
    fn sort_entries(&mut self) {
        self.entries
            .par_iter_mut()
            .zip(self.pending.par_iter_mut())
            .for_each(|(e, p)| {
                if p.is_empty() {
                    return;
                }
                let add: usize = p.iter().map(|b| b.len()).sum();
                e.reserve_exact(add);
                for blk in p.drain(..) {
                    e.extend_from_slice(&blk);
                }
                e.sort_unstable();
            });
    }

    /// Distinct candidate pairs `(i, j)`, `i < j`, sorted: documents that
    /// share a band bucket and are at most [`BUCKET_WINDOW`] apart in it, as
    /// `near_duplicates` compares them (a bucket of `m` documents costs at
    /// most `m * BUCKET_WINDOW` pairs, not `m * (m - 1) / 2`).
    fn candidates(&mut self) -> Vec<(u32, u32)> {
        self.sort_entries();
        let n = self.n as usize;
        // Each document's position in each band's sorted entries.
        let mut pos = vec![u32::MAX; self.bands * n];
        pos.par_chunks_mut(n.max(1))
            .zip(self.entries.par_iter())
            .for_each(|(p, e)| {
                for (x, &v) in e.iter().enumerate() {
                    p[v as u32 as usize] = x as u32;
                }
            });
        let (pos, entries) = (&pos, &self.entries);
        // Whether band `p` compares documents `a` and `b`.
        let compared = |p: usize, a: usize, b: usize| {
            let (x, y) = (pos[p * n + a], pos[p * n + b]);
            x != u32::MAX
                && y != u32::MAX
                && entries[p][x as usize] >> 32 == entries[p][y as usize] >> 32
                && x.abs_diff(y) as usize <= BUCKET_WINDOW
        };
        let mut pairs: Vec<(u32, u32)> = self
            .entries
            .par_iter()
            .enumerate()
            .flat_map_iter(|(band, e)| {
                let mut out = Vec::new();
                let mut s = 0;
                while s < e.len() {
                    let key = e[s] >> 32;
                    let mut t = s + 1;
                    while t < e.len() && e[t] >> 32 == key {
                        t += 1;
                    }
                    for x in s..t {
                        for y in x + 1..t.min(x + 1 + BUCKET_WINDOW) {
                            // Sorted by (key, doc): docs ascend within a bucket.
                            let (a, b) = (e[x] as u32, e[y] as u32);
                            // Only the first band that compares a pair emits it.
                            if !(0..band).any(|p| compared(p, a as usize, b as usize)) {
                                out.push((a, b));
                            }
                        }
                    }
                    s = t;
                }
                out
            })
            .collect();
        pairs.par_sort_unstable();
        pairs.dedup();
        pairs
    }

    /// All verified pairs (exact Jaccard of the stored sets >= threshold).
    pub fn pairs(&mut self) -> StreamPairs {
        let cands = self.candidates();
        let t = self.threshold;
        let pairs: Vec<(u32, u32, f64)> = cands
            .par_iter()
            .filter_map(|&(i, j)| {
                let jac = jaccard(self.set(i), self.set(j));
                (jac >= t).then_some((i, j, jac))
            })
            .collect();
        StreamPairs {
            pairs,
            candidates: cands.len(),
        }
    }

    /// A cluster label per document: connected components of the verified
    /// pairs, numbered 0, 1, 2, ... in order of their first document
    /// (a document without duplicates is a cluster of its own). Candidates
    /// whose documents are already connected are not verified (same result,
    /// less work on large clusters).
    pub fn labels(&mut self) -> Vec<u32> {
        let cands = self.candidates();
        let n = self.n as usize;
        let mut uf = UnionFind::new(n);
        let t = self.threshold;
        // Verify in parallel blocks; skip pairs already joined by earlier blocks.
        for block in cands.chunks(1 << 16) {
            let todo: Vec<(u32, u32)> = block
                .iter()
                .copied()
                .filter(|&(i, j)| uf.find(i) != uf.find(j))
                .collect();
            let ok: Vec<(u32, u32)> = todo
                .par_iter()
                .copied()
                .filter(|&(i, j)| jaccard(self.set(i), self.set(j)) >= t)
                .collect();
            for (i, j) in ok {
                uf.union(i, j);
            }
        }
        let mut label_of_root = vec![u32::MAX; n];
        let mut next = 0u32;
        let mut out = Vec::with_capacity(n);
        for d in 0..n as u32 {
            let r = uf.find(d) as usize;
            if label_of_root[r] == u32::MAX {
                label_of_root[r] = next;
                next += 1;
            }
            out.push(label_of_root[r]);
        }
        out
    }

    /// Serialize the whole index (for pickling): magic `ASIMSDD2`, the
    /// options, the shingle sets, the band entries, and a CRC-32 of all that.
    #[allow(clippy::wrong_self_convention)] // sorts pending band entries first
    pub fn to_bytes(&mut self) -> Vec<u8> {
        self.sort_entries();
        let mut p = Vec::new();
        p.extend_from_slice(SDD_MAGIC);
        p.extend_from_slice(&self.threshold.to_le_bytes());
        for v in [
            self.hasher.num_perm as u64,
            self.hasher.ngram as u64,
            match self.hasher.unit {
                Unit::Word => 0,
                Unit::Char => 1,
            },
            self.hasher.seed,
            self.bands as u64,
            self.rows as u64,
            self.n as u64,
            self.empty,
        ] {
            p.extend_from_slice(&v.to_le_bytes());
        }
        for d in 0..self.n {
            let s = self.set(d);
            p.extend_from_slice(&(s.len() as u32).to_le_bytes());
            for v in s {
                p.extend_from_slice(&v.to_le_bytes());
            }
        }
        for e in &self.entries {
            p.extend_from_slice(&(e.len() as u64).to_le_bytes());
            for v in e {
                p.extend_from_slice(&v.to_le_bytes());
            }
        }
        let crc = crate::dedup::hash::crc32(&p);
        p.extend_from_slice(&crc.to_le_bytes());
        p
    }

    /// Rebuild an index from [`StreamDedup::to_bytes`]; `CorruptData` if damaged.
    pub fn from_bytes(data: &[u8]) -> Result<Self> {
        let bad = |why: &str| Error::CorruptData {
            reason: format!("StreamDedup: {why}"),
        };
        if data.starts_with(SDD_MAGIC_V1) {
            return Err(bad(
                "saved by an earlier asimtext (format 1), whose shingle hashes this \
                 version does not compute; build the index again from the texts",
            ));
        }
        if data.len() < SDD_MAGIC.len() + 4 || &data[..SDD_MAGIC.len()] != SDD_MAGIC {
            return Err(bad("not a StreamDedup index (bad magic)"));
        }
        let (body, tail) = data.split_at(data.len() - 4);
        let crc = u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]);
        if crate::dedup::hash::crc32(body) != crc {
            return Err(bad("checksum mismatch"));
        }
        let mut pos = SDD_MAGIC.len();
        let mut take = |n: usize| -> Result<&[u8]> {
            let s = body.get(pos..pos.checked_add(n).ok_or_else(|| bad("truncated"))?);
            let s = s.ok_or_else(|| bad("truncated"))?;
            pos += n;
            Ok(s)
        };
        let rd64 = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
        let threshold = f64::from_le_bytes(take(8)?.try_into().unwrap_or([0; 8]));
        let mut hdr = [0u64; 8];
        for h in hdr.iter_mut() {
            *h = rd64(take(8)?);
        }
        let [num_perm, ngram, unit, seed, bands, rows, n, empty] = hdr;
        let unit = match unit {
            0 => Unit::Word,
            1 => Unit::Char,
            _ => return Err(bad("unknown unit")),
        };
        if n > u32::MAX as u64 - 1 || num_perm > MAX_LSH_NUM_PERM as u64 || ngram > 64 {
            return Err(bad("header out of range"));
        }
        let mut me = StreamDedup::new(
            threshold,
            num_perm as usize,
            ngram as usize,
            unit,
            seed,
            Some((bands as usize, rows as usize)),
        )
        .map_err(|e| bad(&e.to_string()))?;
        let mut offsets = vec![0u32];
        let mut values = Vec::new();
        for _ in 0..n {
            let len = u32::from_le_bytes(take(4)?.try_into().unwrap_or([0; 4])) as usize;
            let raw = take(len.checked_mul(4).ok_or_else(|| bad("set too large"))?)?;
            values.extend(
                raw.chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
            );
            if values.len() > u32::MAX as usize {
                return Err(bad("too many shingles"));
            }
            offsets.push(values.len() as u32);
        }
        for b in 0..me.bands {
            let len = rd64(take(8)?) as usize;
            let raw = take(len.checked_mul(8).ok_or_else(|| bad("band too large"))?)?;
            let e: Vec<u64> = raw.chunks_exact(8).map(rd64).collect();
            if e.iter().any(|&v| (v as u32) as u64 >= n) || e.windows(2).any(|w| w[0] > w[1]) {
                return Err(bad("band entries out of range or unsorted"));
            }
            me.entries[b] = e;
        }
        if pos != body.len() {
            return Err(bad("trailing data"));
        }
        me.blocks.push(SetBlock {
            first_doc: 0,
            offsets,
            values,
        });
        me.n = n as u32;
        me.empty = empty;
        Ok(me)
    }

    /// Approximate heap bytes held (shingle sets, offsets, band entries).
    pub fn memory_bytes(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| b.values.capacity() * 4 + b.offsets.capacity() * 4)
            .sum::<usize>()
            + self.entries.iter().map(|e| e.capacity() * 8).sum::<usize>()
            + self
                .pending
                .iter()
                .flatten()
                .map(|b| b.capacity() * 8)
                .sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::{near_duplicates, NearDupOptions};

    fn texts() -> Vec<String> {
        let base = "the quick brown fox jumps over the lazy dog near the river bank today and tomorrow as well";
        vec![
            base.to_string(),
            "something entirely different with many other words in it for sure yes".to_string(),
            format!("{base} indeed"),
            String::new(),
            base.replace("lazy", "LAZY"),
            "पटना में 14 लोगों की मौत हो गई और कई घायल हुए हैं ऐसा पुलिस ने बताया".to_string(),
            "पटना में १४ लोगों की मौत हो गई और कई घायल हुए हैं ऐसा पुलिस ने बताया".to_string(),
        ]
    }

    #[test]
    fn same_pairs_as_near_duplicates_in_any_chunking() {
        let t = texts();
        let o = NearDupOptions {
            threshold: 0.7,
            ..Default::default()
        };
        let want = near_duplicates(&t, &o).unwrap();
        for chunk in [1, 2, 3, 7] {
            let mut s = StreamDedup::new(0.7, 128, 5, Unit::Word, 1, None).unwrap();
            for c in t.chunks(chunk) {
                s.add(c).unwrap();
            }
            let got = s.pairs();
            let ij: Vec<(u32, u32)> = got.pairs.iter().map(|p| (p.0, p.1)).collect();
            let wij: Vec<(u32, u32)> = want.pairs.iter().map(|p| (p.0, p.1)).collect();
            assert_eq!(ij, wij);
            for (g, w) in got.pairs.iter().zip(&want.pairs) {
                assert!((g.2 - w.3).abs() < 1e-12);
            }
            assert_eq!(s.labels(), vec![0, 1, 0, 2, 0, 3, 3]);
            assert_eq!(s.empty_docs(), 1);
        }
    }

    #[test]
    fn round_trip_and_corruption() {
        let t = texts();
        let mut s = StreamDedup::new(0.7, 128, 5, Unit::Word, 1, None).unwrap();
        s.add(&t[..3]).unwrap();
        s.add(&t[3..]).unwrap();
        let bytes = s.to_bytes();
        let mut r = StreamDedup::from_bytes(&bytes).unwrap();
        assert_eq!(r.pairs().pairs, s.pairs().pairs);
        assert_eq!(r.labels(), s.labels());
        r.add(&t[..1]).unwrap();
        assert_eq!(r.len(), t.len() + 1);
        for cut in [0, 5, 20, bytes.len() - 1] {
            assert!(StreamDedup::from_bytes(&bytes[..cut]).is_err());
        }
        let mut flipped = bytes.clone();
        flipped[30] ^= 1;
        assert!(StreamDedup::from_bytes(&flipped).is_err());
        let empty = StreamDedup::new(0.8, 128, 5, Unit::Word, 1, None)
            .unwrap()
            .to_bytes();
        assert!(StreamDedup::from_bytes(&empty).unwrap().is_empty());
    }

    #[test]
    fn bad_args() {
        assert!(StreamDedup::new(0.0, 128, 5, Unit::Word, 1, None).is_err());
        assert!(StreamDedup::new(0.8, 1, 5, Unit::Word, 1, None).is_err());
        assert!(StreamDedup::new(0.8, 128, 0, Unit::Word, 1, None).is_err());
        assert!(StreamDedup::new(0.8, 128, 5, Unit::Word, 1, Some((20, 7))).is_err());
        let mut s = StreamDedup::new(0.8, 128, 5, Unit::Word, 1, None).unwrap();
        assert!(s.pairs().pairs.is_empty());
        assert!(s.labels().is_empty());
    }
}
