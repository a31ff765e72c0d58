"""Grouping articles into stories: one story per real-world event, across outlets and
languages.

Each article (a unit of a page, :mod:`.units`) is a weighted bag of keys: the
cross-script keys of its words (``असीम``/``Asim``, ``बीजेपी``/``BJP``), its fact values
(``#2022-01-15``, ``#1994``) and the gazetteer names it mentions (``#@party:bjp`` for
``भाजपा`` and ``BJP``). Weights are ``(1 + log tf) * idf`` with a smoothed IDF,
``log((N + B) / (df + 1))``; *strong* keys (facts, gazetteer names, words seen in both
scripts) keep their weight, topic words (``ज्वालामुखी``, ``लावा``, ``मौत``) weigh
``weak_weight`` of it.

1. **Candidate pairs** come from an inverted index: every pair sharing a key held by at
   most ``max(max_df, N * max_df_share)`` articles (rarest keys first, within a pair
   budget), and for more frequent keys each article with its next ``neighbors``
   holders in publication order: linear in the key's frequency, so a story of 600
   articles stays connected without all-pairs work.
2. **Pair rule**: same-language pairs need a cosine of ``same_lang_threshold`` and
   shared strong evidence (IDF sum of shared strong keys >= ``min_strong_evidence``,
   or a cosine of ``solo_cos``); a Hindi-English pair needs the cosine over bridge keys
   and facts >= ``cross_lang_threshold`` with ``min_bridge_keys`` shared bridge words
   whose IDFs sum to ``min_bridge_evidence`` (a report of at most ``short_words`` words:
   ``short_bridge_keys`` of them, where all its shared strong keys reach that sum);
   consecutive units of one page need half
   the threshold; near-duplicates always link. Pairs dated more than ``window_days``
   apart never link. Linked articles form connected groups.
3. **Average link** inside each group of three or more: the full pair similarities
   (all keys, in units of the pair threshold; 0 outside the time window) are clustered
   by average link down to ``average_link``, and two clusters holding articles dated
   more than the window apart are never merged. A chain A~B~C no longer joins A and C
   unless the story as a whole holds them. Groups beyond ``max_dense`` articles are
   cut into stretches of publication time first (memory stays bounded).

In the average link, evidence against a join lowers a pair's similarity: weekdays
that differ, numbered names with other numbers (:mod:`.numbered`), lead figures that
disagree (:mod:`.figures`), leads naming other states, countries or localities below the
state (:mod:`.lead_places`, :mod:`.localities`; two spots of one district never join),
ordinals of one thing with other numbers (the 55th and the 56th meeting: never join),
a rate's other decisions (:mod:`.moves`: moves meeting end to start, other levels or
sizes) and days far apart in the year (:mod:`.yearless`). After it, an undated member of a story whose lead figures
meet none of the story's (:func:`.figures.outvoted`: 13 deaths in a story of 80)
moves to another story of its group whose figures meet its own and that it is closer
to on average (48 seats: the 2025 election, not the 2020 one); else it leaves its
story where its mean similarity to the other members is below the median member's
and no member is as close to it as ``solo_cos`` (a look-alike report shares the
topic words and the place; a copy with another toll is the event's, in conflict). Members taken out join
one another again only where their own figures meet.

Frequency limits scale with the corpus (``N * max_df_share``, and the pair budget
beyond ``budget_articles``), and no key is dropped from the similarities: a big event
stays one story however many articles it has. Memory: candidate pairs are summed in
blocks of their first article and only those that pass the pair rule are kept; the
average link keeps only the entries of its groups (not the corpus's article x key
matrix).
"""

from __future__ import annotations

import math
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from asimtext.digest.figures import (
    disagreeing_figures,
    figures_part,
    meeting_figures,
    meets_any,
    outvoted,
    own_figures,
    unmet,
)
from asimtext.digest.keys import Bags
from asimtext.digest.lead_places import different_places, other_spots, place_level, with_mentions
from asimtext.digest.moves import colliding_moves, different_levels, different_moves
from asimtext.digest.numbered import (
    different_editions,
    different_numbers,
    different_ordinals,
    own_edition,
    own_ordinal,
)
from asimtext.digest.when import gap_days, other_times, own_time
from asimtext.digest.yearless import day_of_year, far_in_year

_CHUNK = 1_000_000  # pair entries per chunk of the pair scoring

__all__ = ["StoryParams", "PairScores", "score_pairs", "pair_rule", "group", "cosines_inside"]


@dataclass(frozen=True)
class StoryParams:
    same_lang_threshold: float = 0.16
    cross_lang_threshold: float = 0.25
    min_bridge_keys: int = 3
    min_bridge_evidence: float = 6.0
    # A report of at most `short_words` words (a wire brief, a two-line Hindi update)
    # has too few words to share `min_bridge_keys` bridge words with its twin in the
    # other script: it links across languages with `short_bridge_keys` of them where
    # the IDFs of all its shared strong keys (bridge words, gazetteer names, stated
    # figures: the same whatever the script) sum to `min_bridge_evidence`.
    short_words: int = 150
    short_bridge_keys: int = 2
    background: float = 10.0
    pair_budget: int = 2_000_000
    # ... for a corpus of up to this many articles; a bigger one gets a proportionally
    # bigger budget: a fixed one loses the stories of a big corpus (100,000 articles
    # of a day's news: 71% of the multi-outlet stories found with 2M pairs, 99.8%
    # with 8M; benches/bench_digest.py's corpus).
    budget_articles: int = 20_000
    # Keys in more articles than max(max_df, N * max_df_share) would pair everything
    # with everything: such a key pairs each article only with its next `neighbors`
    # articles holding it (in time order), so a big story stays connected while the
    # candidate pairs grow linearly; every key counts in the final similarities.
    max_df: int = 50
    max_df_share: float = 0.01
    neighbors: int = 6
    # Topic words (keys neither facts, gazetteer names nor bridge words) weigh this
    # much of their TF-IDF: "ज्वालामुखी, लावा, मौत" are weak evidence of one event.
    weak_weight: float = 0.6
    # A same-language pair needs shared strong evidence (facts, places, names): the
    # IDFs of the shared strong keys sum to at least this, or a cosine of `solo_cos`.
    min_strong_evidence: float = 2.5
    solo_cos: float = 0.4
    # Articles published more than `window_days` apart are not one event's reports
    # (their similarity counts as 0); undated articles have no window.
    window_days: float = 7.0
    # Inside a connected group, stories are made by average link: two parts join
    # while the mean of their pair similarities, in units of the pair threshold,
    # is at least `average_link`; a group beyond `max_dense` articles is first cut
    # into stretches of publication time.
    average_link: float = 0.4
    max_dense: int = 1500
    # The similarity of two texts that name weekdays, none in common, is multiplied by
    # this in the average link (see `group`).
    other_weekday: float = 0.3
    # ... and that of two texts naming one name with other numbers (Chandrayaan-2,
    # Chandrayaan-3: two missions), whatever their dates, by this.
    other_number: float = 0.2
    # ... and that of two texts, one of which states the year (or fiscal year) it is
    # about in its lead, the other placed in another year by its date only
    # (:func:`.when.own_time`), by this; two stated years that cannot meet never join
    # (1.0: neither).
    other_year: float = 0.5
    # ... and that of two texts whose lead figures disagree (:mod:`.figures`: 62 and 8
    # seats against 48 and 22), where one of the two has no publication date, by this.
    other_figures: float = 0.2
    # ... and that of two texts whose leads name states, none in common, foreign
    # countries, none in common, or localities below the state, none in common
    # (:mod:`.lead_places`, :mod:`.localities`: a fire in Delhi, one in Gujarat),
    # where one of the two has no publication date, by this (as weak as other weekdays:
    # a report may name the state its victims came from).
    other_place: float = 0.3
    # ... and that of two texts whose leads state moves of a rate, none in common
    # (:mod:`.moves`: 6.5% -> 6.25% against 6.25% -> 6%: two decisions of one bank),
    # where one of the two has no publication date, by this.
    other_move: float = 0.2
    # ... and that of two texts, one with no time but a day and month opening its dates
    # (:mod:`.yearless`: "जून 6"), whose days of the year are more than the window
    # apart (a report of 6 June, one of 7 February, in any year), by this.
    other_yearless: float = 0.2
    # After the average link, an undated member of a story of three or more whose lead
    # figures meet none of the story's, with at least `outvoted_by` other members
    # stating figures for the same measures (:func:`.figures.outvoted`), moves to a
    # story whose figures meet its own and that it is closer to, else leaves its story
    # if its mean similarity to the other members is below `outvoted_below` of the
    # story's median member's and none of them is as close to it as `solo_cos` (a copy
    # with another toll is the event's report, in conflict) (outvoted_by 0: never). Either alone is weak: a toll grows
    # (an early report states 10 deaths, the later ones 100), and a look-alike shares
    # the story's topic words and place about as much as its weakest real reports.
    outvoted_by: int = 3
    outvoted_below: float = 1.0
    # In the average link, two parts of `outvoted_by` undated members or more never
    # merge where the mean similarity between them is below this share of the mean
    # inside the looser of the two (0: never): two tight stories bridged by a few
    # reports that name both (station stampede reports name the Kumbh their pilgrims
    # were going to) are two events, however high the bridge lifts their mean.
    tight_parts: float = 0.35
    # After the average link, a story splits where, at one level, two places or more
    # are each named by `outvoted_by` members or more that name no other of them, with
    # fewer members naming two of them than this share of the smaller such part (0:
    # never; :func:`_split_places`).
    own_place_few: float = 0.25


