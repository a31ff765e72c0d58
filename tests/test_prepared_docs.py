"""The prepared-document batch of the digest: the Rust core
(`asimtext._core._prepare_batch`, `_prepared_vocabulary`, `_detect_lang`;
`rust/core/src/prepare/doc.rs`) equals its pure twin (`asimtext.pure.prepare`),
and each answer equals the call it replaces (`extract`, `gazetteer_find`,
`_vocabulary`, the language rule)."""

from __future__ import annotations

import pathlib

import asimtext
import numpy as np
import pytest
from asimtext.digest.keys import prepared_vocabulary
from asimtext.digest.text import detect_lang as digest_detect_lang
from asimtext.errors import ArgumentError, AsimtextError
from asimtext.pure import prepare as pure
from asimtext.pure.gazetteer import gazetteer_find as pure_gazetteer
from asimtext.pure.spans import extract_batch as pure_extract_batch
from hypothesis import given, settings
from hypothesis import strategies as st

core = asimtext._core
pytestmark = pytest.mark.skipif(not hasattr(core, "_prepare_batch"),
                                reason="extension without _prepare_batch")

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"

WORDS = ["कानपुर", "में", "पुलिस", "शनिवार", "Saturday", "8", "जनवरी", "15", "January", "2022",
         "१२,३४५", "₹5", "करोड़", "30%", "5:30", "PM", "कल", "था", "होगा", "BJP", "भाजपा",
         "लखनऊ", "Lucknow", "Lok", "Sabha", "Don't", "x’s", "क़", "ज़्", "क्ष\u200d", "।", ".",
         ",", "-", "/", "\n", "Kanpur", "the", "of", "मौत", "तीन", "hundred", "é", "د", "👍",
         "\u0970", "\u097f", "2022-01-15"]
REFS = [None, "2022-01-10", "2019-12-31"]


def _text(draw):
    words = draw(st.lists(st.sampled_from(WORDS), max_size=40))
    seps = draw(st.lists(st.sampled_from([" ", "  ", "", "\n", ", "]), min_size=len(words),
                         max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps))


texts_st = st.lists(st.composite(lambda draw: _text(draw))(), max_size=5)


def span_tuples(spans):
    return [(s.start, s.end, s.text, s.kind, s.value, s.resolved) for s in spans]


def same_vocabulary(a, b):
    assert a[0] == b[0]
    for x, y in zip(a[1:5], b[1:5]):
        assert x.dtype == y.dtype and np.array_equal(x, y)
    assert list(a[5]) == list(b[5])
    assert np.array_equal(a[6], b[6])


@settings(max_examples=150, deadline=None)
@given(texts_st)
def test_rust_equals_the_pure_twin_and_the_calls_it_replaces(texts):
    rs = core._prepare_batch(texts)
    py = pure.prepare_batch(texts, extract_batch=pure_extract_batch, gazetteer=pure_gazetteer)
    assert len(rs) == len(py) == len(texts)
    assert rs.langs() == py.langs() == [pure.detect_lang(t) for t in texts]
    for row, t in enumerate(texts):
        for ref in REFS:
            got = span_tuples(rs.spans(row, ref))
            assert got == span_tuples(py.spans(row, ref))
            want = sorted(asimtext.extract(t, reference_date=ref), key=lambda s: (s.start, s.end))
            assert got == span_tuples(want)
        assert rs.n_spans(row) == len(rs.spans(row))
        assert rs.places(row) == py.places(row) == [tuple(p) for p in core.gazetteer_find(t)]


@settings(max_examples=100, deadline=None)
@given(texts_st, st.data())
def test_the_vocabulary_from_prepared_words_is_the_vocabulary_of_the_texts(texts, data):
    rs = core._prepare_batch(texts)
    py = pure.prepare_batch(texts)
    # Any rows, in any order, from one batch or several.
    rows = data.draw(st.lists(st.integers(0, max(len(texts) - 1, 0)), max_size=8)
                     if texts else st.just([]))
    cut = data.draw(st.integers(0, len(rows)))
    other = core._prepare_batch(texts)
    parts = [(rs, rows[:cut]), (other, rows[cut:])]
    chosen = [texts[r] for r in rows]
    got = core._prepared_vocabulary(parts)
    same_vocabulary(got, core._vocabulary(chosen))
    same_vocabulary(got, prepared_vocabulary([(py, rows[:cut]), (py, rows[cut:])],
                                             xscript_keys=asimtext.pure.xscript.keys))
    # Released as read: the same arrays, and the words are gone.
    same_vocabulary(core._prepared_vocabulary(parts, release=True), got)
    assert not rs.has_words and not other.has_words
    assert [s.value for s in rs.spans(0)] == [s.value for s in py.spans(0)] if texts else True


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
       | st.sampled_from(["a" * 6000 + "क" * 9000, "क" * 5999 + "aaaa", "ab" * 3000 + "कि"]))
