//! The candidate pairs of the digest's story grouping, scored: the sparse
//! article x key products that `asimtext/digest/stories.py`'s `score_pairs`
//! sums, a block of first articles at a time.
//!
//! The pure-Python twin is `asimtext.pure.pairs.PairIndex`; this gives exactly
//! its arrays. Each pair's sums add the same products in the same order as
//! the twin's `np.bincount` (the pair's all-pairs keys in key order, then its
//! time-neighbour keys by distance, each distance in key order), so the
//! floats are equal bit for bit, not merely close: the stories built on them
//! are the same with either.

use rayon::prelude::*;

use crate::error::{Error, Result};

/// How a key makes candidate pairs.
pub const MODE_NONE: u8 = 0;
/// Every two articles holding the key are a candidate pair.
pub const MODE_ALL: u8 = 1;
/// Each article holding the key pairs with its `neighbors` nearest holders
/// on each side in the order of `order` (publication time), then article.
pub const MODE_NEIGHBOURS: u8 = 2;

/// First articles summed per parallel task of a block: enough work per task
/// to pay for it, few enough that two cores share a block evenly.
const ROWS_PER_TASK: usize = 64;

/// The weighted article x key entries, indexed for pairing.
pub struct PairIndex {
    n: usize,
    neighbors: usize,
    mode: Vec<u8>,
    idf: Vec<f64>,
    bridge: Vec<bool>,
    bridge_word: Vec<bool>,
    norm: Vec<f64>,
    bnorm: Vec<f64>,
    /// Per article, its pairing entries (`row_start[a]..row_start[a + 1]`),
    /// in key order: the key and the entry's place in its key's holders.
    row_start: Vec<usize>,
    row_key: Vec<u32>,
    row_pos: Vec<u32>,
    /// Per key, its holders (`key_start[k]..key_start[k + 1]`): by article
    /// for [`MODE_ALL`], by `order` then article for [`MODE_NEIGHBOURS`].
    key_start: Vec<usize>,
    key_row: Vec<u32>,
    key_w: Vec<f64>,
}

/// The scored pairs of a block of first articles, sorted by first then second
/// article (the columns of the twin's `PairScores`).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PairBlock {
    pub i: Vec<i64>,
    pub j: Vec<i64>,
    pub cos: Vec<f64>,
    pub bridge_cos: Vec<f64>,
    pub bridge_shared: Vec<i64>,
    pub bridge_evidence: Vec<f64>,
    pub strong_evidence: Vec<f64>,
}

/// The inputs of [`PairIndex::new`], each per entry, per key or per article.
pub struct PairInput<'a> {
    /// Number of articles (rows are `0..n`).
    pub n: usize,
    /// Entries: article, key and weight (each article holds a key at most once).
    pub rows: &'a [i32],
    pub cols: &'a [i32],
    pub w: &'a [f64],
    /// Per key: [`MODE_NONE`], [`MODE_ALL`] or [`MODE_NEIGHBOURS`].
    pub mode: &'a [u8],
    /// Per key: IDF, bridge key (bridge word or fact), bridge word.
    pub idf: &'a [f64],
    pub bridge: &'a [bool],
    pub bridge_word: &'a [bool],
    /// Per article: the neighbour order (publication day), the norm over all
    /// keys and over bridge keys.
    pub order: &'a [f64],
    pub norm: &'a [f64],
    pub bnorm: &'a [f64],
    /// Neighbours on each side of a [`MODE_NEIGHBOURS`] key's holder.
    pub neighbors: usize,
}

fn invalid(name: &'static str, reason: String) -> Error {
    Error::InvalidArgument { name, reason }
}

