//! MinHash LSH: choice of bands x rows, an in-memory index, and a versioned
//! binary file format with a checksum.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::hash::{crc32, mum, K0, K1, K2};
use crate::error::{Error, Result};

pub const MAX_LSH_NUM_PERM: usize = 2048;

// ---------------------------------------------------------------- params

// QUADPACK's 21-point Gauss-Kronrod rule (QK21), the first step of the
// `qagse` routine behind `scipy.integrate.quad` that datasketch uses. Using
// the same rule in the same order of operations gives bit-identical areas
// whenever quad accepts its first estimate (smooth, low-degree integrands),
// so exact ties between (bands, rows) candidates resolve the same way.
const XGK: [f64; 11] = [
    0.995_657_163_025_808_1,
    0.973_906_528_517_171_7,
    0.930_157_491_355_708_2,
    0.865_063_366_688_984_5,
    0.780_817_726_586_416_9,
    0.679_409_568_299_024_4,
    0.562_757_134_668_604_7,
    0.433_395_394_129_247_2,
    0.294_392_862_701_460_2,
    0.148_874_338_981_631_2,
    0.0,
];
const WGK: [f64; 11] = [
    0.011_694_638_867_371_874,
    0.032_558_162_307_964_73,
    0.054_755_896_574_351_996,
    0.075_039_674_810_919_95,
    0.093_125_454_583_697_6,
    0.109_387_158_802_297_64,
    0.123_491_976_262_065_85,
    0.134_709_217_311_473_33,
    0.142_775_938_577_060_08,
    0.147_739_104_901_338_5,
    0.149_445_554_002_916_9,
];
const WG: [f64; 5] = [
    0.066_671_344_308_688_14,
    0.149_451_349_150_580_6,
    0.219_086_362_515_982_04,
    0.269_266_719_309_996_35,
    0.295_524_224_714_752_87,
];

/// QK21 on `[a, b]`: `(result, abserr, resabs, resasc)` as in QUADPACK.
#[allow(clippy::needless_range_loop)]
fn qk21<F: Fn(f64) -> f64>(f: &F, a: f64, b: f64) -> (f64, f64, f64, f64) {
    let epmach = f64::EPSILON;
    let uflow = f64::MIN_POSITIVE;
    let centr = 0.5 * (a + b);
    let hlgth = 0.5 * (b - a);
    let dhlgth = hlgth.abs();
    let mut resg = 0.0;
    let fc = f(centr);
    let mut resk = WGK[10] * fc;
    let mut resabs = resk.abs();
    let mut fv1 = [0.0f64; 10];
    let mut fv2 = [0.0f64; 10];
    for j in 0..5 {
        let jtw = 2 * j + 1;
        let absc = hlgth * XGK[jtw];
        let fval1 = f(centr - absc);
        let fval2 = f(centr + absc);
        fv1[jtw] = fval1;
        fv2[jtw] = fval2;
        let fsum = fval1 + fval2;
        resg += WG[j] * fsum;
        resk += WGK[jtw] * fsum;
        resabs += WGK[jtw] * (fval1.abs() + fval2.abs());
    }
    for j in 0..5 {
        let jtwm1 = 2 * j;
        let absc = hlgth * XGK[jtwm1];
        let fval1 = f(centr - absc);
        let fval2 = f(centr + absc);
        fv1[jtwm1] = fval1;
        fv2[jtwm1] = fval2;
        let fsum = fval1 + fval2;
        resk += WGK[jtwm1] * fsum;
        resabs += WGK[jtwm1] * (fval1.abs() + fval2.abs());
    }
    let reskh = resk * 0.5;
    let mut resasc = WGK[10] * (fc - reskh).abs();
    for j in 0..10 {
        resasc += WGK[j] * ((fv1[j] - reskh).abs() + (fv2[j] - reskh).abs());
    }
    let result = resk * hlgth;
    resabs *= dhlgth;
    resasc *= dhlgth;
    let mut abserr = ((resk - resg) * hlgth).abs();
    if resasc != 0.0 && abserr != 0.0 {
        abserr = resasc * (1.0f64).min((200.0 * abserr / resasc).powf(1.5));
    }
    if resabs > uflow / (50.0 * epmach) {
        abserr = (epmach * 50.0 * resabs).max(abserr);
    }
    (result, abserr, resabs, resasc)
}

