"""The digest pipeline: articles in, :class:`~asimtext.digest.model.Digest` out."""

from __future__ import annotations

import datetime as _dt
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from operator import attrgetter
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from asimtext.article import Article, parse_date_prefix
from asimtext.digest import conflicts as _conflicts
from asimtext.digest import copies as _copies
from asimtext.digest import facts as _facts
from asimtext.digest import stories as _stories
from asimtext.digest.backend import Backend, default_backend
from asimtext.digest.keys import Vocabulary
from asimtext.digest.meta import infer_published, infer_source
from asimtext.digest.model import Digest
from asimtext.digest.text import Sentences, detect_lang
from asimtext.io import LoadError, LoadReport, Record, iter_records

__all__ = ["DigestParams", "digest"]

_SPAN_ORDER = attrgetter("start", "end")




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
                raise ValueError(f"DigestParams.{name} must be a number > 0 (above 1: never), "
                                 f"got {v!r}")
        for name in ("min_passage_words", "max_copy_pairs_per_story", "context_words",
                     "min_context_overlap", "min_template_words"):
            v = getattr(self, name)
            if not isinstance(v, int) or isinstance(v, bool) or v < 1:
                raise ValueError(f"DigestParams.{name} must be an int >= 1, got {v!r}")

    def to_dict(self) -> Dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "story"}
        d.update({f"story_{k}": getattr(self.story, k) for k in self.story.__dataclass_fields__})
        return d


class _Doc:
    __slots__ = (
        "idx",
        "article",
        "text",
        "source",
        "source_origin",
        "published",
        "published_origin",
        "lang",
        "spans",
        "header",
        "ref",
        "_sents",
    )

    def __init__(self, idx: int, article: Article) -> None:
        self.idx = idx
        self.article = article
        self.text = article.text
        self.source = article.source
        self.source_origin = "given" if article.source else None
        self.published = article.published
        self.published_origin = "given" if article.published else None
        self.lang = article.lang
        self.spans: list = []
        self.header: Optional[Tuple[int, int]] = None
        self.ref: Optional[str] = None
        self._sents: Optional[Sentences] = None

    @property
    def sentences(self) -> Sentences:
        if self._sents is None:
            self._sents = Sentences(self.text)
        return self._sents


def _records(articles: Any, text_field: str, id_field: str, strict: bool = False) -> List[Record]:
    if isinstance(articles, LoadReport):
        records = list(articles.records)
    elif (
        isinstance(articles, (list, tuple))
        and articles
        and all(isinstance(x, Record) for x in articles)
    ):
        records = list(articles)
    else:  # a str or path on its own is a path; in a list, a str is a text
        records = list(iter_records(articles, text_field=text_field, id_field=id_field))
    if strict:
        bad = next((r for r in records if not r.ok), None)
        if bad is not None:
            raise LoadError(bad)
    return records


def _needs_reference(spans: Sequence[Any]) -> bool:
    return any(
        s.kind == "weekday" or (s.kind == "date" and s.value.startswith("--")) for s in spans
    )


