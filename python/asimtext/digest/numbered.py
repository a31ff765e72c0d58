"""Numbered names: a name joined to a number by a hyphen (``Chandrayaan-3``,
``चंद्रयान-2``, ``PK-8303``, ``COVID-19``), the number being part of what is named;
and a name followed by a year, the edition it names (``Budget 2025-26``, ``बजट 2024-25``,
``Union Budget 2024``, ``World Cup 2023``, ``चुनाव 2020``; a month, a weekday or a word
for "year" before it makes a date, not a name: ``मार्च 2020``, ``साल 2019``).

Two reports naming the same name with different numbers, and none in common, name
two different things (the second and the third lunar mission, the budgets of two
years), however alike their words: strong evidence of two events, when they name it in
their leads (what the
report is about; further down, "ward-12" and "top-10" are details). The name is keyed across scripts, so that
``चंद्रयान-3`` and ``Chandrayaan-3`` are one numbered name.
"""

from __future__ import annotations

import re
from typing import Callable, Dict, FrozenSet, List, Optional, Sequence, Tuple

import numpy as np
import regex

from asimtext.digest.text import WORD_RE
from asimtext.pure.spans_lexicon import MONTHS, UNITS, WEEKDAYS

__all__ = ["numbered_names", "numbered_names_and_lead", "different_numbers",
           "different_editions", "own_edition", "lead_ordinals", "different_ordinals",
           "own_ordinal", "ORDINAL"]

# A hyphen (or dash), then 1-5 digits that no letter or digit follows; the word before
# it (ending right at the hyphen) is found by looking back: a regex starting with the
# word would rescan every word at each of its letters.
_NUMBERED = re.compile(r"[-‐‑–](\d{1,5})(?![\d\w])")
_HYPHENS = "-\u2010\u2011\u2013"  # (those of _NUMBERED)
_LAST_WORD = re.compile(rf"(?:{WORD_RE.pattern})$")
_REACH = 40  # characters looked back for the word
# An edition's year with the script of its name: a name's key may differ across
# scripts (``बजट`` -> ``bajat``, ``Budget`` -> ``budget``), so across scripts the
# editions' years alone are compared.
EDITION = "@edition:"
# A year (1900-2099) after a space, with a fiscal year's second part (``2024-25``,
# ``2025-2026``) or not, that no digit, letter or further date part follows.
_YEAR_AFTER = re.compile(r" {1,2}((?:19|20)\d\d)(?:[-–/](?:\d\d|(?:19|20)\d\d))?(?![\d\w]|[-/.]\d)")
# Words before a year that make it a date or a time, not an edition: months,
# weekdays, words for "year", and the prepositions of time that carry a key.
_TIME_WORDS = frozenset(
    w.lower() for entry in (*MONTHS, *WEEKDAYS) for part in entry[1:] for w in part.split()
) | frozenset(w for unit, words in UNITS if unit == "Y" for w in words.split()) | frozenset(
    "सन ईस्वी ई. ईसवी till until upto by since from before after during around circa "
    "year's session batch class".split()) | frozenset(
    # ... and words of quantity: the number after them is a count ("संख्या 2017",
    # "करीब 2000 लोग"), as are numbers after a conjunction opening a clause.
    "संख्या तादाद करीब क़रीब लगभग तकरीबन कुल मात्र केवल सिर्फ जबकि वहीं about nearly "
    "approximately approx over total number some only just".split())


# Which time of a recurring thing a report is about: an ordinal in digits (``55th
# meeting``, ``56वीं बैठक``, ``55 वीं बैठक``, ``50वी बैठक``, ``101st launch``), marked
# ``@ordinal:<script>:<noun>:55`` in the lead's names with the thing it counts (the
# word after it, names skipped: ``56th GST Council meeting`` counts meetings). The
# Council's 55th and 56th meetings, a
# mission's 100th and 101st launches, share every word but the number.
ORDINAL = "@ordinal:"
_ORDINAL = regex.compile(
    r"(?<![\w.,])(\d{1,4})(?:(?:st|nd|rd|th)\b|\s?(?:वीं|वी|वां|वाँ|वें|वे)(?![\p{Devanagari}]))")
