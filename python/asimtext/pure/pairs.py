"""The story grouping's candidate pairs, scored by blocks of first articles: the
pure-Python (NumPy) twin of ``asimtext._core.PairIndex`` (``rust/core/src/pairs.rs``).

:func:`asimtext.digest.stories.score_pairs` weighs the article x key entries and
says how each key pairs (``mode``: 0 not at all, 1 every two holders, 2 each holder
with its ``neighbors`` nearest holders on each side in ``order``, then article
order); an index gives, per block of first articles, each candidate pair's sums
over its shared keys. Both twins add each pair's products in one order (its
all-pairs keys in key order, then its neighbour keys by distance, each distance in
key order), so their floats are equal bit for bit.
"""

from __future__ import annotations

from typing import List, Tuple

import numpy as np

__all__ = ["PairIndex"]


class PairIndex:
    """Entries (``rows``, ``cols``, weights ``w``), per key ``mode``, ``idf`` and the
    ``bridge`` / ``bridge_word`` masks, per article ``order`` (neighbour order) and
    ``norm`` / ``bnorm``: the candidate pairs of :meth:`block`."""

    def __init__(self, n: int, rows: np.ndarray, cols: np.ndarray, w: np.ndarray,
                 mode: np.ndarray, idf: np.ndarray, bridge: np.ndarray,
                 bridge_word: np.ndarray, order: np.ndarray, norm: np.ndarray,
                 bnorm: np.ndarray, neighbors: int) -> None:
        self.n = n
        self.idf, self.bridge, self.bridge_word = idf, bridge, bridge_word
        self.norm, self.bnorm = norm, bnorm
        rows = np.asarray(rows, dtype=np.int32)
        cols = np.asarray(cols, dtype=np.int32)
        m = mode[cols] if cols.size else np.zeros(0, dtype=np.uint8)
        # Every-two-holders keys: entries sorted by key then article; entry p pairs
        # with the entries after it holding its key (all of later articles).
        sel = m == 1
        r, c, ww = rows[sel], cols[sel], w[sel]
        srt = np.lexsort((r, c))
        self.r, self.c, self.ww = r[srt], c[srt], ww[srt]
        del sel, r, c, ww, srt
        c = self.c
        if c.size:
            bounds = np.flatnonzero(np.diff(c)) + 1
            group_end = np.repeat(
                np.append(bounds, c.size), np.diff(np.concatenate(([0], bounds, [c.size])))
            )
            self.cnt = (group_end - np.arange(c.size) - 1).astype(np.int32)
            del bounds, group_end
        else:
            self.cnt = np.zeros(0, dtype=np.int32)
        self.by_row = np.argsort(self.r, kind="stable").astype(np.int32)
        self.r_sorted = self.r[self.by_row]
        near = m == 2
        self.near = (_Neighbours(rows[near], cols[near], w[near], order, n, neighbors)
                     if near.any() and neighbors > 0 else None)

    def per_row(self) -> np.ndarray:
        """The number of candidate pair entries (shared keys) of each first article."""
        out = np.bincount(self.r, weights=self.cnt, minlength=self.n).astype(np.float64)
        if self.near is not None:
            out += self.near.per_row()
        return out

    def block(self, lo: int, hi: int) -> Tuple[np.ndarray, ...]:
        """``(i, j, cos, bridge_cos, bridge_shared, bridge_evidence, strong_evidence)``
        of the pairs whose first article is in ``[lo, hi)``, sorted by ``(i, j)``."""
        n, r, c, ww, cnt = self.n, self.r, self.c, self.ww, self.cnt
        a0, a1 = np.searchsorted(self.r_sorted,
                                 np.asarray([lo, hi], dtype=self.r_sorted.dtype))
        ent = self.by_row[a0:a1]
        sub = cnt[ent]
        tot = int(sub.sum())
        if tot:
            left = np.repeat(ent, sub)
            right = left + 1 + (np.arange(tot) - np.repeat(np.cumsum(sub) - sub, sub))
            ia, ib, kc, prod = r[left], r[right], c[left], ww[left] * ww[right]
            del left, right
        else:
            ia = ib = kc = np.zeros(0, dtype=np.int64)
            prod = np.zeros(0)
        if self.near is not None:
            na, nb, nkc, nprod = self.near.block(lo, hi)
            if na.size:
                ia = np.concatenate([ia, na])
                ib = np.concatenate([ib, nb])
                kc = np.concatenate([kc, nkc])
                prod = np.concatenate([prod, nprod])
            del na, nb, nkc, nprod
        if not ia.size:
            e = np.zeros(0, dtype=np.int64)
            z = np.zeros(0)
            return e, e, z, z, e, z, z
        code = ia.astype(np.int64) * n + ib
        del ia, ib
        uniq, inv = np.unique(code, return_inverse=True)
        del code
        kb, kw = self.bridge[kc], self.bridge_word[kc]
        ikc = self.idf[kc]
        # (bincount adds each pair's products in the order of the entries: the order
        # the Rust twin adds them in)
        dot = np.bincount(inv, weights=prod)
        bdot = np.bincount(inv, weights=prod * kb)
        bshared = np.rint(np.bincount(inv, weights=kw)).astype(np.int64)
        bevid = np.bincount(inv, weights=ikc * kw)
        sevid = np.bincount(inv, weights=ikc * kb)
        del inv, kb, kw, ikc, prod, kc
        pi, pj = uniq // n, uniq % n
        norm, bnorm = self.norm, self.bnorm
        with np.errstate(divide="ignore", invalid="ignore"):
            cos = np.where(norm[pi] * norm[pj] > 0, dot / (norm[pi] * norm[pj]), 0.0)
            bcos = np.where(bnorm[pi] * bnorm[pj] > 0, bdot / (bnorm[pi] * bnorm[pj]), 0.0)
        return pi, pj, cos, bcos, bshared, bevid, sevid


