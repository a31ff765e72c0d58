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

import dataclasses
import gc
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from itertools import combinations
from operator import attrgetter, itemgetter
from typing import Any, Dict, FrozenSet, Iterator, List, Optional, Sequence, Tuple

import numpy as np

from asimtext import _core
from asimtext.article import parse_date_prefix
from asimtext.digest import conflicts as _conflicts
from asimtext.digest import copies as _copies
from asimtext.digest import facts as _facts
from asimtext.digest import figures as _figures
from asimtext.digest import lead_places as _lead_places
from asimtext.digest import measured as _measured
from asimtext.digest import moves as _moves
from asimtext.digest import scope as _scope
from asimtext.digest import stories as _stories
from asimtext.digest import units as _units
from asimtext.digest import updates as _updates
from asimtext.digest import yearless as _yearless
from asimtext.digest.backend import Backend
from asimtext.digest.keys import Vocabulary
from asimtext.digest.meta import infer_published, infer_source
from asimtext.digest.model import Digest
from asimtext.digest.numbered import numbered_names_and_lead
from asimtext.digest.records import (
    CHARS_PER_VALUE,
    MIN_VALUES,
    Conflict,
    Copies,
    CopyPair,
    Doc,
    Mention,
    Stories,
    values_cap,
)
from asimtext.digest.text import WORD_RE, lead_end, sentences_batch
from asimtext.digest.when import (
    _relative,
    event_days_of,
    interval_of_days,
    own_times_of,
    stated_weekdays,
)
from asimtext.errors import ArgumentError
from asimtext.io import LoadError, LoadReport, Record, iter_records

__all__ = [
    "Loaded",
    "load",
    "prepare",
    "prepare_pages",
    "spans_again",
    "extract_again",
    "release_words",
    "forget_prepared",
    "group_stories",
    "borrow_dates",
    "collect_mentions",
    "find_copies",
    "collect_facts",
    "build_timeline",
    "find_conflicts",
    "merge_repeated",
    "assemble",
    "digest_loaded",
    "iter_loaded",
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


def load(articles: Any, text_field: str = "text", id_field: str = "id",
         strict: bool = False) -> Loaded:
    """Read the input (anything :func:`asimtext.load_articles` reads, a
    :class:`~asimtext.io.LoadReport` or a list of records) into :class:`Doc` records.
    ``strict``: :class:`~asimtext.io.LoadError` at the first bad record."""
    if isinstance(articles, LoadReport):
        records = list(articles.records)
    elif (isinstance(articles, (list, tuple)) and articles
            and all(isinstance(x, Record) for x in articles)):
        records = list(articles)
    else:  # a str or path on its own is a path; in a list, a str is a text
        records = list(iter_records(articles, text_field=text_field, id_field=id_field))
    if strict:
        bad = next((r for r in records if not r.ok), None)
        if bad is not None:
            raise LoadError(bad)
    docs: List[Doc] = []
    for n, r in enumerate(records):
        if r.ok:
            docs.append(Doc(len(docs), n, r.article))
    return Loaded(records, docs)


# -- prepare ------------------------------------------------------------------------------


def prepare(docs: Sequence[Doc], backend: Backend, keep_spans: bool = True) -> None:
    """Each text read once (:meth:`Backend.prepare`: a prepared-document batch, see
    docs/digest.md, "Prepared documents"), then its spans (resolved against the
    given publication dates) and what the text tells about its outlet, date and
    language. Fills ``prepared``, ``spans``, ``header``, ``source``, ``published``,
    ``ref``, ``lang`` and ``needs_ref`` of each doc.
    Without ``keep_spans`` the spans are dropped once read (memory: a big
    corpus's spans as Python objects outweigh its text), after what the story
    grouping reads from them is kept (:func:`grouping_features`: ``facts``,
    ``text_days``, ``weekdays``); :func:`extract_again` reads them from the batch
    again for the stories it shows (without reading the text)."""
    if not docs:
        return
    finder = None if keep_spans else _scope.default_gazetteer()
    for batch, chunk in _prepared_chunks(docs, backend):
        _read_prepared(chunk, batch, finder, keep_spans)
    _link_page_units(docs)


def _link_page_units(docs: Sequence[Doc]) -> None:
    """The units of a page split into several (:mod:`.units`) get, third in their
    ``prepared``, the page's pieces ``[(batch, row, base)]``: the copy stage compares
    whole pages from their units' tokens (:func:`find_page_copies`)."""
    by_page: Dict[str, List[Doc]] = {}
    for d in docs:
        if d.id != d.article_id:
            by_page.setdefault(d.article_id, []).append(d)
    for units in by_page.values():
        units.sort(key=attrgetter("base"))
        pieces = [(u.prepared[0], u.prepared[1], u.base) for u in units]
        for u in units:
            u.prepared = (u.prepared[0], u.prepared[1], pieces)


#: Docs per prepared batch: the next batch is prepared (in Rust, on both cores) while
#: Python reads the one before.
PREPARE_CHUNK = 8192


def _prepared_chunks(docs: Sequence[Doc], backend: Backend) -> Any:
    """``(batch, docs)`` for consecutive chunks of ``docs``, each chunk prepared in a
    worker thread while the caller reads the chunk before it (the Rust call releases
    the GIL); the same batches, chunk by chunk, as one call per chunk."""
    chunks = [docs[i:i + PREPARE_CHUNK] for i in range(0, len(docs), PREPARE_CHUNK)]
    if len(chunks) == 1:
        yield backend.prepare([d.text for d in chunks[0]]), chunks[0]
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="asimtext-prepare") as ex:
        ahead = ex.submit(backend.prepare, [d.text for d in chunks[0]])
        for k, chunk in enumerate(chunks):
            batch = ahead.result()
            if k + 1 < len(chunks):
                ahead = ex.submit(backend.prepare, [d.text for d in chunks[k + 1]])
            yield batch, chunk


def _read_prepared(docs: Sequence[Doc], batch: Any, finder: Any, keep_spans: bool) -> None:
    """:func:`prepare`'s reading of one prepared batch (``docs[row]`` is its row)."""
    langs = batch.langs()
    for row, d in enumerate(docs):
        d.prepared = (batch, row)
        d.spans = batch.spans(row, d.given_ref)
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
            d.lang = langs[row]
        fact_spans = d.fact_spans()
        d.values = len(fact_spans)
        if keep_spans:
            d.needs_ref = _needs_reference(d.spans)
        else:
            # One pass over the spans for every feature (:func:`_span_features`); the
            # header's spans, left out of the facts, still count for the reference.
            keys, dated, weekdays, needs_ref = _span_features(fact_spans)
            d.needs_ref = needs_ref or (d.header is not None and _needs_reference(
                [s for s in d.spans if (s.start, s.end) == d.header]))
            d.facts, d.text_days, d.weekdays = _grouping_features_of(d, finder, keys, dated,
                                                                     weekdays)
            d.spans = None