_WORD_AFTER = regex.compile(r"[\s\-–]*([\w\p{M}]+)")
# The thing an ordinal counts: the first word after it that is no name (capitalised);
# where that word only links the name to the sentence ("52nd Chief Justice of India
# at Rashtrapati Bhavan", "in a ceremony"), the name's last word (a title is the thing:
# "51st Chief Justice Of India:" counts the same as "52nd Chief Justice of India at").
_THING = regex.compile(r"((?:\s+(?:[A-Z][\w\p{M}'’.-]*|of|the))*)\s+([\w\p{M}]+)")
_LINK_WORDS = frozenset(
    "at in on by for to and as with from was is are were has had have will after before "
    "amid during since until till into onto over under near".split())
_NAME_WORD = regex.compile(r"[A-Z][\w\p{M}]*")
_WORD_BEFORE = regex.compile(r"([\w\p{M}]+)[\s,]*$")
# Words beside an ordinal that make it a day of a month ("4th November", "September
# 3rd", "the 5th of July"), a time unit's count ("5th day", "10वें दिन", "21st
# century") or a school class ("10वीं कक्षा", "class 12th": the 10th and 12th board
# exams are postponed together): not which time of an event a report is about.
_ORDINAL_NOT = frozenset(
    w.lower() for entry in (*MONTHS, *WEEKDAYS) for part in entry[1:] for w in part.split()
) | frozenset(w for _unit, words in UNITS for w in words.split()) | frozenset(
    "of century centuries सदी शताब्दी कक्षा क्लास class classes standard grade".split())


def lead_ordinals(text: str, end: int) -> FrozenSet[str]:
    """The ordinals in digits of ``text[:end]`` (a report's lead) that name which time
    of something a report is about (``@ordinal:deva:बैठक:56``, ``@ordinal:latn:meeting:56``:
    the script, the thing counted, the number); those beside a month, a weekday, a unit
    of time or a school class (dates, durations, classes) left out."""
    out = set()
    lead = text[:end]
    for m in _ORDINAL.finditer(lead):
        after = _WORD_AFTER.match(lead, m.end())
        before = _WORD_BEFORE.search(lead, max(0, m.start() - 30), m.start())
        if ((after and after.group(1).lower() in _ORDINAL_NOT)
                or (before and before.group(1).lower() in _ORDINAL_NOT)):
            continue
        thing = _THING.match(lead, m.end())
        noun = thing.group(2).lower() if thing else ""
        if noun in _LINK_WORDS:
            names = _NAME_WORD.findall(thing.group(1))
            noun = names[-1].lower() if names else noun
        script = "deva" if "\u0900" <= (noun[:1] or " ") <= "\u097f" else "latn"
        out.add(f"{ORDINAL}{script}:{noun}:{int(m.group(1))}")
    return frozenset(out)


def numbered_names(text: str, key: Callable[[str], str],
                   end: Optional[int] = None) -> FrozenSet[str]:
    """The numbered names of a text (of ``text[:end]``) as ``"key-number"`` strings
    (number without leading zeros); ``key`` maps a word to its cross-script key
    (empty: no key)."""
    return frozenset(name for _at, name, _script in _found(text, key, end))


def numbered_names_and_lead(text: str, key: Callable[[str], str],
                            lead: int) -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """:func:`numbered_names` of the whole text and of ``text[:lead]``, in one pass;
    in the lead's, an edition (a name followed by a year) is marked with the script of
    its name (``@edition:deva:bajat-2025``): :func:`different_editions` compares them,
    :func:`different_numbers` the others. Editions are read in the lead only (what the
    report is about; and a scan of every year of every text costs a pass over the
    corpus)."""
    found = _found(text, key, None, lead)
    return (frozenset(name for _at, name, _script in found),
            frozenset(f"{EDITION}{script}:{name}" if script else name
                      for at, name, script in found if at <= lead) | lead_ordinals(text, lead))


