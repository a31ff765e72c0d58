"""Where and when a stated value holds (its *scope*), and which lines are page chrome.

* **place**: the gazetteer place (country, state, city, region) nearest before the
  value in its clause, else in its sentence (``ईरान में 237 लोगों की मौत`` -> Iran);
  ``देश में`` / ``in the country`` is the home country of Indian news, India.
* **as of**: a full date stated in the value's sentence (``28 मार्च तक``), else the
  publication date of the article (the day the value was reported).
* **metadata lines**: a value on a line that holds a tab (a table row), or on a short
  line that is little more than dates and times (``11:11 PM, 28-MAR-2020``,
  ``Updated: ...``), is page chrome: no fact and no event.
"""

from __future__ import annotations

from typing import Callable, List, Optional, Sequence, Tuple

import regex

from asimtext.chrome import is_chrome_at

__all__ = ["place_of", "candidates", "as_of", "is_metadata_line", "PLACE_KINDS", "default_gazetteer",
           "HOME_COUNTRY"]

PLACE_KINDS = frozenset({"country", "state", "city", "region"})
HOME_COUNTRY = "country:in"
_HOME = regex.compile(r"(?:देश(?:भर)?\s+में|देशभर|in\s+the\s+country|across\s+the\s+country|"
                   r"nationwide|पूरे\s+देश)", regex.IGNORECASE)
_STOP = regex.compile(r"[;|\t\n]|(?<!\d)[.।](?!\d)|जबकि|while|whereas")
_LETTERS = regex.compile(r"[A-Za-z\u0900-\u0963\u0971-\u097f]{2,}")
_AMPM = regex.compile(r"\b\d{1,2}:\d{2}\s*(?:AM|PM|am|pm|IST|बजे)?")

Finder = Callable[[str], Sequence[Tuple[int, int, str]]]


def default_gazetteer() -> Finder:
    """The Rust gazetteer where the build has it, else its pure twin."""
    try:
        from asimtext._core import gazetteer_find  # type: ignore[attr-defined]
        return gazetteer_find
    except ImportError:
        from asimtext.pure.gazetteer import gazetteer_find as pure
        return pure


def _kind(entry: str) -> str:
    return entry.split(":", 1)[0] if not entry.startswith("ut:") else "state"


def candidates(places: Sequence[Tuple[int, int, str]], text: str, sent_start: int
               ) -> List[Tuple[int, int, str]]:
    """The hits of a sentence a value may be about: places (not datelines, not
    ``outside X``). The same for every value of the sentence: computed once."""
    # A place opening the sentence before a comma is a dateline too ("नयी दिल्ली, देश में").
    places = [p for p in places if not (p[0] - sent_start <= 3 and _OPENER.match(text, p[1]))]
    return [p for p in places if (_kind(p[2]) in PLACE_KINDS or p[2].startswith("ut:"))
            and not _OUTSIDE_AFTER.match(text, p[1]) and not _DATELINE.match(text, p[1])
            and not _OUTSIDE_BEFORE.search(text[max(0, p[0] - 12):p[0]])]


def place_of(places: Sequence[Tuple[int, int, str]], text: str, start: int, end: int,
             sent_start: int, sent_end: int,
             cands: Optional[Sequence[Tuple[int, int, str]]] = None) -> Optional[str]:
    """The place a value at ``text[start:end]`` is about (a gazetteer id), or None.
    ``places`` are the gazetteer hits of the sentence (document offsets); ``cands``
    their :func:`candidates`, if the caller has them."""
    if cands is None:
        cands = candidates(places, text, sent_start)
    if not cands:
        # What the rules below come to without a candidate (most sentences: 2 in 3
        # values of a 10k digest), without the clause searches they make: the
        # home-country phrase anywhere in the sentence (one before the value is one
        # in the sentence).
        return HOME_COUNTRY if _HOME.search(text, sent_start, sent_end) else None
    # The clause: from the last stop before the value to the first after it.
    last = _LAST_STOP.match(text, sent_start, start)
    lo = last.end() if last is not None else sent_start
    m = _STOP.search(text, end, sent_end)
    hi = m.start() if m else sent_end
    before = [p for p in cands if lo <= p[0] and p[1] <= start]
    if before:
        return before[-1][2]
    # "देश में" names the home country unless the sentence named another before it
    # (कोरिया ... देश में).
    foreign = [p for p in cands if sent_start <= p[0] and p[1] <= start
               and p[2].startswith("country:") and p[2] != HOME_COUNTRY]
    if not foreign and _HOME.search(text, lo, start):
        return HOME_COUNTRY
    if _latin(text, start, end):  # English puts the place after: "44 deaths in Italy"
        after = [p for p in cands if p[0] >= end and p[1] <= hi]
        if after:
            return after[0][2]
    # Else the sentence before the value, but not across a contrast ("X में ..., जबकि
    # चीन के बाहर 686": the value is not about X).
    last = _LAST_CONTRAST.match(text, sent_start, start)
    floor = last.end() if last is not None else sent_start
    whole = [p for p in cands if floor <= p[0] and p[1] <= start]
    if whole:
        return whole[-1][2]
    if not foreign and _HOME.search(text, sent_start, sent_end):
        return HOME_COUNTRY
    return None


