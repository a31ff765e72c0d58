"""The mentions worth keeping, each with what it counts, where and as of when.

Applied to the raw mentions of every article (one per value span):

* values in table rows and page chrome are metadata: dropped;
* a number, amount or percent gets its measure (:mod:`.measures`); one without a
  measure is no fact (list markers, house numbers, ``COVID 19``, ``Dial 112``): dropped;
* a "year" that is a count (``संख्या 2053 हो गई``, ``2053 मामले``) is a number;
* a date or year far from the article's own date (more than ``FAR_YEARS``) is kept
  only where the text makes it history (``1994 बैच``, ``in 2017``, ``सन 1947``);
* each kept number gets its scope: place and as-of date (:mod:`.scope`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any, Dict, List, Optional, Sequence, Tuple

import regex

from asimtext.digest import scope as _scope
from asimtext.digest.measures import Answer, Measure, MeasureTuple, measure_batch, neighbours

__all__ = ["annotate", "annotate_batch", "FAR_YEARS", "MEASURED_KINDS"]

FAR_YEARS = 2
_NEWLINE = regex.compile("\n")
_TAB = regex.compile("\t")
MEASURED_KINDS = frozenset({"number", "money", "percent"})
_NUMBER_KINDS = MEASURED_KINDS | {"year"}
_HISTORY_AFTER = regex.compile(
    r"^[\s,)\-–]*(?:में|से|तक|बैच|के|की|का|वर्ष|साल|ई\.?|ईस्वी|batch|onwards|election|elections|"
    r"census|season)(?!\w)", regex.IGNORECASE)
_HISTORY_BEFORE = regex.compile(
    r"(?:सन्?|वर्ष|साल|in|since|of|year|from|till|until|by|before|after|during|between|and)"
    r"[\s,(]*$", regex.IGNORECASE)


def _year_of(value: str) -> Optional[int]:
    try:
        return int(value[:4]) if value[:4].isdigit() else None
    except ValueError:
        return None


def _is_history(text: str, start: int, end: int) -> bool:
    return bool(_HISTORY_AFTER.match(text[end:end + 12])
                or _HISTORY_BEFORE.search(text[max(0, start - 10):start]))


# (kept under its old name: callers and tests read it here)
_neighbours = neighbours


def _queries(mentions: Sequence[Any]) -> Tuple[List[Tuple[int, int]], List[Tuple[int, int, int, int, bool]]]:
    """The number spans of a doc's mentions (sorted) and the values to ask
    :func:`~asimtext.digest.measures.measure_batch` about: its numbers and years."""
    numbers: List[Tuple[int, int]] = []
    queries: List[Tuple[int, int, int, int, bool]] = []
    for m in mentions:  # (one pass, not two)
        kind = m.fact_kind
        if kind in _NUMBER_KINDS:
            start, end = m.start, m.end
            numbers.append((start, end))
            queries.append((start, end, m.sentence_start, m.sentence_end, kind == "year"))
    numbers.sort()
    return numbers, queries


def annotate_batch(docs: Sequence[Any], mentions: Sequence[Sequence[Any]],
                   finder: _scope.Finder, indices: bool = False, in_place: bool = False) -> Any:
    """:func:`annotate` for each doc, the words around every value of the batch read
    in one call (:func:`~asimtext.digest.measures.measure_batch`: in Rust, on all
    cores, while no Python runs). With ``indices``: ``(kept, which)``, ``which[i]``
    listing the index in ``mentions[i]`` of each mention of ``kept[i]``.
    ``in_place``: see :func:`annotate`."""
    asked = [_queries(ms) for ms in mentions]
    answers, found = measure_batch([d.text for d in docs], [a[0] for a in asked],
                                   [a[1] for a in asked])
    del asked
    measures = _measures(found)
    places = _places(docs, mentions, answers, finder)
    if not indices:
        return [annotate(d, ms, finder, (ans, measures), places=pl, in_place=in_place)
                for d, ms, ans, pl in zip(docs, mentions, answers, places)]
    which: List[List[int]] = []
    kept = [annotate(d, ms, finder, (ans, measures), which, pl, in_place)
            for d, ms, ans, pl in zip(docs, mentions, answers, places)]
    return kept, which


def _places(docs: Sequence[Any], mentions: Sequence[Sequence[Any]],
            answers: Sequence[Sequence[Answer]], finder: _scope.Finder
            ) -> List[Optional[Dict[Tuple[int, int], Any]]]:
    """The gazetteer names of every sentence with a measured value, per doc, in one
    call (Rust, all cores), where ``finder`` is the Rust gazetteer; else Nones
    (:func:`annotate` asks ``finder`` sentence by sentence)."""
    try:
        from asimtext._core import _places_batch, gazetteer_find  # type: ignore[attr-defined]
    except ImportError:
        return [None] * len(docs)
    if finder is not gazetteer_find:
        return [None] * len(docs)
    wanted: List[List[Tuple[int, int]]] = []
    for ms, ans in zip(mentions, answers):
        seen: Dict[Tuple[int, int], None] = {}
        q = 0
        for m in ms:
            if m.fact_kind in _NUMBER_KINDS:
                if ans[q][1] is not None:
                    seen[(m.sentence_start, m.sentence_end)] = None
                q += 1
        wanted.append(list(seen))
    got = _places_batch([d.text for d in docs], wanted)
    return [dict(zip(w, g)) for w, g in zip(wanted, got)]


def _measures(found: Sequence[MeasureTuple]) -> List[Measure]:
    return [Measure(k, tuple(q), i, (w,)) for k, q, i, w in found]


_NO_DAYS: Tuple[List[int], List[Any]] = ([], [])


def annotate(doc: Any, mentions: Sequence[Any], finder: _scope.Finder,
             answers: Optional[Tuple[Sequence[Answer], Sequence[Measure]]] = None,
             which: Optional[List[List[int]]] = None,
             places: Optional[Dict[Tuple[int, int], Any]] = None,
             in_place: bool = False) -> List[Any]:
    """The mentions of ``doc`` worth keeping, with ``measure``, ``place``, ``as_of`` and
    ``bound`` filled in (see the module docstring). ``finder`` is the gazetteer;
    ``answers``: :func:`~asimtext.digest.measures.measure_batch` on the doc's
    :func:`_queries` with its measures, if the caller has them. ``which``, if
    given, gets one more list: the index in ``mentions`` of each mention kept.
    ``places``: the gazetteer names of its sentences with a measured value, if the
    caller has them (:func:`_places`). ``in_place``: the mentions are the caller's
    own, not yet shared: a kept one is filled in, not copied."""
    if answers is None:
        numbers, queries = _queries(mentions)
        got, found = measure_batch([doc.text], [numbers], [queries])
        answers = (got[0], _measures(found))
    answers, measures = answers
    text = doc.text
    pub = doc.published[:10] if doc.published else None
    pub_year = _year_of(pub) if pub else None
    # Every look-up below is a bisection in sorted offsets: a page with tens of
    # thousands of values costs values x log(values), not values^2 (issue 17).
    spans = sorted((m.start, m.end) for m in mentions)
    span_starts = [s for s, _e in spans]
    dates = sorted(((m.start, m.end, m.fact_value) for m in mentions
                    if m.fact_kind in ("date", "datetime") and len(m.fact_value) >= 10),
                   key=lambda d: d[0])
    date_starts = [d[0] for d in dates]
    newlines = [x.start() for x in _NEWLINE.finditer(text)]  # lines by bisection
    tabs = [x.start() for x in _TAB.finditer(text)]
    # Per line, whether it is metadata; per sentence, its gazetteer hits, candidates,
    # the place of all its values where that is one (see scope.sentence_place), its
    # clause stops and the days that may date its values: each read once however many
    # values share them (4 in 5 values share their line with another, 1 in 4 their
    # sentence).
    meta_cache: Dict[Tuple[int, int], bool] = {}
    places_cache: dict = {}
    days_cache: dict = {}
    stops_cache: dict = {}
    undecided = _scope.UNDECIDED
    out: List[Any] = []
    taken: List[int] = []
    q = -1
    # (what as_of gives a value whose sentence has no day to date it)
    no_day = (pub[:10] if pub else None, "published")
    for n, m in enumerate(mentions):
        kind = m.fact_kind
        if kind in _NUMBER_KINDS:
            q += 1
            # A value with no measure is dropped below whatever its line: dropped
            # first, its line not read (every test here only drops or keeps).
            if answers[q][1] is None and (kind != "year" or answers[q][0]):
                continue
        # The spans of its line: is_metadata_line reads them on a line of at most
        # 120 characters only (then they are all within 200 characters of the value).
        k = bisect_left(newlines, m.start)
        j = bisect_left(newlines, m.end, k)
        a = newlines[k - 1] + 1 if k else 0
        b = newlines[j] if j < len(newlines) else len(text)
        # (is_metadata_line reads the value's line, not the value: one answer per line)
        meta = meta_cache.get((a, b))
        if meta is None:
            line_spans = [s for s in spans[bisect_left(span_starts, a):bisect_right(span_starts, b)]
                          if s[1] <= b] if b - a <= 120 else []
            t = bisect_left(tabs, a)
            meta = meta_cache[(a, b)] = _scope.is_metadata_line(
                text, m.start, m.end, line_spans, (a, b), t < len(tabs) and tabs[t] < b)
        if meta:
            continue
        ss, se = m.sentence_start, m.sentence_end
        if kind == "year" and answers[q][0]:  # a count: made a number below
            kind = "number"
        if kind in ("date", "year"):
            y = _year_of(m.fact_value)
            if y is None or y < 1800:
                continue
            if pub_year is not None and abs(y - pub_year) > FAR_YEARS \
                    and not _is_history(text, m.start, m.end):
                continue
            out.append(m)
            taken.append(n)
            continue
        if kind not in MEASURED_KINDS:
            out.append(m)
            taken.append(n)
            continue
        _count, at, bound = answers[q]
        if at is None:
            continue
        meas = measures[at]  # (one object per distinct measure: they are immutable)
        key = (ss, se)
        got = places_cache.get(key)
        if got is None:
            hits = places[key] if places is not None else _scope.places_in(finder, text, ss, se)
            cands = _scope.candidates(hits, text, ss)
            got = places_cache[key] = (hits, cands, _scope.sentence_place(text, ss, se, cands))
        hits, cands, place = got
        if place is undecided:
            stops = stops_cache.get(key)
            if stops is None:
                stops = stops_cache[key] = _scope.clause_stops(text, ss, se)
            place = _scope.place_of(hits, text, m.start, m.end, ss, se, cands, stops)
        sdays = days_cache.get(key)
        if sdays is None:
            lo_d, hi_d = bisect_left(date_starts, ss), bisect_left(date_starts, se)
            sdays = days_cache[key] = _scope.sentence_days(dates[lo_d:hi_d], ss, se, text) \
                if lo_d < hi_d else _NO_DAYS  # (most sentences state no date)
        day, origin = _scope.as_of_days(sdays[0], sdays[1], m.start, pub, text) \
            if sdays[1] else no_day
        if not in_place:
            m = m.replace()
        md = m.__dict__
        md["measure"] = meas
        md["place"] = place
        md["as_of"] = day
        md["as_of_origin"] = origin
        md["bound"] = bound
        if kind != m.fact_kind:
            md["fact_kind"] = kind
            md["kind"] = kind
        out.append(m)
        taken.append(n)
    if which is not None:
        which.append(taken)
    return out
