"""Pages that hold several reports, split into units.

A news page (one outlet, one day) often holds several reports one after the other,
each under its headline. The digest groups and counts *units*: a report of a page.
A unit starts at a headline: a short line (at most ``MAX_HEAD_WORDS`` words) that
does not end a sentence (no ``।``, ``.``, ``:``, ``?``, ``!`` at its end), stands after a
blank line (or at the top of the page) and is followed by body text. A unit whose
body has fewer than ``MIN_UNIT_WORDS`` words stays part of the unit before it (a
sub-heading inside a report, a one-line ticker). A page without such a headline, or
with one only, is one unit: the article itself (same id, offset 0).

Units of a page get the ids ``<article id>#1``, ``#2``...; offsets in the digest's
output always point into the article's own text (:func:`to_article`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import regex

from asimtext.chrome import is_headline
from asimtext.digest.text import detect_lang

__all__ = ["Unit", "split_units", "MAX_HEAD_WORDS", "MIN_UNIT_WORDS", "to_article"]

MAX_HEAD_WORDS = 24
MIN_UNIT_WORDS = 60
_LINE = regex.compile(r"[^\n]*(?:\n|$)")
# A word: a run of word characters. The ``regex`` module's ``\w`` takes the vowel
# signs and viramas of Devanagari (and other Indic scripts) into the word, where
# ``re`` would cut हिंदी into ह and द.
_WORDS = regex.compile(r"\w+")


@dataclass(frozen=True)
class Unit:
    """One report of a page: ``text[start:end]`` of article ``article`` (its id),
    with its headline where it has one."""

    id: str
    article: str
    start: int
    end: int
    title: Optional[str]


def _lines(text: str) -> List[Tuple[int, int]]:
    out = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        e = m.end() - (1 if m.group().endswith("\n") else 0)
        out.append((m.start(), e))
    return out


def _is_headline(line: str) -> bool:
    return is_headline(line, 3, MAX_HEAD_WORDS, listed=True)


def split_units(article_id: str, text: str, title: Optional[str] = None) -> List[Unit]:
    """The units of one page (see the module docstring), in text order, covering it."""
    lines = _lines(text)
    heads: List[int] = []  # line indexes that start a unit
    prev_blank = True
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        if not line.strip():
            prev_blank = True
            continue
        if prev_blank and _is_headline(line):
            heads.append(i)
        prev_blank = False
    starts = [lines[i][0] for i in heads]
    if not starts or starts[0] != 0 and _WORDS.search(text[: starts[0]]):
        starts.insert(0, 0)
    # Merge a unit into the one before while its body is too short.
    kept: List[int] = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(text)
        nl = text.find("\n", s, e)
        body = text[nl:e] if nl >= 0 else ""
        if kept and len(_WORDS.findall(body)) < MIN_UNIT_WORDS:
            continue
        kept.append(s)
    # A short first stretch (a page's own headline) is not a unit of its own.
    while len(kept) > 1 and len(_WORDS.findall(text[kept[0]:kept[1]])) < MIN_UNIT_WORDS:
        kept.pop(1)
    if len(kept) <= 1:
        return [Unit(article_id, article_id, 0, len(text), title or _first_headline(text))]
    units = []
    for k, s in enumerate(kept):
        e = kept[k + 1] if k + 1 < len(kept) else len(text)
        head = _first_headline(text[s:e])
        if k == 0 and title:
            head = title
        units.append(Unit(f"{article_id}#{k + 1}", article_id, s, e, head))
    return units


def _first_headline(text: str) -> Optional[str]:
    for a, b in _lines(text)[:3]:
        line = text[a:b]
        if line.strip():
            return " ".join(line.split()) if _is_headline(line) else None
    return None


_CONTAINERS = (dict, list)


def to_article(obj: object, where: Dict[str, Tuple[str, int]]) -> object:
    """``obj`` (JSON-ready lists and dicts) with every ``{"article": unit id, "start",
    "end", ...}`` turned into article offsets: ``article`` the page's id, ``unit`` the
    unit's, offsets (and sentence offsets) shifted by the unit's start.

    Changed in place and returned (the stages hand over dicts they built for the
    JSON and read no more): a copy of every dict of a big digest's facts cost as
    much as building them. A dict reached twice is changed once."""
    seen = set()
    todo = [obj]
    # (plain loops, not generators fed to extend: a generator per dict and list was a
    # fifth of the walk over a big digest's facts; the stack order is the same)
    pop, push = todo.pop, todo.append
    while todo:
        x = pop()
        if isinstance(x, list):
            for v in x:
                if isinstance(v, _CONTAINERS):
                    push(v)
            continue
        if not isinstance(x, dict) or id(x) in seen:
            continue
        seen.add(id(x))
        for v in x.values():
            if isinstance(v, _CONTAINERS):
                push(v)
        art = x.get("article")
        if isinstance(art, str) and art in where:
            page, base = where[art]
            x["article"] = page
            x["unit"] = art
            if base:
                for k in ("start", "end"):
                    if isinstance(x.get(k), int):
                        x[k] = x[k] + base
                sent = x.get("sentence")
                if isinstance(sent, dict):
                    x["sentence"] = dict(sent, start=sent["start"] + base, end=sent["end"] + base)
    return obj


def unit_map(units: Sequence[Unit]) -> Dict[str, Tuple[str, int]]:
    """``unit id -> (article id, start)`` for :func:`to_article`."""
    return {u.id: (u.article, u.start) for u in units}


class _UnitArticle:
    """What :class:`~asimtext.digest.records.Doc` reads from an article, for a unit."""

    __slots__ = ("id", "title", "text", "source", "published", "lang", "article_id", "base",
                 "page")

    def __init__(self, art: object, unit: Unit, text: str, lang: Optional[str] = None) -> None:
        self.id = unit.id
        self.title = unit.title
        self.text = text if unit.start == 0 and unit.end == len(text) else text[unit.start:unit.end]
        self.source = getattr(art, "source", None)
        self.published = getattr(art, "published", None)
        # A unit speaks its page's language (a short unit quoting English is not "mixed");
        # the caller reads it once per page.
        self.lang = getattr(art, "lang", None) or lang
        self.article_id = unit.article
        self.base = unit.start
        self.page = text


def unit_docs(docs: Sequence[object], make_doc: object) -> Tuple[list, List[Unit]]:
    """Every doc split into its units: ``(unit docs, units)``. A doc of one unit stays
    itself. ``make_doc(idx, record, article)`` builds a doc."""
    out: list = []
    units: List[Unit] = []
    for d in docs:
        us = split_units(d.id, d.text, d.title)
        if len(us) == 1:
            us = [Unit(d.id, d.id, 0, len(d.text), d.title or us[0].title)]
            # The page's language is the unit's: the prepare stage reads it from the
            # same text (once, where it reads the rest of the text).
            lang = None
        else:
            lang = getattr(d, "lang", None) or detect_lang(d.text)
        for u in us:
            out.append(make_doc(len(out), d.record, _UnitArticle(d, u, d.text, lang)))  # type: ignore[operator]
            units.append(u)
    return out, units


def share_metadata(docs: Sequence[object], page_text: Dict[str, str]) -> None:
    """Units of one page share its outlet and date: one read from any unit (or from
    the whole page) holds for all; an outlet otherwise falls back to the page's id."""
    from asimtext.digest.meta import infer_source

    by_page: Dict[str, list] = {}
    for d in docs:
        by_page.setdefault(d.article_id, []).append(d)  # type: ignore[attr-defined]
    for page, ds in by_page.items():
        if len(ds) < 2:
            continue
        src = next(((d.source, d.source_origin) for d in ds if d.source_origin in ("given", "inferred")), None)
        if src is None:
            name = infer_source(page_text[page])
            src = (name, "inferred") if name else (page, "id")
        pub = next(((d.published, d.published_origin, d.ref) for d in ds
                    if d.published_origin in ("given", "inferred")), None)
        for d in ds:
            if d.source_origin not in ("given", "inferred"):
                d.source, d.source_origin = src
            if pub is not None and d.published_origin not in ("given", "inferred"):
                d.published, d.published_origin, d.ref = pub


def rejoin_sections(groups: List[List[int]], pages: Sequence[str]) -> List[List[int]]:
    """Units left alone in a story of their own go back to their page's story when
    every other unit of the page that found a story found the same one: such a page
    is one report with sections (``कहां के रहने वाले हैं असीम अरुण``), not several
    reports. ``pages[i]`` is the article id of unit ``i``; returns the new groups,
    biggest first."""
    story_of = {}
    for s, g in enumerate(groups):
        for x in g:
            story_of[x] = s
    by_page: Dict[str, List[int]] = {}
    for x, p in enumerate(pages):
        by_page.setdefault(p, []).append(x)
    moved: Dict[int, int] = {}
    for units in by_page.values():
        if len(units) < 2:
            continue
        alone = [x for x in units if len(groups[story_of[x]]) == 1]
        found = {story_of[x] for x in units if len(groups[story_of[x]]) > 1}
        if alone and len(found) == 1:
            target = found.pop()
            for x in alone:
                moved[x] = target
    if not moved:
        return groups
    out: List[List[int]] = [[x for x in g if x not in moved] for g in groups]
    for x, t in moved.items():
        out[t].append(x)
    return sorted((sorted(g) for g in out if g), key=lambda g: (-len(g), g[0]))