@dataclass
class PairScores:
    """Scores of the candidate pairs (``i < j``), and the weighted article x key
    matrix they come from (``rows``, ``cols``, ``w``; ``norm`` and ``bnorm`` the norms
    over all keys and over bridge keys), which the average-link stage reuses."""

    i: np.ndarray
    j: np.ndarray
    cos: np.ndarray
    bridge_cos: np.ndarray
    bridge_shared: np.ndarray
    bridge_evidence: np.ndarray
    strong_evidence: Optional[np.ndarray] = None
    matrix: Optional[Tuple[np.ndarray, ...]] = None

    def as_dict(self) -> Dict[Tuple[int, int], Tuple[float, float, int, float]]:
        return {
            (int(a), int(b)): (float(c), float(bc), int(n), float(e))
            for a, b, c, bc, n, e in zip(
                self.i, self.j, self.cos, self.bridge_cos, self.bridge_shared, self.bridge_evidence
            )
        }


def no_pairs(matrix: Optional[Tuple[np.ndarray, ...]] = None) -> PairScores:
    """Pair scores with no pair (a corpus too small to pair, or stories built from pages)."""
    e = np.zeros(0, dtype=np.int64)
    z = np.zeros(0)
    return PairScores(e, e, z, z, e, z, z, matrix)


def _neighbor_pairs(r: np.ndarray, c: np.ndarray, order_key: np.ndarray,
                    k: int) -> Tuple[np.ndarray, np.ndarray]:
    """Entry index pairs (p, q) of entries of one key that are at most ``k`` apart in
    ``order_key`` order (entries sorted by key, then order)."""
    srt = np.lexsort((r, order_key, c))
    c_s = c[srt]
    lefts, rights = [], []
    for d in range(1, k + 1):
        same = c_s[:-d] == c_s[d:] if c_s.size > d else np.zeros(0, dtype=bool)
        idx = np.flatnonzero(same)
        lefts.append(srt[idx])
        rights.append(srt[idx + d])
    if not lefts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(lefts), np.concatenate(rights)


def score_pairs(bags: Bags, params: StoryParams,
                days: Optional[np.ndarray] = None,
                select: Optional[Callable[[PairScores], np.ndarray]] = None,
                release: bool = False,
                index: Optional[Callable[..., Any]] = None) -> PairScores:
    """Cosine (all keys), bridge cosine (bridge keys and facts), shared bridge words
    and their IDF sum, and the IDF sum of shared strong keys, of the candidate pairs:
    pairs sharing a key held by at most ``max(max_df, N * max_df_share)`` articles
    (rarest keys first, within ``pair_budget``, grown beyond ``budget_articles``
    articles), and pairs of time neighbours sharing
    a more frequent key (see :class:`StoryParams`). ``days`` (publication day numbers,
    NaN where unknown) orders the neighbours.

    The pairs are summed in blocks of their first article (each pair wholly in one
    block, about ``_CHUNK`` pair entries a block), and ``select`` (a mask of the
    pairs to keep, e.g. those that pass the pair rule) is applied block by block:
    memory holds one block's pairs and the kept ones, never all candidate pairs.
    ``release``: take the bags' arrays over (they are left None). ``index``: the
    class that sums the pairs (``asimtext._core.PairIndex``, on all cores; default
    its pure twin :class:`asimtext.pure.pairs.PairIndex`: the same arrays)."""
    n = bags.n_docs
    if bags.rows.size == 0:
        return no_pairs()
    nkeys = len(bags.keys)
    is_bridge, is_fact = bags.bridge, bags.fact
    # Memory: with ``release`` the bags' arrays are taken over (int32 indexes, the
    # counts made weights), one at a time.
    rows_a = bags.rows.astype(np.int32)
    if release:
        bags.rows = None
    cols_a = bags.cols.astype(np.int32)
    if release:
        bags.cols = None
    df = np.bincount(cols_a, minlength=nkeys).astype(np.float64)
    idf = np.log((n + params.background) / (df + 1.0))
    strength = np.where(is_bridge, 1.0, params.weak_weight)
    w = np.log(bags.counts)
    if release:
        bags.counts = None
    w += 1.0
    w *= idf[cols_a]
    w *= strength[cols_a]
    norm = np.sqrt(np.bincount(rows_a, weights=w * w, minlength=n))
    bmask = is_bridge[cols_a]
    bnorm = np.sqrt(np.bincount(rows_a[bmask], weights=(w * w)[bmask], minlength=n))
    # The average link reads only keys some other article holds too (the norms keep
    # the rest), at the precision it computes in.
    held = df[cols_a] >= 2
    matrix = (rows_a[held], cols_a[held], w[held].astype(np.float32), norm, bmask[held],
              bnorm)
    del held, bmask

    # How each key pairs: rare keys every two holders (rarest first, within the
    # budget), frequent keys time neighbours only (the pairs grow linearly).
    cap = max(params.max_df, n * params.max_df_share)
    pairs_per_key = df * (df - 1) / 2
    order = np.lexsort((np.arange(nkeys), df))
    order = order[(df[order] >= 2) & (df[order] <= cap)]
    cum = np.cumsum(pairs_per_key[order])
    mode = np.zeros(nkeys, dtype=np.uint8)
    budget = params.pair_budget * max(1.0, n / params.budget_articles)
    mode[order[cum <= budget]] = 1
    if params.neighbors > 0:
        mode[df > cap] = 2
    del order, cum, pairs_per_key
    if index is None:
        from asimtext.pure.pairs import PairIndex as index
    pairs = index(n, rows_a, cols_a, w, mode, idf, is_bridge, is_bridge & ~is_fact,
                  _neighbour_order(days, n), norm, bnorm, params.neighbors)
    del bags, w, rows_a, cols_a  # memory: the weights live on in `matrix`

    # Blocks of first articles holding about _CHUNK pair entries each.
    cum_rows = np.cumsum(pairs.per_row())
    total = float(cum_rows[-1]) if cum_rows.size else 0.0
    cuts = [0]
    while cuts[-1] < n and total > 0:
        base = float(cum_rows[cuts[-1] - 1]) if cuts[-1] else 0.0
        nxt = int(np.searchsorted(cum_rows, base + _CHUNK, side="right"))
        cuts.append(min(n, max(nxt, cuts[-1] + 1)))
    kept: List[PairScores] = []
    for got in _blocks(pairs, list(zip(cuts, cuts[1:]))):
        block = PairScores(*got)
        if not block.i.size:
            continue
        if select is not None:
            # (the kept rows found once, not by each field's mask: few pairs link)
            m = np.flatnonzero(select(block))
            block = PairScores(*(getattr(block, f).take(m) for f in _SCORE_FIELDS))
        kept.append(block)
    del pairs
    if not kept:
        return no_pairs(matrix)
    out = PairScores(*(np.concatenate([getattr(k, f) for k in kept]) for f in _SCORE_FIELDS))
    out.matrix = matrix
    return out