def test_the_language_rule_is_the_pure_one(text):
    assert core._detect_lang(text) == pure.detect_lang(text)
    assert digest_detect_lang(text) == pure.detect_lang(text)


def test_language_edges():
    assert pure.detect_lang("कानपुर में") == "hi"
    assert pure.detect_lang("Kanpur") == "en"
    assert pure.detect_lang("कानपुर Kanpur") == "mixed"
    assert pure.detect_lang("१२ 34 ।") is None
    # ASCII, Latin-1 and 4-byte strings are read in place too.
    for t in ("abc", "café", "कानपुर 👍"):
        assert core._detect_lang(t) == pure.detect_lang(t)


@pytest.mark.parametrize("make", [core._prepare_batch if hasattr(core, "_prepare_batch") else None,
                                  pure.prepare_batch])
def test_errors_name_the_place(make):
    b = make(["एक", "two"])
    with pytest.raises(IndexError, match="row 2 out of range for a batch of 2 texts"):
        b.spans(2)
    with pytest.raises(IndexError, match="row -1"):
        b.places(-1)
    with pytest.raises(AsimtextError, match=r"texts\[1\].*surrogate"):
        make(["ok", "bad \ud800"])
    with pytest.raises(TypeError):
        make(["ok", 3])
    with pytest.raises(ValueError, match="reference_date"):
        core._prepare_batch(["x"]).spans(0, "2022-13-45")


def test_released_words_are_gone_but_spans_stay():
    b = core._prepare_batch(["कानपुर में 5 लोग"])
    assert b.has_words and b.heap_bytes() > 0
    b.release_words()
    assert not b.has_words
    assert [s.value for s in b.spans(0)] == ["5"]
    with pytest.raises(ArgumentError, match=r"parts\[0\].*released"):
        core._prepared_vocabulary([(b, [0])])
    with pytest.raises(TypeError, match=r"parts\[0\]"):
        core._prepared_vocabulary([("not a batch", [0])])
    p = pure.prepare_batch(["x"])
    p.release_words()
    with pytest.raises(ArgumentError, match="released"):
        prepared_vocabulary([(p, [0])])


def test_the_digest_is_the_same_with_the_pure_twin():
    from asimtext.digest import default_backend

    be = default_backend()
    assert be.prepare_batch is core._prepare_batch
    assert be.prepared_vocabulary is core._prepared_vocabulary
    for keep in ("stories", "all"):
        a = asimtext.digest(SEEDS, backend=be, keep=keep).to_json()
        b = asimtext.digest(SEEDS, backend=be.replace(prepare_batch=None), keep=keep).to_json()
        c = asimtext.digest(SEEDS, backend=be.replace(prepared_vocabulary=None),
                            keep=keep).to_json()
        assert a == b == c
    # Replacing the extractor or the keys drops the Rust calls that use the real ones.
    assert be.replace(extract_batch=asimtext.extract_batch).prepare_batch is None
    assert be.replace(xscript_keys=asimtext.xscript_keys).prepared_vocabulary is None
    assert default_backend(extract_batch=asimtext.extract_batch).prepare_batch is None


def test_threads_share_a_batch():
    # The batch's words are locked with the GIL released: a thread asking about
    # them while another makes a vocabulary from them waits, it does not deadlock.
    import threading

    texts = ["कानपुर में 5 लोग, Kanpur police", "BJP भाजपा लखनऊ 2022"] * 300
    b = core._prepare_batch(texts)
    want = core._vocabulary(texts)
    got = []

    def vocab():
        for _ in range(3):
            got.append(core._prepared_vocabulary([(b, list(range(len(texts))))]))

    def poll():
        for _ in range(3000):
            assert b.has_words and b.heap_bytes() > 0

    threads = [threading.Thread(target=f, daemon=True) for f in (vocab, poll, vocab, poll)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert len(got) == 6
    for v in got:
        same_vocabulary(v, want)


@pytest.mark.parametrize("keep", ["stories", "all"])
def test_the_digest_is_the_same_prepared_in_chunks(monkeypatch, keep):
    # Chunks prepared one ahead in a thread, the vocabulary from several batches.
    from asimtext.digest import pipeline as P

    whole = asimtext.digest(SEEDS, keep=keep).to_json()
    monkeypatch.setattr(P, "PREPARE_CHUNK", 2)
    assert asimtext.digest(SEEDS, keep=keep).to_json() == whole