impl PairIndex {
    /// Index the entries of the keys that pair (others are not read).
    pub fn new(inp: &PairInput<'_>) -> Result<PairIndex> {
        let (n, nk) = (inp.n, inp.mode.len());
        let e = inp.rows.len();
        if inp.cols.len() != e || inp.w.len() != e {
            return Err(invalid(
                "rows",
                format!(
                    "rows, cols and w differ in length ({e}, {}, {})",
                    inp.cols.len(),
                    inp.w.len()
                ),
            ));
        }
        for (name, len) in [
            ("idf", inp.idf.len()),
            ("bridge", inp.bridge.len()),
            ("bridge_word", inp.bridge_word.len()),
        ] {
            if len != nk {
                return Err(invalid(name, format!("{len} values for {nk} keys")));
            }
        }
        for (name, len) in [
            ("order", inp.order.len()),
            ("norm", inp.norm.len()),
            ("bnorm", inp.bnorm.len()),
        ] {
            if len != n {
                return Err(invalid(name, format!("{len} values for {n} articles")));
            }
        }
        if n > u32::MAX as usize || nk > u32::MAX as usize || e > u32::MAX as usize {
            return Err(invalid(
                "n",
                "more than 2^32 articles, keys or entries".into(),
            ));
        }
        if let Some(a) = inp.order.iter().position(|x| x.is_nan()) {
            // (a NaN would leave the neighbour order undefined)
            return Err(invalid("order", format!("article {a}: NaN")));
        }
        if let Some(m) = inp.mode.iter().find(|&&m| m > MODE_NEIGHBOURS) {
            return Err(invalid("mode", format!("unknown pairing mode {m}")));
        }
        // The entries that pair, checked, counted by key.
        let mut key_start = vec![0usize; nk + 1];
        for (x, (&r, &c)) in inp.rows.iter().zip(inp.cols).enumerate() {
            if r < 0 || r as usize >= n {
                return Err(invalid(
                    "rows",
                    format!("entry {x}: article {r} not in 0..{n}"),
                ));
            }
            if c < 0 || c as usize >= nk {
                return Err(invalid(
                    "cols",
                    format!("entry {x}: key {c} not in 0..{nk}"),
                ));
            }
            if inp.mode[c as usize] != MODE_NONE {
                key_start[c as usize + 1] += 1;
            }
        }
        for k in 0..nk {
            key_start[k + 1] += key_start[k];
        }
        // Holders of each key (a counting sort by key), then each key's holders
        // in pairing order, the keys in parallel.
        let total = key_start[nk];
        let mut holders: Vec<(u32, f64)> = vec![(0, 0.0); total];
        let mut fill = key_start.clone();
        for ((&r, &c), &w) in inp.rows.iter().zip(inp.cols).zip(inp.w) {
            if inp.mode[c as usize] != MODE_NONE {
                let slot = &mut fill[c as usize];
                holders[*slot] = (r as u32, w);
                *slot += 1;
            }
        }
        drop(fill);
        let order = inp.order;
        let mut lists: Vec<(usize, &mut [(u32, f64)])> = Vec::new();
        let mut rest: &mut [(u32, f64)] = &mut holders;
        for k in 0..nk {
            let (head, tail) = rest.split_at_mut(key_start[k + 1] - key_start[k]);
            if head.len() > 1 {
                lists.push((k, head));
            }
            rest = tail;
        }
        let twice = lists
            .par_iter_mut()
            .map(|(k, list)| {
                if inp.mode[*k] == MODE_NEIGHBOURS {
                    // (partial_cmp: -0.0 and 0.0 tie, as in numpy's lexsort)
                    list.sort_unstable_by(|a, b| {
                        order[a.0 as usize]
                            .partial_cmp(&order[b.0 as usize])
                            .unwrap_or(std::cmp::Ordering::Equal)
                            .then(a.0.cmp(&b.0))
                    });
                } else if !list.is_sorted_by_key(|h| h.0) {
                    list.sort_unstable_by_key(|h| h.0);
                }
                // (an article's entries of one key are next to each other in
                // either order)
                list.windows(2)
                    .find(|p| p[0].0 == p[1].0)
                    .map(|p| (*k, p[0].0))
            })
            .find_any(|t| t.is_some())
            .flatten();
        drop(lists);
        if let Some((k, r)) = twice {
            return Err(invalid("cols", format!("article {r} holds key {k} twice")));
        }
        let key_row: Vec<u32> = holders.iter().map(|h| h.0).collect();
        let key_w: Vec<f64> = holders.iter().map(|h| h.1).collect();
        drop(holders);
        // Per article, its entries in key order (a counting sort of the
        // key-ordered entries by article keeps key order).
        let mut row_start = vec![0usize; n + 1];
        for &r in &key_row {
            row_start[r as usize + 1] += 1;
        }
        for a in 0..n {
            row_start[a + 1] += row_start[a];
        }
        let mut fill = row_start.clone();
        let mut row_key = vec![0u32; key_row.len()];
        let mut row_pos = vec![0u32; key_row.len()];
        for k in 0..nk {
            for p in key_start[k]..key_start[k + 1] {
                let slot = &mut fill[key_row[p] as usize];
                row_key[*slot] = k as u32;
                row_pos[*slot] = p as u32;
                *slot += 1;
            }
        }
        Ok(PairIndex {
            n,
            neighbors: inp.neighbors,
            mode: inp.mode.to_vec(),
            idf: inp.idf.to_vec(),
            bridge: inp.bridge.to_vec(),
            bridge_word: inp.bridge_word.to_vec(),
            norm: inp.norm.to_vec(),
            bnorm: inp.bnorm.to_vec(),
            row_start,
            row_key,
            row_pos,
            key_start,
            key_row,
            key_w,
        })
    }