def spans_again(docs: Sequence[Doc], refs: Sequence[Optional[str]], backend: Backend
                ) -> List[list]:
    """The spans of ``docs`` resolved against ``refs``, sorted: read from their
    prepared batch (no text is read again), or extracted again for a doc that was
    not prepared."""
    out: List[Optional[list]] = [None] * len(docs)
    todo = []
    for k, (d, ref) in enumerate(zip(docs, refs)):
        if d.prepared is not None:
            out[k] = d.prepared[0].spans(d.prepared[1], ref)
        else:
            todo.append(k)
    if todo:
        again = backend.extract_batch([docs[k].text for k in todo],
                                      reference_dates=[refs[k] for k in todo])
        for k, sp in zip(todo, again):
            out[k] = sorted(sp, key=_SPAN_ORDER)
    return out  # type: ignore[return-value]


def extract_again(docs: Sequence[Doc], backend: Backend) -> None:
    """The spans of docs whose spans were dropped, resolved against their final
    reference date (the same spans :func:`prepare` and :func:`borrow_dates` give)."""
    todo = [d for d in docs if d.spans is None]
    if todo:
        # borrow_dates would have re-extracted only the spans that need the new date
        again = spans_again(todo, [d.ref if d.needs_ref else d.given_ref for d in todo],
                            backend)
        for d, sp in zip(todo, again):
            d.spans = sp


def forget_prepared(docs: Sequence[Doc]) -> None:
    """Unlink ``docs`` from their prepared batch (before they are sent to another
    process: the batch lives in Rust memory and is not pickled). Later stages then
    read the texts again (the vocabulary) or extract their spans again."""
    for d in docs:
        d.prepared = None


def release_words(docs: Sequence[Doc]) -> None:
    """Let the prepared batches of ``docs`` go of the texts' words (the story
    vocabulary's input; the spans stay), once the stories are grouped."""
    seen = set()
    for d in docs:
        if d.prepared is not None and id(d.prepared[0]) not in seen:
            seen.add(id(d.prepared[0]))
            d.prepared[0].release_words()


# -- stories ------------------------------------------------------------------------------


def _big_number(value: str) -> bool:
    try:
        return abs(float(value)) >= 10
    except ValueError:
        return False


def story_facts(d: Doc, finder: Any = None) -> Counter:
    """The strong keys an article brings to the story grouping: its stated values
    (``#value``; numbers only from 10 up: small ones are everywhere) and the
    gazetteer names it mentions (``#@party:bjp``: the same key in both scripts)."""
    return _story_bag(d, finder, _span_features(d.fact_spans())[0])


def _story_bag(d: Doc, finder: Any, keys: List[str]) -> Counter:
    """:func:`story_facts` from the value keys of :func:`_span_features`."""
    if finder is not None:  # (the names the prepare stage found, where it ran)
        hits = finder(d.text) if d.prepared is None else d.prepared[0].places(d.prepared[1])
        keys = keys + ["#@" + entry for _s, _e, entry in hits]
    return Counter(keys)  # (one count of both: Counter's own cost is per call)


# The kinds whose spans are facts without a reference date (:func:`.facts.fact_of_span`
# with ``resolved=None``: every fact kind, a weekday only once resolved), and those
# that place a text in time (:func:`.when.event_days`).
_FACT_KINDS = frozenset(_facts.FACT_GROUPS)
_DATED_KINDS = frozenset(("date", "datetime", "year"))


def _span_features(spans: Sequence[Any]
                   ) -> Tuple[List[str], List[Tuple[str, str]], set, bool]:
    """What the story grouping and the dates read of the spans, in one pass (each
    span's kind and value read once: a Rust span's getters make a new ``str`` at each
    access, and a pass per feature read them five times):

    * the fact keys ``#value`` of :func:`story_facts` (``fact_of_span(kind, value,
      None)``; numbers only from 10 up), in span order;
    * ``(kind, value)`` of the dated spans :func:`.when.event_days` reads (date,
      date-time or year, not relative to the publication), in text order;
    * the weekdays named, lower case (:func:`.when.stated_weekdays`);
    * whether a span needs a reference date (:func:`_needs_reference`).
    tests/test_fast_prepare.py holds each to the function it stands for."""
    keys: List[str] = []
    dated: List[Tuple[int, int, str, str]] = []
    weekdays = set()
    needs_ref = False
    for s in spans:
        kind = s.kind
        if kind == "weekday":
            weekdays.add(str(s.value).lower())
            needs_ref = True
        elif kind in _FACT_KINDS:
            value = s.value
            if kind == "number":
                if _big_number(value):
                    keys.append("#" + value)
                continue
            keys.append("#" + value)
            if kind in _DATED_KINDS:
                if kind == "date" and value.startswith("--"):
                    needs_ref = True
                if not _relative(value):
                    dated.append((s.start, s.end, kind, value))
    if len(dated) > 1:
        dated.sort(key=_START_END)  # (stable: spans at one place keep their order)
    return keys, [(t[2], t[3]) for t in dated], weekdays, needs_ref


_START_END = itemgetter(0, 1)


def _day_number(published: Optional[str]) -> float:
    p = parse_date_prefix(published) if published else None
    return float(p.toordinal()) if p is not None else float("nan")


_WEEKDAY_BITS = {w: 1 << k for k, w in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}


def _weekday_mask(spans: Sequence[Any]) -> int:
    return _mask_of(stated_weekdays(spans))


def _mask_of(weekdays: Any) -> int:
    return sum(_WEEKDAY_BITS.get(w, 0) for w in weekdays)


def _word_key(backend: Backend) -> Any:
    memo: Dict[str, str] = {}

    def key(word: str) -> str:
        k = memo.get(word)
        if k is None:
            ks = backend.xscript_keys(word, stopwords=False)
            k = memo[word] = ks[0][2] if ks else ""
        return k
    return key


