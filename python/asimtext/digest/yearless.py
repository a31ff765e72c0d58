"""A report's day of the year where its text gives a day and a month but no year
(``नई दिल्ली, जून 6 --``, ``Srinagar, February 14``, ``2 अप्रैल से जारी बैठक``), for the
stories' time window.

A report without a publication date and without a full date of its event
(:mod:`.when`) cannot be placed in a year, but a day and month that open its dates
(a dateline, "on Sunday (June 9)") still place it in the calendar: a report of a
decision announced on 6 June is not one of a decision announced on 7 February, in
any year. So two texts whose days of the year are more than the window apart (the
shorter way round the year) are weak evidence of two events (:mod:`.stories`:
``StoryParams.other_yearless``). Weak, not a wall: an opening day and month is
sometimes a recalled one (a mission's launch date in a report of its landing). A wall
where the day and month are sure: a dateline's (the day the report was filed, within
days of its event) or one a weekday stands beside ("on Sunday (October 30)": news names
the weekday of the day its event happened).
Relative dates (``आज``, ``yesterday``) are skipped as :mod:`.when` skips them.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Sequence, Tuple

import numpy as np
import regex

__all__ = ["opening_day_of_year", "day_of_year", "far_in_year"]

NAN = float("nan")
WEEKDAY_REACH = 12  # characters between a weekday and the day and month it names
YEAR = 365.2425


def _month_day(value: str) -> float:
    """Day of the year (1..366, in a leap year) of a ``--MM-DD`` value (the first of an
    interval ``--MM-DD/--MM-DD``), else NaN."""
    if not value.startswith("--") or len(value) < 7:
        return NAN
    try:
        d = _dt.date(2000, int(value[2:4]), int(value[5:7]))
    except ValueError:
        return NAN
    return float(d.timetuple().tm_yday)


# A dateline: a line opening with a place, a comma, the date, then a dash, colon,
# bracket or danda ("नई दिल्ली, जून 6 --", "SRINAGAR, Feb 14:", "Mumbai, Dec 18 (IANS)").
_LINE_PLACE = regex.compile(r"(?:^|\n)[ \t\"'“‘]*[\p{L}\p{M} .()]{2,40},\s*$")
_AFTER_DATE = regex.compile(r"\s*(?:[-–—:(।|]|\(|$)")


def opening_day_of_year(text: str, spans: Sequence[Any]) -> Tuple[float, bool]:
    """The day of the year of a text's opening date where that is a day and month
    without a year (``--06-06``), else NaN; and whether it is a dateline's (the day
    the report was filed: a line opening with a place, a comma and the date).
    Relative dates (``D-1``) do not open."""
    dated = sorted((s for s in spans if s.kind in ("date", "datetime", "year")
                    and not (str(s.value)[:1] == "D" and str(s.value)[1:2] in "+-")),
                   key=lambda s: (s.start, s.end))
    if not dated:
        return NAN, False
    first = dated[0]
    doy = _month_day(str(first.value))
    if doy != doy:
        return doy, False
    dateline = (bool(_LINE_PLACE.search(text[max(0, first.start - 48):first.start]))
                and bool(_AFTER_DATE.match(text, first.end)))
    # A weekday beside the day and month ("on Sunday (October 30)", "रविवार (20
    # नवंबर)", "21 मार्च (गुरुवार)") names the day the event happened, as news does.
    beside = any(s.kind == "weekday" and -WEEKDAY_REACH <= s.start - first.end <= WEEKDAY_REACH
                 or s.kind == "weekday" and 0 <= first.start - s.end <= WEEKDAY_REACH
                 for s in spans)
    return doy, dateline or beside


def day_of_year(ordinal: float) -> float:
    """The day of the year (in a leap year's numbering) of a day number (NaN stays)."""
    if ordinal != ordinal:
        return NAN
    d = _dt.date.fromordinal(int(ordinal))
    return float(_dt.date(2000, d.month, d.day).timetuple().tm_yday)


def far_in_year(a: np.ndarray, b: np.ndarray, window: float) -> np.ndarray:
    """Days of the year more than ``window`` apart the shorter way round the year
    (False where either is NaN)."""
    g = np.abs(a - b)
    g = np.minimum(g, YEAR - g)
    with np.errstate(invalid="ignore"):
        return g > window
