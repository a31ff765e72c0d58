"""Updates: a measure's values over time, and when two values of it disagree.

A story's coverage restates one measure (deaths in Italy, samples sent in Bihar) day
after day, with new values: that is an **update**, reported as a series of points
(as-of day, value, sources). Two sources that give one measure of one place, as of
one day (within ``CONFLICT_DAYS``), values that differ beyond rounding
(:func:`agree`) are a **conflict**. Values that move within a day (market indices,
prices) are never conflicts: a later reading is a new point of the series.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import Counter
from typing import Any, Dict, List, Optional, Sequence, Tuple

import regex

from asimtext.digest import scope as _scope
from asimtext.digest.facts import scope_of
from asimtext.digest.measures import INTRADAY

__all__ = ["agree", "numeric", "build_updates", "measure_conflicts", "CONFLICT_DAYS", "INTRADAY",
           "superseded", "with_own_day"]

CONFLICT_DAYS = 0
_PROJECTION = regex.compile(r"सकते|सकती|सकता|आशंका|अनुमान|संभावना|\b(?:may|might|could|projected|"
                         r"forecast|expected\s+to|estimate[sd]?|feared)\b", regex.IGNORECASE)
# _PROJECTION without its closing word boundary: searched over the reach of a clause
# (which ends where the clause may end), it finds every forecast word the clause's own
# search would find (that search's end of text is a word boundary the wider one may lack).
_PROJECTION_NEAR = regex.compile(r"सकते|सकती|सकता|आशंका|अनुमान|संभावना|\b(?:may|might|could|"
                                 r"projected|forecast|expected\s+to|estimate[sd]?|feared)",
                                 regex.IGNORECASE)
MAX_POINT_MENTIONS = 5


def numeric(value: str) -> Optional[float]:
    """The number in a fact value (``4813``, ``INR 25000000``, ``6.21``), or None."""
    try:
        return float(value.split(" ")[-1])
    except ValueError:
        return None


def _tolerance(x: float, bound: Optional[str]) -> float:
    """How far a stated value may be from the truth and still be right: half a unit
    of its last significant digit when it is round (``4800`` is 4750..4850), wider
    when hedged (``करीब``, ``about``)."""
    ax = abs(x)
    if ax == 0 or ax != int(ax):
        unit = 0.0
    else:
        n, z = int(ax), 0
        while n % 10 == 0:
            n //= 10
            z += 1
        unit = 10.0 ** z if z >= 2 else 0.0
    tol = unit / 2
    if bound == "about":
        tol = max(unit, 0.05 * ax)
    return tol


def agree(v1: float, b1: Optional[str], v2: float, b2: Optional[str]) -> bool:
    """Whether two stated values can be two accounts of one true value: equal, within
    rounding (``करीब 4800`` and ``4,813``), or a bound the other meets
    (``4 हजार से ज्यादा`` and ``4,291``)."""
    if v1 == v2:
        return True
    if (b1 == "over" and v2 >= v1) or (b2 == "over" and v1 >= v2):
        return True
    if (b1 == "under" and v2 <= v1) or (b2 == "under" and v1 <= v2):
        return True
    return abs(v1 - v2) <= _tolerance(v1, b1) + _tolerance(v2, b2)


def _day(s: Optional[str]) -> Optional[_dt.date]:
    try:
        return _dt.date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


# A value its own sentence sets aside for another: "275 and not 288", "288 नहीं, बल्कि
# 275", "275 है न कि 288", "revised to 275 from 288", "from 12 to 40", "42 से बढ़कर 50",
# "instead of 288"; and a value the sentence says was reported before ("पहले ... 288 लोगों
# के जान गवाने की खबर आई थी", "Earlier it was reported ... 238"). It was true of an
# earlier day or never: as of the report's day it is no point of a series and contradicts
# nothing.
_SET_ASIDE_BEFORE = regex.compile(
    r"(?:\bnot|(?<![\u0900-\u097f])न\s+कि|\bfrom|\binstead\s+of|\brather\s+than)\s+"
    r"(?:(?:about|around|nearly|over|some|the|an?)\s+)?$", regex.IGNORECASE)
_SET_ASIDE_AFTER = regex.compile(
    r"\s*(?:[^\s\d,.;:।]+\s+){0,2}?(?:नहीं(?![\u0900-\u097f])|से\s+(?:बढ़|घट)(?:कर|ाकर))")
# The words a match of _SET_ASIDE_AFTER holds, as its pattern writes them: NOT, or
# FROM and RISE or FALL.
_AFTER_NOT, _AFTER_FROM, _AFTER_RISE, _AFTER_FALL = "नहीं", "से", "बढ़", "घट"


def _may_set_aside_after(text: str, e: int) -> bool:
    """False where ``text`` holds after ``e`` none of the words every match of
    ``_SET_ASIDE_AFTER`` at ``e`` holds (most values): no match tried there."""
    if text.find(_AFTER_NOT, e) >= 0:
        return True
    return text.find(_AFTER_FROM, e) >= 0 and (text.find(_AFTER_RISE, e) >= 0
                                               or text.find(_AFTER_FALL, e) >= 0)


_EARLIER = regex.compile(r"(?<![\u0900-\u097f])पहले(?![\u0900-\u097f])|\b(?:earlier|initially|previously)\b",
                         regex.IGNORECASE)
_PAST_REPORT = regex.compile(r"(?<![\u0900-\u097f])(?:था|थी|थे)(?![\u0900-\u097f])|\bhad\b|"
                             r"\b(?:was|were)\s+reported\b|\bit\s+was\b", regex.IGNORECASE)
_CLAUSE_STOP = regex.compile(r"[;।|\n]|(?<!\d)[.,](?!\d)|\bbut\b|लेकिन|हालांकि|हालाँकि|जबकि|बल्कि")


# Words one of which every match of _EARLIER (of _SET_ASIDE_BEFORE, _PROJECTION_NEAR) holds: Devanagari
# as written, Latin in any case. Where a stretch holds none, the search cannot match.
_EARLIER_WORDS = (("पहले",), ("earlier", "initially", "previously"))
_SET_ASIDE_WORDS = (("कि",), ("not", "from", "instead", "rather"))
_PROJECTION_WORDS = (("सकत", "आशंका", "अनुमान", "संभावना"),
                     ("may", "might", "could", "projected", "forecast", "expected",
                      "estimate", "feared"))
# (the substring test of scope, shared)
_FOLDS_TO_ASCII = _scope.FOLDS_TO_ASCII
_may_hold = _scope.may_hold


def _memo(m: Any, name: str, read: Any) -> bool:
    """``read(m)``, kept with mention ``m`` (a :class:`~asimtext.digest.records.Mention`:
    in its ``__dict__``, as :func:`functools.cached_property` would): the facts, the
    series and the conflicts each ask it of every value, and it depends only on the
    sentence and where the value sits in it, which no stage changes (``Mention.replace``
    copies it with the rest). A mention given as a plain dict is read each time."""
    d = getattr(m, "__dict__", None)
    if d is None:
        return read(m)
    got = d.get(name)
    if got is None:
        got = d[name] = read(m)
    return got


# The answers of _superseded and _hedged by (sentence text, value's place in it), the
# only things they read: copies of one sentence (syndication: 2 in 5 values of a 20k
# digest) are searched once. Bounded: cleared when full, and after each batch of
# stories (forget_sentences), so the keys hold sentences live mentions hold anyway.
_BY_SENTENCE: Dict[str, Dict[Tuple[str, int, int], bool]] = {"_superseded": {}, "_hedged": {}}
BY_SENTENCE_KEPT = 1 << 16


def forget_sentences() -> None:
    """Empty the answers kept by sentence (the digest does at the end of each batch of
    stories: the sentences they hold are then those of live mentions only)."""
    for cache in _BY_SENTENCE.values():
        cache.clear()


def _per_sentence(name: str, read: Any) -> Any:
    """``read``, its answers kept in ``_BY_SENTENCE[name]`` by sentence and position."""
    cache = _BY_SENTENCE[name]

    def cached(m: Any) -> bool:
        ss = m["sentence_start"]
        key = (m["sentence_text"], m["start"] - ss, m["end"] - ss)
        got = cache.get(key)
        if got is None:
            if len(cache) >= BY_SENTENCE_KEPT:
                cache.clear()
            got = cache[key] = read(m)
        return got

    cached.__wrapped__ = read  # type: ignore[attr-defined]
    return cached


def superseded(m: Any) -> bool:
    """Whether the sentence of mention ``m`` sets its value aside for another (see
    ``_SET_ASIDE_BEFORE``): the value is no account of the measure as of that day."""
    return _memo(m, "_superseded", _superseded_cached)


def _superseded(m: Any) -> bool:
    text = m["sentence_text"]
    s, e = m["start"] - m["sentence_start"], m["end"] - m["sentence_start"]
    if not (0 <= s <= e <= len(text)):
        return False
    if (_may_hold(text, max(0, s - 40), s, _SET_ASIDE_WORDS)
            and _SET_ASIDE_BEFORE.search(text[max(0, s - 40):s])) \
            or (_may_set_aside_after(text, e) and _SET_ASIDE_AFTER.match(text, e)):
        return True
    # Most sentences say nothing of an earlier report: one search over the reach of the
    # clause (the clause starts at or after it, and a search from a later start sees the
    # same text before it) spares finding the clause's bounds.
    lo = max(0, s - CLAUSE_REACH)
    if not _may_hold(text, lo, s, _EARLIER_WORDS) or _EARLIER.search(text, lo, s) is None:
        return False
    lo, hi = _clause(text, s, e, _CLAUSE_STOP)
    return bool(_EARLIER.search(text, lo, s)) and bool(_PAST_REPORT.search(text, lo, hi))


def with_own_day(mentions: Sequence[Any], borrowed: Any, one_place: bool = False) -> List[Any]:
    """The mentions fit for series and conflicts: those with a measure (a value of no
    measure is in no series and no :func:`measure_conflicts`), not :func:`superseded`,
    and none of an article in ``borrowed`` (ids of articles whose publication day was
    borrowed from their story: their as-of days, weekdays resolved against that day
    included, are guesses, and two guessed days must not make a conflict or a point).
    With ``one_place`` (series only), a report about one place lends it to its values
    that name none (:func:`_one_place`); a conflict needs the place stated where the
    value is."""
    kept = []
    for m in mentions:
        meas = m["measure"]
        if meas is None or m["article"] in borrowed:
            continue
        # The answers kept with the mention read here first (the facts, the series
        # and the conflicts each ask them of every value: two calls a value spared).
        d = getattr(m, "__dict__", None)
        got = d.get("_superseded") if d is not None else None
        if got is None:
            got = superseded(m)
        if got:
            continue
        if meas.key in ATTRIBUTES:
            continue
        got = d.get("_hedged") if d is not None else None
        if got is None:
            got = _memo(m, "_hedged", _hedged_cached)
        if not got:
            kept.append(m)
    return _one_place(kept) if one_place else kept


# A number after "प्रति" / "per" is a denominator ("प्रति 1000 व्यक्ति बेड की संख्या 0.7"),
# not a reading of the measure.
_DENOMINATOR = regex.compile(r"(?:(?<![\u0900-\u097f])प्रति|\bper|\bevery)\s+$", regex.IGNORECASE)
# Measures of one person or one place each, not of the story: the ages of two people
# named ("41 वर्षीया अभिनेत्री", "42 वर्षीय गायिका") or the distances to two towns
# ("170 km north of Bhubaneswar", "250 km south of Kolkata") are neither a series nor a
# disagreement.
ATTRIBUTES = frozenset({"age", "distance"})


def _not_a_reading(m: Any) -> bool:
    """Whether mention ``m`` states no reading of a story's measure: a forecast (``13 लाख
    तक पहुंच सकते हैं``, ``50 feared dead``), a denominator, an attribute of one person or
    place (:data:`ATTRIBUTES`)."""
    meas = m["measure"]
    if meas is not None and meas.key in ATTRIBUTES:
        return True
    return _memo(m, "_hedged", _hedged_cached)


def _hedged(m: Any) -> bool:
    """Whether the sentence of mention ``m`` makes its value a denominator or a forecast
    (:func:`_not_a_reading`, less the measure's own test)."""
    text = m["sentence_text"]
    s = m["start"] - m["sentence_start"]
    if 0 <= s <= len(text) and _DENOMINATOR.search(text[max(0, s - 12):s]):
        return True
    # The forecast must be the value's own: "... होने की संभावना है और ... चीन में कोरोना
    # से अब तक 3136 लोगों की मौत" states a count after a guess about another one.
    e = m["end"] - m["sentence_start"]
    if 0 <= s <= e <= len(text):
        lo, hi = max(0, s - CLAUSE_REACH), min(len(text), e + CLAUSE_REACH)
        if not _may_hold(text, lo, hi, _PROJECTION_WORDS) or \
                _PROJECTION_NEAR.search(text, lo, hi) is None:
            return False  # no forecast word within the clause's reach (most values)
    lo, hi = _clause(text, s, e, _SERIES_CLAUSE_STOP)
    return _PROJECTION.search(text, lo, hi) is not None


_superseded_cached = _per_sentence("_superseded", _superseded)
_hedged_cached = _per_sentence("_hedged", _hedged)


_SERIES_CLAUSE_STOP = regex.compile(_CLAUSE_STOP.pattern + r"|(?<![\u0900-\u097f])और(?![\u0900-\u097f])"
                                    r"|\band\b")


CLAUSE_REACH = 200


def _clause(text: str, s: int, e: int, stops: Any) -> Tuple[int, int]:
    """The stretch of ``text`` around ``[s, e)`` between the nearest ``stops``, at most
    ``CLAUSE_REACH`` characters on each side (a page that is one long sentence costs
    the same per value as a short one)."""
    lo = floor = max(0, s - CLAUSE_REACH)
    for x in stops.finditer(text, floor, s):
        lo = x.end()
    ceiling = min(len(text), e + CLAUSE_REACH)
    stop = stops.search(text, e, ceiling)
    return lo, (stop.start() if stop else ceiling)


def _one_place(mentions: Sequence[Any]) -> List[Any]:
    """A report about one place (every value it places is placed there) states its other
    values about that place too: "Wayanad: The toll rose to 57 in the landslides that hit
    Kerala's hilly Wayanad district" and, three paragraphs on, "around 300 people are
    still missing" with no place of its own. Values of a report naming two places or
    more keep no place where their sentence names none."""
    places: Dict[str, set] = {}
    for m in mentions:
        if m["measure"] is not None and m["place"]:
            places.setdefault(m["article"], set()).add(m["place"])
    out = []
    for m in mentions:
        if m["measure"] is not None and not m["place"]:
            ps = places.get(m["article"])
            if ps is not None and len(ps) == 1:
                m = m.replace(place=next(iter(ps)))
        out.append(m)
    return out


def _series_key(m: Any) -> Optional[Tuple[str, str]]:
    """What a series follows: one measure (from the lexicon, not a generic count) of one
    stated place; values without a place or with a vague measure mix several series."""
    meas = m["measure"]
    if (meas is None or not m["as_of"] or not m["place"] or numeric(m["fact_value"]) is None
            or meas.key == "people" or meas.key.startswith("other:")):
        return None
    return (m["fact_kind"] + ":" + meas.ident, m["place"])


def build_updates(mentions: Sequence[Any], story_of_article: Dict[str, int],
                  story_ids: Sequence[str], story_sizes: Sequence[int]) -> List[Dict[str, Any]]:
    """The series of each (story, measure, place) stated on two days or more with
    two values or more; each point the value most sources give that day. The best
    series of each story are kept (more days, then more sources), as many as its
    facts (:func:`asimtext.digest.facts.facts_per_story`)."""
    from asimtext.digest.facts import facts_per_story

    groups: Dict[Tuple[int, str, str], List[Any]] = {}
    for m in mentions:
        k = _series_key(m)
        if k is not None:
            groups.setdefault((story_of_article[m["article"]],) + k, []).append(m)
    per_story: Dict[int, List[Dict[str, Any]]] = {}
    for (story, _ident, place), ms in groups.items():
        by_day: Dict[str, List[Any]] = {}
        for m in ms:
            by_day.setdefault(m["as_of"], []).append(m)
        if len(by_day) < 2:
            continue
        points = []
        for day in sorted(by_day):
            dm = by_day[day]
            votes = Counter()
            for m in dm:
                votes[m["fact_value"]] += 1
            srcs = {v: {m["source"] for m in dm if m["fact_value"] == v} for v in votes}
            value = max(votes, key=lambda v: (len(srcs[v]), votes[v], numeric(v) or 0.0))
            chosen = [m for m in dm if m["fact_value"] == value]
            points.append({
                "as_of": day,
                "value": value,
                "sources": sorted(srcs[value]),
                "mentions": [m.public() for m in chosen[:MAX_POINT_MENTIONS]],
            })
        if len({p["value"] for p in points}) < 2:
            continue
        n_src = len({m["source"] for m in ms})
        per_story.setdefault(story, []).append({
            "story": story,
            "measure": ms[0]["measure"].to_dict(),
            "scope": scope_of(place or None, None),
            "n_sources": n_src,
            "points": points,
            "_rank": (len(points), n_src),
        })
    out: List[Dict[str, Any]] = []
    for story, us in per_story.items():
        us.sort(key=lambda u: (-u["_rank"][0], -u["_rank"][1], u["measure"]["key"]))
        out.extend(us[: facts_per_story(story_sizes[story])])
    out.sort(key=lambda u: (u["story"], -u["_rank"][0], -u["_rank"][1], u["measure"]["key"],
                            u["scope"]["place_id"] or ""))
    result = []
    for i, u in enumerate(out, 1):
        u.pop("_rank")
        result.append({"id": f"U{i}", "story": story_ids[u["story"]], "measure": u["measure"],
                       "scope": u["scope"], "n_sources": u["n_sources"], "points": u["points"]})
    return result


def measure_conflicts(mentions: Sequence[Any], story_of: Any) -> List[Dict[str, Any]]:
    """Different values of one measure of one place, as of one day (within
    ``CONFLICT_DAYS``), in one story, from different sources, that do not
    :func:`agree`; neither article also giving a value that agrees with the other's.
    Measures that move within a day, and generic counts (``people``, a noun outside
    the lexicon), are left out: two such values are rarely two accounts of one thing.
    Neither *source* may state that day a value agreeing with the other's (one outlet's
    morning and evening tolls are its update).
    """
    groups: Dict[Tuple[int, str, str], List[Any]] = {}
    projection: Dict[str, bool] = {}  # per sentence text (copies are searched once)
    for m in mentions:
        meas = m["measure"]
        if (meas is None or not m["place"] or meas.key in INTRADAY or meas.key == "people"
                or meas.key.startswith("other:") or not m["as_of"]):
            continue
        sent = m["sentence"]["text"]
        p = projection.get(sent)
        if p is None:
            p = projection[sent] = _PROJECTION.search(sent) is not None
        if p:
            continue  # "13 लाख केस हो सकते हैं": a forecast states no fact to contradict
        v = numeric(m["fact_value"])
        if v is None or math.isnan(v):
            continue
        groups.setdefault((story_of(m["article"]), m["fact_kind"] + ":" + meas.ident,
                           m["place"]), []).append(m)
    out: List[Dict[str, Any]] = []
    for (story, _ident, place), ms in sorted(groups.items(), key=lambda kv: kv[0]):
        ms = sorted(ms, key=lambda m: (m["as_of"], m["article"], m["start"]))
        seen = set()
        for i, a in enumerate(ms):
            da = _day(a["as_of"])
            va = numeric(a["fact_value"])
            for b in ms[i + 1:]:
                db = _day(b["as_of"])
                if da is None or db is None or (db - da).days > CONFLICT_DAYS:
                    break
                if a["source"] == b["source"] or a["article"] == b["article"]:
                    continue
                vb = numeric(b["fact_value"])
                if agree(va, a["bound"], vb, b["bound"]):
                    continue
                if _states_agreeing(ms, a["source"], vb, b["bound"], da) or \
                        _states_agreeing(ms, b["source"], va, a["bound"], db):
                    continue
                key = (_page(a["article"]), _page(b["article"]), a["fact_value"], b["fact_value"])
                if key in seen:
                    continue
                seen.add(key)
                out.append({
                    "story": story,
                    "type": "different-values",
                    "kind": a["fact_kind"],
                    "context": list(a["measure"].words) + list(b["measure"].words),
                    "values": [a["fact_value"], b["fact_value"]],
                    "mentions": [a, b],
                    "measure": a["measure"].to_dict(),
                    "scope": scope_of(place, a["as_of"]),
                })
    return out


def _page(unit_id: str) -> str:
    """The article of a unit id (``AU-2020-03-10#2`` -> ``AU-2020-03-10``)."""
    return unit_id.rsplit("#", 1)[0] if "#" in unit_id else unit_id


def _states_agreeing(ms: Sequence[Any], source: str, v: float, bound: Optional[str],
                     day: Optional[_dt.date]) -> bool:
    """Whether ``source`` itself states, that day, a value agreeing with ``v``: then the
    two values are that source's own update (a toll of 8 in the morning, 57 by the
    evening, in two reports of one agency), not two sources disagreeing."""
    for m in ms:
        if m["source"] != source:
            continue
        d = _day(m["as_of"])
        if day is not None and d is not None and abs((d - day).days) > CONFLICT_DAYS:
            continue
        if agree(numeric(m["fact_value"]), m["bound"], v, bound):
            return True
    return False
