"""Conflicts: the same statement made with different values.

Two detectors, both inside a story and between different sources:

Both compare the values the articles state (``--01-08`` for ``8 जनवरी``,
``saturday`` for ``शनिवार``), not the dates the digest resolved them to: a
resolved date depends on a reference date that may itself be inferred or
borrowed, and a weekday names a day relative to the article, so they are not
used for ``different-values`` at all.

* ``syndicated-sentence``: a sentence whose text, with its values replaced by
  place-holders and put in match-key form, is the same in two articles, but
  whose values differ (a copied sentence with a number or date changed);
* ``different-values``: two mentions of the same kind of fact whose nearby
  content words share at least ``min_overlap`` cross-script keys (``1994 बैच`` /
  ``1995-batch``, ``Asim Arun (51)`` / ``असीम अरुण (52)``), with different values,
  where neither article also states the other's value, and where the values are
  close enough to be two accounts of one thing (dates at most 31 days apart,
  years at most 5, amounts and durations within a factor of 2): far-apart
  values next to the same words are usually two different facts.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections import Counter
from typing import Any, Callable, Dict, List, Sequence, Set, Tuple, Union

from asimtext.digest.text import WORD_RE

__all__ = ["syndicated_conflicts", "context_conflicts"]

_PLACEHOLDER = "zzq{}zzq"


_DURATION = re.compile(r"^P(T?)([0-9.]+)([YMWDHS])$")


def _num(v: str) -> float:
    return float(v.split(" ")[-1])


def comparable(kind: str, v1: str, v2: str) -> bool:
    """Whether two different values of one kind are close enough to conflict."""
    try:
        if kind == "date":
            if v1.startswith("--") and v2.startswith("--"):  # day and month: any leap year
                v1, v2 = "2000" + v1[1:], "2000" + v2[1:]
            if len(v1) == 10 and len(v2) == 10:
                d = _dt.date.fromisoformat(v1) - _dt.date.fromisoformat(v2)
                return abs(d.days) <= 31
            if len(v1) == 7 and len(v2) == 7:  # months
                m1 = int(v1[:4]) * 12 + int(v1[5:])
                return abs(m1 - (int(v2[:4]) * 12 + int(v2[5:]))) <= 1
            return False
        if kind == "year":
            return abs(int(v1) - int(v2)) <= 5
        if kind == "duration":
            m1, m2 = _DURATION.match(v1), _DURATION.match(v2)
            if not (m1 and m2) or m1.group(1, 3) != m2.group(1, 3):
                return False
            a, b = float(m1.group(2)), float(m2.group(2))
        elif kind in ("number", "money", "percent"):
            if kind == "money" and v1.split(" ")[0] != v2.split(" ")[0]:
                return False
            a, b = _num(v1), _num(v2)
        else:
            return True
    except ValueError:
        return False
    if a <= 0 or b <= 0:
        return False
    return max(a, b) <= 2 * min(a, b)


class PreparedWords:
    """The words of a text's stretches read from its prepared match-key tokens
    (``PreparedBatch.words_in``: the hashes of the tokens holding a letter), for texts
    known by identity: ``prepared[id(text)]`` is the text's ``(batch, row, ...)``."""

    __slots__ = ("prepared",)

    def __init__(self, prepared: Dict[int, Tuple[Any, ...]]) -> None:
        self.prepared = prepared

    def words_in(self, text: str, ranges: Sequence[Tuple[int, int]]) -> List[List[int]]:
        p = self.prepared[id(text)]
        return p[0].words_in(p[1], ranges)


@functools.lru_cache(maxsize=64)
def _placeholder_words(kind: str) -> Tuple[str, ...]:
    """The words of a value's place-holder in a template (one set per kind of value)."""
    return tuple(WORD_RE.findall(_PLACEHOLDER.format(kind).lower()))


