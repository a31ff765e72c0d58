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

import bisect
import datetime as _dt
import re
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import regex

from asimtext.article import parse_date_prefix
from asimtext.digest.text import lead_end

__all__ = ["event_interval", "event_days", "event_days_of", "interval_of_days", "gap_days",
           "stated_weekdays", "own_time_markers", "own_times_of", "own_time", "other_times", "OWN", "OWN_SENTENCES"]

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
    return event_days_of([(s.kind, str(s.value)) for s in dated], weekdays)


def event_days_of(dated: Sequence[Tuple[str, str]], weekdays: Any) -> List[_dt.date]:
    """:func:`event_days` from what it reads of the spans: ``(kind, value)`` of the
    dated ones (kind ``date``, ``datetime`` or ``year``, not relative), in text order,
    and the weekdays named (lower case). (The prepare stage reads each span once for
    all its features: a Rust span's getters make a new ``str`` at each access.)"""
    month_days: dict = {}
    for kind, value in dated:
        md = _month_day(value) if kind != "year" else None
        if md is not None:
            month_days[md] = month_days.get(md, 0) + 1
    out: List[_dt.date] = []
    for k, (kind, value) in enumerate(dated):
        if kind == "year":
            continue
        d = _full_date(value)
        if d is None:
            continue
        first = k == 0
        weekday_ok = _WEEKDAYS[d.weekday()] in weekdays
        restated = month_days.get(d.isoformat()[5:10], 0) >= 2
        if first or weekday_ok or restated:
            out.append(d)
    return out


def interval_of_days(days: Sequence[_dt.date]) -> Tuple[float, float]:
    """``(first day, last day)`` of event days as ordinal numbers (NaN, NaN if none)."""
    if not days:
        return NAN, NAN
    return float(min(days).toordinal()), float(max(days).toordinal())


def event_interval(published: Optional[str], spans: Sequence[Any]) -> Tuple[float, float]:
    """``(first day, last day)`` (ordinal numbers; NaN, NaN when nothing is known): the
    publication day, else the span of the text's own event dates (:func:`event_days`)."""
    p = parse_date_prefix(published) if published else None
    if p is not None:
        return float(p.toordinal()), float(p.toordinal())
    return interval_of_days(event_days(spans))


def stated_weekdays(spans: Sequence[Any]) -> frozenset:
    """The weekdays a text names (``"saturday"``...)."""
    return frozenset(str(s.value).lower() for s in spans if s.kind == "weekday")


def gap_days(lo_a, hi_a, lo_b, hi_b):
    """Days between two intervals (0 if they overlap; NaN if either is unknown).
    Works on numbers and on numpy arrays alike."""
    return (lo_b - hi_a) * ((lo_b - hi_a) > 0) + (lo_a - hi_b) * ((lo_a - hi_b) > 0)


# ---------------------------------------------------------------------------------------
# Which occurrence of a recurring event a report is about: its own year.
#
# A recurring event (a result declared every year, a quarter's growth figure, an award
# list, an air-quality stage imposed each winter) repeats its names, places and words
# year after year; what tells one occurrence from another is the time the report says
# it is about. News states it in its headline and lead, in any of these forms: a name's
# year (``NEET UG 2024``, ``आईपीएल-2024``, ``Padma Awards 2023``), a year before what
# it qualifies (``the 2024 Central Board...``, ``2023 के लिए``), a fiscal year
# (``2023-24``, ``FY24``, ``Q1 FY26``, ``वित्त वर्ष 2024-25``), or a year relative to its
# publication (``this year``, ``इस साल``, ``this fiscal``, ``चालू वित्त वर्ष``), digits in
# either script. The first stated year of these in the lead is the report's own time
# (else the relative one); a year in a sentence that compares with or retells the past
# (``last year``, ``पिछले साल``, ``had``, ``था``, ``since``, ``तुलना``) is history, not the
# report's time, and is passed over, as are a date's year (full dates place a text in
# time already: :func:`event_days`), a year after a preposition (``in 2013``: as often
# history as not) and a count (``2000 लोग``).
# ---------------------------------------------------------------------------------------

