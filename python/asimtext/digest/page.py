"""What the digest page shows, independent of HTML or Markdown.

An editor's reading order: the stories that several outlets tell, ranked; per
story its key facts (with the sentences that state them, and how many of the
story's outlets agree), the values that changed over time (schema /2
``updates``), the conflicts (both sentences), the copied passages (each shown
once, attributed), a timeline zoomed to the story's weeks with older dates
set apart, and the articles. Works on schema ``asimtext.digest/1`` data and
uses the ``asimtext.digest/2`` fields (``measure``, ``scope``, ``rank``,
``updates``) when they are present.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from asimtext.digest.humanize import KIND_WORDS, date_span, human_value

__all__ = ["Page", "StoryView", "build_page", "LANG_NAMES"]

#: Facts stated by 2+ outlets shown per story before the rest are folded.
MAX_KEY_FACTS = 12
#: Facts listed at most per story (the rest are in the JSON).
MAX_FACTS = 60
MAX_PASSAGES = 6
#: Days around the publication dates that the timeline's zoomed axis covers.
ZOOM_MARGIN_DAYS = 21
SENTENCE_CONTEXT = 160
_UNNAMED = " (outlet not named)"

LANG_NAMES = {"hi": "Hindi", "en": "English", "mixed": "Hindi and English"}


def _get(d: Any, name: str) -> Any:
    """A section of the digest (an attribute, or a key of its dict form)."""
    if isinstance(d, dict):
        return d.get(name) or []
    return getattr(d, name, None) or []


@dataclass
class Quote:
    """A sentence with the part to highlight: ``before`` ``mark`` ``after``."""

    outlet: str
    lang: Optional[str]
    before: str
    mark: str
    after: str
    article: str


@dataclass
class FactView:
    value: str
    kind_words: str
    label: Optional[str]
    n_outlets: int
    of_outlets: int
    outlets: List[str]
    quotes: List[Quote]
    n_mentions: int


@dataclass
class SeriesView:
    label: str
    points: List[Tuple[_dt.date, float, str, List[str]]]  # date, value, shown value, outlets
    quotes: List[Quote]


@dataclass
class ConflictView:
    what: str
    label: Optional[str]
    sides: List[Tuple[str, Quote]]  # (value as written, quote)
    # per side, the other outlets stating its value (the conflict's ``also``)
    also: List[List[str]] = field(default_factory=list)


@dataclass
class PassageView:
    text: str
    lang: Optional[str]
    words: int
    where: List[str]  # "Outlet (article id)"


@dataclass
class CopyPairView:
    a: str
    b: str
    kind: str
    share: int  # percent
    words: str


@dataclass
class EventView:
    date: str  # as people write it
    day: Optional[_dt.date]
    precision: str
    outlets: List[str]
    quote: Optional[Quote]


@dataclass
class ArticleView:
    id: str
    outlet: str
    headline: str
    lang: Optional[str]
    date: str
    date_note: str


@dataclass
class StoryView:
    id: str
    headline: str
    lang: Optional[str]  # most of the story's articles are in it; values are written in it
    headline_lang: Optional[str]
    outlets: List[str]
    langs: List[str]
    span: str
    n_articles: int
    facts: List[FactView] = field(default_factory=list)
    single_facts: List[FactView] = field(default_factory=list)
    n_facts_total: int = 0
    updates: List[SeriesView] = field(default_factory=list)
    conflicts: List[ConflictView] = field(default_factory=list)
    copies: List[CopyPairView] = field(default_factory=list)
    passages: List[PassageView] = field(default_factory=list)
    n_passages_total: int = 0
    zoom: Optional[Tuple[_dt.date, _dt.date]] = None
    published: Optional[Tuple[_dt.date, _dt.date]] = None
    events: List[EventView] = field(default_factory=list)
    context_events: List[EventView] = field(default_factory=list)
    history: List[EventView] = field(default_factory=list)
    later: List[EventView] = field(default_factory=list)
    articles: List[ArticleView] = field(default_factory=list)


@dataclass
class Page:
    lang: str
    n_read: int
    n_ok: int
    skipped: List[Tuple[str, str]]  # (where, reason)
    outlets: List[str]
    span: str
    stories: List[StoryView]  # told by 2+ outlets, ranked
    singles: List[StoryView]  # one outlet each
    n_facts: int
    schema: str
    generator: str


def _day(value: Optional[str]) -> Optional[_dt.date]:
    if not value or len(value) < 10 or not value[:4].isdigit():
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class _Names:
    """Outlets by name: an article whose outlet is unknown is named by its id."""

    def __init__(self, articles: Sequence[Dict[str, Any]]) -> None:
        self.by_source: Dict[str, str] = {}
        self.of_article: Dict[str, str] = {}
        self.lang_of: Dict[str, Optional[str]] = {}
        for a in articles:
            if a.get("status") != "ok":
                continue
            src = a.get("source") or a["id"]
            name = src if a.get("source_origin") != "id" else f"{a['id']}{_UNNAMED}"
            self.by_source.setdefault(src, name)
            self.of_article[a["id"]] = name
            self.lang_of[a["id"]] = a.get("lang")

    def source(self, s: str) -> str:
        return self.by_source.get(s, s)

    def article(self, a: str) -> str:
        return self.of_article.get(a, a)


def _quote(m: Dict[str, Any], names: _Names, context: int = SENTENCE_CONTEXT) -> Quote:
    """The sentence of a mention, the mention marked, cut to ``context`` characters
    on each side (sentences of news pages can be whole tables)."""
    sent = m.get("sentence") or {}
    text = sent.get("text") or m.get("text") or ""
    lo = m.get("start", 0) - sent.get("start", 0)
    hi = m.get("end", 0) - sent.get("start", 0)
    if not (0 <= lo <= hi <= len(text)) or text[lo:hi] != m.get("text"):
        lo = text.find(m.get("text") or "\0")
        hi = lo + len(m.get("text") or "")
        if lo < 0:
            lo = hi = 0
    before, mark, after = text[:lo], text[lo:hi], text[hi:]
    if len(before) > context:
        cut = before[-context:]
        before = "…" + cut[cut.find(" ") + 1:] if " " in cut else "…" + cut
    if len(after) > context:
        cut = after[:context]
        after = (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"
    art = m.get("article", "")
    return Quote(names.article(art), names.lang_of.get(art), " ".join(before.split(" ")),
                 mark, after, art)


def _measure_label(item: Dict[str, Any], lang: Optional[str]) -> Optional[str]:
    """``deaths (total), Delhi, as of 28 March 2020`` from schema /2 fields."""
    measure, scope = item.get("measure"), item.get("scope") or {}
    parts = []
    if isinstance(measure, dict) and (measure.get("label") or measure.get("key")):
        m = str(measure.get("label") or measure.get("key"))
        quals = [q for q in measure.get("qualifiers") or [] if q]
        if quals:
            m += f" ({', '.join(map(str, quals))})"
        parts.append(m)
    if scope.get("place"):
        parts.append(str(scope["place"]))
    if scope.get("as_of"):
        parts.append("as of " + human_value("date", scope["as_of"], "en"))
    return ", ".join(parts) or None


# Without a measure (schema /1), a bare small number ("3", "पांच") matches
# unrelated sentences across outlets: dates and amounts say more.
_KIND_WEIGHT = {"date": 0, "datetime": 0, "money": 0, "percent": 0, "duration": 1, "year": 2,
                "time": 3}


def _kind_weight(f: Dict[str, Any]) -> int:
    if f["kind"] != "number":
        return _KIND_WEIGHT.get(f["kind"], 3)
    if f.get("measure"):
        return 0
    try:
        x = abs(float(f["value"]))
    except (TypeError, ValueError):
        return 3
    return 1 if x >= 100 else 2 if x >= 10 else 4


def _rank_key(f: Dict[str, Any]) -> tuple:
    return (-(f.get("rank") or 0.0), -f["n_sources"], _kind_weight(f), -f["n_mentions"])


def _story_lang(langs: Sequence[str]) -> Optional[str]:
    return langs[0] if len(langs) == 1 else None


def text_lang(text: str) -> Optional[str]:
    """``hi`` or ``en`` by the script most letters of ``text`` are in (a headline's
    own language, for its ``lang`` attribute), None without letters."""
    deva = sum(1 for ch in text if "\u0900" <= ch <= "\u097f")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if deva == latin == 0:
        return None
    return "hi" if deva >= latin else "en"


def _fact_view(f: Dict[str, Any], lang: Optional[str], n_outlets: int, names: _Names) -> FactView:
    quotes, seen = [], set()
    for m in f.get("mentions") or []:
        outlet = names.article(m.get("article", ""))
        if outlet in seen:
            continue
        seen.add(outlet)
        quotes.append(_quote(m, names))
    return FactView(
        value=human_value(f["kind"], f["value"], lang),
        kind_words=KIND_WORDS.get(f["kind"], f["kind"]),
        label=_measure_label(f, lang),
        n_outlets=f["n_sources"],
        of_outlets=n_outlets,
        outlets=[names.source(s) for s in f.get("sources") or []],
        quotes=quotes,
        n_mentions=f["n_mentions"],
    )


def _series(u: Dict[str, Any], lang: Optional[str], names: _Names) -> Optional[SeriesView]:
    pts = []
    quotes = []
    for p in u.get("points") or []:
        day = _day(p.get("as_of"))
        try:
            v = float(str(p.get("value")).split()[-1])
        except (TypeError, ValueError, IndexError):
            continue
        if day is None:
            continue
        kind = (u.get("kind") or "number")
        pts.append((day, v, human_value(kind, str(p.get("value")), lang),
                    [names.source(s) for s in p.get("sources") or []]))
        ms = p.get("mentions") or []
        if ms:
            quotes.append(_quote(ms[0], names, 100))
    if len(pts) < 2:
        return None
    pts.sort(key=lambda t: t[0])
    return SeriesView(_measure_label(u, lang) or "value", pts, quotes)


_CONFLICT_WORDS = {
    "syndicated-sentence": "The same sentence, copied between outlets, with a different value",
    "different-values": "Different values in sentences about the same thing",
}


def _events(story: Dict[str, Any], timeline: Sequence[Dict[str, Any]], lang: Optional[str],
            names: _Names, view: StoryView) -> None:
    """Split the story's dated events: on the zoomed axis, the year/month the story
    falls in, history before, dates after."""
    evs = [e for e in timeline if e.get("story") == story["id"]]
    pub = story.get("published") or {}
    first, last = _day(pub.get("first")), _day(pub.get("last"))
    days = sorted(d for d in (_day(e["date"]) for e in evs if e.get("precision") == "day") if d)
    if first is None and days:  # no publication date: the latest dated week
        first = last = days[-1]
    if first is None:
        view.history = [_event(e, lang, names) for e in evs]
        return
    last = last or first
    view.published = (first, last)
    lo = first - _dt.timedelta(days=ZOOM_MARGIN_DAYS)
    hi = last + _dt.timedelta(days=ZOOM_MARGIN_DAYS)
    for e in evs:
        ev = _event(e, lang, names)
        prec = e.get("precision")
        if prec == "day" and ev.day is not None:
            if ev.day < lo:
                view.history.append(ev)
            elif ev.day > hi:
                view.later.append(ev)
            else:
                view.events.append(ev)
            continue
        start, end = _period(e["date"], prec)
        if start is None:
            continue
        if end < lo:
            view.history.append(ev)
        elif start > hi:
            view.later.append(ev)
        else:
            view.context_events.append(ev)
    if view.events:
        ds = [e.day for e in view.events if e.day]
        view.zoom = (min(min(ds), first), max(max(ds), last))
    else:
        view.zoom = (first, last)


def _period(value: str, precision: Optional[str]) -> Tuple[Optional[_dt.date], _dt.date]:
    try:
        y = int(value[:4])
        if precision == "year":
            return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
        if precision == "month":
            m = int(value[5:7])
            nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
            return _dt.date(y, m, 1), nxt - _dt.timedelta(days=1)
    except ValueError:
        pass
    return None, _dt.date.min


def _event(e: Dict[str, Any], lang: Optional[str], names: _Names) -> EventView:
    prec = e.get("precision") or "day"
    quote = None
    if e.get("sentence"):
        ms = e.get("mentions") or []
        m0 = dict(ms[0]) if ms else {"article": e.get("article"), "text": ""}
        # timeline mentions carry no sentence offsets: find the mention in the sentence
        m0["sentence"] = {"text": e["sentence"], "start": 0}
        m0["start"], m0["end"] = -1, -1
        quote = _quote(m0, names)
    return EventView(
        date=human_value("year" if prec == "year" else "date", e["date"], lang),
        day=_day(e["date"]) if prec == "day" else None,
        precision=prec,
        outlets=[names.source(s) for s in e.get("sources") or []],
        quote=quote,
    )


def _copies(story: Dict[str, Any], d: Any, names: _Names, view: StoryView) -> None:
    for g in _get(d, "copy_groups"):
        if g.get("story") != story["id"]:
            continue
        for p in g.get("pairs") or []:
            a, b = names.article(p["a"]), names.article(p["b"])
            if p.get("kind") == "near-duplicate":
                share = round(100 * p.get("jaccard", 0))
                words = f"{share}% the same text: a near-duplicate"
            else:
                share = round(100 * p.get("containment", 0))
                words = f"{share}% of the shorter article is found word for word in the other"
            view.copies.append(CopyPairView(a, b, p.get("kind", ""), share, words))
    merged: Dict[str, PassageView] = {}
    for p in _get(d, "passages"):
        if p.get("story") != story["id"]:
            continue
        key = " ".join((p.get("text") or "").split())
        if not key:
            continue
        occ = p.get("occurrences") or []
        where = [f"{names.article(o['article'])}" for o in occ]
        lang = names.lang_of.get(occ[0]["article"]) if occ else None
        pv = merged.get(key)
        if pv is None:
            merged[key] = PassageView(key, lang, p.get("words") or len(key.split()), where)
        else:
            pv.where += [w for w in where if w not in pv.where]
    # A passage inside a longer one is the same copy seen through another pair.
    ordered = sorted(merged.values(), key=lambda p: -p.words)
    kept: List[PassageView] = []
    for p in ordered:
        host = next((k for k in kept if p.text in k.text), None)
        if host is not None:
            host.where += [w for w in p.where if w not in host.where]
        else:
            kept.append(p)
    view.n_passages_total = len(kept)
    view.passages = kept[:MAX_PASSAGES]


def build_page(d: Any) -> Page:
    """The page's content from a :class:`~asimtext.digest.model.Digest` (or its dict)."""
    articles = _get(d, "articles")
    names = _Names(articles)
    ok = [a for a in articles if a.get("status") == "ok"]
    lang_counts = Counter(a.get("lang") for a in ok if a.get("lang"))
    facts_by_story: Dict[str, List[Dict[str, Any]]] = {}
    for f in _get(d, "facts"):
        facts_by_story.setdefault(f["story"], []).append(f)
    timeline = _get(d, "timeline")
    stories: List[StoryView] = []
    for s in _get(d, "stories"):
        langs = list(s.get("langs") or [])
        # Values are written in the language most of the story's articles are in.
        votes = Counter(names.lang_of.get(a) for a in s.get("articles") or [])
        votes.pop(None, None)
        lang = votes.most_common(1)[0][0] if votes else _story_lang(langs)
        outlets = sorted({names.source(x) for x in s.get("sources") or []},
                         key=lambda n: (n.endswith(_UNNAMED), n))
        pub = s.get("published") or {}
        headline = " ".join((s.get("label") or s["id"]).split())
        view = StoryView(
            id=s["id"],
            headline=headline,
            lang=lang,
            headline_lang=text_lang(headline) or lang,
            outlets=outlets,
            langs=[LANG_NAMES.get(x, x) for x in langs],
            span=date_span(pub.get("first"), pub.get("last")),
            n_articles=len(s.get("articles") or []),
        )
        fs = sorted(facts_by_story.get(s["id"], []), key=_rank_key)
        view.n_facts_total = len(fs)
        multi = [f for f in fs if f["n_sources"] > 1]
        single = [f for f in fs if f["n_sources"] <= 1]
        view.facts = [_fact_view(f, view.lang, len(outlets), names) for f in multi[:MAX_FACTS]]
        room = max(0, MAX_FACTS - len(view.facts))
        view.single_facts = [_fact_view(f, view.lang, len(outlets), names)
                             for f in single[:room]]
        for u in _get(d, "updates"):
            if u.get("story") == s["id"]:
                sv = _series(u, view.lang, names)
                if sv is not None:
                    view.updates.append(sv)
        for c in _get(d, "conflicts"):
            if c.get("story") != s["id"]:
                continue
            ms = c.get("mentions") or []
            if len(ms) < 2:
                continue
            sides = [(human_value(c.get("kind", ""), str(m.get("value")), view.lang),
                      _quote(m, names)) for m in ms[:2]]
            also: List[List[str]] = [[], []]
            for m in c.get("also") or []:
                side = 0 if str(m.get("value")) == str(ms[0].get("value")) else 1
                outlet = names.article(m.get("article", ""))
                if outlet not in also[side] and outlet != sides[side][1].outlet:
                    also[side].append(outlet)
            view.conflicts.append(ConflictView(
                _CONFLICT_WORDS.get(c.get("type"), c.get("type", "")),
                _measure_label(c, view.lang), sides, also))
        _copies(s, d, names, view)
        _events(s, timeline, view.lang, names, view)
        by_id = {a["id"]: a for a in ok}
        for aid in s.get("articles") or []:
            a = by_id.get(aid)
            if a is None:
                continue
            note = {"given": "", "inferred": "from the article's header line",
                    "borrowed": "not in the article: its story's latest date"}.get(
                a.get("published_origin") or "", "")
            view.articles.append(ArticleView(
                id=aid, outlet=names.article(aid),
                headline=" ".join((a.get("title") or _unit_title(a) or "").split()),
                lang=a.get("lang"),
                date=human_value("date", a["published"], "en") if a.get("published") else
                "no date", date_note=note))
        stories.append(view)

    def rank(v: StoryView) -> tuple:
        return (-len(v.outlets), -v.n_articles, -len(v.facts), v.id)

    stories.sort(key=rank)
    pubs = sorted(p for p in (_day(a.get("published")) for a in ok
                              if a.get("published_origin") != "borrowed") if p)
    return Page(
        lang=lang_counts.most_common(1)[0][0] if lang_counts else "en",
        n_read=len(articles),
        n_ok=len(ok),
        skipped=[(a["file"] if a.get("line") is None else f"{a['file']}:{a['line']}",
                  a.get("reason") or "") for a in articles if a.get("status") != "ok"],
        outlets=sorted({names.article(a["id"]) for a in ok}),
        span=date_span(pubs[0].isoformat(), pubs[-1].isoformat()) if pubs else "",
        stories=[v for v in stories if len(v.outlets) > 1],
        singles=[v for v in stories if len(v.outlets) <= 1],
        n_facts=len(_get(d, "facts")),
        schema=(d.get("schema") if isinstance(d, dict) else None) or _schema_of(d),
        generator=_generator(),
    )


def _unit_title(a: Dict[str, Any]) -> Optional[str]:
    """The headline of an article's first report (schema /2 ``units``)."""
    return next((u.get("title") for u in a.get("units") or [] if u.get("title")), None)


def _schema_of(d: Any) -> str:
    from asimtext.digest.model import SCHEMA

    return getattr(d, "schema", None) or SCHEMA


def _generator() -> str:
    from asimtext import __version__

    return f"asimtext {__version__}"
