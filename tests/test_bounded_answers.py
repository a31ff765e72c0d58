"""The bounded answers of issue 17 on degenerate input: near_duplicates (and
its twins: the pure one, StreamDedup) on groups of identical texts larger than
an LSH bucket window, and an LSH whose every key is in one bucket."""

from __future__ import annotations

import asimtext
import pytest
from asimtext.dedup import BUCKET_WINDOW
from asimtext.pure.dedup import minhash as pure
from hypothesis import given, settings
from hypothesis import strategies as st


def _window_pairs(members: list) -> set:
    return {(a, b) for x, a in enumerate(members) for b in members[x + 1 : x + 1 + BUCKET_WINDOW]}


@pytest.mark.parametrize("m", [BUCKET_WINDOW + 1, BUCKET_WINDOW + 2, 60])
def test_identical_texts_give_window_pairs_and_one_cluster(m):
    texts = ["one two three four five six seven"] * m
    r = asimtext.near_duplicates(texts, num_perm=32)
    assert {(i, j) for i, j, _, _ in r.pairs} == _window_pairs(list(range(m)))
    assert all(e == 1.0 for *_, e in r.pairs)
    assert r.clusters == [list(range(m))]
    assert r.capped_buckets == (r.params[0] if m > BUCKET_WINDOW + 1 else 0)
    assert r == pure.near_duplicates(texts, num_perm=32)


def test_two_interleaved_groups_and_distinct_texts():
    a, b = "राम ने कहा कि अदालत में सुनवाई होगी", "the court will hear the case on monday"
    texts = []
    for i in range(50):
        texts += [a, b, f"unrelated text number {i} with words {i * 7} and {i * 13}"]
    r = asimtext.near_duplicates(texts, num_perm=32)
    group_a = [i for i, t in enumerate(texts) if t == a]
    group_b = [i for i, t in enumerate(texts) if t == b]
    assert r.clusters == [group_a, group_b]
    assert {(i, j) for i, j, _, _ in r.pairs} == _window_pairs(group_a) | _window_pairs(group_b)
    assert r == pure.near_duplicates(texts, num_perm=32)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["a b c d e f", "a b c d e g", "x y z w v u", "p q r s t u v"]), max_size=70))
def test_window_rule_identical_in_rust_and_pure(texts):
    for params in [None, (8, 4)]:
        kw = {"num_perm": 32, "threshold": 0.5, "ngram": 2, "params": params}
        assert asimtext.near_duplicates(texts, **kw) == pure.near_duplicates(texts, **kw)


def test_stream_dedup_finds_the_same_pairs():
    texts = ["one two three four five six seven"] * 40 + ["another text entirely of its own kind"] * 3
    r = asimtext.near_duplicates(texts)
    d = asimtext.StreamDedup()
    d.add(texts[:25])
    d.add(texts[25:])
    i, j, _, candidates = d.pairs()
    assert sorted(zip(i.tolist(), j.tolist())) == [(p[0], p[1]) for p in r.pairs]
    assert candidates == r.candidates
    assert len(set(d.labels().tolist())) == 2


def test_lsh_with_one_bucket_holding_the_index():
    h = asimtext.MinHasher(num_perm=32)
    sig = h.signature("the same text in every slot")
    lsh = asimtext.LSH(threshold=0.5, num_perm=32)
    n = 20_000
    lsh.insert_many(list(range(n)), h.signatures(["the same text in every slot"] * n))
    assert lsh.query(sig) == list(range(n))
    for k in range(0, n, 2):
        lsh.remove(k)
    assert lsh.query(sig) == list(range(1, n, 2))
    for k in range(1, n, 2):
        lsh.remove(k)
    assert lsh.query(sig) == [] and len(lsh) == 0


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.sampled_from(["a b c d e f", "a b c d e g", "x y z w v u", "p q r s t u v"]), max_size=70),
    st.integers(1, 30),
)
def test_stream_dedup_window_identical_to_its_pure_twin(texts, chunk):
    from asimtext.pure.dedup import stream as pure_batch

    fast = asimtext.StreamDedup(threshold=0.5, ngram=2, num_perm=32)
    slow = pure_batch.StreamDedup(threshold=0.5, ngram=2, num_perm=32)
    for s in range(0, len(texts), chunk):
        fast.add(texts[s : s + chunk])
        slow.add(texts[s : s + chunk])
    a1, b1, _, c1 = fast.pairs()
    a2, b2, _, c2 = slow.pairs()
    assert (a1.tolist(), b1.tolist(), c1) == (a2.tolist(), b2.tolist(), c2)
    assert fast.labels().tolist() == slow.labels().tolist()
