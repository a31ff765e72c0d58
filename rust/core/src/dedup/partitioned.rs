//! Building blocks for running [`super::near_duplicates`] over partitions of a
//! corpus on several machines (used by `asimtext.dask`).
//!
//! * [`band_keys`]: the LSH band hashes of each text of a partition, the keys
//!   that are shuffled so that candidates meet on one worker;
//! * [`verify_pairs`]: the exact Jaccard similarity (and the MinHash estimate)
//!   of given pairs of texts.
//!
//! Both go through the code of the single-machine search ([`sketch_all`],
//! [`band_hash`], [`jaccard`], [`estimate`]), so a partitioned run finds
//! exactly the same candidates and the same verified pairs.

use rayon::prelude::*;

use super::cluster::sketch_all;
use super::lsh::band_hash;
use super::minhash::{estimate, MinHasher, Scheme};
use super::verify::jaccard;
use crate::error::{Error, Result};

fn check_hasher(hasher: &MinHasher) -> Result<()> {
    if hasher.scheme != Scheme::Asim {
        return Err(Error::InvalidArgument {
            name: "hasher",
            reason: format!(
                "near-duplicate search uses the 'asim' scheme, not {:?}",
                hasher.scheme.name()
            ),
        });
    }
    Ok(())
}

/// Band keys of `texts`: row-major `texts.len() x bands` band hashes (band
/// index mixed in, as in the single-machine candidate search) and, per text,
/// whether it has shingles (texts without shingles are never candidates).
pub fn band_keys<S: AsRef<str> + Sync>(
    hasher: &MinHasher,
    texts: &[S],
    bands: usize,
    rows: usize,
) -> Result<(Vec<u64>, Vec<bool>)> {
    check_hasher(hasher)?;
    if bands == 0 || rows == 0 || bands.saturating_mul(rows) > hasher.num_perm {
        return Err(Error::InvalidArgument {
            name: "params",
            reason: format!(
                "bands * rows must be between 1 and num_perm = {}, got ({bands}, {rows})",
                hasher.num_perm
            ),
        });
    }
    let sk = sketch_all(hasher, texts);
    let k = sk.num_perm;
    let mut keys = vec![0u64; texts.len() * bands];
    keys.par_chunks_mut(bands.max(1))
        .enumerate()
        .for_each(|(d, out)| {
            let sig = &sk.sigs[d * k..(d + 1) * k];
            for (band, o) in out.iter_mut().enumerate() {
                *o = band_hash(band, &sig[band * rows..(band + 1) * rows]);
            }
        });
    let nonempty = sk.sets.iter().map(|s| !s.is_empty()).collect();
    Ok((keys, nonempty))
}

/// `(estimated, exact)` Jaccard similarity of the pairs `(left[p], right[p])`
/// of `texts` (indices into `texts`): the MinHash estimate and the exact
/// Jaccard similarity of the shingle-hash sets, as `near_duplicates` computes
/// them. Each text is sketched once however many pairs it is in.
pub fn verify_pairs<S: AsRef<str> + Sync>(
    hasher: &MinHasher,
    texts: &[S],
    left: &[usize],
    right: &[usize],
) -> Result<Vec<(f64, f64)>> {
    check_hasher(hasher)?;
    if left.len() != right.len() {
        return Err(Error::InvalidArgument {
            name: "right",
            reason: format!(
                "left and right have different lengths ({} and {})",
                left.len(),
                right.len()
            ),
        });
    }
    let n = texts.len();
    for (name, idx) in [("left", left), ("right", right)] {
        if let Some(p) = idx.iter().position(|&i| i >= n) {
            return Err(Error::InvalidArgument {
                name,
                reason: format!("item {p} is {}, but there are {n} texts", idx[p]),
            });
        }
    }
    let mut sk = sketch_all(hasher, texts);
    sk.sets.par_iter_mut().for_each(|s| {
        s.sort_unstable();
        s.dedup();
    });
    let k = sk.num_perm;
    Ok(left
        .par_iter()
        .zip(right.par_iter())
        .map(|(&i, &j)| {
            let exact = jaccard(&sk.sets[i], &sk.sets[j]);
            let est = estimate(&sk.sigs[i * k..(i + 1) * k], &sk.sigs[j * k..(j + 1) * k]);
            (est, exact)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::cluster::{default_params, near_duplicates, NearDupOptions};
    use crate::dedup::Unit;

    /// Candidates from band keys + verification of every candidate reproduce
    /// the single-machine search.
    #[test]
    fn band_keys_and_verification_reproduce_near_duplicates() {
        let base = "the quick brown fox jumps over the lazy dog near the river bank today and tomorrow as well";
        let texts = vec![
            base.to_string(),
            "something entirely different with many other words in it for sure yes".to_string(),
            format!("{base} indeed"),
            String::new(),
            base.replace("lazy", "LAZY"),
            format!("{base} and then some more words are added at the end of it"),
        ];
        let o = NearDupOptions {
            threshold: 0.7,
            ..Default::default()
        };
        let want = near_duplicates(&texts, &o).unwrap();
        let h = MinHasher::new(o.num_perm, o.ngram, Unit::Word, o.seed, Scheme::Asim).unwrap();
        let (b, r) = default_params(o.threshold, o.num_perm);
        let (keys, nonempty) = band_keys(&h, &texts, b, r).unwrap();
        assert_eq!(nonempty, vec![true, true, true, false, true, true]);
        let mut cands = Vec::new();
        for i in 0..texts.len() {
            for j in i + 1..texts.len() {
                if nonempty[i]
                    && nonempty[j]
                    && (0..b).any(|band| keys[i * b + band] == keys[j * b + band])
                {
                    cands.push((i, j));
                }
            }
        }
        assert_eq!(cands.len(), want.candidates);
        let (l, rr): (Vec<usize>, Vec<usize>) = cands.iter().copied().unzip();
        let v = verify_pairs(&h, &texts, &l, &rr).unwrap();
        let got: Vec<(u32, u32, f64, f64)> = cands
            .iter()
            .zip(v)
            .filter(|(_, (_, exact))| *exact >= o.threshold)
            .map(|(&(i, j), (est, exact))| (i as u32, j as u32, est, exact))
            .collect();
        assert_eq!(got, want.pairs);
    }

    #[test]
    fn bad_arguments() {
        let h = MinHasher::new(16, 5, Unit::Word, 1, Scheme::Asim).unwrap();
        assert!(band_keys(&h, &["a"], 5, 4).is_err());
        assert!(band_keys(&h, &["a"], 0, 4).is_err());
        assert!(verify_pairs(&h, &["a", "b"], &[0], &[2]).is_err());
        assert!(verify_pairs(&h, &["a", "b"], &[0], &[]).is_err());
        let d = MinHasher::new(16, 5, Unit::Word, 1, Scheme::Affine32).unwrap();
        assert!(band_keys(&d, &["a"], 4, 4).is_err());
    }
}
