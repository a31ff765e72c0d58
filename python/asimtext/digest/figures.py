"""Lead figures: the measured values a report states in its lead (``80 deaths``,
``62 seats``), for telling two look-alike events apart.

Two reports of one event mostly state figures that agree, and where a count grows
(a toll rising over days) they are reports of other days; two reports of two
events of one kind state figures for the same measures that do not meet (62 and 8
seats against 48 and 22; 13 deaths against 80). So a pair whose lead figures
disagree on more measures than they agree on is weak evidence of two events:
:mod:`.stories` lowers its similarity (``StoryParams.other_figures``).
"""

from __future__ import annotations

import math
from typing import Any, Dict, FrozenSet, Iterable, Optional, Sequence

import numpy as np

from asimtext.digest.measures import find_measure
from asimtext.digest.text import Sentences, lead_end

__all__ = ["lead_figures", "figure_key", "disagreeing_figures", "outvoted", "meeting_figures",
           "meets_any", "unmet", "own_figures", "figures_part"]

MIN_FIGURES = 2
PREFIX = "#="  # the strings of lead figures (see :func:`figure_key`)


def figure_key(measure: str, value: float) -> str:
    """The string of a lead figure (``#=deaths=80``)."""
    return f"{PREFIX}{measure}={value:g}"


def _value(v: Any) -> Optional[float]:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return x if x == x and x > 0 else None


LEAD_SENTENCES = 6  # a report's first figures: headline, lead and what follows


def lead_figures(text: str, spans: Sequence[Any]) -> FrozenSet[str]:
    """The measured values of the number spans in a text's first
    ``LEAD_SENTENCES`` sentences, as strings
    (:func:`figure_key`); numbers without a measure (:func:`find_measure`: list
    markers, names such as ``COVID 19``) and generic counts (``people``) are left
    out. Counts of a noun outside the measure lexicon (``other:``: ``8 cheetahs``,
    ``3 चर्च``, ``14 workers``) are kept: they are the event's own figures too, and a
    report that meets its story on one (three churches) is no look-alike."""
    end = lead_end(text, LEAD_SENTENCES)
    nums = [s for s in spans if s.kind == "number" and s.end <= end]
    if not nums:
        return frozenset()
    sents = Sentences(text)
    out = set()
    bounds = [(s.start, s.end) for s in nums]
    for s in nums:
        v = _value(s.value)
        if v is None:
            continue
        ss, se = sents.around(s.start, s.end)
        others = [b for b in bounds if b != (s.start, s.end) and ss <= b[0] < se]
        m = find_measure(text, s.start, s.end, ss, se, others)
        if m is None or m.key == "people":
            continue  # a generic count
        out.add(figure_key(m.ident, v))
    return frozenset(out)


def _by_measure(keys: Iterable[str]) -> Dict[str, list]:
    out: Dict[str, list] = {}
    for k in keys:
        meas, _, val = k[len(PREFIX):].rpartition("=")
        out.setdefault(meas, []).append(float(val))
    return out


