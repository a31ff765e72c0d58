"""The partitioned near-duplicate building blocks (band keys, pair verification):
Rust vs the pure-Python twin, and both vs the single-machine search."""

from __future__ import annotations

import asimtext
import numpy as np
import pytest
from asimtext import _core
from asimtext.pure.dedup import minhash as pure
from asimtext.pure.dedup import partitioned as twin
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

chars = st.one_of(
    st.sampled_from([chr(c) for c in range(0x0900, 0x0980)]),
    st.sampled_from(["\u200c", "\u200d", "\u00a0", " ", " ", " ", "\n", ".", "।", "\u093c"]),
    st.sampled_from(list("abcXYZ0123456789०१२३४५६७८९")),
    st.characters(blacklist_categories=("Cs",)),
)
words = st.lists(
    st.sampled_from(["राम", "श्याम", "ज़िला", "जिला", "Kanpur", "kanpur", "१५", "15", "ने", "की"]),
    max_size=25,
).map(" ".join)
any_text = st.one_of(st.text(chars, max_size=80), words)
corpora = st.lists(any_text, min_size=1, max_size=8)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(corpora, st.integers(1, 4), st.sampled_from(["word", "char"]), st.integers(0, 2**64 - 1))
def test_band_keys_identical(texts, ngram, unit, seed):
    r = asimtext.MinHasher(num_perm=24, ngram=ngram, unit=unit, seed=seed)
    p = pure.MinHasher(num_perm=24, ngram=ngram, unit=unit, seed=seed)
    keys, nonempty = _core._band_keys(r, texts, 6, 4)
    tkeys, tnonempty = twin.band_keys(p, texts, 6, 4)
    assert np.array_equal(keys, tkeys) and np.array_equal(nonempty, tnonempty)


@SETTINGS
@given(corpora, st.integers(1, 4), st.sampled_from(["word", "char"]), st.data())
def test_verify_pairs_identical(texts, ngram, unit, data):
    n = len(texts)
    left = np.array(data.draw(st.lists(st.integers(0, n - 1), max_size=10)), dtype=np.int64)
    right = np.array(
        data.draw(st.lists(st.integers(0, n - 1), min_size=len(left), max_size=len(left))),
        dtype=np.int64,
    )
    r = asimtext.MinHasher(num_perm=16, ngram=ngram, unit=unit)
    p = pure.MinHasher(num_perm=16, ngram=ngram, unit=unit)
    est, exact = _core._verify_pairs(r, texts, left, right)
    test, texact = twin.verify_pairs(p, texts, left, right)
    assert est.tolist() == test.tolist() and exact.tolist() == texact.tolist()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(words, any_text), min_size=2, max_size=12), st.sampled_from([0.3, 0.5, 0.8]))
def test_band_keys_and_verification_give_near_duplicates(texts, threshold):
    """Candidates = documents sharing a band key; verified = exact >= threshold."""
    want = asimtext.near_duplicates(texts, threshold=threshold, num_perm=32, ngram=2)
    bands, rows = want.params
    h = asimtext.MinHasher(num_perm=32, ngram=2)
    keys, nonempty = _core._band_keys(h, texts, bands, rows)
    cands = [
        (i, j)
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
        if nonempty[i] and nonempty[j] and bool((keys[i] == keys[j]).any())
    ]
    assert len(cands) == want.candidates
    left = np.array([i for i, _ in cands], dtype=np.int64)
    right = np.array([j for _, j in cands], dtype=np.int64)
    est, exact = _core._verify_pairs(h, texts, left, right)
    got = [(i, j, e, x) for (i, j), e, x in zip(cands, est, exact) if x >= threshold]
    assert got == want.pairs


def test_twin_rejects_bad_input():
    p = pure.MinHasher(num_perm=16)
    with pytest.raises(ValueError, match="bands"):
        twin.band_keys(p, ["a"], 5, 4)
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        twin.band_keys(p, ["a", 3], 4, 4)
    with pytest.raises(ValueError, match="asim"):
        twin.band_keys(pure.MinHasher(num_perm=16, compat="datasketch"), ["a"], 4, 4)
    with pytest.raises(ValueError, match="right"):
        twin.verify_pairs(p, ["a", "b"], [0], [2])
    with pytest.raises(ValueError, match=r"left\[0\]"):
        twin.verify_pairs(p, ["a", "b"], [-1], [0])
    with pytest.raises(ValueError, match="lengths"):
        twin.verify_pairs(p, ["a", "b"], [0], [])