def _blocks(pairs: Any, spans: List[Tuple[int, int]]) -> Iterable[Tuple[np.ndarray, ...]]:
    """``pairs.block`` of each span, the next one summed while the caller reads this
    one: the Rust index lets go of the GIL, so the pair rule runs beside the sums
    (memory: two blocks)."""
    if len(spans) < 2:
        yield from (pairs.block(lo, hi) for lo, hi in spans)
        return
    with ThreadPoolExecutor(1) as ex:
        ahead = ex.submit(pairs.block, *spans[0])
        for k in range(len(spans)):
            got = ahead.result()
            if k + 1 < len(spans):
                ahead = ex.submit(pairs.block, *spans[k + 1])
            yield got
            del got


_SCORE_FIELDS = ("i", "j", "cos", "bridge_cos", "bridge_shared", "bridge_evidence",
                 "strong_evidence")


def _neighbour_order(days: Optional[np.ndarray], n: int) -> np.ndarray:
    """Each article's place in time for the neighbour pairs (undated: day 0)."""
    return np.zeros(n) if days is None else np.nan_to_num(_lo(days), nan=0.0)


def _Neighbours(rows: np.ndarray, cols: np.ndarray, w: np.ndarray,
                days: Optional[np.ndarray], n: int, k: int) -> Any:
    """The time-neighbour pairs of frequent keys' entries by blocks of their first
    article, ordered by publication ``days`` (:class:`asimtext.pure.pairs.PairIndex`'s)."""
    from asimtext.pure.pairs import _Neighbours as near

    return near(rows, cols, w, _neighbour_order(days, n), n, k)


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
    strong_evidence: float = float("inf"),
    short: bool = False,
) -> bool:
    """The pair rule (see the module docstring): whether a candidate pair links two
    articles into one connected group (stories are then made by average link).
    ``short``: one of the two is a short report (``short_words``)."""
    cross = lang_a in ("hi", "en") and lang_b in ("hi", "en") and lang_a != lang_b
    if (not cross and cos >= params.same_lang_threshold
            and (strong_evidence >= params.min_strong_evidence or cos >= params.solo_cos)):
        return True
    if cross or "mixed" in (lang_a, lang_b):
        if bridge_cos < params.cross_lang_threshold:
            return False
        return ((bridge_shared >= params.min_bridge_keys
                 and bridge_evidence >= params.min_bridge_evidence)
                or (short and bridge_shared >= params.short_bridge_keys
                    and strong_evidence >= params.min_bridge_evidence))
    return False


def _edges(scores: PairScores, lc: np.ndarray, days: np.ndarray, params: StoryParams,
           adjacent: set, short: Optional[np.ndarray] = None) -> np.ndarray:
    """The candidate pairs that pass the pair rule (module docstring) and the window.
    ``short``: whether each article is a short report (``short_words``)."""
    # (elementwise, in three steps: the score tests over all candidate pairs, the
    # languages and the same-page test only of the pairs some score test lets
    # through, the window only of those that pass; most candidate pairs fail every
    # score test, and their look-ups were most of this rule's time)
    bridge_ok = (
        (scores.bridge_cos >= params.cross_lang_threshold)
        & (scores.bridge_shared >= params.min_bridge_keys)
        & (scores.bridge_evidence >= params.min_bridge_evidence)
    )
    # Scores without a strong-evidence column (made by hand) impose no requirement.
    strong = (scores.strong_evidence if scores.strong_evidence is not None
              else np.full(scores.i.size, np.inf))
    if short is not None and short.any():
        bridge_ok |= ((short[scores.i] | short[scores.j])
                      & (scores.bridge_cos >= params.cross_lang_threshold)
                      & (scores.bridge_shared >= params.short_bridge_keys)
                      & (strong >= params.min_bridge_evidence))
    strong_ok = (strong >= params.min_strong_evidence) | (scores.cos >= params.solo_cos)
    same_ok = scores.cos >= params.same_lang_threshold
    # Consecutive units of one page: half the threshold, no strong evidence needed
    # (a report's sections share its story, not always its names).
    half = scores.cos >= params.same_lang_threshold / 2
    at = np.flatnonzero((same_ok & strong_ok) | half | bridge_ok)
    i, j = scores.i[at], scores.j[at]
    if adjacent:
        nn = np.int64(max(len(lc), int(scores.j.max(initial=0)) + 1))
        adj_codes = np.fromiter((a * nn + b for a, b in adjacent), dtype=np.int64,
                                count=len(adjacent))
        adj_ok = np.isin(i.astype(np.int64) * nn + j, adj_codes) & half[at]
    else:
        adj_ok = np.zeros(at.size, dtype=bool)
    la, lb = lc[i], lc[j]
    cross = (la > 0) & (la < 3) & (lb > 0) & (lb < 3) & (la != lb)
    ok_at = ((~cross & ((same_ok[at] & strong_ok[at]) | adj_ok))
             | ((cross | (la == 3) | (lb == 3)) & bridge_ok[at]))
    at, i, j = at[ok_at], i[ok_at], j[ok_at]
    gap = gap_days(days[i, 0], days[i, 1], days[j, 0], days[j, 1])
    ok = np.zeros(scores.i.size, dtype=bool)
    ok[at] = ~(gap > params.window_days)  # NaN (undated): in
    return ok


def _rows_index(rows: np.ndarray, n: int) -> Tuple[np.ndarray, np.ndarray]:
    if rows.size and not bool(np.all(rows[1:] >= rows[:-1])):
        order = np.argsort(rows, kind="stable")
        starts = np.searchsorted(rows[order], np.arange(n + 1, dtype=rows.dtype))
    else:  # already in row order (the vocabulary's): no permutation to hold
        order = np.arange(rows.size)
        starts = np.searchsorted(rows, np.arange(n + 1, dtype=rows.dtype))
    return order, starts


def _group_entries(matrix: Tuple[np.ndarray, ...], comps: Dict[int, List[int]],
                   n: int) -> Tuple[np.ndarray, ...]:
    """The entries of the article x key ``matrix`` that the average link reads: of
    articles in groups of three or more, of keys held by two members of the group
    (a key of one member adds nothing to any pair; the norms keep it)."""
    rows, cols, w, norm, bmask, bnorm = matrix
    label = np.full(max(n, 1), -1, dtype=np.int64)
    for g, comp in enumerate(c for c in comps.values() if len(c) >= 3):
        label[np.asarray(comp, dtype=np.int64)] = g
    lab = label[rows]
    keep = np.flatnonzero(lab >= 0)
    if keep.size:
        code = lab[keep] * (int(cols.max()) + 1) + cols[keep]
        _, inv, counts = np.unique(code, return_inverse=True, return_counts=True)
        keep = keep[counts[inv] >= 2]
        del code, inv, counts
    return rows[keep], cols[keep], w[keep], norm, bmask[keep], bnorm