    /// Number of articles.
    pub fn n(&self) -> usize {
        self.n
    }

    /// The partners of article `a`'s entry `x` (of key `k` at holder place
    /// `p`) at neighbour distance `d`: those before and after it in the key's
    /// order, only the later articles (a pair belongs to its first article).
    fn neighbours_at(&self, k: usize, p: usize, d: usize, a: u32) -> [Option<usize>; 2] {
        let (lo, hi) = (self.key_start[k], self.key_start[k + 1]);
        let before = (p >= lo + d && self.key_row[p - d] > a).then(|| p - d);
        let after = (p + d < hi && self.key_row[p + d] > a).then_some(p + d);
        [before, after]
    }

    /// The number of candidate pair entries (shared keys) of each first
    /// article: what a block of first articles holds.
    pub fn per_row(&self) -> Vec<u64> {
        (0..self.n)
            .into_par_iter()
            .map(|a| {
                let mut c = 0u64;
                for x in self.row_start[a]..self.row_start[a + 1] {
                    let k = self.row_key[x] as usize;
                    let p = self.row_pos[x] as usize;
                    match self.mode[k] {
                        MODE_ALL => c += (self.key_start[k + 1] - p - 1) as u64,
                        _ => {
                            for d in 1..=self.neighbors {
                                c += self
                                    .neighbours_at(k, p, d, a as u32)
                                    .iter()
                                    .filter(|q| q.is_some())
                                    .count() as u64;
                            }
                        }
                    }
                }
                c
            })
            .collect()
    }

    /// The scored pairs whose first article is in `lo..hi`, summed on all
    /// cores (each article's pairs by one thread, in the twin's order).
    pub fn block(&self, lo: usize, hi: usize) -> PairBlock {
        let hi = hi.min(self.n);
        let lo = lo.min(hi);
        let rows: Vec<usize> = (lo..hi).collect();
        let parts: Vec<PairBlock> = rows
            .par_chunks(ROWS_PER_TASK)
            .map_init(
                || Scratch::new(self.n),
                |s, chunk| {
                    let mut out = PairBlock::default();
                    for &a in chunk {
                        self.row_pairs(a, s, &mut out);
                    }
                    out
                },
            )
            .collect();
        let total: usize = parts.iter().map(|p| p.i.len()).sum();
        let mut out = PairBlock {
            i: Vec::with_capacity(total),
            j: Vec::with_capacity(total),
            cos: Vec::with_capacity(total),
            bridge_cos: Vec::with_capacity(total),
            bridge_shared: Vec::with_capacity(total),
            bridge_evidence: Vec::with_capacity(total),
            strong_evidence: Vec::with_capacity(total),
        };
        for p in parts {
            out.i.extend(p.i);
            out.j.extend(p.j);
            out.cos.extend(p.cos);
            out.bridge_cos.extend(p.bridge_cos);
            out.bridge_shared.extend(p.bridge_shared);
            out.bridge_evidence.extend(p.bridge_evidence);
            out.strong_evidence.extend(p.strong_evidence);
        }
        out
    }

