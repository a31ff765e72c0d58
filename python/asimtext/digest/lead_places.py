"""Lead places: the states (and union territories) and the foreign countries a
report's lead names, for telling two look-alike events apart.

A report says where its event happened in its first sentences (``दिल्ली के मुंडका
इलाके में``, ``गुजरात के राजकोट में``). Two reports whose leads name states, none in
common, or foreign countries, none in common, tell of events in different places
(a fire in Delhi and one in Gujarat; an election in Haryana and one in Karnataka),
however alike their words: :mod:`.stories` lowers their similarity
(``StoryParams.other_place``). Each level is compared on its own: a report naming a
state and one naming only a foreign country (an earthquake in Nepal, felt in Bihar)
do not disagree, and the home country (India) is no evidence either way. Cities are
kept (``town:``) but never compared pair by pair: a report names the cities its readers
know (where the minister flew from, an earlier tragedy), more often than states; only
a story's own places compare them (:func:`.stories._split_places`). Datelines (``नई
दिल्ली–``, ``SRINAGAR:``, ``पुलवामा।`` opening a line or after a byline's bar) name
where a report was filed, and places of an earlier event the lead links to (``a day
after``, ``इससे पहले``) where another event happened: both are skipped.
"""

from __future__ import annotations

from typing import Callable, Dict, FrozenSet, List, Optional, Sequence, Tuple

import numpy as np
import regex

from asimtext.digest.localities import (
    LOCAL,
    MENTION,
    SPELL,
    SUB,
    lead_localities,
    lead_mentions,
    skeleton,
    spelling,
)
from asimtext.digest.scope import HOME_COUNTRY, candidates

__all__ = ["lead_places", "different_places", "other_spots", "with_mentions", "place_level"]

Finder = Callable[[str], Sequence[Tuple[int, int, str]]]

# A place opening a line (or following a byline's bar: "जनवाणी ब्यूरो | नई दिल्ली:"),
# then a dash, colon, comma, danda, bar or bracket: a dateline.
_DATELINE_MARK = regex.compile(r"\s*[-–—:,।|(]")
_LINE_START = regex.compile(r"(?:^|\n|\|)[ \t\"'“‘]*$")
# A place of an earlier event the lead links its own to ("a day after Delhi
# Terminal-1 mishap", "follows a similar incident at Delhi airport", "नई दिल्ली के ...
# हवाई अड्डे की दुर्घटना के एक दिन बाद"): where another event happened, not this one.
_EARLIER_BEFORE = regex.compile(
    r"(?:\b(?:a|one|two|three|four|five|few|several|\d+)\s+(?:days?|weeks?|hours?|months?)"
    r"\s+after|\bsimilar\s+(?:incident|accident|mishap|tragedy|collapse)s?\s+(?:at|in))"
    r"\s+(?:the\s+)?$", regex.IGNORECASE)
# ... or in a sentence that links the report to an earlier event ("This comes after a
# roof collapsed at Delhi airport", "This follows a similar incident at ...", "इससे
# पहले ...").
_EARLIER_SENTENCE = regex.compile(
    r"(?:^|[.!?।\n]\s*)(?:(?:This|It|That|The\s+\w+)\s+(?:comes?|came|follows|followed)\b"
    r"|(?:इससे|इसके)\s+पहले\b)[^.!?।\n]*$")
_EARLIER_AFTER = regex.compile(
    r"^[^।.!?\n]{0,90}?\s(?:के\s+)?(?:एक|दो|तीन|चार|पांच|पाँच|कुछ|\d+)\s+"
    r"(?:दिन|दिनों|हफ्ते|हफ़्ते|सप्ताह|घंटे|महीने)\s+(?:बाद|पहले)")


def place_level(entry: str) -> str:
    """``state`` (states and union territories), ``country`` (foreign), ``local``
    (:mod:`.localities`), ``sub`` (its places below the district), else ``""``."""
    if entry.startswith(LOCAL):
        return "local"
    if entry.startswith(SUB):
        return "sub"
    if entry.startswith((MENTION, SPELL)):
        return "mention"
    if entry.startswith(("state:", "ut:")):
        return "state"
    if entry.startswith("country:") and entry != HOME_COUNTRY:
        return "country"
    if entry.startswith(TOWN):
        return "town"
    return ""


