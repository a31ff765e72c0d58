"""The digest as a sequence of named stages over typed records.

Each stage is a function that reads records and returns records
(:mod:`asimtext.digest.records`); :func:`run` calls them in order and
:func:`assemble` turns the records into the JSON-ready :class:`Digest`.

    load -> prepare -> group_stories -> borrow_dates -> collect_mentions
         -> find_copies -> collect_facts / build_timeline -> find_conflicts -> assemble

What each stage decides (the joining rule, what a fact is, what a conflict
is) lives in :mod:`.stories`, :mod:`.facts`, :mod:`.conflicts`,
:mod:`.copies`; this module only wires them.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from itertools import combinations
from operator import attrgetter
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from asimtext.article import parse_date_prefix
from asimtext.digest import conflicts as _conflicts
from asimtext.digest import copies as _copies
from asimtext.digest import facts as _facts
from asimtext.digest import stories as _stories
from asimtext.digest.backend import Backend
from asimtext.digest.keys import Vocabulary
from asimtext.digest.meta import infer_published, infer_source
from asimtext.digest.model import Digest
from asimtext.digest.records import Conflict, Copies, CopyPair, Doc, Mention, Stories
from asimtext.digest.text import detect_lang
from asimtext.io import LoadReport, Record, iter_records

__all__ = [
    "Loaded",
    "load",
    "prepare",
    "group_stories",
    "borrow_dates",
    "collect_mentions",
    "find_copies",
    "collect_facts",
    "build_timeline",
    "find_conflicts",
    "assemble",
    "run",
]

_SPAN_ORDER = attrgetter("start", "end")


class Loaded:
    """The input records (``ok`` or not, in input order) and the readable ones as
    :class:`Doc` (``docs[i].idx == i``)."""

    __slots__ = ("records", "docs")

    def __init__(self, records: List[Record], docs: List[Doc]) -> None:
        self.records = records
        self.docs = docs


# -- load ---------------------------------------------------------------------------------


def load(articles: Any, text_field: str = "text", id_field: str = "id") -> Loaded:
    """Read the input (anything :func:`asimtext.load_articles` reads, a
    :class:`~asimtext.io.LoadReport` or a list of records) into :class:`Doc` records."""
    if isinstance(articles, LoadReport):
        records = list(articles.records)
    else:
        if isinstance(articles, (str, os.PathLike)):
            articles = [articles]
        if (isinstance(articles, (list, tuple)) and articles
                and all(isinstance(x, Record) for x in articles)):
            records = list(articles)
        else:
            records = list(iter_records(articles, text_field=text_field, id_field=id_field))
    docs: List[Doc] = []
    for n, r in enumerate(records):
        if r.ok:
            docs.append(Doc(len(docs), n, r.article))
    return Loaded(records, docs)


# -- prepare ------------------------------------------------------------------------------


def prepare(docs: Sequence[Doc], backend: Backend, keep_spans: bool = True) -> None:
    """Spans (resolved against the given publication dates), then what the text
    tells about its outlet, date and language. Fills ``spans``, ``header``,
    ``source``, ``published``, ``ref``, ``lang`` and the story grouping's
    ``facts`` of each doc. Without ``keep_spans`` the spans are dropped once
    read (memory: a big corpus's spans as Python objects outweigh its text);
    :func:`digest_stories` extracts them again for the stories it shows."""
    if not docs:
        return
    span_lists = backend.extract_batch([d.text for d in docs],
                                       reference_dates=[d.given_ref for d in docs])
    for d, sp in zip(docs, span_lists):
        d.spans = sorted(sp, key=_SPAN_ORDER)
        if not d.source:
            name = infer_source(d.text)
            d.source, d.source_origin = (name, "inferred") if name else (d.id, "id")
        hdr = infer_published(d.text, d.spans)
        if hdr is not None:
            d.header = (hdr[1].start, hdr[1].end)
            if not d.published:
                d.published, d.published_origin = hdr[0], "inferred"
                d.ref = hdr[0][:10]
        if not d.lang:
            d.lang = detect_lang(d.text)
        d.facts = story_facts(d)
        d.needs_ref = _needs_reference(d.spans)
        if not keep_spans:
            d.spans = None


def extract_again(docs: Sequence[Doc], backend: Backend) -> None:
    """The spans of docs whose spans were dropped, resolved against their final
    reference date (the same spans :func:`prepare` and :func:`borrow_dates` give)."""
    todo = [d for d in docs if d.spans is None]
    if todo:
        # borrow_dates would have re-extracted only the spans that need the new date
        again = backend.extract_batch([d.text for d in todo], reference_dates=[
            d.ref if d.needs_ref else d.given_ref for d in todo])
        for d, sp in zip(todo, again):
            d.spans = sorted(sp, key=_SPAN_ORDER)


# -- stories ------------------------------------------------------------------------------


def _big_number(value: str) -> bool:
    try:
        return abs(float(value)) >= 10
    except ValueError:
        return False


def story_facts(d: Doc) -> Counter:
    """The fact keys (``#value``) an article brings to the story grouping: its stated
    values (numbers only from 10 up: small ones are everywhere)."""
    bag: Counter = Counter()
    for s in d.fact_spans():
        f = _facts.fact_of_span(s.kind, s.value, None)
        if f is not None and (f[0] != "number" or _big_number(f[1])):
            bag["#" + f[1]] += 1
    return bag


def group_stories(docs: Sequence[Doc], backend: Backend, params: Any) -> Stories:
    """Stories: articles joined by their cross-script word keys and fact values
    (:mod:`.stories`), near-duplicates always together."""
    texts = [d.text for d in docs]
    dup_links: List[Tuple[int, int]] = []
    if len(docs) > 1 and params.dup_threshold <= 1.0:  # above 1: no near-duplicates
        nd = backend.near_duplicates(texts, threshold=params.dup_threshold)
        dup_links = [(int(p[0]), int(p[1])) for p in nd.pairs]
        del nd
    vocab = Vocabulary(texts, backend.xscript_keys, backend.vocabulary)
    trim_heap()
    facts = [d.facts if d.facts is not None else story_facts(d) for d in docs]
    token_counts = vocab.token_counts
    # Memory: the vocabulary's arrays are moved into the bags, and the bags are
    # handed over (no name keeps them: score_pairs drops them once read).
    box = [vocab.bags(facts, release=True)]
    vocab = None
    scores = _stories.score_pairs(box.pop(), params.story)
    groups = _stories.group(len(docs), scores, [d.lang for d in docs], params.story, dup_links)
    stories = Stories.from_groups(len(docs), groups, scores, dup_links, token_counts)
    stories.scores = _scores_inside_big_stories(stories, params.max_copy_pairs_per_story)
    return stories


def trim_heap() -> None:
    """Hand the memory the Rust core's worker threads freed back to the system.

    glibc keeps what a thread frees in that thread's arena, where the arrays the
    next stage allocates on the main thread cannot reuse it: after the
    vocabulary of 100,000 articles about 1 GB would stay resident under the pair
    scoring's arrays. ``malloc_trim`` only returns free pages (it changes no
    data); elsewhere than glibc this does nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _scores_inside_big_stories(stories: Stories, max_pairs: int) -> Any:
    """The pair scores the copy stage reads: those inside stories with more than
    ``max_pairs`` pairs (see :func:`copy_candidates`); the rest is let go."""
    sc = stories.scores
    sizes = np.asarray([len(g) for g in stories.groups] or [0], dtype=np.int64)
    big = sizes * (sizes - 1) // 2 > max_pairs
    so = np.asarray(stories.story_of or [0], dtype=np.int64)
    keep = (so[sc.i] == so[sc.j]) & big[so[sc.i]] if sc.i.size else np.zeros(0, dtype=bool)
    return type(sc)(sc.i[keep], sc.j[keep], sc.cos[keep], sc.bridge_cos[keep],
                    sc.bridge_shared[keep], sc.bridge_evidence[keep])


# -- dates --------------------------------------------------------------------------------


def _needs_reference(spans: Sequence[Any]) -> bool:
    return any(
        s.kind == "weekday" or (s.kind == "date" and s.value.startswith("--")) for s in spans
    )


def borrow_dates(docs: Sequence[Doc], stories: Stories, backend: Backend) -> None:
    """An undated article borrows the latest date of its story; spans that need a
    reference (weekdays, day-and-month dates) are resolved again where the
    reference changed."""
    for g in stories.groups:
        dated = [parse_date_prefix(docs[x].published) for x in g if docs[x].published]
        latest = max((p for p in dated if p is not None), default=None)
        if latest is None:
            continue
        for x in g:
            if not docs[x].published:
                docs[x].published, docs[x].published_origin = latest.isoformat(), "borrowed"
                docs[x].ref = latest.isoformat()
    # (docs whose spans were dropped get them again, with this reference, when shown)
    redo = [d for d in docs if d.ref and d.ref != d.given_ref and d.needs_ref
            and d.spans is not None]
    if redo:
        again = backend.extract_batch([d.text for d in redo],
                                      reference_dates=[d.ref for d in redo])
        for d, sp in zip(redo, again):
            d.spans = sorted(sp, key=_SPAN_ORDER)


# -- mentions -----------------------------------------------------------------------------


def context_keys(backend: Backend, text: str, ss: int, se: int, start: int, end: int,
                 width: int) -> frozenset:
    """The cross-script keys of the ``width`` content words on each side of a span,
    inside its sentence (stop words have no key)."""
    reach = 40 * width  # characters: enough for the words, without scanning the sentence
    lo, hi = max(ss, start - reach), min(se, end + reach)
    keys = [(s0 + lo, e0 + lo, k)
            for s0, e0, k in backend.xscript_keys(text[lo:hi], stopwords=False) if len(k) >= 2]
    left = [k for s0, e0, k in keys if e0 <= start]
    right = [k for s0, e0, k in keys if s0 >= end]
    return frozenset(left[-width:]) | frozenset(right[:width])


def collect_mentions(docs: Sequence[Doc], stories: Stories, backend: Backend,
                     params: Any) -> List[List[Mention]]:
    """The facts each article states, in text order, with their sentence (and, in
    stories of two articles or more, the content words around them)."""
    out: List[List[Mention]] = []
    width = params.context_words
    for i, d in enumerate(docs):
        with_context = stories.size_of(i) > 1
        ms: List[Mention] = []
        for s in d.fact_spans():
            f = _facts.fact_of_span(s.kind, s.value, getattr(s, "resolved", None))
            if f is None:
                continue
            ss, se, stext = d.sentences.sentence(s.start, s.end)
            ctx = (context_keys(backend, d.text, ss, se, s.start, s.end, width)
                   if with_context else frozenset())
            ms.append(Mention(
                article=d.id, source=d.source or "", start=s.start, end=s.end, text=s.text,
                kind=s.kind, value=f[1], resolved=f[2], sentence_start=ss, sentence_end=se,
                sentence_text=stext, fact_kind=f[0], fact_value=f[1], stated=s.value,
                context=ctx,
            ))
        out.append(ms)
    return out


# -- facts and timeline -------------------------------------------------------------------


def _story_of_article(docs: Sequence[Doc], stories: Stories) -> Dict[str, int]:
    return {d.id: stories.story_of[i] for i, d in enumerate(docs)}


def collect_facts(docs: Sequence[Doc], mentions: Sequence[Sequence[Mention]],
                  stories: Stories) -> List[Dict[str, Any]]:
    """One fact per (story, kind, value), with every mention and its sources."""
    flat = [m for ms in mentions for m in ms]
    return _facts.build_facts(flat, _story_of_article(docs, stories), stories.ids)


def build_timeline(docs: Sequence[Doc], mentions: Sequence[Sequence[Mention]],
                   stories: Stories) -> List[Dict[str, Any]]:
    """The dated events of each story, in date order."""
    flat = [m for ms in mentions for m in ms]
    return _facts.build_timeline(flat, _story_of_article(docs, stories), stories.ids)


# -- copies -------------------------------------------------------------------------------


def _pair_cos_within(scores: _stories.PairScores, members: Sequence[int]) -> Dict[Any, float]:
    """The cosines of the scored pairs inside one (big) story."""
    inside = np.zeros(int(max(members)) + 1, dtype=bool)
    inside[np.asarray(members)] = True
    ok = (scores.i < inside.size) & (scores.j < inside.size)
    sel = np.flatnonzero(ok)
    sel = sel[inside[scores.i[sel]] & inside[scores.j[sel]]]
    return {(int(a), int(b)): float(c)
            for a, b, c in zip(scores.i[sel], scores.j[sel], scores.cos[sel])}


def copy_candidates(stories: Stories, max_pairs: int) -> List[Tuple[int, int]]:
    """The pairs of each story worth comparing: all of them, or in a story with more
    than ``max_pairs`` pairs, the near-duplicates and the most similar ones."""
    candidates: List[Tuple[int, int]] = []
    dup_set = set(stories.dup_links)
    for g in stories.groups:
        if len(g) < 2:
            continue
        allp = list(combinations(g, 2))
        if len(allp) > max_pairs:
            pair_cos = _pair_cos_within(stories.scores, g)
            allp.sort(key=lambda p: (-pair_cos.get(p, 0.0) - (p in dup_set), p))
            allp = sorted(allp[:max_pairs])
        candidates.extend(allp)
    return candidates


def find_copies(docs: Sequence[Doc], stories: Stories, backend: Backend,
                params: Any, passages: bool = True) -> Copies:
    """Near-duplicates and partial copies inside stories, and (``passages``) the
    passages they share."""
    candidates = copy_candidates(stories, params.max_copy_pairs_per_story)
    texts = [d.text for d in docs]
    ids = [d.id for d in docs]
    if candidates:
        sizes = np.maximum(stories.token_counts - 4, 1)
        candidates = _copies.prefilter(
            candidates, backend.signatures(texts), sizes, params.dup_threshold,
            params.containment_threshold,
        )
    raw = _copies.classify_pairs(candidates, texts, backend.overlap, params.dup_threshold,
                                 params.containment_threshold)
    pairs = [CopyPair(*p) for p in raw]

    def sid_of(x: int) -> str:
        return stories.ids[stories.story_of[x]]

    groups = _copies.copy_groups(raw, ids, sid_of)
    shared = (_copies.passages(raw, texts, ids, sid_of, backend.shared_passages,
                               params.min_passage_words) if passages else [])
    return Copies(pairs, groups, shared)


# -- conflicts ----------------------------------------------------------------------------


def find_conflicts(docs: Sequence[Doc], mentions: Sequence[Sequence[Mention]],
                   stories: Stories, backend: Backend, params: Any) -> List[Conflict]:
    """The same statement with different values, between outlets of one story:
    copied sentences with a value changed, then values next to the same words."""
    # Only stories with two articles or more can disagree with themselves.
    multi = [i for i in range(len(docs)) if stories.size_of(i) > 1]
    story_of = {docs[i].id: stories.story_of[i] for i in multi}
    synd = _conflicts.syndicated_conflicts(
        [(stories.story_of[i], docs[i].id, mentions[i]) for i in multi],
        {docs[i].id: docs[i].text for i in multi},
        backend.normalize,
        params.min_template_words,
    )
    ctx = _conflicts.context_conflicts(
        [m for i in multi for m in mentions[i]],
        story_of.__getitem__,
        params.min_context_overlap,
    )

    def key(c: Dict[str, Any]) -> Tuple[str, str, str, str]:
        return (c["mentions"][0]["article"], c["mentions"][1]["article"], *sorted(c["values"]))

    seen = {key(c) for c in synd}
    seen |= {(b, a, v1, v2) for a, b, v1, v2 in seen}
    found = synd + [c for c in ctx if key(c) not in seen]
    found.sort(key=lambda c: (
        c["story"], c["type"],
        c["mentions"][0]["article"], c["mentions"][0]["start"],
        c["mentions"][1]["article"], c["mentions"][1]["start"],
    ))
    return [Conflict(story=c["story"], type=c["type"], kind=c["kind"],
                     values=(c["values"][0], c["values"][1]), context=tuple(c["context"]),
                     mentions=(c["mentions"][0], c["mentions"][1]))
            for c in found]


# -- story digests -----------------------------------------------------------------------

KEEP = ("all", "singletons", "stories")


def select_stories(docs: Sequence[Doc], stories: Stories, keep: str,
                   among: Optional[Sequence[int]] = None, first_id: int = 1) -> Stories:
    """The stories the digest shows: ``all`` and ``singletons`` every story,
    ``stories`` those carried by two outlets or more (biggest first), numbered
    from ``S<first_id>``; ``among`` limits the choice to some stories. The other articles are accounted for without a story; their text
    and spans are dropped (nothing downstream reads them).

    Outside ``all`` the digest is written for a reader of a big corpus: articles
    as ``id, status, story, source``; only the facts two outlets or more state, the
    sentence quoted once per fact; the dated events two outlets or more give; copy
    groups without their passages."""
    if keep not in KEEP:
        raise ValueError(f"keep must be one of {', '.join(KEEP)}, got {keep!r}")
    if keep != "stories" and among is None and first_id == 1:
        return stories
    kept = [s for s in (range(len(stories.groups)) if among is None else among)
            if keep != "stories" or len({docs[x].source for x in stories.groups[s]}) > 1]
    out = stories.only(kept, first_id)
    if keep == "stories":
        dropped = (range(len(docs)) if among is None
                   else [x for s in among for x in stories.groups[s]])
        for i in dropped:
            if out.story_of[i] < 0:
                docs[i].text, docs[i].spans, docs[i]._sents = "", None, None
    return out


class StoryPart:
    """The digest of some stories: their entries and everything found inside them,
    as JSON-ready dicts whose ids (F, C, P, X) count from 1 within the part;
    :class:`Numbering` makes them global."""

    __slots__ = ("stories", "facts", "timeline", "copy_groups", "passages", "conflicts")

    def __init__(self, stories: List[Dict[str, Any]], facts: List[Dict[str, Any]],
                 timeline: List[Dict[str, Any]], copy_groups: List[Dict[str, Any]],
                 passages: List[Dict[str, Any]], conflicts: List[Dict[str, Any]]) -> None:
        self.stories, self.facts, self.timeline = stories, facts, timeline
        self.copy_groups, self.passages, self.conflicts = copy_groups, passages, conflicts

    def by_story(self) -> List[Dict[str, Any]]:
        """One dict per story with its facts, copies, passages, conflicts and events
        (a line of ``--format jsonl``)."""
        out: Dict[str, Dict[str, Any]] = {
            s["id"]: {"story": s, "facts": [], "copy_groups": [], "passages": [],
                      "conflicts": [], "timeline": []} for s in self.stories}
        for name in ("facts", "copy_groups", "passages", "conflicts", "timeline"):
            for x in getattr(self, name):
                out[x["story"]][name].append(x)
        return list(out.values())


class Numbering:
    """Gives the facts, copy groups, passages and conflicts of successive parts
    their global ids (``F1``, ``C1``, ``P1``, ``X1``...), in part order."""

    _PREFIX = {"facts": "F", "copy_groups": "C", "passages": "P", "conflicts": "X"}

    def __init__(self) -> None:
        self.seen = dict.fromkeys(self._PREFIX, 0)

    def __call__(self, part: StoryPart) -> StoryPart:
        for name, prefix in self._PREFIX.items():
            base = self.seen[name]
            items = getattr(part, name)
            for n, x in enumerate(items, base + 1):
                x["id"] = f"{prefix}{n}"
            self.seen[name] = base + len(items)
        return part


def _compact_facts(facts: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The facts two outlets or more state, each sentence written once: a mention
    whose sentence an earlier mention of the fact already quoted keeps its
    offsets and an empty ``text``."""
    out = []
    for f in facts:
        if f["n_sources"] < 2:
            continue
        quoted = set()
        for m in f["mentions"]:
            key = (m["article"], m["sentence"]["start"])
            if quoted:
                m["sentence"] = {**m["sentence"], "text": ""}
            quoted.add(key)
        out.append(f)
    return out


def digest_stories(docs: Sequence[Doc], stories: Stories, which: Sequence[int],
                   backend: Backend, params: Any, *, compact: bool = False,
                   clock: Optional["Clock"] = None) -> StoryPart:
    """Everything found inside the stories ``which``: their entries, facts,
    timeline, copies, passages and conflicts (ids local to the part).
    ``compact`` merges the passages several pairs share."""
    lap = clock.lap if clock is not None else (lambda _stage: None)
    sub_docs, sub = stories.subset(which, docs)
    extract_again(sub_docs, backend)
    lap("spans again")
    mentions = collect_mentions(sub_docs, sub, backend, params)
    lap("mentions")
    facts = collect_facts(sub_docs, mentions, sub)
    lap("facts")
    timeline = build_timeline(sub_docs, mentions, sub)
    lap("timeline")
    copies = find_copies(sub_docs, sub, backend, params, passages=not compact)
    lap("copies")
    conflicts = find_conflicts(sub_docs, mentions, sub, backend, params)
    lap("conflicts")
    del mentions
    entries = [_story_entry(n, [sub_docs[x] for x in g], sub) for n, g in enumerate(sub.groups)]
    passages = copies.passages
    if compact:  # the reader's digest: see select_stories
        facts = _compact_facts(facts)
        timeline = [e for e in timeline if len(e["sources"]) > 1]
        passages = []
    return StoryPart(entries, facts, timeline, copies.groups, passages,
                     [c.public(n, sub.ids) for n, c in enumerate(conflicts, 1)])


def story_batches(stories: Stories, max_articles: int = 4096) -> List[List[int]]:
    """The stories in order, cut into runs of about ``max_articles`` articles (the
    unit of work and of memory of the per-story stages)."""
    out: List[List[int]] = [[]]
    n = 0
    for s, g in enumerate(stories.groups):
        if n and n + len(g) > max_articles:
            out.append([])
            n = 0
        out[-1].append(s)
        n += len(g)
    return [b for b in out if b]


# -- assemble -----------------------------------------------------------------------------


def article_entry(r: Record, d: Optional[Doc], stories: Stories,
                  compact: bool = False) -> Dict[str, Any]:
    """The JSON entry of an input record; ``compact``: ``id, status, story, source``
    (and why and where a record was skipped)."""
    if d is None:
        if compact:
            return {"id": r.id, "status": "skipped", "story": None, "source": None,
                    "reason": r.reason, "file": r.file, "line": r.line}
        return {
            "id": r.id, "status": "skipped", "reason": r.reason, "file": r.file,
            "line": r.line, "title": None, "source": None, "source_origin": None,
            "published": None, "published_origin": None, "lang": None, "story": None,
            "n_spans": 0, "warnings": [],
        }
    s = stories.story_of[d.idx]
    story = stories.ids[s] if s >= 0 else None
    if compact:
        return {"id": d.id, "status": "ok", "story": story, "source": d.source}
    return {
        "id": d.id, "status": "ok", "reason": None, "file": r.file, "line": r.line,
        "title": d.title, "source": d.source, "source_origin": d.source_origin,
        "published": d.published, "published_origin": d.published_origin, "lang": d.lang,
        "story": story, "n_spans": len(d.spans), "warnings": [] if d.spans else ["no spans"],
    }


def story_label(ds: Sequence[Doc]) -> str:
    """A story's label: its first title, else its first article's first sentence."""
    label = next((d.title for d in ds if d.title), None)
    if label is not None:
        return label
    first = ds[0].sentences.spans[0] if ds[0].sentences.spans else (0, 0)
    label = " ".join(ds[0].text[first[0]:first[1]].split())
    if len(label) > 140:
        label = label[:139].rstrip() + "…"
    return label


def _story_entry(n: int, ds: Sequence[Doc], stories: Stories) -> Dict[str, Any]:
    pubs = sorted(p for p in (d.published for d in ds if d.published_origin != "borrowed") if p)
    return {
        "id": stories.ids[n],
        "label": story_label(ds),
        "articles": [d.id for d in ds],
        "sources": sorted({d.source for d in ds}),
        "langs": sorted({d.lang for d in ds if d.lang}),
        "published": {"first": pubs[0] if pubs else None, "last": pubs[-1] if pubs else None},
    }


def assemble(articles: List[Dict[str, Any]], parts: Sequence[StoryPart],
             params: Dict[str, Any]) -> Digest:
    """The article entries and the (numbered) story parts as one :class:`Digest`."""
    def cat(name: str) -> List[Dict[str, Any]]:
        return [x for p in parts for x in getattr(p, name)]

    return Digest(articles=articles, stories=cat("stories"), copy_groups=cat("copy_groups"),
                  passages=cat("passages"), facts=cat("facts"), conflicts=cat("conflicts"),
                  timeline=cat("timeline"), params=params)


# -- the whole ----------------------------------------------------------------------------


class Clock:
    """Seconds per stage, summed over calls: ``timings`` (wall clock) and ``cpu``
    (CPU time of the whole process, every thread)."""

    def __init__(self, memory: bool = False) -> None:
        self.timings: Dict[str, float] = {}
        self.cpu: Dict[str, float] = {}
        #: With ``memory``: the process's peak RSS (MB, Linux) at the end of each
        #: stage's first lap, which tells the stage that set the peak.
        self.peak_mb: Optional[Dict[str, int]] = {} if memory else None
        self._t = time.perf_counter()
        self._c = time.process_time()

    def lap(self, stage: str) -> None:
        now, cnow = time.perf_counter(), time.process_time()
        self.timings[stage] = round(self.timings.get(stage, 0.0) + now - self._t, 4)
        self.cpu[stage] = round(self.cpu.get(stage, 0.0) + cnow - self._c, 4)
        if self.peak_mb is not None and stage not in self.peak_mb:
            self.peak_mb[stage] = _peak_rss_mb()
        self._t, self._c = now, cnow


def _peak_rss_mb() -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def params_dict(params: Any, keep: str) -> Dict[str, Any]:
    d = params.to_dict()
    if keep != "all":
        d["keep"] = keep
    return d


def digest_loaded(loaded: Loaded, params: Any, backend: Backend, keep: str,
                  clock: Clock) -> Tuple[List[Dict[str, Any]], List[StoryPart]]:
    """The article entries and story parts (not numbered) of loaded articles."""
    docs = loaded.docs
    prepare(docs, backend, keep_spans=keep == "all")
    clock.lap("prepare")
    stories = group_stories(docs, backend, params)
    clock.lap("stories")
    borrow_dates(docs, stories, backend)
    clock.lap("dates")
    stories = select_stories(docs, stories, keep)
    compact = keep != "all"
    by_record = {d.record: d for d in docs}
    articles = [article_entry(r, by_record.get(n), stories, compact)
                for n, r in enumerate(loaded.records)]
    clock.lap("articles")
    parts = []
    for batch in story_batches(stories):
        parts.append(digest_stories(docs, stories, batch, backend, params, compact=compact,
                                    clock=clock))
        clock.lap("story entries")
    return articles, parts


def run(articles: Any, params: Any, backend: Backend, *, text_field: str = "text",
        id_field: str = "id", keep: str = "all") -> Digest:
    """Every stage in order; ``Digest.timings`` holds the seconds of each."""
    if keep not in KEEP:
        raise ValueError(f"keep must be one of {', '.join(KEEP)}, got {keep!r}")
    clock = Clock()
    loaded = load(articles, text_field, id_field)
    clock.lap("load")
    entries, parts = digest_loaded(loaded, params, backend, keep, clock)
    numbering = Numbering()
    result = assemble(entries, [numbering(p) for p in parts], params_dict(params, keep))
    clock.lap("assemble")
    result.timings = clock.timings
    return result
