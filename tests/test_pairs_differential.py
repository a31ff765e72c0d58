"""The story grouping's candidate pairs summed by the Rust core
(`asimtext._core.PairIndex`, `rust/core/src/pairs.rs`) equal those of its
pure-Python twin (`asimtext.pure.pairs.PairIndex`) bit for bit: same pairs, same
order, same floats. And the digest is the same with either."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import asimtext
import numpy as np
import pytest
from asimtext.digest.keys import Bags
from asimtext.digest.stories import StoryParams, score_pairs
from asimtext.pure.pairs import PairIndex as Pure
from hypothesis import given, settings
from hypothesis import strategies as st

RUST = asimtext._core.PairIndex
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIELDS = ("i", "j", "cos", "bridge_cos", "bridge_shared", "bridge_evidence",
          "strong_evidence")


def assert_same(a, b):
    for f in FIELDS:
        x, y = getattr(a, f), getattr(b, f)
        assert x.dtype == y.dtype and np.array_equal(x, y), f


@st.composite
def corpora(draw):
    """Bags of a few keys each (some frequent, some facts), publication days with
    ties and gaps, and parameters that send keys to every pairing mode."""
    n = draw(st.integers(1, 60))
    nk = draw(st.integers(1, 40))
    bags = [Counter({f"{'#' if k % 7 == 0 else 'k'}{k}": c for k, c in draw(
        st.dictionaries(st.integers(0, nk - 1), st.integers(1, 4), max_size=12)).items()})
        for _ in range(n)]
    days = np.asarray(draw(st.lists(st.one_of(st.none(), st.integers(-3, 5)),
                                    min_size=n, max_size=n)), dtype=np.float64)
    params = StoryParams(max_df=draw(st.integers(2, 12)), max_df_share=0.0,
                         neighbors=draw(st.integers(0, 4)),
                         pair_budget=draw(st.integers(0, 400)), budget_articles=10**6)
    bridge = {f"k{k}" for k in range(0, nk, 3)}
    return bags, bridge, days, params


@settings(max_examples=300, deadline=None)
@given(corpora(), st.integers(1, 50))
def test_same_pairs_and_floats_as_the_twin(corpus, chunk):
    bags, bridge, days, params = corpus
    py = score_pairs(Bags.from_counters(bags, bridge), params, days)
    rs = score_pairs(Bags.from_counters(bags, bridge), params, days, index=RUST)
    assert_same(py, rs)
    # Block by block too, in blocks of any size.
    b = Bags.from_counters(bags, bridge)
    n, cols = b.n_docs, b.cols.astype(np.int32)
    df = np.bincount(cols, minlength=len(b.keys))
    mode = np.where(df > params.max_df, 2, 1).astype(np.uint8)
    w = np.log(b.counts) + 1.0
    norm = np.sqrt(np.bincount(b.rows, weights=w * w, minlength=n))
    args = (n, b.rows.astype(np.int32), cols, w, mode, np.log(20.0 / (df + 1.0)), b.bridge,
            b.bridge & ~b.fact, np.nan_to_num(days), norm, norm * 0.5, params.neighbors)
    pi, ri = Pure(*args), RUST(*args)
    assert np.array_equal(pi.per_row(), ri.per_row())
    for lo in range(0, n, chunk):
        for x, y in zip(pi.block(lo, lo + chunk), ri.block(lo, lo + chunk)):
            assert x.dtype == y.dtype and np.array_equal(x, y)


def test_frequent_keys_pair_only_time_neighbours():
    # One key in 200 articles, days in reverse article order: each article pairs
    # with its 2 neighbours on each side in time, whatever the article numbers.
    n = 200
    rows = np.arange(n, dtype=np.int32)
    args = (n, rows, np.zeros(n, dtype=np.int32), np.ones(n), np.array([2], dtype=np.uint8),
            np.ones(1), np.ones(1, dtype=bool), np.ones(1, dtype=bool),
            (n - rows).astype(np.float64), np.ones(n), np.ones(n), 2)
    i, j = RUST(*args).block(0, n)[:2]
    assert i.size == 2 * n - 3 and np.all(j - i <= 2) and np.all(i < j)


def test_bad_entries_raise_value_errors():
    one = np.ones(1)
    with pytest.raises(ValueError, match="entry 0: article 5"):
        RUST(2, np.array([5], dtype=np.int32), np.array([0], dtype=np.int32), one,
             np.array([1], dtype=np.uint8), one, np.ones(1, dtype=bool),
             np.ones(1, dtype=bool), np.zeros(2), np.ones(2), np.ones(2), 1)


def test_the_digest_is_the_same_with_either():
    from asimtext.digest import default_backend

    be = default_backend()
    assert be.pair_index is RUST
    a = asimtext.digest(SEEDS, backend=be).to_json()
    b = asimtext.digest(SEEDS, backend=be.replace(pair_index=None)).to_json()
    assert a == b
