"""MinHash signatures against rensa in one run, with the ratio as a column:
rensa's ``RMinHash.digest_matrix_from_token_sets`` (the baseline) and
asimtext's ``MinHasher.signatures_from_tokens`` on the same token sets (word
5-grams of ``text.lower().split()``, 128 permutations, fresh lists for every
round: both libraries read each token's characters once, as a first call
does), and asimtext's ``MinHasher.signatures`` from the raw texts (its own
normalization and shingling included). MB/s are of the texts' UTF-8 for every
row, so the ``x rensa`` column is the speed ratio. asimtext runs on all cores
(rensa on one, as it does); the CPU seconds column is the work on all cores.

Run: ``python -m pytest benches/bench_signatures.py --benchmark-only``
(``ASIMTEXT_BENCH_SCALE`` scales the 5,000 documents).
"""

from __future__ import annotations

import os

import asimtext
import numpy as np
import pytest
from conftest import SCALE
from corpus import make_corpus

N = max(50, int(5000 * SCALE))
NUM_PERM = 128
CORPUS = make_corpus(N)
TEXTS = CORPUS.texts
NBYTES = sum(len(t.encode("utf-8")) for t in TEXTS)
G = "MinHash signatures vs rensa (%d docs, %.0f MB, %d cores, 128 permutations)" % (
    N, NBYTES / 1e6, os.cpu_count() or 1)


def shingles(text: str) -> list:
    """Word 5-grams of ``text.lower().split()`` (what rensa's and datasketch's docs show)."""
    w = text.lower().split()
    if len(w) < 5:
        return [" ".join(w)] if w else []
    return [" ".join(w[i : i + 5]) for i in range(len(w) - 4)]


def fresh_token_sets():
    return ([shingles(t) for t in TEXTS],), {}


def test_rensa_from_token_sets(throughput):
    rensa = pytest.importorskip("rensa")
    throughput(lambda sets: rensa.RMinHash.digest_matrix_from_token_sets(sets, num_perm=NUM_PERM, seed=42),
               group=G, name="rensa from token sets (1 core)", nbytes=NBYTES, ndocs=N, baseline=True,
               setup=fresh_token_sets)


def test_asimtext_from_token_sets(throughput):
    h = asimtext.MinHasher(num_perm=NUM_PERM)
    sigs = throughput(h.signatures_from_tokens, group=G, name="asimtext signatures_from_tokens",
                      nbytes=NBYTES, ndocs=N, setup=fresh_token_sets)
    assert sigs.shape == (N, NUM_PERM)
    # The same sets, one at a time: the batch call changes nothing.
    one = [h.signature_from_tokens(s) for s in fresh_token_sets()[0][0][:20]]
    assert np.array_equal(np.stack(one), sigs[:20])


def test_asimtext_from_raw_text(throughput):
    h = asimtext.MinHasher(num_perm=NUM_PERM)
    h.signatures(TEXTS[:100])
    sigs = throughput(lambda: h.signatures(TEXTS), group=G, name="asimtext signatures from raw text",
                      nbytes=NBYTES, ndocs=N)
    assert sigs.shape == (N, NUM_PERM)
