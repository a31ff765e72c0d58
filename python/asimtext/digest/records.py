"""The typed records the digest's stages pass to each other.

Dicts appear only at the JSON edge (:func:`asimtext.digest.pipeline.assemble`);
between stages an article is a :class:`Doc`, a stated value a :class:`Mention`,
the grouping a :class:`Stories`, a copy a :class:`CopyPair`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, FrozenSet, List, Optional, Sequence, Tuple

import numpy as np

from asimtext.digest.text import Sentences

__all__ = ["values_cap", "MIN_VALUES", "CHARS_PER_VALUE", "Doc", "Mention", "Stories", "CopyPair", "Conflict", "Copies"]


#: A unit's values read by the per-value stages (mentions, measures, scopes,
#: conflicts): at least ``MIN_VALUES``, and one per ``CHARS_PER_VALUE`` characters.
#: News states a value every 100-300 characters; a page denser than one every 20
#: (a table of digits, one line of numbers repeated) has the values after the
#: cap counted in its article's ``warnings``, not read (issue 17: bounded time and
#: memory on any page).
MIN_VALUES = 1000
CHARS_PER_VALUE = 20


def values_cap(n_chars: int) -> int:
    """How many values a unit of ``n_chars`` characters has read."""
    return max(MIN_VALUES, n_chars // CHARS_PER_VALUE)


class Doc:
    """One readable article and what the stages learn about it.

    ``idx`` is its position among the readable articles (the row of every
    per-article array); ``record`` its position among all input records.
    """

    __slots__ = (
        "idx",
        "record",
        "id",
        "title",
        "text",
        "source",
        "source_origin",
        "published",
        "published_origin",
        "lang",
        "spans",
        "header",
        "given_ref",
        "ref",
        "facts",
        "text_days",
        "weekdays",
        "needs_ref",
        "values",
        "_sents",
        "article_id",
        "base",
        "page",
        "prepared",
    )

    def __init__(self, idx: int, record: int, article: Any) -> None:
        self.idx = idx
        self.record = record
        self.id: str = article.id
        self.title: Optional[str] = article.title
        self.text: str = article.text
        self.source: Optional[str] = article.source
        self.source_origin: Optional[str] = "given" if article.source else None
        self.published: Optional[str] = article.published
        self.published_origin: Optional[str] = "given" if article.published else None
        self.lang: Optional[str] = article.lang
        #: The spans, sorted; None while they are dropped (see ``prepare``).
        self.spans: Optional[list] = []
        #: ``(start, end)`` of the span the publication date was read from (no fact).
        self.header: Optional[Tuple[int, int]] = None
        #: The reference date the spans were resolved against, and the given one.
        self.given_ref: Optional[str] = self.published[:10] if self.published else None
        self.ref: Optional[str] = self.given_ref
        #: What the story grouping reads from the spans (fact keys, the days the text
        #: dates its event to, the weekdays it names), and whether some span needs a
        #: reference date: set by the prepare stage, kept when the spans are dropped.
        self.facts: Optional[Any] = None
        self.text_days: Tuple[float, float] = (float("nan"), float("nan"))
        self.weekdays = 0
        self.needs_ref = False
        #: How many values (fact spans) the text states: set by the prepare stage.
        self.values = 0
        self._sents: Optional[Sentences] = None
        #: The input article this doc is a unit of (:mod:`.units`), and where it starts.
        self.article_id: str = getattr(article, "article_id", None) or article.id
        self.base: int = getattr(article, "base", 0)
        #: The whole article's text (the same string object for every unit of a page).
        self.page: str = getattr(article, "page", None) or self.text
        #: ``(batch, row)``: where the prepare stage keeps what it read from the text
        #: (:func:`asimtext.digest.pipeline.prepare`), or None before it.
        self.prepared: Optional[Tuple[Any, int]] = None

    @property
    def sentences(self) -> Sentences:
        if self._sents is None:
            self._sents = Sentences(self.text)
        return self._sents

    @property
    def values_read(self) -> int:
        """How many of its values the digest reads (:func:`values_cap`)."""
        return min(self.values, values_cap(len(self.text)))

    def fact_spans(self) -> list:
        """The spans that may state facts: all but the publication-date header."""
        if self.header is None:
            return self.spans
        return [s for s in self.spans if (s.start, s.end) != self.header]


@dataclass(frozen=True)
class Mention:
    """One statement of a value in one article.

    ``stated`` is the value as written (``--01-08``), ``fact_value`` what it
    counts as (the resolved date where there is one). ``context`` holds the
    cross-script keys of the content words around it (empty outside stories of
    two articles or more). Item access (``m["article"]``, ``m["sentence"]``)
    reads the fields under the names of the JSON mention, which the fact and
    conflict builders use.
    """

    article: str
    source: str
    start: int
    end: int
    text: str
    kind: str
    value: str
    resolved: bool
    sentence_start: int
    sentence_end: int
    sentence_text: str
    fact_kind: str
    fact_value: str
    stated: str
    context: FrozenSet[str] = frozenset()
    #: What the value counts (:class:`asimtext.digest.measures.Measure`), where and as of
    #: when it holds, and how the text hedges it (``about``/``over``/``under``).
    measure: Any = None
    place: Optional[str] = None
    as_of: Optional[str] = None
    as_of_origin: Optional[str] = None
    bound: Optional[str] = None

    @property
    def sentence(self) -> Dict[str, Any]:
        """The sentence around the mention, as in the JSON."""
        return {"start": self.sentence_start, "end": self.sentence_end,
                "text": self.sentence_text}

    def replace(self, **changes: Any) -> "Mention":
        """:func:`dataclasses.replace` without its checks (a copy of the fields with
        ``changes``): the measure stage makes one per value kept."""
        new = object.__new__(Mention)
        d = new.__dict__
        d.update(self.__dict__)
        d.update(changes)
        return new

    @classmethod
    def of(cls, fields: Dict[str, Any]) -> "Mention":
        """A mention from its fields (those left out take their defaults), without
        the per-field checks of a frozen dataclass's ``__init__`` (one per value)."""
        new = object.__new__(cls)
        new.__dict__.update(fields)
        return new

    # m["article"] is m.article (the builders read mentions as mappings); the slot
    # wrapper itself, not a Python function: it is called for every field read.
    __getitem__ = object.__getattribute__

    def public(self) -> Dict[str, Any]:
        """The mention as it appears in the JSON."""
        return {
            "article": self.article,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": self.value,
            "resolved": self.resolved,
            "sentence": self.sentence,
            "bound": self.bound,
        }