def _found(text: str, key: Callable[[str], str], end: Optional[int],
           editions_end: Optional[int] = None) -> List[Tuple[int, str, str]]:
    """(end, name, script of an edition's name, else "") of each numbered name of
    ``text[:end]``, editions (a name and a year after a space) of ``text[:editions_end]``."""
    out = []
    stop = len(text) if end is None else end
    years_end = stop if editions_end is None else min(stop, editions_end)
    # (a year after a space needs " 19" or " 20": most leads have neither, and
    # ``str.find`` tells so ten times faster than the pattern's search)
    has_year = text.find(" 19", 0, years_end) >= 0 or text.find(" 20", 0, years_end) >= 0
    for m in _YEAR_AFTER.finditer(text, 0, years_end) if has_year else ():
        w = _LAST_WORD.search(text, max(0, m.start() - _REACH), m.start())
        if w is None or w.group(0).lower() in _TIME_WORDS:
            continue
        k = key(w.group(0))
        if k:
            script = "deva" if "\u0900" <= w.group(0)[0] <= "\u097f" else "latn"
            out.append((m.end(), f"{k}-{int(m.group(1))}", script))
    for m in _numbered_matches(text, stop):
        if m.start() == 0 or not WORD_RE.match(text, m.start() - 1):
            continue
        w = _LAST_WORD.search(text, max(0, m.start() - _REACH), m.start())
        k = key(w.group(0)) if w else ""
        if not k:
            continue
        num = m.group(1)
        if len(num) == 4 and num[:2] in ("19", "20"):  # a year: an edition (बजट-2025)
            if w.group(0).lower() in _TIME_WORDS:  # a date (28-MAR-2020)
                continue
            script = "deva" if "\u0900" <= w.group(0)[0] <= "\u097f" else "latn"
            out.append((m.end(), f"{k}-{int(num)}", script))
        else:
            out.append((m.end(), f"{k}-{int(num)}", ""))
    return out


def _numbered_matches(text: str, stop: int) -> List["re.Match[str]"]:
    """``_NUMBERED.finditer(text, 0, stop)``: the pattern tried only where a hyphen is
    (``str.find``: a search for the pattern's first character, a class of four, tries
    every character and was most of this module's time). A match holds one hyphen,
    its first character, so the matches start at hyphens and never hold the next."""
    at: List[int] = []
    for h in _HYPHENS:
        p = text.find(h, 0, stop)
        while p >= 0:
            at.append(p)
            p = text.find(h, p + 1, stop)
    if not at:
        return []
    at.sort()
    out = []
    end = 0
    for p in at:
        if p < end:
            continue
        m = _NUMBERED.match(text, p, stop)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def different_numbers(names: Sequence[FrozenSet[str]]) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` both name some name, with numbers
    of which none is the other's (``chandrayaan-2`` vs ``chandrayaan-3``). Editions
    (marked, :func:`numbered_names_and_lead`) are left to :func:`different_editions`."""
    return _disjoint_numbers([frozenset(x for x in ns if not x.startswith((EDITION, ORDINAL)))
                              for ns in names])


def different_ordinals(names: Sequence[FrozenSet[str]], same_thing: bool = False) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` both state ordinals in their leads
    (:func:`lead_ordinals`), none of whose numbers is the other's (the 55th meeting,
    the 56th); ``same_thing``: of one thing in one script (``56वीं बैठक``, ``55वीं बैठक``;
    not ``101st launch`` against ``63rd flight``)."""
    if same_thing:
        return _disjoint_numbers([frozenset(x[len(ORDINAL):].replace(":", "-", 1).replace(
            ":", "-") for x in ns if x.startswith(ORDINAL) and x.split(":")[2])
            for ns in names])
    n = len(names)
    out = np.zeros((n, n), dtype=bool)
    holders = {t: {_number(x) for x in ns if x.startswith(ORDINAL)} for t, ns in enumerate(names)}
    holders = {t: o for t, o in holders.items() if o}
    if len(holders) < 2:
        return out
    rows = sorted(holders)
    nums = sorted({x for o in holders.values() for x in o})
    col = {x: c for c, x in enumerate(nums)}
    M = np.zeros((len(rows), len(nums)), dtype=np.float32)
    for r, t in enumerate(rows):
        M[r, [col[x] for x in holders[t]]] = 1.0
    idx = np.asarray(rows)
    out[np.ix_(idx, idx)] = (M @ M.T) == 0
    return out


def _number(entry: str) -> str:
    return entry.rsplit(":", 1)[1]


def own_ordinal(names: Sequence[FrozenSet[str]], min_holders: int = 3) -> Optional[str]:
    """A story's own ordinal: the number most of its members stating ordinals in their
    leads state, where at least ``min_holders`` do (``55`` for five reports of the
    55th meeting); else None."""
    counts: Dict[str, int] = {}
    holders = 0
    for ns in names:
        got = {_number(x) for x in ns if x.startswith(ORDINAL)}
        holders += bool(got)
        for x in got:
            counts[x] = counts.get(x, 0) + 1
    if holders < min_holders:
        return None
    top, n = max(sorted(counts.items()), key=lambda kv: kv[1])
    return top if 2 * n > holders else None


def different_editions(names: Sequence[FrozenSet[str]]) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` name one name's editions, none of the
    same year (``बजट 2025`` vs ``बजट 2024-25``); or one names an edition in Devanagari,
    the other one in Latin script, and none of their editions' years is the other's
    (``बजट 2025`` vs ``Budget 2024``: a name's key may differ across scripts,
    ``bajat`` and ``budget``, so across scripts the years alone are compared)."""
    n = len(names)
    plain: List[FrozenSet[str]] = []
    editions: Dict[int, Dict[str, set]] = {}
    for t, ns in enumerate(names):
        mine = set()
        for x in ns:
            if x.startswith(EDITION):
                script, name = x[len(EDITION):].split(":", 1)
                mine.add(name)
                editions.setdefault(t, {}).setdefault(script, set()).add(name.rsplit("-", 1)[1])
        plain.append(frozenset(mine))
    out = _disjoint_numbers(plain)
    if len(editions) >= 2:
        rows = sorted(editions)
        years = sorted({y for t in rows for ys in editions[t].values() for y in ys})
        col = {y: c for c, y in enumerate(years)}
        Y = np.zeros((len(rows), len(years)), dtype=np.float32)
        for r, t in enumerate(rows):
            for ys in editions[t].values():
                Y[r, [col[y] for y in ys]] = 1.0
        deva = np.asarray(["deva" in editions[t] for t in rows])
        latn = np.asarray(["latn" in editions[t] for t in rows])
        cross = (deva[:, None] & latn[None, :]) | (latn[:, None] & deva[None, :])
        idx = np.asarray(rows)
        out[np.ix_(idx, idx)] |= cross & ((Y @ Y.T) == 0)
    assert out.shape == (n, n)
    return out


