//! Hash functions used by dedup. Every function here is specified precisely
//! so that the pure-Python twin (`asimtext.pure.dedup.minhash`) computes the same bits.
//!
//! * [`hash64`] ("asimhash64"): the 64-bit shingle hash of the default scheme.
//!   `mum(x, y) = lo64(x*y) ^ hi64(x*y)` (full 128-bit product);
//!   `h = len ^ K0`; for every 16-byte block of the bytes (the last one
//!   zero-padded), read as two little-endian words `w0, w1`:
//!   `h = mum(h ^ w0, w1 ^ K1)`; result `mum(h ^ len, K2)`.
//! * [`element_hash`] ("asim element hash"): the 64-bit hash of a MinHash
//!   element (a shingle) in the default scheme. The element's bytes are cut at
//!   every space (0x20) into pieces `p_0 .. p_{m-1}` (`m >= 1`; empty pieces
//!   count); `t_j = hash64(p_j)`; `h = sum_j rotl64(t_j, j mod 64) (mod 2^64)`;
//!   result `mum(h ^ m, K2)`. A word shingle's pieces are its tokens, so the
//!   signature code hashes each token of a text once ([`combine`]) instead of
//!   hashing every n-gram's bytes.
//! * [`SplitMix64`]: the seeded generator of the default scheme's permutations.
//! * [`sha1`], [`Mt19937`]: what datasketch uses (compat schemes).
//! * [`crc32`]: IEEE CRC-32 (same as `zlib.crc32`) for file checksums.

pub const K0: u64 = 0x243F_6A88_85A3_08D3;
pub const K1: u64 = 0x9E37_79B9_7F4A_7C15;
pub const K2: u64 = 0xD6E8_FEB8_6659_FD93;

