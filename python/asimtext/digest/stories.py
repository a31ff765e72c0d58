"""Grouping articles into stories, across outlets and across languages.

Each article is a weighted bag of keys: the cross-script keys of its words
(so ``असीम``/``Asim``, ``बीजेपी``/``BJP`` are one key) plus its fact values
(``#2022-01-15``, ``#1994``). Weights are ``(1 + log tf) * idf`` with a smoothed
IDF, ``log((N + B) / (df + 1))``: ``B`` background pseudo-articles make a small
corpus behave like a sample of a larger one, so that a key shared by every
article of a five-article corpus still counts.

Two articles in the same language join when the cosine of their vectors
reaches ``same_lang_threshold``. Across languages only *bridge* keys (seen in
both scripts in the corpus) and facts can be shared, so the cosine is taken
over those alone and must reach ``cross_lang_threshold``, with at least
``min_bridge_keys`` shared bridge word keys whose IDFs sum to at least
``min_bridge_evidence`` (a cosine over a few common bridge words such as
``BJP``/``police`` can be high by itself; the IDF sum is not fooled by the
normalization). Copy pairs (near-duplicates and
partial copies) always join. Stories are the connected components.

Pair scores come from an inverted index processed with numpy; keys are taken
from the rarest up to a pair budget (growing with the corpus beyond
``budget_articles``), so the cost stays linear in the corpus.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from asimtext.digest.keys import Bags

_CHUNK = 1_000_000  # pair entries per chunk of the pair scoring

__all__ = ["StoryParams", "PairScores", "score_pairs", "group"]


@dataclass(frozen=True)
class StoryParams:
    same_lang_threshold: float = 0.16
    cross_lang_threshold: float = 0.25
    min_bridge_keys: int = 3
    min_bridge_evidence: float = 6.0
    background: float = 10.0
    pair_budget: int = 2_000_000
    # ... for a corpus of up to this many articles; a bigger one gets a proportionally
    # bigger budget: a fixed one loses the stories of a big corpus (100,000 articles
    # of a day's news: 71% of the multi-outlet stories found with 2M pairs, 99.8%
    # with 8M; benches/bench_digest.py's corpus).
    budget_articles: int = 20_000
    # Keys in more articles than max(max_df, N * max_df_share) weigh little and would
    # pair everything with everything: they count in the norms, not in the pair scores.
    max_df: int = 50
    max_df_share: float = 0.01


@dataclass
class PairScores:
    """Scores of the candidate pairs (``i < j``)."""

    i: np.ndarray
    j: np.ndarray
    cos: np.ndarray
    bridge_cos: np.ndarray
    bridge_shared: np.ndarray
    bridge_evidence: np.ndarray

    def as_dict(self) -> Dict[Tuple[int, int], Tuple[float, float, int, float]]:
        return {
            (int(a), int(b)): (float(c), float(bc), int(n), float(e))
            for a, b, c, bc, n, e in zip(
                self.i, self.j, self.cos, self.bridge_cos, self.bridge_shared, self.bridge_evidence
            )
        }


def score_pairs(bags: Bags, params: StoryParams) -> PairScores:
    """Cosine (all keys) and bridge cosine (bridge keys and facts) of every pair of
    articles sharing a key (see :class:`~asimtext.digest.keys.Bags`)."""
    n = bags.n_docs
    empty = np.zeros(0, dtype=np.int64)
    if bags.rows.size == 0:
        z = np.zeros(0)
        return PairScores(empty, empty, z, z, empty, z)
    rows_a, cols_a, tf_a = bags.rows, bags.cols, bags.counts
    nkeys = len(bags.keys)
    is_bridge, is_fact = bags.bridge, bags.fact
    df = np.bincount(cols_a, minlength=nkeys).astype(np.float64)
    idf = np.log((n + params.background) / (df + 1.0))
    w = (1.0 + np.log(tf_a)) * idf[cols_a]
    norm = np.sqrt(np.bincount(rows_a, weights=w * w, minlength=n))
    bmask = is_bridge[cols_a]
    bnorm = np.sqrt(np.bincount(rows_a[bmask], weights=(w * w)[bmask], minlength=n))

    # Keys shared by 2+ articles, rarest first, within the pair budget.
    pairs_per_key = df * (df - 1) / 2
    order = np.lexsort((np.arange(nkeys), df))
    order = order[(df[order] >= 2) & (df[order] <= max(params.max_df, n * params.max_df_share))]
    cum = np.cumsum(pairs_per_key[order])
    keep_keys = np.zeros(nkeys, dtype=bool)
    budget = params.pair_budget * max(1.0, n / params.budget_articles)
    keep_keys[order[cum <= budget]] = True
    sel = keep_keys[cols_a]
    r, c, ww = rows_a[sel], cols_a[sel], w[sel]
    # Memory: the whole article x key arrays are not read again (a caller that
    # passes its bags without keeping them lets them go here).
    del bags, rows_a, cols_a, tf_a, w, bmask, sel
    if r.size == 0:
        z = np.zeros(0)
        return PairScores(empty, empty, z, z, empty, z)
    srt = np.lexsort((r, c))
    r, c, ww = r[srt], c[srt], ww[srt]
    # Group boundaries per key; for each entry p, pair it with entries p+1..end-1,
    # in chunks of at most CHUNK pair entries so that memory stays bounded.
    bounds = np.flatnonzero(np.diff(c)) + 1
    group_end = np.repeat(
        np.append(bounds, c.size), np.diff(np.concatenate(([0], bounds, [c.size])))
    )
    cnt = group_end - np.arange(c.size) - 1
    cum = np.cumsum(cnt)
    if c.size == 0 or int(cum[-1]) == 0:
        z = np.zeros(0)
        return PairScores(empty, empty, z, z, empty, z)
    parts = []
    lo = 0
    while lo < c.size:
        base = int(cum[lo - 1]) if lo else 0
        hi = max(int(np.searchsorted(cum, base + _CHUNK, side="right")), lo + 1)
        sub = cnt[lo:hi]
        total = int(sub.sum())
        if total:
            left = np.repeat(np.arange(lo, hi), sub)
            right = left + 1 + (np.arange(total) - np.repeat(np.cumsum(sub) - sub, sub))
            a, b = r[left], r[right]
            kc = c[left]
            prod = ww[left] * ww[right]
            kb = is_bridge[kc]
            kw = kb & ~is_fact[kc]
            code = np.minimum(a, b) * n + np.maximum(a, b)
            u, inv = np.unique(code, return_inverse=True)
            parts.append((u, np.bincount(inv, weights=prod), np.bincount(inv, weights=prod * kb),
                          np.bincount(inv, weights=kw), np.bincount(inv, weights=idf[kc] * kw)))
            del left, right, a, b, kc, prod, kb, kw, code, inv
        lo = hi
    del r, c, ww, srt, group_end, cnt, cum  # memory: before the pairs are merged
    if len(parts) == 1:
        uniq, dot, bdot, bsh, bevid = parts[0]
    else:
        uniq, inv = np.unique(np.concatenate([p[0] for p in parts]), return_inverse=True)
        dot, bdot, bsh, bevid = (
            np.bincount(inv, weights=np.concatenate([p[k] for p in parts])) for k in (1, 2, 3, 4)
        )
    del parts
    bshared = np.rint(bsh).astype(np.int64)
    pi, pj = uniq // n, uniq % n
    with np.errstate(divide="ignore", invalid="ignore"):
        cos = np.where(norm[pi] * norm[pj] > 0, dot / (norm[pi] * norm[pj]), 0.0)
        bcos = np.where(bnorm[pi] * bnorm[pj] > 0, bdot / (bnorm[pi] * bnorm[pj]), 0.0)
    return PairScores(pi, pj, cos, bcos, bshared, bevid)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        p = self.parent
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def same_story(
    cos: float,
    bridge_cos: float,
    bridge_shared: int,
    lang_a: Optional[str],
    lang_b: Optional[str],
    params: StoryParams,
    bridge_evidence: float = float("inf"),
) -> bool:
    """The joining rule for one pair (see the module docstring)."""
    cross = lang_a in ("hi", "en") and lang_b in ("hi", "en") and lang_a != lang_b
    if not cross and cos >= params.same_lang_threshold:
        return True
    if cross or "mixed" in (lang_a, lang_b):
        return (
            bridge_cos >= params.cross_lang_threshold
            and bridge_shared >= params.min_bridge_keys
            and bridge_evidence >= params.min_bridge_evidence
        )
    return False


def group(
    n: int,
    scores: PairScores,
    langs: Sequence[Optional[str]],
    params: StoryParams,
    extra_links: Iterable[Tuple[int, int]] = (),
) -> List[List[int]]:
    """Stories as sorted lists of article indexes, biggest first, then by first article."""
    uf = _UnionFind(n)
    code = {"hi": 1, "en": 2, "mixed": 3}
    lc = np.asarray([code.get(x, 0) for x in langs] or [0], dtype=np.int8)
    la, lb = lc[scores.i], lc[scores.j]
    cross = (la > 0) & (la < 3) & (lb > 0) & (lb < 3) & (la != lb)
    bridge_ok = (
        (scores.bridge_cos >= params.cross_lang_threshold)
        & (scores.bridge_shared >= params.min_bridge_keys)
        & (scores.bridge_evidence >= params.min_bridge_evidence)
    )
    join = (~cross & (scores.cos >= params.same_lang_threshold)) | (
        (cross | (la == 3) | (lb == 3)) & bridge_ok
    )
    for a, b in zip(scores.i[join].tolist(), scores.j[join].tolist()):
        uf.union(a, b)
    for a, b in extra_links:
        uf.union(a, b)
    comps: Dict[int, List[int]] = {}
    for x in range(n):
        comps.setdefault(uf.find(x), []).append(x)
    return sorted(comps.values(), key=lambda g: (-len(g), g[0]))


def idf_table(bags: Sequence[Counter], background: float) -> Dict[str, float]:
    """The smoothed IDF of every key (for explaining a story by its top keys)."""
    df: Counter = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    return {k: math.log((n + background) / (c + 1.0)) for k, c in df.items()}