def sentence_template(
    text: str, sent: Tuple[int, int], ms: Sequence[Dict[str, Any]],
    normalize: Union[Callable[..., str], PreparedWords],
) -> Tuple[Union[str, int], ...]:
    """The sentence ``sent`` of ``text`` with its values ``ms`` replaced by their kind:
    its words in the match key (the words of ``normalize(..., form="match")``, or the
    prepared tokens of :class:`PreparedWords`: each a token's hash) with a placeholder
    for each value. Two copies of a sentence that differ only in their values have the
    same template."""
    s, e = sent
    if isinstance(normalize, PreparedWords):
        bounds = [s] + [x for m in ms for x in (m["start"], m["end"])] + [e]
        words = normalize.words_in(text, list(zip(bounds[::2], bounds[1::2])))
        out: List[Union[str, int]] = list(words[0])
        for m, ws in zip(ms, words[1:]):
            out.extend(_placeholder_words(m["fact_kind"]))
            out.extend(ws)
        return tuple(out)
    pieces, pos = [], s
    for m in ms:
        pieces.append(text[pos : m["start"]])
        pieces.append(" " + _PLACEHOLDER.format(m["fact_kind"]) + " ")
        pos = m["end"]
    pieces.append(text[pos:e])
    return tuple(WORD_RE.findall(normalize("".join(pieces), form="match")))


def syndicated_conflicts(
    docs_mentions: Sequence[Tuple[int, str, List[Dict[str, Any]]]],
    texts: Dict[str, str],
    normalize: Callable[..., str],
    min_words: int,
) -> List[Dict[str, Any]]:
    """``docs_mentions``: ``(story, article id, mentions)`` with mentions in text order."""
    buckets: Dict[Tuple[int, Tuple[str, ...]], List[Tuple[str, List[Dict[str, Any]]]]] = {}
    # A template depends only on the sentence's text and where its values sit in it:
    # copies of one sentence (syndication, a repeated page) are normalized once.
    templates: Dict[Tuple[str, Tuple[Tuple[int, int, str], ...]], Tuple[str, ...]] = {}
    sentences = []
    # A template holds a place-holder per value, in order: two sentences with one
    # template are of one story and state values of the same kinds. Only those of a
    # (story, kinds) with two sources and two sets of stated values can make a pair; the
    # others are not normalized at all (their buckets would find nothing, and leaving
    # them out moves no other bucket: each bucket lies inside one of these, as a
    # place-holder is no word of a text).
    sources: Dict[Tuple[int, Tuple[str, ...]], Set[str]] = {}
    stated: Dict[Tuple[int, Tuple[str, ...]], Set[Tuple[str, ...]]] = {}
    for story, art, ms in docs_mentions:
        by_sent: Dict[Tuple[int, int], List[Dict[str, Any]]] = {}
        for m in ms:
            # (_sentence_bounds inlined: a call per value of every story was a tenth
            # of the stage)
            sent = (m["sentence"]["start"], m["sentence"]["end"]) if isinstance(m, dict) \
                else (m.sentence_start, m.sentence_end)
            got = by_sent.get(sent)
            if got is None:
                by_sent[sent] = [m]
            else:
                got.append(m)
        for sent, sms in by_sent.items():
            if len(sms) == 1:
                m = sms[0]
                kinds = (story, (m["fact_kind"],))
                said: Tuple[str, ...] = (m["stated"],)
            else:
                kinds = (story, tuple([m["fact_kind"] for m in sms]))
                said = tuple([m["stated"] for m in sms])
            got_src = sources.get(kinds)
            if got_src is None:
                sources[kinds] = {sms[0]["source"]}
                stated[kinds] = {said}
            else:
                got_src.add(sms[0]["source"])
                stated[kinds].add(said)
            sentences.append((story, art, sent, sms, kinds))
    for story, art, sent, sms, kinds in sentences:
        if len(sources[kinds]) < 2 or len(stated[kinds]) < 2:
            continue
        text = texts[art]
        s0 = sent[0]
        key = (text[s0:sent[1]],
               tuple((m["start"] - s0, m["end"] - s0, m["fact_kind"]) for m in sms))
        tmpl = templates.get(key)
        if tmpl is None:
            tmpl = templates[key] = sentence_template(text, sent, sms, normalize)
        n_words = len(tmpl) - len(sms)
        if n_words < min_words:
            continue
        buckets.setdefault((story, tmpl), []).append((art, sms))
    out: List[Dict[str, Any]] = []
    seen: Set[Tuple[str, str, str, str]] = set()
    for (story, _tmpl), items in buckets.items():
        # Two items with the same stated values give nothing: only pairs across
        # groups of different values are looked at, in the same (x, y) order
        # (m copies of one sentence cost m, not m^2; see issue 17).
        groups: Dict[Tuple[Any, ...], List[int]] = {}
        for x, (_art, ms) in enumerate(items):
            groups.setdefault(tuple(m["stated"] for m in ms), []).append(x)
        if len(groups) < 2:
            continue
        members = list(groups.values())
        pairs = sorted(
            (min(x, y), max(x, y))
            for gi in range(len(members))
            for gj in range(gi + 1, len(members))
            for x in members[gi]
            for y in members[gj]
        )
        for x, y in pairs:
            (a, ma), (b, mb) = items[x], items[y]
            if a == b or ma[0]["source"] == mb[0]["source"] or len(ma) != len(mb):
                continue
            for m1, m2 in zip(ma, mb):
                if m1["stated"] == m2["stated"]:
                    continue
                key = (a, b, m1["stated"], m2["stated"])
                if key in seen:
                    continue
                seen.add(key)
                out.append(
                    {
                        "story": story,
                        "type": "syndicated-sentence",
                        "kind": m1["fact_kind"],
                        "context": [],
                        "values": [m1["stated"], m2["stated"]],
                        "mentions": [m1, m2],
                    }
                )
    return out


