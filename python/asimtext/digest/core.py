"""The digest's entry point and parameters: articles in, :class:`~asimtext.digest.model.Digest`
out, through the stages of :mod:`asimtext.digest.pipeline`."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Dict, Optional

from asimtext.digest import pipeline as _pipeline
from asimtext.digest import stories as _stories
from asimtext.digest.backend import Backend, default_backend
from asimtext.digest.model import Digest
from asimtext.errors import ArgumentError

__all__ = ["DigestParams", "digest"]

@dataclass(frozen=True)
class DigestParams:
    """Tuning of the digest; the defaults are what the README and tests use."""

    dup_threshold: float = 0.8
    containment_threshold: float = 0.25
    min_passage_words: int = 8
    story: _stories.StoryParams = field(default_factory=_stories.StoryParams)
    max_copy_pairs_per_story: int = 2016  # all pairs of a 64-article story
    context_words: int = 5
    min_context_overlap: int = 2
    min_template_words: int = 6

    def __post_init__(self) -> None:
        for name in ("dup_threshold", "containment_threshold"):
            v = getattr(self, name)
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not v > 0:
                raise ArgumentError(f"DigestParams.{name} must be a number > 0 (above 1: never), "
                                 f"got {v!r}")
        for name in ("min_passage_words", "max_copy_pairs_per_story", "context_words",
                     "min_context_overlap", "min_template_words"):
            v = getattr(self, name)
            if not isinstance(v, int) or isinstance(v, bool) or v < 1:
                raise ArgumentError(f"DigestParams.{name} must be an int >= 1, got {v!r}")

    def to_dict(self) -> Dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "story"}
        d.update({f"story_{k}": getattr(self.story, k) for k in self.story.__dataclass_fields__})
        return d


def digest(
    articles: Any,
    *,
    text_field: str = "text",
    id_field: str = "id",
    params: Optional[DigestParams] = None,
    backend: Optional[Backend] = None,
    strict: bool = False,
    reference_date: Optional[str] = None,
    keep: str = "all",
    **overrides: Any,
) -> Digest:
    """The cross-source digest of some articles.

    ``articles`` is anything :func:`asimtext.load_articles` reads (a folder,
    files, ``Article`` objects, dicts, an iterable of them) or a
    :class:`~asimtext.io.LoadReport`. Bad records are reported in
    ``Digest.articles`` with status ``skipped``. ``params`` tunes thresholds
    (:class:`DigestParams`; keyword ``overrides`` such as
    ``dup_threshold=0.7`` replace single fields). ``backend`` replaces the
    Rust calls (spans, cross-script keys, overlap, passages), for tests.
    A ``str`` or path on its own is a path; inside a list a ``str`` is the
    text of an article (``digest(["एक खबर"])``), a :class:`pathlib.Path` a path.
    ``strict=True`` raises :class:`asimtext.LoadError` (naming file and line)
    at the first bad record instead of reporting it. ``reference_date``
    (``YYYY-MM-DD``) resolves partial dates and weekdays of the articles that
    have no date of their own and none to borrow from their story.

    ``keep`` chooses what the digest shows: ``"all"`` (every story, every
    article with its metadata), ``"singletons"`` (every story, articles as
    ``id, status, story, source``) or ``"stories"`` (only the stories two outlets or
    more carry, ranked biggest first; the other articles are listed with no
    story): the readable digest of a big corpus.

    >>> d = asimtext.digest("seeds/")                     # doctest: +SKIP
    >>> [len(s["articles"]) for s in d.stories]           # doctest: +SKIP
    [5]
    """
    params = params or DigestParams()
    if overrides:
        params = DigestParams(
            **{**{k: getattr(params, k) for k in params.__dataclass_fields__}, **overrides}
        )
    if reference_date is not None:
        try:
            reference_date = _dt.date.fromisoformat(str(reference_date)).isoformat()
        except ValueError:
            raise ArgumentError(f"reference_date must be a date as YYYY-MM-DD, "
                             f"not {reference_date!r}") from None
    return _pipeline.run(articles, params, backend or default_backend(),
                         text_field=text_field, id_field=id_field, strict=strict,
                         reference_date=reference_date, keep=keep)