OWN = "@own:"
# A cheap first look (the standard ``re``): most leads state no year. Below, years are
# read in either script's digits (``regex``'s ``\\d`` is any script's digit, and ``int``
# reads them).
_MAYBE = re.compile(r"[12१२][09०९][0-9०-९]{2}|fy|this\s+(?:year|fiscal)|current\s+fi"
                    r"|इस\s+(?:साल|वर्ष|बरस)|(?:चालू|मौजूदा)\s+वित्त", re.IGNORECASE)
# How far the reading goes: the headline and the first sentences (a short headline and
# a dateline count as sentences, and the year of a name is often in the fourth), and
# at most this many characters (a lead without sentence ends).
OWN_SENTENCES = 4
OWN_REACH = 1000
# One alternation, in the order the lead states them: a fiscal year written with FY
# (its second part, or the first), a pair of consecutive years (a fiscal year or a
# season), a year alone, or a year relative to the publication.
_OWN_TIME = regex.compile(
    r"(?P<fy>(?<![\p{L}\p{N}])(?:Q[1-4]\s?)?FY\s?['’]?(?P<fy1>(?:[1१][9९]|[2२][0०])?\d\d)"
    r"(?:\s?[-–/]\s?['’]?(?P<fy2>\d\d))?(?![\p{N}]))"
    r"|(?P<pair>(?<![\p{N}.,:/])(?P<p1>(?:[1१][9९]|[2२][0०])\d\d)\s?[-–/]\s?['’]?(?P<p2>\d\d|(?:[1१][9९]|[2२][0०])\d\d)"
    r"(?![\p{N}]|[-/.:]\d))"
    r"|(?P<year>(?<![\p{N}.,:/])(?P<y>(?:[1१][9९]|[2२][0०])\d\d)(?![\p{N}]|[.,:/]\d|\s?%))"
    r"|(?P<rel>(?<![\p{L}])(?:this\s+year|this\s+fiscal|current\s+fiscal|current\s+financial\s+year"
    r"|इस\s+साल|इस\s+वर्ष|इस\s+बरस|चालू\s+वित्त\s*वर्ष|मौजूदा\s+वित्त\s*वर्ष)(?![\p{L}\p{M}]))",
    regex.IGNORECASE)
# Words of a sentence that compares with or retells the past: its years are history.
_HISTORY = regex.compile(
    r"(?<![\p{L}\p{M}])(?:last\s+year|previous|year[- ]ago|years?\s+ago|a\s+year\s+earlier|earlier"
    r"|compared|against|since|had|पिछले|पिछली|पिछला|गत|तुलना|जबकि|पहले|बाद\s+से"
    r"|था|थी|थे|थीं)(?![\p{L}\p{M}])", regex.IGNORECASE)
# Sentence ends inside a lead (a line break ends a headline).
_SENTENCE_END = regex.compile(r"[.!?।|]+(?=\s|$)|\n")
# The word before a year (on its line: spaces, a hyphen, a closing bracket or quote
# between), and the words after it.
_WORD_BEFORE_YEAR = regex.compile(r"([\p{L}\p{M}]+)[ \t\-–)\]\"'’]*$")
_WORD_AFTER_YEAR = regex.compile(r"[ \t\-–]*([\p{L}\p{M}]+)(?:[ \t]+([\p{L}\p{M}]+))?")


def _count_words() -> frozenset:
    """Words beside a four-digit number that make it a count, an amount or a
    duration, not a year (``करीब 2000 लोग``, ``2000 crore``, ``more than 2000``):
    the extractor's count words, units of time and scale, words of quantity."""
    from asimtext.pure import spans_lexicon as lex

    words = set()
    for cat, ws in lex.CONTEXT:
        if cat in ("COUNT", "MORE", "COUNTPREV"):
            words.update(ws.split())
    for _unit, ws in lex.UNITS:
        words.update(ws.split())
    for _scale, ws in lex.SCALES:
        words.update(ws.split())
    words.update("लोग people करीब क़रीब लगभग तकरीबन कुल मात्र केवल सिर्फ about nearly "
                 "approximately over total number only than ज्यादा ज़्यादा अधिक कम "
                 "rs rupees रुपये रुपए रुपया per फीसदी प्रतिशत percent".split())
    return frozenset(w.lower() for w in words)