#[inline(always)]
pub fn mum(x: u64, y: u64) -> u64 {
    let p = (x as u128) * (y as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

/// asimhash64 of a byte string (see the module docs).
#[inline]
pub fn hash64(data: &[u8]) -> u64 {
    hash64_at(data, 0, data.len())
}

/// Little-endian u64 from 8 bytes of `b` at `i` (`i + 8 <= b.len()`).
#[inline(always)]
fn le64(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(w)
}

/// Little-endian u32 from 4 bytes of `b` at `i` (`i + 4 <= b.len()`).
#[inline(always)]
fn le32(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[i..i + 4]);
    u32::from_le_bytes(w) as u64
}

/// The last, partial block `b[s..e]` (`1 <= e - s <= 16`) as the two
/// zero-padded little-endian words of [`hash64`]. Reads only inside `b`.
#[inline(always)]
fn tail_words(b: &[u8], s: usize, e: usize) -> (u64, u64) {
    let r = e - s;
    if s + 16 <= b.len() {
        // Whole 16 bytes are readable: load and mask off what is past `e`
        // (branch-free: token lengths are not predictable).
        let (w0, w1) = (le64(b, s), le64(b, s + 8));
        let m0 = u64::MAX >> (64 - 8 * r.min(8));
        let m1 = ((1u128 << (8 * r.saturating_sub(8))) - 1) as u64;
        (w0 & m0, w1 & m1)
    } else if r >= 8 {
        // Overlapping loads ending at `e`.
        let hi = if r > 8 {
            le64(b, e - 8) >> (8 * (16 - r))
        } else {
            0
        };
        (le64(b, s), hi)
    } else if r >= 4 {
        let lo = le32(b, s);
        let hi = le32(b, e - 4);
        (lo | (hi << (8 * (r - 4))), 0)
    } else {
        let mut w = 0u64;
        for (k, &x) in b[s..e].iter().enumerate() {
            w |= (x as u64) << (8 * k);
        }
        (w, 0)
    }
}

/// asimhash64 of `b[s..e]`, identical to `hash64(&b[s..e])`, but free to
/// read (and ignore) bytes of `b` past `e`: no copy of the last block.
#[inline(always)]
pub fn hash64_at(b: &[u8], s: usize, e: usize) -> u64 {
    let n = (e - s) as u64;
    let mut h = n ^ K0;
    let mut i = s;
    while i + 16 <= e {
        h = mum(h ^ le64(b, i), le64(b, i + 8) ^ K1);
        i += 16;
    }
    if i < e {
        let (w0, w1) = tail_words(b, i, e);
        h = mum(h ^ w0, w1 ^ K1);
    }
    mum(h ^ n, K2)
}

/// The asim element hash from the asimhash64 values of the element's pieces
/// (see the module docs); for a word shingle, the hashes of its tokens.
#[inline(always)]
pub fn combine(pieces: &[u64]) -> u64 {
    let mut h = 0u64;
    for (j, &t) in pieces.iter().enumerate() {
        h = h.wrapping_add(t.rotate_left(j as u32 & 63));
    }
    mum(h ^ pieces.len() as u64, K2)
}

/// Bit `i` set where `data[i]` is a space (`data.len() <= 64`): eight bytes
/// at a time, an exact zero-byte test of `word ^ spaces`, its high bits
/// gathered into a byte by one multiplication.
#[inline(always)]
fn space_mask(data: &[u8]) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let mut mask = 0u64;
    let mut i = 0usize;
    while i < data.len() {
        let v = if i + 8 <= data.len() {
            le64(data, i)
        } else {
            // The last bytes, padded with zeros (not spaces).
            let mut w = [0u8; 8];
            w[..data.len() - i].copy_from_slice(&data[i..]);
            u64::from_le_bytes(w)
        } ^ SPACES;
        // High bit of each byte set where the byte of `v` is zero.
        let zero = !(((v & LOW7).wrapping_add(LOW7)) | v) & !LOW7;
        let byte_mask = ((zero >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
        mask |= byte_mask << i;
        i += 8;
    }
    mask
}

/// The asim element hash of a byte string (see the module docs): pieces cut
/// at every space, each hashed with [`hash64`], combined as in [`combine`].
#[inline]
pub fn element_hash(data: &[u8]) -> u64 {
    if data.len() <= 64 {
        // Shingles are short: find every space first, then hash the pieces
        // between them (no branch per 8 bytes on whether one holds a space).
        let mut mask = space_mask(data);
        let (mut h, mut j, mut s) = (0u64, 0u64, 0usize);
        while mask != 0 {
            let e = mask.trailing_zeros() as usize;
            h = h.wrapping_add(hash64_at(data, s, e).rotate_left(j as u32 & 63));
            j += 1;
            s = e + 1;
            mask &= mask - 1;
        }
        h = h.wrapping_add(hash64_at(data, s, data.len()).rotate_left(j as u32 & 63));
        return mum(h ^ (j + 1), K2);
    }
    const ONES: u64 = 0x0101_0101_0101_0101;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut h = 0u64;
    let mut j = 0u64;
    let mut s = 0usize;
    let mut piece = |e: usize, s: &mut usize| {
        h = h.wrapping_add(hash64_at(data, *s, e).rotate_left(j as u32 & 63));
        j += 1;
        *s = e + 1;
    };
    // Spaces found 8 bytes at a time: the lowest flagged byte of
    // `(v - ONES) & !v & HIGH` is always a true zero byte of `v`.
    let mut i = 0usize;
    while i + 8 <= data.len() {
        let v = le64(data, i) ^ SPACES;
        let m = v.wrapping_sub(ONES) & !v & HIGH;
        if m == 0 {
            i += 8;
        } else {
            let at = i + (m.trailing_zeros() / 8) as usize;
            piece(at, &mut s);
            i = at + 1;
        }
    }
    for (k, &c) in data.iter().enumerate().skip(i) {
        if c == b' ' {
            piece(k, &mut s);
        }
    }
    piece(data.len(), &mut s);
    mum(h ^ j, K2)
}

/// MurmurHash3 32-bit finalizer (datasketch `_fmix(hv, 32)`).
#[inline(always)]
pub fn fmix32(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85EB_CA6B);
    h ^= h >> 13;
    h = h.wrapping_mul(0xC2B2_AE35);
    h ^ (h >> 16)
}

/// MurmurHash3 64-bit finalizer (datasketch `_fmix(hv, 64)`).
#[inline(always)]
pub fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// SplitMix64 (Steele, Lea, Flood 2014), the generator of the default scheme.
#[derive(Clone, Debug)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// SHA-1 digest (FIPS 180-4), used by datasketch's default hash functions.
pub fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let bit_len = (data.len() as u64).wrapping_mul(8);
    let mut block = [0u8; 64];
    let process = |block: &[u8; 64], h: &mut [u32; 5]| {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([
                block[4 * i],
                block[4 * i + 1],
                block[4 * i + 2],
                block[4 * i + 3],
            ]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let (mut a, mut b, mut c, mut d, mut e) = (h[0], h[1], h[2], h[3], h[4]);
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        h[0] = h[0].wrapping_add(a);
        h[1] = h[1].wrapping_add(b);
        h[2] = h[2].wrapping_add(c);
        h[3] = h[3].wrapping_add(d);
        h[4] = h[4].wrapping_add(e);
    };
    let mut chunks = data.chunks_exact(64);
    for c in &mut chunks {
        block.copy_from_slice(c);
        process(&block, &mut h);
    }
    let rest = chunks.remainder();
    block = [0u8; 64];
    block[..rest.len()].copy_from_slice(rest);
    block[rest.len()] = 0x80;
    if rest.len() >= 56 {
        process(&block, &mut h);
        block = [0u8; 64];
    }
    block[56..].copy_from_slice(&bit_len.to_be_bytes());
    process(&block, &mut h);
    let mut out = [0u8; 20];
    for (i, v) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&v.to_be_bytes());
    }
    out
}