def group_stories(docs: Sequence[Doc], backend: Backend, params: Any, *,
                  release_words: bool = False) -> Stories:
    """Stories: articles joined by their cross-script word keys, fact values and
    gazetteer names (:mod:`.stories`: candidate pairs, then average link inside each
    connected group, within a publication-time window); near-duplicates always
    together; consecutive units of one page count double. ``release_words``: the
    prepared batches let go of the words as the vocabulary reads them (no later
    grouping of these docs)."""
    texts = [d.text for d in docs]
    dup_links: List[Tuple[int, int]] = []
    if len(docs) > 1 and params.dup_threshold <= 1.0:  # above 1: no near-duplicates
        dup_links = near_duplicate_links(docs, backend, params.dup_threshold)
    vocab = Vocabulary(texts, backend.xscript_keys,
                       _vocabulary_call(docs, backend, release_words))
    trim_heap()
    finder = _scope.default_gazetteer()
    # (a doc's kept features are read as they are, not copied: a bag that takes
    # numbered names below is copied first)
    features = [(d.facts, d.text_days, d.weekdays) if d.spans is None
                else grouping_features(d, finder) for d in docs]
    facts = [f[0] for f in features]
    days = np.asarray([_event_interval(d.published, f[1]) for d, f in zip(docs, features)],
                      dtype=np.float64).reshape(-1, 2)
    weekdays = [f[2] for f in features]
    del features
    key = _word_key(backend)
    numbered = []
    for k, d in enumerate(docs):  # the same name and number: strong evidence
        every, lead = numbered_names_and_lead(d.text, key, lead_end(d.text))
        if every:
            bag = facts[k]
            if bag is d.facts:  # (the doc keeps its own: the stream groups again)
                bag = facts[k] = Counter(bag)
            bag.update("#~" + x for x in every)
        numbered.append(lead)
    token_counts = vocab.token_counts
    # Memory: the vocabulary's arrays are moved into the bags, and the bags are
    # handed over (no name keeps them: score_pairs lets go of what the average
    # link does not read).
    box = [vocab.bags(facts, release=True)]
    vocab = facts = None
    adjacent = [(a.idx, b.idx) for a, b in zip(docs, docs[1:]) if a.article_id == b.article_id]
    # Memory: of the candidate pairs only those that link are kept.
    rule = _stories.pair_rule([d.lang for d in docs], params.story, days, adjacent,
                              token_counts)
    scores = _stories.score_pairs(box.pop(), params.story, days, select=rule, release=True,
                                  index=backend.pair_index)
    groups = _stories.group(len(docs), scores, [d.lang for d in docs], params.story, dup_links,
                            days, adjacent, weekdays,
                            [bool(d.published) for d in docs], numbered,
                            _lead_figures_of(docs, backend), _lead_places_of(docs, key),
                            _lead_moves_of(docs, backend), token_counts, own_times_of(texts),
                            _lead_towns_of(docs))
    groups = _units.rejoin_sections(groups, [d.article_id for d in docs])
    stories = Stories.from_groups(len(docs), groups, scores, dup_links, token_counts)
    # The article x key matrix the average link read goes with the scores not kept.
    stories.scores = _scores_inside_big_stories(stories, params.max_copy_pairs_per_story)
    return stories


def near_duplicate_links(docs: Sequence[Doc], backend: Backend, threshold: float
                         ) -> List[Tuple[int, int]]:
    """The near-duplicate pairs ``(i, j)`` among ``docs``: from their prepared tokens
    (:func:`_prepared_ops`), or ``backend.near_duplicates`` of their texts."""
    ops = _prepared_ops(docs, backend)
    if ops is not None:
        parts: List[Tuple[Any, List[int]]] = []
        for d in docs:
            batch, row = d.prepared[0], d.prepared[1]
            if parts and parts[-1][0] is batch:
                parts[-1][1].append(row)
            else:
                parts.append((batch, [row]))
        pairs = ops.near_duplicates(parts, threshold)
        trim_heap()  # (the sketches were made on the pool's threads, in their own heaps)
    else:
        pairs = backend.near_duplicates([d.text for d in docs], threshold=threshold).pairs
    return [(int(p[0]), int(p[1])) for p in pairs]


def _prepared_ops(docs: Sequence[Any], backend: Backend) -> Optional[_copies.PreparedOps]:
    """The calls that read the prepared tokens of ``docs`` (docs or pages), where the
    backend's text calls are the real ones and every doc was prepared (a doc unlinked
    from its batch, :func:`forget_prepared`, is read from its text), else None."""
    if not backend.from_prepared or not docs:
        return None
    batches = {}
    for d in docs:
        if d.prepared is None:
            return None
        for b, _r, _base in _pieces(d):
            batches[id(b)] = b
    return _copies.prepared_ops(list(batches.values()))


def _pieces(d: Any) -> List[Tuple[Any, int, int]]:
    """A doc's (or page's) prepared pieces ``[(batch, row, base)]``."""
    p = d.prepared
    return p if isinstance(p, list) else [(p[0], p[1], 0)]


def release_rows(docs: Sequence[Doc]) -> None:
    """Let the prepared batches go of the words and tokens of ``docs`` (a streamed
    digest's articles whose stories closed: a batch's memory then follows the rows
    still open, not the batch)."""
    rows: Dict[int, Tuple[Any, List[int]]] = {}
    for d in docs:
        if d.prepared is not None:
            rows.setdefault(id(d.prepared[0]), (d.prepared[0], []))[1].append(d.prepared[1])
    for batch, rs in rows.values():
        if hasattr(batch, "release_rows"):
            batch.release_rows(rs)


def release_tokens(docs: Sequence[Doc], keep: Sequence[bool]) -> None:
    """Let the prepared batches go of the match-key tokens of the docs no later stage
    compares (``keep[i]`` False), but keep those of every unit of a kept doc's page."""
    pages = {d.article_id for d, k in zip(docs, keep) if k and d.id != d.article_id}
    rows: Dict[int, Tuple[Any, List[int]]] = {}
    for d, k in zip(docs, keep):
        if k or d.prepared is None or d.article_id in pages:
            continue
        rows.setdefault(id(d.prepared[0]), (d.prepared[0], []))[1].append(d.prepared[1])
    for batch, rs in rows.values():
        if hasattr(batch, "release_tokens"):
            batch.release_tokens(rs)


def _vocabulary_call(docs: Sequence[Doc], backend: Backend, release: bool = False) -> Any:
    """``backend.vocabulary``, or, where every doc was prepared by the Rust core and
    its batch still holds the words, the same arrays from those words (the texts are
    not read again: :func:`asimtext._core._prepared_vocabulary`; ``release``: the
    words are let go as they are read)."""
    pv = backend.prepared_vocabulary
    rust = getattr(_core, "PreparedBatch", None)
    if pv is None or backend.vocabulary is None or rust is None:
        return backend.vocabulary
    parts: List[Tuple[Any, List[int]]] = []
    for d in docs:
        if d.prepared is None or not isinstance(d.prepared[0], rust):
            return backend.vocabulary
        batch, row = d.prepared[:2]
        if parts and parts[-1][0] is batch:
            parts[-1][1].append(row)
        else:
            if not batch.has_words:
                return backend.vocabulary
            parts.append((batch, [row]))
    return lambda _texts: pv(parts, release=release)


def _lead_figures_of(docs: Sequence[Doc], backend: Backend) -> Any:
    """The lead figures (:mod:`.figures`) of some docs, computed when the average
    link first asks (only groups with an undated member do), from the spans, or
    from spans extracted again where :func:`prepare` dropped them."""
    memo: Dict[int, frozenset] = {}

    def figures_of(members: Sequence[int]) -> List[frozenset]:
        todo = [int(x) for x in members if int(x) not in memo]
        again = [x for x in todo if docs[x].spans is None]
        spans = dict(zip(again, spans_again([docs[x] for x in again], [None] * len(again),
                                            backend)))
        for x in todo:
            d = docs[x]
            sp = d.fact_spans() if d.spans is not None else spans[x]
            memo[x] = _figures.lead_figures(d.text, sp)
        return [memo[int(x)] for x in members]
    return figures_of


