"""The match-key tokens of the prepared batch (`rust/core/src/prepare/tokens.rs`):
near-duplicates, signatures, overlap, shared passages and sentence words read from
them equal the text calls they replace and their pure twin
(`asimtext.pure.prepared_tokens`); and no stage of a digest normalizes a text again
after the prepare stage (a counter of the Rust normalizer's calls, and of the pure
one's, read around every stage, for the Rust batch and the pure twin)."""

from __future__ import annotations

import collections
import pathlib

import asimtext
import numpy as np
import pytest
from asimtext.digest import default_backend
from asimtext.digest import pipeline as P
from asimtext.errors import AsimtextError
from asimtext.pure import normalization as pure_norm
from asimtext.pure import prepare as pure
from asimtext.pure.spans import extract_batch as pure_extract_batch
from hypothesis import given, settings
from hypothesis import strategies as st

core = asimtext._core
pytestmark = pytest.mark.skipif(not hasattr(core, "_prepared_overlaps"),
                                reason="extension without the prepared tokens")

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"

WORDS = ["कानपुर", "में", "पुलिस", "शनिवार", "Saturday", "8", "जनवरी", "15", "January",
         "१२,३४५", "₹5", "करोड़", "30%", "BJP", "भाजपा", "Don't", "x’s", "क़", "ज़्",
         "क्ष\u200d", "\u00ad", "।", ".", ",", "-", "the", "of", "covid19", "20वीं", "é", "👍",
         "İ", "ﬁ", "\u0970"]


@st.composite
def text_st(draw):
    words = draw(st.lists(st.sampled_from(WORDS), max_size=30))
    seps = draw(st.lists(st.sampled_from([" ", "", "\n", ", ", "\n\n"]), min_size=len(words),
                         max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps))


def _passages(ps):
    return [(p.a_start, p.a_end, p.b_start, p.b_end, p.words) for p in ps]


@settings(max_examples=120, deadline=None)
@given(st.lists(text_st(), min_size=1, max_size=5), st.sampled_from([1, 3, 8]),
       st.sampled_from([0.3, 0.5, 0.8]))