def lead_places(text: str, end: int, finder: Finder,
                key: Optional[Callable[[str], str]] = None) -> FrozenSet[str]:
    """The states and foreign countries (gazetteer ids) named in ``text[:end]`` (a
    report's lead), datelines and ``outside X`` left out (:func:`.scope.candidates`);
    with ``key`` (a word's cross-script key), its localities too
    (:func:`.localities.lead_localities`)."""
    every = finder(text[:end])
    hits = [h for h in every if place_level(h[2]) or h[2].startswith("city:")]
    out = set()
    for h in candidates(hits, text, 0):
        before = text[max(0, h[0] - 8):h[0]]
        if _LINE_START.search(before) and _DATELINE_MARK.match(text, h[1]):
            continue
        if (_EARLIER_BEFORE.search(text[max(0, h[0] - 60):h[0]])
                or _EARLIER_SENTENCE.search(text[max(0, h[0] - 200):h[0]])
                or _EARLIER_AFTER.match(text[h[1]:min(end, h[1] + 120)])):
            continue
        out.add(TOWN + h[2][5:] if h[2].startswith("city:") else h[2])
    if key is not None:
        local = lead_localities(text, end, key, lambda _t: every)
        out.update(local)
        if not any(p.startswith(LOCAL) for p in local):  # read only where none is framed
            out.update(lead_mentions(text, end, key))
    return frozenset(out)


# A city the lead names (gazetteer ``city:``): not compared pair by pair (a report
# names the cities its readers know), only as a part's own place (:func:`own_places`).
TOWN = "town:"


def with_mentions(places: Sequence[FrozenSet[str]]) -> List[FrozenSet[str]]:
    """The places of a group's texts, where a text names no locality in a frame, with
    the words of its lead that another text of the group names as a locality
    (``सीलमपुर`` opening a lead, where another report says ``दिल्ली के सीलमपुर में``);
    the mentions themselves left out. (Only where a lead has no framed locality: a lead
    that frames its own place also names others, ``on its way from Pauri``.)"""
    framed = {p[len(SPELL):] for ps in places for p in ps if p.startswith(SPELL)}
    out = []
    for ps in places:
        kept = {p for p in ps if not p.startswith((MENTION, SPELL))}
        if framed and not any(p.startswith(LOCAL) for p in kept):
            for p in ps:
                if p.startswith(MENTION):
                    kw = p[len(MENTION):]
                    # (Three consonants at least: a word met by chance a short
                    # skeleton, "mr", "hr", of another report's place.)
                    if spelling(kw) in framed and len(skeleton(kw)) >= 3:
                        kept.add(LOCAL + skeleton(kw))
        out.append(frozenset(kept))
    return out


def different_places(places: Sequence[FrozenSet[str]],
                     levels: Optional[FrozenSet[str]] = None) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` both name places of one level (states,
    foreign countries, localities, places below the district; of ``levels`` only,
    where given) and none of the other's at that level. Matrix work per level (no loop
    over pairs of texts)."""
    n = len(places)
    out = np.zeros((n, n), dtype=bool)
    by_level: Dict[str, List[Tuple[int, str]]] = {}
    for t, ps in enumerate(places):
        for p in ps:
            by_level.setdefault(place_level(p), []).append((t, p))
    for level, pairs in by_level.items():
        if level in ("mention", "town") or (levels is not None and level not in levels):
            continue
        holders = sorted({t for t, _ in pairs})
        if len(holders) < 2:
            continue
        names = sorted({p for _, p in pairs})
        row = {t: r for r, t in enumerate(holders)}
        col = {p: c for c, p in enumerate(names)}
        M = np.zeros((len(holders), len(names)), dtype=np.float32)
        for t, p in pairs:
            M[row[t], col[p]] = 1.0
        idx = np.asarray(holders)
        out[np.ix_(idx, idx)] |= (M @ M.T) == 0
    return out


def other_spots(places: Sequence[FrozenSet[str]]) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` name one locality (a district: सारण,
    Saran) and places below it (:data:`.localities.SUB`: a village, a police station's
    area), none of which the other names at any level (मढ़ौरा against इसुआपुर): two
    spots of one district. A place one text names below the district and the other
    as a locality (Harda the town, Harda the district) is in common."""
    n = len(places)
    out = np.zeros((n, n), dtype=bool)
    subs = [t for t, ps in enumerate(places) if any(p.startswith(SUB) for p in ps)]
    if len(subs) < 2:
        return out
    names = sorted({p.split(":", 1)[1] for t in subs for p in places[t]
                    if p.startswith((SUB, LOCAL))})
    col = {p: c for c, p in enumerate(names)}
    L = np.zeros((len(subs), len(names)), dtype=np.float32)
    S = np.zeros_like(L)
    for r, t in enumerate(subs):
        for p in places[t]:
            if p.startswith(LOCAL):
                L[r, col[p[len(LOCAL):]]] = 1.0
            elif p.startswith(SUB):
                S[r, col[p[len(SUB):]]] = 1.0
    met = (S @ L.T > 0) | (L @ S.T > 0)
    idx = np.asarray(subs)
    out[np.ix_(idx, idx)] = ((L @ L.T) > 0) & ~met
    return out
