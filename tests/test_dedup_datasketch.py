"""datasketch compatibility: identical hashvalues for all three schemes, and the
same LSH (bands, rows) choice as datasketch's `_optimal_param`."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

datasketch = pytest.importorskip("datasketch")
import asimtext
from asimtext import _core
from datasketch.lsh import _optimal_param
from hypothesis import given, settings
from hypothesis import strategies as st

SCHEMES = ["affine32", "affine64", "legacy"]


def ds_signature(tokens, num_perm, seed, scheme):
    m = datasketch.MinHash(num_perm=num_perm, seed=seed, scheme=scheme)
    for t in tokens:
        m.update(t.encode("utf8"))
    return m.hashvalues


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("seed", [0, 1, 7, 12345, 2**31, 2**32 - 1])
@pytest.mark.parametrize("num_perm", [1, 16, 128, 257])
def test_hashvalues_identical_to_datasketch(scheme, seed, num_perm):
    tokens = ["a", "हिंदी समाचार", "", "x" * 100, "Kanpur", "🙂", "a"]
    h = asimtext.MinHasher(num_perm=num_perm, seed=seed, compat="datasketch", scheme=scheme)
    ours = h.signature_from_tokens(tokens)
    theirs = ds_signature(tokens, num_perm, seed, scheme)
    assert ours.dtype == theirs.dtype
    assert np.array_equal(ours, theirs)
    a, b = h.permutations
    m = datasketch.MinHash(num_perm=num_perm, seed=seed, scheme=scheme)
    assert np.array_equal(a, np.asarray(m.permutations[0], dtype=np.uint64))
    assert np.array_equal(b, np.asarray(m.permutations[1], dtype=np.uint64))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_empty_set_matches_datasketch(scheme):
    h = asimtext.MinHasher(num_perm=8, compat="datasketch", scheme=scheme)
    assert np.array_equal(h.signature_from_tokens([]), ds_signature([], 8, 1, scheme))
    assert np.array_equal(h.signature(""), ds_signature([], 8, 1, scheme))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(max_size=10), max_size=20),
    st.sampled_from(SCHEMES),
    st.integers(0, 2**32 - 1),
)
def test_hashvalues_identical_random_tokens(tokens, scheme, seed):
    tokens = [t for t in tokens if not any(0xD800 <= ord(c) <= 0xDFFF for c in t)]
    h = asimtext.MinHasher(num_perm=20, seed=seed, compat="datasketch", scheme=scheme)
    assert np.array_equal(h.signature_from_tokens(tokens), ds_signature(tokens, 20, seed, scheme))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_text_signature_is_datasketch_over_our_shingles(scheme):
    text = (Path(__file__).parent.parent / "seeds" / "001_0baf9eb691f46b87.txt").read_text(
        encoding="utf-8"
    )
    h = asimtext.MinHasher(num_perm=64, seed=3, compat="datasketch", scheme=scheme)
    assert np.array_equal(h.signature(text), ds_signature(h.shingles(text), 64, 3, scheme))
    # And datasketch's own jaccard agrees with ours on the values.
    t2 = text[: len(text) // 2]
    m1 = datasketch.MinHash(num_perm=64, seed=3, scheme=scheme, hashvalues=h.signature(text))
    m2 = datasketch.MinHash(num_perm=64, seed=3, scheme=scheme, hashvalues=h.signature(t2))
    assert m1.jaccard(m2) == asimtext.jaccard(h.signature(text), h.signature(t2))


GRID = [
    (t, n, w)
    for n in (2, 8, 32, 64, 128, 200)
    for t in (0.1, 0.25, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
    for w in ((0.5, 0.5), (0.2, 0.8), (0.8, 0.2), (0.05, 0.95))
]


def test_lsh_params_agree_with_datasketch_on_a_grid():
    mismatches = [
        (t, n, w, _core._optimal_params(t, n, *w), _optimal_param(t, n, *w))
        for (t, n, w) in GRID
        if tuple(_core._optimal_params(t, n, *w)) != tuple(_optimal_param(t, n, *w))
    ]
    assert mismatches == []


@pytest.mark.parametrize("threshold, num_perm", [(0.5, 128), (0.8, 128), (0.9, 256), (0.3, 64)])
def test_lsh_object_params_match_datasketch(threshold, num_perm):
    ours = asimtext.LSH(threshold=threshold, num_perm=num_perm).params
    theirs = datasketch.MinHashLSH(threshold=threshold, num_perm=num_perm)
    assert ours == (theirs.b, theirs.r)
