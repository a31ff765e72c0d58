"""Facts (values with every mention) and the timeline of each story."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Dict, List, Optional, Sequence, Tuple

__all__ = ["fact_of_span", "build_facts", "build_timeline", "FACT_GROUPS", "scope_of",
           "place_name", "facts_per_story"]

# The kinds a fact can have, in the order facts of equal weight are listed.
FACT_GROUPS = ("date", "datetime", "year", "time", "duration", "money", "percent", "number")


def fact_of_span(kind: str, value: str, resolved: Optional[str]) -> Optional[Tuple[str, str, bool]]:
    """``(fact kind, fact value, resolved?)`` of a span, or None if it is no fact.

    A weekday counts only once resolved to a date (then as that date); a partial
    date (``--01-15``) counts as its resolved date where there is one, so that
    ``शनिवार``, ``8 जनवरी`` and ``Saturday`` may all be the fact ``2022-01-08``.
    Ordinals are no facts.
    """
    if kind == "weekday":
        return ("date", resolved, True) if resolved else None
    if kind == "date":
        if value.startswith("--") and resolved:
            return ("date", resolved, True)
        return ("date", value, False)
    if kind in FACT_GROUPS:
        return (kind, value, False)
    return None


def _precision(value: str) -> Optional[str]:
    if not value[:4].isdigit():
        return None
    if len(value) == 4:
        return "year"
    if len(value) == 7 and value[4] == "-":
        return "month"
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return "day"
    return None


def place_name(place_id: Optional[str]) -> Optional[str]:
    """The canonical name of a gazetteer place id (``country:ir`` -> ``Iran``)."""
    if place_id is None:
        return None
    from asimtext.pure.gazetteer import gazetteer_entry

    try:
        return gazetteer_entry(place_id)[2]
    except KeyError:
        return place_id


def scope_of(place: Optional[str], as_of: Optional[str]) -> Dict[str, Any]:
    """The JSON scope of a value: place (name and gazetteer id) and as-of date."""
    return {"place": place_name(place), "place_id": place, "as_of": as_of}


def _m(m: Any, key: str) -> Any:
    try:
        return m[key]
    except (KeyError, AttributeError):
        return None


def facts_per_story(n_units: int, n_sources: int = 1) -> int:
    """How many facts a story of ``n_units`` units shows: a digest, not an index;
    grows with the square root of the story, one more where three sources or more can
    corroborate each other."""
    return max(1, math.ceil(math.sqrt(n_units))) + (1 if n_sources >= 3 else 0)


def build_facts(
    mentions: Sequence[Any],
    story_of_article: Dict[str, int],
    story_ids: Sequence[str],
    story_sizes: Optional[Sequence[int]] = None,
    titles: Optional[Dict[str, Tuple[int, int]]] = None,
) -> List[Dict[str, Any]]:
    """Facts from mentions: one per (story, kind, measure, place, value), with distinct
    sources, ranked (sources first, then mentions, a value in a headline, a measure
    from the lexicon or a day that dates the event), the best :func:`facts_per_story`
    of each story kept. A value that names no place joins the fact of the same value
    and measure that names one (the story's only one for it). A value its sentence sets
    aside (:func:`asimtext.digest.updates.superseded`) is no mention of a fact."""
    from asimtext.digest.updates import superseded

    groups: Dict[Tuple[Any, ...], List[Any]] = {}
    for m in mentions:
        meas = _m(m, "measure")
        if meas is not None and superseded(m):
            continue  # "275 and not 288" states 275, not 288
        key = (story_of_article[m["article"]], m["fact_kind"],
               meas.ident if meas is not None else "", _m(m, "place") or "", m["fact_value"])
        got = groups.get(key)
        if got is None:
            groups[key] = [m]
        else:
            got.append(m)
    # "So, ... the number of deaths is 275" (no place) and "... Odisha ... 275 deaths"
    # are one fact: the unplaced mentions join the one placed fact of that value.
    placed: Dict[Tuple[Any, ...], List[Tuple[Any, ...]]] = {}
    for key in groups:
        if key[3]:
            placed.setdefault((key[0], key[1], key[2], key[4]), []).append(key)
    for key in [k for k in groups if not k[3] and k[2]]:
        homes = placed.get((key[0], key[1], key[2], key[4]))
        if homes is not None and len(homes) == 1:
            groups[homes[0]].extend(groups.pop(key))
    order = {k: i for i, k in enumerate(FACT_GROUPS)}
    titles = titles or {}
    # Ranked first, written out after: the JSON of a fact (its mentions above all)
    # is built only for the facts each story keeps.
    per_story: Dict[int, List[Tuple[Any, ...]]] = {}
    for (story, kind, _ident, place, value), ms in groups.items():
        sources = sorted({m["source"] for m in ms})
        meas = _m(ms[0], "measure")
        in_title = False
        if titles:
            for m in ms:
                t = titles.get(m["article"])
                if t is not None and t[0] <= m["start"] and m["end"] <= t[1]:
                    in_title = True
                    break
        specific = meas is not None and meas.key not in ("people",) \
            and not meas.key.startswith("other:")
        rank = round(len(sources) + 0.25 * min(len(ms), 8) + (1.0 if in_title else 0.0)
                     + (0.5 if specific or (kind == "date" and len(value) == 10) else 0.0)
                     - (1.0 if kind in ("time", "datetime") else 0.0), 3)
        per_story.setdefault(story, []).append((story, kind, value, rank, sources, ms, meas,
                                                place))
    kept: List[Tuple[Any, ...]] = []
    for story, fs in per_story.items():
        fs.sort(key=lambda f: (-f[3], -len(f[4]), order[f[1]], f[2]))
        n_src = len({src for f in fs for src in f[4]})
        k = facts_per_story(story_sizes[story], n_src) if story_sizes else len(fs)
        kept.extend(fs[:k])
    if story_sizes:
        kept = _within_budget(kept, _pages(story_of_article), order)
    kept.sort(key=lambda f: (f[0], -f[3], -len(f[4]), -len(f[5]), order[f[1]], f[2]))
    facts: List[Dict[str, Any]] = []
    for i, (story, kind, value, rank, sources, ms, meas, place) in enumerate(kept, 1):
        as_ofs = Counter(a for a in (_m(m, "as_of") for m in ms) if a)
        # the day most of its mentions hold it on (the earliest of those): one misdated
        # mention does not move a fact stated on one day by six sources
        as_of = min(as_ofs, key=lambda a: (-as_ofs[a], a)) if as_ofs else None
        facts.append({
            "id": f"F{i}",
            "story": story_ids[story],
            "kind": kind,
            "value": value,
            "measure": meas.to_dict() if meas is not None else None,
            "scope": scope_of(place or None, as_of),
            "rank": rank,
            "n_sources": len(sources),
            "sources": sources,
            "n_mentions": len(ms),
            "mentions": [_public_mention(m) for m in ms],
        })
    return facts


#: A digest is short: at most this many facts per input page on average (issue 15: "at
#: most 3 facts per day-page"). The per-story budget (:func:`facts_per_story`) keeps to it
#: where pages hold a few reports that gather into stories (news-dev: 2.89); a corpus of
#: pages full of unrelated briefs, each its own story with its own fact, would not.
FACTS_PER_PAGE = 3.0


def _pages(story_of_article: Dict[str, int]) -> int:
    """How many input pages the units come from (``AU-2020-03-10#2`` is a unit of
    ``AU-2020-03-10``)."""
    return len({a.rsplit("#", 1)[0] for a in story_of_article})


def _within_budget(kept: List[Tuple[Any, ...]], pages: int,
                   order: Dict[str, int]) -> List[Tuple[Any, ...]]:
    """The best-ranked facts, at most :data:`FACTS_PER_PAGE` a page: a fact that fewer
    sources state, in a smaller story, goes first (each story keeps its best one while
    the budget allows)."""
    budget = int(FACTS_PER_PAGE * max(1, pages))
    if len(kept) <= budget:
        return kept
    first = {}
    for f in kept:
        if f[0] not in first:
            first[f[0]] = f
    firsts = set(map(id, first.values()))
    ranked = sorted(kept, key=lambda f: (id(f) not in firsts, -f[3], -len(f[4]), -len(f[5]),
                                         order[f[1]], f[2], f[0]))
    return ranked[:budget]


def _public_mention(m: Any) -> Dict[str, Any]:
    if hasattr(m, "public"):
        return m.public()
    return {
        k: m[k]
        for k in (
            "article",
            "source",
            "start",
            "end",
            "text",
            "kind",
            "value",
            "resolved",
            "sentence",
        )
    }


def build_timeline(
    mentions: Sequence[Dict[str, Any]],
    story_of_article: Dict[str, int],
    story_ids: Sequence[str],
) -> List[Dict[str, Any]]:
    """Dated events per story, in date order (a year before the dates inside it)."""
    events: Dict[Tuple[int, str], List[Dict[str, Any]]] = {}
    for m in mentions:
        if m["fact_kind"] not in ("date", "year"):
            continue
        value = m["fact_value"]
        if _precision(value) is None:
            continue
        events.setdefault((story_of_article[m["article"]], value), []).append(m)
    out = []
    for (story, value), ms in sorted(events.items()):
        first = ms[0]
        out.append(
            {
                "story": story_ids[story],
                "date": value,
                "precision": _precision(value),
                "sentence": first["sentence"]["text"],
                "article": first["article"],
                "sources": sorted({m["source"] for m in ms}),
                "n_mentions": len(ms),
                "mentions": [
                    {
                        "article": m["article"],
                        "start": m["start"],
                        "end": m["end"],
                        "text": m["text"],
                    }
                    for m in ms
                ],
            }
        )
    return out