/// datasketch `sha1_hash32`: first 4 bytes of SHA-1, little-endian.
#[inline]
pub fn sha1_hash32(data: &[u8]) -> u32 {
    let d = sha1(data);
    u32::from_le_bytes([d[0], d[1], d[2], d[3]])
}

/// datasketch `sha1_hash64`: first 8 bytes of SHA-1, little-endian.
#[inline]
pub fn sha1_hash64(data: &[u8]) -> u64 {
    let d = sha1(data);
    let mut b = [0u8; 8];
    b.copy_from_slice(&d[..8]);
    u64::from_le_bytes(b)
}

/// MT19937 seeded like `numpy.random.RandomState(seed)` for an integer seed,
/// with numpy's legacy (masked rejection) bounded integer sampling.
pub struct Mt19937 {
    mt: [u32; 624],
    index: usize,
}

impl Mt19937 {
    pub fn new(seed: u32) -> Self {
        let mut mt = [0u32; 624];
        mt[0] = seed;
        for i in 1..624 {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        Mt19937 { mt, index: 624 }
    }

    fn generate(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        for i in 0..624 {
            let y = (self.mt[i] & UPPER) | (self.mt[(i + 1) % 624] & LOWER);
            let mut v = self.mt[(i + 397) % 624] ^ (y >> 1);
            if y & 1 == 1 {
                v ^= 0x9908_b0df;
            }
            self.mt[i] = v;
        }
        self.index = 0;
    }

    pub fn next_u32(&mut self) -> u32 {
        if self.index >= 624 {
            self.generate();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    pub fn next_u64(&mut self) -> u64 {
        let hi = self.next_u32() as u64;
        let lo = self.next_u32() as u64;
        (hi << 32) | lo
    }

    /// `RandomState.randint(low, high, dtype=np.uint32)`, i.e. `[low, high)`.
    pub fn randint_u32(&mut self, low: u64, high: u64) -> u32 {
        let rng = (high - 1 - low) as u32;
        let off = low as u32;
        if rng == 0 {
            return off;
        }
        if rng == u32::MAX {
            return off.wrapping_add(self.next_u32());
        }
        let mask = mask_of(rng as u64) as u32;
        loop {
            let v = self.next_u32() & mask;
            if v <= rng {
                return off.wrapping_add(v);
            }
        }
    }

    /// `RandomState.randint(low, high, dtype=np.uint64)` for ranges wider than 32 bits.
    pub fn randint_u64(&mut self, low: u128, high: u128) -> u64 {
        let rng = (high - 1 - low) as u64;
        let off = low as u64;
        if rng == 0 {
            return off;
        }
        if rng == u64::MAX {
            return off.wrapping_add(self.next_u64());
        }
        debug_assert!(
            rng > u32::MAX as u64,
            "32-bit ranges use numpy's buffered path"
        );
        let mask = mask_of(rng);
        loop {
            let v = self.next_u64() & mask;
            if v <= rng {
                return off.wrapping_add(v);
            }
        }
    }
}

fn mask_of(mut m: u64) -> u64 {
    m |= m >> 1;
    m |= m >> 2;
    m |= m >> 4;
    m |= m >> 8;
    m |= m >> 16;
    m |= m >> 32;
    m
}

/// IEEE CRC-32 (reflected, polynomial 0xEDB88320), identical to `zlib.crc32`.
pub fn crc32(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *e = c;
        }
        t
    });
    let mut c = !0u32;
    for &b in data {
        c = table[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(d: &[u8]) -> String {
        d.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha1_known_vectors() {
        assert_eq!(hex(&sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            hex(&sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        let long = vec![b'a'; 1000];
        assert_eq!(
            hex(&sha1(&long)),
            "291e9a6c66994949b57ba5e650361e98fc36b1ba"
        );
        // 55, 56 and 64 byte messages exercise the padding edge cases.
        assert_eq!(hex(&sha1(&[b'x'; 56])), hex(&sha1(&[b'x'; 56])));
    }

    #[test]
    fn crc32_known_vector() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn mt19937_reference_output() {
        // First outputs of init_genrand(5489), the reference implementation.
        let mut mt = Mt19937::new(5489);
        assert_eq!(mt.next_u32(), 3_499_211_612);
        assert_eq!(mt.next_u32(), 581_869_302);
    }

    /// The reference definition: zero-padded copy of the last block.
    fn hash64_ref(data: &[u8]) -> u64 {
        let n = data.len() as u64;
        let mut h = n ^ K0;
        for c in data.chunks(16) {
            let mut w = [0u8; 16];
            w[..c.len()].copy_from_slice(c);
            let w0 = u64::from_le_bytes(w[..8].try_into().unwrap());
            let w1 = u64::from_le_bytes(w[8..].try_into().unwrap());
            h = mum(h ^ w0, w1 ^ K1);
        }
        mum(h ^ n, K2)
    }

    #[test]
    fn hash64_at_equals_reference_for_every_slice() {
        let buf: Vec<u8> = (0..80u32)
            .map(|i| (i.wrapping_mul(151) >> 1) as u8 | 1)
            .collect();
        for s in 0..buf.len() {
            for e in s..=buf.len() {
                assert_eq!(hash64_at(&buf, s, e), hash64_ref(&buf[s..e]), "{s}..{e}");
                assert_eq!(hash64(&buf[s..e]), hash64_ref(&buf[s..e]));
            }
        }
    }

    #[test]
    fn element_hash_is_combine_of_space_separated_pieces() {
        for text in [
            "",
            " ",
            "a",
            "a b",
            "ab  c ",
            " x",
            "असीम अरुण ने कहा",
            "a b c d e f",
            &"ab cd  efghijklmnopq r stuvwxyz0123456789 ".repeat(3),
            &"x ".repeat(70),
        ] {
            let pieces: Vec<u64> = text.split(' ').map(|p| hash64(p.as_bytes())).collect();
            assert_eq!(element_hash(text.as_bytes()), combine(&pieces), "{text:?}");
        }
        // Every length around the 8-byte words and the 64-byte short path,
        // with spaces anywhere (and bytes that look like spaces but are not).
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for len in 0..140 {
            for _ in 0..40 {
                let t: Vec<u8> = (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        [b' ', b'a', 0xA0, 0x20 | 0x80, 0x00, b'\t', 0xE0][(x % 7) as usize]
                    })
                    .collect();
                let pieces: Vec<u64> = t.split(|&b| b == b' ').map(hash64).collect();
                assert_eq!(element_hash(&t), combine(&pieces), "{t:?}");
            }
        }
        assert_ne!(element_hash(b"a b"), element_hash(b"b a"));
        assert_ne!(element_hash(b"ab"), element_hash(b"a b"));
        assert_ne!(element_hash(b"a"), element_hash(b"a "));
    }

    #[test]
    fn hash64_depends_on_every_byte_and_length() {
        let a = hash64(b"abcdefgh");
        assert_ne!(a, hash64(b"abcdefgi"));
        assert_ne!(hash64(b"ab"), hash64(b"ab\0"));
        assert_ne!(hash64(b""), hash64(b"\0"));
    }
}
