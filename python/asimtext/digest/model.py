"""The :class:`Digest`: what :func:`asimtext.digest` returns."""

from __future__ import annotations

import json
from typing import IO, Any, Dict, List, Optional

__all__ = ["Digest", "SCHEMA"]

SCHEMA = "asimtext.digest/2"


def units_of_entry(a: Dict[str, Any]) -> int:
    """The reports an article entry stands for: full entries list their units;
    compact ones (keep="stories") say how many when a page holds several, and one
    otherwise; a skipped record none."""
    if "units" in a:
        return len(a["units"])
    return a.get("n_units", 1) if a["status"] == "ok" else 0


class Digest:
    """The cross-source digest of a set of articles.

    Every attribute is a list of JSON-ready dicts, in a stable order (the
    schema is ``asimtext/digest/schema.json``, ``"schema": "asimtext.digest/2"``):

    * ``articles``: every input record, ``status`` ``ok`` or ``skipped`` (with
      ``reason``); the outlet (``source``, ``source_origin`` given / inferred /
      id), the date (``published``, ``published_origin`` given / inferred /
      borrowed), ``lang``, ``story``;
    * ``stories``: groups of articles telling the same story;
    * ``copy_groups``: near-duplicates and partial copies, each pair with
      Jaccard and containment;
    * ``passages``: text shared by copies, with offsets in each article;
    * ``facts``: values with every mention and the number of distinct sources;
    * ``conflicts``: the same statement with different values, both mentions;
    * ``timeline``: dated events per story, in order, with their precision;
    * ``updates``: a measure's values over time (series of as-of days and values).
    """

    def __init__(
        self,
        *,
        articles: List[Dict[str, Any]],
        stories: List[Dict[str, Any]],
        copy_groups: List[Dict[str, Any]],
        passages: List[Dict[str, Any]],
        facts: List[Dict[str, Any]],
        conflicts: List[Dict[str, Any]],
        timeline: List[Dict[str, Any]],
        params: Optional[Dict[str, Any]] = None,
        updates: Optional[List[Dict[str, Any]]] = None,
    ) -> None:
        self.articles = articles
        self.stories = stories
        self.copy_groups = copy_groups
        self.passages = passages
        self.facts = facts
        self.conflicts = conflicts
        self.timeline = timeline
        self.updates = list(updates or [])
        self.params = dict(params or {})
        #: Seconds spent in each stage of :func:`asimtext.digest` (not serialized).
        self.timings: Dict[str, float] = {}

    @property
    def counts(self) -> Dict[str, int]:
        """``in`` (records read) = ``ok`` + ``skipped``, and the size of each section."""
        ok = sum(1 for a in self.articles if a["status"] == "ok")
        return {
            "in": len(self.articles),
            "ok": ok,
            "skipped": len(self.articles) - ok,
            "stories": len(self.stories),
            "copy_groups": len(self.copy_groups),
            "passages": len(self.passages),
            "facts": len(self.facts),
            "conflicts": len(self.conflicts),
            "timeline": len(self.timeline),
            "updates": len(self.updates),
            "units": sum(map(units_of_entry, self.articles)),
        }

    def article(self, article_id: str) -> Optional[Dict[str, Any]]:
        """The entry of an article by id (the first one, for a duplicate id)."""
        return next((a for a in self.articles if a["id"] == article_id), None)

    def story_of(self, article_id: str) -> Optional[Dict[str, Any]]:
        """The story holding an article, or None."""
        return next((s for s in self.stories if article_id in s["articles"]), None)

    def facts_with(self, value: str, kind: Optional[str] = None) -> List[Dict[str, Any]]:
        """The facts (one per story) with this value."""
        return [
            f for f in self.facts if f["value"] == value and (kind is None or f["kind"] == kind)
        ]

    def to_dict(self) -> Dict[str, Any]:
        """The digest as plain data in the ``asimtext.digest/2`` schema."""
        from asimtext import __version__

        return {
            "schema": SCHEMA,
            "generator": f"asimtext {__version__}",
            "params": self.params,
            "counts": self.counts,
            "articles": self.articles,
            "stories": self.stories,
            "copy_groups": self.copy_groups,
            "passages": self.passages,
            "facts": self.facts,
            "conflicts": self.conflicts,
            "timeline": self.timeline,
            "updates": self.updates,
        }

    def to_json(self, *, indent: Optional[int] = 2) -> str:
        """JSON text, UTF-8 characters not escaped, key order stable."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def write_json(self, out: IO[str]) -> None:
        """The same JSON as :meth:`to_json` (equal once parsed), laid out for a big
        digest: each entry of a section on a line of its own, without the spaces of
        indentation. At 100,000 articles the indented text is about a third blank
        space (103 MB against 66 MB), and one line per article, story or fact still
        reads in a pager and diffs line by line. Written entry by entry (C encoder,
        no whole-document string in memory)."""
        dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        doc = self.to_dict()
        out.write("{")
        for n, (key, value) in enumerate(doc.items()):
            out.write(("," if n else "") + "\n" + dump(key) + ":")
            if isinstance(value, list) and value:
                out.write("[\n")
                chunk: List[str] = []
                for i, x in enumerate(value):
                    chunk.append(dump(x))
                    if len(chunk) == 1024 or i == len(value) - 1:
                        out.write(",\n".join(chunk) + ("\n]" if i == len(value) - 1 else ",\n"))
                        chunk = []
            else:
                out.write(dump(value))
        out.write("\n}\n")

    def to_markdown(self) -> str:
        """A Markdown report, readable in a terminal or a pull request."""
        from asimtext.digest.render import to_markdown

        return to_markdown(self)

    def to_html(self) -> str:
        """One self-contained HTML page (no network): timeline drawn in SVG,
        source-by-fact table, readable on a phone."""
        from asimtext.digest.render import to_html

        return to_html(self)

    def summary(self) -> str:
        c = self.counts

        def n(count: int, one: str, many: str) -> str:
            return f"{count} {one if count == 1 else many}"

        return (
            f"{n(c['in'], 'article', 'articles')} ({c['ok']} ok, {c['skipped']} skipped), "
            f"{n(c['stories'], 'story', 'stories')}, {n(c['copy_groups'], 'copy group', 'copy groups')}, "
            f"{n(c['facts'], 'fact', 'facts')}, {n(c['conflicts'], 'conflict', 'conflicts')}"
        )

    def __repr__(self) -> str:
        return f"<Digest {self.summary()}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Digest) and self.to_dict() == other.to_dict()

    def __reduce__(self):  # pickling
        return (
            _rebuild,
            (
                self.articles,
                self.stories,
                self.copy_groups,
                self.passages,
                self.facts,
                self.conflicts,
                self.timeline,
                self.params,
                self.updates,
            ),
        )


def _rebuild(*a: Any) -> Digest:
    keys = (
        "articles",
        "stories",
        "copy_groups",
        "passages",
        "facts",
        "conflicts",
        "timeline",
        "params",
        "updates",
    )
    return Digest(**dict(zip(keys, a)))
