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
not in input order. An undated article counts as published at the latest time
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
    record_of: Dict[int, Record] = {}
    time_of: Dict[int, _dt.datetime] = {}
    now: Optional[_dt.datetime] = None
    next_story = 1
    while True:
        batch = list(islice(records, chunk))
        clock.lap("load")
        final = len(batch) < chunk
        new: List[Doc] = []
        skipped = []
        for r in batch:
            if r.ok:
                d = Doc(0, 0, r.article)
                record_of[id(d)] = r
                new.append(d)
            else:
                skipped.append(P.article_entry(r, None, None, compact))  # type: ignore[arg-type]
        if skipped:
            yield "articles", skipped
        P.prepare(new, backend, keep_spans=keep == "all")
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
        closed, still = [], []
        for s, g in enumerate(stories.groups):
            last = max(time_of[id(docs[x])] for x in g)
            done = final or (horizon is not None and last < horizon)
            (closed if done else still).append(s)
        shown = P.select_stories(docs, stories, keep, among=closed, first_id=next_story)
        next_story += len(shown.groups)
        entries = [P.article_entry(record_of[id(docs[x])], docs[x], shown, compact)
                   for s in closed for x in stories.groups[s]]
        yield "articles", entries
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
        P.release_rows([docs[x] for s in closed for x in stories.groups[s]])
        for s in closed:
            for x in stories.groups[s]:
                record_of.pop(id(docs[x]), None)
                time_of.pop(id(docs[x]), None)
        del docs, stories, shown
        if final:
            return


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
    the stories are those of :func:`asimtext.digest`."""
    clock = clock or P.Clock()
    loaded = P.load(articles, text_field, id_field)
    clock.lap("load")
    docs = loaded.docs
    P.prepare(docs, backend, keep_spans=keep == "all")
    clock.lap("prepare")
    stories = P.group_stories(docs, backend, params)
    clock.lap("stories")
    P.borrow_dates(docs, stories, backend)
    clock.lap("dates")
    shown = P.select_stories(docs, stories, keep)
    by_record = {d.record: d for d in docs}
    yield "articles", [P.article_entry(r, by_record.get(n), shown, keep != "all")
                       for n, r in enumerate(loaded.records)]
    del loaded, by_record
    clock.lap("articles")
    numbering = P.Numbering()
    for which in P.story_batches(shown):
        yield "part", numbering(P.digest_stories(docs, shown, which, backend, params,
                                                 compact=keep != "all", clock=clock))
        clock.lap("story entries")


def write_jsonl(items: Iterator[Tuple[str, Any]], out: Any, params: Dict[str, Any]) -> Dict[str, int]:
    """Write the items as JSON Lines: a ``header`` line (schema, generator, params), one
    ``story`` line per story (the story with its facts, copies, passages, conflicts
    and timeline), ``articles`` lines (every input record), and a last ``counts``
    line. Returns the counts."""
    import json

    from asimtext import __version__
    from asimtext.digest.model import SCHEMA

    def line(obj: Dict[str, Any]) -> None:
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")

    counts = dict.fromkeys(("in", "ok", "skipped", "stories", "copy_groups", "passages",
                            "facts", "conflicts", "timeline"), 0)
    line({"type": "header", "schema": SCHEMA, "generator": f"asimtext {__version__}",
          "params": params})
    for kind, x in items:
        if kind == "articles":
            if x:
                line({"type": "articles", "articles": x})
            counts["in"] += len(x)
            counts["ok"] += sum(1 for a in x if a["status"] == "ok")
            counts["skipped"] += sum(1 for a in x if a["status"] != "ok")
            continue
        for name in ("stories", "copy_groups", "passages", "facts", "conflicts", "timeline"):
            counts[name] += len(getattr(x, name))
        for story in x.by_story():
            line({"type": "story", **story})
    line({"type": "counts", **counts})
    return counts