def _relative_similarity(members: np.ndarray, matrix: Tuple[np.ndarray, ...],
                         rows_idx: Tuple[np.ndarray, np.ndarray], lc: np.ndarray,
                         days: np.ndarray, params: StoryParams, forced: set,
                         adjacent: set, weekdays: Optional[np.ndarray] = None,
                         published: Optional[np.ndarray] = None,
                         numbered: Optional[Sequence[frozenset]] = None,
                         figures: Any = None, places: Any = None,
                         moves: Any = None, years: Any = None,
                         ) -> Tuple[np.ndarray, np.ndarray]:
    """Pair similarities of ``members`` in units of the joining threshold, and the pairs
    that cannot be one event (dated more than the window apart). Similarity: the cosine
    over all keys / ``same_lang_threshold`` for a same-language pair, the bridge cosine /
    ``cross_lang_threshold`` across languages; 0 outside the time window; doubled for
    consecutive units of one page; high for near-duplicates."""
    rows_a, cols_a, w, norm, bmask, bnorm = matrix
    order, starts = _rows_index(rows_a, len(norm)) if rows_idx is None else rows_idx
    ent = np.concatenate([order[starts[x]:starts[x + 1]] for x in members]) \
        if len(members) else np.zeros(0, dtype=np.int64)
    m = len(members)
    local_row = np.repeat(np.arange(m), [starts[x + 1] - starts[x] for x in members])
    cols = cols_a[ent]
    ucols, inv, counts = np.unique(cols, return_inverse=True, return_counts=True)
    shared = counts[inv] >= 2  # a key of one member adds nothing to any pair
    lr, lcix, ww, bm = local_row[shared], inv[shared], w[ent][shared], bmask[ent][shared]
    # The shared keys numbered in order (``np.unique(lcix, return_inverse=True)``: the
    # keys present are those counted twice or more, so a key's rank among them is a
    # running count; a second sort was a third of this function's time).
    lcix = (np.cumsum(counts >= 2) - 1)[lcix]
    k = int(lcix.max()) + 1 if lcix.size else 1
    X = np.zeros((m, k), dtype=np.float32)
    X[lr, lcix] = ww
    nrm = norm[members].astype(np.float32)
    nrm[nrm == 0] = 1
    Xn = X / nrm[:, None]
    S = (Xn @ Xn.T) / params.same_lang_threshold
    Xb = np.zeros((m, k), dtype=np.float32)
    Xb[lr[bm], lcix[bm]] = ww[bm]
    bn = bnorm[members].astype(np.float32)
    bn[bn == 0] = 1
    Xb /= bn[:, None]
    B = (Xb @ Xb.T) / params.cross_lang_threshold
    lm = lc[members]
    cross = ((lm[:, None] > 0) & (lm[:, None] < 3) & (lm[None, :] > 0) & (lm[None, :] < 3)
             & (lm[:, None] != lm[None, :]))
    mixed = (lm[:, None] == 3) | (lm[None, :] == 3)
    rel = np.where(cross, B, np.where(mixed, np.maximum(S, B), S)).astype(np.float64)
    lo, hi = days[members, 0], days[members, 1]
    gap = gap_days(lo[:, None], hi[:, None], lo[None, :], hi[None, :])
    apart = gap > params.window_days
    rel[apart] = 0.0
    pm = (np.zeros(m, dtype=bool) if published is None else published[members])
    # Text evidence of another day weighs where a publication date is
    # missing: between dated articles the window decides.
    undated_pair = ~(pm[:, None] & pm[None, :])
    if weekdays is not None:
        wm = weekdays[members]
        # Two reports naming weekdays, none of them the same, tell of different days:
        # weak evidence of two events (an ongoing event spans several weekdays).
        other_day = (((wm[:, None] & wm[None, :]) == 0) & (wm[:, None] != 0)
                     & (wm[None, :] != 0) & undated_pair)
        rel[other_day] *= params.other_weekday
    if figures is not None and undated_pair.any():
        figs = (figures(members) if callable(figures) else [figures[x] for x in members])
        rel[disagreeing_figures(figs) & undated_pair] *= params.other_figures
    if places is not None and undated_pair.any():
        pl = with_mentions(places(members) if callable(places)
                           else [places[x] for x in members])
        rel[different_places(pl) & undated_pair] *= params.other_place
        # Places below one district, none in common (a police station's area of
        # Saran: Marhaura, Isuapur), keep two texts apart as the window does.
        other_spot = other_spots(pl) & undated_pair
        rel[other_spot] = 0.0
        apart = apart | other_spot
    if moves is not None and undated_pair.any():
        got = moves(members) if callable(moves) else [moves[x] for x in members]
        mv = [g[0] for g in got]
        rel[different_moves(mv) & undated_pair] *= params.other_move
        # Two decisions of one rate (moves meeting end to start) are never one event,
        # whatever the dates: such a pair is kept apart as the window keeps texts apart.
        collide = colliding_moves(mv)
        rel[collide] = 0.0
        apart = apart | collide
        other_level = ((different_levels([g[2] for g in got])
                        | different_levels([g[3] for g in got])) & undated_pair)
        rel[other_level] = 0.0
        apart = apart | other_level
        # Days of the year: of the texts placed in time (publication or full date),
        # where their interval is within the window, and of those with no time but
        # an opening day and month.
        placed = ~np.isnan(lo) & (hi - lo <= params.window_days)
        doy = np.asarray([day_of_year(lo[t]) if placed[t] else
                          (g[1][0] if lo[t] != lo[t] else np.nan)
                          for t, g in enumerate(got)], dtype=np.float64)
        yearless = np.isnan(lo) & ~np.isnan(doy)
        far = far_in_year(doy[:, None], doy[None, :], params.window_days)
        far &= yearless[:, None] | yearless[None, :]
        rel[far] *= params.other_yearless
        # A sure day of the year (a dateline's: the day the report was filed, within
        # days of what it reports; one a weekday stands beside: the event's day) holds
        # as the window does.
        sure = np.asarray([bool(g[1][1]) and lo[t] != lo[t] for t, g in enumerate(got)])
        far &= sure[:, None] | sure[None, :]
        rel[far] = 0.0
        apart = apart | far
    names = None if numbered is None else [numbered[x] for x in members]
    # (each rule below compares two members' names: where fewer than two have any,
    # all four find nothing, tests/test_fast_prepare.py; most groups name none)
    if names is not None and sum(1 for ns in names if ns) >= 2:
        rel[different_numbers(names)] *= params.other_number
        # Editions of other years weigh where a publication date is missing (a count
        # after a word can pass for a year: "मरीज 2017"; between dated articles the
        # window decides).
        rel[different_editions(names) & undated_pair] *= params.other_number
        # Ordinals of one thing, none in common (the 55th meeting, the 56th: which
        # time of a recurring thing a report is about), keep two texts apart as the
        # window does; ordinals of any things, none in common (across scripts, where
        # the things' words differ), weigh as other numbers do.
        rel[different_ordinals(names) & undated_pair] *= params.other_number
        other_time = different_ordinals(names, same_thing=True) & undated_pair
        rel[other_time] = 0.0
        apart = apart | other_time
    if years is not None and undated_pair.any():
        # Which occurrence of a recurring event each text reports (:func:`.when.own_time`:
        # the year its lead states, else the year it is placed in): two stated years
        # that cannot meet keep two texts apart as the window does (NEET UG 2023, NEET
        # UG 2024; FY24's first quarter, FY26's); a stated year against a date's year
        # only weighs (an edition may keep its year: the Tokyo Olympics 2020, held in
        # 2021). Between dated texts the window decides.
        marks = years(members) if callable(years) else [years[x] for x in members]
        kind, value, stated = _own_times(marks, lo, hi, params.window_days)
        if stated.any():
            both, one = other_times(kind, value, stated)
            both &= undated_pair
            one &= undated_pair
            rel[both] = 0.0
            apart = apart | both
            rel[one] *= params.other_year
    pos = {int(x): t for t, x in enumerate(members)}
    for a, b in adjacent:
        if a in pos and b in pos:
            rel[pos[a], pos[b]] *= 2
            rel[pos[b], pos[a]] *= 2
    for a, b in forced:
        if a in pos and b in pos:
            rel[pos[a], pos[b]] = rel[pos[b], pos[a]] = max(10.0, rel[pos[a], pos[b]])
    np.fill_diagonal(rel, 0.0)
    for a, b in forced:  # near-duplicates are one report, whatever their dates say
        if a in pos and b in pos:
            apart[pos[a], pos[b]] = apart[pos[b], pos[a]] = False
    return rel, apart


