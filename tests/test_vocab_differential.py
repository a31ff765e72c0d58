"""The digest's vocabulary (article x cross-script key counts) computed by the
Rust core (`asimtext._core._vocabulary`, `rust/core/src/vocab.rs`) equals its
pure-Python twin (`asimtext.digest.keys.Vocabulary` without it), array for
array: same word and key ids, same order, same counts. And the digest is the
same with either."""

from __future__ import annotations

import importlib
import random
from pathlib import Path

import asimtext
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

keys_mod = importlib.import_module("asimtext.digest.keys")
Vocabulary = keys_mod.Vocabulary
RUST = asimtext._core._vocabulary
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

FIELDS = ["n_keys", "_rows", "_cols", "_counts", "bridge_mask", "token_counts", "bridge"]


def assert_same(texts):
    py = Vocabulary(texts, asimtext.xscript_keys)
    rs = Vocabulary(texts, asimtext.xscript_keys, RUST)
    for f in FIELDS:
        a, b = getattr(py, f), getattr(rs, f)
        if isinstance(a, np.ndarray):
            assert a.dtype == b.dtype and np.array_equal(a, b), f
        else:
            assert a == b, f


# Word characters of both scripts and the edges of the word pattern: signs,
# ZWJ/ZWNJ, dandas, digits, apostrophes, nukta letters, case.
ALPHABET = (
    list("कखगजडढनपमयरलवसहषक़ज़ड़ऋअआइउएओऑािीुूेैोौंँः़्ॅॉ")
    + ["\u200c", "\u200d", "\u0964", "\u0965", "\u0966", "\u0970", "\u0971", "\u0950"]
    + list("abcdeiklmnoprstuyzKAPBJ'’ -.,\n\t0123")
)
texts = st.lists(st.sampled_from(ALPHABET), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=12))
def test_same_arrays_on_arbitrary_texts(ts):
    assert_same(ts)


def test_same_arrays_across_id_steps_and_key_pieces():
    # More than 512 articles (word ids are given a step of 512 at a time) and
    # more than 4,096 distinct words (keyed in pieces in parallel).
    rng = random.Random(7)
    dev = "कखगजडनपमयरलवसह"
    signs = "ािीुूेोौंँ्"
    lat = "abcdeiklmnoprstu"

    def word():
        if rng.random() < 0.5:
            return "".join(rng.choice(dev) + rng.choice(signs) for _ in range(rng.randint(1, 4)))
        return "".join(rng.choice(lat) for _ in range(rng.randint(2, 8)))

    ts = [" ".join(word() for _ in range(rng.randint(0, 60))) for _ in range(1300)]
    assert len({w for t in ts for w in t.split()}) > 4096
    assert_same(ts)


def test_same_arrays_on_the_seeds():
    ts = [a.text for a in asimtext.load_articles(SEEDS)]
    assert_same(ts)
    assert_same(ts * 3 + [""])


def test_the_digest_is_the_same_with_either():
    from asimtext.digest import default_backend

    be = default_backend()
    assert be.vocabulary is RUST
    a = asimtext.digest(SEEDS, backend=be).to_json()
    b = asimtext.digest(SEEDS, backend=be.replace(vocabulary=None)).to_json()
    assert a == b
    # Replacing xscript_keys drops the Rust vocabulary (it keys with the real one).
    assert be.replace(xscript_keys=asimtext.xscript_keys).vocabulary is None
    assert default_backend(xscript_keys=asimtext.xscript_keys).vocabulary is None
