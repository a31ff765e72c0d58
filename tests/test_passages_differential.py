"""shared_passages: Rust vs the pure-Python twin (asimtext.pure.dedup.passages), and
both against the definition computed naively (longest run at each position,
leftmost occurrence, greedy left to right)."""

from __future__ import annotations

import asimtext
import pytest
from asimtext.pure.dedup import passages as pure
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_dedup_differential import any_text

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Few distinct words, so that texts repeat and share a lot.
small_vocab = st.lists(
    st.sampled_from(["राम", "ने", "कहा", "ज़िला", "जिला", "Kanpur", "kanpur", "15", "१५", "a", "b"]),
    max_size=40,
).map(lambda ws: " ".join(ws))
pair_text = st.one_of(small_vocab, any_text)


def _naive(a: list, b: list, k: int) -> list:
    out, i = [], 0
    while i < len(a):
        best = (0, 0)
        for j in range(len(b)):
            n = 0
            while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
                n += 1
            if n > best[0]:
                best = (n, j)
        if best[0] >= k:
            out.append((i, best[1], best[0]))
            i += best[0]
        else:
            i += 1
    return out


@SETTINGS
@given(pair_text, pair_text, st.integers(1, 5))
def test_shared_passages_identical(a, b, k):
    assert asimtext.shared_passages(a, b, min_words=k) == pure.shared_passages(a, b, min_words=k)


@SETTINGS
@given(small_vocab, small_vocab, st.integers(1, 4))
def test_shared_passages_follow_the_definition(a, b, k):
    ta, _ = pure.token_spans(a)
    tb, _ = pure.token_spans(b)
    want = _naive(ta, tb, k) if len(ta) >= k and len(tb) >= k else []
    assert pure.greedy_runs(ta, tb, k) == want
    got = asimtext.shared_passages(a, b, min_words=k)
    assert [p.words for p in got] == [n for _i, _j, n in want]
    # Each token of `a` in at most one passage, in order.
    for p, q in zip(got, got[1:]):
        assert p.a_end <= q.a_start


@pytest.mark.parametrize(
    "a, b",
    [
        ("w " * 3000, "w " * 3000),
        ("w " * 3000, "x " + "w " * 2999),
        ("a b " * 1500, "b a " * 1500),
        ("the quick brown fox. " * 300, "the quick brown fox. " * 200),
        ("", "w " * 100),
    ],
)
def test_repetitive_pairs_identical_and_bounded(a, b):
    got = asimtext.shared_passages(a, b, min_words=8)
    assert got == pure.shared_passages(a, b, min_words=8)
    assert len(got) <= len(a.split()) // 8 + 1


def test_bad_arguments_like_the_core():
    for args, exc in [(("a", 1), TypeError), (("\ud800", "a"), ValueError)]:
        with pytest.raises(exc):
            asimtext.shared_passages(*args)
        with pytest.raises(exc):
            pure.shared_passages(*args)
    for k, exc in [(0, ValueError), ("3", TypeError)]:
        with pytest.raises(exc, match="min_words"):
            asimtext.shared_passages("a", "a", min_words=k)
        with pytest.raises(exc, match="min_words"):
            pure.shared_passages("a", "a", min_words=k)