def test_rust_equals_the_twin_and_the_text_calls(texts, min_words, threshold):
    rs = core._prepare_batch(texts)
    py = pure.prepare_batch(texts)
    n = len(texts)
    rdocs = [[(rs, i, 0)] for i in range(n)]
    pdocs = [[(py, i, 0)] for i in range(n)]
    pairs = [(i, j) for i in range(n) for j in range(n)]
    want_sigs = asimtext.MinHasher(num_perm=128, ngram=5, unit="word", seed=1).signatures(texts)
    assert np.array_equal(core._prepared_signatures(rdocs), want_sigs)
    assert np.array_equal(pure.prepared_signatures(pdocs), want_sigs)
    want_ov = [tuple(asimtext.overlap(texts[i], texts[j])) for i, j in pairs]
    assert core._prepared_overlaps(rdocs, pairs) == want_ov
    assert pure.prepared_overlaps(pdocs, pairs) == want_ov
    want_ps = [_passages(asimtext.shared_passages(texts[i], texts[j], min_words=min_words))
               for i, j in pairs]
    assert core._prepared_passages(rdocs, pairs, min_words) == want_ps
    assert pure.prepared_passages(pdocs, pairs, min_words) == want_ps
    want_nd = asimtext.near_duplicates(texts, threshold=threshold).pairs
    assert core._prepared_near_duplicates([(rs, list(range(n)))], threshold) == want_nd
    assert pure.prepared_near_duplicates([(py, list(range(n)))], threshold) == want_nd
    for i, t in enumerate(texts):
        ranges = [(0, len(t)), (0, len(t) // 2), (len(t) // 3, len(t))]
        assert rs.words_in(i, ranges) == py.words_in(i, ranges)


@settings(max_examples=60, deadline=None)
@given(st.lists(text_st(), min_size=2, max_size=4))
def test_a_page_is_its_units_one_after_the_other(units):
    # Units end at a line break (as asimtext.digest.units cuts pages): the page's
    # tokens are its units' tokens, one after the other.
    units = [u if u.endswith("\n") else u + "\n" for u in units]
    page = "".join(units)
    bases = [sum(len(u) for u in units[:k]) for k in range(len(units))]
    for prep in (core._prepare_batch, pure.prepare_batch):
        b = prep(units + [page])
        joined = [(b, k, base) for k, base in enumerate(bases)]
        whole = [(b, len(units), 0)]
        ops = (core if prep is core._prepare_batch else None)
        sigs = (core._prepared_signatures if ops else pure.prepared_signatures)([joined, whole])
        assert np.array_equal(sigs[0], sigs[1])
        ov = (core._prepared_overlaps if ops else pure.prepared_overlaps)([joined, whole],
                                                                          [(0, 1)])
        assert ov == [tuple(asimtext.overlap(page, page))]
        ps = (core._prepared_passages if ops else pure.prepared_passages)([joined, whole],
                                                                          [(0, 1)], 2)
        assert ps == [_passages(asimtext.shared_passages(page, page, min_words=2))]


def test_released_tokens_are_named():
    b = core._prepare_batch(["a b c d e f g", "a b c d e f h"])
    assert b.has_tokens(0)
    b.release_tokens([1])
    assert b.has_tokens(0) and not b.has_tokens(1)
    with pytest.raises(AsimtextError, match=r"docs\[1\]: the text's tokens were released"):
        core._prepared_overlaps([[(b, 0, 0)], [(b, 1, 0)]], [(0, 1)])
    with pytest.raises(AsimtextError, match="released"):
        b.words_in(1, [(0, 3)])
    with pytest.raises(IndexError, match=r"pairs\[0\]"):
        core._prepared_overlaps([[(b, 0, 0)]], [(0, 1)])
    with pytest.raises(IndexError, match=r"docs\[0\]\[0\]: row 5"):
        core._prepared_signatures([[(b, 5, 0)]])
    with pytest.raises(TypeError, match=r"docs\[0\]\[0\]"):
        core._prepared_signatures([[("x", 0, 0)]])
    p = pure.prepare_batch(["a b c"])
    p.release_tokens()
    with pytest.raises(AsimtextError, match="released"):
        pure.prepared_signatures([[(p, 0, 0)]])


# -- no stage normalizes a text again ------------------------------------------------------

#: The stages (functions of asimtext.digest.pipeline) watched, and those that still
#: key text after the prepare stage, with the calls that do it: the story vocabulary
#: keys each distinct WORD of the corpus once (not a text), and the context words of
#: values are keyed from stretches of text (not derived from the prepared document yet:
#: docs/contracts/prepare.md, "What is still read from the text").
# (the digest finds and measures mentions in one stage, ``mentions_of``)
STAGES = ["prepare", "group_stories", "near_duplicate_links", "borrow_dates", "extract_again",
          "mentions_of", "collect_facts", "build_timeline",
          "collect_updates", "find_page_copies", "find_copies", "find_conflicts"]


def _counted_digest(monkeypatch, backend, keep):
    """The digest of the seeds with every stage's normalizations counted (Rust and pure),
    and those of the calls allowed to key words or context stretches."""
    counts = collections.Counter()

    def calls():
        return core._normalization_calls() + pure_norm.normalization_calls()

    def watch(owner, name, label):
        f = getattr(owner, name)

        def g(*a, **k):
            before = calls()
            try:
                return f(*a, **k)
            finally:
                counts[label] += calls() - before
        monkeypatch.setattr(owner, name, g)

    for name in STAGES:
        watch(P, name, name)
    # What the stories stage may key: the words of the vocabulary, the words of names.
    watch(P, "Vocabulary", "vocabulary words")
    real_word_key = P._word_key

    def word_key(backend):
        key = real_word_key(backend)

        def counted(word):
            before = calls()
            try:
                return key(word)
            finally:
                counts["numbered name words"] += calls() - before
        return counted
    monkeypatch.setattr(P, "_word_key", word_key)
    real_ck = type(backend).context_keys_batch

    def context_keys_batch(self):
        f = real_ck(self)

        def counted(*a, **k):
            counts["context calls"] += 1
            before = calls()
            try:
                return f(*a, **k)
            finally:
                counts["context words"] += calls() - before
        return counted
    monkeypatch.setattr(type(backend), "context_keys_batch", context_keys_batch)
    out = asimtext.digest(SEEDS, backend=backend, keep=keep).to_json()
    return counts, out


def _rust_backend():
    be = default_backend()
    assert be.from_prepared and be.prepare_batch is core._prepare_batch
    return be


def _twin_backend():
    # The pure batch over the pure extractor: what it prepared is read back, nothing
    # normalized again.
    be = default_backend(extract_batch=pure_extract_batch)
    assert be.from_prepared and be.prepare_batch is None
    return be


@pytest.mark.parametrize("keep", ["stories", "all"])
@pytest.mark.parametrize("make", [_rust_backend, _twin_backend], ids=["rust", "twin"])
def test_no_stage_normalizes_a_text_after_prepare(monkeypatch, make, keep):
    counts, out = _counted_digest(monkeypatch, make(), keep)
    n_docs = len(list(SEEDS.iterdir()))
    # The counters run: the prepare stage normalized every text.
    assert counts["prepare"] >= n_docs
    # The stages that compare texts did compare some (the seeds have copies).
    assert '"copy_groups": [{' in out.replace("\n", "").replace("  ", "")
    for stage in STAGES:
        if stage in ("prepare", "group_stories", "mentions_of"):
            continue
        assert counts[stage] == 0, (stage, counts)
    # The stories stage keys words only; the mentions stage reads the context words
    # from the batches (the text route is not even asked).
    assert counts["group_stories"] == counts["vocabulary words"] + counts["numbered name words"]
    assert counts["mentions_of"] == 0 and counts["context words"] == 0
    assert counts["context calls"] == 0


def test_the_counter_sees_the_text_route(monkeypatch):
    # Without the prepared documents (a backend whose text calls are not the real
    # ones), the same stages normalize the texts again, and the test above would fail.
    be = default_backend().replace(from_prepared=False)
    counts, _out = _counted_digest(monkeypatch, be, "all")
    assert counts["near_duplicate_links"] > 0
    assert counts["find_page_copies"] > 0
    assert counts["find_conflicts"] > 0
    assert counts["mentions_of"] > 0 and counts["context calls"] > 0


@pytest.mark.parametrize("keep", ["stories", "all"])
def test_the_digest_is_the_same_from_the_tokens(keep):
    # The prepared route gives the digest the text calls give (the seeds' copies,
    # passages and conflicts), for the Rust batch and for the twin.
    be = default_backend()
    a = asimtext.digest(SEEDS, backend=be, keep=keep).to_json()
    b = asimtext.digest(SEEDS, backend=be.replace(from_prepared=False), keep=keep).to_json()
    c = asimtext.digest(SEEDS, backend=be.replace(prepare_batch=None), keep=keep).to_json()
    assert a == b == c
    assert be.replace(overlap=asimtext.overlap).from_prepared is False
    assert be.replace(normalize=asimtext.normalize).from_prepared is False
    assert default_backend(shared_passages=asimtext.shared_passages).from_prepared is False


@pytest.mark.parametrize("prep", [core._prepare_batch, pure.prepare_batch], ids=["rust", "twin"])
def test_release_rows_lets_go_of_a_rows_words_and_tokens(prep):
    from asimtext.digest.keys import prepared_vocabulary

    texts = ["कानपुर में 5 लोग, Kanpur police", "BJP भाजपा लखनऊ 2022", "a b c d e f"]
    b = prep(texts)
    before = b.heap_bytes()
    b.release_rows([1])
    assert not b.has_tokens(1) and b.has_tokens(0)
    if prep is core._prepare_batch:
        assert b.heap_bytes() < before
        vocab = core._prepared_vocabulary
    else:
        vocab = prepared_vocabulary
    vocab([(b, [0, 2])])  # the other rows are still read
    with pytest.raises(AsimtextError, match="row 1 were released"):
        vocab([(b, [0, 1])])
    assert len(b.spans(1)) == len(asimtext.extract(texts[1]))  # (spans stay)


def test_a_streamed_digest_releases_each_closed_article(monkeypatch):
    # Every article read is released once its story closes (the batch's memory follows the
    # open window), and the stream's digest is the same.
    from asimtext.digest import DigestParams
    from asimtext.digest.stream import collect, iter_digest, parse_window

    released = []
    real = P.release_rows

    def record(docs):
        released.extend(d.id for d in docs)
        return real(docs)
    arts = [{"id": f"a{i}", "text": (SEEDS / f).read_text(), "published": f"2021-08-{1 + 9 * i:02d}"}
            for i, f in enumerate(sorted(x.name for x in SEEDS.iterdir()))]
    whole = collect(iter_digest(arts, DigestParams(), default_backend(), keep="all",
                                window=parse_window("3d"), chunk=2), {})
    monkeypatch.setattr(P, "release_rows", record)
    got = collect(iter_digest(arts, DigestParams(), default_backend(), keep="all",
                              window=parse_window("3d"), chunk=2), {})
    ok = sorted(a["id"] for a in got.articles if a["status"] == "ok")
    # (the seeds' pages are split into their reports, as the whole digest splits them:
    # each report is released once)
    units = sorted(u["id"] for a in got.articles for u in a["units"])
    assert len(ok) >= 3 and len(units) > len(ok) and sorted(released) == units
    assert got.to_json() == whole.to_json()


@st.composite
def texts_and_values(draw):
    texts = draw(st.lists(text_st(), min_size=1, max_size=4))
    values = []
    for t in texts:
        n = len(t)
        vs = []
        for _ in range(draw(st.integers(0, 6))):
            start = draw(st.integers(0, n))
            end = draw(st.integers(start, min(n, start + 6)))
            vs.append((draw(st.integers(0, start)), draw(st.integers(end, n)), start, end))
        values.append(vs)
    return texts, values


@settings(max_examples=200, deadline=None)
@given(texts_and_values(), st.integers(0, 5), st.integers(0, 60))
def test_context_words_from_the_batch_are_the_texts(tv, width, reach):
    # The Rust batch (words kept from its one normalization, the plain ones keyed from
    # the text when read), its twin, and keying the texts give the same context words.
    from asimtext.pure.xscript import keys as pure_keys

    texts, values = tv
    rows = list(range(len(texts)))
    want = core._context_keys_batch(texts, values, width, reach)
    assert want == pure.context_keys_batch(texts, values, width, reach, keys=pure_keys)
    assert core._prepare_batch(texts).context_keys(rows, texts, values, width, reach) == want
    assert pure.prepare_batch(texts).context_keys(rows, texts, values, width, reach) == want
    # The windows wide open: every content word of the text, read whole.
    for t in texts:
        n = len(t)
        words = [(s, e, k) for s, e, k in asimtext.xscript_keys(t) if len(k) >= 2]
        (got,) = core._prepare_batch([t]).context_keys([0], [t], [[(0, n, n, n)]], 10**6, n)[0]
        assert got == sorted({k for _s, _e, k in words})


@pytest.mark.parametrize("prep", [core._prepare_batch, pure.prepare_batch], ids=["rust", "twin"])
def test_context_words_of_a_released_row_are_an_error(prep):
    texts = ["कानपुर में 5 लोग मरे", "BJP ने 2022 में"]
    b = prep(texts)
    vals = [[(0, len(texts[1]), 7, 11)]]
    assert b.context_keys([1], [texts[1]], vals, 2, 80) == [[["BJP"]]]
    b.release_tokens([1])
    with pytest.raises(AsimtextError, match="row 1: the text's tokens were released"):
        b.context_keys([1], [texts[1]], vals, 2, 80)
    with pytest.raises(AsimtextError, match="differ in length"):
        b.context_keys([0, 1], [texts[0]], vals, 2, 80)
    with pytest.raises(AsimtextError, match="offsets must be >= 0"):
        b.context_keys([0], [texts[0]], [[(0, 5, -1, 2)]], 2, 80)