/// Integral of `f` over `[lo, hi]` with quad's tolerances (1.49e-8): QK21,
/// accepted as QUADPACK accepts it, else adaptive bisection (at most 50 intervals).
fn integrate<F: Fn(f64) -> f64>(f: F, lo: f64, hi: f64) -> f64 {
    const EPS: f64 = 1.49e-8;
    let (result, abserr, defabs, resasc) = qk21(&f, lo, hi);
    let errbnd = EPS.max(EPS * result.abs());
    if (abserr <= 100.0 * f64::EPSILON * defabs && abserr > errbnd)
        || (abserr <= errbnd && abserr != resasc)
        || abserr == 0.0
    {
        return result;
    }
    // (a, b, result, error) per interval; bisect the worst one.
    let mut parts = vec![(lo, hi, result, abserr)];
    for _ in 1..50 {
        let total: f64 = parts.iter().map(|p| p.2).sum();
        let err: f64 = parts.iter().map(|p| p.3).sum();
        if err <= EPS.max(EPS * total.abs()) {
            break;
        }
        let (w, _) = parts
            .iter()
            .enumerate()
            .fold((0, f64::NEG_INFINITY), |(bi, be), (i, p)| {
                if p.3 > be {
                    (i, p.3)
                } else {
                    (bi, be)
                }
            });
        let (a, b, _, _) = parts.swap_remove(w);
        let m = 0.5 * (a + b);
        let (r1, e1, _, _) = qk21(&f, a, m);
        let (r2, e2, _, _) = qk21(&f, m, b);
        parts.push((a, m, r1, e1));
        parts.push((m, b, r2, e2));
    }
    parts.sort_by(|x, y| x.0.total_cmp(&y.0));
    parts.iter().map(|p| p.2).sum()
}

/// Weighted false-positive area: integral over [0, t] of 1 - (1 - s^r)^b.
pub fn false_positive_area(t: f64, b: usize, r: usize) -> f64 {
    integrate(|s| 1.0 - (1.0 - s.powf(r as f64)).powf(b as f64), 0.0, t)
}

/// False-negative area: integral over [t, 1] of (1 - s^r)^b.
pub fn false_negative_area(t: f64, b: usize, r: usize) -> f64 {
    integrate(
        |s| 1.0 - (1.0 - (1.0 - s.powf(r as f64)).powf(b as f64)),
        t,
        1.0,
    )
}

/// `(bands, rows)` minimising `w_fp * FP + w_fn * FN` over all `b * r <= num_perm`,
/// scanned in the same order as datasketch's `_optimal_param` (first minimum wins).
pub fn optimal_params(threshold: f64, num_perm: usize, w_fp: f64, w_fn: f64) -> (usize, usize) {
    // The search integrates ~num_perm * ln(num_perm) curves (milliseconds for
    // 128): remember the answers, the same few settings come back every call.
    type Key = (u64, usize, u64, u64);
    static MEMO: std::sync::Mutex<Vec<(Key, (usize, usize))>> = std::sync::Mutex::new(Vec::new());
    let key = (
        threshold.to_bits(),
        num_perm,
        w_fp.to_bits(),
        w_fn.to_bits(),
    );
    let lock = |m: &'static std::sync::Mutex<Vec<(Key, (usize, usize))>>| match m.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    if let Some(&(_, v)) = lock(&MEMO).iter().find(|(k, _)| *k == key) {
        return v;
    }
    let v = optimal_params_uncached(threshold, num_perm, w_fp, w_fn);
    let mut memo = lock(&MEMO);
    if memo.len() >= 64 {
        memo.remove(0);
    }
    memo.push((key, v));
    v
}

fn optimal_params_uncached(
    threshold: f64,
    num_perm: usize,
    w_fp: f64,
    w_fn: f64,
) -> (usize, usize) {
    let mut best = f64::INFINITY;
    let mut opt = (0, 0);
    for b in 1..=num_perm {
        for r in 1..=(num_perm / b) {
            let err = false_positive_area(threshold, b, r) * w_fp
                + false_negative_area(threshold, b, r) * w_fn;
            if err < best {
                best = err;
                opt = (b, r);
            }
        }
    }
    opt
}