@dataclass
class Stories:
    """Articles grouped into stories: ``groups[n]`` the sorted article indexes of
    story ``n`` (biggest first), ``story_of[i]`` the story of article ``i`` (-1 for an
    article whose story is left out of the digest). ``scores`` and ``dup_links``
    are the evidence the copy stage reuses, ``token_counts`` the word tokens of
    each article, ``ids`` the public story ids."""

    groups: List[List[int]]
    story_of: List[int]
    scores: Any
    dup_links: List[Tuple[int, int]]
    token_counts: np.ndarray
    ids: List[str] = field(default_factory=list)

    @classmethod
    def from_groups(cls, n: int, groups: List[List[int]], scores: Any,
                    dup_links: List[Tuple[int, int]], token_counts: np.ndarray,
                    ids: Optional[List[str]] = None) -> "Stories":
        story_of = [-1] * n
        for s, g in enumerate(groups):
            for x in g:
                story_of[x] = s
        return cls(groups, story_of, scores, dup_links, token_counts,
                   ids if ids is not None else [f"S{s}" for s in range(1, len(groups) + 1)])

    def size_of(self, article: int) -> int:
        s = self.story_of[article]
        return len(self.groups[s]) if s >= 0 else 0

    def only(self, keep: Sequence[int], first_id: int = 1) -> "Stories":
        """The stories ``keep`` (indexes, in the order given), numbered anew from
        ``S<first_id>``; the other articles belong to no story."""
        groups = [self.groups[s] for s in keep]
        return Stories.from_groups(len(self.story_of), groups, self.scores, self.dup_links,
                                   self.token_counts,
                                   [f"S{n}" for n in range(first_id, first_id + len(groups))])

    def subset(self, stories: Sequence[int], docs: Sequence[Any]) -> Tuple[List[Any], "Stories"]:
        """The articles of some stories, in story order, and those stories over them
        alone (article indexes local to the returned list, story ids kept)."""
        members = [x for s in stories for x in self.groups[s]]
        local = np.full(len(self.story_of), -1, dtype=np.int64)
        local[np.asarray(members, dtype=np.int64)] = np.arange(len(members))
        groups, pos = [], 0
        for s in stories:
            groups.append(list(range(pos, pos + len(self.groups[s]))))
            pos += len(self.groups[s])
        sc = self.scores
        if sc is not None and getattr(sc, "i", np.zeros(0)).size:
            li, lj = local[sc.i], local[sc.j]
            sel = (li >= 0) & (lj >= 0)
            a, b = li[sel], lj[sel]
            sc = type(sc)(np.minimum(a, b), np.maximum(a, b), sc.cos[sel], sc.bridge_cos[sel],
                          sc.bridge_shared[sel], sc.bridge_evidence[sel])
        dup = [(int(min(local[a], local[b])), int(max(local[a], local[b])))
               for a, b in self.dup_links if local[a] >= 0 and local[b] >= 0]
        sub = Stories.from_groups(len(members), groups, sc, dup,
                                  np.asarray(self.token_counts)[np.asarray(members, dtype=np.int64)]
                                  if members else np.zeros(0),
                                  [self.ids[s] for s in stories])
        return [docs[x] for x in members], sub


@dataclass(frozen=True)
class CopyPair:
    """Two articles of one story that are copies: ``kind`` ``near-duplicate`` or
    ``partial-copy``, with the exact Jaccard and containment of their shingles."""

    a: int
    b: int
    kind: str
    jaccard: float
    containment: float


@dataclass
class Copies:
    """The copy stage's output: the pairs, their groups and shared passages
    (the latter two already in their JSON form, as :mod:`.copies` builds them)."""

    pairs: List[CopyPair]
    groups: List[Dict[str, Any]]
    passages: List[Dict[str, Any]]


@dataclass(frozen=True)
class Conflict:
    """Two mentions of one story that state different values of the same thing."""

    story: int
    type: str
    kind: str
    values: Tuple[str, str]
    context: Tuple[str, ...]
    mentions: Tuple[Mention, Mention]
    measure: Any = None
    scope: Any = None
    # Other pages stating one of the two values, of the same measure, place and day
    # (one disagreement, however many outlets repeat each side).
    also: Tuple[Mention, ...] = ()

    def public(self, number: int, story_ids: Sequence[str]) -> Dict[str, Any]:
        return {
            "id": f"X{number}",
            "story": story_ids[self.story],
            "type": self.type,
            "kind": self.kind,
            "measure": self.measure,
            "scope": self.scope,
            "values": list(self.values),
            "context": list(self.context),
            "mentions": [m.public() for m in self.mentions],
            "also": [m.public() for m in self.also],
        }
