"""Pure-Python twin of :class:`asimtext.LSH` (``asimtext_core::dedup::lsh::Lsh``).

The same buckets (``band_hash`` of each band of ``rows`` values), the same
``(bands, rows)`` choice, the same order of results (insertion order of the keys
found) and the same errors. Not mirrored: persistence (``to_bytes``, ``save``,
``load``) and ``memory_usage``, which describe the Rust index's own layout.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple, Union

from asimtext.errors import ArgumentError, ArgumentTypeError, MissingKeyError
from asimtext.pure.dedup.minhash import band_hash, optimal_params

__all__ = ["LSH", "MAX_LSH_NUM_PERM"]

#: The largest ``num_perm`` an index takes (the core's ``MAX_LSH_NUM_PERM``).
MAX_LSH_NUM_PERM = 2048

Key = Union[int, str]


def _key(key: object) -> Key:
    if isinstance(key, bool) or not isinstance(key, (int, str)):
        raise ArgumentTypeError(f"key must be an int or a str, not {type(key).__name__}")
    if isinstance(key, int) and not -(2**63) <= key < 2**63:
        raise ArgumentError("key: an int key must fit in 64 bits")
    return key


class LSH:
    """MinHash LSH index; ``(bands, rows)`` chosen as datasketch does."""

    def __init__(
        self,
        threshold: Optional[float] = None,
        num_perm: Optional[int] = None,
        weights: Optional[Tuple[float, float]] = None,
        params: Optional[Tuple[int, int]] = None,
    ) -> None:
        threshold = 0.8 if threshold is None else float(threshold)
        num_perm = 128 if num_perm is None else num_perm
        weights = (0.5, 0.5) if weights is None else (float(weights[0]), float(weights[1]))
        if isinstance(num_perm, bool) or not isinstance(num_perm, int):
            raise ArgumentTypeError(f"num_perm must be an int, not {type(num_perm).__name__}")
        if not 0.0 < threshold <= 1.0:
            raise ArgumentError(f"invalid argument `threshold`: must be in (0, 1], got {threshold}")
        if not 2 <= num_perm <= MAX_LSH_NUM_PERM:
            raise ArgumentError(
                f"invalid argument `num_perm`: must be between 2 and {MAX_LSH_NUM_PERM}, got {num_perm}"
            )
        a, b = weights
        if not (0.0 <= a <= 1.0 and 0.0 <= b <= 1.0) or abs(a + b - 1.0) > 1e-9:
            raise ArgumentError(
                f"invalid argument `weights`: must be two numbers in [0, 1] that sum to 1, got ({a}, {b})"
            )
        if params is None:
            bands, rows = optimal_params(threshold, num_perm, a, b)
        else:
            bands, rows = int(params[0]), int(params[1])
            if bands < 1 or rows < 1 or bands * rows > num_perm:
                raise ArgumentError(
                    f"invalid argument `params`: bands * rows must be between 1 and "
                    f"num_perm = {num_perm}, got ({bands}, {rows})"
                )
        self.threshold, self.num_perm, self.weights = threshold, num_perm, (a, b)
        self.params = (bands, rows)
        self._buckets: List[Dict[int, List[int]]] = [{} for _ in range(bands)]
        self._keys: List[Optional[Key]] = []  # by slot (insertion order)
        self._slot_of: Dict[Key, int] = {}
        self._hashes: List[List[int]] = []

    def _band_hashes(self, sig: Sequence[int]) -> List[int]:
        if len(sig) != self.num_perm:
            raise ArgumentError(
                f"invalid argument `signature`: has {len(sig)} values, the index expects "
                f"num_perm = {self.num_perm}"
            )
        bands, rows = self.params
        vals = [int(v) for v in sig]
        return [band_hash(i, vals[i * rows:(i + 1) * rows]) for i in range(bands)]

    def insert(self, key: Key, sig: Sequence[int]) -> None:
        key = _key(key)
        hashes = self._band_hashes(sig)
        if key in self._slot_of:
            raise ArgumentError(f"invalid argument `key`: {key!r} is already in the index")
        slot = len(self._keys)
        for band, h in enumerate(hashes):
            self._buckets[band].setdefault(h, []).append(slot)
        self._keys.append(key)
        self._hashes.append(hashes)
        self._slot_of[key] = slot

    def insert_many(self, keys: Sequence[Key], sigs: Sequence[Sequence[int]]) -> None:
        for k, s in zip(keys, sigs):
            self.insert(k, s)

    def query(self, sig: Sequence[int]) -> List[Key]:
        slots = set()
        for band, h in enumerate(self._band_hashes(sig)):
            slots.update(self._buckets[band].get(h, ()))
        return [k for k in (self._keys[s] for s in sorted(slots)) if k is not None]

    def remove(self, key: Key) -> None:
        slot = self._slot_of.pop(_key(key), None)
        if slot is None:
            raise MissingKeyError(key)
        for band, h in enumerate(self._hashes[slot]):
            bucket = self._buckets[band][h]
            bucket.remove(slot)
            if not bucket:
                del self._buckets[band][h]
        self._keys[slot] = None

    def keys(self) -> List[Key]:
        return [k for k in self._keys if k is not None]

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, (int, str)) and not isinstance(key, bool) and key in self._slot_of
