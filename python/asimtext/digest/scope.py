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

from bisect import bisect_left, bisect_right
from typing import Any, Callable, List, Optional, Sequence, Tuple

import regex

from asimtext.chrome import is_chrome_at

__all__ = ["place_of", "candidates", "sentence_place", "UNDECIDED", "as_of", "as_of_days",
           "sentence_days", "event_day", "is_metadata_line", "PLACE_KINDS", "default_gazetteer",
           "HOME_COUNTRY"]

PLACE_KINDS = frozenset({"country", "state", "city", "region"})
HOME_COUNTRY = "country:in"
# "देश में" is the home country; not inside a word ("प्रदेश में", "विदेश में": abroad) and
# not after a demonstrative ("इस यूरोपीय देश में": the country just named).
_HOME = regex.compile(r"(?:(?<![\u0900-\u097f])(?<!(?:इस|उस|किसी|दूसरे|अन्य|हर)\s+(?:[\u0900-\u097f]+\s+)?)"
                   r"(?:देश(?:भर)?\s+में|देशभर)|in\s+the\s+country|across\s+the\s+country|"
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
    if not places:
        return []
    # A place opening the sentence before a comma is a dateline too ("नयी दिल्ली, देश में").
    places = [p for p in places if not (p[0] - sent_start <= 3 and _OPENER.match(text, p[1]))]
    # An English dateline in capitals, with or without a date ("BHUBANESWAR: The toll").
    places = [p for p in places if not (p[0] - sent_start <= 3 and _CAPS_DATELINE.match(text, p[1])
                                        and _is_caps(text[p[0]:p[1]]))]
    return [p for p in places if (_kind(p[2]) in PLACE_KINDS or p[2].startswith("ut:"))
            and not _OUTSIDE_AFTER.match(text, p[1]) and not _DATELINE.match(text, p[1])
            and not _OUTSIDE_BEFORE.search(text[max(0, p[0] - 12):p[0]])]


def place_of(places: Sequence[Tuple[int, int, str]], text: str, start: int, end: int,
             sent_start: int, sent_end: int,
             cands: Optional[Sequence[Tuple[int, int, str]]] = None,
             stops: Optional["Stops"] = None) -> Optional[str]:
    """The place a value at ``text[start:end]`` is about (a gazetteer id), or None.
    ``places`` are the gazetteer hits of the sentence (document offsets); ``cands``
    their :func:`candidates`, if the caller has them; ``stops`` the sentence's
    :func:`clause_stops`, if the caller has them."""
    if cands is None:
        cands = candidates(places, text, sent_start)
    if not cands:
        got = sentence_place(text, sent_start, sent_end, cands)
        if got is not UNDECIDED:
            return got
    # The clause: from the last stop before the value to the first after it.
    if stops is not None and sent_start <= start <= end <= sent_end:
        lo, hi = _clause_in(stops, text, start, end, sent_start, sent_end)
    else:
        last = _LAST_STOP.match(text, sent_start, start)
        lo = last.end() if last is not None else sent_start
        m = _STOP.search(text, end, sent_end)
        hi = m.start() if m else sent_end
    before = [p for p in cands if lo <= p[0] and p[1] <= start]
    # "देश में" names the home country unless the sentence named another before it
    # (कोरिया ... देश में).
    foreign = [p for p in cands if sent_start <= p[0] and p[1] <= start
               and p[2].startswith("country:") and p[2] != HOME_COUNTRY]
    if before:
        # "स्वास्थ्य मंत्रालय नयी दिल्ली, देश में ... 1,017": "देश में" between a place
        # and the value is nearer to it than the place (a slug's dateline).
        if not foreign and not before[-1][2].startswith("country:") and \
                _home_in(text, before[-1][1], start):
            return _home(text, sent_start)
        return before[-1][2]
    if not foreign and _home_in(text, lo, start):
        return _home(text, sent_start)
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
    if not foreign and _home_in(text, sent_start, sent_end):
        return _home(text, sent_start)
    if _state_ref_in(text, max(lo, start - CLAUSE_REACH), min(hi, end + CLAUSE_REACH)):
        return _named_before(text, sent_start, "state")
    return None


#: What :func:`sentence_place` answers where the place depends on the value.
UNDECIDED = object()


def sentence_place(text: str, sent_start: int, sent_end: int,
                   cands: Sequence[Tuple[int, int, str]]) -> Any:
    """The place :func:`place_of` gives every value of a sentence whose
    :func:`candidates` are ``cands``, where that is the same for all of them, else
    :data:`UNDECIDED`. Without a candidate (most sentences: 2 in 3 values of a 10k
    digest) the rules of :func:`place_of` come to this, without the clause searches
    they make: the home-country phrase anywhere in the sentence (one before the
    value is one in the sentence), else no place unless the sentence refers to a
    state (``राज्य में``: read per value). It reads the sentence only, so a caller
    with many values in one sentence asks it once."""
    if cands:
        return UNDECIDED
    if not _may_name_home_or_state(text, sent_start, sent_end):
        return None
    if _HOME.search(text, sent_start, sent_end):
        return _home(text, sent_start)
    if not _STATE_REF.search(text, sent_start, sent_end):
        return None
    return UNDECIDED


# The characters other than ASCII letters a case-insensitive pattern matches to one
# (İ: i, ſ: s, K: k; tests/test_fast_mentions.py finds them all).
FOLDS_TO_ASCII = ("\u0130", "\u017f", "\u212a")
_FOLDS_TO_ASCII = FOLDS_TO_ASCII


def may_hold(text: str, lo: int, hi: int, words: Tuple[Tuple[str, ...], Tuple[str, ...]]
             ) -> bool:
    """False where ``text[lo:hi]`` holds none of ``words`` (Devanagari ones as written,
    Latin ones in any case): substring tests, cheaper than a case-insensitive search
    each of whose matches holds one of the words, on the most stretches, which hold
    none. (Plain loops, no generators; the stretch is lower-cased only where it holds
    the first letter of a Latin word.)"""
    sub = text[lo:hi]
    dev, latin = words
    for w in dev:
        if w in sub:
            return True
    for c in FOLDS_TO_ASCII:
        if c in sub:
            return True  # (rare: the search tells)
    for c in _initials(latin):
        if c in sub:
            break
    else:
        return False
    low = sub.lower()
    for w in latin:
        if w in low:
            return True
    return False


_INITIALS: dict = {}


def _initials(latin: Tuple[str, ...]) -> str:
    """The first letters of ``latin`` words in both cases (one of them is in every
    stretch that holds one of the words)."""
    got = _INITIALS.get(latin)
    if got is None:
        got = _INITIALS[latin] = "".join(sorted({c for w in latin
                                                 for c in (w[0].lower(), w[0].upper())}))
    return got


# Words one of which every match of _HOME or _STATE_REF holds.
_HOME_OR_STATE_WORDS = (("देश", "राज्य", "सूबे"), ("country", "nationwide", "state"))


_HOME_WORDS = (("देश",), ("country", "nationwide"))
_STATE_WORDS = (("राज्य", "सूबे"), ("state",))


def _home_in(text: str, lo: int, hi: int) -> bool:
    """Whether ``_HOME`` matches in ``text[lo:hi]`` (searched only where its words are)."""
    return may_hold(text, lo, hi, _HOME_WORDS) and _HOME.search(text, lo, hi) is not None


def _state_ref_in(text: str, lo: int, hi: int) -> bool:
    """Whether ``_STATE_REF`` matches in ``text[lo:hi]`` (searched only where its words
    are)."""
    return may_hold(text, lo, hi, _STATE_WORDS) and _STATE_REF.search(text, lo, hi) is not None


def _may_name_home_or_state(text: str, lo: int, hi: int) -> bool:
    """False where ``text[lo:hi]`` holds no match of ``_HOME`` nor of ``_STATE_REF``:
    each match holds देश, राज्य, सूबे, or (in any case) country, nationwide or state."""
    return may_hold(text, lo, hi, _HOME_OR_STATE_WORDS)


# "राज्य में", "in the state": the state its paragraph last named ("बिहार में ... । राज्य में
# अब तक 15 संक्रमित").
_STATE_REF = regex.compile(r"(?<![\u0900-\u097f])(?:राज्य|सूबे)\s+(?:में|के\s+भीतर)(?![\u0900-\u097f])"
                           r"|\bin\s+the\s+state\b|\bstatewide\b|\bthe\s+state's\b",
                           regex.IGNORECASE)


def _named_before(text: str, sent_start: int, kind: str) -> Optional[str]:
    """The last place of ``kind`` (``state``: states and union territories) named in the
    paragraph before ``sent_start``, or None."""
    lo = max(text.rfind("\n", 0, sent_start) + 1, sent_start - LOOK_BACK)
    if lo >= sent_start:
        return None
    if not _FINDER:
        _FINDER.append(default_gazetteer())
    hits = [p for p in places_in(_FINDER[0], text, lo, sent_start) if _kind(p[2]) == kind]
    return hits[-1][2] if hits else None


_FINDER: List[Finder] = []
LOOK_BACK = 400
CLAUSE_REACH = 200


def _home(text: str, sent_start: int) -> str:
    """The country "देश में" names: the home country, unless the sentences before it in
    its paragraph last named a foreign one (``ईरान में ... । देश में इस बीमारी से संक्रमण
    के मामलों की संख्या 978 पहुंच गई है``: Iran's cases, not India's)."""
    lo = max(text.rfind("\n", 0, sent_start) + 1, sent_start - LOOK_BACK)
    if lo >= sent_start:
        return HOME_COUNTRY
    if not _FINDER:
        _FINDER.append(default_gazetteer())
    hits = [p for p in places_in(_FINDER[0], text, lo, sent_start)
            if p[2].startswith("country:") and not _OUTSIDE_AFTER.match(text, p[1])
            and not _OUTSIDE_BEFORE.search(text[max(0, p[0] - 12):p[0]])]
    return hits[-1][2] if hits else HOME_COUNTRY


# "चीन के बाहर", "outside China": the place is where the value is not.
_OUTSIDE_AFTER = regex.compile(r"\s*(?:के|से)\s+(?:बाहर|अलावा|इतर)")
_OUTSIDE_BEFORE = regex.compile(r"(?:outside|excluding|except|beyond)\s+(?:the\s+)?$", regex.IGNORECASE)
# A dateline ("नयी दिल्ली, 30 मार्च (भाषा)", "LUCKNOW, March 30:") names where the
# report was filed, not what its numbers are about.
_DATELINE = regex.compile(r"\s*[,:]\s*(?:\d{1,2}\s+[^\s,():]+|[^\s,():]+\s+\d{1,2})\s*(?:\(|:|,\s*\d{4})")
_OPENER = regex.compile(r"\s*,")
_CAPS_DATELINE = regex.compile(r"\s*[:,]")


def _is_caps(name: str) -> bool:
    """A place name written in capitals (``BHUBANESWAR``, ``NEW DELHI``), as datelines are."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 4 and all(c.isascii() and c.isupper() for c in letters)
_CONTRAST = regex.compile(r"जबकि|वहीं|लेकिन|\bwhile\b|\bwhereas\b|\bbut\b", regex.IGNORECASE)
# The last stop (contrast) before a value, found in C by one match: no stop word
# contains the start of another, so the rightmost match is the last one a scan from
# the left finds (a Python loop over a long sentence's stops cost the most per value).
_LAST_STOP = regex.compile(r"(?s:.*)(?:" + _STOP.pattern + ")")
_LAST_CONTRAST = regex.compile(r"(?s:.*)(?:" + _CONTRAST.pattern + ")", regex.IGNORECASE)

#: The stops of a sentence (:func:`clause_stops`): their starts and ends, in text order.
Stops = Tuple[List[int], List[int]]


def clause_stops(text: str, sent_start: int, sent_end: int) -> Stops:
    """Where the stops (``_STOP``) of the sentence ``text[sent_start:sent_end]`` are:
    found once for all its values (a backward match per value cost the most of
    :func:`place_of`). No stop contains the start of another, so these are all of them."""
    found = [(x.start(), x.end()) for x in _STOP.finditer(text, sent_start, sent_end)]
    return [a for a, _b in found], [b for _a, b in found]


def _clause_in(stops: Stops, text: str, start: int, end: int, sent_start: int,
               sent_end: int) -> Tuple[int, int]:
    """The clause of the value at ``text[start:end]`` as :func:`place_of` reads it from
    the searches (``_LAST_STOP.match(text, sent_start, start)``, ``_STOP.search(text,
    end, sent_end)``), from the sentence's ``stops``. The one difference a search
    that ends at ``start`` makes: its end is no digit, so a full stop right before the
    value (``.5``) is a stop there and in no list of the whole sentence: tested alone."""
    starts, ends = stops
    if start > sent_start and _STOP.match(text, start - 1, start) is not None:
        lo = start
    else:
        i = bisect_right(ends, start)
        lo = ends[i - 1] if i else sent_start
    j = bisect_left(starts, end)
    hi = starts[j] if j < len(starts) else sent_end
    return lo, hi


_LAT = regex.compile(r"[A-Za-z]+")
_DEV = regex.compile(r"[\u0900-\u097f]+")


def _latin(text: str, start: int, end: int) -> bool:
    """Latin letters outnumber Devanagari characters within 60 characters of the
    value (counted as the lengths of their runs: one string per word, not one per
    character, 3x faster)."""
    around = text[max(0, start - 60):end + 60]
    return sum(map(len, _LAT.findall(around))) > sum(map(len, _DEV.findall(around)))


def as_of(stated_dates: Sequence[Tuple[int, int, str]], start: int, sent_start: int,
          sent_end: int, published: Optional[str], text: Optional[str] = None
          ) -> Tuple[Optional[str], str]:
    """``(date, origin)``: a full date stated in the sentence, origin ``stated``; else the
    publication day, ``published``.

    Which stated date: one right after the value (``rose to 261 on June 3``), else the
    nearest before it, else the first after it. With ``text``, a date that is the day of
    an *event* the sentence names rather than of the count (``30 जुलाई को हुए भूस्खलन में
    ... 297``, ``the accident that occurred on Friday evening``, ``in the three-train crash
    on Friday``, ``Friday's accident``) is no as-of day: a toll stated days later about a
    crash on Friday holds on the day it was stated, and two such tolls stated days apart
    are an update, not a conflict."""
    if text is None:
        inside = [d for d in stated_dates if sent_start <= d[0] < sent_end and _ISO_DAY.match(d[2])]
        before = [d for d in inside if d[0] < start]
        pick = before[-1] if before else (inside[0] if inside else None)
        if pick is not None:
            return pick[2][:10], "stated"
        return (published[:10] if published else None), "published"
    starts, days = _days_of_sentence(stated_dates, sent_start, sent_end, text)
    return as_of_days(starts, days, start, published, text)


def as_of_days(starts: Sequence[int], days: Sequence[Tuple[int, int, str]], start: int,
               published: Optional[str], text: str) -> Tuple[Optional[str], str]:
    """:func:`as_of` (with ``text``) given the days of the value's sentence that may
    date it and their starts (:func:`sentence_days`): a caller with many values in
    one sentence finds them once."""
    i = bisect_left(starts, start)
    if i < len(days):
        d = days[i]
        if _VALUE_THEN_DAY.fullmatch(text, start, d[0]):
            return d[2][:10], "stated"
    if i > 0:
        return days[i - 1][2][:10], "stated"
    # A date after the value counts inside its own clause only: a full stop with no space
    # after it ("दर्ज है।यह लैंडस्लाइड सोमवार ...") did not end the sentence, and "बढ़कर 39
    # हो गई है, जो पिछले मंगलवार तक सिर्फ छह थी" dates the six, not the 39.
    if i < len(days) and days[i][0] - start <= CLAUSE_REACH and \
            _FULL_STOP.search(text, start, days[i][0]) is None:
        return days[i][2][:10], "stated"
    return (published[:10] if published else None), "published"


# The days of the sentence that may date a value (full, resolved, no event's), computed
# once per sentence: a page that is one long sentence of numbers and dates would
# otherwise test every date for every value. Keyed by the text's identity (each entry
# keeps its text, so an id is not reused while its entry lives; safe across threads).
_SENTENCE_DAYS: dict = {}
SENTENCE_DAYS_KEPT = 4096


def sentence_days(stated_dates: Sequence[Tuple[int, int, str]], sent_start: int,
                  sent_end: int, text: str) -> Tuple[List[int], List[Tuple[int, int, str]]]:
    """The days of a sentence that may date its values (see :func:`as_of`): full,
    resolved, no event's; in text order, with their starts."""
    days = sorted((d for d in stated_dates if sent_start <= d[0] < sent_end
                   and _ISO_DAY.match(d[2]) and not event_day(text, d[0], d[1])),
                  key=lambda d: d[0])
    return [d[0] for d in days], days


def _days_of_sentence(stated_dates: Sequence[Tuple[int, int, str]], sent_start: int,
                      sent_end: int, text: str) -> Tuple[List[int], List[Tuple[int, int, str]]]:
    key = (id(text), sent_start, sent_end, len(stated_dates))
    got = _SENTENCE_DAYS.get(key)
    if got is None or got[0] is not text:
        starts, days = sentence_days(stated_dates, sent_start, sent_end, text)
        if len(_SENTENCE_DAYS) >= SENTENCE_DAYS_KEPT:
            _SENTENCE_DAYS.clear()
        got = _SENTENCE_DAYS[key] = (text, starts, days)
    return got[1], got[2]


# A date followed by an attributive participle names the day of an event ("30 जुलाई को
# हुए भूस्खलन", "शुक्रवार की शाम हुए हादसे"); an English date inside a relative clause
# ("the landslides that hit Wayanad on Tuesday", "the accident that occurred on Friday
# evening") or in the possessive ("Friday's accident") does the same.
_EVENT_AFTER = regex.compile(
    r"\s*(?:\([^()\n]{1,24}\)\s*)?(?:की\s+)?(?:(?:सुबह|शाम|रात|दोपहर|तड़के|देर\s+रात)\s+)?"
    r"(?:को\s+)?(?:हुए|हुई|हुआ|घटी|घटे)(?![\u0900-\u097f])"
    r"|['’]s\s+\w", regex.IGNORECASE)
# "15 जनवरी तक विदेश यात्रा करने वाले 373 लोगों": the date of a participle ("वाले")
# describing the people counted.
_PARTICIPLE_AFTER = regex.compile(
    r"\s*(?:(?:तक|को|में|से)\s+)?(?:[^\s\d,।]+\s+){0,3}?[^\s\d,।]*ने\s+वाल(?:े|ों|ी)(?![\u0900-\u097f])")
# Read only where one of its words is there (a page of numbers and dates tests every
# date of every sentence once).
_EVENT_BEFORE_CUE = regex.compile(r"\b(?:that|which|in|of|from|after|the|an?|this|its)\s",
                                  regex.IGNORECASE)
AFTER_REACH = 60
BEFORE_REACH = 80
_EVENT_BEFORE = regex.compile(
    r"(?:\b(?:that|which)\s+(?:[^\s,.;:!?]+\s+){0,6}?(?:early\s+)?"
    r"|\b(?:in|of|from|after)\s+(?:the|a|an|this|its)\s+(?:[^\s,.;:!?]+\s+){1,10}?)"
    r"(?:on|in|at)\s+(?:the\s+)?$"
    # "The accident Friday night killed at least 261": a bare day right after a noun
    r"|\b(?:the|a|an|this|its)\s+[A-Za-z][\w-]*\s+$", regex.IGNORECASE)
# "261 on June 3", "357 by Saturday night": the date right after the value is its day.
_FULL_STOP = regex.compile(r"(?<!\d)[.।?!,;](?!\d)")
# A resolved day ("2020-03-08"), not a relative one left unresolved ("W-1:tuesday").
_ISO_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")
_VALUE_THEN_DAY = regex.compile(r"[\d,.]+\s+(?:on|by|till|until|as\s+of|as\s+on)\s+(?:the\s+)?",
                                regex.IGNORECASE)


# A date that opens a period ("15 जनवरी से अब तक 373 लोग", "since January 15") is when
# the count began, not the day it holds on.
_SINCE_AFTER = regex.compile(r"\s*से(?![\u0900-\u097f])(?!\s*(?:पहले|पूर्व)(?![\u0900-\u097f]))")
_SINCE_BEFORE = regex.compile(r"\bsince\s+(?:the\s+)?$", regex.IGNORECASE)


def event_day(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` dates an event its sentence names, or
    opens a period, rather than dating a value (see :func:`as_of`)."""
    after = text[end:end + AFTER_REACH]
    if _EVENT_AFTER.match(after) or _SINCE_AFTER.match(after):
        return True
    if "वाल" in after and _PARTICIPLE_AFTER.match(after):
        return True
    before = text[max(0, start - BEFORE_REACH):start]
    if _SINCE_BEFORE.search(before) is not None:
        return True
    return _EVENT_BEFORE_CUE.search(before) is not None and \
        _EVENT_BEFORE.search(before) is not None


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