def average_link(rel: np.ndarray, alpha: float,
                 cannot: Optional[np.ndarray] = None,
                 veto: Optional[Callable[[List[int], List[int]], bool]] = None
                 ) -> List[List[int]]:
    """Average-link clustering of a similarity matrix: merge the two clusters with the
    highest mean pair similarity while it is at least ``alpha``, never two clusters
    holding a pair marked in ``cannot`` (articles dated too far apart). A cluster
    joins another only through its whole membership, so no chain of pairs can join
    two stories. ``veto(a, b)`` (the two clusters' rows) may forbid a merge: the two
    are then never merged. Returns lists of row indexes."""
    m = rel.shape[0]
    if m == 0:
        return []
    if (m <= _SMALL_LINK and bool(np.isfinite(rel).all())
            and (cannot is None or cannot.dtype == bool)):
        return _average_link_small(rel, alpha, cannot, veto)
    block = (np.zeros((m, m), dtype=bool) if cannot is None else cannot.copy())
    sums = rel.astype(np.float64).copy()
    size = np.ones(m)
    active = np.ones(m, dtype=bool)
    best = np.zeros(m, dtype=np.int64)
    bestv = np.full(m, -np.inf)

    def refresh(i: int) -> None:
        avg = sums[i] / (size[i] * size)
        avg[~active | block[i]] = -np.inf
        avg[i] = -np.inf
        j = int(np.argmax(avg))
        best[i], bestv[i] = j, avg[j]

    for i in range(m):
        refresh(i)
    members: Dict[int, List[int]] = {i: [i] for i in range(m)}
    while True:
        cand = np.where(active, bestv, -np.inf)
        a = int(np.argmax(cand))
        if cand[a] < alpha:
            break
        b = int(best[a])
        if a > b:
            a, b = b, a
        if veto is not None and veto(members[a], members[b]):
            block[a, b] = block[b, a] = True
            refresh(a)
            refresh(b)
            continue
        sums[a] += sums[b]
        sums[:, a] += sums[:, b]
        block[a] |= block[b]
        block[:, a] |= block[:, b]
        sums[a, a] = 0.0
        size[a] += size[b]
        active[b] = False
        bestv[b] = -np.inf
        members[a].extend(members.pop(b))
        # Rows whose best partner was a or b are recomputed; others may now prefer a.
        stale = np.flatnonzero(active & ((best == a) | (best == b)))
        for i in stale:
            refresh(int(i))
        refresh(a)
        avg_a = sums[:, a] / (size * size[a])
        avg_a[block[:, a]] = -np.inf
        # Rows now blocked from a, whose best was a cluster merged away, were refreshed
        # above; rows that preferred a and are now blocked must look again.
        for i in np.flatnonzero(active & block[:, a] & (best == a)):
            refresh(int(i))
        better = active & (avg_a > bestv)
        better[a] = False
        best[better] = a
        bestv[better] = avg_a[better]
    return [sorted(v) for v in members.values()]


#: Groups up to this size are linked by :func:`_average_link_small` (most groups have
#: three to six members, where numpy's cost per call outweighs the arithmetic).
_SMALL_LINK = 24


def _average_link_small(rel: np.ndarray, alpha: float, cannot: Optional[np.ndarray],
                        veto: Optional[Callable[[List[int], List[int]], bool]]
                        ) -> List[List[int]]:
    """:func:`average_link` on Python lists: the same merges, step by step (the same
    float64 operations in the same order, the first best on ties as ``np.argmax``
    takes it), for a finite matrix (``argmax`` would take a NaN, which sums of
    infinities can make, as the best) and boolean ``cannot``.
    tests/test_fast_prepare.py holds it to :func:`average_link`'s numpy steps."""
    m = rel.shape[0]
    ninf = -np.inf
    block = ([[False] * m for _ in range(m)] if cannot is None
             else [[bool(x) for x in row] for row in cannot.tolist()])
    sums = rel.astype(np.float64).tolist()
    size = [1.0] * m
    active = [True] * m
    best = [0] * m
    bestv = [ninf] * m

    def refresh(i: int) -> None:
        si, row, bl = size[i], sums[i], block[i]
        j, v = 0, None
        for k in range(m):
            x = ninf if (not active[k] or bl[k] or k == i) else row[k] / (si * size[k])
            if v is None or x > v:
                j, v = k, x
        best[i], bestv[i] = j, v

    for i in range(m):
        refresh(i)
    members: Dict[int, List[int]] = {i: [i] for i in range(m)}
    while True:
        a, top = 0, None
        for k in range(m):
            x = bestv[k] if active[k] else ninf
            if top is None or x > top:
                a, top = k, x
        if top < alpha:
            break
        b = best[a]
        if a > b:
            a, b = b, a
        if veto is not None and veto(members[a], members[b]):
            block[a][b] = block[b][a] = True
            refresh(a)
            refresh(b)
            continue
        ra, rb = sums[a], sums[b]
        for k in range(m):
            ra[k] += rb[k]
        for k in range(m):
            sums[k][a] += sums[k][b]
        ba, bb = block[a], block[b]
        for k in range(m):
            ba[k] = ba[k] or bb[k]
        for k in range(m):
            block[k][a] = block[k][a] or block[k][b]
        ra[a] = 0.0
        size[a] += size[b]
        active[b] = False
        bestv[b] = ninf
        members[a].extend(members.pop(b))
        for i in [k for k in range(m) if active[k] and (best[k] == a or best[k] == b)]:
            refresh(i)
        refresh(a)
        sa = size[a]
        avg_a = [ninf if block[k][a] else sums[k][a] / (size[k] * sa) for k in range(m)]
        for i in [k for k in range(m) if active[k] and block[k][a] and best[k] == a]:
            refresh(i)
        for k in range(m):
            if active[k] and k != a and avg_a[k] > bestv[k]:
                best[k], bestv[k] = a, avg_a[k]
    return [sorted(v) for v in members.values()]


def pair_rule(langs: Sequence[Optional[str]], params: StoryParams,
              days: Optional[Sequence[Any]] = None,
              adjacent: Iterable[Tuple[int, int]] = (),
              words: Optional[Sequence[float]] = None) -> Callable[[PairScores], np.ndarray]:
    """The pair rule of :func:`group` as a mask over scored pairs, for
    :func:`score_pairs` to keep only the pairs that link (its ``select``).
    ``words``: each article's number of words (short reports, ``short_words``)."""
    lc = _lang_codes(langs)
    dd = _intervals(days, len(langs))
    adj = {(min(a, b), max(a, b)) for a, b in adjacent}
    short = _short(words, params)
    return lambda scores: _edges(scores, lc, dd, params, adj, short)


def _short(words: Optional[Sequence[float]], params: StoryParams) -> Optional[np.ndarray]:
    if words is None:
        return None
    return np.asarray(words, dtype=np.float64).reshape(-1) <= params.short_words


def _lang_codes(langs: Sequence[Optional[str]]) -> np.ndarray:
    code = {"hi": 1, "en": 2, "mixed": 3}
    return np.asarray([code.get(x, 0) for x in langs] or [0], dtype=np.int8)


