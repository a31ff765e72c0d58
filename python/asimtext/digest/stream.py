"""The digest of a dump larger than memory, in publication-time windows.

Records are read in chunks. Each chunk is prepared and grouped into stories
together with the stories still *open*; a story closes when no article has
joined it for ``window`` of publication time (measured against the latest
publication time read so far), and a closed story is digested, handed out and
forgotten. Memory follows the articles of the open stories (about a window of
news plus a chunk), not the dump: a prepared batch lets go of the words and
tokens of each article whose story closed (its spans, language and names, a
few hundred bytes, stay until the batch's last article is gone).

What differs from the whole-corpus digest: the word weights (IDF) of the
story grouping are those of the articles in memory, so a story may be grouped
a little differently; an article that arrives more than ``window`` after its
story closed starts a new story; articles are listed as their stories close,
not in input order (a page split into several reports when the stories of all
its reports have closed). An undated article counts as published at the latest time
read when it was read.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from itertools import islice
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from asimtext.article import parse_date_prefix
from asimtext.digest import pipeline as P
from asimtext.digest.backend import Backend
from asimtext.digest.records import Doc
from asimtext.errors import ArgumentError
from asimtext.io import Record, iter_records

__all__ = ["parse_window", "iter_digest"]

_WINDOW = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([wdhm])\s*$")
_UNIT = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes"}


def parse_window(text: str) -> _dt.timedelta:
    """``3d``, ``12h``, ``90m``, ``2w`` as a :class:`datetime.timedelta`."""
    m = _WINDOW.match(text) if isinstance(text, str) else None
    if m is None or float(m.group(1)) <= 0:
        raise ArgumentError(f"a window is a positive number of w, d, h or m (3d, 12h), got {text!r}")
    return _dt.timedelta(**{_UNIT[m.group(2)]: float(m.group(1))})


def _time(published: Optional[str]) -> Optional[_dt.datetime]:
    """A publication date or date-time as a naive UTC datetime, else None."""
    if not published:
        return None
    try:
        t = _dt.datetime.fromisoformat(published)
    except ValueError:
        day = parse_date_prefix(published)
        return _dt.datetime(day.year, day.month, day.day) if day else None
    if t.tzinfo is not None:
        t = t.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    return t


def _collector_paused(gen: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """The generator run with the cycle collector paused
    (:func:`asimtext.digest.pipeline.collector_paused`: the digest makes no cycles,
    and full collections over its objects cost more the bigger the corpus)."""
    @functools.wraps(gen)
    def run(*args: Any, **kwargs: Any) -> Iterator[Any]:
        with P.collector_paused():
            yield from gen(*args, **kwargs)
    return run


@_collector_paused
def iter_digest(
    articles: Any,
    params: Any,
    backend: Backend,
    *,
    window: _dt.timedelta,
    keep: str = "stories",
    chunk: int = 10_000,
    text_field: str = "text",
    id_field: str = "id",
    clock: Optional[P.Clock] = None,
) -> Iterator[Tuple[str, Any]]:
    """The digest of ``articles`` (anything :func:`asimtext.io.iter_records` reads) as
    a stream of ``("articles", [entries])`` and ``("part", StoryPart)`` items, the
    parts numbered across the whole stream (see the module docstring)."""
    if keep not in P.KEEP:
        raise ArgumentError(f"keep must be one of {', '.join(P.KEEP)}, got {keep!r}")
    if not isinstance(chunk, int) or chunk < 1:
        raise ArgumentError(f"chunk must be an int >= 1, got {chunk!r}")
    clock = clock or P.Clock()
    compact = keep != "all"
    numbering = P.Numbering()
    records = iter(iter_records(articles, text_field=text_field, id_field=id_field))
    open_docs: List[Doc] = []
    record_of: Dict[int, Record] = {}  # record number -> record, while its page is open
    unit_of: Dict[str, Any] = {}  # unit id -> unit (full entries list the units)
    time_of: Dict[int, _dt.datetime] = {}
    now: Optional[_dt.datetime] = None
    next_story = 1
    n_records = 0
    while True:
        batch = list(islice(records, chunk))
        clock.lap("load")
        final = len(batch) < chunk
        pages: List[Doc] = []
        skipped = []
        for r in batch:
            if r.ok:
                pages.append(Doc(0, n_records, r.article))
                record_of[n_records] = r
            else:
                skipped.append(P.article_entry(r, None, None, compact))  # type: ignore[arg-type]
            n_records += 1
        if skipped:
            yield "articles", skipped
        # A page's reports are found as the whole digest finds them (the units of a
        # page are read in one chunk).
        new, units = P.prepare_pages(pages, backend, keep_spans=keep == "all")
        if not compact:
            unit_of.update((u.id, u) for u in units)
        del pages, units
        clock.lap("prepare")
        for d in new:
            t = _time(d.published)
            if t is not None and (now is None or t > now):
                now = t
        for d in new:
            time_of[id(d)] = _time(d.published) or now or _dt.datetime.min
        docs = open_docs + new
        if not docs:
            if final:
                return
            continue
        for i, d in enumerate(docs):
            d.idx = i
        stories = P.group_stories(docs, backend, params)
        clock.lap("stories")
        P.borrow_dates(docs, stories, backend)
        clock.lap("dates")
        horizon = (now - window) if now is not None else None
        done = []
        for g in stories.groups:
            last = max(time_of[id(docs[x])] for x in g)
            done.append(final or (horizon is not None and last < horizon))
        _keep_pages_whole(docs, stories, done)
        closed = [s for s, x in enumerate(done) if x]
        still = [s for s, x in enumerate(done) if not x]
        shown = P.select_stories(docs, stories, keep, among=closed, first_id=next_story)
        next_story += len(shown.groups)
        out = sorted(x for s in closed for x in stories.groups[s])
        by_record: Dict[int, List[Doc]] = {}
        for x in out:  # (in input order: a page's units in text order)
            by_record.setdefault(docs[x].record, []).append(docs[x])
        yield "articles", [P.article_entry(record_of.pop(n), ds, shown, compact, unit_of)
                           for n, ds in by_record.items()]
        del by_record
        clock.lap("articles")
        for which in P.story_batches(shown):
            part = P.digest_stories(docs, shown, which, backend, params, compact=compact,
                                    clock=clock)
            yield "part", numbering(part)
            clock.lap("story entries")
        open_docs = [docs[x] for s in still for x in stories.groups[s]]
        open_docs.sort(key=lambda d: d.idx)
        # Memory follows the open stories: a prepared batch lets go of the words and
        # tokens of every article whose story closed (its other rows stay).
        P.release_rows([docs[x] for x in out])
        for x in out:
            time_of.pop(id(docs[x]), None)
            unit_of.pop(docs[x].id, None)
        del docs, stories, shown
        if final:
            return


def _keep_pages_whole(docs: List[Doc], stories: Any, done: List[bool]) -> None:
    """A story stays open while a report of one of its pages is in a story that stays
    open: a page's entry (its reports and their stories) is written once, whole."""
    pages: Dict[str, List[int]] = {}
    for d in docs:
        if d.id != d.article_id:
            pages.setdefault(d.article_id, []).append(d.idx)
    if not pages:
        return
    story_of = stories.story_of
    changed = True
    while changed:
        changed = False
        for xs in pages.values():
            ss = {story_of[x] for x in xs if story_of[x] >= 0}
            if len(ss) > 1 and not all(done[s] for s in ss) and any(done[s] for s in ss):
                for s in ss:
                    done[s] = False
                changed = True