def _sentence_bounds(m: Any) -> Tuple[int, int]:
    """Where the sentence of mention ``m`` is (a :class:`~.records.Mention`'s fields, or
    a mention dict's ``sentence``)."""
    if isinstance(m, dict):
        return m["sentence"]["start"], m["sentence"]["end"]
    return m.sentence_start, m.sentence_end


def context_conflicts(
    mentions: Sequence[Dict[str, Any]],
    story_of: Callable[[str], int],
    min_overlap: int,
    max_bucket: int = 32,
) -> List[Dict[str, Any]]:
    """``mentions`` carry ``context`` (a set of keys) besides the public fields."""
    mentions = [m for m in mentions if m["kind"] != "weekday"]
    values_of: Dict[Tuple[str, str], Set[str]] = {}
    for m in mentions:
        values_of.setdefault((m["article"], m["fact_kind"]), set()).add(m["stated"])
    index: Dict[Tuple[int, str, str], List[int]] = {}
    for i, m in enumerate(mentions):
        st = story_of(m["article"])
        # In sorted order: a set of strings iterates in an order that changes with
        # the process's hash seed, and the pairs that tie below are kept in the order
        # they are first seen (the digest was not the same from one run to the next).
        for k in sorted(m["context"]):
            index.setdefault((st, m["fact_kind"], k), []).append(i)
    shared: Counter = Counter()
    for bucket in index.values():
        if len(bucket) < 2 or len(bucket) > max_bucket:
            continue
        for x in range(len(bucket)):
            for y in range(x + 1, len(bucket)):
                shared[(bucket[x], bucket[y])] += 1
    best: Dict[Tuple[Any, ...], Tuple[int, int, int]] = {}
    for (i, j), n in shared.items():
        if n < min_overlap:
            continue
        m1, m2 = mentions[i], mentions[j]
        if m1["article"] == m2["article"] or m1["source"] == m2["source"]:
            continue
        v1, v2 = m1["stated"], m2["stated"]
        kind = m1["fact_kind"]
        if v1 == v2 or not comparable(kind, v1, v2):
            continue
        if v2 in values_of[(m1["article"], kind)] or v1 in values_of[(m2["article"], kind)]:
            continue
        key = (story_of(m1["article"]), kind) + tuple(
            sorted([(m1["article"], v1), (m2["article"], v2)])
        )
        if key not in best or n > best[key][0]:
            best[key] = (n, i, j)
    out = []
    for key in sorted(best):
        n, i, j = best[key]
        m1, m2 = mentions[i], mentions[j]
        v1, v2 = m1["stated"], m2["stated"]
        out.append(
            {
                "story": key[0],
                "type": "different-values",
                "kind": m1["fact_kind"],
                "context": sorted(m1["context"] & m2["context"]),
                "values": [v1, v2],
                "mentions": [m1, m2],
            }
        )
    return out
