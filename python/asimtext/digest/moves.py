"""Stated moves: a rate or share a report says moved from one value to another
(``from 6.5% to 6.25%``, ``6.5 प्रतिशत से घटकर 6.25 प्रतिशत``, ``to 5.50% from 6%``), for
telling two look-alike decisions apart.

A decision on a rate (a central bank's repo rate, a tax rate, a reserve ratio) is
reported by its move: every report of one decision states the same move, and two
decisions of one body share nearly every word (the body, the rate, "cut", "loans
get cheaper") and often a value, since each starts where the last one ended (6.5 ->
6.25, then 6.25 -> 6). A level alone does not tell them apart, and a ratio of
closeness made for tolls (:mod:`.figures`) makes 6.25% meet 6% and 6.5%; the pair of
values does. So two reports whose leads state moves, none of them in common, tell of
two decisions: :mod:`.stories` lowers their similarity (``StoryParams.other_move``).

Only percents are read (a count "rose from 12 to 40" is a toll growing inside one
event), only in the lead (a later paragraph recalls earlier moves: "in February the
rate was cut from 6.5% to 6.25%"), and only between two percents of one clause joined
by a word of moving: ``से``, ``to``, ``from``, an arrow, or a verb of rising or falling
that agrees with the values' order (``0.25 प्रतिशत से घटाकर 6.25 प्रतिशत`` is a cut
*by* 0.25, not a move from 0.25 up to 6.25).
"""

from __future__ import annotations

from typing import Any, FrozenSet, List, Sequence, Tuple

import numpy as np
import regex

from asimtext.digest.text import lead_end

__all__ = ["lead_moves", "lead_levels", "lead_sizes", "different_moves", "different_levels",
           "colliding_moves", "LEAD_SENTENCES"]

LEAD_SENTENCES = 6  # headline, lead and what follows (as :mod:`.figures`)
MAX_GAP_WORDS = 5   # words between the two values of one move ("था जो घटाकर अब")

_WORD = regex.compile(r"[\p{L}\p{M}]+|[→>]")
_FROM_TO = {"से", "to", "→", ">", "till"}  # "X से Y", "X to Y", "X -> Y"
_TO_FROM = {"from"}                        # "to Y from X"
# Words of falling and rising: stems (a word starting so) and whole words ("कम" is
# no stem: "कमेटी").
_DOWN = (("घट", "cut", "reduc", "lower", "fell", "fall", "slash", "drop", "declin"),
         {"कम", "down", "eased"})
_UP = (("बढ़", "बढा", "rais", "hik", "rose", "increas"), {"up"})
_CLAUSE_BREAK = regex.compile(r"[.।;!?\n]|,\s")


def _direction(words: Sequence[str]) -> int:
    """-1 for a word of falling, +1 of rising, 0 for none or both."""
    down = any(w.startswith(_DOWN[0]) or w in _DOWN[1] for w in words)
    up = any(w.startswith(_UP[0]) or w in _UP[1] for w in words)
    return -1 if down and not up else (1 if up and not down else 0)


def _value(v: Any) -> float:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return float("nan")
    return x


def lead_moves(text: str, spans: Sequence[Any]) -> FrozenSet[str]:
    """The moves (``"6.5>6.25"``: from, to) that the percents of a text's first
    ``LEAD_SENTENCES`` sentences state (module docstring)."""
    end = lead_end(text, LEAD_SENTENCES)
    pct = sorted((s for s in spans if s.kind == "percent" and s.end <= end),
                 key=lambda s: s.start)
    out = set()
    for a, b in zip(pct, pct[1:]):
        gap = text[a.end:b.start]
        if _CLAUSE_BREAK.search(gap):
            continue
        words = [w.lower() for w in _WORD.findall(gap)]
        if not words or len(words) > MAX_GAP_WORDS:
            continue
        va, vb = _value(a.value), _value(b.value)
        if not (va == va and vb == vb) or va == vb:
            continue
        if words[-1] in _TO_FROM:
            frm, to = vb, va  # "to 5.50% from 6%"
        elif any(w in _FROM_TO for w in words) or _direction(words):
            frm, to = va, vb
        else:
            continue
        d = _direction(words)
        if d and (to - frm) * d < 0:
            continue  # "0.25% से घटाकर 6.25%": cut by 0.25, not from it
        out.add(f"{frm:g}>{to:g}")
    return frozenset(out)


# The level a decision set, stated alone: "cut ... to 6.25%" / "bringing it down to
# 5.5%" (a verb of moving, then "to", before the value); "घटाकर 6 फीसदी",
# "इसे 5.25% कर दिया", "5.40 फीसदी पर आ गया", "6 प्रतिशत हो जाएगी" (a verb of moving
# before, or a verb of becoming after).
_EN_TO = regex.compile(r"\b(?:cut|cuts|reduc\w*|lower\w*|rais\w*|hik\w*|slash\w*|"
                       r"bring\w*|brought|down|up|revised|set|fix\w*|moved?)\b"
                       r"[^.;!?\n%]{0,40}?\bto\s*$", regex.IGNORECASE)
_HI_BEFORE = regex.compile(r"(?:घटा|घट|बढ़ा|बढ़|बढा)\w*\s*(?:कर)?\s*(?:अब\s*)?$")
_HI_AFTER = regex.compile(r"^\s*(?:पर\s+(?:आ|पहुंच|पहुँच)|कर\s+(?:दिया|दी|दिए)|किया|"
                          r"हो\s+(?:गया|गई|गयी|जाएगा|जाएगी|जाएंगे)|रह\s+(?:गया|गई|गयी))")


