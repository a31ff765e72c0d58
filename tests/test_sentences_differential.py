"""The sentence batch: the Rust core (``_sentences_batch``) and its pure twin
(:func:`asimtext.pure.sentences.sentences_batch`, :meth:`Sentences.around` value by
value) find the same sentence around every value: on the seeds, on real news, and on
hypothesis text made of what the boundary pattern reads (marks, closers, the
abbreviations and initials it skips, with and without a word before them, white
space of every kind, newlines) and of long runs without a boundary (the windows)."""

from __future__ import annotations

import json
import pathlib

import pytest
from asimtext.errors import ArgumentError
from asimtext.pure.sentences import places_batch as pure_places
from asimtext.pure.sentences import sentences_batch as pure_batch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

core = pytest.importorskip("asimtext._core")
if not hasattr(core, "_sentences_batch"):
    pytest.skip("this build of asimtext has no sentence batch", allow_module_level=True)

ROOT = pathlib.Path(__file__).resolve().parent.parent
NEWS_DEV = ROOT.parent / "shared" / "data" / "news-dev" / "covid19_hindi_5_outlets_2020-03.jsonl"


def same(texts, spans):
    a = [(list(w), [tuple(x) for x in ss]) for w, ss in core._sentences_batch(texts, spans)]
    b = pure_batch(texts, spans)
    assert a == b, (texts, spans)
    return [[ss[k] for k in w] for w, ss in a]


_PIECES = [".", "।", "॥", "!", "?", "?!", "...", "\"", "”", "’", "'", ")", "]", " ", "  ", "\n", "\t",
           "\x1c", "\x1f", "\u00a0", "\u2009", "\u3000", "Dr", "Mr", "Mrs", "Ms", "St", "No", "डॉ", "डा",
           "A", "Z", "xDr", "_Dr", "५Dr", "कडॉ", "मौत", "44", "5.6", "लोगों", "की", "हुई", "India", "a",
           "विरामहीनलंबाशब्द" * 3, "word " * 30]

texts = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@st.composite
def batches(draw):
    out_t, out_s = [], []
    for text in draw(st.lists(texts, min_size=1, max_size=3)):
        n = len(text)
        spans = []
        for _ in range(draw(st.integers(0, 6))):
            s = draw(st.integers(0, n))
            spans.append((s, draw(st.integers(s, min(n, s + 8)))))
        out_t.append(text)
        out_s.append(spans)
    return out_t, out_s


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches())
def test_rust_and_pure_agree(batch):
    same(*batch)


def _every_number(text):
    import regex
    return [(m.start(), m.end()) for m in regex.finditer(r"\d+|[A-Z]\w+", text)]


def test_seeds():
    ts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    assert sum(map(len, same(ts, [_every_number(t) for t in ts]))) > 50


@pytest.mark.skipif(not NEWS_DEV.exists(), reason="../shared/data/news-dev is absent")
def test_real_news():
    with NEWS_DEV.open(encoding="utf-8") as f:
        ts = [json.loads(line)["text"] for _n, line in zip(range(400), f)]
    assert sum(map(len, same(ts, [_every_number(t) for t in ts]))) > 2000


def test_bad_spans_are_named_errors():
    for batch in (core._sentences_batch, pure_batch):
        with pytest.raises(ArgumentError, match=r"spans\[0\]\[1\]"):
            batch(["abc. de"], [[(0, 1), (3, 9)]])
        with pytest.raises(ArgumentError, match="texts"):
            batch(["a", "b"], [[]])


def same_places(texts, spans):
    a = [[[tuple(h) for h in hits] for hits in row] for row in core._places_batch(texts, spans)]
    b = pure_places(texts, spans)
    assert a == b, (texts, spans)
    return a


_NAMES = ["दिल्ली", "Delhi", "लखनऊ", "Lucknow", "भाजपा", "BJP", "इटली", "Italy", "चीन", "China", "देश में",
          "उत्तर प्रदेश", "Uttar Pradesh", "US", "us", "अफ़गानिस्तान"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_NAMES + _PIECES[:30]), max_size=40).map("".join), st.data())
def test_places_rust_and_pure_agree(text, data):
    n = len(text)
    spans = []
    for _ in range(data.draw(st.integers(0, 5))):
        s = data.draw(st.integers(0, n))
        spans.append((s, data.draw(st.integers(s, n))))
    same_places([text, text[::-1]], [spans, []])


@pytest.mark.skipif(not NEWS_DEV.exists(), reason="../shared/data/news-dev is absent")
def test_places_of_real_sentences():
    with NEWS_DEV.open(encoding="utf-8") as f:
        ts = [json.loads(line)["text"] for _n, line in zip(range(200), f)]
    sents = [sorted(set(ss[k][:2] for k in w)) for w, ss in core._sentences_batch(
        ts, [_every_number(t) for t in ts])]
    got = same_places(ts, sents)
    assert sum(len(h) for row in got for h in row) > 200