/// Validate LSH arguments.
pub fn check_lsh_args(threshold: f64, num_perm: usize, weights: (f64, f64)) -> Result<()> {
    if !(threshold > 0.0 && threshold <= 1.0) {
        return Err(Error::InvalidArgument {
            name: "threshold",
            reason: format!("must be in (0, 1], got {threshold}"),
        });
    }
    if !(2..=MAX_LSH_NUM_PERM).contains(&num_perm) {
        return Err(Error::InvalidArgument {
            name: "num_perm",
            reason: format!("must be between 2 and {MAX_LSH_NUM_PERM}, got {num_perm}"),
        });
    }
    let (a, b) = weights;
    if !(0.0..=1.0).contains(&a) || !(0.0..=1.0).contains(&b) || ((a + b) - 1.0).abs() > 1e-9 {
        return Err(Error::InvalidArgument {
            name: "weights",
            reason: format!("must be two numbers in [0, 1] that sum to 1, got ({a}, {b})"),
        });
    }
    Ok(())
}

/// Hash of the `r` values of one band (band index mixed in).
#[inline]
pub fn band_hash<T: Copy + Into<u64>>(band: usize, values: &[T]) -> u64 {
    let mut h = K0 ^ (band as u64);
    for &v in values {
        h = mum(h ^ v.into(), K1);
    }
    mum(h ^ values.len() as u64, K2)
}

// ---------------------------------------------------------------- index

/// A key of the index: Python `int` (64-bit) or `str`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Int(i64),
    Str(String),
}

/// Hasher for keys that are already hashes.
#[derive(Default)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}
type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

const NIL: u32 = u32::MAX;

#[derive(Clone, Debug)]
pub struct Lsh {
    pub threshold: f64,
    pub num_perm: usize,
    pub weights: (f64, f64),
    pub bands: usize,
    pub rows: usize,
    /// slot -> key (None once removed).
    keys: Vec<Option<Key>>,
    /// slot * bands + band -> band hash.
    hashes: Vec<u64>,
    /// slot * bands + band -> next slot in the same bucket.
    next: Vec<u32>,
    /// slot * bands + band -> previous slot in the same bucket (NIL at the
    /// head): `remove` unlinks in constant time however large the bucket.
    prev: Vec<u32>,
    /// per band: bucket hash -> first slot.
    heads: Vec<IdMap<u32>>,
    slot_of: HashMap<Key, u32>,
}

impl Lsh {
    /// New index; `params` overrides the automatic `(bands, rows)` choice.
    pub fn new(
        threshold: f64,
        num_perm: usize,
        weights: (f64, f64),
        params: Option<(usize, usize)>,
    ) -> Result<Self> {
        check_lsh_args(threshold, num_perm, weights)?;
        let (bands, rows) = match params {
            Some((b, r)) => {
                if b == 0 || r == 0 || b.checked_mul(r).is_none_or(|n| n > num_perm) {
                    return Err(Error::InvalidArgument {
                        name: "params",
                        reason: format!(
                            "bands * rows must be between 1 and num_perm = {num_perm}, got ({b}, {r})"
                        ),
                    });
                }
                (b, r)
            }
            None => optimal_params(threshold, num_perm, weights.0, weights.1),
        };
        Ok(Self::with_params(threshold, num_perm, weights, bands, rows))
    }