def _lead_moves_of(docs: Sequence[Doc], backend: Backend) -> Any:
    """The lead moves of a rate (:mod:`.moves`) of some docs, computed when the average
    link first asks (only groups with an undated member do), from the spans, or from
    spans extracted again where :func:`prepare` dropped them."""
    memo: Dict[int, frozenset] = {}

    def moves_of(members: Sequence[int]) -> List[frozenset]:
        todo = [int(x) for x in members if int(x) not in memo]
        again = [x for x in todo if docs[x].spans is None]
        spans = dict(zip(again, spans_again([docs[x] for x in again], [None] * len(again),
                                            backend)))
        for x in todo:
            d = docs[x]
            sp = d.fact_spans() if d.spans is not None else spans[x]
            memo[x] = (_moves.lead_moves(d.text, sp), _yearless.opening_day_of_year(d.text, sp),
                       _moves.lead_levels(d.text, sp), _moves.lead_sizes(d.text, sp))
        return [memo[int(x)] for x in members]
    return moves_of


def _lead_places_of(docs: Sequence[Doc], key: Any = None) -> Any:
    """The lead places (:mod:`.lead_places`) of some docs, with their localities where
    ``key`` (a word's cross-script key) is given, computed when the average link first
    asks (only groups with an undated member do)."""
    memo: Dict[int, frozenset] = {}
    finder = _scope.default_gazetteer()

    def places_of(members: Sequence[int]) -> List[frozenset]:
        for x in members:
            x = int(x)
            if x not in memo:
                text = docs[x].text
                memo[x] = _lead_places.lead_places(text, lead_end(text), finder, key)
        return [memo[int(x)] for x in members]
    return places_of


def _lead_towns_of(docs: Sequence[Doc]) -> Any:
    """The gazetteer places of some docs' leads (:func:`.lead_places.lead_places`
    without localities: cities, states, countries), from the names the prepare stage
    found where it ran, computed when a story first asks (:func:`.stories._split_places`)."""
    memo: Dict[int, frozenset] = {}
    finder = _scope.default_gazetteer()

    def towns_of(members: Sequence[int]) -> List[frozenset]:
        for x in members:
            x = int(x)
            if x not in memo:
                d = docs[x]
                end = lead_end(d.text)
                find = finder
                if d.prepared is not None:
                    hits = [h for h in d.prepared[0].places(d.prepared[1]) if h[1] <= end]
                    find = lambda _lead, hits=hits: hits  # noqa: E731
                memo[x] = _lead_places.lead_places(d.text, end, find)
        return [memo[int(x)] for x in members]
    return towns_of


def grouping_features(d: Doc, finder: Any) -> Tuple[Counter, Tuple[float, float], int]:
    """What the story grouping reads from a doc's spans: its fact keys
    (:func:`story_facts`), the days its text dates its event to (NaN, NaN if none:
    :func:`asimtext.digest.when.event_interval` without a publication date) and the
    weekdays it names (bit mask). From the spans, or, when :func:`prepare` dropped
    them, as it kept them (a copy: the caller may add keys)."""
    if d.spans is None:
        return Counter(d.facts), d.text_days, d.weekdays
    keys, dated, weekdays, _needs = _span_features(d.fact_spans())
    return _grouping_features_of(d, finder, keys, dated, weekdays)


def _grouping_features_of(d: Doc, finder: Any, keys: List[str], dated: List[Tuple[str, str]],
                          weekdays: set) -> Tuple[Counter, Tuple[float, float], int]:
    """:func:`grouping_features` from what :func:`_span_features` read of the spans
    (``event_interval(None, spans)``: the text's own days, never the publication's)."""
    return (_story_bag(d, finder, keys), interval_of_days(event_days_of(dated, weekdays)),
            _mask_of(weekdays))


def _event_interval(published: Optional[str], text_days: Tuple[float, float]
                    ) -> Tuple[float, float]:
    """:func:`asimtext.digest.when.event_interval` from the text's own interval."""
    day = _day_number(published)
    return (day, day) if day == day else text_days


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
    """The pair scores the copy stage reads: the cosines of all pairs inside stories
    with more than ``max_pairs`` pairs (see :func:`copy_candidates`), from the
    entries the average link read, which are then let go."""
    sc = stories.scores
    big = [g for g in stories.groups if len(g) * (len(g) - 1) // 2 > max_pairs]
    matrix, sc.matrix = sc.matrix, None
    if not big or matrix is None:
        return _stories.PairScores(*(np.zeros(0, dtype=t) for t in (np.int64, np.int64, float,
                                                                    float, np.int64, float)))
    return _stories.cosines_inside(matrix, big)


# -- dates --------------------------------------------------------------------------------


def _needs_reference(spans: Sequence[Any]) -> bool:
    return any(
        s.kind == "weekday" or (s.kind == "date" and s.value.startswith("--")) for s in spans
    )


def borrow_dates(docs: Sequence[Doc], stories: Stories, backend: Backend,
                 reference_date: Optional[str] = None) -> None:
    """An undated article borrows the latest date of its story (else
    ``reference_date``, if given, is its reference); spans that need a
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
    if reference_date is not None:
        for d in docs:
            if not d.ref:
                d.ref = reference_date
    # (docs whose spans were dropped get them again, with this reference, when shown:
    # :func:`extract_again`)
    redo = [d for d in docs if d.ref and d.ref != d.given_ref and d.spans is not None
            and _needs_reference(d.spans)]
    if redo:
        for d, sp in zip(redo, spans_again(redo, [d.ref for d in redo], backend)):
            d.spans = sp


# -- mentions -----------------------------------------------------------------------------


#: Characters on each side of a value its context words are looked for in, per word.
REACH_PER_WORD = 40


def collect_mentions(docs: Sequence[Doc], stories: Stories, backend: Backend,
                     params: Any) -> List[List[Mention]]:
    """The facts each article states, in text order, with their sentence (and, in
    stories of two articles or more, the content words around them: one call for the
    whole batch, each text keyed once, on all cores)."""
    found = _stated_values(docs)
    contexts = _contexts(docs, stories, backend, params, found)
    return _mentions(docs, found, contexts)


def _stated_values(docs: Sequence[Doc]) -> List[List[Tuple[Any, Tuple[str, str, bool], Tuple[int, int, str]]]]:
    """Per doc, ``(span, fact, sentence)`` of each value that states a fact; the
    sentences of the whole batch found in one call (:func:`.text.sentences_batch`)."""
    stated = []
    for d in docs:
        spans = d.fact_spans()
        items = []
        for s in spans[:values_cap(len(d.text))]:  # (the rest is counted: Doc.values)
            f = _facts.fact_of_span(s.kind, s.value, getattr(s, "resolved", None))
            if f is not None:
                items.append((s, f))
        stated.append(items)
    around = sentences_batch([d.text for d in docs],
                             [[(s.start, s.end) for s, _f in items] for items in stated])
    # (a sentence's tuple is shared by its values, as Sentences.sentence gives it)
    return [[(s, f, sents[k]) for (s, f), k in zip(items, which)]
            for items, (which, sents) in zip(stated, around)]


def _contexts(docs: Sequence[Doc], stories: Stories, backend: Backend, params: Any,
              found: Sequence[Sequence[Any]]) -> Dict[int, List[List[str]]]:
    """The context keys of the values of the docs in stories of two or more."""
    return _context_call(backend, params, *_context_args(docs, stories, found, backend))


ContextArgs = Tuple[List[int], List[str], List[List[Tuple[int, int, int, int]]], List[Any]]


def _context_args(docs: Sequence[Doc], stories: Stories, found: Sequence[Sequence[Any]],
                  backend: Optional[Backend] = None) -> ContextArgs:
    """The docs whose values get context words, their texts and values, and for each
    its prepared ``(batch, row)`` where the words are read from the batch
    (:func:`_context_source`), else None."""
    with_context = [i for i in range(len(docs)) if stories.size_of(i) > 1 and found[i]]
    return (with_context, [docs[i].text for i in with_context],
            [[(ss, se, s.start, s.end) for s, _f, (ss, se, _t) in found[i]] for i in with_context],
            [_context_source(docs[i], backend) for i in with_context])


def _context_source(d: Doc, backend: Optional[Backend]) -> Any:
    """``(batch, row)`` of a doc whose context words its prepared batch gives (the
    words it kept from its one normalization: the same keys as keying the text, see
    docs/contracts/prepare.md), or None: the doc's text is keyed. The batch answers
    where the backend's calls are the real ones (:attr:`Backend.from_prepared` and
    the real cross-script keys) and it still holds the row's tokens."""
    p = d.prepared
    if p is None or backend is None or not backend.from_prepared or not _real_context(backend):
        return None
    batch, row = p[0], p[1]
    if not hasattr(batch, "context_keys") or not batch.has_tokens(row):
        return None
    return (batch, row)


