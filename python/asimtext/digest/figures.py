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

from typing import Any, Dict, FrozenSet, Iterable, Optional, Sequence

import numpy as np

from asimtext.digest.measures import find_measure
from asimtext.digest.text import Sentences, lead_end
from asimtext.digest.updates import agree

__all__ = ["lead_figures", "figure_key", "disagreeing_figures"]

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
    markers, names such as ``COVID 19``) and generic counts are left out."""
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
        if m is None or m.key == "people" or m.key.startswith("other:"):
            continue  # a generic count, or a noun outside the lexicon (often no count)
        out.add(figure_key(m.ident, v))
    return frozenset(out)


def _by_measure(keys: Iterable[str]) -> Dict[str, list]:
    out: Dict[str, list] = {}
    for k in keys:
        meas, _, val = k[len(PREFIX):].rpartition("=")
        out.setdefault(meas, []).append(float(val))
    return out


def disagreeing_figures(figures: Sequence[FrozenSet[str]]) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` state values for more measures
    in common that no value of the other agrees with (within rounding:
    :func:`asimtext.digest.updates.agree`) than measures on which they agree, and
    these disagreeing measures hold at least ``MIN_FIGURES`` figures on each side.
    One figure against another is what two reports of one event give when they
    conflict (12 deaths, 15 deaths: the digest's conflicts are made of them); two
    results that share no figure (62 and 8 seats, 48 and 22) are two events."""
    n = len(figures)
    out = np.zeros((n, n), dtype=bool)
    by = [_by_measure(f) for f in figures]
    holders = [t for t in range(n) if by[t]]
    for x, a in enumerate(holders):
        for b in holders[x + 1:]:
            common = by[a].keys() & by[b].keys()
            if not common:
                continue
            met, apart, figs = 0, 0, 0
            for m in common:
                if any(agree(u, None, v, None) for u in by[a][m] for v in by[b][m]):
                    met += 1
                else:
                    apart += 1
                    figs += min(len(by[a][m]), len(by[b][m]))
            if apart > met and figs >= MIN_FIGURES:
                out[a, b] = out[b, a] = True
    return out

