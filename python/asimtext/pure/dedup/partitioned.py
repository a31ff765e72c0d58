"""Pure-Python twins of the partitioned near-duplicate building blocks
(``asimtext._core._band_keys`` and ``_verify_pairs``, used by :mod:`asimtext.dask`).

Same results as the Rust functions, from the twins in :mod:`asimtext.pure.dedup.minhash`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from asimtext.errors import ArgumentError, ArgumentTypeError
from asimtext.pure.dedup.minhash import MinHasher, band_hash, element_hash

__all__ = ["band_keys", "verify_pairs"]


def _check_hasher(hasher: MinHasher) -> None:
    if hasher.scheme != "asim":
        raise ArgumentError(f"near-duplicate search uses the 'asim' scheme, not {hasher.scheme!r}")


def _texts(texts: Iterable[str]) -> list[str]:
    if isinstance(texts, str):
        raise ArgumentTypeError("texts must be an iterable of str, not a single str")
    out = list(texts)
    for i, t in enumerate(out):
        if not isinstance(t, str):
            raise ArgumentTypeError(f"texts[{i}] must be str, not {type(t).__name__}")
    return out


def band_keys(hasher: MinHasher, texts: Iterable[str], bands: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """``(keys, nonempty)``: the ``(len(texts), bands)`` uint64 band hashes of each
    text's signature and whether the text has shingles."""
    _check_hasher(hasher)
    for name, v in (("bands", bands), ("rows", rows)):
        if isinstance(v, bool) or not isinstance(v, int):
            raise ArgumentTypeError(f"{name} must be int, not {type(v).__name__}")
        if not 1 <= v <= hasher.num_perm:
            raise ArgumentError(f"{name} must be between 1 and {hasher.num_perm}, got {v}")
    if bands * rows > hasher.num_perm:
        raise ArgumentError(
            f"params: bands * rows must be between 1 and num_perm = {hasher.num_perm}, got ({bands}, {rows})"
        )
    texts = _texts(texts)
    keys = np.zeros((len(texts), bands), dtype=np.uint64)
    nonempty = np.zeros(len(texts), dtype=bool)
    for d, t in enumerate(texts):
        sh = hasher.shingles(t)
        sig = hasher.signature_from_tokens(sh)
        nonempty[d] = bool(sh)
        for b in range(bands):
            keys[d, b] = band_hash(b, sig[b * rows : (b + 1) * rows].tolist())
    return keys, nonempty


def verify_pairs(
    hasher: MinHasher, texts: Iterable[str], left: Sequence[int], right: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """``(estimated, exact)`` float64 arrays for the pairs ``(texts[left[p]], texts[right[p]])``:
    the MinHash estimate and the exact Jaccard similarity of the shingle-hash sets
    (0 when either text has no shingles)."""
    _check_hasher(hasher)
    texts = _texts(texts)
    left = [int(x) for x in left]
    right = [int(x) for x in right]
    if len(left) != len(right):
        raise ArgumentError(f"left and right have different lengths ({len(left)} and {len(right)})")
    n = len(texts)
    for name, idx in (("left", left), ("right", right)):
        for p, v in enumerate(idx):
            if v < 0:
                raise ArgumentError(f"{name}[{p}] must be >= 0, got {v}")
            if v >= n:
                raise ArgumentError(f"{name}: item {p} is {v}, but there are {n} texts")
    sets = []
    sigs = []
    for t in texts:
        sh = hasher.shingles(t)
        sets.append({element_hash(s.encode("utf-8")) for s in sh})
        sigs.append(hasher.signature_from_tokens(sh))
    est = np.zeros(len(left), dtype=np.float64)
    exact = np.zeros(len(left), dtype=np.float64)
    for p, (i, j) in enumerate(zip(left, right)):
        a, b = sets[i], sets[j]
        if a and b:
            inter = len(a & b)
            exact[p] = inter / (len(a) + len(b) - inter)
        est[p] = float(np.count_nonzero(sigs[i] == sigs[j])) / float(hasher.num_perm)
    return est, exact