def _real_context(backend: Backend) -> bool:
    """Whether the backend keys context words with the real cross-script keys."""
    if backend.context_keys is not None:
        return backend.context_keys is getattr(_core, "_context_keys_batch", None)
    import asimtext

    return backend.xscript_keys is getattr(asimtext, "xscript_keys", None)


def _context_call(backend: Backend, params: Any, with_context: List[int], texts: List[str],
                  values: List[List[Tuple[int, int, int, int]]],
                  sources: Optional[List[Any]] = None) -> Dict[int, List[List[str]]]:
    if not with_context:
        return {}
    width = params.context_words
    reach = REACH_PER_WORD * width
    sources = sources or [None] * len(with_context)
    got: List[Any] = [None] * len(with_context)
    # The prepared docs, one call per batch; the others keyed from their texts.
    by_batch: Dict[int, Tuple[Any, List[int]]] = {}
    rest = []
    for k, src in enumerate(sources):
        if src is None:
            rest.append(k)
        else:
            by_batch.setdefault(id(src[0]), (src[0], []))[1].append(k)
    for batch, ks in by_batch.values():
        for k, keys in zip(ks, batch.context_keys([sources[k][1] for k in ks],
                                                  [texts[k] for k in ks],
                                                  [values[k] for k in ks], width, reach)):
            got[k] = keys
    if rest:
        for k, keys in zip(rest, backend.context_keys_batch()([texts[k] for k in rest],
                                                              [values[k] for k in rest],
                                                              width, reach)):
            got[k] = keys
    return dict(zip(with_context, got))


_NO_CONTEXT: FrozenSet[str] = frozenset()


def _mentions(docs: Sequence[Doc], found: List[List[Any]],
              contexts: Dict[int, List[List[str]]]) -> List[List[Mention]]:
    """The mentions of ``found`` (emptied as they are made), with their contexts."""
    out: List[List[Mention]] = []
    # Mention.of without its copy of the fields: each mention is given the dict made
    # for it as its own (one per value of every story).
    new, set_fields = object.__new__, object.__setattr__
    for i, d in enumerate(docs):
        ctx = contexts.pop(i, None)
        ms: List[Mention] = []
        source = d.source or ""
        aid = d.id
        for n, (s, f, (ss, se, stext)) in enumerate(found[i]):
            m = new(Mention)
            set_fields(m, "__dict__", {
                "article": aid, "source": source, "start": s.start, "end": s.end,
                "text": s.text, "kind": s.kind, "value": f[1], "resolved": f[2],
                "sentence_start": ss, "sentence_end": se, "sentence_text": stext,
                "fact_kind": f[0], "fact_value": f[1], "stated": s.value,
                "context": frozenset(ctx[n]) if ctx is not None else _NO_CONTEXT,
            })
            ms.append(m)
        found[i] = []
        out.append(ms)
    return out


def mentions_of(docs: Sequence[Doc], stories: Stories, backend: Backend, params: Any,
                finder: Any = None) -> List[List[Mention]]:
    """``measure_mentions(docs, collect_mentions(docs, ...))``, with the context keys
    (Rust, the GIL released) read on a helper thread while the measures and scopes
    are found: the mentions are made without their contexts, which are filled in
    on the mentions kept once that thread is done. The contexts are half the
    stage's work on the 2 cores of a small machine; overlapped, they cost little
    wall time."""
    found = _stated_values(docs)
    with ThreadPoolExecutor(max_workers=1) as helper:  # (one per call: fork-safe)
        # (its arguments made here: `found` is emptied as the mentions are made)
        pending = helper.submit(_context_call, backend, params,
                                *_context_args(docs, stories, found, backend))
        try:
            mentions = _mentions(docs, found, {})
            kept, which = _measured.annotate_batch(
                docs, mentions, finder or _scope.default_gazetteer(), indices=True,
                in_place=True)
            del mentions
        finally:
            contexts = pending.result()
    for i, (ms, ns) in enumerate(zip(kept, which)):
        ctx = contexts.pop(i, None)
        if ctx is not None:
            for m, n in zip(ms, ns):
                # (a mention no one else holds yet: set, not copied)
                m.__dict__["context"] = frozenset(ctx[n])
    return kept


# -- facts and timeline -------------------------------------------------------------------


def _story_of_article(docs: Sequence[Doc], stories: Stories) -> Dict[str, int]:
    return {d.id: stories.story_of[i] for i, d in enumerate(docs)}


def collect_facts(docs: Sequence[Doc], mentions: Sequence[Sequence[Mention]],
                  stories: Stories) -> List[Dict[str, Any]]:
    """One fact per (story, kind, value), with every mention and its sources."""
    flat = [m for ms in mentions for m in ms]
    sizes = [len(g) for g in stories.groups]
    return _facts.build_facts(flat, _story_of_article(docs, stories), stories.ids, sizes,
                              _title_spans(docs))


def _title_spans(docs: Sequence[Doc]) -> Dict[str, Tuple[int, int]]:
    """Where each doc's headline is (its first line, when that is its title)."""
    out = {}
    for d in docs:
        if d.title:
            nl = d.text.find("\n")
            first = d.text[: nl if nl >= 0 else len(d.text)]
            if first.strip() and " ".join(first.split()) == " ".join(d.title.split()):
                out[d.id] = (0, len(first))
    return out