    fn with_params(
        threshold: f64,
        num_perm: usize,
        weights: (f64, f64),
        bands: usize,
        rows: usize,
    ) -> Self {
        Lsh {
            threshold,
            num_perm,
            weights,
            bands,
            rows,
            keys: Vec::new(),
            hashes: Vec::new(),
            next: Vec::new(),
            prev: Vec::new(),
            heads: (0..bands).map(|_| IdMap::default()).collect(),
            slot_of: HashMap::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.slot_of.len()
    }
    pub fn is_empty(&self) -> bool {
        self.slot_of.is_empty()
    }
    pub fn contains(&self, key: &Key) -> bool {
        self.slot_of.contains_key(key)
    }

    fn check_sig_len(&self, n: usize) -> Result<()> {
        if n != self.num_perm {
            return Err(Error::InvalidArgument {
                name: "signature",
                reason: format!(
                    "has {n} values, the index expects num_perm = {}",
                    self.num_perm
                ),
            });
        }
        Ok(())
    }

    /// The band hashes of a signature.
    pub fn band_hashes<T: Copy + Into<u64>>(&self, sig: &[T]) -> Result<Vec<u64>> {
        self.check_sig_len(sig.len())?;
        Ok((0..self.bands)
            .map(|i| band_hash(i, &sig[i * self.rows..(i + 1) * self.rows]))
            .collect())
    }

    /// Insert `key` with the given band hashes (from [`Lsh::band_hashes`]).
    pub fn insert_hashes(&mut self, key: Key, hashes: &[u64]) -> Result<()> {
        if self.slot_of.contains_key(&key) {
            return Err(Error::InvalidArgument {
                name: "key",
                reason: format!("{key:?} is already in the index"),
            });
        }
        if self.keys.len() >= (NIL - 1) as usize {
            return Err(Error::InvalidArgument {
                name: "key",
                reason: "the index is full (2**32 - 2 insertions)".into(),
            });
        }
        let slot = self.keys.len() as u32;
        for (band, &h) in hashes.iter().enumerate() {
            let head = self.heads[band].entry(h).or_insert(NIL);
            let old = *head;
            *head = slot;
            self.next.push(old);
            self.prev.push(NIL);
            if old != NIL {
                self.prev[old as usize * self.bands + band] = slot;
            }
            self.hashes.push(h);
        }
        self.keys.push(Some(key.clone()));
        self.slot_of.insert(key, slot);
        Ok(())
    }

    pub fn insert<T: Copy + Into<u64>>(&mut self, key: Key, sig: &[T]) -> Result<()> {
        let h = self.band_hashes(sig)?;
        self.insert_hashes(key, &h)
    }

    /// Remove `key`; error if absent.
    pub fn remove(&mut self, key: &Key) -> Result<()> {
        let slot = self
            .slot_of
            .remove(key)
            .ok_or_else(|| Error::InvalidArgument {
                name: "key",
                reason: format!("{key:?} is not in the index"),
            })?;
        for band in 0..self.bands {
            let idx = slot as usize * self.bands + band;
            let (before, after) = (self.prev[idx], self.next[idx]);
            if after != NIL {
                self.prev[after as usize * self.bands + band] = before;
            }
            if before != NIL {
                self.next[before as usize * self.bands + band] = after;
            } else if after == NIL {
                self.heads[band].remove(&self.hashes[idx]);
            } else if let Some(head) = self.heads[band].get_mut(&self.hashes[idx]) {
                *head = after;
            }
            self.next[idx] = NIL;
            self.prev[idx] = NIL;
        }
        self.keys[slot as usize] = None;
        Ok(())
    }

    /// Keys sharing at least one band bucket with `sig`, in insertion order.
    pub fn query<T: Copy + Into<u64>>(&self, sig: &[T]) -> Result<Vec<&Key>> {
        let hashes = self.band_hashes(sig)?;
        let mut slots = Vec::new();
        for (band, h) in hashes.iter().enumerate() {
            if let Some(&head) = self.heads[band].get(h) {
                let mut cur = head;
                while cur != NIL {
                    slots.push(cur);
                    cur = self.next[cur as usize * self.bands + band];
                }
            }
        }
        slots.sort_unstable();
        slots.dedup();
        Ok(slots
            .into_iter()
            .filter_map(|s| self.keys[s as usize].as_ref())
            .collect())
    }

    /// Keys in insertion order.
    pub fn keys(&self) -> Vec<&Key> {
        self.keys.iter().flatten().collect()
    }

    /// Approximate heap bytes used by the index.
    pub fn memory_bytes(&self) -> usize {
        let key_bytes: usize = self
            .slot_of
            .keys()
            .map(|k| match k {
                Key::Int(_) => 0,
                Key::Str(s) => 2 * s.capacity(),
            })
            .sum();
        let per_map_entry = 8 + 4 + 1;
        self.keys.capacity() * std::mem::size_of::<Option<Key>>()
            + self.hashes.capacity() * 8
            + self.next.capacity() * 4
            + self.prev.capacity() * 4
            + self
                .heads
                .iter()
                .map(|m| m.capacity() * per_map_entry)
                .sum::<usize>()
            + self.slot_of.capacity() * (std::mem::size_of::<Key>() + 4 + 1)
            + key_bytes
    }

    // ------------------------------------------------------------ persistence

    /// Serialize (format version 1, see [`MAGIC`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut p = Vec::with_capacity(64 + self.len() * (self.bands * 8 + 16));
        p.extend_from_slice(&self.threshold.to_le_bytes());
        p.extend_from_slice(&self.weights.0.to_le_bytes());
        p.extend_from_slice(&self.weights.1.to_le_bytes());
        p.extend_from_slice(&(self.num_perm as u32).to_le_bytes());
        p.extend_from_slice(&(self.bands as u32).to_le_bytes());
        p.extend_from_slice(&(self.rows as u32).to_le_bytes());
        p.extend_from_slice(&(self.len() as u64).to_le_bytes());
        for (slot, key) in self.keys.iter().enumerate() {
            let Some(key) = key else { continue };
            match key {
                Key::Int(v) => {
                    p.push(0);
                    p.extend_from_slice(&v.to_le_bytes());
                }
                Key::Str(s) => {
                    p.push(1);
                    p.extend_from_slice(&(s.len() as u32).to_le_bytes());
                    p.extend_from_slice(s.as_bytes());
                }
            }
            for h in &self.hashes[slot * self.bands..(slot + 1) * self.bands] {
                p.extend_from_slice(&h.to_le_bytes());
            }
        }
        let mut out = Vec::with_capacity(p.len() + 24);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(p.len() as u64).to_le_bytes());
        out.extend_from_slice(&p);
        out.extend_from_slice(&crc32(&p).to_le_bytes());
        out
    }

    /// Parse what [`Lsh::to_bytes`] wrote; any damage gives `Error::CorruptData`.
    pub fn from_bytes(data: &[u8]) -> Result<Self> {
        let bad = |reason: &str| Error::CorruptData {
            reason: reason.to_string(),
        };
        if data.len() < MAGIC.len() || &data[..MAGIC.len()] != MAGIC {
            return Err(bad("not an asimtext LSH file (bad magic bytes)"));
        }
        let mut r = Reader {
            data,
            pos: MAGIC.len(),
        };
        let version = r.u32().ok_or_else(|| bad("truncated header"))?;
        if version != FORMAT_VERSION {
            return Err(Error::CorruptData {
                reason: format!(
                    "unsupported LSH file format version {version} (this asimtext reads version {FORMAT_VERSION})"
                ),
            });
        }
        let len = r.u64().ok_or_else(|| bad("truncated header"))? as usize;
        let start = r.pos;
        let end = start
            .checked_add(len)
            .filter(|&e| e.checked_add(4) == Some(data.len()))
            .ok_or_else(|| Error::CorruptData {
                reason: format!(
                    "truncated or padded file: header says {len} payload bytes, file has {} bytes",
                    data.len()
                ),
            })?;
        let payload = &data[start..end];
        let stored = u32::from_le_bytes([data[end], data[end + 1], data[end + 2], data[end + 3]]);
        if crc32(payload) != stored {
            return Err(bad("checksum mismatch (the file is corrupt)"));
        }
        let mut r = Reader {
            data: payload,
            pos: 0,
        };
        let e = || bad("payload ends early");
        let threshold = r.f64().ok_or_else(e)?;
        let w0 = r.f64().ok_or_else(e)?;
        let w1 = r.f64().ok_or_else(e)?;
        let num_perm = r.u32().ok_or_else(e)? as usize;
        let bands = r.u32().ok_or_else(e)? as usize;
        let rows = r.u32().ok_or_else(e)? as usize;
        let n = r.u64().ok_or_else(e)?;
        if check_lsh_args(threshold, num_perm, (w0, w1)).is_err()
            || bands == 0
            || rows == 0
            || bands.saturating_mul(rows) > num_perm
        {
            return Err(bad("invalid parameters in header"));
        }
        let mut lsh = Lsh::with_params(threshold, num_perm, (w0, w1), bands, rows);
        let mut hashes = vec![0u64; bands];
        for _ in 0..n {
            let key = match r.u8().ok_or_else(e)? {
                0 => Key::Int(r.u64().ok_or_else(e)? as i64),
                1 => {
                    let l = r.u32().ok_or_else(e)? as usize;
                    let b = r.bytes(l).ok_or_else(e)?;
                    Key::Str(
                        String::from_utf8(b.to_vec()).map_err(|_| bad("key is not valid UTF-8"))?,
                    )
                }
                _ => return Err(bad("unknown key type")),
            };
            for h in hashes.iter_mut() {
                *h = r.u64().ok_or_else(e)?;
            }
            lsh.insert_hashes(key, &hashes)
                .map_err(|_| bad("duplicate key"))?;
        }
        if r.pos != payload.len() {
            return Err(bad("trailing bytes after the last entry"));
        }
        Ok(lsh)
    }
}