def own_edition(names: Sequence[FrozenSet[str]], min_holders: int = 3) -> Optional[str]:
    """A story's own edition year: the year that most of the members naming editions
    in their leads name (``2025`` for five budget reports of 2025), where at least
    ``min_holders`` members name editions; else None."""
    counts: Dict[str, int] = {}
    holders = 0
    for ns in names:
        years = {x.rsplit("-", 1)[1] for x in ns if x.startswith(EDITION)}
        holders += bool(years)
        for y in years:
            counts[y] = counts.get(y, 0) + 1
    if holders < min_holders:
        return None
    year, top = max(sorted(counts.items()), key=lambda kv: kv[1])
    return year if 2 * top > holders else None


def _disjoint_numbers(names: Sequence[FrozenSet[str]]) -> np.ndarray:
    n = len(names)
    out = np.zeros((n, n), dtype=bool)
    by_base: Dict[str, Dict[int, set]] = {}
    for t, ns in enumerate(names):
        for s in ns:
            base, num = s.rsplit("-", 1)
            by_base.setdefault(base, {}).setdefault(t, set()).add(num)
    for holders in by_base.values():
        if len(holders) < 2:
            continue
        rows: List[int] = sorted(holders)
        nums = sorted({x for t in rows for x in holders[t]})
        col = {x: c for c, x in enumerate(nums)}
        M = np.zeros((len(rows), len(nums)), dtype=np.float32)
        for r, t in enumerate(rows):
            for x in holders[t]:
                M[r, col[x]] = 1.0
        disjoint = (M @ M.T) == 0
        idx = np.asarray(rows)
        out[np.ix_(idx, idx)] |= disjoint
    return out