def _not_names() -> frozenset:
    """Words before a year that make it a date or a time, not a name's year: months,
    weekdays, words of time and the prepositions and postpositions of time (``in
    2013``, ``मार्च 2020``, ``सन 1947``, ``2019 में``)."""
    from asimtext.pure import spans_lexicon as lex

    words = {w for entry in (*lex.MONTHS, *lex.WEEKDAYS) for part in entry[1:]
             for w in part.split()}
    words.update("in on at of to the a an and or than from since till until by before after "
                 "during around circa between through में से तक की का के को ने पर और या "
                 "सन सन् ई ईस्वी ईसवी".split())
    return frozenset(w.lower() for w in words)


_COUNT_WORDS = _count_words()
_NOT_NAMES = _not_names() | _COUNT_WORDS


def _names_year(s: str, start: int, end: int) -> bool:
    """Whether the year ``s[start:end]`` is the year of what a name names: a name's
    year (``NEET UG 2024``, ``नीट यूजी-2023``, ``(NEET UG) 2024``, ``पुरस्कार 2023``), a
    year before a name (``the 2024 Central Board``, ``2023 Padma awards``), or a
    year something is for (``for 2024``, ``2023 के लिए``); not a date's year, a year
    after a preposition (``in 2013``) or a count (``2000 लोग``)."""
    before = _WORD_BEFORE_YEAR.search(s, max(0, start - 40), start)
    after = _WORD_AFTER_YEAR.match(s, end)
    b = before.group(1).lower() if before else ""
    a = after.group(1) if after else ""
    if a.lower() in _COUNT_WORDS:
        return False
    # What something is for, after "for" or a word for "year" as well (``साल 2023 के
    # लिए``, ``for the year 2024``).
    if b == "for" or (a == "के" and after.group(2) == "लिए"):
        return True
    if b in _COUNT_WORDS:
        return False
    if b and b not in _NOT_NAMES:
        return True
    # A year before a name (capitalised, not a month): the edition it qualifies.
    return bool(a) and a[:1].isupper() and a.lower() not in _NOT_NAMES


def _history_sentence(lead: str, start: int, end: int, ends: Sequence[int]) -> bool:
    """Whether the sentence of ``lead[start:end]`` compares with or retells the past."""
    k = bisect.bisect_right(ends, start)
    lo = ends[k - 1] if k else 0
    hi = ends[k] if k < len(ends) else len(lead)
    return _HISTORY.search(lead, lo, hi) is not None


def own_time_markers(text: str, lead: int) -> frozenset:
    """The report's own time as read from ``text[:lead]`` (its headline and lead), as
    at most one marker: ``@own:y:2024`` (a calendar year), ``@own:fy:2024`` (the fiscal
    year ending in 2024: ``2023-24``, ``FY24``), ``@own:rel:y`` / ``@own:rel:fy``
    (this year, this fiscal: resolved against a publication date by
    :func:`own_time`). The first expression of a year in the lead that no sentence of
    history holds and that counts nothing (``2000 लोग``) is the report's (module
    notes above ``OWN``)."""
    s = text[:min(lead, OWN_REACH)]
    if _MAYBE.search(s) is None:
        return frozenset()
    ends: List[int] = []
    rel = None
    for m in _OWN_TIME.finditer(s):
        if not ends:
            ends = [e.start() for e in _SENTENCE_END.finditer(s)] or [len(s)]
        if _history_sentence(s, m.start(), m.end(), ends):
            continue
        if m.group("fy"):
            a = int(m.group("fy1")) % 100
            b = int(m.group("fy2")) if m.group("fy2") else None
            if b is not None and b != (a + 1) % 100:
                continue
            return frozenset({f"{OWN}fy:{2000 + (b if b is not None else a)}"})
        if m.group("pair"):
            a, b = int(m.group("p1")), int(m.group("p2"))
            if b % 100 != (a + 1) % 100 or (b >= 100 and b != a + 1):
                continue  # a span of years ("2017-2022"), not one fiscal year
            return frozenset({f"{OWN}fy:{a + 1}"})
        if m.group("year"):
            if _names_year(s, m.start(), m.end()):
                return frozenset({f"{OWN}y:{int(m.group('y'))}"})
            continue
        if rel is None:
            words = m.group("rel").lower()
            rel = "fy" if ("fiscal" in words or "वित्त" in words) else "y"
    # A year relative to the publication where the lead states none of its own.
    return frozenset({f"{OWN}rel:{rel}"}) if rel else frozenset()


