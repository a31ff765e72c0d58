"""asimtext.dask on a local cluster of worker processes: results equal the
single-machine functions; what travels to workers is small; workers are
long-lived processes (so the Rust statics are built once per process)."""

from __future__ import annotations

import logging
import os
import pickle
import random
from pathlib import Path

import pytest

dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import asimtext  # noqa: E402
import asimtext.dask as ad  # noqa: E402

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"

NUKTA = [("ज़", "ज"), ("फ़", "फ"), ("ड़", "ड")]


def _corpus(seed: int = 7) -> tuple[list[str], list[tuple[int, int]]]:
    """Originals made of seed-article sentences (shuffled and cut), copies with
    edits, a chain of successive copies, and texts without shingles.

    Returns the texts and the ``(original, copy)`` positions of the copies made
    with light edits (which must be found)."""
    rng = random.Random(seed)
    sentences = []
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        for s in text.replace("\n", " ").replace("।", "।\n").replace(". ", ".\n").split("\n"):
            if len(s.split()) >= 4:
                sentences.append(s.strip())
    words = [w for s in sentences for w in s.split()]

    def original() -> str:
        out = []
        for _ in range(rng.randint(3, 8)):
            s = rng.choice(sentences).split()
            # Random words break the 5-grams shared with other originals.
            for _ in range(max(1, len(s) // 3)):
                s[rng.randrange(len(s))] = rng.choice(words)
            out.append(" ".join(s))
        return " ".join(out)

    def edit(text: str, strength: int) -> str:
        ws = text.split()
        for _ in range(strength):
            op = rng.random()
            k = rng.randrange(len(ws))
            if op < 0.4:
                ws[k] = rng.choice(words)
            elif op < 0.6 and len(ws) > 5:
                del ws[k]
            else:
                ws.insert(k, rng.choice(words))
        out = " ".join(ws)
        if rng.random() < 0.5:  # spelling variants the match key folds
            a, b = rng.choice(NUKTA)
            out = out.replace(b, a)
        if rng.random() < 0.3:
            out = out.upper()
        if rng.random() < 0.3:
            out = "इसे भी पढ़ें - " + out + "\n\nPublished : Jan 11, 2022"
        return out

    items: list[str] = [original() for _ in range(120)]
    light: list[tuple[str, int]] = []
    for _ in range(60):
        src = rng.randrange(120)
        strength = rng.choice([0, 1, 2, 4, 8, 16])
        light.append((edit(items[src], strength), src if strength <= 1 else -1))
    # A chain: each step close to the previous one, the ends further apart.
    chain = [original()]
    for _ in range(6):
        chain.append(edit(chain[-1], 3))
    texts = items + [t for t, _ in light] + chain + ["", " ,. ।", "एक दो"]
    known_src = [(src, 120 + k) for k, (_, src) in enumerate(light) if src >= 0]
    # Shuffle positions so that partitions mix originals and copies.
    order = list(range(len(texts)))
    rng.shuffle(order)
    where = {old: new for new, old in enumerate(order)}
    texts = [texts[i] for i in order]
    known = [tuple(sorted((where[a], where[b]))) for a, b in known_src]
    return texts, known


@pytest.fixture(scope="module")
def client():
    logging.getLogger("distributed.shuffle").setLevel(logging.ERROR)
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def corpus():
    return _corpus()


def test_near_duplicates_equal_single_machine(client, corpus, monkeypatch):
    texts, known = corpus
    # Small target sizes: every stage runs on several partitions (shuffles and
    # hash joins), as it would on a large corpus.
    monkeypatch.setattr(ad, "_PAIRS_PER_PARTITION", 50)
    monkeypatch.setattr(ad, "_CANDIDATES_PER_PARTITION", 30)
    want = asimtext.near_duplicates(texts, threshold=0.7)
    assert len(want.pairs) >= len(known) > 10
    assert {(i, j) for i, j, _, _ in want.pairs} >= set(known)
    assert max(len(c) for c in want.clusters) >= 4  # the chain (and copies of copies)
    df = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=3)
    res = ad.near_duplicates(df, "text", threshold=0.7, npartitions=2, components_partitions=2)
    assert res.rounds >= 1
    assert res.pairs.npartitions == 2
    got = res.compute()
    assert got.pairs == want.pairs  # same pairs, same estimated and exact similarities
    assert got.clusters == want.clusters
    assert got.candidates == want.candidates
    assert got.params == want.params
    assert "DaskNearDuplicates" in repr(res)
    # The clusters frame: every document in a pair, cluster id = smallest member.
    c = res.clusters.compute()
    members = {int(d) for i, j, _, _ in want.pairs for d in (i, j)}
    assert set(c["doc"]) == members
    for cl in want.clusters:
        assert set(c.loc[c["doc"].isin(cl), "cluster"]) == {cl[0]}


def test_near_duplicates_with_id_column_and_options(client, corpus):
    texts, _ = corpus
    n = len(texts)
    ids = [10_000 - 3 * k for k in range(n)]  # decreasing: the pair order flips
    want = asimtext.near_duplicates(texts, threshold=0.6, ngram=3, seed=5)
    df = dd.from_pandas(pd.DataFrame({"id": ids, "body": texts}), npartitions=3)
    res = ad.near_duplicates(df, "body", 0.6, id_column="id", ngram=3, seed=5)
    assert res.pairs.npartitions == 1  # few candidates: the later stages need one partition
    got = res.compute()
    expect = sorted((min(ids[i], ids[j]), max(ids[i], ids[j]), e, x) for i, j, e, x in want.pairs)
    assert got.pairs == expect
    assert sorted(got.clusters) == sorted(sorted(ids[k] for k in c) for c in want.clusters)


def test_near_duplicates_bad_input(client):
    df = dd.from_pandas(pd.DataFrame({"id": [1, 1, 2], "t": ["a b", "a b", "c"]}), npartitions=2)
    with pytest.raises(ValueError, match="duplicate"):
        ad.near_duplicates(df, "t", id_column="id")
    with pytest.raises(ValueError, match="threshold"):
        ad.near_duplicates(df, "t", threshold=1.5)
    with pytest.raises(TypeError, match="threshold"):
        ad.near_duplicates(df, "t", threshold="0.8")
    with pytest.raises(ValueError, match="npartitions"):
        ad.near_duplicates(df, "t", npartitions=0)
    with pytest.raises(TypeError, match="id_column"):
        ad.near_duplicates(df, "t", id_column="t")
    with pytest.raises(KeyError, match="nope"):
        ad.near_duplicates(df, "nope")
    with pytest.raises(TypeError, match="DataFrame"):
        ad.near_duplicates(["a"], "t")


def test_no_pairs(client):
    df = dd.from_pandas(pd.DataFrame({"t": ["one two three", "", "four five six seven"]}), 2)
    got = ad.near_duplicates(df, "t").compute()
    assert got.pairs == [] and got.clusters == []


def test_normalize_bag_series_frame(client, corpus):
    texts, _ = corpus
    texts = texts[:60]
    want = asimtext.normalize_batch(texts, form="match")
    bag = db.from_sequence(texts, npartitions=3)
    assert ad.normalize(bag, form="match").compute() == want
    df = dd.from_pandas(pd.DataFrame({"t": texts, "n": range(60)}), npartitions=3)
    assert ad.normalize(df["t"], form="match").compute().tolist() == want
    out = ad.normalize(df, "t", form="match", output="key").compute()
    assert out["key"].tolist() == want and out["t"].tolist() == texts
    assert out["n"].tolist() == list(range(60))
    with pytest.raises(ValueError):
        ad.normalize(bag, form="nope")
    with pytest.raises(TypeError):
        ad.normalize(bag, bogus=True)
    with pytest.raises(TypeError):
        ad.normalize(df)  # column needed


def test_extract_bag_and_frame(client):
    texts = [
        "12 मार्च 2021 को शाम 5 बजे 3 लोग घायल हुए",
        "no numbers here",
        "On 5 March 2021 at 10 am Rs 5 crore was paid, 20% more",
        "कल 2,000 रुपये",
    ] * 5
    want = asimtext.extract_batch(texts, reference_dates="2021-03-01")
    bag = db.from_sequence(texts, npartitions=3)
    got = ad.extract(bag, reference_date="2021-03-01").compute()
    assert got == want
    df = dd.from_pandas(pd.DataFrame({"t": texts}), npartitions=3)
    spans = ad.extract(df, "t", reference_date="2021-03-01").compute()
    flat = [(k, s.start, s.end, s.text, s.kind, s.value, s.resolved) for k, ss in enumerate(want) for s in ss]
    # Dask stores the str columns as strings: a missing `resolved` is NA.
    rows = [r[:-1] + (None if pd.isna(r[-1]) else r[-1],) for r in spans.itertuples(name=None)]
    assert rows == flat
    kinds = ad.extract(df["t"], kinds=["money"]).compute()
    assert set(kinds["kind"]) == {"money"}
    refs = pd.DataFrame({"t": texts, "ref": ["2020-01-01", "2021-06-30"] * 10})
    per_row = ad.extract(dd.from_pandas(refs, 2), "t", reference_column="ref").compute()
    want_rows = asimtext.extract_batch(texts, reference_dates=refs["ref"].tolist())
    got_resolved = [None if pd.isna(r) else r for r in per_row["resolved"]]
    assert got_resolved == [s.resolved for ss in want_rows for s in ss]
    assert any(got_resolved)


def test_what_travels_is_small():
    h = asimtext.MinHasher()
    assert len(pickle.dumps(h)) < 150
    assert pickle.loads(pickle.dumps(h)) == h
    s = ad._Settings(hasher=h, threshold=0.8, bands=23, rows=5)
    assert len(pickle.dumps(s)) < 400
    assert pickle.loads(pickle.dumps(s)) == s


def test_workers_are_long_lived_processes(client):
    """Many tasks run in the same two worker processes: the Rust core's
    statics (lexicons, tables), built on first use, serve every later task."""

    def pid_and_spans(part):
        return [(os.getpid(), len(asimtext.extract_batch(list(part))))]

    bag = db.from_sequence(["5 मार्च 2021"] * 40, npartitions=20)
    out = bag.map_partitions(pid_and_spans).compute()
    pids = {p for p, _ in out}
    workers = set(client.run(os.getpid).values())
    assert len(out) == 20 and pids <= workers and len(workers) == 2
    assert os.getpid() not in pids


def test_partition_bindings_reject_bad_input():
    import numpy as np
    from asimtext import _core

    h = asimtext.MinHasher(num_perm=16)
    keys, nonempty = _core._band_keys(h, ["a b c", ""], 4, 4)
    assert keys.shape == (2, 4) and keys.dtype == np.uint64 and nonempty.tolist() == [True, False]
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        _core._band_keys(h, ["a", 3], 4, 4)
    with pytest.raises(ValueError, match="bands"):
        _core._band_keys(h, ["a"], 5, 4)
    with pytest.raises(ValueError, match="asim"):
        _core._band_keys(asimtext.MinHasher(num_perm=16, compat="datasketch"), ["a"], 4, 4)
    one = np.array([0], dtype=np.int64)
    est, exact = _core._verify_pairs(h, ["a b c", "a b c"], one, one + 1)
    assert est.tolist() == [1.0] and exact.tolist() == [1.0]
    with pytest.raises(ValueError, match="right"):
        _core._verify_pairs(h, ["a", "b"], one, one + 2)
    with pytest.raises(ValueError, match=r"left\[0\]"):
        _core._verify_pairs(h, ["a", "b"], one - 1, one)
    with pytest.raises(TypeError, match="left"):
        _core._verify_pairs(h, ["a", "b"], [0], one)
    with pytest.raises(ValueError, match="lengths"):
        _core._verify_pairs(h, ["a", "b"], one, np.array([], dtype=np.int64))


def test_clear_import_error_without_dask():
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['dask'] = None\n"
        "try:\n    import asimtext.dask\nexcept ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'asimtext[dask]'" in out.stdout


def test_bad_texts_and_empty_input(client):
    df = dd.from_pandas(pd.DataFrame({"t": ["a b c", None, "d e f"]}), npartitions=1)
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        ad.near_duplicates(df, "t")
    empty = dd.from_pandas(pd.DataFrame({"t": pd.Series([], dtype=object)}), npartitions=1)
    got = ad.near_duplicates(empty, "t").compute()
    assert got.pairs == [] and got.clusters == [] and got.candidates == 0


def test_components_match_union_find(client):
    """Long paths with shuffled ids (the hard case for label propagation),
    stars, and pairs; several partitions."""
    import numpy as np

    rng = random.Random(3)
    ids = list(range(1, 2000, 3))
    rng.shuffle(ids)
    edges = []
    pos = 0
    for size in [200, 50, 20, 5, 2, 2, 3]:
        comp = ids[pos : pos + size]
        pos += size
        edges += [(comp[k], comp[k + 1]) for k in range(size - 1)]  # a path
        if size > 10:
            edges += [(comp[0], comp[k]) for k in range(2, size, 7)]  # chords
    edges = sorted({(min(a, b), max(a, b)) for a, b in edges})
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        parent[max(ra, rb)] = min(ra, rb)
    want = {x: find(x) for e in edges for x in e}
    pairs = dd.from_pandas(
        pd.DataFrame({"i": np.array([a for a, _ in edges]), "j": np.array([b for _, b in edges])}),
        npartitions=3,
    )
    clusters, rounds = ad._components(pairs, 2, 64, None)
    got = clusters.compute()
    assert dict(zip(got["doc"], got["cluster"])) == want
    assert len(got) == len(want)
    assert 2 <= rounds <= 20, rounds


def test_runs_on_the_local_scheduler_too(corpus):
    import dask

    texts, _ = corpus
    texts = texts[:80]
    want = asimtext.near_duplicates(texts, threshold=0.5)
    assert want.pairs
    df = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=3)
    with dask.config.set(scheduler="threads"):
        got = ad.near_duplicates(df, "text", threshold=0.5, components_partitions=2).compute()
    assert got == want
