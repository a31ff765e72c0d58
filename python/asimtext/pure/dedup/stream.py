"""Pure-Python twin of :class:`asimtext.StreamDedup` (same pairs, same labels, slower).

Per document it keeps the sorted set of 32-bit shingle hashes (the top 32
bits of the asim element hash) and one key per LSH band (the top 32 bits of the band
hash of its MinHash signature); candidates are documents sharing a band key,
verified with the exact Jaccard similarity of the stored sets. In a bucket,
each document is compared with the ``BUCKET_WINDOW`` documents after it.
"""

from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

import numpy as np

from asimtext.errors import ArgumentError, OutOfRangeError
from asimtext.pure.dedup.minhash import BUCKET_WINDOW, K0, K1, K2, MinHasher, default_lsh_params, element_hash, mum

__all__ = ["StreamDedup", "band_key"]


def band_key(band: int, values) -> int:
    """Top 32 bits of the band hash of ``values`` (the Rust ``band_hash``)."""
    h = K0 ^ band
    for v in values:
        h = mum(h ^ int(v), K1)
    return mum(h ^ len(values), K2) >> 32


def _jaccard(a: List[int], b: List[int]) -> float:
    if not a or not b:
        return 0.0
    i = len(set(a) & set(b))
    return i / (len(a) + len(b) - i)


class StreamDedup:
    """Pure-Python :class:`asimtext.StreamDedup` (``params`` default from the core)."""

    def __init__(
        self,
        threshold: float = 0.8,
        num_perm: int = 128,
        ngram: int = 5,
        unit: str = "word",
        seed: int = 1,
        params: Optional[Tuple[int, int]] = None,
    ) -> None:
        if not (0.0 < threshold <= 1.0):
            raise ArgumentError(f"invalid argument `threshold`: must be in (0, 1], got {threshold}")
        self.threshold = float(threshold)
        self._hasher = MinHasher(num_perm=num_perm, ngram=ngram, unit=unit, seed=seed)
        if params is None:
            params = default_lsh_params(threshold, num_perm)
        b, r = params
        if b < 1 or r < 1 or b * r > num_perm:
            raise ArgumentError(f"bands * rows must be between 1 and num_perm = {num_perm}")
        self.params = (b, r)
        self._sets: List[List[int]] = []
        self._keys: List[List[int]] = []

    def __len__(self) -> int:
        return len(self._sets)

    def jaccard(self, i: int, j: int) -> float:
        """Exact Jaccard similarity of the stored sets of documents ``i`` and ``j``."""
        n = len(self._sets)
        for name, d in (("i", i), ("j", j)):
            if not 0 <= d < n:
                raise OutOfRangeError(f"{name} = {d} is not a document of the index ({n} documents)")
        return _jaccard(self._sets[i], self._sets[j])

    def add(self, texts: Iterable[str]) -> int:
        """Add texts; returns the index of the first."""
        first = len(self._sets)
        bands, rows = self.params
        for t in texts:
            shingles = self._hasher.shingles(t)
            s = sorted({element_hash(x.encode("utf-8")) >> 32 for x in shingles})
            self._sets.append(s)
            if not s:
                self._keys.append([])
                continue
            xs = np.array(s, dtype=np.uint32).reshape(-1, 1)
            sig = (xs * self._hasher._a + self._hasher._b).min(axis=0)
            self._keys.append(
                [band_key(b, sig[b * rows : (b + 1) * rows].tolist()) for b in range(bands)]
            )
        return first

    def _candidates(self) -> List[Tuple[int, int]]:
        out = set()
        for band in range(self.params[0]):
            buckets: dict = {}
            for d, keys in enumerate(self._keys):
                if keys:
                    buckets.setdefault(keys[band], []).append(d)
            # Each document meets the BUCKET_WINDOW after it in its bucket, as in
            # asimtext.near_duplicates (a bucket of m documents: at most 16 m pairs).
            for docs in buckets.values():
                for x in range(len(docs)):
                    for y in range(x + 1, min(len(docs), x + 1 + BUCKET_WINDOW)):
                        out.add((docs[x], docs[y]))
        return sorted(out)

    def pairs(self):
        """``(i, j, jaccard)`` arrays of the verified pairs and the candidate count."""
        cands = self._candidates()
        got = []
        for i, j in cands:
            jac = _jaccard(self._sets[i], self._sets[j])
            if jac >= self.threshold:
                got.append((i, j, jac))
        a = np.array([g[0] for g in got], dtype=np.uint32)
        b = np.array([g[1] for g in got], dtype=np.uint32)
        j = np.array([g[2] for g in got], dtype=np.float64)
        return a, b, j, len(cands)

    def labels(self) -> np.ndarray:
        """A cluster label per document, numbered by first document."""
        n = len(self._sets)
        parent = list(range(n))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        a, b, _, _ = self.pairs()
        for i, j in zip(a.tolist(), b.tolist()):
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
        label: dict = {}
        out = []
        for d in range(n):
            r = find(d)
            if r not in label:
                label[r] = len(label)
            out.append(label[r])
        return np.array(out, dtype=np.uint32)

    def __repr__(self) -> str:
        t, p = self.threshold, self.params
        return f"pure.StreamDedup(threshold={t}, params={p}, len={len(self)})"