def cosines_inside(matrix: Tuple[np.ndarray, ...], groups: Sequence[Sequence[int]]
                   ) -> PairScores:
    """The cosines (over all keys) of every pair inside each group, from the entries
    :func:`group` kept (``scores.matrix`` after it); pairs of cosine 0 are left out."""
    rows_a, cols_a, w, norm = matrix[0], matrix[1], matrix[2], matrix[3]
    order, starts = _rows_index(rows_a, len(norm))
    out_i, out_j, out_c = [], [], []
    for g in groups:
        members = np.asarray(sorted(g), dtype=np.int64)
        m = members.size
        if m < 2:
            continue
        ent = np.concatenate([order[starts[x]:starts[x + 1]] for x in members])
        local = np.repeat(np.arange(m), starts[members + 1] - starts[members])
        ucols, inv = np.unique(cols_a[ent], return_inverse=True)
        X = np.zeros((m, max(ucols.size, 1)))
        X[local, inv] = w[ent]
        nrm = norm[members].copy()
        nrm[nrm == 0] = 1
        X /= nrm[:, None]
        S = X @ X.T
        a, b = np.triu_indices(m, 1)
        keep = S[a, b] > 0
        out_i.append(members[a[keep]])
        out_j.append(members[b[keep]])
        out_c.append(S[a, b][keep])
    if not out_i:
        return no_pairs()
    i, j, c = np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_c)
    z = np.zeros(i.size)
    return PairScores(i, j, c, z, np.zeros(i.size, dtype=np.int64), z)


def group(
    n: int,
    scores: PairScores,
    langs: Sequence[Optional[str]],
    params: StoryParams,
    extra_links: Iterable[Tuple[int, int]] = (),
    days: Optional[Sequence[float]] = None,
    adjacent: Iterable[Tuple[int, int]] = (),
    weekdays: Optional[Sequence[int]] = None,
    published: Optional[Sequence[bool]] = None,
    numbered: Optional[Sequence[frozenset]] = None,
    figures: Any = None,
    places: Any = None,
    moves: Any = None,
    words: Optional[Sequence[float]] = None,
    years: Any = None,
    towns: Any = None,
) -> List[List[int]]:
    """Stories as sorted lists of article indexes, biggest first, then by first article.

    Two steps: candidate pairs that pass the pair rule (and the time window) link
    articles into connected groups; inside each group of three or more, stories are
    made by :func:`average_link` over the full pair similarities, so that a chain
    A~B~C does not put A and C together unless the story as a whole holds them.
    ``extra_links`` (near-duplicates) always join; ``adjacent`` pairs (consecutive
    units of one page) count double. ``days`` are publication day numbers (NaN if
    unknown). ``weekdays`` (bit masks of the weekdays each text names, 0 if none)
    lower the similarity of two texts naming only different weekdays, where one of the
    two has no publication date (``published``: whether each has one; between dated
    articles the window decides). ``numbered`` (each text's numbered names,
    :mod:`.numbered`): two texts naming one name with other numbers (``Chandrayaan-2``,
    ``Chandrayaan-3``) link at ``other_number`` of their similarity. ``figures`` (each
    text's lead figures, :mod:`.figures`, or a function giving those of a list of
    articles, asked only for groups with an undated member): two texts whose figures
    disagree, one of them undated, link at ``other_figures`` of their similarity;
    ``places`` (each text's lead places, :mod:`.lead_places`, or a function giving
    those of a list of articles): two texts naming other states, other foreign
    countries or other localities, one of them undated, at ``other_place``; two naming
    one district and other spots below it (:func:`.lead_places.other_spots`), never; ``moves`` (each text's lead
    moves of a rate, :mod:`.moves`, or a function giving those of a list of articles):
    two texts stating moves, none in common, one of them undated, at ``other_move``.
    ``words`` (each article's number of words): short reports link across languages
    on fewer bridge words (``short_words``). ``years`` (each text's own-time markers,
    :func:`.when.own_time_markers`, or a function giving those of a list of articles,
    :func:`.when.own_times_of`): two texts, one of them undated, whose leads state
    years that cannot meet never join; a stated year against the other's date's year
    links at ``other_year``. ``towns`` (each text's lead places without localities,
    or a function giving those of a list of articles): a story whose members' leads
    tell events in other places splits (:func:`_split_places`)."""
    lc = _lang_codes(langs)
    dd = _intervals(days, n)
    adj = {(min(a, b), max(a, b)) for a, b in adjacent}
    forced = {(min(a, b), max(a, b)) for a, b in extra_links}
    wd = (np.zeros(max(n, 1), dtype=np.int64) if weekdays is None
          else np.asarray(list(weekdays) or [0], dtype=np.int64))
    pub = (np.zeros(max(n, 1), dtype=bool) if published is None
           else np.asarray(list(published) or [False], dtype=bool))
    uf = _UnionFind(n)
    if scores.i.size:
        join = _edges(scores, lc, dd, params, adj, _short(words, params))
        for a, b in zip(scores.i[join].tolist(), scores.j[join].tolist()):
            uf.union(a, b)
    for a, b in forced:
        uf.union(a, b)
    comps: Dict[int, List[int]] = {}
    for x in range(n):
        comps.setdefault(uf.find(x), []).append(x)
    out: List[List[int]] = []
    matrix, rows_idx = None, None
    if scores.matrix is not None:
        # Memory: the average link reads the entries of groups of three or more, of
        # keys two members of one group hold; the corpus's matrix goes here (the
        # scores keep these entries: :func:`cosines_inside` reads them).
        matrix = scores.matrix = _group_entries(scores.matrix, comps, n)
        rows_idx = _rows_index(matrix[0], n)
    # The near-duplicate and same-page pairs of each group (each group reads its own).
    forced_in: Dict[int, set] = {}
    adj_in: Dict[int, set] = {}
    for pairs, into in ((forced, forced_in), (adj, adj_in)):
        for a, b in pairs:
            ra = uf.find(a)
            if ra == uf.find(b):
                into.setdefault(ra, set()).add((a, b))
    for root, comp in comps.items():
        if len(comp) < 3 or matrix is None:
            out.append(comp)
            continue
        for part in _time_stretches(comp, dd, params.max_dense):
            arr = np.asarray(part, dtype=np.int64)
            rel, apart = _relative_similarity(arr, matrix, rows_idx, lc, dd, params,
                                              forced_in.get(root, set()),
                                              adj_in.get(root, set()), wd, pub, numbered,
                                              figures, places, moves, years)
            clusters = average_link(rel, params.average_link, apart,
                                    _parts_veto(arr, pub, figures, numbered, params, rel,
                                                dd[arr, 0]))
            clusters = _part_unplaced_pairs(clusters, rel, apart, dd[arr, 0], params)
            clusters = _split_places(clusters, rel, arr, towns, params)
            for cl in _split_outvoted(clusters, rel, apart, arr, pub, figures, params):
                out.append(sorted(int(arr[t]) for t in cl))
    return sorted(out, key=lambda g: (-len(g), g[0]))