def measure_mentions(docs: Sequence[Doc], mentions: Sequence[Sequence[Mention]],
                     finder: Any = None) -> List[List[Mention]]:
    """The mentions worth keeping, with measure and scope (:mod:`.measured`)."""
    finder = finder or _scope.default_gazetteer()
    return _measured.annotate_batch(docs, mentions, finder)


def collect_updates(docs: Sequence[Doc], mentions: Sequence[Sequence[Mention]],
                    stories: Stories) -> List[Dict[str, Any]]:
    """Each story's measures over time, as series (:mod:`.updates`)."""
    flat = _updates.with_own_day([m for ms in mentions for m in ms], _borrowed(docs),
                                 one_place=True)
    return _updates.build_updates(flat, _story_of_article(docs, stories), stories.ids,
                                  [len(g) for g in stories.groups])


def _borrowed(docs: Sequence[Doc]) -> FrozenSet[str]:
    """The ids of the docs whose publication day was borrowed from their story."""
    return frozenset(d.id for d in docs if d.published_origin == "borrowed")


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
    # Only the docs of candidate pairs are read (the others' tokens may be released).
    involved = sorted({x for p in candidates for x in p})
    ops = _prepared_ops([docs[x] for x in involved], backend) if candidates else None
    if ops is not None:
        refs = [_pieces(docs[x]) for x in involved]
        local = {x: n for n, x in enumerate(involved)}

        def here(pairs: Sequence[Sequence[int]]) -> List[Tuple[int, int]]:
            return [(local[p[0]], local[p[1]]) for p in pairs]
    if candidates:
        sizes = np.maximum(stories.token_counts - 4, 1)
        if ops is not None:
            got = ops.signatures(refs)
            sigs = np.zeros((len(docs), got.shape[1]), dtype=got.dtype)
            sigs[involved] = got
            del got
        else:
            sigs = backend.signatures(texts)
        candidates = _copies.prefilter(
            candidates, sigs, sizes, params.dup_threshold,
            params.containment_threshold,
        )
        del sigs
    if ops is not None:
        raw = _copies.classify_overlaps(candidates, ops.overlaps(refs, here(candidates)),
                                        params.dup_threshold, params.containment_threshold)
    else:
        raw = _copies.classify_pairs(candidates, texts, backend.overlap, params.dup_threshold,
                                     params.containment_threshold)
    pairs = [CopyPair(*p) for p in raw]

    def sid_of(x: int) -> str:
        return stories.ids[stories.story_of[x]]

    groups = _copies.copy_groups(raw, ids, sid_of)
    shared: List[Dict[str, Any]] = []
    if passages:
        found = (ops.passages(refs, here(sorted(raw)), params.min_passage_words)
                 if ops is not None and raw else None)
        shared = _copies.passages(raw, texts, ids, sid_of, backend.shared_passages,
                                  params.min_passage_words, found)
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
        _template_words([docs[i] for i in multi], backend),
        params.min_template_words,
    )
    # Values with a measure: same measure, place and day (:mod:`.updates`); values
    # without one: years (1994 / 1995 बैच) and durations next to the same words (clock
    # times are readings and calendar dates name different deadlines far more often
    # than they disagree).
    flat = [m for i in multi for m in mentions[i]]
    ctx = _updates.measure_conflicts(_updates.with_own_day(flat, _borrowed(docs)),
                                     story_of.__getitem__)
    ctx += _conflicts.context_conflicts(
        [m for m in flat if m.measure is None and m.fact_kind in ("year", "duration")],
        story_of.__getitem__,
        params.min_context_overlap,
    )
    pub = {docs[i].id: docs[i].published for i in multi}
    synd = [c for c in synd if _same_days(pub, c) and _same_measured_day(c)]
    ctx = [c for c in ctx if _same_days(pub, c)]

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
    out = []
    for c in found:
        measure = c.get("measure") or _measure_of(c["mentions"][0])
        scope = c.get("scope") or _facts.scope_of(c["mentions"][0].place, c["mentions"][0].as_of)
        out.append(Conflict(story=c["story"], type=c["type"], kind=c["kind"],
                            values=(c["values"][0], c["values"][1]), context=tuple(c["context"]),
                            mentions=(c["mentions"][0], c["mentions"][1]),
                            measure=measure, scope=scope))
    return merge_repeated(out)


def merge_repeated(conflicts: Sequence[Conflict]) -> List[Conflict]:
    """One conflict per disagreement: pairs of pages setting the same two values of one
    measure, place and day against each other (four outlets' 116 dead against one
    outlet's 60) are one conflict, the first pair's, with the other pages' mentions in
    ``also`` (in order, each once)."""
    out: List[Conflict] = []
    first: Dict[Tuple[Any, ...], int] = {}
    for c in conflicts:
        if c.type != "different-values" or c.measure is None:
            out.append(c)
            continue
        m, sc = c.measure, c.scope or {}
        # (qualifiers apart: "a total of 116 killed" and "killed 116" against one 60)
        key = (c.story, c.kind, m.get("key"), m.get("index"),
               sc.get("place_id") or sc.get("place"), sc.get("as_of"), tuple(sorted(c.values)))
        at = first.get(key)
        if at is None:
            first[key] = len(out)
            out.append(c)
            continue
        head = out[at]
        have = {(x["article"], x["start"]) for x in head.mentions + head.also}
        more = [x for x in c.mentions if (x["article"], x["start"]) not in have]
        if more:
            out[at] = dataclasses.replace(head, also=head.also + tuple(more))
    return out


def _template_words(docs: Sequence[Doc], backend: Backend) -> Any:
    """What :func:`asimtext.digest.conflicts.sentence_template` reads the words of a
    sentence with: the docs' prepared tokens (:class:`~.conflicts.PreparedWords`), or
    ``backend.normalize`` of the sentence."""
    if _prepared_ops(docs, backend) is None:
        return backend.normalize
    return _conflicts.PreparedWords({id(d.text): d.prepared for d in docs})


def _same_measured_day(c: Dict[str, Any]) -> bool:
    """A copied sentence with a measured value changed is a conflict only as of one day
    and for a measure that does not move within the day; otherwise it is an update."""
    a, b = c["mentions"]
    if a.measure is None or b.measure is None:
        return True
    return (a.measure.key not in _updates.INTRADAY and a.as_of == b.as_of
            and a.place == b.place)


def _measure_of(m: Mention) -> Optional[Dict[str, Any]]:
    return m.measure.to_dict() if m.measure is not None else None