    /// A key's terms of the sums, as the twin's bincount weights: products
    /// times 0/1 masks (adding 0.0 leaves a sum as it is, as there).
    #[inline]
    fn key_terms(&self, k: usize) -> KeyTerms {
        let kb = if self.bridge[k] { 1.0 } else { 0.0 };
        let kw = if self.bridge_word[k] { 1.0 } else { 0.0 };
        KeyTerms {
            kb,
            kw,
            bevid: self.idf[k] * kw,
            sevid: self.idf[k] * kb,
        }
    }

    fn row_pairs(&self, a: usize, s: &mut Scratch, out: &mut PairBlock) {
        let ents = self.row_start[a]..self.row_start[a + 1];
        let au = a as u32;
        // All-pairs keys, in key order: every later holder.
        for x in ents.clone() {
            let k = self.row_key[x] as usize;
            if self.mode[k] != MODE_ALL {
                continue;
            }
            let t = self.key_terms(k);
            let p = self.row_pos[x] as usize;
            let wa = self.key_w[p];
            let end = self.key_start[k + 1];
            for (&b, &wb) in self.key_row[p + 1..end].iter().zip(&self.key_w[p + 1..end]) {
                s.add(b, wa * wb, &t);
            }
        }
        // Neighbour keys: by distance, each distance in key order.
        for d in 1..=self.neighbors {
            for x in ents.clone() {
                let k = self.row_key[x] as usize;
                if self.mode[k] != MODE_NEIGHBOURS {
                    continue;
                }
                let p = self.row_pos[x] as usize;
                for q in self.neighbours_at(k, p, d, au).into_iter().flatten() {
                    s.add(
                        self.key_row[q],
                        self.key_w[p] * self.key_w[q],
                        &self.key_terms(k),
                    );
                }
            }
        }
        s.touched.sort_unstable();
        for &b in &s.touched {
            let at = s.slot[b as usize] as usize;
            s.slot[b as usize] = u32::MAX;
            let t = &s.sums[at];
            let b = b as usize;
            let nn = self.norm[a] * self.norm[b];
            let bn = self.bnorm[a] * self.bnorm[b];
            out.i.push(a as i64);
            out.j.push(b as i64);
            out.cos.push(if nn > 0.0 { t.dot / nn } else { 0.0 });
            out.bridge_cos
                .push(if bn > 0.0 { t.bdot / bn } else { 0.0 });
            out.bridge_shared.push(t.shared.round_ties_even() as i64);
            out.bridge_evidence.push(t.bevid);
            out.strong_evidence.push(t.sevid);
        }
        s.touched.clear();
        s.sums.clear();
    }
}

/// One key's terms of a pair's sums ([`PairIndex::key_terms`]).
struct KeyTerms {
    kb: f64,
    kw: f64,
    bevid: f64,
    sevid: f64,
}

#[derive(Default, Clone, Copy)]
struct Sums {
    dot: f64,
    bdot: f64,
    shared: f64,
    bevid: f64,
    sevid: f64,
}