/// First bytes of an LSH file.
pub const MAGIC: &[u8; 8] = b"ASIMLSH\0";
/// Current file format version.
pub const FORMAT_VERSION: u32 = 1;

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}
impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.data.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        self.bytes(1).map(|b| b[0])
    }
    fn u32(&mut self) -> Option<u32> {
        self.bytes(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Option<u64> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Some(u64::from_le_bytes(a))
    }
    fn f64(&mut self) -> Option<f64> {
        self.u64().map(f64::from_bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_known_values() {
        // Values from datasketch 2.0.0 `_optimal_param`.
        assert_eq!(optimal_params(0.8, 128, 0.5, 0.5), (9, 13));
        assert_eq!(optimal_params(0.5, 128, 0.5, 0.5), (25, 5));
        assert_eq!(optimal_params(0.6, 128, 0.2, 0.8), (23, 5));
    }

    #[test]
    fn one_bucket_holding_the_whole_index() {
        // Every key in the same buckets: removing them all, in any order,
        // is linear (each remove unlinks in constant time).
        let mut l = Lsh::new(0.5, 16, (0.5, 0.5), Some((4, 4))).unwrap();
        let sig: Vec<u32> = (0..16).collect();
        let n = 200_000;
        for k in 0..n {
            l.insert(Key::Int(k), &sig).unwrap();
        }
        assert_eq!(l.query(&sig).unwrap().len(), n as usize);
        for k in (0..n).step_by(2) {
            l.remove(&Key::Int(k)).unwrap();
        }
        let left = l.query(&sig).unwrap();
        assert_eq!(left.len(), n as usize / 2);
        assert_eq!(left[0], &Key::Int(1));
        for k in (1..n).step_by(2) {
            l.remove(&Key::Int(k)).unwrap();
        }
        assert!(l.query(&sig).unwrap().is_empty());
        assert!(l.heads.iter().all(|h| h.is_empty()));
    }

    #[test]
    fn insert_query_remove_roundtrip() {
        let mut l = Lsh::new(0.5, 16, (0.5, 0.5), Some((4, 4))).unwrap();
        let s1: Vec<u32> = (0..16).collect();
        let mut s2 = s1.clone();
        s2[0] = 99; // band 0 differs, bands 1..3 equal
        let s3: Vec<u32> = (100..116).collect();
        l.insert(Key::Int(1), &s1).unwrap();
        l.insert(Key::Str("b".into()), &s2).unwrap();
        l.insert(Key::Int(3), &s3).unwrap();
        assert!(l.insert(Key::Int(1), &s1).is_err());
        assert_eq!(
            l.query(&s1).unwrap(),
            vec![&Key::Int(1), &Key::Str("b".into())]
        );
        let bytes = l.to_bytes();
        let l2 = Lsh::from_bytes(&bytes).unwrap();
        assert_eq!(
            l2.query(&s1).unwrap(),
            vec![&Key::Int(1), &Key::Str("b".into())]
        );
        l.remove(&Key::Int(1)).unwrap();
        assert_eq!(l.query(&s1).unwrap(), vec![&Key::Str("b".into())]);
        assert!(l.remove(&Key::Int(1)).is_err());
        assert_eq!(l.len(), 2);
        // Damage.
        let mut bad = bytes.clone();
        let mid = bad.len() / 2;
        bad[mid] ^= 1;
        assert!(matches!(
            Lsh::from_bytes(&bad),
            Err(Error::CorruptData { .. })
        ));
        assert!(Lsh::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Lsh::from_bytes(b"hello world").is_err());
    }
}
