//! datasketch 2.x compatibility: permutation parameters and element hashes of
//! `datasketch.MinHash(num_perm, seed, scheme=...)`, reproduced bit for bit.
//!
//! * `affine32` (datasketch 2.x default): `x = fmix32(sha1_hash32(token))`,
//!   `h_k = a_k * x + b_k  (mod 2^32)`, stored as `uint32`;
//!   `a = 2 * randint(0, 2^31, num_perm, uint32) + 1`, `b = randint(0, 2^32, num_perm, uint32)`.
//! * `affine64`: the same over 64 bits with `sha1_hash64`, `fmix64`, stored as `uint64`.
//! * `legacy` (datasketch < 2.0): `h_k = ((a_k * sha1_hash32(token) + b_k) mod 2^64) mod (2^61 - 1)`
//!   masked to 32 bits, stored as `uint64`; `(a_k, b_k)` drawn in pairs with
//!   `randint(1, 2^61-1)`, `randint(0, 2^61-1)`.
//!
//! All draws come from `numpy.random.RandomState(seed)` ([`Mt19937`]).

use super::hash::Mt19937;

pub const MERSENNE61: u64 = (1u64 << 61) - 1;
pub const LEGACY_MAX: u64 = (1u64 << 32) - 1;

/// `(a, b)` of scheme affine32.
pub fn affine32_permutations(seed: u32, num_perm: usize) -> (Vec<u32>, Vec<u32>) {
    let mut g = Mt19937::new(seed);
    let a = (0..num_perm)
        .map(|_| g.randint_u32(0, 1 << 31).wrapping_mul(2).wrapping_add(1))
        .collect();
    let b = (0..num_perm).map(|_| g.randint_u32(0, 1 << 32)).collect();
    (a, b)
}

/// `(a, b)` of scheme affine64.
pub fn affine64_permutations(seed: u32, num_perm: usize) -> (Vec<u64>, Vec<u64>) {
    let mut g = Mt19937::new(seed);
    let a = (0..num_perm)
        .map(|_| g.randint_u64(0, 1 << 63).wrapping_mul(2).wrapping_add(1))
        .collect();
    let b = (0..num_perm).map(|_| g.randint_u64(0, 1 << 64)).collect();
    (a, b)
}

/// `(a, b)` of scheme legacy.
pub fn legacy_permutations(seed: u32, num_perm: usize) -> (Vec<u64>, Vec<u64>) {
    let mut g = Mt19937::new(seed);
    let mut a = Vec::with_capacity(num_perm);
    let mut b = Vec::with_capacity(num_perm);
    for _ in 0..num_perm {
        a.push(g.randint_u64(1, MERSENNE61 as u128));
        b.push(g.randint_u64(0, MERSENNE61 as u128));
    }
    (a, b)
}