def _tolerance(v: np.ndarray) -> np.ndarray:
    """:func:`asimtext.digest.updates.agree`'s rounding tolerance of each value (no
    bound): half a unit of the last significant digit of a round integer (two
    trailing zeros or more), else 0."""
    whole = (v == np.floor(v)) & (v != 0)
    m = np.where(whole, np.abs(v), 0).astype(np.int64)
    z = np.zeros(v.size, dtype=np.int64)
    while True:
        div = (m != 0) & (m % 10 == 0)
        if not div.any():
            break
        z += div
        m = np.where(div, m // 10, m)
    return np.where(z >= 2, 10.0 ** z, 0.0) / 2


def disagreeing_figures(figures: Sequence[FrozenSet[str]]) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` state values for more measures
    in common that no value of the other agrees with (within rounding:
    :func:`asimtext.digest.updates.agree`) than measures on which they agree, and
    these disagreeing measures hold at least ``MIN_FIGURES`` figures on each side.
    One figure against another is what two reports of one event give when they
    conflict (12 deaths, 15 deaths: the digest's conflicts are made of them); two
    results that share no figure (62 and 8 seats, 48 and 22) are two events.
    Matrix work per measure (no loop over pairs of texts)."""
    n = len(figures)
    by_measure: Dict[str, tuple] = {}
    for t, f in enumerate(figures):
        for meas, vals in _by_measure(f).items():
            hs, vs = by_measure.setdefault(meas, ([], []))
            hs.extend([t] * len(vals))
            vs.extend(vals)
    common = np.zeros((n, n), dtype=np.int32)
    met = np.zeros((n, n), dtype=np.int32)
    figs = np.zeros((n, n), dtype=np.int32)
    for hs, vs in by_measure.values():
        holders, local = np.unique(np.asarray(hs), return_inverse=True)
        if holders.size < 2:
            continue
        # Distinct values only: a story's figures repeat (memory, time ~ values^2).
        v, vix = np.unique(np.asarray(vs, dtype=np.float64), return_inverse=True)
        tol = _tolerance(v)
        agree_v = ((v[:, None] == v[None, :])
                   | (np.abs(v[:, None] - v[None, :]) <= tol[:, None] + tol[None, :]))
        ind = np.zeros((holders.size, v.size), dtype=np.float64)
        ind[local, vix] = 1.0
        agree_h = (ind @ agree_v.astype(np.float64) @ ind.T) > 0
        count = ind.sum(axis=1)
        idx = np.ix_(holders, holders)
        common[idx] += 1
        met[idx] += agree_h
        figs[idx] += np.where(agree_h, 0, np.minimum(count[:, None], count[None, :])
                              ).astype(np.int32)
    out = (common - met > met) & (figs >= MIN_FIGURES)
    np.fill_diagonal(out, False)
    return out




CLOSE = 1.2  # two figures within this ratio of each other are one event's (a toll's day)
# Two figures both stated to hundredths (87.58 m, 9.58 s) are read-outs of a
# measurement, not counts that grow or estimates: they are one event's only within a
# unit of their last digit (87.58 and 87.6 m; not 87.58 and 88.13 m, two throws).
PRECISE = 0.01


def _precise(v: np.ndarray) -> np.ndarray:
    """Values stated to hundredths or finer (a digit after the tenths)."""
    t = np.abs(v) * 10.0
    return np.abs(t - np.round(t)) > 1e-6 * np.maximum(t, 1.0)


def _close(la: np.ndarray, lb: np.ndarray, span: float) -> np.ndarray:
    """``(len(la), len(lb))`` booleans: log values one event's figures (within a ratio
    of ``CLOSE``, and within ``PRECISE`` where both are stated to hundredths)."""
    la, lb = np.asarray(la, dtype=np.float64), np.asarray(lb, dtype=np.float64)
    out = np.abs(la[:, None] - lb[None, :]) <= span
    a, b = np.exp(la), np.exp(lb)
    pa, pb = _precise(a), _precise(b)
    if pa.any() and pb.any():
        both = pa[:, None] & pb[None, :]
        out &= ~both | (np.abs(a[:, None] - b[None, :]) <= PRECISE + 1e-9)
    return out


def _entries(figures: Sequence[FrozenSet[str]]) -> Dict[str, tuple]:
    """Per measure: the holders (text indexes) and values of its figures."""
    out: Dict[str, tuple] = {}
    for t, f in enumerate(figures):
        for meas, vals in _by_measure(f).items():
            hs, vs = out.setdefault(meas, ([], []))
            hs.extend([t] * len(vals))
            vs.extend(vals)
    return {m: (np.asarray(h, dtype=np.int64), np.asarray(v, dtype=np.float64))
            for m, (h, v) in out.items()}


def outvoted(figures: Sequence[FrozenSet[str]], candidates: Sequence[bool],
             min_against: int = 3) -> np.ndarray:
    """Members of one story whose lead figures the rest of the story contradicts: of
    the ``candidates`` (members the window does not place: no publication date),
    those that state figures, none of which comes near a figure another member
    states for the same measure (within a ratio of ``CLOSE``: 49 and 50 deaths, 80
    and 90 are one event's counts), where at least ``min_against`` other members
    state figures for one of these measures on which most of the other holders are
    one holder and those meeting its figures (the story's own figure; the member
    judged is not one of its judges: a toll stated as 40 by five of nine other
    reports, 8, 20 and 30 by early ones, is the story's). A look-alike report (13
    deaths, 2 policemen killed) joins a big story on its topic words and place; the
    story's own reports state other figures (80 deaths, 40 policemen). Weak evidence alone
    (a toll grows: an early report's 10 deaths against the later 100): :mod:`.stories`
    asks for a weak similarity too. Sorted-array work per measure (no loop over
    pairs of members). Returns the members' indexes (into ``figures``)."""
    n = len(figures)
    met = np.zeros(n, dtype=bool)
    against = np.zeros(n, dtype=np.int64)
    stated = np.zeros(n, dtype=bool)
    span = math.log(CLOSE) + 1e-9
    for hs, vs in _entries(figures).values():
        lv = np.log(vs)
        met[hs[_met_by_others(hs, lv, span)]] = True
        holders, local = np.unique(hs, return_inverse=True)
        stated[holders] = True
        if holders.size < 2:
            continue
        # The story has its figure for this measure where most holders are one holder
        # and those meeting its figures (a story of two events has none: 135, 15).
        v, vix = np.unique(lv, return_inverse=True)
        ind = np.zeros((holders.size, v.size))
        ind[local, vix] = 1.0
        close = _close(v, v, span).astype(np.float64)
        meet = (ind @ close @ ind.T) > 0
        if 2 * int(meet.sum(axis=1).max()) > holders.size - 1:
            np.maximum.at(against, holders, holders.size - 1)
    ok = stated & ~met & (against >= min_against) & np.asarray(candidates, dtype=bool)
    return np.flatnonzero(ok).astype(np.int64)


def unmet(figures: Sequence[FrozenSet[str]]) -> np.ndarray:
    """``(n,)`` booleans: texts that state lead figures, none of which comes within a
    ratio of ``CLOSE`` of a figure another text states for the same measure."""
    n = len(figures)
    met = np.zeros(n, dtype=bool)
    stated = np.zeros(n, dtype=bool)
    span = math.log(CLOSE) + 1e-9
    for hs, vs in _entries(figures).values():
        stated[hs] = True
        met[hs[_met_by_others(hs, np.log(vs), span)]] = True
    return stated & ~met


def _met_by_others(hs: np.ndarray, lv: np.ndarray, span: float) -> np.ndarray:
    """For each entry (holder ``hs``, log value ``lv``), whether a value within
    ``span`` is stated by another holder: all values in range, less the holder's
    own (a holder's values are keyed far apart from every other holder's)."""
    order = np.sort(lv)
    near = np.searchsorted(order, lv + span, "right") - np.searchsorted(order, lv - span, "left")
    key = hs * 1000.0 + lv
    own_order = np.sort(key)
    own = (np.searchsorted(own_order, key + span, "right")
           - np.searchsorted(own_order, key - span, "left"))
    met = near > own
    exact = np.flatnonzero(_precise(np.exp(lv)))
    if exact.size:  # figures to hundredths: met only within PRECISE (k x n, k small)
        met[exact] = (_close(lv[exact], lv, span)
                      & (hs[exact][:, None] != hs[None, :])).any(axis=1)
    return met


def meeting_figures(figures: Sequence[FrozenSet[str]]) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` each state a figure for one
    measure, within a ratio of ``CLOSE`` of each other. Matrix work per measure
    over distinct values."""
    n = len(figures)
    out = np.zeros((n, n), dtype=bool)
    span = math.log(CLOSE) + 1e-9
    for hs, vs in _entries(figures).values():
        holders, local = np.unique(hs, return_inverse=True)
        if holders.size < 2:
            continue
        v, vix = np.unique(np.log(vs), return_inverse=True)
        close = _close(v, v, span).astype(np.float64)
        ind = np.zeros((holders.size, v.size))
        ind[local, vix] = 1.0
        out[np.ix_(holders, holders)] |= (ind @ close @ ind.T) > 0
    np.fill_diagonal(out, False)
    return out


def meets_any(figures: FrozenSet[str], others: Sequence[FrozenSet[str]]) -> bool:
    """Whether ``figures`` state a figure within a ratio of ``CLOSE`` of one that a
    text of ``others`` states for the same measure (one pass over ``others``)."""
    mine = _by_measure(figures)
    if not mine:
        return False
    span = math.log(CLOSE) + 1e-9
    theirs = _entries([frozenset(k for k in f if k[len(PREFIX):].rpartition("=")[0] in mine)
                       for f in others])
    for meas, (_, vs) in theirs.items():
        a = np.log(np.asarray(mine[meas], dtype=np.float64))
        if bool(_close(a, np.log(vs), span).any()):
            return True
    return False


def own_figures(figures: Sequence[FrozenSet[str]], min_holders: int = 3
                ) -> Dict[str, np.ndarray]:
    """A story's own figures: per measure that at least ``min_holders`` members state,
    the log values of the holder whose figures most holders meet (itself included), where
    that is most of them (62 and 8 seats, stated by eight reports of ten). A toll that
    grows has none until most reports agree."""
    out: Dict[str, np.ndarray] = {}
    span = math.log(CLOSE) + 1e-9
    for meas, (hs, vs) in _entries(figures).items():
        holders, local = np.unique(hs, return_inverse=True)
        if holders.size < min_holders:
            continue
        lv = np.log(vs)
        v, vix = np.unique(lv, return_inverse=True)
        ind = np.zeros((holders.size, v.size))
        ind[local, vix] = 1.0
        close = _close(v, v, span).astype(np.float64)
        count = ((ind @ close @ ind.T) > 0).sum(axis=1)
        best = int(np.argmax(count))
        if 2 * int(count[best]) > holders.size:
            out[meas] = lv[local == best]
    return out


def figures_part(a: Dict[str, np.ndarray], b: Dict[str, np.ndarray]) -> bool:
    """Whether two stories' own figures (:func:`own_figures`) tell two events: on a
    measure both have, no figure of one comes within a ratio of ``CLOSE`` of one of
    the other's, and on no measure both have do they meet."""
    span = math.log(CLOSE) + 1e-9
    parted = False
    for meas in a.keys() & b.keys():
        if bool(_close(a[meas], b[meas], span).any()):
            return False
        parted = True
    return parted