def _fiscal_end(d: _dt.date) -> int:
    """The year the Indian fiscal year (April to March) holding ``d`` ends in."""
    return d.year + 1 if d.month >= 4 else d.year


def own_time(markers: Sequence[str], day: float) -> Tuple[int, int, bool]:
    """``(kind, value, stated)`` of a report's own time: kind 0 (unknown), 1 (a calendar
    year), 2 (a fiscal year, by the year it ends in); ``stated``: read from its text
    (:func:`own_time_markers`), not only from ``day`` (the day number it is placed on:
    its publication, or the full date its text shows to be its event's; NaN if none).

    A year relative to the publication (``this year``) is resolved against ``day``; a
    stated year two years or more from ``day`` is history the lead retells (a
    leader's birth year in the report of his award), and ``day`` decides."""
    d = _dt.date.fromordinal(int(day)) if day == day else None
    for m in markers:
        if not m.startswith(OWN):
            continue
        kind, value = m[len(OWN):].split(":", 1)
        if kind == "rel":
            if d is None:
                break
            return (2, _fiscal_end(d), True) if value == "fy" else (1, d.year, True)
        v = int(value)
        if d is not None:
            near = (d.year - v) if kind == "y" else min(abs(d.year - v), abs(d.year - v + 1))
            if abs(near) >= 2:
                break
        return (2 if kind == "fy" else 1), v, True
    if d is None:
        return 0, 0, False
    return 1, d.year, False


def other_times(kind: np.ndarray, value: np.ndarray, stated: np.ndarray
                ) -> Tuple[np.ndarray, np.ndarray]:
    """``(n, n)`` boolean pairs of reports whose own times (:func:`own_time`) cannot be
    one: ``(both stated, one stated)``. Calendar years meet where equal, fiscal years
    where equal, a calendar year and a fiscal year where the year is one of the two
    the fiscal year spans (2023 and 2024 for 2023-24). Two times read from dates alone
    are the window's to compare."""
    k, v = kind[:, None], value[:, None]
    k2, v2 = kind[None, :], value[None, :]
    known = (k > 0) & (k2 > 0)
    same_kind = k == k2
    cal_fy = (k == 1) & (k2 == 2)
    fy_cal = (k == 2) & (k2 == 1)
    meet = ((same_kind & (v == v2))
            | (cal_fy & ((v == v2) | (v == v2 - 1)))
            | (fy_cal & ((v2 == v) | (v2 == v - 1))))
    differ = known & ~meet
    s, s2 = stated[:, None], stated[None, :]
    return differ & s & s2, differ & (s ^ s2)


def own_times_of(texts: Sequence[str]) -> Callable[[Sequence[int]], List[frozenset]]:
    """A function giving the own-time markers (:func:`own_time_markers`, read over the
    first ``OWN_SENTENCES`` sentences) of some of ``texts`` by index, each read once,
    when first asked: the average link asks only for groups with an undated member
    (between dated articles the window decides)."""
    memo: Dict[int, frozenset] = {}

    def of(members: Sequence[int]) -> List[frozenset]:
        out = []
        for x in members:
            x = int(x)
            got = memo.get(x)
            if got is None:
                text = texts[x]
                got = memo[x] = own_time_markers(text, lead_end(text, OWN_SENTENCES))
            out.append(got)
        return out
    return of