def _parts_veto(arr: np.ndarray, pub: np.ndarray, figures: Any,
                numbered: Optional[Sequence[frozenset]],
                params: StoryParams, rel: Optional[np.ndarray] = None,
                first_day: Optional[np.ndarray] = None,
                ) -> Optional[Callable[[List[int], List[int]], bool]]:
    """The merges :func:`average_link` must not make in a group with undated members:
    two parts with no publication date whose own figures (:func:`.figures.own_figures`:
    what most of at least ``outvoted_by`` members state) tell two events
    (:func:`.figures.figures_part`: 62 and 8 seats said by eight reports, 48 and 22 by
    five), or whose own editions' years differ (:func:`.numbered.own_edition`: budget
    2025, budget 2024). Pairwise, such reports only link weaker (``other_figures``,
    ``other_number``) and a story of two events still forms on its topic words, place
    and names; two parts that each agree on their own figure or edition are two
    events' reports; nor two undated parts much closer inside than between
    (``tight_parts``). Own figures part two parts also where only one of them, or
    neither, is wholly undated (some members dated): the window places the dated
    members only, and dated reports 7 days apart are inside it (two Thursdays' storms,
    83 and 22 dead). (Wholly dated parts: the window.)"""
    k = params.outvoted_by
    if k <= 0 or pub[arr].all() or (figures is None and numbered is None):
        return None
    every: List[Optional[frozenset]] = [None] * len(arr)

    def figs(rows: Sequence[int]) -> List[frozenset]:
        todo = [t for t in rows if every[t] is None]
        if todo:
            got = (figures(arr[todo]) if callable(figures)
                   else [figures[int(arr[t])] for t in todo])
            for t, f in zip(todo, got):
                every[t] = f
        return [every[t] for t in rows]  # type: ignore[misc]

    tight = rel is not None and params.tight_parts > 0
    # The sum of the similarities inside each part, by (first row, size): every merge
    # of the average link asks the veto first, so a merged part's sum is its two
    # parts' and twice the sum between them (no pass over a part's pairs again).
    inside: Dict[Tuple[int, int], float] = {}

    def veto(a: List[int], b: List[int]) -> bool:
        if not tight:
            return apart(a, b, 0.0, 0.0, 0.0)
        between = float(rel[np.ix_(a, b)].sum())
        wa, wb = inside.get((a[0], len(a)), 0.0), inside.get((b[0], len(b)), 0.0)
        if apart(a, b, between, wa, wb):
            return True
        inside[(a[0], len(a) + len(b))] = wa + wb + 2.0 * between
        return False

    def apart(a: List[int], b: List[int], between: float, wa: float, wb: float) -> bool:
        if len(a) < k or len(b) < k or (pub[arr[a]].all() and pub[arr[b]].all()):
            return False
        # Undated members the window does not place: where some are dated, only the
        # parts' own figures tell (the other tests were read on wholly undated parts).
        undated = not (pub[arr[a]].any() or pub[arr[b]].any())
        if undated and tight:
            within = min(wa / (len(a) * (len(a) - 1)), wb / (len(b) * (len(b) - 1)))
            if between / (len(a) * len(b)) < params.tight_parts * within:
                return True
        if undated and numbered is not None:
            for own in (own_edition, own_ordinal):
                ed_a = own([numbered[int(arr[t])] for t in a], k)
                if ed_a is not None:
                    ed_b = own([numbered[int(arr[t])] for t in b], k)
                    if ed_b is not None and ed_b != ed_a:
                        return True
        if figures is None:
            return False
        own_a = own_figures(figs(a), k)
        if not own_a:
            return False
        own_b = own_figures(figs(b), k)
        return figures_part(own_a, own_b) and not _rising_toll(
            own_a, own_b, _start(a, arr, pub, first_day), _start(b, arr, pub, first_day))
    return veto


# Measures that only grow while an event is reported (a toll counted as bodies are
# found and the injured die): a part of early reports with lower figures and one of
# later reports with higher ones are one event's days, not two events.
_TOLLS = frozenset({"deaths", "injured"})


def _start(rows: List[int], arr: np.ndarray, pub: np.ndarray,
           first_day: Optional[np.ndarray]) -> float:
    """The first publication day of a part's dated members (NaN if none)."""
    if first_day is None:
        return math.nan
    days = first_day[rows][pub[arr[rows]]]
    days = days[~np.isnan(days)]
    return float(days.min()) if days.size else math.nan


def _rising_toll(own_a: Dict[str, np.ndarray], own_b: Dict[str, np.ndarray],
                 start_a: float, start_b: float) -> bool:
    """Whether two parts' own figures differ only as one toll rising: every measure
    both state is a toll (:data:`_TOLLS`), the part whose dated reports start earlier
    states only lower values of it, and the later one starts within a few days
    (``_TOLL_DAYS``; undated parts: no order, no rise)."""
    if not (start_a == start_a and start_b == start_b) or start_a == start_b:
        return False
    early, late = (own_a, own_b) if start_a < start_b else (own_b, own_a)
    if abs(start_b - start_a) > _TOLL_DAYS:
        return False
    shared = early.keys() & late.keys()
    return bool(shared) and all(m in _TOLLS and early[m].max() < late[m].min()
                                for m in shared)


_TOLL_DAYS = 3


def _split_places(clusters: List[List[int]], rel: np.ndarray, arr: np.ndarray,
                  places: Any, params: StoryParams) -> List[List[int]]:
    """The clusters whose members' leads tell events in other places split: at one
    level (cities, states, foreign countries; a union territory is a state and a
    city), two places or more each named by ``outvoted_by`` members or more that name
    no other of them, with fewer members naming two of them than ``own_place_few`` of
    the smaller such part. Reports of one event say where it happened; parts of a
    story that each name their own place, almost never the other's, report events in
    two places (three airport canopies falling on three days in three cities: the
    window cannot part them, dated or not). Members naming none of the places, or
    several, go with the part they are closest to on average, or stay together where
    they are closer to each other. After the average link,
    on the cluster as a whole: the order of its merges does not matter."""
    k = params.outvoted_by
    if places is None or k <= 0 or params.own_place_few <= 0:
        return clusters
    out: List[List[int]] = []
    for cl in clusters:
        parts = _place_parts(cl, arr, places, params) if len(cl) >= 2 * k else None
        if parts is None:
            out.append(cl)
            continue
        placed = {t for part in parts for t in part}
        rest = [t for t in cl if t not in placed]
        left: List[int] = []
        for t in rest:
            near = [float(rel[t, part].mean()) for part in parts]
            others = [u for u in rest if u != t]
            # The members the parts leave: each goes with the part it is closest to, or
            # stays with the others left where it is closer to them (a story of the
            # country's counts that one state's reports had joined).
            if others and float(rel[t, others].mean()) > max(near):
                left.append(t)
            else:
                parts[int(np.argmax(near))].append(t)
        if left:
            parts.append(left)
        # (each part split again: a city's part may hold two states' events)
        out.extend(_split_places([sorted(part) for part in parts], rel, arr, places, params))
    return out


def _own_levels(place: str) -> Tuple[str, ...]:
    """The levels a lead place is compared at by :func:`_split_places`: a union
    territory is a state and a city (Delhi)."""
    level = place_level(place)
    if level == "state" and place.startswith("ut:"):
        return ("state", "town")
    return (level,) if level in ("town", "state", "country") else ()


def _place_parts(cl: List[int], arr: np.ndarray, places: Any, params: StoryParams
                 ) -> Optional[List[List[int]]]:
    """:func:`_split_places`' parts of one cluster (rows of ``arr``), or None."""
    k = params.outvoted_by
    got = places(arr[cl]) if callable(places) else [places[int(arr[t])] for t in cl]
    for lv in ("town", "state", "country"):
        named = [{p for p in ps if lv in _own_levels(p)} for ps in got]
        count = Counter(p for ns in named for p in ns)
        often = {p for p, c in count.items() if c >= k}
        if len(often) < 2:
            continue
        only: Dict[str, List[int]] = {}
        several = 0
        for t, ns in zip(cl, named):
            mine = ns & often
            if len(mine) == 1:
                only.setdefault(next(iter(mine)), []).append(t)
            elif len(mine) > 1:
                several += 1
        parts = [only[p] for p in sorted(only) if len(only[p]) >= k]
        if len(parts) >= 2 and several < params.own_place_few * min(len(x) for x in parts):
            return parts
    return None