class _Neighbours:
    """The time-neighbour pairs of the entries (``rows``, ``cols``, weights ``w``) of
    keys paired by neighbours, by blocks of their first article: entries sorted by
    key, then ``order``, then article; an entry pairs with the ``k`` entries after it
    holding its key."""

    def __init__(self, rows: np.ndarray, cols: np.ndarray, w: np.ndarray,
                 order: np.ndarray, n: int, k: int) -> None:
        srt = np.lexsort((rows, order[rows], cols))
        self.rows = rows[srt].astype(np.int32)
        self.cols = cols[srt].astype(np.int32)
        self.w = w[srt]
        del srt
        self.n = n
        # Per distance d: the positions t (pair t, t+d) of one key, ordered by the
        # pair's first article, and those first articles (memory: 8 bytes a pair,
        # not the pairs' rows, keys and products at once).
        self.pos: List[np.ndarray] = []
        self.first: List[np.ndarray] = []
        r, c = self.rows, self.cols
        for d in range(1, k + 1):
            if c.size <= d:
                break
            t = np.flatnonzero(c[:-d] == c[d:]).astype(np.int32)
            first = np.minimum(r[t], r[t + d])
            o = np.argsort(first, kind="stable")
            self.pos.append(t[o])
            self.first.append(first[o])
            del t, first, o

    def per_row(self) -> np.ndarray:
        """The number of pairs of each first article."""
        out = np.zeros(self.n)
        for f in self.first:
            out += np.bincount(f, minlength=self.n)
        return out

    def block(self, lo: int, hi: int) -> Tuple[np.ndarray, ...]:
        """First and second articles, key and weight product of the pairs whose first
        article is in ``[lo, hi)``."""
        parts = []
        for d, (pos, first) in enumerate(zip(self.pos, self.first), 1):
            # (needles of the array's type: numpy would otherwise copy it to theirs)
            a, b = np.searchsorted(first, np.asarray([lo, hi], dtype=first.dtype))
            if b > a:
                t = pos[a:b].astype(np.int64)
                ra, rb = self.rows[t], self.rows[t + d]
                parts.append((np.minimum(ra, rb).astype(np.int64),
                              np.maximum(ra, rb).astype(np.int64),
                              self.cols[t].astype(np.int64), self.w[t] * self.w[t + d]))
        if not parts:
            e = np.zeros(0, dtype=np.int64)
            return e, e, e, np.zeros(0)
        return tuple(np.concatenate([p[x] for p in parts]) for x in range(4))