/// One thread's sums of the pairs of one first article: `slot[b]` is pair
/// (a, b)'s place in `sums` and `touched`, or `u32::MAX`.
struct Scratch {
    slot: Vec<u32>,
    sums: Vec<Sums>,
    touched: Vec<u32>,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        Scratch {
            slot: vec![u32::MAX; n],
            sums: Vec::new(),
            touched: Vec::new(),
        }
    }

    /// Add one shared key's product to the sums of pair (a, b).
    #[inline]
    fn add(&mut self, b: u32, prod: f64, k: &KeyTerms) {
        let slot = self.slot[b as usize];
        let at = if slot == u32::MAX {
            self.slot[b as usize] = self.sums.len() as u32;
            self.sums.push(Sums::default());
            self.touched.push(b);
            self.sums.len() - 1
        } else {
            slot as usize
        };
        let t = &mut self.sums[at];
        t.dot += prod;
        t.bdot += prod * k.kb;
        t.shared += k.kw;
        t.bevid += k.bevid;
        t.sevid += k.sevid;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(rows: &[i32], cols: &[i32], w: &[f64], mode: &[u8], order: &[f64]) -> PairIndex {
        let nk = mode.len();
        let n = order.len();
        PairIndex::new(&PairInput {
            n,
            rows,
            cols,
            w,
            mode,
            idf: &vec![1.5; nk],
            bridge: &vec![true; nk],
            bridge_word: &vec![true; nk],
            order,
            norm: &vec![1.0; n],
            bnorm: &vec![1.0; n],
            neighbors: 1,
        })
        .unwrap()
    }

    #[test]
    fn all_pairs_of_a_rare_key() {
        // Key 0 held by articles 0, 1, 2: three pairs, each its product.
        let ix = index(
            &[2, 0, 1],
            &[0, 0, 0],
            &[2.0, 3.0, 5.0],
            &[MODE_ALL],
            &[0.0; 3],
        );
        assert_eq!(ix.per_row(), [2, 1, 0]);
        let b = ix.block(0, 3);
        assert_eq!((b.i, b.j), (vec![0, 0, 1], vec![1, 2, 2]));
        assert_eq!(b.cos, [15.0, 6.0, 10.0]);
        assert_eq!(b.bridge_shared, [1, 1, 1]);
        assert_eq!(b.strong_evidence, [1.5, 1.5, 1.5]);
    }

    #[test]
    fn neighbours_follow_the_order_not_the_article() {
        // Key 0 in time order: article 2 (day 0), 0 (day 1), 1 (day 2): with
        // one neighbour, pairs (0, 2) and (0, 1), not (1, 2).
        let ix = index(
            &[0, 1, 2],
            &[0, 0, 0],
            &[1.0, 1.0, 1.0],
            &[MODE_NEIGHBOURS],
            &[1.0, 2.0, 0.0],
        );
        assert_eq!(ix.per_row(), [2, 0, 0]);
        let b = ix.block(0, 3);
        assert_eq!((b.i, b.j), (vec![0, 0], vec![1, 2]));
        // Blocks split the same pairs.
        assert_eq!(ix.block(0, 1).i.len(), 2);
        assert!(ix.block(1, 3).i.is_empty());
    }

    #[test]
    fn keys_that_do_not_pair_are_not_read() {
        let ix = index(&[0, 1], &[0, 0], &[1.0, 1.0], &[MODE_NONE], &[0.0; 2]);
        assert_eq!(ix.block(0, 2), PairBlock::default());
    }

    #[test]
    fn bad_entries_are_named() {
        let bad = |rows: &[i32], cols: &[i32]| {
            PairIndex::new(&PairInput {
                n: 2,
                rows,
                cols,
                w: &vec![1.0; rows.len()],
                mode: &[MODE_ALL],
                idf: &[1.0],
                bridge: &[true],
                bridge_word: &[true],
                order: &[0.0; 2],
                norm: &[1.0; 2],
                bnorm: &[1.0; 2],
                neighbors: 1,
            })
            .err()
            .unwrap()
            .to_string()
        };
        assert!(bad(&[0, 5], &[0, 0]).contains("entry 1: article 5"));
        assert!(bad(&[0, 1], &[0, 3]).contains("entry 1: key 3"));
        assert!(bad(&[0, 0], &[0, 0]).contains("holds key 0 twice"));
    }
}