def digest(
    articles: Any,
    *,
    text_field: str = "text",
    id_field: str = "id",
    params: Optional[DigestParams] = None,
    backend: Optional[Backend] = None,
    strict: bool = False,
    reference_date: Optional[str] = None,
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

    >>> d = asimtext.digest("seeds/")                     # doctest: +SKIP
    >>> [len(s["articles"]) for s in d.stories]           # doctest: +SKIP
    [5]
    """
    timings: Dict[str, float] = {"_t": time.perf_counter()}
    params = params or DigestParams()
    if overrides:
        params = DigestParams(
            **{**{k: getattr(params, k) for k in params.__dataclass_fields__}, **overrides}
        )
    be = backend or default_backend()
    if reference_date is not None:
        try:
            reference_date = _dt.date.fromisoformat(str(reference_date)).isoformat()
        except ValueError:
            raise ValueError(f"reference_date must be a date as YYYY-MM-DD, "
                             f"not {reference_date!r}") from None
    records = _records(articles, text_field, id_field, strict)
    docs = [_Doc(i, r.article) for i, r in enumerate(rr for rr in records if rr.ok)]
    texts = [d.text for d in docs]

    _lap(timings, "load")
    # 1. Spans, with the given publication dates as references.
    given_refs = [d.published[:10] if d.published else None for d in docs]
    span_lists = be.extract_batch(texts, reference_dates=given_refs) if docs else []
    for d, sp in zip(docs, span_lists):
        d.spans = sorted(sp, key=_SPAN_ORDER)
        d.ref = given_refs[d.idx]

    _lap(timings, "spans")
    # 2. Metadata from the text: outlet, publication date, language.
    for d in docs:
        if not d.source:
            name = infer_source(d.text)
            d.source, d.source_origin = (name, "inferred") if name else (d.article.id, "id")
        hdr = infer_published(d.text, d.spans)
        if hdr is not None:
            d.header = (hdr[1].start, hdr[1].end)
            if not d.published:
                d.published, d.published_origin = hdr[0], "inferred"
                d.ref = hdr[0][:10]
        if not d.lang:
            d.lang = detect_lang(d.text)

    _lap(timings, "metadata")
    # 3. Stories: cross-script keys + facts, near-duplicates as links.
    vocab = Vocabulary(texts, be.xscript_keys, be.vocabulary)
    fact_bags: List[Counter] = []
    for d in docs:
        bag: Counter = Counter()
        for s in d.spans:
            if d.header and (s.start, s.end) == d.header:
                continue
            f = _facts.fact_of_span(s.kind, s.value, None)
            if f is not None and (f[0] != "number" or _big_number(f[1])):
                bag["#" + f[1]] += 1
        fact_bags.append(bag)
    scores = _stories.score_pairs(vocab.bags(fact_bags), params.story)
    dup_links: List[Tuple[int, int]] = []
    if len(docs) > 1 and params.dup_threshold <= 1.0:  # above 1: no near-duplicates
        nd = be.near_duplicates(texts, threshold=params.dup_threshold)
        dup_links = [(int(p[0]), int(p[1])) for p in nd.pairs]
    groups = _stories.group(len(docs), scores, [d.lang for d in docs], params.story, dup_links)
    story_ids = [f"S{n}" for n in range(1, len(groups) + 1)]
    story_idx = [0] * len(docs)
    for n, g in enumerate(groups):
        for x in g:
            story_idx[x] = n

    _lap(timings, "stories")
    # 4. Borrowed dates, then resolve partial dates and weekdays against them.
    for g in groups:
        dated = [parse_date_prefix(docs[x].published) for x in g if docs[x].published]
        latest = max((p for p in dated if p is not None), default=None)
        for x in g:
            if not docs[x].published and latest is not None:
                docs[x].published, docs[x].published_origin = latest.isoformat(), "borrowed"
                docs[x].ref = latest.isoformat()
    if reference_date is not None:
        for d in docs:
            if not d.ref:
                d.ref = reference_date
    redo = [d for d in docs if d.ref and d.ref != given_refs[d.idx] and _needs_reference(d.spans)]
    if redo:
        again = be.extract_batch([d.text for d in redo], reference_dates=[d.ref for d in redo])
        for d, sp in zip(redo, again):
            d.spans = sorted(sp, key=_SPAN_ORDER)

    _lap(timings, "dates")
    # 5. Mentions of facts (with the content words around them, for conflicts).
    multi_story = [len(groups[story_idx[d.idx]]) > 1 for d in docs]
    token_counts = vocab.token_counts
    del vocab
    mentions: List[Dict[str, Any]] = []
    per_doc: List[List[Dict[str, Any]]] = []
    W = params.context_words
    for d in docs:
        ms = []
        for s in d.spans:
            if d.header and (s.start, s.end) == d.header:
                continue
            f = _facts.fact_of_span(s.kind, s.value, getattr(s, "resolved", None))
            if f is None:
                continue
            ss, se, stext = d.sentences.sentence(s.start, s.end)
            ctx = (_context_keys(be, d.text, ss, se, s.start, s.end, W)
                   if multi_story[d.idx] else set())
            m = {
                "article": d.article.id,
                "source": d.source,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "kind": s.kind,
                "value": f[1],
                "resolved": f[2],
                "sentence": {"start": ss, "end": se, "text": stext},
                "fact_kind": f[0],
                "fact_value": f[1],
                "context": ctx,
                "stated": s.value,
            }
            ms.append(m)
        per_doc.append(ms)
        mentions.extend(ms)
    story_of_article = {d.article.id: story_idx[d.idx] for d in docs}

    facts = _facts.build_facts(mentions, story_of_article, story_ids)
    timeline = _facts.build_timeline(mentions, story_of_article, story_ids)

    _lap(timings, "mentions")
    # 6. Copies and passages, inside stories.
    candidates: List[Tuple[int, int]] = []
    dup_set = set(dup_links)
    for g in groups:
        if len(g) < 2:
            continue
        allp = list(combinations(g, 2))
        if len(allp) > params.max_copy_pairs_per_story:
            pair_cos = _pair_cos_within(scores, g)
            allp.sort(key=lambda p: (-pair_cos.get(p, 0.0) - (p in dup_set), p))
            allp = sorted(allp[: params.max_copy_pairs_per_story])
        candidates.extend(allp)
    ids = [d.article.id for d in docs]
    if candidates:
        sizes = np.maximum(token_counts - 4, 1)
        candidates = _copies.prefilter(
            candidates, be.signatures(texts), sizes, params.dup_threshold,
            params.containment_threshold,
        )
    copy_pairs = _copies.classify_pairs(
        candidates, texts, be.overlap, params.dup_threshold, params.containment_threshold
    )
    sid_of = lambda x: story_ids[story_idx[x]]  # noqa: E731
    copy_groups = _copies.copy_groups(copy_pairs, ids, sid_of)
    passages = _copies.passages(
        copy_pairs, texts, ids, sid_of, be.shared_passages, params.min_passage_words
    )

    _lap(timings, "copies")
    # 7. Conflicts.
    # Only stories with two articles or more can disagree with themselves.
    multi = [d for d in docs if len(groups[story_idx[d.idx]]) > 1]
    text_of = {d.article.id: d.text for d in multi}
    synd = _conflicts.syndicated_conflicts(
        [(story_idx[d.idx], d.article.id, per_doc[d.idx]) for d in multi],
        text_of,
        be.normalize,
        params.min_template_words,
    )
    ctx = _conflicts.context_conflicts(
        [m for d in multi for m in per_doc[d.idx]],
        lambda a: story_of_article[a],
        params.min_context_overlap,
    )
    seen = {
        (m["mentions"][0]["article"], m["mentions"][1]["article"], *sorted(m["values"]))
        for m in synd
    }
    seen |= {(b, a, v1, v2) for a, b, v1, v2 in seen}
    conflicts = synd + [
        c
        for c in ctx
        if (c["mentions"][0]["article"], c["mentions"][1]["article"], *sorted(c["values"]))
        not in seen
    ]
    conflicts.sort(
        key=lambda c: (
            c["story"],
            c["type"],
            c["mentions"][0]["article"],
            c["mentions"][0]["start"],
            c["mentions"][1]["article"],
            c["mentions"][1]["start"],
        )
    )
    public_conf = []
    for n, c in enumerate(conflicts, 1):
        public_conf.append(
            {
                "id": f"X{n}",
                "story": story_ids[c["story"]],
                "type": c["type"],
                "kind": c["kind"],
                "values": c["values"],
                "context": c["context"],
                "mentions": [_facts._public_mention(m) for m in c["mentions"]],
            }
        )

    _lap(timings, "conflicts")
    # 8. Articles and stories.
    doc_iter = iter(docs)
    article_entries = []
    for r in records:
        if r.ok:
            d = next(doc_iter)
            warnings = [] if d.spans else ["no spans"]
            article_entries.append(
                {
                    "id": d.article.id,
                    "status": "ok",
                    "reason": None,
                    "file": r.file,
                    "line": r.line,
                    "title": d.article.title,
                    "source": d.source,
                    "source_origin": d.source_origin,
                    "published": d.published,
                    "published_origin": d.published_origin,
                    "lang": d.lang,
                    "story": story_ids[story_idx[d.idx]],
                    "n_spans": len(d.spans),
                    "warnings": warnings,
                }
            )
        else:
            article_entries.append(
                {
                    "id": r.id,
                    "status": "skipped",
                    "reason": r.reason,
                    "file": r.file,
                    "line": r.line,
                    "title": None,
                    "source": None,
                    "source_origin": None,
                    "published": None,
                    "published_origin": None,
                    "lang": None,
                    "story": None,
                    "n_spans": 0,
                    "warnings": [],
                }
            )
    story_entries = []
    for n, g in enumerate(groups):
        ds = [docs[x] for x in g]
        pubs = sorted(p for p in (d.published for d in ds if d.published_origin != "borrowed") if p)
        label = next((d.article.title for d in ds if d.article.title), None)
        if label is None:
            first = ds[0].sentences.spans[0] if ds[0].sentences.spans else (0, 0)
            label = " ".join(ds[0].text[first[0] : first[1]].split())
            if len(label) > 140:
                label = label[:139].rstrip() + "…"
        story_entries.append(
            {
                "id": story_ids[n],
                "label": label,
                "articles": [d.article.id for d in ds],
                "sources": sorted({d.source for d in ds}),
                "langs": sorted({d.lang for d in ds if d.lang}),
                "published": {
                    "first": pubs[0] if pubs else None,
                    "last": pubs[-1] if pubs else None,
                },
            }
        )
    _lap(timings, "output")
    timings.pop("_t")
    result = Digest(
        articles=article_entries,
        stories=story_entries,
        copy_groups=copy_groups,
        passages=passages,
        facts=facts,
        conflicts=public_conf,
        timeline=timeline,
        params=params.to_dict(),
    )
    result.timings = timings
    return result


def _context_keys(be: Backend, text: str, ss: int, se: int, start: int, end: int,
                  width: int) -> set:
    """The cross-script keys of the ``width`` content words on each side of a span,
    inside its sentence (stop words have no key)."""
    reach = 40 * width  # characters: enough for the words, without scanning the sentence
    lo, hi = max(ss, start - reach), min(se, end + reach)
    keys = [(s0 + lo, e0 + lo, k) for s0, e0, k in be.xscript_keys(text[lo:hi], stopwords=False)
            if len(k) >= 2]
    left = [k for s0, e0, k in keys if e0 <= start]
    right = [k for s0, e0, k in keys if s0 >= end]
    return set(left[-width:]) | set(right[:width])


def _pair_cos_within(scores: _stories.PairScores, members: Sequence[int]) -> Dict[Any, float]:
    """The cosines of the scored pairs inside one (big) story."""
    inside = np.zeros(int(max(members)) + 1, dtype=bool)
    inside[np.asarray(members)] = True
    ok = (scores.i < inside.size) & (scores.j < inside.size)
    sel = np.flatnonzero(ok)
    sel = sel[inside[scores.i[sel]] & inside[scores.j[sel]]]
    return {(int(a), int(b)): float(c)
            for a, b, c in zip(scores.i[sel], scores.j[sel], scores.cos[sel])}


def _lap(timings: Dict[str, float], stage: str) -> None:
    now = time.perf_counter()
    timings[stage] = round(now - timings["_t"], 4)
    timings["_t"] = now


def _big_number(value: str) -> bool:
    try:
        return abs(float(value)) >= 10
    except ValueError:
        return False