def _same_days(pub: Dict[str, Optional[str]], c: Dict[str, Any]) -> bool:
    """Two accounts of one thing come from reports of the same day (within
    :data:`asimtext.digest.updates.CONFLICT_DAYS`, or one day for values without a
    measure), or from undated ones."""
    a, b = (parse_date_prefix(pub.get(m["article"]) or "") for m in c["mentions"])
    if a is None or b is None:
        return True
    return abs((a - b).days) <= max(1, _updates.CONFLICT_DAYS)


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
        raise ArgumentError(f"keep must be one of {', '.join(KEEP)}, got {keep!r}")
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

    __slots__ = ("stories", "facts", "timeline", "copy_groups", "passages", "conflicts",
                 "updates")

    def __init__(self, stories: List[Dict[str, Any]], facts: List[Dict[str, Any]],
                 timeline: List[Dict[str, Any]], copy_groups: List[Dict[str, Any]],
                 passages: List[Dict[str, Any]], conflicts: List[Dict[str, Any]],
                 updates: Optional[List[Dict[str, Any]]] = None) -> None:
        self.stories, self.facts, self.timeline = stories, facts, timeline
        self.copy_groups, self.passages, self.conflicts = copy_groups, passages, conflicts
        self.updates = list(updates or [])

    def by_story(self) -> List[Dict[str, Any]]:
        """One dict per story with its facts, copies, passages, conflicts and events
        (a line of ``--format jsonl``)."""
        out: Dict[str, Dict[str, Any]] = {
            s["id"]: {"story": s, "facts": [], "copy_groups": [], "passages": [],
                      "conflicts": [], "timeline": [], "updates": []} for s in self.stories}
        for name in ("facts", "copy_groups", "passages", "conflicts", "timeline", "updates"):
            for x in getattr(self, name):
                out[x["story"]][name].append(x)
        return list(out.values())


class Numbering:
    """Gives the facts, copy groups, passages and conflicts of successive parts
    their global ids (``F1``, ``C1``, ``P1``, ``X1``...), in part order."""

    _PREFIX = {"facts": "F", "copy_groups": "C", "passages": "P", "conflicts": "X",
               "updates": "U"}

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
    mentions = mentions_of(sub_docs, sub, backend, params)
    lap("mentions")
    facts = collect_facts(sub_docs, mentions, sub)
    lap("facts")
    timeline = build_timeline(sub_docs, mentions, sub)
    lap("timeline")
    updates = collect_updates(sub_docs, mentions, sub)
    lap("updates")
    copies = find_page_copies(sub_docs, sub, backend, params, passages=not compact)
    lap("copies")
    conflicts = find_conflicts(sub_docs, mentions, sub, backend, params)
    lap("conflicts")
    del mentions
    _updates.forget_sentences()  # (their sentences go with the batch's mentions)
    entries = [_story_entry(n, [sub_docs[x] for x in g], sub) for n, g in enumerate(sub.groups)]
    # The batch's sentences (every value's, with their texts) and, in the reader's
    # digest, its spans are no longer read: they go with the batch (a later call
    # would find them again).
    for d in sub_docs:
        d._sents = None
        if compact:
            d.spans = None
    passages = copies.passages
    if compact:  # the reader's digest: see select_stories
        facts = _compact_facts(facts)
        timeline = [e for e in timeline if len(e["sources"]) > 1]
        passages = []
    # Offsets of units become offsets of their articles (and mentions name their unit).
    where = {d.id: (d.article_id, d.base) for d in sub_docs}
    remap = _units.to_article
    return StoryPart(entries, remap(facts, where), remap(timeline, where), copies.groups,
                     passages,
                     remap([c.public(n, sub.ids) for n, c in enumerate(conflicts, 1)], where),
                     remap(updates, where))


def find_page_copies(docs: Sequence[Doc], stories: Stories, backend: Backend, params: Any,
                     passages: bool = True) -> Copies:
    """Copies between whole articles: a page belongs to the story of its first unit
    among ``docs`` (copying is between articles; a report's sections, split as units,
    would otherwise be compared piecewise)."""
    if all(d.id == d.article_id for d in docs):
        return find_copies(docs, stories, backend, params, passages)
    first: Dict[str, int] = {}
    for x, d in enumerate(docs):
        first.setdefault(d.article_id, x)
    page_ids = sorted(first, key=first.__getitem__)
    pages = [_Page(a, docs[first[a]].page, _page_pieces(docs[first[a]])) for a in page_ids]
    local = {a: n for n, a in enumerate(page_ids)}
    story_of = [stories.story_of[first[a]] for a in page_ids]
    groups: List[List[int]] = [[] for _ in stories.groups]
    for n, s in enumerate(story_of):
        groups[s].append(n)
    counts = np.asarray([len(WORD_RE.findall(p.text)) for p in pages], dtype=np.float64)
    dups = sorted({(min(a, b), max(a, b)) for a, b in (
        (local[docs[x].article_id], local[docs[y].article_id]) for x, y in stories.dup_links)
        if a != b})
    page_st = Stories(groups, story_of, _stories.no_pairs(), dups, counts, stories.ids)
    return find_copies(pages, page_st, backend, params, passages)


def _page_pieces(d: Doc) -> Optional[List[Tuple[Any, int, int]]]:
    """The prepared pieces of ``d``'s whole page (:func:`_link_page_units`), or None."""
    p = d.prepared
    if p is None:
        return None
    return p[2] if len(p) > 2 else [(p[0], p[1], 0)]


class _Page:
    """A whole article for the copy stage (``id``, ``text``, and its prepared pieces
    ``[(batch, row, base)]`` or None)."""

    __slots__ = ("id", "text", "prepared")

    def __init__(self, id: str, text: str, prepared: Optional[list] = None) -> None:
        self.id, self.text, self.prepared = id, text, prepared


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


