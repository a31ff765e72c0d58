"""When an article's event happened, as an interval of day numbers, for the stories'
time window.

An article's publication date, where known, is its time. An article without one
(many pages do not give it) is placed by the full dates (day, month and year) it
states, but only by those the text itself shows to be the event's own time:

* a full date that is the first date or year the text states (news opens with its
  happening; history comes later: "the worst since 20 July 1969"), or
* a full date the text confirms elsewhere: the weekday it falls on ("on Saturday
  ... 27 January 2018"), or its day and month stated again ("January 27").

A bare year is never used: on the labelled event set it was a year of history (1934
in a report of the 2015 Nepal earthquake, 1999 in one of the 2019 cyclone) far more
often than the event's own. Two articles whose intervals are more than the window
apart do not report one event (the Kabul bombing of May 2017 is not the one of
January 2018).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, List, Optional, Sequence, Tuple

from asimtext.article import parse_date_prefix

__all__ = ["event_interval", "event_days", "gap_days", "stated_weekdays"]

NAN = float("nan")

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _full_date(value: str) -> Optional[_dt.date]:
    if len(value) >= 10 and value[:4].isdigit() and value[4] == "-" and value[7] == "-":
        try:
            d = _dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
        return d if 1900 <= d.year <= 2100 else None
    return None


def _relative(value: str) -> bool:
    """A date value counted from the publication day (``D-1``, ``D+0``)."""
    return value[:1] == "D" and value[1:2] in ("+", "-")


def _month_day(value: str) -> Optional[str]:
    """``MM-DD`` of a date value (full or day-and-month ``--MM-DD``)."""
    if value.startswith("--") and len(value) >= 7:
        return value[2:7]
    if _full_date(value) is not None:
        return value[5:10]
    return None


def event_days(spans: Sequence[Any]) -> List[_dt.date]:
    """The full dates the text states that it shows to be its event's own (module
    docstring): the first dated expression if it is a full date, and full dates
    confirmed by their weekday or by their day and month stated again."""
    # A date relative to the publication ("कल", "today": D-1, D+0) does not open the
    # text's dates: the page lacks the date it counts from, and news puts it beside
    # the full date it means ("कल 11 अगस्त 2022 की शाम", "yesterday, 11 August").
    dated = sorted((s for s in spans if s.kind in ("date", "datetime", "year")
                    and not _relative(str(s.value))),
                   key=lambda s: (s.start, s.end))
    weekdays = {str(s.value).lower() for s in spans if s.kind == "weekday"}
    month_days: dict = {}
    for s in dated:
        md = _month_day(str(s.value)) if s.kind != "year" else None
        if md is not None:
            month_days[md] = month_days.get(md, 0) + 1
    out: List[_dt.date] = []
    for k, s in enumerate(dated):
        if s.kind == "year":
            continue
        d = _full_date(str(s.value))
        if d is None:
            continue
        first = k == 0
        weekday_ok = _WEEKDAYS[d.weekday()] in weekdays
        restated = month_days.get(d.isoformat()[5:10], 0) >= 2
        if first or weekday_ok or restated:
            out.append(d)
    return out


def event_interval(published: Optional[str], spans: Sequence[Any]) -> Tuple[float, float]:
    """``(first day, last day)`` (ordinal numbers; NaN, NaN when nothing is known): the
    publication day, else the span of the text's own event dates (:func:`event_days`)."""
    p = parse_date_prefix(published) if published else None
    if p is not None:
        return float(p.toordinal()), float(p.toordinal())
    days = event_days(spans)
    if not days:
        return NAN, NAN
    return float(min(days).toordinal()), float(max(days).toordinal())


def stated_weekdays(spans: Sequence[Any]) -> frozenset:
    """The weekdays a text names (``"saturday"``...)."""
    return frozenset(str(s.value).lower() for s in spans if s.kind == "weekday")


def gap_days(lo_a, hi_a, lo_b, hi_b):
    """Days between two intervals (0 if they overlap; NaN if either is unknown).
    Works on numbers and on numpy arrays alike."""
    return (lo_b - hi_a) * ((lo_b - hi_a) > 0) + (lo_a - hi_b) * ((lo_a - hi_b) > 0)