def collect(items: Iterator[Tuple[str, Any]], params: Dict[str, Any]) -> Any:
    """A :class:`~asimtext.digest.model.Digest` from the items of :func:`iter_digest`."""
    articles: List[Dict[str, Any]] = []
    parts = []
    for kind, x in items:
        if kind == "articles":
            articles.extend(x)
        else:
            parts.append(x)
    return P.assemble(articles, parts, params)


@_collector_paused
def iter_whole(articles: Any, params: Any, backend: Backend, *, keep: str = "stories",
               text_field: str = "text", id_field: str = "id",
               clock: Optional[P.Clock] = None) -> Iterator[Tuple[str, Any]]:
    """The items of :func:`iter_digest` for the whole corpus at once (no window):
    the digest of :func:`asimtext.digest` (:func:`.pipeline.iter_loaded`), item by item."""
    if keep not in P.KEEP:
        raise ArgumentError(f"keep must be one of {', '.join(P.KEEP)}, got {keep!r}")
    clock = clock or P.Clock()
    loaded = P.load(articles, text_field, id_field)
    clock.lap("load")
    numbering = P.Numbering()
    for kind, x in P.iter_loaded(loaded, params, backend, keep, clock):
        yield kind, (numbering(x) if kind == "part" else x)


def write_jsonl(items: Iterator[Tuple[str, Any]], out: Any, params: Dict[str, Any]) -> Dict[str, int]:
    """Write the items as JSON Lines: a ``header`` line (schema, generator, params), one
    ``story`` line per story (the story with its facts, copies, passages, conflicts
    and timeline), ``articles`` lines (every input record), and a last ``counts``
    line. Returns the counts."""
    import json

    from asimtext import __version__
    from asimtext.digest.model import SCHEMA, units_of_entry

    def line(obj: Dict[str, Any]) -> None:
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")

    # (the counts of :attr:`asimtext.digest.Digest.counts`, in its order)
    counts = dict.fromkeys(("in", "ok", "skipped", "stories", "copy_groups", "passages",
                            "facts", "conflicts", "timeline", "updates", "units"), 0)
    line({"type": "header", "schema": SCHEMA, "generator": f"asimtext {__version__}",
          "params": params})
    for kind, x in items:
        if kind == "articles":
            if x:
                line({"type": "articles", "articles": x})
            counts["in"] += len(x)
            counts["ok"] += sum(1 for a in x if a["status"] == "ok")
            counts["skipped"] += sum(1 for a in x if a["status"] != "ok")
            counts["units"] += sum(map(units_of_entry, x))
            continue
        for name in ("stories", "copy_groups", "passages", "facts", "conflicts", "timeline",
                     "updates"):
            counts[name] += len(getattr(x, name))
        for story in x.by_story():
            line({"type": "story", **story})
    line({"type": "counts", **counts})
    return counts