def _part_unplaced_pairs(clusters: List[List[int]], rel: np.ndarray, apart: np.ndarray,
                         first_day: np.ndarray, params: StoryParams) -> List[List[int]]:
    """The stories of two whose one member has no time at all (no publication date,
    no event date in its text: NaN in ``first_day``) parted where another story of the
    group that the window keeps apart from the dated member would take it as well (the
    mean of its similarities to that story's members at least ``average_link``). Its
    place then rests on one pair, and the words that join it to one report of a
    flood of one state join it as well to the reports of another year's flood of
    that state; only time could tell which, and it has none. (In a bigger story an
    unplaced member is held by many members; the figures check those,
    :func:`_split_outvoted`.)"""
    if len(clusters) < 2:
        return clusters
    label = np.empty(rel.shape[0], dtype=np.int64)
    for c, cl in enumerate(clusters):
        label[cl] = c
    k = len(clusters)
    sizes = np.bincount(label, minlength=k).astype(np.float64)
    unplaced = np.isnan(first_day)
    out: List[List[int]] = []
    for c, cl in enumerate(clusters):
        if len(cl) == 2 and unplaced[cl].sum() == 1:
            t, other = (cl[0], cl[1]) if unplaced[cl[0]] else (cl[1], cl[0])
            apart_from = np.bincount(label, weights=apart[other].astype(np.float64),
                                     minlength=k) > 0
            apart_from[c] = False
            link = np.bincount(label, weights=rel[t], minlength=k) / sizes
            if bool((link[apart_from] >= params.average_link).any()):
                out.extend([[t], [other]])
                continue
        out.append(cl)
    return out


def _split_outvoted(clusters: List[List[int]], rel: np.ndarray, apart: np.ndarray,
                    arr: np.ndarray, pub: np.ndarray, figures: Any,
                    params: StoryParams) -> List[List[int]]:
    """The clusters with the undated members their story's lead figures outvote
    (:func:`.figures.outvoted`) moved or taken out: to another cluster of the group
    whose figures meet theirs and that holds them by average link (the mean of their
    similarities to its members at least ``average_link``, the best such), else out
    of the story where their mean similarity to its other members is below
    ``outvoted_below`` of the median member's. Members taken out are clustered again
    among themselves where their own figures meet (two reports of one look-alike
    event stay together)."""
    if figures is None or params.outvoted_by <= 0 or len(clusters) == 0:
        return clusters
    label = np.empty(rel.shape[0], dtype=np.int64)
    for c, cl in enumerate(clusters):
        label[cl] = c
    sizes = np.bincount(label, minlength=len(clusters)).astype(np.float64)
    every: Optional[List[frozenset]] = None
    moved: Dict[int, int] = {}  # row -> the cluster it moves to
    out_rows: List[int] = []
    for c, cl in enumerate(clusters):
        undated = ~pub[arr[cl]]
        if len(cl) < 3 or not undated.any():
            continue
        if every is None:
            every = list(figures(arr) if callable(figures) else [figures[int(x)] for x in arr])
        figs = [every[t] for t in cl]
        gone = outvoted(figs, undated, params.outvoted_by)
        if gone.size == 0 or gone.size == len(cl):
            continue
        inside = rel[np.ix_(cl, cl)]
        mean = inside.sum(axis=1) / (len(cl) - 1)
        typical = params.outvoted_below * float(np.median(mean))
        # Undated members whose own figures meet none of the story's are suspects
        # themselves: they neither vouch for a member (as a copy would) nor stay when
        # the member they copy leaves.
        suspect = unmet(figs) & undated
        vouch = np.where(suspect[None, :], 0.0, inside)
        out_here: List[int] = []
        for g in gone.tolist():
            t = cl[g]
            link = np.bincount(label, weights=rel[t], minlength=len(clusters)) / sizes
            link[c] = -np.inf
            link[np.bincount(label, weights=apart[t].astype(np.float64),
                             minlength=len(clusters)) > 0] = -np.inf
            for d in np.argsort(-link, kind="stable").tolist():
                if link[d] < max(params.average_link, mean[g]):
                    break
                if meets_any(every[t], [every[u] for u in clusters[d]]):
                    moved[t] = d
                    break
            # A report about as close to one member as the pair rule's solo bar (a
            # copy with another toll: 12 and 15 deaths) is that event's, in conflict.
            if (t not in moved and mean[g] < typical
                    and vouch[g].max() < params.solo_cos / params.same_lang_threshold):
                out_here.append(g)
        # A suspect as close as the solo bar to a member taken out (its twin: one more
        # report of the look-alike event, with another of its figures) goes with it.
        solo = params.solo_cos / params.same_lang_threshold
        taken_here = set(out_here)
        for g in np.flatnonzero(suspect).tolist():
            if (g not in taken_here and cl[g] not in moved and mean[g] < typical
                    and any(inside[g, h] >= solo for h in out_here)):
                taken_here.add(g)
        out_rows.extend(cl[g] for g in sorted(taken_here))
    if not moved and not out_rows:
        return clusters
    taken = set(moved) | set(out_rows)
    result = [[t for t in cl if t not in taken] for cl in clusters]
    for t, d in moved.items():
        result[d].append(t)
    if out_rows:
        sub = np.asarray(sorted(out_rows), dtype=np.int64)
        # Reports taken out join one another only where their own figures meet, or
        # as close as the solo bar (two reports of one look-alike event).
        met = (meeting_figures([every[int(t)] for t in sub])
               | (rel[np.ix_(sub, sub)] >= params.solo_cos / params.same_lang_threshold))
        for part in average_link(np.where(met, rel[np.ix_(sub, sub)], 0.0),
                                 params.average_link, apart[np.ix_(sub, sub)]):
            result.append([int(sub[t]) for t in part])
    return [sorted(cl) for cl in result if cl]


def _own_times(names: Sequence[frozenset], lo: np.ndarray, hi: np.ndarray,
               window: float) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each text's own time (:func:`.when.own_time`) as arrays ``kind, value, stated``,
    placed on its first day where its interval is within the window."""
    m = len(names)
    kind = np.zeros(m, dtype=np.int64)
    value = np.zeros(m, dtype=np.int64)
    stated = np.zeros(m, dtype=bool)
    for t, ns in enumerate(names):
        day = lo[t] if lo[t] == lo[t] and hi[t] - lo[t] <= window else float("nan")
        kind[t], value[t], stated[t] = own_time(ns, day)
    return kind, value, stated


def _intervals(days: Optional[Sequence[Any]], n: int) -> np.ndarray:
    """``days`` as an (n, 2) array of first and last day numbers (NaN: unknown); a 1-d
    sequence of day numbers is an interval of one day each."""
    if days is None:
        return np.full((max(n, 1), 2), np.nan)
    a = np.asarray(days, dtype=np.float64)
    if a.ndim == 1:
        a = np.stack([a, a], axis=1)
    return a.reshape(-1, 2) if a.size else np.full((max(n, 1), 2), np.nan)


def _lo(days: Any) -> np.ndarray:
    a = np.asarray(days, dtype=np.float64)
    return a[:, 0] if a.ndim == 2 else a


def _time_stretches(comp: List[int], days: np.ndarray, limit: int) -> List[List[int]]:
    """A group cut into stretches of at most ``limit`` articles in publication order."""
    if len(comp) <= limit:
        return [comp]
    key = np.nan_to_num(days[np.asarray(comp)], nan=np.inf)
    ordered = [comp[t] for t in np.lexsort((np.asarray(comp), key))]
    return [sorted(ordered[k:k + limit]) for k in range(0, len(ordered), limit)]


def idf_table(bags: Sequence[Counter], background: float) -> Dict[str, float]:
    """The smoothed IDF of every key (for explaining a story by its top keys)."""
    df: Counter = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    return {k: math.log((n + background) / (c + 1.0)) for k, c in df.items()}