# "चीन के बाहर", "outside China": the place is where the value is not.
_OUTSIDE_AFTER = regex.compile(r"\s*(?:के|से)\s+(?:बाहर|अलावा|इतर)")
_OUTSIDE_BEFORE = regex.compile(r"(?:outside|excluding|except|beyond)\s+(?:the\s+)?$", regex.IGNORECASE)
# A dateline ("नयी दिल्ली, 30 मार्च (भाषा)", "LUCKNOW, March 30:") names where the
# report was filed, not what its numbers are about.
_DATELINE = regex.compile(r"\s*[,:]\s*(?:\d{1,2}\s+[^\s,():]+|[^\s,():]+\s+\d{1,2})\s*(?:\(|:|,\s*\d{4})")
_OPENER = regex.compile(r"\s*,")
_CONTRAST = regex.compile(r"जबकि|वहीं|लेकिन|\bwhile\b|\bwhereas\b|\bbut\b", regex.IGNORECASE)
# The last stop (contrast) before a value, found in C by one match: no stop word
# contains the start of another, so the rightmost match is the last one a scan from
# the left finds (a Python loop over a long sentence's stops cost the most per value).
_LAST_STOP = regex.compile(r"(?s:.*)(?:" + _STOP.pattern + ")")
_LAST_CONTRAST = regex.compile(r"(?s:.*)(?:" + _CONTRAST.pattern + ")", regex.IGNORECASE)
_LAT = regex.compile(r"[A-Za-z]+")
_DEV = regex.compile(r"[\u0900-\u097f]+")


def _latin(text: str, start: int, end: int) -> bool:
    """Latin letters outnumber Devanagari characters within 60 characters of the
    value (counted as the lengths of their runs: one string per word, not one per
    character, 3x faster)."""
    around = text[max(0, start - 60):end + 60]
    return sum(map(len, _LAT.findall(around))) > sum(map(len, _DEV.findall(around)))


def as_of(stated_dates: Sequence[Tuple[int, int, str]], start: int, sent_start: int,
          sent_end: int, published: Optional[str]) -> Tuple[Optional[str], str]:
    """``(date, origin)``: a full date stated in the sentence (the nearest one before
    the value, else after), origin ``stated``; else the publication day, ``published``."""
    inside = [d for d in stated_dates if sent_start <= d[0] < sent_end and len(d[2]) >= 10]
    before = [d for d in inside if d[0] < start]
    pick = before[-1] if before else (inside[0] if inside else None)
    if pick is not None:
        return pick[2][:10], "stated"
    return (published[:10] if published else None), "published"


def line_of(text: str, start: int, end: int) -> Tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, (len(text) if b < 0 else b)


def is_metadata_line(text: str, start: int, end: int,
                     spans_on_line: Sequence[Tuple[int, int]] = (),
                     line: Optional[Tuple[int, int]] = None,
                     has_tab: Optional[bool] = None) -> bool:
    """Whether the value at ``text[start:end]`` sits in a table row or in page chrome.
    ``line``: its :func:`line_of`, and ``has_tab``: whether the line holds a tab, if
    the caller has them."""
    a, b = line if line is not None else line_of(text, start, end)
    # Read in place: a page without line breaks is one line, which a copy (or a
    # search) per value would make quadratic.
    if has_tab if has_tab is not None else text.find("\t", a, b) >= 0:
        return True
    if is_chrome_at(text, a, b):
        return True
    if b - a > 120:
        return False
    line = text[a:b]
    rest = line
    for s, e in sorted(spans_on_line, reverse=True):
        if a <= s and e <= b:
            rest = rest[: s - a] + " " + rest[e - a:]
    rest = _AMPM.sub(" ", rest)
    return len(_LETTERS.findall(rest)) < 3 and bool(_AMPM.search(line) or len(line) < 40)


def places_in(finder: Finder, text: str, lo: int, hi: int) -> List[Tuple[int, int, str]]:
    """The gazetteer hits of ``text[lo:hi]`` with document offsets."""
    return [(s + lo, e + lo, k) for s, e, k in finder(text[lo:hi])]