def article_entry(r: Record, d: Any, stories: Stories, compact: bool = False,
                  units: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """The JSON entry of an input record; ``d`` its doc, or the list of its units'
    docs; ``compact``: ``id, status, story, source`` (and why and where a record
    was skipped). ``units`` (unit id -> :class:`.units.Unit`) adds the units."""
    ds = list(d) if isinstance(d, (list, tuple)) else ([] if d is None else [d])
    if not ds:
        if compact:
            return {"id": r.id, "status": "skipped", "story": None, "source": None,
                    "reason": r.reason, "file": r.file, "line": r.line}
        return {
            "id": r.id, "status": "skipped", "reason": r.reason, "file": r.file,
            "line": r.line, "title": None, "source": None, "source_origin": None,
            "published": None, "published_origin": None, "lang": None, "story": None,
            "n_spans": 0, "warnings": [], "units": [],
        }
    d = ds[0]
    s = stories.story_of[d.idx]
    story = stories.ids[s] if s >= 0 else None
    unread = _unread_values(ds)
    if compact:
        e = {"id": d.article_id, "status": "ok", "story": story, "source": d.source}
        if len(ds) > 1:  # (so that counts.units counts the reports of a page here too)
            e["n_units"] = len(ds)
        if unread:
            e["warnings"] = unread
        return e
    n_spans = sum(len(x.spans) for x in ds)

    def unit(x: Doc) -> Dict[str, Any]:
        u = units.get(x.id) if units else None
        sx = stories.story_of[x.idx]
        return {"id": x.id, "start": u.start if u else x.base,
                "end": u.end if u else x.base + len(x.text), "title": x.title,
                "story": stories.ids[sx] if sx >= 0 else None}

    return {
        "id": d.article_id, "status": "ok", "reason": None, "file": r.file, "line": r.line,
        "title": r.article.title, "source": d.source, "source_origin": d.source_origin,
        "published": d.published, "published_origin": d.published_origin, "lang": d.lang,
        "story": story, "n_spans": n_spans, "warnings": ([] if n_spans else ["no spans"]) + unread,
        "units": [unit(x) for x in ds],
    }


def _unread_values(ds: Sequence[Doc]) -> List[str]:
    """The warning of an article whose units state more values than the digest reads
    (:func:`asimtext.digest.records.values_cap`): how many were left unread."""
    stated = sum(x.values for x in ds)
    read = sum(x.values_read for x in ds)
    if read >= stated:
        return []
    return [f"values not read: {stated - read} of {stated} (a unit's values beyond one per "
            f"{CHARS_PER_VALUE} characters, at least {MIN_VALUES:,}, are counted, not read)"]


LABEL_CHARS = 140


def story_label(ds: Sequence[Doc]) -> Tuple[str, str]:
    """A story's label and where it comes from: the headline (title) of its first
    unit that has one (``title``), else the first sentence of its first unit, cut at
    a word boundary (``lead``); never a file name."""
    label = next((d.title for d in ds if d.title), None)
    if label is not None:
        return " ".join(label.split()), "title"
    for d in ds:
        for a, b in d.sentences.spans:
            text = " ".join(d.text[a:b].split())
            if any(ch.isalpha() for ch in text):
                return cut_words(text, LABEL_CHARS), "lead"
    return "", "lead"


def cut_words(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with ``…``."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    sp = cut.rfind(" ")
    if sp > limit // 3:
        cut = cut[:sp]
    return cut.rstrip(" ,;:-–") + "…"


def _story_entry(n: int, ds: Sequence[Doc], stories: Stories) -> Dict[str, Any]:
    pubs = sorted(p for p in (d.published for d in ds if d.published_origin != "borrowed") if p)
    label, origin = story_label(ds)
    return {
        "id": stories.ids[n],
        "label": label,
        "label_origin": origin,
        "articles": sorted({d.article_id for d in ds}),
        "units": [d.id for d in ds],
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
                  timeline=cat("timeline"), updates=cat("updates"), params=params)


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


def prepare_pages(pages: Sequence[Doc], backend: Backend, keep_spans: bool = True
                  ) -> Tuple[List[Doc], List[Any]]:
    """Pages split into their reports (:mod:`.units`), then prepared
    (:func:`prepare`), the units of a page sharing its outlet and date:
    ``(unit docs, units)``. Every route of the digest (whole, streamed, Dask) reads
    its pages through here, so that they all find the same reports."""
    docs, units = _units.unit_docs(pages, Doc)
    prepare(docs, backend, keep_spans=keep_spans)
    _units.share_metadata(docs, {p.id: p.text for p in pages})
    return docs, units


def digest_loaded(loaded: Loaded, params: Any, backend: Backend, keep: str,
                  clock: Clock, reference_date: Optional[str] = None,
                  ) -> Tuple[List[Dict[str, Any]], List[StoryPart]]:
    """The article entries and story parts (not numbered) of loaded articles
    (:func:`iter_loaded`, collected)."""
    articles: List[Dict[str, Any]] = []
    parts: List[StoryPart] = []
    for kind, x in iter_loaded(loaded, params, backend, keep, clock, reference_date):
        if kind == "articles":
            articles.extend(x)
        else:
            parts.append(x)
    return articles, parts


def iter_loaded(loaded: Loaded, params: Any, backend: Backend, keep: str,
                clock: Clock, reference_date: Optional[str] = None,
                ) -> Iterator[Tuple[str, Any]]:
    """``("articles", entries)`` once, then ``("part", StoryPart)`` (not numbered) per
    batch of stories, for loaded articles. Pages are split into their reports first
    (:func:`prepare_pages`); ``loaded.docs`` becomes the units' docs. Outside
    ``keep="all"`` the spans are dropped after the prepare stage and extracted again
    for the stories shown (:func:`prepare`)."""
    pages = loaded.docs
    compact = keep != "all"
    # Memory: the pages' own docs are read once more (their texts, for the metadata
    # of their units) and dropped before the story grouping, whose peak sets the
    # digest's; the unit boundaries only full article entries list.
    docs, units = prepare_pages(pages, backend, keep_spans=keep == "all")
    loaded.docs = docs
    unit_of = {} if compact else {u.id: u for u in units}
    del units, pages
    clock.lap("prepare")
    stories = group_stories(docs, backend, params, release_words=True)
    release_words(docs)  # (those the vocabulary did not read: a twin's, or none)
    for d in docs:  # what the grouping read (the stream keeps it: it groups again)
        d.facts = None
    clock.lap("stories")
    borrow_dates(docs, stories, backend, reference_date)
    clock.lap("dates")
    stories = select_stories(docs, stories, keep)
    # Memory: only the docs of the stories shown, of two articles or more, are compared
    # again (copies, sentence templates).
    release_tokens(docs, [s >= 0 and len(stories.groups[s]) > 1 for s in stories.story_of])
    by_record: Dict[int, List[Doc]] = {}
    for d in docs:
        by_record.setdefault(d.record, []).append(d)
    yield "articles", [article_entry(r, by_record.get(n), stories, compact, unit_of)
                       for n, r in enumerate(loaded.records)]
    del by_record
    clock.lap("articles")
    for batch in story_batches(stories):
        part = digest_stories(docs, stories, batch, backend, params, compact=compact,
                              clock=clock)
        done = [docs[x] for s in batch for x in stories.groups[s]]
        release_tokens(done, [d.id != d.article_id for d in done])  # (a page's units: kept)
        clock.lap("story entries")
        yield "part", part


def run(articles: Any, params: Any, backend: Backend, *, text_field: str = "text",
        id_field: str = "id", strict: bool = False, reference_date: Optional[str] = None,
        keep: str = "all") -> Digest:
    """Every stage in order; ``Digest.timings`` holds the seconds of each."""
    if keep not in KEEP:
        raise ArgumentError(f"keep must be one of {', '.join(KEEP)}, got {keep!r}")
    clock = Clock()
    with collector_paused():
        loaded = load(articles, text_field, id_field, strict)
        clock.lap("load")
        entries, parts = digest_loaded(loaded, params, backend, keep, clock, reference_date)
        numbering = Numbering()
        result = assemble(entries, [numbering(p) for p in parts], params_dict(params, keep))
        clock.lap("assemble")
    result.timings = clock.timings
    return result


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the duration (restored after, as it was).

    The digest holds millions of small objects (records, docs, spans, mentions,
    JSON dicts) and makes no reference cycles among them (a digest of 10,000
    articles with the collector off leaves 9 objects for it to find); yet each full
    collection walks every one of them, and their number keeps triggering new
    ones: at 100,000 articles 27 full collections took 13.7 s of 89 s of CPU.
    Memory freed by reference counting (nearly all of it) is freed as before."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