def lead_levels(text: str, spans: Sequence[Any]) -> FrozenSet[float]:
    """The levels the percents of a text's lead are said to be set to (a move's end,
    or a value stated as where a rate was brought: ``cut to 6.25%``, ``इसे 5.25% कर
    दिया``), for :func:`different_levels`."""
    out = {float(m.split(">")[1]) for m in lead_moves(text, spans)}
    for v, before, after in _lead_percents(text, spans, 60, 20):
        if _EN_TO.search(before) or _HI_BEFORE.search(before) or _HI_AFTER.match(after):
            out.add(v)
    return frozenset(out)


# The size of a move stated alone: "by 0.25%", "0.25 प्रतिशत की कटौती", "0.5% cut".
_EN_BY = regex.compile(r"\bby\s*$", regex.IGNORECASE)
_HI_SIZE_AFTER = regex.compile(r"^\s*(?:(?:की|का)\s+(?:\w+\s+)?(?:कटौती|कमी|बढ़ोतरी|बढ़ोत्तरी|वृद्धि|इजाफा)"
                               r"|(?:घटा|बढ़ा|कम\s+कर)\s*(?:दिया|दी|दिए|गया|गई|गयी|या|ई))")
_EN_SIZE_AFTER = regex.compile(r"^\s*(?:cut|hike|reduction|increase)\b", regex.IGNORECASE)


def lead_sizes(text: str, spans: Sequence[Any]) -> FrozenSet[float]:
    """The sizes of moves the percents of a text's lead state (``by 0.25%``, ``0.25
    प्रतिशत की कटौती``), for :func:`different_levels`: a decision cuts by one size."""
    return frozenset(
        v for v, before, after in _lead_percents(text, spans, 12, 30)
        if _EN_BY.search(before) or _HI_SIZE_AFTER.match(after) or _EN_SIZE_AFTER.match(after))


def _lead_percents(text: str, spans: Sequence[Any], before: int,
                   after: int) -> "list[Tuple[float, str, str]]":
    """The percents of a text's lead with a readable value, each with the ``before``
    characters before it and the ``after`` characters after it."""
    end = lead_end(text, LEAD_SENTENCES)
    out = []
    for s in spans:
        if s.kind != "percent" or s.end > end:
            continue
        v = _value(s.value)
        if v == v:  # not NaN
            out.append((v, text[max(0, s.start - before):s.start], text[s.end:s.end + after]))
    return out


def different_levels(levels: Sequence[FrozenSet[float]]) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` both state levels a rate was set to,
    none in common (6.25% against 6%: two decisions)."""
    return different_moves([frozenset(f"{v:g}" for v in ls) for ls in levels])


def different_moves(moves: Sequence[FrozenSet[str]]) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` both state moves and none in common."""
    n = len(moves)
    names: List[str] = sorted({m for ms in moves for m in ms})
    out = np.zeros((n, n), dtype=bool)
    if not names:
        return out
    col = {m: c for c, m in enumerate(names)}
    M = np.zeros((n, len(names)), dtype=np.float32)
    for t, ms in enumerate(moves):
        for m in ms:
            M[t, col[m]] = 1.0
    has = M.sum(axis=1) > 0
    out = ((M @ M.T) == 0) & has[:, None] & has[None, :]
    np.fill_diagonal(out, False)
    return out


MIN_PERCENTS = 2  # distinct percents a lead states for its levels to count


def lead_percents(text: str, spans: Sequence[Any]) -> FrozenSet[float]:
    """The distinct percent values of a text's first ``LEAD_SENTENCES`` sentences."""
    end = lead_end(text, LEAD_SENTENCES)
    vals = {_value(s.value) for s in spans if s.kind == "percent" and s.end <= end}
    return frozenset(v for v in vals if v == v)


def disjoint_percents(percents: Sequence[FrozenSet[float]]) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` both state ``MIN_PERCENTS`` percents
    or more in their leads, none in common (exact values: 6.25% is not 6%)."""
    n = len(percents)
    names = sorted({v for ps in percents for v in ps})
    out = np.zeros((n, n), dtype=bool)
    if not names:
        return out
    col = {v: c for c, v in enumerate(names)}
    M = np.zeros((n, len(names)), dtype=np.float32)
    for t, ps in enumerate(percents):
        for v in ps:
            M[t, col[v]] = 1.0
    has = M.sum(axis=1) >= MIN_PERCENTS
    out = ((M @ M.T) == 0) & has[:, None] & has[None, :]
    np.fill_diagonal(out, False)
    return out


def colliding_moves(moves: Sequence[FrozenSet[str]]) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` state moves, none in common, and a
    move of one starts or ends where a move of the other starts or ends (6.5 -> 6.25
    and 6.25 -> 6; 6.5 -> 6.25 and 6.5 -> 5.5): one rate's two decisions, each
    starting where the last one ended (or from the same level, at other times). Two
    moves sharing no value may be of two measures one decision moved (the repo rate
    and the reserve ratio): those only disagree (:func:`different_moves`)."""
    n = len(moves)
    out = different_moves(moves)
    if not out.any():
        return out
    ends = [{v for m in ms for v in m.split(">")} for ms in moves]
    names = sorted({v for e in ends for v in e})
    col = {v: c for c, v in enumerate(names)}
    M = np.zeros((n, len(names)), dtype=np.float32)
    for t, e in enumerate(ends):
        for v in e:
            M[t, col[v]] = 1.0
    return out & ((M @ M.T) > 0)
