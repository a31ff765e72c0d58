"""When an article's event happened, as an interval of day numbers, for the stories'
time window.

An article's publication date, where known, is its time. An article without one
(many pages do not give it) is placed by what it says: the latest year it names (news
tells the latest happening; earlier years are history), as the interval of that year:
a day named in the text may be a deadline or a follow-up, a year rarely misleads. Two
articles whose intervals are more than the window apart do not report one event
(the Kabul bombing of May 2017 is not the one of January 2018).
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from typing import Any, Optional, Sequence, Tuple

from asimtext.article import parse_date_prefix

__all__ = ["event_interval", "gap_days"]

NAN = float("nan")


def _full_date(value: str) -> Optional[_dt.date]:
    if len(value) >= 10 and value[:4].isdigit() and value[4] == "-" and value[7] == "-":
        try:
            return _dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def event_interval(published: Optional[str], spans: Sequence[Any],
                   from_text: bool = False) -> Tuple[float, float]:
    """``(first day, last day)`` (ordinal numbers; NaN, NaN when nothing is known).
    The text is read only with ``from_text``: on the labelled event set the latest
    year of an undated excerpt was as often a year of history (1934 in a report of
    the 2015 Nepal earthquake) as the event's own, so the digest does not use it."""
    p = parse_date_prefix(published) if published else None
    if p is not None:
        return float(p.toordinal()), float(p.toordinal())
    if not from_text:
        return NAN, NAN
    years: Counter = Counter()
    dates: Counter = Counter()
    for s in spans:
        if s.kind == "year" and s.value.isdigit():
            years[int(s.value)] += 1
        elif s.kind in ("date", "datetime"):
            d = _full_date(s.value)
            if d is not None:
                dates[d] += 1
                years[d.year] += 1
    if not years:
        return NAN, NAN
    plausible = [y for y in years if 1900 <= y <= 2100]
    if not plausible:
        return NAN, NAN
    year = max(plausible)
    return (float(_dt.date(year, 1, 1).toordinal()), float(_dt.date(year, 12, 31).toordinal()))


def gap_days(lo_a, hi_a, lo_b, hi_b):
    """Days between two intervals (0 if they overlap; NaN if either is unknown).
    Works on numbers and on numpy arrays alike."""
    return (lo_b - hi_a) * ((lo_b - hi_a) > 0) + (lo_a - hi_b) * ((lo_a - hi_b) > 0)
